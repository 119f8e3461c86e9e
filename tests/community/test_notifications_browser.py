"""Notifications in a real browser: the header names the unread count to assistive technology, the list has no
serious accessibility violations in either colour scheme, and neither needs sideways scrolling on a phone."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from community import services
from tests.e2e import conftest as e2e
from tests.e2e.test_journey import blocking_violations, describe
from tests.factories import UserFactory

chromium, new_page = e2e.chromium, e2e.new_page  # the browser fixtures of the e2e folder, here too

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def signed_in(new_page, live_server):
    """A member with two unread notifications, and a way to open pages signed in as them."""
    author = UserFactory(display_name="Ana")
    story = services.save_story(actor=author, data={"body": "A calm walk by the sea helped me."}, post=True).obj
    for name in ("Ben", "Cleo"):  # real commits here: notify() delivers at once
        services.add_comment(actor=UserFactory(display_name=name), target=story, body=f"Thank you, from {name}.")
    client = Client()
    client.force_login(author)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value

    def open_page(**options):
        page = new_page(**options)
        page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
        return page

    return open_page


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_the_header_and_the_list_can_be_used_with_assistive_technology(signed_in, color_scheme):
    page = signed_in(color_scheme=color_scheme)
    found = {}
    for path in ["/", "/notifications/"]:
        assert page.goto(path).status == 200, path
        expect(page.get_by_role("link", name="Notifications, 2 unread")).to_be_visible()
        if violations := blocking_violations(page):
            found[path] = describe(violations)
    expect(page.get_by_role("link", name="Cleo commented on your story")).to_be_visible()

    assert not found, "axe found serious or critical violations:\n" + "\n".join(
        f"{path} ({color_scheme}):\n{text}" for path, text in found.items()
    )


def test_marking_all_read_empties_the_count(signed_in):
    page = signed_in()
    page.goto("/notifications/")
    header_link = page.locator("header a[href='/notifications/']")
    expect(header_link).to_have_accessible_name("Notifications, 2 unread")
    expect(header_link.locator(".unread-count")).to_have_text("2")

    page.get_by_role("button", name="Mark all as read").click()

    expect(page.get_by_role("button", name="Mark all as read")).to_have_count(0)  # the page came back
    expect(header_link).to_have_accessible_name("Notifications")
    expect(header_link.locator(".unread-count")).to_have_count(0)
    expect(page.get_by_role("link", name="unread")).to_have_count(0)
    page.reload()  # and it stays so
    expect(header_link).to_have_accessible_name("Notifications")


def test_a_small_phone_needs_no_sideways_scrolling(signed_in):
    page = signed_in(viewport={"width": 320, "height": 640})
    widths = {}
    for path in ["/", "/notifications/"]:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        widths[path] = page.evaluate("document.documentElement.scrollWidth")

    assert all(width <= 320 for width in widths.values()), f"page widths at a 320px viewport: {widths}"
