"""Library search: a query is a few words typed by a reader, not a post.

Any crisis term at all (a bare "suicide", "self h@rm", a word one typo from one) is reported as "crisis",
because a false alarm only shows helplines above the results.
"""

import itertools
import re

from ...decision import Label
from ...text import Normalised
from ..phrasing import label, phrases, readings
from .crisis import statements

# One crisis vocabulary for search: the terms, spelled every way people spell them.
_SEARCH_TERMS = phrases(
    r"suicid[a-z]{0,5}|suizid[a-z]{0,5}|selbstmord[a-z]{0,3}|zelfmoord[a-z]{0,3}|suicidi[a-z]{0,3}",
    r"self~(?:harm|injur|mutilat|hurt)[a-z]{0,5}|selbstverletz[a-z]{0,5}|zelfbeschadig[a-z]{0,5}",
    r"automutil[a-z]{0,5}|autolesi[a-z]{0,5}|unaliv[a-z]{0,5}|sewer~slid[a-z]{0,2}|suesid[a-z]{0,3}",
    r"(?:kill|killing|hang|hanging|cut|cutting|hurt|hurting) (?:my|me)~self",
    r"(?:end|ending) my life|(?:take|taking) my (?:own )?life",
    r"kms|kys|kill (?:your|ur)~self",
    r"(?:want|wanna|wanting|ready) (?:to|2) (?:die|be dead)|i (?:want|wanna) (?:to )?die",
    r"(?:dont|do not) (?:want|wanna) to (?:live|be here|be alive|exist)",
    r"wish i (?:was|were) dead|better off dead|no reason to live|end it all",
    r"commit sudoku|toaster bath|ich will sterben|je veux mourir|quiero morir|quero morrer|voglio morire",
)
_SEARCH_TYPO_TARGETS = ("suicide", "suicidal", "selfharm", "selfharming", "killmyself")
_KILOMETRES = re.compile(r"[0-9] ?kms")  # "5 kms" is a run, not "kill myself"
_LETTERS = re.compile(r"[a-z]+")
_REPEATS = re.compile(r"(.)\1+")


def search(normalised: Normalised, detector: str) -> list[Label]:
    for variant in readings(normalised):
        for match in itertools.chain(_SEARCH_TERMS.finditer(variant), statements(variant)):
            if not _KILOMETRES.search(variant, max(0, match.start() - 4), match.end()):
                return [label("crisis", detector, normalised, match)]
    if _one_typo_from_a_term(normalised.text):
        return [Label(name="crisis", score=0.8, detector=detector)]
    return []


def _one_typo_from_a_term(text: str) -> bool:
    """A search word (or two joined) one typo from a crisis word: "suicde", "selfharn". Short queries only."""
    words = [_REPEATS.sub(r"\1", word) for word in _LETTERS.findall(text[:500])]
    candidates = words + [a + b for a, b in zip(words, words[1:], strict=False)]
    return any(
        len(word) >= 6 and _one_typo_away(word, _REPEATS.sub(r"\1", target))
        for word in candidates
        for target in _SEARCH_TYPO_TARGETS
    )


def _one_typo_away(word: str, target: str) -> bool:
    """One letter added, dropped, changed, or two neighbours swapped."""
    if abs(len(word) - len(target)) > 1 or word[:1] != target[:1] or word == target:
        return word == target
    if len(word) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and word[diff[0]] == target[diff[1]]
            and word[diff[1]] == target[diff[0]]
        )
    short, long = sorted((word, target), key=len)
    i = next((i for i, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short))
    return short[i:] == long[i + 1 :]
