"""Every export opens in the tool analysts read it with, and round-trips there: CSV and Parquet in
DuckDB (the tables join on their ids), GEXF and GraphML in networkx, PROV-JSON in the ``prov``
package, GeoJSON against RFC 7946's rules. No export holds a local path."""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from headwater.export.tables import JOINS
from headwater.pipeline import export_database as export

duckdb = pytest.importorskip("duckdb")
nx = pytest.importorskip("networkx")
prov_model = pytest.importorskip("prov.model")


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_join_on_their_ids_in_duckdb(examples_db: Path, tmp_path: Path, fmt: str) -> None:
    folder = export(examples_db, fmt, tmp_path / fmt)
    con = duckdb.connect()
    names = sorted(p.stem for p in folder.glob(f"*.{fmt}"))
    for name in names:
        reader = "read_csv_auto" if fmt == "csv" else "read_parquet"
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM {reader}('{folder / f'{name}.{fmt}'}')")
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    ids = {t: {r[0] for r in con.execute(f"SELECT id FROM {t}").fetchall()} for t in ("articles", "narratives", "stories")}
    assert len(ids["articles"]) == 5  # unique
    checked = 0
    for name in names:
        cols = [r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()]
        for col in cols:
            if col in JOINS:
                target = JOINS[col].split(".")[0]
                dangling = con.execute(f"SELECT count(*) FROM {name} t LEFT JOIN {target} x ON t.{col} = x.id "
                                       f"WHERE t.{col} IS NOT NULL AND x.id IS NULL").fetchone()[0]
                assert dangling == 0, f"{name}.{col} has ids missing from {target}"
                checked += con.execute(f"SELECT count({col}) FROM {name}").fetchone()[0]
    assert checked > 100
    # row ids of places, claims and events are unique and name their article: "a3.p2" is in a3
    for t in ("places", "attributions", "unattributed_claims", "events"):
        rows = con.execute(f"SELECT id, article_id FROM {t}").fetchall()
        assert rows and len({r[0] for r in rows}) == len(rows), t
        assert all(r[0].split(".")[0] == r[1] for r in rows), t
    claims = con.execute("SELECT count(*) FROM attributions a JOIN articles x ON a.article_id = x.id "
                         "JOIN narrative_articles n ON n.article_id = x.id").fetchone()[0]
    assert claims == con.execute("SELECT count(*) FROM attributions").fetchone()[0]


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_graphs_round_trip_in_networkx(examples_db: Path, tmp_path: Path, fmt: str) -> None:
    path = export(examples_db, fmt, tmp_path / f"g.{fmt}")
    g = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    assert g.is_directed() and g.number_of_nodes() > 5 and g.number_of_edges() > 5
    labels = {n: d.get("label", n) for n, d in g.nodes(data=True)}
    kinds = {labels[n]: d.get("kind") for n, d in g.nodes(data=True)}
    assert kinds["Sputnik"] in ("agency", "outlet")
    edges = {(labels[u], labels[v]): d for u, v, d in g.edges(data=True)}
    assert float(edges[("Press TV", "Sputnik")]["weight"]) >= 1
    again = tmp_path / f"again.{fmt}"
    (nx.write_gexf if fmt == "gexf" else nx.write_graphml)(g, again)
    g2 = nx.read_gexf(again) if fmt == "gexf" else nx.read_graphml(again)
    assert g2.number_of_nodes() == g.number_of_nodes() and g2.number_of_edges() == g.number_of_edges()


def test_prov_json_round_trips_in_prov(examples_db: Path, tmp_path: Path) -> None:
    path = export(examples_db, "prov-json", tmp_path / "p.json")
    doc = prov_model.ProvDocument.deserialize(path, format="json")
    records = doc.get_records()
    assert len(records) > 50
    kinds = {type(r).__name__ for r in records}
    assert {"ProvEntity", "ProvAgent", "ProvAttribution", "ProvDerivation", "ProvDelegation"} <= kinds
    again = prov_model.ProvDocument.deserialize(content=doc.serialize(format="json"), format="json")
    assert again == doc
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert len(raw["entity"]) == len([r for r in records if type(r).__name__ == "ProvEntity"])


def _check_geometry(g: dict[str, Any]) -> None:
    def position(p: Any) -> None:
        assert isinstance(p, list) and len(p) == 2 and all(isinstance(x, int | float) and math.isfinite(x) for x in p)
        assert -180 <= p[0] <= 180 and -90 <= p[1] <= 90  # [lon, lat]

    assert g["type"] in ("Point", "LineString")
    if g["type"] == "Point":
        position(g["coordinates"])
    else:
        assert len(g["coordinates"]) >= 2
        for p in g["coordinates"]:
            position(p)


def test_geojson_is_valid_rfc7946(examples_db: Path, tmp_path: Path) -> None:
    doc = json.loads(export(examples_db, "geojson", tmp_path / "m.geojson").read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and "crs" not in doc  # RFC 7946: WGS 84 lon/lat, no crs member
    assert doc["features"]
    ids = set()
    for f in doc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        _check_geometry(f["geometry"])
        ids.add(f["properties"]["id"])
    assert len(ids) == len(doc["features"])
    tanf = [f for f in doc["features"] if f["properties"].get("name") == "Al-Tanf"]
    lon, lat = tanf[0]["geometry"]["coordinates"]
    assert 38 < lon < 39.5 and 33 < lat < 34  # lon first: Syria, not the Indian Ocean


def test_no_export_holds_a_local_path(examples_db: Path, tmp_path: Path) -> None:
    folder = str(examples_db.parent)
    for fmt, name in (("json", "a.json"), ("csv", "csv"), ("parquet", "pq"), ("geojson", "m.geojson"),
                      ("gexf", "g.gexf"), ("graphml", "g.graphml"), ("prov-json", "p.json")):
        out = export(examples_db, fmt, tmp_path / name)
        files = [out] if out.is_file() else list(out.iterdir())
        for f in files:
            data = f.read_bytes()
            for path in ("examples/seeds/", "examples\\\\seeds", folder):
                assert path.encode() not in data, (fmt, f.name, path)
