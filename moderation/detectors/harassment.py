"""Harassment, bullying and hate: insults and threats aimed at a person, humiliation, pile-ons, exclusion,
telling someone to harm themselves, sextortion, dehumanising language about protected groups, calls to
exclude or hurt them, and slurs.

Two parts, both reading the normalised text (so "u r a l0$er", "i.d.i.o.t" and zero-width tricks are seen;
this module also reads "@name" mentions, which the normaliser turns into letters, masked letters such as
"b*tch", and insults glued together by spelled-out letters, "s.t.u.p.i.d b.i.t.c.h"):

- Rules (precompiled regular expressions) for the phenomena: an insult needs a target ("you", "ur", "u r",
  an @mention, "she's", "your face is...", "you look like a...") or stands alone as the whole reply; a
  hate statement needs a protected group and a dehumanising, inferiorising, conspiratorial or
  eliminationist predicate; a threat needs a speaker and a victim. Each rule carries its label and
  score: threats, hate, sextortion, pile-ons, humiliation of someone's body or family, mocking a
  disclosure and telling someone to harm themselves score >= 0.8 (the policy refuses); plain insults,
  exclusion and hostile criticism 0.6-0.75 (held for a moderator). An insult's score is its word's tier:
  body, sexual and dehumanising insults 0.85, other strong ones 0.75, mild ones 0.65. Insult and hate rules
  read copies of the text in which each insult or group name is replaced, letter for letter, by a mark, so
  the large lexicons are compiled once (INSULT_MENTION, GROUP_MENTION) and the rules stay small.
- A small logistic-regression model (scikit-learn, trained when this module is imported from the texts in
  `data/harassment_training*.tsv`, written for this project; nothing is downloaded) that catches directed
  abuse the rules miss. It only adds a "harassment" label, at hold level, when the text has a target and a
  content word (not "you", "your", "should") weighs for abuse. Without scikit-learn the detector runs on
  the rules alone.

Things that must not fire: banter ("you absolute idiot, love you"), self-talk ("I'm so stupid"), praise
("you killed it"), jokes with a trivial condition ("I'll kill you if you spoil the finale"), game talk
("I'm gonna destroy you at chess"), support ("nobody thinks you're stupid"), and talk ABOUT hate or
bullying: a match preceded by reporting or condemning words ("someone called me...", "learn why calling
... is dehumanising"), followed by a condemnation ("... is racist"), or quoted in a text about saying it
('why do people write "kys"?'). Such matches score below REPORTED and are not returned, because the policy
holds every harassment label whatever its score. A threat written with laughter ("lol") is held as
harassment rather than refused as violence; "I'll kill you lol" is the idiom and is not returned.

Slurs are never written in this repository: the placeholder "[slur]" matches, and
`data/slur_hashes.txt` may hold SHA-256 digests of normalised slur tokens.
"""

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from ..decision import Label
from ..text import Normalised, normalise

logger = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "data"
REPORTED = 0.5  # findings scored below this (reported, condemned, banter) are not returned
LOW_SCORE = 0.25  # reported or condemned abuse
BANTER_SCORE = 0.35  # affectionate banter, jokes with a trivial condition, game talk
SOFTENED_THREAT = 0.6  # a threat written with laughter: held as harassment, not refused as violence
SEVERE_THREAT = 0.8  # a threat scored lower is held as harassment, not refused as violence
SEVERE_INSULT, STRONG_INSULT, MILD_INSULT = 0.85, 0.75, 0.65
MAX_LABELS_PER_NAME = 5
_CONTEXT_BEFORE = 90  # characters before a match searched for reporting or condemning words
_CONTEXT_AFTER = 60


def _stretchy(word: str) -> str:
    """A lexicon word as a pattern that tolerates a doubled letter ("idioot", "looser") and spaces.

    "x+" rather than "x{1,2}": normalise() already leaves no letter more than twice in a row, and "x+" compiles
    several times faster (the lexicons are large and appear in many rules).
    """
    out = []
    previous = ""
    for char in word:
        if char == previous and char.isalpha():
            continue
        previous = char
        if char == " ":
            out.append(r"[\s\-]*")
        elif char.isalpha():
            out.append(re.escape(char) + "+")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _split(*items: str) -> list[str]:
    return sorted({item.strip() for text in items for item in text.split("|") if item.strip()}, key=len, reverse=True)


def _words(*items: str, stretch: bool = True) -> str:
    """An alternation of words or phrases; longest first so "piece of shit" wins over "piece"."""
    return "(?:" + "|".join(_stretchy(item) if stretch else item for item in _split(*items)) + ")"


_DOUBLED = re.compile(r"([a-z])\1+")
_WORD = re.compile(r"[a-z]+")


def _squeeze(word: str) -> str:
    """ "immigrants" and "imigrants", "stuupid" and "stupid" read the same for the trigger check."""
    return _DOUBLED.sub(r"\1", word)


def _triggers(text: str) -> frozenset:
    return frozenset(_WORD.findall(_DOUBLED.sub(r"\1", text)))


def _text_words(text: str) -> frozenset:
    """A text's squeezed words for the trigger check, with "u r s t u p i d" (read "urstupid") also giving
    "ur" and "stupid": letters spelled out one by one are joined into one word by normalise()."""
    words = _triggers(text)
    glued = [word[a:b] for word in words if len(word) > 6 for a, b in _glued_squeezed(word)]
    return words.union(glued, ["ur"]) if glued else words


B = r"(?<![a-z0-9])"  # word start
E = r"(?![a-z0-9])"  # word end
MENTION = r"@[a-z0-9_.]+"

# ---------------------------------------------------------------------------------------------------------
# Insults, by tier (SEVERE_INSULT, STRONG_INSULT, MILD_INSULT) and by whether they can be said alone.

_SEVERE_NOUNS = (
    "pig|cow|whale|hippo|heifer|slut|whore|skank|hoe|bitch|thot|subhuman|vermin|parasite|scum|scumbag|retard|"
    "abomination|fatso|fatty|lardass|cockroach|maggot|leech|waste of space|waste of oxygen|waste of air|"
    "waste of skin|waste of life|piece of shit|piece of crap|piece of trash|piece of garbage|sack of shit|"
    "attention whore|mistake|failed abortion|slag|ugliest|fattest|plague|disease|cancer|virus"
)
_SEVERE_ADJECTIVES = "ugly|fat|fugly|hideous|repulsive|disgusting|retarded|unlovable|unloveable|smelly|stinky"
_STRONG_NOUNS = (
    "freak|creep|psycho|joke|embarrassment|disgrace|attention seeker|liar|fraud|dickhead|arsehole|asshole|"
    "prick|twat|wanker|jerk|nobody|loner|reject|hypocrite|snake|rat|nutcase|nutjob|nutter|lowlife|low life|"
    "bully|burden|disappointment|failure|hack|poser|wannabe|degenerate|sociopath|narcissist|trash|garbage|"
    "rubbish|coward|lost cause|laughing stock|laughingstock|trash bag|bum|faker"
)
_STRONG_ADJECTIVES = (
    "pathetic|worthless|useless|creepy|insufferable|unbearable|braindead|brain dead|talentless|sick in the head|"
    "mental|delusional|fake|gross|dirty|filthy|trashy|psychotic|deranged|spineless|unwanted|unlikeable|unlikable|"
    "embarrassing|cringeworthy|painful to watch|worst person|least liked|least popular|most hated|most disliked"
)
_MILD_NOUNS = (
    "idiot|dork|nerd|weirdo|loser|clown|moron|dummy|muppet|numpty|goof|fool|dumbass|twit|prat|pillock|dweeb|"
    "doofus|airhead|crybaby|cry baby|drama queen|snowflake|tryhard|try hard|simp|npc|noob|virgin|incel|karen|"
    "baby|dipshit|dumbo|imbecile|cretin|halfwit|nitwit|bozo|buffoon|donkey|plonker|bellend|knobhead|tosser|"
    "dick|cringelord|troll|goblin|gremlin|lump|slob|pleb|peasant|scrub|dingus|numbskull|nincompoop|blockhead|"
    "bonehead|meathead"
)
_MILD_ADJECTIVES = (
    "stupid|dumb|silly|weird|annoying|lame|cringe|cringy|cringey|idiotic|brainless|clueless|thick|dense|slow|"
    "boring|basic|irritating|obnoxious|dramatic|irrelevant|dumber|dumbest|stupidest|weirdest|lamest|most annoying"
)
# Teasing that laughter ("lol", "😂") turns into banter: "you're so weird lol" is not held.
_TEASING = _word_set("silly weird weirdo dork nerd goof dummy doofus dramatic numpty muppet plonker donkey goofy extra")
# Words too ordinary to read as an insult when said alone ("lame, the gig got cancelled", "baby 😍").
_NOT_ALONE = _word_set(
    "baby virgin karen mistake nobody weird silly slow thick dense basic boring gross dirty filthy mental "
    "dramatic lame bully joke reject rat snake hack burden irrelevant donkey dick bum fake troll lump peasant "
    "scrub embarrassing ugliest fattest weirdest lamest dumbest stupidest plague disease cancer virus"
)

_INSULT_WORDS = (_SEVERE_NOUNS, _SEVERE_ADJECTIVES, _STRONG_NOUNS, _STRONG_ADJECTIVES, _MILD_NOUNS, _MILD_ADJECTIVES)
INSULTS = _words(*_INSULT_WORDS)
# Insult rules read a copy of the text in which each insult is written as marks, letter for letter: nouns
# ("loser", "waste of space") as NOUN_MARK, adjectives ("ugly") as ADJECTIVE_MARK. The large lexicon is
# compiled once (INSULT_MENTION), the rules stay small, and offsets hold. normalise() turns control characters
# into spaces, so no mark is ever typed.
NOUN_MARK, ADJECTIVE_MARK = "\x02", "\x03"
INSULT = r"[\x02\x03]+"
NOUN_INSULT = r"\x02+"
ADJECTIVE_INSULT = r"\x03+"
INSULT_MENTION = re.compile(B + INSULTS + E)
_NOT_LETTERS = re.compile(r"[^a-z]+")


def _letters(text: str) -> str:
    """An insult as a lookup key: letters only, doubled letters single ("looser", "waste-of-space")."""
    return _squeeze(_NOT_LETTERS.sub("", text))


@dataclass(frozen=True, slots=True)
class _Insult:
    """One insult found in a text: where, whether a noun, its score (tier), whether it can be said alone
    ("loser" can, "lame" cannot) and whether it is gentle teasing ("nerd")."""

    start: int
    end: int
    noun: bool
    score: float
    alone: bool
    teasing: bool


_INSULT_KINDS: dict[str, tuple[bool, float]] = {}
for _lexicon, _noun, _score in (
    (_SEVERE_NOUNS, True, SEVERE_INSULT),
    (_SEVERE_ADJECTIVES, False, SEVERE_INSULT),
    (_STRONG_NOUNS, True, STRONG_INSULT),
    (_STRONG_ADJECTIVES, False, STRONG_INSULT),
    (_MILD_NOUNS, True, MILD_INSULT),
    (_MILD_ADJECTIVES, False, MILD_INSULT),
):
    for _item in _split(_lexicon):
        _known = _INSULT_KINDS.get(_letters(_item), (False, 0.0))
        _INSULT_KINDS[_letters(_item)] = (_noun or _known[0], max(_score, _known[1]))
_NOT_ALONE_KEYS = frozenset(_letters(word) for word in _NOT_ALONE)
_TEASING_KEYS = frozenset(_letters(word) for word in _TEASING)


_LONG_WORD = re.compile(r"(?<![a-z0-9])[a-z]{7,30}(?![a-z0-9])")
_TARGET_KEYS = frozenset({"youre", "your", "you", "ur", "u"})


def _glued_squeezed(word: str) -> list[tuple[int, int]]:
    """_glued() for a word already squeezed (see _squeeze): slices and set look-ups only."""
    for cut in range(1, len(word) - 2):
        left, right = word[:cut], word[cut:]
        if right in _INSULT_KINDS and (left in _TARGET_KEYS or left in _INSULT_KINDS):
            return [(cut, len(word))] if left in _TARGET_KEYS else [(0, cut), (cut, len(word))]
    return []


def _glued(word: str) -> list[tuple[int, int]]:
    """Insults inside one word made of letters spelled out one by one: "urstupid", "stupidbitch"."""
    if not _glued_squeezed(_squeeze(word)):
        return []
    for cut in range(1, len(word) - 2):
        left, right = _letters(word[:cut]), _letters(word[cut:])
        if right in _INSULT_KINDS and (left in _TARGET_KEYS or left in _INSULT_KINDS):
            return [(cut, len(word))] if left in _TARGET_KEYS else [(0, cut), (cut, len(word))]
    return []


def _find_insults(text: str) -> list[_Insult]:
    """Every insult in a text, in order; also those glued together by spelled-out letters ("urstupid")."""
    spans = [match.span() for match in INSULT_MENTION.finditer(text)]
    for match in _LONG_WORD.finditer(text):
        if not any(a < match.end() and match.start() < b for a, b in spans):
            spans.extend((match.start() + a, match.start() + b) for a, b in _glued(match.group()))
    found = []
    for start, end in sorted(spans):
        key = _letters(text[start:end])
        noun, score = _INSULT_KINDS.get(key, (False, MILD_INSULT))
        found.append(_Insult(start, end, noun, score, key not in _NOT_ALONE_KEYS, key in _TEASING_KEYS))
    return found


def _insult_reading(text: str, insults: list[_Insult]) -> str | None:
    """The text with each insult written as marks (see NOUN_MARK), or None when it has none."""
    if not insults:
        return None
    chars = list(text)
    for insult in insults:
        mark = NOUN_MARK if insult.noun else ADJECTIVE_MARK
        chars[insult.start : insult.end] = mark * (insult.end - insult.start)
    return "".join(chars)


_NOT_A_HEAD = _word_set("a an the of in to for at on is and most")


def _heads(*lexicons: str) -> str:
    """The words of a lexicon's entries (not "of", "the"), and each entry as one word, for a rule's triggers."""
    return " ".join(
        word
        for item in _split(*lexicons)
        for word in item.replace("-", " ").split() + ["".join(item.split())]
        if word not in _NOT_A_HEAD
    )


_INSULT_HEADS = _triggers(_heads(*_INSULT_WORDS))  # a text without one of these words has no insult


def _inside(insults: list[_Insult], start: int, end: int) -> list[_Insult]:
    return [insult for insult in insults if start <= insult.start and insult.end <= end]


def _only_teasing(insults: list[_Insult], start: int, end: int) -> bool:
    """Whether every insult between start and end is gentle teasing ("weird", "nerd")."""
    inside = _inside(insults, start, end)
    return bool(inside) and all(insult.teasing for insult in inside)


def _tier(insults: list[_Insult], start: int, end: int) -> float:
    """The score of the worst insult between start and end: SEVERE_INSULT, STRONG_INSULT or MILD_INSULT."""
    return max((insult.score for insult in _inside(insults, start, end)), default=MILD_INSULT)


