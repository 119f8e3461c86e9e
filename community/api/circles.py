"""API for support circles: list and start circles, join (or ask to join) and leave, the hosts' requests and
members, members' posts (pinned first) with hosts' pins and removals, and the support chat: its state (on now,
the next session) and its messages since a cursor (`?after=<id>`, what the chat room polls every two seconds).

The same rules as the pages (community.selectors.circles decides who may do what, community.services.circles
writes): a circle the caller may not see is a 404; a circle they see but may not act in is a 403. Posts and the
chat are for active members (and moderators, who read them). Posting to a closed chat is a 409 with
`"code": "chat_closed"` and the next session.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from config.api_defaults import CursorPagination
from moderation.models import Visibility, warning_labels

from ..models import MAX_CHAT_MESSAGE, Circle, CirclePost
from ..selectors import circles as circle_selectors
from ..services import circles as circle_services
from .common import id_or_404, person_fields
from .people import CrisisHelpSerializer, ModerationOutcomeSerializer, help_for, moderation_outcome

MAX_PAGE = 100
POLL_SECONDS = 2


# Output


class PersonSerializer(serializers.Serializer):
    handle = serializers.CharField(allow_null=True, help_text="Null for an under-18 the caller may not see named.")
    name = serializers.CharField(help_text='Their name, or "A member under 18".')


def _author(request, item) -> dict | None:
    """The writer of a post or chat message as the caller may see them (`selectors.circles.mark_minor_authors`):
    an under-18 writer is "A member under 18", without a handle, to adults who don't host the circle."""
    if getattr(item, "author_hidden", False):
        return {"handle": None, "name": str(_("A member under 18"))}
    return person_fields(item.author)


class ShownPersonSerializer(serializers.Serializer):
    handle = serializers.CharField(allow_null=True, help_text="Null for an under-18 the caller may not see named.")
    name = serializers.CharField(help_text='Their name, or "a teen host" / "a member under 18".')


def _shown(shown) -> dict:
    """A host or member as `selectors.circles.ShownPerson` says the caller may see them."""
    if shown.user is None:
        return {"handle": None, "name": str(shown.label)}
    return person_fields(shown.user)


class SessionSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()


def _session(session) -> dict | None:
    return {"start": session.start, "end": session.end} if session is not None else None


class ChatStateSerializer(serializers.Serializer):
    open = serializers.BooleanField(help_text="Whether a session is on now: members may write.")
    session = SessionSerializer(allow_null=True, help_text="The session on now, or null.")
    next_session = SessionSerializer(allow_null=True, help_text="The next session to start, or null.")
    next_session_text = serializers.CharField(help_text="The next session in the caller's zone, ready to show.")
    schedules = serializers.ListField(child=serializers.CharField(), help_text="The chat times in words.")
    ics_url = serializers.CharField(allow_null=True, help_text="The chat's times for a calendar app (.ics).")


def _chat_state(request, circle, state=None) -> dict:
    state = state or circle_selectors.chat_state(circle)
    zone_name = getattr(request.user, "time_zone", "") or timezone.get_current_timezone_name() or circle.time_zone
    schedules = circle_selectors.schedule_texts(circle, at=state.at)
    return {
        "open": state.open,
        "session": _session(state.current),
        "next_session": _session(state.next),
        "next_session_text": circle_services.describe_moment(state.next.start, zone_name) if state.next else "",
        "schedules": schedules,
        "ics_url": reverse("community:circle_chat_ics", args=[circle.slug]) if schedules else None,
    }


class MembershipSerializer(serializers.Serializer):
    status = serializers.CharField(help_text="requested, active, declined or removed.")
    role = serializers.CharField(help_text="member or host.")
    guidelines_accepted_at = serializers.DateTimeField(allow_null=True)


class CircleSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    guidelines = serializers.CharField()
    join_policy = serializers.CharField(
        help_text="open (join at once) or request (a host approves); always request for a circle for everyone."
    )
    age_group = serializers.CharField(help_text="everyone, adults or teens.")
    time_zone = serializers.CharField(help_text="The zone the chat times are given in.")
    member_count = serializers.IntegerField()
    membership = MembershipSerializer(allow_null=True, help_text="The caller's membership, or null.")
    takes_part = serializers.BooleanField(help_text="Whether the caller may read and write its posts and chat.")
    is_host = serializers.BooleanField(help_text="Whether the caller manages it (a host, or a moderator).")
    chat = ChatStateSerializer()
    url = serializers.CharField()


def _circle(request, circle, *, hosts=None) -> dict:
    membership = circle_selectors.membership_of(request.user, circle)
    return {
        "slug": circle.slug,
        "title": circle.title,
        "description": circle.description,
        "guidelines": circle.guidelines,
        "join_policy": Circle.JoinPolicy.REQUEST if circle_selectors.joins_by_request(circle) else circle.join_policy,
        "age_group": circle.age_group,
        "time_zone": circle.time_zone,
        "member_count": getattr(circle, "member_count", 0),
        "membership": {
            "status": membership.status,
            "role": membership.role,
            "guidelines_accepted_at": membership.guidelines_accepted_at,
        }
        if membership is not None
        else None,
        "takes_part": circle_selectors.takes_part(request.user, circle, membership),
        "is_host": circle_selectors.can_manage(request.user, circle, membership),
        "chat": _chat_state(request, circle),
        "url": reverse("community:circle_detail", args=[circle.slug]),
    }


class CircleDetailSerializer(CircleSerializer):
    hosts = ShownPersonSerializer(
        many=True,
        help_text="An under-18 host is named only to the circle's teen members and moderators; to anyone else they "
        'are "a teen host", without a handle.',
    )


class PostSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    author = PersonSerializer(allow_null=True)
    is_author = serializers.BooleanField()
    body = serializers.CharField()
    pinned = serializers.BooleanField()
    removed_by_host = serializers.BooleanField(
        help_text="To its writer, the hosts and moderators: a host took it off the circle (hosts may restore it)."
    )
    visibility = serializers.CharField(allow_null=True, help_text="To its writer only: published, held...")
    held_reason = serializers.CharField(allow_null=True, help_text="To its writer only.")
    content_warnings = serializers.ListField(child=serializers.CharField())
    content_warning_labels = serializers.ListField(child=serializers.CharField(), help_text="The warnings' names.")
    sensitive_choice = serializers.ChoiceField(
        choices=["show", "collapse", "hide"],
        help_text="How the caller's sensitive-topic settings show it: open, folded behind its warnings, or hidden "
        "(`body` is then empty: say that a post was hidden by their settings).",
    )
    deleted = serializers.BooleanField(
        help_text="Its writer deleted it: `body` and `author` are empty, the comments under it are still there."
    )
    comment_count = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    url = serializers.CharField()


def _post(request, post, *, manages: bool = False) -> dict:
    deleted = post.deleted_at is not None
    mine = post.author_id is not None and post.author_id == request.user.pk
    return {
        "id": post.pk,
        "author": None if deleted else _author(request, post),
        "is_author": mine,
        "body": "" if deleted else post.body,
        "pinned": post.pinned_at is not None,
        "removed_by_host": (mine or manages) and post.removed_by_id is not None,
        "visibility": post.visibility if mine else None,
        "held_reason": post.held_reason if mine else None,
        "content_warnings": list(post.content_warnings or []),
        "content_warning_labels": [str(label) for label in warning_labels(post.content_warnings or [])],
        "sensitive_choice": getattr(post, "sensitive_choice", "show"),
        "deleted": deleted,
        "comment_count": getattr(post, "comment_count", 0),
        "created_at": post.created_at,
        "url": reverse("community:circle_post", args=[post.circle.slug, post.pk]),
    }


class PostsPageSerializer(serializers.Serializer):
    pinned = PostSerializer(many=True, help_text="Pinned posts, on the first page only.")
    results = PostSerializer(many=True, help_text="The others, newest first.")
    older = serializers.IntegerField(allow_null=True, help_text="Send as `?before=` for older posts; null: no more.")


