"""The Get help now page, a helpline's own page and the publisher pages, through the Django test client."""

import re
from datetime import time
from pathlib import Path

import pytest
import time_machine
from django.conf import settings

from resources.models import Audience, Channel, Helpline, OpeningHours, PublicationStatus, Topic
from tests.config.test_security import scan
from tests.factories import (
    ChannelFactory,
    EmergencyNumberFactory,
    HelplineFactory,
    OpeningHoursFactory,
    OrganisationFactory,
    OrganisationMemberFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# A Wednesday in January (GMT, so London time is UTC).
MORNING = "2026-01-14 10:00:00+00:00"
EVENING = "2026-01-14 20:00:00+00:00"


def evening_line(name="Evening Line", country="GB", **extra):
    """A phone line open every day 19:00-23:00 in its own zone."""
    helpline = HelplineFactory(name=name, country=country, **extra)
    channel = ChannelFactory(helpline=helpline, kind=Channel.Kind.PHONE, value="+448081640123", always_open=False)
    for day in range(7):
        OpeningHoursFactory(channel=channel, weekday=day, opens=time(19), closes=time(23))
    return helpline


def always_line(name="Always Line", country="GB", value="116123", **extra):
    helpline = HelplineFactory(name=name, country=country, **extra)
    ChannelFactory(helpline=helpline, kind=Channel.Kind.PHONE, value=value, always_open=True)
    return helpline


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, start_id: str, end_id: str | None = None) -> str:
    start = html.index(f'id="{start_id}"')
    end = html.index(f'id="{end_id}"', start) if end_id and f'id="{end_id}"' in html[start:] else len(html)
    return html[start:end]


# Which country


def test_the_chosen_country_comes_first(client):
    always_line("Samaritans Ireland", country="IE")
    always_line("Samaritans", country="GB")

    html = html_of(client.get("/help/?country=ie", HTTP_ACCEPT_LANGUAGE="en-GB"))

    assert "Samaritans Ireland" in html
    assert ">Samaritans<" not in html


def test_a_signed_in_members_country_is_used(client):
    always_line("Lifeline", country="AU", value="+61131114")
    client.force_login(UserFactory(country="AU"))

    html = html_of(client.get("/help/", HTTP_ACCEPT_LANGUAGE="en-GB"))

    assert "Lifeline" in html
    assert "Showing the country in your settings." in html


def test_without_a_profile_the_browser_language_region_is_used(client):
    always_line("Samaritans", country="GB")

    html = html_of(client.get("/help/", HTTP_ACCEPT_LANGUAGE="fr-FR;q=0.4, en-GB;q=0.9"))

    assert "Samaritans" in html
    assert "Showing the country your browser suggests." in html


def test_with_nothing_to_go_on_the_page_asks_where_you_are(client):
    always_line("Samaritans", country="GB")
    always_line("Lifeline", country="AU", value="+61131114")

    html = html_of(client.get("/help/", HTTP_ACCEPT_LANGUAGE="en"))

    assert "Where are you?" in html
    assert 'href="?country=GB"' in html and 'href="?country=AU"' in html
    # Without a country the generic emergency advice still shows.
    assert "112 in Europe, 911 in North America" in html


def test_an_unknown_country_code_is_said_plainly_and_the_page_still_helps(client):
    html = html_of(client.get("/help/?country=ZZ", HTTP_ACCEPT_LANGUAGE="en"))

    assert "We don't know the country code “ZZ”" in html
    assert "Where are you?" in html


# What shows first


@time_machine.travel(MORNING, tick=False)
def test_the_emergency_number_comes_first_then_lines_open_now_then_the_rest(client):
    EmergencyNumberFactory(country="GB", number="999", note="112 works too.")
    evening_line("Welsh Language Line")
    always_line("Samaritans")

    html = html_of(client.get("/help/?country=GB"))

    assert html.index('href="tel:999"') < html.index("Samaritans") < html.index("Welsh Language Line")
    open_now = section(html, "open-title", "later-title")
    later = section(html, "later-title")
    assert "Samaritans" in open_now and "Welsh Language Line" not in open_now
    assert "Welsh Language Line" in later
    assert "Closed now. Opens today at 7 p.m. (Europe/London time)" in later
    assert "7 p.m.–11 p.m." in later
    assert "Opening hours are in the helpline's own time: Europe/London (GMT)." in later


