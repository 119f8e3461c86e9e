"""Reads of organisations, topics and resources, for pages, the API and the publisher workspace.

Readers see published resources of verified organisations; members of an organisation also see its drafts
and archive. Each function fetches what its page shows, so a page costs the same queries whatever its length.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlsplit

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from moderation.markdown import render_markdown

from ..models import (
    Channel,
    Helpline,
    Organisation,
    OrganisationMember,
    PublicationStatus,
    Resource,
    Topic,
    VerificationState,
    utc_today,
)
from ..permissions import is_organisation_member
from . import help as help_selectors
from .topics import TopicTree

RESOURCES_PER_PAGE = 30
# What a resource card shows: its organisation, languages and countries.
CARD_PREFETCH = ("languages", "areas")
DETAIL_PREFETCH = ("topics", "audiences", "languages", "areas", "tags")
LINK_LABELS = {
    Resource.Kind.ARTICLE: _("Read the article"),
    Resource.Kind.VIDEO: _("Watch the video"),
    Resource.Kind.TOOLKIT: _("Open the toolkit"),
    Resource.Kind.APP: _("Get the app"),
    Resource.Kind.SERVICE: _("Visit the service"),
    Resource.Kind.HELPLINE: _("Contact the helpline"),
}


def published_resources() -> QuerySet:
    """Resources any reader may see: published, by an organisation staff verified."""
    return Resource.objects.published()


def published_helplines() -> QuerySet:
    return Helpline.objects.published()


@dataclass
class HelplineList:
    """Helplines for a page: the viewer's country in full (contacts, open now), the rest as a short list."""

    local: list  # help_selectors.HelplineView
    others: list  # Helpline
    country: str = ""

    def __bool__(self) -> bool:
        return bool(self.local or self.others)

    @property
    def country_name(self) -> str:
        return help_selectors.country_name(self.country)


def _helpline_list(helplines: QuerySet, *, country: str, at, viewer_zone, describe_all: bool = False) -> HelplineList:
    """Three queries whatever the length: helplines, their channels, the channels' hours."""
    helplines = list(
        helplines.select_related("organisation")
        .prefetch_related(
            Prefetch("channels", queryset=Channel.objects.order_by("position", "pk").prefetch_related("hours"))
        )
        .order_by("country", "position", "name")
    )
    at = at or timezone.now()
    local = [h for h in helplines if describe_all or (country and h.country.code == country)]
    others = [h for h in helplines if h not in local]
    return HelplineList(
        local=[help_selectors.describe_helpline(h, at=at, viewer_zone=viewer_zone) for h in local],
        others=sorted(others, key=lambda h: (help_selectors.country_name(h.country.code), h.position, h.name)),
        country=country,
    )


def review_due_q(today: date | None = None) -> Q:
    """Resources whose review date has passed (reviewed_on + interval < today), on any database.

    Review intervals take few distinct values, so one small query turns the per-row date arithmetic into
    plain comparisons.
    """
    today = today or utc_today()
    intervals = Resource.objects.order_by().values_list("review_interval_days", flat=True).distinct()
    condition = Q(pk__in=[])
    for days in intervals:
        condition |= Q(review_interval_days=days, reviewed_on__lt=today - timedelta(days=days))
    return condition


# Resource pages


@dataclass
class ResourceView:
    """Everything a resource page shows. The published page and the publisher's preview use the same one."""

    resource: Resource
    topics: list
    audiences: list
    languages: list
    countries: list
    tags: list
    body_html: str = ""
    problems: dict = field(default_factory=dict)  # in a preview: what still stops it from being published

    @classmethod
    def of(cls, resource: Resource) -> "ResourceView":
        """From a resource fetched with DETAIL_PREFETCH."""
        return cls(
            resource=resource,
            topics=list(resource.topics.all()),
            audiences=list(resource.audiences.all()),
            languages=list(resource.languages.all()),
            countries=list(resource.areas.all()),
            tags=sorted(tag.name for tag in resource.tags.all()),
            body_html=render_markdown(resource.body),
        )

    @property
    def organisation(self):
        return self.resource.organisation

    @property
    def link(self) -> str:
        """The external link, only if it is a plain web address (imported data is not trusted either)."""
        url = self.resource.external_url or ""
        return url if urlsplit(url).scheme in {"http", "https"} else ""

    @property
    def link_host(self) -> str:
        host = urlsplit(self.link).hostname or ""
        return host.removeprefix("www.")

    @property
    def link_label(self) -> str:
        return str(LINK_LABELS.get(self.resource.kind, LINK_LABELS[Resource.Kind.ARTICLE]))

    @property
    def is_sensitive(self) -> bool:
        return any(topic.is_sensitive for topic in self.topics)


