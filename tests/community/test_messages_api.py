"""/api/v1/conversations/: the inbox, starting a conversation, its messages (polling with ?after=), and
accept, ignore, archive, read, block and deleting a message. The same services and selectors as the pages."""

import pytest

from community.models import Conversation, Message, MessagesFrom
from community.services import messages as services
from moderation import services as moderation
from moderation.models import Rule
from tests.community.messages import mutual, person
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/conversations/"
CRISIS = "I'm going to kill myself tonight, I have the pills ready."


@pytest.fixture
def as_sky(api_client, sky):
    api_client.force_authenticate(sky)
    return api_client


def test_visitors_get_401(api_client):
    assert api_client.get(URL).status_code in (401, 403)
    assert api_client.post(URL, {"recipient": "sky", "body": "Hi"}, format="json").status_code in (401, 403)


def test_starting_a_conversation_then_writing_in_it(as_sky, sky, lee):
    mutual(sky, lee)

    created = as_sky.post(URL, {"recipient": "@Lee", "body": "Hello Lee!"}, format="json")

    assert created.status_code == 201
    answer = created.json()
    assert answer["conversation"]["status"] == "accepted" and answer["conversation"]["other"]["handle"] == "lee"
    assert answer["conversation"]["can_send"] is True
    assert answer["message"]["body"] == "Hello Lee!" and answer["message"]["mine"] is True
    assert answer["moderation"]["action"] == "publish"
    pk = answer["conversation"]["id"]

    again = as_sky.post(URL, {"recipient": "lee", "body": "Me again."}, format="json")
    assert again.status_code == 200 and again.json()["conversation"]["id"] == pk

    listed = as_sky.get(URL).json()["results"]
    assert [item["id"] for item in listed] == [pk]
    assert listed[0]["preview"] == "Me again." and listed[0]["preview_mine"] is True


def test_refusals_name_the_field(as_sky, sky, lee):
    lee.messages_from = MessagesFrom.NOBODY
    lee.save(update_fields=["messages_from"])

    nobody = as_sky.post(URL, {"recipient": "lee", "body": "Hello"}, format="json")
    unknown = as_sky.post(URL, {"recipient": "nobody_here", "body": "Hello"}, format="json")
    yourself = as_sky.post(URL, {"recipient": "sky", "body": "Hello"}, format="json")
    missing = as_sky.post(URL, {"recipient": "lee"}, format="json")

    assert nobody.status_code == 400 and nobody.json()["errors"] == {"recipient": ["@lee isn't taking new messages."]}
    assert unknown.status_code == 400 and "recipient" in unknown.json()["errors"]
    assert yourself.json()["errors"] == {"recipient": ["You can't message yourself."]}
    assert missing.status_code == 400 and "body" in missing.json()["errors"]
    assert not Conversation.objects.exists()


def test_a_request_reads_waiting_to_its_sender_even_when_ignored(api_client, sky, lee):
    api_client.force_authenticate(sky)
    pk = api_client.post(URL, {"recipient": "lee", "body": "Hi Lee"}, format="json").json()["conversation"]["id"]
    more = api_client.post(f"{URL}{pk}/messages/", {"body": "Hello?"}, format="json")
    assert more.status_code == 400 and "waiting" in more.json()["errors"]["conversation"][0]

    api_client.force_authenticate(lee)
    assert [item["id"] for item in api_client.get(URL, {"box": "requests"}).json()["results"]] == [pk]
    assert api_client.get(URL).json()["results"] == []
    detail = api_client.post(f"{URL}{pk}/ignore/").json()
    assert detail["status"] == "ignored" and detail["can_accept"] is True

    api_client.force_authenticate(sky)
    assert api_client.get(f"{URL}{pk}/").json()["status"] == "waiting"
    assert api_client.get(URL).json()["results"][0]["status"] == "waiting"

    api_client.force_authenticate(lee)
    assert api_client.post(f"{URL}{pk}/accept/").json()["status"] == "accepted"
    assert api_client.post(f"{URL}{pk}/messages/", {"body": "Hi Sky!"}, format="json").status_code == 201


def test_polling_with_after_returns_only_newer_messages(api_client, sky, lee):
    mutual(sky, lee)
    conversation = services.start_conversation(actor=sky, recipient=lee, body="One").conversation
    services.send_message(actor=lee, conversation=conversation, body="Two")
    api_client.force_authenticate(sky)

    first = api_client.get(f"{URL}{conversation.pk}/messages/").json()
    assert [item["body"] for item in first["results"]] == ["One", "Two"]
    last = first["results"][-1]["id"]
    assert api_client.get(f"{URL}{conversation.pk}/messages/", {"after": last}).json()["results"] == []

    services.send_message(actor=lee, conversation=conversation, body="Three")
    newer = api_client.get(f"{URL}{conversation.pk}/messages/", {"after": last}).json()
    assert [item["body"] for item in newer["results"]] == ["Three"]
    assert newer["results"][0]["sender"]["handle"] == "lee" and newer["results"][0]["mine"] is False
    older = api_client.get(f"{URL}{conversation.pk}/messages/", {"before": last, "page_size": 1}).json()
    assert [item["body"] for item in older["results"]] == ["One"]
    bad = api_client.get(f"{URL}{conversation.pk}/messages/", {"after": "x"})
    assert bad.status_code == 400 and "after" in bad.json()["errors"]


