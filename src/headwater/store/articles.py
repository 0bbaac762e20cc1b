"""The stored articles: one row per distinct article (``articles``, full-text indexed in ``articles_fts``)
with its findings, in a typed table per common kind (``places``, ``attributions``, ``events``) and in
``findings`` for the rest; stored as each is analyzed and read back as ``Article`` objects.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterator
from typing import Any

from headwater.model import Article, Outlet, key
from headwater.store.rows import decoded, now

# Findings with typed tables of their own; anything else an enricher assigns goes to `findings`.
TYPED_FINDINGS = ("places", "attributions", "events")

# Rows read in one statement (SQLite allows 32,766 parameters; older builds 999).
LOAD_SLICE = 900


def content_hash(text: str) -> str:
    return hashlib.sha256(re.sub(r"\s+", " ", text).strip().encode("utf-8")).hexdigest()


class ArticleTables:
    """The articles and their findings, a part of ``Store``."""

    db: sqlite3.Connection

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

    def articles(self, rows: list[int] | None = None, generic: bool = True) -> Iterator[tuple[int, Article]]:
        """Every stored article with its findings, in the order they were added (only ``rows`` if given);
        ``generic`` False leaves out the registered enrichers' findings (claim records and their vectors:
        half of what is stored), for a view that shows none of them."""
        where, args = "", tuple[int, ...]()
        if rows is not None:
            where, args = f" WHERE article_id IN ({', '.join('?' * len(rows))})", tuple(rows)
        findings: dict[str, dict[int, list[dict[str, Any]]]] = {}
        for table in TYPED_FINDINGS:
            per: dict[int, list[dict[str, Any]]] = {}
            got = self.db.execute(f"SELECT article_id, data FROM {table}{where} ORDER BY id", args).fetchall()
            for r, item in zip(got, decoded(r[1] for r in got), strict=True):
                per.setdefault(int(r[0]), []).append(item)
            findings[table] = per
        found: dict[int, dict[str, list[dict[str, Any]]]] = {}
        got = self.db.execute(f"SELECT article_id, name, data FROM findings{where} ORDER BY id", args).fetchall() \
            if generic else []
        for r, item in zip(got, decoded(r[2] for r in got), strict=True):
            found.setdefault(int(r[0]), {}).setdefault(str(r[1]), []).append(item)
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
                findings=found.get(aid, {}))
