"""The people the direct-message tests write between (the `sky` and `lee` fixtures in conftest.py are two of them).

(A module of helpers, not of tests: the test_messages* modules import from it.)
"""

from datetime import timedelta

from django.utils import timezone

from community import services
from community.models import MessagesFrom
from tests.factories import UserFactory


def person(handle, *, days=30, **fields):
    """A member who joined `days` ago (older than the new-account wait unless told otherwise)."""
    fields.setdefault("messages_from", MessagesFrom.EVERYONE)
    return UserFactory(handle=handle, date_joined=timezone.now() - timedelta(days=days), **fields)


def mutual(a, b):
    """a and b follow each other."""
    services.follow(actor=a, user=b)
    services.follow(actor=b, user=a)
