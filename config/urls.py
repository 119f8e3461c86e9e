from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from community import api as community_api
from community import views as community_views
from community.api.preferences import me_preferences
from resources.views import help as help_views

from .api import router

urlpatterns = [
    path("", community_views.home, name="home"),
    path("help/", help_views.get_help, name="help"),
    path("privacy/", TemplateView.as_view(template_name="privacy.html"), name="privacy"),
    # Resolved per request: with hashed static files the name is only known after collectstatic.
    path("favicon.ico", lambda request: HttpResponsePermanentRedirect(static_url("img/heart.svg"))),
    path("", include("resources.urls")),
    path("search/", RedirectView.as_view(url="/resources/", permanent=True, query_string=True), name="search"),
    path("accounts/signup/", community_views.SignupView.as_view(), name="account_signup"),
    path("accounts/", include("allauth.urls")),
    path("", include("community.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/me/", community_api.me, name="api-me"),
    path("api/v1/me/preferences/", me_preferences, name="api-me-preferences"),
    path("api/v1/moderation/preview/", community_api.moderation_preview, name="api-moderation-preview"),
    path("api/v1/", include(router.urls)),
    path("api/hsds/", include("resources.api.hsds")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
