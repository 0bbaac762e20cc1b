"""Ingest: every kind of input becomes articles or a named error; nothing is dropped silently."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from headwater.ingest import IngestOptions, iter_inputs
from headwater.ingest.fetch import FetchPolicy
from headwater.model import InputError, RawInput

from .conftest import EXAMPLES


def split(items: list[RawInput | InputError]) -> tuple[list[RawInput], list[InputError]]:
    return [i for i in items if isinstance(i, RawInput)], [i for i in items if isinstance(i, InputError)]


def test_folder_is_read_recursively_and_hidden_files_skipped_with_a_word(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("First article body.")
    (tmp_path / "a" / "b" / "two.html").write_text("<html><body><p>Second.</p></body></html>")
    (tmp_path / ".hidden.txt").write_text("not content")
    ok, bad = split(list(iter_inputs([str(tmp_path)])))
    assert sorted((Path(r.source).name, r.kind) for r in ok) == [("one.txt", "text"), ("two.html", "html")]
    assert [(Path(e.source).name, e.reason.split(",")[0]) for e in bad] == [(".hidden.txt", "hidden")]  # said, not silent


def test_glob_and_missing_inputs_are_named(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Some text here.")
    ok, bad = split(list(iter_inputs([str(tmp_path / "*.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "*.md")])))
    assert len(ok) == 1
    assert [(Path(e.source).name, e.reason) for e in bad] == [
        ("nope.txt", "no such file or folder"), ("*.md", "no file matches this pattern")]


def test_stdin_text_and_jsonl() -> None:
    ok, _ = split(list(iter_inputs(["-"], IngestOptions(stdin=io.BytesIO(b"Plain article from a pipe.")))))
    assert ok[0].source == "<stdin>" and ok[0].kind == "text"
    lines = b'{"text": "one", "title": "T1"}\n{"html": "<p>two</p>", "url": "https://example.org/a"}\n'
    ok, _ = split(list(iter_inputs(["-"], IngestOptions(stdin=io.BytesIO(lines)))))
    assert [(r.kind, r.meta) for r in ok] == [("text", {"title": "T1"}), ("html", {"url": "https://example.org/a"})]


def test_jsonl_bad_lines_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join([
        json.dumps({"text": "Good article.", "published": "2020-01-02", "outlet": "Reuters"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no body"}),
        json.dumps({"text": "Another good one."}),
    ]))
    ok, bad = split(list(iter_inputs([str(f)])))
    assert [r.content for r in ok] == ["Good article.", "Another good one."]
    assert ok[0].meta == {"published": "2020-01-02", "outlet": "Reuters"}
    assert [e.source.rsplit(":", 1)[1] for e in bad] == ["2", "3", "4"]
    assert "not valid JSON" in bad[0].reason and "no 'text' or 'html'" in bad[2].reason


def test_jsonl_is_streamed_line_by_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import headwater.ingest.containers as containers

    f = tmp_path / "big.jsonl"
    good = json.dumps({"text": "A good article of some words."})
    with open(f, "w", encoding="utf-8", newline="") as fh:
        fh.write(good + "\r\n")
        fh.write(json.dumps({"text": "x" * 5000}) + "\n")  # longer than the cap below: skipped, named
        fh.write(json.dumps({"text": "Caf\u00e9 line after it."}, ensure_ascii=False) + "\n")
        for _ in range(20000):
            fh.write(good + "\n")
    monkeypatch.setattr(containers, "SNIFF_BYTES", 4096)
    opened: list[io.BufferedReader] = []
    real_open = open

    def spy(path: str, mode: str = "r", *a: object, **k: object) -> object:
        fh = real_open(path, mode, *a, **k)  # type: ignore[call-overload]
        if str(path) == str(f):
            opened.append(fh)
        return fh

    monkeypatch.setattr("builtins.open", spy)
    items = iter_inputs([str(f)], IngestOptions(max_bytes=1000))
    first = [next(items) for _ in range(3)]
    assert opened and opened[0].tell() < 64 * 1024  # three articles read, the 700 KB file is not
    ok, bad = split(first)
    assert [r.content for r in ok] == ["A good article of some words.", "Café line after it."]
    assert [(e.source.rsplit(":", 1)[1], e.reason.split(":")[0]) for e in bad] == [("2", "too large")]
    assert sum(1 for _ in items) == 20000


def test_jsonl_line_in_another_encoding_is_read_or_named(tmp_path: Path) -> None:
    f = tmp_path / "latin.jsonl"
    f.write_bytes(json.dumps({"text": "Caf\u00e9 au lait."}, ensure_ascii=False).encode("latin-1") + b"\n"
                  + json.dumps({"text": "Plain."}).encode() + b"\n")
    ok, bad = split(list(iter_inputs([str(f)])))
    assert [r.content for r in ok] == ["Café au lait.", "Plain."] and not bad
    empty = tmp_path / "blank.jsonl"
    empty.write_text("\n  \n")
    ok, bad = split(list(iter_inputs([str(empty)])))
    assert not ok and [e.reason for e in bad] == ["empty: no JSON lines in it"]


# warcio's writer leaves a spooled temporary file for the garbage collector: the test's writer, not headwater.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_warc_html_responses_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for uri, ctype, body, status in [
            ("https://news.example/a", "text/html; charset=utf-8", "<html><body><p>Story A</p></body></html>", "200 OK"),
            ("https://news.example/logo.png", "image/png", "\x89PNG", "200 OK"),
            ("https://news.example/gone", "text/html", "gone", "404 Not Found"),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body.encode("latin-1")),
                                                http_headers=headers))
    ok, bad = split(list(iter_inputs([str(path)])))
    assert [(r.kind, r.meta["url"]) for r in ok] == [("html", "https://news.example/a")]
    assert len(bad) == 1 and "HTTP 404" in bad[0].reason


def test_bad_files_get_one_clear_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "big.txt").write_bytes(b"word " * 400)
    (tmp_path / "broken.warc.gz").write_bytes(gzip.compress(b"this is not a warc"))
    ok, bad = split(list(iter_inputs([str(tmp_path)], IngestOptions(max_bytes=1000))))
    reasons = {Path(e.source).name: e.reason for e in bad}
    assert ok == []
    assert reasons["empty.txt"] == "empty: no text in it"
    assert reasons["image.txt"].startswith("not text: looks like a PNG image")
    assert reasons["big.txt"].startswith("too large: 2,000 bytes")
    assert "not a readable WARC" in reasons["broken.warc.gz"]


def test_mis_encoded_text_is_decoded_not_dropped(tmp_path: Path) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes("Le président a déclaré à l'AFP que la réunion était terminée.".encode("cp1252"))
    ok, bad = split(list(iter_inputs([str(f)])))
    assert bad == [] and "président" in ok[0].content


def test_examples_are_read_with_digests() -> None:
    ok, bad = split(list(iter_inputs([str(EXAMPLES)])))
    assert len(ok) == 5 and not bad
    assert len({r.digest for r in ok}) == 5


def test_urls_are_fetched_from_a_local_server_only_when_allowed(site: tuple[str, Path]) -> None:
    base, root = site
    (root / "story.html").write_text("<html><head><title>Local story</title></head><body><p>Body.</p></body></html>")
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    (root / "private").mkdir()
    (root / "private" / "x.html").write_text("<p>secret</p>")
    allowed = IngestOptions(fetch=FetchPolicy(allow_private=True, timeout=5))
    ok, bad = split(list(iter_inputs([f"{base}/story.html", f"{base}/missing.html", f"{base}/private/x.html"], allowed)))
    assert [r.meta["url"] for r in ok] == [f"{base}/story.html"]
    assert [e.reason for e in bad] == ["HTTP 404 File not found", "refused by the site's robots.txt"]
    _, refused = split(list(iter_inputs([f"{base}/story.html"])))
    assert "private or loopback" in refused[0].reason and "--allow-private" in refused[0].reason


def test_dead_host_and_bad_scheme_are_errors() -> None:
    _, bad = split(list(iter_inputs(["http://127.0.0.1:9/nothing-listens-here"],
                                    IngestOptions(fetch=FetchPolicy(allow_private=True, timeout=3)))))
    assert bad[0].reason.startswith("cannot connect")


def test_a_broken_warc_is_named_without_quoting_its_bytes(tmp_path: Path) -> None:
    f = tmp_path / "broken.warc"
    f.write_bytes(b"WARC/9.9 <script>secret-token-123</script>\r\nfoo\r\n\r\n")
    ok, bad = split(list(iter_inputs([str(f)])))
    assert not ok and len(bad) == 1 and bad[0].reason.startswith("not a readable WARC archive")
    assert "secret-token" not in bad[0].reason and "<script>" not in bad[0].reason
