"""/api/v1/helplines/: search with open_now, per-channel hours, and writes for organisation members."""

from datetime import time

import pytest
import time_machine

from resources.models import Channel, Helpline, OpeningHours, PublicationStatus, Topic
from tests.factories import (
    ChannelFactory,
    HelplineFactory,
    OpeningHoursFactory,
    OrganisationFactory,
    OrganisationMemberFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/helplines/"
MORNING = "2026-01-14 10:00:00+00:00"  # a Wednesday, GMT


def evening_line(name="Evening", country="GB", zone="Europe/London"):
    helpline = HelplineFactory(name=name, country=country, time_zone=zone)
    channel = ChannelFactory(helpline=helpline, kind=Channel.Kind.PHONE, value="+448081640123", always_open=False)
    for day in range(7):
        OpeningHoursFactory(channel=channel, weekday=day, opens=time(19), closes=time(23))
    return helpline


def always_line(name="Always", country="GB"):
    helpline = HelplineFactory(name=name, country=country)
    ChannelFactory(helpline=helpline, kind=Channel.Kind.PHONE, value="116123", always_open=True)
    return helpline


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(item["name"] for item in response.json()["results"])


# Reading


@time_machine.travel(MORNING, tick=False)
def test_open_now_finds_only_lines_with_a_channel_open_at_this_moment(api_client):
    evening_line("Evening")
    always_line("Always")
    always_line("Irish", country="IE")

    assert names(api_client.get(URL, {"country": "GB"})) == ["Always", "Evening"]
    assert names(api_client.get(URL, {"country": "GB", "open_now": "true"})) == ["Always"]
    with time_machine.travel("2026-01-14 20:00:00+00:00", tick=False):
        assert names(api_client.get(URL, {"country": "GB", "open_now": "true"})) == ["Always", "Evening"]


@time_machine.travel(MORNING, tick=False)
def test_each_channel_carries_its_hours_and_whether_it_is_open(api_client):
    helpline = evening_line("Welsh Line")

    response = api_client.get(f"{URL}{helpline.slug}/")

    assert response.status_code == 200
    body = response.json()
    assert body["open_now"] is False
    assert body["time_zone"] == "Europe/London"
    assert body["url"].endswith(f"/helplines/{helpline.slug}/")
    (channel,) = body["channels"]
    assert channel["kind"] == "phone"
    assert channel["value"] == "+448081640123"
    assert channel["href"] == "tel:08081640123"
    assert channel["open_now"] is False
    assert channel["opens_at"].startswith("2026-01-14T19:00:00")
    assert channel["hours"][0] == {"weekday": 0, "opens": "19:00", "closes": "23:00", "closes_next_day": False}
    assert channel["hours_summary"] == [{"days": "Every day", "hours": "7 p.m.–11 p.m."}]


def test_topic_includes_sub_topics_and_audience_filters(api_client):
    panic_line = always_line("Panic")
    panic_line.topics.add(Topic.objects.get(slug="panic"))
    youth = always_line("Youth")
    youth.audiences.add(*youth.audiences.model.objects.filter(slug="young-people"))

    assert names(api_client.get(URL, {"topic": "anxiety"})) == ["Panic"]
    assert names(api_client.get(URL, {"audience": "young-people"})) == ["Youth"]


@pytest.mark.parametrize(
    ("params", "field"),
    [({"country": "XX"}, "country"), ({"topic": "nope"}, "topic"), ({"open_now": "perhaps"}, "open_now")],
)
def test_bad_filters_get_a_specific_error(api_client, params, field):
    response = api_client.get(URL, params)

    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_drafts_are_hidden_from_the_public(api_client):
    draft = always_line("Draft")
    draft.status = PublicationStatus.DRAFT
    draft.save()

    assert names(api_client.get(URL)) == []
    assert api_client.get(f"{URL}{draft.slug}/").status_code == 404


@pytest.mark.parametrize("count", [2, 12])
def test_the_list_costs_the_same_queries_whatever_its_length(api_client, django_assert_num_queries, count):
    for number in range(count):
        helpline = always_line(f"Line {number}")
        helpline.topics.add(Topic.objects.get(slug="anxiety"))

    # helplines, channels, hours, audiences, languages, topics
    with django_assert_num_queries(6):
        response = api_client.get(URL, {"country": "GB"})

    assert len(response.json()["results"]) == count


# Writing


@pytest.fixture
def organisation():
    return OrganisationFactory(slug="night-owls")


@pytest.fixture
def member(organisation):
    return OrganisationMemberFactory(organisation=organisation).user


def new_helpline(**overrides):
    body = {
        "organisation": "night-owls",
        "name": "Night Owls",
        "country": "GB",
        "time_zone": "Europe/London",
        "topics": ["loneliness"],
        "channels": [
            {"kind": "phone", "value": "0800 1111", "always_open": True},
            {
                "kind": "sms",
                "value": "85258",
                "label": "Text OWL to 85258",
                "hours": [{"weekday": 4, "opens": "22:00", "closes": "02:00", "closes_next_day": True}],
            },
        ],
    }
    body.update(overrides)
    return body


def test_a_member_creates_a_helpline_through_the_service(api_client, member):
    api_client.force_authenticate(member)

    response = api_client.post(URL, new_helpline(publish=True), format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "published"
    assert [c["value"] for c in body["channels"]] == ["+448001111", "85258"]
    assert body["channels"][1]["href"] == "sms:85258?&body=OWL"
    helpline = Helpline.objects.get(slug=body["slug"])
    assert OpeningHours.objects.filter(channel__helpline=helpline, closes_next_day=True).count() == 1


def test_a_bad_phone_number_or_schedule_names_its_field_and_saves_nothing(api_client, member):
    api_client.force_authenticate(member)
    body = new_helpline()
    body["channels"][0]["value"] = "12"
    body["channels"][1]["hours"][0]["closes_next_day"] = False

    response = api_client.post(URL, body, format="json")

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert "not a valid phone number in United Kingdom" in errors["channels.0.value"][0]
    assert "Row 1 (Friday 22:00–02:00) closes before it opens" in errors["channels.1.hours.0.closes"][0]
    assert not Helpline.objects.exists()


def test_an_unknown_country_is_refused(api_client, member):
    api_client.force_authenticate(member)

    response = api_client.post(URL, new_helpline(country="QQ"), format="json")

    assert response.status_code == 400
    assert "“QQ” is not a country code we know" in response.json()["errors"]["country"][0]


def test_only_members_of_the_verified_organisation_may_write(api_client, organisation):
    assert api_client.post(URL, new_helpline(), format="json").status_code in (401, 403)

    api_client.force_authenticate(UserFactory())
    response = api_client.post(URL, new_helpline(), format="json")

    assert response.status_code == 403
    assert response.json()["detail"]
    assert not Helpline.objects.exists()


def test_a_member_updates_and_archives_their_helpline(api_client, member, organisation):
    helpline = always_line("Old Name")
    helpline.organisation = organisation
    helpline.save()
    channel = helpline.channels.get()
    api_client.force_authenticate(member)

    response = api_client.patch(
        f"{URL}{helpline.slug}/",
        {
            "name": "New Name",
            "channels": [{"id": channel.pk, "kind": "phone", "value": "116 123", "always_open": True}],
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["name"] == "New Name"
    assert response.json()["channels"][0]["id"] == channel.pk

    response = api_client.post(f"{URL}{helpline.slug}/archive/")
    assert response.status_code == 200
    assert response.json()["status"] == "archived"
    api_client.force_authenticate(None)
    assert names(api_client.get(URL)) == []


def test_others_cannot_update_someone_elses_helpline(api_client):
    helpline = always_line("Theirs")
    api_client.force_authenticate(OrganisationMemberFactory().user)

    response = api_client.patch(f"{URL}{helpline.slug}/", {"name": "Mine"}, format="json")

    assert response.status_code == 403
    helpline.refresh_from_db()
    assert helpline.name == "Theirs"
