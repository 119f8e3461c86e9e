"""Pages for stories: the composer, a story with its reactions and comments."""

urlpatterns = []
