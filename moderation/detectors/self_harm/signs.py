"""Warning signs: not a crisis alone, but two kinds together are.

Hopelessness, feeling a burden, "im done", tiredness, farewell words, putting affairs in order, means at hand
or within reach, a place to fall from, a plan or a decision, a death wish, an urge to self-harm, a near-future
timeframe, confiding without asking for anything, talk of suicide. Each sign is read in its sentence
(`context.excused`) before it counts.
"""

from itertools import islice

from ..phrasing import phrases
from .context import CANDIDATES, excused, overlaps, sentence_bounds
from .vocabulary import ACT, CUT

_THANKS = r"(?:thank you|thank u|thanku|thankyou|thanks|thx|ty)"

# The kinds of warning sign.
_CUES = {
    "hopeless": phrases(
        r"(?:it|this) (?:has|had|needs) to be this way|theres no other way|(?:this|it) is the only way(?! (?:to (?:get|"
        r"learn|pass|make|do)))",
        r"(?:dont know|dunno|idk|not sure|no idea) how (?:much )?(?:longer|long) i can (?:hold on|keep going|do this|"
        r"last|cope|keep doing this|go on|carry on|take (?:it|this))",
        r"(?:theres|there is|i see) no (?:point|hope|way out|future|light)|whats (?:even )?the point(?! of "
        r"(?:this|that) (?:game|rule|class|lesson|homework|app))|no way out|i (?:have|got|ve got) nothing (?:left|"
        r"to live for)|nothing (?:will ever|is ever going to|is going to|will) (?:change|get better|be okay)|"
        r"(?:it|things) (?:will|is) never (?:get|going to get|gonna get) better|hopeless|i give up(?! on (?:this "
        r"(?:game|level|puzzle|recipe)|maths|math))|i (?:cant|cannot) do this any~mo+re?|i cant (?:take|handle) "
        r"(?:it|this|much more) any~mo+re?|i (?:cant|cannot) (?:anymore|cope)|too tired to (?:keep )?(?:fight|"
        r"fighting|try|trying|go on)|nothing matters any~mo+re?|i dont care (?:about anything )?any~mo+re?|"
        r"i dont want to do this any~mo+re?|(?:ya )?no (?:puedo|aguanto) mas|je n~en peux plus|ich kann nicht mehr|"
        r"nao aguento mais|non ce la faccio piu",
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
        # others relieved once the writer is gone: "theyll all be happier when im not around"
        r"(?:be|feel) (?:so |much |a lot )?(?:fine|okay|ok|relieved|happier|better off|glad|free) (?:when|once|after|"
        r"if|the day) (?:im|i am|i m|i was|i am finally) (?:gone|dead|not here|not around|out of (?:the|their) way)"
        r"(?=[^a-z0-9]*(?:$|[.!,;]| (?:tomorrow|tonight|soon|anyway|for good|forever|i|im)(?![a-z])))|"
        r"soy una carga|je suis un fardeau|ich bin (?:eine|nur eine) last|sono un peso|sou um peso"
    ),
    "done": phrases(
        r"(?:im|i am|i m) at (?:the|my) end(?! of (?:the|this|my) (?:day|week|term|year|road trip|street|tether|"
        r"rope|shift|lesson|book|series|season))",
        r"(?:im|i am|i m) (?:so |just |really |fucking |honestly )?(?:done|finished)(?=[^a-z0-9]*(?:[.!,\n🪦⚰]|$| i | ("
        r"?:with|w) (?:everything|it all|all of (?:this|it)|trying|fighting|pretending|this world|people|everyone)))|("
        r"?:ive|i have|i ve) had enough(?! (?:of (?:this )?(?:weather|rain|homework|school|work|exams|revision|him|her"
        r"|them|you|food|pizza|coffee|sleep)))|(?:tired|sick|exhausted) of (?:everything|fighting|trying|it all|all of"
        r" (?:this|it)|pretending)|this is it(?=[^a-z0-9]*(?:[.!,\n]|$))|its (?:all )?over for me|(?:the )?end of the "
        r"(?:road|line) for me|(?:my|the) time is up|game over for me|(?:done|tired of) (?:fighting|trying) (?:any~mo+"
        r"re?|to stay)|cant (?:fight|hold on) (?:any~mo+re?|any longer)",
    ),
    # Plain tiredness: a sign beside another sign, but not beside a time ("going to bed early tonight, im
    # exhausted").
    "tired": phrases(r"(?:im|i am) (?:so |just |really |so so )?(?:tired|exhausted)(?=[^a-z0-9]*(?:[.!\n]|$))"),
    # farewell words
    "goodbye": phrases(
        r"(?:just |please |pls )?let me go(?=[^a-z0-9]*(?:$|[.!]))|(?:im|i am|i m) not (?:going|coming) (?:back )?home"
        r"(?=[^a-z0-9]*(?:$|[.!]))",
        r"(?:goodbye|bye|farewell) (?:everyone|everybody|all|guys|yall|friends|world|my friends|to all)|"
        r"(?:i )?love (?:you all|u all|yall|you guys|you so much mum|you mum|you mom|you dad|you)(?=[^a-z0-9]*$)|"
        r"(?:i )?love (?:you all|u all|yall|you guys)|"
        r"(?:im |i am )?(?:so )?sorry (?:for everything|mum|mom|mam|dad|everyone|guys|to everyone|for being "
        r"(?:a burden|like this|such a))|(?:im|i am) (?:so )?sorry(?=[^a-z0-9]*$)|" + _THANKS + r" (?:all )?"
        r"for everything|(?:please )?forgive me|dont (?:blame|be sad|cry|hate) (?:yourself|yourselves|for me|over me)|"
        r"(?:its|it s|it was) not (?:your|anyones|his|her|their) fault|remember me|(?:it was )?nice knowing (?:you|yal"
        r"l|everyone|u|some of you)|signing off|peace out (?:everyone|all|guys|yall|world)|(?:this is|its) the last ti"
        r"me(?=[^a-z0-9]*(?:$|[.!,]| (?:youll|you will|you ll) (?:hear|see)))|(?:my )?(?:final|last) (?:post|message|w"
        r"ords|text|update)|(?:time|its time) (?:for me )?to (?:go|say goodbye)(?! (?:to (?:school|bed|work|class)|hom"
        r"e|out|shopping|now|back))|(?:last|final) (?:goodbye|words)|(?:wont|will not|not gonna|not going to|dont thin"
        r"k (?:ill|i will|i ll)|doubt (?:ill|i will|i ll)|probably wont) (?:still )?be (?:here|around|alive) (?:tomorr"
        r"ow|by|for|next|after|in the morning|when|on|much longer|for long|this time)|addio|adios|adieu|adeus|lebt woh"
        r"l|my (?:last|final|dying) wish|(?:^|(?<=[.!?,;]))\s*(?:goodbye|farewell|bye forever)(?=[^a-z0-9]*$)|(?:not g"
        r"oing to|wont|not gonna|will not|dont think ill) (?:make it|live|last) (?:to|past|until|till|through)|(?:dont"
        r"|do not) (?:text|call|message|contact|check on|come looking for) me|dont (?:be sad|cry|blame yourselves?|hat"
        r"e me) (?:when|once|after) (?:you|u|they|everyone|you all) (?:hear|find out|see|read this|find me)|"
        + _THANKS
        + r" {w3}(?:to|for) (?:this community|everyone here|this place|this group|all of you|you all|being my "
        r"friends?)|"
        r"(?:wont|will not|never) be (?:posting|writing|on here|online|back|talking to (?:anyone|you)) (?:again|"
        r"any~mo+re?)|" + _THANKS + r" (?:so much )?(?:to )?(?:everyone|all of you|you all) (?:here|on here|who)|"
        r"" + _THANKS + r" {w4}(?:who|that) (?:were|was|have been|ve been|tried|stood by|listened|cared|made)|"
        r"if im (?:still )?(?:here|alive|around) (?:by|on|next|tomorrow)",
        r"(?:no~one|nobody|noone|everyone|you|they|yall|you all) (?:will|ll|wont|will not|is going to|gonna|has to|have"
        r" to"
        r"|needs to|need to) (?:ever )?(?:have to |need to )?(?:put up with|deal with|worry about|hear from|look after)"
        r" me "
        r"(?:again|any~mo+re?|after|soon|much longer|for (?:much )?longer)",
        # finality without a crisis word: "saturday will be my final night", "once im gone"
        r"(?:is|will be|ll be|be|was) (?:my|the) (?:last|final) (?:day|night|sunrise|sunset|morning|weekend)(?! (?:at|"
        r"of|in|off|before|with|as|working|here at|for|until|till|to|then|and (?:then|after))(?![a-z])|on (?!earth))"
        r"(?=[^a-z0-9]*(?:$|[.!,;]| (?:ever|alive|here|on earth)))",
        r"(?:when|once|after|by the time) (?:im|i am|i m) (?:gone|dead|not here any~mo+re?)(?! (?:on|for|to|from|away|"
        r"out|back|shopping|travelling|traveling|at|with|camping)(?![a-z]))",
    ),
    # putting affairs in order: notes, giving things away, someone to look after a pet, accounts deleted
    "prepared": phrases(
        r"(?:wrote|written|writing|finished|typed|recorded) my goodbyes?(?! to (?:my (?:old )?(?:school|house|room|"
        r"teachers)|year|summer|the))|(?:scheduled|scheduling|set) (?:it|a post|my post|a message|my message|a tweet|"
        r"an email) to (?:post|send|go out|be sent)",
        r"(?:left|leaving|wrote|written|put|written down) (?:my |a |the |all my )?(?:phone )?(?:passcodes?|passwords?|"
        r"pins?|logins?) (?:on|in|under|for|with|and)|(?:a|the|my) (?:note|letter) (?:on|in|under) my (?:desk|bed|pill"
        r"ow|drawer|table) for",
        r"(?:gets|can have|can keep|should have|should get|is getting|will get|is having) (?:all )?my (?:stuff|things|"
        r"guitar|games|console|xbox|playstation|ps[0-9]|switch|books|clothes|hoodies?|jewellery|jewelry|art|sketchbook"
        r"s?|plushies|cat|dog|pets?|records|collection|savings|money|bike|camera|laptop|phone)(?! (?:when|after|once|w"
        r"hile|because|cause|since|for (?:christmas|her birthday|his birthday)))|i want (?:you|her|him|them|my [a-z]+)"
        r" to have my|(?:wrote|written|writing|finished|left|leaving) (?:my |the |a |some )?(?:goodbye |suicide |last "
        r"|final )?(?:note|notes|letters|letter)(?! (?:for (?:school|class|work|my teacher)|of (?:recommendation|compl"
        r"aint)|about (?:the|my) (?:trip|homework)))|(?:deleting|deleted|delete|wiping|wiped) (?:my|all my|this|all of"
        r" my) (?:account|accounts|socials|profile|everything|posts)|deleting everything|(?:giving|givin|gave|give|giv"
        r"en) (?:away )?(?:my|all my|most of my) (?:stuff|things|belongings|clothes|games|books|plushies|jewellery|jew"
        r"elry|possessions|art|hoodies?|console|favou?rite things|most precious things|special things|treasures)(?: aw"
        r"ay)?(?! to (?:charity|the charity|a charity|a charity shop))|(?:giving|gave|give|given) (?:away )?(?:my|all "
        r"my|most of my) (?:favou?rite|most precious|special|treasured|best) (?:things|stuff|books|games|clothes|jewel"
        r"lery|hoodies?)|(?:please )?(?:take care of|look after) (?:my (?:cat|dog|pets?|sister|brother|little (?:siste"
        r"r|brother)|plants|rabbit|hamster|fish|guinea pig))|(?:wont|will not|dont) need (?:it|them|this|any of (?:it|"
        r"this|them)) (?:where im going|any~mo+re?|after (?:tonight|this))|(?:made|making|wrote|writing) (?:a|my) will"
        r"|(?:been )?(?:saying|said|say) (?:all )?(?:my )?(?:proper |last |final |secret )?goodbyes?(?: to (?:people|e"
        r"veryone|my (?:friends|family)))?(?! (?:to (?:my (?:old )?(?:school|house|room|teachers)|year|summer|the)))",
    ),
    "means": phrases(
        r"(?:i know|i found out|i found) where (?:the |my |his |her |dads |mums |my dads |my mums )?(?:key|keys|gun|"
        r"pills|tablets|meds|rope|knife|knives|ammo|medicine) (?:is|are|lives|live|goes|go|is kept|are kept)|(?:keeps|"
        r"kept) (?:his|her|their|the|a) (?:gun|rifle|shotgun|pills|meds|tablets) (?:in|under|at)",
        r"(?:leaning|lean|leant|leaned|hanging|climbing) (?:further |right |all the way )?(?:over|out)(?: of)? (?:the "
        r"|my )?(?:edge|railing|rail|balcony|window|side|ledge)|keep leaning (?:further )?(?:over|out)|(?:ive|i have|"
        r"i ve) already (?:taken|swallowed) (?:the|them|it|my|all)",
        r"(?:holding|hold|pressing|pressed|held|put|putting) (?:the|a|my) (?:knife|blade|razor|glass|scissors|"
        r"sharpener) (?:to|against|on|into) my (?:wrist|wrists|arm|arms|throat|skin|neck|thigh|leg)",
        r"(?:(?:i|ive|i have|i ve|i just|i got|i still have) |^\s*|(?<=[.!?,;])\s?)(?:got |just |finally |already )?"
        r"(?:have|has|got|bought|"
        r"ordered|found|hidden|hid|saved|collected) {w3}(?:pills|tablets|meds|painkillers|paracetamol|rope|noose|"
        r"blades?|razors?|gun|bleach|sleeping pills)(?! (?:for (?:my |a |the )?(?:headache|cold|period|cramps|"
        r"migraine|hay fever|flu|shave|shaving|legs|anxiety|depression|adhd|sleep|pain|acne|allergies|asthma)|"
        r"prescribed|from (?:the|my) (?:doctor|gp|pharmacy)))",
        r"(?:looking|staring|stared|looked) at (?:the|my|a|those|these) (?:pills|tablets|meds|blade|razor|rope|"
        r"knife|bridge|tracks|bottle|edge|window)",
        r"(?:holding|hold|have) (?:the|a|my) (?:blade|razor|knife|pills|rope|gun) (?:in my hand|right now|rn|now)",
        r"(?:pills|blade|razor|rope|tablets|meds) (?:are|is) (?:ready|hidden|in my (?:room|drawer|bag|pocket))",
        r"(?:im|i am|i m) (?:(?:sitting|sat|standing|stood|lying|perched) (?:right )?)?(?:on|at) "
        r"(?:the|a|my|our) (?:bridge|roof|rooftop|tracks|cliff|edge|ledge|station platform)(?!(?: of (?:the"
        r"|my|our|a|this) [a-z]+)? (?:for|to (?:watch|see|look)|watching|with (?:my )?(?:friends|mates|family|mum|dad)"
        r"))",
        r"(?:im|i am|i m|sitting|sat|lying|here) {w4}with (?:a|the|my) (?:razor|blade|knife|pills|rope|gun|noose|"
        r"bottle of pills)",
        r"(?:ive got|i have|i got|got) everything i need",
        r"(?:theres|there is) a train (?:at|in|every)|(?:the )?(?:next|last) (?:fast |express )?(?:train|express) (?:c"
        r"omes|passes|goes|is due|doesnt stop|that doesnt stop|wont stop)|(?:express|fast) trains? (?:dont|doesnt|do n"
        r"ot) stop|(?:covered in|so much|lots of|a lot of) (?:my own )?blood",
        r"(?:on|from|at) the (?:roof|top (?:floor|level)?) of (?:the|a|my|this) (?:car park|building|parking "
        r"garage|tower|block|flats|school|multi storey)(?! (?:for|to (?:watch|see|look)|watching|with (?:my )?"
        r"(?:friends|mates|family|mum|dad)))",
        r"(?:tengo|tengo las|j~ai les|ich habe die|eu tenho|ho le) (?:pastillas|pildoras|cachets|comprimes|"
        r"tabletten|comprimidos|pillole)",
    ),
    "place": phrases(
        r"(?:standing|sitting|stood|sat|waiting|walking|wandering|pacing|here|im|i am|i m) (?:at|on|by|near|to|"
        r"towards|along) (?:the|a) (?:train station|station|platform|tracks|railway|level crossing|top of the car "
        r"park|top floor|bridge|roof|cliff|cliffs|ledge|edge|river|canal|pier|train tracks|railway tracks|railway line|"
        r"train line|(?:[0-9a-z]+ floor )?balcony)(?! (?:for|with|to (?:meet|get|catch)|"
        r"waiting for|because|and (?:my|i|we)(?! (?:keep|cant stop|can t stop) (?:leaning|looking down))|watching|"
        r"looking at|taking (?:photos|pictures|pics)))",
        r"(?:on|at) (?:my|the) way to (?:the )?(?:bridge|tracks|cliff|cliffs|roof|river)",
    ),
    "plan": phrases(
        r"(?:been |ive been |i ve been |i have been )?(?:researching|googling|looking up|reading up on) (?:ways|method"
        r"s|how to (?:do it|die|end it|go))|found (?:one|a way|a method) that (?:wont|doesnt|will not|does not) hurt|("
        r"?:not going to|not gonna|wont|will not|cant|can not) (?:fight|resist) (?:it|them|this|the urges?) (?:tonight"
        r"|any~mo+re?|this time|now)|(?:going to|gonna|will|ll) (?:listen|obey|do what (?:it|they) says?|give in)(?=[^"
        r"a-z0-9]*(?:$|[.!,]|to (?:it|them|the voices?|my (?:brain|head))))",
        r"(?:i have|ive got|i got|i made|i ve got|theres) (?:a|the|my) plan(?! (?:for|to (?:study|revise|get|"
        r"make|save|go|start|finish|learn|ask|fix|win)|b))|i know how (?:ill|i will|im going to|im gonna|to) do it|"
        # a decision with nothing decided named ("ive decided.", "ive decided how"), not "ive decided to dye my hair"
        r"(?:ive|i have|i ve) (?:finally )?(?:decided|made up my mind|made my decision|made the decision|chosen)(?=[^a"
        r"-z0-9]*(?:$|[.!,;:]|and |im |i m |its |this |tonight|now|how|when|where i|on (?:a|the) (?:date|day|way|metho"
        r"d|place)))|my mind is made up|decision is made|(?:theres|there is) no going back|(?:ive|i have|i ve) (?:got "
        r")?everything (?:ready|planned|sorted|prepared|set)|everything(?:s| is) (?:all )?(?:ready|planned|sorted|"
        r"prepared|set|in place)(?! for (?:the|my|our|his|her|their) (?:party|trip|wedding|holiday|move|exam|birthday))"
        r"|(?:picked|chose|chosen|set) (?:a|the) (?:date|day|time|sp"
        r"ot|place)|(?:its|it s|it is) (?:happening|tonight|tomorrow|this weekend|on (?:mon|tues|wednes|thurs|fri|satu"
        r"r|sun)day)|(?:ive|i have|i ve) made (?:my|the|a) (?:choice|decision)|(?:have|got|ve got) it (?:all )?planned"
        r" (?:for|on|out)|(?:not|no longer) waiting (?:around )?(?:to find out|any longer|for it to get better|any~mo+"
        r"re?)|(?:do|doing) what (?:ive|i have|i ve|i) (?:been )?(?:thinking about|planning|wanting to do|planned|drea"
        r"med of)|(?:the )?countdown (?:is on|has started)|made (?:my )?peace (?:with (?:it|my decision|everything))?|"
        r"(?:^|(?<=[.!?,;]))\s*(?:decided|already decided)|already decided|its decided|(?:its|it s|it is|this is) (?:b"
        r"etter|easier|for the best) (?:this way|for everyone)|(?:my )?plan is (?:set|ready|made|in place|final|simple"
        r"|done)|plan(?:ning|ned|s)? how (?:id|i would|ill|i will|to|i could|i am going to|im going to) (?:do it|die|e"
        r"nd it|kill my~self|go)|(?:so|and|think|actually|finally|really) (?:im going to|im gonna|i will|ill|i am goin"
        r"g to|i actually will)(?=[^a-z0-9]*$)|(?:im going to|ill|im gonna|i will) make (?:it|that|this) happen|(?:fee"
        r"l|feeling|felt) (?:so |weirdly |strangely |really |oddly )?(?:calm|peaceful|at peace|relieved) (?:now|about "
        r"it|since (?:i|ive) decided|after deciding|once (?:i|youve) decided|for the first time)|without (?:them|anyon"
        r"e|anybody|my (?:parents|friends|family)) (?:realising|realizing|knowing|noticing)|(?:my|the) will is (?:in|o"
        r"n|under)|(?:its|it s) time (?:i|for me to) (?:stopped|stop|went|go|left|leave|end)|(?:no~one|nobody|noone)(?"
        r": will| can| is going to| is gonna| gonna|s gonna|s going to) stop me(?! from)|i know (?:exactly )?(?:where|"
        r"when|how) (?:ill|i will|im going to) be (?:standing|going|doing it)|soon (?:they|you|everyone|you all|people"
        r") (?:will|ll) (?:know|understand|find out|see)|soon (?:they|you|everyone|you all) (?:will|ll)(?=[^a-z0-9]*$)"
        r"|(?:you|youll|you will|u|everyone|they) (?:all )?(?:ll |will )?(?:find out|know|see|understand) (?:soon|tomo"
        r"rrow|tonight|why)|(?:ive|i have|i ve) made sure (?:of it|of that|i (?:wont|dont|will not|do not|never))|(?:i"
        r"ve|i have|i) (?:researched|looked up|googled|read up on) (?:how|ways|methods|the best way) (?:to do it|to di"
        r"e|to end it|to kill my~self|to go)|(?:im|i am|i m) (?:finally |so |really )?ready(?=[^a-z0-9]*$| to (?:leave"
        r" (?:them|it|this)|go|do it))|(?:gonna|going to|about to|will|ll) do (?:something|smth|sth|somethin) (?:stupi"
        r"d|drastic|dumb|bad|i cant take back|permanent)",
    ),
    "wish": phrases(
        r"i {w2}(?:want|wanna|wish|need) (?:to )?(?:die|be dead|disappear(?! into (?:a|my|your|the|this|that|books?|"
        r"music|games?)(?! (?:sea|river|ocean|void|ground|earth|dark)))|stop existing|not exist|vanish|not be "
        r"here)|death (?:sounds|seems|feels|would be) (?:so )?(?:nice|good|peaceful|like a relief|better|easier)|"
        r"(?:id|i would|i d) (?:rather|sooner) be dead(?! than)|(?:i )?hope (?:i|something) (?:die|dies|kills me)|"
        r"(?:i|im|ive) {w2}thinking (?:about|of) (?:death|dying|suicide|not being here|ending it|killing my~self|"
        r"unaliving)|(?:wouldnt|would not|dont|do not) (?:mind|care if i) (?:dying|if i died|not waking up)|"
        r"if i (?:died|dont wake up|didnt wake up) (?:tonight|tomorrow)?|🪦|⚰|🔪|🪢|i (?:just )?want out"
        r"(?=[^a-z0-9]*(?:[.!,\n]|$| of (?:this|here|life|everything)))|(?:soon |then )?(?:ill|i will|i ll) (?:finally "
        r"|actually )?be (?:gone|dead|at peace|a ghost|nothing|a memory|free)(?! (?:after|from|of) (?:my |the )?"
        r"(?:exams?|school|work|this term|revision|gcses|a levels|uni|college|him|her))|(?:going to|gonna|will|ll) "
        r"(?:finally )?be free (?:after tonight|tonight|soon|from (?:this life|it all|the pain|everything))|(?:im|i am"
        r") (?:so |finally )?"
        r"ready to go(?=[^a-z0-9]*(?:now|$|[.!]))"
    ),
    "urge": phrases(
        r"(?:urges?|craving|cravings|itch|need) (?:to )?(?:" + CUT + r"|sh|self~harm|hurt my~self|burn my~self|"
        r"relapse|feel the blade)(?! free)|(?:miss|missing) (?:cutting|the blade|the feeling of cutting|sh|self~harm)",
        # a means or a voice that calls: "the sharpener is calling me", "my brain keeps telling me to take every pill"
        r"(?:sharpener|blade|blades|razor|razors|pills|tablets|rope|bridge|tracks|knife) (?:is|are|keeps|keep)? "
        r"?(?:calling|calls|call) (?:me|my name|to me)",
        r"(?:voices?|my (?:brain|head|mind)|something|it) {w3}(?:telling|tells|told|saying|says|wants|want) me to "
        r"{w2}" + ACT,
    ),
    # Resolve: no longer afraid ("not even scared anymore"). Beside another sign or an appointed day, not a time alone
    # ("went on the big rollercoaster tonight, not scared anymore").
    "resolve": phrases(
        r"(?:im |i am |i m |and |honestly )?not (?:even )?(?:scared|afraid|frightened) (?:any~mo+re?|of (?:it|dying|"
        r"death|the end) any~mo+re?)(?=[^a-z0-9]*(?:$|[.!,;]))|(?:im|i am|i m|i feel) (?:so |totally |finally )?at peac"
        r"e "
        r"with it"
    ),
    # An appointed day: "tonights the night", "friday is the day".
    "appointed": phrases(
        r"(?:tonights|tomorrows|todays|(?:tonight|tomorrow|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day) is) the "
        r"(?:night|day)(?=[^a-z0-9]*(?:$|[.!,;]))"
    ),
    # Talk of suicide at all (any person), which only counts beside a plan, means or a goodbye.
    "talk": phrases(
        r"(?:kill|killing|end|ending) (?:my|your|ur|them|him|her)~(?:self|selves|life)|kms|unaliv[a-z]*|"
        r"suicid[a-z]*(?! (?:prevention|awareness|hotline|helpline))|overdos[a-z]*|die|dying|dead|death|"
        r"sewer~slide|ctb|end it(?: all)?"
    ),
    "time": phrases(
        r"(?:wait|waiting|hold on|hang on|hold out) (?:un)?(?:til|till|until|for) (?:(?:mon|tues|wednes|thurs|fri|satur"
        r"|"
        r"sun)day|the weekend|tomorrow|tonight|midnight|everyone (?:is asleep|goes to (?:bed|sleep))|my birthday|"
        r"(?:everyone|my (?:parents|mum|mom|dad|family)|them) to (?:sleep|go to (?:bed|sleep)|fall asleep|go out|leave)"
        r")|"
        r"(?:after|once|when) (?:everyone|my (?:parents|mum|mom|dad|family)|they|the house) (?:has |have |is |are )?"
        r"(?:go|goes|gone|went|get|gets) (?:to (?:bed|sleep)|out)|after (?:mon|tues|wednes|thurs|fri|satur|sun)day(?! "
        r"(?:school|practice|class|club|training|lesson))|"
        r"tonight|tonite|2nite|tn|tomorrow|tmrw|this weekend|after (?:school|my exams?|the exams?|everyone (?:is aslee"
        r"p|goes to (?:bed|sleep)))|before (?:my birthday|christmas|morning|sunrise)|when (?:everyone|my (?:parents|mu"
        r"m|mom|dad)) (?:is|are|goes|go) (?:asleep|to (?:bed|sleep)|out|away)|right now|rn|in (?:an|one|a few|[0-9]+) "
        r"hours?|by (?:friday|saturday|sunday|monday|tuesday|wednesday|thursday|the weekend|morning)|on (?:my birthday"
        r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|esta noche|ce soir|heute nacht|stasera|(?:mon|tues|wednes|thurs"
        r"|fri|satur|sun)day (?:morning|night|evening|after school)|for (?:tonight|tomorrow|the weekend|(?:mon|tues|we"
        r"dnes|thurs|fri|satur|sun)day)|(?:tonight|tomorrow|this weekend|tonights|todays|tomorrows|today|(?:mon|tues|w"
        r"ednes|thurs|fri|satur|sun)day) (?:is )?(?:the (?:night|day)|when)(?! (?:before|after|of (?:the|my)|we|i (?:g"
        r"et|go|start|finally see)))|before (?:anyone|everyone|they|my (?:parents|mum|mom|dad)) (?:wakes|wake|gets up|"
        r"get up|is up|are up|come home|gets home)|hoy|manana|demain|heute|morgen|hoje|amanha|oggi|domani|stanotte|cet"
        r"te nuit|esta noite|this evening|this time|at midnight|tomorrow morning|when (?:theyre|they are|everyones|eve"
        r"ryone is) asleep|next week|this time tomorrow|by the end of (?:the|this) (?:week|month)|(?:a|the) (?:date|da"
        r"y|time) (?:set|picked|chosen|decided)|(?:plan|method) and (?:a|the) (?:date|day|time)(?! (?:for|to|with|at))"
    ),
    # Telling someone without asking for anything: "dont know why im telling you this", "just wanted someone to
    # know". Counts only beside means, a plan, preparations, a goodbye or a wish.
    "confide": phrases(
        r"(?:dont|do not|idk|i dont|dunno|not sure) (?:know )?why im (?:telling|posting|writing|typing|saying) "
        r"(?:this|you|strangers|anyone|it|here)|(?:just )?(?:wanted|needed|want|need) (?:someone|somebody|anyone|"
        r"one person) to know|(?:someone|somebody|anyone) should know"
    ),
}
# How warning signs add up: any two kinds of sign, or a death wish with any sign; a near-future time with
# any sign but a burden; talk of suicide (any person) with a goodbye, preparations, means or a plan.
_SIGNS = frozenset(
    {
        "hopeless",
        "burden",
        "done",
        "tired",
        "goodbye",
        "farewell",
        "prepared",
        "arranged",
        "means",
        "place",
        "plan",
        "urge",
    }
)
SIGNS = _SIGNS  # every kind that is a warning sign by itself (not a timeframe, talk of suicide or confiding)
STRONG_SIGNS = _SIGNS - {"tired", "place"}
_TIME_PARTNERS = frozenset({"goodbye", "prepared", "means", "plan", "wish", "urge", "done", "hopeless"})
_TALK_PARTNERS = frozenset({"goodbye", "prepared", "means", "plan"})
# Kinds that count only beside another sign; `_CUES` lists them last.
_PARTNERS_ONLY = frozenset({"talk", "time", "confide"})
_CONFIDE_PARTNERS = frozenset({"goodbye", "prepared", "means", "plan", "wish"})
# These count twice: a goodbye said in two sentences ("bye everyone, love you all" is one), and two
# preparations anywhere ("deleted my accounts and gave my games away").
_TWICE = {"goodbye": "farewell", "prepared": "arranged"}
_TWICE_IN_A_SENTENCE = frozenset({"prepared"})


def enough(kinds: set) -> bool:
    """Whether the kinds of warning sign found add up to a crisis."""
    signs = kinds & _SIGNS
    if len(signs) >= 2 or ("wish" in kinds and signs):
        return True
    if "resolve" in kinds and (signs or "appointed" in kinds or "wish" in kinds):
        return True  # "not scared anymore" beside a plan, a goodbye or "tonights the night"
    if kinds & {"time", "appointed"} and kinds & _TIME_PARTNERS:
        return True
    if "confide" in kinds and kinds & _CONFIDE_PARTNERS:
        return True
    return "talk" in kinds and bool(kinds & _TALK_PARTNERS)


def signs_in(variants, exclude) -> dict:
    """The kinds of warning sign in a text, each with its first match. A goodbye said in two sentences ("thanks to
    everyone here. i wont be posting again"), or two preparations, count as two signs."""
    found = {}
    for variant in variants:
        for kind, pattern in _CUES.items():
            if kind in _PARTNERS_ONLY and not found:
                break  # a time, talk of suicide or confiding alone can make nothing; most texts stop here
            twice = _TWICE.get(kind)
            if kind in found and (twice is None or twice in found):
                continue
            for match in islice(pattern.finditer(variant), CANDIDATES):
                if exclude and overlaps(exclude, match.span()):
                    continue
                if excused(variant, match, ideation=True, cue=True):
                    continue
                if kind == "place" and "means" in found and overlaps(found["means"].span(), match.span()):
                    continue  # "im on the bridge" is one sign, not a place and means
                if kind not in found:
                    found[kind] = match
                    if twice is None:
                        break
                elif kind in _TWICE_IN_A_SENTENCE or sentence_bounds(variant, *found[kind].span()) != sentence_bounds(
                    variant, *match.span()
                ):
                    found[twice] = match
                    break
    return found
