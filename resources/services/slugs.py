"""Readable, unique URL slugs for things people publish."""

import uuid

from django.utils.text import slugify

# Words that are routes of their own (/organisations/new/): never a slug.
RESERVED = {"new", "edit", "publish", "preview", "members"}


def unique_slug(model, text: str, *, fallback: str, max_length: int = 80) -> str:
    """A slug made from `text`, unused by `model` (a suffix -2, -3… is added when it is taken)."""
    base = slugify(text)[:max_length].strip("-") or fallback
    if base in RESERVED:
        base = f"{base}-{fallback}"
    taken = set(model._default_manager.filter(slug__startswith=base).values_list("slug", flat=True))
    if base not in taken:
        return base
    for number in range(2, 1000):
        candidate = f"{base}-{number}"
        if candidate not in taken:
            return candidate
    return f"{base}-{uuid.uuid4().hex[:8]}"
