"""Demo helplines and emergency numbers: real, well-known national crisis lines, each with its source."""


def seed(*, staff) -> int:
    """Create what is missing; return how many helplines were created."""
    return 0
