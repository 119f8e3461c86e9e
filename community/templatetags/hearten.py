"""Small template filters for community pages."""

from django import template

from moderation.models import warning_labels as _warning_labels

register = template.Library()


@register.filter
def warning_labels(codes) -> list[str]:
    """Content-warning codes as their readable, translated names."""
    return _warning_labels(codes)