@time_machine.travel(EVENING, tick=False)
def test_in_the_evening_the_evening_line_is_open_now(client):
    evening_line("Welsh Language Line")

    html = html_of(client.get("/help/?country=GB"))

    open_now = section(html, "open-title")
    assert "Welsh Language Line" in open_now
    assert "Open now, until 11 p.m. today" in open_now
    assert 'id="later-title"' not in html


@time_machine.travel(MORNING, tick=False)
def test_open_lines_are_grouped_channel_by_channel(client):
    helpline = HelplineFactory(name="Many Ways")
    ChannelFactory(helpline=helpline, kind=Channel.Kind.PHONE, value="+448001111", position=0)
    ChannelFactory(helpline=helpline, kind=Channel.Kind.SMS, value="85258", label="Text SHOUT to 85258", position=1)
    ChannelFactory(
        helpline=helpline, kind=Channel.Kind.WEBCHAT, value="https://example.org/chat", label="Chat", position=2
    )

    html = html_of(client.get("/help/?country=GB"))

    call, text, chat = html.index(">Call now<"), html.index(">Text now<"), html.index(">Chat online now<")
    assert call < html.index('href="tel:08001111"') < text < html.index('href="sms:85258?&amp;body=SHOUT"') < chat
    assert html.index('href="https://example.org/chat"') > chat


def test_every_number_is_a_tel_or_sms_link(client):
    helpline = HelplineFactory(name="Links")
    ChannelFactory(helpline=helpline, kind=Channel.Kind.PHONE, value="116123")
    ChannelFactory(helpline=helpline, kind=Channel.Kind.SMS, value="+61477131114", label="")
    EmergencyNumberFactory(country="GB", number="999")

    html = html_of(client.get("/help/?country=GB"))

    assert '<a class="help-action help-action-call" href="tel:116123">Call 116 123</a>' in html
    assert 'href="sms:+61477131114"' in html  # a foreign mobile keeps its international form
    assert 'href="tel:999"' in html


@time_machine.travel(MORNING, tick=False)
def test_each_helpline_shows_when_it_was_last_checked(client):
    always_line("Checked Line", verified_on="2026-01-02")
    evening_line("Unchecked Line", verified_on=None)

    html = html_of(client.get("/help/?country=GB"))

    assert "Details checked on 2 January 2026" in section(html, "open-title", "later-title")
    assert "Details not yet checked by Hearten" in section(html, "later-title")


@time_machine.travel(MORNING, tick=False)
def test_opening_times_are_shown_in_the_viewers_zone_when_known(client):
    evening_line("Welsh Language Line")
    client.cookies["tz"] = "America%2FNew_York"  # as hearten.js writes it

    html = html_of(client.get("/help/?country=GB"))

    # 19:00 in London in January is 14:00 in New York; the weekly hours stay in London time.
    assert "Opens today at 2 p.m. (your time)" in html
    assert "7 p.m.–11 p.m." in html


def test_drafts_archived_lines_and_other_countries_are_not_listed(client):
    always_line("Published Line")
    always_line("Draft Line", status=PublicationStatus.DRAFT)
    always_line("Archived Line", status=PublicationStatus.ARCHIVED)
    always_line("Irish Line", country="IE")

    html = html_of(client.get("/help/?country=GB"))

    assert "Published Line" in html
    assert "Draft Line" not in html and "Archived Line" not in html and "Irish Line" not in html


def test_what_publishers_wrote_is_escaped(client):
    helpline = always_line("<script>alert('x')</script>")
    helpline.channels.update(label="<b>bold</b>")

    html = html_of(client.get("/help/?country=GB"))

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


# Filters


def test_the_topic_filter_includes_sub_topics(client):
    panic = Topic.objects.get(slug="panic")  # feelings > anxiety > panic
    tagged = always_line("Panic Line")
    tagged.topics.add(panic)
    sleep_line = always_line("Sleep Line")
    sleep_line.topics.add(Topic.objects.get(slug="sleep"))

    feelings = html_of(client.get("/help/?country=GB&topic=feelings"))
    anxiety = html_of(client.get("/help/?country=GB&topic=anxiety"))
    sleep = html_of(client.get("/help/?country=GB&topic=sleep"))

    assert "Panic Line" in feelings and "Sleep Line" not in feelings
    assert "Panic Line" in anxiety
    assert "Sleep Line" in sleep and "Panic Line" not in sleep


