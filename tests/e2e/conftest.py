"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server.

Nothing here reaches the internet: every request to a host other than the live server is aborted,
so a page that needs the network fails its test instead of quietly fetching something.

Playwright starts for each test, after the test's database is set up, and stops before the database is
emptied. While its sync API is running, this thread has a "running" asyncio loop, and Django then looks up
a different connection object in this thread (asgiref's Local switches to context storage): that object
does not hold the test database's serialized contents, so serialized_rollback would silently restore
nothing (pytest-django issue #1117) and the role groups from the data migration would be gone, here and
in every transactional test after this folder. A browser per test costs a few seconds; that is why the
page checks below loop over pages inside one test.
"""

from urllib.parse import urlparse

import pytest

from tests.conftest import CHROMIUM

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture
def chromium(transactional_db, live_server, monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; Django would refuse database calls.
    # Set only while the browser runs, so other tests still catch real async-unsafe calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(chromium, live_server):
    """Open pages in fresh browser contexts (no shared cookies) that talk to the live server only."""
    from playwright.sync_api import expect

    expect.set_options(timeout=10_000)
    live_host = urlparse(live_server.url).netloc
    contexts = []

    def keep_local(route):
        if urlparse(route.request.url).netloc == live_host:
            route.continue_()
        else:
            route.abort()

    def open_page(**context_options):
        context = chromium.new_context(base_url=live_server.url, **context_options)
        context.set_default_timeout(10_000)
        context.route("**/*", keep_local)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()
