"""Reads about people that depend on who is looking."""

from django.db.models import QuerySet

from moderation.models import Visibility, warning_labels

from ..models import Block, ProfileVisibility, Role, TopicChoice, User
from .preferences import sensitive_choice


def visible_profiles(*, viewer) -> QuerySet[User]:
    profiles = User.objects.filter(is_active=True)
    if not viewer.is_authenticated:
        profiles = profiles.filter(profile_visibility=ProfileVisibility.PUBLIC)
    return profiles.prefetch_related("groups")


def listed_profiles(*, viewer) -> QuerySet[User]:
    """The profile directory: public profiles of adults only, whoever asks.

    Members-only and minors' profiles open by handle for those allowed, but are never listed,
    so nobody can page through them to harvest young people's handles and bios.
    """
    return visible_profiles(viewer=viewer).filter(profile_visibility=ProfileVisibility.PUBLIC, minor_until__isnull=True)


def profile_for_viewer(*, viewer, handle: str) -> User | None:
    """A profile by handle, or None: also between two people when either blocked the other."""
    person = visible_profiles(viewer=viewer).filter(handle__iexact=handle).first()
    between = [getattr(viewer, "pk", None), getattr(person, "pk", None)]
    if person is not None and between[0] and between[0] != between[1]:
        blocked = Block.objects.filter(blocker__in=between, blocked__in=between).exists()
        return None if blocked else person
    return person


def featured_profiles(*, viewer, limit: int = 6) -> list[User]:
    """Public creators and experts for the home page; never a minor, never a profile moderation hid or holds."""
    return list(
        visible_profiles(viewer=viewer)
        .filter(groups__name__in=[Role.CREATOR, Role.EXPERT], minor_until__isnull=True, visibility=Visibility.PUBLISHED)
        .distinct()
        .order_by("date_joined")[:limit]
    )


def profile_text_for_viewer(*, person: User, viewer) -> dict:
    """What of a profile's own writing this viewer sees, and behind which content warning.

    The writer always sees their own text. Others see it only while it is published; with a content warning
    it is shown, folded behind the warning or left out, as the viewer chose for its topics.
    """
    is_self = getattr(viewer, "pk", None) == person.pk
    shown = is_self or person.profile_text_shown
    warnings = warning_labels(person.content_warnings) if shown else []
    choice = sensitive_choice(person.content_warnings, viewer=viewer) if warnings and not is_self else TopicChoice.SHOW
    hide_sensitive = choice == TopicChoice.HIDE
    return {
        "name": (person.display_name if shown else "") or person.handle,
        "pronouns": person.pronouns if shown else "",
        "bio": "" if hide_sensitive else (person.bio if shown else ""),
        "bio_warnings": warnings if choice == TopicChoice.COLLAPSE else [],
        "bio_left_out": hide_sensitive,
        "is_self": is_self,
        "waiting": is_self and not person.profile_text_shown,
    }


def active_api_tokens(*, user) -> QuerySet:
    return user.api_tokens.filter(revoked_at__isnull=True)
