"""Load an HSDS 3.0 directory into the library: organisations, helplines and service-type resources.

Everything is read and checked first: the files against the official schemas (reading.py), then each object
read into a plan (planning.py, which also says how HSDS maps onto the library), then each plan against the
library's own rules, the very checks the helpline and resource services apply to people's input. Only if
nothing is wrong is anything written, in one transaction. HSDS ids are kept, so importing the same files again
updates what is there and duplicates nothing.
"""

import logging
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

import phonenumbers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from phonenumbers import timezone as phone_zones

from ...models import (
    WORLDWIDE,
    Channel,
    Helpline,
    OpeningHours,
    Organisation,
    PublicationStatus,
    Resource,
    VerificationState,
)
from ...permissions import can_verify
from ...search import index_resource
from .. import helplines as helpline_rules
from .. import library as library_rules
from ..organisations import verify_organisation
from ..slugs import unique_slug
from .objects import PHONE_CHANNELS, derived_id
from .planning import (
    ChannelPlan,
    ImportPlan,
    ImportResult,
    ServicePlan,
    Vocabulary,
    country_zones,
    known_zones,
    plan_import,
)
from .reading import HSDSImportError, Problem, read_directory

log = logging.getLogger("hearten.resources")

# Checking against the library and writing


_HELPLINE_PATHS = {
    "name": ".name",
    "description": ".description",
    "website": ".url",
    "country": ".service_areas",
    "region": ".service_areas",
    "time_zone": ".schedules",
    "languages": ".languages",
    "topics": ".attributes",
    "channels": ".phones",
}
_RESOURCE_PATHS = {
    "title": ".name",
    "summary": ".description",
    "body": ".description",
    "external_url": ".url",
    "topics": ".attributes",
    "languages": ".languages",
    "countries": ".service_areas",
    "reviewed_on": ".assured_date",
}


def _split_description(name: str, description: str) -> tuple[str, str]:
    """(summary, body): the first paragraph is the summary, as the export writes it."""
    description = description.replace("\r\n", "\n").strip()
    summary, _blank, body = description.partition("\n\n")
    summary = " ".join(summary.split())
    if len(summary) > 400:
        summary, body = summary[:399].rstrip() + "…", description
    return summary or " ".join(name.split())[:400], body.strip()


@dataclass
class _HelplineWork:
    plan: ServicePlan
    helpline: Helpline
    details: dict
    channels: list[helpline_rules.CleanChannel]  # with the HSDS ids new rows take


@dataclass
class _ResourceWork:
    plan: ServicePlan
    resource: Resource
    clean: dict


