"""Bytes to text: refuse what is not text, guess the encoding of what is."""
from __future__ import annotations

import hashlib

from charset_normalizer import from_bytes

from headwater.model import InputError, InputKind, RawInput

# Share of control characters (other than tab/newline/CR/form feed) above which bytes are binary.
# Text in any encoding has almost none; images, PDFs and archives have many in their first KiB.
_CONTROL_SHARE = 0.05
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "an executable",
}


class DecodeError(ValueError):
    """The bytes are not text headwater can read; the message says what they look like."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sniff_binary(data: bytes) -> str | None:
    """Say what the bytes look like when they are not text, else None."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:4096]
    if not head:
        return None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text has NULs but is text
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls / len(head) > _CONTROL_SHARE:
        return "binary data (control characters)"
    return None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding used). Raises DecodeError for non-text."""
    what = sniff_binary(data)
    if what:
        raise DecodeError(f"not text: looks like {what}")
    for enc in filter(None, [declared, "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else None, "utf-8"]):
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("not text: no encoding decodes it")
    return str(best), best.encoding


def text_input(source: str, data: bytes, max_bytes: int, charset: str | None = None) -> str | InputError:
    """The text of one article's bytes, or the reason it has none a person can use."""
    if len(data) > max_bytes:
        return InputError(source, f"too large: over {max_bytes:,} bytes (see --max-bytes)")
    try:
        text, _ = decode(data, charset)
    except DecodeError as exc:
        return InputError(source, str(exc))
    if not text.strip():
        return InputError(source, "empty: no text in it")
    return text


def raw_input(source: str, data: bytes, text: str, kind: InputKind, meta: dict[str, str] | None = None) -> RawInput:
    return RawInput(source=source, content=text, kind=kind, meta=meta or {}, digest=digest(data))
