"""Checking that published resources still link somewhere that works.

A check asks with HEAD first and falls back to GET (some servers refuse HEAD), follows at most five
redirects, gives each request a bounded time-out and a wall-clock deadline (a server dripping a byte every few
seconds cannot hold it open), each link an overall deadline, and asks any one host at most once a second. It
only talks to public internet addresses on ports 80 and 443 (the server must not become a way to probe its own
network or other services), resolving each host once and connecting to exactly that address; every redirect
hop is checked the same way.
"""

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from ..models import Resource
from ..selectors.library import published_resources

USER_AGENT = "HeartenLinkChecker/1.0 (checks that links in a mental-health resource library still work)"
MAX_REDIRECTS = 5
REQUEST_TIMEOUT = 10  # seconds, per connection and per read
REQUEST_DEADLINE = 15  # seconds, one request from connecting to the last byte read, however slowly it drips
LINK_DEADLINE = 30  # seconds, all hops of one link together
PUBLIC_PORTS = {80, 443}
PER_HOST_INTERVAL = 1.0  # seconds between two requests to the same host
RECHECK_AFTER = timedelta(hours=20)
BATCH_SIZE = 500
# The page exists but turns robots away, or asks us to slow down: not a broken link.
REACHABLE_ERRORS = {401, 403, 429}
LOCK_KEY = "resources:link-check:running"
# A run stops starting new checks after RUN_BUDGET; the task's time limits (resources.tasks) come next, and the
# lock outlives them all, so it never expires under a run that is still going.
RUN_BUDGET = 40 * 60  # seconds
TASK_SOFT_TIME_LIMIT = 50 * 60
TASK_TIME_LIMIT = 55 * 60
LOCK_TIMEOUT = 60 * 60


@dataclass
class LinkCheck:
    ok: bool
    status_code: int | None = None
    final_url: str = ""
    error: str = ""


class HostRateLimiter:
    """At most one request per host per `interval` seconds. The clock and sleep are injectable for tests."""

    def __init__(self, *, interval: float | None = None, clock: Callable[[], float] = time.monotonic, sleep=None):
        if interval is None:
            interval = getattr(settings, "HEARTEN_LINK_CHECK_PER_HOST_SECONDS", PER_HOST_INTERVAL)
        self.interval = interval
        self.clock = clock
        self.sleep = sleep or time.sleep
        self._last: dict[str, float] = {}

    def wait(self, host: str) -> None:
        host = host.lower()
        last = self._last.get(host)
        if last is not None:
            remaining = last + self.interval - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self._last[host] = self.clock()


class _BlockedAddress(Exception):
    pass


class _RequestDeadline(TimeoutError):
    """The request as a whole took longer than its deadline (each read may still have been quick)."""


