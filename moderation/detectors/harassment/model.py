"""The harassment model: logistic regression on word unigrams and bigrams (scikit-learn), fitted from the texts in
moderation/detectors/data/harassment_training*.tsv (written for this project; nothing is downloaded) by
`python manage.py moderation_train`, shipped as weights in data/weights.json (see ../linear.py) and scored in
plain Python.

The detector asks it only when no rule matched, and it only adds a "harassment" label, at hold level, when
the text has a target (_TARGET) and a content word (not "you", "your", "should": _FUNCTION_WORDS) weighs for
abuse. MODEL is None without scikit-learn or the training texts: the detector then runs on the rules alone.
"""

import logging
import re
from dataclasses import dataclass

from ...text import normalise
from ..linear import fit_weights, load_or_fit, training_lines
from .lexicon import _WORD, _word_set

logger = logging.getLogger(__name__)

# Words that say who or how, not what: the model's evidence must be something else ("ugly", "nobody cares").
_FUNCTION_WORDS = _word_set(
    "you u ur your youre yourself ya yu she he her him his they them their theyre we us our i im me my it its "
    "a an the this that these those is are was were be been being am r do does did dont have has had will would "
    "should could can cant shall may might must ll d s re ve just so too very really all everyone everybody "
    "people someone anyone and or but if then to of in on at for with about from as by up out go going gonna "
    "get got make makes made like what who why how when where there here not no never ever again ill id ive "
    "youll youd youve theyll well were hes shes thats whats dont cant wont isnt arent didnt doesnt every with"
)


@dataclass(frozen=True, slots=True)
class _Model:
    weights: dict
    intercept: float

    def probability(self, text: str) -> tuple[float, tuple[int, int] | None]:
        """P(abuse) for a normalised text, and the stretch (in that text) of the content word or pair that weighs
        most (None when only function words weigh for abuse: "your", "should" are not evidence).

        Features are counted once each, as in training (binary): "your ... your" weighs what "your" does.
        """
        import math

        tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
        total = self.intercept
        best = MODEL_MIN_EVIDENCE
        where = None
        weights = self.weights
        seen: set[str] = set()
        previous = None
        for token, start, end in tokens:
            weight = 0.0
            if token not in seen:
                seen.add(token)
                weight = weights.get(token, 0.0)
            if previous is not None:
                pair_name = previous[0] + " " + token
                pair = weights.get(pair_name)
                if pair is not None and pair_name not in seen:
                    seen.add(pair_name)
                    weight += pair
                    start = previous[1]
            total += weight
            content = token not in _FUNCTION_WORDS or (
                previous is not None and start == previous[1] and previous[0] not in _FUNCTION_WORDS
            )
            if content and weight > best:
                best, where = weight, (start, end)
            previous = (token, start)
        total = max(-30.0, min(30.0, total))
        return 1.0 / (1.0 + math.exp(-total)), where


# What the weights were fitted with; part of their fingerprint in data/weights.json.
OPTIONS = {"features": "words and pairs of words", "C": 0.5, "max_iter": 2000}


def training_texts() -> list[tuple[int, str]]:
    """(label, text) from every data/harassment_training*.tsv: 1 abuse, 0 not."""
    return [(int(label), text) for label, text in training_lines("harassment")]


def fit():
    """(weights, intercept) fitted now from the training texts, or None (no scikit-learn, or one class only)."""
    examples = training_texts()
    labels = [label for label, _ in examples]
    if len(set(labels)) < 2:
        return None
    return fit_weights(
        [normalise(text).text for _, text in examples],
        labels,
        vectoriser_options={"token_pattern": r"[a-z]+", "ngram_range": (1, 2), "lowercase": False},
        C=OPTIONS["C"],
        max_iter=OPTIONS["max_iter"],
    )


def _load() -> _Model | None:
    try:
        fitted = load_or_fit("harassment", OPTIONS, fit)
    except (OSError, ValueError):
        fitted = None
    if fitted is None:
        logger.warning("no harassment model (texts, weights or scikit-learn missing); the detector runs on rules only")
        return None
    weights, intercept = fitted
    return _Model(weights=weights, intercept=intercept)


MODEL = _load()
MODEL_THRESHOLD = 0.8  # probability above which directed text is held as harassment
MODEL_MIN_EVIDENCE = 0.7  # the weight a content word (or pair) must carry for the model to point at it
MODEL_MIN_SCORE, MODEL_MAX_SCORE = 0.55, 0.75
_TARGET = re.compile(
    r"(?<![a-z0-9])(?:you|u|ur|youre|your|yourself|urself|ya|yu|she|he|shes|hes|her|him|they|them|theyre)"
    r"(?![a-z0-9])|@[a-z0-9_]"
)
