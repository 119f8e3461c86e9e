"""Each detector on its own: what it finds, through evasions, and the harmless look-alikes it leaves alone."""

import pytest

from moderation.detectors.eating_disorder import EatingDisorder
from moderation.detectors.personal_info import PersonalInfo
from moderation.detectors.self_harm import SelfHarm
from moderation.detectors.spam import SCAM, Spam
from moderation.text import normalise


def names(detector, text, kind="comment"):
    return {label.name for label in detector.detect(normalise(text), kind)}


BENIGN = [
    "this workout killed me",
    "I'm dying to see that show next week",
    "the exam was torture",
    "I could kill for a pizza right now",
    "that joke killed me 😂",
    "Romeo and Juliet both die at the end, we read it in English today",
    "my phone is dying, text me later",
    "killer whales are my favourite animal",
    "I need to cut my hair tomorrow",
    "we're going to shoot the video tonight",
    "The dose of iron tablets my doctor gave me is 200mg",
    "",
]


@pytest.mark.parametrize("text", BENIGN)
def test_risky_words_used_harmlessly_raise_nothing(text):
    for detector in (SelfHarm(), EatingDisorder(), Spam(), PersonalInfo()):
        assert names(detector, text) == set(), (detector.name, text)


@pytest.mark.parametrize(
    "text",
    [
        "i want to kill myself and i have a plan for this weekend",
        "im gonna kms tonight fr",
        "this is my last post. i'm sorry mum, i love you all",
        "I've been stockpiling my pills and tonight is the night",
        "everyone would be better off without me, i'm done",
        "i can't go on anymore",
        "i'm g0nna k1ll mys3lf",  # leetspeak
        "i want to kiiiiill myself tonight",  # stretched letters
        "i want to d.i.e",  # dotted
        "k/m/s tonight",  # slashed
        "i want to k\u200bill myself",  # zero-width space
        "і want to kіll myself",  # Cyrillic і
        "ɪ ᴡᴀɴᴛ ᴛᴏ ᴅɪᴇ",  # small capitals
        "me quiero morir esta noche",
        "je veux mourir",
        "ich will nicht mehr leben",
    ],
)
def test_a_crisis_now_is_recognised_in_its_many_spellings(text):
    assert "crisis" in names(SelfHarm(), text)


@pytest.mark.parametrize(
    "text",
    [
        "two years clean from self-harm today and I'm proud of how far I've come",
        "I used to self harm when I was 14. Therapy helped me so much.",
        "6 months sh free!! recovery is possible",
        "My suicide attempt was three years ago, and I'm still here",
    ],
)
def test_recovery_is_a_content_warning_never_a_crisis(text):
    found = names(SelfHarm(), text)
    assert "crisis" not in found
    assert "self_harm_mention" in found
    assert "recovery" in found


@pytest.mark.parametrize(
    "text",
    [
        "If you're struggling with thoughts of suicide, call or text 988. You're not alone.",
        "Suicide prevention week: learn the warning signs and how to ask directly",
        "my sister says she wants to die, how do I help her?",
        "I wanted to die last year. I used my coping box instead and made it through.",
        "I wanna die 😂 my teacher read my message out loud",
    ],
)
def test_awareness_the_past_and_hyperbole_are_not_a_crisis(text):
    assert "crisis" not in names(SelfHarm(), text)


@pytest.mark.parametrize(
    "text",
    ["kys", "k y s loser", "just kill yourself already", "nobody would miss you", "go kill urself", "k.y.s"],
)
def test_encouragement_aimed_at_someone_else_is_harassment_not_the_writers_crisis(text):
    found = names(SelfHarm(), text)
    assert "harassment" in found
    assert "crisis" not in found


def test_kys_meaning_keep_yourself_safe_is_not_harassment():
    assert names(SelfHarm(), "sending hugs, kys = keep yourself safe ❤️") == set()


def test_method_requests_are_method_and_first_person_ones_a_crisis_too():
    assert names(SelfHarm(), "how many paracetamol would it take, i want it to end") >= {"method", "crisis"}
    assert names(SelfHarm(), "what's the most painless way to die? asking for my story") == {"method"}
    assert "method" in names(SelfHarm(), "how do i hide my cuts from my parents")


def test_search_queries_count_any_crisis_term():
    for query in ("suicide", "suicde", "self h@rm", "how to stop cutting myself"):
        assert "crisis" in names(SelfHarm(), query, kind="search"), query
    for query in ("skill", "I want to diet", "5 kms run", "killer whale"):
        assert names(SelfHarm(), query, kind="search") == set(), query


@pytest.mark.parametrize(
    "text",
    [
        "thinspo for today, ugw 40kg",
        "pro ana tips: drink water when you're hungry",
        "eat under 500 calories a day and you'll see results",
        "need an ana coach, dm me",
        "fasting tips pls, day 3 of my fast",
    ],
)
def test_eating_disorder_promotion(text):
    assert names(EatingDisorder(), text) == {"eating_disorder_promotion"}


@pytest.mark.parametrize(
    "text",
    [
        "one year into ED recovery and I finished a whole pizza without guilt",
        "beat my anorexia, fear foods are fun now",
    ],
)
def test_eating_disorder_recovery(text):
    assert names(EatingDisorder(), text) == {"eating_disorder_recovery"}


