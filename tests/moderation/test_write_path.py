"""No registered content reaches the database unscreened: the registry's write guard and record_screening()."""

import pytest
from django.apps import apps

from moderation import registry, services
from moderation.decision import Action
from moderation.models import Moderated, Rule, Visibility
from moderation.registry import UnscreenedWrite
from tests.factories import StaffFactory, UserFactory

from .notes import Note, write_note


def content_models():
    return [model for model in apps.get_models() if issubclass(model, Moderated) and model._meta.managed]


def test_every_model_with_moderated_content_is_registered():
    assert content_models(), "the profile (community.User) at least is moderated content"
    assert {model._meta.label_lower for model in content_models()} <= {r.label for r in registry.registered()}


@pytest.mark.parametrize("registration", registry.registered(), ids=lambda registration: registration.label)
def test_no_registered_model_saves_new_text_without_screen(registration, db):
    """Whatever service writes it, new text that screen() did not read is refused before the INSERT."""
    obj = registration.model(**dict.fromkeys(registration.text_fields, "Hello there, lovely people"))
    with pytest.raises(UnscreenedWrite):
        obj.save()
    assert not registration.model._default_manager.filter(pk=obj.pk).exists() if obj.pk else True


@pytest.mark.parametrize("registration", registry.registered(), ids=lambda registration: registration.label)
def test_a_decision_about_other_text_does_not_open_the_guard(registration, db):
    obj = registration.model(**dict.fromkeys(registration.text_fields, "Hello there, lovely people"))
    other = services.screen(text="Something else entirely", kind="comment", author="member")
    with pytest.raises(UnscreenedWrite):
        services.record_screening(obj, other)
    services.record_screening(obj, services.screen(text="Hello there, lovely people", kind="comment", author="member"))
    registry._refuse_unscreened(sender=registration.model, instance=obj)  # now allowed: no exception


def test_changing_loaded_text_needs_screening_again(note_model, db):
    note = write_note(writer=UserFactory(), title="A walk", body="It was lovely.")
    loaded = Note.objects.get(pk=note.pk)
    loaded.body = "It was lovely, and then I changed it."
    with pytest.raises(UnscreenedWrite):
        loaded.save()
    assert Note.objects.get(pk=note.pk).body == "It was lovely."

    loaded.body = "It was lovely."  # back as it is stored: nothing new to read
    loaded.content_warnings = ["grief"]
    loaded.save()
    loaded.body = ""  # clearing text needs no screening
    loaded.save(update_fields=["body"])
    assert Note.objects.get(pk=note.pk).body == ""


def test_a_rejected_text_cannot_be_recorded_and_a_nudge_only_when_confirmed(note_model, db):
    Rule.objects.create(pattern="grapefruit", action="block")
    Rule.objects.create(pattern="durian", action="nudge")
    note = Note(title="", body="I love grapefruit")
    with pytest.raises(ValueError):
        services.record_screening(note, services.screen(text="I love grapefruit", kind="story", author="member"))
    nudge = services.screen(text="I love durian", kind="story", author="member")
    assert nudge.action == Action.NUDGE
    with pytest.raises(ValueError):
        services.record_screening(Note(title="", body="I love durian"), nudge)
    note = services.record_screening(Note(title="", body="I love durian"), nudge, confirmed=True)
    assert note.visibility == Visibility.PUBLISHED
    assert note.screening_labels[0]["name"] == "watched_word"


def test_the_decision_is_recorded_on_the_content(note_model, db):
    crisis = "I can't do this anymore. Tonight is the night, goodbye everyone."
    note = services.record_screening(
        Note(title="", body=crisis), services.screen(text=crisis, kind="story", author="member")
    )
    assert note.visibility == Visibility.HELD
    assert note.held_at is not None and note.screened_at is not None
    assert "moderator" in note.held_reason
    assert "crisis" in [label["name"] for label in note.screening_labels]


def test_writing_a_moderator_hid_goes_back_to_review_when_edited(note_model, db):
    moderator = StaffFactory()
    note = write_note(writer=UserFactory(), title="Mine", body="A first version.")
    services.hide_content(actor=moderator, obj=note, reason="Reported and upheld")
    note.refresh_from_db()
    note.body = "A kinder second version."
    decision = services.screen(text=f"{note.title}\n\n{note.body}", kind="story", author=note.writer)
    assert decision.action == Action.PUBLISH
    services.record_screening(note, decision)
    note.save()
    assert Note.objects.get(pk=note.pk).visibility == Visibility.HELD


def test_hiding_and_restoring_are_for_moderators_and_audited(note_model, db):
    from django.core.exceptions import PermissionDenied

    from moderation.models import AuditEntry

    note = write_note(writer=UserFactory(), title="Mine", body="Hello.")
    with pytest.raises(PermissionDenied):
        services.hide_content(actor=note.writer, obj=note, reason="no")
    moderator = StaffFactory()
    services.hide_content(actor=moderator, obj=note, reason="Upheld report")
    services.restore_content(actor=moderator, obj=note)
    entries = list(AuditEntry.objects.order_by("pk").values_list("action", "target_type", "target_id", "changes"))
    assert entries == [
        ("content.hide", "moderation.note", str(note.pk), {"visibility": ["published", "hidden"]}),
        ("content.restore", "moderation.note", str(note.pk), {"visibility": ["hidden", "published"]}),
    ]
    with pytest.raises(ValueError):
        AuditEntry.objects.first().delete()  # append-only


def test_writing_a_moderator_hid_stays_in_review_however_many_times_it_is_edited(note_model, db):
    moderator = StaffFactory()
    note = write_note(writer=UserFactory(), title="", body="A first version.")
    services.hide_content(actor=moderator, obj=note, reason="Upheld report")
    for version in ("A second version.", "A third version.", "A fourth version."):
        note = Note.objects.get(pk=note.pk)
        note.body = version
        services.record_screening(note, services.screen(text=note.body, kind="story", author=note.writer))
        note.save()
        assert Note.objects.get(pk=note.pk).visibility == Visibility.HELD
    services.restore_content(actor=moderator, obj=note)
    note = Note.objects.get(pk=note.pk)
    note.body = "A fifth version, after the moderator restored it."
    services.record_screening(note, services.screen(text=note.body, kind="story", author=note.writer))
    note.save()
    assert Note.objects.get(pk=note.pk).visibility == Visibility.PUBLISHED
