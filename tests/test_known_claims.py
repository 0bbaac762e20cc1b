"""Known claims: EUvsDisinfo CSV and ClaimReview JSON import, and matching narratives to them."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from headwater.cli import main
from headwater.link.known import claim_frame, match, read_claims
from headwater.model import Article
from headwater.store import Store

CSV = """date,id,title,countries,keywords,languages,outlets
2020-05-19,https://cases.example/1,US trains ISIS in Syria,Syria+US,Terrorism+Daesh,English,Outlet A
2020-06-01,https://cases.example/2,The EU bans cheese,EU,Food,English,Outlet B
2019-01-27,https://cases.example/3,Russian jets bomb hospitals in Idlib,Syria,War,English,Outlet C
"""
CLAIMREVIEW = {"@type": "DataFeed", "dataFeedElement": [{"item": {
    "@type": "ClaimReview", "url": "https://factcheck.example/r/9", "datePublished": "2022-03-01",
    "claimReviewed": "American forces are moving Daesh fighters out of Hasakah prison",
    "itemReviewed": {"author": {"name": "Some Channel"}}, "reviewRating": {"alternateName": "False"}}}]}


def test_claim_frames() -> None:
    assert claim_frame("US trains ISIS in Syria") == ("United States", "aids", "Islamic State")
    assert claim_frame("Russian jets bomb hospitals in Idlib") is None  # no group named
    assert claim_frame("The EU bans cheese") is None


def test_import_both_formats_and_match(tmp_path: Path) -> None:
    (tmp_path / "cases.csv").write_text(CSV)
    (tmp_path / "reviews.json").write_text(json.dumps(CLAIMREVIEW))
    runner = CliRunner()
    db = str(tmp_path / "h.db")
    for name, expected in (("cases.csv", "3 claims read"), ("reviews.json", "1 claims read")):
        out = runner.invoke(main, ["claims", "import", str(tmp_path / name), "--db", db])
        assert out.exit_code == 0 and expected in out.output
    again = runner.invoke(main, ["claims", "import", str(tmp_path / "cases.csv"), "--db", db])
    assert "0 new" in again.output
    with Store(db) as store:
        claims = store.known_claims()
    assert {c["rating"] for c in claims} == {None, "False"}
    narrative = {"frame": {"actor": "United States", "action": "aids", "group": "Islamic State"}, "article_ids": ["a1"]}
    arts = {1: Article("s", "US forces moved Daesh fighters from Hasakah prison in Syria.", title="US moves ISIS")}
    found = match(narrative, arts, claims)
    assert [f["id"] for f in found] == ["https://factcheck.example/r/9", "https://cases.example/1"]
    assert all(0.7 <= f["score"] <= 1 for f in found)


def test_a_file_that_is_no_claims_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("{not json")
    out = CliRunner().invoke(main, ["claims", "import", str(tmp_path / "x.json"), "--db", str(tmp_path / "h.db")])
    assert out.exit_code != 0 and "not a known-claims file" in out.output


def test_read_claims_skips_rows_without_a_claim(tmp_path: Path) -> None:
    (tmp_path / "c.csv").write_text("date,id,title\n2020-01-01,u1,\n2020-01-02,u2,A claim\n")
    assert [c["text"] for c in read_claims(tmp_path / "c.csv")] == ["A claim"]