# Who an insult is aimed at. Apostrophes are dropped by normalise(): "you're" reads "youre", "I'll" "ill".
YOU = r"(?:you|yu|u|ya|thou)"
YOU_ARE = (
    r"(?:(?:you|u|yu)\s+(?:are|r|re|is)|youare|youre|ur|yr|ura|(?:you|u)\s+people\s+(?:are|r)|"
    r"people\s+like\s+(?:you|u)\s+(?:are|r)|"
    r"(?:you|u)\s+(?:look|looked|looks|sound|sounded|smell|smelled|smelt|seem|seemed|must\s+be|gotta\s+be|"
    r"have\s+to\s+be|will\s+always\s+be|ll\s+always\s+be|will\s+never\s+be\s+anything\s+but)|"
    r"youll\s+always\s+be|"
    r"your(?=\s+(?:a|an|so|such|just|literally|really|actually|the|fucking|fkn|nothing|one|also|still)"
    + E
    + r")|"
    + MENTION
    + r"\s+(?:is|u r|you are|ur|youre))"
)
THEY_ARE = (
    r"(?:shes|hes|she\s+is|he\s+is|she\s+was|he\s+was|"
    r"(?:this|that)\s+(?:girl|guy|kid|boy|person|dude|user|account|one)(?:\s+is|s)?|" + MENTION + r"\s+is)"
)
FILL = (
    r"(?:\s+(?:so|such|a|an|the|just|literally|really|truly|fucking|fking|fkn|effing|bloody|actually|still|always|"
    r"nothing\s+but|one|big|total|complete|absolute|utter|massive|huge|little|biggest|most|worst|sad|lazy|"
    r"attention|seeking|[\x03]+|"
    r"of|and|like|kind\s+of|sort\s+of|lowkey|highkey|honestly|genuinely|seriously|officially|clearly|obviously|"
    r"lying|lonely|old|crusty|two\s*-?\s*faced|backstabbing|miserable|bitter|jealous|desperate|"
    r"such\s+an?|the\s+most|an\s+absolute|a\s+total|a\s+complete|a\s+fucking|too|almost|nearly|as|even|way))*"
)
# What a "your ..." insult may be about: the person's body, family, work or presence.
_BODY_AND_FAMILY = (
    "face|voice|body|teeth|nose|hair|skin|laugh|smile|legs|arms|belly|stomach|forehead|ears|eyes|head|thighs|"
    "feet|lips|chin|acne|weight|mum|mom|mother|dad|father|parents|sister|brother|family|nan|gran"
)
_WORK_AND_PRESENCE = (
    "personality|vibe|existence|life|outfit|clothes|style|video|videos|vid|vids|post|posts|story|stories|poem|"
    "poems|art|artwork|drawing|drawings|music|song|songs|singing|dancing|dance|entry|entries|campaign|channel|"
    "content|account|profile|page|writing|opinion|opinions|take|takes|comment|comments|selfie|selfies|pic|pics|"
    "photo|photos|accent|laugh|handwriting|friends|boyfriend|girlfriend|bf|gf|room|house|cooking|voice crack|"
    "trauma|trauma dumping|problems|drama|whining|crying|sob story|sad posts|attitude|presence|energy|existence"
)
YOUR_THING = r"(?:your|ur|yr)\s+(?:(?:\w+|[\x03]+)\s+)?" + _words(_BODY_AND_FAMILY, _WORK_AND_PRESENCE) + E
_BODY_AND_FAMILY_RE = re.compile(B + _words(_BODY_AND_FAMILY) + E)
_THING_IS = r"\s+(?:is|are|was|were|looks?|looked|sounds?|sounded|smells?|smelled|makes?\s+me\s+(?:sick|cringe))"

# Things an unflattering comparison likens someone to ("you dance like a fridge", "you look like a goblin").
_COMPARED_TO = (
    "pig|cow|whale|hippo|walrus|troll|goblin|gremlin|ogre|orc|rat|horse|donkey|dog|monkey|ape|zombie|corpse|"
    "skeleton|potato|fridge|brick|plank|sack of potatoes|toddler|baby|grandma|granny|witch|hag|clown|alien|"
    "thumb|slug|worm|cockroach|crackhead|hobo|man|boy|dude|dying cat|dying animal|wet mop|mop|stick insect|"
    "beached whale|bin|rubbish bin|garbage truck|bulldog|toad|frog|lizard|rodent|mole|5 year old|five year old|"
    "robot with a virus|broken robot|a drunk|drunk|idiot|loser|freak|creep|psycho|serial killer|wet sock|sock|"
    "doorknob|goldfish|rock|cardboard box|wet blanket|dead fish|cat being stepped on|strangled cat|cat|goat|seal|"
    "car alarm|nails on a chalkboard|chalkboard|fog horn|foghorn|"
    "paedo|pedo|predator|homeless person|tramp"
)
_COMPARE_VERBS = (
    "look|looks|looked|move|moves|dance|dances|danced|sing|sings|sang|sound|sounds|smell|smells|walk|walks|"
    "talk|talks|dress|dresses|act|acts|write|writes|draw|draws|run|runs|type|types|eat|eats|laugh|laughs"
)
_APPEARANCE_COMPARISON = re.compile(
    r"(?:look|looks|looked|smell|smells)\s+like\s+(?:a\s+|an\s+|some\s+)?(?:\w+\s+)?"
    + _words(
        "pig|cow|whale|hippo|walrus|troll|goblin|gremlin|ogre|orc|rat|horse|zombie|corpse|skeleton|potato|"
        "witch|hag|toad|frog|slug|crackhead|hobo|man|tramp|beached whale|bulldog|stick insect|rodent|mole"
    )
)

# ---------------------------------------------------------------------------------------------------------
# Protected groups and what hate says about them.

_GROUP_NOUNS = (
    "immigrants|immigrant|migrants|migrant|refugees|refugee|asylum seekers|foreigners|illegals|illegal aliens|"
    "aliens|gays|lesbians|bisexuals|homosexuals|queers|trans|transgenders|enbies|lgbt|lgbtq|the lgbt community|"
    "muslims|moslems|jews|christians|hindus|sikhs|catholics|buddhists|atheists|blacks|whites|asians|africans|"
    "arabs|mexicans|latinos|latinas|hispanics|chinese|indians|pakistanis|romanians|poles|gypsies|roma|"
    "travellers|syrians|somalis|nigerians|albanians|afghans|women|woman|females|girls|feminists|autistics|"
    "autists|the disabled|disabled|gender freaks|[slur]s|[slur]"
)
_GROUP_ADJECTIVES = (
    "gay|lesbian|bi|bisexual|queer|trans|transgender|non binary|nonbinary|lgbt|lgbtq|disabled|autistic|deaf|"
    "blind|mentally ill|black|white|brown|asian|jewish|muslim|arab|african|mexican|chinese|indian|pakistani|"
    "immigrant|migrant|refugee|roma|gypsy|foreign|illegal|polish|romanian|syrian|somali"
)
_PERSONS = (
    "people|ppl|persons|folk|folks|men|women|guys|girls|boys|kids|children|students|teens|teenagers|"
    "individuals|families|immigrants|workers|adults|youth|community|communities|athletes|players"
)
GROUPS = "(?:" + _words(_GROUP_ADJECTIVES) + r"\s+" + _words(_PERSONS) + "|" + _words(_GROUP_NOUNS) + ")"
# Hate rules read a copy of the text in which each protected group's name is replaced, letter for letter, by
# GROUP_MARK: the large group lexicon is compiled once (GROUP_MENTION), the rules stay small, offsets hold.
GROUP_MARK = "\x01"  # normalise() turns control characters into spaces, so the mark is never typed
GROUP = GROUP_MARK + "+"
GROUP_MENTION = re.compile(r"(?<![a-z0-9])" + GROUPS + r"(?![a-z0-9])")
_GROUP_HEADS = _triggers(" ".join(_split(_GROUP_NOUNS, _GROUP_ADJECTIVES)) + " slur")  # without one, no group
GROUP_LEAD = (
    r"(?:(?:all|these|those|the|most|fucking|fking|dirty|filthy|stupid|disgusting|bloody|damn|every|you|your|"
    r"so\s*-?\s*called|our)\s+)*"
)
# Nouns that dehumanise or criminalise a whole group; one free word may come before them ("dog-eating").
_GROUP_NOUN_PREDICATES = (
    "vermin|animals|beasts|a disease|a plague|parasites|rats|cockroaches|roaches|insects|bugs|subhumans|"
    "subhuman|sub humans|filth|trash|garbage|rubbish|scum|savages|a cancer|cancer|an infestation|pests|a virus|"
    "leeches|apes|monkeys|dogs|pigs|mongrels|swine|freaks|abominations|an abomination|degenerates|perverts|"
    "pedos|paedos|paedophiles|pedophiles|groomers|predators|criminals|rapists|terrorists|invaders|a threat|"
    "a mistake|a burden|cattle|lice|maggots|a stain|property|objects|thieves|a drain|a waste|deviants|"
    "scroungers|spongers|freeloaders|an invasion|demons|monsters|breeders|a problem|the problem|mistakes|"
    "confused girls|confused boys|confused kids|not human|not people|not real people|not real women|"
    "not real men|less than human|less than people|thugs|gangsters|a bad influence|bad influences|a danger|"
    "dangerous|a menace|a disgrace|an embarrassment|job stealers|benefit scroungers|bottom feeders"
)
# Adjectives and phrases that dehumanise, inferiorise or pathologise a group.
_GROUP_ADJECTIVE_PREDICATES = (
    "diseased|not human|mentally ill|sick in the head|disgusting|inferior|evil|worthless|useless|"
    "unnatural|stupid|dumb|lazy|dirty|nasty|gross|delusional|less intelligent|less evolved|less capable|"
    "genetically inferior|naturally inferior|primitive|uncivilised|uncivilized|backward|dumber|stupider|"
    "too stupid|too dumb|too emotional|too weak|all the same|brainwashed|a phase|just a phase|fake|"
    "ruining everything|ruining this country|ruining our country|broken|defective|damaged|"
    "taking over|invading|replacing us|breeding|outbreeding|multiplying|breed like rats|unclean|smelly|greedy|"
    "sneaky|untrustworthy|liars|violent|savage|barbaric|backwards|retarded|disgusting freaks"
)
_NOT_A_FREE_WORD = (
    r"(?!(?:not|never|no|nt|called|labelled|labeled|seen|treated|portrayed|described|blamed|accused|branded|"
    r"wrongly|unfairly|often|sometimes|victims|targeted|attacked|hurt|killed|more|less|likely|afraid|"
    r"scared|fleeing|escaping|of)(?![a-z]))"
)
_ARE_FILL = (
    r"(?:\s+(?:all|just|literally|nothing\s+but|no\s+better\s+than|worse\s+than|basically|like|such|the|a|an|"
    r"fucking|disgusting|dirty|filthy|simply|truly|really|so|born|genetically|naturally|only|mostly|always|"
    r"inherently|clearly|obviously|essentially|a\s+bunch\s+of|a\s+pack\s+of|bunch\s+of|pack\s+of|"
    r"nothing\s+more\s+than|little\s+more\s+than|too|way\s+too|[a-z]+\s*-\s*[a-z]+))*"
)
GROUP_PREDICATE = (
    r"(?:"
    + _words(_GROUP_ADJECTIVE_PREDICATES)
    + r"|sick(?!\s+(?:of|and\s+tired))|confused(?!\s+(?:by|about|with|when|why|how|at|over))"
    + r"|(?:"
    + _NOT_A_FREE_WORD
    + r"[a-z]+\s+)?"
    + _words(_GROUP_NOUN_PREDICATES)
    + ")"
)
ELIMINATION = _words(
    "wiped off the earth|eradicated|eliminated|purged|sterilised|sterilized|deported|sent back|kicked out|"
    "locked up|rounded up|removed|banned|rot|disappear|go back|erased|cleansed|put in camps|thrown out|"
    "not exist|not be allowed to exist|stay in the kitchen|know their place|be seen and not heard|"
    "burn in hell|rot in hell|go to hell|not have rights|not be allowed|be kept away from|stay away from|"
    "stay hidden|stay in the closet|hide|be hidden|keep it to themselves|lose their rights|lose all their rights|"
    "have no rights|go live somewhere else|leave|get out|go away|go home|leave the country|leave our country|"
    "be sent home|be kicked out|be banned from|be separated|be segregated|be locked away|be put away"
)
ELIMINATION_VIOLENT = _words(
    "wiped out|exterminated|gassed|killed|shot|hanged|hung|lynched|burned alive|burnt alive|burned|burnt|"
    "put down|culled|executed|murdered|slaughtered|beaten|stoned|drowned|bombed|die|hang|be killed|be shot"
)
ELIMINATE_VERBS = _words(
    "deport|get rid of|ban|purge|eliminate|cleanse|remove all|fuck|f off|down with|kick out|throw out|"
    "sterilise|sterilize|round up|lock up|send back|ship back|keep out"
)
ELIMINATE_VIOLENT_VERBS = _words(
    "kill|gas|exterminate|wipe out|eradicate|shoot|hang|burn|lynch|murder|slaughter|massacre|execute|behead|"
    "bomb|stab|nuke|drown|death to|beat up|string up"
)
RIGHTS = _words(
    "rights|human rights|to live|to exist|to be here|respect|to breathe|to be alive|to be happy|to be loved|"
    "equal rights|to vote|to marry|to be treated as human|to be treated like people|a voice|to have kids"
)
BEING = _words(
    "gay|trans|transgender|lesbian|bi|bisexual|queer|disabled|autistic|muslim|jewish|black|nonbinary|non binary"
)
BEING_IS = _words(
    "a disease|disease|a sickness|sickness|a mental illness|mental illness|a sin|disgusting|unnatural|"
    "an abomination|abomination|gross|a mental disorder|a disorder|a perversion|perverted|evil|sick|wrong|"
    "not normal|a curse|a choice|a phase|a trend"
)
# The same statements in French, Spanish, German and Portuguese (accents are removed by normalise()).
_FOREIGN_GROUPS = (
    "immigres|immigrants|migrants|refugies|etrangers|musulmans|juifs|noirs|arabes|gays|trans|handicapes|"
    "femmes|roms|inmigrantes|migrantes|refugiados|extranjeros|musulmanes|judios|mujeres|discapacitados|"
    "auslander|fluchtlinge|migranten|muslime|juden|schwarze|schwarzen|schwule|behinderte|behinderten|frauen|"
    "imigrantes|muculmanos|judeus|ciganos|gitanos|mulheres|deficientes|homosexuales|homosexuels|lesbiennes|"
    "lesbianas|lesben"
)
_FOREIGN_PREDICATES = (
    "parasites|animaux|rats|cafards|vermine|sous hommes|terroristes|criminels|voleurs|violeurs|malades|"
    "dechets|ordures|une maladie|un cancer|chiens|singes|inferieurs|parasitos|animales|ratas|cucarachas|"
    "basura|escoria|una plaga|plaga|terroristas|criminales|ladrones|violadores|enfermos|subhumanos|"
    "una enfermedad|perros|monos|inferiores|ratten|parasiten|tiere|ungeziefer|abschaum|dreck|pack|kakerlaken|"
    "terroristen|kriminelle|verbrecher|vergewaltiger|krank|untermenschen|eine krankheit|hunde|affen|"
    "minderwertig|parasitas|animais|ratos|baratas|lixo|praga|criminosos|ladroes|doentes|uma doenca|"
    "cachorros|macacos"
)

# ---------------------------------------------------------------------------------------------------------
# Threats, and telling someone to harm themselves.

THREAT_SUBJECT = (
    r"(?:i\s*ll|ill|i\s+will|im\s+(?:going\s+to|gonna|gunna)|i\s+am\s+(?:going\s+to|gonna)|imma|ima|im\s+coming\s+to|"
    r"i\s+(?:want|wanna|need|swear\s+ill|swear\s+i\s+will|could|should|would\s+love\s+to)(?:\s+to)?|"
    r"we\s*ll|we\s+will|were\s+(?:going\s+to|gonna)|we\s+are\s+(?:going\s+to|gonna)|"
    r"(?:someone|somebody|anyone|people)\s+(?:should|needs?\s+to|ought\s+to|will|is\s+going\s+to|gonna)|"
    r"i\s+hope\s+(?:someone|somebody)|gonna|going\s+to)"
)
THREAT_VERBS_LIST = (
    "hurt|kill|stab|shoot|beat|beat up|punch|smash|break|murder|strangle|choke|slap|jump|batter|bash|burn|rape|"
    "kick|cut|knock out|hunt down|hunt|gut|drown|hit|attack|end|find and hurt|beat the shit out of|"
    "beat the crap out of|beat the hell out of|bash in|cave in|torture|snap|break the neck of|stomp|kidnap|"
    "deck|glass|shank|merk|murk|wreck|fight|run over|spit on|throw acid on|set fire to"
)
THREAT_VERBS = _words(THREAT_VERBS_LIST)
VICTIM = (
    r"(?:you|u|ya|yu|him|her|them|" + MENTION + r"|that\s+(?:girl|guy|kid|bitch|idiot|loser|freak)|"
    r"(?:your|ur|yr)\s+(?:little\s+|baby\s+|big\s+|older\s+|younger\s+|stupid\s+)?(?:face|head|teeth|legs?|arms?|"
    r"nose|skull|throat|neck|knees?|family|mum|mom|dad|sister|brother|dog|cat)s?)"
)
SELF_HARM_AT = _words(
    "kill yourself|kill urself|kill ur self|kill your self|kill yoself|kill yaself|kys|neck yourself|"
    "hang yourself|hang urself|end yourself|end urself|unalive yourself|unalive urself|off yourself|"
    "drink bleach|slit your wrists|slit ur wrists|cut yourself|cut urself|starve yourself|jump off a bridge|"
    "jump off a cliff|go die|just die|pls die|please die|die already|die in a hole|go jump off|"
    "rope yourself|rope urself|shoot yourself|shoot urself|drown yourself|set yourself on fire|end it already|"
    "cut deeper|cut deeper next time|go jump in front of a train|go play in traffic|"
    "delete yourself|delete urself|stop existing|go unalive|unalive already|just end it|go end it|end it all already",
    stretch=False,
)
SELF_HARM_GUARD_BEFORE = re.compile(
    r"(?:(?:do\s*nt|do\s+not|never|not|wont|shouldnt|would\s+never|want|wanted|wanting|wants|urge|urges|thoughts?|"
    r"thinking|think\s+about|trying|tried|try|plan|planning|how|why|feel\s+like|felt\s+like|told\s+(?:me|us|him|her)|"
    r"said|says|asked\s+(?:me|if)|if\s+you|if\s+u|tempted|going|decided|deciding|decide|way|ways|easiest|"
    r"best|quickest|painless|safest|about|ever|could|wish|wished|would|id)(?:\s+(?:to|of|about|like))?\s*)$"
)
FIRST_PERSON_KYS = re.compile(r"(?:\bi|\bim|\bi\s+am|gonna|wanna|want\s+to|going\s+to|might|will|should)\s+$")
_KYS_MEANS_SAFE = re.compile(r"\s*(?:=|means|meaning|stands\s+for|is\s+short\s+for|as\s+in|-+|\()\s*keep")
_KEEP_SAFE = re.compile(r"keep\s+(?:your|ur)\s*self\s+safe")

