"""Link checking against a real HTTP server on this machine (never the internet), with an injected clock."""

import datetime
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from django.conf import settings as django_settings
from django.urls import reverse

from config.celery import app as celery_app
from resources import tasks
from resources.models import PublicationStatus, Resource
from resources.services import links
from tests.factories import OrganisationMemberFactory, ResourceFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 5, 4, 8, 0, tzinfo=datetime.UTC)


class Site:
    """Two loopback hosts (127.0.0.1 and 127.0.0.2) serving the same small set of pages, logging each request."""

    DRIP_SECONDS = 10

    def __init__(self):
        self.requests: list[tuple[str, str, str]] = []
        self.release = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_HEAD(self):
                self.answer("HEAD")

            def do_GET(self):
                self.answer("GET")

            def answer(self, method):
                host = self.server.server_address[0]
                site.requests.append((method, host, self.path))
                if self.path == "/drip":
                    self.drip()
                    return
                status, location = site.route(method, self.path)
                if status is None:
                    site.release.wait(5)  # a server that never answers in time
                    return
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                self.send_header("Content-Length", "2")
                self.end_headers()
                if method == "GET":
                    self.wfile.write(b"ok")

            def drip(self):
                """A status line, then one byte of a header every 0.1 s for DRIP_SECONDS."""
                try:
                    self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                    self.wfile.flush()
                    for _ in range(int(site.DRIP_SECONDS * 10)):
                        if site.release.wait(0.1):
                            return
                        self.wfile.write(b"z")
                        self.wfile.flush()
                except OSError:
                    pass

            def log_message(self, *args):
                pass

        self.servers = [ThreadingHTTPServer((host, 0), Handler) for host in ("127.0.0.1", "127.0.0.2")]
        self.threads = [
            threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
            for server in self.servers
        ]
        for thread in self.threads:
            thread.start()

    def url(self, path, host=0):
        address, port = self.servers[host].server_address
        return f"http://{address}:{port}{path}"

    @staticmethod
    def route(method, path):
        if path == "/ok":
            return 200, ""
        if path == "/gone":
            return 404, ""
        if path == "/forbidden":
            return 403, ""
        if path == "/broken-server":
            return 500, ""
        if path == "/head-refused":
            return (405, "") if method == "HEAD" else (200, "")
        if path.startswith("/hops/"):
            left = int(path.rsplit("/", 1)[1])
            return (302, f"/hops/{left - 1}") if left else (200, "")
        if path == "/loop":
            return 301, "/loop"
        if path == "/slow":
            return None, ""
        if path == "/to-intranet":
            return 302, "http://intranet.charity.example/ok"
        if path == "/to-odd-port":
            return 302, "http://www.charity.example:8443/ok"
        return 404, ""

    def close(self):
        self.release.set()
        for server in self.servers:
            server.shutdown()
            server.server_close()


@pytest.fixture
def site(settings):
    settings.HEARTEN_LINK_CHECK_ALLOW_PRIVATE = True  # the test server lives on loopback
    site = Site()
    yield site
    site.close()


class FakeClock:
    """Time that only moves when the limiter sleeps: the tests never wait."""

    def __init__(self):
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def limiter(clock):
    return links.HostRateLimiter(interval=1.0, clock=clock, sleep=clock.sleep)


# One link


def test_a_working_page_is_ok_after_one_head_request(site, limiter):
    result = links.check_url(site.url("/ok"), limiter=limiter)

    assert (result.ok, result.status_code) == (True, 200)
    assert site.requests == [("HEAD", "127.0.0.1", "/ok")]


def test_a_missing_page_is_broken_after_asking_properly_with_get(site, limiter, clock):
    result = links.check_url(site.url("/gone"), limiter=limiter)

    assert (result.ok, result.status_code) == (False, 404)
    assert [method for method, _host, _path in site.requests] == ["HEAD", "GET"]
    assert clock.sleeps == [1.0]  # the same host again: one second apart


def test_servers_that_refuse_head_are_asked_with_get(site, limiter):
    result = links.check_url(site.url("/head-refused"), limiter=limiter)

    assert (result.ok, result.status_code) == (True, 200)


def test_server_errors_are_broken_and_robot_walls_are_not(site, limiter):
    assert not links.check_url(site.url("/broken-server"), limiter=limiter).ok
    assert links.check_url(site.url("/forbidden"), limiter=limiter).ok


def test_up_to_five_redirects_are_followed(site, limiter):
    five = links.check_url(site.url("/hops/5"), limiter=limiter)
    six = links.check_url(site.url("/hops/6"), limiter=limiter)
    loop = links.check_url(site.url("/loop"), limiter=limiter)

    assert (five.ok, five.final_url) == (True, site.url("/hops/0"))
    assert (six.ok, six.error) == (False, "too many redirects")
    assert (loop.ok, loop.error) == (False, "too many redirects")
    assert sum(1 for _m, _h, path in site.requests if path == "/loop") == 6


def test_a_server_that_does_not_answer_is_given_up_on(site, limiter):
    result = links.check_url(site.url("/slow"), limiter=limiter, timeout=0.2)

    assert not result.ok
    assert result.error == "TimeoutError"


