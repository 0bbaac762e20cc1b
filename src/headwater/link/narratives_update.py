"""Narratives updated with new articles: new frames and claims placed as the last full link placed
the old ones, so the work grows with what is new, not with the corpus.

A full link with an index (``keep_narratives``) keeps what placing a new claim needs:
- ``STATE`` (kept for the corpus as a whole): the claim vectors' embedder, each language's mean vector, the
  themes' k-means centres and the key of the theme each centre became;
- each theme's claims (article row, claim number, centred vector in float16) in blocks around
  sub-centres (``link.claim_blocks``: the second level of blocking that keeps an update's work flat);
- ``MEMBERS``: theme -> its member articles (also of a theme of one article, which a second makes a
  theme); ``FRAMES``: frame -> articles.
New articles then (``add_narratives``):
1. a frame the new articles assert joins its narrative, or makes one with the old articles asserting it;
2. each new claim is centred with the kept means (a language new to the corpus on the mean of its new
   claims, when there are enough) and goes to the theme of the nearest kept centre, as a
   full link assigns the claims beyond its k-means sample; it is compared with the claims of the
   nearest blocks of that theme and with the new claims of that theme: a pair at ``FINE`` or closer
   joins their narratives, as in a full link; a narrative a new claim joins is described again from
   all its claims;
3. a new article joins the theme most of its claims fall in when one of them recurs there (``BROAD_LINK``,
   among the claims it was compared with);
4. contradictions and provenance are made again for the narratives that changed; the rest stay.
What an update does not do: fit the themes again (a relink fits k-means to the corpus as it is now),
match a codebook (with a taxonomy the narratives link whole: its entries' borders are drawn by the
whole corpus), or describe a theme again (a theme keeps its label, the new members are added).
``tests/test_link_update.py`` compares an update with a full link.
"""
from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, MutableMapping
from typing import Any

import numpy as np
import numpy.typing as npt

from headwater.embed import Vectors, normalise, pack, unpack
from headwater.lang.blas import one_blas_thread
from headwater.link.claim_blocks import BLOCKS, SUBS, Blocks, fit_blocks, migrate
from headwater.link.claims import (
    BROAD_LINK,
    FINE,
    MIN_CENTRE,
    ClaimRow,
    Clustered,
    centre_with,
    describe,
    earliest_by_language,
    gather,
    language_means,
    top_theme,
)
from headwater.link.frames import frames
from headwater.link.index import LinkIndex
from headwater.link.narratives import Frame, frame_narrative
from headwater.link.unionfind import DisjointSets
from headwater.model import Article, key, row_of

STATE, MEMBERS, FRAMES = "narratives.state", "narratives.members", "narratives.frames"
# kept by earlier versions (claim vectors per article, theme -> articles): cleared at a full link
VECTORS, THEMES = "narratives.vectors", "narratives.themes"
EVERY = 10 ** 9  # postings followed however common: a theme's articles are what it is compared with
Rows = list[dict[str, Any]]
Fetch = Callable[[list[int]], dict[int, Article]]  # articles by row, read from the store


def _frame_key(fkey: str) -> int:
    return zlib.crc32(fkey.encode("utf-8"))


def keep_narratives(index: LinkIndex, corpus: list[tuple[int, Article]], c: Clustered | None,
                    themes: Rows) -> None:
    """What ``add_narratives`` needs from a full link (``themes``: the described ``c.themes``, in order)."""
    for name in (STATE, VECTORS, THEMES, MEMBERS, FRAMES, SUBS, BLOCKS):
        index.clear(name)
    index.post(FRAMES, [(_frame_key("|".join(f)), row) for row, a in corpus for f in frames(a)])
    if c is None:
        return
    blocks = fit_blocks(index, [(r.article, r.claim.get("n")) for r in c.rows], c.x, c.labels)
    theme_keys: dict[str, str] = {}
    members: set[tuple[int, int]] = set()
    for m, t in zip(c.themes, themes, strict=True):
        j = int(c.labels[m[0]])
        theme_keys[str(j)] = t["key"]
        members.update((j, c.rows[i].article) for i in m)
    index.post(MEMBERS, sorted(members))
    index.keep(STATE, {"embedder": c.rows[0].claim.get("_embedder"), "dim": int(c.x.shape[1]),
                       "means": {lg: pack(v) for lg, v in c.means.items()},
                       "centres": [pack(v) for v in c.centres], "theme_keys": theme_keys, "blocks": blocks})


