"""Reading HSDS objects into plans of what to write, before anything is checked against the library's rules.

How HSDS maps onto the library:

- An organization is an organisation; its country comes from its addresses, its registration number from its
  first organization identifier.
- A service already known by its id updates that helpline or resource; a new service with a phone becomes a
  helpline (its phones, and its email, become channels), any other a resource of kind "service".
- Phones of type "text" are text lines, and "WhatsApp" at the start of a phone's description marks a WhatsApp
  number; other phones are calls. Numbers are stored as the helpline services store them (E.164, or the
  digits of a short number).
- Schedules are weekly rules (freq WEEKLY, byday, opens_at, closes_at). One whose `attending_type` reads
  "<kind>: <contact>" (as the export writes it) belongs to that channel; any other applies to all the
  service's phones. A rule covering every day from 00:00 to 23:59 means open 24/7; one closing at or before
  its opening time closes the next day. Email needs no schedule: it can be written at any time.
- Countries come from service areas (an ISO 3166 URI, a two-letter code or a country's name), else from the
  phone numbers; the time zone from a schedule's notes (an IANA name such as Europe/London), else its UTC
  offset, else the phone numbers' or the country's zone.
- Taxonomy terms become topics when they are Hearten topics (by id, or by code in the Hearten taxonomy).
  Other taxonomies' terms, unknown languages and areas, locations, contacts, funding and programs are left
  out, each with a warning.
"""

import re
import uuid
import zoneinfo
from dataclasses import dataclass, field
from datetime import date, time
from functools import lru_cache
from pathlib import Path

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext as _
from django_countries import countries
from phonenumbers import shortnumberinfo

from ...models import WORLDWIDE, Area, Channel, Language, Topic
from .. import helplines as helpline_rules
from .objects import (
    ALWAYS_OPEN_CLOSES,
    HEARTEN_TAXONOMY_ID,
    HEARTEN_TAXONOMY_NAME,
    PHONE_CHANNELS,
    WEEKDAYS,
    WHATSAPP,
    derived_id,
    free_text,
)
from .reading import Directory, HSDSImportError, Problem, Source

_web_address = URLValidator(schemes=["http", "https"])
_email = EmailValidator()
_ATTENDING = re.compile(r"^\s*(phone|sms|webchat|whatsapp|email)\s*:\s*(\S.*?)\s*$", re.IGNORECASE)
_ZONE_NAME = re.compile(r"\b(?:[A-Z][A-Za-z_\-]+/)+[A-Za-z0-9_\-+]+\b|\bUTC\b")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$")
_COUNTRY_URI = re.compile(r"3166(?:-1)?[:/#]+([A-Za-z]{2})/?$")
# Schedule fields a weekly opening cannot hold: a schedule that uses them keeps only its days and times.
_UNSUPPORTED_RULES = ("count", "until", "valid_to", "byweekno", "bymonthday", "byyearday")
_LEFT_OUT = ("locations", "contacts", "funding", "programs", "program", "cost_options", "required_documents")


@dataclass
class ImportResult:
    organisations_created: int = 0
    organisations_updated: int = 0
    helplines_created: int = 0
    helplines_updated: int = 0
    resources_created: int = 0
    resources_updated: int = 0
    warnings: list[str] = field(default_factory=list)

    def warn(self, source: Source, message: str, at: str = "") -> None:
        text = str(source.problem(message, at))
        if text not in self.warnings:
            self.warnings.append(text)


# What the files ask for, before it is checked against the library's rules


@dataclass
class HoursPlan:
    hsds_id: uuid.UUID
    weekday: int
    opens: time
    closes: time
    closes_next_day: bool
    source: Source

    def key(self) -> tuple:
        return (self.weekday, self.opens, self.closes, self.closes_next_day)


@dataclass
class ChannelPlan:
    kind: str
    value: str
    label: str
    hsds_id: uuid.UUID | None
    source: Source
    always_open: bool = False
    hours: list[HoursPlan] = field(default_factory=list)
    scheduled: bool = False  # some schedule names it

    def key(self) -> tuple:
        return (self.kind, self.value)


@dataclass
class OrganisationPlan:
    source: Source
    hsds_id: uuid.UUID
    name: str
    description: str
    website: str
    email: str
    registration_number: str
    country: str  # "" when the file says nothing: the organisation keeps its own
    nested_only: bool = False  # seen only inside a service: created if missing, never changed


