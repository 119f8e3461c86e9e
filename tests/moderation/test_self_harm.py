"""The self-harm and suicide detector, by phenomenon: how people say they are at risk now, and the look-alikes
that are not a crisis (the past, recovery, awareness, someone else, fiction, hyperbole, negation).

The texts are written for these tests, one or two per way of saying a thing, so that a rule written for one
phrasing fails them. The detector is tested on its own; `test_screen.py` covers the policy (a crisis is held).
"""

import pytest

from moderation.detectors.self_harm import SelfHarm
from moderation.text import normalise

DETECTOR = SelfHarm()
RULES_ONLY = SelfHarm(model=None)


def names(text, kind="comment", detector=DETECTOR):
    return {label.name for label in detector.detect(normalise(text), kind)}


# -- a crisis now ----------------------------------------------------------------------------------------------

INTENT = [
    "i'm going to kill myself after my parents fall asleep",
    "honestly i think i'm gonna end my life this week",
    "im so ready to die. i have nothing left",
    "I've been thinking about killing myself a lot and I think I'm going to do it",
    "i want to unalive myself",
    "gonna unalive fr this time",
    "thinking of sewerslide",
    "gonna ctb tonight",
    "i'm planning to end things on friday",
    "after the exam i'm ending it",
    "i'm going to jump off the bridge near my school",
    "I keep thinking about overdosing on my mum's pills",
    "cant stop thinking about jumping in front of a train",
    "i need to end it. i can't anymore",
    "I will take my own life",
    "i decided i'm going to hang myself",
    "I'M GOING TO KILL MYSELF",
    "i might just end it all tonight",
    "tryna find the guts to kms",
    "i want to take all my pills at once",
]

PASSIVE_IDEATION = [
    "I wish I could just not wake up tomorrow",
    "I don't want to be here anymore",
    "i really dont want to live anymore",
    "i can't keep going like this",
    "there's no point in living",
    "everyone would be better off without me",
    "i'm done with life",
    "i just want to go to sleep forever",
    "I wish I was never born",
    "i hope i die in my sleep tonight",
    "i want to stop existing",
    "im so tired of being alive",
    "life isn't worth living anymore",
    "i feel so suicidal today",
    "i don't deserve to be alive",
]

TIMEFRAME_AND_PLAN = [
    "before my birthday i'll be gone",
    "kms tonight no joke",
    "suicide tonight. sorry everyone",
    "i have a plan and i'm doing it tomorrow",
    "the pills are lined up on my desk",
    "i've been saving up my antidepressants for weeks",
    "nobody would even notice if i was gone. i've got the pills ready",
    "i'm such a burden. i know exactly how i'm going to do it",
    "it's happening this weekend. i've made up my mind",
    "i'm done. tonight.",
]

GOODBYES = [
    "this is my last post. thank you for everything",
    "goodbye forever. i love you all",
    "I've written letters to my family. I'm sorry",
    "giving away my things so my sister has something to remember me by",
    "by the time anyone reads this i'll be gone",
    "you won't hear from me again",
    "i won't be alive by monday",
    "deleting all my accounts. goodbye everyone, it's not your fault",
    "sorry mum. i love you. please look after my cat",
    "see you all on the other side",
    "this is my final message. don't look for me",
    "i love you all 🪦",
]

SELF_HARM_NOW = [
    "i want to cut so bad right now",
    "relapsing tonight, i dont care anymore",
    "i need to hurt myself rn",
    "the urge to cut is so strong right now and i have the blade",
    "gonna cut again tonight, deeper",
    "i'm about to relapse, i have the razor in my hand",
]

IN_DANGER_NOW = [
    "I've taken a whole packet of paracetamol",
    "i just swallowed all my sertraline",
    "i took 30 pills an hour ago and i'm scared",
    "standing on the ledge of my balcony",
    "im on the bridge right now and i'm going to jump",
    "i cut too deep and it won't stop bleeding",
    "the rope is tied",
]

