"""/api/v1/ follows (people and hashtags) and each person's own safety controls: blocks, mutes, restrictions and
hidden words. The same services as the pages decide."""

import itertools

import pytest

from community import services
from community.models import Block, Comment, Follow, HiddenWord, Mute, Restriction, TagFollow
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

_texts = itertools.count(1)


def write(author, **data):
    data.setdefault("body", f"A small good thing happened today, number {next(_texts)}.")
    return services.save_story(actor=author, data=data, post=True).obj


@pytest.fixture
def signed_in(api_client, member):
    api_client.force_authenticate(member)
    return api_client


# Following people


def test_following_someone_is_201_then_200_and_unfollowing_is_204(signed_in, member):
    other = UserFactory(handle="sam")

    first = signed_in.put("/api/v1/people/sam/follow/")
    again = signed_in.put("/api/v1/people/SAM/follow/")

    assert (first.status_code, again.status_code) == (201, 200)
    assert Follow.objects.filter(follower=member, followed=other).count() == 1
    assert signed_in.delete("/api/v1/people/sam/follow/").status_code == 204
    assert not Follow.objects.exists()


def test_following_yourself_is_refused_naming_the_handle(signed_in, member):
    answer = signed_in.put(f"/api/v1/people/{member.handle}/follow/")

    assert answer.status_code == 400 and "handle" in answer.json()["errors"]
    assert not Follow.objects.exists()


def test_following_someone_who_blocked_you_is_403(signed_in, member):
    blocker = UserFactory(handle="blocker")
    services.block(actor=blocker, user=member)

    answer = signed_in.put("/api/v1/people/blocker/follow/")

    assert answer.status_code == 403 and answer.json()["detail"]
    assert not Follow.objects.exists()


def test_following_nobody_is_404_and_visitors_get_401(api_client, member):
    api_client.force_authenticate(member)
    assert api_client.put("/api/v1/people/nobody_here/follow/").status_code == 404
    api_client.force_authenticate(None)
    assert api_client.put(f"/api/v1/people/{member.handle}/follow/").status_code == 401
    assert not Follow.objects.exists()


# Following hashtags


def test_following_a_hashtag_brings_its_stories_into_the_feed(signed_in, member):
    story = write(UserFactory(), tags=["gardening"])

    assert signed_in.get("/api/v1/feed/").json()["results"] == []
    assert signed_in.put("/api/v1/tags/gardening/follow/").status_code == 201
    assert signed_in.put("/api/v1/tags/Gardening/follow/").status_code == 200

    assert [item["id"] for item in signed_in.get("/api/v1/feed/").json()["results"]] == [story.pk]
    assert signed_in.get("/api/v1/tags/gardening/").json()["following"] is True
    assert signed_in.delete("/api/v1/tags/gardening/follow/").status_code == 204
    assert not TagFollow.objects.exists()


def test_following_a_hashtag_that_is_no_hashtag_is_404(signed_in):
    assert signed_in.put("/api/v1/tags/a/follow/").status_code == 404
    assert not TagFollow.objects.exists()


@pytest.mark.parametrize("tag", ["suicide", "Self-Harm", "proana"])
def test_sensitive_hashtags_cannot_be_followed(signed_in, tag):
    answer = signed_in.put(f"/api/v1/tags/{tag}/follow/")

    assert answer.status_code == 400 and "can't be followed" in answer.json()["errors"]["tag"][0]
    assert not TagFollow.objects.exists()


# Blocks


def test_a_block_is_listed_hides_each_from_the_other_and_ends_follows(signed_in, member):
    other = UserFactory(handle="pat")
    services.follow(actor=member, user=other)
    services.follow(actor=other, user=member)
    story = write(other)

    assert signed_in.put("/api/v1/me/blocks/pat/").status_code == 201
    assert signed_in.put("/api/v1/me/blocks/pat/").status_code == 200

    listed = signed_in.get("/api/v1/me/blocks/").json()["results"]
    assert [(row["handle"], bool(row["since"])) for row in listed] == [("pat", True)]
    assert not Follow.objects.exists()
    assert signed_in.get(f"/api/v1/stories/{story.pk}/").status_code == 404
    signed_in.force_authenticate(other)
    assert signed_in.put(f"/api/v1/people/{member.handle}/follow/").status_code == 403
    assert signed_in.get("/api/v1/me/blocks/").json()["results"] == []  # each sees only their own

    signed_in.force_authenticate(member)
    assert signed_in.delete("/api/v1/me/blocks/pat/").status_code == 204
    assert not Block.objects.exists()
    assert signed_in.get(f"/api/v1/stories/{story.pk}/").status_code == 200


