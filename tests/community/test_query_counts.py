"""A page costs the same number of queries whatever its length: the feed, a story's conversation, a hashtag
page. Each test reads everything a page or the API touches (authors, tags, counts, who a reply answers)."""

import itertools

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community import selectors, services
from community.models import Comment, Story
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FEED_QUERIES = 3  # the viewer's preferences (once); the stories with their authors and counts; their tags
COMMENT_QUERIES = 3  # the comments with their authors; the owner's restrictions; the viewer's blocks
_texts = itertools.count(1)


@pytest.fixture(autouse=True)
def _content_types_known():
    """ContentType lookups are cached per process; warm them so the first test counts like the others."""
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(Story, Comment)


def post(author, body="A calm walk by the sea helped me breathe again", **data) -> Story:
    return services.save_story(actor=author, data={"body": f"{body}, day {next(_texts)}.", **data}, post=True).obj


def touch_cards(page, viewer) -> list:
    """What a story card reads."""
    return [
        (
            selectors.shown_author(story, viewer=viewer),
            story.author.handle,
            sorted(tag.name for tag in story.tags.all()),
            story.reaction_count,
            story.comment_count,
            selectors.warnings_of(story),
        )
        for story in page.stories
    ]


def touch_thread(items) -> int:
    count = 0
    for item in items:
        count += 1
        _ = (item.comment.author.handle if item.comment.author else None, item.replying_to, item.comment.parent_id)
        count += touch_thread(item.replies)
    return count


def queries_for(callable_) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        result = callable_()
    return len(captured.captured_queries), result


@pytest.fixture
def busy_feed(db):
    """A reader following 25 people's stories, each story with tags, reactions and comments."""
    reader = UserFactory()
    people = [UserFactory() for _ in range(5)]
    for person in people:
        services.follow(actor=reader, user=person)
    services.follow_tag(actor=reader, name="hope")  # anonymous stories come by their tag
    for index in range(25):
        person = people[index % 5]
        story = post(person, f"Story {index} #hope #day{index}", anonymous=index % 7 == 0)
        services.react(actor=reader, target=story, kind="support")
        services.add_comment(actor=reader, target=story, body=f"Thank you for this one, number {index}")
    return reader


def test_a_feed_page_costs_the_same_for_5_or_25_stories(busy_feed, django_assert_max_num_queries):
    reader = busy_feed

    with django_assert_max_num_queries(FEED_QUERIES):
        short = selectors.feed(viewer=reader, size=5)
        short_cards = touch_cards(short, reader)
    with django_assert_max_num_queries(FEED_QUERIES):
        long = selectors.feed(viewer=reader, size=25)
        long_cards = touch_cards(long, reader)

    assert (len(short_cards), len(long_cards)) == (5, 25)
    assert all(card[2] and card[3] == 1 and card[4] == 1 for card in long_cards)
    short_count, _ = queries_for(lambda: touch_cards(selectors.feed(viewer=reader, size=5), reader))
    long_count, _ = queries_for(lambda: touch_cards(selectors.feed(viewer=reader, size=25), reader))
    assert short_count == long_count


def test_the_next_feed_page_costs_the_same(busy_feed, django_assert_max_num_queries):
    reader = busy_feed
    first = selectors.feed(viewer=reader, size=10)

    with django_assert_max_num_queries(FEED_QUERIES):
        touch_cards(selectors.feed(viewer=reader, cursor=first.next_cursor, size=10), reader)


def test_a_story_with_50_comments_costs_the_same_as_one_with_2(db, django_assert_max_num_queries):
    author, viewer = UserFactory(), UserFactory()
    people = [UserFactory() for _ in range(5)]
    services.restrict(actor=author, user=people[3])
    services.block(actor=viewer, user=people[4])
    small, big = post(author), post(author)
    for story, count in ((small, 2), (big, 50)):
        parent = None
        for index in range(count):
            writer = people[index % 5]
            # threads: a top comment, a reply, a reply to the reply (flattened), then a new thread
            written = services.add_comment(
                actor=writer, target=story, body=f"Thinking of you today, note {story.pk}.{index}", parent=parent
            ).obj
            assert written.visibility == "published"
            parent = None if index % 3 == 2 else written

    with django_assert_max_num_queries(COMMENT_QUERIES):
        small_shown = touch_thread(selectors.comments_for(viewer=viewer, target=small))
    with django_assert_max_num_queries(COMMENT_QUERIES):
        big_shown = touch_thread(selectors.comments_for(viewer=viewer, target=big))

    assert small_shown == 2 and big_shown >= 20
    small_count, _ = queries_for(lambda: touch_thread(selectors.comments_for(viewer=viewer, target=small)))
    big_count, _ = queries_for(lambda: touch_thread(selectors.comments_for(viewer=viewer, target=big)))
    assert small_count == big_count


def test_a_hashtag_page_costs_the_same_for_3_or_25_stories(db, django_assert_max_num_queries):
    viewer = UserFactory()
    people = [UserFactory() for _ in range(5)]
    for index in range(25):
        post(people[index % 5], f"Story {index} #together #other{index}")
    for index in range(3):
        post(people[index], f"Story {index} #rare")

    with django_assert_max_num_queries(FEED_QUERIES):
        few = touch_cards(selectors.tagged(viewer=viewer, tag="rare", size=25), viewer)
    with django_assert_max_num_queries(FEED_QUERIES):
        many = touch_cards(selectors.tagged(viewer=viewer, tag="together", size=25), viewer)

    assert (len(few), len(many)) == (3, 25)
    few_count, _ = queries_for(lambda: touch_cards(selectors.tagged(viewer=viewer, tag="rare", size=25), viewer))
    many_count, _ = queries_for(lambda: touch_cards(selectors.tagged(viewer=viewer, tag="together", size=25), viewer))
    assert few_count == many_count