class _Placed:
    """New claims placed in the kept themes, and the old claims of the blocks they are compared with."""

    def __init__(self, rows: list[ClaimRow], x: Vectors, state: dict[str, Any], index: LinkIndex,
                 probe: int | None) -> None:
        self.rows, self.dim = rows, int(state["dim"])
        langs = [str(r.claim.get("lang") or "") for r in rows]
        means = {lg: unpack(v) for lg, v in state["means"].items()}
        # a language the last full link had too few claims of is centred on its new claims (and kept so)
        for lg, m in language_means(x, langs, MIN_CENTRE).items():
            if lg not in means:
                means[lg] = m
                state["means"][lg] = pack(m)
        self.x = centre_with(x, langs, means)
        self.means = means
        centres = np.stack([unpack(v) for v in state["centres"]])
        self.labels = (self.x @ centres.T).argmax(axis=1) if rows else np.zeros(0, dtype=np.int64)
        self.centres = normalise(centres)
        self.blocks = Blocks(index, self.dim, self.x, self.labels, probe)
        self.ids = [(r.article, r.claim.get("n")) for r in rows]
        self.owner = np.array([r.article for r in rows], dtype=np.int64)
        self.retold: list[tuple[tuple[int, Any], tuple[int, Any]]] = []  # with old claims (``against``)
        self.recurs = np.zeros(len(rows), dtype=bool)

    def against(self, mine: npt.NDArray[np.intp], other: list[tuple[int, Any]], ov: Vectors) -> None:
        """The new claims ``mine`` against ``other`` claims (of another article): the pairs retelling one
        claim (``FINE``), and the new claims that recur (``BROAD_LINK``)."""
        sims = self.x[mine] @ ov.astype(np.float32).T
        sims[self.owner[mine][:, None] == np.array([row for row, _ in other], dtype=np.int64)[None, :]] = -1
        self.recurs[mine[(sims >= BROAD_LINK).any(axis=1)]] = True
        self.retold.extend((self.ids[mine[a]], other[b]) for a, b in zip(*np.nonzero(sims >= FINE), strict=True))

    def compared(self) -> tuple[list[tuple[tuple[int, Any], tuple[int, Any]]], set[tuple[int, Any]]]:
        """Each new claim against the other new claims of its theme and the claims of its nearest blocks
        (compared as ``place`` read them): the pairs retelling one claim (``FINE``), and the new claims
        that recur in their theme (``BROAD_LINK``).

        On one BLAS thread, as ``place``: a product of a theme's new claims with each other is small
        (~20 x 20 of 1,024 dimensions, at most ~130 x 130), ~300 of them, and OpenBLAS's default threads
        waited on each other at times: timed inside the whole link (+1,000 into 60,000, load 2-4), 0.08
        and 1.54 CPU s in two runs of the old code (0.23 at 10,000, 0.67 at 30,000), 0.02 and 0.04 on one
        thread. The same pairs (every stored table identical at 10,000 and 30,000:
        ``benchmarks/link_add_bench.py``, round 13)."""
        with_old, self.retold = self.retold, []
        with one_blas_thread():
            for j in sorted({int(t) for t in self.labels}):
                mine = np.flatnonzero(self.labels == j)
                self.against(mine, [self.ids[i] for i in mine], self.x[mine])
        retold, self.retold = self.retold + with_old, with_old
        return retold, {self.ids[i] for i in np.flatnonzero(self.recurs)}


def _claim_rows(members: set[tuple[int, Any]], arts: dict[int, Article], placed: _Placed) -> tuple[list[ClaimRow], Vectors]:
    """The member claims as rows and centred vectors, read from their articles."""
    wanted: dict[int, set[Any]] = defaultdict(set)
    for row, n in members:
        wanted[row].add(n)
    claims = {row: [c for c in arts[row].findings.get("claims", []) if c.get("n") in ns] for row, ns in wanted.items()}
    rows, x = gather(claims)
    return rows, centre_with(x, [str(r.claim.get("lang") or "") for r in rows], placed.means)


