"""Direct messages through the services and selectors: who may write to whom, requests, screening, reading,
deleting, archiving, blocking, notifications and the unread count.

Decided here (and in community.selectors.messages): a member under 18 may start a conversation with an adult
only when they follow each other; an adult may write to a member under 18 only if that member follows them;
and a conversation between an adult and a minor stays usable, both ways, only while the minor follows the adult.
"""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community import services as community_services
from community.models import (
    MAX_MESSAGE,
    Conversation,
    ConversationState,
    Message,
    MessagesFrom,
    Notification,
)
from community.selectors import messages as selectors
from community.services import NeedsConfirmation
from community.services import messages as services
from moderation import services as moderation
from moderation.models import Rule, Visibility
from tests.community.messages import mutual, person
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

CRISIS = "I'm going to kill myself tonight, I have the pills ready."
KIND = "Thinking of you today, hope the walk helped."


def minor(handle, **fields):
    fields.setdefault("messages_from", MessagesFrom.FOLLOWING)
    return person(handle, minor_until=date.today() + timedelta(days=400), **fields)


def start(actor, recipient, body=KIND, **kwargs):
    return services.start_conversation(actor=actor, recipient=recipient, body=body, **kwargs)


def refusal(error) -> tuple[str, str]:
    """(field, message) of a one-field ValidationError."""
    ((field, problems),) = error.message_dict.items()
    return field, problems[0]


def message_notifications(user):
    return Notification.objects.filter(recipient=user, kind=Notification.Kind.MESSAGE)


# Starting a conversation


def test_people_who_follow_each_other_start_an_accepted_conversation(sky, lee):
    mutual(sky, lee)

    sent = start(sky, lee)

    conversation = sent.conversation
    assert sent.created and conversation.status == Conversation.Status.ACCEPTED and conversation.accepted_at
    assert conversation.pair_key == Conversation.key_for(sky.pk, lee.pk)
    assert (conversation.started_by, conversation.recipient) == (sky, lee)
    assert ConversationState.objects.filter(conversation=conversation).count() == 2
    assert conversation.last_message_at == sent.message.created_at
    # Both can write at once.
    services.send_message(actor=lee, conversation=conversation, body="Thank you, it really did.")
    services.send_message(actor=sky, conversation=conversation, body="So glad to hear it.")
    assert conversation.messages.count() == 3


def test_otherwise_it_is_a_request_of_one_message_until_accepted(sky, lee):
    sent = start(sky, lee)
    conversation = sent.conversation
    assert conversation.status == Conversation.Status.REQUEST and conversation.accepted_at is None

    with pytest.raises(ValidationError) as waiting:
        services.send_message(actor=sky, conversation=conversation, body="Did you get my message?")
    assert refusal(waiting.value) == (
        "conversation",
        "Your message request is waiting: you can send more once @lee accepts it.",
    )
    with pytest.raises(ValidationError) as first:
        services.send_message(actor=lee, conversation=conversation, body="Hi!")
    assert refusal(first.value) == ("conversation", "Accept the request to reply.")

    services.accept(actor=lee, conversation=conversation)

    assert conversation.status == Conversation.Status.ACCEPTED
    services.send_message(actor=lee, conversation=conversation, body="Hi! Thank you for writing.")
    services.send_message(actor=sky, conversation=conversation, body="Of course.")
    assert conversation.messages.count() == 3


def test_writing_again_goes_to_the_conversation_they_already_have(sky, lee):
    mutual(sky, lee)
    first = start(sky, lee)

    again = start(lee, sky, body="Writing back from your profile.")

    assert not again.created and again.conversation.pk == first.conversation.pk
    assert Conversation.objects.count() == 1


def test_only_the_sender_can_be_refused_more_than_one_request_message_and_a_second_start_says_waiting(sky, lee):
    start(sky, lee)
    with pytest.raises(ValidationError) as waiting:
        start(sky, lee, body="Hello again?")
    assert "waiting" in refusal(waiting.value)[1]
    assert Message.objects.count() == 1


def test_an_ignored_request_stays_waiting_to_its_sender_and_can_be_accepted_later(sky, lee):
    conversation = start(sky, lee).conversation

    services.ignore(actor=lee, conversation=conversation)

    assert conversation.status == Conversation.Status.IGNORED
    # The sender is not told: it still reads as waiting to them, and they can't send more.
    assert selectors.may_send(sky, conversation).code == "waiting"
    assert [item.waiting for item in selectors.inbox_items(selectors.conversations(viewer=sky), viewer=sky)] == [True]
    assert not selectors.conversations(viewer=lee, box=selectors.REQUESTS).exists()
    assert selectors.conversations(viewer=lee, box=selectors.IGNORED).count() == 1
    assert not Notification.objects.filter(recipient=sky).exists()  # nothing tells the sender
    services.accept(actor=lee, conversation=conversation)
    assert selectors.may_send(sky, conversation).allowed


