"""Every write about support circles: creating one, its weekly chat times, joining (open, or by request a host
decides), leaving, hosts and removals, members' posts, and the support chat's messages.

Each text is screened before it is saved (a circle's name, description and guidelines as `Kind.CIRCLE`, posts as
`Kind.CIRCLE_POST`, chat messages as `Kind.MESSAGE`), in a space for minors unless the circle is for adults.
Who may do what is decided by community.selectors.circles (the pages and the API ask the same functions).
Refusals raise ValidationError naming the field, with a `code` a client can branch on (`already_member`,
`already_requested`, `guidelines`, `age_group`, `chat_closed`...), or PermissionDenied.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, time, timedelta
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _

from moderation import services as moderation
from moderation.decision import Action
from moderation.models import Kind, Visibility

from ..models import (
    MAX_CHAT_MESSAGE,
    MAX_CIRCLE_POST,
    Block,
    ChatMessage,
    ChatSchedule,
    Circle,
    CircleMembership,
    CirclePost,
    Comment,
    EmailMode,
    Notification,
    validate_time_zone,
)
from ..selectors import circles as circle_selectors
from .notifications import deliver, notify
from .people import refuse_or_confirm
from .stories import Written, can_post

logger = logging.getLogger(__name__)

Status = CircleMembership.Status
Role = CircleMembership.Role
AgeGroup = Circle.AgeGroup

CIRCLE_FIELDS = ("title", "description", "guidelines", "join_policy", "age_group", "time_zone")
RESERVED_SLUGS = frozenset({"new"})
REMINDER_LEAD = timedelta(minutes=15)
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _require_member(actor) -> None:
    if not can_post(actor):
        raise PermissionDenied(_("Sign in with an account that can post to do this."))


def _for_minors(circle: Circle) -> bool:
    """A circle open to under-18s is a space for minors (screening is stricter there when staff say so)."""
    return circle.age_group != AgeGroup.ADULTS


def _screen(text: str, *, kind: str, actor, circle: Circle, replacing=None):
    context = {"for_minors": _for_minors(circle)}
    if replacing is not None:
        context["replacing"] = replacing
    return moderation.screen(text=text, kind=kind, author=actor, context=context)


def _zone_name_for(person, circle: Circle) -> str:
    return getattr(person, "time_zone", "") or circle.time_zone or "UTC"


def describe_moment(moment: datetime, zone_name: str) -> str:
    """“Tuesday 3 March 2026, 19:00 (Europe/London)”: an instant as a person in that zone reads it."""
    zone = circle_selectors.zone_named(zone_name or "UTC")
    local = moment.astimezone(zone)
    return _("%(day)s, %(time)s (%(zone)s)") % {
        "day": formats.date_format(local, "l j F Y"),
        "time": formats.time_format(local, "H:i"),
        "zone": zone_name.replace("_", " "),
    }


# Circles


def _check_circle(data: dict, *, actor) -> None:
    errors = {}
    for name, message in (
        ("title", _("Give the circle a name.")),
        ("description", _("Say what the circle is for.")),
        ("guidelines", _("Write the guidelines every member agrees to.")),
    ):
        value = data.get(name) or ""
        limit = Circle._meta.get_field(name).max_length
        if not value.strip():
            errors[name] = message
        elif len(value) > limit:
            errors[name] = _("Use at most %(limit)d characters; this is %(length)d.") % {
                "limit": limit,
                "length": len(value),
            }
    if data.get("join_policy", Circle.JoinPolicy.REQUEST) not in Circle.JoinPolicy.values:
        errors["join_policy"] = _("Choose who can join: %(choices)s.") % {
            "choices": ", ".join(Circle.JoinPolicy.values)
        }
    group = data.get("age_group") or default_age_group(actor)
    if group not in AgeGroup.values:
        errors["age_group"] = _("Choose an age group: %(choices)s.") % {"choices": ", ".join(AgeGroup.values)}
    elif actor.is_minor and group != AgeGroup.TEENS:
        errors["age_group"] = _("Members under 18 start circles for teens.")
    elif group == AgeGroup.EVERYONE and not circle_selectors.trusted_adult(actor):
        errors["age_group"] = _(
            "Circles for everyone (adults and teens together) are started by Hearten staff, verified experts and "
            "members of verified organisations. Choose the circle for your own age group."
        )
    elif group == AgeGroup.TEENS and not (actor.is_minor or circle_selectors.is_staff_moderator(actor)):
        errors["age_group"] = _("Circles for teens are started by teens (or by Hearten staff).")
    title = (data.get("title") or "").strip()
    if "title" not in errors and title and _title_taken(title):
        errors["title"] = ValidationError(
            _("Another circle already has this name. Choose a different name."), code="title_taken"
        )
    try:
        validate_time_zone(data.get("time_zone") or "UTC")
    except ValidationError as error:
        errors["time_zone"] = error.messages
    if errors:
        raise ValidationError(errors)


def default_age_group(actor) -> str:
    """A new circle is for its creator's own age group unless they choose otherwise: teens or adults."""
    return AgeGroup.TEENS if getattr(actor, "is_minor", False) else AgeGroup.ADULTS


