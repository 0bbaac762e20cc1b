"""One input's failure, whatever raised it, as a reason a person can act on.

A reader or analyzer may fail in three ways: the input is malformed (our own readers say why), a
library chokes on it (RecursionError, MemoryError, a warcio AttributeError on a record it did not
expect), or headwater itself has a bug. The first two are the input's error; the third is reported
as a bug in headwater, with the input that triggered it, so it can be reproduced. None stops a run.
"""
from __future__ import annotations

import os
import traceback

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
