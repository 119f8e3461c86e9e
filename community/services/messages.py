"""Every write about direct messages: starting a conversation, sending, accepting or ignoring a request,
archiving, reading, deleting one's message, and blocking from a conversation.

Who may write to whom is decided by community.selectors.messages (`may_start`, `may_send`), checked again
inside the transaction with both people's rows locked, so a block and a message never interleave. Every
message is screened like a comment (Kind.MESSAGE; stricter when one of the two is under 18): refused with why
(the writer keeps their text), a nudge to reconsider unless `confirmed`, held for a moderator (then only its
sender sees it, and nobody is notified), and a crisis answered with help for the sender.

Refusals raise ValidationError naming the field (`recipient`, `conversation`, `body`), or PermissionDenied
when the writer's own account can't send.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from moderation import services as moderation
from moderation.decision import Decision
from moderation.models import Kind, Visibility

from ..models import MAX_MESSAGE, Conversation, ConversationState, Message, Notification
from ..selectors import messages as rules
from .notifications import notify
from .people import refuse_or_confirm
from .social import _lock_pair
from .social import block as block_person


@dataclass(frozen=True)
class Sent:
    """What sending produced: the message, its conversation, what screening decided, and whether the
    conversation is new."""

    conversation: Conversation
    message: Message
    decision: Decision
    created: bool = False

    @property
    def held(self) -> bool:
        return self.message.visibility != Visibility.PUBLISHED


def _refuse(verdict: rules.Verdict) -> None:
    if verdict.allowed:
        return
    if verdict.code == "forbidden":
        raise PermissionDenied(verdict.reason)
    error = ValidationError(verdict.reason, code=verdict.code)
    raise ValidationError({verdict.field: error}) if verdict.field else error


def _check_body(body: str) -> str:
    body = body or ""
    if not body.strip():
        raise ValidationError({"body": _("Write a message first.")})
    if len(body) > MAX_MESSAGE:
        raise ValidationError(
            {
                "body": _("Messages can be up to %(limit)d characters; this one is %(length)d.")
                % {"limit": MAX_MESSAGE, "length": len(body)}
            }
        )
    return body


def _screened(message: Message, *, actor, other, confirmed: bool) -> Decision:
    """Screen a new message; raise for a refusal or an unconfirmed nudge; record the decision on it."""
    for_minors = bool(actor.is_minor or (other is not None and other.is_minor))
    decision = moderation.screen(
        text=message.body,
        kind=Kind.MESSAGE,
        author=actor,
        context={"replacing": message, "for_minors": for_minors},
    )
    refuse_or_confirm({"body": decision}, confirmed=confirmed)
    moderation.record_screening(message, decision, confirmed=True)
    if decision.crisis and message.visibility == Visibility.HELD:
        # Screening's words are about a post; the sender of a message at risk is told about their message.
        message.held_reason = _(
            "Your message is safe with us and waiting for a moderator. It sounds like things are really hard "
            "right now: you don't have to go through this alone, and you can talk to someone now."
        )[:500]
    return decision


def _save_message(conversation: Conversation, message: Message, *, actor, first: bool) -> None:
    """Save a screened message, move the conversation on, and tell the other person when they can see it:
    for an accepted conversation, or the first message of a request (once per message, grouped per
    conversation; never the words)."""
    message.conversation = conversation
    message.save()
    now = timezone.now()
    published = message.visibility == Visibility.PUBLISHED
    if published:
        # Only a message the other person can see moves the conversation up: a held one says nothing to them.
        Conversation.objects.filter(pk=conversation.pk).update(last_message_at=message.created_at)
        conversation.last_message_at = message.created_at
    ConversationState.objects.filter(conversation=conversation, user=actor.pk).update(
        last_read_at=now, archived_at=None
    )
    other_id = conversation.other_id(actor.pk)
    accepted = conversation.status == Conversation.Status.ACCEPTED
    if published and other_id and (accepted or first):
        # A request's one message has a group of its own: later messages never fold into "would like to send
        # you a message".
        notify(
            recipient=other_id,
            kind=Notification.Kind.MESSAGE,
            actor=actor,
            target=conversation,
            group_key=f"conversation:{conversation.pk}" + ("" if accepted else ":request"),
            dedupe_key=f"message:{message.pk}",
            data={} if accepted else {"request": True},
        )


def start_conversation(*, actor, recipient, body: str, confirmed: bool = False, check_account_age: bool = True) -> Sent:
    """Write to a person. With a conversation between them already, the message goes there (under its rules);
    otherwise a new one starts: accepted at once when they follow each other, else a message request.

    `check_account_age=False` is for seeding demo data only (its accounts are minutes old); never from a
    request."""
    existing = rules.conversation_between(actor, recipient)
    if existing is not None:
        return send_message(actor=actor, conversation=existing, body=body, confirmed=confirmed)
    _refuse(rules.may_start(actor, recipient, check_account_age=check_account_age))
    body = _check_body(body)
    message = Message(sender=actor, body=body)
    decision = _screened(message, actor=actor, other=recipient, confirmed=confirmed)
    with transaction.atomic():
        _lock_pair(actor, recipient)
        verdict = rules.may_start(actor, recipient, check_account_age=check_account_age)  # again, under the lock
        _refuse(verdict)
        now = timezone.now()
        accepted = verdict.status == Conversation.Status.ACCEPTED
        try:
            with transaction.atomic():
                conversation = Conversation.objects.create(
                    pair_key=Conversation.key_for(actor.pk, recipient.pk),
                    started_by=actor,
                    recipient=recipient,
                    status=verdict.status,
                    accepted_at=now if accepted else None,
                    last_message_at=now,
                )
        except IntegrityError:
            conversation = None  # the other person started one at the same moment
        if conversation is not None:
            ConversationState.objects.bulk_create(
                [
                    ConversationState(conversation=conversation, user=actor, last_read_at=now),
                    ConversationState(conversation=conversation, user=recipient),
                ]
            )
            _save_message(conversation, message, actor=actor, first=True)
            return Sent(conversation, message, decision, created=True)
    existing = rules.conversation_between(actor, recipient)
    return send_message(actor=actor, conversation=existing, body=body, confirmed=confirmed)


def send_message(*, actor, conversation: Conversation, body: str, confirmed: bool = False) -> Sent:
    """Send a message in a conversation the actor takes part in, if `may_send` allows it now."""
    other = rules.other_person(conversation, actor.pk)
    _refuse(rules.may_send(actor, conversation))
    body = _check_body(body)
    message = Message(sender=actor, body=body)
    decision = _screened(message, actor=actor, other=other, confirmed=confirmed)
    with transaction.atomic():
        if other is not None:
            _lock_pair(actor, other)
        conversation.refresh_from_db(fields=["status", "accepted_at", "last_message_at"])
        _refuse(rules.may_send(actor, conversation))  # again, under the lock: a block made meanwhile wins
        _save_message(conversation, message, actor=actor, first=False)
    return Sent(conversation, message, decision)


def _require_participant(actor, conversation) -> None:
    if getattr(actor, "pk", None) not in conversation.participant_ids() or not actor.is_active:
        raise PermissionDenied(_("This is not your conversation."))


def accept(*, actor, conversation: Conversation) -> Conversation:
    """The recipient accepts a message request (waiting or ignored): both can write from now on. The sender
    finds out when they are answered (no notification kind says "accepted" yet)."""
    _require_participant(actor, conversation)
    if conversation.status == Conversation.Status.ACCEPTED:
        return conversation
    if conversation.recipient_id != actor.pk:
        raise ValidationError({"conversation": _("Only the person who received the request can accept it.")})
    if not rules.may_accept(actor, conversation):
        raise ValidationError({"conversation": _("You can't reply in this conversation.")})
    with transaction.atomic():
        Conversation.objects.filter(pk=conversation.pk).exclude(status=Conversation.Status.ACCEPTED).update(
            status=Conversation.Status.ACCEPTED, accepted_at=timezone.now()
        )
        ConversationState.objects.filter(conversation=conversation, user=actor.pk).update(archived_at=None)
    conversation.refresh_from_db(fields=["status", "accepted_at"])
    return conversation


def ignore(*, actor, conversation: Conversation) -> Conversation:
    """The recipient ignores a message request: it leaves their requests, quietly. The sender is not told (to
    them it is still waiting) and can't send more; it can still be accepted later."""
    _require_participant(actor, conversation)
    if conversation.recipient_id != actor.pk or conversation.status == Conversation.Status.ACCEPTED:
        raise ValidationError(
            {"conversation": _("Only a message request you received can be ignored. You can archive this instead.")}
        )
    Conversation.objects.filter(pk=conversation.pk, status=Conversation.Status.REQUEST).update(
        status=Conversation.Status.IGNORED
    )
    mark_read(actor=actor, conversation=conversation)
    conversation.refresh_from_db(fields=["status"])
    return conversation


