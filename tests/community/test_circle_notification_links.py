"""Notifications about circles link to the circle, and comments on circle posts to the post: only while the
person may still see them there."""

import pytest
from django.utils import timezone

from community.models import Circle, CircleMembership, Notification
from community.selectors.notifications import notification_page
from community.services import add_comment
from community.services import circles as circle_services

from .test_circles_fixtures import adult, join, make_circle

pytestmark = pytest.mark.django_db


def shown(person):
    return notification_page(viewer=person).items


def test_a_join_request_links_the_host_to_the_requests_and_stops_when_they_can_no_longer_see_the_circle(act):
    host = adult()
    circle = make_circle(host, join_policy=Circle.JoinPolicy.REQUEST)
    act(circle_services.join_circle, actor=adult(), circle=circle, accept_guidelines=True)

    [item] = shown(host)
    assert item.notification.kind == Notification.Kind.CIRCLE_REQUEST
    assert item.url == f"/circles/{circle.slug}/requests/"

    Circle.objects.filter(pk=circle.pk).update(archived_at=timezone.now())
    assert shown(host)[0].url == ""


def test_a_comment_on_a_circle_post_links_its_author_to_the_post_while_they_are_a_member(act):
    circle = make_circle()
    writer, commenter = join(circle), join(circle)
    post = circle_services.write_post(actor=writer, circle=circle, body="What helped me sleep this week").obj
    comment = act(add_comment, actor=commenter, target=post, body="Thank you, I will try the breathing one").obj

    [item] = [item for item in shown(writer) if item.notification.kind == Notification.Kind.REPLY]
    assert item.url == f"/circles/{circle.slug}/posts/{post.pk}/#comment-{comment.pk}"

    CircleMembership.objects.filter(circle=circle, user=writer).update(status=CircleMembership.Status.REMOVED)
    [item] = [item for item in shown(writer) if item.notification.kind == Notification.Kind.REPLY]
    assert item.url == ""