def _public_address(host: str, port: int) -> str:
    """Resolve `host` once; refuse anything that is not a public internet address."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    allow_private = getattr(settings, "HEARTEN_LINK_CHECK_ALLOW_PRIVATE", False)
    for _family, _type, _proto, _name, address in infos:
        ip = ipaddress.ip_address(address[0])
        if allow_private or ip.is_global:
            return address[0]
    raise _BlockedAddress(host)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _request(method: str, url: str, *, timeout: float, deadline: float = REQUEST_DEADLINE) -> tuple[int, str]:
    """One request; returns (status, Location header). Reads at most a little of any body.

    `timeout` bounds each connect and read; `deadline` the whole request: when it passes, the socket is shut
    down from a timer, so a server sending one byte every few seconds cannot keep it alive.
    """
    parts = urlsplit(url)
    secure = parts.scheme == "https"
    port = parts.port or (443 if secure else 80)
    address = _public_address(parts.hostname or "", port)
    connection_class = _PinnedHTTPSConnection if secure else _PinnedHTTPConnection
    connection = connection_class(parts.hostname, port, address=address, timeout=min(timeout, deadline))
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    expired = threading.Event()

    def cut_off():
        expired.set()
        sock = connection.sock
        if sock is not None:
            # The plain socket's shutdown, also under TLS: the reader then sees the end of the stream.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    timer = threading.Timer(deadline, cut_off)
    timer.daemon = True
    timer.start()
    try:
        connection.request(method, path, headers={"User-Agent": USER_AGENT, "Accept": "*/*", "Connection": "close"})
        response = connection.getresponse()
        if method == "GET":
            response.read(1024)
        if expired.is_set():
            raise _RequestDeadline(url)
        return response.status, response.getheader("Location", "")
    except (OSError, http.client.HTTPException, ValueError):
        if expired.is_set():
            raise _RequestDeadline(url) from None
        raise
    finally:
        timer.cancel()
        connection.close()


def _port_allowed(parts) -> bool:
    if getattr(settings, "HEARTEN_LINK_CHECK_ALLOW_PRIVATE", False):
        return True  # development and tests, against servers on this machine
    try:
        port = parts.port
    except ValueError:
        return False
    return port is None or port in PUBLIC_PORTS


def check_url(
    url: str,
    *,
    limiter: HostRateLimiter | None = None,
    timeout: float = REQUEST_TIMEOUT,
    deadline: float = LINK_DEADLINE,
    request_deadline: float = REQUEST_DEADLINE,
    max_redirects: int = MAX_REDIRECTS,
    clock: Callable[[], float] = time.monotonic,
) -> LinkCheck:
    """Whether `url` leads to a working page."""
    limiter = limiter or HostRateLimiter()
    started = clock()
    redirects = 0
    method = "HEAD"
    while True:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            return LinkCheck(ok=False, final_url=url, error="not a web address")
        if not _port_allowed(parts):
            return LinkCheck(ok=False, final_url=url, error="only ports 80 and 443")
        if clock() - started > deadline:
            return LinkCheck(ok=False, final_url=url, error="took too long")
        limiter.wait(parts.hostname)
        left = max(deadline - (clock() - started), 0.1)
        try:
            status, location = _request(method, url, timeout=timeout, deadline=min(request_deadline, left))
        except _BlockedAddress:
            return LinkCheck(ok=False, final_url=url, error="not a public internet address")
        except _RequestDeadline:
            return LinkCheck(ok=False, final_url=url, error="took too long")
        except (OSError, http.client.HTTPException, ValueError) as error:
            return LinkCheck(ok=False, final_url=url, error=type(error).__name__)
        if 300 <= status < 400 and location:
            redirects += 1
            if redirects > max_redirects:
                return LinkCheck(ok=False, status_code=status, final_url=url, error="too many redirects")
            url = urljoin(url, location)
            method = "HEAD"
            continue
        if status >= 400 and method == "HEAD":
            method = "GET"  # some servers answer HEAD wrongly: ask again properly before calling it broken
            continue
        ok = status < 400 or status in REACHABLE_ERRORS
        return LinkCheck(ok=ok, status_code=status, final_url=url, error="" if ok else f"HTTP {status}")


def record_link_check(*, resource: Resource, result: LinkCheck) -> None:
    """Store the outcome on the resource (without touching its `updated_at`: the content did not change)."""
    Resource.objects.filter(pk=resource.pk).update(
        link_status=Resource.LinkStatus.OK if result.ok else Resource.LinkStatus.BROKEN,
        link_status_code=result.status_code,
        link_checked_at=timezone.now(),
    )


def check_resource_link(*, resource: Resource, limiter: HostRateLimiter | None = None) -> LinkCheck:
    result = check_url(resource.external_url, limiter=limiter)
    record_link_check(resource=resource, result=result)
    return result


def links_due(*, now=None) -> list[Resource]:
    """Published resources with a link not checked in the last RECHECK_AFTER, least recently checked first."""
    now = now or timezone.now()
    due = (
        published_resources()
        .exclude(external_url="")
        .filter(Q(link_checked_at__isnull=True) | Q(link_checked_at__lt=now - RECHECK_AFTER))
        .order_by("link_checked_at", "pk")
    )
    # NULLs sort first on SQLite and last on PostgreSQL: put never-checked links first on both.
    return sorted(due[:BATCH_SIZE], key=lambda r: (r.link_checked_at is not None, r.link_checked_at or now, r.pk))


def _interleave_hosts(resources: list[Resource]) -> list[Resource]:
    """Take one resource from each host in turn, so the rate limit rarely has to wait."""
    by_host: OrderedDict[str, list[Resource]] = OrderedDict()
    for resource in resources:
        by_host.setdefault((urlsplit(resource.external_url).hostname or "").lower(), []).append(resource)
    queues = list(by_host.values())
    ordered = []
    while queues:
        ordered.extend(queue.pop(0) for queue in queues)
        queues = [queue for queue in queues if queue]
    return ordered


@dataclass
class LinkCheckRun:
    checked: int = 0
    broken: int = 0
    skipped: bool = False  # another run was already going


def check_published_links(
    *, limiter: HostRateLimiter | None = None, now=None, budget: float = RUN_BUDGET
) -> LinkCheckRun:
    """Check every published link that is due. Running it again straight away checks nothing twice.

    One run at a time: the lock holds this run's own token, and the run only releases a lock that still holds
    it (if it had expired and another run took it, that run's lock stays). Links left when `budget` seconds
    are up wait for the next run, which starts with the least recently checked.
    """
    token = uuid.uuid4().hex
    if not cache.add(LOCK_KEY, token, timeout=LOCK_TIMEOUT):
        return LinkCheckRun(skipped=True)
    started = time.monotonic()
    try:
        limiter = limiter or HostRateLimiter()
        run = LinkCheckRun()
        for resource in _interleave_hosts(links_due(now=now)):
            if time.monotonic() - started > budget:
                break
            result = check_resource_link(resource=resource, limiter=limiter)
            run.checked += 1
            run.broken += 0 if result.ok else 1
        return run
    finally:
        if cache.get(LOCK_KEY) == token:
            cache.delete(LOCK_KEY)
