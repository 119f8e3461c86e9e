"""Full-text search over resources, with filters and facet counts.

One selector for the page at /resources/ and the API's resource list. Whatever the number of results it
runs the same queries: the topic tree, the page of results (and their topics), one count per facet. When
full text finds nothing, the page runs again through a fallback: for a search that suggests crisis, the
library's suicide-prevention and self-harm resources; else titles within a typo or two of the words.
"""

import contextlib
from dataclasses import dataclass, field

from django.conf.locale import LANG_INFO
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, F, FloatField, Func, Prefetch, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.lookups import GreaterThanOrEqual
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django_countries import countries

from ..models import WORLDWIDE, Audience, Resource, Topic
from ..search import (
    SEARCH_CONFIG,
    TRIGRAM_THRESHOLD,
    fts5_exclusions,
    fts5_expression,
    fuzzy_words,
    looks_like_crisis,
    without_exclusions,
    word_similarity,
    words_of,
)
from .topics import TopicTree

MAX_QUERY_LENGTH = 200
_FTS_MATCHING = "SELECT rowid FROM resources_resource_fts WHERE resources_resource_fts MATCH %s"
# bm25 weights of the FTS5 columns title, summary, body, topics: title > summary > body, as on PostgreSQL.
# bm25 is better when lower; negated, a higher rank is better, as with SearchRank.
_FTS_RANK = (
    "SELECT -bm25(resources_resource_fts, 10.0, 4.0, 1.0, 1.0) FROM resources_resource_fts "
    "WHERE resources_resource_fts MATCH %s AND resources_resource_fts.rowid = resources_resource.id"
)
FACETS = ("kind", "topic", "audience", "language", "country")
CRISIS_TOPICS = ("suicide-prevention", "self-harm")


@dataclass
class SearchResult:
    resources: list
    facets: dict = field(default_factory=dict)  # {"kind": [(value, label, count)], "topic": [...], ...}
    crisis: bool = False  # the query looks like someone may be in crisis: show helplines first
    total: int = 0
    fuzzy: bool = False  # full text found nothing; these are titles close to the words (typos)
    query: str = ""  # the query as searched (NUL bytes removed, trimmed)
    topic_depth: dict = field(default_factory=dict)  # topic slug -> depth in the tree (0 for a top topic)
    fallback: str = ""  # why these results when full text found nothing: "typo" (similar titles) or "crisis"


def clean_query(query: str) -> str:
    """The query without NUL bytes and surrounding space; too long a query is refused, naming the field."""
    query = (query or "").replace("\x00", "").strip()
    if len(query) > MAX_QUERY_LENGTH:
        raise ValidationError(
            {
                "q": ValidationError(
                    _("Please shorten your search to %(limit)d characters or fewer (it has %(length)d)."),
                    code="max_length",
                    params={"limit": MAX_QUERY_LENGTH, "length": len(query)},
                )
            }
        )
    return query


def search_resources(
    *,
    viewer,
    query: str = "",
    kind: str = "",
    topic: str = "",
    audience: str = "",
    language: str = "",
    country: str = "",
    limit: int = 50,
    offset: int = 0,
    prefetch: tuple = (),
) -> SearchResult:
    """Published resources matching the query and filters, best first, with facet counts.

    `prefetch` adds lookups to prefetch on the page of results (an API serializer's needs). Raises
    ValidationError naming the field ("q", "kind", "topic", "audience", "language", "country") on bad input.
    """
    query = clean_query(query)
    tree = TopicTree(Topic.objects.only("pk", "slug", "name", "parent_id", "position"))
    filters = _Filters.checked(tree=tree, kind=kind, topic=topic, audience=audience, language=language, country=country)
    published = Resource.objects.published()
    window = slice(max(0, int(offset)), max(0, int(offset)) + max(0, int(limit)))
    related = [Prefetch("topics", queryset=Topic.objects.only("pk", "slug", "name", "parent_id", "position"))]
    related += list(prefetch)

    crisis = looks_like_crisis(query)
    match = _Match.full_text(query)
    page = _page(filters.apply(published.filter(match.condition)), match, window, related)
    facets, fallback = None, ""
    nothing_found = not page and bool(match.words)
    if nothing_found and window.start:  # a later page may be empty only because the results ended
        nothing_found = not filters.apply(published.filter(match.condition)).exists()
    if nothing_found:
        # Someone in crisis first gets the library's crisis resources; anyone else, titles close to their words.
        candidates = [("crisis", _Match.crisis_topics(tree) if crisis else None), ("typo", _Match.typo(query))]
        for name, candidate in candidates:
            if candidate is None:
                continue
            with candidate.scope():
                found_qs = filters.apply(published.filter(candidate.condition))
                found = _page(found_qs, candidate, window, related)
                if found or (window.start and found_qs.exists()):
                    facets = _facets(published.filter(candidate.condition), filters, tree)
                    page, match, fallback = found, candidate, name
                    break
    if facets is None:
        facets = _facets(published.filter(match.condition), filters, tree)
    return SearchResult(
        resources=page,
        facets=facets,
        crisis=crisis,
        total=_total(facets["kind"], filters.kind),
        fuzzy=fallback == "typo",
        query=query,
        topic_depth={t.slug: tree.depth(t) for t in tree.topics},
        fallback=fallback,
    )


