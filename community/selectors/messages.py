"""Reads about direct messages, for one person: who they may write to, their inbox, a thread's messages.

Only the two participants of a conversation ever get its messages from here (staff included: moderators read
a message only through the admin, when screening held it or a moderator hid it). A held or hidden message is
shown to its sender only. The rules for who may write to whom live here (`may_start`, `may_send`) so the
pages, the API and the services decide the same way:

- Nobody writes to themselves, nor across a block (either way).
- The recipient's `messages_from`: nobody, people they follow, or any member.
- Refusals never tell who blocked whom, who was suspended or who is under 18: a block, a suspended or erased
  account read "@x isn't taking new messages." as "nobody" does; the rule for minors reads as "people they
  follow" does; and in a conversation, all of those read "You can't reply in this conversation."
- After a block, the person who was blocked keeps what was said until then, but nothing newer from the blocker
  (a message a moderator publishes later included), nor their current name: they are "a member". The blocker
  still reads the whole conversation (to report it).
- Two people who follow each other start an accepted conversation; anyone else allowed sends a message request
  (one message) that the recipient accepts or ignores; the sender is never told it was ignored ("waiting").
- An adult can write to a member under 18 only if that member follows them. A member under 18 can start a
  conversation with an adult only when they follow each other; a conversation between an adult and a minor
  stays usable, both ways, only while the minor follows the adult.
- An account younger than the trust settings' `new_account_message_days` can't start conversations; it can
  reply in conversations others started.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.contrib.auth.models import Permission
from django.db.models import (
    CharField,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from moderation import trust
from moderation.models import Visibility, warning_labels

from ..ids import id_or_none
from ..models import Block, Conversation, ConversationState, Follow, Message, MessagesFrom, TopicChoice, User
from .notifications import register_target_links
from .preferences import sensitive_choice

INBOX, REQUESTS, IGNORED, ARCHIVED = "inbox", "requests", "ignored", "archived"
BOXES = (INBOX, REQUESTS, IGNORED, ARCHIVED)
THREAD_PAGE = 50
INBOX_PAGE = 100
PREVIEW_CHARS = 90
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


# Who may write to whom


@dataclass(frozen=True)
class Verdict:
    """Whether someone may start a conversation or send in one, and if not, what to tell them.

    `code`: "" when allowed; "forbidden" (their own account can't send), "refused" (the other's settings, the
    rules for minors, a block, a suspended or erased account: the same words for each, so none gives the
    others away), "new_account", "waiting" (their request is not accepted yet), "not_accepted" (they received a
    request: accept it first), "self". `field` names what the refusal is about, for forms and the API."""

    allowed: bool
    status: str = ""  # starting only: the new conversation's status, accepted or request
    reason: str = ""
    code: str = ""
    field: str = "recipient"


def can_send_messages(user, *, facts=None) -> bool:
    """An active member allowed to post (`facts`: a `between()` read with the permission, to save queries)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if facts is not None and facts.a_may_post is not None:
        return user.is_superuser or facts.a_may_post
    return user.has_perm("community.post_content")


@dataclass(frozen=True)
class Between:
    """What stands between two people, read in one query: a block either way, follows, their conversation."""

    blocked: bool
    a_follows_b: bool
    b_follows_a: bool
    conversation_id: int | None
    a_may_post: bool | None = None  # read only when asked (`with_permission`): else has_perm decides


def _has_post_permission(user_id):
    """Exists(): the user holds community.post_content, directly or through a group (as ModelBackend reads it;
    a superuser holds every permission, which the caller checks)."""
    return Exists(
        Permission.objects.filter(content_type__app_label="community", codename="post_content").filter(
            Q(user=user_id) | Q(group__user=user_id)
        )
    )


