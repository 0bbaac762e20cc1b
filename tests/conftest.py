"""Shared fixtures: the shipped example articles, a small outlet registry, a loopback web server."""
from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from headwater.extract.outlets import OutletRegistry
from headwater.resources import Resources

if TYPE_CHECKING:
    from typing import Any

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


def attributions_in(resources: Resources, lang: str, text: str) -> list[dict[str, Any]]:
    """The attributions of a text in a language with a pack (its parser, its cue words)."""
    from headwater.enrich.attributions.multilingual import find_attributions_multilingual
    from headwater.lang import ensure_languages, pack_for
    from headwater.model import Article

    ensure_languages()
    pack = pack_for(lang)
    assert pack is not None
    return find_attributions_multilingual(resources.parser(lang)(text), Article(source="t", text=text, language=lang),
                                          pack, resources.sources)