def age_groups_for(actor) -> list[str]:
    """The age groups the person may start a circle for (the rules `create_circle` checks): under-18s, teens;
    adults, adults, and everyone too when they are a trusted adult; Hearten staff moderators, any."""
    if getattr(actor, "is_minor", False):
        return [AgeGroup.TEENS]
    allowed = {AgeGroup.ADULTS}
    if circle_selectors.trusted_adult(actor):
        allowed.add(AgeGroup.EVERYONE)
    if circle_selectors.is_staff_moderator(actor):
        allowed.add(AgeGroup.TEENS)
    return [group for group in AgeGroup.values if group in allowed]


def _title_taken(title: str, *, exclude=None) -> bool:
    """Whether a live circle (not archived) already has this name, whatever its case."""
    circles = Circle.objects.filter(archived_at__isnull=True, title__iexact=title.strip())
    if exclude is not None:
        circles = circles.exclude(pk=exclude.pk)
    return circles.exists()


def _unique_slug(title: str) -> str:
    # Tags are not words: "Art <b>club</b>" is art-club, not art-bclubb.
    base = slugify(strip_tags(title))[:50].strip("-") or "circle"
    if base in RESERVED_SLUGS:
        base = f"{base}-circle"
    slug, number = base, 1
    while Circle.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _as_chat_error(error: ValidationError) -> ValidationError:
    """A problem with the chat times given with a new circle, under `chat` (the field both doors send them in)."""
    return ValidationError({"chat": error.messages})


def create_circle(*, actor, data: dict, chat: dict | None = None, confirmed: bool = False) -> Written:
    """A member starts a circle and becomes its first host (active, guidelines accepted). The age group is the
    creator's own unless they choose: under-18s start circles for teens only; a circle for everyone (adults and
    teens together) is started only by a trusted adult (`selectors.circles.trusted_adult`), and people join it
    by request, whatever was asked. No two live circles share a name (any case). Its name, description
    and guidelines are screened apart, so a refusal names the field to change; a held circle is seen only by its
    creator and moderators until a moderator lets it through. `chat` ({weekday, start, duration_minutes}, as
    `save_chat_schedule` takes them) sets its weekly chat in the same transaction: times that can't be saved
    leave no circle behind."""
    _require_member(actor)
    unknown = set(data) - set(CIRCLE_FIELDS)
    if unknown:
        raise ValidationError({name: _("This field cannot be set here.") for name in unknown})
    data = {"join_policy": Circle.JoinPolicy.REQUEST, "time_zone": "UTC", **data}
    data["age_group"] = data.get("age_group") or default_age_group(actor)
    data["time_zone"] = data["time_zone"] or _zone_name_for(actor, Circle())
    _check_circle(data, actor=actor)
    if data["age_group"] == AgeGroup.EVERYONE:
        data["join_policy"] = Circle.JoinPolicy.REQUEST  # a host lets each person in: adults meet teens there
    if chat is not None:
        try:
            _check_chat_times(**chat)
        except (ValidationError, TypeError) as error:
            raise _as_chat_error(
                error if isinstance(error, ValidationError) else ValidationError(_("Give a day and a time."))
            ) from None
    circle = Circle(created_by=actor, **{name: data[name] for name in CIRCLE_FIELDS})
    decisions = {
        name: _screen(getattr(circle, name), kind=Kind.CIRCLE, actor=actor, circle=circle)
        for name in ("title", "description", "guidelines")
    }
    refuse_or_confirm(decisions, confirmed=confirmed)
    decision = moderation.merge_decisions(decisions.values())
    moderation.record_screening(circle, decision, confirmed=True)
    for attempt in range(3):
        circle.slug = _unique_slug(circle.title)
        try:
            with transaction.atomic():
                circle.save()
                CircleMembership.objects.create(
                    circle=circle,
                    user=actor,
                    status=Status.ACTIVE,
                    role=Role.HOST,
                    guidelines_accepted_at=timezone.now(),
                    decided_by=actor,
                )
                if chat is not None:
                    try:
                        save_chat_schedule(actor=actor, circle=circle, **chat)
                    except ValidationError as error:
                        raise _as_chat_error(error) from None
        except IntegrityError:  # another circle took the address a moment ago
            circle.pk = None
            if attempt == 2:
                raise
            continue
        break
    return Written(circle, decision)


