"""Reads of a person's notifications: their list, the unread count, and what each one says and links to.

What a notification says comes from its kind, its actor and its data, never from what anyone wrote, for the
page, the API and emails alike. It links to its target only while the viewer may still see it; links are
worked out for a whole page at once, so a page costs the same number of queries whatever its length. Other
parts of Hearten link their own kinds of target with `register_target_links`.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from moderation.models import Visibility

from ..models import Circle, CircleMembership, CirclePost, Comment, Notification, Reaction, Story, User
from .circles import circle_links, circle_post_links, hides_minor_authors
from .social import blocked_either_way_q
from .stories import _parse_cursor, readable_stories  # the feed's cursor: "<moment>_<pk>"

PAGE = 20
MAX_PAGE = 100
EMAIL_ITEMS = 20  # notifications one email lists; it counts the others
Kind = Notification.Kind


@dataclass
class ShownNotification:
    notification: Notification
    text: str  # what happened, in a sentence; never anyone's writing
    url: str  # where it happened, while the viewer may still see it; else ""
    settled: bool = False  # nothing is left to do about it (join requests all answered): not unread

    @property
    def unread(self) -> bool:
        return self.notification.read_at is None and not self.settled


@dataclass
class NotificationPage:
    items: list[ShownNotification]
    next_cursor: str | None


def visible_notifications(*, viewer) -> QuerySet[Notification]:
    """The viewer's notifications, newest first; none by someone either of them has blocked since."""
    if not getattr(viewer, "pk", None):
        return Notification.objects.none()
    blocked = blocked_either_way_q(viewer.pk, "actor")
    return Notification.objects.filter(recipient=viewer.pk).filter(~blocked).order_by("-updated_at", "-pk")


def _someone_waits_to_join() -> Exists:
    """Whether anyone still waits for an answer in the circle a join-request notification is about."""
    return Exists(
        CircleMembership.objects.filter(
            circle=OuterRef("target_id"), status=CircleMembership.Status.REQUESTED, user__is_active=True
        )
    )


def unread_notifications(*, viewer) -> QuerySet[Notification]:
    """The viewer's unread notifications. Join requests every one of which a host has answered since are not
    unread any more ("Nobody is waiting to join ... now" asks nothing of anyone), whoever answered them."""
    return (
        visible_notifications(viewer=viewer)
        .filter(read_at__isnull=True)
        .filter(~Q(kind=Kind.CIRCLE_REQUEST) | _someone_waits_to_join())
    )


def unread_count(*, viewer) -> int:
    """For the header badge: one query."""
    return unread_notifications(viewer=viewer).count()


def notification_for(*, viewer, pk) -> Notification | None:
    """One of the viewer's notifications, or None (someone else's is simply not there)."""
    if not isinstance(pk, int) or not 0 < pk < 2**63:
        return None
    return visible_notifications(viewer=viewer).select_related("actor").filter(pk=pk).first()


def _cursor_of(notification: Notification) -> str:
    return f"{notification.updated_at.isoformat()}_{notification.pk}"


def notification_page(*, viewer, cursor: str | None = None, size: int = PAGE) -> NotificationPage:
    """A page of the viewer's notifications, newest first, and the cursor of the next (None: no more).
    A fixed number of queries whatever the page holds: the notifications with their actors, their targets, and
    the circles they are about."""
    rows = visible_notifications(viewer=viewer).select_related("actor")
    position = _parse_cursor(cursor)
    if position is not None:
        moment, pk = position
        rows = rows.filter(Q(updated_at__lt=moment) | Q(updated_at=moment, pk__lt=pk))
    found = list(rows[: size + 1])
    more = len(found) > size
    found = found[:size]
    return NotificationPage(
        items=shown_notifications(found, viewer=viewer), next_cursor=_cursor_of(found[-1]) if more else None
    )


def shown_notifications(notifications: Iterable[Notification], *, viewer) -> list[ShownNotification]:
    """What each notification says and links to, for this viewer (actors joined: no query per row; the circles
    the page is about in one query more)."""
    notifications = list(notifications)
    _hide_minor_actors_in_circles(notifications, viewer=viewer)
    circles = _circles_news(notifications, viewer=viewer)
    links = _links(notifications, viewer=viewer, circles=circles)
    return [
        ShownNotification(
            notification=item,
            text=describe(item, circles=circles),
            url=links.get(item.pk, ""),
            settled=_answered(item, circles),
        )
        for item in notifications
    ]