# ---------------------------------------------------------------------------------------------------------
# Context: reporting, condemning, support, banter, jokes.

_REPORT_BEFORE = re.compile(
    r"(?:learn|lesson|teach|why\s+calling|calling|call\s+(?:them|us|people|someone)|saying|"
    r"(?:people|they|some|who|others|he|she|many|folks)\s+say(?:s)?\s+that|"
    r"said\s+that|claim|claims|claimed|the\s+idea\s+that|the\s+lie\s+that|the\s+myth\s+that|myth|stereotype|"
    r"propaganda|rhetoric|nazis?\s+(?:said|called|claimed|believed|used)|history|historically|"
    r"used\s+to\s+(?:say|call|describe)|dehumani[sz]|racis[mt]|"
    r"homophob|transphob|xenophob|islamophob|antisemit|misogyn|sexis[mt]|bigot|hate\s+speech|hate\s+crimes?|"
    r"slurs?|never\s+ok|not\s+ok|dont\s+say|stop\s+saying|stop\s+calling|quote|quoting|headline|news|article|"
    r"reports?\s+(?:that|on)|research|study|told\s+(?:me|us|him|her|them|my)|called\s+(?:me|us|him|her|them|my)|"
    r"calls\s+(?:me|us)|yelled|shouted|screamed|wrote|posted|commented|texted|messaged|said\s+to\s+(?:me|us)|"
    r"sent\s+me|dm(?:e)?d\s+me|i\s+was\s+called|got\s+called|being\s+called|been\s+called|keeps?\s+calling|"
    r"kept\s+calling|tells\s+me|telling\s+me|(?:they|people|he|she|kids|everyone|always|still|often|constantly)\s+"
    r"tell\s+me|people\s+who\s+(?:say|think|call)|anyone\s+who\s+(?:says|calls)|"
    r"when\s+(?:people|someone|they|he|she|kids|others)\s+(?:say|said|call|called|tell|told)|"
    r"if\s+(?:someone|anyone|somebody|people)\s+(?:says|tells|calls|writes|messages|threatens)|"
    r"(?:people|they|some|others)\s+(?:think|assume|believe)|"
    r"(?:people|they|some|others|many|folks)\s+(?:say|said|claim|claimed|saying|claiming)(?![a-z])|"
    r"words?\s+like|phrases?\s+like|things\s+like|comments\s+like|messages\s+like|such\s+as|e\.?g\.?|"
    r"bullies|bullied|bullying|troll|trolls|harass)"
)
_CONDEMN_AFTER = re.compile(
    r"(?:is|are|was|its|thats|this\s+is)\s+(?:not\s+ok|not\s+okay|never\s+ok|never\s+okay|dehumani|racis|hate|"
    r"wrong|bigot|homophob|transphob|xenophob|islamophob|antisemit|sexis|misogyn|harmful|cruel|bullying|"
    r"harassment|abuse|unacceptable|a\s+lie|lies|a\s+myth|false|propaganda|disgusting\s+to\s+say|how)"
    r"|hurt(?:s)?\s+(?:me|so|a\s+lot)|made\s+me\s+(?:cry|sad|feel)|makes\s+me\s+(?:sad|cry|feel)"
)
_SUPPORT_BEFORE = re.compile(
    r"(?:nobody|no\s+one|noone|never\s+let\s+(?:anyone|them)|dont\s+let\s+(?:anyone|them)|not\s+saying|doesnt\s+mean|"
    r"dont\s+mean|never\s+said|dont\s+believe|if\s+(?:anyone|someone|people)\s+(?:says|tells|thinks)|"
    r"people\s+who\s+say|feel\s+like|feels\s+like|felt\s+like|worried|worry|afraid|scared|does\s+not\s+make|"
    r"doesnt\s+make|not\s+because|never|not|"
    r"(?:you|u)\s+(?:might\s+|may\s+|probably\s+|sometimes\s+|often\s+|still\s+|really\s+)?(?:think|believe|"
    r"worry|fear|feel)|"
    r"(?:dont|do\s+not|never|didnt|doesnt|wont|wouldnt|nobody|no\s+one|noone)\s+(?:\w+\s+)?(?:think|thinks|"
    r"believe|believes))\s*(?:that\s+)?$"
    r"|(?:nobody|no\s+one|noone)(?:\s+\w+){1,2}\s*$"
    r"|(?:let|lets)\s+(?:anyone|anybody|them|people|someone|others|the\s+\w+)\s+(?:tell|make)\s+(?:you|u)"
    r"(?:\s+(?:feel|think|believe))?(?:\s+(?:that|like))?\s*$"
    r"|(?:if|when|whoever|who|anyone\s+who|people\s+who)\s+(?:\w+\s+){0,3}(?:tells?|told|says?|said|"
    r"calls?|called|makes?|made)\s+(?:you|u)(?:\s+(?:feel|think))?(?:\s+(?:that|like))?\s*$"
)
_AFFECTION = re.compile(
    r"(?:(?:^|[^a-z])(?:i|we)\s+(?:still\s+|really\s+|do\s+|truly\s+)?(?:love|luv|adore)|(?:^|[,.!?]\s*)(?:love|luv))"
    r"\s+(?:you|u|ya|her|him|them|this)(?![a-z])|just\s+kidding|happy\s+birthday|"
    r"(?<![a-z])(?:ily|ilysm|ilu|bestie|besties|bff|babe|hun|hunny|bestfriend|jk|jkjk|kidding|joking|hbd)(?![a-z])"
)
_AFFECTION_EMOJI = re.compile(
    "[\u2764\u2665\U0001f495\U0001f496\U0001f497\U0001f498\U0001f49b\U0001f49c"
    "\U0001f499\U0001f49a\U0001f90d\U0001f618\U0001f970\U0001f60d\U0001fac2]"
)
_WARMTH = re.compile(
    r"(?<![a-z])(?:adorable|cute|cutie|iconic|legend|never\s+change|love\s+(?:it|that|this)|so\s+proud|"
    r"proud\s+of\s+(?:you|u)|my\s+fave|favourite|favorite|bless|wholesome)(?![a-z])"
)
_LAUGHTER = re.compile(r"(?<![a-z])(?:lol|lool|lmao|lmfao|rofl|xd|ha(?:ha)+h?|he(?:he)+|jaja(?:ja)*)(?![a-z])")
_LAUGHTER_EMOJI = re.compile("[\U0001f602\U0001f923\U0001f61c\U0001f61d\U0001f606\U0001f92a]")
# A condition too small to threaten anyone over: "if you spoil the finale", "if u eat my chips".
_TRIVIAL_CONDITION = (
    r"(?:if|when)\s+(?:you|u)\s+(?:\w+\s+)?(?:spoil|spoils|eat|eats|touch|take|forget|finish|skip|steal|borrow|"
    r"are\s+late|re\s+late|miss|cancel|watch|read|use|wear|beat|drink|open|change\s+the\s+channel|leave\s+me\s+on\s+read|"
    r"dont\s+(?:text|call|reply|come|bring|share|save)|do\s+not\s+(?:text|call|reply|come|bring|share|save)|"
    r"unfollow|ghost|wake|tell\s+(?:mum|mom|dad)|tag)"
)
_HYPERBOLE = re.compile(r"(?<![a-z])(?:kill|murder|end|destroy)(?![a-z])")  # "I'll kill you lol": the idiom
_TRIVIAL_AFTER = re.compile(r"\s*" + _TRIVIAL_CONDITION)
_TRIVIAL_BEFORE = re.compile(_TRIVIAL_CONDITION + r"[^.!?\n]{0,60}$")
_GAME_AFTER = re.compile(
    r"\s*(?:(?:at|in|on)\s+(?:\w+\s+){0,2}(?:game|games|chess|fifa|fortnite|minecraft|mario|kart|cards|uno|"
    r"monopoly|tennis|football|basketball|netball|badminton|ping\s*pong|smash|cod|this|that|the\s+(?:race|match|"
    r"final|quiz|test|exam|game)|scrabble|trivia|karaoke|a\s+race|the\s+finals?)|to\s+it|with\s+(?:kindness|love))"
)
# Abuse in double quotation marks, in a text that talks about saying it, is quoted, not said.
_QUOTE_MARKS = re.compile('["\u201c\u201d\u00ab\u00bb\u201e]')
_TALK_ABOUT = re.compile(
    r"(?<![a-z])(?:say|says|said|saying|wrote|writes|write|called|calls|tells|told|yelled|shouted|posted|"
    r"commented|texted|messaged|used\s+to|is\s+what|quote|quoted|means|meaning|line|lyrics?|sings?|sang|"
    r"scene|villain|character|film|movie|book|episode|song)(?![a-z])"
)
_SAYS_BEFORE = re.compile(r"(?:says|said|thinks|thought|feels|felt|believes|tells\s+me|told\s+me)\s+(?:that\s+)?$")


