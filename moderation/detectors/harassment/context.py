"""What changes the meaning of a harassment match: the words around it and the tone of the text.

- Reporting or condemning words before or after it ("someone called me...", "... is racist"), support before
  it ("nobody thinks you're stupid"), quotation in a text about saying it ('why do people write "kys"?'),
  and someone reporting what another said about themselves ("my friend says she's ugly").
- What makes "kys" support or the writer's own risk ("please don't kill yourself", "I wanna kys") or
  something else entirely ("kys = keep yourself safe").
- Affection, warmth and laughter (banter), trivial conditions and games ("I'll kill you if you spoil the
  finale", "gonna destroy you at chess"), and someone else's anger ("mum is going to kill you").
- _Context: whether one text reads as affectionate, warm or laughing, worked out only when a rule asks.
"""

import re

# "kys" read as support ("please don't kill yourself"), as the writer's own risk ("I wanna kys") or as
# "keep yourself safe".
SELF_HARM_GUARD_BEFORE = re.compile(
    r"(?:(?:do\s*nt|do\s+not|never|not|wont|shouldnt|would\s+never|want|wanted|wanting|wants|urge|urges|thoughts?|"
    r"thinking|think\s+about|trying|tried|try|plan|planning|how|why|feel\s+like|felt\s+like|told\s+(?:me|us|him|her)|"
    r"said|says|asked\s+(?:me|if)|if\s+you|if\s+u|tempted|going|decided|deciding|decide|way|ways|easiest|"
    r"best|quickest|painless|safest|about|ever|could|wish|wished|would|id)(?:\s+(?:to|of|about|like))?\s*)$"
)
FIRST_PERSON_KYS = re.compile(r"(?:\bi|\bim|\bi\s+am|gonna|wanna|want\s+to|going\s+to|might|will|should)\s+$")
_KYS_MEANS_SAFE = re.compile(r"\s*(?:=|means|meaning|stands\s+for|is\s+short\s+for|as\s+in|-+|\()\s*keep")
_KEEP_SAFE = re.compile(r"keep\s+(?:your|ur)\s*self\s+safe")

# ---------------------------------------------------------------------------------------------------------
# Context: reporting, condemning, support, banter, jokes.

