"""The support chat room page, as a person uses it without JavaScript: open and closed, a form and a refresh
link, the next session in the viewer's zone, held and crisis messages, and hosts removing messages."""

import zoneinfo
from datetime import UTC, datetime

import pytest
import time_machine

from community.models import ChatMessage

from .test_circles_fixtures import adult, fresh, join, make_circle, weekly_chat

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
DURING = datetime(2026, 3, 31, 18, 20, tzinfo=UTC)  # Tuesday 19:20 BST
AFTER = datetime(2026, 3, 31, 19, 5, tzinfo=UTC)
CRISIS = "I can't do this anymore. Tonight is the night, goodbye everyone."


@pytest.fixture
def room():
    circle = make_circle(time_zone="Europe/London")
    weekly_chat(circle, first_start=datetime(2026, 3, 3, 19, 0, tzinfo=LONDON))
    circle = fresh(circle)
    return circle, circle.created_by, join(circle), join(circle)


def chat(circle):
    return f"/circles/{circle.slug}/chat/"


def test_during_a_session_members_see_messages_and_post_with_a_form(client, room):
    circle, _host, one, other = room
    with time_machine.travel(DURING, tick=False):
        client.force_login(one)
        response = client.post(chat(circle), {"body": "Hello, it's my first time."})
        client.force_login(other)
        html = client.get(chat(circle)).content.decode()

    message = ChatMessage.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{chat(circle)}#message-{message.pk}"
    assert "Hello, it&#x27;s my first time." in html
    assert 'data-open="true"' in html and "data-chat-form" in html
    assert "Refresh for new messages" in html
    assert f'data-cursor="{message.pk}"' in html
    assert "/static/js/chat.js" in html


def test_outside_a_session_the_room_is_closed_with_the_next_session_in_the_viewers_zone(client, room):
    circle, _host, one, _other = room
    one.time_zone = "America/New_York"
    one.save(update_fields=["time_zone"])
    client.force_login(one)
    with time_machine.travel(AFTER, tick=False):
        html = client.get(chat(circle)).content.decode()

    assert 'data-open="false"' in html and "data-chat-form" not in html
    assert "The chat is closed." in html
    assert "Tuesday 7 April 2026, 14:00" in html  # 19:00 in London is 14:00 in New York
    assert f"/circles/{circle.slug}/chat.ics" in html


def test_posting_after_the_window_is_refused_with_the_next_session(client, room):
    circle, _host, one, _other = room
    client.force_login(one)
    with time_machine.travel(AFTER, tick=False):
        response = client.post(chat(circle), {"body": "Is anyone still here?"})

    assert response.status_code == 409
    assert "The chat is closed; the next session is on" in response.content.decode()
    assert not ChatMessage.objects.exists()


def test_a_crisis_message_shows_its_writer_where_help_is(client, room):
    circle, _host, one, other = room
    with time_machine.travel(DURING, tick=False):
        client.force_login(one)
        client.post(chat(circle), {"body": CRISIS})
        mine = client.get(chat(circle)).content.decode()
        client.force_login(other)
        theirs = client.get(chat(circle)).content.decode()

    assert "See who you can talk to now" in mine and "Waiting for a moderator" in mine
    assert "Tonight is the night" not in theirs


def test_hosts_remove_messages_from_the_page(client, room):
    circle, host, one, _other = room
    with time_machine.travel(DURING, tick=False):
        client.force_login(one)
        client.post(chat(circle), {"body": "Hi everyone."})
        message = ChatMessage.objects.get()
        assert client.post(f"{chat(circle)}{message.pk}/remove/").status_code == 302
        assert ChatMessage.objects.get().removed_by is None  # members can't
        client.force_login(host)
        assert "Remove" in client.get(chat(circle)).content.decode()
        client.post(f"{chat(circle)}{message.pk}/remove/")

    assert ChatMessage.objects.get().removed_by == host


def test_outsiders_see_when_the_chat_is_but_not_its_messages(client, room):
    circle, _host, one, _other = room
    with time_machine.travel(DURING, tick=False):
        client.force_login(one)
        client.post(chat(circle), {"body": "Members-only words."})
        client.force_login(adult())
        html = client.get(chat(circle)).content.decode()
        refused = client.post(chat(circle), {"body": "Let me in"})

    assert "The chat is for the circle" in html and "Members-only words." not in html
    assert refused.status_code == 403 and ChatMessage.objects.count() == 1


def test_the_circle_page_says_the_chat_is_on(client, room):
    circle, _host, one, _other = room
    client.force_login(one)
    with time_machine.travel(DURING, tick=False):
        html = client.get(f"/circles/{circle.slug}/").content.decode()

    assert "On now, until" in html and "Open the chat room" in html
