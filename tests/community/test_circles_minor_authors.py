"""Under-18 writers in a circle for everyone: adult members who don't host it see "A member under 18" (no name,
handle or profile link) on posts, comments and chat messages, on the pages and in the API; hosts, moderators and
the teens of the circle see names, as on the members list."""

import zoneinfo
from datetime import UTC, datetime

import pytest
import time_machine

from community.services import add_comment
from community.services import circles as circle_services

from .test_circles_fixtures import adult, fresh, join, make_circle, minor, moderator, weekly_chat

pytestmark = pytest.mark.django_db

DURING = datetime(2026, 3, 31, 18, 20, tzinfo=UTC)  # Tuesday, 19:20 in London


@pytest.fixture
def everyone():
    """A circle for everyone with a Tuesday 19:00 chat; Jo (under 18) posted, commented and wrote in the chat."""
    circle = make_circle(age_group="everyone")
    weekly_chat(circle, first_start=datetime(2026, 3, 3, 19, 0, tzinfo=zoneinfo.ZoneInfo("Europe/London")))
    circle = fresh(circle)
    jo = join(circle, minor(handle="jo_teen", display_name="Jo"))
    pat = join(circle, adult(handle="pat_adult", display_name="Pat"))
    teen = join(circle, minor(handle="sam_teen", display_name="Sam"))
    post = circle_services.write_post(actor=jo, circle=circle, body="Exams start next week and I can't sleep.").obj
    add_comment(actor=jo, target=post, body="Thanks for reading, it helps to say it.")
    add_comment(actor=pat, target=post, body="Same here, you're not alone.")
    with time_machine.travel(DURING, tick=False):
        circle_services.send_chat_message(actor=jo, circle=fresh(circle), body="Hi, first time in the chat.")
    return circle, post, jo, pat, teen


def _pages(client, circle, post):
    with time_machine.travel(DURING, tick=False):
        return {
            "circle": client.get(f"/circles/{circle.slug}/").content.decode(),
            "post": client.get(f"/circles/{circle.slug}/posts/{post.pk}/").content.decode(),
            "chat": client.get(f"/circles/{circle.slug}/chat/").content.decode(),
        }


def _api(api_client, circle):
    with time_machine.travel(DURING, tick=False):
        posts = api_client.get(f"/api/v1/circles/{circle.slug}/posts/").json()
        chat = api_client.get(f"/api/v1/circles/{circle.slug}/chat/messages/").json()
    return [post["author"] for post in posts["results"]], [message["author"] for message in chat["messages"]]


def test_adult_members_see_a_member_under_18_on_posts_comments_and_chat(client, api_client, everyone):
    circle, post, _jo, pat, _teen = everyone
    client.force_login(pat)
    api_client.force_authenticate(pat)

    pages = _pages(client, circle, post)
    post_authors, chat_authors = _api(api_client, circle)

    for name, html in pages.items():
        assert "A member under 18" in html, name
        assert "jo_teen" not in html and ">Jo<" not in html and "Jo</" not in html, name
    assert "Pat" in pages["post"]  # adults are still named
    assert post_authors == [{"handle": None, "name": "A member under 18"}]
    assert chat_authors == [{"handle": None, "name": "A member under 18"}]


@pytest.mark.parametrize("who", ["host", "moderator", "teen"])
def test_hosts_moderators_and_teens_of_the_circle_see_the_name(client, api_client, everyone, who):
    circle, post, _jo, _pat, teen = everyone
    viewer = {"host": circle.created_by, "moderator": moderator(), "teen": teen}[who]
    client.force_login(viewer)
    api_client.force_authenticate(viewer)

    pages = _pages(client, circle, post)
    post_authors, chat_authors = _api(api_client, circle)

    assert "/people/jo_teen" in pages["post"] or "jo_teen" in pages["post"]
    assert "Jo" in pages["chat"] and "A member under 18" not in pages["chat"]
    assert post_authors[0]["handle"] == "jo_teen" and chat_authors[0]["handle"] == "jo_teen"


def test_a_teen_sees_their_own_name(client, everyone):
    circle, post, jo, _pat, _teen = everyone
    client.force_login(jo)

    pages = _pages(client, circle, post)

    assert "A member under 18" not in pages["post"] and "Jo" in pages["post"]


def test_notifications_name_an_under_18_writer_only_to_those_the_circle_names_them_to(act, api_client):
    """An adult member told "Jo replied" would learn who the circle's "member under 18" is."""
    from community.selectors.notifications import notification_page

    circle = make_circle(age_group="everyone")
    jo = join(circle, minor(handle="jo_teen2", display_name="Jo"))
    pat = join(circle, adult(handle="pat_adult2", display_name="Pat"))
    teen = join(circle, minor(handle="kai_teen", display_name="Kai"))
    post = circle_services.write_post(actor=pat, circle=circle, body="What helps you wind down at night?").obj
    teen_post = circle_services.write_post(actor=teen, circle=circle, body="Reading helps me wind down.").obj
    act(add_comment, actor=jo, target=post, body="A warm shower and no phone, for me.")
    act(add_comment, actor=jo, target=teen_post, body="Same, reading works for me too.")

    def texts(person):
        return [item.text for item in notification_page(viewer=person).items]

    assert any("A member under 18" in text for text in texts(pat)), texts(pat)
    assert not any("Jo" in text for text in texts(pat))
    assert any("Jo" in text for text in texts(teen))  # the teens of the circle see each other's names

    api_client.force_authenticate(pat)
    listed = api_client.get("/api/v1/notifications/").json()["results"]
    assert listed and "jo_teen2" not in str(listed) and '"Jo"' not in str(listed).replace("'", '"')
    assert {"handle": None, "name": "A member under 18"} in [item["actor"] for item in listed]
