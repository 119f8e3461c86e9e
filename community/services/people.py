"""Every write about people: sign-up, profiles, roles and API tokens."""

import secrets
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from moderation import services as moderation
from moderation.decision import Action, Decision
from moderation.media import clean_image
from moderation.models import Kind

from ..models import (
    PROFILE_TEXT_FIELDS,
    STAFF_ROLES,
    ApiToken,
    MessagesFrom,
    ProfileVisibility,
    Role,
    SensitiveContent,
    User,
    hash_token,
)
from ..permissions import can_edit_profile, can_manage_roles


@dataclass(frozen=True)
class AgeCheck:
    allowed: bool
    minor_until: date | None


def _first_day_after_birth_month(birth_year: int, birth_month: int, years: int) -> date:
    """The first day of the month after the birth month, `years` later: the day the person is surely that age."""
    year, month = birth_year + years, birth_month + 1
    if month == 13:
        year, month = year + 1, 1
    return date(year, month, 1)


def check_age(*, birth_year: int, birth_month: int, today: date) -> AgeCheck:
    """Only month and year are known, so count a person as old enough only once they surely are."""
    old_enough_on = _first_day_after_birth_month(birth_year, birth_month, settings.HEARTEN_MINIMUM_AGE)
    if today < old_enough_on:
        return AgeCheck(allowed=False, minor_until=None)
    adult_on = _first_day_after_birth_month(birth_year, birth_month, settings.HEARTEN_ADULT_AGE)
    return AgeCheck(allowed=True, minor_until=adult_on if today < adult_on else None)


class NeedsConfirmation(ValidationError):
    """Screening asked the writer to reconsider (a nudge): save again with `confirmed=True` to post anyway."""


def refuse_or_confirm(decisions: dict, *, confirmed: bool, texts: dict | None = None, kind: str = "") -> None:
    """Raise for screening decisions, keyed by the field they read: a refusal (ValidationError naming each
    field, code "screening"), or a nudge the writer has not `confirmed` (NeedsConfirmation, code "nudge").

    Given the `texts` the decisions screened (as services.stories.nudges_of takes them) and their `kind`, the
    NeedsConfirmation carries `nudges`: the words each field's own decision asked about, for the page to mark."""
    refused = {
        field: ValidationError(str(decision.message), code="screening")
        for field, decision in decisions.items()
        if decision.action == Action.REJECT
    }
    if refused:
        raise ValidationError(refused)
    nudged = {
        field: ValidationError(str(decision.message), code="nudge")
        for field, decision in decisions.items()
        if decision.action == Action.NUDGE
    }
    if nudged and not confirmed:
        error = NeedsConfirmation(nudged)
        error.nudges = {}
        if texts is not None:
            from .stories import nudges_of  # noqa: PLC0415 (stories builds on this module)

            error.nudges = nudges_of(decisions, texts, kind=kind)
        raise error


def screen_profile(user: User, *, confirmed: bool = False) -> Decision:
    """Screen the profile's own writing, field by field, and record the decision on `user` (not saved).

    A refusal raises ValidationError naming each field with what to change (the form keeps the text); a nudge
    raises NeedsConfirmation unless `confirmed`. Held writing is saved but only its writer and moderators see it.
    """
    decisions = {
        # A minor's profile is a space for minors: their own contact details wait for a moderator too.
        name: moderation.screen(
            text=getattr(user, name), kind=Kind.PROFILE, author=user, context={"for_minors": user.is_minor}
        )
        for name in PROFILE_TEXT_FIELDS
        if getattr(user, name)
    }
    texts = {name: [(name, getattr(user, name))] for name in decisions}
    refuse_or_confirm(decisions, confirmed=confirmed, texts=texts, kind=Kind.PROFILE)
    decision = moderation.merge_decisions(decisions.values())
    moderation.record_screening(user, decision, confirmed=True)
    return decision


def check_display_name(name: str) -> None:
    """At sign-up, refuse a display name screening would refuse, with why (sign_up_member screens it again)."""
    decision = moderation.screen(text=name, kind=Kind.PROFILE, author=None)
    if decision.action == Action.REJECT:
        raise ValidationError(str(decision.message), code="screening")


def check_handle(handle: str) -> None:
    """Refuse a handle that screening would refuse as a post ("kys_loser"): it is shown on everything."""
    decision = moderation.screen(text=handle.replace("_", " "), kind=Kind.PROFILE, author=None)
    if decision.action == Action.REJECT:
        raise ValidationError(_("This handle isn't allowed here. Please choose another."), code="screening")


