"""Hosts' removals, each a step they confirm first (a page without JavaScript; in place in the chat room) and
each undone from where it was (posts, comments, chat messages), audited; the writer of a removed chat message
is told live; and the forms' words about lengths and missing fields, and the members page's polish."""

import zoneinfo
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from community.models import ChatMessage, Circle, CircleMembership, Comment
from community.services import add_comment
from community.services import circles as circle_services
from moderation.models import AuditEntry

from .test_circles_fixtures import adult, expert, fresh, join, make_circle, minor, weekly_chat

pytestmark = pytest.mark.django_db

DURING = datetime(2026, 3, 31, 18, 20, tzinfo=UTC)  # Tuesday, 19:20 in London


@pytest.fixture
def room():
    circle = make_circle()
    weekly_chat(circle, first_start=datetime(2026, 3, 3, 19, 0, tzinfo=zoneinfo.ZoneInfo("Europe/London")))
    circle = fresh(circle)
    return circle, circle.created_by, join(circle), join(circle)


# A step to confirm first


def test_removing_a_member_asks_first_and_only_the_post_removes(client):
    circle = make_circle()
    member = join(circle, adult(display_name="Robin"))
    row = CircleMembership.objects.get(circle=circle, user=member)
    client.force_login(circle.created_by)
    url = f"/circles/{circle.slug}/members/{row.pk}/remove/"

    members_page = client.get(f"/circles/{circle.slug}/members/").content.decode()
    asked = client.get(url)
    row.refresh_from_db()
    still_in = row.status
    done = client.post(url)
    row.refresh_from_db()

    assert f'href="{url}"' in members_page  # a link to the question, not a one-tap form
    assert asked.status_code == 200 and "Remove Robin from the circle?" in asked.content.decode()
    assert "can&#x27;t be undone" in asked.content.decode() and f'action="{url}"' in asked.content.decode()
    assert still_in == CircleMembership.Status.ACTIVE
    assert done.status_code == 302 and row.status == CircleMembership.Status.REMOVED


def test_a_member_who_is_not_a_host_gets_no_question_page(client):
    circle = make_circle()
    member, other = join(circle), join(circle)
    row = CircleMembership.objects.get(circle=circle, user=other)
    client.force_login(member)

    response = client.get(f"/circles/{circle.slug}/members/{row.pk}/remove/")

    assert response.status_code == 302 and "Yes, remove" not in response.content.decode()


def test_removing_a_post_or_a_comment_asks_first_and_both_can_be_undone(client):
    circle = make_circle()
    host, writer = circle.created_by, join(circle)
    post = circle_services.write_post(actor=writer, circle=circle, body="Today was a long day.").obj
    comment = add_comment(actor=writer, target=post, body="And tomorrow looks longer.").obj
    client.force_login(host)
    post_url = f"/circles/{circle.slug}/posts/{post.pk}/"

    page = client.get(post_url).content.decode()
    asked_post = client.get(f"{post_url}remove/").content.decode()
    asked_comment = client.get(f"/circles/{circle.slug}/comments/{comment.pk}/remove/").content.decode()
    post.refresh_from_db()
    comment.refresh_from_db()
    untouched = (post.removed_by_id, comment.approval)
    client.post(f"/circles/{circle.slug}/comments/{comment.pk}/remove/")
    host_sees = client.get(post_url).content.decode()
    client.post(f"/circles/{circle.slug}/comments/{comment.pk}/restore/")
    comment.refresh_from_db()

    assert f'href="{post_url}remove/"' in page
    assert "Take this post off the circle?" in asked_post and "Take this comment off the post?" in asked_comment
    assert untouched == (None, Comment.Approval.APPROVED)
    assert "Comments a host removed" in host_sees and "And tomorrow looks longer." in host_sees
    assert "Undo: put the comment back" in host_sees
    assert comment.approval == Comment.Approval.APPROVED
    assert AuditEntry.objects.filter(action="circle.comment_restore", actor=host, target_id=str(comment.pk)).exists()


def test_only_hosts_restore_comments_and_other_members_never_see_removed_ones(client):
    circle = make_circle()
    host, writer, reader = circle.created_by, join(circle), join(circle)
    post = circle_services.write_post(actor=writer, circle=circle, body="Today was a long day.").obj
    comment = add_comment(actor=writer, target=post, body="A word only hosts see once removed.").obj
    circle_services.remove_comment(actor=host, comment=comment)

    with pytest.raises(PermissionDenied):
        circle_services.restore_comment(actor=reader, comment=comment)
    client.force_login(reader)
    html = client.get(f"/circles/{circle.slug}/posts/{post.pk}/").content.decode()

    assert "A word only hosts see once removed." not in html and "Comments a host removed" not in html


# The chat: removed, marked, undone, and the writer told live


