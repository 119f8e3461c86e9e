"""One way of reading what people write, for every detector and for search.

`normalise(text)` undoes the disguises people use to get words past a filter (case, accents, invisible
characters, look-alike letters from other scripts, leetspeak, stretched letters, letters spelled out with
spaces or dots) and keeps, for every character of the result, where it came from in the original, so a
detector can point at the words that were really typed.

It never raises, whatever the string (NUL bytes, lone surrogates, 100,000 characters), and does a fixed
amount of work per character: the regular expressions below have no nested quantifiers that can backtrack.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

# Upper-case look-alikes are mapped before lower-casing: Greek "Η" looks like "H", its lower case "η" like "n".
_UPPER_LOOKALIKES = {
    **dict(zip("АВЕЅІЈКМНОРСТХУ", "ABESIJKMHOPCTXY", strict=True)),  # Cyrillic
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),  # Greek
}
_LOWER_LOOKALIKES = {
    **dict(zip("аеорсухіїѕјԁһԛԝүкмнтвьёӏ", "aeorcyxiisjdhqwykmhtbbel", strict=True)),  # Cyrillic
    **dict(zip("αβεικνορτυχγωϲѵμηϳ", "abeiknoptuxywcvunj", strict=True)),  # Greek
    **dict(zip("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢғ", "abcdefghijklmnoprstuvwyzf", strict=True)),  # small capitals
    "ı": "i",
    "ɑ": "a",
    "ɡ": "g",
    "ł": "l",
    "ø": "o",
    "đ": "d",
}
# Invisible characters that are not of Unicode category Cf (which are all dropped anyway).
_INVISIBLE = set("\u034f\u115f\u1160\u3164\uffa0\u2800") | {chr(c) for c in range(0xFE00, 0xFE10)}
_APOSTROPHES = set("'`\u2018\u2019\u02bc\u00b4")  # "don't" and "dont" are one word

# Signs and digits that stand for letters inside a word: "k1ll", "s3lf h@rm", "$uicide".
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "€": "e", "!": "i"}
_AMBIGUOUS = {"1": "l"}  # "1" reads as "i" or as "l": both readings are kept (see Normalised.variants)
_LEET_SIGN = re.compile(r"[0-9@$€!]")
_TOKEN = re.compile(r"[a-z0-9@$€!]+")
_HAS_LETTER = re.compile(r"[a-z]")
# Three or more single letters with a space, dot, dash or slash between each: "s e l f", "s.u.i.c.i.d.e", "k/m/s".
# Each letter is checked as it is consumed, so a failed attempt never re-scans the run.
# A dot followed by a space ends a sentence, not a spelled-out word: "l o s e r. k.y.s" is two.
_SPELLED_OUT = re.compile(r"(?<![a-z0-9])[a-z](?![a-z0-9])(?:(?:\.(?! )|[ \-_·/]){1,3}[a-z](?![a-z0-9])){2,}")
_SIGN_AMONG_LETTERS = re.compile(r"(?<=[a-z][ .\-_·/])(?<![a-z0-9][a-z][ .\-_·/])[0-9@$](?=[ .\-_·/][a-z](?![a-z0-9]))")
_DOT_IN_WORD = re.compile(r"(?<=[a-z])[.·](?=[a-z])")  # "ki.ll", "end.my.life"
_STRETCHED = re.compile(r"([a-z])\1{2,}")  # "kiiiill" -> "kiill", "sooooo" -> "soo"


@dataclass(frozen=True, slots=True)
class Normalised:
    """A text as detectors read it, and where each of its characters came from.

    `text[i]` was read from `original[starts[i]:ends[i]]`. `variants` are the readings to match against:
    `text`, plus (only when the text has an ambiguous sign such as "1") the same text with the other
    reading; all variants have the same length, so the same offsets apply to each.
    """

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    variants: tuple[str, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The stretch of the original text that normalised `text[start:end]` came from."""
        if not self.text or end <= start:
            position = self.starts[start] if start < len(self.starts) else len(self.original)
            return position, position
        return self.starts[start], self.ends[end - 1]

    def original_of(self, start: int, end: int) -> str:
        first, last = self.span(start, end)
        return self.original[first:last]


