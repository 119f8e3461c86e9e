"""Sensitive topics in circles: posts and chat messages with a content warning are shown open, folded behind
their warning, or hidden (one line, no words), as each reader chose for the topic, on the pages and in the API
the chat room polls; a teen's default (hidden) for suicide and self-harm and eating disorders holds there too.
Comments under a post in a circle open to under-18s are screened as a space for minors."""

import re
import zoneinfo
from datetime import UTC, datetime

import pytest
import time_machine

from community.models import ChatMessage, CirclePost
from community.services import add_comment
from community.services import circles as circle_services
from community.services.preferences import update_preferences
from moderation.models import Visibility
from tests.factories import StaffFactory

from .test_circles_fixtures import fresh, join, make_circle, minor, weekly_chat

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
DURING = datetime(2026, 3, 31, 18, 20, tzinfo=UTC)  # Tuesday 19:20 BST
RECOVERY = "Two years clean from self-harm today. Some days are still hard but I'm proud of how far I've come."
FOLD = re.compile(r"<details class=\"content-warning\"[^>]*>.*?</details>", re.DOTALL)


def seen_as(html: str, words: str) -> str:
    """How a page shows some words: "hide" (not there), "collapse" (only inside a fold) or "show"."""
    if words not in html:
        return "hide"
    return "show" if words in FOLD.sub("", html) else "collapse"


def choose(person, **topics):
    update_preferences(actor=person, user=person, data={"sensitive_topics": topics})
    return person


def chat_room(group="adults"):
    circle = make_circle(time_zone="Europe/London", age_group=group)
    weekly_chat(circle, first_start=datetime(2026, 3, 3, 19, 0, tzinfo=LONDON))
    return fresh(circle)


@pytest.fixture
def adults_room():
    """An adults' circle with a chat on now, and a message a member wrote about self-harm (a warning)."""
    circle = chat_room()
    writer = join(circle)
    with time_machine.travel(DURING, tick=False):
        message = circle_services.send_chat_message(actor=writer, circle=fresh(circle), body=RECOVERY).obj
    assert message.visibility == Visibility.PUBLISHED and message.content_warnings == ["suicide_self_harm"]
    return circle, writer, message


@pytest.mark.parametrize(("choice", "expected"), [("show", "show"), ("collapse", "collapse"), ("hide", "hide")])
def test_the_chat_page_shows_a_warned_message_as_the_reader_chose(client, adults_room, choice, expected):
    circle, _writer, _message = adults_room
    reader = choose(join(circle), suicide_self_harm=choice)
    client.force_login(reader)

    with time_machine.travel(DURING, tick=False):
        html = client.get(f"/circles/{circle.slug}/chat/").content.decode()

    assert seen_as(html, "Two years clean") == expected
    assert ('<p class="chat-hidden' in html) is (expected == "hide")  # (the script's copy is in a data attribute)
    if expected == "collapse":
        assert "Content warning: Suicide and self-harm" in html


@pytest.mark.parametrize("choice", ["show", "collapse", "hide"])
def test_the_chat_api_says_the_readers_choice_and_sends_no_words_for_a_hidden_message(api_client, adults_room, choice):
    circle, writer, _message = adults_room
    api_client.force_authenticate(choose(join(circle), suicide_self_harm=choice))

    with time_machine.travel(DURING, tick=False):
        [shown] = api_client.get(f"/api/v1/circles/{circle.slug}/chat/messages/").json()["messages"]
        api_client.force_authenticate(writer)
        [own] = api_client.get(f"/api/v1/circles/{circle.slug}/chat/messages/").json()["messages"]

    assert shown["sensitive_choice"] == choice
    assert shown["content_warning_labels"] == ["Suicide and self-harm"]
    assert (shown["body"] == "") is (choice == "hide")
    assert own["sensitive_choice"] == "show" and own["body"] == RECOVERY  # their own words, as they wrote them


def test_a_teens_default_hides_self_harm_and_eating_disorders_in_the_chat_and_the_posts(client, api_client):
    circle = chat_room(group="everyone")
    writer, teen = join(circle), join(circle, minor())
    with time_machine.travel(DURING, tick=False):
        message = circle_services.send_chat_message(actor=writer, circle=fresh(circle), body="Dinner was hard.").obj
    post = circle_services.write_post(actor=writer, circle=circle, body="Meal plans and me, a long story.").obj
    # As a moderator lets them through with their warnings (a space for minors holds warned writing first).
    ChatMessage.objects.filter(pk=message.pk).update(content_warnings=["eating_disorders"])
    CirclePost.objects.filter(pk=post.pk).update(content_warnings=["suicide_self_harm"])
    client.force_login(teen)
    api_client.force_authenticate(teen)

    with time_machine.travel(DURING, tick=False):
        chat = client.get(f"/circles/{circle.slug}/chat/").content.decode()
        [polled] = api_client.get(f"/api/v1/circles/{circle.slug}/chat/messages/").json()["messages"]
    listed = client.get(f"/circles/{circle.slug}/").content.decode()
    [api_post] = api_client.get(f"/api/v1/circles/{circle.slug}/posts/").json()["results"]

    assert "Dinner was hard." not in chat and "A message was hidden by your sensitive-content settings." in chat
    assert polled["sensitive_choice"] == "hide" and polled["body"] == ""
    assert "Meal plans and me" not in listed and "A post was hidden by your sensitive-content settings." in listed
    assert api_post["sensitive_choice"] == "hide" and api_post["body"] == ""
    client.force_login(join(circle))  # an adult who never chose: folded
    assert seen_as(client.get(f"/circles/{circle.slug}/").content.decode(), "Meal plans and me") == "collapse"


@pytest.mark.parametrize(("choice", "expected"), [("show", "show"), ("collapse", "collapse"), ("hide", "hide")])
def test_circle_posts_follow_the_readers_choice_on_the_list_and_the_post_page(client, choice, expected):
    circle = make_circle(age_group="adults")
    writer = join(circle)
    post = circle_services.write_post(actor=writer, circle=circle, body=RECOVERY).obj
    assert post.content_warnings == ["suicide_self_harm"]
    client.force_login(choose(join(circle), suicide_self_harm=choice))

    listed = client.get(f"/circles/{circle.slug}/").content.decode()
    page = client.get(f"/circles/{circle.slug}/posts/{post.pk}/").content.decode()

    assert seen_as(listed, "Two years clean") == expected
    assert seen_as(page, "Two years clean") == expected
    client.force_login(writer)
    assert seen_as(client.get(f"/circles/{circle.slug}/").content.decode(), "Two years clean") == "show"


def test_comments_in_a_circle_open_to_teens_are_screened_as_a_space_for_minors():
    link = "Great work! More tips here: https://example.org/art-tips"
    trusted = StaffFactory()  # links are allowed from them elsewhere
    everyone = make_circle(title="Art club", age_group="everyone")
    adults = make_circle(title="Art club 18+", age_group="adults")
    for circle in (everyone, adults):
        join(circle, trusted)
    on_everyone = circle_services.write_post(actor=everyone.created_by, circle=everyone, body="My drawing.").obj
    on_adults = circle_services.write_post(actor=adults.created_by, circle=adults, body="My drawing.").obj

    held = add_comment(actor=trusted, target=on_everyone, body=link).obj
    published = add_comment(actor=trusted, target=on_adults, body=link + " ").obj

    assert held.visibility == Visibility.HELD
    assert published.visibility == Visibility.PUBLISHED
