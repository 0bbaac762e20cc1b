"""The run: storage, re-runs without duplicates, resume after a crash, worker processes."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

import headwater
from headwater.enrich import Enricher
from headwater.model import Article
from headwater.pipeline import AnalyzeOptions
from headwater.resources import Resources
from headwater.store import MIGRATIONS, Store
from headwater.work import POOL_THRESHOLD

from .conftest import EXAMPLES


def test_database_schema_and_full_text_search(tmp_path: Path, resources: Resources) -> None:
    headwater.analyze([str(EXAMPLES)], tmp_path, resources=resources)
    db = sqlite3.connect(tmp_path / "headwater.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "articles_fts", "inputs", "errors", "runs", "places", "attributions", "events"} <= tables
    with Store(tmp_path / "headwater.db") as store:
        hits = store.search("Ghwayran")
    assert len(hits) == 1 and "Daesh" in hits[0]["title"]


def test_rerun_adds_no_duplicate_and_new_inputs_join(tmp_path: Path, resources: Resources) -> None:
    first = tmp_path / "first"
    first.mkdir()
    for p in sorted(EXAMPLES.iterdir())[:3]:
        shutil.copy(p, first)
    db = tmp_path / "corpus.db"
    r1 = headwater.analyze([str(first)], tmp_path / "o1", AnalyzeOptions(db_path=db), resources=resources)
    r2 = headwater.analyze([str(first)], tmp_path / "o2", AnalyzeOptions(db_path=db), resources=resources)
    assert (r1.analyzed, r2.analyzed, r2.skipped) == (3, 0, 3)
    r3 = headwater.analyze([str(EXAMPLES)], tmp_path / "o3", AnalyzeOptions(db_path=db), resources=resources)
    # the three known texts under another path are recognized by content, the two new ones join
    assert (r3.analyzed, r3.duplicates) == (2, 3)
    doc = json.loads((tmp_path / "o3" / "analysis.json").read_text())
    assert len(doc["articles"]) == 5 and len({a["id"] for a in doc["articles"]}) == 5
    ids = [x for s in doc["stories"] for x in s["article_ids"]]
    assert sorted(ids) == sorted(a["id"] for a in doc["articles"])  # stories partition the corpus


def test_interrupted_run_loses_nothing_and_rerun_resumes(tmp_path: Path, resources: Resources) -> None:
    calls = {"n": 0}

    def crash_on_third(article: Article, res: Resources) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt

    crashing = Enricher("crash/1", (), (), lambda ctx: crash_on_third(ctx.article, ctx.resources))
    db = tmp_path / "h.db"
    with pytest.raises(KeyboardInterrupt):
        headwater.analyze([str(EXAMPLES)], tmp_path, AnalyzeOptions(db_path=db, workers=1),
                          resources=resources, enrichers=[crashing])
    with Store(db) as store:
        assert len(list(store.articles())) == 2
    r = headwater.analyze([str(EXAMPLES)], tmp_path, AnalyzeOptions(db_path=db, workers=1),
                          resources=resources, enrichers=[crashing])
    assert (r.skipped, r.analyzed, len(r.document["articles"])) == (2, 3, 5)


def test_bad_inputs_are_recorded_and_the_run_goes_on(tmp_path: Path, resources: Resources) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(EXAMPLES / sorted(p.name for p in EXAMPLES.iterdir())[0], tmp_path / "in")
    (tmp_path / "in" / "blank.html").write_text("<html><body></body></html>")
    (tmp_path / "in" / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    r = headwater.analyze([str(tmp_path / "in"), str(tmp_path / "missing")], tmp_path / "out", resources=resources)
    doc = json.loads((tmp_path / "out" / "analysis.json").read_text())
    assert len(doc["articles"]) == 1
    assert sorted(Path(e["source"]).name for e in doc["errors"]) == ["bin.txt", "blank.html", "missing"]
    with Store(tmp_path / "out" / "headwater.db") as store:
        assert len(store.errors()) == 3
    assert len(r.errors) == 3


def test_worker_processes_give_the_same_articles(tmp_path: Path, resources: Resources) -> None:
    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(POOL_THRESHOLD + 2):
        (corpus / f"{i:03d}.txt").write_text(
            f"Report number {i} on the talks\n\nDelegates met for the {i}th time on Monday in Geneva to discuss "
            f"the ceasefire, officials said, adding that {i} proposals were on the table.")
    pooled = headwater.analyze([str(corpus)], tmp_path / "p", AnalyzeOptions(workers=2), resources=resources)
    serial = headwater.analyze([str(corpus)], tmp_path / "s", AnalyzeOptions(workers=1), resources=resources)
    key = lambda r: sorted((a["source"], a["title"], a["text"]) for a in r.document["articles"])  # noqa: E731
    assert len(pooled.document["articles"]) == POOL_THRESHOLD + 2
    assert key(pooled) == key(serial)


def test_analysis_json_follows_the_contract(tmp_path: Path, resources: Resources) -> None:
    headwater.analyze([str(EXAMPLES)], tmp_path, resources=resources)
    doc = json.loads((tmp_path / "analysis.json").read_text())
    assert doc["schema_version"]
    for key in ("articles", "places", "attributions", "events", "stories", "narratives", "contradictions",
                "provenance", "errors"):
        assert isinstance(doc[key], list)
    for a in doc["articles"]:
        assert set(a) >= {"id", "source", "url", "title", "outlet", "wire", "published", "published_basis", "text", "focus"}
        assert a["published_basis"] in (None, "explicit", "inferred")
        assert (a["published"] is None) == (a["published_basis"] is None)
        if a["outlet"]:
            assert set(a["outlet"]) >= {"name", "country", "state_affiliated"}


def test_a_database_of_version_10_gains_the_blob_table_and_the_link_keys_by_position(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.db.executescript("DROP TABLE link_blobs; DROP INDEX link_keys_position; PRAGMA user_version = 10;")
        store.put_keyed("x", {1: {"a": [1]}})
    with Store(path) as store:  # opened again: migrated
        assert store.version == len(MIGRATIONS) and store.get_keyed("x", [1]) == {1: {"a": [1]}}
        # the link keys a replaced row leaves are found by position, not by scanning their kind
        plan = store.db.execute("EXPLAIN QUERY PLAN DELETE FROM link_keys WHERE kind IN (?, ?) AND position IN (?)",
                                ("a", "b", 1)).fetchall()
        assert "link_keys_position" in " ".join(str(r[-1]) for r in plan)
        store.put_blobs("x", {1: b"\x00\x3c", 2: b""})
        assert store.get_blobs("x", [1, 2, 3]) == {1: b"\x00\x3c", 2: b""}
        store.clear("x")
        assert store.get_blobs("x", [1, 2]) == {} and store.get_keyed("x", [1]) == {}
