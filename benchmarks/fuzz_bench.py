"""Do N generated malformed inputs of every kind go through `analyze` with 0 crashes?

Generates N inputs (tests/malformed.py: txt, html, jsonl, warc, warc.gz; 5% good articles), runs the
full analyze over them in one run, and prints: crashes (analyze raising, errors that are bugs in
headwater, inputs neither stored nor listed, good inputs not stored; all must be 0), the errors with
their reasons (counted by reason, a sample of each), the inputs stored, and the time per input.

Usage: PYTHONPATH=src .venv/bin/python benchmarks/fuzz_bench.py [N] [--workers W] [--seed S] [--keep DIR]
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.malformed import account, generate  # noqa: E402

from headwater.pipeline import AnalyzeOptions, analyze  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="Keep the inputs and the run's database in this folder.")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="headwater-fuzz-"))
    started = time.monotonic()
    inputs = generate(work / "in", args.n, args.seed)
    generated = time.monotonic() - started
    crashed = None
    started = time.monotonic()
    try:
        analyze([str(work / "in")], work / "out", AnalyzeOptions(workers=args.workers, write_outputs=False))
    except BaseException:  # a crash of the whole run is what this benchmark looks for
        crashed = traceback.format_exc()
    took = time.monotonic() - started
    got = account(work / "out" / "headwater.db", inputs)
    good = sum(1 for _, g in inputs if g)
    crashes = (1 if crashed else 0) + len(got["bugs"]) + len(got["unaccounted"]) + len(got["lost"])
    print(f"inputs: {len(inputs)} ({good} good, {len(inputs) - good} malformed), generated in {generated:.1f} s")
    print(f"analyze: {took:.1f} s, {1000 * took / max(1, len(inputs)):.1f} ms per input, {args.workers} workers")
    print(f"crashes: {crashes} (run raised: {bool(crashed)}; bugs in headwater: {len(got['bugs'])}; "
          f"unaccounted inputs: {len(got['unaccounted'])}; good inputs not stored: {len(got['lost'])})")
    print(f"stored: {len(got['stored'])} inputs (good stored: {good - len(got['lost'])} of {good})")
    print(f"errors: {len(got['errors'])}")
    by_reason: dict[str, list[str]] = collections.defaultdict(list)
    for e in got["errors"]:
        reason = e.split(": ", 1)[1] if ": " in e else e
        by_reason[re.sub(r"\d[\d,.]*", "N", reason)[:110]].append(e)
    for reason, items in sorted(by_reason.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(items):6d}  {reason}")
    for key in ("bugs", "unaccounted", "lost"):
        for x in got[key][:20]:
            print(f"{key}: {x}")
    if crashed:
        print(crashed)
    print(f"(inputs and database in {work})")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
