from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from moderation import services as moderation
from moderation.models import ContentWarning, warning_labels
from moderation.policy import POLICY

from .models import (
    ApiToken,
    Block,
    ChatMessage,
    ChatSchedule,
    Circle,
    CircleMembership,
    CirclePost,
    Comment,
    Conversation,
    Follow,
    HiddenWord,
    Message,
    Mute,
    Notification,
    Reaction,
    Restriction,
    Story,
    TagFollow,
    User,
)


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
                actor=request.user,
                obj=user,
                reason=_("A moderator hid this because it may not follow our community guidelines."),
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


# Members' writing: stories and comments. Staff read it and act on it through moderation (hide, restore: both
# audited); they never rewrite or delete it: the text is its author's, and only their account deletion erases it.


class ContentWarningFilter(admin.SimpleListFilter):
    title = _("content warning")
    parameter_name = "warning"

    def lookups(self, request, model_admin):
        return ContentWarning.choices

    def queryset(self, request, queryset):
        if self.value() in ContentWarning.values:
            # A JSON list of codes; matching the quoted code works on SQLite and PostgreSQL alike.
            return queryset.filter(content_warnings__icontains=f'"{self.value()}"')
        return queryset


class ScreeningLabelFilter(admin.SimpleListFilter):
    title = _("screening label")
    parameter_name = "label"

    def lookups(self, request, model_admin):
        return [(name, name.replace("_", " ")) for name in POLICY]

    def queryset(self, request, queryset):
        if self.value() in POLICY:
            return queryset.filter(screening_labels__icontains=f'"name": "{self.value()}"')
        return queryset


class MembersWritingAdmin(admin.ModelAdmin):
    """Read-only: moderators (and staff admins) see everything, including who wrote an anonymous story."""

    actions = ["hide_content", "restore_content"]
    list_select_related = ["author"]
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) or moderation.can_moderate(request.user)

    def has_moderate_permission(self, request):
        return moderation.can_moderate(request.user)

    @admin.display(description=_("author"), ordering="author__handle")
    def author_display(self, obj):
        if obj.author_id is None:
            return _("(account erased)")
        if getattr(obj, "anonymous", False):
            return format_html("@{} <em>{}</em>", obj.author.handle, _("(posted anonymously)"))
        return f"@{obj.author.handle}"

    @admin.display(description=_("warnings"))
    def warnings_display(self, obj):
        return ", ".join(warning_labels(obj.content_warnings)) or "–"

    @admin.display(description=_("screening labels"))
    def labels_display(self, obj):
        return ", ".join(dict.fromkeys(label.get("name", "") for label in obj.screening_labels or [])) or "–"

    @admin.action(description=_("Hide from everyone but the author (audited)"), permissions=["moderate"])
    def hide_content(self, request, queryset):
        reason = _("A moderator hid this because it may not follow our community guidelines.")
        self._act(request, queryset, lambda obj: moderation.hide_content(actor=request.user, obj=obj, reason=reason))

    @admin.action(description=_("Publish again (audited)"), permissions=["moderate"])
    def restore_content(self, request, queryset):
        self._act(request, queryset, lambda obj: moderation.restore_content(actor=request.user, obj=obj))

    def _act(self, request, queryset, act):
        done = 0
        try:
            for obj in queryset:
                act(obj)
                done += 1
        except PermissionDenied as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        self.message_user(
            request, ngettext("%(count)d item changed.", "%(count)d items changed.", done) % {"count": done}
        )


@admin.register(Story)
class StoryAdmin(MembersWritingAdmin):
    list_display = [
        "__str__",
        "author_display",
        "audience",
        "status",
        "visibility",
        "warnings_display",
        "labels_display",
        "featured",
        "posted_at",
    ]
    list_filter = [
        "visibility",
        "audience",
        "status",
        ContentWarningFilter,
        ScreeningLabelFilter,
        "featured",
        "anonymous",
    ]
    search_fields = ["title", "author__handle"]
    date_hierarchy = "posted_at"
    actions = MembersWritingAdmin.actions + ["feature", "unfeature"]
    fieldsets = [
        (None, {"fields": ["author", "anonymous", "title", "body", "image", "image_alt", "tags"]}),
        (_("Moderation"), {"fields": ["visibility", "content_warnings", "screening_labels", "held_reason", "held_at"]}),
        (
            _("Settings"),
            {
                "fields": [
                    "status",
                    "audience",
                    "comments_enabled",
                    "comments_need_approval",
                    "public_reaction_counts",
                    "featured",
                ]
            },
        ),
        (_("Dates"), {"fields": ["created_at", "posted_at", "edited_at", "screened_at"]}),
    ]

    @admin.action(description=_("Feature in every feed (audited)"), permissions=["moderate"])
    def feature(self, request, queryset):
        self._feature(request, queryset, featured=True)

    @admin.action(description=_("Stop featuring (audited)"), permissions=["moderate"])
    def unfeature(self, request, queryset):
        self._feature(request, queryset, featured=False)

    def _feature(self, request, queryset, *, featured: bool):
        # No community service features a story yet; until one does, this is the only place that does it, and
        # it keeps to the write path's rules: a moderator, one transaction, an audit entry per story.
        if not moderation.can_moderate(request.user):
            self.message_user(request, _("Only moderators can feature stories."), messages.ERROR)
            return
        changed = 0
        with transaction.atomic():
            rows = Story.objects.select_for_update().filter(pk__in=queryset.values("pk"), featured=not featured)
            for story in rows.order_by("pk"):
                Story.objects.filter(pk=story.pk).update(featured=featured)
                moderation.audit(
                    actor=request.user,
                    action="story.feature" if featured else "story.unfeature",
                    target=story,
                    summary=_("Featured") if featured else _("No longer featured"),
                    changes={"featured": [not featured, featured]},
                )
                changed += 1
        self.message_user(
            request, ngettext("%(count)d story changed.", "%(count)d stories changed.", changed) % {"count": changed}
        )


