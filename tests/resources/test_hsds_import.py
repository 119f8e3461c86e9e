"""HSDS 3.0 import: `manage.py import_hsds DIR` loads HSDS files all or nothing, idempotently by HSDS id."""

import copy
import datetime as dt
import io
import json
import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from resources.models import (
    Channel,
    Helpline,
    OpeningHours,
    Organisation,
    PublicationStatus,
    Resource,
    VerificationState,
    utc_today,
)
from resources.services.hsds import HSDSImportError, build_directory, export_hsds, import_hsds
from tests.factories import HelplineFactory, OrganisationFactory, StaffFactory, UserFactory

from .hsds_directory import build_library
from .hsds_schema import EXAMPLES_DIR, needs_hsds

pytestmark = [pytest.mark.django_db, needs_hsds]

EXAMPLE_ORGANIZATION = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
EXAMPLE_SERVICE = "ac148810-d857-441c-9679-408f346de14b"
EXAMPLE_PHONE = "1554f2e2-a373-45db-a3fa-9fc48a61c15e"


def _example(name: str):
    return json.loads((EXAMPLES_DIR / name).read_text())


def _write(directory, *, organizations=None, services=None, raw_services: str | None = None):
    directory.mkdir(parents=True, exist_ok=True)
    if organizations is not None:
        (directory / "organizations.json").write_text(json.dumps(organizations))
    if services is not None:
        (directory / "services.json").write_text(json.dumps(services))
    if raw_services is not None:
        (directory / "services.json").write_text(raw_services)
    return directory


