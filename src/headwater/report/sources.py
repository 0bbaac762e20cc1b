"""The source index: every source the articles name, with every claim attributed to it, either
directly (the outlet's own source) or further up a chain (a source that source cites).

``source_index`` is plain data (the served app's ``/sources.json`` is the same list); ``sources_section``
draws it. Sources are grouped by their registry name where they have one, so "the Russian military" and
"Russia's Defence Ministry" fall under one entry when the registry says they are one body."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from headwater.model import ascribed_aim
from headwater.report.doc import Doc, Row
from headwater.report.markup import anchor, esc, fold, plural, source_chip

MAX_SOURCES = 300  # sources drawn with their claims; the table lists them all
MAX_CLAIMS = 40  # claims shown under each source
SNIPPET = 240


def source_key(s: Row, article_id: object) -> str:
    """Named sources are one entry across the corpus; anonymous ones ("sources", "a source close to…") are
    one entry per article, since nothing says two articles' unnamed sources are the same people."""
    key = re.sub(r"\s+", " ", str(s.get("canonical") or s.get("name") or "")).strip().casefold()
    return f"{key} ({article_id})" if s.get("kind") == "anonymous" else key


def source_index(doc: Doc) -> list[Row]:
    """One row per source: its name, kind, country, affiliation and roles, and every claim attributed to it
    (with the sources that relayed it, nearest first, and those it cites in turn), most cited first."""
    groups: dict[str, Row] = {}
    names: dict[str, Counter[str]] = {}
    for x in doc.list("attributions"):
        if ascribed_aim(x):
            continue  # an aim the article ascribes to someone is not that someone's claim
        chain = [s for s in x.get("sources") or [] if isinstance(s, dict) and s.get("name")]
        for i, s in enumerate(chain):
            key = source_key(s, x.get("article_id"))
            name = str(s.get("canonical") or s.get("name"))
            if s.get("kind") == "anonymous":
                name += f" ({x.get('article_id')})"
            g = groups.setdefault(key, {"key": anchor("src", key), "name": name,
                                        "kind": None, "country": None, "state_affiliated": None, "roles": [],
                                        "claims": []})
            for field in ("kind", "country", "state_affiliated"):
                if g[field] is None and s.get(field) is not None:
                    g[field] = s.get(field)
            if s.get("role") and s["role"] not in g["roles"]:
                g["roles"].append(s["role"])
            names.setdefault(key, Counter())[str(s.get("name"))] += 1
            g["claims"].append({"article_id": x.get("article_id"), "claim": x.get("claim"), "start": x.get("start"),
                                "end": x.get("end"), "field": x.get("field", "text"), "sourcing": x.get("sourcing"),
                                "resolved_from": s.get("resolved_from") if s.get("inferred") else None,
                                "via": [str(v.get("name")) for v in chain[:i]],
                                "cites": [str(v.get("name")) for v in chain[i + 1:]]})
    out = []
    for key, g in groups.items():
        g["names"] = [n for n, _ in names[key].most_common()]
        g["articles"] = sorted({str(c["article_id"]) for c in g["claims"]}, key=lambda a: (len(a), a))
        g["direct"] = sum(1 for c in g["claims"] if not c["via"])
        out.append(g)
    out.sort(key=lambda g: (-len(g["claims"]), str(g["name"]).casefold()))
    return out


def _claim_item(c: Row, article_href: Callable[[str], str]) -> str:
    claim = str(c.get("claim") or "")
    short = claim if len(claim) <= SNIPPET else claim[:SNIPPET - 1] + "…"
    aid = str(c.get("article_id"))
    via = f' <span class="muted">via {esc(" ← ".join(c["via"]))}</span>' if c.get("via") else ""
    cites = f' <span class="muted">citing {esc(" → ".join(c["cites"]))}</span>' if c.get("cites") else ""
    where = " (headline)" if c.get("field") == "title" else ""
    if c.get("resolved_from"):
        where += f' <span class="muted">(inferred: the text says “{esc(c["resolved_from"])}”)</span>'

    return (f'<li><a href="{esc(article_href(aid))}">{esc(aid)}</a>{where}{via}{cites}<br>'
            f'<span class="quote" dir="auto">“{esc(short)}”</span></li>')


def sources_section(index: list[Row], article_href: Callable[[str], str] = lambda aid: f"#{anchor(aid)}",
                    heading: bool = True) -> str:
    """The index as a table of sources, then each source with its claims (links go through article_href)."""
    if not index:
        return ('<section id="sources"><h2>Sources</h2><p class="muted">No claim in the corpus is attributed to a '
                'source.</p></section>')
    rows = []
    for g in index:
        roles = esc("; ".join(g["roles"][:3]))
        base = str(g["name"]).rsplit(" (", 1)[0] if g["kind"] == "anonymous" else str(g["name"])
        also = [n for n in g["names"] if n.casefold() != base.casefold()][:4]
        rows.append(f'<tr><td><a href="#{g["key"]}">{source_chip(g)}</a>'
                    f'{" <span class=muted>also: " + esc(", ".join(also)) + "</span>" if also else ""}</td>'
                    f'<td>{esc(g["kind"] or "?")}</td><td>{roles}</td><td class="n">{len(g["claims"])}</td>'
                    f'<td class="n">{g["direct"]}</td><td class="n">{len(g["articles"])}</td></tr>')
    table = ('<table class="sources"><thead><tr><th>source</th><th>kind</th><th>role</th><th>claims</th>'
             f'<th>told directly</th><th>articles</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
    blocks = []
    for i, g in enumerate(index[:MAX_SOURCES]):
        items = "".join(_claim_item(c, article_href) for c in g["claims"][:MAX_CLAIMS])
        more = len(g["claims"]) - MAX_CLAIMS
        tail = f'<p class="muted">+{more} more claims</p>' if more > 0 else ""
        summary = f'{source_chip(g)} · {plural(len(g["claims"]), "claim")} in {plural(len(g["articles"]), "article")}'
        blocks.append(f'<div id="{g["key"]}">{fold(summary, f"<ul class=alist>{items}</ul>{tail}", i, limit=3)}</div>')
    beyond = (f'<p class="muted">{len(index) - MAX_SOURCES} sources with fewer claims are listed in the table '
              'only.</p>') if len(index) > MAX_SOURCES else ""
    title = "<h2>Sources</h2>" if heading else ""
    intro = ('<p>Every source the articles name, with every claim attributed to it: told directly to the outlet, '
             'or relayed (“via”) by another source.</p>')
    listing = fold(f"{plural(len(index), 'source')} as a table", table, len(index), 25)
    return f'<section id="sources">{title}{intro}{listing}{"".join(blocks)}{beyond}</section>'