ASKING_FOR_MEANS = [
    "how many sleeping pills would it take to not wake up",
    "what's the lethal dose of sertraline, i have 2 boxes",
    "what's the quickest way to die",
    "how deep do i need to cut",
    "where can i buy a rope without my parents knowing",
    "which bridge near here is high enough",
]

OTHER_LANGUAGES = [
    "quiero morirme",
    "me voy a matar esta noche",
    "ya no quiero vivir",
    "no quiero seguir viviendo",
    "quiero hacerme daño",
    "todos estarían mejor sin mí",
    "je veux mourir",
    "je vais me suicider demain",
    "je ne veux plus vivre",
    "j'ai plus envie de vivre",
    "je veux me faire du mal",
    "tout le monde serait mieux sans moi",
    "ich will sterben",
    "ich bringe mich heute um",
    "ich will nicht mehr leben",
    "ich will mich ritzen",
    "lebt wohl, das ist mein letzter Post",
    "quero morrer",
    "vou me matar hoje",
    "não quero mais viver",
    "quero me cortar",
    "todos ficariam melhor sem mim",
    "voglio morire",
    "stasera mi uccido",
    "non voglio più vivere",
    "voglio farmi del male",
    "voglio farla finita",
]

EVASIONS = [
    "i w4nt t0 d1e",
    "i want to k.i.l.l myself",
    "wanna unalive myself 🔪",
    "im going to kms",
    "kmsss tonight",
    "s-u-i-c-i-d-e tonight i'm sorry",
    "ɪ'ᴍ ɢᴏɴɴᴀ ᴋɪʟʟ ᴍʏsᴇʟꜰ",
    "im gonna end it alllll",
    "i wanna diiiie fr",
    "im gonna k!ll mys€lf",
    "i want to unalive",
    "gonna sewer slide",
]


# Warning signs that say it without naming it: two of them together, or one with a timeframe.
INDIRECT = [
    "Decided I'm not going to be around for Christmas. It's better this way.",
    "thanks for everything, all of you. i won't be posting again.",
    "i'm up on the top floor of the car park. i'm so tired",
    "every night i plan how i'd do it and tonight i think i actually will",
    "My parents will find the letters in the morning",
    "i'm not going to make it to my birthday. i've made sure of it",
    "been giving my favourite things to my cousins. soon they will understand",
    "whats the point. i have everything i need to make it stop",
    "i don't see myself getting older than sixteen",
    "i just want my brain switched off forever",
    "sorry to everyone i let down. i'm tired of being a disappointment",
    "i'm sitting in the car in the garage with the engine running",
    "the pills are on my desk and my mind is made up",
    "i don't want to see another christmas",
    "i've made my choice. my family would cope better without me",
    "i've said my goodbyes. tomorrow is the day",
    "i w a n t t o d i e",
    "i.m g.o.i.n.g t.o e.n.d i.t",
    "kms fr. not joking this time",
    "please don't be sad when you find out. i love you all",
]


@pytest.mark.parametrize(
    "text",
    INTENT + PASSIVE_IDEATION + TIMEFRAME_AND_PLAN + GOODBYES + SELF_HARM_NOW + IN_DANGER_NOW + EVASIONS + INDIRECT,
)
def test_a_crisis_now_is_recognised_however_it_is_said(text):
    assert "crisis" in names(text)


@pytest.mark.parametrize("text", OTHER_LANGUAGES)
def test_a_crisis_now_is_recognised_in_spanish_french_german_portuguese_and_italian(text):
    assert "crisis" in names(text)


@pytest.mark.parametrize("text", ASKING_FOR_MEANS)
def test_a_first_person_request_for_means_is_a_method_and_a_crisis(text):
    assert {"method", "crisis"} <= names(text)


@pytest.mark.parametrize("text", INTENT + GOODBYES + TIMEFRAME_AND_PLAN + OTHER_LANGUAGES)
def test_the_rules_alone_find_a_crisis_without_the_model(text):
    assert "crisis" in names(text, detector=RULES_ONLY)


