"""Circles, chats, direct messages and notifications in the admin: moderators can see what they need to act on,
and nothing more. A direct message's words are shown only when screening held it or a moderator hid it."""

import pytest
from django.contrib.auth.models import Group

from community.models import Conversation, Message
from moderation import services as moderation
from moderation.models import Visibility
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

PRIVATE = "I told my sister about the panic attacks today"
HELD = "I have the pills saved up and tonight is the night, goodbye"


def signed_in(client, user):
    client.force_login(user)
    session = client.session
    session["hearten_mfa_verified"] = True
    session.save()
    return client


@pytest.fixture
def moderator(db):
    user = StaffFactory(handle="mod", is_superuser=False)
    user.groups.add(Group.objects.get(name="moderator"))
    return user


def send(conversation, sender, body) -> Message:
    message = Message(conversation=conversation, sender=sender, body=body)
    decision = moderation.screen(text=body, kind="message", author=sender)
    moderation.record_screening(message, decision, confirmed=True)
    message.save()
    return message


@pytest.fixture
def conversation(db):
    ana, ben = UserFactory(handle="ana"), UserFactory(handle="ben")
    return (
        Conversation.objects.create(
            pair_key=Conversation.key_for(ana.pk, ben.pk), started_by=ana, recipient=ben, status="accepted"
        ),
        ana,
        ben,
    )


def test_a_published_direct_message_keeps_its_words_private_from_moderators(client, moderator, conversation):
    thread, ana, _ben = conversation
    message = send(thread, ana, PRIVATE)
    assert message.visibility == Visibility.PUBLISHED
    signed_in(client, moderator)

    listing = client.get("/admin/community/message/").content.decode()
    detail = client.get(f"/admin/community/message/{message.pk}/change/").content.decode()
    thread_page = client.get(f"/admin/community/conversation/{thread.pk}/change/").content.decode()

    assert client.get("/admin/community/message/").status_code == 200
    for page in (listing, detail, thread_page):
        assert "panic attacks" not in page
    assert "@ana" in listing
    assert "private: shown only when screening holds" in detail


def test_a_held_direct_message_is_readable_by_the_moderator_who_reviews_it(client, moderator, conversation):
    thread, ana, _ben = conversation
    message = send(thread, ana, HELD)
    assert message.visibility == Visibility.HELD
    signed_in(client, moderator)

    detail = client.get(f"/admin/community/message/{message.pk}/change/").content.decode()

    assert "pills saved up" in detail


def test_members_cannot_open_the_private_admin_lists(client, conversation):
    signed_in(client, UserFactory(is_staff=False))
    for path in ("/admin/community/message/", "/admin/community/conversation/", "/admin/community/circle/"):
        assert client.get(path).status_code == 302  # to the admin sign-in: not a member's place