def test_only_the_recipient_accepts_or_ignores(sky, lee):
    conversation = start(sky, lee).conversation
    with pytest.raises(ValidationError):
        services.accept(actor=sky, conversation=conversation)
    with pytest.raises(ValidationError):
        services.ignore(actor=sky, conversation=conversation)
    with pytest.raises(PermissionDenied):
        services.accept(actor=person("outsider"), conversation=conversation)
    assert Conversation.objects.get().status == Conversation.Status.REQUEST


# The recipient's setting: who can message me


def test_messages_from_nobody_refuses_everyone_even_people_they_follow_each_other_with(sky, lee):
    mutual(sky, lee)
    lee.messages_from = MessagesFrom.NOBODY
    lee.save(update_fields=["messages_from"])

    with pytest.raises(ValidationError) as refused:
        start(sky, lee)

    assert refusal(refused.value) == ("recipient", "@lee isn't taking new messages.")
    assert not Conversation.objects.exists()


def test_messages_from_following_lets_only_people_they_follow_start_a_request(sky, lee):
    lee.messages_from = MessagesFrom.FOLLOWING
    lee.save(update_fields=["messages_from"])
    with pytest.raises(ValidationError) as refused:
        start(sky, lee)
    assert refusal(refused.value) == ("recipient", "@lee only gets messages from people they follow.")

    community_services.follow(actor=lee, user=sky)  # lee follows sky (not back): sky may send a request
    assert start(sky, lee).conversation.status == Conversation.Status.REQUEST


def test_messages_from_everyone_lets_any_member_send_a_request(sky, lee):
    assert start(sky, lee).conversation.status == Conversation.Status.REQUEST


# Members under 18


def test_an_adult_cannot_message_a_minor_who_does_not_follow_them_and_is_not_told_why(sky):
    jo = minor("jo", messages_from=MessagesFrom.EVERYONE)  # (the settings page doesn't offer this to minors)
    community_services.follow(actor=sky, user=jo)
    jo_adult = person("jo_adult", messages_from=MessagesFrom.FOLLOWING)  # an adult with "people they follow"
    community_services.follow(actor=sky, user=jo_adult)

    with pytest.raises(ValidationError) as refused:
        start(sky, jo)
    with pytest.raises(ValidationError) as refused_by_setting:
        start(sky, jo_adult)

    # Word for word what an adult's setting says, with the same code: nothing tells the two apart.
    field, message = refusal(refused.value)
    assert (field, message) == ("recipient", "@jo only gets messages from people they follow.")
    assert refusal(refused_by_setting.value) == ("recipient", message.replace("@jo", "@jo_adult"))
    minor_verdict, adult_verdict = selectors.may_start(sky, jo), selectors.may_start(sky, jo_adult)
    assert minor_verdict.code == adult_verdict.code == refused.value.error_dict["recipient"][0].code == "refused"
    assert minor_verdict.reason.replace("@jo", "@jo_adult") == adult_verdict.reason
    assert not any(word in message for word in ("18", "under", "minor", "young", " age"))
    assert selectors.message_link(viewer=sky, person=jo) == ""


def test_an_adult_a_minor_follows_may_send_them_a_request(sky):
    jo = minor("jo_teen")
    community_services.follow(actor=jo, user=sky)

    conversation = start(sky, jo).conversation

    assert conversation.status == Conversation.Status.REQUEST


def test_a_minor_may_start_with_an_adult_only_when_they_follow_each_other(sky):
    jo = minor("jo_teen")
    community_services.follow(actor=jo, user=sky)  # following sky is not enough

    with pytest.raises(ValidationError) as refused:
        start(jo, sky)
    assert refusal(refused.value) == ("recipient", "You can message @sky once you follow each other.")

    community_services.follow(actor=sky, user=jo)
    assert start(jo, sky).conversation.status == Conversation.Status.ACCEPTED


