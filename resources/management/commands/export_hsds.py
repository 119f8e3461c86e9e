"""python manage.py export_hsds DIR: write the published directory as HSDS 3.0 (organizations.json, services.json)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from resources.services.hsds import HSDSExportError, export_hsds


class Command(BaseCommand):
    help = _("Write published organisations, helplines and services as HSDS 3.0: organizations.json, services.json.")

    def add_arguments(self, parser):
        parser.add_argument("directory", help=_("Where to write the files (created if missing)."))
        parser.add_argument(
            "--base-url",
            default="",
            help=_("The site's address, such as https://hearten.example, to give logos full URLs (else left out)."),
        )

    def handle(self, *args, directory, base_url, **options):
        try:
            result = export_hsds(directory=directory, base_url=base_url)
        except (HSDSExportError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Wrote %(organizations)s organizations and %(services)s services to %(directory)s.")
            % {"organizations": result.organizations, "services": result.services, "directory": directory}
        )
        if not result.validated:
            self.stderr.write(_("The official HSDS schemas were not found, so the files were not checked."))
