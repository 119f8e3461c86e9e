"""Notifications: what each write tells whom (and whom it never tells: the actor, across a block, about held
content), grouping and dedupe, moderators' decisions, the page, the header and the API."""

import itertools
import re
from datetime import UTC, datetime

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community import services
from community.models import Comment, Notification, Preferences, Story
from community.selectors import notifications as selectors
from community.services import notifications as notifications
from moderation import services as moderation
from moderation.detectors.watched_words import compiled_rules
from moderation.models import Visibility
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

Kind = Notification.Kind
_texts = itertools.count(1)


@pytest.fixture(autouse=True)
def _fresh_rules():
    compiled_rules.reset()
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(Story, Comment)
    yield
    compiled_rules.reset()


@pytest.fixture
def author(db):
    return UserFactory(display_name="Ana")


@pytest.fixture
def reader(db):
    return UserFactory(display_name="Ben")


@pytest.fixture
def story(act, author):
    return post(act, author)


def post(act, author, body=None, **data) -> Story:
    body = body or f"A calm walk by the sea helped me breathe again, day {next(_texts)}."
    return act(services.save_story, actor=author, data={"body": body, **data}, post=True).obj


def comment(act, actor, target, body=None, parent=None) -> Comment:
    body = body or f"Thank you for sharing this, it helps ({next(_texts)})"
    return act(services.add_comment, actor=actor, target=target, body=body, parent=parent).obj


def react(act, actor, target, kind="support"):
    return act(services.react, actor=actor, target=target, kind=kind)


def told(person) -> list[str]:
    """What the person's notifications say, newest first."""
    rows = selectors.visible_notifications(viewer=person).select_related("actor")
    return [item.text for item in selectors.shown_notifications(rows, viewer=person)]


def only(person) -> Notification:
    rows = list(Notification.objects.filter(recipient=person))
    assert len(rows) == 1, [row.kind for row in rows]
    return rows[0]


def hold_rule(word="zebra"):
    moderation.save_rule(actor=StaffFactory(), data={"pattern": word, "action": "hold"})


# Comments


def test_a_comment_tells_the_story_author_and_links_to_it(act, author, reader, story):
    written = comment(act, reader, story)

    note = only(author)
    assert note.kind == Kind.REPLY and note.actor == reader
    shown = selectors.shown_notifications([note], viewer=author)[0]
    assert shown.text == "Ben commented on your story"
    assert shown.url == f"/stories/{story.pk}/#comment-{written.pk}"
    assert not Notification.objects.filter(recipient=reader).exists()


def test_a_reply_tells_the_comment_writer_and_the_story_author_once_each(act, author, reader, story):
    third = UserFactory(display_name="Cleo")
    top = comment(act, reader, story)
    comment(act, third, story, parent=top)

    assert told(reader) == ["Cleo replied to your comment"]
    assert told(author) == ["Cleo commented on your story", "Ben commented on your story"]


def test_a_reply_to_the_story_authors_own_comment_tells_them_once(act, author, reader, story):
    top = comment(act, author, story)
    comment(act, reader, story, parent=top)

    assert told(author) == ["Ben replied to your comment"]


def test_nobody_is_told_about_their_own_comment_reaction_or_mention(act, author, story):
    comment(act, author, story, f"Thanks everyone, @{author.handle} here.")
    react(act, author, story)
    post(act, author, f"Note to self @{author.handle}: keep walking.")

    assert not Notification.objects.exists()


def test_comments_waiting_for_approval_tell_the_author_that_they_wait(act, author, reader):
    story = post(act, author, comments_need_approval=True)
    comment(act, reader, story)
    comment(act, UserFactory(), story)

    note = only(author)
    assert note.count == 2
    shown = selectors.shown_notifications([note], viewer=author)[0]
    assert shown.text == "2 comments on your stories are waiting for your approval"
    assert shown.url == "/stories/approvals/"