def test_the_audience_filter_and_a_way_back_when_nothing_matches(client):
    youth = always_line("Youth Line")
    youth.audiences.add(Audience.objects.get(slug="young-people"))
    always_line("Everyone Line")

    html = html_of(client.get("/help/?country=GB&audience=young-people"))
    empty = html_of(client.get("/help/?country=GB&audience=veterans"))

    assert "Youth Line" in html and "Everyone Line" not in html
    assert "No helpline in United Kingdom matches those choices." in empty
    assert 'href="?country=GB"' in empty


def test_a_topic_choice_says_so_at_the_top_with_a_way_to_see_every_line(client):
    shout = always_line("Shout")
    shout.topics.add(Topic.objects.get(slug="anxiety"))
    always_line("Samaritans")

    html = html_of(client.get("/help/?country=GB&topic=anxiety"))

    notice = html[html.index("data-filter-notice") :]
    notice = notice[: notice.index("</p>")]
    assert "Showing helplines for Anxiety." in notice
    assert 'href="?country=GB">Show all helplines</a>' in notice
    assert html.index("data-filter-notice") < html.index('id="open-title"')
    assert "Shout" in html and "Samaritans" not in html
    assert "other helpline" not in notice  # the one chosen is open: nothing more to say
    assert "data-filter-notice" not in html_of(client.get("/help/?country=GB"))


@time_machine.travel(MORNING, tick=False)
def test_when_no_chosen_line_is_open_it_says_how_many_others_are(client):
    evening = evening_line("Anxiety Evening Line")
    evening.topics.add(Topic.objects.get(slug="anxiety"))
    always_line("Samaritans")
    always_line("Mind")

    html = html_of(client.get("/help/?country=GB&topic=anxiety"))

    assert "None of these is open right now, but 2 other helplines in United Kingdom are." in html
    assert "Samaritans" not in html


def test_the_notice_counts_one_other_line_in_the_singular(client):
    closed = HelplineFactory(name="Closed Line")
    ChannelFactory(helpline=closed, always_open=False)  # no hours: never open
    closed.topics.add(Topic.objects.get(slug="anxiety"))
    always_line("Samaritans")

    html = html_of(client.get("/help/?country=GB&topic=anxiety"))

    assert "None of these is open right now, but 1 other helpline in United Kingdom is." in html


def test_without_an_emergency_number_it_does_not_offer_other_regions_numbers(client):
    always_line("Inochi no Denwa", country="JP")

    html = html_of(client.get("/help/?country=JP"))
    emergency = section(html, "emergency-title")
    emergency = emergency[: emergency.index("</section>")]

    assert "call your local emergency number now." in emergency
    for number in ("112", "911", "999", "000"):
        assert number not in emergency


def test_a_country_without_helplines_says_so_and_points_to_the_directory_not_an_empty_open_now(client):
    always_line("Samaritans")

    html = html_of(client.get("/help/?country=JP"))

    assert "Open right now" not in html
    assert 'id="open-title"' not in html
    assert "We don't list helplines in Japan yet." in html
    assert 'href="https://findahelpline.com/"' in html
    assert "Find a helpline in Japan on Find A Helpline" in html


def test_the_filters_are_a_plain_get_form(client):
    html = html_of(client.get("/help/?country=GB&topic=anxiety"))

    form = re.search(r'<form class="help-filters" method="get" action="/help/".*?</form>', html, re.S).group(0)
    assert 'name="country"' in form and 'name="topic"' in form and 'name="audience"' in form
    assert '<option value="anxiety" selected>' in form
    assert '<option value="GB"' in form


# Fast, and safe under the strict CSP, with no script needed


def make_lines(count: int):
    topic = Topic.objects.get(slug="anxiety")
    audience = Audience.objects.get(slug="young-people")
    for number in range(count):
        helpline = HelplineFactory(name=f"Line {number}")
        helpline.topics.add(topic)
        helpline.audiences.add(audience)
        helpline.languages.add("en")
        ChannelFactory(helpline=helpline, kind=Channel.Kind.PHONE, value="+448001111", always_open=True)
        night = ChannelFactory(helpline=helpline, kind=Channel.Kind.SMS, value="85258", always_open=False)
        OpeningHours.objects.bulk_create(
            [
                OpeningHours(channel=night, weekday=day, opens=time(22), closes=time(2), closes_next_day=True)
                for day in range(7)
            ]
        )


