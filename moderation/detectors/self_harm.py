"""Self-harm and suicide: a crisis now, talk of the past and of recovery, cruelty aimed at others, methods.

Safe-messaging guidance separates these, and so does this detector:

- "crisis": the writer may harm themselves now or soon: first person with intent, a plan or means at hand, a
  timeframe, a goodbye, an attempt in progress, or a first-person request for means.
- "method": how to harm oneself: requests for means, doses, places or techniques, or details of them.
- "recovery" / "self_harm_mention": the writer's own past, their recovery, bereavement by suicide. These
  go behind a content warning and are never refused.
- "harassment": encouragement of self-harm aimed at someone else ("kys", "nobody would miss you").

Talk about the past, an urge resisted, worry about someone else, awareness posts and hyperbole ("this
workout killed me", "I wanna die 😂") are not a crisis.

For library search (`kind="search"`), a query is a few words typed by a reader, not a post: any crisis
term at all (a bare "suicide", "self h@rm") is reported as "crisis", because a false alarm only shows
helplines above the results. That is the one crisis vocabulary search and screening share.
"""

import re

from ..decision import Label
from ..text import Normalised
from .phrasing import first, label, phrases, readings

# What the writer might do to themselves, as an object of "want to", "going to", "gonna".
_ACTS = (
    "kill~my~self",
    "kms",
    "killing my~self",
    "ending (?:my life|it all|it|things)",
    "unaliving",
    "end (?:my (?:own )?life|it all|it|things|everything|this)",
    "take my (?:own )?life",
    "off my~self",
    "unaliv[a-z]* my~self",
    "unalive",
    "commit (?:suicide|sudoku|die)",
    "suicide(?! (?:prevention|awareness|hotline|helpline|line|support|month|week|day|talk|research|rates?))",
    "sewer~slide",
    "(?:hang|hurt|cut|burn|drown|shoot|poison) my~self",
    "die",
    "be dead",
    "not (?:be|exist) (?:here|anymore|alive)",
    "overdose",
    "od",
    "jump (?:off|in front)",
    "cut(?:ting)? my (?:wrists?|arms?|legs?|thighs?|skin|stomach)",
    # "cut" alone, not "cut my hair", "cut class", "cut the cake"
    "cut(?:ting)?(?: again| deeper)?(?! (?:my|the|a|an|your|his|her|their|it|them|off|out|down|back|up|in|class|"
    "school|ties|through|corners|onions|paper|fabric)(?![a-z]))",
    "sh",
    "self~harm",
    "relapse",
    "do it",
    "jump(?! (?:in|into|on|at|to|up|over|the|a|rope|ship|around|back)(?![a-z]))",
    "take the (?:forever|long|eternal) (?:nap|sleep)",
    "disappear (?:forever|for good)",
    "not wake up",
)
_ACT = "(?:" + "|".join(a.replace(" ", "[^a-z0-9]+").replace("~", "[^a-z0-9]*") for a in _ACTS) + ")"