def _quoted(text: str, start: int) -> bool:
    """Whether position `start` is inside double quotation marks: an odd number of them before it, on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    return len(_QUOTE_MARKS.findall(text, line_start, start)) % 2 == 1


_THIRD_PERSON_BEFORE = re.compile(
    r"(?:she|he|they|shes|hes|theyre|mum|mom|mums|moms|dad|dads|parents|teacher|coach|boss|it|its|this|that|"
    r"sister|brother|nan|gran)\s*(?:is|s|are|re|was|were)?\s*$"
)
_SELF_AFTER = re.compile(r"[^a-z]*(?:i|im|ive|id|ill|me|my|myself)(?![a-z])")

# ---------------------------------------------------------------------------------------------------------
# Rules.


@dataclass(frozen=True, slots=True)
class _Rule:
    key: str
    label: str
    score: float
    pattern: re.Pattern
    mild: bool = False  # an insult that affectionate banter ("love you", "happy birthday") softens
    support_guard: bool = False  # "nobody thinks you're stupid" is support, not an insult
    tiered: bool = False  # the score is the tier of the worst insult matched
    also: str | None = None  # a second label the finding carries ("violence" with "hate", "harassment" with a threat)
    groups: bool = False  # the rule reads the group reading, where GROUP stands for a protected group's name
    insults: bool = False  # the rule reads the insult reading, where INSULT stands for an insult
    triggers: frozenset | None = None  # the rule runs only on texts with one of these words (squeezed)


def _rule(key, label, score, pattern, triggers=None, **flags) -> _Rule:
    return _Rule(key, label, score, re.compile(pattern), triggers=_triggers(triggers) if triggers else None, **flags)


_THREAT_KEYS = frozenset({"threat", "threat-stock", "threat-regret"})
_NOT_A_CONSPIRACY = re.compile(r"^(?:[a-z]+\s+)*?(?:women|woman|girls|females|feminists)(?![a-z])")

RULES: tuple[_Rule, ...] = (
    # Telling someone to harm themselves: refused as harassment.
    _rule(
        "kys",
        "harassment",
        0.95,
        B + SELF_HARM_AT + E,
        triggers="yourself urself yoself yaself self kys bleach wrists die deeper jump traffic existing unalive end "
        "cliff bridge train",
    ),
    _rule(
        "better-without-you",
        "harassment",
        0.95,
        r"(?:nobody|no\s+one|noone|no1)\s+(?:would|will|is\s+going\s+to|gonna)\s+(?:even\s+)?(?:miss|care\s+if|"
        r"notice\s+if|cry\s+(?:for|over|at|if)|come\s+to|go\s+to|show\s+up\s+(?:to|at)|attend|notice)\s+"
        r"(?:"
        + YOU
        + r"|(?:your|ur)\s+(?:funeral|death|grave))"
        + E
        + r"|(?:world|everyone|everybody|we|earth|planet|internet|your\s+family|ur\s+family|this\s+(?:site|app|school|"
        r"class|group|place))\s+(?:would\s+be|will\s+be|is|d\s+be)\s+(?:a\s+)?(?:so\s+much\s+|way\s+|a\s+lot\s+)?"
        r"(?:better|nicer|happier|safer)\s+(?:place\s+)?(?:off\s+)?without\s+(?:you|u|ya|people\s+like\s+(?:you|u))"
        r"|(?:your|ur)\s+(?:family|parents|mum|mom|dad|friends|class|school|sister|brother)\s+(?:would|will|d)\s+"
        r"(?:be\s+|feel\s+)?(?:so\s+|really\s+)?(?:relieved|happier|glad|better\s+off|celebrate|party|not\s+care|"
        r"not\s+even\s+notice|throw\s+a\s+party)\s+(?:if|when|once)\s+(?:you|u)"
        r"|(?:everyone|everybody|we|we\s+all|the\s+whole\s+(?:school|class))\s+(?:would|will|d)\s+(?:be\s+)?"
        r"(?:celebrate|party|throw\s+a\s+party|be\s+happy|relieved|glad|happier)\s+(?:if|when|once)\s+(?:you|u)\s+"
        r"(?:\w+\s+)?(?:die|died|dies|dead|gone|kill|killed|disappear|disappeared)"
        r"|(?:do|doing)\s+(?:us|everyone|everybody|the\s+world|us\s+all|your\s+family)\s+a\s+favou?r\s+and\s+(?:die|"
        r"disappear|kill|end|jump|go\s+die|stop\s+breathing|delete\s+yourself|unalive|neck|hang|drink|off|stop\s+existing)"
        r"|(?:you|u)\s+(?:should|shud|need\s+to|ought\s+to|deserve\s+to)\s+(?:just\s+|really\s+|go\s+)?(?:die|"
        r"disappear\s+forever|disappear\s+for\s+good|not\s+exist|never\s+have\s+been\s+born|end\s+it|stop\s+breathing|"
        r"kill\s+(?:yourself|urself)|rot|give\s+up\s+on\s+(?:life|living|existing))"
        r"|(?:you|u)\s+(?:should|shoulda|shud)\s*(?:have|of|ve|a)\s+(?:died|been\s+aborted|never\s+been\s+born|"
        r"stayed\s+dead|been\s+a\s+miscarriage)"
        r"|why\s+dont\s+(?:you|u)\s+(?:just\s+)?(?:die|kill\s+(?:yourself|urself)|disappear|end\s+it)"
        r"|(?:i\s+)?(?:hope|wish)\s+(?:you|u)\s+(?:die|died|kill\s+(?:yourself|urself)|rot|never\s+wake\s+up|"
        r"were\s+dead|cut\s+too\s+deep|(?:do|go)\s+(?:it|through\s+with\s+it)|succeed\s+next\s+time|relapse)"
        r"|if\s+i\s+(?:were|was|looked\s+like|had\s+(?:your|ur)\s+\w+|was\s+as\s+\w+\s+as)\s+(?:you|u|yours)?\s*,?\s*"
        r"i\s*(?:d|would)\s+(?:have\s+)?(?:kill|killed|end|ended|off|offed|unalive|unalived|hang|hanged|hung|"
        r"shoot|shot|jump|jumped)\s+(?:myself|my\s+self|it|off)"
        r"|(?:rope|noose|bridge|bleach|razor|blade|pills|train\s+tracks|tracks|cliff|roof|train)\s+(?:is|are|s)\s+"
        r"(?:calling|waiting\s+for|ready\s+for)\s+(?:you|u|your\s+name|ur\s+name)"
        r"|(?:world|earth|planet|we|society|everyone)\s+(?:needs|could\s+use|would\s+be\s+better\s+with)\s+"
        r"(?:fewer|less|one\s+less)\s+(?:people\s+like\s+(?:you|u)|of\s+(?:you|u)|(?:you|u)|losers\s+like\s+(?:you|u))"
        r"|people\s+like\s+(?:you|u)\s+(?:shouldnt|should\s+not|dont\s+deserve\s+to|do\s+not\s+deserve\s+to|should)\s+"
        r"(?:exist|live|be\s+alive|be\s+born|die|breathe)"
        r"|if\s+(?:you|u)\s+(?:really|actually|truly)\s+(?:wanted|meant)\s+(?:to|it)[^.!?\n]{0,50}?"
        r"(?:(?:you|u)\s*(?:d|would)|youd)\s+(?:have\s+)?(?:done\s+it|do\s+it|be\s+dead|succeeded)"
        r"|(?:nobody|no\s+one)\s+(?:is\s+)?stopping\s+(?:you|u)"
        + E
        + r"|(?:world|everyone|everybody|we|earth|planet|life|things|school|everything)\s+(?:would|will|d)\s+"
        r"(?:\w+\s+)?be\s+(?:so\s+much\s+|way\s+|a\s+lot\s+)?(?:better|nicer|happier|easier)\s+(?:off\s+)?"
        r"(?:if|when|once)\s+(?:you|u)\s*(?:didnt\s+exist|did\s+not\s+exist|never\s+existed|werent\s+(?:here|born|"
        r"around)|were\s+(?:gone|dead|never\s+born)|died|disappeared|were\s+not\s+(?:here|born|around))",
        triggers=(
            "miss care notice cry come attend funeral death grave without relieved happier glad celebrate "
            "party favour favor die disappear exist born end breathing kill rot give dead wake deep "
            "succeed relapse through killed ended off offed unalive unalived hang hanged hung shoot shot "
            "jump jumped calling waiting ready fewer less alive breathe really actually truly stopping exist "
            "existed better nicer happier easier "
            "aborted miscarriage"
        ),
    ),
    # Telling someone to harm themselves, in other languages the platform sees.
    _rule(
        "kys-other-languages",
        "harassment",
        0.95,
        B + r"(?:matate|suicidate|muerete|se\s+mata(?!\s+(?:de|a\s+rir))|se\s+mate|mata\s*-?\s*te|tue\s*-?\s*toi|"
        r"va\s+te\s+tuer|va\s+mourir|bring\s+dich\s+um|geh\s+sterben|tote\s+dich|toete\s+dich|vai\s+morrer|"
        r"ojala\s+te\s+mueras|espero\s+que\s+(?:te\s+mueras|morras|voce\s+morra)|"
        r"j\s*espere\s+que\s+tu\s+(?:meurs|creves)|ich\s+hoffe\s+du\s+stirbst|"
        r"ninguem\s+vai\s+sentir\s+(?:sua|tua)\s+falta|nadie\s+te\s+(?:va\s+a\s+)?(?:extranar|extranaria|"
        r"echar\s+de\s+menos|echaria\s+de\s+menos)|personne\s+ne\s+(?:va\s+te\s+regretter|te\s+regrettera)|"
        r"niemand\s+(?:wird|wurde)\s+dich\s+vermissen)" + E,
        triggers="matate suicidate muerete se mata tue va bring geh tote toete vai ojala espero jespere ich ninguem "
        "nadie personne niemand",
    ),
    # A dare aimed at someone who disclosed a crisis: "do it then. you won't."
    _rule(
        "dare",
        "harassment",
        0.95,
        r"(?:just\s+)?do\s+it\s+(?:then|already)[\s.,!]+(?:(?:you|u)\s+(?:wont|will\s+not|never\s+will|dont\s+have\s+"
        r"the\s+guts)|coward|pussy|(?:we|i)\s+dare\s+(?:you|u)|nobody\s+(?:cares|will\s+miss))"
        r"|(?:you|u)\s+(?:wont|will\s+not|never)\s+(?:actually\s+)?(?:do\s+it|go\s+through\s+with\s+it)[\s.,!]+"
        r"(?:coward|pussy|attention|faker|liar|lol|lmao)",
        triggers="do dare wont never will",
    ),
    # Threats of physical harm: violence, and harassment of the person threatened.
    _rule(
        "threat",
        "violence",
        0.95,
        B + THREAT_SUBJECT + r"\s+(?:\w+\s+)?" + THREAT_VERBS + r"\s+(?:the\s+\w+\s+out\s+of\s+)?" + VICTIM + E,
        also="harassment",
        triggers=_heads(THREAT_VERBS_LIST),
    ),
    _rule(
        "threat-stock",
        "violence",
        0.95,
        r"(?:i|we)\s+know\s+where\s+(?:you|u|ya|she|he|they)\s+(?:live|lives|go\s+to\s+school|sleep|work|are)"
        r"|(?:i|we)(?:\s+have|\s+got|\s*ve\s+got|\s*ve|\s+found|\s+know|\s+have\s+got)\s+(?:your|ur|yr|her|his)\s+(?:home\s+)?(?:address|location|"
        r"postcode|house\s+number|school\s+address)"
        r"|watch\s+(?:your|ur|yr)\s+(?:back|self)|(?:you|u)re?\s+(?:so\s+)?dead(?:\s+meat)?(?!\s+to)" + E + r"|"
        r"youre\s+(?:so\s+)?dead(?:\s+meat)?(?!\s+to)"
        + E
        + r"|(?:you|u)\s+are\s+(?:so\s+)?dead(?:\s+meat)?(?!\s+to)"
        + E
        + r"|(?:youre|you\s+are|ur)\s+next"
        + E
        + r"|(?:sleep|keep)\s+with\s+one\s+eye\s+open|(?:you|u)\s+(?:wont|will\s+not)\s+see\s+it\s+coming"
        r"|(?:i\s*ll|ill|i\s+will|im\s+gonna|im\s+going\s+to|we\s*ll|we\s+will)\s+(?:find|get|come\s+for|catch)\s+"
        r"(?:you|u|ya)(?:\s+(?:after\s+school|outside|alone|one\s+day|soon|and|when))"
        r"|(?:im|were)\s+coming\s+(?:for|after)\s+(?:you|u|ya)"
        r"|(?:break|smash|punch|kick|cave\s+in|bash\s+in|rearrange|slit)\s+(?:your|ur|yr)\s+(?:face|head|teeth|neck|legs?|"
        r"arms?|nose|skull|throat|knees?)"
        r"|(?:bring|bringing|brought)\s+a\s+(?:gun|knife|weapon|bomb)\s+to\s+(?:school|class)"
        r"|shoot\s+up\s+(?:the|my|our|this|your|ur)\s+(?:school|class|college)"
        r"|(?:i\s+)?hope\s+(?:you|u|she|he|they)\s+(?:get|gets)\s+(?:hit|run\s+over|cancer|raped|shot|stabbed|hurt|"
        r"beaten|killed|murdered|jumped|battered)"
        r"|(?:you|u)\s+(?:deserve|deserves)\s+to\s+(?:die|be\s+(?:hurt|beaten|raped|shot|killed|stabbed))"
        r"|(?:get|send|bring)\s+(?:my|the|our)\s+(?:brother|brothers|boys|mates|friends|dad|cousins|gang|crew)\s+"
        r"(?:to|and)\s+(?:deal\s+with|sort\s+out|jump|get|beat\s+up|hurt|come\s+for|batter)\s+(?:you|u|ya)"
        r"|(?:im|i\s+am|were|we\s+are|ill\s+be|i\s+will\s+be)\s+coming\s+(?:to|round\s+to|over\s+to|round|over)\s+"
        r"(?:your|ur)\s+(?:house|home|school|work|place|flat)"
        r"|(?:just\s+)?wait\s+(?:till|until|til|untill)\s+(?:i|we)\s+(?:catch|find|get|see)\s+(?:you|u|ya)"
        r"|(?:you|u)\s*(?:will|ll)?\s*(?:wont|will\s+not|arent|are\s+not|aint)\s+(?:be\s+)?safe\s+(?:at|in|on|after|"
        r"anywhere|tomorrow|when|around|here|there|ever)"
        r"|(?:i|we)\s+know\s+(?:which|what)\s+(?:bus|route|way|train|school|class|house|street|room|gym|club)\s+(?:you|u)"
        r"|(?:i\s*ve\s+got|i\s+have|we\s+have|weve\s+got|ive\s+got|got)\s+(?:people|someone|eyes|mates)\s+"
        r"(?:watching|outside|on|following)\s+(?:your|ur|you|u)"
        r"|knock\s+(?:your|ur)\s+(?:teeth|lights|head|block)\s+(?:out|in|off)"
        r"|(?:get|getting|have)\s+(?:your|ur)\s+(?:head|face|teeth|ass|arse|legs?|nose)\s+(?:kicked|smashed|punched|"
        r"bashed|caved|knocked|beaten)(?:\s+in)?"
        r"|(?:i\s*d|id|i\s+would|i)\s+(?:love|like|want|wanna|cant\s+wait)\s+to\s+see\s+(?:you|u)\s+(?:get|getting)\s+"
        r"(?:hit|run\s+over|beaten|hurt|stabbed|shot|punched|battered|jumped)"
        r"|(?:you|u|people\s+like\s+(?:you|u))\s+(?:deserve|deserves)\s+to\s+(?:get|be)\s+(?:beaten|hurt|hit|stabbed|"
        r"shot|punched|jumped|battered|killed)"
        r"|(?:me\s+and\s+my|my)\s+(?:mates|boys|friends|brothers|cousins|crew|gang)\s+(?:will|gonna|are\s+gonna|"
        r"are\s+going\s+to|ll)\s+(?:be\s+)?(?:waiting\s+for|find|get|sort\s+out|deal\s+with|jump|wait\s+for)\s+"
        r"(?:you|u|ya)" + E,
        also="harassment",
        triggers=(
            "know address location postcode watch dead next eye coming find get catch come break smash "
            "punch kick cave bash rearrange slit gun knife weapon bomb shoot hope deserve deserves "
            "brother brothers boys mates friends dad cousins gang crew wait till until til safe watching "
            "outside following knock see kicked smashed punched bashed caved knocked beaten"
        ),
    ),
    _rule(
        "threat-regret",
        "violence",
        0.85,
        r"(?:you|u)\s*(?:ll|will|are\s+going\s+to|re\s+gonna|r\s+gonna|re\s+going\s+to)\s+(?:regret|pay\s+for)\s+"
        r"(?:\w+ing\s+)?(?:this|it|that|what|me)"
        r"|(?:you|u)\s*(?:will|ll)\s+(?:get|be)\s+(?:what\s+(?:you|u)\s+deserve|hurt|beaten|jumped|stabbed|battered)"
        r"|(?:or|else)\s+(?:else\s+)?(?:you|u)\s*(?:will|ll)\s+(?:get|be)\s+(?:hurt|beaten|jumped|stabbed|battered|"
        r"sorry|dealt\s+with)",
        also="harassment",
        triggers="regret pay get be",
    ),
    # Wishing someone harm that is not physical, and threats to ruin, expose or find them.
    _rule(
        "wish-harm",
        "harassment",
        0.9,
        r"(?:hope|wish|pray)\s+(?:that\s+)?(?:something|anything|everything|smth|sth)\s+(?:really\s+)?(?:bad|terrible|"
        r"horrible|awful|nasty)\s+(?:happens|happen)\s+to\s+(?:you|u|ya|her|him)"
        r"|(?:hope|wish)\s+(?:you|u)\s+(?:suffer|rot|choke|get\s+sick|lose\s+everything|are\s+miserable|"
        r"have\s+a\s+(?:horrible|terrible|miserable|shit)\s+life|never\s+(?:find|have|get)\s+(?:happiness|love|"
        r"friends|peace)|never\s+find\s+(?:anyone|someone|anybody)\s+(?:who|that)\s+(?:loves|likes|cares)|"
        r"cry\s+yourself\s+to\s+sleep|end\s+up\s+alone|die\s+alone)"
        r"|(?:hope|wish)\s+(?:your|ur)\s+(?:\w+\s+){0,2}(?:dies|die|burns|burn\s+down|burns\s+down|gets\s+hit|"
        r"gets\s+cancer|get\s+cancer|crashes|suffers|gets\s+run\s+over|leaves\s+you|dumps\s+you|cheats)"
        r"|(?:you|u)\s+(?:deserve|deserved)\s+(?:everything\s+(?:bad|that\s+(?:happens|is\s+coming|comes))|"
        r"every\s+bad\s+thing|all\s+(?:the\s+)?(?:bad|hate|pain|abuse)|the\s+worst|to\s+suffer|to\s+be\s+(?:alone|"
        r"miserable|unhappy|bullied|hated|abused|in\s+pain|lonely)|what(?:ever)?\s+(?:bad\s+)?(?:happens\s+to|"
        r"is\s+coming\s+to|comes\s+to)\s+(?:you|u)|to\s+feel\s+like\s+(?:this|that|shit))" + E,
        support_guard=True,
        triggers="hope wish pray deserve deserved",
    ),
    _rule(
        "threat-ruin",
        "harassment",
        0.9,
        r"(?:i\s*ll|ill|i\s+will|im\s+(?:going\s+to|gonna)|i\s+am\s+going\s+to|imma|we\s*ll|we\s+will|"
        r"were\s+(?:going\s+to|gonna))\s+(?:ruin|destroy|wreck|end)\s+(?:your|ur|yr|her|his)\s+(?:life|"
        r"reputation|rep|career|friendships?|relationship|everything|future)"
        r"|(?:i\s*ll|ill|i\s+will|im\s+(?:going\s+to|gonna)|we\s*ll|we\s+will|gonna)\s+make\s+sure\s+(?:that\s+)?"
        r"(?:everyone|everybody|the\s+whole\s+(?:school|class|year|internet)|(?:your|ur)\s+(?:whole\s+|entire\s+)?"
        r"(?:parents|mum|mom|dad|friends|class|school|year|teachers?|family))\s+(?:\w+\s+){0,2}"
        r"(?:sees|see|knows|know|finds\s+out|find\s+out|reads|read|hears|hear|gets)\s+(?:about\s+)?(?:this|it|that|"
        r"what\s+(?:you|u)|who\s+(?:you|u)|how\s+(?:you|u)|the\s+(?:truth|real\s+you|pics|photos|video|messages)|"
        r"(?:your|ur)\s+(?:\w+\s+)?(?:diary|secrets?|messages|dms|texts|chats|pics|photos|nudes|videos?|vids?|"
        r"search\s+history|screenshots|real\s+name|address))"
        r"|(?:or|else)\s+(?:else\s+)?(?:we|i)\s*(?:ll|will)\s+find\s+(?:out|you|u)"
        r"|(?:we|i)\s*(?:ll|will|are\s+going\s+to|re\s+gonna|m\s+gonna|m\s+going\s+to)\s+find\s+out\s+"
        r"(?:who|where)\s+(?:you|u)\s+(?:are|live|go)"
        r"|(?:we|i)\s*(?:ll|will)\s+(?:post|put|spread|share)\s+(?:it|this|them|these)\s+(?:everywhere|all\s+over)"
        r"|(?:i\s*ll|ill|i\s+will|im\s+(?:going\s+to|gonna)|we\s*ll|we\s+will|were\s+(?:going\s+to|gonna))\s+make\s+"
        r"(?:you|u)\s+(?:suffer|bleed|beg|pay|regret\s+it|cry\s+in\s+front\s+of|wish\s+(?:you|u)\s+were\s+dead|"
        r"wish\s+(?:you|u)\s+(?:were\s+)?never)"
        r"|(?:i\s*ll|ill|i\s+will|im\s+(?:going\s+to|gonna)|we\s*ll|we\s+will|gonna)\s+tell\s+(?:everyone|everybody|"
        r"the\s+whole\s+\w+|your\s+(?:parents|mum|mom|dad|friends|teachers?)|ur\s+(?:parents|mum|mom|dad|friends))\s+"
        r"(?:about\s+)?(?:your|ur|what\s+(?:you|u)|who\s+(?:you|u)|that\s+(?:you|u))"
        r"|(?:showed|sent|shared|posted|leaked|forwarded|spread|screenshotted|uploaded)\s+(?:\w+\s+){0,3}?(?:your|ur)\s+"
        r"(?:\w+\s+)?(?:diary|texts|nudes|dms|secrets|chats|search\s+history|crying\s+video|meltdown|private\s+\w+)",
        triggers="ruin destroy wreck end make or else find post put spread share tel showed sent shared posted "
        "leaked forwarded screnshoted uploaded suffer bleed beg regret cry wish",
    ),
    # Sextortion and threats to share images or secrets.
    _rule(
        "share-images",
        "harassment",
        0.95,
        r"(?:i\s*ll|ill|i\s+will|im\s+(?:going\s+to|gonna)|i\s+am\s+going\s+to|gonna|imma|ima|we\s*ll|we\s+will|"
        r"will|going\s+to|i\s+can|i\s+could)\s+(?:\w+\s+)?(?:post|share|leak|send|show|expose|spread|forward|upload|"
        r"publish|put)\s+(?:all\s+)?(?:your|ur|yr|these|those|the|her|his|their|our)\s+(?:\w+\s+)?(?:nudes|nude|naked|"
        r"pics|pictures|photos|videos?|vids?|messages|dms|texts|secrets|chats|screenshots|snaps|address|diary)"
        r"|(?:send|give)\s+(?:me\s+)?(?:more\s+)?(?:nudes|pics|photos|money|\$\s*\d+|\d+\s*(?:quid|pounds|dollars|euros))"
        r"[\s,.!]+(?:or|otherwise|unless|else|before)"
        r"|(?:or\s+(?:else\s+)?|unless\s+(?:you|u)\s+\w+\s+)(?:everyone|everybody|ill|i\s+will|your\s+(?:parents|mum|mom|"
        r"dad|friends|school)|ur\s+(?:parents|mum|mom|dad|friends|school))(?:\s+will)?\s+(?:see|know|find\s+out|gets?|"
        r"tell)"
        r"|i\s+(?:have|got|saved|kept)\s+(?:your|ur|yr)\s+(?:nudes|nude\s+pics|naked\s+pics|pics|photos|videos?)"
        r"|(?:everyone|everybody|the\s+whole\s+school)\s+(?:at|in)?\s*(?:\w+\s+)?(?:will|is\s+going\s+to|gonna)\s+see\s+"
        r"(?:your|ur|yr|these|this)"
        r"|(?:expose|exposing)\s+(?:you|u|her|him|them)"
        + E
        + r"|(?:or|unless)\s+(?:else\s+)?(?:your|ur)\s+(?:nudes|pics|photos|secrets|messages|videos?|texts|dms)\s+"
        r"(?:go|get|will\s+go|will\s+get|are\s+going|end\s+up)",
        triggers=(
            "nudes nude naked pics pictures photos video videos vid vids mesages dms texts secrets chats "
            "screnshots snaps adress diary send give or unles have got saved kept everyone everybody expose "
            "exposing"
        ),
    ),
    # Pile-ons: calls to report, spam, go after or summon others to mock someone.
    _rule(
        "pile-on",
        "harassment",
        0.85,
        r"(?:everyone|everybody|all\s+of\s+(?:you|u)|yall|you\s+all|guys|lets\s+all|lets|we\s+should\s+all|we\s+should|"
        r"go|pls|please|can\s+(?:everyone|yall|you\s+all))\s+(?:go\s+)?(?:report|spam|mass\s+report|"
        r"flag|roast|ratio|dogpile|bully|harass|flood|unfollow|block|troll|attack|destroy|cancel|expose|go\s+after|"
        r"gang\s+up\s+on|make\s+fun\s+of|laugh\s+at|hate\s+on|leave\s+hate\s+on)\s+(?:her|him|them|"
        r"this\s+(?:girl|guy|kid|loser|freak|person|account|user|idiot|clown)|that\s+(?:girl|guy|kid|loser|freak|person|"
        r"account|user|idiot|clown)|"
        + MENTION
        + r"|[a-z]+s\s+(?:account|page|profile|posts?|comments|channel|entry|video))"
        r"|(?:everyone|everybody|yall|you\s+all|guys|lets\s+all|go|pls|please)\s+(?:go\s+)?(?:to|on|over\s+to)\s+"
        r"(?:" + MENTION + r"|her|his|their|[a-z]+s)\s*(?:s\s+)?(?:profile|page|account|channel|comments|dms|posts?|"
        r"inbox)?\s+and\s+(?:spam|report|mass\s+report|flood|roast|ratio|troll|hate\s+on|mock|bully|harass|attack|"
        r"destroy|cancel)"
        r"|(?:go|and|everyone|everybody|yall|guys|pls|please|lets\s+all|lets)\s+tell\s+(?:her|him|them)\s+"
        r"what\s+(?:you|u)\s+(?:all\s+)?(?:really\s+)?think\s+of\s+(?:her|him|them)"
        r"|make\s+(?:her|his|their|your|ur)\s+life\s+(?:hell|a\s+living\s+hell|miserable)"
        r"|(?:spam|flood)\s+(?:her|his|their|" + MENTION + r")\s+(?:dms|inbox|comments|page|posts?)"
        r"|screenshot\s+(?:this|it|her|his|that)\s+(?:before\s+(?:she|he|they|it)|and\s+(?:share|send|post|spread))"
        r"|send\s+this\s+to\s+(?:everyone|the\s+whole)"
        r"|(?:made|making|started|starting|created|creating|have|got|set\s+up)\s+(?:a|an|this|our|the)\s+"
        r"(?:group\s*chat|gc|group|page|account|server|thread|channel|chat|discord|insta|story)\s+(?:just\s+)?"
        r"(?:to|for|about|where\s+we)\s+(?:roast|roasting|mock|mocking|hate\s+on|laugh\s+at|make\s+fun\s+of|"
        r"talk\s+shit\s+about|bully|bullying|expose|exposing|trash|trashing|hating\s+on)\s+"
        r"(?:you|u|her|him|them|" + MENTION + r")"
        r"|(?:hate|burn|exposing|roast|meme|rating)\s+(?:page|account|chat|gc|group)\s+(?:for|about|on|of)\s+(?:you|u|her|him|"
        + MENTION
        + ")"
        r"|(?:lets\s+all|lets|everyone|everybody|yall|guys)\s+(?:go\s+)?(?:comment|spam|post|drop|send|flood)\s+"
        r"(?:\w+\s+)?(?:clown|pig|vomit|puke|skull|rat|snake|poop|cow|whale|trash|bin)\s+(?:emojis?|pics?|gifs?|"
        r"memes?|pictures?)\s+(?:on|in|under|to|at)\s+(?:her|his|their|" + MENTION + ")"
        r"|(?:so|and)\s+(?:we|everyone|everybody|yall)\s+(?:can\s+)?(?:all\s+)?(?:roast|mock|laugh\s+at|rate|rip\s+into|"
        r"make\s+fun\s+of|destroy|ratio)\s+(?:her|him|them)"
        r"|(?:made|making|started|starting|created|have|got)\s+(?:a|an)\s+(?:page|account|chat|gc|poll|vote|thread)\s+"
        r"(?:just\s+)?(?:for|to|about)\s+(?:rating|rate|voting\s+on|deciding)\s+(?:how|who|which)",
        triggers=(
            "report spam flag roast ratio dogpile bully harass flood unfollow block troll attack destroy "
            "cancel expose after gang make laugh hate tell life screenshot send burn exposing comment "
            "post drop rating rate voting deciding mock mocking roasting hating bullying trashing trash "
            "rip talk meme"
        ),
    ),
    _rule(
        "pile-on-tell",
        "harassment",
        0.85,
        r"(?:go|and|everyone|everybody|yall|guys|pls|please|lets\s+all|lets)\s+tell\s+(?:her|him|them)\s+"
        r"(?:what\s+an?\s+(?:(?:\w+|"
        + ADJECTIVE_INSULT
        + r")\s+)?"
        + INSULT
        + r"|how\s+(?:\w+\s+)?"
        + INSULT
        + r"|(?:she|he|they)\s*(?:is|s|are|re)\s+(?:a\s+|an\s+|so\s+)?(?:(?:\w+|"
        + ADJECTIVE_INSULT
        + r")\s+)?"
        + INSULT
        + ")",
        insults=True,
    ),
    # Summoning others to come and mock: only with laughter or a mocking sign.
    _rule(
        "pile-on-summon",
        "harassment",
        0.85,
        r"(?:@everyone|@here|@channel|everyone|everybody|yall|guys)\s+(?:come|go|look|get\s+in\s+here)\s+"
        r"(?:and\s+)?(?:see|look|laugh|watch|check)(?=[^\n]{0,80}(?:\U0001f480|\U0001f602|\U0001f923|\U0001f921|"
        r"lmao|lmfao|lol|haha|\U0001f92e|\U0001f922))"
        r"|(?:\U0001f480|\U0001f602|\U0001f923|\U0001f921|lmao|lmfao|lol|haha)[^\n]{0,80}(?:@everyone|@here|everyone|"
        r"everybody|yall|guys)\s+(?:come|go|look|get\s+in\s+here)\s+(?:and\s+)?(?:see|look|laugh|watch|check)",
        triggers="everyone everybody yal guys here channel",
    ),
    # Exclusion: "nobody likes you", "everyone hates you".
    _rule(
        "exclusion",
        "harassment",
        0.75,
        r"(?:nobody|no\s+one|noone|no1|not\s+a\s+single\s+person)\s+(?:\w+\s+){0,3}?(?:likes|loves|wants|cares\s+about|"
        r"care\s+about|will\s+ever\s+(?:love|like|want|date)|would\s+ever\s+(?:love|like|want|date)|talks\s+to|"
        r"wants\s+to\s+(?:be\s+friends\s+with|talk\s+to|hear\s+from|see|sit\s+with)|ever\s+(?:liked|loved|wanted)|"
        r"could\s+(?:ever\s+)?(?:love|like)|can\s+stand|invited)\s+(?:you|u|ya)"
        + E
        + r"|(?:everyone|everybody|we\s+all|all\s+of\s+us|the\s+whole\s+(?:school|class|year|group|world))\s+"
        r"(?:\w+\s+)?(?:hates|hate|is\s+sick\s+of|are\s+sick\s+of|cant\s+stand|despises|talks\s+about|avoids|avoid|"
        r"thinks\s+(?:you|u)re|ignores|ignore)\s+(?:you|u|ya|your|ur)"
        + E
        + r"|(?:you|u)\s+(?:have|got)\s+no\s+(?:friends|one)|(?:you|u)\s*(?:ll|will)\s+(?:always\s+be\s+alone|"
        r"never\s+have\s+(?:friends|a\s+(?:boyfriend|girlfriend))|die\s+alone)|youll\s+(?:always\s+be\s+alone|die\s+alone)"
        r"|(?:you|u)\s+(?:dont|do\s+not)\s+belong\s+(?:here|anywhere)|(?:no\s+one|nobody)\s+wants\s+(?:you|u)\s+here"
        r"|(?:get|go)\s+(?:out|off)\s+(?:of\s+)?(?:here|this\s+(?:site|app|group|platform|page))\s*(?:you|u|loser|freak|,)"
        r"|(?:youre|you\s+are|ur)\s+not\s+welcome\s+here|(?:no\s+one|nobody)\s+(?:asked|cares)\s+(?:you|u|about\s+(?:you|u|"
        r"your|ur))"
        r"|(?:you|u)\s+(?:cant|cannot|can\s+not|arent\s+allowed\s+to)\s+sit\s+with\s+us"
        r"|(?:youre|you\s+are|ur)\s+(?:not\s+invited|uninvited|not\s+one\s+of\s+us)"
        + E
        + r"|(?:we|nobody|no\s+one|noone)\s+(?:\w+\s+){0,2}?(?:dont|do\s+not|doesnt)?\s*wants?\s+(?:you|u)\s+"
        r"(?:here|at|in|around|near|on|with)"
        r"|(?:nobody|no\s+one|noone)\s+(?:\w+\s+){0,3}?wants\s+to\s+be\s+(?:your|ur)\s+(?:partner|friend|"
        r"girlfriend|boyfriend|teammate)"
        r"|(?:dont|do\s+not)\s+(?:even\s+)?(?:try|bother)\s+(?:to\s+|trying\s+to\s+)?sit\s+with\s+us"
        r"|(?:youre|you\s+are|ur)\s+not\s+welcome\s+(?:in|at|on)\s+(?:this|our|the)\s+\w+"
        r"|(?:were|we\s+are|we\s*re|were\s+all|everyone\s+is|everybody\s+is)\s+(?:all\s+)?(?:going\s+to|gonna)\s+"
        r"(?:ignore|block|exclude|freeze\s+out|leave\s+out|unfriend|unfollow)\s+(?:you|u)"
        r"|(?:why|no\s+wonder|explains\s+why)\s+(?:you|u)\s+(?:dont|do\s+not|never|will\s+never|cant|have\s+no|got\s+no)\s+"
        r"(?:have\s+|get\s+|keep\s+|make\s+)?(?:any\s+)?(?:friends|a\s+(?:boyfriend|girlfriend|date))"
        r"|(?:nobody|no\s+one|noone)\s+asked\s+for\s+(?:your|ur)",
        support_guard=True,
        triggers=(
            "nobody noone no1 one single hates hate sick stand despises talks avoids avoid thinks ignores "
            "ignore friends alone boyfriend girlfriend belong wants want out off welcome asked cares sit "
            "invited uninvited date block exclude freeze leave unfriend unfollow likes loves invited"
        ),
    ),
    # Humiliation: laughing at someone together, their body or family mocked, their embarrassment spread.
    _rule(
        "humiliation",
        "harassment",
        0.85,
        r"(?:everyone|everybody|the\s+whole\s+(?:school|class))\s+saw\s+(?:you|u)\s+(?:cry|crying|fall|wet|pee|throw)"
        r"|laughing\s*stock|(?:post|share|spread|send)\s+(?:this|the|that)\s+(?:video|vid|pic|photo|picture)\s+of\s+"
        r"(?:her|him|you|u|them)"
        r"|(?:everyone|everybody|we\s+all|we|all\s+of\s+us|the\s+whole\s+(?:school|class|year|group|internet)|people)\s+"
        r"(?:\w+\s+){0,2}?(?:laugh|laughs|laughed|laughing|are\s+laughing|is\s+laughing|were\s+laughing|was\s+laughing|"
        r"make\s+fun|makes\s+fun|made\s+fun|making\s+fun|was\s+making\s+fun|were\s+making\s+fun|joke|jokes|joking|"
        r"talk\s+shit|talks\s+shit|talking\s+shit|cringe|cringes|cringed|cringing)\s+(?:at|of|about)\s+"
        r"(?:you|u|ya|your|ur)" + E + r"|behind\s+(?:your|ur)\s+back"
        r"|no\s+wonder\s+(?:your|ur|yr)\s+(?:dad|mum|mom|parents|father|mother|friends|boyfriend|girlfriend|bf|gf|ex|"
        r"family)\s+(?:\w+\s+)?(?:left|leave|hate|hates|hated|dont\s+love|doesnt\s+love|abandoned|cheated|dumped|"
        r"ignores?|cant\s+stand|gave\s+up|walked\s+out|moved\s+out|never\s+(?:calls?|visits?))"
        r"|even\s+(?:your|ur)\s+(?:own\s+)?(?:mum|mom|dad|parents|family|mother|father|friends|dog|cat)\s+"
        r"(?:\w+\s+)?(?:hates?|doesnt\s+(?:love|like|want)|dont\s+(?:love|like|want)|cant\s+stand|is\s+ashamed|"
        r"are\s+ashamed|is\s+embarrassed|are\s+embarrassed|left)\s*(?:of\s+)?(?:you|u)?"
        r"|(?:your|ur)\s+(?:dad|mum|mom|parents|father|mother|family)\s+(?:should|shoulda|should\s+of)\s*(?:have|ve)?\s+"
        r"(?:left|abandoned\s+(?:you|u)|aborted\s+(?:you|u)|given\s+(?:you|u)\s+up|put\s+(?:you|u)\s+up|"
        r"drowned\s+(?:you|u)|kept\s+(?:you|u)\s+in)"
        r"|(?:your|ur)\s+(?:dad|mum|mom|parents|father|mother)\s+(?:left|leave|hate|hates|abandoned)\s+(?:because\s+"
        r"of|cause\s+of|cos\s+of|coz\s+of)\s+(?:you|u)"
        r"|face\s+only\s+a\s+mother\s+(?:could|would)\s+love|(?:face|body)\s+for\s+radio"
        r"|(?:your|ur)\s+(?:parents|mum|mom|dad|family|mother|father)\s+(?:must|should)\s+be\s+(?:so\s+|really\s+)?"
        r"(?:disappointed|ashamed|embarrassed)"
        r"|(?:people|someone|girls|guys|anyone)\s+(?:with|who\s+look\s+like)\s+(?:\w+\s+)?(?:bodies|faces|a\s+body|"
        r"a\s+face|legs|thighs|arms)\s+like\s+(?:yours|urs|that|hers|his)"
        r"|(?:no|not\s+even\s+a)\s+filter\s+(?:can|could|will|would)\s+(?:fix|save|help)"
        r"|(?:put|wear)\s+a\s+bag\s+over\s+(?:your|ur)\s+(?:head|face)"
        r"|need\s+(?:a|an\s+\w+)\s+filter\s+for\s+(?:that|your|ur)\s+face"
        r"|(?:you|u|people\s+like\s+(?:you|u))\s+(?:belong|belongs|should\s+be\s+kept|should\s+live)\s+(?:in|at)\s+"
        r"(?:a|the)\s+(?:zoo|cage|bin|trash|dump|sewer|gutter|asylum|mental\s+hospital|psych\s+ward|farm|pigsty|landfill)"
        r"|(?:imagine|lol|lmao|haha)\s+(?:being\s+)?(?:this|so|that)\s+(?:ugly|fat|gross|disgusting|hideous|pathetic|"
        r"desperate|sad|poor|dumb|stupid|unwanted|lonely)",
        triggers=(
            "saw laughing laughingstock stock post share spread send laugh laughs laughed fun joke jokes "
            "joking talk talks talking cringe cringes cringed cringing behind wonder even because cause "
            "cos coz mother radio filter bag disappointed ashamed embarrassed bodies faces body face legs "
            "thighs arms how belong belongs kept live imagine lol lmao haha should shoulda shouldve"
        ),
    ),
    # Mocking a body: "look at her teeth 🤢", only with a mocking sign nearby.
    _rule(
        "body-mocking",
        "harassment",
        0.85,
        r"(?:look\s+at|check\s+out|zoom\s+in\s+on|get\s+a\s+load\s+of)\s+(?:her|his|their|your|ur|those|these|that|"
        r"this\s+(?:girls?|guys?|kids?)|that\s+(?:girls?|guys?|kids?)|"
        + MENTION
        + r")\s*(?:s\s+)?(?:\w+\s+)?"
        + _words(_BODY_AND_FAMILY)
        + E
        + r"(?=[^\n]{0,40}(?:\U0001f922|\U0001f92e|\U0001f921|\U0001f437|\U0001f416|\U0001f40b|"
        r"(?<![a-z])(?:ew+|gross|yikes|disgusting|yuck|wtf|bro\s+what)(?![a-z])))"
        r"|(?<![a-z])(?:ew+|yuck|gross)\s+(?:at\s+)?(?:your|ur|her|his|their)\s+(?:\w+\s+)?"
        + _words(_BODY_AND_FAMILY)
        + E
        + r"|(?:your|ur|her|his)\s+(?:\w+\s+)?"
        + _words(_BODY_AND_FAMILY)
        + E
        + r"(?=[^\n.!?]{0,15}(?:\U0001f922|\U0001f92e))"
        r"|(?:ew+|yikes|yuck)\s+(?:\w+\s+)?(?:look\s+at|check\s+out)\s+(?:her|his|their|your|ur|"
        r"this\s+(?:girls?|guys?|kids?))\s*(?:s\s+)?(?:\w+\s+)?" + _words(_BODY_AND_FAMILY) + E,
        triggers="look check zoom get ew yuck gross your ur her his",
    ),
    # Mocking someone's disclosure of a struggle.
    _rule(
        "mock-disclosure",
        "harassment",
        0.85,
        r"(?:stop|quit)\s+(?:faking|being\s+so\s+dramatic|whining|attention\s+seeking|playing\s+the\s+victim)"
        r"|(?:youre|you\s+are|ur|u\s+r|(?:she|he)s|(?:she|he)\s+is)\s+(?:just\s+|only\s+|so\s+|clearly\s+|obviously\s+)?"
        r"(?:faking|doing\s+(?:it|this)\s+for\s+attention|attention\s+seeking|looking\s+for\s+attention|"
        r"making\s+(?:it|this)\s+up|being\s+dramatic|such\s+a\s+drama\s+queen|a\s+fake|cutting\s+for\s+attention)"
        r"|(?:nobody|no\s+one|noone)\s+cares\s+about\s+(?:your|ur|yr|her|his)\s+(?:\w+\s+)?(?:problems|depression|"
        r"anxiety|feelings|story|sob\s+story|trauma|life|mental|issues|diagnosis|cutting|scars|struggles|pain)"
        r"|cry\s+(?:me\s+a\s+river|more|about\s+it|harder)|boo\s*-?\s*hoo|get\s+over\s+(?:it|yourself|urself)\s*(?:snowflake|loser|,)"
        r"|(?:your|ur|yr|her|his)\s+(?:depression|anxiety|trauma|mental\s+illness|mental\s+health|adhd|autism|"
        r"eating\s+disorder|ptsd|diagnosis|ocd|panic\s+attacks?)\s+(?:(?:isnt|arent)\s+(?:real|a\s+real\s+thing)|"
        r"(?:is|isnt|are)\s+(?:fake|not\s+real|a\s+joke|made\s+up|"
        r"just\s+an\s+excuse|an\s+excuse|all\s+in\s+your\s+head|(?:just|only)\s+(?:you\s+being\s+\w+|laziness|attention|"
        r"drama|in\s+your\s+head|for\s+attention)))"
        r"|faking\s+(?:a|an|your|ur|her|his|their)\s+(?:\w+\s+)?(?:diagnosis|illness|disorder|depression|anxiety|adhd|"
        r"autism|ptsd|ocd|eating\s+disorder|mental\s+illness|panic\s+attacks?|breakdown)"
        r"|if\s+(?:you|u)\s+(?:were|was)\s+(?:really|actually|truly)\s+(?:depressed|suicidal|anxious|sad|sick|"
        r"struggling|ill|autistic)"
        r"|(?:you|u)\s+(?:just|only)\s+(?:want|say\s+it\s+so|post\s+(?:it|this)\s+so)\s+(?:people|us|everyone)\s+"
        r"(?:to\s+)?(?:feel\s+sorry\s+for|notice|pity|care\s+about|look\s+at)\s+(?:you|u)"
        r"|(?:so|for)\s+(?:people|everyone|we)\s+(?:will\s+)?(?:notice|pity|feel\s+sorry\s+for|care\s+about)\s+(?:you|u)"
        r"|(?:sad|nice|another|pathetic)\s+sob\s+story|(?:cutting|starving|crying)\s+for\s+attention"
        r"|(?:crying|whining|moaning|complaining|going\s+on|banging\s+on|yapping)\s+about\s+"
        r"(?:your|ur|her|his|their)\s+(?:\w+\s+){0,2}(?:mental\s+health|depression|anxiety|trauma|problems|feelings|"
        r"issues|diagnosis|self\s*-?\s*harm|scars|sad\s+life|struggles)[^.!?\n]{0,30}?(?:for\s+(?:likes|attention|"
        r"clout|sympathy|views|pity)|again|every\s+day|nobody\s+cares|no\s+one\s+cares)"
        r"|(?:depression|depressed|mental\s+health|anxiety|trauma|cutting|self\s*-?\s*harm|scars|suicidal|crying|"
        r"sob\s+story|diagnosis|struggles|sad)(?:(?!not|isnt|arent|never|dont|doesnt|wasnt)[^.!?\n]){0,40}?"
        r"for\s+(?:likes|clout|sympathy|views|pity|attention)",
        triggers=(
            "stop quit faking fake attention dramatic drama victim cares cry boo hoo boohoo over "
            "depression anxiety trauma mental adhd autism eating ptsd diagnosis ocd panic sob cutting "
            "starving crying whining moaning complaining going banging yapping likes clout sympathy views "
            "pity really actually truly sorry notice care depressed sad suicidal scars struggles self "
            "harm"
        ),
    ),
    # Insults aimed at "you", at someone's body, family or work, and alone as a vocative.
    _rule(
        "insult-you",
        "harassment",
        MILD_INSULT,
        B + YOU_ARE + FILL + r"\s*" + INSULT + r"(?:\s+" + NOUN_INSULT + r")?",
        support_guard=True,
        tiered=True,
        mild=True,
        insults=True,
    ),
    _rule(
        "insult-your-thing-so",
        "harassment",
        MILD_INSULT,
        B
        + YOUR_THING
        + _THING_IS
        + r"\s+(?:so|too|really)\s+\w+\s+(?:that\s+)?(?:its|it\s+is|i)\s+(?:gross|disgusting|"
        r"embarrassing|painful|tragic|pathetic|sickening|cringe|cringey|want\s+to\s+(?:throw\s+up|puke|vomit|die)|"
        r"feel\s+sick)",
        support_guard=True,
        mild=True,
        triggers="gross disgusting embarrassing painful tragic pathetic sickening cringe cringey throw puke vomit "
        "die sick",
    ),
    _rule(
        "insult-your-thing",
        "harassment",
        MILD_INSULT,
        B + YOUR_THING + _THING_IS + FILL + r"\s*" + INSULT,
        support_guard=True,
        tiered=True,
        mild=True,
        insults=True,
    ),
    _rule(
        "insult-vocative",
        "harassment",
        MILD_INSULT,
        B + r"(?:you|u|ya|yu)(?:\s+(?:" + ADJECTIVE_INSULT + r"|little|fucking|fkn|absolute|total|complete|utter|big|"
        r"massive|actual|lying|crusty|lazy|sad))*\s+" + NOUN_INSULT,
        tiered=True,
        mild=True,
        insults=True,
    ),
    _rule(
        "insult-question",
        "harassment",
        MILD_INSULT,
        r"(?:are|r)\s+(?:you|u)\s+(?:\w+\s+)?"
        + INSULT
        + r"|(?:why|how)\s+(?:are|r)\s+(?:you|u)\s+(?:so|this|such\s+an?)\s+"
        + INSULT
        + r"|(?:as|this|so)\s+"
        + INSULT
        + r"\s+as\s+(?:you|u|ya)"
        + E
        + r"|how\s+(?:can|could|does|do|is\s+it\s+possible\s+for)\s+(?:someone|anyone|a\s+person|one\s+person|you|u)\s+"
        r"(?:\w+\s+){0,2}?(?:be|look|get|sound)\s+(?:this|so|that)\s+" + INSULT,
        tiered=True,
        mild=True,
        insults=True,
    ),
    _rule(
        "insult-shut-up",
        "harassment",
        MILD_INSULT,
        r"(?:shut\s+(?:up|ur\s+mouth|your\s+mouth|it)|stfu|gtfo|get\s+lost|go\s+away|piss\s+off|get\s+a\s+life)"
        r"(?:\s+(?:you|u|already|forever))?[\s,]+(?:(?:\w+|" + ADJECTIVE_INSULT + r")\s+)?" + NOUN_INSULT,
        tiered=True,
        mild=True,
        insults=True,
    ),
    _rule(
        "insult-third",
        "harassment",
        MILD_INSULT,
        THEY_ARE + FILL + r"\s*" + INSULT,
        tiered=True,
        mild=True,
        insults=True,
    ),
    _rule(
        "insult-what-a",
        "harassment",
        MILD_INSULT,
        r"(?:what\s+(?:a|an)|look\s+at\s+(?:this|that|these|those))\s+(?:(?:\w+|"
        + ADJECTIVE_INSULT
        + r")\s+)?"
        + NOUN_INSULT,
        tiered=True,
        mild=True,
        insults=True,
    ),
    _rule(
        "insult-comparison",
        "harassment",
        0.7,
        B
        + r"(?:you|u|ya|she|he|they|"
        + YOUR_THING
        + r")\s+(?:\w+\s+)?"
        + _words(_COMPARE_VERBS)
        + r"\s+like\s+(?:a|an|some|the|a\s+literal|an\s+actual)?\s*(?:\w+\s+)?"
        + _words(_COMPARED_TO)
        + E,
        mild=True,
        support_guard=True,
        triggers=_COMPARE_VERBS.replace("|", " "),
    ),
    # Mockery and hostile criticism of someone's work: held.
    _rule(
        "mockery",
        "harassment",
        0.65,
        r"said\s+no\s+(?:one|1)\s+ever(?=[^\n]{0,200}(?<![a-z])(?:you|u|ur|your|youre)(?![a-z]))"
        r"|(?<![a-z])(?:you|u|ur|your|youre)(?![a-z])[^\n]{0,200}said\s+no\s+(?:one|1)\s+ever"
        r"|(?:look\s+at|imagine)\s+(?:this|that|her|him)\s+(?:\w+\s+)?(?:thinking|trying|who\s+thinks|acting\s+like)\s+"
        r"(?:she|he|they|shes|hes|theyre)?\s*(?:can|is|are|could|s|re|a|an)?\s*(?:sing|dance|draw|rap|act|write|"
        r"talent|talented|pretty|cute|funny|cool|hot|an?\s+\w+)"
        r"|(?:you|u)\s+(?:should|ought\s+to)\s+(?:feel|be)\s+(?:so\s+|really\s+)?(?:bad|ashamed|embarrassed)\s+"
        r"(?:of|for|about)"
        r"|(?:worst|most\s+(?:boring|cringe|cringey|embarrassing|pathetic)|cringiest|dumbest|stupidest|ugliest)\s+"
        r"(?:\w+\s+)?(?:story|video|post|dance|song|entry|poem|drawing|thing|campaign|selfie|take|content|art|"
        r"outfit|singing|voice)\s+(?:ive|i\s+have|i\s+ve)\s+ever\s+(?:read|seen|heard|watched)"
        r"(?=[^\n]{0,200}(?<![a-z])(?:you|u|ur|your|youre)(?![a-z]))"
        r"|(?<![a-z])(?:you|u)\s+(?:should\s+)?(?:never|not)\s+(?:post|sing|dance|write|draw)\s+(?:again|ever\s+again)"
        r"|(?<![a-z])(?:you|u)\s*(?:ll|will)\s+never\s+(?:amount\s+to|be|achieve|make\s+it\s+as)\s+(?:anything|anyone|"
        r"shit|much|a\s+\w+)"
        + E
        + r"|(?:you|u|she|he)\s+(?:have|has|got)\s+(?:the|a)\s+(?:personality|brain|face|body|voice|iq|charisma|"
        r"hairline|looks|sense\s+of\s+humou?r)\s+of\s+(?:a|an)\s+(?:\w+\s+)?"
        + _words(_COMPARED_TO)
        + E
        + r"|(?:your|ur)\s+(?:\w+\s+)?"
        + _words(_WORK_AND_PRESENCE, _BODY_AND_FAMILY)
        + r"\s+(?:makes?|made)\s+my\s+"
        r"(?:ears|eyes)\s+(?:bleed|hurt)"
        r"|(?<![a-z])(?:you|u)\s+(?:\w+\s+)?(?:post|talk|speak|comment|open\s+your\s+mouth)[^.!?\n]{0,20}"
        r"(?:lose|lost|losing)\s+(?:\w+\s+)?brain\s+cells"
        r"|imagine\s+thinking\s+(?:anyone|anybody|someone|people|we)\s+(?:wants|cares|likes|asked|needs)"
        r"|(?<![a-z])(?:you|u)\s+(?:really\s+|actually\s+|seriously\s+)?(?:thought|think|believed)\s+(?:anyone|anybody|"
        r"someone|people|we)\s+(?:cared|cares|care|wanted|wants|liked|likes|asked|would\s+care)"
        r"|go\s+cry\s+to\s+(?:your|ur)\s+(?:mummy|mommy|mum|mom|mama|daddy|dad|therapist)"
        r"|(?:stop|quit)\s+pretending\s+(?:you|u)\s*(?:can|could)\s+(?:sing|dance|draw|act|rap|write|play|cook)",
        support_guard=True,
        triggers=(
            "said look imagine ashamed embarrassed bad worst most cringiest dumbest stupidest ugliest "
            "again never amount personality brain iq charisma hairline looks humour humor bleed cells "
            "thought think believed cry pretending"
        ),
    ),
    # Hostile commands to leave or stop, said to someone.
    _rule(
        "hostile-command",
        "harassment",
        0.6,
        r"(?:^|[.!?,;\n]\s*|(?:just|pls|please|now|so|and|then|lol|lmao|honestly|seriously|bro|mate)\s+)"
        r"(?:delete\s+(?:your|ur|yr)\s+(?:account|acc|profile|page|channel|app|life|existence)|"
        r"(?:quit|stop)\s+(?:posting|singing|dancing|uploading|making\s+videos|writing|drawing|existing|"
        r"embarrassing\s+yourself)(?:\s+(?:forever|already|pls|please|nobody|no\s+one))?(?=\s*(?:[.!,?]|$|nobody|"
        r"no\s+one|forever|already|ur|youre|you))|"
        r"never\s+post\s+(?:again|anything\s+again)|get\s+off\s+(?:the|this)\s+(?:internet|app|site|platform)|"
        r"leave\s+(?:the\s+internet|this\s+(?:app|site|platform)|the\s+(?:app|site|platform))|"
        r"crawl\s+back\s+(?:into|under)\s+(?:your|ur|the|a)\s+\w+|go\s+back\s+(?:under|to)\s+(?:your|ur)\s+"
        r"(?:rock|hole|cave|bridge))",
        triggers="delete quit stop never get leave crawl go",
    ),
    # Insults and exclusion in the other languages the platform sees.
    _rule(
        "insult-other-languages",
        "harassment",
        0.7,
        B + r"(?:eres|sos|tu\s+es|t\s*es|du\s+bist|voce\s+e|vc\s+e|tu\s+e)\s+(?:(?:un|una|une|ein|eine|um|uma|muy|tan|"
        r"trop|si|tellement|so|echt|voll|ja|muito|tao|vraiment|totalmente|completamente|re|tres|einfach|nur|"
        r"demasiado|super)\s+)*(?:inutil|idiota|estupido|estupida|imbecil|fracasado|fracasada|perdedor|perdedora|"
        r"gordo|gorda|feo|fea|asqueroso|asquerosa|basura|patetico|patetica|payaso|tonto|tonta|nul|nulle|moche|"
        r"conne|debile|idiot|idiote|gros|grosse|laid|laide|pathetique|inutile|bouffon|bouffonne|minable|"
        r"degueulasse|hasslich|dumm|fett|blod|nutzlos|peinlich|erbarmlich|versager|opfer|burro|burra|feio|feia|"
        r"nojento|nojenta|fracassado|lixo|otario|otaria|ridiculo|ridicula|ridicule|loser|dummkopf|nervig|"
        r"insoportable|insupportable)"
        + E
        + r"|"
        + B
        + r"(?:nadie\s+te\s+(?:quiere|soporta|aguanta)|personne\s+ne\s+t\s*(?:aime|supporte|veut)|"
        r"niemand\s+(?:mag|will|braucht)\s+dich|ninguem\s+(?:gosta\s+de\s+(?:voce|vc|ti)|te\s+(?:suporta|aguenta|"
        r"quer))|todos\s+te\s+odian|tout\s+le\s+monde\s+te\s+deteste|alle\s+hassen\s+dich|todo\s+mundo\s+te\s+odeia)"
        + E,
        triggers="eres sos tu t tes du voce vc nadie personne niemand ninguem todos tout ale todo",
    ),
    # Hate: a protected group and a dehumanising, inferiorising or eliminationist predicate.
    _rule(
        "hate-dehumanise",
        "hate",
        0.95,
        B + GROUP_LEAD + GROUP + r"\s+(?:are|r|is|=|were)" + _ARE_FILL + r"\s+" + GROUP_PREDICATE + E,
        groups=True,
    ),
    _rule(
        "hate-eliminate",
        "hate",
        0.95,
        B + GROUP_LEAD + GROUP + r"\s+(?:should|must|need\s+to|needs\s+to|ought\s+to|deserve\s+to|have\s+to|got\s+to|"
        r"gotta|will|shall)\s+(?:all\s+)?(?:be\s+)?(?:all\s+)?"
        + ELIMINATION
        + E
        + r"|"
        + B
        + ELIMINATE_VERBS
        + r"\s+(?:all\s+)?(?:of\s+)?(?:the\s+|these\s+|those\s+|every\s+)?"
        + GROUP
        + E
        + r"|"
        + B
        + r"(?:send|ship|kick|throw|get|drive|chase|keep)\s+(?:all\s+)?(?:of\s+)?(?:the\s+|these\s+|those\s+|them\s+)?"
        + GROUP
        + r"\s+(?:back|out|home|away)"
        + r"|"
        + B
        + GROUP
        + r"\s+(?:out|go\s+home|get\s+out|not\s+welcome|go\s+back)\s*(?:[.!]|$|now)"
        + r"|the\s+only\s+good\s+"
        + GROUP
        + r"\s+(?:is|are)\s+(?:a|an)\s+(?:deported|gone|departed|silent|absent|invisible|closeted)\s+(?:one|ones)",
        groups=True,
    ),
    _rule(
        "hate-kill",
        "hate",
        0.95,
        B + GROUP_LEAD + GROUP + r"\s+(?:should|must|need\s+to|needs\s+to|ought\s+to|deserve\s+to|have\s+to|got\s+to|"
        r"gotta|will|shall)\s+(?:all\s+)?(?:be\s+)?(?:all\s+)?"
        + ELIMINATION_VIOLENT
        + E
        + r"|"
        + B
        + ELIMINATE_VIOLENT_VERBS
        + r"\s+(?:all\s+)?(?:of\s+)?(?:the\s+|these\s+|those\s+|every\s+)?"
        + GROUP
        + E
        + r"|the\s+only\s+good\s+"
        + GROUP
        + r"\s+(?:is|are)\s+(?:a\s+)?dead(?:\s+(?:one|ones))?"
        + r"|"
        + B
        + GROUP
        + r"[^.!?\n]{0,60}?(?:and|then|&)\s+(?:sink|drown|shoot|burn|kill|gas|hang|bomb|torch|stab|bury)\s+"
        r"(?:them|em|the\s+boats?|it)" + E,
        also="violence",
        groups=True,
    ),
    _rule(
        "hate-rights",
        "hate",
        0.95,
        B + GROUP_LEAD + GROUP + r"\s+(?:dont|do\s+not|shouldnt|should\s+not|dont\s+even|do\s+not\s+even|never)\s+"
        r"(?:deserve|have|get)\s+(?:the\s+|any\s+)?"
        + RIGHTS
        + E
        + r"|"
        + B
        + GROUP_LEAD
        + GROUP
        + r"\s+(?:shouldnt|should\s+not|must\s+not|cant|cannot)\s+be\s+allowed\s+"
        r"(?:to\s+\w+|in|near|around|here)"
        r"|" + B + GROUP_LEAD + GROUP + r"\s+have\s+no\s+(?:right|place|business)\s+(?:to|in|here|being)"
        r"|" + B + r"(?:no|ban|no\s+more)\s+" + GROUP + r"\s+(?:allowed|welcome|here)"
        r"|"
        + B
        + GROUP_LEAD
        + GROUP
        + r"\s+(?:shouldnt|should\s+not|must\s+not|cant|cannot)\s+(?:have|raise|adopt|teach|be\s+around)\s+"
        r"(?:kids|children|babies)",
        groups=True,
    ),
    _rule(
        "hate-go-back",
        "hate",
        0.95,
        B + r"(?:go|should\s+go|get)\s+back\s+to\s+(?:where\s+(?:you|u|they)\s+came\s+from|your\s+(?:own\s+)?country|"
        r"ur\s+country|their\s+(?:own\s+)?country|your\s+(?:own\s+)?(?:kind|people))",
        triggers="back",
    ),
    _rule(
        "hate-belong",
        "hate",
        0.9,
        B + GROUP_LEAD + GROUP + r"\s+(?:belong|belongs|should\s+stay|should\s+be\s+kept)\s+(?:only\s+)?(?:in|at|on)\s+"
        r"(?:the\s+)?(?:kitchen|home|house|cages?|zoos?|camps?|prison|jail|the\s+streets|their\s+place|institutions?|"
        r"the\s+(?:kitchen|home|bedroom)|barefoot)"
        r"|"
        + B
        + r"(?:i\s+|we\s+)?(?:wish|hope|want|pray)\s+(?:that\s+)?(?:all\s+)?(?:the\s+|these\s+|those\s+)?"
        + GROUP
        + r"\s+(?:would|will|to|would\s+just|just|could)\s+(?:all\s+)?(?:leave|go\s+away|go\s+back|disappear|get\s+out|"
        r"die|be\s+gone|vanish|stop\s+existing|go\s+home|be\s+deported)" + E,
        groups=True,
    ),
    _rule(
        "hate-misgender",
        "hate",
        0.9,
        B
        + r"(?:all\s+)?trans\s*(?:women|woman|girls|females)\s+(?:are|r|is)\s+(?:just\s+|only\s+|really\s+|actually\s+|"
        r"still\s+|basically\s+|nothing\s+but\s+|always\s+be\s+|will\s+always\s+be\s+)?(?:men|man|boys|blokes|dudes|"
        r"males|guys)"
        + E
        + r"|"
        + B
        + r"(?:all\s+)?trans\s*(?:men|man|boys|males|guys)\s+(?:are|r|is)\s+(?:just\s+|only\s+|really\s+|"
        r"actually\s+|still\s+|basically\s+|nothing\s+but\s+)?(?:women|woman|girls|females)"
        + E
        + r"|"
        + B
        + r"trans\s*(?:women|woman|girls|men|man|boys|people)\s+(?:will\s+never|can\s+never|cant\s+ever|"
        r"are\s+never\s+going\s+to)\s+be\s+(?:real\s+)?(?:women|woman|girls|men|man|boys)"
        + E
        + r"|"
        + B
        + r"(?:you|u)\s*(?:ll|will)\s+never\s+be\s+a\s+real\s+(?:woman|man|girl|boy)"
        + E,
        triggers="trans never",
    ),
    _rule(
        "hate-conspiracy",
        "hate",
        0.9,
        B + GROUP_LEAD + GROUP + r"\s+(?:secretly\s+|really\s+|basically\s+|literally\s+|all\s+)?(?:control|controls|"
        r"run|runs|own|owns|rule|rules|are\s+behind|were\s+behind|are\s+controlling|are\s+running)\s+(?:the\s+|all\s+the\s+|"
        r"our\s+|this\s+)?(?:media|banks|world|government|governments|money|hollywood|news|economy|finance|"
        r"everything|country|schools)"
        + E
        + r"|"
        + B
        + GROUP_LEAD
        + GROUP
        + r"\s+(?:are|r)\s+(?:\w+\s+){0,2}(?:to\s+)?(?:replace|replacing)\s+"
        r"(?:us|white\s+people|our\s+people|whites|europeans)" + E,
        groups=True,
    ),
    _rule(
        "hate-nazi",
        "hate",
        0.95,
        B + r"(?:hitler|the\s+nazis|nazis|the\s+third\s+reich)\s+(?:was|were|had\s+it)\s+(?:so\s+|totally\s+)?right"
        r"|hitler\s+did\s+nothing\s+wrong|finish\s+what\s+hitler\s+started|bring\s+back\s+the\s+(?:camps|gas\s+chambers)"
        r"|(?:hitler|the\s+nazis|nazis)\s+(?:had|have)\s+(?:the\s+)?right\s+idea|(?:hitler|the\s+nazis|nazis)\s+"
        r"(?:was|were)\s+onto\s+something"
        r"|(?:the\s+)?(?:holocaust|shoah)\s+(?:never\s+happened|didnt\s+happen|did\s+not\s+happen|"
        r"is\s+(?:a\s+|just\s+a\s+)?(?:lie|hoax|myth|fake|made\s+up|exaggerated)|was\s+(?:a\s+|just\s+a\s+)?(?:lie|hoax|"
        r"myth|fake|made\s+up|exaggerated|a\s+good\s+thing|deserved))"
        r"|(?:6|six)\s+million\s+(?:wasnt|was\s+not|werent|is\s+not|isnt)\s+enough|heil\s+hitler|sieg\s+heil" + E,
        triggers="hitler nazis reich holocaust shoah million heil sieg camps",
    ),
    _rule(
        "hate-i-hate",
        "hate",
        0.9,
        r"(?:i|we)\s+(?:hate|despise|detest|cant\s+stand)\s+(?:all\s+)?(?:the\s+|these\s+|those\s+)?" + GROUP + E,
        groups=True,
    ),
    _rule(
        "hate-being",
        "hate",
        0.9,
        B + r"being\s+" + BEING + r"\s+(?:is|=)\s+(?:just\s+|literally\s+)?" + BEING_IS + E,
        triggers="being",
    ),
    _rule(
        "hate-other-languages",
        "hate",
        0.95,
        B
        + r"(?:les\s+|los\s+|las\s+|die\s+|os\s+|as\s+|tous\s+les\s+|todos\s+los\s+|alle\s+)?"
        + _words(_FOREIGN_GROUPS, stretch=False)
        + r"\s+(?:sont|son|sind|sao|e|est|es|ist)\s+(?:(?:tous|todos|todas|alle|nur|que|juste|solo|so|wie|des|de\s+la|"
        r"unos|unas|uns|umas|une|un|una|uma|eine|ein|nichts\s+als|rien\s+que|nada\s+mas\s+que)\s+)*"
        + _words(_FOREIGN_PREDICATES, stretch=False)
        + E,
        triggers=_FOREIGN_GROUPS.replace("|", " "),
    ),
    _rule("slur-placeholder", "hate", 0.95, r"\[\s*slur\s*\]", triggers="slur"),
)


# ---------------------------------------------------------------------------------------------------------
# Insults said alone ("idi0t", "clown 🤡🤡", "fat pig. delete your account", "get a life, weirdo").

_ALONE_FILLERS = (
    "you|u|ya|ur|youre|such|a|an|the|absolute|total|complete|utter|actual|literal|literally|fucking|fking|fkn|"
    "effing|bloody|massive|huge|big|little|lil|omg|ugh|ew|eww|ewww|lol|lmao|lmfao|haha|hahaha|bro|bruh|dude|"
    "just|so|and|or|plus|another|yet|this|that|guy|girl|kid|one|of|ok|okay|cry|more|honestly|tbh|fr|ngl|"
    "seriously|wow|yikes|what|absolutely|really|very|too|stop|being|go|away|get|lost|shut|up|stfu|gtfo|"
    "such|an|sad|ratio|the|trifecta|imagine|certified|typical|classic|ur|are|r|is|look|at|him|her|them|"
    "nobody|asked|cares|stay|mad|cope|seethe"
)
_ALONE_FILLER_WORDS = frozenset(_ALONE_FILLERS.split("|"))
_SENTENCE = re.compile(r"[^.!?\n;:]+")
_CHUNK = re.compile(r"[^.!?\n;:,+&]+")
_MAX_ALONE = 160  # longer sentences are not read as a bare insult


def _alone(text: str, start: int, end: int, insults: list[_Insult]) -> tuple[int, bool]:
    """How many insults text[start:end] is made of (0 unless it is only insults that can be said alone, and
    filler), and whether one is a noun ("loser", "fat pig") rather than adjectives alone."""
    inside = _inside(insults, start, end)
    if not inside or end - start > _MAX_ALONE or not all(insult.alone for insult in inside):
        return 0, False
    position = start
    for stop, after in [(insult.start, insult.end) for insult in inside] + [(end, end)]:
        if any(word not in _ALONE_FILLER_WORDS for word in _WORD.findall(text, position, stop)):
            return 0, False
        position = after
    return len(inside), any(insult.noun for insult in inside)


def _bare_insults(text: str, insults: list[_Insult]):
    """(start, end) of insults said alone: the whole reply, its opening, or a closing vocative."""
    if not any(insult.alone for insult in insults):
        return
    sentences = list(_SENTENCE.finditer(text, 0, min(len(text), 2000)))
    if not sentences:
        return
    opening = sentences[0]
    count, noun = _alone(text, opening.start(), opening.end(), insults)
    if len(text) <= 300:
        rest = [_alone(text, s.start(), s.end(), insults)[0] or not _WORD.search(s.group()) for s in sentences[1:]]
        if count and all(rest):
            yield opening.start(), opening.end()  # the whole reply is insults: "idi0t", "clown 🤡🤡"
            return
    if count and (noun or count >= 2) and not _SELF_AFTER.match(text, opening.end()):
        yield opening.start(), opening.end()  # "fat pig. delete your account", "ugly, fat and annoying. ..."
        return
    chunks = list(_CHUNK.finditer(text, opening.start(), opening.end()))
    if len(chunks) > 1:
        count, noun = _alone(text, chunks[0].start(), chunks[0].end(), insults)
        if count and (noun or count >= 2) and not _SELF_AFTER.match(text, chunks[0].end()):
            yield chunks[0].start(), chunks[0].end()  # "talentless hack, quit posting"
            return
    for sentence in sentences[:20]:
        parts = list(_CHUNK.finditer(text, sentence.start(), sentence.end()))
        if len(parts) < 2 or text[parts[-1].start() - 1] != ",":
            continue
        last = parts[-1]
        count, noun = _alone(text, last.start(), last.end(), insults)
        if count == 1 and noun and len(_WORD.findall(last.group())) <= 3:
            yield last.start(), last.end()  # "get a life, weirdo"
            return


# ---------------------------------------------------------------------------------------------------------
# Readings: mentions ("@name", which normalise() reads as letters) and masked letters ("b*tch").

_MASKED = re.compile(r"(?<![a-z0-9*])[a-z*]*[a-z][a-z*]*(?![a-z0-9*])")
_MASKABLE: dict[int, tuple[str, ...]] = {}
for _item in _split(*_INSULT_WORDS, "fuck|fucking|shit|fck|fkn"):
    if " " not in _item:
        _MASKABLE.setdefault(len(_item), ())
        _MASKABLE[len(_item)] += (_item,)


def _unmasked(text: str) -> str:
    """The text with masked words spelled out ("b*tch", "f**king"); the same length, so offsets hold."""

    def spell(match: re.Match) -> str:
        token = match.group()
        if "*" not in token or len(token) < 3 or token.count("*") * 2 > len(token):
            return token
        pattern = re.compile(re.escape(token).replace(r"\*", "[a-z]"))
        for word in _MASKABLE.get(len(token), ()):
            if pattern.fullmatch(word):
                return word
        return token

    return _MASKED.sub(spell, text)


def _with_mentions(normalised: Normalised) -> str:
    """The text with "@" put back at the start of mentions ("@mia" reads "amia" in Normalised.text)."""
    text, original, starts = normalised.text, normalised.original, normalised.starts
    chars = list(text)
    for index, char in enumerate(text):
        if (
            char == "a"
            and original[starts[index]] == "@"
            and (index == 0 or not text[index - 1].isalnum())
            and index + 1 < len(text)
            and (text[index + 1].isalnum() or text[index + 1] == "_")
        ):
            chars[index] = "@"
    return "".join(chars)


def _group_reading(text: str) -> str | None:
    """The text with every protected group's name written as GROUP_MARKs (same length), or None if it names none."""
    mentions = list(GROUP_MENTION.finditer(text))
    if not mentions:
        return None
    chars = list(text)
    for mention in mentions:
        chars[mention.start() : mention.end()] = GROUP_MARK * (mention.end() - mention.start())
    return "".join(chars)


