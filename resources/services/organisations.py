"""Organisations: registration, details, membership and staff verification."""

import uuid

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from moderation.media import clean_image

from ..models import Organisation, OrganisationMember, VerificationState
from ..permissions import can_manage_organisation, can_verify, is_organisation_member
from .slugs import unique_slug

# Someone may register a few organisations that staff have not looked at yet, not a flood of them.
MAX_PENDING_REGISTRATIONS = 3
LOGO_MAX_SIDE = 512
DETAIL_FIELDS = ("name", "description", "website", "email", "country", "registration_number")
# Who staff verified: on a verified organisation only staff change these (its admins ask staff), so the
# organisation, and the crisis lines it runs, stay listed while the change is checked.
IDENTITY_FIELDS = ("name", "website", "registration_number", "country")

# The community role group of DESIGN.md (community.models.Role.ORGANISATION_MEMBER); resources may not import
# community, so it names the group. A person holds it while they belong to at least one verified organisation.
ORGANISATION_MEMBER_GROUP = "organisation_member"

_web_address = URLValidator(schemes=["http", "https"])
_email = EmailValidator()


def _clean_details(data: dict) -> dict:
    """Validate the organisation's public details; raise ValidationError naming each bad field."""
    errors: dict[str, list[str]] = {}
    cleaned = {key: (str(value).strip() if value is not None else "") for key, value in data.items()}
    if "name" in cleaned:
        if not cleaned["name"]:
            errors["name"] = [_("Give the organisation's name.")]
        elif len(cleaned["name"]) > 150:
            errors["name"] = [_("Keep the name under 150 characters.")]
    if cleaned.get("website"):
        try:
            _web_address(cleaned["website"])
        except ValidationError:
            errors["website"] = [_("Use a web address starting with https:// or http://.")]
    if cleaned.get("email"):
        try:
            _email(cleaned["email"])
        except ValidationError:
            errors["email"] = [_("Enter an email address like hello@example.org.")]
    if cleaned.get("country"):
        cleaned["country"] = cleaned["country"].upper()
        if not countries.alpha2(cleaned["country"]):
            errors["country"] = [
                _("“%(code)s” is not a country code we know. Use two letters, like GB or AU.")
                % {"code": cleaned["country"]}
            ]
    if len(cleaned.get("registration_number", "")) > 60:
        errors["registration_number"] = [_("Keep the registration number under 60 characters.")]
    if len(cleaned.get("description", "")) > 5000:
        errors["description"] = [_("Keep the description under 5,000 characters.")]
    if errors:
        raise ValidationError(errors)
    return cleaned


def _clean_logo(logo):
    try:
        return clean_image(logo, max_side=LOGO_MAX_SIDE)
    except ValidationError as error:
        raise ValidationError({"logo": error.messages}) from None


def _sync_role_group(users) -> None:
    group, _created = Group.objects.get_or_create(name=ORGANISATION_MEMBER_GROUP)
    for user in users:
        if OrganisationMember.objects.filter(user=user, organisation__verification=VerificationState.VERIFIED).exists():
            user.groups.add(group)
        else:
            user.groups.remove(group)


def _sync_members_role_group(organisation) -> None:
    _sync_role_group([membership.user for membership in organisation.memberships.select_related("user")])


