"""Ingest: turn what the user names (files, folders, globs, stdin, URLs) into raw article inputs.

``iter_inputs`` yields one ``RawInput`` per article found, or an ``InputError`` naming the input and
the reason it cannot be read. It never raises for bad input and never drops an input silently.
"""
from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from headwater.ingest.containers import read_jsonl, sniff_kind
from headwater.ingest.decode import raw_input, text_input
from headwater.ingest.failures import describe
from headwater.ingest.fetch import FetchError, FetchPolicy, fetch
from headwater.ingest.warc import read_warc
from headwater.model import InputError, RawInput

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
WARC_EXT = (".warc", ".warc.gz", ".arc.gz")

Item = RawInput | InputError


@dataclass(frozen=True)
class IngestOptions:
    max_bytes: int = 20 * 1024 * 1024  # per article; a bigger one is reported, not read
    fetch: FetchPolicy = field(default_factory=FetchPolicy)
    stdin: BinaryIO | None = None  # what "-" reads; sys.stdin.buffer when None


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def iter_inputs(specs: Iterable[str], options: IngestOptions | None = None) -> Iterator[Item]:
    """Expand input specs into raw articles (or errors), in the order given."""
    opts = options or IngestOptions()
    for spec in specs:
        if spec == "-":
            yield from _guarded("<stdin>", _from_stdin(opts))
        elif is_url(spec):
            yield from _guarded(spec, _from_url(spec, opts))
        elif os.path.isdir(spec):
            yield from _guarded(spec, _from_folder(spec, opts))
        elif os.path.exists(spec):
            yield from _guarded(spec, _from_file(spec, opts))
        elif glob.has_magic(spec):
            matches = sorted(p for p in glob.glob(spec, recursive=True) if os.path.isfile(p))
            if not matches:
                yield InputError(spec, "no file matches this pattern")
            for path in matches:
                yield from _guarded(path, _from_file(path, opts))
        else:
            yield InputError(spec, "no such file or folder")


def _guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """The items of one input (a generator: its reading starts here). Whatever its reader raises (a
    library's RecursionError or MemoryError, a bug of ours) ends that input with an error naming it,
    and the run goes on with the next input."""
    try:
        yield from items
    except Exception as exc:
        yield InputError(source, describe(exc, "reading"))


def _from_stdin(opts: IngestOptions) -> Iterator[Item]:
    stream = opts.stdin or sys.stdin.buffer
    yield from _from_bytes("<stdin>", stream.read(opts.max_bytes + 1), opts, kind=None)


def _from_folder(folder: str, opts: IngestOptions) -> Iterator[Item]:
    files, hidden = _walk(folder)
    for path in hidden:
        # Like git, hidden files and folders are not taken for content, but never without a word.
        yield InputError(path, "hidden, not read (name it on the command line to read it)")
    for path in files:
        yield from _guarded(path, _from_file(path, opts))


def _walk(folder: str) -> tuple[list[str], list[str]]:
    """The files under a folder, sorted, and the hidden files and folders (those not walked)."""
    files: list[str] = []
    hidden: list[str] = []
    for root, dirs, names in os.walk(folder):
        hidden += [os.path.join(root, d) for d in dirs if d.startswith(".")]
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            (hidden if name.startswith(".") else files).append(os.path.join(root, name))
    return sorted(files), sorted(hidden)


def _kind_by_ext(path: str) -> str | None:
    low = path.lower()
    if low.endswith(WARC_EXT):
        return "warc"
    ext = Path(low).suffix
    if ext in TEXT_EXT:
        return "text"
    if ext in HTML_EXT:
        return "html"
    if ext in JSONL_EXT:
        return "jsonl"
    return None


def _from_file(path: str, opts: IngestOptions) -> Iterator[Item]:
    kind = _kind_by_ext(path)
    if kind == "warc":
        yield from read_warc(path, opts.max_bytes)
        return
    if kind == "jsonl":
        yield from read_jsonl(path, opts.max_bytes)
        return
    try:
        size = os.path.getsize(path)
        if size > opts.max_bytes:
            yield InputError(path, f"too large: {size:,} bytes (cap {opts.max_bytes:,}; see --max-bytes)")
            return
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        yield InputError(path, f"cannot read: {exc.strerror or exc}")
        return
    yield from _from_bytes(path, data, opts, kind=kind)


def _from_bytes(source: str, data: bytes, opts: IngestOptions, kind: str | None,
                meta: dict[str, str] | None = None, charset: str | None = None) -> Iterator[Item]:
    text = text_input(source, data, opts.max_bytes, charset)
    if isinstance(text, InputError):
        yield text
        return
    kind = kind or sniff_kind(text)
    if kind == "jsonl":
        yield from read_jsonl(source, opts.max_bytes, text=text)
        return
    yield raw_input(source, data, text, "html" if kind == "html" else "text", meta)


def _from_url(url: str, opts: IngestOptions) -> Iterator[Item]:
    try:
        got = fetch(url, opts.fetch)
    except FetchError as exc:
        yield InputError(url, str(exc))
        return
    if got.content_type not in ("text/html", "application/xhtml+xml", "text/plain"):
        yield InputError(url, f"not an article: content type {got.content_type}")
        return
    kind = "text" if got.content_type == "text/plain" else "html"
    yield from _from_bytes(url, got.body, opts, kind=kind, meta={"url": got.url}, charset=got.charset)
