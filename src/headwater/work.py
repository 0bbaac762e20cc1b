"""The per-article step — extract, then every enricher — as a pure function of one input, run on any
``concurrent.futures.Executor``: this process, a process pool, or a cluster's executor.

Workers get the caller's resources as a ``ResourceSpec`` (names, paths and the objects the caller
injected) and build them once per worker process, whatever executor runs them.
"""
from __future__ import annotations

import concurrent.futures as cf
import itertools
import multiprocessing
from collections.abc import Callable, Generator, Iterator, Sequence

from headwater.enrich.registry import Enricher, run_enrichers
from headwater.extract import ExtractError, extract_article
from headwater.ingest.failures import describe, time_limit
from headwater.model import Article, InputError, RawInput
from headwater.resources import Resources, ResourceSpec

# Below this many inputs, worker processes cost more to start than they save.
POOL_THRESHOLD = 24
# Wall time one input may take (extract and enrich). Measured on a loaded 2-core machine, a
# 100,000-character article took about a minute (parse 37 s, enrichers 23 s), about linear in its
# length; so 30 minutes lets a 2 MB article through and stops only runaway cases. It applies where
# signals can be used (the command line and its worker processes, not the web app's threads).
TIME_LIMIT = 1800.0
Result = Article | InputError
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


Submit = Callable[[cf.Executor, RawInput], "cf.Future[Result]"]


def _window(executor: cf.Executor, items: Iterator[RawInput], call: Submit, window: int
            ) -> Generator[tuple[RawInput, Result], None, list[RawInput]]:
    """Keep ``window`` tasks in flight; yield each result as it completes (no input is held twice).
    Returns the inputs whose tasks the executor lost when it broke (a worker died: a process pool
    then fails every task in flight), having yielded what finished; ``[]`` once ``items`` are done."""
    pending: dict[cf.Future[Result], RawInput] = {}
    lost: list[RawInput] = []

    def submit(raw: RawInput) -> None:
        try:
            pending[call(executor, raw)] = raw
        except cf.BrokenExecutor:  # broke since the last look: this one never ran
            lost.append(raw)

    for raw in itertools.islice(items, window):
        submit(raw)
        if lost:
            break
    while pending:
        done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
        for fut in done:
            raw = pending.pop(fut)
            exc = fut.exception()
            if isinstance(exc, cf.BrokenExecutor):
                lost.append(raw)
                continue
            # any other failure (a cluster's worker lost, a task that cannot be sent) loses one article
            yield raw, (fut.result() if exc is None else
                        InputError(raw.source, f"analysis failed: {type(exc).__name__}: {exc}"))
            nxt = None if lost else next(items, None)  # a broken executor takes no more
            if nxt is not None:
                submit(nxt)
    return lost


def _drain(executor: cf.Executor, items: Iterator[RawInput], call: Submit, window: int,
           restart: Callable[[], cf.Executor] | None = None) -> Iterator[tuple[RawInput, Result]]:
    """Run every item on ``executor`` (``window`` in flight), yielding results as they complete.

    A worker process that dies breaks its pool and fails every task in flight, the innocent with the
    guilty. With ``restart`` (a fresh pool each call), those inputs are tried again one at a time, so
    only an input that kills its worker again is lost, as that input's error; each is retried once,
    never more, and the rest go on in a fresh pool. Without it (a caller's executor, not ours to
    replace), the inputs in flight and those not yet run are errors, and the run still ends."""
    lost = yield from _window(executor, items, call, window)
    while lost:
        if restart is None:
            yield from ((raw, InputError(raw.source, DIED)) for raw in lost)
            yield from ((raw, InputError(raw.source, NOT_RUN)) for raw in items)
            return
        executor = restart()
        for raw in lost:
            if (yield from _window(executor, iter([raw]), call, 1)):
                yield raw, InputError(raw.source, DIED)
                executor = restart()
        lost = yield from _window(executor, items, call, window)  # each loop takes new items: it ends


def analyze_inputs(items: Iterator[RawInput], resources: Resources, enrichers: Sequence[Enricher], *,
                   workers: int = 1, executor: cf.Executor | None = None, loaded: ResourceSpec | None = None
                   ) -> Iterator[tuple[RawInput, Result]]:
    """Analyze items on ``executor``; without one, in this process, or in a process pool when there are
    enough of them to pay for it. Results come as they complete. ``loaded``: the spec the executor's
    workers have built already (a cluster's worker plugin), so tasks carry only its token. Without it, a
    caller's executor gets the spec with every task: cheap for names and paths, but an injected model
    travels each time (built once per worker all the same), so a cluster uses the worker plugin."""
    enr = list(enrichers)
    window = max(8, 4 * workers)
    if executor is not None and loaded is not None:
        token = loaded.token
        return _drain(executor, items, lambda ex, raw: ex.submit(process_token, raw, token, enr), window)
    if executor is not None:
        spec = resources.spec()
        return _drain(executor, items, lambda ex, raw: ex.submit(process_spec, raw, spec, enr), window)
    head = list(itertools.islice(items, POOL_THRESHOLD))
    if workers <= 1 or len(head) < POOL_THRESHOLD:
        return ((raw, process(raw, resources, enr)) for raw in itertools.chain(head, items))
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
        yield from _drain(fresh(), items, lambda ex, raw: ex.submit(process_token, raw, spec.token, enrichers),
                          workers * 4, restart=fresh)
    finally:
        for pool in pools:
            pool.shutdown(wait=True)
