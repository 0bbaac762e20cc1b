"""The report as an analyst (and an attacker) meets it: hostile strings stay text, marks land on
the characters they claim, the map and the provenance graph show what the analysis found."""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import pytest

import headwater
from headwater.document import assemble
from headwater.link.builtin import CorpusLinks
from headwater.model import Article, InputError, Outlet
from headwater.report import render_document, write_report
from headwater.report.doc import Doc
from headwater.report.highlight import Mark, highlight
from headwater.report.sources import source_index
from headwater.resources import Resources

from .conftest import EXAMPLES

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)">'
TEXT = ('Officials in <b onmouseover=alert(3)>Tanf said on Monday that 750 militants were moved from Al Hasakah to '
        'At-Tanf, SANA reported. "We saw <script>alert(4)</script> trucks," a witness said.')
TANF = {"name": "Al-Tanf", "lat": 33.5, "lon": 38.63, "place_id": "sup:0", "country": "SY"}
HASAKAH = {"name": "Al Hasakah", "lat": 36.5, "lon": 40.75, "place_id": "gn:1", "country": "SY"}


def _span(text: str, part: str) -> tuple[int, int]:
    i = text.index(part)
    return i, i + len(part)


@dataclass
class Made:
    """A corpus made by hand and its analysis document, as the pipeline would assemble it."""

    articles: list[tuple[int, Article]]
    doc: dict[str, Any]


def made(corpus: list[tuple[int, Article]], links: CorpusLinks, errors: list[InputError]) -> Made:
    parts = {k: getattr(links, k) for k in ("stories", "copies", "narratives", "contradictions", "provenance")}
    return Made(corpus, assemble(corpus, parts, [{"source": e.source, "reason": e.reason} for e in errors]))


def render(m: Made) -> str:
    return render_document(m.doc)


def hostile_analysis() -> Made:
    evil_place = '<b onmouseover=alert(3)>Tanf'
    s1, e1 = _span(TEXT, evil_place)
    s2, e2 = _span(TEXT, "Al Hasakah")
    s3, e3 = _span(TEXT, "At-Tanf")
    sc, ec = _span(TEXT, "750 militants were moved from Al Hasakah to At-Tanf")
    st, et = _span(TEXT, "moved")
    places = [
        {"surface": evil_place, "start": s1, "end": e1, "name": EVIL, "lat": 33.5, "lon": 38.6, "kind": "city",
         "admin1": EVIL, "country": "SY", "place_id": "evil"},
        {"surface": "Al Hasakah", "start": s2, "end": e2, "name": "Al Hasakah", "lat": 36.5, "lon": 40.75,
         "kind": "city", "admin1": None, "country": "SY", "place_id": "gn:1"},
        {"surface": "At-Tanf", "start": s3, "end": e3, "name": "Al-Tanf", "lat": 33.5, "lon": 38.63, "kind": "facility",
         "admin1": None, "country": "SY", "place_id": "sup:0"},
    ]
    source = {"name": "SANA", "kind": "agency", "country": "SY", "state_affiliated": True, "text": "SANA"}
    evil_source = {"name": EVIL, "kind": "person", "country": EVIL, "state_affiliated": None, "text": EVIL}
    attributions = [{"claim": TEXT[sc:ec], "start": sc, "end": ec, "cue": "reported", "cue_start": TEXT.index("reported"),
                     "sources": [source, evil_source], "hedges": [], "sourcing": "named"}]
    events = [{"type": "transfer", "trigger": "moved", "start": st, "end": et, "actor": EVIL, "target": "militants",
               "count": 750, "killed": 12, "origin": {**HASAKAH, "name": EVIL}, "destination": TANF, "location": None,
               "date": "2022-02-25", "attribution": [source]}]
    evil_outlet = Outlet("evil", EVIL, EVIL, True, EVIL)
    a1 = Article(source=f"in/{EVIL}.html", text=TEXT, title=EVIL, url="javascript:alert(5)", outlet=evil_outlet,
                 published="2022-02-25", published_basis="explicit", places=places, attributions=attributions,
                 events=events, focus={**TANF, "name": EVIL}, wire=EVIL)
    a2 = Article(source="b.txt", text="US forces moved militants to Al-Tanf, Reuters said.", title="Plain",
                 url="https://example.org/news?id=1&x=<y>", published="2022-02-26", published_basis="inferred")
    links = CorpusLinks(
        stories=[{"id": "s1", "article_ids": ["a1", "a2"]}],
        narratives=[{"id": "n1", "label": EVIL, "frame": {"actor": EVIL, "action": "aids", "group": EVIL},
                     "article_ids": ["a1", "a2"], "first_seen": "2022-02-25", "last_seen": "2022-02-26",
                     "known_claims": [{"claim": EVIL, "url": "javascript:alert(6)", "score": 0.9, "date": EVIL}]}],
        contradictions=[{"narrative_id": "n1", "article_ids": ["a1", "a2"], "slot": EVIL, "description": EVIL,
                         "spans": [{"article_id": "a1", "start": st, "end": et}, {"article_id": "a2", "start": 10, "end": 15}]}],
        provenance=[{"narrative_id": "n1", "primary_sources": [{**evil_source, "article_ids": ["a1"]},
                                                               {"name": "unattributed", "kind": "unattributed",
                                                                "country": None, "state_affiliated": None,
                                                                "article_ids": ["a2"]}],
                     "edges": [{"from": EVIL, "to": "SANA", "article_id": "a1"},
                               {"from": "SANA", "to": EVIL, "article_id": "a1"}],
                     "independent_non_state_named_primary_sources": 0}])
    return made([(1, a1), (2, a2)], links, [InputError(EVIL, EVIL)])


