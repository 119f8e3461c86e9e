"""Demo organisations and resources across topics and kinds."""


def seed(*, staff, publisher) -> int:
    """Create what is missing; return how many resources were created."""
    return 0
