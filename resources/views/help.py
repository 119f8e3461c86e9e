"""The Get help now page: the viewer's country, its emergency number, the lines open now, then the rest; and the
page a writer is shown after posting something screening read as a possible crisis."""

import zoneinfo
from urllib.parse import unquote

from django.shortcuts import render
from django.urls import path, reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django_countries import countries

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


def _country_choice(request) -> selectors.CountryChoice:
    return selectors.resolve_country(
        chosen=request.GET.get("country", "")[:10],
        user=request.user,
        accept_language=request.headers.get("Accept-Language", "")[:500],
    )


def safe_next(request) -> str:
    """Where "back to what you were doing" goes: `?next=` when it is a path on this site, else home."""
    target = request.GET.get("next", "")[:2000]
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("home")


def crisis_response(request):
    """Shown, privately, to a writer after posting something screening read as a possible crisis (the post is
    held, never deleted): their post is safe, help open now in their country, and the way back."""
    choice = _country_choice(request)
    next_url = safe_next(request)
    context = {
        "choice": choice,
        "panel": selectors.crisis_panel(country=choice.code, viewer_zone=viewer_zone(request)),
        "next_url": next_url,
        # Kept when the reader changes country, so the way back still leads where they were.
        "next_param": next_url if next_url != reverse("home") else "",
        "covered_countries": selectors.covered_countries(),
        "all_countries": [(country.code, str(country.name)) for country in countries],
    }
    response = render(request, "resources/crisis_response.html", context)
    # Someone else on this device, a shared cache or a search engine must never see that this page was shown.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


urlpatterns = [path("help/after-posting/", crisis_response, name="crisis_response")]
