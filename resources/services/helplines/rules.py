"""The rules every helpline meets, whichever door it comes in by: its details, its contacts (normalised to
E.164 numbers, https chat addresses, lower-case email) and its opening hours, read from and written as text.

Nothing here writes: check_helpline returns the cleaned helpline or raises one ValidationError naming each
field ("country", "channels.0.value", "channels.1.hours.2.closes"), so people fix every problem in one go.
"""

import re
import uuid
import zoneinfo
from dataclasses import dataclass, field
from datetime import time

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator, validate_slug
from django.utils.translation import gettext as _
from django_countries import countries
from phonenumbers import shortnumberinfo

from ...models import Audience, Channel, Helpline, Language, OpeningHours, Topic

HELPLINE_FIELDS = (
    "name",
    "slug",
    "description",
    "country",
    "region",
    "time_zone",
    "website",
    "languages",
    "topics",
    "audiences",
    "is_free",
    "is_confidential",
    "source_url",
    "position",
)
MAX_CHANNELS = 20
RESERVED_SLUGS = {"new"}  # /helplines/new/ is the page to add one
MAX_HOURS_ROWS = 50

_http_url = URLValidator(schemes=["http", "https"])
_https_url = URLValidator(schemes=["https"])
_email = EmailValidator()


class _Errors:
    """Collects every problem first, so people fix them all in one go; raises one ValidationError."""

    def __init__(self):
        self.by_field: dict[str, list[str]] = {}

    def add(self, name: str, message: str) -> None:
        self.by_field.setdefault(name, []).append(str(message))

    def raise_if_any(self) -> None:
        if self.by_field:
            raise ValidationError(self.by_field)


# Contacts


def country_name(code: str) -> str:
    return str(countries.name(code)) or code


def _parse_number(value: str, country: str):
    try:
        return phonenumbers.parse(value, country or None)
    except phonenumbers.NumberParseException:
        return None


def normalise_contact(kind: str, value: str, *, country: str) -> str:
    """The contact as stored: phone and WhatsApp numbers in E.164 (short numbers as their digits), SMS a number
    or a 3–8 digit short code, web chat an https URL, email an address. Raises ValidationError (one message)."""
    value = (value or "").strip()
    if not value:
        raise ValidationError(_("Add the contact: a number, a web address or an email address."))
    if len(value) > 300:
        raise ValidationError(_("Use at most 300 characters."))
    place = country_name(country)
    if kind in (Channel.Kind.PHONE, Channel.Kind.WHATSAPP, Channel.Kind.SMS):
        digits = re.sub(r"[\s\-().]", "", value)
        number = _parse_number(value, country)
        if number is not None and phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if kind == Channel.Kind.SMS and re.fullmatch(r"\d{3,8}", digits):
            return digits
        if kind == Channel.Kind.PHONE and re.fullmatch(r"\d{3,6}", digits) and country:
            # Short numbers (988, 116 123, 3114) are dialled only inside their country, so they keep their digits.
            # phonenumbers knows most; one it doesn't (113 in the Netherlands) passes if its length is possible
            # there and it doesn't start with 0, which is far more likely a long number typed short.
            short = _parse_number(digits, country)
            if short is not None and (
                shortnumberinfo.is_valid_short_number_for_region(short, country)
                or (not digits.startswith("0") and shortnumberinfo.is_possible_short_number_for_region(short, country))
            ):
                return digits
        if kind == Channel.Kind.WHATSAPP:
            raise ValidationError(
                _("“%(value)s” is not a valid mobile number for WhatsApp in %(country)s."),
                params={"value": value, "country": place},
            )
        if kind == Channel.Kind.SMS:
            raise ValidationError(
                _("“%(value)s” is not a valid number in %(country)s or a short code of 3 to 8 digits."),
                params={"value": value, "country": place},
            )
        raise ValidationError(
            _(
                "“%(value)s” is not a valid phone number in %(country)s. Write it as you would dial it there, "
                "or in international format starting with +."
            ),
            params={"value": value, "country": place},
        )
    if kind == Channel.Kind.WEBCHAT:
        try:
            _https_url(value)
        except ValidationError:
            raise ValidationError(
                _("The chat needs a secure web address starting with https://, not “%(value)s”."),
                params={"value": value},
            ) from None
        return value
    if kind == Channel.Kind.EMAIL:
        try:
            _email(value)
        except ValidationError:
            raise ValidationError(_("“%(value)s” is not a valid email address."), params={"value": value}) from None
        return value.lower()
    raise ValidationError(_("Choose how people reach this channel: call, text, web chat, WhatsApp or email."))


