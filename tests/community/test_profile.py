"""Profiles: who may see them, editing your own in /settings/, and times shown in the viewer's zone."""

from datetime import UTC, date, datetime

import pytest

from community.models import ApiToken, MessagesFrom, ProfileVisibility, SensitiveContent, User
from tests.factories import UserFactory

SETTINGS_URL = "/settings/"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    # Password hashing strength is not under test here; a fast hasher keeps the factories quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def minor(db):
    return UserFactory(
        handle="teen_kim",
        minor_until=date(2099, 1, 1),
        profile_visibility=ProfileVisibility.MEMBERS,
        messages_from=MessagesFrom.NOBODY,
        sensitive_content=SensitiveContent.HIDE,
    )


def settings_data(**overrides):
    data = {
        "display_name": "Robin Bird",
        "pronouns": "they/them",
        "bio": "I like walks.",
        "avatar_alt": "",
        "country": "GB",
        "language": "",
        "time_zone": "Europe/London",
        "profile_visibility": ProfileVisibility.PUBLIC,
        "messages_from": MessagesFrom.FOLLOWING,
        "sensitive_content": SensitiveContent.WARN,
    }
    data.update(overrides)
    return data


# Seeing a profile


def test_profile_shows_name_handle_and_an_escaped_bio(client):
    UserFactory(handle="robin", display_name="Robin Bird", bio="<script>alert(1)</script> hello")

    response = client.get("/people/robin/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Robin Bird" in html
    assert "@robin" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; hello" in html
    assert "<script>alert(1)</script>" not in html


def test_profile_handle_is_matched_whatever_the_case(client):
    UserFactory(handle="robin", display_name="Robin Bird")

    assert client.get("/people/ROBIN/").status_code == 200


def test_unknown_handle_is_not_found(client):
    assert client.get("/people/nobody_here/").status_code == 404


def test_members_only_profile_is_hidden_from_anonymous_visitors(client, minor):
    assert client.get("/people/teen_kim/").status_code == 404


def test_members_only_profile_is_shown_to_signed_in_members(client, minor, member):
    client.force_login(member)

    response = client.get("/people/teen_kim/")

    assert response.status_code == 200
    assert "@teen_kim" in response.content.decode()


def test_inactive_member_has_no_profile(client, member):
    UserFactory(handle="gone", is_active=False)
    client.force_login(member)

    assert client.get("/people/gone/").status_code == 404


# Editing your own profile


def test_settings_needs_sign_in(client):
    response = client.get(SETTINGS_URL)

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=/settings/")


def test_settings_saves_the_profile_of_the_signed_in_member_only(client, member):
    other = UserFactory(handle="other", display_name="Other")
    client.force_login(member)

    response = client.post(SETTINGS_URL, settings_data(handle="other", is_staff="on"))

    assert response.status_code == 302
    assert response.url == SETTINGS_URL
    member.refresh_from_db()
    assert member.display_name == "Robin Bird"
    assert member.pronouns == "they/them"
    assert member.bio == "I like walks."
    assert member.time_zone == "Europe/London"
    assert member.country.code == "GB"
    assert member.handle != "other"
    assert not member.is_staff
    other.refresh_from_db()
    assert other.display_name == "Other"
    assert other.bio == ""


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
        ({"bio": "x" * 301}, "bio"),
        ({"profile_visibility": "friends"}, "profile_visibility"),
    ],
)
def test_invalid_settings_are_refused_and_change_nothing(client, member, overrides, field):
    client.force_login(member)
    before = User.objects.filter(pk=member.pk).values().get()

    response = client.post(SETTINGS_URL, settings_data(**overrides))

    assert response.status_code == 400
    assert field in response.context["form"].errors
    html = response.content.decode()
    assert "Robin Bird" in html  # what was typed comes back
    assert "they/them" in html
    assert User.objects.filter(pk=member.pk).values().get() == before


def test_a_minor_cannot_open_messages_to_everyone(client, minor):
    client.force_login(minor)

    response = client.post(SETTINGS_URL, settings_data(messages_from=MessagesFrom.EVERYONE))

    assert response.status_code == 400
    assert "messages_from" in response.context["form"].errors
    assert "Robin Bird" in response.content.decode()
    minor.refresh_from_db()
    assert minor.messages_from == MessagesFrom.NOBODY
    assert minor.display_name == "Teen_Kim"


