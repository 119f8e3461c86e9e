"""Every write of the moderation app, and `screen()`, the one door every piece of user writing passes.

`screen()` is pure: it reads the text, the writer's standing and the compiled watched-word rules, and
returns a Decision; it writes nothing and calls no network. The caller persists the decision.
"""

import csv
import io
import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .decision import Decision, Label
from .detectors.eating_disorder import EatingDisorder
from .detectors.harassment import Harassment
from .detectors.personal_info import PersonalInfo
from .detectors.self_harm import SelfHarm
from .detectors.spam import Spam
from .detectors.watched_words import WatchedWords, invalidate
from .models import Kind, Rule
from .policy import decide
from .text import normalise

logger = logging.getLogger(__name__)

RULE_FIELDS = ("pattern", "pattern_type", "action", "kinds", "enabled", "notes")
CSV_COLUMNS = RULE_FIELDS
MAX_CSV_ROWS = 5000
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet would run as a formula


# Screening

MAX_SCREENED_CHARS = 20_000  # longer texts are screened this far, and held (see Decision.truncated)
MAX_SEARCH_CHARS = 5000
KINDS = frozenset(Kind.values)
STANDINGS = ("new", "member", "trusted")
DETECTORS = (SelfHarm(), Harassment(), EatingDisorder(), Spam(), PersonalInfo(), WatchedWords())
_SELF_HARM = DETECTORS[0]


def screen(*, text, kind: str, author, context: dict | None = None) -> Decision:
    """Decide what happens to `text`, a piece of writing of `kind` by `author`, before it is saved.

    `author` is a user, None (unknown: treated as new), or one of STANDINGS. `context` is reserved for
    where the text appears (a space for minors, the thread); it does not change the decision yet.
    Never raises on any string (a detector that fails holds the text instead); raises ValueError only for
    a `kind` that is not one of Kind.values, which is a programming error of the caller.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown kind {kind!r}: expected one of {', '.join(sorted(KINDS))}")
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    truncated = len(text) > MAX_SCREENED_CHARS
    read = text[:MAX_SCREENED_CHARS]
    standing = author_standing(author)
    labels: list[Label] = []
    if standing == "suspended":
        labels.append(Label(name="suspended", score=1.0, detector="standing"))
    if truncated:
        labels.append(Label(name="truncated", score=1.0, detector="screen"))
    normalised = normalise(read)
    for detector in DETECTORS:
        try:
            labels.extend(detector.detect(normalised, kind))
        except Exception:  # fail closed: a broken detector holds the text, it never publishes it unread
            logger.exception("Detector %s failed; the text is held", getattr(detector, "name", detector))
            labels.append(Label(name="screening_error", score=1.0, detector=getattr(detector, "name", "?")))
    return decide(labels, kind=kind, standing=standing, text=text, truncated=truncated)


def is_crisis_search(query: str) -> bool:
    """Whether a library search suggests the reader may be in crisis: the self-harm detector's vocabulary."""
    labels = _SELF_HARM.detect(normalise(str(query or "")[:MAX_SEARCH_CHARS]), "search")
    return any(label.name in ("crisis", "method") for label in labels)


def author_standing(author) -> str:
    """ "suspended", "new", "member" or "trusted" for a user, a standing string, or None (new)."""
    if author is None:
        return "new"
    if isinstance(author, str):
        return author if author in STANDINGS else "new"
    if not getattr(author, "is_active", True):
        return "suspended"
    if getattr(author, "is_staff", False):
        return "trusted"
    joined = getattr(author, "date_joined", None)
    days = getattr(settings, "MODERATION_NEW_ACCOUNT_DAYS", 7)
    if joined is not None and timezone.now() - joined < timedelta(days=days):
        return "new"
    return "member"


# Watched-word rules


def _require_staff(actor) -> None:
    if not (actor is not None and actor.is_active and actor.is_staff):
        raise PermissionDenied(_("Only staff can change watched-word rules."))


