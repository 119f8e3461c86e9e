"""Every write about stories, comments and reactions. Each text is screened before it is saved.

Results carry the screening decision so the page or the API can show the writer what happened (published,
held, a crisis: help first). Refusals raise ValidationError naming the field, and nothing is half-saved: a
story's picture is written only with its row, and removed again if the row is not.
"""

import re
from dataclasses import dataclass, replace

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from moderation import registry
from moderation import services as moderation
from moderation.decision import Action, Decision
from moderation.media import clean_image
from moderation.models import ContentWarning, Kind, Visibility
from moderation.text import normalise

from ..models import MAX_BODY, MAX_COMMENT, MAX_TITLE, Audience, Block, Comment, HiddenWord, Reaction, Story
from .people import NeedsConfirmation

MAX_TAGS = 10
TAG = re.compile(r"(?<![\w#])#(\w{2,50})", re.UNICODE)
STORY_FIELDS = (
    "title",
    "body",
    "image_alt",
    "tags",
    "content_warnings",
    "audience",
    "anonymous",
    "comments_enabled",
    "comments_need_approval",
    "public_reaction_counts",
)


@dataclass(frozen=True)
class Written:
    """What a write produced: the saved object and what screening decided about it."""

    obj: object
    decision: Decision

    @property
    def held(self) -> bool:
        return self.obj.visibility != Visibility.PUBLISHED


def can_post(actor) -> bool:
    return bool(actor and actor.is_authenticated and actor.is_active and actor.has_perm("community.post_content"))


def hashtags(text: str) -> list[str]:
    """The #tags written in a text, lower-cased, each once, in order."""
    return list(dict.fromkeys(match.lower() for match in TAG.findall(text or "")))


def _clean_tags(values) -> list[str]:
    tags = []
    for value in values or ():
        tag = str(value).strip().lstrip("#").lower()
        if tag and re.fullmatch(r"\w{2,50}", tag):
            tags.append(tag)
        elif tag:
            raise ValidationError(
                {"tags": _("“%(tag)s” is not a hashtag: use 2 to 50 letters, digits or _.") % {"tag": value}}
            )
    return list(dict.fromkeys(tags))


def _check_story(data: dict) -> None:
    errors = {}
    body = data.get("body") or ""
    if not body.strip():
        errors["body"] = _("Write your story before posting it.")
    elif len(body) > MAX_BODY:
        errors["body"] = _("Your story is %(length)d characters long; the limit is %(limit)d. Please shorten it.") % {
            "length": len(body),
            "limit": MAX_BODY,
        }
    if len(data.get("title") or "") > MAX_TITLE:
        errors["title"] = _("Use at most %(limit)d characters for the title.") % {"limit": MAX_TITLE}
    if data.get("audience", Audience.PUBLIC) not in Audience.values:
        errors["audience"] = _("Choose who can read it: %(choices)s.") % {"choices": ", ".join(Audience.values)}
    unknown = [code for code in data.get("content_warnings") or [] if code not in ContentWarning.values]
    if unknown:
        errors["content_warnings"] = _("Choose warnings from the list: %(choices)s.") % {
            "choices": ", ".join(ContentWarning.values)
        }
    if errors:
        raise ValidationError(errors)


def story_text(story: Story) -> str:
    """What screening reads of a story: its title, body and picture description."""
    return "\n\n".join(part for part in (story.title, story.body, story.image_alt) if part)