def test_blocking_yourself_is_refused(signed_in, member):
    answer = signed_in.put(f"/api/v1/me/blocks/{member.handle}/")

    assert answer.status_code == 400 and "handle" in answer.json()["errors"]


def test_a_blocked_person_cannot_reply_to_the_blockers_comment(api_client, member):
    story = write(member)
    blocker = UserFactory()
    top = services.add_comment(actor=blocker, target=story, body="I've been there.").obj
    services.block(actor=blocker, user=(replier := UserFactory()))
    api_client.force_authenticate(replier)

    answer = api_client.post(
        f"/api/v1/stories/{story.pk}/comments/", {"body": "Me too", "parent": top.pk}, format="json"
    )

    assert answer.status_code == 403
    assert Comment.objects.count() == 1


# Mutes and restrictions


def test_a_mute_takes_someone_out_of_your_feed_only(signed_in, member):
    loud = UserFactory(handle="loud")
    services.follow(actor=member, user=loud)
    story = write(loud)

    assert signed_in.put("/api/v1/me/mutes/loud/").status_code == 201

    assert signed_in.get("/api/v1/feed/").json()["results"] == []
    assert signed_in.get(f"/api/v1/stories/{story.pk}/").status_code == 200  # still readable on its own
    assert [row["handle"] for row in signed_in.get("/api/v1/me/mutes/").json()["results"]] == ["loud"]
    assert signed_in.delete("/api/v1/me/mutes/loud/").status_code == 204
    assert [item["id"] for item in signed_in.get("/api/v1/feed/").json()["results"]] == [story.pk]
    assert not Mute.objects.exists()


def test_restrictions_are_listed_added_and_removed(signed_in, member):
    UserFactory(handle="sharp")

    assert signed_in.put("/api/v1/me/restrictions/sharp/").status_code == 201
    assert [row["handle"] for row in signed_in.get("/api/v1/me/restrictions/").json()["results"]] == ["sharp"]
    assert signed_in.delete("/api/v1/me/restrictions/sharp/").status_code == 204
    assert not Restriction.objects.exists()


# Hidden words


def test_hidden_words_are_listed_added_and_removed_and_hold_matching_comments(signed_in, member):
    story = write(member)

    added = signed_in.post("/api/v1/me/hidden-words/", {"phrase": "  just   relax "}, format="json")
    again = signed_in.post("/api/v1/me/hidden-words/", {"phrase": "just relax"}, format="json")

    assert added.status_code == 201 and added.json()["phrase"] == "just relax"
    assert again.status_code == 200 and again.json()["id"] == added.json()["id"]
    assert signed_in.get("/api/v1/me/hidden-words/").json() == [added.json()]
    signed_in.force_authenticate(UserFactory())
    comment = signed_in.post(f"/api/v1/stories/{story.pk}/comments/", {"body": "You should just relax."})
    assert comment.status_code == 201 and comment.json()["waiting"] is True

    signed_in.force_authenticate(member)
    assert signed_in.delete(f"/api/v1/me/hidden-words/{added.json()['id']}/").status_code == 204
    assert not HiddenWord.objects.exists()


def test_an_empty_hidden_word_is_refused_naming_the_phrase(signed_in):
    answer = signed_in.post("/api/v1/me/hidden-words/", {"phrase": "   "}, format="json")

    assert answer.status_code == 400 and "phrase" in answer.json()["errors"]


def test_someone_elses_hidden_word_cannot_be_removed(signed_in, member):
    services.add_hidden_word(actor=UserFactory(), phrase="calm down")
    word = HiddenWord.objects.get()

    assert signed_in.delete(f"/api/v1/me/hidden-words/{word.pk}/").status_code == 404
    assert HiddenWord.objects.exists()


@pytest.mark.parametrize("url", ["/api/v1/me/blocks/", "/api/v1/me/mutes/", "/api/v1/me/restrictions/"])
def test_safety_lists_are_for_their_owner_only(api_client, url):
    assert api_client.get(url).status_code == 401
    assert api_client.get("/api/v1/me/hidden-words/").status_code == 401
