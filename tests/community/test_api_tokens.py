"""Personal API tokens: created on the settings page or through the API, shown once, stored only as a hash."""

import hashlib
import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from community import services
from community.models import ApiToken
from tests.factories import UserFactory

ME = "/api/v1/me/"
TOKENS_PAGE = "/settings/tokens/"
TOKENS_API = "/api/v1/me/tokens/"


def token_from_page(response) -> str:
    match = re.search(r'id="new-token-value"[^>]*value="(hrt_[A-Za-z0-9_-]+)"', response.content.decode())
    assert match, "the new token is not on the page"
    return match.group(1)


def me_with(api_client, header: str):
    api_client.credentials(HTTP_AUTHORIZATION=header)
    return api_client.get(ME)


def assert_error_format(response, status):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"detail", "errors"} and isinstance(body["detail"], str) and body["detail"]
    return body


# --- The settings page --------------------------------------------------------------------------


@pytest.mark.django_db
def test_page_shows_the_new_token_once_and_stores_only_its_hash(client, member):
    client.force_login(member)
    response = client.post(TOKENS_PAGE, {"name": "my phone"})
    assert response.status_code == 200
    raw = token_from_page(response)

    token = ApiToken.objects.get(user=member)
    assert token.name == "my phone"
    assert token.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw.startswith(token.prefix) and len(token.prefix) < len(raw) // 2
    for column, value in ApiToken.objects.filter(pk=token.pk).values().get().items():
        assert raw not in str(value), f"the raw token is stored in {column}"

    # Shown once: the list page afterwards has the name and prefix, never the secret.
    again = client.get(TOKENS_PAGE)
    assert "my phone" in again.content.decode()
    assert token.prefix in again.content.decode()
    assert raw not in again.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("keyword", ["Bearer", "Token", "bearer"])