def mark_read(*, actor, conversation: Conversation) -> None:
    _require_participant(actor, conversation)
    ConversationState.objects.filter(conversation=conversation, user=actor.pk).update(last_read_at=timezone.now())


def archive(*, actor, conversation: Conversation) -> None:
    """Take a conversation out of one's inbox (read); it comes back when a new message arrives."""
    _require_participant(actor, conversation)
    now = timezone.now()
    ConversationState.objects.filter(conversation=conversation, user=actor.pk).update(archived_at=now, last_read_at=now)


def unarchive(*, actor, conversation: Conversation) -> None:
    _require_participant(actor, conversation)
    ConversationState.objects.filter(conversation=conversation, user=actor.pk).update(archived_at=None)


def delete_message(*, actor, message: Message) -> Message:
    """The sender deletes their message: it stays in the thread as "Message deleted", without its words.

    A message held or hidden by moderation is deleted for both participants at once, but its words and
    screening labels stay for the moderators until they decide (`forget_deleted_words`): deleting can't erase
    what a moderator has yet to read."""
    if message.sender_id is None or message.sender_id != getattr(actor, "pk", None):
        raise PermissionDenied(_("You can only delete your own messages."))
    if message.deleted_at is None:
        now = timezone.now()
        rows = Message.objects.filter(pk=message.pk, deleted_at__isnull=True)
        with transaction.atomic():
            # Read again under a lock: a moderator's decision made meanwhile decides whether the words go.
            message.visibility = rows.select_for_update().values_list("visibility", flat=True).first()
            if message.visibility == Visibility.PUBLISHED:
                rows.update(body="", deleted_at=now, screening_labels=[])
                message.body, message.screening_labels = "", []
            else:
                rows.update(deleted_at=now)
        message.deleted_at = now
    return message


