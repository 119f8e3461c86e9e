from django.conf import settings


def site(request):
    return {
        "QUICK_EXIT_URL": settings.HEARTEN_QUICK_EXIT_URL,
        "STAFF_MFA_REQUIRED": settings.HEARTEN_STAFF_MFA_REQUIRED,
    }
