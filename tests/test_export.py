"""headwater export: every format parses, holds the corpus, and keeps hostile strings as text."""
from __future__ import annotations

import csv
import json
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from headwater.cli import main
from headwater.export import EXPORTERS, ExportError, without_paths
from headwater.pipeline import export_database as export

from .conftest import EXAMPLES

GEXF = "{http://gexf.net/1.3}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
HOSTILE = '<script>alert("x")</script> & <b>'
TABLES = ("articles", "places", "attributions", "unattributed_claims", "events", "stories", "story_articles", "copies",
          "narratives", "narrative_articles", "narrative_events", "narrative_known_claims", "narrative_claims", "contradictions",
          "provenance_edges", "primary_sources")
# Document parts of registered components beyond the typed tables: one generic table each.
GENERIC = ("claims", "entities", "themes", "codebook")


@pytest.fixture(scope="module")
def db(examples_db: Path) -> Path:
    return examples_db


@pytest.fixture(scope="module")
def hostile_db(db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the database where an article's title and outlet name are markup."""
    path = tmp_path_factory.mktemp("hostile") / "headwater.db"
    src, dst = sqlite3.connect(db), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    with dst:
        aid = dst.execute("SELECT id FROM articles WHERE outlet_name = 'Press TV'").fetchone()[0]
        dst.execute("UPDATE articles SET title = ?, outlet_name = ? WHERE id = ?", (HOSTILE, HOSTILE, aid))
    dst.close()
    return path


def _gexf_edges(path: Path) -> tuple[dict[str, str], list[tuple[str, str, float]]]:
    root = ET.parse(path).getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    labels = {n.get("id", ""): n.get("label", "") for n in root.iter(f"{GEXF}node")}
    edges = [(labels[e.get("source", "")], labels[e.get("target", "")], float(e.get("weight", "0")))
             for e in root.iter(f"{GEXF}edge")]
    return labels, edges


def _graphml_edges(path: Path) -> tuple[dict[str, str], list[tuple[str, str, float]]]:
    root = ET.parse(path).getroot()
    assert root.tag == f"{GRAPHML}graphml"
    assert {k.get("id") for k in root.iter(f"{GRAPHML}key")} >= {"label", "kind", "weight"}

    def data(el: ET.Element, key: str) -> str:
        return next(d.text or "" for d in el.iter(f"{GRAPHML}data") if d.get("key") == key)

    labels = {n.get("id", ""): data(n, "label") for n in root.iter(f"{GRAPHML}node")}
    edges = [(labels[e.get("source", "")], labels[e.get("target", "")], float(data(e, "weight")))
             for e in root.iter(f"{GRAPHML}edge")]
    return labels, edges


def test_json_is_the_analysis_document(db: Path, tmp_path: Path) -> None:
    doc = json.loads(export(db, "json", tmp_path / "a.json").read_text(encoding="utf-8"))
    shipped = without_paths(json.loads((db.parent / "analysis.json").read_text(encoding="utf-8")))
    for d in (doc, shipped):
        d.pop("generated_at")
    assert doc == shipped
    assert len(doc["articles"]) == 5


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables(db: Path, tmp_path: Path, fmt: str) -> None:
    folder = export(db, fmt, tmp_path / "tables")
    names = {p.name for p in folder.iterdir()}
    assert {*(f"{t}.{fmt}" for t in TABLES), "README.txt"} <= names  # every typed table, even an empty one
    assert names - {*(f"{t}.{fmt}" for t in TABLES), "README.txt"} <= {f"{t}.{fmt}" for t in GENERIC}
    rows: dict[str, list[dict[str, Any]]] = {}
    for t in TABLES:
        if fmt == "csv":
            with (folder / f"{t}.csv").open(encoding="utf-8", newline="") as f:
                rows[t] = list(csv.DictReader(f))
        else:
            rows[t] = pq.read_table(folder / f"{t}.parquet").to_pylist()
    assert len(rows["articles"]) == 5 and all(r["text"] for r in rows["articles"])
    assert any(r["name"] == "Al-Tanf" for r in rows["places"])
    sputnik = [r for r in rows["attributions"] if r["source_1_canonical"] == "Sputnik"]
    assert sputnik and sputnik[0]["source_1_kind"] == "agency" and sputnik[0]["source_2"] == "Sources"
    assert json.loads(sputnik[0]["chain"])[0]["name"] == "Russia’s Sputnik news agency"
    moves = [r for r in rows["events"] if r["destination_name"] == "Al-Tanf"]
    assert moves and abs(float(moves[0]["destination_lon"]) - 38.6) < 0.1
    assert [r["id"] for r in rows["narratives"]] == ["n1"]
    assert {r["article_id"] for r in rows["narrative_articles"]} == {"a1", "a2", "a3", "a4", "a5"}
    # the articles' own voice apart from attributed claims; every claim once
    own_voice = {r["id"] for r in rows["unattributed_claims"]}
    assert own_voice and not own_voice & {r["id"] for r in rows["attributions"]}
    assert all(r["chain_length"] and int(r["chain_length"]) >= 1 for r in rows["attributions"])
    assert {r["slot"] for r in rows["contradictions"]} == {"direction", "destination"}
    assert int(rows["narratives"][0]["independent_non_state_named_primary_sources"]) == 0
    assert any(r["name"] == "Foreign Intelligence Service of Russia" for r in rows["primary_sources"])
    assert rows["provenance_edges"] and rows["stories"] and rows["story_articles"]
    # each article of the narrative asserts it by at least one of its events
    assert {r["article_id"] for r in rows["narrative_events"]} == {r["article_id"] for r in rows["narrative_articles"]}
    assert all(r["event_id"].startswith(r["article_id"] + ".e") for r in rows["narrative_events"])
    assert {r["source"] for r in rows["articles"]} == {p.name for p in EXAMPLES.iterdir()}  # file names, no folders
    assert all(r["author"] in (None, "") for r in rows["articles"])  # the examples state no byline


def test_parquet_columns_are_typed(db: Path, tmp_path: Path) -> None:
    schema = pq.read_schema(export(db, "parquet", tmp_path / "t") / "places.parquet")
    assert str(schema.field("lat").type) == "double" and str(schema.field("start").type) == "int64"


def test_geojson(db: Path, tmp_path: Path) -> None:
    doc = json.loads(export(db, "geojson", tmp_path / "map.geojson").read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    tanf = [f for f in doc["features"] if f["properties"]["feature"] == "place" and f["properties"]["name"] == "Al-Tanf"]
    assert tanf and tanf[0]["geometry"]["type"] == "Point"
    lon, lat = tanf[0]["geometry"]["coordinates"]
    assert abs(lon - 38.6) < 0.1 and abs(lat - 33.5) < 0.1
    assert tanf[0]["properties"]["outlet"] and tanf[0]["properties"]["title"]
    lines = [f for f in doc["features"] if f["geometry"]["type"] == "LineString"]
    assert lines and all(f["properties"]["feature"] == "event" for f in lines)
    assert any(f["geometry"]["coordinates"][-1] == [38.63, 33.5] for f in lines)  # a move to al-Tanf
    assert any(f["properties"]["sources"] for f in doc["features"] if f["properties"]["feature"] == "event")


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_citation_graph(db: Path, tmp_path: Path, fmt: str) -> None:
    path = export(db, fmt, tmp_path / f"g.{fmt}")
    _, edges = (_gexf_edges if fmt == "gexf" else _graphml_edges)(path)
    # Press TV cites "Russia’s Sputnik news agency": the node is the registry's name, as in provenance_edges.
    press_sputnik = [w for s, t, w in edges if (s, t) == ("Press TV", "Sputnik")]
    assert press_sputnik and press_sputnik[0] >= 1
    assert ("Sputnik", "Sources") in {(s, t) for s, t, _ in edges}


def test_prov_json(db: Path, tmp_path: Path) -> None:
    doc = json.loads(export(db, "prov-json", tmp_path / "p.json").read_text(encoding="utf-8"))
    assert {"hw", "article", "claim", "agent"} <= set(doc["prefix"])
    ids = set(doc["entity"]) | set(doc["agent"])
    for kind, keys in (("wasAttributedTo", ("prov:entity", "prov:agent")),
                       ("wasDerivedFrom", ("prov:generatedEntity", "prov:usedEntity")),
                       ("actedOnBehalfOf", ("prov:delegate", "prov:responsible"))):
        assert doc[kind], kind
        assert all(r[k] in ids for r in doc[kind].values() for k in keys), kind
    sputnik_claims = {r["prov:entity"] for r in doc["wasAttributedTo"].values() if r["prov:agent"] == "agent:Sputnik"}
    assert any(c.startswith("claim:a3.c") for c in sputnik_claims)
    assert any(r["prov:delegate"] == "agent:Sputnik" and doc["agent"][r["prov:responsible"]]["prov:label"] == "Sources"
               for r in doc["actedOnBehalfOf"].values())
    assert doc["agent"]["agent:Sputnik"]["hw:state_affiliated"] is True


def test_hostile_strings_stay_text(hostile_db: Path, tmp_path: Path) -> None:
    for fmt in ("gexf", "graphml"):
        path = export(hostile_db, fmt, tmp_path / f"g.{fmt}")
        assert "<script>" not in path.read_text(encoding="utf-8")
        labels, edges = (_gexf_edges if fmt == "gexf" else _graphml_edges)(path)
        assert HOSTILE in labels.values()
        assert (HOSTILE, "Sputnik") in {(s, t) for s, t, _ in edges}
    geo = json.loads(export(hostile_db, "geojson", tmp_path / "m.geojson").read_text(encoding="utf-8"))
    assert any(f["properties"]["title"] == HOSTILE for f in geo["features"])
    prov = json.loads(export(hostile_db, "prov-json", tmp_path / "p.json").read_text(encoding="utf-8"))
    assert any(e.get("prov:label") == HOSTILE for e in prov["entity"].values())
    with (export(hostile_db, "csv", tmp_path / "csv") / "articles.csv").open(encoding="utf-8", newline="") as f:
        assert HOSTILE in [r["title"] for r in csv.DictReader(f)]


def test_csv_formula_guard_is_an_option(hostile_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    src, dst = sqlite3.connect(hostile_db), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    with dst:
        dst.execute("UPDATE articles SET title = '=HYPERLINK(\"http://x\")' WHERE id = 1")
    dst.close()

    def titles(folder: Path) -> list[str]:
        with (folder / "articles.csv").open(encoding="utf-8", newline="") as f:
            return [r["title"] for r in csv.DictReader(f)]

    plain = export(path, "csv", tmp_path / "plain")
    assert '=HYPERLINK("http://x")' in titles(plain)  # off by default: the data as stored
    assert "no formula guard" in (plain / "README.txt").read_text(encoding="utf-8")
    guarded = export(path, "csv", tmp_path / "csv", {"csv_formula_guard": True})
    assert "'=HYPERLINK(\"http://x\")" in titles(guarded)
    assert "FORMULA GUARD ON" in (guarded / "README.txt").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--db", str(path), "--format", "csv", "--out", str(tmp_path / "cli"),
                                       "--csv-formula-guard"])
    assert result.exit_code == 0, result.output
    assert "'=HYPERLINK(\"http://x\")" in titles(tmp_path / "cli")
    assert pq.read_table(export(path, "parquet", tmp_path / "pq") / "articles.parquet").column("title")[0].as_py() \
        == '=HYPERLINK("http://x")'


def test_library_errors(tmp_path: Path, db: Path) -> None:
    with pytest.raises(ExportError, match="no such database"):
        export(tmp_path / "missing.db", "json", tmp_path / "x.json")
    other = tmp_path / "other.db"
    sqlite3.connect(other).close()
    with pytest.raises(ExportError, match="not a headwater database"):
        export(other, "json", tmp_path / "x.json")
    assert other.stat().st_size == 0  # a foreign file is not written to
    (tmp_path / "notsqlite.db").write_text("hello", encoding="utf-8")
    with pytest.raises(ExportError, match="not a SQLite database"):
        export(tmp_path / "notsqlite.db", "json", tmp_path / "x.json")
    with pytest.raises(ExportError, match="unknown format"):
        export(db, "xlsx", tmp_path / "x")
    (tmp_path / "afile").write_text("", encoding="utf-8")
    with pytest.raises(ExportError, match="must be a folder"):
        export(db, "csv", tmp_path / "afile")
    assert "prov-json" in EXPORTERS


def test_cli(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.geojson"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "geojson", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["features"]
    missing = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "nope.db"), "--format", "json",
                                        "--out", str(tmp_path / "x.json")])
    assert missing.exit_code != 0 and "does not exist" in missing.output
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).close()
    bad = CliRunner().invoke(main, ["export", "--db", str(foreign), "--format", "json", "--out", str(tmp_path / "x.json")])
    assert bad.exit_code == 1 and "not a headwater database" in bad.output
    help_text = CliRunner().invoke(main, ["export", "--help"]).output
    assert any(line.strip().startswith("Example:") for line in help_text.splitlines())


