"""Edges a reviewer found: anonymity through blocks and mutes, screened hashtags, minors' words, comment
warnings, spaces for minors, and what a block stops."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from community import selectors, services
from community.models import SensitiveContent
from moderation import services as moderation
from moderation.models import Visibility
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

RECOVERY = "Two years clean from self-harm today. Some days are still hard but I'm proud of how far I've come."


def post(author, body, **data):
    return services.save_story(actor=author, data={"body": body, **data}, post=True).obj


def test_an_anonymous_story_does_not_vanish_when_its_reader_blocks_or_mutes_its_author():
    writer, reader = UserFactory(), UserFactory()
    story = post(writer, "Something I've never told anyone. #hope", anonymous=True)
    services.follow_tag(actor=reader, name="hope")
    services.block(actor=reader, user=writer)
    services.mute(actor=reader, user=writer)
    assert selectors.story_for_viewer(viewer=reader, pk=story.pk) is not None
    assert story.pk in [s.pk for s in selectors.feed(viewer=reader).stories]
    services.react(actor=reader, target=story, kind="hope")  # no refusal that would name the author

    named = post(writer, "A walk in the hills this weekend. #hope")
    assert selectors.story_for_viewer(viewer=reader, pk=named.pk) is None  # a named story does vanish


def test_hashtags_a_writer_chooses_are_screened_and_a_refusal_names_the_field():
    writer = UserFactory()
    with pytest.raises(ValidationError) as error:
        post(writer, "A calm day by the sea.", tags=["kys"])
    assert "tags" in error.value.message_dict
    assert not writer.stories.exists()


def test_a_minors_comments_are_not_shown_to_visitors():
    writer, teen = UserFactory(), UserFactory(minor_until=date(2099, 1, 1))
    story = post(writer, "Small wins this week: I cooked dinner twice.")
    services.add_comment(actor=teen, target=story, body="That's so good, well done!")
    visitor_sees = selectors.comments_for(viewer=AnonymousUser(), target=story)
    member_sees = selectors.comments_for(viewer=UserFactory(), target=story)
    assert visitor_sees == [] and len(member_sees) == 1


def test_comments_with_a_warning_are_folded_or_left_out_for_those_who_hide_sensitive_content(client):
    writer, commenter = UserFactory(), UserFactory()
    story = post(writer, "Sharing what helped me this year.")
    comment = services.add_comment(actor=commenter, target=story, body=RECOVERY).obj
    assert comment.content_warnings == ["suicide_self_harm"]
    hider = UserFactory(sensitive_content=SensitiveContent.HIDE)
    [hidden] = selectors.comments_for(viewer=hider, target=story)  # a line says so: the thread still reads
    assert hidden.hidden and hidden.comment.body == ""
    client.force_login(UserFactory())
    html = client.get(f"/stories/{story.pk}/").content.decode()
    assert "Show the comment" in html and "Suicide and self-harm" in html


def test_writing_under_a_minors_story_is_screened_as_a_space_for_minors():
    teen, adult = UserFactory(minor_until=date(2099, 1, 1)), StaffFactory()  # staff: trusted, links allowed
    story = post(teen, "My art project is finally done!")
    link = "Great work! More tips here: https://example.org/art-tips"
    held = services.add_comment(actor=adult, target=story, body=link).obj
    assert held.visibility == Visibility.HELD
    adults_story = post(UserFactory(), "My art project is finally done too!")
    assert services.add_comment(actor=adult, target=adults_story, body=link + " ").obj.visibility == "published"


def test_a_block_stops_editing_a_comment_and_approving_one():
    owner, commenter = UserFactory(), UserFactory()
    story = post(owner, "What helps you sleep?", comments_need_approval=True)
    comment = services.add_comment(actor=commenter, target=story, body="Reading before bed.").obj
    services.block(actor=owner, user=commenter)
    with pytest.raises(PermissionDenied):
        services.edit_comment(actor=commenter, comment=comment, body="Something else entirely now.")
    with pytest.raises(PermissionDenied):
        services.approve_comment(actor=owner, comment=comment)


def test_a_story_a_moderator_hid_stays_in_review_through_edits():
    writer, moderator = UserFactory(), StaffFactory()
    story = post(writer, "First version of my story.")
    moderation.hide_content(actor=moderator, obj=story, reason="Upheld report")
    for body in ("Second version of my story.", "Third version of my story."):
        story.refresh_from_db()
        services.save_story(actor=writer, story=story, data={"body": body})
        story.refresh_from_db()
        assert story.visibility == Visibility.HELD


def test_a_crisis_refused_for_its_length_still_reaches_help(client, api_client):
    writer = UserFactory()
    words = "I want to kill myself tonight. I've written my goodbye. " + "I can't go on. " * 800
    client.force_login(writer)
    page = client.post("/stories/new/", {"body": words, "audience": "public", "action": "post"})
    assert page.status_code == 400
    html = page.content.decode()
    assert "/help/after-posting/" in html and "talk to someone now" in html
    assert not writer.stories.exists()

    api_client.force_authenticate(writer)
    answer = api_client.post("/api/v1/stories/", {"body": words, "post": True}, format="json")
    assert answer.status_code == 400
    assert answer.json()["crisis"] is True and answer.json()["help_url"] == "/help/after-posting/"
    calm = api_client.post("/api/v1/stories/", {"body": "A calm walk. " * 1000, "post": True}, format="json")
    assert calm.status_code == 400 and "crisis" not in calm.json()


@pytest.mark.parametrize("tag", ["selfharm", "s_u_i_c_i_d_e", "proana", "thinspo"])
def test_crisis_and_eating_disorder_tags_cannot_be_followed_whatever_the_door(tag):
    """The service refuses (pages and API only ask it): such posts would reach the feed without help first."""
    with pytest.raises(ValidationError) as error:
        services.follow_tag(actor=UserFactory(), name=tag)
    assert "tag" in error.value.message_dict
    assert services.follow_tag(actor=UserFactory(), name="selfcare") is True


def test_the_author_takes_a_comment_off_their_story_and_only_its_writer_still_sees_it(client, api_client):
    owner, writer, reader = UserFactory(), UserFactory(), UserFactory()
    story = post(owner, "What got you through this week?")
    shown = services.add_comment(actor=writer, target=story, body="Honestly, nothing did.").obj
    with pytest.raises(PermissionDenied):
        services.decline_comment(actor=reader, comment=shown)  # only the story's author

    client.force_login(owner)
    assert "Remove from my story" in client.get(f"/stories/{story.pk}/").content.decode()
    assert client.post(f"/comments/{shown.pk}/decline/").status_code == 302
    assert selectors.comments_for(viewer=reader, target=story) == []
    assert selectors.comments_for(viewer=owner, target=story) == []
    mine = selectors.comments_for(viewer=writer, target=story)
    assert [item.comment.pk for item in mine] == [shown.pk] and mine[0].waiting

    other = services.add_comment(actor=writer, target=story, body="Cooking helped a bit.").obj
    api_client.force_authenticate(owner)
    assert api_client.post(f"/api/v1/comments/{other.pk}/decline/").status_code == 204
    api_client.force_authenticate(reader)
    assert api_client.post(f"/api/v1/comments/{other.pk}/decline/").status_code == 403


def test_the_comment_count_leaves_out_a_restricted_persons_comments():
    owner, pest, friend = UserFactory(), UserFactory(), UserFactory()
    story = post(owner, "A small win: I went outside today.")
    services.add_comment(actor=friend, target=story, body="So proud of you!")
    services.add_comment(actor=pest, target=story, body="Wow, big deal.")
    assert selectors.story_for_viewer(viewer=friend, pk=story.pk).comment_count == 2
    services.restrict(actor=owner, user=pest)
    assert selectors.story_for_viewer(viewer=friend, pk=story.pk).comment_count == 1
    assert len(selectors.comments_for(viewer=friend, target=story)) == 1