def can_see_unpublished(viewer, organisation) -> bool:
    """Drafts and archived resources: the organisation's members and staff admins."""
    if not (viewer.is_authenticated and viewer.is_active):
        return False
    return viewer.is_superuser or is_organisation_member(viewer, organisation)


def resource_for_viewer(*, viewer, slug: str) -> ResourceView | None:
    """The resource at `slug` if the viewer may see it, else None."""
    resource = (
        Resource.objects.select_related("organisation").prefetch_related(*DETAIL_PREFETCH).filter(slug=slug).first()
    )
    if resource is None:
        return None
    public = resource.status == PublicationStatus.PUBLISHED and resource.organisation.is_verified
    if not public and not can_see_unpublished(viewer, resource.organisation):
        return None
    return ResourceView.of(resource)


# Topics


@dataclass
class TopicNode:
    topic: Topic
    children: list = field(default_factory=list)
    count: int = 0  # published resources tagged with it or any sub-topic


def _topic_tree() -> TopicTree:
    return TopicTree(Topic.objects.order_by("position", "name"))


def topic_tree() -> list[TopicNode]:
    """The whole taxonomy, roots first, each with how many published resources it (and its sub-topics) has."""
    tree = _topic_tree()
    tagged: dict[int, set[int]] = {}
    pairs = Resource.topics.through.objects.filter(resource__in=published_resources()).values_list(
        "topic_id", "resource_id"
    )
    for topic_id, resource_id in pairs:
        tagged.setdefault(topic_id, set()).add(resource_id)

    def build(topic: Topic) -> TopicNode:
        node = TopicNode(topic=topic, children=[build(child) for child in tree.children(topic)])
        resources = set().union(*(tagged.get(pk, set()) for pk in tree.subtree_ids(topic)))
        node.count = len(resources)
        return node

    return [build(root) for root in tree.roots]


@dataclass
class TopicPage:
    topic: Topic
    ancestors: list
    children: list
    page: object  # a Paginator page of resources
    helplines: HelplineList


def topic_page(*, viewer, slug: str, page_number=1, country: str = "", at=None, viewer_zone=None) -> TopicPage | None:
    """A topic with everything published under it or its sub-topics: resources (paged) and helplines.

    Helplines of the viewer's `country` come with their contacts and whether they are open `at` that time.
    """
    tree = _topic_tree()
    topic = tree.get(slug)
    if topic is None:
        return None
    subtree = tree.subtree_ids(topic)

    matching = Resource.topics.through.objects.filter(topic_id__in=subtree).values("resource_id")
    resources = (
        published_resources()
        .filter(pk__in=matching)
        .select_related("organisation")
        .prefetch_related(*CARD_PREFETCH)
        .order_by("-published_at", "title", "pk")
    )
    page = Paginator(resources, RESOURCES_PER_PAGE).get_page(page_number)
    helpline_ids = Helpline.topics.through.objects.filter(topic_id__in=subtree).values("helpline_id")
    helplines = _helpline_list(
        published_helplines().filter(pk__in=helpline_ids), country=country, at=at, viewer_zone=viewer_zone
    )
    return TopicPage(
        topic=topic,
        ancestors=tree.ancestors(topic),
        children=tree.children(topic),
        page=page,
        helplines=helplines,
    )


# Organisations


def public_organisations() -> QuerySet:
    return Organisation.objects.filter(verification=VerificationState.VERIFIED)


@dataclass
class OrganisationPage:
    organisation: Organisation
    resources: list
    helplines: HelplineList
    is_member: bool = False
    can_manage: bool = False


