"""Reactions, follows (people and hashtags), blocks, mutes, and the home feed they shape."""

import itertools
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from community import selectors, services
from community.models import Block, Follow, Mute, Reaction, Story, TagFollow
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RECOVERY = "Two years clean from self-harm and proud of every single day"
_texts = itertools.count(1)


def post(author, body=None, **data) -> Story:
    text = body or "A calm walk by the sea helped me breathe again"
    return services.save_story(actor=author, data={"body": f"{text}, day {next(_texts)}.", **data}, post=True).obj


def feature(story) -> Story:
    Story.objects.filter(pk=story.pk).update(featured=True)  # staff choose in the admin
    story.featured = True
    return story


def feed_pks(viewer, **kwargs) -> list[int]:
    return [story.pk for story in selectors.feed(viewer=viewer, **kwargs).stories]


@pytest.fixture
def author(db):
    return UserFactory()


@pytest.fixture
def reader(db):
    return UserFactory()


# Reactions


def test_reacting_twice_keeps_one_reaction_and_says_so(author, reader):
    story = post(author)

    assert services.react(actor=reader, target=story, kind="support") is True
    assert services.react(actor=reader, target=story, kind="support") is False

    assert Reaction.objects.filter(user=reader, target_id=story.pk, kind="support").count() == 1
    assert services.react(actor=reader, target=story, kind="hope") is True  # another kind is another reaction
    assert Reaction.objects.filter(user=reader, target_id=story.pk).count() == 2


def test_an_unknown_reaction_is_refused(author, reader):
    story = post(author)

    with pytest.raises(ValidationError) as refused:
        services.react(actor=reader, target=story, kind="angry")

    assert "kind" in refused.value.message_dict
    assert not Reaction.objects.exists()


def test_a_visitor_cannot_react(author):
    story = post(author)

    with pytest.raises(PermissionDenied):
        services.react(actor=AnonymousUser(), target=story, kind="support")
    with pytest.raises(PermissionDenied):
        services.unreact(actor=AnonymousUser(), target=story, kind="support")


def test_taking_a_reaction_back(author, reader):
    story = post(author)
    services.react(actor=reader, target=story, kind="relate")

    assert services.unreact(actor=reader, target=story, kind="relate") is True
    assert services.unreact(actor=reader, target=story, kind="relate") is False
    assert not Reaction.objects.exists()


def test_a_draft_a_held_story_or_one_outside_the_audience_cannot_be_reacted_to(author, reader):
    draft = services.save_story(actor=author, data={"body": "Still thinking about how to say this."}).obj
    held = post(author, "I'm going to kill myself tonight, I have the pills ready")
    followers_only = post(author, audience="followers")

    for story in (draft, held, followers_only):
        with pytest.raises(ValidationError):
            services.react(actor=reader, target=story, kind="support")
    assert not Reaction.objects.exists()


def test_reaction_counts_show_to_the_author_only_unless_they_opt_in(author, reader):
    story = post(author)
    for person in (reader, UserFactory(), UserFactory()):
        services.react(actor=person, target=story, kind="support")
    services.react(actor=reader, target=story, kind="thanks")

    for_author = selectors.reactions_for(viewer=author, target=story, author_id=author.pk, public_counts=False)
    for_reader = selectors.reactions_for(viewer=reader, target=story, author_id=author.pk, public_counts=False)
    for_visitor = selectors.reactions_for(
        viewer=AnonymousUser(), target=story, author_id=author.pk, public_counts=False
    )
    public = selectors.reactions_for(viewer=reader, target=story, author_id=author.pk, public_counts=True)

    assert for_author.counts == {"support": 3, "thanks": 1} and for_author.counts_shown
    assert for_reader.counts == {} and not for_reader.counts_shown
    assert for_reader.mine == {"support", "thanks"}
    assert for_visitor.counts == {} and for_visitor.mine == set()
    assert public.counts == {"support": 3, "thanks": 1}


# Follows


def test_following_someone_once(author, reader):
    assert services.follow(actor=reader, user=author) is True
    assert services.follow(actor=reader, user=author) is False
    assert Follow.objects.filter(follower=reader, followed=author).count() == 1

    assert services.unfollow(actor=reader, user=author) is True
    assert not Follow.objects.exists()


def test_following_yourself_is_refused(reader):
    with pytest.raises(ValidationError):
        services.follow(actor=reader, user=reader)
    assert not Follow.objects.exists()


def test_the_database_refuses_a_self_follow_too(reader):
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(follower=reader, followed=reader)


def test_a_visitor_cannot_follow_and_nobody_follows_a_suspended_account(author):
    with pytest.raises(PermissionDenied):
        services.follow(actor=AnonymousUser(), user=author)
    with pytest.raises(PermissionDenied):
        services.follow(actor=author, user=UserFactory(is_active=False))
    assert not Follow.objects.exists()


