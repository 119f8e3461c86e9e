from django.shortcuts import render

from . import selectors


def get_help(request):
    country = request.user.country.code if request.user.is_authenticated and request.user.country else ""
    return render(request, "resources/help.html", selectors.crisis_lines_for(country=country))