def _readings(normalised: Normalised) -> list[str]:
    readings = [variant for variant in normalised.variants if variant]
    if "@" in normalised.original and normalised.text:
        mentions = _with_mentions(normalised)
        if mentions != normalised.text:
            readings.append(mentions)
    if "*" in normalised.text:
        unmasked = _unmasked(normalised.text)
        if unmasked != normalised.text:
            readings.append(unmasked)
    return readings


def _load_slur_hashes() -> frozenset[str]:
    path = DATA / "slur_hashes.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


SLUR_HASHES = _load_slur_hashes()


def slur_hash(token: str) -> str:
    """The digest stored in data/slur_hashes.txt for a normalised token (lower-case letters only)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------------------------------------
# The model: logistic regression on word unigrams and bigrams, trained at import time, scored in plain Python.


# Words that say who or how, not what: the model's evidence must be something else ("ugly", "nobody cares").
_FUNCTION_WORDS = _word_set(
    "you u ur your youre yourself ya yu she he her him his they them their theyre we us our i im me my it its "
    "a an the this that these those is are was were be been being am r do does did dont have has had will would "
    "should could can cant shall may might must ll d s re ve just so too very really all everyone everybody "
    "people someone anyone and or but if then to of in on at for with about from as by up out go going gonna "
    "get got make makes made like what who why how when where there here not no never ever again ill id ive "
    "youll youd youve theyll well were hes shes thats whats dont cant wont isnt arent didnt doesnt every with"
)


@dataclass(frozen=True, slots=True)
class _Model:
    weights: dict
    intercept: float

    def probability(self, text: str) -> tuple[float, tuple[int, int] | None]:
        """P(abuse) for a normalised text, and the stretch (in that text) of the content word or pair that weighs
        most (None when only function words weigh for abuse: "your", "should" are not evidence).

        Features are counted once each, as in training (binary): "your ... your" weighs what "your" does.
        """
        import math

        tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
        total = self.intercept
        best = MODEL_MIN_EVIDENCE
        where = None
        weights = self.weights
        seen: set[str] = set()
        previous = None
        for token, start, end in tokens:
            weight = 0.0
            if token not in seen:
                seen.add(token)
                weight = weights.get(token, 0.0)
            if previous is not None:
                pair_name = previous[0] + " " + token
                pair = weights.get(pair_name)
                if pair is not None and pair_name not in seen:
                    seen.add(pair_name)
                    weight += pair
                    start = previous[1]
            total += weight
            content = token not in _FUNCTION_WORDS or (
                previous is not None and start == previous[1] and previous[0] not in _FUNCTION_WORDS
            )
            if content and weight > best:
                best, where = weight, (start, end)
            previous = (token, start)
        total = max(-30.0, min(30.0, total))
        return 1.0 / (1.0 + math.exp(-total)), where


def training_texts() -> list[tuple[int, str]]:
    """(label, text) from every data/harassment_training*.tsv: 1 abuse, 0 not."""
    found = []
    for path in sorted(DATA.glob("harassment_training*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#") or "\t" not in line:
                continue
            label, text = line.split("\t", 1)
            found.append((int(label), text))
    return found


def _train() -> _Model | None:
    try:
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:  # rules alone
        logger.info("scikit-learn is not installed; the harassment detector runs on rules only")
        return None
    try:
        examples = training_texts()
    except (OSError, ValueError):
        logger.warning("harassment training texts are missing or unreadable; the detector runs on rules only")
        return None
    labels = [label for label, _ in examples]
    if len(set(labels)) < 2:
        return None
    texts = [normalise(text).text for _, text in examples]
    vectoriser = CountVectorizer(token_pattern=r"[a-z]+", ngram_range=(1, 2), binary=True, lowercase=False)
    matrix = vectoriser.fit_transform(texts)
    model = LogisticRegression(C=2.0, max_iter=2000, class_weight="balanced")
    model.fit(matrix, labels)
    coefficients = model.coef_[0]
    weights = {
        term: float(coefficients[index])
        for term, index in vectoriser.vocabulary_.items()
        if abs(coefficients[index]) > 1e-6
    }
    return _Model(weights=weights, intercept=float(model.intercept_[0]))


MODEL = _train()
MODEL_THRESHOLD = 0.8  # probability above which directed text is held as harassment
MODEL_MIN_EVIDENCE = 0.7  # the weight a content word (or pair) must carry for the model to point at it
MODEL_MIN_SCORE, MODEL_MAX_SCORE = 0.55, 0.75
_TARGET = re.compile(
    r"(?<![a-z0-9])(?:you|u|ur|youre|your|yourself|urself|ya|yu|she|he|shes|hes|her|him|they|them|theyre)"
    r"(?![a-z0-9])|@[a-z0-9_]"
)


class _Context:
    """Whether a text reads as affectionate banter, warm, or laughing; worked out only when a rule asks."""

    __slots__ = ("_affection", "_laughter", "_original", "_text", "_warmth")

    def __init__(self, text: str, original: str):
        self._text, self._original = text, original
        self._affection = self._laughter = self._warmth = None

    @property
    def affection(self) -> bool:
        if self._affection is None:
            self._affection = bool(_AFFECTION.search(self._text) or _AFFECTION_EMOJI.search(self._original))
        return self._affection

    @property
    def warmth(self) -> bool:
        if self._warmth is None:
            self._warmth = bool(_WARMTH.search(self._text))
        return self._warmth

    @property
    def laughter(self) -> bool:
        if self._laughter is None:
            self._laughter = bool(_LAUGHTER.search(self._text) or _LAUGHTER_EMOJI.search(self._original))
        return self._laughter


class Harassment:
    """Insults, threats, humiliation, pile-ons and sextortion aimed at a person; hate aimed at a group."""

    name = "harassment"

    def __init__(self, model: _Model | None | bool = True):
        self._model = MODEL if model is True else (model or None)

    def detect(self, normalised: Normalised, kind: str) -> list[Label]:
        found: dict[str, list[tuple[float, tuple[int, int]]]] = {}
        supportive = False  # a rule matched but read as support ("nobody thinks you're stupid")
        original = normalised.original
        for variant in _readings(normalised):
            words = _text_words(variant)
            context = _Context(variant, original)
            grouped = None if _GROUP_HEADS.isdisjoint(words) else _group_reading(variant)
            insults = _find_insults(variant) if not _INSULT_HEADS.isdisjoint(words) else []
            marked = _insult_reading(variant, insults)
            for rule in RULES:
                if rule.groups:
                    if grouped is None:
                        continue
                    reading = grouped
                elif rule.insults:
                    if marked is None:
                        continue
                    reading = marked
                elif rule.triggers is not None and rule.triggers.isdisjoint(words):
                    continue
                else:
                    reading = variant
                for match in rule.pattern.finditer(reading):
                    start, end = match.start(), match.end()
                    if end <= start:
                        continue
                    score = self._score(rule, variant, start, end, context, insults)
                    if score is None:
                        supportive = True
                        continue
                    span = normalised.span(start, end)
                    for name in self._names(rule, score):
                        found.setdefault(name, []).append((score, span))
            if kind != "profile":  # a profile describes its writer ("nerd | gamer"); elsewhere a bare insult is a reply
                for start, end in _bare_insults(variant, insults):
                    score = _tier(insults, start, end)
                    if context.affection or (
                        (context.laughter or context.warmth) and _only_teasing(insults, start, end)
                    ):
                        score = BANTER_SCORE
                    elif _REPORT_BEFORE.search(variant[max(0, start - _CONTEXT_BEFORE) : start]):
                        score = LOW_SCORE
                    found.setdefault("harassment", []).append((score, normalised.span(start, end)))
            for start, end in self._slur_tokens(variant):
                before = variant[max(0, start - _CONTEXT_BEFORE) : start]
                after = variant[end : end + _CONTEXT_AFTER]
                reported = _REPORT_BEFORE.search(before) or _CONDEMN_AFTER.match(after.lstrip(" ,.!?\"'"))
                found.setdefault("hate", []).append((LOW_SCORE if reported else 0.95, normalised.span(start, end)))
        if not found and not supportive and self._model is not None:
            self._model_label(normalised, found)
        return self._labels(found)

    @staticmethod
    def _names(rule: _Rule, score: float) -> tuple[str, ...]:
        if rule.label == "violence" and score < SEVERE_THREAT:
            return ("harassment",)  # a threat softened by laughter: held for a person, not refused as violence
        return (rule.label, rule.also) if rule.also else (rule.label,)

    def _score(
        self, rule: _Rule, text: str, start: int, end: int, context: "_Context", insults: list[_Insult]
    ) -> float | None:
        before = text[max(0, start - _CONTEXT_BEFORE) : start]
        after_raw = text[end : end + _CONTEXT_AFTER]
        if rule.key == "kys":
            near = before[-30:]
            if SELF_HARM_GUARD_BEFORE.search(near) or FIRST_PERSON_KYS.search(near):
                return None  # "please don't kill yourself", "I wanna kys": support or the writer's own risk
            if _KYS_MEANS_SAFE.match(after_raw) or _KEEP_SAFE.search(text):
                return None  # "kys = keep yourself safe"
        if rule.support_guard and _SUPPORT_BEFORE.search(before[-60:]):
            return None
        after = after_raw.lstrip(" ,.!?\"'")
        if _REPORT_BEFORE.search(before) or _CONDEMN_AFTER.match(after):
            return LOW_SCORE
        if _QUOTE_MARKS.search(text) and _quoted(text, start) and _TALK_ABOUT.search(text):
            return LOW_SCORE  # 'why does everyone say "kys"?', 'the villain says "I'll kill you all"'
        if rule.key == "insult-third" and _SAYS_BEFORE.search(before):
            return LOW_SCORE  # "my friend says she's ugly": her words about herself, reported
        matched = text[start:end]
        score = _tier(insults, start, end) if rule.tiered else rule.score
        if rule.key == "hate-conspiracy" and _NOT_A_CONSPIRACY.search(matched):
            return None  # "girls run the world" is a song, not a conspiracy theory
        if rule.key == "insult-your-thing" and not _BODY_AND_FAMILY_RE.search(matched):
            score = min(score, STRONG_INSULT)  # criticism of someone's work is held, not refused
        elif rule.key == "insult-comparison" and _APPEARANCE_COMPARISON.search(matched):
            score = SEVERE_INSULT
        if rule.key in _THREAT_KEYS:
            if _TRIVIAL_AFTER.match(after_raw) or _TRIVIAL_BEFORE.search(before) or _GAME_AFTER.match(after_raw):
                return BANTER_SCORE  # "I'll kill you if you spoil the finale", "gonna destroy you at chess"
            if text.startswith(("gonna", "going"), start) and _THIRD_PERSON_BEFORE.search(before):
                return None  # "mum is going to kill you": someone else's anger, not the writer's threat
            if context.affection:
                return BANTER_SCORE
            if context.laughter:
                return BANTER_SCORE if _HYPERBOLE.search(matched) else SOFTENED_THREAT
        if rule.mild and (
            context.affection or ((context.laughter or context.warmth) and _only_teasing(insults, start, end))
        ):
            return BANTER_SCORE
        return score

    @staticmethod
    def _slur_tokens(text: str):
        if not SLUR_HASHES:
            return
        for match in _WORD.finditer(text):
            token = match.group()
            if len(token) < 3:
                continue
            candidates = {token, token[:-1] if token.endswith(("s", "z")) else token}
            if any(slur_hash(candidate) in SLUR_HASHES for candidate in candidates):
                yield match.start(), match.end()

    def _model_label(self, normalised: Normalised, found: dict) -> None:
        text = normalised.text
        if not _TARGET.search(text):
            return
        probability, where = self._model.probability(text)
        if probability < MODEL_THRESHOLD or where is None:
            return
        start, end = where
        before = text[max(0, start - _CONTEXT_BEFORE) : start]
        if _REPORT_BEFORE.search(before) or _REPORT_BEFORE.search(text):
            return
        share = (probability - MODEL_THRESHOLD) / (1.0 - MODEL_THRESHOLD)
        score = MODEL_MIN_SCORE + share * (MODEL_MAX_SCORE - MODEL_MIN_SCORE)
        if _Context(text, normalised.original).affection:
            score = min(score, BANTER_SCORE)
        found.setdefault("harassment", []).append((round(score, 3), normalised.span(start, end)))

    def _labels(self, found: dict) -> list[Label]:
        labels = []
        for name, hits in found.items():
            hits.sort(key=lambda hit: (-hit[0], hit[1]))
            kept: list[tuple[float, tuple[int, int]]] = []
            for score, span in hits:
                if score < REPORTED:
                    break  # the policy would hold any label: reported abuse and banter are not returned
                if any(span[0] < other[1] and other[0] < span[1] for _, other in kept):
                    continue
                kept.append((score, span))
                if len(kept) >= MAX_LABELS_PER_NAME:
                    break
            labels.extend(Label(name=name, score=score, detector=self.name, span=span) for score, span in kept)
        labels.sort(key=lambda label: (-label.score, label.name, label.span))
        return labels
