"""When a helpline channel is open: its weekly schedule, read in the helpline's own time zone.

Opening hours are wall-clock times in the helpline's zone, so a 09:00–17:00 line opens at 09:00 local time on
both sides of a daylight-saving change. A row with `closes_next_day` runs past midnight into the next day and
is found from either side of midnight. Everything here reads `channel.hours.all()`, so a prefetched channel
costs no query.
"""

import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from django.utils import formats
from django.utils.translation import gettext as _

# How far ahead "opens next" looks: a weekly schedule repeats, so eight days always find the next opening.
_LOOKAHEAD_DAYS = 8


@lru_cache(maxsize=1024)
def zone_for(name: str) -> zoneinfo.ZoneInfo:
    """The zone of that name; raises ZoneInfoNotFoundError (a KeyError) or ValueError for a name we don't know."""
    return zoneinfo.ZoneInfo(name)


@dataclass(frozen=True)
class ChannelStatus:
    open_now: bool
    always_open: bool
    # Instants in UTC (an instant in the repeated autumn hour, in the local zone, compares unequal to itself in UTC).
    closes_at: datetime | None = None  # when open: the end of the current opening (None if it never ends)
    opens_at: datetime | None = None  # when closed: the next opening (None if no hours at all)


def _rows(channel) -> list:
    return list(channel.hours.all())


def _instant(local: datetime, zone: zoneinfo.ZoneInfo, *, closing: bool) -> datetime:
    """A wall-clock time in the zone as a real instant (in UTC), whatever a daylight-saving change does to it.

    A time that doesn't exist (the hour clocks skip in spring) moves forward: a line "closing" at 01:30 on
    that night in London closes at 02:30 BST, the moment 01:30 GMT would have been. A time that happens twice
    (the hour clocks repeat in autumn) is its first occurrence when a line opens and its second when it
    closes, so an opening never gets shorter than its wall-clock hours.
    """
    first, second = local.replace(tzinfo=zone, fold=0), local.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first.astimezone(UTC)
    skipped = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local
    if skipped:
        # fold=0 reads a skipped time with the offset from before the change, which lands after the gap.
        return first.astimezone(UTC)
    return (second if closing else first).astimezone(UTC)


def _span(row, day: date, zone: zoneinfo.ZoneInfo) -> tuple[datetime, datetime]:
    """The start and end instants (UTC) of one weekly row on one local date."""
    start = datetime.combine(day, row.opens)
    end = datetime.combine(day + timedelta(days=1) if row.closes_next_day else day, row.closes)
    return _instant(start, zone, closing=False), _instant(end, zone, closing=True)


def _current_span(rows, zone: zoneinfo.ZoneInfo, at: datetime) -> tuple[datetime, datetime] | None:
    """The opening (start, end instants) that `at` falls in, if any: every comparison is between real instants."""
    today = at.astimezone(zone).date()
    for day in (today - timedelta(days=1), today):
        for row in rows:
            if row.weekday == day.weekday():
                start, end = _span(row, day, zone)
                if start <= at < end:
                    return start, end
    return None


def is_open(channel, *, zone: zoneinfo.ZoneInfo, at: datetime) -> bool:
    """Whether the channel takes contacts at the instant `at` (an aware datetime)."""
    if channel.always_open:
        return True
    return _current_span(_rows(channel), zone, at) is not None


def status(channel, *, zone: zoneinfo.ZoneInfo, at: datetime) -> ChannelStatus:
    """Open now or not, until when, or when it opens next: one reading of the schedule at one instant.

    `open_now` and `closes_at` come from the same instants, so an open channel always closes in the future.
    """
    if channel.always_open:
        return ChannelStatus(open_now=True, always_open=True)
    rows = _rows(channel)
    span = _current_span(rows, zone, at)
    if span is not None:
        end = span[1]
        # Back-to-back rows (Monday until midnight, then Tuesday from midnight) are one opening.
        for _step in range(_LOOKAHEAD_DAYS * 2):
            following = _current_span(rows, zone, end)
            if following is None or following[1] <= end:
                break
            end = following[1]
        else:
            return ChannelStatus(open_now=True, always_open=False)
        return ChannelStatus(open_now=True, always_open=False, closes_at=end)
    opens = None
    today = at.astimezone(zone).date()
    for offset in range(_LOOKAHEAD_DAYS):
        day = today + timedelta(days=offset)
        later = [start for row in rows if row.weekday == day.weekday() if (start := _span(row, day, zone)[0]) > at]
        if later:
            opens = min(later)
            break
    return ChannelStatus(open_now=False, always_open=False, opens_at=opens)


# Reading the week out loud


def _day_names() -> list[str]:
    return [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")]


def day_name(weekday: int) -> str:
    return _day_names()[weekday]


def format_time(value: time) -> str:
    return formats.time_format(value)


def format_row(opens: time, closes: time, closes_next_day: bool) -> str:
    """One opening as people say it: “9 a.m.–5 p.m.”, “10 p.m.–2 a.m. the next day”, “all day”."""
    if closes_next_day and opens == closes == time(0):
        return _("all day")
    text = _("%(opens)s–%(closes)s") % {"opens": format_time(opens), "closes": format_time(closes)}
    if closes_next_day and closes != time(0):
        text = _("%(hours)s the next day") % {"hours": text}
    return text


def _days_label(first: int, last: int) -> str:
    names = _day_names()
    if first == 0 and last == 6:
        return _("Every day")
    if first == last:
        return names[first]
    if last == first + 1:
        return _("%(first)s and %(last)s") % {"first": names[first], "last": names[last]}
    return _("%(first)s to %(last)s") % {"first": names[first], "last": names[last]}


def weekly_summary(channel) -> list[tuple[str, str]]:
    """The week in a few lines, days with the same hours run together: [("Monday to Friday", "9 a.m.–5 p.m."), ...].

    Times are the helpline's own local times; say so wherever this is shown.
    """
    if channel.always_open:
        return [(_("Every day"), _("24 hours"))]
    rows = _rows(channel)
    if not rows:
        return []
    per_day: list[tuple] = []
    for weekday in range(7):
        openings = sorted((row.opens, row.closes, row.closes_next_day) for row in rows if row.weekday == weekday)
        per_day.append(tuple(openings))
    lines = []
    first = 0
    for weekday in range(1, 8):
        if weekday == 7 or per_day[weekday] != per_day[first]:
            openings = per_day[first]
            text = ", ".join(format_row(*opening) for opening in openings) if openings else _("closed")
            lines.append((_days_label(first, weekday - 1), text))
            first = weekday
    return lines


def zone_abbreviation(zone: zoneinfo.ZoneInfo, at: datetime) -> str:
    """The zone's short name at that instant (GMT or BST), or its offset where it has no letters."""
    return at.astimezone(zone).tzname() or ""
