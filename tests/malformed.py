"""A generator of malformed inputs of every kind headwater reads (txt, html, jsonl, warc, warc.gz),
with good articles among them, for the fuzz test (small) and benchmarks/fuzz_bench.py (10,000).

``generate(folder, n, seed)`` writes n files and returns, for each, its path and whether it is a
good article (which must be stored) or malformed (which may be analyzed or listed in errors, but
must never crash the run). Sizes stay small (a few KB, a few MB at most for the rare large cases)
so thousands of inputs run in minutes.
"""
from __future__ import annotations

import gzip
import io
import json
import random
import zlib
from collections.abc import Callable
from pathlib import Path

GOOD_BODY = ("{n}: Officials in the port city said on Monday that the harbour would reopen after a storm closed it "
             "for three days. Ferries resumed their schedules and fishing boats returned to sea, the port authority "
             "said in a statement.\n\nThe mayor told reporters that repairs to the breakwater would take a week. "
             "\"We expect the harbour to be fully open by Friday,\" she said.\n")
WORDS = ("the minister said on Monday talks Geneva resume officials Syria Turkey met Ankara ceasefire police reported "
         "über café naïve 東京 مرحبا Привет “quoted” — … \t").split(" ")


def _text(r: random.Random, words: int) -> str:
    return " ".join(r.choice(WORDS) for _ in range(words))


def _bytes(r: random.Random, n: int) -> bytes:
    return bytes(r.getrandbits(8) for _ in range(n))


def _mutate(r: random.Random, data: bytes) -> bytes:
    """Truncate, flip, insert or re-encode a few bytes of data."""
    ops = r.randint(1, 3)
    for _ in range(ops):
        what = r.random()
        if not data:
            break
        i = r.randrange(len(data))
        if what < 0.3:
            data = data[:i]
        elif what < 0.6:
            data = data[:i] + _bytes(r, r.randint(1, 8)) + data[i + 1:]
        elif what < 0.8:
            data = data[:i] + r.choice([b"\x00", b"\xff\xfe", b"<", b"{", b"\r\n\r\n", b"\xed\xa0\x80", b"]]>"]) + data[i:]
        else:
            data = data.decode("utf-8", "replace").encode(r.choice(["utf-16", "latin-1", "cp1252"]), "replace")
    return data


# Malformed inputs, by kind -------------------------------------------------------------------
def bad_txt(r: random.Random) -> bytes:
    return r.choice([
        lambda: b"",
        lambda: b" \n\t " * r.randint(1, 50),
        lambda: _bytes(r, r.randint(1, 4000)),
        lambda: _mutate(r, GOOD_BODY.format(n=r.random()).encode()),
        lambda: _text(r, r.randint(1, 3000)).encode(r.choice(["utf-8", "utf-16", "utf-32"])),
        lambda: (_text(r, 200) + "\x00\x01\x02" * r.randint(1, 300)).encode(),
        lambda: ("x" * r.randint(1000, 200_000)).encode(),  # one long "word"
        lambda: b"\xef\xbb\xbf" + _bytes(r, 200),
        lambda: "\n".join("." * r.randint(0, 5) for _ in range(r.randint(1, 3000))).encode(),
    ])()


def bad_html(r: random.Random) -> bytes:
    depth = r.choice([10, 300, 3000, 20_000])
    body = GOOD_BODY.format(n=r.random())
    return r.choice([
        lambda: ("<html><body>" + "<div>" * depth + f"<p>{body}</p>" + "</div>" * depth + "</body></html>").encode(),
        lambda: ("<p>" * depth + body).encode(),  # never closed
        lambda: f"<html><head><title>{'t' * r.randint(0, 5000)}</title></head><body>{body}".encode()[:r.randint(0, 400)],
        lambda: b"<html><body><script>" + b"var x=1;" * r.randint(1, 5000) + b"</script></body></html>",
        lambda: ("<html><body>" + "&#x0;&#xD800;&#99999999;&amp" * r.randint(1, 2000) + "</body></html>").encode(),
        lambda: f'<html><body><a href="{"javascript:" * 500}">x</a><p {"a=b " * 5000}>{body}</p></body></html>'.encode(),
        lambda: _mutate(r, f"<html><head><meta charset='utf-8'></head><body><article><p>{body}</p></article></body></html>"
                        .encode()),
        lambda: "<!DOCTYPE html><html><head><meta charset=\"x-unknown-charset\"></head><body><p>caf\xe9</p></body></html>".encode(
            "latin-1"),
        lambda: b"<html>" + _bytes(r, r.randint(0, 3000)),
        lambda: b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;'>]><html>&b;</html>",
    ])()


def bad_jsonl(r: random.Random) -> bytes:
    depth = r.choice([5, 100, 2000, 50_000])
    good = json.dumps({"text": GOOD_BODY.format(n=r.random()), "title": "Harbour reopens"})
    lines = [r.choice([
        lambda: "[" * depth + "]" * depth,
        lambda: '{"text": ' + "[" * depth + "]" * depth + "}",
        lambda: "{" * depth,
        lambda: '{"text": "\\ud800 lone surrogate ' + "x" * r.randint(0, 300) + '"}',
        lambda: '{"text": 1e999999, "html": null}',
        lambda: '{"html": "' + "<div>" * depth + 'text"}',
        lambda: json.dumps({"text": _text(r, r.randint(0, 300)), "url": _text(r, 3), "published": _text(r, 2),
                            "outlet": {"name": {"x": 1}}, "source": 12}),
        lambda: good[:r.randint(0, len(good))],
        lambda: "\x00\x01" + good,
        lambda: json.dumps([1, 2, 3]),
        lambda: good,
    ])() for _ in range(r.randint(1, 6))]
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def _warc_record(uri: str | None, payload: bytes, *, http: bool = True, length_delta: int = 0,
                 rec_type: str = "response") -> bytes:
    block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + payload) if http else payload
    head = [b"WARC/1.0", b"WARC-Type: " + rec_type.encode(), b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>",
            b"WARC-Date: 2024-01-01T00:00:00Z"]
    if uri is not None:
        head.append(b"WARC-Target-URI: " + uri.encode())
    if http:
        head.append(b"Content-Type: application/http; msgtype=response")
    head.append(b"Content-Length: " + str(len(block) + length_delta).encode())
    return b"\r\n".join(head) + b"\r\n\r\n" + block + b"\r\n\r\n"


