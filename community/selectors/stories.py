"""Reads of stories, comments and reactions, for one viewer: what they may see, and nothing moderation hid.

Every list here costs a fixed number of queries whatever its length (authors joined, tags and counts
prefetched or annotated), and is ordered by a unique key so cursor pages never repeat or skip.
"""

import operator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Expression, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from moderation import services as moderation_services
from moderation.models import Kind, Visibility, warning_labels
from moderation.text import normalise

from ..models import Audience, Comment, Follow, Mute, Reaction, Restriction, Story, TagFollow, TopicChoice
from .preferences import hidden_topics, sensitive_choice
from .social import blocked_either_way_q, blocked_with

FEED_PAGE = 20
# Hashtags run words together ("wanttodie", "proanatips"), which screening reads as one unknown word: a tag
# containing one of these, read as screening reads it (leetspeak, look-alikes), needs help first too.
CRISIS_TAG_STEMS = ("suicid", "selfharm", "killmyself", "wanttodie", "wannadie", "endmylife", "unalive", "sewerslide")
ED_PROMOTION_STEMS = ("proana", "promia", "thinspo", "bonespo", "meanspo", "edtwt", "skinnytok")


def readable_stories(*, viewer, include_hidden_topics: bool = False) -> QuerySet[Story]:
    """Posted stories the viewer may read.

    Published ones (an author also sees their own held ones), within each story's audience (everyone; signed-in
    members; the author's followers), never between people who blocked each other, never a minor's story to a
    visitor who is not signed in. Lists leave out stories on a topic the viewer chose to hide (their own
    stay); `include_hidden_topics` keeps them, for a story opened on purpose (it then asks first).
    """
    stories = Story.objects.filter(status=Story.Status.POSTED, author__is_active=True)
    if not viewer.is_authenticated:
        today = timezone.now().date()
        return stories.filter(visibility=Visibility.PUBLISHED, audience=Audience.PUBLIC).exclude(
            author__minor_until__gt=today
        )
    own = Q(author=viewer.pk)
    follows_author = Exists(Follow.objects.filter(follower=viewer.pk, followed=OuterRef("author")))
    stories = stories.filter(own | Q(visibility=Visibility.PUBLISHED))
    stories = stories.filter(
        own | Q(audience__in=[Audience.PUBLIC, Audience.MEMBERS]) | (Q(audience=Audience.FOLLOWERS) & follows_author)
    )
    # Not for anonymous stories: a story vanishing after a block or a mute would say who wrote it.
    stories = stories.exclude(Q(anonymous=False) & blocked_either_way_q(viewer.pk, "author"))
    hidden = [] if include_hidden_topics else hidden_topics(viewer)
    if hidden:
        stories = stories.filter(own | ~_warned_about(hidden))
    return stories


def _warned_about(topics: list[str]) -> Q:
    """Content with a warning on any of these topics. The codes are matched with their quotes in the stored
    JSON list: the one lookup SQLite and PostgreSQL both have (no code is part of another)."""
    return reduce(operator.or_, (Q(content_warnings__icontains=f'"{topic}"') for topic in topics))


