"""Search at /resources/: ranking, websearch syntax, typo fallback, filters and facets, crisis help, bad input.

Runs on SQLite (FTS5) and on PostgreSQL (weighted tsvector + pg_trgm); the few tests about one engine's
structures say so. Resources are indexed with `index_resource` as the publishing services do.
"""

from datetime import time

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from resources.models import Area, Audience, EmergencyNumber, Language, PublicationStatus, Resource, Topic
from resources.search import index_resource, looks_like_crisis, reindex_all
from resources.selectors.search import search_resources
from tests.factories import ChannelFactory, HelplineFactory, OpeningHoursFactory, ResourceFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = "/resources/"


def make(
    title,
    *,
    summary="A short guide.",
    body="Some text.",
    topics=(),
    audiences=(),
    languages=("en",),
    areas=(),
    **fields,
):
    resource = ResourceFactory(title=title, summary=summary, body=body, **fields)
    resource.topics.set(Topic.objects.filter(slug__in=topics))
    resource.audiences.set(Audience.objects.filter(slug__in=audiences))
    resource.languages.set(Language.objects.filter(code__in=languages))
    resource.areas.set(Area.objects.filter(code__in=areas))
    index_resource(resource)
    return resource


def titles(result):
    return [r.title for r in result.resources]


def search(**kwargs):
    return search_resources(viewer=None, **kwargs)


def facet(result, name):
    return {value: count for value, _label, count in result.facets[name]}


# Ranking and query syntax


def test_a_match_in_the_title_ranks_above_one_only_in_the_body():
    body_only = make("Feeling low after school", body="Many people notice anxiety before tests.")
    in_title = make("Understanding anxiety", body="What this feeling is and what helps.")
    in_summary = make("Feeling on edge", summary="Anxiety and how to calm it.")

    result = search(query="anxiety")

    assert titles(result) == [in_title.title, in_summary.title, body_only.title]
    assert result.total == 3
    assert result.fuzzy is False


def test_topic_names_and_free_tags_are_searchable():
    tagged = make("Small steps", topics=["grief"])
    tagged.tags.add("bereavement")
    index_resource(tagged)
    make("Something else entirely")

    assert titles(search(query="grief")) == ["Small steps"]
    assert titles(search(query="bereavement")) == ["Small steps"]


def test_websearch_syntax_excludes_words_and_matches_quoted_phrases():
    make("Anxiety at school", body="Before an exam your heart races.")
    make("Anxiety at night", body="Lying awake with worry.")
    make("Panic attack first aid", body="Grounding for a panic attack.")
    make("Attack of the panic birds", body="A comic about panic and an attack of giggles.")

    assert titles(search(query="anxiety -exam")) == ["Anxiety at night"]
    assert titles(search(query='"panic attack"')) == ["Panic attack first aid"]
    assert set(titles(search(query="night or school"))) == {"Anxiety at night", "Anxiety at school"}
    assert titles(search(query="anxiety night")) == ["Anxiety at night"]


def test_excluding_a_word_keeps_the_ranking():
    make("Sleepless nights", body="Anxiety keeps you awake.")
    make("Anxiety explained", body="What it is.")
    make("Anxiety before an exam", body="Revision tips.")

    assert titles(search(query="anxiety -exam")) == ["Anxiety explained", "Sleepless nights"]


def test_a_query_that_only_excludes_finds_everything_else():
    make("Exam stress")
    make("Sleep well")
    assert titles(search(query="-exam")) == ["Sleep well"]


def test_words_differing_only_in_ending_match_through_stemming():
    make("Exam stress", body="Tips for exams.")
    assert titles(search(query="exams")) == ["Exam stress"]


@pytest.mark.parametrize(
    "query",
    ['"', '""', "NEAR(", "a AND", "OR", "NOT", "*", "(", ")", "col:val", "-", "^x", "'", "\\", '"self harm', "a:b*"],
)
def test_input_that_is_search_engine_syntax_never_breaks_the_page(client, query):
    make("Anxiety and you")
    response = client.get(URL, {"q": query})
    assert response.status_code == 200


