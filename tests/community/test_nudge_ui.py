"""When screening asks the writer to reconsider (a nudge), the words it matched are marked next to the field, with
what could help, "Edit" and "Post anyway": on the story composer, comment forms and the profile settings."""

import re
from datetime import date, timedelta

import pytest

from community import services
from community.models import Comment, Story
from moderation import services as moderation
from tests.factories import StaffFactory, UserFactory

from .test_profile import settings_data
from .test_story_pages import composer_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def durian_nudges():
    moderation.save_rule(actor=StaffFactory(), data={"pattern": "durian", "action": "nudge"})


@pytest.fixture
def writer(client):
    user = UserFactory(handle="robin", display_name="Robin", bio="I like walks.")
    client.force_login(user)
    return user


def block_after(html: str, field_id: str) -> str:
    """The nudge block that follows the field with this id, and nothing else."""
    field_at = html.index(f'id="{field_id}"')
    start = html.index(f'id="{field_id}-nudge"')
    assert start > field_at, "the marks come after the field, not elsewhere on the page"
    return html[start : html.index("</div>\n", html.index('class="form-actions"', start))]


def marked(block: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", block)


def test_the_composer_marks_the_words_next_to_the_body_with_edit_and_post_anyway(client, writer):
    page = client.post("/stories/new/", composer_data(body="Honestly I think durian fans are the worst people."))

    assert page.status_code == 400
    html = page.content.decode()
    block = block_after(html, "id_body")
    assert marked(block) == ["durian"]
    assert "I think <mark>durian</mark> fans are the worst" in block
    assert "Keep it kind" in block  # the safe-messaging suggestion the decision leads to
    assert 'href="#id_body"' in block and ">Edit<" in block
    assert 'name="confirm" value="1"' in block and "Post anyway" in block
    assert 'id="id_title-nudge"' not in html  # nothing matched in the title: nothing marked there


def test_a_match_in_the_title_is_marked_next_to_the_title(client, writer):
    html = client.post("/stories/new/", composer_data(title="Durian days", body="A calm walk today.")).content.decode()

    assert marked(block_after(html, "id_title")) == ["Durian"]
    assert 'id="id_body-nudge"' not in html


def test_the_marked_words_are_escaped(client, writer):
    body = 'I said <script>alert("durian")</script> to them.'
    html = client.post("/stories/new/", composer_data(body=body)).content.decode()

    block = block_after(html, "id_body")
    assert marked(block) == ["durian"]
    assert "<script>" not in block and "&lt;script&gt;alert(&quot;<mark>durian</mark>" in block


def test_posting_anyway_from_the_marks_posts(client, writer):
    data = composer_data(body="Honestly I think durian fans are the worst people.")
    client.post("/stories/new/", data)
    data.pop("action")

    response = client.post("/stories/new/", {**data, "confirm": "1"})

    assert response.status_code == 302 and Story.objects.get().author == writer


def test_a_nudged_comment_is_marked_under_its_box(client, writer):
    story = services.save_story(actor=UserFactory(), data={"body": "A long walk by the river."}, post=True).obj

    page = client.post(f"/stories/{story.pk}/comments/", {"body": "Durian lovers are the worst, honestly."})

    assert page.status_code == 400
    html = page.content.decode()
    textarea = re.search(r'<textarea id="([^"]+)" name="body"', html).group(1)
    block = block_after(html, textarea)
    assert marked(block) == ["Durian"]
    assert 'name="confirm" value="1"' in block and f'href="#{textarea}"' in block
    assert not Comment.objects.exists()


def test_editing_a_comment_into_a_nudge_marks_it(client, writer):
    story = services.save_story(actor=UserFactory(), data={"body": "A long walk by the river."}, post=True).obj
    mine = services.add_comment(actor=writer, target=story, body="Lovely walk.").obj

    page = client.post(f"/comments/{mine.pk}/edit/", {"body": "Lovely walk, unlike durian."})

    assert page.status_code == 400
    assert marked(block_after(page.content.decode(), "id_body")) == ["durian"]


def test_the_profile_settings_mark_the_words_next_to_the_bio_with_save_anyway(client, writer):
    page = client.post("/settings/", settings_data(bio="Durian fan, and proud."))

    assert page.status_code == 400
    html = page.content.decode()
    block = block_after(html, "id_bio")
    assert marked(block) == ["Durian"]
    assert "Save anyway" in block and 'href="#id_bio"' in block
    assert 'id="id_display_name-nudge"' not in html


def test_nothing_is_marked_without_a_nudge(client, writer):
    html = client.post("/stories/new/", composer_data(body="", title="Durian")).content.decode()  # body required

    assert "-nudge" not in html


def test_marks_follow_the_decision_the_writer_got_in_a_space_for_minors(client):
    """A minor's story is a space for minors: there, a self-harm mention waits for a moderator instead of going
    behind a warning, so the body is not a nudge (it will be held) and only the chosen #durian tag is asked
    about. The marks say the same: nothing under the body, the tag marked. An adult writing the same is asked
    about both."""
    body = "Two years clean from self-harm today, and durian ice cream to celebrate."
    data = composer_data(body=body, tags="durian", audience="members", guide_seen="1")

    adult = UserFactory()
    client.force_login(adult)
    html = client.post("/stories/new/", data).content.decode()
    assert marked(block_after(html, "id_body")) == ["durian"]
    assert marked(block_after(html, "id_tags")) == ["durian"]

    teen = UserFactory(minor_until=date.today() + timedelta(days=400))
    client.force_login(teen)
    page = client.post("/stories/new/", data)

    assert page.status_code == 400
    html = page.content.decode()
    assert 'id="id_body-nudge"' not in html
    assert marked(block_after(html, "id_tags")) == ["durian"]
    assert not Story.objects.exists()
