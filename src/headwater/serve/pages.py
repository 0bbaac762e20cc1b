"""Server-rendered HTML for each page. Every value from the database goes through ``e`` (html.escape):
article text is hostile. Only http(s) URLs become links; no scripts, no external resources."""
from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote, urlencode

from headwater.lang import text_attrs
from headwater.model import key
from headwater.report.articles import article_view
from headwater.report.doc import Doc
from headwater.report.graph import LEGEND, provenance_view
from headwater.report.narratives import MAX_OUTLETS, claims_block, facts_line, known_words, languages_words, level_tag
from headwater.report.sources import sources_section
from headwater.report.svgmap import map_section
from headwater.serve.queries import claim_page

# The report's stylesheet, so the map, graphs and marked-up articles look as they do in report.html.
STYLE = """
main>h1{font-size:1.4rem;margin:1rem 0 .5rem}.plain{white-space:pre-wrap;background:#fafafa;padding:1rem;
border:1px solid #eee}form.filters input{width:8rem}.error{color:#a00}form.add textarea{width:100%;font:inherit}
form.add label{display:block;margin:.6rem 0 .2rem;font-weight:600}
"""
NAV = [("/", "overview"), ("/articles", "articles"), ("/narratives", "narratives"), ("/map", "map"), ("/explore", "zoomable map"),
       ("/sources", "sources"), ("/places", "places"), ("/search", "search"), ("/add", "add articles"),
       ("/report", "full report"), ("/openapi.json", "API")]


@cache
def report_css() -> str:
    return resources.files("headwater.report").joinpath("report.css").read_text("utf-8")


def e(value: object) -> str:
    """Escape anything for HTML text or a quoted attribute; None shows as an empty string."""
    return "" if value is None else html.escape(str(value), quote=True)


def link(href: str, text: object) -> str:
    """A link to one of our own pages (href built here from quoted parts)."""
    return f'<a href="{e(href)}">{e(text)}</a>'


def external(url: object, text: object | None = None) -> str:
    """A link for http(s) URLs only; anything else (javascript:, data:, file:) is shown as text."""
    u = str(url or "")
    label = text if text is not None else u
    if u.lower().startswith(("http://", "https://")):
        return f'<a href="{e(u)}" rel="noopener noreferrer nofollow">{e(label)}</a>'
    return e(label if u == "" else u)


def article_href(aid: object) -> str:
    return f"/articles/{quote(str(aid), safe='')}"


def narrative_href(nid: object) -> str:
    return f"/narratives/{quote(str(nid), safe='')}"


def layout(title: str, body: str, json_href: str | None) -> str:
    nav = "".join(link(href, label) for href, label in NAV)
    twin = f'<p class="muted">{link(json_href, "this page as JSON")}</p>' if json_href else ""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{e(title)} · headwater</title>'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<style>{report_css()}{STYLE}</style></head><body><header><h1>headwater</h1><nav>{nav}</nav></header>'
            f'<main><h1>{e(title)}</h1>{body}{twin}</main></body></html>')


def table(headers: Iterable[str], rows: Iterable[Iterable[str]], empty: str = "nothing here") -> str:
    """A table; cells must already be escaped HTML."""
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    if not body:
        return f'<p class="muted">{e(empty)}</p>'
    return "<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in headers) + f"</tr>{body}</table>"


def _state(v: object) -> str:
    return "state-affiliated" if v is True else "independent" if v is False else ""


def _article_rows(arts: list[dict[str, Any]]) -> list[list[str]]:
    return [[link(article_href(a["id"]), a["key"]), link(article_href(a["id"]), a["title"] or "(no title)"),
             e(a["outlet_name"]), e(a["outlet_country"]), e(_state(a["outlet_state_affiliated"])), e(a["published"])]
            for a in arts]


ARTICLE_HEADERS = ["id", "title", "outlet", "country", "outlet kind", "published"]


# The home page lists this many narratives (the most articles first); /narratives lists them all.
HOME_NARRATIVES = 100


def _narrative_table(ns: list[dict[str, Any]]) -> str:
    """The narratives with the facts the report shows of each (``report.narratives.narrative_facts``)."""
    def outlets(f: dict[str, Any]) -> str:
        names = f["outlets"]
        more = f" +{len(names) - MAX_OUTLETS}" if len(names) > MAX_OUTLETS else ""
        return e(", ".join(names[:MAX_OUTLETS]) + more) if names else '<span class="unknown">none identified</span>'

    return table(["id", "narrative", "articles", "claims", "languages", "outlets", "codebook entry", "contradictions",
                  "primary sources", "seen"],
                 ([link(narrative_href(f["id"]), f["id"]), f'{level_tag(f["level"])} {link(narrative_href(f["id"]), f["label"])}',
                   e(f["articles"]), e(f["claims"]), e(languages_words(f)), outlets(f),
                   e(known_words(f["known_narrative"], f["codebook"])), e(f["contradictions"]), e(f["independence_words"]),
                   e(" – ".join(dict.fromkeys(str(x) for x in (f["first_seen"], f["last_seen"]) if x)))]
                  for f in ns), "no narratives")