def test_a_crisis_is_never_also_a_content_warning():
    found = names("i used to self harm and tonight i'm going to do it again, deeper")
    assert "crisis" in found
    assert "self_harm_mention" not in found and "recovery" not in found


# -- not a crisis -----------------------------------------------------------------------------------------------

PAST_AND_RECOVERY = [
    "two years ago i tried to kill myself. today i graduated",
    "i used to want to die every day, now i'm actually excited for the future",
    "when i was 14 i cut myself almost daily. i'm 19 now and 3 years clean",
    "I survived an overdose at 16 and I'm so glad I'm still here",
    "last year i had a plan to end it. i told my teacher and got help",
    "i haven't self harmed in 200 days!!",
    "had a strong urge to cut last night but i called my friend instead",
    "i'm an attempt survivor and i'm proud of how far i've come",
    "a year ago i wrote a goodbye note. today i'm writing my uni application",
    "i was suicidal for most of 2023, therapy saved my life",
    "i used to think everyone would be better off without me. i was wrong",
    "llevo seis meses sin autolesionarme",
    "ça fait un an que je ne me scarifie plus",
    "seit 100 Tagen ritzfrei",
]


@pytest.mark.parametrize("text", PAST_AND_RECOVERY)
def test_the_past_and_recovery_are_a_content_warning_not_a_crisis(text):
    found = names(text)
    assert "crisis" not in found
    assert "self_harm_mention" in found


AWARENESS = [
    "If you feel like ending it, please call 988 or text HOME to 741741",
    "if you're thinking about suicide, you are not alone. reach out tonight",
    "Warning signs: talking about being a burden, giving things away, saying goodbye",
    "Please don't kill yourself, you matter so much ❤️",
    "What should I do if my friend says she wants to kill herself?",
    "my friend told me she's going to end it tonight, what do i do",
    "my sister keeps saying 'i want to die'. how can i help her?",
    "suicide prevention day is tomorrow, wear yellow",
    "how do i support someone who self harms?",
    "How do I tell my therapist I don't want to be alive anymore?",
]

THIRD_PERSON_AND_FICTION = [
    "the main character kills himself at the end of the book and i cried",
    "in the movie she says 'i want to die' and it's so sad",
    "we're reading Romeo and Juliet, Juliet stabs herself",
    "the lyrics go 'i wanna die tonight' and it's such a sad song",
    "my classmate's brother died by suicide last month",
]

HYPERBOLE = [
    "this homework is killing me",
    "i'd rather die than wear that dress",
    "kill me now, it's monday again",
    "if i have to hear this song one more time i'll kms 😂",
    "i'm literally dead 💀💀",
    "my mum is going to kill me lol",
    "i want to die of embarrassment, i called my teacher mum",
    "ugh i wanna die, the wifi's been down all day 😭",
    "i'm gonna die if she doesn't text back",
    "i could literally die right now, i just met my favourite singer!!",
    "that exam made me want to die lol",
    "i'm dying to see the new season",
    "the heat is unbearable, i'm gonna die",
]

NEGATION_AND_ORDINARY = [
    "i'm not suicidal, just really tired",
    "i would never hurt myself, but today was rough",
    "i'm not going to kill myself, i promise",
    "had the worst day, going to bed early tonight",
    "i'm so done with this semester",
    "i'm done! finally finished my coursework 🎉",
    "goodbye everyone, i'm off to camp for two weeks, see you in august!",
    "this is my last post of the year, thank you all for an amazing year!",
    "i gave away my old clothes to charity today",
    "i'm deleting instagram for a month to focus on exams",
    "i have a plan for revision this weekend",
    "I'm going to cut my fringe tonight, wish me luck",
    "going to jump in the pool later",
    "my phone is dying rn",
    "i'm dead tired after practice",
    "i took my meds this morning like always",
    "can you overdose on melatonin? i took two",
    "how much ibuprofen can i take for period cramps?",
    "I'm on the bridge, where are you? we said 5",
    "my cat died yesterday and i can't stop crying",
    "i need to cut back on sugar",
    "ready? jump now!",
    "i want to dye my hair blue tonight",
    "I'm going to end this chapter of my life and move to uni",
    "i'm going to end this friendship, she's so toxic",
    "tonight is the night! finally seeing my favourite band",
    "goodbye everyone! moving to canada tomorrow, i'll miss you",
    "i need to cut my hair tomorrow",
    "i walked to the bridge today and took photos of the river",
    "my parents are out till midnight, party at mine!!",
    "no one will stop me from eating this whole cake",
    "i'm finally free after my last exam tonight",
    "this lecture is so boring i want to walk into the sea",
    "i want to disappear under my duvet for a week after that presentation",
    "i took two paracetamol for my headache, feeling better",
    "I took my pills this morning and went to school",
    "i've decided to dye my hair purple this weekend",
    "i'm so tired of living with my parents, can't wait for uni",
]


