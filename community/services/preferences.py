"""Each person's preferences (notifications, sensitive topics, wellbeing reminders): read and saved here."""

from __future__ import annotations

from ..models import Preferences


def preferences_for(user) -> Preferences:
    """The person's preferences, made with the defaults the first time they are needed."""
    user_id = getattr(user, "pk", user)
    cached = getattr(user, "_preferences_cache", None) if not isinstance(user, int) else None
    if cached is not None:
        return cached
    preferences, _created = Preferences.objects.get_or_create(user_id=user_id)
    if not isinstance(user, int) and hasattr(user, "__dict__"):
        user._preferences_cache = preferences
    return preferences