class _Importer:
    def __init__(
        self,
        plan: ImportPlan,
        *,
        actor,
        verify_organisations: bool,
        verify_helplines: bool,
        status: str | None,
        result: ImportResult,
    ):
        self.plan = plan
        self.actor = actor
        self.verify_organisations = verify_organisations
        self.verify_helplines = verify_helplines
        self.status = status
        self.result = result
        self.problems: list[Problem] = []
        self.claimed: dict[type, set[uuid.UUID]] = {Channel: set(), OpeningHours: set()}

    # Checking

    def run(self) -> None:
        services = self.plan.services
        self.organisations = {o.hsds_id: o for o in Organisation.objects.filter(hsds_id__in=self.plan.organisations)}
        referenced = {plan.organisation_id for plan in services.values() if plan.organisation_id}
        self.organisations.update(
            {o.hsds_id: o for o in Organisation.objects.filter(hsds_id__in=referenced - set(self.organisations))}
        )
        helplines = {
            h.hsds_id: h for h in Helpline.objects.filter(hsds_id__in=services).prefetch_related("channels__hours")
        }
        resources = {r.hsds_id: r for r in Resource.objects.filter(hsds_id__in=services)}

        known = set(self.organisations) | set(self.plan.organisations)
        helpline_work, resource_work = [], []
        for plan in services.values():
            if plan.organisation_id is None:
                continue  # already reported
            if plan.organisation_id not in known:
                self.problems.append(
                    plan.source.problem(
                        _("The organization %(id)s is neither in %(file)s nor in the library.")
                        % {"id": plan.organisation_id, "file": "organizations.json"},
                        ".organization_id",
                    )
                )
                continue
            reachable = any(channel.kind != Channel.Kind.EMAIL for channel in plan.channels)
            if plan.hsds_id in helplines or (plan.hsds_id not in resources and reachable):
                work = self._check_helpline(plan, helplines.get(plan.hsds_id))
                if work:
                    helpline_work.append(work)
            else:
                if plan.channels:
                    self.result.warn(plan.source, _("A resource has no phones, schedules or email: they are left out."))
                work = self._check_resource(plan, resources.get(plan.hsds_id))
                if work:
                    resource_work.append(work)
        if self.problems:
            raise HSDSImportError(self.problems)

        self._write_organisations()
        for work in helpline_work:
            self._write_helpline(work)
        for work in resource_work:
            self._write_resource(work)

    def _status(self, plan: ServicePlan, current: str | None) -> str:
        if plan.status in ("inactive", "defunct"):
            return PublicationStatus.ARCHIVED
        if plan.status == "temporarily closed":
            return PublicationStatus.DRAFT
        return self.status or current or PublicationStatus.DRAFT

    def _map_errors(self, plan: ServicePlan, error: ValidationError, paths: dict, channels=()) -> None:
        by_field = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        for name, messages in by_field.items():
            source, at = plan.source, paths.get(name, "")
            match = re.match(r"channels\.(\d+)(?:\.hours\.(\d+))?", name)
            if match and int(match.group(1)) < len(channels):
                channel = channels[int(match.group(1))]
                source, at = channel.source, ""
                if match.group(2) is not None and int(match.group(2)) < len(channel.hours):
                    source = channel.hours[int(match.group(2))].source
            for message in messages:
                self.problems.append(source.problem(message, at))

    def _time_zone(self, plan: ServicePlan, country: str, existing: Helpline | None) -> str:
        if plan.zone:
            return plan.zone
        if existing is not None:
            return existing.time_zone
        candidates: list[str] = []
        for channel in plan.channels:
            if channel.kind in PHONE_CHANNELS and channel.value.startswith("+"):
                zones = phone_zones.time_zones_for_number(phonenumbers.parse(channel.value, None))
                candidates = [zone for zone in zones if zone in known_zones()]
                if candidates:
                    break
        if not candidates:
            candidates = country_zones(country)
        if len(candidates) == 1:
            return candidates[0]
        zone = candidates[0] if candidates else "UTC"
        if any(channel.hours for channel in plan.channels):
            self.result.warn(
                plan.source,
                _("The schedules name no time zone; %(zone)s was assumed. Check it in the admin.") % {"zone": zone},
            )
        return zone

    def _check_helpline(self, plan: ServicePlan, existing: Helpline | None) -> _HelplineWork | None:
        country = next((code for code, _region in plan.countries if code != WORLDWIDE), "")
        region = next((region for code, region in plan.countries if code == country), "")
        if len([code for code, _region in plan.countries if code != WORLDWIDE]) > 1:
            self.result.warn(
                plan.source,
                _("A helpline serves one country: only %(code)s is kept.") % {"code": country},
                ".service_areas",
            )
        if not country:
            country = existing.country.code if existing is not None else plan.phone_country
        if not country:
            self.problems.append(
                plan.source.problem(
                    _("Cannot tell which country this helpline serves: add a service area naming the country."),
                    ".service_areas",
                )
            )
            return None
        chats = {channel.value for channel in plan.channels if channel.kind == Channel.Kind.WEBCHAT}
        data = {
            "name": plan.name,
            "description": plan.description,
            "country": country,
            "region": region,
            "time_zone": self._time_zone(plan, country, existing),
            "website": "" if plan.url in chats else plan.url,
            "languages": plan.languages,
            "topics": plan.topics,
        }
        if plan.is_free is not None:
            data["is_free"] = plan.is_free
        current = list(existing.channels.all()) if existing is not None else []
        by_id = {channel.hsds_id: channel for channel in current}
        by_key = {(channel.kind, channel.value): channel for channel in current}
        matched: list[tuple[ChannelPlan, Channel | None]] = []
        used: set[int] = set()
        for channel_plan in plan.channels:
            found = by_id.get(channel_plan.hsds_id) or by_key.get(channel_plan.key())
            if found is not None and found.pk in used:
                found = None
            if found is not None:
                used.add(found.pk)
            matched.append((channel_plan, found))
            if not channel_plan.always_open and not channel_plan.hours:
                self.problems.append(
                    channel_plan.source.problem(
                        _(
                            "No schedule says when this %(kind)s is open: add one for the service, or one whose "
                            "attending_type is “%(kind)s: %(contact)s”, or one open every day 00:00–23:59."
                        )
                        % {"kind": channel_plan.kind, "contact": channel_plan.value}
                    )
                )
        freed = _freed(current, matched)
        channels = []
        for channel_plan, found in matched:
            if not (channel_plan.always_open or channel_plan.hours):
                continue
            if found is not None:
                channel_id, present = found.hsds_id, {_hours_key(row) for row in found.hours.all()}
            else:
                fallback = (plan.hsds_id, channel_plan.kind, channel_plan.value)
                channel_id, present = self._claim(Channel, channel_plan.hsds_id, *fallback, freed=freed), set()
            hours = [
                {
                    "weekday": hours.weekday,
                    "opens": hours.opens,
                    "closes": hours.closes,
                    "closes_next_day": hours.closes_next_day,
                    # only a new row takes an id; one already there keeps its own
                    "hsds_id": None
                    if hours.key() in present
                    else self._claim(OpeningHours, hours.hsds_id, channel_id, *hours.key(), freed=freed),
                }
                for hours in channel_plan.hours
            ]
            channels.append(
                {
                    "id": found.pk if found is not None else None,
                    "hsds_id": None if found is not None else channel_id,
                    "kind": channel_plan.kind,
                    "value": channel_plan.value,
                    "label": channel_plan.label,
                    "always_open": channel_plan.always_open,
                    "hours": hours,
                }
            )
        checked_plans = [
            channel_plan for channel_plan, _found in matched if channel_plan.always_open or channel_plan.hours
        ]
        try:
            checked = helpline_rules.check_helpline(data=data, channels=channels, instance=existing)
        except ValidationError as error:
            self._map_errors(plan, error, _HELPLINE_PATHS, checked_plans)
            return None
        helpline = existing or Helpline(hsds_id=plan.hsds_id)
        status = self._status(plan, existing.status if existing else None)
        if status == PublicationStatus.PUBLISHED and not checked.channels:
            self.problems.append(plan.source.problem(_("Add at least one way to get in touch before publishing.")))
            return None
        helpline.status = status
        return _HelplineWork(plan=plan, helpline=helpline, details=checked.details, channels=checked.channels)

    def _check_resource(self, plan: ServicePlan, existing: Resource | None) -> _ResourceWork | None:
        summary, body = _split_description(plan.name, plan.description)
        data = {
            "title": plan.name,
            "summary": summary,
            "body": body,
            "external_url": plan.url,
            "topics": plan.topics,
            "languages": plan.languages,
            "countries": [code for code, _region in plan.countries],
        }
        if plan.assured_on:
            data["reviewed_on"] = plan.assured_on
        try:
            clean = library_rules.validate_resource(data)
        except ValidationError as error:
            self._map_errors(plan, error, _RESOURCE_PATHS)
            return None
        resource = existing or Resource(hsds_id=plan.hsds_id, kind=Resource.Kind.SERVICE)
        status = self._status(plan, existing.status if existing else None)
        if status == PublicationStatus.PUBLISHED:
            problems = library_rules.publish_problems(
                summary=clean["summary"], topics=clean["topics"], external_url=clean["external_url"], body=clean["body"]
            )
            if problems:
                for messages in problems.values():
                    for message in messages:
                        self.problems.append(plan.source.problem(message))
                return None
        resource.status = status
        return _ResourceWork(plan=plan, resource=resource, clean=clean)

    # Writing

    def _claim(self, model, wanted: uuid.UUID | None, *fallback, freed: dict[type, set[uuid.UUID]]) -> uuid.UUID:
        """`wanted` if no other row holds it (rows the write deletes, `freed`, hold nothing), else an id derived
        from `fallback`."""
        taken = self.claimed[model]
        if (
            wanted is None
            or wanted in taken
            or (wanted not in freed[model] and model.objects.filter(hsds_id=wanted).exists())
        ):
            wanted = derived_id(*fallback)
        taken.add(wanted)
        return wanted

    def _warn_if_unseen(self, plan: ServicePlan, status: str, organisation: Organisation) -> None:
        if status == PublicationStatus.PUBLISHED and organisation.verification != VerificationState.VERIFIED:
            self.result.warn(
                plan.source,
                _("Published, but %(organisation)s is not verified yet, so readers do not see it.")
                % {"organisation": organisation.name},
            )

    def _write_organisations(self) -> None:
        for plan in self.plan.organisations.values():
            organisation = self.organisations.get(plan.hsds_id)
            created = organisation is None
            if not created and plan.nested_only:
                continue
            if created:
                organisation = Organisation(hsds_id=plan.hsds_id, verification=VerificationState.UNVERIFIED)
                organisation.slug = unique_slug(Organisation, plan.name, fallback="organisation", max_length=150)
            identity = {
                "name": plan.name,
                "website": plan.website,
                "email": plan.email,
                "registration_number": plan.registration_number,
            }
            if plan.country:
                identity["country"] = plan.country
            if not created and organisation.verification == VerificationState.VERIFIED:
                # Staff checked who this is: a file does not change it.
                differ = [name for name, value in identity.items() if str(getattr(organisation, name)) != str(value)]
                if differ:
                    self.result.warn(
                        plan.source,
                        _(
                            "%(organisation)s is verified, so its %(fields)s stay as they are; "
                            "staff change them in the admin if they are wrong."
                        )
                        % {"organisation": organisation.name, "fields": ", ".join(differ)},
                    )
            else:
                for name, value in identity.items():
                    setattr(organisation, name, value)
            organisation.description = plan.description
            organisation.save()
            if self.verify_organisations and organisation.verification != VerificationState.VERIFIED:
                organisation = verify_organisation(actor=self.actor, organisation=organisation)
            self.organisations[plan.hsds_id] = organisation
            if created:
                self.result.organisations_created += 1
            else:
                self.result.organisations_updated += 1

    def _write_helpline(self, work: _HelplineWork) -> None:
        helpline, details, plan = work.helpline, work.details, work.plan
        created = helpline.pk is None
        helpline.organisation = self.organisations[plan.organisation_id]
        for name in ("name", "description", "country", "region", "time_zone", "website", "is_free"):
            setattr(helpline, name, details[name])
        if created:
            helpline.slug = unique_slug(
                Helpline, f"{details['name']} {details['country']}", fallback="helpline", max_length=150
            )
        helpline.save()
        self._warn_if_unseen(plan, helpline.status, helpline.organisation)
        helpline.languages.set(details["languages"])
        helpline.topics.set(details["topics"])

        # Through the helpline service: a change to how or when people get in touch clears the verification.
        helpline = helpline_rules.write_channels(actor=self.actor, helpline=helpline, channels=work.channels)
        if self.verify_helplines:
            helpline_rules.verify_helpline(actor=self.actor, helpline=helpline)
        elif plan.assured_on:
            self.result.warn(
                plan.source,
                _(
                    "The assured_date (%(date)s) does not mark the helpline as checked by Hearten: staff verify it, "
                    "or import with --verify-helplines."
                )
                % {"date": plan.assured_on.isoformat()},
                ".assured_date",
            )
        if created:
            self.result.helplines_created += 1
        else:
            self.result.helplines_updated += 1

    def _write_resource(self, work: _ResourceWork) -> None:
        resource, clean, plan = work.resource, work.clean, work.plan
        created = resource.pk is None
        resource.organisation = self.organisations[plan.organisation_id]
        resource.title, resource.summary, resource.body = clean["title"], clean["summary"], clean["body"]
        resource.external_url = clean["external_url"]
        if "reviewed_on" in clean:
            resource.reviewed_on = clean["reviewed_on"]
        if resource.status == PublicationStatus.PUBLISHED and resource.published_at is None:
            resource.published_at = timezone.now()
        if created:
            resource.slug = unique_slug(Resource, clean["title"], fallback="resource", max_length=200)
            resource.created_by = self.actor if getattr(self.actor, "pk", None) else None
        resource.save()
        self._warn_if_unseen(plan, resource.status, resource.organisation)
        resource.topics.set(clean["topics"])
        resource.languages.set(clean["languages"])
        resource.areas.set(clean["countries"])
        index_resource(resource)
        if created:
            self.result.resources_created += 1
        else:
            self.result.resources_updated += 1