def _check_chat_times(*, weekday, start, duration_minutes: int = 60, active: bool = True) -> None:
    errors = {}
    if not isinstance(weekday, int) or not 0 <= weekday <= 6:
        errors["weekday"] = _("Choose a day of the week.")
    if not isinstance(start, time):
        errors["start"] = _("Give a time such as 19:00.")
    if not isinstance(duration_minutes, int) or not 15 <= duration_minutes <= 240:
        errors["duration_minutes"] = _("A session lasts from 15 to 240 minutes.")
    if errors:
        raise ValidationError(errors)


def save_chat_schedule(
    *, actor, circle: Circle, weekday: int, start: time, duration_minutes: int = 60, active: bool = True
) -> ChatSchedule:
    """Set the circle's weekly support chat: every `weekday` (0 Monday .. 6 Sunday) at `start`, a wall-clock time
    in the circle's zone, for `duration_minutes`. Hosts and moderators; changes the circle's chat if it has one.

    A change made while a session is on applies from the next session: the session on now keeps its schedule,
    which ends with it (its rule gets a COUNT), and the new times go in a schedule that starts after it.

    The rule keeps the chosen time (BYHOUR, BYMINUTE): a first session that falls in the hour the clocks skip
    starts when that time would have been, and every later one is at the chosen time again."""
    if not circle_selectors.can_manage(actor, circle):
        raise PermissionDenied(_("Only the circle's hosts can set its chat times."))
    _check_chat_times(weekday=weekday, start=start, duration_minutes=duration_minutes)
    zone = circle_selectors.circle_zone(circle)
    now = timezone.now()
    live = circle_selectors.chat_state(circle, at=now).current
    today = now.astimezone(zone).date()
    day = today + timedelta(days=(weekday - today.weekday()) % 7)
    start = start.replace(second=0, microsecond=0, tzinfo=None)
    first = circle_selectors.wall_clock_instant(datetime.combine(day, start), zone)
    while live is not None and first < live.end:  # the session on now runs to its planned end
        day += timedelta(days=7)
        first = circle_selectors.wall_clock_instant(datetime.combine(day, start), zone)
    schedule = circle_selectors.current_schedule(circle) or ChatSchedule(circle=circle)
    if live is not None and schedule.pk is not None and schedule.pk == live.schedule.pk:
        _end_with(schedule, live, zone)
        schedule = ChatSchedule(circle=circle)
    schedule.first_start = first
    schedule.duration_minutes = duration_minutes
    schedule.rrule = f"FREQ=WEEKLY;BYDAY={WEEKDAYS[weekday]};BYHOUR={start.hour};BYMINUTE={start.minute}"
    schedule.active = active
    schedule.full_clean()
    schedule.save()
    if hasattr(circle, "_prefetched_objects_cache"):
        circle._prefetched_objects_cache.pop("chat_schedules", None)
    return schedule


def _end_with(schedule: ChatSchedule, session, zone) -> None:
    """Let the schedule run up to and including `session`, and no further: its rule counts its sessions
    (COUNT, which calendar apps read the same way whatever the zone)."""
    count = 0
    for local in circle_selectors.parse_rule(schedule, zone):
        if count >= 100_000 or circle_selectors.wall_clock_instant(local, zone) > session.start:
            break
        count += 1
    parts = [
        part
        for part in schedule.rrule.removeprefix("RRULE:").split(";")
        if part and part.split("=", 1)[0].strip().upper() not in ("COUNT", "UNTIL")
    ]
    schedule.rrule = ";".join([*parts, f"COUNT={max(count, 1)}"])
    schedule.save(update_fields=["rrule"])


# Joining and leaving


def _blocked_by_a_host(actor, circle: Circle) -> bool:
    hosts = CircleMembership.objects.filter(circle=circle, status=Status.ACTIVE, role=Role.HOST).values("user")
    return Block.objects.filter(
        Q(blocker__in=hosts, blocked=actor.pk) | Q(blocker=actor.pk, blocked__in=hosts)
    ).exists()


