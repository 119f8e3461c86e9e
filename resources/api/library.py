"""/api/v1/ endpoints for organisations, topics and resources."""


def register(router):
    """Add this module's viewsets to the /api/v1/ router."""
