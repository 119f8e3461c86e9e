"""The story composer, drafts and the story page, through the pages a member uses."""

import io
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from community import services
from community.models import Reaction, SensitiveContent, Story
from moderation import services as moderation
from moderation.models import Visibility
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW = "/stories/new/"
CRISIS = "I can't do this anymore. Tonight is the night, goodbye everyone."
RECOVERY = "Two years clean from self-harm today. Some days are still hard but I'm proud of how far I've come."
WALK = "Today I went for a long walk by the river and it helped a little. #calm"


def rule(pattern, action):
    return moderation.save_rule(actor=StaffFactory(), data={"pattern": pattern, "action": action})


def composer_data(**overrides):
    data = {
        "title": "",
        "body": WALK,
        "tags": "",
        "image_alt": "",
        "audience": "public",
        "comments_enabled": "on",
        "action": "post",
    }
    data.update(overrides)
    return data


def posted(author, body=WALK, **data) -> Story:
    return services.save_story(actor=author, data={"body": body, **data}, post=True).obj


def png_upload(name="walk.png"):
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (90, 160, 200)).save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def files_in(folder) -> list:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


@pytest.fixture
def writer(client):
    user = UserFactory(handle="robin", display_name="Robin Writer")
    client.force_login(user)
    return user


# The composer


def test_the_composer_needs_a_signed_in_member(client):
    response = client.get(NEW)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_posting_lands_on_the_story_with_its_words_and_hashtags(client, writer):
    page = client.get(NEW)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="action" value="draft"' in html and 'name="action" value="post"' in html
    assert "/static/js/composer.js" in html and 'aria-live="polite"' in html

    response = client.post(NEW, composer_data(title="A good day", tags="#hope, walking", audience="members"))

    story = Story.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/stories/{story.pk}/"
    assert story.is_posted and story.visibility == Visibility.PUBLISHED and story.audience == "members"
    assert sorted(tag.name for tag in story.tags.all()) == ["calm", "hope", "walking"]
    html = client.get(response["Location"]).content.decode()
    assert "<h1" in html and "A good day" in html and "walk by the river" in html
    assert 'href="/tags/calm/"' in html and 'href="/tags/hope/"' in html
    assert "Your story is posted." in html


def test_markdown_is_rendered_and_html_is_never_passed_through(client, writer):
    client.post(NEW, composer_data(body="I felt **proud** today. <script>alert(1)</script> and that is enough."))
    html = client.get(f"/stories/{Story.objects.get().pk}/").content.decode()
    assert "<strong>proud</strong>" in html
    assert "<script>alert(1)</script>" not in html


def test_a_crisis_story_is_kept_and_the_writer_sees_help_first(client, writer):
    # A chosen sensitive warning must not put the "before you post" step between someone at risk and help.
    response = client.post(NEW, composer_data(body=CRISIS, content_warnings=["suicide_self_harm"]))

    story = Story.objects.get()
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == "/help/after-posting/"
    assert parse_qs(location.query)["next"] == [f"/stories/{story.pk}/"]
    assert story.body == CRISIS and story.visibility == Visibility.HELD

    own = client.get(f"/stories/{story.pk}/").content.decode()
    assert "waiting for a moderator" in own and "/help/after-posting/" in own
    client.force_login(UserFactory())
    assert client.get(f"/stories/{story.pk}/").status_code == 404


def test_a_held_story_tells_its_author_why_and_no_one_else_sees_it(client, writer):
    rule("grapefruit", "hold")
    response = client.post(NEW, composer_data(body="Grapefruit every morning changed my week, honestly."))
    story = Story.objects.get()
    assert response["Location"] == f"/stories/{story.pk}/"
    own = client.get(response["Location"]).content.decode()
    assert "Only you can see this story for now: it is waiting for a moderator." in own
    assert story.held_reason and story.held_reason in own
    client.logout()
    assert client.get(response["Location"]).status_code == 404


