"""What the community's API endpoints share: reading an id from the path, and naming a person."""

from rest_framework import exceptions

from ..ids import id_or_none


def id_or_404(value) -> int:
    """An id from the path; anything else (or beyond what the database holds) is simply not found."""
    number = id_or_none(value)
    if number is None:
        raise exceptions.NotFound()
    return number


def person_fields(user) -> dict | None:
    """A person as the API names them: handle and display name (null for nobody)."""
    return {"handle": user.handle, "name": user.name} if user is not None else None
