"""Stories and comments in the admin: moderators read them (anonymous authors included), filter them, and act
through moderation (hide, restore, feature: audited). Members' writing is never rewritten or deleted here."""

import itertools

import pytest
from django.contrib.auth.models import Group

from community import services
from community.models import Block, Comment, Follow, Story
from moderation.models import AuditEntry, Visibility
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

STORIES = "/admin/community/story/"
COMMENTS = "/admin/community/comment/"
CRISIS = "I can't do this anymore. Tonight is the night, goodbye everyone."
_texts = itertools.count(1)


def write(author, **data) -> Story:
    data.setdefault("body", f"Something that helped me this week, part {next(_texts)}.")
    return services.save_story(actor=author, data=data, post=True).obj


def signed_in(client, user):
    client.force_login(user)
    session = client.session
    session["hearten_mfa_verified"] = True
    session.save()
    return client


@pytest.fixture
def moderator(db):
    user = StaffFactory(handle="mod", is_superuser=False)
    user.groups.add(Group.objects.get(name="moderator"))
    return user


def test_moderators_see_who_wrote_an_anonymous_story(client, moderator):
    write(UserFactory(handle="secretwriter"), title="Unsaid", anonymous=True)

    page = signed_in(client, moderator).get(STORIES).content.decode()

    assert "Unsaid" in page and "@secretwriter" in page and "posted anonymously" in page


def test_stories_filter_by_visibility_audience_warning_label_and_featured(client, moderator):
    author = UserFactory()
    members = write(author, title="For members", audience="members")
    grief = write(author, title="Missing my gran", content_warnings=["grief"])
    held = write(author, title="Hard night", body=CRISIS)
    featured = write(author, title="Spring walk")
    Story.objects.filter(pk=featured.pk).update(featured=True)
    signed_in(client, moderator)

    def titles(query):
        response = client.get(f"{STORIES}?{query}")
        assert response.status_code == 200
        return {story.title for story in response.context["cl"].result_list}

    assert titles("visibility__exact=held") == {held.title}
    assert titles("audience__exact=members") == {members.title}
    assert titles("warning=grief") == {grief.title}
    assert titles("label=crisis") == {held.title}
    assert titles("featured__exact=1") == {featured.title}
    assert titles("q=gran") == {grief.title}


def test_hiding_and_restoring_a_story_is_audited(client, moderator):
    story = write(UserFactory())
    signed_in(client, moderator)

    client.post(STORIES, {"action": "hide_content", "_selected_action": [story.pk]})
    story.refresh_from_db()
    assert story.visibility == Visibility.HIDDEN
    client.post(STORIES, {"action": "restore_content", "_selected_action": [story.pk]})
    story.refresh_from_db()

    assert story.visibility == Visibility.PUBLISHED
    assert list(AuditEntry.objects.order_by("pk").values_list("action", "actor", "target_id")) == [
        ("content.hide", moderator.pk, str(story.pk)),
        ("content.restore", moderator.pk, str(story.pk)),
    ]


def test_featuring_a_story_puts_it_in_every_feed_and_is_audited(client, moderator, api_client):
    story = write(UserFactory())
    assert api_client.get("/api/v1/feed/").json()["results"] == []
    signed_in(client, moderator)

    client.post(STORIES, {"action": "feature", "_selected_action": [story.pk]})

    assert [item["id"] for item in api_client.get("/api/v1/feed/").json()["results"]] == [story.pk]
    client.post(STORIES, {"action": "unfeature", "_selected_action": [story.pk]})
    story.refresh_from_db()
    assert story.featured is False
    assert list(AuditEntry.objects.order_by("pk").values_list("action", "actor")) == [
        ("story.feature", moderator.pk),
        ("story.unfeature", moderator.pk),
    ]


def test_hiding_a_comment_is_audited_and_readers_no_longer_see_it(client, moderator, api_client):
    story = write(UserFactory())
    comment = services.add_comment(actor=UserFactory(), target=story, body="Unkind words here.").obj
    signed_in(client, moderator)
    assert "Unkind words here." in client.get(COMMENTS).content.decode()

    client.post(COMMENTS, {"action": "hide_content", "_selected_action": [comment.pk]})

    comment.refresh_from_db()
    assert comment.visibility == Visibility.HIDDEN
    assert api_client.get(f"/api/v1/stories/{story.pk}/comments/").json() == []
    assert AuditEntry.objects.get().action == "content.hide"


def test_staff_without_the_moderator_role_cannot_hide_or_feature(client):
    story = write(UserFactory())
    helper = StaffFactory(is_superuser=False)
    signed_in(client, helper)

    assert client.get(STORIES).status_code == 403
    client.post(STORIES, {"action": "hide_content", "_selected_action": [story.pk]})
    client.post(STORIES, {"action": "feature", "_selected_action": [story.pk]})

    story.refresh_from_db()
    assert (story.visibility, story.featured) == (Visibility.PUBLISHED, False)
    assert not AuditEntry.objects.exists()


def test_members_writing_is_read_only_in_the_admin(client, moderator):
    author = UserFactory()
    story = write(author, title="Mine")
    comment = services.add_comment(actor=UserFactory(), target=story, body="Lovely.").obj
    signed_in(client, moderator)

    page = client.get(f"{STORIES}{story.pk}/change/")
    client.post(f"{STORIES}{story.pk}/change/", {"title": "Rewritten", "body": "Rewritten"})
    client.post(f"{STORIES}{story.pk}/delete/", {"post": "yes"})
    client.post(f"{COMMENTS}{comment.pk}/delete/", {"post": "yes"})

    assert page.status_code == 200 and 'name="body"' not in page.content.decode()
    assert client.get("/admin/community/story/add/").status_code == 403
    story.refresh_from_db()
    assert (story.title, Comment.objects.count()) == ("Mine", 1)
    actions = [name for name, _label in client.get(STORIES).context["action_form"].fields["action"].choices]
    assert actions == ["", "hide_content", "restore_content", "feature", "unfeature"]  # no "delete selected"


def test_follows_and_blocks_are_read_only_lists_for_staff_admins(client):
    first, second = UserFactory(handle="first"), UserFactory(handle="second")
    services.follow(actor=first, user=second)
    services.block(actor=UserFactory(handle="third"), user=second)
    signed_in(client, StaffFactory())

    follows = client.get("/admin/community/follow/")
    blocks = client.get("/admin/community/block/")

    assert follows.status_code == 200 and "first" in follows.content.decode()
    assert blocks.status_code == 200 and "third" in blocks.content.decode()
    assert client.get("/admin/community/block/add/").status_code == 403
    block = Block.objects.get()
    client.post(f"/admin/community/block/{block.pk}/delete/", {"post": "yes"})
    assert Block.objects.exists() and Follow.objects.count() == 1
