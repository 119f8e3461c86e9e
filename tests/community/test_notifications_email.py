"""Notification emails: immediately (once, however often the task runs), held back by quiet hours (which may
wrap midnight), or as a daily digest at each person's hour in their own zone; only to verified addresses,
and never with what anyone wrote in them."""

import itertools
from datetime import UTC, datetime, time

import pytest
import time_machine
from django.core import mail

from community import services, tasks
from community.models import EmailMode, Notification, Preferences
from community.services import notifications
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SECRET = "pineapple lighthouse"  # what a comment says: never in an email
_texts = itertools.count(1)


def person(zone="Europe/Paris", mode=EmailMode.IMMEDIATE, **preferences):
    user = UserFactory(time_zone=zone)
    Preferences.objects.create(user=user, email_mode=mode, **preferences)
    return user


def post(act, author):
    body = f"The sea was calm this morning and so was I, day {next(_texts)}."
    return act(services.save_story, actor=author, data={"body": body, "title": "My quiet morning"}, post=True).obj


def comment(act, actor, story):
    return act(services.add_comment, actor=actor, target=story, body=f"{SECRET} ({next(_texts)})").obj


def at(moment: str):
    return time_machine.travel(datetime.fromisoformat(moment).astimezone(UTC), tick=False)


def sweep(act):
    return act(tasks.send_notification_emails.apply).result


def everything_sent() -> str:
    parts = []
    for message in mail.outbox:
        parts += [message.subject, message.body, *(content for content, _mime in message.alternatives)]
    return "\n".join(parts)


# Immediately


def test_an_immediate_email_is_sent_once_after_commit(act):
    author, reader = person(), UserFactory(display_name="Ben")
    story = post(act, author)
    comment(act, reader, story)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    note = Notification.objects.get(recipient=author)
    assert message.to == [author.email]
    assert message.subject == "[Hearten] You have a new notification"
    assert "Ben commented on your story" in message.body
    assert f"http://127.0.0.1:8000/notifications/{note.pk}/" in message.body
    html = message.alternatives[0][0]
    assert f'href="http://127.0.0.1:8000/notifications/{note.pk}/"' in html
    assert note.emailed_at is not None


def test_running_the_task_again_a_retry_sends_nothing_more(act):
    author = person()
    note = notifications.deliver(recipient_id=author.pk, kind=Notification.Kind.FOLLOW, actor_id=UserFactory().pk)
    Notification.objects.filter(pk=note.pk).update(emailed_at=None)
    mail.outbox.clear()

    for _attempt in range(2):
        act(tasks.send_notification_email.apply, kwargs={"notification_id": note.pk})
    sweep(act)

    assert len(mail.outbox) == 1


def test_email_bodies_and_links_never_reach_the_task_logs(act, monkeypatch):
    published = []
    monkeypatch.setattr(tasks.send_email, "apply_async", lambda **options: published.append(options))
    author = person()
    comment(act, UserFactory(), post(act, author))

    assert [options["kwargsrepr"] for options in published] == ["{...redacted...}"]


def test_emails_never_contain_what_anyone_wrote(act):
    author, friend = person(), person(mode=EmailMode.DAILY, digest_hour=9, zone="UTC")
    with at("2026-03-02T08:00:00+00:00"):
        story = post(act, author)
        for _n in range(3):
            comment(act, UserFactory(), story)
        act(services.add_comment, actor=friend, target=story, body=f"{SECRET} again")
        act(services.add_comment, actor=author, target=story, body=f"Thanks @{friend.handle}, {SECRET}")
    with at("2026-03-02T09:10:00+00:00"):
        sweep(act)

    sent = everything_sent()
    assert [message.to for message in mail.outbox] == [[author.email]] * 4 + [[friend.email]]
    assert "mentioned you in a comment" in mail.outbox[-1].body
    assert "pineapple" not in sent and "lighthouse" not in sent
    assert "My quiet morning" not in sent and "The sea was calm" not in sent


def test_only_verified_addresses_are_emailed(act):
    author = UserFactory(verified_email=False)
    Preferences.objects.create(user=author, email_mode=EmailMode.IMMEDIATE)
    comment(act, UserFactory(), post(act, author))
    sweep(act)

    assert mail.outbox == []
    assert Notification.objects.get(recipient=author).emailed_at is None


def test_no_email_when_the_person_chose_none_or_already_read_it(act):
    silent = person(mode=EmailMode.OFF)
    comment(act, UserFactory(), post(act, silent))
    sweep(act)
    assert mail.outbox == []

    reader = person(quiet_start=time(0, 0), quiet_end=time(23, 59), zone="UTC")
    with at("2026-03-02T12:00:00+00:00"):
        comment(act, UserFactory(), post(act, reader))
    services.notifications.mark_all_read(actor=reader)
    with at("2026-03-02T23:59:30+00:00"):  # the quiet hours ended
        sweep(act)
    assert mail.outbox == []


# Quiet hours


def test_quiet_hours_across_midnight_hold_emails_until_they_end(act):
    author = person(zone="Europe/Paris", quiet_start=time(22, 0), quiet_end=time(7, 0))  # UTC+1 in January
    story = post(act, author)
    mail.outbox.clear()

    with at("2026-01-14T23:30:00+01:00"):
        comment(act, UserFactory(display_name="Ben"), story)
    with at("2026-01-15T00:30:00+01:00"):
        comment(act, UserFactory(display_name="Cleo"), story)
    for moment in ("2026-01-15T02:00:00+01:00", "2026-01-15T06:59:00+01:00"):
        with at(moment):
            sweep(act)
    assert mail.outbox == []

    with at("2026-01-15T07:00:00+01:00"):
        sweep(act)
        sweep(act)  # the next run finds nothing left to send

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "[Hearten] You have 2 new notifications"
    assert "Ben commented on your story" in message.body and "Cleo commented on your story" in message.body
    assert "(14 Jan, 23:30)" in message.body  # in their zone


