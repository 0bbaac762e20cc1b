"""Per-article term weights (a word or term -> a number) kept as bytes: the numbers as float64, the
terms as a JSON list after them.

The stories and broad updates read the kept profiles of every candidate they compare a new article
with (at +1,000 into 65,000, ~20,000 stories profiles of up to 300 terms and ~40,000 broad word
counts). Kept as JSON objects, parsing their numbers was most of reading them: 4,000 stories profiles
took 0.86 CPU s as JSON objects, 0.12 s as a JSON list of terms and float64 bytes (0.19 s made into dicts
again). float64 holds a JSON number as parsed (a count or a weight), so the values read are the same.

Kept as JSON in ``link_values`` before scale round 8: ``read`` reads rows still kept so, and ``migrate``
moves them to bytes (once, at the first update; a full relink writes bytes).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import numpy as np
import numpy.typing as npt

from headwater.link.index import LinkIndex

Weights = npt.NDArray[np.float64]
HEAD = 4  # the count of terms, uint32 little-endian


def encode(terms: Mapping[str, float]) -> bytes:
    values = np.fromiter(terms.values(), dtype="<f8", count=len(terms))
    return len(terms).to_bytes(HEAD, "little") + values.tobytes() + json.dumps(list(terms)).encode("utf-8")


def decode(blob: bytes) -> tuple[list[str], Weights]:
    n = int.from_bytes(blob[:HEAD], "little")
    values = np.frombuffer(blob, dtype="<f8", count=n, offset=HEAD)
    terms: list[str] = json.loads(blob[HEAD + 8 * n:])
    return terms, values


def put(index: LinkIndex, name: str, items: Mapping[int, Mapping[str, float]]) -> None:
    index.put_blobs(name, {row: encode(v) for row, v in items.items()})


def read(index: LinkIndex, name: str, rows: Iterable[int]) -> dict[int, tuple[list[str], Weights]]:
    """The terms and values kept under ``name`` for these rows (kept as bytes, or as JSON objects by an
    earlier version: ``[lang, counts]`` or the counts)."""
    wanted = list(rows)
    got = {row: decode(b) for row, b in index.get_blobs(name, wanted).items()}
    if missing := [row for row in wanted if row not in got]:
        for row, v in index.get(name, missing).items():
            terms = v[1] if isinstance(v, list) else v
            got[row] = list(terms), np.array(list(terms.values()), dtype=np.float64)
    return got


def read_dicts(index: LinkIndex, name: str, rows: Iterable[int]) -> dict[int, dict[str, float]]:
    return {row: dict(zip(terms, values.tolist(), strict=True)) for row, (terms, values) in read(index, name, rows).items()}


def migrate(index: LinkIndex, name: str) -> None:
    """Move the values an earlier version kept as JSON under ``name`` to bytes (nothing when none is left)."""
    index.move_to_blobs(name, lambda v: encode(v[1] if isinstance(v, list) else v))