_CRISIS = phrases(
    # intent: first person (or the bare verb that opens a post) + want/going to + the act
    r"(?:i|im|ill|i am|i will|i have|ive) {w3}(?:going to|gonna|gon|want to|wanna|need to|have to|"
    r"about to|ready to|decided to|deciding to|planning (?:to|on)|plan to|will|tryna|trying to|wish i could|"
    r"thinking (?:about|of)|finna) {w2}" + _ACT,
    r"(?:ima|imma|im finna|i finna) {w1}" + _ACT,
    r"i~(?:want|wanna)~(?:to~)?(?:die|kms|kill~my~self)",
    _ACT + " {w3}(?:tonight|today|tomorrow|tmrw|right now|rn|soon|this (?:weekend|week)|after school|in an hour|"
    r"in a few hours|when everyone (?:is asleep|goes to (?:bed|sleep))|once everyone)",
    r"(?:i|im|i am) (?:ending|killing my~self|unaliving my~self|taking my (?:own )?life|doing it|cutting|"
    r"overdosing|taking (?:all )?(?:my|the) (?:pills|meds|tablets)) {w2}(?:tonight|today|now|rn|right now|"
    r"for real|this time)",
    r"(?:take|taking|swallow|swallowing) (?:all )?(?:of )?(?:my|the) (?:pills|meds|tablets) {w2}(?:tonight|today|"
    r"now|rn|and|at once)",
    r"(?:gonna|going to|about to|ready to|want to|wanna|decided to|planning to|plan to) " + _ACT + " "
    r"(?:tonight|today|tomorrow|tmrw|later|soon|now|this (?:weekend|week|time)|after|before|when)",
    r"(?:^|[.!?\n] ?)(?:gonna|going to|about to|wanna|want to) " + _ACT,
    r"(?:kms|kill~my~self|end my life|unaliv[a-z]* my~self|off my~self) {w3}(?:tonight|today|tomorrow|tmrw|"
    r"fr|for real|soon|this (?:weekend|week)|after school|right now|now)",
    # no will to go on
    r"i {w2}(?:dont|do not|no longer|dont really) (?:want|wanna) to (?:live|be alive|be here|exist|wake up|go on)",
    r"i (?:wish i (?:was|were) dead|wish i could (?:die|disappear)|cant (?:do|take) (?:this|it) any~more)",
    r"(?:theres|there is) no (?:point|reason) (?:in|to) (?:living|live|going on|being alive)",
    r"i (?:dont|do not) (?:see|have) (?:a|any) (?:way out|reason to live|future)",
    r"(?:tonight|today|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day|this weekend) is the (?:night|day)",
    r"(?:kms|kys){2,}[a-z]*",
    r"(?:suicide|dying|death|killing my~self|ending it) is (?:the|my) only (?:way out|option|answer|choice)",
    r"(?:tonight|today|tomorrow|this weekend) im (?:doing it|going to do it|ending it)",
    r"(?:make sure i do|im doing it|ending it|do it|it (?:all )?ends) {w2}(?:tonight|today|tomorrow|this week|"
    r"this weekend|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)",
    r"(?:if|unless) {w4}(?:by|before) (?:mon|tues|wednes|thurs|fri|satur|sun)day {w2}(?:im|i will|ill) "
    r"(?:ending|end|do|doing|kill)",
    r"(?:bye|goodbye) i mean it|deleting everything after this|(?:this is my |my )?(?:final|last) post(?! was)",
    r"(?:not gonna|not going to|wont|will not) be (?:here|around|alive) (?:for|by|at|on|much longer|any~more)",
    r"not planning on (?:being|staying) (?:here|around|alive)|(?:my )?last days (?:here|alive|on earth)",
    r"my (?:goodbye|suicide) (?:letter|note)s?",
    r"im done {w3}(?:this is it|tonight|goodbye)|this is it {w1}tonight",
    r"(?:forever|eternal|permanent) (?:nap|sleep)(?! mask)",  # slang repeated, its letters spelled out and run together
    r"(?:take|swallow|taking|swallowing) (?:all of (?:them|it)|them all|the lot|the whole (?:bottle|packet|box))",
    r"(?:ive|i have) (?:just )?(?:taken|swallowed|downed) {w3}(?:pills|tablets|meds|bottle|packet)",
    r"im (?:so )?done (?:with )?(?:life|living|everything|it all|being alive)",
    r"(?:life|living) (?:isnt|is not|aint) worth (?:it|living) any~more|i (?:hate|am tired of|m tired of) "
    r"(?:being alive|living|existing)|im (?:so )?tired of (?:being alive|living|existing)",
    r"(?:my )?last day (?:on earth|alive|here)|see you (?:all )?on the other side|my final goodbye",
    r"(?:want|wanna) to (?:go to )?sleep forever",
    r"(?:when|after|once) im (?:dead|gone) {w4}(?:care|miss|notice|better|sorry|forget|happy)",
    r"(?:no~one|nobody|noone) (?:will|would|is going to) (?:care|notice|miss me) (?:when|if|once) im (?:gone|dead)",
    r"(?:wont|will not) (?:be a (?:problem|burden)|have to deal with me) {w2}(?:much longer|"
    r"any~more|for long|after (?:tonight|today|this))",
    r"(?:picked|chose|chosen|set|decided on) (?:a|the) (?:date|day|time|spot|place|bridge)",
    r"(?:writing|wrote|finished|left) my (?:suicide )?note",
    r"dont (?:try to )?(?:stop|find|save|look for) me",
    r"this is (?:my )?goodbye",
    r"ill be (?:gone|dead) (?:by|before|tomorrow|tonight|soon)",
    r"im (?:feeling )?(?:really |so |very )?suicidal (?:right now|rn|tonight|again|and|today)",
    r"i (?:just )?(?:want|need) (?:it|this|everything|the pain|all of this|it all) (?:all )?to (?:end|stop|be over)",
    r"(?:everyone|everybody|they|my family|the world|people) (?:would|will|d|are|is) (?:be )?better "
    r"(?:off )?without me",
    r"i (?:cant|can not|cannot) (?:go on|keep going|keep doing this|live like this|take (?:it|this) any~more)",
    r"(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up",
    r"(?:it|this|everything|it all) (?:will|ll) (?:all )?be over (?:soon|tonight|tomorrow)",
    r"(?:ive|i have) made up my mind|this is the end for me|im (?:a burden|done) {w3}(?:do it|end|goodbye)",
    r"(?:on|at|standing on) the (?:bridge|roof|edge|ledge|tracks|cliff) (?:right )?now",
    r"(?:cut|cuts) too deep|(?:wont|cant|will not|doesnt) stop bleeding|bleeding (?:wont|will not|and cant) stop",
    # goodbyes
    r"(?:this is|this will be|here is) my (?:last|final) (?:post|message|goodbye|words|entry|story)",
    r"(?:goodbye|bye) (?:everyone|everybody|all|world|forever|for good|guys)",
    r"(?:love you all|sorry for everything|im sorry for everything) {w3}(?:goodbye|bye|forgive me)",
    r"by the time (?:you|anyone|someone) (?:reads?|sees?|finds?) this",
    r"(?:wrote|written|writing|left) (?:my|the|a) {w1}(?:goodbye|suicide|last|final) (?:letters?|notes?)",
    r"already (?:wrote|written) (?:the|my) (?:letters|notes)",
    r"i (?:wont|will not) be (?:here|around|alive) (?:tomorrow|much longer|any~more|by)",
    r"(?:giving|gave) away (?:all )?my (?:stuff|things|belongings)",
    r"tell (?:my )?(?:mum|mom|mam|dad|family|sister|brother|friends|everyone) (?:i|that i) "
    r"(?:love|loved|m sorry|am sorry)",
    # a plan or means at hand, or an attempt in progress
    r"i (?:have|got|bought|ve got|collected|saved|stockpiled|been saving) {w3}(?:pills|tablets|meds|rope|blade|"
    r"razor|gun)\b(?! [a-z]+ (?:ago|before))",
    r"(?:saved|saving|stockpiled|stockpiling|hoarding|collected|counted) (?:up )?{w2}(?:pills|tablets|meds)",
    r"i (?:just )?(?:took|swallowed) {w3}(?:pills|tablets|meds|bottle|packet|everything)",
    r"(?:standing|sitting|stood) (?:on|at) (?:the|a) (?:edge|ledge|bridge|roof|platform|tracks)",
    r"(?:i have|ive got|i got) a plan",
    r"i know (?:how|when|where) (?:i will|ill|im going to) do it",
    # Spanish, French, German (accents are already undone)
    r"quiero (?:morir|morirme|matarme|suicidarme|desaparecer)|me quiero (?:morir|matar)",
    r"(?:quitarme|quitar) la vida|acabar con (?:todo|mi vida)|adios (?:a todos|para siempre)",
    r"mettre fin a (?:mes jours|ma vie)|en finir avec (?:la vie|tout)|adieu a tous",
    r"mir das leben (?:nehmen|zu nehmen)|ich will nicht mehr|ich halte es nicht mehr aus",
    r"me voy a (?:matar|suicidar|morir)|voy a (?:matarme|suicidarme)",
    r"ya no quiero (?:vivir|seguir)",
    r"je (?:veux|vais) (?:mourir|me tuer|me suicider|en finir)",
    r"je ne veux plus vivre|je vais me foutre en l air",
    r"ich (?:will|werde|mochte|moechte) (?:sterben|mich umbringen|mich toten|nicht mehr leben)",
    r"ich bringe mich (?:heute |morgen |jetzt )?um",
)

