"""The tabular export: one CSV or Parquet file per table of the analysis document, in one folder.

``articles`` (``id`` a1, a2…, full text kept, ``author``), ``places`` (metonyms included, flagged),
``attributions`` (attributed claims only; the source chain flattened into ``source_1``,
``source_1_kind``… and kept whole as JSON in ``chain``), ``unattributed_claims`` (the articles' own
voice), ``events`` (origin, destination and location as name/lat/lon columns), ``stories`` and
``story_articles``, ``copies``, ``narratives`` (with their independence counts) and
``narrative_articles``, ``narrative_events`` (the events asserting each narrative, with the sources they
are reported under), ``narrative_known_claims``, ``narrative_claims`` (when a linker lists them),
``contradictions``, ``provenance_edges`` and
``primary_sources``. Lists and objects are JSON strings. The ids are those of ``analysis.json`` and
join: ``article_id`` → ``articles.id``, ``narrative_id`` → ``narratives.id``, ``story_id`` →
``stories.id``. ``README.txt`` in the folder lists the tables and their joins.

CSV is UTF-8 with a header row, every value as stored. With the formula guard (``headwater export
--csv-formula-guard``), a text cell a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) gets a leading ``'``, and README.txt says so. Parquet keeps
every value exactly as stored.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from headwater.document import Doc
from headwater.export.files import write_atomic

# column -> type: "str" | "int" | "float" | "bool"
Columns = dict[str, str]

ARTICLES: Columns = {
    "id": "str", "source": "str", "url": "str", "title": "str", "author": "str", "outlet_id": "str", "outlet_name": "str",
    "outlet_country": "str", "outlet_state_affiliated": "bool", "outlet_basis": "str", "wire": "str",
    "published": "str", "published_basis": "str", "published_evidence": "str", "site_name": "str",
    "language": "str", "input_kind": "str", "focus": "str", "notes": "str", "text": "str",
}
PLACES: Columns = {
    "id": "str", "article_id": "str", "surface": "str", "start": "int", "end": "int", "name": "str", "place_id": "str",
    "lat": "float", "lon": "float", "kind": "str", "admin1": "str", "country": "str", "match": "str",
    "score": "float", "metonymy": "bool",
}
ATTRIBUTIONS_HEAD: Columns = {
    "id": "str", "article_id": "str", "claim": "str", "start": "int", "end": "int", "cue": "str", "sourcing": "str",
    "quote": "bool", "nested": "bool", "hedges": "str", "chain_length": "int",
}
SOURCE_FIELDS: Columns = {"": "str", "_canonical": "str", "_kind": "str", "_country": "str", "_state_affiliated": "bool"}
EVENTS: Columns = {
    "id": "str", "article_id": "str", "type": "str", "subtype": "str", "trigger": "str", "start": "int", "end": "int",
    "actor": "str", "actor_text": "str", "target": "str", "count": "int", "count_qualifier": "str",
    "count_text": "str", "killed": "int", "injured": "int", "date": "str", "date_basis": "str", "means": "str",
    "planned": "bool", "cumulative": "bool", "headline": "bool",
    **{f"{role}_{k}": t for role in ("origin", "destination", "location") for k, t in
       (("name", "str"), ("lat", "float"), ("lon", "float"), ("country", "str"))},
    "sources": "str", "attribution": "str",
}
NARRATIVES: Columns = {
    "id": "str", "label": "str", "key": "str", "actor": "str", "action": "str", "group": "str",
    "first_seen": "str", "last_seen": "str", "article_count": "int", "known_claims": "str",
    "primary_sources": "int", "independent_non_state_named_primary_sources": "int",
}
NARRATIVE_ARTICLES: Columns = {"narrative_id": "str", "article_id": "str"}
UNATTRIBUTED: Columns = {"id": "str", "article_id": "str", "claim": "str", "start": "int", "end": "int", "cue": "str",
                         "hedges": "str", "quote": "bool", "nested": "bool"}
STORIES: Columns = {"id": "str", "article_count": "int"}
STORY_ARTICLES: Columns = {"story_id": "str", "article_id": "str"}
COPIES: Columns = {"article_id": "str", "derived_from": "str", "containment": "float"}
KNOWN: Columns = {"narrative_id": "str", "known_claim_id": "str", "score": "float", "claim": "str", "rating": "str",
                  "date": "str", "url": "str", "origin": "str"}
NARRATIVE_CLAIMS: Columns = {"narrative_id": "str", "claim_id": "str"}
NARRATIVE_EVENTS: Columns = {"narrative_id": "str", "event_id": "str", "article_id": "str", "type": "str", "actor": "str",
                             "target": "str", "sources": "str"}
CONTRADICTIONS: Columns = {"id": "str", "narrative_id": "str", "slot": "str", "description": "str", "article_id": "str",
                           "other_article_id": "str", "spans": "str"}
EDGES: Columns = {"narrative_id": "str", "source": "str", "cites": "str", "article_id": "str"}
PRIMARY: Columns = {"narrative_id": "str", "name": "str", "kind": "str", "country": "str", "state_affiliated": "bool",
                    "relayed_by": "str", "article_ids": "str", "article_count": "int"}
# What each table's id columns refer to (README.txt; the join test reads it too).
JOINS = {"event_id": "events.id", "article_id": "articles.id", "other_article_id": "articles.id", "derived_from": "articles.id",
         "narrative_id": "narratives.id", "story_id": "stories.id"}


def _json(v: Any) -> str | None:
    return None if v is None else json.dumps(v, ensure_ascii=False)


def _cast(v: Any, t: str) -> Any:
    """A value of the column's type, or None: one odd value must not sink a Parquet column."""
    if v is None:
        return None
    try:
        if t == "str":
            return v if isinstance(v, str) else _json(v)
        if t == "bool":
            return bool(v)
        if t == "int":
            return int(v) if not isinstance(v, float) or v.is_integer() else None
        return float(v)
    except (TypeError, ValueError, OverflowError):
        return None


