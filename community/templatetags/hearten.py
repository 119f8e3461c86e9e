"""Small template filters and tags for community pages."""

from django import template

from moderation.models import warning_labels as _warning_labels

from ..selectors.preferences import wellbeing_reminders as _wellbeing_reminders

register = template.Library()


@register.filter
def warning_labels(codes) -> list[str]:
    """Content-warning codes as their readable, translated names."""
    return _warning_labels(codes)


@register.simple_tag(takes_context=True)
def wellbeing_reminders(context) -> dict:
    """The wellbeing reminders the signed-in viewer turned on ({} for visitors and when none is on):
    {% wellbeing_reminders as reminders %}."""
    request = context.get("request")
    return _wellbeing_reminders(request.user) if request is not None else {}
