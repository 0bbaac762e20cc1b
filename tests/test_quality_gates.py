"""Quality gates: headwater on the evaluation corpora beside the project, against pinned floors.

The corpora live in ../shared/eval (never copied into the project). Where they are absent the
gates skip and say so; CI runs with them present.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import headwater
from headwater.resources import Resources

from .conftest import ROOT, SHARED

EVAL = SHARED / "eval"
FLOORS = json.loads((ROOT / "tests" / "quality_floors.json").read_text())
needs_eval = pytest.mark.skipif(not (EVAL / "score.py").is_file(), reason=f"evaluation corpora not found at {EVAL}")


def score(scorer: str, analysis: Path, *extra: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, str(EVAL / scorer), str(analysis), "--json", *extra],
                         check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out))


@pytest.fixture(scope="module")
def seeds_and_fakes(tmp_path_factory: pytest.TempPathFactory, resources: Resources) -> Path:
    out = tmp_path_factory.mktemp("gate")
    headwater.analyze([str(SHARED / "seeds"), str(EVAL / "fakes" / "articles")], out, resources=resources)
    return out / "analysis.json"


@needs_eval
def test_seeds_floor(seeds_and_fakes: Path) -> None:
    measures = score("score.py", seeds_and_fakes)["measures"]
    for k, floor in FLOORS["seeds"].items():
        assert measures[k] >= floor, f"seeds {k} {measures[k]:.2f} < {floor}"


@needs_eval
def test_fakes_floor(seeds_and_fakes: Path) -> None:
    measures = score("score_fakes.py", seeds_and_fakes)
    for k, floor in FLOORS["fakes"].items():
        assert measures[k] is not None and measures[k] >= floor, f"FA-KES {k} {measures[k]} < {floor}"


@needs_eval
def test_extraction_floor(tmp_path: Path, resources: Resources) -> None:
    zyte = EVAL / "peers" / "zyte"
    headwater.analyze([str(zyte / "articles")], tmp_path, resources=resources)
    measures = score("score_extract.py", tmp_path / "analysis.json", "--gold", str(zyte / "gold.json"))
    assert measures["measures"]["f1"] >= FLOORS["zyte"]["f1"]


@needs_eval
def test_attribution_floor(tmp_path: Path, resources: Resources) -> None:
    """PolNeAR on a fixed sample of its visible part (the first articles by name; the whole of it takes minutes)."""
    polnear = EVAL / "peers" / "polnear"
    sample = sorted((polnear / "articles").glob("*.txt"))[:FLOORS["polnear"]["sample"]]
    headwater.analyze([str(p) for p in sample], tmp_path, resources=resources)
    m = score("score_attrib.py", tmp_path / "analysis.json", "--gold", str(polnear / "gold.json"), "--present-only")["measures"]
    assert m["found"] == len(sample)
    for k in ("content_f1", "source_accuracy"):
        assert m[k] >= FLOORS["polnear"][k], f"PolNeAR {k} {m[k]:.3f} < {FLOORS['polnear'][k]}"
