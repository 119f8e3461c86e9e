import pytest

from moderation.detectors.watched_words import compiled_rules


@pytest.fixture(autouse=True)
def _fresh_rules():
    """Compiled rules are kept per process; each test starts from its own database's rules."""
    compiled_rules.reset()
    yield
    compiled_rules.reset()
