"""The pages readers see: a resource, the topic index and topic pages, an organisation."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resources.models import Area, Audience, Language, PublicationStatus, Topic, VerificationState
from tests.factories import (
    ChannelFactory,
    HelplineFactory,
    OrganisationFactory,
    OrganisationMemberFactory,
    ResourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def detail_url(resource):
    return reverse("resources:resource_detail", args=[resource.slug])


def topic_url(slug):
    return reverse("resources:topic_detail", args=[slug])


def full_resource(**fields):
    resource = ResourceFactory(**fields)
    resource.topics.set(Topic.objects.filter(slug__in=["anxiety", "sleep"]))
    resource.audiences.set(Audience.objects.filter(slug__in=["young-people", "students"]))
    resource.languages.set(Language.objects.filter(code__in=["en", "cy"]))
    resource.areas.set(Area.objects.filter(code__in=["GB", "IE"]))
    resource.tags.set(["breathing", "night"])
    return resource


# A resource


def test_a_published_resource_shows_everything_a_reader_needs(client):
    resource = full_resource(
        title="Calm nights",
        summary="Falling asleep when your mind races.",
        body="## Try this\n\nBreathe **slowly**.",
        external_url="https://example.org/calm-nights",
        organisation__name="Harbour Trust",
    )

    response = client.get(detail_url(resource))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 id="resource-title">Calm nights</h1>' in html
    assert "Falling asleep when your mind races." in html
    assert "<h3>Try this</h3>" in html and "<strong>slowly</strong>" in html
    assert "Harbour Trust" in html and "Verified organisation" in html
    assert "Anxiety" in html and "Sleep" in html
    assert "Young people, Students" in html
    assert "English" in html and "Welsh" in html
    assert "United Kingdom" in html and "Ireland" in html
    assert "breathing, night" in html
    assert 'href="https://example.org/calm-nights" rel="nofollow noopener noreferrer"' in html
    assert "Not reviewed since" not in html


def test_what_publishers_write_is_escaped_or_sanitised(client):
    resource = ResourceFactory(
        title="<script>alert('title')</script>",
        summary="<img src=x onerror=alert(1)>",
        body="<script>alert('body')</script>\n\n[click](javascript:alert(1))",
        external_url="javascript:alert(1)",  # never accepted by the services; imported data is not trusted either
    )

    html = client.get(detail_url(resource)).content.decode()

    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in html
    assert 'href="javascript' not in html


def test_a_resource_past_its_review_date_says_so(client):
    resource = ResourceFactory(reviewed_on=datetime.date(2025, 3, 4), review_interval_days=365)

    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC), tick=False):
        html = client.get(detail_url(resource)).content.decode()

    assert "Not reviewed since 4 March 2025." in html


def test_sensitive_topics_come_with_a_way_to_get_help(client):
    calm = ResourceFactory()
    calm.topics.set([Topic.objects.get(slug="sleep")])
    sensitive = ResourceFactory()
    sensitive.topics.set([Topic.objects.get(slug="self-harm")])

    assert "support-panel" not in client.get(detail_url(calm)).content.decode()
    html = client.get(detail_url(sensitive)).content.decode()
    assert "support-panel" in html and f'href="{reverse("help")}"' in html


@pytest.mark.parametrize(
    "fields",
    [
        {"status": PublicationStatus.DRAFT},
        {"status": PublicationStatus.ARCHIVED},
        {"organisation__verification": VerificationState.UNVERIFIED},
        {"organisation__verification": VerificationState.REJECTED},
    ],
)
def test_readers_only_see_published_resources_of_verified_organisations(client, fields):
    resource = ResourceFactory(**fields)

    assert client.get(detail_url(resource)).status_code == 404
    client.force_login(UserFactory())
    assert client.get(detail_url(resource)).status_code == 404


def test_members_see_their_organisations_drafts_marked_as_such(client):
    membership = OrganisationMemberFactory()
    draft = ResourceFactory(organisation=membership.organisation, status=PublicationStatus.DRAFT)
    client.force_login(membership.user)

    response = client.get(detail_url(draft))

    assert response.status_code == 200
    assert "only your organisation can see this page" in response.content.decode()


def test_a_missing_resource_is_a_404(client):
    assert client.get(reverse("resources:resource_detail", args=["nothing-here"])).status_code == 404


def test_the_resource_page_costs_the_same_queries_however_much_it_shows(client, django_assert_num_queries):
    bare = ResourceFactory()
    rich = full_resource()
    rich.topics.set(Topic.objects.all()[:12])
    rich.tags.set([f"tag{n}" for n in range(15)])

    with django_assert_num_queries(6):  # resource + organisation, then topics, audiences, languages, areas, tags
        client.get(detail_url(bare))
    with django_assert_num_queries(6):
        client.get(detail_url(rich))


# Topics


def test_the_topic_index_shows_the_hierarchy_with_counts(client):
    panic = ResourceFactory()
    panic.topics.set([Topic.objects.get(slug="panic")])
    both = ResourceFactory()
    both.topics.set(Topic.objects.filter(slug__in=["anxiety", "panic"]))
    ResourceFactory(status=PublicationStatus.DRAFT).topics.set([Topic.objects.get(slug="anxiety")])

    response = client.get(reverse("resources:topic_index"))

    tree = {node.topic.slug: node for node in response.context["tree"]}
    feelings = tree["feelings"]
    anxiety = next(node for node in feelings.children if node.topic.slug == "anxiety")
    panic_node = next(node for node in anxiety.children if node.topic.slug == "panic")
    # A resource tagged with a topic and its sub-topic counts once; drafts do not count.
    assert (feelings.count, anxiety.count, panic_node.count) == (2, 2, 2)
    assert tree["crisis"].count == 0
    html = response.content.decode()
    assert topic_url("panic") in html and topic_url("lgbtq-wellbeing") in html


def test_a_topic_page_lists_everything_under_it_and_its_sub_topics(client):
    on_topic = ResourceFactory(title="About anxiety")
    on_topic.topics.set([Topic.objects.get(slug="anxiety")])
    on_sub_topic = ResourceFactory(title="About panic")
    on_sub_topic.topics.set([Topic.objects.get(slug="panic")])
    elsewhere = ResourceFactory(title="About sleep")
    elsewhere.topics.set([Topic.objects.get(slug="sleep")])
    draft = ResourceFactory(title="Unfinished", status=PublicationStatus.DRAFT)
    draft.topics.set([Topic.objects.get(slug="anxiety")])
    helpline = HelplineFactory(name="Panic Line")
    helpline.topics.set([Topic.objects.get(slug="panic")])
    ChannelFactory(helpline=helpline, value="+441234567890")
    hidden_helpline = HelplineFactory(name="Draft Line", status=PublicationStatus.DRAFT)
    hidden_helpline.topics.set([Topic.objects.get(slug="anxiety")])

    response = client.get(topic_url("anxiety"), HTTP_ACCEPT_LANGUAGE="en-GB")

    html = response.content.decode()
    listed = {r.title for r in response.context["topic_page"].page.object_list}
    assert listed == {"About anxiety", "About panic"}
    (line,) = response.context["topic_page"].helplines.local
    assert line.helpline.name == "Panic Line"
    assert line.channels[0].href.startswith("tel:")
    assert f'href="{line.channels[0].href}"' in html
    assert "Draft Line" not in html and "Unfinished" not in html
    assert "Feelings and mood" in html  # the breadcrumb to the parent topic


def test_helplines_of_the_viewers_country_come_in_full_and_the_rest_by_name(client):
    sleep = Topic.objects.get(slug="sleep")
    for name, country in (("British line", "GB"), ("Irish line", "IE")):
        helpline = HelplineFactory(name=name, country=country, time_zone="Europe/London")
        helpline.topics.add(sleep)
        ChannelFactory(helpline=helpline, value="+353123456789" if country == "IE" else "+441234567890")
    client.force_login(UserFactory(country="IE"))

    response = client.get(topic_url("sleep"))

    helplines = response.context["topic_page"].helplines
    assert [line.helpline.name for line in helplines.local] == ["Irish line"]
    assert [helpline.name for helpline in helplines.others] == ["British line"]
    html = response.content.decode()
    assert f'href="{helplines.local[0].channels[0].href}"' in html
    assert html.count('href="tel:') == 1  # the British line is a name and a link to its page
    assert f"{reverse('help')}?topic=sleep" in html


def test_an_unknown_topic_is_a_404(client):
    assert client.get(topic_url("not-a-topic")).status_code == 404


def test_the_topic_page_costs_the_same_queries_however_long_it_is(client):
    anxiety = Topic.objects.get(slug="anxiety")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(topic_url("feelings"), HTTP_ACCEPT_LANGUAGE="en-GB").status_code == 200
        return len(captured)

    def add(resources, helplines):
        for _ in range(resources):
            resource = full_resource(organisation=OrganisationFactory())
            resource.topics.add(anxiety)
        for _ in range(helplines):
            helpline = HelplineFactory()
            helpline.topics.add(anxiety)
            ChannelFactory(helpline=helpline)
            ChannelFactory(helpline=helpline, kind="sms", value="85258")

    add(1, 1)
    few = queries()
    add(25, 6)
    many = queries()

    # topics, resource count, resource page, languages, areas, helplines, channels, opening hours
    assert few == many == 8


def test_topic_pages_are_paged(client):
    sleep = Topic.objects.get(slug="sleep")
    for _ in range(31):
        ResourceFactory().topics.add(sleep)

    first = client.get(topic_url("sleep"))
    second = client.get(topic_url("sleep"), {"page": 2})

    assert len(first.context["topic_page"].page.object_list) == 30
    assert len(second.context["topic_page"].page.object_list) == 1
    assert 'rel="next"' in first.content.decode()


# Organisations


def test_an_organisation_page_lists_its_published_resources(client):
    organisation = OrganisationFactory(name="Open Door", description="We listen.")
    ResourceFactory(organisation=organisation, title="Published guide")
    ResourceFactory(organisation=organisation, title="Secret draft", status=PublicationStatus.DRAFT)
    ResourceFactory(title="Someone else's")
    ChannelFactory(helpline=HelplineFactory(organisation=organisation, name="Open Door nightline"))
    HelplineFactory(organisation=organisation, name="Unpublished line", status=PublicationStatus.DRAFT)

    response = client.get(reverse("resources:organisation_detail", args=[organisation.slug]))

    html = response.content.decode()
    (line,) = response.context["org_page"].helplines.local
    assert line.helpline.name == "Open Door nightline" and f'href="{line.channels[0].href}"' in html
    assert "Unpublished line" not in html
    assert "Open Door" in html and "We listen." in html
    assert "Published guide" in html
    assert "Secret draft" not in html and "Someone else" not in html
