"""When a circle's support chat is on: a weekly wall-clock time in the circle's zone, across daylight-saving
changes (Europe/London: clocks go forward on 29 March 2026 and back on 25 October 2026), and the .ics file that
gives the same times to a calendar."""

import re
import zoneinfo
from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine
from dateutil.rrule import rrulestr

from community.calendar import calendar, circle_calendar, escape_text, fold
from community.selectors import circles as circle_selectors
from community.services import circles as circle_services

from .test_circles_fixtures import fresh, join, make_circle, weekly_chat

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
def tuesdays():
    """A circle in London whose chat is every Tuesday 19:00–20:00 London time, from 3 March 2026 (GMT)."""
    circle = make_circle(time_zone="Europe/London")
    weekly_chat(circle, first_start=datetime(2026, 3, 3, 19, 0, tzinfo=LONDON))
    return fresh(circle)


@pytest.mark.parametrize(
    ("moment", "is_open", "starts"),
    [
        ("2026-03-24T19:30:00", True, "2026-03-24T19:00:00"),  # GMT: 19:30 local
        ("2026-03-24T20:00:00", False, None),  # the window ends at 20:00 local, exclusive
        ("2026-03-31T18:30:00", True, "2026-03-31T18:00:00"),  # BST: 19:30 local is 18:30 UTC
        ("2026-03-31T19:30:00", False, None),  # 20:30 local: over
        ("2026-03-31T17:59:59", False, None),  # 18:59:59 local: not yet
        ("2026-10-27T19:00:00", True, "2026-10-27T19:00:00"),  # back to GMT
        ("2026-10-20T18:00:00", True, "2026-10-20T18:00:00"),  # the last Tuesday of summer time
        ("2026-03-25T19:30:00", False, None),  # a Wednesday
    ],
)
def test_the_chat_is_open_at_19_00_local_time_on_both_sides_of_a_change(tuesdays, moment, is_open, starts):
    with time_machine.travel(at(moment), tick=False):
        state = circle_selectors.chat_state(tuesdays)

    assert state.open is is_open
    if is_open:
        assert state.current.start == at(starts)
        assert state.current.end - state.current.start == timedelta(minutes=60)
        assert state.current.start.astimezone(LONDON).time() == time(19, 0)


def test_the_next_session_is_told_across_the_spring_change(tuesdays):
    with time_machine.travel(at("2026-03-25T12:00:00"), tick=False):
        state = circle_selectors.chat_state(tuesdays)

    assert state.current is None
    assert state.next.start == at("2026-03-31T18:00:00")  # 19:00 BST
    assert state.next.start.astimezone(LONDON).strftime("%H:%M") == "19:00"


def test_while_a_session_is_on_the_next_one_is_a_week_later(tuesdays):
    state = circle_selectors.chat_state(tuesdays, at=at("2026-03-24T19:10:00"))

    assert state.current.start == at("2026-03-24T19:00:00")
    assert state.next.start == at("2026-03-31T18:00:00")


def test_upcoming_sessions_in_order(tuesdays):
    sessions = circle_selectors.upcoming_sessions(tuesdays, at=at("2026-03-20T00:00:00"), count=3)

    assert [session.start for session in sessions] == [
        at("2026-03-24T19:00:00"),
        at("2026-03-31T18:00:00"),
        at("2026-04-07T18:00:00"),
    ]


def test_a_session_at_a_time_the_clocks_skip_starts_when_that_time_would_have_been():
    circle = make_circle(time_zone="Europe/London")
    weekly_chat(circle, first_start=datetime(2026, 3, 22, 1, 30, tzinfo=LONDON), rule="FREQ=WEEKLY;BYDAY=SU")
    circle = fresh(circle)

    state = circle_selectors.chat_state(circle, at=at("2026-03-29T00:00:00"))

    # 01:30 does not exist in London on 29 March: the session starts at 02:30 BST, i.e. 01:30 UTC.
    assert state.next.start == at("2026-03-29T01:30:00")


