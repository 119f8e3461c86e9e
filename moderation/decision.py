"""What screening concludes about a text: the labels detectors attach (and, later, the Decision)."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Label:
    """One thing a detector found: what, how sure, who found it, and where in the original text."""

    name: str
    score: float
    detector: str
    rule_id: int | None = None
    span: tuple[int, int] | None = None  # offsets in the text as the writer typed it
    action: str | None = None  # what the rule that fired asks for, when a rule fired
