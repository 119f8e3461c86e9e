"""The Harassment detector: runs the rules (rules/) on each reading of a text (readings.py), scores each
match in its context (context.py), adds insults said alone (bare_insults.py), hashed slurs and, when no rule
matched, the model's label (model.py), and keeps the strongest findings per label.

The scores here are what the policy reads: findings below REPORTED (reported, condemned, banter) are not
returned, and a threat scored below SEVERE_THREAT is held as harassment rather than refused as violence.
"""

import re

from ...decision import Label
from ...text import Normalised
from ..phrasing import phrases
from ..reported import reported
from .bare_insults import _bare_insults
from .context import (
    _CONDEMN_AFTER,
    _GAME_AFTER,
    _HYPERBOLE,
    _KYS_MEANS_SAFE,
    _REPORT_BEFORE,
    _SAYS_BEFORE,
    _SUPPORT_BEFORE,
    _THIRD_PERSON_BEFORE,
    _TRIVIAL_AFTER,
    _TRIVIAL_BEFORE,
    FIRST_PERSON_KYS,
    SELF_HARM_GUARD_BEFORE,
    _Context,
    _quoted,
)
from .lexicon import (
    _APPEARANCE_COMPARISON,
    _BODY_AND_FAMILY_RE,
    _GROUP_HEADS,
    _INSULT_HEADS,
    _WORD,
    GROUP_MARK,
    SEVERE_INSULT,
    SLUR_HASHES,
    STRONG_INSULT,
    slur_hash,
)
from .model import _TARGET, MODEL, MODEL_MAX_SCORE, MODEL_MIN_SCORE, MODEL_THRESHOLD, _Model
from .readings import (
    _find_insults,
    _group_reading,
    _Insult,
    _insult_reading,
    _only_teasing,
    _readings,
    _text_words,
    _tier,
    head_windows,
)
from .rules import RULES
from .rules.hate import _NOT_A_CONSPIRACY
from .rules.rule import _Rule
from .rules.threats import _THREAT_KEYS

REPORTED = 0.5  # findings scored below this (reported, condemned, banter) are not returned
LOW_SCORE = 0.25  # reported or condemned abuse
BANTER_SCORE = 0.35  # affectionate banter, jokes with a trivial condition, game talk
SOFTENED_THREAT = 0.6  # a threat written with laughter: held as harassment, not refused as violence
SEVERE_THREAT = 0.8  # a threat scored lower is held as harassment, not refused as violence
MAX_LABELS_PER_NAME = 5
_CONTEXT_BEFORE = 90  # characters before a match searched for reporting or condemning words
_CONTEXT_AFTER = 60
_ENCOURAGEMENT_KEYS = frozenset({"kys", "better-without-you", "directive-self-harm", "kys-other-languages"})


_LONG_TEXT = 600  # longer texts are read block by block: a rule runs only near its trigger words
_BLOCK = 200  # about a few sentences
_BLOCK_END = re.compile(r"(?<![.!?\n])[.!?\n]+\s+")


# Brushing off a struggle, said to someone: a directive to stop feeling it, or a claim that it is small.
_DISMISSIVE = phrases(
    r"(?:just |simply )?(?:get|got) over it|(?:its|it is|this is|thats) not (?:that|even that) deep|"
    r"stop (?:being|acting) {w1}(?:dramatic|sensitive|a baby|so extra)|(?:man|toughen|cheer) up|"
    r"stop (?:whining|moaning|complaining|crying about it|being sad)|just (?:think positive|be happy|smile more|"
    r"cheer up|snap out of it)|snap out of it|(?:its|it is|thats) all in (?:your|ur) head|"
    r"(?:other|some) people have it (?:way |so much )?worse|"
    r"(?:youre|you are|ur|u r) (?:just |so |being so |literally )?(?:being )?(?:so )?(?:dramatic|overdramatic|"
    r"over~dramatic|too sensitive|oversensitive|extra|a baby)(?! (?:in|on) (?:the|this|that) (?:play|show|scene|role))"
)
# Someone else named as the speaker just before the words: "my nan goes ...", "this girl in my class said ...".
_THIRD_PARTY_SAID = re.compile(
    r"(?<![a-z])(?:he|she|they|someone|somebody|my\s+[a-z]+(?:\s+[a-z]+)?|his\s+[a-z]+|her\s+[a-z]+|"
    r"(?:a|this|that|some)\s+(?:girl|boy|kid|guy|man|woman|teacher|person|lad)(?:\s+[a-z]+){0,4})\s+"
    r"(?:just\s+|always\s+|literally\s+|then\s+|once\s+|actually\s+)?(?:said|says|told\s+me|tells\s+me|"
    r"keeps\s+saying|kept\s+saying|was\s+like|goes|went|called\s+me|yelled|shouted|texted|wrote|commented)"
    r"(?:\s+to\s+me)?(?:\s+that)?[^a-z0-9]*$"
)
_TOLD_BEFORE = phrases(
    r"(?:told|tell|tells|telling|said|says|saying) (?:me|us|him|her|them)|(?:dont|never|not) (?:say|tell)"
)


