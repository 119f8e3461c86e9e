"""Fitting the small shipped models: a bag of features and a logistic regression, reduced to plain weights.

Both detectors with a model (harassment, self-harm) train at import from texts the project wrote, then keep only
a {feature: weight} dict and an intercept, so scoring a text needs no scikit-learn object. Returns None when
scikit-learn is missing (the detectors then run on their rules alone).
"""


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
        term: float(coefficients[index])
        for term, index in vectoriser.vocabulary_.items()
        if abs(coefficients[index]) > 1e-6
    }
    return weights, float(model.intercept_[0])
