from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import services
from .models import LANGUAGE_CHOICES, TIME_ZONE_CHOICES, User


class SignupForm(AllauthSignupForm):
    """allauth's sign-up plus a display name and a neutral age question (month and year only)."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=50,
        required=False,
        help_text=_("What people see next to your posts. Not your real name unless you want it to be."),
    )
    birth_month = forms.TypedChoiceField(
        label=_("Birth month"),
        choices=[("", _("Month"))] + [(number, name) for number, name in MONTHS.items()],
        coerce=int,
    )
    birth_year = forms.IntegerField(label=_("Birth year"), widget=forms.NumberInput(attrs={"inputmode": "numeric"}))

    field_order = ["email", "username", "display_name", "password1", "birth_month", "birth_year"]

    age_gate_refused = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Handle")
        self.fields["username"].help_text = _("Your public @name: 3 to 30 letters, digits or underscores.")
        self.fields["email"].help_text = format_html(
            '{} <a href="{}">{}</a>',
            _("Never shown to anyone. We use it to sign you in and keep your account safe."),
            reverse("privacy"),
            _("How we handle your data"),
        )
        self.fields["username"].widget.attrs["placeholder"] = _("e.g. quiet_river")
        self.fields["birth_month"].help_text = _(
            "We ask so we can set your account up safely. Your birth date is never shown, and we don't keep it."
        )
        self.fields["birth_year"].widget.attrs.update({"autocomplete": "bday-year", "placeholder": _("e.g. 2004")})
        self.fields["birth_month"].widget.attrs.update({"autocomplete": "bday-month"})

    def clean_display_name(self):
        name = self.cleaned_data["display_name"]
        if name:
            services.check_display_name(name)
        return name

    def clean_birth_year(self):
        year = self.cleaned_data["birth_year"]
        this_year = timezone.now().year
        if year > this_year:
            raise forms.ValidationError(_("That year is in the future. Type the year you were born, like 2004."))
        if year < this_year - 120:
            raise forms.ValidationError(_("Type the four-digit year you were born, like 2004."))
        return year

    def clean(self):
        cleaned = super().clean()
        year, month = cleaned.get("birth_year"), cleaned.get("birth_month")
        if year and month:
            age = services.check_age(birth_year=year, birth_month=int(month), today=timezone.now().date())
            if not age.allowed:
                self.age_gate_refused = True
                raise forms.ValidationError(_("We can't create an account for you."), code="age_gate")
        return cleaned


class ProfileForm(forms.ModelForm):
    avatar = forms.FileField(
        label=_("Avatar"),
        required=False,
        help_text=_("A JPEG, PNG, WebP or GIF picture up to 8 MB. We remove location and camera details."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    remove_avatar = forms.BooleanField(label=_("Remove my current avatar"), required=False)
    language = forms.ChoiceField(label=_("Language"), choices=[("", "—")] + LANGUAGE_CHOICES, required=False)
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=TIME_ZONE_CHOICES,
        required=False,
        help_text=_("Times on Hearten are shown in this zone."),
    )

    class Meta:
        model = User
        fields = services.PROFILE_FIELDS
        widgets = {"bio": forms.Textarea(attrs={"rows": 4, "maxlength": 300})}
