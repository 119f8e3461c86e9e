"""/api/v1/ organisations, topics and resources: reading for everyone, writing for organisation members."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.models import Area, Language, Organisation, PublicationStatus, Resource, Topic, VerificationState
from tests.factories import OrganisationFactory, OrganisationMemberFactory, ResourceFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW = {
    "kind": "video",
    "title": "Breathing together",
    "summary": "A four-minute guided breathing video.",
    "external_url": "https://example.org/breathing",
    "topics": ["stress"],
    "audiences": ["students"],
    "languages": ["en"],
    "countries": ["AU", "NZ"],
    "tags": ["breathing"],
}


@pytest.fixture
def publisher(api_client):
    membership = OrganisationMemberFactory()
    api_client.force_authenticate(membership.user)
    return membership


def tagged(resource, *topics, countries=(), languages=()):
    resource.topics.set(Topic.objects.filter(slug__in=topics))
    resource.areas.set(Area.objects.filter(code__in=countries))
    resource.languages.set(Language.objects.filter(code__in=languages))
    return resource


# Reading


def test_the_list_searches_and_filters_published_resources(api_client):
    tagged(ResourceFactory(title="Sleep better tonight", kind="article"), "sleep", countries=["GB"], languages=["en"])
    tagged(ResourceFactory(title="Sleep app", kind="app"), "sleep", countries=["WW"], languages=["en"])
    tagged(ResourceFactory(title="Sleep in France", kind="article"), "sleep", countries=["FR"], languages=["fr"])
    tagged(ResourceFactory(title="Sleep draft", status=PublicationStatus.DRAFT), "sleep", countries=["GB"])

    everything = api_client.get("/api/v1/resources/").json()
    in_britain = api_client.get("/api/v1/resources/", {"topic": "sleep", "country": "GB"}).json()
    apps = api_client.get("/api/v1/resources/", {"q": "sleep", "kind": "app"}).json()
    french = api_client.get("/api/v1/resources/", {"language": "fr"}).json()

    assert everything["count"] == 3
    assert {r["title"] for r in in_britain["results"]} == {"Sleep better tonight", "Sleep app"}  # WW included
    assert [r["title"] for r in apps["results"]] == ["Sleep app"]
    assert [r["title"] for r in french["results"]] == ["Sleep in France"]


def test_a_listed_resource_carries_what_clients_need(api_client):
    resource = tagged(ResourceFactory(body="Be **kind**."), "sleep", countries=["GB"], languages=["en"])
    resource.tags.set(["rest"])

    (item,) = api_client.get("/api/v1/resources/").json()["results"]

    assert item["slug"] == resource.slug
    assert item["organisation"] == {
        "slug": resource.organisation.slug,
        "name": resource.organisation.name,
        "verified": True,
    }
    assert (item["topics"], item["countries"], item["languages"], item["tags"]) == (["sleep"], ["GB"], ["en"], ["rest"])
    assert item["needs_review"] is False


def test_a_list_never_carries_bodies_but_the_detail_does(api_client):
    # A body is rendered Markdown: one expensive body must not cost every search; the detail page carries it.
    resource = ResourceFactory(body="Be **kind**.")

    (item,) = api_client.get("/api/v1/resources/").json()["results"]
    detail = api_client.get(f"/api/v1/resources/{resource.slug}/").json()

    assert "body" not in item
    assert "body_html" not in item
    assert detail["body"] == "Be **kind**."
    assert detail["body_html"] == "<p>Be <strong>kind</strong>.</p>"


def test_the_list_costs_the_same_queries_however_long_it_is(api_client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert api_client.get("/api/v1/resources/", {"limit": 50}).status_code == 200
        return len(captured)

    tagged(ResourceFactory(), "sleep", countries=["GB"], languages=["en"]).tags.set(["a"])
    few = queries()
    for _ in range(15):
        tagged(ResourceFactory(), "sleep", "stress", countries=["GB", "IE"], languages=["en"]).tags.set(["a", "b"])
    assert queries() == few


def test_bad_filters_are_field_errors(api_client):
    response = api_client.get("/api/v1/resources/", {"limit": "many"})

    assert response.status_code == 400
    assert "limit" in response.json()["errors"]


def test_detail_by_slug_hides_drafts_from_everyone_but_the_organisation(api_client):
    membership = OrganisationMemberFactory()
    published = ResourceFactory(organisation=membership.organisation)
    draft = ResourceFactory(organisation=membership.organisation, status=PublicationStatus.DRAFT)

    assert api_client.get(f"/api/v1/resources/{published.slug}/").json()["slug"] == published.slug
    assert api_client.get(f"/api/v1/resources/{draft.slug}/").status_code == 404
    api_client.force_authenticate(membership.user)
    assert api_client.get(f"/api/v1/resources/{draft.slug}/").json()["status"] == "draft"


def test_topics_come_with_their_parent(api_client):
    topics = {topic["slug"]: topic for topic in api_client.get("/api/v1/topics/").json()}

    assert topics["panic"]["parent"] == "anxiety"
    assert topics["feelings"]["parent"] is None
    assert topics["self-harm"]["is_sensitive"] is True
    assert api_client.get("/api/v1/topics/sleep/").json()["name"] == "Sleep"


def test_only_verified_organisations_are_listed(api_client):
    OrganisationFactory(name="Verified one")
    OrganisationFactory(name="Waiting one", verification=VerificationState.UNVERIFIED)

    names = [o["name"] for o in api_client.get("/api/v1/organisations/").json()["results"]]

    assert names == ["Verified one"]


# Writing


def test_a_member_creates_a_draft(api_client, publisher):
    response = api_client.post(
        "/api/v1/resources/", {**NEW, "organisation": publisher.organisation.slug}, format="json"
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["slug"], body["status"], body["countries"]) == ("breathing-together", "draft", ["AU", "NZ"])
    assert Resource.objects.get().created_by == publisher.user


def test_a_member_creates_and_publishes_at_once(api_client, publisher):
    response = api_client.post(
        "/api/v1/resources/", {**NEW, "organisation": publisher.organisation.slug, "publish": True}, format="json"
    )

    assert response.json()["status"] == "published"
    assert api_client.get("/api/v1/resources/").json()["count"] == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": ""}, "title"),
        ({"countries": ["AU", "XX"]}, "countries"),
        ({"languages": ["zz"]}, "languages"),
        ({"external_url": "javascript:alert(1)"}, "external_url"),
        ({"topics": [], "publish": True}, "topics"),
    ],
)
def test_bad_input_is_a_field_error_and_nothing_is_saved(api_client, publisher, change, field):
    response = api_client.post(
        "/api/v1/resources/", {**NEW, **change, "organisation": publisher.organisation.slug}, format="json"
    )

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not Resource.objects.exists()


def test_the_api_and_the_workspace_say_the_same_thing(api_client, publisher):
    response = api_client.post(
        "/api/v1/resources/", {**NEW, "title": " ", "organisation": publisher.organisation.slug}, format="json"
    )

    assert response.json()["errors"]["title"] == ["Give your resource a title."]


def test_outsiders_cannot_write(api_client):
    organisation = OrganisationFactory()
    resource = ResourceFactory(organisation=organisation)

    anonymous = api_client.post("/api/v1/resources/", {**NEW, "organisation": organisation.slug}, format="json")
    api_client.force_authenticate(UserFactory())
    stranger = api_client.post("/api/v1/resources/", {**NEW, "organisation": organisation.slug}, format="json")
    stranger_edit = api_client.patch(f"/api/v1/resources/{resource.slug}/", {"title": "Mine now"}, format="json")
    stranger_delete = api_client.delete(f"/api/v1/resources/{resource.slug}/")

    assert anonymous.status_code in (401, 403)
    assert stranger.status_code == 403
    assert stranger_edit.status_code == 404
    assert stranger_delete.status_code == 404
    resource.refresh_from_db()
    assert (resource.title, resource.status) != ("Mine now", "archived")
    assert Resource.objects.count() == 1


def test_a_member_of_an_unverified_organisation_cannot_create(api_client):
    membership = OrganisationMemberFactory(organisation__verification=VerificationState.UNVERIFIED)
    api_client.force_authenticate(membership.user)

    response = api_client.post(
        "/api/v1/resources/", {**NEW, "organisation": membership.organisation.slug}, format="json"
    )

    assert response.status_code == 403
    assert "not verified" in response.json()["detail"]


def test_update_publish_review_and_archive(api_client, publisher):
    slug = api_client.post(
        "/api/v1/resources/", {**NEW, "organisation": publisher.organisation.slug}, format="json"
    ).json()["slug"]

    updated = api_client.patch(
        f"/api/v1/resources/{slug}/", {"title": "Breathing, together", "tags": []}, format="json"
    )
    published = api_client.post(f"/api/v1/resources/{slug}/publish/")
    reviewed = api_client.post(f"/api/v1/resources/{slug}/reviewed/")
    archived = api_client.delete(f"/api/v1/resources/{slug}/")

    assert (updated.json()["title"], updated.json()["tags"]) == ("Breathing, together", [])
    assert published.json()["status"] == "published"
    assert reviewed.status_code == 200
    assert archived.status_code == 204
    resource = Resource.objects.get(slug=slug)  # archived, not erased
    assert resource.status == PublicationStatus.ARCHIVED
    assert api_client.get("/api/v1/resources/").json()["count"] == 0


def test_registering_an_organisation_through_the_api(api_client, member):
    api_client.force_authenticate(member)

    response = api_client.post(
        "/api/v1/organisations/", {"name": "Riverbank Youth", "country": "NZ", "website": "https://riverbank.example/"}
    )
    bad = api_client.post("/api/v1/organisations/", {"name": "Nowhere", "country": "QQ"})

    assert response.status_code == 201
    assert response.json()["verification"] == "unverified"
    organisation = Organisation.objects.get(slug=response.json()["slug"])
    assert organisation.memberships.get().user == member
    assert bad.status_code == 400 and "country" in bad.json()["errors"]
    assert api_client.get(f"/api/v1/organisations/{organisation.slug}/").status_code == 200  # its member sees it


def test_only_organisation_admins_change_the_organisation(api_client, publisher):
    response = api_client.patch(
        f"/api/v1/organisations/{publisher.organisation.slug}/", {"description": "Hijacked"}, format="json"
    )

    assert response.status_code == 403
    assert Organisation.objects.get(pk=publisher.organisation.pk).description != "Hijacked"