def test_following_a_hashtag_once_whatever_its_case(reader):
    assert services.follow_tag(actor=reader, name="#Anxiety") is True
    assert services.follow_tag(actor=reader, name="anxiety") is False
    assert list(TagFollow.objects.values_list("tag__name", flat=True)) == ["anxiety"]

    assert services.unfollow_tag(actor=reader, name="#ANXIETY") is True
    assert not TagFollow.objects.exists()


@pytest.mark.parametrize("name", ["", "#", "a", "two words", "x" * 51, "semi;colon"])
def test_a_hashtag_that_is_no_hashtag_cannot_be_followed(reader, name):
    with pytest.raises(ValidationError):
        services.follow_tag(actor=reader, name=name)
    assert not TagFollow.objects.exists()


# Blocks and mutes


def test_a_block_ends_follows_both_ways_and_stops_new_ones(author, reader):
    services.follow(actor=reader, user=author)
    services.follow(actor=author, user=reader)

    assert services.block(actor=author, user=reader) is True
    assert services.block(actor=author, user=reader) is False

    assert not Follow.objects.exists()
    for actor, user in ((reader, author), (author, reader)):
        with pytest.raises(PermissionDenied):
            services.follow(actor=actor, user=user)
    assert not Follow.objects.exists()


def test_a_block_stops_comments_and_reactions_both_ways(author, reader):
    story, theirs = post(author), post(reader)
    services.block(actor=author, user=reader)

    with pytest.raises(PermissionDenied):
        services.add_comment(actor=reader, target=story, body="Hello there, friend")
    with pytest.raises(PermissionDenied):
        services.react(actor=reader, target=story, kind="support")
    with pytest.raises(PermissionDenied):
        services.add_comment(actor=author, target=theirs, body="Hello there, friend")
    with pytest.raises(PermissionDenied):
        services.react(actor=author, target=theirs, kind="support")
    assert not Reaction.objects.exists()


def test_a_block_hides_each_ones_stories_from_the_other(author, reader):
    story, theirs = post(author), post(reader)
    services.block(actor=reader, user=author)

    assert selectors.story_for_viewer(viewer=reader, pk=story.pk) is None
    assert selectors.story_for_viewer(viewer=author, pk=theirs.pk) is None
    assert selectors.story_for_viewer(viewer=UserFactory(), pk=story.pk) is not None

    services.unblock(actor=reader, user=author)
    assert selectors.story_for_viewer(viewer=reader, pk=story.pk) is not None


def test_you_cannot_block_mute_or_restrict_yourself(reader):
    for action in (services.block, services.mute, services.restrict):
        with pytest.raises(ValidationError):
            action(actor=reader, user=reader)
    assert not Block.objects.exists() and not Mute.objects.exists()


def test_a_mute_hides_from_the_feed_only(author, reader):
    services.follow(actor=reader, user=author)
    story = post(author)
    assert feed_pks(reader) == [story.pk]

    assert services.mute(actor=reader, user=author) is True
    assert services.mute(actor=reader, user=author) is False

    assert feed_pks(reader) == []
    assert selectors.story_for_viewer(viewer=reader, pk=story.pk) is not None  # still readable when looked for
    assert services.react(actor=reader, target=story, kind="support")  # and not a block
    assert Follow.objects.filter(follower=reader, followed=author).exists()
    services.unmute(actor=reader, user=author)
    assert feed_pks(reader) == [story.pk]


# The feed


def test_the_feed_has_followed_people_followed_tags_featured_and_ones_own_newest_first(reader):
    followed, stranger, muted, blocked = UserFactory(), UserFactory(), UserFactory(), UserFactory()
    services.follow(actor=reader, user=followed)
    services.follow_tag(actor=reader, name="hope")
    services.mute(actor=reader, user=muted)
    services.block(actor=blocked, user=reader)
    start = datetime(2026, 3, 1, 12, tzinfo=UTC)
    expected = []
    with time_machine.travel(start, tick=False) as clock:
        for person, body, wanted in [
            (followed, "From someone I follow", True),
            (stranger, "From a stranger", False),
            (stranger, "From a stranger with a tag #Hope", True),
            (muted, "From someone I muted #hope", False),
            (blocked, "From someone who blocked me #hope", False),
            (reader, "My own story", True),
        ]:
            clock.shift(timedelta(minutes=1))
            story = post(person, body)
            if wanted:
                expected.append(story.pk)
        clock.shift(timedelta(minutes=1))
        expected.append(feature(post(stranger, "Featured by staff")).pk)
        clock.shift(timedelta(minutes=1))
        feature(post(muted, "Featured, but muted"))

    assert feed_pks(reader) == list(reversed(expected))


def test_an_anonymous_story_does_not_reach_the_feed_because_its_author_is_followed(author, reader):
    services.follow(actor=reader, user=author)
    anonymous = post(author, "Something I can't say with my name #courage", anonymous=True)
    named = post(author)

    assert feed_pks(reader) == [named.pk]
    services.follow_tag(actor=reader, name="courage")
    assert feed_pks(reader) == [named.pk, anonymous.pk]