_REPORT_BEFORE = re.compile(
    r"(?:learn|lesson|teach|why\s+calling|calling|call\s+(?:them|us|people|someone)|saying|"
    r"(?:people|they|some|who|others|he|she|many|folks)\s+say(?:s)?\s+that|"
    r"said\s+that|claim|claims|claimed|the\s+idea\s+that|the\s+lie\s+that|the\s+myth\s+that|myth|stereotype|"
    r"propaganda|rhetoric|nazis?\s+(?:said|called|claimed|believed|used)|history|historically|"
    r"used\s+to\s+(?:say|call|describe)|dehumani[sz]|racis[mt]|"
    r"homophob|transphob|xenophob|islamophob|antisemit|misogyn|sexis[mt]|bigot|hate\s+speech|hate\s+crimes?|"
    r"slurs?|never\s+ok|not\s+ok|dont\s+say|stop\s+saying|stop\s+calling|quote|quoting|headline|news|article|"
    r"reports?\s+(?:that|on)|research|study|told\s+(?:me|us|him|her|them|my)|called\s+(?:me|us|him|her|them|my)|"
    r"calls\s+(?:me|us)|yelled|shouted|screamed|wrote|posted|commented|texted|messaged|said\s+to\s+(?:me|us)|"
    r"sent\s+me|dm(?:e)?d\s+me|i\s+was\s+called|got\s+called|being\s+called|been\s+called|keeps?\s+calling|"
    r"kept\s+calling|tells\s+me|telling\s+me|(?:they|people|he|she|kids|everyone|always|still|often|constantly)\s+"
    r"tell\s+me|people\s+who\s+(?:say|think|call)|anyone\s+who\s+(?:says|calls)|"
    r"when\s+(?:people|someone|they|he|she|kids|others)\s+(?:say|said|call|called|tell|told)|"
    r"if\s+(?:someone|anyone|somebody|people)\s+(?:says|tells|calls|writes|messages|threatens)|"
    r"(?:people|they|some|others)\s+(?:think|assume|believe)|"
    r"(?:people|they|some|others|many|folks)\s+(?:say|said|claim|claimed|saying|claiming)(?![a-z])|"
    r"words?\s+like|phrases?\s+like|things\s+like|comments\s+like|messages\s+like|such\s+as|e\.?g\.?|"
    r"bullies|bullied|bullying|troll|trolls|harass)"
)
_CONDEMN_AFTER = re.compile(
    r"(?:is|are|was|its|thats|this\s+is)\s+(?:not\s+ok|not\s+okay|never\s+ok|never\s+okay|dehumani|racis|hate|"
    r"wrong|bigot|homophob|transphob|xenophob|islamophob|antisemit|sexis|misogyn|harmful|cruel|bullying|"
    r"harassment|abuse|unacceptable|a\s+lie|lies|a\s+myth|false|propaganda|disgusting\s+to\s+say|how)"
    r"|hurt(?:s)?\s+(?:me|so|a\s+lot)|made\s+me\s+(?:cry|sad|feel)|makes\s+me\s+(?:sad|cry|feel)"
)
_SUPPORT_BEFORE = re.compile(
    r"(?:nobody|no\s+one|noone|never\s+let\s+(?:anyone|them)|dont\s+let\s+(?:anyone|them)|not\s+saying|doesnt\s+mean|"
    r"dont\s+mean|never\s+said|dont\s+believe|if\s+(?:anyone|someone|people)\s+(?:says|tells|thinks)|"
    r"people\s+who\s+say|feel\s+like|feels\s+like|felt\s+like|worried|worry|afraid|scared|does\s+not\s+make|"
    r"doesnt\s+make|not\s+because|never|not|"
    r"(?:you|u)\s+(?:might\s+|may\s+|probably\s+|sometimes\s+|often\s+|still\s+|really\s+)?(?:think|believe|"
    r"worry|fear|feel)|"
    r"(?:dont|do\s+not|never|didnt|doesnt|wont|wouldnt|nobody|no\s+one|noone)\s+(?:\w+\s+)?(?:think|thinks|"
    r"believe|believes))\s*(?:that\s+)?$"
    r"|(?:nobody|no\s+one|noone)(?:\s+\w+){1,2}\s*$"
    r"|(?:let|lets)\s+(?:anyone|anybody|them|people|someone|others|the\s+\w+)\s+(?:tell|make)\s+(?:you|u)"
    r"(?:\s+(?:feel|think|believe))?(?:\s+(?:that|like))?\s*$"
    r"|(?:if|when|whoever|who|anyone\s+who|people\s+who)\s+(?:\w+\s+){0,3}(?:tells?|told|says?|said|"
    r"calls?|called|makes?|made)\s+(?:you|u)(?:\s+(?:feel|think))?(?:\s+(?:that|like))?\s*$"
)
_AFFECTION = re.compile(
    r"(?:(?:^|[^a-z])(?:i|we)\s+(?:still\s+|really\s+|do\s+|truly\s+)?(?:love|luv|adore)|(?:^|[,.!?]\s*)(?:love|luv))"
    r"\s+(?:you|u|ya|her|him|them|this)(?![a-z])|just\s+kidding|happy\s+birthday|"
    r"(?<![a-z])(?:ily|ilysm|ilu|bestie|besties|bff|babe|hun|hunny|bestfriend|jk|jkjk|kidding|joking|hbd)(?![a-z])"
)
_AFFECTION_EMOJI = re.compile(
    "[\u2764\u2665\U0001f495\U0001f496\U0001f497\U0001f498\U0001f49b\U0001f49c"
    "\U0001f499\U0001f49a\U0001f90d\U0001f618\U0001f970\U0001f60d\U0001fac2]"
)
_WARMTH = re.compile(
    r"(?<![a-z])(?:adorable|cute|cutie|iconic|legend|never\s+change|love\s+(?:it|that|this)|so\s+proud|"
    r"proud\s+of\s+(?:you|u)|my\s+fave|favourite|favorite|bless|wholesome)(?![a-z])"
)
_LAUGHTER = re.compile(r"(?<![a-z])(?:lol|lool|lmao|lmfao|rofl|xd|ha(?:ha)+h?|he(?:he)+|jaja(?:ja)*)(?![a-z])")
_LAUGHTER_EMOJI = re.compile("[\U0001f602\U0001f923\U0001f61c\U0001f61d\U0001f606\U0001f92a]")
# A condition too small to threaten anyone over: "if you spoil the finale", "if u eat my chips".
_TRIVIAL_CONDITION = (
    r"(?:if|when)\s+(?:you|u)\s+(?:\w+\s+)?(?:spoil|spoils|eat|eats|touch|take|forget|finish|skip|steal|borrow|"
    r"are\s+late|re\s+late|miss|cancel|watch|read|use|wear|beat|drink|open|change\s+the\s+channel|leave\s+me\s+on\s+read|"
    r"dont\s+(?:text|call|reply|come|bring|share|save)|do\s+not\s+(?:text|call|reply|come|bring|share|save)|"
    r"unfollow|ghost|wake|tell\s+(?:mum|mom|dad)|tag)"
)
_HYPERBOLE = re.compile(r"(?<![a-z])(?:kill|murder|end|destroy)(?![a-z])")  # "I'll kill you lol": the idiom
_TRIVIAL_AFTER = re.compile(r"\s*" + _TRIVIAL_CONDITION)
_TRIVIAL_BEFORE = re.compile(_TRIVIAL_CONDITION + r"[^.!?\n]{0,60}$")
_GAME_AFTER = re.compile(
    r"\s*(?:(?:at|in|on)\s+(?:\w+\s+){0,2}(?:game|games|chess|fifa|fortnite|minecraft|mario|kart|cards|uno|"
    r"monopoly|tennis|football|basketball|netball|badminton|ping\s*pong|smash|cod|this|that|the\s+(?:race|match|"
    r"final|quiz|test|exam|game)|scrabble|trivia|karaoke|a\s+race|the\s+finals?)|to\s+it|with\s+(?:kindness|love))"
)
# Abuse in double quotation marks, in a text that talks about saying it, is quoted, not said.
_QUOTE_MARKS = re.compile('["\u201c\u201d\u00ab\u00bb\u201e]')
_TALK_ABOUT = re.compile(
    r"(?<![a-z])(?:say|says|said|saying|wrote|writes|write|called|calls|tells|told|yelled|shouted|posted|"
    r"commented|texted|messaged|used\s+to|is\s+what|quote|quoted|means|meaning|line|lyrics?|sings?|sang|"
    r"scene|villain|character|film|movie|book|episode|song)(?![a-z])"
)
_SAYS_BEFORE = re.compile(r"(?:says|said|thinks|thought|feels|felt|believes|tells\s+me|told\s+me)\s+(?:that\s+)?$")


