"""A crisis now: the statements that are enough on their own, and the warning signs that are enough together.

`find` reads a text for statements (`_INTENT`, the act then a timeframe, `_IDEATION`), each read in its
sentence (`context.excused`); failing those, for warning signs (`signs`), two kinds of which make a crisis
(`signs.enough`), or one confirmed by the model's second opinion (`model`).
"""

from itertools import islice

from ...text import Normalised
from ..phrasing import phrases, readings
from .context import ADDRESSING, CANDIDATES, FIRST_PERSON, POSITIVE, excused, overlaps
from .model import MODEL_ALONE_THRESHOLD as ALONE
from .model import MODEL_CHARS, MODEL_THRESHOLD
from .signs import SIGNS, STRONG_SIGNS, enough, signs_in
from .vocabulary import (
    ACT,
    ACT_ING,
    DESIRE,
    DRUGS,
    FILL,
    GAP,
    MANY,
    MODAL_ING,
    PREDICT,
    SENTENCE_START,
    STILL,
    SUBJECT,
    SUICIDE,
    THOUGHT_OF,
    TIME,
    WISH,
    WISH_ING,
)

MODEL_ALONE_SCORE = 0.6

_INTENT = phrases(
    # first person + intent + the act, in any tense that looks forward
    # (one alternative, so that the subject and the words after it are read once)
    SUBJECT
    + " "
    + GAP
    + "(?:(?:"
    + PREDICT
    + "|"
    + DESIRE
    + ") "
    + FILL
    + "{0,3}"
    + ACT
    + "|(?:"
    + DESIRE
    + ") "
    + FILL
    + "{0,3}"
    + WISH
    + "|"
    + MODAL_ING
    + " "
    + FILL
    + "{0,2}(?:"
    + ACT_ING
    + "|"
    + WISH_ING
    + "|"
    + THOUGHT_OF
    + ")|(?:"
    + PREDICT
    + "|"
    + DESIRE
    + "|cant stop|cant help) (?:keep |keep on |just keep )?"
    + ACT_ING
    + ")",
    r"(?:ill|i will|i ll|im gonna|im going to) " + FILL + "{0,2}" + ACT,
    # letters spelled out or dotted run the words together: "i w a n t t o d i e", "i.m g.o.i.n.g t.o e.n.d i.t"
    r"(?:i|im|ill|iam)(?:really|just|so)?(?:want|wanna|need|gonna|goingto|about|ready|will|am)?(?:to)?(?:die|"
    r"killmyself|kms|endit|endmylife|endthis|unalive|unalivemyself|takemylife|hurtmyself|cutmyself|overdose|"
    r"selfharm|jump)(?:tonight|now|today|tomorrow)?",
    # the act made plain with "for real", "not joking", "this time"
    r"(?:kms+|kill~my~self|end my life|unaliv[a-z]*(?: my~self)?|off my~self|sewer~slide|ctb|" + SUICIDE + r") "
    r"{w2}(?:fr|for real|no joke|not joking|not a joke|i mean it|deadass|seriously|this time|ngl)",
    # no subject, at the start of a sentence: "gonna kms tonight", "wanna die fr", "time to end it"
    SENTENCE_START + r"(?:gonna|going to|gon|finna|bout to|about to|ready to|time to|planning to|plan to|"
    r"decided to|tryna|might|so close to|wanna|want to|want 2|need to|gotta|cant wait to) " + FILL + "{0,2}" + ACT,
    SENTENCE_START
    + r"(?:wanna|want to|want 2|need to|ready to|so ready to|cant wait to|tryna) "
    + FILL
    + "{0,2}"
    + WISH,
    SENTENCE_START
    + r"(?:thinking (?:about|of)|considering|cant stop thinking about|planning on) "
    + FILL
    + "{0,2}(?:"
    + ACT_ING
    + "|"
    + WISH_ING
    + ")",
    # "im ending it", "im killing myself tonight"
    r"(?:im|i am|i m) (?:ending (?:my life|it all|it|things|everything)|killing my~self|unaliving my~self|"
    r"taking my (?:own )?life|ending my~self|offing my~self)(?! (?:with|between|for|off|up|over|trying|laughing|"
    r"to|at|in|on|doing))",
    r"(?:im|i am|i m) (?:doing it|cutting|overdosing|relapsing|jumping|going through with it|taking (?:all|the "
    r"whole) {w2}(?:pills|tablets|meds|bottle)) {w2}(?:tonight|today|now|rn|right now|for real|this time|fr|again)",
    # the act and a timeframe, either way round
    TIME
    + r" {w2}(?:i|ill|im|i will|i am|i m) (?:"
    + FILL
    + "{0,2})(?:"
    + ACT
    + "|"
    + ACT_ING
    + r"|be gone|be dead|wont be (?:here|around|alive)|end it|do it)",
    r"this is the end(?! (?:of (?:the|my|this|an|our)|for (?:the|this|that|my (?:phone|laptop|team))))",
    r"(?:it|this|everything|it all|my life) (?:ends|will end|is ending|ll end|is over) {w2}" + TIME,
    # a question that is really a decision: "is it selfish if i kill myself", "should i end it tonight"
    r"(?:is it|would it be) (?:selfish|wrong|bad|okay|ok|fine) (?:to|if i|for me to) {w1}(?:"
    + ACT
    + "|"
    + ACT_ING
    + ")",
    r"should i (?:just )?(?:kill my~self|kms|end it|end my life|do it tonight|unalive|jump|overdose|od)",
    r"(?:kms|kys){2,}[a-z]*",
    # not safe with oneself: "im not safe right now", "i dont trust myself tonight", "talk me out of it"
    r"(?:im|i am|i m) (?:really |so |just |honestly )?not safe(?! (?:at|in|from|around|with|to|on|for) (?!my~self))|"
    r"i (?:dont|do not|no longer) feel safe (?:with|around|by) my~self|i (?:cant|can not|cannot|dont know if i can|"
    r"dont think i can) (?:keep|stay) (?:my~self )?safe|(?:cant|can not|cannot|wont) promise (?:ill|i will|i ll|to|"
    r"that ill|i can) (?:be|stay|keep (?:my~self )?) safe",
    r"i (?:dont|do not|no longer|cant) trust my~self (?:tonight|right now|rn|any~mo+re?|alone|around (?:my |the |"
    r"those |these )?(?:pills|meds|tablets|knives|knife|blades?|razors?|rope)|with (?:my |the |those |these )?(?:pills|"
    r"meds|tablets|knives|knife|blades?|razors?|rope))",
    r"(?:scared|afraid|terrified|frightened) (?:of )?what (?:ill|i will|i ll|i might|im going to|im gonna) do "
    r"(?:to my~self|tonight|right now|rn)|(?:someone|somebody|anyone|pls|please|plz) {w2}(?:talk me out of (?:it|"
    r"this|doing it)|stop me (?:before|from (?:doing|hurting|killing|ending)))",
    # goodbyes and last messages
    r"(?:this is|this will be|this ll be|heres|here is|its|it s) (?:my|the) (?:last|final) (?:post|message|"
    r"goodbye|words|entry|story|video|tweet|update|note|letter|upload|text)(?! (?:of|for|before (?:i go on|my "
    r"(?:holiday|trip|break|exams))|until|till|about|on (?:this|the) (?:topic|subject)|in (?:the|this|my) "
    r"(?:series|challenge)|here for))",
    r"(?:my )?(?:last|final) (?:post|message|words|goodbye) (?:ever|before i (?:go|leave)(?! (?:on|to|for|away|"
    r"abroad|back|home|out|off|camping|travell?ing|into|offline|quiet))|before i (?:die|end))",
    r"(?:goodbye|bye|farewell) (?:forever|for good|for the last time|cruel world)|my (?:final|last) goodbye|"
    r"(?:this is|its) (?:my )?(?:goodbye|the end for me)|(?:bye|goodbye) i mean it",
    r"(?:you|u|yall|you all|anyone|nobody|no~one) (?:wont|will not|will never|ll never|never) (?:hear from|see|"
    r"hear) me {w2}(?:again|after)",
    r"if (?:you|u|anyone|someone)(?: are|re| r| is|s)? (?:reading|seeing|read|see|reads|sees|found|find|finds) this "
    r"{w3}(?:then )?(?:im|i am|i m|ill|i will|i ll|i|it)(?: be| have| ve| is| s)? {w2}(?:gone|dead|not here|not alive|"
    r"already gone|done it|too late|over)",
    r"(?:dont|do not|please dont|pls dont|please do not) (?:hate|blame) me for what (?:im|i am|i m|ive|i have) "
    r"(?:about to do|going to do|gonna do|done)|(?:forgive|sorry for) what (?:im|i am|i m) (?:about to|going to|gonna) "
    r"do",
    r"(?:im|i am|i m) (?:going to|gonna) be (?:gone|dead)(?=[^a-z0-9]*(?:$|[.!,;]|soon|tonight|tomorrow|forever|for "
    r"good|and|when|by))",
    r"by the time (?:you|u|anyone|someone|people|my (?:mum|mom|parents|family|friends)) (?:reads?|sees?|finds?|"
    r"gets?) this",
    r"(?:wont|will not|not gonna|not going to|wont even|am not going to|wont still) be (?:alive (?:for|by|at|on|"
    r"much longer|any~mo+re?|tomorrow|to see|for long|next|after|in the morning|when)|(?:here|around) (?:much "
    r"longer|any~mo+re?|for long|to see (?:my|the|another|next|it))|here for (?:my|the) (?:birthday|results|"
    r"christmas|exams?))",
    r"not planning on (?:being|staying) (?:here|around|alive)|my last (?:days|day|night|hours) (?:here|alive|"
    r"on earth)|last (?:days|day|night) (?:here|alive|on earth)",
    r"see you (?:all )?(?:on the other side(?! of)|in another life|in the next life|in heaven)|"
    r"in case i (?:dont|never) wake up",
    r"(?:ive|i have|i) (?:just )?(?:wrote|written|writing|finished|left|leaving|typed|finishing) (?:my|a|the|all "
    r"the|all my) {w1}(?:suicide|goodbye|last|final) (?:letters?|notes?|messages?|texts?)",
    r"(?:my|the) (?:suicide|goodbye) (?:letters?|notes?) (?:is|are|will be)(?: saved| hidden| typed| kept| sitting| "
    r"written)? (?:in|on|under|next to|ready|done|"
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
    r"any~mo+re?|for long|after (?:tonight|today|this))",
    r"(?:make|making) it easy for (?:them|everyone|you all|you)",
    # an attempt in progress, or means at hand for it
    r"(?:(?:ive|i have|i ve|i|i just|just|already) |(?:^\s*|(?<=[.!?])|(?<=[.!?]\s)|(?<=[.!?]\s\s)))"
    r"(?:just |already |now )?(?:taken|took|"
    r"swallowed|downed|had|drank|"
    r"drunk) (?:like |about "
    r"|over |nearly |almost )?(?:a lot of|lots of|a load of|loads of|heaps of|a ton of|a handful of|a bunch of|so "
    r"many|too many|all (?:of )?(?:my|the|those|these|them)|the "
    r"whole|a whole|an entire|half (?:of )?(?:a|the|my)|" + MANY + r"|a bottle of|every|a (?:box|packet|pack) "
    r"of|everything (?:in|from))(?: of)? {w2}(?:" + DRUGS[3:-1] + r"|bottle|packet|box|cabinet)",
    r"(?:in|inside) (?:my|the|mums|dads) (?:car|garage) {w6}(?:engine|motor) (?:running|on)|(?:engine|motor) "
    r"(?:is )?running {w4}(?:garage|closed|windows up)|(?:lit|lighting|burning) (?:the )?(?:charcoal|a bbq|a "
    r"barbecue) (?:in|inside) (?:my|the) (?:room|car|tent|bathroom)",
    r"(?:will|ll|gonna|going to|are going to) find (?:the|my) (?:note|notes|letters?|body)|find my body|"
    r"(?:they|theyll|someone|somebody|my (?:mum|mom|dad|parents|family|sister|brother)) (?:will|ll|are going to|is "
    r"going to|gonna)? ?find me (?:in the morning|tomorrow|tonight|dead|when|after|first thing)|"
    r"(?:going to|gonna|will|ll) die {w4}(?:and|but) {w2}(?:i want to|i want it|i hope so|im ready|i dont care|im glad|"
    r"good)(?=[^a-z0-9]*(?:$|[.!]))|"
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
    r"railing|rail|platform edge|tracks|balcony edge|parapet|wrong side)",
    r"(?:on|at) the (?:bridge|roof|edge|ledge|tracks|cliff) (?:right )?now",
    r"(?:the )?(?:rope|noose|belt|cord) is (?:ready|tied|up|set up|hanging|around my neck)(?! (?:to|onto|on|for "
    r"the|around (?:the|a)|up (?:the|a)))|"
    r"(?:tied|tying|made|making) (?:a|the) noose",
    r"(?:the )?(?:pills|tablets|meds|blade|razor|knife|gun|rope|bottle|bleach) (?:is|are) (?:in my hands?|in front "
    r"of me|next to me|laid out|lined up|counted out|on my (?:desk|bed|lap|bedside)|in my lap)",
    r"(?:saved|saving|stockpiled|stockpiling|hoarding|hoarded|collected|collecting|counted|been saving|been "
    r"collecting) (?:up )?{w2}(?:" + DRUGS[3:-1] + r")(?! (?:for (?:my|the) (?:trip|holiday|exams?)))",
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
    r"(?:je vais|je veux|je compte) prendre tou(?:te)?s mes (?:medicaments|cachets|comprimes|pilules)|(?:vou|quero) to"
    r"mar todos os (?:meus )?(?:remedios|comprimidos)|(?:voy a|quiero) tomar(?:me)? todas (?:las|mis) (?:pastillas|pil"
    r"doras)|(?:ich werde|ich will|ich) (?:heute |jetzt )?(?:alle|all meine) (?:meine )?tabletten nehmen|(?:voglio|sto"
    r" per|vado a) prendere tutte le (?:mie )?(?:pillole|compresse)|me tiro (?:de|del|desde|por|a)",
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
    # the same structures again: a decision to die, throwing oneself from a height, gone by a near time
    r"(?:me voy a|voy a|quiero|decidi|he decidido|ya decidi) (?:tirar|lanzar|aventar)(?:me)? (?:de|del|desde|por|"
    r"a las vias|al tren|bajo)|tirarme (?:de|del|desde|por|a las vias|al tren)|(?:decidi|he decidido|ya decidi) "
    r"(?:morir|matarme|suicidarme|quitarme la vida|acabar con todo|terminar con todo|acabar con mi vida)|"
    r"(?:manana|esta noche|pronto) (?:ya )?no (?:voy a estar|estare) (?:aqui|viva|vivo)",
    r"(?:j~ai|je suis) decidee? (?:de |d~|a )(?:en finir|mourir|me tuer|me suicider|mettre fin)|(?:je vais|je veux|"
    r"je compte) (?:me jeter|sauter) (?:du|d~un|d~une|de la|sous|par)|demain je (?:ne )?serai plus (?:la|ici|en vie)",
    r"ich (?:habe|hab) (?:mich )?entschieden,? (?:mich umzubringen|zu sterben|es zu beenden|mir das leben zu nehmen)|"
    r"(?:morgen|heute nacht|bald) bin ich (?:tot|nicht mehr am leben)|ich (?:werde|will|gehe) (?:mich )?(?:vor "
    r"(?:einen|den) zug (?:werfen|springen)|von (?:der|einer|dem|einem) (?:brucke|dach|hochhaus) springen)",
    r"(?:vou|quero|decidi) (?:me jogar|pular) (?:da|de|do|na frente)|decidi (?:morrer|me matar|acabar com tudo|"
    r"tirar (?:a )?minha vida)|amanha (?:eu )?(?:ja )?(?:nao )?(?:vou )?estar(?:ei)? morta?|amanha (?:eu )?nao "
    r"(?:vou )?estar(?:ei)? (?:mais )?aqui",
    r"(?:ho deciso di|voglio|sto per|vado a) (?:buttarmi|lanciarmi|gettarmi) (?:dal|dalla|da|sotto|giu)|ho deciso "
    r"di (?:morire|uccidermi|farla finita|togliermi la vita)|domani non ci saro piu",
)

