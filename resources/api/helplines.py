"""/api/v1/ endpoints for helplines."""


def register(router):
    """Add this module's viewsets to the /api/v1/ router."""
