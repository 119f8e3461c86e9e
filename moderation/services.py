"""Every write of the moderation app, and `screen()`, the one door every piece of user writing passes.

`screen()` is pure: it reads the text, the writer's standing and the compiled watched-word rules, and
returns a Decision; it writes nothing and calls no network. The caller persists the decision.
"""

import csv
import dataclasses
import io
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import registry, signals, trust
from .decision import SEVERITY, Action, Decision, Label
from .detectors.eating_disorder import EatingDisorder
from .detectors.harassment import Harassment
from .detectors.personal_info import PersonalInfo
from .detectors.self_harm import SelfHarm
from .detectors.sexual import Sexual
from .detectors.spam import PROMOTION as REPEATED
from .detectors.spam import Spam
from .detectors.watched_words import WatchedWords, invalidate
from .models import AuditEntry, Kind, Rule, TrustSettings, Visibility
from .policy import decide
from .text import normalise

logger = logging.getLogger(__name__)

RULE_FIELDS = ("pattern", "pattern_type", "action", "kinds", "enabled", "notes")
CSV_COLUMNS = RULE_FIELDS
TRUST_FIELDS = (
    "new_account_days",
    "new_account_posts",
    "new_account_message_days",
    "hold_links_from_new",
    "premoderate_new_posts",
    "stricter_for_minors",
    "trusted_roles",
)
TRUSTABLE_ROLES = ("creator", "expert", "organisation_member", "moderator")
MAX_CSV_ROWS = 5000
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet would run as a formula


# Screening

MAX_SCREENED_CHARS = 20_000  # longer texts are screened this far, and held (see Decision.truncated)
MAX_SEARCH_CHARS = 5000
KINDS = frozenset(Kind.values)
STANDINGS = trust.STANDINGS
DETECTORS = (SelfHarm(), Harassment(), Sexual(), EatingDisorder(), Spam(), PersonalInfo(), WatchedWords())
_SELF_HARM = DETECTORS[0]


def screen(*, text, kind: str, author, context: dict | None = None) -> Decision:
    """Decide what happens to `text`, a piece of writing of `kind` by `author`, before it is saved.

    `author` is a user, None (unknown: treated as new), or one of STANDINGS. `context` says where the text
    appears: `{"for_minors": True}` in a space for under-18s (stricter when the trust settings say so), and
    `{"replacing": obj}` when the text is a new version of a registered item (its stored copy is not a repeat).
    Reads the trust settings, the rules and (for a user) their standing; writes nothing.
    Never raises on any string (a detector that fails holds the text instead); raises ValueError only for
    a `kind` that is not one of Kind.values, which is a programming error of the caller.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown kind {kind!r}: expected one of {', '.join(sorted(KINDS))}")
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    context = context or {}
    truncated = len(text) > MAX_SCREENED_CHARS
    read = text[:MAX_SCREENED_CHARS]
    settings_now = trust.settings()
    standing = trust.standing(author, settings_now)
    labels: list[Label] = []
    if standing == "suspended":
        labels.append(Label(name="suspended", score=1.0, detector="standing"))
    if standing == "new" and settings_now.premoderate_new_posts and kind != Kind.PROFILE:
        labels.append(Label(name="new_account", score=1.0, detector="standing"))
    if truncated:
        labels.append(Label(name="truncated", score=1.0, detector="screen"))
    normalised = normalise(read)
    for detector in DETECTORS:
        try:
            labels.extend(detector.detect(normalised, kind))
        except Exception:  # fail closed: a broken detector holds the text, it never publishes it unread
            logger.exception("Detector %s failed; the text is held", getattr(detector, "name", detector))
            labels.append(Label(name="screening_error", score=1.0, detector=getattr(detector, "name", "?")))
    if kind != Kind.PROFILE and trust.repeats_recent_post(author, normalised.text, replacing=context.get("replacing")):
        labels.append(Label(name="spam", score=REPEATED, detector="repeated"))
    decision = decide(
        labels,
        kind=kind,
        standing=standing,
        text=text,
        truncated=truncated,
        hold_links_from_new=settings_now.hold_links_from_new,
        for_minors=bool(context.get("for_minors")) and settings_now.stricter_for_minors,
    )
    return dataclasses.replace(decision, screened=(text,))


def is_crisis_search(query: str) -> bool:
    """Whether a library search suggests the reader may be in crisis: the self-harm detector's vocabulary."""
    labels = _SELF_HARM.detect(normalise(str(query or "")[:MAX_SEARCH_CHARS]), "search")
    return any(label.name in ("crisis", "method") for label in labels)