# The act, then a timeframe: "kms tonight", "ending it after the exam". Searched only just before each
# timeframe word (`_TIME_WORD`), which is much cheaper than trying every act at every word.
_ACT_THEN_TIME = phrases(ACT + r" {w3}" + TIME + r"(?![a-z])", ACT_ING + r" {w3}" + TIME + r"(?![a-z])")
_TIME_WORD = phrases(TIME)
_BEFORE_TIME = 90  # characters before a timeframe in which the act is looked for

# The writer gone: "without me", "w/o me", "when im not around anymore", "if i wasnt here".
_WITHOUT_ME = (
    r"(?:without me|w~o me|if i (?:was|were|wasnt|werent) (?:gone|dead|here|around|alive)|if i (?:died|disappeared|"
    r"was never born)|(?:when|once|after|if) (?:im|i am|i m) (?:gone|dead|not (?:here|around|alive)(?: any~mo+re?)?|"
    r"no longer (?:here|around|alive))(?! to (?!see)))"
)

# Passive ideation and hopelessness about life itself: strong, but "how do I tell my therapist that ..." is a
# question about getting help, not a crisis (README: dark thoughts with no intent, put as a question).
_IDEATION = phrases(
    r"(?:i {w2}|" + SENTENCE_START + r")(?:dont|do not|no longer|dont really|dont even|really dont|honestly dont|"
    r"just dont) (?:(?:want|wanna|wish|"
    r"care) to|wanna|want 2) (?:live(?! (?:in|with|at|here|there|near|like that|on|under|next|together|alone))|be aliv"
    r"e|exist|keep living|be in this world|survive(?! (?:this (?:week|term|exam|class)))|see tomorrow|"
    r"see another day|be on this earth|" + STILL + ")",
    r"i (?:wish|hope) i (?:was|were|could be|would be) dead|i (?:wish|hope) i (?:had|d) never (?:been born|existed|"
    r"woken up)|i (?:wish|hope) i (?:was|were|had been) never born|i wish i (?:didnt|did not|wouldnt) (?:exist|wake up"
    r"|wake)|i hope i (?:dont|never|wont|do not) "
    r"wake up|(?:hope|wish) i die in my sleep|i (?:wish|hope) (?:i could|to) (?:just )?(?:die|disappear forever|"
    r"not wake up|never wake up|stop existing|not exist|sleep forever|fall asleep forever|vanish)",
    r"(?:theres|there is|there s|i see|i have|i got|ive got) no (?:point|reason|use) (?:in|to|of) (?:living|life|live|"
    r"being alive|going on|staying|being here|existing|waking up|carrying on)|whats the point (?:of|in) (?:living|life"
    r"|being alive|going on|waking up)|(?:no|zero) reason (?:for me )?to (?:live|stay|keep going|be alive|be here|exis"
    r"t|go on|carry on)",
    r"i (?:dont|do not|cant|cannot) see (?:a|any|the) (?:point|reason) (?:in|to|of) (?:living|life|going on|"
    r"being alive)",
    r"(?:(?:everyone|everybody|they|my family|my friends|the world|people|my parents|my (?:mum|mom|dad)) (?:would|"
    r"will|d|are|is|ll) (?:be )?|everyones |everybodys |theyd be |theyll be |itd be )(?:so much |much |way |all |a "
    r"lot )?(?:better|happier|easier) (?:off )?" + _WITHOUT_ME,
    r"(?:life|living|my life) (?:isnt|is not|aint|is no longer) worth (?:it|living) (?:any~mo+re?|now|for me)|"
    r"(?:life|my life) (?:isnt|is not|aint) worth living",
    r"i (?:hate|am tired of|m tired of|cant stand) (?:being alive|living|existing|waking up every day)"
    r"(?! (?:in|with|at|here|there|near|like|on|under|next|so|together))|im (?:so |really |just )?(?:tired|sick|"
    r"exhausted) of (?:being alive|living|existing|life|waking up)(?! (?:in|with|at|here|there|near|like|on|"
    r"under|next|so|together|early))",
    r"im (?:so |really |just )?(?:done|finished) (?:with )?(?:life|living|being alive|existing|this life|"
    r"everything and everyone)",
    r"i (?:shouldnt|should not|dont deserve to|do not deserve to) (?:be alive|exist|live|have been born|be here)",
    r"i (?:cant|can not|cannot) (?:keep living|live like this|do life any~mo+re?|keep fighting|hold on any (?:longer|"
    r"more)|handle (?:life|being alive) any~mo+re?|" + STILL + ")",
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
    # being found: "theyll find me in the morning", "my mum will find me when she gets home"
    r"(?:they|someone|somebody|my (?:mum|mom|dad|parents|family|sister|brother|flatmate|roommate)|you|she|he)~(?:will|l"
    r"l|"
    r"are going to|is going to|gonna|re gonna) (?:probably )?find me (?:in the morning|tomorrow|when (?:they|she|he|you"
    r")"
    r" (?:get|gets|come|comes) (?:home|back|in)|when (?:they|she|he|you) (?:wake|wakes) up|before (?:school|work))"
    r"(?=[^a-z0-9]*(?:$|[.!;]))",
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


def find(normalised: Normalised, *, exclude, model):
    """The match that shows a crisis, and how sure: a statement, two warning signs, or one and the model."""
    variants = readings(normalised)
    for variant in variants:
        for match in islice(statements(variant), CANDIDATES):
            if exclude and overlaps(exclude, match.span()):
                continue
            if not excused(variant, match, ideation=match.re is _IDEATION):
                return match, 1.0
    cues = signs_in(variants, exclude)
    text = normalised.text
    context_ok = not ADDRESSING.search(text) and not POSITIVE.search(text)
    if not context_ok:
        return None, 0.0
    if not cues:
        return None, 0.0
    kinds = set(cues)
    shown = min(cues.values(), key=lambda m: m.start())
    if enough(kinds):
        return shown, 0.9
    if model is not None and FIRST_PERSON.search(text):
        probability = model.probability(text[:MODEL_CHARS])
        if kinds & STRONG_SIGNS and probability >= MODEL_THRESHOLD:
            return shown, 0.75
        # Any other warning sign (not a timeframe, talk or confiding alone), and the model very sure: crises
        # are written in more ways than the strong signs cover. Held, never refused.
        if kinds & SIGNS and probability >= ALONE:
            return shown, MODEL_ALONE_SCORE
    return None, 0.0


def statements(text: str):
    """Every match of the statements that are a crisis on their own, in the order of the patterns."""
    yield from _INTENT.finditer(text)
    for when in _TIME_WORD.finditer(text):
        match = _ACT_THEN_TIME.search(text, max(0, when.start() - _BEFORE_TIME), when.end())
        if match is not None:
            yield match
    yield from _IDEATION.finditer(text)