def test_a_host_sees_a_removed_chat_message_marked_and_restores_it(client, room):
    circle, host, one, other = room
    with time_machine.travel(DURING, tick=False):
        message = circle_services.send_chat_message(actor=one, circle=fresh(circle), body="Hello all.").obj
        client.force_login(host)
        asked = client.get(f"/circles/{circle.slug}/chat/{message.pk}/remove/").content.decode()
        client.post(f"/circles/{circle.slug}/chat/{message.pk}/remove/")
        host_room = client.get(f"/circles/{circle.slug}/chat/").content.decode()
        client.force_login(other)
        other_room = client.get(f"/circles/{circle.slug}/chat/").content.decode()
        client.force_login(host)
        client.post(f"/circles/{circle.slug}/chat/{message.pk}/restore/")
        client.force_login(other)
        back = client.get(f"/circles/{circle.slug}/chat/").content.decode()

    assert "Remove this message for everyone?" in asked
    assert "Hello all." in host_room and "Removed by a host" in host_room and "Undo: put it back" in host_room
    assert "Hello all." not in other_room
    assert "Hello all." in back
    assert AuditEntry.objects.filter(action="circle.message_restore", actor=host, target_id=str(message.pk)).exists()


def test_the_poll_tells_the_writer_and_the_hosts_which_messages_a_host_removed(api_client, room):
    circle, host, one, other = room
    url = f"/api/v1/circles/{circle.slug}/chat/messages/"
    with time_machine.travel(DURING, tick=False):
        message = circle_services.send_chat_message(actor=one, circle=fresh(circle), body="Hello all.").obj
        circle_services.remove_chat_message(actor=host, message=message)
        answers = {}
        for name, person in (("writer", one), ("host", host), ("other", other)):
            api_client.force_authenticate(person)
            answers[name] = api_client.get(url, {"after": message.pk}).json()
        api_client.force_authenticate(host)
        restored = api_client.post(f"{url}{message.pk}/restore/")
        api_client.force_authenticate(one)
        after_restore = api_client.get(url, {"after": message.pk}).json()

    assert answers["writer"]["removed"] == [message.pk]  # the room marks it: "A host removed this message..."
    assert answers["host"]["removed"] == [message.pk] and answers["host"]["withdrawn"] == []
    assert answers["other"]["removed"] == [] and answers["other"]["withdrawn"] == [message.pk]
    assert restored.status_code == 204 and after_restore["removed"] == []
    assert ChatMessage.objects.get(pk=message.pk).removed_by_id is None


# Forms: lengths and missing fields


def test_a_too_long_post_says_the_limit_and_its_length_whatever_the_length(client):
    circle = make_circle()
    client.force_login(join(circle))

    for length in (5001, 100_000):
        html = client.post(f"/circles/{circle.slug}/posts/", {"body": "a" * length}).content.decode()
        assert f"Use at most 5000 characters; this is {length}." in html
        assert "6000" not in html


def test_a_too_long_description_says_how_long_it_is():
    limit = Circle._meta.get_field("description").max_length
    with pytest.raises(ValidationError) as error:
        circle_services.create_circle(
            actor=adult(),
            data={"title": "Long one", "description": "a" * (limit + 7), "guidelines": "Be kind."},
        )
    assert f"this is {limit + 7}." in str(error.value)


def test_missing_fields_are_named_and_the_form_offers_only_your_age_groups(client):
    client.force_login(adult())
    empty = client.post("/circles/new/", {}).content.decode()
    adult_form = client.get("/circles/new/").content.decode()
    client.force_login(minor())
    teen_form = client.get("/circles/new/").content.decode()
    client.force_login(expert())
    expert_form = client.get("/circles/new/").content.decode()

    assert "Give the circle a name." in empty and "Say what the circle is for." in empty
    assert "Write the guidelines every member agrees to." in empty
    assert 'value="everyone"' not in adult_form and 'value="teens"' not in adult_form
    assert 'value="teens"' in teen_form and 'value="adults"' not in teen_form
    assert "Members under 18 start circles for teens." in teen_form
    assert 'value="everyone"' in expert_form and 'value="adults"' in expert_form


# The members page and the list


def test_members_page_lists_hosts_first_badges_teens_for_hosts_and_offers_make_host_only_when_possible(client):
    circle = make_circle(age_group="everyone")
    teen = join(circle, minor(display_name="Teen Tay"))
    grown = join(circle, adult(display_name="Adult Ash"))
    other_expert = join(circle, expert(display_name="Expert Eli"))
    circle_services.appoint_host(actor=circle.created_by, circle=circle, user=other_expert)
    client.force_login(circle.created_by)

    html = client.get(f"/circles/{circle.slug}/members/").content.decode()
    rows = html.split('<ul class="member-list">')[1].split("</ul>")[0].split("<li>")[1:]
    by_name = {name: row for row in rows for name in ("Teen Tay", "Adult Ash", "Expert Eli") if name in row}

    assert "Expert Eli" in rows[1]  # hosts first, then members by when they joined
    assert "under 18" in by_name["Teen Tay"] and "under 18" not in by_name["Adult Ash"]
    assert "Make host" not in by_name["Teen Tay"] and "Make host" not in by_name["Adult Ash"]
    assert teen.is_minor and grown.pk


def test_the_list_gives_every_circle_its_age_label(client):
    make_circle(age_group="everyone", title="Together circle")
    make_circle(title="Grown-ups circle")
    client.force_login(adult())

    html = client.get("/circles/").content.decode()

    assert "for teens and adults" in html and "for adults" in html
