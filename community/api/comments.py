"""API for comments: changing and deleting your own, approving or declining those on your stories, and the
comments waiting for your approval. The conversation under a story (GET and POST stories/<id>/comments/) is an
action of the story endpoints in stories.py, which shows it with the serializers here.

The same rules as the pages: input serializers check the shape, community.services decide and
community.selectors read what this caller may see. A comment under a story the caller may not read is a 404;
acting on someone else's comment that the caller can read is a 403. The author of an anonymous story is never
named in its comments, except to that author.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import exceptions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from config.api_defaults import CursorPagination
from moderation.models import Visibility

from .. import selectors, services
from ..models import Comment, Story
from .common import id_or_404, person_fields
from .people import ModerationOutcomeSerializer, moderation_outcome

# Output


class AuthorSerializer(serializers.Serializer):
    handle = serializers.CharField(allow_null=True, help_text="Null for a writer not named to you (under 18).")
    name = serializers.CharField(help_text="The display name, or the handle while the profile text is not shown.")


class CommentReplySerializer(serializers.Serializer):
    """One comment of a conversation as the caller may see it (an item of selectors.comments_for).

    Serializer context: `request`, and `story` (whose anonymous author is not named to others here either)."""

    id = serializers.IntegerField(source="comment.pk")
    parent = serializers.IntegerField(source="comment.parent_id", allow_null=True)
    author = serializers.SerializerMethodField(
        help_text="Null when the comment was deleted, its writer's account erased, or it is by the author of an "
        "anonymous story."
    )
    by_story_author = serializers.SerializerMethodField()
    is_author = serializers.SerializerMethodField(help_text="Whether the caller wrote it (and may edit it).")
    body = serializers.SerializerMethodField(help_text="Empty when deleted.")
    deleted = serializers.BooleanField(help_text="“Comment deleted”: kept so its replies still read in order.")
    waiting = serializers.BooleanField(
        help_text="Held by moderation or waiting for the story author's approval: only its writer (and, for "
        "approval, the story author) see it."
    )
    replying_to = serializers.SerializerMethodField(help_text="For replies to replies: whom they answer.")
    content_warnings = serializers.ListField(
        source="comment.content_warnings",
        child=serializers.CharField(),
        help_text="Codes of the fixed list: fold the comment behind them.",
    )
    created_at = serializers.DateTimeField(source="comment.created_at")
    edited_at = serializers.DateTimeField(source="comment.edited_at", allow_null=True)
    sensitive_choice = serializers.CharField(
        source="choice",
        help_text="How the caller chose to see its topics: show (open), collapse (fold it behind its warnings) or "
        "hide (say a comment is hidden; its words are not sent).",
    )
    hidden = serializers.BooleanField(help_text="On a topic the caller hides: `body` is empty.")

    def _unnamed(self) -> int | None:
        """The author who must stay unnamed to this caller: an anonymous story's, to everyone else."""
        story = self.context.get("story")
        viewer = self.context["request"].user
        if story is not None and story.anonymous and story.author_id != viewer.pk:
            return story.author_id
        return None

    def _person(self, user):
        if user is None or user.pk == self._unnamed():
            return None
        return person_fields(user)

    @extend_schema_field(AuthorSerializer(allow_null=True))
    def get_author(self, item):
        return None if item.deleted else self._person(item.comment.author)

    def get_by_story_author(self, item) -> bool:
        story = self.context.get("story")
        return bool(not item.deleted and story is not None and item.comment.author_id == story.author_id)

    def get_is_author(self, item) -> bool:
        viewer = self.context["request"].user
        return not item.deleted and item.comment.author_id is not None and item.comment.author_id == viewer.pk

    def get_body(self, item) -> str:
        return "" if item.deleted or item.hidden else item.comment.body

    @extend_schema_field(AuthorSerializer(allow_null=True))
    def get_replying_to(self, item):
        parent = item.comment.parent
        if item.replying_to is None or parent is None or parent.is_deleted:
            return None
        return self._person(item.replying_to)


class CommentSerializer(CommentReplySerializer):
    """A thread: a top-level comment and its replies (deeper replies are flattened here, with `replying_to`)."""

    replies = CommentReplySerializer(many=True)


class PendingCommentSerializer(CommentReplySerializer):
    story = serializers.IntegerField(source="comment.target_id", help_text="The story it is on.")


class WrittenCommentSerializer(CommentReplySerializer):
    moderation = ModerationOutcomeSerializer(help_text="What screening decided about the comment.")


