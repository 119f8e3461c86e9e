"""Stories through their services: drafts, posting as screening decides, hashtags, warnings, pictures, editing
and deleting. Everything is written through `community.services`, as the pages and the API do."""

import io
import itertools
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from taggit.models import TaggedItem

from community import selectors, services
from community.models import MAX_BODY, Comment, Reaction, Role, Story
from moderation import services as moderation
from moderation.decision import Action
from moderation.detectors.watched_words import compiled_rules
from moderation.models import Rule, Visibility
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CRISIS = "I'm going to kill myself tonight, I have the pills ready."
REFUSED = "kys nobody likes you"
RECOVERY = "Two years clean from self-harm and proud of every single day."
_texts = itertools.count(1)


@pytest.fixture(autouse=True)
def _fresh_rules():
    compiled_rules.reset()
    yield
    compiled_rules.reset()


def calm(words: str = "A calm walk by the sea helped me breathe again") -> str:
    """A harmless text, different each time (the same text twice in a day reads as spam)."""
    return f"{words}, day {next(_texts)}."


def post(author, body=None, **data):
    return services.save_story(actor=author, data={"body": body or calm(), **data}, post=True).obj


def png(size=(8, 8)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, format="PNG")
    return SimpleUploadedFile("sea.png", out.getvalue(), content_type="image/png")


def media_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.fixture
def author(db):
    return UserFactory()


@pytest.fixture
def reader(db):
    return UserFactory()


@pytest.fixture
def moderator(db):
    person = UserFactory()
    services.grant_role(actor=None, user=person, role=Role.MODERATOR)
    return person


# Drafts


def test_a_draft_is_kept_private_and_screened(author, reader):
    written = services.save_story(actor=author, data={"title": "Not ready", "body": RECOVERY})

    story = Story.objects.get(pk=written.obj.pk)
    assert story.status == Story.Status.DRAFT and story.posted_at is None
    assert story.screened_at is not None
    assert "self_harm_mention" in [label["name"] for label in story.screening_labels]
    assert story.content_warnings == ["suicide_self_harm"]
    assert list(selectors.drafts(viewer=author)) == [story]
    assert list(selectors.drafts(viewer=reader)) == []
    assert not selectors.readable_stories(viewer=reader).filter(pk=story.pk).exists()
    assert not selectors.readable_stories(viewer=author).filter(pk=story.pk).exists()  # not posted yet
    assert selectors.feed(viewer=author).stories == []


def test_a_draft_keeps_text_that_posting_would_refuse(author):
    written = services.save_story(actor=author, data={"body": REFUSED})

    assert Story.objects.filter(pk=written.obj.pk, status=Story.Status.DRAFT).exists()
    with pytest.raises(ValidationError) as refused:
        services.save_story(actor=author, story=written.obj, data={}, post=True)
    assert "body" in refused.value.message_dict
    assert Story.objects.get(pk=written.obj.pk).status == Story.Status.DRAFT


def test_posting_a_saved_draft_unchanged_is_not_held_as_a_repeat_of_itself(author):
    text = calm("Today I finally told my sister how I have been feeling")
    draft = services.save_story(actor=author, data={"body": text}).obj

    written = services.save_story(actor=author, story=draft, data={}, post=True)

    assert written.decision.action == Action.PUBLISH, written.decision.label_names
    story = Story.objects.get(pk=draft.pk)
    assert story.status == Story.Status.POSTED and story.visibility == Visibility.PUBLISHED
    assert story.posted_at is not None and story.edited_at is None


def test_the_same_text_in_a_second_story_the_same_day_is_still_held_as_a_repeat(author):
    text = calm("I want everyone here to know that things can get better")
    post(author, text)

    again = services.save_story(actor=author, data={"body": text}, post=True)

    assert again.obj.visibility == Visibility.HELD
    assert "spam" in again.decision.label_names


# Posting follows screening


