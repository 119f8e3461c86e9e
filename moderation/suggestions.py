"""Safe-messaging suggestions for a writer: how to share a hard experience in a way that is safe for readers.

Drawn from the Samaritans' media guidelines, Orygen's #chatsafe guidelines for young people and
Recommendations for Reporting on Suicide: leave out methods, don't present suicide as a solution or as
inevitable, say where help is, leave out numbers in eating-disorder talk, warn readers, and keep it kind.

`suggest()` is pure: it reads a Decision from `screen()` and the text, and returns suggestions, most important
first, each code once. It never decides anything: the Decision does.
"""

import re

from django.utils.translation import gettext as _

from .decision import Decision
from .detectors.phrasing import first, phrases
from .models import ContentWarning, warning_labels
from .text import normalise

# Most important first: what could put a reader at risk, then what helps them, then what protects them.
ORDER = (
    "leave_out_method",
    "avoid_solution_framing",
    "add_help",
    "keep_it_kind",
    "leave_out_numbers",
    "add_content_warning",
)

_SUICIDE_TALK = frozenset({"self_harm_mention", "crisis", "method"})
_UNKIND = frozenset({"harassment", "hate", "violence"})

# Framings safe-messaging guidance asks to avoid: suicide as a way out, a relief, inevitable, or beautiful.
# These read as such wherever they appear.
_FRAMING = phrases(
    r"better off dead",
    r"finally (?:at peace|resting|out of (?:pain|(?:his|her|their|my) misery))",
    r"at peace now",
    r"(?:ended|end|ending) (?:his|her|their|my|the|your) (?:pain|suffering)",
    r"(?:beautiful|peaceful|romantic|brave|courageous) (?:death|suicide|way to go|exit|ending)",
)
# Words that frame suicide only when the text talks about it: "a solution to my homework" is fine.
_FRAMING_IN_CONTEXT = phrases(
    r"solution",
    r"(?:a|the|only|easy|easiest|last) (?:way out|escape|option|choice)",
    r"only way out",
    r"escape (?:it all|the pain|everything)",
    r"relief",
    r"inevitable",
    r"(?:meant|bound) to (?:be|happen)",
    r"(?:no|nothing) (?:else|other (?:way|choice|option)) (?:left|to do)?",
    r"finally free",
    r"set (?:him|her|them|me) free",
)
_SUICIDE_WORDS = phrases(
    r"suicide",
    r"suicidal",
    r"kill~(?:ed|ing|s)? (?:him|her|them|my|your)~(?:self|selves)",
    r"(?:took|take|taking|takes) (?:his|her|their|my|your) (?:own )?life",
    r"(?:ended|end|ending) (?:his|her|their|my|your) (?:own )?life",
    r"self~harm",
)

# Where help is: a helpline, our help page, a trusted person. "/help" is looked for in the text as typed.
_HELP = phrases(
    r"help~lines?",
    r"hot~lines?",
    r"crisis (?:line|text line|team|service)",
    r"life~line",
    r"samaritans",
    r"childline",
    r"papyrus",
    r"988",
    r"116 123",
    r"reach(?:ed|ing)? out",
    r"(?:talk|talked|talking|speak|spoke|speaking) to (?:someone|somebody|a (?:friend|doctor|gp|counsell?or|"
    r"therapist|teacher|trusted adult|professional|parent))",
    r"(?:get|getting|find|finding|ask|asking|ask for|asking for) help",
)
_HELP_PAGE = re.compile(r"/help\b", re.IGNORECASE)

# Numbers that invite comparison in eating-disorder talk: weights, calories, sizes, BMI.
_MEASURES = phrases(
    r"[0-9]+(?:[.,][0-9]+)?~(?:kg|kgs|kilos?|lbs?|pounds?|st|stone|cals?|calories|kcal|bmi)",
    r"bmi",
    r"calories",
    r"cals",
    r"kcal",
    r"(?:weigh|weighed|weighing|weight)[a-z]* (?:[a-z]+ )?[0-9]+",
    r"size [0-9]+",
)
_DIGITS = re.compile(r"[0-9]+")


def suggest(decision: Decision, text: str, *, content_warnings=()) -> list[dict]:
    """Safe-messaging suggestions for `text`, screened as `decision`: [{"code": ..., "message": ...}], most
    important first (see ORDER), each code at most once; [] when there is nothing to suggest.

    `content_warnings` are the warnings the writer already chose; a warning the decision carries that the writer
    did not choose is suggested. Messages are translated into the active language.
    """
    names = {label.name for label in decision.labels}
    watched = {label.action for label in decision.labels if label.name == "watched_word"}
    normalised = normalise(text if isinstance(text, str) else "" if text is None else str(text))
    talks_of_suicide = bool(names & _SUICIDE_TALK) or first(_SUICIDE_WORDS, normalised) is not None

    found: dict[str, str] = {}
    if "method" in names:
        found["leave_out_method"] = _(
            "Leave out details of how someone could hurt themselves, such as methods, places or amounts. "
            "Share how you felt and what helped instead."
        )
    if first(_FRAMING, normalised) is not None or (
        talks_of_suicide and first(_FRAMING_IN_CONTEXT, normalised) is not None
    ):
        found["avoid_solution_framing"] = _(
            "Try not to describe suicide as a way out, a relief, or something that was bound to happen. "
            "Someone reading may be struggling too: say that help and hope exist."
        )
    # Someone who may be in crisis is offered help (the preview's `help`), not asked to help their readers.
    if talks_of_suicide and not decision.crisis and not _mentions_help(normalised, text):
        found["add_help"] = _(
            "Add where to find help, like a helpline or our Get help now page (/help/), "
            "so anyone reading who feels the same knows where to turn."
        )
    if names & _UNKIND or "nudge" in watched:
        found["keep_it_kind"] = _(
            "Keep it kind: talk about what happened and how it felt, not about the person. "
            "Words that hurt can stay with someone for a long time."
        )
    if any(name.startswith("eating_disorder") for name in names) and _mentions_measures(normalised, text):
        found["leave_out_numbers"] = _(
            "Leave out numbers like weights, calories, sizes or BMI. They can lead readers to compare "
            "themselves, which can hurt someone who is struggling."
        )
    missing = _missing_warnings(decision.content_warnings, content_warnings)
    if missing:
        found["add_content_warning"] = _(
            "Add a content warning (%(warnings)s) at the start, so readers can choose whether to read on."
        ) % {"warnings": ", ".join(warning_labels(missing))}
    return [{"code": code, "message": found[code]} for code in ORDER if code in found]


def _mentions_help(normalised, text) -> bool:
    return first(_HELP, normalised) is not None or bool(_HELP_PAGE.search(str(text or "")))


def _mentions_measures(normalised, text) -> bool:
    if first(_MEASURES, normalised) is not None:
        return True
    # Leetspeak is undone inside words, so "90lbs" reads "9olbs": read it again with numbers kept apart.
    typed = str(text or "")
    return bool(_DIGITS.search(typed)) and first(_MEASURES, normalise(_DIGITS.sub(r" \g<0> ", typed))) is not None


def _missing_warnings(needed, chosen) -> list[str]:
    """The codes in `needed` the writer has not chosen; they may have sent codes or the readable names."""
    by_name = {str(label).casefold(): code for code, label in ContentWarning.choices}
    have = set()
    for warning in chosen or ():
        key = " ".join(str(warning).split()).casefold()
        have.add(by_name.get(key, key))
    return [warning for warning in needed if warning.casefold() not in have]
