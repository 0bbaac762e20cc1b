"""The report's narratives section: first in the page, each narrative's facts in words, and every
claim one click from its sentence (the link's target exists, in the right article, where the claim starts)."""
from __future__ import annotations

import html
import re
from typing import Any

import pytest

from headwater.report import render_document
from headwater.report.highlight import Mark, Point, highlight
from headwater.report.narratives import independence_words

EVIL = '<script>alert(1)</script>'
T1 = ("Officials said on Monday that the grain deal was wrecked by Western envoys. "
      f"The port of Odesa stayed shut, {EVIL} a harbour master said.")
T2 = "Moscow insisted the grain deal was wrecked by Western envoys who never wanted it."
T3 = "Ukrainian officials denied that Western envoys wrecked the grain deal."
TITLE2 = "Envoys wrecked grain deal, Moscow says"


def _claim(aid: str, n: int, text: str, part: str, field: str = "text", **extra: Any) -> dict[str, Any]:
    start = text.index(part)
    return {"article_id": aid, "claim_id": n, "field": field, "start": start, "end": start + len(part), "text": part,
            "negated": False, "similarity": 0.9, **extra}


def corpus() -> dict[str, Any]:
    arts = [{"id": "a1", "text": T1, "title": "Grain deal", "language": "en",
             "outlet": {"name": "Daily Ledger", "country": "GB", "state_affiliated": False}},
            {"id": "a2", "text": T2, "title": TITLE2, "language": "ru",
             "outlet": {"name": "State Wire", "country": "RU", "state_affiliated": True}},
            {"id": "a3", "text": T3, "title": "Denial", "language": "uk", "outlet": None}]
    wrecked = [_claim("a1", 1, T1, "the grain deal was wrecked by Western envoys"),
               _claim("a2", 0, TITLE2, "Envoys wrecked grain deal", field="title"),
               _claim("a2", 1, T2, "the grain deal was wrecked by Western envoys who never wanted it"),
               # hostile text in a claim record: shown as text, never as markup
               {**_claim("a3", 1, T3, "Western envoys wrecked the grain deal", negated=True), "text": f"{EVIL} denied"}]
    frame = {"id": "n1", "key": "x|aids|y", "level": "frame", "label": "Envoys undermine deals",
             "article_ids": ["a1", "a2"], "known_narrative": None}
    fine = {"id": "n2", "key": "fine:1", "level": "fine", "label": f"The grain deal was wrecked {EVIL}",
            "article_ids": ["a1", "a2", "a3"], "claims": wrecked, "outlets": ["Daily Ledger", "State Wire"],
            "countries": ["GB", "RU"], "languages": ["en", "ru", "uk"], "first_seen": "2023-03-01",
            "last_seen": "2023-03-04", "known_narrative": {"id": "K7", "label": "The West sabotages peace", "score": 0.81}}
    independence = {"independent": 0, "state": 3, "intergovernmental": 0, "anonymous": 1, "unattributed": 0,
                    "unknown": 2, "independent_at_most": 2, "unknown_names": ["x", "y"]}
    return {"articles": arts, "narratives": [frame, fine],  # the smaller one first: the report sorts by size
            "themes": [{"id": "n3", "level": "broad", "label": "Grain", "article_ids": ["a1", "a2", "a3"],
                        "claims": wrecked[:2]}],
            "contradictions": [{"narrative_id": "n2", "article_ids": ["a2", "a3"], "slot": "polarity",
                                "description": "did vs did not", "spans": []}],
            "provenance": [{"narrative_id": "n2", "primary_sources": [], "edges": [],
                            "independent_non_state_named_primary_sources": 0, "independence": independence}]}


def test_without_a_codebook_no_narrative_is_said_to_miss_an_entry() -> None:
    doc = corpus()
    doc["narratives"][1]["known_narrative"] = None  # nothing matched: was there a codebook at all?
    narr = section(render_document(doc), "narratives")
    assert "no codebook given" in narr and "no codebook entry" not in narr
    doc["codebook"] = [{"entries": 12, "top_level": 3}]  # the run had one: these narratives match none of it
    narr = section(render_document(doc), "narratives")
    assert "no codebook entry" in narr and "no codebook given" not in narr


def section(page: str, name: str) -> str:
    m = re.search(rf'<section id="{name}">.*?</section>', page, re.S)
    assert m, name
    return m.group(0)


def text_after(page: str, anchor_id: str) -> str:
    """The page's text that follows the element with this id (its own content skipped), tags stripped."""
    at = page.index(f'id="{anchor_id}"')
    rest = page[page.index("</span>", at) + len("</span>"):]
    return html.unescape(re.sub(r"<[^>]+>", "", rest[:2000]))


def test_narratives_come_first_with_their_facts_in_words() -> None:
    page = render_document(corpus())
    order = [page.index(f'<section id="{s}">') for s in ("narratives", "overview", "articles")]
    assert order == sorted(order)
    nav = re.search(r"<nav>(.*?)</nav>", page, re.S)
    assert nav and nav.group(1).index("#narratives") < nav.group(1).index("#overview")
    narr = section(page, "narratives")
    assert narr.index('id="narr-n2"') < narr.index('id="narr-n1"')  # most articles first
    card = narr[narr.index('id="narr-n2"'):narr.index('id="narr-n1"')]
    assert "The grain deal was wrecked &lt;script&gt;" in card and "one claim retold" in card
    assert "3 articles</b>, 4 claims" in card and "languages: en, ru, uk" in card
    assert "2 outlets: Daily Ledger, State Wire" in card
    assert "The West sabotages peace (0.81)" in card and "1 contradiction" in card
    assert "3 state, 1 anonymous, 2 unknown; at most 2 independent" in card
    frame = narr[narr.index('id="narr-n1"'):]
    assert "no codebook entry" in frame and "event frame" in frame and "no provenance recorded" in frame
    assert "1 outlet: Daily Ledger" not in frame and "2 outlets: Daily Ledger, State Wire" in frame  # from its articles
    theme = narr[narr.index("<h3>Themes</h3>"):]
    assert '<tr id="narr-n3">' in theme and "not compared" in theme and "not traced" in theme


