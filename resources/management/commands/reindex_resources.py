"""Rebuild the search index of every resource (after a bulk import, or to repair it)."""

from django.core.management.base import BaseCommand

from resources.search import reindex_all


class Command(BaseCommand):
    help = "Rebuild the search index of every resource: the weighted vector on PostgreSQL, the FTS5 table on SQLite."

    def handle(self, *args, **options):
        count = reindex_all()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} resources."))
