"""The publisher workspace: organisation members create, preview, publish, archive and review resources."""

import datetime
import re

import pytest
from django.urls import reverse

from resources.models import OrganisationMember, PublicationStatus, Resource, Topic, VerificationState
from tests.factories import OrganisationMemberFactory, ResourceFactory, UserFactory

pytestmark = pytest.mark.django_db

FORM = {
    "kind": "article",
    "title": "Talking to your GP",
    "summary": "What to say at your first appointment about your mental health.",
    "external_url": "https://example.org/gp",
    "body": "Write down **three things** before you go.",
    "topics": ["depression", "anxiety"],
    "audiences": ["young-people"],
    "languages": "en, cy",
    "countries": "GB IE",
    "tags": "doctor, first steps",
    "review_interval_days": "365",
}


@pytest.fixture
def publisher(client):
    membership = OrganisationMemberFactory()
    client.force_login(membership.user)
    return membership


def create_url(organisation):
    return reverse("resources:workspace_create", args=[organisation.slug])


def edit_url(resource):
    return reverse("resources:workspace_edit", args=[resource.slug])


def test_the_workspace_needs_an_account(client):
    response = client.get(reverse("resources:workspace"))

    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_someone_without_an_organisation_is_shown_how_to_get_one(client, member):
    client.force_login(member)

    html = client.get(reverse("resources:workspace")).content.decode()

    assert reverse("resources:organisation_register") in html


def test_the_dashboard_shows_resources_by_status_and_what_needs_attention(client, publisher):
    organisation = publisher.organisation
    ResourceFactory(organisation=organisation, title="A draft", status=PublicationStatus.DRAFT)
    ResourceFactory(organisation=organisation, title="Old news", reviewed_on=datetime.date(2020, 1, 1))
    ResourceFactory(
        organisation=organisation,
        title="Moved page",
        link_status=Resource.LinkStatus.BROKEN,
        link_status_code=404,
        link_checked_at=datetime.datetime(2026, 5, 1, 23, 0, tzinfo=datetime.UTC),
    )
    ResourceFactory(organisation=organisation, title="Put away", status=PublicationStatus.ARCHIVED)
    ResourceFactory(title="Another organisation's")

    response = client.get(reverse("resources:workspace"))

    workspace = response.context["workspace"]
    assert [r.title for r in workspace.drafts] == ["A draft"]
    assert {r.title for r in workspace.published} == {"Old news", "Moved page"}
    assert [r.title for r in workspace.archived] == ["Put away"]
    assert [r.title for r in workspace.needs_review] == ["Old news"]
    assert [r.title for r in workspace.broken_links] == ["Moved page"]
    html = response.content.decode()
    assert "Needs your attention" in html and "answered 404" in html
    assert "Another organisation" not in html


def test_each_published_resource_has_an_edit_button_beside_view_and_archive(client, publisher):
    from html.parser import HTMLParser

    resource = ResourceFactory(organisation=publisher.organisation, title="Sleep better")

    class Actions(HTMLParser):
        """The text of each button-styled link and button in the row's actions, with the links' targets."""

        def __init__(self):
            super().__init__()
            self.depth, self.buttons, self.current = 0, [], None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if "workspace-item-actions" in (attrs.get("class") or ""):
                self.depth = 1
            elif self.depth and tag in {"a", "button"}:
                self.current = [attrs.get("href", ""), ""]

        def handle_data(self, data):
            if self.current is not None:
                self.current[1] += data

        def handle_endtag(self, tag):
            if self.current is not None and tag in {"a", "button"}:
                self.buttons.append((self.current[0], self.current[1].strip()))
                self.current = None

    parser = Actions()
    parser.feed(client.get(reverse("resources:workspace")).content.decode())

    assert (edit_url(resource), "Edit: Sleep better") in parser.buttons
    labels = [label for _href, label in parser.buttons]
    assert {"View", "Archive"} <= set(labels)


