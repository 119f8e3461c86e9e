"""The API's shared behaviour: one error format, throttling, cursor pagination, the schema and its docs."""

import datetime
import re
from datetime import date, timedelta
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest
import time_machine
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.utils import timezone

from community import services
from community.models import ProfileVisibility
from config.api_defaults import exception_handler
from tests.factories import UserFactory

ME = "/api/v1/me/"
PROFILES = "/api/v1/profiles/"


def assert_error_format(response, status):
    """Every API error has the same two keys: a sentence and the messages per field."""
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert isinstance(body["detail"], str) and body["detail"]
    assert isinstance(body["errors"], dict)
    for field, messages in body["errors"].items():
        assert isinstance(field, str)
        assert isinstance(messages, list) and all(isinstance(m, str) and m for m in messages)
    return body


# --- The error format ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_serializer_error_names_the_field(api_client, member):
    """A bad value from DRF's own validation comes back under its field name."""
    before = member.time_zone
    api_client.force_authenticate(member)
    response = api_client.patch(ME, {"time_zone": "Mars/Olympus_Mons"}, format="json")
    body = assert_error_format(response, 400)
    assert list(body["errors"]) == ["time_zone"]
    member.refresh_from_db()
    assert member.time_zone == before


@pytest.mark.django_db
def test_too_long_bio_is_a_field_error(api_client, member):
    """Length limits surface as a field error, not a server error or a bare list."""
    api_client.force_authenticate(member)
    response = api_client.patch(ME, {"bio": "x" * 301}, format="json")
    body = assert_error_format(response, 400)
    assert "bio" in body["errors"]
    member.refresh_from_db()
    assert member.bio == ""


@pytest.mark.django_db
def test_django_validation_error_from_the_service_uses_the_same_format(api_client):
    """The service refuses open messages for a minor with Django's ValidationError; the API maps it per field."""
    minor = UserFactory(
        minor_until=date.today() + timedelta(days=365), messages_from="nobody", profile_visibility="members"
    )
    api_client.force_authenticate(minor)
    response = api_client.patch(ME, {"messages_from": "everyone"}, format="json")
    body = assert_error_format(response, 400)
    assert list(body["errors"]) == ["messages_from"]
    assert "18" in body["errors"]["messages_from"][0]
    minor.refresh_from_db()
    assert minor.messages_from == "nobody"


def test_django_permission_denied_becomes_403_with_its_message():
    """A service's PermissionDenied keeps its explanation instead of DRF's generic sentence."""
    response = exception_handler(DjangoPermissionDenied("You can only change your own profile."), {})
    assert response.status_code == 403
    assert response.data == {"detail": "You can only change your own profile.", "errors": {}}


@pytest.mark.django_db
def test_model_validation_in_the_service_is_a_field_error(api_client, member):
    """An unknown country passes the serializer but fails the model's full_clean: still a field error."""
    api_client.force_authenticate(member)
    body = assert_error_format(api_client.patch(ME, {"country": "ZZ"}, format="json"), 400)
    assert list(body["errors"]) == ["country"]
    member.refresh_from_db()
    assert member.country == ""


