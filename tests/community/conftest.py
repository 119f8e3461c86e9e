"""Fixtures the community tests share."""

import pytest

from tests.community.messages import person


@pytest.fixture
def act(django_capture_on_commit_callbacks):
    """Run a service and commit: what it left for after the commit (notifications, emails) happens then."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


@pytest.fixture
def sky():
    """A member anyone may write to."""
    return person("sky")


@pytest.fixture
def lee():
    """Another member anyone may write to."""
    return person("lee")
