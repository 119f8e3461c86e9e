"""python manage.py import_hsds DIR: load HSDS 3.0 organizations.json and services.json, all or nothing."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils.translation import gettext as _

from resources.models import PublicationStatus
from resources.services.hsds import HSDSImportError, import_hsds


class Command(BaseCommand):
    help = _(
        "Import HSDS 3.0 files (organizations.json, services.json) from a directory. Every object is checked "
        "against the official schemas first; if anything is wrong nothing is imported. HSDS ids are kept, so "
        "importing again updates and duplicates nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help=_("The directory holding organizations.json and/or services.json."))
        status = parser.add_mutually_exclusive_group()
        status.add_argument(
            "--publish",
            action="store_const",
            const=PublicationStatus.PUBLISHED,
            dest="status",
            help=_("Publish every imported helpline and resource."),
        )
        status.add_argument(
            "--draft",
            action="store_const",
            const=PublicationStatus.DRAFT,
            dest="status",
            help=_("Make every imported helpline and resource a draft."),
        )
        parser.add_argument(
            "--verify-organisations",
            action="store_true",
            help=_("Mark every imported organisation as verified (needs --actor, a staff member)."),
        )
        parser.add_argument(
            "--verify-helplines",
            action="store_true",
            help=_(
                "Mark every imported helpline as checked by Hearten today, by --actor (a staff member). Without "
                "it, imported helplines are unverified: a file's assured_date is not Hearten's check."
            ),
        )
        parser.add_argument("--actor", default="", help=_("Handle or email of the staff member importing."))

    def handle(self, *args, directory, status, verify_organisations, verify_helplines, actor, **options):
        user = None
        if actor:
            user = get_user_model().objects.filter(Q(handle__iexact=actor) | Q(email__iexact=actor)).first()
            if user is None:
                raise CommandError(_("No account with the handle or email “%(actor)s”.") % {"actor": actor})
        try:
            result = import_hsds(
                directory=directory,
                actor=user,
                verify_organisations=verify_organisations,
                verify_helplines=verify_helplines,
                status=status,
            )
        except HSDSImportError as error:
            raise CommandError(
                _("Nothing was imported:") + "\n" + "\n".join(f"  {message}" for message in error.messages)
            ) from error
        except PermissionDenied as error:
            raise CommandError(str(error)) from error
        for warning in result.warnings:
            self.stderr.write(_("Note: %(warning)s") % {"warning": warning})
        self.stdout.write(
            _(
                "Imported organisations: %(oc)s new, %(ou)s updated; helplines: %(hc)s new, %(hu)s updated; "
                "resources: %(rc)s new, %(ru)s updated."
            )
            % {
                "oc": result.organisations_created,
                "ou": result.organisations_updated,
                "hc": result.helplines_created,
                "hu": result.helplines_updated,
                "rc": result.resources_created,
                "ru": result.resources_updated,
            }
        )