def test_quiet_hours_within_one_day_and_outside_them():
    prefs = Preferences(quiet_start=time(13, 0), quiet_end=time(15, 0))
    assert notifications.in_quiet_hours(prefs, time(14, 0))
    assert not notifications.in_quiet_hours(prefs, time(15, 0))
    wrapping = Preferences(quiet_start=time(22, 0), quiet_end=time(7, 0))
    assert notifications.in_quiet_hours(wrapping, time(23, 59)) and notifications.in_quiet_hours(wrapping, time(0, 1))
    assert not notifications.in_quiet_hours(wrapping, time(12, 0))
    assert not notifications.in_quiet_hours(Preferences(), time(3, 0))


# The daily digest


def test_the_digest_goes_out_at_each_persons_hour_in_their_own_zone(act):
    tokyo = person(zone="Asia/Tokyo", mode=EmailMode.DAILY, digest_hour=18)
    new_york = person(zone="America/New_York", mode=EmailMode.DAILY, digest_hour=18)
    writer = UserFactory(display_name="Ben")
    with at("2026-01-15T01:00:00+00:00"):
        for author in (tokyo, new_york):
            story = post(act, author)
            comment(act, writer, story)
            act(services.react, actor=writer, target=story, kind="support")
    assert mail.outbox == []  # nothing straight away

    with at("2026-01-15T17:59:00+09:00"):
        sweep(act)
    assert mail.outbox == []
    with at("2026-01-15T18:00:00+09:00"):  # 09:00 UTC: 18:00 in Tokyo, 04:00 in New York
        sweep(act)
    with at("2026-01-15T18:40:00+09:00"):  # the same hour again: today's digest went already
        sweep(act)
    assert [message.to for message in mail.outbox] == [[tokyo.email]]
    digest = mail.outbox[0]
    assert digest.subject == "[Hearten] Your daily summary: 2 notifications"
    assert "Ben supported your story" in digest.body and "Ben commented on your story" in digest.body

    with at("2026-01-15T18:05:00-05:00"):  # 23:05 UTC: 18:05 in New York
        sweep(act)
    assert [message.to for message in mail.outbox] == [[tokyo.email], [new_york.email]]
    assert Preferences.objects.get(user=new_york).last_digest_at is not None


def test_a_digest_tells_only_what_was_not_read_or_emailed_yet(act):
    author = person(zone="UTC", mode=EmailMode.DAILY, digest_hour=8)
    story = post(act, author)
    with at("2026-01-15T07:00:00+00:00"):
        comment(act, UserFactory(display_name="Ben"), story)
        comment(act, UserFactory(display_name="Cleo"), story)
    Notification.objects.filter(actor__display_name="Ben").update(read_at=datetime(2026, 1, 15, 7, 30, tzinfo=UTC))
    with at("2026-01-15T08:00:00+00:00"):
        sweep(act)
    with at("2026-01-16T08:00:00+00:00"):
        sweep(act)  # nothing new since: no digest

    assert len(mail.outbox) == 1
    assert "Cleo commented" in mail.outbox[0].body and "Ben commented" not in mail.outbox[0].body
    assert mail.outbox[0].subject == "[Hearten] Your daily summary: 1 notification"


def test_a_group_that_grew_since_the_last_digest_is_in_the_next_one(act):
    author = person(zone="UTC", mode=EmailMode.DAILY, digest_hour=8)
    story = post(act, author)
    with at("2026-01-15T07:00:00+00:00"):
        act(services.react, actor=UserFactory(display_name="Ben"), target=story, kind="support")
    with at("2026-01-15T08:00:00+00:00"):
        sweep(act)
    with at("2026-01-15T12:00:00+00:00"):
        act(services.react, actor=UserFactory(display_name="Cleo"), target=story, kind="support")
    with at("2026-01-16T08:00:00+00:00"):
        sweep(act)

    assert ["Ben supported" in m.body for m in mail.outbox] == [True, False]
    assert "Cleo and 1 other supported your story" in mail.outbox[1].body


def test_by_default_a_digest_comes_at_18_utc_for_someone_who_never_chose(act):
    author = UserFactory(time_zone="")
    assert not Preferences.objects.filter(user=author).exists()
    with at("2026-01-15T10:00:00+00:00"):
        comment(act, UserFactory(display_name="Ben"), post(act, author))
    for moment in ("2026-01-15T10:05:00+00:00", "2026-01-15T17:55:00+00:00"):
        with at(moment):
            sweep(act)
    assert mail.outbox == []

    with at("2026-01-15T18:00:00+00:00"):
        sweep(act)

    assert [message.to for message in mail.outbox] == [[author.email]]
    assert "(15 Jan, 10:00)" in mail.outbox[0].body


def test_the_link_to_choose_a_daily_summary_goes_to_the_email_settings(act, client):
    author = person()
    comment(act, UserFactory(), post(act, author))

    [message] = mail.outbox
    assert "http://127.0.0.1:8000/settings/preferences/" in message.body
    html = message.alternatives[0][0]
    assert 'href="http://127.0.0.1:8000/settings/preferences/"' in html
    assert 'href="http://127.0.0.1:8000/settings/"' not in html
    client.force_login(author)
    assert "email_mode" in client.get("/settings/preferences/").content.decode()  # where the choice is made
