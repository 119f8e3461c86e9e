"""The circles API: list, detail, start, join (twice), leave, requests, posts with pins and removals, and the
support chat's messages since a cursor (what the chat room polls), open and closed."""

import zoneinfo
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from community.models import ChatMessage, ChatSchedule, Circle, CircleMembership, CirclePost
from community.services import circles as circle_services

from .test_circles_fixtures import adult, fresh, join, make_circle, minor, weekly_chat

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
DURING = datetime(2026, 3, 31, 18, 20, tzinfo=UTC)  # Tuesday 19:20 BST
AFTER = datetime(2026, 3, 31, 19, 5, tzinfo=UTC)
CRISIS = "I'm going to kill myself tonight, I have the pills ready."
HELD = "Let's talk on whatsapp, my number is 07700 900123"


@pytest.fixture
def room():
    circle = make_circle(time_zone="Europe/London")
    weekly_chat(circle, first_start=datetime(2026, 3, 3, 19, 0, tzinfo=LONDON))
    circle = fresh(circle)
    return circle, circle.created_by, join(circle), join(circle)


def url(circle, path=""):
    return f"/api/v1/circles/{circle.slug}/{path}"


def test_the_list_and_detail_say_what_a_circle_is_for_and_your_membership(api_client):
    circle = make_circle(title="Exam stress")
    make_circle(minor(), title="Teen talk", age_group="teens")
    person = join(circle)
    api_client.force_authenticate(person)

    listed = api_client.get("/api/v1/circles/").json()
    detail = api_client.get(url(circle)).json()

    assert [item["title"] for item in listed["results"]] == ["Exam stress"]
    assert listed["results"][0]["membership"]["status"] == "active"
    assert detail["hosts"] == [{"handle": circle.created_by.handle, "name": circle.created_by.name}]
    assert detail["takes_part"] is True and detail["is_host"] is False
    assert api_client.get("/api/v1/circles/teen-talk/").status_code == 404


