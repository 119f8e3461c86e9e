"""Hearten rows as HSDS 3.0 objects: what the export writes and the HSDS API returns.

Published helplines and resources of kind service or helpline are HSDS services; topics are the terms of one
Hearten taxonomy. Ids are the rows' `hsds_id`s; objects Hearten keeps no row for (a service area, a language
link, a topic link) get ids derived from their parent's, so they stay the same from one export to the next.

Each helpline channel's hours become schedules whose `attending_type` names the channel ("phone: +44116123"),
since HSDS links schedules to services, not to phones; the helpline's IANA time zone is stated in `notes`
("... in Europe/London"), since HSDS can only state a fixed UTC offset, which daylight saving would break.
"""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, time

from django.utils.translation import gettext as _
from django_countries import countries

from ...models import WORLDWIDE, Channel, Helpline, Organisation, Resource, Topic

HSDS_VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
# Fixed, so that partners can rely on them across exports.
HEARTEN_TAXONOMY_ID = uuid.UUID("1bef4dfe-3a2a-41c4-99ab-a10bc06db9aa")
HEARTEN_TAXONOMY_NAME = "Hearten topics"
_DERIVED_IDS = uuid.UUID("8234c909-6c3e-4335-b23c-24131ae1f4f8")

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
COUNTRY_URI = "https://www.iso.org/obp/ui/#iso:code:3166:{code}"
ALWAYS_OPEN_OPENS, ALWAYS_OPEN_CLOSES = "00:00", "23:59"
PHONE_CHANNELS = (Channel.Kind.PHONE, Channel.Kind.SMS, Channel.Kind.WHATSAPP)
WHATSAPP = "WhatsApp"

ACTIVE = "active"

AbsoluteUrl = Callable[[str], str]


def derived_id(*parts) -> uuid.UUID:
    return uuid.uuid5(_DERIVED_IDS, ":".join(str(part) for part in parts))


def timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def about_object() -> dict:
    return {"version": HSDS_VERSION, "openapi_url": OPENAPI_URL}


# Taxonomy


def taxonomy_object() -> dict:
    return {
        "id": str(HEARTEN_TAXONOMY_ID),
        "name": HEARTEN_TAXONOMY_NAME,
        "description": _("The curated, hierarchical topic taxonomy of Hearten's resource library and helplines."),
        "version": "1",
    }


def taxonomy_term_object(topic: Topic) -> dict:
    term = {
        "id": str(topic.hsds_id),
        "code": topic.slug,
        "name": topic.name,
        "description": topic.description,
        "taxonomy": HEARTEN_TAXONOMY_NAME,
        "taxonomy_id": str(HEARTEN_TAXONOMY_ID),
        "taxonomy_detail": taxonomy_object(),
        "language": "en",
    }
    if topic.parent_id:
        term["parent_id"] = str(topic.parent.hsds_id)
    return term


# Organisations


def organization_object(
    organisation: Organisation,
    *,
    nested: bool = True,
    services: list | None = None,
    full_services: bool = False,
    absolute_url: AbsoluteUrl | None = None,
) -> dict:
    """An HSDS organization; `nested` adds its identifiers, `services` (rows) its services."""
    obj = {"id": str(organisation.hsds_id), "name": organisation.name, "description": organisation.description}
    if organisation.email:
        obj["email"] = organisation.email
    if organisation.website:
        obj["website"] = organisation.website
    if organisation.logo and absolute_url:
        obj["logo"] = absolute_url(organisation.logo.url)
    if nested and organisation.registration_number:
        obj["organization_identifiers"] = [
            {
                "id": str(derived_id(organisation.hsds_id, "registration-number")),
                "organization_id": str(organisation.hsds_id),
                "identifier_type": _("Charity or company number"),
                "identifier": organisation.registration_number,
            }
        ]
    if services is not None:
        obj["services"] = [
            service_object(row, nested=full_services, with_organization=False, absolute_url=absolute_url)
            for row in services
        ]
    return obj


# Services


def service_name(row: Helpline | Resource) -> str:
    return row.name if isinstance(row, Helpline) else row.title


def service_object(
    row: Helpline | Resource,
    *,
    nested: bool = True,
    with_organization: bool = True,
    absolute_url: AbsoluteUrl | None = None,
) -> dict:
    """An HSDS service. Flat (`nested=False`): the one-to-one fields of the API's lists; nested: everything."""
    if isinstance(row, Helpline):
        return _helpline_service(row, nested=nested, with_organization=with_organization, absolute_url=absolute_url)
    return _resource_service(row, nested=nested, with_organization=with_organization, absolute_url=absolute_url)


def minimal_service_object(row: Helpline | Resource) -> dict:
    return {
        "id": str(row.hsds_id),
        "name": service_name(row),
        "status": ACTIVE,
        "last_modified": timestamp(row.updated_at),
    }


def _service_base(row, *, name, description, url, email, assured_on, with_organization, absolute_url) -> dict:
    obj = {
        "id": str(row.hsds_id),
        "organization_id": str(row.organisation.hsds_id),
        "name": name,
        "description": description,
        "status": ACTIVE,
    }
    if url:
        obj["url"] = url
    if email:
        obj["email"] = email
    if assured_on:
        obj["assured_date"] = assured_on.isoformat()
    obj["last_modified"] = timestamp(row.updated_at)
    if with_organization:
        obj["organization"] = organization_object(row.organisation, nested=False, absolute_url=absolute_url)
    return obj


