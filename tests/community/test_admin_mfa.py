"""The admin opens only for staff who set up and used two-factor authentication (when the setting asks for it)."""

import time
from urllib.parse import parse_qs, urlparse

import pytest
import time_machine
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.urls import reverse

from tests.factories import PASSWORD, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

# Frozen clock: a TOTP code computed at the end of a 30-second window must still be valid when posted.
NOW = "2025-06-15 12:00:10+00:00"


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    # Password hashing strength is not under test here; a fast hasher keeps real log-ins quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def mfa_required(settings):
    settings.HEARTEN_STAFF_MFA_REQUIRED = True


def current_code(secret: str) -> str:
    """The TOTP code an authenticator app would show now (RFC 6238, via allauth's own HOTP)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def redirect_path_and_next(response) -> tuple[str, str | None]:
    url = urlparse(response.url)
    return url.path, parse_qs(url.query).get("next", [None])[0]


def test_staff_without_an_authenticator_is_sent_to_set_one_up(client, mfa_required):
    client.force_login(StaffFactory())

    response = client.get("/admin/")

    assert response.status_code == 302
    assert redirect_path_and_next(response) == (reverse("mfa_activate_totp"), "/admin/")


def test_staff_with_an_authenticator_whose_session_skipped_it_must_reauthenticate(client, mfa_required):
    staff = StaffFactory()
    TOTP.activate(staff, generate_totp_secret())
    client.force_login(staff)

    response = client.get("/admin/community/user/")

    assert response.status_code == 302
    assert redirect_path_and_next(response) == (reverse("mfa_reauthenticate"), "/admin/community/user/")


@time_machine.travel(NOW, tick=False)
def test_full_sign_in_with_password_and_totp_opens_the_admin(client, mfa_required):
    staff = StaffFactory()
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)

    login = client.post(reverse("account_login"), {"login": staff.handle, "password": PASSWORD})
    assert login.status_code == 302
    assert login.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # the password alone does not sign a staff member in

    step = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert step.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)

    admin = client.get("/admin/")
    assert admin.status_code == 200
    assert "Keep Hearten safe" in admin.content.decode()


@time_machine.travel(NOW, tick=False)
def test_a_wrong_totp_code_does_not_sign_in(client, mfa_required):
    staff = StaffFactory()
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    client.post(reverse("account_login"), {"login": staff.handle, "password": PASSWORD})

    wrong = "000000" if current_code(secret) != "000000" else "111111"
    step = client.post(reverse("mfa_authenticate"), {"code": wrong})

    assert step.status_code == 200
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


@time_machine.travel(NOW, tick=False)
def test_reauthenticating_with_totp_opens_the_admin(client, mfa_required):
    """A session that skipped two-factor can complete it on the reauthenticate page."""
    staff = StaffFactory()
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    client.force_login(staff)

    step = client.post(reverse("mfa_reauthenticate"), {"code": current_code(secret)})

    assert step.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("mfa", [True, False])
def test_signed_in_members_are_refused_the_admin_without_a_redirect_loop(client, settings, mfa):
    """A member is refused outright; sending them to the login page would bounce back to the admin forever."""
    settings.HEARTEN_STAFF_MFA_REQUIRED = mfa
    client.force_login(UserFactory())

    response = client.get("/admin/", follow=True)

    assert response.status_code == 403
    assert client.get("/admin/community/user/", follow=True).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, mfa_required):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0] == f"{reverse('account_login')}?next=%2Fadmin%2F"
    assert response.status_code == 200


def test_without_the_requirement_staff_open_the_admin_with_a_password_session(client, settings):
    settings.HEARTEN_STAFF_MFA_REQUIRED = False
    client.force_login(StaffFactory())

    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    ("query", "expected_next"),
    [("", "/admin/"), ("?next=/admin/community/user/", "/admin/community/user/")],
)
def test_admin_login_page_hands_over_to_allauth(client, query, expected_next):
    response = client.get(f"/admin/login/{query}")

    assert response.status_code == 302
    assert redirect_path_and_next(response) == (reverse("account_login"), expected_next)
