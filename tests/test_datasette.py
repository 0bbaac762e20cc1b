"""The database as Datasette reads it: full-text search through ``_search``, foreign keys on the link
tables, the metadata ``analyze`` writes beside the database, the text ids in ``key`` columns."""
from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datasette")
from datasette.app import Datasette

from headwater.dbmeta import metadata_path, write_metadata
from headwater.store import Store


def _get(db: Path, path: str, meta: dict[str, Any] | None = None) -> Any:
    async def go() -> Any:
        ds = Datasette([str(db)], metadata=meta)
        resp = await ds.client.get(path)
        assert resp.status_code == 200, resp.text[:500]
        return resp.json()
    return asyncio.run(go())


def test_search_finds_ghwayran(examples_db: Path) -> None:
    name = examples_db.stem
    found = _get(examples_db, f"/{name}/articles.json?_search=Ghwayran&_shape=objects")
    everything = _get(examples_db, f"/{name}/articles.json?_shape=objects")
    assert found["rows"], "Datasette found no article for _search=Ghwayran"
    assert len(found["rows"]) < len(everything["rows"])  # a search, not the whole table
    assert all("ghwayran" in (r["text"] or "").lower() for r in found["rows"])
    assert _get(examples_db, f"/{name}/articles.json?_search=zzqxnotaword&_shape=objects")["rows"] == []


def test_metadata_beside_the_database(examples_db: Path) -> None:
    path = metadata_path(examples_db)
    assert path.is_file()  # analyze wrote it
    meta = json.loads(path.read_text(encoding="utf-8"))
    tables = meta["databases"][examples_db.stem]["tables"]
    with sqlite3.connect(examples_db) as con:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table, info in tables.items():
            assert table in names, table
            cols = {r[1] for r in con.execute(f"PRAGMA table_info({table})")}
            assert set(info.get("columns", {})) <= cols, (table, set(info["columns"]) - cols)
            assert set(info.get("facets", [])) <= cols
    shown = _get(examples_db, f"/{examples_db.stem}/places.json?_facet=country", meta)
    assert shown["facet_results"]


def test_link_tables_have_foreign_keys(examples_db: Path) -> None:
    with sqlite3.connect(examples_db) as con:
        for table, wanted in (("narrative_articles", {"narratives", "articles"}), ("stories", {"story_ids", "articles"}),
                              ("contradictions", {"narratives", "articles"}),
                              ("provenance_edges", {"narratives", "articles"})):
            refs = {r[2] for r in con.execute(f"PRAGMA foreign_key_list({table})")}
            assert wanted <= refs, (table, refs)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("SELECT count(*) FROM contradictions WHERE article_id IS NULL").fetchone()[0] == 0


def test_keys_are_the_document_ids(examples_db: Path) -> None:
    from headwater.document import build

    with Store(examples_db) as store:
        doc = build(store)
        for table, part in (("articles", "articles"), ("places", "places"), ("attributions", "attributions"),
                            ("events", "events")):
            keys = {r[0] for r in store.db.execute(f"SELECT key FROM {table}")}
            assert {x["id"] for x in doc[part]} <= keys, table


def test_an_older_database_opens_and_gains_search(examples_db: Path, tmp_path: Path) -> None:
    """A database written before migration 6 (FTS declared with single quotes, no keys, no foreign
    keys on the link tables) opens, keeps its rows and becomes searchable in Datasette."""
    from headwater.store import MIGRATIONS

    old = tmp_path / "old.db"
    con = sqlite3.connect(old)
    for n, script in enumerate(MIGRATIONS[:5], 1):
        con.executescript(f"BEGIN; {script}; PRAGMA user_version = {n}; COMMIT;")
    con.execute("INSERT INTO runs(id, started_at, headwater_version, inputs) VALUES (1, 'x', '0', '[]')")
    con.execute("INSERT INTO articles(id, content_hash, source, title, text, analyzer, added_at) "
                "VALUES (7, 'h', 'in.txt', 'Prison break', 'Fighters escaped Ghwayran prison.', 'old', 'x')")
    con.execute("INSERT INTO places(article_id, surface, data) VALUES (7, 'Ghwayran', '{}')")
    con.execute("INSERT INTO narratives(id, label, data) VALUES ('n1', 'x', '{}')")
    con.execute("INSERT INTO stories(id, article_id) VALUES ('s1', 7)")
    con.execute("INSERT INTO contradictions(narrative_id, slot, data) VALUES ('n1', 'count', "
                "'{\"article_ids\": [\"a7\", \"a7\"]}')")
    con.execute("INSERT INTO provenance_edges(narrative_id, source, cites, article_id) VALUES ('n1', 'A', 'B', 7)")
    con.commit()
    con.close()
    with Store(old) as store:
        assert store.db.execute("SELECT key FROM articles").fetchone()[0] == "a7"
        assert store.db.execute("SELECT key FROM places").fetchone()[0] == "a7.p1"
        assert store.db.execute("SELECT article_id FROM contradictions").fetchone()[0] == 7
        assert store.db.execute("SELECT count(*) FROM provenance_edges").fetchone()[0] == 1
        assert store.db.execute("SELECT id FROM story_ids").fetchone()[0] == "s1"
    copy = tmp_path / "copy.db"
    shutil.copy(old, copy)
    write_metadata(copy)
    assert _get(copy, "/copy/articles.json?_search=Ghwayran&_shape=objects")["rows"][0]["key"] == "a7"