@transaction.atomic
def sign_up_member(*, user: User, display_name: str, birth_year: int, birth_month: int) -> User:
    """Finish a new account: keep no birth date, only when a minor becomes an adult; give minors safer defaults."""
    age = check_age(birth_year=birth_year, birth_month=birth_month, today=timezone.now().date())
    if not age.allowed:
        raise ValidationError(_("We can't create an account for you."), code="age_gate")
    user.display_name = display_name or user.handle
    screen_profile(user, confirmed=True)
    user.minor_until = age.minor_until
    if age.minor_until:
        user.profile_visibility = ProfileVisibility.MEMBERS
        user.messages_from = MessagesFrom.NOBODY
        user.sensitive_content = SensitiveContent.HIDE
    user.save()
    user.groups.add(Group.objects.get_or_create(name=Role.MEMBER)[0])
    return user


PROFILE_FIELDS = (
    "display_name",
    "pronouns",
    "bio",
    "avatar_alt",
    "country",
    "language",
    "time_zone",
    "profile_visibility",
    "messages_from",
    "sensitive_content",
)


@dataclass(frozen=True)
class ProfileUpdate:
    user: User
    decision: Decision  # what screening decided about the profile's writing: held? a crisis?


def update_profile(
    *, actor: User, user: User, data: dict, avatar=None, remove_avatar: bool = False, confirmed: bool = False
) -> ProfileUpdate:
    """Change profile and privacy settings. The profile's writing is screened (see screen_profile: a refusal
    or an unconfirmed nudge raises and saves nothing); a new avatar goes through the safe image pipeline."""
    if not can_edit_profile(actor, user):
        raise PermissionDenied(_("You can only change your own profile."))
    unknown = set(data) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError({name: _("This field cannot be changed here.") for name in unknown})
    try:
        new_avatar = clean_image(avatar, max_side=512) if avatar is not None else None
    except ValidationError as error:
        raise ValidationError({"avatar": error.messages}) from None

    for name, value in data.items():
        setattr(user, name, value)
    if user.is_minor and user.profile_visibility == ProfileVisibility.PUBLIC:
        raise ValidationError(
            {"profile_visibility": _("Members under 18 have profiles that only signed-in members can see.")}
        )
    if user.is_minor and user.messages_from == MessagesFrom.EVERYONE:
        raise ValidationError(
            {"messages_from": _("Members under 18 can get messages only from people they follow, or from nobody.")}
        )
    if (new_avatar or (user.avatar and not remove_avatar)) and not user.avatar_alt.strip():
        raise ValidationError({"avatar_alt": _("Describe your picture in a few words for people who can't see it.")})
    user.full_clean(exclude=["password", "avatar"])
    decision = screen_profile(user, confirmed=confirmed)

    storage = user.avatar.storage
    old_name = user.avatar.name if user.avatar and (new_avatar or remove_avatar) else None
    if new_avatar is not None:
        user.avatar.save(new_avatar.name, new_avatar, save=False)
    elif remove_avatar:
        user.avatar = ""
    try:
        with transaction.atomic():
            user.save()
    except Exception:
        if new_avatar is not None:
            storage.delete(user.avatar.name)  # no orphan file when the row was not written
        raise
    if old_name:
        transaction.on_commit(lambda: storage.delete(old_name))
    return ProfileUpdate(user=user, decision=decision)


def create_api_token(*, actor: User, name: str) -> tuple[ApiToken, str]:
    """Create a personal API token and return it with the secret, which is shown only this once."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name so you can recognise it later.")})
    if len(name) > 60:
        raise ValidationError({"name": _("Use at most 60 characters.")})
    if actor.api_tokens.filter(revoked_at__isnull=True).count() >= 20:
        raise ValidationError({"name": _("You have 20 active tokens. Revoke one you no longer use first.")})
    raw = "hrt_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=actor, name=name, prefix=raw[:10], key_hash=hash_token(raw))
    return token, raw


def revoke_api_token(*, actor: User, token_id: int) -> ApiToken:
    try:
        token = ApiToken.objects.get(pk=token_id, user=actor)
    except ApiToken.DoesNotExist:
        raise PermissionDenied(_("That token does not exist or is not yours.")) from None
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


@transaction.atomic
def grant_role(*, actor: User | None, user: User, role: Role) -> None:
    """Give a role (a group). Moderators and staff admins also become staff so they can open the admin."""
    if actor is not None and not can_manage_roles(actor):
        raise PermissionDenied(_("Only staff admins can change roles."))
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    if role in STAFF_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    if role == Role.STAFF_ADMIN and not user.is_superuser:
        user.is_superuser = True
        user.save(update_fields=["is_superuser"])
