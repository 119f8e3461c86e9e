"""Insults said alone, without "you": the whole reply ("idi0t", "clown 🤡🤡"), its opening ("fat pig. delete
your account", "talentless hack, quit posting") or a closing vocative ("get a life, weirdo"). The detector
does not look for them in profiles, which describe their writer ("nerd | gamer").
"""

import re

from .context import _SELF_AFTER
from .lexicon import _WORD
from .readings import _inside, _Insult

_ALONE_FILLERS = (
    "you|u|ya|ur|youre|such|a|an|the|absolute|total|complete|utter|actual|literal|literally|fucking|fking|fkn|"
    "effing|bloody|massive|huge|big|little|lil|omg|ugh|ew|eww|ewww|lol|lmao|lmfao|haha|hahaha|bro|bruh|dude|"
    "just|so|and|or|plus|another|yet|this|that|guy|girl|kid|one|of|ok|okay|cry|more|honestly|tbh|fr|ngl|"
    "seriously|wow|yikes|what|absolutely|really|very|too|stop|being|go|away|get|lost|shut|up|stfu|gtfo|"
    "such|an|sad|ratio|the|trifecta|imagine|certified|typical|classic|ur|are|r|is|look|at|him|her|them|"
    "nobody|asked|cares|stay|mad|cope|seethe"
)
_ALONE_FILLER_WORDS = frozenset(_ALONE_FILLERS.split("|"))
_SENTENCE = re.compile(r"[^.!?\n;:]+")
_CHUNK = re.compile(r"[^.!?\n;:,+&]+")
_MAX_ALONE = 160  # longer sentences are not read as a bare insult


def _alone(text: str, start: int, end: int, insults: list[_Insult]) -> tuple[int, bool]:
    """How many insults text[start:end] is made of (0 unless it is only insults that can be said alone, and
    filler), and whether one is a noun ("loser", "fat pig") rather than adjectives alone."""
    inside = _inside(insults, start, end)
    if not inside or end - start > _MAX_ALONE or not all(insult.alone for insult in inside):
        return 0, False
    position = start
    for stop, after in [(insult.start, insult.end) for insult in inside] + [(end, end)]:
        if any(word not in _ALONE_FILLER_WORDS for word in _WORD.findall(text, position, stop)):
            return 0, False
        position = after
    return len(inside), any(insult.noun for insult in inside)


def _bare_insults(text: str, insults: list[_Insult]):
    """(start, end) of insults said alone: the whole reply, its opening, or a closing vocative."""
    if not any(insult.alone for insult in insults):
        return
    sentences = list(_SENTENCE.finditer(text, 0, min(len(text), 2000)))
    if not sentences:
        return
    opening = sentences[0]
    count, noun = _alone(text, opening.start(), opening.end(), insults)
    if len(text) <= 300:
        rest = [_alone(text, s.start(), s.end(), insults)[0] or not _WORD.search(s.group()) for s in sentences[1:]]
        if count and all(rest):
            yield opening.start(), opening.end()  # the whole reply is insults: "idi0t", "clown 🤡🤡"
            return
    if count and (noun or count >= 2) and not _SELF_AFTER.match(text, opening.end()):
        yield opening.start(), opening.end()  # "fat pig. delete your account", "ugly, fat and annoying. ..."
        return
    chunks = list(_CHUNK.finditer(text, opening.start(), opening.end()))
    if len(chunks) > 1:
        count, noun = _alone(text, chunks[0].start(), chunks[0].end(), insults)
        if count and (noun or count >= 2) and not _SELF_AFTER.match(text, chunks[0].end()):
            yield chunks[0].start(), chunks[0].end()  # "talentless hack, quit posting"
            return
    for sentence in sentences[:20]:
        parts = list(_CHUNK.finditer(text, sentence.start(), sentence.end()))
        if len(parts) < 2 or text[parts[-1].start() - 1] != ",":
            continue
        last = parts[-1]
        count, noun = _alone(text, last.start(), last.end(), insults)
        if count == 1 and noun and len(_WORD.findall(last.group())) <= 3:
            yield last.start(), last.end()  # "get a life, weirdo"
            return