def test_token_from_the_page_authenticates_the_api(client, api_client, member, keyword):
    client.force_login(member)
    raw = token_from_page(client.post(TOKENS_PAGE, {"name": "script"}))
    response = me_with(api_client, f"{keyword} {raw}")
    assert response.status_code == 200
    assert response.json()["handle"] == member.handle


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["", "   "])
def test_page_refuses_a_token_without_a_name(client, member, name):
    client.force_login(member)
    response = client.post(TOKENS_PAGE, {"name": name})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give the token a name so you can recognise it later." in html
    assert 'aria-invalid="true"' in html
    assert "hrt_" not in html
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_page_refuses_a_too_long_name_and_keeps_it_in_the_form(client, member):
    client.force_login(member)
    response = client.post(TOKENS_PAGE, {"name": "n" * 61})
    assert response.status_code == 400
    assert "Use at most 60 characters." in response.content.decode()
    assert 'value="' + "n" * 61 + '"' in response.content.decode()
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_revoking_on_the_page_stops_the_token(client, api_client, member):
    client.force_login(member)
    raw = token_from_page(client.post(TOKENS_PAGE, {"name": "old laptop"}))
    token = ApiToken.objects.get(user=member)
    assert me_with(api_client, f"Bearer {raw}").status_code == 200

    response = client.post(f"/settings/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert response["Location"] == TOKENS_PAGE

    body = assert_error_format(me_with(api_client, f"Bearer {raw}"), 401)
    assert body["errors"] == {}
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "“old laptop” is revoked" in client.get(TOKENS_PAGE).content.decode()  # said once
    assert "old laptop" not in client.get(TOKENS_PAGE).content.decode()  # and no longer listed


@pytest.mark.django_db
def test_revoke_needs_post(client, member):
    token, _raw = services.create_api_token(actor=member, name="keep")
    client.force_login(member)
    assert client.get(f"/settings/tokens/{token.pk}/revoke/").status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.django_db
def test_revoking_someone_elses_token_on_the_page_is_404(client, api_client, member):
    other = UserFactory()
    token, raw = services.create_api_token(actor=other, name="theirs")
    client.force_login(member)
    assert client.post(f"/settings/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    assert me_with(api_client, f"Bearer {raw}").json()["handle"] == other.handle


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.post(TOKENS_PAGE, {"name": "sneaky"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not ApiToken.objects.exists()


# --- The API ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_api_creates_lists_and_deletes_tokens(api_client, member):
    api_client.force_login(member)
    created = api_client.post(TOKENS_API, {"name": "x"}, format="json")
    assert created.status_code == 201
    body = created.json()
    raw = body["token"]
    assert raw.startswith("hrt_") and body["name"] == "x"
    assert ApiToken.objects.get(pk=body["id"]).key_hash == hashlib.sha256(raw.encode()).hexdigest()

    listed = api_client.get(TOKENS_API)
    assert listed.status_code == 200
    items = listed.json()["results"]
    assert [item["id"] for item in items] == [body["id"]]
    assert "token" not in items[0] and "key_hash" not in items[0]
    assert raw not in listed.content.decode()

    api_client.logout()
    assert me_with(api_client, f"Bearer {raw}").status_code == 200
    assert api_client.delete(f"{TOKENS_API}{body['id']}/").status_code == 204
    assert_error_format(me_with(api_client, f"Bearer {raw}"), 401)
    assert ApiToken.objects.get(pk=body["id"]).revoked_at is not None


@pytest.mark.django_db
def test_revoked_tokens_are_not_listed(api_client, member):
    keep, _ = services.create_api_token(actor=member, name="keep")
    gone, _ = services.create_api_token(actor=member, name="gone")
    services.revoke_api_token(actor=member, token_id=gone.pk)
    api_client.force_authenticate(member)
    assert [item["name"] for item in api_client.get(TOKENS_API).json()["results"]] == ["keep"]


@pytest.mark.django_db
def test_api_lists_only_the_callers_tokens(api_client, member):
    services.create_api_token(actor=UserFactory(), name="theirs")
    services.create_api_token(actor=member, name="mine")
    api_client.force_authenticate(member)
    assert [item["name"] for item in api_client.get(TOKENS_API).json()["results"]] == ["mine"]


@pytest.mark.django_db
def test_api_refuses_a_nameless_token_in_the_error_format(api_client, member):
    api_client.force_authenticate(member)
    response = api_client.post(TOKENS_API, {"name": "  "}, format="json")
    body = assert_error_format(response, 400)
    assert "name" in body["errors"]
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_api_caps_active_tokens_at_twenty(api_client, member):
    for number in range(20):
        services.create_api_token(actor=member, name=f"t{number}")
    api_client.force_authenticate(member)
    body = assert_error_format(api_client.post(TOKENS_API, {"name": "one more"}, format="json"), 400)
    assert "20" in body["errors"]["name"][0]
    assert member.api_tokens.count() == 20


@pytest.mark.django_db
def test_anonymous_cannot_create_tokens_through_the_api(api_client):
    assert_error_format(api_client.post(TOKENS_API, {"name": "x"}, format="json"), 401)
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header",
    ["Bearer hrt_not-a-real-token", "Token garbage", "Bearer", "Bearer two parts"],
)
def test_bad_tokens_are_401_in_the_error_format(api_client, member, header):
    services.create_api_token(actor=member, name="real")
    response = me_with(api_client, header)
    body = assert_error_format(response, 401)
    assert body["errors"] == {}
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.django_db
def test_a_deactivated_members_token_stops_working(api_client, member):
    _token, raw = services.create_api_token(actor=member, name="script")
    member.is_active = False
    member.save(update_fields=["is_active"])
    assert_error_format(me_with(api_client, f"Bearer {raw}"), 401)


@pytest.mark.django_db
def test_last_used_at_is_recorded_about_once_a_minute(api_client, member):
    token, raw = services.create_api_token(actor=member, name="script")
    assert token.last_used_at is None
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        assert me_with(api_client, f"Bearer {raw}").status_code == 200
        token.refresh_from_db()
        assert token.last_used_at == start

        traveller.shift(timedelta(seconds=30))
        me_with(api_client, f"Bearer {raw}")
        token.refresh_from_db()
        assert token.last_used_at == start  # not written on every request

        traveller.shift(timedelta(seconds=60))
        me_with(api_client, f"Bearer {raw}")
        token.refresh_from_db()
        assert token.last_used_at == start + timedelta(seconds=90)
