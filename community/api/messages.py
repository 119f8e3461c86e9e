"""API for direct messages: conversations (the inbox, message requests), their messages, and the actions on
them. The same services and selectors as the pages.

A conversation exists only for its two participants: to anyone else, staff included, it is a 404. The rules
for who may write to whom are community.selectors.messages; refusals are 400s naming the field (`recipient`,
`conversation`, `body`), with `"code": "nudge"` when screening asks to reconsider (send again with
`"confirm": true`). A request the recipient ignored still reads "waiting" to its sender.

Messages carry the caller's `sensitive_choice` for their content warnings (show, collapse or hide); a hidden
one comes without its words unless asked for with `?show=1` (it is addressed to the caller). Someone who
blocked the caller is no longer named to them (`other` is null), and nothing newer from them is listed.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import exceptions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from config.api_defaults import CursorPagination

from ..models import Message, User
from ..selectors import messages as selectors
from ..services import messages as services
from .common import person_fields
from .people import ModerationOutcomeSerializer, moderation_outcome

MAX_PAGE = 100


# Output


class MessagePersonSerializer(serializers.Serializer):
    handle = serializers.CharField()
    name = serializers.CharField(help_text="The display name, or the handle while the profile text is not shown.")


def _status_for(conversation, viewer_id) -> str:
    """The conversation's status as this participant may know it: an ignored request is "waiting" to its
    sender, never "ignored"."""
    if conversation.status == conversation.Status.ACCEPTED:
        return "accepted"
    if conversation.started_by_id == viewer_id:
        return "waiting"
    return conversation.status  # request or ignored, for the person who received it


class ConversationSummarySerializer(serializers.Serializer):
    """A conversation in a list (an item of selectors.inbox_items)."""

    id = serializers.IntegerField(source="conversation.pk")
    other = serializers.SerializerMethodField(
        help_text="The other person; null when their account was erased or they are no longer shown to you."
    )
    status = serializers.SerializerMethodField(
        help_text="accepted; waiting (your request, not accepted yet); request (one you received); ignored (one "
        "you received and ignored)."
    )
    unread = serializers.BooleanField(help_text="A message from them you have not read.")
    preview = serializers.CharField(help_text="The start of the last message you can see (“Message deleted”).")
    preview_mine = serializers.BooleanField(help_text="Whether that last message is yours.")
    last_message_at = serializers.DateTimeField(source="last_at")
    archived = serializers.SerializerMethodField()

    @extend_schema_field(MessagePersonSerializer(allow_null=True))
    def get_other(self, item):
        return person_fields(item.other)

    def get_status(self, item) -> str:
        return _status_for(item.conversation, self.context["request"].user.pk)

    def get_archived(self, item) -> bool:
        return item.state.archived_at is not None


class ConversationDetailSerializer(serializers.Serializer):
    """One conversation, with whether the caller may write in it now (and why not)."""

    id = serializers.IntegerField(source="pk")
    other = serializers.SerializerMethodField(
        help_text="The other person; null when their account was erased or they are no longer shown to you."
    )
    status = serializers.SerializerMethodField(help_text="accepted, waiting, request or ignored (see the list).")
    started_by_me = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    accepted_at = serializers.DateTimeField(allow_null=True)
    can_send = serializers.SerializerMethodField()
    cannot_send_reason = serializers.SerializerMethodField(help_text="Why not, to show the caller; empty if they can.")
    can_accept = serializers.SerializerMethodField()

    def _viewer(self):
        return self.context["request"].user

    def _verdict(self, conversation):
        if "verdict" not in self.context:
            self.context["verdict"] = selectors.may_send(self._viewer(), conversation)
        return self.context["verdict"]

    @extend_schema_field(MessagePersonSerializer(allow_null=True))
    def get_other(self, conversation):
        if selectors.withheld_from(self._viewer(), conversation):
            return None
        return person_fields(selectors.other_person(conversation, self._viewer().pk))

    def get_status(self, conversation) -> str:
        return _status_for(conversation, self._viewer().pk)

    def get_started_by_me(self, conversation) -> bool:
        return conversation.started_by_id == self._viewer().pk

    def get_can_send(self, conversation) -> bool:
        return self._verdict(conversation).allowed

    def get_cannot_send_reason(self, conversation) -> str:
        return self._verdict(conversation).reason

    def get_can_accept(self, conversation) -> bool:
        return selectors.may_accept(self._viewer(), conversation)


class DirectMessageSerializer(serializers.Serializer):
    """One message as the caller sees it (an item of selectors.thread)."""

    id = serializers.IntegerField(source="message.pk")
    sender = serializers.SerializerMethodField(
        help_text="Null when the sender's account was erased or they are no longer shown to you."
    )
    mine = serializers.BooleanField()
    body = serializers.CharField(
        help_text="Empty when deleted, or when your settings hide its topic (`sensitive_choice` hide) unless "
        "you asked with `?show=1`."
    )
    sensitive_choice = serializers.CharField(
        source="choice",
        help_text="How your sensitive-topic settings show it: show (open), collapse (behind its warnings) or hide.",
    )
    content_warnings = serializers.ListField(
        child=serializers.CharField(), source="message.content_warnings", help_text="Warning codes."
    )
    deleted = serializers.BooleanField(help_text="Shown as “Message deleted”.")
    waiting = serializers.BooleanField(help_text="Held for a moderator: only you (its sender) see it.")
    hidden = serializers.BooleanField(help_text="Hidden by a moderator: only you (its sender) see it.")
    note = serializers.CharField(help_text="For your own held or hidden message: what happens now.")
    created_at = serializers.DateTimeField(source="message.created_at")

    @extend_schema_field(MessagePersonSerializer(allow_null=True))
    def get_sender(self, item):
        if self.context.get("withheld") and not item.mine:
            return None
        return person_fields(item.message.sender)


class MessagePageSerializer(serializers.Serializer):
    results = DirectMessageSerializer(many=True)
    has_older = serializers.BooleanField(help_text="Older messages exist: ask with `?before=` the first id.")
    has_newer = serializers.BooleanField(help_text="More after these: ask with `?after=` the last id.")


class SentMessageSerializer(serializers.Serializer):
    conversation = ConversationDetailSerializer()
    message = DirectMessageSerializer()
    moderation = ModerationOutcomeSerializer(help_text="What screening decided about the message.")


class UnreadSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Conversations (and requests received) with a message you haven't read.")
    requests = serializers.IntegerField(help_text="Message requests waiting for your answer.")


# Input


class NewConversationSerializer(serializers.Serializer):
    recipient = serializers.CharField(help_text="The handle of the person to write to.")
    body = serializers.CharField(allow_blank=True, trim_whitespace=False)
    confirm = serializers.BooleanField(
        required=False, help_text='Send anyway after screening asked to reconsider (a 400 with `"code": "nudge"`).'
    )


class NewMessageSerializer(serializers.Serializer):
    body = serializers.CharField(allow_blank=True, trim_whitespace=False)
    confirm = serializers.BooleanField(
        required=False, help_text='Send anyway after screening asked to reconsider (a 400 with `"code": "nudge"`).'
    )


# Reads the endpoints share


def _id_param(request, name) -> int | None:
    value = request.query_params.get(name)
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except ValueError:
        raise exceptions.ValidationError({name: [_("Give a message id.")]}) from None
    if not 0 <= number < 2**63:
        raise exceptions.ValidationError({name: [_("Give a message id.")]})
    return number


def _page_size(request, default: int) -> int:
    try:
        return min(max(int(request.query_params.get("page_size", default)), 1), MAX_PAGE)
    except ValueError:
        raise exceptions.ValidationError({"page_size": [_("Give a whole number.")]}) from None


def _shown(message: Message, viewer) -> selectors.ShownMessage:
    return selectors.shown_message(message, viewer=viewer)


class ConversationPagination(CursorPagination):
    ordering = ("-moved_at", "-pk")


BOX = OpenApiParameter(
    "box", str, enum=list(selectors.BOXES), description="inbox (default), requests, ignored or archived."
)
AFTER = OpenApiParameter("after", int, description="Only messages after this message id (for polling).")
BEFORE = OpenApiParameter("before", int, description="Only messages before this message id (older ones).")
PAGE_SIZE = OpenApiParameter("page_size", int, description=f"Messages per page, 1 to {MAX_PAGE}.")
SHOW = OpenApiParameter("show", int, enum=[0, 1], description="1: include the words of messages your settings hide.")
MESSAGE_ID = OpenApiParameter("message_id", int, OpenApiParameter.PATH)


class ConversationViewSet(viewsets.GenericViewSet):
    """Your direct-message conversations. Start one with a person's handle and a first message: it is accepted
    at once when you follow each other, else a message request they accept or ignore."""

    permission_classes = [IsAuthenticated]
    serializer_class = ConversationSummarySerializer
    pagination_class = ConversationPagination
    queryset = User.objects.none()

    def _conversation(self, pk):
        conversation = selectors.conversation_for(viewer=self.request.user, pk=pk)
        if conversation is None:
            raise exceptions.NotFound(_("No conversation here."))
        return conversation

    def _detail(self, conversation) -> dict:
        return ConversationDetailSerializer(conversation, context={"request": self.request}).data

    @extend_schema(parameters=[BOX], responses=ConversationSummarySerializer(many=True))
    def list(self, request):
        """Most recent first."""
        box = request.query_params.get("box", selectors.INBOX)
        if box not in selectors.BOXES:
            raise exceptions.ValidationError(
                {"box": [_("Choose one of: %(boxes)s.") % {"boxes": ", ".join(selectors.BOXES)}]}
            )
        page = self.paginate_queryset(selectors.conversations(viewer=request.user, box=box))
        items = selectors.inbox_items(page, viewer=request.user)
        return self.get_paginated_response(
            ConversationSummarySerializer(items, many=True, context={"request": request}).data
        )

    @extend_schema(
        request=NewConversationSerializer, responses={201: SentMessageSerializer, 200: SentMessageSerializer}
    )
    def create(self, request):
        """Write to someone: 201 with a new conversation, or 200 when the message went to the one you already
        have with them."""
        incoming = NewConversationSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        handle = incoming.validated_data["recipient"].strip().lstrip("@")
        recipient = selectors.person_to_write_to(handle)
        if recipient is None:
            raise exceptions.ValidationError({"recipient": [_("No one with that handle.")]})
        sent = services.start_conversation(
            actor=request.user,
            recipient=recipient,
            body=incoming.validated_data["body"],
            confirmed=incoming.validated_data.get("confirm", False),
        )
        return Response(self._sent(sent), status=status.HTTP_201_CREATED if sent.created else status.HTTP_200_OK)

    def _sent(self, sent) -> dict:
        conversation = selectors.conversation_for(viewer=self.request.user, pk=sent.conversation.pk)
        return {
            "conversation": self._detail(conversation),
            "message": DirectMessageSerializer(_shown(sent.message, self.request.user)).data,
            "moderation": moderation_outcome(self.request, sent.decision),
        }

    @extend_schema(responses=ConversationDetailSerializer)
    def retrieve(self, request, pk=None):
        """One conversation: its status for you, and whether you can write in it now (and why not)."""
        return Response(self._detail(self._conversation(pk)))

    @extend_schema(methods=["GET"], parameters=[AFTER, BEFORE, PAGE_SIZE, SHOW], responses=MessagePageSerializer)
    @extend_schema(methods=["POST"], request=NewMessageSerializer, responses={201: SentMessageSerializer})
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def messages(self, request, pk=None):
        """GET: messages oldest first: the newest page, or those `after` (poll with the last id you have) or
        `before` a message id; reading does not mark them read (POST `read/`). POST: send one."""
        conversation = self._conversation(pk)
        if request.method == "GET":
            page = selectors.thread(
                viewer=request.user,
                conversation=conversation,
                after=_id_param(request, "after"),
                before=_id_param(request, "before"),
                size=_page_size(request, selectors.THREAD_PAGE),
                reveal=request.query_params.get("show") == "1",
            )
            withheld = selectors.withheld_from(request.user, conversation)
            return Response(
                {
                    "results": DirectMessageSerializer(page.messages, many=True, context={"withheld": withheld}).data,
                    "has_older": page.has_older,
                    "has_newer": page.has_newer,
                }
            )
        incoming = NewMessageSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        sent = services.send_message(
            actor=request.user,
            conversation=conversation,
            body=incoming.validated_data["body"],
            confirmed=incoming.validated_data.get("confirm", False),
        )
        return Response(self._sent(sent), status=status.HTTP_201_CREATED)

    @extend_schema(parameters=[MESSAGE_ID], request=None, responses={204: None})
    @action(detail=True, methods=["delete"], url_path=r"messages/(?P<message_id>[0-9]+)")
    def delete_message(self, request, pk=None, message_id=None):
        """Delete your message: it stays as “Message deleted”, without its words."""
        conversation = self._conversation(pk)
        message = selectors.own_message(viewer=request.user, conversation=conversation, pk=message_id)
        if message is None:
            raise exceptions.NotFound(_("No message of yours here."))
        services.delete_message(actor=request.user, message=message)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _act(self, pk, service):
        conversation = self._conversation(pk)
        service(actor=self.request.user, conversation=conversation)
        return Response(self._detail(self._conversation(pk)))

    @extend_schema(request=None, responses=ConversationDetailSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        """Accept a message request you received (waiting or ignored)."""
        return self._act(pk, services.accept)

    @extend_schema(request=None, responses=ConversationDetailSerializer)
    @action(detail=True, methods=["post"])
    def ignore(self, request, pk=None):
        """Ignore a message request you received: it leaves your requests; the sender is not told."""
        return self._act(pk, services.ignore)

    @extend_schema(request=None, responses=ConversationDetailSerializer)
    @action(detail=True, methods=["post"])
    def archive(self, request, pk=None):
        """Archive: out of your inbox until a new message arrives."""
        return self._act(pk, services.archive)

    @extend_schema(request=None, responses=ConversationDetailSerializer)
    @action(detail=True, methods=["post"])
    def unarchive(self, request, pk=None):
        return self._act(pk, services.unarchive)

    @extend_schema(request=None, responses=ConversationDetailSerializer)
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        """Mark everything in it as read."""
        return self._act(pk, services.mark_read)

    @extend_schema(request=None, responses=ConversationDetailSerializer)
    @action(detail=True, methods=["post"])
    def block(self, request, pk=None):
        """Block the other person: neither of you can write here any more; they are not told."""
        return self._act(pk, services.block_from_conversation)

    @extend_schema(responses=UnreadSerializer)
    @action(detail=False, methods=["get"], pagination_class=None)
    def unread(self, request):
        """For a badge: how many conversations have something new."""
        return Response(
            {
                "count": selectors.unread_conversation_count(request.user),
                "requests": selectors.box_counts(viewer=request.user)[selectors.REQUESTS],
            }
        )


def register(router):
    """Add this module's viewsets to the /api/v1/ router."""
    router.register("conversations", ConversationViewSet, basename="conversation")


__all__ = ["ConversationViewSet", "register"]