@dataclass
class ServicePlan:
    source: Source
    hsds_id: uuid.UUID
    organisation_id: uuid.UUID | None
    name: str
    description: str
    url: str
    status: str
    assured_on: date | None
    countries: list[tuple[str, str]]  # (code, region); WORLDWIDE for worldwide
    languages: list[str]
    topics: list[str]  # slugs
    channels: list[ChannelPlan]
    zone: str  # the time zone the data states ("" if none)
    is_free: bool | None  # None: fees_description says nothing
    phone_country: str = ""


@dataclass
class _Rule:
    """One weekly schedule, read."""

    source: Source
    hsds_id: uuid.UUID
    days: list[int]
    opens: time
    closes: time
    closes_next_day: bool
    always_open: bool
    target: tuple[str, str] | None  # (kind, contact) from attending_type


# Vocabularies


@dataclass
class Vocabulary:
    languages: set[str]
    language_names: dict[str, str]
    areas: dict[str, str]  # code -> name
    area_names: dict[str, str]  # lowercase name -> code
    topics_by_id: dict[uuid.UUID, str]  # hsds_id -> slug
    topic_slugs: set[str]

    @classmethod
    def load(cls) -> "Vocabulary":
        languages = dict(Language.objects.values_list("code", "name"))
        areas = dict(Area.objects.values_list("code", "name"))
        area_names = {name.lower(): code for code, name in areas.items()}
        area_names.update({str(name).lower(): code for code, name in countries if code in areas})
        topics = dict(Topic.objects.values_list("hsds_id", "slug"))
        return cls(
            languages=set(languages),
            language_names={name.lower(): code for code, name in languages.items()},
            areas=areas,
            area_names=area_names,
            topics_by_id=topics,
            topic_slugs=set(topics.values()),
        )


def _uuid(value) -> uuid.UUID:
    return uuid.UUID(str(value))


def _text(obj: dict, name: str) -> str:
    value = obj.get(name)
    return value.strip() if isinstance(value, str) else ""


@lru_cache(maxsize=1)
def known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _offset_zone(hours: float) -> str:
    """The IANA zone for a whole-hour UTC offset ("Etc/GMT-3" is UTC+3: POSIX signs are inverted)."""
    if hours != int(hours) or not -12 <= hours <= 14:
        return ""
    hours = int(hours)
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