# Not the writer, not now: talk about the past, an urge resisted, someone else, a negation.
_NOT_NOW = phrases(
    r"used to",
    r"when i was",
    r"back (?:then|when|in)",
    r"(?:years?|months?|weeks?) ago",
    r"last (?:year|summer|winter|spring|autumn)",
    r"in (?:the past|20[0-9][0-9]|year [0-9]+)",
    r"i (?:wanted|felt like|thought about|was going to|was gonna|planned|had planned|once)",
    r"(?:didnt|did not|never) (?:do it|act on|go through)",
    r"instead",
    r"made it through",
    r"(?:clean|free) (?:for|since)",
    r"(?:days?|weeks?|months?|years?) (?:clean|free|sober)",
    r"still here",
    r"glad i",
    r"(?:my|her|his|their) (?:friend|sister|brother|mum|mom|dad|cousin|partner|girlfriend|boyfriend) "
    r"(?:says|said|wants|keeps|told)",
    r"i (?:dont|do not|never) (?:want|wanna) to (?:die|kill|hurt|end)",
)
_STRONG_NOW = phrases(
    r"tonight|right now|im (?:going|gonna)",
    r"(?:this is|this will be) my (?:last|final)|by the time",
)
# Hyperbole: "i wanna die 😂", "dying of embarrassment". Only weak phrasing ("die") can be hyperbole.
_JOKING = re.compile(
    r"😂|🤣|💀|😭|\blo+l\b|\blmf?ao\b|\bhaha|\bof (?:embarrassment|cringe|laughing|shame)\b|\bcringe\b|"
    r"\bdie on (?:this|that) hill\b|\bdie (?:of|from) (?:embarrassment|laughter|laughing|boredom|shame)\b|"
    r"\bdie laughing\b"
)
_WEAK_ACT = re.compile(r"\b(?:die|be dead|do it|disappear)\b")

