"""Fitting the small shipped models: a bag of features and a logistic regression, reduced to plain weights.

Both detectors with a model (harassment, self-harm) learn from texts the project wrote
(`data/<name>_training*.tsv`) and keep only a {feature: weight} dict and an intercept, so scoring a text needs no
scikit-learn object. Fitting on ~2,000 texts each takes seconds, so the weights are fitted once, by
`python manage.py moderation_train`, and shipped in `data/weights.json` with a fingerprint of the texts and the
options they were fitted with. At import a model loads its weights when the fingerprint matches; when it does not
(a TSV was edited and the command not run) it fits at import and logs a warning, and a test fails until the
command is run. `fit_weights` returns None when scikit-learn is missing (the detectors then run on their rules
alone, unless the shipped weights are up to date).
"""

import hashlib
import json
import logging
from pathlib import Path

logger = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "data"
WEIGHTS = DATA / "weights.json"
DIGITS = 5  # weights are rounded when shipped; scores move by far less than any threshold's margin


def training_files(name: str) -> list[Path]:
    return sorted(DATA.glob(f"{name}_training*.tsv"))


def training_lines(name: str) -> list[tuple[str, str]]:
    """(first column, text) of every data line in data/<name>_training*.tsv (# lines are comments)."""
    found = []
    for path in training_files(name):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#") or "\t" not in line:
                continue
            first, text = line.split("\t", 1)
            found.append((first.strip(), text))
    return found


def fingerprint(name: str, options: dict) -> str:
    """A digest of the training files' names and contents and of the fitting options."""
    digest = hashlib.sha256(json.dumps(options, sort_keys=True).encode())
    for path in training_files(name):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def fit_weights(texts, labels, *, vectoriser_options: dict, C: float, max_iter: int):
    """(weights, intercept) of a class-balanced logistic regression on binary feature counts, or None."""
    try:
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        return None
    vectoriser = CountVectorizer(binary=True, **vectoriser_options)
    matrix = vectoriser.fit_transform(texts)
    model = LogisticRegression(C=C, max_iter=max_iter, class_weight="balanced")
    model.fit(matrix, labels)
    coefficients = model.coef_[0]
    weights = {
        term: round(float(coefficients[index]), DIGITS)
        for term, index in vectoriser.vocabulary_.items()
        if abs(coefficients[index]) >= 10**-DIGITS
    }
    return weights, round(float(model.intercept_[0]), DIGITS)


def shipped(name: str, options: dict):
    """(weights, intercept) from data/weights.json when they were fitted from the current texts and options."""
    try:
        entry = json.loads(WEIGHTS.read_text(encoding="utf-8")).get(name)
    except (OSError, ValueError):
        return None
    if not entry or entry.get("fingerprint") != fingerprint(name, options):
        return None
    return entry["weights"], entry["intercept"]


def save(fitted: dict) -> None:
    """Write {name: (fingerprint, weights, intercept)} to data/weights.json (the moderation_train command)."""
    data = {
        name: {"fingerprint": digest, "intercept": intercept, "weights": dict(sorted(weights.items()))}
        for name, (digest, weights, intercept) in sorted(fitted.items())
    }
    WEIGHTS.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def load_or_fit(name: str, options: dict, fit):
    """Shipped weights when up to date, otherwise `fit()` now (slow: run moderation_train), or None."""
    found = shipped(name, options)
    if found is not None:
        return found
    logger.warning("%s: data/weights.json is missing or out of date; fitting at import (run moderation_train)", name)
    return fit()
