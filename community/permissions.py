"""Pure predicates about what a person may do with people's data."""

from rest_framework import permissions

from .models import ProfileVisibility


def can_edit_profile(actor, user) -> bool:
    return actor.is_authenticated and actor.is_active and actor.pk == user.pk


def can_view_profile(viewer, user) -> bool:
    if not user.is_active:
        return False
    if user.profile_visibility == ProfileVisibility.PUBLIC:
        return True
    return viewer.is_authenticated


def can_manage_roles(actor) -> bool:
    return actor.is_authenticated and actor.is_active and actor.is_superuser


class IsOwnerOnly(permissions.BasePermission):
    def has_object_permission(self, request, view, obj):
        return can_edit_profile(request.user, obj)
