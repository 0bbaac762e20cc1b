"""Bounded work per input: gzip streams with a cap on what they expand to, JSON with a nesting cap.

A gzip bomb (1 MB expanding to 1 GiB) must be refused after reading what an honest archive could
hold, not after filling memory; a JSON line nested 2,000 levels deep must be refused before the
parser recurses into it.
"""
from __future__ import annotations

import io
import json
import re
import zlib
from typing import Any, BinaryIO

# Expansion allowed for a gzip stream: this many bytes in any case, and past that at most RATIO
# times the compressed bytes read so far. Web captures (HTML, text, JSON) compress 5-15x; even a
# page of one repeated character stays under 1,030x, the deflate maximum, so bombs show as ratios
# in the hundreds or more. 100x with a 64 MiB allowance keeps every real archive we measured
# (Common Crawl WARC.gz: 4-6x) and refuses a 1 MB -> 1 GiB bomb after about 100 MB.
FREE_BYTES = 64 * 1024 * 1024
RATIO = 100

# Articles are flat records: a line nested deeper than this is not one (and Python's JSON parser
# recurses once per level, so depth is what bounds its stack).
MAX_JSON_DEPTH = 64
_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_BRACKETS = re.compile(r"[\[\]{}]")


class LimitExceeded(ValueError):
    """An input would take more work than headwater spends on one input (the message says which limit)."""


class BoundedGunzip(io.RawIOBase):
    """Reads the decompressed bytes of a (multi-member) gzip stream, refusing to expand past the limits."""

    def __init__(self, fh: BinaryIO, free_bytes: int | None = None, ratio: int | None = None) -> None:
        self.fh = fh
        self.free_bytes = FREE_BYTES if free_bytes is None else free_bytes
        self.ratio = RATIO if ratio is None else ratio
        self.read_in = self.put_out = 0
        self._z = zlib.decompressobj(wbits=31)
        self._pending = b""
        self._in = b""  # compressed bytes read and not yet decompressed
        self._started = False  # the current member has begun

    def readable(self) -> bool:
        return True

    def _check(self) -> None:
        if self.put_out > self.free_bytes and self.put_out > self.ratio * self.read_in:
            raise LimitExceeded(
                f"gzip expands too far: {self.put_out:,} bytes from {self.read_in:,} "
                f"(over {self.ratio}x past the first {self.free_bytes // 2**20} MiB; a decompression bomb?)")

    def _fill(self, want: int) -> None:
        step = max(want, 64 * 1024)
        while len(self._pending) < want:
            if not self._in:
                self._in = self.fh.read(64 * 1024)
                self.read_in += len(self._in)
                if not self._in:
                    if self._started and not self._z.eof:
                        raise ValueError("gzip stream truncated: the file ends inside a compressed member")
                    return
            if self._z.eof:  # a new member follows (WARC.gz has one per record), or zero padding
                if not self._in.strip(b"\x00"):
                    self._in = b""
                    continue
                self._z = zlib.decompressobj(wbits=31)
                self._started = False
            out = self._z.decompress(self._in, step)
            self._started = True
            self._in = self._z.unused_data if self._z.eof else self._z.unconsumed_tail
            self.put_out += len(out)
            self._check()
            self._pending += out

    def readinto(self, buf: Any) -> int:
        self._fill(len(buf))
        n = min(len(buf), len(self._pending))
        buf[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in a JSON text (strings ignored), without recursing."""
    depth = deepest = 0
    for m in _BRACKETS.finditer(_STRINGS.sub("", text)):
        if m.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def loads_bounded(text: str, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """json.loads, refusing texts nested deeper than max_depth with LimitExceeded."""
    depth = json_depth(text)
    if depth > max_depth:
        raise LimitExceeded(f"nested {depth:,} levels deep (at most {max_depth} read)")
    return json.loads(text)
