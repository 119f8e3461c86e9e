"""Comments through their services, and the conversation as `comments_for` shows it to each viewer: refusals,
the author's controls (comments off, approval, hidden words, restricting someone), deleting, threads."""

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.functional import SimpleLazyObject

from community import selectors, services
from community.models import Comment, Role
from moderation import services as moderation
from moderation.detectors.watched_words import compiled_rules
from moderation.models import Rule, Visibility
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CRISIS = "I'm going to kill myself tonight, I have the pills ready."
REFUSED = "kys nobody likes you"
_texts = itertools.count(1)


@pytest.fixture(autouse=True)
def _fresh_rules():
    compiled_rules.reset()
    yield
    compiled_rules.reset()


def kind(words: str = "Thank you for sharing this, it helps") -> str:
    return f"{words} ({next(_texts)})"


def post(author, **data):
    return services.save_story(
        actor=author, data={"body": f"A calm walk by the sea, day {next(_texts)}.", **data}, post=True
    ).obj


def comment(actor, story, body=None, parent=None):
    return services.add_comment(actor=actor, target=story, body=body or kind(), parent=parent).obj


def seen(viewer, story) -> list[int]:
    """The pks of every comment the viewer sees under the story, threads walked in order."""

    def walk(items):
        for item in items:
            yield item.comment.pk
            yield from walk(item.replies)

    return list(walk(selectors.comments_for(viewer=viewer, target=story)))


@pytest.fixture
def author(db):
    return UserFactory()


@pytest.fixture
def reader(db):
    return UserFactory()


@pytest.fixture
def story(author):
    return post(author)


# Refusals


def test_comments_turned_off_are_refused(author, reader):
    story = post(author, comments_enabled=False)

    with pytest.raises(ValidationError) as refused:
        comment(reader, story)

    assert "turned comments off" in refused.value.message_dict["body"][0]
    assert not Comment.objects.exists()


def test_a_visitor_or_a_suspended_member_cannot_comment(story):
    for actor in (AnonymousUser(), UserFactory(is_active=False)):
        with pytest.raises(PermissionDenied):
            comment(actor, story)
    assert not Comment.objects.exists()


def test_a_refused_comment_is_not_saved(story, reader):
    with pytest.raises(ValidationError) as refused:
        comment(reader, story, REFUSED)
    assert refused.value.message_dict["body"][0]
    assert not Comment.objects.exists()


def test_a_comment_longer_than_the_limit_is_refused(story, reader):
    with pytest.raises(ValidationError) as refused:
        comment(reader, story, "a" * 2001)
    assert "2000" in refused.value.message_dict["body"][0]


def test_a_nudged_comment_asks_first_then_posts_when_confirmed(story, reader):
    moderation.save_rule(actor=UserFactory(is_staff=True), data={"pattern": "durian", "action": Rule.Action.NUDGE})

    with pytest.raises(services.NeedsConfirmation):
        comment(reader, story, kind("You smell like durian"))
    assert not Comment.objects.exists()

    written = services.add_comment(actor=reader, target=story, body=kind("You smell like durian"), confirmed=True)
    assert written.obj.pk and written.obj.visibility == Visibility.PUBLISHED


@pytest.mark.parametrize("how", ["removed", "hidden", "deleted"])
def test_a_reply_to_a_removed_hidden_or_deleted_comment_is_refused(story, reader, author, how):
    parent = comment(reader, story)
    comment(author, story, parent=parent)  # so deleting leaves "comment deleted"
    if how == "deleted":
        services.delete_comment(actor=reader, comment=parent)
    else:
        Comment.objects.filter(pk=parent.pk).update(visibility=how)
    parent = Comment.objects.get(pk=parent.pk)

    with pytest.raises(ValidationError) as refused:
        comment(author, story, parent=parent)

    assert "parent" in refused.value.message_dict
    assert Comment.objects.filter(parent=parent).count() == 1


def test_a_reply_to_a_comment_someone_else_cannot_see_yet_is_refused(story, reader, author):
    held = comment(reader, story, CRISIS)
    assert held.visibility == Visibility.HELD

    with pytest.raises(ValidationError):
        comment(author, story, parent=held)
    # Its writer can still add to their own words.
    assert comment(reader, story, parent=held).parent_id == held.pk


