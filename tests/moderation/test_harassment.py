"""The harassment, bullying and hate detector: insults, threats, humiliation, pile-ons, exclusion, hate,
evasions, look-alikes, spans, the model and its training data.

Every text here is written for these tests; none is taken from the evaluation set.
"""

import json
import re
from pathlib import Path

import pytest

from moderation.detectors.harassment import SEVERE_THREAT, Harassment, training_texts
from moderation.policy import SEVERE
from moderation.text import normalise

DETECTOR = Harassment()
RULES_ONLY = Harassment(model=False)
CASES_FILE = Path(__file__).resolve().parents[2] / "moderation" / "evaluation" / "cases.jsonl"


def labels(text, kind="comment", detector=DETECTOR):
    return detector.detect(normalise(text), kind)


def names(text, kind="comment"):
    return {label.name for label in labels(text, kind)}


def best(text, name, detector=DETECTOR):
    return max((label.score for label in labels(text, detector=detector) if label.name == name), default=0.0)


# Insults: held when plain, refused when they attack a body or are sexual or dehumanising.


@pytest.mark.parametrize(
    "text",
    [
        "you are such a pathetic loser",
        "shut up you idiot",
        "@jess you're a liar and a fake",
        "nobody likes you",
        "everyone hates you",
        "you have no friends",
        "you're so annoying, honestly",
        "your poem is cringe and so are you",
        "you sound dumb when you talk about football",
        "why are you so boring",
        "your opinion is worthless",
        "get a life, weirdo",
        "what a clown",
        "you useless lump",
        "you'll never amount to anything",
        "your channel is a joke",
    ],
)
def test_plain_insults_are_held_for_a_moderator(text):
    assert 0.55 <= best(text, "harassment", RULES_ONLY) < SEVERE


@pytest.mark.parametrize(
    "text",
    [
        "ur so ugly",
        "u r a fat pig",
        "she's such a slut",
        "you're disgusting, go away",
        "your face is hideous",
        "you look like a goblin in every photo",
        "you're a waste of oxygen",
        "your mum is fat and so are you",
        "no wonder your parents left, they couldn't stand you",
        "imagine being this ugly and still posting",
        "we all laugh at you when you walk past",
        "you belong in a zoo",
        "put a bag over your head before the next selfie",
        "your mum should have given you up",
        "ew your nose \U0001f92e",
    ],
)
def test_attacks_on_a_body_family_or_dignity_are_refused(text):
    assert best(text, "harassment", RULES_ONLY) >= SEVERE


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("y0u 4r3 a l0s3r", "harassment"),
        ("u r s t u p i d", "harassment"),
        ("you are an i.d.i.o.t", "harassment"),
        ("ur a fr34k", "harassment"),
        ("stupid b*tch", "harassment"),
        ("you're such a f**king idiot", "harassment"),
        ("you're such a l\u043es\u0435r", "harassment"),  # Cyrillic o and e
        ("you are a cl\u200bown", "harassment"),  # zero-width space
        ("\uff59\uff4f\uff55\u2019\uff52\uff45 \uff55\uff47\uff4c\uff59", "harassment"),  # full-width letters
        ("dumb@ss", "harassment"),
        ("d.u.m.b c.o.w", "harassment"),
        ("w e i r d o", "harassment"),
        ("k\u200by\u200bs", "harassment"),
        ("k y s", "harassment"),
        ("nob0dy l1kes y0u", "harassment"),
        ("imm1grants are v3rmin", "hate"),
        ("\u0399MMIGRANTS ARE VERMIN", "hate"),  # Greek capital iota
        ("I'll hurrrt you", "violence"),
        ("I kn0w wh3re y0u l1ve", "violence"),
    ],
)
def test_evasive_spellings(text, name):
    assert best(text, name) >= 0.6


