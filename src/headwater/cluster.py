"""The per-article step on a Dask cluster (``headwater analyze --scheduler tcp://HOST:PORT``).

The cluster is one more executor: the client reads the inputs, sends them to the workers in chunks
(``work.BATCH``: one spaCy ``pipe`` a chunk), and stores each result as it arrives, so a killed worker
or client loses nothing already stored and a re-run resumes.
Each worker builds the caller's resources once, when it joins (a worker plugin carrying the
``ResourceSpec``), not per task; tasks carry only the spec's token. Needs the ``distributed`` package
(``pip install 'headwater[cluster]'``) on the client and on every worker, with headwater installed.
"""
from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from distributed import Client, WorkerPlugin

from headwater.resources import ResourceSpec
from headwater.work import worker_resources


class ResourcePlugin(WorkerPlugin):  # type: ignore[misc]
    """Builds headwater's resources on every worker of the cluster, once, as the worker starts."""

    def __init__(self, spec: ResourceSpec) -> None:
        self.spec = spec

    def setup(self, worker: Any) -> None:
        worker_resources(self.spec)


@contextmanager
def dask_executor(address: str, spec: ResourceSpec) -> Iterator[tuple[cf.Executor, int]]:
    """An executor on the cluster at ``address`` whose workers hold ``spec``'s resources, and how many
    tasks the cluster runs at once."""
    client = Client(address, set_as_default=False)
    try:
        client.register_plugin(ResourcePlugin(spec), name=f"headwater-resources-{spec.token}")
        slots = max(1, sum(client.nthreads().values()))
        with client.get_executor(pure=False) as executor:
            yield executor, slots
    finally:
        client.close()
