"""`python manage.py screen`: screen JSON lines from standard input, one decision per line on standard output.

Each input line is `{"text": "...", "kind": "comment", "author": "new"}` (`author` optional: new, member or
trusted; member by default; `"for_minors": true` optional, for a space for under-18s). Each output line is
`{"action", "labels", "crisis", "content_warnings"}`, or
`{"error": "..."}` for a line that cannot be screened; the run goes on and exits non-zero at the end.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from moderation.services import KINDS, MAX_SCREENED_CHARS, STANDINGS, screen


def read_case(raw: bytes) -> dict:
    """One input line as a dict with text, kind and author; ValueError (with a message to print) if bad."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"invalid UTF-8 at byte {error.start}") from None
    try:
        case = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"invalid JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(case, dict):
        raise ValueError("each line must be a JSON object")
    text, kind, author = case.get("text"), case.get("kind"), case.get("author") or "member"
    if not isinstance(text, str) or not text.strip():
        raise ValueError("text is missing or empty")
    if len(text) > MAX_SCREENED_CHARS:
        raise ValueError(f"text is too long ({len(text)} characters; at most {MAX_SCREENED_CHARS})")
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: one of {', '.join(sorted(KINDS))}")
    if author not in STANDINGS:
        raise ValueError(f"unknown author {author!r}: one of {', '.join(STANDINGS)}")
    if not isinstance(case.get("for_minors", False), bool):
        raise ValueError("for_minors must be true or false")
    return {**case, "text": text, "kind": kind, "author": author}


class Command(BaseCommand):
    help = "Screen JSON lines ({text, kind, author}) from standard input; print one JSON decision per line."
    stealth_options = ("stdin",)  # call_command("screen", stdin=io.BytesIO(...)) in tests

    def handle(self, *args, **options):
        stdin = self.stdin if hasattr(self, "stdin") else sys.stdin
        stream = getattr(stdin, "buffer", stdin)
        errors = 0
        for number, raw in enumerate(stream, start=1):
            if isinstance(raw, str):
                raw = raw.encode("utf-8", "surrogatepass")
            raw = raw.rstrip(b"\r\n")
            if not raw.strip():
                continue
            try:
                case = read_case(raw)
            except ValueError as error:
                errors += 1
                self.stdout.write(json.dumps({"line": number, "error": str(error)}))
                continue
            decision = screen(
                text=case["text"],
                kind=case["kind"],
                author=case["author"],
                context={"for_minors": case.get("for_minors", False)},
            )
            out = decision.as_dict()
            keys = ("action", "labels", "crisis", "content_warnings")
            self.stdout.write(json.dumps({key: out[key] for key in keys}, ensure_ascii=False))
        if errors:
            raise CommandError(f"{errors} line(s) could not be screened")

    def execute(self, *args, **options):
        self.stdin = options.pop("stdin", sys.stdin)
        return super().execute(*args, **options)
