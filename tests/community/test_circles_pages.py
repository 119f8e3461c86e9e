"""The circle pages, as a person uses them without JavaScript: the list, starting a circle, joining with the
guidelines, posting, the hosts' requests and members, and what a page costs in queries."""

import zoneinfo
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.models import ChatSchedule, Circle, CircleMembership, CirclePost, Comment
from community.services import circles as circle_services
from moderation.models import Visibility

from .test_circles_fixtures import adult, fresh, join, make_circle, minor, weekly_chat

pytestmark = pytest.mark.django_db

CRISIS = "I can't do this anymore. Tonight is the night, goodbye everyone."


def test_the_list_says_what_each_circle_is_for_and_the_join_state(client):
    open_circle = make_circle(title="Exam stress", description="For anyone finding exams hard.")
    asked = make_circle(title="Grief circle", join_policy="request")
    teen_circle = make_circle(minor(), title="Teen talk", age_group="teens")
    person = adult()
    join(open_circle, person)
    circle_services.join_circle(actor=person, circle=asked, accept_guidelines=True)
    client.force_login(person)

    html = client.get("/circles/").content.decode()

    assert "Exam stress" in html and "For anyone finding exams hard." in html
    assert "You&#x27;re a member" in html or "You're a member" in html
    assert "You asked to join" in html
    assert teen_circle.title not in html  # not listed to adults


def test_a_visitor_sees_the_about_page_but_not_the_posts(client):
    circle = make_circle()
    writer = join(circle)
    circle_services.write_post(actor=writer, circle=circle, body="A members-only thought about today.")

    html = client.get(f"/circles/{circle.slug}/").content.decode()

    assert circle.guidelines in html and "Sign in to join" in html
    assert "A members-only thought" not in html


def test_starting_a_circle_with_a_weekly_chat(client):
    person = adult(time_zone="Europe/London")
    client.force_login(person)

    response = client.post(
        "/circles/new/",
        {
            "title": "Sleep and worry",
            "description": "For people whose worries keep them up at night.",
            "guidelines": "Be kind. Share what helps, not what harms.",
            "join_policy": "request",
            "age_group": "adults",
            "time_zone": "Europe/London",
            "chat_weekday": "1",
            "chat_time": "19:00",
            "chat_minutes": "60",
        },
    )

    circle = Circle.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/circles/{circle.slug}/"
    schedule = ChatSchedule.objects.get(circle=circle)
    assert schedule.rrule == "FREQ=WEEKLY;BYDAY=TU;BYHOUR=19;BYMINUTE=0" and schedule.duration_minutes == 60
    assert schedule.first_start.astimezone(zoneinfo.ZoneInfo("Europe/London")).strftime("%H:%M") == "19:00"
    html = client.get(response["Location"]).content.decode()
    assert "Every Tuesday at 19:00 (Europe/London), for 60 minutes" in html
    assert "Requests to join" in html  # the host's tools


def test_starting_a_circle_with_a_refused_text_keeps_the_form(client):
    client.force_login(adult())

    response = client.post(
        "/circles/new/",
        {
            "title": "Mean",
            "description": "kys nobody likes you",
            "guidelines": "None",
            "join_policy": "open",
            "age_group": "adults",
            "chat_minutes": "60",
        },
    )

    assert response.status_code == 400 and not Circle.objects.exists()
    assert "kys nobody likes you" in response.content.decode()


def test_joining_needs_the_checkbox_and_then_works(client):
    circle = make_circle()
    person = adult()
    client.force_login(person)

    refused = client.post(f"/circles/{circle.slug}/join/", {})
    joined = client.post(f"/circles/{circle.slug}/join/", {"accept_guidelines": "on"})
    twice = client.post(f"/circles/{circle.slug}/join/", {"accept_guidelines": "on"})

    assert refused.status_code == 400 and "accept the guidelines" in refused.content.decode()
    assert joined.status_code == 302
    assert CircleMembership.objects.get(circle=circle, user=person).status == "active"
    assert twice.status_code == 302  # the page already says so, once
    html = client.get(twice["Location"]).content.decode()
    assert html.count("a member of this circle") == 1 and "already a member" not in html


def test_a_minor_is_told_an_adults_circle_is_not_for_them(client):
    circle = make_circle(age_group="adults")
    teen = minor()
    client.force_login(teen)

    assert client.get(f"/circles/{circle.slug}/").status_code == 404
    assert client.post(f"/circles/{circle.slug}/join/", {"accept_guidelines": "on"}).status_code == 404


def test_members_post_and_comment_and_hosts_pin_and_remove(client):
    circle = make_circle()
    host = circle.created_by
    member = join(circle)
    client.force_login(member)

    response = client.post(f"/circles/{circle.slug}/posts/", {"body": "I made it through the week."})
    post = CirclePost.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#post-{post.pk}")
    commented = client.post(f"/circles/{circle.slug}/posts/{post.pk}/comments/", {"body": "So proud of you."})
    assert commented.status_code == 302 and Comment.objects.get().target == post
    assert client.post(f"/circles/{circle.slug}/posts/{post.pk}/pin/").status_code == 302
    assert CirclePost.objects.get().pinned_at is None  # members don't pin

    client.force_login(host)
    client.post(f"/circles/{circle.slug}/posts/{post.pk}/pin/")
    assert CirclePost.objects.get().pinned_at is not None
    html = client.get(f"/circles/{circle.slug}/posts/{post.pk}/").content.decode()
    assert "So proud of you." in html and "Unpin" in html
    client.post(f"/circles/{circle.slug}/comments/{Comment.objects.get().pk}/remove/")
    assert Comment.objects.get().approval == Comment.Approval.DECLINED
    client.post(f"/circles/{circle.slug}/posts/{post.pk}/remove/")
    assert CirclePost.objects.get().removed_by == host


