"""Sensitive topics, topic by topic: what adults, minors and visitors see of a story or a comment with a content
warning, on the feed, hashtag pages, profiles, the story page and its comments; the strictest of several
warnings; minors' defaults and how far they can loosen them; and a feed that still costs a fixed number of
queries."""

import re
from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community import selectors, services
from community.models import Comment, Preferences, SensitiveContent, Story
from community.services.preferences import update_preferences
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MINOR = date(2099, 1, 1)
RECOVERY = "Two years clean from self-harm today. Some days are still hard but I'm proud of how far I've come."
FOLD = re.compile(r"<details class=\"content-warning\"[^>]*>.*?</details>", re.DOTALL)


def post(author, body="The first spring without my grandmother. #gardening", **data) -> Story:
    data.setdefault("title", "Her roses")
    return services.save_story(actor=author, data={"body": body, **data}, post=True).obj


def choose(person, **topics):
    return update_preferences(actor=person, user=person, data={"sensitive_topics": topics})


def outside_folds(html: str) -> str:
    return FOLD.sub("", html)


def listed(html: str, story) -> bool:
    return f'id="story-{story.pk}-title"' in html


def seen_as(html: str, words: str) -> str:
    """How a page shows some words: "hide" (not there), "collapse" (only inside a fold) or "show"."""
    if words not in html:
        return "hide"
    return "show" if words in outside_folds(html) else "collapse"


def shown_as(html: str, story, words: str = "Her roses") -> str:
    """How a page shows a story: "hide" (not listed), "collapse" (its words only inside a fold), "show"."""
    return "collapse" if listed(html, story) and words not in html else seen_as(html, words)


def pages(client, author) -> dict[str, str]:
    """The feed, the hashtag page and the author's profile."""
    return {
        "feed": client.get("/").content.decode(),
        "tag": client.get("/tags/gardening/").content.decode(),
        "profile": client.get(f"/people/{author.handle}/").content.decode(),
    }


def pages_listing(client, author, story) -> dict[str, str]:
    """How the feed, the hashtag page and the author's profile show the story."""
    return {page: shown_as(html, story) for page, html in pages(client, author).items()}


def story_page(client, story) -> str:
    html = client.get(f"/stories/{story.pk}/").content.decode()
    if "data-sensitive-interstitial" in html:
        assert "Show it anyway" in html and "Her roses" not in html and "grandmother" not in html
        return "hide"
    return shown_as(html, story, "grandmother")


# The matrix: who, which choice, which page


@pytest.mark.parametrize("choice", ["show", "collapse", "hide"])
def test_an_adults_choice_for_a_topic_holds_on_every_list_and_on_the_story(client, choice):
    author, reader = UserFactory(), UserFactory()
    services.follow(actor=reader, user=author)
    story = post(author, content_warnings=["grief"])
    plain = post(author, "Planting tulips with my neighbour. #gardening", title="Tulips")
    choose(reader, grief=choice)
    client.force_login(reader)

    assert pages_listing(client, author, story) == {"feed": choice, "tag": choice, "profile": choice}
    assert story_page(client, story) == choice
    assert {page: shown_as(html, plain, "Tulips") for page, html in pages(client, author).items()} == {
        "feed": "show",
        "tag": "show",
        "profile": "show",
    }


def test_a_hidden_story_opened_on_purpose_asks_first_then_shows_and_remembers(client):
    author, reader = UserFactory(), UserFactory()
    story = post(author, content_warnings=["grief"])
    choose(reader, grief="hide")
    client.force_login(reader)

    asked = client.get(f"/stories/{story.pk}/")
    html = asked.content.decode()
    assert asked.status_code == 200
    assert "Grief and loss" in html and "/settings/preferences/" in html
    assert f'<form method="post" action="/stories/{story.pk}/show/">' in html and "csrfmiddlewaretoken" in html
    assert "Her roses" not in html and "grandmother" not in html  # never a word of it first
    chose = client.post(f"/stories/{story.pk}/show/")
    assert chose.status_code == 302 and chose["Location"] == f"/stories/{story.pk}/"
    shown = client.get(chose["Location"]).content.decode()
    assert "grandmother" in outside_folds(shown) and "Content warning:" in shown
    # Back to it after commenting or reacting: it opens straight away.
    assert "grandmother" in client.get(f"/stories/{story.pk}/").content.decode()
    # Reacting and commenting work, though lists leave it out.
    services.react(actor=reader, target=story, kind="support")
    services.add_comment(actor=reader, target=story, body="Thinking of you this spring.")
    assert story.pk not in [item.pk for item in selectors.feed(viewer=reader).stories]


