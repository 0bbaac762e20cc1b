"""Store: the SQLite database a corpus grows in, run after run.

Tables are meant to be read by people too (sqlite3, Datasette): ``articles`` (one row per distinct
article, full-text indexed in ``articles_fts``), ``inputs`` (every input read and the article it
gave), ``errors`` (inputs that could not be analyzed, and why), ``runs``, and one table per kind of
finding (``places``, ``attributions``, ``events``). Each article is committed as soon as it is
analyzed, so an interrupted run loses nothing and a re-run skips what is stored.

``Store`` is one object over the database; its parts are in modules of their own: the articles and their
findings (``articles``), the linkers' results (``links``) and the state they keep between runs
(``link_state``), the narrative keys (``narrative_keys``); the tables themselves in ``schema``.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from headwater.store.articles import TYPED_FINDINGS, ArticleTables, content_hash
from headwater.store.link_state import LinkState
from headwater.store.links import ARTICLES, KEYS, LinkTables
from headwater.store.narrative_keys import NarrativeKeyTables, StoredKeys
from headwater.store.rows import now
from headwater.store.schema import ADDED_COLUMNS, MIGRATIONS

__all__ = ["ADDED_COLUMNS", "ARTICLES", "KEYS", "MIGRATIONS", "TYPED_FINDINGS", "Store", "StoredKeys", "content_hash",
           "now"]


class Store(ArticleTables, LinkTables, LinkState, NarrativeKeyTables):
    """A headwater database. Opening it applies any migration it lacks."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        """Open (and migrate) the database; ``readonly`` opens an existing one for reading only."""
        self.path = Path(path)
        if readonly:
            self.db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path))
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.migrate()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        for n, script in enumerate(MIGRATIONS, 1):
            if self.version < n:
                adds = ""
                for table, column, typ in ADDED_COLUMNS.get(n, []):
                    if column not in {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}:
                        adds += f"ALTER TABLE {table} ADD COLUMN {column} {typ};\n"
                with self.db:
                    self.db.executescript(f"BEGIN; {adds}{script}; PRAGMA user_version = {n}; COMMIT;")

    # runs ------------------------------------------------------------------------------------
    def begin_run(self, inputs: list[str], version: str) -> int:
        with self.db:
            cur = self.db.execute("INSERT INTO runs(started_at, headwater_version, inputs) VALUES (?, ?, ?)",
                                  (now(), version, json.dumps(inputs)))
        return int(cur.lastrowid or 0)

    def end_run(self, run_id: int, **counts: int) -> None:
        sets = ", ".join(f"{k} = ?" for k in counts)
        with self.db:
            self.db.execute(f"UPDATE runs SET finished_at = ?, {sets} WHERE id = ?", (now(), *counts.values(), run_id))

    # inputs and errors ------------------------------------------------------------------------
    def seen(self, digest: str, source: str, analyzer: str) -> int | None:
        """The article an identical input already gave under this analyzer version, if any."""
        row = self.db.execute("SELECT article_id FROM inputs WHERE digest = ? AND source = ? AND analyzer = ?",
                              (digest, source, analyzer)).fetchone()
        return int(row[0]) if row else None

    def add_error(self, run_id: int, source: str, reason: str) -> None:
        with self.db:
            self.db.execute("INSERT INTO errors(run_id, source, reason, at) VALUES (?, ?, ?, ?)",
                            (run_id, source, reason, now()))

    def errors(self, run_id: int | None = None) -> list[dict[str, Any]]:
        q, args = "SELECT source, reason, run_id FROM errors", []
        if run_id is not None:
            q, args = q + " WHERE run_id = ?", [run_id]
        return [dict(r) for r in self.db.execute(q + " ORDER BY id", args)]

    # known claims, the latest document's counts, search ------------------------------------------
    def add_known_claims(self, claims: list[dict[str, Any]]) -> int:
        """Store known claims (by id; importing the same file again changes nothing); returns how many are new."""
        with self.db:
            before = self.db.execute("SELECT count(*) FROM known_claims").fetchone()[0]
            self.db.executemany("INSERT OR IGNORE INTO known_claims(id, origin, date, claim, rating, url, data) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                [(c["id"], c.get("origin"), c.get("date"), c["text"], c.get("rating"), c.get("url"),
                                  json.dumps(c)) for c in claims])
            return int(self.db.execute("SELECT count(*) FROM known_claims").fetchone()[0] - before)

    def known_claims(self) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in self.db.execute("SELECT data FROM known_claims ORDER BY rowid")]

    def save_summary(self, summary: dict[str, Any]) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta(name, data) VALUES ('summary', ?)", (json.dumps(summary),))

    def summary(self) -> dict[str, Any] | None:
        """The counts of the latest analysis document, as the run that made it stored them."""
        row = self.db.execute("SELECT data FROM meta WHERE name = 'summary'").fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def findings_producers(self) -> dict[str, str]:
        """Which enricher made each kind of generic finding (the latest one to store it)."""
        return {str(r[0]): str(r[1]) for r in self.db.execute("SELECT name, enricher FROM findings GROUP BY name")}

    def latest_run(self) -> int | None:
        row = self.db.execute("SELECT max(id) FROM runs").fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and bodies (SQLite FTS5 query syntax)."""
        rows = self.db.execute(
            "SELECT a.id, a.title, a.source, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? "
            "ORDER BY rank LIMIT ?", (query, limit))
        return [dict(r) for r in rows]
