"""Reactions and follows under real concurrency, on PostgreSQL: many threads released at once by a barrier.

Counts stay exact, nothing is duplicated, and no caller sees an error (which a page or the API would turn into a
500). Each thread has its own database connection, taken before the barrier so the writes really start
together, and gives it back to the pool at the end.
"""

import pytest
from django.core.exceptions import PermissionDenied

from community import services
from community.models import Block, Follow, Reaction, Story
from tests.community.postgres import run_together
from tests.factories import UserFactory

# serialized_rollback: people join the "member" group, which a data migration created and an earlier
# transactional test may have flushed.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Each thread holds a pooled connection while it waits at the barrier; the pool has 10 (DATABASE_POOL_MAX) and
# the test's own thread keeps one, so more threads than this would wait for a connection instead of racing.
THREADS = 8


def a_story() -> Story:
    return services.save_story(
        actor=UserFactory(), data={"body": "Running again after a long winter helped me."}, post=True
    ).obj


def test_one_person_reacting_from_many_tabs_at_once_adds_one_reaction():
    story, reader = a_story(), UserFactory()

    results = run_together([lambda: services.react(actor=reader, target=story, kind="support")] * THREADS)

    assert sorted(results, key=repr) == [False] * (THREADS - 1) + [True], results
    assert Reaction.objects.filter(target_id=story.pk, user=reader, kind="support").count() == 1


def test_many_people_reacting_at_once_are_all_counted():
    story = a_story()
    people = [UserFactory() for _ in range(THREADS)]

    results = run_together(
        [lambda person=person: services.react(actor=person, target=story, kind="hope") for person in people]
    )

    assert results == [True] * THREADS, results
    assert Reaction.objects.filter(target_id=story.pk, kind="hope").count() == THREADS
    assert set(Reaction.objects.values_list("user", flat=True)) == {person.pk for person in people}


def test_people_double_clicking_at_once_each_count_once():
    story = a_story()
    people = [UserFactory() for _ in range(THREADS // 2)]
    calls = [lambda person=person: services.react(actor=person, target=story, kind="thanks") for person in people]

    results = run_together(calls + calls)

    assert all(isinstance(result, bool) for result in results), results
    assert results.count(True) == len(people)
    for person in people:
        assert Reaction.objects.filter(target_id=story.pk, user=person, kind="thanks").count() == 1


def test_different_reactions_by_one_person_at_once_are_all_kept():
    story, reader = a_story(), UserFactory()
    kinds = [kind for kind in Reaction.Kind.values for _ in range(2)]

    results = run_together([lambda kind=kind: services.react(actor=reader, target=story, kind=kind) for kind in kinds])

    assert results.count(True) == len(Reaction.Kind.values), results
    assert results.count(False) == len(kinds) - len(Reaction.Kind.values)
    assert sorted(Reaction.objects.filter(user=reader).values_list("kind", flat=True)) == sorted(Reaction.Kind.values)


def test_following_someone_from_many_tabs_at_once_follows_once():
    author, reader = UserFactory(), UserFactory()

    results = run_together([lambda: services.follow(actor=reader, user=author)] * THREADS)

    assert sorted(results, key=repr) == [False] * (THREADS - 1) + [True], results
    assert Follow.objects.filter(follower=reader, followed=author).count() == 1


def test_many_people_following_one_person_at_once_are_all_counted():
    author = UserFactory()
    people = [UserFactory() for _ in range(THREADS)]

    results = run_together([lambda person=person: services.follow(actor=person, user=author) for person in people])

    assert results == [True] * THREADS, results
    assert Follow.objects.filter(followed=author).count() == THREADS


def test_a_block_racing_follows_leaves_no_follow_behind():
    author, reader = UserFactory(), UserFactory()
    follows = [lambda: services.follow(actor=reader, user=author)] * (THREADS - 2)
    follows_back = [lambda: services.follow(actor=author, user=reader)]

    results = run_together([*follows, lambda: services.block(actor=author, user=reader), *follows_back])

    assert all(isinstance(result, bool | PermissionDenied) for result in results), results
    assert Block.objects.filter(blocker=author, blocked=reader).count() == 1
    assert not Follow.objects.exists()
