import zoneinfo
from urllib.parse import unquote

from django.utils import timezone, translation


def _zone(name: str):
    try:
        return zoneinfo.ZoneInfo(name) if name else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


class ViewerPreferencesMiddleware:
    """Show times in the viewer's zone: their setting, else the zone their browser reported in the `tz` cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        zone = None
        if user.is_authenticated and user.time_zone:
            zone = _zone(user.time_zone)
        zone = zone or _zone(unquote(request.COOKIES.get("tz", "")))  # the browser writes it URL-encoded
        if zone:
            timezone.activate(zone)
        else:
            timezone.deactivate()
        if user.is_authenticated and user.language and translation.check_for_language(user.language):
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)
