"""The resource list at /resources/: search, filters and facets, and help first when a search suggests crisis."""

from django import forms
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import path
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from ..models import Resource
from ..search import looks_like_crisis
from ..selectors import help as help_selectors
from ..selectors.search import FACETS, MAX_QUERY_LENGTH, area_name, search_resources
from .help import viewer_zone

PAGE_SIZE = 20
MAX_PAGE = 500


class SearchForm(forms.Form):
    """The shape of the input; the selector checks the values (an unknown topic, a bad country code)."""

    q = forms.CharField(
        label=gettext_lazy("Search resources"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": gettext_lazy(
                "Please shorten your search to %(limit_value)d characters or fewer (it has %(show_value)d)."
            ),
            "null_characters_not_allowed": gettext_lazy(
                "Your search contains a hidden control character (NUL) that can't be searched. "
                "Please retype it and try again."
            ),
        },
    )
    kind = forms.CharField(required=False, max_length=40)
    topic = forms.CharField(required=False, max_length=100)
    audience = forms.CharField(required=False, max_length=100)
    language = forms.CharField(required=False, max_length=40)
    country = forms.CharField(required=False, max_length=40)
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            key: gettext_lazy("There is no such page of results: pages are numbered from 1.")
            for key in ("invalid", "min_value", "max_value")
        },
    )

    def clean_page(self):
        return self.cleaned_data.get("page") or 1


def resource_list(request):
    form = SearchForm(request.GET)
    result, status = None, 200
    if form.is_valid():
        filters = {name: form.cleaned_data[name] for name in FACETS}
        page = form.cleaned_data["page"]
        try:
            result = _search(request, form, filters, page)
            last = _last_page(result)
            if page > last:
                # Past the end (an old link, a hand-typed ?page=99): show the last page, not "Nothing found".
                form.cleaned_data["page"] = page = last
                result = _search(request, form, filters, page) if result.total else result
        except ValidationError as error:
            for name, errors in error.error_dict.items():
                form.add_error(name if name in form.fields else None, errors)
    if result is None:
        status = 400
    typed = request.GET.get("q", "").replace("\x00", "")
    # Even a search we refuse (too long, say) may come from someone in crisis: help comes first either way.
    crisis = result.crisis if result else looks_like_crisis(typed)
    selects = _selects(form, result)
    context = {
        "form": form,
        "typed": typed,
        "max_query_length": MAX_QUERY_LENGTH,
        "result": result,
        "crisis": crisis,
        "crisis_panel": _crisis_panel(request) if crisis else None,
        "selects": selects,
        "active_filters": _active_filters(request, selects) if result else [],
        "pages": _pages(request, form, result),
    }
    return render(request, "resources/search/list.html", context, status=status)


def _search(request, form, filters, page):
    return search_resources(
        viewer=request.user,
        query=form.cleaned_data["q"],
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
        **filters,
    )


def _last_page(result) -> int:
    return max(1, min(MAX_PAGE, -(-result.total // PAGE_SIZE)))


def _crisis_panel(request):
    """The Get help page's own short panel for the reader's country: the country chosen here, else the
    member's, else the browser language's; the emergency number, then lines open now, then closed ones."""
    choice = help_selectors.resolve_country(
        chosen=request.GET.get("country", "")[:10],
        user=request.user,
        accept_language=request.headers.get("Accept-Language", "")[:500],
    )
    return help_selectors.crisis_panel(country=choice.code, viewer_zone=viewer_zone(request))


def _selects(form, result) -> list[dict]:
    """One select per facet: its values with their counts; the chosen value stays even when nothing matches."""
    labels = {
        "kind": _("Kind"),
        "topic": _("Topic"),
        "audience": _("For"),
        "language": _("Language"),
        "country": _("Country"),
    }
    chosen = {name: (form.cleaned_data.get(name) or "") if result else form.data.get(name, "") for name in FACETS}
    selects = []
    for name in FACETS:
        options = []
        for value, label, count in result.facets.get(name, []) if result else []:
            indent = "\u2003" * result.topic_depth.get(value, 0) if name == "topic" else ""
            options.append({"value": value, "label": f"{indent}{label}", "count": count})
        selected = str(chosen[name])
        if name == "language":
            selected = selected.lower()
        if name == "country":
            selected = selected.upper()
        if selected and not any(o["value"] == selected for o in options):
            options.append({"value": selected, "label": _option_label(name, selected), "count": None})
        selects.append(
            {
                "name": name,
                "label": labels[name],
                "id": f"filter-{name}",
                "options": options,
                "selected": selected,
                "errors": form.errors.get(name, []),
            }
        )
    return selects


def _option_label(name: str, value: str) -> str:
    if name == "kind":
        return dict(Resource.Kind.choices).get(value, value)
    if name == "language":
        return str(get_language_info(value)["name_translated"]) if value in LANG_INFO else value
    if name == "country":
        return area_name(value)
    return value


def _active_filters(request, selects) -> list[dict]:
    """The filters in use, each with a link that removes it."""
    active = []
    for select in selects:
        if select["selected"]:
            label = next(o["label"] for o in select["options"] if o["value"] == select["selected"])
            params = request.GET.copy()
            params.pop(select["name"], None)
            params.pop("page", None)
            active.append({"label": select["label"], "value": label.strip(), "remove": f"?{params.urlencode()}"})
    return active


def _pages(request, form, result) -> dict:
    if result is None:
        return {}
    page = form.cleaned_data["page"]

    def link(number):
        params = request.GET.copy()
        params["page"] = number
        return f"?{params.urlencode()}"

    last = _last_page(result)
    return {
        "number": page,
        "count": last,
        "previous": link(page - 1) if page > 1 else "",
        "next": link(page + 1) if page < last else "",
        "first_shown": (page - 1) * PAGE_SIZE + 1 if result.resources else 0,
        "last_shown": (page - 1) * PAGE_SIZE + len(result.resources),
    }


urlpatterns = [path("resources/", resource_list, name="list")]