def between(a_id: int, b_id: int, *, with_permission: bool = False) -> Between:
    def follows(follower, followed):
        return Exists(Follow.objects.filter(follower=follower, followed=followed))

    fields = ["blocked", "a_follows_b", "b_follows_a", "conversation_id"]
    annotations = {
        "blocked": Exists(Block.objects.filter(Q(blocker=a_id, blocked=b_id) | Q(blocker=b_id, blocked=a_id))),
        "a_follows_b": follows(a_id, b_id),
        "b_follows_a": follows(b_id, a_id),
        "conversation_id": Subquery(
            Conversation.objects.filter(pair_key=Conversation.key_for(a_id, b_id)).values("pk")[:1]
        ),
    }
    if with_permission:
        annotations["a_may_post"] = _has_post_permission(a_id)
        fields.append("a_may_post")
    row = User.objects.filter(pk=b_id).annotate(**annotations).values(*fields).first()
    return Between(**row) if row else Between(False, False, False, None)


def blocked_between(a_id, b_id) -> bool:
    if not (a_id and b_id) or a_id == b_id:
        return False
    return Block.objects.filter(Q(blocker=a_id, blocked=b_id) | Q(blocker=b_id, blocked=a_id)).exists()


def new_account_days_left(user, *, now=None) -> int:
    """How many more days `user` must wait before starting a conversation (0: they may)."""
    days = trust.settings().new_account_message_days
    joined = getattr(user, "date_joined", None)
    if not days or joined is None:
        return 0
    opens = joined + timedelta(days=days)
    now = now or timezone.now()
    if now >= opens:
        return 0
    return max(1, (opens - now + timedelta(seconds=86_399)).days)


def _not_taking(person) -> Verdict:
    """Starting: the words for "messages from nobody", which a block, a suspended or an erased account share."""
    if person is None:
        return Verdict(False, reason=_("This member isn't taking new messages."), code="refused")
    return Verdict(
        False, reason=_("@%(handle)s isn't taking new messages.") % {"handle": person.handle}, code="refused"
    )


def _follows_only(person) -> Verdict:
    """Starting: the words for "people they follow", which the rule for minors shares."""
    return Verdict(
        False,
        reason=_("@%(handle)s only gets messages from people they follow.") % {"handle": person.handle},
        code="refused",
    )


def _cant_reply() -> Verdict:
    """In a conversation: a block, a suspended or erased account, or the rule for minors, all in one sentence."""
    return Verdict(False, reason=_("You can't reply in this conversation."), code="refused", field="conversation")


def _minor_rule(sender, other, *, sender_follows: bool, other_follows: bool, starting: bool) -> Verdict | None:
    """The rules between an adult and a member under 18, or None when they allow it (or don't apply)."""
    sender_minor, other_minor = sender.is_minor, other.is_minor
    if sender_minor == other_minor:
        return None
    handle = {"handle": other.handle}
    if other_minor and not other_follows:
        # The words of an adult's "people they follow" setting: never tell an adult that someone is under 18.
        return _follows_only(other) if starting else _cant_reply()
    if sender_minor and starting and not (sender_follows and other_follows):
        return Verdict(
            False, reason=_("You can message @%(handle)s once you follow each other.") % handle, code="refused"
        )
    if sender_minor and not sender_follows:
        return Verdict(
            False,
            reason=_("You can message @%(handle)s again once you follow them.") % handle,
            code="refused",
            field="conversation",
        )
    return None


def may_start(sender, recipient, *, check_account_age: bool = True, facts: Between | None = None) -> Verdict:
    """Whether `sender` may start a new conversation with `recipient`, and as what (accepted or a request).

    Does not look for a conversation they already have: see `conversation_between`. `facts`: `between()` the
    two, when the caller read it already."""
    if recipient is not None and getattr(sender, "pk", None) == recipient.pk:
        return Verdict(False, reason=_("You can't message yourself."), code="self")
    if not can_send_messages(sender, facts=facts):
        return Verdict(False, reason=_("You can't send messages right now."), code="forbidden", field="")
    if recipient is None or not recipient.is_active:
        return _not_taking(recipient)
    facts = facts or between(sender.pk, recipient.pk)
    if facts.blocked:
        return _not_taking(recipient)
    if check_account_age:
        days = new_account_days_left(sender)
        if days:
            return Verdict(
                False,
                reason=ngettext(
                    "New accounts can start conversations after a few days: you can start one in %(days)d day. "
                    "Until then, you can reply when someone messages you.",
                    "New accounts can start conversations after a few days: you can start one in %(days)d days. "
                    "Until then, you can reply when someone messages you.",
                    days,
                )
                % {"days": days},
                code="new_account",
                field="",
            )
    if recipient.messages_from == MessagesFrom.NOBODY:
        return _not_taking(recipient)
    sender_follows, recipient_follows = facts.a_follows_b, facts.b_follows_a
    refused = _minor_rule(
        sender, recipient, sender_follows=sender_follows, other_follows=recipient_follows, starting=True
    )
    if refused is not None:
        return refused
    if recipient.messages_from == MessagesFrom.FOLLOWING and not recipient_follows:
        return _follows_only(recipient)
    mutual = sender_follows and recipient_follows
    return Verdict(True, status=Conversation.Status.ACCEPTED if mutual else Conversation.Status.REQUEST)


