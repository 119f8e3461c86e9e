"""Moderators edit watched words and read the trust settings and the audit log; staff admins hold every
permission that now exists (the trust settings included). The audit log is never changed by anyone."""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR = {
    "rule": ["view", "add", "change", "delete"],
    "trustsettings": ["view"],
    "auditentry": ["view"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderator, _ = Group.objects.get_or_create(name="moderator")
    for model, actions in MODERATOR.items():
        for action in actions:
            moderator.permissions.add(
                Permission.objects.get(content_type__app_label="moderation", codename=f"{action}_{model}")
            )
    staff_admin, _ = Group.objects.get_or_create(name="staff_admin")
    staff_admin.permissions.set(
        Permission.objects.exclude(
            content_type__app_label="moderation",
            codename__in=["add_auditentry", "change_auditentry", "delete_auditentry"],
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0002_trust_settings_and_audit_log"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