@pytest.mark.parametrize("count", [3, 15])
@time_machine.travel(MORNING, tick=False)  # the night lines are closed: the same cards whenever the suite runs
def test_the_page_costs_the_same_queries_whatever_the_number_of_helplines(client, django_assert_num_queries, count):
    EmergencyNumberFactory(country="GB")
    make_lines(count)

    # topics, audiences, covered countries, emergency number, helplines, channels, hours, audiences, languages, topics
    with django_assert_num_queries(10):
        response = client.get("/help/?country=GB&topic=feelings")

    assert response.content.decode().count('class="card help-card-line"') == count


def test_the_page_needs_no_script_and_nothing_the_csp_would_block(client):
    always_line("Samaritans")

    response = client.get("/help/?country=GB")

    found = scan(response)
    assert found.inline_scripts == [] and found.handlers == [] and found.inline_styles == []
    assert found.remote == []
    assert '<link rel="stylesheet" href="/static/css/help.css">' in response.content.decode()


def test_the_page_prints_without_the_site_chrome():
    stylesheet = (Path(settings.BASE_DIR) / "static" / "css" / "help.css").read_text()

    print_rules = stylesheet[stylesheet.index("@media print") :]
    assert ".safety-bar" in print_rules and ".site-header" in print_rules and ".help-choose" in print_rules
    assert 'content: " (" attr(href) ")"' in print_rules  # chat addresses are written out on paper


# A helpline's own page


def test_a_helplines_page_shows_every_channel_with_its_hours(client):
    helpline = evening_line("Welsh Language Line", description="Talk in Welsh.")

    html = html_of(client.get(f"/helplines/{helpline.slug}/"))

    assert "<h1>Welsh Language Line</h1>" in html
    assert 'href="tel:08081640123"' in html
    assert "Every day" in html and "7 p.m.–11 p.m." in html
    assert "Talk in Welsh." in html


def test_a_draft_is_seen_only_by_its_organisation(client):
    organisation = OrganisationFactory()
    helpline = always_line("Draft Line", organisation=organisation, status=PublicationStatus.DRAFT)

    assert client.get(f"/helplines/{helpline.slug}/").status_code == 404
    client.force_login(OrganisationMemberFactory(organisation=organisation).user)
    html = html_of(client.get(f"/helplines/{helpline.slug}/"))
    assert "This is a draft" in html
    assert f'action="/helplines/{helpline.slug}/publish/"' in html


# Publisher pages


@pytest.fixture
def publisher():
    organisation = OrganisationFactory(slug="night-owls", name="Night Owls")
    return OrganisationMemberFactory(organisation=organisation).user


def form_data(**overrides):
    data = {
        "organisation": "night-owls",
        "name": "Night Owls Line",
        "slug": "",
        "description": "We listen at night.",
        "country": "GB",
        "region": "",
        "time_zone": "Europe/London",
        "website": "https://example.org/",
        "source_url": "https://example.org/contact",
        "languages": "en, cy",
        "topics": [Topic.objects.get(slug="loneliness").pk],
        "audiences": [Audience.objects.get(slug="young-people").pk],
        "is_free": "on",
        "is_confidential": "on",
        "position": "100",
        "channels-TOTAL_FORMS": "1",
        "channels-INITIAL_FORMS": "0",
        "channels-MIN_NUM_FORMS": "0",
        "channels-MAX_NUM_FORMS": "20",
        "channels-0-id": "",
        "channels-0-kind": "phone",
        "channels-0-value": "0800 1111",
        "channels-0-label": "",
        "channels-0-hours-TOTAL_FORMS": "2",
        "channels-0-hours-INITIAL_FORMS": "0",
        "channels-0-hours-MIN_NUM_FORMS": "0",
        "channels-0-hours-MAX_NUM_FORMS": "50",
        "channels-0-hours-0-days": "weekdays",
        "channels-0-hours-0-opens": "22:00",
        "channels-0-hours-0-closes": "02:00",
        "channels-0-hours-0-closes_next_day": "on",
        "channels-0-hours-1-days": "",
        "channels-0-hours-1-opens": "",
        "channels-0-hours-1-closes": "",
    }
    data.update(overrides)
    return data


