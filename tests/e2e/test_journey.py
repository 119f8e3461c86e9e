"""What a person does in a real browser: join, confirm, sign in, find their profile, leave quickly; and
whether every page can be used with assistive technology and on a small phone."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings as django_settings
from playwright.sync_api import expect

from tests.factories import PASSWORD

# serialized_rollback: the live server needs a real commit, and the role groups made by a data migration
# must be there again for each test after another transactional test emptied the tables.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CONFIRM_LINK = re.compile(r"https?://\S+/accounts/confirm-email/\S+/")


def label(text):
    """Django renders labels as "Email:"; match the words, whatever punctuation follows."""
    return re.compile(rf"^{re.escape(text)}:?$")


def blocking_violations(page) -> list[dict]:
    violations = Axe().run(page).response["violations"]
    return [v for v in violations if v["impact"] in {"serious", "critical"}]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node['target']}: {node.get('failureSummary', '')!r}" for node in violation["nodes"])
    return "\n".join(lines)


def test_join_confirm_sign_in_and_see_my_profile(page, settings, mailoutbox):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"

    page.goto("/")
    page.get_by_role("banner").get_by_role("link", name="Sign up", exact=True).click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/$"))

    page.get_by_label(label("Email")).fill("river@example.org")
    page.get_by_label(label("Handle")).fill("quiet_river")
    page.get_by_label(label("Display name")).fill("River Song")
    page.get_by_label(label("Password")).fill(PASSWORD)
    page.get_by_label(label("Birth month")).select_option(label="March")
    page.get_by_label(label("Birth year")).fill("1990")
    page.get_by_role("button", name="Sign up").click()

    expect(page.get_by_role("heading", name=re.compile("verify your email", re.I))).to_be_visible()
    # Not signed in yet: the header still offers "Sign in".
    expect(page.get_by_role("banner").get_by_role("link", name="Sign in")).to_be_visible()

    assert len(mailoutbox) == 1, [m.subject for m in mailoutbox]
    email = mailoutbox[0]
    assert email.to == ["river@example.org"]
    link = CONFIRM_LINK.search(email.body)
    assert link, email.body

    page.goto(link.group(0))
    expect(page.get_by_role("heading", name=re.compile("confirm email", re.I))).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("river@example.org")
    page.get_by_role("button", name="Confirm").click()

    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label(label("Login")).fill("quiet_river")
    page.get_by_label(label("Password")).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    account_menu = page.locator(".account-menu details")
    account_menu.get_by_text("@quiet_river", exact=True).click()
    account_menu.get_by_role("link", name="My profile").click()

    expect(page).to_have_url(re.compile(r"/people/quiet_river/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("River Song")
    expect(page.get_by_role("main")).to_contain_text("@quiet_river")


def test_quick_exit_leaves_the_site_by_link_and_by_pressing_escape_twice(new_page, live_server):
    exit_url = django_settings.HEARTEN_QUICK_EXIT_URL
    somewhere_else = "<!doctype html><title>Weather</title><h1>Today's weather</h1>"

    for leave in ("link", "escape"):
        page = new_page()
        page.route(exit_url, lambda route: route.fulfill(status=200, content_type="text/html", body=somewhere_else))
        page.goto("/help/")
        expect(page.get_by_role("heading", name="Get help now", level=1)).to_be_visible()

        if leave == "link":
            page.get_by_role("link", name="Quick exit").click()
        else:
            page.keyboard.press("Escape")
            page.keyboard.press("Escape")

        expect(page).to_have_url(exit_url)
        expect(page.get_by_role("heading", name="Today's weather")).to_be_visible()
        # The exit replaces the history entry, so Back does not bring the page up again.
        page.go_back()
        assert not page.url.startswith(live_server.url), (leave, page.url)


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_pages_have_no_serious_accessibility_violations(new_page, color_scheme):
    page = new_page(color_scheme=color_scheme)
    found = {}
    for path in ["/", "/accounts/signup/", "/accounts/login/", "/help/"]:
        response = page.goto(path)
        assert response.status == 200, path
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        if violations := blocking_violations(page):
            found[path] = describe(violations)

    report = "\n".join(f"{path} ({color_scheme}):\n{text}" for path, text in found.items())
    assert not found, f"axe found serious or critical violations:\n{report}"


def test_sign_up_errors_have_no_serious_accessibility_violations(page):
    page.goto("/accounts/signup/")
    page.get_by_label(label("Email")).fill("not-an-email")
    page.get_by_label(label("Handle")).fill("ab")
    page.get_by_label(label("Password")).fill("short")
    page.get_by_role("button", name="Sign up").click()

    expect(page.get_by_label(label("Email"))).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label(label("Birth year"))).to_have_attribute("aria-invalid", "true")
    violations = blocking_violations(page)

    assert not violations, f"axe found serious or critical violations on the sign-up errors:\n{describe(violations)}"


def test_small_phone_needs_no_sideways_scrolling(new_page):
    page = new_page(viewport={"width": 320, "height": 640})
    widths = {}
    for path in ["/", "/accounts/signup/", "/help/"]:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        widths[path] = page.evaluate("document.documentElement.scrollWidth")

    assert all(width <= 320 for width in widths.values()), f"page widths at a 320px viewport: {widths}"


# Recorded by the page itself from the first moment, so no violation can slip past before a listener attaches.
RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}` +
    (event.sample ? ` (${event.sample})` : "")
  );
});
"""


def test_api_docs_render_operations_under_the_content_security_policy(page):
    console_errors = []

    def record(message):
        if message.type == "error":
            where = message.location
            console_errors.append(f"{message.text} (at {where['url']}:{where['lineNumber']})")

    page.on("console", record)
    page.on("pageerror", lambda error: console_errors.append(f"uncaught: {error}"))
    page.add_init_script(RECORD_CSP_VIOLATIONS)

    response = page.goto("/api/docs/")
    assert "script-src 'self'" in response.headers["content-security-policy"]

    expect(page.get_by_role("button", name="GET /api/v1/me/", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="PATCH /api/v1/me/", exact=True)).to_be_visible()
    blocked = page.evaluate("window.cspViolations")
    assert not blocked, "The CSP blocked part of Swagger UI:\n" + "\n".join(blocked + console_errors)
    assert not console_errors, "Swagger UI logged errors:\n" + "\n".join(console_errors)
