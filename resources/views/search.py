"""The resource list at /resources/: search, filters and facets."""

urlpatterns = []