def test_each_claim_links_to_its_sentence() -> None:
    doc = corpus()
    page = render_document(doc)
    links = re.findall(r'href="#(a\d+-claim-\d+)"', section(page, "narratives"))
    assert len(links) == 4
    claims = {f'{c["article_id"]}-claim-{c["claim_id"]}': c for c in doc["narratives"][1]["claims"]}
    texts = {a["id"]: a for a in doc["articles"]}
    for target in links:
        assert page.count(f'id="{target}"') == 1, target
        c = claims[target]
        art = texts[c["article_id"]]
        source = art["title"] if c["field"] == "title" else art["text"]
        # the anchor stands inside that article, where the claim starts
        where = page.rindex('<article id="', 0, page.index(f'id="{target}"'))
        assert page.startswith(f'<article id="{c["article_id"]}"', where)
        assert text_after(page, target).startswith(source[c["start"]:c["end"]])
    # the badge at the sentence links back to the narratives holding the claim (themes are not marked)
    assert re.search(r'id="a1-claim-1" [^>]*><a href="#narr-n2">n2</a></span>', page)


def test_hostile_claim_text_is_escaped() -> None:
    page = render_document(corpus())
    narr = section(page, "narratives")
    assert "<script" not in page.lower()
    assert "“&lt;script&gt;alert(1)&lt;/script&gt; denied”" in narr
    assert '<span class="tag">negated</span>' in narr


def test_big_corpora_cap_cards_and_claims_and_link_only_into_shown_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from headwater.report import articles, narratives

    monkeypatch.setattr(narratives, "MAX_CARDS", 1)
    monkeypatch.setattr(narratives, "MAX_CLAIMS", 2)
    monkeypatch.setattr(articles, "TEXT_LIMIT", 2)  # only a1 and a2 are shown with their text
    page = render_document(corpus())
    narr = section(page, "narratives")
    assert "and 2 more claims" in narr
    assert 'id="narr-n2"' in narr and '<tr id="narr-n1">' in narr  # the second narrative is a table row
    assert "1 more with fewer articles" in narr
    for target in re.findall(r'href="#([^"]+)"', narr):
        assert f'id="{target}"' in page, target  # every link of the section lands somewhere


def test_a_claim_of_an_article_without_its_text_is_not_linked(monkeypatch: pytest.MonkeyPatch) -> None:
    from headwater.report import articles

    monkeypatch.setattr(articles, "TEXT_LIMIT", 2)
    page = render_document(corpus())
    narr = section(page, "narratives")
    assert 'href="#a3-claim-1"' not in narr and "a3 <span class=\"muted\">(text not shown here)</span>" in narr
    assert 'href="#a1-claim-1"' in narr and 'id="a1-claim-1"' in page


def test_a_claim_past_the_end_of_its_text_still_has_its_anchor() -> None:
    doc = corpus()
    doc["narratives"][1]["claims"][0].update(start=10_000, end=10_040)  # a stale record: the link must not dangle
    page = render_document(doc)
    assert 'href="#a1-claim-1"' in section(page, "narratives") and page.count('id="a1-claim-1"') == 1


def test_independence_in_words() -> None:
    def words(**counts: int) -> str:
        ind = {"independent": 0, "state": 0, "intergovernmental": 0, "anonymous": 0, "unattributed": 0, "unknown": 0,
               **counts}
        ind["independent_at_most"] = ind["independent"] + ind["unknown"]
        return independence_words({"independence": ind})

    assert words(independent=2, state=1) == "2 independent, 1 state"
    assert words(state=2) == "2 state; none independent"
    assert words(independent=1, unknown=3) == "1 independent, 3 unknown; at most 4 independent"
    assert words() == "no primary source; none independent"
    assert independence_words({"independent_non_state_named_primary_sources": 1}) == "1 independent (no breakdown recorded)"
    assert independence_words(None) == "no provenance recorded"


def test_a_point_inside_a_linked_mark_moves_out_of_the_link() -> None:
    text = "In Al Hasakah, <b>"
    out = highlight(text, [], [Mark(3, 13, "pl", "", "#p0")], [Point(6, "<i>1</i>"), Point(15, "<i>2</i>")])
    assert out == 'In <i>1</i><a class="mk" href="#p0"><mark class="pl">Al Hasakah</mark></a>, <i>2</i>&lt;b&gt;'


def test_citation_graphs_are_drawn_for_the_largest_narratives_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from headwater.report import graph

    doc = corpus()
    edges = [{"from": "State Wire", "to": "Defence Ministry", "article_id": "a2"}]
    doc["provenance"] = [{**doc["provenance"][0], "edges": edges},
                         {"narrative_id": "n1", "primary_sources": [], "edges": edges,
                          "independent_non_state_named_primary_sources": 0}]
    assert section(render_document(doc), "provenance").count("<svg") == 2
    monkeypatch.setattr(graph, "MAX_GRAPHS", 1)
    blocks = dict(re.findall(r'<div class="narr" id="prov-(n\d+)">(.*?)</details></div>',
                             section(render_document(doc), "provenance"), re.S))
    assert "<svg" in blocks["n2"] and "<svg" not in blocks["n1"]  # n2 (3 articles) drawn, n1 (2) not
    assert "headwater serve" in blocks["n1"] and "independent named primary sources" in blocks["n1"]
