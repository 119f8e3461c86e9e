"""Harassment, bullying and hate: insults and threats aimed at a person, pile-ons, sextortion, dehumanising
language about protected groups, and slurs.

Two parts, both reading the normalised text (so "u r a l0$er", "i.d.i.o.t" and zero-width tricks are seen):

- Rules (precompiled regular expressions) for the phenomena: an insult needs a target ("you", "ur", "u r",
  an @mention, "she's"), a hate statement needs a protected group and a dehumanising or eliminationist
  predicate, a threat needs a speaker and a victim. Each rule carries its label and score: threats, hate,
  sextortion and "kys" aimed at someone score >= 0.9 (the policy refuses), ordinary insults 0.6-0.8 (held).
- A small logistic-regression model (scikit-learn, trained when this module is imported from the texts in
  `data/harassment_training.tsv`, written for this project; nothing is downloaded) that catches directed
  abuse the rules miss. It only adds a "harassment" label, at hold level, when the text has a target.
  Without scikit-learn the detector runs on the rules alone.

Things that must not fire: banter ("my brother is such an idiot lol" scores below 0.5), self-talk ("I'm so
stupid"), praise ("you killed it"), and talk ABOUT hate or bullying: a match preceded by reporting or
condemning words ("someone called me...", "learn why calling ... is dehumanising") or followed by a
condemnation ("... is racist") is kept with a low score (0.25) so the policy lets it through.

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
LOW_SCORE = 0.25  # reported or condemned abuse, and banter: kept for the record, below any policy threshold
BANTER_SCORE = 0.35
MAX_LABELS_PER_NAME = 5
_CONTEXT_BEFORE = 90  # characters before a match searched for reporting or condemning words
_CONTEXT_AFTER = 60


def _stretchy(word: str) -> str:
    """A lexicon word as a pattern that tolerates a doubled letter ("idioot", "looser") and spaces."""
    out = []
    previous = ""
    for char in word:
        if char == previous and char.isalpha():
            continue
        previous = char
        if char == " ":
            out.append(r"[\s\-]*")
        elif char.isalpha():
            out.append(re.escape(char) + "{1,2}")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _words(*items: str, stretch: bool = True) -> str:
    """An alternation of words or phrases; longest first so "piece of shit" wins over "piece"."""
    ordered = sorted({item.strip() for text in items for item in text.split("|") if item.strip()}, key=len)
    ordered.reverse()
    return "(?:" + "|".join(_stretchy(item) if stretch else item for item in ordered) + ")"


B = r"(?<![a-z0-9])"  # word start
E = r"(?![a-z0-9])"  # word end
S = r"[\s,.!?;:\-]+"  # between words
MENTION = r"@[a-z0-9_.]+"

# Who an insult is aimed at. Apostrophes are dropped by normalise(): "you're" reads "youre", "I'll" "ill".
YOU = r"(?:you|yu|u|ya|thou)"
YOU_ARE = (
    r"(?:(?:you|u|yu)\s*(?:are|r|re|is)|youre|ur|yr|ura|"
    r"your(?=\s+(?:a|an|so|such|just|literally|really|actually|the|fucking|fkn|such|nothing|one|also|still)"
    + E
    + r")|"
    + MENTION
    + r"\s+(?:is|u r|you are|ur|youre))"
)
THEY_ARE = (
    r"(?:shes|hes|she\s+is|he\s+is|she\s+was|he\s+was|this\s+(?:girl|guy|kid|boy|person)(?:\s+is)?|"
    + MENTION
    + r"\s+is)"
)
FILL = (
    r"(?:\s+(?:so|such|a|an|the|just|literally|really|truly|fucking|fking|fkn|effing|bloody|actually|still|always|"
    r"nothing\s+but|one|big|total|complete|absolute|massive|huge|little|biggest|most|ugliest|stupidest|dumbest|"
    r"worst|sad|pathetic|ugly|fat|stupid|dumb|disgusting|gross|lazy|worthless|useless|attention|seeking|of|and))*"
)

MILD_INSULTS = _words(
    "idiot|stupid|dumb|dork|nerd|silly|weirdo|weird|loser|clown|moron|dummy|muppet|numpty|goof|fool|annoying|lame|"
    "cringe|cringy|dumbass|twit|prat|pillock|dweeb|doofus|airhead|baby|crybaby|cry baby|drama queen|snowflake|"
    "idiotic|brainless|clueless|thick|dense|slow"
)
STRONG_INSULTS = _words(
    "ugly|fat|pathetic|worthless|useless|disgusting|gross|freak|creep|creepy|trash|garbage|rubbish|failure|joke|"
    "waste of space|waste of oxygen|waste of air|waste of skin|mistake|a nobody|parasite|scum|scumbag|vermin|"
    "animal|pig|cow|slut|whore|bitch|skank|hoe|psycho|embarrassment|disgrace|attention seeker|attention whore|"
    "fake|liar|hideous|repulsive|subhuman|piece of shit|piece of crap|piece of garbage|piece of trash|dickhead|"
    "arsehole|asshole|prick|twat|wanker|jerk|nobody|loner|reject|mess|abomination|hypocrite|fatso|fatty|lardass|"
    "fugly|rat|snake|sick in the head|mental|nutcase|nutjob|unlovable|unloveable|insufferable|unbearable|"
    "retarded|braindead|brain dead|low life|lowlife|bully|burden|disappointment|filth|filthy|dirty|smelly"
)
VOCATIVE_NOUNS = _words(
    "idiot|loser|moron|freak|creep|pig|cow|bitch|slut|whore|skank|clown|muppet|dumbass|dickhead|asshole|arsehole|"
    "prick|twat|wanker|fatso|fatty|lardass|psycho|weirdo|scum|scumbag|rat|snake|piece of shit|piece of crap|"
    "waste of space|attention seeker|attention whore|drama queen|crybaby|cry baby|retard|loner|reject|nerd|dork|"
    "lowlife|low life|fool|jerk|liar|hypocrite|snowflake"
)
_MILD_WORDS = frozenset(
    re.findall(
        r"[a-z]+",
        "idiot stupid dumb dork nerd silly weirdo weird loser clown moron dummy muppet numpty goof fool annoying lame "
        "cringe cringy dumbass twit prat pillock dweeb doofus airhead baby crybaby drama queen snowflake idiotic "
        "brainless clueless thick dense slow joke mess jerk",
    )
)

_GROUP_WORDS = (
    "immigrants|immigrant|migrants|migrant|refugees|refugee|asylum seekers|foreigners|illegals|illegal aliens|"
    "aliens|gays|gay people|gay men|gay guys|gay kids|gay folk|gay folks|lesbians|bisexuals|bi people|"
    "homosexuals|queers|queer people|trans people|trans women|trans men|trans kids|trans folk|trans folks|"
    "trans|transgenders|transgender people|transgender|non binary people|nonbinary people|enbies|lgbt|lgbtq|"
    "lgbt people|lgbtq people|the lgbt community|gender freaks|disabled people|disabled|the disabled|"
    "autistic people|autistics|autists|wheelchair users|deaf people|blind people|mentally ill people|"
    "muslims|jews|jewish people|christians|hindus|sikhs|catholics|buddhists|atheists|black people|blacks|"
    "black men|black women|white people|whites|asians|asian people|africans|arabs|mexicans|latinos|latinas|"
    "hispanics|chinese people|chinese|indians|pakistanis|romanians|poles|polish people|gypsies|roma|roma people|"
    "travellers|syrians|somalis|nigerians|albanians|afghans|women|woman|females|girls|feminists|[slur]s|[slur]"
)
GROUPS = _words(_GROUP_WORDS)
GROUP_LEAD = r"(?:(?:all|these|those|the|most|fucking|fking|dirty|filthy|stupid|disgusting|bloody|damn|every|you)\s+)*"
DEHUMANISING = _words(
    "vermin|animals|beasts|a disease|diseased|a plague|parasites|rats|cockroaches|roaches|insects|bugs|subhuman|"
    "sub human|filth|trash|garbage|rubbish|scum|savages|a cancer|cancer|an infestation|pests|a virus|leeches|"
    "apes|monkeys|dogs|pigs|mongrels|swine|not human|not people|not real people|freaks|abominations|"
    "an abomination|mentally ill|sick|sick in the head|degenerates|degenerate|perverts|pedos|paedos|paedophiles|"
    "pedophiles|groomers|predators|disgusting|inferior|criminals|rapists|terrorists|invaders|a threat|evil|"
    "a mistake|a burden|worthless|useless|less than human|unnatural|an infection|cattle|lice|maggots|a stain|"
    "stupid|dumb|property|objects|lazy|dirty|thieves|a drain|a waste|deviants|unnatural|gross|nasty|delusional|"
    "ruining everything|ruining this country|taking over|invading|replacing us|a problem|the problem"
)
ELIMINATION = _words(
    "wiped out|wiped off the earth|exterminated|eradicated|eliminated|gassed|killed|shot|hanged|hung|lynched|"
    "burned|burnt|purged|sterilised|sterilized|put down|culled|deported|sent back|kicked out|locked up|"
    "rounded up|removed|banned|die|burn|hang|rot|disappear|go back|wiped|erased|cleansed|put in camps|executed|"
    "thrown out|not exist|not be allowed to exist|stay in the kitchen|know their place|be seen and not heard"
)
ELIMINATE_VERBS = _words(
    "kill|gas|deport|exterminate|wipe out|get rid of|eradicate|shoot|hang|burn|round up|ban|purge|eliminate|"
    "lynch|cleanse|remove all|fuck|f off|death to|down with|kick out|throw out|sterilise|sterilize"
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
    "not normal|a curse"
)

THREAT_SUBJECT = (
    r"(?:i\s*ll|ill|i\s+will|im\s+(?:going\s+to|gonna|gunna)|i\s+am\s+(?:going\s+to|gonna)|imma|ima|im\s+coming\s+to|"
    r"i\s+(?:want|wanna|need|swear\s+ill|swear\s+i\s+will|could|should|would\s+love\s+to)(?:\s+to)?|"
    r"we\s*ll|we\s+will|were\s+(?:going\s+to|gonna)|we\s+are\s+(?:going\s+to|gonna)|"
    r"(?:someone|somebody|anyone|people)\s+(?:should|needs?\s+to|ought\s+to|will|is\s+going\s+to|gonna)|"
    r"i\s+hope\s+(?:someone|somebody)|gonna|going\s+to)"
)
THREAT_VERBS = _words(
    "hurt|kill|stab|shoot|beat|beat up|punch|smash|break|murder|strangle|choke|slap|jump|batter|bash|burn|rape|"
    "kick|cut|knock out|hunt down|hunt|gut|drown|hit|attack|end|find and hurt|beat the shit out of|"
    "beat the crap out of|beat the hell out of|bash in|cave in|torture|snap|break the neck of|stomp|kidnap"
)
VICTIM = r"(?:you|u|ya|yu|him|her|them|ur|your|yr|" + MENTION + r"|that\s+(?:girl|guy|kid|bitch|idiot))"
SELF_HARM_AT = _words(
    "kill yourself|kill urself|kill ur self|kill your self|kill yoself|kill yaself|kys|neck yourself|"
    "hang yourself|hang urself|end yourself|end urself|unalive yourself|unalive urself|off yourself|"
    "drink bleach|slit your wrists|slit ur wrists|cut yourself|cut urself|starve yourself|jump off a bridge|"
    "jump off a cliff|go die|just die|pls die|please die|die already|die in a hole|go jump off|"
    "rope yourself|rope urself|shoot yourself|shoot urself|drown yourself|set yourself on fire|end it already",
    stretch=False,
)
SELF_HARM_GUARD_BEFORE = re.compile(
    r"(?:(?:do\s*nt|do\s+not|never|not|wont|shouldnt|would\s+never|want|wanted|wanting|wants|urge|urges|thoughts?|"
    r"thinking|think\s+about|trying|tried|try|plan|planning|how|why|feel\s+like|felt\s+like|told\s+(?:me|us|him|her)|"
    r"said|says|asked\s+(?:me|if)|if\s+you|if\s+u|tempted|going)(?:\s+(?:to|of|about|like))?\s*)$"
)
FIRST_PERSON_KYS = re.compile(r"(?:\bi|\bim|\bi\s+am|gonna|wanna|want\s+to|going\s+to|might|will|should)\s+$")

# Reporting, quoting and condemning: a match here is talk ABOUT abuse, not abuse.
_REPORT_BEFORE = re.compile(
    r"(?:learn|lesson|teach|why\s+calling|calling|call\s+(?:them|us|people|someone)|saying|say(?:s)?\s+that|"
    r"said\s+that|claim|claims|claimed|the\s+idea\s+that|the\s+lie\s+that|the\s+myth\s+that|myth|stereotype|"
    r"propaganda|rhetoric|nazis?|history|historically|used\s+to\s+(?:say|call|describe)|dehumani[sz]|racis[mt]|"
    r"homophob|transphob|xenophob|islamophob|antisemit|misogyn|sexis[mt]|bigot|hate\s+speech|hate\s+crimes?|"
    r"slurs?|never\s+ok|not\s+ok|dont\s+say|stop\s+saying|stop\s+calling|quote|quoting|headline|news|article|"
    r"reports?\s+(?:that|on)|research|study|told\s+(?:me|us|him|her|them|my)|called\s+(?:me|us|him|her|them|my)|"
    r"calls\s+(?:me|us)|yelled|shouted|screamed|wrote|posted|commented|texted|messaged|said\s+to\s+(?:me|us)|"
    r"sent\s+me|dm(?:e)?d\s+me|i\s+was\s+called|got\s+called|being\s+called|been\s+called|keeps?\s+calling|"
    r"kept\s+calling|tells\s+me|telling\s+me|tell\s+me|people\s+who\s+(?:say|think|call)|anyone\s+who\s+(?:says|calls)|"
    r"when\s+(?:people|someone|they|he|she|kids|others)\s+(?:say|said|call|called|tell|told)|"
    r"if\s+(?:someone|anyone|somebody|people)\s+(?:says|tells|calls|writes|messages|threatens)|"
    r"words?\s+like|phrases?\s+like|things\s+like|comments\s+like|messages\s+like|such\s+as|e\.?g\.?|"
    r"bullies|bullied|bullying|troll|trolls|harass)"
)
_CONDEMN_AFTER = re.compile(
    r"(?:is|are|was|its|thats|this\s+is)\s+(?:not\s+ok|not\s+okay|never\s+ok|never\s+okay|dehumani|racis|hate|"
    r"wrong|bigot|homophob|transphob|xenophob|islamophob|antisemit|sexis|misogyn|harmful|cruel|bullying|"
    r"harassment|abuse|unacceptable|a\s+lie|lies|a\s+myth|false|propaganda|disgusting\s+to\s+say|how)"
    r"|hurt(?:s)?\s+(?:me|so|a\s+lot)|made\s+me\s+(?:cry|sad|feel)|makes\s+me\s+(?:sad|cry|feel)"
)
_BANTER_WORDS = frozenset(
    ["lol", "lmao", "lmfao", "rofl", "jk", "xd", "bestie", "bro", "mate", "babe", "ily", "joking", "kiding"]
)
_BANTER_PREFIXES = ("haha", "hehe", "lmao", "lmfao")
_BANTER = re.compile(r"(?:love|luv)\s+(?:you|u|ya|him|her)(?![a-z])|just\s+kidding")
_BANTER_EMOJI = re.compile("[\U0001f602\U0001f923\U0001f61c\U0001f61d\U0001f606\u2764\U0001f495\U0001f618]")
_CONDITIONAL_JOKE = re.compile(
    r"(?:if|when)\s+(?:you|u)\s+(?:\w+\s+)?(?:spoil|eat|touch|take|tell|forget|finish|skip|leave|steal|borrow|"
    r"dont|do\s+not|are\s+late|miss|cancel|watch|read|use|wear|beat)"
)
_TARGET = re.compile(
    r"(?<![a-z0-9])(?:you|u|ur|youre|your|yourself|urself|ya|yu|she|he|shes|hes|her|him|they|them|theyre)"
    r"(?![a-z0-9])|@[a-z0-9_]"
)
_SUPPORT_BEFORE = re.compile(
    r"(?:nobody|no\s+one|noone|never\s+let\s+(?:anyone|them)|dont\s+let\s+(?:anyone|them)|not\s+saying|doesnt\s+mean|"
    r"dont\s+mean|never\s+said|dont\s+believe|if\s+(?:anyone|someone|people)\s+(?:says|tells|thinks)|"
    r"people\s+who\s+say|feel\s+like|feels\s+like|felt\s+like|think|thinking|believe|worried|worry|afraid|scared|"
    r"does\s+not\s+make|doesnt\s+make|not\s+because|never|not)\s*(?:that\s+)?$"
    r"|(?:nobody|no\s+one|noone)(?:\s+\w+){1,2}\s*$"
)


class _Banter:
    """Whether a text reads as banter ("lol", "love you", 😂), worked out only when a rule asks."""

    __slots__ = ("_original", "_text", "_value", "_words")

    def __init__(self, text: str, words: frozenset, original: str):
        self._text, self._words, self._original = text, words, original
        self._value = None

    def __bool__(self) -> bool:
        if self._value is None:
            self._value = bool(
                not self._words.isdisjoint(_BANTER_WORDS)
                or any(word.startswith(_BANTER_PREFIXES) for word in self._words)
                or _BANTER.search(self._text)
                or _BANTER_EMOJI.search(self._original)
            )
        return self._value


@dataclass(frozen=True, slots=True)
class _Rule:
    key: str
    label: str
    score: float
    pattern: re.Pattern
    mild: bool = False  # an insult that banter ("lol", "love you") may soften
    support_guard: bool = False  # "nobody thinks you're stupid" is support, not an insult
    triggers: frozenset | None = None  # the rule runs only on texts with one of these words (squeezed)


_DOUBLED = re.compile(r"([a-z])\1+")
_WORD = re.compile(r"[a-z]+")


def _squeeze(word: str) -> str:
    """ "immigrants" and "imigrants", "stuupid" and "stupid" read the same for the trigger check."""
    return _DOUBLED.sub(r"\1", word)


def _triggers(text: str) -> frozenset:
    return frozenset(_WORD.findall(_DOUBLED.sub(r"\1", text)))


def _rule(key, label, score, pattern, triggers=None, **flags) -> _Rule:
    return _Rule(key, label, score, re.compile(pattern), triggers=_triggers(triggers) if triggers else None, **flags)


# Hate rules need a group: the first word of each group name ("gay people" -> "gay"), or a slur placeholder.
_GROUP_TRIGGERS = " ".join(item.split()[0] for item in _GROUP_WORDS.split("|") if item.strip())
_GROUP_TRIGGERS = " ".join(w for w in re.findall(r"[a-z]+", _GROUP_TRIGGERS) if w not in {"the", "non", "illegal"})
_GROUP_TRIGGERS += " slur illegals binary"


RULES: tuple[_Rule, ...] = (
    # Self-harm encouragement aimed at someone: reject as harassment.
    _rule("kys", "harassment", 0.95, B + SELF_HARM_AT + E),
    _rule(
        "better-without-you",
        "harassment",
        0.95,
        r"(?:nobody|no\s+one|noone|no1)\s+(?:would|will|is\s+going\s+to|gonna)\s+(?:miss|care\s+if|notice\s+if)\s+"
        + YOU
        + E
        + r"|(?:world|everyone|everybody|we|earth|your\s+family|ur\s+family)\s+(?:would\s+be|will\s+be|is|d\s+be)\s+"
        r"better\s+(?:off\s+)?without\s+(?:you|u|ya)"
        r"|(?:do|doing)\s+(?:us|everyone|everybody|the\s+world)\s+a\s+favou?r\s+and\s+(?:die|disappear|leave|"
        r"kill|end|jump|go\s+die|stop\s+breathing|delete\s+yourself)"
        r"|(?:you|u)\s+(?:should|shud|need\s+to|ought\s+to|deserve\s+to)\s+(?:just\s+)?(?:die|disappear\s+forever|"
        r"not\s+exist|never\s+have\s+been\s+born|end\s+it|stop\s+breathing|kill\s+(?:yourself|urself))"
        r"|why\s+dont\s+(?:you|u)\s+(?:just\s+)?(?:die|kill\s+(?:yourself|urself)|disappear|end\s+it)"
        r"|(?:i\s+)?hope\s+(?:you|u)\s+(?:die|kill\s+(?:yourself|urself)|rot|never\s+wake\s+up)" + E,
        triggers="nobody no noone better favour favor should shud ned ought deserve dont hope",
    ),
    # Threats of physical harm.
    _rule(
        "threat",
        "violence",
        0.95,
        B + THREAT_SUBJECT + r"\s+(?:\w+\s+)?" + THREAT_VERBS + r"\s+(?:the\s+\w+\s+out\s+of\s+)?" + VICTIM + E,
    ),
    _rule(
        "threat-stock",
        "violence",
        0.95,
        r"(?:i|we)\s+know\s+where\s+(?:you|u|ya|she|he|they)\s+(?:live|lives|go\s+to\s+school|sleep|work|are)"
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
        r"beaten|killed|murdered)"
        r"|(?:you|u)\s+(?:deserve|deserves)\s+to\s+(?:die|be\s+(?:hurt|beaten|raped|shot|killed|stabbed))",
        triggers=(
            "know watch dead next sleep keep wont see find get come catch coming break smash punch kick cave "
            "bash rearange slit bring bringing brought shoot hope deserve deserves"
        ),
    ),
    _rule(
        "threat-regret",
        "violence",
        0.85,
        r"(?:you|u)\s*(?:ll|will|are\s+going\s+to|re\s+gonna|r\s+gonna|re\s+going\s+to)\s+(?:regret|pay\s+for)\s+"
        r"(?:this|it|that|what)|youll\s+(?:regret|pay\s+for)\s+(?:this|it|that|what)"
        r"|(?:you|u)\s+(?:will|ll)\s+(?:get|be)\s+(?:what\s+(?:you|u)\s+deserve|hurt)|youll\s+get\s+what\s+(?:you|u)\s+deserve",
        triggers="regret pay get",
    ),
    # Sextortion and threats to share images or secrets.
    _rule(
        "share-images",
        "harassment",
        0.95,
        r"(?:i\s*ll|ill|i\s+will|im\s+(?:going\s+to|gonna)|i\s+am\s+going\s+to|gonna|imma|ima|we\s*ll|we\s+will|"
        r"will|going\s+to|i\s+can|i\s+could)\s+(?:\w+\s+)?(?:post|share|leak|send|show|expose|spread|forward|upload|"
        r"publish|put)\s+(?:all\s+)?(?:your|ur|yr|these|those|the|her|his|their)\s+(?:\w+\s+)?(?:nudes|nude|naked|"
        r"pics|pictures|photos|videos?|vids?|messages|dms|texts|secrets|chats|screenshots|snaps|address)"
        r"|(?:send|give)\s+(?:me\s+)?(?:more\s+)?(?:nudes|pics|photos|money|\$\s*\d+|\d+\s*(?:quid|pounds|dollars|euros))"
        r"[\s,.!]+(?:or|otherwise|unless|else|before)"
        r"|(?:or\s+(?:else\s+)?|unless\s+(?:you|u)\s+\w+\s+)(?:everyone|everybody|ill|i\s+will|your\s+(?:parents|mum|mom|"
        r"dad|friends|school)|ur\s+(?:parents|mum|mom|dad|friends|school))(?:\s+will)?\s+(?:see|know|find\s+out|gets?)"
        r"|i\s+(?:have|got|saved|kept)\s+(?:your|ur|yr)\s+(?:nudes|nude\s+pics|naked\s+pics|pics|photos|videos?)"
        r"|(?:everyone|everybody|the\s+whole\s+school)\s+(?:at|in)?\s*(?:\w+\s+)?(?:will|is\s+going\s+to|gonna)\s+see\s+"
        r"(?:your|ur|yr|these|this)"
        r"|(?:expose|exposing)\s+(?:you|u|her|him|them)" + E,
        triggers=(
            "nudes nude naked pics pictures photos video videos vid vids mesages dms texts secrets chats "
            "screnshots snaps adress send give or unles have got saved kept everyone everybody expose "
            "exposing"
        ),
    ),
    # Pile-ons.
    _rule(
        "pile-on",
        "harassment",
        0.8,
        r"(?:everyone|everybody|all\s+of\s+(?:you|u)|yall|you\s+all|guys|lets\s+all|lets|we\s+should\s+all|we\s+should|"
        r"go|pls|please)\s+(?:go\s+)?(?:report|spam|mass\s+report|flag|roast|ratio|dogpile|bully|harass|flood|"
        r"unfollow|block|troll|attack|destroy|cancel|expose|go\s+after|gang\s+up\s+on|make\s+fun\s+of|laugh\s+at|"
        r"tell\s+(?:her|him|them)\s+(?:how|what|that|she|he|they|to))\s+(?:her|him|them|this\s+(?:girl|guy|kid|loser|"
        r"freak|person|account|user|idiot)|that\s+(?:girl|guy|kid|loser|freak|person|account|user|idiot)|"
        + MENTION
        + r"|[a-z]+s\s+(?:account|page|profile|posts?|comments))"
        r"|make\s+(?:her|his|their|your|ur)\s+life\s+(?:hell|a\s+living\s+hell|miserable)"
        r"|(?:spam|flood)\s+(?:her|his|their|" + MENTION + r")\s+(?:dms|inbox|comments|page|posts?)"
        r"|screenshot\s+(?:this|it|her|his)\s+and\s+(?:share|send|post|spread)"
        r"|send\s+this\s+to\s+(?:everyone|the\s+whole)",
        triggers=(
            "report spam flag roast ratio dogpile buly harass flod unfolow block trol atack destroy cancel "
            "expose after gang make laugh tel life screnshot send"
        ),
    ),
    # Exclusion: "nobody likes you", "everyone hates you".
    _rule(
        "exclusion",
        "harassment",
        0.8,
        r"(?:nobody|no\s+one|noone|no1|not\s+a\s+single\s+person)\s+(?:\w+\s+)?(?:likes|loves|wants|cares\s+about|"
        r"care\s+about|will\s+ever\s+(?:love|like|want|date)|would\s+ever\s+(?:love|like|want|date)|talks\s+to|"
        r"wants\s+to\s+(?:be\s+friends\s+with|talk\s+to|hear\s+from|see)|ever\s+(?:liked|loved|wanted))\s+(?:you|u|ya)"
        + E
        + r"|(?:everyone|everybody|we\s+all|all\s+of\s+us|the\s+whole\s+(?:school|class|year|group|world))\s+"
        r"(?:\w+\s+)?(?:hates|hate|laughs\s+at|is\s+laughing\s+at|are\s+laughing\s+at|makes\s+fun\s+of|is\s+sick\s+of|"
        r"cant\s+stand|despises|thinks\s+(?:you|u)re|talks\s+about)\s+(?:you|u|ya|your|ur)"
        + E
        + r"|(?:you|u)\s+(?:have|got)\s+no\s+(?:friends|one)|(?:you|u)\s*(?:ll|will)\s+(?:always\s+be\s+alone|"
        r"never\s+have\s+(?:friends|a\s+(?:boyfriend|girlfriend))|die\s+alone)|youll\s+(?:always\s+be\s+alone|die\s+alone)"
        r"|(?:you|u)\s+(?:dont|do\s+not)\s+belong\s+(?:here|anywhere)|(?:no\s+one|nobody)\s+wants\s+(?:you|u)\s+here"
        r"|(?:get|go)\s+(?:out|off)\s+(?:of\s+)?(?:here|this\s+(?:site|app|group|platform|page))\s*(?:you|u|loser|freak|,)"
        r"|(?:youre|you\s+are|ur)\s+not\s+welcome\s+here|(?:no\s+one|nobody)\s+(?:asked|cares)\s+(?:you|u|about\s+(?:you|u|"
        r"your|ur))" + E,
        support_guard=True,
        triggers="nobody no noone single everyone everybody al whole belong here welcome wil ll youll",
    ),
    # Mocking someone's disclosure.
    _rule(
        "mock-disclosure",
        "harassment",
        0.75,
        r"(?:stop|quit)\s+(?:faking|lying|being\s+so\s+dramatic|crying|whining|attention\s+seeking|playing\s+the\s+victim)"
        r"|(?:youre|you\s+are|ur|u\s+r|(?:she|he)s|(?:she|he)\s+is)\s+(?:just\s+|only\s+|so\s+|clearly\s+|obviously\s+)?"
        r"(?:faking|doing\s+(?:it|this)\s+for\s+attention|attention\s+seeking|looking\s+for\s+attention|"
        r"making\s+(?:it|this)\s+up|being\s+dramatic|such\s+a\s+drama\s+queen|a\s+fake|cutting\s+for\s+attention)"
        r"|(?:nobody|no\s+one|noone)\s+cares\s+about\s+(?:your|ur|yr|her|his)\s+(?:\w+\s+)?(?:problems|depression|"
        r"anxiety|feelings|story|sob\s+story|trauma|life|mental|issues|diagnosis|cutting|scars)"
        r"|cry\s+(?:me\s+a\s+river|more|about\s+it|harder)|boo\s*-?\s*hoo|get\s+over\s+(?:it|yourself|urself)\s*(?:snowflake|loser|,)"
        r"|(?:your|ur|yr|her|his)\s+(?:depression|anxiety|trauma|mental\s+illness|mental\s+health|adhd|autism|"
        r"eating\s+disorder|ptsd|diagnosis)\s+(?:is|isnt)\s+(?:fake|not\s+real|a\s+joke|made\s+up)"
        r"|(?:imagine|lol|lmao|haha)\s+(?:being\s+)?(?:this|so)\s+(?:sad|depressed|pathetic|desperate|ugly|fat)"
        r"|(?:sad|nice|another|pathetic)\s+sob\s+story|(?:cutting|starving|crying)\s+for\s+attention",
        triggers=(
            "stop quit faking fake attention dramatic drama cares cry bo hoo get depresion anxiety trauma "
            "mental adhd autism eating ptsd diagnosis imagine lol lmao haha sob cuting starving crying"
        ),
    ),
    _rule(
        "humiliation",
        "harassment",
        0.75,
        r"(?:everyone|everybody|the\s+whole\s+(?:school|class))\s+saw\s+(?:you|u)\s+(?:cry|crying|fall|wet|pee|throw)"
        r"|laughing\s*stock|(?:post|share|spread|send)\s+(?:this|the|that)\s+(?:video|vid|pic|photo|picture)\s+of\s+"
        r"(?:her|him|you|u|them)",
        triggers="saw laughing laughingstock post share spread send",
    ),
    # Insults aimed at "you".
    _rule(
        "insult-you-strong",
        "harassment",
        0.8,
        YOU_ARE + FILL + r"\s*" + STRONG_INSULTS + E + r"(?:\s+" + VOCATIVE_NOUNS + E + r")?",
        support_guard=True,
    ),
    _rule(
        "insult-you-mild", "harassment", 0.65, YOU_ARE + FILL + r"\s*" + MILD_INSULTS + E, mild=True, support_guard=True
    ),
    _rule(
        "insult-vocative",
        "harassment",
        0.7,
        B + r"(?:you|u|ya|yu)(?:\s+(?:stupid|dumb|fat|ugly|disgusting|pathetic|little|fucking|fkn|absolute|total|"
        r"complete|worthless|useless|filthy|dirty|lazy|sad|silly|big))*\s+" + VOCATIVE_NOUNS + E,
        mild=True,
    ),
    _rule(
        "insult-question",
        "harassment",
        0.65,
        r"(?:are|r)\s+(?:you|u)\s+(?:\w+\s+)?(?:stupid|dumb|thick|blind|retarded|slow|brain\s*dead|mental|deaf)"
        r"|how\s+(?:are|r)\s+(?:you|u)\s+(?:this|so)\s+(?:stupid|dumb|ugly|fat|thick|pathetic)" + E,
        mild=True,
    ),
    _rule(
        "insult-shut-up",
        "harassment",
        0.6,
        r"(?:shut\s+(?:up|ur\s+mouth|your\s+mouth|it)|stfu)(?:\s+(?:you|u|already|forever))?\s+(?:\w+\s+)?"
        + VOCATIVE_NOUNS
        + E
        + r"|(?:your|ur)\s+(?:mum|mom|mother|face|family)\s+(?:is|should\s+have)\s+(?:\w+\s+)?(?:ugly|fat|whore|slut|"
        r"aborted|ashamed|embarrassed|disgusting)",
        mild=True,
    ),
    _rule("insult-third", "harassment", 0.65, THEY_ARE + FILL + r"\s*" + STRONG_INSULTS + E, mild=True),
    _rule("insult-what-a", "harassment", 0.6, r"what\s+(?:a|an)\s+(?:\w+\s+)?" + VOCATIVE_NOUNS + E, mild=True),
    # Hate: protected group + dehumanising or eliminationist predicate.
    _rule(
        "hate-dehumanise",
        "hate",
        0.95,
        B
        + GROUP_LEAD
        + GROUPS
        + r"\s+(?:are|r|is|=)(?:\s+(?:all|just|literally|nothing\s+but|no\s+better\s+than|basically|"
        r"like|such|the|a|an|fucking|disgusting|dirty|filthy|simply|truly|really|so|born|genetically|naturally))*\s+"
        + DEHUMANISING
        + E,
        triggers=_GROUP_TRIGGERS,
    ),
    _rule(
        "hate-eliminate",
        "hate",
        0.95,
        B + GROUP_LEAD + GROUPS + r"\s+(?:should|must|need\s+to|needs\s+to|ought\s+to|deserve\s+to|have\s+to|got\s+to|"
        r"gotta|will|shall)\s+(?:all\s+)?(?:be\s+)?(?:all\s+)?"
        + ELIMINATION
        + E
        + r"|"
        + B
        + ELIMINATE_VERBS
        + r"\s+(?:all\s+)?(?:of\s+)?(?:the\s+|these\s+|those\s+|every\s+)?"
        + GROUPS
        + E,
        triggers=_GROUP_TRIGGERS,
    ),
    _rule(
        "hate-rights",
        "hate",
        0.95,
        B + GROUP_LEAD + GROUPS + r"\s+(?:dont|do\s+not|shouldnt|should\s+not|dont\s+even|do\s+not\s+even|never)\s+"
        r"(?:deserve|have|get)\s+(?:the\s+|any\s+)?"
        + RIGHTS
        + E
        + r"|"
        + B
        + GROUP_LEAD
        + GROUPS
        + r"\s+(?:shouldnt|should\s+not|must\s+not|cant|cannot)\s+be\s+allowed\s+"
        r"(?:to\s+\w+|in|near|around|here)"
        r"|" + B + GROUP_LEAD + GROUPS + r"\s+have\s+no\s+(?:right|place|business)\s+(?:to|in|here|being)"
        r"|" + B + r"(?:no|ban|no\s+more)\s+" + GROUPS + r"\s+(?:allowed|welcome|here)"
        r"|"
        + B
        + r"(?:go|should\s+go|get)\s+back\s+to\s+(?:where\s+(?:you|u|they)\s+came\s+from|your\s+(?:own\s+)?country|"
        r"ur\s+country|their\s+(?:own\s+)?country|your\s+(?:own\s+)?(?:kind|people))",
        triggers=_GROUP_TRIGGERS + " back",
    ),
    _rule(
        "hate-i-hate",
        "hate",
        0.9,
        r"(?:i|we)\s+(?:hate|despise|detest)\s+(?:all\s+)?(?:the\s+|these\s+|those\s+)?" + GROUPS + E,
        triggers=_GROUP_TRIGGERS,
    ),
    _rule(
        "hate-being",
        "hate",
        0.9,
        B + r"being\s+" + BEING + r"\s+(?:is|=)\s+(?:just\s+|literally\s+)?" + BEING_IS + E,
        triggers="being",
    ),
    _rule("slur-placeholder", "hate", 0.95, r"\[\s*slur\s*\]"),
)


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


@dataclass(frozen=True, slots=True)
class _Model:
    weights: dict
    intercept: float

    def probability(self, text: str) -> tuple[float, tuple[int, int] | None]:
        """P(abuse) for a normalised text, and the stretch (in that text) of the word that weighs most."""
        import math

        tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
        total = self.intercept
        best = 0.0
        where = None
        weights = self.weights
        previous = None
        for token, start, end in tokens:
            weight = weights.get(token, 0.0)
            if previous is not None:
                pair = weights.get(previous[0] + " " + token)
                if pair is not None:
                    weight += pair
                    start = previous[1]
            total += weight
            if weight > best:
                best, where = weight, (start, end)
            previous = (token, start)
        total = max(-30.0, min(30.0, total))
        return 1.0 / (1.0 + math.exp(-total)), where


def _train() -> _Model | None:
    try:
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:  # rules alone
        logger.info("scikit-learn is not installed; the harassment detector runs on rules only")
        return None
    texts, labels = [], []
    try:
        lines = (DATA / "harassment_training.tsv").read_text(encoding="utf-8").splitlines()
    except OSError:
        logger.warning("harassment training texts are missing; the harassment detector runs on rules only")
        return None
    for line in lines:
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        label, text = line.split("\t", 1)
        texts.append(normalise(text).text)
        labels.append(int(label))
    if len(set(labels)) < 2:
        return None
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
MODEL_MIN_SCORE, MODEL_MAX_SCORE = 0.55, 0.75


class Harassment:
    """Insults, threats, pile-ons and sextortion aimed at a person; dehumanising language about groups."""

    name = "harassment"

    def __init__(self, model: _Model | None | bool = True):
        self._model = MODEL if model is True else (model or None)

    def detect(self, normalised: Normalised, kind: str) -> list[Label]:
        found: dict[str, list[tuple[float, tuple[int, int]]]] = {}
        supportive = False  # a rule matched but read as support ("nobody thinks you're stupid")
        for variant in normalised.variants:
            if not variant:
                continue
            words = _triggers(variant)
            banter = _Banter(variant, words, normalised.original)
            for rule in RULES:
                if rule.triggers is not None and rule.triggers.isdisjoint(words):
                    continue
                for match in rule.pattern.finditer(variant):
                    start, end = match.start(), match.end()
                    if end <= start:
                        continue
                    score = self._score(rule, variant, start, end, banter)
                    if score is None:
                        supportive = True
                        continue
                    found.setdefault(rule.label, []).append((score, normalised.span(start, end)))
            for start, end in self._slur_tokens(variant):
                before = variant[max(0, start - _CONTEXT_BEFORE) : start]
                after = variant[end : end + _CONTEXT_AFTER]
                reported = _REPORT_BEFORE.search(before) or _CONDEMN_AFTER.match(after.lstrip(" ,.!?\"'"))
                found.setdefault("hate", []).append((LOW_SCORE if reported else 0.95, normalised.span(start, end)))
        if not found and not supportive and self._model is not None:
            self._model_label(normalised, found)
        return self._labels(found)

    def _score(self, rule: _Rule, text: str, start: int, end: int, banter: bool) -> float | None:
        before = text[max(0, start - _CONTEXT_BEFORE) : start]
        if rule.key == "kys":
            near = before[-30:]
            if SELF_HARM_GUARD_BEFORE.search(near) or FIRST_PERSON_KYS.search(near):
                return None  # "please don't kill yourself", "I wanna kys": support or the writer's own risk
        if rule.support_guard and _SUPPORT_BEFORE.search(before[-40:]):
            return None
        after = text[end : end + _CONTEXT_AFTER].lstrip(" ,.!?\"'")
        if _REPORT_BEFORE.search(before) or _CONDEMN_AFTER.match(after):
            return LOW_SCORE
        if rule.key == "threat" and (banter or _CONDITIONAL_JOKE.match(after)):
            return BANTER_SCORE if banter and _CONDITIONAL_JOKE.match(after) else 0.6
        if rule.mild and banter:
            matched = text[start:end]
            words = set(_WORD.findall(matched))
            if rule.key != "insult-third" and not (words & _STRONG_WORDS):
                return BANTER_SCORE
            if rule.key == "insult-third" or words & _MILD_WORDS:
                return min(rule.score, 0.6) if words & _STRONG_WORDS else BANTER_SCORE
        return rule.score

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
        if _Banter(text, _triggers(text), normalised.original):
            score = min(score, BANTER_SCORE)
        found.setdefault("harassment", []).append((round(score, 3), normalised.span(start, end)))

    def _labels(self, found: dict) -> list[Label]:
        labels = []
        for name, hits in found.items():
            hits.sort(key=lambda hit: (-hit[0], hit[1]))
            kept: list[tuple[float, tuple[int, int]]] = []
            for score, span in hits:
                if any(span[0] < other[1] and other[0] < span[1] for _, other in kept):
                    continue
                kept.append((score, span))
                if len(kept) >= MAX_LABELS_PER_NAME:
                    break
            labels.extend(Label(name=name, score=score, detector=self.name, span=span) for score, span in kept)
        labels.sort(key=lambda label: (-label.score, label.name, label.span))
        return labels


_STRONG_WORDS = frozenset(
    re.findall(
        r"[a-z]+",
        "ugly fat pathetic worthless useless disgusting gross freak creep creepy trash garbage failure waste parasite "
        "scum scumbag vermin pig cow slut whore bitch skank hoe psycho embarrassment disgrace hideous repulsive "
        "subhuman shit dickhead arsehole asshole prick twat wanker fatso fatty lardass fugly unlovable retard "
        "retarded braindead filth filthy burden disappointment",
    )
)
