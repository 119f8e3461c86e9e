"""What screening concludes about a text: the labels detectors attach, and the Decision they add up to."""

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


class Action:
    """What happens to a text, from lightest to firmest (see SEVERITY)."""

    PUBLISH = "publish"
    WARN = "warn"  # published behind a content warning readers choose to open
    NUDGE = "nudge"  # the writer is asked to reconsider before publishing
    HOLD = "hold"  # saved, not visible, waiting for a moderator
    REJECT = "reject"  # not saved; the writer keeps their text and is told why

    ALL = (PUBLISH, WARN, NUDGE, HOLD, REJECT)


SEVERITY = {action: rank for rank, action in enumerate(Action.ALL)}


@dataclass(frozen=True, slots=True)
class Decision:
    """What `moderation.services.screen()` concluded; the caller persists it (visibility, warnings, labels)."""

    action: str
    labels: tuple[Label, ...] = ()
    content_warnings: tuple[str, ...] = ()
    crisis: bool = False
    priority: int = 0  # for the review queue: higher first, crisis highest
    message: str = ""  # for the writer: what happens and what to change
    censored_text: str | None = None  # the text with censored words masked, when a censor rule fired
    truncated: bool = False  # only the first MAX_SCREENED_CHARS characters were read
    screened: tuple[str, ...] = ()  # the texts screen() read; record_screening() checks the content's are among them

    @property
    def label_names(self) -> list[str]:
        """Each label name once, in the order first found."""
        return list(dict.fromkeys(label.name for label in self.labels))

    def as_dict(self) -> dict:
        """The decision as JSON-ready data (the `screen` command and the preview API)."""
        return {
            "action": self.action,
            "labels": self.label_names,
            "crisis": self.crisis,
            "content_warnings": list(self.content_warnings),
            "priority": self.priority,
            "message": str(self.message),
            "censored_text": self.censored_text,
            "truncated": self.truncated,
            "details": [
                {
                    "name": label.name,
                    "score": label.score,
                    "detector": label.detector,
                    "rule_id": label.rule_id,
                    "span": list(label.span) if label.span else None,
                    "action": label.action,
                }
                for label in self.labels
            ],
        }
