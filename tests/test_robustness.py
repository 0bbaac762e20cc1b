"""No input stops a run (issue 17): each case of the issue, and generated malformed inputs through the full analyze."""
from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

import headwater
from headwater.cli import main
from headwater.enrich.parse import parse, pieces
from headwater.extract.html import extract_html
from headwater.ingest import bounded, iter_inputs
from headwater.ingest.bounded import BoundedGunzip, LimitExceeded, json_depth, loads_bounded
from headwater.ingest.failures import describe
from headwater.model import InputError
from headwater.pipeline import AnalyzeOptions
from headwater.resources import Resources

from .malformed import GOOD_BODY, account, generate

NO_URI = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nshort"


def _good(folder: Path, n: int = 2) -> None:
    for i in range(n):
        (folder / f"good{i}.txt").write_text(f"Harbour reopens {i}\n\n" + GOOD_BODY.format(n=f"Report {i}"))


def _run(folder: Path, out: Path, resources: Resources) -> tuple[headwater.Analysis, dict[str, str]]:
    r = headwater.analyze([str(folder)], out, AnalyzeOptions(workers=1, write_outputs=False), resources=resources)
    return r, {Path(e.source.split("#")[0].split(":")[0]).name: e.reason for e in r.errors}


def test_a_warc_record_without_target_uri_is_its_own_error(tmp_path: Path, resources: Resources) -> None:
    (tmp_path / "in").mkdir()
    _good(tmp_path / "in")
    (tmp_path / "in" / "x.warc").write_bytes(NO_URI)
    (tmp_path / "in" / "y.warc.gz").write_bytes(gzip.compress(NO_URI)[:-6])  # truncated too
    r, errors = _run(tmp_path / "in", tmp_path / "out", resources)
    assert r.analyzed == 2 and r.summary["articles"] == 2
    assert set(errors) == {"x.warc", "y.warc.gz"}
    assert "truncated" in errors["y.warc.gz"]


def test_a_record_without_uri_does_not_hide_the_records_after_it(tmp_path: Path) -> None:
    good = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.test/a\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: 68\r\n\r\n"
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Story of the day.</p>\r\n\r\n")
    noisy = NO_URI + b"\r\n\r\n" + good
    path = tmp_path / "two.warc.gz"
    path.write_bytes(gzip.compress(noisy))
    items = list(iter_inputs([str(path)]))
    ok = [i for i in items if not isinstance(i, InputError)]
    assert [(i.meta.get("url"), i.content.strip()) for i in ok] == [
        (None, "short"), ("http://example.test/a", "<p>Story of the day.</p>")]


def test_a_deeply_nested_json_line_is_refused_and_the_others_read(tmp_path: Path, resources: Resources) -> None:
    (tmp_path / "in").mkdir()
    _good(tmp_path / "in")
    lines = [json.dumps({"text": GOOD_BODY.format(n="json line")}), "[" * 2000 + "]" * 2000, '{"text": ' + "[" * 5000]
    (tmp_path / "in" / "n.jsonl").write_text("\n".join(lines))
    r, _ = _run(tmp_path / "in", tmp_path / "out", resources)
    assert r.analyzed == 3
    reasons = sorted((e.source.rsplit(":", 1)[1], e.reason) for e in r.errors)
    assert [n for n, _ in reasons] == ["2", "3"] and all("nested" in why and "deep" in why for _, why in reasons)


def test_json_depth_ignores_brackets_in_strings() -> None:
    assert json_depth('{"a": "[[[[{{{{", "b": [1, {"c": "]]]"}]}') == 3
    assert loads_bounded('{"t": "x"}') == {"t": "x"}
    with pytest.raises(LimitExceeded):
        loads_bounded("[" * 100 + "]" * 100, max_depth=64)


def test_a_gzip_bomb_is_refused_before_it_expands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  resources: Resources) -> None:
    monkeypatch.setattr(bounded, "FREE_BYTES", 1 << 20)  # the same rule, at a test's scale
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = z.compress(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.test/\r\nContent-Length: 67108864\r\n\r\n")
    bomb += b"".join(z.compress(b"\0" * (1 << 20)) for _ in range(64)) + z.flush()
    (tmp_path / "in").mkdir()
    _good(tmp_path / "in")
    (tmp_path / "in" / "bomb.warc.gz").write_bytes(bomb)
    r, errors = _run(tmp_path / "in", tmp_path / "out", resources)
    assert r.analyzed == 2 and "decompression bomb" in errors["bomb.warc.gz"]


def test_bounded_gunzip_reads_every_member() -> None:
    import io

    data = [b"first member " * 1000, b"", b"second " * 5000, b"third"]
    stream = b"".join(gzip.compress(d) for d in data)
    assert io.BufferedReader(BoundedGunzip(io.BytesIO(stream))).read() == b"".join(data)


def test_long_texts_are_parsed_in_pieces_with_offsets_kept() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.max_length = 2_000  # spaCy's E088 refusal, at a test's scale
    text = ("Officials said the port reopened. " * 20 + "\n\n") * 5 + "Some say. " * 200 + "x" * 3_000 + " tail."
    doc = parse(nlp, text, limit=1_000)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t)] == t.text for t in doc)
    parts = list(pieces(text, 1_000))
    assert "".join(parts) == text and all(len(p) <= 1_000 for p in parts)
    assert parts[0].endswith("\n\n")  # cut at a paragraph break, where there is one