def overview(d: dict[str, Any]) -> tuple[str, str]:
    counts = table(["what", "how many"], ([e(k), e(v)] for k, v in d["counts"].items()))
    ns = d["narratives"]
    more = (f'<p>{link("/narratives", f"all {len(ns):,} narratives")}</p>' if len(ns) > HOME_NARRATIVES else "")
    return "headwater corpus", (f"<h2>Narratives</h2>{_narrative_table(ns[:HOME_NARRATIVES])}{more}"
                                f"<h2>The corpus</h2>{counts}")


def articles(d: dict[str, Any]) -> tuple[str, str]:
    f = d["filters"]
    fields = "".join(f'<label>{e(name)} <input name="{e(name)}" value="{e(f.get(name, ""))}"></label> '
                     for name in ("q", "outlet", "country", "state", "since", "until", "place", "narrative"))
    form = f'<form class="filters" method="get" action="/articles">{fields}<button>filter</button></form>'
    shown = f'<p>{e(d["total"])} articles{" match" if f else ""}; showing {e(len(d["articles"]))} from {e(d["offset"])}.</p>'
    nxt = ""
    if d["offset"] + d["limit"] < d["total"]:
        nxt = "<p>" + link("/articles?" + urlencode({**f, "offset": d["offset"] + d["limit"], "limit": d["limit"]}),
                           "next page") + "</p>"
    return "Articles", form + shown + table(ARTICLE_HEADERS, _article_rows(d["articles"]), "no article matches") + nxt


def article(d: dict[str, Any]) -> tuple[str, str]:
    meta = table(["field", "value"], [
        [e("outlet"), link("/articles?" + urlencode({"outlet": d["outlet_name"]}), d["outlet_name"]) if d["outlet_name"] else ""],
        [e("country"), e(d["outlet_country"])], [e("outlet kind"), e(_state(d["outlet_state_affiliated"]))],
        [e("published"), e(d["published"])], [e("url"), external(d["url"])], [e("source"), e(d["source"])],
        [e("wire"), e(d["wire"])], [e("language"), e(d["language"])]])
    narr = _narrative_table(d["narratives"])
    places = table(["surface", "place", "kind", "country", "lat", "lon"],
                   ([e(p["surface"]), link("/articles?" + urlencode({"place": p["name"]}), p["name"]) if p["name"] else "",
                     e(p["kind"]), e(p["country"]), e(p["lat"]), e(p["lon"])] for p in d["places"]), "no places")
    claims = table(["claim", "sourcing", "sources"],
                   ([e(c["claim"]), e(c["sourcing"]), e(" → ".join(str(s) for s in c["sources"]))] for c in d["claims"]),
                   "no claims")
    sliced = d.get("analysis")
    if sliced and sliced.get("articles"):
        doc = Doc.of(sliced)
        view = article_view(doc, doc.articles[0], opened=True, narrative_href=narrative_href)
        text = f"<h2>Text, with its evidence marked</h2>{view}"
    else:
        text = f"<h2>Text</h2><div class=\"plain\"{text_attrs(d.get('language'))}>{e(d['text'])}</div>"
    body = f"{meta}<h2>Narratives</h2>{narr}{text}<h2>Places</h2>{places}<h2>Claims</h2>{claims}"
    return f"{d['key']}: {d['title'] or '(no title)'}", body


def narratives(d: dict[str, Any]) -> tuple[str, str]:
    return "Narratives", _narrative_table(d["narratives"])


