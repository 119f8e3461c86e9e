"""A moderator acting on a story or comment while its writer edits it: the writer's save must not undo it.

The writer's copy is loaded (the edit form, the API's lookup) before a moderator hides it; the writer then saves.
Deterministic here: the moderator acts between the load and the save. The same under real concurrency, on
PostgreSQL, is in test_edit_lock_postgres.py.
"""

import pytest
from django.core.exceptions import ValidationError

from community import services
from community.models import Audience, Comment, Story
from moderation import services as moderation
from moderation.models import Visibility
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer():
    return UserFactory()


@pytest.fixture
def moderator():
    return StaffFactory()


@pytest.fixture
def story(writer):
    return services.save_story(actor=writer, data={"body": "Walking every morning helps me."}, post=True).obj


def loaded(obj):
    """The writer's own copy, as their edit form loaded it."""
    return type(obj).objects.get(pk=obj.pk)


def test_a_hide_landing_after_the_form_loaded_sends_the_edited_story_back_to_review(story, writer, moderator):
    mine = loaded(story)
    moderation.hide_content(actor=moderator, obj=loaded(story), reason="Upheld report")

    services.save_story(actor=writer, story=mine, data={"body": "Walking every morning still helps me."})

    story.refresh_from_db()
    assert story.body == "Walking every morning still helps me."
    assert story.visibility == Visibility.HELD
    assert story.held_reason == "Edited after a moderator hid it."


def test_a_hide_landing_before_a_settings_only_save_stays_with_its_reason(story, writer, moderator):
    mine = loaded(story)
    moderation.hide_content(actor=moderator, obj=loaded(story), reason="Upheld report")

    services.save_story(actor=writer, story=mine, data={"audience": Audience.MEMBERS, "comments_enabled": False})

    story.refresh_from_db()
    assert story.audience == Audience.MEMBERS and not story.comments_enabled
    assert story.visibility == Visibility.HIDDEN
    assert story.held_reason == "Upheld report"


def test_a_removal_landing_after_the_form_loaded_is_not_published_by_the_edit(story, writer):
    mine = loaded(story)
    Story.objects.filter(pk=story.pk).update(visibility=Visibility.REMOVED, held_reason="Removed after review")

    services.save_story(actor=writer, story=mine, data={"body": "Walking every morning helps me, mostly."})

    story.refresh_from_db()
    assert story.visibility == Visibility.HELD


def test_staff_featuring_a_story_meanwhile_is_kept(story, writer):
    mine = loaded(story)
    Story.objects.filter(pk=story.pk).update(featured=True)

    services.save_story(actor=writer, story=mine, data={"title": "Mornings"})

    story.refresh_from_db()
    assert story.title == "Mornings" and story.featured


def test_saving_a_story_deleted_meanwhile_does_not_bring_it_back(story, writer):
    mine = loaded(story)
    services.delete_story(actor=writer, story=loaded(story))

    with pytest.raises(ValidationError, match="deleted meanwhile"):
        services.save_story(actor=writer, story=mine, data={"title": "Mornings"})
    assert not Story.objects.filter(pk=story.pk).exists()


def test_a_hide_landing_after_the_comment_was_loaded_sends_the_edit_back_to_review(story, moderator):
    reader = UserFactory()
    written = services.add_comment(actor=reader, target=story, body="Same here, it clears my head.").obj
    mine = loaded(written)
    moderation.hide_content(actor=moderator, obj=loaded(written), reason="Unkind")

    services.edit_comment(actor=reader, comment=mine, body="Same here, it really clears my head.")

    written.refresh_from_db()
    assert written.body == "Same here, it really clears my head."
    assert written.visibility == Visibility.HELD


def test_the_story_author_declining_a_comment_meanwhile_stands(story, writer):
    reader = UserFactory()
    written = services.add_comment(actor=reader, target=story, body="Same here, it clears my head.").obj
    mine = loaded(written)
    services.decline_comment(actor=writer, comment=loaded(written))

    services.edit_comment(actor=reader, comment=mine, body="Same here, it really clears my head.")

    written.refresh_from_db()
    assert written.approval == Comment.Approval.DECLINED
