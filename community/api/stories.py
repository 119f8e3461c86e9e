"""API for stories, supportive reactions, the feed and hashtags.

The same rules as the pages: input serializers check the shape, community.services decide (screening,
permissions, state) and community.selectors read what this caller may see. A story the caller may not read
is a 404 (a block hides each from the other, so it answers exactly as a story that does not exist); acting
on someone else's story that the caller can read is a 403. An anonymous story never names its author to
anyone but the author: not in `author`, not through `?author=`, not in its comments.

The conversation under a story is an action here (stories/<id>/comments/), shown with the serializers of
comments.py; follows and each person's safety controls are in social.py.
"""

import re
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import exceptions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from config.api_defaults import CursorPagination
from moderation.markdown import render_markdown
from moderation.models import ContentWarning

from .. import selectors, services
from ..models import Audience, Comment, Reaction, Story, TopicChoice
from ..selectors import social as social_selectors
from ..selectors.stories import _with_counts  # the counts a story list shows; no public selector offers them yet
from .comments import (
    AuthorSerializer,
    CommentInputSerializer,
    CommentReplySerializer,
    CommentSerializer,
    ConfirmInputSerializer,
    WrittenCommentSerializer,
    shown_comment,
)
from .common import id_or_404, person_fields
from .people import CrisisHelpSerializer, ModerationOutcomeSerializer, help_for, moderation_outcome

MAX_PAGE = 100

# Output


class ReactionSummarySerializer(serializers.Serializer):
    reacted = serializers.BooleanField(help_text="Whether anyone reacted.")
    counts = serializers.DictField(
        child=serializers.IntegerField(),
        allow_null=True,
        help_text="How many of each kind: for the author, or for everyone when the author shows counts; else null.",
    )


def _reaction_summary(reactions: selectors.Reactions) -> dict:
    counts = None
    if reactions.counts_shown:
        counts = {kind: reactions.counts.get(kind, 0) for kind in Reaction.Kind.values}
    return {"reacted": reactions.total > 0, "counts": counts}


def _reactions_of_page(viewer, stories) -> dict[int, selectors.Reactions]:
    """selectors.reactions_for for a whole page in two queries, so a list costs the same whatever its length.
    Same rule: counts go to the author, or to everyone when the author opted in."""
    ids = [story.pk for story in stories]
    if not ids:
        return {}
    rows = Reaction.objects.filter(target_type=ContentType.objects.get_for_model(Story), target_id__in=ids)
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for target_id, kind, count in rows.values_list("target_id", "kind").annotate(n=Count("pk")).order_by():
        counts[target_id][kind] = count
    mine: dict[int, set[str]] = defaultdict(set)
    if viewer.is_authenticated:
        for target_id, kind in rows.filter(user=viewer.pk).values_list("target_id", "kind"):
            mine[target_id].add(kind)
    summaries = {}
    for story in stories:
        shown = story.public_reaction_counts or story.author_id == viewer.pk
        found = counts.get(story.pk, {})
        summaries[story.pk] = selectors.Reactions(
            mine=mine.get(story.pk, set()),
            counts=found if shown else {},
            total=sum(found.values()),
            counts_shown=shown,
        )
    return summaries


