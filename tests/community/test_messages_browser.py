"""A conversation in a real browser: its controls are easy to tap and look like what they are."""

import pytest
from django.conf import settings
from django.test import Client

from community.services import messages as services
from tests.community.messages import mutual, person
from tests.e2e import conftest as e2e

chromium, new_page = e2e.chromium, e2e.new_page  # the browser fixtures of the e2e folder, here too

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

STYLE = "el => { const s = getComputedStyle(el); return [s.fontSize, s.fontWeight, s.color, s.textDecorationLine]; }"


def test_archive_and_block_look_alike_and_are_44px_tap_targets(new_page, live_server):
    sky, lee = person("sky"), person("lee")
    mutual(sky, lee)
    conversation = services.start_conversation(actor=sky, recipient=lee, body="Hello Lee!").conversation
    client = Client()
    client.force_login(sky)
    page = new_page(viewport={"width": 360, "height": 740})
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page.goto(f"{live_server.url}/messages/{conversation.pk}/")

    archive = page.locator(".thread-controls").get_by_role("button", name="Archive")
    block = page.locator(".thread-controls").get_by_role("link", name="Block @lee")
    for control in (archive, block):
        box = control.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
    assert archive.evaluate(STYLE) == block.evaluate(STYLE)
