"""/api/v1/stories/, comments and reactions: the same rules as the pages, through the same services and selectors."""

import io
import itertools
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from community import services
from community.models import Comment, Reaction, Story
from moderation import services as moderation
from moderation.detectors.watched_words import compiled_rules
from tests.factories import ChannelFactory, HelplineFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

STORIES = "/api/v1/stories/"
CRISIS = "I can't do this anymore. Tonight is the night, goodbye everyone."
_texts = itertools.count(1)


@pytest.fixture(autouse=True)
def _fresh_rules():
    """Compiled watched-word rules are kept per process: start and end each test with this database's."""
    compiled_rules.reset()
    yield
    compiled_rules.reset()


def rule(pattern, action):
    return moderation.save_rule(actor=StaffFactory(), data={"pattern": pattern, "action": action})


def write(author, **data) -> Story:
    """A posted story, written as members write them (screened). Each text differs: a repeat reads as spam."""
    data.setdefault("body", f"Today I went for a walk by the river and it helped a little. Day {next(_texts)}.")
    return services.save_story(actor=author, data=data, post=True).obj


def story_url(story, suffix=""):
    return f"{STORIES}{story.pk}/{suffix}"


def as_(api_client, user):
    api_client.force_authenticate(user)
    return api_client


def png(size=(8, 8)) -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 90)).save(buffer, format="PNG")
    buffer.seek(0)
    buffer.name = "walk.png"
    return buffer


# The permission matrix: visitor, member, author, blocked person, minor, moderator


@pytest.fixture
def people(db):
    author = UserFactory(handle="author")
    blocked = UserFactory(handle="blockedperson")
    services.block(actor=author, user=blocked)
    moderator = StaffFactory(handle="moderator", is_superuser=False)
    moderator.groups.add(Group.objects.get(name="moderator"))
    return {
        "visitor": None,
        "member": UserFactory(handle="member"),
        "author": author,
        "blocked": blocked,
        "minor": UserFactory(handle="younger", minor_until=date(2099, 1, 1)),
        "moderator": moderator,
    }


def call(api_client, user, method, url, data=None):
    api_client.force_authenticate(user)
    return getattr(api_client, method)(url, data, format="json")


VIEW = {
    # audience: visitor, member, author, blocked, minor, moderator
    "public": [200, 200, 200, 404, 200, 200],
    "members": [404, 200, 200, 404, 200, 200],
    "followers": [404, 404, 200, 404, 404, 404],
}
ROLES = ["visitor", "member", "author", "blocked", "minor", "moderator"]


@pytest.mark.parametrize("audience", list(VIEW))
def test_who_may_read_a_story_depends_on_its_audience_and_blocks(api_client, people, audience):
    story = write(people["author"], audience=audience)

    seen = [call(api_client, people[role], "get", story_url(story)).status_code for role in ROLES]
    listed = [
        story.pk in [item["id"] for item in call(api_client, people[role], "get", STORIES).json()["results"]]
        for role in ROLES
    ]

    assert seen == VIEW[audience]
    assert listed == [status == 200 for status in VIEW[audience]]


def test_a_minor_reads_a_followers_only_story_once_they_follow_its_author(api_client, people):
    story = write(people["author"], audience="followers")
    assert call(api_client, people["minor"], "get", story_url(story)).status_code == 404

    followed = call(api_client, people["minor"], "put", "/api/v1/people/author/follow/")

    assert followed.status_code == 201
    assert call(api_client, people["minor"], "get", story_url(story)).status_code == 200


@pytest.mark.parametrize(
    ("role", "comment", "react", "edit", "delete"),
    [
        ("visitor", 401, 401, 401, 401),
        ("member", 201, 201, 403, 403),
        ("author", 201, 201, 200, 204),
        ("blocked", 404, 404, 404, 404),
        ("minor", 201, 201, 403, 403),
        ("moderator", 201, 201, 403, 403),
    ],
)
def test_who_may_comment_react_edit_and_delete(api_client, people, role, comment, react, edit, delete):
    story = write(people["author"])
    user = people[role]

    answers = [
        call(api_client, user, "post", story_url(story, "comments/"), {"body": "Thank you for sharing this."}),
        call(api_client, user, "put", story_url(story, "reactions/support/")),
        call(api_client, user, "patch", story_url(story), {"title": "A walk"}),
        call(api_client, user, "delete", story_url(story)),
    ]

    assert [answer.status_code for answer in answers] == [comment, react, edit, delete]
    assert all("errors" in answer.json() for answer in answers if answer.status_code >= 400)
    assert Story.objects.filter(pk=story.pk).exists() is (delete != 204)
    assert Comment.objects.count() == (1 if comment == 201 and delete != 204 else 0)  # deleting takes them too


