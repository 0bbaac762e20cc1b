"""What linkers keep between runs so that linking new articles costs what is new, not the whole corpus.

A linker that can update its results (``Linker.update``) keeps, per article, what it needs to compare
a new article with the old ones: a compact profile (``put``/``get``), the keys it looks candidates up
by (``post``/``postings``: an inverted index) and corpus-wide counts (``count``/``counts``: document
frequencies), what it learnt of the corpus as a whole (``keep``/``kept``: a clustering's centres), and
values under keys of its own that are not articles (``put_keyed``/``get_keyed``: the blocks of a nearest
neighbour index, read a few at a time), and bytes under such keys (``put_blobs``/``get_blobs``: the
blocks' vectors, read with nothing to decode).
Every name is the linker's own ("stories.profile"). The store keeps these in indexed
tables (``Store`` implements this protocol); ``MemoryIndex`` keeps them in memory, for a corpus linked
without a database (``link_corpus``) and for tests.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol


class LinkIndex(Protocol):
    def clear(self, name: str) -> None:
        """Forget everything kept under ``name`` (before a full relink rebuilds it)."""

    def put(self, name: str, items: Mapping[int, Any]) -> None:
        """Keep a JSON-able value per article row."""

    def keep(self, name: str, value: Any) -> None:
        """Keep one JSON-able value for the corpus as a whole."""

    def kept(self, name: str) -> Any:
        """The value kept for the corpus (None when there is none)."""

    def get(self, name: str, rows: Iterable[int]) -> dict[int, Any]:
        """The values kept for these rows (rows without one are left out)."""

    def put_keyed(self, name: str, items: Mapping[int, Any]) -> None:
        """Keep a JSON-able value per integer key of the linker's own (not an article row)."""

    def get_keyed(self, name: str, keys: Iterable[int]) -> dict[int, Any]:
        """The values kept under these keys (keys without one are left out)."""

    def put_blobs(self, name: str, items: Mapping[int, bytes]) -> None:
        """Keep bytes per integer key of the linker's own (an array's buffer)."""

    def get_blobs(self, name: str, keys: Iterable[int]) -> dict[int, bytes]:
        """The bytes kept under these keys (keys without any are left out)."""

    def move_to_blobs(self, name: str, encode: Callable[[Any], bytes]) -> None:
        """Move the JSON values kept per row under ``name`` to bytes (``encode``d), kept under the row
        (what a kept format moved from JSON to bytes does once; nothing when none is left)."""

    def size(self, name: str) -> int:
        """How many rows have a value under ``name`` (JSON or bytes)."""

    def post(self, name: str, pairs: Iterable[tuple[int, int]]) -> None:
        """Add (key, row) postings: ``row`` is found by the integer ``key``."""

    def postings(self, name: str, keys: Iterable[int], cap: int) -> dict[int, list[int]]:
        """The rows posted under each key, for keys posted at most ``cap`` times (a key more common than
        that tells nothing apart and is not followed)."""

    def count(self, name: str, counts: Mapping[str, int]) -> None:
        """Add to corpus-wide counts (a term's document frequency)."""

    def counts(self, name: str, terms: Iterable[str]) -> dict[str, int]:
        """The counts of these terms (0 for a term never counted)."""


class MemoryIndex:
    """A ``LinkIndex`` in memory."""

    def __init__(self) -> None:
        self.values: dict[str, dict[int, Any]] = defaultdict(dict)
        self.keyed: dict[str, dict[int, Any]] = defaultdict(dict)
        self.blobs: dict[str, dict[int, bytes]] = defaultdict(dict)
        self.posted: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.tallies: dict[str, Counter[str]] = defaultdict(Counter)
        self.whole: dict[str, Any] = {}

    def clear(self, name: str) -> None:
        for kept in (self.values, self.keyed, self.blobs, self.posted, self.tallies, self.whole):
            kept.pop(name, None)

    def keep(self, name: str, value: Any) -> None:
        self.whole[name] = value

    def kept(self, name: str) -> Any:
        return self.whole.get(name)

    def put(self, name: str, items: Mapping[int, Any]) -> None:
        self.values[name].update(items)

    def get(self, name: str, rows: Iterable[int]) -> dict[int, Any]:
        kept = self.values[name]
        return {r: kept[r] for r in rows if r in kept}

    def put_keyed(self, name: str, items: Mapping[int, Any]) -> None:
        self.keyed[name].update(items)

    def get_keyed(self, name: str, keys: Iterable[int]) -> dict[int, Any]:
        kept = self.keyed[name]
        return {k: kept[k] for k in keys if k in kept}

    def put_blobs(self, name: str, items: Mapping[int, bytes]) -> None:
        self.blobs[name].update(items)

    def get_blobs(self, name: str, keys: Iterable[int]) -> dict[int, bytes]:
        kept = self.blobs[name]
        return {k: kept[k] for k in keys if k in kept}

    def move_to_blobs(self, name: str, encode: Callable[[Any], bytes]) -> None:
        moved = self.values.pop(name, {})
        self.blobs[name].update((row, encode(v)) for row, v in moved.items())

    def size(self, name: str) -> int:
        return len(self.values[name]) + len(self.blobs[name])

    def post(self, name: str, pairs: Iterable[tuple[int, int]]) -> None:
        posted = self.posted[name]
        for k, row in pairs:
            posted[k].append(row)

    def postings(self, name: str, keys: Iterable[int], cap: int) -> dict[int, list[int]]:
        posted = self.posted[name]
        return {k: list(posted[k]) for k in set(keys) if k in posted and len(posted[k]) <= cap}

    def count(self, name: str, counts: Mapping[str, int]) -> None:
        self.tallies[name].update(counts)

    def counts(self, name: str, terms: Iterable[str]) -> dict[str, int]:
        tally = self.tallies[name]
        return {t: tally[t] for t in terms}
