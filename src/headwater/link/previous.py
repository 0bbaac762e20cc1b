"""The previous link results as an update reads them (a few rows by key), and what it changes.

An update that read every previous row and returned every row again costs what the corpus costs,
however few the new articles. So a linker's ``update`` reads the rows it needs through ``Previous``:
``holding`` (the rows listing any of these articles), ``keyed`` (rows by their own id, their narrative's
id or a key they list in ``keys``) and ``by_key`` (narratives and themes by their ``key``). For each
part it returns either the whole list (as a full link does) or a ``Changed``: the rows it adds and the
row keys it removes; a changed row is removed and added. The store applies a ``Changed`` by key,
leaving every other stored row as it was (``Store.save_links``).

``Previous`` is a Mapping too: ``previous[part]`` reads a part whole (what a linker that cannot update
does; the store then reads it once). ``MemoryPrevious`` keeps parts in memory (tests, ``link_corpus``);
the store's view (``StoredPrevious``) reads through its ``link_keys`` index.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

# a link row's key, the articles it holds and a part's change are the store's vocabulary too (it
# applies changes row by row): they live in the data model, below both
from headwater.model import Changed, articles_of, row_key
from headwater.store import ARTICLES, KEYS, Store

Rows = list[dict[str, Any]]

__all__ = ["Changed", "MemoryPrevious", "Previous", "Results", "Rows", "StoredPrevious", "articles_of", "row_key"]


class Previous(Mapping[str, Rows]):
    """The parts as the previous link left them (see the module's doc)."""

    def any(self, part: str) -> bool:
        """Whether the previous link left rows of ``part``."""
        raise NotImplementedError

    def holding(self, part: str, articles: Iterable[str]) -> Rows:
        raise NotImplementedError

    def keyed(self, part: str, keys: Iterable[str]) -> Rows:
        raise NotImplementedError

    def by_key(self, part: str, keys: Iterable[str]) -> Rows:
        raise NotImplementedError


class MemoryPrevious(Previous):
    """Previous parts held in memory, looked up by scanning them."""

    def __init__(self, parts: Mapping[str, Rows]) -> None:
        self.parts = dict(parts)

    def __getitem__(self, part: str) -> Rows:
        return self.parts[part]

    def __iter__(self) -> Iterator[str]:
        return iter(self.parts)

    def __len__(self) -> int:
        return len(self.parts)

    def any(self, part: str) -> bool:
        return bool(self.parts.get(part))

    def holding(self, part: str, articles: Iterable[str]) -> Rows:
        wanted = set(articles)
        return [r for r in self.parts.get(part, []) if wanted.intersection(articles_of(r))]

    def keyed(self, part: str, keys: Iterable[str]) -> Rows:
        wanted = set(keys)
        return [r for r in self.parts.get(part, [])
                if row_key(r) in wanted or wanted.intersection(str(k) for k in r.get("keys") or [])]

    def by_key(self, part: str, keys: Iterable[str]) -> Rows:
        wanted = set(keys)
        return [r for r in self.parts.get(part, []) if r.get("key") in wanted]


class Results(dict[str, Rows]):
    """The parts a link run made, by name. A part an update changed (``changes``) is made whole from the
    previous rows only when something asks for it whole (a later linker that runs whole, a test)."""

    def __init__(self, previous: Callable[[], Mapping[str, Rows]]) -> None:
        super().__init__()
        self.previous = previous
        self.changes: dict[str, Changed] = {}

    def changed(self, part: str, change: Changed) -> None:
        self.changes[part] = change
        self.pop(part, None)

    def whole(self, part: str, rows: Rows) -> None:
        self.changes.pop(part, None)
        self[part] = rows

    def __missing__(self, part: str) -> Rows:
        if part not in self.changes:
            raise KeyError(part)
        rows = self.changes[part].apply(self.previous().get(part, []))
        self[part] = rows
        return rows

    def get(self, part: str, default: Any = None) -> Any:  # type: ignore[override]
        return self[part] if part in self or part in self.changes else default

    def __contains__(self, part: object) -> bool:
        return dict.__contains__(self, part) or part in self.changes

    def made(self) -> list[str]:
        """Every part made, whole or changed (without reading a changed one whole)."""
        return [*dict.keys(self), *(p for p in self.changes if not dict.__contains__(self, p))]

    def __iter__(self) -> Iterator[str]:
        return iter(self.made())

    def __len__(self) -> int:
        return len(self.made())

    def keys(self) -> list[str]:  # type: ignore[override]
        return self.made()

    def items(self) -> list[tuple[str, Rows]]:  # type: ignore[override]
        return [(p, self[p]) for p in self.made()]

    def values(self) -> list[Rows]:  # type: ignore[override]
        return [self[p] for p in self.made()]


class StoredPrevious(Previous):
    """The parts the previous link stored (``parts``: those an update may read), read by key through the
    index; a part read whole is read once."""

    def __init__(self, store: Store, parts: Iterable[str]) -> None:
        self.store = store
        self.parts = list(parts)
        self.read: dict[str, list[dict[str, Any]]] = {}

    def __getitem__(self, part: str) -> list[dict[str, Any]]:
        if part not in self.parts:
            raise KeyError(part)
        if part not in self.read:
            self.read[part] = self.store.links(part).get(part, [])
        return self.read[part]

    def __iter__(self) -> Iterator[str]:
        return iter(self.parts)

    def __len__(self) -> int:
        return len(self.parts)

    def __contains__(self, part: object) -> bool:  # without reading the part (Mapping's would)
        return part in self.parts

    def any(self, part: str) -> bool:
        return part in self.parts and self.store.db.execute("SELECT 1 FROM links WHERE kind = ? LIMIT 1",
                                                            (part,)).fetchone() is not None

    def holding(self, part: str, articles: Iterable[str]) -> list[dict[str, Any]]:
        return self.store.links_by(part, articles, ARTICLES) if part in self.parts else []

    def keyed(self, part: str, keys: Iterable[str]) -> list[dict[str, Any]]:
        return self.store.links_by(part, keys) if part in self.parts else []

    def by_key(self, part: str, keys: Iterable[str]) -> list[dict[str, Any]]:
        return self.store.links_by(part, keys, KEYS) if part in self.parts else []
