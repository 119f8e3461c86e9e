"""Methods: how to harm oneself. A request is also a crisis unless the writer distances it from themselves."""

import re

from ..phrasing import first, phrases, readings
from .context import PAST, overlaps, sentence_of
from .vocabulary import DRUGS, MANY, NUMBER

_HARM_OUTCOME = (
    r"(?:kill|die|dead|death|lethal|fatal|deadly|overdose|od|too much|enough to|would it take|does it take|it would ta"
    r"ke|not wake up|never wake up|(?:dont|wont|do not|will not) wake up|end it|end my life|be fatal|be lethal|stop my"
    r" heart|poison|damage|shut down|to kill|to end|sleep forever|to sleep for good|never wake|not wake|put me down)"
)
# "cut" as self-harm in a request, not "the best way to cut a mango" or "cut my fringe"
_CUT_ONESELF = (
    r"cut(?! (?:a|an|the|some|this|that|these|those|up|out|down|back|off|onions?|hair|my hair|your hair|bread|cake|"
    r"fruit|veg|vegetables|wood|paper|fabric|costs|carbs|sugar|my fringe|a fringe|grass|tiles|glass|meat|chicken|"
    r"pizza|steak|it short|them)(?![a-z]))"
)
_SUPPLEMENTS = r"(?:vitamins?|vitamin [a-z]|water|caffeine|coffee|energy drinks?|sugar|melatonin|iron|salt)"
METHOD_REQUEST = phrases(
    # a method asked for by a superlative alone: "whats the least painful method", "the quickest way out"
    r"(?:what|whats|which|what is|wats|wat is|the|any|a) (?:the )?(?:least painful|most painless|painless|quickest|"
    r"easiest|surest|fastest|most peaceful|most reliable) (?:method|methods|way out|way to go|exit)(?=[^a-z0-9]*$| that"
    r"| which| to| for me|[^a-z0-9]*\?)",
    r"(?:poisonous|toxic|lethal|deadly|strong|dangerous) enough to (?:do it|kill (?:me|you|someone|a person)|die|end it"
    r"|"
    r"end my life)",
    r"(?:you|i|u|someone|a person|people) (?:can|could|would|will) (?:die|overdose|od) (?:from|on|with|by|if) (?:mixing"
    r"|"
    r"taking|swallowing|drinking|combining)(?! (?:a |too much )?" + "(?:vitamins?|water|caffeine|coffee|energy drinks?)"
    r"(?![a-z]))",
    r"(?:do it|go|end it|od|overdose) without (?:being found|anyone finding|anybody finding|being stopped|anyone "
    r"stopping)",
    r"where (?:on|in) (?:the|my|your|ur|a) (?:arm|wrist|leg|thigh|body|neck|stomach) {w3}(?:cut|slit|stab)",
    # doses and amounts
    r"how (?:many|much) (?:of )?{w3}" + DRUGS + r" (?:[a-z0-9]+ ){0,10}" + _HARM_OUTCOME,
    r"how (?:many|much) {w4}(?:would it take|does it take|it (?:takes|would take|d take)|would kill|to (?:die|overdose"
    r"|od|kill|end it)|is (?:lethal|fatal|deadly|enough to))",
    r"(?:what|which) (?:pills|meds|drugs|tablets|medication|medicine|poison|dose|amount|quantity|number) {w6}"
    r"(?:kill|die|overdose|od|lethal|fatal|deadly|end it|painless|not wake up|never wake up|(?:go to )?sleep "
    r"(?:forever|for good|and never wake up|and not wake up))",
    # depth or pressure of a cut asked for: "how deep would it need to go to hit anything serious"
    r"how (?:deep|hard|far|long) {w6}(?:cut|cutting|slice|slit|go|press)(?: {w4}(?:hit|reach|get to|sever|"
    r"something|anything|vein|artery|important|serious|fatal|bleed out|die))",
    r"(?:what|which) (?:dose|amount|quantity) of {w3}(?:would|is|will|could) (?:be )?(?:fatal|lethal|deadly|kill|"
    r"enough to)",
    # not health questions about supplements and drinks ("can you overdose on vitamin c?")
    r"(?:can|could|would|will) (?:you|i|someone|a person|one|u) (?:die|overdose|od) (?:from|on|with|by|if)"
    r"(?! (?:a |too much )?" + _SUPPLEMENTS + r"(?![a-z]))",
    r"(?:is it possible|possible) to (?:die|overdose|od) (?:from|on|with|by)(?! " + _SUPPLEMENTS + r"(?![a-z]))",
    r"(?:[0-9]+|" + NUMBER + r") (?:of )?{w2}(?:" + DRUGS[3:-1] + r") {w3}(?:would|will|is|be|are) (?:be )?(?:enough|"
    r"lethal|fatal|deadly|too many|kill)",
    r"how (?:would|do|does|could|can|might) (?:someone|a person|people|one|you|they|he|she) (?:realistically |actually "
    r")?(?:overdose|od|kill (?:them|him|her|your)~sel(?:f|ves)|hang (?:them|him|her)~sel(?:f|ves)|die from)",
    r"(?:would|will|can|could|is|are) (?:[0-9]+|"
    + NUMBER
    + r")(?:~(?:mg|g|grams))? {w2}(?:"
    + DRUGS[3:-1]
    + r") {w3}(?:kill|be enough|do it|fatal|lethal|deadly|enough to)",
    r"(?:lethal|fatal|deadly|toxic|overdose) (?:dose|amount|quantity|level)|ld ?50|dosis (?:letal|mortal)|"
    r"dose (?:letale|mortelle|letal)|todliche dosis",
    r"what happens if (?:you|i|u|someone) (?:take|takes|swallow|swallows|drink|drinks|od on|overdose on) "
    r"(?:a whole|all|the whole|a bottle|a packet|too many|[0-9]+|" + NUMBER + r")",
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
    # asking which places have no barrier, or a roof one can get onto
    r"(?:which|what|any|where|is there an?|are there|know (?:of )?(?:an?|any)) {w2}(?:building|bridge|car park|roof|"
    r"station|platform|tower|cliff|rooftop|multi~storey|block|place)s? {w4}(?:without|doesnt have|dont have|has no|"
    r"have no|with no|that has no) (?:the |any )?(?:barriers?|fences?|railings?|nets?|security|staff|cameras)",
    r"(?:which|what|any|where|is there an?|are there|know (?:of )?(?:an?|any)) {w2}(?:buildings?|car parks?|bridges?|"
    r"towers?|rooftops?|places?|multi~storeys?|blocks?) {w4}(?:roof access|open roofs?|rooftop access|access to the "
    r"roof|(?:get|go) (?:up )?(?:on|onto) the roof)",
    r"(?:train|trains|tracks|railway|line) {w4}(?:fewest|no|least) (?:staff|people|cameras)|(?:fast|express) "
    r"trains? (?:that )?(?:dont|do not) stop",
    # techniques
    r"(?:mix|make|making) {w4}(?:poison|poisonous|toxic|deadly) (?:gas|fumes)",
    r"(?:chemicals|household (?:products|chemicals|cleaners)|cleaning products|gases) {w6}(?:deadly|lethal|toxic|"
    r"poisonous|kill|fatal)",
    r"(?:survive|survived|surviving) a (?:fall|jump|drop) (?:from|off)|(?:fall|falling|jump|jumping|drop|dropping) "
    r"(?:from|off) {w3}(?:floors?|storeys?|stories|story|metres|meters|feet|ft|m) {w4}(?:survive|die|kill|fatal|dead|"
    r"enough|"
    r"lethal|deadly)",
    # whether a method hurts or works: "does hanging hurt", "is drowning quick"
    r"(?:does|do|would|will|is|how much does|how painful is|how quick is|how fast is) (?:hanging|drowning|an "
    r"overdose|overdosing|oding|bleeding out|jumping|slitting (?:your|my) wrists|suffocating|carbon monoxide|getting "
    r"hit by a train|being hit by a train|a train) (?:hurt|painful|quick|fast|work|take long|instant|peaceful)",
    r"(?:hide|hides|hid|hiding|cover|covers|covering|conceal|conceals) (?:up )?(?:my |the |your |her |his |their )?"
    r"(?:cuts|scars|burns|marks) (?:with|using|under)",
    r"how long {w3}(?:to die|to bleed out|to overdose|does an overdose|until (?:you|i) die|to lose consciousness|to pa"
    r"ss out|to suffocate|to drown(?! (?:a|an|the|my|your|his|her|their|some) )|before (?:you|i|it) (?:die|dies|kills)"
    r")",
    r"(?:methods|ways) (?:that|which) (?:dont|do not|wont|will not) hurt|painless (?:methods|ways|death)|"
    r"m[e3]thods? (?:that|which|to)",
    r"(?:way|ways) to (?:self~harm|sh|cut|hurt (?:my|your)~self|burn (?:my|your)~self|od|overdose|die|kms|end it) {w3}"
    r"(?:no scars|without "
    r"scars|doesnt leave|not leave|no~one (?:sees|notices)|without (?:anyone|people|my parents) (?:knowing|"
    r"noticing|seeing))",
    r"(?:belt|rope|cord|scarf|cable|sheet|charger|shoelace) {w3}strong enough (?:to hold|for)|"
    r"how (?:to|do (?:i|you)|can i) (?:tie|make) a (?:noose|knot (?:that|for))|noose knot|hanging knot",
    r"(?:cut|cutting) (?:vertically|horizontally|lengthwise|along the|down the)|(?:vertically|horizontally) or (?:hori"
    r"zontally|vertically)|which (?:vein|artery|way) (?:to|should i|do (?:i|you)) cut|how deep (?:does|do|would|should"
    r"|must|has) (?:a|the|my|your)? ?cut (?:have|need|has) to be|(?:hit|reach|sever|cut) (?:the|an|my|a) (?:artery|art"
    r"eries|vein|jugular)|how deep (?:to|do (?:i|you)|should i|would (?:i|you)|can i|does it) (?:cut|go|need)|where (?"
    r":to|should i|do (?:i|you)|can i) cut (?:to|so|for|if)",
    r"where (?:your|my|their) parents (?:wont|dont|cant|will not|never) (?:check|see|look)",
    r"if (?:you|u) (?:wanna|want to|are going to|gonna|really want to|re going to) (?:od|overdose|die|kms|kill "
    r"(?:your|ur)~self|end it|cut|sh)",
    r"(?:easiest|best|quickest|least painful|painless|fastest|surest|most effective) (?:way|ways|place|places|spot|"
    r"spots) to (?:" + _CUT_ONESELF + r"|sh|self~harm|hurt (?:my|your)~self|burn (?:my|your)~self|jump|die|go)",
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
    r"(?:best|right|good|high enough|safest|surest) (?:height|floor|place|spot|bridge|building) to (?:jump|fall) "
    r"(?:from|off)|(?:so|that) (?:you|i|u|one) (?:dont|wont|do not|will not|cant|can not) survive",
    r"(?:good|best|quiet|quietest|safe|easy|secluded|hidden) (?:spot|spots|place|places|way|ways|woods) (?:to|for) "
    r"(?:hang|hanging|kill|cut|cutting|drown|shoot|od|overdose) (?:my|your|ur|them|one)~sel(?:f|ves)",
    r"(?:painless|easiest|quickest|fastest|best|surest|quietest|least painful|most effective|simplest) "
    r"(?:way|ways|method|methods) (?:to|of) (?:die|dying|kill|end|commit|suicide|kms|od|overdose|hang|go|"
    r"unaliv[a-z]*|self~delete|ctb|bleed out|bleeding out|drown|suffocate)",
    r"(?:which|what) (?:part|side|bit|way|direction|spot|vein) (?:of|on) (?:the|my|your|a|ur) (?:wrist|arm|neck|throat|"
    r"leg|thigh|body) {w4}(?:cut|slit|hit|stab|go deep)",
    r"how (?:do i|to|can i|do you|would i|should i|do people|does one|would you|can you|could i) {w1}(?:kill "
    r"(?:my|your|ur)~self|kms|hang|commit suicide|overdose|od|end (?:my|your|ur) life|cut deeper|cut without|"
    r"unaliv[a-z]*|slit|suffocate|drown (?:my|your)~self|self~delete|ctb|die (?:painlessly|quickly|fast|without))",
    r"how (?:do i|to|can i|do you|should i|do people|does (?:someone|anyone|one)|do they|would i|could i|can you) "
    r"(?:hide|cover|conceal) {w2}(?:cuts|scars|self~harm|sh|burns|marks|"
    r"wounds)",
    r"(?:hide|hiding|cover|covering|conceal) (?:up )?(?:my |the |your |their |his |her )?(?:cuts|scars|self~harm|"
    r"burns|marks) "
    r"(?:from|so)",
    r"where (?:can|do|could|would) (?:i|you|someone|one) (?:buy|get|find|order) (?:something|anything|stuff|things) (?"
    r":to|that (?:will|would|can|could)) (?:end|kill|take) (?:my|your|ur|me)|where (?:can|do|could|would) (?:i|you|som"
    r"eone|one) (?:buy|get|find|order) {w3}(?:gun|rope|pills|tablets|poison|razor|blades|helium|barbiturates|nembutal|"
    r"pentobarbital|sodium nitrite|sn|noose)",
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
    r"depicts) {w3}(?:every step|each step|step by step|in (?:graphic )?detail|exactly (?:how|which|what|how many|"
    r"how much))|"
    r"(?:basically|literally) a (?:tutorial|how to|guide|manual)",
)
METHOD_DETAIL = phrases(
    r"(?:i|you|she|he|they) (?:used|cut with|cut using|got) {w4}(?:razor|blade|sharpener|rope|belt|cord)",
    # more than a dose: "took forty of my nans tablets", not "took two paracetamol for my headache"
    r"(?:took|swallowed|taken|downed) (?:like |about |over |nearly |almost )?(?:" + MANY + r"|a handful of|a bottle "
    r"of|a whole|the whole|all (?:of )?(?:my|the|her|his|their)|a (?:box|packet|pack) of) {w3}(?:" + DRUGS[3:-1] + ")",
    r"(?:pencil sharpener|razor blade)s?|blade (?:from|out of) (?:a |my |the |my dads |my mums )?(?:sharpener|"
    r"shaver|razor)",
    r"(?:jumped|jumping) (?:off|from) (?:the|a) {w3}(?:car park|bridge|building|roof|level|floor|tower)",
    r"(?:overdosed|od~d|oded) on (?:like |about |over |nearly )?(?:" + MANY + r"|a handful of|a bottle of|all (?:of )?"
    r"(?:my|the|her|his|their)|a (?:box|packet|pack) of) {w3}(?:" + DRUGS[3:-1] + ")",
    r"(?:cut|cutting|burn|burned|burnt|burning) (?:my~self )?(?:with|using) (?:a |my |the |an )?(?:compass|razor|blade|"
    r"sharpener|scissors|knife|glass|pin|lighter|lighters|needle|safety pin|box cutter|stanley knife)",
)
# Concealing self-harm from the people who could help, asked for or given as a tip, in any wording: a means of
# hiding (sleeves, hoodies, concealer) or a hiding verb near an injury, a place nobody checks, a cover story.
# Said of the past ("I used to wear long sleeves to hide my scars") it is recovery talk, not a tip (see
# concealment_tip).
_INJURY = r"(?:cuts|cut marks|scars|marks|burns|wounds|self~harm|sh)"
_HIDING_MEANS = (
    r"(?:long sleeves|long sleeved|hoodies?|jumpers?|sweaters?|bracelets|wristbands|hair ties|makeup|concealer|"
    r"foundation|plasters|bandages|band~aids?)"
)
_NOBODY_SEES = (
    r"(?:no~one|nobody|noone|no1|parents|teachers|people|they|your parents|ur parents|your mum|ur mum) {w1}"
    r"(?:sees|see|notices|notice|checks|check|looks|look|asks|ask|finds out|knows)"
)
_CONCEALING = phrases(
    _HIDING_MEANS + r" {w6}" + _INJURY,
    _HIDING_MEANS + r" {w3}(?:so|and|then) " + _NOBODY_SEES,
    r"(?:way|ways|tips?|tricks?|how) (?:to )?{w2}(?:hide|cover|conceal|disguise) {w3}" + _INJURY,
    r"(?:hide|hiding|cover|covering|conceal|concealing|disguise) {w3}" + _INJURY + r" {w3}(?:at|in|during|before|"
    r"for) (?:school|pe|gym|class|work|home|summer|swimming)",
    r"(?:thighs|stomach|hips|upper arms?|ribs|feet|ankles|legs) {w3}" + _NOBODY_SEES,
    r"(?:say|tell) {w3}{w2}(?:cat|dog|kitten|puppy|pet|rose bush|brambles) {w1}(?:scratched|scratch|did)",
    r"(?:excuses?|lies?|what (?:do|can|should) i (?:say|tell)) {w6}{w3}" + _INJURY,
    r"(?:blades?|razors?|sharpeners?|" + _INJURY[3:-1] + r") {w6}(?:easier|easy|simpler) to (?:hide|cover|conceal)",
    _HIDING_MEANS + r" {w6}(?:thats|is|its) how i (?:hide|cover|conceal) (?:mine|them|it)",
)
# "I don't hide my scars any more", "stopped covering up": not concealment.
_NOT_HIDING = phrases(
    r"(?:dont|no longer|stopped|quit|never|not|stop|without) {w1}(?:hide|hiding|cover|covering|conceal|"
    r"concealing|wear|wearing)|used to|any~more|anymore"
)