class StorySerializer(serializers.ModelSerializer):
    """A story as the caller may see it (serializer context: `request`, optionally `reactions` by story id)."""

    author = serializers.SerializerMethodField(
        help_text="Null for an anonymous story, except to its author (who sees themselves)."
    )
    is_author = serializers.SerializerMethodField(help_text="Whether the caller wrote it (and may edit it).")
    body_html = serializers.SerializerMethodField()
    image = serializers.ImageField(read_only=True, help_text="The picture's URL, or null.")
    tags = serializers.SerializerMethodField()
    content_warning_labels = serializers.SerializerMethodField()
    audience = serializers.CharField(help_text=f"Who can read it: {', '.join(Audience.values)}.")
    status = serializers.CharField(help_text="draft or posted.")
    visibility = serializers.SerializerMethodField(
        help_text="To the author only: published, held (waiting for a moderator), hidden or removed; else null."
    )
    held_reason = serializers.SerializerMethodField(help_text="To the author only: why it is waiting or hidden.")
    reactions = serializers.SerializerMethodField()
    my_reactions = serializers.SerializerMethodField()
    comment_count = serializers.SerializerMethodField()
    sensitive_choice = serializers.SerializerMethodField(
        help_text="How the caller chose to see its topics: show (open), collapse (behind its warnings) or hide."
    )
    hidden = serializers.SerializerMethodField(
        help_text="On a topic the caller hides: its title, words, picture and tags are left out (empty). Show its "
        "warnings and ask first; if they choose to read it, fetch it again with `?show=1`."
    )

    class Meta:
        model = Story
        fields = [
            "id",
            "title",
            "body",
            "body_html",
            "image",
            "image_alt",
            "tags",
            "content_warnings",
            "content_warning_labels",
            "audience",
            "anonymous",
            "author",
            "is_author",
            "status",
            "visibility",
            "held_reason",
            "created_at",
            "posted_at",
            "edited_at",
            "comments_enabled",
            "comments_need_approval",
            "public_reaction_counts",
            "featured",
            "reactions",
            "my_reactions",
            "comment_count",
            "sensitive_choice",
            "hidden",
        ]
        read_only_fields = fields

    def _viewer(self):
        return self.context["request"].user

    def _reactions(self, story) -> selectors.Reactions:
        known = self.context.get("reactions") or {}
        if story.pk in known:
            return known[story.pk]
        return selectors.reactions_for(
            viewer=self._viewer(), target=story, author_id=story.author_id, public_counts=story.public_reaction_counts
        )

    @extend_schema_field(AuthorSerializer(allow_null=True))
    def get_author(self, story):
        return person_fields(selectors.shown_author(story, viewer=self._viewer()))

    def get_is_author(self, story) -> bool:
        return story.author_id == self._viewer().pk

    def get_body_html(self, story) -> str:
        return str(render_markdown(story.body))

    def get_tags(self, story) -> list[str]:
        return sorted(tag.name for tag in story.tags.all())

    def get_content_warning_labels(self, story) -> list[str]:
        return selectors.warnings_of(story)

    @extend_schema_field(OpenApiTypes.STR)
    def get_visibility(self, story) -> str | None:
        return story.visibility if self.get_is_author(story) else None

    @extend_schema_field(OpenApiTypes.STR)
    def get_held_reason(self, story) -> str | None:
        return story.held_reason if self.get_is_author(story) else None

    @extend_schema_field(ReactionSummarySerializer)
    def get_reactions(self, story):
        return _reaction_summary(self._reactions(story))

    def get_my_reactions(self, story) -> list[str]:
        return sorted(self._reactions(story).mine)

    def get_comment_count(self, story) -> int:
        return getattr(story, "comment_count", 0)

    def get_sensitive_choice(self, story) -> str:
        return selectors.story_choice(story, viewer=self._viewer())

    def get_hidden(self, story) -> bool:
        request = self.context["request"]
        shown_anyway = getattr(request, "query_params", request.GET).get("show") == "1"
        return self.get_sensitive_choice(story) == TopicChoice.HIDE and not shown_anyway

    def to_representation(self, story):
        data = super().to_representation(story)
        if data["hidden"]:  # as the page asks first: never a word of it before the caller chooses to read it
            data.update(title="", body="", body_html="", image=None, image_alt="", tags=[])
        return data


class WrittenStorySerializer(StorySerializer):
    moderation = ModerationOutcomeSerializer(read_only=True, help_text="What screening decided about the story.")

    class Meta(StorySerializer.Meta):
        fields = StorySerializer.Meta.fields + ["moderation"]
        read_only_fields = fields


class ReactionsSerializer(serializers.Serializer):
    reactions = ReactionSummarySerializer()
    my_reactions = serializers.ListField(child=serializers.CharField())


class FeedPageSerializer(serializers.Serializer):
    results = StorySerializer(many=True)
    next_cursor = serializers.CharField(allow_null=True, help_text="Send as `?cursor=` for older stories.")
    next = serializers.URLField(allow_null=True, help_text="The URL of the older stories, or null.")
    caught_up = serializers.BooleanField(help_text="Nothing older: show “You're all caught up”.")


class TagPageSerializer(FeedPageSerializer):
    tag = serializers.CharField()
    following = serializers.BooleanField(help_text="Whether the caller follows this hashtag.")
    sensitive = serializers.BooleanField(
        help_text="Show `help` and a sensitive-content screen before any result; it can't be followed."
    )
    sensitivity = serializers.CharField(
        help_text="Why: crisis (suicide, self-harm), eating_disorders (promotion), or empty."
    )
    help = CrisisHelpSerializer(allow_null=True, help_text="When `sensitive` is true; null otherwise.")


# Input: the shape only. The services check lengths, choices, images and permissions, and say what to change.


