"""Read-only queries behind every page: each returns the plain data its page and its JSON twin show."""
from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

from headwater.model import key, row_of
from headwater.report.narratives import claim_anchor, narrative_facts

MAX_LIMIT = 1000
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class HTTPError(Exception):
    """A request the app answers with a status and a message (400 bad input, 404 unknown id)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(str(path))
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA query_only = ON")
    return db


def _fts(db: sqlite3.Connection, sql: str, args: list[Any]) -> list[sqlite3.Row]:
    """Run a query holding an FTS5 MATCH: a malformed query is the user's error (400), not ours."""
    try:
        return db.execute(sql, args).fetchall()
    except sqlite3.OperationalError as exc:
        raise HTTPError(400, f"bad full-text query: {exc}") from None


def _article_id(raw: str) -> int:
    try:
        return row_of(raw)
    except ValueError:
        raise HTTPError(404, f"no article {raw!r}") from None


def narrative_rows(db: sqlite3.Connection, provs: dict[str, dict[str, Any]], *, article: int | None = None,
                   nid: str | None = None) -> list[dict[str, Any]]:
    """The narratives (all, an article's, or one) with the facts the report shows of each
    (``report.narratives.narrative_facts``), the most articles first; ``provs`` is their provenance by id."""
    args: tuple[Any, ...]
    where, args = "", ()
    if article is not None:
        where, args = "WHERE n.id IN (SELECT narrative_id FROM narrative_articles WHERE article_id = ?)", (article,)
    elif nid is not None:
        where, args = "WHERE n.id = ?", (nid,)
    within = f"IN (SELECT n.id FROM narratives n {where})"
    contra = {str(r[0]): int(r[1]) for r in db.execute(
        f"SELECT narrative_id, count(*) FROM contradictions WHERE narrative_id {within} GROUP BY narrative_id", args)}
    arts: dict[str, list[dict[str, Any]]] = defaultdict(list)  # for what a narrative does not say (a frame's outlets)
    for r in db.execute("SELECT na.narrative_id, a.outlet_name, a.language FROM narrative_articles na "
                        f"JOIN articles a ON a.id = na.article_id WHERE na.narrative_id {within}", args):
        arts[str(r[0])].append({"outlet": {"name": r[1]} if r[1] else None, "language": r[2]})
    codebook = any(db.execute(q).fetchone() is not None for q in (
        "SELECT 1 FROM links WHERE kind = 'codebook' LIMIT 1",
        "SELECT 1 FROM narratives WHERE json_type(data, '$.known_narrative') = 'object' LIMIT 1"))
    out = []
    for r in db.execute(f"SELECT n.id, n.data FROM narratives n {where}", args):
        data = json.loads(r["data"])
        n = data if isinstance(data, dict) else {"id": r["id"]}
        f = narrative_facts(n, provs.get(r["id"]), contra.get(r["id"], 0), arts[r["id"]], codebook)
        ids = f.pop("article_ids")
        indep = (provs.get(r["id"]) or {}).get("independent_non_state_named_primary_sources")
        out.append({**f, "articles": len(ids), "independent_non_state_named_primary_sources": indep})
    return sorted(out, key=lambda f: (-f["articles"], -f["claims"], len(f["id"]), f["id"]))


# What the overview counts, from the document's summary (the same numbers the report shows).
OVERVIEW_COUNTS = ("articles", "outlets", "places", "attributions", "unattributed_claims", "events", "stories",
                   "narratives", "contradictions")


def overview(db: sqlite3.Connection, provs: dict[str, dict[str, Any]], summary: dict[str, Any]) -> dict[str, Any]:
    counts = {k: summary.get(k, 0) for k in OVERVIEW_COUNTS}
    counts["known_claims"] = int(db.execute("SELECT count(*) FROM known_claims").fetchone()[0])
    return {"narratives": narrative_rows(db, provs), "counts": counts}


ARTICLE_COLUMNS = "a.id, a.title, a.url, a.outlet_name, a.outlet_country, a.outlet_state_affiliated, a.published"


def _article_summary(r: sqlite3.Row) -> dict[str, Any]:
    d = dict(r)
    sa = d.pop("outlet_state_affiliated")
    d["outlet_state_affiliated"] = None if sa is None else bool(sa)
    d["key"] = key(d["id"])
    return d


def _int(params: dict[str, str], name: str, default: int, high: int) -> int:
    raw = params.get(name)
    if raw in (None, ""):
        return default
    # ASCII digits only: str.isdigit() is true for '²' and other digits int() refuses.
    if not re.fullmatch(r"[0-9]{1,19}", raw) or not 0 <= int(raw) <= high:
        raise HTTPError(400, f"{name} must be a whole number from 0 to {high}")
    return int(raw)


