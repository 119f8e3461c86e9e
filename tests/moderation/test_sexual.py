"""The sexual-content detector: requests for sexual images, sextortion, solicitation, grooming, explicit
propositions; and the sex education, disclosures, reports and safety advice it must leave alone.

Every text here is written for these tests; none is taken from the evaluation set.
"""

import pytest

from moderation.decision import Action
from moderation.detectors.sexual import Sexual
from moderation.services import screen
from moderation.text import normalise

DETECTOR = Sexual()


def labels(text, kind="comment"):
    return DETECTOR.detect(normalise(text), kind)


@pytest.mark.parametrize(
    "text",
    [
        "send nudes",
        "hey cutie, dm me your noods",
        "s e n d  n u d e s",
        "snd me sum n00dz",
        "can u send me pics without your top",
        "wanna trade nudes?",
        "show me your boobs",
        "take your shirt off on cam for me",
        "want a dick pic?",
        "lets sext tonight",
    ],
)
def test_asking_for_sexual_images(text):
    (found,) = labels(text)
    assert found.name == "sexual" and found.score >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "send me more photos or i'll show your parents",
        "i've got your nudes, do what i say",
        "i'll leak your naked pics to everyone unless you pay",
    ],
)
def test_sextortion(text):
    assert [label.name for label in labels(text)] == ["sexual"]


@pytest.mark.parametrize(
    "text",
    [
        "Hot singles near you tonight, click the link",
        "sugar daddy here, looking for someone to spoil",
        "looking for young girls to chat with, I pay well",
        "I will pay your rent, just dm me",
        "I pay for feet pics, message me",
        "subscribe to my onlyfans, link in bio",
        "dm me for a good time \U0001f609",
        "hmu for hookups, no strings",
    ],
)
def test_sexual_solicitation(text):
    assert [label.name for label in labels(text)] == ["sexual"]


@pytest.mark.parametrize(
    "text",
    [
        "how old are you? you're really mature for your age",
        "this stays our little secret ok? send me a selfie",
        "are your parents home? let's video call tonight",
        "don't tell your mum we talk. i'll buy you a new phone",
        "age is just a number, meet me this weekend",
    ],
)
def test_grooming_takes_two_moves(text):
    assert [label.name for label in labels(text)] == ["sexual"]


@pytest.mark.parametrize(
    "text",
    [
        "how old are you guys? I just turned 15",
        "what year are you in? I'm in year 10 and new here",
        "are you alone in feeling like this? you're not",
        "our little secret: I cried at the end of the film",
        "send me a pic of your dog!",
        "can we swap pics from the trip?",
        "pics or it didn't happen",
        "send me the photos before friday please",
        "i'm gonna smash you at fifa tonight",
        "never send nudes to anyone, even if they ask nicely",
        "someone asked me to send nudes and I blocked them",
        "a guy keeps telling me to send pics, what do I do",
        "my ex threatened to share my photos, I told the police",
        "if someone asks you for naked pictures, tell a trusted adult",
        "sextortion is when someone threatens to share your images",
        "my uncle used to touch my private parts and I never told anyone until now",
        "I was sexually assaulted last year and therapy is helping",
        "I've been struggling with a porn addiction, 30 days clean today",
        "is it normal to want to have sex with my girlfriend?",
        "my boyfriend wants to sleep with me and I'm not ready",
        "sexual health clinic drop-in on Tuesdays, free condoms",
        "consent means both people say yes, every time",
        "I'm bisexual and proud",
        "sugar daddy scams target students, be careful",
        "you're hot and you know it",
        "",
    ],
)
def test_sex_education_disclosures_reports_and_advice_are_not_labelled(text):
    assert labels(text) == [], labels(text)


def test_the_label_points_at_the_request():
    text = "hey, send me your nudes pls"
    (found,) = labels(text)
    assert text[found.span[0] : found.span[1]] == "send me your nudes"


@pytest.mark.django_db
def test_screening_refuses_sexual_requests_and_labels_sextortion_both_ways():
    decision = screen(text="dm me ur noods", kind="comment", author="member")
    assert decision.action == Action.REJECT
    assert decision.label_names == ["sexual"]
    decision = screen(text="send me more pics or i'll tell everyone your secret", kind="comment", author="member")
    assert decision.action == Action.REJECT
    assert {"harassment", "sexual"} <= set(decision.label_names)


@pytest.mark.django_db
def test_screening_does_not_label_safety_advice_sexual():
    decision = screen(
        text="Never send nudes to anyone online. If someone asks, tell an adult.", kind="story", author="new"
    )
    assert "sexual" not in decision.label_names


def test_never_raises_on_odd_input():
    for text in ["\x00" * 50, "send " * 20_000, "\ud800 send nudes", "how old are you " * 500]:
        DETECTOR.detect(normalise(text), "comment")
