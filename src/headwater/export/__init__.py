"""Export a headwater database for the tools analysts already use: ``headwater export``.

Everything is read from the database (``Store``), never from ``analysis.json``:

* ``json``      the analysis document (``output.analysis_dict``), rebuilt from the stored articles; the
                corpus links are recomputed with ``link.link_corpus`` (deterministic, and the only way
                to get ``copies``, which are not stored), ``errors`` are those of the latest run.
* ``csv``, ``parquet``  one table per kind in a folder: ``articles``, ``places``, ``attributions``,
                ``events``, ``narratives``, ``narrative_articles`` (see ``export.tables``).
* ``geojson``   place mentions and events on a map (``export.geo``).
* ``gexf``, ``graphml``  the citation graph: outlets and sources (``export.graph``).
* ``prov-json`` W3C PROV-JSON: claims and articles as entities, sources and outlets as agents.

Article strings are data: every file is written with the json/csv/pyarrow/ElementTree writers,
never by pasting strings together.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from headwater.model import Article

FORMATS = ("json", "csv", "parquet", "geojson", "gexf", "graphml", "prov-json")
FOLDER_FORMATS = ("csv", "parquet")


class ExportError(Exception):
    """The database cannot be exported as asked (missing, not a headwater database, bad format)."""


@dataclass
class Corpus:
    """What the exporters read: the stored articles and the stored link results."""

    articles: list[tuple[int, Article]]
    narratives: list[dict[str, Any]] = field(default_factory=list)
    narrative_articles: list[tuple[str, int]] = field(default_factory=list)
    provenance_edges: list[dict[str, Any]] = field(default_factory=list)  # narrative_id, source, cites, article_id
    narrative_keys: dict[str, str] = field(default_factory=dict)
    known_claims: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)  # of the latest run


def outlet_label(a: Article) -> str:
    """The outlet's node name, as ``link.narratives.provenance`` names it in ``provenance_edges``."""
    return a.outlet.name if a.outlet else f"unknown outlet ({a.source.rsplit('/', 1)[-1]})"


def source_label(s: dict[str, Any]) -> str:
    """A source's node name: the registry name where there is one (as in ``provenance_edges``)."""
    return str(s.get("canonical") or s.get("name"))


def _check_db(path: Path) -> None:
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


def load(db_path: str | Path) -> Corpus:
    from headwater.store import Store

    path = Path(db_path)
    _check_db(path)
    try:
        with Store(path) as store:
            db = store.db
            corpus = Corpus(articles=list(store.articles()))
            corpus.narratives = [json.loads(r[0]) for r in db.execute("SELECT data FROM narratives ORDER BY rowid")]
            corpus.narrative_articles = [(str(r[0]), int(r[1])) for r in db.execute(
                "SELECT narrative_id, article_id FROM narrative_articles ORDER BY narrative_id, article_id")]
            corpus.provenance_edges = [dict(r) for r in db.execute(
                "SELECT narrative_id, source, cites, article_id FROM provenance_edges ORDER BY rowid")]
            corpus.narrative_keys = store.narrative_keys()
            corpus.known_claims = store.known_claims()
            last = db.execute("SELECT max(id) FROM runs").fetchone()[0]
            corpus.errors = store.errors(int(last)) if last is not None else []
    except sqlite3.DatabaseError as exc:
        raise ExportError(f"{path}: cannot read the database ({exc})") from None
    return corpus


def write_atomic(path: Path, write: Callable[[Path], None]) -> Path:
    """Write through a temporary file next to ``path``, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def write_json(data: Any, path: Path) -> Path:
    def w(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
    return write_atomic(path, w)


def analysis_document(corpus: Corpus) -> dict[str, Any]:
    """The ``analysis.json`` document of the stored corpus."""
    from headwater.link import link_corpus
    from headwater.model import InputError
    from headwater.output import analysis_dict
    from headwater.pipeline import Analysis

    links = link_corpus(corpus.articles, dict(corpus.narrative_keys), corpus.known_claims)
    errors = [InputError(str(e["source"]), str(e["reason"])) for e in corpus.errors]
    return analysis_dict(Analysis(corpus.articles, links, errors))


def export(db_path: str | Path, fmt: str, out_path: str | Path) -> Path:
    """Export the database at ``db_path`` as ``fmt`` (one of ``FORMATS``) to ``out_path``.

    ``out_path`` is a file, or a folder (created if needed) for ``csv`` and ``parquet``. Returns it.
    Raises ``ExportError`` for a missing or foreign database, an unknown format or an unusable path."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out_path)
    if fmt in FOLDER_FORMATS and out.exists() and not out.is_dir():
        raise ExportError(f"{out}: --out must be a folder for {fmt} (it is a file)")
    if fmt not in FOLDER_FORMATS and out.is_dir():
        raise ExportError(f"{out}: --out must be a file for {fmt} (it is a folder)")
    corpus = load(db_path)
    if fmt == "json":
        return write_json(analysis_document(corpus), out)
    if fmt in FOLDER_FORMATS:
        from headwater.export.tables import write_tables

        return write_tables(corpus, fmt, out)
    if fmt == "geojson":
        from headwater.export.geo import geojson

        return write_json(geojson(corpus), out)
    from headwater.export.graph import prov_json, write_gexf, write_graphml

    if fmt == "prov-json":
        return write_json(prov_json(corpus), out)
    return write_gexf(corpus, out) if fmt == "gexf" else write_graphml(corpus, out)