@pytest.mark.parametrize("choice", ["show", "collapse", "hide"])
def test_comments_follow_the_readers_choice_and_a_hidden_one_leaves_a_line(client, choice):
    author, commenter, reader = UserFactory(), UserFactory(), UserFactory()
    story = post(author, "Sharing what helped me this year.", title="This year")
    hard = services.add_comment(actor=commenter, target=story, body=RECOVERY).obj
    assert hard.content_warnings == ["suicide_self_harm"]
    reply = services.add_comment(actor=author, target=story, body="So proud of you, truly.", parent=hard).obj
    choose(reader, suicide_self_harm=choice)
    client.force_login(reader)

    html = client.get(f"/stories/{story.pk}/").content.decode()

    assert f'id="comment-{reply.pk}"' in html and "So proud of you" in html  # the thread still reads
    if choice == "hide":
        assert "A comment was hidden by your sensitive-content settings" in html
        assert "Two years clean" not in html
    else:
        assert "Two years clean" in html
        assert ("Two years clean" in outside_folds(html)) == (choice == "show")
    [item] = selectors.comments_for(viewer=reader, target=story)
    assert (item.hidden, item.folded) == (choice == "hide", choice == "collapse")


def test_the_api_lists_leave_out_hidden_topics_and_a_hidden_comment_has_no_words(api_client):
    author, reader = UserFactory(), UserFactory()
    story = post(author, content_warnings=["grief"])
    plain = post(author, "Planting tulips with my neighbour.", title="Tulips")
    services.add_comment(actor=UserFactory(), target=plain, body=RECOVERY)
    choose(reader, grief="hide", suicide_self_harm="hide")
    api_client.force_authenticate(reader)

    listed_ids = [item["id"] for item in api_client.get("/api/v1/stories/").json()["results"]]
    [comment] = api_client.get(f"/api/v1/stories/{plain.pk}/comments/").json()

    assert listed_ids == [plain.pk]
    assert api_client.get(f"/api/v1/stories/{story.pk}/").status_code == 200  # opened on purpose
    assert comment["body"] == "" and comment["content_warnings"] == ["suicide_self_harm"]


def test_a_link_with_show_1_does_not_choose_for_the_reader(client):
    """`/stories/5/?show=1` posted in a comment or a message still asks first: only the reader's own "Show it
    anyway" (a POST with their CSRF token) opens it, and only that story."""
    author, reader = UserFactory(), UserFactory()
    story = post(author, content_warnings=["grief"])
    other = post(author, "Her garden in the rain.", title="Rain", content_warnings=["grief"])
    choose(reader, grief="hide")
    client.force_login(reader)

    html = client.get(f"/stories/{story.pk}/?show=1").content.decode()
    assert "data-sensitive-interstitial" in html and "grandmother" not in html
    assert "data-sensitive-interstitial" in client.get(f"/stories/{story.pk}/").content.decode()  # not remembered
    assert client.get(f"/stories/{story.pk}/show/").status_code == 405  # a link can't make the choice

    client.post(f"/stories/{story.pk}/show/")
    assert "grandmother" in client.get(f"/stories/{story.pk}/").content.decode()
    assert "data-sensitive-interstitial" in client.get(f"/stories/{other.pk}/").content.decode()


def test_show_it_anyway_needs_the_readers_own_csrf_token():
    from django.test import Client

    author, reader = UserFactory(), UserFactory()
    story = post(author, content_warnings=["grief"])
    choose(reader, grief="hide")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)

    assert browser.post(f"/stories/{story.pk}/show/").status_code == 403  # a form on another site
    assert "data-sensitive-interstitial" in browser.get(f"/stories/{story.pk}/").content.decode()


def test_the_api_withholds_a_hidden_topics_story_until_show_1(api_client):
    author, reader = UserFactory(), UserFactory()
    story = post(author, "The first spring without my grandmother. #gardening", content_warnings=["grief"])
    choose(reader, grief="hide")
    api_client.force_authenticate(reader)

    asked = api_client.get(f"/api/v1/stories/{story.pk}/").json()
    assert asked["hidden"] is True and asked["sensitive_choice"] == "hide"
    assert (asked["title"], asked["body"], asked["body_html"], asked["tags"]) == ("", "", "", [])
    assert asked["content_warning_labels"] == ["Grief and loss"]  # enough to ask first
    shown = api_client.get(f"/api/v1/stories/{story.pk}/?show=1").json()
    assert shown["hidden"] is False and "grandmother" in shown["body"] and shown["title"] == "Her roses"
    # Its author always has it (folded at most), and a reader who folds the topic gets it with that choice.
    api_client.force_authenticate(author)
    mine = api_client.get(f"/api/v1/stories/{story.pk}/").json()
    assert mine["hidden"] is False and mine["sensitive_choice"] != "hide" and "grandmother" in mine["body"]
    choose(reader, grief="collapse")
    reader.refresh_from_db()
    api_client.force_authenticate(reader)
    folded = api_client.get(f"/api/v1/stories/{story.pk}/").json()
    assert (folded["hidden"], folded["sensitive_choice"]) == (False, "collapse") and folded["body"]


