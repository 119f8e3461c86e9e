"""Self-harm and suicide: a crisis now, talk of the past and of recovery, cruelty aimed at others, methods.

Safe-messaging guidance separates these, and so does this detector:

- "crisis": the writer may harm themselves now or soon: first person with intent, a plan or means at hand, a
  timeframe, a goodbye, an attempt in progress, or a first-person request for means.
- "method": how to harm oneself: requests for means, doses, places or techniques, or details of them.
- "recovery" / "self_harm_mention": the writer's own past, their recovery, bereavement by suicide. These
  go behind a content warning and are never refused.
- "harassment": encouragement of self-harm aimed at someone else ("kys", "nobody would miss you").

How a crisis is recognised, by phenomenon rather than by phrasing:

1. Statements that are enough on their own (`_INTENT`, `_IDEATION`): the writer as subject ("i", "im",
   "ill", or no subject at the start of a sentence: "gonna kms") + an intent ("going to", "wanna", "ready
   to", "thinking about", "cant stop thinking about") + an act in any of its names (`_ACTS`: "kill myself",
   "kms", "unalive", "sewerslide", "ctb", "end it all", "not wake up", "cut", "relapse", ...); an act with a
   timeframe ("tonight", "after the exam", "before my birthday"); a goodbye or last message; an attempt in
   progress ("ive taken all my pills", "standing on the ledge"); means put by for it; passive ideation
   ("i dont want to be here anymore", "i wish i could just not wake up"); the same in Spanish, French,
   German, Portuguese and Italian.
2. Warning signs that are not enough alone but are together (`_CUES`, `_enough`): hopelessness, feeling a
   burden, "im done", farewell words ("sorry for everything", "thanks for everything"), putting affairs in
   order (notes written, things given away, someone to look after the cat), means at hand, a plan or a
   decision, a death wish (🪦), an urge to self-harm, a near-future timeframe, talk of suicide. Two kinds of
   sign make a crisis; a timeframe or talk of suicide only counts beside a sign that points at an act.
3. A second opinion (`_Model`): a small logistic-regression model trained at import from
   `data/self_harm_training.tsv` (written for this project; nothing is downloaded). It only confirms a
   crisis when the rules saw exactly one warning sign in a first-person text and its probability is at
   least MODEL_THRESHOLD; it never raises a crisis alone. Without scikit-learn the rules work alone.

Every candidate is then read in its sentence (`_excused`): talk about the past, an urge resisted, someone
else's words ("my friend said 'i want to die'"), awareness ("if you feel like ending it, call..."),
hypotheticals, fiction and media, negations ("im not going to hurt myself") and hyperbole ("i wanna die 😂",
"id rather die than wear that", "if i have to sit through one more lecture i'll kms") are not a crisis.

For library search (`kind="search"`), a query is a few words typed by a reader, not a post: any crisis
term at all (a bare "suicide", "self h@rm") is reported as "crisis", because a false alarm only shows
helplines above the results. That is the one crisis vocabulary search and screening share.
"""

import itertools
import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path

from ..decision import Label
from ..text import Normalised, normalise
from .phrasing import first, label, phrases, readings

logger = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "data"


# ---------------------------------------------------------------------------------------------------------
# Vocabulary. In these fragments a space is any run of non-letters and "~" an optional one (see phrasing).

_NUMBER = (
    r"(?:[0-9]+|a (?:few|couple|dozen|handful|bunch|load)|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|dozens|half)"
)
# More than anyone takes as a dose: "took 30 pills", "a handful of tablets", not "took two paracetamol".
_MANY = (
    r"(?:[5-9]|[1-9][0-9]+|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|a hundred|dozens|a dozen)"
)
_DRUGS = (
    r"(?:pills?|tablets?|tabs|meds|medications?|medicines?|painkillers|paracetamol|acetaminophen|tylenol|ibuprofen|"
    r"advil|nurofen|aspirin|codeine|tramadol|oxy|oxycodone|opioids|morphine|fentanyl|xanax|valium|diazepam|"
    r"benzos|sertraline|zoloft|prozac|fluoxetine|citalopram|escitalopram|amitriptyline|antidepressants|"
    r"sleeping (?:pills|tablets)|sleep meds|benadryl|diphenhydramine|insulin|lithium|quetiapine|seroquel|"
    r"antihistamines|nyquil|pastillas|pildoras|cachets|comprimes|medicaments|tabletten|comprimidos|remedios|"
    r"pillole|compresse|farmaci)"
)
_TIME = (
    r"(?:tonight|tonite|2nite|today|tomorrow|tmrw|tmr|tmrrw|rn|right now|now|soon|later|this (?:weekend|week|"
    r"evening|time|friday|saturday|sunday|monday|tuesday|wednesday|thursday)|on (?:mon|tues|wednes|thurs|fri|satur|"
    r"sun)day|(?:mon|tues|wednes|thurs|fri|satur|sun)day|next week|at midnight|in (?:an|one|a few|[0-9]+) "
    r"(?:hours?|minutes?|mins|days)|after (?:school|class|the exams?|my exams?|exams|everyone|my (?:parents|mum|mom|"
    r"dad|family)|they|dinner|work|this|tonight|christmas|my birthday|results day)|before (?:my birthday|christmas|"
    r"the weekend|(?:the )?morning|sunrise|school|the end of|anyone|they|my (?:parents|mum|mom|dad|results|exams?))|"
    r"by (?:friday|saturday|sunday|monday|tuesday|wednesday|thursday|the weekend|tomorrow|morning|next week|"
    r"the end of)|when (?:everyone|my (?:parents|mum|mom|dad|family)|they|the house) (?:is|are|goes|go|gets|leave)|"
    r"when (?:everyones|everybodys|my parents are|theyre|the house is) (?:asleep|out|gone|away|in bed)|"
    r"once (?:everyone|they|my (?:parents|mum|mom|dad))|esta noche|hoy|manana|ce soir|cette nuit|demain|"
    r"heute(?: nacht| abend)?|morgen|esta noite|hoje|amanha|stasera|stanotte|domani)"
)
# Near-future words that make a sentence about now even when it also mentions the past ("i used to, but
# tonight i will again").
_NOW = phrases(
    r"tonight|tonite|2nite|right now|rn|tomorrow|tmrw|this (?:weekend|time)|again tonight|for real this time|"
    r"last night|yesterday|this morning|earlier today|an hour ago|(?:a few|[0-9]+|ten|twenty) (?:minutes|mins|"
    r"hours) ago|just now|i just (?:took|swallowed|cut|did it|tried)|ive just|i have just|"
    r"(?:going to|gonna|will|ll|want to|wanna|about to) {w3}again|esta noche|ce soir|heute nacht|stasera"
)

_SUICIDE = (
    r"suicide(?! (?:prevention|awareness|hotline|helpline|line|support|month|week|day|talk|research|rates?|squad|"
    r"forest|note was|notes? from|training|first aid|statistics|stats|campaign|charity|walk|fundraiser|"
    r"assembly|talks?|workshop|lesson|class|module|course|survivors?|loss|bereavement))"
)
# "cut" alone, not "cut my hair", "cut class", "cut the cake", "cut back on sugar"
_CUT = (
    r"cut(?! (?:my|the|a|an|your|his|her|their|it|them|off|out|down|back|up|in|class|school|ties|through|corners|"
    r"onions|paper|fabric|and|me|you|him|someone|people|to|from|into|loose|across|short|open|costs|something|some|"
    r"those|these|this|that|stuff|fruit|wood|grass|hair|nails|cake|bread|pizza|spending|carbs|sugar|caffeine|"
    r"friends|contact|lessons|class)(?![a-z]))"
)
# What the writer might do to themselves: after "to", "gonna", "will", "ill" (base form) ...
_ACTS = (
    r"kill~my~self|kill me~self|kms+|end my~self|off my~self|neck my~self|delete my~self|rope(?! (?:in|you|them|"
    r"him|her|off|into|swing|bridge|course|ladder))",
    r"end (?:my (?:own )?life|it all|everything|things|it|the pain|my pain|my suffering|my existence)"
    r"(?! (?:with|between|for (?:him|her|them|us)|off|up|early|on a|in my|of my|of the))|end this(?=[^a-z0-9]*(?:$|"
    r"[.!,?]|now|tonight|today|for good|forever|once|and|i |im |already|pain|life|misery|suffering))",
    r"take my (?:own )?life|take my~self out|unaliv[a-z]*(?: my~self)?|commit (?:suicide|sudoku|toaster bath|"
    r"die|neck rope|self delete)",
    _SUICIDE + r"|sewer~slide|ctb|self~delete",
    r"(?:hang|hurt|cut|burn|drown|shoot|poison|stab|suffocate|strangle|gas) my~self",
    r"(?:throw|yeet|fling|launch) my~self (?:off|in front|under|into)|step in front of (?:a|the) (?:train|bus|car|"
    r"truck|lorry|tram)|walk into (?:traffic|the (?:sea|ocean|river|lake))|drive (?:my car |the car )?(?:off|into) "
    r"(?:a|the) (?:cliff|bridge|wall|tree|river|lake|traffic|oncoming)|crash my car (?:on purpose|into)",
    r"jump (?:off|from|in front of|under) {w3}(?:bridge|building|roof|cliff|train|car|bus|balcony|window|tracks|"
    r"car park|tower|ledge|overpass|top)",
    r"jump(?! (?:in|into|on|onto|at|to|up|over|the|a|rope|ship|around|back|for|out|down|ahead|right|straight|"
    r"high|off (?:the )?(?:sofa|bed|couch)|scare|start|queue|the gun|with|and|together|again)(?![a-z]))",
    r"(?:take|have) the (?:forever|long|eternal|permanent) (?:nap|sleep)|go to sleep forever|"
    r"(?:take|swallow|down) every (?:single )?(?:pill|tablet|med)|(?:take|swallow) everything in (?:the|my) "
    r"(?:house|cabinet|drawer|medicine)|"
    r"overdose|od|(?:take|swallow|down|drink) (?:all|every one|every single one|the whole|a whole|the rest) "
    r"(?:of )?(?:my |the |those |these )?(?:" + _DRUGS[3:-1] + r"|bottle|packet|box|pack|strip|lot)",
    r"(?:slit|cut|open) my (?:wrists?|arms?|throat|veins?)|cut(?: my~self)? (?:again|deeper|deep)|"
    r"cut(?:ting)? my (?:wrists?|arms?|legs?|thighs?|skin|stomach|hips?)",
    _CUT,
    r"make (?:it|the pain|everything|it all|this|all of this|all this|the hurt) (?:stop|end|go away)(?! (?:hurting "
    r"so much|so i can))|end up (?:in|under|on|at the bottom of) (?:the )?(?:river|sea|canal|lake|tracks|a grave|"
    r"the ground|a coffin|a box)|"
    r"sh|s~h|self~harm|self~injure|relapse|do it|go through with it|try again|make sure (?:i|it) (?:do|does|happens|"
    r"works)|attempt(?: again)?(?! (?:the|a|an|to|"
    r"it|this|that|my|another|one|some|any|[a-z]+ing)(?![a-z]))|🔪|🪦|⚰|🪢",
)
# ... and the wishes that hyperbole and predictions borrow ("im going to die of embarrassment", "im gonna
# sleep forever after this exam"): only with a wish or an intent ("want to", "ready to"), never "going to".
_WISHES = (
    r"die+(?! (?:my|your|her|his|it|the) (?:hair|fringe|roots|clothes|shirt|jeans|shoes|eyebrows|beard)|"
    r"(?: (?:old|happy|laughing|of|from|on (?:this|that) hill|a little|a bit|inside|hard|for)(?![a-z])))",
    r"be dead|not (?:be|exist|live) (?:here|any~more|alive|any longer)|stop existing|cease to exist|"
    r"no longer (?:exist|be here|be alive)|not wake up|never wake up|go to sleep forever|sleep forever|"
    r"fall asleep (?:forever|and never wake up)|(?:take|have) the (?:forever|long|eternal|permanent) (?:nap|sleep)|"
    r"disappear(?: forever| for good| permanently)?(?! (?:under|into my|for a|for (?:the|a few|two|three)|to my|"
    r"off|from (?:social|instagram|tiktok|the internet|school|the group)|after|until|till))|vanish(?: forever)?|"
    r"leave (?:this (?:world|earth|life)|for good)|"
    r"give up on (?:life|living)|log off (?:forever|for good|permanently)|be gone(?: forever| for good)?",
)
# ... and after "im", "thinking about", "feel like", "planning on" (the -ing form).
_ACTS_ING = (
    r"killing my~self|kms|ending (?:my (?:own )?life|it all|everything|things|it|this|my~self)"
    r"(?! (?:with|between|for|off|up|early))|taking my (?:own )?life|offing my~self|unaliving(?: my~self)?|"
    r"committing (?:suicide|sudoku|toaster bath)|" + _SUICIDE + r"|sewer~sliding|(?:hanging|hurting|cutting|burning|"
    r"drowning|shooting|poisoning|stabbing|suffocating|gassing) my~self|jumping (?:off|from|in front)|"
    r"throwing my~self|overdosing|oding|self~harming|relapsing|"
    r"cutting(?! (?:my hair|the|class|school|onions|off|out|down|back|it|up|ties|corners|costs|people))|"
    r"(?:taking|swallowing) (?:all|the whole|every) {w2}(?:" + _DRUGS[3:-1] + r"|bottle|packet)|"
    r"doing it|going through with it|sewer~slide|ctb|kms+|unalive|self~harm|sh|the forever nap",
)
_THOUGHT_OF = r"(?:a rope|the (?:bridge|tracks|pills|rope|blade|train|edge)|jumping|pills|my funeral)"
_WISHES_ING = (
    r"dying|not waking up|never waking up|disappearing(?: forever)?|death|being dead|not being here|"
    r"not existing|leaving this world",
)
_ACT = "(?:" + "|".join(_ACTS) + ")"
_WISH = "(?:" + "|".join(_WISHES) + ")"
_ACT_ING = "(?:" + "|".join(_ACTS_ING) + ")"
_WISH_ING = "(?:" + "|".join(_WISHES_ING) + ")"
# Acts that hyperbole borrows most ("i wanna die 😂", "kms lol"), and acts that need a suicidal context.
_WEAK_ACT = re.compile(
    r"(?<![a-z])(?:die+|dying|be dead|dead|disappear[a-z]*|vanish|kms|do it|doing it|try again|jump|rope|od|"
    r"sleep forever|🪦|⚰|🔪|🪢|go through with it)(?![a-z])"
)
_VAGUE_ACT = re.compile(r"(?<![a-z])(?:do it|doing it|try again|attempt|go through with it|od|rope|make sure)(?![a-z])")
# Acts that name the writer as the one harmed, so need no "i" beside them ("kms tonight", "sewerslide rn").
_SELF_EVIDENT = re.compile(r"kms|my[^a-z0-9]*self|unaliv|sewer|ctb|my (?:own )?life|my wrist|🪦|⚰")
# Words that make an act plain whatever else it says: "the rope is tied", "ive taken all the pills".
_CLEAR_ACT = re.compile(
    r"kill|kms|suicid|unaliv|sewer|ctb|my life|pill|tablet|meds|noose|blade|razor|bleed|ledge|edge|bridge|roof|"
    r"overdos|hang|poison|bleach|wrist|note|letter|goodbye|rope is|the rope|my[^a-z0-9]*self|🪦|⚰"
)
_NEEDS_SUBJECT = re.compile(
    r"(?:jump|cut|do it|doing it|od|rope|end (?:it|this|things|everything)|ending|die|dying|attempt|try again|"
    r"relaps|overdos|sh|hurt|burn|suicid|disappear|take|swallow)(?![a-z])"
)
_ABOUT_SUICIDE = re.compile(r"(?<![a-z])(?:by|of|from|to|about|on|against|after|prevent|preventing)[^a-z0-9]+$")
_RELAPSE = re.compile(r"relaps")