@pytest.mark.django_db
def test_me_round_trips_settings_as_json(api_client, member):
    """A successful PATCH answers with the saved settings; the country is its two-letter code."""
    api_client.force_authenticate(member)
    response = api_client.patch(ME, {"country": "GB", "time_zone": "Europe/London"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["country"] == "GB"
    assert api_client.get(ME).json()["time_zone"] == "Europe/London"


@pytest.mark.django_db
def test_deleting_someone_elses_token_is_not_found_and_keeps_it(api_client, member):
    """Another member's token is invisible: 404 in the error format, and the token stays active."""
    other = UserFactory()
    token, _raw = services.create_api_token(actor=other, name="theirs")
    api_client.force_authenticate(member)
    response = api_client.delete(f"/api/v1/me/tokens/{token.pk}/")
    body = assert_error_format(response, 404)
    assert body["errors"] == {}
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.django_db
def test_unknown_handle_is_404_with_a_sentence(api_client):
    response = api_client.get(f"{PROFILES}nobody_here/")
    body = assert_error_format(response, 404)
    assert body["errors"] == {}
    assert "handle" in body["detail"]


@pytest.mark.django_db
def test_anonymous_me_is_401_with_a_challenge(api_client):
    """401 (not 403) so clients know to authenticate, with the Bearer challenge."""
    response = api_client.get(ME)
    body = assert_error_format(response, 401)
    assert body["errors"] == {}
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.django_db
def test_writing_to_a_read_only_endpoint(api_client, member):
    """Anonymous writes are refused as unauthenticated; signed-in writes as a method not allowed."""
    assert_error_format(api_client.post(PROFILES, {"handle": "new"}, format="json"), 401)
    api_client.force_authenticate(member)
    response = api_client.post(PROFILES, {"handle": "new"}, format="json")
    assert_error_format(response, 405)
    assert "POST" in response.json()["detail"]


@pytest.mark.django_db
def test_session_write_without_csrf_is_403_in_the_format(member):
    """A cookie-authenticated write without the CSRF token is refused, in the same format."""
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.patch(ME, {"bio": "hello"}, format="json")
    body = assert_error_format(response, 403)
    assert "CSRF" in body["detail"]
    member.refresh_from_db()
    assert member.bio == ""


# --- Throttling ---------------------------------------------------------------------------------


@pytest.fixture
def throttled(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_CLASSES": ["config.api_defaults.AnonThrottle", "config.api_defaults.UserThrottle"],
        "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "user": "5/min"},
    }


@pytest.mark.django_db
def test_anonymous_callers_are_throttled_with_retry_after(api_client, throttled):
    for _ in range(3):
        assert api_client.get(PROFILES).status_code == 200
    response = api_client.get(PROFILES)
    body = assert_error_format(response, 429)
    assert body["errors"] == {}
    assert 0 < int(response["Retry-After"]) <= 60


@pytest.mark.django_db
def test_signed_in_members_have_their_own_bucket(api_client, member, throttled):
    """Anonymous traffic from the same address does not use up a member's allowance."""
    for _ in range(3):
        api_client.get(PROFILES)
    assert api_client.get(PROFILES).status_code == 429
    _token, raw = services.create_api_token(actor=member, name="script")
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    for _ in range(5):
        assert api_client.get(PROFILES).status_code == 200
    assert_error_format(api_client.get(PROFILES), 429)


@pytest.mark.django_db
def test_throttling_is_off_when_no_throttle_class_is_listed(api_client, settings):
    """The list of throttles is read per request, so removing them (as the test settings do) turns them off."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_CLASSES": [],
        "DEFAULT_THROTTLE_RATES": {"anon": "1/min", "user": "1/min"},
    }
    assert [api_client.get(PROFILES).status_code for _ in range(3)] == [200, 200, 200]


@pytest.mark.django_db
def test_throttle_window_passes(api_client, throttled):
    """After the window, an anonymous caller gets through again."""
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(3):
            api_client.get(PROFILES)
        assert api_client.get(PROFILES).status_code == 429
        traveller.shift(timedelta(seconds=61))
        assert api_client.get(PROFILES).status_code == 200


# --- Cursor pagination --------------------------------------------------------------------------


@pytest.mark.django_db
def test_cursor_pages_cover_every_public_profile_once(api_client):
    people = UserFactory.create_batch(25)
    expected = {person.handle for person in people}

    first = api_client.get(PROFILES, {"page_size": 10})
    assert first.status_code == 200
    page = first.json()
    assert len(page["results"]) == 10
    assert page["next"] and urlparse(page["next"]).path == PROFILES
    assert "cursor=" in page["next"]

    seen = [item["handle"] for item in page["results"]]
    next_url = page["next"]
    while next_url:
        page = api_client.get(next_url).json()
        seen += [item["handle"] for item in page["results"]]
        next_url = page["next"]

    assert len(seen) == len(set(seen)) == 25
    assert set(seen) == expected
    # Newest first, as the ordering promises.
    assert seen == [p.handle for p in sorted(people, key=lambda p: p.pk, reverse=True)]


@pytest.mark.django_db
def test_page_size_is_capped(api_client):
    UserFactory.create_batch(3)
    response = api_client.get(PROFILES, {"page_size": 100_000})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 3


@pytest.mark.django_db
def test_members_only_and_minors_profiles_open_by_handle_but_are_never_listed(api_client, member):
    """Nobody, signed in or not, can page through members-only or minors' profiles."""
    public = UserFactory()
    hidden = UserFactory(profile_visibility=ProfileVisibility.MEMBERS)
    minor = UserFactory(minor_until=datetime.date.today() + datetime.timedelta(days=400))

    anonymous = {item["handle"] for item in api_client.get(PROFILES).json()["results"]}
    assert public.handle in anonymous
    assert hidden.handle not in anonymous
    assert api_client.get(f"{PROFILES}{hidden.handle}/").status_code == 404

    api_client.force_authenticate(member)
    signed_in = {item["handle"] for item in api_client.get(PROFILES).json()["results"]}
    assert public.handle in signed_in
    assert hidden.handle not in signed_in
    assert minor.handle not in signed_in
    assert api_client.get(f"{PROFILES}{hidden.handle}/").json()["handle"] == hidden.handle


@pytest.mark.django_db
def test_profile_list_does_not_expose_private_fields(api_client):
    person = UserFactory()
    item = api_client.get(f"{PROFILES}{person.handle}/").json()
    assert "email" not in item and "messages_from" not in item and "time_zone" not in item


@pytest.mark.django_db
@pytest.mark.parametrize("count", [5, 20])
def test_profile_list_query_count_does_not_grow_with_the_page(api_client, django_assert_num_queries, count):
    """One query for the page and one for everyone's roles, however many people are on it."""
    UserFactory.create_batch(count)
    with django_assert_num_queries(2):
        response = api_client.get(PROFILES)
    assert len(response.json()["results"]) == count


# --- Schema and docs ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_openapi_schema_lists_the_endpoints(api_client):
    response = api_client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/me/" in schema["paths"]
    assert "/api/v1/profiles/{handle}/" in schema["paths"]
    assert "/api/v1/me/tokens/" in schema["paths"]
    assert "personalToken" in schema["components"]["securitySchemes"]


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts: list[str] = []
        self.inline_styles: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs or tag == "style":
            self.inline_styles.append(tag)
        if tag == "script":
            if attrs.get("src"):
                self.urls.append(attrs["src"])
            else:
                self._in_inline_script = True
        elif tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_inline_script = False

    def handle_data(self, data):
        if self._in_inline_script and data.strip():
            self.inline_scripts.append(data)


@pytest.mark.django_db
def test_api_docs_load_only_local_assets(client):
    """The docs page works under our CSP: its scripts and styles come from our own site, none inline."""
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    parser = _Assets()
    parser.feed(html)
    assert parser.urls
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    for url in parser.urls:
        assert url.startswith("/") and not url.startswith("//"), url
    assert any(url.startswith("/static/") and url.endswith(".js") for url in parser.urls)
    assert any(url.startswith("/static/") and url.endswith(".css") for url in parser.urls)
    assert parser.inline_scripts == []
    assert parser.inline_styles == []


@pytest.mark.django_db
def test_schema_never_describes_the_token_hash(api_client):
    """Listed tokens have no secret in the schema; only the create response documents one."""
    schemas = api_client.get("/api/schema/", {"format": "json"}).json()["components"]["schemas"]
    assert "token" not in schemas["ApiToken"]["properties"]
    assert "token" in schemas["NewApiToken"]["properties"]
    assert not any("key_hash" in schema.get("properties", {}) for schema in schemas.values())
