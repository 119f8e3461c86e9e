"""Notifications and each person's preferences (notification delivery, sensitive topics, wellbeing reminders)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """Something that happened that one person should know about.

    Grouped notifications ("3 people supported your story") share a `group_key`: while one is unread, later
    events of the same group add to it (`count`, `actor` = the latest) instead of making a new row.
    `dedupe_key` makes delivery idempotent: the same event notified twice (a retried task) is one row.
    """

    class Kind(models.TextChoices):
        REPLY = "reply", _("Replies and comments")
        MENTION = "mention", _("Mentions")
        REACTION = "reaction", _("Reactions")
        FOLLOW = "follow", _("New followers")
        CIRCLE_REQUEST = "circle_request", _("Circle join requests")
        CIRCLE = "circle", _("Circle news")
        CHAT_REMINDER = "chat_reminder", _("Support chat reminders")
        MESSAGE = "message", _("Direct messages and requests")
        REPORT_OUTCOME = "report_outcome", _("Outcomes of my reports")
        DECISION = "decision", _("Decisions about my content")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    group_key = models.CharField(max_length=120, blank=True, db_index=True)
    dedupe_key = models.CharField(max_length=160, blank=True)
    count = models.PositiveIntegerField(default=1)
    data = models.JSONField(default=dict, blank=True, help_text=_("Extra values for the message; never post text."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"],
                condition=~models.Q(dedupe_key=""),
                name="community_notification_once",
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at", "-updated_at"], name="community_notif_inbox")]

    def __str__(self):
        return f"{self.kind} for {self.recipient_id}"


class EmailMode(models.TextChoices):
    IMMEDIATE = "immediate", _("Straight away")
    DAILY = "daily", _("A daily digest")
    OFF = "off", _("Never")


class TopicChoice(models.TextChoices):
    SHOW = "show", _("Show it")
    COLLAPSE = "collapse", _("Fold it behind its warning")
    HIDE = "hide", _("Hide it")


class Preferences(models.Model):
    """One person's settings for notifications, sensitive topics and wellbeing; made on first use."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferences")
    email_mode = models.CharField(
        _("email me about notifications"), max_length=10, choices=EmailMode.choices, default=EmailMode.DAILY
    )
    muted_kinds = models.JSONField(
        _("notifications I don't want"), default=list, blank=True, help_text=_("Notification kinds turned off.")
    )
    quiet_start = models.TimeField(_("quiet hours from"), null=True, blank=True)
    quiet_end = models.TimeField(_("quiet hours until"), null=True, blank=True)
    digest_hour = models.PositiveSmallIntegerField(
        _("send the digest at (hour)"), default=18, validators=[MaxValueValidator(23)]
    )
    last_digest_at = models.DateTimeField(null=True, blank=True, editable=False)
    sensitive_topics = models.JSONField(
        _("sensitive topics"),
        default=dict,
        blank=True,
        help_text=_("Per content-warning topic: show, collapse or hide. A topic not set uses the default."),
    )
    break_reminder_minutes = models.PositiveSmallIntegerField(
        _("remind me to take a break after (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )
    daily_reminder_time = models.TimeField(_("daily check-in reminder at"), null=True, blank=True)

    class Meta:
        verbose_name = _("preferences")
        verbose_name_plural = _("preferences")

    def __str__(self):
        return f"preferences of {self.user_id}"
