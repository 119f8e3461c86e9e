"""Notifications: the one way any part of Hearten tells a person something happened.

`notify()` is called by other services inside their transaction; the row is written when that transaction
commits (never for a write that rolled back). It is idempotent: the same `dedupe_key` for the same person is
one notification, so a retried task never notifies twice. Events with the same `group_key` fold into one
unread notification ("3 people supported your story").

Never put post text, message bodies or anything a person wrote into `data`: notifications are shown in
lists and emails; they say what happened and link to it.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ..models import Notification


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

    Nobody is told about their own action, and nothing reaches a person who turned the kind off."""
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
        )
    )


def deliver(
    *, recipient_id, kind, actor_id=None, target_type_id=None, target_id=None, group_key="", dedupe_key="", data=None
) -> Notification | None:
    """Write (or fold into a group) one notification; returns it, or None when it was already delivered or
    the recipient turned this kind off. Safe to run twice for the same event (a retried task)."""
    from .preferences import preferences_for  # noqa: PLC0415 (preferences import this module's kinds)

    if kind in preferences_for(recipient_id).muted_kinds:
        return None
    with transaction.atomic():
        if dedupe_key and Notification.objects.filter(recipient_id=recipient_id, dedupe_key=dedupe_key).exists():
            return None
        if group_key:
            unread = (
                Notification.objects.select_for_update()
                .filter(recipient_id=recipient_id, group_key=group_key, read_at__isnull=True)
                .order_by("-pk")
                .first()
            )
            if unread is not None:
                Notification.objects.filter(pk=unread.pk).update(
                    count=F("count") + 1, actor_id=actor_id, updated_at=timezone.now(), emailed_at=None
                )
                unread.refresh_from_db()
                return unread
        try:
            with transaction.atomic():
                return Notification.objects.create(
                    recipient_id=recipient_id,
                    kind=kind,
                    actor_id=actor_id,
                    target_type_id=target_type_id,
                    target_id=target_id,
                    group_key=group_key,
                    dedupe_key=dedupe_key,
                    data=data or {},
                )
        except IntegrityError:  # the same event delivered at the same moment by another worker
            return None
