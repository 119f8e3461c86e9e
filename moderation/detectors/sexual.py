"""Sexual content aimed at people: requests for nude or sexual images, sextortion, sexual solicitation (sugar
daddies, "hot singles", paid pictures, adult hook-ups), grooming of young people, and explicit propositions.

The policy refuses a "sexual" label outright, and most of Hearten's readers are teenagers, so this detector
fires on what someone is asked for or offered, never on vocabulary alone: sex education ("is it normal
to..."), consent talk, identity ("I'm bisexual"), recovery talk, a survivor's disclosure, someone reporting
what was sent to them or asking what to do, and safety advice ("never send nudes", "if someone asks you for
pics, tell an adult") are not labelled. A match is dropped when the words just before it report someone
else's act ("he asked me to...", "my uncle used to...", "I was sent..."), negate it, or set up a condition
("if someone..."), and when the text asks for help or warns about it.

Grooming is a pattern, not a phrase: it needs secrecy or flattery about age together with another move
(asking age, whether they are alone, to meet, for pictures, gifts), or "are you alone" with such a move.

Rules only, on the normalised text (so "n00dz", "s e n d  n u d e s" and look-alike letters are seen).
"""

import re

from ..decision import Label
from ..text import Normalised
from .phrasing import first, label, phrases, readings

_SHARE = r"(?:send|sned|snd|show|give|dm|snap|text|drop)"  # what someone is asked to do with an image
_NUDES = (
    r"(?:nudes|noods|nudez|noodz|nude pics?|nude photos?|naked (?:pics?|photos?|selfies?|vids?|videos?)|nsfw pics?|"
    r"spicy (?:pics|photos|vids)|lewds|sexy (?:pics?|photos?|selfies?)|boob pics?|tit pics?|ass pics?|"
    r"butt pics?|feet pics?|underwear pics?|bra pics?|dick pics?|cock pics?|"
    r"pics? (?:of|without) (?:your|ur) (?:boobs|tits|ass|butt|chest|clothes|top|shirt|bra|underwear))"
)
# Asking someone for nude or sexual images, or offering to trade them.
_IMAGE_REQUEST = phrases(
    _SHARE + r"~(?:me~|us~)?(?:your |ur |some |sum |more |a |any |the |a few |ya )?" + _NUDES,
    r"(?:wanna|want to|lets|shall we|can we|down to) (?:trade|swap|exchange|send) " + _NUDES,
    r"(?:trade|swap|exchange) " + _NUDES,
    r"(?:want|wanna|need) (?:a |my |some )?(?:dick|cock|nude|naked) pics?",
    r"(?:can|could|will|would) (?:you|u) (?:send|show) (?:me |us )?(?:your |ur )?(?:boobs|tits|ass|butt|"
    r"naked body|nudes|noods|underwear|bra)",
    r"show (?:me |us )?(?:your|ur) (?:boobs|tits|ass|butt|dick|cock|pussy|bra|underwear)",
    r"(?:take|taking) (?:your|ur) (?:clothes|top|shirt|bra) off (?:on|for|in) (?:cam|camera|video|call|me)",
    r"(?:wanna|want to|lets) sext|sext me",
)
# Sextortion: images (or money) demanded under a threat.
_SEXTORTION = phrases(
    r"(?:send|give) (?:me )?(?:more |another |a few |some )?(?:pics|photos|nudes|noods|videos|vids|pictures) "
    r"(?:or|otherwise|unless) (?:else )?(?:i|ill|im|everyone|everybody|your|ur|they|we|the whole|all)",
    r"(?:post|share|leak|send|show|spread|forward|upload) (?:your |ur |all your |all ur |the )(?:nudes|noods|"
    r"nude pics|naked pics|naked photos|nude photos|sexy pics) (?:to|on|with|everywhere|online|unless|if)",
    r"(?:i have|ive got|i got|i saved|i kept|i still have) (?:your |ur |all your )(?:nudes|noods|nude pics|"
    r"naked pics|naked photos|nude photos)",
)
# Offering or looking for sexual or "sugar" arrangements, paid pictures, adult hook-ups.
_SOLICITATION = phrases(
    r"hot (?:singles|girls|milfs|moms|women|babes) (?:in|near) (?:your|ur|you)",
    r"(?:horny|naughty) (?:singles|girls|milfs|women|babes|teens)",
    r"sugar (?:daddy|daddies|mommy|mummy|mommies|baby|babies)",
    r"(?:looking for|seeking) (?:a |some )?(?:sb|young|teen|barely legal) (?:baby|babies|girls?|boys?|"
    r"students?|lads?)",
    r"(?:i|ill|i will|we|will) pay (?:you |off )?(?:your|ur) (?:bills|rent|tuition|fees|debts)",
    r"(?:i|ill|i will|we|will) pay (?:you |good money |well |)?(?:for|4) (?:pics|nudes|noods|feet pics|"
    r"pictures of you|photos of you)",
    r"(?:check|see|subscribe to|sub to|join) (?:out )?(?:my|our) (?:onlyfans|only fans|fansly|spicy page|"
    r"private snap|premium snap)",
    r"(?:onlyfans|only fans|fansly) (?:link|in (?:my )?bio|promo|page)",
    r"(?:link in bio|dm|dm me|message me|snap me|add me|text me|hmu) (?:for|4|if you want) (?:a )?(?:nudes|noods|"
    r"spicy|nsfw|18~\+|a good time|hookups?|hook~ups?|fwb|naughty|sex)",
    r"(?:18~\+|xxx|nsfw|adult) (?:chat|pics|vids|cam|webcam|dating) (?:here|link|in bio|dm|free)",
    r"(?:cam|webcam) (?:girl|girls|show|shows|sex)",
    r"(?:hook~up|hook~ups|casual sex|fwb|friends with benefits) (?:tonight|near you|in your area|no strings|"
    r"dm|hmu)",
)
# Explicit propositions and sexual acts aimed at someone.
_EXPLICIT = phrases(
    r"(?:wanna|want to|i want to|i wanna|id|i would|id love to|let me|lemme|lets) "
    r"(?:fuck|have sex with|sleep with|shag|hook up with) (?:you|u|ya)(?! up)",
    r"(?:wanna|want to|do you want to|would you) (?:fuck|have sex|sleep with me|shag|hook up)(?! up)",
    r"(?:suck|lick) (?:my|your|ur) (?:dick|cock|pussy|tits|boobs|balls|nipples)",
    r"(?:sit on|ride) my (?:face|dick|cock)",
    r"(?:rate|rating) (?:my|your|ur) (?:boobs|tits|dick|cock)",
)
POSSIBLE = 0.6  # a pattern that could be innocent: held for a moderator, not refused (see policy "sexual:possible")

