"""Stories people share, the comments under any content, and supportive reactions.

A story belongs to its author: erasing the account erases their stories (and the conversation under them).
A comment outlives its author's account: erasure blanks it and keeps its place in the thread, so replies by
others still read in order. Reactions and comments point at their target generically (a story now; campaigns,
entries and resources later), through a content type and a primary key.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from moderation.models import Moderated

MAX_TITLE = 120
MAX_BODY = 10_000
MAX_COMMENT = 2_000


class Audience(models.TextChoices):
    """Who may read a story (moderation's visibility decides whether it is shown at all)."""

    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Signed-in members")
    FOLLOWERS = "followers", _("People who follow me")


class Story(Moderated):
    """A personal story: Markdown body, optional picture, content warnings, hashtags, audience, anonymity."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        POSTED = "posted", _("Posted")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stories", verbose_name=_("author")
    )
    title = models.CharField(_("title"), max_length=MAX_TITLE, blank=True)
    body = models.TextField(_("story"), max_length=MAX_BODY)
    image = models.ImageField(_("picture"), upload_to="stories/", blank=True)
    image_alt = models.CharField(_("picture description"), max_length=300, blank=True)
    tags = TaggableManager(_("hashtags"), blank=True, help_text=_("Words after # in the story, or chosen."))
    audience = models.CharField(_("who can read it"), max_length=10, choices=Audience.choices, default=Audience.PUBLIC)
    anonymous = models.BooleanField(
        _("post anonymously"),
        default=False,
        help_text=_("Shown as “an anonymous member”. Moderators can still see it is yours, and you can edit it."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    comments_enabled = models.BooleanField(_("allow comments"), default=True)
    comments_need_approval = models.BooleanField(_("approve each comment before it shows"), default=False)
    public_reaction_counts = models.BooleanField(_("show how many people reacted"), default=False)
    featured = models.BooleanField(_("featured"), default=False, help_text=_("Chosen by staff for every feed."))

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    posted_at = models.DateTimeField(_("posted"), null=True, blank=True, db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    comments = GenericRelation(
        "community.Comment", content_type_field="target_type", object_id_field="target_id", related_query_name="story"
    )
    reactions = GenericRelation(
        "community.Reaction", content_type_field="target_type", object_id_field="target_id", related_query_name="story"
    )

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-posted_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "visibility", "-posted_at"], name="community_story_listed"),
            models.Index(fields=["author", "status", "-posted_at"], name="community_story_by_author"),
        ]

    def __str__(self):
        return self.title or self.body[:60]

    @property
    def is_posted(self) -> bool:
        return self.status == self.Status.POSTED


class Comment(Moderated):
    """A comment on any content, or a reply to a comment (`parent`: the thread's top comment, or its reply)."""

    class Approval(models.TextChoices):
        APPROVED = "approved", _("Shown")
        PENDING = "pending", _("Waiting for the author's approval")
        DECLINED = "declined", _("Removed by the author of the content")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("author"),
    )
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies", verbose_name=_("reply to")
    )
    body = models.TextField(_("comment"), max_length=MAX_COMMENT)
    approval = models.CharField(max_length=10, choices=Approval.choices, default=Approval.APPROVED)
    created_at = models.DateTimeField(_("written"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["target_type", "target_id", "created_at"], name="community_comment_target")]

    def __str__(self):
        return self.body[:60]

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class Reaction(models.Model):
    """One supportive reaction by one person to one item; at most one of each kind (a unique constraint)."""

    class Kind(models.TextChoices):
        SUPPORT = "support", _("Support")
        RELATE = "relate", _("I relate")
        HOPE = "hope", _("Hope")
        THANKS = "thanks", _("Thank you")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reactions")
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "target_type", "target_id", "kind"], name="community_reaction_once_per_kind"
            )
        ]
        indexes = [models.Index(fields=["target_type", "target_id", "kind"], name="community_reaction_target")]

    def __str__(self):
        return f"{self.kind} by {self.user_id}"


class Follow(models.Model):
    """`follower` follows `followed`. Never oneself; once (constraints)."""

    follower = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="following")
    followed = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["follower", "followed"], name="community_follow_once"),
            models.CheckConstraint(condition=~Q(follower=models.F("followed")), name="community_follow_not_self"),
        ]

    def __str__(self):
        return f"{self.follower_id} follows {self.followed_id}"


class TagFollow(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_tags")
    tag = models.ForeignKey("taggit.Tag", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "tag"], name="community_tagfollow_once")]

    def __str__(self):
        return f"{self.user_id} follows # {self.tag_id}"


class Block(models.Model):
    """`blocker` blocked `blocked`: each is hidden from the other everywhere, and follows between them end."""

    blocker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_made")
    blocked = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_received")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="community_block_once"),
            models.CheckConstraint(condition=~Q(blocker=models.F("blocked")), name="community_block_not_self"),
        ]

    def __str__(self):
        return f"{self.blocker_id} blocked {self.blocked_id}"


class Mute(models.Model):
    """`muter` no longer sees `muted`'s content in their feed; `muted` is not told."""

    muter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mutes_made")
    muted = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["muter", "muted"], name="community_mute_once"),
            models.CheckConstraint(condition=~Q(muter=models.F("muted")), name="community_mute_not_self"),
        ]

    def __str__(self):
        return f"{self.muter_id} muted {self.muted_id}"


class Restriction(models.Model):
    """`owner` restricted `restricted`: their comments on the owner's content are visible only to themselves."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="restrictions")
    restricted = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "restricted"], name="community_restriction_once"),
            models.CheckConstraint(condition=~Q(owner=models.F("restricted")), name="community_restriction_not_self"),
        ]

    def __str__(self):
        return f"{self.owner_id} restricted {self.restricted_id}"


class HiddenWord(models.Model):
    """A word or phrase an author does not want in comments on their content: such comments wait for them."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hidden_words")
    phrase = models.CharField(_("word or phrase"), max_length=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "phrase"], name="community_hiddenword_once")]

    def __str__(self):
        return self.phrase