def articles_rows(doc: Doc) -> list[dict[str, Any]]:
    rows = []
    for a in doc.articles:
        o = a.get("outlet") or {}
        rows.append({**{k: a.get(k) for k in ARTICLES}, "outlet_id": o.get("id"), "outlet_name": o.get("name"),
                     "outlet_country": o.get("country"), "outlet_state_affiliated": o.get("state_affiliated"),
                     "outlet_basis": o.get("basis"), "focus": _json(a.get("focus")), "notes": _json(a.get("notes"))})
    return rows


def attributions_table(doc: Doc) -> tuple[Columns, list[dict[str, Any]]]:
    claims = doc.list("attributions")
    depth = max((len(x.get("sources") or []) for x in claims), default=0)
    cols: Columns = dict(ATTRIBUTIONS_HEAD)
    for i in range(1, max(depth, 1) + 1):
        cols.update({f"source_{i}{suffix}": t for suffix, t in SOURCE_FIELDS.items()})
    cols["chain"] = "str"
    rows = []
    for x in claims:
        chain = list(x.get("sources") or [])
        row = {k: x.get(k) for k in ("id", "article_id", "claim", "start", "end", "cue", "sourcing", "quote", "nested")}
        row.update(hedges=_json(x.get("hedges") or []), chain_length=len(chain), chain=_json(chain))
        for i, s in enumerate(chain, 1):
            for suffix in SOURCE_FIELDS:
                row[f"source_{i}{suffix}"] = s.get(suffix[1:] if suffix else "name")
        rows.append(row)
    return cols, rows


def events_rows(doc: Doc) -> list[dict[str, Any]]:
    rows = []
    for e in doc.list("events"):
        row = {k: e.get(k) for k in EVENTS}
        for role in ("origin", "destination", "location"):
            p = e.get(role)
            if not isinstance(p, dict):
                p = {}
            for k in ("name", "lat", "lon", "country"):
                row[f"{role}_{k}"] = p.get(k)
        chain = list(e.get("attribution") or [])
        row.update(attribution=_json(chain), sources=" → ".join(str(s.get("name")) for s in chain) or None)
        rows.append(row)
    return rows


def narratives_rows(doc: Doc) -> list[dict[str, Any]]:
    prov = {str(p.get("narrative_id")): p for p in doc.list("provenance")}
    rows = []
    for n in doc.list("narratives"):
        frame = n.get("frame") or {}
        p = prov.get(str(n.get("id"))) or {}
        rows.append({"id": n.get("id"), "label": n.get("label"), "key": n.get("key"), "actor": frame.get("actor"),
                     "action": frame.get("action"), "group": frame.get("group"), "first_seen": n.get("first_seen"),
                     "last_seen": n.get("last_seen"), "article_count": len(n.get("article_ids") or []),
                     "known_claims": _json(n.get("known_claims") or []),
                     "primary_sources": len(p.get("primary_sources") or []) if p else None,
                     "independent_non_state_named_primary_sources": p.get("independent_non_state_named_primary_sources")})
    return rows


