"""The article view: each text with its places, sources and claims, numbers and event words marked
from their offsets, beside the lists those marks link to (and that link back to the marks)."""
from __future__ import annotations

from typing import Any

from headwater.enrich.numbers import find_quantities
from headwater.lang import text_attrs
from headwater.model import ascribed_aim
from headwater.report.doc import Doc, Row, num
from headwater.report.highlight import Mark, highlight
from headwater.report.markup import (
    anchor,
    article_link,
    country_tag,
    esc,
    fold,
    plural,
    safe_link,
    source_chip,
    state_key,
    state_tag,
)
from headwater.report.narratives import Href, Refs, claim_points, claim_refs, narrative_anchor
from headwater.report.sources import source_key

OPEN_ARTICLES = 10  # with more articles than this, each starts folded
# Articles shown with their whole marked-up text. A report of 1,000 articles with every text inline is
# 15 MB and takes seconds to open (benchmarks/report_bench.py); past this many, the report keeps the
# evidence (articles in a narrative or a contradiction) first and lists the rest in the index, and
# says that `headwater serve` shows every article.
TEXT_LIMIT = 300
MAX_INDEX_OPEN = 30


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _int(value: object) -> int | None:
    n = num(value)
    return int(n) if n is not None else None


def _find_source(text: str, s: dict[str, Any], near: int, lo: int, hi: int) -> tuple[int, int] | None:
    surface = str(s.get("text") or s.get("name") or "")
    if len(surface) < 2:
        return None
    i = text.find(surface, max(0, near - 200), min(len(text), near + 300))
    if i < 0:
        i = text.find(surface, max(0, lo), min(len(text), hi))
    return (i, i + len(surface)) if i >= 0 else None


def _chain(aid: str, sources: list[dict[str, Any]]) -> str:
    """The chain nearest first, each source linked to its entry in the source index."""
    return ' <span class="muted">citing</span> '.join(
        f'<a class="srclink" href="#{anchor("src", source_key(s, aid))}">{source_chip(s)}</a>'
        for s in sources if isinstance(s, dict) and s.get("name"))


def _place_parts(aid: str, rows: list[Row], inner: list[Mark], meto: bool) -> dict[str, tuple[str, Row, list[Row]]]:
    groups: dict[str, tuple[str, Row, list[Row]]] = {}
    for p in rows:
        key = str(p.get("place_id") or p.get("name"))
        if key not in groups:
            groups[key] = (anchor(aid, "mt" if meto else "pl", len(groups)), p, [])
        gid, _, mentions = groups[key]
        mentions.append(p)
        s, e = _int(p.get("start")), _int(p.get("end"))
        if s is not None and e is not None:
            where = ", ".join(str(x) for x in (p.get("admin1"), p.get("country")) if x)
            title = f'{p.get("name")} · {p.get("kind")}{" · " + where if where else ""}'
            if meto:
                title += " · stands for its government here"
            inner.append(Mark(s, e, "pl meto" if meto else "pl", title, f"#{gid}", anchor(aid, "m", s)))
    return groups


def _place_list(aid: str, groups: dict[str, tuple[str, Row, list[Row]]], meto: bool) -> str:
    items = []
    for gid, p, mentions in groups.values():
        links = " ".join(f'<a href="#{anchor(aid, "m", m.get("start"))}">{esc(m.get("surface"))}</a>' for m in mentions[:8])
        where = ", ".join(esc(x) for x in (p.get("admin1"), p.get("country")) if x)
        items.append(f'<li id="{gid}"><b>{esc(p.get("name"))}</b> <span class="muted">{esc(p.get("kind"))}'
                     f'{" · " + where if where else ""}</span> — {links}{" …" if len(mentions) > 8 else ""}</li>')
    head = "Capitals standing for governments" if meto else "Places"
    return fold(f"{head} ({len(groups)})", f'<ul class="plist">{"".join(items)}</ul>', len(groups)) if items else ""


