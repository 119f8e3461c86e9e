"""Direct messages through the pages: the inbox and its requests, writing to someone, a conversation, and what
screening, a block or a request means on them. Everything works without JavaScript."""

from datetime import date, timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community import services as community_services
from community.models import Block, Conversation, ConversationState, Message, MessagesFrom
from community.services import messages as services
from moderation import services as moderation
from moderation.models import Rule
from tests.community.messages import mutual, person
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

CRISIS = "I'm going to kill myself tonight, I have the pills ready."


def html(response) -> str:
    """The page, with entities read back ("can't" is "can't")."""
    return unescape(response.content.decode())


@pytest.fixture
def as_sky(client, sky):
    client.force_login(sky)
    return client


def test_visitors_are_asked_to_sign_in(client, sky):
    assert client.get("/messages/").status_code == 302
    assert client.get("/messages/new/sky/").status_code == 302


def test_writing_to_someone_you_follow_each_other_with_lands_in_the_conversation(as_sky, sky, lee):
    mutual(sky, lee)
    page = as_sky.get("/messages/new/lee/")
    assert page.status_code == 200 and "goes straight to them" in html(page)

    response = as_sky.post("/messages/new/lee/", {"body": "Hello Lee, how was the walk?"})

    conversation = Conversation.objects.get()
    message = Message.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/messages/{conversation.pk}/#message-{message.pk}"
    thread = html(as_sky.get(f"/messages/{conversation.pk}/"))
    assert "Hello Lee, how was the walk?" in thread and 'name="body"' in thread


def test_a_request_says_so_before_and_after_and_the_sender_sees_it_waiting(as_sky, sky, lee):
    assert "This is a message request" in html(as_sky.get("/messages/new/lee/"))

    response = as_sky.post("/messages/new/lee/", {"body": "Hi, I loved your story about the river."}, follow=True)

    page = html(response)
    assert "Your message request is sent." in page
    assert "Your message request is waiting: you can send more once @lee accepts it." in page
    assert 'name="body"' not in page  # no form until they accept
    inbox = html(as_sky.get("/messages/"))
    assert "waiting for them to accept" in inbox


def test_the_recipient_finds_requests_apart_and_accepts_or_ignores(client, sky, lee):
    services.start_conversation(actor=sky, recipient=lee, body="Hi, I loved your story about the river.")
    conversation = Conversation.objects.get()
    client.force_login(lee)

    inbox = html(client.get("/messages/"))
    assert "I loved your story" not in inbox and "Requests" in inbox
    requests = html(client.get("/messages/?box=requests"))
    assert "I loved your story" in requests

    thread = html(client.get(f"/messages/{conversation.pk}/"))
    assert "Accept" in thread and "Ignore" in thread and 'name="body"' not in thread

    response = client.post(f"/messages/{conversation.pk}/ignore/", follow=True)
    assert "Request ignored. They won't be told." in html(response)
    assert "I loved your story" not in html(client.get("/messages/?box=requests"))
    assert "I loved your story" in html(client.get("/messages/?box=ignored"))

    client.post(f"/messages/{conversation.pk}/accept/")
    assert Conversation.objects.get().status == Conversation.Status.ACCEPTED
    assert 'name="body"' in html(client.get(f"/messages/{conversation.pk}/"))


def test_refusals_are_kind_and_specific_on_the_new_message_page(as_sky, sky, lee):
    lee.messages_from = MessagesFrom.NOBODY
    lee.save(update_fields=["messages_from"])
    page = as_sky.get("/messages/new/lee/")
    assert page.status_code == 403 and "@lee isn't taking new messages." in html(page)
    assert 'name="body"' not in html(page)

    person("jo", minor_until=date.today() + timedelta(days=300))
    assert "@jo only gets messages from people they follow." in html(as_sky.get("/messages/new/jo/"))

    assert "You can't message yourself." in html(as_sky.get("/messages/new/sky/"))
    assert as_sky.get("/messages/new/nobody_here/").status_code == 404


