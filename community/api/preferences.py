"""The signed-in member's preferences: GET and PATCH /api/v1/me/preferences/.

Through the same service as the settings page (`update_preferences`), so a wrong value is refused the same way,
with an error that names its field ("sensitive_topics.grief" for one topic)."""

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.decorators import api_view, parser_classes, permission_classes
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from moderation.models import ContentWarning

from .. import selectors
from ..models import EmailMode, Notification, TopicChoice
from ..selectors.preferences import zone_name
from ..services.preferences import PREFERENCE_FIELDS, update_preferences


class PreferencesSerializer(serializers.Serializer):
    email_mode = serializers.ChoiceField(choices=EmailMode.choices)
    muted_kinds = serializers.ListField(
        child=serializers.ChoiceField(choices=Notification.Kind.choices), help_text="Notification kinds turned off."
    )
    quiet_start = serializers.TimeField(allow_null=True, format="%H:%M", help_text="In `time_zone`; with quiet_end.")
    quiet_end = serializers.TimeField(allow_null=True, format="%H:%M")
    digest_hour = serializers.IntegerField(min_value=0, max_value=23, help_text="In `time_zone`.")
    time_zone = serializers.CharField(
        read_only=True, help_text="The zone quiet hours and the digest hour are in (the member's, else the server's)."
    )
    sensitive_topics = serializers.DictField(
        child=serializers.ChoiceField(choices=TopicChoice.choices),
        help_text="What the member chose per topic (content-warning code). A topic not here follows the default.",
    )
    effective_topics = serializers.DictField(
        child=serializers.ChoiceField(choices=TopicChoice.choices),
        read_only=True,
        help_text="How each topic is shown to the member now, defaults included: show it open, collapse it "
        "behind its warning, or hide it (leave it out of lists; ask before showing a story opened on purpose). "
        "Content with several warnings follows the strictest.",
    )
    allowed_topic_choices = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        read_only=True,
        help_text="The choices the member may make per topic (under 18, suicide and self-harm and eating disorders "
        "can't be shown open).",
    )
    break_reminder_minutes = serializers.IntegerField(
        allow_null=True, help_text="Remind to take a break after this many minutes of browsing (5-240); null: off."
    )
    daily_reminder_time = serializers.TimeField(
        allow_null=True, format="%H:%M", help_text="A daily check-in at this local time; null: off."
    )


class PreferencesUpdateSerializer(serializers.Serializer):
    """Any of the preferences. Values are checked by the service (as on the settings page); here only their
    shape. `sensitive_topics` merges: {"grief": "hide"} changes one topic, {"grief": null} returns it to the
    default."""

    email_mode = serializers.CharField(required=False)
    muted_kinds = serializers.ListField(child=serializers.CharField(), required=False)
    quiet_start = serializers.TimeField(required=False, allow_null=True)
    quiet_end = serializers.TimeField(required=False, allow_null=True)
    digest_hour = serializers.IntegerField(required=False)
    sensitive_topics = serializers.DictField(
        child=serializers.CharField(allow_null=True, allow_blank=True), required=False
    )
    break_reminder_minutes = serializers.IntegerField(required=False, allow_null=True)
    daily_reminder_time = serializers.TimeField(required=False, allow_null=True)


def _answer(user) -> dict:
    saved = selectors.saved_preferences(user)
    return PreferencesSerializer(
        {
            **{name: getattr(saved, name) for name in PREFERENCE_FIELDS},
            "time_zone": zone_name(user),
            "effective_topics": selectors.topic_choices(user),
            "allowed_topic_choices": {topic: selectors.allowed_choices(user, topic) for topic in ContentWarning.values},
        }
    ).data


@extend_schema(request=PreferencesUpdateSerializer, responses=PreferencesSerializer)
@api_view(["GET", "PATCH"])
@permission_classes([permissions.IsAuthenticated])
@parser_classes([JSONParser])
def me_preferences(request):
    """Your preferences: notifications, sensitive topics and wellbeing reminders; PATCH changes some of them."""
    if request.method == "PATCH":
        incoming = PreferencesUpdateSerializer(data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        if isinstance(request.data, dict):  # a setting that doesn't exist is refused by name, not ignored
            data.update({name: request.data[name] for name in request.data if name not in incoming.fields})
        update_preferences(actor=request.user, user=request.user, data=data)
    return Response(_answer(request.user))
