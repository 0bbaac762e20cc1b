"""WARC (and ARC) archives: HTML and text responses, and resource records, one article each.

Each record is read on its own: a malformed record (no WARC-Target-URI, unparseable HTTP headers)
is that record's error and the records after it are still read. A gzip-compressed archive is
decompressed under ``bounded``'s caps, so a decompression bomb is refused, not expanded.
"""
from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from headwater.ingest.bounded import BoundedGunzip, LimitExceeded
from headwater.ingest.decode import raw_input, text_input
from headwater.ingest.failures import describe
from headwater.model import InputError, RawInput

_ARTICLE_TYPES = ("html", "text/plain", "xhtml")


def _http_headers(record: Any, uri: str) -> Any:
    """The HTTP status and headers opening a response record, or None when it holds none.

    warcio parses them itself only for records whose URI is http(s), and fails on a record with
    no URI at all; so records are read unparsed and the headers parsed here."""
    from warcio.statusandheaders import StatusAndHeadersParser

    ctype = str(record.rec_headers.get_header("Content-Type") or "").lower()
    if record.rec_type != "response" or not (ctype.startswith("application/http") or uri.startswith("http")):
        return None
    if record.length == 0:
        return None
    try:
        return StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=False).parse(record.raw_stream)
    except EOFError:
        return None


def _article(record: Any, path: str, n: int, max_bytes: int) -> RawInput | InputError | None:
    """One response or resource record as an article input, its error, or None (not an article)."""
    uri = str(record.rec_headers.get_header("WARC-Target-URI") or record.rec_headers.get_header("uri") or "")
    src = f"{path}#{uri or f'record-{n}'}"
    try:
        http = _http_headers(record, uri)
    except Exception as exc:  # warcio's parser on a malformed header block
        return InputError(src, f"malformed HTTP headers in the archive: {describe(exc, 'reading')}")
    record.http_headers = http
    if http is not None:
        status = http.get_statuscode()
        if status not in ("200", None, ""):
            return InputError(src, f"HTTP {status} in the archive")
        ctype = http.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    if ctype and not any(t in ctype for t in _ARTICLE_TYPES):
        return None  # images, scripts and styles are part of a capture, not articles
    try:
        data = record.content_stream().read(max_bytes + 1)
    except LimitExceeded:
        raise
    except Exception as exc:  # a chunked or compressed body that does not decode
        return InputError(src, f"body unreadable: {describe(exc, 'reading')}")
    m = re.search(r"charset=([\w-]+)", ctype)
    text = text_input(src, data, max_bytes, m.group(1) if m else None)
    if isinstance(text, InputError):
        return text
    return raw_input(src, data, text, "text" if "text/plain" in ctype else "html",
                     {"url": uri} if uri.startswith("http") else {})


def _reason(exc: BaseException) -> str:
    """warcio's message without the bytes it quotes from the input ("Unknown archive format, first line:
    [b'\\x00...']"): the input's own bytes are not a reason, and they make every such error unique."""
    text = str(exc) or type(exc).__name__
    return text.split(", first line:")[0].split(": first line")[0].strip()[:200]


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
        n = records = given = 0
        try:
            stream: BinaryIO = fh
            if fh.peek(2)[:2] == b"\x1f\x8b":
                # Decompressed here, under a cap, so a gzip bomb is refused before it fills memory.
                stream = io.BufferedReader(BoundedGunzip(fh), 256 * 1024)
            for record in ArchiveIterator(stream, no_record_parse=True):
                if record.format != "warc" and not str(record.rec_headers.get_header("uri") or "").startswith(
                        ("http", "dns:", "filedesc:")):
                    raise ValueError("no WARC or ARC record header at the start")  # warcio reads any text as ARC
                records += 1
                if record.rec_type not in ("response", "resource"):
                    continue
                n += 1
                item = _article(record, path, n, max_bytes)
                while record.raw_stream.read(256 * 1024):
                    pass  # to the record's end, where the next one starts (warcio would skip it the same way)
                if item is not None:
                    given += 1
                    yield item
        except LimitExceeded as exc:
            yield InputError(path, f"not read: {exc}")
            return
        except (ArchiveLoadFailed, OSError, ValueError, EOFError, zlib.error) as exc:
            where = f" after record {records}" if records else ""
            yield InputError(path, f"not a readable WARC archive{where}: {_reason(exc)}")
            return
        except Exception as exc:  # warcio fails on some malformed records with AttributeError, TypeError…
            where = f" after record {records}" if records else ""
            yield InputError(path, f"not a readable WARC archive{where}: {describe(exc, 'reading')}")
            return
        if records == 0:
            yield InputError(path, "not a readable WARC archive: no records in it")
        elif n == 0:
            yield InputError(path, f"no responses in the archive ({records} records of other types)")
        elif given == 0:
            yield InputError(path, f"no article in the archive ({n} responses, none of them HTML or text)")
