"""The helpline CSV import (admin → Helplines → Import from CSV): one row per channel, checked in full with the
same rules as any other change before anything is written.
"""

import csv
import io
import logging
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...models import Channel, Helpline, Organisation, PublicationStatus, utc_today
from ...permissions import can_publish_for, can_verify
from .rules import check_helpline, parse_hours
from .writing import archive_helpline, create_helpline, publish_helpline, update_helpline, verify_helpline

log = logging.getLogger("hearten.resources")

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
MAX_CSV_BYTES = 2 * 1024 * 1024
MAX_CSV_ROWS = 5000
TOO_MANY_CELLS = gettext_lazy(
    "This row has more cells than the header: a cell containing a comma must be in double quotes, "
    'e.g. "Mon-Fri 09:00-17:00; Sat,Sun 10:00-14:00".'
)


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
                # Its cells are shifted, so no column of it can be read: the one problem to fix is the quoting.
                errors.append(_row_error(line_start, "row", TOO_MANY_CELLS))
                continue
            row = {name: (value or "").strip() for name, value in record.items() if name}
            if not any(row.values()):
                continue
            slug = row.get("helpline", "")
            group = groups.get(slug)
            if not slug:
                errors.append(_row_error(line_start, "helpline", _("Give the helpline's address (its slug).")))
            elif group is None:
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
            channel = _channel_of(row, line_start, errors)
            if group is not None and channel is not None:
                group.channels.append((line_start, channel))
    except csv.Error as error:
        errors.append(_row_error(line + 1, "file", _("This is not valid CSV: %(error)s") % {"error": error}))
    if not groups and not errors:
        errors.append(_row_error(2, "file", _("The file has no helplines.")))
    return list(groups.values()), errors


def _channel_of(row: dict, line: int, errors: list[ValidationError]) -> dict | None:
    """The row's channel, for check_helpline to check with its helpline; None if its kind can't be read, as its
    contact can't be checked without it. The channel and hours cells are checked either way."""
    kind = _CHANNEL_WORDS.get(row.get("channel", "").lower())
    if kind is None:
        errors.append(_row_error(line, "channel", _("Use call, text, chat, whatsapp or email.")))
    try:
        always_open, hours = parse_hours(row.get("hours", ""))
    except ValueError as error:
        errors.append(
            _row_error(
                line,
                "hours",
                _("Could not read “%(part)s”. Write “24/7” or days and times, like “Mon-Fri 09:00-17:00”.")
                % {"part": str(error)[:60]},
            )
        )
        # Its contact is still checked, as a channel open 24/7; the file has an error, so it is never written.
        always_open, hours = True, []
    if kind is None:
        return None
    return {
        "kind": kind,
        "value": row.get("contact", ""),
        "label": row.get("label", ""),
        "always_open": always_open,
        "hours": hours,
    }


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
        instance = existing.get(group.slug)
        organisation = organisations.get(values.get("organisation", ""))
        # A wrong organisation stops the helpline from being written, not from being checked: every problem of
        # the file is listed at once.
        problem = ""
        if organisation is None:
            problem = _("No organisation has the address “%(slug)s”.") % {"slug": values.get("organisation", "")}
        elif not can_publish_for(actor, organisation):
            problem = _("You can't publish helplines for this organisation.")
        elif instance is not None and instance.organisation_id != organisation.pk:
            problem = _("This helpline belongs to another organisation.")
        if problem:
            errors.append(_row_error(group.first_line, "organisation", problem))
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
        if problem:
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