def other_person(conversation: Conversation, viewer_id: int) -> User | None:
    """The other participant (None when their account was erased). Uses the loaded relations."""
    if conversation.started_by_id == viewer_id:
        return conversation.recipient
    return conversation.started_by


def may_send(sender, conversation: Conversation) -> Verdict:
    """Whether `sender` may send a message in `conversation` now, and if not, what to tell them."""
    if getattr(sender, "pk", None) not in conversation.participant_ids():
        return _cant_reply()
    if not can_send_messages(sender):
        return Verdict(False, reason=_("You can't send messages right now."), code="forbidden", field="")
    other = other_person(conversation, sender.pk)
    if other is None or not other.is_active:
        return _cant_reply()
    facts = between(sender.pk, other.pk)
    if facts.blocked:
        return _cant_reply()
    sender_follows, other_follows = facts.a_follows_b, facts.b_follows_a
    refused = _minor_rule(sender, other, sender_follows=sender_follows, other_follows=other_follows, starting=False)
    if refused is not None:
        return Verdict(False, reason=refused.reason, code=refused.code, field="conversation")
    if conversation.status != Conversation.Status.ACCEPTED:
        if conversation.started_by_id == sender.pk:
            return Verdict(
                False,
                reason=_("Your message request is waiting: you can send more once @%(handle)s accepts it.")
                % {"handle": other.handle},
                code="waiting",
                field="conversation",
            )
        return Verdict(False, reason=_("Accept the request to reply."), code="not_accepted", field="conversation")
    return Verdict(True, status=conversation.status)


def may_accept(viewer, conversation: Conversation) -> bool:
    """The recipient of a request (waiting or ignored) may accept it, unless either blocked the other."""
    return (
        conversation.status != Conversation.Status.ACCEPTED
        and conversation.recipient_id == getattr(viewer, "pk", None)
        and conversation.started_by_id is not None
        and not blocked_between(viewer.pk, conversation.started_by_id)
    )


def conversation_between(a, b) -> Conversation | None:
    a_id, b_id = getattr(a, "pk", a), getattr(b, "pk", b)
    if not (a_id and b_id) or a_id == b_id:
        return None
    return Conversation.objects.filter(pair_key=Conversation.key_for(a_id, b_id)).first()


def message_link(*, viewer, person) -> str:
    """Where a "Message" button on `person`'s profile leads for `viewer`, or "" for no button: their
    conversation, or a new one when the rules let the viewer start it."""
    if not getattr(viewer, "is_authenticated", False) or viewer.pk == person.pk or not person.is_active:
        return ""
    facts = between(viewer.pk, person.pk, with_permission=True)  # one query for everything below
    if facts.blocked:
        return ""
    if facts.conversation_id is not None:
        return reverse("community:conversation", args=[facts.conversation_id])
    if may_start(viewer, person, facts=facts).allowed:
        return reverse("community:message_new", args=[person.handle])
    return ""


# Reading


@register_target_links("community.conversation")
def _conversation_links(*, viewer, ids) -> dict[int, str]:
    """Message notifications link to the conversation, for its participants."""
    own = ConversationState.objects.filter(user=viewer.pk, conversation_id__in=ids).values_list(
        "conversation_id", flat=True
    )
    return {pk: reverse("community:conversation", args=[pk]) for pk in own}


