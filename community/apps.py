from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        # DRF copies DEFAULT_THROTTLE_CLASSES onto its views when rest_framework.views is first imported.
        # Import it now, while the settings are the configured ones, not a test's override of the moment;
        # config.api_defaults' throttles read the current list and rates on every request.
        import rest_framework.views  # noqa: F401
