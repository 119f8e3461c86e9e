"""People: the pseudonymous user account with its profile, and personal API tokens."""

import hashlib
import zoneinfo

from django.conf.locale import LANG_INFO
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from moderation.models import Moderated, Visibility

HANDLE_PATTERN = r"^[A-Za-z0-9_]{3,30}$"

LANGUAGE_CHOICES = sorted(
    ((code, info["name_local"]) for code, info in LANG_INFO.items() if len(code) == 2 and "name_local" in info),
    key=lambda choice: choice[1].lower(),
)

# The canonical "Region/City" zones (and UTC) people pick from; older aliases such as "GB-Eire", "US/Eastern"
# or "Factory" still validate, so a zone saved earlier keeps working, but they are not offered.
ZONE_REGIONS = (
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)
TIME_ZONE_CHOICES = [("", _("Automatic: the zone your browser reports")), ("UTC", "UTC")] + [
    (name, name.replace("_", " "))
    for name in sorted(zoneinfo.available_timezones())
    if name.split("/", 1)[0] in ZONE_REGIONS and "/" in name
]


def validate_time_zone(value: str) -> None:
    if value and value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a time zone we know."), params={"value": value})


def validate_language(value: str) -> None:
    if value and value not in dict(LANGUAGE_CHOICES):
        raise ValidationError(_("“%(value)s” is not a language code we know."), params={"value": value})


class Role(models.TextChoices):
    """The roles of DESIGN.md; each is a Django group of the same name (see migration 0002)."""

    MEMBER = "member", _("Member")
    CREATOR = "creator", _("Creator")
    EXPERT = "expert", _("Expert")
    ORGANISATION_MEMBER = "organisation_member", _("Organisation member")
    MODERATOR = "moderator", _("Moderator")
    STAFF_ADMIN = "staff_admin", _("Staff admin")


STAFF_ROLES = {Role.MODERATOR, Role.STAFF_ADMIN}


class ProfileVisibility(models.TextChoices):
    PUBLIC = "public", _("Everyone, signed in or not")
    MEMBERS = "members", _("Signed-in members only")


class MessagesFrom(models.TextChoices):
    EVERYONE = "everyone", _("Any member")
    FOLLOWING = "following", _("Only people I follow")
    NOBODY = "nobody", _("Nobody")


class SensitiveContent(models.TextChoices):
    WARN = "warn", _("Show it behind a content warning")
    HIDE = "hide", _("Hide it completely")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, handle):
        return self.get(handle__iexact=handle)

    def create_user(self, handle, email=None, password=None, **fields):
        user = self.model(handle=handle, email=self.normalize_email(email or ""), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, handle, email=None, password=None, **fields):
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(handle, email, password, **fields)


PROFILE_TEXT_FIELDS = ("display_name", "pronouns", "bio", "avatar_alt")


class User(AbstractBaseUser, PermissionsMixin, Moderated):
    """A member. Pseudonymous by design: a handle and a display name, never a real name or birth date.

    Content of other apps points here with on_delete=SET_NULL or to an "erased member" placeholder,
    so erasing an account never breaks anyone else's conversation.

    The profile's own writing (PROFILE_TEXT_FIELDS) is moderated content: the Moderated fields say whether
    others see it. While it is held, hidden or removed, others see only the handle (`name`, `public_bio`...).
    """

    handle = models.CharField(
        _("handle"),
        max_length=30,
        unique=True,
        validators=[
            RegexValidator(HANDLE_PATTERN, _("Use 3 to 30 letters, digits or underscores (_), with no spaces."))
        ],
        help_text=_("Your public @name. Letters, digits and underscores only."),
    )
    email = models.EmailField(_("email address"), blank=True)
    display_name = models.CharField(_("display name"), max_length=50, blank=True)
    pronouns = models.CharField(_("pronouns"), max_length=30, blank=True)
    bio = models.TextField(_("short bio"), max_length=300, blank=True)
    avatar = models.ImageField(_("avatar"), upload_to="avatars/", blank=True)
    avatar_alt = models.CharField(_("avatar description"), max_length=150, blank=True)
    country = CountryField(_("country"), blank=True, help_text=_("Used to show helplines for where you are."))
    # Validators, not choices: the lists come from Django and tzdata and must not churn migrations.
    language = models.CharField(
        _("language"),
        max_length=7,
        blank=True,
        validators=[validate_language],
        help_text=_("The language you read best."),
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, blank=True, validators=[validate_time_zone], help_text=_("Blank: the browser's.")
    )

    # Age: only the first day on which the person is surely an adult, and only for minors.
    minor_until = models.DateField(_("minor until"), null=True, blank=True, editable=False)

    profile_visibility = models.CharField(
        _("who can see my profile"), max_length=10, choices=ProfileVisibility.choices, default=ProfileVisibility.PUBLIC
    )
    messages_from = models.CharField(
        _("who can message me"), max_length=10, choices=MessagesFrom.choices, default=MessagesFrom.FOLLOWING
    )
    sensitive_content = models.CharField(
        _("sensitive content"), max_length=10, choices=SensitiveContent.choices, default=SensitiveContent.WARN
    )

    is_staff = models.BooleanField(
        _("staff status"), default=False, help_text=_("Can open the admin (moderators and staff admins).")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "handle"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["email"]

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [models.UniqueConstraint(Lower("handle"), name="community_user_handle_ci_unique")]
        permissions = [
            ("post_content", _("Can post stories, comments and entries")),
            ("launch_campaign", _("Can launch campaigns and challenges")),
            ("review_campaign", _("Can review campaigns as an expert")),
            ("host_live_session", _("Can host live Q&A sessions")),
            ("publish_resources", _("Can publish resources for an organisation")),
            ("moderate_content", _("Can decide reports and cases")),
        ]

    def __str__(self):
        return f"@{self.handle}"

    @property
    def profile_text_shown(self) -> bool:
        """Whether others may see the display name, pronouns, bio and picture description."""
        return self.visibility == Visibility.PUBLISHED

    @property
    def name(self) -> str:
        return (self.display_name if self.profile_text_shown else "") or self.handle

    @property
    def public_display_name(self) -> str:
        return self.display_name if self.profile_text_shown else ""

    @property
    def public_content_warnings(self) -> list[str]:
        return list(self.content_warnings or []) if self.profile_text_shown else []

    @property
    def public_pronouns(self) -> str:
        return self.pronouns if self.profile_text_shown else ""

    @property
    def public_bio(self) -> str:
        return self.bio if self.profile_text_shown else ""

    @property
    def public_avatar_alt(self) -> str:
        return (self.avatar_alt if self.profile_text_shown else "") or _("Profile picture of @%(handle)s") % {
            "handle": self.handle
        }

    @property
    def is_minor(self) -> bool:
        return self.minor_until is not None and timezone.now().date() < self.minor_until

    @property
    def roles(self) -> list[str]:
        names = {group.name for group in self.groups.all()}
        return [role.value for role in Role if role.value in names]


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is stored; the token itself is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=60)
    prefix = models.CharField(max_length=12, editable=False, help_text=_("The first characters, to recognise it."))
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
