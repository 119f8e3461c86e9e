"""The home feed and hashtag pages: what a member sees, in what order, where it ends, and help before crisis tags."""

import re
from datetime import UTC, datetime
from html import unescape

import pytest
import time_machine

from community import services
from community.models import Story
from community.services.preferences import update_preferences
from tests.factories import ChannelFactory, EmergencyNumberFactory, HelplineFactory, UserFactory

pytestmark = pytest.mark.django_db

STORY_ID = re.compile(r'id="story-(\d+)-title"')


def post(author, body, **data):
    """A story posted the way the composer posts it: screened, then published."""
    return services.save_story(actor=author, data={"body": body, **data}, post=True).obj


def story_ids(response) -> list[int]:
    return [int(pk) for pk in STORY_ID.findall(response.content.decode())]


def older_link(response) -> str | None:
    match = re.search(r'href="\?((?:show=1&amp;)?cursor=[^"]+)" rel="next"', response.content.decode())
    return "?" + match.group(1).replace("&amp;", "&") if match else None


@pytest.fixture
def viewer(client, member):
    client.force_login(member)
    return member


# The home feed


def test_feed_shows_followed_people_and_tags_and_own_not_strangers_or_muted(client, viewer):
    friend, tagger, stranger, quiet = UserFactory(), UserFactory(), UserFactory(), UserFactory()
    services.follow(actor=viewer, user=friend)
    services.follow(actor=viewer, user=quiet)
    services.mute(actor=viewer, user=quiet)
    services.follow_tag(actor=viewer, name="gardening")
    by_friend = post(friend, "A walk by the river helped today.")
    by_tag = post(tagger, "My tomatoes finally grew. #gardening")
    mine = post(viewer, "Writing my first story here.")
    by_stranger = post(stranger, "A story nobody here follows.")
    by_muted = post(quiet, "A story from someone muted.")

    response = client.get("/")

    shown = story_ids(response)
    assert response.status_code == 200
    assert shown == [mine.pk, by_tag.pk, by_friend.pk]  # newest first
    assert by_stranger.pk not in shown and by_muted.pk not in shown
    assert "You're all caught up" in response.content.decode()
    assert 'href="/stories/new/"' in response.content.decode()


def test_an_empty_feed_says_caught_up_and_suggests_hashtags_and_help(client, viewer):
    html = client.get("/").content.decode()

    assert "data-caught-up" in html
    assert 'href="/tags/selfcare/"' in html
    assert 'href="/help/"' in html
    assert 'rel="next"' not in html


def test_older_stories_are_one_click_away_without_repeats(client, viewer):
    friend = UserFactory()
    services.follow(actor=viewer, user=friend)
    posted = [post(friend, f"Day {n}: a small thing that went well was number {n}.").pk for n in range(25)]

    first = client.get("/")
    link = older_link(first)
    second = client.get("/" + link)

    assert "data-caught-up" not in first.content.decode()
    assert link is not None
    assert story_ids(first) == posted[::-1][:20]
    assert story_ids(second) == posted[::-1][20:]
    assert "data-caught-up" in second.content.decode()
    assert 'href="/"' in second.content.decode()  # back to the newest


@pytest.mark.parametrize("count", [5, 25])
def test_a_feed_page_costs_the_same_queries_whatever_its_length(client, viewer, django_assert_max_num_queries, count):
    friends = [UserFactory() for _ in range(3)]
    for friend in friends:
        services.follow(actor=viewer, user=friend)
    services.follow_tag(actor=viewer, name="calm")
    for n in range(count):
        story = post(friends[n % 3], f"Story {n} about a calm evening walk. #calm #walks", content_warnings=["grief"])
        services.react(actor=friends[(n + 1) % 3], target=story, kind="support")
        services.add_comment(actor=friends[(n + 2) % 3], target=story, body=f"Thank you for this, {n}.")

    with django_assert_max_num_queries(7):  # session, viewer, stories, their tags, and room to spare
        response = client.get("/")

    assert len(story_ids(response)) == min(count, 20)


def test_a_story_behind_a_warning_shows_only_the_warning_until_opened(client, viewer):
    friend = UserFactory()
    services.follow(actor=viewer, user=friend)
    post(friend, "The first week without my brother was the hardest.", title="Losing him", content_warnings=["grief"])

    html = client.get("/").content.decode()

    start = html.index('<details class="content-warning">')
    fold = html[start : html.index("</details>", start)]
    outside = html.replace(fold, "")
    assert "Grief and loss" in fold
    assert "Losing him" in fold and "first week without my brother" in fold
    assert "Losing him" not in outside and "first week" not in outside


def test_anonymous_stories_name_nobody_and_never_come_through_following_their_author(client, viewer):
    friend, writer = UserFactory(display_name="Robin Secret"), UserFactory(display_name="Kim Hidden")
    services.follow(actor=viewer, user=friend)
    services.follow_tag(actor=viewer, name="hope")
    through_follow = post(friend, "Something I can only say without my name.", anonymous=True)
    through_tag = post(writer, "Something hopeful, without my name. #hope", anonymous=True)

    response = client.get("/")

    html = response.content.decode()
    assert story_ids(response) == [through_tag.pk]  # following Robin must not reveal Robin wrote the other one
    assert through_follow.pk not in story_ids(response)
    assert "an anonymous member" in html
    assert "Kim Hidden" not in html and writer.handle not in html


