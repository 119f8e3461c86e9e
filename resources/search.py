"""The search index of resources, and how a reader's search words are read.

PostgreSQL keeps a stored, weighted tsvector on each resource (title A, summary B, body + topics + tags C)
behind a GIN index; SQLite keeps the same text in an FTS5 table (migration 0003). Services call
`index_resource` after every change to a resource (text, topics or tags); `reindex_all` (and the
`reindex_resources` command) rebuilds everything.

Search words are never trusted: `fts5_expression` turns them into an FTS5 query built only from quoted
word tokens, so FTS5 syntax errors cannot happen; `looks_like_crisis` recognises a reader who may be in
crisis, including the spellings people use to get past filters.
"""

import re
from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Value

from moderation.services import is_crisis_search

from .models import Resource

SEARCH_CONFIG = "english"  # the text-search configuration of the stored vector and of every query
FTS_TABLE = "resources_resource_fts"
TRIGRAM_THRESHOLD = 0.3  # word similarity a title needs to count as a typo of the query (pg_trgm's default)


# Keeping the index up to date


def index_resource(resource) -> None:
    """Bring the search index of one resource up to date, from what the database holds now."""
    _index([resource.pk])


def index_resources(resources) -> None:
    """The same for many resources (instances or ids) at once, e.g. every resource of a renamed topic."""
    ids = [getattr(resource, "pk", resource) for resource in resources]
    if ids:
        _index(ids)


def reindex_all(*, batch_size: int = 500) -> int:
    """Rebuild the whole index; returns how many resources were indexed."""
    ids = list(Resource.objects.order_by("pk").values_list("pk", flat=True))
    with transaction.atomic():
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608 (a constant)
        for start in range(0, len(ids), batch_size):
            _index(ids[start : start + batch_size])
    return len(ids)


def _index(ids: list[int]) -> None:
    extra = _topic_and_tag_text(ids)
    if connection.vendor == "postgresql":
        for pk in ids:
            Resource.objects.filter(pk=pk).update(
                search_vector=SearchVector("title", weight="A", config=SEARCH_CONFIG)
                + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
                + SearchVector("body", Value(extra.get(pk, "")), weight="C", config=SEARCH_CONFIG)
            )
    elif connection.vendor == "sqlite":
        placeholders = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({placeholders})", ids)  # noqa: S608
            # Reading the text back from the table means a stale instance can never be indexed.
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body, topics) "  # noqa: S608
                "SELECT id, title, summary, body, %s FROM resources_resource WHERE id = %s",
                [(extra.get(pk, ""), pk) for pk in ids],
            )


def _topic_and_tag_text(ids: list[int]) -> dict[int, str]:
    """Topic names and free tags of each resource, as one string (2 queries whatever the number)."""
    from taggit.models import TaggedItem

    words: dict[int, list[str]] = defaultdict(list)
    for pk, name in Resource.topics.through.objects.filter(resource_id__in=ids).values_list(
        "resource_id", "topic__name"
    ):
        words[pk].append(name)
    content_type = ContentType.objects.get_for_model(Resource)
    for pk, name in TaggedItem.objects.filter(content_type=content_type, object_id__in=ids).values_list(
        "object_id", "tag__name"
    ):
        words[pk].append(name)
    return {pk: " ".join(names) for pk, names in words.items()}


# Reading what the reader typed