def test_a_held_comment_tells_nobody_until_a_moderator_publishes_it(act, author, reader, story):
    hold_rule()
    friend = UserFactory()
    held = comment(act, reader, story, f"Zebra crossing made me think of you @{friend.handle}")
    assert held.visibility == Visibility.HELD
    assert not Notification.objects.exists()

    act(moderation.restore_content, actor=StaffFactory(), obj=held)

    assert told(author) == ["Ben commented on your story"]
    assert told(friend) == ["Ben mentioned you in a comment"]
    assert told(reader) == ["A moderator reviewed your comment: it is published now."]


def test_a_restricted_persons_comment_tells_nobody(act, author, reader, story):
    services.restrict(actor=author, user=reader)
    top = comment(act, UserFactory(), story)
    Notification.objects.all().delete()

    comment(act, reader, story, parent=top)

    assert not Notification.objects.exists()


def test_nobody_is_told_across_a_block(act, author, reader):
    story = post(act, author, anonymous=True)  # blocked people may still comment and react on anonymous stories
    services.block(actor=author, user=reader)
    comment(act, reader, story)
    react(act, reader, story)
    blocker = UserFactory()
    services.block(actor=blocker, user=reader)
    comment(act, reader, story, f"Have you read this, @{blocker.handle}?")

    assert not Notification.objects.filter(recipient__in=[author, blocker]).exists()


def test_notifications_from_someone_blocked_later_disappear(act, author, reader, story):
    comment(act, reader, story)
    assert selectors.unread_count(viewer=author) == 1

    services.block(actor=reader, user=author)

    assert told(author) == []
    assert selectors.unread_count(viewer=author) == 0


# Mentions


def test_mentions_in_a_story_tell_each_person_once(act, author, reader):
    story = post(act, author, f"Walking with @{reader.handle} and @{reader.handle.upper()} helped.")
    act(services.save_story, actor=author, story=story, data={"body": f"Walking with @{reader.handle} helped, really."})

    assert told(reader) == ["Ana mentioned you in a story"]
    assert selectors.shown_notifications([only(reader)], viewer=reader)[0].url == f"/stories/{story.pk}/"


def test_a_draft_mentions_nobody_until_it_is_posted(act, author, reader):
    draft = act(services.save_story, actor=author, data={"body": f"Thinking of @{reader.handle} today."}).obj
    assert not Notification.objects.exists()

    act(services.save_story, actor=author, story=draft, data={}, post=True)

    assert told(reader) == ["Ana mentioned you in a story"]


def test_a_held_story_mentions_nobody(act, author, reader):
    hold_rule()
    story = post(act, author, f"A zebra at the zoo, with @{reader.handle}.")

    assert story.visibility == Visibility.HELD
    assert not Notification.objects.exists()


def test_only_people_who_may_read_the_story_are_told(act, author, reader):
    follower = UserFactory()
    services.follow(actor=follower, user=author)
    Notification.objects.all().delete()

    post(act, author, f"For @{follower.handle} and @{reader.handle}.", audience="followers")

    assert told(follower) == ["Ana mentioned you in a story"]
    assert told(reader) == []


def test_an_anonymous_story_never_names_its_author(act, author, reader, api_client):
    post(act, author, f"Hard week. @{reader.handle} you helped.", anonymous=True)

    note = only(reader)
    assert note.actor is None
    assert told(reader) == ["An anonymous member mentioned you in a story"]
    api_client.force_authenticate(reader)
    result = api_client.get("/api/v1/notifications/").json()["results"][0]
    assert result["actor"] is None
    assert author.handle not in str(result) and "Ana" not in str(result)


def test_the_anonymous_author_answering_under_their_story_stays_the_author(act, author, reader):
    story = post(act, author, anonymous=True)
    top = comment(act, reader, story)
    comment(act, author, story, parent=top)

    assert told(reader) == ["The author of the story replied to your comment"]
    assert only(reader).actor is None


def test_a_mention_in_a_comment(act, author, reader, story):
    friend = UserFactory()
    comment(act, reader, story, f"@{friend.handle} you should read this")

    assert told(friend) == ["Ben mentioned you in a comment"]


def test_email_addresses_and_unknown_handles_are_no_mentions():
    assert notifications.mentioned_handles("write to sam@example.org or @Sam_1, @sam_1 and @x") == ["sam_1"]


