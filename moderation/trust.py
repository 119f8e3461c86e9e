"""The writer's standing and the staff-edited trust settings screening reads.

`settings()` gives the one TrustSettings row as an immutable snapshot, kept in the shared cache until staff
change it (`moderation.services.save_trust_settings` calls `invalidate()`); a missing row means the defaults.
`standing()` says whether a writer is suspended, new, a member or trusted. Reads only: screening stays free of
writes.
"""

from dataclasses import dataclass, fields
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from . import registry
from .models import TrustSettings, Visibility

CACHE_KEY = "moderation:trust-settings:v2"
STANDINGS = ("new", "member", "trusted")


@dataclass(frozen=True, slots=True)
class Trust:
    new_account_days: int = 7
    new_account_posts: int = 3
    new_account_message_days: int = 3
    hold_links_from_new: bool = True
    premoderate_new_posts: bool = False
    stricter_for_minors: bool = True
    trusted_roles: tuple[str, ...] = ("expert", "organisation_member")

    @classmethod
    def of(cls, row: TrustSettings) -> "Trust":
        values = {field.name: getattr(row, field.name) for field in fields(cls)}
        values["trusted_roles"] = tuple(values["trusted_roles"] or ())
        return cls(**values)


DEFAULTS = Trust()


def settings() -> Trust:
    trust = cache.get(CACHE_KEY)
    if trust is None:
        row = TrustSettings.objects.filter(pk=1).first()
        trust = Trust.of(row) if row is not None else DEFAULTS
        cache.set(CACHE_KEY, trust, 300)
    return trust


def invalidate() -> None:
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def standing(author, trust: Trust | None = None) -> str:
    """ "suspended", "new", "member" or "trusted" for a user, a standing string, or None (new)."""
    if author is None:
        return "new"
    if isinstance(author, str):
        return author if author in STANDINGS else "new"
    if not getattr(author, "is_active", True):
        return "suspended"
    if getattr(author, "pk", None) is None:
        return "new"
    trust = trust or settings()
    if getattr(author, "is_staff", False):
        return "trusted"
    if trust.trusted_roles and author.groups.filter(name__in=trust.trusted_roles).exists():
        return "trusted"
    joined = getattr(author, "date_joined", None)
    if joined is not None and timezone.now() - joined < timedelta(days=trust.new_account_days):
        return "new"
    if trust.new_account_posts and published_posts(author, at_least=trust.new_account_posts) < trust.new_account_posts:
        return "new"
    return "member"


def published_posts(author, *, at_least: int) -> int:
    """How many published posts (of every registered kind that counts) `author` has, counting up to `at_least`."""
    total = 0
    for registration in registry.registered():
        if not registration.counts_as_post:
            continue
        manager = registration.model._default_manager
        published = manager.filter(
            **{registration.author_field: author, "visibility": Visibility.PUBLISHED}, **dict(registration.live)
        )
        total += published[: at_least - total].count()
        if total >= at_least:
            break
    return total


def repeats_recent_post(author, normalised_text: str, *, replacing=None, hours: int = 24, recent: int = 20) -> bool:
    """Whether `author` wrote the same text (after normalisation) in the last `hours`: copy-paste spam.
    `replacing`, an item this text is a new version of, does not count."""
    from .text import normalise

    if getattr(author, "pk", None) is None or len(normalised_text) < 20:
        return False
    since = timezone.now() - timedelta(hours=hours)
    for registration in registry.registered():
        if not registration.counts_as_post:
            continue
        model = registration.model
        date_field = next(
            (name for name in ("created_at", "screened_at") if _has_field(model, name)),
            None,
        )
        items = model._default_manager.filter(**{registration.author_field: author}, **dict(registration.live))
        if replacing is not None and isinstance(replacing, model) and replacing.pk is not None:
            items = items.exclude(pk=replacing.pk)
        if date_field:
            items = items.filter(**{f"{date_field}__gte": since}).order_by(f"-{date_field}")
        for values in items.values_list(*registration.text_fields)[:recent]:
            candidates = ("\n\n".join(value or "" for value in values), *values)
            if any(value and normalise(value).text == normalised_text for value in candidates):
                return True
    return False


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except Exception:
        return False
    return True
