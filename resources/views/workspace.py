"""The publisher workspace: organisation members create, preview, publish, archive and review resources.

Views parse the form and call a service; a mistake re-shows the form with the person's text and the errors.
"""

import re

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ..models import Audience, Organisation, OrganisationMember, Resource, Topic
from ..permissions import can_manage_organisation, can_publish_for
from ..selectors import library as selectors
from ..selectors.topics import TopicTree
from ..services import library as services
from ..services import organisations as organisation_services
from .library import add_service_errors

REVIEW_INTERVALS = [
    (90, gettext_lazy("Every 3 months")),
    (180, gettext_lazy("Every 6 months")),
    (365, gettext_lazy("Every year")),
    (730, gettext_lazy("Every 2 years")),
]


EM_SPACE = "\u2003"  # indents sub-sub-topics; HTML does not collapse it


def _topic_choices():
    """Topics grouped under their top-level topic, sub-topics indented."""
    tree = TopicTree(Topic.objects.order_by("position", "name"))
    return [
        (
            root.name,
            [(topic.slug, EM_SPACE * max(tree.depth(topic) - 1, 0) + topic.name) for topic in tree.ordered(root)],
        )
        for root in tree.roots
    ]


def _codes(text: str) -> list[str]:
    return [code for code in re.split(r"[\s,;]+", text or "") if code]


class ResourceForm(forms.Form):
    """The shape of a publisher's input; the rules (and their messages) are the service's, as in the API."""

    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=Resource.Kind.choices)
    title = forms.CharField(
        label=gettext_lazy("Title"), required=False, widget=forms.TextInput(attrs={"maxlength": 200})
    )
    summary = forms.CharField(
        label=gettext_lazy("Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 400}),
        help_text=gettext_lazy("One or two sentences shown in lists and search results."),
    )
    external_url = forms.CharField(
        label=gettext_lazy("Link"),
        required=False,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
        help_text=gettext_lazy("Where the resource lives, if it is on another site. We check it works every day."),
    )
    body = forms.CharField(
        label=gettext_lazy("Body"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=gettext_lazy(
            "Optional. Markdown: **bold**, *italic*, [link text](https://…), lines starting with - for lists, "
            "## for a heading. HTML is shown as plain text."
        ),
    )
    topics = forms.MultipleChoiceField(
        label=gettext_lazy("Topics"), required=False, widget=forms.CheckboxSelectMultiple
    )
    audiences = forms.MultipleChoiceField(
        label=gettext_lazy("Who it is for"), required=False, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.CharField(
        label=gettext_lazy("Languages"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "en, es", "autocapitalize": "off"}),
        help_text=gettext_lazy("Two-letter codes, separated by commas: en for English, es for Spanish, cy for Welsh."),
    )
    countries = forms.CharField(
        label=gettext_lazy("Countries served"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "GB, IE", "autocapitalize": "characters"}),
        help_text=gettext_lazy("Two-letter codes, separated by commas, like GB, IE, AU; or WW for worldwide."),
    )
    tags = forms.CharField(
        label=gettext_lazy("Tags"),
        required=False,
        help_text=gettext_lazy("Optional free words that help people find it, separated by commas."),
    )
    review_interval_days = forms.TypedChoiceField(
        label=gettext_lazy("Check it is still accurate"), coerce=int, choices=REVIEW_INTERVALS, initial=365
    )

    def __init__(self, *args, resource: Resource | None = None, **kwargs):
        if resource is not None and "data" not in kwargs and not args:
            kwargs["initial"] = {
                "kind": resource.kind,
                "title": resource.title,
                "summary": resource.summary,
                "external_url": resource.external_url,
                "body": resource.body,
                "topics": [topic.slug for topic in resource.topics.all()],
                "audiences": [audience.slug for audience in resource.audiences.all()],
                "languages": ", ".join(language.code for language in resource.languages.all()),
                "countries": ", ".join(area.code for area in resource.areas.all()),
                "tags": ", ".join(sorted(tag.name for tag in resource.tags.all())),
                "review_interval_days": resource.review_interval_days,
            }
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = _topic_choices()
        self.fields["audiences"].choices = [(a.slug, a.name) for a in Audience.objects.all()]
        intervals = dict(REVIEW_INTERVALS)
        if resource is not None and resource.review_interval_days not in intervals:
            days = resource.review_interval_days
            self.fields["review_interval_days"].choices = sorted(
                [*REVIEW_INTERVALS, (days, _("Every %(days)s days") % {"days": days})]
            )

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["languages"] = _codes(data["languages"])
        data["countries"] = _codes(data["countries"])
        return data


class MemberForm(forms.Form):
    handle = forms.CharField(
        label=gettext_lazy("Their Hearten handle"),
        max_length=30,
        widget=forms.TextInput(attrs={"placeholder": "quiet_river", "autocapitalize": "off"}),
        help_text=gettext_lazy("They need a Hearten account first. Leave out the @."),
    )
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=OrganisationMember.Role.choices)

    def clean_handle(self):
        handle = self.cleaned_data["handle"].strip().lstrip("@")
        try:
            return get_user_model()._default_manager.get_by_natural_key(handle)
        except get_user_model().DoesNotExist:
            raise forms.ValidationError(
                _("Nobody on Hearten has the handle @%(handle)s.") % {"handle": handle}
            ) from None


# Pages


@login_required
def dashboard(request):
    workspace = selectors.workspace_for(user=request.user)
    return render(request, "resources/workspace/dashboard.html", {"workspace": workspace})


