"""Shared fixtures, and the test groups that need outside services.

Groups (pytest markers): `postgres`, `redis`, `browser`. A group the machine cannot run is left out
and named at the end of the run. CI sets HEARTEN_REQUIRE_GROUPS (comma-separated) so that a group it
expects to run can never be left out silently: the run fails instead.
"""

import os
import shutil
import socket
from urllib.parse import urlparse

import pytest
from django.core.cache import cache

from config.celery import app as celery_app
from tests.factories import UserFactory

CHROMIUM = "/usr/bin/chromium"
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

_left_out: dict[str, str] = {}


def _reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def _why_not(group: str) -> str | None:
    """None if this machine can run the group, else the reason it cannot."""
    if group == "postgres" and not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        return "DATABASE_URL does not point at PostgreSQL"
    if group == "redis" and not _reachable(TEST_REDIS_URL):
        return f"no Redis at {TEST_REDIS_URL}"
    if group == "browser" and not shutil.which(CHROMIUM):
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    return None


def pytest_collection_modifyitems(config, items):
    required = {g.strip() for g in os.environ.get("HEARTEN_REQUIRE_GROUPS", "").split(",") if g.strip()}
    keep, drop = [], []
    for item in items:
        reason = None
        for group in ("postgres", "redis", "browser"):
            if item.get_closest_marker(group):
                reason = _why_not(group)
                if reason:
                    if group in required:
                        raise pytest.UsageError(f"Test group '{group}' is required here but cannot run: {reason}")
                    _left_out[group] = reason
                    break
        (drop if reason else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def pytest_terminal_summary(terminalreporter):
    if _left_out:
        terminalreporter.section("test groups left out")
        for group, reason in sorted(_left_out.items()):
            terminalreporter.write_line(f"{group}: {reason}")


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Each test: empty cache, its own media folder, tasks eager, no API throttling unless a test turns it on."""
    cache.clear()
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    celery_app.conf.task_always_eager = True  # the app may have read its config before this fixture ran
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # hashing strength isn't under test
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    yield
    cache.clear()


@pytest.fixture
def member(db):
    return UserFactory()


@pytest.fixture
def api_client():
    from rest_framework.test import APIClient

    return APIClient()