class WrittenPostSerializer(PostSerializer):
    moderation = ModerationOutcomeSerializer()


class MessageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    author = PersonSerializer(allow_null=True)
    is_mine = serializers.BooleanField()
    body = serializers.CharField()
    created_at = serializers.DateTimeField()
    time = serializers.CharField(help_text="When it was sent, as HH:MM in the caller's zone.")
    held = serializers.BooleanField(help_text="To its writer only: waiting for a moderator, seen by nobody else.")
    removed = serializers.BooleanField(
        help_text="To its writer, the hosts and moderators: a host took it out of the chat (hosts may restore it)."
    )
    crisis = serializers.BooleanField(help_text="To its writer only: show `help_url`, where help is, next to it.")
    content_warnings = serializers.ListField(child=serializers.CharField())
    content_warning_labels = serializers.ListField(child=serializers.CharField(), help_text="The warnings' names.")
    sensitive_choice = serializers.ChoiceField(
        choices=["show", "collapse", "hide"],
        help_text="How the caller's sensitive-topic settings show it: open, folded behind its warnings, or hidden "
        "(`body` is then empty: say that a message was hidden by their settings).",
    )


def _message(request, message, *, manages: bool = False) -> dict:
    mine = message.author_id is not None and message.author_id == request.user.pk
    return {
        "id": message.pk,
        "author": _author(request, message),
        "is_mine": mine,
        "body": message.body,
        "created_at": message.created_at,
        "time": timezone.localtime(message.created_at).strftime("%H:%M"),
        "held": mine and message.visibility != Visibility.PUBLISHED,
        "removed": (mine or manages) and message.removed_by_id is not None,
        "crisis": mine and circle_selectors.reads_as_crisis(message),
        "content_warnings": list(message.content_warnings or []),
        "content_warning_labels": [str(label) for label in warning_labels(message.content_warnings or [])],
        "sensitive_choice": getattr(message, "sensitive_choice", "show"),
    }


class MessagesSerializer(ChatStateSerializer):
    messages = MessageSerializer(many=True, help_text="Oldest first: the session's messages after `after`.")
    withdrawn = serializers.ListField(
        child=serializers.IntegerField(), help_text="Ids of messages already shown that must now be taken away."
    )
    removed = serializers.ListField(
        child=serializers.IntegerField(),
        help_text="Ids of the session's messages a host removed that the caller still sees, marked: their own, and "
        "for hosts every one. Mark those shown as removed; one marked but no longer listed was restored.",
    )
    cursor = serializers.IntegerField(help_text="Send as `?after=` next time.")
    can_post = serializers.BooleanField()
    can_remove = serializers.BooleanField(help_text="Whether the caller may remove others' messages (a host).")
    poll_seconds = serializers.IntegerField()
    help_url = serializers.CharField()
    crisis_help = CrisisHelpSerializer(
        allow_null=True,
        help_text="When one of the caller's messages in this session reads as a crisis: the helplines open now, "
        "to show in the room straight away. Null otherwise.",
    )


class WrittenMessageSerializer(MessageSerializer):
    moderation = ModerationOutcomeSerializer()


class RequestSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    person = PersonSerializer()
    note = serializers.CharField()
    asked_at = serializers.DateTimeField()


class MemberSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    person = ShownPersonSerializer()
    role = serializers.CharField()
    since = serializers.DateTimeField()


# Input


class ChatTimesInput(serializers.Serializer):
    weekday = serializers.IntegerField(min_value=0, max_value=6, help_text="0 Monday .. 6 Sunday.")
    start = serializers.TimeField(help_text="Wall-clock time in the circle's zone, e.g. 19:00.")
    duration_minutes = serializers.IntegerField(min_value=15, max_value=240, required=False, default=60)