def test_a_visitors_feed_is_the_featured_public_stories(author):
    featured = feature(post(author))
    post(author)
    feature(post(author, audience="members"))

    assert feed_pks(AnonymousUser()) == [featured.pk]


def test_cursor_pages_never_repeat_or_skip_even_when_stories_share_a_time(author, reader):
    services.follow(actor=reader, user=author)
    moments = [datetime(2026, 3, 1, 12, minute, tzinfo=UTC) for minute in (0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 4)]
    for moment in moments:
        with time_machine.travel(moment, tick=False):
            post(author)
    everything = list(Story.objects.order_by("-posted_at", "-pk").values_list("pk", flat=True))
    assert len(set(Story.objects.values_list("posted_at", flat=True))) == 5  # ties, as intended

    seen, cursor, pages = [], None, []
    while True:
        page = selectors.feed(viewer=reader, cursor=cursor, size=3)
        pages.append(page)
        seen.extend(story.pk for story in page.stories)
        if page.caught_up:
            break
        cursor = page.next_cursor
        assert len(pages) < 10

    assert seen == everything
    assert [len(page.stories) for page in pages] == [3, 3, 3, 2]
    assert [page.caught_up for page in pages] == [False, False, False, True]
    assert pages[-1].next_cursor is None


def test_a_page_that_ends_exactly_is_caught_up_without_an_empty_page_after_it(author, reader):
    services.follow(actor=reader, user=author)
    for _ in range(4):
        post(author)

    first = selectors.feed(viewer=reader, size=2)
    second = selectors.feed(viewer=reader, cursor=first.next_cursor, size=2)

    assert not first.caught_up and second.caught_up and len(second.stories) == 2


def test_a_cursor_that_makes_no_sense_starts_from_the_top(author, reader):
    services.follow(actor=reader, user=author)
    story = post(author)

    assert feed_pks(reader, cursor="not-a-cursor") == [story.pk]
    assert feed_pks(reader, cursor="2026-13-45T99:00:00_x") == [story.pk]


def test_people_who_hide_sensitive_content_get_no_story_with_a_warning(author, reader):
    services.follow(actor=reader, user=author)
    warned = post(author, RECOVERY)
    chosen = post(author, content_warnings=["grief"])
    plain = post(author)
    assert warned.content_warnings == ["suicide_self_harm"]

    assert feed_pks(reader) == [plain.pk, chosen.pk, warned.pk]
    reader.sensitive_content = "hide"
    reader.save(update_fields=["sensitive_content"])

    assert feed_pks(reader) == [plain.pk]
    # Opened on purpose, it is there, and the page asks first (tests/community/test_sensitive_topics.py).
    opened = selectors.story_for_viewer(viewer=reader, pk=warned.pk)
    assert selectors.story_choice(opened, viewer=reader) == "hide"
    # Their own stories always reach them.
    author.sensitive_content = "hide"
    assert feed_pks(author) == [plain.pk, chosen.pk, warned.pk]


def test_the_hashtag_page_lists_readable_stories_with_the_tag_whatever_its_case(author, reader):
    tagged = post(author, "Small steps #Recovery")
    members_only = post(author, "Members only #recovery", audience="members")
    post(author, "No tag here")
    post(author, "I'm going to kill myself tonight, I have the pills ready #recovery")

    assert [story.pk for story in selectors.tagged(viewer=reader, tag="RECOVERY").stories] == [
        members_only.pk,
        tagged.pk,
    ]
    assert [story.pk for story in selectors.tagged(viewer=AnonymousUser(), tag="#recovery").stories] == [tagged.pk]


def test_a_persons_page_leaves_out_their_anonymous_stories_except_for_them(author, reader):
    named = post(author)
    anonymous = post(author, anonymous=True)

    assert [story.pk for story in selectors.stories_by(viewer=reader, author=author).stories] == [named.pk]
    assert [story.pk for story in selectors.stories_by(viewer=author, author=author).stories] == [
        anonymous.pk,
        named.pk,
    ]
    assert selectors.shown_author(anonymous, viewer=reader) is None
    assert selectors.shown_author(anonymous, viewer=author) == author


def test_feed_counts_are_of_shown_comments_and_all_reactions(author, reader):
    services.follow(actor=reader, user=author)
    story = post(author, comments_need_approval=True)
    other = post(author)
    services.add_comment(actor=reader, target=story, body="Waiting for approval here")
    services.add_comment(actor=author, target=story, body="The author's own note")
    for person in (reader, UserFactory()):
        services.react(actor=person, target=story, kind="support")
        services.react(actor=person, target=story, kind="hope")

    counted = {item.pk: item for item in selectors.feed(viewer=reader).stories}

    assert (counted[story.pk].comment_count, counted[story.pk].reaction_count) == (1, 4)
    assert (counted[other.pk].comment_count, counted[other.pk].reaction_count) == (0, 0)
