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
from .phrasing import first, label, matches, phrases

_SHARE = r"(?:send|sned|snd|show|give|dm|snap|text|drop)"  # what someone is asked to do with an image
_NUDES = (
    r"(?:nudes|noods|nudez|noodz|nude pics?|nude photos?|naked (?:pics?|photos?|selfies?|vids?|videos?)|nsfw pics?|"
    r"spicy (?:pics|photos|vids)|lewds|sexy (?:pics?|photos?|selfies?)|boob pics?|tit pics?|ass pics?|"
    r"butt pics?|feet pics?|underwear pics?|bra pics?|dick pics?|cock pics?|d[*#@!._]{1,2}c?k pics?|"
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
    # a picture asked for by what the person wears, or does not: "snap me one in your swimsuit"
    _SHARE + r"~(?:me~|us~)?(?:a |some |sum |more |any |ur |your )?(?:pics?|photos?|pictures?|selfies?|vids?|videos?|"
    r"snaps?|one|some) (?:of (?:you|u|urself|yourself) )?(?:in|wearing|without|with no|of) (?:your |ur |ya |a |just "
    r"(?:your |ur |a )?|only (?:your |ur |a )?|nothing but (?:your |ur |a )?)?(?:bikini|underwear|undies|bra|panties|"
    r"knickers|lingerie|swimsuit|swimming costume|bathing suit|boxers|thong|towel|pjs|nothing|clothes on|feet|body|"
    r"legs|thighs|chest|bum|booty|cleavage)",
    # undressing asked for: "take ur shirt off on stream", "show me whats under that skirt"
    r"(?:take|taking|pull|lift) (?:off )?(?:your|ur|ya|that) (?:clothes|top|shirt|tshirt|t shirt|bra|pants|trousers|"
    r"skirt|dress|hoodie|jumper|underwear|shorts)(?: off)? (?:on|for|in) (?:cam|camera|video|call|me|us|live|stream|"
    r"the stream|the call|the live)|(?:take|taking) (?:your|ur|ya) (?:clothes|top|shirt|bra|pants|trousers|skirt|"
    r"underwear) off (?:pls|plz|please|now|rn|for me|babe|baby|then)",
    r"(?:show|let me see|lemme see|want to see|wanna see) (?:me |us )?(?:what|whats|what is|wat) (?:is )?under (?:that|"
    r"your|ur|ya|the) (?:hoodie|top|shirt|skirt|dress|clothes|towel|jumper|uniform|bikini|underwear)",
)
# The grammar of a request for an intimate image: a request, a picture or video, and a state of undress or a
# private place ("drop a vid of u in the bath", "got any snaps without ur top on?").
_ASK_FOR = (
    r"(?:send|sned|snd|show|drop|post|dm|snap|text|share|got any|have any|any more|can i (?:see|get|have)|could i (?:se"
    r"e|"
    r"get|have)|lemme see|let me see|(?:i )?(?:want|wanna|need) (?:to see |a |some )?|how much for|i ll pay for|"
    r"ill pay for)"
)
_MEDIA = r"(?:pics?|pictures?|photos?|selfies?|vids?|videos?|snaps?|clips?|one|content)"
_UNDRESSED = (
    r"(?:in (?:the |ur |your |a )?(?:shower|bath|bathtub|bed|towel|underwear|undies|bra|panties|knickers|lingerie|"
    r"thong|boxers|pjs|pyjamas|bikini|swimsuit)|in (?:that|this|ur|your|a) (?:tight|little|short|tiny) (?:dress|skirt|"
    r"crop top|top|shorts)|without (?:ur|your|any|a) (?:top|clothes|shirt|bra|pants|trousers|underwear|"
    r"knickers)(?: on)?|with nothing on|naked|nude|topless|undressed|in nothing)"
)
_UNDRESSED_REQUEST = phrases(
    _ASK_FOR
    + r" (?:me |us )?(?:a |an |some |sum |more |any |ur |your )?(?:spicy |private |sexy )?"
    + _MEDIA
    + r" (?:of (?:you|u|urself|yourself) )?"
    + _UNDRESSED,
    r"(?:can|could|may) i see (?:you|u) " + _UNDRESSED,
    r"(?:i )?(?:want|wanna|wana|need) (?:to )?see (?:you|u) " + _UNDRESSED,
    r"show (?:me|us) (?:ur|your) (?:body|naked body|bare|chest|everything)(?! (?:of work|positivity|transformation|"
    r"progress|results|art|paint|ink|tattoo))",
    r"(?:strip|undress|get naked|take it all off) (?:for (?:me|us)|on (?:cam|camera|live|stream|call|video))",
    r"(?:you|u)(?:d| would) look (?:so )?(?:better|good|hot|sexy) (?:with nothing on|naked|without (?:ur|your|any) "
    r"(?:clothes|top))",
    # paying for pictures or videos
    r"(?:send|give|pay|paypal|cashapp|venmo|transfer) (?:you|u|ya) {w2}(?:if|for|4) (?:you|u) (?:send|show|do) (?:me )?"
    r"(?:a |some |sum |more )?" + _MEDIA,
    r"how much (?:for|4) (?:a |some |sum |ur |your )?(?:feet pics|nudes|noods|spicy (?:pics|content|vids)|(?:pics?|"
    r"photos?|vids?) of (?:your|ur) (?:feet|body|legs|chest|bum)|(?:a )?(?:pic|photo|vid) of (?:you|u))",
    r"(?:paypal|cashapp|venmo|pay) (?:you|u|ya) (?:for|4) (?:some |sum |a few |ur |your )?(?:spicy|private|exclusive|"
    r"sexy|naughty) (?:content|pics|vids|videos|photos)",
    # offering to show oneself
    r"(?:wanna|want to|do you want to|u want to|do u wanna|you wanna) see my (?:dick|cock|d[*#@!._]{1,2}c?k|willy|"
    r"junk|body|boobs|tits)",
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
    r"(?:i|ill|i will|we|will|id|i would) (?:pay|give|send) (?:you |u |ya )?(?:good money |well |big |loads |a lot |"
    r"[0-9]+~(?:k|quid|pounds|dollars|bucks|euros)? )?(?:for|4) (?:some |a few |your |ur )?(?:pics|pictures|photos|"
    r"nudes|noods|feet pics|a pic|pictures of you|photos of you|pics of you|spicy (?:pics|vids|content))",
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
    r"(?:rate|rating) (?:my|your|ur) (?:boobs|tits|dick|cock|d[*#@!._]{1,2}c?k)",
    # attraction to children said outright: "into the younger ones", "i prefer underage girls"
    r"(?:i|im|i am|i m|i do) (?:really |kinda |only |just |honestly |so )?(?:like|love|prefer) (?:them|em) (?:young|"
    r"younger|little|underage)",
    r"(?:i|im|i am|i m|i do) (?:really |kinda |only |just |honestly |so )?(?:like|love|prefer|am into|into|want|go for)"
    r" "
    r"(?:em |them "
    r"|my |the |girls |boys )?(?:younger|underage|barely legal|under~age|young) (?:girls|boys|ones|teens|lads|kids)",
)
POSSIBLE = 0.6  # a pattern that could be innocent: held for a moderator, not refused (see policy "sexual:possible")

