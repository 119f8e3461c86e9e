"""The search index of resources: a weighted tsvector on PostgreSQL, an FTS5 table on SQLite.

Services call `index_resource` after every change to a resource (text, topics or tags).
"""


def index_resource(resource) -> None:
    """Bring the search index of one resource up to date. (Filled in by the search work.)"""
