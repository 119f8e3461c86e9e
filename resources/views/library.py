"""Resource, topic and organisation pages, and registering an organisation."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from ..selectors import help as help_selectors
from ..selectors import library as selectors
from ..services import organisations as organisation_services
from .help import viewer_zone


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the named field when the form has it."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class OrganisationForm(forms.Form):
    """The shape of the input only; the service checks the rules and says what is wrong."""

    name = forms.CharField(
        label=gettext_lazy("Name of the organisation"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": 150, "autocomplete": "organization"}),
    )
    description = forms.CharField(
        label=gettext_lazy("What you do"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("A few sentences for your public page: who you help and how."),
    )
    website = forms.CharField(
        label=gettext_lazy("Website"),
        required=False,
        widget=forms.URLInput(attrs={"placeholder": "https://", "autocomplete": "url"}),
    )
    email = forms.CharField(
        label=gettext_lazy("Public email"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=gettext_lazy("Shown on your page. Staff may also use it to check who you are."),
    )
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)
    registration_number = forms.CharField(
        label=gettext_lazy("Charity or company number"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": 60}),
        help_text=gettext_lazy("Helps our staff verify you quickly."),
    )
    logo = forms.FileField(
        label=gettext_lazy("Logo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
        help_text=gettext_lazy("Optional. A JPEG, PNG, WebP or GIF picture up to 8 MB."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—")] + list(countries)


def resource_detail(request, slug):
    view = selectors.resource_for_viewer(viewer=request.user, slug=slug)
    if view is None:
        raise Http404(_("No resource here."))
    return render(request, "resources/library/resource_detail.html", {"view": view})


def topic_index(request):
    return render(request, "resources/library/topic_index.html", {"tree": selectors.topic_tree()})


def topic_detail(request, slug):
    country = help_selectors.resolve_country(
        user=request.user, accept_language=request.headers.get("Accept-Language", "")[:500]
    )
    page = selectors.topic_page(
        viewer=request.user,
        slug=slug,
        page_number=request.GET.get("page", 1),
        country=country.code,
        at=timezone.now(),
        viewer_zone=viewer_zone(request),
    )
    if page is None:
        raise Http404(_("No topic here."))
    return render(request, "resources/library/topic_detail.html", {"topic_page": page, "topic": page.topic})


def organisation_detail(request, slug):
    page = selectors.organisation_page(
        viewer=request.user, slug=slug, at=timezone.now(), viewer_zone=viewer_zone(request)
    )
    if page is None:
        raise Http404(_("No organisation here."))
    return render(request, "resources/library/organisation_detail.html", {"org_page": page})


@login_required
def register_organisation(request):
    form = OrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = organisation_services.register_organisation(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "%(name)s is registered. Hearten staff will check it, usually within a few working days; "
                    "you can publish once it is verified."
                )
                % {"name": organisation.name},
            )
            return redirect("resources:organisation_detail", slug=organisation.slug)
    return render(
        request, "resources/library/organisation_register.html", {"form": form}, status=400 if form.errors else 200
    )


urlpatterns = [
    path("resources/<slug:slug>/", resource_detail, name="resource_detail"),
    path("topics/", topic_index, name="topic_index"),
    path("topics/<slug:slug>/", topic_detail, name="topic_detail"),
    path("organisations/new/", register_organisation, name="organisation_register"),
    path("organisations/<slug:slug>/", organisation_detail, name="organisation_detail"),
]