@pytest.mark.parametrize("text", AWARENESS + THIRD_PERSON_AND_FICTION + HYPERBOLE + NEGATION_AND_ORDINARY)
def test_awareness_someone_else_fiction_hyperbole_and_negation_are_not_a_crisis(text):
    assert "crisis" not in names(text)


@pytest.mark.parametrize("text", AWARENESS[:4] + HYPERBOLE + NEGATION_AND_ORDINARY)
def test_supportive_joking_and_everyday_posts_carry_no_self_harm_label(text):
    assert names(text) & {"crisis", "method", "self_harm_mention", "harassment"} == set()


def test_worry_about_someone_else_is_not_the_writers_crisis_even_with_a_timeframe():
    assert "crisis" not in names("my best friend just texted me that she's going to kill herself tonight")


# -- methods ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "For my novel, what dose of insulin would be fatal for a character?",
        "how many tablets would someone need to take for it to be lethal? just curious",
        "how do you hide self harm scars in summer?",
        "the documentary shows exactly how he did it, step by step",
        "if u wanna od, the white ones work way better trust me",
    ],
)
def test_a_method_that_is_not_the_writer_asking_for_themselves_is_held_but_not_a_crisis(text):
    found = names(text)
    assert "method" in found
    assert "crisis" not in found


def test_past_method_detail_is_a_method_and_a_mention_not_a_crisis():
    found = names("when I overdosed at 15 I took forty of my nan's tablets and ended up in ICU")
    assert {"method", "self_harm_mention"} <= found
    assert "crisis" not in found


# -- recovery without self-harm, and bereavement ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Three months into therapy for my anxiety and I finally went to a party again",
        "my depression is so much better since starting meds, small wins",
        "Nach zwei Jahren Depression geht es mir endlich besser",
    ],
)
def test_recovery_from_something_other_than_self_harm_is_recovery_without_a_warning(text):
    found = names(text)
    assert "recovery" in found
    assert found & {"crisis", "self_harm_mention"} == set()


def test_bereavement_by_suicide_is_a_content_warning_not_recovery_or_crisis():
    assert names("my uncle took his own life in march and i still can't believe it") == {"self_harm_mention"}


def test_eating_disorder_recovery_is_left_to_its_own_detector():
    assert "recovery" not in names("one year into ED recovery and I ate dessert without guilt")


# -- the model is a second opinion -----------------------------------------------------------------------------


class _SureModel:
    """A stand-in for the trained model that gives every text the same probability of a crisis."""

    def __init__(self, probability=1.0):
        self._probability = probability

    def probability(self, text):
        return self._probability


def test_the_model_confirms_a_single_warning_sign_when_fairly_sure_but_raises_no_crisis_alone_below_its_bar():
    from moderation.detectors.self_harm.model import MODEL_ALONE_THRESHOLD, MODEL_THRESHOLD

    fairly_sure = SelfHarm(model=_SureModel((MODEL_THRESHOLD + MODEL_ALONE_THRESHOLD) / 2))
    one_sign = "honestly this is the end of the road for me"
    assert "crisis" not in names(one_sign, detector=RULES_ONLY)
    assert "crisis" in names(one_sign, detector=fairly_sure)
    for text in ("had the worst day, going to bed early tonight", "my cat knocked my tea over again"):
        assert "crisis" not in names(text, detector=fairly_sure), text