def _helpline_service(helpline: Helpline, *, nested, with_organization, absolute_url) -> dict:
    channels = list(helpline.channels.all())
    chats = [channel.value for channel in channels if channel.kind == Channel.Kind.WEBCHAT]
    emails = [channel.value for channel in channels if channel.kind == Channel.Kind.EMAIL]
    obj = _service_base(
        helpline,
        name=helpline.name,
        description=helpline.description,
        url=helpline.website or (chats[0] if chats else ""),
        email=emails[0] if emails else "",
        assured_on=helpline.verified_on,
        with_organization=with_organization,
        absolute_url=absolute_url,
    )
    obj["fees_description"] = free_text() if helpline.is_free else _("Calls or messages may cost money.")
    if not nested:
        return obj
    service_id = str(helpline.hsds_id)
    obj["phones"] = [_phone(channel, service_id) for channel in channels if channel.kind in PHONE_CHANNELS]
    obj["schedules"] = [
        schedule for channel in channels for schedule in _schedules(channel, service_id, helpline.time_zone)
    ]
    obj["service_areas"] = [
        _country_area(service_id, helpline.country.code, helpline.country.name, region=helpline.region)
    ]
    obj["languages"] = [_language(service_id, language) for language in helpline.languages.all()]
    obj["attributes"] = [_topic_attribute(service_id, topic) for topic in helpline.topics.all()]
    return obj


def _resource_service(resource: Resource, *, nested, with_organization, absolute_url) -> dict:
    # The summary first, then the Markdown body: the import splits them again at the first blank line.
    description = f"{resource.summary}\n\n{resource.body}" if resource.body else resource.summary
    obj = _service_base(
        resource,
        name=resource.title,
        description=description,
        url=resource.external_url,
        email="",
        assured_on=resource.reviewed_on,
        with_organization=with_organization,
        absolute_url=absolute_url,
    )
    if not nested:
        return obj
    service_id = str(resource.hsds_id)
    obj["service_areas"] = [
        _worldwide_area(service_id)
        if area.code == WORLDWIDE
        else _country_area(service_id, area.code, countries.name(area.code) or area.name)
        for area in resource.areas.all()
    ]
    obj["languages"] = [_language(service_id, language) for language in resource.languages.all()]
    obj["attributes"] = [_topic_attribute(service_id, topic) for topic in resource.topics.all()]
    return obj


def free_text() -> str:
    """What fees_description says of a free helpline (the import reads "Free…" as free)."""
    return _("Free.")


def attending_type(channel: Channel) -> str:
    """The channel a schedule belongs to, in a form the import reads back: "<kind>: <contact>"."""
    return f"{channel.kind}: {channel.value}"


def _phone(channel: Channel, service_id: str) -> dict:
    phone = {
        "id": str(channel.hsds_id),
        "service_id": service_id,
        "number": channel.value,
        "type": "voice" if channel.kind == Channel.Kind.PHONE else "text",
    }
    if channel.kind == Channel.Kind.WHATSAPP:
        phone["description"] = f"{WHATSAPP}: {channel.label}" if channel.label else WHATSAPP
    elif channel.label:
        phone["description"] = channel.label
    return phone


def _day_names() -> list[str]:
    return [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")]


def _clock(value: time) -> str:
    return f"{value:%H:%M}"


def _schedules(channel: Channel, service_id: str, time_zone: str) -> list[dict]:
    common = {"service_id": service_id, "freq": "WEEKLY", "wkst": "MO", "attending_type": attending_type(channel)}
    if channel.always_open:
        return [
            {
                # Named by the channel itself, so that a channel HSDS has no object for (web chat, email)
                # keeps its id through an export and an import.
                "id": str(channel.hsds_id),
                **common,
                "byday": ",".join(WEEKDAYS),
                "opens_at": ALWAYS_OPEN_OPENS,
                "closes_at": ALWAYS_OPEN_CLOSES,
                "description": _("Open 24 hours a day, 7 days a week."),
            }
        ]
    # Days that share the same hours become one weekly rule (BYDAY=MO,TU,...), named by its first row.
    groups: dict[tuple, list] = {}
    for row in channel.hours.all():
        groups.setdefault((row.opens, row.closes, row.closes_next_day), []).append(row)
    schedules = []
    names = _day_names()
    for (opens, closes, closes_next_day), rows in groups.items():
        rows.sort(key=lambda row: (row.weekday, row.pk or 0))
        days = sorted({row.weekday for row in rows})
        hours = f"{_clock(opens)}–{_clock(closes)}"
        if closes_next_day:
            hours = _("%(hours)s (closes the next day)") % {"hours": hours}
        schedules.append(
            {
                "id": str(rows[0].hsds_id),
                **common,
                "byday": ",".join(WEEKDAYS[day] for day in days),
                "opens_at": _clock(opens),
                "closes_at": _clock(closes),
                "description": f"{', '.join(names[day] for day in days)}: {hours}",
                "notes": _("Times are local time in %(zone)s.") % {"zone": time_zone},
            }
        )
    return schedules


def _country_area(service_id: str, code: str, name: str, *, region: str = "") -> dict:
    return {
        "id": str(derived_id(service_id, "area", code)),
        "service_id": service_id,
        "name": f"{region}, {name}" if region else str(name),
        "uri": COUNTRY_URI.format(code=code),
    }


def _worldwide_area(service_id: str) -> dict:
    return {"id": str(derived_id(service_id, "area", WORLDWIDE)), "service_id": service_id, "name": "Worldwide"}


def _language(service_id: str, language) -> dict:
    return {
        "id": str(derived_id(service_id, "language", language.code)),
        "service_id": service_id,
        "name": language.name,
        "code": language.code,
    }


def _topic_attribute(service_id: str, topic: Topic) -> dict:
    return {
        "id": str(derived_id(service_id, "topic", topic.hsds_id)),
        "link_id": service_id,
        "link_entity": "service",
        "taxonomy_term_id": str(topic.hsds_id),
        "taxonomy_term": taxonomy_term_object(topic),
    }
