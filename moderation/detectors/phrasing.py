"""How the detectors write their phrase patterns: short, readable, compiled once at import.

In a pattern given to `phrases()`, a space stands for one or more non-letters (spaces, punctuation, line
breaks) and `~` for an optional one, so "kill~myself" matches "kill myself", "kill-myself" and "killmyself".
Patterns run on `Normalised.text`: lower case, accents, look-alikes and leetspeak already undone, and
apostrophes dropped ("i'm" reads "im"). No pattern has nested quantifiers, so matching is linear.
"""

import re
import threading

from ..decision import Label
from ..text import Normalised

SEP = r"[^a-z0-9]+"
OPT = r"[^a-z0-9]*"
WORDS = r"(?:[a-z0-9]+[^a-z0-9]+){{0,{n}}}"  # up to n words in between


def phrases(*alternatives: str) -> re.Pattern:
    """One compiled pattern for whole-word alternatives; `{w3}` allows up to three words in between."""
    parts = []
    for alternative in alternatives:
        source = alternative.replace(" ", SEP).replace("~", OPT)
        for n in range(1, 7):
            source = source.replace(f"{{w{n}}}", WORDS.format(n=n))
        parts.append(source)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(parts) + r")(?![a-z0-9])")


# The normaliser leaves a stretched letter doubled ("kiiiill" reads "kiill"). Letters that English seldom
# doubles are also read single, in one more reading whose offsets map back through `Reading.positions`.
_RARE_DOUBLE = re.compile(r"([aiuyhwjkqvx])\1")
_local = threading.local()


class Reading(str):
    """One way of reading a text; `positions[i]` is the position in `Normalised.text` of its character i."""

    positions: tuple[int, ...] | None = None


def readings(normalised: Normalised) -> list[str]:
    """The variants of a text, plus the one with rare doubled letters made single; cached for the last text."""
    if getattr(_local, "key", None) is normalised:
        return _local.value
    found = list(normalised.variants)
    text = normalised.text
    if _RARE_DOUBLE.search(text):
        keep = [i for i in range(len(text)) if not (i and text[i] == text[i - 1] and _RARE_DOUBLE.match(text, i - 1))]
        reading = Reading("".join(text[i] for i in keep))
        reading.positions = tuple(keep)
        found.append(reading)
    _local.key, _local.value, _local.stretches = normalised, found, {}
    return found


# A long text's other readings differ from the first only here and there ("1" read as "l", a doubled letter made
# single): past _LONG characters, they are searched only within _REACH characters of where they differ, since
# elsewhere they hold what the first reading holds.
_LONG = 2000
_REACH = 300
_PIECE = 256


def _differing(variant: str, base: str) -> list[tuple[int, int]] | None:
    """Stretches of `variant` (in its own offsets) within reach of where it differs from `base`, or None for all."""
    if len(variant) < _LONG:
        return None
    positions = getattr(variant, "positions", None)
    if positions is not None:  # letters dropped: it differs where its positions jump
        spots = [index for index in range(1, len(positions)) if positions[index] != positions[index - 1] + 1]
    elif len(variant) == len(base):
        spots = [
            start
            for start in range(0, len(variant), _PIECE)
            if variant[start : start + _PIECE] != base[start : start + _PIECE]
        ]
    else:
        return None
    found: list[tuple[int, int]] = []
    for spot in spots:
        start, end = max(0, spot - _REACH), min(len(variant), spot + _PIECE + _REACH)
        if found and start <= found[-1][1]:
            found[-1] = (found[-1][0], end)
        else:
            found.append((start, end))
    return found


def matches(pattern: re.Pattern, normalised: Normalised):
    """Every match in the readings of a text: all of the first reading, and in the others what it could not hold."""
    variants = readings(normalised)
    base = variants[0] if variants else ""
    cache = _local.stretches  # worked out once per text (readings() resets it), not once per pattern
    for index, variant in enumerate(variants):
        if index == 0:
            stretches = None
        elif index in cache:
            stretches = cache[index]
        else:
            stretches = cache[index] = _differing(variant, base)
        if stretches is None:
            yield from pattern.finditer(variant)
            continue
        for start, end in stretches:
            yield from pattern.finditer(variant, start, end)


def first(pattern: re.Pattern, normalised: Normalised):
    """The first match in any reading of the text, or None."""
    for match in matches(pattern, normalised):
        return match
    return None


def span_of(normalised: Normalised, match) -> tuple[int, int]:
    """Where a match in any reading came from in the text as typed."""
    start, end = match.start(), match.end()
    index = getattr(match.string, "positions", None)
    if index is not None and end > start:
        start, end = index[start], index[end - 1] + 1
    return normalised.span(start, end)


def label(name: str, detector: str, normalised: Normalised, match, score: float = 1.0) -> Label:
    span = span_of(normalised, match) if match is not None else None
    return Label(name=name, score=score, detector=detector, span=span)