def test_a_story_held_by_moderation_is_shown_only_to_its_author(api_client, people):
    story = write(people["author"])
    moderation.hide_content(actor=people["moderator"], obj=story, reason="Reported")

    own = call(api_client, people["author"], "get", story_url(story))

    assert own.status_code == 200 and own.json()["visibility"] == "hidden"
    assert own.json()["held_reason"] == "Reported"
    for role in ["visitor", "member", "moderator"]:
        assert call(api_client, people[role], "get", story_url(story)).status_code == 404


# Writing


def test_posting_a_story_answers_with_it_and_what_screening_decided(api_client, member):
    answer = as_(api_client, member).post(
        STORIES,
        {
            "title": "Small steps",
            "body": "Today I made **tea** and sat outside. #selfcare",
            "tags": ["Walking"],
            "audience": "members",
            "post": True,
        },
        format="json",
    )

    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["status"] == "posted" and body["posted_at"]
    assert body["body_html"] == "<p>Today I made <strong>tea</strong> and sat outside. #selfcare</p>"
    assert body["tags"] == ["selfcare", "walking"]
    assert body["audience"] == "members"
    assert body["author"] == {"handle": member.handle, "name": member.name}
    assert body["visibility"] == "published" and body["is_author"] is True
    assert body["moderation"] == {
        "action": "publish",
        "crisis": False,
        "message": "",
        "content_warnings": [],
        "help": None,
    }
    assert body["reactions"] == {"reacted": False, "counts": {"hope": 0, "relate": 0, "support": 0, "thanks": 0}}
    assert body["my_reactions"] == [] and body["comment_count"] == 0


def test_a_crisis_story_is_kept_held_and_answers_with_help(api_client, member):
    member.country = "GB"
    member.save(update_fields=["country"])
    ChannelFactory(helpline=HelplineFactory(name="Always Line", country="GB"), value="116123", always_open=True)

    answer = as_(api_client, member).post(STORIES, {"body": CRISIS, "post": True}, format="json")

    assert answer.status_code == 201
    body = answer.json()
    assert body["moderation"]["crisis"] is True and body["moderation"]["action"] == "hold"
    assert [line["helpline"] for line in body["moderation"]["help"]["open_now"]] == ["Always Line"]
    assert body["body"] == CRISIS and body["visibility"] == "held"
    assert api_client.get(story_url(Story.objects.get())).status_code == 200  # the author still sees it
    api_client.force_authenticate(UserFactory())
    assert api_client.get(story_url(Story.objects.get())).status_code == 404


def test_a_nudge_asks_to_reconsider_and_confirm_posts_it(api_client, member):
    rule("durian", "nudge")
    as_(api_client, member)

    first = api_client.post(STORIES, {"body": "Durian is what got me through.", "post": True}, format="json")
    assert first.status_code == 400 and first.json()["code"] == "nudge" and first.json()["errors"]["body"]
    assert not Story.objects.exists()

    second = api_client.post(
        STORIES, {"body": "Durian is what got me through.", "post": True, "confirm": True}, format="json"
    )
    assert second.status_code == 201 and second.json()["status"] == "posted"


def test_a_refused_story_names_the_body_and_saves_nothing(api_client, member):
    rule("grapefruit", "block")

    answer = as_(api_client, member).post(STORIES, {"body": "grapefruit forever", "post": True}, format="json")

    assert answer.status_code == 400 and list(answer.json()["errors"]) == ["body"]
    assert not Story.objects.exists()


def test_a_story_of_100000_characters_is_refused_naming_the_body_and_nothing_is_saved(api_client, member):
    answer = as_(api_client, member).post(STORIES, {"body": "a" * 100_000, "post": True}, format="json")

    assert answer.status_code == 400
    assert "100000 characters" in answer.json()["errors"]["body"][0]
    assert not Story.objects.exists()