def forget_deleted_words(*, message: Message) -> None:
    """Once a moderator decided about a message its sender deleted, its words and labels go."""
    if message.deleted_at is not None:
        Message.objects.filter(pk=message.pk, deleted_at__isnull=False).update(body="", screening_labels=[])
        message.body, message.screening_labels = "", []


def message_decided(*, message: Message, action: str, before: str = "") -> None:
    """A moderator decided about a direct message (moderation's `content_decided`, connected in
    community.receivers). Its sender deleted it: its words go now. Published from held (or hidden), it reaches
    the other person as a new message would: the conversation moves up, comes back from their archive, reads as
    unread, and they are told (a request only for its first message; nobody across a block)."""
    if message.deleted_at is not None:
        forget_deleted_words(message=message)
        return
    if action != "restore" or before == Visibility.PUBLISHED or message.visibility != Visibility.PUBLISHED:
        return
    conversation = Conversation.objects.filter(pk=message.conversation_id).first()
    if conversation is None or message.sender_id is None:
        return
    other_id = conversation.other_id(message.sender_id)
    now = timezone.now()
    with transaction.atomic():
        Conversation.objects.filter(pk=conversation.pk).update(last_message_at=now)
        if not other_id or rules.blocked_between(message.sender_id, other_id):
            return
        state = ConversationState.objects.filter(conversation=conversation, user=other_id)
        state.update(archived_at=None)
        # Unread: their last reading is put just before it (unread is one mark per conversation).
        state.filter(last_read_at__gte=message.created_at).update(
            last_read_at=message.created_at - timedelta(microseconds=1)
        )
        accepted = conversation.status == Conversation.Status.ACCEPTED
        first = not conversation.messages.filter(pk__lt=message.pk).exists()
        if accepted or (first and conversation.status == Conversation.Status.REQUEST):
            notify(
                recipient=other_id,
                kind=Notification.Kind.MESSAGE,
                actor=message.sender_id,
                target=conversation,
                group_key=f"conversation:{conversation.pk}" + ("" if accepted else ":request"),
                dedupe_key=f"message:{message.pk}",
                data={} if accepted else {"request": True},
            )


def block_from_conversation(*, actor, conversation: Conversation) -> bool:
    """Block the other person (community.services.social.block: each is hidden from the other, follows end) and
    archive the conversation for the actor. Neither can write in it any more; they are not told."""
    _require_participant(actor, conversation)
    other_id = conversation.other_id(actor.pk)
    other = rules.other_person(conversation, actor.pk)
    if other_id is None or other is None:
        raise ValidationError({"conversation": _("This member's account was erased: there is no one to block.")})
    with transaction.atomic():
        created = block_person(actor=actor, user=other)
        archive(actor=actor, conversation=conversation)
    return created


__all__ = [
    "Sent",
    "accept",
    "archive",
    "block_from_conversation",
    "delete_message",
    "forget_deleted_words",
    "message_decided",
    "ignore",
    "mark_read",
    "send_message",
    "start_conversation",
    "unarchive",
]