def test_a_crisis_story_is_kept_and_held_for_a_moderator_seen_by_its_author_only(author, reader):
    written = services.save_story(actor=author, data={"body": CRISIS}, post=True)

    story = Story.objects.get(pk=written.obj.pk)
    assert written.decision.crisis and written.held
    assert story.status == Story.Status.POSTED and story.body == CRISIS
    assert story.visibility == Visibility.HELD and story.held_reason
    assert selectors.story_for_viewer(viewer=author, pk=story.pk) is not None
    assert selectors.story_for_viewer(viewer=reader, pk=story.pk) is None
    assert selectors.story_for_viewer(viewer=AnonymousUser(), pk=story.pk) is None
    assert story not in selectors.feed(viewer=reader).stories


def test_a_refused_story_raises_on_body_and_saves_nothing(author):
    with pytest.raises(ValidationError) as refused:
        services.save_story(actor=author, data={"title": "Hey", "body": REFUSED}, post=True)

    assert list(refused.value.message_dict) == ["body"]
    assert refused.value.message_dict["body"][0]
    assert not Story.objects.exists()


def test_a_nudged_story_asks_first_then_posts_when_confirmed(author):
    moderation.save_rule(actor=UserFactory(is_staff=True), data={"pattern": "durian", "action": Rule.Action.NUDGE})
    data = {"body": calm("I brought durian to school and everyone left the room")}

    with pytest.raises(services.NeedsConfirmation) as nudged:
        services.save_story(actor=author, data=data, post=True)
    assert nudged.value.error_dict["body"][0].code == "nudge"
    assert not Story.objects.exists()

    written = services.save_story(actor=author, data=data, post=True, confirmed=True)
    assert written.obj.is_posted and written.obj.visibility == Visibility.PUBLISHED
    assert "watched_word" in [label["name"] for label in written.obj.screening_labels]