def narrative(d: dict[str, Any]) -> tuple[str, str]:
    counts = {k: len(d[k]) for k in ("claims", "contradictions")}  # the page lists them below
    facts = facts_line({**d, **counts, "article_ids": d["articles"]}, local=False)
    head = f'<p>{level_tag(d["level"])} {facts}</p>'
    claims = claims_block(d, claim_page)
    contra = table(["slot", "description", "articles"],
                   ([e(c["slot"]), e(c["description"]), ", ".join(link(article_href(a), a) for a in c["article_ids"])]
                    for c in d["contradictions"]), "no contradictions")
    sliced = d.get("analysis") or {}
    if sliced.get("provenance"):
        edges = LEGEND + provenance_view(Doc.of(sliced), sliced["provenance"][0])[0]
    else:
        edges = table(["source", "cites", "article"],
                      ([e(x["source"]), e(x["cites"]), link(article_href(x["article_id"]), key(x["article_id"]))]
                       for x in d["provenance_edges"]), "no provenance edges")
    known = table(["known claim", "rating", "date", "score", "link"],
                  ([e(k["claim"]), e(k["rating"]), e(k["date"]), e(k["score"]), external(k["url"])] for k in d["known_claims"]),
                  "matches no known claim")
    body = (f"{head}<h2>Claims, each linked to its sentence</h2>{claims}"
            f"<h2>Articles</h2>{table(ARTICLE_HEADERS, _article_rows(d['articles']))}"
            f"<h2>Contradictions</h2>{contra}<h2>Provenance</h2>{edges}<h2>Known claims</h2>{known}")
    return f"{d['id']}: {d['label']}", body


def places(d: dict[str, Any]) -> tuple[str, str]:
    return "Places", table(["place", "kind", "country", "admin1", "lat", "lon", "mentions", "articles"],
                           ([link("/articles?" + urlencode({"place": p["name"]}), p["name"]), e(p["kind"]), e(p["country"]),
                             e(p["admin1"]), e(p["lat"]), e(p["lon"]), e(p["mentions"]), e(p["articles"])] for p in d["places"]),
                           "no places")


def search(d: dict[str, Any]) -> tuple[str, str]:
    form = (f'<form method="get" action="/search"><input name="q" value="{e(d["q"])}" size="40"> '
            '<button>search</button> <span class="muted">SQLite FTS5 syntax: words, "phrases", AND, OR, NOT, prefix*</span>'
            '</form>')
    if not d["q"]:
        return "Search", form
    results = table(["id", "title", "outlet", "published", "snippet"],
                    ([link(article_href(r["id"]), r["key"]), link(article_href(r["id"]), r["title"] or "(no title)"),
                      e(r["outlet_name"]), e(r["published"]), e(r["snippet"])] for r in d["results"]), "no match")
    return f"Search: {d['q']}", form + results


def map_page(d: dict[str, Any]) -> tuple[str, str]:
    return "Map", map_section(Doc.of(d)).replace("<h2>Map</h2>", "", 1)  # the page's title says it


def sources(d: dict[str, Any]) -> tuple[str, str]:
    return "Sources", sources_section(d["sources"], lambda aid: article_href(aid.removeprefix("a")), heading=False)


def add_form(d: dict[str, Any]) -> tuple[str, str]:
    """The form behind POST /add; the token field is the only credential, so the form cannot be forged."""
    if not d.get("writable"):
        return "Add articles", ('<p class="muted">This server takes no writes. Start it with <code>headwater serve '
                                '--token TOKEN</code> to add articles here.</p>')
    result = ""
    if d.get("result"):
        r = d["result"]
        errors = "".join(f"<li>{e(x['source'])}: {e(x['reason'])}</li>" for x in r["errors"])
        result = (f'<p class="done">{e(r["analyzed"])} analyzed, {e(r["duplicates"])} duplicates, {e(r["skipped"])} already '
                  f'in the database; {e(len(r["errors"]))} errors.</p>{f"<ul class=error>{errors}</ul>" if errors else ""}'
                  f'<p>{link("/articles", "see the articles")}</p>')
    if d.get("error"):
        result = f'<p class="error">{e(d["error"])}</p>'
    form = ('<form class="add" method="post" action="/add">'
            '<label for="urls">URLs to fetch, one per line (http and https only)</label>'
            f'<textarea id="urls" name="urls" rows="4">{e(d.get("urls", ""))}</textarea>'
            '<label for="text">or the text of one article (title on the first line)</label>'
            f'<textarea id="text" name="text" rows="10">{e(d.get("text", ""))}</textarea>'
            '<label for="token">token</label><input id="token" name="token" type="password" autocomplete="off" size="30"> '
            '<button>analyze</button></form>')
    return "Add articles", result + form


def error(status: int, message: str) -> tuple[str, str]:
    return f"{status}", f'<p class="error">{e(message)}</p>'


RENDERERS: dict[str, Callable[[dict[str, Any]], tuple[str, str]]] = {
    "overview": overview, "articles": articles, "article": article, "narratives": narratives,
    "narrative": narrative, "places": places, "search": search, "map": map_page,
    "sources": sources}
