"""Wellbeing reminders: off by default; when a member turns one on, every page carries its setting for
static/js/wellbeing.js (and the gentle notes it shows), and nobody else's pages do."""

import datetime

import pytest

from community.selectors.preferences import TOPICS
from community.services.preferences import update_preferences
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def body_tag(html: str) -> str:
    start = html.index("<body")
    return html[start : html.index(">", start) + 1]


def test_nothing_is_on_by_default_for_members_or_visitors(client):
    for html in (client.get("/help/").content.decode(), client.get("/").content.decode()):
        assert body_tag(html) == "<body>" and "wellbeing.js" not in html
    client.force_login(UserFactory())
    html = client.get("/help/").content.decode()
    assert body_tag(html) == "<body>" and "wellbeing.js" not in html and "data-wellbeing-region" not in html


def test_a_break_reminder_puts_its_minutes_on_every_page_with_a_gentle_note(client):
    person = UserFactory()
    update_preferences(actor=person, user=person, data={"break_reminder_minutes": 25})
    client.force_login(person)

    for path in ("/", "/help/", "/settings/preferences/"):
        html = client.get(path).content.decode()
        assert body_tag(html) == '<body data-break-minutes="25">', path
        assert "js/wellbeing.js" in html
    assert 'role="status"' in html and "data-wellbeing-region" in html
    assert "You've been browsing for about 25 minutes" in html and 'href="/help/"' in html
    assert "data-wellbeing-dismiss" in html and 'id="wellbeing-checkin"' not in html
    assert 'role="dialog"' not in html and "aria-modal" not in html  # never in the way


def test_a_daily_check_in_carries_its_time_and_the_persons_zone_when_they_chose_one(client):
    person = UserFactory(time_zone="Europe/Madrid")
    update_preferences(actor=person, user=person, data={"daily_reminder_time": datetime.time(20, 30)})
    client.force_login(person)

    html = client.get("/help/").content.decode()

    assert body_tag(html) == '<body data-daily-reminder="20:30" data-time-zone="Europe/Madrid">'
    assert 'id="wellbeing-checkin"' in html and 'id="wellbeing-break"' not in html
    assert "Your daily check-in" in html


def test_turning_them_off_takes_them_off_the_pages(client):
    person = UserFactory()
    update_preferences(actor=person, user=person, data={"break_reminder_minutes": 30, "daily_reminder_time": "09:00"})
    client.force_login(person)
    assert 'data-break-minutes="30" data-daily-reminder="09:00"' in client.get("/help/").content.decode()

    saved = client.post(
        "/settings/preferences/",
        {
            "email_mode": "daily",
            "digest_hour": "18",
            **{f"sensitive_topics.{topic}": "collapse" for topic in TOPICS},
            "break_reminder_minutes": "",
            "daily_reminder_time": "",
        },
    )
    assert saved.status_code == 302
    html = client.get("/help/").content.decode()
    assert body_tag(html) == "<body>" and "wellbeing.js" not in html
