from django.urls import path

from . import views
from .views import circles, messages, preferences, social, stories
from .views import notifications as notification_views

app_name = "community"

urlpatterns = [
    path("people/<str:handle>/", views.profile, name="profile"),
    path("settings/", views.edit_profile, name="settings"),
    path("settings/tokens/", views.api_tokens, name="api_tokens"),
    path("settings/tokens/<int:token_id>/revoke/", views.revoke_api_token, name="revoke_api_token"),
    *stories.urlpatterns,
    *social.urlpatterns,
    *preferences.urlpatterns,
    *notification_views.urlpatterns,
    *messages.urlpatterns,
    *circles.urlpatterns,
]