# Grooming moves: secrecy or age flattery plus another move, or "alone" plus another move.
_GROOMING_AGE = phrases(
    r"how old are (?:you|u|ya)|what age are (?:you|u)|asl|a s l|what (?:grade|year) are (?:you|u) in"
)
_GROOMING_ALONE = phrases(
    r"(?:are|r) (?:you|u) (?:home )?alone(?: right now| rn| tonight| now)?",
    r"(?:your|ur) parents (?:home|around|out|awake|asleep|away)",
)
_GROOMING_SECRET = phrases(
    r"(?:dont|do not|never) tell (?:your|ur|anyone|any~one|ur mum|your mum|your mom|your parents|ur parents)",
    r"(?:our|a) (?:little )?secret",
    r"(?:just )?between (?:us|you and me|u and me)",
    r"delete (?:this|these|our) (?:chat|messages|convo|conversation|dms)",
)
_GROOMING_FLATTERY = phrases(
    r"(?:you|u|youre|ur|you are|u r) (?:so |really |very )?(?:mature|grown up|hot|sexy|beautiful|pretty|"
    r"developed) for (?:your|ur) age",
    r"age (?:is )?(?:just )?a number",
)
_GROOMING_CONTACT = phrases(
    r"(?:meet|meet up|meetup|hang out|come over|come round) (?:me |up )?(?:irl|in person|alone|somewhere private|"
    r"at mine|at my place|tonight|this weekend)",
    r"(?:send|show|snap) (?:me )?(?:a )?(?:pic|pics|photo|photos|selfie|selfies|video|vid)",
    r"(?:video call|facetime|cam) (?:me |with me )?(?:tonight|alone|now|privately|rn)",
    r"(?:i|ill|i will) (?:buy|get|send) (?:you|u) (?:a |some )?(?:new |nice |free )?(?:gift|gifts|present|vape|"
    r"vapes|phone|"
    r"money|credit|robux|vbucks|gift card)",
    r"(?:add|message|dm|snap|text) me (?:on|at) (?:snap|snapchat|insta|whatsapp|telegram|kik|discord)",
)

