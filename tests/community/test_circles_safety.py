"""What the tester found in circles: teen hosts and members named to adults, helplines in the chat room, removed
posts a host can undo, chat times changed during a session, messages said once, the post page's heading, names
and addresses."""

import zoneinfo
from datetime import UTC, datetime

import pytest
import time_machine

from community.models import ChatSchedule, CircleMembership, CirclePost
from community.selectors import circles as circle_selectors
from community.services import circles as circle_services
from tests.factories import EmergencyNumberFactory

from .test_circles_fixtures import adult, expert, force_member, fresh, join, make_circle, minor, moderator, weekly_chat

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
DURING = datetime(2026, 3, 31, 18, 20, tzinfo=UTC)  # Tuesday 19:20 BST, in the 19:00-20:00 session
CRISIS = "I can't do this anymore. Tonight is the night, goodbye everyone."


def page(circle, path=""):
    return f"/circles/{circle.slug}/{path}"


# S2: under-18 hosts and members are not named to adults or visitors


@pytest.fixture
def teen_circle():
    """A teens' circle hosted by Jo, under 18 (as a teens' circle is)."""
    jo = minor(handle="jo_teen", display_name="Jo")
    circle = make_circle(jo, title="Teen talk", age_group="teens")
    return circle, jo


@pytest.mark.parametrize(
    ("viewer", "named"),
    [("teen member", True), ("moderator", True), ("teen not in it", False)],
)
def test_a_teen_host_is_named_only_to_the_circles_teen_members_and_moderators(client, teen_circle, viewer, named):
    circle, _jo = teen_circle
    person = {"teen member": lambda: join(circle, minor()), "moderator": moderator, "teen not in it": minor}[viewer]()
    client.force_login(person)

    html = client.get(page(circle)).content.decode()
    hosts = client.get(f"/api/v1/circles/{circle.slug}/").json()["hosts"]

    assert ("Jo" in html and "jo_teen" in html) is named
    assert ("a teen host" in html) is not named
    assert hosts == ([{"handle": "jo_teen", "name": "Jo"}] if named else [{"handle": None, "name": "a teen host"}])


def test_a_teen_host_of_an_older_circle_for_everyone_is_not_named_to_visitors_or_adults(client, api_client):
    circle = make_circle(age_group="everyone")
    member = join(circle, adult())
    jo = minor(handle="jo_teen", display_name="Jo")
    force_member(circle, jo, role=CircleMembership.Role.HOST)  # as one started before the rule could be

    visitor_html = client.get(page(circle)).content.decode()
    client.force_login(member)
    member_html = client.get(page(circle)).content.decode()
    api_client.force_authenticate(member)
    hosts = api_client.get(f"/api/v1/circles/{circle.slug}/").json()["hosts"]

    for html in (visitor_html, member_html):
        assert "jo_teen" not in html and ">Jo<" not in html and "a teen host" in html
    assert {"handle": None, "name": "a teen host"} in hosts
    assert all(host["handle"] != "jo_teen" for host in hosts)


def test_adult_members_of_a_circle_for_everyone_see_a_member_under_18_without_a_name(client, api_client):
    circle = make_circle(age_group="everyone")
    jo = join(circle, minor(handle="jo_teen", display_name="Jo"))
    grown_up = join(circle, adult(handle="pat", display_name="Pat"))
    teen = join(circle, minor())

    client.force_login(grown_up)
    for_adult = client.get(page(circle, "members/")).content.decode()
    api_client.force_authenticate(grown_up)
    listed = api_client.get(f"/api/v1/circles/{circle.slug}/members/").json()
    client.force_login(teen)
    for_teen = client.get(page(circle, "members/")).content.decode()
    client.force_login(circle.created_by)
    for_host = client.get(page(circle, "members/")).content.decode()

    assert "jo_teen" not in for_adult and "A member under 18" in for_adult and "Pat" in for_adult
    assert {"handle": None, "name": "a member under 18"} in [row["person"] for row in listed]
    assert "jo_teen" in for_teen and "jo_teen" in for_host
    assert jo.handle == "jo_teen"


# S1 on the form


def test_the_form_starts_with_your_own_age_group_and_explains_circles_for_everyone(client):
    client.force_login(minor())
    teen_form = client.get("/circles/new/").content.decode()
    client.force_login(adult())
    adult_form = client.get("/circles/new/").content.decode()

    assert '<option value="teens" selected>' in teen_form
    assert '<option value="adults" selected>' in adult_form
    assert "verified experts" in adult_form


