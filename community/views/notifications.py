"""Pages for a person's notifications: the list, opening one, marking one or all read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ..selectors import notifications as selectors
from ..services import notifications as services

MAX_CURSOR = 100


def _cursor(value: str) -> str | None:
    return (value or "")[:MAX_CURSOR] or None


def _back(request):
    """Back to the page of the list the form was on."""
    cursor = _cursor(request.POST.get("cursor", ""))
    url = reverse("community:notifications")
    return redirect(f"{url}?{urlencode({'cursor': cursor})}" if cursor else url)


@login_required
def notification_list(request):
    cursor = _cursor(request.GET.get("cursor", ""))
    page = selectors.notification_page(viewer=request.user, cursor=cursor)
    return render(request, "community/notifications/list.html", {"page": page, "cursor": cursor or ""})


@login_required
def open_notification(request, pk):
    """Follow a notification (from the list or an email): it is read now, and it leads to what happened
    while the viewer may still see it."""
    notification = selectors.notification_for(viewer=request.user, pk=pk)
    if notification is None:
        raise Http404(_("There is no notification here."))
    services.mark_read(actor=request.user, notification_id=notification.pk)
    url = selectors.shown_notifications([notification], viewer=request.user)[0].url
    if not url:
        messages.info(request, _("What this notification was about is no longer there to see."))
        return redirect("community:notifications")
    return redirect(url)


@login_required
@require_POST
def mark_read(request, pk):
    if selectors.notification_for(viewer=request.user, pk=pk) is None:
        raise Http404(_("There is no notification here."))
    services.mark_read(actor=request.user, notification_id=pk)
    return _back(request)


@login_required
@require_POST
def mark_all_read(request):
    count = services.mark_all_read(actor=request.user)
    if count:
        messages.success(
            request,
            ngettext("%(count)d notification marked as read.", "%(count)d notifications marked as read.", count)
            % {"count": count},
        )
    return _back(request)


urlpatterns = [
    path("notifications/", notification_list, name="notifications"),
    path("notifications/read-all/", mark_all_read, name="notifications_read_all"),
    path("notifications/<int:pk>/", open_notification, name="notification_open"),
    path("notifications/<int:pk>/read/", mark_read, name="notification_read"),
]