def _parse_clock(text: str) -> tuple[time, str] | None:
    """("09:30", "") from "09:30", "09:30:00", "09:30Z" or "09:30-05:00"; the second item is the offset zone."""
    match = _CLOCK.match(text.strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour == 24 and minute == 0:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    zone = ""
    offset = match.group(4)
    if offset == "Z":
        zone = "UTC"
    elif offset:
        digits = offset[1:].replace(":", "")
        hours = int(digits[:2]) + (int(digits[2:] or 0) / 60)
        zone = _offset_zone(hours if offset[0] == "+" else -hours)
    return time(hour, minute), zone


# Reading services


class _ServiceReader:
    def __init__(self, vocabulary: Vocabulary, result: ImportResult, problems: list[Problem]):
        self.vocabulary = vocabulary
        self.result = result
        self.problems = problems

    def read(self, obj: dict, source: Source, *, organisation_id: uuid.UUID | None) -> ServicePlan:
        nested_org = obj.get("organization") if isinstance(obj.get("organization"), dict) else None
        if obj.get("organization_id"):
            organisation_id = _uuid(obj["organization_id"])
        elif nested_org and nested_org.get("id"):
            organisation_id = _uuid(nested_org["id"])
        if organisation_id is None:
            self.problems.append(source.problem(_("The service names no organization."), ".organization_id"))
        for name in _LEFT_OUT:
            if obj.get(name):
                self.result.warn(source, _("Left out: Hearten keeps no %(field)s for services.") % {"field": name})

        countries_served = self._areas(obj, source)
        plan = ServicePlan(
            source=source,
            hsds_id=_uuid(obj["id"]),
            organisation_id=organisation_id,
            name=_text(obj, "name"),
            description=obj.get("description") if isinstance(obj.get("description"), str) else "",
            url=_text(obj, "url"),
            status=obj["status"],
            assured_on=self._date(obj, source, "assured_date"),
            countries=countries_served,
            languages=self._languages(obj, source),
            topics=self._topics(obj, source),
            channels=[],
            zone="",
            is_free=self._is_free(obj),
        )
        country = next((code for code, _region in countries_served if code != WORLDWIDE), "")
        self._phones(obj, source, plan, country)
        email = _text(obj, "email")
        if email:
            self._add_channel(plan, Channel.Kind.EMAIL, email, "", None, source.nested(".email"), country)
        self._schedules(obj, source, plan, country or plan.phone_country)
        for channel in plan.channels:
            # Email can be written at any time; it needs no schedule unless the file gives it one.
            if channel.kind == Channel.Kind.EMAIL and not channel.scheduled:
                channel.always_open = True
        return plan

    def _is_free(self, obj: dict) -> bool | None:
        fees = _text(obj, "fees_description").lower()
        if not fees:
            return None
        return fees.startswith(("free", free_text().lower().rstrip(".")))

    def _date(self, obj: dict, source: Source, name: str) -> date | None:
        text = _text(obj, name)
        if not text:
            return None
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            self.problems.append(source.problem(_("Write the date as YYYY-MM-DD."), f".{name}"))
            return None

    def _areas(self, obj: dict, source: Source) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        for index, area in enumerate(obj.get("service_areas") or ()):
            name = _text(area, "name")
            code, region = "", ""
            match = _COUNTRY_URI.search(_text(area, "uri"))
            if match and match.group(1).upper() in self.vocabulary.areas:
                code = match.group(1).upper()
                # "Wales, United Kingdom": a region, then the country's name.
                for country_name in (str(countries.name(code)), self.vocabulary.areas[code]):
                    if country_name and name.lower().endswith(", " + country_name.lower()):
                        region = name[: -len(country_name) - 2].strip()
                        break
            elif name.upper() in self.vocabulary.areas:
                code = name.upper()
            elif name.lower() in self.vocabulary.area_names:
                code = self.vocabulary.area_names[name.lower()]
            elif ", " in name and name.rsplit(", ", 1)[1].lower() in self.vocabulary.area_names:
                code = self.vocabulary.area_names[name.rsplit(", ", 1)[1].lower()]
                region = name.rsplit(", ", 1)[0].strip()
            if not code:
                self.result.warn(
                    source,
                    _("“%(name)s” is not a country we know, so the area is left out.") % {"name": name[:80]},
                    f".service_areas[{index}]",
                )
                continue
            if code not in [known for known, _region in found]:
                found.append((code, region[:100]))
        return found

    def _languages(self, obj: dict, source: Source) -> list[str]:
        codes: list[str] = []
        for index, language in enumerate(obj.get("languages") or ()):
            code = _text(language, "code").lower()
            if code not in self.vocabulary.languages:
                code = self.vocabulary.language_names.get(_text(language, "name").lower(), "")
            if not code:
                self.result.warn(
                    source,
                    _("“%(language)s” is not an ISO 639-1 language we know, so it is left out.")
                    % {"language": _text(language, "code") or _text(language, "name")},
                    f".languages[{index}]",
                )
            elif code not in codes:
                codes.append(code)
        return codes

    def _topics(self, obj: dict, source: Source) -> list[str]:
        slugs: list[str] = []
        for index, attribute in enumerate(obj.get("attributes") or ()):
            term = attribute.get("taxonomy_term") if isinstance(attribute.get("taxonomy_term"), dict) else {}
            term_id = attribute.get("taxonomy_term_id") or term.get("id")
            slug = self.vocabulary.topics_by_id.get(_uuid(term_id)) if term_id else None
            in_hearten_taxonomy = (
                str(term.get("taxonomy_id", "")) == str(HEARTEN_TAXONOMY_ID)
                or term.get("taxonomy") == HEARTEN_TAXONOMY_NAME
            )
            if slug is None and in_hearten_taxonomy and term.get("code") in self.vocabulary.topic_slugs:
                slug = term["code"]
            if slug is None:
                self.result.warn(
                    source,
                    _("The term “%(term)s” is not a Hearten topic, so it is left out.")
                    % {"term": term.get("name") or term_id or "?"},
                    f".attributes[{index}]",
                )
            elif slug not in slugs:
                slugs.append(slug)
        return slugs

    def _phones(self, obj: dict, source: Source, plan: ServicePlan, country: str) -> None:
        for index, phone in enumerate(obj.get("phones") or ()):
            at = source.nested(f".phones[{index}]")
            kind_name = _text(phone, "type").lower()
            description = _text(phone, "description")
            if description.lower().startswith(WHATSAPP.lower()) or "whatsapp" in kind_name:
                kind = Channel.Kind.WHATSAPP
                description = description[len(WHATSAPP) :].lstrip(" :–-") if description else ""
            elif kind_name in ("text", "sms"):
                kind = Channel.Kind.SMS
            elif kind_name in ("fax", "pager", "video"):
                self.result.warn(
                    source,
                    _("A %(type)s number is not a way to reach a helpline: left out.") % {"type": kind_name},
                    f".phones[{index}]",
                )
                continue
            else:
                kind = Channel.Kind.PHONE
            if isinstance(phone.get("extension"), int | float):
                description = " ".join(
                    filter(None, [_("Extension %(number)s.") % {"number": int(phone["extension"])}, description])
                )
            if len(description) > 100:
                description = description[:99].rstrip() + "…"
            self._add_channel(plan, kind, phone["number"], description, _uuid(phone["id"]), at, country)

    def _normalise(self, kind: str, raw: str, country: str, at: Source) -> tuple[str, str] | None:
        """The contact as the library stores it, and the country a phone number belongs to."""
        raw = raw.strip().strip("\"'").strip()
        number_country = ""
        short_code = kind == Channel.Kind.SMS and re.fullmatch(r"\d{3,8}", re.sub(r"[\s\-]", "", raw))
        if kind in PHONE_CHANNELS and not country and not raw.startswith("+") and not short_code:
            self.problems.append(
                at.problem(
                    _(
                        "Cannot tell which country “%(number)s” is in: write it in international format "
                        "(starting with +), or add a service area naming the country."
                    )
                    % {"number": raw}
                )
            )
            return None
        if kind in PHONE_CHANNELS and raw.startswith("+"):
            try:
                number = phonenumbers.parse(raw, None)
            except phonenumbers.NumberParseException:
                number = None
            if number is not None:
                number_country = phonenumbers.region_code_for_number(number) or next(
                    iter(phonenumbers.region_codes_for_country_code(number.country_code)), ""
                )
                if number_country == "001":
                    number_country = ""
                if not phonenumbers.is_valid_number(number) and shortnumberinfo.is_valid_short_number(number):
                    # A short number (116 123) is dialled by its digits inside its country.
                    raw = str(number.national_number)
        try:
            value = helpline_rules.normalise_contact(kind, raw, country=country or number_country)
        except ValidationError as error:
            self.problems.append(at.problem(" ".join(error.messages)))
            return None
        return value, number_country

    def _add_channel(self, plan, kind, raw, label, hsds_id, at: Source, country: str) -> ChannelPlan | None:
        normalised = self._normalise(kind, raw, country, at)
        if normalised is None:
            return None
        value, number_country = normalised
        if number_country and not plan.phone_country:
            plan.phone_country = number_country
        for channel in plan.channels:
            if channel.key() == (kind, value):
                channel.hsds_id = channel.hsds_id or hsds_id
                return channel
        channel = ChannelPlan(kind=kind, value=value, label=label, hsds_id=hsds_id, source=at)
        plan.channels.append(channel)
        return channel

    def _schedules(self, obj: dict, source: Source, plan: ServicePlan, country: str) -> None:
        rules = []
        for index, schedule in enumerate(obj.get("schedules") or ()):
            rule = self._rule(schedule, source.nested(f".schedules[{index}]"), plan)
            if rule is not None:
                rules.append(rule)
        general = [channel for channel in plan.channels if channel.kind != Channel.Kind.EMAIL]
        for rule in rules:
            if rule.target:
                kind, raw = rule.target
                # A 24/7 schedule is named by its channel (see objects._schedules).
                wanted = rule.hsds_id if rule.always_open else None
                channel = self._add_channel(plan, kind, raw, "", wanted, rule.source.nested(".attending_type"), country)
                targets = [channel] if channel else []
            else:
                targets = general
                if not targets:
                    self.result.warn(rule.source, _("No phone of this service to apply the schedule to: left out."))
            for position, channel in enumerate(targets):
                channel.scheduled = True
                if rule.always_open:
                    channel.always_open = True
                    continue
                for day_position, day in enumerate(rule.days):
                    if position == 0 and day_position == 0:
                        hsds_id = rule.hsds_id
                    else:
                        hsds_id = derived_id(rule.hsds_id, channel.kind, channel.value, WEEKDAYS[day])
                    hours = HoursPlan(hsds_id, day, rule.opens, rule.closes, rule.closes_next_day, rule.source)
                    if hours.key() not in [known.key() for known in channel.hours]:
                        channel.hours.append(hours)
        for channel in plan.channels:
            if channel.always_open:
                channel.hours = []

    def _rule(self, schedule: dict, at: Source, plan: ServicePlan) -> _Rule | None:
        zone = self._zone(schedule)
        if zone and not plan.zone:
            plan.zone = zone
        freq = _text(schedule, "freq").upper()
        if freq and freq != "WEEKLY":
            self.result.warn(at, _("Only weekly schedules are kept; this %(freq)s one is left out.") % {"freq": freq})
            return None
        days: list[int] = []
        for token in [part.strip().upper() for part in _text(schedule, "byday").split(",") if part.strip()]:
            if token not in WEEKDAYS:
                self.problems.append(
                    at.problem(
                        _("“%(day)s” is not a day: use MO, TU, WE, TH, FR, SA or SU.") % {"day": token}, ".byday"
                    )
                )
                return None
            if WEEKDAYS.index(token) not in days:
                days.append(WEEKDAYS.index(token))
        if not days and _text(schedule, "dtstart"):
            try:
                days = [date.fromisoformat(_text(schedule, "dtstart")[:10]).weekday()]
            except ValueError:
                self.problems.append(at.problem(_("Write the date as YYYY-MM-DD."), ".dtstart"))
                return None
        opens_text, closes_text = _text(schedule, "opens_at"), _text(schedule, "closes_at")
        if not days or not opens_text or not closes_text:
            self.result.warn(at, _("The schedule gives no weekly days and times, so it is left out."))
            return None
        opens, closes = _parse_clock(opens_text), _parse_clock(closes_text)
        if opens is None or closes is None:
            bad = ".opens_at" if opens is None else ".closes_at"
            self.problems.append(at.problem(_("Write the time as HH:MM, like 09:00 or 17:30."), bad))
            return None
        if any(schedule.get(name) for name in _UNSUPPORTED_RULES) or (schedule.get("interval") or 1) != 1:
            self.result.warn(at, _("Only the weekly days and times of this schedule are kept."))
        (opens_at, opens_zone), (closes_at, _closes_zone) = opens, closes
        if opens_zone and not plan.zone:
            plan.zone = opens_zone
        always_open = (
            len(days) == 7
            and opens_at == time(0)
            and (closes_at == time(0) or f"{closes_at:%H:%M}" == ALWAYS_OPEN_CLOSES)
        )
        target = None
        match = _ATTENDING.match(_text(schedule, "attending_type"))
        if match:
            target = (match.group(1).lower(), match.group(2))
        return _Rule(
            source=at,
            hsds_id=_uuid(schedule["id"]),
            days=sorted(days),
            opens=opens_at,
            closes=closes_at,
            closes_next_day=closes_at <= opens_at,
            always_open=always_open,
            target=target,
        )

    def _zone(self, schedule: dict) -> str:
        for name in ("notes", "description"):
            for candidate in _ZONE_NAME.findall(_text(schedule, name)):
                if candidate in known_zones():
                    return candidate
        offset = schedule.get("timezone")
        if isinstance(offset, int | float) and not isinstance(offset, bool):
            return _offset_zone(offset)
        return ""


# Reading organisations


def _read_organisation(obj: dict, source: Source, *, nested_only: bool) -> OrganisationPlan:
    country = ""
    for location in obj.get("locations") or ():
        for address in location.get("addresses") or ():
            code = _text(address, "country").upper()
            if code in countries and not country:
                country = code
    identifiers = [
        _text(identifier, "identifier") for identifier in obj.get("organization_identifiers") or () if identifier
    ]
    registration = next((value for value in identifiers if value), "") or _text(obj, "tax_id")
    return OrganisationPlan(
        source=source,
        hsds_id=_uuid(obj["id"]),
        name=_text(obj, "name"),
        description=obj.get("description") if isinstance(obj.get("description"), str) else "",
        website=_text(obj, "website"),
        email=_text(obj, "email"),
        registration_number=registration,
        country=country,
        nested_only=nested_only,
    )


def _organisation_problems(plan: OrganisationPlan) -> list[Problem]:
    """The rules an organisation's details meet when people register one."""
    problems = []
    if not plan.name:
        problems.append(plan.source.problem(_("Give the organisation's name."), ".name"))
    elif len(plan.name) > 150:
        problems.append(plan.source.problem(_("Keep the name under 150 characters."), ".name"))
    if len(plan.description) > 5000:
        problems.append(plan.source.problem(_("Keep the description under 5,000 characters."), ".description"))
    if plan.website:
        try:
            if len(plan.website) > 200:
                raise ValidationError("too long")
            _web_address(plan.website)
        except ValidationError:
            problems.append(plan.source.problem(_("Use a web address starting with https:// or http://."), ".website"))
    if plan.email:
        try:
            _email(plan.email)
        except ValidationError:
            problems.append(plan.source.problem(_("Enter an email address like hello@example.org."), ".email"))
    if len(plan.registration_number) > 60:
        problems.append(
            plan.source.problem(_("Keep the registration number under 60 characters."), ".organization_identifiers")
        )
    return problems


# Planning the whole import


@dataclass
class ImportPlan:
    organisations: dict[uuid.UUID, OrganisationPlan]
    services: dict[uuid.UUID, ServicePlan]


def plan_import(directory: Directory, vocabulary: Vocabulary, result: ImportResult) -> ImportPlan:
    problems: list[Problem] = []
    reader = _ServiceReader(vocabulary, result, problems)
    organisations: dict[uuid.UUID, OrganisationPlan] = {}
    services: dict[uuid.UUID, ServicePlan] = {}
    first_seen: dict[tuple[str, uuid.UUID], Source] = {}

    def once(obj: dict, source: Source) -> bool:
        hsds_id = _uuid(obj["id"])
        if (source.file, hsds_id) in first_seen:
            earlier = first_seen[source.file, hsds_id]
            problems.append(
                source.problem(
                    _("The id %(id)s is used twice in %(file)s (also by object %(index)s).")
                    % {"id": hsds_id, "file": source.file, "index": earlier.index},
                    ".id",
                )
            )
            return False
        first_seen[source.file, hsds_id] = source
        return True

    for obj, source in directory.organizations:
        if once(obj, source):
            organisations[_uuid(obj["id"])] = _read_organisation(obj, source, nested_only=False)
    for obj, source in directory.services:
        if once(obj, source):
            services[_uuid(obj["id"])] = reader.read(obj, source, organisation_id=None)
    # Services nested in an organization (organization_full.json), organizations nested in a service.
    for obj, source in directory.organizations:
        for index, nested in enumerate(obj.get("services") or ()):
            if _uuid(nested["id"]) not in services:
                services[_uuid(nested["id"])] = reader.read(
                    nested, source.nested(f".services[{index}]"), organisation_id=_uuid(obj["id"])
                )
    for obj, source in directory.services:
        nested = obj.get("organization")
        if isinstance(nested, dict) and nested.get("id") and _uuid(nested["id"]) not in organisations:
            organisations[_uuid(nested["id"])] = _read_organisation(
                nested, source.nested(".organization"), nested_only=True
            )
    for plan in organisations.values():
        problems.extend(_organisation_problems(plan))
    if problems:
        raise HSDSImportError(problems)
    return ImportPlan(organisations=organisations, services=services)


def country_zones(country: str) -> list[str]:
    """The time zones of a country, from the system's zone.tab (empty if it cannot be read)."""
    for directory in zoneinfo.TZPATH:
        path = Path(directory) / "zone.tab"
        if path.is_file():
            zones = []
            for line in path.read_text(encoding="utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) >= 3 and not line.startswith("#") and parts[0] == country:
                    zones.append(parts[2])
            return [zone for zone in zones if zone in known_zones()]
    return []
