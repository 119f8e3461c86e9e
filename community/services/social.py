"""Every write about who follows, blocks, mutes or restricts whom, followed hashtags, and hidden words."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from taggit.models import Tag

from ..models import Block, Follow, HiddenWord, Mute, Restriction, TagFollow
from ..selectors.stories import tag_sensitivity
from . import notifications

MAX_HIDDEN_WORDS = 200


def _require_member(actor) -> None:
    if not (actor and actor.is_authenticated and actor.is_active):
        raise PermissionDenied(_("Sign in first."))


def _not_self(actor, other, message) -> None:
    if actor.pk == other.pk:
        raise ValidationError({"handle": message})


def _create_once(model, **fields) -> bool:
    """Create the row unless it exists; True if created. The unique constraint decides under races."""
    try:
        with transaction.atomic():
            model.objects.create(**fields)
    except IntegrityError:
        return False
    return True


def _lock_pair(actor, user) -> None:
    """Take both people's rows, always in the same order, for the rest of the transaction: a follow and a block
    between the same two people then happen one after the other, never interleaved (no follow survives a
    block). NO KEY: rows that merely point at them (a reaction, a comment) are not held up. A no-op on SQLite,
    which runs one write transaction at a time anyway."""
    list(
        get_user_model()
        .objects.select_for_update(no_key=True)
        .filter(pk__in=[actor.pk, user.pk])
        .order_by("pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def follow(*, actor, user) -> bool:
    """Follow a person; False if already following. Race-free: the unique constraint decides."""
    _require_member(actor)
    _not_self(actor, user, _("You can't follow yourself."))
    if not user.is_active:
        raise PermissionDenied(_("You can't follow this person."))
    _lock_pair(actor, user)
    if Block.objects.filter(Q(blocker=actor.pk, blocked=user.pk) | Q(blocker=user.pk, blocked=actor.pk)).exists():
        raise PermissionDenied(_("You can't follow this person."))
    created = _create_once(Follow, follower=actor, followed=user)
    if created:
        notifications.followed(actor=actor, user=user)
    return created


def unfollow(*, actor, user) -> bool:
    _require_member(actor)
    return bool(Follow.objects.filter(follower=actor.pk, followed=user.pk).delete()[0])


def follow_tag(*, actor, name: str) -> bool:
    _require_member(actor)
    name = (name or "").strip().lstrip("#").lower()
    if not 2 <= len(name) <= 50 or not name.replace("_", "").isalnum():
        raise ValidationError({"tag": _("Use 2 to 50 letters, digits or _.")})
    if tag_sensitivity(name):
        # Following would bring these posts into the feed without the screen and the helplines before them.
        raise ValidationError({"tag": _("Hashtags like #%(tag)s can't be followed.") % {"tag": name}})
    tag = Tag.objects.filter(name__iexact=name).first()
    if tag is None:
        tag, _created = Tag.objects.get_or_create(name=name, defaults={"slug": name})
    return _create_once(TagFollow, user=actor, tag=tag)


def unfollow_tag(*, actor, name: str) -> bool:
    _require_member(actor)
    name = (name or "").strip().lstrip("#")
    return bool(TagFollow.objects.filter(user=actor.pk, tag__name__iexact=name).delete()[0])


@transaction.atomic
def block(*, actor, user) -> bool:
    """Hide each from the other everywhere; follows between them end. The blocked person is not told."""
    _require_member(actor)
    _not_self(actor, user, _("You can't block yourself."))
    _lock_pair(actor, user)
    Follow.objects.filter(Q(follower=actor.pk, followed=user.pk) | Q(follower=user.pk, followed=actor.pk)).delete()
    return _create_once(Block, blocker=actor, blocked=user)


def unblock(*, actor, user) -> bool:
    _require_member(actor)
    return bool(Block.objects.filter(blocker=actor.pk, blocked=user.pk).delete()[0])


def mute(*, actor, user) -> bool:
    _require_member(actor)
    _not_self(actor, user, _("You can't mute yourself."))
    return _create_once(Mute, muter=actor, muted=user)


def unmute(*, actor, user) -> bool:
    _require_member(actor)
    return bool(Mute.objects.filter(muter=actor.pk, muted=user.pk).delete()[0])


def restrict(*, actor, user) -> bool:
    """`user`'s comments on the actor's content are shown only to `user`; they are not told."""
    _require_member(actor)
    _not_self(actor, user, _("You can't restrict yourself."))
    return _create_once(Restriction, owner=actor, restricted=user)


def unrestrict(*, actor, user) -> bool:
    _require_member(actor)
    return bool(Restriction.objects.filter(owner=actor.pk, restricted=user.pk).delete()[0])


def add_hidden_word(*, actor, phrase: str) -> bool:
    _require_member(actor)
    phrase = " ".join((phrase or "").split())
    if not phrase:
        raise ValidationError({"phrase": _("Type a word or phrase.")})
    if len(phrase) > 100:
        raise ValidationError({"phrase": _("Use at most 100 characters.")})
    if HiddenWord.objects.filter(owner=actor).count() >= MAX_HIDDEN_WORDS:
        raise ValidationError(
            {"phrase": _("You have %(max)d hidden words: remove one first.") % {"max": MAX_HIDDEN_WORDS}}
        )
    return _create_once(HiddenWord, owner=actor, phrase=phrase)


def remove_hidden_word(*, actor, phrase: str) -> bool:
    _require_member(actor)
    phrase = " ".join((phrase or "").split())  # as add_hidden_word stored it
    return bool(HiddenWord.objects.filter(owner=actor.pk, phrase=phrase).delete()[0])
