"""Reads of support circles for one viewer: which circles they may see, what their membership lets them do, a
circle's posts, and its support chat (the session on now, the next one, the messages since a cursor).

Who may do what, in one place (the services check the same functions before every write):

- A circle's page (what it is for, its guidelines, its chat times) is there for whoever may join it: a circle
  for teens is not listed to adults or visitors, a circle for adults not to minors. Moderators see every circle.
- Its posts, their comments and its chat are for its active members only (`takes_part`), while their age still
  fits the circle (a teen who turns 18 leaves a teens' circle's conversation). Moderators read them too.
- Hosts (`CircleMembership.Role.HOST`, active) and moderators manage it: requests, pins, removals.

The chat's times: a schedule repeats a wall-clock time in the circle's zone (dateutil, over naive local times), so
a 19:00 chat stays at 19:00 local time across daylight-saving changes. That time is the RRULE's BYHOUR and
BYMINUTE when it names them (what the hosts' form saves), else the local time of `first_start`; `first_start`
gives the first day. Only then does each occurrence become a real instant (UTC), the same way helpline hours
do: a time that does not exist (the hour skipped in spring) moves forward for that session only, a time that
happens twice (autumn) is its first occurrence.

Posts and chat messages with content warnings carry the viewer's choice for their topics (`sensitive_choice`:
show, collapse or hide, as on stories and comments); a hidden one's words are blanked before any door sees them.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from functools import lru_cache

from dateutil import rrule as dateutil_rrule
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from moderation import services as moderation_services
from moderation.models import Visibility

from ..ids import id_or_none
from ..models import (
    STAFF_ROLES,
    Block,
    ChatMessage,
    ChatSchedule,
    Circle,
    CircleMembership,
    CirclePost,
    Comment,
    Notification,
    Preferences,
    TopicChoice,
)
from ..models import (
    Role as PersonRole,
)
from .preferences import sensitive_choice

Status = CircleMembership.Status
Role = CircleMembership.Role
AgeGroup = Circle.AgeGroup

POSTS_PAGE = 30
CHAT_BACKLOG = 200  # messages a room shows when it opens; later ones arrive by cursor
# A margin for a daylight-saving change between the local and the real clock when looking back for a session.
_SLACK = timedelta(hours=3)
_MAX_STEPS = 2_000  # occurrences looked at for one answer: a rule that never lands near now gives up, not hangs


# Who may do what


def is_staff_moderator(viewer) -> bool:
    """Moderators and staff admins: they see every circle and act on any of them (never blocked by age)."""
    return moderation_services.can_moderate(viewer)


# Who may start and host a circle for everyone (adults and under-18s together): staff and people whose role
# Hearten checked (experts with a verified credential, members of a verified organisation, moderators).
TRUSTED_ROLES = frozenset({PersonRole.EXPERT, PersonRole.ORGANISATION_MEMBER, *STAFF_ROLES})


def trusted_adult(user) -> bool:
    """Whether the person may start a circle for everyone and host one: an active adult who is staff, or an
    expert, organisation member or moderator. (Age is checked before roles: a minor is never one.)"""
    if not (getattr(user, "is_authenticated", False) and user.is_active) or user.is_minor:
        return False
    return bool(user.is_staff or TRUSTED_ROLES.intersection(user.roles))


def trusted_adults_q(prefix: str = "user__") -> Q:
    """The same as `trusted_adult`, as a filter on a relation to people (`prefix` leads to the person)."""
    today = timezone.now().date()
    adult = Q(**{f"{prefix}minor_until__isnull": True}) | Q(**{f"{prefix}minor_until__lte": today})
    trusted = Q(**{f"{prefix}is_staff": True}) | Q(**{f"{prefix}groups__name__in": list(TRUSTED_ROLES)})
    return Q(**{f"{prefix}is_active": True}) & adult & trusted


def joins_by_request(circle: Circle) -> bool:
    """Whether a host decides each request to join. Always for a circle for everyone, whatever it was saved with:
    a host looks at every adult (and every teen) before they meet each other there."""
    return circle.join_policy != Circle.JoinPolicy.OPEN or circle.age_group == AgeGroup.EVERYONE


def names_minors_to(viewer, circle: Circle, membership: CircleMembership | None = ...) -> bool:
    """Whether the viewer may see who the circle's under-18 members and hosts are: moderators, and under-18s who
    take part in it (a teens' circle's members; the teens in a circle for everyone). Adults, visitors and teens
    outside the circle see "a teen host" or "a member under 18" instead."""
    if is_staff_moderator(viewer):
        return True
    return bool(getattr(viewer, "is_authenticated", False) and viewer.is_minor) and takes_part(
        viewer, circle, membership
    )


def hides_minor_authors(viewer, circle: Circle, membership: CircleMembership | None = ...) -> bool:
    """Whether under-18 writers of posts, comments and chat messages are "A member under 18" to the viewer (no
    name, handle or profile link): to everyone `names_minors_to` leaves out but the circle's hosts, who let
    them in and look after them. (The members list says the same: one name left over would identify them.)"""
    membership = membership_of(viewer, circle) if membership is ... else membership
    return not (names_minors_to(viewer, circle, membership) or can_manage(viewer, circle, membership))


def shows_as_minor(author, *, viewer, hidden: bool) -> bool:
    """Whether `author` is shown to `viewer` as "A member under 18" when `hides_minor_authors` is `hidden`:
    an under-18 writer other than the viewer themselves."""
    return bool(hidden and author is not None and author.is_minor and author.pk != getattr(viewer, "pk", None))


def mark_minor_authors(*, viewer, circle: Circle, items) -> list:
    """Set `author_hidden` on each post, chat message or `ShownComment` tree (with its replies, and whom a deep
    reply answers: `replying_to_hidden`) as `hides_minor_authors` says. Templates and serializers show
    "A member under 18" for those, without name, handle or link."""
    hidden = hides_minor_authors(viewer, circle)

    def mark(item) -> None:
        target = getattr(item, "comment", item)
        target.author_hidden = shows_as_minor(target.author, viewer=viewer, hidden=hidden)
        if hasattr(item, "replies"):
            item.replying_to_hidden = shows_as_minor(item.replying_to, viewer=viewer, hidden=hidden)
            for reply in item.replies:
                mark(reply)

    for item in items:
        mark(item)
    return items


def age_fits(user, circle: Circle) -> bool:
    """Whether the person's age fits the circle's age group (staff are not excepted here: see `may_join`)."""
    if circle.age_group == AgeGroup.ADULTS:
        return bool(getattr(user, "is_authenticated", False)) and not user.is_minor
    if circle.age_group == AgeGroup.TEENS:
        return bool(getattr(user, "is_authenticated", False)) and user.is_minor
    return True


def membership_of(viewer, circle: Circle) -> CircleMembership | None:
    """The viewer's membership row in the circle (any status), or None. Uses `circle.my_membership` when the
    selector that loaded the circle put it there for this same viewer (no query)."""
    if not getattr(viewer, "is_authenticated", False):
        return None
    if getattr(circle, "_membership_viewer", None) == viewer.pk:
        return circle.my_membership
    return CircleMembership.objects.filter(circle=circle, user=viewer.pk).first()


def takes_part(viewer, circle: Circle, membership: CircleMembership | None = ...) -> bool:
    """An active member, active account, whose age fits (staff moderators' age never keeps them out)."""
    if not (getattr(viewer, "is_authenticated", False) and viewer.is_active):
        return False
    if circle.archived_at is not None:
        return False
    membership = membership_of(viewer, circle) if membership is ... else membership
    if membership is None or membership.status != Status.ACTIVE:
        return False
    return age_fits(viewer, circle) or is_staff_moderator(viewer)


def is_host(viewer, circle: Circle, membership: CircleMembership | None = ...) -> bool:
    membership = membership_of(viewer, circle) if membership is ... else membership
    return takes_part(viewer, circle, membership) and membership.role == Role.HOST


def can_read(viewer, circle: Circle, membership: CircleMembership | None = ...) -> bool:
    """Whether the viewer may read the circle's posts and chat: its members, and moderators."""
    return takes_part(viewer, circle, membership) or is_staff_moderator(viewer)


def can_manage(viewer, circle: Circle, membership: CircleMembership | None = ...) -> bool:
    """Whether the viewer may decide requests, pin and remove posts, comments and messages, remove members."""
    return is_host(viewer, circle, membership) or is_staff_moderator(viewer)


def space_for_minors(target) -> bool:
    """Whether writing on `target` is in a space open to under-18s: a circle post (or a comment on one) in a
    circle that is not for adults only. Screening is stricter there (services.stories asks this for comments)."""
    if isinstance(target, Comment):
        post_type = ContentType.objects.get_for_model(CirclePost)
        if target.target_type_id != post_type.pk or not target.target_id:
            return False
        posts = CirclePost.objects.filter(pk=target.target_id)
        return posts.exclude(circle__age_group=AgeGroup.ADULTS).exists()
    if isinstance(target, CirclePost):
        return target.circle.age_group != AgeGroup.ADULTS
    return False


def post_readable_by(*, viewer, post: CirclePost) -> bool:
    """Whether a circle post is there for `viewer` to comment on or react to: a published post, not deleted or
    removed, in a circle they take part in. (stories._readable_by asks this for circle posts.)"""
    if post.deleted_at is not None or post.removed_by_id is not None or post.visibility != Visibility.PUBLISHED:
        return False
    return takes_part(viewer, post.circle)


# Circles


def _with_viewer(circles: QuerySet[Circle], viewer) -> QuerySet[Circle]:
    members = CircleMembership.objects.filter(circle=OuterRef("pk"), status=Status.ACTIVE)
    counted = members.order_by().values("circle").annotate(n=Count("pk")).values("n")
    circles = circles.annotate(member_count=Coalesce(Subquery(counted, output_field=IntegerField()), 0))
    return circles.select_related("created_by").prefetch_related("chat_schedules")


def visible_circles(*, viewer) -> QuerySet[Circle]:
    """Circles the viewer may see (and so join): not archived, published (a creator also sees their own held
    one), and within their age group; moderators see all. Annotated with `member_count`."""
    circles = Circle.objects.filter(archived_at__isnull=True)
    if is_staff_moderator(viewer):
        return _with_viewer(circles, viewer)
    signed_in = getattr(viewer, "is_authenticated", False)
    if signed_in:
        circles = circles.filter(Q(visibility=Visibility.PUBLISHED) | Q(created_by=viewer.pk))
        groups = [AgeGroup.EVERYONE, AgeGroup.TEENS if viewer.is_minor else AgeGroup.ADULTS]
    else:
        circles = circles.filter(visibility=Visibility.PUBLISHED)
        groups = [AgeGroup.EVERYONE, AgeGroup.ADULTS]  # a teens' circle is never shown to someone we can't place
    return _with_viewer(circles.filter(age_group__in=groups), viewer)


def circles_for(*, viewer) -> list[Circle]:
    """The circle list: each with `member_count` and `my_membership` (the viewer's row or None). Two queries
    and one for the chat schedules, whatever the number of circles."""
    circles = list(visible_circles(viewer=viewer).order_by("title", "pk"))
    attach_memberships(viewer, circles)
    return circles


def circle_links(*, viewer, ids) -> dict[int, str]:
    """{circle id: its page} for the circles among `ids` the viewer may still see (notification links)."""
    slugs = visible_circles(viewer=viewer).filter(pk__in=ids).values_list("pk", "slug")
    return {pk: reverse("community:circle_detail", args=[slug]) for pk, slug in slugs}


def circle_post_links(*, viewer, ids) -> dict[int, str]:
    """{post id: its page} for the circle posts among `ids` the viewer may still read: an active member of a
    circle they may see (moderators: any), the post shown to them as its page would show it (published and not
    removed by a host, unless they wrote it; a deleted one only while comments under it are shown)."""
    if not getattr(viewer, "is_authenticated", False):
        return {}
    posts = CirclePost.objects.filter(pk__in=ids).annotate(comment_count=_shown_comment_count())
    posts = posts.filter(_shown_to(viewer)).exclude(_blocked_either_way(viewer, "author"))
    posts = posts.values_list("pk", "circle_id")
    by_circle = {}
    for pk, circle_id in posts:
        by_circle.setdefault(circle_id, []).append(pk)
    circles = visible_circles(viewer=viewer).filter(pk__in=by_circle)
    if not is_staff_moderator(viewer):
        circles = circles.filter(memberships__user=getattr(viewer, "pk", None), memberships__status=Status.ACTIVE)
    return {
        pk: reverse("community:circle_post", args=[slug, pk])
        for circle_id, slug in circles.values_list("pk", "slug")
        for pk in by_circle[circle_id]
    }


def attach_memberships(viewer, circles: list[Circle]) -> None:
    """Put the viewer's membership row (or None) on each circle as `my_membership`, in one query, so that
    `membership_of` and the checks built on it cost nothing more."""
    mine = {}
    if getattr(viewer, "is_authenticated", False) and circles:
        rows = CircleMembership.objects.filter(user=viewer.pk, circle__in=[circle.pk for circle in circles])
        mine = {row.circle_id: row for row in rows}
    for circle in circles:
        circle.my_membership = mine.get(circle.pk)
        circle._membership_viewer = getattr(viewer, "pk", None)  # whose membership it is (membership_of checks)


def circle_for(*, viewer, slug: str) -> Circle | None:
    """One circle the viewer may see, with `member_count` and `my_membership`; None otherwise."""
    circle = visible_circles(viewer=viewer).filter(slug=str(slug)[:60]).first()
    if circle is not None:
        attach_memberships(viewer, [circle])
    return circle


def membership_in(circle: Circle, pk) -> CircleMembership | None:
    """One membership row (a request, a member) of the circle by its id, with its person; None if not there."""
    row = CircleMembership.objects.filter(pk=pk, circle=circle).select_related("user").first()
    if row is not None:
        row.circle = circle
    return row


def current_schedule(circle: Circle) -> ChatSchedule | None:
    """The schedule the hosts' form edits: the circle's first active one that still has sessions to come (one
    that a change ended after the session that was on is not), else its first."""
    schedules = list(circle.chat_schedules.order_by("-active", "pk"))
    zone = circle_zone(circle)
    now = timezone.now()
    for schedule in schedules:
        if schedule.active and continues(schedule, zone, now):
            return schedule
    return schedules[0] if schedules else None


def continues(schedule: ChatSchedule, zone, at: datetime) -> bool:
    """Whether the schedule has a session to start after `at` (one a change ended has, at most, the one on now)."""
    return any(session.start > at for session in _sessions_from(schedule, zone, at))


def hosts_of(circle: Circle) -> list:
    """The circle's hosts (active), as people, oldest host first."""
    rows = (
        CircleMembership.objects.filter(circle=circle, status=Status.ACTIVE, role=Role.HOST, user__is_active=True)
        .select_related("user")
        .order_by("created_at", "pk")
    )
    return [row.user for row in rows]


@dataclass(frozen=True)
class ShownPerson:
    """A host or member as one viewer may see them: `user` is None for an under-18 they may not see named
    (`label` says "a teen host" or "a member under 18" then)."""

    user: object | None
    label: str
    role: str = Role.MEMBER
    membership_id: int | None = None
    since: datetime | None = None


def hosts_shown_to(*, viewer, circle: Circle) -> list[ShownPerson]:
    """The circle's hosts for its page and the API: an under-18 host is named only to those `names_minors_to`
    allows (and to themselves); to everyone else, "a teen host", without handle or name."""
    named = names_minors_to(viewer, circle)
    shown = []
    for user in hosts_of(circle):
        if user.is_minor and not named and user.pk != getattr(viewer, "pk", None):
            shown.append(ShownPerson(user=None, label=_("a teen host"), role=Role.HOST))
        else:
            shown.append(ShownPerson(user=user, label=user.name, role=Role.HOST))
    return shown


def members_shown_to(*, viewer, circle: Circle) -> list[ShownPerson]:
    """The members list: in a circle for everyone, under-18 members are "a member under 18" to adult members
    (hosts, who let them in and look after them, and moderators see who they are)."""
    named = names_minors_to(viewer, circle) or can_manage(viewer, circle)
    shown = []
    for row in members_of(circle):
        user = row.user
        if user.is_minor and not named and user.pk != getattr(viewer, "pk", None):
            label = _("a teen host") if row.role == Role.HOST else _("a member under 18")
            shown.append(ShownPerson(user=None, label=label, role=row.role, membership_id=row.pk, since=row.created_at))
        else:
            shown.append(
                ShownPerson(user=user, label=user.name, role=row.role, membership_id=row.pk, since=row.created_at)
            )
    return shown


def members_of(circle: Circle) -> QuerySet[CircleMembership]:
    """Active members, hosts first, then by when they joined."""
    hosts_first = Case(When(role=Role.HOST, then=Value(0)), default=Value(1), output_field=IntegerField())
    return (
        CircleMembership.objects.filter(circle=circle, status=Status.ACTIVE)
        .select_related("user")
        .order_by(hosts_first, "created_at", "pk")
    )


def requests_for(circle: Circle) -> QuerySet[CircleMembership]:
    """Requests to join waiting for a host, oldest first."""
    return (
        CircleMembership.objects.filter(circle=circle, status=Status.REQUESTED, user__is_active=True)
        .select_related("user")
        .order_by("created_at", "pk")
    )


# Posts


def _blocked_either_way(viewer, author_ref: str):
    return Exists(
        Block.objects.filter(
            Q(blocker=viewer.pk, blocked=OuterRef(author_ref)) | Q(blocker=OuterRef(author_ref), blocked=viewer.pk)
        )
    )


def _shown_comment_count():
    counted = (
        Comment.objects.filter(
            target_type=ContentType.objects.get_for_model(CirclePost),
            target_id=OuterRef("pk"),
            visibility=Visibility.PUBLISHED,
            approval=Comment.Approval.APPROVED,
            deleted_at__isnull=True,
        )
        .order_by()
        .values("target_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _shown_to(viewer, *, manages: bool = False) -> Q:
    """Which posts (annotated with `comment_count`) a reader of their circle sees: published ones not removed by a
    host, and their own (held or removed); a deleted post only as "post deleted", while comments under it are
    shown (a deleted post that was held or removed never is: nobody but its writer saw it). Hosts and moderators
    (`manages`) also see the published posts a host removed, marked so, to restore one."""
    everyone = Q(visibility=Visibility.PUBLISHED, removed_by__isnull=True)
    shown = Q(author=viewer.pk) | everyone
    if manages:
        shown |= Q(visibility=Visibility.PUBLISHED)
    live = Q(deleted_at__isnull=True) & shown
    gone = Q(deleted_at__isnull=False, comment_count__gt=0) & everyone
    return live | gone


def readable_posts(*, viewer, circle: Circle) -> QuerySet[CirclePost]:
    """The circle's posts as the viewer may see them: none unless they may read the circle; published ones
    not removed by a host (their writer still sees their own, held or removed; hosts and moderators see removed
    ones too, to restore them); deleted ones as "post deleted"
    while others' comments under them are shown; never by someone either of them blocked. Each with its author
    and `comment_count`."""
    if not can_read(viewer, circle):
        return CirclePost.objects.none()
    posts = CirclePost.objects.filter(circle=circle).annotate(comment_count=_shown_comment_count())
    posts = posts.filter(_shown_to(viewer, manages=can_manage(viewer, circle)))
    return posts.exclude(_blocked_either_way(viewer, "author")).select_related("author", "removed_by")


def apply_sensitive_choices(viewer, items) -> list:
    """Set `sensitive_choice` on each post or chat message as the viewer sees its topics: "show", "collapse"
    (behind its warning) or "hide" (a line says something was hidden; its words are blanked here, so no page or
    API answer carries them). Their own writing is shown to them; a deleted post has no words left to choose."""
    viewer_id = getattr(viewer, "pk", None)
    for item in items:
        mine = item.author_id is not None and item.author_id == viewer_id
        choice = TopicChoice.SHOW
        if item.content_warnings and not mine and getattr(item, "deleted_at", None) is None:
            choice = sensitive_choice(item.content_warnings, viewer=viewer)
        item.sensitive_choice = choice
        if choice == TopicChoice.HIDE:
            item.body = ""
        if getattr(item, "deleted_at", None) is not None:
            item.body = ""  # "post deleted": what it said is not for readers any more (moderators read the admin)
    return items


@dataclass
class PostsPage:
    pinned: list[CirclePost]
    posts: list[CirclePost]
    older: int | None  # send as `?before=` for the next page; None: that was all


def posts_page(*, viewer, circle: Circle, before: int | None = None, size: int = POSTS_PAGE) -> PostsPage:
    """Pinned posts first (most recently pinned first, on the first page only), then the others, newest first,
    a page at a time. Two queries whatever the number of posts."""
    posts = readable_posts(viewer=viewer, circle=circle)
    pinned = [] if before else list(posts.filter(pinned_at__isnull=False).order_by("-pinned_at", "-pk"))
    rest = posts.filter(pinned_at__isnull=True).order_by("-pk")
    if before:
        rest = rest.filter(pk__lt=before)
    rows = list(rest[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    apply_sensitive_choices(viewer, [*pinned, *rows])
    return PostsPage(pinned=pinned, posts=rows, older=rows[-1].pk if more else None)


def post_for(*, viewer, circle: Circle, pk) -> CirclePost | None:
    pk = id_or_none(pk)
    if pk is None:
        return None
    post = readable_posts(viewer=viewer, circle=circle).filter(pk=pk).first()
    if post is not None:
        post.circle = circle  # the circle as loaded for this viewer (with their membership)
        apply_sensitive_choices(viewer, [post])
    return post


# The support chat: when it is on


@dataclass(frozen=True)
class Session:
    start: datetime  # UTC instants
    end: datetime
    schedule: ChatSchedule

    def is_on(self, at: datetime) -> bool:
        return self.start <= at < self.end


@dataclass(frozen=True)
class ChatState:
    at: datetime
    current: Session | None  # the session on at `at`, if any
    next: Session | None  # the next session to start after `at` (after the current one, if one is on)

    @property
    def open(self) -> bool:
        return self.current is not None


def circle_zone(circle: Circle) -> zoneinfo.ZoneInfo:
    try:
        return zone_named(circle.time_zone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zone_named("UTC")


@lru_cache(maxsize=512)
def zone_named(name: str) -> zoneinfo.ZoneInfo:
    """The zone of that IANA name (kept once loaded); raises ZoneInfoNotFoundError for an unknown one."""
    return zoneinfo.ZoneInfo(name)


def wall_clock_instant(local: datetime, zone: zoneinfo.ZoneInfo) -> datetime:
    """A naive wall-clock time in `zone` as an instant in UTC. A time the spring change skips moves forward
    (01:30 on that night in London is 02:30 BST); one the autumn change repeats is its first occurrence."""
    first = local.replace(tzinfo=zone, fold=0)
    return first.astimezone(UTC)


def wall_time(schedule: ChatSchedule) -> time | None:
    """The wall-clock time the rule names (`BYHOUR=19;BYMINUTE=0`: 19:00), or None when it names no single one."""
    text = (schedule.rrule or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    parts = {}
    for part in text.split(";"):
        key, _sep, value = part.partition("=")
        parts[key.strip().upper()] = value.strip()
    try:
        hour, minute = int(parts["BYHOUR"]), int(parts.get("BYMINUTE", "0"))
    except (KeyError, ValueError):
        return None
    return time(hour, minute) if 0 <= hour < 24 and 0 <= minute < 60 else None


def local_start(schedule: ChatSchedule, zone: zoneinfo.ZoneInfo) -> datetime:
    """The schedule's first start as the naive wall-clock time it stands for in the circle's zone: the day of
    `first_start` at the rule's wall-clock time when it names one. (A first session in the hour the clocks skip
    is stored as the instant it moved to; the rule keeps the time the hosts chose for every later week.)"""
    local = schedule.first_start.astimezone(zone).replace(tzinfo=None, microsecond=0)
    chosen = wall_time(schedule)
    if chosen is None or local.time() == chosen:
        return local
    # Moved forward by the change, at most past midnight: the chosen time is on that day or the one before.
    day = local.date() if chosen < local.time() else local.date() - timedelta(days=1)
    return datetime.combine(day, chosen)


def parse_rule(schedule: ChatSchedule, zone: zoneinfo.ZoneInfo):
    """The schedule's recurrence (a dateutil rrule over naive local times), or None for a rule we can't use:
    unreadable, or repeating more often than daily (a chat is a session, not a ticker)."""
    text = (schedule.rrule or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if not text or "\n" in text or "\r" in text:
        return None
    try:
        rule = dateutil_rrule.rrulestr(text, dtstart=local_start(schedule, zone), ignoretz=True)
    except (ValueError, TypeError, OverflowError):
        return None
    if not isinstance(rule, dateutil_rrule.rrule) or rule._freq > dateutil_rrule.DAILY:
        return None
    return rule


def _sessions_from(schedule: ChatSchedule, zone, since: datetime):
    """Sessions of one schedule whose local start is at or after the local time of `since` (minus the slack
    a daylight-saving change can put between the two clocks), in order."""
    rule = parse_rule(schedule, zone)
    if rule is None or not schedule.active:
        return
    length = timedelta(minutes=schedule.duration_minutes or 60)
    from_local = (since - length - _SLACK).astimezone(zone).replace(tzinfo=None)
    try:
        for steps, local in enumerate(rule.xafter(from_local, inc=True)):
            if steps >= _MAX_STEPS:
                return
            start = wall_clock_instant(local, zone)
            yield Session(start=start, end=start + length, schedule=schedule)
    except (ValueError, OverflowError):  # a rule that runs past the calendar's end
        return


def _active_schedules(circle: Circle) -> list[ChatSchedule]:
    # .all(): a prefetched circle costs no query.
    return sorted((s for s in circle.chat_schedules.all() if s.active), key=lambda s: s.pk)


def chat_state(circle: Circle, *, at: datetime | None = None) -> ChatState:
    """The session on now (if any) and the next one, over all the circle's active schedules."""
    at = (at or timezone.now()).astimezone(UTC)
    zone = circle_zone(circle)
    current = upcoming = None
    for schedule in _active_schedules(circle):
        for session in _sessions_from(schedule, zone, at):
            if session.is_on(at):
                if current is None or session.start < current.start:
                    current = session
            elif session.start > at:
                if upcoming is None or session.start < upcoming.start:
                    upcoming = session
                break
    if current is not None and upcoming is not None and upcoming.start < current.end:
        upcoming = _first_after(circle, zone, current.end) or upcoming
    elif current is not None and upcoming is None:
        upcoming = _first_after(circle, zone, current.end)
    return ChatState(at=at, current=current, next=upcoming)


def _first_after(circle: Circle, zone, moment: datetime) -> Session | None:
    best = None
    for schedule in _active_schedules(circle):
        for session in _sessions_from(schedule, zone, moment):
            if session.start >= moment:
                if best is None or session.start < best.start:
                    best = session
                break
    return best


def upcoming_sessions(circle: Circle, *, at: datetime | None = None, count: int = 3) -> list[Session]:
    """The next `count` sessions starting after `at`, over all active schedules, soonest first."""
    at = (at or timezone.now()).astimezone(UTC)
    zone = circle_zone(circle)
    found: list[Session] = []
    for schedule in _active_schedules(circle):
        taken = 0
        for session in _sessions_from(schedule, zone, at):
            if session.start > at:
                found.append(session)
                taken += 1
                if taken >= count:
                    break
    return sorted(found, key=lambda session: session.start)[:count]


def sessions_starting_between(start: datetime, end: datetime) -> list[tuple[Circle, Session]]:
    """Every circle's sessions that start in [start, end): what the chat reminder looks for. Only circles open
    to their members (published, not archived): a held, hidden or archived circle reminds nobody."""
    found = []
    circles = Circle.objects.filter(
        archived_at__isnull=True, visibility=Visibility.PUBLISHED, chat_schedules__active=True
    ).distinct()
    for circle in circles.prefetch_related("chat_schedules"):
        zone = circle_zone(circle)
        for schedule in _active_schedules(circle):
            for session in _sessions_from(schedule, zone, start):
                if session.start >= end:
                    break
                if session.start >= start:
                    found.append((circle, session))
    return found


WEEKDAY_CHOICES = [
    (0, gettext_lazy("Monday")),
    (1, gettext_lazy("Tuesday")),
    (2, gettext_lazy("Wednesday")),
    (3, gettext_lazy("Thursday")),
    (4, gettext_lazy("Friday")),
    (5, gettext_lazy("Saturday")),
    (6, gettext_lazy("Sunday")),
]


def describe_schedule(schedule, circle) -> str:
    """“Every Tuesday at 19:00 (Europe/London), for 60 minutes”, as the circle's hosts set it."""
    zone = circle_zone(circle)
    start = local_start(schedule, zone)
    rule = parse_rule(schedule, zone)
    values = {"time": start.strftime("%H:%M"), "zone": zone.key.replace("_", " "), "minutes": schedule.duration_minutes}
    if rule is None:
        return _("Times to be announced by the hosts.")
    days = dict(WEEKDAY_CHOICES)
    weekdays = rule._byweekday or ()
    if rule._freq == dateutil_rrule.WEEKLY and rule._interval == 1 and weekdays:
        names = [str(days[number]) for number in sorted(weekdays)]
        last = {"list": ", ".join(names[:-1]), "last": names[-1]}
        values["days"] = names[0] if len(names) == 1 else _("%(list)s and %(last)s") % last
        return _("Every %(days)s at %(time)s (%(zone)s), for %(minutes)d minutes") % values
    if rule._freq == dateutil_rrule.DAILY and rule._interval == 1:
        return _("Every day at %(time)s (%(zone)s), for %(minutes)d minutes") % values
    return _("Regularly at %(time)s (%(zone)s), for %(minutes)d minutes") % values


def schedule_texts(circle: Circle, *, at: datetime | None = None) -> list[str]:
    """The chat times in words, for the circle's page, the chat room and the API: its active schedules that still
    have sessions to come (one a change ended after the live session is left out)."""
    at = at or timezone.now()
    zone = circle_zone(circle)
    return [describe_schedule(s, circle) for s in _active_schedules(circle) if continues(s, zone, at)]


# The support chat: its messages


def _chat_rows(*, viewer, circle: Circle, session_start: datetime) -> QuerySet[ChatMessage]:
    shown = Q(author=viewer.pk) | Q(visibility=Visibility.PUBLISHED, removed_by__isnull=True)
    if can_manage(viewer, circle):
        shown |= Q(visibility=Visibility.PUBLISHED)  # hosts see what a host removed, marked, to undo it
    rows = ChatMessage.objects.filter(circle=circle, session_start=session_start).filter(shown)
    return rows.exclude(_blocked_either_way(viewer, "author")).select_related("author")


def chat_messages(*, viewer, circle: Circle, session: Session | None, after: int | None = None) -> list[ChatMessage]:
    """The session's messages the viewer may see, oldest first: published ones not removed by a host (hosts and
    moderators see those too, marked, to restore them), and the viewer's own (held ones too: only they see
    them), never by someone either of them blocked. With `after`,
    only those with a greater id (the room's cursor); without, the last CHAT_BACKLOG. Empty when the viewer may
    not read the circle or no session is on. Each with `sensitive_choice` (see `apply_sensitive_choices`)."""
    if session is None or not can_read(viewer, circle):
        return []
    rows = _chat_rows(viewer=viewer, circle=circle, session_start=session.start)
    if after is not None:
        return apply_sensitive_choices(viewer, list(rows.filter(pk__gt=after).order_by("pk")[:CHAT_BACKLOG]))
    return apply_sensitive_choices(viewer, list(reversed(rows.order_by("-pk")[:CHAT_BACKLOG])))


def withdrawn_messages(*, viewer, circle: Circle, session: Session | None, after: int | None = None) -> list[int]:
    """Ids of messages of the session that the viewer no longer sees (a host removed them, a moderator hid them):
    a room that already shows them takes them away. Only up to `after`, the room's cursor."""
    if session is None or not can_read(viewer, circle):
        return []
    rows = ChatMessage.objects.filter(circle=circle, session_start=session.start).exclude(author=viewer.pk)
    gone = ~Q(visibility=Visibility.PUBLISHED)
    if not can_manage(viewer, circle):
        gone |= Q(removed_by__isnull=False)  # hosts keep a removed message on screen, marked (see `removed_messages`)
    rows = rows.filter(gone)
    if after is not None:
        rows = rows.filter(pk__lte=after)
    return list(rows.order_by("pk").values_list("pk", flat=True)[:CHAT_BACKLOG])


def removed_messages(*, viewer, circle: Circle, session: Session | None) -> list[int]:
    """Ids of the session's messages a host removed that the viewer still sees, marked: their own (the writer is
    told live), and for hosts and moderators every one (to restore). A room compares it with what it shows: a
    message listed is marked removed, one no longer listed was restored. Small: a session's removals."""
    if session is None or not can_read(viewer, circle):
        return []
    rows = ChatMessage.objects.filter(circle=circle, session_start=session.start, removed_by__isnull=False)
    if not can_manage(viewer, circle):
        rows = rows.filter(author=viewer.pk)
    else:
        rows = rows.filter(Q(author=viewer.pk) | Q(visibility=Visibility.PUBLISHED))
    return list(rows.order_by("pk").values_list("pk", flat=True)[:CHAT_BACKLOG])


def removed_comments(*, viewer, post: CirclePost) -> list[Comment]:
    """Comments a host took off the post (not deleted), for its circle's hosts and moderators to see marked and
    restore; empty for anyone else. Oldest first, with their writers."""
    if not can_manage(viewer, post.circle):
        return []
    rows = Comment.objects.filter(
        target_type=ContentType.objects.get_for_model(CirclePost),
        target_id=post.pk,
        approval=Comment.Approval.DECLINED,
        deleted_at__isnull=True,
        visibility=Visibility.PUBLISHED,  # what moderation held or hid is for moderators, not hosts
    )
    if viewer.is_authenticated:
        rows = rows.exclude(_blocked_either_way(viewer, "author"))
    return list(rows.select_related("author").order_by("created_at", "pk"))


def chat_message_in(circle: Circle, pk) -> ChatMessage | None:
    """One message of the circle's chat by its id (any state: the hosts' remove checks the rest); None if not."""
    message = ChatMessage.objects.filter(pk=pk, circle=circle).first()
    if message is not None:
        message.circle = circle
    return message


def comment_in(circle: Circle, pk, *, author=None) -> tuple[Comment, CirclePost] | None:
    """A comment (not deleted) on one of the circle's posts, with that post; only the author's own with `author`.
    None when there is no such comment in this circle."""
    comments = Comment.objects.filter(pk=pk, deleted_at=None, target_type=ContentType.objects.get_for_model(CirclePost))
    if author is not None:
        comments = comments.filter(author=author.pk)
    comment = comments.first()
    if comment is None:
        return None
    post = CirclePost.objects.filter(pk=comment.target_id, circle=circle).first()
    if post is None:
        return None
    post.circle = circle
    comment.target = post
    return comment, post


def reply_parent(pk) -> Comment | None:
    """The comment a reply answers, in whatever state (add_comment says why it can't be answered), or None."""
    return Comment.objects.filter(pk=pk).select_related("author").first()


# Chat reminders


@dataclass(frozen=True)
class ReminderRecipient:
    user_id: int
    email_mode: str


def reminder_recipients(circle: Circle, *, dedupe_key: str) -> list[ReminderRecipient]:
    """The members a chat reminder goes to: active members and accounts whose age fits the circle, who did not
    turn chat reminders off and were not already told (`dedupe_key`). Three queries whatever the number of
    members: the members, their preferences, and who already has this reminder."""
    members = CircleMembership.objects.filter(circle=circle, status=Status.ACTIVE, user__is_active=True)
    people = [row.user for row in members.select_related("user").order_by("pk")]
    people = [person for person in people if age_fits(person, circle)]  # a teen who turned 18: not in a teens' one
    ids = [person.pk for person in people]
    if not ids:
        return []
    settings_of = {
        user_id: (muted or [], mode)
        for user_id, muted, mode in Preferences.objects.filter(user_id__in=ids).values_list(
            "user_id", "muted_kinds", "email_mode"
        )
    }
    told = set(
        Notification.objects.filter(recipient_id__in=ids, dedupe_key=dedupe_key).values_list("recipient_id", flat=True)
    )
    default_mode = Preferences._meta.get_field("email_mode").default  # for someone who never saved theirs
    found = []
    for user_id in ids:
        muted, mode = settings_of.get(user_id, ([], default_mode))
        if user_id in told or Notification.Kind.CHAT_REMINDER in muted:
            continue
        found.append(ReminderRecipient(user_id=user_id, email_mode=mode))
    return found


def crisis_in_session(*, viewer, circle: Circle, session: Session | None) -> bool:
    """Whether one of the viewer's own messages in the session on now read as a crisis (one query): the room then
    keeps the helplines in view for them."""
    if session is None or not getattr(viewer, "is_authenticated", False):
        return False
    labels = ChatMessage.objects.filter(circle=circle, session_start=session.start, author=viewer.pk)
    rows = labels.values_list("screening_labels", flat=True)
    return any(label.get("name") == "crisis" for row in rows for label in row or [])


def reads_as_crisis(obj) -> bool:
    """Whether screening read this writing as its writer being at risk now (shown to the writer only)."""
    return any(label.get("name") == "crisis" for label in obj.screening_labels or [])