class _Blocks:
    """A long text cut at sentence ends into blocks of about _BLOCK characters, with each block's words.

    A rule's pattern needs one of its trigger words, so it can only match near a block that has one: each such
    block is read together with its neighbours (a match may cross one sentence end), and the rest is skipped.
    The work is then proportional to the stretches that could match, not to the whole text.
    """

    __slots__ = ("bounds", "words", "only")

    def __init__(self, text: str, base: str | None = None):
        cuts = [0]
        for end in _BLOCK_END.finditer(text):
            if end.end() - cuts[-1] >= _BLOCK:
                cuts.append(end.end())
        if cuts[-1] < len(text):
            cuts.append(len(text))
        self.bounds = list(zip(cuts, cuts[1:], strict=False))
        # Another reading of the same text (a "1" read as "l", mentions, masked letters spelled out) is the same
        # length and differs from the first only here and there: only the blocks where it differs are read again,
        # since elsewhere it would find what the first reading found.
        self.only = None if base is None or len(base) != len(text) else _differing_blocks(text, base, cuts)
        if self.only is None:
            self.words = [_text_words(text[start:end]) for start, end in self.bounds]
        else:
            self.words = [
                _text_words(text[start:end]) if index in self.only else frozenset()
                for index, (start, end) in enumerate(self.bounds)
            ]

    @property
    def nothing_new(self) -> bool:
        return self.only is not None and not self.only

    def stretches(self, triggers: frozenset | None) -> list[tuple[int, int]]:
        last = len(self.bounds) - 1
        found: list[tuple[int, int]] = []
        for index, words in enumerate(self.words):
            if self.only is not None and index not in self.only:
                continue
            if triggers is not None and triggers.isdisjoint(words):
                continue
            start, end = self.bounds[max(0, index - 1)][0], self.bounds[min(last, index + 1)][1]
            if found and start <= found[-1][1]:
                found[-1] = (found[-1][0], end)
            else:
                found.append((start, end))
        return found


def _differing_blocks(text: str, base: str, cuts: list[int]) -> frozenset:
    """The indexes of the blocks (between `cuts`) in which `text` and `base`, of the same length, differ."""
    found = set()
    for index, (start, end) in enumerate(zip(cuts, cuts[1:], strict=False)):
        if text[start:end] != base[start:end]:
            found.add(index)
    return frozenset(found)


# A group or insult rule matches around a group's name or an insult: in a long text it is read only within
# these many characters before and after one (its look-aheads reach at most 200 characters on).
_MARK_BEFORE, _MARK_AFTER = 250, 300
_GROUP_RUN = re.compile(GROUP_MARK + "+")


def _windows(spans, length: int) -> list[tuple[int, int]]:
    """The stretches of a text of `length` within reach of the (start, end) spans, in order and merged."""
    found: list[tuple[int, int]] = []
    for start, end in spans:
        start, end = max(0, start - _MARK_BEFORE), min(length, end + _MARK_AFTER)
        if found and start <= found[-1][1]:
            found[-1] = (found[-1][0], max(end, found[-1][1]))
        else:
            found.append((start, end))
    return found


def _matches(rule: _Rule, reading: str, blocks: _Blocks | None, windows=None):
    if windows is not None:
        for start, end in windows:
            yield from rule.pattern.finditer(reading, start, end)
        return
    triggers = rule.triggers
    if triggers is None:  # a group or insult rule can only match near a group's name or an insult
        triggers = _GROUP_HEADS if rule.groups else _INSULT_HEADS if rule.insults else None
    if blocks is None or (triggers is None and blocks.only is None):
        yield from rule.pattern.finditer(reading)
        return
    for start, end in blocks.stretches(triggers):
        yield from rule.pattern.finditer(reading, start, end)


