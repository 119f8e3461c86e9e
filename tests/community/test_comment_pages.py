"""Comments under a story, through the story page: threads, replies, edits, deletes, approval and screening."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from community import services
from community.models import Comment, Story
from moderation import services as moderation
from moderation.models import Visibility
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

CRISIS = "I can't do this anymore. Tonight is the night, goodbye everyone."


def rule(pattern, action):
    return moderation.save_rule(actor=StaffFactory(), data={"pattern": pattern, "action": action})


def story_by(author, **data) -> Story:
    body = data.pop("body", "Today I went for a long walk by the river and it helped a little.")
    return services.save_story(actor=author, data={"body": body, **data}, post=True).obj


def comment(author, story, body, parent=None) -> Comment:
    return services.add_comment(actor=author, target=story, body=body, parent=parent).obj


def page(client, story) -> str:
    return client.get(f"/stories/{story.pk}/").content.decode()


def block_of(html, pk) -> str:
    """The HTML of one comment's <article>."""
    start = html.index(f'id="comment-{pk}"')
    return html[start : html.index("</article>", start)]


@pytest.fixture
def author():
    return UserFactory(handle="sky", display_name="Sky")


@pytest.fixture
def story(author):
    return story_by(author)


@pytest.fixture
def reader(client):
    user = UserFactory(handle="lee", display_name="Lee")
    client.force_login(user)
    return user


def test_a_comment_is_posted_and_the_page_lands_on_it(client, story, reader):
    response = client.post(f"/stories/{story.pk}/comments/", {"body": "Thank you for sharing this, it helps."})

    posted = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/stories/{story.pk}/#comment-{posted.pk}"
    html = page(client, story)
    assert "Thank you for sharing this, it helps." in block_of(html, posted.pk)
    assert 'href="/people/lee/"' in block_of(html, posted.pk)


def test_an_empty_comment_is_refused_next_to_the_field(client, story, reader):
    response = client.post(f"/stories/{story.pk}/comments/", {"body": "  "})
    assert response.status_code == 400
    assert "Write a comment first." in response.content.decode()
    assert not Comment.objects.exists()


def test_visitors_are_asked_to_sign_in_to_comment(client, story):
    html = page(client, story)
    assert "Sign in to comment" in html and 'name="body"' not in html
    response = client.post(f"/stories/{story.pk}/comments/", {"body": "Hello there, lovely story."})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not Comment.objects.exists()


def test_threads_show_two_levels_and_deeper_replies_say_whom_they_answer(client, author, story, reader):
    top = comment(author, story, "Thanks everyone for reading.")
    reply = comment(UserFactory(handle="ash"), story, "It was lovely to read.", parent=top)
    deeper = comment(reader, story, "Agreed with Ash completely.", parent=reply)

    response = client.post(
        f"/stories/{story.pk}/comments/", {"body": "And one more reply down here.", "parent": deeper.pk}
    )
    deepest = Comment.objects.latest("pk")
    assert response["Location"] == f"/stories/{story.pk}/#comment-{deepest.pk}"
    assert deepest.parent_id == deeper.pk

    html = page(client, story)
    replies = html[html.index('<ol class="comment-replies">') :]
    replies = replies[: replies.index("</ol>")]
    # Every reply sits one level under the top comment, in order, however deep it answered.
    assert re.findall(r'id="comment-(\d+)"', replies) == [str(reply.pk), str(deeper.pk), str(deepest.pk)]
    assert "replying to @ash" in block_of(html, deeper.pk)
    assert "replying to @lee" in block_of(html, deepest.pk)
    assert "replying to" not in block_of(html, reply.pk)
    assert 'class="badge">Author' in block_of(html, top.pk)


def test_a_reply_form_under_each_comment_and_its_problems_shown_there(client, story, reader):
    top = comment(UserFactory(), story, "A first comment on this story.")
    html = page(client, story)
    assert f'id="reply-{top.pk}"' in html and f'name="parent" value="{top.pk}"' in html

    response = client.post(f"/stories/{story.pk}/comments/", {"body": "", "parent": top.pk})
    assert response.status_code == 400
    html = response.content.decode()
    assert '<details class="reply" open>' in block_of(html, top.pk)
    assert "Write a comment first." in block_of(html, top.pk)


def test_comments_off_are_refused(client, author, reader):
    quiet = story_by(author, comments_enabled=False)
    html = page(client, quiet)
    assert "The author has turned comments off." in html and 'name="body"' not in html

    response = client.post(f"/stories/{quiet.pk}/comments/", {"body": "Trying to comment anyway here."})
    assert response.status_code == 400
    assert "The author has turned comments off." in response.content.decode()
    assert not Comment.objects.exists()


