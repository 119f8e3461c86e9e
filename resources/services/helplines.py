"""Helplines, their channels and opening hours, emergency numbers: every write, and the rules it checks.

Pages, the API, the admin (CSV import included) and the demo seed all come through here. Everything is checked
before anything is written, every error names its field ("country", "channels.0.value",
"channels.1.hours.2.closes"), and the write happens in one transaction, so a bad helpline leaves nothing behind.
"""

import csv
import io
import logging
import re
import uuid
import zoneinfo
from dataclasses import dataclass, field
from datetime import date, time

import phonenumbers
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import EmailValidator, URLValidator, validate_slug
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_countries import countries
from phonenumbers import shortnumberinfo

from ..models import (
    Audience,
    Channel,
    EmergencyNumber,
    Helpline,
    Language,
    OpeningHours,
    Organisation,
    PublicationStatus,
    Topic,
    utc_today,
)
from ..permissions import can_publish_for, can_verify

log = logging.getLogger("hearten.resources")

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
        if country:
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


# Writing


def _unique_slug(name: str, country: str) -> str:
    base = slugify(f"{name} {country}")[:150] or "helpline"
    if base in RESERVED_SLUGS:
        base = f"{base}-helpline"
    slug, number = base, 2
    while Helpline.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _fingerprint(helpline: Helpline) -> set:
    """What a verification vouches for: each way to get in touch and when it is open."""
    return {
        (channel.kind, channel.value, channel.always_open, frozenset(_existing_hours(channel)))
        for channel in helpline.channels.prefetch_related("hours")
    }


def _write_channels(helpline: Helpline, channels: list[CleanChannel]) -> None:
    existing = {channel.pk: channel for channel in helpline.channels.all()}
    unmatched = dict(existing)
    by_key = {(c.kind, c.value): c for c in existing.values()}
    matched: list[tuple[Channel | None, CleanChannel]] = []
    for clean in channels:
        channel = None
        if clean.id is not None:
            channel = unmatched.pop(clean.id, None)
        elif clean.key() in by_key and by_key[clean.key()].pk in unmatched:
            channel = unmatched.pop(by_key[clean.key()].pk)
        matched.append((channel, clean))
    # Everything no longer wanted goes first, so a new row may take the HSDS id an old one had.
    if unmatched:
        Channel.objects.filter(pk__in=list(unmatched)).delete()
    present: dict[int, set[CleanHours]] = {}
    for channel, clean in matched:
        if channel is None or (not clean.always_open and clean.hours is None):
            continue
        rows = {CleanHours(r.weekday, r.opens, r.closes, r.closes_next_day): r.pk for r in channel.hours.all()}
        wanted = set() if clean.always_open else set(clean.hours)
        stale = [pk for key, pk in rows.items() if key not in wanted]
        if stale:
            OpeningHours.objects.filter(pk__in=stale).delete()
        present[channel.pk] = set(rows) & wanted
    new_hours = []
    for position, (channel, clean) in enumerate(matched):
        if channel is None:
            channel = Channel(helpline=helpline)
            if clean.hsds_id is not None:
                channel.hsds_id = clean.hsds_id
        channel.kind, channel.value, channel.label = clean.kind, clean.value, clean.label
        channel.always_open, channel.position = clean.always_open, position
        channel.save()
        if clean.always_open or clean.hours is None:
            continue
        for h in clean.hours:
            if h not in present.get(channel.pk, ()):
                row = OpeningHours(
                    channel=channel,
                    weekday=h.weekday,
                    opens=h.opens,
                    closes=h.closes,
                    closes_next_day=h.closes_next_day,
                )
                if h.hsds_id is not None:
                    row.hsds_id = h.hsds_id
                new_hours.append(row)
    OpeningHours.objects.bulk_create(new_hours)


def write_channels(*, actor, helpline: Helpline, channels: list[CleanChannel]) -> Helpline:
    """Make `channels` (as check_helpline returns them) the saved helpline's full list of channels and hours.

    Channels are matched by id, else by kind and contact; hours rows by day and times. A new channel or row takes
    the `hsds_id` it carries, if any. Changing how or when people get in touch clears the verification: staff
    check the new details again. The caller checks permission; create_helpline, update_helpline and the HSDS
    import come through here.
    """
    with transaction.atomic():
        before = _fingerprint(helpline) if helpline.verified_on else None
        _write_channels(helpline, channels)
        if before is not None and _fingerprint(helpline) != before:
            helpline.verified_on, helpline.verified_by = None, None
            helpline.save(update_fields=["verified_on", "verified_by", "updated_at"])
            log.info("helpline %s contacts changed by user %s: verification cleared", helpline.pk, _pk(actor))
    log.info("helpline %s channels written by user %s", helpline.pk, _pk(actor))
    return helpline


