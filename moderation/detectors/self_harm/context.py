"""Reading a candidate in its sentence: the past, an urge resisted, someone else, awareness, fiction, jokes.

A statement or warning sign found by `crisis` is not a crisis when its sentence tells of the past, an urge
resisted, someone else's words, advice to others, a hypothetical, a denial, fiction or hyperbole
(`excused`).
"""

import re
import threading

from ..phrasing import phrases
from .vocabulary import NOW

# How many candidates of one kind are read in their sentences before the rest are let go: a post has a
# handful, and "end it end it end it ..." twenty thousand characters long would otherwise cost seconds.
CANDIDATES = 60


def _words(source: str) -> re.Pattern:
    """A pattern in which a space is any run of non-letters, as in the matches it is asked about."""
    return re.compile(source.replace(" ", "[^a-z0-9]+"))


# Acts that hyperbole borrows most ("i wanna die 😂", "kms lol"), and acts that need a suicidal context.
_WEAK_ACT = _words(
    r"(?<![a-z])(?:die+|dying|be dead|dead|disappear[a-z]*|vanish|kms|do it|doing it|try again|jump|rope|od|"
    r"sleep forever|🪦|⚰|🔪|🪢|go through with it)(?![a-z])"
)
_VAGUE_ACT = _words(
    r"(?<![a-z])(?:do it|finish (?:it|this|things)|doing it|try again|attempt|go through with it|od|rope|make sure)(?!"
    r"[a-z])"
)
# "do it" as a habit or unaided ("i try to do it myself too", "i do it every morning"), not an act against oneself.
_HABIT_AFTER = re.compile(
    (
        r"[^a-z0-9]{1,3}(?:my~self|on my own|by my~self|too|as well|also|every (?:day|night|morning|evening|week)|"
        r"daily|regularly|most (?:days|nights|mornings)|whenever|each (?:day|morning|night))(?![a-z])"
    )
    .replace(" ", "[^a-z0-9]{1,3}")
    .replace("~", "[^a-z0-9]*")
)
# Acts that name the writer as the one harmed, so need no "i" beside them ("kms tonight", "sewerslide rn").
_SELF_EVIDENT = _words(r"kms|my[^a-z0-9]*self|unaliv|sewer|ctb|my (?:own )?life|my wrist|🪦|⚰")
# Words that make an act plain whatever else it says: "the rope is tied", "ive taken all the pills".
_CLEAR_ACT = _words(
    r"kill|kms|suicid|unaliv|sewer|ctb|my life|pill|tablet|meds|noose|blade|razor|bleed|ledge|edge|bridge|roof|"
    r"overdos|hang|poison|bleach|wrist|note|letter|goodbye|rope is|the rope|my[^a-z0-9]*self|🪦|⚰"
)
_NEEDS_SUBJECT = _words(
    r"(?:jump|cut|do it|doing it|od|rope|end (?:it|this|things|everything)|ending|die|dying|attempt|try again|"
    r"relaps|overdos|sh|hurt|burn|suicid|disappear|take|swallow)(?![a-z])"
)
_ABOUT_SUICIDE = re.compile(r"(?<![a-z])(?:by|of|from|to|about|on|against|after|prevent|preventing)[^a-z0-9]+$")
_RELAPSE = re.compile(r"relaps")