def test_unknown_choices_are_refused_by_name(api_client, member):
    answer = as_(api_client, member).post(
        STORIES, {"body": "Hello there.", "audience": "friends", "content_warnings": ["spoilers"]}, format="json"
    )

    assert answer.status_code == 400
    assert set(answer.json()["errors"]) == {"audience", "content_warnings"}
    assert not Story.objects.exists()


def test_a_story_with_a_picture_is_sent_as_multipart(api_client, member):
    answer = as_(api_client, member).post(
        STORIES,
        {"body": "The view from the hill.", "image": png(), "image_alt": "A green hill at dusk", "post": "true"},
        format="multipart",
    )

    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["image"].startswith("http://testserver/media/stories/")
    assert body["image_alt"] == "A green hill at dusk"
    assert body["comments_enabled"] is True  # a multipart form leaving a box out does not turn it off


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_saved(api_client, member):
    fake = io.BytesIO(b"not a picture at all")
    fake.name = "walk.png"

    answer = as_(api_client, member).post(
        STORIES, {"body": "Look.", "image": fake, "image_alt": "A hill", "post": "true"}, format="multipart"
    )

    assert answer.status_code == 400 and "image" in answer.json()["errors"]
    assert not Story.objects.exists()


def test_a_draft_stays_private_until_posted_and_keeps_its_chosen_tags(api_client, member):
    as_(api_client, member)
    draft = api_client.post(STORIES, {"body": "Not ready yet. #hope", "tags": ["recovery"]}, format="json").json()
    assert draft["status"] == "draft" and draft["posted_at"] is None

    assert [item["id"] for item in api_client.get(f"{STORIES}drafts/").json()] == [draft["id"]]
    assert api_client.get(STORIES).json()["results"] == []
    api_client.force_authenticate(UserFactory())
    assert api_client.get(f"{STORIES}{draft['id']}/").status_code == 404
    assert api_client.post(f"{STORIES}{draft['id']}/post/", {}, format="json").status_code == 404

    api_client.force_authenticate(member)
    posted = api_client.post(f"{STORIES}{draft['id']}/post/", {}, format="json")

    assert posted.status_code == 200 and posted.json()["status"] == "posted"
    assert posted.json()["tags"] == ["hope", "recovery"]
    again = api_client.post(f"{STORIES}{draft['id']}/post/", {}, format="json")
    assert again.status_code == 400 and "status" in again.json()["errors"]


def test_the_author_changes_their_story_and_it_is_marked_edited(api_client, member):
    story = write(member, tags=["walking"])
    as_(api_client, member)

    settings_only = api_client.patch(story_url(story), {"comments_enabled": False}, format="json")
    rewritten = api_client.patch(story_url(story), {"body": "Today I walked further. #hope"}, format="json")

    assert settings_only.status_code == 200
    assert settings_only.json()["comments_enabled"] is False and settings_only.json()["edited_at"] is None
    assert rewritten.status_code == 200 and rewritten.json()["edited_at"]
    assert rewritten.json()["tags"] == ["hope", "walking"]  # a change that does not mention tags keeps them
    assert rewritten.json()["moderation"]["action"] == "publish"


def test_deleting_a_story_takes_its_conversation_with_it(api_client, member):
    story = write(member)
    services.add_comment(actor=UserFactory(), target=story, body="Sending you strength.")
    services.react(actor=UserFactory(), target=story, kind="hope")

    answer = as_(api_client, member).delete(story_url(story))

    assert answer.status_code == 204
    assert not Story.objects.exists() and not Comment.objects.exists() and not Reaction.objects.exists()


# Anonymous stories