def test_an_adult_who_is_not_trusted_cannot_start_a_circle_for_everyone_from_the_form(client):
    client.force_login(adult())

    response = client.post(
        "/circles/new/",
        {
            "title": "Mixed chat",
            "description": "Anyone.",
            "guidelines": "Be kind.",
            "join_policy": "open",
            "age_group": "everyone",
            "chat_minutes": "60",
        },
    )

    assert response.status_code == 400 and "verified experts" in response.content.decode()


def test_an_expert_starts_a_circle_for_everyone_and_it_asks_to_join(client):
    client.force_login(expert())

    client.post(
        "/circles/new/",
        {
            "title": "Mixed chat",
            "description": "Anyone.",
            "guidelines": "Be kind.",
            "join_policy": "open",
            "age_group": "everyone",
            "chat_minutes": "60",
        },
    )
    client.force_login(adult())
    html = client.get("/circles/mixed-chat/").content.decode()

    assert "hosts approve new members" in html and "Ask to join" in html


def test_a_name_taken_is_refused_on_the_form_under_the_name(client):
    make_circle(title="Evening check-in")
    client.force_login(adult())

    response = client.post(
        "/circles/new/",
        {
            "title": "evening CHECK-IN",
            "description": "A.",
            "guidelines": "B.",
            "join_policy": "open",
            "age_group": "adults",
            "chat_minutes": "60",
        },
    )

    assert response.status_code == 400
    assert response.context["form"].errors["title"] == [
        "Another circle already has this name. Choose a different name."
    ]


# S3: a crisis in the chat brings the helplines into the room


@pytest.fixture
def room():
    circle = make_circle(time_zone="Europe/London")
    weekly_chat(circle, first_start=datetime(2026, 3, 3, 19, 0, tzinfo=LONDON))
    circle = fresh(circle)
    return circle, join(circle, adult(country="GB")), join(circle)


def test_a_crisis_message_shows_the_helplines_in_the_room_at_once(client, api_client, room):
    EmergencyNumberFactory(country="GB", number="999")
    circle, one, other = room
    with time_machine.travel(DURING, tick=False):
        api_client.force_authenticate(one)
        sent = api_client.post(f"/api/v1/circles/{circle.slug}/chat/messages/", {"body": CRISIS}, format="json").json()
        polled = api_client.get(f"/api/v1/circles/{circle.slug}/chat/messages/").json()
        client.force_login(one)
        mine = client.get(page(circle, "chat/")).content.decode()
        api_client.force_authenticate(other)
        theirs = api_client.get(f"/api/v1/circles/{circle.slug}/chat/messages/").json()
        client.force_login(other)
        their_page = client.get(page(circle, "chat/")).content.decode()

    assert sent["held"] and sent["moderation"]["help"]["emergency"]["number"] == "999"
    assert polled["crisis_help"]["emergency"]["number"] == "999"
    assert "data-crisis-help" in mine and "Call 999" in mine and "you can talk to someone right now" in mine
    assert theirs["crisis_help"] is None and "data-crisis-help" not in their_page


def test_an_ordinary_chat_has_no_helplines_panel(api_client, room):
    circle, one, _other = room
    with time_machine.travel(DURING, tick=False):
        api_client.force_authenticate(one)
        api_client.post(f"/api/v1/circles/{circle.slug}/chat/messages/", {"body": "Hello all."}, format="json")
        polled = api_client.get(f"/api/v1/circles/{circle.slug}/chat/messages/").json()

    assert polled["crisis_help"] is None


def test_text_sent_to_a_closed_room_without_javascript_stays_on_screen(client, room):
    circle, one, _other = room
    client.force_login(one)
    with time_machine.travel(datetime(2026, 3, 31, 19, 5, tzinfo=UTC), tick=False):
        response = client.post(page(circle, "chat/"), {"body": "I wanted to say thank you"})

    html = response.content.decode()
    assert response.status_code == 409
    assert "The chat closed before this was sent" in html and "readonly>I wanted to say thank you</textarea>" in html


# B9: new chat times apply from the next session