# "i", "im", "ill", "ive", "id", then up to three words that add no one else and negate nothing ("i really
# honestly just want to", "im so fucking ready to"); "i m" when a normaliser left the apostrophe as a space.
_SUBJECT = r"(?:i|im|i m|i am|ive|i ve|i have|ill|i ll|i will|id|i d|i would|i shall|1)"
# Atomic (it never gives a word back), so no word here may begin an intent ("have to", "feel like").
_GAP = (
    r"(?>(?:(?:really|honestly|just|seriously|actually|literally|genuinely|truly|so|fucking|fkn|fking|kinda|"
    r"lowkey|highkey|think|guess|swear|promise|been|do|also|still|totally|definitely|def|prob|probably|finally|"
    r"sometimes|often|always|kind of|sort of|now|today|tonight|already|ngl|tbh|fr|legit|deadass|absolutely|"
    r"completely|officially|know|very|too|rly|rlly|srsly|hella|mf|lowk|highk|almost|mostly) ){0,3})"
)
_FILL = (
    r"(?:(?:just|really|finally|actually|literally|fucking|fkn|fking|effing|go|and|try|to|simply|quietly|"
    r"seriously|probably|definitely|legit|lowkey|highkey|kinda|so|all|honestly|maybe|prob|def|straight up|ngl|"
    r"tbh|fr|gonna|be able to|get to|finally be able to|be brave enough to|(?:find|get|have|work up|build up|"
    r"muster) (?:the|enough) (?:guts|courage|nerve|strength|balls) to) )"
)
# Intents that look forward ("going to", "will") take the acts; wishes ("want to") take the wishes too.
_PREDICT = (
    r"going to|goin to|gonna|gona|gunna|gon|gna|finna|fixing to|bout to|about to|ima|imma|will|shall|might|"
    r"may|(?:will|ll|gonna|going to) (?:finally|actually|really)"
)
_DESIRE = (
    r"want to|wanna|wana|want 2|wan to|need to|needa|gotta|got to|have to|hafta|ready to|decided to|deciding to|"
    r"plan to|planning to|intend to|intending to|trying to|tryna|try to|wish i could|wish to|should|would rather|"
    r"rather|urge to|tempted to|so close to|close to|cant wait to|looking forward to|dying to|itching to|"
    r"allowed to|meant to|supposed to|choosing to|choose to|chose to|just want to|honestly want to"
)
_MODAL_ING = (
    r"(?:thinking (?:about|of)|considering|contemplating|planning on|plan on|feel like|feeling like|close to|"
    r"cant stop thinking about|keep thinking about|obsessing (?:over|about)|fantasi[sz]ing about|dreaming (?:about|"
    r"of)|been (?:thinking (?:about|of)|considering|planning on)|seriously considering|on the verge of|"
    r"looking forward to|craving|leaning towards)"
)
_SENTENCE_START = r"(?:^|(?<=[.!?;:\n]))\s*(?:(?:ngl|tbh|honestly|lowkey|highkey|so|and|just|ok|okay|ugh|bro|fr|"
_SENTENCE_START += r"yeah|yea|idk|istg|fuck it|fine|well|i think|pretty sure|literally|seriously|really)\W+)?"

_INTENT = phrases(
    # first person + intent + the act, in any tense that looks forward
    # (one alternative, so that the subject and the words after it are read once)
    _SUBJECT
    + " "
    + _GAP
    + "(?:(?:"
    + _PREDICT
    + "|"
    + _DESIRE
    + ") "
    + _FILL
    + "{0,3}"
    + _ACT
    + "|(?:"
    + _DESIRE
    + ") "
    + _FILL
    + "{0,3}"
    + _WISH
    + "|"
    + _MODAL_ING
    + " "
    + _FILL
    + "{0,2}(?:"
    + _ACT_ING
    + "|"
    + _WISH_ING
    + "|"
    + _THOUGHT_OF
    + ")|(?:"
    + _PREDICT
    + "|"
    + _DESIRE
    + "|cant stop|cant help) (?:keep |keep on |just keep )?"
    + _ACT_ING
    + ")",
    r"(?:ill|i will|i ll|im gonna|im going to) " + _FILL + "{0,2}" + _ACT,
    # letters spelled out or dotted run the words together: "i w a n t t o d i e", "i.m g.o.i.n.g t.o e.n.d i.t"
    r"(?:i|im|ill|iam)(?:really|just|so)?(?:want|wanna|need|gonna|goingto|about|ready|will|am)?(?:to)?(?:die|"
    r"killmyself|kms|endit|endmylife|endthis|unalive|unalivemyself|takemylife|hurtmyself|cutmyself|overdose|"
    r"selfharm|jump)(?:tonight|now|today|tomorrow)?",
    # the act made plain with "for real", "not joking", "this time"
    r"(?:kms+|kill~my~self|end my life|unaliv[a-z]*(?: my~self)?|off my~self|sewer~slide|ctb|" + _SUICIDE + r") "
    r"{w2}(?:fr|for real|no joke|not joking|not a joke|i mean it|deadass|seriously|this time|ngl)",
    # no subject, at the start of a sentence: "gonna kms tonight", "wanna die fr", "time to end it"
    _SENTENCE_START + r"(?:gonna|going to|gon|finna|bout to|about to|ready to|time to|planning to|plan to|"
    r"decided to|tryna|might|so close to|wanna|want to|want 2|need to|gotta|cant wait to) " + _FILL + "{0,2}" + _ACT,
    _SENTENCE_START
    + r"(?:wanna|want to|want 2|need to|ready to|so ready to|cant wait to|tryna) "
    + _FILL
    + "{0,2}"
    + _WISH,
    _SENTENCE_START
    + r"(?:thinking (?:about|of)|considering|cant stop thinking about|planning on) "
    + _FILL
    + "{0,2}(?:"
    + _ACT_ING
    + "|"
    + _WISH_ING
    + ")",
    # "im ending it", "im killing myself tonight"
    r"(?:im|i am|i m) (?:ending (?:my life|it all|it|things|everything)|killing my~self|unaliving my~self|"
    r"taking my (?:own )?life|ending my~self|offing my~self)(?! (?:with|between|for|off|up|over|trying|laughing|"
    r"to|at|in|on|doing))",
    r"(?:im|i am|i m) (?:doing it|cutting|overdosing|relapsing|jumping|going through with it|taking (?:all|the "
    r"whole) {w2}(?:pills|tablets|meds|bottle)) {w2}(?:tonight|today|now|rn|right now|for real|this time|fr|again)",
    # the act and a timeframe, either way round
    _TIME
    + r" {w2}(?:i|ill|im|i will|i am|i m) (?:"
    + _FILL
    + "{0,2})(?:"
    + _ACT
    + "|"
    + _ACT_ING
    + r"|be gone|be dead|wont be (?:here|around|alive)|end it|do it)",
    r"this is the end(?! (?:of (?:the|my|this|an|our)|for (?:the|this|that|my (?:phone|laptop|team))))",
    r"(?:it|this|everything|it all|my life) (?:ends|will end|is ending|ll end|is over) {w2}" + _TIME,
    # a question that is really a decision: "is it selfish if i kill myself", "should i end it tonight"
    r"(?:is it|would it be) (?:selfish|wrong|bad|okay|ok|fine) (?:to|if i|for me to) {w1}(?:"
    + _ACT
    + "|"
    + _ACT_ING
    + ")",
    r"should i (?:just )?(?:kill my~self|kms|end it|end my life|do it tonight|unalive|jump|overdose|od)",
    r"(?:kms|kys){2,}[a-z]*",
    # goodbyes and last messages
    r"(?:this is|this will be|this ll be|heres|here is|its|it s) (?:my|the) (?:last|final) (?:post|message|"
    r"goodbye|words|entry|story|video|tweet|update|note|letter|upload|text)(?! (?:of|for|before (?:i go on|my "
    r"(?:holiday|trip|break|exams))|until|till|about|on (?:this|the) (?:topic|subject)|in (?:the|this|my) "
    r"(?:series|challenge)|here for))",
    r"(?:my )?(?:last|final) (?:post|message|words|goodbye) (?:ever|before i (?:go|leave|die|end))",
    r"(?:goodbye|bye|farewell) (?:forever|for good|for the last time|cruel world)|my (?:final|last) goodbye|"
    r"(?:this is|its) (?:my )?(?:goodbye|the end for me)|(?:bye|goodbye) i mean it",
    r"(?:you|u|yall|you all|anyone|nobody|no~one) (?:wont|will not|will never|ll never|never) (?:hear from|see|"
    r"hear) me (?:again|after)",
    r"by the time (?:you|u|anyone|someone|people|my (?:mum|mom|parents|family|friends)) (?:reads?|sees?|finds?|"
    r"gets?) this",
    r"(?:wont|will not|not gonna|not going to|wont even|am not going to|wont still) be (?:alive (?:for|by|at|on|"
    r"much longer|any~more|tomorrow|to see|for long|next|after|in the morning|when)|(?:here|around) (?:much "
    r"longer|any~more|for long|to see (?:my|the|another|next|it))|here for (?:my|the) (?:birthday|results|"
    r"christmas|exams?))",
    r"not planning on (?:being|staying) (?:here|around|alive)|my last (?:days|day|night|hours) (?:here|alive|"
    r"on earth)|last (?:days|day|night) (?:here|alive|on earth)",
    r"see you (?:all )?(?:on the other side|in another life|in the next life|in heaven)|"
    r"in case i (?:dont|never) wake up",
    r"(?:ive|i have|i) (?:just )?(?:wrote|written|writing|finished|left|leaving|typed|finishing) (?:my|a|the|all "
    r"the|all my) {w1}(?:suicide|goodbye|last|final) (?:letters?|notes?|messages?|texts?)",
    r"(?:my|the) (?:suicide|goodbye) (?:letters?|notes?) (?:is|are|will be) (?:in|on|under|next to|ready|done|"
    r"written|finished)|already (?:wrote|written|finished) (?:the|my) (?:letters|notes|goodbyes?)",
    r"(?:so|for) (?:they|you|she|he|people|my [a-z]+) (?:have|has|can have|will have) something to remember me "
    r"by|something to remember me by",
    r"(?:after|when|once) im (?:gone|dead|not here)(?! (?:on|for|to|away|out|home|shopping|with|from))",
    r"dont (?:try to )?(?:stop|find|save|look for|come looking for|try to find) me",
    r"ill be (?:gone|dead) (?:by|before|tomorrow|tonight|soon|in|when)",
    r"(?:no~one|nobody|noone) (?:will|would|is going to|gonna) (?:care|notice|miss me) (?:when|once) im (?:gone|"
    r"dead)",
    r"(?:it|this|everything|it all) (?:will|ll) (?:all )?be over (?:soon|tonight|tomorrow|by)",
    r"(?:wont|will not) (?:be a (?:problem|burden)|have to deal with me|bother (?:you|anyone)) {w2}(?:much longer|"
    r"any~more|for long|after (?:tonight|today|this))",
    r"(?:make|making) it easy for (?:them|everyone|you all|you)",
    # an attempt in progress, or means at hand for it
    r"(?:ive|i have|i ve|i|i just|just|already|(?:^|(?<=[.!?]))\s*) ?(?:just |already |now )?(?:taken|took|"
    r"swallowed|downed|had|drank|"
    r"drunk) (?:like |about "
    r"|over |nearly |almost )?(?:a lot of|lots of|a load of|loads of|heaps of|a ton of|a handful of|a bunch of|so "
    r"many|too many|all (?:of )?(?:my|the|those|these|them)|the "
    r"whole|a whole|an entire|half (?:of )?(?:a|the|my)|" + _MANY + r"|a bottle of|every|a (?:box|packet|pack) "
    r"of|everything (?:in|from))(?: of)? {w2}(?:" + _DRUGS[3:-1] + r"|bottle|packet|box|cabinet|things)",
    r"(?:in|inside) (?:my|the|mums|dads) (?:car|garage) {w6}(?:engine|motor) (?:running|on)|(?:engine|motor) "
    r"(?:is )?running {w4}(?:garage|closed|windows up)|(?:lit|lighting|burning) (?:the )?(?:charcoal|a bbq|a "
    r"barbecue) (?:in|inside) (?:my|the) (?:room|car|tent|bathroom)",
    r"(?:will|ll|gonna|going to|are going to) find (?:the|my) (?:note|notes|letters?|body)|find my body|"
    r"(?:dont|do not|not) (?:intend|plan|expect) (?:on |to )?(?:be|being|stay|staying) (?:here|around|alive)"
    r"(?! (?:for|at|when) (?:the|this|that|dinner|lunch|school|work|the party))",
    r"(?:wont|will not|will no longer|wont even) (?:exist|be alive|be breathing)(?! (?:in|on|at) (?:the|this|that) "
    r"(?:group|chat|class|team|app))|(?:dont|do not) want to be (?:saved|found|rescued|stopped|resuscitated)",
    r"planning (?:my|the) (?:own )?(?:death|suicide|funeral|exit|attempt|last day)",
    r"(?:the )?last (?:thing|things|words?|message|post|time) (?:ill|i will|youll|you will|you ll|i ll) ever "
    r"(?:write|say|post|send|hear from me|read from me|see from me)",
    r"(?:ive|i have|i) (?:just )?(?:drunk|drank|swallowed) (?:some |a bottle of |the )?(?:bleach|antifreeze|"
    r"poison|rat poison|weed killer|drain cleaner)",
    r"(?:ive|i have|i) (?:just )?(?:cut|slit) (?:my (?:wrists?|throat|arm open)|too deep|really deep)",
    r"(?:cut|cuts|gone|went) too deep|(?:wont|cant|will not|doesnt|isnt going to) stop bleeding|"
    r"(?:blood|bleeding) {w6}(?:cant|can not|cannot|wont) stop (?:it|the bleeding|the blood)|"
    r"bleeding (?:wont|will not|and cant|doesnt|isnt) stop|(?:losing|lost) (?:a lot of|so much|too much) blood",
    r"(?:standing|sitting|stood|sat|climbed|climbing) (?:on|at|onto|over|up on) (?:the|a|this|my) (?:edge|ledge|"
    r"bridge|roof|railing|rail|platform edge|tracks|cliff|balcony edge|parapet)",
    r"(?:on|at) the (?:bridge|roof|edge|ledge|tracks|cliff) (?:right )?now",
    r"(?:the )?(?:rope|noose|belt|cord) is (?:ready|tied|up|set up|hanging|around my neck)(?! (?:to|onto|on|for "
    r"the|around (?:the|a)|up (?:the|a)))|"
    r"(?:tied|tying|made|making) (?:a|the) noose",
    r"(?:the )?(?:pills|tablets|meds|blade|razor|knife|gun|rope|bottle|bleach) (?:is|are) (?:in my hands?|in front "
    r"of me|next to me|laid out|lined up|counted out|on my (?:desk|bed|lap|bedside)|in my lap)",
    r"(?:saved|saving|stockpiled|stockpiling|hoarding|hoarded|collected|collecting|counted|been saving|been "
    r"collecting) (?:up )?{w2}(?:" + _DRUGS[3:-1] + r")(?! (?:for (?:my|the) (?:trip|holiday|exams?)))",
    r"i know (?:how|when|where|exactly how) (?:i will|ill|im going to|im gonna|i want to|i am going to) do it",
    r"(?:ive|i have) (?:got )?(?:a|the) (?:date|day|time|place|spot|method) (?:picked|chosen|set|planned)",
    r"(?:picked|chose|chosen|set|decided on) (?:a|the|my) (?:date|day|spot|place|bridge|method) (?:to|for) (?:die|"
    r"do it|end it|kill my~self|jump|go)",
    # Spanish, French, German, Portuguese, Italian (accents are already undone)
    r"(?:yo )?(?:quiero|necesito|voy a|me voy a|pienso|estoy pensando en|tengo ganas de) (?:morir|morirme|"
    r"matarme|suicidarme|desaparecer para siempre|quitarme la vida|acabar con (?:todo|mi vida)|cortarme|"
    r"hacerme dano|lastimarme|tirarme)|me (?:quiero|voy a) (?:morir|matar|suicidar|cortar|quitar la vida)",
    r"(?:ya )?no quiero (?:vivir|seguir (?:viviendo|aqui|aca|con vida)|estar (?:aqui|viva|vivo)|despertar)|"
    r"no quiero vivir mas|ojala (?:no despertar|no despierte|me muera|estuviera muerta?)",
    r"(?:todos|todo el mundo|mi familia) (?:estarian|estaria|estara|estaran) mejor sin mi|"
    r"(?:esta es|este es) mi (?:ultima|ultimo) (?:publicacion|mensaje|post|despedida)|adios (?:para siempre|a todos)|"
    r"me tome (?:todas|un monton de|muchas) (?:las |mis )?(?:pastillas|pildoras)",
    r"(?:hoy|esta noche|manana|ya) me (?:quito la vida|mato|suicido)|me (?:quito la vida|mato|suicido) (?:hoy|esta "
    r"noche|manana|ya)|(?:ce soir|cette nuit|demain|aujourd hui) je me (?:tue|suicide|foutre en l~air)|je me "
    r"(?:tue|suicide) (?:ce soir|cette nuit|demain)|(?:heute|morgen|jetzt) bringe ich mich um|(?:hoje|amanha|esta "
    r"noite) (?:eu )?me mato|(?:eu )?me mato (?:hoje|amanha)|(?:vou|quero) acabar com (?:tudo|a minha vida|minha "
    r"vida)",
    r"je (?:veux|vais|voudrais|compte|pense a) (?:mourir|me tuer|me suicider|en finir|disparaitre pour toujours|"
    r"me faire du mal|me scarifier|me couper|me jeter|sauter)|j~(?:ai|en ai) (?:plus|pas) envie de vivre|"
    r"je (?:ne )?veux (?:plus|pas) vivre",
    r"mettre fin a (?:mes jours|ma vie)|en finir avec (?:la vie|tout|ma vie)|adieu (?:a tous|tout le monde|pour "
    r"toujours)|c~est (?:mon|ma) dernier? (?:message|post|publication)|tout le monde (?:serait|sera) mieux sans moi|"
    r"je vais me foutre en l~air|j~ai (?:pris|avale) (?:toutes? mes|tous mes|plein de|une boite de) "
    r"(?:medicaments|cachets|comprimes|pilules)",
    r"ich (?:will|werde|mochte|moechte|mochte einfach|will einfach) (?:sterben|mich umbringen|mich toten|mich "
    r"ritzen|mich verletzen|nicht mehr leben|nicht mehr aufwachen|springen|mir das leben nehmen)|"
    r"ich (?:bringe|bring) mich {w3}um|ich (?:will|werde|mochte|moechte) mich {w3}(?:umbringen|toten|ritzen|"
    r"verletzen|das leben nehmen)|ich will nicht mehr(?! (?:so|mit|zur|in|zu))",
    r"mir das leben (?:nehmen|zu nehmen)|ich halte es nicht mehr aus|(?:alle|jeder) (?:waren|ware|sind) besser "
    r"dran ohne mich|(?:das ist|dies ist) mein letzter (?:post|beitrag|text)|lebt wohl|"
    r"ich habe (?:alle|viele|all meine) tabletten genommen",
    r"(?:eu )?(?:quero|vou|preciso|penso em) (?:morrer|me matar|me suicidar|sumir para sempre|tirar (?:a )?minha "
    r"(?:propria )?vida|acabar com (?:tudo|a minha vida|minha vida)|me cortar|me machucar)|"
    r"nao quero (?:mais )?viver(?: mais)?|todos (?:ficariam|estariam) melhor sem mim|adeus (?:para sempre|a todos)|"
    r"(?:esse|este) (?:e|eh) (?:o )?meu ultimo (?:post|texto|recado)",
    r"(?:voglio|vorrei|sto per|devo) (?:morire|uccidermi|ammazzarmi|suicidarmi|farla finita|togliermi la vita|"
    r"farmi del male|tagliarmi|sparire per sempre)|mi (?:voglio|sto per) (?:uccidere|ammazzare|suicidare|tagliare)|"
    r"(?:stasera|stanotte|domani|oggi) (?:mi uccido|mi ammazzo|la faccio finita|mi taglio)|"
    r"non voglio (?:piu vivere|vivere piu)|tutti starebbero meglio senza di me|addio (?:a tutti|per sempre)|"
    r"questo e il mio ultimo (?:post|messaggio)",
)

