"""Direct messages: a conversation between two people, started as a request unless they follow each other.

Erasing one person's account keeps the other's copy of the conversation readable: the sender becomes
NULL (shown as an erased member) and the erased person's messages are blanked by the erasure service.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from moderation.models import Moderated

MAX_MESSAGE = 2_000


class Conversation(models.Model):
    """Two people. `pair_key` ("small-pk:large-pk") keeps one conversation per pair."""

    class Status(models.TextChoices):
        REQUEST = "request", _("Message request")
        ACCEPTED = "accepted", _("Accepted")
        IGNORED = "ignored", _("Ignored")

    pair_key = models.CharField(max_length=41, unique=True, editable=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="conversations_started"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="conversations_received"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUEST)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    last_message_at = models.DateTimeField(_("last message"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_message_at", "-pk"]

    def __str__(self):
        return f"conversation {self.pk}"

    @staticmethod
    def key_for(a_id: int, b_id: int) -> str:
        low, high = sorted((int(a_id), int(b_id)))
        return f"{low}:{high}"

    def participant_ids(self) -> set[int]:
        return {int(part) for part in self.pair_key.split(":")}

    def other_id(self, user_id: int) -> int | None:
        others = self.participant_ids() - {user_id}
        return next(iter(others), None)


class ConversationState(models.Model):
    """Each participant's own view of a conversation: what they have read, and whether they left it."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="states")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversation_states")
    last_read_at = models.DateTimeField(null=True, blank=True)
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="community_conversation_state_once")
        ]

    def __str__(self):
        return f"{self.user_id} in {self.conversation_id}"


class Message(Moderated):
    """One direct message. Bodies are shown to the two participants, and to moderators only through a report."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="messages_sent"
    )
    body = models.TextField(_("message"), max_length=MAX_MESSAGE)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    class Meta:
        verbose_name = _("direct message")
        verbose_name_plural = _("direct messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["conversation", "created_at"], name="community_message_thread")]

    def __str__(self):
        return f"message {self.pk}"
