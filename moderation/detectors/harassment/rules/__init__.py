"""The harassment detector's rules, one module per phenomenon, and RULES: all of them, in the order they are
tried.

- self_harm_encouragement.py: telling someone to harm themselves ("kys", "nobody would miss you").
- threats.py: threats of violence, wishing harm, threats to ruin or expose someone, sextortion.
- pile_ons.py: calls to report, spam or mock someone together.
- humiliation.py: exclusion, humiliation, mocking a body or a disclosure.
- insults.py: insults aimed at someone, mockery, hostile commands.
- hate.py: hate aimed at a protected group, and the "[slur]" placeholder.

Rules for other languages (Spanish, French, German, Portuguese) sit with their phenomenon:
kys-other-languages, insult-other-languages and hate-other-languages.
"""

from . import hate, humiliation, insults, pile_ons, self_harm_encouragement, threats
from .rule import _Rule, word_start

# Rules whose every match starts a word: anchored at word starts, the regular-expression engine gives up at once
# at the four positions in five that are inside a word, which makes a long text about three times faster to read
# (see word_start). Rules that begin with a fixed word ("shut up", "what a") are left as they are: the engine
# already skips ahead to that word.
_WORD_START = frozenset(
    {
        "better-without-you",
        "dare",
        "threat-stock",
        "threat-regret",
        "threat-shapes",
        "wish-violence",
        "wish-harm",
        "threat-ruin",
        "share-images",
        "pile-on",
        "pile-on-summon",
        "exclusion",
        "humiliation",
        "body-mocking",
        "mock-disclosure",
        "insult-question",
        "mockery",
    }
)

RULES: tuple[_Rule, ...] = tuple(
    word_start(rule) if rule.key in _WORD_START else rule
    for rule in (
        *self_harm_encouragement.RULES,
        *threats.RULES,
        *pile_ons.RULES,
        *humiliation.RULES,
        *insults.RULES,
        *hate.RULES,
    )
)