# Someone else's act being reported, a disclosure, a negation or a condition: the writer is not asking.
_REPORTED_BEFORE = re.compile(
    r"(?:(?<![a-z])(?:he|she|they|someone|somebody|some\s*one|a\s+guy|a\s+man|a\s+woman|an\s+adult|a\s+stranger|"
    r"this\s+guy|some\s+guy|this\s+man|people|a\s+boy|a\s+girl|random\s+(?:guys?|men|accounts?|people)|"
    r"an\s+account|accounts|(?:my|our|her|his|a)\s+(?:ex|boyfriend|bf|girlfriend|gf|partner|uncle|dad|stepdad|"
    r"step\s+dad|brother|cousin|teacher|coach|tutor|friend|friends|neighbour|neighbor|mum|mom|stepmum|stepmom|"
    r"grandad|grandpa|boss|manager|classmate|older\s+\w+)))(?:\s+\w+){0,4}?\s+(?:asked|asks|asking|told|tells|"
    r"telling|wants|wanted|keeps|kept|said|says|sent|sends|messaged|messages|dmed|dmd|texted|threatened|"
    r"threatens|pressured|pressures|pressuring|made|makes|tried|tries|begged|begs|forced|offered|offers|demanded|"
    r"demands|used\s+to|would|groomed|blackmailed|is\s+trying|was\s+trying)(?![a-z])[^.!?\n]{0,80}$"
    r"|(?:was|got|been|being|were|am|im)\s+(?:asked|told|sent|offered|pressured|groomed|sextorted|blackmailed|"
    r"forced|made)(?![a-z])[^.!?\n]{0,60}$"
    r"|(?<![a-z])(?:if|when|whenever)\s+(?:someone|anyone|somebody|a\s+stranger|an\s+adult|a\s+person|people|"
    r"they|he|she|a\s+guy|a\s+man)(?![a-z])[^.!?\n]{0,60}$"
    r"|(?<![a-z])(?:never|dont|do\s+not|shouldnt|should\s+not|wont|will\s+not|not|no\s+one\s+should|"
    r"nobody\s+should|stop|refuse\s+to|refused\s+to)\s+(?:ever\s+)?(?:\w+\s+){0,4}$"
    r"|(?<![a-z])(?:signs?\s+of|what\s+is|whats|definition\s+of|examples?\s+of|such\s+as|things\s+like|"
    r"messages\s+like|phrases\s+like)\s+[^.!?\n]{0,40}$"
)
_HELP_OR_ADVICE = phrases(
    r"what (?:do|should|can) i do",
    r"(?:is|was|isnt) (?:this|that|it) (?:normal|ok|okay|sextortion|grooming|a scam|illegal|abuse|legal)",
    r"is it normal",
    r"how (?:do|can|should) i (?:report|block|stop|tell|get (?:it|them|this) (?:removed|taken down)|respond|say no)",
    r"(?:report|reported|reporting|block|blocked|blocking) (?:it|them|him|her|this|the account|that account|"
    r"anyone|accounts)",
    r"tell (?:a|an) (?:trusted )?(?:adult|teacher|parent)",
    r"ceop|childline|report remove|take it down|police|nspcc|helpline|safeguarding",
    r"(?:sextortion|grooming|groomers?|scams?|scammers?|predators?|sexting) (?:is|are|can|often|usually|will|may|"
    r"might|happens|awareness|tactics|targets?|works?|looks? like)",
    r"online safety|stay safe online|red flags?|warning signs?",
    r"(?:im|i am|i feel|i was|feeling|makes me|made me|it makes me) (?:so |really |very |kind of |kinda )?"
    r"(?:scared|terrified|worried|uncomfortable|creeped out|freaking out|unsafe)",
)