def bad_warc(r: random.Random) -> bytes:
    body = f"<html><body><p>{GOOD_BODY.format(n=r.random())}</p></body></html>".encode()
    return r.choice([
        lambda: b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nshort",  # no WARC-Target-URI
        lambda: _warc_record(None, body),
        lambda: _warc_record("http://example.test/a", body, length_delta=r.choice([-50, 50, 10_000])),
        lambda: _warc_record("http://example.test/a", body)[:r.randint(0, 300)],
        lambda: _warc_record("dns:example.test", body, http=False, rec_type="resource"),
        lambda: _warc_record("http://example.test/a", b"\x00" * 100 + body),
        lambda: _mutate(r, _warc_record("http://example.test/a", body)),
        lambda: b"WARC/1.0\r\n" + b"X-Header: " + b"h" * r.randint(1, 100_000) + b"\r\n\r\n",
        lambda: _text(r, 50).encode(),
        lambda: _warc_record("http://example.test/ok", body) + _bytes(r, r.randint(0, 500)),
    ])()


def bad_warc_gz(r: random.Random) -> bytes:
    body = f"<html><body><p>{GOOD_BODY.format(n=r.random())}</p></body></html>".encode()
    good = gzip.compress(_warc_record("http://example.test/gz", body))
    return r.choice([
        lambda: good[:r.randint(0, len(good) - 1)],  # truncated
        lambda: gzip.compress(_bytes(r, 500)),
        lambda: gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nshort"),
        lambda: _mutate(r, good),
        lambda: good + _bytes(r, 100),
        lambda: _bomb(r.choice([2, 8]) * 2**20),  # small at this scale: the caps are tested on their own
        lambda: gzip.compress(gzip.compress(_warc_record("http://example.test/gz", body))),
    ])()


def _bomb(size: int) -> bytes:
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = io.BytesIO()
    out.write(z.compress(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.test/\r\nContent-Length: "
                         + str(size).encode() + b"\r\n\r\n"))
    chunk = b"a" * 2**20
    for _ in range(size // 2**20):
        out.write(z.compress(chunk))
    out.write(z.flush())
    return out.getvalue()


KINDS: dict[str, Callable[[random.Random], bytes]] = {
    "txt": bad_txt, "html": bad_html, "jsonl": bad_jsonl, "warc": bad_warc, "warc.gz": bad_warc_gz}


def good(n: int, kind: str) -> bytes:
    """A good article of a kind, unique by n."""
    body = GOOD_BODY.format(n=f"Report {n}")
    if kind == "html":
        return (f"<html><head><title>Harbour reopens {n}</title></head>"
                f"<body><article><p>{body}</p></article></body></html>").encode()
    if kind == "jsonl":
        return json.dumps({"text": body, "title": f"Harbour reopens {n}"}).encode()
    return f"Harbour reopens {n}\n\n{body}".encode()


def generate(folder: Path, n: int, seed: int = 0, good_share: float = 0.05) -> list[tuple[Path, bool]]:
    """Write n inputs into folder; returns (path, is_good) for each."""
    r = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out: list[tuple[Path, bool]] = []
    kinds = list(KINDS)
    for i in range(n):
        if r.random() < good_share:
            kind = r.choice(["txt", "html", "jsonl"])
            path = folder / f"{i:05d}-good.{kind}"
            path.write_bytes(good(i, kind))
            out.append((path, True))
            continue
        kind = kinds[i % len(kinds)]
        path = folder / f"{i:05d}-bad.{kind}"
        path.write_bytes(KINDS[kind](r))
        out.append((path, False))
    return out


def account(db: Path, inputs: list[tuple[Path, bool]]) -> dict[str, list[str]]:
    """What became of each input, read from the run's database: "stored" (an article or a duplicate
    of one), "errors" ("path: reason"), "bugs" (an error that is a bug in headwater), "lost" (a good
    input not stored) and "unaccounted" (neither stored nor listed: a silent drop)."""
    import re
    import sqlite3

    con = sqlite3.connect(str(db))
    base = lambda s: re.split(r"[#:]", s, maxsplit=1)[0]  # noqa: E731 - a WARC record's or a JSON line's file
    stored = {base(s) for (s,) in con.execute("SELECT source FROM inputs")}
    errors = [(base(s), s, reason) for s, reason in con.execute("SELECT source, reason FROM errors")]
    con.close()
    failed = {b for b, _, _ in errors}
    out: dict[str, list[str]] = {"stored": [], "errors": [f"{s}: {why}" for _, s, why in errors],
                                 "bugs": [f"{s}: {why}" for _, s, why in errors if "bug in headwater" in why],
                                 "lost": [], "unaccounted": []}
    for path, is_good in inputs:
        p = str(path)
        if p in stored:
            out["stored"].append(p)
        if is_good and p not in stored:
            out["lost"].append(p)
        if p not in stored and p not in failed:
            out["unaccounted"].append(p)
    return out