def _page(resources, match, window: slice, related: list) -> list:
    if match.rank is not None:
        resources = resources.annotate(rank=match.rank).order_by("-rank", "title", "pk")
    else:
        resources = resources.order_by("title", "pk")
    return list(resources.select_related("organisation").prefetch_related(*related)[window])


def _total(kind_facet, kind) -> int:
    # Every resource has exactly one kind, so the kind facet (counted without the kind filter) sums to the total.
    return sum(count for value, _label, count in kind_facet if not kind or value == kind)


class _Match:
    """The text condition of a search and its rank, in the database's own full-text engine."""

    def __init__(self, condition=None, rank=None, words: str = "", scope=contextlib.nullcontext):
        self.condition = Q() if condition is None else condition
        self.rank, self.words, self.scope = rank, words, scope

    @classmethod
    def full_text(cls, query: str) -> "_Match":
        if not words_of(query):
            return cls()  # nothing to search for: every published resource, by title
        vendor = connection.vendor
        if vendor == "postgresql":
            search = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
            # ts_rank scores any query with a negation as 1e-20: rank by what the reader asked for.
            wanted = SearchQuery(without_exclusions(query), search_type="websearch", config=SEARCH_CONFIG)
            return cls(Q(search_vector=search), SearchRank(F("search_vector"), wanted), query)
        if vendor == "sqlite":
            expression = fts5_expression(query)
            if expression is None:
                # Only exclusions (`-exam`): everything without them, as PostgreSQL's websearch does.
                excluded = fts5_exclusions(query)
                if excluded is None:
                    return cls(Q(pk__in=[]), None, query)
                return cls(~Q(pk__in=RawSQL(_FTS_MATCHING, [excluded])), None, query)  # noqa: S611
            matching = RawSQL(_FTS_MATCHING, [expression])  # noqa: S611 (a constant; the words are a parameter)
            rank = RawSQL(_FTS_RANK, [expression], output_field=FloatField())  # noqa: S611 (likewise)
            return cls(Q(pk__in=matching), rank, query)
        words = Q()
        for word in words_of(query):
            words &= Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
        return cls(words, None, query)

    @classmethod
    def crisis_topics(cls, tree: TopicTree) -> "_Match | None":
        """The resources on suicide prevention and self-harm, for a crisis search in words full text can't read."""
        ids = set().union(*(tree.subtree_ids(slug) for slug in CRISIS_TOPICS))
        if not ids:
            return None
        return cls(Q(pk__in=Resource.topics.through.objects.filter(topic_id__in=ids).values("resource_id")))

    @classmethod
    def typo(cls, query: str) -> "_Match | None":
        """Titles with a stretch close to the query's words (pg_trgm word similarity), closest first."""
        words = fuzzy_words(query)
        if not words:
            return None
        if connection.vendor == "postgresql":
            # `title %> words` can use the trigram GIN index; its threshold is set inside the scope.
            return cls(Q(title__trigram_word_similar=words), TrigramWordSimilarity(words, "title"), words, _pg_trigram)
        if connection.vendor == "sqlite":
            similarity = _WordSimilarity(Value(words), F("title"))
            return cls(GreaterThanOrEqual(similarity, TRIGRAM_THRESHOLD), similarity, words, _sqlite_trigram)
        return None


@contextlib.contextmanager
def _pg_trigram():
    """A transaction whose word-similarity threshold is ours; it ends with the transaction."""
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)", [str(TRIGRAM_THRESHOLD)])
        yield


@contextlib.contextmanager
def _sqlite_trigram():
    connection.ensure_connection()
    connection.connection.create_function("hearten_word_similarity", 2, word_similarity, deterministic=True)
    yield


class _WordSimilarity(Func):
    """pg_trgm's word_similarity on SQLite, through a Python function registered on the connection."""

    function = "hearten_word_similarity"
    output_field = FloatField()


