"""The pipeline: ingest → extract → enrich (per article, in worker processes) → store → link →
outputs. ``analyze`` is what ``headwater analyze`` calls; everything it needs is injectable."""
from __future__ import annotations

import concurrent.futures as cf
import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from headwater import __version__
from headwater.enrich import Enricher, check_order, default_enrichers, run_enrichers
from headwater.extract import ExtractError, extract_article
from headwater.ingest import IngestOptions, iter_inputs
from headwater.ingest.fetch import FetchPolicy
from headwater.link import CorpusLinks, link_corpus
from headwater.model import Article, InputError, RawInput
from headwater.resources import DEFAULT_MODEL, Resources
from headwater.store import Store

# Below this many inputs, worker processes cost more to start than they save.
POOL_THRESHOLD = 24


class Progress(Protocol):
    def advance(self, source: str) -> None: ...
    def error(self, source: str, reason: str) -> None: ...


class _Quiet:
    def advance(self, source: str) -> None:
        pass

    def error(self, source: str, reason: str) -> None:
        pass


@dataclass
class AnalyzeOptions:
    db_path: str | Path | None = None  # default: OUT/headwater.db
    model: str = DEFAULT_MODEL
    workers: int | None = None  # default: the CPU count
    max_bytes: int = 20 * 1024 * 1024
    allow_private: bool = False
    fetch_timeout: float = 20.0
    force: bool = False  # re-analyze inputs the database already has
    outlets_path: str | Path | None = None  # default: the registry shipped with headwater
    write_outputs: bool = True


@dataclass
class Analysis:
    """What a run produced: the whole corpus in the database, its links, and this run's counts."""

    articles: list[tuple[int, Article]]
    links: CorpusLinks
    errors: list[InputError]
    analyzed: int = 0
    skipped: int = 0
    duplicates: int = 0
    outputs: dict[str, Path] = field(default_factory=dict)


def analyzer_version(enrichers: Sequence[Enricher]) -> str:
    return "+".join([f"headwater/{__version__}", *(e.name for e in enrichers)])


# Per-article work ---------------------------------------------------------------------------
_WORKER: tuple[Resources, list[Enricher]] | None = None


def _init_worker(model: str, outlets_path: str | Path | None, enrichers: list[Enricher]) -> None:
    global _WORKER
    _WORKER = (Resources(model=model, outlets_path=outlets_path), enrichers)


def process(raw: RawInput, resources: Resources, enrichers: Sequence[Enricher]) -> Article | InputError:
    """Analyze one input: a pure function of the input and the read-only resources."""
    try:
        article = extract_article(raw, resources.outlets, resources.language_detector)
        return run_enrichers(article, resources, enrichers)
    except ExtractError as exc:
        return InputError(raw.source, str(exc))
    except RecursionError:
        return InputError(raw.source, "too deeply nested to parse (malformed HTML?)")
    except Exception as exc:  # one article's failure is reported and must not sink the run
        return InputError(raw.source, f"analysis failed: {type(exc).__name__}: {exc}")


def _process_in_worker(raw: RawInput) -> Article | InputError:
    assert _WORKER is not None, "worker not initialised"
    return process(raw, *_WORKER)


def _results(items: Iterator[RawInput], resources: Resources, enrichers: Sequence[Enricher],
             workers: int) -> Iterator[tuple[RawInput, Article | InputError]]:
    """Analyze items in this process, or in a pool when there are enough of them to pay for it."""
    head = list(itertools.islice(items, POOL_THRESHOLD))
    if workers <= 1 or len(head) < POOL_THRESHOLD:
        for raw in itertools.chain(head, items):
            yield raw, process(raw, resources, enrichers)
        return
    ctx = multiprocessing.get_context("spawn")  # no inherited state: what a cluster worker would see
    with cf.ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                               initargs=(resources.model, resources.outlets_path, list(enrichers))) as pool:
        pending: dict[cf.Future[Article | InputError], RawInput] = {}
        stream = itertools.chain(head, items)
        for raw in itertools.islice(stream, workers * 4):
            pending[pool.submit(_process_in_worker, raw)] = raw
        while pending:
            done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for fut in done:
                raw = pending.pop(fut)
                try:
                    result = fut.result()
                except Exception as exc:  # a worker that died (out of memory, killed) loses one article
                    result = InputError(raw.source, f"analysis failed: {type(exc).__name__}: {exc}")
                yield raw, result
                nxt = next(stream, None)
                if nxt is not None:
                    pending[pool.submit(_process_in_worker, nxt)] = nxt


# The run ------------------------------------------------------------------------------------
def analyze(inputs: Iterable[str], out_dir: str | Path, options: AnalyzeOptions | None = None, *,
            resources: Resources | None = None, enrichers: Sequence[Enricher] | None = None,
            progress: Progress | None = None, stdin: object = None) -> Analysis:
    """Analyze the inputs into the database and write analysis.json and report.html to out_dir."""
    opts = options or AnalyzeOptions()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    res = resources or Resources(model=opts.model, outlets_path=opts.outlets_path)
    enr = list(default_enrichers() if enrichers is None else enrichers)
    check_order(enr)
    version = analyzer_version(enr)
    prog = progress or _Quiet()
    specs = list(inputs)
    ingest_opts = IngestOptions(max_bytes=opts.max_bytes, stdin=stdin,  # type: ignore[arg-type]
                                fetch=FetchPolicy(timeout=opts.fetch_timeout, allow_private=opts.allow_private))
    errors: list[InputError] = []
    analyzed = skipped = duplicates = 0
    with Store(opts.db_path or out / "headwater.db") as store:
        run_id = store.begin_run(specs, __version__)

        def fresh() -> Iterator[RawInput]:
            nonlocal skipped
            for item in iter_inputs(specs, ingest_opts):
                if isinstance(item, InputError):
                    errors.append(item)
                    store.add_error(run_id, item.source, item.reason)
                    prog.error(item.source, item.reason)
                elif not opts.force and store.seen(item.digest, item.source, version) is not None:
                    skipped += 1
                    prog.advance(item.source)
                else:
                    yield item

        for raw, result in _results(fresh(), res, enr, opts.workers or os.cpu_count() or 1):
            if isinstance(result, InputError):
                errors.append(result)
                store.add_error(run_id, result.source, result.reason)
                prog.error(result.source, result.reason)
            else:
                _, status = store.add_article(result, run_id, version, replace=opts.force)
                analyzed += status != "duplicate"
                duplicates += status == "duplicate"
                prog.advance(raw.source)
        store.end_run(run_id, analyzed=analyzed, skipped=skipped, duplicates=duplicates, errors=len(errors))
        corpus = list(store.articles())
        links = link_corpus(corpus, store.narrative_keys(), store.known_claims())
        store.save_links(links)
    analysis = Analysis(corpus, links, errors, analyzed, skipped, duplicates)
    if opts.write_outputs:
        from headwater.output import write_analysis
        from headwater.report import write_report

        analysis.outputs["analysis"] = write_analysis(analysis, out / "analysis.json")
        analysis.outputs["report"] = write_report(analysis, out / "report.html")
        analysis.outputs["db"] = Path(opts.db_path or out / "headwater.db")
    return analysis
