from django.contrib.admin.apps import AdminConfig


class HeartenAdminConfig(AdminConfig):
    default_site = "config.admin.HeartenAdminSite"
