"""The live support chat (static/js/chat.js) in a real browser, with two members in the room: a message from one
reaches the other without a reload; a refusal stays on screen across polls; Enter pressed twice sends once."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from community.models import ChatMessage, Circle
from tests.e2e.conftest import chromium, new_page  # noqa: F401 (fixtures)

from .test_circles_fixtures import adult, join, make_circle, weekly_chat
from .test_wellbeing_browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def room():
    """A circle whose weekly chat started ten minutes ago and runs for two hours, with two members."""
    circle = make_circle(title="Chat room test", age_group=Circle.AgeGroup.ADULTS, time_zone="UTC")
    weekly_chat(circle, first_start=timezone.now() - timedelta(minutes=10), minutes=120, rule="FREQ=WEEKLY")
    return circle, join(circle, adult()), join(circle, adult())


def in_chat(new_page, person, circle):  # noqa: F811
    page = new_page()
    sign_in(page, person)
    page.goto(f"/circles/{circle.slug}/chat/")
    expect(page.get_by_label("Your message")).to_be_visible()
    return page


def say(page, text):
    page.get_by_label("Your message").fill(text)
    page.get_by_role("button", name="Send", exact=True).click()


def test_a_message_reaches_the_other_member_and_a_refusal_stays_until_the_writer_edits(new_page, room):  # noqa: F811
    circle, ana, ben = room
    ana_page, ben_page = in_chat(new_page, ana, circle), in_chat(new_page, ben, circle)

    say(ana_page, "Hi everyone, rough day but I'm here.")
    expect(ben_page.locator("[data-chat-log]")).to_contain_text("rough day but I'm here", timeout=10_000)

    say(ben_page, "you should just kill yourself")
    errors = ben_page.locator("[data-chat-errors]")
    expect(errors).to_be_visible()
    refusal = errors.inner_text()
    # Ana writes again; once Ben's page shows it, his page has polled since the refusal: it must still be there.
    say(ana_page, "Breathing exercise helped a bit.")
    expect(ben_page.locator("[data-chat-log]")).to_contain_text("Breathing exercise helped", timeout=10_000)
    expect(errors).to_be_visible()
    assert errors.inner_text() == refusal
    expect(ben_page.get_by_label("Your message")).to_have_value("you should just kill yourself")  # kept to fix

    ben_page.get_by_label("Your message").fill("sorry, that came out wrong")
    expect(errors).to_be_hidden()


def test_enter_pressed_twice_quickly_sends_the_message_once(new_page, room):  # noqa: F811
    circle, ana, ben = room
    ana_page, ben_page = in_chat(new_page, ana, circle), in_chat(new_page, ben, circle)

    box = ana_page.get_by_label("Your message")
    box.fill("Going for a short walk now.")
    box.press("Enter")
    box.press("Enter")
    expect(ben_page.locator("[data-chat-log]")).to_contain_text("Going for a short walk now.", timeout=10_000)
    say(ben_page, "Enjoy it!")  # once Ana's page shows this, every send of hers has finished
    expect(ana_page.locator("[data-chat-log]")).to_contain_text("Enjoy it!", timeout=10_000)

    assert ChatMessage.objects.filter(author=ana, body="Going for a short walk now.").count() == 1
    expect(ana_page.locator("[data-chat-log]").get_by_text("Going for a short walk now.")).to_have_count(1)


def test_a_host_removes_in_two_steps_and_the_writer_is_told_live(new_page, room):  # noqa: F811
    circle, ana, _ben = room
    ana_page = in_chat(new_page, ana, circle)
    host_page = in_chat(new_page, circle.created_by, circle)

    say(ana_page, "Something I shouldn't have said.")
    message = host_page.locator("[data-chat-log] [data-message-id]").filter(has_text="shouldn't have said")
    expect(message).to_be_visible(timeout=10_000)
    message.get_by_role("button", name="Remove").click()
    expect(message).to_contain_text("Remove for everyone?")
    message.get_by_role("button", name="Cancel").click()
    assert ChatMessage.objects.get(author=ana).removed_by_id is None  # Cancel removed nothing
    message.get_by_role("button", name="Remove").click()
    message.get_by_role("button", name="Yes").click()

    expect(message).to_contain_text("Removed by a host")
    expect(message.get_by_role("button", name="Undo: put it back")).to_be_visible()
    expect(ana_page.locator("[data-chat-log]")).to_contain_text(
        "A host removed this message. Only you can see it.", timeout=10_000
    )
    box = message.get_by_role("button", name="Remove")
    assert box.count() == 0


def test_a_message_a_host_puts_back_comes_back_in_its_place_for_the_other_members(new_page, room):  # noqa: F811
    circle, ana, ben = room
    ana_page, ben_page = in_chat(new_page, ana, circle), in_chat(new_page, ben, circle)
    host_page = in_chat(new_page, circle.created_by, circle)
    say(ana_page, "First, a message that gets taken down.")
    expect(ana_page.get_by_label("Your message")).to_have_value("")  # sent: the box empties
    say(ana_page, "Second, one that stays.")
    log = ben_page.locator("[data-chat-log]")
    expect(log).to_contain_text("Second, one that stays.", timeout=10_000)

    message = host_page.locator("[data-chat-log] [data-message-id]").filter(has_text="gets taken down")
    expect(message).to_be_visible(timeout=10_000)
    message.get_by_role("button", name="Remove").click()
    message.get_by_role("button", name="Yes").click()
    expect(log).not_to_contain_text("gets taken down", timeout=10_000)

    message.get_by_role("button", name="Undo: put it back").click()

    expect(log).to_contain_text("gets taken down", timeout=10_000)
    order = log.locator("[data-message-id]").all_inner_texts()
    first = next(i for i, text in enumerate(order) if "gets taken down" in text)
    second = next(i for i, text in enumerate(order) if "one that stays" in text)
    assert first < second  # back in its place, not at the end
