"""Search structures, per database.

PostgreSQL: the pg_trgm extension, a GIN index on the stored weighted vector, a trigram GIN index on title.
SQLite: an FTS5 table (rowid = resource id) and a trigger that drops a deleted resource's row.
Existing resources are indexed here with the same text `resources.search.index_resource` writes.
"""

from django.db import migrations

PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS resources_resource_search_gin ON resources_resource USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS resources_resource_title_trgm ON resources_resource USING gin (title gin_trgm_ops)",
    # Same as resources.search._index: title A, summary B, body + topic names + tags C.
    """
    UPDATE resources_resource r SET search_vector =
        setweight(to_tsvector('english'::regconfig, COALESCE(r.title, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, COALESCE(r.summary, '')), 'B')
        || setweight(to_tsvector('english'::regconfig, COALESCE(r.body, '') || ' ' || COALESCE((
            SELECT string_agg(t.name, ' ') FROM resources_resource_topics rt
            JOIN resources_topic t ON t.id = rt.topic_id WHERE rt.resource_id = r.id
        ), '') || ' ' || COALESCE((
            SELECT string_agg(tag.name, ' ') FROM taggit_taggeditem ti
            JOIN taggit_tag tag ON tag.id = ti.tag_id
            JOIN django_content_type ct ON ct.id = ti.content_type_id
            WHERE ct.app_label = 'resources' AND ct.model = 'resource' AND ti.object_id = r.id
        ), '')), 'C')
    """,
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS resources_resource_title_trgm",
    "DROP INDEX IF EXISTS resources_resource_search_gin",
    "UPDATE resources_resource SET search_vector = NULL",
]

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE IF NOT EXISTS resources_resource_fts
    USING fts5(title, summary, body, topics, tokenize = 'porter unicode61 remove_diacritics 2')
    """,
    """
    CREATE TRIGGER IF NOT EXISTS resources_resource_fts_delete AFTER DELETE ON resources_resource
    BEGIN DELETE FROM resources_resource_fts WHERE rowid = old.id; END
    """,
    """
    INSERT INTO resources_resource_fts (rowid, title, summary, body, topics)
    SELECT r.id, r.title, r.summary, r.body, TRIM(COALESCE((
        SELECT group_concat(t.name, ' ') FROM resources_resource_topics rt
        JOIN resources_topic t ON t.id = rt.topic_id WHERE rt.resource_id = r.id
    ), '') || ' ' || COALESCE((
        SELECT group_concat(tag.name, ' ') FROM taggit_taggeditem ti
        JOIN taggit_tag tag ON tag.id = ti.tag_id
        JOIN django_content_type ct ON ct.id = ti.content_type_id
        WHERE ct.app_label = 'resources' AND ct.model = 'resource' AND ti.object_id = r.id
    ), ''))
    FROM resources_resource r
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS resources_resource_fts_delete",
    "DROP TABLE IF EXISTS resources_resource_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0002_taxonomy"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
