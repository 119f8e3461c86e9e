"""What the community does when another app tells it something happened (connected in apps.ready())."""

from django.dispatch import receiver

from moderation.signals import content_decided

from .services import notifications


@receiver(content_decided, dispatch_uid="community-tell-author-of-decision")
def tell_author_of_decision(sender, *, obj, action, actor=None, reason="", before="", **kwargs):
    """A moderator hid or published content: its author is told (on commit), and what it would have
    notified while it was held is notified now that it is out."""
    notifications.content_decided(obj=obj, action=action, actor=actor, reason=reason, before=before)
