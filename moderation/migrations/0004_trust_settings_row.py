"""The one row of trust settings exists from the start, so opening it in the admin never writes."""

from django.db import migrations


def create_row(apps, schema_editor):
    TrustSettings = apps.get_model("moderation", "TrustSettings")
    TrustSettings.objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("moderation", "0003_moderator_permissions")]

    operations = [migrations.RunPython(create_row, migrations.RunPython.noop)]
