"""Spam and scams: scam phrasing (crypto and money flips, follower selling, phishing, medicine without a
prescription, sexual solicitation), link shorteners, repeated text, mass mentions, and links.

Scores say how sure: SCAM (refused), PROMOTION (held for a look: it may be genuine). Any other link is
labelled "link" with no verdict: the policy holds it when the author is new.
"""

import re

from ..decision import Label
from ..text import Normalised
from .phrasing import first, label, phrases

SCAM = 1.0
PROMOTION = 0.6

_SCAM = phrases(
    r"(?:double|triple|10x|flip) (?:your|ur) (?:money|bitcoin|btc|crypto|cash|investment)",
    r"(?:send|invest) {w3}(?:btc|bitcoin|eth|usdt|crypto)|(?:btc|bitcoin|eth|usdt|crypto) {w3}(?:wallet|bot|profit)",
    r"(?:crypto|forex|nft|nfts|bitcoin|trading) {w3}(?:bot|signals|returns|profit|income|passive|opportunity)",
    r"(?:passive income|guaranteed (?:returns|profit|income)|investment opportunity|[0-9]+ ?% returns?)",
    r"(?:cash ?app|paypal|venmo|money) flip",
    r"(?:turn|make|made|earn|earned) \S*[0-9][0-9,.k]* {w4}(?:a|per|this|in a|from) (?:day|week|hour|month|home)",
    r"(?:buy|cheap|get|real|instant|free) {w2}(?:followers|likes|subscribers|subs|views|engagement)",
    r"(?:followers|likes|subscribers|views) (?:for|only) {w1}[0-9$£€]",
    r"[0-9]+k? (?:followers|likes) (?:for|only)",
    r"verified badge {w4}(?:\$|paypal|dm|pay|[0-9])",
    r"verify your (?:account|password|identity|login)|account (?:will be|has been) (?:suspended|locked|deleted)",
    r"(?:claim|collect) (?:your )?(?:prize|reward|gift|free)|you (?:have|ve) won|free iphone|free (?:gift )?card",
    r"(?:no|without (?:a )?)prescription {w4}(?:pills|meds|shipped|delivery|xanax|order)|"
    r"(?:pills|meds|xanax|oxy|adderall) {w3}(?:no prescription|shipped|discreet)",
    r"hot singles|sugar (?:daddy|mommy|mummy)|(?:sell|selling|buy) (?:me )?(?:nudes|pics)|onlyfans|"
    r"(?:pay|paid) (?:your|ur) bills",
    r"(?:whatsapp|telegram|t\.me|wickr) (?:me|us|[a-z0-9./]+) {w3}(?:earn|profit|invest|money|rich|pills|meds)",
)
_PROMO = phrases(
    r"(?:check out|visit|subscribe to|follow|listen to|join) (?:my|our) (?:channel|blog|shop|store|page|server|"
    r"discord|mixtape|music|podcast|website|site|account|telegram)",
    r"(?:sub|follow|like) (?:4|for) (?:sub|follow|like)|follow back|f4f|l4l",
    r"link in (?:my )?bio|use (?:my )?code|promo code|discount code|[0-9]+ ?% off",
    r"(?:dm|message) (?:me )?for (?:promo|promotion|a shoutout|collab|business)|shout ?out (?:your|ur) account",
    r"brand ambassadors?|earn money (?:posting|from home)|work from home",
    r"giveaway|win (?:a|an|free) |tag [0-9]+ friends",
    r"(?:my|our) new (?:mixtape|single|album|track|video|product|merch|course|ebook) (?:is )?(?:out|available|drop)",
)
_SHORTENER = re.compile(
    r"(?<![a-z0-9])(?:bit\.ly|tinyurl\.com|t\.co|goo\.gl|ow\.ly|is\.gd|cutt\.ly|rb\.gy|shorturl\.at|tiny\.cc|"
    r"rebrand\.ly|buff\.ly|s\.id|t\.ly|v\.gd|shorte\.st|adf\.ly)/"
)
_LINK = re.compile(
    r"(?<![a-z0-9@.])(?:https?://|www\.)[^\s]+|(?<![a-z0-9@.])[a-z0-9-]{2,63}(?:\.[a-z0-9-]{1,63})*"
    r"\.(?:com|net|org|io|co|uk|xyz|me|ly|gg|gl|info|biz|app|link|site|online|shop|store|tv|us|ru|cn|top|click)"
    r"(?:/[^\s]*)?(?![a-z0-9])|(?<![a-z0-9])[a-z0-9-]{2,40} dot (?:com|net|org|xyz|io|co)(?![a-z])"
)
_MENTION = re.compile(r"(?<![a-z0-9])@[a-z0-9_.]{2,30}")
_WORD = re.compile(r"[a-z0-9]+")
MASS_MENTIONS = 5
REPEATS = 4  # the same word, or the same few words, four times or more in a row


class Spam:
    name = "spam"

    def detect(self, normalised: Normalised, kind: str) -> list[Label]:
        # URLs are read as typed (lower case, look-alikes undone): leetspeak would mangle "bit.ly/3xy".
        text = normalised.original.lower()
        scam = first(_SCAM, normalised)
        if scam is not None:
            return [label("spam", self.name, normalised, scam, score=SCAM)]
        for pattern in (_SHORTENER,):
            match = pattern.search(text)
            if match:
                return [Label(name="spam", score=PROMOTION, detector=self.name, span=match.span())]
        promo = first(_PROMO, normalised)
        if promo is not None:
            return [label("spam", self.name, normalised, promo, score=PROMOTION)]
        if len(_MENTION.findall(text)) >= MASS_MENTIONS:
            return [Label(name="spam", score=PROMOTION, detector=self.name)]
        if _repeated(normalised.text):
            return [Label(name="spam", score=PROMOTION, detector=self.name)]
        link = _LINK.search(text)
        if link is not None:
            return [Label(name="link", score=0.0, detector=self.name, span=link.span())]
        return []


def _repeated(text: str) -> bool:
    """The same word or group of up to four words, REPEATS times in a row ("buy now buy now buy now ...")."""
    words = _WORD.findall(text[:5000])
    for size in range(1, 5):
        run = 1
        for index in range(size, len(words) - size + 1, size):
            if words[index : index + size] == words[index - size : index]:
                run += 1
                if run >= REPEATS + (size == 1):  # "no no no no" is emphasis; five is not
                    return True
            else:
                run = 1
    return False
