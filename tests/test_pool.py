"""The per-article step survives its workers (issue 17): a worker killed by the OS loses only the input
it was analyzing, and the step runs from any thread (the time limit only where signals can be used)."""
from __future__ import annotations

import concurrent.futures as cf
import json
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import headwater
from headwater import plugins, work
from headwater.enrich import Context, Enricher
from headwater.enrich.registry import ENRICHERS
from headwater.model import Article, InputError, RawInput
from headwater.pipeline import AnalyzeOptions
from headwater.resources import Resources

from . import poison_plugin
from .poison_plugin import MARKER


@pytest.fixture()
def poison() -> Iterator[None]:
    plugins.load_plugins()
    plugins.register_plugin(poison_plugin)
    try:
        yield
    finally:
        ENRICHERS.remove("poison")
        plugins._loaded.discard(poison_plugin.__name__)


def _story(i: int, extra: str = "") -> str:
    return f"Ferries resume {i}\n\nFerries to the island resumed on day {i} after the storm, officials said. {extra}\n"


def test_a_worker_killed_by_the_os_loses_only_its_input(poison: None, tmp_path: Path, resources: Resources,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(work, "POOL_THRESHOLD", 4)  # a pool for a dozen small inputs, to keep the test quick
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i:02d}.txt").write_text(_story(i, MARKER if i == 5 else ""), encoding="utf-8")
    result = headwater.analyze([str(folder)], tmp_path / "out", AnalyzeOptions(workers=2), resources=resources)
    doc = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
    assert [(Path(e["source"]).name, e["reason"]) for e in doc["errors"]] == [("05.txt", work.DIED)]
    stored = sorted(Path(a["source"]).name for a in doc["articles"])
    assert stored == [f"{i:02d}.txt" for i in range(12) if i != 5]
    assert result.analyzed == 11 and [Path(e.source).name for e in result.errors] == ["05.txt"]


def test_a_broken_executor_of_the_caller_ends_the_run_with_every_input_accounted(
        poison: None, tmp_path: Path, resources: Resources) -> None:
    """A caller's pool is not ours to replace: the inputs in flight and the rest are errors, the run ends."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i:02d}.txt").write_text(_story(i, MARKER if i == 0 else ""), encoding="utf-8")
    import multiprocessing

    with cf.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        result = headwater.analyze([str(folder)], tmp_path / "out", AnalyzeOptions(write_outputs=False),
                                   resources=resources, executor=pool)
    reasons = {Path(e.source).name: e.reason for e in result.errors}
    assert reasons["00.txt"] == work.DIED
    assert result.analyzed + len(result.errors) == 6
    assert all(r in (work.DIED, work.NOT_RUN) for r in reasons.values())


def _nap(ctx: Context) -> None:
    time.sleep(0.5)


NAP = Enricher("nap/1", (), (), _nap)
RAW = RawInput("story.txt", _story(1), "text")


def test_the_time_limit_applies_in_the_main_thread(resources: Resources, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(work, "TIME_LIMIT", 0.05)
    result = work.process(RAW, resources, [NAP])
    assert isinstance(result, InputError) and "stopped after 0.05 s" in result.reason


def test_the_per_article_step_runs_from_a_worker_thread(resources: Resources, monkeypatch: pytest.MonkeyPatch) -> None:
    """Signals reach the main thread only: from another thread the step runs, without the limit, and says
    nothing is wrong."""
    monkeypatch.setattr(work, "TIME_LIMIT", 0.05)
    with cf.ThreadPoolExecutor(1) as pool:
        result = pool.submit(work.process, RAW, resources, [NAP]).result()
    assert isinstance(result, Article) and result.source == "story.txt"


def test_the_time_limit_leaves_a_callers_alarm_alone(resources: Resources, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(work, "TIME_LIMIT", 0.05)
    rang: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: rang.append(signum))
    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        result = work.process(RAW, resources, [NAP])
        left = signal.getitimer(signal.ITIMER_REAL)[0]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert isinstance(result, Article) and 0 < left <= 30 and not rang


def test_results_come_in_the_order_of_the_inputs_whatever_finishes_first() -> None:
    """The first chunk finishes last (it waits until every other has run): its results still come first,
    so a run numbers the same inputs the same way on every executor."""
    import threading

    raws = [RawInput(source=f"in{i}", content="", kind="text") for i in range(7)]
    chunks = [raws[i:i + 2] for i in range(0, len(raws), 2)]
    others_done = threading.Barrier(len(chunks))
    ran: list[str] = []

    def task(chunk: list[RawInput]) -> list[work.Result]:
        if chunk[0].source != "in0":
            ran.append(chunk[0].source)
        others_done.wait(timeout=10)  # the first chunk cannot end before all the others have run
        if chunk[0].source == "in0":
            time.sleep(0.05)  # and ends after them
        return [InputError(r.source, "done") for r in chunk]

    with cf.ThreadPoolExecutor(len(chunks)) as pool:
        got = list(work._drain(pool, iter(chunks), lambda ex, c: ex.submit(task, c), window=len(chunks)))
    assert [raw.source for raw, _ in got] == [r.source for r in raws]
    assert [res.source for _, res in got] == [r.source for r in raws]
    assert sorted(ran) == ["in2", "in4", "in6"]