def reads_as_crisis(text) -> bool:
    """Whether a text suggests its writer may be at risk now, for paths that refuse it before screening (too
    long, comments closed): they show help with the refusal. Never raises."""
    try:
        labels = _SELF_HARM.detect(normalise(str(text or "")[:MAX_SCREENED_CHARS]), Kind.STORY)
    except Exception:
        logger.exception("Crisis check failed")
        return False
    return any(label.name == "crisis" for label in labels)


def merge_decisions(decisions) -> Decision:
    """One Decision for several texts screened apart (a profile's name, pronouns and bio): the firmest wins."""
    decisions = list(decisions)
    if not decisions:
        return Decision(action=Action.PUBLISH)
    firmest = max(decisions, key=lambda decision: (decision.crisis, SEVERITY[decision.action], decision.priority))
    return Decision(
        action=firmest.action,
        labels=tuple(label for decision in decisions for label in decision.labels),
        content_warnings=tuple(dict.fromkeys(w for decision in decisions for w in decision.content_warnings)),
        crisis=any(decision.crisis for decision in decisions),
        priority=max(decision.priority for decision in decisions),
        message=firmest.message,
        censored_text=None,
        truncated=any(decision.truncated for decision in decisions),
        screened=tuple(text for decision in decisions for text in decision.screened),
    )


def record_screening(obj, decision: Decision, *, confirmed: bool = False):
    """Put a decision on a registered, unsaved-or-changed instance; the caller saves it (in its transaction).

    Sets visibility, content warnings, labels and when/why it was held, and marks the text now on `obj` as
    screened so the registry's write guard lets it be saved. A `reject` is never recorded (the caller must not
    save); a `nudge` only once the writer `confirmed` they want to post anyway (it then publishes, flagged for
    moderators by its labels). Writing that a moderator had hidden or removed goes back to review, not live.
    """
    if decision.action == Action.REJECT:
        raise ValueError("A rejected text is not saved: show decision.message to the writer instead")
    if decision.action == Action.NUDGE and not confirmed:
        raise ValueError("A nudged text is saved only once the writer confirms")
    unread = [name for name, value in registry.text_values(obj).items() if value and not _was_read(value, decision)]
    if unread:
        raise registry.UnscreenedWrite(
            f"{type(obj)._meta.label_lower}: {', '.join(unread)} not read by the screen() that made this decision"
        )
    now = timezone.now()
    hidden_by_moderator = obj.pk is not None and (
        obj.visibility in (Visibility.HIDDEN, Visibility.REMOVED) or moderator_hid(obj)
    )
    obj.content_warnings = list(decision.content_warnings)
    obj.screening_labels = [
        {"name": label.name, "score": round(label.score, 3), "detector": label.detector, "rule_id": label.rule_id}
        for label in decision.labels
    ]
    obj.screened_at = now
    if decision.action == Action.HOLD or hidden_by_moderator:
        obj.visibility = Visibility.HELD
        obj.held_reason = (
            str(decision.message) if decision.action == Action.HOLD else _("Edited after a moderator hid it.")
        )[:500]
        obj.held_at = now
    else:
        obj.visibility = Visibility.PUBLISHED
        obj.held_reason = ""
        obj.held_at = None
    registry.remember_screened_text(obj)
    return obj


def moderator_hid(obj) -> bool:
    """Whether a moderator's last word on this item was to hide it (not restore it): an edit then waits for a
    moderator however many times it is edited, not only the first."""
    last = (
        AuditEntry.objects.filter(
            target_type=obj._meta.label_lower,
            target_id=str(obj.pk),
            action__in=["content.hide", "content.restore"],
        )
        .order_by("-created_at", "-pk")
        .values_list("action", flat=True)
        .first()
    )
    return last == "content.hide"


def _was_read(value: str, decision: Decision) -> bool:
    return any(value in text for text in decision.screened)


# Acting on content (the moderation workflow builds on these)


def can_moderate(actor) -> bool:
    return bool(
        actor is not None and actor.is_active and actor.is_staff and actor.has_perm("community.moderate_content")
    )


def hide_content(*, actor, obj, reason: str):
    """Hide registered content from everyone but its writer and moderators; restorable; audited."""
    if not can_moderate(actor):
        raise PermissionDenied(_("Only moderators can hide content."))
    before = obj.visibility
    with transaction.atomic():
        registry.hide(obj, reason=reason)
        audit(
            actor=actor,
            action="content.hide",
            target=obj,
            summary=_("Hidden: %(reason)s") % {"reason": reason},
            changes={"visibility": [before, obj.visibility]},
        )
        signals.content_decided.send(type(obj), obj=obj, action="hide", actor=actor, reason=reason, before=before)
    return obj


