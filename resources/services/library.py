"""Resources: create, edit, preview, publish, archive, mark reviewed; staff edits to topics.

Only members of a verified organisation (and staff admins) write here. Every function validates all of its
input first and raises one ValidationError naming each bad field, then writes inside one transaction, so a
mistake never leaves half a resource behind. The search index is brought up to date in the same transaction.
"""

import copy
import datetime
import uuid
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from moderation.markdown import render_markdown

from ..models import (
    WORLDWIDE,
    Area,
    Audience,
    Language,
    OrganisationMember,
    PublicationStatus,
    Resource,
    Topic,
    utc_today,
)
from ..permissions import can_publish_for, can_verify
from ..search import index_resource
from ..selectors.library import ResourceView
from .slugs import unique_slug

# The fields a publisher writes, as services, forms and the API name them.
RESOURCE_FIELDS = (
    "kind",
    "title",
    "summary",
    "body",
    "external_url",
    "topics",
    "tags",
    "audiences",
    "languages",
    "countries",
    "review_interval_days",
    "reviewed_on",
)
MAX_TAGS = 20
MAX_TAG_LENGTH = 50
MAX_BODY = 50_000

_web_address = URLValidator(schemes=["http", "https"])


def _as_keys(values, attribute: str) -> list[str]:
    """Slugs or codes from model instances or strings (a comma-separated string works too)."""
    if values is None:
        return []
    if isinstance(values, str):
        values = values.split(",")
    keys = []
    for value in values:
        key = getattr(value, attribute, value)
        key = str(key).strip()
        if key and key not in keys:
            keys.append(key)
    return keys


def _resolve(model, keys: list[str], lookup: str) -> tuple[list, list[str]]:
    """(found objects in the given order, unknown keys)."""
    found = {getattr(obj, lookup): obj for obj in model.objects.filter(**{f"{lookup}__in": keys})}
    return [found[key] for key in keys if key in found], [key for key in keys if key not in found]