def test_a_new_account_is_told_when_it_can_start(client, lee):
    newcomer = person("newcomer", days=0)
    client.force_login(newcomer)
    page = client.get("/messages/new/lee/")
    assert page.status_code == 403 and "New accounts can start conversations after a few days" in html(page)
    response = client.post("/messages/new/lee/", {"body": "Hello!"})
    assert response.status_code == 400 and not Conversation.objects.exists()


def test_blocked_says_only_that_you_cant_message_this_person(as_sky, sky, lee):
    community_services.block(actor=lee, user=sky)

    page = as_sky.get("/messages/new/lee/")

    main = html(page).split("<main", 1)[1].split("</main>")[0]
    assert page.status_code == 403 and "@lee isn't taking new messages." in main
    assert "block" not in main.lower()


def test_after_a_block_the_thread_is_closed_for_both(client, sky, lee):
    mutual(sky, lee)
    conversation = services.start_conversation(actor=sky, recipient=lee, body="Hello Lee!").conversation
    client.force_login(lee)

    assert "Block @sky?" in html(client.get(f"/messages/{conversation.pk}/block/"))
    response = client.post(f"/messages/{conversation.pk}/block/", follow=True)

    assert "You blocked @sky. They won't be told." in html(response)
    assert Block.objects.filter(blocker=lee, blocked=sky).exists()
    for viewer in (sky, lee):
        client.force_login(viewer)
        thread = html(client.get(f"/messages/{conversation.pk}/"))
        assert "You can't reply in this conversation." in thread and 'name="body"' not in thread
        sent = client.post(f"/messages/{conversation.pk}/", {"body": "Hello?"})
        assert sent.status_code == 400
    assert Message.objects.count() == 1


def test_someone_else_gets_not_found_everywhere_staff_included(client, sky, lee):
    conversation = services.start_conversation(actor=sky, recipient=lee, body="Hello Lee!").conversation
    message = Message.objects.get()
    for outsider in (person("outsider"), StaffFactory(handle="staffer")):
        client.force_login(outsider)
        for url in (
            f"/messages/{conversation.pk}/",
            f"/messages/{conversation.pk}/block/",
            f"/messages/{conversation.pk}/messages/{message.pk}/delete/",
        ):
            assert client.get(url).status_code == 404, url
        for url in ("accept", "ignore", "archive"):
            assert client.post(f"/messages/{conversation.pk}/{url}/").status_code == 404
        assert client.post(f"/messages/{conversation.pk}/", {"body": "Let me in"}).status_code == 404
    assert Message.objects.count() == 1


def test_a_nudge_asks_to_reconsider_and_sends_anyway_when_confirmed(as_sky, sky, lee):
    mutual(sky, lee)
    moderation.save_rule(actor=StaffFactory(), data={"pattern": "durian", "action": Rule.Action.NUDGE})

    asked = as_sky.post("/messages/new/lee/", {"body": "You smell like durian."})
    assert asked.status_code == 400
    assert "Would you like to reconsider?" in html(asked) and "You smell like durian." in html(asked)
    assert not Message.objects.exists()

    sent = as_sky.post("/messages/new/lee/", {"body": "You smell like durian.", "confirm": "1"})
    assert sent.status_code == 302 and Message.objects.count() == 1


def test_a_refused_message_keeps_its_text(as_sky, sky, lee):
    mutual(sky, lee)
    moderation.save_rule(actor=StaffFactory(), data={"pattern": "durian", "action": Rule.Action.BLOCK})

    refused = as_sky.post("/messages/new/lee/", {"body": "durian forever"})

    assert refused.status_code == 400 and "durian forever" in html(refused)
    assert "Would you like to reconsider?" not in html(refused)
    assert not Message.objects.exists()