class _Filters:
    """The reader's filters, checked; each one narrows the resources without joining rows into duplicates."""

    def __init__(self, *, kind, topic_ids, topic, audience, language, country):
        self.kind, self.topic_ids, self.topic = kind, topic_ids, topic
        self.audience, self.language, self.country = audience, language, country

    @classmethod
    def checked(cls, *, tree: TopicTree, kind, topic, audience, language, country) -> "_Filters":
        errors = {}
        kind, topic, audience = (kind or "").strip(), (topic or "").strip(), (audience or "").strip()
        language, country = (language or "").strip().lower(), (country or "").strip().upper()
        if kind and kind not in Resource.Kind.values:
            errors["kind"] = _("“%(value)s” is not a kind of resource.") % {"value": kind[:40]}
        topic_ids = []
        if topic:
            if tree.get(topic) is None:
                errors["topic"] = _("There is no topic “%(value)s”.") % {"value": topic[:40]}
            else:
                topic_ids = tree.subtree_ids(topic)
        if audience and not Audience.objects.filter(slug=audience).exists():
            errors["audience"] = _("There is no audience “%(value)s”.") % {"value": audience[:40]}
        if language and (len(language) != 2 or language not in LANG_INFO):
            errors["language"] = _("“%(value)s” is not a two-letter language code (ISO 639-1).") % {
                "value": language[:40]
            }
        if country and country != WORLDWIDE and country not in countries:
            errors["country"] = _("“%(value)s” is not a two-letter country code (ISO 3166-1).") % {
                "value": country[:40]
            }
        if errors:
            raise ValidationError(errors)
        return cls(kind=kind, topic_ids=topic_ids, topic=topic, audience=audience, language=language, country=country)

    def apply(self, resources, *, skip: str = ""):
        """The resources narrowed by every filter but `skip` (a facet counts without its own filter)."""
        if self.kind and skip != "kind":
            resources = resources.filter(kind=self.kind)
        if self.topic and skip != "topic":
            tagged = Resource.topics.through.objects.filter(topic_id__in=self.topic_ids)
            resources = resources.filter(pk__in=tagged.values("resource_id"))
        if self.audience and skip != "audience":
            meant_for = Resource.audiences.through.objects.filter(audience__slug=self.audience)
            resources = resources.filter(pk__in=meant_for.values("resource_id"))
        if self.language and skip != "language":
            written_in = Resource.languages.through.objects.filter(language_id=self.language)
            resources = resources.filter(pk__in=written_in.values("resource_id"))
        if self.country and skip != "country":
            # A worldwide resource serves every country.
            served = Resource.areas.through.objects.filter(area_id__in={self.country, WORLDWIDE})
            resources = resources.filter(pk__in=served.values("resource_id"))
        return resources


def _facets(matched, filters: _Filters, tree: TopicTree) -> dict:
    """Counts for each facet value, over the query and every other filter (5 queries)."""
    kinds = dict(filters.apply(matched, skip="kind").values_list("kind").annotate(n=Count("pk")).order_by())
    facets = {"kind": [(value, label, kinds[value]) for value, label in Resource.Kind.choices if kinds.get(value)]}

    # A topic counts its sub-topics' resources too, each resource once, as the topic filter does.
    in_topic = filters.apply(matched, skip="topic")
    counts = (
        in_topic.aggregate(
            **{f"t{t.pk}": Count("pk", distinct=True, filter=Q(topics__in=tree.subtree_ids(t))) for t in tree.topics}
        )
        if tree.topics
        else {}
    )
    facets["topic"] = [(t.slug, t.name, counts[f"t{t.pk}"]) for t in tree.ordered() if counts.get(f"t{t.pk}")]

    facets["audience"] = _m2m_facet(filters.apply(matched, skip="audience"), "audiences", "slug", "position")
    facets["language"] = [
        (code, _language_name(code, name), n)
        for code, name, n in _m2m_facet(filters.apply(matched, skip="language"), "languages", "code", "name")
    ]

    # Choosing a country also finds worldwide resources, so its count is |country ∪ worldwide|.
    worldwide = Resource.areas.through.objects.filter(area_id=WORLDWIDE).values("resource_id")
    rows = list(
        filters.apply(matched, skip="country")
        .filter(areas__isnull=False)
        .values_list("areas__code", "areas__name")
        .annotate(n=Count("pk"), both=Count("pk", filter=Q(pk__in=worldwide)))
        .order_by("areas__name")
    )
    everywhere = next((n for code, _name, n, _both in rows if code == WORLDWIDE), 0)
    facets["country"] = sorted(
        ((code, area_name(code), n if code == WORLDWIDE else n + everywhere - both) for code, _name, n, both in rows),
        key=lambda row: (row[0] != WORLDWIDE, row[1]),
    )
    return facets


def _m2m_facet(resources, relation: str, key: str, order: str) -> list:
    rows = (
        resources.filter(**{f"{relation}__isnull": False})
        .values_list(f"{relation}__{key}", f"{relation}__name")
        .annotate(n=Count("pk"))
        .order_by(f"{relation}__{order}", f"{relation}__name")
    )
    return [(value, name, n) for value, name, n in rows]


def _language_name(code: str, name: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return name


def area_name(code: str) -> str:
    """The display name of a country filter value, without a query."""
    if code == WORLDWIDE:
        return _("Worldwide")
    return str(countries.name(code)) if code in countries else code
