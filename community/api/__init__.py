"""The community's API: people (the signed-in member, profiles, tokens, the moderation preview) and, in
stories.py, stories, comments, reactions, follows and the feed. config/api.py wires the routes."""

from .people import (
    ApiTokenViewSet,
    ModerationOutcomeSerializer,
    ProfileViewSet,
    me,
    moderation_outcome,
    moderation_preview,
)

__all__ = [
    "ApiTokenViewSet",
    "ModerationOutcomeSerializer",
    "ProfileViewSet",
    "me",
    "moderation_outcome",
    "moderation_preview",
]