def test_an_anonymous_author_is_never_named_to_anyone_else(api_client):
    writer = UserFactory(handle="secretwriter", display_name="Quietfox")
    follower = UserFactory()
    services.follow(actor=follower, user=writer)
    story = write(writer, body="Something I never told anyone. #healing", anonymous=True)
    services.follow_tag(actor=follower, name="healing")
    top = services.add_comment(actor=writer, target=story, body="Thank you all for reading.").obj
    reply = services.add_comment(actor=follower, target=story, body="We're with you.", parent=top).obj
    services.add_comment(actor=UserFactory(), target=story, body="Same here.", parent=reply)
    answer = services.add_comment(actor=writer, target=story, body="That means a lot.", parent=reply).obj
    services.add_comment(actor=UserFactory(), target=story, body="Glad you posted.", parent=answer)

    for viewer in [None, follower, UserFactory()]:
        api_client.force_authenticate(viewer)
        answers = [
            api_client.get(STORIES),
            api_client.get(story_url(story)),
            api_client.get(f"{STORIES}?author=secretwriter"),
            api_client.get("/api/v1/feed/"),
            api_client.get("/api/v1/tags/healing/"),
            api_client.get(story_url(story, "comments/")),
        ]
        for answer in answers:
            assert answer.status_code == 200
            assert "secretwriter" not in answer.content.decode().lower()
            assert "quietfox" not in answer.content.decode().lower()
        assert answers[1].json()["author"] is None and answers[1].json()["anonymous"] is True
        assert answers[2].json()["results"] == []
        thread = answers[5].json()[0]
        assert thread["author"] is None and thread["by_story_author"] is True and thread["body"]
        assert thread["replies"][1]["replying_to"]["handle"] == reply.author.handle
        assert [item["author"] is None for item in thread["replies"]] == [False, False, True, False]
        assert thread["replies"][3]["replying_to"] is None  # answering the anonymous author: not named

    api_client.force_authenticate(writer)
    own = api_client.get(story_url(story)).json()
    assert own["author"]["handle"] == "secretwriter" and own["is_author"] is True
    assert [item["id"] for item in api_client.get(f"{STORIES}?author=secretwriter").json()["results"]] == [story.pk]


def test_following_someone_does_not_unmask_their_anonymous_stories_in_the_feed(api_client):
    writer = UserFactory()
    follower = UserFactory()
    services.follow(actor=follower, user=writer)
    named = write(writer)
    write(writer, anonymous=True)

    feed = as_(api_client, follower).get("/api/v1/feed/").json()

    assert [item["id"] for item in feed["results"]] == [named.pk]
    assert feed["caught_up"] is True


# Comments


def test_comments_come_in_threads_with_deeper_replies_flattened(api_client, member):
    story = write(member)
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    as_(api_client, first)
    top = api_client.post(story_url(story, "comments/"), {"body": "This helped me."}, format="json").json()
    api_client.force_authenticate(second)
    reply = api_client.post(
        story_url(story, "comments/"), {"body": "Me too.", "parent": top["id"]}, format="json"
    ).json()
    api_client.force_authenticate(third)
    deeper = api_client.post(story_url(story, "comments/"), {"body": "And me.", "parent": reply["id"]}, format="json")

    assert deeper.status_code == 201
    assert deeper.json()["replying_to"]["handle"] == second.handle
    assert deeper.json()["moderation"]["action"] == "publish"
    threads = api_client.get(story_url(story, "comments/")).json()
    assert len(threads) == 1
    assert threads[0]["author"]["handle"] == first.handle
    assert [item["body"] for item in threads[0]["replies"]] == ["Me too.", "And me."]
    assert [item["replying_to"] for item in threads[0]["replies"]][0] is None
    assert threads[0]["replies"][1]["replying_to"]["handle"] == second.handle
    assert api_client.get(story_url(story)).json()["comment_count"] == 3


def test_comments_refused_with_a_reason_naming_the_field(api_client, member):
    story = write(member, comments_enabled=False)
    open_story = write(member)
    commenter = UserFactory()
    gone = services.add_comment(actor=commenter, target=open_story, body="First thought.").obj
    services.add_comment(actor=UserFactory(), target=open_story, body="A reply.", parent=gone)
    services.delete_comment(actor=commenter, comment=gone)
    as_(api_client, UserFactory())

    off = api_client.post(story_url(story, "comments/"), {"body": "Hello"}, format="json")
    to_removed = api_client.post(story_url(open_story, "comments/"), {"body": "Hi", "parent": gone.pk}, format="json")
    missing = api_client.post(story_url(open_story, "comments/"), {"body": "Hi", "parent": 999999}, format="json")
    too_long = api_client.post(story_url(open_story, "comments/"), {"body": "x" * 100_000}, format="json")
    empty = api_client.post(story_url(open_story, "comments/"), {"body": "   "}, format="json")

    assert (off.status_code, list(off.json()["errors"])) == (400, ["body"])
    assert "turned comments off" in off.json()["errors"]["body"][0]
    assert (to_removed.status_code, list(to_removed.json()["errors"])) == (400, ["parent"])
    assert (missing.status_code, list(missing.json()["errors"])) == (400, ["parent"])
    assert (too_long.status_code, list(too_long.json()["errors"])) == (400, ["body"])
    assert (empty.status_code, list(empty.json()["errors"])) == (400, ["body"])
    assert Comment.objects.count() == 2


