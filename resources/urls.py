"""The resource library's pages. Each views module lists its own routes."""

from .views import help, helplines, library, search, workspace

app_name = "resources"

urlpatterns = (
    help.urlpatterns + helplines.urlpatterns + library.urlpatterns + search.urlpatterns + workspace.urlpatterns
)
