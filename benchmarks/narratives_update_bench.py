"""Narratives linked with new articles (``Linker.update``) against a full link: time and agreement.

    python benchmarks/narratives_update_bench.py [--sizes 2000,5000,10000] [--add 500] [--seed 1]
                                                 [--alone] [--full-upto N] [--repeat R]

It makes max(sizes) + ADD synthetic news articles (``link_bench.make_corpus``: incidents told by several
articles, with near-copies), in a random order, and gives each its claim records with lexical vectors
(as the per-article step leaves them); the last ADD are the added articles at every size. For each
size M it links the first M with every built-in linker (an index in memory; ``--alone``: the narratives
linker alone, for large M), then adds the ADD articles as new articles twice, from the same kept index:
comparing each new claim with its whole theme (``theme``: ``claim_blocks.PROBE`` set to every block,
the comparisons an update made before blocks) and with its nearest blocks (``blocks``: the default),
each ``--repeat`` times (the fastest is printed: the machine is shared), and links the M + ADD articles
whole again (for M up to ``--full-upto``). It prints, for the narratives linker alone (the other
linkers are timed apart and left out): the full link of M, the update with ADD, the time per added
article (flat as M grows: the update grows with what is new), the update's share of the full link of
M + ADD, and how far they agree: the article pairs the fine narratives (one claim retold) hold in both,
over those of the full link, and the contradictions of each.
"""
from __future__ import annotations

import argparse
import copy
import dataclasses
import random
import sys
import time
from collections import defaultdict
from typing import Any

from link_bench import make_corpus

from headwater.embed.lexical import HashingEmbedder
from headwater.enrich.claims.records import find_claims
from headwater.link import claim_blocks
from headwater.link.builtin import BUILTIN, NARRATIVES
from headwater.link.index import MemoryIndex
from headwater.link.registry import LinkContext, Linker, run_linkers

Rows = list[dict[str, Any]]


def timed(linkers: tuple[Linker, ...], spent: dict[str, float]) -> tuple[Linker, ...]:
    """The linkers, each adding the time it takes (run or update) to ``spent``."""
    def wrap(ln: Linker, fn: Any) -> Any:
        def call(ctx: LinkContext) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(ctx)
            finally:
                spent[ln.name] += time.perf_counter() - t0
        return call
    return tuple(dataclasses.replace(ln, run=wrap(ln, ln.run), update=wrap(ln, ln.update) if ln.update else None)
                 for ln in linkers)


def fine_pairs(narratives: Rows) -> set[tuple[str, str]]:
    return {(x, y) for n in narratives if n.get("level") == "fine"
            for x in n["article_ids"] for y in n["article_ids"] if x < y}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2000,5000,10000")
    ap.add_argument("--add", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--alone", action="store_true", help="link the narratives alone (no entities, copies, stories)")
    ap.add_argument("--full-upto", type=int, default=10 ** 9, help="the full link of M + ADD only up to this M")
    ap.add_argument("--repeat", type=int, default=1, help="updates timed per size and way (the fastest counts)")
    args = ap.parse_args()
    emb = HashingEmbedder()
    linkers = (dataclasses.replace(NARRATIVES, requires=()),) if args.alone else BUILTIN
    probe = claim_blocks.PROBE
    print(f"{'M':>6} {'full link of M s':>16} {'compared':>8} {'+ADD update s':>13} {'ms/added':>8} "
          f"{'full M+ADD s':>12} {'update/full':>11} {'fine pairs kept':>15} {'contradictions':>14}", flush=True)
    sizes = [int(x) for x in args.sizes.split(",")]
    made, _, _ = make_corpus(max(sizes) + args.add, 5.0, None, 0.02, args.seed)
    arts = [a for _, a in made]
    random.Random(args.seed).shuffle(arts)
    for a in arts:
        a.findings["claims"] = find_claims(a, emb)
    for m in sizes:
        corpus = list(enumerate(copy.deepcopy(arts[:m] + arts[-args.add:]), 1))  # linkers may type mentions
        index, state = MemoryIndex(), dict[str, Any]()
        spent: dict[str, float] = defaultdict(float)
        old, _ = run_linkers(timed(linkers, spent), LinkContext(corpus[:m], index=index, state=state))
        full_m = spent.pop(NARRATIVES.name)
        kept_index = copy.deepcopy((index, state))
        rows = []
        for mode, probing in (("theme", claim_blocks.EVERY_BLOCK), ("blocks", probe)):
            claim_blocks.PROBE = probing
            best = float("inf")
            for _ in range(args.repeat):
                index, state = copy.deepcopy(kept_index)
                spent.clear()
                ctx = LinkContext(corpus, new=[r for r, _ in corpus[m:]], index=index, state=state,
                                  previous={k: list(v) for k, v in old.items()})
                added, _ = run_linkers(timed(linkers, spent), ctx)
                assert NARRATIVES.name in ctx.updated, "the narratives were linked whole"
                best = min(best, spent.pop(NARRATIVES.name))
            rows.append((mode, best, added))
        claim_blocks.PROBE = probe
        whole: dict[str, Rows] = {}
        full_all = float("nan")
        if m <= args.full_upto:
            spent.clear()
            whole, _ = run_linkers(timed(linkers, spent), LinkContext(corpus, state={}))
            full_all = spent.pop(NARRATIVES.name)
        for mode, update, added in rows:
            w, u = fine_pairs(whole.get("narratives", [])), fine_pairs(added["narratives"])
            kept = f"{len(w & u) / len(w):.3f}" if w else "-"
            contra = f"{len(added['contradictions']):>6} / {len(whole['contradictions']) if whole else '-':<6}"
            print(f"{m:>6} {full_m:>16.1f} {mode:>8} {update:>13.2f} {1000 * update / args.add:>8.2f} "
                  f"{full_all:>12.1f} {update / full_all:>11.3f} {kept:>15} {contra:>14}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