def test_a_deleted_comment_with_replies_stays_as_comment_deleted(api_client, member):
    story = write(member)
    commenter = UserFactory()
    top = services.add_comment(actor=commenter, target=story, body="I'll say something.").obj
    services.add_comment(actor=UserFactory(), target=story, body="Go on.", parent=top)

    assert as_(api_client, UserFactory()).delete(f"/api/v1/comments/{top.pk}/").status_code == 403
    assert as_(api_client, commenter).delete(f"/api/v1/comments/{top.pk}/").status_code == 204

    thread = api_client.get(story_url(story, "comments/")).json()[0]
    assert thread["deleted"] is True and thread["body"] == "" and thread["author"] is None
    assert [reply["body"] for reply in thread["replies"]] == ["Go on."]
    assert api_client.patch(f"/api/v1/comments/{top.pk}/", {"body": "Back"}, format="json").status_code == 404


def test_the_writer_edits_their_comment_and_others_cannot(api_client, member):
    story = write(member)
    comment = services.add_comment(actor=member, target=story, body="Thanks for reading.").obj

    other = as_(api_client, UserFactory()).patch(f"/api/v1/comments/{comment.pk}/", {"body": "Mine now"}, format="json")
    own = as_(api_client, member).patch(f"/api/v1/comments/{comment.pk}/", {"body": "Thank you."}, format="json")

    assert other.status_code == 403
    assert own.status_code == 200 and own.json()["body"] == "Thank you." and own.json()["edited_at"]
    assert own.json()["moderation"]["action"] == "publish"


def test_a_comment_nudge_is_a_400_until_confirmed(api_client, member):
    rule("durian", "nudge")
    story = write(member)
    as_(api_client, UserFactory())

    first = api_client.post(story_url(story, "comments/"), {"body": "durian?"}, format="json")
    second = api_client.post(story_url(story, "comments/"), {"body": "durian?", "confirm": True}, format="json")

    assert first.status_code == 400 and first.json()["code"] == "nudge"
    assert second.status_code == 201 and Comment.objects.count() == 1


def test_comments_waiting_for_approval_show_once_the_author_approves(api_client, member):
    story = write(member, comments_need_approval=True)
    commenter, reader = UserFactory(), UserFactory()

    written = as_(api_client, commenter).post(story_url(story, "comments/"), {"body": "Well done."}, format="json")
    assert written.status_code == 201 and written.json()["waiting"] is True
    pk = written.json()["id"]
    assert as_(api_client, reader).get(story_url(story, "comments/")).json() == []
    assert api_client.post(f"/api/v1/comments/{pk}/approve/").status_code == 403
    assert as_(api_client, member).get(story_url(story, "comments/")).json()[0]["waiting"] is True
    pending = api_client.get("/api/v1/me/pending-comments/").json()["results"]
    assert [(item["id"], item["story"], item["body"]) for item in pending] == [(pk, story.pk, "Well done.")]

    approved = api_client.post(f"/api/v1/comments/{pk}/approve/")

    assert approved.status_code == 200 and approved.json()["waiting"] is False
    assert [item["id"] for item in as_(api_client, reader).get(story_url(story, "comments/")).json()] == [pk]
    assert as_(api_client, member).get("/api/v1/me/pending-comments/").json()["results"] == []


def test_a_conversation_costs_the_same_queries_whatever_its_length(api_client, member):
    story = write(member)

    def grow(count):
        for _ in range(count):
            top = services.add_comment(actor=UserFactory(), target=story, body=f"Thinking of you {next(_texts)}.").obj
            reply = services.add_comment(actor=UserFactory(), target=story, body="Same.", parent=top).obj
            services.add_comment(actor=UserFactory(), target=story, body="Yes.", parent=reply)

    as_(api_client, UserFactory())
    grow(1)
    with CaptureQueriesContext(connection) as short:
        api_client.get(story_url(story, "comments/"))
    grow(16)
    with CaptureQueriesContext(connection) as long:
        threads = api_client.get(story_url(story, "comments/")).json()

    assert len(threads) == 17 and sum(len(thread["replies"]) for thread in threads) == 34
    assert len(short.captured_queries) == len(long.captured_queries)


