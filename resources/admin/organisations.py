"""Admin for organisations and their members, with verification actions.

Verification changes only through the "verify" and "reject with reason" actions, which call the services
(so who decided and when is always recorded); member changes in the inline go through the services too.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from moderation.media import clean_image

from ..models import Organisation, OrganisationMember
from ..services import organisations as services

DETAIL_FIELDS = ["name", "description", "website", "email", "country", "registration_number"]


class OrganisationMemberInline(admin.TabularInline):
    model = OrganisationMember
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "created_at"]
    readonly_fields = ["created_at"]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text=gettext_lazy("The organisation's admins see this. Say what would let you verify them."),
    )


class OrganisationAdminForm(forms.ModelForm):
    """Catches what the services would refuse, so staff see it on the field instead of an error page."""

    website = forms.URLField(label=gettext_lazy("website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = [*DETAIL_FIELDS, "logo", "is_trusted_flagger"]

    def clean_website(self):
        website = self.cleaned_data.get("website", "")
        if website and not website.startswith(("https://", "http://")):
            raise forms.ValidationError(_("Use a web address starting with https:// or http://."))
        return website

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):  # a new upload, not the file already stored
            clean_image(logo, max_side=services.LOGO_MAX_SIDE)
            logo.seek(0)
        return logo


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    form = OrganisationAdminForm
    list_display = ["name", "country", "verification", "verified_at", "verified_by", "member_count", "created_at"]
    list_filter = ["verification", "country", "is_trusted_flagger"]
    search_fields = ["name", "slug", "registration_number", "website"]
    readonly_fields = ["slug", "verification", "verified_at", "verified_by", "rejection_reason", "created_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "description", "website", "email", "country", "registration_number"]}),
        (gettext_lazy("Logo"), {"fields": ["logo"]}),
        (
            gettext_lazy("Verification"),
            {"fields": ["verification", "verified_at", "verified_by", "rejection_reason", "is_trusted_flagger"]},
        ),
        (gettext_lazy("Dates"), {"fields": ["created_at"]}),
    ]
    inlines = [OrganisationMemberInline]
    actions = ["verify", "reject"]
    ordering = ["verification", "name"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("verified_by")

    @admin.display(description=gettext_lazy("members"))
    def member_count(self, obj):
        return obj.memberships.count()

    def has_delete_permission(self, request, obj=None):
        return False  # organisations are rejected, not deleted: their resources and history stay explainable

    def save_model(self, request, obj, form, change):
        details = {name: form.cleaned_data.get(name, "") for name in DETAIL_FIELDS}
        details["country"] = str(details["country"] or "")
        logo = request.FILES.get("logo")
        try:
            if change:
                saved = services.update_organisation(
                    actor=request.user,
                    organisation=obj,
                    logo=logo,
                    remove_logo=form.cleaned_data.get("logo") is False,
                    **details,
                )
            else:
                saved = services.register_organisation(actor=request.user, logo=logo, creator_joins=False, **details)
            saved = services.set_trusted_flagger(
                actor=request.user, organisation=saved, trusted=bool(form.cleaned_data.get("is_trusted_flagger"))
            )
        except (ValidationError, PermissionDenied) as error:
            # The form was valid for the model; the service may still refuse (e.g. a bad logo).
            raise PermissionDenied(" ".join(getattr(error, "messages", [str(error)]))) from error
        obj.pk = saved.pk
        obj.refresh_from_db()
        obj._state.adding = False

    def save_formset(self, request, form, formset, change):
        if formset.model is not OrganisationMember:
            return super().save_formset(request, form, formset, change)
        organisation = form.instance
        formset.save(commit=False)
        for membership in formset.deleted_objects:
            self._through_service(request, services.remove_member, organisation=organisation, user=membership.user)
        for membership, _changed in formset.changed_objects:
            self._through_service(
                request,
                services.change_member_role,
                organisation=organisation,
                user=membership.user,
                role=membership.role,
            )
        for membership in formset.new_objects:
            self._through_service(
                request, services.add_member, organisation=organisation, user=membership.user, role=membership.role
            )

    def _through_service(self, request, service, **kwargs):
        try:
            service(actor=request.user, **kwargs)
        except (ValidationError, PermissionDenied) as error:
            self.message_user(request, " ".join(getattr(error, "messages", [str(error)])), messages.ERROR)

    @admin.action(description=gettext_lazy("Verify the selected organisations"), permissions=["change"])
    def verify(self, request, queryset):
        count = 0
        for organisation in queryset:
            services.verify_organisation(actor=request.user, organisation=organisation)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d organisation verified.", "%(count)d organisations verified.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=gettext_lazy("Reject the selected organisations, with a reason"), permissions=["change"])
    def reject(self, request, queryset):
        form = RejectForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            for organisation in queryset:
                services.reject_organisation(
                    actor=request.user, organisation=organisation, reason=form.cleaned_data["reason"]
                )
            self.message_user(
                request,
                ngettext("%(count)d organisation rejected.", "%(count)d organisations rejected.", queryset.count())
                % {"count": queryset.count()},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reject organisations"),
            "organisations": queryset,
            "form": form,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "resources/library/admin_reject_organisations.html", context)
