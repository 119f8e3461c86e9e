"""More phenomena screening must generalise over, each with wordings written for these tests only (not taken from
any evaluation set, and not the examples the rules were written from).

Crisis without a crisis word (finality with a timeframe, a height with "right now", others relieved once the writer
is gone); grooming and sexual requests (secrecy about the contact, a child's age waved through, pictures asked for
by clothing, undressing on a stream, paid pictures); hate that denies a group's existence or humanity, or threatens
its places of worship; wishes of physical harm; and the look-alikes that must stay published: reported or condemned
abuse, medical talk of blood, ordinary last days and decisions. Last, long texts: a finding near the end of a
20,000-character text, or one only an alternative reading sees, is still found.
"""

import pytest

from moderation.decision import Action
from moderation.services import screen

pytestmark = pytest.mark.django_db


def decide(text, kind="comment"):
    return screen(text=text, kind=kind, author="member")


# -- Crisis: finality and a timeframe, with no crisis word -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "made my choice. saturday will be my final night",
        "everything's sorted now, just have to hang on till thursday",
        "im stood on the bridge right now",
        "my family will be so much happier once i'm gone, i'm only a weight on them",
        "tomorrow's the day. i'm not even afraid anymore",
    ],
)
def test_finality_with_a_timeframe_is_a_crisis(text):
    decision = decide(text)
    assert decision.crisis
    assert decision.action == Action.HOLD


@pytest.mark.parametrize(
    "text",
    [
        "thursday is my last day at the cafe, then uni starts",
        "friday is my last day on the team before i move",
        "when i'm gone for the weekend can someone water my plants",
        "made my choice about college, waiting till thursday to tell my parents",
        "went bungee jumping tonight. not scared anymore!",
    ],
)
def test_ordinary_last_days_and_decisions_are_not_a_crisis(text):
    decision = decide(text)
    assert not decision.crisis
    assert decision.action == Action.PUBLISH


@pytest.mark.parametrize(
    "text",
    [
        "after my c section the midwife said i'd lost a lot of blood, all good now",
        "gave blood at the hospital today and felt dizzy",
        "there was so much blood at the dentist when my wisdom tooth came out",
    ],
)
def test_medical_talk_of_blood_is_not_a_crisis(text):
    decision = decide(text)
    assert not decision.crisis
    assert decision.action == Action.PUBLISH


def test_blood_with_a_self_inflicted_act_stays_a_crisis():
    decision = decide("so much blood tonight, i did it to myself again and cant stop")
    assert decision.crisis


# -- Method requests with the outcome in other words ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "which tablets would i need so i just sleep forever",
        "how hard do u have to press to reach a vein",
    ],
)
def test_asking_for_means_in_other_words_is_held_as_method(text):
    decision = decide(text)
    assert decision.action == Action.HOLD
    assert "method" in decision.label_names


# -- Grooming and sexual requests ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "never tell your dad that we chat ok? it's just for us",
        "ur 13? doesnt matter to me, add me on snap",
        "i'm really into the younger ones tbh",
        "snap me one of you in your swimsuit",
        "lift your shirt off for the stream babe",
        "i'd give you 30 quid for some pics",
        "lemme see what's under that skirt",
    ],
)
def test_grooming_and_sexual_requests_are_refused(text):
    decision = decide(text)
    assert decision.action == Action.REJECT
    assert "sexual" in decision.label_names


@pytest.mark.parametrize(
    "text",
    [
        "what school are u at? we could hang out sometime, just the two of us",
        "how old r u btw? video call alone tonight?",
    ],
)
def test_a_strangers_age_or_school_with_a_private_meeting_is_held(text):
    decision = decide(text)
    assert decision.action in (Action.HOLD, Action.REJECT)
    assert "sexual" in decision.label_names


