"""Whole Arabic and Persian articles analyzed end to end (written for the tests: tests/data/articles_ar_fa,
what each must give in its expected.yaml): places, seats speaking, speakers, dates, polarity, events."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from headwater.resources import Resources
from headwater.yamldata import load_yaml

HERE = Path(__file__).parent / "data" / "articles_ar_fa"
EXPECTED: dict[str, dict[str, Any]] = load_yaml((HERE / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory, resources: Resources) -> dict[str, Any]:
    import headwater

    out = tmp_path_factory.mktemp("ar_fa")
    headwater.analyze([str(p) for p in sorted(HERE.glob("*.txt"))], out, resources=resources)
    doc: dict[str, Any] = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    return doc


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_arabic_or_persian_article_gives_what_it_states(analysis: dict[str, Any], name: str) -> None:
    want = EXPECTED[name]
    (article,) = [a for a in analysis["articles"] if a["source"].endswith(name)]
    mine = [x for x in analysis["places"] if x["article_id"] == article["id"]]
    assert (article["language"], article["published"]) == (want["language"], want["published"])
    places = {p["surface"]: p["name"] for p in mine}
    assert {s: places.get(s) for s in want["places"]} == want["places"]
    assert not set(want.get("not_places") or ()) & set(places)
    metonyms = {m["surface"] for m in analysis["metonyms"] if m["article_id"] == article["id"]}
    assert set(want.get("metonyms") or ()) <= metonyms
    speakers = {s["name"] for at in analysis["attributions"] if at["article_id"] == article["id"] for s in at["sources"]}
    assert set(want["speakers"]) <= speakers
    claims = [c for c in analysis["claims"] if c["article_id"] == article["id"]]
    dates = {d["text"]: d["date"] for c in claims for d in c.get("date_spans") or ()}
    assert {t: dates.get(t) for t in want["dates"]} == want["dates"]
    for piece, polarity in [*((p, True) for p in want.get("negated") or ()), *((p, False) for p in want.get("affirmed") or ())]:
        claim = min((c for c in claims if piece in c["text"]), key=lambda c: len(c["text"]))  # (its own claim)
        assert claim["negated"] is polarity, piece
    events = {(e["type"], e["trigger"]) for e in analysis["events"] if e["article_id"] == article["id"]}
    assert {tuple(e) for e in want.get("events") or ()} <= events
