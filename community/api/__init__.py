"""The community's API: people (the signed-in member, profiles, tokens, the moderation preview) in people.py;
stories, reactions, the feed and hashtags in stories.py; comments in comments.py; follows and each person's
safety controls in social.py. config/api.py wires the routes: each of those modules has a register(router)."""

from . import comments, social, stories
from .comments import CommentViewSet, PendingCommentViewSet
from .people import (
    ApiTokenViewSet,
    ModerationOutcomeSerializer,
    ProfileViewSet,
    me,
    moderation_outcome,
    moderation_preview,
)
from .social import BlockViewSet, HiddenWordViewSet, MuteViewSet, PersonViewSet, RestrictionViewSet
from .stories import FeedViewSet, StoryViewSet, TagViewSet

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
    "comments",
    "me",
    "moderation_outcome",
    "moderation_preview",
    "social",
    "stories",
]
