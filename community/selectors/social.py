"""Reads of a person's own follows and safety controls: whom they blocked, muted or restricted, their hidden
words, and how they stand with someone whose profile they see. Only ever for that person themselves."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from ..models import Block, HiddenWord, Mute, Restriction, TagFollow, User
from . import stories as story_selectors  # a module, not a name: stories reads blocks from here


@dataclass
class SafetySettings:
    """What the safety settings page lists for its owner."""

    blocked: list[User]
    muted: list[User]
    restricted: list[User]
    hidden_words: list[str]
    pending_count: int  # comments on their stories waiting for their approval


# Blocks, whoever blocked whom: the one rule for "these two don't see each other", for every part of Hearten.


def _block_rows(person_id, other) -> Q:
    return Q(blocker=person_id, blocked=other) | Q(blocker=other, blocked=person_id)


def blocked_between(a_id, b_id) -> bool:
    """Whether either of two people (ids) blocked the other; never for someone and themselves."""
    if not (a_id and b_id) or a_id == b_id:
        return False
    return Block.objects.filter(_block_rows(a_id, b_id)).exists()


def blocked_with(person_id, others) -> set[int]:
    """Which of `others` (ids) `person_id` blocked or was blocked by, in one query."""
    others = [pk for pk in others if pk and pk != person_id]
    if not person_id or not others:
        return set()
    rows = Block.objects.filter(
        Q(blocker=person_id, blocked__in=others) | Q(blocked=person_id, blocker__in=others)
    ).values_list("blocker", "blocked")
    return {blocked if blocker == person_id else blocker for blocker, blocked in rows}


def blocked_either_way_q(person_id, other_ref: str) -> Exists:
    """A condition for .filter()/.exclude(): `person_id` and the person in the row's field `other_ref` (say
    "author") blocked each other, either way."""
    return Exists(Block.objects.filter(_block_rows(person_id, OuterRef(other_ref))))


def blocked_people(*, owner) -> list[User]:
    """People the owner blocked, the latest first."""
    return [row.blocked for row in Block.objects.filter(blocker=owner.pk).select_related("blocked").order_by("-pk")]


def muted_people(*, owner) -> list[User]:
    """People the owner muted, the latest first."""
    return [row.muted for row in Mute.objects.filter(muter=owner.pk).select_related("muted").order_by("-pk")]


def restricted_people(*, owner) -> list[User]:
    """People the owner restricted, the latest first."""
    rows = Restriction.objects.filter(owner=owner.pk).select_related("restricted").order_by("-pk")
    return [row.restricted for row in rows]


def hidden_words(*, owner) -> list[str]:
    """The owner's hidden words and phrases, in alphabetical order."""
    return list(HiddenWord.objects.filter(owner=owner.pk).order_by("phrase").values_list("phrase", flat=True))


def safety_settings(*, owner) -> SafetySettings:
    """Everything the safety settings page shows, in five queries whatever the lengths of the lists."""
    return SafetySettings(
        blocked=blocked_people(owner=owner),
        muted=muted_people(owner=owner),
        restricted=restricted_people(owner=owner),
        hidden_words=hidden_words(owner=owner),
        pending_count=story_selectors.pending_comments(owner=owner).count(),
    )


def follows_tag(*, viewer, name: str) -> bool:
    """Whether the viewer follows the hashtag (false when signed out)."""
    return viewer.is_authenticated and TagFollow.objects.filter(user=viewer.pk, tag__name__iexact=name).exists()


def relation_to(*, viewer, person) -> dict:
    """How the viewer stands with a person they may see, for the buttons on a profile; empty when signed out or
    for themselves."""
    if not viewer.is_authenticated or viewer.pk == person.pk:
        return {}
    return {
        "following": viewer.following.filter(followed=person).exists(),
        "muted": Mute.objects.filter(muter=viewer, muted=person).exists(),
        "restricted": Restriction.objects.filter(owner=viewer, restricted=person).exists(),
    }