@pytest.mark.parametrize(
    "text", ["idi0t", "loser.", "clown \U0001f921\U0001f921", "pathetic creep", "fat pig. log off"]
)
def test_an_insult_said_alone_is_aimed_at_whoever_it_answers(text):
    assert "harassment" in names(text)


def test_a_profile_that_calls_its_writer_a_nerd_is_not_an_insult():
    assert labels("nerd | gamer | 17", kind="profile") == []
    assert labels("nerd.", kind="profile") == []


# Threats, wishes of harm, exposure.


@pytest.mark.parametrize(
    "text",
    [
        "I'll hurt you",
        "I know where you live",
        "watch your back",
        "im gonna beat you up after school",
        "someone should stab him",
        "I'll break your legs",
        "i've got your address, see you soon",
        "wait till i catch you alone",
        "i'll get my cousins to deal with you",
        "say that again and i'll knock your teeth out",
        "i know which bus you get home",
        "you're going to get your face smashed in",
    ],
)
def test_threats_are_violence_and_harassment(text):
    found = labels(text)
    assert max(label.score for label in found if label.name == "violence") >= SEVERE_THREAT
    assert "harassment" in {label.name for label in found}


@pytest.mark.parametrize(
    "text",
    [
        "I hope something awful happens to you",
        "i hope your cat dies",
        "you deserve to be miserable forever",
        "i'll ruin your life, just watch",
        "i'm going to make sure your whole class reads your diary",
        "tell me your real name or we'll find out ourselves",
        "I'll post your nudes for everyone to see",
        "send me more pics or everyone at school will see them",
        "pay up or your dms go to the group chat",
    ],
)
def test_wishes_of_harm_exposure_and_sextortion_are_refused(text):
    assert best(text, "harassment") >= SEVERE


@pytest.mark.parametrize(
    "text",
    [
        "i'll kill you if you spoil the ending lol",
        "I'm going to murder you if you eat my chips",
        "i'm gonna destroy you at chess tomorrow",
        "i'll beat you at mario kart",
        "my mum is going to kill me when she sees this",
        "she's going to kill you when she finds out about the surprise",
        "i'll kill you lol, why would you post that pic",
    ],
)
def test_jokes_games_and_someone_elses_anger_are_not_threats(text):
    assert labels(text) == []


def test_a_threat_written_with_laughter_is_held_not_refused():
    found = labels("i'm going to punch you lmao")
    assert {label.name for label in found} == {"harassment"}
    assert max(label.score for label in found) < SEVERE


# Telling someone to harm themselves, humiliation, pile-ons, exclusion, mocking a disclosure.


@pytest.mark.parametrize(
    "text",
    [
        "kys",
        "just kill yourself",
        "go kill urself nobody would miss you",
        "do everyone a favour and disappear",
        "the world would be better without you",
        "this planet would be so much nicer without you",
        "nobody would even show up to your funeral",
        "your parents would be relieved if you were gone",
        "if i looked like you i'd have ended it already",
        "you should just give up on living",
        "you should have been aborted",
        "do it then. you won't. coward",
        "m\u00e1tate, nadie te va a extra\u00f1ar",
        "bring dich um",
    ],
)
def test_telling_someone_to_harm_themselves_is_refused(text):
    assert best(text, "harassment") >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "everyone report her account",
        "let's all spam his comments",
        "we should make her life hell",
        "screenshot this and send it to the whole class",
        "everyone go to @sam.k's page and spam him",
        "go tell her what a loser she is",
        "can everyone report @dan_22 until he's gone",
        "we made a group chat just to mock you",
        "lets all comment pig emojis on her selfie",
        "lmao look at him trying to dance \U0001f480 @everyone come look",
        "look at her nose \U0001f922\U0001f922",
    ],
)
def test_pile_ons_and_body_mocking_are_refused(text):
    assert best(text, "harassment") >= SEVERE


