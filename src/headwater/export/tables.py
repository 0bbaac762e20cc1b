"""The tabular export: one CSV or Parquet file per kind of row, in one folder.

``articles`` (``id`` a1, a2…, full text kept), ``places`` (metonyms included, flagged), ``attributions``
(one row per claim; the source chain flattened into ``source_1``, ``source_1_kind``… and kept whole as
JSON in ``chain``), ``events`` (origin, destination and location as name/lat/lon columns),
``narratives`` and ``narrative_articles``. Lists and objects are JSON strings. Every other table
refers to articles by ``article_id`` (``a1``…), the ids of ``analysis.json``.

CSV is UTF-8 with a header row. A text cell that a spreadsheet would run as a formula (it starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``; Parquet keeps every value
exactly as stored.
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
    "id": "str", "source": "str", "url": "str", "title": "str", "outlet_id": "str", "outlet_name": "str",
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
}
NARRATIVE_ARTICLES: Columns = {"narrative_id": "str", "article_id": "str"}


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
    rows = []
    for n in doc.list("narratives"):
        frame = n.get("frame") or {}
        rows.append({"id": n.get("id"), "label": n.get("label"), "key": n.get("key"), "actor": frame.get("actor"),
                     "action": frame.get("action"), "group": frame.get("group"), "first_seen": n.get("first_seen"),
                     "last_seen": n.get("last_seen"), "article_count": len(n.get("article_ids") or []),
                     "known_claims": _json(n.get("known_claims") or [])})
    return rows


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
    out = {
        "articles": (ARTICLES, articles_rows(doc)),
        "places": (PLACES, places),
        "attributions": attributions_table(doc),
        "events": (EVENTS, events_rows(doc)),
        "narratives": (NARRATIVES, narratives_rows(doc)),
        "narrative_articles": (NARRATIVE_ARTICLES, [{"narrative_id": n.get("id"), "article_id": a}
                                                    for n in doc.list("narratives") for a in n.get("article_ids") or []]),
    }
    for name in doc.extra_parts():
        out[name] = generic_table(doc.list(name))
    return out


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(v: Any) -> Any:
    if isinstance(v, str) and v.startswith(FORMULA_START):
        return "'" + v
    return v


def _write_csv(path: Path, cols: Columns, rows: list[dict[str, Any]]) -> None:
    def w(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="") as f:
            out = csv.DictWriter(f, fieldnames=list(cols))
            out.writeheader()
            for r in rows:
                out.writerow({k: _csv_cell(_cast(r.get(k), t)) for k, t in cols.items()})
    write_atomic(path, w)


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
    write = _write_csv if fmt == "csv" else _write_parquet
    for name, (cols, rows) in tables(doc).items():
        write(folder / f"{name}.{fmt}", cols, rows)
    return folder