def _pk(actor):
    return getattr(actor, "pk", None)


def _save(helpline: Helpline) -> None:
    try:
        with transaction.atomic():
            helpline.save()
    except IntegrityError:
        raise ValidationError({"slug": [_("Another helpline already uses this address.")]}) from None


def _set_relations(helpline: Helpline, details: dict) -> None:
    for name in ("languages", "topics", "audiences"):
        if name in details:
            getattr(helpline, name).set(details[name])


def _apply(helpline: Helpline, details: dict) -> None:
    for name in HELPLINE_FIELDS:
        if name in details and name not in ("languages", "topics", "audiences"):
            setattr(helpline, name, details[name])


def create_helpline(*, actor, organisation: Organisation, data: dict, channels=(), publish: bool = False) -> Helpline:
    """Add a helpline for an organisation, with its channels and their hours; a draft unless `publish`."""
    if not can_publish_for(actor, organisation):
        raise PermissionDenied(_("Only members of a verified organisation can add helplines for it."))
    checked = check_helpline(data=data, channels=list(channels))
    if publish and not checked.channels:
        raise ValidationError({"channels": [_("Add at least one way to get in touch before publishing.")]})
    with transaction.atomic():
        helpline = Helpline(organisation=organisation, status=PublicationStatus.DRAFT)
        _apply(helpline, checked.details)
        helpline.slug = checked.details["slug"] or _unique_slug(checked.details["name"], checked.details["country"])
        if publish:
            helpline.status = PublicationStatus.PUBLISHED
        _save(helpline)
        _set_relations(helpline, checked.details)
        write_channels(actor=actor, helpline=helpline, channels=checked.channels)
    log.info("helpline %s created by user %s", helpline.pk, getattr(actor, "pk", None))
    return helpline


def update_helpline(*, actor, helpline: Helpline, data: dict, channels=None, publish: bool = False) -> Helpline:
    """Change a helpline, and publish it too if asked; `channels`, when given, is the full new list (matched by id,
    else by kind and contact).

    Changing how to get in touch or when clears the verification: staff check the new details again.
    """
    if not can_publish_for(actor, helpline.organisation):
        raise PermissionDenied(_("Only members of its organisation can change this helpline."))
    with transaction.atomic():
        helpline = Helpline.objects.select_for_update().get(pk=helpline.pk)
        checked = check_helpline(data=data, channels=channels, instance=helpline)
        old_slug = helpline.slug
        _apply(helpline, checked.details)
        helpline.slug = helpline.slug or old_slug
        if checked.channels_given or "country" in data:
            write_channels(actor=actor, helpline=helpline, channels=checked.channels)  # may clear the verification
        if publish:
            helpline.status = PublicationStatus.PUBLISHED
        if helpline.status == PublicationStatus.PUBLISHED and not checked.channels:
            raise ValidationError({"channels": [_("A published helpline needs at least one way to get in touch.")]})
        _save(helpline)
        _set_relations(helpline, checked.details)
    log.info("helpline %s updated by user %s", helpline.pk, getattr(actor, "pk", None))
    return helpline


def publish_helpline(*, actor, helpline: Helpline) -> Helpline:
    if not can_publish_for(actor, helpline.organisation):
        raise PermissionDenied(_("Only members of its organisation can publish this helpline."))
    with transaction.atomic():
        helpline = Helpline.objects.select_for_update().get(pk=helpline.pk)
        if not helpline.channels.exists():
            raise ValidationError({"channels": [_("Add at least one way to get in touch before publishing.")]})
        if helpline.status != PublicationStatus.PUBLISHED:
            helpline.status = PublicationStatus.PUBLISHED
            helpline.save(update_fields=["status", "updated_at"])
    log.info("helpline %s published by user %s", helpline.pk, getattr(actor, "pk", None))
    return helpline


def archive_helpline(*, actor, helpline: Helpline) -> Helpline:
    """Take a helpline off every list and page; it stays in the database and can be published again."""
    if not can_publish_for(actor, helpline.organisation):
        raise PermissionDenied(_("Only members of its organisation can archive this helpline."))
    with transaction.atomic():
        helpline = Helpline.objects.select_for_update().get(pk=helpline.pk)
        if helpline.status != PublicationStatus.ARCHIVED:
            helpline.status = PublicationStatus.ARCHIVED
            helpline.save(update_fields=["status", "updated_at"])
    log.info("helpline %s archived by user %s", helpline.pk, getattr(actor, "pk", None))
    return helpline


