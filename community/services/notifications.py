"""Notifications: the one way any part of Hearten tells a person something happened, in the app and by email.

`notify()` is called by other services inside their transaction; the row is written when that transaction
commits (never for a write that rolled back). It is idempotent: the same `dedupe_key` for the same person is
one notification, so a retried task never notifies twice. Events with the same `group_key` fold into one
unread notification ("Ana and 2 others supported your story"); the dedupe keys of folded events are kept
on it, so taking a reaction back and giving it again never counts twice.

Never put post text, message bodies or anything a person wrote into `data`: notifications are shown in
lists and emails; they say what happened and link to it. `data` keys this module keeps for itself:
`actors`, `people`, `keys`, `mixed`.

Emails follow each person's Preferences: `immediate` sends one email per notification after commit (held
back during their quiet hours, then sent by the periodic `send_due_emails`), `daily` one digest at their
digest hour in their time zone, `off` none. Only to a verified address; `emailed_at` is claimed with an
UPDATE ... WHERE emailed_at IS NULL before anything is sent, so a retried or doubled task sends nothing twice.
"""

from __future__ import annotations

import logging
import re
import zoneinfo
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from moderation import registry
from moderation.models import Visibility

from ..models import Comment, EmailMode, Notification, Preferences, Restriction, Story, User
from ..selectors import notifications as selectors
from ..selectors.social import blocked_between, blocked_with

logger = logging.getLogger(__name__)

Kind = Notification.Kind
# Statements about a person's own content and reports: owed to them whatever they muted.
ALWAYS_DELIVERED = frozenset({Kind.DECISION, Kind.REPORT_OUTCOME})
MUTABLE_KINDS = [kind for kind in Kind.values if kind not in ALWAYS_DELIVERED]
BOOKKEEPING = ("actors", "people", "keys", "mixed")
MAX_ACTORS_KEPT = 50  # the latest people of a group (for "Ana and 2 others"); `people` counts them all
MAX_KEYS_KEPT = 500  # dedupe keys of folded events kept on a group: beyond this, an old repeat may count again
MAX_GROUP_ROWS = 50  # earlier (read) rows of a group searched for a repeated event
MENTION = re.compile(r"(?<![\w@./])@([A-Za-z0-9_]{3,30})(?![\w@])")
MAX_MENTIONS = 10  # people told about one text: more is a list, not a conversation
WAITING_GROUP = "comments-waiting"
EMAIL_LOOKBACK = timedelta(days=7)  # older unread notifications are not emailed any more
DIGEST_WINDOW = timedelta(hours=1)  # a digest goes out during the person's digest hour, or waits a day
MAX_EMAILED = 500  # rows one email claims; the email lists the newest and counts the rest
EMAIL_REDACTED = "{...redacted...}"


def notify(
    *,
    recipient,
    kind: str,
    actor=None,
    target=None,
    group_key: str = "",
    dedupe_key: str = "",
    data: dict | None = None,
) -> None:
    """Tell `recipient` about an event once the current transaction commits (at once outside one).

    Nobody is told about their own action, and nothing reaches a person who turned the kind off. A failure
    to notify is logged and never undoes the write that caused it."""
    recipient_id = getattr(recipient, "pk", recipient)
    actor_id = getattr(actor, "pk", actor)
    if not recipient_id or (actor_id is not None and actor_id == recipient_id):
        return
    target_type_id = ContentType.objects.get_for_model(target).pk if target is not None else None
    target_id = getattr(target, "pk", None)
    transaction.on_commit(
        lambda: deliver(
            recipient_id=recipient_id,
            kind=kind,
            actor_id=actor_id,
            target_type_id=target_type_id,
            target_id=target_id,
            group_key=group_key,
            dedupe_key=dedupe_key,
            data=data or {},
        ),
        robust=True,
    )