class StoryInputSerializer(serializers.Serializer):
    title = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    body = serializers.CharField(
        required=False, allow_blank=True, trim_whitespace=False, help_text="Markdown; #hashtags become tags."
    )
    image = serializers.FileField(required=False, help_text="Multipart only. JPEG, PNG, WebP or GIF.")
    image_alt = serializers.CharField(
        required=False, allow_blank=True, help_text="Required with a picture: describe it."
    )
    remove_image = serializers.BooleanField(required=False)
    tags = serializers.ListField(child=serializers.CharField(max_length=60), required=False, max_length=50)
    content_warnings = serializers.ListField(
        child=serializers.CharField(max_length=50),
        required=False,
        max_length=20,
        help_text=f"Codes: {', '.join(ContentWarning.values)}.",
    )
    audience = serializers.CharField(required=False, help_text=f"One of: {', '.join(Audience.values)}.")
    anonymous = serializers.BooleanField(required=False)
    comments_enabled = serializers.BooleanField(required=False)
    comments_need_approval = serializers.BooleanField(required=False)
    public_reaction_counts = serializers.BooleanField(required=False)
    post = serializers.BooleanField(required=False, help_text="Post it now; otherwise it is kept as a draft.")
    confirm = serializers.BooleanField(
        required=False, help_text='Post anyway after screening asked to reconsider (a 400 with `"code": "nudge"`).'
    )


# Reads the endpoints share


def _story_or_404(request, pk) -> Story:
    """A story the caller may read, or their own draft; else 404."""
    pk = id_or_404(pk)
    story = selectors.story_for_viewer(viewer=request.user, pk=pk)
    if story is None and request.user.is_authenticated:
        story = selectors.drafts(viewer=request.user).filter(pk=pk).first()
    if story is None:
        raise exceptions.NotFound(_("No story here."))
    return story


def _posted_story_or_404(request, pk) -> Story:
    story = _story_or_404(request, pk)
    if not story.is_posted:
        raise exceptions.NotFound(_("No story here."))  # a draft has no conversation yet
    return story


def _page_size(request, default: int) -> int:
    try:
        return min(max(int(request.query_params.get("page_size", default)), 1), MAX_PAGE)
    except ValueError:
        raise exceptions.ValidationError({"page_size": [_("Give a whole number.")]}) from None


def _feed_page(request, page: selectors.FeedPage) -> dict:
    context = {"request": request, "reactions": _reactions_of_page(request.user, page.stories)}
    next_url = None
    if page.next_cursor:
        next_url = replace_query_param(request.build_absolute_uri(), "cursor", page.next_cursor)
    return {
        "results": StorySerializer(page.stories, many=True, context=context).data,
        "next_cursor": page.next_cursor,
        "next": next_url,
        "caught_up": page.caught_up,
    }


def created_status(created: bool):
    return status.HTTP_201_CREATED if created else status.HTTP_200_OK


CURSOR = OpenApiParameter("cursor", str, description="From `next_cursor` of the previous page.")
PAGE_SIZE = OpenApiParameter("page_size", int, description=f"Stories per page, 1 to {MAX_PAGE}.")
KIND = OpenApiParameter("kind", str, OpenApiParameter.PATH, enum=Reaction.Kind.values)
TAG = OpenApiParameter("tag", str, OpenApiParameter.PATH, description="The hashtag, without #.")


# Stories


class StoryPagination(CursorPagination):
    ordering = ("-posted_at", "-pk")