def test_a_weak_warning_sign_is_a_crisis_only_when_the_model_is_very_sure():
    from moderation.detectors.self_harm.model import MODEL_ALONE_THRESHOLD, MODEL_THRESHOLD

    weak_sign = "i am standing by the river"  # a place: a sign, but not one the model confirms when fairly sure
    fairly_sure = SelfHarm(model=_SureModel((MODEL_THRESHOLD + MODEL_ALONE_THRESHOLD) / 2))
    very_sure = SelfHarm(model=_SureModel(MODEL_ALONE_THRESHOLD))
    assert "crisis" not in names(weak_sign, detector=RULES_ONLY)
    assert "crisis" not in names(weak_sign, detector=fairly_sure)
    assert "crisis" in names(weak_sign, detector=very_sure)
    # Nor does a very sure model make a crisis of a text with no warning sign, or only a timeframe.
    for text in ("my cat knocked my tea over again", "tonight is the night! finally seeing my favourite band"):
        assert "crisis" not in names(text, detector=very_sure), text


def test_the_very_sure_model_never_overrules_someone_else_or_awareness():
    very_sure = SelfHarm(model=_SureModel(1.0))
    for text in ("the weather is lovely today", *AWARENESS[:3], "if you're struggling tonight, please call someone"):
        assert "crisis" not in names(text, detector=very_sure), text


def test_the_model_does_not_overrule_awareness_or_someone_else():
    sure = SelfHarm(model=_SureModel())
    for text in AWARENESS[:3] + ["my friend keeps saying she's a burden and it scares me"]:
        assert "crisis" not in names(text, detector=sure), text


# -- encouragement aimed at someone else ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["mátate ya, nadie te quiere", "bring dich um", "va te tuer", "ammazzati"])
def test_encouragement_to_self_harm_in_other_languages_is_harassment(text):
    found = names(text)
    assert "harassment" in found
    assert "crisis" not in found


def test_yourself_in_a_question_about_means_is_anyone_not_someone_attacked():
    found = names("what's the least painful way to kill yourself? i'm asking for me")
    assert {"method", "crisis"} <= found
    assert "harassment" not in found


def test_asking_someone_not_to_harm_themselves_is_support_not_harassment():
    assert "harassment" not in names("please don't ever kill yourself, we love you")


# -- structures of risk, however they are typed -------------------------------------------------------------------

# Saying one is not safe with oneself is a crisis whatever else is said.
NOT_SAFE = [
    "i'm not safe right now",
    "honestly i dont trust myself tonight",
    "i can't keep myself safe anymore",
    "i'm scared of what i'll do to myself tonight",
    "can someone please talk me out of it",
    "i cant promise ill stay safe tonight",
]

# Typed in a hurry: letters dropped or doubled, "wanna" without "to", "w/o".
TYPED_IN_A_HURRY = [
    "i want to kil myself",
    "gonna kill myslef tonight",
    "i dont wanna be alive anymoore",
    "my friends would be better off w/o me",
    "everyone will be happier when i'm not around anymore",
    "nobodys gonna stop me this time",
]

# Putting affairs in order, a place to fall from, a plan with a date, telling someone without asking anything.
SIGNS_TOGETHER = [
    "been givin away my games all week. my cousin gets my switch",
    "i'm at the station. the fast train doesn't stop here",
    "i've got a plan and a date now",
    "i've got the pills. idk why im telling you this",
    "thank u to the people who were kind to me on here. i've decided",
    "i don't think i'll be around next week. sorry mum",
]