class Page(HTMLParser):
    """Every tag with its attributes, and the text inside each <mark> (nested marks included)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: dict[str, str] = {}
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self._open.append((dict(attrs).get("id") or "", []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._open:
            mid, parts = self._open.pop()
            if mid:
                self.marks[mid] = "".join(parts)

    def handle_data(self, data: str) -> None:
        for _, parts in self._open:
            parts.append(data)


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    return p


def test_hostile_strings_stay_text() -> None:
    page = render(hostile_analysis())
    tags = parse(page).tags
    names = {t for t, _ in tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "foreignobject", "link", "base", "form"}
    assert [t for t, _ in tags].count("style") == 1  # ours, in the head
    for tag, attrs in tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert "src" not in attrs
        href = attrs.get("href")
        if href is not None:
            assert href.startswith("#") or href.startswith(("http://", "https://")), href
            if href.startswith("http"):
                assert attrs.get("rel") == "noopener noreferrer nofollow"
    low = page.lower()
    assert "<script" not in low and "<img" not in low  # (no tag carries an on* handler: checked above, parsed)
    assert 'href="javascript:' not in low
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown, as text
    assert "default-src 'none'" in page
    # the only external address in the page is the article's own (http) URL, as an inert-by-policy link
    assert set(re.findall(r"https?://[^\s\"'<]+", page)) == {"https://example.org/news?id=1&amp;x=&lt;y&gt;"}


def test_marks_land_on_the_characters_they_claim() -> None:
    analysis = hostile_analysis()
    a1 = analysis.articles[0][1]
    marks = parse(render(analysis)).marks
    for p in a1.places:
        assert marks[f"a1-m-{p['start']}"] == a1.text[p["start"]:p["end"]]
    claim = a1.attributions[0]
    assert marks["a1-c-0"] == a1.text[claim["start"]:claim["end"]]
    i, j = _span(a1.text, "750")
    assert marks[f"a1-m-{i}"] == "750" == a1.text[i:j]
    sana = a1.text.index("SANA")
    assert marks[f"a1-m-{sana}"] == "SANA"


def test_highlight_nests_and_drops_what_would_cross() -> None:
    text = "a<b>c & d e"
    out = highlight(text, [Mark(0, 6, "cl")], [Mark(1, 4, "pl"), Mark(5, 9, "num"), Mark(2, 3, "x")])
    assert out == '<mark class="cl">a<mark class="pl">&lt;b&gt;</mark>c </mark>&amp; d e'


def test_map_graph_and_views_of_the_seeds(tmp_path: Path, resources: Resources) -> None:
    result = headwater.analyze([str(EXAMPLES)], tmp_path, resources=resources)
    page = (tmp_path / "report.html").read_text()
    doc = json.loads((tmp_path / "analysis.json").read_text())
    section = {m.group(1): m.group(0) for m in re.finditer(r'<section id="(\w+)">.*?</section>', page, re.S)}
    assert set(section) >= {"narratives", "overview", "map", "provenance", "sources", "contradictions", "known", "timeline",
                            "articles"}
    world = section["map"]
    assert "<svg" in world and "Al-Tanf" in world and 'class="land' in world
    moves = [e for e in doc["events"] if e.get("origin") and e.get("destination")]
    if moves:  # the events enricher may be absent; the map still renders without it
        assert 'class="move"' in world and 'marker-end="url(#hw-arrow)"' in world
    graph = section["provenance"]
    groups = re.findall(r'<g class="edge[^"]*"><title>(.*?)</title>.*?<text[^>]*>(.*?)</text></g>', graph)
    for prov in doc["provenance"]:
        for e in prov["edges"]:
            head = html.escape(f"{e['from']} → {e['to']} (", quote=True)
            assert any(t.startswith(head) and e["article_id"] in label for t, label in groups), e
    for n in doc["narratives"]:
        assert html.escape(n["label"]) in section["narratives"]
    for c in doc["contradictions"]:
        for s in c["spans"]:
            text = next(a["text"] for a in doc["articles"] if a["id"] == s["article_id"])
            assert f'<mark class="hit">{html.escape(text[s["start"]:s["end"]])}</mark>' in section["contradictions"]
    assert page == (tmp_path / "report.html").read_text() and len(result.document["articles"]) == 5


def test_source_index_lists_every_claim_of_each_source(tmp_path: Path, resources: Resources) -> None:
    headwater.analyze([str(EXAMPLES)], tmp_path, resources=resources)
    doc = json.loads((tmp_path / "analysis.json").read_text())
    index = source_index(Doc.of(doc))
    named = [(x["article_id"], x["claim"]) for x in doc["attributions"] for s in x["sources"] if s.get("name")
             and not (x.get("attitude") and not x.get("nested"))]
    assert sum(len(g["claims"]) for g in index) == len(named)  # every (claim, source) pair, once
    by_name = {g["name"]: g for g in index}
    svr = by_name["Foreign Intelligence Service of Russia"]  # registry name: "SVR statement" and the like join it
    assert len(svr["names"]) >= 2 and svr["state_affiliated"] is True and svr["country"] == "RU"
    anonymous = [g for g in index if g["kind"] == "anonymous"]
    assert anonymous and all(len(g["articles"]) == 1 for g in anonymous)  # never merged across articles
    relayed = [c for g in index for c in g["claims"] if c["via"]]
    assert relayed and all(c["via"] for c in by_name["anonymous local sources (a2)"]["claims"])
    page = (tmp_path / "report.html").read_text()
    section = re.search(r'<section id="sources">.*?</section>', page, re.S)
    assert section is not None
    ids = set(re.findall(r'id="(src-[^"]+)"', section.group(0)))
    assert {g["key"] for g in index} == ids
    assert set(re.findall(r'class="srclink" href="#(src-[^"]+)"', page)) <= ids  # article chips link into the index


def test_a_resolved_pronoun_is_shown_as_inferred() -> None:
    text = "Sabbagh spoke first. He said the talks had failed."
    src = {"name": "Bassam <b>Sabbagh</b>", "kind": "person", "country": "SY", "state_affiliated": True,
           "resolved_from": "He", "inferred": True}
    page = render_document({"articles": [{"id": "a1", "text": text, "title": "t", "outlet": None}],
                            "attributions": [{"article_id": "a1", "claim": "the talks had failed", "start": 29,
                                              "end": 49, "cue": "said", "cue_start": 24, "sources": [src]}]})
    assert page.count("inferred: the text says “He”") >= 2  # the article view's chip and the source index
    assert "Bassam &lt;b&gt;Sabbagh&lt;/b&gt;" in page and "<b>Sabbagh</b>" not in page


def test_an_aim_ascribed_is_shown_as_the_articles_not_as_said() -> None:
    text = "NATO plans to attack Russia from the Baltic states."
    nato = {"name": "NATO", "kind": "organization", "country": None, "state_affiliated": None}
    doc = {"articles": [{"id": "a1", "text": text, "title": "t", "outlet": None}],
           "attributions": [{"article_id": "a1", "claim": "to attack Russia from the Baltic states", "start": 11,
                             "end": 50, "cue": "plans", "cue_start": 5, "sources": [nato], "sourcing": "named",
                             "attitude": True}]}
    page = render_document(doc)
    assert "aim ascribed by the article" in page and "aim the article ascribes to NATO" in page
    assert source_index(Doc.of(doc)) == []  # NATO said nothing: no claim of NATO's in the sources index


def test_empty_corpus_and_missing_parts_render(tmp_path: Path) -> None:
    page = render(made([], CorpusLinks(), []))
    assert "No place in the corpus" in page and "No narrative" in page
    # no contradiction says what was compared, so that none found reads as none, not as unchecked
    assert "No two retellings" in page and "claims that retell one claim" in page
    bare = render_document({"articles": [{"id": "a1", "text": "No places here.", "outlet": None, "title": None}],
                            "events": [{"article_id": "a1", "origin": {"lat": "x"}, "killed": "many"}]})
    assert "No place in the corpus" in bare and "No places here." in bare
    out = write_report(made([], CorpusLinks(), []).doc, tmp_path / "report.html")
    assert out.read_text().startswith("<!doctype html>")


def _big_doc(n: int) -> dict[str, Any]:
    arts, places, attrs, events = [], [], [], []
    for i in range(1, n + 1):
        text = f"Report {i}: 40 people were moved from Al Hasakah to At-Tanf, officials told SANA on Monday. " * 5
        aid = f"a{i}"
        arts.append({"id": aid, "source": f"{i}.txt", "title": f"Report {i}", "text": text, "published": "2022-02-25",
                     "outlet": {"name": f"Outlet {i % 40}", "country": "SY", "state_affiliated": i % 2 == 0},
                     "focus": TANF})
        for k in range(5):
            s, e = k * (len(text) // 5), k * (len(text) // 5)
            places.append({"article_id": aid, "surface": "Al Hasakah", "start": s + text.index("Al Hasakah"),
                           "end": s + text.index("Al Hasakah") + 10, **HASAKAH, "kind": "city"})
            places.append({"article_id": aid, "surface": "At-Tanf", "start": e + text.index("At-Tanf"),
                           "end": e + text.index("At-Tanf") + 7, **TANF, "kind": "facility"})
        attrs.append({"article_id": aid, "claim": text[:60], "start": 0, "end": 60, "cue_start": 70,
                      "sources": [{"name": "SANA", "kind": "agency", "country": "SY", "state_affiliated": True}]})
        events.append({"article_id": aid, "type": "transfer", "trigger": "moved", "start": 22, "end": 27,
                       "origin": HASAKAH, "destination": TANF, "count": 40, "killed": i % 7, "date": "2022-02-2" + str(i % 9)})
    edges = [{"from": f"Outlet {i % 40}", "to": "SANA", "article_id": f"a{i}"} for i in range(1, n + 1)]
    return {"articles": arts, "places": places, "attributions": attrs, "events": events,
            "narratives": [{"id": "n1", "label": "moves", "article_ids": [a["id"] for a in arts]}],
            "provenance": [{"narrative_id": "n1", "edges": edges, "independent_non_state_named_primary_sources": 0,
                            "primary_sources": [{"name": "SANA", "state_affiliated": True, "article_ids": ["a1"]}]}]}


def test_a_thousand_articles_stay_folded_and_linear_in_size() -> None:
    # time is measured by benchmarks/report_bench.py; here, what keeps a long report usable
    small = render_document(_big_doc(100))
    page = render_document(_big_doc(1000))
    assert len(page) < 12 * len(small)
    assert '<article id="a300" class="art"><details>' in page  # folded: a long report stays usable
    assert page.count("<circle class=\"dot") <= 1500


def test_world_outline_is_compact_and_covers_the_seeds_countries() -> None:
    data = importlib_resources.files("headwater.data").joinpath("world_outline.json")
    raw = data.read_bytes()
    assert len(raw) < 300_000
    doc = json.loads(raw)
    assert {"SY", "IQ", "RU", "US", "UA"} <= set(doc["countries"]) and "Natural Earth" in doc["source"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", " JAVASCRIPT:x", "vbscript:x"])
def test_only_http_urls_become_links(url: str) -> None:
    from headwater.report.markup import safe_link

    assert "<a " not in safe_link(url) and "href" not in safe_link(url)
    assert safe_link("https://a.example/x").startswith('<a href="https://a.example/x" rel="noopener noreferrer nofollow"')


def test_a_large_corpus_keeps_the_evidence_text_and_points_to_serve(monkeypatch: pytest.MonkeyPatch) -> None:
    from headwater.report import articles

    monkeypatch.setattr(articles, "TEXT_LIMIT", 3)
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]
    arts = [{"id": f"a{i}", "text": f"Body {words[i - 1]} here.", "title": f"t{i}", "outlet": None} for i in range(1, 7)]
    page = render_document({"articles": arts, "narratives": [{"id": "n1", "label": "x", "article_ids": ["a5", "a6"]}]})
    shown = [i for i in range(1, 7) if f"Body {words[i - 1]} here." in page]
    assert shown == [1, 5, 6]  # the narrative's articles first, then the corpus order, up to the limit
    assert "3 of 6 articles are shown with their text" in page and "headwater serve" in page


def test_quoted_article_text_sets_its_own_direction() -> None:
    # a quote in Arabic or Persian inside an English page: its direction from its own letters (dir="auto")
    tags = parse(render(hostile_analysis())).tags
    quotes = [attrs for _, attrs in tags if attrs.get("class") == "quote"]
    assert quotes and all(attrs.get("dir") == "auto" for attrs in quotes)
