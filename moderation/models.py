"""Watched-word rules, and the moderation state every piece of user content carries."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """The kinds of user writing that are screened."""

    STORY = "story", _("Story")
    COMMENT = "comment", _("Comment")
    ENTRY = "entry", _("Challenge entry")
    QUESTION = "question", _("Live-session question")
    PROFILE = "profile", _("Profile")
    CAMPAIGN = "campaign", _("Campaign")
    CIRCLE = "circle", _("Support circle")
    CIRCLE_POST = "circle_post", _("Circle post")
    MESSAGE = "message", _("Chat or direct message")


class ContentWarning(models.TextChoices):
    """The fixed list of content warnings: what screening applies and what writers choose from."""

    SUICIDE_SELF_HARM = "suicide_self_harm", _("Suicide and self-harm")
    EATING_DISORDERS = "eating_disorders", _("Eating disorders")
    ABUSE = "abuse", _("Abuse")
    SUBSTANCE_USE = "substance_use", _("Substance use")
    GRIEF = "grief", _("Grief and loss")
    VIOLENCE = "violence", _("Violence")
    SENSITIVE = "sensitive", _("Sensitive content")


def warning_labels(codes) -> list[str]:
    """The readable names of content-warning codes, in order (an unknown code is shown as it is)."""
    names = dict(ContentWarning.choices)
    return [str(names.get(code, code)) for code in codes or ()]


class Visibility(models.TextChoices):
    PUBLISHED = "published", _("Published")
    HELD = "held", _("Held for review")
    HIDDEN = "hidden", _("Hidden")
    REMOVED = "removed", _("Removed")


class Rule(models.Model):
    """A word, phrase or regular expression staff watch for, and what to do when it is written."""

    class PatternType(models.TextChoices):
        WORD = "word", _("Word")
        PHRASE = "phrase", _("Phrase (* for any letters or words)")
        REGEX = "regex", _("Regular expression")

    class Action(models.TextChoices):
        BLOCK = "block", _("Block (refuse the text)")
        HOLD = "hold", _("Hold for a moderator")
        FLAG = "flag", _("Flag (publish, show moderators)")
        WARN = "warn", _("Publish behind a content warning")
        NUDGE = "nudge", _("Ask the writer to reconsider")
        CENSOR = "censor", _("Publish with the words masked")

    pattern = models.CharField(_("pattern"), max_length=500)
    pattern_type = models.CharField(_("type"), max_length=10, choices=PatternType.choices, default=PatternType.WORD)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    kinds = models.JSONField(
        _("applies to"), default=list, blank=True, help_text=_("The kinds of writing it applies to; none means all.")
    )
    enabled = models.BooleanField(_("enabled"), default=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["pattern_type", "pattern"]
        verbose_name = _("watched-word rule")
        verbose_name_plural = _("watched-word rules")

    def __str__(self):
        return f"{self.pattern} ({self.get_pattern_type_display()}: {self.action})"

    def applies_to(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds

    def clean(self):
        from .patterns import check_pattern

        errors = {}
        if not isinstance(self.kinds, list) or any(kind not in Kind.values for kind in self.kinds):
            errors["kinds"] = _("Choose kinds among: %(kinds)s.") % {"kinds": ", ".join(Kind.values)}
        if self.pattern and self.pattern_type in self.PatternType.values:
            try:
                check_pattern(self.pattern, self.pattern_type)
            except ValidationError as error:
                errors["pattern"] = error.messages
        if errors:
            raise ValidationError(errors)


class Moderated(models.Model):
    """What moderation records on any piece of user content: inherit it, then `moderation.register()` the model."""

    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLISHED, db_index=True
    )
    content_warnings = models.JSONField(_("content warnings"), default=list, blank=True)
    screening_labels = models.JSONField(
        _("screening labels"), default=list, blank=True, help_text=_("Labels and scores of the last screening.")
    )
    screened_at = models.DateTimeField(_("screened at"), null=True, blank=True)
    held_reason = models.CharField(_("reason held or hidden"), max_length=500, blank=True)
    held_at = models.DateTimeField(_("held at"), null=True, blank=True)

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        """Remember the registered text as loaded, so saving changed text unscreened is refused (registry)."""
        instance = super().from_db(db, field_names, values)
        from .registry import remember_loaded_text

        remember_loaded_text(instance)
        return instance


def default_trusted_roles() -> list[str]:
    return ["expert", "organisation_member"]


class TrustSettings(models.Model):
    """How a writer's standing and the space change screening; one row, edited by staff in the admin."""

    new_account_days = models.PositiveSmallIntegerField(
        _("new for (days)"), default=7, help_text=_("An account younger than this is new.")
    )
    new_account_posts = models.PositiveSmallIntegerField(
        _("new until (approved posts)"),
        default=3,
        help_text=_("An account with fewer published posts than this is new, whatever its age. 0 turns this off."),
    )
    new_account_message_days = models.PositiveSmallIntegerField(
        _("new accounts may start conversations after (days)"),
        default=3,
        help_text=_("Direct messages: an account younger than this can answer but not start a conversation."),
    )
    hold_links_from_new = models.BooleanField(
        _("hold links from new accounts"), default=True, help_text=_("A moderator checks them before they appear.")
    )
    premoderate_new_posts = models.BooleanField(
        _("pre-moderate new accounts' first posts"),
        default=False,
        help_text=_("Hold every post of a new account for a moderator (profiles excepted)."),
    )
    stricter_for_minors = models.BooleanField(
        _("stricter in spaces for minors"),
        default=True,
        help_text=_(
            "In spaces for under-18s, what would appear behind a content warning and any link are held for a "
            "moderator first."
        ),
    )
    trusted_roles = models.JSONField(
        _("trusted roles"),
        default=default_trusted_roles,
        blank=True,
        help_text=_("Members with one of these roles are trusted (staff always are): expert, organisation_member."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("trust settings")
        verbose_name_plural = _("trust settings")

    def __str__(self):
        return str(_("Trust settings"))


class AuditEntry(models.Model):
    """One change staff made (a rule, the trust settings, later a moderation decision). Append-only."""

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    action = models.CharField(_("action"), max_length=40, db_index=True)  # "rule.create", "trust.change", ...
    target_type = models.CharField(_("target type"), max_length=100)  # "moderation.rule"
    target_id = models.CharField(_("target id"), max_length=64, blank=True)
    summary = models.CharField(_("summary"), max_length=300)
    changes = models.JSONField(_("changes"), default=dict, blank=True, help_text=_("field: [before, after]"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["target_type", "target_id"], name="moderation_audit_target")]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_type}#{self.target_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit entries are append-only.")