def add_fine(previous: Rows, placed: _Placed, retold: list[tuple[tuple[int, Any], tuple[int, Any]]],
             fetch: Fetch) -> tuple[Rows, Rows, set[str]]:
    """(kept, rebuilt, ids of the previous narratives rebuilt) of the fine narratives."""
    nodes: dict[tuple[int, Any], int] = {}
    # claims by document id as the narratives hold them (no id parsed: this reads every fine narrative)
    owner = {(c["article_id"], c.get("claim_id")): i for i, n in enumerate(previous) for c in n["claims"]}
    base = len(previous)

    def node(c: tuple[int, Any]) -> int:
        return nodes.setdefault(c, base + len(nodes))

    for a, b in retold:
        node(a), node(b)
    sets = DisjointSets(base + len(nodes))
    for c, i in nodes.items():
        if (at := owner.get((key(c[0]), c[1]))) is not None:
            sets.union(i, at)
    for a, b in retold:
        sets.union(nodes[a], nodes[b])
    groups: dict[int, set[tuple[int, Any]]] = defaultdict(set)
    merged: dict[int, set[int]] = defaultdict(set)
    for c, i in nodes.items():
        groups[sets.find(i)].add(c)
    for i in range(base):
        root = sets.find(i)
        if root in groups:
            merged[root].add(i)
            groups[root].update((row_of(c["article_id"]), c.get("claim_id")) for c in previous[i]["claims"])
    gone = {i for ids in merged.values() for i in ids}
    kept = [n for i, n in enumerate(previous) if i not in gone]
    # two articles sharing several sentences share one narrative (as in a full link)
    by_articles: dict[frozenset[int], set[tuple[int, Any]]] = defaultdict(set)
    for members in groups.values():
        held = frozenset(row for row, _ in members)
        if len(held) >= 2:
            by_articles[held].update(members)
    arts_needed = sorted({row for members in by_articles.values() for row, _ in members})
    arts = fetch(arts_needed)
    rebuilt = []
    for members in by_articles.values():
        rows, x = _claim_rows(members, arts, placed)
        if len({r.article for r in rows}) >= 2:
            rebuilt.append(describe(list(range(len(rows))), rows, x, arts, "fine"))
    return kept, rebuilt, {str(previous[i].get("id")) for i in gone}


def add_themes(previous: Callable[[list[str]], Rows], placed: _Placed, recurs: set[tuple[int, Any]],
               new: dict[int, Article], state: dict[str, Any], index: LinkIndex, fetch: Fetch) -> Rows:
    """The themes the new articles join (appended to, keeping their ids) or make anew (without ids);
    ``previous``: the themes stored under these keys. The others stay as they were."""
    per: dict[int, Counter[int]] = defaultdict(Counter)
    recurring: dict[int, set[int]] = defaultdict(set)  # article -> themes a claim of it recurs in
    for i, r in enumerate(placed.rows):
        per[r.article][int(placed.labels[i])] += 1
        if (r.article, r.claim.get("n")) in recurs:
            recurring[r.article].add(int(placed.labels[i]))
    joined: dict[int, list[int]] = defaultdict(list)  # theme -> new member rows
    for row, counts in per.items():
        if (top := top_theme(counts)) in recurring[row]:
            joined[top].append(row)
    index.post(MEMBERS, [(j, row) for j, rows in joined.items() for row in rows])
    keys = state["theme_keys"]
    by_key = {t["key"]: dict(t) for t in previous(sorted({keys[str(j)] for j in joined if str(j) in keys}))}
    changed: set[str] = set()
    made = []
    for j, rows in sorted(joined.items()):
        joining = set(rows)
        claims = [int(i) for i in np.flatnonzero(placed.labels == j) if placed.rows[i].article in joining]
        theme = by_key.get(keys.get(str(j), ""))
        if theme is not None:
            extra = describe(claims, placed.rows, placed.x, new, "broad")
            theme["claims"] = theme["claims"] + [dict(c, similarity=round(float(placed.x[i] @ placed.centres[j]), 3))
                                                 for c, i in zip(extra["claims"], claims, strict=True)]
            theme["article_ids"] = sorted({*theme["article_ids"], *extra["article_ids"]}, key=row_of)
            for field in ("outlets", "countries", "languages"):
                theme[field] = sorted({*theme[field], *extra[field]})
            dates = [d for d in (theme["first_seen"], theme["last_seen"], extra["first_seen"], extra["last_seen"]) if d]
            theme["first_seen"], theme["last_seen"] = (min(dates), max(dates)) if dates else (None, None)
            theme["first_seen_by_language"] = earliest_by_language(
                t.get("first_seen_by_language") or {} for t in (theme, extra))
            by_key[theme["key"]] = theme
            changed.add(theme["key"])
            continue
        old = [row for row in index.postings(MEMBERS, [j], EVERY).get(j, []) if row not in new]
        if not old and len(rows) < 2:
            continue
        arts = {**fetch(old), **new}
        members = {(placed.rows[i].article, placed.rows[i].claim.get("n")) for i in claims}
        olds = set(old)
        members.update(c for c in placed.blocks.theme_claims(j)[0] if c[0] in olds)
        rows_, x_ = _claim_rows(members, arts, placed)
        theme = describe(list(range(len(rows_))), rows_, x_, arts, "broad")
        keys[str(j)] = theme["key"]
        made.append(theme)
    return [by_key[k] for k in by_key if k in changed] + made