# Grooming moves: secrecy or age flattery plus another move, or "alone" plus another move.
# Probing a young person: their age, school, year, or whether they have a partner or have had sex.
_GROOMING_AGE = phrases(
    r"(?:do|d) (?:you|u) have a (?:boyfriend|girlfriend|bf|gf)|(?:are|r) (?:you|u) (?:still )?a virgin|have (?:you|u) "
    r"ever (?:kissed|been kissed|had sex|done it)",
    r"how old (?:are|r|re) (?:you|u|ya)|what age (?:are|r) (?:you|u)|asl|a s l|what (?:grade|year) (?:are|r) (?:you|u) "
    r"in|what school (?:do|d|are|r) (?:you|u) (?:go to|at|in|attend)|where do (?:you|u) go to school",
)
_GROOMING_ALONE = phrases(
    r"when (?:your|ur) (?:parents|mum|mom|dad|family) (?:are|r|is|go|goes|get|gets) (?:out|away|asleep|to (?:bed|"
    r"sleep|work))",
    r"(?:are|r) (?:you|u) (?:home )?alone(?: right now| rn| tonight| now)?",
    r"(?:your|ur) parents (?:home|around|out|awake|asleep|away)",
)
_GROOMING_SECRET = phrases(
    r"(?:dont|do not|never) tell (?:your|ur|anyone|any~one|ur mum|your mum|your mom|your parents|ur parents)",
    r"(?:our|a) (?:little )?secret",
    r"(?:just )?between (?:us|you and me|u and me)",
    r"(?:just )?(?:dont|do not|never) tell (?:anyone|any~one|nobody|a soul)(?: (?:about|ok|okay|alright))?",
    r"delete (?:this|these|our) (?:chat|messages|convo|conversation|dms)",
    r"(?:keep|keeping) (?:this|it|us|what we (?:do|say|talk about)) (?:our |a |just )?(?:little )?(?:secret|between us|"
    r"private|quiet)",
)
_GROOMING_FLATTERY = phrases(
    r"(?:you|u|youre|ur|you are|u r) (?:so |really |very )?(?:mature|grown up|hot|sexy|beautiful|pretty|"
    r"developed) for (?:your|ur) age",
    r"age (?:is )?(?:just )?a number|age (?:doesnt|does not|dont|shouldnt) matter(?: (?:to me|between us|with us))?",
    r"(?:youre|you are|ur|u r) (?:only |just )?(?:1[0-7]|[5-9]|thirteen|fourteen|fifteen|sixteen|seventeen)"
    r"[^a-z0-9]{1,4}(?:i|me) (?:dont|do not|really dont) (?:mind|care)",
    # a child's age waved through: "ur 13? doesnt matter to me"
    r"(?:you|u|youre|ur|you are|u r|your|ur only|youre only|youre just) (?:only |just )?(?:1[0-7]|[5-9]|thirteen|fourte"
    r"en|"
    r"fifteen|sixteen|seventeen|twelve)(?: years old| yo| yrs)?[^a-z0-9]{0,4}(?:thats|its|that s|it s|that is|it is)? "
    r"?(?:fine|ok|okay|cool|hot|sexy|perfect|not a problem|no problem|doesnt matter|dont matter|dont care)",
)
_GROOMING_CONTACT = phrases(
    r"(?:meet|meet up|meetup|hang out|come over|come round) (?:me |up )?(?:irl|in person|alone|somewhere private|"
    r"at mine|at my place|tonight|this weekend)",
    r"(?:meet|meet up|meetup|link up|hang out|hang|chill|come over|video call|call|facetime) {w3}(?:just us|just (?:the"
    r" )?"
    r"(?:two|2) of us|just (?:you and me|u and me|me and you)|(?:you and me|u and me) alone)",
    r"(?:send|show|snap) (?:me )?(?:a )?(?:pic|pics|photo|photos|selfie|selfies|video|vid)",
    r"(?:video call|facetime|cam) (?:me |with me )?(?:tonight|alone|now|privately|rn)",
    r"(?:i|ill|i will) (?:buy|get|send) (?:you|u) (?:a |some )?(?:new |nice |free )?(?:gift|gifts|present|vape|"
    r"vapes|phone|"
    r"money|credit|robux|vbucks|gift card)",
    r"(?:add|message|dm|snap|text) me (?:on|at) (?:snap|snapchat|insta|whatsapp|telegram|kik|discord)",
    r"(?:move|take|switch) (?:this|it|us|the chat) (?:to|over to|onto) (?:snap|snapchat|whatsapp|telegram|kik|discord|d"
    r"ms|"
    r"private)|(?:somewhere|where (?:its|it s|it is)) (?:more )?private",
    r"(?:pick|picking) (?:you|u) up (?:from|after) (?:school|practice|class|the park)",
    r"what (?:are|r) (?:you|u|ya) wearing (?:right now|rn|now|tonight|in bed)",
    r"come (?:over|round) (?:to mine|to my place|tonight|when|while)",
)