def save_story(
    *,
    actor,
    data: dict,
    story: Story | None = None,
    image=None,
    remove_image: bool = False,
    post: bool = False,
    confirmed: bool = False,
) -> Written:
    """Create or change a story; `post=True` publishes it (a draft stays private to its author).

    The text is screened either way. Posting follows the decision: refused (ValidationError on `body`), asked to
    reconsider (NeedsConfirmation unless `confirmed`), held, or published behind the warnings screening found
    plus those the writer chose. Hashtags typed in the text are added to those chosen.
    """
    if story is None and not can_post(actor):
        raise PermissionDenied(_("You can't post stories right now."))
    if story is not None and (story.author_id != getattr(actor, "pk", None) or not actor.is_active):
        raise PermissionDenied(_("You can only change your own stories."))
    unknown = set(data) - set(STORY_FIELDS)
    if unknown:
        raise ValidationError({name: _("This field cannot be changed here.") for name in unknown})
    merged = {field: getattr(story, field) for field in STORY_FIELDS if story and field not in ("tags",)}
    merged.update(data)
    _check_story(merged)
    chosen_tags = _clean_tags(data.get("tags", []))
    try:
        new_image = clean_image(image, max_side=2048) if image is not None else None
    except ValidationError as error:
        raise ValidationError({"image": error.messages}) from None

    story = story or Story(author=actor)
    was_posted = story.is_posted
    for field in STORY_FIELDS:
        if field in data and field not in ("tags", "content_warnings"):
            setattr(story, field, data[field])
    has_image = bool(new_image) or (bool(story.image) and not remove_image)
    if has_image and not (story.image_alt or "").strip():
        raise ValidationError({"image_alt": _("Describe your picture in a few words for people who can't see it.")})
    tags = list(dict.fromkeys(chosen_tags + hashtags(f"{story.title} {story.body}")))[:MAX_TAGS]
    chosen_warnings = list(data.get("content_warnings", story.content_warnings if story.pk else []) or [])

    decision = moderation.screen(text=story_text(story), kind=Kind.STORY, author=actor)
    publishing = post or was_posted
    if publishing:
        _refuse_or_confirm({"body": decision}, confirmed=confirmed)
        moderation.record_screening(story, decision, confirmed=True)
        if not was_posted:
            story.status = Story.Status.POSTED
            story.posted_at = timezone.now()
        else:
            story.edited_at = timezone.now()
    else:
        moderation.record_screening(story, _private(decision), confirmed=True)
    story.content_warnings = list(dict.fromkeys([*decision.content_warnings, *chosen_warnings]))

    storage = story.image.storage
    old_name = story.image.name if story.image and (new_image or remove_image) else None
    if new_image is not None:
        story.image.save(new_image.name, new_image, save=False)
    elif remove_image:
        story.image = ""
    try:
        with transaction.atomic():
            story.save()
            story.tags.set(tags)
    except Exception:
        if new_image is not None:
            storage.delete(story.image.name)  # no orphan file when the row was not written
        raise
    if old_name:
        transaction.on_commit(lambda: storage.delete(old_name))
    return Written(story, decision)


def _private(decision: Decision) -> Decision:
    """A draft is seen by its writer only: screening is recorded (labels, a crisis) but nothing is refused;
    posting it screens it again and follows that decision."""
    if decision.action in (Action.REJECT, Action.NUDGE):
        return replace(decision, action=Action.PUBLISH)
    return decision


def _refuse_or_confirm(decisions: dict, *, confirmed: bool) -> None:
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
        raise NeedsConfirmation(nudged)


def delete_story(*, actor, story: Story) -> None:
    """The author deletes their story, its picture and the conversation under it."""
    if story.author_id != getattr(actor, "pk", None):
        raise PermissionDenied(_("You can only delete your own stories."))
    image = story.image.name if story.image else None
    storage = story.image.storage
    with transaction.atomic():
        Comment.objects.filter(target_type=ContentType.objects.get_for_model(Story), target_id=story.pk).delete()
        Reaction.objects.filter(target_type=ContentType.objects.get_for_model(Story), target_id=story.pk).delete()
        story.delete()
    if image:
        transaction.on_commit(lambda: storage.delete(image))


# Comments


def blocked_between(a, b) -> bool:
    """Whether either of two people blocked the other."""
    if not (getattr(a, "pk", None) and getattr(b, "pk", None)):
        return False
    return Block.objects.filter(Q(blocker=a.pk, blocked=b.pk) | Q(blocker=b.pk, blocked=a.pk)).exists()


def _target_author_id(target):
    author_field = registry.registration_for(target).author_field
    return getattr(target, target._meta.get_field(author_field).attname)


def _hidden_word_hit(owner_id, body: str) -> bool:
    phrases = list(HiddenWord.objects.filter(owner_id=owner_id).values_list("phrase", flat=True))
    if not phrases:
        return False
    text = f" {normalise(body).text} "
    return any(f" {normalise(phrase).text} " in text or normalise(phrase).text in text.split() for phrase in phrases)


