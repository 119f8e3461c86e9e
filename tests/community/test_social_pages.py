"""Following, muting, restricting and blocking from a profile; the safety settings; a person's stories."""

import re
from html import unescape

import pytest

from community import services
from community.models import Block, Comment, Follow, HiddenWord, Mute, Restriction
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STORY_ID = re.compile(r'id="story-(\d+)-title"')


def post(author, body, **data):
    return services.save_story(actor=author, data={"body": body, **data}, post=True).obj


def text(response) -> str:
    return unescape(response.content.decode())


def story_ids(response) -> list[int]:
    return [int(pk) for pk in STORY_ID.findall(response.content.decode())]


@pytest.fixture
def viewer(client, member):
    client.force_login(member)
    return member


@pytest.fixture
def robin(db):
    return UserFactory(handle="robin", display_name="Robin Bird")


# Following


def test_follow_and_unfollow_from_the_profile(client, viewer, robin):
    page = text(client.get("/people/robin/"))
    assert 'action="/people/robin/follow/"' in page

    response = client.post("/people/robin/follow/", follow=True)

    assert response.redirect_chain == [("/people/robin/", 302)]
    assert "You follow @robin" in text(response)
    assert 'action="/people/robin/unfollow/"' in text(response)
    assert Follow.objects.filter(follower=viewer, followed=robin).exists()

    response = client.post("/people/robin/unfollow/", follow=True)

    assert "You no longer follow @robin" in text(response)
    assert not Follow.objects.filter(follower=viewer, followed=robin).exists()


def test_following_yourself_is_refused_with_a_clear_message(client, viewer):
    response = client.post(f"/people/{viewer.handle}/follow/", follow=True)

    assert "You can't follow yourself." in text(response)
    assert not Follow.objects.exists()


def test_following_someone_who_blocked_you_is_refused(client, viewer, robin):
    services.block(actor=robin, user=viewer)

    response = client.post("/people/robin/follow/")

    assert response.status_code == 404  # as if there were no such person: the block is not revealed
    assert not Follow.objects.exists()


def test_following_needs_a_post_and_a_member(client, robin):
    assert client.post("/people/robin/follow/").status_code == 302  # to sign in
    assert "/accounts/login/" in client.post("/people/robin/follow/")["Location"]
    client.force_login(UserFactory())
    assert client.get("/people/robin/follow/").status_code == 405
    assert not Follow.objects.exists()


# The "More" menu: mute, restrict, block


def test_own_profile_has_no_follow_or_more_menu(client, viewer):
    page = text(client.get(f"/people/{viewer.handle}/"))

    assert "/follow/" not in page and "more-menu" not in page


@pytest.mark.parametrize(
    ("action", "explains"),
    [
        ("mute", "Their stories won't show in your feed"),
        ("restrict", "seen only by them and by you"),
        ("block", "They won't be told"),
    ],
)
def test_each_control_explains_itself_before_acting(client, viewer, robin, action, explains):
    profile = text(client.get("/people/robin/"))
    assert f'href="/people/robin/{action}/"' in profile

    page = client.get(f"/people/robin/{action}/")

    assert page.status_code == 200
    assert explains in text(page)
    assert '<button type="submit"' in page.content.decode()
    assert not (Mute.objects.exists() or Restriction.objects.exists() or Block.objects.exists())


def test_block_hides_each_profile_from_the_other_and_ends_follows(client, viewer, robin):
    services.follow(actor=viewer, user=robin)
    services.follow(actor=robin, user=viewer)

    response = client.post("/people/robin/block/", follow=True)

    assert response.redirect_chain == [("/settings/safety/", 302)]
    assert "You blocked @robin. They won't be told." in text(response)
    assert Block.objects.filter(blocker=viewer, blocked=robin).exists()
    assert not Follow.objects.exists()
    assert client.get("/people/robin/").status_code == 404
    client.force_login(robin)
    assert client.get(f"/people/{viewer.handle}/").status_code == 404
    assert client.get(f"/people/{viewer.handle}/block/").status_code == 404


def test_blocked_people_vanish_from_the_blockers_feed_and_tags(client, viewer, robin):
    services.follow_tag(actor=viewer, name="walks")
    story = post(robin, "A long walk in the rain. #walks")
    services.block(actor=viewer, user=robin)

    assert story.pk not in story_ids(client.get("/"))
    assert story.pk not in story_ids(client.get("/tags/walks/"))


def test_unblocking_from_the_safety_page_shows_the_profile_again(client, viewer, robin):
    services.block(actor=viewer, user=robin)
    page = text(client.get("/settings/safety/"))
    assert "@robin" in page and 'action="/people/robin/unblock/"' in page

    response = client.post("/people/robin/unblock/", {"next": "safety"}, follow=True)

    assert response.redirect_chain == [("/settings/safety/", 302)]
    assert "You unblocked @robin." in text(response)
    assert client.get("/people/robin/").status_code == 200


