"""Staff-edited watched words, phrases and regular expressions, matched on normalised text.

The enabled rules are compiled once per process and kept until a rule changes: the rule services call
`invalidate()`, which drops this process's copy at once and, when the change commits, bumps a version in the
shared cache that other processes look at (at most every RECHECK_SECONDS).
"""

import logging
import time
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

from ..decision import Label
from ..models import Rule
from ..patterns import MATCH_TIMEOUT, compile_pattern
from ..text import Normalised

logger = logging.getLogger(__name__)

VERSION_KEY = "moderation:rules-version"
RECHECK_SECONDS = 2.0
MAX_MATCHES_PER_RULE = 20


@dataclass(frozen=True, slots=True)
class CompiledRule:
    id: int
    action: str
    kinds: frozenset
    expression: object


class _CompiledRules:
    def __init__(self):
        self.reset()

    def reset(self):
        self.rules: list[CompiledRule] | None = None
        self.version = None
        self.checked_at = 0.0

    def current(self) -> list[CompiledRule]:
        now = time.monotonic()
        if self.rules is not None and now - self.checked_at < RECHECK_SECONDS:
            return self.rules
        version = cache.get(VERSION_KEY)
        if self.rules is None or version != self.version:
            self.rules = _compile_enabled_rules()
            self.version = version
        self.checked_at = now
        return self.rules


compiled_rules = _CompiledRules()


def invalidate() -> None:
    """Forget the compiled rules here now, and everywhere once the current transaction commits."""
    compiled_rules.reset()
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, None))


def _compile_enabled_rules() -> list[CompiledRule]:
    compiled = []
    for rule in Rule.objects.filter(enabled=True).order_by("pk"):
        try:
            expression = compile_pattern(rule.pattern, rule.pattern_type)
        except Exception:  # a rule saved before a check existed must not stop screening
            logger.exception("Watched-word rule %s cannot be compiled; it is skipped", rule.pk)
            continue
        compiled.append(CompiledRule(rule.pk, rule.action, frozenset(rule.kinds or ()), expression))
    return compiled


class WatchedWords:
    """Which enabled rules fire on a text of a kind, with the stretch of the original text each matched."""

    name = "watched_words"

    def __init__(self, rules: list[CompiledRule] | None = None):
        self._rules = rules  # None: the enabled rules of the database, compiled and cached

    def detect(self, normalised: Normalised, kind: str) -> list[Label]:
        rules = self._rules if self._rules is not None else compiled_rules.current()
        labels: list[Label] = []
        for rule in rules:
            if rule.kinds and kind not in rule.kinds:
                continue
            spans: dict[tuple[int, int], None] = {}
            for variant in normalised.variants:
                try:
                    for match in rule.expression.finditer(variant, timeout=MATCH_TIMEOUT):
                        if match.end() > match.start():
                            spans[normalised.span(match.start(), match.end())] = None
                        if len(spans) >= MAX_MATCHES_PER_RULE:
                            break
                except TimeoutError:
                    logger.warning("Watched-word rule %s timed out and was skipped for one text", rule.id)
            labels.extend(
                Label(
                    name="watched_word", score=1.0, detector=self.name, rule_id=rule.id, span=span, action=rule.action
                )
                for span in sorted(spans)
            )
        return labels
