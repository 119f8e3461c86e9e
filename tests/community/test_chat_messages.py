"""The support chat's messages: written only while a session is on, read by cursor, screened (held ones seen by
their writer only, a crisis shown where help is), removed by hosts; and the reminder 15 minutes before."""

import zoneinfo
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community import services
from community.models import ChatMessage, Circle, EmailMode, Notification
from community.selectors import circles as circle_selectors
from community.services import circles as circle_services
from community.services.preferences import preferences_for
from community.tasks import send_chat_reminders
from moderation.models import AuditEntry, Visibility

from .test_circles_fixtures import adult, fresh, join, make_circle, moderator, weekly_chat

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
DURING = datetime(2026, 3, 31, 18, 20, tzinfo=UTC)  # Tuesday, 19:20 BST
AFTER = datetime(2026, 3, 31, 19, 0, 1, tzinfo=UTC)  # 20:00:01 BST: over
HELD = "Let's talk on whatsapp, my number is 07700 900123"
CRISIS = "I'm going to kill myself tonight, I have the pills ready."


@pytest.fixture
def room():
    """A London circle with a Tuesday 19:00 chat (60 minutes), its host and two members."""
    circle = make_circle(time_zone="Europe/London")
    weekly_chat(circle, first_start=datetime(2026, 3, 3, 19, 0, tzinfo=LONDON))
    circle = fresh(circle)
    return circle, circle.created_by, join(circle), join(circle)


def send(circle, person, body, **kwargs):
    return circle_services.send_chat_message(actor=person, circle=fresh(circle), body=body, **kwargs)


def session_of(circle):
    return circle_selectors.chat_state(fresh(circle)).current


def test_members_write_during_a_session_and_read_since_a_cursor(room):
    circle, host, one, other = room
    with time_machine.travel(DURING, tick=False):
        first = send(circle, one, "Hi everyone, first time here.").obj
        second = send(circle, other, "Welcome! Glad you came.").obj
        third = send(circle, host, "Welcome. Take your time.").obj
        session = session_of(circle)

        everything = circle_selectors.chat_messages(viewer=one, circle=circle, session=session)
        since = circle_selectors.chat_messages(viewer=one, circle=circle, session=session, after=first.pk)

    assert first.session_start == datetime(2026, 3, 31, 18, 0, tzinfo=UTC)
    assert [m.pk for m in everything] == [first.pk, second.pk, third.pk]
    assert [m.pk for m in since] == [second.pk, third.pk]


def test_posting_to_a_closed_chat_is_refused_and_says_when_the_next_session_is(room):
    circle, _host, one, _other = room
    one.time_zone = "Europe/London"

    with time_machine.travel(AFTER, tick=False), pytest.raises(circle_services.ChatClosed) as error:
        send(circle, one, "Is anyone still here?")

    assert [item.code for item in error.value.error_dict["body"]] == ["chat_closed"]
    message = error.value.message_dict["body"][0]
    assert message.startswith("The chat is closed; the next session is on Tuesday 7 April 2026, 19:00")
    assert error.value.next_session.start == datetime(2026, 4, 7, 18, 0, tzinfo=UTC)
    assert not ChatMessage.objects.exists()


def test_the_room_closes_itself_when_the_window_ends(room):
    circle, _host, one, _other = room
    with time_machine.travel(DURING, tick=False):
        send(circle, one, "See you next week.")
    with time_machine.travel(AFTER, tick=False):
        state = circle_selectors.chat_state(fresh(circle))
        shown = circle_selectors.chat_messages(viewer=one, circle=circle, session=state.current)

    assert state.open is False and shown == []  # messages stay with their session


def test_only_active_members_write_in_the_chat(room):
    circle, _host, _one, _other = room
    with time_machine.travel(DURING, tick=False):
        for person in (adult(), moderator()):
            with pytest.raises(PermissionDenied):
                send(circle, person, "Hello there.")


def test_a_moderator_reads_the_chat_without_joining(room):
    circle, _host, one, _other = room
    with time_machine.travel(DURING, tick=False):
        send(circle, one, "Hello from the circle.")
        shown = circle_selectors.chat_messages(viewer=moderator(), circle=circle, session=session_of(circle))
        outsider = circle_selectors.chat_messages(viewer=adult(), circle=circle, session=session_of(circle))

    assert len(shown) == 1 and outsider == []


