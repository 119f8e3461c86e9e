"""Each person's preferences (notifications, sensitive topics, wellbeing reminders): read and saved here.

How they are read (a viewer's choice per sensitive topic) is in selectors/preferences.py;
`update_preferences()` is the one way to change any of them: the settings page and the API both call it.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from moderation.models import ContentWarning

from ..models import EmailMode, Notification, Preferences
from ..permissions import can_edit_profile
from ..selectors.preferences import STRICTNESS, TOPICS, allowed_choices

PREFERENCE_FIELDS = (
    "email_mode",
    "muted_kinds",
    "quiet_start",
    "quiet_end",
    "digest_hour",
    "sensitive_topics",
    "break_reminder_minutes",
    "daily_reminder_time",
)
BREAK_MINUTES = (5, 240)


def preferences_for(user) -> Preferences:
    """The person's preferences, made with the defaults the first time they are needed."""
    user_id = getattr(user, "pk", user)
    cached = getattr(user, "_preferences_cache", None) if not isinstance(user, int) else None
    if cached is not None and cached.pk is not None:
        return cached
    preferences, _created = Preferences.objects.get_or_create(user_id=user_id)
    if not isinstance(user, int) and hasattr(user, "__dict__"):
        user._preferences_cache = preferences
    return preferences


# Saving


def _time_or_none(name: str, value, errors: dict):
    if value is None or isinstance(value, datetime.time):
        return value
    if isinstance(value, str):
        try:
            return datetime.time.fromisoformat(value.strip()) if value.strip() else None
        except ValueError:
            pass
    errors[name] = _("Enter a time such as 21:30, or leave it empty.")
    return None


def _whole_number(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _clean_topics(user, value, current: dict, errors: dict) -> dict:
    """The saved topics with `value` merged in ({topic: show|collapse|hide, or None to follow the default})."""
    if not isinstance(value, dict):
        errors["sensitive_topics"] = _('Give a choice for each topic, such as {"grief": "collapse"}.')
        return current
    merged = {topic: choice for topic, choice in current.items() if topic in TOPICS}
    for topic, choice in value.items():
        name = f"sensitive_topics.{topic}"
        if topic not in TOPICS:
            errors[name] = _("There is no topic called “%(topic)s”. Topics: %(topics)s.") % {
                "topic": topic,
                "topics": ", ".join(TOPICS),
            }
        elif choice is None or choice == "":
            merged.pop(topic, None)
        elif choice not in STRICTNESS:
            errors[name] = _("Choose show, collapse or hide.")
        elif choice not in allowed_choices(user, topic):
            errors[name] = _(
                "Under 18, posts about %(topic)s can be folded behind their warning or hidden, but not shown open."
            ) % {"topic": ContentWarning(topic).label.lower()}
        else:
            merged[topic] = choice
    return merged


def _clean(user, data: dict, preferences: Preferences) -> dict:
    """The new values of the fields in `data`, checked; raises ValidationError naming each wrong field."""
    errors: dict[str, str] = {}
    unknown = set(data) - set(PREFERENCE_FIELDS)
    for name in sorted(unknown):
        errors[name] = _("This setting does not exist.")
    values = {}
    if "email_mode" in data:
        if data["email_mode"] not in EmailMode.values:
            errors["email_mode"] = _("Choose one of: %(choices)s.") % {"choices": ", ".join(EmailMode.values)}
        values["email_mode"] = data["email_mode"]
    if "muted_kinds" in data:
        from .notifications import MUTABLE_KINDS  # noqa: PLC0415 (notifications imports this module)

        kinds = data["muted_kinds"]
        if not isinstance(kinds, list | tuple) or any(kind not in Notification.Kind.values for kind in kinds):
            errors["muted_kinds"] = _("Choose among: %(choices)s.") % {"choices": ", ".join(MUTABLE_KINDS)}
        else:
            # Decisions about one's own content and the outcomes of one's reports are always told: asking to
            # turn them off (as a list saved before they could not be) keeps them on, without an error.
            values["muted_kinds"] = [kind for kind in MUTABLE_KINDS if kind in kinds]
    for name in ("quiet_start", "quiet_end", "daily_reminder_time"):
        if name in data:
            values[name] = _time_or_none(name, data[name], errors)
    if "digest_hour" in data:
        hour = _whole_number(data["digest_hour"])
        if hour is None or not 0 <= hour <= 23:
            errors["digest_hour"] = _("Choose an hour from 0 to 23.")
        values["digest_hour"] = hour
    if "break_reminder_minutes" in data:
        raw = data["break_reminder_minutes"]
        minutes = None if raw is None or raw == "" else _whole_number(raw)
        low, high = BREAK_MINUTES
        if (raw is not None and raw != "") and (minutes is None or not low <= minutes <= high):
            errors["break_reminder_minutes"] = _("Choose from %(low)s to %(high)s minutes, or leave it empty.") % {
                "low": low,
                "high": high,
            }
        values["break_reminder_minutes"] = minutes
    if "sensitive_topics" in data:
        current = preferences.sensitive_topics if isinstance(preferences.sensitive_topics, dict) else {}
        values["sensitive_topics"] = _clean_topics(user, data["sensitive_topics"], current, errors)
    start = values.get("quiet_start", preferences.quiet_start)
    end = values.get("quiet_end", preferences.quiet_end)
    if not {"quiet_start", "quiet_end"} & errors.keys():
        if (start is None) != (end is None):
            missing = "quiet_end" if end is None else "quiet_start"
            errors[missing] = _("Quiet hours need both a start and an end (or neither, for none).")
        elif start is not None and start == end:
            errors["quiet_end"] = _("Quiet hours must end at a different time than they start.")
    if errors:
        raise ValidationError(errors)
    return values


@transaction.atomic
def update_preferences(*, actor, user, data: dict) -> Preferences:
    """Change some of the person's preferences (only the fields in `data`).

    `sensitive_topics` merges into what is saved: {topic: "show" | "collapse" | "hide"}, or None to go back to
    the default. Times may be `datetime.time` or "HH:MM"; empty means none. Each wrong value raises a
    ValidationError that names its field ("sensitive_topics.grief" for one topic); nothing is saved then."""
    if not can_edit_profile(actor, user):
        raise PermissionDenied(_("You can only change your own preferences."))
    Preferences.objects.get_or_create(user_id=user.pk)  # the row exists, so it can be locked
    preferences = Preferences.objects.select_for_update().get(user_id=user.pk)
    values = _clean(user, data, preferences)
    for name, value in values.items():
        setattr(preferences, name, value)
    if values:
        preferences.save(update_fields=list(values))
    user._preferences_cache = preferences
    return preferences