def test_changing_the_times_during_a_session_lets_it_run_to_its_end(client, room):
    circle, _one, _other = room
    host = circle.created_by
    with time_machine.travel(DURING, tick=False):
        client.force_login(host)
        form = client.get(page(circle, "chat/schedule/")).content.decode()
        times = {"weekday": "3", "start": "17:00", "duration_minutes": "30", "active": "on"}
        client.post(page(circle, "chat/schedule/"), times)
        state = circle_selectors.chat_state(fresh(circle))
        circle_services.save_chat_schedule(
            actor=host, circle=fresh(circle), weekday=4, start=datetime(1, 1, 1, 18).time()
        )
        again = circle_selectors.chat_state(fresh(circle))

    assert 'value="19:00"' in form and "19:00:00" not in form  # HH:MM
    assert "applies from the next session" in form and "A session is on now" in form
    assert state.open and state.current.end == datetime(2026, 3, 31, 19, 0, tzinfo=UTC)  # 20:00 BST as planned
    assert state.next.start == datetime(2026, 4, 2, 16, 0, tzinfo=UTC)  # Thursday 17:00 BST
    assert again.open and again.next.start == datetime(2026, 4, 3, 17, 0, tzinfo=UTC)  # changed twice: Friday
    assert ChatSchedule.objects.filter(circle=circle).count() == 2
    after = circle_selectors.chat_state(fresh(circle), at=datetime(2026, 4, 7, 18, 20, tzinfo=UTC))
    assert not after.open  # the old Tuesday sessions have ended
    assert circle_selectors.schedule_texts(fresh(circle), at=datetime(2026, 4, 1, tzinfo=UTC)) == [
        "Every Friday at 18:00 (Europe/London), for 60 minutes"
    ]


def test_changing_the_times_between_sessions_changes_the_one_schedule(room):
    circle, _one, _other = room
    with time_machine.travel(datetime(2026, 4, 1, 12, 0, tzinfo=UTC), tick=False):
        circle_services.save_chat_schedule(
            actor=circle.created_by, circle=fresh(circle), weekday=3, start=datetime(1, 1, 1, 17).time()
        )

    assert ChatSchedule.objects.filter(circle=circle).count() == 1


# B8: hosts see a removed post and undo; B12: the post page's heading; removing a comment lands somewhere real


def test_a_host_removes_a_post_sees_it_marked_and_puts_it_back(client):
    circle = make_circle()
    writer = join(circle)
    post = circle_services.write_post(actor=writer, circle=circle, body="A hard week, but I got through it.").obj
    client.force_login(circle.created_by)

    removed = client.post(page(circle, f"posts/{post.pk}/remove/"))
    html = client.get(removed["Location"]).content.decode()
    restored = client.post(page(circle, f"posts/{post.pk}/restore/"))

    assert removed.status_code == 302 and removed["Location"] == page(circle, f"posts/{post.pk}/")
    assert "Removed by a host" in html and "Undo: put the post back in the circle" in html
    assert restored.status_code == 302
    assert CirclePost.objects.get(pk=post.pk).removed_by_id is None


def test_the_post_page_has_a_heading_and_no_link_to_itself(client):
    circle = make_circle(title="Exam stress")
    writer = join(circle)
    post = circle_services.write_post(actor=writer, circle=circle, body="Revision tips welcome.").obj
    client.force_login(writer)

    html = client.get(page(circle, f"posts/{post.pk}/")).content.decode()

    assert "<h1>A post in Exam stress</h1>" in html
    assert f'href="/circles/{circle.slug}/posts/{post.pk}/"' not in html
    assert 'id="comment-form"' in html


def test_removing_the_last_comment_under_a_deleted_post_lands_on_the_circle(client):
    from community.services import add_comment

    circle = make_circle()
    writer, commenter = join(circle), join(circle)
    post = circle_services.write_post(actor=writer, circle=circle, body="Day one.").obj
    comment = add_comment(actor=commenter, target=post, body="Good luck!").obj
    circle_services.delete_post(actor=writer, post=post)
    client.force_login(circle.created_by)

    response = client.post(page(circle, f"comments/{comment.pk}/remove/"))

    assert response.status_code == 302 and response["Location"] == page(circle) + "#posts"
    assert client.get(response["Location"]).status_code == 200


# B11: each message once


def test_after_a_decline_the_page_says_so_once(client):
    circle = make_circle(join_policy="request")
    person = adult()
    waiting = circle_services.join_circle(actor=person, circle=circle, accept_guidelines=True)
    circle_services.decide_request(actor=circle.created_by, membership=waiting, approve=False)
    client.force_login(person)

    response = client.post(page(circle, "join/"), {"accept_guidelines": "on"}, follow=True)

    assert response.content.decode().count("A host declined your request") == 1
