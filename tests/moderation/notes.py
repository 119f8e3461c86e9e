"""A content model of an app moderation knows nothing about, made only for the moderation tests."""

from django.conf import settings
from django.db import models

from moderation import services
from moderation.models import Moderated


class Note(Moderated):
    title = models.CharField(max_length=100)
    body = models.TextField()
    writer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "moderation"
        db_table = "test_moderation_note"
        # Unmanaged: Django never serialises, flushes or migrates it, so its table exists only in these tests.
        managed = False

    def __str__(self):
        return self.title


def write_note(*, writer, title, body, context=None):
    """The shape of every content service: screen, refuse or record the decision, save."""
    note = Note(title=title, body=body, writer=writer)
    decision = services.screen(text=f"{title}\n\n{body}", kind="story", author=writer, context=context)
    services.record_screening(note, decision, confirmed=True)
    note.save()
    return note
