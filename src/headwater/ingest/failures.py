"""One input's failure, whatever raised it, as a reason a person can act on.

A reader or analyzer may fail in three ways: the input is malformed (our own readers say why), a
library chokes on it (RecursionError, MemoryError, a warcio AttributeError on a record it did not
expect), or headwater itself has a bug. The first two are the input's error; the third is reported
as a bug in headwater, with the input that triggered it, so it can be reproduced. None stops a run.
"""
from __future__ import annotations

import contextlib
import os
import signal
import threading
import traceback
from collections.abc import Iterator

import headwater

_OWN = os.path.dirname(os.path.abspath(headwater.__file__)) + os.sep


def _raised_in_headwater(exc: BaseException) -> bool:
    """True when the innermost frame of the traceback is headwater's own code (not a library's)."""
    frames = traceback.extract_tb(exc.__traceback__)
    return bool(frames) and os.path.abspath(frames[-1].filename).startswith(_OWN)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    msg = text[0] if text else ""
    return msg[:300] + ("…" if len(msg) > 300 else "")


def describe(exc: BaseException, stage: str) -> str:
    """The reason shown for an input whose ``stage`` ("reading", "analysis") raised ``exc``."""
    if isinstance(exc, TimeLimit):
        return str(exc)
    if isinstance(exc, RecursionError):
        return f"{stage} failed: too deeply nested to process"
    if isinstance(exc, MemoryError):
        return f"{stage} failed: ran out of memory on this input (too large once expanded?)"
    name = type(exc).__name__
    msg = _first_line(exc)
    detail = f"{name}: {msg}" if msg else name
    if _raised_in_headwater(exc) and not isinstance(exc, (ValueError, OSError)):
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return (f"{stage} failed: bug in headwater ({detail} at {os.path.basename(where.filename)}:{where.lineno}); "
                "please report it with this input")
    return f"{stage} failed: {detail}"


class TimeLimit(Exception):
    """One input took longer than headwater spends on one input."""


@contextlib.contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Raise TimeLimit in this block after ``seconds`` of wall time, where signals can be used: in the
    main thread only (elsewhere, as in the web app's worker threads, the block runs unbounded, as
    signals reach the main thread only), and only when no alarm timer is running already (a caller's
    own, which this would cancel: the block then runs under the caller's limit, not this one)."""
    if (seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer")
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeLimit(f"{what} stopped after {seconds:g} s, the limit for one input")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
