"""The /api/v1/ router."""

from rest_framework.routers import DefaultRouter

from community import api as community_api
from community.api import circles as circles_api
from community.api import messages as messages_api
from community.api import notifications as notifications_api
from resources.api import helplines as helplines_api
from resources.api import library as library_api

router = DefaultRouter()
router.register("profiles", community_api.ProfileViewSet, basename="profile")
router.register("me/tokens", community_api.ApiTokenViewSet, basename="api-token")
community_api.stories.register(router)
notifications_api.register(router)
community_api.comments.register(router)
community_api.social.register(router)
messages_api.register(router)
library_api.register(router)
helplines_api.register(router)
circles_api.register(router)