def add_frames(previous: Callable[[list[str]], Rows], new: dict[int, Article], index: LinkIndex, fetch: Fetch,
               ids: MutableMapping[str, str]) -> Rows:
    """The frame narratives the new articles' frames make or change (``previous``: the frame narratives
    stored under these keys); the others stay as they were."""
    asserted: dict[Frame, list[int]] = defaultdict(list)
    for row, a in new.items():
        for f in frames(a):
            asserted[f].append(row)
    posted = index.postings(FRAMES, [_frame_key("|".join(f)) for f in asserted], EVERY)
    index.post(FRAMES, [(_frame_key("|".join(f)), row) for f, rows in asserted.items() for row in rows])
    by_key = {n["key"]: n for n in previous(sorted("|".join(f) for f in asserted))}
    changed = set()
    for f, rows in sorted(asserted.items()):
        fkey = "|".join(f)
        had = by_key.get(fkey)
        old = [row_of(k) for k in had["article_ids"]] if had else \
            [row for row, a in fetch(posted.get(_frame_key(fkey), [])).items() if row not in new and f in frames(a)]
        aids = sorted({*old, *rows})
        if len(aids) < 2:
            continue
        if fkey not in ids:
            ids[fkey] = f"n{len(ids) + 1}"
        by_key[fkey] = frame_narrative(f, aids, {**fetch(old), **new}, ids[fkey])
        changed.add(fkey)
    return sorted((by_key[k] for k in changed), key=lambda n: (-len(n["article_ids"]), n["key"]))


def place(new: list[tuple[int, Article]], index: LinkIndex,
          probe: int | None = None) -> tuple[_Placed, dict[str, Any]] | None:
    """The new articles' claims placed in the kept themes and compared with the ``probe`` nearest blocks
    of each (None: ``claim_blocks.PROBE``), and kept for the next update; None when the index holds no
    narratives state (or one without blocks, kept by an earlier version), or the claims were embedded
    by another embedder."""
    state = index.kept(STATE)
    if not isinstance(state, dict) or "blocks" not in state:
        return None
    rows, x = gather({row: a.findings.get("claims", []) for row, a in new})
    if rows and rows[0].claim.get("_embedder") != state["embedder"]:
        return None
    # The products here are small (a few new claims against a block of ~50), thousands of them: on
    # OpenBLAS's default threads (one per core) they spun and fought other work for the cores. +990
    # articles of new stories into 100,000 (place alone, a 2-core machine at load 4-5): 20.5 CPU s,
    # 38 s wall on the default threads; 5.8 CPU s, 11.8 s wall on one (the same products, summed in
    # one order: the comparisons with FINE and BROAD_LINK gave the same pairs).
    migrate(index, state["blocks"], len(state["centres"]), int(state["dim"]))  # once, a database kept before round 8
    with one_blas_thread():
        placed = _Placed(rows, x if rows else np.zeros((0, int(state["dim"])), dtype=np.float32), state, index, probe)
        placed.blocks.visit(placed.ids, placed.x, placed.labels, state["blocks"], placed.against)
    return placed, state