# Reactions


def test_reactions_are_grouped_per_story(act, author, story):
    people = [UserFactory(display_name=name) for name in ("Cleo", "Dev", "Eli")]
    for person in people:
        react(act, person, story)

    note = only(author)
    assert note.count == 3 and note.actor == people[-1]
    assert told(author) == ["Eli and 2 others supported your story"]


def test_different_reactions_read_as_reacted(act, author, story):
    react(act, UserFactory(display_name="Cleo"), story, "support")
    react(act, UserFactory(display_name="Dev"), story, "hope")

    assert told(author) == ["Dev and 1 other reacted to your story"]


def test_taking_a_reaction_back_and_giving_it_again_counts_once(act, author, story):
    first, second = UserFactory(display_name="Cleo"), UserFactory(display_name="Dev")
    react(act, first, story)
    react(act, second, story)
    for _round in range(2):
        act(services.unreact, actor=second, target=story, kind="support")
        react(act, second, story)
    act(services.unreact, actor=first, target=story, kind="support")

    note = only(author)
    assert note.count == 2 and note.data["people"] == 2
    assert told(author) == ["Dev and 1 other supported your story"]


def test_after_reading_a_new_reaction_starts_a_new_notification_but_a_repeat_does_not(act, author, story):
    first = UserFactory(display_name="Cleo")
    react(act, first, story)
    services.notifications.mark_all_read(actor=author)
    act(services.unreact, actor=first, target=story, kind="support")
    react(act, first, story)
    assert Notification.objects.filter(recipient=author).count() == 1

    react(act, UserFactory(display_name="Dev"), story)

    assert told(author) == ["Dev supported your story", "Cleo supported your story"]


def test_delivering_the_same_event_twice_writes_one_notification(author, reader):
    event = {
        "recipient_id": author.pk,
        "kind": Kind.FOLLOW,
        "actor_id": reader.pk,
        "dedupe_key": f"follow:{reader.pk}",
    }
    assert notifications.deliver(**event) is not None
    assert notifications.deliver(**event) is None  # a retried task
    assert Notification.objects.count() == 1


def test_a_muted_kind_is_not_delivered_but_decisions_always_are(act, author, story):
    Preferences.objects.create(user=author, muted_kinds=[Kind.REACTION, Kind.DECISION])
    react(act, UserFactory(), story)
    act(moderation.hide_content, actor=StaffFactory(), obj=story, reason="Bullying")

    assert [note.kind for note in Notification.objects.filter(recipient=author)] == [Kind.DECISION]


# Follows


def test_a_new_follower_is_told_once(act, author, reader):
    for _round in range(2):
        act(services.follow, actor=reader, user=author)
        act(services.unfollow, actor=reader, user=author)

    assert told(author) == ["Ben started following you"]
    assert selectors.shown_notifications([only(author)], viewer=author)[0].url == f"/people/{reader.handle}/"


# Moderators' decisions


def test_a_hidden_story_tells_its_author_why_and_never_who(act, author, reader, story):
    moderator = StaffFactory(display_name="Moderator Rosa")
    act(moderation.hide_content, actor=moderator, obj=story, reason="Bullying or harassment")

    note = only(author)
    assert note.kind == Kind.DECISION and note.actor is None
    assert told(author) == ["A moderator hid your story. Why: Bullying or harassment"]
    assert selectors.shown_notifications([note], viewer=author)[0].url == f"/stories/{story.pk}/"  # still theirs

    act(moderation.restore_content, actor=moderator, obj=story)

    assert told(author)[0] == "A moderator published your story again."
    assert all("Rosa" not in text and moderator.handle not in text for text in told(author))


def test_a_report_outcome_renders(author):
    notifications.deliver(recipient_id=author.pk, kind=Kind.REPORT_OUTCOME)

    assert told(author) == ["We reviewed a report you made. Thank you for helping keep Hearten safe."]


# The page