def _hours_key(row: OpeningHours) -> tuple:
    return (row.weekday, row.opens, row.closes, row.closes_next_day)


def _freed(current: list[Channel], matched: list[tuple[ChannelPlan, Channel | None]]) -> dict[type, set[uuid.UUID]]:
    """The HSDS ids of a helpline's channels and hours rows that writing `matched` deletes."""
    kept = {found.pk: channel_plan for channel_plan, found in matched if found is not None}
    freed: dict[type, set[uuid.UUID]] = {Channel: set(), OpeningHours: set()}
    for channel in current:
        channel_plan = kept.get(channel.pk)
        if channel_plan is None:
            freed[Channel].add(channel.hsds_id)
        wanted = set() if channel_plan is None or channel_plan.always_open else {h.key() for h in channel_plan.hours}
        freed[OpeningHours].update(row.hsds_id for row in channel.hours.all() if _hours_key(row) not in wanted)
    return freed


def import_hsds(
    *,
    directory: Path | str,
    actor=None,
    verify_organisations: bool = False,
    verify_helplines: bool = False,
    status: str | None = None,
) -> ImportResult:
    """Import an HSDS directory (organizations.json and/or services.json), all of it or nothing.

    `status` puts every imported helpline and resource in that state ("draft" or "published"); None leaves
    existing ones as they are and makes new ones drafts. Services marked inactive or defunct are archived.
    New organisations start unverified; `verify_organisations` (staff only) verifies every imported one. The
    identity (name, website, email, registration number, country) of an organisation staff verified is kept, with
    a warning where the files differ. Helplines are unverified (a file's assured_date is not Hearten's check) unless
    `verify_helplines` (staff only): then the actor verifies every imported helpline today.

    Raises HSDSImportError (a ValidationError) listing each problem with its file, object and JSON path;
    nothing is written then.
    """
    if status not in (None, PublicationStatus.DRAFT, PublicationStatus.PUBLISHED):
        raise ValueError(f"status must be draft or published, not {status!r}")
    if verify_organisations and not (actor is not None and can_verify(actor)):
        raise PermissionDenied(_("Only Hearten staff can verify organisations."))
    if verify_helplines and not (actor is not None and can_verify(actor)):
        raise PermissionDenied(_("Only Hearten staff can verify helplines."))
    directory = read_directory(directory)
    result = ImportResult()
    plan = plan_import(directory, Vocabulary.load(), result)
    with transaction.atomic():
        _Importer(
            plan,
            actor=actor,
            verify_organisations=verify_organisations,
            verify_helplines=verify_helplines,
            status=status,
            result=result,
        ).run()
    log.info(
        "HSDS import by user %s: organisations %s new, %s updated; helplines %s new, %s updated; "
        "resources %s new, %s updated",
        getattr(actor, "pk", None),
        result.organisations_created,
        result.organisations_updated,
        result.helplines_created,
        result.helplines_updated,
        result.resources_created,
        result.resources_updated,
    )
    return result
