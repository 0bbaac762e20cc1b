"""The stored corpus as its analysis document (``headwater.document``, what ``analysis.json`` holds), for
every page: the counts, the map, the provenance graphs and the marked-up article text.

The document is assembled from the database (nothing is linked again here) once, and again only when
the database changes (its file or its write-ahead log is modified)."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from headwater.document import article_slice, narrative_slice
from headwater.model import row_of
from headwater.pipeline import document_of
from headwater.report import render_document
from headwater.store import Store

Row = dict[str, Any]

__all__ = ["AnalysisCache", "article_page", "map_document", "narrative_page", "provenances"]


class AnalysisCache:
    """The analysis document of the database at ``path``, rebuilt when the database changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._stamp: tuple[int, ...] | None = None
        self._doc: dict[str, Any] = {}
        self._generation = 0  # how many times the document was built
        self._page: tuple[int, str] | None = None  # the rendered report, and the generation it was rendered from

    def _current_stamp(self) -> tuple[int, ...]:
        out: list[int] = []
        for p in (self.path, self.path.with_name(self.path.name + "-wal")):
            try:
                st = p.stat()
            except FileNotFoundError:
                out += [0, 0]
                continue
            out += [st.st_mtime_ns, st.st_size]
        return tuple(out)

    def _snapshot(self) -> tuple[int, dict[str, Any]]:
        with self._lock:
            stamp = self._current_stamp()
            if stamp != self._stamp:
                self._doc = document_of(self.path)
                self._generation += 1
                self._stamp = self._current_stamp()  # reading may have checkpointed the log
            return self._generation, self._doc

    def get(self) -> dict[str, Any]:
        return self._snapshot()[1]

    def report(self) -> str:
        """The whole report page of the current document, rendered once per change of the database."""
        generation, doc = self._snapshot()
        page = self._page
        if page is None or page[0] != generation:
            page = self._page = (generation, render_document(doc))
        return page[1]

    def summary(self) -> dict[str, Any]:
        """The counts of the document, as the run that made it stored them (built here when none was)."""
        with Store(self.path, readonly=True) as store:
            stored = store.summary()
        return stored if stored is not None else dict(self.get().get("summary") or {})


def provenances(path: Path, nids: list[str] | None = None) -> dict[str, Row]:
    """The stored provenance of each narrative (of ``nids``, or of all), by narrative id: no document is built for it."""
    with Store(path, readonly=True) as store:
        return {str(p.get("narrative_id")): p for p in store.links("provenance", nids).get("provenance", [])}


def article_page(path: Path, aid: str) -> dict[str, Any] | None:
    """The document slice one article page shows."""
    with Store(path, readonly=True) as store:
        return article_slice(store, row_of(aid))


def narrative_page(path: Path, nid: str) -> dict[str, Any] | None:
    """The document slice one narrative page shows."""
    with Store(path, readonly=True) as store:
        return narrative_slice(store, nid)


def _rows(doc: dict[str, Any], key: str, ids: set[str]) -> list[Row]:
    return [r for r in doc.get(key) or [] if isinstance(r, dict) and str(r.get("article_id")) in ids]


def _summary(a: Row) -> Row:
    """An article without its text (the views that list articles do not need it)."""
    return {k: v for k, v in a.items() if k != "text"}


def map_document(doc: dict[str, Any]) -> dict[str, Any]:
    """What the map draws: places, events with their places, and each article's focus."""
    arts = [{k: a.get(k) for k in ("id", "title", "outlet", "published", "focus")} for a in doc.get("articles") or []]
    events = [e for e in doc.get("events") or [] if isinstance(e, dict)]
    return {"articles": arts, "places": list(doc.get("places") or []), "events": events}