def test_a_reply_to_a_comment_under_other_content_is_refused(author, reader):
    story, other = post(author), post(author)
    elsewhere = comment(reader, other)

    with pytest.raises(ValidationError) as refused:
        comment(reader, story, parent=elsewhere)

    assert "parent" in refused.value.message_dict
    assert not Comment.objects.filter(target_id=story.pk).exists()


def test_people_who_blocked_each_other_cannot_comment_or_reply(author, reader):
    story = post(author)
    third = UserFactory()
    theirs = comment(third, story)
    services.block(actor=author, user=reader)

    with pytest.raises(PermissionDenied):
        comment(reader, story)
    services.unblock(actor=author, user=reader)
    services.block(actor=reader, user=third)  # blocked the other way, on someone else's story
    with pytest.raises(PermissionDenied):
        comment(reader, story, parent=theirs)
    assert Comment.objects.filter(author=reader).count() == 0


def test_a_draft_or_a_story_out_of_the_audience_cannot_be_commented_on(author, reader):
    draft = services.save_story(actor=author, data={"body": "Not ready yet, thinking about it."}).obj
    followers_only = post(author, audience="followers")

    for target in (draft, followers_only):
        with pytest.raises(ValidationError):
            comment(reader, target)
    services.follow(actor=reader, user=author)
    assert comment(reader, followers_only).pk


def test_a_comment_from_the_page_with_the_lazy_request_user_works(story, reader):
    """Views pass request.user, a lazy proxy of the member: the service must not need its class."""
    lazy = SimpleLazyObject(lambda: reader)

    written = services.add_comment(actor=lazy, target=story, body=kind())

    assert written.obj.author_id == reader.pk
    assert services.react(actor=SimpleLazyObject(lambda: reader), target=story, kind="hope")


# The author's controls


def test_approval_required_keeps_a_comment_waiting_for_the_writer_and_the_author_only(author, reader):
    story = post(author, comments_need_approval=True)
    stranger = UserFactory()

    waiting = comment(reader, story)
    own = comment(author, story)  # the author's own comments need no approval

    assert waiting.approval == Comment.Approval.PENDING
    assert own.approval == Comment.Approval.APPROVED
    assert seen(reader, story) == [waiting.pk, own.pk]
    assert seen(author, story) == [waiting.pk, own.pk]
    assert seen(stranger, story) == [own.pk]
    assert seen(AnonymousUser(), story) == [own.pk]
    assert list(selectors.pending_comments(owner=author)) == [waiting]
    shown = selectors.comments_for(viewer=author, target=story)
    assert shown[0].waiting and not shown[1].waiting

    with pytest.raises(PermissionDenied):
        services.approve_comment(actor=stranger, comment=waiting)
    with pytest.raises(PermissionDenied):
        services.approve_comment(actor=reader, comment=waiting)
    services.approve_comment(actor=author, comment=waiting)

    assert seen(stranger, story) == [waiting.pk, own.pk]
    assert list(selectors.pending_comments(owner=author)) == []


def test_an_approved_comment_edited_waits_for_approval_again(author, reader):
    story = post(author, comments_need_approval=True)
    first = comment(reader, story)
    services.approve_comment(actor=author, comment=first)

    services.edit_comment(actor=reader, comment=Comment.objects.get(pk=first.pk), body=kind("Something else now"))

    assert Comment.objects.get(pk=first.pk).approval == Comment.Approval.PENDING
    assert seen(UserFactory(), story) == []


@pytest.mark.parametrize("declined_when", ["before", "meanwhile"])
def test_a_declined_comment_edited_stays_declined_and_out_of_the_authors_queue(author, reader, declined_when):
    """Editing can't push words the author took off their story back in front of them: not when it was
    declined before, nor when the author declines it while the writer's copy is open."""
    story = post(author, comments_need_approval=True)
    services.add_hidden_word(actor=author, phrase="ugly")
    first = comment(reader, story)
    writers_copy = Comment.objects.get(pk=first.pk)
    if declined_when == "before":
        services.decline_comment(actor=author, comment=first)
        writers_copy = Comment.objects.get(pk=first.pk)
    else:
        services.decline_comment(actor=author, comment=Comment.objects.get(pk=first.pk))
    assert writers_copy.approval == (
        Comment.Approval.DECLINED if declined_when == "before" else Comment.Approval.PENDING
    )

    services.edit_comment(actor=reader, comment=writers_copy, body=kind("Some days I feel ugly"))

    edited = Comment.objects.get(pk=first.pk)
    assert edited.approval == Comment.Approval.DECLINED and edited.edited_at is not None
    assert list(selectors.pending_comments(owner=author)) == []
    assert seen(author, story) == [] and seen(UserFactory(), story) == []
    assert seen(reader, story) == [first.pk]  # its writer still sees it, marked removed by the author


