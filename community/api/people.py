"""API for people: the signed-in member, public profiles and personal tokens."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.serializers import CountryFieldMixin
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, permissions, serializers, status, throttling, viewsets
from rest_framework.decorators import api_view, parser_classes, permission_classes, throttle_classes
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.settings import api_settings

from config.api_defaults import UserThrottle
from moderation.decision import Action
from moderation.models import Kind
from moderation.services import MAX_SCREENED_CHARS, screen
from moderation.suggestions import ORDER as SUGGESTION_CODES
from moderation.suggestions import suggest
from resources.selectors.help import crisis_help, resolve_country
from resources.views.help import viewer_zone

from .. import selectors, services
from ..models import LANGUAGE_CHOICES, TIME_ZONE_CHOICES, ApiToken, User


class PublicProfileSerializer(serializers.ModelSerializer):
    """What anyone allowed to see the profile sees: its writing only while moderation has it published."""

    name = serializers.CharField(read_only=True)
    display_name = serializers.CharField(source="public_display_name", read_only=True)
    pronouns = serializers.CharField(source="public_pronouns", read_only=True)
    bio = serializers.CharField(source="public_bio", read_only=True)
    avatar_alt = serializers.CharField(source="public_avatar_alt", read_only=True)
    content_warnings = serializers.ListField(
        source="public_content_warnings",
        child=serializers.CharField(),
        read_only=True,
        help_text="Show the bio folded behind these warnings.",
    )
    avatar = serializers.ImageField(read_only=True)
    roles = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = [
            "handle",
            "name",
            "display_name",
            "pronouns",
            "bio",
            "content_warnings",
            "avatar",
            "avatar_alt",
            "roles",
            "date_joined",
        ]
        read_only_fields = fields

    def get_roles(self, user) -> list[str]:
        return user.roles


class ProfileModerationSerializer(serializers.Serializer):
    visibility = serializers.CharField(help_text="published, held (waiting for a moderator), hidden or removed.")
    held_reason = serializers.CharField()
    content_warnings = serializers.ListField(child=serializers.CharField())


class MeSerializer(CountryFieldMixin, PublicProfileSerializer):
    """The member's own view: their writing as they wrote it, and whether others can see it."""

    # The mixin turns the Country object into its code; JSON cannot encode the object itself.
    is_minor = serializers.BooleanField(read_only=True)
    display_name = serializers.CharField(read_only=True)
    pronouns = serializers.CharField(read_only=True)
    bio = serializers.CharField(read_only=True)
    avatar_alt = serializers.CharField(read_only=True)
    content_warnings = serializers.ListField(child=serializers.CharField(), read_only=True)
    profile_moderation = serializers.SerializerMethodField()

    def get_profile_moderation(self, user) -> ProfileModerationSerializer:
        return {
            "visibility": user.visibility,
            "held_reason": user.held_reason,
            "content_warnings": list(user.content_warnings or []),
        }

    class Meta(PublicProfileSerializer.Meta):
        fields = PublicProfileSerializer.Meta.fields + [
            "email",
            "country",
            "language",
            "time_zone",
            "profile_visibility",
            "messages_from",
            "sensitive_content",
            "is_minor",
            "profile_moderation",
        ]
        read_only_fields = ["handle", "email", "date_joined", "avatar", "roles", "is_minor", "profile_moderation"]


