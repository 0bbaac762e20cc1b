"""Per-article throughput against spaCy alone on the same texts, in one run.

    python benchmarks/throughput_bench.py [PATH ...] [--docs N] [--chunk K] [--profile FILE] [--vectors e5]

The issue's measure: the per-article step (extract + every registered enricher, as ``analyze`` runs it:
``work.process_batch`` over a worker's chunk) reaches at least 0.85x the throughput of spaCy alone on
the same texts. Texts: the articles under PATH (default: the FA-KES articles beside the project when
present, else ``examples/seeds``), repeated up to ``--docs``. The timings run in this process, chunk by
chunk and interleaved, so all see the same load on a shared machine:

    spacy alone         [stock(text) for text in chunk]          the issue's baseline
    spacy alone, pipe   list(stock.pipe(chunk))                  spaCy batched, for comparison
    headwater           process_batch(chunk, resources, enrichers)

``stock`` is the model as spaCy loads it (``load_nlp(fast=False)``: every component as shipped);
headwater parses with its own copy, whose attribute ruler and lemmatizer are replaced by equivalents
that annotate identically at less cost (``headwater.lang.fastpipe``), batched with ``nlp.pipe``. So the
ratio counts what headwater saves on spaCy's own work as well as what it adds; the second ratio, against
spaCy batched, shows how much of it batching alone explains.

Resources are loaded and one warm-up chunk goes through all before timing. Prints the times and the
ratios spacy / headwater (throughput of headwater relative to spaCy; 1.0 = no cost on top).
``--profile FILE`` writes a cProfile of the headwater side (read it with ``python -m pstats FILE``).
"""
from __future__ import annotations

import argparse
import cProfile
import itertools
import sys
import time
from pathlib import Path

from headwater.ingest import iter_inputs
from headwater.model import InputError, RawInput
from headwater.pipeline import default_enrichers
from headwater.resources import Resources, load_nlp
from headwater.work import process, process_batch

ROOT = Path(__file__).resolve().parent.parent
FAKES = ROOT.parent / "shared" / "eval" / "fakes" / "articles"
DEFAULT_INPUT = FAKES if FAKES.is_dir() else ROOT / "examples" / "seeds"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(DEFAULT_INPUT)])
    ap.add_argument("--docs", type=int, default=180)
    ap.add_argument("--chunk", type=int, default=10)
    ap.add_argument("--profile", help="write a cProfile of the headwater side to this file")
    ap.add_argument("--vectors", default="lexical", choices=("lexical", "e5", "auto"),
                    help="claim vectors (lexical: analyze's default; e5: its default with --taxonomy)")
    args = ap.parse_args()
    raws = [r for r in iter_inputs(args.paths) if not isinstance(r, InputError)]
    if not raws:
        print("no input could be read", file=sys.stderr)
        return 2
    items: list[RawInput] = list(itertools.islice(itertools.cycle(raws), args.docs))
    res = Resources(vectors=args.vectors)
    enrichers = default_enrichers()
    texts = []
    for raw in items:  # the clean texts spaCy alone parses: what the enrichers parse too
        r = process(raw, res, [])
        texts.append(r.text if not isinstance(r, InputError) else "")
    stock = load_nlp(res.model, fast=False)
    process_batch(items[:args.chunk], res, enrichers)  # warm-up: models, gazetteer, registries
    stock(texts[0])
    list(stock.pipe(texts[:args.chunk]))
    prof = cProfile.Profile() if args.profile else None
    t_spacy = t_pipe = t_hw = 0.0
    for i in range(0, len(items), args.chunk):
        t0 = time.perf_counter()
        for text in texts[i:i + args.chunk]:
            stock(text)
        t1 = time.perf_counter()
        list(stock.pipe(texts[i:i + args.chunk]))
        t2 = time.perf_counter()
        if prof:
            prof.enable()
        process_batch(items[i:i + args.chunk], res, enrichers)
        if prof:
            prof.disable()
        t_spacy += t1 - t0
        t_pipe += t2 - t1
        t_hw += time.perf_counter() - t2
    if prof and args.profile:
        prof.dump_stats(args.profile)
    n = len(items)
    print(f"articles            {n} ({len(raws)} distinct, from {', '.join(args.paths)})")
    print(f"spacy alone         {t_spacy:.2f} s  ({n / t_spacy:.1f} articles/s; {res.model} as shipped, one text a call)")
    print(f"spacy alone, pipe   {t_pipe:.2f} s  ({n / t_pipe:.1f} articles/s; nlp.pipe over each chunk of {args.chunk})")
    print(f"headwater           {t_hw:.2f} s  ({n / t_hw:.1f} articles/s; {', '.join(e.name for e in enrichers)}; "
          f"claim vectors {res.embedder.name})")
    print(f"throughput ratio    {t_spacy / t_hw:.2f}x spaCy alone (target >= 0.85)")
    print(f"                    {t_pipe / t_hw:.2f}x spaCy alone batched (nlp.pipe)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