def register_organisation(
    *,
    actor,
    name: str,
    description: str = "",
    website: str = "",
    email: str = "",
    country: str = "",
    registration_number: str = "",
    logo=None,
    creator_joins: bool = True,
) -> Organisation:
    """Register an organisation, not yet verified. The person registering it becomes its admin.

    Staff adding one from the admin pass `creator_joins=False`.
    """
    if not (actor.is_authenticated and actor.is_active):
        raise PermissionDenied(_("Sign in to register an organisation."))
    if not creator_joins and not can_verify(actor):
        raise PermissionDenied(_("Only Hearten staff can add an organisation they are not part of."))
    details = _clean_details(
        {
            "name": name,
            "description": description,
            "website": website,
            "email": email,
            "country": country,
            "registration_number": registration_number,
        }
    )
    logo_file = _clean_logo(logo) if logo else None
    if creator_joins and not can_verify(actor):
        pending = OrganisationMember.objects.filter(
            user=actor, organisation__verification=VerificationState.UNVERIFIED
        ).count()
        if pending >= MAX_PENDING_REGISTRATIONS:
            raise ValidationError(
                _("You already have %(count)s organisations waiting for verification. Please wait for those first.")
                % {"count": pending}
            )

    organisation = Organisation(**details)
    storage = organisation.logo.storage
    new_logo = None
    try:
        with transaction.atomic():
            if logo_file:
                organisation.logo.save(logo_file.name, logo_file, save=False)
                new_logo = organisation.logo.name
            organisation.slug = unique_slug(Organisation, details["name"], fallback="organisation", max_length=150)
            try:
                with transaction.atomic():
                    organisation.save()
            except IntegrityError:
                # Someone took the same slug a moment ago.
                organisation.slug = f"{organisation.slug}-{uuid.uuid4().hex[:6]}"
                organisation.save()
            if creator_joins:
                OrganisationMember.objects.create(
                    organisation=organisation, user=actor, role=OrganisationMember.Role.ADMIN
                )
    except Exception:
        if new_logo:
            storage.delete(new_logo)  # no orphan file when the row was not written
        raise
    return organisation


def update_organisation(*, actor, organisation: Organisation, logo=None, remove_logo=False, **changes) -> Organisation:
    """Change an organisation's public details (its admins, or staff).

    On a verified organisation only staff change its name, website, country or registration number (what they
    verified), so nobody can take over a trusted name; its admins ask staff, and it stays verified meanwhile.
    A replaced or removed logo file is deleted once the change is committed.
    """
    if not can_manage_organisation(actor, organisation) and not can_verify(actor):
        raise PermissionDenied(_("Only the organisation's admins can change its details."))
    unknown = set(changes) - set(DETAIL_FIELDS)
    if unknown:
        raise ValidationError(_("These details cannot be changed here: %(fields)s") % {"fields": ", ".join(unknown)})
    details = _clean_details(changes)
    logo_file = _clean_logo(logo) if logo else None
    new_logo = None
    storage = organisation.logo.storage
    try:
        with transaction.atomic():
            organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
            if organisation.is_verified and not can_verify(actor):
                changed = [
                    field
                    for field in IDENTITY_FIELDS
                    if field in details and details[field] != (getattr(organisation, field) or "")
                ]
                if changed:
                    raise ValidationError(
                        {
                            field: [
                                _("Contact Hearten staff to change this: your organisation stays verified meanwhile.")
                            ]
                            for field in changed
                        }
                    )
            for field, value in details.items():
                setattr(organisation, field, value)
            old_logo = organisation.logo.name if organisation.logo and (logo_file or remove_logo) else None
            if logo_file:
                organisation.logo.save(logo_file.name, logo_file, save=False)
                new_logo = organisation.logo.name
            elif remove_logo:
                organisation.logo = ""
            organisation.save()
            if old_logo and old_logo != new_logo:
                transaction.on_commit(lambda: storage.delete(old_logo))
    except Exception:
        if new_logo:
            storage.delete(new_logo)  # no orphan file when the row was not written
        raise
    return organisation


def _find_member(organisation, user) -> OrganisationMember | None:
    return OrganisationMember.objects.filter(organisation=organisation, user=user).first()


def _ensure_another_admin(actor, organisation, leaving_user) -> None:
    """An organisation keeps at least one admin (staff may still take the last one away)."""
    if can_verify(actor):
        return
    others = (
        OrganisationMember.objects.select_for_update()
        .filter(organisation=organisation, role=OrganisationMember.Role.ADMIN)
        .exclude(user=leaving_user)
    )
    if not others.exists():
        raise ValidationError(
            {"role": [_("An organisation needs at least one admin. Make someone else an admin first.")]}
        )


