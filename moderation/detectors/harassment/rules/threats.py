"""Threats: of physical harm (violence, and harassment of the person threatened), stock threats ("I know where
you live", "watch your back"), "you'll regret this", wishing someone harm, threats to ruin or expose someone,
and sextortion. _THREAT_KEYS names the rules that laughter, trivial conditions and games soften.
"""

from ..lexicon import THREAT_SUBJECT, THREAT_VERBS, THREAT_VERBS_LIST, VICTIM, B, E, _heads
from .rule import _Rule, _rule

_THREAT_KEYS = frozenset({"threat", "threat-stock", "threat-regret", "threat-shapes"})
_YOU = r"(?:you|u|ya|yu)"
_BODY = (
    r"(?:face|head|jaw|teeth|neck|legs?|arms?|nose|skull|throat|knees?|ribs?|fingers?|spine|bones?|eyes?|lip|"
    r"kneecaps?|hands?|wrists?)"
)

RULES: tuple[_Rule, ...] = (
    # Threats of physical harm: violence, and harassment of the person threatened.
    _rule(
        "threat",
        "violence",
        0.95,
        B + THREAT_SUBJECT + r"\s+(?:\w+\s+)?" + THREAT_VERBS + r"\s+(?:the\s+\w+\s+out\s+of\s+)?" + VICTIM + E,
        also="harassment",
        triggers=_heads(THREAT_VERBS_LIST),
    ),
    _rule(
        "threat-stock",
        "violence",
        0.95,
        r"(?:i|we)\s+know\s+where\s+(?:you|u|ya|she|he|they)\s+(?:live|lives|go\s+to\s+school|sleep|work|are)"
        r"|(?:i|we)(?:\s+have|\s+got|\s*ve\s+got|\s*ve|\s+found|\s+know|\s+have\s+got)\s+(?:your|ur|yr|her|his)\s+(?:ho"
        r"me\s+)?(?:address|location|"
        r"postcode|house\s+number|school\s+address)"
        r"|watch\s+(?:your|ur|yr)\s+(?:back|self)|(?:you|u)re?\s+(?:so\s+)?dead(?:\s+meat)?(?!\s+to)" + E + r"|"
        r"youre\s+(?:so\s+)?dead(?:\s+meat)?(?!\s+to)"
        + E
        + r"|(?:you|u)\s+are\s+(?:so\s+)?dead(?:\s+meat)?(?!\s+to)"
        + E
        + r"|(?:youre|you\s+are|ur)\s+next"
        + E
        + r"|(?:sleep|keep)\s+with\s+one\s+eye\s+open|(?:you|u)\s+(?:wont|will\s+not)\s+see\s+it\s+coming"
        r"|(?:i\s*ll|ill|i\s+will|im\s+gonna|im\s+going\s+to|we\s*ll|we\s+will)\s+(?:find|get|come\s+for|catch)\s+"
        r"(?:you|u|ya)(?:\s+(?:after\s+school|outside|alone|one\s+day|soon|and|when))"
        r"|(?:im|were)\s+coming\s+(?:for|after)\s+(?:you|u|ya)"
        r"|(?:break|smash|punch|kick|cave\s+in|bash\s+in|rearrange|slit)\s+(?:your|ur|yr)\s+(?:face|head|teeth|neck|leg"
        r"s?|"
        r"arms?|nose|skull|throat|knees?)"
        r"|(?:bring|bringing|brought)\s+a\s+(?:gun|knife|weapon|bomb)\s+to\s+(?:school|class)"
        r"|shoot\s+up\s+(?:the|my|our|this|your|ur)\s+(?:school|class|college)"
        r"|(?:i\s+)?hope\s+(?:you|u|she|he|they)\s+(?:get|gets)\s+(?:hit|run\s+over|cancer|raped|shot|stabbed|hurt|"
        r"beaten|killed|murdered|jumped|battered)"
        r"|(?:you|u)\s+(?:deserve|deserves)\s+to\s+(?:die|be\s+(?:hurt|beaten|raped|shot|killed|stabbed))"
        r"|(?:get|send|bring)\s+(?:my|the|our)\s+(?:brother|brothers|boys|mates|friends|dad|cousins|gang|crew)\s+"
        r"(?:to|and)\s+(?:deal\s+with|sort\s+out|jump|get|beat\s+up|hurt|come\s+for|batter)\s+(?:you|u|ya)"
        r"|(?:im|i\s+am|were|we\s+are|ill\s+be|i\s+will\s+be)\s+coming\s+(?:to|round\s+to|over\s+to|round|over)\s+"
        r"(?:your|ur)\s+(?:house|home|school|work|place|flat)"
        r"|(?:just\s+)?wait\s+(?:till|until|til|untill)\s+(?:i|we)\s+(?:catch|find|get|see)\s+(?:you|u|ya)"
        r"|(?:you|u)\s*(?:will|ll)?\s*(?:wont|will\s+not|arent|are\s+not|aint)\s+(?:be\s+)?safe\s+(?:at|in|on|after|"
        r"anywhere|tomorrow|when|around|here|there|ever)"
        r"|(?:i|we)\s+know\s+(?:which|what)\s+(?:bus|route|way|train|school|class|house|street|room|gym|club)\s+(?:you|"
        r"u)"
        r"|(?:i\s*ve\s+got|i\s+have|we\s+have|weve\s+got|ive\s+got|got)\s+(?:people|someone|eyes|mates)\s+"
        r"(?:watching|outside|on|following)\s+(?:your|ur|you|u)"
        r"|knock\s+(?:your|ur)\s+(?:teeth|lights|head|block)\s+(?:out|in|off)"
        r"|(?:get|getting|have)\s+(?:your|ur)\s+(?:head|face|teeth|ass|arse|legs?|nose)\s+(?:kicked|smashed|punched|"
        r"bashed|caved|knocked|beaten)(?:\s+in)?"
        r"|(?:i\s*d|id|i\s+would|i)\s+(?:love|like|want|wanna|cant\s+wait)\s+to\s+see\s+(?:you|u)\s+(?:get|getting)\s+"
        r"(?:hit|run\s+over|beaten|hurt|stabbed|shot|punched|battered|jumped)"
        r"|(?:you|u|people\s+like\s+(?:you|u))\s+(?:deserve|deserves)\s+to\s+(?:get|be)\s+(?:beaten|hurt|hit|stabbed|"
        r"shot|punched|jumped|battered|killed)"
        r"|(?:me\s+and\s+my|my)\s+(?:mates|boys|friends|brothers|cousins|crew|gang)\s+(?:will|gonna|are\s+gonna|"
        r"are\s+going\s+to|ll)\s+(?:be\s+)?(?:waiting\s+for|find|get|sort\s+out|deal\s+with|jump|wait\s+for)\s+"
        r"(?:you|u|ya)" + E,
        also="harassment",
        triggers=(
            "know address location postcode watch dead next eye coming find get catch come break smash "
            "punch kick cave bash rearrange slit gun knife weapon bomb shoot hope deserve deserves "
            "brother brothers boys mates friends dad cousins gang crew wait till until til safe watching "
            "outside following knock see kicked smashed punched bashed caved knocked beaten"
        ),
    ),
    # Threats in other shapes: a body part to be broken, a consequence ("you'll never walk again"), a burial, a
    # dare ("say that again and ill..."), a weapon brought for someone, "you're getting battered", a home burned.
    _rule(
        "threat-shapes",
        "violence",
        0.9,
        r"(?:break|smash|punch|kick|cave\s+in|bash\s+in|rearrange|slit|stab|bust|fracture)\s+"
        r"(?:your|ur|yr|his|her)\s+(?:\w+\s+)?" + _BODY + E + r"|"
        r"(?:snap|crack|split)\s+(?:your|ur|yr|his|her)\s+(?:\w+\s+)?(?:jaw|skull|ribs?|head|spine|legs?|arms?|face|lip"
        r"|"
        r"teeth)" + E + r"|"
        r"(?:make\s+sure|see\s+to\s+it|guarantee)\s+(?:that\s+)?"
        + _YOU
        + r"\s+(?:never|dont|cant|wont|will\s+never)\s+"
        r"(?:walk|talk|see|breathe|wake\s+up|come\s+back|show\s+(?:your|ur)\s+face)(?:\s+again)?"
        + E
        + r"|"
        + _YOU
        + r"\s+(?:wont|will\s+not|aint|are\s+not\s+gonna|re\s+not\s+gonna)\s+make\s+it\s+(?:home|out|to\s+school|"
        r"past\s+(?:today|tonight|friday))\s+(?:alive|in\s+one\s+piece|breathing)" + E + r"|"
        r"(?:put|putting|bury|burying|lay|laying|send|sending)\s+" + _YOU + r"\s+(?:in|six\s+feet|under|to)\s+"
        r"(?:the\s+ground|a\s+grave|the\s+grave|a\s+box|a\s+coffin|a\s+body\s+bag|under|hospital|a\s+wheelchair|"
        r"the\s+morgue|intensive\s+care|an\s+early\s+grave)" + E + r"|"
        r"(?:say\s+(?:that|it|this)\s+again|try\s+me|one\s+more\s+word|do\s+(?:that|it)\s+again|"
        r"come\s+near\s+(?:me|my\s+\w+)\s+again|keep\s+(?:talking|running\s+your\s+mouth))\s*,?\s+"
        r"(?:and|n|an)\s+(?:(?:ill|i\s*ll|i\s+will|we\s*ll|well|ima|imma)\s+(?:\w+\s+){0,2}?(?:hurt|break|smash|end|"
        r"kill|stab|batter|punch|deck|drop|bury|put|knock|beat|slap|jump|get)|(?:see|watch)\s+what\s+happens|"
        r"(?:youll|you\s*ll|ull|you\s+will)\s+(?:regret|get\s+hurt|find\s+out|wish))" + r"|"
        r"watch\s+what\s+happens\s+to\s+(?:you|u|ya|your|ur)\s*(?:\w+\s*){0,2}$|"
        r"watch\s+what\s+happens\s+to\s+(?:you|u|ya|(?:your|ur)\s+(?:\w+\s+)?(?:family|sister|brother|mum|mom|dad|"
        r"nan|dog|cat|house|car|friends?|girlfriend|boyfriend|kids?|baby))" + E + r"|"
        r"(?:bring|bringing|brought|got|have|carrying|taking)\s+(?:a|my|the)\s+(?:knife|blade|gun|machete|bat|weapon|"
        r"shank|strap)\s+(?:\w+\s+){0,3}?(?:for|to\s+(?:use\s+on|deal\s+with|sort\s+out))\s+(?:you|u|ya|him|her|them|"
        r"that\s+\w+|@[a-z0-9_.]+|[a-z]+\s+from\s+(?:class|school|year\s+\d+))" + r"|"
        r"(?:you\s*re|youre|ur|u\s+r|you\s+are)\s+(?:getting|gonna\s+get|going\s+to\s+get)\s+(?:battered|beaten(?:\s+up"
        r")?|"
        r"smacked|slapped|jumped|stabbed|merked|shanked|decked|knocked\s+out|done\s+in|bashed|rushed|hurt)"
        r"(?!\s+(?:in|at|on)\s+(?:the\s+)?(?:league|game|match|final|fifa|round|quiz|exam|test|chess))" + E + r"|"
        r"(?:burn|torch|firebomb|petrol\s+bomb)\s+(?:down\s+)?(?:your|ur|yr)\s+(?:house|home|flat|car|place)" + E,
        also="harassment",
        triggers="break smash snap crack punch kick cave bash rearrange slit stab bust split fracture make see "
        "guarantee wont not aint make put putting bury burying lay laying send sending say try word do come keep "
        "watch bring bringing brought got have carrying taking getting gonna going burn torch firebomb petrol",
    ),
    _rule(
        "threat-regret",
        "violence",
        0.85,
        r"(?:you|u)\s*(?:ll|will|are\s+going\s+to|re\s+gonna|r\s+gonna|re\s+going\s+to)\s+(?:regret|pay\s+for)\s+"
        r"(?:\w+ing\s+)?(?:this|it|that|what|me)"
        r"|(?:you|u)\s*(?:will|ll)\s+(?:get|be)\s+(?:what\s+(?:you|u)\s+deserve|hurt|beaten|jumped|stabbed|battered)"
        r"|(?:or|else)\s+(?:else\s+)?(?:you|u)\s*(?:will|ll)\s+(?:get|be)\s+(?:hurt|beaten|jumped|stabbed|battered|"
        r"sorry|dealt\s+with)",
        also="harassment",
        triggers="regret pay get be",
    ),
    # Wishing someone physical harm done by anyone: "hope a car runs u over", "i pray somebody batters you",
    # "hope you get jumped on the way home", "cant wait till someone stabs ur dad".
    _rule(
        "wish-violence",
        "violence",
        0.9,
        r"(?:hope|hoping|wish|wishing|pray|praying|cant\s+wait\s+(?:till|until|for\s+the\s+day)|one\s+day)\s+(?:that\s+"
        r")?"
        r"(?:someone|somebody|some1|sum1|someone\s+else|they|he|she|people|a\s+car|a\s+bus|a\s+train|a\s+truck|a\s+dog|"
        r"the\s+whole\s+(?:school|class)|some\s+(?:guy|gang|one)|the\s+(?:boys|lads|gang))\s+(?:\w+\s+){0,2}?"
        r"(?:beats?|batters?|jumps?|stabs?|shoots?|punch(?:es)?|kicks?|runs?(?:\s+over)?|hits?|attacks?|kills?|"
        r"murders?|rapes?|bash(?:es)?|smash(?:es)?|strangles?|chokes?|drowns?|mauls?|breaks?|knocks?\s+out|"
        r"sets?\s+fire\s+to|burns?)\s+(?:the\s+\w+\s+out\s+of\s+)?(?:you|u|ya|ur|your)(?:\s+(?:over|up|down|in))?"
        r"(?![a-z0-9])"
        r"|(?:hope|hoping|wish|pray|praying)\s+(?:that\s+)?(?:you|u|ya|your\s+\w+|ur\s+\w+)\s+(?:get|gets|got|are|is|"
        r"will\s+get|end\s+up)\s+(?:\w+\s+)?(?:beaten|beat\s+up|jumped|stabbed|shot|punched|run\s+over|hit\s+by\s+a|"
        r"killed|murdered|attacked|battered|bashed|raped|strangled|mauled|lynched|burned|burnt|set\s+on\s+fire|"
        r"knocked\s+out|hospitali[sz]ed|(?:put\s+)?in\s+(?:hospital|a\s+coma|a\s+wheelchair|a\s+body\s+bag|the\s+morgue"
        r"))"
        r"(?![a-z0-9])",
        also="harassment",
        support_guard=True,
        triggers="hope hoping wish wishing pray praying wait day",
    ),
    # Wishing someone harm that is not physical, and threats to ruin, expose or find them.
    _rule(
        "wish-harm",
        "harassment",
        0.9,
        r"(?:hope|wish|pray)\s+(?:that\s+)?(?:something|anything|everything|smth|sth)\s+(?:really\s+)?(?:bad|terrible|"
        r"horrible|awful|nasty)\s+(?:happens|happen)\s+to\s+(?:you|u|ya|her|him)"
        r"|(?:hope|wish)\s+(?:you|u)\s+(?:suffer|rot|choke|get\s+sick|lose\s+everything|are\s+miserable|"
        r"have\s+a\s+(?:horrible|terrible|miserable|shit)\s+life|never\s+(?:find|have|get)\s+(?:happiness|love|"
        r"friends|peace)|never\s+find\s+(?:anyone|someone|anybody)\s+(?:who|that)\s+(?:loves|likes|cares)|"
        r"cry\s+yourself\s+to\s+sleep|end\s+up\s+alone|die\s+alone)"
        r"|(?:hope|wish)\s+(?:your|ur)\s+(?:\w+\s+){0,2}(?:dies|die|burns|burn\s+down|burns\s+down|gets\s+hit|"
        r"gets\s+cancer|get\s+cancer|crashes|suffers|gets\s+run\s+over|leaves\s+you|dumps\s+you|cheats)"
        r"|(?:you|u)\s+(?:deserve|deserved)\s+(?:everything\s+(?:bad|that\s+(?:happens|is\s+coming|comes))|"
        r"every\s+bad\s+thing|all\s+(?:the\s+)?(?:bad|hate|pain|abuse)|the\s+worst|to\s+suffer|to\s+be\s+(?:alone|"
        r"miserable|unhappy|bullied|hated|abused|in\s+pain|lonely)|what(?:ever)?\s+(?:bad\s+)?(?:happens\s+to|"
        r"is\s+coming\s+to|comes\s+to)\s+(?:you|u)|to\s+feel\s+like\s+(?:this|that|shit))" + E,
        support_guard=True,
        triggers="hope wish pray deserve deserved",
    ),
    _rule(
        "threat-ruin",
        "harassment",
        0.9,
        r"(?:i\s*ll|ill|i\s+will|im\s+(?:going\s+to|gonna)|i\s+am\s+going\s+to|imma|we\s*ll|we\s+will|"
        r"were\s+(?:going\s+to|gonna))\s+(?:ruin|destroy|wreck|end)\s+(?:your|ur|yr|her|his)\s+(?:life|"
        r"reputation|rep|career|friendships?|relationship|everything|future)"
        r"|(?:i\s*ll|ill|i\s+will|im\s+(?:going\s+to|gonna)|we\s*ll|we\s+will|gonna)\s+make\s+sure\s+(?:that\s+)?"
        r"(?:everyone|everybody|the\s+whole\s+(?:school|class|year|internet)|(?:your|ur)\s+(?:whole\s+|entire\s+)?"
        r"(?:parents|mum|mom|dad|friends|class|school|year|teachers?|family))\s+(?:\w+\s+){0,2}"
        r"(?:sees|see|knows|know|finds\s+out|find\s+out|reads|read|hears|hear|gets)\s+(?:about\s+)?(?:this|it|that|"
        r"what\s+(?:you|u)|who\s+(?:you|u)|how\s+(?:you|u)|the\s+(?:truth|real\s+you|pics|photos|video|messages)|"
        r"(?:your|ur)\s+(?:\w+\s+)?(?:diary|secrets?|messages|dms|texts|chats|pics|photos|nudes|videos?|vids?|"
        r"search\s+history|screenshots|real\s+name|address))"
        r"|(?:or|else)\s+(?:else\s+)?(?:we|i)\s*(?:ll|will)\s+find\s+(?:out|you|u)"
        r"|(?:we|i)\s*(?:ll|will|are\s+going\s+to|re\s+gonna|m\s+gonna|m\s+going\s+to)\s+find\s+out\s+"
        r"(?:who|where)\s+(?:you|u)\s+(?:are|live|go)"
        r"|(?:we|i)\s*(?:ll|will)\s+(?:post|put|spread|share)\s+(?:it|this|them|these)\s+(?:everywhere|all\s+over)"
        r"|(?:i\s*ll|ill|i\s+will|im\s+(?:going\s+to|gonna)|we\s*ll|we\s+will|were\s+(?:going\s+to|gonna))\s+make\s+"
        r"(?:you|u)\s+(?:suffer|bleed|beg|pay|regret\s+it|cry\s+in\s+front\s+of|wish\s+(?:you|u)\s+were\s+dead|"
        r"wish\s+(?:you|u)\s+(?:were\s+)?never)"
        r"|(?:i\s*ll|ill|i\s+will|im\s+(?:going\s+to|gonna)|we\s*ll|we\s+will|gonna)\s+tell\s+(?:everyone|everybody|"
        r"the\s+whole\s+\w+|your\s+(?:parents|mum|mom|dad|friends|teachers?)|ur\s+(?:parents|mum|mom|dad|friends))\s+"
        r"(?:about\s+)?(?:your|ur|what\s+(?:you|u)|who\s+(?:you|u)|that\s+(?:you|u))"
        r"|(?:showed|sent|shared|posted|leaked|forwarded|spread|screenshotted|uploaded)\s+(?:\w+\s+){0,3}?(?:your|ur)\s"
        r"+"
        r"(?:\w+\s+)?(?:diary|texts|nudes|dms|secrets|chats|search\s+history|crying\s+video|meltdown|private\s+\w+)",
        triggers="ruin destroy wreck end make or else find post put spread share tel showed sent shared posted "
        "leaked forwarded screnshoted uploaded suffer bleed beg regret cry wish",
    ),
    # Sextortion and threats to share images or secrets.
    _rule(
        "share-images",
        "harassment",
        0.95,
        r"(?:i\s*ll|ill|i\s+will|im\s+(?:going\s+to|gonna)|i\s+am\s+going\s+to|gonna|imma|ima|we\s*ll|we\s+will|"
        r"will|going\s+to|i\s+can|i\s+could)\s+(?:\w+\s+)?(?:post|share|leak|send|show|expose|spread|forward|upload|"
        r"publish|put)\s+(?:all\s+)?(?:your|ur|yr|these|those|the|her|his|their|our)\s+(?:\w+\s+)?(?:nudes|nude|naked|"
        r"pics|pictures|photos|videos?|vids?|messages|dms|texts|secrets|chats|screenshots|snaps|address|diary)"
        r"|(?:send|give)\s+(?:me\s+)?(?:more\s+)?(?:nudes|pics|photos|money|\$\s*\d+|\d+\s*(?:quid|pounds|dollars|euros"
        r"))"
        r"[\s,.!]+(?:or|otherwise|unless|else|before)"
        r"|(?:or\s+(?:else\s+)?|unless\s+(?:you|u)\s+\w+\s+)(?:everyone|everybody|ill|i\s+will|your\s+(?:parents|mum|mo"
        r"m|"
        r"dad|friends|school)|ur\s+(?:parents|mum|mom|dad|friends|school))(?:\s+will)?\s+(?:see|know|find\s+out|gets?|"
        r"tell)"
        r"|i\s+(?:have|got|saved|kept)\s+(?:your|ur|yr)\s+(?:nudes|nude\s+pics|naked\s+pics|pics|photos|videos?)"
        r"|(?:everyone|everybody|the\s+whole\s+school)\s+(?:at|in)?\s*(?:\w+\s+)?(?:will|is\s+going\s+to|gonna)\s+see\s"
        r"+"
        r"(?:your|ur|yr|these|this)"
        r"|(?:expose|exposing)\s+(?:you|u|her|him|them)"
        + E
        + r"|(?:or|unless)\s+(?:else\s+)?(?:your|ur)\s+(?:nudes|pics|photos|secrets|messages|videos?|texts|dms)\s+"
        r"(?:go|get|will\s+go|will\s+get|are\s+going|end\s+up)",
        triggers=(
            "nudes nude naked pics pictures photos video videos vid vids mesages dms texts secrets chats "
            "screnshots snaps adress diary send give or unles have got saved kept everyone everybody expose "
            "exposing"
        ),
    ),
)