_METHOD_REQUEST = phrases(
    r"how (?:many|much) {w4}(?:would it take|does it take|to (?:die|overdose|od|kill|end it)|would kill|"
    r"is (?:lethal|fatal|deadly|enough to))",
    r"(?:what|which) (?:pills|meds|drugs|tablets|medication|medicine|poison) {w3}(?:kill|die|overdose|od|"
    r"lethal|fatal|end it|painless)",
    # not health questions about supplements and drinks ("can you overdose on vitamin c?")
    r"(?:can|could|would) (?:you|i|someone|a person|one) (?:die|overdose|od) (?:from|on|with|by|if)"
    r"(?! (?:vitamins?|water|caffeine|coffee|energy drinks?|sugar|melatonin|iron)(?![a-z]))",
    r"(?:is it possible|possible) to (?:die|overdose|od) (?:from|on|with|by)",
    r"(?:would|will|can|could) [0-9]+ (?:pills|tablets|paracetamol|ibuprofen) {w2}(?:kill|be enough|do it)",
    r"(?:bridge|building|cliff|roof|car park|tower) {w4}(?:high enough|tall enough|to jump)",
    r"how (?:high|tall|far) (?:does|do|would|is|should|must) (?:a |the )?(?:bridge|building|drop|fall|cliff|roof|jump)",
    r"(?:which|what) (?:pills|tablets|meds|drugs|medication|medicine) {w6}(?:end it|die|kill|overdose|od|lethal|fatal)",
    r"(?:mix|make|making) {w4}(?:poison|poisonous|toxic|deadly) (?:gas|fumes)",
    r"how long {w3}(?:to die|to bleed out|to overdose|does an overdose|until (?:you|i) die)",
    r"(?:methods|ways) (?:that|which) (?:dont|do not|wont) hurt|painless (?:methods|ways)",
    r"(?:way|ways) to (?:self~harm|sh|cut) {w3}"
    r"(?:no scars|without scars|doesnt leave|not leave|no~one (?:sees|notices))",
    r"(?:belt|rope|cord|scarf|cable|sheet) {w3}strong enough (?:to hold|for)",
    r"cuantas (?:pastillas|pildoras)|combien de (?:cachets|comprimes|pilules)|wie viele tabletten",
    r"(?:cut|cutting) (?:vertically|horizontally|lengthwise|along the)",
    r"where (?:your|my|their) parents (?:wont|dont|cant|will not|never) (?:check|see|look)",
    r"if (?:you|u) (?:wanna|want to) (?:od|overdose|die|kms|kill (?:your|ur)~self)",
    r"(?:easiest|best|quickest|least painful|painless|fastest) (?:way|ways|place|places) to (?:cut|sh|self~harm|"
    r"hurt (?:my|your)~self|burn (?:my|your)~self|jump)",
    r"(?:sharpest|best) (?:blade|razor|thing|tool) (?:to|for) (?:cut|cutting|sh)",
    r"what (?:do|did|should) (?:you|u|people|i) use to (?:cut|sh|self~harm)",
    r"(?:cuts|scars|burns|marks) {w3}(?:hidden|without anyone|so (?:no~one|nobody) (?:sees|notices|knows))",
    r"(?:long sleeves|bracelets|makeup|concealer|bandages) {w3}(?:cover|hide) (?:my |the |your )?(?:cuts|scars|"
    r"burns|marks)",
    r"(?:look up|google|search|check out|go to) {w3}(?:sanctioned suicide|ss forum|pro~suicide|suicide methods)",
    r"how (?:many|much) {w3}(?:pills|tablets|paracetamol|ibuprofen|tylenol|aspirin|insulin|meds|medication|"
    r"sleeping pills|antidepressants|mg)",
    r"(?:lethal|fatal|deadly|overdose) (?:dose|amount|quantity|level)",
    r"(?:painless|easiest|quickest|fastest|best|surest|quietest|least painful|most effective) "
    r"(?:way|ways|method|methods) (?:to|of) (?:die|dying|kill|end|commit|suicide|kms|od|overdose|hang|go|"
    r"unaliv[a-z]*)",
    r"how (?:do i|to|can i|do you|would i|should i|do people|does one) {w1}(?:kill (?:my|your)~self|kms|hang|"
    r"commit suicide|overdose|od|end (?:my|your) life|cut deeper|cut without|unaliv[a-z]*|slit|suffocate|drown)",
    r"how (?:do i|to|can i|do you) (?:hide|cover|conceal) {w2}(?:cuts|scars|self~harm|sh|burns|marks|wounds)",
    r"(?:hide|hiding|cover|covering|conceal) (?:up )?(?:my |the |your )?(?:cuts|scars|self~harm|burns) from",
    r"where (?:can|do|could) (?:i|you|someone|one) (?:buy|get|find) {w3}(?:gun|rope|pills|tablets|poison|"
    r"razor|blades|helium|barbiturates)",
    r"(?:which|what) (?:bridge|building|height|floor|train|pills|drug|drugs|meds|method) {w3}"
    r"(?:high enough|tall enough|enough to|kill|to die|would work|works best|painless)",
    r"how high {w3}(?:to die|to kill|enough|would i need)",
    r"(?:pro~suicide|sanctioned~suicide|suicide) (?:site|forum|forums|website|method|methods|guide|kit)",
    r"(?:cut|cutting|cuts) (?:deep|deeper) enough",
)
_METHOD_DETAIL = phrases(
    r"(?:i|you|she|he|they) (?:used|took|swallowed|cut with|cut using) {w3}(?:razor|blade|sharpener|"
    r"[0-9]+ (?:pills|tablets)|pills|tablets|paracetamol|rope|belt|cord)",
    r"(?:took|swallowed) [0-9]+ {w1}(?:pills|tablets|paracetamol|ibuprofen)",
    r"(?:pencil sharpener|razor blade)s?",
)
_FIRST_PERSON = phrases(r"i|im|ive|id|ill|me|my|myself|mine")
_NOT_ME = phrases(
    r"(?:for|in) (?:my|a) (?:story|novel|book|character|essay|project|class|script|fic)",
    r"my character",
    r"(?:for|in) (?:my|a|the) (?:novel|film|movie|show|series|play)",
    r"just (?:curious|wondering|asking)",
    r"asking for (?:a|my) (?:friend|class|story)",
    r"(?:he|she|they) (?:used|took)",
)

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
)
_KYS_CARING = phrases(r"keep (?:your|ur)~self safe", r"kys ?= ?keep")