def verify_helpline(*, actor, helpline: Helpline, verified_on: date | None = None, source_url: str = "") -> Helpline:
    """Staff confirm they checked the details against the service's own site (`source_url`) on that day."""
    if not can_verify(actor):
        raise PermissionDenied(_("Only staff can verify helplines."))
    today = utc_today()
    verified_on = verified_on or today
    errors = _Errors()
    if verified_on > today:
        errors.add("verified_on", _("The verification date can't be in the future."))
    source_url = _url(errors, "source_url", source_url) if source_url else ""
    errors.raise_if_any()
    with transaction.atomic():
        helpline = Helpline.objects.select_for_update().get(pk=helpline.pk)
        helpline.verified_on, helpline.verified_by = verified_on, actor
        fields = ["verified_on", "verified_by", "updated_at"]
        if source_url:
            helpline.source_url = source_url
            fields.append("source_url")
        helpline.save(update_fields=fields)
    log.info("helpline %s verified by user %s", helpline.pk, actor.pk)
    return helpline


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


def set_emergency_number(*, actor, country: str, number: str, note: str = "", source_url: str = "") -> EmergencyNumber:
    """Record a country's emergency number (staff only); phonenumbers must know it as an emergency number there."""
    if not can_verify(actor):
        raise PermissionDenied(_("Only staff can change emergency numbers."))
    checked = check_emergency_number(country=country, number=number, note=note, source_url=source_url)
    emergency, _created = EmergencyNumber.objects.update_or_create(
        country=checked["country"],
        defaults={"number": checked["number"], "note": checked["note"], "source_url": checked["source_url"]},
    )
    log.info("emergency number for %s set by user %s", checked["country"], actor.pk)
    return emergency


# One channel at a time (the admin's channel page)


def _channel_list(helpline: Helpline, *, replace: Channel, data: dict, hours) -> tuple[list[dict], int]:
    channels, index = [], 0
    for position, channel in enumerate(helpline.channels.order_by("position", "pk")):
        entry = {
            "id": channel.pk,
            "kind": channel.kind,
            "value": channel.value,
            "label": channel.label,
            "always_open": channel.always_open,
        }
        if channel.pk == replace.pk:
            entry.update(data)
            if hours is not None:
                entry["hours"] = hours
            index = position
        channels.append(entry)
    return channels, index


def _only_channel_errors(error: ValidationError, index: int) -> ValidationError:
    prefix = f"channels.{index}."
    found = {
        name[len(prefix) :]: messages
        for name, messages in error.message_dict.items()
        if name.startswith(prefix) or name == f"channels.{index}"
    }
    return ValidationError(found or error.message_dict)


def check_channel(*, channel: Channel, data: dict, hours=None) -> None:
    """Check a change to one channel (`data`: kind, value, label, always_open; `hours`: its full list of rows).
    Errors are named from the channel: "value", "hours.2.closes"."""
    channels, index = _channel_list(channel.helpline, replace=channel, data=data, hours=hours)
    try:
        check_helpline(data={}, channels=channels, instance=channel.helpline)
    except ValidationError as error:
        raise _only_channel_errors(error, index) from None


def update_channel(*, actor, channel: Channel, data: dict, hours=None) -> Channel:
    """Change one channel and, when given, replace its opening hours; through update_helpline, so the same rules
    (and the same loss of verification when contacts or hours change) apply."""
    helpline = channel.helpline
    channels, index = _channel_list(helpline, replace=channel, data=data, hours=hours)
    try:
        update_helpline(actor=actor, helpline=helpline, data={}, channels=channels)
    except ValidationError as error:
        raise _only_channel_errors(error, index) from None
    return Channel.objects.get(pk=channel.pk)


# The CSV import

CSV_COLUMNS = (
    "helpline",
    "name",
    "organisation",
    "country",
    "region",
    "time_zone",
    "website",
    "description",
    "topics",
    "audiences",
    "languages",
    "free",
    "confidential",
    "source_url",
    "status",
    "verified_on",
    "channel",
    "contact",
    "label",
    "hours",
)
CSV_REQUIRED = ("helpline", "name", "organisation", "country", "time_zone", "channel", "contact", "hours")
# Helpline columns: given on a helpline's first row; later rows of the same helpline may leave them blank.
_CSV_HELPLINE_COLUMNS = CSV_COLUMNS[1:16]
_CSV_TO_FIELD = {
    "name": "name",
    "country": "country",
    "region": "region",
    "time_zone": "time_zone",
    "website": "website",
    "description": "description",
    "topics": "topics",
    "audiences": "audiences",
    "languages": "languages",
    "free": "is_free",
    "confidential": "is_confidential",
    "source_url": "source_url",
}
_FIELD_TO_CSV = {value: key for key, value in _CSV_TO_FIELD.items()} | {
    "slug": "helpline",
    "value": "contact",
    "kind": "channel",
    "label": "label",
    "hours": "hours",
    "always_open": "hours",
    "id": "channel",
}
_CHANNEL_WORDS = {
    "phone": Channel.Kind.PHONE,
    "call": Channel.Kind.PHONE,
    "sms": Channel.Kind.SMS,
    "text": Channel.Kind.SMS,
    "webchat": Channel.Kind.WEBCHAT,
    "chat": Channel.Kind.WEBCHAT,
    "whatsapp": Channel.Kind.WHATSAPP,
    "email": Channel.Kind.EMAIL,
}
_DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
MAX_CSV_BYTES = 2 * 1024 * 1024
MAX_CSV_ROWS = 5000


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


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)


