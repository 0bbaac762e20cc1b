"""What ``headwater analyze`` shows while it runs: the CLI's ``pipeline.Progress``.

In a terminal, one ``rich`` bar per stage (gazetteer build, reading, analyzing, linking, writing)
with its total and time left; when stderr is a file or a pipe, a plain line every few seconds (and
when a stage ends), so a logged run shows it is alive. Errors are one line each, always (also with
``--quiet``: a skipped input is never silent); ``--verbose`` adds a line per input.
"""
from __future__ import annotations

import sys
import time
from typing import Any, TextIO

# A plain line at most this often: often enough for a log to show a run is alive, rarely enough that a
# run of thousands of inputs writes tens of lines, not thousands.
LINE_INTERVAL = 5.0
LABELS = {"gazetteer": "building the gazetteer", "reading": "reading", "analyzing": "analyzing",
          "linking": "linking", "writing": "writing"}


def _eta(done: int, total: int | None, elapsed: float) -> str:
    if not total or done <= 0 or done >= total or elapsed <= 0:
        return ""
    left = (total - done) * elapsed / done
    return f", about {left:.0f} s left" if left < 90 else f", about {left / 60:.0f} min left"


class ConsoleProgress:
    """``mode``: "bars" (a terminal), "lines" (a log or a pipe) or "quiet" (errors only)."""

    def __init__(self, mode: str, verbose: bool = False, stream: TextIO | None = None,
                 interval: float = LINE_INTERVAL, clock: Any = time.monotonic) -> None:
        self.mode, self.verbose, self.interval, self.clock = mode, verbose, interval, clock
        self.stream = stream or sys.stderr
        self.started: dict[str, float] = {}
        self.state: dict[str, tuple[int, int | None]] = {}
        self.last_line = 0.0
        self._bars: Any = None
        self._tasks: dict[str, Any] = {}
        if mode == "bars":
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            console = Console(file=self.stream, highlight=False)
            self._bars = Progress(SpinnerColumn(), TextColumn("{task.description:<36}"), BarColumn(),
                                  MofNCompleteColumn(), TextColumn("ETA"), TimeRemainingColumn(), TimeElapsedColumn(),
                                  console=console, transient=False)
            self._bars.start()

    # pipeline.Progress ---------------------------------------------------------------------------
    def advance(self, source: str) -> None:
        if self.verbose:
            self._say(f"read {source}")

    def error(self, source: str, reason: str) -> None:
        self._say(f"skipped {source}: {reason}")

    def update(self, stage: str, done: int, total: int | None) -> None:
        now = self.clock()
        self.started.setdefault(stage, now)
        previous = self.state.get(stage)
        self.state[stage] = (done, total)
        if self.mode == "bars":
            task = self._tasks.get(stage)
            if task is None:
                task = self._tasks[stage] = self._bars.add_task(LABELS.get(stage, stage), total=total)
            self._bars.update(task, completed=done, total=total)
        elif self.mode == "lines":
            # A stage's first and last steps get a line; the corpus stages' totals grow as containers are
            # read (analysis keeps pace with reading), so they are shown by the clock alone.
            edge = previous is None or (stage not in ("reading", "analyzing") and total is not None
                                        and done >= total > previous[0])
            if edge or now - self.last_line >= self.interval:
                self.last_line = now
                self._line(stage, done, total, now)

    def finish(self) -> None:
        if self._bars is not None:
            self._bars.stop()
            self._bars = None

    # ----------------------------------------------------------------------------------------------
    def _line(self, stage: str, done: int, total: int | None, now: float) -> None:
        elapsed = now - self.started[stage]
        count = f"{done:,}/{total:,}" if total else f"{done:,}"
        pct = f" ({100 * done / total:.0f}%)" if total else ""
        rate = f", {done / elapsed:.1f}/s" if elapsed > 0 and stage in ("reading", "analyzing") else ""
        self._write(f"  {LABELS.get(stage, stage)}: {count}{pct}{rate}{_eta(done, total, elapsed)}")

    def _say(self, text: str) -> None:
        if self._bars is not None:
            from rich.text import Text

            self._bars.console.print(Text(text))  # article-derived text: never read as markup
        else:
            self._write(text)

    def _write(self, text: str) -> None:
        print(text, file=self.stream, flush=True)