@pytest.mark.parametrize(
    "text",
    [
        "nobody in our form likes you",
        "we don't want you at our party",
        "you can't sit with us",
        "this is why you don't have any friends",
        "we're all going to ignore you from now on",
    ],
)
def test_exclusion_is_harassment(text):
    assert best(text, "harassment") >= 0.7


@pytest.mark.parametrize(
    "text",
    [
        "your depression is fake, you just want attention",
        "stop faking for attention",
        "your ocd isn't real, you're just fussy",
        "posting about your anxiety again for likes",
        "nobody cares about your trauma",
        "if you were really suicidal you wouldn't post selfies",
        "you only post this so people feel sorry for you",
    ],
)
def test_mocking_a_disclosure_is_refused(text):
    assert best(text, "harassment") >= SEVERE


# Hate: a protected group and a dehumanising, inferiorising, conspiratorial or eliminationist predicate.


@pytest.mark.parametrize(
    "text",
    [
        "immigrants are vermin",
        "gay people are a disease",
        "trans people don't deserve rights",
        "disabled people should be put down",
        "muslims are animals",
        "all refugees should be deported",
        "women are property",
        "wipe out all the immigrants",
        "I hate all jews",
        "being trans is a mental illness",
        "lesbians shouldn't be allowed to adopt",
        "you [slur]",
        "deaf kids are a burden on schools",
        "black people are genetically inferior",
        "girls are too dumb to do physics",
        "jews run the banks",
        "muslims are outbreeding us",
        "trans women are just men",
        "women belong in the kitchen",
        "i wish all the refugees would go back",
        "gay ppl are s1ck",
        "the holocaust never happened",
        "hitler had the right idea",
        "kick every migrant out",
        "refugees not welcome!",
        "roma are thieving savages",
        "los inmigrantes son una plaga",
        "die fl\u00fcchtlinge sind ratten",
    ],
)
def test_hate_about_protected_groups(text):
    assert best(text, "hate") >= 0.9


@pytest.mark.parametrize(
    "text", ["someone should shoot all the immigrants", "gas the jews", "the only good [slur] is a dead one"]
)
def test_calls_to_kill_a_group_are_hate_and_violence(text):
    assert {"hate", "violence"} <= names(text)


@pytest.mark.parametrize(
    "text",
    [
        "immigrants are not criminals",
        "refugees are people fleeing war",
        "muslims are victims of hate crimes too",
        "autistic people are confused by vague instructions sometimes",
        "gay people are sick of being used as a punchline",
        "women run the world \U0001f451",
        "trans women are women",
        "our history class covered how nazis called jews vermin",
        "saying immigrants are vermin is racist",
        "people say refugees are criminals but the numbers say otherwise",
        "Pride month starts tomorrow, so happy to be gay",
        "my disabled brother is the funniest person I know",
        "jewish history month reading list",
    ],
)
def test_groups_named_respectfully_or_hate_reported_is_not_hate(text):
    assert not names(text) & {"hate", "violence"}, labels(text)


# Things that must not fire at all.


