"""Direct messages after review: deleting can't erase what a moderator has yet to read, a block stops new
content reaching the person blocked (without saying so), sensitive topics follow the reader's settings, and a
held message a moderator publishes reaches its recipient as a new one would."""

from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone

from community import services as community_services
from community.models import Block, Conversation, ConversationState, Message, Notification, Preferences
from community.selectors import messages as selectors
from community.services import messages as services
from moderation import services as moderation
from tests.community.messages import mutual, person
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

CRISIS = "I'm going to kill myself tonight, I have the pills ready."
URL = "/api/v1/conversations/"


def html(response) -> str:
    return unescape(response.content.decode())


def main_of(response) -> str:
    return html(response).split("<main", 1)[1].split("</main>")[0]


def loaded(message) -> Message:
    return Message.objects.get(pk=message.pk)


@pytest.fixture
def sky():
    return person("sky", display_name="Sky Rivers")


@pytest.fixture
def lee():
    return person("lee", display_name="Lee Moon")


@pytest.fixture
def chat(sky, lee):
    mutual(sky, lee)
    return services.start_conversation(actor=sky, recipient=lee, body="Hello Lee!").conversation


# 1. Deleting a held message


def test_deleting_a_held_message_hides_it_from_both_but_keeps_its_words_for_moderators(sky, lee, chat):
    held = services.send_message(actor=sky, conversation=chat, body=CRISIS).message
    assert held.visibility == "held"
    labels = loaded(held).screening_labels

    services.delete_message(actor=sky, message=held)

    stored = loaded(held)
    assert stored.deleted_at is not None and stored.body == CRISIS and stored.screening_labels == labels
    mine = [item for item in selectors.thread(viewer=sky, conversation=chat).messages if item.message.pk == held.pk]
    assert mine[0].deleted and mine[0].body == ""
    assert held.pk not in [item.message.pk for item in selectors.thread(viewer=lee, conversation=chat).messages]

    moderation.hide_content(actor=StaffFactory(), obj=loaded(held), reason="Checked")  # the moderator decided

    assert loaded(held).body == "" and loaded(held).screening_labels == []


def test_a_deleted_held_message_a_moderator_publishes_stays_deleted_and_loses_its_words(sky, lee, chat):
    held = services.send_message(actor=sky, conversation=chat, body=CRISIS).message
    services.delete_message(actor=sky, message=held)

    moderation.restore_content(actor=StaffFactory(), obj=loaded(held))

    shown = [item for item in selectors.thread(viewer=lee, conversation=chat).messages if item.message.pk == held.pk]
    assert shown[0].deleted and shown[0].body == "" and loaded(held).body == ""
    assert not Notification.objects.filter(recipient=lee, dedupe_key=f"message:{held.pk}").exists()


def test_deleting_a_published_message_forgets_its_words_at_once(sky, chat):
    message = chat.messages.get()

    services.delete_message(actor=sky, message=message)

    assert loaded(message).body == "" and loaded(message).deleted_at is not None


def test_the_page_tells_the_sender_moderators_keep_a_deleted_held_message(client, sky, chat):
    held = services.send_message(actor=sky, conversation=chat, body=CRISIS).message
    client.force_login(sky)

    page = client.post(f"/messages/{chat.pk}/messages/{held.pk}/delete/", follow=True)

    assert "Moderators keep its words until they have decided about it." in html(page)
    assert CRISIS not in main_of(page)


# 3. After a block


def test_the_person_blocked_keeps_what_was_said_but_nothing_newer_and_no_name(client, sky, lee, chat):
    services.send_message(actor=lee, conversation=chat, body="Good to hear from you, Sky.")
    services.mark_read(actor=sky, conversation=chat)
    later = services.send_message(actor=lee, conversation=chat, body=CRISIS).message  # held for now
    services.block_from_conversation(actor=lee, conversation=chat)
    # Sent after the block (as if the block had come first), then published by a moderator.
    Message.objects.filter(pk=later.pk).update(created_at=timezone.now() + timedelta(seconds=1))
    moderation.restore_content(actor=StaffFactory(), obj=loaded(later))

    seen_by_sky = [item.message.body for item in selectors.thread(viewer=sky, conversation=chat).messages]
    assert seen_by_sky == ["Hello Lee!", "Good to hear from you, Sky."]
    item = selectors.inbox_items(selectors.conversations(viewer=sky), viewer=sky)[0]
    assert item.withheld and item.other is None and item.preview == "Good to hear from you, Sky."
    assert selectors.unread_conversation_count(sky) == 0
    assert not Notification.objects.filter(recipient=sky, dedupe_key=f"message:{later.pk}").exists()

    client.force_login(sky)
    page = main_of(client.get(f"/messages/{chat.pk}/"))
    assert "You can't reply in this conversation." in page and 'name="body"' not in page
    assert "Lee Moon" not in page and "@lee" not in page and "blocked" not in page.lower()
    assert "A member" in page and "Good to hear from you, Sky." in page and CRISIS not in page
    assert "Lee Moon" not in html(client.get("/messages/"))

    client.force_login(StaffFactory())  # (nothing else changed hands)
    api = client.get(f"{URL}{chat.pk}/messages/")
    assert api.status_code == 404