# "go on", "keep going", "be here" at the end of a sentence or with "anymore": not "go on holiday".
_STILL = (
    r"(?:go on|keep going|carry on|continue|be here|be around|wake up|stay alive|survive this)(?=[^a-z0-9]*(?:[.!,?\n🪦"
    r"⚰😔😞💔🖤]|$|any~more|any longer|like this|now|on this "
    r"earth|in this world|living|tomorrow(?! (?:early|at|morning))|ever again|for much longer))"
)
# The act, then a timeframe: "kms tonight", "ending it after the exam". Searched only just before each
# timeframe word (`_TIME_WORD`), which is much cheaper than trying every act at every word.
_ACT_THEN_TIME = phrases(_ACT + r" {w3}" + _TIME + r"(?![a-z])", _ACT_ING + r" {w3}" + _TIME + r"(?![a-z])")
_TIME_WORD = phrases(_TIME)
_BEFORE_TIME = 90  # characters before a timeframe in which the act is looked for

# Passive ideation and hopelessness about life itself: strong, but "how do I tell my therapist that ..." is a
# question about getting help, not a crisis (README: dark thoughts with no intent, put as a question).
_IDEATION = phrases(
    r"i {w2}(?:dont|do not|no longer|dont really|dont even|really dont|honestly dont|just dont) (?:want|wanna|"
    r"wish|care) to (?:live(?! (?:in|with|at|here|there|near|like that|on|under|next|together|alone))|be alive|"
    r"exist|keep living|be in this world|survive(?! (?:this (?:week|term|exam|class)))|see tomorrow|"
    r"see another day|be on this earth|" + _STILL + ")",
    r"i (?:wish|hope) i (?:was|were|could be|would be) dead|i (?:wish|hope) i (?:had|d) never (?:been born|existed|"
    r"woken up)|i (?:wish|hope) i (?:was|were|had been) never born|i wish i (?:didnt|did not|wouldnt) (?:exist|wake up"
    r"|wake)|i hope i (?:dont|never|wont|do not) "
    r"wake up|(?:hope|wish) i die in my sleep|i (?:wish|hope) (?:i could|to) (?:just )?(?:die|disappear forever|"
    r"not wake up|never wake up|stop existing|not exist|sleep forever|fall asleep forever|vanish)",
    r"(?:theres|there is|there s|i see|i have|i got|ive got) no (?:point|reason|use) (?:in|to|of) (?:living|life|"
    r"live|being alive|going on|staying|being here|existing|waking up|carrying on)|whats the point (?:of|in) "
    r"(?:living|life|being alive|going on|waking up)|no reason to (?:live|stay|keep going|be alive)",
    r"i (?:dont|do not|cant|cannot) see (?:a|any|the) (?:point|reason) (?:in|to|of) (?:living|life|going on|"
    r"being alive)",
    r"(?:everyone|everybody|they|my family|my friends|the world|people|my parents|my (?:mum|mom|dad)) (?:would|"
    r"will|d|are|is|ll) (?:be )?(?:so much |much |way |all )?(?:better|happier) (?:off )?(?:without me|if i (?:was|"
    r"were|wasnt|werent) (?:gone|dead|here|around|alive)|when im gone|if i died|once im gone)",
    r"(?:life|living|my life) (?:isnt|is not|aint|is no longer) worth (?:it|living) (?:any~more|now|for me)|"
    r"(?:life|my life) (?:isnt|is not|aint) worth living",
    r"i (?:hate|am tired of|m tired of|cant stand) (?:being alive|living|existing|waking up every day)"
    r"(?! (?:in|with|at|here|there|near|like|on|under|next|so|together))|im (?:so |really |just )?(?:tired|sick|"
    r"exhausted) of (?:being alive|living|existing|life|waking up)(?! (?:in|with|at|here|there|near|like|on|"
    r"under|next|so|together|early))",
    r"im (?:so |really |just )?(?:done|finished) (?:with )?(?:life|living|being alive|existing|this life|"
    r"everything and everyone)",
    r"i (?:shouldnt|should not|dont deserve to|do not deserve to) (?:be alive|exist|live|have been born|be here)",
    r"i (?:cant|can not|cannot) (?:keep living|live like this|do life any~more|keep fighting|hold on any (?:longer|"
    r"more)|handle (?:life|being alive) any~more|" + _STILL + ")",
    r"i (?:just )?(?:want|need|wish) (?:everything|the pain|all of this|it all|my life|life|all of it|this life) "
    r"(?:all )?to (?:end|stop|be over)(?! (?:so i can|and then))",
    r"i (?:give up on|gave up on|am giving up on|m giving up on) (?:life|living|everything)|"
    r"im (?:giving|going to give) up on (?:life|living)",
    r"(?:suicide|dying|death|killing my~self|ending it|ending my life|kms|unaliving) (?:is|seems|feels like) "
    r"(?:the|my) only (?:way out|option|answer|choice|way|solution)",
    r"im (?:feeling )?(?:really |so |very |actually |seriously )?suicidal(?! (?:thoughts|ideation|feelings|"
    r"phase|before|when|back))|i (?:feel|am feeling|m feeling|been feeling|ve been feeling|have been feeling) "
    r"(?:really |so |very )?suicidal(?! (?:thoughts|ideation|feelings))",
    r"(?:want|wanna) to (?:go to )?sleep (?:forever|and never wake up|and not wake up)|"
    r"(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up",
    r"(?:i|im) (?:so |really )?(?:ready|want|wanna) to leave this (?:world|earth|life)",
    r"(?:want|wanna|need|wish|going|ready|gonna) (?:to )?(?:just )?(?:rest|sleep|disappear|vanish|stop|switch off|"
    r"turn off|shut down|fade away|fade|be gone|go away|not come back) (?:forever|for good|permanently|for ever)|"
    r"(?:want|need|wish) (?:it|everything|my brain|my head|my mind|this|the noise|the pain) (?:all )?(?:to )?"
    r"(?:be )?(?:switched off|turned off|shut off|to stop|gone|over) (?:forever|for good|permanently)",
    r"(?:i have|ive got|i got|i ve got|theres|there is) nothing (?:left )?to live for|no reason (?:left )?to (?:live|"
    r"stay alive|keep living)",
    r"(?:dont|cant|do not|can not|cannot) (?:see|imagine|picture) (?:myself|me) (?:getting older|growing up|making "
    r"it (?:to|past|through)|living (?:past|to|beyond|much longer)|alive (?:in|at|by|next)|reaching|turning "
    r"[0-9]+|at [0-9]+|being alive|having a future|in (?:a|the|five|ten) (?:year|years))",
    r"(?:sleep|close my eyes|drift off|fall asleep) and (?:never|not) (?:come back|return|open them again)",
    r"i {w2}(?:dont|do not|dont even) (?:want|wanna|expect|plan) to (?:see|make it to|live to see|be here for|be "
    r"alive for) (?:another|tomorrow|the (?:morning|weekend|new year|summer)|next (?:week|year|month)|my (?:next )?"
    r"birthday|christmas|(?:mon|tues|wednes|thurs|fri|satur|sun)day)",
    r"(?:everyone|everybody|they|my family|my friends|my parents|my (?:mum|mom|dad)|people) (?:would|will|d|ll) "
    r"(?:cope|manage|do|get on|live|be) (?:so much |much |way |a lot )?(?:better|happier|easier|fine) (?:off )?"
    r"without me",
    r"(?:je n~ai|jai|j ai|je nai) plus (?:de|aucune) raisons? de vivre|(?:no tengo|ya no tengo) (?:ninguna )?razon "
    r"(?:para|de) vivir|(?:ich habe|hab) keinen grund (?:mehr )?zu leben|nao tenho (?:mais )?(?:nenhum )?motivo "
    r"(?:para|pra) viver|non ho (?:piu )?(?:nessun )?motivo per vivere",
    r"(?:cant|can not|cannot|wont) promise (?:ill|i will|i ll|that ill) (?:be alive|be here|still be here|still be "
    r"alive|make it|wake up|be around) (?:tomorrow|tonight|next|by|in the morning|much longer)",
    r"(?:dormir|irme|desaparecer) (?:y no despertar|para siempre|y no volver)|no despertar nunca mas|"
    r"disparaitre (?:pour de bon|pour toujours|a jamais)|dormir pour toujours|(?:dass )?alles aufhort,? fur immer|"
    r"fur immer (?:schlafen|verschwinden|weg sein)|(?:sumir|dormir|desaparecer) (?:pra|para) sempre|nao acordar "
    r"mais|(?:che )?tutto finisca (?:stanotte|stasera|per sempre|oggi)|(?:sparire|dormire) per sempre|"
    r"non svegliarmi piu",
)

