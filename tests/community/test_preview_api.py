"""POST /api/v1/moderation/preview/: what screening would decide, suggestions, and help in a crisis. Saves nothing."""

import pytest
import time_machine
from django.apps import apps

from moderation import services as moderation_services
from moderation.detectors.watched_words import compiled_rules
from moderation.services import MAX_SCREENED_CHARS
from resources.models import Channel
from tests.factories import ChannelFactory, EmergencyNumberFactory, HelplineFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

PREVIEW = "/api/v1/moderation/preview/"
CRISIS = "I'm going to kill myself tonight, I have the pills ready"
MORNING = "2026-01-14 10:00:00+00:00"


@pytest.fixture(autouse=True)
def _fresh_rules():
    """Compiled watched-word rules are kept per process: start and end each test with this database's."""
    compiled_rules.reset()
    yield
    compiled_rules.reset()


@pytest.fixture
def gb_help(db):
    EmergencyNumberFactory(country="GB", number="999")
    samaritans = HelplineFactory(name="Samaritans", country="GB")
    ChannelFactory(helpline=samaritans, kind=Channel.Kind.PHONE, value="116123", always_open=True)
    lifeline = HelplineFactory(name="Lifeline", country="AU")
    ChannelFactory(helpline=lifeline, kind=Channel.Kind.PHONE, value="+61131114", always_open=True)
    return samaritans


def preview(api_client, user, payload, **headers):
    api_client.force_authenticate(user)
    return api_client.post(PREVIEW, payload, format="json", **headers)


def body_of(response, status=200) -> dict:
    assert response.status_code == status, response.content
    return response.json()


def error_fields(response) -> dict:
    body = body_of(response, 400)
    assert body["detail"]
    return body["errors"]


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models() if model._meta.managed}


def test_anonymous_callers_get_401(api_client):
    response = api_client.post(PREVIEW, {"text": "hello", "kind": "story"}, format="json")

    assert response.status_code == 401
    assert response.json()["errors"] == {}


@time_machine.travel(MORNING, tick=False)
def test_a_crisis_text_comes_back_held_as_a_crisis_with_lines_open_now(api_client, gb_help):
    member = UserFactory(country="GB")

    body = body_of(preview(api_client, member, {"text": CRISIS, "kind": "story"}))

    assert body["crisis"] is True
    assert body["action"] == "hold"
    assert "crisis" in body["labels"]
    assert body["message"]
    help_now = body["help"]
    assert help_now["country"] == "GB"
    assert help_now["emergency"]["number"] == "999"
    assert [(line["helpline"], line["href"]) for line in help_now["open_now"]] == [("Samaritans", "tel:116123")]
    assert help_now["help_url"] == "/help/"
    assert help_now["crisis_response_url"] == "/help/after-posting/"


@time_machine.travel(MORNING, tick=False)
def test_without_a_profile_country_the_browser_language_region_chooses_the_lines(api_client, gb_help):
    member = UserFactory(country="")

    body = body_of(preview(api_client, member, {"text": CRISIS, "kind": "comment"}, HTTP_ACCEPT_LANGUAGE="en-AU"))

    assert body["help"]["country"] == "AU"
    assert [line["helpline"] for line in body["help"]["open_now"]] == ["Lifeline"]


def test_with_no_country_known_the_help_still_points_to_the_help_page(api_client, gb_help):
    body = body_of(preview(api_client, UserFactory(country=""), {"text": CRISIS, "kind": "story"}))

    assert body["help"]["country"] == ""
    assert body["help"]["open_now"] == []
    assert body["help"]["help_url"] == "/help/"


def test_benign_text_is_published_with_no_suggestions_and_no_help(api_client, member):
    body = body_of(preview(api_client, member, {"text": "Had a lovely walk with my dog today.", "kind": "story"}))

    assert body["action"] == "publish"
    assert body["crisis"] is False
    assert body["labels"] == [] and body["details"] == []
    assert body["suggestions"] == []
    assert body["help"] is None


def test_method_talk_comes_with_the_leave_out_method_suggestion(api_client, member):
    body = body_of(preview(api_client, member, {"text": "how many pills would it take to overdose", "kind": "story"}))

    codes = [suggestion["code"] for suggestion in body["suggestions"]]
    assert codes[0] == "leave_out_method"
    assert "method" in body["labels"]


def test_a_content_warning_the_writer_chose_is_not_suggested_again(api_client, member):
    text = "I'm in recovery from anorexia, it was hard"

    without = body_of(preview(api_client, member, {"text": text, "kind": "story"}))
    chosen = body_of(
        preview(api_client, member, {"text": text, "kind": "story", "content_warnings": ["eating_disorders"]})
    )

    assert without["content_warnings"] == ["eating_disorders"]
    assert [s["code"] for s in without["suggestions"]] == ["add_content_warning"]
    assert chosen["suggestions"] == []


@pytest.fixture
def flag_rule(db):
    staff = StaffFactory()
    rule = moderation_services.save_rule(
        actor=staff, data={"pattern": "pineapple", "pattern_type": "word", "action": "flag"}
    )
    return staff, rule


