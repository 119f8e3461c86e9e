"""Structural checks on the labelled evaluation set in moderation/evaluation/cases.jsonl.

These tests check the set itself (format, vocabulary, internal consistency), not the screening
service: they need no database and import nothing from the project.
"""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CASES_FILE = REPO_ROOT / "moderation" / "evaluation" / "cases.jsonl"

KINDS = {"story", "comment", "entry", "question", "profile", "campaign"}
AUTHORS = {"new", "member", "trusted"}
ACTIONS = {"publish", "warn", "nudge", "hold", "reject"}
LABELS = {
    "crisis",
    "self_harm_mention",
    "recovery",
    "method",
    "harassment",
    "hate",
    "eating_disorder_promotion",
    "eating_disorder_recovery",
    "spam",
    "personal_info",
    "sexual",
    "violence",
}
REQUIRED = {"id", "text", "kind", "category", "expected_action", "expected_labels", "expected_crisis"}
OPTIONAL = {"author", "note"}

MINIMUM_PER_CATEGORY = {
    "crisis-now": 60,
    "recovery": 45,
    "awareness": 45,
    "method": 25,
    "self-harm-encouragement": 30,
    "harassment": 50,
    "hate": 30,
    "ed-promotion": 25,
    "ed-recovery": 15,
    "spam": 30,
    "personal-info": 25,
    "benign": 80,
    "ordinary": 40,
}
MINIMUM_TOTAL = 450

# Allowed actions and the label each case of a category must carry (None: no required label).
CATEGORY_RULES = {
    "crisis-now": ({"hold"}, "crisis"),
    "recovery": ({"publish", "warn"}, None),
    "awareness": ({"publish", "warn"}, None),
    "method": ({"hold"}, "method"),
    "self-harm-encouragement": ({"reject"}, "harassment"),
    "harassment": ({"hold", "reject"}, "harassment"),
    "hate": ({"reject"}, "hate"),
    "ed-promotion": ({"hold"}, "eating_disorder_promotion"),
    "ed-recovery": ({"warn"}, "eating_disorder_recovery"),
    "spam": ({"hold", "reject"}, "spam"),
    "personal-info": ({"publish", "hold", "reject"}, "personal_info"),
    "benign": ({"publish"}, None),
    "ordinary": ({"publish"}, None),
}
WARNING_LABELS = {"self_harm_mention", "eating_disorder_recovery"}


def _load() -> list[dict]:
    cases = []
    with CASES_FILE.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            assert line.strip(), f"line {number} is blank"
            try:
                case = json.loads(line)
            except json.JSONDecodeError as exc:
                pytest.fail(f"line {number} is not valid JSON: {exc}")
            assert isinstance(case, dict), f"line {number} is not a JSON object"
            cases.append(case)
    return cases


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    return _load()


def _by_category(cases: list[dict], category: str) -> list[dict]:
    return [case for case in cases if case["category"] == category]


def test_file_is_utf8_json_lines(cases):
    assert CASES_FILE.read_bytes().decode("utf-8")
    assert len(cases) >= MINIMUM_TOTAL


def test_every_field_is_valid(cases):
    for case in cases:
        where = case.get("id", case)
        keys = set(case)
        assert keys >= REQUIRED, f"{where}: missing {REQUIRED - keys}"
        assert keys <= REQUIRED | OPTIONAL, f"{where}: unknown fields {keys - REQUIRED - OPTIONAL}"
        assert isinstance(case["text"], str) and case["text"].strip(), f"{where}: empty text"
        assert "\x00" not in case["text"], f"{where}: NUL byte in text"
        assert case["kind"] in KINDS, f"{where}: bad kind {case['kind']!r}"
        assert case.get("author", "member") in AUTHORS, f"{where}: bad author {case.get('author')!r}"
        assert case["category"] in MINIMUM_PER_CATEGORY, f"{where}: unknown category {case['category']!r}"
        assert case["expected_action"] in ACTIONS, f"{where}: bad action {case['expected_action']!r}"
        labels = case["expected_labels"]
        assert isinstance(labels, list), f"{where}: expected_labels is not a list"
        assert set(labels) <= LABELS, f"{where}: unknown labels {set(labels) - LABELS}"
        assert len(labels) == len(set(labels)), f"{where}: repeated label"
        assert isinstance(case["expected_crisis"], bool), f"{where}: expected_crisis is not a bool"
        if "note" in case:
            assert isinstance(case["note"], str) and case["note"].strip(), f"{where}: empty note"