def deliver(
    *, recipient_id, kind, actor_id=None, target_type_id=None, target_id=None, group_key="", dedupe_key="", data=None
) -> Notification | None:
    """Write (or fold into a group) one notification; returns it, or None when it was already delivered or
    the recipient turned this kind off. Safe to run twice for the same event (a retried task)."""
    from .preferences import preferences_for  # noqa: PLC0415 (preferences import this module's kinds)

    preferences = preferences_for(recipient_id)
    if kind in (preferences.muted_kinds or []) and kind not in ALWAYS_DELIVERED:
        return None
    data = {key: value for key, value in (data or {}).items() if key not in BOOKKEEPING}
    with transaction.atomic():
        if dedupe_key and Notification.objects.filter(recipient_id=recipient_id, dedupe_key=dedupe_key).exists():
            return None
        if group_key:
            # One grouped delivery at a time per person (PostgreSQL; SQLite writes one at a time anyway).
            list(User.objects.select_for_update(no_key=True).filter(pk=recipient_id).values_list("pk", flat=True))
            rows = list(
                Notification.objects.filter(recipient_id=recipient_id, group_key=group_key)
                .only("pk", "read_at", "data")
                .order_by("-pk")[:MAX_GROUP_ROWS]
            )
            if dedupe_key and any(dedupe_key in (row.data or {}).get("keys", ()) for row in rows):
                return None
            unread = next((row for row in rows if row.read_at is None), None)
            if unread is not None:
                changes = {
                    "count": F("count") + 1,
                    "actor_id": actor_id,
                    "updated_at": timezone.now(),
                    "data": _folded(unread.data or {}, data, actor_id=actor_id, dedupe_key=dedupe_key),
                }
                if preferences.email_mode == EmailMode.DAILY:
                    changes["emailed_at"] = None  # the next digest tells the group again, with its new count
                Notification.objects.filter(pk=unread.pk).update(**changes)
                return Notification.objects.get(pk=unread.pk)
            data = _folded({}, data, actor_id=actor_id, dedupe_key=dedupe_key)
        try:
            with transaction.atomic():
                created = Notification.objects.create(
                    recipient_id=recipient_id,
                    kind=kind,
                    actor_id=actor_id,
                    target_type_id=target_type_id,
                    target_id=target_id,
                    group_key=group_key,
                    dedupe_key=dedupe_key,
                    data=data,
                )
        except IntegrityError:  # the same event delivered at the same moment by another worker
            return None
        if preferences.email_mode == EmailMode.IMMEDIATE:
            transaction.on_commit(lambda: _email_soon(created.pk), robust=True)
    return created


def _folded(stored: dict, incoming: dict, *, actor_id, dedupe_key: str) -> dict:
    """A group's data once one more event joined it: who (the latest last, each once), how many people,
    which events (dedupe keys), and which values differed between events (`mixed`: "reacted" rather than
    "supported" when people reacted differently)."""
    folded = dict(stored)
    mixed = set(folded.get("mixed", ()))
    for key, value in incoming.items():
        if key in folded and folded[key] != value:
            mixed.add(key)
        folded.setdefault(key, value)
    actors = list(folded.get("actors", ()))
    people = folded.get("people", len(actors))
    if actor_id is not None:
        if actor_id not in actors:
            people += 1
        actors = [*(pk for pk in actors if pk != actor_id), actor_id][-MAX_ACTORS_KEPT:]
    keys = list(folded.get("keys", ()))
    if dedupe_key:
        keys = [*keys, dedupe_key][-MAX_KEYS_KEPT:]
    folded.update(actors=actors, people=people, keys=keys, mixed=sorted(mixed))
    return folded


# Reading them


def mark_read(*, actor, notification_id: int) -> bool:
    """Mark one of the actor's notifications read; False if it was not theirs or already read."""
    _require_member(actor)
    return bool(
        Notification.objects.filter(pk=notification_id, recipient=actor.pk, read_at__isnull=True).update(
            read_at=timezone.now()
        )
    )


def mark_all_read(*, actor) -> int:
    """Mark all the actor's notifications read; how many were unread."""
    _require_member(actor)
    return Notification.objects.filter(recipient=actor.pk, read_at__isnull=True).update(read_at=timezone.now())