def test_a_conversation_between_an_adult_and_a_minor_closes_both_ways_when_the_minor_unfollows(sky):
    jo = minor("jo_teen")
    mutual(sky, jo)
    conversation = start(jo, sky).conversation

    community_services.unfollow(actor=jo, user=sky)

    # In a conversation, the words a block or a suspended account also gets.
    assert selectors.may_send(sky, conversation).reason == "You can't reply in this conversation."
    assert selectors.may_send(jo, conversation).reason == "You can message @sky again once you follow them."
    with pytest.raises(ValidationError):
        services.send_message(actor=sky, conversation=conversation, body="Are you there?")


def test_minors_write_to_each_other_under_the_usual_rules():
    jo, kai = minor("jo_teen"), minor("kai_teen")
    community_services.follow(actor=kai, user=jo)
    assert start(jo, kai).conversation.status == Conversation.Status.REQUEST


def test_messages_with_a_minor_are_screened_as_a_space_for_minors(sky):
    jo = minor("jo_teen")
    mutual(sky, jo)

    sent = start(sky, jo, body="This helped me: https://example.org/breathing")

    assert sent.held  # links in spaces for young people wait for a moderator


# New accounts


def test_a_new_account_cannot_start_a_conversation_but_can_reply(lee):
    newcomer = person("newcomer", days=1)
    mutual(newcomer, lee)

    with pytest.raises(ValidationError) as refused:
        start(newcomer, lee)
    assert "New accounts can start conversations after a few days: you can start one in 2 days." in str(refused.value)
    assert not selectors.may_start(newcomer, lee).allowed

    conversation = start(lee, newcomer).conversation
    services.send_message(actor=newcomer, conversation=conversation, body="Thank you for the welcome!")
    assert conversation.messages.filter(sender=newcomer).count() == 1


def test_a_new_account_one_day_from_starting_is_told_one_day(lee):
    newcomer = person("almost", days=2)

    assert selectors.may_start(newcomer, lee).reason.startswith(
        "New accounts can start conversations after a few days: you can start one in 1 day. Until then"
    )


def test_the_new_account_wait_comes_from_the_trust_settings(lee):
    newcomer = person("newcomer", days=1)
    moderation.save_trust_settings(actor=StaffFactory(), data={"new_account_message_days": 0})

    assert start(newcomer, lee).created


# Blocks and oneself


def test_blocked_either_way_is_refused_with_the_words_of_messages_from_nobody(sky, lee):
    ash = person("ash", messages_from=MessagesFrom.NOBODY)
    with pytest.raises(ValidationError) as by_setting:
        start(sky, ash)
    community_services.block(actor=lee, user=sky)

    for actor, other in ((sky, lee), (lee, sky)):
        with pytest.raises(ValidationError) as refused:
            start(actor, other)
        field, message = refusal(refused.value)
        assert (field, message) == ("recipient", f"@{other.handle} isn't taking new messages.")
        assert refusal(by_setting.value) == (field, message.replace(f"@{other.handle}", "@ash"))
        assert refused.value.error_dict["recipient"][0].code == by_setting.value.error_dict["recipient"][0].code
        assert selectors.may_start(actor, other).code == selectors.may_start(sky, ash).code == "refused"
        assert "block" not in message.lower()
    assert not Conversation.objects.exists()


def test_a_suspended_account_reads_as_not_taking_messages(sky, lee):
    lee.is_active = False
    lee.save(update_fields=["is_active"])

    assert selectors.may_start(sky, lee).reason == "@lee isn't taking new messages."


def test_after_a_block_the_conversation_is_closed_both_ways(sky, lee):
    mutual(sky, lee)
    conversation = start(sky, lee).conversation

    community_services.block(actor=sky, user=lee)  # from the profile, not the conversation

    for actor in (sky, lee):
        verdict = selectors.may_send(actor, conversation)
        assert (verdict.allowed, verdict.reason, verdict.code) == (
            False,
            "You can't reply in this conversation.",
            "refused",
        )
        with pytest.raises(ValidationError):
            services.send_message(actor=actor, conversation=conversation, body="Hello?")
    assert conversation.messages.count() == 1


def test_blocking_from_the_conversation_blocks_and_archives_it_for_the_blocker(sky, lee):
    mutual(sky, lee)
    conversation = start(sky, lee).conversation

    services.block_from_conversation(actor=lee, conversation=conversation)

    assert community_services.blocked_between(sky, lee)
    assert not selectors.conversations(viewer=lee).exists()
    assert selectors.conversations(viewer=lee, box=selectors.ARCHIVED).count() == 1
    assert not selectors.may_send(sky, conversation).allowed
    with pytest.raises(ValidationError):
        services.send_message(actor=sky, conversation=conversation, body="Hello?")


