"""The community's pages. Each module lists its own routes in `urlpatterns` (see community/urls.py)."""

from .people import AGE_GATE_COOKIE, SignupView, api_tokens, edit_profile, home, profile, revoke_api_token

__all__ = ["AGE_GATE_COOKIE", "SignupView", "api_tokens", "edit_profile", "home", "profile", "revoke_api_token"]
