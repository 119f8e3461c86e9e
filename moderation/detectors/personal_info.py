"""Personal information: phone numbers, email addresses, street addresses and IP addresses.

Public services are not personal information: helpline numbers (988, 116 123, 13 11 14, text 741741 or
85258, freephone 0800/0808/1800 lines) and emergency numbers never fire. Obfuscated forms do
("dan (at) example (dot) com", a number spelled out in words). Whether a contact may stay up (a profile
showing its owner's own contact) is the policy's call, not this detector's.
"""

import re

from ..decision import Label
from ..text import Normalised

_DIGITS = re.compile(r"\D")
# A phone number: 9 to 15 digits, with spaces, dots, dashes or brackets between groups.
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().\-]{7,20}\d(?![\w])")
_AT = r"\s*(?:\(at\)|\[at\]|\{at\}| at )\s*"
_DOT = r"\s*(?:\(dot\)|\[dot\]|\{dot\}| dot )\s*"
_EMAIL = re.compile(
    # as written: local@domain.tld
    r"(?<![a-z0-9._%+\-])[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}\b"
    # spelled out to get past filters: "dan (at) example (dot) com"; the name has a letter ("$5 at x dot com")
    # (a lookahead for the letter and a possessive run: one pass over a 20,000-letter "word", not n²)
    rf"|(?<![a-z0-9._%+\-])(?=[a-z0-9._%+\-]*[a-z])[a-z0-9._%+\-]++(?:@|{_AT})[a-z0-9\-]+(?:{_DOT}[a-z0-9\-]+)*"
    rf"{_DOT}(?:com|net|org|co|uk|io|edu|gov|me|info|[a-z]{{2}})\b"
)
# A short number is personal when it is offered as one: "my number is 555-0199".
_OFFERED_NUMBER = re.compile(
    r"\b(?:number|phone|mobile|cell|call me|text me|ring me|whatsapp|reach me)(?: is| on| at|:)?\s*"
    r"\+?\(?\d[\d\s().\-]{5,20}\d"
)
# A private person's full name with where to find them: "his name is Ryan Cole, he goes to Westfield High".
_NAMED = re.compile(r"\b(?:full name|real name|name is|called)\b")
_WHERE = re.compile(
    r"\b(?:goes to|attends|is at|studies at)\s+(?:st\.?\s+[a-z']+|[a-z']+\s+(?:high|school|academy|college|primary|"
    r"secondary|grammar))"
    r"|\blives\s+(?:on|at|in)\s+[a-z']+\s+(?:street|st|road|rd|avenue|ave|av|lane|drive|close|way|crescent)\b"
)
# Whose details: a profile may show its owner's contact, not someone else's.
_SOMEONE_ELSE = re.compile(
    r"\b(?:his|her|their|hers|him|she|he|they|my ex|this guy|that guy|this girl|the teacher|teacher s|"
    r"mum s|mom s|dad s)\b"
)
# A call to contact or go after the person whose details these are: doxxing.
_TARGETING = re.compile(
    r"\b(?:spam|ring|call|text|message|dm|tell|find|visit|flood|raid|report|expose|harass|show up)\s+"
    r"(?:him|her|them|it|what you think|at)\b|\bdo your thing\b|\bgo (?:get|find|tell) (?:him|her|them)\b"
)
OWN = 0.9  # offered by the writer, or whose it is is unclear
SOMEONE_ELSES = 1.0