def organisation_page(*, viewer, slug: str, at=None, viewer_zone=None) -> OrganisationPage | None:
    """A verified organisation's page; unverified or rejected ones only for their members and staff."""
    organisation = Organisation.objects.filter(slug=slug).select_related("verified_by").first()
    if organisation is None:
        return None
    is_member = is_organisation_member(viewer, organisation)
    staff = viewer.is_authenticated and viewer.is_active and viewer.is_staff
    if not organisation.is_verified and not (is_member or staff):
        return None
    resources = list(
        published_resources()
        .filter(organisation=organisation)
        .select_related("organisation")
        .prefetch_related(*CARD_PREFETCH)
        .order_by("title")
    )
    helplines = _helpline_list(
        published_helplines().filter(organisation=organisation),
        country="",
        at=at,
        viewer_zone=viewer_zone,
        describe_all=True,
    )
    can_manage = is_organisation_member(viewer, organisation, role=OrganisationMember.Role.ADMIN) or (
        viewer.is_authenticated and viewer.is_superuser
    )
    return OrganisationPage(
        organisation=organisation, resources=resources, helplines=helplines, is_member=is_member, can_manage=can_manage
    )


def organisation_members(*, organisation: Organisation) -> list:
    return list(organisation.memberships.select_related("user").order_by("-role", "user__pk"))


# The publisher workspace


def memberships_of(*, user) -> list:
    if not user.is_authenticated:
        return []
    return list(
        OrganisationMember.objects.filter(user=user).select_related("organisation").order_by("organisation__name")
    )


def workspace_resources(*, user) -> QuerySet:
    """Every resource of the organisations the user belongs to, whatever its status."""
    if not user.is_authenticated:
        return Resource.objects.none()
    return Resource.objects.filter(organisation__memberships__user=user).select_related("organisation")


def resource_for_publisher(*, user, slug: str) -> Resource | None:
    """A resource the user may edit (their organisation's, or any for staff admins), with its relations."""
    resource = (
        Resource.objects.select_related("organisation")
        .prefetch_related("topics", "audiences", "languages", "areas", "tags")
        .filter(slug=slug)
        .first()
    )
    if resource is None or not can_see_unpublished(user, resource.organisation):
        return None
    return resource


@dataclass
class Workspace:
    memberships: list
    drafts: list
    published: list
    archived: list
    needs_review: list
    broken_links: list
    helplines: list = field(default_factory=list)

    @property
    def organisations(self) -> list:
        return [membership.organisation for membership in self.memberships]

    @property
    def can_publish(self) -> bool:
        return any(organisation.is_verified for organisation in self.organisations)


def workspace_for(*, user) -> Workspace:
    """The publisher's dashboard: their organisations, their resources by status, and what needs attention."""
    memberships = memberships_of(user=user)
    resources = list(workspace_resources(user=user).order_by("-updated_at", "pk"))
    by_status = {status: [r for r in resources if r.status == status] for status in PublicationStatus.values}
    return Workspace(
        memberships=memberships,
        drafts=by_status[PublicationStatus.DRAFT],
        published=by_status[PublicationStatus.PUBLISHED],
        archived=by_status[PublicationStatus.ARCHIVED],
        needs_review=list(needs_review_for(user=user)),
        broken_links=list(broken_links_for(user=user)),
        helplines=list(
            Helpline.objects.filter(organisation__memberships__user=user)
            .select_related("organisation")
            .order_by("status", "name")
        )
        if memberships
        else [],
    )


def needs_review_for(*, user) -> QuerySet:
    """Published resources of the user's organisations that are past their review date, most overdue first."""
    return (
        workspace_resources(user=user)
        .filter(status=PublicationStatus.PUBLISHED)
        .filter(review_due_q())
        .order_by("reviewed_on", "pk")
    )


def broken_links_for(*, user) -> QuerySet:
    return (
        workspace_resources(user=user)
        .filter(status=PublicationStatus.PUBLISHED, link_status=Resource.LinkStatus.BROKEN)
        .order_by("-link_checked_at", "pk")
    )
