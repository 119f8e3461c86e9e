"""The admin: organisation verification, resource filters and actions, all through the services."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from resources.models import (
    Area,
    Organisation,
    OrganisationMember,
    PublicationStatus,
    Resource,
    Topic,
    VerificationState,
)
from tests.factories import OrganisationFactory, ResourceFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

ORGANISATIONS = reverse("admin:resources_organisation_changelist")
RESOURCES = reverse("admin:resources_resource_changelist")


@pytest.fixture
def staff(client, settings):
    settings.HEARTEN_STAFF_MFA_REQUIRED = False  # two-factor sign-in is tested with the admin site itself
    user = StaffFactory()
    client.force_login(user)
    return user


def listed(response) -> list[str]:
    return [str(obj) for obj in response.context["cl"].result_list]


# Organisations


def test_organisations_filter_by_verification_and_country(client, staff):
    OrganisationFactory(name="Waiting GB", verification=VerificationState.UNVERIFIED, country="GB")
    OrganisationFactory(name="Verified AU", country="AU")

    waiting = client.get(ORGANISATIONS, {"verification__exact": "unverified"})
    australian = client.get(ORGANISATIONS, {"country__exact": "AU"})

    assert listed(waiting) == ["Waiting GB"]
    assert listed(australian) == ["Verified AU"]


def test_the_verify_action_records_who_verified(client, staff):
    organisation = OrganisationFactory(verification=VerificationState.UNVERIFIED)

    client.post(ORGANISATIONS, {"action": "verify", ACTION_CHECKBOX_NAME: [organisation.pk]})

    organisation.refresh_from_db()
    assert organisation.verification == VerificationState.VERIFIED
    assert organisation.verified_by == staff
    assert organisation.verified_at is not None


def test_rejecting_asks_for_a_reason_first(client, staff):
    organisation = OrganisationFactory(verification=VerificationState.UNVERIFIED)

    asked = client.post(ORGANISATIONS, {"action": "reject", ACTION_CHECKBOX_NAME: [organisation.pk]})
    empty = client.post(
        ORGANISATIONS, {"action": "reject", "apply": "1", "reason": "", ACTION_CHECKBOX_NAME: [organisation.pk]}
    )
    assert Organisation.objects.get(pk=organisation.pk).verification == VerificationState.UNVERIFIED
    client.post(
        ORGANISATIONS,
        {"action": "reject", "apply": "1", "reason": "No such charity.", ACTION_CHECKBOX_NAME: [organisation.pk]},
    )

    assert asked.status_code == 200 and "Reject with this reason" in asked.content.decode()
    assert empty.status_code == 200 and "This field is required." in empty.content.decode()
    organisation.refresh_from_db()
    assert (organisation.verification, organisation.rejection_reason) == ("rejected", "No such charity.")
    assert organisation.verified_by == staff


def test_verification_cannot_be_typed_into_the_form(client, staff):
    organisation = OrganisationFactory(verification=VerificationState.UNVERIFIED)
    url = reverse("admin:resources_organisation_change", args=[organisation.pk])

    response = client.post(
        url,
        {
            "name": organisation.name,
            "country": "GB",
            "verification": "verified",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    assert Organisation.objects.get(pk=organisation.pk).verification == VerificationState.UNVERIFIED


def test_staff_add_members_in_the_inline(client, staff):
    organisation = OrganisationFactory()
    person = UserFactory()
    url = reverse("admin:resources_organisation_change", args=[organisation.pk])

    response = client.post(
        url,
        {
            "name": organisation.name,
            "country": "GB",
            "website": "https://example.org/",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-0-user": person.pk,
            "memberships-0-role": "admin",
            "memberships-0-organisation": organisation.pk,
        },
    )

    assert response.status_code == 302
    assert OrganisationMember.objects.get(organisation=organisation).user == person


def test_staff_add_an_organisation(client, staff):
    response = client.post(
        reverse("admin:resources_organisation_add"),
        {"name": "Admin Added", "country": "IE", "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"},
    )

    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert (organisation.slug, organisation.verification) == ("admin-added", "unverified")
    assert not organisation.memberships.exists()  # staff do not join it


# Resources


def test_resources_filter_by_status_kind_country_topic_review_and_link(client, staff):
    today = datetime.date.today()
    gb = ResourceFactory(title="British app", kind="app", link_status="broken")
    gb.areas.set([Area.objects.get(code="GB")])
    gb.topics.set([Topic.objects.get(slug="sleep")])
    old = ResourceFactory(title="Old article", reviewed_on=today - datetime.timedelta(days=400))
    old.areas.set([Area.objects.get(code="AU")])
    ResourceFactory(title="A draft", status=PublicationStatus.DRAFT)

    def titles(**params):
        return sorted(listed(client.get(RESOURCES, params)))

    assert titles(status__exact="draft") == ["A draft"]
    assert titles(kind__exact="app") == ["British app"]
    assert titles(areas__code__exact="GB") == ["British app"]
    assert titles(topics__id__exact=Topic.objects.get(slug="sleep").pk) == ["British app"]
    assert titles(review="due") == ["Old article"]
    assert titles(review="ok") == ["A draft", "British app"]
    assert titles(link_status__exact="broken") == ["British app"]
    assert titles(q="old art") == ["Old article"]


def test_adding_a_resource_goes_through_the_service(client, staff):
    organisation = OrganisationFactory()
    sleep = Topic.objects.get(slug="sleep")

    response = client.post(
        reverse("admin:resources_resource_add"),
        {
            "organisation": organisation.pk,
            "kind": "article",
            "title": "Sleep tips",
            "summary": "Rest well.",
            "external_url": "https://example.org/sleep",
            "topics": [sleep.pk],
            "areas": ["GB"],
            "languages": ["en"],
            "tags": "rest, night",
            "reviewed_on": datetime.date.today().isoformat(),
            "review_interval_days": "365",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    resource = Resource.objects.get()
    assert (resource.slug, resource.status, resource.created_by) == ("sleep-tips", "draft", staff)
    assert sorted(resource.tags.names()) == ["night", "rest"]
    assert list(resource.topics.all()) == [sleep]


def test_a_published_resource_cannot_lose_its_topics_in_the_admin(client, staff):
    resource = ResourceFactory()
    resource.topics.set([Topic.objects.get(slug="sleep")])
    url = reverse("admin:resources_resource_change", args=[resource.pk])

    response = client.post(
        url,
        {
            "kind": "article",
            "title": resource.title,
            "summary": resource.summary,
            "body": resource.body,
            "external_url": resource.external_url,
            "reviewed_on": resource.reviewed_on.isoformat(),
            "review_interval_days": "365",
        },
    )

    assert response.status_code == 200
    assert "Choose at least one topic before publishing" in response.content.decode()
    assert resource.topics.count() == 1


def test_resource_actions_publish_archive_and_mark_reviewed(client, staff):
    ready = ResourceFactory(status=PublicationStatus.DRAFT, reviewed_on=datetime.date(2020, 1, 1))
    ready.topics.set([Topic.objects.get(slug="sleep")])
    not_ready = ResourceFactory(status=PublicationStatus.DRAFT, title="No topic yet")

    response = client.post(
        RESOURCES, {"action": "publish", ACTION_CHECKBOX_NAME: [ready.pk, not_ready.pk]}, follow=True
    )
    client.post(RESOURCES, {"action": "mark_reviewed", ACTION_CHECKBOX_NAME: [ready.pk]})
    ready.refresh_from_db()
    not_ready.refresh_from_db()
    assert (ready.status, not_ready.status) == ("published", "draft")
    assert ready.reviewed_on == datetime.date.today()
    assert "No topic yet: Choose at least one topic" in response.content.decode()

    client.post(RESOURCES, {"action": "archive", ACTION_CHECKBOX_NAME: [ready.pk]})
    ready.refresh_from_db()
    assert ready.status == "archived"


def test_nothing_is_deleted_from_the_library_admin(client, staff):
    resource = ResourceFactory()

    response = client.get(reverse("admin:resources_resource_delete", args=[resource.pk]))

    assert response.status_code == 403
    assert Resource.objects.filter(pk=resource.pk).exists()


def test_a_topic_cannot_be_moved_under_its_own_sub_topic(client, staff):
    anxiety = Topic.objects.get(slug="anxiety")
    panic = Topic.objects.get(slug="panic")

    response = client.post(
        reverse("admin:resources_topic_change", args=[anxiety.pk]),
        {"name": "Anxiety", "slug": "anxiety", "parent": panic.pk, "position": anxiety.position},
    )

    assert response.status_code == 200
    assert "A topic cannot be placed under itself or one of its sub-topics." in response.content.decode()
    assert Topic.objects.get(pk=anxiety.pk).parent.slug == "feelings"


def test_staff_mark_trusted_flaggers(client, staff):
    organisation = OrganisationFactory()
    url = reverse("admin:resources_organisation_change", args=[organisation.pk])

    client.post(
        url,
        {
            "name": organisation.name,
            "country": "GB",
            "is_trusted_flagger": "on",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )

    assert Organisation.objects.get(pk=organisation.pk).is_trusted_flagger
