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
from django.utils import timezone
from django.utils.translation import gettext as _

from moderation import registry
from moderation import services as moderation
from moderation.decision import Action, Decision
from moderation.media import clean_image
from moderation.models import ContentWarning, Kind, Visibility
from moderation.policy import POLICY, policy_key
from moderation.suggestions import suggest
from moderation.text import normalise

from ..models import MAX_BODY, MAX_COMMENT, MAX_TITLE, Audience, CirclePost, Comment, HiddenWord, Reaction, Story
from ..selectors import social as social_selectors
from ..selectors.circles import post_readable_by, space_for_minors
from ..selectors.stories import readable_stories
from . import notifications
from .people import NeedsConfirmation, refuse_or_confirm

MAX_TAGS = 10
MAX_IMAGE_ALT = Story._meta.get_field("image_alt").max_length
TAG = re.compile(r"(?<![\w#])#(\w{2,50})(?!\w)", re.UNICODE)  # a longer word is no tag, not a cut-off one
WORD = re.compile(r"\w+", re.UNICODE)
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


@dataclass(frozen=True)
class Nudge:
    """What screening asked the writer to reconsider in one field (a nudge), from the decision they got: the
    field's text as screened, the spans of the words matched in it, notes on what a nudge found in the text as
    a whole (no words to mark), and safe-messaging suggestions. Never which rule fired or how sure it was."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()
    notes: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()


def nudges_of(decisions: dict, texts: dict, *, kind: str, warnings=()) -> dict[str, Nudge]:
    """The fields to mark, from decisions keyed as refuse_or_confirm() takes them. `texts` gives, for each key,
    the (field, text) parts its decision screened, joined as story_text() joins them; a note goes to the field
    named like the key. Only decisions that are nudges count: a text held or refused is not asked about."""
    found: dict[str, dict] = {}
    for key, decision in decisions.items():
        if decision.action != Action.NUDGE:
            continue
        parts, start = [], 0
        for field, text in texts.get(key, ()):
            if text:
                parts.append((field, text, start))
                start += len(text) + len(PARTS_JOINED_BY)
        for label in decision.labels:
            outcome = POLICY.get(policy_key(label, kind=kind, standing=""))
            if outcome is None or outcome.action != Action.NUDGE:
                continue
            if label.span:
                for field, text, offset in parts:
                    begin, end = label.span[0] - offset, label.span[1] - offset
                    if 0 <= begin < end <= len(text):
                        found.setdefault(field, {"decision": decision, "spans": set(), "notes": []})
                        found[field]["spans"].add((begin, end))
            elif outcome.message:
                found.setdefault(key, {"decision": decision, "spans": set(), "notes": []})
                found[key]["notes"].append(str(outcome.message))
    all_texts = {field: text for parts in texts.values() for field, text in parts}
    nudges = {}
    for field, item in found.items():
        text = all_texts.get(field) or ""
        advice = suggest(item["decision"], text, content_warnings=warnings)
        nudges[field] = Nudge(
            text=text,
            spans=tuple(sorted(item["spans"])),
            notes=tuple(dict.fromkeys(item["notes"])),
            suggestions=tuple(str(entry["message"]) for entry in advice),
        )
    return nudges


def _refuse_or_confirm(decisions: dict, texts: dict, *, kind: str, confirmed: bool, warnings=()) -> None:
    """refuse_or_confirm(), and a nudge says which words it is about (`nudges` on the NeedsConfirmation), as
    decided for this writer in this space, so the page marks exactly those."""
    try:
        refuse_or_confirm(decisions, confirmed=confirmed)
    except NeedsConfirmation as error:
        error.nudges = nudges_of(decisions, texts, kind=kind, warnings=warnings)
        raise


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


def _check_story(data: dict, *, writer_is_minor: bool = False) -> None:
    errors = {}
    body = data.get("body") or ""
    if not body.strip():
        errors["body"] = _("Write your story before posting it.")
    elif len(body) > MAX_BODY:
        errors["body"] = _("Your story is %(length)d characters long; the limit is %(limit)d. Please shorten it.") % {
            "length": len(body),
            "limit": MAX_BODY,
        }
    if len(data.get("image_alt") or "") > MAX_IMAGE_ALT:
        errors["image_alt"] = _("Use at most %(limit)d characters to describe the picture.") % {"limit": MAX_IMAGE_ALT}
    if len(data.get("title") or "") > MAX_TITLE:
        errors["title"] = _("Use at most %(limit)d characters for the title.") % {"limit": MAX_TITLE}
    if data.get("audience", Audience.PUBLIC) not in Audience.values:
        errors["audience"] = _("Choose who can read it: %(choices)s.") % {"choices": ", ".join(Audience.values)}
    elif data.get("audience") == Audience.PUBLIC and writer_is_minor:
        errors["audience"] = _("Stories by members under 18 are for signed-in members: choose members or followers.")
    elif data.get("anonymous") and data.get("audience") == Audience.FOLLOWERS:
        errors["audience"] = _(
            "An anonymous story can't be for your followers only: they would know it is yours. "
            "Choose everyone or signed-in members."
        )
    unknown = [code for code in data.get("content_warnings") or [] if code not in ContentWarning.values]
    if unknown:
        errors["content_warnings"] = _("Choose warnings from the list: %(choices)s.") % {
            "choices": ", ".join(ContentWarning.values)
        }
    if errors:
        raise ValidationError(errors)


PARTS_JOINED_BY = "\n\n"


def _story_parts(story: Story) -> list[tuple[str, str]]:
    return [("title", story.title), ("body", story.body), ("image_alt", story.image_alt)]


def story_text(story: Story) -> str:
    """What screening reads of a story: its title, body and picture description."""
    return PARTS_JOINED_BY.join(text for _field, text in _story_parts(story) if text)


def screen_replacing(obj, *, text: str, kind: str, author, owner_id=None) -> Decision:
    """screen() the new text of `obj`; its own stored copy does not count as a repeat of itself (posting a saved
    draft, saving a story again with its text unchanged). Writing by a minor, under a minor's story, or under a
    post in a circle open to under-18s is in a space for minors: stricter when the trust settings say so."""
    context = {"replacing": obj, "for_minors": _for_minors(author, owner_id) or space_for_minors(obj)}
    return moderation.screen(text=text, kind=kind, author=author, context=context)


def _for_minors(author, owner_id=None) -> bool:
    if getattr(author, "is_minor", False):
        return True
    if owner_id and owner_id != getattr(author, "pk", None):
        today = timezone.now().date()
        return Story.author.field.related_model._default_manager.filter(pk=owner_id, minor_until__gt=today).exists()
    return False


def _chosen_tags_of(story: Story) -> list[str]:
    """The hashtags a stored story has besides those typed in its text: the ones its author chose."""
    if story.pk is None:
        return []
    typed = set(hashtags(f"{story.title} {story.body}"))
    return [name for name in sorted(story.tags.names()) if name not in typed]


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
    minor = bool(getattr(actor, "is_minor", False))
    if minor and story is None and "audience" not in data:
        data = {**data, "audience": Audience.MEMBERS}  # a minor's stories are for signed-in members
    merged = {field: getattr(story, field) for field in STORY_FIELDS if story and field not in ("tags",)}
    merged.update(data)
    _check_story(merged, writer_is_minor=minor)
    # Tags the author chose before stay unless new ones are chosen; those typed in the text follow the text.
    chosen_tags = _clean_tags(data["tags"]) if "tags" in data else _chosen_tags_of(story) if story else []
    try:
        new_image = clean_image(image, max_side=2048) if image is not None else None
    except ValidationError as error:
        raise ValidationError({"image": error.messages}) from None

    story = story or Story(author=actor)
    was_posted = story.is_posted
    text_before = (story_text(story), _chosen_tags_of(story)) if story.pk else None
    for field in STORY_FIELDS:
        if field in data and field not in ("tags", "content_warnings"):
            setattr(story, field, data[field])
    has_image = bool(new_image) or (bool(story.image) and not remove_image)
    if has_image and not (story.image_alt or "").strip():
        raise ValidationError({"image_alt": _("Describe your picture in a few words for people who can't see it.")})
    tags = list(dict.fromkeys(chosen_tags + hashtags(f"{story.title} {story.body}")))[:MAX_TAGS]
    chosen_warnings = list(data.get("content_warnings", story.content_warnings if story.pk else []) or [])
    changed = (story_text(story), chosen_tags) != text_before or new_image is not None
    changed = changed or (remove_image and bool(story.image))

    # The hashtags a writer chose are public words too (#kys is no kinder as a tag): screened apart, so a
    # refusal names the field to change.
    decisions = {"body": screen_replacing(story, text=story_text(story), kind=Kind.STORY, author=actor)}
    tags_text = " ".join(f"#{tag}" for tag in chosen_tags)
    if chosen_tags:
        decisions["tags"] = screen_replacing(story, text=tags_text, kind=Kind.STORY, author=actor)
    decision = moderation.merge_decisions(decisions.values())
    publishing = post or was_posted
    if publishing and (changed or not was_posted):
        texts = {"body": _story_parts(story), "tags": [("tags", tags_text)] if chosen_tags else []}
        _refuse_or_confirm(decisions, texts, kind=Kind.STORY, confirmed=confirmed, warnings=chosen_warnings)

    storage = story.image.storage
    old_name = story.image.name if story.image and (new_image or remove_image) else None
    if new_image is not None:
        story.image.save(new_image.name, new_image, save=False)
    elif remove_image:
        story.image = ""
    try:
        with transaction.atomic():
            if story.pk is not None:
                _lock_for_edit(story, also=("featured",))
            if was_posted and not changed:
                pass  # only its settings changed: it stands as screened and as moderators left it, not "edited"
            elif publishing:
                moderation.record_screening(story, decision, confirmed=True)
                if not was_posted:
                    story.status = Story.Status.POSTED
                    story.posted_at = timezone.now()
                else:
                    story.edited_at = timezone.now()
            else:
                moderation.record_screening(story, _private(decision), confirmed=True)
            story.content_warnings = list(dict.fromkeys([*decision.content_warnings, *chosen_warnings]))
            story.save()
            story.tags.set(tags)
            notifications.story_written(story=story)  # mentions, once it is posted and published
    except Exception:
        if new_image is not None:
            storage.delete(story.image.name)  # no orphan file when the row was not written
        raise
    if old_name:
        transaction.on_commit(lambda: storage.delete(old_name))
    return Written(story, decision)


MODERATION_STATE = ("visibility", "held_reason", "held_at")


def _lock_for_edit(obj, *, also: tuple[str, ...] = ()) -> None:
    """Lock the row a writer is changing, inside the caller's transaction, and take from it what others set
    since the writer's copy was loaded: a moderator's hide or removal (and `also`, the fields only others
    write). Screening then sees the state that is really stored, so a hide that landed meanwhile wins and the
    edit goes back to review, and a moderator acting now waits for this save instead of being overwritten."""
    locked = type(obj)._default_manager.select_for_update().filter(pk=obj.pk).first()
    if locked is None:
        raise ValidationError(_("This was deleted meanwhile."))
    for name in (*MODERATION_STATE, *also):
        setattr(obj, name, getattr(locked, name))


def _private(decision: Decision) -> Decision:
    """A draft is seen by its writer only: screening is recorded (labels, a crisis) but nothing is refused;
    posting it screens it again and follows that decision."""
    if decision.action in (Action.REJECT, Action.NUDGE):
        return replace(decision, action=Action.PUBLISH)
    return decision


def delete_story(*, actor, story: Story) -> None:
    """The author deletes their story, its picture and the conversation under it."""
    if story.author_id != getattr(actor, "pk", None):
        raise PermissionDenied(_("You can only delete your own stories."))
    image = story.image.name if story.image else None
    storage = story.image.storage
    with transaction.atomic():
        Comment.objects.filter(target_type=ContentType.objects.get_for_model(Story), target_id=story.pk).delete()
        Reaction.objects.filter(target_type=ContentType.objects.get_for_model(Story), target_id=story.pk).delete()
        story.tags.clear()  # taggit leaves its rows behind when the tagged object is deleted
        story.delete()
    if image:
        transaction.on_commit(lambda: storage.delete(image))


# Comments


def blocked_between(a, b) -> bool:
    """Whether either of two people blocked the other (selectors.social.blocked_between, for two people)."""
    return social_selectors.blocked_between(getattr(a, "pk", None), getattr(b, "pk", None))


def _target_author_id(target):
    author_field = registry.registration_for(target).author_field
    return getattr(target, target._meta.get_field(author_field).attname)


def _readable_by(actor, target) -> bool:
    """Whether `actor` may see `target` at all: a posted, published story within its audience (a draft or a
    followers-only story is not there for others to comment on or react to); other content when published."""
    if getattr(target, "visibility", Visibility.PUBLISHED) != Visibility.PUBLISHED:
        return False
    if isinstance(target, Story):
        # Also on a topic they hide from lists: they opened it on purpose.
        return readable_stories(viewer=actor, include_hidden_topics=True).filter(pk=target.pk).exists()
    if isinstance(target, CirclePost):  # a circle's posts are for its active members only
        return post_readable_by(viewer=actor, post=target)
    return getattr(target, "is_posted", True)


def _hidden_word_hit(owner_id, body: str) -> bool:
    """Whether the text has one of the owner's hidden words or phrases, as whole words ("stupid," has "stupid"),
    read through the same normaliser as screening (case, accents, look-alikes, leetspeak)."""
    phrases = list(HiddenWord.objects.filter(owner_id=owner_id).values_list("phrase", flat=True))
    if not phrases:
        return False
    readings = [f" {' '.join(WORD.findall(variant))} " for variant in normalise(body).variants]
    for phrase in phrases:
        words = WORD.findall(normalise(phrase).text)
        if words and any(f" {' '.join(words)} " in reading for reading in readings):
            return True
    return False


def _needs_approval(target, *, owner_id, actor, body: str) -> bool:
    if not owner_id or owner_id == actor.pk:
        return False
    return bool(getattr(target, "comments_need_approval", False)) or _hidden_word_hit(owner_id, body)


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
    owner_id = _target_author_id(target)
    if social_selectors.blocked_between(actor.pk, owner_id) and not getattr(target, "anonymous", False):
        raise PermissionDenied(_("You can't comment here."))  # (refusing on an anonymous story would name its author)
    if not _readable_by(actor, target):
        raise ValidationError({"body": _("This can't be commented on right now.")})
    if not getattr(target, "comments_enabled", True):
        raise ValidationError({"body": _("The author has turned comments off.")})
    target_type = ContentType.objects.get_for_model(target)
    if parent is not None:
        if (parent.target_type_id, parent.target_id) != (target_type.pk, target.pk):
            raise ValidationError({"parent": _("That comment is not on this page.")})
        if parent.is_deleted or parent.visibility in (Visibility.REMOVED, Visibility.HIDDEN):
            raise ValidationError({"parent": _("That comment was removed, so it can't be replied to.")})
        if parent.author_id != actor.pk and (
            parent.visibility != Visibility.PUBLISHED or parent.approval != Comment.Approval.APPROVED
        ):  # held or waiting for approval: not shown to this person, so not there to answer
            raise ValidationError({"parent": _("That comment isn't shown yet, so it can't be replied to.")})
        if social_selectors.blocked_between(actor.pk, parent.author_id):
            raise PermissionDenied(_("You can't reply to this comment."))

    comment = Comment(author=actor, target_type=target_type, target_id=target.pk, parent=parent, body=body)
    decision = screen_replacing(comment, text=body, kind=Kind.COMMENT, author=actor, owner_id=owner_id)
    _refuse_or_confirm({"body": decision}, {"body": [("body", body)]}, kind=Kind.COMMENT, confirmed=confirmed)
    moderation.record_screening(comment, decision, confirmed=True)
    if _needs_approval(target, owner_id=owner_id, actor=actor, body=body):
        comment.approval = Comment.Approval.PENDING
    with transaction.atomic():
        comment.save()
        notifications.comment_written(comment=comment, target=target)
    return Written(comment, decision)


def edit_comment(*, actor, comment: Comment, body: str, confirmed: bool = False) -> Written:
    """The writer changes their comment: screened again, marked edited, and, where the owner of the content
    approves comments or hides words, waiting for them again (an approved comment can't turn into another)."""
    if comment.author_id != getattr(actor, "pk", None) or comment.is_deleted:
        raise PermissionDenied(_("You can only edit your own comments."))
    if not (body or "").strip():
        raise ValidationError({"body": _("Write a comment first, or delete it.")})
    if len(body) > MAX_COMMENT:
        raise ValidationError({"body": _("Comments can be up to %(limit)d characters.") % {"limit": MAX_COMMENT}})
    target = comment.target
    owner_id = _target_author_id(target)
    if not can_post(actor) or (
        social_selectors.blocked_between(actor.pk, owner_id) and not getattr(target, "anonymous", False)
    ):
        raise PermissionDenied(_("You can't edit comments here any more; you can still delete yours."))
    if not _readable_by(actor, target) or not getattr(target, "comments_enabled", True):
        raise ValidationError({"body": _("Comments here are closed; you can still delete yours.")})
    decision = screen_replacing(comment, text=body, kind=Kind.COMMENT, author=actor, owner_id=owner_id)
    if body == comment.body:
        return Written(comment, decision)  # nothing changed: not "edited"
    _refuse_or_confirm({"body": decision}, {"body": [("body", body)]}, kind=Kind.COMMENT, confirmed=confirmed)
    needs_approval = target is not None and _needs_approval(target, owner_id=owner_id, actor=actor, body=body)
    with transaction.atomic():
        # A comment the story's author declined (before or meanwhile) stays declined: editing it must not put
        # the same person's words back in front of them.
        _lock_for_edit(comment, also=("approval",))
        comment.body = body
        moderation.record_screening(comment, decision, confirmed=True)
        comment.edited_at = timezone.now()
        if needs_approval and comment.approval != Comment.Approval.DECLINED:
            comment.approval = Comment.Approval.PENDING
        comment.save()
    return Written(comment, decision)


def delete_comment(*, actor, comment: Comment) -> None:
    """The author deletes their comment; one with replies leaves "comment deleted" so the thread still reads."""
    if comment.author_id != getattr(actor, "pk", None):
        raise PermissionDenied(_("You can only delete your own comments."))
    with transaction.atomic():
        if comment.replies.exists():
            Comment.objects.filter(pk=comment.pk).update(body="", deleted_at=timezone.now(), screening_labels=[])
            comment.body, comment.deleted_at, comment.screening_labels = "", timezone.now(), []
            return
        parent_id = comment.parent_id
        comment.delete()
        # A "comment deleted" left only for this reply goes too, and so on up the thread.
        while parent_id is not None:
            parent = Comment.objects.filter(pk=parent_id, deleted_at__isnull=False).first()
            if parent is None or parent.replies.exists():
                break
            parent_id = parent.parent_id
            parent.delete()


def approve_comment(*, actor, comment: Comment) -> Comment:
    """The author of the content lets a comment waiting for them show."""
    target = comment.target
    if target is None or not getattr(actor, "pk", None) or _target_author_id(target) != actor.pk:
        raise PermissionDenied(_("Only the author can approve comments on their content."))
    if comment.author_id and social_selectors.blocked_between(actor.pk, comment.author_id):
        raise PermissionDenied(_("You blocked this person, so their comment can't be shown."))
    Comment.objects.filter(pk=comment.pk).update(approval=Comment.Approval.APPROVED)
    comment.approval = Comment.Approval.APPROVED
    notifications.comment_written(comment=comment, target=target, approved=True)  # shown now: replies, mentions
    return comment


def decline_comment(*, actor, comment: Comment) -> Comment:
    """The author of the content takes a comment off it (waiting or shown): only its writer still sees it,
    marked as removed by the author. Not a moderation decision: nothing is reported, nothing is deleted."""
    target = comment.target
    if target is None or not getattr(actor, "pk", None) or _target_author_id(target) != actor.pk:
        raise PermissionDenied(_("Only the author can remove comments from their content."))
    if comment.author_id == actor.pk:
        raise ValidationError({"comment": _("This is your own comment: delete it instead.")})
    Comment.objects.filter(pk=comment.pk).update(approval=Comment.Approval.DECLINED)
    comment.approval = Comment.Approval.DECLINED
    return comment


# Reactions


def react(*, actor, target, kind: str) -> bool:
    """Add a reaction of `kind`; False if it was already there. Race-free: the unique constraint decides."""
    if kind not in Reaction.Kind.values:
        raise ValidationError({"kind": _("Choose one of: %(kinds)s.") % {"kinds": ", ".join(Reaction.Kind.values)}})
    if not (actor and actor.is_authenticated and actor.is_active):
        raise PermissionDenied(_("Sign in to react."))
    owner_id = _target_author_id(target)
    if social_selectors.blocked_between(actor.pk, owner_id) and not getattr(target, "anonymous", False):
        raise PermissionDenied(_("You can't react here."))
    if not _readable_by(actor, target):
        raise ValidationError({"kind": _("This can't be reacted to right now.")})
    target_type = ContentType.objects.get_for_model(target)
    try:
        with transaction.atomic():
            Reaction.objects.create(user=actor, target_type=target_type, target_id=target.pk, kind=kind)
            notifications.reacted(actor=actor, target=target, kind=kind)
    except IntegrityError:
        return False
    return True


def unreact(*, actor, target, kind: str) -> bool:
    """Take one's reaction back; False if there was none."""
    if not (actor and actor.is_authenticated):
        raise PermissionDenied(_("Sign in to react."))
    target_type = ContentType.objects.get_for_model(target)
    deleted, _details = Reaction.objects.filter(
        user=actor, target_type=target_type, target_id=target.pk, kind=kind
    ).delete()
    return bool(deleted)