def test_the_blocker_still_reads_the_whole_conversation_by_name(client, sky, lee, chat):
    services.send_message(actor=sky, conversation=chat, body="Why won't you answer?")
    services.block_from_conversation(actor=lee, conversation=chat)

    bodies = [item.message.body for item in selectors.thread(viewer=lee, conversation=chat).messages]
    assert bodies == ["Hello Lee!", "Why won't you answer?"]
    assert not selectors.withheld_from(lee, chat) and selectors.withheld_from(sky, chat)

    client.force_login(lee)
    page = main_of(client.get(f"/messages/{chat.pk}/"))
    assert "Sky Rivers" in page and "Why won't you answer?" in page
    assert "You can't reply in this conversation." in page
    assert f"/messages/{chat.pk}/block/" not in page  # blocked already


def test_the_person_blocked_can_block_back_from_the_conversation_without_learning_a_name(client, sky, lee, chat):
    services.block_from_conversation(actor=lee, conversation=chat)
    client.force_login(sky)

    page = main_of(client.get(f"/messages/{chat.pk}/"))
    assert f'href="/messages/{chat.pk}/block/"' in page and "Block this member" in page
    asked = main_of(client.get(f"/messages/{chat.pk}/block/"))
    assert "Block this member?" in asked and "A member" in asked
    assert "Lee Moon" not in asked and "@lee" not in asked
    done = html(client.post(f"/messages/{chat.pk}/block/", follow=True))
    assert "You blocked this member. They won't be told." in done and "@lee" not in done
    assert Block.objects.filter(blocker=sky, blocked=lee).exists()
    assert f"/messages/{chat.pk}/block/" not in main_of(client.get(f"/messages/{chat.pk}/"))  # blocked already

    # Lee lifting their block never lifts Sky's: Sky still hears nothing from Lee.
    community_services.unblock(actor=lee, user=sky)
    assert not selectors.may_send(lee, chat).allowed
    assert not selectors.may_start(lee, sky).allowed


def test_the_api_names_no_one_to_the_person_blocked(api_client, sky, lee, chat):
    services.send_message(actor=lee, conversation=chat, body="See you soon.")
    community_services.block(actor=lee, user=sky)
    api_client.force_authenticate(sky)

    detail = api_client.get(f"{URL}{chat.pk}/").json()
    results = api_client.get(f"{URL}{chat.pk}/messages/").json()["results"]
    listed = api_client.get(URL).json()["results"]

    assert detail["other"] is None and detail["cannot_send_reason"] == "You can't reply in this conversation."
    assert [(m["body"], m["sender"]) for m in results] == [
        ("Hello Lee!", {"handle": "sky", "name": "Sky Rivers"}),
        ("See you soon.", None),
    ]
    assert listed[0]["other"] is None


# 4. Sensitive topics


def warned(message, *codes) -> Message:
    Message.objects.filter(pk=message.pk).update(content_warnings=list(codes))
    return loaded(message)


def test_messages_follow_the_readers_choice_for_their_topics(sky, lee, chat):
    grief = warned(services.send_message(actor=sky, conversation=chat, body="My gran died last week.").message, "grief")
    abuse = warned(services.send_message(actor=sky, conversation=chat, body="He hurt me again.").message, "abuse")
    Preferences.objects.create(user=lee, sensitive_topics={"grief": "show", "abuse": "hide"})

    shown = {item.message.pk: item for item in selectors.thread(viewer=lee, conversation=chat).messages}
    assert (shown[grief.pk].choice, shown[grief.pk].body) == ("show", "My gran died last week.")
    assert (shown[abuse.pk].choice, shown[abuse.pk].body) == ("hide", "")
    revealed = {m.message.pk: m for m in selectors.thread(viewer=lee, conversation=chat, reveal=True).messages}
    assert revealed[abuse.pk].body == "He hurt me again."
    own = {item.message.pk: item for item in selectors.thread(viewer=sky, conversation=chat).messages}
    assert own[abuse.pk].choice == "show"  # the writer's own words are never folded away

    Preferences.objects.filter(user=lee).update(sensitive_topics={"grief": "collapse", "abuse": "hide"})
    lee = type(lee).objects.get(pk=lee.pk)
    assert {m.message.pk: m.choice for m in selectors.thread(viewer=lee, conversation=chat).messages}[grief.pk] == (
        "collapse"
    )


