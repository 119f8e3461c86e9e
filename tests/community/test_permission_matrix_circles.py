"""Who may do what with a post in a support circle, and with its writer in private: each person against view,
comment, react, message (start a conversation with the post's writer) and moderate (take the post down).

The post is written by an adult member of an adults' circle; the writer follows the people they know.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from community import services
from community.models import Circle, Conversation, Follow
from community.selectors import circles as circle_selectors
from community.services import circles as circle_services
from community.services import messages as message_services
from moderation import services as moderation

from .test_circles_fixtures import adult, join, make_circle, minor, moderator

pytestmark = pytest.mark.django_db

ACTIONS = ("view", "comment", "react", "message", "moderate")

# A letter allows the action, "-" refuses it.
MATRIX = {
    "visitor": "-----",
    "member outside the circle": "-----",
    "circle member": "VCR--",
    "circle member the writer follows": "VCRS-",
    "circle host": "VCR-M",
    "circle member the writer blocked": "-----",
    "circle member who blocked the writer": "-----",
    "minor": "-----",
    "moderator": "V---M",
}
CELLS = [
    pytest.param(person, action, allowed[index] != "-", id=f"{person}-{action}")
    for person, allowed in MATRIX.items()
    for index, action in enumerate(ACTIONS)
]


def scene(person: str):
    """The circle post and the person trying, as the row says."""
    circle = make_circle(
        title="Night owls", age_group=Circle.AgeGroup.ADULTS, join_policy=Circle.JoinPolicy.OPEN, time_zone="UTC"
    )
    writer = join(circle, adult())
    post = circle_services.write_post(
        actor=writer, circle=circle, body="Writing down three worries helped tonight."
    ).obj
    if person == "visitor":
        from django.contrib.auth.models import AnonymousUser

        return post, AnonymousUser()
    if person == "member outside the circle":
        return post, adult()
    if person == "minor":
        return post, minor()
    if person == "moderator":
        return post, moderator()
    if person == "circle host":
        return post, circle_selectors.hosts_of(circle)[0]
    actor = join(circle, adult(date_joined=timezone.now() - timedelta(days=30)))  # not a new account
    if person == "circle member the writer follows":
        Follow.objects.create(follower=writer, followed=actor)
    elif person == "circle member the writer blocked":
        services.block(actor=writer, user=actor)
    elif person == "circle member who blocked the writer":
        services.block(actor=actor, user=writer)
    return post, actor


def attempt(action: str, post, actor) -> bool:
    """Try the action; True if it was allowed (and done), False if refused (and nothing was saved)."""
    if action == "view":
        return circle_selectors.post_for(viewer=actor, circle=post.circle, pk=post.pk) is not None
    if not getattr(actor, "is_authenticated", False):
        return False  # a visitor has no way to write at all: the pages and the API ask them to sign in
    try:
        if action == "comment":
            services.add_comment(actor=actor, target=post, body="Thank you for sharing this, it helps.")
        elif action == "react":
            services.react(actor=actor, target=post, kind="support")
        elif action == "message":
            before = Conversation.objects.count()
            message_services.start_conversation(actor=actor, recipient=post.author, body="Hi, your post helped me.")
            return Conversation.objects.count() == before + 1
        elif action == "moderate":
            if moderation.can_moderate(actor):
                moderation.hide_content(actor=actor, obj=post, reason="Checking the matrix")
            else:
                circle_services.remove_post(actor=actor, post=post)
    except (PermissionDenied, ValidationError):
        return False
    return True


@pytest.mark.parametrize(("person", "action", "allowed"), CELLS)
def test_circle_permission_matrix(person, action, allowed):
    post, actor = scene(person)

    assert attempt(action, post, actor) is allowed


def test_the_matrix_covers_every_person_and_action():
    assert len(CELLS) == len(MATRIX) * len(ACTIONS)
    assert all(len(row) == len(ACTIONS) for row in MATRIX.values())
