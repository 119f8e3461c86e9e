"""Support circles: peer-support groups with hosts, members-only posts and a weekly support chat.

A circle outlives its creator's account (SET_NULL); a member's posts and chat messages outlive theirs too
(blanked on erasure, as comments are), so a conversation others took part in keeps its shape.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from moderation.models import Moderated

from .people import validate_time_zone

MAX_CIRCLE_POST = 5_000
MAX_CHAT_MESSAGE = 1_000


class Circle(Moderated):
    """A peer-support group. Its posts are visible only to its members."""

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Anyone can join")
        REQUEST = "request", _("People ask to join; a host approves")

    class AgeGroup(models.TextChoices):
        EVERYONE = "everyone", _("Everyone")
        ADULTS = "adults", _("Adults (18 and over)")
        TEENS = "teens", _("Teens (under 18)")

    slug = models.SlugField(_("address"), max_length=60, unique=True)
    title = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("what the circle is for"), max_length=2_000)
    guidelines = models.TextField(
        _("guidelines"), max_length=3_000, help_text=_("What every member agrees to when joining.")
    )
    join_policy = models.CharField(
        _("who can join"), max_length=10, choices=JoinPolicy.choices, default=JoinPolicy.REQUEST
    )
    age_group = models.CharField(
        _("age group"),
        max_length=10,
        choices=AgeGroup.choices,
        default=AgeGroup.EVERYONE,
        help_text=_("Circles for teens are closed to adults, and circles for adults to teens."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[validate_time_zone],
        default="UTC",
        help_text=_("The zone the weekly chat's time is given in."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="circles_created"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    class Meta:
        verbose_name = _("support circle")
        verbose_name_plural = _("support circles")
        ordering = ["title"]

    def __str__(self):
        return self.title


class CircleMembership(models.Model):
    """One person in one circle: a join request, a member or a host."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Asked to join")
        ACTIVE = "active", _("Member")
        DECLINED = "declined", _("Request declined")
        REMOVED = "removed", _("Removed by a host")

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        HOST = "host", _("Host")

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circle_memberships")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    request_note = models.CharField(_("note to the hosts"), max_length=300, blank=True)
    guidelines_accepted_at = models.DateTimeField(_("guidelines accepted"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("circle membership")
        verbose_name_plural = _("circle memberships")
        constraints = [models.UniqueConstraint(fields=["circle", "user"], name="community_circle_member_once")]
        indexes = [models.Index(fields=["circle", "status", "role"], name="community_circle_members")]

    def __str__(self):
        return f"{self.user_id} in {self.circle_id} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_host(self) -> bool:
        return self.is_active and self.role == self.Role.HOST


class CirclePost(Moderated):
    """A post in a circle, seen by its members only. Comments point at it generically."""

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="circle_posts"
    )
    body = models.TextField(_("post"), max_length=MAX_CIRCLE_POST)
    pinned_at = models.DateTimeField(_("pinned"), null=True, blank=True)
    created_at = models.DateTimeField(_("written"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The host who took it down, if one did."),
    )

    comments = GenericRelation(
        "community.Comment",
        content_type_field="target_type",
        object_id_field="target_id",
        related_query_name="circle_post",
    )
    reactions = GenericRelation(
        "community.Reaction",
        content_type_field="target_type",
        object_id_field="target_id",
        related_query_name="circle_post",
    )

    class Meta:
        verbose_name = _("circle post")
        verbose_name_plural = _("circle posts")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["circle", "-created_at"], name="community_circlepost_listed")]

    def __str__(self):
        return self.body[:60]

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class ChatSchedule(models.Model):
    """When a circle's support chat opens: a first start (wall-clock time in the circle's zone), a duration and
    an RFC 5545 recurrence rule, e.g. `FREQ=WEEKLY;BYDAY=TU` for every Tuesday."""

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="chat_schedules")
    title = models.CharField(_("title"), max_length=80, default=_("Weekly support chat"))
    first_start = models.DateTimeField(
        _("first session starts"), help_text=_("Stored in UTC; read as wall-clock time in the circle's zone.")
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("length (minutes)"), default=60, validators=[MinValueValidator(15), MaxValueValidator(240)]
    )
    rrule = models.CharField(
        _("repeats"),
        max_length=200,
        default="FREQ=WEEKLY",
        help_text=_("An RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=TU."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("chat schedule")
        verbose_name_plural = _("chat schedules")

    def __str__(self):
        return f"{self.title} ({self.rrule})"


class ChatMessage(Moderated):
    """A message in a circle's support chat, sent during one session (`session_start`, UTC)."""

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="chat_messages")
    schedule = models.ForeignKey(ChatSchedule, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    session_start = models.DateTimeField(_("session"), db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="chat_messages"
    )
    body = models.TextField(_("message"), max_length=MAX_CHAT_MESSAGE)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("chat message")
        verbose_name_plural = _("chat messages")
        ordering = ["pk"]
        indexes = [models.Index(fields=["circle", "session_start", "id"], name="community_chat_since")]

    def __str__(self):
        return self.body[:60]
