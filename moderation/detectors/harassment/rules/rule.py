"""One harassment rule: its key, label and score, its compiled pattern, the flags that say which reading it
runs on (the group or the insult reading) and how context softens it, and the trigger words without which it
is not tried.
"""

import re
from dataclasses import dataclass, replace

from ..lexicon import _triggers


@dataclass(frozen=True, slots=True)
class _Rule:
    key: str
    label: str
    score: float
    pattern: re.Pattern
    mild: bool = False  # an insult that affectionate banter ("love you", "happy birthday") softens
    support_guard: bool = False  # "nobody thinks you're stupid" is support, not an insult
    tiered: bool = False  # the score is the tier of the worst insult matched
    also: str | None = None  # a second label the finding carries ("violence" with "hate", "harassment" with a threat)
    groups: bool = False  # the rule reads the group reading, where GROUP stands for a protected group's name
    insults: bool = False  # the rule reads the insult reading, where INSULT stands for an insult
    triggers: frozenset | None = None  # the rule runs only on texts with one of these words (squeezed)


def _rule(key, label, score, pattern, triggers=None, **flags) -> _Rule:
    return _Rule(key, label, score, re.compile(pattern), triggers=_triggers(triggers) if triggers else None, **flags)


_WORD_START = r"(?<![a-z0-9])"


def word_start(rule: _Rule) -> _Rule:
    """The rule with its pattern anchored at the start of a word, for a pattern every match of which starts one."""
    if rule.pattern.pattern.startswith(_WORD_START):
        return rule
    return replace(rule, pattern=re.compile(_WORD_START + "(?:" + rule.pattern.pattern + ")", rule.pattern.flags))
