"""The harassment detector's vocabulary, and the helpers that turn it into patterns.

- Insults by tier (SEVERE_INSULT, STRONG_INSULT, MILD_INSULT), which can be said alone and which are teasing.
- Who an insult is aimed at (YOU_ARE, THEY_ARE), what a "your ..." insult may be about (someone's body,
  family, work or presence) and what an unflattering comparison likens someone to.
- Protected groups and what hate says about them: dehumanising, inferiorising and eliminationist
  predicates, rights, "being X is ...", and the same statements in French, Spanish, German and Portuguese.
- Threats (subject, verb, victim) and ways of telling someone to harm themselves.
- The marks that stand for an insult (NOUN_MARK, ADJECTIVE_MARK) or a protected group (GROUP_MARK) in the
  readings the rules run on, and the slur digests in moderation/detectors/data/slur_hashes.txt (slurs are
  never written in this repository; the placeholder "[slur]" stands for one).
- _stretchy, _words, _split, _triggers and _heads: word lists as tolerant alternations and trigger sets.

Strings, word sets and patterns compiled once at import; no rule and no scoring.
"""

import hashlib
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
# An insult's score is its tier: body, sexual and dehumanising insults; other strong ones; mild ones.
SEVERE_INSULT, STRONG_INSULT, MILD_INSULT = 0.85, 0.75, 0.65


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


_NOT_A_HEAD = _word_set("a an the of in to for at on is and most")


def _heads(*lexicons: str) -> str:
    """The words of a lexicon's entries (not "of", "the"), and each entry as one word, for a rule's triggers."""
    return " ".join(
        word
        for item in _split(*lexicons)
        for word in item.replace("-", " ").split() + ["".join(item.split())]
        if word not in _NOT_A_HEAD
    )


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

_INSULT_HEADS = _triggers(_heads(*_INSULT_WORDS))  # a text without one of these words has no insult

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

# ---------------------------------------------------------------------------------------------------------
# Slurs, as SHA-256 digests of normalised tokens.


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
