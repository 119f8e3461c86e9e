"""The community's API: people (the signed-in member, profiles, tokens, the moderation preview) and, in
stories.py, stories, comments, reactions, follows, the feed, hashtags and each person's safety controls.
config/api.py wires the routes."""

from . import stories
from .people import (
    ApiTokenViewSet,
    ModerationOutcomeSerializer,
    ProfileViewSet,
    me,
    moderation_outcome,
    moderation_preview,
)
from .stories import (
    BlockViewSet,
    CommentViewSet,
    FeedViewSet,
    HiddenWordViewSet,
    MuteViewSet,
    PendingCommentViewSet,
    PersonViewSet,
    RestrictionViewSet,
    StoryViewSet,
    TagViewSet,
)

__all__ = [
    "ApiTokenViewSet",
    "BlockViewSet",
    "CommentViewSet",
    "FeedViewSet",
    "HiddenWordViewSet",
    "ModerationOutcomeSerializer",
    "MuteViewSet",
    "PendingCommentViewSet",
    "PersonViewSet",
    "ProfileViewSet",
    "RestrictionViewSet",
    "StoryViewSet",
    "TagViewSet",
    "me",
    "moderation_outcome",
    "moderation_preview",
    "stories",
]