_STREET = re.compile(
    # a number, one to three name words (not "at the": "meet at 5 at the park"), a street word
    r"\b\d{1,4}[a-z]?,?\s+(?:(?!(?:at|the|in|on|to|and|or|of|for|a|an|am|pm|with|my|your|our|by)\s)"
    r"[a-z][a-z'\-]+\s+){1,3}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|way|"
    r"crescent|place|terrace|court|gardens|grove|boulevard|blvd|square|sq|mews|hill|park|row|walk)\b\.?"
    r"|\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b"  # a UK postcode: "M1 4BT", "SW1A 1AA"
)
_IP = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
# Moving a conversation off Hearten, to an app where nobody moderates it: a handle offered or asked for
# ("add me on snap: edgykid99", "whats ur insta?", "dm me on discord"). The grooming pattern of choice.
_APPS = r"(?:snap(?:chat)?|sc|insta(?:gram)?|ig|whats\s*app|wa|telegram|tg|kik|discord|wickr|signal|tiktok|tt)"
_OFF_PLATFORM = re.compile(
    rf"\b(?:add|dm|message|msg|text|hit|hmu|follow|find|talk to)\s+(?:me|u|you)?\s*(?:up\s+)?(?:on|at|via)\s+{_APPS}\b"
    rf"|\b(?:what(?:s|\s+is)?|wats|whats)\s+(?:ur|your|yr|u r)\s+{_APPS}\b"
    rf"|\b(?:my|me on)\s+{_APPS}\s*(?:is|:|@|-)\s*@?[a-z0-9._]{{3,}}"
    rf"|\b{_APPS}\s*(?::|@)\s*@?[a-z0-9._]{{3,}}"
)
_SPELLED_DIGITS = re.compile(
    r"(?:\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|hundred|thousand)\b[\s,\-]*){9,}"
)
# Public services: helplines and emergency numbers, by their digits.
HELPLINES = frozenset(
    {
        "988", "116123", "116111", "131114", "741741", "85258", "686868", "999", "911", "112", "111", "000",
        "08001111", "0800585858", "08457909090", "03001233393", "18002738255",
        "0808802 5544", "08088025544", "0800068 4141", "08000684141", "0300 123 3393", "03000 123 3393",
        "1800 55 1800", "1800551800", "0800 1111", "1300224636", "1300 22 4636", "136169", "0800543354",
        "08006895652", "116 123", "0800 0 683 000", "08000683000",
    }
)  # fmt: skip
_FREEPHONE = ("0800", "0808", "0500", "1800", "1877", "1888", "1866", "1855", "1844", "1833")


class PersonalInfo:
    """Contact details and addresses; the score says whose (OWN or SOMEONE_ELSES). A call to contact or go
    after the person whose details they are adds "harassment"."""

    name = "personal_info"

    def detect(self, normalised: Normalised, kind: str) -> list[Label]:
        text = normalised.original.lower()
        span = self._find(text)
        if span is None:
            return []
        whose = SOMEONE_ELSES if _SOMEONE_ELSE.search(text) else OWN
        labels = [Label(name="personal_info", score=whose, detector=self.name, span=span)]
        targeting = _TARGETING.search(text)
        if targeting:
            labels.append(Label(name="harassment", score=0.6, detector=self.name, span=targeting.span()))
        return labels

    def _find(self, text: str) -> tuple[int, int] | None:
        for pattern in (_EMAIL, _IP, _OFFERED_NUMBER):
            match = pattern.search(text)
            if match:
                return match.span()
        for match in _PHONE.finditer(text):
            digits = _DIGITS.sub("", match.group())
            if 9 <= len(digits) <= 15 and not _is_public_service(digits):
                return match.span()
        match = _STREET.search(text) or _SPELLED_DIGITS.search(text) or _OFF_PLATFORM.search(text)
        if match:
            return match.span()
        if _NAMED.search(text):
            match = _WHERE.search(text)
            if match:
                return match.span()
        elif (match := _WHERE.search(text)) and match.group().startswith("lives"):
            return match.span()
        return None


def _is_public_service(digits: str) -> bool:
    national = digits[2:] if digits.startswith("44") or digits.startswith("61") else digits
    national = national[1:] if digits.startswith("1") and len(digits) == 11 else national
    return digits in HELPLINES or "0" + national in HELPLINES or digits.startswith(_FREEPHONE) or len(digits) <= 8