def test_the_page_folds_or_hides_behind_details(client, sky, lee, chat):
    grief = warned(services.send_message(actor=sky, conversation=chat, body="My gran died last week.").message, "grief")
    abuse = warned(services.send_message(actor=sky, conversation=chat, body="He hurt me again.").message, "abuse")
    Preferences.objects.create(user=lee, sensitive_topics={"grief": "collapse", "abuse": "hide"})
    client.force_login(lee)

    page = main_of(client.get(f"/messages/{chat.pk}/"))

    folded = page.split(f'id="message-{grief.pk}"')[1].split("</li>")[0]
    hidden = page.split(f'id="message-{abuse.pk}"')[1].split("</li>")[0]
    assert "<details" in folded and "Grief and loss" in folded
    assert folded.index("<details") < folded.index("My gran died last week.")
    assert "A message was hidden by your sensitive-content settings" in hidden and "Show it anyway" in hidden
    assert hidden.index("<details") < hidden.index("He hurt me again.")  # its words only inside, after the click
    assert "<details open" not in hidden


def test_the_api_gives_the_choice_and_blanks_a_hidden_message_unless_asked(api_client, sky, lee, chat):
    abuse = warned(services.send_message(actor=sky, conversation=chat, body="He hurt me again.").message, "abuse")
    Preferences.objects.create(user=lee, sensitive_topics={"abuse": "hide"})
    api_client.force_authenticate(lee)

    plain = {m["id"]: m for m in api_client.get(f"{URL}{chat.pk}/messages/").json()["results"]}
    asked = {m["id"]: m for m in api_client.get(f"{URL}{chat.pk}/messages/?show=1").json()["results"]}

    assert (plain[abuse.pk]["sensitive_choice"], plain[abuse.pk]["body"]) == ("hide", "")
    assert plain[abuse.pk]["content_warnings"] == ["abuse"]
    assert asked[abuse.pk]["body"] == "He hurt me again."
    first = chat.messages.first().pk
    assert (plain[first]["sensitive_choice"], plain[first]["body"]) == ("show", "Hello Lee!")


# 5. Publishing a held message


def test_a_held_message_a_moderator_publishes_reaches_the_recipient_as_a_new_one(
    sky, lee, chat, django_capture_on_commit_callbacks
):
    ash = person("ash")
    mutual(ash, lee)
    held = services.send_message(actor=sky, conversation=chat, body=CRISIS).message
    other = services.start_conversation(actor=ash, recipient=lee, body="Hi Lee, new here").conversation
    services.archive(actor=lee, conversation=chat)  # lee read and archived it meanwhile
    before = Conversation.objects.get(pk=chat.pk).last_message_at
    assert not Notification.objects.filter(recipient=lee, dedupe_key=f"message:{held.pk}").exists()
    assert [s.conversation_id for s in selectors.conversations(viewer=lee)] == [other.pk]

    with django_capture_on_commit_callbacks(execute=True):
        moderation.restore_content(actor=StaffFactory(), obj=loaded(held))

    assert Conversation.objects.get(pk=chat.pk).last_message_at > before
    assert [s.conversation_id for s in selectors.conversations(viewer=lee)] == [chat.pk, other.pk]
    assert ConversationState.objects.get(conversation=chat, user=lee).archived_at is None
    assert selectors.inbox_items(selectors.conversations(viewer=lee), viewer=lee)[0].unread
    notification = Notification.objects.get(
        recipient=lee, kind=Notification.Kind.MESSAGE, group_key=f"conversation:{chat.pk}"
    )
    assert notification.actor_id == sky.pk and CRISIS not in str(notification.data)


def test_a_held_request_a_moderator_publishes_arrives_as_a_request(sky, lee, django_capture_on_commit_callbacks):
    held = services.start_conversation(actor=sky, recipient=lee, body=CRISIS)
    assert held.held and not selectors.conversations(viewer=lee, box=selectors.REQUESTS).exists()

    with django_capture_on_commit_callbacks(execute=True):
        moderation.restore_content(actor=StaffFactory(), obj=loaded(held.message))

    assert selectors.conversations(viewer=lee, box=selectors.REQUESTS).count() == 1
    notification = Notification.objects.get(recipient=lee, kind=Notification.Kind.MESSAGE)
    assert notification.data["request"] is True
