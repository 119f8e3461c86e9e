"""Insults aimed at "you", at someone's body, family or work ("your voice is..."), at a third person ("she's
so..."), as a vocative, a question or an unflattering comparison; mockery and hostile criticism of someone's
work; hostile commands to leave or stop; insults and exclusion in the other languages the platform sees.

Most read the insult reading, in which INSULT stands for an insult, and score as its tier. Insults said alone
are in ..bare_insults.
"""

from ..lexicon import (
    _BODY_AND_FAMILY,
    _COMPARE_VERBS,
    _COMPARED_TO,
    _THING_IS,
    _WORK_AND_PRESENCE,
    ADJECTIVE_INSULT,
    FILL,
    INSULT,
    MILD_INSULT,
    NOUN_INSULT,
    THEY_ARE,
    YOU_ARE,
    YOUR_THING,
    B,
    E,
    _words,
)
from .rule import _Rule, _rule

RULES: tuple[_Rule, ...] = (
    # Insults aimed at "you", at someone's body, family or work, and alone as a vocative.
    _rule(
        "insult-you",
        "harassment",
        MILD_INSULT,
        B + YOU_ARE + FILL + r"\s*" + INSULT + r"(?:\s+" + NOUN_INSULT + r")?",
        support_guard=True,
        tiered=True,
        mild=True,
        insults=True,
    ),
    _rule(
        "insult-your-thing-so",
        "harassment",
        MILD_INSULT,
        B
        + YOUR_THING
        + _THING_IS
        + r"\s+(?:so|too|really)\s+\w+\s+(?:that\s+)?(?:its|it\s+is|i)\s+(?:gross|disgusting|"
        r"embarrassing|painful|tragic|pathetic|sickening|cringe|cringey|want\s+to\s+(?:throw\s+up|puke|vomit|die)|"
        r"feel\s+sick)",
        support_guard=True,
        mild=True,
        triggers="gross disgusting embarrassing painful tragic pathetic sickening cringe cringey throw puke vomit "
        "die sick",
    ),
    _rule(
        "insult-your-thing",
        "harassment",
        MILD_INSULT,
        B + YOUR_THING + _THING_IS + FILL + r"\s*" + INSULT,
        support_guard=True,
        tiered=True,
        mild=True,
        insults=True,
    ),
    _rule(
        "insult-vocative",
        "harassment",
        MILD_INSULT,
        B + r"(?:you|u|ya|yu)(?:\s+(?:" + ADJECTIVE_INSULT + r"|little|fucking|fkn|absolute|total|complete|utter|big|"
        r"massive|actual|lying|crusty|lazy|sad))*\s+" + NOUN_INSULT,
        tiered=True,
        mild=True,
        insults=True,
    ),
    _rule(
        "insult-question",
        "harassment",
        MILD_INSULT,
        r"(?:are|r)\s+(?:you|u)\s+(?:\w+\s+)?"
        + INSULT
        + r"|(?:why|how)\s+(?:are|r)\s+(?:you|u)\s+(?:so|this|such\s+an?)\s+"
        + INSULT
        + r"|(?:as|this|so)\s+"
        + INSULT
        + r"\s+as\s+(?:you|u|ya)"
        + E
        + r"|how\s+(?:can|could|does|do|is\s+it\s+possible\s+for)\s+(?:someone|anyone|a\s+person|one\s+person|you|u)\s+"
        r"(?:\w+\s+){0,2}?(?:be|look|get|sound)\s+(?:this|so|that)\s+" + INSULT,
        tiered=True,
        mild=True,
        insults=True,
    ),
    _rule(
        "insult-shut-up",
        "harassment",
        MILD_INSULT,
        r"(?:shut\s+(?:up|ur\s+mouth|your\s+mouth|it)|stfu|gtfo|get\s+lost|go\s+away|piss\s+off|get\s+a\s+life)"
        r"(?:\s+(?:you|u|already|forever))?[\s,]+(?:(?:\w+|" + ADJECTIVE_INSULT + r")\s+)?" + NOUN_INSULT,
        tiered=True,
        mild=True,
        insults=True,
    ),
    _rule(
        "insult-third",
        "harassment",
        MILD_INSULT,
        THEY_ARE + FILL + r"\s*" + INSULT,
        tiered=True,
        mild=True,
        insults=True,
    ),
    _rule(
        "insult-what-a",
        "harassment",
        MILD_INSULT,
        r"(?:what\s+(?:a|an)|look\s+at\s+(?:this|that|these|those))\s+(?:(?:\w+|"
        + ADJECTIVE_INSULT
        + r")\s+)?"
        + NOUN_INSULT,
        tiered=True,
        mild=True,
        insults=True,
    ),
    _rule(
        "insult-comparison",
        "harassment",
        0.7,
        B
        + r"(?:you|u|ya|she|he|they|"
        + YOUR_THING
        + r")\s+(?:\w+\s+)?"
        + _words(_COMPARE_VERBS)
        + r"\s+like\s+(?:a|an|some|the|a\s+literal|an\s+actual)?\s*(?:\w+\s+)?"
        + _words(_COMPARED_TO)
        + E,
        mild=True,
        support_guard=True,
        triggers=_COMPARE_VERBS.replace("|", " "),
    ),
    # Mockery and hostile criticism of someone's work: held.
    _rule(
        "mockery",
        "harassment",
        0.65,
        r"said\s+no\s+(?:one|1)\s+ever(?=[^\n]{0,200}(?<![a-z])(?:you|u|ur|your|youre)(?![a-z]))"
        r"|(?<![a-z])(?:you|u|ur|your|youre)(?![a-z])[^\n]{0,200}said\s+no\s+(?:one|1)\s+ever"
        r"|(?:look\s+at|imagine)\s+(?:this|that|her|him)\s+(?:\w+\s+)?(?:thinking|trying|who\s+thinks|acting\s+like)\s+"
        r"(?:she|he|they|shes|hes|theyre)?\s*(?:can|is|are|could|s|re|a|an)?\s*(?:sing|dance|draw|rap|act|write|"
        r"talent|talented|pretty|cute|funny|cool|hot|an?\s+\w+)"
        r"|(?:you|u)\s+(?:should|ought\s+to)\s+(?:feel|be)\s+(?:so\s+|really\s+)?(?:bad|ashamed|embarrassed)\s+"
        r"(?:of|for|about)"
        r"|(?:worst|most\s+(?:boring|cringe|cringey|embarrassing|pathetic)|cringiest|dumbest|stupidest|ugliest)\s+"
        r"(?:\w+\s+)?(?:story|video|post|dance|song|entry|poem|drawing|thing|campaign|selfie|take|content|art|"
        r"outfit|singing|voice)\s+(?:ive|i\s+have|i\s+ve)\s+ever\s+(?:read|seen|heard|watched)"
        r"(?=[^\n]{0,200}(?<![a-z])(?:you|u|ur|your|youre)(?![a-z]))"
        r"|(?<![a-z])(?:you|u)\s+(?:should\s+)?(?:never|not)\s+(?:post|sing|dance|write|draw)\s+(?:again|ever\s+again)"
        r"|(?<![a-z])(?:you|u)\s*(?:ll|will)\s+never\s+(?:amount\s+to|be|achieve|make\s+it\s+as)\s+(?:anything|anyone|"
        r"shit|much|a\s+\w+)"
        + E
        + r"|(?:you|u|she|he)\s+(?:have|has|got)\s+(?:the|a)\s+(?:personality|brain|face|body|voice|iq|charisma|"
        r"hairline|looks|sense\s+of\s+humou?r)\s+of\s+(?:a|an)\s+(?:\w+\s+)?"
        + _words(_COMPARED_TO)
        + E
        + r"|(?:your|ur)\s+(?:\w+\s+)?"
        + _words(_WORK_AND_PRESENCE, _BODY_AND_FAMILY)
        + r"\s+(?:makes?|made)\s+my\s+"
        r"(?:ears|eyes)\s+(?:bleed|hurt)"
        r"|(?<![a-z])(?:you|u)\s+(?:\w+\s+)?(?:post|talk|speak|comment|open\s+your\s+mouth)[^.!?\n]{0,20}"
        r"(?:lose|lost|losing)\s+(?:\w+\s+)?brain\s+cells"
        r"|imagine\s+thinking\s+(?:anyone|anybody|someone|people|we)\s+(?:wants|cares|likes|asked|needs)"
        r"|(?<![a-z])(?:you|u)\s+(?:really\s+|actually\s+|seriously\s+)?(?:thought|think|believed)\s+(?:anyone|anybody|"
        r"someone|people|we)\s+(?:cared|cares|care|wanted|wants|liked|likes|asked|would\s+care)"
        r"|go\s+cry\s+to\s+(?:your|ur)\s+(?:mummy|mommy|mum|mom|mama|daddy|dad|therapist)"
        r"|(?:stop|quit)\s+pretending\s+(?:you|u)\s*(?:can|could)\s+(?:sing|dance|draw|act|rap|write|play|cook)",
        support_guard=True,
        triggers=(
            "said look imagine ashamed embarrassed bad worst most cringiest dumbest stupidest ugliest "
            "again never amount personality brain iq charisma hairline looks humour humor bleed cells "
            "thought think believed cry pretending"
        ),
    ),
    # Hostile commands to leave or stop, said to someone.
    _rule(
        "hostile-command",
        "harassment",
        0.6,
        r"(?:^|[.!?,;\n]\s*|(?:just|pls|please|now|so|and|then|lol|lmao|honestly|seriously|bro|mate)\s+)"
        r"(?:delete\s+(?:your|ur|yr)\s+(?:account|acc|profile|page|channel|app|life|existence)|"
        r"(?:quit|stop)\s+(?:posting|singing|dancing|uploading|making\s+videos|writing|drawing|existing|"
        r"embarrassing\s+yourself)(?:\s+(?:forever|already|pls|please|nobody|no\s+one))?(?=\s*(?:[.!,?]|$|nobody|"
        r"no\s+one|forever|already|ur|youre|you))|"
        r"never\s+post\s+(?:again|anything\s+again)|get\s+off\s+(?:the|this)\s+(?:internet|app|site|platform)|"
        r"leave\s+(?:the\s+internet|this\s+(?:app|site|platform)|the\s+(?:app|site|platform))|"
        r"crawl\s+back\s+(?:into|under)\s+(?:your|ur|the|a)\s+\w+|go\s+back\s+(?:under|to)\s+(?:your|ur)\s+"
        r"(?:rock|hole|cave|bridge))",
        triggers="delete quit stop never get leave crawl go",
    ),
    # Insults and exclusion in the other languages the platform sees.
    _rule(
        "insult-other-languages",
        "harassment",
        0.7,
        B + r"(?:eres|sos|tu\s+es|t\s*es|du\s+bist|voce\s+e|vc\s+e|tu\s+e)\s+(?:(?:un|una|une|ein|eine|um|uma|muy|tan|"
        r"trop|si|tellement|so|echt|voll|ja|muito|tao|vraiment|totalmente|completamente|re|tres|einfach|nur|"
        r"demasiado|super)\s+)*(?:inutil|idiota|estupido|estupida|imbecil|fracasado|fracasada|perdedor|perdedora|"
        r"gordo|gorda|feo|fea|asqueroso|asquerosa|basura|patetico|patetica|payaso|tonto|tonta|nul|nulle|moche|"
        r"conne|debile|idiot|idiote|gros|grosse|laid|laide|pathetique|inutile|bouffon|bouffonne|minable|"
        r"degueulasse|hasslich|dumm|fett|blod|nutzlos|peinlich|erbarmlich|versager|opfer|burro|burra|feio|feia|"
        r"nojento|nojenta|fracassado|lixo|otario|otaria|ridiculo|ridicula|ridicule|loser|dummkopf|nervig|"
        r"insoportable|insupportable)"
        + E
        + r"|"
        + B
        + r"(?:nadie\s+te\s+(?:quiere|soporta|aguanta)|personne\s+ne\s+t\s*(?:aime|supporte|veut)|"
        r"niemand\s+(?:mag|will|braucht)\s+dich|ninguem\s+(?:gosta\s+de\s+(?:voce|vc|ti)|te\s+(?:suporta|aguenta|"
        r"quer))|todos\s+te\s+odian|tout\s+le\s+monde\s+te\s+deteste|alle\s+hassen\s+dich|todo\s+mundo\s+te\s+odeia)"
        + E,
        triggers="eres sos tu t tes du voce vc nadie personne niemand ninguem todos tout ale todo",
    ),
)