def test_only_published_resources_are_found():
    make("Anxiety published")
    make("Anxiety draft", status=PublicationStatus.DRAFT)
    make("Anxiety archived", status=PublicationStatus.ARCHIVED)

    assert titles(search(query="anxiety")) == ["Anxiety published"]
    assert titles(search()) == ["Anxiety published"]


def test_the_index_follows_changes_to_a_resource():
    resource = make("Old title about sleep")
    resource.title = "Fresh title about dreams"
    resource.save()
    index_resource(resource)

    assert titles(search(query="dreams")) == ["Fresh title about dreams"]
    assert titles(search(query="sleep")) == []  # nor does the typo fallback bring it back for a different word


def test_reindex_all_and_the_command_rebuild_the_index():
    resource = make("Loneliness at university")
    Resource.objects.filter(pk=resource.pk).update(title="Making friends at university")  # bypasses the index

    assert reindex_all() == 1
    assert titles(search(query="friends")) == ["Making friends at university"]

    Resource.objects.filter(pk=resource.pk).update(title="Feeling alone at college")
    call_command("reindex_resources", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert titles(search(query="college")) == ["Feeling alone at college"]


# Typo fallback


def test_a_typo_finds_the_resource_through_similar_titles():
    make("Understanding anxiety")
    make("Sleep better tonight")

    result = search(query="anxeity")

    assert titles(result) == ["Understanding anxiety"]
    assert result.fuzzy is True
    assert result.total == 1


def test_the_typo_fallback_keeps_the_filters():
    make("Understanding anxiety", kind=Resource.Kind.ARTICLE)
    make("Anxiety explained in five minutes", kind=Resource.Kind.VIDEO)

    result = search(query="anxeity", kind=Resource.Kind.VIDEO)

    assert titles(result) == ["Anxiety explained in five minutes"]
    assert facet(result, "kind") == {"article": 1, "video": 1}


def test_nothing_close_finds_nothing():
    make("Understanding anxiety")
    result = search(query="xylophone")
    assert result.resources == [] and result.total == 0


def test_typo_page_shows_a_note(client):
    make("Understanding anxiety")
    response = client.get(URL, {"q": "anxeity"})
    assert "similar titles" in response.content.decode()
    assert "Understanding anxiety" in response.content.decode()


# Filters and facets


@pytest.fixture
def library():
    return {
        "anxiety_gb": make(
            "Anxiety at school", topics=["anxiety"], audiences=["students"], areas=["GB"], kind=Resource.Kind.ARTICLE
        ),
        "panic_ww": make(
            "Panic attack first aid",
            body="anxiety",
            topics=["panic"],
            audiences=["young-people"],
            areas=["WW"],
            kind=Resource.Kind.VIDEO,
        ),
        "both_topics": make(
            "Worry and panic", body="anxiety", topics=["anxiety", "panic"], areas=["US"], kind=Resource.Kind.ARTICLE
        ),
        "sleep_fr": make(
            "Dormir mieux", body="anxiety", topics=["sleep"], languages=["fr"], areas=["FR"], kind=Resource.Kind.APP
        ),
        "unrelated": make("Bullying online", topics=["bullying"], areas=["GB"]),
    }


def test_filters_combine_with_the_query(library):
    assert titles(search(query="anxiety", kind="video")) == ["Panic attack first aid"]
    assert titles(search(query="anxiety", audience="students")) == ["Anxiety at school"]
    assert titles(search(query="anxiety", language="fr")) == ["Dormir mieux"]
    assert titles(search(query="anxiety", kind="article", topic="anxiety")) == ["Anxiety at school", "Worry and panic"]


def test_a_topic_includes_its_sub_topics(library):
    # panic sits under anxiety, which sits under "feelings"
    assert set(titles(search(topic="anxiety"))) == {"Anxiety at school", "Panic attack first aid", "Worry and panic"}
    assert set(titles(search(topic="feelings"))) == {"Anxiety at school", "Panic attack first aid", "Worry and panic"}
    assert set(titles(search(topic="panic"))) == {"Panic attack first aid", "Worry and panic"}


def test_a_country_also_finds_worldwide_resources(library):
    assert set(titles(search(country="GB"))) == {"Anxiety at school", "Bullying online", "Panic attack first aid"}
    assert set(titles(search(country="jp"))) == {"Panic attack first aid"}  # lower case is fine
    assert titles(search(country="WW")) == ["Panic attack first aid"]


def test_facets_count_the_query_and_the_other_filters(library):
    result = search(query="anxiety", country="GB")

    assert set(titles(result)) == {"Anxiety at school", "Panic attack first aid"}
    assert result.total == 2
    assert facet(result, "kind") == {"article": 1, "video": 1}
    # a topic counts its sub-topics' resources, each resource once
    assert facet(result, "topic") == {"feelings": 2, "anxiety": 2, "panic": 1}
    assert facet(result, "audience") == {"students": 1, "young-people": 1}
    assert facet(result, "language") == {"en": 2}
    # the country facet ignores the country filter; a country counts its own and the worldwide resources
    assert facet(result, "country") == {"GB": 2, "US": 2, "FR": 2, "WW": 1}


def test_a_facet_ignores_its_own_filter_but_not_the_others(library):
    result = search(query="anxiety", kind="article")

    assert facet(result, "kind") == {"article": 2, "video": 1, "app": 1}
    assert result.total == 2
    assert facet(result, "topic") == {"feelings": 2, "anxiety": 2, "panic": 1}
    assert facet(result, "country") == {"GB": 1, "US": 1}


def test_a_chosen_filter_with_no_results_stays_selectable(client, library):
    response = client.get(URL, {"q": "anxiety", "kind": "toolkit"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<option value="toolkit" selected>' in html
    assert "0 resources" in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("country", "ZZ", "is not a two-letter country code"),
        ("country", "GBR", "is not a two-letter country code"),
        ("kind", "podcast", "is not a kind of resource"),
        ("topic", "no-such-topic", "There is no topic"),
        ("audience", "martians", "There is no audience"),
        ("language", "xx", "is not a two-letter language code"),
    ],
)
def test_unknown_filter_values_get_a_specific_error(client, field, value, message):
    with pytest.raises(ValidationError) as raised:
        search(**{field: value})
    assert field in raised.value.error_dict

    response = client.get(URL, {"q": "anxiety", field: value})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'value="anxiety"' in html  # the form is kept


def test_the_page_shows_results_filters_and_counts(client, library):
    response = client.get(URL, {"q": "anxiety"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "4 resources for “anxiety”" in html
    assert "Anxiety at school" in html and library["anxiety_gb"].organisation.name in html
    assert "Toolkit" not in html.split('id="filter-kind"')[1].split("</select>")[0]  # no empty kinds offered
    assert "Video (1)" in html
    assert "Panic attacks (2)" in html
    assert 'href="/static/css/search.css"' in html or "search.css" in html
    assert reverse("resources:resource_detail", args=[library["anxiety_gb"].slug]) in html


def test_everything_on_the_page_is_escaped(client):
    make("<script>alert(1)</script> anxiety", summary="<b>bold</b>")
    response = client.get(URL, {"q": "<img src=x onerror=alert(1)> anxiety"})
    html = response.content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert "<b>bold</b>" not in html


def test_no_inline_scripts_or_styles(client):
    make("Understanding anxiety")
    html = client.get(URL, {"q": "suicide"}).content.decode()
    assert "<script>" not in html
    assert "<style" not in html
    assert " style=" not in html
    assert " onclick=" not in html


def test_pages_of_results(client):
    for n in range(25):
        make(f"Anxiety tip {n:02d}")
    first = client.get(URL, {"q": "anxiety"}).content.decode()
    second = client.get(URL, {"q": "anxiety", "page": 2}).content.decode()

    assert "Page 1 of 2" in first and "page=2" in first
    assert first.count('class="result card"') == 20
    assert second.count('class="result card"') == 5


def test_a_page_past_the_last_shows_the_last_page(client):
    for n in range(45):
        make(f"Anxiety tip {n:02d}")
    html = client.get(URL, {"q": "anxiety", "page": 99}).content.decode()

    assert "Nothing found" not in html
    assert "Page 99" not in html
    assert "Page 3 of 3" in html
    assert html.count('class="result card"') == 5
    assert "page=2" in html  # "Previous" goes to the page before the last


def test_a_page_past_the_end_of_no_results_is_page_one(client):
    html = client.get(URL, {"q": "anxiety", "page": 7}).content.decode()
    assert "Nothing found" in html
    assert "Page 7" not in html


# Crisis help


CRISIS_QUERIES = [
    "suicide",
    "suicidal thoughts",
    "self-harm",
    "self harm",
    "selfharm",
    "kill myself",
    "I want to die",
    "s3lf h4rm",
    "su1c1de",
    "s e l f harm",
    "s.u.i.c.i.d.e",
    "unalive",
    "unaliving myself",
    "kms",
    "KYS",
    "sewer slide",
    "wanna die",
    "want 2 die",
    "k1ll mys3lf",
    "kiiiill my self",
    "sucide",
    "suicde",
    "$uicide",
    "self h@rm",
    "sélf-hârm",
    "ѕuicide",  # a Cyrillic ѕ
    "end my life",
    "don't want to live",
    "better off dead",
    "how to stop cutting myself",
]
ORDINARY_QUERIES = [
    "skill",
    "therapist",
    "skills for anxiety",
    "I want to diet",
    "self care",
    "analysis",
    "killer whale",
    "harmony",
    "exam stress",
    "5 kms run",
]


@pytest.mark.parametrize("query", CRISIS_QUERIES)
def test_crisis_words_and_their_evasive_spellings_are_recognised(query):
    assert looks_like_crisis(query)
    assert search(query=query).crisis is True


@pytest.mark.parametrize("query", ORDINARY_QUERIES)
def test_ordinary_words_are_not_taken_for_crisis(query):
    assert not looks_like_crisis(query)
    assert search(query=query).crisis is False


def test_a_crisis_search_in_words_the_index_cannot_read_finds_the_crisis_resources(client):
    make("Getting through tough nights", topics=["self-harm"], body="Ways to stay safe.")
    make("Talking about how you feel", topics=["suicide-prevention"])
    make("Understanding anxiety", topics=["anxiety"])

    result = search(query="s3lf h4rm")

    assert result.crisis is True
    assert result.fallback == "crisis" and result.fuzzy is False
    assert titles(result) == ["Getting through tough nights", "Talking about how you feel"]
    assert "our resources on suicide prevention and self-harm" in client.get(URL, {"q": "kms"}).content.decode()


@pytest.fixture
def gb_helplines():
    samaritans = HelplineFactory(name="Samaritans", country="GB", position=1)
    ChannelFactory(helpline=samaritans, kind="phone", value="+448081640123", label="Free from any phone")
    ChannelFactory(helpline=samaritans, kind="email", value="jo@samaritans.org")
    shout = HelplineFactory(name="Shout", country="GB", position=2)
    ChannelFactory(helpline=shout, kind="sms", value="85258", label="Text SHOUT to 85258")
    EmergencyNumber.objects.create(country="GB", number="999")
    lifeline = HelplineFactory(name="988 Lifeline", country="US")
    ChannelFactory(helpline=lifeline, kind="phone", value="988")
    hidden = HelplineFactory(name="Draft line", country="GB", status=PublicationStatus.DRAFT)
    ChannelFactory(helpline=hidden, kind="phone", value="+441234567890")
    return samaritans


@pytest.mark.parametrize("query", ["suicide", "s3lf h4rm", "unalive", "kms"])
def test_a_crisis_search_shows_the_countrys_helplines_above_the_results(client, gb_helplines, query):
    make("Coping with self-harm urges", topics=["self-harm"], body="suicide unalive kms")

    response = client.get(URL, {"q": query, "country": "GB"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "data-crisis-help" in html
    assert html.index("data-crisis-help") < html.index('class="search-results"')
    # Links from the Get help page's own pieces: a free number dialled as people in the country dial it,
    # and a text line's keyword on its button and in the message body.
    assert 'href="tel:08081640123"' in html and "Call 0808 164 0123" in html and "Free from any phone" in html
    assert "mailto:" not in html  # too slow for a crisis
    assert 'href="sms:85258?&amp;body=SHOUT"' in html and "Text SHOUT to 85258" in html
    assert 'href="tel:999"' in html
    assert html.index('href="tel:999"') < html.index("Samaritans") < html.index("Shout")
    assert "988 Lifeline" not in html
    assert "Draft line" not in html


def test_the_crisis_panel_uses_the_members_country_then_the_browsers_language(client, gb_helplines):
    member = UserFactory(country="US")
    client.force_login(member)
    html = client.get(URL, {"q": "suicide"}).content.decode()
    assert "988 Lifeline" in html and "Samaritans" not in html
    client.logout()

    html = client.get(URL, {"q": "suicide"}, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8").content.decode()
    assert "Samaritans" in html and "988 Lifeline" not in html

    html = client.get(URL, {"q": "suicide"}).content.decode()  # nothing to go on: still a way to help
    assert "data-crisis-help" in html and 'href="/help/"' in html


@time_machine.travel("2026-01-14 10:00:00+00:00", tick=False)
def test_the_crisis_panel_puts_open_lines_first_and_marks_closed_ones(client, gb_helplines):
    evening = HelplineFactory(name="Evening Line", country="GB", position=0)
    channel = ChannelFactory(helpline=evening, kind="phone", value="+441234567891", always_open=False)
    for day in range(7):
        OpeningHoursFactory(channel=channel, weekday=day, opens=time(19), closes=time(23))

    html = client.get(URL, {"q": "kill myself", "country": "GB"}).content.decode()
    panel = html[html.index("data-crisis-help") : html.index("</section>", html.index("data-crisis-help"))]

    assert panel.index('href="tel:999"') < panel.index("Samaritans") < panel.index("Shout")
    # Listed first among the country's lines, but closed at 10:00: after the open ones, and said so.
    assert panel.index("Shout") < panel.index("Evening Line")
    assert "Closed now" in panel[panel.index("Evening Line") :]
    assert "opens today at 7" in panel


def test_a_country_without_helplines_still_points_to_help(client, gb_helplines):
    html = client.get(URL, {"q": "suicide", "country": "JP"}).content.decode()
    assert "data-crisis-help" in html
    assert "findahelpline.com" in html
    assert "/help/?country=JP" in html


@pytest.mark.parametrize("query", ["skill", "therapist", "anxiety"])
def test_no_crisis_panel_for_ordinary_searches(client, gb_helplines, query):
    make("Build a skill with a therapist to handle anxiety")
    html = client.get(URL, {"q": query, "country": "GB"}).content.decode()
    assert "data-crisis-help" not in html
    assert "Samaritans" not in html


# Bad input


def test_a_query_of_10000_characters_gets_a_400_with_the_reason_and_the_form_kept(client):
    response = client.get(URL, {"q": "a" * 10_000})
    html = response.content.decode()

    assert response.status_code == 400
    assert "Please shorten your search to 200 characters or fewer (it has 10000)." in html
    assert 'id="search-q"' in html and "a" * 10_000 in html
    assert 'aria-invalid="true"' in html


def test_a_query_with_nul_bytes_gets_a_400_with_the_reason(client):
    response = client.get(URL, {"q": "anx\x00iety"})
    html = response.content.decode()

    assert response.status_code == 400
    assert "hidden control character (NUL)" in html
    assert 'value="anxiety"' in html
    assert "\x00" not in html


def test_a_refused_query_that_suggests_crisis_still_shows_help(client, gb_helplines):
    response = client.get(URL, {"q": "I want to die " * 100, "country": "GB"})
    assert response.status_code == 400
    assert "data-crisis-help" in response.content.decode()
    assert 'href="tel:08081640123"' in response.content.decode()


def test_the_selector_refuses_long_queries_and_strips_nul_bytes():
    make("Understanding anxiety")
    with pytest.raises(ValidationError) as raised:
        search(query="x" * 201)
    assert list(raised.value.error_dict) == ["q"]
    assert "200 characters" in raised.value.error_dict["q"][0].messages[0]

    result = search(query="anx\x00iety")
    assert result.query == "anxiety"
    assert titles(result) == ["Understanding anxiety"]


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999999999999999999"])
def test_a_bad_page_number_is_a_400_not_a_500(client, page):
    response = client.get(URL, {"q": "anxiety", "page": page})
    assert response.status_code == 400
    assert "There is no such page of results" in response.content.decode()


# Doors into search


def test_the_old_search_address_redirects_permanently_keeping_the_query(client):
    response = client.get("/search/?q=exam+stress")
    assert response.status_code == 301
    assert response["Location"] == "/resources/?q=exam+stress"


def test_the_header_search_box_searches_resources(client):
    html = client.get("/").content.decode()
    assert 'action="/resources/"' in html


# Queries: the same number whatever the number of results


def _many(count):
    for n in range(count):
        make(f"Anxiety guide {n}", topics=["anxiety", "sleep"], audiences=["students"], areas=["GB", "WW"])


# topics, results, their topics, and the kind, topic, audience, language and country facets
QUERIES_FOR_A_SEARCH = 8


@pytest.mark.parametrize("count", [3, 30])
def test_a_search_runs_a_fixed_number_of_queries(django_assert_num_queries, count):
    _many(count)
    with django_assert_num_queries(QUERIES_FOR_A_SEARCH):
        result = search(query="anxiety", country="GB", topic="feelings")
        assert len(result.resources) == count
        assert all(r.organisation.name and list(r.topics.all()) for r in result.resources)


@pytest.mark.parametrize("count", [3, 30])
def test_the_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    _many(count)
    with django_assert_num_queries(QUERIES_FOR_A_SEARCH):
        response = client.get(URL, {"q": "anxiety", "kind": "article"})
    assert response.content.decode().count('class="result card"') == min(count, 20)


@pytest.mark.parametrize("count", [3, 30])
def test_the_crisis_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    _many(count)
    for n in range(count):
        line = HelplineFactory(name=f"Line {n}", country="GB")
        ChannelFactory(helpline=line)
        ChannelFactory(helpline=line, kind="sms", value="85258")
    EmergencyNumber.objects.create(country="GB", number="999")
    # the search, then the Get help page's crisis panel: the helplines (with their organisation), their
    # channels, the channels' opening hours (to put open lines first and mark closed ones) and the emergency
    # number. One more than the old panel, which didn't know which lines were open.
    with django_assert_num_queries(QUERIES_FOR_A_SEARCH + 4):
        response = client.get(URL, {"q": "suicide or anxiety", "country": "GB"})
    assert "data-crisis-help" in response.content.decode()


def test_the_typo_fallback_runs_a_fixed_number_of_queries(django_assert_num_queries):
    from django.test.utils import CaptureQueriesContext

    counts = []
    for count in (3, 30):
        Resource.objects.all().delete()
        _many(count)
        with CaptureQueriesContext(connection) as captured:
            result = search(query="anxeity")
        assert result.fuzzy and len(result.resources) == count
        counts.append(len(captured))
    assert counts[0] == counts[1]


# The structures of each database


@pytest.mark.postgres
def test_postgres_has_the_gin_indexes_and_a_weighted_vector():
    resource = make("Understanding anxiety", summary="Calm steps", body="Breathing", topics=["sleep"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'resources_resource'")
        indexes = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT search_vector::text FROM resources_resource WHERE id = %s", [resource.pk])
        vector = cursor.fetchone()[0]
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone()
    assert {"resources_resource_search_gin", "resources_resource_title_trgm"} <= indexes
    assert "'anxieti':2A" in vector and "'calm':3B" in vector and "'breath':5C" in vector and "'sleep':6C" in vector


@pytest.mark.postgres
def test_postgres_websearch_understands_or_and_negated_phrases():
    make("Anxiety at school", body="exam nerves")
    make("Anxiety at night", body="lying awake")
    assert titles(search(query='anxiety -"exam nerves"')) == ["Anxiety at night"]


def test_sqlite_keeps_an_fts5_row_per_resource_and_drops_it_on_delete():
    if connection.vendor != "sqlite":
        pytest.skip("the FTS5 table exists only on SQLite; PostgreSQL stores the vector on the row")
    resource = make("Understanding anxiety", topics=["sleep"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT title, topics FROM resources_resource_fts WHERE rowid = %s", [resource.pk])
        assert cursor.fetchone() == ("Understanding anxiety", "Sleep")
        resource.delete()
        cursor.execute("SELECT count(*) FROM resources_resource_fts WHERE rowid = %s", [resource.pk])
        assert cursor.fetchone() == (0,)