def normalise(text: str) -> Normalised:
    """Read `text` as detectors do: see the module docstring. Linear in the length of the text."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    ends: list[int] = []
    if text.isascii():  # most writing: one character in, at most one out, no Unicode look-ups
        lowered = text.translate(_ASCII_READING)
        if len(lowered) == len(text):
            chars, starts = list(lowered), list(range(len(text)))
            ends = list(range(1, len(text) + 1))
        else:  # apostrophes dropped
            kept = [index for index, char in enumerate(text) if char not in "'`"]
            chars, starts = list(lowered), kept
    else:
        chars = []
        starts = []
        for index, char in enumerate(text):
            for out in _read_char(char):
                chars.append(out)
                starts.append(index)
    if len(ends) != len(starts):
        ends = [start + 1 for start in starts]
    alternative = chars[:]

    # Leetspeak, only in words that have letters: "5 kms" and "2024" stay numbers, "die!" keeps its "!".
    joined = "".join(chars)
    for token in _TOKEN.finditer(joined) if _LEET_SIGN.search(joined) else ():
        word = token.group()
        if word.isalpha() or word.isdigit() or not _HAS_LETTER.search(word):
            continue  # most words: letters only, or a number
        first = token.start()
        for offset, char in enumerate(word):
            if char not in LEET:
                continue
            if char == "!" and not (0 < offset < len(word) - 1 and word[offset + 1] != "!"):
                continue
            chars[first + offset] = LEET[char]
            alternative[first + offset] = _AMBIGUOUS.get(char, LEET[char])

    # A lone sign between spelled-out letters is a letter too: the "0" of "l 0 s e r".
    joined = "".join(chars)
    for sign in _SIGN_AMONG_LETTERS.finditer(joined):
        chars[sign.start()] = LEET[sign.group()]
        alternative[sign.start()] = _AMBIGUOUS.get(sign.group(), LEET[sign.group()])

    keep = [True] * len(chars)
    joined = "".join(chars)
    for run in _SPELLED_OUT.finditer(joined):
        letters = [position for position in range(run.start(), run.end()) if joined[position].isalpha()]
        # "u r a l o s e r" is "u r a loser", not one word "uraloser": a leading "u r" (and "a") is kept apart.
        apart = 0
        if len(letters) >= 5 and joined[letters[0]] == "u" and joined[letters[1]] == "r":
            apart = 2
        if len(letters) - apart >= 5 and joined[letters[apart]] == "a":
            apart += 1
        for position in range(letters[apart] if apart else run.start(), run.end()):
            if not joined[position].isalpha():
                keep[position] = False
    for dot in _DOT_IN_WORD.finditer(joined):
        keep[dot.start()] = False
    chars, alternative, starts, ends = _kept(keep, chars, alternative, starts, ends)

    keep = [True] * len(chars)
    joined = "".join(chars)
    for run in _STRETCHED.finditer(joined):
        second = run.start() + 1
        ends[second] = ends[run.end() - 1]  # the kept pair covers the whole stretched run
        for position in range(second + 1, run.end()):
            keep[position] = False
    chars, alternative, starts, ends = _kept(keep, chars, alternative, starts, ends)

    normalised = "".join(chars)
    other = "".join(alternative)
    variants = (normalised,) if other == normalised else (normalised, other)
    return Normalised(original=text, text=normalised, starts=tuple(starts), ends=tuple(ends), variants=variants)


@lru_cache(maxsize=4096)
def _read_char(char: str) -> str:
    """What one original character reads as: "" (invisible), " " (any space or control), or letters."""
    code = ord(char)
    if code < 128:
        if char in "'`":
            return ""
        if code < 32 or code == 127 or char == " ":
            return " "
        return char.lower()
    if char in _APOSTROPHES or char in _INVISIBLE:
        return ""
    category = unicodedata.category(char)
    if category == "Cf" or category[0] == "M":  # zero-width, bidi controls, soft hyphen; stray combining marks
        return ""
    if category[0] in "CZ":  # other controls, surrogates, unassigned, separators
        return " "
    char = _UPPER_LOOKALIKES.get(char, char)
    out = []
    for part in unicodedata.normalize("NFKD", char):
        if unicodedata.combining(part):
            continue
        for lower in part.casefold():
            if not unicodedata.combining(lower):
                out.append(_LOWER_LOOKALIKES.get(lower, lower))
    return "".join(out)


_ASCII_READING = {code: _read_char(chr(code)) or None for code in range(128)}


def _kept(keep, *columns):
    if all(keep):
        return columns
    return tuple(list(compress(column, keep)) for column in columns)  # in C: a long text is read in a blink
