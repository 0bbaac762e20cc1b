"""Store: the SQLite database a corpus grows in, run after run.

Tables are meant to be read by people too (sqlite3, Datasette): ``articles`` (one row per distinct
article, full-text indexed in ``articles_fts``), ``inputs`` (every input read and the article it
gave), ``errors`` (inputs that could not be analyzed, and why), ``runs``, and one table per kind of
finding (``places``, ``attributions``, ``events``). Each article is committed as soon as it is
analyzed, so an interrupted run loses nothing and a re-run skips what is stored.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from headwater.model import Article, Changed, Outlet, articles_of, key, row_key, row_of
from headwater.store.schema import ADDED_COLUMNS, MIGRATIONS

__all__ = ["ADDED_COLUMNS", "MIGRATIONS", "Store", "StoredKeys", "content_hash", "now"]

# Findings with typed tables of their own; anything else an enricher assigns goes to `findings`.
TYPED_FINDINGS = ("places", "attributions", "events")


# Values sent to an "IN (…)" at a time (SQLite builds before 3.32 bind at most 999 parameters).
IN_PART = 500
T = TypeVar("T")


def _in_parts(values: Sequence[T]) -> Iterator[tuple[Sequence[T], str]]:
    """``values`` in parts of IN_PART, each with its placeholders ("?, ?, …")."""
    for i in range(0, len(values), IN_PART):
        part = values[i:i + IN_PART]
        yield part, ", ".join("?" * len(part))

def _decoded(texts: Iterable[str]) -> list[Any]:
    """JSON values decoded as one array: a call of ``json.loads`` per finding spent a third of reading
    articles in the decoder's Python wrapper (an update at 10,000 articles reads 400,000 findings)."""
    return list(json.loads("[" + ",".join(texts) + "]"))


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


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(text: str) -> str:
    return hashlib.sha256(re.sub(r"\s+", " ", text).strip().encode("utf-8")).hexdigest()


# Values moved from JSON to bytes in one transaction (``move_to_blobs``).
MOVE_PART = 5000
# Rows read in one statement (SQLite allows 32,766 parameters; older builds 999).
LOAD_SLICE = 900


