"""Fixes from a review: hosts' list of removed comments, a block back in a conversation, and host actions made
twice at once."""

import pytest

from community import services as community_services
from community.models import Circle, Comment
from community.selectors import circles as circle_selectors
from community.selectors import messages as message_selectors
from community.services import add_comment
from community.services import circles as circle_services
from community.services import messages as message_services
from moderation import services as moderation
from moderation.models import AuditEntry

from .messages import mutual, person
from .test_circles_fixtures import adult, join, make_circle, moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def removed_comment():
    circle = make_circle(title="Review circle", age_group=Circle.AgeGroup.ADULTS)
    host = circle_selectors.hosts_of(circle)[0]
    writer, commenter = join(circle, adult()), join(circle, adult())
    post = circle_services.write_post(actor=writer, circle=circle, body="What got you through this week?").obj
    comment = add_comment(actor=commenter, target=post, body="Long walks and my sister's jokes.").obj
    circle_services.remove_comment(actor=host, comment=comment)
    return host, post, Comment.objects.get(pk=comment.pk)


def test_hosts_see_a_comment_they_removed_until_a_moderator_hides_it(removed_comment):
    host, post, comment = removed_comment
    assert [c.pk for c in circle_selectors.removed_comments(viewer=host, post=post)] == [comment.pk]

    moderation.hide_content(actor=moderator(), obj=comment, reason="Personal details")

    assert circle_selectors.removed_comments(viewer=host, post=post) == []


def test_hosts_do_not_see_removed_comments_across_a_block(removed_comment):
    host, post, comment = removed_comment
    community_services.block(actor=comment.author, user=host)

    assert circle_selectors.removed_comments(viewer=host, post=post) == []


def test_restoring_twice_at_once_restores_once_with_one_audit_entry(removed_comment):
    host, _post, comment = removed_comment
    stale = Comment.objects.get(pk=comment.pk)

    circle_services.restore_comment(actor=host, comment=comment)
    circle_services.restore_comment(actor=host, comment=stale)  # a second tab, loaded before the first restore

    assert Comment.objects.get(pk=comment.pk).approval == Comment.Approval.APPROVED
    assert AuditEntry.objects.filter(action="circle.comment_restore", target_id=str(comment.pk)).count() == 1


def test_a_block_back_does_not_take_the_first_blockers_view_of_who_bothered_them():
    lee, sky = person("lee"), person("sky")
    mutual(lee, sky)
    conversation = message_services.start_conversation(
        actor=sky, recipient=lee, body="Hey, are you there?"
    ).conversation
    community_services.block(actor=lee, user=sky)  # Lee blocks Sky first
    assert message_selectors.withheld_from(sky, conversation)  # Sky no longer sees Lee's name
    assert not message_selectors.withheld_from(lee, conversation)

    community_services.block(actor=sky, user=lee)  # Sky blocks back

    assert not message_selectors.withheld_from(lee, conversation)  # Lee still knows who it was
    assert message_selectors.withheld_from(sky, conversation)
