"""The read-only Open Referral HSDS 3.0 API at /api/hsds/, as ../shared/hsds/schema/openapi.json describes it.

Anyone may read it, signed in or not; it shows only what readers see: published helplines and service-type
resources of verified organisations, those organisations, and the topic taxonomy. Lists use HSDS's page
envelope (total_items, total_pages, page_number, size, first_page, last_page, empty, contents) and cost the
same number of queries whatever the page size. Errors use the project's format, {"detail": ..., "errors": {}}.
"""

import math
import uuid
from datetime import UTC, datetime, time

from django.urls import re_path
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from ..selectors import hsds as selectors
from ..services.hsds.objects import (
    HEARTEN_TAXONOMY_ID,
    HEARTEN_TAXONOMY_NAME,
    about_object,
    minimal_service_object,
    organization_object,
    service_object,
    taxonomy_object,
    taxonomy_term_object,
)

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
# `minimal` lists aim to hold every service in one page.
MINIMAL_PER_PAGE = 1000
MAX_SEARCH = 200


class _JSONOnly(BaseContentNegotiation):
    """Always JSON. HSDS's own `format` parameter is read by the views, not by DRF."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class HSDSView(APIView):
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = _JSONOnly
    schema = None  # described by HSDS's own openapi.json, not by /api/schema/

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        requested = request.query_params.get("format", "json")
        if requested != "json":
            raise ValidationError({"format": [_("Only the json format is available.")]})

    # Query parameters

    def integer(self, name: str, *, default: int, maximum: int | None = None) -> int:
        text = self.request.query_params.get(name)
        if text in (None, ""):
            return default
        try:
            value = int(text)
        except ValueError:
            value = 0
        if value < 1 or (maximum is not None and value > maximum):
            message = _("Use a whole number from 1 to %(maximum)s.") % {"maximum": maximum}
            if maximum is None:
                message = _("Use a whole number from 1.")
            raise ValidationError({name: [message]})
        return value

    def boolean(self, name: str) -> bool:
        text = self.request.query_params.get(name, "").strip().lower()
        if text in ("", "false", "0", "no"):
            return False
        if text in ("true", "1", "yes"):
            return True
        raise ValidationError({name: [_("Use true or false.")]})

    def identifier(self, name: str) -> uuid.UUID | None:
        text = self.request.query_params.get(name, "").strip()
        if not text:
            return None
        try:
            return uuid.UUID(text)
        except ValueError:
            raise ValidationError({name: [_("Use an HSDS id (a UUID).")]}) from None

    def search(self) -> str:
        text = self.request.query_params.get("search", "").strip()
        if "\x00" in text:
            raise ValidationError({"search": [_("The search contains a character that is not allowed.")]})
        if len(text) > MAX_SEARCH:
            raise ValidationError(
                {"search": [_("Keep the search under %(count)s characters.") % {"count": MAX_SEARCH}]}
            )
        return text

    def moment(self, name: str) -> datetime | None:
        text = self.request.query_params.get(name, "").strip()
        if not text:
            return None
        # A "+" in a query string arrives as a space unless it was encoded.
        value = parse_datetime(text.replace(" ", "+")) if "T" in text else None
        if value is None and parse_date(text) is not None:
            value = datetime.combine(parse_date(text), time(0))
        if value is None:
            raise ValidationError({name: [_("Use a date and time such as 2025-01-31T12:00:00Z.")]})
        return value if value.tzinfo else value.replace(tzinfo=UTC)

    def paging(self, *, default: int = DEFAULT_PER_PAGE, maximum: int = MAX_PER_PAGE) -> tuple[int, int]:
        return self.integer("page", default=1), self.integer("per_page", default=default, maximum=maximum)

    def absolute_url(self, path: str) -> str:
        return self.request.build_absolute_uri(path)


def page_envelope(contents: list, *, total: int, page: int, per_page: int) -> dict:
    total_pages = math.ceil(total / per_page) if total else 0
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


class AboutView(HSDSView):
    def get(self, request):
        return Response(about_object())


class ServiceListView(HSDSView):
    def get(self, request):
        minimal, full = self.boolean("minimal"), self.boolean("full")
        if minimal:
            page, per_page = self.paging(default=MINIMAL_PER_PAGE, maximum=MINIMAL_PER_PAGE)
        else:
            page, per_page = self.paging()
        taxonomy_id = self.identifier("taxonomy_id")
        result = selectors.service_page(
            search=self.search(),
            taxonomy_term_id=self.identifier("taxonomy_term_id"),
            any_taxonomy_term=taxonomy_id == HEARTEN_TAXONOMY_ID,
            no_taxonomy_term=taxonomy_id is not None and taxonomy_id != HEARTEN_TAXONOMY_ID,
            organization_id=self.identifier("organization_id"),
            modified_after=self.moment("modified_after"),
            offset=(page - 1) * per_page,
            limit=per_page,
            nested=full and not minimal,
        )
        if minimal:
            contents = [minimal_service_object(row) for row in result.services]
        else:
            contents = [service_object(row, nested=full, absolute_url=self.absolute_url) for row in result.services]
        return Response(page_envelope(contents, total=result.total, page=page, per_page=per_page))


def _uuid_or_404(text: str, message: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise NotFound(message) from None


class ServiceDetailView(HSDSView):
    def get(self, request, id):
        message = _("No published service has this id.")
        service = selectors.find_service(_uuid_or_404(id, message))
        if service is None:
            raise NotFound(message)
        return Response(service_object(service, absolute_url=self.absolute_url))


class OrganizationListView(HSDSView):
    def get(self, request):
        full, full_service = self.boolean("full"), self.boolean("full_service")
        page, per_page = self.paging()
        organisations = selectors.hsds_organisations()
        search = self.search()
        if search:
            organisations = organisations.filter(name__icontains=search)
        total = organisations.count()
        rows = list(organisations[(page - 1) * per_page : page * per_page]) if total else []
        if full or full_service:
            services = selectors.services_of_organisations(rows, nested=full_service)
            contents = [
                organization_object(
                    row, services=services[row.pk], full_services=full_service, absolute_url=self.absolute_url
                )
                for row in rows
            ]
        else:
            contents = [organization_object(row, nested=False, absolute_url=self.absolute_url) for row in rows]
        return Response(page_envelope(contents, total=total, page=page, per_page=per_page))


class OrganizationDetailView(HSDSView):
    def get(self, request, id):
        message = _("No organisation in the directory has this id.")
        full_service = self.boolean("full_service")
        organisation = selectors.hsds_organisations().filter(hsds_id=_uuid_or_404(id, message)).first()
        if organisation is None:
            raise NotFound(message)
        services = selectors.services_of_organisations([organisation], nested=full_service)[organisation.pk]
        return Response(
            organization_object(
                organisation, services=services, full_services=full_service, absolute_url=self.absolute_url
            )
        )


class TaxonomyListView(HSDSView):
    def get(self, request):
        page, per_page = self.paging()
        search = self.search().lower()
        taxonomies = [taxonomy_object()] if search in HEARTEN_TAXONOMY_NAME.lower() else []
        contents = taxonomies[(page - 1) * per_page : page * per_page]
        return Response(page_envelope(contents, total=len(taxonomies), page=page, per_page=per_page))


class TaxonomyDetailView(HSDSView):
    def get(self, request, id):
        message = _("No taxonomy has this id.")
        if _uuid_or_404(id, message) != HEARTEN_TAXONOMY_ID:
            raise NotFound(message)
        return Response(taxonomy_object())


class TaxonomyTermListView(HSDSView):
    def get(self, request):
        page, per_page = self.paging()
        topics = selectors.hsds_topics()
        taxonomy_id = self.identifier("taxonomy_id")
        if taxonomy_id is not None and taxonomy_id != HEARTEN_TAXONOMY_ID:
            topics = topics.none()
        parent_id = self.identifier("parent_id")
        if parent_id is not None:
            topics = topics.filter(parent__hsds_id=parent_id)
        if self.boolean("top_only"):
            topics = topics.filter(parent__isnull=True)
        search = self.search()
        if search:
            topics = topics.filter(name__icontains=search)
        total = topics.count()
        rows = list(topics[(page - 1) * per_page : page * per_page]) if total else []
        contents = [taxonomy_term_object(topic) for topic in rows]
        return Response(page_envelope(contents, total=total, page=page, per_page=per_page))


class TaxonomyTermDetailView(HSDSView):
    def get(self, request, id):
        message = _("No taxonomy term has this id.")
        topic = selectors.hsds_topics().filter(hsds_id=_uuid_or_404(id, message)).first()
        if topic is None:
            raise NotFound(message)
        return Response(taxonomy_term_object(topic))


# HSDS names its paths without a trailing slash; both forms are served.
urlpatterns = [
    re_path(r"^$", AboutView.as_view(), name="hsds-about"),
    re_path(r"^services/?$", ServiceListView.as_view(), name="hsds-services"),
    re_path(r"^services/(?P<id>[^/]+)/?$", ServiceDetailView.as_view(), name="hsds-service"),
    re_path(r"^organizations/?$", OrganizationListView.as_view(), name="hsds-organizations"),
    re_path(r"^organizations/(?P<id>[^/]+)/?$", OrganizationDetailView.as_view(), name="hsds-organization"),
    re_path(r"^taxonomies/?$", TaxonomyListView.as_view(), name="hsds-taxonomies"),
    re_path(r"^taxonomies/(?P<id>[^/]+)/?$", TaxonomyDetailView.as_view(), name="hsds-taxonomy"),
    re_path(r"^taxonomy_terms/?$", TaxonomyTermListView.as_view(), name="hsds-taxonomy-terms"),
    re_path(r"^taxonomy_terms/(?P<id>[^/]+)/?$", TaxonomyTermDetailView.as_view(), name="hsds-taxonomy-term"),
]
