"""Watched-word rules: the regex safety check, matching through evasions, kinds, enabled, the services."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from moderation import services
from moderation.detectors.watched_words import WatchedWords
from moderation.models import Rule
from moderation.text import normalise
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return UserFactory(is_staff=True)


def rule(staff, pattern, *, pattern_type="word", action="hold", **data):
    return services.save_rule(
        actor=staff, data={"pattern": pattern, "pattern_type": pattern_type, "action": action, **data}
    )


def fired(text, kind="comment"):
    return WatchedWords().detect(normalise(text), kind)


def matched(text, kind="comment"):
    return [text[label.span[0] : label.span[1]] for label in fired(text, kind)]


@pytest.mark.parametrize("pattern", ["(a+)+$", "(.*a){20}", "(\\w+\\s?)+$", "(a|aa)+$", "a*", "(unclosed"])
def test_unsafe_or_broken_regexes_are_refused_with_a_field_error(staff, pattern):
    with pytest.raises(ValidationError) as error:
        rule(staff, pattern, pattern_type="regex")
    assert "pattern" in error.value.message_dict
    assert not Rule.objects.exists()


@pytest.mark.parametrize(
    "pattern", ["^hello$", r"\bk+i+l+s?\b", "(?:foo|bar)baz", r"\d{3}-\d{4}", "free (followers|likes)"]
)
def test_ordinary_regexes_are_accepted(staff, pattern):
    saved = rule(staff, pattern, pattern_type="regex")
    assert Rule.objects.get().pattern == pattern == saved.pattern


@pytest.mark.parametrize(
    "typed", ["k1ll", "KILL", "ki.ll", "kiiiill", "k\u200bill", "\u043a\u0456ll", "k i l l", "ＫＩＬＬ"]
)
def test_a_word_rule_matches_evasions_and_reports_the_original_span(staff, typed):
    kill = rule(staff, "kill", action="block")
    text = f"i will {typed} you"
    labels = fired(text)
    assert [(label.rule_id, label.action, label.detector) for label in labels] == [(kill.pk, "block", "watched_words")]
    assert text[labels[0].span[0] : labels[0].span[1]] == typed


@pytest.mark.parametrize("text", ["a useful skill", "killer whale", "kiln", "I'm skilled"])
def test_a_word_rule_does_not_fire_inside_other_words(staff, text):
    rule(staff, "kill")
    assert fired(text) == []


def test_a_phrase_matches_written_together_apart_or_disguised(staff):
    rule(staff, "self harm", pattern_type="phrase")
    for text in ["about s3lf h@rm today", "selfharm", "self-harm", "SELF  HARM", "s e l f h a r m"]:
        assert len(fired(text)) == 1, text
    assert fired("self care and harmony") == []


def test_phrase_wildcards_stand_for_letters_or_words(staff):
    rule(staff, "kill*", pattern_type="phrase")
    rule(staff, "go * yourself", pattern_type="phrase")
    assert matched("killing it") == ["killing"]
    assert matched("go and hurt yourself") == ["go and hurt yourself"]
    assert matched("go yourself") == ["go yourself"]
    assert matched("go on and then hurt yourself") == []  # more than three words apart


def test_a_regex_rule_runs_on_normalised_text(staff):
    rule(staff, r"\bfree\s+followers\b", pattern_type="regex", action="flag")
    assert matched("Get FR33 f0llowers now") == ["FR33 f0llowers"]


def test_rules_apply_only_to_their_kinds_and_when_enabled(staff):
    only_profiles = rule(staff, "dm me", pattern_type="phrase", kinds=["profile"])
    assert [label.rule_id for label in fired("dm me", "profile")] == [only_profiles.pk]
    assert fired("dm me", "comment") == []
    services.save_rule(actor=staff, rule=only_profiles, data={"enabled": False})
    assert fired("dm me", "profile") == []


def test_deleting_a_rule_stops_it_firing(staff):
    kill = rule(staff, "kill")
    assert fired("kill")
    services.delete_rule(actor=staff, rule=kill)
    assert fired("kill") == []


def test_unknown_kinds_are_refused(staff):
    with pytest.raises(ValidationError) as error:
        rule(staff, "kill", kinds=["tweet"])
    assert "kinds" in error.value.message_dict


def test_only_staff_change_rules(staff, member):
    with pytest.raises(PermissionDenied):
        rule(member, "kill")
    kill = rule(staff, "kill")
    with pytest.raises(PermissionDenied):
        services.delete_rule(actor=member, rule=kill)
    assert Rule.objects.filter(pk=kill.pk).exists()


def test_the_person_who_created_a_rule_is_kept(staff):
    assert rule(staff, "kill").created_by == staff
