"""The registry: moderation describes, hides and restores content of a model it does not import."""

import pytest

import moderation
from moderation import registry
from moderation.models import Rule, Visibility

from .notes import Note


def test_a_registered_model_is_listed(note_model):
    assert [(r.label, r.text_fields, r.author_field) for r in registry.registered() if r.model is Note] == [
        ("moderation.note", ("title", "body"), "writer")
    ]


def test_describe_shows_text_author_and_state(note):
    description = registry.describe(note)
    assert description.label == "moderation.note"
    assert description.pk == note.pk
    assert description.title == "A hard week"
    assert description.text == "A hard week\n\nThings got better."
    assert description.author_id == note.writer_id
    assert description.visibility == Visibility.PUBLISHED


def test_hide_then_restore(note):
    registry.hide(note, reason="Reported as bullying")
    stored = Note.objects.get(pk=note.pk)
    assert stored.visibility == note.visibility == Visibility.HIDDEN
    assert stored.held_reason == "Reported as bullying" and stored.held_at is not None
    assert registry.describe(stored).visibility == "hidden"

    registry.restore(note)
    stored = Note.objects.get(pk=note.pk)
    assert (stored.visibility, stored.held_reason, stored.held_at) == (Visibility.PUBLISHED, "", None)
    assert stored.body == "Things got better."  # nothing the writer wrote is touched


def test_an_unregistered_or_unmoderated_model_is_refused(note_model, db):
    registry.unregister(Note)
    with pytest.raises(LookupError):
        registry.describe(Note(title="x", body="y"))
    with pytest.raises(TypeError):
        moderation.register(Rule, text_fields=["pattern"], author_field="created_by")
    from django.core.exceptions import FieldDoesNotExist

    with pytest.raises(FieldDoesNotExist):
        moderation.register(Note, text_fields=["nope"], author_field="writer")


def test_moderation_imports_no_other_project_app():
    import ast
    from pathlib import Path

    others = {"community", "campaigns", "resources"}
    for path in Path(moderation.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            assert not any(name.split(".")[0] in others for name in names), f"{path} imports {names}"