def _check_may_join(actor, circle: Circle) -> None:
    _require_member(actor)
    if circle.archived_at is not None:
        raise ValidationError({"circle": _("This circle is closed to new members.")}, code="archived")
    if circle.visibility != Visibility.PUBLISHED and circle.created_by_id != actor.pk:
        raise ValidationError({"circle": _("This circle can't be joined right now.")}, code="unavailable")
    if not circle_selectors.age_fits(actor, circle) and not circle_selectors.is_staff_moderator(actor):
        message = (
            _("This circle is for adults (18 and over).")
            if circle.age_group == AgeGroup.ADULTS
            else _("This circle is for teens (under 18).")
        )
        raise PermissionDenied(message)
    if _blocked_by_a_host(actor, circle):
        # Hosts look after everyone in the circle: someone they blocked, or who blocked them, can't join.
        raise PermissionDenied(_("You can't join this circle."))


def _existing_membership_error(membership: CircleMembership) -> ValidationError:
    messages = {
        Status.ACTIVE: (_("You're already a member of this circle."), "already_member"),
        Status.REQUESTED: (_("You've already asked to join; a host will decide soon."), "already_requested"),
        Status.DECLINED: (_("A host declined your request to join this circle."), "declined"),
        Status.REMOVED: (_("A host removed you from this circle, so you can't join it again."), "removed"),
    }
    message, code = messages[membership.status]
    return ValidationError({"circle": ValidationError(message, code=code)})


