"""The resource library: organisations, topics, resources, helplines with per-channel hours, emergency numbers.

Each row that HSDS exchanges carries a stable `hsds_id` (a UUID), kept across export and import.
"""

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager

WORLDWIDE = "WW"


def utc_today():
    """Calendar dates (reviewed, verified) are UTC dates, whoever is signed in when they are written."""
    return timezone.now().date()


class Language(models.Model):
    """An ISO 639-1 language (seeded by migration)."""

    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=60)

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.name


class Area(models.Model):
    """A country served (ISO 3166-1 alpha-2), or WW for worldwide (seeded by migration)."""

    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        ordering = ["name"]
        verbose_name = _("country or area")
        verbose_name_plural = _("countries and areas")

    def __str__(self):
        return self.name


class Audience(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=60)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def __str__(self):
        return self.name


class Topic(models.Model):
    """The curated, hierarchical topic taxonomy, seeded by migration and editable by staff."""

    hsds_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name=_("parent")
    )
    description = models.TextField(_("description"), blank=True)
    is_sensitive = models.BooleanField(
        _("sensitive"), default=False, help_text=_("Topics like self-harm or suicide: shown with care and helplines.")
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class VerificationState(models.TextChoices):
    UNVERIFIED = "unverified", _("Not yet verified")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class Organisation(models.Model):
    hsds_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("public email"), blank=True)
    country = CountryField(_("country"), blank=True)
    registration_number = models.CharField(
        _("registration number"), max_length=60, blank=True, help_text=_("Charity or company number.")
    )
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    verification = models.CharField(
        _("verification"), max_length=12, choices=VerificationState.choices, default=VerificationState.UNVERIFIED
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    is_trusted_flagger = models.BooleanField(_("trusted flagger"), default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verification == VerificationState.VERIFIED


class OrganisationMember(models.Model):
    class Role(models.TextChoices):
        PUBLISHER = "publisher", _("Publisher")
        ADMIN = "admin", _("Admin")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.PUBLISHER)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("organisation member")
        verbose_name_plural = _("organisation members")
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="resources_one_membership")]

    def __str__(self):
        return f"{self.user} @ {self.organisation} ({self.role})"


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class PublishedQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, by an organisation staff verified. The one rule, used everywhere."""
        return self.filter(status=PublicationStatus.PUBLISHED, organisation__verification=VerificationState.VERIFIED)


class Resource(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        VIDEO = "video", _("Video")
        TOOLKIT = "toolkit", _("Toolkit or worksheet")
        APP = "app", _("App")
        SERVICE = "service", _("Service")
        HELPLINE = "helpline", _("Helpline")

    class LinkStatus(models.TextChoices):
        UNCHECKED = "unchecked", _("Not checked yet")
        OK = "ok", _("Working")
        BROKEN = "broken", _("Broken")

    hsds_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="resources")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ARTICLE)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.CharField(_("summary"), max_length=400, help_text=_("One or two sentences shown in lists."))
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown. Raw HTML is removed."))
    external_url = models.URLField(_("link"), blank=True, max_length=500)
    topics = models.ManyToManyField(Topic, blank=True, related_name="resources", verbose_name=_("topics"))
    tags = TaggableManager(_("tags"), blank=True, help_text=_("Free tags, separated by commas."))
    audiences = models.ManyToManyField(Audience, blank=True, related_name="resources", verbose_name=_("audiences"))
    languages = models.ManyToManyField(Language, blank=True, related_name="resources", verbose_name=_("languages"))
    areas = models.ManyToManyField(Area, blank=True, related_name="resources", verbose_name=_("countries served"))
    status = models.CharField(
        _("status"), max_length=10, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT
    )
    reviewed_on = models.DateField(_("last reviewed on"), default=utc_today)
    review_interval_days = models.PositiveSmallIntegerField(
        _("review every (days)"), default=365, help_text=_("After this many days the resource shows as not reviewed.")
    )
    link_status = models.CharField(max_length=10, choices=LinkStatus.choices, default=LinkStatus.UNCHECKED)
    link_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    link_checked_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    # PostgreSQL only (weighted title > summary > body + topics); SQLite searches an FTS5 table instead.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [models.Index(fields=["status", "kind"]), models.Index(fields=["organisation", "status"])]

    def __str__(self):
        return self.title

    @property
    def review_due_on(self):
        return self.reviewed_on + timezone.timedelta(days=self.review_interval_days)

    @property
    def needs_review(self) -> bool:
        return utc_today() > self.review_due_on


class Helpline(models.Model):
    hsds_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="helplines")
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    description = models.TextField(_("description"), blank=True)
    country = CountryField(_("country"))
    region = models.CharField(_("region"), max_length=100, blank=True, help_text=_("Leave blank if nationwide."))
    time_zone = models.CharField(_("time zone"), max_length=64, help_text=_("Opening hours are in this zone."))
    website = models.URLField(_("website"), blank=True)
    languages = models.ManyToManyField(Language, blank=True, related_name="helplines", verbose_name=_("languages"))
    topics = models.ManyToManyField(Topic, blank=True, related_name="helplines", verbose_name=_("topics"))
    audiences = models.ManyToManyField(Audience, blank=True, related_name="helplines", verbose_name=_("audiences"))
    is_free = models.BooleanField(_("free"), default=True)
    is_confidential = models.BooleanField(_("confidential"), default=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT
    )
    source_url = models.URLField(_("source"), blank=True, help_text=_("Where the details were checked."))
    verified_on = models.DateField(_("verified on"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.PositiveSmallIntegerField(default=100, help_text=_("Lower comes first within a country."))
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["country", "position", "name"]
        verbose_name = _("helpline")
        verbose_name_plural = _("helplines")
        indexes = [models.Index(fields=["country", "status"])]

    def __str__(self):
        return f"{self.name} ({self.country})"


class Channel(models.Model):
    """One way to reach a helpline, with its own contact and its own hours."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("Call")
        SMS = "sms", _("Text")
        WEBCHAT = "webchat", _("Web chat")
        WHATSAPP = "whatsapp", _("WhatsApp")
        EMAIL = "email", _("Email")

    hsds_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    helpline = models.ForeignKey(Helpline, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    value = models.CharField(
        _("contact"),
        max_length=300,
        help_text=_("Phone and WhatsApp: an international number; text: a number or short code; chat: a URL."),
    )
    label = models.CharField(_("label"), max_length=100, blank=True, help_text=_("e.g. “Text SHOUT to 85258”."))
    always_open = models.BooleanField(_("open 24/7"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("channel")
        verbose_name_plural = _("channels")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"


class OpeningHours(models.Model):
    """One weekly opening of a channel, in its helpline's time zone. `closes_next_day` marks a night line."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    hsds_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    closes_next_day = models.BooleanField(_("closes after midnight"), default=False)

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class EmergencyNumber(models.Model):
    country = CountryField(_("country"), unique=True)
    number = models.CharField(_("number"), max_length=20)
    note = models.CharField(_("note"), max_length=200, blank=True)
    source_url = models.URLField(_("source"), blank=True)

    class Meta:
        ordering = ["country"]
        verbose_name = _("emergency number")
        verbose_name_plural = _("emergency numbers")

    def __str__(self):
        return f"{self.country}: {self.number}"