def test_a_session_at_a_time_that_happens_twice_starts_the_first_time():
    circle = make_circle(time_zone="Europe/London")
    weekly_chat(circle, first_start=datetime(2026, 10, 18, 1, 30, tzinfo=LONDON), rule="FREQ=WEEKLY;BYDAY=SU")
    circle = fresh(circle)

    state = circle_selectors.chat_state(circle, at=at("2026-10-24T12:00:00"))

    assert state.next.start == at("2026-10-25T00:30:00")  # 01:30 BST, the first of the two


def test_inactive_unreadable_and_too_frequent_schedules_are_left_out():
    circle = make_circle()
    start = datetime(2026, 3, 3, 19, 0, tzinfo=LONDON)
    weekly_chat(circle, first_start=start, rule="FREQ=WEEKLY;BYDAY=XX")
    weekly_chat(circle, first_start=start, rule="FREQ=MINUTELY")
    schedule = weekly_chat(circle, first_start=start)
    schedule.active = False
    schedule.save()

    state = circle_selectors.chat_state(fresh(circle), at=at("2026-03-10T19:10:00"))

    assert state.current is None and state.next is None


def test_hosts_set_a_weekly_chat_at_a_wall_clock_time():
    circle = make_circle(time_zone="America/New_York")

    with time_machine.travel(at("2026-03-02T12:00:00"), tick=False):  # a Monday
        schedule = circle_services.save_chat_schedule(
            actor=circle.created_by, circle=circle, weekday=3, start=time(18, 30), duration_minutes=90
        )

    assert schedule.rrule == "FREQ=WEEKLY;BYDAY=TH;BYHOUR=18;BYMINUTE=30"
    assert schedule.first_start == at("2026-03-05T23:30:00")  # 18:30 EST
    later = circle_selectors.chat_state(fresh(circle), at=at("2026-03-12T22:45:00"))  # 18:45 EDT
    assert later.open and later.current.end == at("2026-03-13T00:00:00")


def test_members_cannot_set_the_chat_times():
    circle = make_circle()

    with pytest.raises(circle_services.PermissionDenied):
        circle_services.save_chat_schedule(actor=join(circle), circle=circle, weekday=1, start=time(19, 0))


# The .ics file


def unfold(text: str) -> list[str]:
    assert "\n" not in text.replace("\r\n", "")  # every line ends in CRLF, no bare LF
    assert text.endswith("\r\n")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def properties(lines: list[str], name: str) -> list[str]:
    return [line for line in lines if re.match(rf"{name}[;:]", line)]


def test_the_ics_has_the_weekly_recurrence_in_the_circle_zone(tuesdays):
    text = circle_calendar(tuesdays, now=at("2026-03-20T10:00:00"), url="https://example.org/circles/x/chat/")
    lines = unfold(text)

    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    assert properties(lines, "DTSTART").count("DTSTART;TZID=Europe/London:20260303T190000") == 1
    assert "RRULE:FREQ=WEEKLY;BYDAY=TU" in lines
    assert "DURATION:PT60M" in lines
    assert "BEGIN:VTIMEZONE" in lines and "TZID:Europe/London" in lines
    assert "TZOFFSETFROM:+0000" in lines and "TZOFFSETTO:+0100" in lines and "TZNAME:BST" in lines
    # Balanced components, and every physical line within 75 octets.
    for component in ("VCALENDAR", "VTIMEZONE", "VEVENT", "STANDARD", "DAYLIGHT"):
        assert lines.count(f"BEGIN:{component}") == lines.count(f"END:{component}") >= 1
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_the_ics_parses_back_to_the_same_sessions(tuesdays):
    lines = unfold(circle_calendar(tuesdays, now=at("2026-03-20T10:00:00")))
    event = lines[lines.index("BEGIN:VEVENT") : lines.index("END:VEVENT")]
    start_line = properties(event, "DTSTART")[0]
    zone_name, local = re.fullmatch(r"DTSTART;TZID=([^:]+):(\d{8}T\d{6})", start_line).groups()
    rule = properties(event, "RRULE")[0].removeprefix("RRULE:")

    recurrence = rrulestr(rule, dtstart=datetime.strptime(local, "%Y%m%dT%H%M%S"))
    zone = zoneinfo.ZoneInfo(zone_name)
    starts = [moment.replace(tzinfo=zone).astimezone(UTC) for moment in recurrence[3:6]]

    expected = circle_selectors.upcoming_sessions(tuesdays, at=at("2026-03-20T10:00:00"), count=3)
    assert starts == [session.start for session in expected]


