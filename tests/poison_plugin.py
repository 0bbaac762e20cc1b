"""A plugin whose enricher kills its own worker process, as the OS does (kill -9, the OOM killer),
on an article whose text carries ``MARKER``. The pool tests register it.

It kills only a worker process: in the test's own process it raises instead, so a run that did not
use a pool fails its test rather than killing the test runner."""
from __future__ import annotations

import multiprocessing
import os
import signal

from headwater.enrich import Context, Enricher
from headwater.registry import Registry

MARKER = "POISON-PILL-7f3a"


def die_on_marker(ctx: Context) -> None:
    if MARKER in ctx.article.text:
        if multiprocessing.parent_process() is None:
            raise RuntimeError("the poison enricher ran in the main process: no pool was used")
        os.kill(os.getpid(), signal.SIGKILL)


POISON = Enricher("poison/1", (), (), die_on_marker, "kills its worker on a marked article")


def register_enrichers(registry: Registry[Enricher]) -> None:
    registry.add("poison", POISON)
