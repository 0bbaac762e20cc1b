"""The per-article step on a Dask cluster: two worker processes on loopback, the same analysis as here."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import headwater
from headwater.pipeline import AnalyzeOptions
from headwater.resources import Resources

from .conftest import EXAMPLES

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _findings(doc: dict[str, object]) -> list[tuple[object, ...]]:
    arts = {a["id"]: a["source"] for a in doc["articles"]}  # type: ignore[index,union-attr]
    out = []
    for kind in ("places", "attributions", "events"):
        for x in doc[kind]:  # type: ignore[union-attr]
            out.append((kind, arts[x["article_id"]], x.get("start"), x.get("end"), json.dumps(x.get("name") or x.get("sources"))))
    return sorted(out, key=str)


def test_a_cluster_gives_the_same_analysis(scheduler: str, tmp_path: Path, resources: Resources) -> None:
    injected = Resources(model="no_such_model_installed", nlp=resources.nlp, outlets=resources.outlets)
    remote = headwater.analyze([str(EXAMPLES)], tmp_path / "c", AnalyzeOptions(scheduler=scheduler), resources=injected)
    local = headwater.analyze([str(EXAMPLES)], tmp_path / "l", AnalyzeOptions(workers=1), resources=resources)
    assert (remote.analyzed, remote.errors) == (5, [])
    assert _findings(remote.document) == _findings(local.document)
    assert remote.summary == local.summary
    again = headwater.analyze([str(EXAMPLES)], tmp_path / "c", AnalyzeOptions(scheduler=scheduler), resources=injected)
    assert (again.analyzed, again.skipped) == (0, 5)  # stored as they arrived; a re-run resumes
