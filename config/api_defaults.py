"""What every API endpoint shares: one error format, throttles read at call time, cursor pagination.

Kept apart from the router (config/api.py) because DRF imports these while it is itself importing.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import exceptions, pagination, throttling
from rest_framework.settings import api_settings

NON_FIELD = api_settings.NON_FIELD_ERRORS_KEY


CRISIS_FIELDS = ("body", "text", "bio", "title")


def _writer_may_be_in_crisis(request) -> bool:
    if request is None or request.method not in ("POST", "PUT", "PATCH"):
        return False
    from moderation.services import reads_as_crisis

    try:
        data = request.data
    except Exception:  # an unreadable body: nothing to read
        return False
    if not hasattr(data, "get"):
        return False
    return any(isinstance(data.get(name), str) and reads_as_crisis(data.get(name)) for name in CRISIS_FIELDS)


def _flatten(detail, prefix="") -> dict[str, list[str]]:
    """Turn DRF's nested error detail into {"field" or "parent.child": [messages]}."""
    errors: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            for field, messages in _flatten(value, name).items():
                errors.setdefault(field, []).extend(messages)
    elif isinstance(detail, list):
        for index, item in enumerate(detail):
            if isinstance(item, dict | list):
                for field, messages in _flatten(item, f"{prefix}.{index}" if prefix else str(index)).items():
                    errors.setdefault(field, []).extend(messages)
            else:
                errors.setdefault(prefix or NON_FIELD, []).append(str(item))
    else:
        errors.setdefault(prefix or NON_FIELD, []).append(str(detail))
    return errors


def exception_handler(exc, context):
    """Every API error is {"detail": str, "errors": {field: [messages]}}, Django's exceptions included."""
    nudge = False
    if isinstance(exc, DjangoValidationError):
        # Screening asked the writer to reconsider: the same 400, marked so a client can offer "post anyway".
        nudge = any(error.code == "nudge" for errors in getattr(exc, "error_dict", {}).values() for error in errors)
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD: exc.messages})
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*(exc.args[:1] or ()))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()

    from rest_framework.views import exception_handler as drf_exception_handler

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        first = next(iter(errors.items()), None)
        detail = _("Please correct the errors below.")
        if first and first[0] == NON_FIELD and len(errors) == 1:
            detail = first[1][0]
        response.data = {"detail": detail, "errors": errors}
        if nudge:
            response.data["code"] = "nudge"
        if _writer_may_be_in_crisis(context.get("request")):
            # Refused for its shape (too long, comments closed...), but it reads as a crisis: help comes with it.
            response.data["crisis"] = True
            response.data["help_url"] = reverse("resources:crisis_response")
    else:
        detail = response.data.get("detail") if isinstance(response.data, dict) else response.data
        response.data = {"detail": str(detail), "errors": {}}
    return response


class _RatesFromSettings:
    # DRF copies DEFAULT_THROTTLE_CLASSES onto its views once, when rest_framework.views is first imported
    # (community.apps imports it at start-up, while the settings are the configured ones). So that a test
    # (or a reload) can turn throttling on or off, both the list and the rates are read again on every request.
    def allow_request(self, request, view):
        if type(self) not in api_settings.DEFAULT_THROTTLE_CLASSES:
            return True
        return super().allow_request(request, view)

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AnonThrottle(_RatesFromSettings, throttling.AnonRateThrottle):
    pass


class UserThrottle(_RatesFromSettings, throttling.UserRateThrottle):
    pass


class CursorPagination(pagination.CursorPagination):
    ordering = "-pk"
    page_size_query_param = "page_size"
    max_page_size = 100
