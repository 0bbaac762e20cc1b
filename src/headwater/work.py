"""The per-article step — extract, then every enricher — as a pure function of one input, run on any
``concurrent.futures.Executor``: this process, a process pool, or a cluster's executor.

Tasks take a chunk of ``BATCH`` inputs (``process_batch``): their English texts are parsed together,
each input is still extracted and enriched on its own, with its own time limit and its own error.

Workers get the caller's resources as a ``ResourceSpec`` (names, paths and the objects the caller
injected) and build them once per worker process, whatever executor runs them.
"""
from __future__ import annotations

import collections
import concurrent.futures as cf
import itertools
import multiprocessing
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from headwater.enrich.parse import CHUNK_CHARS
from headwater.enrich.registry import Enricher, run_enrichers
from headwater.extract import ExtractError, extract_article
from headwater.ingest.failures import describe, time_limit
from headwater.model import Article, InputError, RawInput
from headwater.resources import Resources, ResourceSpec

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Below this many inputs, worker processes cost more to start than they save.
POOL_THRESHOLD = 24
# Wall time one input may take (extract and enrich). Measured on a loaded 2-core machine, a
# 100,000-character article took about a minute (parse 37 s, enrichers 23 s), about linear in its
# length; so 30 minutes lets a 2 MB article through and stops only runaway cases. It applies where
# signals can be used (the command line and its worker processes, not the web app's threads).
TIME_LIMIT = 1800.0
Result = Article | InputError
# Inputs a task takes at once: their English texts (and titles) are parsed together (``nlp.pipe``).
# Over chunks of 10 FA-KES articles that parsed 1.2x faster than one text a call, with the same Docs
# (checked token by token); other sizes were not measured. A bigger chunk holds back more results
# before they are stored, and a lost task retries more inputs one by one.
BATCH = 10
# A worker killed from outside (kill -9, the OOM killer) leaves no exception of its own: only this.
DIED = "worker process died while analyzing it (killed by the OS? out of memory?)"
NOT_RUN = "not analyzed: the executor running the analysis broke (a worker process died)"

_BUILT: dict[str, Resources] = {}  # spec token -> the resources this worker built from it
_FAILED: dict[str, str] = {}  # spec token -> why this worker could not build them


def process(raw: RawInput, resources: Resources, enrichers: Sequence[Enricher]) -> Result:
    """Analyze one input: a pure function of the input and the read-only resources. Whatever one input
    raises is that input's error.

    The time limit (``TIME_LIMIT``) is signal-based, so it applies only where signals can be used: the
    main thread of a process (the command line, its pool workers) that has no alarm timer of its own
    running. Called from any other thread (a web app's, a ``ThreadPoolExecutor``'s), the step runs the
    same way, without the limit."""
    try:
        with time_limit(TIME_LIMIT, "analysis"):
            article = extract_article(raw, resources.outlets, resources.language_detector)
            return run_enrichers(article, resources, enrichers)
    except ExtractError as exc:
        return InputError(raw.source, str(exc))
    except Exception as exc:  # one article's failure (a library's RecursionError or MemoryError, a bug of
        return InputError(raw.source, describe(exc, "analysis"))  # ours) is reported and must not sink the run


def _extract(raw: RawInput, resources: Resources) -> Article | InputError:
    try:
        with time_limit(TIME_LIMIT, "analysis"):
            return extract_article(raw, resources.outlets, resources.language_detector)
    except ExtractError as exc:
        return InputError(raw.source, str(exc))
    except Exception as exc:  # as in ``process``: one input's failure is that input's error
        return InputError(raw.source, describe(exc, "analysis"))


def _parse_batch(articles: Sequence[Article | InputError], resources: Resources, enrichers: Sequence[Enricher]
                 ) -> list[tuple[Doc | None, Doc | None]]:
    """The parses ``Context.doc`` and ``Context.title_doc`` would make of each English article's text
    and title, made in one ``nlp.pipe``; None where the article parses alone (an error, another
    language, a text long enough to be parsed in pieces, no title) or when no enricher reads a parse. A
    batch that fails parses nothing: each article then parses alone, under its own time limit, and
    fails alone if it must."""
    from headwater.lang import DEFAULT_LANGUAGE

    docs: list[tuple[Doc | None, Doc | None]] = [(None, None)] * len(articles)
    if not any("nlp" in e.requires for e in enrichers):
        return docs
    wanted: list[tuple[int, int, str]] = []  # (article, 0 text / 1 title, what to parse)
    for i, a in enumerate(articles):
        if isinstance(a, Article) and (a.language or DEFAULT_LANGUAGE) == DEFAULT_LANGUAGE:
            if len(a.text) <= CHUNK_CHARS:
                wanted.append((i, 0, a.text))
            if a.title:
                wanted.append((i, 1, a.title))
    if len(wanted) < 2:
        return docs
    try:
        with time_limit(TIME_LIMIT, "analysis"):
            parsed = list(resources.nlp.pipe([w[2] for w in wanted], batch_size=len(wanted)))
    except Exception:  # each article parses again alone, and says why if it fails
        return docs
    for (i, which, _), doc in zip(wanted, parsed, strict=True):
        pair = list(docs[i])
        pair[which] = doc
        docs[i] = (pair[0], pair[1])
    return docs