def test_the_api_says_how_each_comment_is_shown(api_client):
    author, reader = UserFactory(), UserFactory()
    story = post(author, "Sharing what helped me this year.", title="This year")
    services.add_comment(actor=UserFactory(), target=story, body=RECOVERY)
    services.add_comment(actor=UserFactory(), target=story, body="Thank you for sharing this.")
    choose(reader, suicide_self_harm="hide")
    api_client.force_authenticate(reader)

    hard, kind = api_client.get(f"/api/v1/stories/{story.pk}/comments/").json()

    assert (hard["sensitive_choice"], hard["hidden"], hard["body"]) == ("hide", True, "")
    assert (kind["sensitive_choice"], kind["hidden"]) == ("show", False) and kind["body"]


# Minors


def test_a_minor_has_suicide_and_eating_disorders_hidden_by_default_and_may_only_fold_them(client):
    author, teen = UserFactory(), UserFactory(minor_until=MINOR)
    services.follow(actor=teen, user=author)
    hard = post(
        author,
        "What got me through the worst year. #gardening",
        title="Worst year",
        content_warnings=["suicide_self_harm"],
    )
    food = post(
        author, "Learning to eat with my family again. #gardening", title="Meals", content_warnings=["eating_disorders"]
    )
    grief = post(author, content_warnings=["grief"])

    assert selectors.topic_choices(teen) | {"grief": "collapse"} == selectors.topic_choices(teen)
    assert selectors.topic_choices(teen)["suicide_self_harm"] == "hide"
    assert selectors.topic_choices(teen)["eating_disorders"] == "hide"
    assert [item.pk for item in selectors.feed(viewer=teen).stories] == [grief.pk]

    with pytest.raises(ValidationError) as refused:
        choose(teen, suicide_self_harm="show")
    assert "sensitive_topics.suicide_self_harm" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        choose(teen, eating_disorders="show")
    assert "sensitive_topics.eating_disorders" in refused.value.message_dict

    choose(teen, suicide_self_harm="collapse", grief="show")
    client.force_login(teen)
    assert shown_as(client.get("/").content.decode(), hard, "Worst year") == "collapse"
    assert shown_as(client.get("/").content.decode(), grief) == "show"
    assert shown_as(client.get("/").content.decode(), food, "Meals") == "hide"


def test_a_minor_who_signed_up_hides_every_topic_until_they_choose(db):
    teen = UserFactory(minor_until=MINOR, sensitive_content=SensitiveContent.HIDE)  # as sign-up makes them
    assert set(selectors.topic_choices(teen).values()) == {"hide"}


def test_a_show_saved_for_a_minor_by_other_means_still_only_folds(db):
    teen = UserFactory(minor_until=MINOR)
    Preferences.objects.create(user=teen, sensitive_topics={"suicide_self_harm": "show", "grief": "show"})
    assert selectors.topic_choices(teen)["suicide_self_harm"] == "collapse"
    assert selectors.topic_choices(teen)["grief"] == "show"


# Visitors, the general switch, several warnings, one's own writing


def test_visitors_see_every_topic_folded(client):
    author = UserFactory()
    story = post(author, content_warnings=["suicide_self_harm"])
    Story.objects.filter(pk=story.pk).update(featured=True)
    commented = post(author, "A calm walk today.", title="Calm")
    services.add_comment(actor=UserFactory(), target=commented, body=RECOVERY)

    assert set(selectors.topic_choices(AnonymousUser()).values()) == {"collapse"}
    assert shown_as(client.get("/").content.decode(), story) == "collapse"
    assert story_page(client, story) == "collapse"
    html = client.get(f"/stories/{commented.pk}/").content.decode()
    assert "Two years clean" in html and "Two years clean" not in outside_folds(html)


