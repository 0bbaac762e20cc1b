"""Served pages at corpus scale: an article page and a narrative page of a large corpus, against a small one.

    python benchmarks/serve_bench.py [--sizes 100,10000] [--requests 20]

The issue's measure: an article page and a narrative page answer in under 100 ms at 10,000 articles.
Each corpus is synthetic (``link_bench.make_corpus``: articles with places, events and dates, as the
per-article stage leaves them, plus a claim frame so that narratives form), stored with ``Store`` and
linked by the registered linkers, as ``headwater analyze`` would. Requests go through the app in
process (Starlette's test client), HTML and JSON twin, for articles and narratives spread over the
corpus; it prints the median and the 90th percentile per page and size, and the ratio of the largest
size's median to the smallest's (1.0 = pages do not grow with the corpus).
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from link_bench import make_corpus

from headwater.pipeline import link
from headwater.serve import create_app
from headwater.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient


ACTORS = ("United States", "Russia", "Turkey", "Iran", "Israel")
GROUPS = ("ISIS", "Hezbollah", "Hamas", "Taliban", "al-Qaeda")


def build(n: int, folder: Path) -> Path:
    db = folder / f"c{n}.db"
    corpus, _, _ = make_corpus(n, 5.0, None, 0.02, 1)
    rng = random.Random(n)
    for _, a in corpus:  # a claim frame in a third of the articles, so that narratives form
        if rng.random() < 0.33:
            a.events.append({"type": rng.choice(("attack", "training", "transfer")), "actor": rng.choice(ACTORS),
                             "target": rng.choice(GROUPS), "start": 0, "end": 1})
    with Store(db) as store:
        run = store.begin_run(["synthetic"], "bench")
        for _, a in corpus:
            store.add_article(a, run, "bench")
        link(store)
    return db


def timed(client: TestClient, paths: list[str]) -> list[float]:
    out = []
    for p in paths:
        t0 = time.perf_counter()
        r = client.get(p)
        out.append((time.perf_counter() - t0) * 1000)
        if r.status_code != 200:
            raise SystemExit(f"{p}: {r.status_code}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,10000")
    ap.add_argument("--requests", type=int, default=20)
    args = ap.parse_args()
    rng = random.Random(1)
    medians: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            t0 = time.perf_counter()
            db = build(n, Path(tmp))
            built = time.perf_counter() - t0
            with Store(db) as store:
                nids = [str(r[0]) for r in store.db.execute("SELECT id FROM narratives")]
                rows = [int(r[0]) for r in store.db.execute("SELECT id FROM articles")]
            client = TestClient(create_app(db))
            client.get("/")  # start-up
            arts = [f"/articles/a{rng.choice(rows)}" for _ in range(args.requests)]
            narrs = [f"/narratives/{rng.choice(nids)}" for _ in range(args.requests)] if nids else []
            for name, paths in (("article", arts), ("article.json", [p + ".json" for p in arts]),
                                ("narrative", narrs), ("narrative.json", [p + ".json" for p in narrs])):
                if not paths:
                    continue
                ms = sorted(timed(client, paths))
                med, p90 = statistics.median(ms), ms[int(0.9 * (len(ms) - 1))]
                medians.setdefault(name, []).append(med)
                print(f"{n:>7} articles  {name:15s} median {med:7.1f} ms  p90 {p90:7.1f} ms   (corpus built in {built:.0f} s, "
                      f"{len(nids)} narratives)")
    for name, m in medians.items():
        if len(m) > 1:
            print(f"ratio {name:15s} largest / smallest median: {m[-1] / m[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