def conversation_for(*, viewer, pk) -> Conversation | None:
    """A conversation the viewer takes part in (with both people loaded), or None: to anyone else, staff
    included, it does not exist."""
    if not getattr(viewer, "is_authenticated", False):
        return None
    pk = id_or_none(pk)
    if pk is None:
        return None
    conversation = Conversation.objects.select_related("started_by", "recipient").filter(pk=pk).first()
    if conversation is None or viewer.pk not in conversation.participant_ids():
        return None
    return conversation


def person_to_write_to(handle: str) -> User | None:
    """The active account with this handle (in any case), or None; whether the viewer may write to them is
    `may_start`'s to say."""
    return User.objects.filter(handle__iexact=handle, is_active=True).first()


def own_message(*, viewer, conversation, pk) -> Message | None:
    """A message the viewer sent in this conversation (deleted or not), or None."""
    pk = id_or_none(pk)
    if pk is None:
        return None
    return Message.objects.filter(pk=pk, conversation=conversation, sender=viewer.pk).first()


def state_for(*, viewer, conversation) -> ConversationState | None:
    return ConversationState.objects.filter(conversation=conversation, user=viewer.pk).first()


def _visible_to(viewer_id) -> Q:
    """Messages a participant sees: everything published, and their own whatever moderation decided; but
    nothing the other person sent after they blocked the viewer (a held message published later included)."""
    after_their_block = Exists(
        Block.objects.filter(blocker=OuterRef("sender"), blocked=viewer_id, created_at__lt=OuterRef("created_at"))
    )
    return (Q(visibility=Visibility.PUBLISHED) | Q(sender=viewer_id)) & ~Q(after_their_block)


def has_blocked(viewer, conversation) -> bool:
    """The viewer blocked the other person (whether or not that person blocked them too)."""
    other_id = conversation.other_id(viewer.pk)
    return bool(other_id) and Block.objects.filter(blocker=viewer.pk, blocked=other_id).exists()


def withheld_from(viewer, conversation) -> bool:
    """The other person blocked the viewer: they are no longer shown by name (nor is anything newer). Unless
    the viewer blocked them first: a block back from the person they blocked must not take away the name of
    who bothered them, nor tell them they were blocked in turn."""
    other_id = conversation.other_id(viewer.pk)
    if not other_id:
        return False
    blocks = dict(
        Block.objects.filter(
            Q(blocker=other_id, blocked=viewer.pk) | Q(blocker=viewer.pk, blocked=other_id)
        ).values_list("blocker_id", "created_at")
    )
    theirs, mine = blocks.get(other_id), blocks.get(viewer.pk)
    return theirs is not None and (mine is None or theirs <= mine)


@dataclass
class ShownMessage:
    """One message as the viewer sees it."""

    message: Message
    mine: bool
    deleted: bool
    waiting: bool  # held for a moderator: only its sender sees it
    hidden: bool  # hidden or removed by a moderator: only its sender sees it
    # The viewer's sensitive-topic settings for its warnings: "show", "collapse" (behind its warning) or
    # "hide" (a line says a message was hidden; as it is addressed to them, they may open it on purpose).
    choice: str = TopicChoice.SHOW
    revealed: bool = False  # asked to see a hidden one anyway

    @property
    def folded(self) -> bool:
        return self.choice == TopicChoice.COLLAPSE and not self.deleted

    @property
    def hidden_by_choice(self) -> bool:
        return self.choice == TopicChoice.HIDE and not self.deleted

    @property
    def warnings(self) -> list[str]:
        return warning_labels(self.message.content_warnings) if self.choice != TopicChoice.SHOW else []

    @property
    def body(self) -> str:
        if self.deleted or (self.hidden_by_choice and not self.revealed):
            return ""
        return self.message.body

    @property
    def note(self) -> str:
        if self.waiting:
            return self.message.held_reason or _("Waiting for a moderator. Only you can see it for now.")
        if self.hidden:
            return _("A moderator hid this message. Only you can see it.")
        return ""


@dataclass
class ThreadPage:
    messages: list[ShownMessage]
    has_older: bool
    has_newer: bool


