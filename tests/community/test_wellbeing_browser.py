"""static/js/wellbeing.js in a real browser: the break note comes once enough visible browsing time has added up
across pages, the daily check-in once a day from its time on; both are polite status notes, dismissible, and
the page stays usable (and passes axe) while they show."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from community.services.preferences import update_preferences
from tests.e2e.conftest import chromium, new_page  # noqa: F401 (fixtures)
from tests.e2e.test_journey import blocking_violations, describe, label
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def sign_in(page, person):
    page.goto("/accounts/login/")
    page.get_by_label(label("Login")).fill(person.handle)
    page.get_by_label(label("Password")).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".account-menu summary")).to_have_text(f"@{person.handle}")


def test_the_break_note_comes_after_the_chosen_minutes_across_pages_and_goes_when_dismissed(new_page):  # noqa: F811
    person = UserFactory()
    update_preferences(actor=person, user=person, data={"break_reminder_minutes": 5})
    page = new_page()
    sign_in(page, person)
    region = page.locator("[data-wellbeing-region]")
    expect(region).to_have_attribute("role", "status")
    expect(region).to_be_empty()

    # Four minutes of browsing so far in this tab: not yet. Five: the next page brings the note.
    page.evaluate("sessionStorage.setItem('hearten.wellbeing.seconds', '240')")
    page.goto("/help/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(region).to_be_empty()
    assert float(page.evaluate("sessionStorage.getItem('hearten.wellbeing.seconds')")) >= 240  # kept, adding up
    page.evaluate("sessionStorage.setItem('hearten.wellbeing.seconds', '300')")
    page.goto("/help/")
    note = region.get_by_role("heading", name="Time for a breather?")
    expect(note).to_be_visible()
    expect(region.get_by_role("link", name="find someone to talk to")).to_have_attribute("href", "/help/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()  # the page is still there, not covered
    violations = blocking_violations(page)
    assert not violations, describe(violations)

    region.get_by_role("button", name="Not now").click()
    expect(region).to_be_empty()
    page.goto("/help/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(region).to_be_empty()  # the count starts again
    assert float(page.evaluate("sessionStorage.getItem('hearten.wellbeing.seconds')")) < 60


def test_the_daily_check_in_shows_once_a_day_from_its_time(new_page):  # noqa: F811
    person = UserFactory()
    update_preferences(actor=person, user=person, data={"daily_reminder_time": datetime.time(0, 0)})
    page = new_page()
    sign_in(page, person)

    region = page.locator("[data-wellbeing-region]")
    expect(region.get_by_role("heading", name="Your daily check-in")).to_be_visible()
    region.get_by_role("button", name="Done for today").click()
    expect(region).to_be_empty()
    page.goto("/help/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(region).to_be_empty()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", page.evaluate("localStorage.getItem('hearten.wellbeing.checkin')"))


def test_the_preferences_page_has_no_serious_accessibility_violations(new_page):  # noqa: F811
    person = UserFactory()
    page = new_page()
    sign_in(page, person)
    page.goto("/settings/preferences/")
    page.get_by_label(label("Quiet hours from")).fill("22:00")
    page.get_by_role("button", name="Save preferences").click()

    expect(page.get_by_role("alert")).to_contain_text("Quiet hours until")
    violations = blocking_violations(page)
    assert not violations, describe(violations)
