"""Full-text search over resources, with filters and facet counts."""

from dataclasses import dataclass, field

from ..models import PublicationStatus, Resource


@dataclass
class SearchResult:
    resources: list
    facets: dict = field(default_factory=dict)  # {"kind": [(value, label, count)], "topic": [...], ...}
    crisis: bool = False  # the query looks like someone may be in crisis: show helplines first
    total: int = 0


def search_resources(
    *,
    viewer,
    query: str = "",
    kind: str = "",
    topic: str = "",
    audience: str = "",
    language: str = "",
    country: str = "",
    limit: int = 50,
) -> SearchResult:
    """Published resources matching the query and filters, best first. (A simple stand-in until search lands.)"""
    resources = Resource.objects.filter(status=PublicationStatus.PUBLISHED)
    if query:
        resources = resources.filter(title__icontains=query)
    if kind:
        resources = resources.filter(kind=kind)
    if topic:
        resources = resources.filter(topics__slug=topic)
    if audience:
        resources = resources.filter(audiences__slug=audience)
    if language:
        resources = resources.filter(languages__code=language)
    if country:
        resources = resources.filter(areas__code__in=[country.upper(), "WW"])
    resources = resources.distinct().select_related("organisation").prefetch_related("topics")
    return SearchResult(resources=list(resources[:limit]), total=resources.count())
