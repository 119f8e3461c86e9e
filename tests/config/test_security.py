"""Security headers on every response, pages that work under a strict CSP, and DEBUG=0 production safeguards."""

import json
import os
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# Anything in the environment that could switch a safeguard by itself is left out of the subprocesses.
OVERRIDES = {
    "DATABASE_URL",
    "REDIS_URL",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DJANGO_SETTINGS_MODULE",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "ACCOUNT_EMAIL_VERIFICATION",
    "STAFF_MFA_REQUIRED",
    "STATIC_MANIFEST",
    "BEHIND_TLS_PROXY",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests; never in production
}


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def assert_strict_headers(response):
    csp = policy(response)
    script_src = csp.get("script-src", csp.get("default-src"))
    assert script_src is not None
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    for directive in ("script-src", "style-src", "default-src"):
        for source in csp.get(directive, []):
            assert not source.startswith(("http:", "https:", "//")) and source != "*", (directive, source)
            assert "." not in source, f"{directive} allows the host {source}"
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("/help/", 200),
        ("/accounts/login/", 200),
        ("/api/v1/profiles/", 200),
        ("/api/v1/me/", 401),
        ("/no-such-page/", 404),
        ("/admin/", 302),
    ],
)
def test_every_response_carries_the_security_headers(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert_strict_headers(response)


@pytest.mark.django_db
def test_security_headers_on_a_post_and_an_error(client, member):
    """Form posts and refusals get the same headers, not only successful GETs."""
    client.force_login(member)
    response = client.post("/settings/tokens/", {"name": ""})
    assert response.status_code == 400
    assert_strict_headers(response)


class _PageScan(HTMLParser):
    """Collects what a strict CSP would block: inline scripts and handlers, inline styles, remote assets."""

    DATA_TYPES = {"application/json", "application/ld+json", "importmap"}

    def __init__(self):
        super().__init__()
        self.inline_scripts: list[str] = []
        self.handlers: list[str] = []
        self.inline_styles: list[str] = []
        self.remote: list[str] = []
        self.scripts_with_src: list[str] = []
        self._collect: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}>")
            if name in {"href", "src"} and value and value.startswith("javascript:"):
                self.handlers.append(f"<{tag} {name}={value}>")
            if name == "style":
                self.inline_styles.append(f"<{tag} style={value}>")
        if tag == "script":
            src = attrs.get("src")
            if src:
                self.scripts_with_src.append(src)
                if src.startswith(("http:", "https:", "//")):
                    self.remote.append(src)
            elif (attrs.get("type") or "").lower() not in self.DATA_TYPES:
                self._collect = "script"
        elif tag == "style":
            self._collect = "style"
        elif tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            href = attrs.get("href") or ""
            if href.startswith(("http:", "https:", "//")):
                self.remote.append(href)

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._collect = None

    def handle_data(self, data):
        if self._collect == "script" and data.strip():
            self.inline_scripts.append(data.strip()[:80])
        elif self._collect == "style" and data.strip():
            self.inline_styles.append(data.strip()[:80])


def scan(response) -> _PageScan:
    parser = _PageScan()
    parser.feed(response.content.decode())
    parser.close()
    return parser


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/help/", "/accounts/signup/", "/accounts/login/"])
def test_public_pages_have_nothing_the_csp_would_block(client, path):
    response = client.get(path)
    assert response.status_code == 200
    found = scan(response)
    assert found.scripts_with_src, "the page should load our own script"
    assert all(src.startswith("/static/") for src in found.scripts_with_src)
    assert found.inline_scripts == []
    assert found.handlers == []
    assert found.inline_styles == []
    assert found.remote == []


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/settings/", "/settings/tokens/", "/people/{handle}/"])
def test_member_pages_have_nothing_the_csp_would_block(client, member, path):
    client.force_login(member)
    response = client.get(path.format(handle=member.handle))
    assert response.status_code == 200
    found = scan(response)
    assert found.inline_scripts == []
    assert found.handlers == []
    assert found.inline_styles == []
    assert found.remote == []


# --- DEBUG=0 ------------------------------------------------------------------------------------


def production_env(**extra) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in OVERRIDES}
    env.update({"DEBUG": "0", **extra})
    return env


def run(args, env) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, *args], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def secret_key() -> str:
    return secrets.token_urlsafe(45)[:60]


def test_deploy_check_passes_with_production_settings():
    """DEBUG=0 alone, with a secret key and a host, satisfies every `check --deploy` warning."""
    env = production_env(SECRET_KEY=secret_key(), ALLOWED_HOSTS="example.org")
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env(ALLOWED_HOSTS="example.org")
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_the_laptop_secret_key():
    """Leaving SECRET_KEY empty must not fall back to the development key."""
    env = production_env(SECRET_KEY="", ALLOWED_HOSTS="example.org")
    result = run(["manage.py", "check", "--deploy"], env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({name: getattr(settings, name, None) for name in [
    "DEBUG", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", "ACCOUNT_EMAIL_VERIFICATION", "HEARTEN_STAFF_MFA_REQUIRED",
    "ALLOWED_HOSTS", "CONTENT_SECURITY_POLICY", "SECURE_PROXY_SSL_HEADER", "ACCOUNT_DEFAULT_HTTP_PROTOCOL",
]}))
"""


def test_debug_off_turns_on_every_safeguard():
    env = production_env(SECRET_KEY=secret_key(), ALLOWED_HOSTS="example.org", DJANGO_SETTINGS_MODULE="config.settings")
    result = run(["-c", PRINT_SETTINGS], env)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["ACCOUNT_EMAIL_VERIFICATION"] == "mandatory"
    assert values["HEARTEN_STAFF_MFA_REQUIRED"] is True
    assert values["ALLOWED_HOSTS"] == ["example.org"]
    assert values["ACCOUNT_DEFAULT_HTTP_PROTOCOL"] == "https"
    assert "upgrade-insecure-requests" in values["CONTENT_SECURITY_POLICY"]


def test_debug_off_without_hosts_allows_none():
    """No wildcard fallback: a production server with no ALLOWED_HOSTS answers nobody."""
    env = production_env(SECRET_KEY=secret_key(), DJANGO_SETTINGS_MODULE="config.settings")
    result = run(["-c", PRINT_SETTINGS], env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["ALLOWED_HOSTS"] == []