@admin.register(Comment)
class CommentAdmin(MembersWritingAdmin):
    list_display = [
        "__str__",
        "author_display",
        "target_display",
        "approval",
        "visibility",
        "warnings_display",
        "labels_display",
        "deleted_at",
        "created_at",
    ]
    list_filter = ["visibility", "approval", ContentWarningFilter, ScreeningLabelFilter, "target_type"]
    search_fields = ["body", "author__handle"]
    date_hierarchy = "created_at"
    fieldsets = [
        (None, {"fields": ["author", "target_display", "parent", "body", "approval"]}),
        (_("Moderation"), {"fields": ["visibility", "content_warnings", "screening_labels", "held_reason", "held_at"]}),
        (_("Dates"), {"fields": ["created_at", "edited_at", "deleted_at", "screened_at"]}),
    ]
    readonly_fields = ["target_display"]

    @admin.display(description=_("on"))
    def target_display(self, comment):
        label = f"{comment.target_type.model} #{comment.target_id}"
        try:
            url = reverse(
                f"admin:{comment.target_type.app_label}_{comment.target_type.model}_change", args=[comment.target_id]
            )
        except NoReverseMatch:
            return label
        return format_html('<a href="{}">{}</a>', url, label)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("target_type")


# Who follows, reacts, blocks, mutes or restricts whom, and hidden words: read-only lists. People change them
# themselves; blocks and hidden words say a lot about someone, so only staff with the view permission see them.


class ReadOnlyListAdmin(admin.ModelAdmin):
    list_per_page = 100

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Reaction)
class ReactionAdmin(ReadOnlyListAdmin):
    list_display = ["kind", "user", "target_type", "target_id", "created_at"]
    list_filter = ["kind", "target_type"]
    list_select_related = ["user", "target_type"]
    search_fields = ["user__handle"]


@admin.register(Follow)
class FollowAdmin(ReadOnlyListAdmin):
    list_display = ["follower", "followed", "created_at"]
    list_select_related = ["follower", "followed"]
    search_fields = ["follower__handle", "followed__handle"]


@admin.register(TagFollow)
class TagFollowAdmin(ReadOnlyListAdmin):
    list_display = ["user", "tag", "created_at"]
    list_select_related = ["user", "tag"]
    search_fields = ["user__handle", "tag__name"]


@admin.register(Block)
class BlockAdmin(ReadOnlyListAdmin):
    list_display = ["blocker", "blocked", "created_at"]
    list_select_related = ["blocker", "blocked"]
    search_fields = ["blocker__handle", "blocked__handle"]


@admin.register(Mute)
class MuteAdmin(ReadOnlyListAdmin):
    list_display = ["muter", "muted", "created_at"]
    list_select_related = ["muter", "muted"]
    search_fields = ["muter__handle", "muted__handle"]


@admin.register(Restriction)
class RestrictionAdmin(ReadOnlyListAdmin):
    list_display = ["owner", "restricted", "created_at"]
    list_select_related = ["owner", "restricted"]
    search_fields = ["owner__handle", "restricted__handle"]


@admin.register(HiddenWord)
class HiddenWordAdmin(ReadOnlyListAdmin):
    list_display = ["phrase", "owner"]
    list_select_related = ["owner"]
    search_fields = ["owner__handle"]


# Circles, their chats and direct messages. Staff moderate circles' writing like stories (hide, restore, audited);
# people manage their own memberships through the site.