def _count_on_story(rows: QuerySet) -> Coalesce:
    """How many of `rows` point at the outer story: a correlated subquery, so counting reactions and comments
    side by side never multiplies one by the other as two joins would."""
    story_type = ContentType.objects.get_for_model(Story)
    counted = (
        rows.filter(target_type=story_type, target_id=OuterRef("pk"))
        .order_by()
        .values("target_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


# The comments under the outer story ({story}: its alias) that this viewer sees, as `comments_for` places
# them: from the top comments down, a reply only under a comment that is placed (a deleted one still carries
# its replies); counted without the deleted ones.
_SHOWN_COMMENTS = """(WITH RECURSIVE placed(id, deleted_at) AS (
    SELECT c.id, c.deleted_at FROM community_comment c
    WHERE c.target_type_id = %s AND c.target_id = {story}.id AND c.parent_id IS NULL AND {placed}
  UNION ALL
    SELECT c.id, c.deleted_at FROM community_comment c JOIN placed p ON c.parent_id = p.id WHERE {placed}
) SELECT COUNT(*) FROM placed WHERE deleted_at IS NULL)"""
# Shown to everyone who may read the story: published, approved, not by someone its author restricted ...
_PLACED = """(c.deleted_at IS NOT NULL OR (c.visibility = %s AND c.approval = %s
    AND NOT EXISTS (SELECT 1 FROM community_restriction r
                    WHERE r.owner_id = {story}.author_id AND r.restricted_id = c.author_id)
    AND {by_whom}))"""
# ... for visitors, not by a minor (their words are for signed-in members) ...
_NOT_BY_A_MINOR = "NOT EXISTS (SELECT 1 FROM community_user u WHERE u.id = c.author_id AND u.minor_until > %s)"
# ... for members, not by someone either of them blocked; but the anonymous author's own comments stay, as their
# absence would name them.
_NOT_BLOCKED = """(NOT EXISTS (SELECT 1 FROM community_block b
                  WHERE (b.blocker_id = %s AND b.blocked_id = c.author_id)
                     OR (b.blocked_id = %s AND b.blocker_id = c.author_id))
    OR ({story}.anonymous AND c.author_id = {story}.author_id))"""


class ShownCommentCount(Expression):
    """How many comments under the outer story the viewer sees, counted as `comments_for` shows them (replies
    under a comment that is not shown are not, at any depth). One recursive subquery per story, so a list still
    costs one query whatever its length."""

    output_field = IntegerField()

    def __init__(self, viewer_id: int | None):
        super().__init__()
        self.viewer_id = viewer_id

    def as_sql(self, compiler, connection):
        story = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        if self.viewer_id is None:
            by_whom, by_whom_params = _NOT_BY_A_MINOR, [timezone.now().date()]
        else:
            by_whom, by_whom_params = _NOT_BLOCKED, [self.viewer_id, self.viewer_id]
        placed = _PLACED.format(story=story, by_whom=by_whom.format(story=story))
        placed_params = [Visibility.PUBLISHED, Comment.Approval.APPROVED, *by_whom_params]
        sql = _SHOWN_COMMENTS.format(story=story, placed=placed)  # noqa: S608 (constants; values are parameters)
        story_type = ContentType.objects.get_for_model(Story).pk
        return sql, (story_type, *placed_params, *placed_params)


def _with_counts(stories: QuerySet[Story], *, viewer) -> QuerySet[Story]:
    return (
        stories.select_related("author")
        .prefetch_related("tags")
        .annotate(
            reaction_count=_count_on_story(Reaction.objects.all()),
            comment_count=ShownCommentCount(getattr(viewer, "pk", None)),
        )
    )


def story_for_viewer(*, viewer, pk: int) -> Story | None:
    """A story the viewer may read, also on a topic they hide from lists: `story_choice()` then says to ask
    before showing it."""
    stories = readable_stories(viewer=viewer, include_hidden_topics=True)
    return _with_counts(stories, viewer=viewer).filter(pk=pk).first()


@dataclass
class FeedPage:
    stories: list[Story]
    next_cursor: str | None  # None: "you're all caught up"
    caught_up: bool


def _cursor_of(story: Story) -> str:
    return f"{story.posted_at.isoformat()}_{story.pk}"


def _parse_cursor(cursor: str | None):
    if not cursor:
        return None
    stamp, _sep, pk = str(cursor)[:80].rpartition("_")
    try:
        moment = datetime.fromisoformat(stamp)
        moment.astimezone(UTC)  # a far-off offset would overflow in the database driver: refuse it here
        position = int(pk)
    except (ValueError, OverflowError):
        return None
    if moment.tzinfo is None or not 0 < position < 2**63:
        return None  # a cursor we never gave out
    return moment, position


def _page(stories: QuerySet[Story], *, viewer, cursor: str | None, size: int) -> FeedPage:
    stories = stories.order_by("-posted_at", "-pk")
    position = _parse_cursor(cursor)
    if position is not None:
        posted_at, pk = position
        stories = stories.filter(Q(posted_at__lt=posted_at) | Q(posted_at=posted_at, pk__lt=pk))
    rows = list(_with_counts(stories, viewer=viewer)[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    return FeedPage(stories=rows, next_cursor=_cursor_of(rows[-1]) if more else None, caught_up=not more)


def feed(*, viewer, cursor: str | None = None, size: int = FEED_PAGE) -> FeedPage:
    """The home feed, newest first: stories by people and hashtags the viewer follows, their own, and featured
    ones; never by someone they muted. It ends ("caught up") rather than scrolling forever."""
    if not viewer.is_authenticated:
        return _page(readable_stories(viewer=viewer).filter(featured=True), viewer=viewer, cursor=cursor, size=size)
    return _page(_feed_stories(viewer), viewer=viewer, cursor=cursor, size=size)


def _feed_stories(viewer, *, include_hidden_topics: bool = False) -> QuerySet[Story]:
    followed_tag = Exists(
        Story.tags.through.objects.filter(
            object_id=OuterRef("pk"),
            content_type=ContentType.objects.get_for_model(Story),
            tag__in=TagFollow.objects.filter(user=viewer.pk).values("tag"),
        )
    )
    # An anonymous story never comes because its author is followed: that would say who wrote it.
    follows_author = Q(anonymous=False) & Exists(Follow.objects.filter(follower=viewer.pk, followed=OuterRef("author")))
    muted = Exists(Mute.objects.filter(muter=viewer.pk, muted=OuterRef("author")))
    return (
        readable_stories(viewer=viewer, include_hidden_topics=include_hidden_topics)
        .filter(follows_author | followed_tag | Q(featured=True) | Q(author=viewer.pk))
        .exclude(Q(anonymous=False) & muted)
    )


def feed_hidden_count(*, viewer) -> int:
    """How many stories the signed-in viewer's feed leaves out for their sensitive-content settings (one query;
    none when they hide no topic): a feed that looks short or empty should say why."""
    if not viewer.is_authenticated or not hidden_topics(viewer):
        return 0
    shown = _feed_stories(viewer).values("pk")
    return _feed_stories(viewer, include_hidden_topics=True).exclude(pk__in=shown).count()


def tag_sensitivity(tag: str) -> str:
    """Whether a hashtag needs help and a screen before its posts: "crisis" for suicide and self-harm (and their
    evasive spellings), "eating_disorders" for tags that promote eating disorders, "" for any other tag.
    Read with screening's own vocabulary."""
    words = tag.replace("_", " ")
    readings = normalise(tag.replace("_", "")).variants
    if moderation_services.is_crisis_search(words) or _contains(readings, CRISIS_TAG_STEMS):
        return "crisis"
    if _contains(readings, ED_PROMOTION_STEMS):
        return "eating_disorders"
    decision = moderation_services.screen(text=words, kind=Kind.COMMENT, author="member")
    if any(label.name == "eating_disorder_promotion" for label in decision.labels):
        return "eating_disorders"
    return ""


def _contains(readings, stems) -> bool:
    return any(stem in reading.replace(" ", "") for reading in readings for stem in stems)


def tagged(*, viewer, tag: str, cursor: str | None = None, size: int = FEED_PAGE) -> FeedPage:
    """Everything readable with a hashtag (stories now; campaigns, entries and resources as they arrive)."""
    with_tag = Exists(
        Story.tags.through.objects.filter(
            object_id=OuterRef("pk"),
            content_type=ContentType.objects.get_for_model(Story),
            tag__name__iexact=(tag or "").strip().lstrip("#"),
        )
    )
    return _page(readable_stories(viewer=viewer).filter(with_tag), viewer=viewer, cursor=cursor, size=size)


def stories_by(*, viewer, author, cursor: str | None = None, size: int = FEED_PAGE) -> FeedPage:
    """A person's stories as the viewer may see them; anonymous ones only to their author."""
    stories = readable_stories(viewer=viewer).filter(author=author)
    if getattr(viewer, "pk", None) != author.pk:
        stories = stories.filter(anonymous=False)
    return _page(stories, viewer=viewer, cursor=cursor, size=size)


def own_story(*, viewer, pk) -> Story | None:
    """One of the viewer's own stories, draft or posted, whatever moderation decided; None otherwise."""
    if not getattr(viewer, "pk", None):
        return None
    return Story.objects.filter(pk=pk, author=viewer.pk).first()


def drafts(*, viewer) -> QuerySet[Story]:
    return Story.objects.filter(author=viewer.pk, status=Story.Status.DRAFT).order_by("-created_at")


def shown_author(story: Story, *, viewer):
    """The author to show, or None for "an anonymous member" (the author sees themselves)."""
    if story.anonymous and getattr(viewer, "pk", None) != story.author_id:
        return None
    return story.author


def warnings_of(obj) -> list[str]:
    return warning_labels(obj.content_warnings)


def story_choice(story: Story, *, viewer) -> str:
    """How the viewer sees this story: "show" (open), "collapse" (behind its warning) or "hide" (left out of
    lists; opened on purpose, it asks first). Its author never has it hidden."""
    mine = story.author_id is not None and story.author_id == getattr(viewer, "pk", None)
    return sensitive_choice(story.content_warnings, viewer=viewer, mine=mine)


# Reactions


@dataclass
class Reactions:
    mine: set[str]
    counts: dict[str, int]  # per kind: shown to the author, or to everyone when the author opts in
    total: int
    counts_shown: bool


def reactions_for(*, viewer, target, author_id, public_counts: bool) -> Reactions:
    target_type = ContentType.objects.get_for_model(target)
    rows = Reaction.objects.filter(target_type=target_type, target_id=target.pk)
    counts = dict(rows.values_list("kind").annotate(count=Count("pk")).values_list("kind", "count"))
    mine = set(rows.filter(user=viewer.pk).values_list("kind", flat=True)) if viewer.is_authenticated else set()
    shown = public_counts or getattr(viewer, "pk", None) == author_id
    return Reactions(mine=mine, counts=counts if shown else {}, total=sum(counts.values()), counts_shown=shown)


# Comments


@dataclass
class ShownComment:
    comment: Comment
    deleted: bool  # "comment deleted": kept so its replies still read in order
    waiting: bool  # held by moderation or waiting for the author's approval: only some see it
    replying_to: object = None  # for replies below the second level: whom they answer
    replying_to_deleted: bool = False  # ... or that what they answer was deleted (its writer is not named)
    replies: list["ShownComment"] = field(default_factory=list)
    # The viewer's sensitive-topic settings: "show", "collapse" (behind its warning) or "hide" (only a line
    # says a comment is hidden, so the thread still reads; its words are not shown).
    choice: str = TopicChoice.SHOW

    @property
    def hidden(self) -> bool:
        return self.choice == TopicChoice.HIDE and not self.deleted

    @property
    def folded(self) -> bool:
        return self.choice == TopicChoice.COLLAPSE and not self.deleted


def comments_for(*, viewer, target) -> list[ShownComment]:
    """The conversation under `target`, two levels deep (deeper replies flattened under their thread with
    "replying to"), as this viewer may see it, each comment shown, folded or hidden as the viewer chose for
    its topics. Three queries whatever its length (and the viewer's preferences once, if a comment has a
    warning)."""
    target_type = ContentType.objects.get_for_model(target)
    from moderation import registry

    owner_id = getattr(target, target._meta.get_field(registry.registration_for(target).author_field).attname)
    viewer_id = getattr(viewer, "pk", None)
    rows = list(
        Comment.objects.filter(target_type=target_type, target_id=target.pk)
        .select_related("author", "parent__author")
        .order_by("created_at", "pk")
    )
    restricted = set()
    if owner_id:
        restricted = set(Restriction.objects.filter(owner=owner_id).values_list("restricted", flat=True))
    blocked = blocked_with(viewer_id, {comment.author_id for comment in rows})

    anonymous_owner = bool(getattr(target, "anonymous", False))
    signed_in = bool(viewer_id)
    today = timezone.now().date()

    def visible(comment: Comment) -> tuple[bool, bool]:
        mine = comment.author_id is not None and comment.author_id == viewer_id
        # The anonymous author's own comments are kept whoever blocked whom: their absence would name them.
        if comment.author_id in blocked and not (anonymous_owner and comment.author_id == owner_id):
            return False, False
        if not signed_in and comment.author_id and comment.author.minor_until and comment.author.minor_until > today:
            return False, False  # a minor's words are for signed-in members, as their profile is
        waiting = comment.visibility != Visibility.PUBLISHED or comment.approval != Comment.Approval.APPROVED
        if comment.visibility in (Visibility.HIDDEN, Visibility.REMOVED) and not mine:
            return False, False
        if comment.approval == Comment.Approval.DECLINED:
            return mine, True  # taken off by the content's author: its writer alone still sees it
        if waiting:
            owner_may = viewer_id == owner_id and comment.visibility == Visibility.PUBLISHED
            return (mine or owner_may), True
        if comment.author_id in restricted and not (mine or viewer_id == owner_id):
            return False, False
        return True, False

    placed: dict[int, ShownComment] = {}
    thread_of: dict[int, ShownComment] = {}  # each placed comment's top-level comment
    top: list[ShownComment] = []
    for comment in rows:
        ok, waiting = visible(comment)
        if not ok and not comment.is_deleted:
            continue
        item = ShownComment(comment=comment, deleted=comment.is_deleted, waiting=waiting and not comment.is_deleted)
        if comment.content_warnings and not comment.is_deleted:
            mine = comment.author_id is not None and comment.author_id == viewer_id
            item.choice = TopicChoice.SHOW if mine else sensitive_choice(comment.content_warnings, viewer=viewer)
            if item.hidden:
                comment.body = ""  # its words leave no door (page or API) for this viewer
        if comment.parent_id is None:
            top.append(item)
            thread = item
        else:
            parent = placed.get(comment.parent_id)
            if parent is None:
                continue  # the conversation it answers is not shown to this viewer
            thread = thread_of[parent.comment.pk]
            if parent is not thread:  # deeper: shown at the second level, saying whom it answers
                if parent.deleted:
                    item.replying_to_deleted = True
                else:
                    item.replying_to = parent.comment.author
            thread.replies.append(item)
        placed[comment.pk] = item
        thread_of[comment.pk] = thread

    # "Comment deleted" stays only where a reply someone can still see comes after it, at any depth.
    alive: set[int] = set()
    for item in placed.values():
        if item.deleted:
            continue
        parent_id = item.comment.parent_id
        while parent_id is not None and parent_id not in alive:
            alive.add(parent_id)
            parent_id = placed[parent_id].comment.parent_id
    kept = [item for item in top if not item.deleted or item.comment.pk in alive]
    for item in kept:
        item.replies = [reply for reply in item.replies if not reply.deleted or reply.comment.pk in alive]
    return kept


def pending_comments(*, owner) -> QuerySet[Comment]:
    """Comments on the owner's stories waiting for their approval (none by someone either of them blocked)."""
    story_type = ContentType.objects.get_for_model(Story)
    own_stories = Story.objects.filter(author=owner.pk).values("pk")
    return (
        Comment.objects.filter(
            target_type=story_type,
            target_id__in=own_stories,
            approval=Comment.Approval.PENDING,
            visibility=Visibility.PUBLISHED,
            deleted_at__isnull=True,
        )
        .exclude(blocked_either_way_q(owner.pk, "author"))
        .select_related("author")
        .order_by("created_at")
    )