def _hide_minor_actors_in_circles(notifications: list[Notification], *, viewer) -> None:
    """Mark `actor_hidden` on notifications about a circle post (or a comment on one) by an under-18 writer the
    circle's pages show the viewer only as "A member under 18": a name in a notification would undo that. A
    few queries, only when such a notification is on the page."""
    candidates = [
        item
        for item in notifications
        if item.actor is not None and item.actor.is_minor and item.target_id and item.actor_id != viewer.pk
    ]
    if not candidates:
        return
    post_type = ContentType.objects.get_for_model(CirclePost)
    comment_type = ContentType.objects.get_for_model(Comment)
    comment_ids = {item.target_id for item in candidates if item.target_type_id == comment_type.pk}
    on_posts = dict(Comment.objects.filter(pk__in=comment_ids, target_type=post_type).values_list("pk", "target_id"))
    post_of = {
        item.pk: (item.target_id if item.target_type_id == post_type.pk else on_posts.get(item.target_id))
        for item in candidates
    }
    circle_of_post = dict(
        CirclePost.objects.filter(pk__in={pk for pk in post_of.values() if pk}).values_list("pk", "circle_id")
    )
    circle_ids = set(circle_of_post.values())
    memberships = {row.circle_id: row for row in CircleMembership.objects.filter(user=viewer.pk, circle__in=circle_ids)}
    hidden_in = {
        circle.pk: hides_minor_authors(viewer, circle, memberships.get(circle.pk))
        for circle in Circle.objects.filter(pk__in=circle_ids)
    }
    for item in candidates:
        circle_id = circle_of_post.get(post_of.get(item.pk))
        if circle_id is not None and hidden_in.get(circle_id):
            item.actor_hidden = True


def _answered(item: Notification, circles: dict[int, "CircleNews"]) -> bool:
    """A join-request notification whose requests were all answered (the same rule as `unread_notifications`)."""
    if item.kind != Kind.CIRCLE_REQUEST:
        return False
    news = circles.get(item.target_id)
    return news is None or not news.waiting


# Circles, as they are now


CIRCLE_KINDS = (Kind.CIRCLE, Kind.CIRCLE_REQUEST, Kind.CHAT_REMINDER)


@dataclass(frozen=True)
class CircleNews:
    title: str  # the circle's name while it is published; else ""
    slug: str
    waiting: int  # requests to join still waiting for a host
    hosted: bool  # whether the viewer hosts it now


def _circles_news(notifications: list[Notification], *, viewer) -> dict[int, CircleNews]:
    """{circle id: what it is now} for the circles the notifications are about, in one query: a request that a
    host answered since is no longer counted as waiting."""
    ids = {
        item.target_id
        for item in notifications
        if item.kind in CIRCLE_KINDS and item.target_id and _label(item) == "community.circle"
    }
    if not ids:
        return {}
    hosting = CircleMembership.objects.filter(
        circle=OuterRef("pk"),
        user=getattr(viewer, "pk", None),
        status=CircleMembership.Status.ACTIVE,
        role=CircleMembership.Role.HOST,
    )
    waiting = Q(memberships__status=CircleMembership.Status.REQUESTED, memberships__user__is_active=True)
    rows = (
        Circle.objects.filter(pk__in=ids)
        .annotate(waiting=Count("memberships", filter=waiting), hosted=Exists(hosting))
        .values_list("pk", "title", "visibility", "slug", "waiting", "hosted")
    )
    return {
        pk: CircleNews(
            title=title if visibility == Visibility.PUBLISHED else "", slug=slug, waiting=waiting, hosted=hosted
        )
        for pk, title, visibility, slug, waiting, hosted in rows
    }


# What a notification says


def _label(notification: Notification) -> str:
    if not notification.target_type_id:
        return ""
    model = ContentType.objects.get_for_id(notification.target_type_id).model_class()  # cached per process
    return model._meta.label_lower if model is not None else ""


def _your(label: str) -> str:
    return {
        "community.story": _("your story"),
        "community.comment": _("your comment"),
        "community.user": _("your profile"),
        "community.circle": _("your circle"),
        "community.circlepost": _("your post"),
        "community.chatmessage": _("your chat message"),
        "community.message": _("your message"),
    }.get(label, _("your post"))


def _who(notification: Notification) -> str:
    """Who did it: the actor's name ("Ana and 2 others" for a group), or who they are when unnamed."""
    data = notification.data or {}
    if getattr(notification, "actor_hidden", False):
        name = _("A member under 18")
    elif notification.actor is not None:
        name = notification.actor.name
    elif data.get("anonymous"):
        name = _("An anonymous member")
    elif data.get("story_author"):
        name = _("The author of the story")
    elif notification.actor_id is None and data.get("people", 0) > 1:
        return ngettext("%(count)d person", "%(count)d people", data["people"]) % {"count": data["people"]}
    else:
        name = _("A former member")
    others = max(int(data.get("people", 1) or 1) - 1, 0)
    if not others:
        return name
    return ngettext("%(name)s and %(count)d other", "%(name)s and %(count)d others", others) % {
        "name": name,
        "count": others,
    }