@pytest.mark.parametrize(
    "text",
    [
        "you killed it!",
        "this song slaps",
        "I hate mondays",
        "my brother is such an idiot lol",
        "you are amazing",
        "you're not stupid, you're tired",
        "nobody thinks you're stupid",
        "don't let anyone tell you you're ugly",
        "you might think you're a failure, you're not",
        "I'm so stupid, I forgot my keys",
        "I feel like such a loser today",
        "learn why calling immigrants vermin is dehumanising",
        "someone called me a loser at school today and it hurt",
        "he told me to kill myself and I cried",
        "please don't kill yourself, you matter",
        "if you ever want to kill yourself, call a helpline",
        "is it normal to feel calm after deciding to kill yourself",
        "sending hugs, kys = keep yourself safe",
        "saying immigrants are vermin is racist",
        "gay people deserve equal rights",
        "this workout killed me",
        "everyone loves you here",
        "let's all share one good thing from today",
        "watch your step, the floor is wet",
        "I know where you're coming from",
        "you nerd haha, love you",
        "you absolute clown, happy birthday bestie",
        "lol you're so weird, never change",
        "omg you're such a dork, it's adorable",
        "I'm going to post my pics from the trip tonight",
        "your depression is real and it's valid",
        "you deserve everything good coming your way",
        "you deserve the world",
        "your account will be suspended if you don't verify your email",
        "the song goes \"i'll kill you if you leave\" and it's stuck in my head",
        'what does "you\'re a waste of space" even mean, someone wrote it under my post',
        "my friend says she's ugly all the time, how can I help her?",
        "your cat sounds like a baby when she's hungry",
        "post your favourite song below",
        "message me your questions before the live session",
        "how to talk to your parents about your mental health",
        "you can delete your account in settings",
        "stop posting at 3am, sleep matters",
        "the new update is trash, the app keeps crashing",
        "that finale wrecked me",
        "my cat looks like a potato when she sleeps",
        "",
    ],
)
def test_benign_look_alikes_are_not_labelled(text):
    assert labels(text) == [], labels(text)


def test_reported_or_condemned_abuse_is_not_returned_at_all():
    # The policy holds any harassment label, so a low score would still hold the text: nothing is returned.
    for text in ("a girl in my year keeps telling me I'm ugly", "they called me a pig and everyone laughed"):
        assert labels(text) == [], text


# Spans, scores, model, training data, robustness.


def test_spans_point_at_the_original_text():
    text = "Hey there. Y0U  ARE\u200b a l0$er!!"
    found = [label for label in labels(text) if label.name == "harassment"]
    assert found
    start, end = found[0].span
    assert text[start:end].startswith("Y0U") and text[start:end].endswith("l0$er")

    text = "Honestly, imm1grants are VERMIN."
    (hate,) = [label for label in labels(text) if label.name == "hate"]
    assert text[hate.span[0] : hate.span[1]] == "imm1grants are VERMIN"


def test_mentions_and_masked_letters_are_read_as_written():
    text = "@tom_r is such a loser"
    (found,) = labels(text)
    assert text[found.span[0] : found.span[1]] == "@tom_r is such a loser"
    text = "ok ur a b*tch"
    (found,) = labels(text)
    assert text[found.span[0] : found.span[1]].endswith("b*tch")


def test_labels_name_the_detector_and_scores_are_probabilities():
    for label in labels("kys you ugly freak, I know where you live"):
        assert label.detector == "harassment"
        assert 0.0 <= label.score <= 1.0


def test_rules_alone_without_the_model():
    assert any(label.name == "hate" for label in RULES_ONLY.detect(normalise("migrants are parasites"), "story"))
    assert RULES_ONLY.detect(normalise("you are amazing"), "story") == []


def test_the_model_needs_a_content_word_as_evidence():
    # "your", "you", "should" lean towards abuse in the training texts; on their own they are not evidence.
    for text in ("your order will be shipped when you confirm your address", "you should all bring your ideas"):
        assert labels(text) == [], text


def test_training_texts_are_labelled_both_ways_and_never_copy_an_evaluation_case():
    examples = training_texts()
    assert {label for label, _ in examples} == {0, 1}
    assert sum(label for label, _ in examples) >= 300 and len(examples) >= 600

    def words(text):
        return " ".join(re.findall(r"[a-z0-9]+", text.lower()))

    with open(CASES_FILE, encoding="utf-8") as handle:
        cases = {words(json.loads(line)["text"]) for line in handle if line.strip()}
    copied = [text for _, text in examples if words(text) in cases]
    assert copied == []


def test_never_raises_on_odd_input():
    for text in ["\x00" * 50, "a" * 100_000, "\ud800 you idiot", "@@@@ " * 1000, "*" * 5000, "b*" * 3000]:
        DETECTOR.detect(normalise(text), "comment")