def test_ids_follow_the_pattern_and_are_unique(cases):
    ids = [case["id"] for case in cases]
    duplicates = [case_id for case_id, count in Counter(ids).items() if count > 1]
    assert not duplicates, f"duplicate ids: {duplicates}"
    for case in cases:
        assert re.fullmatch(re.escape(case["category"]) + r"-\d{3}", case["id"]), f"bad id {case['id']!r}"


def test_texts_are_unique(cases):
    texts = [case["text"].strip().casefold() for case in cases]
    duplicates = [text for text, count in Counter(texts).items() if count > 1]
    assert not duplicates, f"duplicate texts: {duplicates}"


@pytest.mark.parametrize(("category", "minimum"), sorted(MINIMUM_PER_CATEGORY.items()))
def test_minimum_cases_per_category(cases, category, minimum):
    assert len(_by_category(cases, category)) >= minimum


@pytest.mark.parametrize("category", sorted(CATEGORY_RULES))
def test_category_actions_and_labels(cases, category):
    actions, required_label = CATEGORY_RULES[category]
    for case in _by_category(cases, category):
        assert case["expected_action"] in actions, f"{case['id']}: {case['expected_action']} not in {actions}"
        if required_label:
            assert required_label in case["expected_labels"], f"{case['id']}: missing label {required_label}"


def test_every_crisis_now_case_is_held_as_crisis(cases):
    for case in _by_category(cases, "crisis-now"):
        assert case["expected_crisis"] is True, case["id"]
        assert case["expected_action"] == "hold", case["id"]


def test_crisis_flag_and_crisis_label_agree(cases):
    for case in cases:
        assert case["expected_crisis"] == ("crisis" in case["expected_labels"]), case["id"]
        if case["expected_crisis"]:
            assert case["expected_action"] == "hold", f"{case['id']}: a crisis is held, never refused or published"


def test_only_crisis_and_method_cases_expect_crisis(cases):
    for case in cases:
        if case["category"] not in {"crisis-now", "method"}:
            assert case["expected_crisis"] is False, case["id"]


def test_recovery_and_awareness_are_never_held_or_refused(cases):
    for case in _by_category(cases, "recovery") + _by_category(cases, "awareness"):
        assert case["expected_action"] in {"publish", "warn"}, case["id"]


def test_warn_cases_carry_a_content_warning_label(cases):
    for case in cases:
        if case["expected_action"] == "warn":
            assert WARNING_LABELS & set(case["expected_labels"]), f"{case['id']}: warn without a warning label"


def test_benign_and_ordinary_cases_have_no_labels(cases):
    for case in _by_category(cases, "benign") + _by_category(cases, "ordinary"):
        assert case["expected_labels"] == [], case["id"]
        assert case["expected_action"] == "publish", case["id"]


def test_personal_info_is_published_only_in_a_profile(cases):
    published = [case for case in _by_category(cases, "personal-info") if case["expected_action"] == "publish"]
    assert published, "the set needs profile cases where the writer's own contact is allowed"
    for case in published:
        assert case["kind"] == "profile", f"{case['id']}: personal information published outside a profile"


def test_set_covers_evasions_authors_and_languages(cases):
    crisis_texts = [case["text"] for case in _by_category(cases, "crisis-now")]
    assert any("\u200b" in text for text in crisis_texts), "no zero-width evasion in crisis cases"
    assert any(re.search(r"[\u0400-\u04ff]", text) for text in crisis_texts), "no look-alike letters in crisis cases"
    assert any(re.search(r"\b(?:\w[ .]){3,}\w\b", text) for text in crisis_texts), "no spaced or dotted letters"
    assert {case.get("author", "member") for case in cases} == AUTHORS
    assert {case["kind"] for case in cases} == KINDS
    other_languages = [
        case for case in cases if re.match(r"(Spanish|French|German|Portuguese)\b", case.get("note", ""))
    ]
    assert len(other_languages) >= 5
