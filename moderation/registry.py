"""The content moderation can act on, whichever app owns it.

An app whose model inherits `moderation.models.Moderated` registers it (usually in its AppConfig.ready()):
`moderation.register(Story, text_fields=["title", "body"], author_field="author")`. Moderation then lists,
describes, hides and restores it without importing that app. This module imports no models at load time,
so the package can re-export `register`.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone


@dataclass(frozen=True, slots=True)
class Registration:
    model: type
    text_fields: tuple[str, ...]
    author_field: str

    @property
    def label(self) -> str:
        return self.model._meta.label_lower


@dataclass(frozen=True, slots=True)
class Description:
    """What a moderator needs to see about one piece of content."""

    label: str  # "community.story"
    pk: object
    title: str
    text: str  # the registered text fields, in order, one paragraph each
    author_id: object
    visibility: str
    held_reason: str
    content_warnings: list


_registry: dict[type, Registration] = {}


def register(model, *, text_fields, author_field) -> Registration:
    from .models import Moderated

    if not (isinstance(model, type) and issubclass(model, Moderated)):
        raise TypeError(f"{model!r} must inherit moderation.models.Moderated to be registered")
    if isinstance(text_fields, str) or not text_fields:
        raise TypeError("text_fields must be a non-empty list of field names")
    for name in (*text_fields, author_field):
        model._meta.get_field(name)  # FieldDoesNotExist now rather than at the first hide
    registration = Registration(model=model, text_fields=tuple(text_fields), author_field=author_field)
    _registry[model] = registration
    return registration


def unregister(model) -> None:
    _registry.pop(model, None)


def registered() -> list[Registration]:
    return sorted(_registry.values(), key=lambda registration: registration.label)


def registration_for(obj_or_model) -> Registration:
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    model = getattr(model._meta, "concrete_model", model)
    try:
        return _registry[model]
    except KeyError:
        raise LookupError(f"{model._meta.label} is not registered with moderation") from None


def describe(obj) -> Description:
    registration = registration_for(obj)
    author_field = obj._meta.get_field(registration.author_field)
    return Description(
        label=registration.label,
        pk=obj.pk,
        title=str(obj),
        text="\n\n".join(str(getattr(obj, name) or "") for name in registration.text_fields),
        author_id=getattr(obj, author_field.attname),
        visibility=obj.visibility,
        held_reason=obj.held_reason,
        content_warnings=list(obj.content_warnings or []),
    )


def hide(obj, *, reason: str):
    """Hide the content from everyone but its author and moderators; it stays restorable."""
    from .models import Visibility

    return _set_state(obj, visibility=Visibility.HIDDEN, held_reason=str(reason)[:500], held_at=timezone.now())


def restore(obj):
    """Publish hidden, held or removed content again."""
    from .models import Visibility

    return _set_state(obj, visibility=Visibility.PUBLISHED, held_reason="", held_at=None)


def _set_state(obj, **fields):
    registration = registration_for(obj)
    # An update of these columns only: the owner's save() and any stale field on `obj` stay out of it.
    with transaction.atomic():
        registration.model._default_manager.filter(pk=obj.pk).update(**fields)
    for name, value in fields.items():
        setattr(obj, name, value)
    return obj
