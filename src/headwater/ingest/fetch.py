"""Fetch article URLs politely: a user agent naming the tool, robots.txt, a time limit, a size cap,
and no requests to private or loopback addresses unless the caller allows them.

The address check sits in the connection itself: each host is resolved once per fetch, every
address it resolves to is checked (``addresses.refusal``, embedded IPv4 forms included), and the
connection is made to a checked address, never to a second resolution's answer, so a DNS server
that answers "public" to the check and "loopback" to the connect (DNS rebinding) gains nothing.
Redirects, and robots.txt, go through the same connections, so every hop is checked, with
``allow_private`` or without. Proxies from the environment are not used: a proxy would resolve the
host itself, out of the check's sight. The time limit bounds the whole request (connecting, the
headers and the body, redirects included), not each read.
"""
from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from email.message import Message
from typing import Any

from headwater import __version__
from headwater.ingest.addresses import parse, refusal

USER_AGENT = f"headwater/{__version__} (+https://github.com/headwater-osint/headwater; news provenance analysis)"


class FetchError(Exception):
    """A URL could not be fetched; the message says why in words a person can act on."""


@dataclass(frozen=True)
class FetchPolicy:
    timeout: float = 20.0  # seconds for a whole request: connecting, redirects, headers and body
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


# Indirections the tests replace: a resolver (to play a rebinding DNS server) and the connect call.
resolve = socket.getaddrinfo
connect = socket.create_connection


class _Refused(OSError):
    """Raised inside a connection: the host's address is not one headwater may connect to."""


@dataclass
class _Session:
    """One fetch: its policy, its deadline, the hosts it resolved and the sockets it opened."""

    policy: FetchPolicy
    deadline: float
    resolved: dict[str, list[str]] = field(default_factory=dict)
    sockets: list[socket.socket] = field(default_factory=list)
    expired: bool = False

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            self.expired = True
            raise TimeoutError("time limit reached")
        return left

    def addresses(self, host: str, port: int) -> list[str]:
        """The host's addresses, resolved once for the whole fetch; all checked, or _Refused."""
        if host not in self.resolved:
            try:
                infos = resolve(host, port, type=socket.SOCK_STREAM)
            except (socket.gaierror, UnicodeError) as exc:
                raise FetchError(f"host {host!r} does not resolve ({getattr(exc, 'strerror', None) or exc})") from None
            addrs = list(dict.fromkeys(str(info[4][0]) for info in infos))
            for a in addrs:
                why = refusal(parse(a), self.policy.allow_private)
                if why:
                    hint = "" if self.policy.allow_private else "; pass --allow-private to fetch it"
                    raise _Refused(f"refused: {host} resolves to {why}{hint}")
            if not addrs:
                raise FetchError(f"host {host!r} does not resolve")
            self.resolved[host] = addrs
        return self.resolved[host]

    def open_socket(self, host: str, port: int, source: tuple[str, int] | None) -> socket.socket:
        last: OSError | None = None
        for addr in self.addresses(host, port):
            try:
                sock = connect((addr, port), self.remaining(), source)
            except OSError as exc:
                last = exc
                continue
            self.sockets.append(sock)
            return sock
        raise last or OSError(f"cannot connect to {host}")

    def expire(self) -> None:
        """The deadline passed: end every connection of this fetch (a trickling server included)."""
        self.expired = True
        for s in self.sockets:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)


def _connection_classes(session: _Session) -> tuple[type[http.client.HTTPConnection], type[http.client.HTTPSConnection]]:
    class Pinned(http.client.HTTPConnection):
        def connect(self) -> None:
            self.sock = session.open_socket(self.host, self.port, getattr(self, "source_address", None))
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    class PinnedTLS(http.client.HTTPSConnection):
        def connect(self) -> None:
            sock = session.open_socket(self.host, self.port, getattr(self, "source_address", None))
            ctx: ssl.SSLContext = self._context  # type: ignore[attr-defined]
            self.sock = ctx.wrap_socket(sock, server_hostname=self.host)  # the certificate names the host

    return Pinned, PinnedTLS


