"""The kept claim vectors of each theme in blocks around sub-centres: a second level of blocking, so
that an update compares a new claim with the few blocks nearest it, not with its whole theme.

A full link compares claims within k-means themes of ~``CLAIMS_PER_THEME`` claims (``link.claims``).
An update places a new claim in the theme of its nearest kept centre; comparing it with every claim of
that theme meant reading every theme a new claim touches, and a few hundred new articles touch nearly
every theme: the work grew with the corpus. Here each theme's claims are split at the full link into
blocks of about ``BLOCK`` claims (k-means inside the theme, the block's centre kept), and a new claim is
compared with the claims of its ``PROBE`` nearest blocks (and with the other new claims of its theme):
the work per new claim is bounded by ``PROBE * BLOCK``, however large the corpus. The new claims join
their nearest block; a block that updates grow past ``SPLIT`` is split again into blocks of about
``BLOCK``, so blocks stay small as the corpus grows without a relink (a theme does not split: it keeps
its centre and label, and gains blocks).

What this gives up: a retold pair whose two claims fall in blocks of their theme that are not among
the new claim's ``PROBE`` nearest is not found by the update (a full link compares the whole theme).
Two retellings of one claim (cosine >= FINE) are close, so the nearest blocks of one almost always
hold the other; ``benchmarks/narratives_update_bench.py`` prints how many of a full link's fine pairs
an update keeps. With ``PROBE`` at least the number of blocks of a theme (``EVERY_BLOCK``) nothing is
given up: the update compares as it did with whole themes (``tests/test_link_update.py`` compares the two).

Kept in the link index under keys of its own (``put_keyed``): ``SUBS`` theme -> its blocks' keys and
how many parts each block has (``p``, absent: none); ``BLOCKS`` block -> its claims (article row, claim
number), and block + n * ``PART`` -> the claims updates added to it (its n-th part; a database kept
before parts has none, and reads as before). The vectors are bytes beside them (``put_blobs``, float16,
one row a claim): ``SUBS`` theme -> its blocks' centres, ``BLOCKS`` block (or part) -> its claims'
centred vectors. Until scale round 8 they were base64 inside the JSON records (``"c"``, ``"v"``): at
+990 articles into 100,985, 3.3 of the 5.8 CPU s of placing the new claims went to decoding base64 and
~1 s to parsing JSON. Records in that form are still read; the first update converts them all
(``migrate``), and a full relink writes the new form.
"""
from __future__ import annotations

import base64
import math
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from headwater.embed import Vectors, normalise, unpack
from headwater.link.claims import lloyd
from headwater.link.index import LinkIndex

SUBS, BLOCKS = "narratives.subs", "narratives.blocks"
# Claims per block at a full link. An update compares a new claim with PROBE * BLOCK old claims at
# most; tuned on benchmarks/narratives_update_bench.py (synthetic corpora, lexical vectors, +500 into
# 5k): BLOCK 40 with PROBE 2 kept the fine pairs a comparison with the whole theme keeps (within 0.002)
# at a fifth of a theme's comparisons (a theme is ~200 claims).
BLOCK = 40
PROBE = 2
# A block grown past this many claims by updates is split into blocks of about BLOCK (k-means), so that
# the blocks of a corpus grown without a relink stay near BLOCK, however many claims an update brings;
# 3 * BLOCK, so that a block is not split again at every update that adds a claim to it.
SPLIT = 3 * BLOCK
# Blocks read at a time (their JSON is let go once their vectors are opened, the part once compared).
READ_PART = 200
# The new claims an update adds to a block are kept as a part of it, under the block's key plus n * PART
# (n = 1, 2, ...: block keys stay far below it), so that an update writes what is new, not the blocks
# it joins (at 65,000 articles, +1,000 rewrote ~6,000 blocks of ~50 claims of 1,024 dimensions: a
# gigabyte of JSON). At MAX_PARTS parts a block is read as MAX_PARTS + 1 rows and its parts are folded
# into its record at the next join: written once per MAX_PARTS + 1 joins, a row read more per part.
PART = 1 << 32
MAX_PARTS = 8
EVERY_BLOCK = 10 ** 9  # a PROBE that compares a new claim with its whole theme
Claim = tuple[int, Any]  # (article row, claim number)
Labels = npt.NDArray[np.int64]
Half = npt.NDArray[np.float16]  # vectors as kept
# the new claims' rows that probe a block, and the block's claims and vectors (before they join it)
Compare = Callable[[npt.NDArray[np.intp], list[Claim], Vectors], None]


