"""The stored corpus-level results (``links``): each kind of link in the order it was computed, its rows
indexed by the keys and articles they hold (``link_keys``), and the common kinds also in typed tables for
analysts (``narratives``, ``contradictions``, ``provenance_edges``, ``stories``). Saved whole or as the
rows an update added and removed.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from headwater.model import Changed, articles_of, row_key, row_of
from headwater.store.rows import in_parts

# link_keys kinds beside a kind's own ("stories"): the articles a row holds ("stories@") and the ``key``
# a narrative or theme is made from ("narratives#"), so that an update reads only the rows it touches.
ARTICLES, KEYS = "@", "#"


def _index_keys(kind: str, row: dict[str, Any]) -> list[tuple[str, str]]:
    out = [(kind, str(k)) for k in row.get("keys") or []]
    out += [(kind + ARTICLES, a) for a in dict.fromkeys(articles_of(row))]
    if isinstance(row.get("key"), str):
        out.append((kind + KEYS, row["key"]))
    return out


# The typed tables of a kind of link: cleared when the kind is stored whole, and, for a row key removed
# ("remove") or replaced by a new row under the same key ("replace"), the rows that key has there. A
# narrative replaced keeps its row (updated in place), so the contradictions and provenance that refer
# to it are not deleted with it.
TYPED_LINKS: dict[str, dict[str, tuple[str, ...]]] = {
    "narratives": {"clear": ("DELETE FROM narratives",),
                   "remove": ("DELETE FROM narratives WHERE id = ?",),
                   "replace": ("DELETE FROM narrative_articles WHERE narrative_id = ?",
                               "DELETE FROM narrative_known_claims WHERE narrative_id = ?")},
    "contradictions": {"clear": ("DELETE FROM contradictions",),
                       "remove": ("DELETE FROM contradictions WHERE narrative_id = ?",),
                       "replace": ("DELETE FROM contradictions WHERE narrative_id = ?",)},
    "provenance": {"clear": ("DELETE FROM provenance_edges",),
                   "remove": ("DELETE FROM provenance_edges WHERE narrative_id = ?",),
                   "replace": ("DELETE FROM provenance_edges WHERE narrative_id = ?",)},
    "stories": {"clear": ("DELETE FROM story_ids",),
                "remove": ("DELETE FROM story_ids WHERE id = ?",),
                "replace": ("DELETE FROM stories WHERE id = ?",)},
}


class LinkTables:
    """The linkers' results, a part of ``Store``."""

    db: sqlite3.Connection

    def save_links(self, results: Mapping[str, list[dict[str, Any]]], producers: dict[str, str],
                   narrative_ids: dict[str, str] | None = None, changes: Mapping[str, Changed] | None = None) -> None:
        """Store a link's results, in one transaction: each kind in ``links`` (what the document is built
        from; its rows indexed by the keys and articles they list, ``link_keys``) and the common kinds in
        typed tables for analysts. Without ``changes`` the results replace every stored one; with them,
        a kind in ``changes`` has only its removed rows deleted and its added ones inserted (after the
        rest), a kind in ``results`` alone is replaced whole, and the other stored rows stay."""
        changes = dict(changes or {})
        kinds = [*results, *(k for k in changes if k not in results)]
        with self.db:
            self.db.execute("DELETE FROM link_pending")
            self.db.execute("INSERT OR REPLACE INTO meta(name, data) VALUES ('linked_by', ?)",
                            (json.dumps({kind: producers.get(kind, "unknown") for kind in kinds}),))
            self.db.execute("INSERT OR REPLACE INTO meta(name, data) VALUES ('links_indexed', '1')")
            if not changes:
                for table in ("links", "link_keys", "narrative_articles", "contradictions", "provenance_edges",
                              "narrative_known_claims", "narratives", "stories", "story_ids"):
                    self.db.execute(f"DELETE FROM {table}")
            self.db.executemany("INSERT OR IGNORE INTO narrative_keys(key, id) VALUES (?, ?)", (narrative_ids or {}).items())
            # narratives first: contradictions and provenance refer to them
            for kind in sorted(kinds, key=lambda k: k != "narratives"):
                if kind in changes:
                    ch = changes[kind]
                    readded = {k for k in map(row_key, ch.added) if k is not None}
                    start = self._next_position(kind)  # after every row stored, removed ones too: never reused
                    self._remove_rows(kind, ch.removed, readded)
                    self._add_rows(kind, producers.get(kind, "unknown"), ch.added, start)
                else:
                    if changes:
                        self._remove_kind(kind)
                    self._add_rows(kind, producers.get(kind, "unknown"), results[kind])

    def _remove_kind(self, kind: str) -> None:
        for k in (kind, kind + ARTICLES, kind + KEYS):
            self.db.execute("DELETE FROM link_keys WHERE kind = ?", (k,))
        self.db.execute("DELETE FROM links WHERE kind = ?", (kind,))
        for sql in TYPED_LINKS.get(kind, {}).get("clear", ()):
            self.db.execute(sql)

    def _remove_rows(self, kind: str, removed: set[str], readded: set[str]) -> None:
        """Delete the rows of ``kind`` stored under these row keys (``readded``: keys new rows are added under,
        which for a typed table updated in place are replaced rather than removed)."""
        for part, marks in in_parts(sorted(removed)):
            positions = [int(r[0]) for r in self.db.execute(f"SELECT position FROM links WHERE kind = ? AND key IN ({marks})",
                                                            (kind, *part))]
            for at, pm in in_parts(positions):
                self.db.execute(f"DELETE FROM link_keys WHERE kind IN (?, ?, ?) AND position IN ({pm})",
                                (kind, kind + ARTICLES, kind + KEYS, *at))
                self.db.execute(f"DELETE FROM links WHERE kind = ? AND position IN ({pm})", (kind, *at))
            typed = TYPED_LINKS.get(kind, {})
            gone = [k for k in part if k not in readded]
            for sql in typed.get("remove", ()):
                self.db.executemany(sql, [(k,) for k in gone])
            for sql in typed.get("replace", ()):
                self.db.executemany(sql, [(k,) for k in part if k in readded])

    def _next_position(self, kind: str) -> int:
        row = self.db.execute("SELECT max(position) FROM links WHERE kind = ?", (kind,)).fetchone()
        return 0 if row is None or row[0] is None else int(row[0]) + 1

    def _add_rows(self, kind: str, producer: str, items: list[dict[str, Any]], start: int | None = None) -> None:
        start = self._next_position(kind) if start is None else start
        self.db.executemany("INSERT INTO links(kind, linker, position, key, data) VALUES (?, ?, ?, ?, ?)",
                            [(kind, producer, start + i, row_key(x), json.dumps(x)) for i, x in enumerate(items)])
        self.db.executemany("INSERT INTO link_keys(kind, key, position) VALUES (?, ?, ?)",
                            [(k, v, start + i) for i, x in enumerate(items) for k, v in _index_keys(kind, x)])
        if kind == "narratives":
            for n in items:
                self.db.execute("INSERT INTO narratives(id, label, first_seen, last_seen, data) VALUES (?, ?, ?, ?, ?) "
                                "ON CONFLICT(id) DO UPDATE SET label = excluded.label, first_seen = excluded.first_seen, "
                                "last_seen = excluded.last_seen, data = excluded.data",
                                (n["id"], n["label"], n.get("first_seen"), n.get("last_seen"), json.dumps(n)))
                self.db.executemany("INSERT OR IGNORE INTO narrative_articles(narrative_id, article_id) VALUES (?, ?)",
                                    [(n["id"], row_of(k)) for k in n["article_ids"]])
                self.db.executemany("INSERT INTO narrative_known_claims(narrative_id, known_claim_id, score) VALUES (?, ?, ?)",
                                    [(n["id"], k["id"], k["score"]) for k in n.get("known_claims", [])])
        elif kind == "contradictions":
            for c in items:
                ends: list[int | None] = [*(row_of(k) for k in (c.get("article_ids") or [])[:2])]
                ends += [None] * (2 - len(ends))
                self.db.execute("INSERT INTO contradictions(narrative_id, slot, description, article_id, other_article_id, "
                                "data) VALUES (?, ?, ?, ?, ?, ?)",
                                (c["narrative_id"], c.get("slot"), c.get("description"), *ends, json.dumps(c)))
        elif kind == "provenance":
            for p in items:
                self.db.executemany("INSERT INTO provenance_edges(narrative_id, source, cites, article_id) VALUES (?, ?, ?, ?)",
                                    [(p["narrative_id"], e["from"], e["to"], row_of(e["article_id"])) for e in p["edges"]])
        elif kind == "stories":
            for st in items:
                self.db.execute("INSERT OR IGNORE INTO story_ids(id) VALUES (?)", (st["id"],))
                self.db.executemany("INSERT OR IGNORE INTO stories(id, article_id) VALUES (?, ?)",
                                    [(st["id"], row_of(k)) for k in st["article_ids"]])

    def links(self, kind: str | None = None, keys: list[str] | None = None) -> dict[str, list[dict[str, Any]]]:
        """The stored corpus-level results, each kind in the order it was computed; ``kind`` and ``keys``
        (a row's id, its narrative's id, or any key it lists in ``keys``) narrow them down through the index."""
        q, args = "SELECT kind, data FROM links", []
        conds = []
        if kind is not None:
            conds.append("kind = ?")
            args.append(kind)
        if keys is not None:
            marks = ", ".join("?" * len(keys))
            conds.append(f"(key IN ({marks}) OR (kind, position) IN "
                         f"(SELECT kind, position FROM link_keys WHERE key IN ({marks})))")
            args += keys + keys
        if conds:
            q += " WHERE " + " AND ".join(conds)
        out: dict[str, list[dict[str, Any]]] = {}
        for r in self.db.execute(q + " ORDER BY kind, position", args):
            out.setdefault(str(r[0]), []).append(json.loads(r[1]))
        return out

    def links_indexed(self) -> bool:
        """Whether the stored links are indexed by the articles and keys they hold (``link_keys``): a
        database linked by an earlier version is indexed once (``index_links``) before an update reads it."""
        return self.db.execute("SELECT 1 FROM meta WHERE name = 'links_indexed'").fetchone() is not None

    def index_links(self) -> None:
        with self.db:
            self.db.execute("DELETE FROM link_keys")
            for kind, position, data in self.db.execute("SELECT kind, position, data FROM links").fetchall():
                self.db.executemany("INSERT INTO link_keys(kind, key, position) VALUES (?, ?, ?)",
                                    [(k, v, position) for k, v in _index_keys(kind, json.loads(data))])
            self.db.execute("INSERT OR REPLACE INTO meta(name, data) VALUES ('links_indexed', '1')")

    def links_by(self, kind: str, keys: Iterable[str], how: str = "") -> list[dict[str, Any]]:
        """The stored rows of ``kind`` found by ``keys`` through the index: ``how`` "" (a key the row lists,
        or its row key), ARTICLES (an article it holds) or KEYS (its ``key``); in stored order."""
        positions: set[int] = set()
        for part, marks in in_parts(sorted(set(keys))):
            positions.update(int(r[0]) for r in self.db.execute(
                f"SELECT position FROM link_keys WHERE kind = ? AND key IN ({marks})", (kind + how, *part)))
            if not how:
                positions.update(int(r[0]) for r in self.db.execute(
                    f"SELECT position FROM links WHERE kind = ? AND key IN ({marks})", (kind, *part)))
        out: list[tuple[int, dict[str, Any]]] = []
        for at, marks in in_parts(sorted(positions)):
            out += [(int(r[0]), json.loads(r[1])) for r in self.db.execute(
                f"SELECT position, data FROM links WHERE kind = ? AND position IN ({marks})", (kind, *at))]
        return [row for _, row in sorted(out, key=lambda x: x[0])]
