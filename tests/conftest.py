"""Shared fixtures: the shipped example articles, a small outlet registry, a loopback web server."""
from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from headwater.extract.outlets import OutletRegistry
from headwater.resources import Resources

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def registry() -> OutletRegistry:
    return OutletRegistry.load()


@pytest.fixture(scope="session")
def resources(registry: OutletRegistry) -> Resources:
    return Resources(outlets=registry)


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory, resources: Resources) -> Path:
    """The shipped examples analyzed once per test run (read it; copy it before writing to it)."""
    import headwater

    out = tmp_path_factory.mktemp("examples")
    headwater.analyze([str(EXAMPLES)], out, resources=resources)
    return out / "headwater.db"


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A web server on 127.0.0.1 serving tmp_path/www; yields (base URL, folder)."""
    root = tmp_path / "www"
    root.mkdir()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a: object, **kw: object) -> None:
            super().__init__(*a, directory=str(root), **kw)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()
        server.server_close()
