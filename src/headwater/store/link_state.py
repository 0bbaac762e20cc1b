"""What the linkers keep between runs to link only what is new (``headwater.link.index.LinkIndex``):
the articles stored since the last link, values and blobs by article or key, postings, term counts and
small kept values by name.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from headwater.store.rows import decoded, in_parts

# Values moved from JSON to bytes in one transaction (``move_to_blobs``).
MOVE_PART = 5000


class LinkState:
    """The linkers' own state, a part of ``Store``."""

    db: sqlite3.Connection

    def pending(self) -> dict[int, str]:
        """The articles stored since the last link: row -> "new" | "updated"."""
        return {int(r[0]): str(r[1]) for r in self.db.execute("SELECT article_id, status FROM link_pending")}

    def link_producers(self) -> dict[str, str]:
        """Which linker (name/version) made each stored kind of link."""
        row = self.db.execute("SELECT data FROM meta WHERE name = 'linked_by'").fetchone()
        if row is not None:  # every kind, those with no rows too
            return {str(k): str(v) for k, v in json.loads(row[0]).items()}
        return {str(r[0]): str(r[1]) for r in self.db.execute("SELECT DISTINCT kind, linker FROM links")}

    def clear(self, name: str) -> None:
        with self.db:
            for table in ("link_values", "link_keyed", "link_blobs", "link_postings", "link_counts"):
                self.db.execute(f"DELETE FROM {table} WHERE name = ?", (name,))
            self.db.execute("DELETE FROM meta WHERE name = ?", ("link:" + name,))

    def keep(self, name: str, value: Any) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta(name, data) VALUES (?, ?)", ("link:" + name, json.dumps(value)))

    def kept(self, name: str) -> Any:
        row = self.db.execute("SELECT data FROM meta WHERE name = ?", ("link:" + name,)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, name: str, items: Mapping[int, Any]) -> None:
        self._put("link_values", "article_id", name, items)

    def get(self, name: str, rows: Iterable[int]) -> dict[int, Any]:
        return self._get("link_values", "article_id", name, rows)

    def put_keyed(self, name: str, items: Mapping[int, Any]) -> None:
        self._put("link_keyed", "key", name, items)

    def get_keyed(self, name: str, keys: Iterable[int]) -> dict[int, Any]:
        return self._get("link_keyed", "key", name, keys)

    def put_blobs(self, name: str, items: Mapping[int, bytes]) -> None:
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO link_blobs(name, key, data) VALUES (?, ?, ?)",
                                ((name, k, v) for k, v in items.items()))

    def get_blobs(self, name: str, keys: Iterable[int]) -> dict[int, bytes]:
        out: dict[int, bytes] = {}
        for part, marks in in_parts(list(keys)):
            for r in self.db.execute(f"SELECT key, data FROM link_blobs WHERE name = ? AND key IN ({marks})", (name, *part)):
                out[int(r[0])] = bytes(r[1])
        return out

    def _put(self, table: str, column: str, name: str, items: Mapping[int, Any]) -> None:
        """JSON values by integer under ``name`` (``table``, ``column``: the code's own constants)."""
        with self.db:
            self.db.executemany(f"INSERT OR REPLACE INTO {table}(name, {column}, data) VALUES (?, ?, ?)",
                                ((name, k, json.dumps(v)) for k, v in items.items()))

    def _get(self, table: str, column: str, name: str, keys: Iterable[int]) -> dict[int, Any]:
        out: dict[int, Any] = {}
        for part, marks in in_parts(list(keys)):
            got = self.db.execute(f"SELECT {column}, data FROM {table} WHERE name = ? AND {column} IN ({marks})",
                                  (name, *part)).fetchall()
            out.update(zip((int(r[0]) for r in got), decoded(r[1] for r in got), strict=True))
        return out

    def move_to_blobs(self, name: str, encode: Callable[[Any], bytes]) -> None:
        # a part at a time, each in its own transaction: a move cut short is taken up again
        while got := self.db.execute("SELECT article_id, data FROM link_values WHERE name = ? LIMIT ?",
                                     (name, MOVE_PART)).fetchall():
            rows = [int(r[0]) for r in got]
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO link_blobs(name, key, data) VALUES (?, ?, ?)",
                                    ((name, row, encode(v)) for row, v in zip(rows, decoded(r[1] for r in got), strict=True)))
                for part, marks in in_parts(rows):
                    self.db.execute(f"DELETE FROM link_values WHERE name = ? AND article_id IN ({marks})", (name, *part))

    def size(self, name: str) -> int:
        return sum(int(self.db.execute(f"SELECT count(*) FROM {table} WHERE name = ?", (name,)).fetchone()[0])
                   for table in ("link_values", "link_blobs"))

    def post(self, name: str, pairs: Iterable[tuple[int, int]]) -> None:
        with self.db:
            self.db.executemany("INSERT OR IGNORE INTO link_postings(name, key, article_id) VALUES (?, ?, ?)",
                                ((name, k, row) for k, row in pairs))

    def postings(self, name: str, keys: Iterable[int], cap: int) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        q = "SELECT article_id FROM link_postings WHERE name = ? AND key = ? LIMIT ?"
        for k in set(keys):
            rows = [int(r[0]) for r in self.db.execute(q, (name, k, cap + 1))]  # never reads a common key whole
            if rows and len(rows) <= cap:
                out[k] = rows
        return out

    def count(self, name: str, counts: Mapping[str, int]) -> None:
        with self.db:
            self.db.executemany("INSERT INTO link_counts(name, term, n) VALUES (?, ?, ?) "
                                "ON CONFLICT(name, term) DO UPDATE SET n = n + excluded.n",
                                ((name, t, n) for t, n in counts.items()))

    def counts(self, name: str, terms: Iterable[str]) -> dict[str, int]:
        wanted = list(terms)
        out = dict.fromkeys(wanted, 0)
        for part, marks in in_parts(wanted):
            for r in self.db.execute(f"SELECT term, n FROM link_counts WHERE name = ? AND term IN ({marks})", (name, *part)):
                out[str(r[0])] = int(r[1])
        return out

    def narratives_of(self, row: int) -> list[str]:
        return [str(r[0]) for r in self.db.execute("SELECT narrative_id FROM narrative_articles WHERE article_id = ? "
                                                   "ORDER BY narrative_id", (row,))]

    def story_of(self, row: int) -> list[str]:
        return [str(r[0]) for r in self.db.execute("SELECT id FROM stories WHERE article_id = ?", (row,))]
