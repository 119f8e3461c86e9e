"""seed_demo's stories, conversations, reactions and follows: written through the services, and only once."""

import io

import pytest
from django.core.management import call_command

from community.models import Comment, Follow, HiddenWord, Reaction, Story, TagFollow, User
from moderation.models import Visibility

pytestmark = pytest.mark.django_db


def seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def counts() -> dict:
    return {
        model.__name__: model.objects.count() for model in (Story, Comment, Reaction, Follow, TagFollow, HiddenWord)
    }


def test_seed_demo_adds_stories_conversations_reactions_and_follows_once():
    seed()
    first = counts()

    output = seed()

    assert counts() == first
    assert "0 story(ies), 0 comment(s) created" in output
    assert first["Story"] >= 5 and first["Comment"] >= 5 and first["Reaction"] >= 5 and first["Follow"] >= 3
    assert first["TagFollow"] >= 1


def test_seed_demo_stories_show_warnings_anonymity_and_threads():
    seed()

    stories = Story.objects.filter(status=Story.Status.POSTED)
    assert not stories.exclude(visibility=Visibility.PUBLISHED).exists()  # screening let every demo story through
    assert stories.exclude(content_warnings=[]).count() >= 2
    assert stories.filter(anonymous=True).exists()
    assert stories.filter(featured=True).exists()
    assert Comment.objects.filter(parent__isnull=False).exists()  # at least one reply
    assert Comment.objects.filter(approval=Comment.Approval.PENDING).exists()  # one waits for its author


def test_the_demo_member_sees_a_feed_that_ends(client):
    seed()
    client.force_login(User.objects.get(handle="sam"))

    html = client.get("/").content.decode()

    assert html.count('class="card story-card"') >= 4
    assert "data-caught-up" in html
    assert "an anonymous member" in html


def test_demo_people_are_not_new_accounts_so_the_demo_can_start_a_conversation():
    """A new account can't start a direct message; the demo people have been members for a month."""
    from community.selectors import messages as message_selectors
    from moderation import trust

    seed()
    sam, harbour = User.objects.get(handle="sam"), User.objects.get(handle="calm_harbour")

    assert trust.standing(sam) != "new"
    assert "New accounts" not in str(message_selectors.may_start(sam, harbour).reason or "")
