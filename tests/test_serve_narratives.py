"""headwater serve puts narratives first: the home page lists them with their facts, a narrative page
links each claim to its sentence on the article page, and the article page carries that anchor."""
from __future__ import annotations

import html
import re
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from headwater.serve import create_app
from headwater.store import Store

with warnings.catch_warnings():  # Starlette 1.x prefers httpx2 and says so on import
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

EVIL = "<script>alert(1)</script>"


def _claim(aid: str, n: int, text: str, part: str, field: str = "text") -> dict[str, Any]:
    start = text.index(part)
    return {"article_id": aid, "claim_id": n, "field": field, "start": start, "end": start + len(part),
            "text": part, "negated": False, "similarity": 0.9}


@pytest.fixture(scope="module")
def client(examples_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The examples, with a claim narrative added to what the linkers stored (hostile text in its records)."""
    db = tmp_path_factory.mktemp("narr") / "headwater.db"
    shutil.copy(examples_db, db)
    with Store(db) as store:
        texts = {r[0]: (r[1], r[2]) for r in store.db.execute("SELECT key, title, text FROM articles")}
        (t1, x1), (_, x3) = texts["a1"], texts["a3"]
        s1 = x1.split(". ")[1].strip()  # a sentence of each body, and a1's headline
        s3 = x3.split(". ")[1].strip()
        claims = [_claim("a1", 0, t1, t1[:30], "title"), _claim("a1", 7, x1, s1),
                  {**_claim("a3", 4, x3, s3), "text": f"{EVIL} {s3}"}]
        fine = {"id": "n90", "key": "fine:test", "level": "fine", "label": f"Retold {EVIL}", "article_ids": ["a1", "a3"],
                "claims": claims, "outlets": ["Press TV", "Sputnik"], "countries": ["IR", "RU"], "languages": ["en"],
                "first_seen": "2022-02-25", "last_seen": "2022-02-25",
                "known_narrative": {"id": "K1", "label": "The US aids terrorists", "score": 0.77}, "known_claims": []}
        links = store.links()
        ind = {"independent": 1, "state": 3, "intergovernmental": 0, "anonymous": 1, "unattributed": 0, "unknown": 2,
               "independent_at_most": 3, "unknown_names": ["a", "b"]}
        links["narratives"].append(fine)
        links["provenance"].append({"narrative_id": "n90", "primary_sources": [], "edges": [],
                                    "independent_non_state_named_primary_sources": 1, "independence": ind})
        links["contradictions"].append({"narrative_id": "n90", "article_ids": ["a1", "a3"], "slot": "number",
                                        "description": "750 vs 60", "spans": []})
        store.save_links(links, {})
    with TestClient(create_app(db)) as c:
        yield c


def test_home_lists_narratives_first_with_their_facts(client: TestClient) -> None:
    home = client.get("/").text
    assert home.index("<h2>Narratives</h2>") < home.index("<h2>The corpus</h2>")
    rows = re.findall(r"<tr><td><a href=\"/narratives/(\w+)\">.*?</tr>", home, re.S)
    assert rows[:2] == ["n1", "n90"]  # the most articles first
    row = re.search(r'<tr><td><a href="/narratives/n90">.*?</tr>', home, re.S)
    assert row
    cells = row.group(0)
    assert "one claim retold" in cells and "Retold &lt;script&gt;" in cells
    assert "<td>en</td>" in cells and "Press TV, Sputnik" in cells and "The US aids terrorists (0.77)" in cells
    assert "1 independent, 3 state, 1 anonymous, 2 unknown; at most 3 independent" in cells
    frame = re.search(r'<tr><td><a href="/narratives/n1">.*?</tr>', home, re.S)
    assert frame and "no codebook entry" in frame.group(0) and "event frame" in frame.group(0)
    data = client.get("/index.json").json()["narratives"]
    n90 = next(n for n in data if n["id"] == "n90")
    assert (n90["articles"], n90["claims"], n90["contradictions"], n90["languages"]) == (2, 3, 1, ["en"])
    assert n90["known_narrative"]["label"] == "The US aids terrorists" and n90["independence"]["state"] == 3


def test_each_claim_links_to_its_sentence_on_the_article_page(client: TestClient) -> None:
    page = client.get("/narratives/n90").text
    assert "1 contradiction" in page and "at most 3 independent" in page
    links = re.findall(r'href="(/articles/\d+)#(a\d+-claim-\d+)"', page)
    claims = client.get("/narratives/n90.json").json()["claims"]
    assert sorted(f"{p}#{i}" for p, i in links) == sorted(c["href"] for c in claims) and len(links) == 3
    for (path, target), c in zip(links, claims, strict=True):
        article = client.get(path).text
        assert article.count(f'id="{target}"') == 1, target
        at = article.index(f'id="{target}"')
        after = html.unescape(re.sub(r"<[^>]+>", "", article[article.index("</span>", at) + 7:][:3000]))
        data = client.get(path + ".json").json()
        source = data["title"] if c["field"] == "title" else data["text"]
        assert after.startswith(source[c["start"]:c["end"]])  # the anchor stands where the claim starts
        assert '<a href="/narratives/n90">n90</a>' in article[at:at + 300]  # and links back to the narrative


def test_hostile_narrative_text_is_escaped(client: TestClient) -> None:
    for path in ("/", "/narratives", "/narratives/n90", "/articles/3"):
        page = client.get(path).text
        assert "<script" not in page.lower(), path
    assert "“&lt;script&gt;alert(1)&lt;/script&gt; " in client.get("/narratives/n90").text