class StoryViewSet(viewsets.GenericViewSet):
    """Stories the caller may read, newest first. Members write them (drafts, or posted), and their authors
    change and delete them; every text is screened first."""

    queryset = Story.objects.none()
    serializer_class = StorySerializer
    pagination_class = StoryPagination
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_permissions(self):
        if self.action == "drafts":
            return [IsAuthenticated()]
        return super().get_permissions()

    def _output(self, story: Story, serializer=StorySerializer, **extra) -> dict:
        fresh = _story_or_404(self.request, story.pk)  # with its counts and tags as readers now see them
        return {**serializer(fresh, context={"request": self.request}).data, **extra}

    def _write(self, *, story=None, incoming, created=False):
        data = {name: value for name, value in incoming.items() if name in services.STORY_FIELDS}
        written = services.save_story(
            actor=self.request.user,
            data=data,
            story=story,
            image=incoming.get("image"),
            remove_image=incoming.get("remove_image", False),
            post=incoming.get("post", False),
            confirmed=incoming.get("confirm", False),
        )
        answer = self._output(
            written.obj, WrittenStorySerializer, moderation=moderation_outcome(self.request, written.decision)
        )
        return Response(answer, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    @extend_schema(
        parameters=[
            OpenApiParameter("tag", str, description="Only stories with this hashtag (without #)."),
            OpenApiParameter(
                "author",
                str,
                description="Only this person's stories (a handle); never anonymous ones, except to their author.",
            ),
        ],
        responses=StorySerializer(many=True),
    )
    def list(self, request):
        stories = selectors.readable_stories(viewer=request.user)
        tag = request.query_params.get("tag", "").strip().lstrip("#")
        if tag:
            stories = stories.filter(tags__name__iexact=tag)
        handle = request.query_params.get("author", "").strip().lstrip("@")
        if handle:
            stories = stories.filter(author__handle__iexact=handle)
            if not (request.user.is_authenticated and request.user.handle.lower() == handle.lower()):
                stories = stories.filter(anonymous=False)  # as selectors.stories_by: nobody can unmask one
        page = self.paginate_queryset(_with_counts(stories, viewer=request.user))
        context = {"request": request, "reactions": _reactions_of_page(request.user, page)}
        return self.get_paginated_response(StorySerializer(page, many=True, context=context).data)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "show", str, enum=["1"], description="1: the caller chose to read it though its topic is one they hide."
            )
        ],
        responses=StorySerializer,
    )
    def retrieve(self, request, pk=None):
        """A story the caller may read, or their own draft. On a topic the caller hides, `hidden` is true and its
        words are left out unless `?show=1`."""
        return Response(StorySerializer(_story_or_404(request, pk), context={"request": request}).data)

    @extend_schema(
        request={"application/json": StoryInputSerializer, "multipart/form-data": StoryInputSerializer},
        responses={201: WrittenStorySerializer},
    )
    def create(self, request):
        """Write a story: kept as a draft, or posted with `"post": true`. The answer says what screening decided;
        when it reads as a crisis, `moderation.help` has the helplines to show first."""
        incoming = StoryInputSerializer(data=request.data, partial=True)  # partial: no form-style false booleans
        incoming.is_valid(raise_exception=True)
        return self._write(incoming=incoming.validated_data, created=True)

    @extend_schema(
        request={"application/json": StoryInputSerializer, "multipart/form-data": StoryInputSerializer},
        responses=WrittenStorySerializer,
    )
    def partial_update(self, request, pk=None):
        """Change your story (`"post": true` posts a draft). Screened again."""
        story = _story_or_404(request, pk)
        incoming = StoryInputSerializer(data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        return self._write(story=story, incoming=incoming.validated_data)

    @extend_schema(request=None, responses={204: None})
    def destroy(self, request, pk=None):
        """Delete your story, its picture and the conversation under it."""
        services.delete_story(actor=request.user, story=_story_or_404(request, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=ConfirmInputSerializer, responses=WrittenStorySerializer)
    @action(detail=True, methods=["post"], url_path="post")
    def post_draft(self, request, pk=None):
        """Post your draft."""
        story = _story_or_404(request, pk)
        incoming = ConfirmInputSerializer(data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        if story.is_posted:
            raise exceptions.ValidationError({"status": [_("This story is already posted.")]})
        return self._write(story=story, incoming={**incoming.validated_data, "post": True})

    @extend_schema(responses=StorySerializer(many=True))
    @action(detail=False, methods=["get"], pagination_class=None)
    def drafts(self, request):
        """Your drafts, newest first."""
        stories = list(selectors.drafts(viewer=request.user).prefetch_related("tags"))
        context = {"request": request, "reactions": _reactions_of_page(request.user, stories)}
        return Response(StorySerializer(stories, many=True, context=context).data)

    @extend_schema(methods=["GET"], responses=CommentSerializer(many=True))
    @extend_schema(methods=["POST"], request=CommentInputSerializer, responses={201: WrittenCommentSerializer})
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def comments(self, request, pk=None):
        """GET: the conversation under the story, in threads. POST: comment, or reply with `parent`."""
        story = _posted_story_or_404(request, pk)
        context = {"request": request, "story": story}
        if request.method == "GET":
            threads = selectors.comments_for(viewer=request.user, target=story)
            return Response(CommentSerializer(threads, many=True, context=context).data)
        incoming = CommentInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        parent = None
        if incoming.validated_data.get("parent") is not None:
            parent = Comment.objects.select_related("author").filter(pk=incoming.validated_data["parent"]).first()
            if parent is None:
                raise exceptions.ValidationError({"parent": [_("That comment does not exist.")]})
        written = services.add_comment(
            actor=request.user,
            target=story,
            body=incoming.validated_data["body"],
            parent=parent,
            confirmed=incoming.validated_data.get("confirm", False),
        )
        answer = {
            **CommentReplySerializer(shown_comment(written.obj), context=context).data,
            "moderation": moderation_outcome(request, written.decision),
        }
        return Response(answer, status=status.HTTP_201_CREATED)

    @extend_schema(
        methods=["PUT"], parameters=[KIND], request=None, responses={200: ReactionsSerializer, 201: ReactionsSerializer}
    )
    @extend_schema(methods=["DELETE"], parameters=[KIND], request=None, responses={204: None})
    @action(detail=True, methods=["put", "delete"], url_path=r"reactions/(?P<kind>[^/.]+)")
    def reactions(self, request, pk=None, kind=None):
        """PUT adds your reaction of this kind (201, or 200 if it was there); DELETE takes it back."""
        story = _posted_story_or_404(request, pk)
        if request.method == "DELETE":
            services.unreact(actor=request.user, target=story, kind=kind)
            return Response(status=status.HTTP_204_NO_CONTENT)
        created = services.react(actor=request.user, target=story, kind=kind)
        summary = selectors.reactions_for(
            viewer=request.user, target=story, author_id=story.author_id, public_counts=story.public_reaction_counts
        )
        answer = {"reactions": _reaction_summary(summary), "my_reactions": sorted(summary.mine)}
        return Response(answer, status=created_status(created))


# The feed and hashtags


class FeedViewSet(viewsets.GenericViewSet):
    """The home feed."""

    queryset = Story.objects.none()
    serializer_class = StorySerializer
    pagination_class = None

    @extend_schema(parameters=[CURSOR, PAGE_SIZE], responses=FeedPageSerializer)
    def list(self, request):
        """Newest first: stories by people and hashtags you follow, your own and featured ones (featured only
        when signed out), never by people you muted. It ends: `caught_up` says there is nothing older."""
        page = selectors.feed(
            viewer=request.user,
            cursor=request.query_params.get("cursor"),
            size=_page_size(request, selectors.FEED_PAGE),
        )
        return Response(_feed_page(request, page))


def _tag_name(tag: str) -> str:
    """The hashtag an address names, written as a tag: "Self-Harm" reads as #selfharm (as the pages read it)."""
    name = re.sub(r"[^\w]", "", tag or "").lower()
    if not 2 <= len(name) <= 50:
        raise exceptions.NotFound(_("That is not a hashtag."))
    return name


class TagViewSet(viewsets.GenericViewSet):
    """Hashtag pages, and following a hashtag."""

    queryset = Story.objects.none()
    serializer_class = StorySerializer
    pagination_class = None
    lookup_field = "tag"
    lookup_value_regex = r"[^/]+"

    @extend_schema(parameters=[TAG, CURSOR, PAGE_SIZE], responses=TagPageSerializer)
    def retrieve(self, request, tag=None):
        """Everything readable with the hashtag, newest first. For a sensitive hashtag (suicide, self-harm,
        eating-disorder promotion, and their evasive spellings), `sensitive` is true and `help` lists the helplines
        to show, with a screen, before any result."""
        name = _tag_name(tag)
        page = selectors.tagged(
            viewer=request.user,
            tag=name,
            cursor=request.query_params.get("cursor"),
            size=_page_size(request, selectors.FEED_PAGE),
        )
        sensitivity = selectors.tag_sensitivity(name)
        following = social_selectors.follows_tag(viewer=request.user, name=name)
        answer = {
            "tag": name,
            "following": following,
            "sensitive": bool(sensitivity),
            "sensitivity": sensitivity,
            "help": help_for(request) if sensitivity else None,
        }
        return Response({**answer, **_feed_page(request, page)})

    @extend_schema(methods=["PUT"], parameters=[TAG], request=None, responses={200: None, 201: None})
    @extend_schema(methods=["DELETE"], parameters=[TAG], request=None, responses={204: None})
    @action(detail=True, methods=["put", "delete"])
    def follow(self, request, tag=None):
        """PUT follows the hashtag (201, or 200 if you already did); DELETE stops following it. Sensitive
        hashtags can't be followed: that would bring their posts into the feed without the screen and help."""
        name = _tag_name(tag)
        if request.method == "DELETE":
            services.unfollow_tag(actor=request.user, name=name)
            return Response(status=status.HTTP_204_NO_CONTENT)
        if selectors.tag_sensitivity(name):
            raise exceptions.ValidationError({"tag": [_("Hashtags like #%(tag)s can't be followed.") % {"tag": name}]})
        return Response(status=created_status(services.follow_tag(actor=request.user, name=name)))


def register(router):
    """Add this module's viewsets to the /api/v1/ router."""
    router.register("stories", StoryViewSet, basename="story")
    router.register("feed", FeedViewSet, basename="feed")
    router.register("tags", TagViewSet, basename="tag")
