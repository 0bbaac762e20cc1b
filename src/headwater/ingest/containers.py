"""Containers holding many articles: JSON lines (WARC archives are in ``ingest.warc``)."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator

from headwater.ingest.bounded import LimitExceeded, loads_bounded
from headwater.ingest.decode import DecodeError, decode, digest, sniff_binary
from headwater.model import InputError, RawInput

# Keys a JSON line may carry about its article, as the README documents them.
META_KEYS = ("url", "title", "published", "outlet")
_HTML_START = re.compile(r"\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I)


def sniff_kind(text: str) -> str:
    """Guess 'html', 'jsonl' or 'text' for content of unknown type."""
    if _HTML_START.match(text[:2000]):
        return "html"
    first = text.lstrip()[:1]
    if first == "{":
        line = text.lstrip().split("\n", 1)[0]
        try:
            if isinstance(loads_bounded(line), dict):
                return "jsonl"
        except (ValueError, RecursionError):
            pass
    return "text"


# Bytes read to guess the encoding of a JSON-lines file that is not UTF-8 (the rest is not held).
SNIFF_BYTES = 1 << 20
# Bytes read at a time while skipping the rest of a line that is too long.
SKIP_CHUNK = 1 << 20


def read_jsonl(path: str, max_bytes: int, text: str | None = None) -> Iterator[RawInput | InputError]:
    """One article per line: {"text" | "html": ..., "url"?, "title"?, "published"?, "outlet"?}.
    A file is streamed line by line (a 50 GB file needs no more memory than its longest line, capped
    at ``max_bytes``); ``text`` is JSON lines already in memory (stdin, a fetched page)."""
    if text is not None:
        if not text.strip():
            yield InputError(path, "empty: no JSON lines in it")
        for n, line in enumerate(text.split("\n"), 1):
            yield from _line(f"{path}:{n}", line.rstrip("\r"), max_bytes)
        return
    try:
        fh = open(path, "rb")  # noqa: SIM115 -- closed by the with below; an open error is this input's
    except OSError as exc:
        yield InputError(path, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        head = fh.read(SNIFF_BYTES)
        what = sniff_binary(head)
        if what:
            yield InputError(path, f"not text: looks like {what}")
            return
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16/32: lines are not split on a byte; read whole
            try:
                whole, _ = decode(head + fh.read())
            except DecodeError as exc:
                yield InputError(path, str(exc))
                return
            yield from read_jsonl(path, max_bytes, text=whole)
            return
        fallback: list[str] = []  # the file's encoding when a line is not UTF-8, guessed once from its head
        fh.seek(0)
        n = found = 0
        while True:
            raw = fh.readline(max_bytes + 1)
            if not raw:
                break
            n += 1
            src = f"{path}:{n}"
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # the rest of the line is skipped, not held
                    raw = fh.readline(SKIP_CHUNK)
                yield InputError(src, f"too large: over {max_bytes:,} bytes (see --max-bytes)")
                continue
            decoded = _decoded(raw[3:] if n == 1 and raw.startswith(b"\xef\xbb\xbf") else raw, head, fallback)
            if decoded is None:
                yield InputError(src, "not text: no encoding decodes this line")
                continue
            for item in _line(src, decoded.rstrip("\r\n"), max_bytes):
                found += 1
                yield item
        if not found:
            yield InputError(path, "empty: no JSON lines in it")


def _decoded(raw: bytes, head: bytes, fallback: list[str]) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if not fallback:
        try:
            fallback.append(decode(head)[1])
        except DecodeError:
            fallback.append("")
    try:
        return raw.decode(fallback[0]) if fallback[0] else None
    except (UnicodeDecodeError, LookupError):
        return None


def _line(src: str, line: str, max_bytes: int) -> Iterator[RawInput | InputError]:
    """The article of one JSON line, or the reason it has none (an empty line is nothing)."""
    if not line.strip():
        return
    if len(line) > max_bytes:
        yield InputError(src, f"too large: over {max_bytes:,} bytes (see --max-bytes)")
        return
    try:
        obj = loads_bounded(line)
    except json.JSONDecodeError as exc:
        yield InputError(src, f"not valid JSON: {exc.msg} at column {exc.colno}")
        return
    except LimitExceeded as exc:
        yield InputError(src, f"not read: {exc}")
        return
    except RecursionError:
        yield InputError(src, "not read: too deeply nested")
        return
    if not isinstance(obj, dict):
        yield InputError(src, "not a JSON object")
        return
    body, kind = obj.get("html"), "html"
    if not isinstance(body, str) or not body.strip():
        body, kind = obj.get("text"), "text"
    if not isinstance(body, str) or not body.strip():
        yield InputError(src, "no 'text' or 'html' field with content")
        return
    meta = {k: str(obj[k]) for k in META_KEYS if isinstance(obj.get(k), (str, int, float)) and str(obj[k]).strip()}
    if isinstance(obj.get("outlet"), dict) and obj["outlet"].get("name"):
        meta["outlet"] = str(obj["outlet"]["name"])
    if isinstance(obj.get("source"), str) and obj["source"].strip():
        src = obj["source"].strip()  # a line may say which file or page it stands for
    yield RawInput(source=src, content=body, kind=kind,  # type: ignore[arg-type]
                   meta=meta, digest=digest(line.encode("utf-8")))
