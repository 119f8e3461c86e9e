"""The page a writer sees after posting something screening read as a possible crisis, and its JSON form."""

import json
from datetime import time

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resources.models import Channel
from resources.selectors.help import crisis_help
from tests.factories import (
    ChannelFactory,
    EmergencyNumberFactory,
    HelplineFactory,
    OpeningHoursFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PAGE = "/help/after-posting/"
# A Wednesday in January (GMT, so London time is UTC).
MORNING = "2026-01-14 10:00:00+00:00"


def evening_line(name="Evening Line", country="GB"):
    """A phone line open every day 19:00-23:00 London time: closed in the MORNING."""
    helpline = HelplineFactory(name=name, country=country)
    channel = ChannelFactory(helpline=helpline, kind=Channel.Kind.PHONE, value="+448081640123", always_open=False)
    for day in range(7):
        OpeningHoursFactory(channel=channel, weekday=day, opens=time(19), closes=time(23))
    return helpline


def always_line(name="Always Line", country="GB", value="116123"):
    helpline = HelplineFactory(name=name, country=country)
    ChannelFactory(helpline=helpline, kind=Channel.Kind.PHONE, value=value, always_open=True)
    return helpline


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def between(html: str, marker: str) -> str:
    """The list that starts at `marker` (a data- attribute), up to its end."""
    start = html.index(marker)
    return html[start : html.index("</ul>", start)]


def back_link(html: str) -> str:
    start = html.index("data-next-link")
    tag_start = html.rindex("<a ", 0, start)
    tag = html[tag_start : html.index(">", start)]
    return tag.split('href="', 1)[1].split('"', 1)[0]


def test_the_url_name_is_in_the_resources_namespace():
    assert reverse("resources:crisis_response") == PAGE


@time_machine.travel(MORNING, tick=False)
def test_the_page_lists_the_lines_open_now_and_marks_closed_ones(client):
    EmergencyNumberFactory(country="GB", number="999")
    always_line("Samaritans")
    evening_line("Welsh Language Line")
    always_line("Lifeline", country="AU", value="+61131114")

    html = html_of(client.get(PAGE + "?country=GB"))

    open_now = between(html, "data-open-now")
    closed = between(html, "data-closed-now")
    assert "Samaritans" in open_now and 'href="tel:116123"' in open_now
    assert "Welsh Language Line" not in open_now
    assert "Welsh Language Line" in closed and "Opens today at" in closed
    assert "Lifeline" not in html  # another country's line
    # The emergency number comes before any helpline.
    assert html.index('href="tel:999"') < html.index("Samaritans")


@time_machine.travel(MORNING, tick=False)
def test_with_no_line_open_it_says_so_and_keeps_the_emergency_number(client):
    EmergencyNumberFactory(country="GB", number="999")
    evening_line("Welsh Language Line")

    html = html_of(client.get(PAGE + "?country=GB"))

    assert "data-open-now" not in html
    assert "None of the lines we list is open this minute" in html
    assert 'href="tel:999"' in html


def test_it_tells_the_writer_their_post_is_safe_and_kept(client):
    html = html_of(client.get(PAGE + "?country=GB"))

    assert "What you wrote is safe with us" in html
    assert "Nothing has been deleted" in html
    assert "It sounds like things are really hard right now" in html
    assert "have to go through this alone" in html


def test_it_is_private_and_never_cached_or_indexed(client):
    response = client.get(PAGE + "?country=GB")

    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex, nofollow">' in html_of(response)


def test_it_links_to_the_full_get_help_page_for_the_country(client):
    always_line("Samaritans")

    html = html_of(client.get(PAGE + "?country=GB"))

    assert 'href="/help/?country=GB"' in html
    assert "data-help-link" in html


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/path", "javascript:alert(1)", "http://testserver.evil.example/"],
)
def test_a_next_link_to_another_site_falls_back_home(client, next_url):
    html = html_of(client.get(PAGE, {"country": "GB", "next": next_url}))

    assert back_link(html) == "/"
    assert "evil.example" not in html
    assert "javascript:" not in html


def test_a_next_link_on_this_site_leads_back_and_survives_a_change_of_country(client):
    always_line("Samaritans")

    html = html_of(client.get(PAGE, {"country": "GB", "next": "/resources/?q=sleep"}))

    assert back_link(html) == "/resources/?q=sleep"
    # The country picker keeps it, so the way back still works after choosing another country.
    assert '<input type="hidden" name="next" value="/resources/?q=sleep">' in html


def test_without_a_next_link_the_way_back_is_home(client):
    assert back_link(html_of(client.get(PAGE + "?country=GB"))) == "/"


