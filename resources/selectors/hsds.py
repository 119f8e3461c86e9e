"""What HSDS shows, for the export and the public HSDS API: what readers see on the site (published helplines
and service-type resources of verified organisations), those organisations, and the topic taxonomy.

HSDS is public and anonymous, so nothing here depends on the viewer. Every function fetches what the HSDS
objects touch, so a page costs the same number of queries whatever its length.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.db.models import CharField, F, Prefetch, Q, QuerySet, Value

from ..models import Channel, Helpline, Organisation, Resource, Topic, VerificationState

SERVICE_KINDS = (Resource.Kind.SERVICE, Resource.Kind.HELPLINE)


def _topics() -> Prefetch:
    # A term names its parent by the parent's HSDS id.
    return Prefetch("topics", queryset=Topic.objects.select_related("parent"))


def published_helplines(*, nested: bool = True) -> QuerySet[Helpline]:
    helplines = Helpline.objects.published().select_related("organisation")
    # A service's url and email come from its channels, so even a flat list needs them.
    channels = Channel.objects.prefetch_related("hours") if nested else Channel.objects.all()
    helplines = helplines.prefetch_related(Prefetch("channels", queryset=channels))
    if nested:
        helplines = helplines.prefetch_related("languages", _topics())
    return helplines


def published_service_resources(*, nested: bool = True) -> QuerySet[Resource]:
    resources = Resource.objects.published().filter(kind__in=SERVICE_KINDS).select_related("organisation")
    if nested:
        resources = resources.prefetch_related("languages", "areas", _topics())
    return resources


def hsds_organisations() -> QuerySet[Organisation]:
    """Verified organisations: the ones whose services readers see."""
    return Organisation.objects.filter(verification=VerificationState.VERIFIED).order_by("name", "pk")


def hsds_topics() -> QuerySet[Topic]:
    return Topic.objects.select_related("parent").order_by("position", "name", "pk")


@dataclass
class ServicePage:
    total: int
    services: list  # Helpline and Resource rows, in page order


def _sort_keys(queryset, name_field: str, source: str):
    return (
        queryset.order_by()
        .annotate(sort_name=F(name_field), source=Value(source, output_field=CharField()))
        .values_list("sort_name", "hsds_id", "source")
    )


def service_page(
    *,
    search: str = "",
    taxonomy_term_id: uuid.UUID | None = None,
    any_taxonomy_term: bool = False,
    no_taxonomy_term: bool = False,
    organization_id: uuid.UUID | None = None,
    modified_after: datetime | None = None,
    offset: int = 0,
    limit: int = 50,
    nested: bool = False,
) -> ServicePage:
    """One page of published services (helplines and service-type resources together), by name."""
    helplines = published_helplines(nested=nested)
    resources = published_service_resources(nested=nested)
    if search:
        helplines = helplines.filter(Q(name__icontains=search) | Q(description__icontains=search))
        resources = resources.filter(
            Q(title__icontains=search) | Q(summary__icontains=search) | Q(body__icontains=search)
        )
    if taxonomy_term_id:
        helplines = helplines.filter(topics__hsds_id=taxonomy_term_id)
        resources = resources.filter(topics__hsds_id=taxonomy_term_id)
    if any_taxonomy_term:
        helplines = helplines.filter(topics__isnull=False)
        resources = resources.filter(topics__isnull=False)
    if no_taxonomy_term:
        helplines, resources = helplines.none(), resources.none()
    if organization_id:
        helplines = helplines.filter(organisation__hsds_id=organization_id)
        resources = resources.filter(organisation__hsds_id=organization_id)
    if modified_after:
        helplines = helplines.filter(updated_at__gte=modified_after)
        resources = resources.filter(updated_at__gte=modified_after)

    # One ordered, de-duplicated list of keys over both tables (UNION), then each table's page rows.
    keys = _sort_keys(helplines, "name", "helpline").union(_sort_keys(resources, "title", "resource"))
    total = keys.count()
    page = list(keys.order_by("sort_name", "hsds_id")[offset : offset + limit]) if total else []
    wanted = {"helpline": [], "resource": []}
    for _name, hsds_id, source in page:
        wanted[source].append(hsds_id)
    found = {}
    if wanted["helpline"]:
        found.update({row.hsds_id: row for row in helplines.filter(hsds_id__in=wanted["helpline"]).distinct()})
    if wanted["resource"]:
        found.update({row.hsds_id: row for row in resources.filter(hsds_id__in=wanted["resource"]).distinct()})
    return ServicePage(total=total, services=[found[hsds_id] for _name, hsds_id, _source in page])


def find_service(hsds_id: uuid.UUID) -> Helpline | Resource | None:
    """A published service by HSDS id, fully fetched."""
    return (
        published_helplines().filter(hsds_id=hsds_id).first()
        or published_service_resources().filter(hsds_id=hsds_id).first()
    )


def services_of_organisations(organisations: list[Organisation], *, nested: bool) -> dict[int, list]:
    """The published services of several organisations at once: {organisation pk: [services by name]}."""
    by_organisation: dict[int, list] = {organisation.pk: [] for organisation in organisations}
    if not organisations:
        return by_organisation
    helplines = published_helplines(nested=nested).filter(organisation__in=organisations)
    resources = published_service_resources(nested=nested).filter(organisation__in=organisations)
    for row in [*helplines, *resources]:
        by_organisation[row.organisation_id].append(row)
    for rows in by_organisation.values():
        rows.sort(key=lambda row: (row.name if isinstance(row, Helpline) else row.title, str(row.hsds_id)))
    return by_organisation
