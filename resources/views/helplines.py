"""Helpline pages: a helpline's own page, and the publisher pages to add and edit helplines.

The publisher form is one page with the helpline, its channels and each channel's hours (nested formsets, no
JavaScript needed); the view reads the forms, hands everything to the service in one call, and puts the service's
errors back on the field they name.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..models import Helpline, Organisation, OrganisationMember, PublicationStatus, VerificationState
from ..permissions import can_publish_for
from ..selectors import help as help_selectors
from ..services import helplines as services
from .help import viewer_zone
from .helpline_forms import ChannelFormSet, HelplineForm, HoursFormSet, hours_initial


def _helpline_or_404(request, slug) -> Helpline:
    """The helpline if this viewer may see it; 404, not 403, for anyone else, so its existence stays private."""
    helpline = help_selectors.helpline_for_viewer(viewer=request.user, slug=slug)
    if helpline is None:
        raise Http404(_("No helpline at that address."))
    return helpline


def helpline_detail(request, slug):
    helpline = _helpline_or_404(request, slug)
    view = help_selectors.describe_helpline(helpline, at=timezone.now(), viewer_zone=viewer_zone(request))
    return render(
        request,
        "resources/helplines/detail.html",
        {
            "view": view,
            "helpline": helpline,
            "can_edit": can_publish_for(request.user, helpline.organisation),
            "country_name": help_selectors.country_name(helpline.country.code),
        },
    )


def _publishable_organisations(user) -> list[Organisation]:
    verified = Organisation.objects.filter(verification=VerificationState.VERIFIED)
    if not user.is_superuser:
        verified = verified.filter(pk__in=OrganisationMember.objects.filter(user=user).values("organisation_id"))
    return list(verified.order_by("name"))


_HOURS_FIELDS = {"weekday": "days", "opens": "opens", "closes": "closes"}


class _Editor:
    """The helpline form, its channel formset and one hours formset per channel form, bound or not."""

    def __init__(self, request, *, helpline: Helpline | None = None, organisations=None):
        data = request.POST if request.method == "POST" else None
        self.helpline = helpline
        if helpline is None:
            initial = {}
            channels_initial = []
            hours_initials: list[list[dict]] = []
        else:
            initial = {
                "name": helpline.name,
                "description": helpline.description,
                "country": helpline.country.code,
                "region": helpline.region,
                "time_zone": helpline.time_zone,
                "website": helpline.website,
                "source_url": helpline.source_url,
                "languages": ", ".join(language.code for language in helpline.languages.all()),
                "topics": list(helpline.topics.all()),
                "audiences": list(helpline.audiences.all()),
                "is_free": helpline.is_free,
                "is_confidential": helpline.is_confidential,
                "position": helpline.position,
            }
            channels = list(helpline.channels.prefetch_related("hours").order_by("position", "pk"))
            channels_initial = [
                {"id": c.pk, "kind": c.kind, "value": c.value, "label": c.label, "always_open": c.always_open}
                for c in channels
            ]
            hours_initials = [hours_initial(c) for c in channels]
        self.form = HelplineForm(data, initial=initial, organisations=organisations, editing=helpline is not None)
        self.channels = ChannelFormSet(data, initial=channels_initial, prefix="channels")
        self.hours = []
        for index, channel_form in enumerate(self.channels.forms):
            rows = hours_initials[index] if index < len(hours_initials) else []
            self.hours.append(HoursFormSet(data, initial=rows, prefix=f"{channel_form.prefix}-hours"))
        self.errors: list[str] = []

    def is_valid(self) -> bool:
        valid = self.form.is_valid()
        valid = self.channels.is_valid() and valid
        for hours in self.hours:
            valid = hours.is_valid() and valid
        return valid

    def channel_data(self):
        """The channels for the service, and where each of its rows came from (to put errors back)."""
        channels, origins = [], []
        for channel_form, hours in zip(self.channels.forms, self.hours, strict=True):
            cleaned = channel_form.cleaned_data
            if not cleaned or cleaned.get("DELETE"):
                continue
            if not channel_form.has_changed() and not cleaned.get("id") and not any(f.has_changed() for f in hours):
                continue
            rows, row_forms = [], []
            for hours_form in hours.forms:
                row = hours_form.cleaned_data
                if not row or row.get("DELETE") or not row.get("days"):
                    continue  # an untouched blank row, or one marked for removal
                for service_row in hours_form.service_rows():
                    rows.append(service_row)
                    row_forms.append(hours_form)
            channels.append(
                {
                    "id": cleaned.get("id"),
                    "kind": cleaned.get("kind"),
                    "value": cleaned.get("value", ""),
                    "label": cleaned.get("label", ""),
                    "always_open": cleaned.get("always_open", False),
                    "hours": rows,
                }
            )
            origins.append((channel_form, row_forms))
        return channels, origins

    def show_errors(self, error: ValidationError, origins) -> None:
        """Put each service error on the form, channel form or hours row it names ("channels.0.hours.2.closes")."""
        for name, messages_ in error.message_dict.items():
            parts = name.split(".")
            if parts[0] == "channels" and len(parts) >= 3 and parts[1].isdigit() and int(parts[1]) < len(origins):
                channel_form, row_forms = origins[int(parts[1])]
                if parts[2] == "hours" and len(parts) >= 4 and parts[3].isdigit() and int(parts[3]) < len(row_forms):
                    hours_form = row_forms[int(parts[3])]
                    target = _HOURS_FIELDS.get(parts[4]) if len(parts) > 4 else None
                    # A "Monday to Friday" row is five rows to the service: say its problem once.
                    if not hours_form.errors.get(target or "__all__"):
                        hours_form.add_error(target, messages_[0])
                    continue
                target = parts[2] if parts[2] in channel_form.fields and parts[2] != "id" else None
                for message in messages_:
                    channel_form.add_error(target, message)
                continue
            if name in self.form.fields:
                for message in messages_:
                    self.form.add_error(name, message)
            else:
                self.errors.extend(messages_)

    def context(self) -> dict:
        return {
            "form": self.form,
            "channels": self.channels,
            "channel_rows": list(zip(self.channels.forms, self.hours, strict=True)),
            "errors": self.errors,
            "helpline": self.helpline,
        }


@login_required
def create_helpline(request):
    organisations = [org for org in _publishable_organisations(request.user) if can_publish_for(request.user, org)]
    if not organisations:
        raise PermissionDenied(_("Only members of a verified organisation can add helplines."))
    editor = _Editor(request, organisations=organisations)
    if request.method == "POST" and editor.is_valid():
        organisation = next(org for org in organisations if org.slug == editor.form.cleaned_data["organisation"])
        channels, origins = editor.channel_data()
        try:
            helpline = services.create_helpline(
                actor=request.user,
                organisation=organisation,
                data=editor.form.service_data(),
                channels=channels,
                publish="publish" in request.POST,
            )
        except ValidationError as error:
            editor.show_errors(error, origins)
        else:
            if helpline.status == PublicationStatus.PUBLISHED:
                messages.success(request, _("The helpline is published."))
            else:
                messages.success(request, _("The helpline is saved as a draft. Only your organisation can see it."))
            return redirect("resources:helpline_detail", slug=helpline.slug)
    status = 400 if request.method == "POST" else 200
    return render(request, "resources/helplines/form.html", editor.context(), status=status)


@login_required
def edit_helpline(request, slug):
    helpline = _helpline_or_404(request, slug)
    if not can_publish_for(request.user, helpline.organisation):
        raise PermissionDenied(_("Only members of its organisation can change this helpline."))
    editor = _Editor(request, helpline=helpline)
    if request.method == "POST" and editor.is_valid():
        channels, origins = editor.channel_data()
        try:
            helpline = services.update_helpline(
                actor=request.user,
                helpline=helpline,
                data=editor.form.service_data(),
                channels=channels,
                publish="publish" in request.POST,
            )
        except ValidationError as error:
            editor.show_errors(error, origins)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("resources:helpline_detail", slug=helpline.slug)
    status = 400 if request.method == "POST" else 200
    return render(request, "resources/helplines/form.html", editor.context(), status=status)


@login_required
@require_POST
def publish_helpline(request, slug):
    helpline = _helpline_or_404(request, slug)
    try:
        services.publish_helpline(actor=request.user, helpline=helpline)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The helpline is published."))
    return redirect("resources:helpline_detail", slug=helpline.slug)


@login_required
@require_POST
def archive_helpline(request, slug):
    helpline = _helpline_or_404(request, slug)
    services.archive_helpline(actor=request.user, helpline=helpline)
    messages.success(request, _("The helpline is archived. It no longer shows on Hearten."))
    return redirect("resources:helpline_detail", slug=helpline.slug)


urlpatterns = [
    path("helplines/new/", create_helpline, name="helpline_create"),
    path("helplines/<slug:slug>/", helpline_detail, name="helpline_detail"),
    path("helplines/<slug:slug>/edit/", edit_helpline, name="helpline_edit"),
    path("helplines/<slug:slug>/publish/", publish_helpline, name="helpline_publish"),
    path("helplines/<slug:slug>/archive/", archive_helpline, name="helpline_archive"),
]
