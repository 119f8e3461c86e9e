"""The content moderation can act on, whichever app owns it.

An app whose model inherits `moderation.models.Moderated` registers it (usually in its AppConfig.ready()):
`moderation.register(Story, text_fields=["title", "body"], author_field="author")`. Moderation then lists,
describes, hides and restores it without importing that app. This module imports no models at load time,
so the package can re-export `register`.

Registering also guards the write path: saving an instance whose registered text differs from what was
loaded from the database, and from what `moderation.services.record_screening()` last recorded on it, raises
`UnscreenedWrite`. So no service can save new or changed writing without `screen()` having read it. (Queryset
`update()` and `bulk_create()` send no signals; services don't use them for text.)
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models.signals import pre_save
from django.utils import timezone


class UnscreenedWrite(Exception):
    """Registered text was about to be saved without moderation.services.screen() having read it."""


@dataclass(frozen=True, slots=True)
class Registration:
    model: type
    text_fields: tuple[str, ...]
    author_field: str
    counts_as_post: bool = True  # published items count towards the writer's standing (not so a profile)
    live: tuple = ()  # (field, value) pairs an item must match to be out in the world (not a draft)

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


def register(
    model, *, text_fields, author_field, counts_as_post: bool = True, live: dict | None = None
) -> Registration:
    from .models import Moderated

    if not (isinstance(model, type) and issubclass(model, Moderated)):
        raise TypeError(f"{model!r} must inherit moderation.models.Moderated to be registered")
    if isinstance(text_fields, str) or not text_fields:
        raise TypeError("text_fields must be a non-empty list of field names")
    for name in (*text_fields, author_field):
        model._meta.get_field(name)  # FieldDoesNotExist now rather than at the first hide
    for name in live or {}:
        model._meta.get_field(name)
    registration = Registration(
        model=model,
        text_fields=tuple(text_fields),
        author_field=author_field,
        counts_as_post=counts_as_post,
        live=tuple(sorted((live or {}).items())),
    )
    _registry[model] = registration
    pre_save.connect(_refuse_unscreened, sender=model, dispatch_uid=f"moderation-screened-{registration.label}")
    return registration


def unregister(model) -> None:
    registration = _registry.pop(model, None)
    if registration is not None:
        pre_save.disconnect(sender=model, dispatch_uid=f"moderation-screened-{registration.label}")


# The write-path guard

_LOADED = "_moderation_loaded_text"
_SCREENED = "_moderation_screened_text"


def text_values(obj, registration: Registration | None = None) -> dict[str, str]:
    """The registered text fields that are loaded on `obj` (deferred ones are left out, never fetched)."""
    registration = registration or registration_for(obj)
    deferred = obj.get_deferred_fields()
    return {name: getattr(obj, name) or "" for name in registration.text_fields if name not in deferred}


def remember_loaded_text(obj) -> None:
    """Called by Moderated.from_db: the text as it is in the database needs no new screening."""
    registration = _registry.get(type(obj)._meta.concrete_model)
    if registration is not None:
        setattr(obj, _LOADED, text_values(obj, registration))


def remember_screened_text(obj) -> None:
    """Called by moderation.services.record_screening once screen() has read the text now on `obj`."""
    setattr(obj, _SCREENED, text_values(obj))


def _refuse_unscreened(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:  # loaddata: fixtures are the project's own
        return
    registration = _registry.get(sender._meta.concrete_model)
    if registration is None:
        return
    names = (
        registration.text_fields
        if update_fields is None
        else [n for n in registration.text_fields if n in update_fields]
    )
    if not names:
        return
    current = text_values(instance, registration)
    current = {name: value for name, value in current.items() if name in names}
    if not any(current.values()):
        return  # no text (new and empty, or cleared): nothing anyone could read
    for baseline in (getattr(instance, _SCREENED, None), getattr(instance, _LOADED, None)):
        if baseline is not None and all(baseline.get(name, "") == value for name, value in current.items()):
            return
    raise UnscreenedWrite(
        f"{registration.label} {instance.pk!r}: {', '.join(names)} saved without moderation.services.screen(); "
        "screen the text and record the decision with moderation.services.record_screening() first"
    )


def registered() -> list[Registration]:
    return sorted(_registry.values(), key=lambda registration: registration.label)


def registration_for(obj_or_model) -> Registration:
    # `_meta` rather than type(): a lazily loaded request.user is a proxy object, not a model instance.
    model = obj_or_model._meta.concrete_model
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
