"""Registered components and the one analysis document: a plugin joins by registration alone, every
view shows the document's numbers, workers get what the caller injected, the order is checked."""
from __future__ import annotations

import concurrent.futures as cf
import csv
import json
import re
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

import headwater
from headwater import plugins
from headwater.enrich.builtin import ATTRIBUTIONS, EVENTS, PLACES
from headwater.enrich.registry import ENRICHERS, PipelineError, check_pipeline
from headwater.export import without_paths
from headwater.export.registry import EXPORTERS
from headwater.link.registry import LINKERS
from headwater.model import ArticleKey, key, row_of
from headwater.pipeline import AnalyzeOptions, document_of, export_database
from headwater.resources import Resources
from headwater.serve import create_app

from . import example_plugin
from .conftest import EXAMPLES

with warnings.catch_warnings():  # Starlette 1.x prefers httpx2 and says so on import
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient


@pytest.fixture()
def plugin() -> Iterator[None]:
    plugins.load_plugins()
    plugins.register_plugin(example_plugin)
    try:
        yield
    finally:
        ENRICHERS.remove("digits")
        LINKERS.remove("outlet_shares")
        EXPORTERS.remove("titles")
        plugins._loaded.discard(example_plugin.__name__)


def test_a_plugin_joins_by_registration_alone(plugin: None, tmp_path: Path, resources: Resources) -> None:
    result = headwater.analyze([str(EXAMPLES)], tmp_path, resources=resources)
    doc = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    assert doc["digits"] and all(texts[d["article_id"]][d["start"]:d["end"]] == d["surface"] for d in doc["digits"])
    assert {"750", "2022"} & {d["surface"] for d in doc["digits"]}
    assert sum(s["articles"] for s in doc["outlet_shares"]) == len(doc["articles"]) == result.summary["articles"]
    db = tmp_path / "headwater.db"
    with sqlite3.connect(db) as con:  # stored generically, keyed by enricher and version
        assert {r[0] for r in con.execute("SELECT DISTINCT enricher FROM findings WHERE name = 'digits'")} == {"digits/1"}
    tables = export_database(db, "csv", tmp_path / "csv")
    with (tables / "digits.csv").open(encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == len(doc["digits"])
    titles = export_database(db, "titles", tmp_path / "titles.tsv").read_text(encoding="utf-8").splitlines()
    assert len(titles) == len(doc["articles"])


def test_export_json_is_analysis_json(examples_db: Path, tmp_path: Path) -> None:
    written = without_paths(json.loads((examples_db.parent / "analysis.json").read_text(encoding="utf-8")))
    exported = json.loads(export_database(examples_db, "json", tmp_path / "a.json").read_text(encoding="utf-8"))
    written.pop("generated_at")
    exported.pop("generated_at")
    assert exported == written


def test_report_serve_and_exports_show_the_same_counts(examples_db: Path, tmp_path: Path) -> None:
    doc = json.loads((examples_db.parent / "analysis.json").read_text(encoding="utf-8"))
    s = doc["summary"]
    assert s["places"] == len(doc["places"]) and s["attributions"] == len(doc["attributions"]) > 0
    report = (examples_db.parent / "report.html").read_text(encoding="utf-8")
    facts = dict((v, int(n.replace(",", ""))) for n, v in re.findall(r'<div class="fact"><b>([\d,]+)</b><span>([^<]+)', report))
    assert (facts["places"], facts["attributed claims"], facts["events"], facts["narratives"]) == \
        (s["places"], s["attributions"], s["events"], s["narratives"])
    client = TestClient(create_app(examples_db))
    counts = client.get("/index.json").json()["counts"]
    assert {k: counts[k] for k in ("places", "attributions", "events", "narratives")} == \
        {k: s[k] for k in ("places", "attributions", "events", "narratives")}
    tables = export_database(examples_db, "csv", tmp_path / "csv")
    with (tables / "attributions.csv").open(encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == s["attributions"]
    # source types: the served narrative and the document agree (a state body is not "unknown" anywhere)
    prov = doc["provenance"][0]
    served = client.get(f"/narratives/{prov['narrative_id']}.json").json()["analysis"]["provenance"][0]
    assert served["primary_sources"] == prov["primary_sources"]
    assert any(p["state_affiliated"] for p in prov["primary_sources"])


def test_workers_get_the_injected_model(tmp_path: Path, resources: Resources) -> None:
    """The model is injected under a name no package has: workers that reloaded it by name would fail."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02d}.txt").write_text(f"Talks resume\n\nDelegates met for round {i} in Geneva on Monday, "
                                             "officials said.", encoding="utf-8")
    injected = Resources(model="no_such_model_installed", nlp=resources.nlp, outlets=resources.outlets,
                         gazetteer=resources.gazetteer)
    result = headwater.analyze([str(folder)], tmp_path / "out", AnalyzeOptions(workers=2), resources=injected)
    assert (result.analyzed, len(result.errors)) == (30, 0)


def test_any_executor_runs_the_per_article_step(tmp_path: Path, resources: Resources) -> None:
    with cf.ThreadPoolExecutor(2) as pool:
        threaded = headwater.analyze([str(EXAMPLES)], tmp_path / "t", resources=resources, executor=pool)
    serial = headwater.analyze([str(EXAMPLES)], tmp_path / "s", AnalyzeOptions(workers=1), resources=resources)
    # results are stored as they complete, so ids may differ: compare by source
    strip = lambda d: sorted((a["source"], a["title"], a["text"], a["outlet"], a["focus"]) for a in d["articles"])  # noqa: E731
    assert strip(threaded.document) == strip(serial.document)
    assert threaded.summary == serial.summary


def test_the_order_of_enrichers_is_checked() -> None:
    check_pipeline([ATTRIBUTIONS, PLACES, EVENTS], Resources.names)
    # places read the outlets the attributions found told or quoted ("disse à Lusa" is no town)
    with pytest.raises(PipelineError, match=r"places/2 requires 'attributions'"):
        check_pipeline([PLACES, ATTRIBUTIONS, EVENTS], Resources.names)
    with pytest.raises(PipelineError, match=r"events/1 requires 'places'.*places/2 assigns it but runs later"):
        check_pipeline([EVENTS, PLACES, ATTRIBUTIONS], Resources.names)
    with pytest.raises(PipelineError, match="requires 'gazetteer'"):
        check_pipeline([PLACES], frozenset({"nlp"}))
    with pytest.raises(PipelineError, match="both assign 'places'"):
        check_pipeline([ATTRIBUTIONS, PLACES, PLACES], Resources.names)


def test_a_database_of_an_earlier_version_opens_and_gets_its_links(examples_db: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    with sqlite3.connect(examples_db) as src, sqlite3.connect(old) as dst:
        src.backup(dst)
    with sqlite3.connect(old) as con:  # as version 4 left it: no findings or links tables
        con.executescript("DROP TABLE links; DROP TABLE findings; DROP TABLE meta; DROP INDEX narrative_articles_article; "
                          "DROP INDEX stories_article; DROP TABLE link_keys; PRAGMA user_version = 4;")
    doc = document_of(old)
    assert doc["narratives"] and doc["stories"] and len(doc["articles"]) == 5


def test_article_keys_round_trip() -> None:
    assert str(ArticleKey(12)) == key(12) == "a12" and row_of("a12") == row_of(12) == 12
    for bad in ("b12", "a", "", "a-1", "12a"):
        with pytest.raises(ValueError):
            ArticleKey.parse(bad)
