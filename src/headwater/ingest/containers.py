"""Containers holding many articles: JSON lines and WARC archives."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator

from headwater.ingest.decode import DecodeError, decode, digest, raw_input, text_input
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
            if isinstance(json.loads(line), dict):
                return "jsonl"
        except ValueError:
            pass
    return "text"


def read_jsonl(path: str, max_bytes: int, text: str | None = None) -> Iterator[RawInput | InputError]:
    """One article per line: {"text" | "html": ..., "url"?, "title"?, "published"?, "outlet"?}."""
    if text is None:
        try:
            with open(path, "rb") as fh:
                raw = fh.read()
            text, _ = decode(raw)
        except OSError as exc:
            yield InputError(path, f"cannot read: {exc.strerror or exc}")
            return
        except DecodeError as exc:
            yield InputError(path, str(exc))
            return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        src = f"{path}:{n}"
        if len(line) > max_bytes:
            yield InputError(src, f"too large: over {max_bytes:,} bytes (see --max-bytes)")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(src, f"not valid JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(obj, dict):
            yield InputError(src, "not a JSON object")
            continue
        body, kind = obj.get("html"), "html"
        if not isinstance(body, str) or not body.strip():
            body, kind = obj.get("text"), "text"
        if not isinstance(body, str) or not body.strip():
            yield InputError(src, "no 'text' or 'html' field with content")
            continue
        meta = {k: str(obj[k]) for k in META_KEYS if isinstance(obj.get(k), (str, int, float)) and str(obj[k]).strip()}
        if isinstance(obj.get("outlet"), dict) and obj["outlet"].get("name"):
            meta["outlet"] = str(obj["outlet"]["name"])
        if isinstance(obj.get("source"), str) and obj["source"].strip():
            src = obj["source"].strip()  # a line may say which file or page it stands for
        yield RawInput(source=src, content=body, kind=kind,  # type: ignore[arg-type]
                       meta=meta, digest=digest(line.encode("utf-8")))


def read_warc(path: str, max_bytes: int) -> Iterator[RawInput | InputError]:
    """HTML and text responses (and resource records) of a WARC file, one article each."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed by the with below; opening errors are reported first
    except OSError as exc:
        yield InputError(path, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        n = records = 0
        try:
            for record in ArchiveIterator(fh):
                if record.format != "warc" and not str(record.rec_headers.get_header("uri") or "").startswith(
                        ("http", "dns:", "filedesc:")):
                    raise ValueError("no WARC or ARC record header at the start")  # warcio reads any text as ARC
                records += 1
                if record.rec_type not in ("response", "resource"):
                    continue
                n += 1
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"record-{n}"
                src = f"{path}#{uri}"
                ctype = ""
                if record.http_headers is not None:
                    if record.rec_type == "response" and record.http_headers.get_statuscode() not in ("200", None):
                        yield InputError(src, f"HTTP {record.http_headers.get_statuscode()} in the archive")
                        continue
                    ctype = record.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = record.rec_headers.get_header("Content-Type") or ""
                if ctype and not any(t in ctype for t in ("html", "text/plain", "xhtml")):
                    continue  # images, scripts and styles are part of a capture, not articles
                data = record.content_stream().read(max_bytes + 1)
                m = re.search(r"charset=([\w-]+)", ctype)
                text = text_input(src, data, max_bytes, m.group(1) if m else None)
                if isinstance(text, InputError):
                    yield text
                    continue
                yield raw_input(src, data, text, "text" if "text/plain" in ctype else "html",
                                {"url": uri} if uri.startswith("http") else {})
        except (ArchiveLoadFailed, OSError, ValueError) as exc:
            yield InputError(path, f"not a readable WARC archive: {exc}")
            return
        if records == 0:
            yield InputError(path, "not a readable WARC archive: no records in it")
        elif n == 0:
            yield InputError(path, f"no responses in the archive ({records} records of other types)")
