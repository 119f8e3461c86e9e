"""The profile settings mark what the profile's own screening decision asked about, and nothing else: the words
come with the NeedsConfirmation the service raised; the page never screens the text again."""

import pytest

from community import services
from moderation import services as moderation
from tests.factories import StaffFactory, UserFactory

from .test_profile import settings_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def durian_nudges():
    moderation.save_rule(actor=StaffFactory(), data={"pattern": "durian", "action": "nudge"})


def test_a_nudge_on_the_profile_carries_the_words_each_field_was_asked_about():
    user = UserFactory(bio="I like walks.")
    data = settings_data(bio="Walks, tea and durian.")

    with pytest.raises(services.NeedsConfirmation) as caught:
        services.update_profile(actor=user, user=user, data=data)

    nudges = caught.value.nudges
    assert set(nudges) == {"bio"}
    assert nudges["bio"].text == "Walks, tea and durian."
    start = "Walks, tea and durian.".index("durian")
    assert nudges["bio"].spans == ((start, start + len("durian")),)


def test_the_settings_page_marks_only_what_the_decision_said(client, monkeypatch):
    """Were the page to screen the text again, it would mark "durian" here: the decision named no field."""
    user = UserFactory(bio="I like walks.")
    client.force_login(user)

    def nudged_without_words(*args, **kwargs):
        error = services.NeedsConfirmation({"bio": "Please reconsider."})
        error.nudges = {}
        raise error

    monkeypatch.setattr(services, "update_profile", nudged_without_words)
    page = client.post("/settings/", settings_data(bio="Durian fan, and proud."))

    assert page.status_code == 400
    html = page.content.decode()
    assert "Please reconsider." in html
    assert "<mark>" not in html


def test_a_confirmed_nudge_saves_with_no_nudges_to_mark():
    user = UserFactory(bio="I like walks.")

    services.update_profile(actor=user, user=user, data=settings_data(bio="Durian fan."), confirmed=True)

    user.refresh_from_db()
    assert user.bio == "Durian fan."
