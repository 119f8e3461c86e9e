"""seed_demo's circles: two circles with hosts, posts and a weekly chat each, one of them on now; only once."""

import io

import pytest
from django.core.management import call_command

from community.models import ChatMessage, ChatSchedule, Circle, CircleMembership, CirclePost, Comment, User
from community.selectors import circles as circle_selectors
from moderation.models import Visibility

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo", stdout=io.StringIO(), stderr=io.StringIO())


def counts() -> dict:
    models = (Circle, CircleMembership, CirclePost, Comment, ChatSchedule, ChatMessage)
    return {model.__name__: model.objects.count() for model in models}


def test_seed_demo_adds_two_circles_with_chats_once_and_one_chat_is_on():
    seed()
    first = counts()
    seed()

    assert counts() == first
    circles = list(Circle.objects.prefetch_related("chat_schedules"))
    assert len(circles) == 2 and all(circle.visibility == Visibility.PUBLISHED for circle in circles)
    assert all(circle.chat_schedules.filter(active=True).exists() for circle in circles)
    assert not CirclePost.objects.exclude(visibility=Visibility.PUBLISHED).exists()
    assert CirclePost.objects.filter(pinned_at__isnull=False).count() == 2
    assert CircleMembership.objects.filter(status="requested").count() == 1  # waiting for a host
    for circle in circles:  # adults and teens meet only with a trusted adult host, who lets each one in
        if circle.age_group == "everyone":
            assert circle.join_policy == "request"
            assert any(circle_selectors.trusted_adult(host) for host in circle_selectors.hosts_of(circle))
    jo = User.objects.get(handle="jo_teen")
    assert all(circle.age_group in ("everyone", "teens") for circle in Circle.objects.filter(memberships__user=jo))
    assert sum(circle_selectors.chat_state(circle).open for circle in circles) >= 1
    assert ChatMessage.objects.filter(visibility=Visibility.PUBLISHED).count() == 2


def test_the_demo_host_sees_the_live_room(client):
    seed()
    client.force_login(User.objects.get(handle="dr_amara"))
    circle = Circle.objects.get(title__startswith="Night owls")

    html = client.get(f"/circles/{circle.slug}/chat/").content.decode()

    assert 'data-open="true"' in html and "Good evening, night owls." in html