def add_member(*, actor, organisation: Organisation, user, role: str = OrganisationMember.Role.PUBLISHER):
    """Add someone to an organisation as a publisher or admin (organisation admins, or staff)."""
    if not can_manage_organisation(actor, organisation) and not can_verify(actor):
        raise PermissionDenied(_("Only the organisation's admins can add members."))
    if role not in OrganisationMember.Role.values:
        raise ValidationError({"role": [_("Choose publisher or admin.")]})
    if not user.is_active:
        raise ValidationError({"user": [_("That account is not active.")]})
    if getattr(user, "is_minor", False):
        # Publishing for an organisation is adults' work (and resources may not import community to ask why).
        raise ValidationError({"user": [_("%(user)s is under 18 and cannot join an organisation.") % {"user": user}]})
    with transaction.atomic():
        if _find_member(organisation, user):
            raise ValidationError({"user": [_("%(user)s is already a member.") % {"user": user}]})
        try:
            with transaction.atomic():
                membership = OrganisationMember.objects.create(organisation=organisation, user=user, role=role)
        except IntegrityError:
            raise ValidationError({"user": [_("%(user)s is already a member.") % {"user": user}]}) from None
        _sync_role_group([user])
        return membership


def change_member_role(*, actor, organisation: Organisation, user, role: str) -> OrganisationMember:
    if not can_manage_organisation(actor, organisation) and not can_verify(actor):
        raise PermissionDenied(_("Only the organisation's admins can change roles."))
    if role not in OrganisationMember.Role.values:
        raise ValidationError({"role": [_("Choose publisher or admin.")]})
    with transaction.atomic():
        # One role change or removal at a time per organisation: two admins demoting each other at once would
        # each still see the other as an admin, and leave none.
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        membership = _find_member(organisation, user)
        if membership is None:
            raise ValidationError({"user": [_("%(user)s is not a member.") % {"user": user}]})
        if membership.role == OrganisationMember.Role.ADMIN and role != OrganisationMember.Role.ADMIN:
            _ensure_another_admin(actor, organisation, user)
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


def remove_member(*, actor, organisation: Organisation, user) -> None:
    """Take someone out of an organisation. Admins remove anyone; anyone may leave."""
    leaving = actor.is_authenticated and actor.pk == user.pk and is_organisation_member(actor, organisation)
    if not (leaving or can_manage_organisation(actor, organisation) or can_verify(actor)):
        raise PermissionDenied(_("Only the organisation's admins can remove members."))
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)  # see change_member_role
        membership = _find_member(organisation, user)
        if membership is None:
            raise ValidationError({"user": [_("%(user)s is not a member.") % {"user": user}]})
        if membership.role == OrganisationMember.Role.ADMIN:
            _ensure_another_admin(actor, organisation, user)
        membership.delete()
        _sync_role_group([user])


def verify_organisation(*, actor, organisation: Organisation) -> Organisation:
    """Staff confirm the organisation is who it says it is; its members may then publish."""
    if not can_verify(actor):
        raise PermissionDenied(_("Only Hearten staff can verify organisations."))
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        organisation.verification = VerificationState.VERIFIED
        organisation.verified_at = timezone.now()
        organisation.verified_by = actor
        organisation.rejection_reason = ""
        organisation.save(
            update_fields=["verification", "verified_at", "verified_by", "rejection_reason", "updated_at"]
        )
        _sync_members_role_group(organisation)
    return organisation


def reject_organisation(*, actor, organisation: Organisation, reason: str) -> Organisation:
    """Staff turn an organisation down, saying why. Its members can no longer publish.

    `verified_at` and `verified_by` record who decided and when, whichever way the decision went.
    """
    if not can_verify(actor):
        raise PermissionDenied(_("Only Hearten staff can reject organisations."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the organisation is rejected; its admins will see this.")]})
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        organisation.verification = VerificationState.REJECTED
        organisation.verified_at = timezone.now()
        organisation.verified_by = actor
        organisation.rejection_reason = reason[:2000]
        organisation.save(
            update_fields=["verification", "verified_at", "verified_by", "rejection_reason", "updated_at"]
        )
        _sync_members_role_group(organisation)
    return organisation


def set_trusted_flagger(*, actor, organisation: Organisation, trusted: bool) -> Organisation:
    """Staff mark an organisation as a trusted flagger, whose reports moderators look at first."""
    if not can_verify(actor):
        raise PermissionDenied(_("Only Hearten staff can choose trusted flaggers."))
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if organisation.is_trusted_flagger != trusted:
            organisation.is_trusted_flagger = trusted
            organisation.save(update_fields=["is_trusted_flagger", "updated_at"])
    return organisation