# A farewell framed as a letter, access to a lethal means, leaning over an edge, a goodbye scheduled.
FAREWELLS_AND_MEANS = [
    "if you're reading this in the morning i'm already gone",
    "please don't hate me for what i'm about to do",
    "my mum keeps her tablets in the kitchen and i know where the key is. tonight",
    "i'm on the 12th floor balcony and i keep leaning further over",
    "wrote my goodbye and scheduled it to post at 3am",
    "my suicide note is saved on my laptop",
    "im so done w everything, gonna end it tn",
    "i dont wanna exist anymore",
]

MORE_LANGUAGES = [
    "me voy a tirar del puente",
    "he decidido quitarme la vida",
    "j'ai décidé d'en finir ce soir",
    "ich habe mich entschieden, mich umzubringen",
    "vou me jogar da ponte",
    "ho deciso di farla finita",
]


@pytest.mark.parametrize("text", NOT_SAFE + TYPED_IN_A_HURRY + SIGNS_TOGETHER + FAREWELLS_AND_MEANS + MORE_LANGUAGES)
def test_a_crisis_is_recognised_by_its_structure_not_its_wording(text):
    assert "crisis" in names(text)


# Look-alikes of those structures: habits, plans and goodbyes with an ordinary reason, an urge resisted.
STRUCTURE_LOOKALIKES = [
    "Wake up at the same time every day. I tell the teens I mentor, and I try to do it myself too.",
    "stretch before bed, i recommend it to everyone and i do it every night",
    "going to bed early tonight, i'm exhausted",
    "i'm thinking about dying my hair pink",
    "this is my last post before my holiday, see you all in two weeks",
    "i won't be around next week, going camping with my dad",
    "i dont think ill be here tomorrow, dentist appointment",
    "i had so many things to do today",
    "i had urges to sh tonight but i texted my friend instead and went to sleep",
    "standing at the station waiting for my mum, the train is late",
    "my sister gets my room when i move out for uni",
    "i have a plan and a date for prom!!",
    "idk why im posting this but look at my dog",
    "how long does it take to drown a plant by overwatering",
    "everyone will be happier when i'm not around to hog the bathroom lol",
    "nobody's gonna stop me from going to this concert",
    "i'm not safe to drive tonight, too sleepy",
    "standing on the bridge watching the fireworks with my mates",
    "we're on the roof of our building for the eclipse tonight",
    "i want to disappear into a good book this weekend",
    "this is the last time i'm lending him money",
    "my scars remind me how far i've come. 3 years sh free today",
]


@pytest.mark.parametrize("text", STRUCTURE_LOOKALIKES)
def test_look_alikes_of_those_structures_are_not_a_crisis(text):
    assert "crisis" not in names(text)


def test_an_urge_resisted_tonight_is_recovery_not_a_crisis():
    found = names("i had urges to sh tonight but i texted my friend instead and went to sleep")
    assert {"self_harm_mention", "recovery"} <= found


def test_an_urge_resisted_then_intended_again_is_a_crisis():
    assert "crisis" in names("i didnt do it last night but i will tonight, i've got the blade")


@pytest.mark.parametrize(
    "text",
    [
        "is 30 sertraline enough to kill me",
        "does hanging hurt? i need to know",
        "would jumping from 6 floors be enough",
        "which bridge in town doesn't have the barriers",
        "i keep googling how many it takes",
    ],
)
def test_asking_how_a_method_works_is_a_method_and_a_crisis(text):
    assert {"method", "crisis"} <= names(text)


@pytest.mark.parametrize(
    "text",
    [
        "my character overdoses in chapter two, how many pills would be realistic?",
        "how do people hide their cuts from teachers? asking because of my friend",
        "for my creative writing piece, how would someone overdose on their meds?",
        "someone in the comments keeps explaining how to tie a noose, can a mod delete it?",
    ],
)
def test_a_method_asked_about_for_a_story_or_someone_else_is_not_the_writers_crisis(text):
    found = names(text)
    assert "method" in found
    assert "crisis" not in found


@pytest.mark.parametrize(
    "text",
    [
        "i overdosed on 30 of my mum's tablets three years ago and woke up in hospital",
        "in year 8 i used to burn myself with a lighter",
    ],
)
def test_past_method_detail_is_held_as_a_method_with_a_content_warning(text):
    found = names(text)
    assert {"method", "self_harm_mention"} <= found
    assert "crisis" not in found