def test_a_blocked_request_cannot_be_accepted(sky, lee):
    conversation = start(sky, lee).conversation
    community_services.block(actor=sky, user=lee)

    with pytest.raises(ValidationError):
        services.accept(actor=lee, conversation=conversation)


def test_nobody_messages_themselves(sky):
    with pytest.raises(ValidationError) as refused:
        start(sky, sky)
    assert refusal(refused.value) == ("recipient", "You can't message yourself.")


def test_a_suspended_member_cannot_send(sky, lee):
    mutual(sky, lee)
    conversation = start(sky, lee).conversation
    sky.is_active = False

    with pytest.raises(PermissionDenied):
        services.send_message(actor=sky, conversation=conversation, body="Hello")


# Screening


def test_an_empty_or_too_long_message_is_refused_naming_the_body(sky, lee):
    for body in ("   ", "x" * (MAX_MESSAGE + 1)):
        with pytest.raises(ValidationError) as refused:
            start(sky, lee, body=body)
        assert refusal(refused.value)[0] == "body"
    assert not Conversation.objects.exists()


def test_a_nudged_message_asks_first_then_sends_when_confirmed(sky, lee):
    mutual(sky, lee)
    moderation.save_rule(actor=StaffFactory(), data={"pattern": "durian", "action": Rule.Action.NUDGE})

    with pytest.raises(NeedsConfirmation) as nudged:
        start(sky, lee, body="You smell like durian.")
    assert "body" in nudged.value.message_dict and not Conversation.objects.exists()

    sent = start(sky, lee, body="You smell like durian.", confirmed=True)
    assert sent.message.visibility == Visibility.PUBLISHED


def test_a_refused_message_is_not_saved(sky, lee):
    moderation.save_rule(actor=StaffFactory(), data={"pattern": "durian", "action": Rule.Action.BLOCK})

    with pytest.raises(ValidationError) as refused:
        start(sky, lee, body="durian durian")

    assert refusal(refused.value)[0] == "body"
    assert not Conversation.objects.exists() and not Message.objects.exists()


def test_a_held_message_is_seen_only_by_its_sender_and_tells_no_one(sky, lee, django_capture_on_commit_callbacks):
    mutual(sky, lee)
    with django_capture_on_commit_callbacks(execute=True):
        conversation = start(sky, lee).conversation
    before = Conversation.objects.get().last_message_at

    with django_capture_on_commit_callbacks(execute=True):
        sent = services.send_message(actor=sky, conversation=conversation, body=CRISIS)

    assert sent.held and sent.decision.crisis
    mine = selectors.thread(viewer=sky, conversation=conversation).messages
    theirs = selectors.thread(viewer=lee, conversation=conversation).messages
    assert [item.message.pk for item in mine][-1] == sent.message.pk and mine[-1].waiting and mine[-1].note
    assert sent.message.pk not in [item.message.pk for item in theirs]
    assert message_notifications(lee).get().count == 1  # the first message only
    assert Conversation.objects.get().last_message_at == before  # nothing moved for lee


