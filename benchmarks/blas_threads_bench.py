"""natasha's Russian parse with OpenBLAS's own thread count against one BLAS thread, in one run.

    python benchmarks/blas_threads_bench.py 'DIR/RU_*.txt' [--limit N] [--repeat R]

``headwater.lang.parsers.natasha_parser`` runs the slovnet models' matrix products on one BLAS thread
(``headwater.lang.blas.one_blas_thread``). This parses the same articles both ways, alternating article
by article so that other work on the machine slows both alike, and prints the CPU time (all threads)
and wall time of each way, their ratios, and how many tokens were parsed otherwise (a near tie in the
products' rounding may fall the other way on one thread; ``headwater.lang.blas``).
"""
from __future__ import annotations

import argparse
import glob
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from headwater.lang.blas import blas_threads, one_blas_thread


def _parse_fn() -> Callable[[str], Any]:
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    segmenter, emb = Segmenter(), NewsEmbedding()
    morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)

    def parse(text: str) -> Any:
        nd = Doc(text)
        nd.segment(segmenter)
        nd.tag_morph(morph)
        nd.parse_syntax(syntax)
        nd.tag_ner(ner)
        return ([(t.pos, t.feats, t.head_id, t.rel) for t in nd.tokens], [(s.start, s.stop, s.type) for s in nd.spans])

    return parse


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pattern", help="glob of Russian plain-text articles")
    ap.add_argument("--limit", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    texts = [Path(f).read_text(encoding="utf-8", errors="replace") for f in sorted(glob.glob(args.pattern))[:args.limit]]
    if not texts:
        print("no articles matched", file=sys.stderr)
        return 2
    print(f"BLAS threads by default: {blas_threads() or 'n/a (no BLAS threadpoolctl knows)'}")
    parse = _parse_fn()
    parse(texts[0])  # load what is loaded lazily
    cpu = {"default": 0.0, "one": 0.0}
    wall = {"default": 0.0, "one": 0.0}
    tokens = other = 0
    for _ in range(args.repeat):
        for text in texts:
            c, w = time.process_time(), time.perf_counter()
            a = parse(text)
            cpu["default"] += time.process_time() - c
            wall["default"] += time.perf_counter() - w
            c, w = time.process_time(), time.perf_counter()
            with one_blas_thread():
                b = parse(text)
            cpu["one"] += time.process_time() - c
            wall["one"] += time.perf_counter() - w
            tokens += len(a[0])
            other += sum(x != y for x, y in zip(a[0], b[0], strict=True)) + (a[1] != b[1])
    for key in ("default", "one"):
        print(f"{key:8s} {len(texts) * args.repeat:4d} parses  CPU {cpu[key]:7.2f} s  wall {wall[key]:7.2f} s")
    print(f"one thread / default: CPU {cpu['one'] / max(cpu['default'], 1e-9):.2f}, wall "
          f"{wall['one'] / max(wall['default'], 1e-9):.2f}; tokens parsed otherwise: {other} of {tokens}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
