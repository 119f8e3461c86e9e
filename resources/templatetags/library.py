"""Template filters for the resource library pages."""

from django import template
from django.utils.translation import gettext as _
from django_countries import countries

from ..models import WORLDWIDE

register = template.Library()


@register.filter
def area_names(areas) -> str:
    """Countries served, by their everyday names in the reader's language ("United Kingdom", "Worldwide")."""
    names = [_("Worldwide") if area.code == WORLDWIDE else (countries.name(area.code) or area.name) for area in areas]
    return ", ".join(str(name) for name in names)
