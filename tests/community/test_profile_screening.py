"""A profile's own writing (name, pronouns, bio, picture description) is screened like every post."""

import pytest
from django.contrib.auth.models import Group

from community.models import SensitiveContent, User
from moderation import services as moderation
from moderation.models import AuditEntry, Visibility
from tests.factories import StaffFactory, UserFactory

from .test_profile import SETTINGS_URL, settings_data

pytestmark = pytest.mark.django_db


def rule(pattern, action):
    return moderation.save_rule(actor=StaffFactory(), data={"pattern": pattern, "action": action})


CRISIS = "I can't do this anymore. Tonight is the night, goodbye everyone."
RECOVERY = "Two years clean from self-harm today. Some days are still hard but I'm proud of how far I've come."


@pytest.fixture
def writer(client):
    user = UserFactory(handle="robin", display_name="Robin", bio="I like walks.")
    client.force_login(user)
    return user


def test_a_refused_bio_shows_why_next_to_the_field_keeps_the_text_and_saves_nothing(client, writer):
    rule("grapefruit", "block")
    response = client.post(SETTINGS_URL, settings_data(bio="Grapefruit is the best", pronouns="she/her"))

    assert response.status_code == 400
    html = response.content.decode()
    assert "contains words that aren" in html
    assert response.context["form"].errors["bio"]
    assert "Grapefruit is the best" in html  # the writer's text is kept to fix
    writer.refresh_from_db()
    assert (writer.bio, writer.pronouns) == ("I like walks.", "")  # nothing else was saved either


def test_a_crisis_in_a_bio_is_kept_held_and_the_writer_sees_help_first(client, writer):
    response = client.post(SETTINGS_URL, settings_data(bio=CRISIS))

    assert response.status_code == 302
    assert response["Location"].startswith("/help/after-posting/?next=")
    writer.refresh_from_db()
    assert writer.bio == CRISIS  # nothing silently deleted
    assert writer.visibility == Visibility.HELD
    assert "crisis" in [label["name"] for label in writer.screening_labels]


def test_held_profile_writing_is_shown_to_its_writer_only(client, writer):
    client.post(SETTINGS_URL, settings_data(display_name="Robin R", bio=CRISIS))

    own = client.get("/people/robin/").content.decode()
    assert "Tonight is the night" in own and "waiting for a moderator" in own
    settings_page = client.get(SETTINGS_URL).content.decode()
    assert "waiting for a moderator" in settings_page
    assert "/help/after-posting/" in settings_page  # help stays one tap away

    client.force_login(UserFactory())
    other = client.get("/people/robin/").content.decode()
    assert "Tonight is the night" not in other
    assert "Robin R" not in other and "@robin" in other  # only the handle
    api = client.get("/api/v1/profiles/robin/").json()
    assert api["bio"] == "" and api["display_name"] == "" and api["name"] == "robin"


def test_own_contact_details_belong_in_a_profile(client, writer):
    response = client.post(SETTINGS_URL, settings_data(bio="Bookings: robin@example.org"))
    assert response.status_code == 302
    writer.refresh_from_db()
    assert writer.visibility == Visibility.PUBLISHED


def test_a_sensitive_bio_is_folded_behind_its_warning_or_left_out_for_those_who_hide_it(client, writer):
    client.post(SETTINGS_URL, settings_data(bio=RECOVERY))
    writer.refresh_from_db()
    assert writer.visibility == Visibility.PUBLISHED and writer.content_warnings == ["suicide_self_harm"]

    client.force_login(UserFactory())
    html = client.get("/people/robin/").content.decode()
    assert '<details class="content-warning">' in html and "Two years clean" in html
    assert "Content warning: Suicide and self-harm." in html

    client.force_login(UserFactory(sensitive_content=SensitiveContent.HIDE))
    html = client.get("/people/robin/").content.decode()
    assert "Two years clean" not in html and "you chose to hide sensitive content" in html