def test_a_nudge_asks_to_reconsider_then_posting_anyway_posts(client, writer):
    rule("durian", "nudge")
    data = composer_data(body="Honestly I think durian fans are the worst people around.")

    first = client.post(NEW, data)

    assert first.status_code == 400
    html = first.content.decode()
    assert "Would you like to reconsider?" in html and 'name="confirm" value="1"' in html
    assert "durian fans are the worst" in html  # the text is kept to change
    assert first.context["form"].errors["body"]
    assert not Story.objects.exists()

    data.pop("action")
    second = client.post(NEW, {**data, "confirm": "1"})
    story = Story.objects.get()
    assert second["Location"] == f"/stories/{story.pk}/" and story.is_posted


def test_enter_in_a_one_line_field_saves_a_draft_and_never_posts_anyway(client, writer):
    rule("durian", "nudge")
    html = client.post(NEW, composer_data(body="durian fans are the worst, I said it")).content.decode()
    # Implicit submission uses the first submit button of the form: it must be the quiet "save draft" one.
    first_button = html[html.index('<form class="form"') :].split("<button", 2)[1]
    assert 'value="draft"' in first_button


def test_a_story_of_100000_characters_is_refused_next_to_the_field_and_kept(client, writer):
    body = "a" * 100_000
    response = client.post(NEW, composer_data(body=body))

    assert response.status_code == 400
    assert "the limit is 10000" in str(response.context["form"].errors["body"])
    assert response.context["form"]["body"].value() == body
    assert not Story.objects.exists()


def test_an_empty_story_is_refused_next_to_the_field(client, writer):
    response = client.post(NEW, composer_data(body="   "))
    assert response.status_code == 400
    assert response.context["form"].errors["body"] == ["Write your story before posting it."]
    assert not Story.objects.exists()


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_stored(client, writer, settings):
    fake = SimpleUploadedFile("walk.jpg", b"this is not a picture at all", content_type="image/jpeg")
    response = client.post(NEW, {**composer_data(image_alt="The river"), "image": fake})

    assert response.status_code == 400
    assert "not an image" in str(response.context["form"].errors["image"])
    assert "walk by the river" in response.content.decode()
    assert not Story.objects.exists()
    assert files_in(settings.MEDIA_ROOT) == []


def test_a_picture_needs_a_description_and_then_shows_with_it(client, writer, settings):
    refused = client.post(NEW, {**composer_data(), "image": png_upload()})
    assert refused.status_code == 400
    assert refused.context["form"].errors["image_alt"]
    assert "choose your picture again" in refused.content.decode()
    assert not Story.objects.exists() and files_in(settings.MEDIA_ROOT) == []

    client.post(NEW, {**composer_data(image_alt="A river under a grey sky"), "image": png_upload()})
    story = Story.objects.get()
    html = client.get(f"/stories/{story.pk}/").content.decode()
    assert f'src="{story.image.url}" alt="A river under a grey sky"' in html
    assert len(files_in(settings.MEDIA_ROOT)) == 1


def test_only_the_author_can_edit_and_an_edit_is_marked(client, writer):
    story = posted(writer, title="My walk", tags=["hope"])
    other = UserFactory()
    client.force_login(other)
    assert client.get(f"/stories/{story.pk}/edit/").status_code == 404
    assert client.post(f"/stories/{story.pk}/edit/", composer_data(body="Changed by someone else!!")).status_code == 404
    story.refresh_from_db()
    assert story.body == WALK

    client.force_login(writer)
    form = client.get(f"/stories/{story.pk}/edit/")
    assert form.context["form"]["title"].value() == "My walk"
    assert form.context["form"]["tags"].value() == "#hope"  # chosen; #calm comes from the text
    response = client.post(f"/stories/{story.pk}/edit/", composer_data(title="My walk", body="A shorter walk today."))
    assert response["Location"] == f"/stories/{story.pk}/"
    story.refresh_from_db()
    assert story.body == "A shorter walk today." and story.is_posted and story.edited_at is not None
    assert "edited" in client.get(response["Location"]).content.decode()


def test_an_author_deletes_their_story_after_confirming(client, writer):
    story = posted(writer)
    assert "Delete it" in client.get(f"/stories/{story.pk}/delete/").content.decode()
    client.force_login(UserFactory())
    assert client.post(f"/stories/{story.pk}/delete/").status_code == 404
    client.force_login(writer)
    response = client.post(f"/stories/{story.pk}/delete/")
    assert response["Location"] == "/people/robin/"
    assert not Story.objects.exists()