class WrittenByAdmin(MembersWritingAdmin):
    """MembersWritingAdmin for content whose writer is in another field than `author`."""

    writer_field = "author"

    def get_list_select_related(self, request):
        return [self.writer_field]

    @admin.display(description=_("author"))
    def author_display(self, obj):
        writer = getattr(obj, self.writer_field)
        return f"@{writer.handle}" if writer is not None else _("(account erased)")


class MembershipInline(admin.TabularInline):
    model = CircleMembership
    fields = ["user", "status", "role", "guidelines_accepted_at", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


class ChatScheduleInline(admin.TabularInline):
    model = ChatSchedule
    fields = ["title", "first_start", "duration_minutes", "rrule", "active"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Circle)
class CircleAdmin(WrittenByAdmin):
    writer_field = "created_by"
    list_display = ["title", "author_display", "join_policy", "age_group", "visibility", "labels_display", "created_at"]
    list_filter = ["visibility", "join_policy", "age_group", ScreeningLabelFilter]
    search_fields = ["title", "slug", "created_by__handle"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "created_by", "description", "guidelines"]}),
        (_("Settings"), {"fields": ["join_policy", "age_group", "time_zone", "archived_at"]}),
        (_("Moderation"), {"fields": ["visibility", "content_warnings", "screening_labels", "held_reason", "held_at"]}),
    ]
    inlines = [MembershipInline, ChatScheduleInline]


@admin.register(CirclePost)
class CirclePostAdmin(MembersWritingAdmin):
    list_display = ["__str__", "author_display", "circle", "visibility", "labels_display", "pinned_at", "created_at"]
    list_filter = ["visibility", ContentWarningFilter, ScreeningLabelFilter, "circle"]
    list_select_related = ["author", "circle"]
    search_fields = ["body", "author__handle", "circle__title"]
    date_hierarchy = "created_at"
    fieldsets = [
        (None, {"fields": ["circle", "author", "body", "pinned_at", "removed_by"]}),
        (_("Moderation"), {"fields": ["visibility", "content_warnings", "screening_labels", "held_reason", "held_at"]}),
        (_("Dates"), {"fields": ["created_at", "edited_at", "deleted_at", "screened_at"]}),
    ]


@admin.register(ChatMessage)
class ChatMessageAdmin(MembersWritingAdmin):
    list_display = ["__str__", "author_display", "circle", "session_start", "visibility", "labels_display"]
    list_filter = ["visibility", ScreeningLabelFilter, "circle"]
    list_select_related = ["author", "circle"]
    search_fields = ["body", "author__handle"]
    date_hierarchy = "created_at"
    fieldsets = [
        (None, {"fields": ["circle", "session_start", "author", "body", "removed_by"]}),
        (_("Moderation"), {"fields": ["visibility", "screening_labels", "held_reason", "held_at"]}),
    ]


class MessageInline(admin.TabularInline):
    """A conversation's messages without their words: who sent what when, and how screening judged it."""

    model = Message
    fields = ["sender", "created_at", "visibility", "held_reason", "deleted_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Conversation)
class ConversationAdmin(ReadOnlyListAdmin):
    """Who wrote to whom and when. Private words stay private: bodies are not shown here (see MessageAdmin)."""

    list_display = ["__str__", "started_by", "recipient", "status", "created_at", "last_message_at"]
    list_filter = ["status"]
    list_select_related = ["started_by", "recipient"]
    search_fields = ["started_by__handle", "recipient__handle"]
    fields = ["started_by", "recipient", "status", "created_at", "accepted_at", "last_message_at"]
    inlines = [MessageInline]


@admin.register(Message)
class MessageAdmin(WrittenByAdmin):
    """Direct messages. A moderator reads a message's words only when screening held it or a moderator hid it:
    the private conversation around it stays private."""

    writer_field = "sender"
    list_display = ["__str__", "author_display", "conversation", "visibility", "labels_display", "created_at"]
    list_filter = ["visibility", ScreeningLabelFilter]
    search_fields = ["sender__handle"]
    date_hierarchy = "created_at"
    readonly_fields = ["body_for_moderators"]
    fieldsets = [
        (None, {"fields": ["conversation", "sender", "body_for_moderators", "created_at", "deleted_at"]}),
        (_("Moderation"), {"fields": ["visibility", "screening_labels", "held_reason", "held_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("body")

    @admin.display(description=_("message"))
    def body_for_moderators(self, message):
        if message.visibility == "published":
            return _("(private: shown only when screening holds a message or a moderator hides it)")
        return Message.objects.filter(pk=message.pk).values_list("body", flat=True).first()


@admin.register(Notification)
class NotificationAdmin(ReadOnlyListAdmin):
    list_display = ["kind", "recipient", "actor", "count", "created_at", "read_at", "emailed_at"]
    list_filter = ["kind"]
    list_select_related = ["recipient", "actor"]
    search_fields = ["recipient__handle"]
    exclude = ["data"]
