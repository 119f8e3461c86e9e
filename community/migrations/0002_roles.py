"""Create the role groups of DESIGN.md with their permissions. Later issues add permissions in their own migrations."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "member": ["community.post_content"],
    "creator": ["community.post_content", "community.launch_campaign"],
    "expert": ["community.post_content", "community.review_campaign", "community.host_live_session"],
    "organisation_member": ["community.post_content", "community.publish_resources"],
    "moderator": [
        "community.moderate_content",
        "community.view_user",
        "community.change_user",
    ],
    "staff_admin": "__all__",
}


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, wanted in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        if wanted == "__all__":
            group.permissions.set(Permission.objects.all())
            continue
        for label in wanted:
            app_label, codename = label.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
