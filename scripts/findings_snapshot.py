"""Every article's findings as JSON lines, to check that a change to the per-article step changes nothing.

    python scripts/findings_snapshot.py OUT.jsonl PATH ... [--vectors e5]   # the step as analyze runs it
    python scripts/findings_snapshot.py --compare BEFORE.jsonl AFTER.jsonl  # what differs, article by article

Run it on the code before a change and after (PYTHONPATH pointing at each), then compare: every field
of every article (places, attributions, events, claims and their vectors, notes) must be the same, or
each difference is listed with its article and field.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import Any


def snapshot(out: str, paths: list[str], vectors: str) -> int:
    from headwater.ingest import iter_inputs
    from headwater.model import InputError
    from headwater.pipeline import default_enrichers
    from headwater.resources import Resources
    from headwater.work import analyze_inputs

    res = Resources(vectors=vectors)
    enrichers = default_enrichers()
    raws = [r for r in iter_inputs(paths) if not isinstance(r, InputError)]
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for raw, result in analyze_inputs(iter(raws), res, enrichers, workers=1):
            row = {"source": raw.source, "result": dataclasses.asdict(result)}
            f.write(json.dumps(row, sort_keys=True, ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} articles -> {out}")
    return 0


def _load(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        return {row["source"]: row["result"] for row in map(json.loads, f)}


def compare(before: str, after: str) -> int:
    a, b = _load(before), _load(after)
    diffs = 0
    for source in sorted(a.keys() | b.keys()):
        if source not in a or source not in b:
            print(f"{source}: only in {'after' if source in b else 'before'}")
            diffs += 1
            continue
        for field in sorted(a[source].keys() | b[source].keys()):
            if a[source].get(field) != b[source].get(field):
                print(f"{source}: {field} differs")
                diffs += 1
    print(f"{len(a)} articles before, {len(b)} after; {diffs} differences")
    return 1 if diffs else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?")
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--vectors", default="lexical", choices=("lexical", "e5", "auto"))
    ap.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args()
    if args.compare:
        return compare(*args.compare)
    if not args.out or not args.paths:
        ap.error("give OUT and at least one PATH, or --compare BEFORE AFTER")
    return snapshot(args.out, args.paths, args.vectors)


if __name__ == "__main__":
    sys.exit(main())