# The writer's own self-harm, attempt or suicidal thoughts named (past or present).
_OWN_MENTION = phrases(
    r"(?:i|ive|id|im|i was|i have|i had|i used to|i started|i stopped|i quit) {w4}(?:self~harm[a-z]*|sh|shd|"
    r"cut(?! (?:my|the|a|an|it|out|off|down|back|up|class|school|ties|corners|through|in|them|him|her|ties)(?![a-z]))|"
    r"cut(?:ting)? my~self|cut(?:ting)? my (?:wrists?|arms?|legs?|thighs?|skin)|"
    r"cutting(?! (?:my|the|a|an|it|out|off|down|back|up|class|school|ties|corners)(?![a-z]))|"
    r"hurt my~self|hurting my~self|burn[a-z]* my~self|attempted|suicidal|wanted to die|"
    r"unaliv[a-z]*|overdosed|tried to (?:kill my~self|end (?:it|my life)|die|take my (?:own )?life))",
    r"(?:my|i|ive|im|i was|i had|i used to) {w4}(?:self~harm[a-z]*|sh|suicidal|suicide attempt|"
    r"(?:sh|self~harm|cutting) scars|unaliv[a-z]*|relapsed|urges? to (?:sh|cut|self~harm|hurt my~self))",
    r"(?:tried|attempted|wanted|trying) to (?:kill my~self|end (?:it|my life|things|it all)|die|"
    r"take my (?:own )?life|unalive my~self)",
    r"my (?:self~harm|sh|suicide attempt|attempts?|suicidal (?:thoughts|feelings|ideation|phase|days)|"
    r"self~harm scars|scars from (?:self~harm|sh|cutting)|cutting|relapse|overdose|last attempt)",
    r"(?:clean|free) (?:from|of) (?:self~harm|sh|cutting)",
    r"(?:kms|unaliving|sh) (?:thoughts|urges)",
    r"(?:my|i have|i had|ive had|i get|i got|i still get|i still have) {w2}(?:suicidal|self~harm|sh) "
    r"(?:thoughts|urges|feelings|ideation)",
    r"my (?:old |faded |white )?scars(?! (?:from|after) (?:surgery|my operation|an operation|the operation|acne|"
    r"chicken~pox|the accident))",
    r"sin (?:autolesion[a-z]*|cortarme|hacerme dano)|sans (?:me scarifier|automutilation)|ohne (?:mich zu )?ritzen",
    r"(?:self~harm|sh|cutting|suicide|attempt) (?:free|clean|survivor)",
    r"(?:survived|survivor of|after) (?:a|my) (?:suicide )?attempt",
    r"(?:scars|marks) (?:from|of) (?:when i|self~harm|sh|cutting|my)",
)
_BEREAVED = phrases(
    r"(?:lost|lose|losing) (?:my|our|a) {w2}to suicide",
    r"(?:died|death) by suicide",
    r"(?:took|taken) (?:his|her|their) (?:own )?life",
    r"killed (?:himself|herself|themselves|themself)",
    r"suicide (?:loss|bereavement|survivors? of loss)",
)
_RECOVERY = phrases(
    r"recover(?:y|ing|ed)",
    r"(?:[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|twelve) (?:days?|weeks?|months?|years?)"
    r" (?:clean|free|sober|sh free|self~harm free|without|since)",
    r"(?:clean|free|sober) (?:for|since)",
    r"(?:getting|got|feeling|doing) (?:so much |much |a lot )?better",
    r"(?:days?|weeks?|months?|years?) sober|sobriety|on the other side|in a (?:good|better) place|im okay now",
    r"things (?:got|get|are getting) better|it gets better|first time in (?:months|years|ages)",
    r"(?:better|stronger) (?:now|than|these days|every day)",
    r"(?:healing|healed|survivor|survived|still here|made it through|proud of (?:my~self|me|how far))",
    r"(?:therapy|my therapist|meds|medication|counselling|counseling) (?:helped|has helped|is helping|saved)",
    r"(?:beat|beating|overcame|overcome|overcoming|managing|manage) my",
    r"(?:i|ive) (?:learned|learnt) to (?:cope|live|manage)",
    r"(?:good|better) days",
    r"helped|helps|finally|proud|works for me|changed everything|feel like my~self|tiny steps|small steps|"
    r"gone from|learning to|mieux|enfin|besser|mejor",
    r"used to",
)
_OWN_STRUGGLE = phrases(
    r"my (?:depression|anxiety|ocd|ptsd|panic attacks?|drinking|addiction|bipolar|adhd|mental health|"
    r"dark days|eating disorder|ed|trauma|grief|insomnia|social anxiety|burnout|breakdown)",
    r"(?:from|with|of|through) (?:depression|anxiety|ocd|ptsd|panic attacks|addiction|alcoholism|burnout)",
    r"depression|depressive|depressed|panic attacks?|ocd|ptsd|bipolar|anxiety|sober|sobriety|antidepressants|"
    r"therapy|therapist|cbt|emdr|counselling|counseling|mental health|dark days|bad place|grief|diagnosis|"
    r"diagnosed|flashbacks|depresion|depression|psy|therapeut[a-z]*",
    r"(?:struggled|struggling|battled|battling|diagnosed|dealt|dealing|lived|living) with {w2}(?:depression|"
    r"anxiety|ocd|ptsd|panic|addiction|alcohol|bipolar|an eating disorder|self~harm|suicidal)",
    r"(?:i|ive|i was|i had|i have) {w2}(?:depressed|depression|anxious|anxiety|ocd|ptsd|panic attacks|"
    r"addicted|drinking)",
)

