"""/api/v1/helplines/: find helplines (by country, open now, topic, audience) and, for organisation members,
create, update, publish and archive them. Input serializer -> service -> output serializer, as everywhere."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from config.api_defaults import CursorPagination

from ..models import Audience, Channel, Helpline, Organisation, Topic
from ..selectors import help as selectors
from ..selectors.topics import TopicTree
from ..services import helplines as services

# Output: a helpline as read at one instant, each channel with whether it is open now


class HoursSerializer(serializers.Serializer):
    weekday = serializers.IntegerField(min_value=0, max_value=6, help_text="0 = Monday … 6 = Sunday")
    opens = serializers.TimeField(format="%H:%M")
    closes = serializers.TimeField(format="%H:%M")
    closes_next_day = serializers.BooleanField(default=False)


class ChannelSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="channel.pk")
    kind = serializers.CharField(source="channel.kind")
    value = serializers.CharField(source="channel.value", help_text="E.164 for full numbers; short codes as digits.")
    label = serializers.CharField(source="channel.label")
    display = serializers.CharField(source="contact", help_text="The contact as people read it in that country.")
    href = serializers.CharField(help_text="tel:, sms:, https: or mailto: link.")
    always_open = serializers.BooleanField(source="channel.always_open")
    open_now = serializers.BooleanField()
    closes_at = serializers.DateTimeField(source="status.closes_at", allow_null=True)
    opens_at = serializers.DateTimeField(source="status.opens_at", allow_null=True)
    hours = HoursSerializer(source="channel.hours.all", many=True, help_text="In the helpline's time zone.")
    hours_summary = serializers.SerializerMethodField()

    def get_hours_summary(self, view) -> list[dict]:
        return [{"days": days, "hours": hours} for days, hours in view.hours]


class OrganisationRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class HelplineSerializer(serializers.Serializer):
    slug = serializers.SlugField(source="helpline.slug")
    name = serializers.CharField(source="helpline.name")
    url = serializers.SerializerMethodField()
    organisation = OrganisationRefSerializer(source="helpline.organisation")
    country = serializers.CharField(source="helpline.country.code")
    country_name = serializers.CharField()
    region = serializers.CharField(source="helpline.region")
    time_zone = serializers.CharField(source="helpline.time_zone")
    description = serializers.CharField(source="helpline.description")
    website = serializers.CharField(source="helpline.website")
    source_url = serializers.CharField(source="helpline.source_url")
    languages = serializers.SerializerMethodField()
    topics = serializers.SerializerMethodField()
    audiences = serializers.SerializerMethodField()
    is_free = serializers.BooleanField(source="helpline.is_free")
    is_confidential = serializers.BooleanField(source="helpline.is_confidential")
    status = serializers.CharField(source="helpline.status")
    verified_on = serializers.DateField(source="helpline.verified_on", allow_null=True)
    open_now = serializers.BooleanField()
    channels = ChannelSerializer(many=True)
    updated_at = serializers.DateTimeField(source="helpline.updated_at")

    def get_url(self, view) -> str:
        path = reverse("resources:helpline_detail", args=[view.helpline.slug])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def get_languages(self, view) -> list[str]:
        return [language.code for language in view.helpline.languages.all()]

    def get_topics(self, view) -> list[str]:
        return [topic.slug for topic in view.helpline.topics.all()]

    def get_audiences(self, view) -> list[str]:
        return [audience.slug for audience in view.helpline.audiences.all()]


# Input


class ChannelInputSerializer(serializers.Serializer):
    id = serializers.IntegerField(required=False, help_text="Keep an existing channel (and its id) when updating.")
    kind = serializers.ChoiceField(choices=Channel.Kind.choices)
    value = serializers.CharField(max_length=300)
    label = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    always_open = serializers.BooleanField(required=False, default=False)
    hours = HoursSerializer(many=True, required=False, help_text="Omit to keep an existing channel's hours.")


class HelplineInputSerializer(serializers.Serializer):
    organisation = serializers.SlugField(help_text="The organisation's slug (create only).")
    name = serializers.CharField(max_length=150)
    slug = serializers.SlugField(max_length=160, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    country = serializers.CharField(max_length=10, help_text="ISO 3166-1 alpha-2, e.g. GB")
    region = serializers.CharField(max_length=100, required=False, allow_blank=True)
    time_zone = serializers.CharField(max_length=64, help_text="IANA name, e.g. Europe/London")
    website = serializers.CharField(max_length=200, required=False, allow_blank=True)
    source_url = serializers.CharField(max_length=200, required=False, allow_blank=True)
    languages = serializers.ListField(child=serializers.CharField(max_length=10), required=False, max_length=50)
    topics = serializers.ListField(child=serializers.SlugField(), required=False, max_length=50)
    audiences = serializers.ListField(child=serializers.SlugField(), required=False, max_length=50)
    is_free = serializers.BooleanField(required=False)
    is_confidential = serializers.BooleanField(required=False)
    position = serializers.IntegerField(required=False, min_value=0, max_value=32767)
    channels = ChannelInputSerializer(many=True, required=False)
    publish = serializers.BooleanField(required=False, default=False, help_text="Create: publish straight away.")


class HelplineUpdateSerializer(HelplineInputSerializer):
    organisation = None
    publish = None


class HelplineFilterSerializer(serializers.Serializer):
    country = serializers.CharField(required=False, max_length=10)
    open_now = serializers.BooleanField(required=False, default=False)
    topic = serializers.SlugField(required=False)
    audience = serializers.SlugField(required=False)

    def validate_country(self, value):
        value = value.upper()
        if value not in countries:
            raise serializers.ValidationError(_("“%(code)s” is not a country code we know.") % {"code": value})
        return value

    def validate_topic(self, value):
        if not Topic.objects.filter(slug=value).exists():
            raise serializers.ValidationError(_("No topic has the slug “%(slug)s”.") % {"slug": value})
        return value

    def validate_audience(self, value):
        if not Audience.objects.filter(slug=value).exists():
            raise serializers.ValidationError(_("No audience has the slug “%(slug)s”.") % {"slug": value})
        return value


class HelplinePagination(CursorPagination):
    ordering = "pk"


def _service_data(validated: dict) -> tuple[dict, list | None]:
    data = {key: value for key, value in validated.items() if key in services.HELPLINE_FIELDS}
    channels = validated.get("channels")
    if channels is not None:
        channels = [
            {**channel, "hours": [dict(row) for row in channel["hours"]]} if "hours" in channel else dict(channel)
            for channel in channels
        ]
    return data, channels


@extend_schema_view(
    list=extend_schema(
        summary="Find helplines",
        parameters=[
            OpenApiParameter("country", OpenApiTypes.STR, description="ISO 3166-1 alpha-2, e.g. GB"),
            OpenApiParameter("open_now", OpenApiTypes.BOOL, description="Only helplines with a channel open now"),
            OpenApiParameter("topic", OpenApiTypes.STR, description="Topic slug; sub-topics included"),
            OpenApiParameter("audience", OpenApiTypes.STR, description="Audience slug"),
        ],
    ),
    retrieve=extend_schema(summary="A helpline, each channel with its hours and whether it is open now"),
)
class HelplineViewSet(viewsets.GenericViewSet):
    """Published helplines with per-channel hours and `open_now`; organisation members manage their own."""

    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    serializer_class = HelplineSerializer
    pagination_class = HelplinePagination
    queryset = Helpline.objects.none()

    def _describe(self, helplines, now):
        return [selectors.describe_helpline(helpline, at=now) for helpline in helplines]

    def list(self, request):
        filters = HelplineFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        params = filters.validated_data
        topic_ids = None
        if params.get("topic"):
            topic_ids = TopicTree(Topic.objects.all()).subtree_ids(params["topic"])
        helplines = selectors.published_helplines(
            country=params.get("country", ""), topic_ids=topic_ids, audience=params.get("audience", "")
        )
        now = timezone.now()
        if params.get("open_now"):
            open_ids = [view.helpline.pk for view in self._describe(helplines, now) if view.open_now]
            helplines = helplines.filter(pk__in=open_ids)
        page = self.paginate_queryset(helplines)
        data = HelplineSerializer(self._describe(page, now), many=True, context={"request": request}).data
        return self.get_paginated_response(data)

    def _visible(self, slug) -> Helpline:
        helpline = selectors.helpline_for_viewer(viewer=self.request.user, slug=slug)
        if helpline is None:
            raise exceptions.NotFound(_("No helpline with that slug."))
        return helpline

    def _respond(self, helpline: Helpline, code=status.HTTP_200_OK) -> Response:
        fresh = self._visible(helpline.slug)
        view = selectors.describe_helpline(fresh, at=timezone.now())
        return Response(HelplineSerializer(view, context={"request": self.request}).data, status=code)

    def retrieve(self, request, slug=None):
        return self._respond(self._visible(slug))

    @extend_schema(request=HelplineInputSerializer, responses={201: HelplineSerializer})
    def create(self, request):
        incoming = HelplineInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        organisation = Organisation.objects.filter(slug=incoming.validated_data["organisation"]).first()
        if organisation is None:
            raise DjangoValidationError({"organisation": [_("No organisation has that slug.")]})
        data, channels = _service_data(incoming.validated_data)
        helpline = services.create_helpline(
            actor=request.user,
            organisation=organisation,
            data=data,
            channels=channels or [],
            publish=incoming.validated_data.get("publish", False),
        )
        return self._respond(helpline, status.HTTP_201_CREATED)

    def _update(self, request, slug, *, partial):
        helpline = self._visible(slug)
        incoming = HelplineUpdateSerializer(data=request.data, partial=partial)
        incoming.is_valid(raise_exception=True)
        data, channels = _service_data(incoming.validated_data)
        helpline = services.update_helpline(actor=request.user, helpline=helpline, data=data, channels=channels)
        return self._respond(helpline)

    @extend_schema(request=HelplineUpdateSerializer, responses=HelplineSerializer)
    def update(self, request, slug=None):
        return self._update(request, slug, partial=False)

    @extend_schema(request=HelplineUpdateSerializer, responses=HelplineSerializer)
    def partial_update(self, request, slug=None):
        return self._update(request, slug, partial=True)

    @extend_schema(request=None, responses=HelplineSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, slug=None):
        helpline = services.publish_helpline(actor=request.user, helpline=self._visible(slug))
        return self._respond(helpline)

    @extend_schema(request=None, responses=HelplineSerializer)
    @action(detail=True, methods=["post"])
    def archive(self, request, slug=None):
        helpline = services.archive_helpline(actor=request.user, helpline=self._visible(slug))
        return self._respond(helpline)


def register(router):
    """Add this module's viewsets to the /api/v1/ router."""
    router.register("helplines", HelplineViewSet, basename="helpline")
