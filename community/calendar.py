"""A support circle's chat as an iCalendar file (RFC 5545), written by hand.

One VEVENT per active chat schedule: `DTSTART;TZID=<the circle's zone>` at the wall-clock time of the first
session, its `DURATION` and its `RRULE`, so a calendar repeats 19:00 as 19:00 local time across daylight-saving
changes, as the chat itself does. The zone is described in a VTIMEZONE built from the system's zone data: one
observance per kind of change (to summer time, to winter time), its first onset as DTSTART and the later ones
as RDATEs, over the years the schedule spans and ten years ahead.

The format's rules kept here: lines end in CRLF; a line longer than 75 octets is folded (CRLF and one space) without
splitting a UTF-8 character; TEXT values escape backslash, semicolon, comma and newlines.
"""

from __future__ import annotations

import zoneinfo
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

CRLF = "\r\n"
MAX_OCTETS = 75
YEARS_AHEAD = 10
PRODID = "-//Hearten//Support circles//EN"


def escape_text(value) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, newlines as \\n."""
    text = str(value or "")
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line, folded so that no physical line is longer than 75 octets (3.1): the first 75, then
    74 after each leading space. A multi-byte UTF-8 character is never split."""
    if len(line.encode("utf-8")) <= MAX_OCTETS:
        return line
    parts, current, size = [], [], 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, MAX_OCTETS - 1  # the leading space takes one octet
        current.append(char)
        size += width
    parts.append("".join(current))
    return (CRLF + " ").join(parts)


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _offset(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    sign = "+" if seconds >= 0 else "-"
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


@dataclass(frozen=True)
class _Transition:
    at: datetime  # the UTC instant the new offset starts
    before: timedelta
    after: timedelta
    name: str
    dst: bool


def _state(zone: zoneinfo.ZoneInfo, moment: datetime) -> tuple:
    local = moment.astimezone(zone)
    return local.utcoffset(), local.tzname() or "", bool(local.dst())


@lru_cache(maxsize=64)
def _transitions(zone_name: str, first_year: int, last_year: int) -> tuple[_Transition, ...]:
    """The zone's offset changes from the start of `first_year` to the end of `last_year`, found by stepping a day
    at a time and narrowing each change down to the second."""
    zone = zoneinfo.ZoneInfo(zone_name)
    moment = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    found = []
    state = _state(zone, moment)
    step = timedelta(days=1)
    while moment < end:
        later = moment + step
        new = _state(zone, later)
        if new != state:
            low, high = moment, later  # state at low is the old one, at high the new one
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if _state(zone, middle) == state:
                    low = middle
                else:
                    high = middle
            found.append(_Transition(at=high, before=state[0], after=new[0], name=new[1], dst=new[2]))
            state = new
        moment = later
    return tuple(found)


def vtimezone(zone_name: str, *, first_year: int, last_year: int) -> list[str]:
    """The VTIMEZONE lines for the zone over those years."""
    zone = zoneinfo.ZoneInfo(zone_name)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{zone_name}"]
    changes = _transitions(zone_name, first_year, last_year)
    if not changes:
        offset, name, dst = _state(zone, datetime(first_year, 1, 1, tzinfo=UTC))
        lines += [
            "BEGIN:DAYLIGHT" if dst else "BEGIN:STANDARD",
            "DTSTART:19700101T000000",
            f"TZOFFSETFROM:{_offset(offset)}",
            f"TZOFFSETTO:{_offset(offset)}",
            f"TZNAME:{escape_text(name)}",
            "END:DAYLIGHT" if dst else "END:STANDARD",
        ]
    else:
        # The offset in force before the first change in range, so that a time before it is covered too.
        first = changes[0]
        earlier_name = _state(zone, first.at - timedelta(seconds=1))
        kinds: OrderedDict[tuple, list[datetime]] = OrderedDict()
        kinds[(first.before, first.before, earlier_name[1], earlier_name[2])] = [
            datetime(first_year, 1, 1) - timedelta(days=1)
        ]
        for change in changes:
            onset = (change.at + change.before).replace(tzinfo=None)  # local time, read in the old offset
            kinds.setdefault((change.before, change.after, change.name, change.dst), []).append(onset)
        for (before, after, name, dst), onsets in kinds.items():
            component = "DAYLIGHT" if dst else "STANDARD"
            lines += [f"BEGIN:{component}", f"DTSTART:{_local(onsets[0])}"]
            if len(onsets) > 1:
                lines.append("RDATE:" + ",".join(_local(onset) for onset in onsets[1:]))
            lines += [
                f"TZOFFSETFROM:{_offset(before)}",
                f"TZOFFSETTO:{_offset(after)}",
                f"TZNAME:{escape_text(name)}",
                f"END:{component}",
            ]
    lines.append("END:VTIMEZONE")
    return lines


def _rule_for_calendar(rule: str, zone: zoneinfo.ZoneInfo) -> str:
    """The stored RRULE as a calendar reads it: without a leading `RRULE:`, upper-case keys, and an UNTIL in UTC
    (RFC 5545 asks for UTC when DTSTART has a TZID; a stored local UNTIL is read in the circle's zone)."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    parts = []
    for part in text.split(";"):
        key, _sep, value = part.partition("=")
        key = key.strip().upper()
        value = value.strip()
        if not key:
            continue
        if key == "UNTIL" and not value.upper().endswith("Z"):
            try:
                local = (
                    datetime.strptime(value, "%Y%m%dT%H%M%S")
                    if "T" in value
                    else datetime.strptime(value, "%Y%m%d").replace(hour=23, minute=59, second=59)
                )
            except ValueError:
                continue  # an UNTIL we can't read: the calendar repeats without an end rather than break
            value = _utc(local.replace(tzinfo=zone))
        parts.append(f"{key}={value.upper()}")
    return ";".join(parts)


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    local_start: datetime  # naive, wall-clock time in the calendar's zone
    duration_minutes: int
    rrule: str
    summary: str
    description: str = ""
    url: str = ""


def calendar(*, zone_name: str, events: list[CalendarEvent], now: datetime, name: str = "") -> str:
    """A VCALENDAR with the zone's VTIMEZONE and one VEVENT per event, each line folded, CRLF throughout."""
    zone = zoneinfo.ZoneInfo(zone_name)
    first_year = min([event.local_start.year for event in events] + [now.year])
    last_year = now.year + YEARS_AHEAD
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    lines += vtimezone(zone_name, first_year=first_year - 1, last_year=last_year)
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{_utc(now)}",
            f"DTSTART;TZID={zone_name}:{_local(event.local_start)}",
            f"DURATION:PT{int(event.duration_minutes)}M",
            f"RRULE:{_rule_for_calendar(event.rrule, zone)}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        if event.url:
            lines.append(f"URL:{event.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def circle_calendar(circle, *, now: datetime, url: str = "", domain: str = "hearten") -> str | None:
    """The .ics of a circle's support chat: its active schedules whose rule we can use; None when there is none
    (a calendar needs at least one event)."""
    from .selectors import circles as circle_selectors

    zone = circle_selectors.circle_zone(circle)
    events = []
    for schedule in circle.chat_schedules.all():
        if not schedule.active or circle_selectors.parse_rule(schedule, zone) is None:
            continue
        events.append(
            CalendarEvent(
                uid=f"circle-chat-{schedule.pk}@{domain}",
                local_start=circle_selectors.local_start(schedule, zone),
                duration_minutes=schedule.duration_minutes,
                rrule=schedule.rrule,
                summary=f"{circle.title}: {schedule.title}",
                description=f"The support chat of the circle “{circle.title}” on Hearten."
                + (f"\n{url}" if url else ""),
                url=url,
            )
        )
    if not events:
        return None
    return calendar(zone_name=zone.key, events=events, now=now, name=f"{circle.title}: support chat")
