"""What notifications about circles say: what happened to the person (accepted, declined, removed, made a host),
named by the circle's own published name as it is now; join requests by how many still wait; chat reminders by
the time the chat starts in the reader's zone."""

import itertools
import re
import zoneinfo
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.models import Circle, CircleMembership, Notification
from community.selectors.notifications import notification_page, unread_count
from community.services import circles as circle_services
from moderation.models import Visibility

from .test_circles_fixtures import adult, fresh, join, make_circle, weekly_chat

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")


def texts(person, kind=Notification.Kind.CIRCLE) -> list[str]:
    return [item.text for item in notification_page(viewer=person).items if item.notification.kind == kind]


def notification_of(circle) -> Notification:
    return Notification.objects.get(kind=Notification.Kind.CIRCLE_REQUEST, target_id=circle.pk)


def ask(act, circle, person=None):
    person = person or adult()
    return act(circle_services.join_circle, actor=person, circle=circle, accept_guidelines=True)


def test_an_accepted_request_says_so_and_names_the_circle(act):
    circle = make_circle(title="Evening check-in", join_policy=Circle.JoinPolicy.REQUEST)
    request = ask(act, circle)
    act(circle_services.decide_request, actor=circle.created_by, membership=request, approve=True)

    assert texts(request.user) == ["Your request to join Evening check-in was accepted"]


def test_a_declined_request_never_says_there_is_news_from_a_circle_you_are_in(act):
    circle = make_circle(title="Evening check-in", join_policy=Circle.JoinPolicy.REQUEST)
    request = ask(act, circle)
    act(circle_services.decide_request, actor=circle.created_by, membership=request, approve=False)

    assert texts(request.user) == ["A host declined your request to join Evening check-in"]


def test_a_removed_member_is_told_they_were_removed(act):
    circle = make_circle(title="Evening check-in")
    member = join(circle)
    act(circle_services.remove_member, actor=circle.created_by, circle=circle, user=member)

    assert texts(member) == ["You were removed from Evening check-in"]


def test_a_new_host_is_told_they_host_it_now(act):
    circle = make_circle(title="Evening check-in")
    member = join(circle)
    act(circle_services.appoint_host, actor=circle.created_by, circle=circle, user=member)

    assert texts(member) == ["You are now a host of Evening check-in"]


def test_the_circle_is_named_as_it_is_now_and_not_at_all_once_moderators_hid_it(act):
    circle = make_circle(title="Evening check-in")
    member = join(circle)
    act(circle_services.appoint_host, actor=circle.created_by, circle=circle, user=member)

    Circle.objects.filter(pk=circle.pk).update(title="Night owls")
    assert texts(member) == ["You are now a host of Night owls"]

    Circle.objects.filter(pk=circle.pk).update(visibility=Visibility.HIDDEN)
    assert texts(member) == ["You are now a host of a circle"]


def test_join_requests_count_only_those_still_waiting_and_lead_to_them(act):
    circle = make_circle(title="Evening check-in", join_policy=Circle.JoinPolicy.REQUEST)
    host = circle.created_by
    first, second, third = ask(act, circle), ask(act, circle), ask(act, circle)
    assert texts(host, Notification.Kind.CIRCLE_REQUEST) == ["3 people are waiting to join Evening check-in"]

    act(circle_services.decide_request, actor=host, membership=first, approve=True)
    act(circle_services.decide_request, actor=host, membership=second, approve=False)

    [item] = [i for i in notification_page(viewer=host).items if i.notification.kind == "circle_request"]
    assert item.text == "1 person is waiting to join Evening check-in"
    assert item.url == f"/circles/{circle.slug}/requests/"

    act(circle_services.decide_request, actor=host, membership=third, approve=True)
    [item] = [i for i in notification_page(viewer=host).items if i.notification.kind == "circle_request"]
    assert item.text == "Nobody is waiting to join Evening check-in now"
    assert item.url == f"/circles/{circle.slug}/"  # nothing to answer: the circle itself


