"""API for people: the signed-in member, public profiles and personal tokens."""

from django.utils.translation import gettext_lazy as _
from django_countries.serializers import CountryFieldMixin
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import api_view, parser_classes, permission_classes
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from . import selectors, services
from .models import LANGUAGE_CHOICES, TIME_ZONE_CHOICES, ApiToken, User


class PublicProfileSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    avatar = serializers.ImageField(read_only=True)
    roles = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["handle", "name", "display_name", "pronouns", "bio", "avatar", "avatar_alt", "roles", "date_joined"]
        read_only_fields = fields

    def get_roles(self, user) -> list[str]:
        return user.roles


class MeSerializer(CountryFieldMixin, PublicProfileSerializer):
    # The mixin turns the Country object into its code; JSON cannot encode the object itself.
    is_minor = serializers.BooleanField(read_only=True)

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
        ]
        read_only_fields = ["handle", "email", "date_joined", "avatar", "roles", "is_minor"]


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


@extend_schema(request=MeUpdateSerializer, responses=MeSerializer)
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
        services.update_profile(
            actor=request.user, user=request.user, data=data, avatar=avatar, remove_avatar=remove_avatar
        )
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
