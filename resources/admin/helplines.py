"""Admin for helplines, channels, opening hours and emergency numbers, and the helpline CSV import.

Every save and every action goes through resources.services.helplines, so the admin follows the same rules as the
publisher pages and the API. The forms run the service's checks while validating, so a mistake comes back as a
message on the field, never as a half-saved helpline.
"""

from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import Channel, EmergencyNumber, Helpline, OpeningHours, utc_today
from ..services import helplines as services

DETAIL_FIELDS = [
    "name",
    "slug",
    "description",
    "country",
    "region",
    "time_zone",
    "website",
    "source_url",
    "is_free",
    "is_confidential",
    "position",
]


def _put_errors(form, error: ValidationError, *, fields=None) -> None:
    """Put a service error on the form: on the field it names, else at the top."""
    fields = form.fields if fields is None else fields
    for name, messages_ in error.message_dict.items():
        target = name if name in fields else None
        for message in messages_:
            form.add_error(target, message)


class VerifiedFilter(admin.SimpleListFilter):
    title = _("verified")
    parameter_name = "verified"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("stale", _("Over a year ago")), ("no", _("Not yet"))]

    def queryset(self, request, queryset):
        a_year_ago = utc_today() - timedelta(days=365)
        if self.value() == "yes":
            return queryset.filter(verified_on__isnull=False)
        if self.value() == "stale":
            return queryset.filter(verified_on__lt=a_year_ago)
        if self.value() == "no":
            return queryset.filter(verified_on__isnull=True)
        return queryset


# Helplines, with their channels inline


class HelplineAdminForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")
    source_url = forms.URLField(
        label=_("source"), required=False, assume_scheme="https", help_text=_("Where the details were checked.")
    )

    class Meta:
        model = Helpline
        fields = ["organisation", *DETAIL_FIELDS, "languages", "topics", "audiences"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Leave blank to make one from the name.")

    def service_data(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in DETAIL_FIELDS}
        data["country"] = str(data["country"] or "")
        data["languages"] = [language.code for language in self.cleaned_data.get("languages") or []]
        data["topics"] = [topic.slug for topic in self.cleaned_data.get("topics") or []]
        data["audiences"] = [audience.slug for audience in self.cleaned_data.get("audiences") or []]
        return data

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        instance = self.instance if self.instance.pk else None
        try:
            # The helpline's own fields; the channel formset checks the channels against this country.
            services.check_helpline(data=self.service_data(), channels=[], instance=instance)
        except ValidationError as error:
            _put_errors(self, error)
        return cleaned


class ChannelInlineForm(forms.ModelForm):
    hours_text = forms.CharField(
        label=_("opening hours"),
        required=False,
        help_text=_("“24/7”, or days and times: “Mon-Fri 09:00-17:00; Sat 10:00-14:00; Daily 22:00-02:00+1”."),
        widget=forms.TextInput(attrs={"size": 40}),
    )

    class Meta:
        model = Channel
        fields = ["kind", "value", "label", "always_open"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["hours_text"].initial = services.format_hours(self.instance)

    def service_channel(self) -> dict:
        cleaned = self.cleaned_data
        channel = {
            "id": self.instance.pk,
            "kind": cleaned.get("kind"),
            "value": cleaned.get("value", ""),
            "label": cleaned.get("label", ""),
            "always_open": cleaned.get("always_open", False),
        }
        text = (cleaned.get("hours_text") or "").strip()
        if text:
            always_open, rows = services.parse_hours(text)
            channel["always_open"] = channel["always_open"] or always_open
            channel["hours"] = rows
        elif not self.instance.pk:
            channel["hours"] = []
        return channel

    def clean_hours_text(self):
        text = (self.cleaned_data.get("hours_text") or "").strip()
        if text:
            try:
                services.parse_hours(text)
            except ValueError as error:
                raise ValidationError(
                    _("Could not read “%(part)s”. Write “24/7” or days and times, like “Mon-Fri 09:00-17:00”."),
                    params={"part": str(error)[:60]},
                ) from None
        return text


_INLINE_FIELDS = {
    "value": "value",
    "kind": "kind",
    "label": "label",
    "hours": "hours_text",
    "always_open": "hours_text",
}


class ChannelInlineFormSet(BaseInlineFormSet):
    def kept_forms(self):
        return [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and (form.instance.pk or form.has_changed())
        ]

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = self.kept_forms()
        channels = [form.service_channel() for form in kept]
        helpline = self.instance
        data = {"name": helpline.name or "-", "country": str(helpline.country or ""), "time_zone": helpline.time_zone}
        try:
            services.check_helpline(data=data, channels=channels, instance=helpline if helpline.pk else None)
        except ValidationError as error:
            for name, messages_ in error.message_dict.items():
                parts = name.split(".")
                if parts[0] != "channels" or len(parts) < 2 or not parts[1].isdigit():
                    continue  # the helpline's own fields: the main form reports those
                form = kept[int(parts[1])]
                field = _INLINE_FIELDS.get(parts[2] if len(parts) > 2 else "")
                for message in messages_:
                    form.add_error(field, message)


class ChannelInline(admin.TabularInline):
    model = Channel
    form = ChannelInlineForm
    formset = ChannelInlineFormSet
    fields = ["kind", "value", "label", "always_open", "hours_text"]
    extra = 1
    show_change_link = True
    ordering = ["position", "pk"]


@admin.register(Helpline)
class HelplineAdmin(admin.ModelAdmin):
    form = HelplineAdminForm
    inlines = [ChannelInline]
    list_display = [
        "name",
        "country",
        "organisation",
        "status",
        "verified_on",
        "channel_count",
        "updated_at",
    ]
    list_filter = ["status", "country", "topics", VerifiedFilter, "audiences", "organisation"]
    search_fields = ["name", "slug", "organisation__name", "channels__value", "region"]
    list_select_related = ["organisation"]
    readonly_fields = ["status", "verified_on", "verified_by", "created_at", "updated_at"]
    filter_horizontal = ["languages", "topics", "audiences"]
    actions = ["verify_selected", "publish_selected", "archive_selected"]
    change_list_template = "resources/helplines/admin_change_list.html"
    fieldsets = [
        (None, {"fields": ["organisation", "name", "slug", "description", "position"]}),
        (_("Where and when"), {"fields": ["country", "region", "time_zone"]}),
        (_("For whom"), {"fields": ["languages", "topics", "audiences", "is_free", "is_confidential"]}),
        (_("Sources and checks"), {"fields": ["website", "source_url", "status", "verified_on", "verified_by"]}),
        (_("Dates"), {"fields": ["created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(channel_total=Count("channels"))

    @admin.display(description=_("channels"), ordering="channel_total")
    def channel_count(self, obj):
        return obj.channel_total

    def has_delete_permission(self, request, obj=None):
        return False  # archive instead: HSDS partners keep the ids, and the history stays

    # Saving through the service

    def save_model(self, request, obj, form, change):
        pass  # written in save_related, with the channels, in one service call

    def save_related(self, request, form, formsets, change):
        channel_formset = next(fs for fs in formsets if isinstance(fs, ChannelInlineFormSet))
        channels = [channel_form.service_channel() for channel_form in channel_formset.kept_forms()]
        if change:
            helpline = services.update_helpline(
                actor=request.user, helpline=form.instance, data=form.service_data(), channels=channels
            )
        else:
            helpline = services.create_helpline(
                actor=request.user,
                organisation=form.cleaned_data["organisation"],
                data=form.service_data(),
                channels=channels,
            )
        form.instance.pk = helpline.pk
        form.instance.refresh_from_db()

    def construct_change_message(self, request, form, formsets, add=False):
        return [{"added": {}}] if add else [{"changed": {"fields": sorted(form.changed_data)}}]

    # Actions

    def _each(self, request, queryset, action, done_message):
        done = 0
        for helpline in queryset.select_related("organisation"):
            try:
                action(actor=request.user, helpline=helpline)
            except (ValidationError, PermissionDenied) as error:
                reason = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
                self.message_user(request, f"{helpline.name}: {reason}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)

    @admin.action(description=_("Mark as verified today (I checked the details against the source)"))
    def verify_selected(self, request, queryset):
        self._each(
            request,
            queryset,
            services.verify_helpline,
            lambda n: ngettext("%(n)d helpline verified.", "%(n)d helplines verified.", n) % {"n": n},
        )

    @admin.action(description=_("Publish"))
    def publish_selected(self, request, queryset):
        self._each(
            request,
            queryset,
            services.publish_helpline,
            lambda n: ngettext("%(n)d helpline published.", "%(n)d helplines published.", n) % {"n": n},
        )

    @admin.action(description=_("Archive"))
    def archive_selected(self, request, queryset):
        self._each(
            request,
            queryset,
            services.archive_helpline,
            lambda n: ngettext("%(n)d helpline archived.", "%(n)d helplines archived.", n) % {"n": n},
        )

    # The CSV import

    def get_urls(self):
        extra = [
            path(
                "import-csv/",
                self.admin_site.admin_view(self.import_csv_view),
                name="resources_helpline_import_csv",
            )
        ]
        return extra + super().get_urls()

    def import_csv_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = CsvImportForm(request.POST or None, request.FILES or None)
        problems = []
        if request.method == "POST" and form.is_valid():
            try:
                result = services.import_helplines_csv(actor=request.user, file=form.cleaned_data["file"])
            except ValidationError as error:
                problems = [
                    {"line": item.params["line"], "field": item.params["field"], "problem": item.params["problem"]}
                    if getattr(item, "params", None) and "line" in item.params
                    else {"line": "", "field": "", "problem": " ".join(item.messages)}
                    for item in error.error_list
                ]
            except PermissionDenied as error:
                problems = [{"line": "", "field": "", "problem": str(error)}]
            else:
                created, updated = len(result.created), len(result.updated)
                added_text = ngettext("%(n)d helpline added", "%(n)d helplines added", created) % {"n": created}
                updated_text = ngettext("%(n)d updated", "%(n)d updated", updated) % {"n": updated}
                self.message_user(
                    request,
                    _("Imported the file: %(added)s, %(updated)s.") % {"added": added_text, "updated": updated_text},
                    messages.SUCCESS,
                )
                return redirect(reverse("admin:resources_helpline_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import helplines from a CSV file"),
            "form": form,
            "problems": problems,
            "columns": services.CSV_COLUMNS,
            "required": services.CSV_REQUIRED,
        }
        return TemplateResponse(
            request, "resources/helplines/admin_import.html", context, status=400 if problems else 200
        )


class CsvImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), help_text=_("UTF-8, one row per channel, at most 2 MB."))


# Channels, with their opening hours inline


class OpeningHoursInlineFormSet(BaseInlineFormSet):
    def __init__(self, *args, channel_data=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.channel_data = channel_data  # the channel's fields as just typed, checked together with the hours

    def rows(self):
        return [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and (form.instance.pk or form.has_changed())
        ]

    def service_rows(self) -> list[dict]:
        return [
            {
                "weekday": form.cleaned_data["weekday"],
                "opens": form.cleaned_data["opens"],
                "closes": form.cleaned_data["closes"],
                "closes_next_day": form.cleaned_data.get("closes_next_day", False),
            }
            for form in self.rows()
        ]

    def clean(self):
        super().clean()
        if any(self.errors) or not self.channel_data:
            return
        try:
            services.check_channel(channel=self.instance, data=self.channel_data, hours=self.service_rows())
        except ValidationError as error:
            rows = self.rows()
            general = []
            for name, messages_ in error.message_dict.items():
                parts = name.split(".")
                if parts[0] == "hours" and len(parts) > 1 and parts[1].isdigit() and int(parts[1]) < len(rows):
                    field = parts[2] if len(parts) > 2 and parts[2] in ("weekday", "opens", "closes") else None
                    for message in messages_:
                        rows[int(parts[1])].add_error(field, message)
                else:
                    general.extend(messages_)
            if general:
                raise ValidationError(general) from None


class OpeningHoursInlineForm(forms.ModelForm):
    class Meta:
        model = OpeningHours
        fields = ["weekday", "opens", "closes", "closes_next_day"]


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    form = OpeningHoursInlineForm
    formset = OpeningHoursInlineFormSet
    fields = ["weekday", "opens", "closes", "closes_next_day"]
    extra = 2


class ChannelAdminForm(forms.ModelForm):
    class Meta:
        model = Channel
        fields = ["kind", "value", "label", "always_open"]


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    form = ChannelAdminForm
    inlines = [OpeningHoursInline]
    list_display = ["helpline", "kind", "value", "label", "always_open"]
    list_filter = ["kind", "always_open", "helpline__country"]
    search_fields = ["value", "label", "helpline__name"]
    list_select_related = ["helpline"]

    def has_add_permission(self, request):
        return False  # channels are added on their helpline's page

    def has_delete_permission(self, request, obj=None):
        return False  # removed on their helpline's page, through the service

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if request.method == "POST" and isinstance(inline, OpeningHoursInline):
            fields = ChannelAdminForm(request.POST, instance=Channel.objects.get(pk=obj.pk))
            if fields.is_valid():
                kwargs["channel_data"] = {name: fields.cleaned_data[name] for name in ChannelAdminForm.Meta.fields}
        return kwargs

    def save_model(self, request, obj, form, change):
        pass

    def save_related(self, request, form, formsets, change):
        hours = next(fs for fs in formsets if isinstance(fs, OpeningHoursInlineFormSet))
        data = {name: form.cleaned_data[name] for name in ChannelAdminForm.Meta.fields}
        services.update_channel(actor=request.user, channel=form.instance, data=data, hours=hours.service_rows())

    def construct_change_message(self, request, form, formsets, add=False):
        return [{"changed": {"fields": sorted(form.changed_data)}}]


# Emergency numbers


class EmergencyNumberForm(forms.ModelForm):
    source_url = forms.URLField(label=_("source"), required=False, assume_scheme="https")

    class Meta:
        model = EmergencyNumber
        fields = ["country", "number", "note", "source_url"]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            services.check_emergency_number(
                country=str(cleaned.get("country") or ""),
                number=cleaned.get("number", ""),
                note=cleaned.get("note", ""),
                source_url=cleaned.get("source_url", ""),
            )
        except ValidationError as error:
            _put_errors(self, error)
        return cleaned


@admin.register(EmergencyNumber)
class EmergencyNumberAdmin(admin.ModelAdmin):
    form = EmergencyNumberForm
    list_display = ["country", "number", "note", "source_url"]
    search_fields = ["country", "number", "note"]

    def save_model(self, request, obj, form, change):
        saved = services.set_emergency_number(
            actor=request.user,
            country=str(form.cleaned_data["country"]),
            number=form.cleaned_data["number"],
            note=form.cleaned_data.get("note", ""),
            source_url=form.cleaned_data.get("source_url", ""),
        )
        obj.pk = saved.pk
        obj.refresh_from_db()

    def has_delete_permission(self, request, obj=None):
        return False  # a country keeps its emergency number; change it instead