class Harassment:
    """Insults, threats, humiliation, pile-ons and sextortion aimed at a person; hate aimed at a group."""

    name = "harassment"

    def __init__(self, model: _Model | None | bool = True):
        self._model = MODEL if model is True else (model or None)

    def detect(self, normalised: Normalised, kind: str) -> list[Label]:
        found: dict[str, list[tuple[float, tuple[int, int]]]] = {}
        supportive = False  # a rule matched but read as support ("nobody thinks you're stupid")
        original = normalised.original
        base = None
        for variant in _readings(normalised):
            blocks = _Blocks(variant, base) if len(variant) > _LONG_TEXT else None
            base = base or variant
            if blocks is not None and blocks.nothing_new:
                continue
            words = _text_words(variant) if blocks is None or blocks.only is None else frozenset().union(*blocks.words)
            context = _Context(variant, original)
            # In a long text, group names and insults are looked for only near the words they are made of (another
            # reading, only where it differs from the first); glued insults ("urstupid") anywhere in the first.
            group_ranges = insult_ranges = None
            glued_ranges = "same"
            if blocks is not None and blocks.only is None:
                group_ranges = head_windows(variant, _GROUP_HEADS)
                insult_ranges = head_windows(variant, _INSULT_HEADS)
                glued_ranges = None
            elif blocks is not None:
                group_ranges = blocks.stretches(_GROUP_HEADS)
                insult_ranges = blocks.stretches(_INSULT_HEADS)
            grouped = None if _GROUP_HEADS.isdisjoint(words) else _group_reading(variant, group_ranges)
            insults = _find_insults(variant, insult_ranges, glued_ranges) if not _INSULT_HEADS.isdisjoint(words) else []
            marked = _insult_reading(variant, insults)
            group_windows = insult_windows = None
            if blocks is not None and blocks.only is None:
                if grouped is not None:
                    runs = (run.span() for run in _GROUP_RUN.finditer(grouped))
                    group_windows = _windows(runs, len(grouped))
                insult_windows = _windows(((insult.start, insult.end) for insult in insults), len(variant))
            for rule in RULES:
                if rule.groups:
                    if grouped is None:
                        continue
                    reading = grouped
                elif rule.insults:
                    if marked is None:
                        continue
                    reading = marked
                elif rule.triggers is not None and rule.triggers.isdisjoint(words):
                    continue
                else:
                    reading = variant
                windows = group_windows if rule.groups else insult_windows if rule.insults else None
                for match in _matches(rule, reading, blocks, windows):
                    start, end = match.start(), match.end()
                    if end <= start:
                        continue
                    score = self._score(rule, variant, start, end, context, insults)
                    if score is None:
                        supportive = True
                        continue
                    span = normalised.span(start, end)
                    for name in self._names(rule, score):
                        found.setdefault(name, []).append((score, span))
            if kind != "profile":  # a profile describes its writer ("nerd | gamer"); elsewhere a bare insult is a reply
                for start, end in _bare_insults(variant, insults):
                    score = _tier(insults, start, end)
                    if context.affection or (
                        (context.laughter or context.warmth) and _only_teasing(insults, start, end)
                    ):
                        score = BANTER_SCORE
                    elif _REPORT_BEFORE.search(variant[max(0, start - _CONTEXT_BEFORE) : start]):
                        score = LOW_SCORE
                    found.setdefault("harassment", []).append((score, normalised.span(start, end)))
            for start, end in self._slur_tokens(variant):
                before = variant[max(0, start - _CONTEXT_BEFORE) : start]
                after = variant[end : end + _CONTEXT_AFTER]
                reported = _REPORT_BEFORE.search(before) or _CONDEMN_AFTER.match(after.lstrip(" ,.!?\"'"))
                found.setdefault("hate", []).append((LOW_SCORE if reported else 0.95, normalised.span(start, end)))
        if not found and not supportive and self._model is not None:
            self._model_label(normalised, found)
        labels = self._labels(found)
        if not labels:
            labels.extend(self._dismissive(normalised))
        return labels

    def _dismissive(self, normalised: Normalised) -> list[Label]:
        """Brushing off someone's struggle ("just get over it", "man up"): the writer is asked to reconsider,
        not refused. Not when reported ("my dad says just get over it") or said of oneself."""
        text = normalised.text
        match = _DISMISSIVE.search(text)
        if match is None:
            return []
        before = text[max(0, match.start() - _CONTEXT_BEFORE) : match.start()]
        if _REPORT_BEFORE.search(before) or _SAYS_BEFORE.search(before) or _TOLD_BEFORE.search(before):
            return []
        return [Label(name="dismissive", score=0.5, detector=self.name, span=normalised.span(*match.span()))]

    @staticmethod
    def _names(rule: _Rule, score: float) -> tuple[str, ...]:
        if rule.label == "violence" and score < SEVERE_THREAT:
            return ("harassment",)  # a threat softened by laughter: held for a person, not refused as violence
        return (rule.label, rule.also) if rule.also else (rule.label,)

    def _score(
        self, rule: _Rule, text: str, start: int, end: int, context: "_Context", insults: list[_Insult]
    ) -> float | None:
        before = text[max(0, start - _CONTEXT_BEFORE) : start]
        after_raw = text[end : end + _CONTEXT_AFTER]
        if rule.key == "kys":
            near = before[-30:]
            if SELF_HARM_GUARD_BEFORE.search(near) or FIRST_PERSON_KYS.search(near):
                return None  # "please don't kill yourself", "I wanna kys": support or the writer's own risk
            if _KYS_MEANS_SAFE.match(after_raw) or context.keep_safe:
                return None  # "kys = keep yourself safe"
        if rule.key in _ENCOURAGEMENT_KEYS and reported(text, start, end):
            return LOW_SCORE  # "he keeps texting me kys", "kill yourself jokes arent funny": words told, not said
        if rule.support_guard and _SUPPORT_BEFORE.search(before[-60:]):
            return None
        after = after_raw.lstrip(" ,.!?\"'")
        if _REPORT_BEFORE.search(before) or _CONDEMN_AFTER.match(after):
            return LOW_SCORE
        if _THIRD_PARTY_SAID.search(before):
            return LOW_SCORE  # "my little brother said you're so dumb": someone else's words, told by the writer
        if context.quotes_talked_about and _quoted(text, start):
            return LOW_SCORE  # 'why does everyone say "kys"?', 'the villain says "I'll kill you all"'
        if rule.key == "insult-third" and _SAYS_BEFORE.search(before):
            return LOW_SCORE  # "my friend says she's ugly": her words about herself, reported
        matched = text[start:end]
        score = _tier(insults, start, end) if rule.tiered else rule.score
        if rule.key == "hate-conspiracy" and _NOT_A_CONSPIRACY.search(matched):
            return None  # "girls run the world" is a song, not a conspiracy theory
        if rule.key == "insult-your-thing" and not _BODY_AND_FAMILY_RE.search(matched):
            score = min(score, STRONG_INSULT)  # criticism of someone's work is held, not refused
        elif rule.key == "insult-comparison" and _APPEARANCE_COMPARISON.search(matched):
            score = SEVERE_INSULT
        if rule.key in _THREAT_KEYS:
            if _TRIVIAL_AFTER.match(after_raw) or _TRIVIAL_BEFORE.search(before) or _GAME_AFTER.match(after_raw):
                return BANTER_SCORE  # "I'll kill you if you spoil the finale", "gonna destroy you at chess"
            if text.startswith(("gonna", "going"), start) and _THIRD_PERSON_BEFORE.search(before):
                return None  # "mum is going to kill you": someone else's anger, not the writer's threat
            if context.affection:
                return BANTER_SCORE
            if context.laughter:
                return BANTER_SCORE if _HYPERBOLE.search(matched) else SOFTENED_THREAT
        if rule.mild and (
            context.affection or ((context.laughter or context.warmth) and _only_teasing(insults, start, end))
        ):
            return BANTER_SCORE
        return score

    @staticmethod
    def _slur_tokens(text: str):
        if not SLUR_HASHES:
            return
        for match in _WORD.finditer(text):
            token = match.group()
            if len(token) < 3:
                continue
            candidates = {token, token[:-1] if token.endswith(("s", "z")) else token}
            if any(slur_hash(candidate) in SLUR_HASHES for candidate in candidates):
                yield match.start(), match.end()

    def _model_label(self, normalised: Normalised, found: dict) -> None:
        text = normalised.text
        if not _TARGET.search(text):
            return
        probability, where = self._model.probability(text)
        if probability < MODEL_THRESHOLD or where is None:
            return
        start, end = where
        before = text[max(0, start - _CONTEXT_BEFORE) : start]
        if _REPORT_BEFORE.search(before) or _REPORT_BEFORE.search(text):
            return
        share = (probability - MODEL_THRESHOLD) / (1.0 - MODEL_THRESHOLD)
        score = MODEL_MIN_SCORE + share * (MODEL_MAX_SCORE - MODEL_MIN_SCORE)
        if _Context(text, normalised.original).affection:
            score = min(score, BANTER_SCORE)
        found.setdefault("harassment", []).append((round(score, 3), normalised.span(start, end)))

    def _labels(self, found: dict) -> list[Label]:
        labels = []
        for name, hits in found.items():
            hits.sort(key=lambda hit: (-hit[0], hit[1]))
            kept: list[tuple[float, tuple[int, int]]] = []
            for score, span in hits:
                if score < REPORTED:
                    break  # the policy would hold any label: reported abuse and banter are not returned
                if any(span[0] < other[1] and other[0] < span[1] for _, other in kept):
                    continue
                kept.append((score, span))
                if len(kept) >= MAX_LABELS_PER_NAME:
                    break
            labels.extend(Label(name=name, score=score, detector=self.name, span=span) for score, span in kept)
        labels.sort(key=lambda label: (-label.score, label.name, label.span))
        return labels
