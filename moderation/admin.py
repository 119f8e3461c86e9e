"""Staff edit watched-word rules here; every save, delete and import goes through moderation.services."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from . import services
from .detectors.watched_words import WatchedWords
from .models import AuditEntry, Kind, Rule, TrustSettings
from .text import normalise

MAX_TRY_TEXT = 20_000


class RuleForm(forms.ModelForm):
    kinds = forms.MultipleChoiceField(
        label=_("Applies to"),
        choices=Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked means every kind."),
    )

    class Meta:
        model = Rule
        fields = ["pattern", "pattern_type", "action", "kinds", "enabled", "notes"]


class TryTextForm(forms.Form):
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 8}), max_length=MAX_TRY_TEXT)
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices, initial=Kind.COMMENT)


class CsvImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))


@admin.register(Rule)
class RuleAdmin(admin.ModelAdmin):
    form = RuleForm
    list_display = ["pattern", "pattern_type", "action", "kinds_display", "enabled", "updated_at"]
    list_filter = ["action", "pattern_type", "enabled"]
    search_fields = ["pattern", "notes"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    change_list_template = "moderation/admin/rule_change_list.html"

    @admin.display(description=_("Applies to"))
    def kinds_display(self, rule):
        return ", ".join(rule.kinds) if rule.kinds else _("all")

    def save_model(self, request, obj, form, change):
        data = {field: form.cleaned_data[field] for field in services.RULE_FIELDS if field in form.cleaned_data}
        saved = services.save_rule(actor=request.user, data=data, rule=obj if change else None)
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        services.delete_rule(actor=request.user, rule=obj)

    def delete_queryset(self, request, queryset):
        for rule in queryset:
            services.delete_rule(actor=request.user, rule=rule)

    def get_urls(self):
        extra = [
            path("try/", self.admin_site.admin_view(self.try_text_view), name="moderation_rule_try"),
            path("export-csv/", self.admin_site.admin_view(self.export_csv_view), name="moderation_rule_export_csv"),
            path("import-csv/", self.admin_site.admin_view(self.import_csv_view), name="moderation_rule_import_csv"),
        ]
        return extra + super().get_urls()

    def try_text_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = TryTextForm(request.POST or None)
        fired = None
        highlighted = ""
        if request.method == "POST" and form.is_valid():
            text, kind = form.cleaned_data["text"], form.cleaned_data["kind"]
            labels = WatchedWords().detect(normalise(text), kind)
            rules = Rule.objects.in_bulk({label.rule_id for label in labels})
            fired = [
                {"rule": rules.get(label.rule_id), "label": label, "matched": text[label.span[0] : label.span[1]]}
                for label in labels
            ]
            highlighted = highlight(text, [label.span for label in labels])
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Try a text against the rules"),
            "form": form,
            "fired": fired,
            "highlighted": highlighted,
        }
        return TemplateResponse(request, "moderation/admin/try_text.html", context)

    def export_csv_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        response = HttpResponse(services.export_rules_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="watched-word-rules.csv"'
        return response

    def import_csv_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        form = CsvImportForm(request.POST or None, request.FILES or None)
        problems: list[str] = []
        if request.method == "POST" and form.is_valid():
            try:
                count = services.import_rules_csv(actor=request.user, file=form.cleaned_data["file"])
            except ValidationError as error:
                problems = error.messages
            else:
                messages.success(request, _("%(count)d rules imported.") % {"count": count})
                return redirect(reverse("admin:moderation_rule_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import rules from CSV"),
            "form": form,
            "problems": problems,
            "columns": services.CSV_COLUMNS,
        }
        return TemplateResponse(request, "moderation/admin/import_csv.html", context)


def highlight(text: str, spans) -> str:
    """The text, escaped, with each matched stretch inside <mark> (overlapping stretches merged)."""
    merged: list[list[int]] = []
    for start, end in sorted(span for span in spans if span and span[1] > span[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts, position = [], 0
    for start, end in merged:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of the text is escaped above


class TrustSettingsForm(forms.ModelForm):
    trusted_roles = forms.MultipleChoiceField(
        label=_("Trusted roles"),
        choices=[(role, role.replace("_", " ").capitalize()) for role in services.TRUSTABLE_ROLES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Members with one of these roles are trusted: their links are never held. Staff always are."),
    )

    class Meta:
        model = TrustSettings
        fields = services.TRUST_FIELDS


@admin.register(TrustSettings)
class TrustSettingsAdmin(admin.ModelAdmin):
    """One row; every change goes through moderation.services.save_trust_settings and is audited."""

    form = TrustSettingsForm
    readonly_fields = ["updated_at", "updated_by"]

    def has_add_permission(self, request):
        return False  # the one row is made on first open

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        row, _created = TrustSettings.objects.get_or_create(pk=1)  # made by a migration; here only if deleted
        return redirect(reverse("admin:moderation_trustsettings_change", args=[row.pk]))

    def save_model(self, request, obj, form, change):
        data = {field: form.cleaned_data[field] for field in services.TRUST_FIELDS if field in form.cleaned_data}
        services.save_trust_settings(actor=request.user, data=data)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The append-only log: readable by staff who may view it; nobody adds, changes or deletes entries."""

    list_display = ["created_at", "actor", "action", "target_type", "target_id", "summary"]
    list_filter = ["action", "target_type"]
    search_fields = ["summary", "target_id", "actor__handle"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "actor", "action", "target_type", "target_id", "summary", "changes"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
