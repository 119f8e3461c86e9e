"""How a viewer chose to see sensitive topics, and the wellbeing reminders they turned on.

Sensitive topics are the content-warning codes (moderation.models.ContentWarning). For each one a reader sees
posts shown open ("show"), folded behind their warning ("collapse") or left out of lists ("hide").
Saving them is services/preferences.py's `update_preferences()`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings

from moderation.models import ContentWarning

from ..models import Preferences, SensitiveContent, TopicChoice

TOPICS: tuple[str, ...] = tuple(ContentWarning.values)
STRICTNESS = {TopicChoice.SHOW: 0, TopicChoice.COLLAPSE: 1, TopicChoice.HIDE: 2}
# Under 18: hidden unless the person chose otherwise, and never shown open (folded is as far as they go).
GUARDED_FOR_MINORS = frozenset({ContentWarning.SUICIDE_SELF_HARM, ContentWarning.EATING_DISORDERS})


def saved_preferences(user) -> Preferences:
    """What the person saved, or the defaults (unsaved) if they never did: for reading, so a page that only
    looks never writes. One query per person object, then kept on it (services.preferences keeps it fresh)."""
    cached = getattr(user, "_preferences_cache", None)
    if cached is None:
        cached = Preferences.objects.filter(user_id=user.pk).first() or Preferences(user_id=user.pk)
        user._preferences_cache = cached
    return cached


def default_choice(user, topic: str) -> str:
    """What a topic the person never set follows: for minors, hidden for the guarded topics; else their general
    sensitive-content setting (behind a warning: folded; hide: hidden)."""
    if user.is_minor and topic in GUARDED_FOR_MINORS:
        return TopicChoice.HIDE
    if getattr(user, "sensitive_content", SensitiveContent.WARN) == SensitiveContent.HIDE:
        return TopicChoice.HIDE
    return TopicChoice.COLLAPSE


def allowed_choices(user, topic: str) -> list[str]:
    """The choices the person may make for a topic: under 18, the guarded topics can't be shown open."""
    if user.is_minor and topic in GUARDED_FOR_MINORS:
        return [TopicChoice.COLLAPSE, TopicChoice.HIDE]
    return list(TopicChoice.values)


def topic_choices(viewer) -> dict[str, str]:
    """For each topic, how this viewer sees posts about it: show, collapse or hide.

    Visitors (not signed in) see every topic folded. A member's own choice wins, within what their age allows;
    a topic they never set follows `default_choice`. Reads the preferences once per viewer object."""
    if not getattr(viewer, "is_authenticated", False):
        return dict.fromkeys(TOPICS, TopicChoice.COLLAPSE)
    chosen = saved_preferences(viewer).sensitive_topics
    chosen = chosen if isinstance(chosen, dict) else {}
    choices = {}
    for topic in TOPICS:
        choice = chosen.get(topic)
        if choice not in STRICTNESS:
            choice = default_choice(viewer, topic)
        elif choice not in allowed_choices(viewer, topic):
            choice = TopicChoice.COLLAPSE  # saved by other means (the admin) beyond what the person's age allows
        choices[topic] = choice
    return choices


def hidden_topics(viewer) -> list[str]:
    return [topic for topic, choice in topic_choices(viewer).items() if choice == TopicChoice.HIDE]


def strictest(choices: Iterable[str]) -> str:
    """The strictest of several choices ("show" when there are none)."""
    return max(choices, key=STRICTNESS.__getitem__, default=TopicChoice.SHOW)


def sensitive_choice(warnings: Iterable[str], *, viewer, mine: bool = False) -> str:
    """How the viewer sees writing with these warning codes: the strictest of its topics' choices (a code
    outside the fixed list counts as "sensitive content"; no warning at all is shown). Their own writing is
    never hidden from them, only folded."""
    choices = topic_choices(viewer)
    fallback = choices[ContentWarning.SENSITIVE]
    choice = strictest(choices.get(code, fallback) for code in warnings or ())
    if mine and choice == TopicChoice.HIDE:
        return TopicChoice.COLLAPSE
    return choice


def wellbeing_reminders(viewer) -> dict:
    """The wellbeing reminders a signed-in viewer turned on ({} when none): for the page's data attributes."""
    if not getattr(viewer, "is_authenticated", False):
        return {}
    preferences = saved_preferences(viewer)
    reminders = {}
    if preferences.break_reminder_minutes:
        reminders["break_minutes"] = preferences.break_reminder_minutes
    if preferences.daily_reminder_time is not None:
        reminders["daily_time"] = preferences.daily_reminder_time.strftime("%H:%M")
        if viewer.time_zone:
            reminders["time_zone"] = viewer.time_zone  # else the device's clock
    return reminders


def zone_name(user) -> str:
    """The zone the person's quiet hours and digest hour are read in: their own setting, else the server's."""
    return user.time_zone or settings.TIME_ZONE