def validate_resource(data: dict) -> dict:
    """Check a publisher's input (any subset of RESOURCE_FIELDS) and resolve vocabularies to objects.

    Raises ValidationError({field: [message]}) listing every problem at once.
    """
    errors: dict[str, list[str]] = {}
    clean: dict = {}
    unknown = set(data) - set(RESOURCE_FIELDS)
    if unknown:
        errors["__all__"] = [_("Unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))}]

    if "kind" in data:
        if data["kind"] in Resource.Kind.values:
            clean["kind"] = data["kind"]
        else:
            errors["kind"] = [_("Choose what kind of resource this is.")]
    if "title" in data:
        title = " ".join(str(data["title"] or "").split())
        if not title:
            errors["title"] = [_("Give your resource a title.")]
        elif len(title) > 200:
            errors["title"] = [_("Keep the title under 200 characters (it has %(count)s).") % {"count": len(title)}]
        clean["title"] = title
    if "summary" in data:
        summary = " ".join(str(data["summary"] or "").split())
        if len(summary) > 400:
            errors["summary"] = [
                _("Keep the summary under 400 characters (it has %(count)s).") % {"count": len(summary)}
            ]
        clean["summary"] = summary
    if "body" in data:
        body = str(data["body"] or "").replace("\r\n", "\n").replace("\x00", "")
        if len(body) > MAX_BODY:
            errors["body"] = [_("Keep the body under 50,000 characters.")]
        clean["body"] = body
    if "external_url" in data:
        url = str(data["external_url"] or "").strip()
        if url:
            try:
                if len(url) > 500:
                    raise ValidationError("too long")
                _web_address(url)
            except ValidationError:
                errors["external_url"] = [
                    _("Use a full web address starting with https:// or http://, like https://example.org/page.")
                ]
        clean["external_url"] = url
    if "topics" in data:
        topics, missing = _resolve(Topic, _as_keys(data["topics"], "slug"), "slug")
        if missing:
            errors["topics"] = [_("Unknown topic: %(topics)s.") % {"topics": ", ".join(missing)}]
        clean["topics"] = topics
    if "audiences" in data:
        audiences, missing = _resolve(Audience, _as_keys(data["audiences"], "slug"), "slug")
        if missing:
            errors["audiences"] = [_("Unknown audience: %(audiences)s.") % {"audiences": ", ".join(missing)}]
        clean["audiences"] = audiences
    if "languages" in data:
        codes = [code.lower() for code in _as_keys(data["languages"], "code")]
        languages, missing = _resolve(Language, codes, "code")
        if missing:
            errors["languages"] = [
                _("“%(codes)s” is not a language code we know. Use two-letter ISO 639-1 codes, like en or es.")
                % {"codes": ", ".join(missing)}
            ]
        clean["languages"] = languages
    if "countries" in data:
        codes = [code.upper() for code in _as_keys(data["countries"], "code")]
        areas, missing = _resolve(Area, codes, "code")
        if missing:
            errors["countries"] = [
                _(
                    "“%(codes)s” is not a country code we know. Use two-letter ISO 3166 codes, like GB or AU, "
                    "or %(worldwide)s for worldwide."
                )
                % {"codes": ", ".join(missing), "worldwide": WORLDWIDE}
            ]
        clean["countries"] = areas
    if "tags" in data:
        tags, seen = [], set()
        for name in _as_keys(data["tags"], "name"):
            name = " ".join(name.split())
            if name.lower() not in seen:
                seen.add(name.lower())
                tags.append(name)
        if len(tags) > MAX_TAGS:
            errors["tags"] = [_("Use at most %(max)s tags.") % {"max": MAX_TAGS}]
        elif any(len(name) > MAX_TAG_LENGTH for name in tags):
            errors["tags"] = [_("Keep each tag under %(max)s characters.") % {"max": MAX_TAG_LENGTH}]
        clean["tags"] = tags
    if "review_interval_days" in data:
        try:
            days = int(data["review_interval_days"])
        except (TypeError, ValueError):
            days = 0
        if not 1 <= days <= 3650:
            errors["review_interval_days"] = [_("Choose a review interval between 1 and 3,650 days.")]
        clean["review_interval_days"] = days
    if "reviewed_on" in data:
        reviewed_on = data["reviewed_on"]
        if isinstance(reviewed_on, str):
            try:
                reviewed_on = datetime.date.fromisoformat(reviewed_on)
            except ValueError:
                reviewed_on = None
        if not isinstance(reviewed_on, datetime.date) or isinstance(reviewed_on, datetime.datetime):
            errors["reviewed_on"] = [_("Enter the date as YYYY-MM-DD.")]
        elif reviewed_on > utc_today():
            errors["reviewed_on"] = [_("The review date cannot be in the future.")]
        clean["reviewed_on"] = reviewed_on
    if errors:
        raise ValidationError(errors)
    return clean


def publish_problems(*, summary: str, topics: Iterable, external_url: str, body: str) -> dict[str, list[str]]:
    """What still stops a resource from being published ({} if nothing)."""
    problems: dict[str, list[str]] = {}
    if not (summary or "").strip():
        problems["summary"] = [_("Add a short summary before publishing; it is what people see in lists.")]
    if not list(topics):
        problems["topics"] = [_("Choose at least one topic before publishing, so people can find it.")]
    if not (external_url or "").strip() and not (body or "").strip():
        problems["external_url"] = [_("Add a link or write a body before publishing: there is nothing to read yet.")]
    return problems


def _check_can_publish(actor, organisation) -> None:
    if can_publish_for(actor, organisation):
        return
    member = (
        actor.is_authenticated and OrganisationMember.objects.filter(organisation=organisation, user=actor).exists()
    )
    if member:
        raise PermissionDenied(
            _("%(organisation)s is not verified yet. You can publish once Hearten staff have verified it.")
            % {"organisation": organisation}
        )
    raise PermissionDenied(_("You can only publish for organisations you belong to."))


def _write_relations(resource: Resource, clean: dict) -> None:
    if "topics" in clean:
        resource.topics.set(clean["topics"])
    if "audiences" in clean:
        resource.audiences.set(clean["audiences"])
    if "languages" in clean:
        resource.languages.set(clean["languages"])
    if "countries" in clean:
        resource.areas.set(clean["countries"])
    if "tags" in clean:
        resource.tags.set(clean["tags"], clear=True)


def _current_values(resource: Resource) -> dict:
    return {
        "summary": resource.summary,
        "body": resource.body,
        "external_url": resource.external_url,
        "topics": list(resource.topics.all()) if resource.pk else [],
    }


def _raise_if_unpublishable(values: dict) -> None:
    problems = publish_problems(
        summary=values["summary"], topics=values["topics"], external_url=values["external_url"], body=values["body"]
    )
    if problems:
        raise ValidationError(problems)


def _do_publish(resource: Resource) -> None:
    resource.status = PublicationStatus.PUBLISHED
    if resource.published_at is None:
        resource.published_at = timezone.now()


def create_resource(*, actor, organisation, publish: bool = False, **fields) -> Resource:
    """A new resource for `organisation`, saved as a draft (or published straight away with `publish=True`)."""
    _check_can_publish(actor, organisation)
    fields.setdefault("title", "")
    clean = validate_resource(fields)
    if publish:
        _raise_if_unpublishable(
            {
                "summary": clean.get("summary", ""),
                "body": clean.get("body", ""),
                "external_url": clean.get("external_url", ""),
                "topics": clean.get("topics", []),
            }
        )
    with transaction.atomic():
        resource = Resource(organisation=organisation, created_by=actor if actor.is_authenticated else None)
        for name in ("kind", "title", "summary", "body", "external_url", "review_interval_days", "reviewed_on"):
            if name in clean:
                setattr(resource, name, clean[name])
        if publish:
            _do_publish(resource)
        resource.slug = unique_slug(Resource, clean["title"], fallback="resource", max_length=200)
        try:
            with transaction.atomic():
                resource.save()
        except IntegrityError:
            # Someone took the same slug a moment ago.
            resource.slug = f"{resource.slug}-{uuid.uuid4().hex[:6]}"
            resource.save()
        _write_relations(resource, clean)
        index_resource(resource)
    return resource


def _locked(resource: Resource) -> Resource:
    return Resource.objects.select_for_update().select_related("organisation").get(pk=resource.pk)


def update_resource(*, actor, resource: Resource, publish: bool = False, **changes) -> Resource:
    """Change some of a resource's fields (and publish it with `publish=True`, all or nothing).

    A published resource must stay publishable.
    """
    _check_can_publish(actor, resource.organisation)
    clean = validate_resource(changes)
    with transaction.atomic():
        resource = _locked(resource)
        if publish or resource.status == PublicationStatus.PUBLISHED:
            _raise_if_unpublishable({**_current_values(resource), **clean})
            _do_publish(resource)
        link_changed = "external_url" in clean and clean["external_url"] != resource.external_url
        for name in ("kind", "title", "summary", "body", "external_url", "review_interval_days", "reviewed_on"):
            if name in clean:
                setattr(resource, name, clean[name])
        if link_changed:
            # A new link has not been checked yet.
            resource.link_status = Resource.LinkStatus.UNCHECKED
            resource.link_status_code = None
            resource.link_checked_at = None
        resource.save()
        _write_relations(resource, clean)
        index_resource(resource)
    return resource


def preview_resource(*, actor, organisation, resource: Resource | None = None, **fields) -> ResourceView:
    """How the resource will look to readers with these changes, without saving anything.

    The result's `problems` says what would still stop it from being published.
    """
    _check_can_publish(actor, organisation if resource is None else resource.organisation)
    clean = validate_resource(fields)
    if resource is None:
        draft = Resource(organisation=organisation, slug="preview")
        current = {"topics": [], "audiences": [], "languages": [], "countries": [], "tags": []}
    else:
        draft = copy.copy(resource)
        current = {
            "topics": list(resource.topics.all()),
            "audiences": list(resource.audiences.all()),
            "languages": list(resource.languages.all()),
            "countries": list(resource.areas.all()),
            "tags": sorted(tag.name for tag in resource.tags.all()),
        }
    for name in ("kind", "title", "summary", "body", "external_url", "review_interval_days", "reviewed_on"):
        if name in clean:
            setattr(draft, name, clean[name])
    related = {name: clean.get(name, current[name]) for name in current}
    view = ResourceView(
        resource=draft,
        topics=related["topics"],
        audiences=related["audiences"],
        languages=related["languages"],
        countries=related["countries"],
        tags=sorted(related["tags"]),
        body_html=render_markdown(draft.body),
        problems=publish_problems(
            summary=draft.summary, topics=related["topics"], external_url=draft.external_url, body=draft.body
        ),
    )
    return view


def publish_resource(*, actor, resource: Resource) -> Resource:
    """Make a draft (or archived) resource visible to everyone. It needs a summary, a topic, and a link or body."""
    _check_can_publish(actor, resource.organisation)
    with transaction.atomic():
        resource = _locked(resource)
        _raise_if_unpublishable(_current_values(resource))
        if resource.status != PublicationStatus.PUBLISHED:
            _do_publish(resource)
            resource.save(update_fields=["status", "published_at", "updated_at"])
            index_resource(resource)
    return resource


def archive_resource(*, actor, resource: Resource) -> Resource:
    """Take a resource off the library. It stays in the workspace and can be published again."""
    _check_can_publish(actor, resource.organisation)
    with transaction.atomic():
        resource = _locked(resource)
        if resource.status != PublicationStatus.ARCHIVED:
            resource.status = PublicationStatus.ARCHIVED
            resource.save(update_fields=["status", "updated_at"])
            index_resource(resource)
    return resource


def mark_resource_reviewed(*, actor, resource: Resource, on: datetime.date | None = None) -> Resource:
    """Record that someone checked the resource is still accurate (today, unless `on` says otherwise)."""
    _check_can_publish(actor, resource.organisation)
    clean = validate_resource({"reviewed_on": on or utc_today()})
    with transaction.atomic():
        resource = _locked(resource)
        resource.reviewed_on = clean["reviewed_on"]
        resource.save(update_fields=["reviewed_on", "updated_at"])
    return resource


# Topics (staff)


def check_topic_parent(topic: Topic, parent: Topic | None) -> None:
    """A topic cannot sit under itself or under one of its own sub-topics."""
    seen = set()
    while parent is not None:
        if (topic.pk and parent.pk == topic.pk) or parent.pk in seen:
            raise ValidationError({"parent": [_("A topic cannot be placed under itself or one of its sub-topics.")]})
        seen.add(parent.pk)
        parent = parent.parent


def save_topic(*, actor, topic: Topic) -> Topic:
    """Staff add or change a topic; its resources are re-indexed (topic names are searched)."""
    if not can_verify(actor):
        raise PermissionDenied(_("Only Hearten staff can change topics."))
    check_topic_parent(topic, topic.parent)
    topic.full_clean()
    with transaction.atomic():
        topic.save()
        for resource in topic.resources.all():
            index_resource(resource)
    return topic