def test_a_held_message_is_seen_only_by_its_writer(room):
    circle, host, one, other = room
    with time_machine.travel(DURING, tick=False):
        held = send(circle, one, HELD).obj
        session = session_of(circle)
        seen = {
            person.handle: [m.pk for m in circle_selectors.chat_messages(viewer=person, circle=circle, session=session)]
            for person in (host, one, other)
        }

    assert held.visibility == Visibility.HELD
    assert seen == {host.handle: [], one.handle: [held.pk], other.handle: []}


def test_a_crisis_message_is_held_and_its_writer_is_pointed_to_help(room):
    circle, _host, one, other = room
    with time_machine.travel(DURING, tick=False):
        written = send(circle, one, CRISIS)
        session = session_of(circle)
        mine = circle_selectors.chat_messages(viewer=one, circle=circle, session=session)
        theirs = circle_selectors.chat_messages(viewer=other, circle=circle, session=session)

    assert written.decision.crisis and written.obj.visibility == Visibility.HELD
    assert circle_selectors.reads_as_crisis(mine[0]) and theirs == []


def test_a_refused_message_is_not_saved_and_a_nudge_needs_confirming(room):
    circle, _host, one, _other = room
    with time_machine.travel(DURING, tick=False), pytest.raises(ValidationError):
        send(circle, one, "kys nobody likes you")

    assert not ChatMessage.objects.exists()


def test_a_host_removes_a_message_and_rooms_that_showed_it_take_it_away(room):
    circle, host, one, other = room
    with time_machine.travel(DURING, tick=False):
        message = send(circle, one, "Hello everyone.").obj
        with pytest.raises(PermissionDenied):
            circle_services.remove_chat_message(actor=other, message=message)
        circle_services.remove_chat_message(actor=host, message=message)
        session = session_of(circle)
        for_other = circle_selectors.chat_messages(viewer=other, circle=circle, session=session)
        withdrawn = circle_selectors.withdrawn_messages(viewer=other, circle=circle, session=session, after=message.pk)
        for_writer = circle_selectors.chat_messages(viewer=one, circle=circle, session=session)

    assert for_other == [] and withdrawn == [message.pk]
    assert [m.pk for m in for_writer] == [message.pk] and for_writer[0].removed_by == host
    assert AuditEntry.objects.filter(action="circle.message_remove", actor=host, target_id=str(message.pk)).exists()


def test_people_who_blocked_each_other_do_not_see_each_others_messages(room):
    circle, _host, one, other = room
    services.block(actor=one, user=other)
    with time_machine.travel(DURING, tick=False):
        send(circle, other, "Hi all.")
        shown = circle_selectors.chat_messages(viewer=one, circle=circle, session=session_of(circle))

    assert shown == []


def test_message_length_is_checked(room):
    circle, _host, one, _other = room
    with time_machine.travel(DURING, tick=False):
        with pytest.raises(ValidationError) as error:
            send(circle, one, "x" * 1001)
        with pytest.raises(ValidationError):
            send(circle, one, "   ")

    assert "1000" in error.value.message_dict["body"][0]


# The reminder


def test_the_reminder_goes_to_members_once_15_minutes_before(room):
    circle, host, one, other = room
    circle_services.leave_circle(actor=other, circle=circle)

    with time_machine.travel(datetime(2026, 3, 31, 17, 30, tzinfo=UTC), tick=False):  # 30 minutes before
        assert send_chat_reminders.delay().get() == 0
    with time_machine.travel(datetime(2026, 3, 31, 17, 47, tzinfo=UTC), tick=False):  # 13 minutes before
        first = send_chat_reminders.delay().get()
        again = send_chat_reminders.delay().get()
    with time_machine.travel(datetime(2026, 3, 31, 17, 52, tzinfo=UTC), tick=False):  # the next beat
        later = send_chat_reminders.delay().get()

    reminders = Notification.objects.filter(kind=Notification.Kind.CHAT_REMINDER)
    assert (first, again, later) == (2, 0, 0)
    assert sorted(reminders.values_list("recipient", flat=True)) == sorted([host.pk, one.pk])
    assert reminders.first().data["starts_at"] == "2026-03-31T18:00:00+00:00"
    assert reminders.first().target == circle
    assert reminders.values("dedupe_key").distinct().count() == 1