def _claim_ids(n: dict[str, Any]) -> list[str]:
    """The claims a narrative lists, when its linker lists them (ids, or claims with an id)."""
    out = []
    for c in n.get("claims") or n.get("claim_ids") or []:
        cid = c.get("id") if isinstance(c, dict) else c
        if cid is not None:
            out.append(str(cid))
    return out


def narrative_events(doc: Doc) -> list[dict[str, Any]]:
    """The events by which each article asserts a narrative: those whose own frame (actor, action,
    group) is the narrative's, judged by the same rule the narratives linker applies."""
    from headwater.link.frames import frames
    from headwater.model import Article

    by_key = {str(n.get("key")): n for n in doc.list("narratives")}
    members = {str(n.get("id")): {str(a) for a in n.get("article_ids") or []} for n in by_key.values()}
    rows = []
    for a in doc.articles:
        aid = str(a.get("id"))
        for e in doc.events.get(aid, []):
            one = Article(source=aid, text=str(a.get("text") or ""), title=a.get("title"), events=[e])
            for f in sorted(frames(one)):
                n = by_key.get("|".join(f))
                if n is not None and aid in members[str(n.get("id"))]:
                    chain = [str(s.get("name")) for s in e.get("attribution") or [] if isinstance(s, dict)]
                    rows.append({"narrative_id": n.get("id"), "event_id": e.get("id"), "article_id": aid,
                                 "type": e.get("type"), "actor": e.get("actor"), "target": e.get("target"),
                                 "sources": " → ".join(chain) or None})
    return rows


def link_tables(doc: Doc) -> dict[str, tuple[Columns, list[dict[str, Any]]]]:
    """The corpus-level tables: stories, copies, narratives and what hangs on them."""
    narratives = doc.list("narratives")
    contradictions = []
    for i, c in enumerate(doc.list("contradictions"), 1):
        ends = [*(c.get("article_ids") or []), None, None]
        contradictions.append({"id": f"x{i}", "narrative_id": c.get("narrative_id"), "slot": c.get("slot"),
                               "description": c.get("description"), "article_id": ends[0], "other_article_id": ends[1],
                               "spans": _json(c.get("spans"))})
    primary = [{"narrative_id": p.get("narrative_id"), **{k: s.get(k) for k in ("name", "kind", "country",
                                                                               "state_affiliated", "relayed_by")},
                "article_ids": " ".join(dict.fromkeys(str(a) for a in s.get("article_ids") or [])),
                "article_count": len(set(s.get("article_ids") or []))}
               for p in doc.list("provenance") for s in p.get("primary_sources") or [] if isinstance(s, dict)]
    return {
        "stories": (STORIES, [{"id": s.get("id"), "article_count": len(s.get("article_ids") or [])}
                              for s in doc.list("stories")]),
        "story_articles": (STORY_ARTICLES, [{"story_id": s.get("id"), "article_id": a}
                                            for s in doc.list("stories") for a in s.get("article_ids") or []]),
        "copies": (COPIES, doc.list("copies")),
        "narratives": (NARRATIVES, narratives_rows(doc)),
        "narrative_articles": (NARRATIVE_ARTICLES, [{"narrative_id": n.get("id"), "article_id": a}
                                                    for n in narratives for a in n.get("article_ids") or []]),
        "narrative_known_claims": (KNOWN, [{"narrative_id": n.get("id"), "known_claim_id": k.get("id"),
                                            **{c: k.get(c) for c in ("score", "claim", "rating", "date", "url", "origin")}}
                                           for n in narratives for k in n.get("known_claims") or []
                                           if isinstance(k, dict)]),
        "narrative_events": (NARRATIVE_EVENTS, narrative_events(doc)),
        "narrative_claims": (NARRATIVE_CLAIMS, [{"narrative_id": n.get("id"), "claim_id": c}
                                                for n in narratives for c in _claim_ids(n)]),
        "contradictions": (CONTRADICTIONS, contradictions),
        "provenance_edges": (EDGES, [{"narrative_id": p.get("narrative_id"), "source": e.get("from"), "cites": e.get("to"),
                                      "article_id": e.get("article_id")}
                                     for p in doc.list("provenance") for e in p.get("edges") or [] if isinstance(e, dict)]),
        "primary_sources": (PRIMARY, primary),
    }


