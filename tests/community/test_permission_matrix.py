"""Who may do what with a story: each person against each audience, for view, comment, react and moderate.

One table says it all; each cell is a test that sets the scene from scratch and tries the action through the
same selector and services the pages and the API use.
"""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from community import selectors, services
from community.models import Comment, Reaction, Role, Story
from moderation import services as moderation
from moderation.models import Visibility
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ACTIONS = ("view", "comment", "react", "moderate")

# What each person can do with a story by `author`, per audience. A letter allows the action, "-" refuses it:
# V view, C comment, R react, M moderate (hide it, as moderators do in the admin).
# fmt: off
MATRIX = {
    #                            public  members followers
    "visitor":                  ("V---", "----", "----"),
    "member":                   ("VCR-", "VCR-", "----"),
    "follower":                 ("VCR-", "VCR-", "VCR-"),
    "author":                   ("VCR-", "VCR-", "VCR-"),
    "blocked by the author":    ("----", "----", "----"),
    "who blocked the author":   ("----", "----", "----"),
    "follower, then blocked":   ("----", "----", "----"),
    "moderator":                ("VCRM", "VCRM", "---M"),
    "visitor, minor author":    ("----", "----", "----"),
    "member, minor author":     ("VCR-", "VCR-", "----"),
}
# fmt: on
AUDIENCES = ("public", "members", "followers")
CELLS = [
    pytest.param(person, audience, action, allowed[index] != "-", id=f"{person}-{audience}-{action}")
    for person, row in MATRIX.items()
    for audience, allowed in zip(AUDIENCES, row, strict=True)
    for index, action in enumerate(ACTIONS)
]


def scene(person: str, audience: str):
    """The story, and the person trying, as the row says."""
    author = UserFactory()
    if "minor author" in person:
        author.minor_until = date.today() + timedelta(days=400)
        author.save(update_fields=["minor_until"])
        if audience == "public":
            audience = "members"  # what a minor gets: "everyone" is refused for them (test below)
    story = services.save_story(
        actor=author, data={"body": "Talking to my friend about it helped.", "audience": audience}, post=True
    ).obj
    assert story.visibility == Visibility.PUBLISHED
    if person.startswith("visitor"):
        return story, AnonymousUser()
    if person == "author":
        return story, author
    actor = UserFactory()
    if person == "moderator":
        services.grant_role(actor=None, user=actor, role=Role.MODERATOR)
    if person.startswith("follower"):
        services.follow(actor=actor, user=author)
    if person in ("blocked by the author", "follower, then blocked"):
        services.block(actor=author, user=actor)
    if person == "who blocked the author":
        services.block(actor=actor, user=author)
    return story, actor


def attempt(action: str, story: Story, actor) -> bool:
    """Try the action; True if it was allowed (and done), False if refused (and nothing was saved)."""
    if action == "view":
        found = selectors.story_for_viewer(viewer=actor, pk=story.pk) is not None
        listed = story.pk in {item.pk for item in selectors.stories_by(viewer=actor, author=story.author).stories}
        assert found == listed, "the story page and the person's page disagree"
        return found
    try:
        if action == "comment":
            services.add_comment(actor=actor, target=story, body="This means a lot, thank you.")
        elif action == "react":
            services.react(actor=actor, target=story, kind="support")
        else:
            moderation.hide_content(actor=actor, obj=story, reason="Checking the matrix")
    except (PermissionDenied, ValidationError):
        assert not Comment.objects.exists() and not Reaction.objects.exists()
        assert Story.objects.get(pk=story.pk).visibility == Visibility.PUBLISHED
        return False
    return True


@pytest.mark.parametrize(("person", "audience", "action", "allowed"), CELLS)
def test_permission_matrix(person, audience, action, allowed):
    story, actor = scene(person, audience)

    assert attempt(action, story, actor) is allowed


def test_the_matrix_covers_every_person_audience_and_action():
    assert len(CELLS) == len(MATRIX) * len(AUDIENCES) * len(ACTIONS)
    assert all(len(cell) == len(ACTIONS) for row in MATRIX.values() for cell in row)


def test_a_minor_cannot_post_to_everyone_and_gets_members_by_default(db):
    from django.core.exceptions import ValidationError

    teen = UserFactory(minor_until=date.today() + timedelta(days=400))
    with pytest.raises(ValidationError) as error:
        services.save_story(actor=teen, data={"body": "My week was good.", "audience": "public"}, post=True)
    assert "audience" in error.value.message_dict
    story = services.save_story(actor=teen, data={"body": "My week was good."}, post=True).obj
    assert story.audience == "members"
