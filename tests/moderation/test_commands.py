"""The command-line doors: `screen` (JSON lines in, decisions out) and `moderation_eval`."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from moderation.management.commands.moderation_eval import DEFAULT_FILE

pytestmark = pytest.mark.django_db


def run_screen(data: bytes):
    out = io.StringIO()
    error = None
    try:
        call_command("screen", stdin=io.BytesIO(data), stdout=out)
    except CommandError as raised:
        error = raised
    return [json.loads(line) for line in out.getvalue().splitlines()], error


def test_screen_writes_one_decision_per_line():
    lines = [
        {"text": "this workout killed me", "kind": "comment"},
        {"text": "im gonna kms tonight", "kind": "story"},
        {"text": "check out my blog: https://example.org", "kind": "comment", "author": "new"},
    ]
    out, error = run_screen(b"\n".join(json.dumps(line).encode() for line in lines) + b"\n")
    assert error is None
    assert out[0] == {"action": "publish", "labels": [], "crisis": False, "content_warnings": []}
    assert out[1]["action"] == "hold" and out[1]["crisis"] is True and out[1]["labels"] == ["crisis"]
    assert out[2]["action"] == "hold" and "spam" in out[2]["labels"]


def test_screen_reads_a_space_for_minors():
    recovery = "Two years clean from self-harm today and proud of how far I've come."
    lines = [
        {"text": recovery, "kind": "story"},
        {"text": recovery, "kind": "story", "for_minors": True},
        {"text": recovery, "kind": "story", "for_minors": "yes"},
    ]
    out, error = run_screen(b"\n".join(json.dumps(line).encode() for line in lines) + b"\n")
    assert [line.get("action") for line in out] == ["warn", "hold", None]
    assert out[2] == {"line": 3, "error": "for_minors must be true or false"}
    assert error is not None


def test_screen_reports_each_bad_line_goes_on_and_fails_at_the_end():
    good = json.dumps({"text": "hello there", "kind": "comment"}).encode()
    bad = [
        b"{not json",
        b'{"text": "caf\xe9", "kind": "comment"}',  # Latin-1, not UTF-8
        b'{"text": "", "kind": "comment"}',
        b'{"text": "hi", "kind": "tweet"}',
        json.dumps({"text": "a" * 100_000, "kind": "comment"}).encode(),
        b'["a list"]',
        b'{"text": "hi", "kind": "comment", "author": "admin"}',
    ]
    out, error = run_screen(b"\n".join([good, *bad, good]) + b"\n")
    assert isinstance(error, CommandError) and "7 line(s)" in str(error)
    assert len(out) == 9
    assert out[0]["action"] == out[-1]["action"] == "publish"
    messages = [line["error"] for line in out[1:-1]]
    assert "invalid JSON" in messages[0]
    assert "UTF-8" in messages[1]
    assert "empty" in messages[2]
    assert "unknown kind" in messages[3]
    assert "too long" in messages[4]
    assert "JSON object" in messages[5]
    assert "unknown author" in messages[6]


def test_screen_accepts_text_streams_and_nul_bytes():
    out = io.StringIO()
    call_command("screen", stdin=io.StringIO('{"text": "a\\u0000b", "kind": "comment"}\n'), stdout=out)
    assert json.loads(out.getvalue())["action"] == "publish"


def write_cases(tmp_path, cases):
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(json.dumps(case) for case in cases) + "\n", encoding="utf-8")
    return path


def test_moderation_eval_prints_the_measures(tmp_path):
    path = write_cases(
        tmp_path,
        [
            {
                "text": "im gonna kms tonight",
                "kind": "comment",
                "category": "crisis-now",
                "expected_action": "hold",
                "expected_labels": ["crisis"],
                "expected_crisis": True,
            },
            {
                "text": "this workout killed me",
                "kind": "comment",
                "category": "benign",
                "expected_action": "publish",
                "expected_labels": [],
                "expected_crisis": False,
            },
        ],
    )
    out = io.StringIO()
    call_command("moderation_eval", str(path), stdout=out)
    report = out.getvalue()
    assert "crisis                             1         1      1.000   1.000  1.000" in report
    assert "Crisis recall: 1.000" in report
    assert "False-refusal rate (hold or reject)" in report and ": 0.000 of 1 cases" in report
    assert "Throughput:" in report and "(2000 texts" in report
    rows = {line.split()[0]: line.split()[1:] for line in report.splitlines() if line.startswith(("publish", "hold"))}
    assert rows["publish"] == ["1", "0", "0", "0", "0"]
    assert rows["hold"] == ["0", "0", "0", "1", "0"]


def test_moderation_eval_refuses_a_set_with_bad_lines(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(
        b'{"text": "hi", "kind": "comment", "expected_action": "publish", "expected_labels": [],'
        b' "expected_crisis": false}\n{oops\n'
    )
    with pytest.raises(CommandError, match="1 line"):
        call_command("moderation_eval", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("moderation_eval", str(tmp_path / "missing.jsonl"), stdout=io.StringIO())


def test_the_development_set_meets_the_issue_targets():
    """The development set is in-sample (rules were written after reading it), so this guards against
    regressions only; the honest figures come from the held-out set, which is measured, never asserted
    (asserting it would invite tuning to it). Throughput is printed, never asserted."""
    from moderation.management.commands.moderation_eval import evaluate
    from moderation.management.commands.screen import read_case

    with open(DEFAULT_FILE, "rb") as handle:
        cases = [read_case(line.rstrip(b"\n")) for line in handle if line.strip()]
    report = evaluate(cases)
    assert report["cases"] >= 400
    assert report["false_refusal_rate"] <= 0.05
    assert report["crisis_recall"] >= 0.95
    for label in ("harassment", "hate"):
        assert report["labels"][label]["recall"] >= 0.90, label
        assert report["labels"][label]["precision"] >= 0.85, label