@pytest.mark.parametrize(
    "body",
    ["Pineapple pizza fixes everything", "PINEAPPLE PIZZA!", "pineapple  pizza, ok", "Pinéàpple pizza"],
)
def test_a_comment_with_one_of_the_authors_hidden_words_waits_for_them(author, reader, body):
    story = post(author)
    services.add_hidden_word(actor=author, phrase="  pineapple   pizza ")

    waiting = comment(reader, story, body)

    assert waiting.approval == Comment.Approval.PENDING
    assert seen(UserFactory(), story) == []
    assert seen(author, story) == [waiting.pk]


def test_hidden_words_match_whole_words_only(author, reader):
    story = post(author)
    services.add_hidden_word(actor=author, phrase="ugly")

    fine = comment(reader, story, kind("Snuggly blanket days are the best"))
    assert fine.approval == Comment.Approval.APPROVED

    edited = services.edit_comment(actor=reader, comment=fine, body=kind("Some days I feel ugly")).obj
    assert Comment.objects.get(pk=edited.pk).approval == Comment.Approval.PENDING


def test_a_restricted_persons_comments_show_only_to_them_and_the_author(author, reader):
    story = post(author)
    stranger = UserFactory()
    services.restrict(actor=author, user=reader)

    theirs = comment(reader, story)
    other = comment(stranger, story)

    assert theirs.approval == Comment.Approval.APPROVED  # they are not told
    assert seen(reader, story) == [theirs.pk, other.pk]
    assert seen(author, story) == [theirs.pk, other.pk]
    assert seen(stranger, story) == [other.pk]
    assert seen(AnonymousUser(), story) == [other.pk]
    services.unrestrict(actor=author, user=reader)
    assert seen(stranger, story) == [theirs.pk, other.pk]


def test_blocked_peoples_comments_are_hidden_from_each_other(author, reader):
    story = post(author)
    stranger = UserFactory()
    theirs = comment(stranger, story)
    mine = comment(reader, story)

    services.block(actor=stranger, user=reader)

    assert seen(reader, story) == [mine.pk]
    assert seen(stranger, story) == [theirs.pk]
    assert seen(author, story) == [theirs.pk, mine.pk]


# Moderation


def test_a_held_comment_is_seen_by_its_writer_only(story, author, reader):
    held = comment(reader, story, CRISIS)

    assert held.visibility == Visibility.HELD
    assert seen(reader, story) == [held.pk]
    assert seen(author, story) == []
    assert seen(UserFactory(), story) == []
    assert selectors.comments_for(viewer=reader, target=story)[0].waiting


def test_a_comment_a_moderator_hid_is_seen_by_its_writer_only_and_goes_back_to_review_when_edited(story, reader):
    moderator = UserFactory()
    services.grant_role(actor=None, user=moderator, role=Role.MODERATOR)
    hidden = comment(reader, story)
    moderation.hide_content(actor=moderator, obj=hidden, reason="Unkind")

    assert seen(reader, story) == [hidden.pk]
    assert seen(UserFactory(), story) == []
    edited = services.edit_comment(actor=reader, comment=Comment.objects.get(pk=hidden.pk), body=kind()).obj
    assert edited.visibility == Visibility.HELD


# Editing and deleting


def test_only_the_writer_edits_or_deletes_a_comment(story, author, reader):
    theirs = comment(reader, story)

    with pytest.raises(PermissionDenied):
        services.edit_comment(actor=author, comment=theirs, body=kind())
    with pytest.raises(PermissionDenied):
        services.delete_comment(actor=author, comment=theirs)

    assert Comment.objects.get(pk=theirs.pk).body == theirs.body


