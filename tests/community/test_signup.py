"""Sign-up through the real door: the neutral age gate, safer defaults for minors, and form errors."""

import re
from datetime import date

import pytest
import time_machine
from django.db import models

from community.models import MessagesFrom, ProfileVisibility, Role, SensitiveContent, User
from community.views import AGE_GATE_COOKIE
from tests.factories import UserFactory

SIGNUP_URL = "/accounts/signup/"
TODAY = "2025-06-15 12:00:00+00:00"
PASSWORD = "lantern-meadow-velvet-42"
PAUSED_TEXT = "We aren't able to create an account for you right now."

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    # Password hashing strength is not under test here; a fast hasher keeps sign-ups quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def signup_data(**overrides):
    data = {
        "email": "robin@example.org",
        "username": "robin",
        "display_name": "Robin",
        "password1": PASSWORD,
        "birth_month": "3",
        "birth_year": "1990",
    }
    data.update(overrides)
    return data


def visible_text(html: str) -> str:
    """The page without its CSRF token, which is random and could contain any digits."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


# The age gate


@time_machine.travel(TODAY, tick=False)
def test_under_13_is_refused_neutrally_and_no_account_is_made(client):
    """Someone born this month 12 years ago sees a neutral refusal, and nothing about them is kept."""
    response = client.post(SIGNUP_URL, signup_data(birth_month="6", birth_year="2013"))

    assert response.status_code == 200
    html = response.content.decode()
    assert PAUSED_TEXT in html
    assert 'name="password1"' not in html
    assert not re.search(r"\b13\b", visible_text(html))
    assert not User.objects.exists()
    assert AGE_GATE_COOKIE in response.cookies
    assert response.cookies[AGE_GATE_COOKIE]["httponly"]


@time_machine.travel(TODAY, tick=False)
def test_refused_browser_is_not_offered_the_form_again(client):
    """After a refusal, the same browser gets the paused page, and changing the year does not get round it."""
    client.post(SIGNUP_URL, signup_data(birth_month="6", birth_year="2013"))

    page = client.get(SIGNUP_URL)
    assert page.status_code == 200
    assert PAUSED_TEXT in page.content.decode()
    assert 'name="birth_year"' not in page.content.decode()

    retry = client.post(SIGNUP_URL, signup_data(birth_year="1990"))
    assert PAUSED_TEXT in retry.content.decode()
    assert not User.objects.exists()


@time_machine.travel(TODAY, tick=False)
def test_pause_lasts_one_day(client):
    """The paused page is for that day only; a day later the form is offered again."""
    client.post(SIGNUP_URL, signup_data(birth_month="6", birth_year="2013"))

    with time_machine.travel("2025-06-16 12:00:01+00:00", tick=False):
        page = client.get(SIGNUP_URL)

    assert 'name="birth_year"' in page.content.decode()


@time_machine.travel(TODAY, tick=False)
def test_sign_up_page_gives_no_hint_of_the_cut_off(client):
    """A neutral gate: the form must not tell a child which answer gets them in."""
    html = visible_text(client.get(SIGNUP_URL).content.decode()).lower()

    assert 'name="birth_year"' in html
    assert not re.search(r"\b13\b", html)
    for hint in ("thirteen", "too young", "old enough", "minimum age", "years old", "under 1"):
        assert hint not in html


@pytest.mark.parametrize(
    ("today", "created"),
    [
        ("2025-06-01 00:00:00+00:00", False),  # the month they turn 13: maybe not 13 yet
        ("2025-06-30 23:59:59+00:00", False),
        ("2025-07-01 00:00:00+00:00", True),  # surely 13 from the first of the next month
    ],
)
def test_turning_13_this_month_counts_only_from_next_month(client, today, created):
    """Only month and year are known, so a person born June 2012 is surely 13 only on 1 July 2025."""
    with time_machine.travel(today, tick=False):
        client.post(SIGNUP_URL, signup_data(birth_month="6", birth_year="2012"))

    assert User.objects.filter(handle="robin").exists() is created


@time_machine.travel(TODAY, tick=False)
def test_fifteen_year_old_gets_safer_defaults_until_surely_18(client):
    """A minor is a member with a private-ish profile, no messages and sensitive content hidden."""
    response = client.post(SIGNUP_URL, signup_data(birth_month="3", birth_year="2010"))

    assert response.status_code == 302
    user = User.objects.get(handle="robin")
    assert user.minor_until == date(2028, 4, 1)
    assert user.is_minor
    assert user.profile_visibility == ProfileVisibility.MEMBERS
    assert user.messages_from == MessagesFrom.NOBODY
    assert user.sensitive_content == SensitiveContent.HIDE
    assert user.groups.filter(name=Role.MEMBER).exists()
    assert user.display_name == "Robin"


@time_machine.travel(TODAY, tick=False)
def test_december_birth_becomes_adult_in_january(client):
    """A December birth month rolls over into January of the following year."""
    client.post(SIGNUP_URL, signup_data(birth_month="12", birth_year="2008"))

    assert User.objects.get(handle="robin").minor_until == date(2027, 1, 1)


@time_machine.travel(TODAY, tick=False)
def test_adult_gets_no_minor_date_and_the_default_settings(client):
    client.post(SIGNUP_URL, signup_data(birth_month="3", birth_year="1990"))

    user = User.objects.get(handle="robin")
    assert user.minor_until is None
    assert not user.is_minor
    assert user.profile_visibility == ProfileVisibility.PUBLIC
    assert user.messages_from == MessagesFrom.FOLLOWING
    assert user.sensitive_content == SensitiveContent.WARN
    assert list(user.groups.values_list("name", flat=True)) == [Role.MEMBER]


@time_machine.travel(TODAY, tick=False)
def test_no_birth_date_is_stored(client):
    """Only minor_until is kept: no field on the user can hold a birth month or year."""
    client.post(SIGNUP_URL, signup_data(birth_month="3", birth_year="2010"))

    field_names = {field.name for field in User._meta.get_fields()}
    assert not [name for name in field_names if "birth" in name]
    date_fields = {
        field.name
        for field in User._meta.concrete_fields
        if isinstance(field, (models.DateField, models.DateTimeField))
    }
    # Besides the account's own dates, only when moderation screened or held the profile's writing.
    assert date_fields == {"minor_until", "date_joined", "last_login", "screened_at", "held_at"}
    stored = User.objects.filter(handle="robin").values().get()
    assert 2010 not in stored.values()
    assert "2010" not in {str(value) for value in stored.values()}


# Bad input: the form comes back with a specific error and what the person typed


@pytest.fixture
def existing_sam(db):
    return UserFactory(handle="sam", email="sam@example.org")


@pytest.mark.parametrize(
    ("overrides", "field", "typed"),
    [
        ({"birth_year": "2030"}, "birth_year", "robin@example.org"),
        ({"birth_month": ""}, "birth_month", "robin@example.org"),
        ({"username": "admin"}, "username", "admin"),
        ({"username": "Admin"}, "username", "Admin"),
        ({"username": "Sam", "email": "other@example.org"}, "username", "Sam"),
        ({"password1": "password"}, "password1", "robin@example.org"),
        ({"password1": "48151623429"}, "password1", "robin@example.org"),
    ],
)
@time_machine.travel(TODAY, tick=False)
def test_bad_input_re_renders_the_form_with_a_field_error(client, existing_sam, overrides, field, typed):
    response = client.post(SIGNUP_URL, signup_data(**overrides))

    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    html = response.content.decode()
    assert f'value="{typed}"' in html
    assert 'name="password1"' in html
    assert AGE_GATE_COOKIE not in response.cookies
    assert list(User.objects.values_list("handle", flat=True)) == ["sam"]


@time_machine.travel(TODAY, tick=False)
def test_future_year_error_is_about_the_year_not_the_age(client):
    """Typing the current year in the future is a typo, not an age refusal: no pause cookie."""
    response = client.post(SIGNUP_URL, signup_data(birth_year="2026"))

    assert "future" in " ".join(response.context["form"].errors["birth_year"])
    assert AGE_GATE_COOKIE not in response.cookies