# One crisis vocabulary for search: the terms, spelled every way people spell them.
_SEARCH_TERMS = phrases(
    r"suicid[a-z]{0,5}|suizid[a-z]{0,5}|selbstmord[a-z]{0,3}|zelfmoord[a-z]{0,3}",
    r"self~(?:harm|injur|mutilat|hurt)[a-z]{0,5}|selbstverletz[a-z]{0,5}|zelfbeschadig[a-z]{0,5}",
    r"automutil[a-z]{0,5}|autolesi[a-z]{0,5}|unaliv[a-z]{0,5}|sewer~slid[a-z]{0,2}|suesid[a-z]{0,3}",
    r"(?:kill|killing|hang|hanging|cut|cutting|hurt|hurting) (?:my|me)~self",
    r"(?:end|ending) my life|(?:take|taking) my (?:own )?life",
    r"kms|kys|kill (?:your|ur)~self",
    r"(?:want|wanna|wanting|ready) (?:to|2) (?:die|be dead)|i (?:want|wanna) (?:to )?die",
    r"(?:dont|do not) (?:want|wanna) to (?:live|be here|be alive|exist)",
    r"wish i (?:was|were) dead|better off dead|no reason to live|end it all",
    r"commit sudoku|toaster bath|ich will sterben|je veux mourir|quiero morir",
)
_SEARCH_TYPO_TARGETS = ("suicide", "suicidal", "selfharm", "selfharming", "killmyself")
_KILOMETRES = re.compile(r"[0-9] ?kms")  # "5 kms" is a run, not "kill myself"
_LETTERS = re.compile(r"[a-z]+")
_REPEATS = re.compile(r"(.)\1+")