def _require_member(actor) -> None:
    if not (actor and actor.is_authenticated):
        raise PermissionDenied(_("Sign in first."))


# What the other services report. Each tells only people who may see the content, never across a block, never
# the actor themselves, and nothing about held or hidden content (moderation's restore tells it once published).


def mentioned_handles(text: str) -> list[str]:
    """The @handles written in a text, lower-cased, each once, in order (an email address is no mention)."""
    return list(dict.fromkeys(match.lower() for match in MENTION.findall(text or "")))[:MAX_MENTIONS]


def _people(handles, *, leave_out=()) -> list[User]:
    if not handles:
        return []
    found = User.objects.annotate(lower_handle=Lower("handle")).filter(lower_handle__in=handles, is_active=True)
    return list(found.exclude(pk__in=[pk for pk in leave_out if pk]).order_by("pk"))


def _owner_id(target):
    field = target._meta.get_field(registry.registration_for(target).author_field)
    return getattr(target, field.attname)


def _can_read(person, target) -> bool:
    """Whether `person` may read `target` now: the rule that lets people comment on it and react to it."""
    from .stories import _readable_by  # noqa: PLC0415 (stories calls this module)

    return _readable_by(person, target)


def _sees_comment(person, comment: Comment, target) -> bool:
    hides_warned = getattr(person, "sensitive_content", "warn") == "hide"
    return not (hides_warned and comment.content_warnings) and _can_read(person, target)


def story_written(*, story: Story) -> None:
    """A story was posted or changed: tell the people it @mentions who may read it (once per story each).
    An anonymous story's author is never named, and nobody either of them blocked is told."""
    if not story.is_posted or story.visibility != Visibility.PUBLISHED:
        return
    handles = mentioned_handles(f"{story.title}\n{story.body}")
    people = _people(handles, leave_out=[story.author_id])
    blocked = blocked_with(story.author_id, [person.pk for person in people])
    for person in people:
        if person.pk in blocked or not _can_read(person, story):
            continue
        notify(
            recipient=person,
            kind=Kind.MENTION,
            actor=None if story.anonymous else story.author_id,
            target=story,
            dedupe_key=f"mention:community.story:{story.pk}",
            data={"in": "community.story", **({"anonymous": True} if story.anonymous else {})},
        )


def comment_written(*, comment: Comment, target, approved: bool = False) -> None:
    """A comment was written (or a moderator published it, or the author of the content `approved` it): tell
    the author of the content (a comment waiting for their approval, or a new one; not the one who just
    approved it), the writer of the comment it answers, and the people it @mentions; each once. Nothing for
    a restricted person's comment: it is between them and the owner."""
    if comment.visibility != Visibility.PUBLISHED or comment.is_deleted or target is None:
        return
    writer_id = comment.author_id
    owner_id = _owner_id(target)
    if not writer_id or Restriction.objects.filter(owner=owner_id, restricted=writer_id).exists():
        return
    on = target._meta.label_lower
    if comment.approval == Comment.Approval.PENDING:
        if owner_id != writer_id and not blocked_between(owner_id, writer_id):
            notify(
                recipient=owner_id,
                kind=Kind.REPLY,
                actor=writer_id,
                group_key=WAITING_GROUP,
                dedupe_key=f"comment-waiting:{comment.pk}",
                data={"waiting": True, "on": on},
            )
        return
    if comment.approval != Comment.Approval.APPROVED:
        return
    # The author of an anonymous story answering under it stays "the author", never named.
    unnamed = bool(getattr(target, "anonymous", False)) and writer_id == owner_id
    actor = None if unnamed else writer_id
    extra = {"story_author": True} if unnamed else {}
    parent = comment.parent if comment.parent_id else None
    parent_author = parent.author if parent is not None and not parent.is_deleted else None
    mentioned = _people(mentioned_handles(comment.body), leave_out=[writer_id])
    candidates = [owner_id, getattr(parent_author, "pk", None), *(person.pk for person in mentioned)]
    blocked = blocked_with(writer_id, candidates)
    told = {writer_id, owner_id} if approved else {writer_id}  # who approved it has seen it
    key = f"comment:{comment.pk}"
    if parent_author is not None and parent_author.pk not in (told | blocked) and parent_author.is_active:
        if _sees_comment(parent_author, comment, target):
            notify(
                recipient=parent_author,
                kind=Kind.REPLY,
                actor=actor,
                target=comment,
                dedupe_key=key,
                data={"reply": True, "on": on, **extra},
            )
        told.add(parent_author.pk)
    if owner_id and owner_id not in (told | blocked) and not approved:
        notify(recipient=owner_id, kind=Kind.REPLY, actor=actor, target=comment, dedupe_key=key, data={"on": on})
    told.add(owner_id)
    for person in mentioned:
        if person.pk in (told | blocked) or not _sees_comment(person, comment, target):
            continue
        notify(
            recipient=person,
            kind=Kind.MENTION,
            actor=actor,
            target=comment,
            dedupe_key=f"mention:community.comment:{comment.pk}",
            data={"in": "community.comment", "on": on, **extra},
        )
        told.add(person.pk)