def test_a_request_whose_only_message_is_held_does_not_reach_the_recipient(
    sky, lee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = start(sky, lee, body=CRISIS)

    assert sent.held
    assert not selectors.conversations(viewer=lee, box=selectors.REQUESTS).exists()
    assert selectors.unread_conversation_count(lee) == 0
    assert not message_notifications(lee).exists()
    assert selectors.conversations(viewer=sky).count() == 1


# Reading: only the two participants


def test_only_the_two_participants_get_the_conversation_staff_included(sky, lee):
    conversation = start(sky, lee).conversation

    assert selectors.conversation_for(viewer=sky, pk=conversation.pk) == conversation
    assert selectors.conversation_for(viewer=lee, pk=conversation.pk) == conversation
    for outsider in (person("outsider"), StaffFactory(handle="staffer")):
        assert selectors.conversation_for(viewer=outsider, pk=conversation.pk) is None
        assert selectors.thread(viewer=outsider, conversation=conversation).messages == []


def test_the_inbox_lists_accepted_conversations_and_requests_apart(sky, lee):
    ash = person("ash")
    mutual(sky, lee)
    accepted = start(lee, sky).conversation
    request = start(ash, sky).conversation

    inbox = [item.conversation for item in selectors.inbox_items(selectors.conversations(viewer=sky), viewer=sky)]
    requests = selectors.conversations(viewer=sky, box=selectors.REQUESTS)

    assert inbox == [accepted]
    assert [state.conversation for state in requests] == [request]
    assert selectors.box_counts(viewer=sky) == {"requests": 1}


def test_unread_count_and_marking_read(sky, lee):
    mutual(sky, lee)
    conversation = start(sky, lee).conversation
    assert (selectors.unread_conversation_count(sky), selectors.unread_conversation_count(lee)) == (0, 1)

    services.mark_read(actor=lee, conversation=conversation)
    assert selectors.unread_conversation_count(lee) == 0

    services.send_message(actor=sky, conversation=conversation, body="One more thing.")
    start(person("ash"), lee)  # a request counts too
    assert selectors.unread_conversation_count(lee) == 2
    state = ConversationState.objects.get(conversation=conversation, user=lee)
    assert state.last_read_at is not None


def test_a_deleted_message_shows_as_deleted_and_only_its_sender_can_delete_it(sky, lee):
    mutual(sky, lee)
    sent = start(sky, lee)

    with pytest.raises(PermissionDenied):
        services.delete_message(actor=lee, message=sent.message)
    services.delete_message(actor=sky, message=sent.message)

    stored = Message.objects.get()
    assert stored.body == "" and stored.deleted_at is not None
    shown = selectors.thread(viewer=lee, conversation=sent.conversation).messages[0]
    assert shown.deleted and shown.body == ""
    item = selectors.inbox_items(selectors.conversations(viewer=lee), viewer=lee)[0]
    assert item.preview == "Message deleted"


def test_archiving_takes_it_out_of_the_inbox_until_a_new_message(sky, lee):
    mutual(sky, lee)
    conversation = start(sky, lee).conversation

    services.archive(actor=lee, conversation=conversation)
    assert not selectors.conversations(viewer=lee).exists()
    assert selectors.conversations(viewer=lee, box=selectors.ARCHIVED).count() == 1

    services.send_message(actor=sky, conversation=conversation, body="Are you around later?")
    assert selectors.conversations(viewer=lee).count() == 1
    assert not selectors.conversations(viewer=lee, box=selectors.ARCHIVED).exists()


# Notifications


def test_the_recipient_is_notified_once_per_message_grouped_per_conversation(
    sky, lee, django_capture_on_commit_callbacks
):
    mutual(sky, lee)
    with django_capture_on_commit_callbacks(execute=True):
        conversation = start(sky, lee).conversation
    with django_capture_on_commit_callbacks(execute=True):
        second = services.send_message(actor=sky, conversation=conversation, body="And another thing.")

    notification = message_notifications(lee).get()
    assert notification.count == 2 and notification.group_key == f"conversation:{conversation.pk}"
    assert notification.dedupe_key == f"message:{conversation.messages.first().pk}"
    assert second.message.body not in str(notification.data) and KIND not in str(notification.data)
    assert not message_notifications(sky).exists()


def test_a_request_notifies_for_its_first_message_only_in_a_group_of_its_own(
    sky, lee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        conversation = start(sky, lee).conversation
    request = message_notifications(lee).get()
    assert request.data["request"] is True and request.group_key == f"conversation:{conversation.pk}:request"

    with django_capture_on_commit_callbacks(execute=True):
        services.ignore(actor=lee, conversation=conversation)
        services.accept(actor=lee, conversation=conversation)
    assert not message_notifications(sky).exists()  # ignoring (or accepting) tells the sender nothing

    with django_capture_on_commit_callbacks(execute=True):
        services.send_message(actor=sky, conversation=conversation, body="Thank you for accepting.")
    later = message_notifications(lee).exclude(pk=request.pk).get()
    assert later.group_key == f"conversation:{conversation.pk}" and not later.data.get("request")
    assert Notification.objects.get(pk=request.pk).count == 1


# Reading the inbox costs the same whatever its length


def _inbox_queries(viewer) -> int:
    with CaptureQueriesContext(connection) as captured:
        items = selectors.inbox_items(selectors.conversations(viewer=viewer)[:100], viewer=viewer)
        _ = [(item.other.handle if item.other else None, item.preview, item.unread) for item in items]
    return len(captured.captured_queries)


def test_the_inbox_is_one_query_whatever_its_length(sky):
    others = [person(f"friend{n}") for n in range(6)]
    start(others[0], sky)
    one = _inbox_queries(sky)
    for other in others[1:]:
        mutual(sky, other)
        services.send_message(
            actor=other, conversation=start(sky, other).conversation, body="Hello from a friend, how are you?"
        )

    assert len(selectors.inbox_items(selectors.conversations(viewer=sky), viewer=sky)) == 5
    assert _inbox_queries(sky) == one == 1