def _quoted(text: str, start: int) -> bool:
    """Whether position `start` is inside double quotation marks: an odd number of them before it, on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    return len(_QUOTE_MARKS.findall(text, line_start, start)) % 2 == 1


_THIRD_PERSON_BEFORE = re.compile(
    r"(?:she|he|they|shes|hes|theyre|mum|mom|mums|moms|dad|dads|parents|teacher|coach|boss|it|its|this|that|"
    r"sister|brother|nan|gran)\s*(?:is|s|are|re|was|were)?\s*$"
)
_SELF_AFTER = re.compile(r"[^a-z]*(?:i|im|ive|id|ill|me|my|myself)(?![a-z])")


class _Context:
    """Whether a text reads as affectionate banter, warm, or laughing; worked out only when a rule asks."""

    __slots__ = ("_affection", "_keep_safe", "_laughter", "_original", "_quotes_talked_about", "_text", "_warmth")

    def __init__(self, text: str, original: str):
        self._text, self._original = text, original
        self._affection = self._laughter = self._warmth = self._keep_safe = self._quotes_talked_about = None

    @property
    def keep_safe(self) -> bool:
        """Whether the text says "keep yourself safe" anywhere (so a "kys" in it may mean that)."""
        if self._keep_safe is None:
            self._keep_safe = bool(_KEEP_SAFE.search(self._text))
        return self._keep_safe

    @property
    def quotes_talked_about(self) -> bool:
        """Whether the text has quotation marks and talks about words (said, wrote, lyrics, the villain...)."""
        if self._quotes_talked_about is None:
            self._quotes_talked_about = bool(_QUOTE_MARKS.search(self._text) and _TALK_ABOUT.search(self._text))
        return self._quotes_talked_about

    @property
    def affection(self) -> bool:
        if self._affection is None:
            self._affection = bool(_AFFECTION.search(self._text) or _AFFECTION_EMOJI.search(self._original))
        return self._affection

    @property
    def warmth(self) -> bool:
        if self._warmth is None:
            self._warmth = bool(_WARMTH.search(self._text))
        return self._warmth

    @property
    def laughter(self) -> bool:
        if self._laughter is None:
            self._laughter = bool(_LAUGHTER.search(self._text) or _LAUGHTER_EMOJI.search(self._original))
        return self._laughter
