"""Benchmarks (not tests): print how fast the hot paths are. Run with `make bench`.

Uses a throwaway SQLite database in a temp folder, so it never touches your data.
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
workdir = tempfile.mkdtemp(prefix="hearten-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
os.environ.setdefault("MEDIA_ROOT", f"{workdir}/media")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# Measure the pages, not the throttle (read when DRF loads its settings), and keep the output to figures.
os.environ.setdefault("API_THROTTLE_ANON", "1000000/min")
os.environ.setdefault("API_THROTTLE_USER", "1000000/min")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from PIL import Image  # noqa: E402

from community.models import User  # noqa: E402
from moderation.media import clean_image  # noqa: E402


def timed(label, fn, runs=50):
    fn()  # warm up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[int(len(samples) * 0.95) - 1]
    print(f"{label:<42} median {statistics.median(samples):7.2f} ms   p95 {p95:7.2f} ms   ({runs} runs)")


def main():
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=io.StringIO())
    User.objects.bulk_create(
        [User(handle=f"bench{i}", display_name=f"Bench {i}", password="!") for i in range(500)],
        ignore_conflicts=True,
    )
    client = Client()
    print(f"Hearten benchmarks on {connection.vendor}, {User.objects.count()} members\n")
    paths = [
        "/",
        "/help/?country=GB",
        "/help/?country=US&topic=suicide-prevention",
        "/resources/?q=anxiety",
        "/resources/?q=s3lf+h4rm&country=GB",
        "/topics/anxiety/",
        "/people/maya_moves/",
        "/api/v1/profiles/?page_size=100",
        "/api/v1/helplines/?country=GB&open_now=true",
        "/api/v1/resources/?q=sleep",
        "/api/hsds/services?per_page=50",
    ]
    for path in paths:
        status = client.get(path).status_code
        assert status == 200, f"{path} answered {status}"
        timed(f"GET {path}", lambda path=path: client.get(path))
        settings.DEBUG = True
        reset_queries()
        client.get(path)
        print(f"{'':<42} {len(connection.queries)} queries")
        settings.DEBUG = False

    screening_worst_cases()

    buffer = io.BytesIO()
    Image.new("RGB", (3000, 2000), "#8a6").save(buffer, format="JPEG", quality=90)
    photo = buffer.getvalue()
    timed(
        "image pipeline: 3000x2000 JPEG -> 512px WebP",
        lambda: clean_image(SimpleUploadedFile("p.jpg", photo), max_side=512),
        runs=10,
    )


def screening_worst_cases():
    """screen() on hostile inputs at the 20,000-character limit: each should stay far under a second.

    Repeated punctuation, one endless word, spaced letters, mentions, links: the shapes that make a careless
    regular expression backtrack. The slowest detector on each input is named, so a regression points at it.
    """
    from moderation.services import DETECTORS, MAX_SCREENED_CHARS, screen
    from moderation.text import normalise

    size = MAX_SCREENED_CHARS
    inputs = {
        "one long word": "a" * size,
        "spaced letters": "a " * (size // 2),
        "dots": "." * size,
        "dashes": "-" * size,
        "digits": "1" * size,
        "digits and spaces": "1 " * (size // 2),
        "a.a.a.": "a." * (size // 2),
        "emoji": "💀" * size,
        "mentions": "@a " * (size // 3),
        "links": "http://" * (size // 7),
        "'you are a'": "you are a " * (size // 10),
        "'i want to'": "i want to " * (size // 10),
        "'a at b dot'": "a at b dot " * (size // 11),
    }
    print("\nscreen() on hostile 20,000-character inputs (whole call; slowest detector)")
    for name, text in inputs.items():
        start = time.perf_counter()
        screen(text=text, kind="comment", author="member")
        total = (time.perf_counter() - start) * 1000
        normalised = normalise(text)
        slowest = max(
            ((_detector_ms(detector, normalised), detector.name) for detector in DETECTORS), key=lambda pair: pair[0]
        )
        print(f"  {name:<20} {total:8.1f} ms   slowest: {slowest[1]} {slowest[0]:.1f} ms")


def _detector_ms(detector, normalised) -> float:
    start = time.perf_counter()
    detector.detect(normalised, "comment")
    return (time.perf_counter() - start) * 1000


if __name__ == "__main__":
    main()