def _import(directory, *args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_hsds", str(directory), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _snapshot() -> dict:
    """Every row the import may touch, field by field, so that "unchanged" means unchanged."""
    tables = [
        Organisation,
        Helpline,
        Channel,
        OpeningHours,
        Resource,
        Helpline.languages.through,
        Helpline.topics.through,
        Resource.topics.through,
        Resource.languages.through,
        Resource.areas.through,
    ]
    return {table.__name__: sorted(map(repr, table.objects.order_by("pk").values())) for table in tables}


# The official examples


def test_the_official_full_examples_import(tmp_path):
    directory = _write(
        tmp_path / "in",
        organizations=_example("organization_full.json"),
        services=_example("service_full.json"),
    )

    out, err = _import(directory)

    assert "organisations: 1 new" in out and "helplines: 1 new" in out
    organisation = Organisation.objects.get(hsds_id=EXAMPLE_ORGANIZATION)
    assert organisation.name == "Example Organization Inc."
    assert organisation.website == "http://example.com"
    assert organisation.email == "email@example.com"
    assert organisation.registration_number == "1234567"
    assert organisation.country == "US"  # from its address
    assert organisation.verification == VerificationState.UNVERIFIED

    helpline = Helpline.objects.get(hsds_id=EXAMPLE_SERVICE)
    assert helpline.organisation == organisation
    assert helpline.name == "Community Counselling"
    assert helpline.status == PublicationStatus.DRAFT
    assert helpline.country == "GB"  # its service area is free text; the phone number is British
    assert helpline.time_zone == "Etc/GMT-3"  # the schedule's "timezone": 3 (UTC+3)
    assert (helpline.verified_on, helpline.verified_by) == (None, None)  # its assured_date is not our check
    assert "assured_date (2005-01-01) does not mark the helpline as checked" in err
    assert helpline.is_free is False  # "Non-NHS patients are expected to pay..."
    assert list(helpline.languages.values_list("code", flat=True)) == ["ur"]

    phone = helpline.channels.get(kind=Channel.Kind.PHONE)
    assert str(phone.hsds_id) == EXAMPLE_PHONE
    assert phone.value == "+441234234567"  # '"+44 1234 234567"' in the file, stored as E.164
    assert phone.label.startswith("Extension 100.")
    assert [(h.weekday, h.opens, h.closes, h.closes_next_day) for h in phone.hours.all()] == [
        (3, dt.time(10), dt.time(18), False),
        (4, dt.time(10), dt.time(18), False),
    ]
    email = helpline.channels.get(kind=Channel.Kind.EMAIL)
    assert (email.value, email.always_open) == ("email@example.com", True)
    # What HSDS has and the library does not keep is named, not silently dropped.
    assert "not a Hearten topic" in err
    assert "not a country we know" in err


def test_the_official_list_examples_import(tmp_path):
    """The API page shape (organization_list.json, service_list.json): `contents` holds the objects."""
    directory = _write(
        tmp_path / "in",
        organizations=_example("organization_list.json"),
        services=_example("service_list.json"),
    )

    _import(directory)

    assert Organisation.objects.filter(hsds_id=EXAMPLE_ORGANIZATION).exists()
    # No phones: a service of the library, with the description as its summary.
    resource = Resource.objects.get(hsds_id=EXAMPLE_SERVICE)
    assert resource.kind == Resource.Kind.SERVICE
    assert resource.title == "Community Counselling"
    assert resource.summary.startswith("Counselling Services provided by trained professionals.")
    assert resource.external_url == "http://example.com/counselling"
    assert resource.reviewed_on == dt.date(2005, 1, 1)
    assert resource.status == PublicationStatus.DRAFT
    assert resource.organisation.hsds_id == uuid.UUID(EXAMPLE_ORGANIZATION)


def test_an_organization_file_alone_brings_its_nested_services(tmp_path):
    directory = _write(tmp_path / "in", organizations=_example("organization_full.json"))

    _import(directory)

    helpline = Helpline.objects.get(hsds_id=EXAMPLE_SERVICE)
    assert str(helpline.organisation.hsds_id) == EXAMPLE_ORGANIZATION


def test_a_service_file_alone_brings_its_organization(tmp_path):
    directory = _write(tmp_path / "in", services=[_example("service_full.json")])

    _import(directory)

    assert Helpline.objects.get(hsds_id=EXAMPLE_SERVICE).organisation.name == "Example Organization Inc."


# Idempotence


def test_a_second_import_updates_changed_fields_and_duplicates_nothing(tmp_path):
    organizations, services = _example("organization_full.json"), _example("service_full.json")
    directory = _write(tmp_path / "in", organizations=organizations, services=services)
    _import(directory)
    counts = {model: model.objects.count() for model in (Organisation, Helpline, Resource, Channel, OpeningHours)}
    phone_pk = Channel.objects.get(hsds_id=EXAMPLE_PHONE).pk

    _import(directory)
    assert {model: model.objects.count() for model in counts} == counts

    changed = copy.deepcopy(services)
    changed["name"] = "Community Counselling Service"
    changed["phones"][0]["number"] = "+44 20 7946 0000"
    changed["schedules"][0]["byday"] = "MO,TU,TH,FR"
    changed["schedules"][0]["closes_at"] = "19:30"
    changed_organizations = copy.deepcopy(organizations)
    changed_organizations["website"] = "https://example.org/"
    _write(directory, organizations=changed_organizations, services=changed)

    out, _err = _import(directory)

    assert "organisations: 0 new, 1 updated; helplines: 0 new, 1 updated" in out
    assert {model: model.objects.count() for model in counts if model is not OpeningHours} == {
        model: count for model, count in counts.items() if model is not OpeningHours
    }
    assert Organisation.objects.get(hsds_id=EXAMPLE_ORGANIZATION).website == "https://example.org/"
    helpline = Helpline.objects.get(hsds_id=EXAMPLE_SERVICE)
    assert helpline.name == "Community Counselling Service"
    phone = helpline.channels.get(kind=Channel.Kind.PHONE)
    assert (phone.pk, phone.value) == (phone_pk, "+442079460000")  # the same channel, its number changed
    assert [(h.weekday, h.closes) for h in phone.hours.all()] == [(day, dt.time(19, 30)) for day in (0, 1, 3, 4)]


def test_export_then_import_into_an_empty_library_gives_back_the_same_directory(tmp_path):
    build_library()
    staff = StaffFactory()
    export_hsds(directory=tmp_path / "hsds")
    before = build_directory()
    Resource.objects.all().delete()
    Helpline.objects.all().delete()
    Organisation.objects.all().delete()

    result = import_hsds(
        directory=tmp_path / "hsds", actor=staff, verify_organisations=True, status=PublicationStatus.PUBLISHED
    )

    assert (result.organisations_created, result.helplines_created, result.resources_created) == (2, 2, 2)
    after = build_directory()

    helplines = {str(hsds_id) for hsds_id in Helpline.objects.values_list("hsds_id", flat=True)}
    assert not Helpline.objects.filter(verified_on__isnull=False).exists()  # an import does not verify them

    def comparable(directory):
        organizations, services = directory
        services = copy.deepcopy(services)
        for service in services:
            service.pop("last_modified")
            if service["id"] in helplines:
                service.pop("assured_date", None)  # a helpline's assured_date is when Hearten staff checked it
            service["schedules"] = sorted(service.get("schedules", []), key=lambda schedule: schedule["id"])
        return organizations, services

    assert comparable(after) == comparable(before)
    organisation = Organisation.objects.get(name="Calm Harbour")
    assert (organisation.verification, organisation.verified_by) == (VerificationState.VERIFIED, staff)


# Options: publication and verification


def test_new_services_are_drafts_unless_published_explicitly_and_existing_ones_keep_their_state(tmp_path):
    directory = _write(tmp_path / "in", services=[_example("service_full.json")])

    _import(directory)
    assert Helpline.objects.get(hsds_id=EXAMPLE_SERVICE).status == PublicationStatus.DRAFT

    _import(directory, "--publish")
    assert Helpline.objects.get(hsds_id=EXAMPLE_SERVICE).status == PublicationStatus.PUBLISHED

    _import(directory)  # no option: left as it is
    assert Helpline.objects.get(hsds_id=EXAMPLE_SERVICE).status == PublicationStatus.PUBLISHED

    _import(directory, "--draft")
    assert Helpline.objects.get(hsds_id=EXAMPLE_SERVICE).status == PublicationStatus.DRAFT


def test_only_staff_verify_imported_organisations(tmp_path):
    directory = _write(tmp_path / "in", organizations=_example("organization_list.json"))
    member = UserFactory()

    with pytest.raises(CommandError, match="staff"):
        _import(directory, "--verify-organisations")
    with pytest.raises(PermissionDenied):
        import_hsds(directory=directory, actor=member, verify_organisations=True)
    assert not Organisation.objects.exists()

    staff = StaffFactory()
    _import(directory, "--verify-organisations", "--actor", staff.handle)
    organisation = Organisation.objects.get(hsds_id=EXAMPLE_ORGANIZATION)
    assert (organisation.verification, organisation.verified_by) == (VerificationState.VERIFIED, staff)


def test_a_verified_organisation_stays_verified_and_keeps_its_identity_when_imported_again(tmp_path):
    organisation = OrganisationFactory(
        verification=VerificationState.VERIFIED,
        name="Calm Harbour",
        website="https://calmharbour.example.org/",
        email="hello@calmharbour.example.org",
        registration_number="123",
        country="GB",
    )
    organization = {
        "id": str(organisation.hsds_id),
        "name": "Renamed",
        "description": "New words.",
        "website": "https://elsewhere.example.com/",
        "email": "someone@elsewhere.example.com",
    }

    _out, err = _import(_write(tmp_path / "in", organizations=[organization]))

    organisation.refresh_from_db()
    assert (organisation.name, organisation.verification) == ("Calm Harbour", VerificationState.VERIFIED)
    assert (organisation.website, organisation.email) == (
        "https://calmharbour.example.org/",
        "hello@calmharbour.example.org",
    )
    assert (organisation.registration_number, organisation.country.code) == ("123", "GB")
    assert organisation.description == "New words."  # not part of who it is
    assert err.count("Calm Harbour is verified, so its name, website, email") == 1


def test_an_unverified_organisation_takes_the_files_identity(tmp_path):
    organisation = OrganisationFactory(verification=VerificationState.UNVERIFIED, name="Old Name")
    organization = {"id": str(organisation.hsds_id), "name": "Renamed", "description": ""}

    _out, err = _import(_write(tmp_path / "in", organizations=[organization]))

    organisation.refresh_from_db()
    assert organisation.name == "Renamed"
    assert "is verified" not in err


def test_imported_helplines_are_verified_only_by_staff_who_ask(tmp_path):
    directory = _write(tmp_path / "in", services=[_example("service_full.json")])
    member, staff = UserFactory(), StaffFactory()

    with pytest.raises(CommandError, match="staff"):
        _import(directory, "--verify-helplines")
    with pytest.raises(CommandError, match="staff"):
        _import(directory, "--verify-helplines", "--actor", member.handle)
    with pytest.raises(PermissionDenied):
        import_hsds(directory=directory, actor=member, verify_helplines=True)
    assert not Helpline.objects.exists()

    _out, err = _import(directory, "--verify-helplines", "--actor", staff.handle)

    helpline = Helpline.objects.get(hsds_id=EXAMPLE_SERVICE)
    assert (helpline.verified_on, helpline.verified_by) == (utc_today(), staff)
    assert "assured_date" not in err


def test_a_reimport_that_changes_contacts_clears_the_verification(tmp_path):
    services = _example("service_full.json")
    directory = _write(tmp_path / "in", services=[services])
    staff = StaffFactory()
    _import(directory, "--verify-helplines", "--actor", staff.handle)

    _import(directory)  # the same contacts: still verified
    helpline = Helpline.objects.get(hsds_id=EXAMPLE_SERVICE)
    assert (helpline.verified_on, helpline.verified_by) == (utc_today(), staff)

    changed = copy.deepcopy(services)
    changed["phones"][0]["number"] = "+44 20 7946 0000"
    _write(directory, services=[changed])
    _import(directory)

    helpline.refresh_from_db()
    assert (helpline.verified_on, helpline.verified_by) == (None, None)
    assert str(helpline.channels.get(kind=Channel.Kind.PHONE).hsds_id) == EXAMPLE_PHONE


def test_a_schedule_given_new_times_keeps_its_hsds_id(tmp_path):
    services = _example("service_full.json")
    directory = _write(tmp_path / "in", services=[services])
    _import(directory)
    ids = set(OpeningHours.objects.values_list("hsds_id", flat=True))

    changed = copy.deepcopy(services)
    changed["schedules"][0]["closes_at"] = "19:30"
    _write(directory, services=[changed])
    _import(directory)

    assert set(OpeningHours.objects.values_list("hsds_id", flat=True)) == ids
    assert set(OpeningHours.objects.values_list("closes", flat=True)) == {dt.time(19, 30)}


# Bad input: a specific error, and the database exactly as it was


@pytest.fixture
def library_before(tmp_path):
    """A library with something in it, and a snapshot of it."""
    _import(_write(tmp_path / "first", services=[_example("service_full.json")]))
    HelplineFactory()
    return _snapshot()


def test_a_file_that_is_not_json_is_refused_and_nothing_changes(tmp_path, library_before):
    directory = _write(tmp_path / "in", organizations=_example("organization_list.json"), raw_services='[{"id": "x",]')

    with pytest.raises(CommandError) as error:
        _import(directory)

    assert "Nothing was imported" in str(error.value)
    assert "services.json: not valid JSON" in str(error.value)
    assert "line 1, column" in str(error.value)
    assert _snapshot() == library_before


def test_an_object_failing_the_schema_is_refused_with_file_index_and_path(tmp_path, library_before):
    good = _example("service_full.json")
    good["name"] = "Changed, but must not be saved"
    bad = copy.deepcopy(_example("service_full.json"))
    bad["id"] = str(uuid.uuid4())
    bad["phones"][0]["id"] = "not-a-uuid"
    del bad["status"]
    directory = _write(tmp_path / "in", organizations=_example("organization_list.json"), services=[good, bad])

    with pytest.raises(HSDSImportError) as error:
        import_hsds(directory=directory)

    problems = {(problem.file, problem.index, problem.path) for problem in error.value.problems}
    assert ("services.json", 1, "$[1].phones[0].id") in problems
    assert ("services.json", 1, "$[1]") in problems  # 'status' is a required property
    assert any("'status' is a required property" in message for message in error.value.messages)
    assert _snapshot() == library_before

    with pytest.raises(CommandError, match=r"services\.json, object 1 \(\$\[1\]\.phones\[0\]\.id\): 'not-a-uuid'"):
        _import(directory)
    assert _snapshot() == library_before


def test_an_invalid_phone_number_is_refused_with_its_path(tmp_path, library_before):
    service = _example("service_full.json")
    service["phones"][0]["number"] = "+44 12"

    with pytest.raises(HSDSImportError) as error:
        import_hsds(directory=_write(tmp_path / "in", services=[service]))

    (problem,) = error.value.problems
    assert (problem.file, problem.index, problem.path) == ("services.json", 0, "$[0].phones[0]")
    assert "not a valid phone number" in problem.message
    assert _snapshot() == library_before


def test_a_schedule_with_an_unreadable_time_is_refused(tmp_path, library_before):
    service = _example("service_full.json")
    service["schedules"][0]["opens_at"] = "nine o'clock"

    with pytest.raises(HSDSImportError) as error:
        import_hsds(directory=_write(tmp_path / "in", services=[service]))

    assert [problem.path for problem in error.value.problems] == ["$[0].schedules[0].opens_at"]
    assert _snapshot() == library_before


def test_a_phone_without_any_schedule_is_refused(tmp_path, library_before):
    """A helpline must say when each way in is open; HSDS without schedules cannot, so nothing is guessed."""
    service = _example("service_full.json")
    service["schedules"] = []

    with pytest.raises(HSDSImportError) as error:
        import_hsds(directory=_write(tmp_path / "in", services=[service]))

    assert [problem.path for problem in error.value.problems] == ["$[0].phones[0]"]
    assert "No schedule says when this phone is open" in error.value.problems[0].message
    assert _snapshot() == library_before


def test_the_same_id_twice_in_a_file_is_refused(tmp_path, library_before):
    service = _example("service_full.json")

    with pytest.raises(HSDSImportError, match="used twice"):
        import_hsds(directory=_write(tmp_path / "in", services=[service, service]))
    assert _snapshot() == library_before


def test_a_service_of_an_unknown_organization_is_refused(tmp_path, library_before):
    service = _example("service_full.json")
    del service["organization"]
    service["organization_id"] = str(uuid.uuid4())

    with pytest.raises(HSDSImportError) as error:
        import_hsds(directory=_write(tmp_path / "in", services=[service]))

    assert [problem.path for problem in error.value.problems] == ["$[0].organization_id"]
    assert _snapshot() == library_before


def test_publishing_a_resource_that_breaks_the_publishing_rules_is_refused(tmp_path):
    """Publishing needs a topic; foreign terms are not Hearten topics, so nothing is published, or written."""
    HelplineFactory()
    library_before = _snapshot()
    directory = _write(
        tmp_path / "in",
        organizations=_example("organization_list.json"),
        services=_example("service_list.json"),
    )

    with pytest.raises(CommandError, match="topic"):
        _import(directory, "--publish")
    assert _snapshot() == library_before


def test_a_directory_without_hsds_files_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()

    with pytest.raises(CommandError, match="Found neither organizations.json nor services.json"):
        _import(tmp_path / "empty")
    with pytest.raises(CommandError, match="no such directory"):
        _import(tmp_path / "missing")