def test_a_host_no_longer_hosting_is_not_sent_to_the_requests_page(act):
    circle = make_circle(join_policy=Circle.JoinPolicy.REQUEST)
    cohost = join(circle)
    act(circle_services.appoint_host, actor=circle.created_by, circle=circle, user=cohost)
    ask(act, circle)
    CircleMembership.objects.filter(circle=circle, user=cohost).update(role=CircleMembership.Role.MEMBER)

    [item] = [i for i in notification_page(viewer=cohost).items if i.notification.kind == "circle_request"]
    assert item.url == f"/circles/{circle.slug}/"


def test_a_chat_reminder_names_the_circle_and_the_start_in_the_readers_zone(client):
    circle = make_circle(title="Evening check-in", time_zone="Europe/London")
    weekly_chat(circle, first_start=datetime(2026, 3, 3, 19, 0, tzinfo=LONDON))  # Tuesdays, 19:00 in London
    member = join(fresh(circle), adult(time_zone="Asia/Tokyo"))
    assert circle_services.remind_upcoming_chats(now=datetime(2026, 3, 31, 17, 50, tzinfo=UTC)) >= 1

    client.force_login(member)
    html = client.get("/notifications/").content.decode()

    assert "The support chat of Evening check-in starts at 03:00" in html  # 18:00 UTC is 03:00 in Tokyo


def test_a_page_of_circle_notifications_costs_the_same_for_2_or_6_circles(act, client):
    host = adult()
    numbers = itertools.count(1)

    def circles(count):
        for _n in range(count):
            number = next(numbers)
            circle = make_circle(host, title=f"Evening check-in {number}", join_policy=Circle.JoinPolicy.REQUEST)
            ask(act, circle)
            request = ask(act, circle)
            act(circle_services.decide_request, actor=host, membership=request, approve=False)
            other = make_circle(adult(), title=f"Morning walk {number}")
            join(other, host)
            act(circle_services.appoint_host, actor=other.created_by, circle=other, user=host)

    client.force_login(host)
    circles(2)
    client.get("/notifications/")  # content types and the session are cached after the first page
    with CaptureQueriesContext(connection) as few:
        html = client.get("/notifications/").content.decode()
    assert len(re.findall(r">1 person is waiting to join Evening check-in \d</a>", html)) == 2
    circles(4)
    with CaptureQueriesContext(connection) as many:
        html = client.get("/notifications/").content.decode()

    assert len(re.findall(r">You are now a host of Morning walk \d</a>", html)) == 6
    assert len(many) == len(few)


def test_join_requests_all_answered_no_longer_count_as_unread_until_someone_asks_again(act, client):
    circle = make_circle(title="Evening check-in", join_policy=Circle.JoinPolicy.REQUEST)
    host = circle.created_by
    first, second = ask(act, circle), ask(act, circle)
    other = make_circle(host, join_policy=Circle.JoinPolicy.REQUEST)
    ask(act, other)  # still waiting there
    assert unread_count(viewer=host) == 2

    act(circle_services.decide_request, actor=host, membership=first, approve=True)
    act(circle_services.decide_request, actor=host, membership=second, approve=False)

    with CaptureQueriesContext(connection) as captured:
        assert unread_count(viewer=host) == 1
    assert len(captured) == 1  # the header badge stays one query
    [item] = [i for i in notification_page(viewer=host).items if i.notification.pk == notification_of(circle).pk]
    assert item.text == "Nobody is waiting to join Evening check-in now"
    assert not item.unread
    client.force_login(host)
    assert 'aria-label="Notifications, 1 unread"' in client.get("/").content.decode()

    ask(act, circle)
    assert unread_count(viewer=host) == 2
    [item] = [i for i in notification_page(viewer=host).items if i.notification.pk == notification_of(circle).pk]
    assert item.unread
    assert item.text == "1 person is waiting to join Evening check-in"
