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
    closes_at: datetime | None = None  # when open: the end of the current opening (None if it never ends)
    opens_at: datetime | None = None  # when closed: the next opening (None if no hours at all)


def _rows(channel) -> list:
    return list(channel.hours.all())


def _span(row, day: date) -> tuple[datetime, datetime]:
    """The naive local start and end of one weekly row on one date."""
    start = datetime.combine(day, row.opens)
    end = datetime.combine(day + timedelta(days=1) if row.closes_next_day else day, row.closes)
    return start, end


def _local(at: datetime, zone: zoneinfo.ZoneInfo) -> datetime:
    return at.astimezone(zone).replace(tzinfo=None)


def _aware(local: datetime, zone: zoneinfo.ZoneInfo) -> datetime:
    # A wall time in a spring-forward gap is read with the offset before the change, then normalised:
    # a line "opening" at 01:30 on that night in London opens at 02:30 BST, the moment 01:30 GMT would have been.
    return local.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)


def _current_span(rows, local: datetime) -> tuple[datetime, datetime] | None:
    for day in (local.date() - timedelta(days=1), local.date()):
        for row in rows:
            if row.weekday == day.weekday():
                start, end = _span(row, day)
                if start <= local < end:
                    return start, end
    return None


def is_open(channel, *, zone: zoneinfo.ZoneInfo, at: datetime) -> bool:
    """Whether the channel takes contacts at the instant `at` (an aware datetime)."""
    if channel.always_open:
        return True
    return _current_span(_rows(channel), _local(at, zone)) is not None


def status(channel, *, zone: zoneinfo.ZoneInfo, at: datetime) -> ChannelStatus:
    """Open now or not, until when, or when it opens next: one reading of the schedule at one instant."""
    if channel.always_open:
        return ChannelStatus(open_now=True, always_open=True)
    rows = _rows(channel)
    local = _local(at, zone)
    span = _current_span(rows, local)
    if span is not None:
        end = span[1]
        # Back-to-back rows (Monday until midnight, then Tuesday from midnight) are one opening.
        for _step in range(_LOOKAHEAD_DAYS * 2):
            following = _current_span(rows, end)
            if following is None or following[1] <= end:
                break
            end = following[1]
        else:
            return ChannelStatus(open_now=True, always_open=False)
        return ChannelStatus(open_now=True, always_open=False, closes_at=_aware(end, zone))
    opens = None
    for offset in range(_LOOKAHEAD_DAYS):
        day = local.date() + timedelta(days=offset)
        starts = [_span(row, day)[0] for row in rows if row.weekday == day.weekday()]
        later = [start for start in starts if start > local]
        if later:
            opens = _aware(min(later), zone)
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
