"""The helpline admin: the CSV import (all or nothing, errors by line), saves and actions through the services."""

import io
from datetime import time

import pytest
import time_machine

from resources.models import Channel, EmergencyNumber, Helpline, OpeningHours, PublicationStatus
from tests.factories import ChannelFactory, HelplineFactory, OpeningHoursFactory, OrganisationFactory, StaffFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/resources/helpline/import-csv/"
HEADER = (
    "helpline,name,organisation,country,region,time_zone,website,description,topics,audiences,languages,"
    "free,confidential,source_url,status,verified_on,channel,contact,label,hours\n"
)
GOOD = HEADER + (
    "samaritans-gb,Samaritans,samaritans,GB,,Europe/London,https://www.samaritans.org/,Listening,"
    "suicide-prevention;crisis,everyone,en,yes,yes,https://www.samaritans.org/,published,2026-01-10,"
    "call,116 123,,24/7\n"
    "samaritans-gb,,,,,,,,,,,,,,,,email,jo@samaritans.org,,24/7\n"
    "calm-gb,CALM,samaritans,GB,,Europe/London,,,,men,,,,https://www.thecalmzone.net/,published,,"
    "call,0800 58 58 58,,Daily 17:00-00:00+1\n"
    'calm-gb,,,,,,,,,,,,,,,,chat,https://www.thecalmzone.net/chat,"Chat, evenings",'
    "Mon-Fri 17:00-23:00; Sat 18:00-22:00\n"
)


@pytest.fixture
def staff(client, settings):
    settings.HEARTEN_STAFF_MFA_REQUIRED = False
    user = StaffFactory()
    client.force_login(user)
    return user


@pytest.fixture
def organisation():
    return OrganisationFactory(slug="samaritans", name="Samaritans")


