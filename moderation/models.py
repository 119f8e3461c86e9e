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