def test_broken_link_times_are_shown_in_the_publishers_zone(client):
    membership = OrganisationMemberFactory(user=UserFactory(time_zone="Australia/Sydney"))
    client.force_login(membership.user)
    ResourceFactory(
        organisation=membership.organisation,
        link_status=Resource.LinkStatus.BROKEN,
        link_checked_at=datetime.datetime(2026, 5, 1, 23, 0, tzinfo=datetime.UTC),
    )

    html = client.get(reverse("resources:workspace")).content.decode()

    assert "checked 2 May 2026, 09:00" in html


def test_saving_a_draft(client, publisher):
    response = client.post(create_url(publisher.organisation), {**FORM, "action": "save"})

    resource = Resource.objects.get()
    assert response.status_code == 302
    assert response.url == edit_url(resource)
    assert resource.status == PublicationStatus.DRAFT
    assert resource.organisation == publisher.organisation
    assert sorted(resource.areas.values_list("code", flat=True)) == ["GB", "IE"]
    assert sorted(resource.languages.values_list("code", flat=True)) == ["cy", "en"]
    assert sorted(resource.tags.names()) == ["doctor", "first steps"]


def test_saving_and_publishing_at_once(client, publisher):
    response = client.post(create_url(publisher.organisation), {**FORM, "action": "publish"})

    resource = Resource.objects.get()
    assert resource.status == PublicationStatus.PUBLISHED
    assert response.url == reverse("resources:resource_detail", args=[resource.slug])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": ""}, "Give your resource a title."),
        ({"countries": "GB, XX"}, "“XX” is not a country code we know."),
        ({"languages": "en, zz"}, "“zz” is not a language code we know."),
        ({"external_url": "javascript:alert(1)"}, "Use a full web address starting with https://"),
    ],
)
def test_a_mistake_shows_on_the_form_keeps_the_text_and_saves_nothing(client, publisher, change, message):
    response = client.post(create_url(publisher.organisation), {**FORM, **change, "action": "publish"})

    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "What to say at your first appointment about your mental health." in html
    assert "Write down **three things** before you go." in html
    assert re.search(r'value="depression"[^>]*checked', html)
    assert not re.search(r'value="sleep"[^>]*checked', html)
    assert not Resource.objects.exists()


def test_the_error_is_shown_next_to_its_field(client, publisher):
    response = client.post(create_url(publisher.organisation), {**FORM, "countries": "XX", "action": "save"})

    form = response.context["form"]
    assert list(form.errors) == ["countries"]
    assert form["countries"].value() == "XX"


def test_publishing_without_a_topic_explains_what_is_missing(client, publisher):
    response = client.post(create_url(publisher.organisation), {**FORM, "topics": [], "action": "publish"})

    assert response.status_code == 400
    assert "Choose at least one topic before publishing" in response.content.decode()
    assert not Resource.objects.exists()


