"""Pages for following, the feed, hashtags, and a person's safety controls (blocks, mutes, restrictions,
hidden words)."""

urlpatterns = []
