"""A writer's edit and a moderator's hide of the same story or comment at once, on PostgreSQL, each from its own
connection: whichever lands first, the content is never public afterwards and the writer's new text is kept.

The writer's save locks the row (select_for_update) and takes the moderation state from it: a hide that committed
first sends the edit back to review; a hide that comes while the writer holds the lock waits, then applies.
Threads released together by tests/community/postgres.py.
"""

import threading

import pytest
from django.db import connection

from community import services
from community.models import Comment, Story
from community.services import stories as story_services
from moderation import services as moderation
from moderation.models import Visibility
from tests.community.postgres import run_together
from tests.factories import StaffFactory, UserFactory

# serialized_rollback: people join the "member" group, which a data migration created and an earlier
# transactional test may have flushed.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAIRS = 4  # a writer and a moderator each: 8 pooled connections, the pool has 10 (DATABASE_POOL_MAX)
NOT_PUBLIC = {Visibility.HIDDEN, Visibility.HELD}


def a_story(writer) -> Story:
    return services.save_story(actor=writer, data={"body": "Walking every morning helps me."}, post=True).obj


def test_a_hide_racing_story_edits_always_wins():
    moderator = StaffFactory()
    writers = [UserFactory() for _ in range(PAIRS)]
    stories = [a_story(writer) for writer in writers]
    copies = [Story.objects.get(pk=story.pk) for story in stories]  # loaded before the hide: the edit form
    calls = []
    for writer, story, copy in zip(writers, stories, copies, strict=True):
        calls.append(
            lambda writer=writer, copy=copy: services.save_story(
                actor=writer, story=copy, data={"body": "Walking every morning still helps me."}
            )
        )
        calls.append(
            lambda story=story: moderation.hide_content(
                actor=moderator, obj=Story.objects.get(pk=story.pk), reason="Upheld report"
            )
        )

    results = run_together(calls)

    assert not [result for result in results if isinstance(result, Exception)], results
    for story in stories:
        story.refresh_from_db()
        assert story.body == "Walking every morning still helps me."
        assert story.visibility in NOT_PUBLIC, story.visibility


def test_a_hide_racing_comment_edits_always_wins():
    moderator, reader = StaffFactory(), UserFactory()
    story = a_story(UserFactory())
    written = [
        services.add_comment(actor=reader, target=story, body=f"Same here, it clears my head ({n}).").obj
        for n in range(PAIRS)
    ]
    copies = [Comment.objects.get(pk=comment.pk) for comment in written]
    calls = []
    for comment, copy in zip(written, copies, strict=True):
        calls.append(lambda copy=copy: services.edit_comment(actor=reader, comment=copy, body=copy.body + " Truly."))
        calls.append(
            lambda comment=comment: moderation.hide_content(
                actor=moderator, obj=Comment.objects.get(pk=comment.pk), reason="Unkind"
            )
        )

    results = run_together(calls)

    assert not [result for result in results if isinstance(result, Exception)], results
    for comment in written:
        comment.refresh_from_db()
        assert comment.body.endswith(" Truly.")
        assert comment.visibility in NOT_PUBLIC, comment.visibility


def someone_waits_for_me() -> bool:
    """Whether another connection is waiting for a lock this connection holds."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid)))"
        )
        return cursor.fetchone()[0]


def test_a_hide_while_the_writer_is_saving_waits_for_the_save_then_applies(monkeypatch):
    """The interleaving the lock exists for: the writer's save has worked out a published state and is about to
    write it when the moderator hides the story. The writer goes on only once the hide is either waiting for the
    writer's lock or done; either way the hide must be what stays."""
    writer, moderator = UserFactory(), StaffFactory()
    story = a_story(writer)
    copy = Story.objects.get(pk=story.pk)
    hiding = threading.Event()
    hidden = threading.Event()
    record = story_services.moderation.record_screening

    def record_then_let_the_moderator_in(obj, *args, **kwargs):
        result = record(obj, *args, **kwargs)
        if threading.current_thread() is not main:
            hiding.set()
            for _ in range(3000):  # at most 30 s: the hide is blocked on this writer's lock, or it finished
                if hidden.wait(timeout=0.01) or someone_waits_for_me():
                    break
        return result

    main = threading.current_thread()
    monkeypatch.setattr(story_services.moderation, "record_screening", record_then_let_the_moderator_in)

    def hide():
        assert hiding.wait(timeout=30)
        try:
            return moderation.hide_content(actor=moderator, obj=Story.objects.get(pk=story.pk), reason="Upheld report")
        finally:
            hidden.set()

    results = run_together(
        [lambda: services.save_story(actor=writer, story=copy, data={"body": "Walking still helps me."}), hide]
    )

    assert not [result for result in results if isinstance(result, Exception)], results
    story.refresh_from_db()
    assert story.body == "Walking still helps me."
    assert story.visibility in NOT_PUBLIC, story.visibility
