from django.shortcuts import render
from django.utils.translation.trans_real import parse_accept_lang_header

from resources.selectors import help as selectors


def _viewer_country(request) -> str:
    """The country to show first: chosen on the page, else the member's setting, else the browser's language region."""
    chosen = request.GET.get("country", "").upper()
    if chosen:
        return chosen
    if request.user.is_authenticated and request.user.country:
        return request.user.country.code
    for language, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        _, _, region = language.partition("-")
        if len(region) == 2:
            return region.upper()
    return ""


def get_help(request):
    return render(request, "resources/help.html", selectors.crisis_lines_for(country=_viewer_country(request)))


urlpatterns = []
