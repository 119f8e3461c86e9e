"""The Get help now page: the viewer's country, its emergency number, the lines open now, then the rest."""

import zoneinfo
from urllib.parse import unquote

from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from resources import schedule
from resources.selectors import help as selectors


def viewer_zone(request) -> zoneinfo.ZoneInfo | None:
    """The viewer's own zone (their setting, else the one their browser reported), or None if we don't know it."""
    name = request.user.time_zone if request.user.is_authenticated else ""
    # hearten.js writes the cookie URL-encoded ("Europe%2FLondon").
    name = name or unquote(request.COOKIES.get("tz", ""))[:64]
    try:
        return schedule.zone_for(name) if name else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def get_help(request):
    choice = selectors.resolve_country(
        chosen=request.GET.get("country", "")[:10],
        user=request.user,
        accept_language=request.headers.get("Accept-Language", "")[:500],
    )
    page = selectors.help_page(
        viewer=request.user,
        country=choice,
        topic=request.GET.get("topic", "")[:100],
        audience=request.GET.get("audience", "")[:100],
        viewer_zone=viewer_zone(request),
    )
    response = render(request, "resources/help.html", {"page": page})
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


urlpatterns = []
