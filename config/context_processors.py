from django.conf import settings
from django.utils.functional import SimpleLazyObject

from community.selectors.notifications import unread_count


def site(request):
    return {
        "QUICK_EXIT_URL": settings.HEARTEN_QUICK_EXIT_URL,
        "STAFF_MFA_REQUIRED": settings.HEARTEN_STAFF_MFA_REQUIRED,
    }


def notifications(request):
    """The signed-in person's unread notifications, for the header: counted only when a page shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"notifications_unread": 0}
    return {"notifications_unread": SimpleLazyObject(lambda: unread_count(viewer=user))}
