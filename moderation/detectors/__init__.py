"""Detectors: each a small class with one method, `detect(normalised, kind) -> list[Label]`."""
