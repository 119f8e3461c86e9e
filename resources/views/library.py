"""Resource, topic and organisation pages."""

urlpatterns = []
