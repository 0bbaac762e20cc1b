"""The analysis document written from the store with bounded memory: ``analysis.json`` of any size.

``document.build`` holds the whole corpus in memory (1.9-2.3 GB at 10,000 articles). ``write_document``
writes the same file, byte for byte (``tests/test_document_stream.py``), reading the articles in
batches of ``BATCH``: each batch's articles and finding rows are encoded a line each, as ``write_json``
lays a document out (``export.files``), and appended to one temporary file per part; the linkers' parts are
read row by row from the ``links`` table; the summary is tallied on the way. The parts are then copied
into the document in its order. What stays in memory: a batch, the entities (to type each batch's
sources as the linkers did), the errors of the run, and the tallies.
"""
from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from headwater import __version__
from headwater.document import FINDING_KEYS, LINK_KEYS, RESERVED, SCHEMA_VERSION, Row, article_dict, article_parts
from headwater.export.files import line, write_atomic, write_items
from headwater.link.entities import typer
from headwater.model import key
from headwater.store import Store

# Articles read from the store at a time: enough that the per-batch queries cost nothing, few enough
# that a batch of long texts with their findings is a few MB.
BATCH = 200


class _Part:
    """One list of the document, its items encoded into a temporary file as they come."""

    def __init__(self, folder: Path) -> None:
        # open across batches, closed by the writer (``close``) whatever happens
        self.file: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8", dir=folder)  # noqa: SIM115
        self.n = 0

    def add(self, row: Any) -> None:
        self.file.write((",\n  " if self.n else "") + line(row))
        self.n += 1

    def copy_to(self, out: IO[str]) -> None:
        if not self.n:
            out.write("[]")
            return
        out.write("[\n  ")
        self.file.seek(0)
        shutil.copyfileobj(self.file, out)
        out.write("\n ]")

    def close(self) -> None:
        self.file.close()


class _Tally:
    """The summary's counts (``document.summary``), counted row by row in the document's order."""

    def __init__(self) -> None:
        self.articles = self.state = self.no_outlet = self.dated = 0
        self.outlets: set[str] = set()
        self.first: str | None = None
        self.last: str | None = None
        self.languages: Counter[str] = Counter()
        self.kinds: Counter[str] = Counter()

    def article(self, a: Row) -> None:
        self.articles += 1
        if a.get("outlet"):
            self.outlets.add(str(a["outlet"]["name"]))
        self.state += (a.get("outlet") or {}).get("state_affiliated") is True
        self.no_outlet += not a.get("outlet")
        if a.get("published"):
            date = str(a["published"])
            self.dated += 1
            self.first = date if self.first is None else min(self.first, date)
            self.last = date if self.last is None else max(self.last, date)
        self.languages[str(a.get("language") or "unknown")] += 1

    def attribution(self, at: Row) -> None:
        for s in at.get("sources") or []:
            self.kinds[str(s.get("kind") or "unknown")] += 1

    def summary(self, counts: dict[str, int]) -> dict[str, Any]:
        return {
            "articles": self.articles, "outlets": len(self.outlets), "state_affiliated_articles": self.state,
            "no_outlet_articles": self.no_outlet, "dated_articles": self.dated, "first_published": self.first,
            "last_published": self.last, "languages": dict(self.languages.most_common()),
            **{k: counts.get(k, 0) for k in (*FINDING_KEYS, *LINK_KEYS, "errors")},
            "source_mentions": dict(self.kinds.most_common()),
        }


def _link_kinds(store: Store) -> list[str]:
    """The stored link parts in the order ``document.build`` lists them: every part a linker made (an
    empty one too), then any other stored kind."""
    made = list(store.link_producers())
    stored = [str(r[0]) for r in store.db.execute("SELECT DISTINCT kind FROM links ORDER BY kind")]
    return made + [k for k in stored if k not in made]


def _link_rows(store: Store, kind: str) -> Any:
    for r in store.db.execute("SELECT data FROM links WHERE kind = ? ORDER BY position", (kind,)):
        yield json.loads(r[0])


