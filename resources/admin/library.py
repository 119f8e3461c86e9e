"""Admin for topics and resources. Saving and the status actions go through the library services."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy, ngettext

from ..models import PublicationStatus, Resource, Topic
from ..selectors.library import review_due_q
from ..services import library as services


class TopicAdminForm(forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["name", "slug", "parent", "description", "is_sensitive", "position"]

    def clean(self):
        cleaned = super().clean()
        try:
            services.check_topic_parent(self.instance, cleaned.get("parent"))
        except ValidationError as error:
            self.add_error("parent", error.error_dict["parent"])
        return cleaned


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    form = TopicAdminForm
    list_display = ["name", "parent", "is_sensitive", "position", "slug"]
    list_filter = ["is_sensitive", ("parent", admin.RelatedOnlyFieldListFilter)]
    list_editable = ["position"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    ordering = ["parent__position", "position", "name"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("parent")

    def save_model(self, request, obj, form, change):
        services.save_topic(actor=request.user, topic=obj)

    def has_delete_permission(self, request, obj=None):
        return False  # resources and helplines refer to topics; rename or re-parent instead


class ReviewDueFilter(admin.SimpleListFilter):
    title = gettext_lazy("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("due", gettext_lazy("Past its review date")), ("ok", gettext_lazy("Reviewed recently"))]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.filter(review_due_q())
        if self.value() == "ok":
            return queryset.exclude(review_due_q())
        return queryset


class ResourceAdminForm(forms.ModelForm):
    """Runs the service's checks while the form can still show them on its fields."""

    external_url = forms.URLField(label=gettext_lazy("link"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Resource
        fields = [
            "organisation",
            "kind",
            "title",
            "summary",
            "body",
            "external_url",
            "topics",
            "tags",
            "audiences",
            "languages",
            "areas",
            "reviewed_on",
            "review_interval_days",
        ]

    def clean(self):
        cleaned = super().clean()
        try:
            services.validate_resource(service_fields(cleaned))
        except ValidationError as error:
            for name, field_errors in error.error_dict.items():
                target = {"countries": "areas"}.get(name, name)
                self.add_error(target if target in self.fields else None, field_errors)
        status = self.instance.status if self.instance.pk else PublicationStatus.DRAFT
        if status == PublicationStatus.PUBLISHED and not self.errors:
            problems = services.publish_problems(
                summary=cleaned.get("summary", ""),
                topics=cleaned.get("topics") or [],
                external_url=cleaned.get("external_url", ""),
                body=cleaned.get("body", ""),
            )
            for name, field_errors in problems.items():
                self.add_error(name if name in self.fields else None, field_errors)
        return cleaned


def service_fields(cleaned: dict) -> dict:
    """The admin form's cleaned data in the services' terms."""
    data = {
        name: cleaned[name]
        for name in ("kind", "title", "summary", "body", "external_url", "review_interval_days", "reviewed_on")
        if name in cleaned and cleaned[name] is not None
    }
    for name, attribute in (("topics", "slug"), ("audiences", "slug"), ("languages", "code")):
        if name in cleaned:
            data[name] = [getattr(obj, attribute) for obj in cleaned[name] or []]
    if "areas" in cleaned:
        data["countries"] = [area.code for area in cleaned["areas"] or []]
    if "tags" in cleaned:
        data["tags"] = list(cleaned["tags"] or [])
    return data


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    form = ResourceAdminForm
    list_display = ["title", "organisation", "kind", "status", "reviewed_on", "review_due", "link_status"]
    list_filter = [
        "status",
        "kind",
        ("areas", admin.RelatedOnlyFieldListFilter),
        ("topics", admin.RelatedOnlyFieldListFilter),
        ReviewDueFilter,
        "link_status",
        ("organisation", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "slug"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["topics", "audiences", "languages", "areas"]
    readonly_fields = [
        "slug",
        "status",
        "published_at",
        "link_status",
        "link_status_code",
        "link_checked_at",
        "created_by",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["organisation", "kind", "title", "slug", "summary", "body", "external_url"]}),
        (gettext_lazy("Classification"), {"fields": ["topics", "tags", "audiences", "languages", "areas"]}),
        (
            gettext_lazy("Status and review"),
            {"fields": ["status", "published_at", "reviewed_on", "review_interval_days"]},
        ),
        (gettext_lazy("Link check"), {"fields": ["link_status", "link_status_code", "link_checked_at"]}),
        (gettext_lazy("History"), {"fields": ["created_by", "created_at", "updated_at"]}),
    ]
    actions = ["publish", "archive", "mark_reviewed"]
    date_hierarchy = "published_at"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation")

    @admin.display(boolean=True, description=gettext_lazy("review due"))
    def review_due(self, obj):
        return obj.needs_review

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields.append("organisation")  # a resource does not move between organisations
        return fields

    def has_delete_permission(self, request, obj=None):
        return False  # archive instead: nothing published is erased

    def save_model(self, request, obj, form, change):
        data = service_fields(form.cleaned_data)
        if change:
            saved = services.update_resource(actor=request.user, resource=obj, **data)
        else:
            saved = services.create_resource(actor=request.user, organisation=form.cleaned_data["organisation"], **data)
        obj.pk = saved.pk
        obj.refresh_from_db()
        obj._state.adding = False

    def save_related(self, request, form, formsets, change):
        # The service already wrote topics, audiences, languages, countries and tags (and re-indexed).
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def _apply(self, request, queryset, service) -> int:
        done = 0
        for resource in queryset.select_related("organisation"):
            try:
                service(actor=request.user, resource=resource)
            except (ValidationError, PermissionDenied) as error:
                reason = " ".join(getattr(error, "messages", [str(error)]))
                self.message_user(request, f"{resource.title}: {reason}", messages.ERROR)
            else:
                done += 1
        return done

    @admin.action(description=gettext_lazy("Publish the selected resources"), permissions=["change"])
    def publish(self, request, queryset):
        done = self._apply(request, queryset, services.publish_resource)
        if done:
            message = ngettext("%(count)d resource published.", "%(count)d resources published.", done)
            self.message_user(request, message % {"count": done}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Archive the selected resources"), permissions=["change"])
    def archive(self, request, queryset):
        done = self._apply(request, queryset, services.archive_resource)
        if done:
            message = ngettext("%(count)d resource archived.", "%(count)d resources archived.", done)
            self.message_user(request, message % {"count": done}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Mark the selected resources as reviewed today"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        done = self._apply(request, queryset, services.mark_resource_reviewed)
        if done:
            message = ngettext(
                "%(count)d resource marked as reviewed.", "%(count)d resources marked as reviewed.", done
            )
            self.message_user(request, message % {"count": done}, messages.SUCCESS)
