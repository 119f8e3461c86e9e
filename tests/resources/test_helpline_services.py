"""Writing helplines: contacts checked and stored in one form, impossible hours refused, nothing half-saved."""

import uuid
from datetime import date, time

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from resources.models import Channel, EmergencyNumber, Helpline, OpeningHours, PublicationStatus, VerificationState
from resources.services import helplines as services
from tests.factories import (
    ChannelFactory,
    HelplineFactory,
    OpeningHoursFactory,
    OrganisationFactory,
    OrganisationMemberFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(country="GB")


@pytest.fixture
def publisher(organisation):
    return OrganisationMemberFactory(organisation=organisation).user


def details(**overrides):
    data = {"name": "Night Line", "country": "GB", "time_zone": "Europe/London", "source_url": "https://example.org/"}
    data.update(overrides)
    return data


def phone(value="0800 1111", **overrides):
    channel = {"kind": "phone", "value": value, "always_open": True}
    channel.update(overrides)
    return channel


def nothing_saved():
    return not Helpline.objects.exists() and not Channel.objects.exists() and not OpeningHours.objects.exists()


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


# Contacts


@pytest.mark.parametrize(
    ("kind", "typed", "stored"),
    [
        ("phone", "0800 1111", "+448001111"),
        ("phone", "+44 800 111 1", "+448001111"),
        ("phone", "116 123", "116123"),  # a short number stays as it is dialled in the country
        ("whatsapp", "07911 123456", "+447911123456"),
        ("sms", "85258", "85258"),
        ("sms", "07911 123456", "+447911123456"),
        ("webchat", "https://example.org/chat", "https://example.org/chat"),
        ("email", "Jo@Example.org", "jo@example.org"),
    ],
)
def test_contacts_are_stored_in_one_form(publisher, organisation, kind, typed, stored):
    helpline = services.create_helpline(
        actor=publisher, organisation=organisation, data=details(), channels=[phone(typed, kind=kind)]
    )

    assert helpline.channels.get().value == stored


def test_a_number_is_read_with_the_helplines_country_as_region(publisher, organisation):
    helpline = services.create_helpline(
        actor=publisher,
        organisation=organisation,
        data=details(country="AU", time_zone="Australia/Sydney"),
        channels=[phone("1800 55 1800")],
    )

    assert helpline.channels.get().value == "+611800551800"


@pytest.mark.parametrize(
    ("kind", "typed", "says"),
    [
        ("phone", "12", "not a valid phone number in United Kingdom"),
        ("phone", "not a number", "not a valid phone number"),
        ("phone", "0800 11", "not a valid phone number"),
        ("whatsapp", "116 123", "not a valid mobile number for WhatsApp"),
        ("sms", "12", "short code of 3 to 8 digits"),
        ("sms", "123456789", "short code of 3 to 8 digits"),
        ("webchat", "http://example.org/chat", "https://"),
        ("webchat", "javascript:alert(1)", "https://"),
        ("email", "not-an-email", "not a valid email address"),
    ],
)
def test_a_bad_contact_is_refused_by_field_and_nothing_is_saved(publisher, organisation, kind, typed, says):
    with pytest.raises(ValidationError) as excinfo:
        services.create_helpline(
            actor=publisher,
            organisation=organisation,
            data=details(),
            channels=[phone("0800 1111"), phone(typed, kind=kind)],
        )

    errors = errors_of(excinfo)
    assert list(errors) == ["channels.1.value"]
    assert says in errors["channels.1.value"][0]
    assert nothing_saved()


# Opening hours


def test_hours_that_close_before_they_open_are_refused_naming_the_row(publisher, organisation):
    hours = [
        {"weekday": 0, "opens": "09:00", "closes": "17:00"},
        {"weekday": 0, "opens": "22:00", "closes": "02:00", "closes_next_day": False},
    ]

    with pytest.raises(ValidationError) as excinfo:
        services.create_helpline(
            actor=publisher,
            organisation=organisation,
            data=details(),
            channels=[phone(always_open=False, hours=hours)],
        )

    message = errors_of(excinfo)["channels.0.hours.1.closes"][0]
    assert "Row 2 (Monday 22:00–02:00) closes before it opens" in message
    assert "closing the next day" in message
    assert nothing_saved()


def test_hours_that_cross_midnight_are_kept_when_marked(publisher, organisation):
    hours = [{"weekday": 0, "opens": time(22), "closes": time(2), "closes_next_day": True}]

    helpline = services.create_helpline(
        actor=publisher, organisation=organisation, data=details(), channels=[phone(always_open=False, hours=hours)]
    )

    row = helpline.channels.get().hours.get()
    assert (row.weekday, row.opens, row.closes, row.closes_next_day) == (0, time(22), time(2), True)


@pytest.mark.parametrize(
    ("channel", "field", "says"),
    [
        (phone(always_open=False, hours=[]), "channels.0.hours", "Add its opening hours"),
        (phone(always_open=False), "channels.0.hours", "Add its opening hours"),
        (
            phone(always_open=True, hours=[{"weekday": 1, "opens": "09:00", "closes": "17:00"}]),
            "channels.0.hours",
            "open 24/7, so it has no opening hours",
        ),
        (
            phone(
                always_open=False, hours=[{"weekday": 1, "opens": "22:00", "closes": "23:00", "closes_next_day": True}]
            ),
            "channels.0.hours.0.closes",
            "more than 24 hours",
        ),
        (
            phone(always_open=False, hours=[{"weekday": 9, "opens": "09:00", "closes": "17:00"}]),
            "channels.0.hours.0.weekday",
            "day of the week",
        ),
        (
            phone(always_open=False, hours=[{"weekday": 1, "opens": "9am", "closes": "17:00"}]),
            "channels.0.hours.0.opens",
            "opening time",
        ),
        ({"kind": "fax", "value": "0800 1111", "always_open": True}, "channels.0.kind", "Choose how people reach it"),
    ],
)
def test_impossible_channels_are_refused(publisher, organisation, channel, field, says):
    with pytest.raises(ValidationError) as excinfo:
        services.create_helpline(actor=publisher, organisation=organisation, data=details(), channels=[channel])

    assert says in " ".join(errors_of(excinfo)[field])
    assert nothing_saved()


# The helpline's own fields


@pytest.mark.parametrize(
    ("data", "field", "says"),
    [
        (details(country="XX"), "country", "“XX” is not a country code we know"),
        (details(country=""), "country", "Choose the country"),
        (details(time_zone="Mars/Olympus_Mons"), "time_zone", "not a time zone we know"),
        (details(name=""), "name", "required"),
        (details(name="x" * 151), "name", "at most 150"),
        (details(website="ftp://example.org"), "website", "full web address"),
        (details(slug="new"), "slug", "page of its own"),
        (details(topics=["no-such-topic"]), "topics", "“no-such-topic”"),
        (details(languages=["zz"]), "languages", "“zz”"),
        (details(description="bad\x00byte"), "description", "not allowed"),
    ],
)
def test_bad_details_are_refused_by_field(publisher, organisation, data, field, says):
    with pytest.raises(ValidationError) as excinfo:
        services.create_helpline(actor=publisher, organisation=organisation, data=data, channels=[phone()])

    assert says in " ".join(errors_of(excinfo)[field])
    assert nothing_saved()


def test_every_problem_is_reported_at_once(publisher, organisation):
    with pytest.raises(ValidationError) as excinfo:
        services.create_helpline(
            actor=publisher,
            organisation=organisation,
            data=details(time_zone="Nowhere/Town"),
            channels=[phone("12"), phone("https://insecure", kind="webchat")],
        )

    assert set(errors_of(excinfo)) == {"time_zone", "channels.0.value", "channels.1.value"}


def test_a_new_helpline_gets_a_readable_unique_address(publisher, organisation):
    first = services.create_helpline(actor=publisher, organisation=organisation, data=details(), channels=[phone()])
    second = services.create_helpline(actor=publisher, organisation=organisation, data=details(), channels=[phone()])

    assert first.slug == "night-line-gb"
    assert second.slug == "night-line-gb-2"
    assert first.status == PublicationStatus.DRAFT


def test_topics_audiences_and_languages_are_set_from_their_codes(publisher, organisation):
    helpline = services.create_helpline(
        actor=publisher,
        organisation=organisation,
        data=details(topics=["anxiety", "self-harm"], audiences=["young-people"], languages=["en", "cy"]),
        channels=[phone()],
    )

    assert sorted(helpline.topics.values_list("slug", flat=True)) == ["anxiety", "self-harm"]
    assert list(helpline.audiences.values_list("slug", flat=True)) == ["young-people"]
    assert sorted(helpline.languages.values_list("code", flat=True)) == ["cy", "en"]


# Who may write


def test_only_members_of_a_verified_organisation_may_add_helplines(organisation):
    outsider = UserFactory()
    unverified = OrganisationFactory(verification=VerificationState.UNVERIFIED)
    member_of_unverified = OrganisationMemberFactory(organisation=unverified).user

    with pytest.raises(PermissionDenied):
        services.create_helpline(actor=outsider, organisation=organisation, data=details(), channels=[phone()])
    with pytest.raises(PermissionDenied):
        services.create_helpline(
            actor=member_of_unverified, organisation=unverified, data=details(), channels=[phone()]
        )
    assert nothing_saved()


def test_members_of_another_organisation_cannot_change_a_helpline(organisation):
    helpline = HelplineFactory(organisation=organisation)
    other_member = OrganisationMemberFactory().user

    with pytest.raises(PermissionDenied):
        services.update_helpline(actor=other_member, helpline=helpline, data={"name": "Mine now"})
    with pytest.raises(PermissionDenied):
        services.archive_helpline(actor=other_member, helpline=helpline)

    helpline.refresh_from_db()
    assert helpline.name != "Mine now"
    assert helpline.status == PublicationStatus.PUBLISHED


# Updating


def test_updating_keeps_matched_channels_and_replaces_their_hours(publisher, organisation):
    helpline = services.create_helpline(
        actor=publisher,
        organisation=organisation,
        data=details(),
        channels=[
            phone("0800 1111"),
            {"kind": "sms", "value": "85258", "hours": [{"weekday": 0, "opens": "09:00", "closes": "17:00"}]},
        ],
    )
    phone_channel, sms_channel = helpline.channels.order_by("position")

    services.update_helpline(
        actor=publisher,
        helpline=helpline,
        data={"name": "Night Line UK"},
        channels=[
            {
                "id": sms_channel.pk,
                "kind": "sms",
                "value": "85258",
                "hours": [{"weekday": 5, "opens": "10:00", "closes": "14:00"}],
            },
            phone("jo@example.org", kind="email"),
        ],
    )

    helpline.refresh_from_db()
    assert helpline.name == "Night Line UK"
    channels = list(helpline.channels.order_by("position"))
    assert [c.kind for c in channels] == ["sms", "email"]
    assert channels[0].pk == sms_channel.pk  # the same row, so HSDS ids stay stable
    assert list(channels[0].hours.values_list("weekday", "opens")) == [(5, time(10))]
    assert not Channel.objects.filter(pk=phone_channel.pk).exists()


def test_a_failed_update_changes_nothing(publisher, organisation):
    helpline = services.create_helpline(
        actor=publisher, organisation=organisation, data=details(), channels=[phone("0800 1111")]
    )

    with pytest.raises(ValidationError):
        services.update_helpline(
            actor=publisher,
            helpline=helpline,
            data={"name": "Changed"},
            channels=[phone("0800 1111"), phone("12")],
        )

    helpline.refresh_from_db()
    assert helpline.name == "Night Line"
    assert list(helpline.channels.values_list("value", flat=True)) == ["+448001111"]


def test_changing_a_contact_clears_the_verification_but_renaming_does_not(publisher, organisation):
    staff = StaffFactory()
    helpline = services.create_helpline(actor=publisher, organisation=organisation, data=details(), channels=[phone()])
    services.verify_helpline(actor=staff, helpline=helpline)

    services.update_helpline(actor=publisher, helpline=helpline, data={"name": "Renamed"})
    helpline.refresh_from_db()
    assert helpline.verified_on is not None

    services.update_helpline(actor=publisher, helpline=helpline, data={}, channels=[phone("0800 58 58 58")])
    helpline.refresh_from_db()
    assert helpline.verified_on is None
    assert helpline.verified_by is None


def test_new_channels_and_hours_keep_the_hsds_ids_they_are_given(publisher, organisation):
    channel_id, hours_id = uuid.UUID(int=1), uuid.UUID(int=2)
    hours = {"weekday": 0, "opens": "09:00", "closes": "17:00", "hsds_id": str(hours_id)}
    helpline = services.create_helpline(
        actor=publisher,
        organisation=organisation,
        data=details(),
        channels=[phone(always_open=False, hours=[hours], hsds_id=str(channel_id))],
    )
    channel = helpline.channels.get()
    assert (channel.hsds_id, channel.hours.get().hsds_id) == (channel_id, hours_id)

    # An existing channel and row keep their own ids; a new row takes the one it is given.
    later = {"weekday": 1, "opens": "09:00", "closes": "17:00", "hsds_id": str(uuid.UUID(int=3))}
    checked = services.check_helpline(
        data={},
        channels=[{"id": channel.pk, **phone(always_open=False, hours=[hours, later], hsds_id=str(uuid.UUID(int=4)))}],
        instance=helpline,
    )
    services.write_channels(actor=publisher, helpline=helpline, channels=checked.channels)

    channel = helpline.channels.get()
    assert channel.hsds_id == channel_id
    assert list(channel.hours.values_list("hsds_id", flat=True)) == [hours_id, uuid.UUID(int=3)]


def test_an_hsds_id_that_is_not_a_uuid_is_refused(publisher, organisation):
    with pytest.raises(ValidationError) as excinfo:
        services.create_helpline(
            actor=publisher, organisation=organisation, data=details(), channels=[phone(hsds_id="nope")]
        )

    assert "channels.0.hsds_id" in errors_of(excinfo)
    assert nothing_saved()


def test_write_channels_clears_the_verification_when_contacts_change(publisher, organisation):
    staff = StaffFactory()
    helpline = services.create_helpline(actor=publisher, organisation=organisation, data=details(), channels=[phone()])
    helpline = services.verify_helpline(actor=staff, helpline=helpline)

    same = services.check_helpline(data={}, channels=[phone()], instance=helpline)
    services.write_channels(actor=None, helpline=helpline, channels=same.channels)
    helpline.refresh_from_db()
    assert helpline.verified_by == staff

    other = services.check_helpline(data={}, channels=[phone("0800 58 58 58")], instance=helpline)
    services.write_channels(actor=None, helpline=helpline, channels=other.channels)
    helpline.refresh_from_db()
    assert (helpline.verified_on, helpline.verified_by) == (None, None)


def test_changing_the_country_checks_the_numbers_again(publisher, organisation):
    helpline = services.create_helpline(
        actor=publisher, organisation=organisation, data=details(), channels=[phone("116 123")]
    )

    # 116 123 is a UK short number; New Zealand has no short numbers of that length.
    with pytest.raises(ValidationError) as excinfo:
        services.update_helpline(actor=publisher, helpline=helpline, data={"country": "NZ"})

    assert "not a valid phone number in New Zealand" in errors_of(excinfo)["channels.0.value"][0]
    helpline.refresh_from_db()
    assert helpline.country.code == "GB"


# Publishing, archiving, verifying


def test_a_helpline_needs_a_channel_to_be_published(publisher, organisation):
    helpline = services.create_helpline(actor=publisher, organisation=organisation, data=details(), channels=[])

    with pytest.raises(ValidationError) as excinfo:
        services.publish_helpline(actor=publisher, helpline=helpline)
    assert "channels" in errors_of(excinfo)

    with pytest.raises(ValidationError):
        services.create_helpline(actor=publisher, organisation=organisation, data=details(), channels=[], publish=True)


def test_publish_and_archive(publisher, organisation):
    helpline = services.create_helpline(actor=publisher, organisation=organisation, data=details(), channels=[phone()])

    assert services.publish_helpline(actor=publisher, helpline=helpline).status == PublicationStatus.PUBLISHED
    assert services.archive_helpline(actor=publisher, helpline=helpline).status == PublicationStatus.ARCHIVED
    assert services.publish_helpline(actor=publisher, helpline=helpline).status == PublicationStatus.PUBLISHED


@time_machine.travel("2026-05-04 10:00:00+00:00", tick=False)
def test_staff_verify_a_helpline_with_the_day_and_who_checked(publisher):
    staff = StaffFactory()
    helpline = HelplineFactory(verified_on=None)

    verified = services.verify_helpline(actor=staff, helpline=helpline, source_url="https://example.org/contact")

    assert verified.verified_on == date(2026, 5, 4)
    assert verified.verified_by == staff
    assert verified.source_url == "https://example.org/contact"
    with pytest.raises(PermissionDenied):
        services.verify_helpline(actor=publisher, helpline=helpline)
    with pytest.raises(ValidationError):
        services.verify_helpline(actor=staff, helpline=helpline, verified_on=date(2026, 5, 5))


# Emergency numbers


def test_staff_set_an_emergency_number_that_phonenumbers_knows():
    staff = StaffFactory()

    services.set_emergency_number(actor=staff, country="au", number="000", source_url="https://www.triplezero.gov.au/")
    services.set_emergency_number(actor=staff, country="AU", number="112")

    assert EmergencyNumber.objects.get(country="AU").number == "112"
    with pytest.raises(ValidationError) as excinfo:
        services.set_emergency_number(actor=staff, country="GB", number="116123")
    assert "not an emergency number in United Kingdom" in excinfo.value.message_dict["number"][0]
    with pytest.raises(ValidationError):
        services.set_emergency_number(actor=staff, country="XX", number="112")
    with pytest.raises(PermissionDenied):
        services.set_emergency_number(actor=UserFactory(), country="GB", number="999")


# Channel by channel (the admin's channel page uses this)


def test_changing_one_channels_hours_goes_through_the_same_rules(publisher, organisation):
    helpline = HelplineFactory(organisation=organisation)
    channel = ChannelFactory(helpline=helpline, value="+448001111", always_open=False)
    OpeningHoursFactory(channel=channel, weekday=0)

    with pytest.raises(ValidationError) as excinfo:
        services.update_channel(
            actor=publisher,
            channel=channel,
            data={"always_open": False},
            hours=[{"weekday": 2, "opens": "18:00", "closes": "06:00"}],
        )
    assert "hours.0.closes" in excinfo.value.message_dict
    assert list(channel.hours.values_list("weekday", flat=True)) == [0]

    services.update_channel(
        actor=publisher,
        channel=channel,
        data={},
        hours=[{"weekday": 2, "opens": "18:00", "closes": "06:00", "closes_next_day": True}],
    )
    assert list(channel.hours.values_list("weekday", "closes_next_day")) == [(2, True)]


# The demo data


def test_the_demo_seed_adds_real_verified_lines_for_ten_countries_once():
    from resources.demo import helplines as demo

    staff = StaffFactory()

    created = demo.seed(staff=staff)
    again = demo.seed(staff=staff)

    helplines = Helpline.objects.all()
    countries = set(helplines.values_list("country", flat=True))
    assert created == helplines.count() >= 20
    assert again == 0 and Helpline.objects.count() == created
    assert len(countries) >= 10
    assert set(EmergencyNumber.objects.values_list("country", flat=True)) >= countries
    assert all(number.source_url for number in EmergencyNumber.objects.all())
    assert all(h.source_url and h.verified_on and h.verified_by == staff for h in helplines)
    assert all(h.status == PublicationStatus.PUBLISHED and h.organisation.is_verified for h in helplines)
    # Well-known numbers, stored as they are dialled.
    values = set(Channel.objects.values_list("helpline__country", "kind", "value"))
    assert {
        ("US", "phone", "988"),
        ("GB", "phone", "116123"),
        ("GB", "sms", "85258"),
        ("AU", "phone", "+61131114"),
    } <= values
    # Some lines keep evening hours, so "open now" differs through the day.
    assert OpeningHours.objects.filter(closes_next_day=True).exists()
    assert Channel.objects.filter(always_open=False).count() >= 3


def test_saving_and_publishing_in_one_go_is_all_or_nothing(publisher, organisation):
    helpline = services.create_helpline(actor=publisher, organisation=organisation, data=details(), channels=[])

    with pytest.raises(ValidationError):
        services.update_helpline(actor=publisher, helpline=helpline, data={"name": "Renamed"}, publish=True)

    helpline.refresh_from_db()
    assert (helpline.name, helpline.status) == ("Night Line", PublicationStatus.DRAFT)
    services.update_helpline(actor=publisher, helpline=helpline, data={}, channels=[phone()], publish=True)
    helpline.refresh_from_db()
    assert helpline.status == PublicationStatus.PUBLISHED