class Store:
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

    # articles ---------------------------------------------------------------------------------
    def add_article(self, a: Article, run_id: int, analyzer: str, replace: bool = False,
                    producers: dict[str, str] | None = None) -> tuple[int, str]:
        """Store an analyzed article; returns (article id, "new" | "updated" | "duplicate").

        One transaction each. An article already stored with the same clean text keeps its id; so
        does the article an input gave before when a newer analyzer reads it differently. Findings
        are replaced when ``replace`` is set or a different analyzer version made them."""
        h = content_hash(a.text)
        with self.db:
            row = self.db.execute("SELECT id, analyzer FROM articles WHERE content_hash = ?", (h,)).fetchone()
            if row and row["analyzer"] == analyzer and not replace:
                self._link_input(a, int(row["id"]), run_id, analyzer)
                return int(row["id"]), "duplicate"
            if row is None:  # the same input analyzed before into another text: that article is this one
                row = self.db.execute("SELECT a.id, a.analyzer FROM inputs i JOIN articles a ON a.id = i.article_id "
                                      "WHERE i.digest = ? AND i.source = ?", (a.digest, a.source)).fetchone()
            o = a.outlet
            values = dict(
                content_hash=h, source=a.source, url=a.url, title=a.title,
                outlet_id=o.id if o else None, outlet_name=o.name if o else None,
                outlet_country=o.country if o else None,
                outlet_state_affiliated=None if o is None or o.state_affiliated is None else int(o.state_affiliated),
                outlet_basis=o.basis if o else None, wire=a.wire, published=a.published,
                published_basis=a.published_basis, published_evidence=a.published_evidence,
                site_name=a.site_name, language=a.language, author=a.author, input_kind=a.input_kind, text=a.text,
                focus=json.dumps(a.focus) if a.focus else None, notes=json.dumps(a.notes),
                analyzer=analyzer, run_id=run_id, added_at=now())
            if row:  # re-analyzed by a newer headwater: replace the findings, keep the id
                aid = int(row["id"])
                self.db.execute(f"UPDATE articles SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                                (*values.values(), aid))
                for table in (*TYPED_FINDINGS, "findings"):
                    self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
            else:
                cur = self.db.execute(f"INSERT INTO articles({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                                      tuple(values.values()))
                aid = int(cur.lastrowid or 0)
                self.db.execute("UPDATE articles SET key = ? WHERE id = ?", (key(aid), aid))
            self._add_findings(aid, a, producers or {})
            self._link_input(a, aid, run_id, analyzer)
            status = "updated" if row else "new"
            # an article stored and then re-analyzed before the next link is still new to the linkers
            self.db.execute("INSERT OR IGNORE INTO link_pending(article_id, status) VALUES (?, ?)", (aid, status))
        return aid, status

    def _link_input(self, a: Article, aid: int, run_id: int, analyzer: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO inputs(digest, source, article_id, analyzer, run_id) VALUES (?, ?, ?, ?, ?)",
                        (a.digest, a.source, aid, analyzer, run_id))

    def _add_findings(self, aid: int, a: Article, producers: dict[str, str]) -> None:
        for name, items in a.findings.items():
            self.db.executemany("INSERT INTO findings(article_id, enricher, name, data) VALUES (?, ?, ?, ?)",
                                [(aid, producers.get(name, "unknown"), name, json.dumps(x)) for x in items])
        # keys as the document numbers them: "a3.p2" is the article's second place (metonyms included)
        for i, p in enumerate(a.places, 1):
            self.db.execute('INSERT INTO places(article_id, key, surface, start, "end", name, lat, lon, kind, admin1, country, '
                            "data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (aid, f"{key(aid)}.p{i}", p.get("surface"), p.get("start"), p.get("end"), p.get("name"), p.get("lat"),
                             p.get("lon"), p.get("kind"), p.get("admin1"), p.get("country"), json.dumps(p)))
        for i, at in enumerate(a.attributions, 1):
            first = (at.get("sources") or [{}])[0].get("name")
            self.db.execute('INSERT INTO attributions(article_id, key, claim, start, "end", first_source, data) '
                            "VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (aid, f"{key(aid)}.c{i}", at.get("claim"), at.get("start"), at.get("end"), first, json.dumps(at)))
        for i, e in enumerate(a.events, 1):
            self.db.execute("INSERT INTO events(article_id, key, type, actor, count, killed, date, data) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            (aid, f"{key(aid)}.e{i}", e.get("type"), e.get("actor"), e.get("count"), e.get("killed"),
                             e.get("date"), json.dumps(e)))

    def article_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def load_articles(self, rows: list[int] | None = None) -> list[tuple[int, Article]]:
        """``articles`` as a list, asked for in slices (SQLite caps the parameters of one statement)."""
        if rows is None:
            return list(self.articles())
        return [item for i in range(0, len(rows), LOAD_SLICE) for item in self.articles(rows[i:i + LOAD_SLICE])]

    def articles(self, rows: list[int] | None = None) -> Iterator[tuple[int, Article]]:
        """Every stored article with its findings, in the order they were added (only ``rows`` if given)."""
        where, args = "", tuple[int, ...]()
        if rows is not None:
            where, args = f" WHERE article_id IN ({', '.join('?' * len(rows))})", tuple(rows)
        findings: dict[str, dict[int, list[dict[str, Any]]]] = {}
        for table in TYPED_FINDINGS:
            per: dict[int, list[dict[str, Any]]] = {}
            got = self.db.execute(f"SELECT article_id, data FROM {table}{where} ORDER BY id", args).fetchall()
            for r, item in zip(got, _decoded(r[1] for r in got), strict=True):
                per.setdefault(int(r[0]), []).append(item)
            findings[table] = per
        generic: dict[int, dict[str, list[dict[str, Any]]]] = {}
        got = self.db.execute(f"SELECT article_id, name, data FROM findings{where} ORDER BY id", args).fetchall()
        for r, item in zip(got, _decoded(r[2] for r in got), strict=True):
            generic.setdefault(int(r[0]), {}).setdefault(str(r[1]), []).append(item)
        art_where = where.replace("article_id", "id")
        for r in self.db.execute(f"SELECT * FROM articles{art_where} ORDER BY id", args):
            aid = int(r["id"])
            outlet = None
            if r["outlet_id"]:
                sa = r["outlet_state_affiliated"]
                outlet = Outlet(r["outlet_id"], r["outlet_name"], r["outlet_country"],
                                None if sa is None else bool(sa), r["outlet_basis"])
            yield aid, Article(
                source=r["source"], text=r["text"], title=r["title"], url=r["url"], outlet=outlet, wire=r["wire"],
                published=r["published"], published_basis=r["published_basis"],
                published_evidence=r["published_evidence"], site_name=r["site_name"], language=r["language"], author=r["author"],
                input_kind=r["input_kind"], focus=json.loads(r["focus"]) if r["focus"] else None,
                notes=json.loads(r["notes"] or "[]"), places=findings["places"].get(aid, []),
                attributions=findings["attributions"].get(aid, []), events=findings["events"].get(aid, []),
                findings=generic.get(aid, {}))

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

    def narrative_keys(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.db.execute("SELECT key, id FROM narrative_keys")}

    def narrative_ids(self) -> StoredKeys:
        """The narrative keys and their ids, read as they are looked up (see ``StoredKeys``)."""
        return StoredKeys(self)

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
        for part, marks in _in_parts(sorted(removed)):
            positions = [int(r[0]) for r in self.db.execute(f"SELECT position FROM links WHERE kind = ? AND key IN ({marks})",
                                                            (kind, *part))]
            for at, pm in _in_parts(positions):
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
        for part, marks in _in_parts(sorted(set(keys))):
            positions.update(int(r[0]) for r in self.db.execute(
                f"SELECT position FROM link_keys WHERE kind = ? AND key IN ({marks})", (kind + how, *part)))
            if not how:
                positions.update(int(r[0]) for r in self.db.execute(
                    f"SELECT position FROM links WHERE kind = ? AND key IN ({marks})", (kind, *part)))
        out: list[tuple[int, dict[str, Any]]] = []
        for at, marks in _in_parts(sorted(positions)):
            out += [(int(r[0]), json.loads(r[1])) for r in self.db.execute(
                f"SELECT position, data FROM links WHERE kind = ? AND position IN ({marks})", (kind, *at))]
        return [row for _, row in sorted(out, key=lambda x: x[0])]

    # linking what is new (headwater.link.index.LinkIndex) -----------------------------------------
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
        for part, marks in _in_parts(list(keys)):
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
        for part, marks in _in_parts(list(keys)):
            got = self.db.execute(f"SELECT {column}, data FROM {table} WHERE name = ? AND {column} IN ({marks})",
                                  (name, *part)).fetchall()
            out.update(zip((int(r[0]) for r in got), _decoded(r[1] for r in got), strict=True))
        return out

    def move_to_blobs(self, name: str, encode: Callable[[Any], bytes]) -> None:
        # a part at a time, each in its own transaction: a move cut short is taken up again
        while got := self.db.execute("SELECT article_id, data FROM link_values WHERE name = ? LIMIT ?",
                                     (name, MOVE_PART)).fetchall():
            rows = [int(r[0]) for r in got]
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO link_blobs(name, key, data) VALUES (?, ?, ?)",
                                    ((name, row, encode(v)) for row, v in zip(rows, _decoded(r[1] for r in got), strict=True)))
                for part, marks in _in_parts(rows):
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
        for part, marks in _in_parts(wanted):
            for r in self.db.execute(f"SELECT term, n FROM link_counts WHERE name = ? AND term IN ({marks})", (name, *part)):
                out[str(r[0])] = int(r[1])
        return out

    def narratives_of(self, row: int) -> list[str]:
        return [str(r[0]) for r in self.db.execute("SELECT narrative_id FROM narrative_articles WHERE article_id = ? "
                                                   "ORDER BY narrative_id", (row,))]

    def story_of(self, row: int) -> list[str]:
        return [str(r[0]) for r in self.db.execute("SELECT id FROM stories WHERE article_id = ?", (row,))]

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


class StoredKeys(MutableMapping[str, str]):
    """The narrative keys -> ids a store keeps, read a key at a time: an update looks a few up, and
    reading every key of a large corpus each run grew with it (a full link iterates, reading them
    whole once). Keys set are ``added`` (kept in memory until the link's results are saved)."""

    def __init__(self, store: Store) -> None:
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