@pytest.mark.parametrize(
    "text",
    [
        "shh its a secret, dont tell anyone, surprise party for nan on friday",
        "a man online asked me to send pics in my swimsuit, what should i do",
        "my little cousin loves young kids shows",
        "take your shoes off please, we just cleaned the carpet",
        "i'll pay you back for the concert tickets tomorrow",
    ],
)
def test_secrets_reports_and_everyday_requests_are_not_sexual(text):
    decision = decide(text)
    assert "sexual" not in decision.label_names
    assert decision.action != Action.REJECT


# -- Hate: a group denied existence, humanity or a place; violence against its places ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "gay people should never have been born",
        "refugees are not even real humans",
        "immigrants carry diseases into this country",
        "jews will never belong in this town",
        "lets torch the synagogue this weekend",
    ],
)
def test_denying_a_group_or_attacking_its_places_is_hate(text):
    decision = decide(text)
    assert decision.action == Action.REJECT
    assert "hate" in decision.label_names


@pytest.mark.parametrize(
    "text",
    [
        "the synagogue on our street is running a food drive",
        "trans people belong here like everyone else",
        "i learned that the nazis said jews spread disease, it was propaganda",
    ],
)
def test_talk_about_groups_and_places_is_not_hate(text):
    assert "hate" not in decide(text).label_names


# -- Wishes of physical harm -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "i pray somebody batters you after school",
        "hope u end up in hospital tbh",
        "honestly hope a bus runs you over",
    ],
)
def test_wishing_someone_physical_harm_is_refused(text):
    decision = decide(text)
    assert decision.action == Action.REJECT
    assert "violence" in decision.label_names


@pytest.mark.parametrize(
    "text",
    [
        "i hope someone beats my time in the 100m",
        "hope you smash your driving test tomorrow",
        "i hope they kill it at the show tonight",
    ],
)
def test_wishing_someone_well_is_published(text):
    assert decide(text).action == Action.PUBLISH


def test_hoping_someone_goes_through_with_it_is_self_harm_encouragement():
    decision = decide("hope u go through with it this time")
    assert decision.action == Action.REJECT
    assert "harassment" in decision.label_names


# -- Reported and condemned abuse ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a boy in year 9 keeps dming me 'kill yourself'. how do i make it stop?",
        "people typing kys in the comments is never funny, it's cruel",
        "my sister said 'you're so annoying' then stole my chips lol",
        "if someone messages you to go die, screenshot it and block them",
    ],
)
def test_reported_or_condemned_abuse_is_not_refused(text):
    decision = decide(text)
    assert decision.action not in (Action.HOLD, Action.REJECT)


@pytest.mark.parametrize("text", ["seriously just kys", "honestly kys nobody wants you here", "im telling you, go die"])
def test_abuse_said_by_the_writer_is_still_refused(text):
    decision = decide(text)
    assert decision.action == Action.REJECT
    assert "harassment" in decision.label_names


# -- Long texts --------------------------------------------------------------------------------------------------

_CALM = "We went to the park after lunch and talked about the new bus timetable for a while. "


def test_a_threat_at_the_end_of_a_long_text_is_found():
    text = (_CALM * 240)[:19_900] + " i know where you live and im coming for you"
    decision = decide(text, kind="story")
    assert "violence" in decision.label_names


def test_an_insult_only_another_reading_sees_is_found_in_a_long_text():
    # "1" reads as "i" in the first reading and as "l" in the other: only the other reads "loser"
    text = (_CALM * 120) + " you are a pathetic 1oser. " + (_CALM * 100)
    decision = decide(text, kind="story")
    assert "harassment" in decision.label_names


# -- Threats in other shapes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ill snap ur jaw if u come near me",
        "i'll see to it you never walk again",
        "one more word and i'll deck you",
        "we're putting you in an early grave",
        "got a blade in my bag for that kid from year 10",
        "ur getting battered on the way home",
    ],
)
def test_threats_in_other_shapes_are_refused(text):
    decision = decide(text)
    assert decision.action == Action.REJECT
    assert "violence" in decision.label_names


