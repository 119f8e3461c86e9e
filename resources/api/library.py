"""/api/v1/ endpoints for organisations, topics and resources.

Reading is open to everyone. Writing goes input serializer → service → output serializer, so the API keeps
the same rules and messages as the publisher workspace. DELETE on a resource archives it (nothing is erased).
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from moderation.markdown import render_markdown

from ..models import Organisation, Resource, Topic
from ..selectors import library as selectors
from ..selectors.search import search_resources
from ..services import library as services
from ..services import organisations as organisation_services

MAX_LIMIT = 100

# Output


class OrganisationSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", read_only=True)
    verified = serializers.BooleanField(source="is_verified", read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="organisation-detail", lookup_field="slug")

    class Meta:
        model = Organisation
        fields = [
            "slug",
            "url",
            "name",
            "description",
            "website",
            "email",
            "country",
            "registration_number",
            "verification",
            "verified",
            "verified_at",
        ]
        read_only_fields = fields


class OrganisationSummarySerializer(serializers.ModelSerializer):
    verified = serializers.BooleanField(source="is_verified", read_only=True)

    class Meta:
        model = Organisation
        fields = ["slug", "name", "verified"]
        read_only_fields = fields


class TopicSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Topic
        fields = ["slug", "name", "parent", "description", "is_sensitive"]
        read_only_fields = fields


class ResourceSerializer(serializers.ModelSerializer):
    organisation = OrganisationSummarySerializer(read_only=True)
    topics = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    audiences = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    languages = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    countries = serializers.SlugRelatedField(source="areas", slug_field="code", many=True, read_only=True)
    tags = serializers.SerializerMethodField()
    body_html = serializers.SerializerMethodField()
    review_due_on = serializers.DateField(read_only=True)
    needs_review = serializers.BooleanField(read_only=True)

    class Meta:
        model = Resource
        fields = [
            "slug",
            "kind",
            "title",
            "summary",
            "body",
            "body_html",
            "external_url",
            "organisation",
            "topics",
            "tags",
            "audiences",
            "languages",
            "countries",
            "status",
            "reviewed_on",
            "review_interval_days",
            "review_due_on",
            "needs_review",
            "link_status",
            "link_checked_at",
            "published_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_tags(self, resource) -> list[str]:
        return sorted(tag.name for tag in resource.tags.all())

    def get_body_html(self, resource) -> str:
        return str(render_markdown(resource.body))


class ResourceListSerializer(ResourceSerializer):
    """A search result: everything but the body, so a list never renders anyone's Markdown (the detail does)."""

    body_html = None

    class Meta(ResourceSerializer.Meta):
        fields = [name for name in ResourceSerializer.Meta.fields if name not in {"body", "body_html"}]
        read_only_fields = fields


# Input: the shape only. The service checks the rules (unknown codes, publishability, permissions).


class ResourceInputSerializer(serializers.Serializer):
    kind = serializers.CharField(required=False)
    title = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    summary = serializers.CharField(required=False, allow_blank=True)
    body = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    external_url = serializers.CharField(required=False, allow_blank=True)
    topics = serializers.ListField(child=serializers.CharField(), required=False, max_length=50)
    tags = serializers.ListField(child=serializers.CharField(), required=False, max_length=50)
    audiences = serializers.ListField(child=serializers.CharField(), required=False, max_length=50)
    languages = serializers.ListField(child=serializers.CharField(), required=False, max_length=50)
    countries = serializers.ListField(child=serializers.CharField(), required=False, max_length=300)
    review_interval_days = serializers.IntegerField(required=False)
    reviewed_on = serializers.DateField(required=False)
    publish = serializers.BooleanField(required=False, default=False, help_text="Publish it in the same request.")


class ResourceCreateSerializer(ResourceInputSerializer):
    organisation = serializers.SlugField(help_text="The slug of an organisation you publish for.")


class OrganisationInputSerializer(serializers.Serializer):
    name = serializers.CharField(required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)
    website = serializers.CharField(required=False, allow_blank=True)
    email = serializers.CharField(required=False, allow_blank=True)
    country = serializers.CharField(required=False, allow_blank=True)
    registration_number = serializers.CharField(required=False, allow_blank=True)


# Endpoints


class OrganisationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """Verified organisations. POST registers one (you become its admin); PATCH changes it (its admins)."""

    serializer_class = OrganisationSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return selectors.public_organisations().order_by("-pk")

    def get_object(self):
        page = selectors.organisation_page(viewer=self.request.user, slug=self.kwargs["slug"])
        if page is None:
            raise exceptions.NotFound(_("No organisation with that slug."))
        return page.organisation

    @extend_schema(request=OrganisationInputSerializer, responses={201: OrganisationSerializer})
    def create(self, request, *args, **kwargs):
        incoming = OrganisationInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        organisation = organisation_services.register_organisation(actor=request.user, **incoming.validated_data)
        output = OrganisationSerializer(organisation, context=self.get_serializer_context())
        return Response(output.data, status=status.HTTP_201_CREATED)

    @extend_schema(request=OrganisationInputSerializer, responses=OrganisationSerializer)
    def partial_update(self, request, *args, **kwargs):
        organisation = self.get_object()
        incoming = OrganisationInputSerializer(data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        organisation = organisation_services.update_organisation(
            actor=request.user, organisation=organisation, **incoming.validated_data
        )
        return Response(OrganisationSerializer(organisation, context=self.get_serializer_context()).data)


class TopicViewSet(viewsets.ReadOnlyModelViewSet):
    """The topic taxonomy; `parent` is the slug of the broader topic."""

    serializer_class = TopicSerializer
    lookup_field = "slug"
    pagination_class = None

    def get_queryset(self):
        return Topic.objects.select_related("parent").order_by("position", "name")


SEARCH_PARAMETERS = [
    OpenApiParameter("q", str, description="Words to search for."),
    OpenApiParameter("kind", str, enum=Resource.Kind.values),
    OpenApiParameter("topic", str, description="A topic slug."),
    OpenApiParameter("audience", str, description="An audience slug."),
    OpenApiParameter("language", str, description="An ISO 639-1 code, e.g. en."),
    OpenApiParameter("country", str, description="An ISO 3166-1 code; worldwide resources are included."),
    OpenApiParameter("limit", int, description=f"How many results (at most {MAX_LIMIT})."),
    OpenApiParameter("offset", int, description="How many results to skip."),
]


class ResourceViewSet(viewsets.GenericViewSet):
    """Published resources (members of an organisation also see its drafts by slug).

    Members of a verified organisation create, change, publish and archive its resources.
    """

    serializer_class = ResourceSerializer
    lookup_field = "slug"
    queryset = Resource.objects.none()

    def get_permissions(self):
        if self.action in {"create", "partial_update", "destroy", "publish", "reviewed"}:
            return [IsAuthenticated()]
        return super().get_permissions()

    def _resource(self):
        resource = selectors.resource_for_publisher(user=self.request.user, slug=self.kwargs["slug"])
        if resource is None:
            raise Http404
        return resource

    def _output(self, resource, status_code=status.HTTP_200_OK):
        view = selectors.resource_for_viewer(viewer=self.request.user, slug=resource.slug)
        return Response(ResourceSerializer(view.resource).data, status=status_code)

    @extend_schema(parameters=SEARCH_PARAMETERS, responses=ResourceListSerializer(many=True))
    def list(self, request):
        """Search and filter published resources, best match first, with facet counts."""
        params = request.query_params
        try:
            limit = min(max(int(params.get("limit", 20)), 1), MAX_LIMIT)
            offset = max(int(params.get("offset", 0)), 0)
        except ValueError:
            raise exceptions.ValidationError({"limit": [_("Give whole numbers for limit and offset.")]}) from None
        result = search_resources(
            viewer=request.user,
            query=params.get("q", ""),
            kind=params.get("kind", ""),
            topic=params.get("topic", ""),
            audience=params.get("audience", ""),
            language=params.get("language", ""),
            country=params.get("country", ""),
            limit=limit,
            offset=offset,
            prefetch=("audiences", "languages", "areas", "tags"),
        )
        return Response(
            {
                "count": result.total,
                "offset": offset,
                "limit": limit,
                "crisis": result.crisis,
                "facets": {
                    name: [{"value": value, "label": str(label), "count": count} for value, label, count in values]
                    for name, values in result.facets.items()
                },
                "results": ResourceListSerializer(result.resources, many=True).data,
            }
        )

    def retrieve(self, request, slug=None):
        view = selectors.resource_for_viewer(viewer=request.user, slug=slug)
        if view is None:
            raise Http404
        return Response(ResourceSerializer(view.resource).data)

    @extend_schema(request=ResourceCreateSerializer, responses={201: ResourceSerializer})
    def create(self, request):
        incoming = ResourceCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        organisation = Organisation.objects.filter(slug=data.pop("organisation")).first()
        if organisation is None:
            raise exceptions.ValidationError({"organisation": [_("No organisation with that slug.")]})
        resource = services.create_resource(actor=request.user, organisation=organisation, **data)
        return self._output(resource, status.HTTP_201_CREATED)

    @extend_schema(request=ResourceInputSerializer, responses=ResourceSerializer)
    def partial_update(self, request, slug=None):
        resource = self._resource()
        incoming = ResourceInputSerializer(data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        resource = services.update_resource(actor=request.user, resource=resource, **incoming.validated_data)
        return self._output(resource)

    @extend_schema(request=None, responses={204: None})
    def destroy(self, request, slug=None):
        """Archive the resource: readers no longer see it; it can be published again."""
        services.archive_resource(actor=request.user, resource=self._resource())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=None, responses=ResourceSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, slug=None):
        resource = services.publish_resource(actor=request.user, resource=self._resource())
        return self._output(resource)

    @extend_schema(request=None, responses=ResourceSerializer)
    @action(detail=True, methods=["post"])
    def reviewed(self, request, slug=None):
        """Record that the resource was checked today and is still accurate."""
        resource = services.mark_resource_reviewed(actor=request.user, resource=self._resource())
        return self._output(resource)


def register(router):
    """Add this module's viewsets to the /api/v1/ router."""
    router.register("organisations", OrganisationViewSet, basename="organisation")
    router.register("topics", TopicViewSet, basename="topic")
    router.register("resources", ResourceViewSet, basename="resource")
