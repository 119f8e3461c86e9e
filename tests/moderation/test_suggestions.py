"""Safe-messaging suggestions: what screen() found, turned into kind advice for the writer."""

import pytest

from moderation.decision import Action, Decision, Label
from moderation.services import screen
from moderation.suggestions import ORDER, suggest

pytestmark = pytest.mark.django_db


def codes(text, *, kind="story", content_warnings=()):
    decision = screen(text=text, kind=kind, author="member")
    found = suggest(decision, text, content_warnings=content_warnings)
    for suggestion in found:
        assert set(suggestion) == {"code", "message"}
        assert isinstance(suggestion["message"], str) and suggestion["message"]
    return [suggestion["code"] for suggestion in found]


@pytest.mark.parametrize(
    "text",
    [
        "Had a lovely walk today with my dog.",
        "I found a solution to my maths homework at last!",
        "Exam week is stressful but my friends help a lot.",
        "This workout killed me lol",
        "Our challenge: five minutes of stretching every morning.",
    ],
)
def test_benign_writing_gets_no_suggestions(text):
    assert codes(text) == []


def test_method_talk_is_asked_to_leave_out_the_method_first():
    found = codes("how many pills would it take to overdose")

    assert found[0] == "leave_out_method"
    # A request for means reads as a crisis: the writer is offered help, not asked to add it for readers.
    assert "add_help" not in found


def test_self_harm_talk_without_help_is_asked_to_add_where_help_is():
    assert "add_help" in codes("I used to self harm but I'm 2 years clean now")


@pytest.mark.parametrize(
    "ending",
    [
        "If you're struggling, the Samaritans helpline is there.",
        "Please reach out if you feel like this.",
        "Talk to someone you trust.",
        "Get help at /help/ any time.",
        "Call 116 123.",
    ],
)
def test_no_help_suggestion_when_the_text_already_says_where_help_is(ending):
    assert "add_help" not in codes(f"I used to self harm but I'm 2 years clean now. {ending}")


@pytest.mark.parametrize(
    "text",
    [
        "He ended his pain, he is finally at peace now.",
        "b3tter 0ff d3ad",  # leetspeak
        "f.i.n.a.l.l.y at peace",  # letters spelled out
        "suicide is the only way out for me",
        "My friend took her own life. It was inevitable.",
    ],
)
def test_suicide_framed_as_a_way_out_or_a_relief_is_pointed_out(text):
    assert "avoid_solution_framing" in codes(text)


def test_way_out_words_are_only_framing_when_the_text_is_about_suicide():
    assert "avoid_solution_framing" not in codes("The only way out of this maze is left, then right.")


def test_numbers_in_eating_disorder_talk_are_asked_to_be_left_out():
    assert "leave_out_numbers" in codes("I got down to 90lbs and 500 calories a day, thinspo")
    assert "leave_out_numbers" in codes("In recovery from anorexia. My BMI was 14 at my lowest.")


def test_eating_disorder_recovery_without_numbers_is_not_asked_about_numbers():
    found = codes("I'm in recovery from anorexia, it was hard")

    assert "leave_out_numbers" not in found
    assert "add_content_warning" in found


def test_numbers_outside_eating_disorder_talk_are_fine():
    assert codes("I ran 5 km and ate 2 bananas.") == []


def test_a_content_warning_is_suggested_unless_the_writer_chose_it():
    text = "I'm in recovery from anorexia, it was hard"
    decision = screen(text=text, kind="story", author="member")
    assert decision.content_warnings == ("eating_disorders",)

    suggested = suggest(decision, text)
    assert [s["code"] for s in suggested] == ["add_content_warning"]
    assert "Eating disorders" in suggested[0]["message"]
    assert suggest(decision, text, content_warnings=["Eating  Disorders"]) == []  # the name, as typed
    assert suggest(decision, text, content_warnings=["eating_disorders"]) == []  # the code


def test_unkind_writing_is_asked_to_keep_it_kind():
    assert "keep_it_kind" in codes("you are a worthless idiot, kys")
    assert "keep_it_kind" in codes("I hate you, you are disgusting and ugly", kind="comment")


def test_a_watched_word_nudge_asks_to_keep_it_kind():
    decision = Decision(
        action=Action.NUDGE,
        labels=(Label(name="watched_word", score=1.0, detector="watched_words", rule_id=7, action="nudge"),),
    )
    assert [s["code"] for s in suggest(decision, "some text")] == ["keep_it_kind"]
    flagged = Decision(
        action=Action.PUBLISH,
        labels=(Label(name="watched_word", score=1.0, detector="watched_words", rule_id=7, action="flag"),),
    )
    assert suggest(flagged, "some text") == []


def test_suggestions_come_most_important_first_and_each_once():
    text = "how many pills would it take to overdose, it's the only way out, better off dead"
    found = codes(text)

    assert found == sorted(found, key=ORDER.index)
    assert len(found) == len(set(found))
    assert found[:2] == ["leave_out_method", "avoid_solution_framing"]


def test_suggest_is_pure_and_takes_any_text():
    decision = Decision(action=Action.PUBLISH)
    assert suggest(decision, None) == []
    assert suggest(decision, "\x00" * 10 + "\ud800") == []