def test_someone_else_gets_404_everywhere_staff_included(api_client, sky, lee):
    conversation = services.start_conversation(actor=sky, recipient=lee, body="Hello Lee").conversation
    message = Message.objects.get()
    for outsider in (person("outsider"), StaffFactory(handle="staffer")):
        api_client.force_authenticate(outsider)
        assert api_client.get(f"{URL}{conversation.pk}/").status_code == 404
        assert api_client.get(f"{URL}{conversation.pk}/messages/").status_code == 404
        posted = api_client.post(f"{URL}{conversation.pk}/messages/", {"body": "Let me in"}, format="json")
        assert posted.status_code == 404
        for action in ("accept", "ignore", "archive", "read", "block"):
            assert api_client.post(f"{URL}{conversation.pk}/{action}/").status_code == 404
        assert api_client.delete(f"{URL}{conversation.pk}/messages/{message.pk}/").status_code == 404
        assert api_client.get(URL).json()["results"] == []
    assert Message.objects.count() == 1


def test_a_nudge_is_a_400_with_its_code_and_confirm_sends(as_sky, sky, lee):
    mutual(sky, lee)
    moderation.save_rule(actor=StaffFactory(), data={"pattern": "durian", "action": Rule.Action.NUDGE})

    asked = as_sky.post(URL, {"recipient": "lee", "body": "You smell like durian."}, format="json")
    assert asked.status_code == 400 and asked.json()["code"] == "nudge" and "body" in asked.json()["errors"]

    sent = as_sky.post(URL, {"recipient": "lee", "body": "You smell like durian.", "confirm": True}, format="json")
    assert sent.status_code == 201


def test_a_crisis_message_answers_with_help_and_is_held_for_the_sender_only(api_client, sky, lee):
    mutual(sky, lee)
    conversation = services.start_conversation(actor=sky, recipient=lee, body="Hi Lee.").conversation
    api_client.force_authenticate(sky)

    sent = api_client.post(f"{URL}{conversation.pk}/messages/", {"body": CRISIS}, format="json").json()

    assert sent["moderation"]["crisis"] is True and sent["moderation"]["help"] is not None
    assert sent["message"]["waiting"] is True
    api_client.force_authenticate(lee)
    bodies = [item["body"] for item in api_client.get(f"{URL}{conversation.pk}/messages/").json()["results"]]
    assert bodies == ["Hi Lee."]


def test_deleting_your_message_and_not_someone_elses(api_client, sky, lee):
    mutual(sky, lee)
    sent = services.start_conversation(actor=sky, recipient=lee, body="Oops")
    url = f"{URL}{sent.conversation.pk}/messages/{sent.message.pk}/"
    api_client.force_authenticate(lee)
    assert api_client.delete(url).status_code == 404

    api_client.force_authenticate(sky)
    assert api_client.delete(url).status_code == 204
    shown = api_client.get(f"{URL}{sent.conversation.pk}/messages/").json()["results"][0]
    assert shown["deleted"] is True and shown["body"] == ""


def test_block_closes_it_both_ways_and_unread_counts(api_client, sky, lee):
    mutual(sky, lee)
    conversation = services.start_conversation(actor=sky, recipient=lee, body="Hello Lee").conversation
    api_client.force_authenticate(lee)
    assert api_client.get(f"{URL}unread/").json() == {"count": 1, "requests": 0}
    api_client.post(f"{URL}{conversation.pk}/read/")
    assert api_client.get(f"{URL}unread/").json()["count"] == 0

    detail = api_client.post(f"{URL}{conversation.pk}/block/").json()

    assert detail["can_send"] is False and detail["cannot_send_reason"] == "You can't reply in this conversation."
    api_client.force_authenticate(sky)
    answer = api_client.post(f"{URL}{conversation.pk}/messages/", {"body": "Hello?"}, format="json")
    assert answer.status_code == 400
    assert answer.json()["errors"] == {"conversation": ["You can't reply in this conversation."]}


def test_archive_and_the_boxes(api_client, sky, lee):
    mutual(sky, lee)
    conversation = services.start_conversation(actor=sky, recipient=lee, body="Hello Lee").conversation
    api_client.force_authenticate(lee)

    api_client.post(f"{URL}{conversation.pk}/archive/")

    assert api_client.get(URL).json()["results"] == []
    archived = api_client.get(URL, {"box": "archived"}).json()["results"]
    assert [item["id"] for item in archived] == [conversation.pk] and archived[0]["archived"] is True
    assert api_client.get(URL, {"box": "nonsense"}).status_code == 400
    api_client.post(f"{URL}{conversation.pk}/unarchive/")
    assert len(api_client.get(URL).json()["results"]) == 1


def test_the_inbox_pages_with_a_cursor(api_client, sky):
    others = [person(f"friend{n}") for n in range(3)]
    for other in others:
        mutual(sky, other)
        services.start_conversation(actor=other, recipient=sky, body=f"Hello from @{other.handle}")
    api_client.force_authenticate(sky)

    first = api_client.get(URL, {"page_size": 2}).json()
    second = api_client.get(first["next"]).json()

    handles = [item["other"]["handle"] for item in first["results"] + second["results"]]
    assert handles == ["friend2", "friend1", "friend0"]


def test_the_list_costs_the_same_whatever_its_length(api_client, sky, django_assert_max_num_queries):
    for n in range(5):
        other = person(f"friend{n}")
        mutual(sky, other)
        services.start_conversation(actor=other, recipient=sky, body=f"Hello number {n}")
    api_client.force_authenticate(sky)
    with django_assert_max_num_queries(2):
        response = api_client.get(URL)
    assert len(response.json()["results"]) == 5
