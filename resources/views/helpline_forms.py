"""Forms for the publisher pages: a helpline, its channels, and each channel's opening hours.

They check only the shape of what was typed; every rule lives in resources.services.helplines, whose errors the
view puts back on the right field. Hours rows can name several days at once ("Monday to Friday"), so a usual
week takes one or two rows instead of seven.
"""

import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from ..models import Audience, Channel, OpeningHours, Topic

WEEKDAYS = "weekdays"
WEEKEND = "weekend"
DAILY = "daily"
DAY_GROUPS = {WEEKDAYS: [0, 1, 2, 3, 4], WEEKEND: [5, 6], DAILY: list(range(7))}


def _zone_choices():
    return [("", _("Choose a time zone"))] + [
        (name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())
    ]


class HelplineForm(forms.Form):
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    name = forms.CharField(label=_("Name"), max_length=150)
    slug = forms.SlugField(
        label=_("Web address"),
        max_length=160,
        required=False,
        help_text=_("The end of its address on Hearten. Leave blank to make one from the name."),
    )
    description = forms.CharField(
        label=_("What it offers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who it is for and what happens when someone gets in touch, in a few plain sentences."),
    )
    country = forms.ChoiceField(label=_("Country"))
    region = forms.CharField(
        label=_("Region"), max_length=100, required=False, help_text=_("Leave blank if nationwide.")
    )
    time_zone = forms.ChoiceField(label=_("Time zone of its opening hours"), help_text=_("For example Europe/London."))
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    source_url = forms.URLField(
        label=_("Source"),
        required=False,
        assume_scheme="https",
        help_text=_("The official page where these numbers and hours are published."),
    )
    languages = forms.CharField(
        label=_("Languages"),
        max_length=200,
        required=False,
        help_text=_("Two-letter codes, separated by commas: en, cy, ga."),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"), queryset=Topic.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    audiences = forms.ModelMultipleChoiceField(
        label=_("Who it's for"), queryset=Audience.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    is_free = forms.BooleanField(label=_("Free to contact"), required=False, initial=True)
    is_confidential = forms.BooleanField(label=_("Confidential"), required=False, initial=True)
    position = forms.IntegerField(
        label=_("Order"), min_value=0, max_value=32767, initial=100, help_text=_("Lower comes first in its country.")
    )

    def __init__(self, *args, organisations=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose a country"))] + [(c.code, c.name) for c in countries]
        self.fields["time_zone"].choices = _zone_choices()
        self.fields["topics"].queryset = Topic.objects.order_by("position", "name")
        self.fields["audiences"].queryset = Audience.objects.order_by("position", "name")
        if editing:
            del self.fields["organisation"]
            del self.fields["slug"]
        else:
            organisations = list(organisations or [])
            self.fields["organisation"].choices = [(org.slug, org.name) for org in organisations]
            self.fields["organisation"].required = True
            if len(organisations) == 1:
                self.fields["organisation"].initial = organisations[0].slug

    def service_data(self) -> dict:
        data = {
            name: self.cleaned_data[name]
            for name in (
                "name",
                "description",
                "country",
                "region",
                "time_zone",
                "website",
                "source_url",
                "is_free",
                "is_confidential",
                "position",
            )
        }
        if "slug" in self.fields:
            data["slug"] = self.cleaned_data["slug"]
        data["languages"] = [code.strip() for code in self.cleaned_data["languages"].split(",") if code.strip()]
        data["topics"] = [topic.slug for topic in self.cleaned_data["topics"]]
        data["audiences"] = [audience.slug for audience in self.cleaned_data["audiences"]]
        return data


class ChannelForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("How"), choices=[("", _("Choose"))] + list(Channel.Kind.choices), required=False)
    value = forms.CharField(
        label=_("Contact"),
        max_length=300,
        required=False,
        help_text=_("A phone number, a text short code, a chat web address (https://) or an email address."),
    )
    label = forms.CharField(
        label=_("Label"), max_length=100, required=False, help_text=_("Optional, e.g. “Text SHOUT to 85258”.")
    )
    always_open = forms.BooleanField(label=_("Open 24/7"), required=False)

    def clean(self):
        cleaned = super().clean()
        if self.has_changed() and not self.cleaned_data.get("DELETE") and not cleaned.get("kind"):
            self.add_error("kind", _("Choose how people get in touch."))
        return cleaned


class HoursForm(forms.Form):
    days = forms.ChoiceField(
        label=_("Days"),
        required=False,
        choices=[("", _("Choose"))]
        + [(DAILY, _("Every day")), (WEEKDAYS, _("Monday to Friday")), (WEEKEND, _("Saturday and Sunday"))]
        + [(str(value), label) for value, label in OpeningHours.Weekday.choices],
    )
    opens = forms.TimeField(
        label=_("Opens"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    closes = forms.TimeField(
        label=_("Closes"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    closes_next_day = forms.BooleanField(label=_("Closes after midnight"), required=False)

    def clean(self):
        cleaned = super().clean()
        if self.has_changed() and not cleaned.get("DELETE"):
            for name, message in (
                ("days", _("Choose the days.")),
                ("opens", _("Enter the opening time.")),
                ("closes", _("Enter the closing time.")),
            ):
                if cleaned.get(name) in (None, "") and name not in self.errors:
                    self.add_error(name, message)
        return cleaned

    def service_rows(self) -> list[dict]:
        days = self.cleaned_data["days"]
        weekdays = DAY_GROUPS.get(days) or [int(days)]
        return [
            {
                "weekday": weekday,
                "opens": self.cleaned_data["opens"],
                "closes": self.cleaned_data["closes"],
                "closes_next_day": self.cleaned_data["closes_next_day"],
            }
            for weekday in weekdays
        ]


ChannelFormSet = forms.formset_factory(ChannelForm, extra=1, can_delete=True, max_num=20, absolute_max=20)
HoursFormSet = forms.formset_factory(HoursForm, extra=2, can_delete=True, max_num=50, absolute_max=50)


def hours_initial(channel) -> list[dict]:
    """A channel's rows, days with the same hours gathered into one row where a group fits (Monday to Friday)."""
    by_times: dict[tuple, list[int]] = {}
    for row in channel.hours.all():
        by_times.setdefault((row.opens, row.closes, row.closes_next_day), []).append(row.weekday)
    initial = []
    for (opens, closes, next_day), weekdays in sorted(by_times.items(), key=lambda item: min(item[1])):
        remaining = sorted(set(weekdays))
        for group in (DAILY, WEEKDAYS, WEEKEND):
            if set(DAY_GROUPS[group]) <= set(remaining):
                initial.append({"days": group, "opens": opens, "closes": closes, "closes_next_day": next_day})
                remaining = [day for day in remaining if day not in DAY_GROUPS[group]]
        for day in remaining:
            initial.append({"days": str(day), "opens": opens, "closes": closes, "closes_next_day": next_day})
    return initial
