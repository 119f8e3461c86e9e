"""The admin site: signs in through allauth and, in production, only with two-factor authentication."""

from functools import wraps
from urllib.parse import urlencode

from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def staff_mfa_step(request) -> str | None:
    """The URL a staff member must visit before the admin opens, or None if they may enter."""
    if not settings.HEARTEN_STAFF_MFA_REQUIRED:
        return None
    user = request.user
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        return reverse("mfa_activate_totp")
    records = get_authentication_records(request, user)
    if not any(record.get("method") == "mfa" for record in records):
        return reverse("mfa_reauthenticate")
    return None


class HeartenAdminSite(admin.AdminSite):
    site_header = gettext_lazy("Hearten administration")
    site_title = gettext_lazy("Hearten admin")
    index_title = gettext_lazy("Keep Hearten safe")

    def has_permission(self, request):
        return super().has_permission(request) and staff_mfa_step(request) is None

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(view)
        def guarded(request, *args, **kwargs):
            user = request.user
            if user.is_active and user.is_staff:
                step = staff_mfa_step(request)
                if step:
                    messages.warning(request, _("Staff need two-factor authentication to open the admin."))
                    return redirect(f"{step}?{urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})}")
            return inner(request, *args, **kwargs)

        return guarded

    def login(self, request, extra_context=None):
        if request.user.is_authenticated and not request.user.is_staff:
            # Signed in but not staff: sending them to allauth's login would bounce straight back here.
            raise PermissionDenied(_("Your account cannot open the admin."))
        # One sign-in for everyone: allauth's, with its rate limits and two-factor step.
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
        return redirect(f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