# Drafts


def test_drafts_are_saved_privately_and_posted_later(client, writer):
    response = client.post(NEW, composer_data(title="Not ready yet", action="draft"))
    story = Story.objects.get()
    assert response["Location"] == f"/stories/{story.pk}/edit/"
    assert not story.is_posted
    assert "Not ready yet" in client.get("/stories/drafts/").content.decode()
    # One's own draft opens in the composer rather than as a page.
    assert client.get(f"/stories/{story.pk}/")["Location"] == f"/stories/{story.pk}/edit/"

    other = UserFactory()
    client.force_login(other)
    assert client.get(f"/stories/{story.pk}/").status_code == 404
    assert client.get(f"/stories/{story.pk}/edit/").status_code == 404
    assert "Not ready yet" not in client.get("/stories/drafts/").content.decode()
    client.logout()
    assert client.get(f"/stories/{story.pk}/").status_code == 404
    assert client.get("/stories/drafts/").status_code == 302

    client.force_login(writer)
    response = client.post(f"/stories/{story.pk}/edit/", composer_data(title="Ready now"))
    story.refresh_from_db()
    assert response["Location"] == f"/stories/{story.pk}/" and story.is_posted and story.title == "Ready now"


# "Before you post"


def test_a_first_story_on_a_sensitive_topic_shows_the_guide_before_anything_is_saved(client, writer):
    response = client.post(NEW, composer_data(body=RECOVERY))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Before you post" in html and "I've read this, post" in html
    assert "Suicide and self-harm" in html  # the warning it will be shown behind
    assert 'name="guide_seen" value="1"' in html
    assert RECOVERY.replace("'", "&#x27;") in html
    assert not Story.objects.exists()

    confirmed = client.post(NEW, composer_data(body=RECOVERY, guide_seen="1"))
    story = Story.objects.get()
    assert confirmed["Location"] == f"/stories/{story.pk}/"
    assert "suicide_self_harm" in story.content_warnings

    # Only the first time: a second such story posts at once.
    again = client.post(NEW, composer_data(body=RECOVERY + " Another year."))
    assert again.status_code == 302 and Story.objects.count() == 2


def test_a_chosen_sensitive_warning_shows_the_guide_but_a_draft_does_not(client, writer):
    data = composer_data(body="Some thoughts about food and my body lately.", content_warnings=["eating_disorders"])
    saved = client.post(NEW, {**data, "action": "draft"})  # drafts never wait for the guide
    draft = Story.objects.get()
    assert saved["Location"] == f"/stories/{draft.pk}/edit/" and not draft.is_posted

    response = client.post(f"/stories/{draft.pk}/edit/", data)
    assert response.status_code == 200 and "Before you post" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.is_posted


def test_no_guide_for_someone_who_already_posted_on_the_topic(client, writer):
    posted(writer, body=RECOVERY)
    response = client.post(NEW, composer_data(body="More about my recovery.", content_warnings=["suicide_self_harm"]))
    assert response.status_code == 302


# The story page


def test_an_anonymous_story_never_shows_its_author_to_others(client, writer):
    story = posted(writer, title="Quietly", anonymous=True)
    other = UserFactory(handle="reader")
    services.add_comment(actor=writer, target=story, body="Thank you all for reading, it means a lot.")

    client.force_login(other)
    html = client.get(f"/stories/{story.pk}/").content.decode()
    assert "By an anonymous member" in html and "The author" in html
    assert "robin" not in html.lower() and "Robin Writer" not in html
    client.logout()
    html = client.get(f"/stories/{story.pk}/").content.decode()
    assert "robin" not in html.lower()

    client.force_login(writer)
    own = client.get(f"/stories/{story.pk}/").content.decode()
    assert "By you, posted anonymously" in own and "Moderators can still see that it" in own


def test_a_named_story_links_to_its_author(client, writer):
    story = posted(writer)
    client.force_login(UserFactory())
    html = client.get(f"/stories/{story.pk}/").content.decode()
    assert 'href="/people/robin/"' in html and "Robin Writer" in html


