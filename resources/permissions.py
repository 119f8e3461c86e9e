"""Who may publish in the resource library: pure predicates."""

from .models import OrganisationMember, VerificationState


def is_organisation_member(user, organisation, *, role: str | None = None) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    memberships = OrganisationMember.objects.filter(organisation=organisation, user=user)
    if role:
        memberships = memberships.filter(role=role)
    return memberships.exists()


def can_publish_for(user, organisation) -> bool:
    """Members of a verified organisation publish for it; staff admins may act for any organisation."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return organisation.verification == VerificationState.VERIFIED and is_organisation_member(user, organisation)


def can_manage_organisation(user, organisation) -> bool:
    """Organisation admins manage members and details; staff admins too."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or is_organisation_member(user, organisation, role=OrganisationMember.Role.ADMIN)


def can_verify(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_staff
