import pytest

from moderation.detectors.watched_words import compiled_rules


@pytest.fixture(autouse=True)
def _fresh_rules():
    """Compiled rules are kept per process; each test starts from its own database's rules."""
    compiled_rules.reset()
    yield
    compiled_rules.reset()


@pytest.fixture
def note_model(django_db_blocker, django_db_setup):
    """tests.moderation.notes.Note, with its table and registered, for the length of one test."""
    from django.db import connection

    import moderation
    from moderation import registry

    from .notes import Note

    with django_db_blocker.unblock(), connection.schema_editor() as editor:
        editor.create_model(Note)
    moderation.register(Note, text_fields=["title", "body"], author_field="writer")
    yield Note
    registry.unregister(Note)
    with django_db_blocker.unblock(), connection.schema_editor() as editor:
        editor.delete_model(Note)


@pytest.fixture
def note(note_model, db):
    from tests.factories import UserFactory

    from .notes import write_note

    return write_note(writer=UserFactory(), title="A hard week", body="Things got better.")