def test_what_fired_is_hidden_from_members(api_client, member, flag_rule):
    """Rules, scores and spans would let a member map the watched words and thresholds by trying texts."""
    body = body_of(preview(api_client, member, {"text": "I love pineapple on pizza", "kind": "comment"}))

    assert body["details"] == []
    assert body["action"] == "publish"  # a flag rule publishes, silently


def test_watched_word_rule_ids_are_shown_to_staff(api_client, flag_rule):
    staff, rule = flag_rule

    body = body_of(preview(api_client, staff, {"text": "I love pineapple on pizza", "kind": "comment"}))

    detail = next(d for d in body["details"] if d["name"] == "watched_word")
    assert detail["rule_id"] == rule.pk


@time_machine.travel(MORNING, tick=False)
def test_a_preview_writes_nothing_to_the_database(api_client, gb_help):
    member = UserFactory(country="GB")
    api_client.force_authenticate(member)
    before = row_counts()

    for text in (CRISIS, "how many pills would it take to overdose", "you are a worthless idiot", "Hello!"):
        assert api_client.post(PREVIEW, {"text": text, "kind": "story"}, format="json").status_code == 200

    assert row_counts() == before


@pytest.mark.parametrize(
    "payload",
    [
        {"kind": "story"},
        {"text": "", "kind": "story"},
        {"text": "   \n ", "kind": "story"},
        {"text": None, "kind": "story"},
        {"text": "x" * (MAX_SCREENED_CHARS + 1), "kind": "story"},
    ],
)
def test_missing_empty_or_too_long_text_is_a_400_naming_text(api_client, member, payload):
    errors = error_fields(preview(api_client, member, payload))

    assert list(errors) == ["text"]


def test_the_longest_text_allowed_is_screened(api_client, member):
    text = ("A long walk helps me think. " * 1000)[:MAX_SCREENED_CHARS]
    assert len(text) == MAX_SCREENED_CHARS

    body = body_of(preview(api_client, member, {"text": text, "kind": "story"}))

    assert body["action"] == "publish"


@pytest.mark.parametrize("kind", ["tweet", "", None])
def test_an_unknown_kind_is_a_400_naming_kind(api_client, member, kind):
    errors = error_fields(preview(api_client, member, {"text": "hello", "kind": kind}))

    assert list(errors) == ["kind"]


def test_the_unknown_kind_message_lists_the_kinds(api_client, member):
    errors = error_fields(preview(api_client, member, {"text": "hello", "kind": "tweet"}))

    message = errors["kind"][0]
    assert "tweet" in message
    for kind in ("story", "comment", "entry", "question", "profile", "campaign"):
        assert kind in message


def test_a_body_that_is_not_an_object_is_a_400(api_client, member):
    assert preview(api_client, member, ["text"]).status_code == 400


def test_only_post_is_allowed(api_client, member):
    api_client.force_authenticate(member)

    assert api_client.get(PREVIEW).status_code == 405


def test_previews_are_throttled_per_member_with_their_own_scope(api_client, member, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_CLASSES": ["config.api_defaults.AnonThrottle", "config.api_defaults.UserThrottle"],
        "DEFAULT_THROTTLE_RATES": {"anon": "100/min", "user": "100/min", "preview": "2/min"},
    }
    payload = {"text": "hello", "kind": "story"}

    assert [preview(api_client, member, payload).status_code for _ in range(3)] == [200, 200, 429]
    # Other endpoints are not spent by previews.
    assert api_client.get("/api/v1/me/").status_code == 200
    # Another member has their own allowance.
    assert preview(api_client, UserFactory(), payload).status_code == 200


def test_the_endpoint_is_in_the_openapi_schema(api_client):
    response = api_client.get("/api/schema/", {"format": "json"})

    assert response.status_code == 200
    schema = response.json()
    operation = schema["paths"][PREVIEW]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "ModerationPreviewInputRequest"
    )
    output = schema["components"]["schemas"]["ModerationPreview"]["properties"]
    assert {"action", "labels", "crisis", "content_warnings", "message", "censored_text", "details"} <= set(output)
    assert {"suggestions", "help"} <= set(output)


def test_an_edit_of_ones_own_story_is_not_a_repeat_of_itself_but_someone_elses_id_changes_nothing(api_client, member):
    from community import services
    from tests.factories import UserFactory

    text = "Went for a long walk by the river this morning and it really helped me think."
    story = services.save_story(actor=member, data={"body": text}, post=True).obj
    plain = body_of(preview(api_client, member, {"text": text, "kind": "story"}))
    assert "spam" in plain["labels"]  # the same text again, as a new post, reads as copy-paste
    editing = body_of(preview(api_client, member, {"text": text, "kind": "story", "replacing_story": story.pk}))
    assert editing["labels"] == [] and editing["action"] == "publish"

    stranger = UserFactory()
    theirs = services.save_story(actor=stranger, data={"body": "Baked bread with my gran today, so proud."}, post=True)
    api_client.force_authenticate(member)
    sneaky = body_of(preview(api_client, member, {"text": text, "kind": "story", "replacing_story": theirs.obj.pk}))
    assert "spam" in sneaky["labels"]  # another person's story is not the caller's to replace
