"""Dask scaling: the per-article step on a local cluster of 2 worker processes against 1, in one run.

    python benchmarks/cluster_bench.py [PATH ...] [--docs N]

The issue's measure: a local cluster of 2 worker processes on a 2-core machine reaches >= 1.7x one
worker, with the same analysis. Texts: the articles under PATH (default: the FA-KES articles beside
the project when present, else ``examples/seeds``), repeated (each copy made distinct) up to ``--docs``.
Each cluster (``distributed.LocalCluster``, processes, one thread each, loopback) is started and its
workers load the resources (the worker plugin) before the clock starts; then the same inputs go
through ``work.analyze_inputs`` on the cluster's executor, results gathered as they arrive, as
``headwater analyze --scheduler`` does. Prints articles/s for each, the ratio, whether both gave the
same findings, and what the ratio means per hour and overnight (8 h) on this machine.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path
from typing import Any

from distributed import LocalCluster

from headwater.cluster import dask_executor
from headwater.ingest import iter_inputs
from headwater.model import Article, RawInput
from headwater.pipeline import default_enrichers
from headwater.resources import Resources
from headwater.work import analyze_inputs

ROOT = Path(__file__).resolve().parent.parent
FAKES = ROOT.parent / "shared" / "eval" / "fakes" / "articles"
DEFAULT_INPUT = FAKES if FAKES.is_dir() else ROOT / "examples" / "seeds"


def _corpus(paths: list[str], n: int) -> list[RawInput]:
    base = [r for r in iter_inputs(paths) if isinstance(r, RawInput)]
    out = []
    for i, r in enumerate(itertools.islice(itertools.cycle(base), n)):
        out.append(RawInput(source=f"{r.source}#{i}", content=r.content, kind=r.kind, meta=r.meta, digest=f"{r.digest}-{i}"))
    return out


def _run(workers: int, raws: list[RawInput], res: Resources) -> tuple[float, dict[str, Any]]:
    enr = default_enrichers()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        spec = res.spec()
        with dask_executor(cluster.scheduler_address, spec) as (executor, slots):
            list(analyze_inputs(iter(raws[:2 * slots]), res, enr, executor=executor, loaded=spec))  # warm-up: models in place
            t = time.perf_counter()
            found = {}
            for raw, out in analyze_inputs(iter(raws), res, enr, workers=slots, executor=executor, loaded=spec):
                found[raw.source] = _facts(out) if isinstance(out, Article) else str(out)
            return time.perf_counter() - t, found


def _facts(a: Article) -> str:
    return json.dumps([sorted(json.dumps([x.get("start"), x.get("end"), x.get("field")]) for x in found)
                       for found in (a.places, a.attributions, a.events)])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(DEFAULT_INPUT)])
    ap.add_argument("--docs", type=int, default=120)
    args = ap.parse_args()
    raws = _corpus(args.paths, args.docs)
    res = Resources()
    one, found1 = _run(1, raws, res)
    two, found2 = _run(2, raws, res)
    rate1, rate2 = len(raws) / one, len(raws) / two
    print(f"articles            {len(raws)} (from {', '.join(args.paths)})")
    print(f"1 worker            {one:.1f} s  ({rate1:.2f} articles/s)")
    print(f"2 workers           {two:.1f} s  ({rate2:.2f} articles/s)")
    print(f"speed-up            {one / two:.2f}x (target >= 1.7)")
    print(f"same findings       {found1 == found2} ({len(found1)} articles)")
    print(f"on this machine     {rate2 * 3600:,.0f} articles/hour with 2 workers; {rate2 * 8 * 3600:,.0f} overnight (8 h); "
          f"a cluster adds about {rate1 * 3600:,.0f} articles/hour per worker core like these")
    return 0


if __name__ == "__main__":
    sys.exit(main())
