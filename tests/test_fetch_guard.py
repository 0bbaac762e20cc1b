"""Fetching: embedded IPv4 forms are checked, each host is resolved once and connected to at the checked
address (a rebinding resolver gains nothing), redirects are re-checked with --allow-private too, and the
time limit bounds the whole request. No test connects anywhere but 127.0.0.1."""
from __future__ import annotations

import http.server
import importlib
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from headwater.ingest.addresses import refusal
from headwater.ingest.fetch import FetchError, FetchPolicy, fetch

fetch_module = importlib.import_module("headwater.ingest.fetch")  # the package's name `fetch` is the function


@pytest.mark.parametrize("addr", ["127.0.0.1", "10.0.0.1", "::1", "::ffff:127.0.0.1", "64:ff9b::7f00:1",
                                  "64:ff9b::a00:1", "2002:7f00:1::", "2002:c0a8:101::1", "::127.0.0.1",
                                  "2001:0:4136:e378:8000:63bf:80ff:fffe", "64:ff9b:1::7f00:1",
                                  "2606:4700::5efe:7f00:1", "fe80::1", "0.0.0.0", "::"])
def test_private_and_embedded_private_addresses_are_refused(addr: str) -> None:
    assert refusal(ipaddress.ip_address(addr), allow_private=False)


@pytest.mark.parametrize("addr", ["93.184.216.34", "2606:4700::1111", "64:ff9b::5db8:d822", "2002:5db8:d822::1"])
def test_public_addresses_pass(addr: str) -> None:
    assert refusal(ipaddress.ip_address(addr), allow_private=False) is None


def _fake_dns(monkeypatch: pytest.MonkeyPatch, answers: list[list[str]]) -> list[str]:
    """A resolver answering each call with the next list of addresses; returns the hosts asked."""
    asked: list[str] = []

    def resolve(host: str, port: int, *a: Any, **kw: Any) -> list[Any]:
        asked.append(host)
        addrs = answers[min(len(asked), len(answers)) - 1]
        return [(socket.AF_INET6 if ":" in x else socket.AF_INET, socket.SOCK_STREAM, 6, "", (x, port)) for x in addrs]

    monkeypatch.setattr(fetch_module, "resolve", resolve)
    return asked


def test_a_rebinding_resolver_is_asked_once_and_its_second_answer_never_used(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _fake_dns(monkeypatch, [["93.184.216.34"], ["127.0.0.1"]])  # public for the check, loopback after
    connected: list[tuple[str, int]] = []

    def connect(address: tuple[str, int], *a: Any, **kw: Any) -> socket.socket:
        connected.append(address)
        raise ConnectionRefusedError("no network in tests")

    monkeypatch.setattr(fetch_module, "connect", connect)
    with pytest.raises(FetchError):
        fetch("http://rebind.example/story", FetchPolicy(timeout=2))
    assert asked == ["rebind.example"]
    assert connected and {a for a, _ in connected} == {"93.184.216.34"}


@pytest.mark.parametrize("answer", [["93.184.216.34", "127.0.0.1"], ["64:ff9b::7f00:1"], ["2002:7f00:1::"]])
def test_a_host_with_any_private_address_is_refused_before_connecting(monkeypatch: pytest.MonkeyPatch,
                                                                       answer: list[str]) -> None:
    _fake_dns(monkeypatch, [answer])
    monkeypatch.setattr(fetch_module, "connect", lambda *a, **kw: pytest.fail("connected"))
    with pytest.raises(FetchError, match="private or loopback"):
        fetch("http://mixed.example/", FetchPolicy(timeout=2))


@pytest.fixture()
def server() -> Iterator[tuple[str, dict[str, Any]]]:
    """A loopback server: /redirect sends to state['location']; /slow trickles a byte every 0.2 s."""
    state: dict[str, Any] = {"location": "/"}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                self.send_error(404)
            elif self.path == "/redirect":
                self.send_response(302)
                self.send_header("Location", state["location"])
                self.end_headers()
            elif self.path == "/slow":
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                for _ in range(50):
                    try:
                        self.wfile.write(b"x")
                        self.wfile.flush()
                    except OSError:
                        return
                    time.sleep(0.2)
            else:
                body = b"<html><body><p>Hello.</p></body></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", state
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_redirects_are_checked_with_allow_private_too(server: tuple[str, dict[str, Any]]) -> None:
    base, state = server
    allowed = FetchPolicy(allow_private=True, timeout=5)
    state["location"] = f"{base}/page"
    assert fetch(f"{base}/redirect", allowed).url == f"{base}/page"
    state["location"] = "http://0.0.0.0:9/x"  # no host address: refused whatever the policy
    with pytest.raises(FetchError, match="no host address"):
        fetch(f"{base}/redirect", allowed)
    state["location"] = "file:///etc/passwd"
    with pytest.raises(FetchError):
        fetch(f"{base}/redirect", allowed)


def test_the_time_limit_bounds_the_whole_request(server: tuple[str, dict[str, Any]]) -> None:
    base, _ = server
    with pytest.raises(FetchError, match="timed out"):  # each byte comes well within a per-read timeout of 1 s
        fetch(f"{base}/slow", FetchPolicy(allow_private=True, timeout=1))
