"""Exclusion ("nobody likes you", "you can't sit with us"), humiliation (laughing at someone together, their
body or family mocked, their embarrassment spread), mocking a body ("look at her teeth 🤢") and mocking
someone's disclosure of a struggle ("stop faking", "cutting for attention").
"""

from ..lexicon import _BODY_AND_FAMILY, MENTION, E, _words
from .rule import _Rule, _rule

RULES: tuple[_Rule, ...] = (
    # Exclusion: "nobody likes you", "everyone hates you".
    _rule(
        "exclusion",
        "harassment",
        0.75,
        r"(?:nobody|no\s+one|noone|no1|not\s+a\s+single\s+person)\s+(?:\w+\s+){0,3}?(?:likes|loves|wants|cares\s+about|"
        r"care\s+about|will\s+ever\s+(?:love|like|want|date)|would\s+ever\s+(?:love|like|want|date)|talks\s+to|"
        r"wants\s+to\s+(?:be\s+friends\s+with|talk\s+to|hear\s+from|see|sit\s+with)|ever\s+(?:liked|loved|wanted)|"
        r"could\s+(?:ever\s+)?(?:love|like)|can\s+stand|invited)\s+(?:you|u|ya)"
        + E
        + r"|(?:everyone|everybody|we\s+all|all\s+of\s+us|the\s+whole\s+(?:school|class|year|group|world))\s+"
        r"(?:\w+\s+)?(?:hates|hate|is\s+sick\s+of|are\s+sick\s+of|cant\s+stand|despises|talks\s+about|avoids|avoid|"
        r"thinks\s+(?:you|u)re|ignores|ignore)\s+(?:you|u|ya|your|ur)"
        + E
        + r"|(?:you|u)\s+(?:have|got)\s+no\s+(?:friends|one)|(?:you|u)\s*(?:ll|will)\s+(?:always\s+be\s+alone|"
        r"never\s+have\s+(?:friends|a\s+(?:boyfriend|girlfriend))|die\s+alone)|youll\s+(?:always\s+be\s+alone|die\s+alone)"
        r"|(?:you|u)\s+(?:dont|do\s+not)\s+belong\s+(?:here|anywhere)|(?:no\s+one|nobody)\s+wants\s+(?:you|u)\s+here"
        r"|(?:get|go)\s+(?:out|off)\s+(?:of\s+)?(?:here|this\s+(?:site|app|group|platform|page))\s*(?:you|u|loser|freak|,)"
        r"|(?:youre|you\s+are|ur)\s+not\s+welcome\s+here|(?:no\s+one|nobody)\s+(?:asked|cares)\s+(?:you|u|about\s+(?:you|u|"
        r"your|ur))"
        r"|(?:you|u)\s+(?:cant|cannot|can\s+not|arent\s+allowed\s+to)\s+sit\s+with\s+us"
        r"|(?:youre|you\s+are|ur)\s+(?:not\s+invited|uninvited|not\s+one\s+of\s+us)"
        + E
        + r"|(?:we|nobody|no\s+one|noone)\s+(?:\w+\s+){0,2}?(?:dont|do\s+not|doesnt)?\s*wants?\s+(?:you|u)\s+"
        r"(?:here|at|in|around|near|on|with)"
        r"|(?:nobody|no\s+one|noone)\s+(?:\w+\s+){0,3}?wants\s+to\s+be\s+(?:your|ur)\s+(?:partner|friend|"
        r"girlfriend|boyfriend|teammate)"
        r"|(?:dont|do\s+not)\s+(?:even\s+)?(?:try|bother)\s+(?:to\s+|trying\s+to\s+)?sit\s+with\s+us"
        r"|(?:youre|you\s+are|ur)\s+not\s+welcome\s+(?:in|at|on)\s+(?:this|our|the)\s+\w+"
        r"|(?:were|we\s+are|we\s*re|were\s+all|everyone\s+is|everybody\s+is)\s+(?:all\s+)?(?:going\s+to|gonna)\s+"
        r"(?:ignore|block|exclude|freeze\s+out|leave\s+out|unfriend|unfollow)\s+(?:you|u)"
        r"|(?:why|no\s+wonder|explains\s+why)\s+(?:you|u)\s+(?:dont|do\s+not|never|will\s+never|cant|have\s+no|got\s+no)\s+"
        r"(?:have\s+|get\s+|keep\s+|make\s+)?(?:any\s+)?(?:friends|a\s+(?:boyfriend|girlfriend|date))"
        r"|(?:nobody|no\s+one|noone)\s+asked\s+for\s+(?:your|ur)",
        support_guard=True,
        triggers=(
            "nobody noone no1 one single hates hate sick stand despises talks avoids avoid thinks ignores "
            "ignore friends alone boyfriend girlfriend belong wants want out off welcome asked cares sit "
            "invited uninvited date block exclude freeze leave unfriend unfollow likes loves invited"
        ),
    ),
    # Humiliation: laughing at someone together, their body or family mocked, their embarrassment spread.
    _rule(
        "humiliation",
        "harassment",
        0.85,
        r"(?:everyone|everybody|the\s+whole\s+(?:school|class))\s+saw\s+(?:you|u)\s+(?:cry|crying|fall|wet|pee|throw)"
        r"|laughing\s*stock|(?:post|share|spread|send)\s+(?:this|the|that)\s+(?:video|vid|pic|photo|picture)\s+of\s+"
        r"(?:her|him|you|u|them)"
        r"|(?:everyone|everybody|we\s+all|we|all\s+of\s+us|the\s+whole\s+(?:school|class|year|group|internet)|people)\s+"
        r"(?:\w+\s+){0,2}?(?:laugh|laughs|laughed|laughing|are\s+laughing|is\s+laughing|were\s+laughing|was\s+laughing|"
        r"make\s+fun|makes\s+fun|made\s+fun|making\s+fun|was\s+making\s+fun|were\s+making\s+fun|joke|jokes|joking|"
        r"talk\s+shit|talks\s+shit|talking\s+shit|cringe|cringes|cringed|cringing)\s+(?:at|of|about)\s+"
        r"(?:you|u|ya|your|ur)" + E + r"|behind\s+(?:your|ur)\s+back"
        r"|no\s+wonder\s+(?:your|ur|yr)\s+(?:dad|mum|mom|parents|father|mother|friends|boyfriend|girlfriend|bf|gf|ex|"
        r"family)\s+(?:\w+\s+)?(?:left|leave|hate|hates|hated|dont\s+love|doesnt\s+love|abandoned|cheated|dumped|"
        r"ignores?|cant\s+stand|gave\s+up|walked\s+out|moved\s+out|never\s+(?:calls?|visits?))"
        r"|even\s+(?:your|ur)\s+(?:own\s+)?(?:mum|mom|dad|parents|family|mother|father|friends|dog|cat)\s+"
        r"(?:\w+\s+)?(?:hates?|doesnt\s+(?:love|like|want)|dont\s+(?:love|like|want)|cant\s+stand|is\s+ashamed|"
        r"are\s+ashamed|is\s+embarrassed|are\s+embarrassed|left)\s*(?:of\s+)?(?:you|u)?"
        r"|(?:your|ur)\s+(?:dad|mum|mom|parents|father|mother|family)\s+(?:should|shoulda|should\s+of)\s*(?:have|ve)?\s+"
        r"(?:left|abandoned\s+(?:you|u)|aborted\s+(?:you|u)|given\s+(?:you|u)\s+up|put\s+(?:you|u)\s+up|"
        r"drowned\s+(?:you|u)|kept\s+(?:you|u)\s+in)"
        r"|(?:your|ur)\s+(?:dad|mum|mom|parents|father|mother)\s+(?:left|leave|hate|hates|abandoned)\s+(?:because\s+"
        r"of|cause\s+of|cos\s+of|coz\s+of)\s+(?:you|u)"
        r"|face\s+only\s+a\s+mother\s+(?:could|would)\s+love|(?:face|body)\s+for\s+radio"
        r"|(?:your|ur)\s+(?:parents|mum|mom|dad|family|mother|father)\s+(?:must|should)\s+be\s+(?:so\s+|really\s+)?"
        r"(?:disappointed|ashamed|embarrassed)"
        r"|(?:people|someone|girls|guys|anyone)\s+(?:with|who\s+look\s+like)\s+(?:\w+\s+)?(?:bodies|faces|a\s+body|"
        r"a\s+face|legs|thighs|arms)\s+like\s+(?:yours|urs|that|hers|his)"
        r"|(?:no|not\s+even\s+a)\s+filter\s+(?:can|could|will|would)\s+(?:fix|save|help)"
        r"|(?:put|wear)\s+a\s+bag\s+over\s+(?:your|ur)\s+(?:head|face)"
        r"|need\s+(?:a|an\s+\w+)\s+filter\s+for\s+(?:that|your|ur)\s+face"
        r"|(?:you|u|people\s+like\s+(?:you|u))\s+(?:belong|belongs|should\s+be\s+kept|should\s+live)\s+(?:in|at)\s+"
        r"(?:a|the)\s+(?:zoo|cage|bin|trash|dump|sewer|gutter|asylum|mental\s+hospital|psych\s+ward|farm|pigsty|landfill)"
        r"|(?:imagine|lol|lmao|haha)\s+(?:being\s+)?(?:this|so|that)\s+(?:ugly|fat|gross|disgusting|hideous|pathetic|"
        r"desperate|sad|poor|dumb|stupid|unwanted|lonely)",
        triggers=(
            "saw laughing laughingstock stock post share spread send laugh laughs laughed fun joke jokes "
            "joking talk talks talking cringe cringes cringed cringing behind wonder even because cause "
            "cos coz mother radio filter bag disappointed ashamed embarrassed bodies faces body face legs "
            "thighs arms how belong belongs kept live imagine lol lmao haha should shoulda shouldve"
        ),
    ),
    # Mocking a body: "look at her teeth 🤢", only with a mocking sign nearby.
    _rule(
        "body-mocking",
        "harassment",
        0.85,
        r"(?:look\s+at|check\s+out|zoom\s+in\s+on|get\s+a\s+load\s+of)\s+(?:her|his|their|your|ur|those|these|that|"
        r"this\s+(?:girls?|guys?|kids?)|that\s+(?:girls?|guys?|kids?)|"
        + MENTION
        + r")\s*(?:s\s+)?(?:\w+\s+)?"
        + _words(_BODY_AND_FAMILY)
        + E
        + r"(?=[^\n]{0,40}(?:\U0001f922|\U0001f92e|\U0001f921|\U0001f437|\U0001f416|\U0001f40b|"
        r"(?<![a-z])(?:ew+|gross|yikes|disgusting|yuck|wtf|bro\s+what)(?![a-z])))"
        r"|(?<![a-z])(?:ew+|yuck|gross)\s+(?:at\s+)?(?:your|ur|her|his|their)\s+(?:\w+\s+)?"
        + _words(_BODY_AND_FAMILY)
        + E
        + r"|(?:your|ur|her|his)\s+(?:\w+\s+)?"
        + _words(_BODY_AND_FAMILY)
        + E
        + r"(?=[^\n.!?]{0,15}(?:\U0001f922|\U0001f92e))"
        r"|(?:ew+|yikes|yuck)\s+(?:\w+\s+)?(?:look\s+at|check\s+out)\s+(?:her|his|their|your|ur|"
        r"this\s+(?:girls?|guys?|kids?))\s*(?:s\s+)?(?:\w+\s+)?" + _words(_BODY_AND_FAMILY) + E,
        triggers="look check zoom get ew yuck gross your ur her his",
    ),
    # Mocking someone's disclosure of a struggle.
    # Mocking a disclosure (calling it fake, attention seeking). Brushing it off ("stop being so dramatic", "stop
    # whining") is not here: the detector asks the writer to reconsider (dismissive), it does not refuse.
    _rule(
        "mock-disclosure",
        "harassment",
        0.85,
        r"(?:stop|quit)\s+(?:faking|attention\s+seeking|playing\s+the\s+victim)"
        r"|(?:youre|you\s+are|ur|u\s+r|(?:she|he)s|(?:she|he)\s+is)\s+(?:just\s+|only\s+|so\s+|clearly\s+|obviously\s+)?"
        r"(?:faking|doing\s+(?:it|this)\s+for\s+attention|attention\s+seeking|looking\s+for\s+attention|"
        r"making\s+(?:it|this)\s+up|such\s+a\s+drama\s+queen|a\s+fake|cutting\s+for\s+attention)"
        r"|(?:nobody|no\s+one|noone)\s+cares\s+about\s+(?:your|ur|yr|her|his)\s+(?:\w+\s+)?(?:problems|depression|"
        r"anxiety|feelings|story|sob\s+story|trauma|life|mental|issues|diagnosis|cutting|scars|struggles|pain)"
        r"|cry\s+(?:me\s+a\s+river|more|about\s+it|harder)|boo\s*-?\s*hoo|get\s+over\s+(?:it|yourself|urself)\s*,?\s*(?:snowflake|loser)"
        r"|(?:your|ur|yr|her|his)\s+(?:depression|anxiety|trauma|mental\s+illness|mental\s+health|adhd|autism|"
        r"eating\s+disorder|ptsd|diagnosis|ocd|panic\s+attacks?)\s+(?:(?:isnt|arent)\s+(?:real|a\s+real\s+thing)|"
        r"(?:is|isnt|are)\s+(?:fake|not\s+real|a\s+joke|made\s+up|"
        r"just\s+an\s+excuse|an\s+excuse|all\s+in\s+your\s+head|(?:just|only)\s+(?:you\s+being\s+\w+|laziness|attention|"
        r"drama|in\s+your\s+head|for\s+attention)))"
        r"|faking\s+(?:a|an|your|ur|her|his|their)\s+(?:\w+\s+)?(?:diagnosis|illness|disorder|depression|anxiety|adhd|"
        r"autism|ptsd|ocd|eating\s+disorder|mental\s+illness|panic\s+attacks?|breakdown)"
        r"|if\s+(?:you|u)\s+(?:were|was)\s+(?:really|actually|truly)\s+(?:depressed|suicidal|anxious|sad|sick|"
        r"struggling|ill|autistic)"
        r"|(?:you|u)\s+(?:just|only)\s+(?:want|say\s+it\s+so|post\s+(?:it|this)\s+so)\s+(?:people|us|everyone)\s+"
        r"(?:to\s+)?(?:feel\s+sorry\s+for|notice|pity|care\s+about|look\s+at)\s+(?:you|u)"
        r"|(?:so|for)\s+(?:people|everyone|we)\s+(?:will\s+)?(?:notice|pity|feel\s+sorry\s+for|care\s+about)\s+(?:you|u)"
        r"|(?:sad|nice|another|pathetic)\s+sob\s+story|(?:cutting|starving|crying)\s+for\s+attention"
        r"|(?:crying|whining|moaning|complaining|going\s+on|banging\s+on|yapping)\s+about\s+"
        r"(?:your|ur|her|his|their)\s+(?:\w+\s+){0,2}(?:mental\s+health|depression|anxiety|trauma|problems|feelings|"
        r"issues|diagnosis|self\s*-?\s*harm|scars|sad\s+life|struggles)[^.!?\n]{0,30}?(?:for\s+(?:likes|attention|"
        r"clout|sympathy|views|pity)|again|every\s+day|nobody\s+cares|no\s+one\s+cares)"
        r"|(?:depression|depressed|mental\s+health|anxiety|trauma|cutting|self\s*-?\s*harm|scars|suicidal|crying|"
        r"sob\s+story|diagnosis|struggles|sad)(?:(?!not|isnt|arent|never|dont|doesnt|wasnt)[^.!?\n]){0,40}?"
        r"for\s+(?:likes|clout|sympathy|views|pity|attention)",
        triggers=(
            "stop quit faking fake attention dramatic drama victim cares cry boo hoo boohoo over "
            "depression anxiety trauma mental adhd autism eating ptsd diagnosis ocd panic sob cutting "
            "starving crying whining moaning complaining going banging yapping likes clout sympathy views "
            "pity really actually truly sorry notice care depressed sad suicidal scars struggles self "
            "harm"
        ),
    ),
    # Mockery of someone's presumption or existence, aimed at a person: "bro really thought he could rap 💀", "imagine
    # having a laugh like that", "ur a walking disaster", "why is she even allowed online", "you're the reason your
    # mates left".
    _rule(
        "mock-presumption",
        "harassment",
        0.7,
        r"(?:bro|this\s+(?:guy|girl|kid|dude|man|woman|lad|clown)|"
        + MENTION
        + r")\s+(?:really\s+|actually\s+|genuinely\s+|honestly\s+|seriously\s+)?(?:thinks?|thought|believes?)\s+"
        r"(?:s?he|they|hes|shes|theyre|their|his|her)\s+(?:\w+\s+){0,4}?[^.!?\n]{0,40}?"
        r"(?:💀|😂|🤣|lmao|lmfao|please\s+stop|pls\s+stop|the\s+audacity|the\s+delusion|delusional|cringe)"
        r"|imagine\s+(?:having|with|looking\s+like|sounding\s+like|being\s+seen\s+with)\s+(?:a|that|your|ur|such\s+a)\s+"
        r"(?:\w+\s+)?(?:face|body|voice|nose|hair|laugh|life|personality|head|teeth|smile)\s+like\s+(?:that|this|yours|hers|"
        r"his)"
        r"|(?:ura|(?:you|u|youre|ur|you\s+are|u\s+r|s?hes|theyre)\s+(?:such\s+|literally\s+|just\s+)?(?:a|an))\s+walking\s+"
        r"(?:embarrassment|joke|disaster|red\s+flag|l|cringe|mistake|disappointment|meme|clown\s+show|trainwreck)"
        + E
        + r"|why\s+(?:are|r|is)\s+(?:you|u|she|he|they|people\s+like\s+(?:you|u))\s+(?:even\s+)?(?:allowed|let)\s+"
        r"(?:to\s+(?:post|speak|talk|exist|be\s+here|breathe|sing|dance)|on\s+(?:here|this\s+app|the\s+internet)|online|"
        r"near)"
        r"|(?:you\s*re|youre|ur|u\s+r|you\s+are)\s+(?:literally\s+|probably\s+|honestly\s+)?the\s+reason\s+(?:your|ur)\s+"
        r"(?:\w+\s+)?(?:friends|mates|family|parents|dad|mum|mom|bf|gf|boyfriend|girlfriend|ex|sister|brother)\s+"
        r"(?:left|leave|hate|cant\s+stand|moved|divorced|cheated|stopped|ignore|dont\s+talk)",
        triggers="bro guy girl kid dude man woman lad clown imagine walking why reason",
        mild=True,
    ),
)
