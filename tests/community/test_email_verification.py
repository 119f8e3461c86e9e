"""Email verification, login by handle or email, password reset and the failed-login limit, through allauth's doors."""

import re

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from community.models import User
from tests.factories import PASSWORD, UserFactory

SIGNUP_URL = "/accounts/signup/"
LOGIN_URL = "/accounts/login/"
TODAY = "2025-06-15 12:00:00+00:00"
NEW_PASSWORD = "lantern-meadow-velvet-42"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mandatory_verification(settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    # Many password checks per test: a fast hasher keeps them quick (hashing strength is not under test here).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def sign_up(client, capture):
    with capture(execute=True):
        response = client.post(
            SIGNUP_URL,
            {
                "email": "robin@example.org",
                "username": "robin",
                "display_name": "Robin",
                "password1": NEW_PASSWORD,
                "birth_month": "3",
                "birth_year": "1990",
            },
        )
    return response


def log_in(client, login, password=NEW_PASSWORD):
    return client.post(LOGIN_URL, {"login": login, "password": password})


def confirmation_path(message) -> str:
    match = re.search(r"https?://testserver(/accounts/confirm-email/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


@time_machine.travel(TODAY, tick=False)
def test_sign_up_sends_one_confirmation_email_after_commit(client, django_capture_on_commit_callbacks):
    response = sign_up(client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["robin@example.org"]
    assert message.subject.startswith("[Hearten] ")
    confirmation_path(message)
    assert "_auth_user_id" not in client.session


@time_machine.travel(TODAY, tick=False)
def test_no_email_leaves_before_the_sign_up_commits(client, django_capture_on_commit_callbacks):
    """The email task is queued on commit, so a rolled-back sign-up never mails anyone."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(
            SIGNUP_URL,
            {
                "email": "robin@example.org",
                "username": "robin",
                "password1": NEW_PASSWORD,
                "birth_month": "3",
                "birth_year": "1990",
            },
        )

    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert [message.to for message in mail.outbox] == [["robin@example.org"]]


@time_machine.travel(TODAY, tick=False)
def test_unconfirmed_member_cannot_log_in(client, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)
    client.logout()

    response = log_in(client, "robin")

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


@time_machine.travel(TODAY, tick=False)
def test_confirming_the_email_then_logging_in_by_handle_or_email(client, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)
    path = confirmation_path(mail.outbox[0])
    address = EmailAddress.objects.get(email="robin@example.org")
    assert not address.verified

    page = client.get(path)
    assert page.status_code == 200
    assert not EmailAddress.objects.get(pk=address.pk).verified  # a GET alone (a link scanner) confirms nothing

    client.post(path)
    assert EmailAddress.objects.get(pk=address.pk).verified

    client.logout()
    by_handle = log_in(client, "robin")
    assert by_handle.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(handle="robin").pk)

    client.logout()
    assert "_auth_user_id" not in client.session
    by_email = log_in(client, "robin@example.org")
    assert by_email.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(handle="robin").pk)


def test_password_reset_sends_a_reset_link(client, django_capture_on_commit_callbacks):
    member = UserFactory(email="kim@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": "kim@example.org"})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["kim@example.org"]
    match = re.search(r"https?://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[0].body)
    assert match, mail.outbox[0].body

    key_page = client.get(match.group(1), follow=True)
    assert key_page.status_code == 200
    assert "password1" in key_page.context["form"].fields
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing_useful(
    client, django_capture_on_commit_callbacks
):
    """No account enumeration: an unknown address gets the same answer and no reset link."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert not any("/accounts/password/reset/key/" in message.body for message in mail.outbox)


def test_repeated_failed_logins_are_rate_limited(client):
    """After five wrong passwords (the project's login_failed limit), even the right one is refused for a while."""
    UserFactory(handle="kim")

    for _ in range(5):
        wrong = log_in(client, "kim", password="not-the-password-1")
        assert wrong.status_code == 200
        assert "_auth_user_id" not in client.session

    refused = log_in(client, "kim", password=PASSWORD)

    assert refused.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in " ".join(refused.context["form"].non_field_errors())


def test_the_right_password_works_below_the_limit(client):
    """The control for the test above: four mistakes do not lock anyone out."""
    UserFactory(handle="kim")

    for _ in range(4):
        log_in(client, "kim", password="not-the-password-1")
    log_in(client, "kim", password=PASSWORD)

    assert "_auth_user_id" in client.session