def restore_content(*, actor, obj):
    """Publish hidden, held or removed content again; audited."""
    if not can_moderate(actor):
        raise PermissionDenied(_("Only moderators can restore content."))
    before = obj.visibility
    with transaction.atomic():
        registry.restore(obj)
        audit(
            actor=actor,
            action="content.restore",
            target=obj,
            summary=_("Published again"),
            changes={"visibility": [before, obj.visibility]},
        )
        signals.content_decided.send(type(obj), obj=obj, action="restore", actor=actor, reason="", before=before)
    return obj


# Trust settings and the audit log


def save_trust_settings(*, actor, data: dict) -> TrustSettings:
    """Change the trust settings (one row); every change is audited."""
    if not (actor is not None and actor.is_active and actor.has_perm("moderation.change_trustsettings")):
        raise PermissionDenied(_("Only staff admins can change the trust settings."))
    row = TrustSettings.objects.filter(pk=1).first() or TrustSettings(pk=1)
    before = {field: getattr(row, field) for field in TRUST_FIELDS}
    for field in TRUST_FIELDS:
        if field in data:
            setattr(row, field, data[field])
    unknown_roles = [role for role in row.trusted_roles or [] if role not in TRUSTABLE_ROLES]
    if unknown_roles:
        raise ValidationError({"trusted_roles": _("Choose among: %(roles)s.") % {"roles": ", ".join(TRUSTABLE_ROLES)}})
    row.updated_by = actor
    row.full_clean(exclude=["updated_by"])
    changes = {
        field: [before[field], getattr(row, field)] for field in TRUST_FIELDS if before[field] != getattr(row, field)
    }
    with transaction.atomic():
        row.save()
        if changes:
            audit(actor=actor, action="trust.change", target=row, summary=_("Trust settings changed"), changes=changes)
    trust.invalidate()
    return row


def audit(*, actor, action: str, target, summary: str, changes: dict | None = None) -> AuditEntry:
    """Append one entry to the audit log (inside the caller's transaction, so it lands with the change)."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk or ""),
        summary=str(summary)[:300],
        changes=_json_ready(changes or {}),
    )


def _json_ready(value):
    if isinstance(value, dict):
        return {str(key): _json_ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


# Watched-word rules


def _require_staff(actor) -> None:
    if not (actor is not None and actor.is_active and actor.is_staff):
        raise PermissionDenied(_("Only staff can change watched-word rules."))


def save_rule(*, actor, data: dict, rule: Rule | None = None) -> Rule:
    """Create a rule (or change `rule`) from `data`; the pattern is checked, regexes for bounded time."""
    _require_staff(actor)
    rule = rule if rule is not None else Rule(created_by=actor)
    before = _rule_values(Rule.objects.get(pk=rule.pk)) if rule.pk else {}
    for field in RULE_FIELDS:
        if field in data:
            setattr(rule, field, data[field])
    if rule.kinds is None:
        rule.kinds = []
    rule.full_clean(exclude=["created_by"])
    with transaction.atomic():
        rule.save()
        _audit_rule(actor, rule, before, "rule.change" if before else "rule.create")
    invalidate()
    logger.info("Rule %s saved by %s", rule.pk, actor.pk)
    return rule


def delete_rule(*, actor, rule: Rule) -> None:
    _require_staff(actor)
    pk = rule.pk
    with transaction.atomic():
        audit(
            actor=actor,
            action="rule.delete",
            target=rule,
            summary=_("Rule deleted: %(rule)s") % {"rule": rule},
            changes={field: [value, None] for field, value in _rule_values(rule).items()},
        )
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
    before_import = {rule.pk: _rule_values(rule) for rule in existing.values()}
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
            before = before_import.get(rule.pk, {})
            rule.save()
            _audit_rule(actor, rule, before, "rule.import")
    invalidate()
    logger.info("%d rules imported by %s", len(rules), actor.pk)
    return len(rules)


def _rule_values(rule: Rule) -> dict:
    return {field: getattr(rule, field) for field in RULE_FIELDS}


def _audit_rule(actor, rule: Rule, before: dict, action: str) -> None:
    after = _rule_values(rule)
    changes = {field: [before.get(field), value] for field, value in after.items() if before.get(field) != value}
    if before and not changes:
        return
    summaries = {
        "rule.create": _("Rule added: %(rule)s"),
        "rule.change": _("Rule changed: %(rule)s"),
        "rule.import": _("Rule imported from CSV: %(rule)s"),
    }
    audit(actor=actor, action=action, target=rule, summary=summaries[action] % {"rule": rule}, changes=changes)


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