def test_without_a_country_it_asks_where_you_are_with_a_get_form(client):
    always_line("Samaritans")
    always_line("Lifeline", country="AU", value="+61131114")

    html = html_of(client.get(PAGE, {"next": "/resources/"}, HTTP_ACCEPT_LANGUAGE="en"))

    assert "Where are you? Choose your country" in html
    assert f'<form class="help-filters crisis-country" method="get" action="{PAGE}">' in html
    assert '<select id="crisis-country" name="country">' in html
    assert 'href="?country=GB&amp;next=/resources/"' in html
    assert 'href="?country=AU&amp;next=/resources/"' in html
    assert "data-open-now" not in html
    # Without a country the generic emergency advice still shows.
    assert "112 in Europe, 911 in North America" in html


@time_machine.travel(MORNING, tick=False)
def test_a_signed_in_members_country_is_used(client):
    always_line("Lifeline", country="AU", value="+61131114")
    always_line("Samaritans")
    client.force_login(UserFactory(country="AU"))

    html = html_of(client.get(PAGE, HTTP_ACCEPT_LANGUAGE="en-GB"))

    assert "Lifeline" in between(html, "data-open-now")
    assert "Samaritans" not in html
    assert "Showing the country in your settings." in html


@time_machine.travel(MORNING, tick=False)
def test_without_a_profile_country_the_browser_language_region_is_used(client):
    always_line("Samaritans")

    html = html_of(client.get(PAGE, HTTP_ACCEPT_LANGUAGE="fr-FR;q=0.4, en-GB;q=0.9"))

    assert "Samaritans" in between(html, "data-open-now")
    assert "Showing the country your browser suggests." in html


def test_an_unknown_country_code_is_said_plainly(client):
    html = html_of(client.get(PAGE + "?country=ZZ", HTTP_ACCEPT_LANGUAGE="en"))

    assert "We don't know the country code “ZZ”" in html
    assert "Where are you? Choose your country" in html


def test_a_country_without_listed_lines_points_to_the_directory(client):
    html = html_of(client.get(PAGE + "?country=FR"))

    assert "We don't list helplines in France yet." in html
    assert 'href="https://findahelpline.com/"' in html


@time_machine.travel(MORNING, tick=False)
def test_the_page_costs_the_same_queries_whatever_the_number_of_lines(client, django_assert_num_queries):
    always_line("Samaritans")
    client.get(PAGE + "?country=GB")  # warm the per-process caches
    with CaptureQueriesContext(connection) as few:
        html_of(client.get(PAGE + "?country=GB"))
    for number in range(5):
        always_line(f"Line {number}", value=f"11600{number}")
        evening_line(f"Evening {number}")
    with django_assert_num_queries(len(few.captured_queries)):
        html = html_of(client.get(PAGE + "?country=GB"))
    assert "Line 4" in html and "Evening 4" in html


# The JSON form, for API clients


@time_machine.travel(MORNING, tick=False)
def test_crisis_help_gives_the_open_lines_closed_ones_and_the_emergency_number_as_json():
    EmergencyNumberFactory(country="GB", number="999", note="112 works too.")
    samaritans = always_line("Samaritans")
    evening = evening_line("Welsh Language Line")
    always_line("Lifeline", country="AU", value="+61131114")

    data = crisis_help(country="GB")

    assert json.loads(json.dumps(data)) == data  # JSON-ready as it is
    assert data["help_url"] == "/help/"
    assert data["crisis_response_url"] == PAGE
    assert data["country"] == "GB" and data["country_name"] == "United Kingdom"
    assert data["emergency"] == {"number": "999", "note": "112 works too."}
    assert data["open_now"] == [
        {
            "helpline": "Samaritans",
            "slug": samaritans.slug,
            "channel": "phone",
            "contact": "116 123",
            "href": "tel:116123",
            "action": "Call 116 123",
            "always_open": True,
            "closes": None,
        }
    ]
    assert [line["slug"] for line in data["closed_now"]] == [evening.slug]
    assert data["closed_now"][0]["opens"] == "2026-01-14T19:00:00+00:00"
    assert data["directory"]["source"] == "https://findahelpline.com/"
    assert "really hard" in data["message"]


@time_machine.travel("2026-01-14 20:00:00+00:00", tick=False)
def test_crisis_help_says_when_an_open_line_closes():
    evening = evening_line("Welsh Language Line")

    data = crisis_help(country="GB")

    assert [line["slug"] for line in data["open_now"]] == [evening.slug]
    assert data["open_now"][0]["closes"] == "2026-01-14T23:00:00+00:00"
    assert data["open_now"][0]["always_open"] is False
    assert data["closed_now"] == []


def test_crisis_help_without_a_country_still_points_to_help(django_assert_num_queries):
    always_line("Samaritans")

    with django_assert_num_queries(0):
        data = crisis_help(country="")

    assert data["country"] == "" and data["emergency"] is None
    assert data["open_now"] == [] and data["closed_now"] == []
    assert data["help_url"] == "/help/"
    assert crisis_help(country="ZZ")["country"] == ""
