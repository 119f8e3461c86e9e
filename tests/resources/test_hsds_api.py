"""The read-only HSDS API at /api/hsds/: every response validates against the Open Referral OpenAPI
description (openapi.local.json and the compiled schemas it refers to), shows only what readers see, and
costs a fixed number of queries per page."""

import datetime as dt
import uuid

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.models import Channel, Organisation, Resource, Topic
from resources.services.hsds.objects import HEARTEN_TAXONOMY_ID
from tests.factories import ChannelFactory, HelplineFactory, OpeningHoursFactory, ResourceFactory

from .hsds_directory import build_library
from .hsds_schema import errors_against, needs_hsds, response_errors

pytestmark = [pytest.mark.django_db, needs_hsds]


def _get(api_client, path: str, expect: int = 200, **params):
    response = api_client.get(f"/api/hsds{path}", params)
    assert response.status_code == expect, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def _names(body) -> list[str]:
    return [item["name"] for item in body["contents"]]


@pytest.fixture
def library():
    return build_library()


def test_the_about_object(api_client):
    body = _get(api_client, "/")

    assert response_errors("/", body) == []
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/schema/openapi.json")


def test_services_are_listed_in_pages_that_validate(api_client, library):
    first = _get(api_client, "/services", per_page=3)
    second = _get(api_client, "/services", per_page=3, page=2)

    for body in (first, second):
        assert response_errors("/services", body) == []
    assert {key: first[key] for key in first if key != "contents"} == {
        "total_items": 4,
        "total_pages": 2,
        "page_number": 1,
        "size": 3,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    assert (second["size"], second["first_page"], second["last_page"]) == (1, False, True)
    # Helplines and service resources together, by name; nothing unpublished or unverified.
    assert _names(first) + _names(second) == [
        "Harbour Line",
        "Night Line Australia",
        "Text line guide",
        "Walk and Talk groups",
    ]
    flat = first["contents"][0]
    assert "phones" not in flat and flat["organization"]["name"] == "Calm Harbour"

    beyond = _get(api_client, "/services", per_page=3, page=5)
    assert (beyond["contents"], beyond["empty"], beyond["last_page"]) == ([], True, True)


def test_full_services_are_nested_and_valid_hsds(api_client, library):
    body = _get(api_client, "/services", full="true")

    assert response_errors("/services", body) == []
    for service in body["contents"]:
        assert errors_against(service, "service") == []
    harbour = next(service for service in body["contents"] if service["name"] == "Harbour Line")
    assert {phone["number"] for phone in harbour["phones"]} == {"116123", "85258", "+447911123456"}
    assert harbour["schedules"] and harbour["attributes"] and harbour["service_areas"]


def test_minimal_services_hold_only_ids_and_modification_times(api_client, library):
    body = _get(api_client, "/services", minimal="true")

    assert response_errors("/services", body) == []
    assert body["size"] == 4
    assert all(set(item) == {"id", "name", "status", "last_modified"} for item in body["contents"])


def test_services_filter_by_search_term_organisation_and_taxonomy(api_client, library):
    anxiety, depression = Topic.objects.get(slug="anxiety"), Topic.objects.get(slug="depression")

    def names(**params):
        body = _get(api_client, "/services", **params)
        assert response_errors("/services", body) == []
        return _names(body)

    assert names(search="talk") == ["Harbour Line", "Walk and Talk groups"]  # description, title
    assert names(taxonomy_term_id=str(anxiety.hsds_id)) == ["Harbour Line", "Walk and Talk groups"]
    assert names(taxonomy_term_id=str(depression.hsds_id)) == ["Harbour Line", "Text line guide"]
    assert names(taxonomy_id=str(HEARTEN_TAXONOMY_ID)) == ["Harbour Line", "Text line guide", "Walk and Talk groups"]
    assert names(taxonomy_id=str(uuid.uuid4())) == []
    assert names(organization_id=str(library.other_organisation.hsds_id)) == [
        "Night Line Australia",
        "Text line guide",
    ]


def test_services_modified_after_a_moment(api_client):
    with time_machine.travel(dt.datetime(2025, 1, 10, tzinfo=dt.UTC), tick=False):
        library = build_library()
    with time_machine.travel(dt.datetime(2025, 6, 1, tzinfo=dt.UTC), tick=False):
        library.night_line.description = "Now open nightly."
        library.night_line.save()

    body = _get(api_client, "/services", modified_after="2025-03-01T00:00:00Z")

    assert _names(body) == ["Night Line Australia"]
    assert body["contents"][0]["last_modified"].startswith("2025-06-01T00:00:00")
    assert len(_get(api_client, "/services", modified_after="2025-01-01")["contents"]) == 4


def test_one_service_validates_and_unknown_or_hidden_ones_are_not_found(api_client, library):
    body = _get(api_client, f"/services/{library.helpline.hsds_id}")
    resource = _get(api_client, f"/services/{library.service.hsds_id}")

    assert response_errors("/services/{id}", body) == []
    assert response_errors("/services/{id}", resource) == []
    assert errors_against(body, "service") == []
    assert body["name"] == "Harbour Line" and body["phones"]

    for missing in (uuid.uuid4(), "not-an-id"):
        error = _get(api_client, f"/services/{missing}", expect=404)
        assert set(error) == {"detail", "errors"} and error["errors"] == {}
    for row in library.hidden:  # drafts, archived, an article, an unverified organisation's
        if not isinstance(row, Organisation):
            _get(api_client, f"/services/{row.hsds_id}", expect=404)


def test_organisations_list_and_detail_validate(api_client, library):
    flat = _get(api_client, "/organizations")
    full = _get(api_client, "/organizations", full="true")
    full_services = _get(api_client, "/organizations", full_service="true")
    one = _get(api_client, f"/organizations/{library.organisation.hsds_id}")
    one_full = _get(api_client, f"/organizations/{library.organisation.hsds_id}", full_service="true")

    for body in (flat, full, full_services):
        assert response_errors("/organizations", body) == []
    for body in (one, one_full):
        assert response_errors("/organizations/{id}", body) == []
        assert errors_against(body, "organization") == []
    assert _names(flat) == ["Another Trust", "Calm Harbour"]  # the unverified one is not listed
    assert _names(_get(api_client, "/organizations", search="harbour")) == ["Calm Harbour"]
    assert "services" not in flat["contents"][0]
    assert [service["name"] for service in one["services"]] == ["Harbour Line", "Walk and Talk groups"]
    assert "phones" not in one["services"][0]
    assert one_full["services"][0]["phones"]
    assert one["organization_identifiers"][0]["identifier"] == "1234567"
    unverified = next(row for row in library.hidden if isinstance(row, Organisation))
    assert _get(api_client, f"/organizations/{unverified.hsds_id}", expect=404)["errors"] == {}


def test_the_taxonomy_and_its_terms(api_client):
    taxonomies = _get(api_client, "/taxonomies")
    taxonomy = _get(api_client, f"/taxonomies/{HEARTEN_TAXONOMY_ID}")
    terms = _get(api_client, "/taxonomy_terms", per_page=200)
    feelings = Topic.objects.get(slug="feelings")
    children = _get(api_client, "/taxonomy_terms", parent_id=str(feelings.hsds_id), per_page=200)
    top = _get(api_client, "/taxonomy_terms", top_only="true", per_page=200)
    term = _get(api_client, f"/taxonomy_terms/{Topic.objects.get(slug='anxiety').hsds_id}")

    assert response_errors("/taxonomies", taxonomies) == []
    assert response_errors("/taxonomies/{id}", taxonomy) == []
    for body in (terms, children, top):
        assert response_errors("/taxonomy_terms", body) == []
    assert response_errors("/taxonomy_terms/{id}", term) == []
    assert [item["id"] for item in taxonomies["contents"]] == [str(HEARTEN_TAXONOMY_ID)]
    assert terms["total_items"] == Topic.objects.count()
    assert {item["code"] for item in children["contents"]} == set(feelings.children.values_list("slug", flat=True))
    assert {item["code"] for item in top["contents"]} == set(
        Topic.objects.filter(parent=None).values_list("slug", flat=True)
    )
    assert (term["code"], term["parent_id"], term["taxonomy_id"]) == (
        "anxiety",
        str(feelings.hsds_id),
        str(HEARTEN_TAXONOMY_ID),
    )
    _get(api_client, f"/taxonomies/{uuid.uuid4()}", expect=404)
    _get(api_client, f"/taxonomy_terms/{uuid.uuid4()}", expect=404)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page": "0"}, "page"),
        ({"per_page": "1000"}, "per_page"),
        ({"per_page": "ten"}, "per_page"),
        ({"taxonomy_term_id": "anxiety"}, "taxonomy_term_id"),
        ({"organization_id": "1"}, "organization_id"),
        ({"modified_after": "yesterday"}, "modified_after"),
        ({"full": "maybe"}, "full"),
        ({"format": "ndjson"}, "format"),
        ({"search": "x" * 10_000}, "search"),
        ({"search": "crisis\x00"}, "search"),
    ],
)
def test_bad_parameters_get_a_specific_error(api_client, params, field):
    body = _get(api_client, "/services", expect=400, **params)

    assert list(body["errors"]) == [field]
    assert body["detail"]


