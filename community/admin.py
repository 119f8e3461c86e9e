from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from moderation import services as moderation

from .models import ApiToken, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = [
        "handle",
        "display_name",
        "email",
        "is_minor_display",
        "country",
        "visibility",
        "is_staff",
        "is_active",
        "date_joined",
    ]
    list_filter = ["visibility", "is_staff", "is_superuser", "is_active", "groups", "profile_visibility", "country"]
    search_fields = ["handle", "display_name", "email"]
    ordering = ["-date_joined"]
    # The profile's writing is the member's: staff hide or restore it (actions below), never rewrite it.
    readonly_fields = [
        "date_joined",
        "last_login",
        "minor_until",
        "display_name",
        "pronouns",
        "bio",
        "avatar_alt",
        "visibility",
        "content_warnings",
        "screening_labels",
        "screened_at",
        "held_reason",
        "held_at",
    ]
    actions = ["hide_profile_text", "restore_profile_text"]
    fieldsets = [
        (None, {"fields": ["handle", "password"]}),
        (
            _("Profile"),
            {"fields": ["display_name", "pronouns", "bio", "avatar", "avatar_alt", "country", "language", "time_zone"]},
        ),
        (
            _("Profile moderation"),
            {
                "fields": [
                    "visibility",
                    "content_warnings",
                    "screening_labels",
                    "screened_at",
                    "held_reason",
                    "held_at",
                ]
            },
        ),
        (
            _("Privacy and safety"),
            {"fields": ["minor_until", "profile_visibility", "messages_from", "sensitive_content"]},
        ),
        (_("Contact"), {"fields": ["email"]}),
        (
            _("Roles and permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["handle", "email", "password1", "password2"]})]

    @admin.display(boolean=True, description=_("minor"))
    def is_minor_display(self, obj):
        return obj.is_minor

    @admin.action(description=_("Hide the profile text (name, pronouns, bio) from others"))
    def hide_profile_text(self, request, queryset):
        self._act(
            request,
            queryset,
            lambda user: moderation.hide_content(
                actor=request.user, obj=user, reason=_("Hidden by a moderator from the members list.")
            ),
        )

    @admin.action(description=_("Publish the profile text again"))
    def restore_profile_text(self, request, queryset):
        self._act(request, queryset, lambda user: moderation.restore_content(actor=request.user, obj=user))

    def _act(self, request, queryset, act):
        try:
            for user in queryset:
                act(user)
        except PermissionDenied as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        count = queryset.count()
        self.message_user(
            request, ngettext("%(count)d profile changed.", "%(count)d profiles changed.", count) % {"count": count}
        )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "user__handle", "prefix"]
    readonly_fields = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    exclude = ["key_hash"]

    def has_add_permission(self, request):
        return False  # tokens are created by their owner, who alone sees the secret
