"""What notifications need from startup, each read in a fresh process as a server starts: every kind of target
knows its link before any request imports anything, and emails sent without a request link to a real address
(SITE_URL, or the first plain host name of ALLOWED_HOSTS, with a `check --deploy` warning when guessed)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import checks
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]


def fresh_process(code: str, *, setup: bool = True, **env) -> str:
    """Run `code` (after django.setup()) in a new interpreter with these environment variables; its stdout."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SITE_URL", "ALLOWED_HOSTS", "DEBUG", "SECRET_KEY", "DATABASE_URL")
    }
    environment.update(DJANGO_SETTINGS_MODULE="config.settings", **env)
    script = f"import django\ndjango.setup()\n{code}" if setup else code
    done = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_every_notification_target_registers_its_links_at_startup():
    found = fresh_process(
        "import json, sys\n"
        "from community.selectors import notifications\n"
        "print(json.dumps(sorted(notifications._target_links)))"
    )

    assert "community.conversation" in json.loads(found)  # registered by selectors/messages.py
    assert {"community.story", "community.comment", "community.circle", "community.user"} <= set(json.loads(found))


@pytest.mark.parametrize(
    ("hosts", "site_url"),
    [
        ("*,.example.org,hearten.example.org", "https://hearten.example.org"),
        (".example.org,app.example.org", "https://app.example.org"),
        ("hearten.example.org", "https://hearten.example.org"),
        ("*", "http://127.0.0.1:8000"),  # no host name to guess: `check --deploy` says to set SITE_URL
        (".example.org", "http://127.0.0.1:8000"),
    ],
)
def test_production_guesses_the_site_url_from_a_plain_host_name_only(hosts, site_url):
    printed = fresh_process(
        "from config import settings\nprint(settings.HEARTEN_SITE_URL)",
        setup=False,
        DEBUG="0",
        SECRET_KEY="test-only-secret-key-for-a-settings-check",
        ALLOWED_HOSTS=hosts,
    )

    assert printed == site_url


def test_site_url_set_wins_over_the_hosts():
    printed = fresh_process(
        "from config import settings\nprint(settings.HEARTEN_SITE_URL, settings.HEARTEN_SITE_URL_GUESSED)",
        setup=False,
        DEBUG="0",
        SECRET_KEY="test-only-secret-key-for-a-settings-check",
        ALLOWED_HOSTS="*,hearten.example.org",
        SITE_URL="https://www.hearten.example",
    )

    assert printed == "https://www.hearten.example False"


def warnings_about_site_url() -> list[str]:
    return [
        message.msg
        for message in checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.security])
        if message.id == "hearten.W001"
    ]


def test_check_deploy_warns_when_production_guesses_the_site_url():
    with override_settings(DEBUG=False, HEARTEN_SITE_URL_GUESSED=True, HEARTEN_SITE_URL="https://a.example.org"):
        [warning] = warnings_about_site_url()
    assert "SITE_URL is not set" in warning and "https://a.example.org" in warning

    with override_settings(DEBUG=False, HEARTEN_SITE_URL_GUESSED=False):
        assert warnings_about_site_url() == []
    with override_settings(DEBUG=True, HEARTEN_SITE_URL_GUESSED=True):
        assert warnings_about_site_url() == []  # on a laptop the local address is right
