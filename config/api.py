"""The /api/v1/ router."""

from rest_framework.routers import DefaultRouter

from community import api as community_api
from resources.api import helplines as helplines_api
from resources.api import library as library_api

router = DefaultRouter()
router.register("profiles", community_api.ProfileViewSet, basename="profile")
router.register("me/tokens", community_api.ApiTokenViewSet, basename="api-token")
community_api.stories.register(router)
library_api.register(router)
helplines_api.register(router)
