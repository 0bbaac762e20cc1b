"""Benchmark headwater's HTML main-text extraction against plain trafilatura.

    python benchmarks/extract_bench.py --pages DIR --gold FILE [--worst N] [--only ID ...]

DIR holds raw pages named `<id>.html`; FILE is a gold document `{"items": {id: {"articleBody": ...}}}`
(the Zyte article-extraction benchmark format; a bare `{id: {...}}` mapping works too). Every page is
decoded the way headwater's ingest decodes files, then extracted three ways:

    plain       trafilatura.extract(page)                       (library defaults)
    recall      trafilatura.extract(page, favor_recall=True)
    headwater   headwater.extract.html.extract_html(page).text

and scored with the same measure as the evaluation scorer: lowercased word tokens (\\w+) counted as
multisets, per-page precision / recall / F1, then the mean over pages (a page with no text scores 0).
It prints the mean P/R/F1 of each method, the wall-time ratio headwater/plain, and the pages where
headwater scores worst (with the F1 of the other two for comparison).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable

import trafilatura

from headwater.extract.html import extract_html
from headwater.ingest.decode import decode

WORD = re.compile(r"\w+")
Scores = tuple[float, float, float]


def tokens(text: str | None) -> list[str]:
    return WORD.findall(str(text or "").lower())


def prf(gold: str, pred: str | None) -> Scores:
    """Token precision, recall and F1 of `pred` against `gold`, multiset overlap (as the scorer)."""
    g, p = Counter(tokens(gold)), Counter(tokens(pred))
    tp = sum((g & p).values())
    ng, npred = sum(g.values()), sum(p.values())
    prec = tp / npred if npred else 0.0
    rec = tp / ng if ng else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


METHODS: dict[str, Callable[[str], str | None]] = {
    "plain": lambda page: trafilatura.extract(page),
    "recall": lambda page: trafilatura.extract(page, favor_recall=True),
    "headwater": lambda page: extract_html(page).text,
}


def load_gold(path: str) -> dict[str, str]:
    with open(path, encoding="utf-8") as fh:
        doc = json.load(fh)
    items = doc.get("items", doc) if isinstance(doc, dict) else {}
    return {k: v.get("articleBody") or "" for k, v in items.items()}


def load_pages(directory: str, ids: list[str]) -> dict[str, str]:
    pages = {}
    for pid in ids:
        with open(os.path.join(directory, pid + ".html"), "rb") as fh:
            pages[pid] = decode(fh.read())[0]
    return pages


def run(name: str, pages: dict[str, str], gold: dict[str, str]) -> tuple[dict[str, Scores], float]:
    """Per-page scores of one method, and its wall time over all pages."""
    fn = METHODS[name]
    fn(next(iter(pages.values())))  # warm-up: lazy imports and caches should not count against one method
    scores = {}
    start = time.perf_counter()
    for pid, page in pages.items():
        try:
            out = fn(page)
        except Exception as exc:  # a crash is a page with no text, and worth seeing
            print(f"{name}: {pid}: {type(exc).__name__}: {exc}", file=sys.stderr)
            out = ""
        scores[pid] = prf(gold[pid], out)
    return scores, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--pages", required=True, help="directory of <id>.html pages")
    ap.add_argument("--gold", required=True, help="gold JSON ({items: {id: {articleBody}}})")
    ap.add_argument("--worst", type=int, default=12, help="how many of headwater's worst pages to list")
    ap.add_argument("--only", nargs="*", help="score only the pages whose id starts with one of these")
    ap.add_argument("--methods", nargs="*", default=list(METHODS), choices=list(METHODS))
    ap.add_argument("--json", help="also write the per-page scores to this file")
    args = ap.parse_args(argv)

    gold = load_gold(args.gold)
    ids = sorted(i for i in gold if os.path.exists(os.path.join(args.pages, i + ".html")))
    if args.only:
        ids = [i for i in ids if any(i.startswith(o) for o in args.only)]
    if not ids:
        print("no pages with gold found", file=sys.stderr)
        return 1
    pages = load_pages(args.pages, ids)

    scores: dict[str, dict[str, Scores]] = {}
    seconds: dict[str, float] = {}
    for name in args.methods:
        scores[name], seconds[name] = run(name, pages, gold)

    print(f"{len(ids)} pages")
    print(f"{'method':10s} {'P':>6s} {'R':>6s} {'F1':>6s} {'sec':>7s}")
    for name in args.methods:
        vals = list(scores[name].values())
        p, r, f = (100 * sum(v[k] for v in vals) / len(vals) for k in range(3))
        print(f"{name:10s} {p:6.1f} {r:6.1f} {f:6.1f} {seconds[name]:7.2f}")
    if "plain" in seconds and "headwater" in seconds and seconds["plain"]:
        print(f"time ratio headwater/plain: {seconds['headwater'] / seconds['plain']:.2f}")
    if "headwater" in scores and args.worst:
        others = [m for m in args.methods if m != "headwater"]
        print(f"\nworst {args.worst} by headwater F1 (P R F1" + "".join(f" | {m} F1" for m in others) + ")")
        for pid in sorted(ids, key=lambda i: scores["headwater"][i][2])[:args.worst]:
            p, r, f = scores["headwater"][pid]
            rest = "".join(f" {100 * scores[m][pid][2]:6.1f}" for m in others)
            print(f"  {pid[:12]}  {100 * p:5.1f} {100 * r:5.1f} {100 * f:5.1f} |{rest}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(scores, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