def test_a_restricted_persons_comments_are_seen_by_them_and_the_author_only(api_client, member):
    story = write(member)
    restricted = UserFactory()
    services.restrict(actor=member, user=restricted)
    services.add_comment(actor=restricted, target=story, body="Hmm okay.")

    assert len(as_(api_client, restricted).get(story_url(story, "comments/")).json()) == 1
    assert len(as_(api_client, member).get(story_url(story, "comments/")).json()) == 1
    assert as_(api_client, UserFactory()).get(story_url(story, "comments/")).json() == []


# Reactions


def test_reacting_twice_answers_200_the_second_time_and_keeps_one_row(api_client, member):
    story = write(member)
    reader = UserFactory()
    as_(api_client, reader)

    first = api_client.put(story_url(story, "reactions/support/"))
    second = api_client.put(story_url(story, "reactions/support/"))

    assert (first.status_code, second.status_code) == (201, 200)
    assert Reaction.objects.filter(user=reader).count() == 1
    assert second.json() == {"reactions": {"reacted": True, "counts": None}, "my_reactions": ["support"]}
    assert api_client.delete(story_url(story, "reactions/support/")).status_code == 204
    assert not Reaction.objects.exists()


def test_an_unknown_reaction_kind_is_refused_by_name(api_client, member):
    story = write(member)

    answer = as_(api_client, UserFactory()).put(story_url(story, "reactions/angry/"))

    assert answer.status_code == 400 and "kind" in answer.json()["errors"]
    assert not Reaction.objects.exists()


def test_reaction_counts_go_to_the_author_unless_they_show_them(api_client, member):
    story = write(member)
    for kind in ["support", "hope"]:
        services.react(actor=UserFactory(), target=story, kind=kind)
    reader = UserFactory()

    assert as_(api_client, reader).get(story_url(story)).json()["reactions"] == {"reacted": True, "counts": None}
    own = as_(api_client, member).get(story_url(story)).json()["reactions"]
    assert own == {"reacted": True, "counts": {"hope": 1, "relate": 0, "support": 1, "thanks": 0}}

    api_client.patch(story_url(story), {"public_reaction_counts": True}, format="json")

    assert as_(api_client, reader).get(story_url(story)).json()["reactions"]["counts"]["support"] == 1
    listed = api_client.get(STORIES).json()["results"][0]
    assert listed["reactions"]["counts"]["hope"] == 1


# Lists, the feed and hashtags


def test_the_story_list_is_newest_first_and_filters_by_tag_and_author(api_client, member):
    other = UserFactory()
    older = write(member, tags=["walking"])
    newer = write(other, tags=["walking"])
    untagged = write(member)

    everything = api_client.get(STORIES).json()
    by_tag = api_client.get(f"{STORIES}?tag=%23Walking").json()
    by_author = api_client.get(f"{STORIES}?author={member.handle}").json()

    assert [item["id"] for item in everything["results"]] == [untagged.pk, newer.pk, older.pk]
    assert [item["id"] for item in by_tag["results"]] == [newer.pk, older.pk]
    assert [item["id"] for item in by_author["results"]] == [untagged.pk, older.pk]


def test_the_story_list_pages_with_a_cursor_at_a_fixed_query_count(api_client, member):
    for _ in range(3):
        story = write(member, tags=["walking"])
        services.react(actor=UserFactory(), target=story, kind="hope")
    as_(api_client, UserFactory())

    with CaptureQueriesContext(connection) as short:
        first = api_client.get(f"{STORIES}?page_size=2").json()
    second = api_client.get(first["next"]).json()
    for _ in range(5):
        story = write(member, tags=["walking"])
        services.react(actor=UserFactory(), target=story, kind="support")
    with CaptureQueriesContext(connection) as long:
        api_client.get(f"{STORIES}?page_size=8")

    assert len(first["results"]) == 2 and len(second["results"]) == 1 and second["next"] is None
    assert len(short.captured_queries) == len(long.captured_queries)


