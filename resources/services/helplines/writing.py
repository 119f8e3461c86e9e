"""Every write to helplines: create, update, publish, archive, verify, their channels and hours, and emergency
numbers. Each checks permission, checks the data with the rules, then writes in one transaction, so a bad
helpline leaves nothing behind.
"""

import logging
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ...models import Channel, EmergencyNumber, Helpline, OpeningHours, Organisation, PublicationStatus, utc_today
from ...permissions import can_publish_for, can_verify
from .rules import (
    HELPLINE_FIELDS,
    RESERVED_SLUGS,
    CleanChannel,
    CleanHours,
    _Errors,
    _existing_hours,
    _url,
    check_emergency_number,
    check_helpline,
)

log = logging.getLogger("hearten.resources")


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
