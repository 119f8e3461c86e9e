"""API for the caller's notifications: the list (newest first, by cursor), the unread count, and marking one
or all read. The same selectors and services as the page: what a notification says and where it links are
worked out there, for the caller, and a link is given only while the caller may still see its target."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import exceptions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from ..models import Notification
from ..selectors import notifications as selectors
from ..services import notifications as services
from .common import id_or_404
from .stories import AuthorSerializer

MAX_CURSOR = 100


class NotificationSerializer(serializers.Serializer):
    """One notification as selectors.notifications.shown_notifications describes it."""

    id = serializers.IntegerField(source="notification.pk")
    kind = serializers.ChoiceField(source="notification.kind", choices=Notification.Kind.choices)
    text = serializers.CharField(help_text="What happened, in one sentence (never anyone's writing).")
    url = serializers.SerializerMethodField(help_text="Where it happened, while you may still see it; else null.")
    actor = serializers.SerializerMethodField(
        help_text="Who did it (the latest, for a group); null when unnamed (an anonymous author) or not a person."
    )
    count = serializers.IntegerField(source="notification.count", help_text="How many events it groups.")
    people = serializers.SerializerMethodField(help_text="How many different people it groups.")
    unread = serializers.BooleanField()
    read_at = serializers.DateTimeField(source="notification.read_at", allow_null=True)
    created_at = serializers.DateTimeField(source="notification.created_at")
    updated_at = serializers.DateTimeField(source="notification.updated_at", help_text="When it last changed.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, item) -> str | None:
        return self.context["request"].build_absolute_uri(item.url) if item.url else None

    @extend_schema_field(AuthorSerializer(allow_null=True))
    def get_actor(self, item):
        actor = item.notification.actor
        if actor is None:
            return None
        if getattr(item.notification, "actor_hidden", False):  # an under-18 writer the circle does not name here
            return {"handle": None, "name": _("A member under 18")}
        return {"handle": actor.handle, "name": actor.name}

    def get_people(self, item) -> int:
        data = item.notification.data or {}
        return int(data.get("people", 1 if item.notification.actor_id else 0) or 0)


class NotificationPageSerializer(serializers.Serializer):
    results = NotificationSerializer(many=True)
    next_cursor = serializers.CharField(allow_null=True, help_text="Send as `?cursor=` for older notifications.")
    next = serializers.URLField(allow_null=True, help_text="The URL of the older notifications, or null.")


class UnreadCountSerializer(serializers.Serializer):
    unread = serializers.IntegerField()


class MarkedSerializer(UnreadCountSerializer):
    marked = serializers.IntegerField(help_text="How many were unread until now.")


def _page_size(request) -> int:
    try:
        return min(max(int(request.query_params.get("page_size", selectors.PAGE)), 1), selectors.MAX_PAGE)
    except ValueError:
        raise exceptions.ValidationError({"page_size": [_("Give a whole number.")]}) from None


class PageSchema(AutoSchema):
    """`list` answers one page object (results and the next cursor), not an array of pages."""

    def _is_list_view(self, serializer=None) -> bool:
        return False if getattr(self.view, "action", None) == "list" else super()._is_list_view(serializer)


class NotificationViewSet(viewsets.GenericViewSet):
    """Your notifications, newest first. Mark one or all read; ask how many are unread (for a badge)."""

    queryset = Notification.objects.none()  # reads go through selectors.notifications; this types the schema
    serializer_class = NotificationSerializer
    pagination_class = None
    permission_classes = [IsAuthenticated]
    schema = PageSchema()

    def _shown(self, notification) -> dict:
        item = selectors.shown_notifications([notification], viewer=self.request.user)[0]
        return NotificationSerializer(item, context={"request": self.request}).data

    @extend_schema(
        operation_id="v1_notifications_list",
        parameters=[
            OpenApiParameter("cursor", str, description="From `next_cursor` of the previous page."),
            OpenApiParameter("page_size", int, description=f"Notifications per page, 1 to {selectors.MAX_PAGE}."),
        ],
        responses=NotificationPageSerializer,
    )
    def list(self, request):
        cursor = request.query_params.get("cursor", "")[:MAX_CURSOR] or None
        page = selectors.notification_page(viewer=request.user, cursor=cursor, size=_page_size(request))
        next_url = None
        if page.next_cursor:
            next_url = replace_query_param(request.build_absolute_uri(), "cursor", page.next_cursor)
        return Response(
            {
                "results": NotificationSerializer(page.items, many=True, context={"request": request}).data,
                "next_cursor": page.next_cursor,
                "next": next_url,
            }
        )

    @extend_schema(responses=NotificationSerializer)
    def retrieve(self, request, pk=None):
        notification = selectors.notification_for(viewer=request.user, pk=id_or_404(pk))
        if notification is None:
            raise exceptions.NotFound(_("No notification here."))
        return Response(self._shown(notification))

    @extend_schema(request=None, responses=NotificationSerializer)
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        """Mark one notification read (again is fine)."""
        notification = selectors.notification_for(viewer=request.user, pk=id_or_404(pk))
        if notification is None:
            raise exceptions.NotFound(_("No notification here."))
        services.mark_read(actor=request.user, notification_id=notification.pk)
        return Response(self._shown(selectors.notification_for(viewer=request.user, pk=notification.pk)))

    @extend_schema(request=None, responses=MarkedSerializer)
    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request):
        """Mark all your notifications read."""
        marked = services.mark_all_read(actor=request.user)
        return Response({"marked": marked, "unread": selectors.unread_count(viewer=request.user)})

    @extend_schema(responses=UnreadCountSerializer)
    @action(detail=False, methods=["get"], url_path="unread-count")
    def unread_count(self, request):
        """How many of your notifications are unread."""
        return Response({"unread": selectors.unread_count(viewer=request.user)})


def register(router):
    """Add this module's viewsets to the /api/v1/ router."""
    router.register("notifications", NotificationViewSet, basename="notification")