def test_the_page_lists_newest_first_with_times_in_the_viewer_zone(act, client, author, reader, story):
    author.time_zone = "Asia/Tokyo"
    author.save(update_fields=["time_zone"])
    with time_machine.travel(datetime(2026, 3, 1, 12, 0, tzinfo=UTC), tick=False):
        comment(act, reader, story)
    with time_machine.travel(datetime(2026, 3, 1, 13, 30, tzinfo=UTC), tick=False):
        react(act, reader, story)
    client.force_login(author)

    page = client.get("/notifications/").content.decode()

    assert page.index("Ben supported your story") < page.index("Ben commented on your story")
    assert "1 Mar 2026, 22:30" in page and "1 Mar 2026, 21:00" in page


def test_a_notification_links_only_while_its_target_can_be_seen(act, client, author, reader, story):
    comment(act, author, story, "Thank you all for reading this one.")
    top = Comment.objects.get(author=author)
    comment(act, reader, story, parent=top)
    note = only(author)
    client.force_login(author)
    assert f'href="/notifications/{note.pk}/"' in client.get("/notifications/").content.decode()

    Comment.objects.filter(author=reader).update(visibility=Visibility.HIDDEN)

    page = client.get("/notifications/").content.decode()
    assert f'href="/notifications/{note.pk}/"' not in page
    assert "no longer there to see" in page


def test_opening_a_notification_marks_it_read_and_goes_to_it(act, client, author, reader, story):
    written = comment(act, reader, story)
    note = only(author)
    client.force_login(author)

    response = client.get(f"/notifications/{note.pk}/")

    assert response.status_code == 302
    assert response["Location"] == f"/stories/{story.pk}/#comment-{written.pk}"
    note.refresh_from_db()
    assert note.read_at is not None


def test_marking_one_and_all_read(act, client, author, reader, story):
    comment(act, reader, story)
    comment(act, reader, story)
    first, second = Notification.objects.filter(recipient=author).order_by("pk")
    client.force_login(author)

    assert client.post(f"/notifications/{first.pk}/read/").status_code == 302
    assert selectors.unread_count(viewer=author) == 1
    assert client.post("/notifications/read-all/").status_code == 302
    assert selectors.unread_count(viewer=author) == 0
    assert client.get(f"/notifications/{first.pk}/read/").status_code == 405  # a change is a POST


def test_someone_elses_notification_is_not_found(act, client, author, reader, story):
    comment(act, reader, story)
    note = only(author)
    client.force_login(reader)

    assert client.post(f"/notifications/{note.pk}/read/").status_code == 404
    assert client.get(f"/notifications/{note.pk}/").status_code == 404
    assert client.post("/notifications/read-all/").status_code == 302
    note.refresh_from_db()
    assert note.read_at is None


def test_the_page_needs_signing_in(client):
    assert client.get("/notifications/").status_code == 302


def test_the_header_says_how_many_are_unread(act, client, author, reader, story):
    for _ in range(3):
        comment(act, reader, story)
    client.force_login(author)

    html = client.get("/").content.decode()
    link = re.search(r'<a href="/notifications/"([^>]*)>(.*?)</a>', html, re.S)

    assert 'aria-label="Notifications, 3 unread"' in link.group(1)
    assert re.sub(r"<[^>]+>", "", link.group(2)).split() == ["Notifications", "3"]  # the name holds what it shows


def test_the_header_shows_no_count_when_all_are_read(client, author):
    client.force_login(author)

    html = client.get("/").content.decode()

    assert re.search(r'<a href="/notifications/"[^>]*>Notifications</a>', html)


@pytest.fixture
def busy(act, author):
    """Notifications of every kind the page shows, `count` stories' worth."""

    def make(count):
        for _n in range(count):
            story = post(act, author)
            person = UserFactory()
            top = comment(act, person, story)
            comment(act, UserFactory(), story, f"Agreed, @{author.handle}", parent=top)
            react(act, person, story)
            act(services.follow, actor=person, user=author)
        act(moderation.hide_content, actor=StaffFactory(), obj=story, reason="Spam")

    return make


