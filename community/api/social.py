"""API for following people and each person's own safety controls: blocks, mutes, restrictions and hidden
words. Following a hashtag is with the hashtag, in stories.py.

Input serializers check the shape and community.services decide; nobody is told when someone blocks, mutes or
restricts them.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from config.api_defaults import CursorPagination

from .. import services
from ..models import Block, HiddenWord, Mute, Restriction, User
from .common import id_or_404
from .stories import created_status

# Output


class PersonRelationSerializer(serializers.Serializer):
    handle = serializers.CharField(source="person.handle")
    name = serializers.CharField(source="person.name")
    since = serializers.DateTimeField(source="created_at")


class HiddenWordSerializer(serializers.ModelSerializer):
    class Meta:
        model = HiddenWord
        fields = ["id", "phrase"]
        read_only_fields = ["id"]


# Input


class HiddenWordInputSerializer(serializers.Serializer):
    phrase = serializers.CharField(allow_blank=True)


# Reads the endpoints share


def _person_or_404(handle: str) -> User:
    person = User.objects.filter(handle__iexact=handle, is_active=True).first()
    if person is None:
        raise exceptions.NotFound(_("No one with that handle."))
    return person


HANDLE = OpenApiParameter("handle", str, OpenApiParameter.PATH)


# People: follows, and each person's own safety controls


class PersonViewSet(viewsets.GenericViewSet):
    """Following people."""

    queryset = User.objects.none()
    lookup_field = "handle"
    lookup_value_regex = r"[A-Za-z0-9_]+"

    @extend_schema(methods=["PUT"], parameters=[HANDLE], request=None, responses={200: None, 201: None})
    @extend_schema(methods=["DELETE"], parameters=[HANDLE], request=None, responses={204: None})
    @action(detail=True, methods=["put", "delete"])
    def follow(self, request, handle=None):
        """PUT follows the person (201, or 200 if you already did); DELETE stops following them."""
        person = _person_or_404(handle)
        if request.method == "DELETE":
            services.unfollow(actor=request.user, user=person)
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(status=created_status(services.follow(actor=request.user, user=person)))


class _OwnListPagination(CursorPagination):
    ordering = "-pk"


class _PersonControlViewSet(viewsets.GenericViewSet):
    """People the caller blocked, muted or restricted: list; PUT adds one by handle, DELETE removes them."""

    permission_classes = [IsAuthenticated]
    serializer_class = PersonRelationSerializer
    pagination_class = _OwnListPagination
    lookup_field = "handle"
    lookup_value_regex = r"[A-Za-z0-9_]+"
    owner_field = person_field = ""
    add = remove = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no signed-in user
            return self.queryset.none()
        rows = self.queryset.filter(**{self.owner_field: self.request.user}).select_related(self.person_field)
        return rows.order_by("-pk")

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        for row in page:
            row.person = getattr(row, self.person_field)
        return self.get_paginated_response(PersonRelationSerializer(page, many=True).data)

    @extend_schema(parameters=[HANDLE], request=None, responses={200: None, 201: None})
    def update(self, request, handle=None):
        created = self.add(actor=request.user, user=_person_or_404(handle))
        return Response(status=created_status(created))

    @extend_schema(parameters=[HANDLE], request=None, responses={204: None})
    def destroy(self, request, handle=None):
        self.remove(actor=request.user, user=_person_or_404(handle))
        return Response(status=status.HTTP_204_NO_CONTENT)


class BlockViewSet(_PersonControlViewSet):
    """People you blocked. A block hides each of you from the other everywhere and ends follows between you;
    they are not told."""

    queryset = Block.objects.all()
    owner_field, person_field = "blocker", "blocked"
    add, remove = staticmethod(services.block), staticmethod(services.unblock)


class MuteViewSet(_PersonControlViewSet):
    """People you muted: their stories leave your feed; they are not told."""

    queryset = Mute.objects.all()
    owner_field, person_field = "muter", "muted"
    add, remove = staticmethod(services.mute), staticmethod(services.unmute)


class RestrictionViewSet(_PersonControlViewSet):
    """People you restricted: their comments on your stories are seen only by them (and you); they are not
    told."""

    queryset = Restriction.objects.all()
    owner_field, person_field = "owner", "restricted"
    add, remove = staticmethod(services.restrict), staticmethod(services.unrestrict)


class HiddenWordViewSet(viewsets.GenericViewSet):
    """Words and phrases you don't want in comments on your stories: such comments wait for your approval."""

    permission_classes = [IsAuthenticated]
    serializer_class = HiddenWordSerializer
    pagination_class = None
    queryset = HiddenWord.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return HiddenWord.objects.none()
        return HiddenWord.objects.filter(owner=self.request.user).order_by("phrase")

    @extend_schema(responses=HiddenWordSerializer(many=True))
    def list(self, request):
        return Response(HiddenWordSerializer(self.get_queryset(), many=True).data)

    @extend_schema(request=HiddenWordInputSerializer, responses={200: HiddenWordSerializer, 201: HiddenWordSerializer})
    def create(self, request):
        """Add a word or phrase (201, or 200 if it was already on your list)."""
        incoming = HiddenWordInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        created = services.add_hidden_word(actor=request.user, phrase=incoming.validated_data["phrase"])
        phrase = " ".join(incoming.validated_data["phrase"].split())  # as the service stores it
        word = self.get_queryset().filter(phrase=phrase).first()
        return Response(HiddenWordSerializer(word).data, status=created_status(created))

    @extend_schema(request=None, responses={204: None})
    def destroy(self, request, pk=None):
        word = self.get_queryset().filter(pk=id_or_404(pk)).first()
        if word is None:
            raise exceptions.NotFound(_("No such word on your list."))
        services.remove_hidden_word(actor=request.user, phrase=word.phrase)
        return Response(status=status.HTTP_204_NO_CONTENT)


def register(router):
    """Add this module's viewsets to the /api/v1/ router."""
    router.register("people", PersonViewSet, basename="person")
    router.register("me/blocks", BlockViewSet, basename="block")
    router.register("me/mutes", MuteViewSet, basename="mute")
    router.register("me/restrictions", RestrictionViewSet, basename="restriction")
    router.register("me/hidden-words", HiddenWordViewSet, basename="hidden-word")