class CircleInput(serializers.Serializer):
    title = serializers.CharField(allow_blank=True)
    description = serializers.CharField(allow_blank=True)
    guidelines = serializers.CharField(allow_blank=True)
    join_policy = serializers.CharField(required=False, help_text="open or request (the default).")
    age_group = serializers.CharField(required=False, help_text="everyone (the default), adults or teens.")
    time_zone = serializers.CharField(required=False, allow_blank=True)
    chat = ChatTimesInput(required=False, help_text="A weekly support chat.")
    confirm = serializers.BooleanField(required=False, help_text="Post anyway after a nudge.")


class JoinInput(serializers.Serializer):
    accept_guidelines = serializers.BooleanField(help_text="Must be true: you read and accept the guidelines.")
    note = serializers.CharField(required=False, allow_blank=True, max_length=300, help_text="To the hosts.")


class BodyInput(serializers.Serializer):
    body = serializers.CharField(allow_blank=True, trim_whitespace=False)
    confirm = serializers.BooleanField(required=False, help_text="Post anyway after a nudge.")


# Reads the endpoints share


AFTER = OpenApiParameter("after", int, description="Only messages with a greater id (the last `cursor`).")
BEFORE = OpenApiParameter("before", int, description="From `older` of the previous page.")
ITEM = OpenApiParameter("item", int, OpenApiParameter.PATH, description="The request, member, post or message id.")


class CirclePagination(CursorPagination):
    ordering = ("title", "pk")


