"""The second opinion: logistic regression on words, pairs of words and letter runs, scored in plain Python.

Fitted from `data/self_harm_training*.tsv` (written for this project: by hand, by phenomenon with
`data/phenomena.py`, and by independent writers in `_corpus.tsv`; nothing is downloaded) by
`python manage.py moderation_train`, which ships the weights in `data/weights.json` (see ../linear.py). Without
them and without scikit-learn, `MODEL` is None and the rules work alone.
"""

import logging
import math
import re
from dataclasses import dataclass

from ...text import normalise
from ..linear import fit_weights, load_or_fit, training_lines

logger = logging.getLogger(__name__)

_WORD = re.compile(r"[a-z]+|🪦|⚰|🔪|🪢|💊")
# Letters in runs of two to four inside each word, so that a typo or another language's ending ("kil",
# "morirme") still shares most of its features with a word seen in training.
_CHARS = range(2, 5)


def features(text: str) -> list[str]:
    """What the model reads in a normalised text: words, pairs of words, and letter runs within words."""
    tokens = _WORD.findall(text)
    found = tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    for token in tokens:
        padded = f" {token} "
        for n in _CHARS:
            found.extend("#" + padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
    return found


@dataclass(frozen=True, slots=True)
class Model:
    weights: dict
    intercept: float

    def probability(self, text: str) -> float:
        """P(crisis now) for a normalised text."""
        weights = self.weights
        total = self.intercept + sum(weights.get(feature, 0.0) for feature in set(features(text)))
        total = max(-30.0, min(30.0, total))
        return 1.0 / (1.0 + math.exp(-total))


# What the weights were fitted with; part of their fingerprint in data/weights.json (change it with the features).
OPTIONS = {"features": "words, pairs of words, letter runs of 2-4 within words", "C": 3.0, "max_iter": 5000}


def training_texts() -> tuple[list[str], list[int]]:
    """Normalised texts of data/self_harm_training*.tsv and their labels (1 crisis, 0 any other kind)."""
    lines = training_lines("self_harm")
    return [normalise(text).text for _, text in lines], [1 if kind == "crisis" else 0 for kind, _ in lines]


def fit():
    """(weights, intercept) fitted now from the training texts, or None (no scikit-learn, or one class only)."""
    texts, labels = training_texts()
    if len(set(labels)) < 2:
        return None
    return fit_weights(
        texts, labels, vectoriser_options={"analyzer": features}, C=OPTIONS["C"], max_iter=OPTIONS["max_iter"]
    )


def _load() -> Model | None:
    try:
        fitted = load_or_fit("self_harm", OPTIONS, fit)
    except OSError:
        fitted = None
    if fitted is None:
        logger.warning("no self-harm model (texts, weights or scikit-learn missing); the rules work alone")
        return None
    weights, intercept = fitted
    return Model(weights=weights, intercept=intercept)


MODEL = _load()
# Probability above which one warning sign in a first-person text is a crisis. Chosen by five-fold
# cross-validation on the training texts: among those where the rules see exactly one sign, it keeps the
# out-of-fold false alarms as low as word features alone did while confirming more of the crises.
MODEL_THRESHOLD = 0.7
# Alone, without any warning sign the rules know, the model holds a first-person text as a possible crisis when
# it is at least this sure (chosen on the training text's cross-validation and the development set, where it
# adds one false hold in 235 supportive posts; see moderation/evaluation/README.md for what it gains).
MODEL_ALONE_THRESHOLD = 0.95
MODEL_CHARS = 2000  # the model reads the start of a long text; its training texts are posts of a few lines