def _claims(aid: str, text: str, rows: list[Row], outer: list[Mark], inner: list[Mark]) -> str:
    items = []
    for n, x in enumerate(rows):
        sources = [s for s in x.get("sources") or [] if isinstance(s, dict)]
        gid, cid = anchor(aid, "at", n), anchor(aid, "c", n)
        s, e = _int(x.get("start")), _int(x.get("end"))
        names = " citing ".join(str(src.get("name")) for src in sources)
        aim = ascribed_aim(x)  # an aim the article ascribes: not said by them
        if s is not None and e is not None:
            s, e = _trim(text, s, e)
            outer.append(Mark(s, e, f"cl {state_key(sources[0].get('state_affiliated')) if sources else 'unk'}",
                              f"aim the article ascribes to {names}" if aim else f"claim, according to {names}", "", cid))
            cue = _int(x.get("cue_start")) or s
            for src in sources:
                at = _find_source(text, src, cue, s - 400, e + 400)
                if at:
                    inner.append(Mark(*at, f"src {state_key(src.get('state_affiliated'))}",
                                      f'source: {src.get("name")} ({src.get("kind")}, {src.get("country") or "?"})',
                                      f"#{gid}", anchor(aid, "m", at[0])))
        claim = str(x.get("claim") or "")
        short = claim if len(claim) <= 180 else claim[:177] + "…"
        hedges = ", ".join(str(h) for h in x.get("hedges") or [])
        tag = "aim ascribed by the article" if aim else x.get("sourcing") or ""
        items.append(f'<li id="{gid}">{_chain(aid, sources)} <span class="tag">{esc(tag)}</span>'
                     f'{" <span class=tag>hedged: " + esc(hedges) + "</span>" if hedges else ""}'
                     f'<br><a href="#{cid}" class="quote" dir="auto">“{esc(short)}”</a></li>')
    return fold(f"Sources and claims ({len(items)})", f'<ul class="alist">{"".join(items)}</ul>', len(items)) if items else ""


def _where(p: object) -> str:
    return str(p.get("name") or p.get("surface") or "?") if isinstance(p, dict) else ""


def _events(aid: str, rows: list[Row], inner: list[Mark]) -> str:
    items = []
    for e in rows:
        s, end = _int(e.get("start")), _int(e.get("end"))
        kind = "/".join(str(x) for x in dict.fromkeys((e.get("type"), e.get("subtype"))) if x)
        facts = [f"{e.get('actor') or '?'} → {e.get('target')}" if e.get("target") else str(e.get("actor") or "")]
        if e.get("count") is not None:
            facts.append(f'{e.get("count_qualifier") or ""} {e.get("count")} people'.strip())
        if e.get("killed") is not None:
            facts.append(f'{e.get("killed")} killed')
        if e.get("origin") or e.get("destination"):
            facts.append(f'{_where(e.get("origin")) or "?"} → {_where(e.get("destination")) or "?"}')
        if e.get("location"):
            facts.append(f'at {_where(e.get("location"))}')
        if e.get("date"):
            facts.append(str(e.get("date")))
        summary = " · ".join(f for f in facts if f)
        link = esc(e.get("trigger"))
        if s is not None and end is not None:
            inner.append(Mark(s, end, "ev", f"{kind}: {summary}", "", anchor(aid, "m", s)))
            link = f'<a href="#{anchor(aid, "m", s)}">{link}</a>'
        items.append(f'<li><span class="tag">{esc(kind)}</span> {link} <span class="muted">{esc(summary)}</span></li>')
    return fold(f"Events ({len(items)})", f'<ul class="elist">{"".join(items)}</ul>', len(items)) if items else ""


def _numbers(aid: str, text: str, inner: list[Mark]) -> int:
    n = 0
    for q in find_quantities(text):
        if q.is_count:
            s, e = _trim(text, q.start, q.end)
            title = f'number: {q.value if q.value is not None else "vague"}{" (" + q.qualifier + ")" if q.qualifier else ""}'
            inner.append(Mark(s, e, "num", title, "", anchor(aid, "m", s)))
            n += 1
    return n


def _meta(doc: Doc, aid: str, a: Row) -> str:
    o = a.get("outlet") if isinstance(a.get("outlet"), dict) else None
    outlet = (f'{esc(o.get("name"))} {country_tag(o.get("country"))} '
              f'<span title="found from {esc(o.get("basis"))}">{state_tag(o.get("state_affiliated"))}</span>'
              if o else '<span class="unknown">outlet unknown</span>')
    date = esc(a.get("published") or "no date") + (' <span class="tag">inferred</span>'
                                                    if a.get("published_basis") == "inferred" else "")
    parts = [outlet, date]
    if a.get("url"):
        parts.append(safe_link(str(a.get("url"))))
    if a.get("wire"):
        parts.append("wire: " + esc(a.get("wire")))
    if isinstance(a.get("focus"), dict):
        parts.append("focus: " + esc(a["focus"].get("name")))
    if aid in doc.derived_from:
        parts.append("copies " + article_link(doc.derived_from[aid]))
    parts.append(f'<span class="input">{esc(a.get("source"))}</span>')
    return " · ".join(parts)


def _to_card(nid: str) -> str:
    return f"#{narrative_anchor(nid)}"