def test_preview_renders_as_readers_will_see_it_and_saves_nothing(client, publisher):
    response = client.post(create_url(publisher.organisation), {**FORM, "summary": "", "action": "preview"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing is saved yet" in html
    assert '<h1 id="resource-title">Talking to your GP</h1>' in html
    assert "<strong>three things</strong>" in html
    assert "Add a short summary before publishing" in html
    assert 'value="Talking to your GP"' in html  # the form is still there, filled in
    assert not Resource.objects.exists()


def test_previewing_an_edit_leaves_the_saved_resource_alone(client, publisher):
    resource = ResourceFactory(organisation=publisher.organisation, title="Saved title")

    response = client.post(edit_url(resource), {**FORM, "title": "Tried title", "action": "preview"})

    assert '<h1 id="resource-title">Tried title</h1>' in response.content.decode()
    resource.refresh_from_db()
    assert resource.title == "Saved title"


def test_editing_a_resource(client, publisher):
    resource = ResourceFactory(organisation=publisher.organisation, status=PublicationStatus.DRAFT)

    page = client.get(edit_url(resource))
    response = client.post(edit_url(resource), {**FORM, "title": "Better title", "action": "save"})

    assert page.status_code == 200 and page.context["form"]["title"].value() == resource.title
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.title == "Better title"
    assert resource.status == PublicationStatus.DRAFT


def test_publish_archive_and_review_buttons(client, publisher):
    resource = ResourceFactory(
        organisation=publisher.organisation, status=PublicationStatus.DRAFT, reviewed_on=datetime.date(2020, 1, 1)
    )
    resource.topics.set([Topic.objects.get(slug="sleep")])

    client.post(reverse("resources:workspace_publish", args=[resource.slug]))
    resource.refresh_from_db()
    assert resource.status == PublicationStatus.PUBLISHED

    client.post(reverse("resources:workspace_reviewed", args=[resource.slug]))
    resource.refresh_from_db()
    assert not resource.needs_review

    client.post(reverse("resources:workspace_archive", args=[resource.slug]))
    resource.refresh_from_db()
    assert resource.status == PublicationStatus.ARCHIVED


def test_a_publish_button_that_cannot_publish_says_why(client, publisher):
    resource = ResourceFactory(organisation=publisher.organisation, status=PublicationStatus.DRAFT)

    response = client.post(reverse("resources:workspace_publish", args=[resource.slug]), follow=True)

    assert "Choose at least one topic before publishing" in response.content.decode()
    resource.refresh_from_db()
    assert resource.status == PublicationStatus.DRAFT


def test_status_buttons_only_take_posts(client, publisher):
    resource = ResourceFactory(organisation=publisher.organisation)

    assert client.get(reverse("resources:workspace_archive", args=[resource.slug])).status_code == 405


def test_nobody_edits_another_organisations_resources(client, publisher):
    other = ResourceFactory()

    assert client.get(edit_url(other)).status_code == 404
    assert client.post(reverse("resources:workspace_archive", args=[other.slug])).status_code == 404
    assert client.post(create_url(other.organisation), {**FORM, "action": "save"}).status_code == 403
    other.refresh_from_db()
    assert other.status == PublicationStatus.PUBLISHED
    assert Resource.objects.count() == 1


def test_members_of_an_unverified_organisation_cannot_write_yet(client):
    membership = OrganisationMemberFactory(organisation__verification=VerificationState.UNVERIFIED)
    client.force_login(membership.user)

    assert client.post(create_url(membership.organisation), {**FORM, "action": "save"}).status_code == 403
    assert "Waiting for verification" in client.get(reverse("resources:workspace")).content.decode()
    assert not Resource.objects.exists()


# Members


def test_an_admin_adds_a_colleague_by_handle(client):
    admin = OrganisationMemberFactory(role=OrganisationMember.Role.ADMIN)
    colleague = UserFactory(handle="river_song")
    client.force_login(admin.user)
    url = reverse("resources:workspace_members", args=[admin.organisation.slug])

    response = client.post(url, {"handle": "@River_Song", "role": "publisher"})

    assert response.status_code == 302
    assert admin.organisation.memberships.filter(user=colleague, role="publisher").exists()


def test_an_unknown_handle_is_a_field_error(client):
    admin = OrganisationMemberFactory(role=OrganisationMember.Role.ADMIN)
    client.force_login(admin.user)

    response = client.post(
        reverse("resources:workspace_members", args=[admin.organisation.slug]),
        {"handle": "nobody_here", "role": "admin"},
    )

    assert response.status_code == 400
    assert "Nobody on Hearten has the handle @nobody_here." in response.content.decode()
    assert admin.organisation.memberships.count() == 1


def test_publishers_cannot_open_the_members_page(client, publisher):
    url = reverse("resources:workspace_members", args=[publisher.organisation.slug])

    assert client.get(url).status_code == 403


def test_the_last_admin_cannot_leave(client):
    admin = OrganisationMemberFactory(role=OrganisationMember.Role.ADMIN)
    client.force_login(admin.user)

    response = client.post(
        reverse("resources:workspace_remove_member", args=[admin.organisation.slug, admin.user.pk]), follow=True
    )

    assert "at least one admin" in response.content.decode()
    assert admin.organisation.memberships.filter(user=admin.user).exists()


def test_the_dashboard_lists_the_organisations_helplines_too(client, publisher):
    from tests.factories import HelplineFactory

    HelplineFactory(organisation=publisher.organisation, name="Our night line", status=PublicationStatus.DRAFT)
    HelplineFactory(name="Someone else's line")

    html = client.get(reverse("resources:workspace")).content.decode()

    assert "Our night line" in html
    assert "Someone else" not in html
    assert reverse("resources:helpline_create") in html