def test_a_text_over_spacys_max_length_is_analyzed(tmp_path: Path, resources: Resources) -> None:
    nlp = resources.nlp
    saved = nlp.max_length
    nlp.max_length = 3_000  # so a short text stands for a 2 MB one; pieces of CHUNK_CHARS would still be refused
    try:
        import importlib

        parse_module = importlib.import_module("headwater.enrich.parse")
        old = parse_module.CHUNK_CHARS
        parse_module.CHUNK_CHARS = 2_000
        try:
            (tmp_path / "in").mkdir()
            (tmp_path / "in" / "long.txt").write_text("Harbour reopens\n\n" + "\n\n".join(
                GOOD_BODY.format(n=f"Part {i}") for i in range(12)))
            r, errors = _run(tmp_path / "in", tmp_path / "out", resources)
        finally:
            parse_module.CHUNK_CHARS = old
    finally:
        nlp.max_length = saved
    assert errors == {} and r.analyzed == 1
    doc = r.document
    (art,) = doc["articles"]
    assert len(art["text"]) > 3_000 and doc["attributions"]
    assert all(art["text"][p["start"]:p["end"]] == p["surface"] for p in doc["places"] if p.get("start") is not None)


def test_deeply_nested_html_still_gives_its_text() -> None:
    body = GOOD_BODY.format(n="nested")
    page = "<html><head><title>Harbour</title></head><body>" + "<div>" * 100_000 + f"<p>{body}</p>" + "</div>" * 100_000
    text = extract_html(page + "</body></html>").text
    assert "harbour would reopen" in text


def test_failures_name_the_input_and_say_whose_fault() -> None:
    try:
        json_depth(None)  # type: ignore[arg-type]  # a bug of ours: raised inside headwater
    except TypeError as exc:
        ours = describe(exc, "reading")
    assert "bug in headwater" in ours and "bounded.py" in ours
    try:
        json.loads("[" * 100_000 + "]" * 100_000)
    except RecursionError as exc:
        assert describe(exc, "reading") == "reading failed: too deeply nested to process"
    try:
        raise MemoryError
    except MemoryError as exc:
        assert "out of memory" in describe(exc, "analysis")


def test_an_enricher_crashing_loses_one_input_with_its_name(tmp_path: Path, resources: Resources) -> None:
    from headwater.enrich import Enricher

    def boom(ctx: object) -> None:
        if "Report 1" in ctx.article.text:  # type: ignore[attr-defined]
            raise RecursionError("maximum recursion depth exceeded")

    (tmp_path / "in").mkdir()
    _good(tmp_path / "in", 3)
    r = headwater.analyze([str(tmp_path / "in")], tmp_path / "out", AnalyzeOptions(workers=1, write_outputs=False),
                          resources=resources, enrichers=[Enricher("boom/1", (), (), boom)])
    assert r.analyzed == 2 and [Path(e.source).name for e in r.errors] == ["good1.txt"]
    assert "too deeply nested" in r.errors[0].reason


def test_claims_import_of_a_file_without_claims_fails(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# A project\n\nSome words, no claims.\n")
    res = CliRunner().invoke(main, ["claims", "import", str(readme), "--db", str(tmp_path / "h.db")])
    assert res.exit_code != 0 and "no known claims" in res.output


def test_serve_refuses_an_impossible_port_without_a_traceback(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    from headwater.store import Store

    Store(db).close()
    res = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", "99999"])
    assert res.exit_code == 2 and "99999" in res.output and "Traceback" not in res.output


def test_generated_malformed_inputs_never_crash_a_run(tmp_path: Path, resources: Resources) -> None:
    inputs = generate(tmp_path / "in", 40, seed=7, good_share=0.15)
    headwater.analyze([str(tmp_path / "in")], tmp_path / "out", AnalyzeOptions(workers=1, write_outputs=False),
                      resources=resources)
    got = account(tmp_path / "out" / "headwater.db", inputs)
    assert got["bugs"] == [] and got["unaccounted"] == [] and got["lost"] == []
    assert any(good for _, good in inputs) and got["errors"]
