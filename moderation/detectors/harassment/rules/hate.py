"""Hate aimed at a protected group: dehumanising it, calling for it to be removed or killed, denying its
rights, "go back to...", where it "belongs", misgendering, conspiracy theories, praise of the Nazis and
Holocaust denial, "I hate...", "being X is a disease", the same in other languages, and the "[slur]"
placeholder. Most read the group reading, in which GROUP stands for a group's name. _NOT_A_CONSPIRACY
tells a song ("girls run the world") from a conspiracy theory.
"""

import re

from ..lexicon import (
    _ARE_FILL,
    _FOREIGN_GROUPS,
    _FOREIGN_PREDICATES,
    BEING,
    BEING_IS,
    ELIMINATE_VERBS,
    ELIMINATE_VIOLENT_VERBS,
    ELIMINATION,
    ELIMINATION_VIOLENT,
    GROUP,
    GROUP_LEAD,
    GROUP_PREDICATE,
    RIGHTS,
    B,
    E,
    _words,
)
from .rule import _Rule, _rule

_NOT_A_CONSPIRACY = re.compile(r"^(?:[a-z]+\s+)*?(?:women|woman|girls|females|feminists)(?![a-z])")

RULES: tuple[_Rule, ...] = (
    # Hate: a protected group and a dehumanising, inferiorising or eliminationist predicate.
    _rule(
        "hate-dehumanise",
        "hate",
        0.95,
        B + GROUP_LEAD + GROUP + r"\s+(?:are|r|is|=|were)" + _ARE_FILL + r"\s+" + GROUP_PREDICATE + E,
        groups=True,
    ),
    _rule(
        "hate-eliminate",
        "hate",
        0.95,
        B + GROUP_LEAD + GROUP + r"\s+(?:should|must|need\s+to|needs\s+to|ought\s+to|deserve\s+to|have\s+to|got\s+to|"
        r"gotta|will|shall)\s+(?:all\s+)?(?:be\s+)?(?:all\s+)?"
        + ELIMINATION
        + E
        + r"|"
        + B
        + ELIMINATE_VERBS
        + r"\s+(?:all\s+)?(?:of\s+)?(?:the\s+|these\s+|those\s+|every\s+)?"
        + GROUP
        + E
        + r"|"
        + B
        + r"(?:send|ship|kick|throw|get|drive|chase|keep)\s+(?:all\s+)?(?:of\s+)?(?:the\s+|these\s+|those\s+|them\s+)?"
        + GROUP
        + r"\s+(?:back|out|home|away)"
        + r"|"
        + B
        + GROUP
        + r"\s+(?:out|go\s+home|get\s+out|not\s+welcome|go\s+back)\s*(?:[.!]|$|now)"
        + r"|the\s+only\s+good\s+"
        + GROUP
        + r"\s+(?:is|are)\s+(?:a|an)\s+(?:deported|gone|departed|silent|absent|invisible|closeted)\s+(?:one|ones)",
        groups=True,
    ),
    _rule(
        "hate-kill",
        "hate",
        0.95,
        B + GROUP_LEAD + GROUP + r"\s+(?:should|must|need\s+to|needs\s+to|ought\s+to|deserve\s+to|have\s+to|got\s+to|"
        r"gotta|will|shall)\s+(?:all\s+)?(?:be\s+)?(?:all\s+)?"
        + ELIMINATION_VIOLENT
        + E
        + r"|"
        + B
        + ELIMINATE_VIOLENT_VERBS
        + r"\s+(?:all\s+)?(?:of\s+)?(?:the\s+|these\s+|those\s+|every\s+)?"
        + GROUP
        + E
        + r"|the\s+only\s+good\s+"
        + GROUP
        + r"\s+(?:is|are)\s+(?:a\s+)?dead(?:\s+(?:one|ones))?"
        + r"|"
        + B
        + GROUP
        + r"[^.!?\n]{0,60}?(?:and|then|&)\s+(?:sink|drown|shoot|burn|kill|gas|hang|bomb|torch|stab|bury)\s+"
        r"(?:them|em|the\s+boats?|it)" + E,
        also="violence",
        groups=True,
    ),
    _rule(
        "hate-rights",
        "hate",
        0.95,
        B + GROUP_LEAD + GROUP + r"\s+(?:dont|do\s+not|shouldnt|should\s+not|dont\s+even|do\s+not\s+even|never)\s+"
        r"(?:deserve|have|get)\s+(?:the\s+|any\s+)?"
        + RIGHTS
        + E
        + r"|"
        + B
        + GROUP_LEAD
        + GROUP
        + r"\s+(?:shouldnt|should\s+not|must\s+not|cant|cannot)\s+be\s+allowed\s+"
        r"(?:to\s+\w+|in|near|around|here)"
        r"|" + B + GROUP_LEAD + GROUP + r"\s+have\s+no\s+(?:right|place|business)\s+(?:to|in|here|being)"
        r"|" + B + r"(?:no|ban|no\s+more)\s+" + GROUP + r"\s+(?:allowed|welcome|here)"
        r"|"
        + B
        + GROUP_LEAD
        + GROUP
        + r"\s+(?:shouldnt|should\s+not|must\s+not|cant|cannot)\s+(?:have|raise|adopt|teach|be\s+around)\s+"
        r"(?:kids|children|babies)",
        groups=True,
    ),
    _rule(
        "hate-go-back",
        "hate",
        0.95,
        B + r"(?:go|should\s+go|get)\s+back\s+to\s+(?:where\s+(?:you|u|they)\s+came\s+from|your\s+(?:own\s+)?country|"
        r"ur\s+country|their\s+(?:own\s+)?country|your\s+(?:own\s+)?(?:kind|people))",
        triggers="back",
    ),
    _rule(
        "hate-belong",
        "hate",
        0.9,
        B + GROUP_LEAD + GROUP + r"\s+(?:belong|belongs|should\s+stay|should\s+be\s+kept)\s+(?:only\s+)?(?:in|at|on)\s+"
        r"(?:the\s+)?(?:kitchen|home|house|cages?|zoos?|camps?|prison|jail|the\s+streets|their\s+place|institutions?|"
        r"the\s+(?:kitchen|home|bedroom)|barefoot)"
        r"|"
        + B
        + r"(?:i\s+|we\s+)?(?:wish|hope|want|pray)\s+(?:that\s+)?(?:all\s+)?(?:the\s+|these\s+|those\s+)?"
        + GROUP
        + r"\s+(?:would|will|to|would\s+just|just|could)\s+(?:all\s+)?(?:leave|go\s+away|go\s+back|disappear|get\s+out|"
        r"die|be\s+gone|vanish|stop\s+existing|go\s+home|be\s+deported)" + E,
        groups=True,
    ),
    _rule(
        "hate-misgender",
        "hate",
        0.9,
        B
        + r"(?:all\s+)?trans\s*(?:women|woman|girls|females)\s+(?:are|r|is)\s+(?:just\s+|only\s+|really\s+|actually\s+|"
        r"still\s+|basically\s+|nothing\s+but\s+|always\s+be\s+|will\s+always\s+be\s+)?(?:men|man|boys|blokes|dudes|"
        r"males|guys)"
        + E
        + r"|"
        + B
        + r"(?:all\s+)?trans\s*(?:men|man|boys|males|guys)\s+(?:are|r|is)\s+(?:just\s+|only\s+|really\s+|"
        r"actually\s+|still\s+|basically\s+|nothing\s+but\s+)?(?:women|woman|girls|females)"
        + E
        + r"|"
        + B
        + r"trans\s*(?:women|woman|girls|men|man|boys|people)\s+(?:will\s+never|can\s+never|cant\s+ever|"
        r"are\s+never\s+going\s+to)\s+be\s+(?:real\s+)?(?:women|woman|girls|men|man|boys)"
        + E
        + r"|"
        + B
        + r"(?:you|u)\s*(?:ll|will)\s+never\s+be\s+a\s+real\s+(?:woman|man|girl|boy)"
        + E,
        triggers="trans never",
    ),
    _rule(
        "hate-conspiracy",
        "hate",
        0.9,
        B + GROUP_LEAD + GROUP + r"\s+(?:secretly\s+|really\s+|basically\s+|literally\s+|all\s+)?(?:control|controls|"
        r"run|runs|own|owns|rule|rules|are\s+behind|were\s+behind|are\s+controlling|are\s+running)\s+(?:the\s+|all\s+th"
        r"e\s+|"
        r"our\s+|this\s+)?(?:media|banks|world|government|governments|money|hollywood|news|economy|finance|"
        r"everything|country|schools)"
        + E
        + r"|"
        + B
        + GROUP_LEAD
        + GROUP
        + r"\s+(?:are|r)\s+(?:\w+\s+){0,2}(?:to\s+)?(?:replace|replacing)\s+"
        r"(?:us|white\s+people|our\s+people|whites|europeans)" + E,
        groups=True,
    ),
    _rule(
        "hate-nazi",
        "hate",
        0.95,
        B + r"(?:hitler|the\s+nazis|nazis|the\s+third\s+reich)\s+(?:was|were|had\s+it)\s+(?:so\s+|totally\s+)?right"
        r"|hitler\s+did\s+nothing\s+wrong|finish\s+what\s+hitler\s+started|bring\s+back\s+the\s+(?:camps|gas\s+chambers"
        r")"
        r"|(?:hitler|the\s+nazis|nazis)\s+(?:had|have)\s+(?:the\s+)?right\s+idea|(?:hitler|the\s+nazis|nazis)\s+"
        r"(?:was|were)\s+onto\s+something"
        r"|(?:the\s+)?(?:holocaust|shoah)\s+(?:never\s+happened|didnt\s+happen|did\s+not\s+happen|"
        r"is\s+(?:a\s+|just\s+a\s+)?(?:lie|hoax|myth|fake|made\s+up|exaggerated)|was\s+(?:a\s+|just\s+a\s+)?(?:lie|hoax"
        r"|"
        r"myth|fake|made\s+up|exaggerated|a\s+good\s+thing|deserved))"
        r"|(?:6|six)\s+million\s+(?:wasnt|was\s+not|werent|is\s+not|isnt)\s+enough|heil\s+hitler|sieg\s+heil" + E,
        triggers="hitler nazis reich holocaust shoah million heil sieg camps",
    ),
    _rule(
        "hate-i-hate",
        "hate",
        0.9,
        r"(?:i|we)\s+(?:hate|despise|detest|cant\s+stand)\s+(?:all\s+)?(?:the\s+|these\s+|those\s+)?" + GROUP + E,
        groups=True,
    ),
    _rule(
        "hate-being",
        "hate",
        0.9,
        B + r"being\s+" + BEING + r"\s+(?:is|=)\s+(?:just\s+|literally\s+)?" + BEING_IS + E,
        triggers="being",
    ),
    _rule(
        "hate-other-languages",
        "hate",
        0.95,
        B
        + r"(?:les\s+|los\s+|las\s+|die\s+|os\s+|as\s+|tous\s+les\s+|todos\s+los\s+|alle\s+)?"
        + _words(_FOREIGN_GROUPS, stretch=False)
        + r"\s+(?:sont|son|sind|sao|e|est|es|ist)\s+(?:(?:tous|todos|todas|alle|nur|que|juste|solo|so|wie|des|de\s+la|"
        r"unos|unas|uns|umas|une|un|una|uma|eine|ein|nichts\s+als|rien\s+que|nada\s+mas\s+que)\s+)*"
        + _words(_FOREIGN_PREDICATES, stretch=False)
        + E,
        triggers=_FOREIGN_GROUPS.replace("|", " "),
    ),
    # Denying a group's existence, humanity or place: "[group] shouldnt even be alive", "[group] arent real people",
    # "[group] carry diseases", "[group] dont belong anywhere near us".
    _rule(
        "hate-deny-existence",
        "hate",
        0.95,
        # one shared start (a group's name, after optional "all", "these"...), read once, then what is said of it
        B
        + GROUP_LEAD
        + GROUP
        + r"(?:\s+(?:should\s*nt|should\s+not|dont\s+deserve\s+to|do\s+not\s+deserve\s+to|dont\s+get\s+to|"
        r"have\s+no\s+right\s+to|shouldnt\s+be\s+allowed\s+to|should\s+never)\s+(?:even\s+|ever\s+|be\s+allowed\s+to\s+"
        r")?"
        r"(?:exist|live|be\s+alive|breathe|be\s+born|have\s+been\s+born|reproduce|be\s+here|be\s+around|be\s+a\s+thing)"
        + E
        + r"|"
        + r"\s+(?:arent|are\s+not|r\s+not|aint|were\s+never|werent)\s+(?:even\s+|really\s+|actually\s+|fully\s+|truly\s"
        r"+|"
        r"real\s+|proper\s+)*(?:human|humans|people|persons|real\s+people|human\s+beings|people\s+like\s+us)"
        + E
        + r"|"
        + r"\s+(?:all\s+|just\s+|only\s+|always\s+)?(?:spread|spreads|carry|carries|bring|brings|cause|causes)\s+"
        r"(?:disease|diseases|germs|viruses|the\s+virus|plague|plagues|sickness|filth|aids|lice|crime)"
        + E
        + r"|"
        + r"\s+(?:are|r|is)\s+(?:so\s+|all\s+|just\s+)?(?:filthy|foul|vile|unclean|diseased)(?=\s+and|\s*[.!?,\n]|\s*$)"
        + r"|"
        + r"\s+(?:dont|do\s+not|doesnt|does\s+not|will\s+never|never)\s+belong\s+(?:here|anywhere|in\s+(?:this|our|the|"
        r"my)"
        r"\s+(?:country|society|world|town|city|school|community)|on\s+this\s+(?:planet|earth)|among\s+us|near\s+us)"
        + r"|"
        + r"\s+(?:are|r)\s+[^.!?\n]{0,40}?,\s*(?:and\s+)?(?:not|never)\s+(?:even\s+|really\s+|actually\s+)?(?:real\s+)?"
        r"(?:humans?|people|persons|human\s+beings)"
        + E
        + r")|"
        + B
        + r"(?:the\s+world|this\s+country|the\s+country|society|everyone|we|this\s+town|our\s+school|earth|britain|"
        r"england|america|europe)\s+(?:would|will|d)\s+be\s+(?:so\s+much\s+|much\s+|way\s+|a\s+lot\s+)?(?:better|"
        r"safer|cleaner|nicer|happier)\s+(?:off\s+)?without\s+(?:any\s+|all\s+(?:the\s+)?|the\s+)?" + GROUP + E,
        groups=True,
    ),
    # Violence against a community's places: "someone should torch that synagogue", "bomb every mosque".
    _rule(
        "hate-places",
        "hate",
        0.95,
        B + r"(?:burn|burning|burn\s+down|burning\s+down|bomb|bombing|blow\s+up|blowing\s+up|torch|torching|firebomb|"
        r"shoot\s+up|shooting\s+up|smash\s+up|set\s+fire\s+to|attack|attacking|raid|vandalise|vandalize|wreck|"
        r"burn\s+out|petrol\s+bomb)\s+(?:down\s+|up\s+)?(?:that|the|this|their|every|all|those|these|a|the\s+local|"
        r"all\s+the|all\s+their|every\s+single|that\s+new|the\s+new)\s+(?:mosques?|synagogues?|churche?s?|temples?|"
        r"gurdwaras?|mandirs?|shuls?|chapels?|pride\s+(?:march|parade|event)s?|gay\s+bars?|refugee\s+(?:centres?|"
        r"centers?|hotels?|camps?)|asylum\s+(?:hotels?|centres?|centers?))" + E,
        triggers="mosque mosques synagogue synagogues church churches temple temples gurdwara gurdwaras mandir "
        "mandirs shul shuls chapel chapels pride gay refugee asylum",
        also="violence",
    ),
    # A community's places of worship to be banned: "no more mosques here", "shut down every synagogue".
    _rule(
        "hate-ban-worship",
        "hate",
        0.9,
        B
        + r"(?:ban|close|shut\s+down|bulldoze|no\s+more)\s+(?:all\s+|every\s+)?(?:the\s+|their\s+)?(?:mosques?|synagogu"
        r"es?|"
        r"gurdwaras?|mandirs?)" + E,
        triggers="mosque mosques synagogue synagogues gurdwara gurdwaras mandir mandirs",
    ),
    _rule("slur-placeholder", "hate", 0.95, r"\[\s*slur\s*\]", triggers="slur"),
)