# Warning signs: not a crisis alone, but two kinds together are (see _crisis).
_CUES = {
    "hopeless": phrases(
        r"(?:theres|there is|i see) no (?:point|hope|way out|future|light)|whats (?:even )?the point(?! of "
        r"(?:this|that) (?:game|rule|class|lesson|homework|app))|no way out|i (?:have|got|ve got) nothing (?:left|"
        r"to live for)|nothing (?:will ever|is ever going to|is going to|will) (?:change|get better|be okay)|"
        r"(?:it|things) (?:will|is) never (?:get|going to get|gonna get) better|hopeless|i give up(?! on (?:this "
        r"(?:game|level|puzzle|recipe)|maths|math))|i (?:cant|cannot) do this any~more|i cant (?:take|handle) "
        r"(?:it|this|much more) any~more|i (?:cant|cannot) (?:anymore|cope)|too tired to (?:keep )?(?:fight|"
        r"fighting|try|trying|go on)|nothing matters any~more|i dont care (?:about anything )?any~more|"
        r"i dont want to do this any~more|(?:ya )?no (?:puedo|aguanto) mas|je n~en peux plus|ich kann nicht mehr|"
        r"nao aguento mais|non ce la faccio piu"
    ),
    "burden": phrases(
        r"(?:im|i am|i m|i feel like|i feel like im|ive become) (?:such |just |only |nothing but |always )?(?:a|the) "
        r"(?:burden|waste of (?:space|air|oxygen)|problem|mistake)(?! (?:of|in) (?:the )?(?:maths|team|group))|"
        r"(?:no~one|nobody|noone) (?:would|will|is going to|gonna) (?:care|notice|miss me|cry|even notice|even care)|"
        r"(?:stop|stopped) being (?:a|the) (?:problem|burden|disappointment|weight) (?:for|to|on) "
        r"(?:everyone|everybody|you all|my family|them)|(?:tired|sick) of being (?:a|the|such a) (?:disappointment|"
        r"failure|burden|problem|letdown)|"
        r"(?:no~one|nobody|noone) (?:cares|would care|will care) (?:about me|if i)|who (?:would|will) (?:even )?"
        r"(?:come to|cry at|go to|miss me at) my funeral|would (?:anyone|anybody|"
        r"people|you) (?:even )?(?:care|notice|miss me) if i|(?:they|everyone|my family) (?:would|will|d) "
        r"(?:be )?(?:fine|okay|ok|relieved) without me|(?:wont|will not) have to (?:deal with|worry about) me|"
        r"soy una carga|je suis un fardeau|ich bin (?:eine|nur eine) last|sono un peso|sou um peso"
    ),
    "done": phrases(
        r"(?:im|i am|i m) (?:so |just |really |fucking |honestly )?(?:done|finished)(?=[^a-z0-9]*(?:[.!,\n🪦⚰]|$| i | "
        r"with (?:everything|it all|all of (?:this|it)|trying|fighting|pretending|this world|people|everyone)))|"
        r"(?:ive|i have|i ve) had enough(?! (?:of (?:this )?(?:weather|rain|homework|school|work|exams|revision|"
        r"him|her|them|you|food|pizza|coffee|sleep)))|(?:tired|sick|exhausted) of (?:everything|fighting|trying|"
        r"it all|all of (?:this|it)|pretending)|this is it(?=[^a-z0-9]*(?:[.!,\n]|$))|its (?:all )?over for me|"
        r"(?:the )?end of the (?:road|line) for me|(?:my|the) time is up|game over for me|"
        r"(?:done|tired of) (?:fighting|trying) (?:any~more|to stay)|cant (?:fight|hold on) (?:any~more|any longer)|"
        r"(?:im|i am) (?:so |just |really |so so )?(?:tired|exhausted)(?=[^a-z0-9]*(?:[.!\n]|$))"
    ),
    # farewell words
    "goodbye": phrases(
        r"(?:goodbye|bye|farewell) (?:everyone|everybody|all|guys|yall|friends|world|my friends|to all)|"
        r"(?:i )?love (?:you all|u all|yall|you guys|you so much mum|you mum|you mom|you dad|you)(?=[^a-z0-9]*$)|"
        r"(?:i )?love (?:you all|u all|yall|you guys)|"
        r"(?:im |i am )?(?:so )?sorry (?:for everything|mum|mom|mam|dad|everyone|guys|to everyone|for being "
        r"(?:a burden|like this|such a))|(?:im|i am) (?:so )?sorry(?=[^a-z0-9]*$)|(?:thank you|thanks) (?:all )?"
        r"for everything|(?:please )?forgive me|dont (?:blame|be sad|cry|hate) (?:yourself|yourselves|for me|over "
        r"me)|(?:its|it s|it was) not (?:your|anyones|his|her|their) fault|remember me|"
        r"(?:it was )?nice knowing (?:you|yall|everyone|u|some of you)|signing off|peace out (?:everyone|all|guys|"
        r"yall|world)|(?:this is|its) the last time|(?:my )?(?:final|last) (?:post|message|words|text|update)|"
        r"(?:time|its time) (?:for me )?to (?:go|say goodbye)(?! (?:to (?:school|bed|work|class)|home|out|"
        r"shopping|now|back))|(?:last|final) (?:goodbye|words)|(?:wont|will not|not gonna|not going to) be "
        r"(?:here|around) (?:tomorrow|by|for|next|after|in the morning|when|on)|addio|adios|adieu|adeus|lebt wohl|"
        r"my (?:last|final|dying) wish|(?:^|(?<=[.!?,;]))\s*(?:goodbye|farewell|bye forever)(?=[^a-z0-9]*$)|(?:not goi"
        r"ng to|wont|not gonna|"
        r"will not|dont think ill) (?:make it|live|last) (?:to|past|until|till|through)|(?:dont|do not) (?:text|call|"
        r"message|contact|check on|come looking for) me|dont (?:be sad|cry|blame yourselves?|hate me) (?:when|once|"
        r"after) (?:you|u|they|everyone|you all) (?:hear|find out|see|read this|find me)|(?:thank you|"
        r"thanks) {w3}(?:to|for) (?:this community|"
        r"everyone here|this place|this group|all of you|you all|being my friends?)|"
        r"(?:wont|will not|never) be (?:posting|writing|on here|online|back|talking to (?:anyone|you)) (?:again|"
        r"any~more)|(?:thank you|thanks) (?:so much )?(?:to )?(?:everyone|all of you|you all) (?:here|on here|who)|"
        r"if im (?:still )?(?:here|alive|around) (?:by|on|next|tomorrow)"
    ),
    # putting affairs in order: notes, giving things away, someone to look after a pet, accounts deleted
    "prepared": phrases(
        r"(?:wrote|written|writing|finished|left|leaving) (?:my |the |a |some )?(?:goodbye |suicide |last |final )?"
        r"(?:note|notes|letters|letter)(?! "
        r"(?:for (?:school|class|work|my teacher)|of (?:recommendation|complaint)|about (?:the|my) (?:trip|"
        r"homework)))|(?:deleting|deleted|delete|wiping|wiped) (?:my|all my|this|all of my) (?:account|accounts|"
        r"socials|profile|everything|posts)|deleting everything|(?:giving|gave|give|given) (?:away )?(?:my|all my|"
        r"most of my) (?:stuff|things|belongings|clothes|games|books|plushies|jewellery|jewelry|possessions|art|"
        r"hoodies?|console|favou?rite things|most precious things|special things|treasures)(?: away)?(?! to "
        r"(?:charity|the charity|a charity|a charity shop))|(?:giving|gave|give|given) (?:away )?(?:my|all my|most of "
        r"my) (?:favou?rite|most precious|special|treasured|best) (?:things|stuff|books|games|clothes|jewellery|"
        r"hoodies?)|(?:please )?(?:take care of|look "
        r"after) (?:my (?:cat|dog|pets?|sister|brother|little (?:sister|brother)|plants|rabbit|hamster|fish|"
        r"guinea pig))|(?:wont|will not|dont) need (?:it|them|this|any of (?:it|this|them)) (?:where im going|"
        r"any~more|after (?:tonight|this))|(?:made|making|wrote|writing) (?:a|my) will|(?:been )?(?:saying|said|"
        r"say) (?:all )?(?:my )?"
        r"goodbyes?(?: to (?:people|everyone|my (?:friends|family)))?(?! (?:to (?:my (?:old )?(?:school|house|room|"
        r"teachers)|year|summer|the)))"
    ),
    "means": phrases(
        r"(?:i|ive|i have|i ve|i just|i got|i still have) (?:got |just |finally |already )?(?:have|has|got|bought|"
        r"ordered|found|hidden|hid|saved|collected) {w3}(?:pills|tablets|meds|painkillers|paracetamol|rope|noose|"
        r"blades?|razors?|gun|bleach|sleeping pills)(?! (?:for (?:my |a |the )?(?:headache|cold|period|cramps|"
        r"migraine|hay fever|flu|shave|shaving|legs|anxiety|depression|adhd|sleep|pain|acne|allergies|asthma)|"
        r"prescribed|from (?:the|my) (?:doctor|gp|pharmacy)))",
        r"(?:looking|staring|stared|looked) at (?:the|my|a|those|these) (?:pills|tablets|meds|blade|razor|rope|"
        r"knife|bridge|tracks|bottle|edge|window)",
        r"(?:holding|hold|have) (?:the|a|my) (?:blade|razor|knife|pills|rope|gun) (?:in my hand|right now|rn|now)",
        r"(?:pills|blade|razor|rope|tablets|meds) (?:are|is) (?:ready|hidden|in my (?:room|drawer|bag|pocket))",
        r"(?:im|i am|i m) (?:on|at) (?:the|a) (?:bridge|roof|tracks|cliff|edge|ledge|station platform)",
        r"(?:im|i am|i m|sitting|sat|lying|here) {w4}with (?:a|the|my) (?:razor|blade|knife|pills|rope|gun|noose|"
        r"bottle of pills)",
        r"(?:ive got|i have|i got|got) everything i need",
        r"(?:theres|there is) a train (?:at|in|every)|(?:covered in|so much|lots of|a lot of) (?:my own )?blood",
        r"(?:on|from|at) the (?:roof|top (?:floor|level)?) of (?:the|a|my|this) (?:car park|building|parking "
        r"garage|tower|block|flats|school|multi storey)",
        r"(?:tengo|tengo las|j~ai les|ich habe die|eu tenho|ho le) (?:pastillas|pildoras|cachets|comprimes|"
        r"tabletten|comprimidos|pillole)",
    ),
    "plan": phrases(
        r"(?:i have|ive got|i got|i made|i ve got|theres) (?:a|the|my) plan(?! (?:for|to (?:study|revise|get|"
        r"make|save|go|start|finish|learn|ask|fix|win)|b))|i know how (?:ill|i will|im going to|im gonna|to) do it|"
        # a decision with nothing decided named ("ive decided.", "ive decided how"), not "ive decided to dye my hair"
        r"(?:ive|i have|i ve) (?:finally )?(?:decided|made up my mind|made my decision|made the decision|chosen)"
        r"(?=[^a-z0-9]*(?:$|[.!,;:]|and |im |i m |its |this |tonight|now|how|when|where i|on (?:a|the) (?:date|day|"
        r"way|method|place)))|my mind is made up|decision is made|"
        r"(?:theres|there is) no going back|(?:ive|i have|i ve) (?:got )?everything (?:ready|planned|sorted|"
        r"prepared|set)|(?:picked|chose|chosen|set) (?:a|the) (?:date|day|time|spot|place)|"
        r"(?:its|it s|it is) (?:happening|tonight|tomorrow|this weekend|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)"
        r"|(?:ive|i have|i ve) made (?:my|the|a) (?:choice|decision)|(?:have|got|ve got) it (?:all )?planned "
        r"(?:for|on|out)|(?:not|no longer) waiting (?:around )?(?:to find out|any longer|for it to get better|"
        r"any~more)|(?:do|doing) what (?:ive|i have|i ve|i) (?:been )?(?:thinking about|planning|wanting to do|"
        r"planned|dreamed of)|(?:the )?countdown (?:is on|has started)|"
        r"made (?:my )?peace (?:with (?:it|my decision|everything))?|(?:^|(?<=[.!?,;]))\s*(?:decided|already decided)|"
        r"already decided|its decided|(?:its|it s|it is|this is) (?:better|easier|for the best) (?:this way|for "
        r"everyone)|(?:my )?plan is (?:set|ready|made|in place|final|simple|done)|plan(?:ning|ned|s)? how (?:id|i woul"
        r"d|"
        r"ill|i will|to|i could|i am going to|im going to) (?:do it|die|end it|kill my~self|go)|(?:so|and|think|"
        r"actually|finally|really) (?:im going to|im gonna|i will|ill|i am going to|i actually will)(?=[^a-z0-9]*$)|"
        r"(?:im going to|ill|im gonna|i will) make (?:it|that|this) happen|(?:feel|feeling|felt) (?:so |weirdly |"
        r"strangely |really |oddly )?(?:calm|peaceful|at peace|relieved) (?:now|about it|since (?:i|ive) decided|"
        r"after deciding|once (?:i|youve) decided)|without "
        r"(?:them|anyone|anybody|my (?:parents|friends|family)) (?:realising|realizing|knowing|noticing)|"
        r"(?:my|the) will is (?:in|on|under)|(?:its|it s) time (?:i|for me to) (?:stopped|stop|went|go|left|leave|end)|"
        r"(?:no~one|nobody|noone) (?:will|can|is going to|gonna) stop me(?! from)|i know (?:exactly )?(?:where|when|ho"
        r"w) "
        r"(?:ill|i will|im going to) be (?:standing|going|doing it)|soon (?:they|you|everyone|you all|people) (?:will|"
        r"ll) (?:know|understand|find out|see)|soon (?:they|you|everyone|you all) (?:will|ll)(?=[^a-z0-9]*$)|(?:you|"
        r"youll|you will|u|everyone|they) (?:all )?(?:ll |will )?(?:find out|know|see|understand) (?:soon|tomorrow|"
        r"tonight|why)|(?:ive|i have) made sure (?:of it|of that)|(?:ive|i have|i) "
        r"(?:researched|looked up|googled|read up on) (?:how|ways|methods|the best way) (?:to do it|to die|to end it|"
        r"to kill my~self|to go)|(?:im|i am|i m) (?:finally |so |really )?ready(?=[^a-z0-9]*$| to (?:leave (?:them|"
        r"it|this)|go|do it))|(?:gonna|going to|about to|will|ll) do something (?:stupid|drastic|dumb|bad|i cant "
        r"take back|permanent)"
    ),
    "wish": phrases(
        r"i {w2}(?:want|wanna|wish|need) (?:to )?(?:die|be dead|disappear|stop existing|not exist|vanish|not be "
        r"here)|death (?:sounds|seems|feels|would be) (?:so )?(?:nice|good|peaceful|like a relief|better|easier)|"
        r"(?:id|i would|i d) (?:rather|sooner) be dead(?! than)|(?:i )?hope (?:i|something) (?:die|dies|kills me)|"
        r"(?:i|im|ive) {w2}thinking (?:about|of) (?:death|dying|suicide|not being here|ending it|killing my~self|"
        r"unaliving)|(?:wouldnt|would not|dont|do not) (?:mind|care if i) (?:dying|if i died|not waking up)|"
        r"if i (?:died|dont wake up|didnt wake up) (?:tonight|tomorrow)?|🪦|⚰|🔪|🪢|i (?:just )?want out"
        r"(?=[^a-z0-9]*(?:[.!,\n]|$| of (?:this|here|life|everything)))|(?:soon |then )?(?:ill|i will|i ll) (?:finally "
        r"|actually )?be (?:gone|dead|at peace|a ghost|one|nothing|a memory|free)(?! (?:after|from|of) (?:my |the )?"
        r"(?:exams?|school|work|this term|revision|gcses|a levels|uni|college|him|her))|(?:going to|gonna|will|ll) "
        r"(?:finally )?be free (?:after tonight|tonight|soon|from (?:this life|it all|the pain|everything))|(?:im|i am"
        r") (?:so |finally )?"
        r"ready to go(?=[^a-z0-9]*(?:now|$|[.!]))"
    ),
    # Talk of suicide at all (any person), which only counts beside a plan, means or a goodbye.
    "talk": phrases(
        r"(?:kill|killing|end|ending) (?:my|your|ur|them|him|her)~(?:self|selves|life)|kms|unaliv[a-z]*|"
        r"suicid[a-z]*(?! (?:prevention|awareness|hotline|helpline))|overdos[a-z]*|die|dying|dead|death|"
        r"sewer~slide|ctb|end it(?: all)?"
    ),
    "urge": phrases(
        r"(?:urges?|craving|cravings|itch|need) (?:to )?(?:" + _CUT + r"|sh|self~harm|hurt my~self|burn my~self|"
        r"relapse|feel the blade)(?! free)|(?:miss|missing) (?:cutting|the blade|the feeling of cutting|sh|self~harm)",
    ),
    "time": phrases(
        r"tonight|tonite|2nite|tomorrow|tmrw|this weekend|after (?:school|my exams?|the exams?|everyone (?:is asleep|"
        r"goes to (?:bed|sleep)))|before (?:my birthday|christmas|morning|sunrise)|when (?:everyone|my (?:parents|"
        r"mum|mom|dad)) (?:is|are|goes|go) (?:asleep|to (?:bed|sleep)|out|away)|right now|rn|in (?:an|one|a few|"
        r"[0-9]+) hours?|by (?:friday|saturday|sunday|monday|tuesday|wednesday|thursday|the weekend|morning)|"
        r"on (?:my birthday|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|esta noche|ce soir|heute nacht|stasera|"
        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day (?:morning|night|evening|after school)|for (?:tonight|tomorrow|"
        r"the weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:tonight|tomorrow|this weekend|tonights|todays|"
        r"tomorrows|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day) (?:is )?(?:the (?:night|day)|when)(?! "
        r"(?:before|after|of (?:the|my)|we|i (?:get|go|start|finally see)))|before (?:anyone|everyone|"
        r"they|my (?:parents|mum|mom|dad)) (?:wakes|wake|gets up|get up|is up|are up|come home|gets home)|hoy|"
        r"manana|demain|heute|morgen|hoje|amanha|oggi|domani|stanotte|cette nuit|esta noite|this evening|this time"
    ),
}
# How warning signs add up: any two kinds of sign, or a death wish with any sign; a near-future time with
# any sign but a burden; talk of suicide (any person) with a goodbye, preparations, means or a plan.
_SIGNS = frozenset({"hopeless", "burden", "done", "goodbye", "farewell", "prepared", "means", "plan", "urge"})
_TIME_PARTNERS = frozenset({"goodbye", "prepared", "means", "plan", "wish", "urge", "done", "hopeless"})
_TALK_PARTNERS = frozenset({"goodbye", "prepared", "means", "plan"})


def _enough(kinds: set) -> bool:
    signs = kinds & _SIGNS
    if len(signs) >= 2 or ("wish" in kinds and signs):
        return True
    if "time" in kinds and kinds & _TIME_PARTNERS:
        return True
    return "talk" in kinds and bool(kinds & _TALK_PARTNERS)


# ---------------------------------------------------------------------------------------------------------
# Reading a candidate in its sentence: the past, an urge resisted, someone else, awareness, fiction, jokes.

_PAST = phrases(
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
_THIRD_PERSON = re.compile(
    r"(?<![a-z])(?:she|he|they|shes|hes|theyre|her|him|his|their|them|friend|friends|bestie|sister|brother|"
    r"cousin|mum|mom|dad|mother|father|boyfriend|girlfriend|bf|gf|partner|classmate|someone|somebody|person|"
    r"people|kid|student|daughter|son|niece|nephew|mate|character|protagonist|narrator|user|poster|op|"
    r"(?:i|im|ive|ill|id|me|my|myself|mine))(?![a-z])"
)
_FIRST_PERSON = phrases(
    r"i|im|ive|id|ill|me|my|myself|mine|i m|i ve|i d|i ll|ich|mich|mir|mein|meine|je|j|moi|mon|ma|mes|yo|mis|"
    r"eu|minha|meu|io|mio|mia|mi|quiero|voglio|quero"
)
_ADDRESSING = phrases(
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
_DENIED = phrases(
    r"(?:im|i am|i m) not (?:suicidal|going to (?:hurt|kill|do)|gonna (?:hurt|kill|do)|in (?:danger|crisis))|"
    r"not (?:in a )?suicidal (?:way|sense)|not like (?:suicidal|that)|i would never|i will never|i promise i wont|"
    r"dont worry(?: about me)?,? im (?:fine|ok|okay|safe)"
)
_FICTION = phrases(
    r"character|characters|protagonist|narrator|villain|the hero|the mc|my oc|the book|a book|this book|novel|"
    r"film|movie|the show|tv show|this show|series|(?:the|this|that|last|an|next) episode|season [0-9]+|lyrics|"
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
    r"if (?:i|we) (?:have|has|had|gotta|got|need) to (?:[a-z0-9]+[^a-z0-9]+){0,8}(?:again|one more|another|any~more|an"
    r"y longer|every)",
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
_POSITIVE = re.compile(
    r"🎉|🥳|🎂|🎊|✈|(?<![a-z])(?:moving (?:to|house|away|schools?|abroad)|holiday|vacation|trip|flight|off to|"
    r"leaving for|camp|exchange|new school|graduat[a-z]*|going abroad|gap year)(?![a-z])|(?<![a-z])(?:excited|cant wai"
    r"t|so happy|celebrat[a-z]*|party|gig|concert|yay|wish me "
    r"luck|hyped|finally done|congrats|congratulations|birthday party|wedding)(?![a-z])"
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
    r"goodbye|note|letters|burden|better off|gone|overdose|od|unaliv[a-z]*|sewer~slide|ctb|not be here|wake up|"
    r"sorry|forgive|decided|had enough|im done|cant (?:do|take) (?:this|it)|nobody cares|no~one cares|its over|"
    r"the end|love you all|blade|razor|cut|sh|self~harm|hurt my~self|over it|end|life|die+|disappear[a-z]*|"
    r"nobody|no~one|rope|noose|ledge|edge|asleep"
)

# ---------------------------------------------------------------------------------------------------------
# Methods: how to harm oneself. A request is also a crisis unless the writer distances it from themselves.

_HARM_OUTCOME = (
    r"(?:kill|die|dead|death|lethal|fatal|deadly|overdose|od|too much|enough to|would it take|does it take|"
    r"it would take|not wake up|never wake up|end it|end my life|be fatal|be lethal|stop my heart|poison|"
    r"damage|shut down|to kill|to end|sleep forever|to sleep for good|never wake|not wake|put me down)"
)
_SUPPLEMENTS = r"(?:vitamins?|vitamin [a-z]|water|caffeine|coffee|energy drinks?|sugar|melatonin|iron|salt)"
_METHOD_REQUEST = phrases(
    # doses and amounts
    r"how (?:many|much) (?:of )?{w3}" + _DRUGS + r" (?:[a-z0-9]+ ){0,10}" + _HARM_OUTCOME,
    r"how (?:many|much) {w4}(?:would it take|does it take|would kill|to (?:die|overdose|od|kill|end it)|is (?:lethal|"
    r"fatal|deadly|enough to))",
    r"(?:what|which) (?:pills|meds|drugs|tablets|medication|medicine|poison|dose|amount|quantity|number) {w4}"
    r"(?:kill|die|overdose|od|lethal|fatal|deadly|end it|painless|not wake up|never wake up)",
    r"(?:what|which) (?:dose|amount|quantity) of {w3}(?:would|is|will|could) (?:be )?(?:fatal|lethal|deadly|kill|"
    r"enough to)",
    # not health questions about supplements and drinks ("can you overdose on vitamin c?")
    r"(?:can|could|would|will) (?:you|i|someone|a person|one|u) (?:die|overdose|od) (?:from|on|with|by|if)"
    r"(?! (?:a |too much )?" + _SUPPLEMENTS + r"(?![a-z]))",
    r"(?:is it possible|possible) to (?:die|overdose|od) (?:from|on|with|by)(?! " + _SUPPLEMENTS + r"(?![a-z]))",
    r"(?:would|will|can|could|is|are) (?:[0-9]+|"
    + _NUMBER
    + r") ?(?:mg|g|grams)? {w2}(?:"
    + _DRUGS[3:-1]
    + r") {w3}(?:kill|be enough|do it|fatal|lethal|deadly|enough to)",
    r"(?:lethal|fatal|deadly|toxic|overdose) (?:dose|amount|quantity|level)|ld ?50|dosis (?:letal|mortal)|"
    r"dose (?:letale|mortelle|letal)|todliche dosis",
    r"what happens if (?:you|i|u|someone) (?:take|takes|swallow|swallows|drink|drinks|od on|overdose on) "
    r"(?:a whole|all|the whole|a bottle|a packet|too many|[0-9]+|" + _NUMBER + r")",
    r"cuantas (?:pastillas|pildoras)|combien de (?:cachets|comprimes|pilules|medicaments)|wie viele tabletten|"
    r"quantos (?:comprimidos|remedios)|quante (?:pillole|compresse)",
    # places and heights
    r"(?:bridge|building|cliff|roof|car park|tower|floor|parking garage) {w4}(?:high enough|tall enough|to jump)",
    r"how (?:high|tall|far) (?:does|do|would|is|should|must) (?:a |the )?(?:bridge|building|drop|fall|cliff|roof|"
    r"jump)|how high {w3}(?:to die|to kill|enough|would i need|to make sure)|(?:high|tall) enough to (?:die|kill|"
    r"not survive|be fatal|make sure)",
    r"(?:highest|tallest) (?:bridge|building|car park|parking garage|cliff|point|roof) (?:near|in|around|close to)",
    r"(?:building|bridge|car park|roof|station|platform) (?:with|without|that has|that doesnt have) (?:no )?"
    r"(?:barrier|barriers|fence|railing|security|staff|cameras)",
    r"(?:train|trains|tracks|railway|line) {w4}(?:fewest|no|least) (?:staff|people|cameras)|(?:fast|express) "
    r"trains? (?:that )?(?:dont|do not) stop",
    # techniques
    r"(?:mix|make|making) {w4}(?:poison|poisonous|toxic|deadly) (?:gas|fumes)",
    r"(?:chemicals|household (?:products|chemicals|cleaners)|cleaning products|gases) {w6}(?:deadly|lethal|toxic|"
    r"poisonous|kill|fatal)",
    r"(?:survive|survived|surviving) a (?:fall|jump|drop) (?:from|off)|(?:fall|jump|drop) (?:from|off) {w3}(?:floors|"
    r"storeys|stories|metres|meters|feet|ft|m) {w4}(?:survive|die|kill|fatal|dead)",
    r"(?:hide|cover|conceal) (?:up )?(?:my |the |your )?(?:cuts|scars|burns|marks) (?:with|using|under)",
    r"how long {w3}(?:to die|to bleed out|to overdose|does an overdose|until (?:you|i) die|to lose consciousness|"
    r"to pass out|to suffocate|to drown|before (?:you|i|it) (?:die|dies|kills))",
    r"(?:methods|ways) (?:that|which) (?:dont|do not|wont|will not) hurt|painless (?:methods|ways|death)|"
    r"m[e3]thods? (?:that|which|to)",
    r"(?:way|ways) to (?:self~harm|sh|cut|hurt (?:my|your)~self|burn (?:my|your)~self) {w3}(?:no scars|without "
    r"scars|doesnt leave|not leave|no~one (?:sees|notices)|without (?:anyone|people|my parents) (?:knowing|"
    r"noticing|seeing))",
    r"(?:belt|rope|cord|scarf|cable|sheet|charger|shoelace) {w3}strong enough (?:to hold|for)|"
    r"how (?:to|do (?:i|you)|can i) (?:tie|make) a (?:noose|knot (?:that|for))|noose knot|hanging knot",
    r"(?:cut|cutting) (?:vertically|horizontally|lengthwise|along the|down the)|(?:vertically|horizontally) or "
    r"(?:horizontally|vertically)|which (?:vein|artery|way) (?:to|should i|do (?:i|you)) cut|"
    r"how deep (?:to|do (?:i|you)|should i|would (?:i|you)|can i|does it) (?:cut|go|need)|where (?:to|should i|do "
    r"(?:i|you)|can i) cut (?:to|so|for|if)",
    r"where (?:your|my|their) parents (?:wont|dont|cant|will not|never) (?:check|see|look)",
    r"if (?:you|u) (?:wanna|want to|are going to|gonna|really want to|re going to) (?:od|overdose|die|kms|kill "
    r"(?:your|ur)~self|end it|cut|sh)",
    r"(?:easiest|best|quickest|least painful|painless|fastest|surest|most effective) (?:way|ways|place|places|spot|"
    r"spots) to (?:cut|sh|self~harm|hurt (?:my|your)~self|burn (?:my|your)~self|jump|die|go)",
    r"(?:sharpest|best) (?:blade|razor|thing|tool|knife) (?:to|for) (?:cut|cutting|sh)|"
    r"(?:get|take|getting|taking) (?:the )?blades? out of (?:a |my |the )?(?:sharpener|razor|shaver)",
    r"what (?:do|did|should|can) (?:you|u|people|i) use to (?:cut|sh|self~harm|hurt (?:my|your)~self)",
    r"(?:cuts|scars|burns|marks) {w3}(?:hidden|without anyone|so (?:no~one|nobody) (?:sees|notices|knows))",
    r"(?:long sleeves|bracelets|makeup|concealer|bandages|plasters|hoodies) {w3}(?:cover|hide) (?:my |the |your )?"
    r"(?:cuts|scars|burns|marks)",
    r"(?:excuses?|lies|what to say|story|stories) (?:for|about|to explain) (?:my |the |your )?(?:cuts|scars|marks|"
    r"burns)|(?:explain|excuse) (?:away )?(?:my |the )?(?:cuts|scars|marks|burns)",
    r"(?:look up|google|search|check out|go to|find|join) {w3}(?:sanctioned suicide|ss forum|pro~suicide|"
    r"suicide methods|ctb forum)",
    r"(?:pro~suicide|sanctioned~suicide|suicide|ctb) (?:site|forum|forums|website|method|methods|guide|kit)",
    r"how (?:many|much) {w3}(?:pills|tablets|paracetamol|ibuprofen|tylenol|aspirin|insulin|meds|medication|"
    r"sleeping pills|antidepressants|mg) {w6}" + _HARM_OUTCOME,
    r"(?:painless|easiest|quickest|fastest|best|surest|quietest|least painful|most effective|simplest) "
    r"(?:way|ways|method|methods) (?:to|of) (?:die|dying|kill|end|commit|suicide|kms|od|overdose|hang|go|"
    r"unaliv[a-z]*|self~delete|ctb)",
    r"how (?:do i|to|can i|do you|would i|should i|do people|does one|would you|can you|could i) {w1}(?:kill "
    r"(?:my|your|ur)~self|kms|hang|commit suicide|overdose|od|end (?:my|your|ur) life|cut deeper|cut without|"
    r"unaliv[a-z]*|slit|suffocate|drown (?:my|your)~self|self~delete|ctb|die (?:painlessly|quickly|fast|without))",
    r"how (?:do i|to|can i|do you|should i) (?:hide|cover|conceal) {w2}(?:cuts|scars|self~harm|sh|burns|marks|"
    r"wounds)",
    r"(?:hide|hiding|cover|covering|conceal) (?:up )?(?:my |the |your )?(?:cuts|scars|self~harm|burns|marks) "
    r"(?:from|so)",
    r"where (?:can|do|could|would) (?:i|you|someone|one) (?:buy|get|find|order) {w3}(?:gun|rope|pills|tablets|"
    r"poison|razor|blades|helium|barbiturates|nembutal|pentobarbital|sodium nitrite|sn|noose)",
    r"(?:which|what) (?:bridge|building|height|floor|train|pills|drug|drugs|meds|method|tablets) {w3}"
    r"(?:high enough|tall enough|enough to|kill|to die|would work|works best|painless|strongest|is best)",
    r"(?:strongest|most dangerous) (?:pills|tablets|meds|drugs) (?:if|to|for)",
    r"(?:nembutal|pentobarbital|sodium nitrite|exit bag|helium bag|charcoal burning)",
    r"(?:carbon monoxide|car exhaust|exhaust fumes|engine running) {w6}(?:die|kill|how long|garage|enough|"
    r"painless|suicide)",
    r"(?:cut|cutting|cuts) (?:deep|deeper) enough",
    r"(?:more|less|most|least) painless|(?:pills|hanging|jumping|cutting|drowning|an overdose|a gun) or "
    r"(?:pills|hanging|jumping|cutting|drowning|an overdose|a gun) {w4}(?:painless|quicker|faster|better|hurt|"
    r"work|works|die)",
    r"(?:thighs|stomach|hips|upper arms?|ribs|feet) {w3}(?:so|where|because|cause|bc) (?:no~one|nobody|parents|"
    r"people|teachers|they) (?:wont|cant|dont|doesnt|will not|never|can not|cannot) (?:see|notice|check|look)",
    r"the trick is to (?:cut|do it|take|use|hide)|(?:shows|showed|show|describes|described|explains|explained|"
    r"depicts) {w3}(?:every step|each step|step by step|in (?:graphic )?detail|exactly how)|"
    r"(?:basically|literally) a (?:tutorial|how to|guide|manual)",
)
_METHOD_DETAIL = phrases(
    r"(?:i|you|she|he|they) (?:used|cut with|cut using|got) {w4}(?:razor|blade|sharpener|rope|belt|cord)",
    # more than a dose: "took forty of my nans tablets", not "took two paracetamol for my headache"
    r"(?:took|swallowed|taken|downed) (?:like |about |over |nearly |almost )?(?:" + _MANY + r"|a handful of|a bottle "
    r"of|a whole|the whole|all (?:of )?(?:my|the|her|his|their)|a (?:box|packet|pack) of) {w3}(?:" + _DRUGS[3:-1] + ")",
    r"(?:pencil sharpener|razor blade)s?|blade (?:from|out of) (?:a |my |the |my dads |my mums )?(?:sharpener|"
    r"shaver|razor)",
    r"(?:jumped|jumping) (?:off|from) (?:the|a) {w3}(?:car park|bridge|building|roof|level|floor|tower)",
    r"(?:cut|cutting|burned|burnt|burning) (?:my~self )?(?:with|using) (?:a |my |the |an )?(?:compass|razor|blade|"
    r"sharpener|scissors|knife|glass|pin|lighter|lighters|needle|safety pin|box cutter|stanley knife)",
)
# The writer distances a request from themselves: research, fiction, curiosity, or advice to someone else.
_NOT_ME = phrases(
    r"(?:for|in) (?:my|a|the|our) (?:school |class |english |uni |college |psychology |history |science )?"
    r"(?:story|novel|book|character|essay|project|class|script|fic|report|research|"
    r"assignment|homework|dissertation|article|screenplay|play|film|movie|show|series|game|podcast)",
    r"my character|writing (?:a|my) (?:report|essay|story|novel|article)|just (?:curious|wondering|asking)|"
    r"out of curiosity|asking for (?:a|my) (?:friend|class|story|project)|(?:he|she|they) (?:used|took)",
    r"(?:in|from) (?:the|a|that|this) (?:film|movie|show|book|series|episode|game|documentary)",
)
# Advice given to someone else ("if u wanna od, the blue ones work better"), unless the text asks a question.
_ADVICE = phrases(
    r"(?:^|[^a-z])@[a-z0-9_]+|if (?:you|u) (?:wanna|want to|are going to|gonna|really want to|re going to)|"
    r"the trick is|trust me|(?:you|u) should (?:use|try|take|do)|(?:works?|work way) better"
)
_ASKING = re.compile(
    r"\?|(?:^|[.!] *)(?:how|what|whats|which|where|when|does anyone|do you|anyone know|is there|is it|can|could|"
    r"would|will|should)(?![a-z])"
)
# Only asking how to hide injuries, or to get round barriers: method, but not by itself a crisis now.
_CONCEALMENT = phrases(r"hide|hiding|cover|covering|conceal|excuses?|explain|where (?:your|my|their) parents")
_METHOD_IN_FICTION = phrases(r"(?:film|movie|show|series|episode|book|scene|novel|documentary)")

# Encouragement of self-harm aimed at someone else.
_AT_SOMEONE = phrases(
    r"kys|k~y~s",
    r"(?:go |just |pls |please |should |gonna )?(?:kill|hang|off|unalive|end|neck|rope|delete|shoot) "
    r"(?:your~self|ur~self|yo~self|urself|yourselves)",
    r"(?:go|just|pls|please) (?:die|jump|drink bleach|cut deeper|starve)",
    r"(?:no~one|nobody|noone) (?:would|will|is going to|gonna) (?:miss|care about|cry for|notice) (?:you|u)",
    r"(?:no~one|nobody|noone) (?:would|will) care if (?:you|u) (?:die|died|were gone|disappeared|killed)",
    r"(?:world|everyone|everybody|we|this site|your family) (?:would be|will be|is|are|d be) better "
    r"(?:off )?without (?:you|u|people like you)",
    r"do (?:us|everyone|everybody|the world|your family) a favou?r {w2}(?:die|disappear|kill|end|jump|leave)",
    r"(?:you|u) should (?:just |really |go )?(?:die|kill (?:your|ur)~self|kys|end it|unalive|disappear|"
    r"cut deeper|try harder next time|starve)",
    r"why (?:dont|do not|cant) (?:you|u) (?:just )?(?:die|kill (?:your|ur)~self|kys|end it|disappear)",
    r"(?:hope|wish) (?:you|u) (?:die|died|relapse|cut|were dead|kill (?:your|ur)~self|never wake up)",
    r"drink bleach",
    r"(?:you|u) (?:failed|couldnt even) {w2}(?:attempt|kill (?:your|ur)~self|do it right)",
    r"(?:next time|try again) {w2}(?:do it right|try harder|succeed|use more)",
    r"(?:stop|quit) (?:being )?(?:attention seeking|faking) {w3}(?:do it|kill|die|cut)",
    r"(?:just )?do it already",
    r"(?:matate|suicidate|se mata|te mata|tuez vous|tue toi|va te tuer|bring dich um|toete dich|ammazzati|"
    r"ucciditi|mata te)(?![a-z])",
)
_KYS_CARING = phrases(r"keep (?:your|ur)~self safe", r"kys ?= ?keep")
# "please don't kill yourself", "never hurt yourself": support, not encouragement.
_SUPPORT_BEFORE = re.compile(
    r"(?<![a-z])(?:dont|do not|never|please dont|pls dont|dont you|dont ever|not to|promise me you wont|"
    r"dont want you to|dont want u to|nobody wants you to)[^a-z0-9]+(?:ever[^a-z0-9]+|even[^a-z0-9]+|go[^a-z0-9]+)?$"
)

# The writer's own self-harm, attempt or suicidal thoughts named (past or present).
_OWN_MENTION = phrases(
    r"(?:i|ive|id|im|i was|i have|i had|i used to|i started|i stopped|i quit) {w4}(?:self~harm[a-z]*|sh|shd|"
    r"cut(?! (?:my|the|a|an|it|out|off|down|back|up|class|school|ties|corners|through|in|them|him|her|ties)(?![a-z]))|"
    r"cut(?:ting)? my~self|cut(?:ting)? my (?:wrists?|arms?|legs?|thighs?|skin)|"
    r"cutting(?! (?:my|the|a|an|it|out|off|down|back|up|class|school|ties|corners)(?![a-z]))|"
    r"hurt my~self|hurting my~self|burn[a-z]* my~self|attempted|suicidal|wanted to die|wanted to kill my~self|"
    r"unaliv[a-z]*|overdosed|relapsed|tried to (?:kill my~self|end (?:it|my life|things|it all)|die|take my "
    r"(?:own )?life|unalive my~self))",
    r"(?:my|i|ive|im|i was|i had|i used to) {w4}(?:self~harm|sh|suicidal|suicide attempt|"
    r"(?:sh|self~harm|cutting) scars|unaliv[a-z]*|relapsed|urges? to (?:sh|cut|self~harm|hurt my~self))",
    r"(?:tried|attempted|wanted|trying) to (?:kill my~self|end (?:it|my life|things|it all)|die|"
    r"take my (?:own )?life|unalive my~self)",
    r"(?:self~harm[a-z]*|cut|cutting|attempted|overdosed|relapsed|was suicidal|felt suicidal) (?:like|as) i "
    r"(?:did|do|have|used to|was)|(?:like|as) i (?:did|used to|once did) (?:self~harm|cut|sh)",
    r"(?:dont|no longer|stopped|quit) (?:hide|hiding|covering|cover) (?:up )?my (?:arms|wrists|scars|thighs|legs|"
    r"marks)|(?:wear|wore|wearing) (?:short sleeves|a t~shirt|t~shirts|shorts|a swimsuit) (?:[a-z0-9]+[^a-z0-9]+){0,8}"
    r"(?:scars|marks)",
    r"my (?:self~harm|sh|suicide attempt|attempts?|suicidal (?:thoughts|feelings|ideation|phase|days|crisis|"
    r"episode|period)|self~harm scars|scars from (?:self~harm|sh|cutting)|cutting|relapse|overdose|last attempt|"
    r"first attempt|suicide note|goodbye note|goodbye letter)",
    r"(?:clean|free) (?:from|of) (?:self~harm|sh|cutting)",
    r"(?:kms|unaliving|sh|suicidal|suicide) (?:thoughts|urges)",
    r"(?:my|i have|i had|ive had|i get|i got|i still get|i still have) {w2}(?:suicidal|self~harm|sh) "
    r"(?:thoughts|urges|feelings|ideation)",
    r"my (?:old |faded |white |silver |healed )?scars(?! (?:from|after) (?:surgery|my operation|an operation|"
    r"the operation|acne|chicken~pox|the accident|my c section|piercing))",
    r"sin (?:autolesion[a-z]*|cortarme|hacerme dano)|sans (?:me scarifier|automutilation|scarification)|ohne (?:mich "
    r"zu )?ritzen|ritzfrei|sem (?:me cortar|automutilacao|autolesao)|senza (?:tagliarmi|autolesionismo)",
    r"(?:self~harm|sh|cutting|suicide|attempt) (?:free|clean|survivor)",
    r"(?:survived|survivor of|after|since) (?:a|my|an) (?:suicide attempt|attempt|overdose|od)",
    r"(?:used to|i once|back then i|i always) (?:think|thought|feel|felt|believe|believed) {w6}(?:better off without "
    r"me|(?:a|the) burden|no point (?:in )?living|want(?:ed)? to die|kill(?:ing)? my~self|end(?:ing)? (?:it|my "
    r"life)|suicid[a-z]*|not (?:being|be) (?:here|alive))",
    r"(?:scars|marks) (?:from|of) (?:when i|self~harm|sh|cutting|my)",
    r"(?:used to|use to) (?:self~harm|sh|cut|hurt my~self|burn my~self|want to die|want to kill my~self|think "
    r"about (?:killing|ending|unaliving|dying|suicide|death)|be suicidal|have suicidal)",
    r"(?:havent|have not|haven t|didnt|did not) (?:cut|self~harmed|sh|hurt my~self|relapsed|attempted|burned "
    r"my~self)(?: (?:in|for|since|once))",
    r"(?:years|months|weeks) of (?:cutting|self~harm[a-z]*|sh|hurting my~self|burning my~self)|(?:day|week|month) "
    r"[0-9]+ (?:without|of no|free (?:of|from)|clean (?:of|from)) (?:self~harm[a-z]*|sh|cutting|hurting my~self)|"
    r"(?:days?|weeks?|months?|years?) (?:since|without) (?:i (?:last )?)?(?:cutting|cut|self~harm[a-z]*|sh|hurt "
    r"my~self|hurting my~self|an attempt|my (?:last )?attempt|relapsing|a relapse)",
    r"(?:help|helped|helping|helps) me (?:to )?(?:stop|quit|give up) (?:self~harm[a-z]*|sh|cutting|hurting my~self|"
    r"burning my~self)|(?:i|ive) (?:stopped|quit) (?:self~harm[a-z]*|sh|cutting|hurting my~self|burning my~self)",
    r"(?:suicidal|self~harm|sh|suicide attempt|cutting|attempt) (?:[a-z0-9]+[^a-z0-9]+){0,8}(?:im|i am) (?:the )?(?:li"
    r"ving )?proof",
    r"(?:hospital|psych ward|psychiatric ward|psychiatric unit|inpatient|a&e|icu|er) (?:after|for|because of) "
    r"(?:my|an|the) "
    r"(?:attempt|overdose|self~harm|sh)|(?:had|got) my stomach pumped",
    r"(?:had|got|felt) (?:an |a )?(?:strong |really strong |bad |huge )?urges? to (?:cut|sh|self~harm|hurt my~self)",
    r"(?:wrote|written|had written) (?:a|my) (?:goodbye|suicide) (?:note|letter)|i (?:had|made) a plan "
    r"(?:to|and)",
    r"(?:me (?:autolesionaba|cortaba|lastimaba)|intente (?:suicidarme|matarme|quitarme la vida)|mi intento de "
    r"suicidio|sobrevivi a (?:un|mi) intento)",
    r"(?:je me (?:scarifiais|mutilais|coupais)|(?:ne|n) me (?:scarifie|mutile|coupe) plus|j~ai fait une (?:tentative d"
    r"e suicide|ts)|ma tentative de suicide|"
    r"j~ai (?:essaye|tente) de me (?:tuer|suicider))",
    r"(?:ich habe mich (?:fruher |damals )?(?:geritzt|selbst verletzt)|mein suizidversuch|nach meinem suizidversuch|"
    r"ich wollte (?:mich umbringen|sterben))",
    r"(?:eu me cortava|tentei me matar|minha tentativa de suicidio|tentei suicidio|me automutilava)",
    r"(?:mi tagliavo|ho tentato il suicidio|ho provato a (?:uccidermi|togliermi la vita)|il mio tentativo di "
    r"suicidio|non mi taglio da)",
)
_BEREAVED = phrases(
    r"(?:lost|lose|losing) (?:my|our|a) {w2}to suicide",
    r"(?:died|death|dying) by suicide|(?:died|death) (?:from|of) suicide|suicided",
    r"(?:took|taken) (?:his|her|their) (?:own )?life",
    r"killed (?:himself|herself|themselves|themself)",
    r"(?:died|killed) (?:after|by|from) (?:jumping|hanging|an overdose|overdosing|drowning|stepping)",
    r"suicide (?:loss|bereavement|survivors? of loss)",
    r"(?:ended|ending) (?:his|her|their) (?:own )?life",
)
_RECOVERY = phrases(
    r"recover(?:y|ing|ed)",
    r"(?:[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|twelve|eighteen|hundred) (?:days?|weeks?|"
    r"months?|years?) (?:clean|free|sober|sh free|self~harm free|without|since|in|on|of)",
    r"(?:clean|free|sober) (?:for|since)|day [0-9]+|streak|milestone",
    r"(?:getting|got|feeling|feel|doing|feels|is|are|has been|have been|s) (?:so much |much |a lot |a bit |way )?"
    r"better",
    r"(?:days?|weeks?|months?|years?) sober|sobriety|on the other side|in a (?:good|better) place|im okay now",
    r"things (?:got|get|are getting) better|it gets better|first time in (?:months|years|ages)|for the first time",
    r"(?:better|stronger|happier|calmer) (?:now|than|these days|every day)",
    r"(?:healing|healed|survivor|survived|still here|made it through|proud of (?:my~self|me|how far)|"
    r"out the other side|light at the end|coming out of)",
    r"(?:therapy|my therapist|meds|medication|counselling|counseling|cbt|dbt|emdr|support group|my psychiatrist|"
    r"antidepressants) (?:really |actually |has |have |is |are )?(?:helped|help|helps|is helping|saved|works|"
    r"working|changed)",
    r"(?:beat|beating|overcame|overcome|overcoming|managing|manage) my",
    r"(?:i|ive) (?:learned|learnt) (?:to|how to) (?:cope|live|manage|deal|sit with)",
    r"(?:good|better) days|coping (?:skills|strategies|box|plan)|safety plan|relapse (?:isnt|is not|doesnt mean)",
    r"helped|helps|finally|proud|works for me|changed everything|feel like my~self|tiny steps|small steps|"
    r"small wins?|tiny wins?|one day at a time|gone from|learning to|back (?:at|to) (?:school|college|uni|work)|"
    r"mieux|enfin|besser|mejor|meglio|melhor|orgullos[ao]|fier|fiere|stolz|orgoglios[ao]",
    r"used to|caught it early|can see the light|i know the signs|rare now|not fully out|no shame",
)
_OWN_STRUGGLE = phrases(
    r"my (?:depression|anxiety|ocd|ptsd|panic attacks?|drinking|addiction|bipolar|adhd|mental health|"
    r"mental illness|dark days|trauma|grief|insomnia|social anxiety|burnout|breakdown|bpd|psychosis|"
    r"diagnosis|intrusive thoughts|dark thoughts|low mood|moods?)",
    r"(?:from|with|of|through) (?:depression|anxiety|ocd|ptsd|panic attacks|addiction|alcoholism|burnout|psychosis)",
    r"depression|depressive|depressed|panic attacks?|ocd|ptsd|bipolar|bpd|anxiety|sober|sobriety|antidepressants|"
    r"therapy|therapist|cbt|dbt|emdr|counselling|counseling|counsellor|mental health|dark days|dark place|bad place|"
    r"rock bottom|grief|diagnosis|diagnosed|flashbacks|depresion|depressao|depressione|depressionen|ansiedad|"
    r"anxiete|ansiedade|ansia|psy|psicologo|psicologa|psychologue|terapia|therapie|therapeut[a-z]*|"
    r"episode|breakdown|burnout|psychiatrist|psych ward|hospital stay|meds|medication",
    r"(?:struggled|struggling|battled|battling|diagnosed|dealt|dealing|lived|living) with {w2}(?:depression|"
    r"anxiety|ocd|ptsd|panic|addiction|alcohol|bipolar|self~harm|suicidal|my mental health)",
    r"(?:i|ive|i was|i had|i have) {w2}(?:depressed|depression|anxious|anxiety|ocd|ptsd|panic attacks|"
    r"addicted|drinking)",
)
# "i would never hurt myself", "im not suicidal": a denial, not a mention of one's own self-harm.
_NEGATED_HARM = re.compile(
    r"(?<![a-z])(?:not|never|wont|wouldnt|dont|do not|isnt)[^a-z0-9]+(?:(?:ever|even|really|be|going to|gonna)"
    r"[^a-z0-9]+)?(?:hurt|cut|self[^a-z0-9]*harm|kill|suicidal|attempt|burn|want to die|sh)(?![a-z])"
)
# Eating disorders have their own detector and labels; their recovery is not this detector's "recovery".
_EATING_DISORDER = phrases(
    r"eating disorder|ed recovery|my ed|anorexia|anorexic|bulimia|bulimic|binge eating|arfid|ana|mia|"
    r"meal plan|fear foods?|dietitian|magersucht|anorexie|anorexia nervosa"
)

# One crisis vocabulary for search: the terms, spelled every way people spell them.
_SEARCH_TERMS = phrases(
    r"suicid[a-z]{0,5}|suizid[a-z]{0,5}|selbstmord[a-z]{0,3}|zelfmoord[a-z]{0,3}|suicidi[a-z]{0,3}",
    r"self~(?:harm|injur|mutilat|hurt)[a-z]{0,5}|selbstverletz[a-z]{0,5}|zelfbeschadig[a-z]{0,5}",
    r"automutil[a-z]{0,5}|autolesi[a-z]{0,5}|unaliv[a-z]{0,5}|sewer~slid[a-z]{0,2}|suesid[a-z]{0,3}",
    r"(?:kill|killing|hang|hanging|cut|cutting|hurt|hurting) (?:my|me)~self",
    r"(?:end|ending) my life|(?:take|taking) my (?:own )?life",
    r"kms|kys|kill (?:your|ur)~self",
    r"(?:want|wanna|wanting|ready) (?:to|2) (?:die|be dead)|i (?:want|wanna) (?:to )?die",
    r"(?:dont|do not) (?:want|wanna) to (?:live|be here|be alive|exist)",
    r"wish i (?:was|were) dead|better off dead|no reason to live|end it all",
    r"commit sudoku|toaster bath|ich will sterben|je veux mourir|quiero morir|quero morrer|voglio morire",
)
_SEARCH_TYPO_TARGETS = ("suicide", "suicidal", "selfharm", "selfharming", "killmyself")
_KILOMETRES = re.compile(r"[0-9] ?kms")  # "5 kms" is a run, not "kill myself"
_LETTERS = re.compile(r"[a-z]+")
_REPEATS = re.compile(r"(.)\1+")


class SelfHarm:
    """Crisis, method, recovery and self-harm mentions, and self-harm encouragement aimed at others."""

    name = "self_harm"

    def __init__(self, model: "_Model | None | bool" = True):
        self._model = MODEL if model is True else (model or None)

    def detect(self, normalised: Normalised, kind: str) -> list[Label]:
        if kind == "search":
            return self._search(normalised)
        text = normalised.text
        labels: list[Label] = []

        at_someone = first(_AT_SOMEONE, normalised)
        if at_someone is not None and _SUPPORT_BEFORE.search(at_someone.string[: at_someone.start()]):
            at_someone = None
        if at_someone is not None and first(_KYS_CARING, normalised) is None:
            labels.append(label("harassment", self.name, normalised, at_someone))
            at_someone_span = at_someone.span()
        else:
            at_someone_span = None

        method = first(_METHOD_REQUEST, normalised)
        if at_someone_span and method is not None and _overlaps(at_someone_span, method.span()):
            labels.pop()  # "the easiest way to kill yourself?" asks about means; it is not aimed at anyone
            at_someone_span = None
        crisis, score = self._crisis(normalised, exclude=at_someone_span)
        detail = None if method else first(_METHOD_DETAIL, normalised)
        if method is not None:
            labels.append(label("method", self.name, normalised, method))
            if crisis is None and self._asks_for_themselves(text, method):
                crisis, score = method, 1.0  # the person asking for means is often the person at risk
        if crisis is not None:
            labels.append(label("crisis", self.name, normalised, crisis, score=score))
            return labels

        first_person = _FIRST_PERSON.search(text) is not None
        # "6 months sh free" names no one, so it is the writer; "teens with suicidal thoughts" is someone else
        own = self._own_mention(normalised) if first_person or not _THIRD_PERSON.search(text) else None
        bereaved = first(_BEREAVED, normalised)
        if detail is not None and (own is not None or first_person):
            labels.append(label("method", self.name, normalised, detail, score=0.8))
        if own is not None:
            labels.append(label("self_harm_mention", self.name, normalised, own))
        elif bereaved is not None and first_person:
            labels.append(label("self_harm_mention", self.name, normalised, bereaved))
        # Talk of one's own self-harm that is not a crisis is talk of getting through it, unless it is the
        # method details (past experience told as how-to is held, not celebrated).
        if own is not None and detail is None:
            labels.append(label("recovery", self.name, normalised, own, score=0.8))
        elif own is None and bereaved is None and first_person and not _EATING_DISORDER.search(text):
            struggle = first(_OWN_STRUGGLE, normalised)
            recovery = first(_RECOVERY, normalised) if struggle is not None else None
            if recovery is not None:
                labels.append(label("recovery", self.name, normalised, recovery))
        return labels

    # -- crisis ---------------------------------------------------------------------------------------------

    def _crisis(self, normalised: Normalised, exclude):
        """The match that shows a crisis, and how sure: a statement, two warning signs, or one and the model."""
        variants = readings(normalised)
        for variant in variants:
            for match in _statements(variant):
                if exclude and _overlaps(exclude, match.span()):
                    continue
                if not self._excused(variant, match, ideation=match.re is _IDEATION):
                    return match, 1.0
        cues = self._cues(variants, exclude)
        if not cues:
            return None, 0.0
        text = normalised.text
        kinds = set(cues)
        context_ok = not _ADDRESSING.search(text) and not _POSITIVE.search(text)
        if not context_ok:
            return None, 0.0
        shown = min(cues.values(), key=lambda m: m.start())
        if _enough(kinds):
            return shown, 0.9
        signs = kinds - {"time", "talk"}
        if (
            self._model is not None
            and signs
            and _FIRST_PERSON.search(text)
            and self._model.probability(text) >= MODEL_THRESHOLD
        ):
            return shown, 0.75
        return None, 0.0

    def _cues(self, variants, exclude) -> dict:
        """The kinds of warning sign in a text, each with its first match. A goodbye said in two sentences
        ("thanks to everyone here. i wont be posting again") counts as two signs."""
        found = {}
        for variant in variants:
            for kind, pattern in _CUES.items():
                if kind in found and kind != "goodbye":
                    continue
                for match in pattern.finditer(variant):
                    if exclude and _overlaps(exclude, match.span()):
                        continue
                    if self._excused(variant, match, ideation=True, cue=True):
                        continue
                    if kind not in found:
                        found[kind] = match
                        if kind != "goodbye":
                            break
                    elif _sentence_bounds(variant, *found[kind].span()) != _sentence_bounds(variant, *match.span()):
                        found["farewell"] = match
                        break
        return found

    def _excused(self, text: str, match, ideation: bool = False, cue: bool = False) -> bool:
        """Whether a candidate reads, in its sentence, as the past, someone else, awareness, fiction or a joke."""
        start, end = match.start(), match.end()
        sentence_start, sentence_end = _sentence_bounds(text, start, end)
        sentence = text[sentence_start:sentence_end]
        before = text[sentence_start:start]
        found = match.group()
        now = _NOW.search(sentence) is not None
        if _FICTION.search(before) or (_FICTION.search(sentence) and not (now and _FIRST_PERSON.search(found))):
            return True
        if _REPORTED.search(before) and not _I_REPORT.search(before):
            return True
        if _someone_else(before, found):
            return True
        if _NEEDS_SUBJECT.match(found) and not (_FIRST_PERSON.search(text) or _SELF_EVIDENT.search(found)):
            return True  # "jump now!" in a game: no one is the subject; "kms" and "unalive" name the writer
        if found.startswith("suicid") and _ABOUT_SUICIDE.search(before):
            return True  # "died by suicide today", "a talk on suicide tonight"
        if _ADDRESSING.search(before) or _HYPOTHETICAL.search(before) or _NEGATED_BEFORE.search(before):
            return True
        if _DENIED.search(sentence):
            return True
        if not now and (_PAST.search(sentence) or _RESISTED.search(sentence)):
            return True
        if _RELAPSE.search(found) and _OTHER_ADDICTION.search(text) and not _SH_CONTEXT.search(text):
            return True
        if (
            not cue
            and _VAGUE_ACT.search(found)
            and not _CLEAR_ACT.search(found)
            and not _SUICIDE_CONTEXT.search(text[:start] + " " + text[end:])
        ):
            return True
        if ideation and sentence.rstrip().endswith("?") and _HELP_QUESTION.search(sentence):
            return True
        return _joking(text, sentence, found)

    @staticmethod
    def _asks_for_themselves(text: str, method) -> bool:
        """A request for means is a crisis unless it is distanced, only about hiding injuries, or in fiction."""
        if _NOT_ME.search(text) or (_ADVICE.search(text) and not _ASKING.search(text)):
            return False
        asked = method.group()
        if _CONCEALMENT.search(asked) or _METHOD_IN_FICTION.search(text):
            return False
        return not _PAST.search(_sentence(method.string, method.start(), method.end()))

    def _own_mention(self, normalised: Normalised):
        for variant in readings(normalised):
            for match in _OWN_MENTION.finditer(variant):
                if not _NEGATED_HARM.search(match.group()) and not _DENIED.search(_sentence(variant, *match.span())):
                    return match
        return None

    # -- search ---------------------------------------------------------------------------------------------

    def _search(self, normalised: Normalised) -> list[Label]:
        for variant in readings(normalised):
            for match in itertools.chain(_SEARCH_TERMS.finditer(variant), _statements(variant)):
                if not _KILOMETRES.search(variant, max(0, match.start() - 4), match.end()):
                    return [label("crisis", self.name, normalised, match)]
        if _one_typo_from_a_term(normalised.text):
            return [Label(name="crisis", score=0.8, detector=self.name)]
        return []


def _statements(text: str):
    """Every match of the statements that are a crisis on their own, in the order of the patterns."""
    yield from _INTENT.finditer(text)
    for when in _TIME_WORD.finditer(text):
        match = _ACT_THEN_TIME.search(text, max(0, when.start() - _BEFORE_TIME), when.end())
        if match is not None:
            yield match
    yield from _IDEATION.finditer(text)


def _joking(text: str, sentence: str, found: str) -> bool:
    """Hyperbole: a trivial cause, or laughter about something small, and nothing that says it is serious."""
    if _TRIVIAL_FRAME.search(sentence):
        return not _SERIOUS.search(text.replace(found, " "))
    laughing = _LAUGH.search(sentence) or (len(text) < 160 and _LAUGH.search(text))
    sobbing = _SOBBING.search(sentence) and _TRIVIA.search(sentence)
    if not (laughing or sobbing):
        return False
    if _SERIOUS.search(text.replace(found, " ")):
        return False
    return bool(_WEAK_ACT.search(found) or _TRIVIA.search(sentence))


def _someone_else(before: str, found: str) -> bool:
    """The nearest person before a candidate that has no subject of its own is someone else ("she is ending it")."""
    if _FIRST_PERSON.search(found):
        return False
    people = _THIRD_PERSON.findall(before)
    return bool(people) and people[-1] not in {"i", "im", "ive", "ill", "id", "me", "my", "myself", "mine"}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence around a match begins and ends (at . ! ? or a line break), at most 200 characters out."""
    low = max(0, start - 200)
    left = max(text.rfind(c, low, start) for c in ".!?\n")
    right_candidates = [i for i in (text.find(c, end, end + 200) for c in ".!?\n") if i != -1]
    right = min(right_candidates) + 1 if right_candidates else min(len(text), end + 200)
    return left + 1, right


def _sentence(text: str, start: int, end: int) -> str:
    first_char, last_char = _sentence_bounds(text, start, end)
    return text[first_char:last_char]


def _one_typo_from_a_term(text: str) -> bool:
    """A search word (or two joined) one typo from a crisis word: "suicde", "selfharn". Short queries only."""
    words = [_REPEATS.sub(r"\1", word) for word in _LETTERS.findall(text[:500])]
    candidates = words + [a + b for a, b in zip(words, words[1:], strict=False)]
    return any(
        len(word) >= 6 and _one_typo_away(word, _REPEATS.sub(r"\1", target))
        for word in candidates
        for target in _SEARCH_TYPO_TARGETS
    )


def _one_typo_away(word: str, target: str) -> bool:
    """One letter added, dropped, changed, or two neighbours swapped."""
    if abs(len(word) - len(target)) > 1 or word[:1] != target[:1] or word == target:
        return word == target
    if len(word) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and word[diff[0]] == target[diff[1]]
            and word[diff[1]] == target[diff[0]]
        )
    short, long = sorted((word, target), key=len)
    i = next((i for i, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short))
    return short[i:] == long[i + 1 :]


# ---------------------------------------------------------------------------------------------------------
# The second opinion: logistic regression on word unigrams and bigrams, trained at import, scored in Python.

_WORD = re.compile(r"[a-z]+|🪦|⚰|🔪|🪢|💊")


@dataclass(frozen=True, slots=True)
class _Model:
    weights: dict
    intercept: float

    def probability(self, text: str) -> float:
        """P(crisis now) for a normalised text."""
        tokens = _WORD.findall(text)
        total = self.intercept
        weights = self.weights
        for index, token in enumerate(tokens):
            total += weights.get(token, 0.0)
            if index:
                total += weights.get(tokens[index - 1] + " " + token, 0.0)
        total = max(-30.0, min(30.0, total))
        return 1.0 / (1.0 + math.exp(-total))


def _train() -> _Model | None:
    try:
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:  # rules alone
        logger.info("scikit-learn is not installed; the self-harm detector runs on rules only")
        return None
    try:
        lines = (DATA / "self_harm_training.tsv").read_text(encoding="utf-8").splitlines()
    except OSError:
        logger.warning("self-harm training texts are missing; the self-harm detector runs on rules only")
        return None
    texts, labels = [], []
    for line in lines:
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        kind, text = line.split("\t", 1)
        texts.append(normalise(text).text)
        labels.append(1 if kind.strip() == "crisis" else 0)
    if len(set(labels)) < 2:
        return None
    vectoriser = CountVectorizer(
        token_pattern=_WORD.pattern, ngram_range=(1, 2), binary=True, lowercase=False, min_df=1
    )
    matrix = vectoriser.fit_transform(texts)
    model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
    model.fit(matrix, labels)
    coefficients = model.coef_[0]
    weights = {
        term: float(coefficients[index])
        for term, index in vectoriser.vocabulary_.items()
        if abs(coefficients[index]) > 1e-6
    }
    return _Model(weights=weights, intercept=float(model.intercept_[0]))


MODEL = _train()
MODEL_THRESHOLD = 0.7  # probability above which one warning sign in a first-person text is a crisis
