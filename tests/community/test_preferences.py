"""The preferences page (/settings/preferences/) and API (/api/v1/me/preferences/): one service behind both, so
the same wrong value is refused the same way, naming its field."""

import datetime
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from community import selectors
from community.models import Notification, Preferences, SensitiveContent
from community.selectors.preferences import TOPICS
from community.services.preferences import update_preferences
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/settings/preferences/"
API = "/api/v1/me/preferences/"
MINOR = date(2099, 1, 1)


def form_data(**changes) -> dict:
    """The page's form as a person sends it with the defaults untouched."""
    data = {
        "email_mode": "daily",
        "digest_hour": "18",
        "quiet_start": "",
        "quiet_end": "",
        "break_reminder_minutes": "",
        "daily_reminder_time": "",
        **{f"sensitive_topics.{topic}": "collapse" for topic in TOPICS},
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


@pytest.fixture
def person(client):
    member = UserFactory(time_zone="Europe/London")
    client.force_login(member)
    return member


# The page


def test_the_page_is_for_signed_in_members_and_linked_from_settings(client, person):
    assert 'href="/settings/preferences/"' in client.get("/settings/").content.decode()
    client.logout()
    assert client.get(URL).status_code == 302


def test_the_page_shows_three_sections_each_topic_with_its_choices_and_the_zone(client, person):
    html = client.get(URL).content.decode()

    for heading in ("Sensitive topics", "Notifications", "Wellbeing"):
        assert f">{heading}</h2>" in html
    assert html.count('type="radio" name="sensitive_topics.') == 7 * 3
    assert 'name="sensitive_topics.grief" id="id_sensitive_topics.grief-collapse" value="collapse" checked' in html
    assert "Times are in your time zone, Europe/London." in html
    for kind, label in Notification.Kind.choices:
        # Decisions about your writing and your reports' outcomes are always told: not offered to turn off.
        assert (f'value="{kind}"' in html) is (kind not in ("decision", "report_outcome")), kind
        assert (str(label) in html) is (kind not in ("decision", "report_outcome")), kind


def test_saving_the_page_keeps_each_value_and_only_the_topics_changed(client, person):
    response = client.post(
        URL,
        form_data(
            email_mode="immediate",
            muted_kinds=["reaction", "follow"],
            quiet_start="22:00",
            quiet_end="07:30",
            digest_hour="8",
            break_reminder_minutes="45",
            daily_reminder_time="21:15",
            **{"sensitive_topics.grief": "hide", "sensitive_topics.violence": "show"},
        ),
    )

    assert response.status_code == 302 and response.url == URL
    saved = Preferences.objects.get(user=person)
    assert (saved.email_mode, saved.muted_kinds, saved.digest_hour) == ("immediate", ["reaction", "follow"], 8)
    assert (saved.quiet_start, saved.quiet_end) == (datetime.time(22), datetime.time(7, 30))
    assert (saved.break_reminder_minutes, saved.daily_reminder_time) == (45, datetime.time(21, 15))
    assert saved.sensitive_topics == {"grief": "hide", "violence": "show"}  # the rest follow the default
    assert "Your preferences are saved." in client.get(URL).content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"quiet_start": "22:00"}, "quiet_end", "Quiet hours need both a start and an end"),
        ({"quiet_end": "06:00"}, "quiet_start", "Quiet hours need both a start and an end"),
        ({"quiet_start": "22:00", "quiet_end": "22:00"}, "quiet_end", "different time"),
        ({"quiet_start": "25:00", "quiet_end": "07:00"}, "quiet_start", "Enter a valid time"),
        ({"break_reminder_minutes": "3"}, "break_reminder_minutes", "from 5 to 240 minutes"),
        ({"break_reminder_minutes": "241"}, "break_reminder_minutes", "from 5 to 240 minutes"),
        ({"break_reminder_minutes": "soon"}, "break_reminder_minutes", "Enter a whole number"),
        ({"daily_reminder_time": "noonish"}, "daily_reminder_time", "Enter a valid time"),
        ({"digest_hour": "24"}, "digest_hour", "Select a valid choice"),
        ({"email_mode": "hourly"}, "email_mode", "Select a valid choice"),
        ({"muted_kinds": ["gossip"]}, "muted_kinds", "Select a valid choice"),
        ({"sensitive_topics.grief": "sometimes"}, "sensitive_topics.grief", "Select a valid choice"),
    ],
)
def test_a_wrong_value_is_named_next_to_its_field_and_nothing_is_saved(client, person, changes, field, message):
    response = client.post(URL, form_data(**changes))

    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert response.context["form"].errors[field]
    assert f'href="#id_{field}"' in html  # the summary at the top leads to the field
    assert not Preferences.objects.filter(user=person).exists()


def test_a_minor_is_offered_fold_or_hide_for_the_guarded_topics_with_why(client):
    teen = UserFactory(minor_until=MINOR, sensitive_content=SensitiveContent.HIDE)
    client.force_login(teen)

    html = client.get(URL).content.decode()

    assert "Because you're under 18" in html
    assert 'id="id_sensitive_topics.suicide_self_harm-show"' not in html
    assert 'id="id_sensitive_topics.eating_disorders-show"' not in html
    assert 'id="id_sensitive_topics.grief-show"' in html
    assert 'id="id_sensitive_topics.suicide_self_harm-hide" value="hide" checked' in html

    refused = client.post(URL, form_data(**{"sensitive_topics.suicide_self_harm": "show"}))
    assert refused.status_code == 400
    assert "Under 18" in refused.content.decode()
    assert refused.context["form"].errors["sensitive_topics.suicide_self_harm"]

    client.post(URL, form_data(**{"sensitive_topics.suicide_self_harm": "collapse"}))
    assert selectors.topic_choices(teen)["suicide_self_harm"] == "collapse"