def join_circle(*, actor, circle: Circle, accept_guidelines: bool, note: str = "") -> CircleMembership:
    """Join an open circle at once, or ask to join one where a host decides (the hosts are told). Joining needs
    the guidelines accepted (the moment is kept). Joining twice says so, whatever the first join became."""
    _check_may_join(actor, circle)
    existing = CircleMembership.objects.filter(circle=circle, user=actor.pk).first()
    if existing is not None:
        raise _existing_membership_error(existing)
    if accept_guidelines is not True:
        raise ValidationError(
            {"accept_guidelines": ValidationError(_("Read and accept the guidelines to join."), code="guidelines")}
        )
    note = (note or "").strip()
    is_open = not circle_selectors.joins_by_request(circle)
    if note and not is_open:
        limit = CircleMembership._meta.get_field("request_note").max_length
        if len(note) > limit:
            raise ValidationError({"request_note": _("Use at most %(limit)d characters.") % {"limit": limit}})
        decision = _screen(note, kind=Kind.MESSAGE, actor=actor, circle=circle)
        if decision.action not in (Action.PUBLISH, Action.WARN):
            # A note goes to the hosts as it is: anything screening would hold or refuse is left out instead.
            raise ValidationError({"request_note": str(decision.message) or _("Please change your note.")})
    membership = CircleMembership(
        circle=circle,
        user=actor,
        status=Status.ACTIVE if is_open else Status.REQUESTED,
        request_note="" if is_open else note,
        guidelines_accepted_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            membership.save()
            if not is_open:
                for host in circle_selectors.hosts_of(circle):
                    notify(
                        recipient=host,
                        kind=Notification.Kind.CIRCLE_REQUEST,
                        actor=actor,
                        target=circle,
                        group_key=f"circle-requests:{circle.pk}",
                        dedupe_key=f"circle-request:{circle.pk}:{actor.pk}",
                    )
    except IntegrityError:  # the same person joining twice at the same moment
        raise _existing_membership_error(CircleMembership.objects.get(circle=circle, user=actor.pk)) from None
    return membership


def _lock_circle(circle: Circle) -> None:
    """Take the circle's row lock (PostgreSQL) for the rest of the transaction: who hosts it is counted and
    changed by one request at a time, so two hosts leaving at once can't leave it with none."""
    Circle.objects.select_for_update().filter(pk=circle.pk).values_list("pk", flat=True).get()


def _other_hosts(circle: Circle, user) -> bool:
    """Whether another host stays when `user` goes. In a circle for everyone, when a trusted adult host goes,
    another trusted adult host must stay: the circle is never left without one."""
    hosts = CircleMembership.objects.filter(
        circle=circle, status=Status.ACTIVE, role=Role.HOST, user__is_active=True
    ).exclude(user=user.pk)
    if circle.age_group == AgeGroup.EVERYONE and circle_selectors.trusted_adult(user):
        hosts = hosts.filter(circle_selectors.trusted_adults_q())
    return hosts.exists()


def leave_circle(*, actor, circle: Circle) -> bool:
    """Leave a circle (or withdraw a request to join); False if there was nothing to leave. The last host stays
    until they appoint another: a circle is never left without anyone to look after it."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied(_("Sign in first."))
    with transaction.atomic():
        _lock_circle(circle)
        membership = (
            CircleMembership.objects.select_for_update()
            .filter(circle=circle, user=actor.pk, status__in=[Status.ACTIVE, Status.REQUESTED])
            .first()
        )
        if membership is None:
            return False
        if membership.role == Role.HOST and membership.status == Status.ACTIVE and not _other_hosts(circle, actor):
            raise ValidationError(
                {"circle": ValidationError(_("You're the only host: appoint another host first."), code="last_host")}
            )
        membership.delete()
    return True


def _tell_member(*, actor, circle: Circle, recipient, event: str, dedupe_key: str) -> None:
    """Tell a person what happened to their place in the circle (accepted, declined, removed, made a host)."""
    notify(
        recipient=recipient,
        kind=Notification.Kind.CIRCLE,
        actor=actor,
        target=circle,
        dedupe_key=dedupe_key,
        data={"event": event},
    )


def decide_request(*, actor, membership: CircleMembership, approve: bool) -> CircleMembership:
    """A host (or a moderator) lets someone in, or declines their request; the person is told either way. In a
    circle for everyone only a trusted adult host (or a moderator) lets people in."""
    circle = membership.circle
    if not circle_selectors.can_manage(actor, circle):
        raise PermissionDenied(_("Only the circle's hosts can decide requests to join."))
    with transaction.atomic():
        row = CircleMembership.objects.select_for_update().filter(pk=membership.pk).first()
        if row is None or row.status != Status.REQUESTED:
            raise ValidationError(
                {"request": ValidationError(_("This request was already decided or withdrawn."), code="decided")}
            )
        if approve and not (
            circle_selectors.age_fits(row.user, circle) or circle_selectors.is_staff_moderator(row.user)
        ):
            raise ValidationError({"request": _("This person's age no longer fits the circle's age group.")})
        if (
            approve
            and circle.age_group == AgeGroup.EVERYONE
            and not (circle_selectors.trusted_adult(actor) or circle_selectors.is_staff_moderator(actor))
        ):
            # Adults and teens meet in a circle for everyone: someone Hearten trusts lets each of them in.
            raise PermissionDenied(_("In a circle for everyone, requests are approved by a trusted adult host."))
        row.status = Status.ACTIVE if approve else Status.DECLINED
        row.decided_by = actor
        row.save(update_fields=["status", "decided_by", "updated_at"])
        _tell_member(
            actor=actor,
            circle=circle,
            recipient=row.user_id,
            event="approved" if approve else "declined",
            dedupe_key=f"circle-decision:{row.pk}:{row.status}",
        )
    membership.status, membership.decided_by = row.status, actor
    return membership


def remove_member(*, actor, circle: Circle, user) -> CircleMembership:
    """A host (or a moderator) removes a member, who is told and can't join again. Only moderators, or the
    circle's creator, remove a host, and only the creator while another host stays (a moderator may take the
    last one out); nobody removes themselves this way (they leave)."""
    if not circle_selectors.can_manage(actor, circle):
        raise PermissionDenied(_("Only the circle's hosts can remove members."))
    if user.pk == actor.pk:
        raise ValidationError({"member": _("To leave the circle, use Leave.")})
    staff = circle_selectors.is_staff_moderator(actor)
    with transaction.atomic():
        _lock_circle(circle)
        row = CircleMembership.objects.select_for_update().filter(circle=circle, user=user.pk).first()
        if row is None or row.status != Status.ACTIVE:
            raise ValidationError({"member": _("This person is not a member of the circle.")})
        if row.role == Role.HOST and not (staff or circle.created_by_id == actor.pk):
            raise PermissionDenied(_("Only a moderator or the circle's creator can remove a host."))
        if row.role == Role.HOST and not staff and not _other_hosts(circle, user):
            raise ValidationError(
                {"member": ValidationError(_("The circle would have no host left."), code="last_host")}
            )
        row.status, row.role, row.decided_by = Status.REMOVED, Role.MEMBER, actor
        row.save(update_fields=["status", "role", "decided_by", "updated_at"])
        moderation.audit(
            actor=actor,
            action="circle.member_remove",
            target=circle,
            summary=_("Removed @%(handle)s from the circle") % {"handle": user.handle},
            changes={"member": [user.pk, None]},
        )
        _tell_member(actor=actor, circle=circle, recipient=user, event="removed", dedupe_key=f"circle-removed:{row.pk}")
    return row


def appoint_host(*, actor, circle: Circle, user) -> CircleMembership:
    """Make an active member a host: moderators, the circle's hosts, and its creator (while a member) may. A
    circle for everyone is hosted by trusted adults only (`selectors.circles.trusted_adult`)."""
    creator = circle.created_by_id == actor.pk and circle_selectors.takes_part(actor, circle)
    if not (circle_selectors.can_manage(actor, circle) or creator):
        raise PermissionDenied(_("Only the circle's hosts can appoint hosts."))
    row = CircleMembership.objects.filter(circle=circle, user=user.pk, status=Status.ACTIVE).first()
    if row is None or not user.is_active:
        raise ValidationError({"member": _("Only a member of the circle can become a host.")})
    if circle.age_group == AgeGroup.EVERYONE and not circle_selectors.trusted_adult(user):
        raise ValidationError(
            {
                "member": ValidationError(
                    _("Hosts of a circle for everyone are staff, verified experts or organisation members."),
                    code="host_not_trusted",
                )
            }
        )
    if row.role != Role.HOST:
        row.role, row.decided_by = Role.HOST, actor
        row.save(update_fields=["role", "decided_by", "updated_at"])
        _tell_member(actor=actor, circle=circle, recipient=user, event="host", dedupe_key=f"circle-host:{row.pk}")
    return row


# Posts


def _check_text(body: str, *, limit: int, empty: str, field: str = "body") -> str:
    body = body or ""
    if not body.strip():
        raise ValidationError({field: empty})
    if len(body) > limit:
        raise ValidationError(
            {field: _("Use at most %(limit)d characters; this is %(length)d.") % {"limit": limit, "length": len(body)}}
        )
    return body


def write_post(*, actor, circle: Circle, body: str, confirmed: bool = False) -> Written:
    """An active member posts in the circle; screened like every post (held: only its writer sees it)."""
    _require_member(actor)
    if not circle_selectors.takes_part(actor, circle):
        raise PermissionDenied(_("Only the circle's members can post here."))
    body = _check_text(body, limit=MAX_CIRCLE_POST, empty=_("Write your post first."))
    post = CirclePost(circle=circle, author=actor, body=body)
    decision = _screen(body, kind=Kind.CIRCLE_POST, actor=actor, circle=circle)
    refuse_or_confirm({"body": decision}, confirmed=confirmed)
    moderation.record_screening(post, decision, confirmed=True)
    with transaction.atomic():
        post.save()
    return Written(post, decision)


def delete_post(*, actor, post: CirclePost) -> CirclePost:
    """The writer deletes their post. Nothing is erased: others' comments and reactions under it stay (members
    see them under "post deleted"), and a post moderation held or hid keeps its words and labels for the
    moderators who decide it; a published one is blanked, as a deleted comment is. Deleting twice is a no-op."""
    if post.author_id is None or post.author_id != getattr(actor, "pk", None):
        raise PermissionDenied(_("You can only delete your own posts."))
    with transaction.atomic():
        row = CirclePost.objects.select_for_update().get(pk=post.pk)
        if row.deleted_at is not None:
            return row
        changes = {"deleted_at": timezone.now(), "pinned_at": None}
        if row.visibility == Visibility.PUBLISHED and row.removed_by_id is None:
            changes.update(body="", screening_labels=[])
        CirclePost.objects.filter(pk=row.pk).update(**changes)
    for name, value in changes.items():
        setattr(post, name, value)
    return post


def pin_post(*, actor, post: CirclePost, pinned: bool = True) -> CirclePost:
    """Hosts pin a post to the top of the circle (or unpin it)."""
    if not circle_selectors.can_manage(actor, post.circle):
        raise PermissionDenied(_("Only the circle's hosts can pin posts."))
    if pinned and (post.removed_by_id or post.deleted_at or post.visibility != Visibility.PUBLISHED):
        raise ValidationError({"post": _("Only a post everyone in the circle can see can be pinned.")})
    post.pinned_at = timezone.now() if pinned else None
    CirclePost.objects.filter(pk=post.pk).update(pinned_at=post.pinned_at)
    return post


def remove_post(*, actor, post: CirclePost, reason: str = "") -> CirclePost:
    """A host takes a post off the circle: its writer, the hosts and moderators still see it, marked as removed by
    a host (a host can restore it). Audited."""
    if not circle_selectors.can_manage(actor, post.circle):
        raise PermissionDenied(_("Only the circle's hosts can remove posts."))
    if post.author_id == actor.pk:
        raise ValidationError({"post": _("This is your own post: delete it instead.")})
    if post.deleted_at is not None:
        raise ValidationError({"post": _("Its writer deleted this post.")})
    if post.removed_by_id is not None:
        return post
    with transaction.atomic():
        CirclePost.objects.filter(pk=post.pk).update(removed_by=actor, pinned_at=None)
        moderation.audit(
            actor=actor,
            action="circle.post_remove",
            target=post,
            summary=_("Removed from the circle by a host%(reason)s") % {"reason": f": {reason}" if reason else ""},
            changes={"removed_by": [None, actor.pk]},
        )
    post.removed_by, post.pinned_at = actor, None
    return post


def _change_by_host(*, actor, obj, field: str, value, only_if: Q, action: str, summary) -> None:
    """One host action on a circle's content: the field set, if the row is still as `only_if` says, in one
    transaction with its audit entry (two hosts acting on the same item at once make one change, one entry)."""
    attname = obj._meta.get_field(field).attname
    before, after = getattr(obj, attname), getattr(value, "pk", value)
    with transaction.atomic():
        if type(obj).objects.filter(only_if, pk=obj.pk).update(**{field: value}):
            changes = {field: [before, after]}
            moderation.audit(actor=actor, action=action, target=obj, summary=summary, changes=changes)
    setattr(obj, field, value)


def restore_post(*, actor, post: CirclePost) -> CirclePost:
    """A host (or a moderator) puts a post a host removed back in the circle: the undo of `remove_post`. Audited;
    restoring a post that is not removed changes nothing."""
    if not circle_selectors.can_manage(actor, post.circle):
        raise PermissionDenied(_("Only the circle's hosts can restore posts."))
    if post.deleted_at is not None:
        raise ValidationError({"post": _("Its writer deleted this post.")})
    if post.removed_by_id is None:
        return post
    _change_by_host(
        actor=actor,
        obj=post,
        field="removed_by",
        value=None,
        only_if=Q(removed_by__isnull=False),
        action="circle.post_restore",
        summary=_("Put back in the circle by a host"),
    )
    return post


def remove_comment(*, actor, comment: Comment) -> Comment:
    """A host takes a comment off a post in their circle: only its writer still sees it, marked removed."""
    post = comment.target
    if not isinstance(post, CirclePost) or not circle_selectors.can_manage(actor, post.circle):
        raise PermissionDenied(_("Only the circle's hosts can remove comments here."))
    if comment.author_id == actor.pk:
        raise ValidationError({"comment": _("This is your own comment: delete it instead.")})
    _change_by_host(
        actor=actor,
        obj=comment,
        field="approval",
        value=Comment.Approval.DECLINED,
        only_if=~Q(approval=Comment.Approval.DECLINED),
        action="circle.comment_remove",
        summary=_("Comment removed from a circle post by a host"),
    )
    return comment


def restore_comment(*, actor, comment: Comment) -> Comment:
    """A host (or a moderator) puts a comment a host removed back under its post: the undo of `remove_comment`.
    Audited; restoring a comment that is not removed changes nothing."""
    post = comment.target
    if not isinstance(post, CirclePost) or not circle_selectors.can_manage(actor, post.circle):
        raise PermissionDenied(_("Only the circle's hosts can restore comments here."))
    if comment.approval != Comment.Approval.DECLINED:
        return comment
    _change_by_host(
        actor=actor,
        obj=comment,
        field="approval",
        value=Comment.Approval.APPROVED,
        only_if=Q(approval=Comment.Approval.DECLINED),
        action="circle.comment_restore",
        summary=_("Comment put back under a circle post by a host"),
    )
    return comment


# The support chat


class ChatClosed(ValidationError):
    """The chat is not in session: `next_session` says when it opens (or None when no session is planned)."""

    def __init__(self, message, next_session=None):
        super().__init__({"body": ValidationError(message, code="chat_closed")})
        self.next_session = next_session


def send_chat_message(*, actor, circle: Circle, body: str, confirmed: bool = False, at=None) -> Written:
    """A member writes in the support chat while a session is on; outside one, ChatClosed says when the next is.
    Screened like every message: a held one is seen by its writer only (and, when it reads as a crisis, the
    writer is shown where help is)."""
    _require_member(actor)
    if not circle_selectors.takes_part(actor, circle):
        raise PermissionDenied(_("Only the circle's members can write in its chat."))
    state = circle_selectors.chat_state(circle, at=at)
    if not state.open:
        if state.next is not None:
            message = _("The chat is closed; the next session is on %(when)s.") % {
                "when": describe_moment(state.next.start, _zone_name_for(actor, circle))
            }
        else:
            message = _("The chat is closed; no session is planned yet.")
        raise ChatClosed(message, state.next)
    body = _check_text(body, limit=MAX_CHAT_MESSAGE, empty=_("Write a message first."))
    message = ChatMessage(
        circle=circle, schedule=state.current.schedule, session_start=state.current.start, author=actor, body=body
    )
    decision = _screen(body, kind=Kind.MESSAGE, actor=actor, circle=circle)
    refuse_or_confirm({"body": decision}, confirmed=confirmed)
    moderation.record_screening(message, decision, confirmed=True)
    with transaction.atomic():
        message.save()
    return Written(message, decision)


def remove_chat_message(*, actor, message: ChatMessage) -> ChatMessage:
    """A host takes a message out of the chat for everyone but its writer. Audited."""
    if not circle_selectors.can_manage(actor, message.circle):
        raise PermissionDenied(_("Only the circle's hosts can remove messages."))
    if message.removed_by_id is not None:
        return message
    _change_by_host(
        actor=actor,
        obj=message,
        field="removed_by",
        value=actor,
        only_if=Q(removed_by__isnull=True),
        action="circle.message_remove",
        summary=_("Removed from the support chat by a host"),
    )
    return message


def restore_chat_message(*, actor, message: ChatMessage) -> ChatMessage:
    """A host (or a moderator) puts a message a host removed back in the chat: the undo of
    `remove_chat_message`. Audited; restoring a message that is not removed changes nothing."""
    if not circle_selectors.can_manage(actor, message.circle):
        raise PermissionDenied(_("Only the circle's hosts can restore messages."))
    if message.removed_by_id is None:
        return message
    _change_by_host(
        actor=actor,
        obj=message,
        field="removed_by",
        value=None,
        only_if=Q(removed_by__isnull=False),
        action="circle.message_restore",
        summary=_("Put back in the support chat by a host"),
    )
    return message


def remind_upcoming_chats(*, now: datetime | None = None, lead: timedelta = REMINDER_LEAD) -> int:
    """Tell each member of a circle whose chat starts within `lead` that it is about to start. Idempotent: one
    notification per member and session (`dedupe_key`), however often it runs. Returns how many were sent."""
    now = (now or timezone.now()).astimezone(UTC)
    sent = 0
    target_type = ContentType.objects.get_for_model(Circle)
    for circle, session in circle_selectors.sessions_starting_between(now, now + lead):
        sent += _remind(circle, session, target_type_id=target_type.pk)
    if sent:
        logger.info("Sent %d chat reminder(s)", sent)
    return sent


def _remind(circle: Circle, session, *, target_type_id: int) -> int:
    """One session's reminders, written together: a fixed number of queries however many members it has."""
    key = f"chat-reminder:{circle.pk}:{session.start:%Y%m%dT%H%M%SZ}"
    recipients = circle_selectors.reminder_recipients(circle, dedupe_key=key)
    if not recipients:
        return 0
    fields = {
        "kind": Notification.Kind.CHAT_REMINDER,
        "target_type_id": target_type_id,
        "target_id": circle.pk,
        "dedupe_key": key,
        "data": {"starts_at": session.start.isoformat(), "ends_at": session.end.isoformat()},
    }
    try:
        with transaction.atomic():
            created = Notification.objects.bulk_create(
                [Notification(recipient_id=person.user_id, **fields) for person in recipients]
            )
    except IntegrityError:
        # Another run reminded some of them a moment ago: one at a time then, each once (the dedupe key).
        return sum(deliver(recipient_id=person.user_id, **fields) is not None for person in recipients)
    from ..tasks import send_notification_email  # noqa: PLC0415 (tasks call the services)

    by_email = {person.user_id for person in recipients if person.email_mode == EmailMode.IMMEDIATE}
    for row in created:
        if row.recipient_id in by_email and row.pk is not None:
            transaction.on_commit(partial(send_notification_email.delay, notification_id=row.pk), robust=True)
    return len(created)


__all__ = [
    "CIRCLE_FIELDS",
    "ChatClosed",
    "age_groups_for",
    "appoint_host",
    "create_circle",
    "decide_request",
    "default_age_group",
    "delete_post",
    "describe_moment",
    "join_circle",
    "leave_circle",
    "pin_post",
    "remind_upcoming_chats",
    "remove_chat_message",
    "remove_comment",
    "remove_member",
    "remove_post",
    "restore_chat_message",
    "restore_comment",
    "restore_post",
    "save_chat_schedule",
    "send_chat_message",
    "write_post",
]