def test_a_publisher_adds_a_helpline_with_its_channels_and_hours(client, publisher):
    client.force_login(publisher)
    assert client.get("/helplines/new/").status_code == 200

    response = client.post("/helplines/new/", form_data(publish="1"))

    helpline = Helpline.objects.get(name="Night Owls Line")
    assert response.status_code == 302 and response.url == f"/helplines/{helpline.slug}/"
    assert helpline.status == PublicationStatus.PUBLISHED
    channel = helpline.channels.get()
    assert channel.value == "+448001111"
    assert sorted(channel.hours.values_list("weekday", flat=True)) == [0, 1, 2, 3, 4]
    assert set(channel.hours.values_list("opens", "closes", "closes_next_day")) == {(time(22), time(2), True)}
    assert sorted(helpline.languages.values_list("code", flat=True)) == ["cy", "en"]


def test_a_mistake_comes_back_on_its_field_and_nothing_is_saved(client, publisher):
    client.force_login(publisher)

    response = client.post(
        "/helplines/new/",
        form_data(**{"channels-0-value": "12", "channels-0-hours-0-closes_next_day": "", "time_zone": "Europe/London"}),
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "“12” is not a valid phone number in United Kingdom" in html
    assert "Row 1 (Monday 22:00–02:00) closes before it opens" in html
    assert not Helpline.objects.exists()


def test_a_publisher_edits_and_archives_their_helpline(client, publisher):
    client.force_login(publisher)
    client.post("/helplines/new/", form_data(publish="1"))
    helpline = Helpline.objects.get()
    channel = helpline.channels.get()

    edit_page = html_of(client.get(f"/helplines/{helpline.slug}/edit/"))
    assert 'value="weekdays" selected' in edit_page  # five rows shown as one "Monday to Friday" row

    data = form_data(
        name="Night Owls",
        **{
            "channels-INITIAL_FORMS": "1",
            "channels-0-id": str(channel.pk),
            "channels-0-value": "0800 58 58 58",
            "channels-0-hours-INITIAL_FORMS": "1",
        },
    )
    data.pop("organisation")
    data.pop("slug")
    response = client.post(f"/helplines/{helpline.slug}/edit/", data)

    assert response.status_code == 302
    helpline.refresh_from_db()
    assert helpline.name == "Night Owls"
    assert helpline.channels.get().pk == channel.pk
    assert helpline.channels.get().value == "+44800585858"

    client.post(f"/helplines/{helpline.slug}/archive/")
    helpline.refresh_from_db()
    assert helpline.status == PublicationStatus.ARCHIVED


def test_people_outside_a_verified_organisation_cannot_add_or_edit(client):
    helpline = always_line("Someone Else's")
    client.force_login(UserFactory())

    assert client.get("/helplines/new/").status_code == 403
    assert client.get(f"/helplines/{helpline.slug}/edit/").status_code == 403
    assert client.post(f"/helplines/{helpline.slug}/archive/").status_code == 403
    helpline.refresh_from_db()
    assert helpline.status == PublicationStatus.PUBLISHED


# The short panel other pages include


@time_machine.travel(MORNING, tick=False)
def test_the_crisis_panel_shows_the_emergency_number_then_lines_open_now_then_closed_ones():
    from django.template.loader import render_to_string

    from resources.selectors.help import crisis_panel

    EmergencyNumberFactory(country="GB", number="999")
    always_line("Samaritans")
    evening_line("Welsh Language Line")

    html = render_to_string("resources/partials/crisis_lines.html", {"panel": crisis_panel(country="GB")})

    assert 'href="tel:999"' in html
    assert 'href="tel:116123"' in html and "Samaritans" in html
    assert html.index('href="tel:999"') < html.index("Samaritans") < html.index("Welsh Language Line")
    assert "Closed now" in html[html.index("Welsh Language Line") :]
    assert 'href="/help/?country=GB"' in html


def test_junk_in_the_query_string_is_handled_calmly(client):
    response = client.get("/help/", {"country": "G\x00B" + "x" * 10000, "topic": "x" * 10000, "audience": "\x00"})

    assert response.status_code == 200
    assert "\x00" not in response.content.decode()