def test_a_dead_host_is_broken(limiter, settings):
    settings.HEARTEN_LINK_CHECK_ALLOW_PRIVATE = True
    result = links.check_url("http://127.0.0.1:9/", limiter=limiter, timeout=1)

    assert not result.ok
    assert result.status_code is None


def test_private_addresses_are_never_fetched(site, limiter, settings):
    settings.HEARTEN_LINK_CHECK_ALLOW_PRIVATE = False

    on_its_port = links.check_url(site.url("/ok"), limiter=limiter)  # refused for its port before any lookup
    on_port_80 = links.check_url("http://127.0.0.1/ok", limiter=limiter)

    assert (on_its_port.ok, on_its_port.error) == (False, "only ports 80 and 443")
    assert (on_port_80.ok, on_port_80.error) == (False, "not a public internet address")
    assert site.requests == []


@pytest.fixture
def public_names(site, settings, monkeypatch):
    """`www.charity.example` looks public (8.8.8.8) but is the test site; `intranet.charity.example` is 127.0.0.1."""
    settings.HEARTEN_LINK_CHECK_ALLOW_PRIVATE = False
    real_getaddrinfo, real_connect = links.socket.getaddrinfo, links.socket.create_connection
    names = {"www.charity.example": "8.8.8.8", "intranet.charity.example": "127.0.0.1"}
    lookups = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host in names:
            lookups.append(host)
            return [(links.socket.AF_INET, links.socket.SOCK_STREAM, 6, "", (names[host], port))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    def create_connection(address, *args, **kwargs):
        if address[0] == "8.8.8.8":
            address = site.servers[0].server_address
        return real_connect(address, *args, **kwargs)

    monkeypatch.setattr(links.socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(links.socket, "create_connection", create_connection)
    return lookups


def test_a_public_host_redirecting_to_a_private_address_is_refused_not_followed(site, limiter, public_names):
    result = links.check_url("http://www.charity.example/to-intranet", limiter=limiter)

    assert (result.ok, result.error) == (False, "not a public internet address")
    assert result.final_url == "http://intranet.charity.example/ok"
    assert site.requests == [("HEAD", "127.0.0.1", "/to-intranet")]  # the private address was never asked
    assert public_names == ["www.charity.example", "intranet.charity.example"]


def test_public_hosts_are_only_asked_on_ports_80_and_443(site, limiter, public_names):
    odd_port = links.check_url("http://www.charity.example:8080/ok", limiter=limiter)
    redirected = links.check_url("http://www.charity.example/to-odd-port", limiter=limiter)
    working = links.check_url("http://www.charity.example/ok", limiter=limiter)

    assert (odd_port.ok, odd_port.error) == (False, "only ports 80 and 443")
    assert (redirected.ok, redirected.error) == (False, "only ports 80 and 443")
    assert working.ok
    assert [path for _method, _host, path in site.requests] == ["/to-odd-port", "/ok"]


def test_a_server_dripping_bytes_cannot_hold_a_request_past_its_deadline(site, limiter):
    # Each byte comes well inside the read time-out, so only the request's own deadline ends it.
    started = time.monotonic()

    result = links.check_url(site.url("/drip"), limiter=limiter, timeout=2, request_deadline=0.5)

    assert (result.ok, result.error) == (False, "took too long")
    assert time.monotonic() - started < site.DRIP_SECONDS / 2


def test_cloud_metadata_addresses_are_never_fetched(limiter, settings):
    settings.HEARTEN_LINK_CHECK_ALLOW_PRIVATE = False

    assert links.check_url("http://169.254.169.254/latest/meta-data/", limiter=limiter).error == (
        "not a public internet address"
    )


def test_only_web_addresses_are_checked(limiter):
    assert links.check_url("ftp://example.org/file", limiter=limiter).error == "not a web address"


# The rate limit


def test_the_limiter_spaces_requests_to_one_host_by_a_second(clock, limiter):
    limiter.wait("example.org")
    limiter.wait("other.example")
    clock.now += 0.25
    limiter.wait("EXAMPLE.org")
    clock.now += 5
    limiter.wait("example.org")

    assert clock.sleeps == [0.75]


# The periodic run


def test_the_run_records_status_code_and_time_for_each_published_link(site, limiter):
    ok = ResourceFactory(external_url=site.url("/ok"))
    gone = ResourceFactory(external_url=site.url("/gone", host=1))
    draft = ResourceFactory(external_url=site.url("/ok"), status=PublicationStatus.DRAFT)
    no_link = ResourceFactory(external_url="")

    with time_machine.travel(NOW, tick=False):
        run = links.check_published_links(limiter=limiter)

    assert (run.checked, run.broken) == (2, 1)
    ok.refresh_from_db()
    gone.refresh_from_db()
    draft.refresh_from_db()
    no_link.refresh_from_db()
    assert (ok.link_status, ok.link_status_code, ok.link_checked_at) == ("ok", 200, NOW)
    assert (gone.link_status, gone.link_status_code, gone.link_checked_at) == ("broken", 404, NOW)
    assert draft.link_checked_at is None and no_link.link_checked_at is None


def test_the_run_is_idempotent_and_rechecks_the_next_day(site, limiter):
    resource = ResourceFactory(external_url=site.url("/ok"))
    original_updated_at = resource.updated_at

    with time_machine.travel(NOW, tick=False):
        links.check_published_links(limiter=limiter)
        again = links.check_published_links(limiter=limiter)
    with time_machine.travel(NOW + datetime.timedelta(hours=21), tick=False):
        next_day = links.check_published_links(limiter=limiter)

    assert (again.checked, next_day.checked) == (0, 1)
    assert len(site.requests) == 2
    resource.refresh_from_db()
    assert resource.updated_at == original_updated_at  # checking a link is not an edit


def test_a_fixed_link_is_no_longer_flagged(site, limiter):
    resource = ResourceFactory(
        external_url=site.url("/ok"),
        link_status=Resource.LinkStatus.BROKEN,
        link_checked_at=NOW - datetime.timedelta(days=2),
    )

    with time_machine.travel(NOW, tick=False):
        links.check_published_links(limiter=limiter)

    resource.refresh_from_db()
    assert resource.link_status == "ok"


def test_hosts_are_taken_in_turn_and_each_host_is_asked_once_a_second(site, limiter, clock):
    for path in ("/ok", "/hops/0", "/head-refused"):
        ResourceFactory(external_url=site.url(path, host=0))
    ResourceFactory(external_url=site.url("/ok", host=1))
    asked = []
    original_wait = limiter.wait

    def wait(host):
        original_wait(host)
        asked.append((host, clock()))

    limiter.wait = wait

    with time_machine.travel(NOW, tick=False):
        links.check_published_links(limiter=limiter)

    assert [host for host, _ in asked[:2]] == ["127.0.0.1", "127.0.0.2"]
    for host in ("127.0.0.1", "127.0.0.2"):
        times = [at for name, at in asked if name == host]
        assert all(later - earlier >= 1.0 for earlier, later in zip(times, times[1:], strict=False))


def test_a_second_run_while_one_is_going_does_nothing(site, limiter):
    from django.core.cache import cache

    ResourceFactory(external_url=site.url("/ok"))
    cache.add(links.LOCK_KEY, "another-run")

    assert links.check_published_links(limiter=limiter).skipped
    assert site.requests == []
    assert cache.get(links.LOCK_KEY) == "another-run"


def test_a_run_releases_its_lock_but_never_another_runs(site, limiter, monkeypatch):
    from django.core.cache import cache

    ResourceFactory(external_url=site.url("/ok"))
    links.check_published_links(limiter=limiter)
    assert cache.get(links.LOCK_KEY) is None

    ResourceFactory(external_url=site.url("/ok", host=1))
    check = links.check_resource_link

    def lock_expires_and_another_run_starts(**kwargs):
        cache.set(links.LOCK_KEY, "another-run")
        return check(**kwargs)

    monkeypatch.setattr(links, "check_resource_link", lock_expires_and_another_run_starts)
    links.check_published_links(limiter=limiter)

    assert cache.get(links.LOCK_KEY) == "another-run"


def test_a_run_stops_starting_checks_when_its_budget_is_spent(site, limiter):
    ResourceFactory(external_url=site.url("/ok"))

    assert links.check_published_links(limiter=limiter, budget=-1).checked == 0
    assert site.requests == []


def test_the_task_has_time_limits_inside_the_lock():
    task = tasks.check_resource_links

    assert task.soft_time_limit and task.time_limit
    assert links.RUN_BUDGET < task.soft_time_limit < task.time_limit < links.LOCK_TIMEOUT


def test_broken_links_are_flagged_to_the_publisher(site, limiter, client):
    membership = OrganisationMemberFactory()
    resource = ResourceFactory(organisation=membership.organisation, external_url=site.url("/gone"), title="Old page")

    with time_machine.travel(NOW, tick=False):
        links.check_published_links(limiter=limiter)
    client.force_login(membership.user)
    html = client.get(reverse("resources:workspace")).content.decode()
    reader_html = client.get(reverse("resources:resource_detail", args=[resource.slug])).content.decode()

    assert "Broken links" in html and "Old page" in html and "answered 404" in html
    assert "This link didn't work when we last checked it" in reader_html


def test_the_task_runs_the_check_and_is_in_the_beat_schedule(site, settings):
    settings.HEARTEN_LINK_CHECK_PER_HOST_SECONDS = 0  # the real limiter, without waiting
    resource = ResourceFactory(external_url=site.url("/gone"))

    result = tasks.check_resource_links.delay().get()

    resource.refresh_from_db()
    assert result == {"checked": 1, "broken": 1, "skipped": False}
    assert resource.link_status == "broken"
    schedule = django_settings.CELERY_BEAT_SCHEDULE["check-resource-links"]
    assert schedule["task"] == tasks.check_resource_links.name
    assert schedule["task"] in celery_app.tasks
