"""report.html of a stored corpus: the writing step's time, peak memory and page size.

    python benchmarks/report_memory_bench.py DB [DB ...]

For each database (any headwater database, e.g. one ``link_add_bench.py --keep`` grew, or rows
copied from a ``stored_corpus.py`` cache), in a fresh process: ``document_stream.report_document``
(what the page reads, from the store) and ``report.write_report``, as a run's writing stage makes
report.html; it prints the wall time, the peak resident memory (ru_maxrss) and the page's size. Run it
with another checkout's sources first on PYTHONPATH to compare the two in one run.
"""
from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def child(path: str) -> None:
    from headwater.document_stream import report_document
    from headwater.report import write_report
    from headwater.store import Store

    t0 = time.perf_counter()
    with Store(path, readonly=True) as store, tempfile.TemporaryDirectory() as tmp:
        n = store.article_count()
        page = write_report(report_document(store, store.summary() or {}, generated_at="bench"), Path(tmp) / "r.html")
        size = page.stat().st_size
    print(f"{n} {time.perf_counter() - t0:.1f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} "
          f"{size / 1e6:.1f}")


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
        return 0
    print(f"{'articles':>8} {'report s':>8} {'peak MB':>7} {'page MB':>7}  database", flush=True)
    for db in sys.argv[1:]:
        out = subprocess.run([sys.executable, __file__, "--child", db], capture_output=True, text=True, check=True)
        n, took, mb, size = out.stdout.split()
        print(f"{n:>8} {took:>8} {mb:>7} {size:>7}  {db}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