def reacted(*, actor, target, kind: str) -> None:
    """A new reaction: its content's author is told, grouped per item ("Ana and 2 others supported your
    story"). Taking it back tells nobody; giving the same one again is not counted again."""
    owner_id = _owner_id(target)
    if not owner_id or owner_id == actor.pk or blocked_between(owner_id, actor.pk):
        return
    label = target._meta.label_lower
    notify(
        recipient=owner_id,
        kind=Kind.REACTION,
        actor=actor,
        target=target,
        group_key=f"reaction:{label}:{target.pk}",
        dedupe_key=f"reaction:{actor.pk}:{label}:{target.pk}:{kind}",
        data={"reaction": kind},
    )


def followed(*, actor, user) -> None:
    """A new follower: told once per follower, however often they unfollow and follow again."""
    notify(recipient=user, kind=Kind.FOLLOW, actor=actor, dedupe_key=f"follow:{actor.pk}")


def content_decided(*, obj, action: str, actor=None, reason: str = "", before: str = "") -> None:
    """A moderator hid or published content: its author is told what and why (the reason, never who
    reported it or which moderator). Once published, what it would have notified is notified now."""
    try:
        author_id = registry.describe(obj).author_id
    except LookupError:
        return
    changed = (action == "hide" and before != Visibility.HIDDEN) or (
        action == "restore" and before != Visibility.PUBLISHED
    )
    if not author_id or not changed or author_id == getattr(actor, "pk", None):
        return
    data = {"action": action, "before": before}
    if action == "hide" and reason:
        data["reason"] = str(reason)[:300]
    notify(recipient=author_id, kind=Kind.DECISION, target=obj, data=data)
    if action == "restore" and isinstance(obj, Story):
        story_written(story=obj)
    elif action == "restore" and isinstance(obj, Comment):
        comment_written(comment=obj, target=obj.target)


# Email


