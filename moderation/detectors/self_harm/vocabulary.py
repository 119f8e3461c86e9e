"""The words of self-harm and suicide that the crisis and method patterns are built from.

Fragments, not patterns: what the writer might do to themselves (`ACT`, `ACT_ING`), the wishes hyperbole also
borrows (`WISH`, `WISH_ING`), drugs and amounts, timeframes, and the first-person subjects and intents that
come before an act. In these fragments a space is any run of non-letters and "~" an optional one (see
`..phrasing`); they are compiled only inside the patterns of `crisis` and `methods`.
"""

from ..phrasing import phrases

NUMBER = (
    r"(?:[0-9]+|a (?:few|couple|dozen|handful|bunch|load)|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|dozens|half)"
)
# More than anyone takes as a dose: "took 30 pills", "a handful of tablets", not "took two paracetamol".
MANY = (
    r"(?:[5-9]|[1-9][0-9]+|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|a hundred|dozens|a dozen)"
)
DRUGS = (
    r"(?:pills?|tablets?|tabs|meds|medications?|medicines?|painkillers|paracetamol|acetaminophen|tylenol|ibuprofen|"
    r"advil|nurofen|aspirin|codeine|tramadol|oxy|oxycodone|opioids|morphine|fentanyl|xanax|valium|diazepam|"
    r"benzos|sertraline|zoloft|prozac|fluoxetine|citalopram|escitalopram|amitriptyline|antidepressants|"
    r"sleeping (?:pills|tablets)|sleep meds|benadryl|diphenhydramine|insulin|lithium|quetiapine|seroquel|"
    r"antihistamines|nyquil|pastillas|pildoras|cachets|comprimes|medicaments|tabletten|comprimidos|remedios|"
    r"pillole|compresse|farmaci)"
)
TIME = (
    r"(?:tonight|tonite|2nite|tn|today|tomorrow|tmrw|tmr|tmrrw|rn|right now|now|soon|later|this (?:weekend|week|"
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
NOW = phrases(
    r"tonight|tonite|2nite|tn|right now|rn|tomorrow|tmrw|this (?:weekend|time)|again tonight|for real this time|"
    r"last night|yesterday|this morning|earlier today|an hour ago|(?:a few|[0-9]+|ten|twenty) (?:minutes|mins|"
    r"hours) ago|just now|i just (?:took|swallowed|cut|did it|tried)|ive just|i have just|"
    r"(?:going to|gonna|will|ll|want to|wanna|about to) {w3}again|esta noche|ce soir|heute nacht|stasera"
)

SUICIDE = (
    r"suicide(?! (?:prevention|awareness|hotline|helpline|line|support|month|week|day|talk|research|rates?|squad|"
    r"forest|note was|notes? from|training|first aid|statistics|stats|campaign|charity|walk|fundraiser|"
    r"assembly|talks?|workshop|lesson|class|module|course|survivors?|loss|bereavement))"
)
# "cut" alone, not "cut my hair", "cut class", "cut the cake", "cut back on sugar"
CUT = (
    r"cut(?! (?:my|the|a|an|your|his|her|their|it|them|off|out|down|back|up|in|class|school|ties|through|corners|"
    r"onions|paper|fabric|and|me|you|him|someone|people|to|from|into|loose|across|short|open|costs|something|some|"
    r"those|these|this|that|stuff|fruit|wood|grass|hair|nails|cake|bread|pizza|spending|carbs|sugar|caffeine|"
    r"friends|contact|lessons|class)(?![a-z]))"
)
# "myself" as it is typed in a hurry: "myslef", "mysef", "meself".
MYSELF = r"(?:my~self|my~selfe|my~slef|my~sefl|my~slf|my~sef|me~self|m~self)"
# Where a fall kills: "step off the roof", "jump from the car park".
HEIGHT = (
    r"(?:roof|rooftop|ledge|edge|bridge|platform|building|balcony|cliff|car park|multi~storey|tower|block of flats|"
    r"flats|overpass|motorway bridge|window|top floor)"
)
# What the writer might do to themselves: after "to", "gonna", "will", "ill" (base form) ...
_ACTS = (
    r"kill?~" + MYSELF + r"|kms+|end my~self|off my~self|neck my~self|delete my~self|rope(?! (?:in|you|them|"
    r"him|her|off|into|swing|bridge|course|ladder))",
    r"end (?:my (?:own )?life|it all|everything|things|it|the pain|my pain|my suffering|my existence)"
    r"(?! (?:with|between|for (?:him|her|them|us)|off|up|early|on a|in my|of my|of the))|end this(?=[^a-z0-9]*(?:$|"
    r"[.!,?]|now|tonight|today|for good|forever|once|and|i |im |already|pain|life|misery|suffering))",
    r"take my (?:own )?life|take my~self out|alt~f[4a] (?:my life|my~self|life|irl)|unaliv[a-z]*(?: my~self)?|commit ("
    r"?:suicide|sudoku|toaster bath|die|neck rope|self delete)",
    SUICIDE + r"|sewer~slide|ctb|self~delete",
    r"(?:hang|hurt|cut|burn|drown|shoot|poison|stab|suffocate|strangle|gas) " + MYSELF,
    r"(?:step|walk|fall|throw my~self|let my~self fall) (?:off|from) (?:the|a|that|this|my) (?:top of (?:the|a) )?"
    + HEIGHT,
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
    r"(?:of )?(?:my |the |those |these )?(?:" + DRUGS[3:-1] + r"|bottle|packet|box|pack|strip|lot)",
    r"(?:slit|cut|open) my (?:wrists?|arms?|throat|veins?)|cut(?: my~self)? (?:again|deeper|deep)|"
    r"cut(?:ting)? my (?:wrists?|arms?|legs?|thighs?|skin|stomach|hips?)",
    CUT,
    r"make (?:it|the pain|everything|it all|this|all of this|all this|the hurt) (?:stop|end|go away)(?! (?:hurting so "
    r"much|so i can))|end up (?:in|under|on|at the bottom of) (?:the )?(?:river|sea|canal|lake|tracks|a grave|the grou"
    r"nd|a coffin|a box)|(?:sh|s~h|self~harm|self~injure|relapse)(?! (?:free|clean))|do it|finish (?:it|this|things)(?"
    r"=[^a-z0-9]{0,3}(?:$|[.!,]|tonight|now|today|tomorrow|for good))|go through with it|try again|make sure (?:i|it) "
    r"(?:do|does|happens|works)|attempt(?: again)?(?! (?:the|a|an|to|it|this|that|my|another|one|some|any|[a-z]+ing)(?"
    r"![a-z]))|🔪|🪦|⚰|🪢",
)
# "die/dying my hair", "dying it pink": dyeing, not dying.
DYED = (
    r"(?! (?:(?:my|your|her|his|their|the|it|them|some) )?(?:hair|fringe|roots|clothes|shirt|jeans|shoes|eyebrows|"
    r"beard|tips|ends|hoodie)(?![a-z])|(?: [a-z]+){0,2} (?:blue|pink|red|green|black|purple|blonde|ginger|brown|"
    r"silver|white|lilac)(?![a-z]))"
)
# ... and the wishes that hyperbole and predictions borrow ("im going to die of embarrassment", "im gonna
# sleep forever after this exam"): only with a wish or an intent ("want to", "ready to"), never "going to".
_WISHES = (
    r"die+(?! (?:my|your|her|his|it|the) (?:hair|fringe|roots|clothes|shirt|jeans|shoes|eyebrows|beard)|"
    r"(?: (?:old|happy|laughing|of|from|on (?:this|that) hill|a little|a bit|inside|hard|for)(?![a-z])))",
    r"be dead|not (?:be|exist|live) (?:here|any~mo+re?|alive|any longer)|stop existing|cease to exist|"
    r"no longer (?:exist|be here|be alive)|not wake up|never wake up|go to sleep forever|sleep forever|"
    r"fall asleep (?:forever|and never wake up)|(?:take|have) the (?:forever|long|eternal|permanent) (?:nap|sleep)|"
    r"disappear(?: forever| for good| permanently)?(?! (?:under|into (?:a|my|your|the|this|that|books?|music|"
    r"games?)(?! (?:sea|river|ocean|void|ground|earth|dark))|for a|for (?:the|a few|two|three)|to my|"
    r"off|from (?:social|instagram|tiktok|the internet|school|the group)|after|until|till))|vanish(?: forever)?|"
    r"leave (?:this (?:world|earth|life)|for good)|"
    r"give up on (?:life|living)|log off (?:forever|for good|permanently)|be gone(?: forever| for good)?",
)
# ... and after "im", "thinking about", "feel like", "planning on" (the -ing form).
_ACTS_ING = (
    r"kill?ing~" + MYSELF + r"|kms|ending (?:my (?:own )?life|it all|everything|things|it|this|my~self)"
    r"(?! (?:with|between|for|off|up|early))|taking my (?:own )?life|offing my~self|unaliving(?: my~self)?|"
    r"committing (?:suicide|sudoku|toaster bath)|" + SUICIDE + r"|sewer~sliding|(?:hanging|hurting|cutting|burning|"
    r"drowning|shooting|poisoning|stabbing|suffocating|gassing) my~self|jumping (?:off|from|in front)|"
    r"throwing my~self|overdosing|oding|self~harming|relapsing|"
    r"cutting(?! (?:my hair|the|class|school|onions|off|out|down|back|it|up|ties|corners|costs|people))|"
    r"(?:taking|swallowing) (?:all|the whole|every) {w2}(?:" + DRUGS[3:-1] + r"|bottle|packet)|"
    r"doing it|going through with it|sewer~slide|ctb|kms+|unalive|(?:self~harm|sh)(?! (?:free|clean))|the forever nap",
)
THOUGHT_OF = r"(?:a rope|the (?:bridge|tracks|pills|rope|blade|train|edge)|jumping|pills|my funeral)"
_WISHES_ING = (
    r"dying" + DYED + r"|not waking up|never waking up|disappearing(?: forever)?|death|being dead|not being here|"
    r"not existing|leaving this world",
)
ACT = "(?:" + "|".join(_ACTS) + ")"
WISH = "(?:" + "|".join(_WISHES) + ")"
ACT_ING = "(?:" + "|".join(_ACTS_ING) + ")"
WISH_ING = "(?:" + "|".join(_WISHES_ING) + ")"


# "i", "im", "ill", "ive", "id", then up to three words that add no one else and negate nothing ("i really
# honestly just want to", "im so fucking ready to"); "i m" when a normaliser left the apostrophe as a space.
SUBJECT = r"(?:i|im|i m|i am|ive|i ve|i have|ill|i ll|i will|id|i d|i would|i shall|1)"
# Atomic (it never gives a word back), so no word here may begin an intent ("have to", "feel like").
GAP = (
    r"(?>(?:(?:really|honestly|just|seriously|actually|literally|genuinely|truly|so|fucking|fkn|fking|kinda|"
    r"lowkey|highkey|think|guess|swear|promise|been|do|also|still|totally|definitely|def|prob|probably|finally|"
    r"sometimes|often|always|kind of|sort of|now|today|tonight|already|ngl|tbh|fr|legit|deadass|absolutely|"
    r"completely|officially|know|very|too|rly|rlly|srsly|hella|mf|lowk|highk|almost|mostly) ){0,3})"
)
FILL = (
    r"(?:(?:just|really|finally|actually|literally|fucking|fkn|fking|effing|go|and|try|to|simply|quietly|"
    r"seriously|probably|definitely|legit|lowkey|highkey|kinda|so|all|honestly|maybe|prob|def|straight up|ngl|"
    r"tbh|fr|gonna|be able to|get to|finally be able to|be brave enough to|(?:find|get|have|work up|build up|"
    r"muster) (?:the|enough) (?:guts|courage|nerve|strength|balls) to) )"
)
# Intents that look forward ("going to", "will") take the acts; wishes ("want to") take the wishes too.
PREDICT = (
    r"going to|goin to|gonna|gona|gunna|gon|gna|finna|fixing to|bout to|about to|ima|imma|will|shall|might|"
    r"may|(?:will|ll|gonna|going to) (?:finally|actually|really)"
)
DESIRE = (
    r"want to|wanna|wana|want 2|wan to|wnt to|wnat to|wnna|need to|needa|gotta|got to|have to|hafta|ready to|decided t"
    r"o|deciding to|plan to|planning to|intend to|intending to|trying to|tryna|try to|wish i could|wish to|should|woul"
    r"d rather|rather|urge to|tempted to|so close to|close to|cant wait to|looking forward to|dying to|itching to|allo"
    r"wed to|meant to|supposed to|choosing to|choose to|chose to|just want to|honestly want to"
)
MODAL_ING = (
    r"(?:thinking (?:about|of)|considering|contemplating|planning on|plan on|feel like|feeling like|close to|"
    r"cant stop thinking about|keep thinking about|obsessing (?:over|about)|fantasi[sz]ing about|dreaming (?:about|"
    r"of)|been (?:thinking (?:about|of)|considering|planning on)|seriously considering|on the verge of|"
    r"looking forward to|craving|leaning towards)"
)
# The match starts at the word itself, looking back over at most three spaces, so that a run of dots or line
# breaks is never rescanned from each of its characters.
SENTENCE_START = (
    r"(?:^\s*|(?<=[.!?;:,\n])|(?<=[.!?;:,\n]\s)|(?<=[.!?;:,\n]\s\s)|(?<=[.!?;:,\n]\s\s\s))"
    r"(?:(?:ngl|tbh|honestly|lowkey|highkey|so|and|just|ok|okay|ugh|bro|fr|yeah|yea|idk|istg|fuck it|fine|well|"
    r"i think|pretty sure|literally|seriously|really)\W+)?"
)

# "go on", "keep going", "be here" at the end of a sentence or with "anymore": not "go on holiday".
STILL = (
    r"(?:go on|keep going|carry on|continue|be here|be around|wake up|stay alive|survive this)(?=[^a-z0-9]*(?:[.!,?\n🪦"
    r"⚰😔😞💔🖤]|$|any~mo+re?|any longer|like this|now|on this "
    r"earth|in this world|living|(?:tomorrow|tmrw|tmr|tmrrw)(?! (?:early|at|morning))|ever again|for much longer))"
)
