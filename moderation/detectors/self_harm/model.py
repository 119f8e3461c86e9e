"""The second opinion: logistic regression on words, pairs of words and letter runs, trained at import, scored in
Python.

Trained from `data/self_harm_training*.tsv` (written for this project, by hand and by phenomenon with
`data/phenomena.py`; nothing is downloaded). Without
scikit-learn, or without the file, `MODEL` is None and the rules work alone.
"""

import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path

from ...text import normalise
from ..linear import fit_weights

logger = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parents[1] / "data"

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


def _train() -> Model | None:
    try:
        # the hand-written texts, then those written by phenomenon (data/phenomena.py)
        lines = [
            line
            for path in sorted(DATA.glob("self_harm_training*.tsv"))
            for line in path.read_text(encoding="utf-8").splitlines()
        ]
        if not lines:
            raise OSError("no training texts")
    except OSError:
        logger.warning("self-harm training texts are missing; the self-harm detector runs on rules only")
        return None
    texts, labels = [], []
    for line in lines:
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        kind, text = line.split("\t", 1)
        texts.append(normalise(text).text)
        labels.append(1 if kind.strip() == "crisis" else 0)
    if len(set(labels)) < 2:
        return None
    fitted = fit_weights(texts, labels, vectoriser_options={"analyzer": features}, C=1.0, max_iter=5000)
    if fitted is None:  # rules alone
        logger.info("scikit-learn is not installed; the self-harm detector runs on rules only")
        return None
    weights, intercept = fitted
    return Model(weights=weights, intercept=intercept)


MODEL = _train()
# Probability above which one warning sign in a first-person text is a crisis. Chosen by five-fold
# cross-validation on the training texts: among those where the rules see exactly one sign, it keeps the
# out-of-fold false alarms as low as word features alone did while confirming more of the crises.
MODEL_THRESHOLD = 0.7
MODEL_CHARS = 2000  # the model reads the start of a long text; its training texts are posts of a few lines