def shown_comment(comment: Comment) -> selectors.ShownComment:
    """One comment the caller wrote or approved, shaped like an item of the conversation."""
    parent = comment.parent
    return selectors.ShownComment(
        comment=comment,
        deleted=comment.is_deleted,
        waiting=comment.visibility != Visibility.PUBLISHED or comment.approval != Comment.Approval.APPROVED,
        replying_to=parent.author if parent is not None and parent.parent_id is not None else None,
    )


# Input: the shape only. The services check lengths and permissions, and say what to change.


class ConfirmInputSerializer(serializers.Serializer):
    confirm = serializers.BooleanField(
        required=False, help_text='Post anyway after screening asked to reconsider (a 400 with `"code": "nudge"`).'
    )


class CommentInputSerializer(ConfirmInputSerializer):
    body = serializers.CharField(allow_blank=True, trim_whitespace=False)
    parent = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=2**63 - 1, help_text="The comment this replies to."
    )


class CommentEditSerializer(ConfirmInputSerializer):
    body = serializers.CharField(allow_blank=True, trim_whitespace=False)


# Reads the endpoints share


def _comment_or_404(request, pk) -> Comment:
    """A comment the caller wrote, or one under a story they may read; else 404."""
    pk = id_or_404(pk)
    comment = Comment.objects.select_related("author", "parent__author").filter(pk=pk, deleted_at=None).first()
    if comment is None:
        raise exceptions.NotFound(_("No comment here."))
    if comment.author_id is not None and comment.author_id == request.user.pk:
        return comment
    if comment.target_type_id != ContentType.objects.get_for_model(Story).pk:
        raise exceptions.NotFound(_("No comment here."))
    if selectors.story_for_viewer(viewer=request.user, pk=comment.target_id) is None:
        raise exceptions.NotFound(_("No comment here."))
    return comment


# Endpoints


class CommentViewSet(viewsets.GenericViewSet):
    """Your comments: change or delete them. Authors approve comments waiting on their stories."""

    queryset = Comment.objects.none()
    serializer_class = CommentReplySerializer

    def _context(self, comment):
        target = comment.target
        return {"request": self.request, "story": target if isinstance(target, Story) else None}

    @extend_schema(request=CommentEditSerializer, responses=WrittenCommentSerializer)
    def partial_update(self, request, pk=None):
        """Change your comment (shown as edited). Screened again."""
        comment = _comment_or_404(request, pk)
        incoming = CommentEditSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        written = services.edit_comment(
            actor=request.user,
            comment=comment,
            body=incoming.validated_data["body"],
            confirmed=incoming.validated_data.get("confirm", False),
        )
        answer = {
            **CommentReplySerializer(shown_comment(written.obj), context=self._context(written.obj)).data,
            "moderation": moderation_outcome(request, written.decision),
        }
        return Response(answer)

    @extend_schema(request=None, responses={204: None})
    def destroy(self, request, pk=None):
        """Delete your comment; with replies it stays as “comment deleted”."""
        services.delete_comment(actor=request.user, comment=_comment_or_404(request, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=None, responses=CommentReplySerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        """Let a comment waiting on your story show."""
        comment = services.approve_comment(actor=request.user, comment=_comment_or_404(request, pk))
        return Response(CommentReplySerializer(shown_comment(comment), context=self._context(comment)).data)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        """Take someone's comment off your story (waiting or shown); its writer still sees it, marked removed."""
        services.decline_comment(actor=request.user, comment=_comment_or_404(request, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class _OldestFirst(CursorPagination):
    ordering = ("created_at", "pk")


class PendingCommentViewSet(viewsets.GenericViewSet):
    """Comments on your stories waiting for your approval (approve each with POST comments/<id>/approve/),
    oldest first."""

    permission_classes = [IsAuthenticated]
    serializer_class = PendingCommentSerializer
    pagination_class = _OldestFirst
    queryset = Comment.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Comment.objects.none()
        return selectors.pending_comments(owner=self.request.user)

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset().select_related("parent__author"))
        shown = [shown_comment(comment) for comment in page]
        return self.get_paginated_response(
            PendingCommentSerializer(shown, many=True, context={"request": request}).data
        )


def register(router):
    """Add this module's viewsets to the /api/v1/ router."""
    router.register("comments", CommentViewSet, basename="comment")
    router.register("me/pending-comments", PendingCommentViewSet, basename="pending-comment")
