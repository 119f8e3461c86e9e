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
    _local.key, _local.value = normalised, found
    return found


def first(pattern: re.Pattern, normalised: Normalised):
    """The first match in any reading of the text, or None."""
    for variant in readings(normalised):
        match = pattern.search(variant)
        if match:
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