def zone_of(user) -> zoneinfo.ZoneInfo:
    """The person's time zone from their settings; UTC (the server's zone) when they never chose one."""
    try:
        return zoneinfo.ZoneInfo(user.time_zone or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def in_quiet_hours(preferences: Preferences, local_time: time) -> bool:
    """Whether a local time of day falls in the person's quiet hours (which may wrap midnight: 22:00-07:00)."""
    start, end = preferences.quiet_start, preferences.quiet_end
    if start is None or end is None or start == end:
        return False
    local_time = local_time.replace(tzinfo=None)
    if start < end:
        return start <= local_time < end
    return local_time >= start or local_time < end


def digest_moment(preferences: Preferences, *, now: datetime, zone) -> datetime:
    """Today's digest time for the person: their digest hour on their local date."""
    local = now.astimezone(zone)
    return datetime.combine(local.date(), time(preferences.digest_hour), tzinfo=zone)


def digest_due(preferences: Preferences, *, now: datetime, zone) -> bool:
    moment = digest_moment(preferences, now=now, zone=zone)
    already = preferences.last_digest_at is not None and preferences.last_digest_at >= moment
    return moment <= now < moment + DIGEST_WINDOW and not already


def verified_address(user) -> str:
    """The person's verified email address (the primary one first), or "" when none is verified."""
    from allauth.account.models import EmailAddress  # noqa: PLC0415 (allauth's models load after the apps)

    addresses = EmailAddress.objects.filter(user=user.pk, verified=True).order_by("-primary", "pk")
    return addresses.values_list("email", flat=True).first() or ""


def _email_soon(notification_id: int) -> None:
    from ..tasks import send_notification_email  # noqa: PLC0415 (tasks call this module)

    send_notification_email.delay(notification_id=notification_id)


def _pending(user):
    """The person's notifications not yet read nor emailed, as they may see them (none across a block, and no
    join requests all answered already)."""
    return selectors.unread_notifications(viewer=user).filter(emailed_at__isnull=True)


def email_notification(*, notification_id: int, now: datetime | None = None) -> int:
    """The immediate email for one notification, once; 0 when there is nothing to send now (read already,
    emailed already, the person chose the digest or no email, it is their quiet hours, or no verified address).
    The claim is one UPDATE ... WHERE emailed_at IS NULL: a retried or doubled task finds nothing to claim."""
    now = now or timezone.now()
    notification = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if notification is None or notification.read_at or notification.emailed_at:
        return 0
    user = notification.recipient
    preferences = _preferences_of(user)
    if not user.is_active or preferences.email_mode != EmailMode.IMMEDIATE:
        return 0
    if in_quiet_hours(preferences, now.astimezone(zone_of(user)).time()):
        return 0  # send_due_emails sends it once the quiet hours end
    address = verified_address(user)
    if not address or not _pending(user).filter(pk=notification.pk).exists():
        return 0
    with transaction.atomic():
        claimed = Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True, read_at__isnull=True)
        if claimed.update(emailed_at=now) != 1:
            return 0
        _send(user, address, [Notification.objects.select_related("actor").get(pk=notification.pk)], digest=False)
    return 1


def send_due_emails(*, now: datetime | None = None) -> int:
    """The periodic task: each person's digest during their digest hour (daily), and the immediate emails
    their quiet hours held back (immediate), one email each. Returns how many emails were sent.

    Only people something waits for are read, and of those on the daily digest only the ones whose digest
    hour it is now in their zone: the work of a run follows what is due, not how many people there are."""
    now = now or timezone.now()
    from allauth.account.models import EmailAddress  # noqa: PLC0415

    waiting = Notification.objects.filter(
        read_at__isnull=True, emailed_at__isnull=True, updated_at__gte=now - EMAIL_LOOKBACK
    ).values("recipient")
    verified = EmailAddress.objects.filter(verified=True).values("user")
    people = User.objects.filter(is_active=True, pk__in=waiting).filter(pk__in=verified)
    default_hour = Preferences._meta.get_field("digest_hour").default
    digest_now = Q(pk__in=[])
    for name in people.order_by().values_list("time_zone", flat=True).distinct():
        hour = now.astimezone(zone_of(User(time_zone=name))).hour
        hour_is_theirs = Q(preferences__digest_hour=hour)
        if hour == default_hour:
            hour_is_theirs |= Q(preferences__isnull=True)
        digest_now |= Q(time_zone=name) & hour_is_theirs
    daily = Q(preferences__email_mode=EmailMode.DAILY) | Q(preferences__isnull=True)
    due = people.filter(Q(preferences__email_mode=EmailMode.IMMEDIATE) | (daily & digest_now))
    sent = 0
    for user in due.select_related("preferences").order_by("pk").iterator(chunk_size=200):
        preferences = _preferences_of(user)
        zone = zone_of(user)
        if preferences.email_mode == EmailMode.IMMEDIATE:
            if not in_quiet_hours(preferences, now.astimezone(zone).time()):
                sent += _email_pending(user, now=now)
        elif preferences.email_mode == EmailMode.DAILY and digest_due(preferences, now=now, zone=zone):
            sent += _email_pending(user, now=now, digest=True)
    return sent


