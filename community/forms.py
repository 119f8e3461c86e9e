import re

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from moderation.models import ContentWarning

from . import services
from .models import LANGUAGE_CHOICES, MAX_TITLE, TIME_ZONE_CHOICES, Audience, MessagesFrom, ProfileVisibility, User


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance is not None and self.instance.is_minor:
            # Offer only what members under 18 may choose (the service refuses the rest anyway).
            self.fields["profile_visibility"].choices = [
                choice for choice in self.fields["profile_visibility"].choices if choice[0] != ProfileVisibility.PUBLIC
            ]
            self.fields["messages_from"].choices = [
                choice for choice in self.fields["messages_from"].choices if choice[0] != MessagesFrom.EVERYONE
            ]

    class Meta:
        model = User
        fields = services.PROFILE_FIELDS
        widgets = {"bio": forms.Textarea(attrs={"rows": 4, "maxlength": 300})}


class StoryForm(forms.Form):
    """The story composer: shape only. What may be posted (length, warnings, picture, screening) is the
    service's to decide, so its refusals land next to these same fields."""

    title = forms.CharField(
        label=_("Title (optional)"),
        max_length=MAX_TITLE,
        required=False,
        error_messages={"max_length": _("Use at most %(limit_value)d characters for the title.")},
    )
    body = forms.CharField(
        label=_("Your story"),
        strip=False,
        help_text=_(
            "Simple formatting works: **bold**, *italics*, lists, > quotes and links. "
            "Words after # become hashtags. Take your time: you can save a draft and come back."
        ),
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "true"}),
        error_messages={"required": _("Write your story before posting it.")},
    )
    tags = forms.CharField(
        label=_("Hashtags (optional)"),
        required=False,
        max_length=600,
        help_text=_("For example #recovery #hope. Hashtags you write in your story are added too."),
    )
    image = forms.FileField(
        label=_("Choose a picture"),
        required=False,
        help_text=_("A JPEG, PNG, WebP or GIF picture up to 8 MB. We remove location and camera details."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    image_alt = forms.CharField(
        label=_("Picture description"),
        max_length=300,
        required=False,
        help_text=_("Needed with a picture: describe it in a few words for people who can't see it."),
    )
    remove_image = forms.BooleanField(label=_("Remove the current picture"), required=False)
    content_warnings = forms.MultipleChoiceField(
        label=_("Content warnings"),
        choices=ContentWarning.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Readers see the warning first and choose whether to open your story. "
            "If your story needs one you didn't tick, we add it for you."
        ),
    )
    audience = forms.ChoiceField(
        label=_("Who can read it"), choices=Audience.choices, initial=Audience.PUBLIC, widget=forms.RadioSelect
    )
    anonymous = forms.BooleanField(
        label=_("Post anonymously"),
        required=False,
        help_text=_(
            "Others see “an anonymous member” instead of your name, and it isn't listed on your profile. "
            "Moderators can still see that it's yours, and you can still edit or delete it."
        ),
    )
    comments_enabled = forms.BooleanField(label=_("Allow comments"), required=False, initial=True)
    comments_need_approval = forms.BooleanField(
        label=_("Approve each comment before it shows"),
        required=False,
        help_text=_("Comments wait for you; only you and their writer see them until you approve."),
    )
    public_reaction_counts = forms.BooleanField(
        label=_("Show everyone how many people reacted"),
        required=False,
        help_text=_("Off: only you see the numbers; others see that people reacted."),
    )

    def __init__(self, *args, story=None, writer=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if story is None or not story.image:
            del self.fields["remove_image"]
        if getattr(writer, "is_minor", False):
            # Stories by members under 18 are for signed-in members: don't offer what can't be.
            self.fields["audience"].choices = [c for c in Audience.choices if c[0] != Audience.PUBLIC]
            self.fields["audience"].initial = Audience.MEMBERS

    @staticmethod
    def initial_for(story) -> dict:
        """The form as the story is now, to edit it."""
        typed = set(services.hashtags(f"{story.title} {story.body}"))
        return {
            "title": story.title,
            "body": story.body,
            # The hashtags chosen here; those typed in the story come from its text.
            "tags": " ".join(f"#{name}" for name in sorted(story.tags.names()) if name not in typed),
            "image_alt": story.image_alt,
            "content_warnings": list(story.content_warnings or []),
            "audience": story.audience,
            "anonymous": story.anonymous,
            "comments_enabled": story.comments_enabled,
            "comments_need_approval": story.comments_need_approval,
            "public_reaction_counts": story.public_reaction_counts,
        }

    def clean_tags(self):
        return [word for word in re.split(r"[\s,]+", self.cleaned_data["tags"]) if word.strip("#")]

    def story_data(self) -> dict:
        """The fields save_story takes, as cleaned here."""
        return {name: self.cleaned_data[name] for name in services.STORY_FIELDS}


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write a comment first.")},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
