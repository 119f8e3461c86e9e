"""Open now, per channel, in the helpline's own zone: across midnight, across daylight-saving changes, and 24/7."""

from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine
from django.utils import timezone

from resources import schedule
from tests.factories import ChannelFactory, HelplineFactory, OpeningHoursFactory

pytestmark = pytest.mark.django_db

LONDON = schedule.zone_for("Europe/London")
SYDNEY = schedule.zone_for("Australia/Sydney")


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def channel_with(rows, *, zone="Europe/London", always_open=False):
    channel = ChannelFactory(helpline=HelplineFactory(time_zone=zone), always_open=always_open)
    for weekday, opens, closes, next_day in rows:
        OpeningHoursFactory(channel=channel, weekday=weekday, opens=opens, closes=closes, closes_next_day=next_day)
    return channel


def status_at(channel, instant, zone=LONDON):
    with time_machine.travel(instant, tick=False):
        return schedule.status(channel, zone=zone, at=timezone.now())


# Across midnight


@pytest.fixture
def monday_night_line():
    # Monday 22:00 until 02:00 on Tuesday, London. March 2026 is GMT (UTC+0) until the 29th.
    return channel_with([(0, time(22), time(2), True)])


def test_a_night_line_is_open_after_midnight_from_the_previous_days_row(monday_night_line):
    tuesday_1am = utc(2026, 3, 3, 1, 0)
    assert tuesday_1am.weekday() == 1

    state = status_at(monday_night_line, tuesday_1am)

    assert state.open_now is True
    assert state.closes_at == utc(2026, 3, 3, 2, 0)


def test_a_night_line_is_open_before_midnight_and_closed_when_it_ends(monday_night_line):
    assert status_at(monday_night_line, utc(2026, 3, 2, 23, 30)).open_now is True
    assert status_at(monday_night_line, utc(2026, 3, 2, 21, 59)).open_now is False
    after = status_at(monday_night_line, utc(2026, 3, 3, 2, 0))
    assert after.open_now is False
    assert after.opens_at == utc(2026, 3, 9, 22, 0)  # next Monday


def test_a_night_line_is_closed_after_midnight_when_the_day_before_has_no_row(monday_night_line):
    monday_1am = utc(2026, 3, 2, 1, 0)  # the early hours belong to Sunday's row, and there is none

    state = status_at(monday_night_line, monday_1am)

    assert state.open_now is False
    assert state.opens_at == utc(2026, 3, 2, 22, 0)


def test_back_to_back_rows_are_one_opening():
    channel = channel_with([(0, time(18), time(0), True), (1, time(0), time(8), False)])

    state = status_at(channel, utc(2026, 3, 2, 23, 0))

    assert state.open_now is True
    assert state.closes_at == utc(2026, 3, 3, 8, 0)


# Across daylight-saving changes: wall-clock hours in the helpline's zone


@pytest.fixture
def office_hours_line():
    return channel_with([(day, time(9), time(17), False) for day in range(7)])


@pytest.mark.parametrize(
    ("instant", "local_clock"),
    [
        (utc(2026, 3, 28, 9, 30), "GMT"),  # Saturday before the spring change: 09:30 GMT
        (utc(2026, 3, 30, 8, 30), "BST"),  # Monday after it: 09:30 BST is 08:30 UTC
        (utc(2026, 10, 23, 8, 30), "BST"),  # Friday before the autumn change: 09:30 BST
        (utc(2026, 10, 26, 9, 30), "GMT"),  # Monday after it: 09:30 GMT
    ],
)
def test_a_nine_to_five_line_is_open_at_half_past_nine_local_on_both_sides_of_a_change(
    office_hours_line, instant, local_clock
):
    assert instant.astimezone(LONDON).strftime("%H:%M %Z") == f"09:30 {local_clock}"

    assert status_at(office_hours_line, instant).open_now is True


@pytest.mark.parametrize(
    "instant",
    [
        utc(2026, 3, 30, 7, 45),  # 08:45 BST: the same UTC time was inside the hours a week before
        utc(2026, 10, 26, 8, 45),  # 08:45 GMT: was 09:45 BST the week before
    ],
)
def test_the_same_line_is_closed_before_nine_local_after_a_change(office_hours_line, instant):
    assert status_at(office_hours_line, instant).open_now is False


def test_opens_next_is_found_across_the_spring_change(office_hours_line):
    saturday_evening = utc(2026, 3, 28, 18, 0)  # closed; the clocks go forward overnight

    state = status_at(office_hours_line, saturday_evening)

    assert state.open_now is False
    assert state.opens_at == utc(2026, 3, 29, 8, 0)  # 09:00 BST on Sunday
    assert state.opens_at.astimezone(LONDON).strftime("%a %H:%M %Z") == "Sun 09:00 BST"


def test_a_line_in_another_zone_uses_its_own_clock():
    # 15:00 to midnight, Sydney time. 04:30 UTC on a March Monday is 15:30 AEDT.
    channel = channel_with([(0, time(15), time(0), True)], zone="Australia/Sydney")

    assert status_at(channel, utc(2026, 3, 2, 4, 30), SYDNEY).open_now is True
    assert status_at(channel, utc(2026, 3, 2, 3, 30), SYDNEY).open_now is False