def test_starting_a_circle_with_a_chat(api_client):
    person = adult()
    api_client.force_authenticate(person)

    response = api_client.post(
        "/api/v1/circles/",
        {
            "title": "Night owls",
            "description": "For people awake when they'd rather sleep.",
            "guidelines": "Be gentle. Nothing about methods or amounts.",
            "join_policy": "open",
            "time_zone": "Europe/London",
            "chat": {"weekday": 4, "start": "22:00", "duration_minutes": 90},
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["is_host"] is True and body["moderation"]["action"] == "publish"
    assert body["chat"]["schedules"] == ["Every Friday at 22:00 (Europe/London), for 90 minutes"]
    assert body["chat"]["ics_url"] == f"/circles/{body['slug']}/chat.ics"


def test_join_twice_and_without_the_guidelines(api_client):
    circle = make_circle(join_policy="request")
    api_client.force_authenticate(adult())

    without = api_client.post(url(circle, "join/"), {"accept_guidelines": False}, format="json")
    first = api_client.post(url(circle, "join/"), {"accept_guidelines": True, "note": "Hi"}, format="json")
    twice = api_client.post(url(circle, "join/"), {"accept_guidelines": True}, format="json")

    assert without.status_code == 400 and without.json()["code"] == "guidelines"
    assert first.status_code == 201 and first.json()["status"] == "requested"
    assert twice.status_code == 400 and twice.json()["code"] == "already_requested"
    assert "already asked" in twice.json()["detail"]


def test_a_minor_cannot_join_an_adults_circle_through_the_api(api_client):
    circle = make_circle(age_group="adults")
    api_client.force_authenticate(minor())

    assert api_client.post(url(circle, "join/"), {"accept_guidelines": True}, format="json").status_code == 404


def test_requests_approve_and_decline(api_client):
    circle = make_circle(join_policy="request")
    asking, other = adult(), adult()
    for person in (asking, other):
        circle_services.join_circle(actor=person, circle=circle, accept_guidelines=True)
    api_client.force_authenticate(circle.created_by)

    waiting = api_client.get(url(circle, "requests/")).json()
    ids = {item["person"]["handle"]: item["id"] for item in waiting}
    approved = api_client.post(url(circle, f"requests/{ids[asking.handle]}/approve/"))
    declined = api_client.post(url(circle, f"requests/{ids[other.handle]}/decline/"))
    again = api_client.post(url(circle, f"requests/{ids[other.handle]}/approve/"))

    assert approved.json()["status"] == "active" and declined.json()["status"] == "declined"
    assert again.status_code == 400


def test_leave(api_client):
    circle = make_circle()
    person = join(circle)
    api_client.force_authenticate(person)

    assert api_client.post(url(circle, "leave/")).status_code == 204
    assert not CircleMembership.objects.filter(user=person).exists()


def test_posts_pinned_first_and_removed_for_others(api_client):
    circle = make_circle()
    host, writer, reader = circle.created_by, join(circle), join(circle)
    api_client.force_authenticate(writer)
    first = api_client.post(url(circle, "posts/"), {"body": "Day one of trying again."}, format="json").json()
    second = api_client.post(url(circle, "posts/"), {"body": "Day two, a bit easier."}, format="json").json()

    api_client.force_authenticate(host)
    assert api_client.post(url(circle, f"posts/{first['id']}/pin/")).status_code == 200
    page = api_client.get(url(circle, "posts/")).json()
    assert [post["id"] for post in page["pinned"]] == [first["id"]]
    assert [post["id"] for post in page["results"]] == [second["id"]]
    assert api_client.post(url(circle, f"posts/{second['id']}/remove/")).status_code == 204

    api_client.force_authenticate(reader)
    assert [p["id"] for p in api_client.get(url(circle, "posts/")).json()["results"]] == []
    api_client.force_authenticate(writer)
    mine = api_client.get(url(circle, "posts/")).json()["results"]
    assert mine[0]["id"] == second["id"] and mine[0]["removed_by_host"] is True
    assert api_client.delete(url(circle, f"posts/{second['id']}/")).status_code == 204
    deleted = CirclePost.objects.get(pk=second["id"])  # kept, and its words too: a host removed it (audited)
    assert deleted.deleted_at is not None and deleted.body == "Day two, a bit easier."
    assert [p["id"] for p in api_client.get(url(circle, "posts/")).json()["results"]] == []


def test_chat_messages_since_a_cursor_and_posting(api_client, room):
    circle, host, one, other = room
    with time_machine.travel(DURING, tick=False):
        api_client.force_authenticate(one)
        sent = api_client.post(url(circle, "chat/messages/"), {"body": "Hello, first time here."}, format="json")
        api_client.force_authenticate(other)
        api_client.post(url(circle, "chat/messages/"), {"body": "Welcome!"}, format="json")
        api_client.force_authenticate(one)
        everything = api_client.get(url(circle, "chat/messages/")).json()
        since = api_client.get(url(circle, "chat/messages/"), {"after": sent.json()["id"]}).json()
        nothing_new = api_client.get(url(circle, "chat/messages/"), {"after": since["cursor"]}).json()

    assert sent.status_code == 201 and sent.json()["is_mine"] is True
    assert everything["open"] is True and everything["can_post"] is True and everything["poll_seconds"] == 2
    assert [m["body"] for m in everything["messages"]] == ["Hello, first time here.", "Welcome!"]
    assert [m["body"] for m in since["messages"]] == ["Welcome!"]
    assert since["messages"][0]["author"]["handle"] == other.handle
    assert nothing_new["messages"] == [] and nothing_new["cursor"] == since["cursor"]


def test_a_closed_chat_refuses_posts_with_the_next_session(api_client, room):
    circle, _host, one, _other = room
    api_client.force_authenticate(one)
    with time_machine.travel(AFTER, tick=False):
        refused = api_client.post(url(circle, "chat/messages/"), {"body": "Anyone?"}, format="json")
        state = api_client.get(url(circle, "chat/messages/")).json()

    assert refused.status_code == 409 and refused.json()["code"] == "chat_closed"
    assert refused.json()["detail"].startswith("The chat is closed; the next session is on")
    assert refused.json()["next_session"]["start"] == "2026-04-07T18:00:00Z"
    assert state["open"] is False and state["can_post"] is False and state["messages"] == []
    assert not ChatMessage.objects.exists()


def test_held_and_crisis_messages_are_for_their_writer_with_help(api_client, room):
    circle, _host, one, other = room
    with time_machine.travel(DURING, tick=False):
        api_client.force_authenticate(one)
        crisis = api_client.post(url(circle, "chat/messages/"), {"body": CRISIS}, format="json").json()
        held = api_client.post(url(circle, "chat/messages/"), {"body": HELD}, format="json").json()
        mine = api_client.get(url(circle, "chat/messages/")).json()
        api_client.force_authenticate(other)
        theirs = api_client.get(url(circle, "chat/messages/")).json()

    assert crisis["moderation"]["crisis"] is True and crisis["moderation"]["help"] is not None
    assert crisis["crisis"] is True and crisis["held"] is True
    assert held["held"] is True and held["crisis"] is False
    assert [m["id"] for m in mine["messages"]] == [crisis["id"], held["id"]]
    assert mine["help_url"] == reverse("resources:crisis_response")
    assert theirs["messages"] == []


def test_a_host_removes_a_message_and_pollers_are_told(api_client, room):
    circle, host, one, other = room
    with time_machine.travel(DURING, tick=False):
        api_client.force_authenticate(one)
        sent = api_client.post(url(circle, "chat/messages/"), {"body": "Hello all."}, format="json").json()
        api_client.force_authenticate(other)
        assert api_client.post(url(circle, f"chat/messages/{sent['id']}/remove/")).status_code == 403
        api_client.force_authenticate(host)
        assert api_client.post(url(circle, f"chat/messages/{sent['id']}/remove/")).status_code == 204
        api_client.force_authenticate(other)
        polled = api_client.get(url(circle, "chat/messages/"), {"after": sent["id"]}).json()

    assert polled["withdrawn"] == [sent["id"]]


def test_outsiders_cannot_read_the_chat(api_client, room):
    circle, *_ = room
    api_client.force_authenticate(adult())
    with time_machine.travel(DURING, tick=False):
        assert api_client.get(url(circle, "chat/messages/")).status_code == 403
        state = api_client.get(url(circle, "chat/")).json()

    assert state["open"] is True and state["schedules"]


def test_the_schema_lists_the_circle_endpoints(api_client):
    paths = api_client.get("/api/schema/", {"format": "json"}).json()["paths"]

    assert "/api/v1/circles/" in paths
    assert "/api/v1/circles/{slug}/chat/messages/" in paths
    assert "/api/v1/circles/{slug}/join/" in paths


def test_starting_a_circle_with_chat_times_is_one_step(api_client, monkeypatch):
    api_client.force_authenticate(adult())
    data = {
        "title": "Night owls",
        "description": "For when sleep won't come.",
        "guidelines": "Be kind.",
        "time_zone": "Europe/London",
        "chat": {"weekday": 1, "start": "19:00", "duration_minutes": 60},
    }
    started = api_client.post("/api/v1/circles/", data, format="json")
    assert started.status_code == 201 and started.json()["chat"]["schedules"]
    assert ChatSchedule.objects.filter(circle__slug="night-owls").count() == 1

    def refuse(**kwargs):  # times that fail once the circle is already written
        raise ValidationError({"start": "These chat times can't be saved."})

    monkeypatch.setattr(circle_services, "save_chat_schedule", refuse)
    refused = api_client.post("/api/v1/circles/", {**data, "title": "Early birds"}, format="json")

    assert refused.status_code == 400 and "chat" in refused.json()["errors"]
    assert not Circle.objects.filter(title="Early birds").exists()
    assert not CircleMembership.objects.filter(circle__title="Early birds").exists()


def test_chat_times_the_service_refuses_leave_no_circle():
    with pytest.raises(ValidationError) as error:
        circle_services.create_circle(
            actor=adult(),
            data={"title": "Night owls", "description": "Late talks.", "guidelines": "Be kind."},
            chat={"weekday": 9, "start": "19:00"},
        )

    assert "chat" in error.value.message_dict
    assert not Circle.objects.exists()
