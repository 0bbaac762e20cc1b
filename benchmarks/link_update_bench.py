"""Linking new articles into a linked corpus: time against corpus size, and agreement with a full relink.

    python benchmarks/link_update_bench.py [--sizes 10000,30000,100000] [--add 1000] [--no-full] [--seed 1]

For each size M it makes a synthetic corpus of M + ADD articles (``link_bench.make_corpus``: incidents
told by several articles, big stories, near-copies), in a random order so that the added articles join
old incidents as well as start new ones; stores them in a fresh database (only what linking reads);
links the first M whole with the database as the linkers' index (``copies`` and ``stories``, the linkers
that update); then adds the last ADD as new articles (``Linker.update``), and, unless ``--no-full``,
links all M + ADD whole again for comparison. It prints the times, the time per added article (flat as
M grows means the update grows with what is new, not with the corpus), the update's time as a share of
the full relink's, and how far the two agree (B-cubed F1 of the update's stories against the full
relink's; copies found by both).

What it does not time: reading the corpus's articles from the database (``Store.articles``) and the
linkers that still run over the whole corpus (entities, narratives): see the README's scale section.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from link_bench import make_corpus

from headwater.link.builtin import COPIES, STORIES
from headwater.link.registry import LinkContext, run_linkers
from headwater.link.stories_update import agreement
from headwater.model import Article
from headwater.store import Store


def store_of(path: Path, corpus: list[tuple[int, Article]]) -> Store:
    store = Store(path)
    with store.db:
        store.db.executemany("INSERT INTO articles(id, content_hash, source, text, published, analyzer, added_at) "
                             "VALUES (?, ?, ?, ?, ?, 'bench', 'now')",
                             [(row, str(row), a.source, a.text, a.published) for row, a in corpus])
    return store


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,30000,100000")
    ap.add_argument("--add", type=int, default=1000)
    ap.add_argument("--no-full", action="store_true", help="skip the full relink of M + ADD (slow at 100k)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    print(f"{'M':>7} {'full link of M s':>16} {'+ADD update s':>13} {'ms/added':>8} {'full M+ADD s':>12} "
          f"{'update/full':>11} {'stories F1':>10} {'copies same':>11}", flush=True)
    for m in (int(x) for x in args.sizes.split(",")):
        made, _, _ = make_corpus(m + args.add, 5.0, None, 0.02, args.seed)
        arts = [a for _, a in made]
        random.Random(args.seed).shuffle(arts)
        corpus = list(enumerate(arts, 1))
        with tempfile.TemporaryDirectory() as tmp, store_of(Path(tmp) / "bench.db", corpus) as store:
            t0 = time.perf_counter()
            old, _ = run_linkers((COPIES, STORIES), LinkContext(corpus[:m], index=store))
            full_m = time.perf_counter() - t0
            t0 = time.perf_counter()
            added, _ = run_linkers((COPIES, STORIES), LinkContext(corpus, new=[r for r, _ in corpus[m:]],
                                                                  previous={k: list(v) for k, v in old.items()},
                                                                  index=store))
            update = time.perf_counter() - t0
        full_all = f1 = same = None
        if not args.no_full:
            t0 = time.perf_counter()
            whole, _ = run_linkers((COPIES, STORIES), LinkContext(corpus))
            full_all = time.perf_counter() - t0
            f1 = agreement(added["stories"], whole["stories"])
            same = added["copies"] == whole["copies"]
        print(f"{m:>7} {full_m:>16.1f} {update:>13.2f} {1000 * update / args.add:>8.2f} "
              f"{'-' if full_all is None else f'{full_all:.1f}':>12} "
              f"{'-' if full_all is None else f'{update / full_all:.3f}':>11} "
              f"{'-' if f1 is None else f'{f1:.3f}':>10} {'-' if same is None else str(same):>11}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