def _reaction_sentence(kind: str) -> str:
    sentences = {
        Reaction.Kind.SUPPORT: _("%(who)s supported %(what)s"),
        Reaction.Kind.RELATE: _("%(who)s related to %(what)s"),
        Reaction.Kind.HOPE: _("%(who)s sent hope for %(what)s"),
        Reaction.Kind.THANKS: _("%(who)s said thank you for %(what)s"),
    }
    return sentences.get(kind, _("%(who)s reacted to %(what)s"))


def _decision(notification: Notification) -> str:
    data = notification.data or {}
    what = _your(_label(notification))
    if data.get("action") == "hide":
        sentence = _("A moderator hid %(what)s.") % {"what": what}
        if data.get("reason"):
            sentence += " " + _("Why: %(reason)s") % {"reason": data["reason"]}
        return sentence
    if data.get("before") == Visibility.HELD:
        return _("A moderator reviewed %(what)s: it is published now.") % {"what": what}
    return _("A moderator published %(what)s again.") % {"what": what}


def _circle_name(notification: Notification, circles: dict[int, CircleNews]) -> str:
    news = circles.get(notification.target_id)
    return news.title if news is not None and news.title else _("a circle")


def _chat_start(notification: Notification) -> str:
    """When the chat starts, in the zone of whoever reads it (the page's and the email's zone are theirs)."""
    starts_at = parse_datetime((notification.data or {}).get("starts_at") or "")
    if starts_at is None:
        return ""
    return time_format(timezone.localtime(starts_at), "H:i")


def _circle_event(notification: Notification, circles: dict[int, CircleNews]) -> str:
    name = _circle_name(notification, circles)
    sentences = {
        "approved": _("Your request to join %(circle)s was accepted"),
        "declined": _("A host declined your request to join %(circle)s"),
        "removed": _("You were removed from %(circle)s"),
        "host": _("You are now a host of %(circle)s"),
    }
    sentence = sentences.get((notification.data or {}).get("event"), _("There is news from %(circle)s"))
    return sentence % {"circle": name}


def _join_requests(notification: Notification, circles: dict[int, CircleNews]) -> str:
    news = circles.get(notification.target_id)
    if news is None:
        return _("%(who)s asked to join your circle") % {"who": _who(notification)}
    name = _circle_name(notification, circles)
    if not news.waiting:
        return _("Nobody is waiting to join %(circle)s now") % {"circle": name}
    return ngettext(
        "%(count)d person is waiting to join %(circle)s",
        "%(count)d people are waiting to join %(circle)s",
        news.waiting,
    ) % {"count": news.waiting, "circle": name}


def describe(notification: Notification, *, circles: dict[int, CircleNews] | None = None) -> str:
    """What happened, in one sentence: who did what to what of yours. Never anyone's writing: a circle is
    named by its own published name (`circles`, from `shown_notifications`)."""
    circles = circles or {}
    data = notification.data or {}
    kind = notification.kind
    count = notification.count
    if kind == Kind.REPLY and data.get("waiting"):
        return ngettext(
            "A comment on your story is waiting for your approval",
            "%(count)d comments on your stories are waiting for your approval",
            count,
        ) % {"count": count}
    if kind == Kind.REPLY and data.get("reply"):
        return _("%(who)s replied to your comment") % {"who": _who(notification)}
    if kind == Kind.REPLY:
        return _("%(who)s commented on %(what)s") % {"who": _who(notification), "what": _your(data.get("on", ""))}
    if kind == Kind.MENTION:
        if data.get("in") == "community.comment":
            return _("%(who)s mentioned you in a comment") % {"who": _who(notification)}
        return _("%(who)s mentioned you in a story") % {"who": _who(notification)}
    if kind == Kind.REACTION:
        sentence = _reaction_sentence("" if "reaction" in data.get("mixed", ()) else data.get("reaction", ""))
        return sentence % {"who": _who(notification), "what": _your(_label(notification))}
    if kind == Kind.FOLLOW:
        return _("%(who)s started following you") % {"who": _who(notification)}
    if kind == Kind.DECISION:
        return _decision(notification)
    if kind == Kind.REPORT_OUTCOME:
        return _("We reviewed a report you made. Thank you for helping keep Hearten safe.")
    if kind == Kind.CIRCLE_REQUEST:
        return _join_requests(notification, circles)
    if kind == Kind.CIRCLE:
        return _circle_event(notification, circles)
    if kind == Kind.CHAT_REMINDER:
        start = _chat_start(notification)
        if not start:
            return _("The support chat of %(circle)s starts soon") % {"circle": _circle_name(notification, circles)}
        return _("The support chat of %(circle)s starts at %(time)s") % {
            "circle": _circle_name(notification, circles),
            "time": start,
        }
    if kind == Kind.MESSAGE:
        if data.get("request"):
            return _("%(who)s would like to send you a message") % {"who": _who(notification)}
        return ngettext("%(who)s sent you a message", "%(who)s sent you %(count)d messages", count) % {
            "who": _who(notification),
            "count": count,
        }
    return _("Something new happened")


