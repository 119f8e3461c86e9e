"""Who may do what in a support circle: each person against each action, through the selectors and services the
pages and the API use, and the same table through the API.

R read the posts, P post, N pin, X remove someone's post, A approve a request to join; "-" refuses it.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from community.models import CircleMembership, CirclePost
from community.selectors import circles as circle_selectors
from community.services import circles as circle_services

from .test_circles_fixtures import adult, force_member, join, make_circle, minor, moderator

pytestmark = pytest.mark.django_db

ACTIONS = ("read", "post", "pin", "remove", "approve")
# fmt: off
MATRIX = {
    "visitor":                    "-----",
    "signed in, not a member":    "-----",
    "member of another circle":   "-----",
    "asked to join":              "-----",
    "removed by a host":          "-----",
    "member":                     "RP---",
    "host":                       "RPNXA",
    "minor in an adults' circle": "-----",
    "adult in a teens' circle":   "-----",
    "moderator (staff)":          "R-NXA",
}
# fmt: on
CELLS = [
    pytest.param(person, action, allowed[index] != "-", id=f"{person}-{action}")
    for person, allowed in MATRIX.items()
    for index, action in enumerate(ACTIONS)
]


def scene(person: str):
    """A circle with a host, a writer's post and a waiting request; and the person trying, as the row says."""
    group = {"minor in an adults' circle": "adults", "adult in a teens' circle": "teens"}.get(person, "adults")
    host = minor() if group == "teens" else adult()
    circle = make_circle(host, join_policy="request", age_group=group)
    writer = minor() if group == "teens" else adult()
    join(circle, writer)
    post = circle_services.write_post(actor=writer, circle=circle, body="This week I tried the breathing exercise.").obj
    waiting = circle_services.join_circle(
        actor=minor() if group == "teens" else adult(), circle=circle, accept_guidelines=True
    )
    actor = {
        "visitor": lambda: AnonymousUser(),
        "host": lambda: host,
        "moderator (staff)": moderator,
    }.get(person, adult)()
    if person == "member":
        join(circle, actor)
    elif person == "member of another circle":
        join(make_circle(), actor)
    elif person == "asked to join":
        circle_services.join_circle(actor=actor, circle=circle, accept_guidelines=True)
    elif person == "removed by a host":
        join(circle, actor)
        circle_services.remove_member(actor=host, circle=circle, user=actor)
    elif person == "minor in an adults' circle":
        actor = minor()
        force_member(circle, actor)
    elif person == "adult in a teens' circle":
        force_member(circle, actor)
    circle = circle_selectors.circle_for(viewer=host, slug=circle.slug)
    return circle, post, waiting, actor


def attempt(action: str, circle, post: CirclePost, waiting: CircleMembership, actor) -> bool:
    if action == "read":
        shown = list(circle_selectors.readable_posts(viewer=actor, circle=circle))
        return [p.pk for p in shown] == [post.pk]
    try:
        if action == "post":
            circle_services.write_post(actor=actor, circle=circle, body="Thank you all for being here.")
        elif action == "pin":
            circle_services.pin_post(actor=actor, post=post)
        elif action == "remove":
            circle_services.remove_post(actor=actor, post=post)
        else:
            circle_services.decide_request(actor=actor, membership=waiting, approve=True)
    except (PermissionDenied, ValidationError):
        assert CirclePost.objects.filter(circle=circle).count() == 1
        assert CirclePost.objects.get(pk=post.pk).pinned_at is None
        assert CirclePost.objects.get(pk=post.pk).removed_by is None
        assert CircleMembership.objects.get(pk=waiting.pk).status == CircleMembership.Status.REQUESTED
        return False
    return True


@pytest.mark.parametrize(("person", "action", "allowed"), CELLS)
def test_permission_matrix(person, action, allowed):
    circle, post, waiting, actor = scene(person)

    assert attempt(action, circle, post, waiting, actor) is allowed


def test_the_matrix_covers_every_person_and_action():
    assert len(CELLS) == len(MATRIX) * len(ACTIONS)


API_ACTIONS = {
    "read": ("get", "posts/", None),
    "post": ("post", "posts/", {"body": "Thank you all for being here."}),
    "pin": ("post", "posts/{post}/pin/", None),
    "remove": ("post", "posts/{post}/remove/", None),
    "approve": ("post", "requests/{request}/approve/", None),
}


@pytest.mark.parametrize(("person", "action", "allowed"), CELLS)
def test_permission_matrix_through_the_api(api_client, person, action, allowed):
    circle, post, waiting, actor = scene(person)
    if actor.is_authenticated:
        api_client.force_authenticate(actor)
    method, path, data = API_ACTIONS[action]
    url = f"/api/v1/circles/{circle.slug}/" + path.format(post=post.pk, request=waiting.pk)

    response = getattr(api_client, method)(url, data, format="json")

    if allowed:
        assert response.status_code in (200, 201, 204), response.content
    else:
        assert response.status_code in (401, 403, 404), response.content