def _said_of_the_past(match) -> bool:
    sentence = sentence_of(match.string, match.start(), match.end())
    return bool(_NOT_HIDING.search(sentence) or PAST.search(sentence))


def concealment_tip(normalised):
    """The first request or tip for hiding self-harm in a text, or None (not when said of the past)."""
    hidden = first(_CONCEALING, normalised)
    if hidden is None:
        return None
    return None if _said_of_the_past(hidden) else hidden


# "how many pills would it be" means a dose to die of when the text talks of overdosing or dying.
_DOSE_QUESTION = phrases(r"how (?:many|much) (?:of )?{w3}" + DRUGS)
_OVERDOSE_TALK = phrases(
    r"overdos[a-z]*|od|oding|lethal|fatal|die|dying|death|kill (?:my|him|her|them|your)~sel(?:f|ves)|not wake up|"
    r"never wake up|end (?:it|my life)"
)
# The writer distances a request from themselves: research, fiction, curiosity, or advice to someone else.
_NOT_ME = phrases(
    r"in (?:[a-z]+ )?(?:class|lesson|assembly|lecture)|we (?:learned|learnt|were taught|were told|did a (?:unit|lesson"
    r")|covered)",
    r"(?:for|in) (?:my|a|the|our) (?:school |class |english |uni |college |psychology |history |science )?"
    r"(?:story|novel|book|character|essay|project|class|script|fic|report|research|"
    r"assignment|homework|dissertation|article|screenplay|play|film|movie|show|series|game|podcast)",
    r"my character|writing (?:a|my) (?:report|essay|story|novel|article)|creative writing|(?:writing|poetry|drama) "
    r"(?:piece|project|class|assignment)|just (?:curious|wondering|asking)|"
    r"out of curiosity|asking for (?:a|my) (?:friend|class|story|project)|(?:he|she|they) (?:used|took)",
    # someone else's post reported to moderators
    r"(?:someone|somebody|a user|this person|people|this account) {w3}(?:was|is|are|were|keeps?|has been) (?:explainin"
    r"g|posting|sharing|telling people|saying|showing)|(?:can|could|will|please) (?:a |the |you )?(?:mod|mods|moderato"
    r"r|moderators|admin|admins) (?:delete|remove|take down|look at)",
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
_CONCEALMENT = phrases(
    r"hide|hides|hid|hiding|cover|covers|covering|conceal|conceals|excuses?|explain|where (?:your|my|their) parents",
    _HIDING_MEANS,
    _NOBODY_SEES,
    r"scratched|scratch|disguise|lies?",
)
_METHOD_IN_FICTION = phrases(r"(?:film|movie|show|series|episode|book|scene|novel|documentary)")


def method_request(normalised):
    """The first request for means, doses, places or techniques in a text, or None."""
    asked = first(METHOD_REQUEST, normalised)
    if asked is not None and not (_CONCEALMENT.search(asked.group()) and _said_of_the_past(asked)):
        return asked
    dose = first(_DOSE_QUESTION, normalised)
    if dose is not None and _OVERDOSE_TALK.search(dose.string):
        return dose
    return concealment_tip(normalised)


_WORD_START = re.compile(r"(?<![a-z0-9])[a-z0-9]")


def asks_about(normalised, span) -> bool:
    """Whether some request for means takes in `span`: "whats the most painless way to kill yourself" asks about
    means, and its "yourself" is anyone's."""
    start, end = span
    for variant in readings(normalised):
        # every word start just before the span, as matches found one after another could step over it
        for word in _WORD_START.finditer(variant, max(0, start - 80), end):
            asked = METHOD_REQUEST.search(variant, word.start(), min(len(variant), end + 80))
            if asked is not None and overlaps(span, asked.span()):
                return True
    return False


def asks_for_themselves(text: str, method) -> bool:
    """A request for means is a crisis unless it is distanced, only about hiding injuries, or in fiction."""
    if _NOT_ME.search(text) or (_ADVICE.search(text) and not _ASKING.search(text)):
        return False
    asked = method.group()
    if _CONCEALMENT.search(asked) or _METHOD_IN_FICTION.search(text):
        return False
    return not PAST.search(sentence_of(method.string, method.start(), method.end()))