# 24/7


@pytest.mark.parametrize(
    "instant", [utc(2026, 3, 29, 1, 30), utc(2026, 10, 25, 1, 30), utc(2026, 12, 25, 3, 0), utc(2027, 1, 1, 0, 0)]
)
def test_a_24_7_channel_is_always_open(instant):
    channel = channel_with([], always_open=True)

    state = status_at(channel, instant)

    assert state.open_now is True
    assert state.always_open is True
    assert state.closes_at is None


def test_a_week_of_all_day_rows_is_open_with_no_end():
    channel = channel_with([(day, time(0), time(0), True) for day in range(7)])

    state = status_at(channel, utc(2026, 3, 4, 12, 0))

    assert state.open_now is True
    assert state.closes_at is None


def test_a_channel_without_hours_is_closed_with_no_next_opening():
    channel = channel_with([])

    state = status_at(channel, utc(2026, 3, 4, 12, 0))

    assert state.open_now is False
    assert state.opens_at is None


# The week, read out


def test_the_weekly_summary_runs_days_with_the_same_hours_together():
    channel = channel_with([(day, time(9), time(17), False) for day in range(5)] + [(5, time(10), time(14), False)])

    assert schedule.weekly_summary(channel) == [
        ("Monday to Friday", "9 a.m.–5 p.m."),
        ("Saturday", "10 a.m.–2 p.m."),
        ("Sunday", "closed"),
    ]


def test_the_weekly_summary_says_when_a_line_closes_the_next_day():
    channel = channel_with([(day, time(22), time(2), True) for day in range(7)])

    assert schedule.weekly_summary(channel) == [("Every day", "10 p.m.–2 a.m. the next day")]


def test_the_weekly_summary_of_an_evening_line_until_midnight():
    channel = channel_with([(day, time(17), time(0), True) for day in range(7)])

    assert schedule.weekly_summary(channel) == [("Every day", "5 p.m.–midnight")]


def test_the_weekly_summary_of_a_24_7_channel():
    assert schedule.weekly_summary(channel_with([], always_open=True)) == [("Every day", "24 hours")]


# An overnight line on the nights the clocks change: open now and "closes at" read the same real instants


@pytest.fixture
def saturday_night_line():
    # Saturday 22:00 until 01:30 on Sunday, London. In 2026 the clocks go forward on Sunday 29 March (01:00 GMT
    # becomes 02:00 BST, so 01:30 doesn't exist) and back on Sunday 25 October (01:00-02:00 happens twice).
    return channel_with([(5, time(22), time(1, 30), True)])


def test_autumn_change_before_the_clocks_go_back_the_line_is_still_open(saturday_night_line):
    state = status_at(saturday_night_line, utc(2026, 10, 25, 0, 45))  # 01:45 BST, the first 01:45
    assert state.open_now
    # It closes at the second 01:30 (GMT), which is still to come.
    assert state.closes_at == utc(2026, 10, 25, 1, 30)
    assert state.closes_at.astimezone(LONDON).tzname() == "GMT"


def test_autumn_change_after_the_clocks_go_back_it_closes_in_the_future(saturday_night_line):
    at = utc(2026, 10, 25, 1, 15)  # 01:15 GMT, the second 01:15
    state = status_at(saturday_night_line, at)
    assert state.open_now
    assert state.closes_at > at
    assert state.closes_at == utc(2026, 10, 25, 1, 30)


def test_autumn_change_the_line_is_closed_after_the_second_half_past_one(saturday_night_line):
    state = status_at(saturday_night_line, utc(2026, 10, 25, 1, 45))  # 01:45 GMT
    assert not state.open_now
    assert state.opens_at == utc(2026, 10, 31, 22)  # next Saturday 22:00 GMT


def test_spring_change_a_closing_time_that_does_not_exist_moves_forward(saturday_night_line):
    at = utc(2026, 3, 29, 1)  # 02:00 BST, a moment after 00:59 GMT
    state = status_at(saturday_night_line, at)
    assert state.open_now
    assert state.closes_at == utc(2026, 3, 29, 1, 30)  # 02:30 BST, when 01:30 GMT would have been
    assert state.closes_at.astimezone(LONDON).tzname() == "BST"
    assert schedule.is_open(saturday_night_line, zone=LONDON, at=at)


def test_spring_change_it_is_closed_from_half_past_two_bst(saturday_night_line):
    state = status_at(saturday_night_line, utc(2026, 3, 29, 1, 30))  # 02:30 BST
    assert not state.open_now
    assert state.opens_at == utc(2026, 4, 4, 21)  # next Saturday 22:00 BST


@pytest.mark.parametrize(
    "instant",
    [utc(2026, 3, 28, 21, 59) + timedelta(minutes=step * 7) for step in range(40)]
    + [utc(2026, 10, 24, 20, 59) + timedelta(minutes=step * 7) for step in range(50)],
)
def test_on_both_change_nights_an_open_line_always_closes_in_the_future(saturday_night_line, instant):
    state = status_at(saturday_night_line, instant)
    if state.open_now:
        assert state.closes_at > instant
    else:
        assert state.opens_at > instant