def generic_table(rows: list[dict[str, Any]]) -> tuple[Columns, list[dict[str, Any]]]:
    """A table for findings or links no typed table describes: their keys as columns, objects as JSON."""
    cols: Columns = {}
    for r in rows:
        for k, v in r.items():
            if k not in cols:
                cols[k] = ("bool" if isinstance(v, bool) else "int" if isinstance(v, int) else
                           "float" if isinstance(v, float) else "str")
            elif cols[k] != "str" and not isinstance(v, bool | int | float | type(None)):
                cols[k] = "str"
    return cols, rows


def tables(doc: Doc) -> dict[str, tuple[Columns, list[dict[str, Any]]]]:
    places = [{**{k: p.get(k) for k in PLACES}, "metonymy": bool(p.get("metonymy"))}
              for p in doc.list("places") + doc.list("metonyms")]
    unattributed = [{k: x.get(k) for k in UNATTRIBUTED} | {"hedges": _json(x.get("hedges") or [])}
                    for x in doc.list("unattributed_claims")]
    out = {
        "articles": (ARTICLES, articles_rows(doc)),
        "places": (PLACES, places),
        "attributions": attributions_table(doc),
        "unattributed_claims": (UNATTRIBUTED, unattributed),
        "events": (EVENTS, events_rows(doc)),
        **link_tables(doc),
    }
    for name in doc.extra_parts():
        if doc.list(name):  # an empty part has no columns to write (and Parquet needs one)
            out[name] = generic_table(doc.list(name))
    return out


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _guarded(v: Any) -> Any:
    if isinstance(v, str) and v.startswith(FORMULA_START):
        return "'" + v
    return v


def _write_csv(path: Path, cols: Columns, rows: list[dict[str, Any]], guard: bool = False) -> int:
    """Write one table; returns how many cells the formula guard changed."""
    changed = 0

    def w(tmp: Path) -> None:
        nonlocal changed
        with tmp.open("w", encoding="utf-8", newline="") as f:
            out = csv.DictWriter(f, fieldnames=list(cols))
            out.writeheader()
            for r in rows:
                row = {k: _cast(r.get(k), t) for k, t in cols.items()}
                if guard:
                    safe = {k: _guarded(v) for k, v in row.items()}
                    changed += sum(1 for k in row if safe[k] is not row[k])
                    row = safe
                out.writerow(row)
    write_atomic(path, w)
    return changed


def _readme(names: dict[str, Columns], fmt: str, guard: bool, changed: int) -> str:
    lines = [f"headwater export: one {fmt} file per table of the analysis document (analysis.json).",
             "Ids are those of analysis.json: articles a1, a2...; places a1.p2, claims a1.c5, events a1.e1;",
             "narratives n1...; stories s1... Inputs are named by their file name (no local paths).", "",
             "Joins:"]
    for name, cols in names.items():
        refs = [f"{c} -> {JOINS[c]}" for c in cols if c in JOINS]
        lines.append(f"  {name}.{fmt}: {', '.join(refs) if refs else '(no references)'}")
    lines.append("")
    if fmt == "csv" and guard:
        lines += ["FORMULA GUARD ON (--csv-formula-guard): text cells starting with = + - @, a tab or a carriage",
                  f"return got a leading ' so that a spreadsheet shows them as text; {changed} cells were changed.",
                  "Those values differ from the database; the Parquet export keeps them exactly."]
    elif fmt == "csv":
        lines += ["Every value is as stored (no formula guard). A spreadsheet may run a cell starting with = + - @",
                  "as a formula: re-export with --csv-formula-guard to prefix those cells with '."]
    return "\n".join(lines) + "\n"


def _write_parquet(path: Path, cols: Columns, rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    schema = pa.schema([(k, types[t]) for k, t in cols.items()])
    table = pa.table({k: pa.array([_cast(r.get(k), t) for r in rows], type=types[t]) for k, t in cols.items()},
                     schema=schema)
    write_atomic(path, lambda tmp: pq.write_table(table, str(tmp)))


def write_tables(doc: Doc, fmt: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    guard = bool(doc.options.get("csv_formula_guard"))
    changed = 0
    all_tables = tables(doc)
    for name, (cols, rows) in all_tables.items():
        if fmt == "csv":
            changed += _write_csv(folder / f"{name}.csv", cols, rows, guard)
        else:
            _write_parquet(folder / f"{name}.{fmt}", cols, rows)
    text = _readme({n: c for n, (c, _) in all_tables.items()}, fmt, guard, changed)
    def readme(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")
    write_atomic(folder / "README.txt", readme)
    return folder
