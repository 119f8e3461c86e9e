"""Site-wide pages and links every visitor relies on."""

import pytest

pytestmark = pytest.mark.django_db


def test_privacy_page_says_what_we_keep_and_is_linked_from_every_page_and_sign_up(client):
    page = client.get("/privacy/")
    assert page.status_code == 200
    assert "Not your birth date" in page.content.decode()
    assert 'href="/privacy/"' in client.get("/").content.decode()
    assert 'href="/privacy/"' in client.get("/accounts/signup/").content.decode()


def test_favicon_requests_get_the_heart_not_a_404(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/heart.svg")


def test_a_wrong_password_is_reported_once(client, member):
    html = client.post("/accounts/login/", {"login": member.handle, "password": "not-the-password"}).content.decode()
    assert html.count("are not correct") == 1


def test_header_links_to_topics_and_says_sign_in(client):
    html = client.get("/").content.decode()
    assert 'href="/topics/"' in html
    assert "Sign in" in html
    assert "Log in" not in html
