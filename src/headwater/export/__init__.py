"""Export the analysis document for the tools analysts already use: ``headwater export``.

Every format writes the same document that ``analysis.json`` holds (``headwater.document``), built
from the database; formats are registered components (``export.registry``, built-ins in
``export.builtin``): ``json``, ``csv`` and ``parquet`` (``export.tables``), ``geojson``
(``export.geo``), ``gexf``, ``graphml`` and ``prov-json`` (``export.graph``).

Article strings are data: every file is written with the json/csv/pyarrow/ElementTree writers,
never by pasting strings together. No export carries a local path: an input's ``source`` is cut to
its file name (``/home/me/corpus/a.txt`` -> ``a.txt``; a URL stays whole).
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from headwater.document import Doc, build
from headwater.export.files import ExportError, write_atomic, write_json
from headwater.export.registry import EXPORTERS, Exporter
from headwater.store import Store

__all__ = ["EXPORTERS", "ExportError", "Exporter", "check_db", "export", "load_document", "public_source", "without_paths",
           "write_atomic", "write_json"]
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def check_db(path: Path) -> None:
    """Refuse anything that is not an existing headwater database, without writing to it."""
    if not path.is_file():
        raise ExportError(f"{path}: no such database")
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            has_articles = con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise ExportError(f"{path}: not a SQLite database ({exc})") from None
    if version < 1 or not has_articles:
        raise ExportError(f"{path}: not a headwater database (run `headwater analyze` to create one)")


def load_document(db_path: str | Path) -> dict[str, Any]:
    """The analysis document of the database (errors: those of its latest run)."""
    path = Path(db_path)
    check_db(path)
    try:
        with Store(path) as store:
            return build(store)
    except sqlite3.DatabaseError as exc:
        raise ExportError(f"{path}: cannot read the database ({exc})") from None


def public_source(source: Any) -> Any:
    """An input's name without the folders it was read from: a URL whole, a path as its file name
    (``file.jsonl:12`` keeps its line)."""
    if not isinstance(source, str) or _URL.match(source):
        return source
    return re.split(r"[/\\]", source)[-1]


def without_paths(doc: dict[str, Any]) -> dict[str, Any]:
    """The document with the ``source`` of its articles and errors cut to file names (for exports)."""
    out = dict(doc)
    for part in ("articles", "errors"):
        rows = doc.get(part)
        if isinstance(rows, list):
            out[part] = [{**r, "source": public_source(r.get("source"))} if isinstance(r, dict) and "source" in r else r
                         for r in rows]
    if isinstance(doc.get("narratives"), list):  # a known claim's origin is the file it was imported from
        out["narratives"] = [{**n, "known_claims": [{**k, "origin": public_source(k.get("origin"))} if isinstance(k, dict)
                                                    else k for k in n.get("known_claims") or []]}
                             if isinstance(n, dict) else n for n in doc["narratives"]]
    return out


def export(doc: dict[str, Any], fmt: str, out_path: str | Path, options: Mapping[str, Any] | None = None) -> Path:
    """Write the document as ``fmt`` (a registered format) to ``out_path`` (a folder for folder formats).
    ``options``: format options (``csv_formula_guard``), read by the formats that have them (``Doc.options``)."""
    if fmt not in EXPORTERS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORTERS)}")
    exporter = EXPORTERS.get(fmt)
    out = Path(out_path)
    if exporter.folder and out.exists() and not out.is_dir():
        raise ExportError(f"{out}: --out must be a folder for {fmt} (it is a file)")
    if not exporter.folder and out.is_dir():
        raise ExportError(f"{out}: --out must be a file for {fmt} (it is a folder)")
    indexed = Doc.of(without_paths(doc))
    indexed.options = dict(options or {})
    return exporter.write(indexed, out)