def upload(client, text: str | bytes, name="helplines.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    file = io.BytesIO(data)
    file.name = name
    return client.post(IMPORT_URL, {"file": file})


# The import


@time_machine.travel("2026-01-14 10:00:00+00:00", tick=False)
def test_a_good_file_imports_every_helpline_with_channels_and_hours(client, staff, organisation):
    response = upload(client, GOOD)

    assert response.status_code == 302
    samaritans = Helpline.objects.get(slug="samaritans-gb")
    assert samaritans.status == PublicationStatus.PUBLISHED
    assert str(samaritans.verified_on) == "2026-01-10" and samaritans.verified_by == staff
    assert sorted(samaritans.topics.values_list("slug", flat=True)) == ["crisis", "suicide-prevention"]
    assert list(samaritans.channels.values_list("kind", "value", "always_open")) == [
        ("phone", "116123", True),
        ("email", "jo@samaritans.org", True),
    ]
    calm = Helpline.objects.get(slug="calm-gb")
    phone, chat = calm.channels.order_by("position")
    assert phone.value == "+44800585858"
    assert set(phone.hours.values_list("weekday", "opens", "closes", "closes_next_day")) == {
        (day, time(17), time(0), True) for day in range(7)
    }
    assert chat.label == "Chat, evenings"
    assert sorted(chat.hours.values_list("weekday", flat=True)) == [0, 1, 2, 3, 4, 5]


def test_a_file_with_any_bad_row_imports_nothing_and_lists_each_problem_by_line(client, staff, organisation):
    bad = GOOD.replace("call,0800 58 58 58", "call,0800 58").replace("Sat 18:00-22:00", "Sat 22:00-02:00")
    bad += "newline-gb,New,no-such-org,GB,,Europe/London,,,,,,,,,,,call,999999,,24/7\n"

    response = upload(client, bad)

    assert response.status_code == 400
    problems = response.context["problems"]
    assert [(p["line"], p["field"]) for p in problems] == [(4, "contact"), (5, "hours"), (6, "organisation")]
    assert "not a valid phone number in United Kingdom" in problems[0]["problem"]
    assert "Row 6 (Saturday 22:00–02:00) closes before it opens" in problems[1]["problem"]
    html = response.content.decode()
    assert "The file has 3 problems. Nothing was imported." in html
    assert not Helpline.objects.exists() and not Channel.objects.exists() and not OpeningHours.objects.exists()


@pytest.mark.parametrize(
    ("content", "line", "field", "says"),
    [
        (b"\xff\xfe not utf-8", 0, "file", "not UTF-8"),
        (b"helpline,name\x00\n", 0, "file", "NUL"),
        ("helpline,name\nx,y\n", 1, "header", "Missing columns"),
        (HEADER, 2, "file", "no helplines"),
        (HEADER + "x-gb,X,samaritans,XX,,Europe/London,,,,,,,,,,,call,116 123,,24/7\n", 2, "country", "XX"),
        (HEADER + "x-gb,X,samaritans,GB,,Mars/Base,,,,,,,,,,,call,116 123,,24/7\n", 2, "time_zone", "time zone"),
        (HEADER + "x-gb,X,samaritans,GB,,Europe/London,,,,,,,,,,,fax,116 123,,24/7\n", 2, "channel", "call, text"),
        (HEADER + "x-gb,X,samaritans,GB,,Europe/London,,,,,,,,,,,call,116 123,,9 to 5\n", 2, "hours", "Could not read"),
        (HEADER + "x-gb,X,samaritans,GB,,Europe/London,,,,,,,,,soon,,call,116 123,,24/7\n", 2, "status", "draft"),
        (
            HEADER + "x-gb,X,samaritans,GB,,Europe/London,,,,,,,,,,2999-01-01,call,116 123,,24/7\n",
            2,
            "verified_on",
            "future",
        ),
        (
            HEADER + "x-gb,X,samaritans,GB,,Europe/London,,,,,,,,,,,call,116 123,,24/7\n"
            "x-gb,Y,,,,,,,,,,,,,,,call,0800 1111,,24/7\n",
            3,
            "name",
            "differs from line 2",
        ),
    ],
)
def test_each_kind_of_bad_input_is_named(client, staff, organisation, content, line, field, says):
    response = upload(client, content)

    assert response.status_code == 400
    problems = response.context["problems"]
    assert any(p["line"] == line and p["field"] == field and says in p["problem"] for p in problems), problems
    assert not Helpline.objects.exists()


def test_every_problem_of_a_row_is_listed_in_one_pass(client, staff, organisation):
    # Bad organisation, time zone, contact and hours: none of them hides another.
    row = "x-gb,X,no-such-org,GB,,Mars/Base,,,,,,,,,,,call,0800 58,,9 to 5\n"

    response = upload(client, HEADER + row)

    assert response.status_code == 400
    problems = response.context["problems"]
    assert sorted((p["line"], p["field"]) for p in problems) == [
        (2, "contact"),
        (2, "hours"),
        (2, "organisation"),
        (2, "time_zone"),
    ]
    assert not Helpline.objects.exists()


def test_a_row_with_an_unknown_channel_or_no_address_still_has_its_other_cells_checked(client, staff, organisation):
    rows = "x-gb,X,samaritans,GB,,Europe/London,,,,,,,,,,,fax,116 123,,9 to 5\n,,,,,,,,,,,,,,,,pigeon,somewhere,,noon\n"

    response = upload(client, HEADER + rows)

    problems = response.context["problems"]
    assert sorted((p["line"], p["field"]) for p in problems) == [
        (2, "channel"),
        (2, "hours"),
        (3, "channel"),
        (3, "helpline"),
        (3, "hours"),
    ]


def test_an_email_or_chat_address_is_checked_even_when_the_country_is_wrong(client, staff, organisation):
    row = "x-gb,X,samaritans,XX,,Europe/London,,,,,,,,,,,email,not-an-address,,24/7\n"

    problems = upload(client, HEADER + row).context["problems"]

    assert sorted((p["line"], p["field"]) for p in problems) == [(2, "contact"), (2, "country")]
    assert "not a valid email address" in next(p["problem"] for p in problems if p["field"] == "contact")


def test_a_row_with_more_cells_than_the_header_says_to_quote_cells_with_commas(client, staff, organisation):
    row = "x-gb,X,samaritans,GB,,Europe/London,,,,,,,,,,,call,116 123,,Mon-Fri 09:00-17:00; Sat,Sun 10:00-14:00\n"

    response = upload(client, HEADER + row)

    assert response.status_code == 400
    [problem] = response.context["problems"]
    assert (problem["line"], problem["field"]) == (2, "row")
    assert "more cells than the header" in problem["problem"]
    assert 'must be in double quotes, e.g. "Mon-Fri 09:00-17:00; Sat,Sun 10:00-14:00"' in problem["problem"]

    quoted = row.replace("Mon-Fri 09:00-17:00; Sat,Sun 10:00-14:00", '"Mon-Fri 09:00-17:00; Sat,Sun 10:00-14:00"')
    assert upload(client, HEADER + quoted).status_code == 302


@pytest.mark.parametrize(
    ("rows", "says"),
    [
        (GOOD.splitlines(keepends=True)[1:3], "Imported the file: 1 helpline added, 0 updated."),
        (GOOD.splitlines(keepends=True)[1:], "Imported the file: 2 helplines added, 0 updated."),
    ],
)
def test_the_success_message_counts_helplines_in_words_that_agree(client, staff, organisation, rows, says):
    file = io.BytesIO((HEADER + "".join(rows)).encode("utf-8"))
    file.name = "helplines.csv"

    response = client.post(IMPORT_URL, {"file": file}, follow=True)

    assert [str(message) for message in response.context["messages"]] == [says]


def test_importing_again_updates_and_duplicates_nothing(client, staff, organisation):
    upload(client, GOOD)
    first_ids = dict(Channel.objects.values_list("value", "pk"))

    changed = GOOD.replace("Listening,", "Listening day and night,")
    response = upload(client, changed)

    assert response.status_code == 302
    assert Helpline.objects.count() == 2
    assert Channel.objects.count() == 4
    assert dict(Channel.objects.values_list("value", "pk")) == first_ids  # same rows, same HSDS ids
    assert Helpline.objects.get(slug="samaritans-gb").description == "Listening day and night"


def test_the_changelist_links_to_the_import(client, staff):
    html = client.get("/admin/resources/helpline/").content.decode()

    assert f'href="{IMPORT_URL}"' in html
    assert client.get(IMPORT_URL).status_code == 200


# Admin saves and actions go through the services


def test_actions_verify_publish_and_archive(client, staff):
    helpline = HelplineFactory(status=PublicationStatus.DRAFT, verified_on=None)
    ChannelFactory(helpline=helpline)
    empty = HelplineFactory(status=PublicationStatus.DRAFT)
    changelist = "/admin/resources/helpline/"

    client.post(changelist, {"action": "verify_selected", "_selected_action": [helpline.pk]})
    client.post(changelist, {"action": "publish_selected", "_selected_action": [helpline.pk, empty.pk]}, follow=True)

    helpline.refresh_from_db()
    empty.refresh_from_db()
    assert helpline.verified_by == staff and helpline.verified_on is not None
    assert helpline.status == PublicationStatus.PUBLISHED
    assert empty.status == PublicationStatus.DRAFT  # no channel: the service refused it

    client.post(changelist, {"action": "archive_selected", "_selected_action": [helpline.pk]})
    helpline.refresh_from_db()
    assert helpline.status == PublicationStatus.ARCHIVED


def admin_add_data(organisation, **overrides):
    data = {
        "organisation": organisation.pk,
        "name": "Admin Line",
        "slug": "",
        "description": "",
        "position": "100",
        "country": "GB",
        "region": "",
        "time_zone": "Europe/London",
        "is_free": "on",
        "is_confidential": "on",
        "website": "",
        "source_url": "",
        "channels-TOTAL_FORMS": "1",
        "channels-INITIAL_FORMS": "0",
        "channels-MIN_NUM_FORMS": "0",
        "channels-MAX_NUM_FORMS": "1000",
        "channels-0-kind": "phone",
        "channels-0-value": "0800 1111",
        "channels-0-label": "",
        "channels-0-hours_text": "Mon-Fri 22:00-02:00+1",
    }
    data.update(overrides)
    return data


def test_adding_a_helpline_in_the_admin_uses_the_service(client, staff, organisation):
    response = client.post("/admin/resources/helpline/add/", admin_add_data(organisation))

    assert response.status_code == 302, response.context["errors"] if response.context else response
    helpline = Helpline.objects.get(name="Admin Line")
    assert helpline.slug == "admin-line-gb"
    channel = helpline.channels.get()
    assert channel.value == "+448001111"
    assert channel.hours.count() == 5 and channel.hours.filter(closes_next_day=True).count() == 5


def test_admin_mistakes_come_back_on_the_form_and_nothing_is_saved(client, staff, organisation):
    response = client.post(
        "/admin/resources/helpline/add/",
        admin_add_data(
            organisation,
            time_zone="Atlantis/Capital",
            **{"channels-0-value": "12", "channels-0-hours_text": "Mon 22:00-02:00"},
        ),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "not a time zone we know" in html
    assert "not a valid phone number in United Kingdom" in html
    assert not Helpline.objects.exists()


def test_a_channels_hours_are_edited_on_its_own_admin_page(client, staff):
    channel = ChannelFactory(value="+448001111", always_open=False)
    row = OpeningHoursFactory(channel=channel, weekday=0)
    url = f"/admin/resources/channel/{channel.pk}/change/"
    base = {
        "kind": "phone",
        "value": "0800 1111",
        "label": "",
        "hours-TOTAL_FORMS": "2",
        "hours-INITIAL_FORMS": "1",
        "hours-MIN_NUM_FORMS": "0",
        "hours-MAX_NUM_FORMS": "1000",
        "hours-0-id": str(row.pk),
        "hours-0-channel": str(channel.pk),
        "hours-0-weekday": "0",
        "hours-0-opens": "09:00",
        "hours-0-closes": "17:00",
        "hours-1-channel": str(channel.pk),
        "hours-1-weekday": "2",
        "hours-1-opens": "22:00",
        "hours-1-closes": "02:00",
    }

    refused = client.post(url, base)
    assert refused.status_code == 200
    assert "closes before it opens" in refused.content.decode()
    assert channel.hours.count() == 1

    accepted = client.post(url, {**base, "hours-1-closes_next_day": "on"})
    assert accepted.status_code == 302
    assert sorted(channel.hours.values_list("weekday", "closes_next_day")) == [(0, False), (2, True)]


def test_emergency_numbers_are_checked_in_the_admin(client, staff):
    refused = client.post("/admin/resources/emergencynumber/add/", {"country": "GB", "number": "116123"})
    accepted = client.post("/admin/resources/emergencynumber/add/", {"country": "GB", "number": "999", "note": ""})

    assert refused.status_code == 200
    assert "not an emergency number in United Kingdom" in refused.content.decode()
    assert accepted.status_code == 302
    assert EmergencyNumber.objects.get(country="GB").number == "999"
