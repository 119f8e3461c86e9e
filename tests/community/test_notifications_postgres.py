"""Notifications under real concurrency, on PostgreSQL: threads released at once by a barrier. A group stays one
row with an exact count, and an email claimed by one run is never sent by another."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail

from community import services
from community.models import EmailMode, Notification, Preferences
from community.services import notifications
from tests.community.postgres import run_together
from tests.community.test_races_postgres import THREADS, a_story
from tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_many_people_reacting_at_once_make_one_group_with_an_exact_count():
    story = a_story()
    people = [UserFactory() for _ in range(THREADS)]

    results = run_together(
        [lambda person=person: services.react(actor=person, target=story, kind="support") for person in people]
    )

    assert results == [True] * THREADS
    note = Notification.objects.get(recipient=story.author)
    assert note.count == THREADS and note.data["people"] == THREADS


def test_the_same_immediate_email_run_many_times_at_once_is_sent_once():
    author = UserFactory()
    Preferences.objects.create(user=author, email_mode=EmailMode.IMMEDIATE)
    note = Notification.objects.create(recipient=author, kind=Notification.Kind.FOLLOW, actor=UserFactory())
    mail.outbox.clear()

    results = run_together([lambda: notifications.email_notification(notification_id=note.pk)] * THREADS)

    assert sorted(results) == [0] * (THREADS - 1) + [1]
    assert len(mail.outbox) == 1


def test_sweeps_running_at_once_send_one_digest():
    author = UserFactory(time_zone="Asia/Tokyo")
    Preferences.objects.create(user=author, email_mode=EmailMode.DAILY, digest_hour=18)
    with time_machine.travel(datetime(2026, 1, 15, 9, 30, tzinfo=UTC), tick=False):  # 18:30 in Tokyo
        for _n in range(3):
            Notification.objects.create(recipient=author, kind=Notification.Kind.FOLLOW, actor=UserFactory())
        mail.outbox.clear()

        results = run_together([notifications.send_due_emails] * THREADS)

    assert sum(results) == 1
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(recipient=author, emailed_at__isnull=True).count() == 0
