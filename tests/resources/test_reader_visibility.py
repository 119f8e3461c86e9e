"""One rule for what readers see: published, by an organisation staff verified, on every door."""

import pytest

from resources.models import VerificationState
from resources.search import index_resource
from tests.factories import ChannelFactory, HelplineFactory, OrganisationFactory, ResourceFactory

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