def _block(claims: list[Claim]) -> dict[str, Any]:
    return {"a": [row for row, _ in claims], "n": [n for _, n in claims]}


def _bytes(v: Vectors | Half) -> bytes:
    """Vectors as kept: float16, little-endian, a row after another (``pack``'s numbers, unencoded)."""
    return np.ascontiguousarray(v, dtype="<f2").tobytes()


def split(x: Vectors, k: int, iters: int = 5) -> Labels:
    """Spherical k-means of ``x`` into ``k`` blocks (seeded with evenly spaced rows: same input, same
    blocks). Blocks need not be converged clusters, only compact, so a few iterations (5, not the
    themes' 20: this runs once per theme)."""
    c = lloyd(x, x[np.linspace(0, len(x) - 1, k).round().astype(np.int64)], iters)
    labels: Labels = (x @ c.T).argmax(axis=1).astype(np.int64)
    return labels


def fit_blocks(index: LinkIndex, claims: list[Claim], x: Vectors, labels: Labels) -> dict[str, int]:
    """Split each theme's claims (``labels``: each claim's theme) into blocks and keep them; returns
    what the corpus-wide state keeps of them (the next free block key, the block size)."""
    subs: dict[int, dict[str, Any]] = {}
    centres: dict[int, bytes] = {}
    blocks: dict[int, dict[str, Any]] = {}
    vectors: dict[int, bytes] = {}
    for j in (int(t) for t in np.unique(labels)):
        idx = np.flatnonzero(labels == j)
        k = max(1, math.ceil(len(idx) / BLOCK))
        sub = split(x[idx], k) if k > 1 else np.zeros(len(idx), dtype=np.int64)
        keys, mids = [], []
        for s in np.unique(sub):
            mine = idx[sub == s]
            b = len(blocks)
            blocks[b] = _block([claims[i] for i in mine])
            vectors[b] = _bytes(x[mine])
            keys.append(b)
            mids.append(normalise(x[mine].sum(axis=0)))
        subs[j] = {"b": keys}
        centres[j] = _bytes(np.stack(mids))
    index.put_keyed(SUBS, subs)
    index.put_blobs(SUBS, centres)
    index.put_keyed(BLOCKS, blocks)
    index.put_blobs(BLOCKS, vectors)
    return {"next": len(blocks), "size": BLOCK, "blobs": True}


def _centres(packed: list[str], dim: int) -> Half:
    """Centres kept as base64 (before scale round 8) as a float16 matrix."""
    return np.array([unpack(c) for c in packed], dtype=np.float16).reshape(-1, dim)


def migrate(index: LinkIndex, state: dict[str, Any], themes: int, dim: int) -> None:
    """Move the vectors of blocks kept before scale round 8 (base64 in the JSON records) to bytes beside
    them, once (``state``: the blocks' corpus-wide state, marked ``"blobs"`` when done; ``themes``: how
    many themes the full link made, the keys of ``SUBS``). Read and written ``READ_PART`` records at a
    time; a record already moved is left as it is, so a migration cut short is taken up again."""
    if state.get("blobs"):
        return
    subs = index.get_keyed(SUBS, range(themes))
    moved = {j: rec for j, rec in subs.items() if "c" in rec}
    index.put_blobs(SUBS, {j: _bytes(_centres(rec.pop("c"), dim)) for j, rec in moved.items()})
    index.put_keyed(SUBS, moved)
    keys = sorted(b + n * PART for rec in subs.values() for b in rec["b"]
                  for n in range(int(rec.get("p", {}).get(str(b), 0)) + 1))
    for at in range(0, len(keys), READ_PART):
        old = {k: rec for k, rec in index.get_keyed(BLOCKS, keys[at:at + READ_PART]).items() if "v" in rec}
        index.put_blobs(BLOCKS, {k: base64.b64decode(rec.pop("v")) for k, rec in old.items()})
        index.put_keyed(BLOCKS, old)
    state["blobs"] = True


