"""Pile-ons: calls to report, spam, go after or mock someone together, to tell them what everyone thinks of
them, and summoning others to come and laugh.
"""

from ..lexicon import ADJECTIVE_INSULT, INSULT, MENTION
from .rule import _Rule, _rule

RULES: tuple[_Rule, ...] = (
    # Pile-ons: calls to report, spam, go after or summon others to mock someone.
    _rule(
        "pile-on",
        "harassment",
        0.85,
        r"(?:everyone|everybody|all\s+of\s+(?:you|u)|yall|you\s+all|guys|lets\s+all|lets|we\s+should\s+all|we\s+should|"
        r"go|pls|please|can\s+(?:everyone|yall|you\s+all))\s+(?:go\s+)?(?:report|spam|mass\s+report|"
        r"flag|roast|ratio|dogpile|bully|harass|flood|unfollow|block|troll|attack|destroy|cancel|expose|go\s+after|"
        r"gang\s+up\s+on|make\s+fun\s+of|laugh\s+at|hate\s+on|leave\s+hate\s+on)\s+(?:her|him|them|"
        r"this\s+(?:girl|guy|kid|loser|freak|person|account|user|idiot|clown)|that\s+(?:girl|guy|kid|loser|freak|person|"
        r"account|user|idiot|clown)|"
        + MENTION
        + r"|[a-z]+s\s+(?:account|page|profile|posts?|comments|channel|entry|video))"
        r"|(?:everyone|everybody|yall|you\s+all|guys|lets\s+all|go|pls|please)\s+(?:go\s+)?(?:to|on|over\s+to)\s+"
        r"(?:" + MENTION + r"|her|his|their|[a-z]+s)\s*(?:s\s+)?(?:profile|page|account|channel|comments|dms|posts?|"
        r"inbox)?\s+and\s+(?:spam|report|mass\s+report|flood|roast|ratio|troll|hate\s+on|mock|bully|harass|attack|"
        r"destroy|cancel)"
        r"|(?:go|and|everyone|everybody|yall|guys|pls|please|lets\s+all|lets)\s+tell\s+(?:her|him|them)\s+"
        r"what\s+(?:you|u)\s+(?:all\s+)?(?:really\s+)?think\s+of\s+(?:her|him|them)"
        r"|make\s+(?:her|his|their|your|ur)\s+life\s+(?:hell|a\s+living\s+hell|miserable)"
        r"|(?:spam|flood)\s+(?:her|his|their|" + MENTION + r")\s+(?:dms|inbox|comments|page|posts?)"
        r"|screenshot\s+(?:this|it|her|his|that)\s+(?:before\s+(?:she|he|they|it)|and\s+(?:share|send|post|spread))"
        r"|send\s+this\s+to\s+(?:everyone|the\s+whole)"
        r"|(?:made|making|started|starting|created|creating|have|got|set\s+up)\s+(?:a|an|this|our|the)\s+"
        r"(?:group\s*chat|gc|group|page|account|server|thread|channel|chat|discord|insta|story)\s+(?:just\s+)?"
        r"(?:to|for|about|where\s+we)\s+(?:roast|roasting|mock|mocking|hate\s+on|laugh\s+at|make\s+fun\s+of|"
        r"talk\s+shit\s+about|bully|bullying|expose|exposing|trash|trashing|hating\s+on)\s+"
        r"(?:you|u|her|him|them|" + MENTION + r")"
        r"|(?:hate|burn|exposing|roast|meme|rating)\s+(?:page|account|chat|gc|group)\s+(?:for|about|on|of)\s+(?:you|u|her|him|"
        + MENTION
        + ")"
        r"|(?:lets\s+all|lets|everyone|everybody|yall|guys)\s+(?:go\s+)?(?:comment|spam|post|drop|send|flood)\s+"
        r"(?:\w+\s+)?(?:clown|pig|vomit|puke|skull|rat|snake|poop|cow|whale|trash|bin)\s+(?:emojis?|pics?|gifs?|"
        r"memes?|pictures?)\s+(?:on|in|under|to|at)\s+(?:her|his|their|" + MENTION + ")"
        r"|(?:so|and)\s+(?:we|everyone|everybody|yall)\s+(?:can\s+)?(?:all\s+)?(?:roast|mock|laugh\s+at|rate|rip\s+into|"
        r"make\s+fun\s+of|destroy|ratio)\s+(?:her|him|them)"
        r"|(?:made|making|started|starting|created|have|got)\s+(?:a|an)\s+(?:page|account|chat|gc|poll|vote|thread)\s+"
        r"(?:just\s+)?(?:for|to|about)\s+(?:rating|rate|voting\s+on|deciding)\s+(?:how|who|which)",
        triggers=(
            "report spam flag roast ratio dogpile bully harass flood unfollow block troll attack destroy "
            "cancel expose after gang make laugh hate tell life screenshot send burn exposing comment "
            "post drop rating rate voting deciding mock mocking roasting hating bullying trashing trash "
            "rip talk meme"
        ),
    ),
    _rule(
        "pile-on-tell",
        "harassment",
        0.85,
        r"(?:go|and|everyone|everybody|yall|guys|pls|please|lets\s+all|lets)\s+tell\s+(?:her|him|them)\s+"
        r"(?:what\s+an?\s+(?:(?:\w+|"
        + ADJECTIVE_INSULT
        + r")\s+)?"
        + INSULT
        + r"|how\s+(?:\w+\s+)?"
        + INSULT
        + r"|(?:she|he|they)\s*(?:is|s|are|re)\s+(?:a\s+|an\s+|so\s+)?(?:(?:\w+|"
        + ADJECTIVE_INSULT
        + r")\s+)?"
        + INSULT
        + ")",
        insults=True,
    ),
    # Summoning others to come and mock: only with laughter or a mocking sign.
    _rule(
        "pile-on-summon",
        "harassment",
        0.85,
        r"(?:@everyone|@here|@channel|everyone|everybody|yall|guys)\s+(?:come|go|look|get\s+in\s+here)\s+"
        r"(?:and\s+)?(?:see|look|laugh|watch|check)(?=[^\n]{0,80}(?:\U0001f480|\U0001f602|\U0001f923|\U0001f921|"
        r"lmao|lmfao|lol|haha|\U0001f92e|\U0001f922))"
        r"|(?:\U0001f480|\U0001f602|\U0001f923|\U0001f921|lmao|lmfao|lol|haha)[^\n]{0,80}(?:@everyone|@here|everyone|"
        r"everybody|yall|guys)\s+(?:come|go|look|get\s+in\s+here)\s+(?:and\s+)?(?:see|look|laugh|watch|check)",
        triggers="everyone everybody yal guys here channel",
    ),
)
