"""Moderators see and act on the library in the admin; staff admins hold every permission that now exists."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR = {
    "organisation": ["view", "change"],
    "organisationmember": ["view"],
    "resource": ["view", "change"],
    "helpline": ["view", "change", "add"],
    "channel": ["view", "change"],
    "openinghours": ["view"],
    "emergencynumber": ["view", "change"],
    "topic": ["view"],
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
                Permission.objects.get(content_type__app_label="resources", codename=f"{action}_{model}")
            )
    staff_admin, _ = Group.objects.get_or_create(name="staff_admin")
    staff_admin.permissions.set(Permission.objects.all())


class Migration(migrations.Migration):
    dependencies = [("resources", "0003_search"), ("community", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
