"""The narrative keys and the ids they were given (``narrative_keys``): a narrative keeps its id from run to
run, read a key at a time as an update looks them up (``StoredKeys``).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, MutableMapping


class NarrativeKeyTables:
    """The narrative keys, a part of ``Store``."""

    db: sqlite3.Connection

    def narrative_keys(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.db.execute("SELECT key, id FROM narrative_keys")}

    def narrative_ids(self) -> StoredKeys:
        """The narrative keys and their ids, read as they are looked up (see ``StoredKeys``)."""
        return StoredKeys(self)


class StoredKeys(MutableMapping[str, str]):
    """The narrative keys -> ids a store keeps, read a key at a time: an update looks a few up, and
    reading every key of a large corpus each run grew with it (a full link iterates, reading them
    whole once). Keys set are ``added`` (kept in memory until the link's results are saved)."""

    def __init__(self, store: NarrativeKeyTables) -> None:
        self.store, self.db = store, store.db
        self.looked: dict[str, str | None] = {}
        self.added: dict[str, str] = {}
        self.stored = int(self.db.execute("SELECT count(*) FROM narrative_keys").fetchone()[0])
        self.fresh = 0  # added keys the store does not have

    def _stored(self, k: str) -> str | None:
        if k not in self.looked:
            row = self.db.execute("SELECT id FROM narrative_keys WHERE key = ?", (k,)).fetchone()
            self.looked[k] = None if row is None else str(row[0])
        return self.looked[k]

    def __getitem__(self, k: str) -> str:
        v = self.added.get(k) or self._stored(k)
        if v is None:
            raise KeyError(k)
        return v

    def __contains__(self, k: object) -> bool:
        return isinstance(k, str) and (k in self.added or self._stored(k) is not None)

    def __setitem__(self, k: str, v: str) -> None:
        if k not in self:
            self.fresh += 1
        self.added[k] = v

    def __delitem__(self, k: str) -> None:
        raise TypeError("narrative ids are never removed")

    def __len__(self) -> int:
        return self.stored + self.fresh

    def __iter__(self) -> Iterator[str]:
        whole = self.store.narrative_keys()
        self.looked.update(whole)
        return iter({**whole, **self.added})

    def changes(self, given: Mapping[str, str]) -> dict[str, str]:
        """What to save of ``given`` (these keys as a link left them: themselves, or a dict of all)."""
        if given is self:
            return {k: v for k, v in self.added.items() if self._stored(k) != v}
        return {k: v for k, v in given.items() if self._stored(k) != v}