def test_a_post_that_reads_as_a_crisis_goes_to_help_first(client):
    circle = make_circle()
    client.force_login(join(circle))

    response = client.post(f"/circles/{circle.slug}/posts/", {"body": CRISIS})

    assert response.status_code == 302 and response["Location"].startswith("/help/")
    assert CirclePost.objects.get().visibility == Visibility.HELD


def test_outsiders_cannot_post_or_read_a_post(client):
    circle = make_circle()
    post = circle_services.write_post(actor=circle.created_by, circle=circle, body="Welcome, everyone.").obj
    client.force_login(adult())

    assert client.post(f"/circles/{circle.slug}/posts/", {"body": "Hello"}).status_code == 403
    assert client.get(f"/circles/{circle.slug}/posts/{post.pk}/").status_code == 404
    assert not CirclePost.objects.exclude(pk=post.pk).exists()


def test_hosts_decide_requests_from_their_page(client):
    circle = make_circle(join_policy="request")
    person = adult()
    membership = circle_services.join_circle(
        actor=person, circle=circle, accept_guidelines=True, note="I'd like to listen first."
    )
    client.force_login(circle.created_by)

    html = client.get(f"/circles/{circle.slug}/requests/").content.decode()
    response = client.post(f"/circles/{circle.slug}/requests/{membership.pk}/approve/")

    assert "listen first" in html
    assert response.status_code == 302
    assert CircleMembership.objects.get(pk=membership.pk).status == "active"
    client.force_login(person)
    assert client.get(f"/circles/{circle.slug}/requests/").status_code == 403


def test_hosts_remove_members_and_appoint_hosts_from_the_members_page(client):
    circle = make_circle()
    one, two = join(circle), join(circle)
    client.force_login(circle.created_by)
    rows = {row.user_id: row for row in CircleMembership.objects.filter(circle=circle)}

    client.post(f"/circles/{circle.slug}/members/{rows[one.pk].pk}/host/")
    client.post(f"/circles/{circle.slug}/members/{rows[two.pk].pk}/remove/")

    assert CircleMembership.objects.get(pk=rows[one.pk].pk).role == "host"
    assert CircleMembership.objects.get(pk=rows[two.pk].pk).status == "removed"


def test_leaving_asks_first(client):
    circle = make_circle()
    person = join(circle)
    client.force_login(person)

    assert "Leave the circle?" in client.get(f"/circles/{circle.slug}/leave/").content.decode()
    client.post(f"/circles/{circle.slug}/leave/")

    assert not CircleMembership.objects.filter(user=person).exists()


@pytest.mark.parametrize("path", ["", "requests/", "members/", "chat/", "chat/schedule/", "leave/"])
def test_circle_pages_have_nothing_the_csp_would_block(client, path):
    circle = make_circle()
    client.force_login(circle.created_by)
    html = client.get(f"/circles/{circle.slug}/{path}").content.decode()

    assert ' style="' not in html and "<style" not in html
    assert "<script>" not in html


def _circle_with_posts(count: int):
    circle = make_circle()
    weekly_chat(circle, first_start=datetime(2026, 3, 3, 19, 0, tzinfo=zoneinfo.ZoneInfo("Europe/London")))
    viewer = join(circle)
    writers = [join(circle) for _ in range(3)]
    for index in range(count):
        post = circle_services.write_post(
            actor=writers[index % 3], circle=circle, body=f"Checking in, day {index}: a little better."
        ).obj
        from community import services

        services.add_comment(actor=viewer, target=post, body=f"Glad to hear it, {index}.")
    circle_services.pin_post(actor=circle.created_by, post=CirclePost.objects.filter(circle=circle).first())
    return fresh(circle), viewer


def test_the_circle_page_costs_the_same_for_3_or_25_posts(client):
    small, viewer = _circle_with_posts(3)
    big, _ = _circle_with_posts(25)
    join(big, viewer)
    client.force_login(viewer)
    client.get(f"/circles/{small.slug}/")  # warm the session and content types

    counts = []
    for circle in (small, big):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/circles/{circle.slug}/")
        assert response.status_code == 200
        counts.append(len(captured.captured_queries))

    assert counts[0] == counts[1]
    assert counts[1] <= 20


def test_the_circle_list_costs_the_same_for_2_or_12_circles(client):
    viewer = adult()
    client.force_login(viewer)
    for _ in range(2):
        join(make_circle(), viewer)
    client.get("/circles/")
    with CaptureQueriesContext(connection) as few:
        client.get("/circles/")
    for _ in range(10):
        join(make_circle(), viewer)
    with CaptureQueriesContext(connection) as many:
        html = client.get("/circles/").content.decode()

    assert html.count('class="card circle-card"') == 12
    assert len(few.captured_queries) == len(many.captured_queries)