def shown_message(message: Message, *, viewer, reveal: bool = False) -> ShownMessage:
    """One message for `viewer`; `reveal`: they asked to see it even if their settings hide its topic."""
    viewer_id = getattr(viewer, "pk", None)
    mine = message.sender_id is not None and message.sender_id == viewer_id
    deleted = message.deleted_at is not None
    choice = TopicChoice.SHOW
    if message.content_warnings and not deleted and not mine:  # one's own words are never folded away
        choice = sensitive_choice(message.content_warnings, viewer=viewer)
    return ShownMessage(
        message=message,
        mine=mine,
        deleted=deleted,
        waiting=mine and message.visibility == Visibility.HELD,
        hidden=mine and message.visibility in (Visibility.HIDDEN, Visibility.REMOVED),
        choice=choice,
        revealed=reveal,
    )


def thread(
    *, viewer, conversation, after=None, before=None, size: int = THREAD_PAGE, reveal: bool = False
) -> ThreadPage:
    """The messages of a conversation the viewer takes part in, oldest first: the newest `size`, or those
    after (or before) a message id. One query (and the viewer's preferences once, if a message has a
    warning). `reveal`: keep the words of messages the viewer's settings hide (they asked to see them)."""
    if viewer.pk not in conversation.participant_ids():
        return ThreadPage([], False, False)
    rows = Message.objects.filter(conversation=conversation).filter(_visible_to(viewer.pk)).select_related("sender")

    def shown(found):
        return [shown_message(m, viewer=viewer, reveal=reveal) for m in found]

    if after is not None:
        found = list(rows.filter(pk__gt=after).order_by("pk")[: size + 1])
        return ThreadPage(shown(found[:size]), has_older=False, has_newer=len(found) > size)
    if before is not None:
        rows = rows.filter(pk__lt=before)
    found = list(rows.order_by("-pk")[: size + 1])
    return ThreadPage(shown(reversed(found[:size])), has_older=len(found) > size, has_newer=before is not None)


# The inbox


@dataclass
class InboxItem:
    """One conversation in a list, as the viewer sees it."""

    state: ConversationState
    conversation: Conversation
    other: User | None  # None: an erased member
    preview: str
    preview_mine: bool
    last_at: datetime
    unread: bool
    waiting: bool  # the viewer's own request, not accepted yet (ignored ones look the same to them)
    request: bool  # a request the viewer received
    withheld: bool = False  # the other person blocked the viewer: not named any more ("a member")


def _unread_from_other(viewer_id):
    """Exists(): a published, undeleted message from the other person after the viewer last read."""
    return Exists(
        Message.objects.filter(
            _visible_to(viewer_id),
            conversation=OuterRef("conversation"),
            visibility=Visibility.PUBLISHED,
            deleted_at__isnull=True,
            created_at__gt=Coalesce(OuterRef("last_read_at"), Value(_EPOCH, output_field=DateTimeField())),
        ).exclude(sender=viewer_id)
    )


def _they_blocked_me(viewer_id):
    return Exists(
        Block.objects.filter(
            Q(blocked=viewer_id, blocker=OuterRef("conversation__recipient"))
            | Q(blocked=viewer_id, blocker=OuterRef("conversation__started_by"))
        )
    )


def _i_blocked_them(viewer_id):
    """The viewer blocked the other person: the conversation leaves their inbox (it stays under Archived)."""
    return Exists(
        Block.objects.filter(
            Q(blocker=viewer_id, blocked=OuterRef("conversation__recipient"))
            | Q(blocker=viewer_id, blocked=OuterRef("conversation__started_by"))
        )
    )


def _listed(viewer_id) -> Q:
    """Conversations of the inbox proper: accepted ones, and the viewer's own requests."""
    return Q(conversation__status=Conversation.Status.ACCEPTED) | Q(conversation__started_by=viewer_id)


def _archived() -> Q:
    return Q(archived_at__isnull=False, last_at__lte=F("archived_at")) | Q(blocked_by_me=True)