def add_comment(*, actor, target, body: str, parent: Comment | None = None, confirmed: bool = False) -> Written:
    """Comment on registered content, or reply to a comment on it. Refused (with why) when comments are off,
    the parent is gone, or the two people blocked each other; otherwise screened like every post."""
    if not can_post(actor):
        raise PermissionDenied(_("You can't comment right now."))
    body = body or ""
    if not body.strip():
        raise ValidationError({"body": _("Write a comment first.")})
    if len(body) > MAX_COMMENT:
        raise ValidationError(
            {
                "body": _("Comments can be up to %(limit)d characters; this one is %(length)d.")
                % {
                    "limit": MAX_COMMENT,
                    "length": len(body),
                }
            }
        )
    if getattr(target, "visibility", Visibility.PUBLISHED) != Visibility.PUBLISHED or not getattr(
        target, "is_posted", True
    ):
        raise ValidationError({"body": _("This can't be commented on right now.")})
    if not getattr(target, "comments_enabled", True):
        raise ValidationError({"body": _("The author has turned comments off.")})
    owner_id = _target_author_id(target)
    owner = type(actor)._default_manager.filter(pk=owner_id).first() if owner_id else None
    if owner is not None and blocked_between(actor, owner):
        raise PermissionDenied(_("You can't comment here."))
    target_type = ContentType.objects.get_for_model(target)
    if parent is not None:
        if (parent.target_type_id, parent.target_id) != (target_type.pk, target.pk):
            raise ValidationError({"parent": _("That comment is not on this page.")})
        if parent.is_deleted or parent.visibility in (Visibility.REMOVED, Visibility.HIDDEN):
            raise ValidationError({"parent": _("That comment was removed, so it can't be replied to.")})
        if parent.author_id and blocked_between(actor, parent.author):
            raise PermissionDenied(_("You can't reply to this comment."))

    comment = Comment(author=actor, target_type=target_type, target_id=target.pk, parent=parent, body=body)
    decision = moderation.screen(text=body, kind=Kind.COMMENT, author=actor)
    _refuse_or_confirm({"body": decision}, confirmed=confirmed)
    moderation.record_screening(comment, decision, confirmed=True)
    if (
        owner_id
        and owner_id != actor.pk
        and (getattr(target, "comments_need_approval", False) or _hidden_word_hit(owner_id, body))
    ):
        comment.approval = Comment.Approval.PENDING
    with transaction.atomic():
        comment.save()
    return Written(comment, decision)


def edit_comment(*, actor, comment: Comment, body: str, confirmed: bool = False) -> Written:
    if comment.author_id != getattr(actor, "pk", None) or comment.is_deleted:
        raise PermissionDenied(_("You can only edit your own comments."))
    if not (body or "").strip():
        raise ValidationError({"body": _("Write a comment first, or delete it.")})
    if len(body) > MAX_COMMENT:
        raise ValidationError({"body": _("Comments can be up to %(limit)d characters.") % {"limit": MAX_COMMENT}})
    comment.body = body
    decision = moderation.screen(text=body, kind=Kind.COMMENT, author=actor)
    _refuse_or_confirm({"body": decision}, confirmed=confirmed)
    moderation.record_screening(comment, decision, confirmed=True)
    comment.edited_at = timezone.now()
    with transaction.atomic():
        comment.save()
    return Written(comment, decision)


def delete_comment(*, actor, comment: Comment) -> None:
    """The author deletes their comment; one with replies leaves "comment deleted" so the thread still reads."""
    if comment.author_id != getattr(actor, "pk", None):
        raise PermissionDenied(_("You can only delete your own comments."))
    with transaction.atomic():
        if comment.replies.exists():
            Comment.objects.filter(pk=comment.pk).update(body="", deleted_at=timezone.now(), screening_labels=[])
        else:
            comment.delete()


def approve_comment(*, actor, comment: Comment) -> Comment:
    """The author of the content lets a comment waiting for them show."""
    if _target_author_id(comment.target) != getattr(actor, "pk", None):
        raise PermissionDenied(_("Only the author can approve comments on their content."))
    Comment.objects.filter(pk=comment.pk).update(approval=Comment.Approval.APPROVED)
    comment.approval = Comment.Approval.APPROVED
    return comment


# Reactions


def react(*, actor, target, kind: str) -> bool:
    """Add a reaction of `kind`; False if it was already there. Race-free: the unique constraint decides."""
    if kind not in Reaction.Kind.values:
        raise ValidationError({"kind": _("Choose one of: %(kinds)s.") % {"kinds": ", ".join(Reaction.Kind.values)}})
    if not (actor and actor.is_authenticated and actor.is_active):
        raise PermissionDenied(_("Sign in to react."))
    if getattr(target, "visibility", Visibility.PUBLISHED) != Visibility.PUBLISHED:
        raise ValidationError({"kind": _("This can't be reacted to right now.")})
    owner_id = _target_author_id(target)
    if owner_id and owner_id != actor.pk:
        owner = type(actor)._default_manager.filter(pk=owner_id).first()
        if owner is not None and blocked_between(actor, owner):
            raise PermissionDenied(_("You can't react here."))
    target_type = ContentType.objects.get_for_model(target)
    try:
        with transaction.atomic():
            Reaction.objects.create(user=actor, target_type=target_type, target_id=target.pk, kind=kind)
    except IntegrityError:
        return False
    return True


def unreact(*, actor, target, kind: str) -> bool:
    target_type = ContentType.objects.get_for_model(target)
    deleted, _details = Reaction.objects.filter(
        user=actor, target_type=target_type, target_id=target.pk, kind=kind
    ).delete()
    return bool(deleted)