def test_topics_never_set_follow_the_general_switch_and_a_topic_set_wins(db):
    reader = UserFactory(sensitive_content=SensitiveContent.HIDE)
    assert set(selectors.topic_choices(reader).values()) == {"hide"}
    choose(reader, grief="show")
    assert selectors.topic_choices(reader)["grief"] == "show"
    assert selectors.topic_choices(reader)["violence"] == "hide"
    choose(reader, grief=None)  # back to the default
    assert selectors.topic_choices(reader)["grief"] == "hide"
    assert set(selectors.topic_choices(UserFactory()).values()) == {"collapse"}


@pytest.mark.parametrize(
    ("grief", "violence", "seen"),
    [("show", "show", "show"), ("show", "collapse", "collapse"), ("show", "hide", "hide"), ("hide", "show", "hide")],
)
def test_with_several_warnings_the_strictest_choice_applies(client, grief, violence, seen):
    author, reader = UserFactory(), UserFactory()
    services.follow(actor=reader, user=author)
    story = post(author, content_warnings=["grief", "violence"])
    choose(reader, grief=grief, violence=violence)
    client.force_login(reader)

    assert pages_listing(client, author, story) == {"feed": seen, "tag": seen, "profile": seen}
    assert story_page(client, story) == seen


def test_ones_own_writing_is_folded_at_most_never_hidden(client):
    writer = UserFactory()
    story = post(writer, content_warnings=["grief"])
    services.add_comment(actor=writer, target=story, body=RECOVERY)
    choose(writer, grief="hide", suicide_self_harm="hide")
    client.force_login(writer)

    assert pages_listing(client, writer, story) == {"feed": "collapse", "tag": "collapse", "profile": "collapse"}
    html = client.get(f"/stories/{story.pk}/").content.decode()
    assert "data-sensitive-interstitial" not in html and "Two years clean" in outside_folds(html)


def test_a_bio_with_a_warning_is_shown_folded_or_left_out_as_chosen(client):
    person = UserFactory(bio=RECOVERY)
    assert person.content_warnings == ["suicide_self_harm"]
    reader = UserFactory()
    client.force_login(reader)
    for choice in ("show", "collapse", "hide"):
        choose(reader, suicide_self_harm=choice)
        html = client.get(f"/people/{person.handle}/").content.decode()
        assert seen_as(html, "Two years clean") == choice


# Queries


def test_the_feed_costs_the_same_queries_with_or_without_preferences(django_assert_max_num_queries):
    people = [UserFactory() for _ in range(3)]
    readers = [UserFactory() for _ in range(3)]
    for index in range(25):
        post(
            people[index % 3],
            f"Evening {index}: tea and a book.",
            content_warnings=[["grief"], ["violence"], []][index % 3],
        )
    for reader in readers:
        for person in people:
            services.follow(actor=reader, user=person)
    choose(readers[1], grief="hide", violence="show")
    choose(readers[2], grief="show", abuse="collapse")

    counts = []
    for reader in readers:
        fresh = type(reader).objects.get(pk=reader.pk)  # as each request's user: nothing read yet
        with CaptureQueriesContext(connection) as captured:
            page = selectors.feed(viewer=fresh, size=25)
            [selectors.story_choice(story, viewer=fresh) for story in page.stories]
        counts.append(len(captured))
    assert counts[0] == counts[1] == counts[2] <= 3
    assert len(selectors.feed(viewer=readers[1], size=25).stories) < 25  # the hidden ones are left out


def test_the_home_page_costs_the_same_queries_whatever_the_preferences(client):
    author = UserFactory()
    plain_reader, choosy_reader = UserFactory(), UserFactory()
    for index in range(6):
        post(author, f"Evening {index}: tea and a book.", content_warnings=["grief"] if index % 2 else [])
    for reader in (plain_reader, choosy_reader):
        services.follow(actor=reader, user=author)
    choose(choosy_reader, grief="show", violence="hide")
    update_preferences(actor=choosy_reader, user=choosy_reader, data={"break_reminder_minutes": 30})

    def queries(reader) -> int:
        client.force_login(reader)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/").status_code == 200
        return len(captured)

    # The choosy reader hides a topic: the caught-up feed counts what it left out, in one query more.
    assert queries(plain_reader) + 1 == queries(choosy_reader)


# Comment counts match the conversation shown


def shown_count(viewer, story) -> int:
    def walk(items):
        for item in items:
            yield item
            yield from walk(item.replies)

    return sum(1 for item in walk(selectors.comments_for(viewer=viewer, target=story)) if not item.deleted)