def test_a_nudge_asks_to_reconsider_and_saving_anyway_publishes(client, writer):
    rule("durian", "nudge")
    first = client.post(SETTINGS_URL, settings_data(bio="Durian fan"))
    assert first.status_code == 400
    assert "Would you like to reconsider?" in first.content.decode()
    assert User.objects.get(pk=writer.pk).bio == "I like walks."

    second = client.post(SETTINGS_URL, {**settings_data(bio="Durian fan"), "confirm": "1"})
    assert second.status_code == 302
    writer.refresh_from_db()
    assert writer.bio == "Durian fan" and writer.visibility == Visibility.PUBLISHED


def test_a_hateful_handle_or_display_name_is_refused_at_sign_up(client):
    rule("grapefruit", "block")
    from .test_signup import SIGNUP_URL, signup_data

    response = client.post(SIGNUP_URL, signup_data(username="grapefruit_fan"))
    assert response.status_code == 200 and "handle isn" in response.content.decode()
    response = client.post(SIGNUP_URL, signup_data(display_name="Grapefruit lover"))
    assert "contains words that aren" in response.content.decode()
    assert not User.objects.filter(email="robin@example.org").exists()


def test_moderators_hide_and_restore_profile_writing_from_the_admin_and_it_is_audited(client):
    person = UserFactory(handle="loud", bio="Something people reported")
    moderator = StaffFactory(is_superuser=False)
    moderator.groups.add(Group.objects.get(name="moderator"))
    client.force_login(moderator)
    session = client.session
    session["hearten_mfa_verified"] = True
    session.save()

    changelist = "/admin/community/user/"
    client.post(changelist, {"action": "hide_profile_text", "_selected_action": [person.pk]})
    person.refresh_from_db()
    assert person.visibility == Visibility.HIDDEN
    client.post(changelist, {"action": "restore_profile_text", "_selected_action": [person.pk]})
    person.refresh_from_db()
    assert person.visibility == Visibility.PUBLISHED
    assert list(AuditEntry.objects.order_by("pk").values_list("action", "actor")) == [
        ("content.hide", moderator.pk),
        ("content.restore", moderator.pk),
    ]


def test_the_api_tells_the_writer_what_screening_decided_and_shows_help_in_a_crisis(api_client, writer):
    from tests.factories import ChannelFactory, HelplineFactory

    writer.country = "GB"
    writer.save(update_fields=["country"])
    helpline = HelplineFactory(name="Always Line", country="GB")
    ChannelFactory(helpline=helpline, kind="phone", value="116123", always_open=True)
    api_client.force_authenticate(writer)

    calm = api_client.patch("/api/v1/me/", {"bio": "Walks and tea."}, format="json")
    assert calm.status_code == 200
    assert calm.json()["moderation"] == {
        "action": "publish",
        "crisis": False,
        "message": "",
        "content_warnings": [],
        "help": None,
    }

    answer = api_client.patch("/api/v1/me/", {"bio": CRISIS}, format="json")
    assert answer.status_code == 200
    body = answer.json()
    assert body["bio"] == CRISIS  # kept, as written
    assert body["profile_moderation"]["visibility"] == "held"
    assert body["moderation"]["action"] == "hold" and body["moderation"]["crisis"] is True
    assert [line["helpline"] for line in body["moderation"]["help"]["open_now"]] == ["Always Line"]


def test_the_api_names_the_refused_field_and_saves_nothing(api_client, writer):
    rule("grapefruit", "block")
    api_client.force_authenticate(writer)
    answer = api_client.patch("/api/v1/me/", {"bio": "gr4pefruit", "pronouns": "he/him"}, format="json")
    assert answer.status_code == 400
    assert "bio" in str(answer.json())
    writer.refresh_from_db()
    assert (writer.bio, writer.pronouns) == ("I like walks.", "")


def test_the_api_asks_to_reconsider_a_nudge_then_accepts_confirm(api_client, writer):
    rule("durian", "nudge")
    api_client.force_authenticate(writer)
    first = api_client.patch("/api/v1/me/", {"bio": "Durian fan"}, format="json")
    assert first.status_code == 400
    assert first.json()["code"] == "nudge" and "Would you like to change them?" in first.json()["errors"]["bio"][0]
    second = api_client.patch("/api/v1/me/", {"bio": "Durian fan", "confirm": True}, format="json")
    assert second.status_code == 200 and second.json()["bio"] == "Durian fan"