@pytest.mark.parametrize("count", [2, 8])
def test_the_page_costs_the_same_queries_whatever_it_holds(client, author, busy, count):
    busy(count)
    client.force_login(author)

    with CaptureQueriesContext(connection) as captured:
        response = client.get("/notifications/")

    assert response.status_code == 200
    assert response.content.decode().count('class="notification card') == min(count * 4 + 1, selectors.PAGE)
    assert len(captured) <= 9  # session, viewer, unread count, notifications, comments, stories, people, room


def test_query_counts_do_not_grow_with_the_page(client, author, busy):
    busy(2)
    client.force_login(author)
    client.get("/notifications/")  # content types and the session are cached after the first page
    with CaptureQueriesContext(connection) as few:
        client.get("/notifications/")
    busy(6)
    with CaptureQueriesContext(connection) as many:
        client.get("/notifications/")

    assert len(many) == len(few)


# API


def test_the_api_lists_by_cursor(act, api_client, author, story):
    for _n in range(5):
        act(services.follow, actor=UserFactory(), user=author)
    api_client.force_authenticate(author)

    first = api_client.get("/api/v1/notifications/", {"page_size": 3}).json()
    second = api_client.get(first["next"]).json()

    assert [item["kind"] for item in first["results"]] == ["follow"] * 3
    assert len(second["results"]) == 2 and second["next"] is None
    ids = [item["id"] for item in first["results"] + second["results"]]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 5
    assert first["results"][0]["text"].endswith("started following you")
    assert first["results"][0]["url"].startswith("http://testserver/people/")
    assert first["results"][0]["unread"] is True


def test_the_api_marks_read_and_counts_unread(act, api_client, author, reader, story):
    comment(act, reader, story)
    comment(act, reader, story)
    first = Notification.objects.filter(recipient=author).order_by("pk").first()
    api_client.force_authenticate(author)

    assert api_client.get("/api/v1/notifications/unread-count/").json() == {"unread": 2}
    answer = api_client.post(f"/api/v1/notifications/{first.pk}/read/")
    assert answer.status_code == 200 and answer.json()["unread"] is False
    assert api_client.get("/api/v1/notifications/unread-count/").json() == {"unread": 1}
    assert api_client.post("/api/v1/notifications/read-all/").json() == {"marked": 1, "unread": 0}


def test_the_api_keeps_notifications_to_their_owner(act, api_client, author, reader, story):
    comment(act, reader, story)
    note = only(author)

    assert api_client.get("/api/v1/notifications/").status_code in (401, 403)
    api_client.force_authenticate(reader)
    assert api_client.post(f"/api/v1/notifications/{note.pk}/read/").status_code == 404
    assert api_client.get(f"/api/v1/notifications/{2**70}/").status_code == 404
    assert api_client.get("/api/v1/notifications/").json()["results"] == []


def test_an_approved_reply_tells_whom_it_answers_but_not_the_author_who_approved_it(act, author, reader):
    story = post(act, author, comments_need_approval=True)
    dana, friend = UserFactory(display_name="Dana"), UserFactory()
    top = comment(act, dana, story)
    act(services.approve_comment, actor=author, comment=top)
    reply = comment(act, reader, story, f"So true, and @{friend.handle} agrees", parent=top)
    assert told(author) == ["2 comments on your stories are waiting for your approval"]
    assert told(dana) == told(friend) == []

    act(services.approve_comment, actor=author, comment=reply)

    assert told(author) == ["2 comments on your stories are waiting for your approval"]
    assert told(dana) == ["Ben replied to your comment"]
    assert told(friend) == ["Ben mentioned you in a comment"]


def test_older_notifications_are_a_page_away(act, client, author):
    for _n in range(selectors.PAGE + 3):
        act(services.follow, actor=UserFactory(), user=author)
    client.force_login(author)

    first = client.get("/notifications/").content.decode()
    older = re.search(r'href="(\?cursor=[^"]+)"', first).group(1)
    second = client.get("/notifications/" + older.replace("&amp;", "&")).content.decode()

    assert first.count('class="notification card') == selectors.PAGE
    assert second.count('class="notification card') == 3
    assert "Older notifications" not in second
