"""The built-in export formats, registered through the same hook a plugin uses (``register_exporters``)."""
from __future__ import annotations

from pathlib import Path

from headwater.document import Doc
from headwater.export.files import write_json
from headwater.export.geo import geojson
from headwater.export.graph import prov_json, write_gexf, write_graphml
from headwater.export.registry import Exporter
from headwater.export.tables import write_tables
from headwater.registry import Registry


def _json(doc: Doc, out: Path) -> Path:
    return write_json(doc.raw, out)


def _csv(doc: Doc, out: Path) -> Path:
    return write_tables(doc, "csv", out)


def _parquet(doc: Doc, out: Path) -> Path:
    return write_tables(doc, "parquet", out)


def _geojson(doc: Doc, out: Path) -> Path:
    return write_json(geojson(doc), out)


def _gexf(doc: Doc, out: Path) -> Path:
    return write_gexf(doc, out)


def _graphml(doc: Doc, out: Path) -> Path:
    return write_graphml(doc, out)


def _prov(doc: Doc, out: Path) -> Path:
    return write_json(prov_json(doc), out)


BUILTIN = (
    Exporter("json", _json, description="the analysis document (what analysis.json holds)", suffix=".json"),
    Exporter("csv", _csv, folder=True, description="a folder of tables for spreadsheets, pandas and DuckDB"),
    Exporter("parquet", _parquet, folder=True, description="the same tables as Parquet"),
    Exporter("geojson", _geojson, description="places and events for QGIS; movements as lines", suffix=".geojson"),
    Exporter("gexf", _gexf, description="the citation graph for Gephi", suffix=".gexf"),
    Exporter("graphml", _graphml, description="the citation graph as GraphML (networkx, yEd)", suffix=".graphml"),
    Exporter("prov-json", _prov, description="W3C PROV: claims, who they are attributed to", suffix=".json"),
)


def register_exporters(registry: Registry[Exporter]) -> None:
    for e in BUILTIN:
        registry.add(e.name, e)