def article_view(doc: Doc, a: Row, opened: bool, refs: Refs | None = None, narrative_href: Href = _to_card) -> str:
    """An article with its evidence marked; ``refs`` (``narratives.claim_refs`` of the document, computed
    here when not given) mark where its narratives' claims stand, linked to ``narrative_href``."""
    aid, text = str(a.get("id")), str(a.get("text") or "")
    mine = (refs if refs is not None else claim_refs(doc)).get(aid, {})
    outer: list[Mark] = []
    inner: list[Mark] = []
    places = _place_list(aid, _place_parts(aid, doc.places.get(aid, []), inner, False), False)
    meto = _place_list(aid, _place_parts(aid, doc.metonyms.get(aid, []), inner, True), True)
    claims = _claims(aid, text, doc.attributions.get(aid, []), outer, inner)
    events = _events(aid, doc.events.get(aid, []), inner)
    _numbers(aid, text, inner)
    body = highlight(text, outer, inner, claim_points(aid, mine, "text", narrative_href))
    o = a.get("outlet") if isinstance(a.get("outlet"), dict) else None
    who = f' <span class="chip {state_key(o.get("state_affiliated"))}">{esc(o.get("name"))}</span>' if o else ""
    title = highlight(str(a.get("title") or ""), [], [], claim_points(aid, mine, "title", narrative_href))
    summary = f'<span class="aid">{esc(aid)}</span> {title or "(no title)"}{who}'
    return (f'<article id="{anchor(aid)}" class="art"><details{" open" if opened else ""}><summary>{summary}</summary>'
            f'<p class="meta">{_meta(doc, aid, a)}</p><div class="artgrid">'
            f'<div class="text"{text_attrs(a.get("language"))}>{body}</div>'
            f'<aside>{places}{meto}{claims}{events}</aside></div></details></article>')


def index_table(doc: Doc) -> str:
    rows = []
    for a in doc.articles:
        aid = str(a.get("id"))
        o = a.get("outlet") if isinstance(a.get("outlet"), dict) else None
        outlet = (f'{esc(o.get("name"))} {country_tag(o.get("country"))} {state_tag(o.get("state_affiliated"))}'
                  if o else '<span class="unknown">unknown</span>')
        rows.append(f'<tr><td>{article_link(aid)}</td><td>{outlet}</td><td>{esc(a.get("published") or "—")}</td>'
                    f'<td>{esc(a.get("title") or "(no title)")}</td><td class="input">{esc(a.get("source"))}</td></tr>')
    table = ('<table class="index"><thead><tr><th>id</th><th>outlet</th><th>published</th><th>title</th><th>input</th>'
             f'</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    return fold(f"Index of {plural(len(rows), 'article')}", table, len(rows), MAX_INDEX_OPEN)


def shown_articles(doc: Doc) -> list[Row]:
    """The articles shown with their text: all of them up to TEXT_LIMIT, else the evidence first."""
    if len(doc.articles) <= TEXT_LIMIT:
        return doc.articles
    evidence = {str(x) for n in doc.list("narratives") for x in n.get("article_ids") or []}
    evidence |= {str(x) for c in doc.list("contradictions") for x in c.get("article_ids") or []}
    ranked = sorted(doc.articles, key=lambda a: str(a.get("id")) not in evidence)  # stable: corpus order within
    keep = {str(a.get("id")) for a in ranked[:TEXT_LIMIT]}
    return [a for a in doc.articles if str(a.get("id")) in keep]


def articles_section(doc: Doc) -> str:
    opened = len(doc.articles) <= OPEN_ARTICLES
    shown = shown_articles(doc)
    refs = claim_refs(doc)
    views = "".join(article_view(doc, a, opened, refs) for a in shown)
    note = ""
    if len(shown) < len(doc.articles):
        note = (f'<p class="muted">{len(shown):,} of {len(doc.articles):,} articles are shown with their text here: those '
                f'in narratives and contradictions first. <code>headwater serve</code> shows every article, '
                f'with its evidence marked, and searches them.</p>')
    legend = ('<p class="legend"><mark class="pl">place</mark> <mark class="pl meto">capital for its government</mark> '
              '<mark class="cl state">claim (source state-affiliated)</mark> <mark class="cl indep">claim (not)</mark> '
              '<mark class="cl unk">claim (unknown)</mark> <mark class="src unk">source</mark> <mark class="num">number</mark> '
              '<mark class="ev">event word</mark></p>')
    return f'<section id="articles"><h2>Articles</h2>{index_table(doc)}{note}{legend}{views}</section>'