@pytest.mark.parametrize(
    "text",
    [
        "snap your fingers on the off beat",
        "crack your knuckles before the exam, it helps",
        "try it and see what happens, you might love it",
        "we'll put you in the squad for saturday",
        "you're getting beaten in the final this year lol",
    ],
)
def test_everyday_phrases_with_threat_words_are_published(text):
    assert decide(text).action == Action.PUBLISH


# -- Sexual requests by grammar: a request, a picture, a state of undress ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "post a vid of urself in the bath for me",
        "got any selfies without your shirt on?",
        "can i see u topless",
        "how much 4 feet pics",
        "i'll cashapp you 40 if you send a clip",
        "u wanna see my junk?",
    ],
)
def test_intimate_image_requests_are_refused(text):
    decision = decide(text)
    assert decision.action == Action.REJECT
    assert "sexual" in decision.label_names


@pytest.mark.parametrize(
    "text",
    [
        "send me a pic of you in your graduation gown!",
        "we'd pay you for content for our charity page",
        "show me your body progress pics, so proud of you",
        "how much for your photos of the lake? want a print",
    ],
)
def test_everyday_picture_requests_are_not_sexual(text):
    assert "sexual" not in decide(text).label_names


# -- Mockery aimed at a person ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "this kid genuinely thinks he's funny 💀",
        "u r a walking red flag",
        "why is she even allowed online",
    ],
)
def test_mockery_aimed_at_a_person_is_held(text):
    decision = decide(text)
    assert decision.action in (Action.HOLD, Action.REJECT)
    assert "harassment" in decision.label_names


def test_brushing_off_a_struggle_is_a_nudge_not_a_refusal():
    decision = decide("ur being so dramatic, stop whining")
    assert decision.action == Action.NUDGE
    assert decision.label_names == ["dismissive"]


# -- Methods asked for in other words; crisis read in other words ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "which is the most reliable method?",
        "is bleach strong enough to do it",
        "whats a way to overdose without anyone knowing",
    ],
)
def test_method_requests_in_other_words_are_held(text):
    decision = decide(text)
    assert decision.action == Action.HOLD
    assert "method" in decision.label_names


def test_cutting_food_is_not_a_method():
    assert decide("easiest way to cut an avocado?").action == Action.PUBLISH


@pytest.mark.parametrize(
    "text",
    [
        "my flatmate will find me when she gets home.",
        "said my goodbyes, just waiting for my parents to fall asleep",
    ],
)
def test_being_found_or_waiting_for_the_house_to_sleep_is_a_crisis(text):
    assert decide(text).crisis


def test_a_note_discarded_in_recovery_is_not_a_crisis():
    decision = decide("i wrote my goodbye note years ago. last week i ripped it up, i dont need it anymore")
    assert not decision.crisis


def test_a_duration_without_self_harm_is_recovery():
    decision = decide("nine months no sh today 🎂")
    assert "recovery" in decision.label_names
    assert decision.action == Action.WARN


# -- Eating-disorder promotion by phenomenon, and fasting for faith or care ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ways to ignore hunger pangs in class?",
        "anything above 700 cals is failure",
        "who wants to do a fasting streak with me, whoever eats least wins",
        "an empty stomach is progress",
        "how to skip lunch without anyone noticing",
    ],
)
def test_eating_disorder_promotion_is_held(text):
    decision = decide(text)
    assert decision.action == Action.HOLD
    assert "eating_disorder_promotion" in decision.label_names


@pytest.mark.parametrize(
    "text",
    [
        "any tips to not feel hungry while fasting for ramadan?",
        "had to fast for a blood test and the hunger is the worst",
        "the nurse gave me laxatives before my colonoscopy",
    ],
)
def test_fasting_for_faith_or_care_is_not_promotion(text):
    assert "eating_disorder_promotion" not in decide(text).label_names
