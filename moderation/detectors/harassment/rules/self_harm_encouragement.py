"""Telling someone to harm themselves ("kys", "nobody would miss you", "do it then. you won't"), in English
and the other languages the platform sees: refused as harassment. What reads "please don't kill yourself"
as support rather than abuse is in ..context.
"""

from ..lexicon import SELF_HARM_AT, YOU, B, E
from .rule import _Rule, _rule

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
    # A second-person directive or suggestion to self-harm, in any wording: "you should try cutting", "go starve
    # yourself", "maybe u should just od". Not "cutting down/back" or a haircut; "you should never" is not a directive.
    _rule(
        "directive-self-harm",
        "harassment",
        0.9,
        B + r"(?:(?:you|u|ya)\s+(?:should|shud|need\s+to|ought\s+to|gotta|could|might\s+as\s+well)|go|just|"
        r"why\s+dont\s+(?:you|u)|maybe\s+(?:you|u)\s+should|try)\s+(?:just\s+|really\s+|go\s+|try\s+|start\s+|"
        r"actually\s+)*(?:cutting|cut\s+(?:yourself|urself|your\s+wrists|ur\s+wrists|deeper)|self\s*harm(?:ing)?|"
        r"starv(?:e|ing)\s+(?:yourself|urself)|overdos(?:e|ing)|od(?:ing)?|hang(?:ing)?\s+(?:yourself|urself)|"
        r"slit(?:ting)?\s+(?:your|ur)\s+wrists|jump(?:ing)?\s+off\s+(?:a|the|something)|"
        r"tak(?:e|ing)\s+all\s+(?:your|ur|the)\s+(?:pills|meds|tablets))"
        r"(?!\s+(?:down|back|out|off|ties|class|school|corners|carbs|sugar|hair|your\s+hair|ur\s+hair|the\s+cake))" + E,
        triggers="cutting cut selfharm self harm harming starve starving overdose overdosing od oding hang hanging "
        "slit slitting jump jumping take taking",
        support_guard=True,
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
)