def _publishable_organisation(request, slug) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not can_publish_for(request.user, organisation):
        raise PermissionDenied(_("You can only publish for a verified organisation you belong to."))
    return organisation


def _editable_resource(request, slug) -> Resource:
    resource = selectors.resource_for_publisher(user=request.user, slug=slug)
    if resource is None:
        raise Http404(_("No resource of yours here."))
    return resource


def _render_form(request, *, form, organisation, resource=None, preview=None, status=200):
    return render(
        request,
        "resources/workspace/resource_form.html",
        {"form": form, "organisation": organisation, "resource": resource, "preview": preview},
        status=400 if form.errors else status,
    )


def _save(request, *, form, organisation, resource=None):
    """Handle the form's buttons: save a draft, preview without saving, or save and publish."""
    action = request.POST.get("action", "save")
    data = form.service_data()
    try:
        if action == "preview":
            preview = services.preview_resource(
                actor=request.user, organisation=organisation, resource=resource, **data
            )
            return _render_form(request, form=form, organisation=organisation, resource=resource, preview=preview)
        publish = action == "publish"
        if resource is None:
            resource = services.create_resource(actor=request.user, organisation=organisation, publish=publish, **data)
        else:
            resource = services.update_resource(actor=request.user, resource=resource, publish=publish, **data)
    except ValidationError as error:
        add_service_errors(form, error)
        return _render_form(request, form=form, organisation=organisation, resource=resource)
    if publish:
        messages.success(request, _("“%(title)s” is published.") % {"title": resource.title})
        return redirect("resources:resource_detail", slug=resource.slug)
    messages.success(request, _("“%(title)s” is saved.") % {"title": resource.title})
    return redirect("resources:workspace_edit", slug=resource.slug)


@login_required
def create_resource(request, organisation_slug):
    organisation = _publishable_organisation(request, organisation_slug)
    form = ResourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _save(request, form=form, organisation=organisation)
    return _render_form(request, form=form, organisation=organisation)


@login_required
def edit_resource(request, slug):
    resource = _editable_resource(request, slug)
    if not can_publish_for(request.user, resource.organisation):
        raise PermissionDenied(_("%(organisation)s is not verified.") % {"organisation": resource.organisation})
    form = (
        ResourceForm(request.POST, resource=resource) if request.method == "POST" else ResourceForm(resource=resource)
    )
    if request.method == "POST" and form.is_valid():
        return _save(request, form=form, organisation=resource.organisation, resource=resource)
    return _render_form(request, form=form, organisation=resource.organisation, resource=resource)


@login_required
@require_POST
def publish_resource(request, slug):
    resource = _editable_resource(request, slug)
    try:
        resource = services.publish_resource(actor=request.user, resource=resource)
    except ValidationError as error:
        for field_messages in error.message_dict.values():
            for message in field_messages:
                messages.error(request, message)
        return redirect("resources:workspace_edit", slug=resource.slug)
    messages.success(request, _("“%(title)s” is published.") % {"title": resource.title})
    return redirect("resources:workspace")


@login_required
@require_POST
def archive_resource(request, slug):
    resource = services.archive_resource(actor=request.user, resource=_editable_resource(request, slug))
    messages.success(
        request,
        _("“%(title)s” is archived. Readers no longer see it; you can publish it again.") % {"title": resource.title},
    )
    return redirect("resources:workspace")


@login_required
@require_POST
def mark_reviewed(request, slug):
    resource = services.mark_resource_reviewed(actor=request.user, resource=_editable_resource(request, slug))
    messages.success(request, _("“%(title)s” is marked as reviewed today.") % {"title": resource.title})
    return redirect("resources:workspace")


@login_required
def members(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not can_manage_organisation(request.user, organisation):
        raise PermissionDenied(_("Only the organisation's admins can manage its members."))
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = organisation_services.add_member(
                actor=request.user,
                organisation=organisation,
                user=form.cleaned_data["handle"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "user" in error.error_dict:
                error = ValidationError({"handle": error.error_dict.pop("user"), **error.error_dict})
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(user)s is now a member.") % {"user": membership.user})
            return redirect("resources:workspace_members", slug=organisation.slug)
    return render(
        request,
        "resources/workspace/members.html",
        {
            "organisation": organisation,
            "form": form,
            "members": selectors.organisation_members(organisation=organisation),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def remove_member(request, slug, user_id):
    organisation = get_object_or_404(Organisation, slug=slug)
    user = get_object_or_404(get_user_model(), pk=user_id)
    try:
        organisation_services.remove_member(actor=request.user, organisation=organisation, user=user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("%(user)s is no longer a member.") % {"user": user})
        if user.pk == request.user.pk:
            return redirect("resources:workspace")
    return redirect("resources:workspace_members", slug=organisation.slug)


urlpatterns = [
    path("publish/", dashboard, name="workspace"),
    path("publish/organisations/<slug:organisation_slug>/resources/new/", create_resource, name="workspace_create"),
    path("publish/organisations/<slug:slug>/members/", members, name="workspace_members"),
    path(
        "publish/organisations/<slug:slug>/members/<int:user_id>/remove/", remove_member, name="workspace_remove_member"
    ),
    path("publish/resources/<slug:slug>/edit/", edit_resource, name="workspace_edit"),
    path("publish/resources/<slug:slug>/publish/", publish_resource, name="workspace_publish"),
    path("publish/resources/<slug:slug>/archive/", archive_resource, name="workspace_archive"),
    path("publish/resources/<slug:slug>/reviewed/", mark_reviewed, name="workspace_reviewed"),
]