# Checking what people send


def _text(errors: _Errors, name: str, value, *, max_length: int, required: bool = False) -> str:
    value = "" if value is None else str(value).strip()
    if "\x00" in value:
        errors.add(name, _("This contains a character that is not allowed."))
    elif required and not value:
        errors.add(name, _("This field is required."))
    elif len(value) > max_length:
        errors.add(name, _("Use at most %(count)d characters.") % {"count": max_length})
    return value


def _url(errors: _Errors, name: str, value) -> str:
    value = _text(errors, name, value, max_length=200)
    if value:
        try:
            _http_url(value)
        except ValidationError:
            errors.add(name, _("Enter a full web address, starting with https://."))
    return value


def _bool(errors: _Errors, name: str, value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "y"):
        return True
    if text in ("0", "false", "no", "n", ""):
        return False
    errors.add(name, _("Answer yes or no."))
    return False


def _lookup(errors: _Errors, name: str, model, key: str, values) -> list:
    if isinstance(values, str):
        values = re.split(r"[;,]", values)
    wanted = []
    for value in values or ():
        code = getattr(value, key, value)
        code = str(code).strip()
        if code and code not in wanted:
            wanted.append(code)
    found = {getattr(obj, key): obj for obj in model.objects.filter(**{f"{key}__in": wanted})}
    missing = [code for code in wanted if code not in found]
    if missing:
        errors.add(
            name,
            _("We don't know %(values)s. Use the codes listed in the admin.")
            % {"values": ", ".join(f"“{code}”" for code in missing)},
        )
    return [found[code] for code in wanted if code in found]


def _clean_details(errors: _Errors, data: dict, *, instance: Helpline | None) -> dict:
    unknown = set(data) - set(HELPLINE_FIELDS)
    for name in sorted(unknown):
        errors.add(name, _("This field cannot be set here."))

    def current(name, default=None):
        if name in data:
            return data[name]
        return getattr(instance, name, default) if instance is not None else default

    cleaned: dict = {}
    cleaned["name"] = _text(errors, "name", current("name", ""), max_length=150, required=True)
    slug = _text(errors, "slug", current("slug", ""), max_length=160)
    if slug:
        try:
            validate_slug(slug)
        except ValidationError:
            errors.add("slug", _("Use only letters, numbers, hyphens and underscores."))
        else:
            if slug in RESERVED_SLUGS:
                errors.add("slug", _("“%(slug)s” is a page of its own; choose another address.") % {"slug": slug})
            taken = Helpline.objects.filter(slug=slug)
            if instance is not None:
                taken = taken.exclude(pk=instance.pk)
            if taken.exists():
                errors.add("slug", _("Another helpline already uses the address “%(slug)s”.") % {"slug": slug})
    cleaned["slug"] = slug
    cleaned["description"] = _text(errors, "description", current("description", ""), max_length=5000)
    cleaned["region"] = _text(errors, "region", current("region", ""), max_length=100)

    country = str(current("country", "") or "").strip().upper()
    if not country:
        errors.add("country", _("Choose the country this helpline serves."))
    elif country not in countries:
        errors.add(
            "country",
            _("“%(code)s” is not a country code we know. Use a two-letter ISO code such as GB or US.")
            % {"code": country[:10]},
        )
        country = ""
    cleaned["country"] = country

    zone = _text(errors, "time_zone", current("time_zone", ""), max_length=64)
    if not zone:
        errors.add("time_zone", _("Choose the time zone its opening hours are in, such as Europe/London."))
    elif zone not in zoneinfo.available_timezones():
        errors.add(
            "time_zone", _("“%(zone)s” is not a time zone we know. Use a name such as Europe/London.") % {"zone": zone}
        )
    cleaned["time_zone"] = zone

    cleaned["website"] = _url(errors, "website", current("website", ""))
    cleaned["source_url"] = _url(errors, "source_url", current("source_url", ""))
    cleaned["is_free"] = _bool(errors, "is_free", current("is_free", True))
    cleaned["is_confidential"] = _bool(errors, "is_confidential", current("is_confidential", True))
    position = current("position", 100)
    try:
        position = int(position if position not in (None, "") else 100)
        if not 0 <= position <= 32767:
            raise ValueError
    except (TypeError, ValueError):
        errors.add("position", _("Use a whole number from 0 to 32767."))
        position = 100
    cleaned["position"] = position

    for name, model, key in (
        ("languages", Language, "code"),
        ("topics", Topic, "slug"),
        ("audiences", Audience, "slug"),
    ):
        if name in data:
            cleaned[name] = _lookup(errors, name, model, key, data[name])
    return cleaned