def test_a_story_of_100000_characters_is_refused_with_a_clear_message(author):
    with pytest.raises(ValidationError) as refused:
        services.save_story(actor=author, data={"body": "a" * 100_000}, post=True)

    message = refused.value.message_dict["body"][0]
    assert "100000" in message and str(MAX_BODY) in message
    assert not Story.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"body": "   "}, "body"),
        ({"body": "fine", "title": "t" * 121}, "title"),
        ({"body": "fine", "audience": "everyone-ever"}, "audience"),
        ({"body": "fine", "content_warnings": ["spiders"]}, "content_warnings"),
        ({"body": "fine", "tags": ["no spaces allowed"]}, "tags"),
        ({"body": "fine", "author": 1}, "author"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(author, data, field):
    with pytest.raises(ValidationError) as refused:
        services.save_story(actor=author, data=data, post=True)
    assert field in refused.value.message_dict
    assert not Story.objects.exists()


def test_only_members_who_may_post_can_write_stories():
    with pytest.raises(PermissionDenied):
        services.save_story(actor=AnonymousUser(), data={"body": calm()}, post=True)
    suspended = UserFactory(is_active=False)
    with pytest.raises(PermissionDenied):
        services.save_story(actor=suspended, data={"body": calm()}, post=True)
    assert not Story.objects.exists()


# Hashtags and content warnings


def test_hashtags_come_from_the_text_and_the_chosen_ones_lower_cased_once(author):
    story = post(author, "Small wins #SelfCare and #selfcare, #Hope. Email me#not, ##double, #x.", tags=["#Anxiety"])

    assert sorted(story.tags.names()) == ["anxiety", "hope", "selfcare"]


def test_a_story_has_at_most_ten_hashtags(author):
    typed = " ".join(f"#typed{n}" for n in range(8))
    story = post(author, f"So many feelings {typed}", tags=[f"chosen{n}" for n in range(5)])

    names = set(story.tags.names())
    assert len(names) == 10
    assert {f"chosen{n}" for n in range(5)} <= names  # the writer's choice comes first


def test_a_word_too_long_for_a_hashtag_is_not_cut_into_one(author):
    story = post(author, f"Look: #{'a' * 60} and #fine")

    assert list(story.tags.names()) == ["fine"]


def test_editing_keeps_the_chosen_hashtags_and_follows_the_typed_ones(author):
    story = post(author, "A good day #sunshine", tags=["gratitude"])

    edited = services.save_story(actor=author, story=story, data={"body": "A good day #rain"}).obj

    assert sorted(edited.tags.names()) == ["gratitude", "rain"]


def test_content_warnings_are_screenings_and_the_writers_together(author):
    story = post(author, RECOVERY, content_warnings=["grief", "suicide_self_harm"])

    assert set(story.content_warnings) == {"suicide_self_harm", "grief"}
    assert len(story.content_warnings) == 2
    chosen_only = post(author, calm(), content_warnings=["grief"])
    assert chosen_only.content_warnings == ["grief"]


# Pictures


def test_a_picture_needs_a_description(author, settings):
    with pytest.raises(ValidationError) as refused:
        services.save_story(actor=author, data={"body": calm()}, image=png(), post=True)

    assert "image_alt" in refused.value.message_dict
    assert not Story.objects.exists()
    assert media_files(settings) == []


def test_a_picture_is_re_encoded_and_stored_with_the_story(author, settings):
    story = services.save_story(
        actor=author, data={"body": calm(), "image_alt": "The sea at dusk"}, image=png(), post=True
    ).obj

    assert story.image.name.startswith("stories/") and story.image.name.endswith(".webp")
    assert [path.name for path in media_files(settings)] == [Path(story.image.name).name]


def test_a_file_that_is_not_an_image_is_refused_and_leaves_no_file(author, settings):
    fake = SimpleUploadedFile("sea.png", b"<?php echo 'not a picture'; ?>", content_type="image/png")

    with pytest.raises(ValidationError) as refused:
        services.save_story(actor=author, data={"body": calm(), "image_alt": "The sea"}, image=fake, post=True)

    assert "image" in refused.value.message_dict
    assert not Story.objects.exists()
    assert media_files(settings) == []


def test_a_picture_with_a_refused_story_leaves_no_file(author, settings):
    with pytest.raises(ValidationError):
        services.save_story(actor=author, data={"body": REFUSED, "image_alt": "The sea"}, image=png(), post=True)

    assert media_files(settings) == []


def test_replacing_and_removing_the_picture_deletes_the_old_file(author, settings, django_capture_on_commit_callbacks):
    story = services.save_story(actor=author, data={"body": calm(), "image_alt": "The sea"}, image=png(), post=True).obj
    first = story.image.name

    with django_capture_on_commit_callbacks(execute=True):
        story = services.save_story(actor=author, story=story, data={}, image=png((12, 12))).obj
    assert story.image.name != first
    assert [path.name for path in media_files(settings)] == [Path(story.image.name).name]
    assert story.edited_at is not None  # a new picture is an edit

    with django_capture_on_commit_callbacks(execute=True):
        story = services.save_story(actor=author, story=story, data={"image_alt": ""}, remove_image=True).obj
    assert not Story.objects.get(pk=story.pk).image
    assert media_files(settings) == []


# Editing


def test_editing_a_posted_story_marks_it_edited_and_screens_it_again(author, reader):
    story = post(author, calm())
    assert story.edited_at is None

    edited = services.save_story(actor=author, story=story, data={"body": CRISIS})

    story.refresh_from_db()
    assert edited.decision.crisis
    assert story.edited_at is not None and story.body == CRISIS
    assert story.visibility == Visibility.HELD
    assert selectors.story_for_viewer(viewer=reader, pk=story.pk) is None


def test_an_edit_that_would_be_refused_keeps_the_posted_story_as_it_was(author):
    text = calm()
    story = post(author, text)

    with pytest.raises(ValidationError):
        services.save_story(actor=author, story=Story.objects.get(pk=story.pk), data={"body": REFUSED})

    story.refresh_from_db()
    assert story.body == text and story.edited_at is None and story.visibility == Visibility.PUBLISHED


def test_changing_only_settings_is_not_an_edit_and_keeps_the_screening(author):
    story = post(author, calm("I told my teacher I was struggling and she listened"))

    changed = services.save_story(actor=author, story=story, data={"comments_enabled": False})

    story.refresh_from_db()
    assert not story.comments_enabled
    assert story.edited_at is None
    assert story.visibility == Visibility.PUBLISHED, changed.decision.label_names


def test_a_story_a_moderator_hid_goes_back_to_review_when_edited(author, reader, moderator):
    story = post(author, calm())
    moderation.hide_content(actor=moderator, obj=story, reason="Mentions a classmate by name")

    services.save_story(actor=author, story=Story.objects.get(pk=story.pk), data={"comments_enabled": False})
    assert Story.objects.get(pk=story.pk).visibility == Visibility.HIDDEN  # settings alone: still hidden

    services.save_story(actor=author, story=Story.objects.get(pk=story.pk), data={"body": calm()})

    story.refresh_from_db()
    assert story.visibility == Visibility.HELD
    assert story.held_reason
    assert selectors.story_for_viewer(viewer=reader, pk=story.pk) is None
    assert selectors.story_for_viewer(viewer=author, pk=story.pk) is not None


def test_only_the_author_edits_or_deletes_a_story(author, reader, moderator):
    story = post(author, calm(), anonymous=True)

    for someone in (reader, moderator):
        with pytest.raises(PermissionDenied):
            services.save_story(actor=someone, story=story, data={"body": "Mine now"})
        with pytest.raises(PermissionDenied):
            services.delete_story(actor=someone, story=story)
    assert Story.objects.get(pk=story.pk).body == story.body

    # Anonymous to readers, still the author's own.
    services.save_story(actor=author, story=story, data={"title": "Still mine"})
    assert Story.objects.get(pk=story.pk).title == "Still mine"


def test_a_suspended_author_cannot_edit(author):
    story = post(author, calm())
    author.is_active = False

    with pytest.raises(PermissionDenied):
        services.save_story(actor=author, story=story, data={"body": calm()})


# Deleting


def test_deleting_a_story_removes_its_conversation_tags_and_picture(
    author, reader, settings, django_capture_on_commit_callbacks
):
    story = services.save_story(
        actor=author, data={"body": f"{calm()} #sea", "image_alt": "The sea"}, image=png(), post=True
    ).obj
    other = post(author, f"{calm()} #sea")
    top = services.add_comment(actor=reader, target=story, body=calm("Thank you for sharing")).obj
    services.add_comment(actor=author, target=story, body=calm("Thank you for reading"), parent=top)
    services.add_comment(actor=reader, target=other, body=calm("Lovely"))
    services.react(actor=reader, target=story, kind="support")
    services.react(actor=reader, target=other, kind="hope")
    story_type = ContentType.objects.get_for_model(Story)

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_story(actor=author, story=story)

    assert not Story.objects.filter(pk=story.pk).exists()
    assert not Comment.objects.filter(target_type=story_type, target_id=story.pk).exists()
    assert not Reaction.objects.filter(target_type=story_type, target_id=story.pk).exists()
    assert not TaggedItem.objects.filter(content_type=story_type, object_id=story.pk).exists()
    assert media_files(settings) == []
    # The author's other story and its conversation are untouched.
    assert Comment.objects.filter(target_id=other.pk).count() == 1
    assert Reaction.objects.filter(target_id=other.pk).count() == 1
    assert list(other.tags.names()) == ["sea"]


def test_a_draft_can_be_deleted(author):
    draft = services.save_story(actor=author, data={"body": calm()}).obj

    services.delete_story(actor=author, story=draft)

    assert not Story.objects.exists()


def test_drafts_do_not_count_towards_a_writers_standing(author):
    """A new account stays new (links held) until enough of its stories are out in the world, not drafts."""
    from datetime import timedelta

    from django.utils import timezone

    from moderation import trust

    author.date_joined = timezone.now() - timedelta(days=400)
    author.save(update_fields=["date_joined"])
    for number in range(3):
        services.save_story(actor=author, data={"body": calm(f"Draft number {number} about a walk")})
    assert trust.standing(author) == "new"
    for number in range(3):
        post(author, calm(f"Posted number {number} about a walk"))
    assert trust.standing(author) == "member"


def test_an_anonymous_story_cannot_be_for_followers_only(author):
    """Only people who follow the author could read it, so it would not be anonymous."""
    with pytest.raises(ValidationError) as error:
        post(author, anonymous=True, audience="followers")
    assert "audience" in error.value.message_dict
    assert not Story.objects.filter(author=author).exists()
    assert post(author, anonymous=True, audience="members").anonymous