class MeUpdateSerializer(serializers.Serializer):
    display_name = serializers.CharField(max_length=50, required=False, allow_blank=True)
    pronouns = serializers.CharField(max_length=30, required=False, allow_blank=True)
    bio = serializers.CharField(max_length=300, required=False, allow_blank=True)
    avatar = serializers.FileField(required=False)
    avatar_alt = serializers.CharField(max_length=150, required=False, allow_blank=True)
    remove_avatar = serializers.BooleanField(required=False, default=False)
    country = serializers.CharField(max_length=2, required=False, allow_blank=True)
    language = serializers.ChoiceField(choices=LANGUAGE_CHOICES, required=False, allow_blank=True)
    time_zone = serializers.ChoiceField(choices=TIME_ZONE_CHOICES, required=False, allow_blank=True)
    profile_visibility = serializers.ChoiceField(
        choices=User._meta.get_field("profile_visibility").choices, required=False
    )
    messages_from = serializers.ChoiceField(choices=User._meta.get_field("messages_from").choices, required=False)
    sensitive_content = serializers.ChoiceField(
        choices=User._meta.get_field("sensitive_content").choices, required=False
    )
    confirm = serializers.BooleanField(
        required=False,
        default=False,
        help_text='Post anyway after screening asked to reconsider (a 400 with `"code": "nudge"`).',
    )


class CrisisLineSerializer(serializers.Serializer):
    helpline = serializers.CharField()
    slug = serializers.SlugField()
    channel = serializers.CharField(help_text="phone, sms, whatsapp or webchat")
    contact = serializers.CharField(help_text="The contact as people read it in that country.")
    href = serializers.CharField(help_text="tel:, sms: or https: link.")
    action = serializers.CharField(help_text="The button text, e.g. “Call 116 123”.")
    always_open = serializers.BooleanField(required=False, help_text="Lines open now only.")
    closes = serializers.DateTimeField(required=False, allow_null=True, help_text="Lines open now only.")
    opens = serializers.DateTimeField(required=False, allow_null=True, help_text="Lines closed now only.")


class EmergencySerializer(serializers.Serializer):
    number = serializers.CharField()
    note = serializers.CharField()


class DirectorySerializer(serializers.Serializer):
    name = serializers.CharField()
    note = serializers.CharField()
    source = serializers.URLField()


class CrisisHelpSerializer(serializers.Serializer):
    """resources.selectors.help.crisis_help(): what to show someone who may be at risk now."""

    message = serializers.CharField()
    help_url = serializers.CharField()
    crisis_response_url = serializers.CharField()
    country = serializers.CharField(help_text="ISO 3166-1 alpha-2; empty when unknown.")
    country_name = serializers.CharField()
    emergency = EmergencySerializer(allow_null=True)
    open_now = CrisisLineSerializer(many=True)
    closed_now = CrisisLineSerializer(many=True)
    directory = DirectorySerializer()


class ModerationOutcomeSerializer(serializers.Serializer):
    """What screening decided about what was just written, for the writer (any write API returns this)."""

    action = serializers.ChoiceField(choices=[Action.PUBLISH, Action.WARN, Action.HOLD])
    crisis = serializers.BooleanField(help_text="The writer may be at risk now: show `help`, privately.")
    message = serializers.CharField()
    content_warnings = serializers.ListField(child=serializers.CharField())
    help = CrisisHelpSerializer(allow_null=True, help_text="When `crisis` is true; null otherwise.")


def help_for(request) -> dict:
    """The helplines open now for the caller (their country, else their browser's), as JSON: `help` blocks."""
    country = resolve_country(user=request.user, accept_language=request.headers.get("Accept-Language", "")[:500])
    return crisis_help(country=country.code, viewer_zone=viewer_zone(request))


def moderation_outcome(request, decision) -> dict:
    """The `moderation` block of a write's answer: held or not, why, and help now when it reads as a crisis."""
    help_now = None
    if decision.crisis:
        help_now = help_for(request)
    return {
        "action": Action.PUBLISH if decision.action == Action.NUDGE else decision.action,
        "crisis": decision.crisis,
        "message": str(decision.message),
        "content_warnings": list(decision.content_warnings),
        "help": help_now,
    }


class MeUpdateResponseSerializer(MeSerializer):
    moderation = ModerationOutcomeSerializer(read_only=True, help_text="What screening decided about the writing.")

    class Meta(MeSerializer.Meta):
        fields = MeSerializer.Meta.fields + ["moderation"]