def test_a_visitor_counts_only_the_comments_they_see_not_a_minors_nor_the_replies_under_them():
    author, teen, adult, other = UserFactory(), UserFactory(minor_until=MINOR), UserFactory(), UserFactory()
    story = post(author, "A calm walk by the sea helped today.", title="Calm")
    Story.objects.filter(pk=story.pk).update(featured=True)
    services.add_comment(actor=adult, target=story, body="Lovely, thank you for sharing.")
    teens = services.add_comment(actor=teen, target=story, body="Same here, the sea helps me too!").obj
    reply = services.add_comment(actor=adult, target=story, body="Glad it helps you too.", parent=teens).obj
    services.add_comment(actor=other, target=story, body="Me too, honestly.", parent=reply)
    visitor = AnonymousUser()

    assert shown_count(visitor, story) == 1
    assert selectors.story_for_viewer(viewer=visitor, pk=story.pk).comment_count == 1
    assert [item.comment_count for item in selectors.feed(viewer=visitor).stories] == [1]
    member = UserFactory()
    assert shown_count(member, story) == selectors.story_for_viewer(viewer=member, pk=story.pk).comment_count == 4


def test_counts_match_the_conversation_for_every_viewer():
    author, pest, blocker, friend = UserFactory(), UserFactory(), UserFactory(), UserFactory()
    story = post(author, "A small win: I went outside today.", title="Outside", comments_need_approval=False)
    first = services.add_comment(actor=friend, target=story, body="So proud of you!").obj
    pests = services.add_comment(actor=pest, target=story, body="Anyone can go outside.").obj
    services.add_comment(actor=author, target=story, body="Thanks for reading.", parent=pests)
    services.restrict(actor=author, user=pest)
    gone = services.add_comment(actor=friend, target=story, body="One more thought.", parent=first).obj
    services.add_comment(actor=blocker, target=story, body="Proud of you too.", parent=gone)
    services.delete_comment(actor=friend, comment=gone)  # deleted: its reply still reads under it
    services.block(actor=blocker, user=friend)
    services.add_comment(actor=UserFactory(minor_until=MINOR), target=story, body="Go you!")

    for viewer in (AnonymousUser(), UserFactory(), blocker, friend, author, pest):
        counted = selectors.story_for_viewer(viewer=viewer, pk=story.pk).comment_count
        assert counted == shown_count(viewer, story) or viewer in (author, pest), viewer
    # The author and the restricted person also see the restricted comment (and the author's reply under it)
    # in the conversation; the count is what everyone sees.
    assert selectors.story_for_viewer(viewer=author, pk=story.pk).comment_count == 3
    assert Comment.objects.filter(target_type=ContentType.objects.get_for_model(Story), target_id=story.pk).count() == 6


# Crisis hashtags


@pytest.mark.parametrize(
    ("tag", "sensitivity"),
    [
        ("su1c1de", "crisis"),
        ("s3lfh4rm", "crisis"),
        ("sewerslide", "crisis"),
        ("wanttodie", "crisis"),
        ("selfharmrecovery", "crisis"),
        ("pr0ana", "eating_disorders"),
        ("proanatips", "eating_disorders"),
        ("skinnytok", "eating_disorders"),
        ("thinspiration", "eating_disorders"),
    ],
)
def test_evasive_and_run_together_crisis_hashtags_bring_help_and_a_screen_first(client, tag, sensitivity):
    story = post(UserFactory(), "Talking to a friend helped me through a dark winter.", tags=[tag])

    html = client.get(f"/tags/{tag}/").content.decode()

    assert selectors.tag_sensitivity(tag) == sensitivity
    assert "data-crisis-help" in html and "data-sensitive-screen" in html
    assert not listed(html, story) and "dark winter" not in html
    shown = client.get(f"/tags/{tag}/?show=1").content.decode()
    assert "data-sensitive-screen" not in shown
    assert shown.index("data-crisis-help") < shown.index(f"Stories with #{tag}")  # help still comes first


@pytest.mark.parametrize("address", ["Self-Harm", "SUICIDE", "self.harm"])
def test_a_crisis_hashtag_typed_another_way_leads_to_the_screened_page(client, address):
    response = client.get(f"/tags/{address}/", follow=True)
    html = response.content.decode()
    assert response.redirect_chain and "data-crisis-help" in html and "data-sensitive-screen" in html


@pytest.mark.parametrize("tag", ["selfcare", "gardening", "recovery", "grief"])
def test_ordinary_hashtags_have_no_screen(tag):
    assert selectors.tag_sensitivity(tag) == ""