def test_the_author_sees_their_own_anonymous_story_marked_as_such(client, viewer):
    post(viewer, "Posted without my name.", anonymous=True)

    html = client.get("/").content.decode()

    assert "posted anonymously: only you see your name" in html


def test_times_are_shown_in_the_viewers_zone(client, member):
    member.time_zone = "Asia/Tokyo"
    member.save(update_fields=["time_zone"])
    client.force_login(member)
    with time_machine.travel(datetime(2030, 1, 1, 12, 0, tzinfo=UTC), tick=False):
        post(member, "A new year, a new notebook.")

    html = client.get("/").content.decode()

    assert "1 January 2030, 21:00" in html
    assert 'datetime="2030-01-01T21:00:00+09:00"' in html


def test_a_card_reads_like_text_not_markdown(client, viewer):
    post(viewer, "**Today** I went to the [park](https://example.org/park).\n\nIt was quiet.\n\n#outside #calm")

    html = client.get("/").content.decode()

    card = html[html.index('class="card story-card"') : html.index("</article>")]
    assert ">Today I went to the park.</a>" in card  # the first line is the heading
    assert "It was quiet." in card
    assert "**" not in card and "](" not in card
    assert "It was quiet. #outside" not in card  # the hashtags are listed once, as links
    assert 'href="/tags/outside/"' in card


def test_story_text_is_escaped(client, viewer):
    post(viewer, "I <b>finally</b> slept well <script>alert(1)</script>", title="<i>Sleep</i>")

    html = client.get("/").content.decode()

    assert "<script>alert(1)" not in html and "<i>Sleep</i>" not in html
    assert "&lt;i&gt;Sleep&lt;/i&gt;" in html


def test_reaction_counts_are_shown_to_the_author_only(client, viewer):
    friend = UserFactory()
    services.follow(actor=viewer, user=friend)
    story = post(friend, "A quiet day at the lake.")
    services.react(actor=viewer, target=story, kind="support")
    services.react(actor=UserFactory(), target=story, kind="hope")

    html = client.get("/").content.decode()
    client.force_login(friend)
    own = client.get("/").content.decode()

    assert "People reacted" in html and "2 reactions" not in html
    assert "2 reactions" in own


def test_visitors_see_the_welcome_page_with_featured_stories_only(client):
    author = UserFactory()
    featured = post(author, "The team picked this one.")
    other = post(author, "An ordinary story.")
    Story.objects.filter(pk=featured.pk).update(featured=True)

    response = client.get("/")

    assert response.status_code == 200
    assert "Join Hearten" in response.content.decode()
    assert story_ids(response) == [featured.pk]
    assert other.pk not in story_ids(response)


# Hashtag pages


def test_a_tag_page_lists_readable_stories_with_the_tag(client, viewer):
    author = UserFactory()
    tagged = post(author, "Breathing exercises before exams. #examstress")
    post(author, "Something else entirely.")

    response = client.get("/tags/examstress/")

    assert response.status_code == 200
    assert story_ids(response) == [tagged.pk]
    assert "Follow #examstress" in response.content.decode()
    assert 'href="/tags/examstress/"' in response.content.decode()


def test_a_typed_tag_address_leads_to_the_hashtag(client):
    response = client.get("/tags/%23Self-Care/?show=1")

    assert response.status_code == 302
    assert response["Location"] == "/tags/selfcare/?show=1"
    assert client.get("/tags/a/").status_code == 404


def test_following_a_tag_brings_its_stories_into_the_feed_and_unfollowing_removes_them(client, viewer):
    story = post(UserFactory(), "Watercolours calm me down. #painting")

    response = client.post("/tags/painting/follow/", follow=True)

    assert response.redirect_chain[-1][0] == "/tags/painting/"
    assert "You follow #painting" in response.content.decode()
    assert "Unfollow #painting" in response.content.decode()
    assert story.pk in story_ids(client.get("/"))

    client.post("/tags/painting/unfollow/")

    assert story.pk not in story_ids(client.get("/"))