def save_rule(*, actor, data: dict, rule: Rule | None = None) -> Rule:
    """Create a rule (or change `rule`) from `data`; the pattern is checked, regexes for bounded time."""
    _require_staff(actor)
    rule = rule if rule is not None else Rule(created_by=actor)
    for field in RULE_FIELDS:
        if field in data:
            setattr(rule, field, data[field])
    if rule.kinds is None:
        rule.kinds = []
    rule.full_clean(exclude=["created_by"])
    with transaction.atomic():
        rule.save()
    invalidate()
    logger.info("Rule %s saved by %s", rule.pk, actor.pk)
    return rule


def delete_rule(*, actor, rule: Rule) -> None:
    _require_staff(actor)
    pk = rule.pk
    with transaction.atomic():
        rule.delete()
    invalidate()
    logger.info("Rule %s deleted by %s", pk, actor.pk)


def export_rules_csv() -> str:
    """All rules as CSV with the columns of CSV_COLUMNS; kinds separated by spaces."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for rule in Rule.objects.order_by("pk"):
        writer.writerow(
            [
                _cell(rule.pattern),
                rule.pattern_type,
                rule.action,
                " ".join(rule.kinds or []),
                "yes" if rule.enabled else "no",
                _cell(rule.notes),
            ]
        )
    return out.getvalue()


def import_rules_csv(*, actor, file) -> int:
    """Create or update (by pattern and type) one rule per CSV row; all rows or none.

    Raises ValidationError listing every problem as "Line N: ..." (N counts the header as line 1).
    """
    _require_staff(actor)
    raw = file.read() if hasattr(file, "read") else file
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(_("The file is not UTF-8 text.")) from None
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in ("pattern", "action") if name not in header]
    if missing:
        raise ValidationError(_("Line 1: missing column(s): %(columns)s.") % {"columns": ", ".join(missing)})
    reader.fieldnames = header

    errors: list[str] = []
    rules: list[Rule] = []
    seen: dict[tuple[str, str], int] = {}
    existing = {(rule.pattern, rule.pattern_type): rule for rule in Rule.objects.all()}
    for row in reader:
        line = reader.line_num
        if len(rules) + len(errors) >= MAX_CSV_ROWS:
            errors.append(_("Line %(line)d: more than %(max)d rows.") % {"line": line, "max": MAX_CSV_ROWS})
            break
        if None in row:
            errors.append(_("Line %(line)d: more cells than columns.") % {"line": line})
            continue
        data, problem = _row_data(row)
        if problem:
            errors.append(_("Line %(line)d: %(problem)s") % {"line": line, "problem": problem})
            continue
        key = (data["pattern"], data["pattern_type"])
        if key in seen:
            errors.append(_("Line %(line)d: the same pattern as line %(first)d.") % {"line": line, "first": seen[key]})
            continue
        seen[key] = line
        rule = existing.get(key) or Rule(created_by=actor)
        for field, value in data.items():
            setattr(rule, field, value)
        try:
            rule.full_clean(exclude=["created_by"])
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors.extend(
                    _("Line %(line)d: %(field)s: %(message)s") % {"line": line, "field": field, "message": message}
                    for message in messages
                )
            continue
        rules.append(rule)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for rule in rules:
            rule.save()
    invalidate()
    logger.info("%d rules imported by %s", len(rules), actor.pk)
    return len(rules)


def _row_data(row: dict) -> tuple[dict, str | None]:
    def cell(name, default=""):
        return (row.get(name) or default).strip()

    enabled = cell("enabled", "yes").lower()
    if enabled not in {"yes", "no", "true", "false", "1", "0", "y", "n"}:
        return {}, _("enabled must be yes or no, not %(value)r.") % {"value": enabled}
    kinds = [kind for kind in cell("kinds").replace(",", " ").replace(";", " ").lower().split() if kind]
    unknown = [kind for kind in kinds if kind not in Kind.values]
    if unknown:
        return {}, _("unknown kind(s): %(kinds)s.") % {"kinds": ", ".join(unknown)}
    return {
        "pattern": _uncell(cell("pattern")),
        "pattern_type": cell("pattern_type", Rule.PatternType.WORD).lower(),
        "action": cell("action").lower(),
        "kinds": kinds,
        "enabled": enabled in {"yes", "true", "1", "y"},
        "notes": _uncell(cell("notes")),
    }, None


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _uncell(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:2] and value[1:].startswith(_FORMULA_STARTS) else value