def _opener(session: _Session) -> urllib.request.OpenerDirector:
    plain, tls = _connection_classes(session)

    class HTTP(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> Any:
            return self.do_open(plain, req)

    class HTTPS(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> Any:
            return self.do_open(tls, req, context=ssl.create_default_context())

    class Redirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            scheme = urllib.parse.urlsplit(newurl).scheme
            if scheme not in ("http", "https"):
                raise FetchError(f"refused: redirect to scheme {scheme!r}")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(urllib.request.ProxyHandler({}), HTTP, HTTPS, Redirects)


def _get(url: str, session: _Session, headers: dict[str, str], max_bytes: int) -> tuple[str, Message, bytes]:
    """GET url within the session's deadline: (final URL, headers, body of at most max_bytes + 1)."""
    req = urllib.request.Request(url, headers=headers)
    with _opener(session).open(req, timeout=session.remaining()) as resp:
        length = resp.headers.get("Content-Length")
        if length and length.isascii() and length.isdigit() and int(length) > max_bytes:
            raise FetchError(f"too large: {int(length):,} bytes (cap {max_bytes:,})")
        chunks: list[bytes] = []
        got = 0
        while got <= max_bytes:
            session.remaining()
            chunk = resp.read1(min(64 * 1024, max_bytes + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return resp.geturl(), resp.headers, b"".join(chunks)


def _check_url(url: str) -> None:
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError as exc:
        raise FetchError(f"refused: not a URL ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refused: scheme {parts.scheme!r} is not http(s)")
    if not parts.hostname:
        raise FetchError("refused: no host in the URL")


def _request(url: str, policy: FetchPolicy, session: _Session | None, headers: dict[str, str],
             max_bytes: int) -> tuple[str, Message, bytes]:
    """One request under a total time limit; errors as FetchError."""
    session = session or _Session(policy, time.monotonic() + policy.timeout)
    timer = threading.Timer(max(0.0, session.deadline - time.monotonic()), session.expire)
    timer.daemon = True
    timer.start()
    try:
        got = _get(url, session, headers, max_bytes)
        if session.expired:  # the deadline cut the body short
            raise TimeoutError("time limit reached")
        return got
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (FetchError, _Refused)):
            raise FetchError(str(reason)) from None
        if session.expired or isinstance(reason, TimeoutError):
            raise FetchError(f"timed out after {policy.timeout:g} s (the limit for the whole request)") from None
        raise FetchError(f"cannot connect: {reason}") from None
    except _Refused as exc:
        raise FetchError(str(exc)) from None
    except (TimeoutError, OSError, http.client.HTTPException) as exc:
        if session.expired or isinstance(exc, TimeoutError):
            raise FetchError(f"timed out after {policy.timeout:g} s (the limit for the whole request)") from None
        raise FetchError(f"connection failed: {type(exc).__name__}: {exc}") from None
    finally:
        timer.cancel()


def _robots_allow(url: str, policy: FetchPolicy, resolved: dict[str, list[str]]) -> bool:
    parts = urllib.parse.urlsplit(url)
    robots_url = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
    session = _Session(policy, time.monotonic() + policy.timeout, resolved)
    try:
        _, _, body = _request(robots_url, policy, session, {"User-Agent": policy.user_agent}, 512 * 1024)
    except FetchError as exc:
        text = str(exc)
        if text.startswith("refused:"):
            raise
        if text.startswith("HTTP "):
            # RFC 9309: a missing robots.txt (4xx) allows everything; a server error disallows.
            return int(text.split()[1]) < 500
        return True  # unreachable robots.txt: the page fetch itself will report the failure
    rp = urllib.robotparser.RobotFileParser()
    rp.parse(body.decode("utf-8", "replace").splitlines())
    return rp.can_fetch(policy.user_agent, url)


def fetch(url: str, policy: FetchPolicy | None = None) -> Fetched:
    """GET one URL under the policy; raises FetchError with a one-line reason."""
    policy = policy or FetchPolicy()
    _check_url(url)
    session = _Session(policy, time.monotonic() + policy.timeout)
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        session.addresses(parts.hostname or "", port)  # refuse before asking robots.txt; the answer is kept for both requests
    except _Refused as exc:
        raise FetchError(str(exc)) from None
    except ValueError as exc:
        raise FetchError(f"refused: {exc}") from None
    if policy.respect_robots and not _robots_allow(url, policy, session.resolved):
        raise FetchError("refused by the site's robots.txt")
    final, headers, body = _request(url, policy, session, {
        "User-Agent": policy.user_agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"}, policy.max_bytes)
    if len(body) > policy.max_bytes:
        raise FetchError(f"too large: over {policy.max_bytes:,} bytes")
    return Fetched(url=final, body=body, content_type=headers.get_content_type(), charset=headers.get_content_charset())