def test_editing_a_comment_marks_it_edited_unless_nothing_changed(story, reader):
    text = kind("I felt exactly the same last winter")
    mine = comment(reader, story, text)

    same = services.edit_comment(actor=reader, comment=mine, body=text).obj
    assert same.edited_at is None and Comment.objects.get(pk=mine.pk).visibility == Visibility.PUBLISHED

    changed = services.edit_comment(actor=reader, comment=mine, body=kind("I felt the same")).obj
    assert changed.edited_at is not None
    assert changed.visibility == Visibility.PUBLISHED


def test_a_deleted_comment_with_replies_leaves_a_placeholder(story, author, reader):
    top = comment(reader, story)
    reply = comment(author, story, parent=top)

    services.delete_comment(actor=reader, comment=top)

    row = Comment.objects.get(pk=top.pk)
    assert row.is_deleted and row.body == ""
    shown = selectors.comments_for(viewer=UserFactory(), target=story)
    assert [(item.comment.pk, item.deleted) for item in shown] == [(top.pk, True)]
    assert [item.comment.pk for item in shown[0].replies] == [reply.pk]


def test_a_deleted_comment_without_replies_is_gone(story, reader):
    mine = comment(reader, story)

    services.delete_comment(actor=reader, comment=mine)

    assert not Comment.objects.filter(pk=mine.pk).exists()
    assert seen(reader, story) == []


def test_when_the_last_reply_goes_the_placeholder_goes_too(story, author, reader):
    top = comment(reader, story)
    reply = comment(author, story, parent=top)
    services.delete_comment(actor=reader, comment=top)

    services.delete_comment(actor=author, comment=reply)

    assert not Comment.objects.exists()


def test_a_placeholder_whose_replies_nobody_can_see_is_not_shown(story, author, reader):
    top = comment(reader, story)
    held = comment(author, story, CRISIS, parent=top)
    services.delete_comment(actor=reader, comment=top)

    assert seen(UserFactory(), story) == []
    assert seen(author, story) == [top.pk, held.pk]  # the writer still sees their held reply under it


def test_a_deleted_second_level_reply_stays_only_while_a_deeper_reply_shows(story, author, reader):
    top = comment(author, story)
    middle = comment(reader, story, parent=top)
    deeper = comment(author, story, parent=middle)
    services.delete_comment(actor=reader, comment=middle)
    viewer = UserFactory()

    assert seen(viewer, story) == [top.pk, middle.pk, deeper.pk]
    Comment.objects.filter(pk=deeper.pk).update(visibility=Visibility.HIDDEN)
    assert seen(viewer, story) == [top.pk]


# Threads


def test_threads_show_two_levels_and_flatten_deeper_replies_saying_whom_they_answer(story, author, reader):
    third = UserFactory()
    top = comment(reader, story)
    second = comment(author, story, parent=top)
    third_level = comment(third, story, parent=second)
    fourth_level = comment(reader, story, parent=third_level)
    other_top = comment(third, story)

    shown = selectors.comments_for(viewer=UserFactory(), target=story)

    assert [item.comment.pk for item in shown] == [top.pk, other_top.pk]
    replies = shown[0].replies
    assert [item.comment.pk for item in replies] == [second.pk, third_level.pk, fourth_level.pk]
    assert [item.replying_to for item in replies] == [None, author, third]
    assert all(item.replies == [] for item in replies)
    assert shown[1].replies == []


def test_replies_under_a_comment_nobody_else_can_see_are_not_shown(story, author, reader):
    top = comment(reader, story)
    reply = comment(author, story, parent=top)
    moderator = UserFactory()
    services.grant_role(actor=None, user=moderator, role=Role.MODERATOR)
    moderation.hide_content(actor=moderator, obj=top, reason="Unkind")

    assert seen(UserFactory(), story) == []
    assert seen(reader, story) == [top.pk, reply.pk]


def test_the_authors_approval_list_leaves_out_people_they_blocked(author, reader):
    story = post(author, comments_need_approval=True)
    comment(reader, story)
    assert selectors.pending_comments(owner=author).count() == 1

    services.block(actor=author, user=reader)

    assert list(selectors.pending_comments(owner=author)) == []
