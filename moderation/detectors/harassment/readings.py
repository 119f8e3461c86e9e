"""How the harassment detector reads a text before any rule runs. Every reading has the length of the
normalised text, so a match's offsets hold.

- The readings of a text: its normalised variants, one with "@" put back at the start of mentions (which
  normalise() reads as letters) and one with masked words spelled out ("b*tch", "f**king").
- The insults in a reading (_find_insults), also those glued together by spelled-out letters ("urstupid"),
  each with its tier, whether it can be said alone and whether it is teasing; and the insult reading, in
  which each insult is written as NOUN_MARK or ADJECTIVE_MARK (_insult_reading).
- The group reading, in which each protected group's name is written as GROUP_MARK (_group_reading).
- A text's squeezed words (_text_words), which decide which rules are tried at all.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ...text import Normalised
from .lexicon import (
    _INSULT_WORDS,
    _MILD_ADJECTIVES,
    _MILD_NOUNS,
    _NOT_ALONE,
    _SEVERE_ADJECTIVES,
    _SEVERE_NOUNS,
    _STRONG_ADJECTIVES,
    _STRONG_NOUNS,
    _TEASING,
    _WORD,
    ADJECTIVE_MARK,
    GROUP_MARK,
    GROUP_MENTION,
    INSULT_MENTION,
    MILD_INSULT,
    NOUN_MARK,
    SEVERE_INSULT,
    STRONG_INSULT,
    _split,
    _squeeze,
    _triggers,
)

_NOT_LETTERS = re.compile(r"[^a-z]+")


def _letters(text: str) -> str:
    """An insult as a lookup key: letters only, doubled letters single ("looser", "waste-of-space")."""
    return _squeeze(_NOT_LETTERS.sub("", text))


@dataclass(frozen=True, slots=True)
class _Insult:
    """One insult found in a text: where, whether a noun, its score (tier), whether it can be said alone
    ("loser" can, "lame" cannot) and whether it is gentle teasing ("nerd")."""

    start: int
    end: int
    noun: bool
    score: float
    alone: bool
    teasing: bool


_INSULT_KINDS: dict[str, tuple[bool, float]] = {}
for _lexicon, _noun, _score in (
    (_SEVERE_NOUNS, True, SEVERE_INSULT),
    (_SEVERE_ADJECTIVES, False, SEVERE_INSULT),
    (_STRONG_NOUNS, True, STRONG_INSULT),
    (_STRONG_ADJECTIVES, False, STRONG_INSULT),
    (_MILD_NOUNS, True, MILD_INSULT),
    (_MILD_ADJECTIVES, False, MILD_INSULT),
):
    for _item in _split(_lexicon):
        _known = _INSULT_KINDS.get(_letters(_item), (False, 0.0))
        _INSULT_KINDS[_letters(_item)] = (_noun or _known[0], max(_score, _known[1]))
_NOT_ALONE_KEYS = frozenset(_letters(word) for word in _NOT_ALONE)
_TEASING_KEYS = frozenset(_letters(word) for word in _TEASING)


_LONG_WORD = re.compile(r"(?<![a-z0-9])[a-z]{7,30}(?![a-z0-9])")
_TARGET_KEYS = frozenset({"youre", "your", "you", "ur", "u"})


def _glued_squeezed(word: str) -> list[tuple[int, int]]:
    """_glued() for a word already squeezed (see _squeeze): slices and set look-ups only."""
    for cut in range(1, len(word) - 2):
        left, right = word[:cut], word[cut:]
        if right in _INSULT_KINDS and (left in _TARGET_KEYS or left in _INSULT_KINDS):
            return [(cut, len(word))] if left in _TARGET_KEYS else [(0, cut), (cut, len(word))]
    return []


def _glued(word: str) -> list[tuple[int, int]]:
    """Insults inside one word made of letters spelled out one by one: "urstupid", "stupidbitch"."""
    if not _glued_squeezed(_squeeze(word)):
        return []
    for cut in range(1, len(word) - 2):
        left, right = _letters(word[:cut]), _letters(word[cut:])
        if right in _INSULT_KINDS and (left in _TARGET_KEYS or left in _INSULT_KINDS):
            return [(cut, len(word))] if left in _TARGET_KEYS else [(0, cut), (cut, len(word))]
    return []


def _in(pattern: re.Pattern, text: str, ranges):
    """pattern.finditer over the whole text, or over each (start, end) of `ranges` (in order, not overlapping)."""
    if ranges is None:
        yield from pattern.finditer(text)
        return
    for start, end in ranges:
        yield from pattern.finditer(text, start, end)


# Words too common to say where an entry is: every entry that has one also has a rarer word ("the gays").
_NOT_HEADS = frozenset({"the", "a", "an", "of", "and", "in", "on", "to", "is", "are", "all", "my", "your", "you", "u"})
_HEAD_BEFORE, _HEAD_AFTER = 40, 48  # an entry of a lexicon reaches at most this far from one of its words


@lru_cache(maxsize=16384)
def _squeezed(word: str) -> str:
    return _squeeze(word)


def head_windows(text: str, heads: frozenset) -> list[tuple[int, int]]:
    """A cheap pre-scan for a long text: the stretches around the words of a lexicon (its heads), where an entry of
    it could match; the large lexicon pattern is then run there only. Words are compared squeezed, as heads are."""
    found: list[tuple[int, int]] = []
    length = len(text)
    for match in _WORD.finditer(text):
        word = match.group()
        if word in _NOT_HEADS or (word not in heads and _squeezed(word) not in heads):
            continue
        start, end = max(0, match.start() - _HEAD_BEFORE), min(length, match.end() + _HEAD_AFTER)
        if found and start <= found[-1][1]:
            found[-1] = (found[-1][0], end)
        else:
            found.append((start, end))
    return found


def _find_insults(text: str, ranges=None, glued_ranges="same") -> list[_Insult]:
    """Every insult in a text (or in the given ranges of it), in order; also those glued together by spelled-out
    letters ("urstupid"), looked for in `glued_ranges` (the same ranges unless told)."""
    spans = [match.span() for match in _in(INSULT_MENTION, text, ranges)]
    ends = [end for _, end in spans]  # in order, as the matches do not overlap
    glued = []
    for match in _in(_LONG_WORD, text, ranges if glued_ranges == "same" else glued_ranges):
        # The first insult ending after the word starts is the only one that could overlap it.
        index = bisect_right(ends, match.start())
        if index < len(spans) and spans[index][0] < match.end():
            continue
        glued.extend((match.start() + a, match.start() + b) for a, b in _glued(match.group()))
    spans.extend(glued)
    found = []
    for start, end in sorted(spans):
        key = _letters(text[start:end])
        noun, score = _INSULT_KINDS.get(key, (False, MILD_INSULT))
        found.append(_Insult(start, end, noun, score, key not in _NOT_ALONE_KEYS, key in _TEASING_KEYS))
    return found


def _insult_reading(text: str, insults: list[_Insult]) -> str | None:
    """The text with each insult written as marks (see NOUN_MARK), or None when it has none."""
    if not insults:
        return None
    chars = list(text)
    for insult in insults:
        mark = NOUN_MARK if insult.noun else ADJECTIVE_MARK
        chars[insult.start : insult.end] = mark * (insult.end - insult.start)
    return "".join(chars)


def _inside(insults: list[_Insult], start: int, end: int) -> list[_Insult]:
    return [insult for insult in insults if start <= insult.start and insult.end <= end]


def _only_teasing(insults: list[_Insult], start: int, end: int) -> bool:
    """Whether every insult between start and end is gentle teasing ("weird", "nerd")."""
    inside = _inside(insults, start, end)
    return bool(inside) and all(insult.teasing for insult in inside)


def _tier(insults: list[_Insult], start: int, end: int) -> float:
    """The score of the worst insult between start and end: SEVERE_INSULT, STRONG_INSULT or MILD_INSULT."""
    return max((insult.score for insult in _inside(insults, start, end)), default=MILD_INSULT)


def _text_words(text: str) -> frozenset:
    """A text's squeezed words for the trigger check, with "u r s t u p i d" (read "urstupid") also giving
    "ur" and "stupid": letters spelled out one by one are joined into one word by normalise()."""
    words = _triggers(text)
    glued = [word[a:b] for word in words if len(word) > 6 for a, b in _glued_squeezed(word)]
    return words.union(glued, ["ur"]) if glued else words


# ---------------------------------------------------------------------------------------------------------
# Readings: mentions ("@name", which normalise() reads as letters) and masked letters ("b*tch").

_MASKED = re.compile(r"(?<![a-z0-9*])[a-z*]*[a-z][a-z*]*(?![a-z0-9*])")
_MASKABLE: dict[int, tuple[str, ...]] = {}
for _item in _split(*_INSULT_WORDS, "fuck|fucking|shit|fck|fkn"):
    if " " not in _item:
        _MASKABLE.setdefault(len(_item), ())
        _MASKABLE[len(_item)] += (_item,)


def _unmasked(text: str) -> str:
    """The text with masked words spelled out ("b*tch", "f**king"); the same length, so offsets hold."""

    def spell(match: re.Match) -> str:
        token = match.group()
        if "*" not in token or len(token) < 3 or token.count("*") * 2 > len(token):
            return token
        pattern = re.compile(re.escape(token).replace(r"\*", "[a-z]"))
        for word in _MASKABLE.get(len(token), ()):
            if pattern.fullmatch(word):
                return word
        return token

    return _MASKED.sub(spell, text)


def _with_mentions(normalised: Normalised) -> str:
    """The text with "@" put back at the start of mentions ("@mia" reads "amia" in Normalised.text)."""
    text, original, starts = normalised.text, normalised.original, normalised.starts
    chars = list(text)
    for index, char in enumerate(text):
        if (
            char == "a"
            and original[starts[index]] == "@"
            and (index == 0 or not text[index - 1].isalnum())
            and index + 1 < len(text)
            and (text[index + 1].isalnum() or text[index + 1] == "_")
        ):
            chars[index] = "@"
    return "".join(chars)


def _group_reading(text: str, ranges=None) -> str | None:
    """The text with every protected group's name (in the given ranges, if any) written as GROUP_MARKs (same
    length), or None if it names none."""
    mentions = list(_in(GROUP_MENTION, text, ranges))
    if not mentions:
        return None
    chars = list(text)
    for mention in mentions:
        chars[mention.start() : mention.end()] = GROUP_MARK * (mention.end() - mention.start())
    return "".join(chars)


def _readings(normalised: Normalised) -> list[str]:
    readings = [variant for variant in normalised.variants if variant]
    if "@" in normalised.original and normalised.text:
        mentions = _with_mentions(normalised)
        if mentions != normalised.text:
            readings.append(mentions)
    if "*" in normalised.text:
        unmasked = _unmasked(normalised.text)
        if unmasked != normalised.text:
            readings.append(unmasked)
    return readings