def test_comments_waiting_for_approval_show_only_to_their_writer_and_the_author(client, author, reader):
    careful = story_by(author, comments_need_approval=True)
    client.post(f"/stories/{careful.pk}/comments/", {"body": "Sending you strength today."})
    waiting = Comment.objects.get()
    assert waiting.approval == Comment.Approval.PENDING

    assert "Waiting for the author" in block_of(page(client, careful), waiting.pk)
    client.force_login(UserFactory())
    assert "Sending you strength" not in page(client, careful)

    client.force_login(author)
    html = page(client, careful)
    assert "1 comment is waiting for your approval." in html
    assert f'action="/comments/{waiting.pk}/approve/"' in block_of(html, waiting.pk)
    assert "Sending you strength" in client.get("/stories/approvals/").content.decode()

    client.force_login(reader)
    assert client.post(f"/comments/{waiting.pk}/approve/").status_code == 404  # only the story's author approves

    client.force_login(author)
    response = client.post(f"/comments/{waiting.pk}/approve/")
    assert response["Location"] == f"/stories/{careful.pk}/#comment-{waiting.pk}"
    client.force_login(UserFactory())
    assert "Sending you strength" in page(client, careful)


def test_a_deleted_comment_with_replies_leaves_a_placeholder(client, story, reader):
    top = comment(reader, story, "My first thought on this story.")
    comment(UserFactory(), story, "A reply to that first thought.", parent=top)
    alone = comment(reader, story, "A second thought, on its own.")

    assert "be undone" in client.get(f"/comments/{top.pk}/delete/").content.decode()
    response = client.post(f"/comments/{top.pk}/delete/")
    assert response["Location"] == f"/stories/{story.pk}/#comments"
    client.post(f"/comments/{alone.pk}/delete/")

    html = page(client, story)
    assert "Comment deleted" in block_of(html, top.pk)
    assert "My first thought" not in html and "A reply to that first thought." in html
    assert f'id="comment-{alone.pk}"' not in html and not Comment.objects.filter(pk=alone.pk).exists()


def test_only_the_writer_edits_a_comment_and_the_edit_is_marked(client, story, reader):
    mine = comment(reader, story, "I know hw this feels.")
    client.force_login(UserFactory())
    assert client.get(f"/comments/{mine.pk}/edit/").status_code == 404
    assert client.post(f"/comments/{mine.pk}/delete/").status_code == 404

    client.force_login(reader)
    assert "I know hw this feels." in client.get(f"/comments/{mine.pk}/edit/").content.decode()
    response = client.post(f"/comments/{mine.pk}/edit/", {"body": "I know how this feels."})
    assert response["Location"] == f"/stories/{story.pk}/#comment-{mine.pk}"
    block = block_of(page(client, story), mine.pk)
    assert "I know how this feels." in block and "edited" in block


def test_a_nudged_comment_asks_to_reconsider_then_posting_anyway_posts(client, story, reader):
    rule("durian", "nudge")
    data = {"body": "Durian lovers are the worst, honestly."}
    first = client.post(f"/stories/{story.pk}/comments/", data)
    assert first.status_code == 400
    html = first.content.decode()
    assert "Would you like to reconsider?" in html and 'name="confirm" value="1"' in html
    assert "Durian lovers are the worst, honestly." in html
    assert not Comment.objects.exists()

    second = client.post(f"/stories/{story.pk}/comments/", {**data, "confirm": "1"})
    assert second.status_code == 302 and Comment.objects.count() == 1


def test_a_crisis_comment_is_kept_and_its_writer_sees_help_first(client, story, reader):
    response = client.post(f"/stories/{story.pk}/comments/", {"body": CRISIS})

    kept = Comment.objects.get()
    location = urlsplit(response["Location"])
    assert location.path == "/help/after-posting/"
    assert parse_qs(location.query)["next"] == [f"/stories/{story.pk}/#comment-{kept.pk}"]
    assert kept.visibility == Visibility.HELD
    assert "Waiting for a moderator" in block_of(page(client, story), kept.pk)
    client.force_login(UserFactory())
    assert "Tonight is the night" not in page(client, story)


def test_a_reply_to_a_comment_that_is_gone_is_refused(client, story, reader):
    gone = comment(UserFactory(), story, "This will be deleted soon.")
    comment(reader, story, "A reply so the thread stays.", parent=gone)
    services.delete_comment(actor=gone.author, comment=gone)

    response = client.post(f"/stories/{story.pk}/comments/", {"body": "Replying to nothing.", "parent": gone.pk})
    assert response.status_code == 400
    assert "no longer there" in response.content.decode()
    assert Comment.objects.count() == 2


def test_a_story_page_costs_the_same_queries_with_3_or_50_comments(client, author, story, reader):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    people = [UserFactory() for _ in range(5)]

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/stories/{story.pk}/").status_code == 200
        return len(captured)

    top = comment(people[0], story, "The first comment of many here.")
    comment(people[1], story, "A reply to the first comment.", parent=top)
    comment(reader, story, "A comment by the reader, who can edit it.")
    few = queries()
    parent = top
    for number in range(47):
        parent = comment(people[number % 5], story, f"Comment number {number} in a long talk.", parent=parent)
    assert queries() == few