# Every pattern above needs one of these words (or, spelled out letter by letter, one of _CUE_INSIDE); a text
# with none of them is not read further.
_CUES = frozenset(
    re.findall(
        r"[a-z]+",
        "send sned snd show give dm snap text drop nudes noods nudez noodz nude naked nsfw spicy lewds sexy boob tit "
        "ass butt feet underwear bra dick cock pics pic trade swap exchange want wanna need boobs tits pussy take "
        "taking sext sexting pay post share leak spread forward upload have ive got saved kept still hot horny "
        "naughty sugar looking seeking check see subscribe sub join onlyfans only fans fansly link hmu message add "
        "xxx adult chat cam webcam hook hookup hookups casual fwb friends fuck sex sleep shag suck lick sit ride "
        "rate rating old age asl grade year alone parents dont do never secret between delete mature grown "
        "beautiful pretty developed number meet meetup hang come video facetime buy get",
    )
)
_CUE_INSIDE = re.compile(r"nude|nood|sext|onlyfans")
_TEXT_WORDS = re.compile(r"[a-z]+")


class Sexual:
    """Requests for sexual images, sextortion, sexual solicitation, grooming and explicit propositions."""

    name = "sexual"

    def detect(self, normalised: Normalised, kind: str) -> list[Label]:
        text = normalised.text
        if _CUES.isdisjoint(_TEXT_WORDS.findall(text)) and not _CUE_INSIDE.search(text):
            return []
        for pattern, score in ((_SEXTORTION, 1.0), (_IMAGE_REQUEST, 0.95), (_SOLICITATION, 0.95), (_EXPLICIT, 0.9)):
            match = _first_unreported(pattern, normalised)
            if match is not None:
                return [] if _asks_for_help(normalised) else [label("sexual", self.name, normalised, match, score)]
        grooming = self._grooming(normalised)
        if grooming is not None and not _asks_for_help(normalised):
            if isinstance(grooming, tuple):  # could be two teenagers chatting: a moderator decides
                return [label("sexual", self.name, normalised, grooming[0], score=grooming[1])]
            return [label("sexual", self.name, normalised, grooming, score=0.9)]
        return []

    @staticmethod
    def _grooming(normalised: Normalised):
        secret = _first_unreported(_GROOMING_SECRET, normalised)
        flattery = _first_unreported(_GROOMING_FLATTERY, normalised)
        age = _first_unreported(_GROOMING_AGE, normalised)
        if age is not None and secret is None and flattery is None:
            # Asking a stranger's age, then for pictures, a call, a meeting or a gift: the pattern, not chat.
            contact = _first_unreported(_GROOMING_CONTACT, normalised)
            if contact is not None:
                return (age, POSSIBLE)
        if secret is None and flattery is None and first(_GROOMING_ALONE, normalised) is None:
            return None
        moves = [
            _first_unreported(pattern, normalised) for pattern in (_GROOMING_AGE, _GROOMING_ALONE, _GROOMING_CONTACT)
        ] + [secret, flattery]
        found = [move for move in moves if move is not None]
        lead = secret or flattery
        if lead is None:  # "are you alone" needs a contact move: a meeting, a picture, a call, a gift
            contact = moves[2]
            return moves[1] if moves[1] is not None and contact is not None else None
        return lead if len(found) >= 2 else None


def _first_unreported(pattern: re.Pattern, normalised: Normalised):
    """The first match in any reading that is not someone else's act reported, negated or a condition."""
    for variant in readings(normalised):
        for match in pattern.finditer(variant):
            before = variant[max(0, match.start() - 120) : match.start()]
            if _REPORTED_BEFORE.search(before) is None:
                return match
    return None


def _asks_for_help(normalised: Normalised) -> bool:
    return first(_HELP_OR_ADVICE, normalised) is not None