class Blocks:
    """The blocks of the themes new claims fall in: which each new claim is compared with (``probed``,
    its nearest first: the block it joins), read a part at a time by ``visit``, which compares and joins."""

    def __init__(self, index: LinkIndex, dim: int, x: Vectors, labels: Labels, probe: int | None = None) -> None:
        self.index, self.dim = index, dim
        probe = PROBE if probe is None else probe  # read here, so a test or benchmark can change it
        themes = sorted({int(t) for t in labels})
        self.subs: dict[int, dict[str, Any]] = {int(j): rec for j, rec in index.get_keyed(SUBS, themes).items()}
        # each theme's blocks' centres (float16, a row a block, in the order of its record's "b")
        kept = index.get_blobs(SUBS, themes)
        self.centres: dict[int, Half] = {
            j: _centres(rec.pop("c"), dim) if "c" in rec else np.frombuffer(kept.get(j, b""), dtype="<f2").reshape(-1, dim).copy()
            for j, rec in self.subs.items()}
        self.home: list[int | None] = [None] * len(labels)  # each new claim's nearest block (None: its theme has none)
        self.probed: list[list[int]] = [[] for _ in labels]  # the blocks each new claim is compared with
        for j, rec in self.subs.items():
            mine = np.flatnonzero(labels == j)
            if not rec["b"] or not len(mine):
                continue
            sims = x[mine] @ self.centres[j].astype(np.float32).T
            for i, order in zip(mine, np.argsort(-sims, axis=1, kind="stable")[:, :probe], strict=True):
                self.probed[i] = [int(rec["b"][o]) for o in order]
                self.home[i] = self.probed[i][0]

    def _parts(self, b: int, theme: int) -> int:
        return int(self.subs[theme].get("p", {}).get(str(b), 0))

    def _read(self, blocks: list[tuple[int, int]]) -> dict[int, tuple[list[Claim], Vectors]]:
        """These (block, theme)s' claims and vectors: each block's record and its parts, in order. Held
        as float16, as stored (the products with them are the same: float16 widens exactly)."""
        keys = [b + n * PART for b, j in blocks for n in range(self._parts(b, j) + 1)]
        kept = self.index.get_keyed(BLOCKS, keys)
        vectors = self.index.get_blobs(BLOCKS, keys)
        out: dict[int, tuple[list[Claim], Vectors]] = {}
        for b, j in blocks:
            opened = [self._open(kept[k], vectors.get(k)) for n in range(self._parts(b, j) + 1)
                      if (k := b + n * PART) in kept]
            if opened:
                out[b] = ([c for cl, _ in opened for c in cl], np.concatenate([v for _, v in opened]))
        return out

    def _open(self, kept: dict[str, Any], vectors: bytes | None) -> tuple[list[Claim], Vectors]:
        """A block's (or part's) claims and vectors (a record kept before scale round 8 holds them as base64)."""
        raw = base64.b64decode(kept["v"]) if "v" in kept else vectors or b""
        v = np.frombuffer(raw, dtype="<f2").reshape(-1, self.dim)
        return list(zip(kept["a"], kept["n"], strict=True)), v  # type: ignore[return-value]

    def theme_claims(self, j: int) -> tuple[list[Claim], Vectors]:
        """Every claim kept in theme ``j``'s blocks, and their vectors."""
        rec = self.subs.get(j)
        opened = self._read([(int(b), j) for b in rec["b"]] if rec else [])
        if not opened:
            return [], np.zeros((0, self.dim), dtype=np.float32)
        return [c for cl, _ in opened.values() for c in cl], np.concatenate([v for _, v in opened.values()])

    def visit(self, claims: list[Claim], x: Vectors, labels: Labels, state: dict[str, Any], compare: Compare) -> None:
        """Compare each new claim with the claims of the blocks it probes (``compare``: the new claims' rows,
        and the block's claims and vectors, before any new claim joins it), and add the new claims to their
        nearest blocks (a theme without blocks gets one); ``state["next"]`` is the next free block key.

        One pass over the probed blocks, ``READ_PART`` at a time, each let go once compared and joined:
        memory holds a part, not every block a few hundred new articles probe (at 65,000 articles, most
        of the corpus's). A block the new claims join is not rewritten: they are kept as a part of it
        under a key of its own (``PART``), so an update writes what is new; a block's parts are folded
        into it when it has ``MAX_PARTS`` (its record written once per that many updates that join it), and
        a block grown past ``SPLIT`` is split (k-means) into blocks of about ``BLOCK``."""
        joining: dict[int, list[int]] = defaultdict(list)
        for i, b in enumerate(self.home):
            if b is None:  # a theme no claim fell in at the full link: its first block
                j = int(labels[i])
                rec = self.subs.setdefault(j, {"b": []})
                if not rec["b"]:
                    rec["b"].append(state["next"])
                    self.centres[j] = np.asarray(x[i:i + 1], dtype=np.float16)
                    state["next"] += 1
                b = int(rec["b"][0])
            joining[b].append(i)
        self.theme_of = {int(b): j for j, rec in self.subs.items() for b in rec["b"]}
        by_block: dict[int, list[int]] = defaultdict(list)
        for i, probed in enumerate(self.probed):
            for b in probed:
                by_block[b].append(i)
        wanted = sorted(by_block.keys() | joining.keys())
        touched: set[int] = set()
        for at in range(0, len(wanted), READ_PART):
            part = wanted[at:at + READ_PART]
            opened = self._read([(b, self.theme_of[b]) for b in part])
            written: dict[int, tuple[list[Claim], Vectors]] = {}
            for b in part:
                have, v = opened.get(b) or ([], np.zeros((0, self.dim), dtype=np.float16))
                if b in by_block and have:
                    compare(np.array(by_block[b], dtype=np.intp), have, v)
                if b in joining:
                    written.update(self._join(b, have, v, joining[b], claims, x, state))
                    touched.add(self.theme_of[b])
            self.index.put_keyed(BLOCKS, {k: _block(cl) for k, (cl, _) in written.items()})
            self.index.put_blobs(BLOCKS, {k: _bytes(v) for k, (_, v) in written.items()})
        self.index.put_keyed(SUBS, {j: self.subs[j] for j in sorted(touched)})
        self.index.put_blobs(SUBS, {j: _bytes(self.centres[j]) for j in sorted(touched)})

    def _join(self, b: int, have: list[Claim], v: Vectors, idx: list[int], claims: list[Claim], x: Vectors,
              state: dict[str, Any]) -> dict[int, tuple[list[Claim], Vectors]]:
        """The records (claims, vectors) written as the new claims ``idx`` join block ``b`` (holding
        ``have``, ``v``)."""
        j = self.theme_of[b]
        rec, centres = self.subs[j], self.centres[j]
        parts = rec.setdefault("p", {})
        every = np.concatenate([v.astype(np.float32), x[idx]])
        centres[rec["b"].index(b)] = normalise(every.sum(axis=0))
        n = int(parts.get(str(b), 0))
        if len(have) + len(idx) <= SPLIT and n < MAX_PARTS and have:
            parts[str(b)] = n + 1
            return {b + (n + 1) * PART: ([claims[i] for i in idx], x[idx])}
        parts.pop(str(b), None)  # folded: the block's record holds them all again
        held = have + [claims[i] for i in idx]
        if len(held) <= SPLIT:
            return {b: (held, every)}
        sub = split(every, math.ceil(len(held) / BLOCK))  # back to blocks of about BLOCK
        out: dict[int, tuple[list[Claim], Vectors]] = {}
        for n, s in enumerate(np.unique(sub)):
            mine = np.flatnonzero(sub == s)
            key = b
            if n:
                key = state["next"]
                state["next"] += 1
                rec["b"].append(key)
                centres = np.concatenate([centres, np.zeros((1, self.dim), dtype=np.float16)])
                self.theme_of[key] = self.theme_of[b]
            out[key] = ([held[i] for i in mine], every[mine])
            centres[rec["b"].index(key)] = normalise(every[mine].sum(axis=0))
        self.centres[j] = centres
        return out
