"""How labels add up to a decision: the POLICY table, and the writer's standing.

Each label a detector returns is looked up in POLICY, under a more specific key first when the context
calls for one ("spam:scam", "personal_info:profile", "link:new"); the firmest action wins, a crisis is
always held (never refused: the text is kept and the writer is shown help), and the review priority is the
highest of the labels'. Change what happens to a kind of content here, in one place.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .decision import SEVERITY, Action, Decision, Label
from .detectors.personal_info import SOMEONE_ELSES
from .detectors.spam import SCAM

SEVERE = 0.8  # a harassment label this sure (a threat, encouragement to self-harm) is refused, not held


@dataclass(frozen=True, slots=True)
class Outcome:
    action: str
    priority: int = 0
    warning: str | None = None  # the content warning readers see
    message: object = None  # for the writer: a lazy translation, resolved only when shown


_HELD = _("Your post is waiting for a moderator before it appears.")
POLICY: dict[str, Outcome] = {
    "crisis": Outcome(
        Action.HOLD,
        100,
        message=_(
            "Your post is safe with us and waiting for a moderator. It sounds like things are really hard "
            "right now: you don't have to go through this alone, and you can talk to someone now."
        ),
    ),
    "method": Outcome(
        Action.HOLD,
        80,
        "self-harm and suicide",
        _(
            "Your post is waiting for a moderator. Please leave out details of how someone could hurt "
            "themselves: share how you felt and what helped instead."
        ),
    ),
    "hate": Outcome(Action.REJECT, 70, message=_("This can't be posted: it attacks people for who they are.")),
    "violence": Outcome(
        Action.REJECT, 70, message=_("This can't be posted: it threatens or wishes harm on someone. Please remove it.")
    ),
    "harassment:severe": Outcome(
        Action.REJECT,
        70,
        message=_("This can't be posted: it attacks or threatens someone. Please remove the insults or threats."),
    ),
    "harassment": Outcome(
        Action.HOLD, 50, message=_("Your post is waiting for a moderator: please keep it kind to the person.")
    ),
    "sexual": Outcome(Action.REJECT, 60, message=_("This can't be posted here.")),
    "eating_disorder_promotion": Outcome(
        Action.HOLD,
        60,
        "eating disorders",
        _(
            "Your post is waiting for a moderator. Please leave out weights, calories, fasting or purging tips "
            "and 'thinspo': they can hurt people who are struggling."
        ),
    ),
    "personal_info": Outcome(
        Action.HOLD,
        40,
        message=_(
            "Your post is waiting for a moderator because it contains contact details or an address. "
            "Please remove phone numbers, emails and addresses: they can put you or someone else at risk."
        ),
    ),
    "personal_info:profile": Outcome(Action.PUBLISH),  # the writer's own contact, in the field meant for it
    "spam:scam": Outcome(Action.REJECT, 10, message=_("This can't be posted: it looks like a scam or an advert.")),
    "spam": Outcome(
        Action.HOLD, 10, message=_("Your post is waiting for a moderator: links and promotion are checked first.")
    ),
    "link:new": Outcome(
        Action.HOLD, 10, message=_("Your post is waiting for a moderator: links from new accounts are checked first.")
    ),
    "link": Outcome(Action.PUBLISH),
    "self_harm_mention": Outcome(Action.WARN, warning="self-harm and suicide"),
    "eating_disorder_recovery": Outcome(Action.WARN, warning="eating disorders"),
    "recovery": Outcome(Action.PUBLISH),
    "truncated": Outcome(
        Action.HOLD, 30, message=_("Your post is waiting for a moderator: it is too long for us to check at once.")
    ),
    "screening_error": Outcome(Action.HOLD, 30, message=_HELD),
    "suspended": Outcome(Action.REJECT, 0, message=_("Your account is suspended, so you can't post right now.")),
    # Staff-edited watched words: the rule's action.
    "watched_word:block": Outcome(
        Action.REJECT, 50, message=_("This can't be posted: it contains words that aren't allowed here.")
    ),
    "watched_word:hold": Outcome(Action.HOLD, 40, message=_HELD),
    "watched_word:flag": Outcome(Action.PUBLISH, 5),
    "watched_word:warn": Outcome(Action.WARN, warning="sensitive content"),
    "watched_word:nudge": Outcome(
        Action.NUDGE, message=_("Before you post: some words here may hurt others. Would you like to change them?")
    ),
    "watched_word:censor": Outcome(Action.PUBLISH),
}
UNKNOWN = Outcome(Action.PUBLISH, 5)  # a label policy has no entry for is shown to moderators, not acted on

# Labels that are how screening reached its decision, not something the content is.
INTERNAL = frozenset({"link", "truncated", "screening_error", "suspended"})


def policy_key(label: Label, *, kind: str, standing: str) -> str:
    """The most specific key of POLICY for a label in this context."""
    name = label.name
    if name == "harassment" and label.score >= SEVERE:
        return "harassment:severe"
    if name == "spam" and label.score >= SCAM:
        return "spam:scam"
    if name == "personal_info" and kind == "profile" and label.score < SOMEONE_ELSES:
        return "personal_info:profile"
    if name == "link" and standing == "new":
        return "link:new"
    if name == "watched_word":
        return f"watched_word:{label.action}"
    return name


def decide(labels: list[Label], *, kind: str, standing: str, text: str, truncated: bool) -> Decision:
    """Combine labels into one Decision by POLICY (see the module docstring)."""
    action, priority, warnings, messages = Action.PUBLISH, 0, {}, {}
    censored = []
    for label in labels:
        outcome = POLICY.get(policy_key(label, kind=kind, standing=standing), UNKNOWN)
        if SEVERITY[outcome.action] > SEVERITY[action]:
            action = outcome.action
        priority = max(priority, outcome.priority)
        if outcome.warning:
            warnings[outcome.warning] = None
        if outcome.message is not None:
            messages.setdefault(outcome.action, outcome.message)
        if label.name == "watched_word" and label.action == "censor" and label.span:
            censored.append(label.span)
    crisis = any(label.name == "crisis" for label in labels)
    if crisis:
        action = Action.HOLD  # never refused: the text is kept and the writer is shown help
        message = POLICY["crisis"].message
    else:
        message = messages.get(action, "")
    shown = tuple(
        Label(name="spam", score=label.score, detector=label.detector, span=label.span)
        if label.name == "link" and standing == "new"
        else label
        for label in labels
        if label.name not in INTERNAL or (label.name == "link" and standing == "new")
    )
    return Decision(
        action=action,
        labels=shown,
        content_warnings=tuple(warnings),
        crisis=crisis,
        priority=priority,
        message=message,
        censored_text=_masked(text, censored) if censored else None,
        truncated=truncated,
    )


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for index in range(start, min(end, len(chars))):
            if not chars[index].isspace():
                chars[index] = "*"
    return "".join(chars)