def _more_services(count: int) -> None:
    topics = list(Topic.objects.all()[:3])
    for number in range(count):
        helpline = HelplineFactory(name=f"Extra line {number}")
        helpline.topics.set(topics)
        channel = ChannelFactory(helpline=helpline, kind=Channel.Kind.SMS, value="85258", always_open=False)
        OpeningHoursFactory(channel=channel, weekday=number % 7)
        resource = ResourceFactory(kind=Resource.Kind.SERVICE, title=f"Extra service {number}")
        resource.topics.set(topics)


@pytest.mark.parametrize(
    ("path", "params", "queries"),
    [
        # count, page keys, helplines + channels + hours + languages + topics, resources + 3 relations
        ("/services", {"full": "true", "per_page": 100}, 11),
        ("/services", {"per_page": 100}, 5),  # flat: count, page keys, helplines + channels (url, email), resources
        ("/organizations", {"full_service": "true", "per_page": 100}, 11),
        ("/taxonomy_terms", {"per_page": 100}, 2),
    ],
)
def test_a_page_costs_the_same_queries_whatever_its_length(api_client, library, path, params, queries):
    with CaptureQueriesContext(connection) as few:
        _get(api_client, path, **params)
    _more_services(8)
    with CaptureQueriesContext(connection) as many:
        body = _get(api_client, path, **params)

    assert len(few) == len(many) == queries, [query["sql"][:120] for query in many.captured_queries]
    assert body["size"] >= 4