def _preferences_of(user) -> Preferences:
    """The person's preferences as loaded with them, or the defaults (not saved) when they have none yet."""
    try:
        return user.preferences
    except Preferences.DoesNotExist:
        return Preferences(user=user)


def _email_pending(user, *, now: datetime, digest: bool = False) -> int:
    """Claim the person's notifications waiting for an email and send one email about them (a digest, or the
    immediate email quiet hours held back). A digest happens once per day: its time is claimed with them."""
    address = verified_address(user)
    if not address:
        return 0
    with transaction.atomic():
        if digest:
            preferences, _created = Preferences.objects.select_for_update().get_or_create(user=user)
            if not digest_due(preferences, now=now, zone=zone_of(user)):
                return 0  # another run sent today's digest meanwhile
        rows = _pending(user).filter(updated_at__gte=now - EMAIL_LOOKBACK).order_by("-updated_at", "-pk")
        ids = list(rows.select_for_update(skip_locked=True, of=("self",)).values_list("pk", flat=True)[:MAX_EMAILED])
        claimed = Notification.objects.filter(pk__in=ids, emailed_at__isnull=True, read_at__isnull=True)
        if not ids or claimed.update(emailed_at=now) != len(ids):
            transaction.set_rollback(True)  # another run claimed some of them: it sends them
            return 0
        if digest:
            Preferences.objects.filter(pk=preferences.pk).update(last_digest_at=now)
        chosen = list(Notification.objects.filter(pk__in=ids).select_related("actor").order_by("-updated_at", "-pk"))
        _send(user, address, chosen, digest=digest)
    return 1


def _send(user, address: str, notifications: list[Notification], *, digest: bool) -> None:
    """Render one email about `notifications` in the person's language and zone, and send it once the claim
    commits. What it says comes from the same sentences as the page: never what anyone wrote."""
    from ..tasks import send_email  # noqa: PLC0415 (tasks call this module)

    site = settings.HEARTEN_SITE_URL.rstrip("/")
    language = user.language if translation.check_for_language(user.language or "") else settings.LANGUAGE_CODE
    with translation.override(language), timezone.override(zone_of(user)):
        shown = selectors.shown_notifications(notifications[: selectors.EMAIL_ITEMS], viewer=user)
        items = [
            {
                "text": item.text,
                "when": item.notification.updated_at,
                "url": site + reverse("community:notification_open", args=[item.notification.pk]),
            }
            for item in shown
        ]
        count = len(notifications)
        context = {
            "items": items,
            "count": count,
            "more": count - len(items),
            "digest": digest,
            "name": user.name,
            "notifications_url": site + reverse("community:notifications"),
            "settings_url": site + reverse("community:preferences"),
            "help_url": site + reverse("help"),
        }
        prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
        if digest:
            subject = ngettext(
                "Your daily summary: %(count)d notification", "Your daily summary: %(count)d notifications", count
            ) % {"count": count}
        elif count == 1:
            subject = _("You have a new notification")
        else:
            subject = _("You have %(count)d new notifications") % {"count": count}
        name = "notification_digest" if digest or count > 1 else "notification"
        kwargs = {
            "subject": f"{prefix}{subject}",
            "body": render_to_string(f"community/email/{name}.txt", context),
            "html": render_to_string(f"community/email/{name}.html", context),
            "to": [address],
            "from_email": settings.DEFAULT_FROM_EMAIL,
        }
    transaction.on_commit(lambda: send_email.apply_async(kwargs=kwargs, kwargsrepr=EMAIL_REDACTED))
