"""Screening generalises by phenomenon: each test names one, with wordings not used to write the rules.

Concealment of self-harm (held as method), second-person directives to self-harm (refused as harassment),
dismissive replies (a nudge, not a refusal), and the recovery, support and everyday look-alikes that must
stay published. Every text here is written for these tests.
"""

import pytest

from moderation.decision import Action
from moderation.services import screen

pytestmark = pytest.mark.django_db


def decide(text, kind="comment"):
    return screen(text=text, kind=kind, author="member")


@pytest.mark.parametrize(
    "text",
    [
        "put on a jumper so your parents dont notice the cuts",
        "bracelets cover the marks on ur wrist pretty well",
        "how can i hide my scars for swimming at school",
        "do it on your hips, teachers never check there",
        "tell your mum the dog scratched you",
        "what lie do i tell my coach about the marks on my legs",
    ],
)
def test_concealing_self_harm_is_held_as_method_not_crisis(text):
    decision = decide(text)
    assert decision.action == Action.HOLD
    assert "method" in decision.label_names
    assert not decision.crisis


@pytest.mark.parametrize(
    "text",
    [
        "I used to wear long sleeves all summer to hide my scars. Not anymore.",
        "I don't cover my scars anymore, they're part of my story",
        "wearing a hoodie today because it's freezing lol",
    ],
)
def test_not_hiding_or_past_hiding_is_not_a_tip(text):
    decision = decide(text, kind="story")
    assert "method" not in decision.label_names
    assert decision.action in (Action.PUBLISH, Action.WARN)


@pytest.mark.parametrize(
    "text",
    [
        "maybe u should start cutting, might calm u down",
        "why dont you just try overdosing",
        "you need to go starve yourself",
        "just slit ur wrists already",
    ],
)
def test_second_person_directive_to_self_harm_is_refused(text):
    decision = decide(text)
    assert decision.action == Action.REJECT
    assert "harassment" in decision.label_names
    assert not decision.crisis


@pytest.mark.parametrize(
    "text",
    [
        "you should try cutting down on caffeine before exams",
        "you should try cutting your hair short, it would suit you",
        "you should never try cutting, please talk to someone",
    ],
)
def test_directive_look_alikes_pass(text):
    decision = decide(text)
    assert "harassment" not in decision.label_names
    assert decision.action != Action.REJECT


@pytest.mark.parametrize(
    "text",
    [
        "honestly just get over it, it was ages ago",
        "bro it's not that deep",
        "toughen up, everyone has bad days",
        "just snap out of it",
    ],
)
def test_dismissive_reply_is_a_nudge(text):
    decision = decide(text)
    assert decision.action == Action.NUDGE
    assert decision.label_names == ["dismissive"]


@pytest.mark.parametrize(
    "text",
    [
        "my dad keeps telling me to just get over it and it makes me feel worse",
        "people told me to man up when i was struggling. please don't say that to anyone",
    ],
)
def test_reported_dismissal_is_not_nudged(text):
    decision = decide(text, kind="story")
    assert "dismissive" not in decision.label_names
    assert decision.action == Action.PUBLISH


def test_long_text_rules_still_fire_far_from_the_start():
    """A long story is read block by block; a threat after many calm sentences is still found."""
    calm = "Today I went to the park with my sister and we had ice cream. " * 30
    decision = decide(calm + "And @sam, I know where you live and I'm going to find you.", kind="story")
    assert decision.action == Action.REJECT
    assert "violence" in decision.label_names