def test_mute_hides_stories_from_the_feed_only(client, viewer, robin):
    services.follow(actor=viewer, user=robin)
    story = post(robin, "Trying a new recipe tonight. #cooking")
    assert story.pk in story_ids(client.get("/"))

    response = client.post("/people/robin/mute/", follow=True)

    assert "You muted @robin" in text(response)
    assert Mute.objects.filter(muter=viewer, muted=robin).exists()
    assert Follow.objects.filter(follower=viewer, followed=robin).exists()  # still following
    assert story.pk not in story_ids(client.get("/"))
    profile = client.get("/people/robin/")
    assert profile.status_code == 200 and story_ids(profile) == [story.pk]
    assert story_ids(client.get("/tags/cooking/")) == [story.pk]
    assert 'action="/people/robin/unmute/"' in profile.content.decode()

    client.post("/people/robin/unmute/")

    assert story.pk in story_ids(client.get("/"))


def test_restrict_is_saved_listed_and_undone(client, viewer, robin):
    response = client.post("/people/robin/restrict/", follow=True)

    assert "You restricted @robin" in text(response)
    assert Restriction.objects.filter(owner=viewer, restricted=robin).exists()
    safety = text(client.get("/settings/safety/"))
    restricted = safety[safety.index("People you restricted") :]
    assert "@robin" in restricted and 'action="/people/robin/unrestrict/"' in restricted

    client.post("/people/robin/unrestrict/", {"next": "safety"})

    assert not Restriction.objects.exists()


def test_restricting_yourself_is_refused(client, viewer):
    page = client.get(f"/people/{viewer.handle}/restrict/")
    response = client.post(f"/people/{viewer.handle}/restrict/", follow=True)

    assert "That's your own profile" in text(page)
    assert "You can't restrict yourself." in text(response)
    assert not Restriction.objects.exists()


# Settings: safety


def test_safety_needs_signing_in(client):
    response = client.get("/settings/safety/")

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_safety_is_in_the_settings_tabs(client, viewer):
    assert 'href="/settings/safety/"' in client.get("/settings/").content.decode()


def test_hidden_words_are_added_listed_and_removed(client, viewer):
    response = client.post("/settings/safety/hidden-words/", {"phrase": "  calm   down "}, follow=True)

    assert "“calm down” is now a hidden word." in text(response)
    assert list(HiddenWord.objects.filter(owner=viewer).values_list("phrase", flat=True)) == ["calm down"]
    page = text(client.get("/settings/safety/"))
    assert "wait for your approval" in page
    assert 'name="phrase" value="calm down"' in page

    client.post("/settings/safety/hidden-words/remove/", {"phrase": "calm down"})

    assert not HiddenWord.objects.exists()


def test_an_empty_hidden_word_is_refused_next_to_the_field(client, viewer):
    response = client.post("/settings/safety/hidden-words/", {"phrase": "   "})

    assert response.status_code == 400
    assert "Type a word or phrase." in text(response)
    assert 'aria-invalid="true"' in response.content.decode()
    assert not HiddenWord.objects.exists()


def test_hidden_words_make_comments_wait_and_the_safety_page_counts_them(client, viewer):
    story = post(viewer, "My first week at a new school.")
    services.add_hidden_word(actor=viewer, phrase="mondays")
    written = services.add_comment(actor=UserFactory(), target=story, body="Sounds like MONDAYS to me")

    page = text(client.get("/settings/safety/"))

    assert written.obj.approval == Comment.Approval.PENDING
    assert "1 comment on your stories is waiting for your approval." in page
    assert 'href="/stories/approvals/"' in page


def test_safety_lists_people_with_their_names_escaped(client, viewer):
    other = UserFactory(handle="sly", display_name="<b>Sly</b>")
    services.mute(actor=viewer, user=other)

    html = client.get("/settings/safety/").content.decode()

    assert "&lt;b&gt;Sly&lt;/b&gt;" in html and "<b>Sly</b>" not in html


# A person's stories


def test_profile_lists_the_persons_stories_but_not_their_anonymous_ones(client, viewer, robin):
    named = post(robin, "Open about my week.")
    anonymous = post(robin, "Not signed with my name.", anonymous=True)

    others_view = client.get("/people/robin/")
    client.force_login(robin)
    own_view = client.get("/people/robin/")

    assert story_ids(others_view) == [named.pk]
    assert anonymous.pk not in story_ids(others_view)
    assert story_ids(own_view) == [anonymous.pk, named.pk]


@pytest.mark.parametrize("count", [5, 25])
def test_a_profile_costs_the_same_queries_whatever_its_length(
    client, viewer, robin, django_assert_max_num_queries, count
):
    for n in range(count):
        post(robin, f"Evening {n}: tea and a book. #unwind")

    with django_assert_max_num_queries(14):  # 13, and one for the "Message" button (selectors.messages.between)
        response = client.get("/people/robin/")

    assert len(story_ids(response)) == min(count, 20)