@extend_schema(request=MeUpdateSerializer, responses=MeUpdateResponseSerializer)
@api_view(["GET", "PATCH"])
@permission_classes([permissions.IsAuthenticated])
@parser_classes([JSONParser, MultiPartParser, FormParser])
def me(request):
    """The signed-in member's own profile and settings; PATCH changes them."""
    if request.method == "PATCH":
        incoming = MeUpdateSerializer(data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        avatar = data.pop("avatar", None)
        remove_avatar = data.pop("remove_avatar", False)
        confirmed = data.pop("confirm", False)
        update = services.update_profile(
            actor=request.user,
            user=request.user,
            data=data,
            avatar=avatar,
            remove_avatar=remove_avatar,
            confirmed=confirmed,
        )
        answer = MeSerializer(update.user, context={"request": request}).data
        return Response({**answer, "moderation": moderation_outcome(request, update.decision)})
    return Response(MeSerializer(request.user, context={"request": request}).data)


class ProfileViewSet(viewsets.ReadOnlyModelViewSet):
    """Profiles the viewer may see. Members-only profiles are invisible (404) to anonymous callers."""

    serializer_class = PublicProfileSerializer
    lookup_field = "handle"
    lookup_value_regex = r"[A-Za-z0-9_]+"

    def get_queryset(self):
        return selectors.listed_profiles(viewer=self.request.user).order_by("-pk")

    def get_object(self):
        person = selectors.profile_for_viewer(viewer=self.request.user, handle=self.kwargs["handle"])
        if person is None:
            raise exceptions.NotFound(_("No profile with that handle."))
        return person


class ApiTokenSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApiToken
        fields = ["id", "name", "prefix", "created_at", "last_used_at"]
        read_only_fields = ["id", "prefix", "created_at", "last_used_at"]


class NewApiTokenSerializer(ApiTokenSerializer):
    token = serializers.CharField(read_only=True, help_text="The secret. Shown only in this response.")

    class Meta(ApiTokenSerializer.Meta):
        fields = ApiTokenSerializer.Meta.fields + ["token"]


class ApiTokenViewSet(
    mixins.ListModelMixin, mixins.CreateModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet
):
    """The caller's personal API tokens: list, create (the secret is returned once), revoke."""

    serializer_class = ApiTokenSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no signed-in user
            return ApiToken.objects.none()
        return selectors.active_api_tokens(user=self.request.user).order_by("-pk")

    @extend_schema(request=ApiTokenSerializer, responses={201: NewApiTokenSerializer})
    def create(self, request, *args, **kwargs):
        incoming = ApiTokenSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        token, raw = services.create_api_token(actor=request.user, name=incoming.validated_data["name"])
        token.token = raw
        return Response(NewApiTokenSerializer(token).data, status=status.HTTP_201_CREATED)

    def destroy(self, request, *args, **kwargs):
        token = self.get_object()
        services.revoke_api_token(actor=request.user, token_id=token.pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


# Preview: what screening would decide about a text, and how to write it more safely. Nothing is saved.


class PreviewKindField(serializers.ChoiceField):
    def fail(self, key, **kwargs):
        if key == "invalid_choice":
            message = gettext("“%(kind)s” is not a kind of writing we check. Use one of: %(kinds)s.") % {
                "kind": kwargs.get("input"),
                "kinds": ", ".join(Kind.values),
            }
            raise serializers.ValidationError(message, code=key)
        super().fail(key, **kwargs)


class ModerationPreviewInputSerializer(serializers.Serializer):
    text = serializers.CharField(
        max_length=MAX_SCREENED_CHARS,
        trim_whitespace=False,  # spans in the answer point into the text exactly as sent
        error_messages={
            "blank": _("Write something to check."),
            "max_length": _("Please shorten the text to {max_length} characters or fewer."),
        },
    )
    kind = PreviewKindField(choices=Kind.choices, help_text="What the text will be, as it will be posted.")
    content_warnings = serializers.ListField(
        child=serializers.CharField(max_length=100),
        required=False,
        default=list,
        max_length=20,
        help_text='Content warnings the writer already chose, codes of the fixed list, e.g. ["suicide_self_harm"].',
    )
    replacing_story = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="When editing one of your stories: its id, so its saved text doesn't read as a repeat of itself.",
    )

    def validate_text(self, value):
        if not value.strip():
            raise serializers.ValidationError(self.fields["text"].error_messages["blank"], code="blank")
        return value


class PreviewLabelSerializer(serializers.Serializer):
    name = serializers.CharField()
    score = serializers.FloatField()
    detector = serializers.CharField()
    rule_id = serializers.IntegerField(
        required=False, allow_null=True, help_text="The watched-word rule that fired. Staff callers only."
    )
    span = serializers.ListField(
        child=serializers.IntegerField(), allow_null=True, help_text="[start, end) offsets in the text as sent."
    )
    action = serializers.CharField(allow_null=True)


class SuggestionSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=SUGGESTION_CODES)
    message = serializers.CharField()


class ModerationPreviewSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=Action.ALL)
    labels = serializers.ListField(child=serializers.CharField())
    crisis = serializers.BooleanField(help_text="The writer may be at risk now: show `help`.")
    content_warnings = serializers.ListField(child=serializers.CharField())
    message = serializers.CharField(help_text="For the writer: what would happen and what to change.")
    censored_text = serializers.CharField(allow_null=True)
    details = PreviewLabelSerializer(
        many=True, help_text="What fired, how sure and where: staff callers only (empty for members)."
    )
    suggestions = SuggestionSerializer(many=True)
    help = CrisisHelpSerializer(allow_null=True, help_text="When `crisis` is true; null otherwise.")


class PreviewThrottle(throttling.UserRateThrottle):
    """Each member's previews per minute: REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["preview"], else 60/min.
    On whenever the API's throttles are (the tests turn them off by emptying DEFAULT_THROTTLE_CLASSES)."""

    scope = "preview"
    default_rate = "60/min"

    def allow_request(self, request, view):
        if not api_settings.DEFAULT_THROTTLE_CLASSES:
            return True
        return super().allow_request(request, view)

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope) or self.default_rate


@extend_schema(
    summary="Check a text before posting it",
    request=ModerationPreviewInputSerializer,
    responses={200: ModerationPreviewSerializer},
)
@api_view(["POST"])
@permission_classes([permissions.IsAuthenticated])
@throttle_classes([UserThrottle, PreviewThrottle])
@parser_classes([JSONParser])
def moderation_preview(request):
    """What screening would decide about a text of this kind by the caller, with safe-messaging suggestions,
    and help to show when the text reads as a crisis. Nothing is saved."""
    incoming = ModerationPreviewInputSerializer(data=request.data)
    incoming.is_valid(raise_exception=True)
    text, warnings = incoming.validated_data["text"], incoming.validated_data["content_warnings"]
    replacing = None
    if incoming.validated_data.get("replacing_story"):
        replacing = selectors.own_story(viewer=request.user, pk=incoming.validated_data["replacing_story"])
    decision = screen(
        text=text, kind=incoming.validated_data["kind"], author=request.user, context={"replacing": replacing}
    )
    shown = decision.as_dict()
    help_now = None
    if decision.crisis:
        help_now = help_for(request)
    preview = {
        **{key: shown[key] for key in ("action", "labels", "crisis", "content_warnings", "message", "censored_text")},
        # What fired, how sure and where is for staff: a member trying words could map the rules and
        # thresholds with it. Members get the action, the message and the suggestions.
        "details": shown["details"] if request.user.is_staff else [],
        "suggestions": suggest(decision, text, content_warnings=warnings),
        "help": help_now,
    }
    return Response(preview)  # shaped as ModerationPreviewSerializer documents it