def test_no_reminder_for_a_member_who_turned_it_off(room):
    from community.services.preferences import preferences_for

    circle, host, one, _other = room
    prefs = preferences_for(one.pk)
    prefs.muted_kinds = [Notification.Kind.CHAT_REMINDER]
    prefs.save()

    with time_machine.travel(datetime(2026, 3, 31, 17, 50, tzinfo=UTC), tick=False):
        send_chat_reminders.delay().get()

    assert not Notification.objects.filter(recipient=one).exists()
    assert Notification.objects.filter(recipient=host).exists()


def test_reminders_look_only_at_the_next_quarter_hour(room):
    circle, *_ = room
    start = datetime(2026, 3, 31, 17, 46, tzinfo=UTC)

    found = circle_selectors.sessions_starting_between(start, start + timedelta(minutes=15))
    none = circle_selectors.sessions_starting_between(start - timedelta(minutes=30), start - timedelta(minutes=14))

    assert [(c.pk, s.start) for c, s in found] == [(circle.pk, datetime(2026, 3, 31, 18, 0, tzinfo=UTC))]
    assert none == []


@pytest.mark.parametrize(
    "change",
    [
        {"visibility": Visibility.HELD},
        {"visibility": Visibility.HIDDEN},
        {"archived_at": datetime(2026, 3, 20, tzinfo=UTC)},
    ],
)
def test_no_reminder_for_a_held_hidden_or_archived_circle(room, change):
    circle, *_ = room
    Circle.objects.filter(pk=circle.pk).update(**change)
    start = datetime(2026, 3, 31, 17, 46, tzinfo=UTC)

    assert circle_selectors.sessions_starting_between(start, start + timedelta(minutes=15)) == []
    assert circle_services.remind_upcoming_chats(now=start) == 0
    assert not Notification.objects.filter(kind=Notification.Kind.CHAT_REMINDER).exists()


def reminder_queries(circle, now) -> int:
    with CaptureQueriesContext(connection) as queries:
        circle_services.remind_upcoming_chats(now=now)
    return len(queries)


def test_reminders_cost_the_same_queries_however_many_members(room, django_capture_on_commit_callbacks):
    circle, *_ = room
    small = reminder_queries(circle, datetime(2026, 3, 31, 17, 50, tzinfo=UTC))  # host and two members
    for _ in range(6):
        join(circle)
    muted = join(circle)
    prefs = preferences_for(muted.pk)
    prefs.muted_kinds = [Notification.Kind.CHAT_REMINDER]
    prefs.email_mode = EmailMode.IMMEDIATE
    prefs.save()
    immediate = join(circle)
    prefs = preferences_for(immediate.pk)
    prefs.email_mode = EmailMode.IMMEDIATE
    prefs.save()

    with django_capture_on_commit_callbacks() as emails:
        large = reminder_queries(circle, datetime(2026, 4, 7, 17, 50, tzinfo=UTC))  # the next week's session

    assert large == small
    week_two = Notification.objects.filter(
        kind=Notification.Kind.CHAT_REMINDER, data__starts_at__startswith="2026-04-07"
    )
    assert week_two.count() == 10  # the host and ten members, but for the one who turned reminders off
    assert not week_two.filter(recipient=muted).exists()
    assert len(emails) == 1  # an immediate email for the one who asked for them


def test_a_second_run_reminds_only_those_not_yet_reminded(room):
    circle, *_ = room
    now = datetime(2026, 3, 31, 17, 50, tzinfo=UTC)
    assert circle_services.remind_upcoming_chats(now=now) == 3
    late = join(circle)

    assert circle_services.remind_upcoming_chats(now=now + timedelta(minutes=1)) == 1
    assert circle_services.remind_upcoming_chats(now=now + timedelta(minutes=2)) == 0
    assert Notification.objects.filter(kind=Notification.Kind.CHAT_REMINDER, recipient=late).count() == 1
