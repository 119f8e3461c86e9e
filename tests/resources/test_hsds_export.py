"""HSDS 3.0 export: `manage.py export_hsds DIR` writes what readers see, and every object is valid HSDS."""

import json
from datetime import datetime

import pytest
from django.core.management import CommandError, call_command

from resources.models import Organisation
from resources.services.hsds import HSDSExportError, export_hsds
from resources.services.hsds.objects import HEARTEN_TAXONOMY_ID

from .hsds_directory import build_library
from .hsds_schema import errors_against, needs_hsds

pytestmark = [pytest.mark.django_db, needs_hsds]


def _export(tmp_path) -> tuple[list, list]:
    call_command("export_hsds", str(tmp_path / "out"), stdout=open("/dev/null", "w"))  # noqa: SIM115
    organizations = json.loads((tmp_path / "out" / "organizations.json").read_text())
    services = json.loads((tmp_path / "out" / "services.json").read_text())
    return organizations, services


def _by_id(objects: list) -> dict:
    return {obj["id"]: obj for obj in objects}


def test_every_exported_object_validates_against_the_official_compiled_schemas(tmp_path):
    build_library()

    organizations, services = _export(tmp_path)

    assert organizations and services
    for organization in organizations:
        assert errors_against(organization, "organization") == []
    for service in services:
        assert errors_against(service, "service") == []


def test_the_export_holds_what_readers_see_and_nothing_else(tmp_path):
    library = build_library()

    organizations, services = _export(tmp_path)

    assert set(_by_id(organizations)) == {str(library.organisation.hsds_id), str(library.other_organisation.hsds_id)}
    assert set(_by_id(services)) == {
        str(row.hsds_id) for row in (library.helpline, library.night_line, library.service, library.helpline_resource)
    }
    assert {service["status"] for service in services} == {"active"}
    organisation = _by_id(organizations)[str(library.organisation.hsds_id)]
    assert organisation["name"] == "Calm Harbour"
    assert organisation["website"] == "https://calmharbour.example.org/"
    assert organisation["email"] == "hello@calmharbour.example.org"
    assert [identifier["identifier"] for identifier in organisation["organization_identifiers"]] == ["1234567"]


def test_a_helpline_becomes_a_service_with_phones_areas_languages_terms_and_freshness(tmp_path):
    library = build_library()

    _organizations, services = _export(tmp_path)
    service = _by_id(services)[str(library.helpline.hsds_id)]

    assert service["name"] == "Harbour Line"
    assert service["organization_id"] == str(library.organisation.hsds_id)
    assert service["organization"]["name"] == "Calm Harbour"
    assert service["url"] == "https://calmharbour.example.org/line"
    assert service["email"] == "talk@calmharbour.example.org"
    assert service["assured_date"] == "2025-03-01"
    library.helpline.refresh_from_db()
    assert datetime.fromisoformat(service["last_modified"]) == library.helpline.updated_at

    phones = {phone["number"]: phone for phone in service["phones"]}
    assert set(phones) == {"116123", "85258", "+447911123456"}  # web chat and email are not phones
    assert phones["116123"]["type"] == "voice"
    assert phones["85258"] == {
        "id": str(library.helpline.channels.get(kind="sms").hsds_id),
        "service_id": str(library.helpline.hsds_id),
        "number": "85258",
        "type": "text",
        "description": "Text HARBOUR",
    }
    assert phones["+447911123456"]["description"] == "WhatsApp"

    assert service["service_areas"][0]["name"] == "Wales, United Kingdom"
    assert service["service_areas"][0]["uri"].endswith(":3166:GB")
    assert sorted(language["code"] for language in service["languages"]) == ["cy", "en"]
    terms = {attribute["taxonomy_term"]["code"]: attribute for attribute in service["attributes"]}
    assert set(terms) == {"anxiety", "depression"}
    anxiety = terms["anxiety"]["taxonomy_term"]
    assert anxiety["taxonomy_id"] == str(HEARTEN_TAXONOMY_ID)
    assert anxiety["parent_id"] == str(library.helpline.topics.get(slug="anxiety").parent.hsds_id)
    assert terms["anxiety"]["link_id"] == service["id"]


def test_opening_hours_become_weekly_schedules_per_channel(tmp_path):
    library = build_library()

    _organizations, services = _export(tmp_path)
    schedules = _by_id(services)[str(library.helpline.hsds_id)]["schedules"]
    by_channel: dict[str, list] = {}
    for schedule in schedules:
        by_channel.setdefault(schedule["attending_type"], []).append(schedule)

    # A 24/7 channel: every day, the whole day.
    (always,) = by_channel["phone: 116123"]
    assert (always["freq"], always["byday"], always["opens_at"], always["closes_at"]) == (
        "WEEKLY",
        "MO,TU,WE,TH,FR,SA,SU",
        "00:00",
        "23:59",
    )
    # Weekdays 9 to 5 are one rule; Friday night, closing at 2 the next morning, another.
    text = sorted(by_channel["sms: 85258"], key=lambda schedule: schedule["opens_at"])
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in text] == [
        ("MO,TU,WE,TH,FR", "09:00", "17:00"),
        ("FR", "22:00", "02:00"),
    ]
    assert "next day" in text[1]["description"]
    assert all("Europe/London" in schedule["notes"] for schedule in text)
    assert [
        (s["byday"], s["opens_at"], s["closes_at"]) for s in by_channel["webchat: https://calmharbour.example.org/chat"]
    ] == [("SU", "18:00", "23:00")]
    # The schedule of each opening is named by its first row, so ids stay the same from one export to the next.
    friday_night = library.helpline.channels.get(kind="sms").hours.get(opens__hour=22)
    assert text[1]["id"] == str(friday_night.hsds_id)


def test_a_service_resource_carries_its_countries_summary_and_body(tmp_path):
    library = build_library()

    _organizations, services = _export(tmp_path)
    service = _by_id(services)[str(library.service.hsds_id)]

    assert service["name"] == "Walk and Talk groups"
    assert service["description"] == "Weekly walking groups for young people.\n\nMeet at the park.\n\nBring a friend."
    assert service["url"] == "https://calmharbour.example.org/walk"
    assert service["assured_date"] == "2025-01-15"
    assert sorted(area["name"] for area in service["service_areas"]) == ["United Kingdom", "Worldwide"]
    assert "phones" not in service or service["phones"] == []


def test_export_ids_are_stable_from_one_export_to_the_next(tmp_path):
    build_library()

    first = _export(tmp_path)
    second = _export(tmp_path)

    assert first == second


def test_an_invalid_object_stops_the_export_before_anything_is_written(tmp_path):
    build_library()
    # Bypassing the services: an address the email format rejects.
    Organisation.objects.filter(name="Calm Harbour").update(email="not an address")

    with pytest.raises(HSDSExportError, match=r"organizations.json, object \d+ \(\$.email\)"):
        export_hsds(directory=tmp_path / "out")
    assert not (tmp_path / "out" / "organizations.json").exists()

    with pytest.raises(CommandError, match=r"\$.email"):
        call_command("export_hsds", str(tmp_path / "out"))