class SelfHarm:
    """Crisis, method, recovery and self-harm mentions, and self-harm encouragement aimed at others."""

    name = "self_harm"

    def detect(self, normalised: Normalised, kind: str) -> list[Label]:
        if kind == "search":
            return self._search(normalised)
        labels: list[Label] = []
        text = normalised.text

        at_someone = first(_AT_SOMEONE, normalised)
        if at_someone is not None and first(_KYS_CARING, normalised) is None:
            labels.append(label("harassment", self.name, normalised, at_someone))
            at_someone_span = at_someone.span()
        else:
            at_someone_span = None

        method = first(_METHOD_REQUEST, normalised)
        if at_someone_span and method is not None and _overlaps(at_someone_span, method.span()):
            labels.pop()  # "the easiest way to kill yourself?" asks about means; it is not aimed at anyone
            at_someone_span = None
        crisis = self._crisis(normalised, text, exclude=at_someone_span)
        detail = None if method else first(_METHOD_DETAIL, normalised)
        if method is not None:
            labels.append(label("method", self.name, normalised, method))
            if crisis is None and not _NOT_ME.search(text):
                crisis = method  # the person asking for means is often the person at risk
        if crisis is not None:
            labels.append(label("crisis", self.name, normalised, crisis))
            return labels

        own = first(_OWN_MENTION, normalised)
        bereaved = first(_BEREAVED, normalised)
        if detail is not None and (own is not None or _FIRST_PERSON.search(text)):
            labels.append(label("method", self.name, normalised, detail, score=0.8))
        if own is not None:
            labels.append(label("self_harm_mention", self.name, normalised, own))
        elif bereaved is not None and _FIRST_PERSON.search(text):
            labels.append(label("self_harm_mention", self.name, normalised, bereaved))
        # Talk of one's own self-harm that is not a crisis is talk of getting through it, unless it is the
        # method details (past experience told as how-to is held, not celebrated).
        if own is not None and detail is None:
            labels.append(label("recovery", self.name, normalised, own, score=0.8))
        elif own is None and _FIRST_PERSON.search(text):
            struggle = first(_OWN_STRUGGLE, normalised)
            recovery = first(_RECOVERY, normalised) if struggle is not None else None
            if recovery is not None:
                labels.append(label("recovery", self.name, normalised, recovery))
        return labels

    def _crisis(self, normalised: Normalised, text: str, exclude):
        for variant in readings(normalised):
            for match in _CRISIS.finditer(variant):
                if exclude and match.start() < exclude[1] and exclude[0] < match.end():
                    continue
                sentence = _sentence(variant, match.start(), match.end())
                if _NOT_NOW.search(sentence) and not _STRONG_NOW.search(sentence):
                    continue
                if _WEAK_ACT.search(match.group()) and _JOKING.search(sentence):
                    continue
                return match
        return None

    def _search(self, normalised: Normalised) -> list[Label]:
        for pattern in (_SEARCH_TERMS, _CRISIS):
            for variant in readings(normalised):
                for match in pattern.finditer(variant):
                    if not _KILOMETRES.search(variant, max(0, match.start() - 4), match.end()):
                        return [label("crisis", self.name, normalised, match)]
        if _one_typo_from_a_term(normalised.text):
            return [Label(name="crisis", score=0.8, detector=self.name)]
        return []


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around a match (ends at . ! ? or a line break), at most 200 characters each side."""
    left = max(text.rfind(".", max(0, start - 200), start), text.rfind("!", max(0, start - 200), start))
    left = max(left, text.rfind("?", max(0, start - 200), start), text.rfind("\n", max(0, start - 200), start))
    right_candidates = [i for i in (text.find(c, end, end + 200) for c in ".!?\n") if i != -1]
    right = min(right_candidates) if right_candidates else min(len(text), end + 200)
    return text[left + 1 : right]


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
