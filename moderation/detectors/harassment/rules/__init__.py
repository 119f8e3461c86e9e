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
from .rule import _Rule

RULES: tuple[_Rule, ...] = (
    *self_harm_encouragement.RULES,
    *threats.RULES,
    *pile_ons.RULES,
    *humiliation.RULES,
    *insults.RULES,
    *hate.RULES,
)