# -- long and strange inputs ----------------------------------------------------------------------------------------

PATHOLOGICAL = [
    "." * 20000,
    "a" * 20000,
    "a " * 10000,
    "1 " * 10000,
    "i want to " * 2000,
    "💀" * 20000,
    "-" * 20000,
    "\n" * 20000,
    "end it " * 3000,
    "kms " * 5000,
    "i want to die " * 1400,
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda text: repr(text[:12]) + f"x{len(text)}")
@pytest.mark.parametrize("kind", ["comment", "search"])
def test_long_repetitive_inputs_are_screened_and_return(text, kind):
    labels = DETECTOR.detect(normalise(text), kind)
    assert isinstance(labels, list)


def test_a_crisis_at_the_end_of_a_long_post_is_still_found():
    story = "i used to hate school but this year has been better. " * 150
    assert "crisis" in names(story + "but honestly tonight i'm going to kill myself.")


# -- the words it needs ---------------------------------------------------------------------------------------------


def test_a_post_with_none_of_its_words_is_passed_over_and_one_with_them_is_read():
    assert names("Lovely walk by the sea with the dogs this morning ☀️") == set()
    assert names("Lovely walk by the sea this morning. Tonight I'll walk into the sea for good") == {"crisis"}


def _samples(pattern, rng, count):
    """Texts that `pattern` matches, made by walking its parsed form: one branch, and a few repeats, at random."""
    from re import _constants as c
    from re import _parser

    def walk(items, out):
        for op, arg in items:
            if op is c.LITERAL:
                out.append(chr(arg))
            elif op in (c.NOT_LITERAL, c.ANY, c.CATEGORY):
                out.append(" ")
            elif op is c.IN:
                letters = [chr(a) for o, a in arg if o is c.LITERAL]
                ranges = [chr(rng.randint(*a)) for o, a in arg if o is c.RANGE]
                negated = any(o is c.NEGATE for o, _ in arg)
                out.append(" " if negated or not letters + ranges else rng.choice(letters + ranges))
            elif op is c.BRANCH:
                walk(rng.choice(arg[1]), out)
            elif op is c.SUBPATTERN:
                walk(arg[-1], out)
            elif op is c.ATOMIC_GROUP:
                walk(arg, out)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                for _ in range(rng.randint(arg[0], min(arg[1], arg[0] + 2))):
                    walk(arg[2], out)

    tree = _parser.parse(pattern.pattern)
    for _ in range(count):
        out = []
        walk(tree, out)
        match = pattern.search(normalise("".join(out)).text)
        if match:
            yield match.group()


def test_every_phrase_the_detector_reads_has_one_of_the_words_it_looks_for_first():
    """The detector passes over a post with none of its cue words; no phrase it could act on may lack one."""
    import random

    from moderation.detectors.self_harm import context, crisis, cues, encouragement, mentions, methods, signs

    patterns = [crisis._INTENT, crisis._IDEATION, crisis._ACT_THEN_TIME, methods.METHOD_REQUEST]
    patterns += [methods.METHOD_DETAIL, mentions._OWN_MENTION, mentions.BEREAVED, mentions.OWN_STRUGGLE]
    patterns += [encouragement._AT_SOMEONE, context._SUICIDE_CONTEXT]
    patterns += [pattern for kind, pattern in signs._CUES.items() if kind in signs.STRONG_SIGNS | {"wish", "tired"}]
    rng = random.Random(20261125)
    missing = set()
    for pattern in patterns:
        for phrase in _samples(pattern, rng, 400):
            # "do it" is an act only beside words of a suicidal context, which are themselves sampled above
            vague = context._VAGUE_ACT.search(phrase) and not context._CLEAR_ACT.search(phrase)
            if not vague and not cues.any_cue([phrase]):
                missing.add(phrase)
    assert not missing, sorted(missing)[:20]