_WORD = re.compile(r"[^\W_]+")  # the words FTS5's unicode61 tokenizer and pg_trgm both see
_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')  # a quoted phrase (maybe unterminated, maybe excluded) or a bare term
# PostgreSQL's english configuration drops these; on SQLite they are dropped too, unless nothing else is left.
_STOP_WORDS = {
    *("a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "from", "how", "i", "in", "is"),
    *("it", "me", "my", "no", "not", "of", "on", "or", "so", "that", "the", "this", "to", "was", "what", "when"),
    *("where", "which", "who", "why", "will", "with", "you", "your"),
}


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def fts5_expression(query: str) -> str | None:
    """The reader's words as an FTS5 query with the meaning of PostgreSQL's websearch syntax.

    `anxiety exam` both words, `anxiety or panic` either, `"panic attack"` the phrase, `anxiety -exam`
    without the word. Every term becomes a double-quoted phrase of plain word tokens, so no input can be
    an FTS5 syntax error. None when nothing searchable is left (an exclusion alone cannot be expressed).
    """
    groups: list[tuple[list, list]] = [([], [])]  # OR-ed groups of (included terms, excluded terms)
    for match in _TERM.finditer(query):
        minus, phrase, bare = match.groups()
        if bare is not None:
            if bare.lower() == "or":
                if groups[-1] != ([], []):
                    groups.append(([], []))
                continue
            minus, phrase = ("-", bare[1:]) if bare.startswith("-") and len(bare) > 1 else ("", bare)
        tokens = words_of(phrase)
        if tokens:
            groups[-1][1 if minus else 0].append((tokens, bare is not None))

    clauses = []
    for included, excluded in groups:
        # Like PostgreSQL's english configuration, ignore a lone stop word, unless that is all there is.
        content = [(t, bare) for t, bare in included if not (bare and len(t) == 1 and t[0] in _STOP_WORDS)]
        terms = [tokens for tokens, _bare in (content or included)]
        if not terms:
            continue
        clause = " AND ".join(_phrase(tokens) for tokens in terms)
        for tokens, _bare in excluded:
            clause = f"({clause}) NOT {_phrase(tokens)}"
        clauses.append(f"({clause})")
    return " OR ".join(clauses) or None


def _phrase(tokens: list[str]) -> str:
    # Tokens hold only letters and digits: nothing in them can end the quotes.
    return '"' + " ".join(tokens) + '"'


def fts5_exclusions(query: str) -> str | None:
    """For a query that only excludes (`-exam`): the FTS5 query of what to leave out, else None."""
    if fts5_expression(query) is not None:
        return None
    excluded = []
    for match in _TERM.finditer(query):
        minus, phrase, bare = match.groups()
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            minus, phrase = "-", bare[1:]
        tokens = words_of(phrase or "") if minus else []
        if tokens:
            excluded.append(_phrase(tokens))
    return " OR ".join(excluded) or None


def without_exclusions(query: str) -> str:
    """The query with its `-word` and `-"phrase"` terms left out: what a result is ranked by."""
    kept = []
    for match in _TERM.finditer(query):
        minus, phrase, bare = match.groups()
        if bare is None and not minus:
            kept.append(f'"{phrase}"')
        elif bare is not None and not (bare.startswith("-") and len(bare) > 1):
            kept.append(bare)
    return " ".join(kept)


def fuzzy_words(query: str) -> str:
    """The words of the query a typo fallback compares with titles (no operators, no exclusions)."""
    kept = []
    for match in _TERM.finditer(query):
        minus, phrase, bare = match.groups()
        text = phrase if bare is None else bare
        if minus or (bare is not None and (bare.startswith("-") or bare.lower() == "or")):
            continue
        kept.extend(words_of(text))
    return " ".join(kept)


def word_similarity(query: str, text: str) -> float:
    """pg_trgm's word_similarity(query, text), for SQLite: how well the query matches some stretch of the text.

    Trigrams as pg_trgm makes them (each word lower-cased, padded with two spaces before and one after);
    the score is the best |shared| / |union| over continuous stretches of the text's trigrams.
    """
    wanted = {tri for word in words_of(query or "") for tri in _trigrams(word)}
    if not wanted or not text:
        return 0.0
    sequence = [tri for word in words_of(text) for tri in _trigrams(word)]
    starts = [i for i, tri in enumerate(sequence) if tri in wanted]
    best = 0.0
    for start in starts:
        stretch: set[str] = set()
        shared = 0
        for tri in sequence[start:]:
            if tri not in stretch:
                stretch.add(tri)
                if tri in wanted:
                    shared += 1
                    best = max(best, shared / (len(wanted) + len(stretch) - shared))
            if shared == len(wanted):
                break
    return best


def _trigrams(word: str) -> Iterable[str]:
    padded = f"  {word} "
    return (padded[i : i + 3] for i in range(len(padded) - 2))


# Crisis detection


def looks_like_crisis(text: str) -> bool:
    """Whether a search suggests the reader may be thinking of suicide or self-harm.

    Moderation's self-harm detector decides, reading the query with moderation's one normaliser, so search,
    hashtags and screening never disagree about what a crisis term is. A false alarm only shows helplines
    above the results, so for a search query any crisis term counts.
    """
    return is_crisis_search(text)
