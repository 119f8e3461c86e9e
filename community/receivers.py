"""What the community does when another app tells it something happened (connected in apps.ready())."""

from django.dispatch import receiver

from moderation.signals import content_decided

from .services import notifications


@receiver(content_decided, dispatch_uid="community-tell-author-of-decision")
def tell_author_of_decision(sender, *, obj, action, actor=None, reason="", before="", **kwargs):
    """A moderator hid or published content: its author is told (on commit), and what it would have
    notified while it was held is notified now that it is out."""
    notifications.content_decided(obj=obj, action=action, actor=actor, reason=reason, before=before)


@receiver(content_decided, dispatch_uid="community-direct-message-decided")
def direct_message_decided(sender, *, obj, action, before="", **kwargs):
    """A moderator decided about a direct message: see services.messages.message_decided."""
    from .models import Message  # noqa: PLC0415 (receivers load with the app registry)
    from .services import messages  # noqa: PLC0415

    if isinstance(obj, Message):
        messages.message_decided(message=obj, action=action, before=before)
