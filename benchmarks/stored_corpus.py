"""A large synthetic corpus stored once and copied into benchmark databases in bulk.

    python benchmarks/stored_corpus.py OUT.db [--n 101000] [--seed 1] [--workers 2]

How the rows are made: ``link_bench.make_corpus`` writes N synthetic news articles (incidents told by
several articles, big stories, near-copies), shuffled; each gets what the per-article step leaves for
the linkers: its claim records with lexical vectors (``find_claims`` with ``HashingEmbedder``, in
``--workers`` processes: the costly part, about 10 ms an article) and 0-4 source mentions
(``link_update_bench.with_sources``); each is stored with ``Store.add_article`` into OUT.db under row
id 1..N, in that order. That database is the cache: a benchmark copies its first M rows (and then the
next ADD) into a fresh database with ``copy_rows`` (``INSERT … SELECT`` per table, the stored rows
as they are), so a 100,000-article corpus is made once (about 10 minutes on 2 cores) and then costs
seconds per use, where making it inside each run cost most of an hour.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import sys
import time
from pathlib import Path

from link_bench import make_corpus
from link_update_bench import with_sources

from headwater.embed.lexical import HashingEmbedder
from headwater.enrich.claims.records import find_claims
from headwater.model import Article
from headwater.store import TYPED_FINDINGS, Store

CHUNK = 1000  # articles per task handed to a worker, and per progress line


def _claims(arts: list[Article]) -> list[list[dict[str, object]]]:
    emb = HashingEmbedder()
    return [find_claims(a, emb) for a in arts]


def make_stored(path: Path, n: int, seed: int, workers: int) -> None:
    t0 = time.perf_counter()
    made, _, _ = make_corpus(n, 5.0, None, 0.02, seed)
    arts = [a for _, a in made]
    del made
    random.Random(seed).shuffle(arts)
    for i, a in enumerate(arts):
        a.source = f"bench-{i}.txt"
    with_sources(list(enumerate(arts, 1)), seed)
    print(f"made {n} articles in {time.perf_counter() - t0:.0f} s", flush=True)
    path.unlink(missing_ok=True)
    chunks = [arts[i:i + CHUNK] for i in range(0, n, CHUNK)]
    with Store(path) as store, mp.get_context("fork").Pool(workers) as pool:
        store.db.execute("PRAGMA synchronous = OFF")  # a cache: rebuilt if lost
        run = store.begin_run(["bench"], "bench")
        for i, claims in enumerate(pool.imap(_claims, chunks)):
            for a, cl in zip(chunks[i], claims, strict=True):
                a.findings["claims"] = cl
                store.add_article(a, run, "bench")
            chunks[i] = []
            print(f"stored {min(n, (i + 1) * CHUNK)} / {n} at {time.perf_counter() - t0:.0f} s", flush=True)
        store.end_run(run, analyzed=n)
        store.db.execute("DELETE FROM link_pending")  # the copies say what is pending in theirs


def copy_rows(store: Store, cache: Path, first: int, last: int) -> int:
    """Copy the cache's articles ``first``..``last`` (row ids) with their findings into ``store``, as new
    articles pending a link; returns how many were copied."""
    db = store.db
    if not any(r[1] == "cache" for r in db.execute("PRAGMA database_list")):
        db.execute("ATTACH DATABASE ? AS cache", (str(cache),))
    with db:
        if db.execute("SELECT count(*) FROM runs").fetchone()[0] == 0:
            db.execute("INSERT INTO runs SELECT * FROM cache.runs")
        got = db.execute("INSERT INTO articles SELECT * FROM cache.articles WHERE id BETWEEN ? AND ?", (first, last)).rowcount
        for table in (*TYPED_FINDINGS, "findings"):
            db.execute(f"INSERT INTO {table} SELECT * FROM cache.{table} WHERE article_id BETWEEN ? AND ?", (first, last))
        db.execute("INSERT INTO inputs SELECT * FROM cache.inputs WHERE article_id BETWEEN ? AND ?", (first, last))
        db.execute("INSERT INTO link_pending(article_id, status) SELECT id, 'new' FROM cache.articles "
                   "WHERE id BETWEEN ? AND ?", (first, last))
    return int(got)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=101_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    make_stored(Path(args.out), args.n, args.seed, args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
