"""How allauth plugs into Hearten: our sign-up service and emails sent by a background task."""

from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction

from . import services
from .tasks import send_email

RESERVED_HANDLES = {
    "admin", "administrator", "hearten", "help", "helpline", "moderator", "mod", "staff", "support",
    "api", "settings", "accounts", "people", "root", "system", "official", "crisis", "anonymous",
}  # fmt: skip


class AccountAdapter(DefaultAccountAdapter):
    def clean_username(self, username, shallow=False):
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext as _

        if username.lower() in RESERVED_HANDLES:
            raise ValidationError(_("This handle is reserved. Please choose another."))
        services.check_handle(username)
        return super().clean_username(username, shallow=shallow)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        data = form.cleaned_data
        return services.sign_up_member(
            user=user,
            display_name=data.get("display_name", ""),
            birth_year=data["birth_year"],
            birth_month=int(data["birth_month"]),
        )

    def send_mail(self, template_prefix, email, context):
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        message = self.render_mail(template_prefix, email, ctx)
        html = next((content for content, mime in getattr(message, "alternatives", []) if mime == "text/html"), None)
        kwargs = {
            "subject": message.subject,
            "body": message.body,
            "html": html,
            "to": list(message.to),
            "from_email": message.from_email,
        }
        transaction.on_commit(lambda: send_email.apply_async(kwargs=kwargs, kwargsrepr="{...redacted...}"))