def test_times_show_in_the_viewers_zone(client, writer):
    story = posted(writer)
    reader = UserFactory(time_zone="Asia/Tokyo")
    client.force_login(reader)
    html = client.get(f"/stories/{story.pk}/").content.decode()
    assert story.posted_at.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Tokyo")).isoformat()[:19] in html


def test_a_story_with_a_warning_is_folded_and_left_out_for_those_who_hide_it(client, writer):
    story = posted(writer, title="Two years", body=RECOVERY)
    client.force_login(UserFactory())
    html = client.get(f"/stories/{story.pk}/").content.decode()
    assert '<details class="content-warning">' in html and "Suicide and self-harm" in html
    before_fold = html[: html.index('<details class="content-warning">')]
    assert "Two years" not in before_fold.split("<main", 1)[1]  # even the title waits behind the warning

    client.force_login(UserFactory(sensitive_content=SensitiveContent.HIDE))
    asked = client.get(f"/stories/{story.pk}/").content.decode()  # asked first: the warning, not a word of it
    assert "Show it anyway" in asked and "Two years" not in asked and "proud" not in asked


def test_reactions_toggle_and_only_the_author_sees_how_many(client, writer):
    story = posted(writer)
    reader = UserFactory()
    client.force_login(reader)
    url = f"/stories/{story.pk}/react/"

    response = client.post(url, {"kind": "support", "pressed": "false"})
    assert response["Location"] == f"/stories/{story.pk}/#reactions"
    client.post(url, {"kind": "support", "pressed": "false"})  # a double click does not undo it
    assert Reaction.objects.filter(user=reader, kind="support").count() == 1
    html = client.get(f"/stories/{story.pk}/").content.decode()
    assert 'aria-pressed="true"' in html and html.count('aria-pressed="false"') == 3
    assert 'class="reaction-count"' not in html

    someone = UserFactory()
    services.react(actor=someone, target=story, kind="hope")
    client.force_login(someone)
    html = client.get(f"/stories/{story.pk}/").content.decode()
    assert "People reacted to this story." in html and 'class="reaction-count"' not in html

    client.force_login(writer)
    html = client.get(f"/stories/{story.pk}/").content.decode()
    assert "Only you can see these numbers" in html
    assert "Support: <strong>1</strong>" in html and "Hope: <strong>1</strong>" in html

    client.force_login(reader)
    client.post(url, {"kind": "support", "pressed": "true"})
    assert not Reaction.objects.filter(user=reader).exists()


def test_reaction_counts_are_public_when_the_author_chooses(client, writer):
    story = posted(writer, public_reaction_counts=True)
    services.react(actor=UserFactory(), target=story, kind="relate")
    client.force_login(UserFactory())
    html = client.get(f"/stories/{story.pk}/").content.decode()
    assert '<span class="reaction-count">1</span>' in html


def test_an_unknown_reaction_is_refused_with_a_message(client, writer):
    story = posted(writer)
    client.force_login(UserFactory())
    response = client.post(f"/stories/{story.pk}/react/", {"kind": "angry"}, follow=True)
    assert "Choose one of" in response.content.decode()
    assert not Reaction.objects.exists()


def test_the_composer_can_ask_for_live_help_as_its_script_does(writer):
    """composer.js sends the csrftoken cookie back as X-CSRFToken with the session: the API must accept that."""
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(writer)
    html = browser.get(NEW).content.decode()
    assert 'data-preview-url="/api/v1/moderation/preview/"' in html
    token = browser.cookies["csrftoken"].value
    payload = {"text": "I have thought about suicide a lot this year.", "kind": "story", "content_warnings": []}

    refused = browser.post("/api/v1/moderation/preview/", payload, content_type="application/json")
    answer = browser.post(
        "/api/v1/moderation/preview/", payload, content_type="application/json", headers={"X-CSRFToken": token}
    )

    assert refused.status_code == 403
    assert answer.status_code == 200
    assert "add_help" in [suggestion["code"] for suggestion in answer.json()["suggestions"]]
