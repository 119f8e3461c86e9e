"""One rule for what readers see: published, by an organisation staff verified, on every door."""

import pytest

from resources.models import PublicationStatus, VerificationState
from resources.search import index_resource
from tests.factories import (
    ChannelFactory,
    HelplineFactory,
    OrganisationFactory,
    OrganisationMemberFactory,
    ResourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def rejected_and_verified():
    rejected = OrganisationFactory(verification=VerificationState.REJECTED, rejection_reason="Not a real charity")
    verified = OrganisationFactory()
    for organisation, word in [(rejected, "Rejected"), (verified, "Trusted")]:
        resource = ResourceFactory(
            organisation=organisation, title=f"{word} anxiety guide", slug=f"{word.lower()}-guide"
        )
        index_resource(resource)
        helpline = HelplineFactory(organisation=organisation, name=f"{word} line", slug=f"{word.lower()}-line")
        ChannelFactory(helpline=helpline, value="+442071234567")
    return rejected, verified


def test_search_page_hides_resources_of_an_organisation_that_is_not_verified(client, rejected_and_verified):
    html = client.get("/resources/", {"q": "anxiety"}).content.decode()
    assert "Trusted anxiety guide" in html
    assert "Rejected anxiety guide" not in html


def test_resources_api_hides_them_too(api_client, rejected_and_verified):
    titles = [item["title"] for item in api_client.get("/api/v1/resources/", {"q": "anxiety"}).json()["results"]]
    assert titles == ["Trusted anxiety guide"]


def test_help_page_and_helplines_api_hide_lines_of_an_organisation_that_is_not_verified(
    client, api_client, rejected_and_verified
):
    html = client.get("/help/", {"country": "GB"}).content.decode()
    assert "Trusted line" in html
    assert "Rejected line" not in html
    names = [item["name"] for item in api_client.get("/api/v1/helplines/", {"country": "GB"}).json()["results"]]
    assert names == ["Trusted line"]


def test_the_crisis_panel_on_search_hides_them(client, rejected_and_verified):
    html = client.get("/resources/", {"q": "kill myself", "country": "GB"}).content.decode()
    assert "Trusted line" in html
    assert "Rejected line" not in html


def test_a_rejected_organisations_published_helpline_has_no_page_of_its_own(client, rejected_and_verified):
    assert client.get("/helplines/trusted-line/").status_code == 200
    assert client.get("/helplines/rejected-line/").status_code == 404


def test_nor_a_detail_in_the_helplines_api(api_client, rejected_and_verified):
    assert api_client.get("/api/v1/helplines/trusted-line/").status_code == 200
    assert api_client.get("/api/v1/helplines/rejected-line/").status_code == 404


def test_staff_still_see_a_rejected_organisations_helpline(client, rejected_and_verified):
    client.force_login(UserFactory(is_staff=True))
    assert client.get("/helplines/rejected-line/").status_code == 200


def test_another_organisations_draft_is_404_on_its_page_and_its_publish_and_archive_actions(client):
    draft = HelplineFactory(status=PublicationStatus.DRAFT, slug="their-draft")
    ChannelFactory(helpline=draft, value="+442071234567")
    outsider = UserFactory()
    OrganisationMemberFactory(user=outsider, organisation=OrganisationFactory())
    client.force_login(outsider)

    assert client.get("/helplines/their-draft/").status_code == 404
    assert client.get("/helplines/their-draft/edit/").status_code == 404
    assert client.post("/helplines/their-draft/publish/").status_code == 404
    assert client.post("/helplines/their-draft/archive/").status_code == 404
    draft.refresh_from_db()
    assert draft.status == PublicationStatus.DRAFT


def test_its_own_members_still_see_and_publish_their_draft(client):
    draft = HelplineFactory(status=PublicationStatus.DRAFT, slug="our-draft")
    ChannelFactory(helpline=draft, value="+442071234567")
    insider = UserFactory()
    OrganisationMemberFactory(user=insider, organisation=draft.organisation)
    client.force_login(insider)

    assert client.get("/helplines/our-draft/").status_code == 200
    assert client.post("/helplines/our-draft/publish/").status_code == 302
    draft.refresh_from_db()
    assert draft.status == PublicationStatus.PUBLISHED