def test_following_a_tag_needs_a_member_and_a_post(client):
    assert client.get("/tags/painting/follow/").status_code in (302, 405)
    response = client.post("/tags/painting/follow/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.fixture
def helplines(db):
    EmergencyNumberFactory(country="GB", number="999")
    ChannelFactory(helpline=HelplineFactory(name="Samaritans", country="GB"), value="116123")


@pytest.mark.parametrize("tag", ["suicide", "selfharm", "self_harm", "s_u_i_c_i_d_e", "kms", "unalive"])
def test_a_crisis_tag_shows_helplines_first_and_no_post_until_asked(client, member, helplines, tag):
    member.country = "GB"
    member.save(update_fields=["country"])
    client.force_login(member)
    story = post(UserFactory(), "Talking to a friend helped me through a dark winter.", tags=[tag])

    screened = client.get(f"/tags/{tag}/")
    shown = client.get(f"/tags/{tag}/?show=1")

    html = screened.content.decode()
    assert screened.status_code == 200
    assert "data-crisis-help" in html and "Samaritans" in html
    assert "This hashtag is about suicide and self-harm" in html
    assert 'href="?show=1"' in html
    assert story_ids(screened) == [] and "dark winter" not in html
    assert f"Follow #{tag}" not in html
    html = shown.content.decode()
    assert story_ids(shown) == [story.pk]
    assert html.index("data-crisis-help") < html.index(f'id="story-{story.pk}-title"')
    assert 'href="/stories/new/"' not in html  # no invitation to write on this tag


@pytest.mark.parametrize("tag", ["proana", "pro_ana", "thinspo", "promia"])
def test_eating_disorder_promotion_tags_are_screened_too(client, helplines, tag):
    response = client.get(f"/tags/{tag}/", HTTP_ACCEPT_LANGUAGE="en-GB")

    html = response.content.decode()
    assert "data-crisis-help" in html
    assert "This hashtag is often used to promote eating disorders" in html
    assert "data-sensitive-screen" in html


def test_an_ordinary_tag_has_no_screen_and_no_crisis_panel(client, helplines):
    html = client.get("/tags/selfcare/").content.decode()

    assert "data-crisis-help" not in html and "data-sensitive-screen" not in html


def test_a_crisis_tag_cannot_be_followed(client, viewer):
    response = client.post("/tags/suicide/follow/", follow=True)

    assert "can't be followed" in unescape(response.content.decode())
    assert not viewer.followed_tags.exists()


def test_older_stories_of_a_crisis_tag_stay_past_the_screen(client, viewer):
    author = UserFactory()
    for n in range(21):
        post(author, f"Day {n} of getting through it with my friends.", tags=["selfharm"])

    link = older_link(client.get("/tags/selfharm/?show=1"))

    assert link.startswith("?show=1&cursor=")
    assert len(story_ids(client.get("/tags/selfharm/" + link))) == 1


@pytest.mark.parametrize("count", [5, 25])
def test_a_tag_page_costs_the_same_queries_whatever_its_length(client, viewer, django_assert_max_num_queries, count):
    authors = [UserFactory() for _ in range(3)]
    for n in range(count):
        story = post(authors[n % 3], f"Evening {n}: tea and a book. #unwind")
        services.react(actor=authors[(n + 1) % 3], target=story, kind="hope")

    with django_assert_max_num_queries(10):  # as the feed, plus whether the viewer follows the tag
        response = client.get("/tags/unwind/")

    assert len(story_ids(response)) == min(count, 20)


def test_a_tag_page_says_how_many_stories_the_readers_settings_hide_instead_of_looking_empty(
    client, viewer, django_assert_max_num_queries
):
    author = UserFactory()
    for body in ("Six months without skipping meals. #edrecovery", "Lunch with friends again. #edrecovery"):
        post(author, body, content_warnings=["eating_disorders"])
    update_preferences(actor=viewer, user=viewer, data={"sensitive_topics": {"eating_disorders": "hide"}})

    response = client.get("/tags/edrecovery/")

    html = unescape(re.sub(r"\s+", " ", response.content.decode()))
    assert story_ids(response) == []
    assert "No stories with this hashtag yet" not in html
    assert "2 stories with this hashtag are hidden by your sensitive-content settings." in html
    assert 'href="/settings/preferences/"' in html

    post(author, "A calm breakfast today. #edrecovery")
    with django_assert_max_num_queries(8):  # the hidden ones are counted in one query more
        html = unescape(re.sub(r"\s+", " ", client.get("/tags/edrecovery/").content.decode()))
    assert "That's everything with this hashtag" in html
    assert "2 stories with this hashtag are hidden" in html

    update_preferences(actor=viewer, user=viewer, data={"sensitive_topics": {"eating_disorders": "collapse"}})
    html = client.get("/tags/edrecovery/").content.decode()
    assert "hidden by your sensitive-content settings" not in html


def test_the_feed_says_how_many_stories_the_readers_settings_hide(client, viewer):
    author = UserFactory()
    services.follow(actor=viewer, user=author)
    post(author, "Six months without skipping meals.", content_warnings=["eating_disorders"])
    post(author, "A slow walk by the river today.")
    update_preferences(actor=viewer, user=viewer, data={"sensitive_topics": {"eating_disorders": "hide"}})

    html = unescape(re.sub(r"\s+", " ", client.get("/").content.decode()))

    assert "A slow walk by the river today." in html and "Six months without skipping meals." not in html
    assert "1 story for your feed is hidden by your sensitive-content settings." in html
    update_preferences(actor=viewer, user=viewer, data={"sensitive_topics": {"eating_disorders": "collapse"}})
    assert "hidden by your sensitive-content settings" not in client.get("/").content.decode()
