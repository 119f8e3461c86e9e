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
from .models import ContentWarning

SEVERE = 0.8  # a harassment label this sure (a threat, encouragement to self-harm) is refused, not held


@dataclass(frozen=True, slots=True)
class Outcome:
    action: str
    priority: int = 0
    warning: str | None = None  # the content warning readers see: a ContentWarning code
    message: object = None  # for the writer: a lazy translation, resolved only when shown


_HELD = _("What you wrote is waiting for a moderator before it appears.")
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
        ContentWarning.SUICIDE_SELF_HARM,
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
        Action.HOLD, 50, message=_("What you wrote is waiting for a moderator: please keep it kind to the person.")
    ),
    # Brushing off someone's struggle ("just get over it"): unkind, not abuse; the writer is asked to reconsider.
    "dismissive": Outcome(
        Action.NUDGE,
        message=_(
            "Before you post: this might feel dismissive to someone who is struggling. Could you say it more kindly?"
        ),
    ),
    "sexual": Outcome(Action.REJECT, 60, message=_("This can't be posted here.")),
    "sexual:possible": Outcome(
        Action.HOLD,
        60,
        message=_(
            "Your post is waiting for a moderator: asking someone's age together with pictures, calls or meeting "
            "up is checked first, to keep young people safe."
        ),
    ),
    "eating_disorder_promotion": Outcome(
        Action.HOLD,
        60,
        ContentWarning.EATING_DISORDERS,
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
        Action.HOLD, 10, message=_("What you wrote is waiting for a moderator: links and promotion are checked first.")
    ),
    "link:new": Outcome(
        Action.HOLD,
        10,
        message=_("What you wrote is waiting for a moderator: links from new accounts are checked first."),
    ),
    "link": Outcome(Action.PUBLISH),
    "link:minors": Outcome(
        Action.HOLD,
        10,
        message=_("What you wrote is waiting for a moderator: links in spaces for young people are checked first."),
    ),
    "new_account": Outcome(
        Action.HOLD,
        5,
        message=_(
            "Welcome! A moderator checks new members' first posts before they appear. Thank you for your patience."
        ),
    ),
    "self_harm_mention": Outcome(Action.WARN, warning=ContentWarning.SUICIDE_SELF_HARM),
    "eating_disorder_recovery": Outcome(Action.WARN, warning=ContentWarning.EATING_DISORDERS),
    "recovery": Outcome(Action.PUBLISH),
    "truncated": Outcome(
        Action.HOLD, 30, message=_("What you wrote is waiting for a moderator: it is too long for us to check at once.")
    ),
    "screening_error": Outcome(Action.HOLD, 30, message=_HELD),
    "suspended": Outcome(Action.REJECT, 0, message=_("Your account is suspended, so you can't post right now.")),
    # Staff-edited watched words: the rule's action.
    "watched_word:block": Outcome(
        Action.REJECT, 50, message=_("This can't be posted: it contains words that aren't allowed here.")
    ),
    "watched_word:hold": Outcome(Action.HOLD, 40, message=_HELD),
    "watched_word:flag": Outcome(Action.PUBLISH, 5),
    "watched_word:warn": Outcome(Action.WARN, warning=ContentWarning.SENSITIVE),
    "watched_word:nudge": Outcome(
        Action.NUDGE, message=_("Before you post: some words here may hurt others. Would you like to change them?")
    ),
    "watched_word:censor": Outcome(Action.PUBLISH),
}
UNKNOWN = Outcome(Action.PUBLISH, 5)
# In a space for minors (when the trust settings ask for it), what would go behind a warning waits instead.
MINORS_HOLD = Outcome(
    Action.HOLD,
    20,
    message=_(
        "What you wrote is waiting for a moderator: sensitive topics in spaces for young people are checked first."
    ),
)  # a label policy has no entry for is shown to moderators, not acted on

# Labels that are how screening reached its decision, not something the content is.
INTERNAL = frozenset({"link", "truncated", "screening_error", "suspended"})


def policy_key(
    label: Label, *, kind: str, standing: str, hold_links_from_new: bool = True, for_minors: bool = False
) -> str:
    """The most specific key of POLICY for a label in this context."""
    name = label.name
    if name == "harassment" and label.score >= SEVERE:
        return "harassment:severe"
    if name == "sexual" and label.score < SEVERE:
        return "sexual:possible"
    if name == "spam" and label.score >= SCAM:
        return "spam:scam"
    if name == "personal_info" and kind == "profile" and label.score < SOMEONE_ELSES and not for_minors:
        return "personal_info:profile"
    if name == "link" and for_minors:
        return "link:minors"
    if name == "link" and standing == "new" and hold_links_from_new:
        return "link:new"
    if name == "watched_word":
        return f"watched_word:{label.action}"
    return name


def decide(
    labels: list[Label],
    *,
    kind: str,
    standing: str,
    text: str,
    truncated: bool,
    hold_links_from_new: bool = True,
    for_minors: bool = False,
) -> Decision:
    """Combine labels into one Decision by POLICY (see the module docstring).

    `hold_links_from_new` and `for_minors` come from the trust settings and the space the text is written in:
    in a space for minors, a label that would publish behind a content warning holds the text instead.
    """
    action, priority, warnings, messages = Action.PUBLISH, 0, {}, {}
    censored = []
    links_held = links_for_minors = False  # a new account's link reads as spam; in a minors' space, as a link
    for label in labels:
        key = policy_key(
            label, kind=kind, standing=standing, hold_links_from_new=hold_links_from_new, for_minors=for_minors
        )
        outcome = POLICY.get(key, UNKNOWN)
        links_held = links_held or key == "link:new"
        links_for_minors = links_for_minors or key == "link:minors"
        if for_minors and outcome.action == Action.WARN:
            outcome = Outcome(MINORS_HOLD.action, MINORS_HOLD.priority, outcome.warning, MINORS_HOLD.message)
        if SEVERITY[outcome.action] > SEVERITY[action]:
            action = outcome.action
        priority = max(priority, outcome.priority)
        if outcome.warning:
            warnings[str(outcome.warning)] = None
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
        if label.name == "link" and links_held
        else label
        for label in labels
        if label.name not in INTERNAL or (label.name == "link" and (links_held or links_for_minors))
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
