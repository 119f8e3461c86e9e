from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        # DRF copies DEFAULT_THROTTLE_CLASSES onto its views when rest_framework.views is first imported.
        # Import it now, while the settings are the configured ones, not a test's override of the moment;
        # config.api_defaults' throttles read the current list and rates on every request.
        import rest_framework.views  # noqa: F401

        import moderation

        from . import receivers  # noqa: F401 (moderators' decisions reach authors as notifications)
        from .models import PROFILE_TEXT_FIELDS, ChatMessage, Circle, CirclePost, Comment, Message, Story, User

        # Each kind of notification target registers its links where its reads live: all of them at startup,
        # so a link never depends on which module a request happened to import first.
        from .selectors import messages, notifications  # noqa: F401

        # What a member writes about themselves: moderated, but not a "post" for their standing.
        moderation.register(User, text_fields=PROFILE_TEXT_FIELDS, author_field="id", counts_as_post=False)
        moderation.register(
            Story, text_fields=["title", "body", "image_alt"], author_field="author", live={"status": "posted"}
        )
        moderation.register(Comment, text_fields=["body"], author_field="author")
        moderation.register(
            Circle, text_fields=["title", "description", "guidelines"], author_field="created_by", counts_as_post=False
        )
        moderation.register(CirclePost, text_fields=["body"], author_field="author")
        moderation.register(ChatMessage, text_fields=["body"], author_field="author", counts_as_post=False)
        # Direct messages are screened like everything else; moderators read them only through a report.
        moderation.register(Message, text_fields=["body"], author_field="sender", counts_as_post=False)

        checks.register(site_url_check, checks.Tags.security, deploy=True)


def site_url_check(app_configs=None, **kwargs):
    """`check --deploy`: emails sent by background tasks link to HEARTEN_SITE_URL; in production it should be
    set (SITE_URL), not guessed from ALLOWED_HOSTS."""
    if settings.DEBUG or not getattr(settings, "HEARTEN_SITE_URL_GUESSED", False):
        return []
    return [
        checks.Warning(
            f"SITE_URL is not set and ALLOWED_HOSTS names no plain host: links in emails go to "
            f"{settings.HEARTEN_SITE_URL}.",
            hint="Set SITE_URL to the address people open Hearten at, such as https://hearten.example.org.",
            id="hearten.W001",
        )
    ]
