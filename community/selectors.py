"""Reads about people that depend on who is looking."""

from django.db.models import QuerySet

from .models import ProfileVisibility, Role, User


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
    return visible_profiles(viewer=viewer).filter(handle__iexact=handle).first()


def featured_profiles(*, viewer, limit: int = 6) -> list[User]:
    """Public creators and experts for the home page; never a minor."""
    return list(
        visible_profiles(viewer=viewer)
        .filter(groups__name__in=[Role.CREATOR, Role.EXPERT], minor_until__isnull=True)
        .distinct()
        .order_by("date_joined")[:limit]
    )


def active_api_tokens(*, user) -> QuerySet:
    return user.api_tokens.filter(revoked_at__isnull=True)