# Where it links


TargetLinks = Callable[..., dict[int, str]]  # (viewer=, ids=) -> {target id: url}, for the targets still seen
_target_links: dict[str, TargetLinks] = {}


def register_target_links(label: str):
    """Link notifications about a kind of target ("community.circle"): the decorated function gets
    `viewer` and `ids` and returns {id: url} for those the viewer may still see, in a fixed number of queries."""

    def decorator(function: TargetLinks) -> TargetLinks:
        _target_links[label] = function
        return function

    return decorator


def _story_url(pk, anchor: str = "") -> str:
    return reverse("community:story_detail", args=[pk]) + (f"#{anchor}" if anchor else "")


@register_target_links("community.story")
def _stories(*, viewer, ids) -> dict[int, str]:
    # An author's own hidden or held story stays readable to them (readable_stories).
    readable = readable_stories(viewer=viewer).filter(pk__in=ids).values_list("pk", flat=True)
    return {pk: _story_url(pk) for pk in readable}


@register_target_links("community.comment")
def _comments(*, viewer, ids) -> dict[int, str]:
    """A comment links into its conversation while the viewer may see it there: their own, or one shown, on a
    story they may read or on a post of a circle they take part in."""
    story_type = ContentType.objects.get_for_model(Story)
    post_type = ContentType.objects.get_for_model(CirclePost)
    comments = Comment.objects.filter(
        pk__in=ids, deleted_at__isnull=True, target_type__in=[story_type, post_type]
    ).values_list("pk", "target_type_id", "target_id", "author_id", "visibility", "approval")
    seen = {
        pk: (target_type, target)
        for pk, target_type, target, author, visibility, approval in comments
        if author == viewer.pk or (visibility == Visibility.PUBLISHED and approval == Comment.Approval.APPROVED)
    }
    on_stories = {target for target_type, target in seen.values() if target_type == story_type.pk}
    readable = set(readable_stories(viewer=viewer).filter(pk__in=on_stories).values_list("pk", flat=True))
    on_posts = {target for target_type, target in seen.values() if target_type == post_type.pk}
    post_links = circle_post_links(viewer=viewer, ids=on_posts) if on_posts else {}
    links = {}
    for pk, (target_type, target) in seen.items():
        if target_type == story_type.pk and target in readable:
            links[pk] = _story_url(target, f"comment-{pk}")
        elif target_type == post_type.pk and target in post_links:
            links[pk] = f"{post_links[target]}#comment-{pk}"
    return links


@register_target_links("community.circle")
def _circles(*, viewer, ids) -> dict[int, str]:
    return circle_links(viewer=viewer, ids=ids)


@register_target_links("community.user")
def _people(*, viewer, ids) -> dict[int, str]:
    links = {viewer.pk: reverse("community:settings")} if viewer.pk in ids else {}
    others = User.objects.filter(pk__in=set(ids) - {viewer.pk}, is_active=True).values_list("pk", "handle")
    links.update({pk: reverse("community:profile", args=[handle]) for pk, handle in others})
    return links


def _approvals_url() -> str:
    try:
        return reverse("community:comment_approvals")
    except NoReverseMatch:
        return ""


def _waits_for(item: Notification, circles: dict[int, CircleNews], found: dict[str, dict[int, str]]) -> bool:
    """Whether the viewer hosts the circle, may still see it, and someone waits there for an answer."""
    news = circles.get(item.target_id)
    return news is not None and news.hosted and news.waiting > 0 and item.target_id in found.get(_label(item), {})


def _links(notifications: list[Notification], *, viewer, circles: dict[int, CircleNews]) -> dict[int, str]:
    wanted: dict[str, set[int]] = defaultdict(set)
    for item in notifications:
        label = _label(item)
        if label and item.target_id:
            wanted[label].add(item.target_id)
    found = {
        label: _target_links[label](viewer=viewer, ids=ids) for label, ids in wanted.items() if label in _target_links
    }
    links = {}
    for item in notifications:
        if item.kind == Kind.REPLY and (item.data or {}).get("waiting"):
            links[item.pk] = _approvals_url()
        elif item.kind == Kind.CIRCLE_REQUEST and _waits_for(item, circles, found):
            news = circles[item.target_id]
            links[item.pk] = reverse("community:circle_requests", args=[news.slug])
        elif item.kind == Kind.FOLLOW and item.actor is not None and item.actor.is_active:
            links[item.pk] = reverse("community:profile", args=[item.actor.handle])
        elif item.target_id:
            links[item.pk] = found.get(_label(item), {}).get(item.target_id, "")
    return links
