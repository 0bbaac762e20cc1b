"""Linking and building the document as the corpus grows: time and the client's peak memory.

    python benchmarks/scale_bench.py FROM.db [--sizes 10000,30000,100000] [--add 1000] [--keep DIR]
                                     [--steps whole,add,document,json,streamed]

``FROM.db`` is any headwater database (an analysis of real articles: its findings are what the
client holds in memory). Each size's database is made from it by repeating its articles, each copy's
text marked apart (so each is a distinct article; the copies' shared text is too common to count as
near-copies: ``copies.COMMON``), with every finding. For each size, in a fresh process each:

    link whole    ``pipeline.link`` over the whole corpus (what the first run of a corpus does)
    add ADD       ADD more such articles stored, then ``pipeline.link`` (the linkers that can update)
    document      ``document.build`` of the whole corpus (what report.html is made from)
    json          analysis.json as it was written: ``document.build``, then ``write_json``
    streamed      analysis.json as a run writes it now: ``document_stream.write_document`` (the same bytes)
    write whole   a run's writing stage as it was: ``document.build``, analysis.json, report.html from it
    write         a run's writing stage now: analysis.json streamed, then report.html from
                  ``document_stream.report_document`` (the same page)

and prints the wall time and the peak resident memory (ru_maxrss) of each process. The issue's
targets: linking +1,000 articles into 100,000 in under 30 s; peak memory under 2 GB at 100,000
articles, flat from 10,000 to 100,000.
"""
from __future__ import annotations

import argparse
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TABLES = ("places", "attributions", "events", "findings")


def grow(source: Path, target: Path, size: int, start: int = 0) -> None:
    """Append articles ``start`` .. ``size`` - 1 to ``target``, copies of ``source``'s in turn."""
    from headwater.store import Store

    Store(target).close()  # the schema
    db = sqlite3.connect(target)
    db.execute("ATTACH DATABASE ? AS src", (str(source),))
    ids = [r[0] for r in db.execute("SELECT id FROM src.articles ORDER BY id")]
    cols = {t: [r[1] for r in db.execute(f"PRAGMA src.table_info({t})") if r[1] not in ("id", "article_id", "key")]
            for t in TABLES}
    acols = [r[1] for r in db.execute("PRAGMA src.table_info(articles)")
             if r[1] not in ("id", "key", "content_hash", "text", "source")]
    with db:
        run = db.execute("INSERT INTO runs(started_at, headwater_version, inputs) VALUES ('now', 'bench', '[]')").lastrowid
        for n in range(start, size):
            src_id, copy = ids[n % len(ids)], n // len(ids)
            new = n + 1
            db.execute(f"INSERT INTO articles(id, key, content_hash, text, source, {', '.join(acols)}) "
                       f"SELECT ?, ?, ?, text || ?, source || ?, {', '.join(acols)} FROM src.articles WHERE id = ?",
                       (new, f"a{new}", f"bench-{new}", f"\n\n[{copy}]", f"#{copy}", src_id))
            db.execute("UPDATE articles SET run_id = ? WHERE id = ?", (run, new))
            for t in TABLES:
                c = ", ".join(cols[t])
                db.execute(f"INSERT INTO {t}(article_id, {c}) SELECT ?, {c} FROM src.{t} WHERE article_id = ? "
                           "ORDER BY id", (new, src_id))
            db.execute("INSERT OR IGNORE INTO link_pending(article_id, status) VALUES (?, 'new')", (new,))
    db.close()


def child(step: str, path: str) -> None:
    from headwater.document import build
    from headwater.document_stream import report_document, write_document
    from headwater.export import write_json
    from headwater.pipeline import link
    from headwater.report import write_report
    from headwater.store import Store

    t0 = time.perf_counter()
    out = Path(path).with_suffix(f".{step}.json")
    with Store(path) as store:
        if step == "document":
            build(store)
        elif step == "json":
            write_json(build(store, generated_at="bench"), out)
        elif step == "streamed":
            write_document(store, out, generated_at="bench")
        elif step == "writewhole":
            doc = build(store, generated_at="bench")
            write_json(doc, out)
            write_report(doc, out.with_suffix(".html"))
        elif step == "write":
            summary = write_document(store, out, generated_at="bench")
            write_report(report_document(store, summary, generated_at="bench"), out.with_suffix(".html"))
        else:
            linked = link(store)
            print(f"# {step}: {linked.new} new, updated by {', '.join(linked.updated) or 'none'}", file=sys.stderr)
    took = time.perf_counter() - t0
    print(f"{took:.1f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")


def measure(step: str, path: Path) -> tuple[str, str]:
    out = subprocess.run([sys.executable, __file__, "--child", step, str(path)], capture_output=True, text=True,
                         check=True)
    took, mb = out.stdout.split()
    return took, mb


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", nargs="?")
    ap.add_argument("--sizes", default="10000,30000,100000")
    ap.add_argument("--add", type=int, default=1000)
    ap.add_argument("--keep", help="keep the databases in this folder")
    ap.add_argument("--steps", default="whole,add,document,json,streamed", help="the steps to measure")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return 0
    if not args.source:
        ap.error("FROM.db: a headwater database to grow the corpora from")
    steps = args.steps.split(",")
    names = {"whole": "link whole", "add": "+ADD link", "document": "document", "json": "json whole",
             "streamed": "json streamed", "writewhole": "write whole", "write": "write"}
    print(f"{'articles':>8} " + " ".join(f"{names[s] + ' s':>15} {'peak MB':>8}" for s in steps), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        for size in (int(x) for x in args.sizes.split(",")):
            path = folder / f"scale-{size}.db"
            path.unlink(missing_ok=True)
            grow(Path(args.source), path, size)
            done = {}
            for step in steps:
                if step == "add":
                    grow(Path(args.source), path, size + args.add, start=size)
                done[step] = measure(step, path)
            same = ""
            if "json" in done and "streamed" in done:
                same = "  same bytes: " + str(path.with_suffix(".json.json").read_bytes()
                                              == path.with_suffix(".streamed.json").read_bytes())
            if "writewhole" in done and "write" in done:
                same += "  same files: " + str(all(path.with_suffix(f".writewhole.{x}").read_bytes()
                                                   == path.with_suffix(f".write.{x}").read_bytes() for x in ("json", "html")))
            print(f"{size:>8} " + " ".join(f"{done[s][0]:>15} {done[s][1]:>8}" for s in steps) + same, flush=True)
            for step in ("json", "streamed", "writewhole", "write"):
                path.with_suffix(f".{step}.json").unlink(missing_ok=True)
                path.with_suffix(f".{step}.html").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
