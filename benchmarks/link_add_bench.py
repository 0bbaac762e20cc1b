"""+ADD articles linked into a stored corpus of M, end to end: the link step of a run (``pipeline.link``).

    python benchmarks/link_add_bench.py [--sizes 10000,100000] [--add 1000] [--seed 1] [--keep DIR]

For each size M it makes M + ADD synthetic news articles (``link_bench.make_corpus``: incidents told by
several articles, big stories, near-copies, in a random order), gives each what the per-article step
leaves for the linkers (claim records with lexical vectors; 0-4 source mentions,
``link_update_bench.with_sources``), stores the first M in a fresh database (``Store.add_article``, as a
run stores them), and links them whole (``pipeline.link``, every default linker: setup, timed for
reference); then stores the last ADD and links again, which is what a run adding ADD articles to a
corpus of M does: the linkers update from what they kept in the database, read the articles they need
from it and store their results. Each link runs in a fresh process; the bench prints its wall time,
peak resident memory (ru_maxrss) and which linkers updated (the others ran whole). The issue's target:
+1,000 articles into 100,000 in under 30 s, the time per added article flat from 10,000 to 100,000.
"""
from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from link_bench import make_corpus
from link_update_bench import with_sources

from headwater.embed.lexical import HashingEmbedder
from headwater.enrich.claims.records import find_claims
from headwater.model import Article
from headwater.store import Store


def store_articles(path: Path, arts: list[Article]) -> None:
    with Store(path) as store:
        store.db.execute("PRAGMA synchronous = OFF")  # the bench's database: no need to survive a power cut
        run = store.begin_run(["bench"], "bench")
        for a in arts:
            store.add_article(a, run, "bench")
        store.end_run(run, analyzed=len(arts))


def child(path: str) -> None:
    from headwater.pipeline import link

    t0 = time.perf_counter()
    with Store(path) as store:
        linked = link(store)
    took = time.perf_counter() - t0
    print(f"{took:.1f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} "
          f"{','.join(linked.updated) or '-'} {','.join(linked.whole) or '-'}")


def measure(path: Path) -> list[str]:
    out = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True)
    return out.stdout.split()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--add", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", help="keep the databases in this folder")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return 0
    emb = HashingEmbedder()
    print(f"{'M':>7} {'make s':>7} {'store s':>7} {'link M s':>8} {'peak MB':>7} {'+ADD link s':>11} "
          f"{'ms/added':>8} {'peak MB':>7}  updated / whole", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        for m in (int(x) for x in args.sizes.split(",")):
            t0 = time.perf_counter()
            made, _, _ = make_corpus(m + args.add, 5.0, None, 0.02, args.seed)
            arts = [a for _, a in made]
            random.Random(args.seed).shuffle(arts)
            for i, a in enumerate(arts):
                a.source = f"bench-{i}.txt"
                a.findings["claims"] = find_claims(a, emb)
            with_sources(list(enumerate(arts, 1)), args.seed)
            made_s = time.perf_counter() - t0
            path = folder / f"add-{m}.db"
            path.unlink(missing_ok=True)
            t0 = time.perf_counter()
            store_articles(path, arts[:m])
            stored_s = time.perf_counter() - t0
            whole = measure(path)
            store_articles(path, arts[m:])
            add = measure(path)
            print(f"{m:>7} {made_s:>7.0f} {stored_s:>7.0f} {whole[0]:>8} {whole[1]:>7} {add[0]:>11} "
                  f"{1000 * float(add[0]) / args.add:>8.1f} {add[1]:>7}  {add[2]} / {add[3]}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
