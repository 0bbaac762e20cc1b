"""Fetch article URLs politely: a user agent naming the tool, robots.txt, a timeout, a size cap,
and no requests to private or loopback addresses unless the caller allows them."""
from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from dataclasses import dataclass
from email.message import Message

from headwater import __version__

USER_AGENT = f"headwater/{__version__} (+https://github.com/headwater-osint/headwater; news provenance analysis)"


class FetchError(Exception):
    """A URL could not be fetched; the message says why in words a person can act on."""


@dataclass(frozen=True)
class FetchPolicy:
    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    allow_private: bool = False
    respect_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Fetched:
    url: str  # the final URL after redirects
    body: bytes
    content_type: str
    charset: str | None


def _check_host(url: str, policy: FetchPolicy) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refused: scheme {parts.scheme!r} is not http(s)")
    host = parts.hostname
    if not host:
        raise FetchError("refused: no host in the URL")
    if policy.allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise FetchError(f"host {host!r} does not resolve ({exc.strerror})") from None
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if not addr.is_global:
            raise FetchError(
                f"refused: {host} resolves to a private or loopback address ({addr}); "
                "pass --allow-private to fetch it")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        _check_host(newurl, self.policy)  # a public page must not bounce us onto a private address
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(policy: FetchPolicy) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_CheckedRedirects(policy))


def _robots_allow(url: str, policy: FetchPolicy) -> bool:
    parts = urllib.parse.urlsplit(url)
    robots_url = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
    req = urllib.request.Request(robots_url, headers={"User-Agent": policy.user_agent})
    try:
        with _opener(policy).open(req, timeout=policy.timeout) as resp:
            lines = resp.read(512 * 1024).decode("utf-8", "replace").splitlines()
    except urllib.error.HTTPError as exc:
        # RFC 9309: a missing robots.txt (4xx) allows everything; a server error disallows.
        return exc.code < 500
    except (urllib.error.URLError, TimeoutError, OSError):
        return True  # unreachable robots.txt: the page fetch itself will report the failure
    rp = urllib.robotparser.RobotFileParser()
    rp.parse(lines)
    return rp.can_fetch(policy.user_agent, url)


def fetch(url: str, policy: FetchPolicy | None = None) -> Fetched:
    """GET one URL under the policy; raises FetchError with a one-line reason."""
    policy = policy or FetchPolicy()
    _check_host(url, policy)
    if policy.respect_robots and not _robots_allow(url, policy):
        raise FetchError("refused by the site's robots.txt")
    req = urllib.request.Request(url, headers={"User-Agent": policy.user_agent,
                                               "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"})
    try:
        with _opener(policy).open(req, timeout=policy.timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > policy.max_bytes:
                raise FetchError(f"too large: {int(length):,} bytes (cap {policy.max_bytes:,})")
            body = resp.read(policy.max_bytes + 1)
            if len(body) > policy.max_bytes:
                raise FetchError(f"too large: over {policy.max_bytes:,} bytes")
            headers: Message = resp.headers
            return Fetched(url=resp.geturl(), body=body, content_type=headers.get_content_type(),
                           charset=headers.get_content_charset())
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"cannot connect: {exc.reason}") from None
    except TimeoutError:
        raise FetchError(f"timed out after {policy.timeout:g} s") from None