def _states(viewer) -> QuerySet[ConversationState]:
    visible = (
        Message.objects.filter(conversation=OuterRef("conversation"))
        .filter(_visible_to(viewer.pk))
        .order_by("-created_at", "-pk")
    )
    return (
        ConversationState.objects.filter(user=viewer.pk)
        .select_related("conversation__started_by", "conversation__recipient")
        .annotate(
            last_at=Subquery(visible.values("created_at")[:1], output_field=DateTimeField()),
            last_body=Subquery(visible.values("body")[:1], output_field=CharField()),
            last_sender_id=Subquery(visible.values("sender_id")[:1], output_field=IntegerField()),
            last_deleted_at=Subquery(visible.values("deleted_at")[:1], output_field=DateTimeField()),
            unread=_unread_from_other(viewer.pk),
            blocked_by_me=_i_blocked_them(viewer.pk),
            withheld=_they_blocked_me(viewer.pk),
        )
        .filter(last_at__isnull=False)  # a request whose only message waits for a moderator is not there yet
        # A message a moderator published later moves its conversation up (last_message_at), as a new one does.
        .annotate(moved_at=Greatest("last_at", Coalesce("conversation__last_message_at", "last_at")))
    )


def conversations(*, viewer, box: str = INBOX) -> QuerySet[ConversationState]:
    """The viewer's conversations in one box, most recent first, annotated for `inbox_items` (one query).

    inbox: accepted conversations and the viewer's own requests (shown as waiting, ignored or not);
    requests: requests they received and have not answered; ignored: those they ignored; archived: those
    they archived with nothing newer since, and those with people they blocked."""
    if box not in BOXES:
        box = INBOX
    states = _states(viewer)
    status = Conversation.Status
    if box == INBOX:
        states = states.filter(_listed(viewer.pk)).exclude(_archived())
    elif box == REQUESTS:
        states = states.filter(conversation__status=status.REQUEST, conversation__recipient=viewer.pk)
        states = states.exclude(_archived())
    elif box == IGNORED:
        states = states.filter(conversation__status=status.IGNORED, conversation__recipient=viewer.pk)
        states = states.exclude(blocked_by_me=True)
    else:
        states = states.filter(_listed(viewer.pk) | Q(conversation__status=status.REQUEST)).filter(_archived())
    return states.order_by("-moved_at", "-pk")


def inbox_items(states, *, viewer) -> list[InboxItem]:
    """Items for states from `conversations()`: no further queries."""
    items = []
    for state in states:
        conversation = state.conversation
        deleted = state.last_deleted_at is not None
        preview = _("Message deleted") if deleted else " ".join((state.last_body or "").split())
        if len(preview) > PREVIEW_CHARS:
            preview = preview[: PREVIEW_CHARS - 1].rstrip() + "…"
        mine = state.last_sender_id == viewer.pk
        withheld = bool(getattr(state, "withheld", False))
        items.append(
            InboxItem(
                state=state,
                conversation=conversation,
                other=None if withheld else other_person(conversation, viewer.pk),
                preview=preview,
                preview_mine=mine,
                last_at=state.last_at,
                unread=state.unread,
                waiting=conversation.status != Conversation.Status.ACCEPTED and conversation.started_by_id == viewer.pk,
                request=conversation.status == Conversation.Status.REQUEST and conversation.recipient_id == viewer.pk,
                withheld=withheld,
            )
        )
    return items


def box_counts(*, viewer) -> dict[str, int]:
    """How many unanswered requests the viewer has (for the "Requests" tab)."""
    return {REQUESTS: conversations(viewer=viewer, box=REQUESTS).count()}


def unread_conversation_count(user) -> int:
    """How many of the person's conversations (their inbox and the requests they received) have a message they
    have not read: for a badge. One query."""
    if not getattr(user, "is_authenticated", False):
        return 0
    states = _states(user).filter(
        _listed(user.pk) | Q(conversation__status=Conversation.Status.REQUEST, conversation__recipient=user.pk)
    )
    return states.exclude(_archived()).filter(unread=True).count()


__all__ = [
    "ARCHIVED",
    "BOXES",
    "Between",
    "IGNORED",
    "INBOX",
    "REQUESTS",
    "InboxItem",
    "ShownMessage",
    "ThreadPage",
    "Verdict",
    "between",
    "blocked_between",
    "box_counts",
    "can_send_messages",
    "conversation_between",
    "conversation_for",
    "conversations",
    "inbox_items",
    "may_accept",
    "may_send",
    "may_start",
    "message_link",
    "new_account_days_left",
    "other_person",
    "shown_message",
    "state_for",
    "thread",
    "unread_conversation_count",
    "withheld_from",
]