def write_document(store: Store, path: Path, run_id: int | None = None,
                   generated_at: str | None = None) -> dict[str, Any]:
    """Write the document of everything the database holds to ``path`` (atomically), as
    ``write_json(build(store, run_id, generated_at), path)`` would; returns its summary."""
    run = run_id if run_id is not None else store.latest_run()
    errors = [{"source": e["source"], "reason": e["reason"]} for e in (store.errors(run) if run is not None else [])]
    kinds = _link_kinds(store)
    entities = store.links("entities").get("entities", [])
    head = {"schema_version": SCHEMA_VERSION, "generator": {"name": "headwater", "version": __version__},
            "generated_at": generated_at or datetime.now(UTC).isoformat(timespec="seconds")}
    summary: dict[str, Any] = {}

    def write(tmp: Path) -> None:
        parts: dict[str, _Part] = {}
        tally = _Tally()
        try:
            for name in ("articles", *FINDING_KEYS):
                parts[name] = _Part(tmp.parent)
            rows = [int(r[0]) for r in store.db.execute("SELECT id FROM articles ORDER BY id")]
            typed = typer(entities)  # the corpus-level typing of sources, as the linkers saw it
            for i in range(0, len(rows), BATCH):
                batch = list(store.articles(rows[i:i + BATCH]))
                typed(batch)
                for r, a in batch:
                    art = article_dict(r, a)
                    tally.article(art)
                    parts["articles"].add(art)
                    for name, found in article_parts(r, a).items():
                        part = parts.get(name) or parts.setdefault(name, _Part(tmp.parent))
                        for x in found:
                            part.add(x)
                        if name == "attributions":
                            for x in found:
                                tally.attribution(x)
            extra = sorted(n for n in parts if n not in RESERVED)  # registered enrichers' generic findings
            later = [k for k in kinds if k not in RESERVED and k not in extra]  # registered linkers' parts
            for kind in (*LINK_KEYS, *(k for k in extra if k in kinds), *later):
                if kind in parts:  # a linker's part replaces a finding of the same name
                    parts[kind].close()
                parts[kind] = _Part(tmp.parent)
                for row in _link_rows(store, kind):
                    parts[kind].add(row)
            counts = {k: p.n for k, p in parts.items()}
            summary.update(tally.summary({**counts, "errors": len(errors)}))
            with tmp.open("w", encoding="utf-8") as out:
                out.write("{")
                sep = "\n "
                for name, value in head.items():
                    out.write(f"{sep}{line(name)}: {line(value)}")
                    sep = ",\n "
                order = ["articles", *FINDING_KEYS, *LINK_KEYS, "errors", *extra, *later, "summary"]
                for name in order:
                    out.write(f"{sep}{line(name)}: ")
                    if name == "errors":
                        write_items(map(line, errors), out)
                    elif name == "summary":
                        out.write(line(summary))
                    else:
                        parts[name].copy_to(out)
                out.write("\n}")
        finally:
            for p in parts.values():
                p.close()

    write_atomic(path, write)
    return summary


def report_document(store: Store, summary: dict[str, Any], run_id: int | None = None,
                    generated_at: str | None = None) -> dict[str, Any]:
    """The document as ``report.html`` reads it: every part the page shows, without what it never reads
    (the texts of articles it does not show, the articles' own voice, registered enrichers' findings),
    read in batches; ``summary`` is the whole document's. The page is the same (``tests/
    test_document_stream.py``); what it holds is a fraction of the document, but still grows with the
    corpus (every place, source and event is on the page: the map, the source index, the timeline)."""
    from headwater.report import articles as shown  # the report's own rule for which texts it shows

    run = run_id if run_id is not None else store.latest_run()
    links: dict[str, list[Row]] = {kind: [] for kind in store.link_producers()}
    links.update(store.links())
    evidence = {str(x) for n in links.get("narratives", []) for x in n.get("article_ids") or []}
    quoted = {str(x) for c in links.get("contradictions", []) for x in c.get("article_ids") or []}
    rows = [int(r[0]) for r in store.db.execute("SELECT id FROM articles ORDER BY id")]
    texts = {key(r) for r in rows}
    if len(rows) > shown.TEXT_LIMIT:  # as report.articles.shown_articles picks them, and the quotes' articles
        texts = {key(r) for r in sorted(rows, key=lambda r: key(r) not in evidence)[:shown.TEXT_LIMIT]} | quoted
    found: dict[str, list[Row]] = {part: [] for part in FINDING_KEYS}
    arts = []
    typed = typer(links.get("entities", []))
    for i in range(0, len(rows), BATCH):
        batch = list(store.articles(rows[i:i + BATCH]))
        typed(batch)
        for r, a in batch:
            if key(r) not in texts:
                a.text = ""
            arts.append(article_dict(r, a))
            for part, items in article_parts(r, a).items():
                if part in found and part != "unattributed_claims":
                    found[part].extend(items)
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION, "generator": {"name": "headwater", "version": __version__},
        "generated_at": generated_at or datetime.now(UTC).isoformat(timespec="seconds"), "articles": arts, **found}
    for part in LINK_KEYS:
        doc[part] = links.get(part, [])
    doc["errors"] = [{"source": e["source"], "reason": e["reason"]} for e in (store.errors(run) if run is not None else [])]
    doc.update({part: rows for part, rows in links.items() if part not in RESERVED})
    doc["summary"] = summary
    return doc