def iter_batch(raws: Sequence[RawInput], resources: Resources, enrichers: Sequence[Enricher]) -> Iterator[Result]:
    """``process`` for each input, the English texts parsed together: the same results, in order, each
    yielded as soon as it is made (so an interrupted run in this process has stored all before it).
    Each input is extracted and enriched under its own time limit; whatever one raises is its error."""
    articles = [_extract(raw, resources) for raw in raws]
    docs = _parse_batch(articles, resources, enrichers)
    for raw, article, (doc, title_doc) in zip(raws, articles, docs, strict=True):
        if isinstance(article, InputError):
            yield article
            continue
        try:
            with time_limit(TIME_LIMIT, "analysis"):
                result: Result = run_enrichers(article, resources, enrichers, doc, title_doc)
        except ExtractError as exc:
            result = InputError(raw.source, str(exc))
        except Exception as exc:
            result = InputError(raw.source, describe(exc, "analysis"))
        yield result


def process_batch(raws: Sequence[RawInput], resources: Resources, enrichers: Sequence[Enricher]) -> list[Result]:
    """``iter_batch``'s results as a list (what a task in a worker returns)."""
    return list(iter_batch(raws, resources, enrichers))


def chunked(items: Iterable[RawInput], size: int = BATCH) -> Iterator[list[RawInput]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def worker_resources(spec: ResourceSpec) -> Resources:
    """The resources of ``spec`` in this process, built on first use."""
    res = _BUILT.get(spec.token)
    if res is None:
        res = _BUILT[spec.token] = spec.build()
    return res


def process_spec(raw: RawInput, spec: ResourceSpec, enrichers: Sequence[Enricher]) -> Result:
    """``process`` in a worker of any executor: the spec travels with the task, is built once per worker."""
    return process(raw, worker_resources(spec), enrichers)


def _init_pool(spec: ResourceSpec) -> None:
    try:
        worker_resources(spec)
    except Exception as exc:  # raising here would break the pool: each task says why instead
        _FAILED[spec.token] = f"this worker could not load headwater's resources: {describe(exc, 'loading')}"


def process_token(raw: RawInput, token: str, enrichers: Sequence[Enricher]) -> Result:
    """``process`` in a worker that built the resources already (a pool's initializer, a cluster's
    worker plugin): only the spec's token travels with the task."""
    res = _BUILT.get(token)
    if res is None:
        return InputError(raw.source, _FAILED.get(
            token, "this worker has not loaded headwater's resources (worker plugin missing)"))
    return process(raw, res, enrichers)


def process_spec_batch(raws: list[RawInput], spec: ResourceSpec, enrichers: Sequence[Enricher]) -> list[Result]:
    """``process_batch`` in a worker of any executor (as ``process_spec``)."""
    return process_batch(raws, worker_resources(spec), enrichers)


def process_token_batch(raws: list[RawInput], token: str, enrichers: Sequence[Enricher]) -> list[Result]:
    """``process_batch`` in a worker that built the resources already (as ``process_token``)."""
    res = _BUILT.get(token)
    if res is None:
        return [process_token(raw, token, enrichers) for raw in raws]  # each says why
    return process_batch(raws, res, enrichers)


Submit = Callable[[cf.Executor, list[RawInput]], "cf.Future[list[Result]]"]


def _window(executor: cf.Executor, chunks: Iterator[list[RawInput]], call: Submit, window: int
            ) -> Generator[tuple[RawInput, Result], None, list[RawInput]]:
    """Keep ``window`` tasks (a chunk of inputs each) running; yield each input's result in the order
    of the inputs, so the same inputs are stored (and numbered) in the same order on every run and
    every executor. A task done before the ones ahead of it waits for them, and up to ``window`` such
    finished tasks are held while the workers go on: one slow chunk does not idle them. Returns the
    inputs whose tasks the executor lost when it broke (a worker died: a process pool then fails every
    task in flight), having yielded what finished; ``[]`` once ``chunks`` are done."""
    pending: collections.deque[tuple[cf.Future[list[Result]], list[RawInput]]] = collections.deque()
    lost: list[RawInput] = []

    def fill() -> None:
        while not lost and len(pending) < 2 * window and sum(not f.done() for f, _ in pending) < window:
            chunk = next(chunks, None)
            if chunk is None:
                return
            try:
                pending.append((call(executor, chunk), chunk))
            except cf.BrokenExecutor:  # broke since the last look: this one never ran
                lost.extend(chunk)

    fill()
    while pending:
        if not pending[0][0].done():
            cf.wait([f for f, _ in pending if not f.done()], return_when=cf.FIRST_COMPLETED)
        while pending and pending[0][0].done():
            fut, chunk = pending.popleft()
            exc = fut.exception()
            if isinstance(exc, cf.BrokenExecutor):
                lost.extend(chunk)
            elif exc is None:
                yield from zip(chunk, fut.result(), strict=True)
            else:  # any other failure (a cluster's worker lost, a task that cannot be sent) loses its inputs
                yield from ((raw, InputError(raw.source, f"analysis failed: {type(exc).__name__}: {exc}"))
                            for raw in chunk)
        fill()  # a broken executor takes no more
    return lost


def _drain(executor: cf.Executor, chunks: Iterator[list[RawInput]], call: Submit, window: int,
           restart: Callable[[], cf.Executor] | None = None) -> Iterator[tuple[RawInput, Result]]:
    """Run every chunk on ``executor`` (``window`` in flight), yielding results in the order of the inputs
    (inputs a dying worker took are tried again after the others that were in flight).

    A worker process that dies breaks its pool and fails every task in flight, the innocent with the
    guilty. With ``restart`` (a fresh pool each call), those inputs are tried again one at a time, so
    only an input that kills its worker again is lost, as that input's error; each is retried once,
    never more, and the rest go on in a fresh pool. Without it (a caller's executor, not ours to
    replace), the inputs in flight and those not yet run are errors, and the run still ends."""
    lost = yield from _window(executor, chunks, call, window)
    while lost:
        if restart is None:
            yield from ((raw, InputError(raw.source, DIED)) for raw in lost)
            yield from ((raw, InputError(raw.source, NOT_RUN)) for chunk in chunks for raw in chunk)
            return
        executor = restart()
        for raw in lost:
            if (yield from _window(executor, iter([[raw]]), call, 1)):
                yield raw, InputError(raw.source, DIED)
                executor = restart()
        lost = yield from _window(executor, chunks, call, window)  # each loop takes new items: it ends


def analyze_inputs(items: Iterator[RawInput], resources: Resources, enrichers: Sequence[Enricher], *,
                   workers: int = 1, executor: cf.Executor | None = None, loaded: ResourceSpec | None = None
                   ) -> Iterator[tuple[RawInput, Result]]:
    """Analyze items on ``executor``; without one, in this process, or in a process pool when there are
    enough of them to pay for it. Results come in the order of the inputs, a chunk (``BATCH`` inputs, parsed
    together) at a time. ``loaded``: the spec the executor's workers have built already (a cluster's
    worker plugin), so tasks carry only its token. Without it, a caller's executor gets the spec with
    every task: cheap for names and paths, but an injected model travels each time (built once per
    worker all the same), so a cluster uses the worker plugin."""
    enr = list(enrichers)
    window = max(2, 2 * workers)  # chunks in flight: each worker has the next one waiting
    if executor is not None and loaded is not None:
        token = loaded.token
        return _drain(executor, chunked(items), lambda ex, c: ex.submit(process_token_batch, c, token, enr), window)
    if executor is not None:
        spec = resources.spec()
        return _drain(executor, chunked(items), lambda ex, c: ex.submit(process_spec_batch, c, spec, enr), window)
    head = list(itertools.islice(items, POOL_THRESHOLD))
    if workers <= 1 or len(head) < POOL_THRESHOLD:
        return ((raw, result) for chunk in chunked(itertools.chain(head, items))
                for raw, result in zip(chunk, iter_batch(chunk, resources, enr), strict=True))
    return _pooled(itertools.chain(head, items), resources.spec(), enr, workers)


def _pooled(items: Iterator[RawInput], spec: ResourceSpec, enrichers: list[Enricher], workers: int
            ) -> Iterator[tuple[RawInput, Result]]:
    ctx = multiprocessing.get_context("spawn")  # no inherited state: what a cluster worker would see
    pools: list[cf.ProcessPoolExecutor] = []

    def fresh() -> cf.Executor:
        """A new pool in place of a broken one (whose workers are gone already)."""
        if pools:
            pools.pop().shutdown(wait=True)
        pools.append(cf.ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_pool, initargs=(spec,)))
        return pools[-1]

    try:
        yield from _drain(fresh(), chunked(items),
                          lambda ex, c: ex.submit(process_token_batch, c, spec.token, enrichers),
                          workers * 2, restart=fresh)
    finally:
        for pool in pools:
            pool.shutdown(wait=True)