def test_the_vtimezone_says_when_the_clocks_change(tuesdays):
    lines = unfold(circle_calendar(tuesdays, now=at("2026-03-20T10:00:00")))
    zone = lines[lines.index("BEGIN:VTIMEZONE") : lines.index("END:VTIMEZONE")]
    daylight = zone[zone.index("BEGIN:DAYLIGHT") : zone.index("END:DAYLIGHT")]
    onsets = [properties(daylight, "DTSTART")[0].split(":")[1]] + properties(daylight, "RDATE")[0].split(":")[1].split(
        ","
    )

    assert "20260329T010000" in onsets  # 01:00 GMT on 29 March 2026, read in the offset before the change
    assert "TZOFFSETFROM:+0000" in daylight and "TZOFFSETTO:+0100" in daylight


def test_text_is_escaped_and_long_lines_are_folded_without_splitting_characters():
    assert escape_text('Grief, loss; and "hope"\\ \nnew line') == 'Grief\\, loss\\; and "hope"\\\\ \\nnew line'
    line = "SUMMARY:" + "é" * 60
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part[1:] if index else part for index, part in enumerate(parts)) == line


def test_a_zone_without_changes_and_a_local_until():
    from community.calendar import CalendarEvent

    text = calendar(
        zone_name="Asia/Tokyo",
        events=[
            CalendarEvent(
                uid="x@hearten",
                local_start=datetime(2026, 1, 6, 20, 0),
                duration_minutes=45,
                rrule="FREQ=WEEKLY;UNTIL=20260630T200000",
                summary="Circle, chat; week",
            )
        ],
        now=at("2026-01-01T00:00:00"),
    )
    lines = unfold(text)

    assert "RRULE:FREQ=WEEKLY;UNTIL=20260630T110000Z" in lines  # a local UNTIL, given in UTC
    assert "TZOFFSETFROM:+0900" in lines and "TZOFFSETTO:+0900" in lines
    assert "SUMMARY:Circle\\, chat\\; week" in lines


def test_the_ics_download(client, tuesdays):
    response = client.get(f"/circles/{tuesdays.slug}/chat.ics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and "DTSTART;TZID=Europe/London:" in body


def test_no_ics_without_chat_times(client):
    circle = make_circle()

    assert client.get(f"/circles/{circle.slug}/chat.ics").status_code == 404


def test_a_first_session_in_the_skipped_hour_does_not_move_the_later_ones(client):
    circle = make_circle(time_zone="Europe/London")

    with time_machine.travel(at("2026-03-25T12:00:00"), tick=False):  # a Wednesday, before the spring change
        schedule = circle_services.save_chat_schedule(
            actor=circle.created_by, circle=circle, weekday=6, start=time(1, 30), duration_minutes=60
        )
    sessions = circle_selectors.upcoming_sessions(fresh(circle), at=at("2026-03-28T12:00:00"), count=3)

    # 01:30 does not exist in London on 29 March: that session starts when it would have been (02:30 BST);
    # every later one is at 01:30 local again, as the host chose.
    assert [session.start for session in sessions] == [
        at("2026-03-29T01:30:00"),
        at("2026-04-05T00:30:00"),
        at("2026-04-12T00:30:00"),
    ]
    assert [session.start.astimezone(LONDON).strftime("%d %H:%M") for session in sessions[1:]] == [
        "05 01:30",
        "12 01:30",
    ]
    assert circle_selectors.describe_schedule(schedule, circle).startswith("Every Sunday at 01:30 (Europe/London)")
    assert "DTSTART;TZID=Europe/London:20260329T013000" in circle_calendar(fresh(circle), now=at("2026-03-28T12:00:00"))
    client.force_login(circle.created_by)
    form = client.get(f"/circles/{circle.slug}/chat/schedule/").context["form"]
    assert (form.initial["weekday"], form.initial["start"]) == (6, time(1, 30))