@dataclass(frozen=True)
class CleanHours:
    weekday: int
    opens: time
    closes: time
    closes_next_day: bool
    hsds_id: uuid.UUID | None = field(default=None, compare=False)  # kept by a new row (the HSDS import)

    def describe(self) -> str:
        day = str(OpeningHours.Weekday(self.weekday).label)
        return f"{day} {self.opens:%H:%M}–{self.closes:%H:%M}"


@dataclass
class CleanChannel:
    id: int | None
    kind: str
    value: str
    label: str
    always_open: bool
    hours: list[CleanHours] | None  # None: keep the hours it has
    hsds_id: uuid.UUID | None = None  # kept by a new channel (the HSDS import)

    def key(self) -> tuple:
        return (self.kind, self.value)


def _time(value) -> time | None:
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    text = str(value or "").strip()
    match = re.fullmatch(r"(\d{1,2})[:.h](\d{2})(?::00)?", text)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour == 24 and minute == 0:
        return time(0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _hsds_id(errors: _Errors, name: str, value) -> uuid.UUID | None:
    if value in (None, ""):
        return None
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        errors.add(name, _("This is not a valid HSDS id (a UUID)."))
        return None


def _clean_hours(errors: _Errors, prefix: str, rows) -> list[CleanHours]:
    cleaned = []
    rows = list(rows or ())
    if len(rows) > MAX_HOURS_ROWS:
        errors.add(prefix, _("Use at most %(count)d rows of opening hours.") % {"count": MAX_HOURS_ROWS})
        return cleaned
    for index, row in enumerate(rows):
        name = f"{prefix}.{index}"
        number = index + 1
        try:
            weekday = int(row.get("weekday"))
            if not 0 <= weekday <= 6:
                raise ValueError
        except (TypeError, ValueError):
            errors.add(f"{name}.weekday", _("Row %(row)d: choose a day of the week.") % {"row": number})
            continue
        opens, closes = _time(row.get("opens")), _time(row.get("closes"))
        if opens is None:
            errors.add(f"{name}.opens", _("Row %(row)d: enter the opening time, like 09:00.") % {"row": number})
        if closes is None:
            errors.add(f"{name}.closes", _("Row %(row)d: enter the closing time, like 17:00.") % {"row": number})
        if opens is None or closes is None:
            continue
        next_day = _bool(errors, f"{name}.closes_next_day", row.get("closes_next_day", False))
        hours = CleanHours(weekday, opens, closes, next_day, _hsds_id(errors, f"{name}.hsds_id", row.get("hsds_id")))
        if closes <= opens and not next_day:
            errors.add(
                f"{name}.closes",
                _(
                    "Row %(row)d (%(hours)s) closes before it opens. If it closes after midnight, "
                    "mark it as closing the next day."
                )
                % {"row": number, "hours": hours.describe()},
            )
        elif next_day and closes > opens:
            errors.add(
                f"{name}.closes",
                _(
                    "Row %(row)d (%(hours)s the next day) is open for more than 24 hours. "
                    "Split it into one row per day, or mark the channel as open 24/7."
                )
                % {"row": number, "hours": hours.describe()},
            )
        elif hours in cleaned:
            errors.add(name, _("Row %(row)d (%(hours)s) is there twice.") % {"row": number, "hours": hours.describe()})
        else:
            cleaned.append(hours)
    return cleaned


def _existing_hours(channel: Channel) -> list[CleanHours]:
    return [CleanHours(row.weekday, row.opens, row.closes, row.closes_next_day) for row in channel.hours.all()]


def _clean_channels(errors: _Errors, channels, *, country: str, existing: dict[int, Channel]) -> list[CleanChannel]:
    channels = list(channels or ())
    if len(channels) > MAX_CHANNELS:
        errors.add("channels", _("Use at most %(count)d channels.") % {"count": MAX_CHANNELS})
        return []
    cleaned: list[CleanChannel] = []
    for index, raw in enumerate(channels):
        prefix = f"channels.{index}"
        channel_id = raw.get("id")
        if channel_id not in (None, ""):
            try:
                channel_id = int(channel_id)
            except (TypeError, ValueError):
                channel_id = -1
            if channel_id not in existing:
                errors.add(f"{prefix}.id", _("This helpline has no such channel."))
                continue
        else:
            channel_id = None
        kind = raw.get("kind")
        if kind not in Channel.Kind.values:
            errors.add(f"{prefix}.kind", _("Choose how people reach it: call, text, web chat, WhatsApp or email."))
            continue
        value = ""
        # Numbers are read in the helpline's country; without a valid one only addresses can be checked.
        if country or kind in (Channel.Kind.WEBCHAT, Channel.Kind.EMAIL):
            try:
                value = normalise_contact(kind, raw.get("value", ""), country=country)
            except ValidationError as error:
                for message in error.messages:
                    errors.add(f"{prefix}.value", message)
        label = _text(errors, f"{prefix}.label", raw.get("label", ""), max_length=100)
        always_open = _bool(errors, f"{prefix}.always_open", raw.get("always_open", False))
        hours: list[CleanHours] | None = None
        if raw.get("hours") is not None:
            hours = _clean_hours(errors, f"{prefix}.hours", raw["hours"])
            if always_open and raw["hours"]:
                errors.add(
                    f"{prefix}.hours",
                    _("This channel is open 24/7, so it has no opening hours. Remove the hours or untick “open 24/7”."),
                )
            elif not always_open and not raw["hours"]:
                errors.add(f"{prefix}.hours", _("Add its opening hours, or mark it as open 24/7."))
        elif not always_open and (channel_id is None or not existing[channel_id].hours.exists()):
            errors.add(f"{prefix}.hours", _("Add its opening hours, or mark it as open 24/7."))
        hsds_id = _hsds_id(errors, f"{prefix}.hsds_id", raw.get("hsds_id"))
        channel = CleanChannel(channel_id, kind, value, label, always_open, hours, hsds_id)
        if value and any(other.key() == channel.key() for other in cleaned):
            errors.add(f"{prefix}.value", _("This contact is listed twice."))
        cleaned.append(channel)
    return cleaned


@dataclass
class CheckedHelpline:
    details: dict
    channels: list[CleanChannel]
    channels_given: bool  # False: the channels it had, checked again (the country may have changed)


def check_helpline(*, data: dict, channels=None, instance: Helpline | None = None) -> CheckedHelpline:
    """Every rule a helpline must meet, without writing anything. Raises one ValidationError naming each field.

    `channels` is a list of {"id"?, "kind", "value", "label", "always_open", "hours": [{weekday, opens, closes,
    closes_next_day}]}; a channel without "hours" keeps the hours it has. None keeps the channels it has.
    A channel or hours row may carry an "hsds_id" (a UUID) for write_channels to give it when it is new.
    """
    errors = _Errors()
    details = _clean_details(errors, data, instance=instance)
    existing = {channel.pk: channel for channel in instance.channels.all()} if instance is not None else {}
    given = channels
    if channels is None:
        given = [
            {"id": c.pk, "kind": c.kind, "value": c.value, "label": c.label, "always_open": c.always_open}
            for c in existing.values()
        ]
    cleaned = _clean_channels(errors, given, country=details["country"], existing=existing)
    errors.raise_if_any()
    return CheckedHelpline(details=details, channels=cleaned, channels_given=channels is not None)


def check_emergency_number(*, country: str, number: str, note: str = "", source_url: str = "") -> dict:
    """The emergency number as it will be stored; raises ValidationError naming each field that is wrong."""
    errors = _Errors()
    country = (country or "").strip().upper()
    if country not in countries:
        errors.add("country", _("“%(code)s” is not a country code we know.") % {"code": country[:10]})
    number = re.sub(r"\s", "", number or "")
    if not re.fullmatch(r"\d{2,6}", number):
        errors.add("number", _("Enter the short emergency number, like 112."))
    elif country in countries and not shortnumberinfo.is_emergency_number(number, country):
        errors.add(
            "number",
            _("%(number)s is not an emergency number in %(country)s.")
            % {"number": number, "country": country_name(country)},
        )
    note = _text(errors, "note", note, max_length=200)
    source_url = _url(errors, "source_url", source_url)
    errors.raise_if_any()
    return {"country": country, "number": number, "note": note, "source_url": source_url}


# Opening hours as text: the CSV hours column, the admin's hours field, the demo seed

_DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_HOURS_PART = re.compile(
    r"(?P<days>[A-Za-z,\- ]+?)\s+(?P<opens>\d{1,2}[:.]\d{2})\s*-\s*(?P<closes>\d{1,2}[:.]\d{2})(?P<next>\+1)?"
)


def parse_hours(text: str) -> tuple[bool, list[dict]]:
    """Read the CSV hours column: “24/7”, or “Mon-Fri 09:00-17:00; Sat,Sun 10:00-14:00; Daily 22:00-02:00+1”.

    Returns (always_open, rows); raises ValueError naming the part it could not read.
    """
    text = (text or "").strip()
    if text.lower() in ("24/7", "24h", "always"):
        return True, []
    rows = []
    for part in filter(None, (piece.strip() for piece in text.split(";"))):
        match = _HOURS_PART.fullmatch(part)
        if not match:
            raise ValueError(part)
        days: list[int] = []
        for chunk in match.group("days").replace(" ", "").lower().split(","):
            if chunk in ("daily", "everyday"):
                days.extend(range(7))
                continue
            first, _dash, last = chunk.partition("-")
            if first[:3] not in _DAYS or (last and last[:3] not in _DAYS):
                raise ValueError(part)
            start, end = _DAYS[first[:3]], _DAYS[(last or first)[:3]]
            span = range(start, end + 1) if start <= end else [*range(start, 7), *range(0, end + 1)]
            days.extend(span)
        for weekday in dict.fromkeys(days):
            rows.append(
                {
                    "weekday": weekday,
                    "opens": match.group("opens").replace(".", ":"),
                    "closes": match.group("closes").replace(".", ":"),
                    "closes_next_day": bool(match.group("next")),
                }
            )
    if not rows:
        raise ValueError(text)
    return False, rows


_DAY_ABBREVIATIONS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def format_hours(channel_or_rows) -> str:
    """Opening hours in the CSV hours syntax (the inverse of parse_hours): “Mon-Fri 09:00-17:00; Sat 10:00-14:00”."""
    if getattr(channel_or_rows, "always_open", False):
        return "24/7"
    rows = channel_or_rows.hours.all() if hasattr(channel_or_rows, "hours") else channel_or_rows
    by_times: dict[tuple, list[int]] = {}
    for row in rows:
        by_times.setdefault((row.opens, row.closes, row.closes_next_day), []).append(row.weekday)
    parts = []
    for (opens, closes, next_day), weekdays in sorted(by_times.items(), key=lambda item: (min(item[1]), item[0])):
        days = sorted(set(weekdays))
        runs: list[tuple[int, int]] = []
        for day in days:
            if runs and day == runs[-1][1] + 1:
                runs[-1] = (runs[-1][0], day)
            else:
                runs.append((day, day))
        if days == list(range(7)):
            day_text = "Daily"
        else:
            day_text = ",".join(
                _DAY_ABBREVIATIONS[a] if a == b else f"{_DAY_ABBREVIATIONS[a]}-{_DAY_ABBREVIATIONS[b]}" for a, b in runs
            )
        parts.append(f"{day_text} {opens:%H:%M}-{closes:%H:%M}{'+1' if next_day else ''}")
    return "; ".join(parts)