@dataclass
class _Group:
    slug: str
    first_line: int
    values: dict
    channels: list = field(default_factory=list)  # (line, channel dict)


def _row_error(line: int, column: str, message) -> ValidationError:
    return ValidationError(
        _("Line %(line)s, %(field)s: %(problem)s"),
        code="invalid_row",
        params={"line": line, "field": column, "problem": str(message)},
    )


def _read_csv(file) -> tuple[list[_Group], list[ValidationError]]:
    raw = file.read(MAX_CSV_BYTES + 1)
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    if len(raw) > MAX_CSV_BYTES:
        return [], [_row_error(0, "file", _("The file is larger than 2 MB. Split it into smaller files."))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [_row_error(0, "file", _("The file is not UTF-8 text. Save it as “CSV UTF-8”."))]
    if "\x00" in text:
        return [], [_row_error(0, "file", _("The file contains NUL characters; it is not a CSV file."))]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    errors: list[ValidationError] = []
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    missing = [name for name in CSV_REQUIRED if name not in header]
    if missing:
        return [], [_row_error(1, "header", _("Missing columns: %(names)s.") % {"names": ", ".join(missing)})]
    unknown = [name for name in header if name and name not in CSV_COLUMNS]
    if unknown:
        errors.append(_row_error(1, "header", _("Unknown columns: %(names)s.") % {"names": ", ".join(unknown)}))
    reader.fieldnames = header
    groups: dict[str, _Group] = {}
    line = 1
    count = 0
    try:
        for record in reader:
            line_start, line = line + 1, reader.line_num
            count += 1
            if count > MAX_CSV_ROWS:
                errors.append(
                    _row_error(line_start, "file", _("Use at most %(count)d rows.") % {"count": MAX_CSV_ROWS})
                )
                break
            if None in record:
                errors.append(_row_error(line_start, "row", _("This row has more cells than the header.")))
                continue
            row = {name: (value or "").strip() for name, value in record.items() if name}
            if not any(row.values()):
                continue
            slug = row.get("helpline", "")
            if not slug:
                errors.append(_row_error(line_start, "helpline", _("Give the helpline's address (its slug).")))
                continue
            group = groups.get(slug)
            if group is None:
                group = groups[slug] = _Group(slug=slug, first_line=line_start, values=row)
            else:
                for column in _CSV_HELPLINE_COLUMNS:
                    if row.get(column) and row[column] != group.values.get(column, ""):
                        errors.append(
                            _row_error(
                                line_start,
                                column,
                                _("This differs from line %(line)d for the same helpline.")
                                % {"line": group.first_line},
                            )
                        )
            kind = _CHANNEL_WORDS.get(row.get("channel", "").lower())
            if kind is None:
                errors.append(_row_error(line_start, "channel", _("Use call, text, chat, whatsapp or email.")))
                continue
            try:
                always_open, hours = parse_hours(row.get("hours", ""))
            except ValueError as error:
                errors.append(
                    _row_error(
                        line_start,
                        "hours",
                        _("Could not read “%(part)s”. Write “24/7” or days and times, like “Mon-Fri 09:00-17:00”.")
                        % {"part": str(error)[:60]},
                    )
                )
                continue
            group.channels.append(
                (
                    line_start,
                    {
                        "kind": kind,
                        "value": row.get("contact", ""),
                        "label": row.get("label", ""),
                        "always_open": always_open,
                        "hours": hours,
                    },
                )
            )
    except csv.Error as error:
        errors.append(_row_error(line + 1, "file", _("This is not valid CSV: %(error)s") % {"error": error}))
    if not groups and not errors:
        errors.append(_row_error(2, "file", _("The file has no helplines.")))
    return list(groups.values()), errors


def _errors_for_group(group: _Group, error: ValidationError) -> list[ValidationError]:
    found = []
    for name, messages in error.message_dict.items():
        parts = name.split(".")
        line, column = group.first_line, _FIELD_TO_CSV.get(name, name)
        if parts[0] == "channels" and len(parts) > 1 and parts[1].isdigit() and int(parts[1]) < len(group.channels):
            line = group.channels[int(parts[1])][0]
            column = _FIELD_TO_CSV.get(parts[2], parts[2]) if len(parts) > 2 else "channel"
        for message in messages:
            found.append(_row_error(line, column, message))
    return found


def import_helplines_csv(*, actor, file) -> ImportResult:
    """Import helplines from a CSV file (one row per channel; see the README for the columns).

    Every row is checked with the same rules as any other helpline change before anything is written; if any row
    is wrong, nothing is imported and one ValidationError lists every problem by line number and column.
    A helpline whose address (slug) exists is updated: its channels become the ones in the file.
    """
    groups, errors = _read_csv(file)
    organisations = {
        org.slug: org
        for org in Organisation.objects.filter(slug__in={group.values.get("organisation", "") for group in groups})
    }
    existing = {
        helpline.slug: helpline
        for helpline in Helpline.objects.filter(slug__in=[group.slug for group in groups]).select_related(
            "organisation"
        )
    }
    plans = []
    for group in groups:
        values = group.values
        organisation = organisations.get(values.get("organisation", ""))
        if organisation is None:
            errors.append(
                _row_error(
                    group.first_line,
                    "organisation",
                    _("No organisation has the address “%(slug)s”.") % {"slug": values.get("organisation", "")},
                )
            )
            continue
        if not can_publish_for(actor, organisation):
            errors.append(
                _row_error(group.first_line, "organisation", _("You can't publish helplines for this organisation."))
            )
            continue
        instance = existing.get(group.slug)
        if instance is not None and instance.organisation_id != organisation.pk:
            errors.append(
                _row_error(group.first_line, "organisation", _("This helpline belongs to another organisation."))
            )
            continue
        data = {"slug": group.slug}
        data.update({fieldname: values.get(column, "") for column, fieldname in _CSV_TO_FIELD.items()})
        data["is_free"] = data["is_free"] or "yes"
        data["is_confidential"] = data["is_confidential"] or "yes"
        default_status = instance.status if instance is not None else PublicationStatus.DRAFT
        status = (values.get("status") or default_status).lower()
        if status not in PublicationStatus.values:
            errors.append(_row_error(group.first_line, "status", _("Use draft, published or archived.")))
        verified_on = None
        if values.get("verified_on"):
            try:
                verified_on = date.fromisoformat(values["verified_on"])
            except ValueError:
                errors.append(_row_error(group.first_line, "verified_on", _("Write the date as YYYY-MM-DD.")))
            else:
                if not can_verify(actor):
                    errors.append(_row_error(group.first_line, "verified_on", _("Only staff can verify helplines.")))
                elif verified_on > utc_today():
                    errors.append(
                        _row_error(group.first_line, "verified_on", _("The verification date can't be in the future."))
                    )
        channels = [channel for _line, channel in group.channels]
        try:
            check_helpline(data=data, channels=channels, instance=instance)
        except ValidationError as error:
            errors.extend(_errors_for_group(group, error))
            continue
        plans.append((group, organisation, instance, data, channels, status, verified_on))
    if errors:
        errors.sort(key=lambda error: error.params["line"])
        raise ValidationError(errors)

    result = ImportResult()
    with transaction.atomic():
        for _group, organisation, instance, data, channels, status, verified_on in plans:
            if instance is None:
                helpline = create_helpline(actor=actor, organisation=organisation, data=data, channels=channels)
                result.created.append(helpline)
            else:
                helpline = update_helpline(actor=actor, helpline=instance, data=data, channels=channels)
                result.updated.append(helpline)
            if status == PublicationStatus.PUBLISHED:
                helpline = publish_helpline(actor=actor, helpline=helpline)
            elif status == PublicationStatus.ARCHIVED:
                helpline = archive_helpline(actor=actor, helpline=helpline)
            elif helpline.status != PublicationStatus.DRAFT:
                helpline.status = PublicationStatus.DRAFT  # the file asks for a draft: take it off the lists
                helpline.save(update_fields=["status", "updated_at"])
            if verified_on:
                verify_helpline(actor=actor, helpline=helpline, verified_on=verified_on)
    log.info(
        "helpline CSV import by user %s: %d created, %d updated",
        getattr(actor, "pk", None),
        len(result.created),
        len(result.updated),
    )
    return result
