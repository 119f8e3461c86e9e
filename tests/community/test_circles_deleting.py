"""A writer deletes their circle post: nothing anyone wrote is erased. Others' comments and reactions stay and
members read them under "post deleted"; a held or hidden post keeps its words for the moderators; a deleted post
nobody answered leaves the lists. Notification links follow what the post page shows."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from community.models import CirclePost, Comment, Reaction
from community.selectors import circles as circle_selectors
from community.services import add_comment, react
from community.services import circles as circle_services
from moderation.models import Visibility

from .test_circles_fixtures import join, make_circle

pytestmark = pytest.mark.django_db

HELD = "Let's talk on whatsapp, my number is 07700 900123"


def url(circle, path=""):
    return f"/api/v1/circles/{circle.slug}/{path}"


@pytest.fixture
def answered():
    """A circle, a post by `writer` that `friend` commented on and reacted to."""
    circle = make_circle()
    writer, friend = join(circle), join(circle)
    post = circle_services.write_post(actor=writer, circle=circle, body="Today I told my sister how I feel.").obj
    comment = add_comment(actor=friend, target=post, body="That takes courage, well done.").obj
    react(actor=friend, target=post, kind="support")
    return circle, writer, friend, post, comment


def test_deleting_a_post_keeps_others_comments_and_reactions(answered):
    circle, writer, _friend, post, comment = answered

    circle_services.delete_post(actor=writer, post=post)

    post.refresh_from_db()
    assert post.deleted_at is not None and post.body == "" and post.screening_labels == []
    assert Comment.objects.filter(pk=comment.pk, body="That takes courage, well done.").exists()
    assert Reaction.objects.filter(target_id=post.pk, kind="support").count() == 1
    circle_services.delete_post(actor=writer, post=post)  # a second time: nothing more happens
    assert CirclePost.objects.filter(pk=post.pk).exists()


def test_members_read_the_comments_under_post_deleted(client, answered):
    circle, writer, friend, post, _comment = answered
    circle_services.delete_post(actor=writer, post=post)
    client.force_login(join(circle))

    listed = client.get(f"/circles/{circle.slug}/").content.decode()
    page = client.get(f"/circles/{circle.slug}/posts/{post.pk}/").content.decode()

    assert "Post deleted" in listed and "Today I told my sister" not in listed
    assert "Post deleted" in page and "That takes courage, well done." in page
    assert 'id="comment-form"' not in page  # no new conversation under a deleted post
    with pytest.raises(ValidationError):
        add_comment(actor=friend, target=post, body="Still here for you.")


def test_the_api_gives_a_deleted_post_without_its_words_or_writer(api_client, answered):
    circle, writer, friend, post, _comment = answered
    api_client.force_authenticate(writer)
    assert api_client.delete(url(circle, f"posts/{post.pk}/")).status_code == 204

    api_client.force_authenticate(friend)
    [shown] = api_client.get(url(circle, "posts/")).json()["results"]

    assert shown["id"] == post.pk and shown["deleted"] is True
    assert shown["body"] == "" and shown["author"] is None and shown["comment_count"] == 1


def test_a_deleted_post_nobody_answered_leaves_the_lists(client, api_client):
    circle = make_circle()
    writer, reader = join(circle), join(circle)
    post = circle_services.write_post(actor=writer, circle=circle, body="Quiet day, nothing much to say.").obj
    circle_services.delete_post(actor=writer, post=post)

    api_client.force_authenticate(reader)
    client.force_login(reader)

    assert api_client.get(url(circle, "posts/")).json()["results"] == []
    assert client.get(f"/circles/{circle.slug}/posts/{post.pk}/").status_code == 404
    assert circle_selectors.circle_post_links(viewer=reader, ids=[post.pk]) == {}


def test_a_held_post_keeps_its_words_and_labels_for_the_moderators_when_deleted():
    circle = make_circle()
    writer = join(circle)
    post = circle_services.write_post(actor=writer, circle=circle, body=HELD).obj
    assert post.visibility == Visibility.HELD
    labels = list(post.screening_labels)

    circle_services.delete_post(actor=writer, post=post)

    post.refresh_from_db()
    assert post.deleted_at is not None and post.body == HELD and post.screening_labels == labels
    assert circle_selectors.posts_page(viewer=writer, circle=circle).posts == []


def test_only_the_writer_deletes_and_a_host_cannot_remove_a_deleted_post(answered):
    circle, writer, friend, post, _comment = answered
    with pytest.raises(PermissionDenied):
        circle_services.delete_post(actor=friend, post=post)
    circle_services.delete_post(actor=writer, post=post)
    post.refresh_from_db()
    with pytest.raises(ValidationError):
        circle_services.remove_post(actor=circle.created_by, post=post)


def test_post_links_follow_what_the_post_page_shows(answered):
    circle, writer, friend, post, _comment = answered
    held = circle_services.write_post(actor=writer, circle=circle, body=HELD).obj
    removed = circle_services.write_post(actor=writer, circle=circle, body="A second thought on it.").obj
    circle_services.remove_post(actor=circle.created_by, post=removed)
    ids = [post.pk, held.pk, removed.pk]

    assert set(circle_selectors.circle_post_links(viewer=friend, ids=ids)) == {post.pk}
    assert set(circle_selectors.circle_post_links(viewer=writer, ids=ids)) == {post.pk, held.pk, removed.pk}

    circle_services.delete_post(actor=writer, post=post)  # answered: still shown as "post deleted"
    assert set(circle_selectors.circle_post_links(viewer=friend, ids=ids)) == {post.pk}
