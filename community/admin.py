from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = [
        "handle",
        "display_name",
        "email",
        "is_minor_display",
        "country",
        "is_staff",
        "is_active",
        "date_joined",
    ]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups", "profile_visibility", "country"]
    search_fields = ["handle", "display_name", "email"]
    ordering = ["-date_joined"]
    readonly_fields = ["date_joined", "last_login", "minor_until"]
    fieldsets = [
        (None, {"fields": ["handle", "password"]}),
        (
            _("Profile"),
            {"fields": ["display_name", "pronouns", "bio", "avatar", "avatar_alt", "country", "language", "time_zone"]},
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


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "user__handle", "prefix"]
    readonly_fields = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    exclude = ["key_hash"]

    def has_add_permission(self, request):
        return False  # tokens are created by their owner, who alone sees the secret