def test_the_feed_ends_caught_up_and_pages_with_its_cursor(api_client, member):
    followed = UserFactory()
    services.follow(actor=member, user=followed)
    stories = [write(followed) for _ in range(3)]
    write(UserFactory())  # someone not followed: not in the feed
    as_(api_client, member)

    first = api_client.get("/api/v1/feed/?page_size=2").json()
    second = api_client.get(first["next"]).json()
    by_cursor = api_client.get("/api/v1/feed/", {"page_size": 2, "cursor": first["next_cursor"]}).json()

    assert [item["id"] for item in first["results"]] == [stories[2].pk, stories[1].pk]
    assert first["caught_up"] is False and first["next_cursor"]
    assert [item["id"] for item in second["results"]] == [stories[0].pk]
    assert second["caught_up"] is True and second["next_cursor"] is None and second["next"] is None
    assert by_cursor == second


def test_the_feed_costs_the_same_queries_whatever_its_length(api_client, member):
    followed = UserFactory()
    services.follow(actor=member, user=followed)
    write(followed)
    as_(api_client, member)
    api_client.get("/api/v1/feed/")  # the same member object each time: its preferences are read once, then kept
    with CaptureQueriesContext(connection) as one:
        api_client.get("/api/v1/feed/")
    for _ in range(6):
        story = write(followed, tags=["walking"])
        services.react(actor=UserFactory(), target=story, kind="hope")
        services.add_comment(actor=UserFactory(), target=story, body="Thinking of you.")
    with CaptureQueriesContext(connection) as seven:
        answer = api_client.get("/api/v1/feed/")

    assert len(answer.json()["results"]) == 7
    assert len(one.captured_queries) == len(seven.captured_queries)


def test_signed_out_the_feed_shows_featured_stories(api_client, member):
    featured = write(member)
    write(member)
    Story.objects.filter(pk=featured.pk).update(featured=True)

    feed = api_client.get("/api/v1/feed/").json()

    assert [item["id"] for item in feed["results"]] == [featured.pk] and feed["caught_up"] is True


def test_a_hashtag_page_lists_its_stories_and_a_crisis_tag_comes_with_help(api_client, member):
    tagged = write(member, tags=["walking"])
    write(member)

    page = api_client.get("/api/v1/tags/Walking/").json()
    crisis = api_client.get("/api/v1/tags/Self-Harm/").json()
    eating = api_client.get("/api/v1/tags/proana/").json()

    assert page["tag"] == "walking" and [item["id"] for item in page["results"]] == [tagged.pk]
    assert (page["sensitive"], page["sensitivity"], page["help"], page["following"]) == (False, "", None, False)
    assert crisis["tag"] == "selfharm" and crisis["sensitivity"] == "crisis"
    assert crisis["sensitive"] is True and crisis["help"]["help_url"] == "/help/"
    assert eating["sensitivity"] == "eating_disorders" and eating["help"]


def test_writes_need_an_account(api_client, member):
    story = write(member)

    answers = [
        api_client.post(STORIES, {"body": "Hello"}, format="json"),
        api_client.post(story_url(story, "comments/"), {"body": "Hello"}, format="json"),
        api_client.put(story_url(story, "reactions/hope/")),
        api_client.get(f"{STORIES}drafts/"),
    ]

    assert [answer.status_code for answer in answers] == [401, 401, 401, 401]
    assert Story.objects.count() == 1 and not Comment.objects.exists()


def test_unknown_stories_and_comments_are_404(api_client, member):
    as_(api_client, member)
    assert api_client.get(f"{STORIES}999999/").status_code == 404
    assert api_client.get(f"{STORIES}{'9' * 30}/").status_code == 404
    assert api_client.patch("/api/v1/comments/first/", {"body": "Hi"}, format="json").status_code == 404
    assert api_client.delete(f"/api/v1/comments/{'9' * 30}/").status_code == 404
    assert api_client.delete("/api/v1/me/hidden-words/abc/").status_code == 404
    assert api_client.get(f"{STORIES}999999/comments/").status_code == 404
    assert api_client.put(f"{STORIES}999999/reactions/hope/").status_code == 404
