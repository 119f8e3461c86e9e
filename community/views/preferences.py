"""The preferences page: sensitive topics, notifications and wellbeing reminders (/settings/preferences/).

The form reads the shape of what was sent; `services.preferences.update_preferences` decides what may be saved
(the API calls it too), and its refusals land next to the field they are about.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from moderation.models import ContentWarning

from .. import selectors
from ..models import EmailMode, Notification, SensitiveContent, TopicChoice
from ..selectors.preferences import GUARDED_FOR_MINORS, TOPICS, zone_name
from ..services.notifications import ALWAYS_DELIVERED
from ..services.preferences import BREAK_MINUTES, update_preferences
from .people import add_form_errors

# What each topic covers, said plainly next to its choices.
TOPIC_EXPLANATIONS = {
    ContentWarning.SUICIDE_SELF_HARM: gettext_lazy(
        "Suicide, self-harm and wanting to die, including stories of recovery from them."
    ),
    ContentWarning.EATING_DISORDERS: gettext_lazy("Eating disorders, and struggles with food, weight and body image."),
    ContentWarning.ABUSE: gettext_lazy("Physical, emotional and sexual abuse, and coercive relationships."),
    ContentWarning.SUBSTANCE_USE: gettext_lazy("Alcohol, drugs and addiction."),
    ContentWarning.GRIEF: gettext_lazy("Death, loss and bereavement."),
    ContentWarning.VIOLENCE: gettext_lazy("Violence, injuries and threats."),
    ContentWarning.SENSITIVE: gettext_lazy("Anything else a writer or our checks marked as sensitive."),
}
CHOICE_EXPLANATIONS = {
    TopicChoice.SHOW: gettext_lazy("Show it open, with its warning as a label above it."),
    TopicChoice.COLLAPSE: gettext_lazy("Fold it behind its warning: you decide when to open it."),
    TopicChoice.HIDE: gettext_lazy(
        "Leave it out of your feed, hashtags, profiles and comments. If you follow a link to such a story, "
        "we ask first."
    ),
}
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class PreferencesForm(forms.Form):
    """Every preference, by the names the service and the API use ("sensitive_topics.grief" for one topic)."""

    email_mode = forms.ChoiceField(
        label=gettext_lazy("Email me about notifications"), choices=EmailMode.choices, widget=forms.RadioSelect
    )
    muted_kinds = forms.MultipleChoiceField(
        label=gettext_lazy("Turn off these notifications"),
        choices=[(kind, label) for kind, label in Notification.Kind.choices if kind not in ALWAYS_DELIVERED],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "You won't be told about these at all, on the site or by email. Decisions about what you wrote and "
            "the outcomes of your reports are always told."
        ),
    )
    quiet_start = forms.TimeField(label=gettext_lazy("Quiet hours from"), required=False, widget=TIME_INPUT)
    quiet_end = forms.TimeField(label=gettext_lazy("Quiet hours until"), required=False, widget=TIME_INPUT)
    digest_hour = forms.TypedChoiceField(
        label=gettext_lazy("Send the daily digest at"),
        choices=[(hour, f"{hour:02d}:00") for hour in range(24)],
        coerce=int,
        help_text=gettext_lazy("Only if you chose a daily digest."),
    )
    break_reminder_minutes = forms.IntegerField(
        label=gettext_lazy("Remind me to take a break after (minutes)"),
        required=False,
        widget=forms.NumberInput(attrs={"min": BREAK_MINUTES[0], "max": BREAK_MINUTES[1], "step": 5}),
    )
    daily_reminder_time = forms.TimeField(
        label=gettext_lazy("Daily check-in reminder at"),
        required=False,
        widget=TIME_INPUT,
        help_text=gettext_lazy("A gentle check-in when you have Hearten open at that time. Leave it empty for none."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["break_reminder_minutes"].help_text = _(
            "After this many minutes of browsing, a gentle reminder to pause: from %(low)s to %(high)s. "
            "Leave it empty for no reminder."
        ) % {"low": BREAK_MINUTES[0], "high": BREAK_MINUTES[1]}
        for topic in TOPICS:
            self.fields[f"sensitive_topics.{topic}"] = forms.ChoiceField(
                label=ContentWarning(topic).label,
                # Every choice reads here; the service says why one isn't open to this person.
                choices=TopicChoice.choices,
                widget=forms.RadioSelect,
                help_text=TOPIC_EXPLANATIONS[topic],
            )

    def topic_fields(self) -> list[dict]:
        """Each topic's field with the choices this person may make, for the template."""
        rows = []
        for topic in TOPICS:
            bound = self[f"sensitive_topics.{topic}"]
            allowed = selectors.allowed_choices(self.user, topic)
            rows.append(
                {
                    "topic": topic,
                    "field": bound,
                    "options": [
                        {"value": value, "label": label, "explanation": CHOICE_EXPLANATIONS[value]}
                        for value, label in TopicChoice.choices
                        if value in allowed
                    ],
                    "guarded": self.user.is_minor and topic in GUARDED_FOR_MINORS,
                }
            )
        return rows

    def preference_data(self, *, current_topics: dict) -> dict:
        """What to save: every field, and only the topics changed from what applies now (so a topic never
        touched keeps following the default)."""
        data = {name: self.cleaned_data[name] for name in self.base_fields}
        data["muted_kinds"] = list(data["muted_kinds"])
        data["sensitive_topics"] = {
            topic: self.cleaned_data[f"sensitive_topics.{topic}"]
            for topic in TOPICS
            if self.cleaned_data[f"sensitive_topics.{topic}"] != current_topics[topic]
        }
        return data


def initial_for(user) -> dict:
    saved = selectors.saved_preferences(user)
    initial = {
        "email_mode": saved.email_mode,
        "muted_kinds": saved.muted_kinds,
        "quiet_start": saved.quiet_start,
        "quiet_end": saved.quiet_end,
        "digest_hour": saved.digest_hour,
        "break_reminder_minutes": saved.break_reminder_minutes,
        "daily_reminder_time": saved.daily_reminder_time,
    }
    for topic, choice in selectors.topic_choices(user).items():
        initial[f"sensitive_topics.{topic}"] = choice
    return initial


@login_required
def preferences(request):
    user = request.user
    current_topics = selectors.topic_choices(user)
    form = PreferencesForm(request.POST or None, user=user, initial=initial_for(user))
    if request.method == "POST" and form.is_valid():
        try:
            update_preferences(actor=user, user=user, data=form.preference_data(current_topics=current_topics))
        except forms.ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("Your preferences are saved."))
            return redirect("community:preferences")
    context = {
        "form": form,
        "topics": form.topic_fields(),
        "is_minor": user.is_minor,
        "general_hides": user.sensitive_content == SensitiveContent.HIDE,
        "zone": zone_name(user),
        "zone_chosen": bool(user.time_zone),
    }
    return render(request, "community/preferences/preferences.html", context, status=400 if form.errors else 200)


urlpatterns = [path("settings/preferences/", preferences, name="preferences")]