def test_prov_json_attributes_an_aim_ascribed_to_the_outlet() -> None:
    from headwater.export.graph import prov_json
    from headwater.report.doc import Doc

    nato = {"name": "NATO", "kind": "organization", "country": None, "state_affiliated": None}
    said = {"name": "Jens Stoltenberg", "kind": "person", "country": "NO", "state_affiliated": False}
    doc = {"articles": [{"id": "a1", "text": "x", "title": "t", "outlet": {"name": "Example Daily"}}],
           "attributions": [{"article_id": "a1", "id": "a1.c1", "claim": "to attack Russia", "start": 11, "end": 27,
                             "cue": "plans", "sources": [nato], "attitude": True},
                            {"article_id": "a1", "id": "a1.c2", "claim": "NATO is a defensive alliance", "start": 30,
                             "end": 58, "cue": "said", "sources": [said]}]}
    prov = prov_json(Doc.of(doc))
    agent_of = {r["prov:entity"]: prov["agent"][r["prov:agent"]]["prov:label"] for r in prov["wasAttributedTo"].values()
                if r["prov:entity"].startswith("claim:")}
    assert agent_of == {"claim:a1.c1": "Example Daily", "claim:a1.c2": "Jens Stoltenberg"}
    assert prov["entity"]["claim:a1.c1"]["hw:attitude"] is True