def test_a_crisis_message_takes_the_sender_to_help_and_is_held_for_them_only(client, sky, lee):
    mutual(sky, lee)
    conversation = services.start_conversation(actor=sky, recipient=lee, body="Hi Lee.").conversation
    client.force_login(sky)

    response = client.post(f"/messages/{conversation.pk}/", {"body": CRISIS})

    assert response.status_code == 302 and response["Location"].startswith("/help/after-posting/?next=")
    held = Message.objects.get(body=CRISIS)
    own = html(client.get(f"/messages/{conversation.pk}/"))
    assert CRISIS in own
    assert "Your message is safe with us and waiting for a moderator." in own
    assert "Your post" not in own
    client.force_login(lee)
    assert CRISIS not in html(client.get(f"/messages/{conversation.pk}/"))
    assert f"message-{held.pk}" not in html(client.get(f"/messages/{conversation.pk}/"))


def test_deleting_a_message_leaves_message_deleted(as_sky, sky, lee):
    mutual(sky, lee)
    sent = services.start_conversation(actor=sky, recipient=lee, body="Oops, wrong person.")
    url = f"/messages/{sent.conversation.pk}/messages/{sent.message.pk}/delete/"

    assert "Delete your message?" in html(as_sky.get(url))
    as_sky.post(url)

    thread = html(as_sky.get(f"/messages/{sent.conversation.pk}/"))
    assert "Message deleted" in thread and "Oops, wrong person." not in thread


def test_only_the_sender_can_delete_a_message(client, sky, lee):
    mutual(sky, lee)
    sent = services.start_conversation(actor=sky, recipient=lee, body="Hello Lee!")
    client.force_login(lee)
    url = f"/messages/{sent.conversation.pk}/messages/{sent.message.pk}/delete/"
    assert client.post(url).status_code == 404
    assert Message.objects.get().deleted_at is None


def test_opening_the_thread_marks_it_read_and_archive_moves_it(client, sky, lee):
    mutual(sky, lee)
    conversation = services.start_conversation(actor=sky, recipient=lee, body="Hello Lee!").conversation
    client.force_login(lee)
    assert '<span class="badge">New</span>' in html(client.get("/messages/"))

    client.get(f"/messages/{conversation.pk}/")
    assert ConversationState.objects.get(conversation=conversation, user=lee).last_read_at is not None
    assert '<span class="badge">New</span>' not in html(client.get("/messages/"))

    client.post(f"/messages/{conversation.pk}/archive/")
    assert "Hello Lee!" not in html(client.get("/messages/"))
    assert "Hello Lee!" in html(client.get("/messages/?box=archived"))
    client.post(f"/messages/{conversation.pk}/archive/", {"undo": "1"})
    assert "Hello Lee!" in html(client.get("/messages/"))


def test_the_profile_shows_a_message_button_only_when_the_viewer_may_write(as_sky, sky, lee):
    lee.messages_from = MessagesFrom.NOBODY
    lee.save(update_fields=["messages_from"])
    assert "/messages/new/lee/" not in html(as_sky.get("/people/lee/"))

    lee.messages_from = MessagesFrom.EVERYONE
    lee.save(update_fields=["messages_from"])
    assert 'href="/messages/new/lee/"' in html(as_sky.get("/people/lee/"))

    conversation = services.start_conversation(actor=sky, recipient=lee, body="Hello Lee!").conversation
    assert f'href="/messages/{conversation.pk}/"' in html(as_sky.get("/people/lee/"))
    assert "/messages/" not in html(as_sky.get("/people/sky/")).split("<main", 1)[1].split("profile-stories")[0]


def test_the_inbox_page_costs_the_same_whatever_its_length(client, sky):
    def queries() -> int:
        client.get("/messages/")  # sessions, permissions and the like warmed up
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/messages/").status_code == 200
        return len(captured.captured_queries)

    client.force_login(sky)
    first = person("friend0")
    mutual(sky, first)
    services.start_conversation(actor=first, recipient=sky, body="Hello from friend0")
    one = queries()
    for n in range(1, 6):
        other = person(f"friend{n}")
        mutual(sky, other)
        services.start_conversation(actor=other, recipient=sky, body=f"Hello from friend{n}")

    assert queries() == one
    assert html(client.get("/messages/")).count('class="conversation-item') == 6