def test_a_minor_may_still_choose_people_they_follow(client, minor):
    client.force_login(minor)

    client.post(
        SETTINGS_URL,
        settings_data(messages_from=MessagesFrom.FOLLOWING, profile_visibility=ProfileVisibility.MEMBERS),
    )

    minor.refresh_from_db()
    assert minor.messages_from == MessagesFrom.FOLLOWING


def test_a_minors_profile_cannot_be_made_public_and_everyone_is_not_offered(client, minor):
    client.force_login(minor)
    page = client.get(SETTINGS_URL).content.decode()
    assert 'value="public"' not in page and 'value="everyone"' not in page

    response = client.post(SETTINGS_URL, settings_data(profile_visibility=ProfileVisibility.PUBLIC))

    assert response.status_code == 400
    minor.refresh_from_db()
    assert minor.profile_visibility == ProfileVisibility.MEMBERS


def test_a_minors_own_contact_details_in_their_bio_wait_for_a_moderator(client, minor):
    client.force_login(minor)
    client.post(
        SETTINGS_URL, settings_data(bio="15, I draw. insta: lily.draws.x", profile_visibility=ProfileVisibility.MEMBERS)
    )
    minor.refresh_from_db()
    assert minor.visibility == "held"


def test_an_adult_may_open_messages_to_everyone(client, member):
    client.force_login(member)

    client.post(SETTINGS_URL, settings_data(messages_from=MessagesFrom.EVERYONE))

    member.refresh_from_db()
    assert member.messages_from == MessagesFrom.EVERYONE


# Times in the viewer's zone


@pytest.fixture
def token_at_noon_utc(member):
    return ApiToken.objects.create(
        user=member,
        name="my phone",
        prefix="hrt_abcdef",
        key_hash="0" * 64,
        created_at=datetime(2025, 1, 15, 12, 0, tzinfo=UTC),
    )


def test_times_are_shown_in_the_members_time_zone(client, member, token_at_noon_utc):
    member.time_zone = "Asia/Tokyo"
    member.save()
    client.force_login(member)

    html = client.get("/settings/tokens/").content.decode()

    assert "15 Jan 2025, 21:00" in html
    assert "12:00" not in html


def test_times_follow_the_browser_zone_cookie_when_the_member_has_not_chosen_one(client, member, token_at_noon_utc):
    client.force_login(member)
    client.cookies["tz"] = "Asia/Tokyo"

    assert "15 Jan 2025, 21:00" in client.get("/settings/tokens/").content.decode()


def test_the_browser_cookie_is_read_url_encoded_as_hearten_js_writes_it(client, member, token_at_noon_utc):
    """static/js/hearten.js stores encodeURIComponent(zone), so the slash arrives as %2F."""
    client.force_login(member)
    client.cookies["tz"] = "Asia%2FTokyo"

    assert "15 Jan 2025, 21:00" in client.get("/settings/tokens/").content.decode()


def test_times_are_in_utc_without_a_zone_or_with_a_bogus_cookie(client, member, token_at_noon_utc):
    client.force_login(member)
    client.cookies["tz"] = "Not/A_Zone"

    assert "15 Jan 2025, 12:00" in client.get("/settings/tokens/").content.decode()


def test_the_members_own_zone_wins_over_the_cookie(client, member, token_at_noon_utc):
    member.time_zone = "America/New_York"
    member.save()
    client.force_login(member)
    client.cookies["tz"] = "Asia/Tokyo"

    assert "15 Jan 2025, 07:00" in client.get("/settings/tokens/").content.decode()


def test_settings_suggest_the_browsers_country_when_none_is_set(client, member):
    """Helplines depend on the country, so the form starts from the browser's region (en-GB → GB)."""
    client.force_login(member)
    html = client.get("/settings/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8").content.decode()
    assert '<option value="GB" selected>' in html
    member.refresh_from_db()
    assert not member.country  # only a suggestion until the member saves


def test_settings_keep_the_members_own_country(client, member):
    member.country = "IE"
    member.save()
    client.force_login(member)
    html = client.get("/settings/", HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()
    assert '<option value="IE" selected>' in html
    assert '<option value="GB" selected>' not in html


def test_the_time_zone_list_offers_region_city_zones_not_old_aliases():
    from community.models import TIME_ZONE_CHOICES

    offered = {name for name, _label in TIME_ZONE_CHOICES}
    assert {"", "UTC", "Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata"} <= offered
    assert not offered & {"Factory", "GB-Eire", "US/Eastern", "localtime", "W-SU", "Etc/GMT-3"}
