"""Sign-up emails go through a real Celery worker and Redis: published only after the sign-up commits,
delivered by the worker, and never written to the worker's log."""

import email
import email.policy
import os
import queue
import re
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from celery import Celery, current_app
from celery.result import AsyncResult
from celery.signals import after_task_publish
from django.conf import settings as django_settings
from django.db import transaction
from django.test import Client

from community.models import User
from tests.conftest import TEST_REDIS_URL
from tests.factories import PASSWORD

pytestmark = pytest.mark.redis

WORKER_START_TIMEOUT = 60
TASK_TIMEOUT = 60
SEND_EMAIL = "community.tasks.send_email"
CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/accounts/confirm-email/[^/\s]+/)")


class Worker:
    """A `celery worker` process whose merged output is read line by line as it arrives."""

    def __init__(self, mail_dir: Path):
        self.mail_dir = mail_dir
        env = {
            **os.environ,
            "REDIS_URL": TEST_REDIS_URL,
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(mail_dir),
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("DATABASE_URL", None)  # the task needs no database
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--concurrency=1",
             "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=django_settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )  # fmt: skip
        self.output: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.output.append(line)
            self._lines.put(line)
        self._lines.put(None)  # the process closed its output: it has exited

    def wait_for(self, text: str, timeout: float) -> str:
        """Block until the worker prints a line containing `text`; fail with its output if it never does."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                line = self._lines.get(timeout=max(remaining, 0))
            except queue.Empty:
                line = None
            if line is None:
                pytest.fail(f"The worker did not print {text!r} within {timeout}s. Its output:\n{self.log}")
            if text in line:
                return line

    @property
    def log(self) -> str:
        return "".join(self.output)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def worker(tmp_path_factory):
    running = Worker(tmp_path_factory.mktemp("sent-mail"))
    try:
        running.wait_for(" ready.", WORKER_START_TIMEOUT)
        yield running
    finally:
        running.stop()


@pytest.fixture
def queue_app(settings):
    """This process publishes to the worker's Redis instead of running tasks eagerly.

    A fresh app made current for this thread, rather than the project app reconfigured: the project app
    caches the broker pool and result backend it first used (memory, none), and other tests keep it eager.
    """
    settings.CELERY_TASK_ALWAYS_EAGER = False
    previous = current_app._get_current_object()
    app = Celery("hearten-test", set_as_current=False)
    app.config_from_object("django.conf:settings", namespace="CELERY")
    app.conf.update(broker_url=TEST_REDIS_URL, result_backend=TEST_REDIS_URL, task_always_eager=False)
    app.set_current()
    try:
        yield app
    finally:
        previous.set_current()
        app.close()


@pytest.fixture
def published():
    """The send_email messages this process publishes, as Celery's after_task_publish signal reports them."""
    messages = []

    def record(sender=None, headers=None, **kwargs):
        if sender == SEND_EMAIL:
            messages.append(headers)

    after_task_publish.connect(record, weak=False)
    yield messages
    after_task_publish.disconnect(record)


def sign_up(client, address: str, handle: str):
    return client.post(
        "/accounts/signup/",
        {
            "email": address,
            "username": handle,
            "display_name": "Calm Harbour",
            "password1": PASSWORD,
            "birth_month": "3",
            "birth_year": "1990",
        },
    )


def read_mail(mail_dir: Path, address: str) -> email.message.EmailMessage:
    sent = [path.read_bytes() for path in mail_dir.iterdir()]
    # The file backend separates messages with a line of 79 dashes.
    messages = [
        email.message_from_bytes(chunk.strip(), policy=email.policy.default)
        for content in sent
        for chunk in content.split(b"\n" + b"-" * 79 + b"\n")
        if chunk.strip()
    ]
    mine = [message for message in messages if address in message["To"]]
    assert len(mine) == 1, f"{len(mine)} emails to {address} among {len(messages)} in {mail_dir}"
    return mine[0]


@pytest.mark.django_db
def test_the_worker_sends_the_confirmation_email_after_sign_up_commits(
    worker, queue_app, published, client, settings, django_capture_on_commit_callbacks
):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    address = f"harbour-{uuid.uuid4().hex[:8]}@example.org"

    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, address, "calm_harbour")
        assert response.status_code == 302, response.content.decode()[:2000]
        assert published == [], "the email task was published before the sign-up committed"

    assert len(published) == 1
    headers = published[0]
    assert headers["kwargsrepr"] == "{...redacted...}"
    assert AsyncResult(headers["id"], app=queue_app).get(timeout=TASK_TIMEOUT) == 1  # one email sent

    message = read_mail(worker.mail_dir, address)
    body = message.get_body(preferencelist=("plain",)).get_content()
    link = CONFIRM_LINK.search(body)
    assert link, body
    # The emailed link is real: it opens the confirmation page for this address.
    confirm_page = client.get(link.group(1))
    assert confirm_page.status_code == 200
    assert address in confirm_page.content.decode()

    # Neither the body nor the key reaches the worker's log (kwargsrepr), even once the task has finished.
    worker.wait_for(f"{SEND_EMAIL}[{headers['id']}] succeeded", TASK_TIMEOUT)
    key = link.group(1).rstrip("/").rsplit("/", 1)[-1]
    assert f"{SEND_EMAIL}[{headers['id']}] received" in worker.log
    assert key not in worker.log
    assert address not in worker.log
    assert "confirm-email" not in worker.log


class RolledBack(Exception):
    pass


@pytest.mark.django_db
def test_no_email_is_published_when_the_sign_up_does_not_commit(
    worker, queue_app, published, client, settings, django_capture_on_commit_callbacks
):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"

    # Still inside the transaction: the email waits for the commit.
    with django_capture_on_commit_callbacks(execute=False) as waiting:
        response = sign_up(client, "pending@example.org", "pending_one")
        assert response.status_code == 302
    assert len(waiting) == 1
    assert published == []

    # The transaction rolls back after the sign-up: the email is dropped with it.
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RolledBack),
        transaction.atomic(),
    ):
        response = sign_up(Client(), "rolled-back@example.org", "rolled_back")
        assert response.status_code == 302
        assert User.objects.filter(handle="rolled_back").exists()
        raise RolledBack
    assert callbacks == []
    assert published == []
    assert not User.objects.filter(handle="rolled_back").exists()