PAST = phrases(
    r"used to|use to|usedto|when i was|when i (?:tried|attempted|overdosed|cut|did|wanted|felt|had|wrote|made|"
    r"planned|almost|nearly|first)|back (?:then|when|in)|(?:years?|months?|weeks?|yrs|ages) ago|"
    r"(?:a|one|two|three|four|five|six|[0-9]+) (?:years?|months?|weeks?|yrs) (?:ago|back|since)",
    r"last (?:year|summer|winter|spring|autumn|fall|month|term|semester|christmas)",
    r"in (?:the past|20[0-9][0-9]|year [0-9]+|year (?:seven|eight|nine|ten|eleven|twelve|thirteen)|(?:primary|"
    r"middle|high|secondary) school|sixth form|my (?:teens|early teens|worst year|darkest days))",
    r"at (?:the )?(?:age )?(?:of )?(?:1[0-9]|[0-9]|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r"(?=[^a-z0-9]*(?:$|[.,;]|i |im |i was|years|yrs|when|and (?:i was|got|ended|spent|survived)|in (?:hospital|"
    r"year))|(?:age )?(?:1[0-9]|[0-9]) (?:years old|yrs old|y o))|when i was (?:younger|little|a kid|a teenager|"
    r"[0-9]+)|as a (?:kid|teenager|teen|child)",
    r"i (?:wanted|felt like|thought about|was going to|was gonna|planned|had planned|had a plan|once|tried|"
    r"attempted|almost|nearly|was about to|was ready to|was planning|was suicidal|used|was so close|was close|"
    r"spent)",
    r"(?:didnt|did not|never) (?:do it|act on|go through|follow through|actually do)|i survived|survivor",
    r"that was (?:me|then|my life)|those (?:days|thoughts|years|nights)|my (?:worst|darkest) (?:year|time|days|"
    r"point|night|period)|at my (?:lowest|worst)|(?:for|after) (?:years|a long time) i|i remember (?:when|wanting|"
    r"thinking|feeling|the night|being)",
    r"(?:had|got|felt) (?:an |a )?(?:strong |really strong |bad |huge )?urges? {w4}(?:but|and) (?:i )?(?:didnt|"
    r"did not|used|called|texted|went|talked|held|rode|got through|resisted)",
    r"hace (?:[0-9]+|un|una|dos|tres) (?:anos|meses|ano|mes)|il y a (?:[0-9]+|un|une|deux|trois) (?:ans|mois|an)|"
    r"vor (?:[0-9]+|einem|einer|zwei|drei) (?:jahren|monaten|jahr|monat)|(?:[0-9]+|um|dois|tres) (?:anos|meses) "
    r"atras|(?:[0-9]+|un|due|tre) (?:anni|mesi) fa|fruher|damals|avant je",
)
# An intent after an urge resisted: "i didnt do it last night but i will tonight".
_FORWARD = phrases(r"will|ll|gonna|going to|about to|want to|wanna|again|this time")
# A return promised takes the goodbye out of a farewell: "last post before my holiday, see you all soon".
_RETURN = phrases(
    r"see (?:you|u|yall|ya)(?: all| guys| again)? (?:soon|later|in|when|next|after|on|tomorrow|at|there)|"
    r"(?:be|come|coming|ill be) back (?:soon|in|on|next|after|when|tomorrow|online)|brb|when i (?:get|come) back|"
    r"(?:talk|speak|catch you|chat) (?:soon|later|tomorrow)|ttyl|until (?:next time|then)|(?:miss|missing) (?:you|"
    r"u|yall) (?:already|guys)"
)
# A reason to be away: "wont be around next week, going camping", "not here tomorrow, dentist".
_AWAY = phrases(
    r"going (?:to (?:the|a|my|see|visit|stay)|on|camping|away|abroad|home|back|offline)|camping|holiday|vacation|trip|"
    r"appointment|dentist|doctors|busy|at work|working|shift|visiting|away (?:for|at|with|on)|no (?:wifi|signal|intern"
    r"et)|offline|festival|camp|flight|stream|streaming|sleepover|at my (?:dads|mums|nans|grandmas|grandads|aunts|frie"
    r"nds)"
)
_ABSENT = re.compile(r"(?<![a-z])(?:here|around|bye|goodbye|online|posting|gone|last)(?![a-z])")
_FAREWELL_WORDS = re.compile(r"bye|farewell|last|final|signing off|peace out|adios|adieu|addio|adeus|lebt wohl")
_RESISTED = phrases(
    r"instead|made it through|got through (?:it|the night)|(?:the )?urges? (?:passed|went away|faded)|"
    r"but (?:i )?(?:didnt|did not|called|texted|talked|reached out|messaged|used|went|held on|stayed|chose|"
    r"decided not)|i didnt (?:do it|act|cut|relapse|give in)|(?:im|i am) (?:safe|okay|ok) now|"
    r"(?:still|now) (?:clean|free)|(?:days?|weeks?|months?|years?) (?:clean|free|sober)"
)
# Someone else's words just before the match: "my friend said 'i want to die'".
_REPORTED = re.compile(
    r"(?<![a-z])(?!i )(?:[a-z]+ ){0,3}(?:says|said|saying|told me|tells me|texted|texts|posted|wrote|writes|"
    r"messaged|dmd|keeps saying|kept saying|mentioned|admitted|confessed|screamed|yelled|was like|goes|"
    r"sent me)(?: me| to me)?(?: that)?[\s\"“”:]*$"
)
_I_REPORT = re.compile(r"(?<![a-z])(?:i|im|ive)(?: [a-z]+)? (?:said|say|told|tell|texted|posted|wrote)[a-z ]*$")
THIRD_PERSON = re.compile(
    r"(?<![a-z])(?:she|he|they|shes|hes|theyre|her|him|his|their|them|friend|friends|bestie|sister|brother|"
    r"cousin|mum|mom|dad|mother|father|boyfriend|girlfriend|bf|gf|partner|classmate|someone|somebody|person|"
    r"people|kid|student|daughter|son|niece|nephew|mate|character|protagonist|narrator|user|poster|op|"
    r"(?:i|im|ive|ill|id|me|my|myself|mine))(?![a-z])"
)
FIRST_PERSON = phrases(
    r"i|im|ive|id|ill|me|my|myself|mine|i m|i ve|i d|i ll|ich|mich|mir|mein|meine|je|j|moi|mon|ma|mes|yo|mis|"
    r"eu|minha|meu|io|mio|mia|mi|quiero|voglio|quero"
)
ADDRESSING = phrases(
    r"(?:if|when|whenever) (?:you|u|someone|somebody|anyone|a friend|a loved one|they|people|a person|your "
    r"friend|a mate) (?:ever |are |re |r |is |start |keep )?(?:feel|feeling|want|wanting|think|thinking|struggle|"
    r"struggling|need|notice|know (?:someone|a friend)|see (?:someone|a friend|the signs|signs)|"
    r"find (?:yourself|themselves)|"
    r"having|have (?:thoughts|suicidal)|going through|tells? you|says|say|mentions?|in crisis|"
    r"suicidal|worried|low|down)|if (?:youre|your|ur|theyre) (?:feeling|thinking|struggling|having|going|in|"
    r"worried|low)|(?:you|u) (?:are|re|r) not alone|if (?:you|u) (?:see|hear|witness|spot) (?:it|this|something|"
    r"someone|bullying)|if (?:its|it is|this is) happening to (?:you|u)|(?:youre|you are|ur) not (?:a burden|alone)|"
    r"warning signs?|signs (?:of|that)|anyone (?:who|feeling|thinking|struggling)|(?:feeling|thinking) like "
    r"(?:ending|killing)|(?:call|text|ring|contact) (?:a |the )?(?:helpline|hotline|crisis line|samaritans|"
    r"lifeline|988|116~123|shout|[0-9]{3,})",
)
_HYPOTHETICAL = phrases(
    r"if i (?:ever|were to|was to|did|had)|what if i|imagine (?:if|being|wanting)|hypothetically|pretend|"
    r"in a world where|suppose i|even if i|not that i|its not like i|doesnt mean i|dont think i|not saying i"
)
_NEGATED_BEFORE = re.compile(
    r"(?<![a-z])(?:not|never|dont|doesnt|didnt|wont|no way|no chance) (?:that |like |saying |think |"
    r"say |said |mean |feel like |believe )?(?:i |im |ill |i m |i will |i am )?$"
)
DENIED = phrases(
    r"(?:im|i am|i m) not (?:suicidal|going to (?:hurt|kill|do)|gonna (?:hurt|kill|do)|in (?:danger|crisis))|"
    r"not (?:in a )?suicidal (?:way|sense)|not like (?:suicidal|that)|i would never|i will never|i promise i wont|"
    r"dont worry(?: about me)?,? im (?:fine|ok|okay|safe)|i (?:dont|do not) (?:want|wanna) (?:to )?die"
)
_FICTION = phrases(
    r"character|characters|protagonist|narrator|villain|the hero|the mc|my oc|the book|a book|this book|novel|"
    r"film|movie|the show|tv show|this show|(?:my |fave |favourite |favorite |the |that )show|series|(?:the|this|that|l"
    r"ast|"
    r"an|next|final) (?:episode|season)|season [0-9]+|lyrics|"
    r"the song|this song|that song|a song|poem|the play|a play|this play|scene|chapter|anime|manga|fic|fanfic|"
    r"fanfiction|hamlet|ophelia|juliet|romeo|screenplay|script|roleplay|in game|video game|the game|a story|"
    r"short story|creative writing|essay|documentary|the news|article",
)
_HELP_QUESTION = phrases(
    r"how (?:do|can|should|would) i (?:tell|talk to|ask|explain|get help|stop|cope|deal|bring (?:it|this) up)|"
    r"who (?:can|should|do) i (?:talk|tell|go) to|should i (?:tell|talk to|see|call|get)|how to (?:tell|talk to)|"
    r"(?:tell|talk to|ask) (?:my )?(?:therapist|counsellor|counselor|doctor|gp|parents|mum|mom|dad|teacher)|"
    r"is (?:it|this) normal|does anyone else|anyone else (?:feel|get|have)|how do (?:you|people) (?:cope|deal)"
)
# Hyperbole: laughter, a trivial cause, or a set phrase that means "this is annoying".
_LAUGH = re.compile(
    r"😂|🤣|😹|💀|☠|😆|(?<![a-z])(?<!not )(?<!no )(?<!isnt a )(?:lo+l+|lmf?a+o+|lmfao|ha(?:ha)+h?|hehe+|jk|jks|"
    r"joking|jokes?|kidding|xd|rofl|"
    r"/j|lool|lolol|ded)(?![a-z])"
)
_SOBBING = re.compile(r"😭|😩|😫|🥲|😤")
_TRIVIA = phrases(
    r"(?:homework|hw|exams?|test|quiz|maths|math|school|class|lessons?|teachers?|monday|mondays|alarm|traffic|wifi|"
    r"queue|lecture|essay|assignment|deadline|group project|presentation|cringe|cringey|embarrass[a-z]*|awkward|"
    r"song|episode|season|finale|spoiler|game|match|my hair|haircut|outfit|crush|texted|left on read|typo|"
    r"autocorrect|hangover|cramps|heat|weather|shift|boss|customers|revision|revising|coursework|chemistry|"
    r"physics|biology|french|spanish|german|history|geography|ticket|tickets|concert|sale|sold out|fringe|"
    r"selfie|photo|pic|screenshot|voice crack|my voice|bus|late|spilled|spilt|forgot|dropped|tripped|fell over|"
    r"dentist|braces|lunch|pe|gym|workout|meeting|zoom|teams|inbox|emails|group chat|gc|read my|out loud|"
    r"in front of (?:everyone|the (?:whole )?class)|my mum|my mom|my dad|my parents|my sister|my brother)s?",
)
_TRIVIAL_FRAME = phrases(
    r"(?:id|i would|i d|i ll|ill) (?:rather|sooner) (?:die|be dead|kms|kill my~self|unalive|jump|drown) than|"
    r"rather (?:die|be dead|kms) than",
    r"if (?:i|we) (?:have|has|had|gotta|got|need) to (?:[a-z0-9]+[^a-z0-9]+){0,8}(?:again|one more|another|any~mo+re?|"
    r"any longer|every)",
    r"if i (?:hear|see|read|get|watch) {w6}(?:again|one more|another)|one more (?:time|minute|hour|lecture|"
    r"email|question)",
    r"(?:makes|made|making|make) me (?:want to|wanna) (?:die|kms|kill my~self|unalive|disappear)",
    r"(?:so|too|this is|thats|that was|its|it s|is) (?:so |soo |really |literally )?(?:boring|cringe|cringey|"
    r"embarrassing|awkward|annoying|long|tedious)|"
    r"kill me now|just kill me|someone (?:please )?kill me|kmsl|kmsfl|dying of (?:laughter|embarrassment|cringe|"
    r"boredom|heat)|(?:i )?could (?:literally )?die|literally dying|before (?:it|this|they|he|she) kills me|"
    r"(?:gonna|going to) die (?:of|from) (?:embarrassment|cringe|boredom|laughter)|die on (?:this|that) hill|"
    r"die (?:of|from) (?:embarrassment|laughter|laughing|boredom|shame|cringe)|die laughing|dead 💀|im dead$|"
    r"(?:kms|kill my~self|die) if (?:i|he|she|they|my) (?:dont|do not|fail|lose|miss|have to|see|hear)",
)
# Signs that the writer is not joking, whatever the emoji.
_SERIOUS = phrases(
    r"not (?:joking|kidding|a joke)|im serious|i mean it|no joke|this isnt a joke|seriously this time|"
    r"for real this time|pills|tablets|rope|noose|blade|razor|note|letters|goodbye|bye forever|plan|"
    r"decided|ready|bridge|ledge|overdose|suicidal|suicide|self~harm|tonight"
)
POSITIVE = re.compile(
    r"🎉|🥳|🎂|🎊|✈|(?<![a-z])(?:moving (?:to|house|away|schools?|abroad)|holiday|vacation|trip|flight|off to|"
    r"leaving for|camp|camping|exchange|new school|graduat[a-z]*|going abroad|gap year|album|premiere)(?![a-z])|"
    r"(?<![a-z])(?:excited|cant wait|so happy|celebrat[a-z]*|party|gig|concert|yay|wish me luck|hyped|finally done|"
    r"congrats|congratulations|birthday party|wedding|prom)(?![a-z])"
)
_OTHER_ADDICTION = phrases(
    r"drink|drinking|alcohol|booze|drunk|sober|sobriety|drugs|weed|vape|vaping|smoking|cigarettes|gambling|"
    r"binge|purge|purging|bulimia|anorexia|ana|restrict|restricting|eating|food|porn|coke|pills? addiction"
)
_SH_CONTEXT = phrases(
    r"sh|self~harm[a-z]*|cut|cutting|cuts|blade|blades|razor|scars?|burn|burning|hurt my~self|hurting my~self|"
    r"clean|urge|urges|relapse[a-z]*|streak"
)
_SUICIDE_CONTEXT = phrases(
    r"suicid[a-z]*|kill my~self|kms|end it|end my life|die|dead|death|dying|pills|tablets|meds|rope|bridge|jump|"
    r"goodbye|note|letters|burden|better off|gone|overdose|od|unaliv[a-z]*|sewer~slide|ctb|not be here|"
    r"sorry|forgive|decided|had enough|im done|cant (?:do|take) (?:this|it)|nobody cares|no~one cares|its over|"
    r"the end|love you all|blade|razor|cut|sh|self~harm|hurt my~self|over it|end|life|die+|disappear[a-z]*|"
    r"nobody|no~one|rope|noose|ledge|edge|roof|train|tracks|cliff|overdose|step off"
)


class _WholeText:
    """What `excused` asks about the whole text, found once per text rather than once per candidate, so that a
    text with thousands of candidates ("end it end it end it ...") costs linear time."""

    __slots__ = ("away", "first_person", "returns", "serious", "suicide_context")

    def __init__(self, text: str):
        self.first_person = FIRST_PERSON.search(text) is not None
        self.returns = _RETURN.search(text) is not None
        self.away = _AWAY.search(text) is not None
        self.suicide_context = _spread(_SUICIDE_CONTEXT.finditer(text))
        # each serious word with its first and last place, so "anything serious besides the candidate?" is cheap
        self.serious = {}
        for found in _SERIOUS.finditer(text):
            word = found.group()
            first_place = self.serious.get(word, (found.span(), None))[0]
            self.serious[word] = (first_place, found.span())

    def serious_besides(self, start: int, end: int, candidate: str) -> bool:
        """A serious word outside the candidate, and not one of the candidate's own words."""
        return any(
            word not in candidate and _outside(first_place, last_place, start, end)
            for word, (first_place, last_place) in self.serious.items()
        )


_cache = threading.local()


def _whole(text: str) -> _WholeText:
    if getattr(_cache, "text", None) is not text:
        _cache.text, _cache.value = text, _WholeText(text)
    return _cache.value


def _spread(matches):
    """The first and the last of some matches' spans, or None."""
    first_span = last_span = None
    for found in matches:
        first_span = first_span or found.span()
        last_span = found.span()
    return (first_span, last_span) if first_span else None


def _outside(first_span, last_span, start: int, end: int) -> bool:
    """Whether any of some ordered, non-overlapping matches lies outside start..end."""
    return first_span[1] <= start or last_span[0] >= end


# Blood, pills or a cut in care or an everyday mishap: "lost a lot of blood in surgery", "the nurse gave me my meds".
_MEDICAL = re.compile(
    r"(?<![a-z])(?:operation|surgery|surgeon|op|c section|midwife|caesarean|cesarean|birth|labou?r|gave birth|nosebleed"
    r"|nose "
    r"bleed|period|transfusion|blood tests?|donat(?:e|ed|ing|ion)|giving blood|gave blood|hospital|nurse|doctor|gp|"
    r"dentist|paramedics?|a and e|a&e|er|accident|crash|fell off|injury|injured|tooth|teeth|stitches|wisdom|"
    r"prescri(?:bed|ption)|pharmacy|pharmacist|vet)(?![a-z])"
)
_MEDICAL_CUES = re.compile(r"blood|bled|bleed|pill|tablet|meds|medication|cut|stitch|wound")
_SELF_INFLICTED = re.compile(
    r"(?<![a-z])(?:my~?self|on purpose|deliberately|again|relapse|want|wanna|gonna|going to|kill|die|end it|"
    r"suicid|sh|all (?:my|the|of)|whole|every|bottle|packet|box|handful|overdose|od)(?![a-z])"
)


# Means or a note got rid of, which is protective: "burned the letter, i dont need it anymore", "gave my blades to
# my mum", "flushed the pills".
_DISCARDED = re.compile(
    r"(?<![a-z])(?:burned|burnt|burn|threw|thrown|throw|ripped|tore|torn|binned|flushed|got rid of|getting rid of|"
    r"handed|gave|give|given|shredded|deleted)(?![a-z])[^.!?\n]{0,30}(?<![a-z])(?:it|them|the (?:letter|note|pills|"
    r"blades?|razors?|rope)|my (?:letter|note|pills|blades?|razors?|rope|stash))(?![a-z])"
)


def excused(text: str, match, ideation: bool = False, cue: bool = False) -> bool:
    """Whether a candidate reads, in its sentence, as the past, someone else, awareness, fiction or a joke."""
    whole = _whole(text)
    start, end = match.start(), match.end()
    sentence_start, sentence_end = sentence_bounds(text, start, end)
    sentence = text[sentence_start:sentence_end]
    before = text[sentence_start:start]
    found = match.group()
    now = NOW.search(sentence) is not None
    if _FICTION.search(before) or (_FICTION.search(sentence) and not (now and FIRST_PERSON.search(found))):
        return True
    if _REPORTED.search(before) and not _I_REPORT.search(before):
        return True
    if _someone_else(before, found):
        return True
    if cue and found.startswith(("dont need", "wont need", "will not need")) and _DISCARDED.search(sentence):
        return True  # "today i burned it, i dont need it anymore": means or a note discarded
    if _MEDICAL_CUES.search(found) and _MEDICAL.search(sentence) and not _SELF_INFLICTED.search(sentence):
        return True  # "lost a lot of blood during the operation", not "took the pills on purpose"
    if _NEEDS_SUBJECT.match(found) and not (whole.first_person or _SELF_EVIDENT.search(found)):
        return True  # "jump now!" in a game: no one is the subject; "kms" and "unalive" name the writer
    if found.startswith("suicid") and _ABOUT_SUICIDE.search(before):
        return True  # "died by suicide today", "a talk on suicide tonight"
    if ADDRESSING.search(before) or _HYPOTHETICAL.search(before) or _NEGATED_BEFORE.search(before):
        return True
    if DENIED.search(sentence):
        return True
    if not now and PAST.search(sentence):
        return True
    resisted = _RESISTED.search(sentence)
    if resisted and (not now or not _FORWARD.search(sentence, resisted.end())):
        return True  # "had urges to sh tonight but texted my friend instead"; not "... but tonight i will"
    if whole.returns and _FAREWELL_WORDS.search(found):
        return True
    if whole.away and _ABSENT.search(found):
        return True  # "i wont be around next week, going camping"
    if _RELAPSE.search(found) and _OTHER_ADDICTION.search(text) and not _SH_CONTEXT.search(text):
        return True
    if not cue and _VAGUE_ACT.search(found) and not _CLEAR_ACT.search(found):
        if _HABIT_AFTER.match(text, end):
            return True
        context = whole.suicide_context
        if context is None or not _outside(*context, start, end):
            return True
    if ideation and sentence.rstrip().endswith("?") and _HELP_QUESTION.search(sentence):
        return True
    return _joking(text, sentence, match, whole)


def _joking(text: str, sentence: str, match, whole: _WholeText) -> bool:
    """Hyperbole: a trivial cause, or laughter about something small, and nothing that says it is serious."""
    found = match.group()
    if _TRIVIAL_FRAME.search(sentence):
        return not whole.serious_besides(match.start(), match.end(), found)
    laughing = _LAUGH.search(sentence) or (len(text) < 160 and _LAUGH.search(text))
    sobbing = _SOBBING.search(sentence) and _TRIVIA.search(sentence)
    if not (laughing or sobbing):
        return False
    if whole.serious_besides(match.start(), match.end(), found):
        return False
    return bool(_WEAK_ACT.search(found) or _TRIVIA.search(sentence))


def _someone_else(before: str, found: str) -> bool:
    """The nearest person before a candidate that has no subject of its own is someone else ("she is ending it")."""
    if FIRST_PERSON.search(found):
        return False
    people = THIRD_PERSON.findall(before)
    return bool(people) and people[-1] not in {"i", "im", "ive", "ill", "id", "me", "my", "myself", "mine"}


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence around a match begins and ends (at . ! ? or a line break), at most 200 characters out."""
    low = max(0, start - 200)
    left = max(text.rfind(c, low, start) for c in ".!?\n")
    right_candidates = [i for i in (text.find(c, end, end + 200) for c in ".!?\n") if i != -1]
    right = min(right_candidates) + 1 if right_candidates else min(len(text), end + 200)
    return max(left + 1, low), right


def sentence_of(text: str, start: int, end: int) -> str:
    first_char, last_char = sentence_bounds(text, start, end)
    return text[first_char:last_char]