# Secrecy about the contact itself ("dont tell your mum we message") is grooming on its own.
_GROOMING_HIDDEN_CONTACT = phrases(
    r"(?:no~one|nobody|noone) (?:has to|needs to|will ever|will|ever has to|gotta) (?:know|find out) (?:about (?:us|thi"
    r"s|"
    r"what we)|(?:that )?we)",
    r"what (?:your|ur|their) (?:parents|mum|mom|dad|family|folks) (?:dont|doesnt|do not|does not) know (?:wont|will not"
    r"|"
    r"cant|can not) hurt",
    r"(?:move|take|switch) (?:this|it|us|the chat) (?:to|over to|onto) (?:snap|snapchat|whatsapp|telegram|kik|discord|d"
    r"ms)"
    r" (?:where|so|cause|because) (?:its|it s|it is|no~one|nobody|noone|your|ur) (?:private|can see|sees|will see|"
    r"knows|parents|mum|mom)",
    r"delete (?:our|these|the|this|all our|all the|my) (?:messages|chats?|texts|dms|convos?|conversations?|snaps|pics) "
    r"(?:so|before|in case|cause|because|incase) (?:your|ur) (?:mum|mom|dad|parents|family|teacher)",
    r"(?:dont|do not|never) tell (?:your|ur|anyone|any~one|nobody) {w2}(?:about (?:us|me|our|this chat|what we)|(?:that"
    r" )?"
    r"(?:we|i) (?:talk|chat|speak|text|message|dm|met|meet|call|snap)|(?:you|u) (?:talk|chat|speak|text|message) "
    r"(?:to|with) me)",
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
        "beautiful pretty developed number meet meetup hang come video facetime buy get keep tell pictures photos "
        "selfies one some bikini underwear undies swimsuit lingerie top shirt hoodie off under whats what school like "
        "love prefer into younger underage young youre ur you u fine okay ok cool link chill call give drop post "
        "share any can could lemme let how much paypal cashapp venmo transfer strip undress naked nothing look "
        "body wanna wearing move switch private pick nobody noone no delete mind care matter shower bath "
        "boyfriend girlfriend bf gf virgin kissed",
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
        for pattern, score in (
            (_SEXTORTION, 1.0),
            (_IMAGE_REQUEST, 0.95),
            (_UNDRESSED_REQUEST, 0.95),
            (_SOLICITATION, 0.95),
            (_EXPLICIT, 0.9),
        ):
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
        hidden = _first_unreported(_GROOMING_HIDDEN_CONTACT, normalised)
        if hidden is not None:
            return hidden
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
    for match in matches(pattern, normalised):
        before = match.string[max(0, match.start() - 120) : match.start()]
        if _REPORTED_BEFORE.search(before) is None:
            return match
    return None


def _asks_for_help(normalised: Normalised) -> bool:
    return first(_HELP_OR_ADVICE, normalised) is not None