def test_ordinary_food_and_exercise_talk_is_not_an_eating_disorder():
    for text in ("had a great lunch with my friends", "I lost weight when I had the flu", "goal for this week: 3 runs"):
        assert names(EatingDisorder(), text) == set(), text


def labels_of(detector, text):
    return detector.detect(normalise(text), "comment")


@pytest.mark.parametrize(
    "text",
    ["Send 0.1 BTC and get 0.2 back", "Buy 10k followers cheap!", "Verify your account here or it will be suspended"],
)
def test_scams_are_sure_spam(text):
    assert [(label.name, label.score) for label in labels_of(Spam(), text)] == [("spam", SCAM)]


@pytest.mark.parametrize(
    "text",
    [
        "visit bit.ly/abc123 for a surprise",
        "@a1 @b2 @c3 @d4 @e5 @f6 look at this",
        "follow me follow me follow me follow me",
        "check out my channel!!",
    ],
)
def test_shorteners_mass_mentions_repeats_and_promotion_are_spam_to_look_at(text):
    labels = labels_of(Spam(), text)
    assert [label.name for label in labels] == ["spam"]
    assert labels[0].score < SCAM


def test_a_plain_link_is_only_noted_for_the_policy():
    assert [label.name for label in labels_of(Spam(), "my article: https://example.org/post")] == ["link"]


@pytest.mark.parametrize(
    "text",
    [
        "call me on 07700 900123",
        "my number is +44 7700 900 456",
        "email dan(at)example(dot)com",
        "write to me: dan@example.com",
        "I live at 42 Acacia Avenue",
        "her IP is 192.0.2.14",
        "seven seven zero zero nine zero zero one two three",
    ],
)
def test_contact_details_and_addresses_are_personal_info(text):
    labels = labels_of(PersonalInfo(), text)
    assert [label.name for label in labels] == ["personal_info"]
    assert labels[0].span[1] > labels[0].span[0]


@pytest.mark.parametrize(
    "text",
    [
        "call or text 988",
        "Samaritans are on 116 123, any time",
        "Lifeline Australia: 13 11 14",
        "text HOME to 741741",
        "text SHOUT to 85258",
        "Childline 0800 1111",
        "ran 5 kms in 32 minutes on 12 March 2024",
    ],
)
def test_helplines_and_ordinary_numbers_are_not_personal_info(text):
    assert labels_of(PersonalInfo(), text) == []


def test_whose_details_and_a_call_to_go_after_them():
    own = labels_of(PersonalInfo(), "Youth worker. Contact me: jo@example.org")
    assert [(label.name, label.score) for label in own] == [("personal_info", 0.9)]
    doxxing = labels_of(PersonalInfo(), "her number is 07700 900456, spam her lol")
    assert [(label.name, label.score) for label in doxxing] == [("personal_info", 1.0), ("harassment", 0.6)]


@pytest.mark.parametrize(
    "text",
    [
        "my number is 555-0199",
        "her name is Amy Stone and she goes to St Anne's",
        "ring me on oh seven seven double oh nine hundred one two three",
    ],
)
def test_short_offered_numbers_spelled_numbers_and_a_name_with_a_school(text):
    assert [label.name for label in labels_of(PersonalInfo(), text)] == ["personal_info"]


@pytest.mark.parametrize(
    "text", ["claim your prize at tinyurl.com/abc", "Buy followers for $5 at boost dot com", "meet at 5 at the park"]
)
def test_at_and_dot_in_ordinary_sentences_are_not_an_email(text):
    assert "personal_info" not in {label.name for label in labels_of(PersonalInfo(), text)}


def test_eating_disorder_recovery_in_plain_words():
    for text in ("I used to count every calorie. Now I'm proud I don't.", "Threw my scales out, recovery is hard"):
        assert names(EatingDisorder(), text) == {"eating_disorder_recovery"}, text


def test_safety_advice_about_nudes_is_not_a_scam_but_selling_them_is(db):
    from moderation.services import screen

    advice = screen(
        text="Never send nudes to anyone, even someone you trust. Tell an adult.", kind="comment", author="member"
    )
    assert advice.action == "publish" and advice.label_names == []
    assert "spam" in screen(text="selling nudes dm me", kind="comment", author="member").label_names
    assert "sexual" in screen(text="send me nudes or i post your pics", kind="comment", author="member").label_names


@pytest.mark.parametrize(
    ("text", "label", "action"),
    [
        ("skip breakfast and lunch, you will drop 5kg in a week", "eating_disorder_promotion", "hold"),
        ("dm me on snap: edgykid99, I will show u something", "personal_info", "hold"),
        ("whats ur snap? add me on insta", "personal_info", "hold"),
        ("how old are you? send pics", "sexual", "hold"),
    ],
)
def test_found_by_trying_the_product(db, text, label, action):
    """Texts a tester wrote as a bully and a groomer would: each phenomenon, not these words, is what is caught."""
    from moderation.services import screen

    decision = screen(text=text, kind="comment", author="member")
    assert label in decision.label_names and decision.action == action


@pytest.mark.parametrize(
    "text",
    [
        "I skipped breakfast today because I overslept, now I am starving lol",
        "My dad lost 5kg in a month after starting to cycle to work",
        "I saw a great video on instagram about breathing exercises",
        "My little sister asked her teacher how old are you lol",
    ],
)
def test_their_harmless_look_alikes_pass(db, text):
    from moderation.services import screen

    assert screen(text=text, kind="comment", author="member").action == "publish"