# The service


def test_only_the_person_changes_their_preferences(db):
    person, other = UserFactory(), UserFactory()
    with pytest.raises(PermissionDenied):
        update_preferences(actor=other, user=person, data={"digest_hour": 9})
    assert not Preferences.objects.filter(user=person).exists()


def test_a_refused_change_leaves_the_person_able_to_save_the_next_one(db):
    person = UserFactory()
    with pytest.raises(ValidationError):
        update_preferences(actor=person, user=person, data={"digest_hour": 99})
    update_preferences(actor=person, user=person, data={"digest_hour": 9})
    assert Preferences.objects.get(user=person).digest_hour == 9


# The API


def test_reading_preferences_writes_nothing_and_shows_the_defaults(api_client):
    teen = UserFactory(minor_until=MINOR)
    api_client.force_authenticate(teen)

    answer = api_client.get(API).json()

    assert not Preferences.objects.filter(user=teen).exists()
    assert answer["email_mode"] == "daily" and answer["sensitive_topics"] == {}
    assert answer["effective_topics"]["suicide_self_harm"] == "hide"
    assert answer["effective_topics"]["grief"] == "collapse"
    assert answer["allowed_topic_choices"]["suicide_self_harm"] == ["collapse", "hide"]
    assert answer["break_reminder_minutes"] is None and answer["time_zone"] == "UTC"


def test_a_patch_changes_only_what_it_names(api_client):
    person = UserFactory()
    update_preferences(actor=person, user=person, data={"sensitive_topics": {"abuse": "hide"}, "digest_hour": 7})
    api_client.force_authenticate(person)

    answer = api_client.patch(
        API,
        {
            "sensitive_topics": {"grief": "show"},
            "quiet_start": "22:00",
            "quiet_end": "07:00",
            "muted_kinds": ["mention"],
        },
        format="json",
    )

    assert answer.status_code == 200, answer.json()
    body = answer.json()
    assert body["sensitive_topics"] == {"abuse": "hide", "grief": "show"}
    assert body["effective_topics"]["grief"] == "show" and body["digest_hour"] == 7
    assert (body["quiet_start"], body["quiet_end"], body["muted_kinds"]) == ("22:00", "07:00", ["mention"])
    back = api_client.patch(API, {"sensitive_topics": {"abuse": None}}, format="json").json()
    assert back["sensitive_topics"] == {"grief": "show"} and back["effective_topics"]["abuse"] == "collapse"


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"quiet_start": "22:00"}, "quiet_end"),
        ({"quiet_start": "22:00", "quiet_end": "22:00"}, "quiet_end"),
        ({"quiet_start": "late"}, "quiet_start"),
        ({"break_reminder_minutes": 1000}, "break_reminder_minutes"),
        ({"break_reminder_minutes": 4}, "break_reminder_minutes"),
        ({"digest_hour": 24}, "digest_hour"),
        ({"email_mode": "hourly"}, "email_mode"),
        ({"muted_kinds": ["gossip"]}, "muted_kinds"),
        ({"sensitive_topics": {"grief": "maybe"}}, "sensitive_topics.grief"),
        ({"sensitive_topics": {"politics": "hide"}}, "sensitive_topics.politics"),
        ({"sensitive_topics": "hide everything"}, "sensitive_topics"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_a_wrong_value_in_the_api_names_its_field(api_client, patch, field):
    person = UserFactory()
    api_client.force_authenticate(person)

    answer = api_client.patch(API, patch, format="json")

    assert answer.status_code == 400
    assert field in answer.json()["errors"], answer.json()
    assert not Preferences.objects.filter(user=person, digest_hour__gt=18).exists()
    assert Preferences.objects.filter(user=person, quiet_start__isnull=False).count() == 0


def test_a_minor_cannot_have_suicide_and_self_harm_shown_open_through_the_api_either(api_client):
    teen = UserFactory(minor_until=MINOR)
    api_client.force_authenticate(teen)

    refused = api_client.patch(API, {"sensitive_topics": {"suicide_self_harm": "show"}}, format="json")
    folded = api_client.patch(API, {"sensitive_topics": {"suicide_self_harm": "collapse"}}, format="json")

    assert refused.status_code == 400 and "sensitive_topics.suicide_self_harm" in refused.json()["errors"]
    assert folded.json()["effective_topics"]["suicide_self_harm"] == "collapse"


def test_visitors_have_no_preferences_to_read(api_client):
    assert api_client.get(API).status_code in (401, 403)
    assert api_client.patch(API, {"digest_hour": 9}, format="json").status_code in (401, 403)


def test_decisions_and_report_outcomes_cannot_be_turned_off(db):
    """What moderators decided about your writing, and the outcome of your reports, are always told: the page
    does not offer them and the service keeps them on; an unknown kind is refused, naming the field."""
    from community.views.preferences import PreferencesForm

    person = UserFactory()
    offered = {kind for kind, _label in PreferencesForm(user=person).fields["muted_kinds"].choices}
    assert "reaction" in offered and not offered & {"decision", "report_outcome"}
    saved = update_preferences(actor=person, user=person, data={"muted_kinds": ["reaction", "decision"]})
    assert saved.muted_kinds == ["reaction"]  # asking to turn decisions off keeps them on
    with pytest.raises(ValidationError) as refused:
        update_preferences(actor=person, user=person, data={"muted_kinds": ["reaction", "gossip"]})
    assert "muted_kinds" in refused.value.message_dict
