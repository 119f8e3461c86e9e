"""seed_demo's direct messages: one accepted conversation between two adults and one message request, written
through the services (screened) and only once."""

import io

import pytest
from django.core.management import call_command

from community.models import Conversation, Message, User
from community.selectors import messages as selectors
from moderation.models import Visibility

pytestmark = pytest.mark.django_db


def seed() -> None:
    call_command("seed_demo", stdout=io.StringIO(), stderr=io.StringIO())


def test_seed_demo_adds_an_accepted_conversation_and_a_request_once():
    seed()
    seed()

    sam, maya, amara = (User.objects.get(handle=handle) for handle in ("sam", "maya_moves", "dr_amara"))
    accepted = selectors.conversation_between(sam, maya)
    request = selectors.conversation_between(amara, sam)
    assert accepted.status == Conversation.Status.ACCEPTED and accepted.messages.count() == 3
    assert request.status == Conversation.Status.REQUEST and request.started_by == amara
    assert request.messages.count() == 1
    assert Conversation.objects.count() == 2
    assert not Message.objects.exclude(visibility=Visibility.PUBLISHED).exists()
    assert selectors.conversations(viewer=sam, box=selectors.REQUESTS).count() == 1
    assert not any(User.objects.get(handle="jo_teen").pk in c.participant_ids() for c in Conversation.objects.all())
