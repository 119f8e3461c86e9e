"""The publisher workspace: organisation members manage their resources and helplines."""

urlpatterns = []
