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
centres; ``BLOCKS`` block -> its claims (article row, claim number) and their centred vectors.
"""
from __future__ import annotations

import base64
import math
from collections import defaultdict
from typing import Any

import numpy as np
import numpy.typing as npt

from headwater.embed import Vectors, normalise, pack, unpack
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
# Blocks read at a time (their JSON is let go once their vectors are opened).
READ_PART = 200
EVERY_BLOCK = 10 ** 9  # a PROBE that compares a new claim with its whole theme
Claim = tuple[int, Any]  # (article row, claim number)
Labels = npt.NDArray[np.int64]


def _block(claims: list[Claim], v: Vectors) -> dict[str, Any]:
    return {"a": [row for row, _ in claims], "n": [n for _, n in claims], "v": pack(v)}


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
    blocks: dict[int, dict[str, Any]] = {}
    for j in (int(t) for t in np.unique(labels)):
        idx = np.flatnonzero(labels == j)
        k = max(1, math.ceil(len(idx) / BLOCK))
        sub = split(x[idx], k) if k > 1 else np.zeros(len(idx), dtype=np.int64)
        keys, centres = [], []
        for s in np.unique(sub):
            mine = idx[sub == s]
            b = len(blocks)
            blocks[b] = _block([claims[i] for i in mine], x[mine])
            keys.append(b)
            centres.append(pack(normalise(x[mine].sum(axis=0))))
        subs[j] = {"b": keys, "c": centres}
    index.put_keyed(SUBS, subs)
    index.put_keyed(BLOCKS, blocks)
    return {"next": len(blocks), "size": BLOCK}


class Blocks:
    """The blocks of the themes new claims fall in: which each new claim is compared with, what they
    hold, and the new claims added to them (``add``)."""

    def __init__(self, index: LinkIndex, dim: int, x: Vectors, labels: Labels, probe: int | None = None) -> None:
        self.index, self.dim = index, dim
        probe = PROBE if probe is None else probe  # read here, so a test or benchmark can change it
        self.subs: dict[int, dict[str, Any]] = {
            int(j): rec for j, rec in index.get_keyed(SUBS, sorted({int(t) for t in labels})).items()}
        self.home: list[int | None] = [None] * len(labels)  # each new claim's nearest block (None: its theme has none)
        self.probed: list[list[int]] = [[] for _ in labels]  # the blocks each new claim is compared with
        for j, rec in self.subs.items():
            mine = np.flatnonzero(labels == j)
            if not rec["b"] or not len(mine):
                continue
            sims = x[mine] @ np.stack([unpack(c) for c in rec["c"]]).T
            for i, order in zip(mine, np.argsort(-sims, axis=1, kind="stable")[:, :probe], strict=True):
                self.probed[i] = [int(rec["b"][o]) for o in order]
                self.home[i] = self.probed[i][0]
        wanted = sorted({b for bs in self.probed for b in bs})
        # block -> (claims, vectors): what the new claims are compared with, read before they join. Read
        # in parts (each part's JSON let go once opened) and held as float16, as stored: a few hundred new
        # articles probe most blocks of a corpus of 30,000, and the JSON of them all beside their vectors
        # in float32 held a gigabyte (the products with them are the same: float16 widens exactly)
        self.old: dict[int, tuple[list[Claim], Vectors]] = {}
        for at in range(0, len(wanted), READ_PART):
            self.old.update((b, self._open(kept)) for b, kept in index.get_keyed(BLOCKS, wanted[at:at + READ_PART]).items())

    def _open(self, kept: dict[str, Any]) -> tuple[list[Claim], Vectors]:
        v = np.frombuffer(base64.b64decode(kept["v"]), dtype="<f2").reshape(-1, self.dim)
        return list(zip(kept["a"], kept["n"], strict=True)), v  # type: ignore[return-value]

    def theme_claims(self, j: int) -> tuple[list[Claim], Vectors]:
        """Every claim kept in theme ``j``'s blocks, and their vectors."""
        rec = self.subs.get(j)
        opened = [self._open(k) for k in self.index.get_keyed(BLOCKS, rec["b"] if rec else []).values()]
        if not opened:
            return [], np.zeros((0, self.dim), dtype=np.float32)
        return [c for cl, _ in opened for c in cl], np.concatenate([v for _, v in opened])

    def add(self, claims: list[Claim], x: Vectors, labels: Labels, state: dict[str, Any]) -> None:
        """The new claims into their nearest blocks (a theme without blocks gets one), a block grown past
        SPLIT split into blocks of about BLOCK; ``state["next"]`` is the next free block key."""
        joining: dict[int, list[int]] = defaultdict(list)
        for i, b in enumerate(self.home):
            if b is None:  # a theme no claim fell in at the full link: its first block
                j = int(labels[i])
                rec = self.subs.setdefault(j, {"b": [], "c": []})
                if not rec["b"]:
                    rec["b"].append(state["next"])
                    rec["c"].append(pack(x[i]))
                    state["next"] += 1
                b = int(rec["b"][0])
            joining[b].append(i)
        theme_of = {b: j for j, rec in self.subs.items() for b in rec["b"]}
        # a claim's nearest block is among those it was compared with: read already (``old``)
        kept = self.index.get_keyed(BLOCKS, sorted(b for b in joining if b not in self.old))
        opened = {**self.old, **{b: self._open(k) for b, k in kept.items()}}
        written: dict[int, dict[str, Any]] = {}
        for b, idx in sorted(joining.items()):
            have, v = opened.get(b) or ([], np.zeros((0, self.dim), dtype=np.float32))
            have = have + [claims[i] for i in idx]
            v = np.concatenate([v, x[idx]])
            parts = [np.arange(len(have))]
            if len(have) > SPLIT:  # back to blocks of about BLOCK (one update may bring many claims)
                sub = split(v, math.ceil(len(have) / BLOCK))
                parts = [np.flatnonzero(sub == s) for s in np.unique(sub)]
            rec = self.subs[theme_of[b]]
            for n, part in enumerate(parts):
                key = b if n == 0 else state["next"]
                if n:
                    state["next"] += 1
                    rec["b"].append(key)
                    rec["c"].append("")
                written[key] = _block([have[i] for i in part], v[part])
                rec["c"][rec["b"].index(key)] = pack(normalise(v[part].sum(axis=0)))
        self.index.put_keyed(BLOCKS, written)
        self.index.put_keyed(SUBS, {j: self.subs[j] for j in sorted({theme_of.get(b, -1) for b in written} - {-1})})
