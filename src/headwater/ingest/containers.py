"""Containers holding many articles: JSON lines (WARC archives are in ``ingest.warc``)."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator

from headwater.ingest.bounded import LimitExceeded, loads_bounded
from headwater.ingest.decode import DecodeError, decode, digest
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
    if not text.strip():
        yield InputError(path, "empty: no JSON lines in it")
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        src = f"{path}:{n}"
        if len(line) > max_bytes:
            yield InputError(src, f"too large: over {max_bytes:,} bytes (see --max-bytes)")
            continue
        try:
            obj = loads_bounded(line)
        except json.JSONDecodeError as exc:
            yield InputError(src, f"not valid JSON: {exc.msg} at column {exc.colno}")
            continue
        except LimitExceeded as exc:
            yield InputError(src, f"not read: {exc}")
            continue
        except RecursionError:
            yield InputError(src, "not read: too deeply nested")
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
