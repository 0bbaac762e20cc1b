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

import heapq
import itertools
import json
import tempfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from headwater import __version__
from headwater.document import FINDING_KEYS, LINK_KEYS, RESERVED, SCHEMA_VERSION, Row, article_dict, article_parts
from headwater.export.files import line, write_atomic, write_items
from headwater.link.entities import typer
from headwater.link.previous import articles_of
from headwater.model import key, row_of
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
        self.file.write(line(row) + "\n")  # an item a line: JSON holds no raw newline
        self.n += 1

    def copy_to(self, out: IO[str]) -> None:
        self.file.seek(0)
        write_items((item.rstrip("\n") for item in self.file), out)

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
    test_document_stream.py``). Past ``DIGEST_FROM`` articles the page is a digest instead
    (``digest_document``): what it holds no longer grows with the corpus."""
    from headwater.report import articles as shown  # the report's own rule for which texts it shows

    run = run_id if run_id is not None else store.latest_run()
    if store.article_count() > DIGEST_FROM:
        return digest_document(store, summary, run, generated_at)
    links: dict[str, list[Row]] = {kind: [] for kind in store.link_producers()}
    links.update(store.links())
    evidence = {str(x) for n in links.get("narratives", []) for x in n.get("article_ids") or []}
    quoted = {str(x) for c in links.get("contradictions", []) for x in c.get("article_ids") or []}
    rows = [int(r[0]) for r in store.db.execute("SELECT id FROM articles ORDER BY id")]
    texts = {key(r) for r in rows}
    if len(rows) > shown.TEXT_LIMIT:  # as report.articles.shown_articles picks them, and the quotes' articles
        texts = {key(r) for r in sorted(rows, key=lambda r: key(r) not in evidence)[:shown.TEXT_LIMIT]} | quoted
    doc = _with_articles(store, rows, texts, typer(links.get("entities", [])), generated_at)
    for part in LINK_KEYS:
        doc[part] = links.get(part, [])
    doc["errors"] = [{"source": e["source"], "reason": e["reason"]} for e in (store.errors(run) if run is not None else [])]
    doc.update({part: rows for part, rows in links.items() if part not in RESERVED})
    doc["summary"] = summary
    return doc


def _with_articles(store: Store, rows: list[int], texts: set[str], typed: Any, generated_at: str | None) -> dict[str, Any]:
    """The document's head with these articles (the text of those in ``texts`` only) and their findings."""
    found: dict[str, list[Row]] = {part: [] for part in FINDING_KEYS}
    arts = []
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
    return {"schema_version": SCHEMA_VERSION, "generator": {"name": "headwater", "version": __version__},
            "generated_at": generated_at or datetime.now(UTC).isoformat(timespec="seconds"), "articles": arts, **found}


# Past this many articles report.html is a digest (``digest_document``): a page of every article's
# evidence passed 5 MB at 400 articles and the document it was made from held 3.4 GB at 30,000 (the
# issue's measure); 2,000 keeps a corpus a desk reads in a day on one page whole.
DIGEST_FROM = 2000
# What a digest holds: the largest narratives and themes (with their contradictions and provenance),
# and the articles they rest on, up to ``report.articles.TEXT_LIMIT``, with their findings.
DIGEST_NARRATIVES = 200
DIGEST_ROWS = 2000  # rows of any other part (a plugin's), in stored order


def _largest(rows: Any, n: int) -> list[Row]:
    """The ``n`` rows holding the most articles, in stored order (streamed: n held at a time)."""
    top = heapq.nlargest(n, ((len(r.get("article_ids") or []), -i, r) for i, r in enumerate(rows)),
                         key=lambda t: (t[0], t[1]))
    return [r for _, _, r in sorted(top, key=lambda t: -t[1])]


def digest_document(store: Store, summary: dict[str, Any], run: int | None, generated_at: str | None) -> dict[str, Any]:
    """The report's document of a large corpus, read with bounded memory: the ``DIGEST_NARRATIVES`` largest
    narratives and themes, their contradictions and provenance, the articles they rest on (up to
    ``TEXT_LIMIT``, the corpus's first ones where they rest on fewer) with their findings, the stories,
    copies and entities of those articles; ``digest`` says what was left out. The counts are the whole
    corpus's (``summary``)."""
    from headwater.report import articles as shown

    kinds = _link_kinds(store)
    narratives = _largest(_link_rows(store, "narratives"), DIGEST_NARRATIVES)
    themes = _largest(_link_rows(store, "themes"), DIGEST_NARRATIVES) if "themes" in kinds else []
    ids = {str(n.get("id")) for n in narratives}
    contra = [c for c in _link_rows(store, "contradictions") if str(c.get("narrative_id")) in ids]
    prov = [p for p in _link_rows(store, "provenance") if str(p.get("narrative_id")) in ids]
    picked: dict[str, None] = {}
    for c in contra:
        picked.update(dict.fromkeys(str(x) for x in c.get("article_ids") or []))
    for n in narratives:
        picked.update(dict.fromkeys(str(x) for x in n.get("article_ids") or []))
    rows = sorted({row_of(x) for x in list(picked)[:shown.TEXT_LIMIT]})
    if len(rows) < shown.TEXT_LIMIT:
        first = store.db.execute("SELECT id FROM articles ORDER BY id LIMIT ?", (shown.TEXT_LIMIT,))
        rows = sorted({*rows, *(int(r[0]) for r in first)})[:max(len(rows), shown.TEXT_LIMIT)]
    keys = {key(r) for r in rows}
    held = {kind: [r for r in _link_rows(store, kind) if keys.intersection(map(str, articles_of(r)))]
            for kind in ("stories", "copies", "entities")}
    doc = _with_articles(store, rows, keys, typer(held["entities"]), generated_at)
    doc.update({"stories": held["stories"], "copies": held["copies"], "narratives": narratives,
                "contradictions": contra, "provenance": prov, "entities": held["entities"]})
    doc["errors"] = [{"source": e["source"], "reason": e["reason"]} for e in (store.errors(run) if run is not None else [])]
    for kind in kinds:
        if kind == "themes":
            doc[kind] = themes
        elif kind not in RESERVED:
            doc[kind] = list(itertools.islice(_link_rows(store, kind), DIGEST_ROWS))
    counted = {kind: int(store.db.execute("SELECT count(*) FROM links WHERE kind = ?", (kind,)).fetchone()[0])
               for kind in ("narratives", "themes")}
    doc["digest"] = {"articles": store.article_count(), "shown": len(rows), "from": DIGEST_FROM,
                     "narratives": counted["narratives"], "narratives_shown": len(narratives),
                     "themes": counted["themes"], "themes_shown": len(themes)}
    doc["summary"] = summary
    return doc