def articles(db: sqlite3.Connection, params: dict[str, str]) -> dict[str, Any]:
    """Articles matching the filters (all optional): outlet, country, state, since, until, place, narrative, q."""
    where: list[str] = []
    args: list[Any] = []
    if params.get("outlet"):
        where.append("(a.outlet_name = ? COLLATE NOCASE OR a.outlet_id = ?)")
        args += [params["outlet"], params["outlet"]]
    if params.get("country"):
        where.append("a.outlet_country = ? COLLATE NOCASE")
        args.append(params["country"])
    if params.get("state"):
        state = params["state"].lower()
        if state not in ("true", "false"):
            raise HTTPError(400, "state must be true or false")
        where.append("a.outlet_state_affiliated = ?")
        args.append(int(state == "true"))
    for name, op in (("since", ">="), ("until", "<=")):
        if params.get(name):
            if not _DATE.match(params[name]):
                raise HTTPError(400, f"{name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
            # until 2022-02 includes the whole month: compare on the prefix the user gave
            where.append(f"substr(a.published, 1, {len(params[name])}) {op} ?")
            args.append(params[name])
    if params.get("place"):
        where.append("EXISTS (SELECT 1 FROM places p WHERE p.article_id = a.id "
                     "AND (p.name = ? COLLATE NOCASE OR p.surface = ? COLLATE NOCASE))")
        args += [params["place"], params["place"]]
    if params.get("narrative"):
        where.append("EXISTS (SELECT 1 FROM narrative_articles na WHERE na.article_id = a.id AND na.narrative_id = ?)")
        args.append(params["narrative"])
    if params.get("q"):
        where.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.append(params["q"])
    limit = _int(params, "limit", 100, MAX_LIMIT)
    offset = _int(params, "offset", 0, 10**9)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    total = _fts(db, f"SELECT count(*) FROM articles a {clause}", args)[0][0]
    rows = _fts(db, f"SELECT {ARTICLE_COLUMNS} FROM articles a {clause} ORDER BY a.id LIMIT ? OFFSET ?",
                [*args, limit, offset])
    filters = {k: v for k, v in params.items() if k in FILTERS and v}
    return {"filters": filters, "total": int(total), "limit": limit, "offset": offset,
            "articles": [_article_summary(r) for r in rows]}


FILTERS = ("outlet", "country", "state", "since", "until", "place", "narrative", "q")


def article(db: sqlite3.Connection, raw_id: str) -> dict[str, Any]:
    """An article's stored metadata (the narratives it is in: ``narrative_rows``)."""
    aid = _article_id(raw_id)
    row = db.execute(f"SELECT {ARTICLE_COLUMNS}, a.source, a.wire, a.published_basis, a.site_name, a.language, "
                     "a.text, a.added_at FROM articles a WHERE a.id = ?", (aid,)).fetchone()
    if row is None:
        raise HTTPError(404, f"no article {raw_id!r}")
    return _article_summary(row)  # its places and claims come from the document (serve.analysis.article_page)


def narratives(db: sqlite3.Connection, provs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {"narratives": narrative_rows(db, provs)}


def claim_page(article_id: object) -> str | None:
    """The page of the article a claim is in (None for an id that names no article)."""
    try:
        return f"/articles/{row_of(article_id)}"
    except ValueError:
        return None


def _claims(data: dict[str, Any]) -> list[dict[str, Any]]:
    """A narrative's member claims, each with the article page that shows it and the id of its place there."""
    out = []
    for c in data.get("claims") or []:
        if isinstance(c, dict):
            page = claim_page(c.get("article_id"))
            anchor = claim_anchor(c.get("article_id"), c.get("claim_id"))
            out.append({**c, "href": f"{page}#{anchor}" if page else None})
    return out


def narrative(db: sqlite3.Connection, provs: dict[str, dict[str, Any]], nid: str) -> dict[str, Any]:
    row = db.execute("SELECT id, label, first_seen, last_seen, data FROM narratives WHERE id = ?", (nid,)).fetchone()
    if row is None:
        raise HTTPError(404, f"no narrative {nid!r}")
    data = json.loads(row["data"])
    facts = narrative_rows(db, provs, nid=nid)[0]
    arts = db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles a JOIN narrative_articles na ON na.article_id = a.id "
                      "WHERE na.narrative_id = ? ORDER BY a.id", (nid,))
    contradictions = [{"slot": r["slot"], "description": r["description"],
                       "article_ids": json.loads(r["data"]).get("article_ids", [])}
                      for r in db.execute("SELECT slot, description, data FROM contradictions WHERE narrative_id = ? "
                                          "ORDER BY id", (nid,))]
    edges = [dict(r) for r in db.execute("SELECT source, cites, article_id FROM provenance_edges WHERE narrative_id = ? "
                                         "ORDER BY rowid", (nid,))]
    known = [dict(r) for r in db.execute(
        "SELECT k.id, k.claim, k.rating, k.url, k.date, nk.score FROM narrative_known_claims nk "
        "JOIN known_claims k ON k.id = nk.known_claim_id WHERE nk.narrative_id = ? ORDER BY nk.score DESC", (nid,))]
    return {**facts, "id": row["id"], "label": row["label"], "first_seen": row["first_seen"], "last_seen": row["last_seen"],
            "frame": data.get("frame"), "claims": _claims(data),
            "articles": [_article_summary(r) for r in arts], "contradictions": contradictions,
            "provenance_edges": edges, "known_claims": known}


def places(db: sqlite3.Connection) -> dict[str, Any]:
    rows = db.execute("SELECT name, kind, country, admin1, round(lat, 4) AS lat, round(lon, 4) AS lon, "
                      "count(*) AS mentions, count(DISTINCT article_id) AS articles FROM places "
                      "WHERE name IS NOT NULL GROUP BY name, kind, country, admin1 ORDER BY articles DESC, mentions DESC, name")
    return {"places": [dict(r) for r in rows]}


def search(db: sqlite3.Connection, params: dict[str, str]) -> dict[str, Any]:
    q = params.get("q", "").strip()
    limit = _int(params, "limit", 50, MAX_LIMIT)
    if not q:
        return {"q": q, "results": []}
    rows = _fts(db, "SELECT a.id, a.title, a.outlet_name, a.published, "
                "snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet "
                "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? "
                "ORDER BY rank LIMIT ?", [q, limit])
    return {"q": q, "results": [{**dict(r), "key": key(r["id"])} for r in rows]}