class CircleViewSet(viewsets.GenericViewSet):
    """Support circles: peer-support groups with hosts, members-only posts and a weekly support chat."""

    queryset = Circle.objects.none()
    serializer_class = CircleSerializer
    pagination_class = CirclePagination
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"

    def get_permissions(self):
        if self.action in ("list", "retrieve", "chat"):
            return super().get_permissions()
        return [IsAuthenticated()]

    def _circle(self, slug) -> Circle:
        circle = circle_selectors.circle_for(viewer=self.request.user, slug=slug)
        if circle is None:
            raise exceptions.NotFound(_("No circle here."))
        return circle

    def _readable(self, slug) -> Circle:
        circle = self._circle(slug)
        if not circle_selectors.can_read(self.request.user, circle):
            raise exceptions.PermissionDenied(_("Only the circle's members can read its posts and chat."))
        return circle

    def _managed(self, slug) -> Circle:
        circle = self._circle(slug)
        if not circle_selectors.can_manage(self.request.user, circle):
            raise exceptions.PermissionDenied(_("Only the circle's hosts can do this."))
        return circle

    def _post(self, circle, item) -> CirclePost:
        post = circle_selectors.post_for(viewer=self.request.user, circle=circle, pk=id_or_404(item))
        if post is None:
            raise exceptions.NotFound(_("No post here."))
        return post

    # Circles

    @extend_schema(responses=CircleSerializer(many=True))
    def list(self, request):
        """Circles you may see and join, by name; with your membership and their chat times."""
        page = self.paginate_queryset(circle_selectors.visible_circles(viewer=request.user))
        circle_selectors.attach_memberships(request.user, page)
        return self.get_paginated_response([_circle(request, circle) for circle in page])

    @extend_schema(responses=CircleDetailSerializer)
    def retrieve(self, request, slug=None):
        circle = self._circle(slug)
        hosts = circle_selectors.hosts_shown_to(viewer=request.user, circle=circle)
        return Response({**_circle(request, circle), "hosts": [_shown(host) for host in hosts]})

    @extend_schema(request=CircleInput, responses={201: CircleDetailSerializer})
    def create(self, request):
        """Start a circle: you become its host. Its name, description and guidelines are screened; `chat` sets a
        weekly support chat."""
        incoming = CircleInput(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = {
            name: incoming.validated_data[name]
            for name in circle_services.CIRCLE_FIELDS
            if name in incoming.validated_data
        }
        written = circle_services.create_circle(
            actor=request.user,
            data=data,
            chat=incoming.validated_data.get("chat") or None,
            confirmed=incoming.validated_data.get("confirm", False),
        )
        circle = circle_selectors.circle_for(viewer=request.user, slug=written.obj.slug)
        answer = {
            **_circle(request, circle),
            "hosts": [person_fields(request.user)],
            "moderation": moderation_outcome(request, written.decision),
        }
        return Response(answer, status=status.HTTP_201_CREATED)

    @extend_schema(request=JoinInput, responses={200: MembershipSerializer, 201: MembershipSerializer})
    @action(detail=True, methods=["post"])
    def join(self, request, slug=None):
        """Join an open circle (active at once) or ask to join (requested; the hosts are told). Needs
        `accept_guidelines: true`. Joining twice is a 400 with `code` already_member or already_requested."""
        circle = self._circle(slug)
        incoming = JoinInput(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            membership = circle_services.join_circle(
                actor=request.user,
                circle=circle,
                accept_guidelines=incoming.validated_data["accept_guidelines"],
                note=incoming.validated_data.get("note", ""),
            )
        except DjangoValidationError as error:
            return _refusal(error)
        return Response(
            {
                "status": membership.status,
                "role": membership.role,
                "guidelines_accepted_at": membership.guidelines_accepted_at,
            },
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["post"])
    def leave(self, request, slug=None):
        """Leave the circle, or withdraw your request to join."""
        circle = self._circle(slug)
        circle_services.leave_circle(actor=request.user, circle=circle)
        return Response(status=status.HTTP_204_NO_CONTENT)

    # Hosts: requests and members

    @extend_schema(responses=RequestSerializer(many=True))
    @action(detail=True, methods=["get"])
    def requests(self, request, slug=None):
        """Requests to join waiting for a host, oldest first (hosts only)."""
        circle = self._managed(slug)
        rows = circle_selectors.requests_for(circle)
        return Response(
            [
                {"id": row.pk, "person": person_fields(row.user), "note": row.request_note, "asked_at": row.created_at}
                for row in rows
            ]
        )

    @extend_schema(parameters=[ITEM], request=None, responses=MembershipSerializer)
    @action(detail=True, methods=["post"], url_path=r"requests/(?P<item>[0-9]+)/(?P<decision>approve|decline)")
    def decide(self, request, slug=None, item=None, decision=None):
        """Approve or decline a request to join; the person is told."""
        circle = self._managed(slug)
        membership = circle_selectors.membership_in(circle, id_or_404(item))
        if membership is None:
            raise exceptions.NotFound(_("No request here."))
        membership = circle_services.decide_request(
            actor=request.user, membership=membership, approve=decision == "approve"
        )
        return Response(
            {
                "status": membership.status,
                "role": membership.role,
                "guidelines_accepted_at": membership.guidelines_accepted_at,
            }
        )

    @extend_schema(responses=MemberSerializer(many=True))
    @action(detail=True, methods=["get"])
    def members(self, request, slug=None):
        """The circle's members, hosts first (members and moderators only)."""
        circle = self._readable(slug)
        return Response(
            [
                {"id": row.membership_id, "person": _shown(row), "role": row.role, "since": row.since}
                for row in circle_selectors.members_shown_to(viewer=request.user, circle=circle)
            ]
        )

    @extend_schema(parameters=[ITEM], request=None, responses=MemberSerializer)
    @action(detail=True, methods=["post"], url_path=r"members/(?P<item>[0-9]+)/(?P<what>remove|host)")
    def member(self, request, slug=None, item=None, what=None):
        """`remove` takes a member out of the circle (they are told, and can't join again); `host` makes a member
        a host."""
        circle = self._circle(slug)
        row = circle_selectors.membership_in(circle, id_or_404(item))
        if row is None:
            raise exceptions.NotFound(_("No member here."))
        if what == "remove":
            row = circle_services.remove_member(actor=request.user, circle=circle, user=row.user)
        else:
            row = circle_services.appoint_host(actor=request.user, circle=circle, user=row.user)
        return Response({"id": row.pk, "person": person_fields(row.user), "role": row.role, "since": row.created_at})

    # Posts

    @extend_schema(
        methods=["GET"], parameters=[BEFORE], responses=PostsPageSerializer, description="Pinned first, then newest."
    )
    @extend_schema(methods=["POST"], request=BodyInput, responses={201: WrittenPostSerializer})
    @action(detail=True, methods=["get", "post"])
    def posts(self, request, slug=None):
        """GET: the circle's posts (members and moderators). POST: write one (members); screened."""
        circle = self._readable(slug)
        if request.method == "POST":
            incoming = BodyInput(data=request.data)
            incoming.is_valid(raise_exception=True)
            written = circle_services.write_post(
                actor=request.user,
                circle=circle,
                body=incoming.validated_data["body"],
                confirmed=incoming.validated_data.get("confirm", False),
            )
            post = written.obj
            post.comment_count = 0
            answer = {**_post(request, post), "moderation": moderation_outcome(request, written.decision)}
            return Response(answer, status=status.HTTP_201_CREATED)
        before = request.query_params.get("before")
        page = circle_selectors.posts_page(
            viewer=request.user, circle=circle, before=id_or_404(before) if before else None
        )
        for post in [*page.pinned, *page.posts]:
            post.circle = circle
        circle_selectors.mark_minor_authors(viewer=request.user, circle=circle, items=[*page.pinned, *page.posts])
        manages = circle_selectors.can_manage(request.user, circle)
        return Response(
            {
                "pinned": [_post(request, post, manages=manages) for post in page.pinned],
                "results": [_post(request, post, manages=manages) for post in page.posts],
                "older": page.older,
            }
        )

    @extend_schema(parameters=[ITEM], request=None, responses={200: PostSerializer, 204: None})
    @action(detail=True, methods=["post", "delete"], url_path=r"posts/(?P<item>[0-9]+)/pin")
    def pin(self, request, slug=None, item=None):
        """POST pins the post to the top; DELETE unpins it (hosts)."""
        circle = self._readable(slug)
        post = self._post(circle, item)
        circle_services.pin_post(actor=request.user, post=post, pinned=request.method == "POST")
        if request.method == "DELETE":
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(_post(request, post))

    @extend_schema(parameters=[ITEM], request=None, responses={204: None})
    @action(detail=True, methods=["post"], url_path=r"posts/(?P<item>[0-9]+)/remove")
    def remove_post(self, request, slug=None, item=None):
        """Take a post off the circle (hosts): its writer still sees it, marked as removed."""
        circle = self._readable(slug)
        circle_services.remove_post(actor=request.user, post=self._post(circle, item))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(parameters=[ITEM], request=None, responses={204: None})
    @action(detail=True, methods=["post"], url_path=r"posts/(?P<item>[0-9]+)/restore")
    def restore_post(self, request, slug=None, item=None):
        """Put a post a host removed back in the circle (hosts and moderators)."""
        circle = self._readable(slug)
        circle_services.restore_post(actor=request.user, post=self._post(circle, item))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(parameters=[ITEM], request=None, responses={204: None})
    @action(detail=True, methods=["delete"], url_path=r"posts/(?P<item>[0-9]+)")
    def delete_post(self, request, slug=None, item=None):
        """Delete your own post. Others' comments under it stay: members see them under "post deleted"."""
        circle = self._readable(slug)
        circle_services.delete_post(actor=request.user, post=self._post(circle, item))
        return Response(status=status.HTTP_204_NO_CONTENT)

    # The support chat

    @extend_schema(responses=ChatStateSerializer)
    @action(detail=True, methods=["get"])
    def chat(self, request, slug=None):
        """Whether the chat is on, and the next session (anyone who may see the circle)."""
        return Response(_chat_state(request, self._circle(slug)))

    @extend_schema(methods=["GET"], parameters=[AFTER], responses=MessagesSerializer)
    @extend_schema(methods=["POST"], request=BodyInput, responses={201: WrittenMessageSerializer})
    @action(detail=True, methods=["get", "post"], url_path="chat/messages")
    def messages(self, request, slug=None):
        """GET: the chat's state and the session's messages after `?after=` (poll it every `poll_seconds`); when
        the session ends, `open` turns false and `next_session` says when the next one is. POST: write a message
        (members, during a session; a 409 with `"code": "chat_closed"` otherwise)."""
        circle = self._readable(slug)
        if request.method == "POST":
            incoming = BodyInput(data=request.data)
            incoming.is_valid(raise_exception=True)
            try:
                written = circle_services.send_chat_message(
                    actor=request.user,
                    circle=circle,
                    body=incoming.validated_data["body"],
                    confirmed=incoming.validated_data.get("confirm", False),
                )
            except circle_services.ChatClosed as error:
                return Response(
                    {
                        "detail": error.message_dict["body"][0],
                        "errors": error.message_dict,
                        "code": "chat_closed",
                        **_chat_state(request, circle),
                    },
                    status=status.HTTP_409_CONFLICT,
                )
            message = written.obj
            answer = {**_message(request, message), "moderation": moderation_outcome(request, written.decision)}
            return Response(answer, status=status.HTTP_201_CREATED)
        after = request.query_params.get("after")
        after = id_or_404(after) if after not in (None, "", "0") else None
        state = circle_selectors.chat_state(circle)
        rows = circle_selectors.chat_messages(viewer=request.user, circle=circle, session=state.current, after=after)
        circle_selectors.mark_minor_authors(viewer=request.user, circle=circle, items=rows)
        manages = circle_selectors.can_manage(request.user, circle)
        withdrawn = circle_selectors.withdrawn_messages(
            viewer=request.user, circle=circle, session=state.current, after=after
        )
        cursor = rows[-1].pk if rows else (after or 0)
        crisis = circle_selectors.crisis_in_session(viewer=request.user, circle=circle, session=state.current)
        return Response(
            {
                **_chat_state(request, circle, state),
                "messages": [_message(request, row, manages=manages) for row in rows],
                "withdrawn": withdrawn,
                "removed": circle_selectors.removed_messages(viewer=request.user, circle=circle, session=state.current),
                "cursor": cursor,
                "can_post": state.open and circle_selectors.takes_part(request.user, circle),
                "can_remove": manages,
                "poll_seconds": POLL_SECONDS,
                "help_url": reverse("resources:crisis_response"),
                "crisis_help": help_for(request) if crisis else None,
                "max_length": MAX_CHAT_MESSAGE,
            }
        )

    @extend_schema(parameters=[ITEM], request=None, responses={204: None})
    @action(detail=True, methods=["post"], url_path=r"chat/messages/(?P<item>[0-9]+)/remove")
    def remove_message(self, request, slug=None, item=None):
        """Take a message out of the chat for everyone but its writer (hosts)."""
        circle = self._readable(slug)
        message = circle_selectors.chat_message_in(circle, id_or_404(item))
        if message is None:
            raise exceptions.NotFound(_("No message here."))
        circle_services.remove_chat_message(actor=request.user, message=message)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(parameters=[ITEM], request=None, responses={204: None})
    @action(detail=True, methods=["post"], url_path=r"chat/messages/(?P<item>[0-9]+)/restore")
    def restore_message(self, request, slug=None, item=None):
        """Put a message a host removed back in the chat (hosts and moderators)."""
        circle = self._readable(slug)
        message = circle_selectors.chat_message_in(circle, id_or_404(item))
        if message is None:
            raise exceptions.NotFound(_("No message here."))
        circle_services.restore_chat_message(actor=request.user, message=message)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _refusal(error: DjangoValidationError) -> Response:
    """A refusal as the API's usual 400, plus the `code` of the first problem (already_member, already_requested,
    guidelines...) for clients to branch on."""
    errors = error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
    codes = [item.code for items in getattr(error, "error_dict", {}).values() for item in items if item.code]
    detail = next(iter(errors.values()))[0] if len(errors) == 1 else str(_("Please correct the errors below."))
    return Response({"detail": detail, "errors": errors, "code": codes[0] if codes else None}, status=400)


def register(router):
    """Add this module's viewsets to the /api/v1/ router."""
    router.register("circles", CircleViewSet, basename="circle")
