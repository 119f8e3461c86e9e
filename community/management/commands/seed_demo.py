"""Demo accounts for every role, with profiles. Idempotent: run again, it changes nothing."""

from datetime import date

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction

from community import services
from community.models import Role, User
from resources.demo import helplines as resources_demo_helplines
from resources.demo import library as resources_demo_library

DEMO_PASSWORD = "hearten-demo-2026"

DEMO_PEOPLE = [
    {
        "handle": "sam",
        "display_name": "Sam",
        "pronouns": "they/them",
        "bio": "Learning to be kinder to myself, one small step at a time.",
        "country": "GB",
        "time_zone": "Europe/London",
        "roles": [],
        "born": (1998, 4),
    },
    {
        "handle": "jo_teen",
        "display_name": "Jo",
        "pronouns": "she/her",
        "bio": "Art, dogs and trying out journaling.",
        "country": "IE",
        "time_zone": "Europe/Dublin",
        "roles": [],
        "born": None,  # a minor: set below from today's date, so it stays a minor
    },
    {
        "handle": "maya_moves",
        "display_name": "Maya Moves",
        "pronouns": "she/her",
        "bio": "Dancer and creator. Starting the #AffirmationDance: move, breathe, say one kind thing to yourself.",
        "country": "US",
        "time_zone": "America/New_York",
        "roles": [Role.CREATOR],
        "born": (1996, 9),
    },
    {
        "handle": "dr_amara",
        "display_name": "Dr Amara Okafor",
        "pronouns": "she/her",
        "bio": "Clinical psychologist working with young people. Here to answer questions about anxiety and sleep.",
        "country": "GB",
        "time_zone": "Europe/London",
        "roles": [Role.EXPERT],
        "born": (1982, 2),
    },
    {
        "handle": "calm_harbour",
        "display_name": "Calm Harbour (organisation)",
        "pronouns": "",
        "bio": "A youth mental-health charity sharing free resources and helplines.",
        "country": "AU",
        "time_zone": "Australia/Sydney",
        "roles": [Role.ORGANISATION_MEMBER],
        "born": (1990, 6),
    },
    {
        "handle": "mod_rosa",
        "display_name": "Rosa (moderator)",
        "pronouns": "she/her",
        "bio": "Part of the Hearten safety team.",
        "country": "DE",
        "time_zone": "Europe/Berlin",
        "roles": [Role.MODERATOR],
        "born": (1991, 11),
    },
    {
        "handle": "admin",
        "display_name": "Hearten team",
        "pronouns": "",
        "bio": "Staff admin of this demo.",
        "country": "",
        "time_zone": "UTC",
        "roles": [Role.STAFF_ADMIN],
        "born": (1985, 1),
    },
]


class Command(BaseCommand):
    help = "Create demo accounts for every role (idempotent) and print their logins."

    def handle(self, *args, **options):
        created = 0
        for person in DEMO_PEOPLE:
            if User.objects.filter(handle__iexact=person["handle"]).exists():
                continue
            with transaction.atomic():
                self._create(person)
            created += 1
        staff = User.objects.get(handle="admin")
        publisher = User.objects.get(handle="calm_harbour")
        helplines = resources_demo_helplines.seed(staff=staff)
        resources = resources_demo_library.seed(staff=staff, publisher=publisher)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data: {created} account(s), {resources} resource(s), {helplines} helpline(s) created."
            )
        )
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD})")
        for person in DEMO_PEOPLE:
            role = person["roles"][0].label if person["roles"] else "Member"
            if person["born"] is None:
                role += " (under 18)"
            self.stdout.write(f"  {person['handle']:<14} {role}")

    def _create(self, person):
        born = person["born"]
        if born is None:
            today = date.today()
            born = (today.year - 15, today.month)
        user = User(
            handle=person["handle"],
            email=f"{person['handle']}@demo.hearten.local",
            pronouns=person["pronouns"],
            bio=person["bio"],
            country=person["country"],
            time_zone=person["time_zone"],
        )
        user.set_password(DEMO_PASSWORD)
        services.sign_up_member(user=user, display_name=person["display_name"], birth_year=born[0], birth_month=born[1])
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
        for role in person["roles"]:
            services.grant_role(actor=None, user=user, role=role)
