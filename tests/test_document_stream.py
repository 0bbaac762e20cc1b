"""analysis.json streamed from the store is byte for byte the document built whole in memory."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from headwater import document_stream
from headwater.document import build
from headwater.document_stream import write_document
from headwater.export import write_json
from headwater.model import Article, Outlet
from headwater.store import Store


def _both(store: Store, tmp_path: Path, run_id: int | None = None) -> tuple[bytes, bytes, dict[str, object]]:
    whole = build(store, run_id, generated_at="2026-01-01T00:00:00+00:00")
    write_json(whole, tmp_path / "whole.json")
    summary = write_document(store, tmp_path / "streamed.json", run_id, generated_at="2026-01-01T00:00:00+00:00")
    assert summary == whole["summary"]
    return (tmp_path / "whole.json").read_bytes(), (tmp_path / "streamed.json").read_bytes(), summary


def test_the_examples_streamed_in_small_batches(examples_db: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "h.db"
    shutil.copy(examples_db, db)
    monkeypatch.setattr(document_stream, "BATCH", 2)  # five articles: three batches
    with Store(db) as store:
        whole, streamed, summary = _both(store, tmp_path)
    assert streamed == whole
    assert summary["articles"] == 5 and summary["attributions"] and summary["entities"]


def _article(n: int, **kw: object) -> Article:
    return Article(source=f"s{n}.txt", text=f"Text {n} « ünïcode » \u2028 and \"quotes\"", digest=str(n), **kw)  # type: ignore[arg-type]


def test_every_kind_of_part_in_its_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Registered enrichers' findings (working data left out, one named like a linker's part, one like
    the document's own), registered linkers' parts, sources typed by entities, errors of the run."""
    monkeypatch.setattr(document_stream, "BATCH", 1)
    with Store(tmp_path / "h.db") as store:
        run = store.begin_run(["x"], "test")
        src = {"name": "Ivo Grant", "kind": "person", "affiliation": "unknown"}
        store.add_article(_article(1, outlet=Outlet("o1", "Outlet One", "XX", True, "url"), published="2024-03-01",
                                   places=[{"name": "Aleppo", "lat": 36.2, "lon": 37.1},
                                           {"name": "Moscow", "metonymy": True, "score": float("nan")}],
                                   attributions=[{"claim": "c", "sources": [src]}, {"claim": "own voice"}],
                                   findings={"claims": [{"text": "é", "_vector": [0.5]}], "tally": [{"n": 1}],
                                             "places": [{"never": "shown"}]}),
                          run, "test", producers={"claims": "claims/1"})
        store.add_article(_article(2, language="ru", events=[{"type": "attack", "attribution": [src]}],
                                   findings={"claims": [{"text": "b"}]}), run, "test")
        store.add_article(_article(3), run, "test")
        store.add_error(run, "bad.txt", "unreadable <b>")
        entity = {"id": "e:ivo grant", "keys": ["e:ivo grant"], "carry": {"state_affiliated": True, "affiliation": "state",
                                                                          "typed_by": "corpus:e:ivo grant"}}
        store.save_links({"entities": [entity], "stories": [{"id": "s1", "article_ids": ["a1", "a2"]}],
                          "tally": [{"linked": True}], "zeta": [{"z": 1}], "alpha": []},
                         {"entities": "entities/2", "stories": "stories/1", "tally": "t/1", "zeta": "z/1", "alpha": "a/1"})
        whole, streamed, summary = _both(store, tmp_path, run)
    assert streamed == whole
    assert b'"typed_by": "corpus:e:ivo grant"' in streamed and b"_vector" not in streamed and b"never" not in streamed
    assert summary["errors"] == 1 and summary["metonyms"] == 1 and summary["unattributed_claims"] == 1


def test_an_empty_database(tmp_path: Path) -> None:
    with Store(tmp_path / "h.db") as store:
        whole, streamed, _ = _both(store, tmp_path)
    assert streamed == whole


def test_the_report_reads_what_it_shows_and_shows_the_same(examples_db: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from headwater.report import articles, render_document

    db = tmp_path / "h.db"
    shutil.copy(examples_db, db)
    monkeypatch.setattr(document_stream, "BATCH", 2)
    monkeypatch.setattr(articles, "TEXT_LIMIT", 2)  # five articles: three texts are not shown
    with Store(db) as store:
        whole = build(store, generated_at="2026-01-01T00:00:00+00:00")
        page = document_stream.report_document(store, whole["summary"], generated_at="2026-01-01T00:00:00+00:00")
    assert render_document(page) == render_document(whole)
    assert sum(1 for a in page["articles"] if a["text"]) < len(whole["articles"]) and not page["unattributed_claims"]


def test_a_large_corpus_gets_a_digest_page_that_says_serve_shows_it_all(examples_db: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from headwater.report import articles, render_document

    db = tmp_path / "h.db"
    shutil.copy(examples_db, db)
    monkeypatch.setattr(document_stream, "DIGEST_FROM", 3)  # five articles: past it
    monkeypatch.setattr(articles, "TEXT_LIMIT", 2)
    with Store(db) as store:
        whole = build(store, generated_at="2026-01-01T00:00:00+00:00")
        page = document_stream.report_document(store, whole["summary"], generated_at="2026-01-01T00:00:00+00:00")
    narratives = whole["narratives"]
    assert narratives  # the examples retell one claim: the digest keeps the largest narratives
    assert [n["id"] for n in page["narratives"]] == [n["id"] for n in narratives][:document_stream.DIGEST_NARRATIVES]
    # the articles the narratives rest on come first, up to the texts the page shows
    evidence = {a for n in narratives for a in n["article_ids"]}
    assert 0 < len(page["articles"]) <= len(evidence) and {a["id"] for a in page["articles"]} <= evidence
    held = {a["id"] for a in page["articles"]}
    assert all(p["article_id"] in held for p in page["places"] + page["attributions"] + page["events"])
    assert page["digest"]["articles"] == 5 and page["summary"] == whole["summary"]
    html = render_document(page)
    assert "5 articles · generated" in html and "<code>headwater serve</code> is the better view" in html
