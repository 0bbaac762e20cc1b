"""Provenance graphs: per narrative, who cites whom, as inline SVG laid out left to right. Outlets
stand in the first column, each source one column right of the one citing it (longest path), so an
outlet's chain to its primary source reads along a row. Nodes are coloured by state affiliation and
labelled with their country; edges carry the ids of the articles that state them."""
from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from headwater.report.doc import Doc
from headwater.report.markup import STATE_LABEL, anchor, esc, fold, plural, source_chip, state_key

MAX_PER_COLUMN = 40
ROW, BOX_H, GAP = 30, 22, 120
CHAR_W, MAX_CHARS = 6.3, 34


@dataclass
class Node:
    name: str
    kind: str = "source"
    country: str | None = None
    state: Any = None
    primary: bool = False
    articles: dict[str, None] = field(default_factory=dict)
    layer: int = 0
    row: float = 0.0


def known_sources(doc: Doc) -> dict[str, dict[str, Any]]:
    """What the corpus says about each source or outlet name: kind, country, state affiliation."""
    found: dict[str, dict[str, Any]] = {}
    for x in doc.list("attributions") + doc.list("events"):
        for s in x.get("sources") or x.get("attribution") or []:
            if isinstance(s, dict) and s.get("name"):
                found.setdefault(str(s["name"]), s)
    for a in doc.articles:
        o = a.get("outlet")
        if isinstance(o, dict) and o.get("name"):
            found[str(o["name"])] = {**o, "kind": "outlet"}
    return found


def _nodes_and_edges(doc: Doc, prov: dict[str, Any], known: dict[str, dict[str, Any]]
                     ) -> tuple[dict[str, Node], dict[tuple[str, str], list[str]], set[tuple[str, str]]]:
    nodes: dict[str, Node] = {}

    def node(name: str, info: dict[str, Any] | None = None) -> Node:
        if name not in nodes:
            info = info or known.get(name) or {}
            kind = "outlet" if name.startswith("unnamed outlet") else str(info.get("kind") or "source")
            nodes[name] = Node(name, kind, info.get("country"), info.get("state_affiliated"))
        return nodes[name]

    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in prov.get("edges") or []:
        if isinstance(e, dict):
            a, b, aid = str(e.get("from")), str(e.get("to")), str(e.get("article_id"))
            node(a).articles[aid] = None
            node(b).articles[aid] = None
            if aid not in edges[(a, b)]:
                edges[(a, b)].append(aid)
    implied: set[tuple[str, str]] = set()  # a primary source no edge reaches hangs off its article's outlet
    reached = {b for _, b in edges}
    for p in prov.get("primary_sources") or []:
        if not isinstance(p, dict):
            continue
        name = str(p.get("name"))
        n = node(name, p)
        n.primary = True
        for aid in p.get("article_ids") or []:
            n.articles[str(aid)] = None
            outlet = doc.outlet_name(str(aid))
            if name not in reached and outlet != name:
                node(outlet).articles[str(aid)] = None
                edges[(outlet, name)].append(str(aid))
                implied.add((outlet, name))
    return nodes, edges, implied


def layout(nodes: dict[str, Node], edges: dict[tuple[str, str], list[str]]) -> list[list[Node]]:
    """Longest-path layers (Kahn's order; nodes on a cycle go right of what reaches them), rows by
    the mean row of the nodes citing them. Linear in nodes and edges."""
    succ: dict[str, list[str]] = defaultdict(list)
    pred: dict[str, list[str]] = defaultdict(list)
    for a, b in edges:
        if a != b:
            succ[a].append(b)
            pred[b].append(a)
    indeg = {n: len(pred[n]) for n in nodes}
    queue = deque(sorted((n for n, d in indeg.items() if d == 0), key=lambda n: (-len(succ[n]), n)))
    done: set[str] = set()
    waiting = sorted(nodes, key=lambda n: (indeg[n], n))  # where a cycle stalls the order, release one
    while len(done) < len(nodes):
        if not queue:
            stalled = min((n for n in waiting if n not in done), key=lambda n: (indeg[n], n))
            queue.append(stalled)  # the edges still pointing at it are drawn backwards
            indeg[stalled] = 0
        n = queue.popleft()
        if n in done:
            continue
        done.add(n)
        for m in succ[n]:
            if m in done:
                continue
            nodes[m].layer = max(nodes[m].layer, nodes[n].layer + 1)
            indeg[m] -= 1
            if indeg[m] == 0:
                queue.append(m)
    columns: list[list[Node]] = [[] for _ in range(1 + max((n.layer for n in nodes.values()), default=0))]
    for node in sorted(nodes.values(), key=lambda n: (-len(succ[n.name]) - len(pred[n.name]), n.name)):
        columns[node.layer].append(node)
    for r, node in enumerate(columns[0]):
        node.row = r
    # barycentre sweeps: right (by the rows of who cites a node), left (by whom it cites), right again
    for order in (range(1, len(columns)), range(len(columns) - 2, -1, -1), range(1, len(columns))):
        rightwards = order.step > 0
        for i in order:
            for node in columns[i]:
                near = pred[node.name] if rightwards else succ[node.name]
                rows = [nodes[p].row for p in near if (nodes[p].layer < i if rightwards else nodes[p].layer > i)]
                node.row = sum(rows) / len(rows) if rows else node.row + 1e6
            columns[i].sort(key=lambda n: (n.row, n.name))
            for r, node in enumerate(columns[i]):
                node.row = r
    return columns


def _edge_label(ids: list[str]) -> str:
    return ", ".join(ids[:3]) + (f" +{len(ids) - 3}" if len(ids) > 3 else "")


def _label(n: Node) -> str:
    name = n.name if len(n.name) <= MAX_CHARS else n.name[:MAX_CHARS - 1] + "…"
    return f"{name} · {str(n.country or '?')[:12]}"


def draw(nodes: dict[str, Node], edges: dict[tuple[str, str], list[str]], implied: set[tuple[str, str]],
         columns: list[list[Node]]) -> str:
    hidden = 0
    for col in columns:
        hidden += max(0, len(col) - MAX_PER_COLUMN)
        del col[MAX_PER_COLUMN:]
    shown = {n.name for col in columns for n in col}
    tall = max((len(c) for c in columns), default=1)
    back = any(nodes[b].layer <= nodes[a].layer for a, b in edges if a != b and a in shown and b in shown)
    pad = 50.0 if back else 10.0  # room for edges that loop back to the left
    height = tall * ROW + (44 if back else 20)
    longest = max((len(_edge_label(ids)) for ids in edges.values()), default=4)
    gap = max(GAP, longest * 6.0 + 60)
    xs, widths, x = [], [], pad
    for col in columns:
        w = max((len(_label(n)) for n in col), default=8) * CHAR_W + 16
        xs.append(x)
        widths.append(w)
        x += w + gap
    width = x - gap + pad
    pos: dict[str, tuple[float, float, float]] = {}
    for i, col in enumerate(columns):
        top = 10 + (tall - len(col)) * ROW / 2
        for r, n in enumerate(col):
            pos[n.name] = (xs[i], top + r * ROW, widths[i])
    outdeg: dict[str, int] = defaultdict(int)
    indeg: dict[str, int] = defaultdict(int)
    for a, b in edges:
        outdeg[a] += 1
        indeg[b] += 1
    out = []
    for (a, b), ids in edges.items():
        if a not in shown or b not in shown or a == b:
            continue
        (x1, y1, w1), (x2, y2, _) = pos[a], pos[b]
        sx, sy, ex, ey = x1 + w1, y1 + BOX_H / 2, x2, y2 + BOX_H / 2
        bend = max(40.0, abs(ex - sx) / 2)
        dip = 0.0 if ex > sx else BOX_H + 16.0  # an edge back to the left (a cycle) loops below the boxes
        # the label sits along the row of whichever end the edge shares with fewer others
        near_target = indeg[b] <= outdeg[a] and ex > sx
        lx, ly, side = (ex - 8, ey - 4, "end") if near_target else (sx + 6, sy - 4, "start")
        label = _edge_label(ids)
        dashed = " implied" if (a, b) in implied else ""
        tip = f"{a} → {b} ({', '.join(ids[:20])}){' — no source named between them' if dashed else ''}"
        out.append(f'<g class="edge{dashed}"><title>{esc(tip)}</title>'
                   f'<path d="M{sx:.1f},{sy:.1f}C{sx + bend:.1f},{sy + dip:.1f} {ex - bend:.1f},{ey + dip:.1f} '
                   f'{ex:.1f},{ey:.1f}" '
                   f'marker-end="url(#hw-garrow)"/>'
                   f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{side}">{esc(label)}</text></g>')
    for name, (x0, y0, w) in pos.items():
        n = nodes[name]
        key = state_key(n.state)
        tip = (f"{n.name} — {n.kind}, {n.country or 'country unknown'}, {STATE_LABEL[key]}"
               f"{', primary source' if n.primary else ''}; articles {', '.join(list(n.articles)[:20])}")
        out.append(f'<g class="node {key}{" primary" if n.primary else ""}"><title>{esc(tip)}</title>'
                   f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{w:.1f}" height="{BOX_H}" rx="4"/>'
                   f'<text x="{x0 + 8:.1f}" y="{y0 + 15:.1f}">{esc(_label(n))}</text></g>')
    more = f'<p class="muted">{hidden:,} nodes with the fewest links not drawn; the table lists every edge.</p>' if hidden else ""
    defs = ('<defs><marker id="hw-garrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0L10,5L0,10z"/></marker></defs>')
    return (f'<div class="graphwrap"><svg class="graph" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
            f'height="{height:.0f}" role="img" aria-label="provenance graph">'
            f'{defs}{"".join(out)}</svg></div>{more}')


def edge_table(edges: dict[tuple[str, str], list[str]], implied: set[tuple[str, str]]) -> str:
    rows = "".join(f'<tr><td>{esc(a)}</td><td>→</td><td>{esc(b)}</td><td>{", ".join(esc(i) for i in ids[:30])}'
                   f'{" (implied: no source named)" if (a, b) in implied else ""}</td></tr>'
                   for (a, b), ids in list(edges.items())[:2000])
    return fold(f"{plural(len(edges), 'citation')} as a table",
                f"<table><thead><tr><th>cites</th><th></th><th>source</th><th>articles</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>", len(edges), limit=0)


def provenance_view(doc: Doc, prov: dict[str, Any], known: dict[str, dict[str, Any]] | None = None,
                    drawn: bool = True) -> tuple[str, int]:
    """One narrative's provenance (its independence, primary sources, graph and citation table) and its
    citation count; ``drawn`` False leaves the graph and the table out (said so)."""
    known = known_sources(doc) if known is None else known
    nodes, edges, implied = _nodes_and_edges(doc, prov, known)
    graph = draw(nodes, edges, implied, layout(nodes, edges)) + edge_table(edges, implied) if drawn else (
        '<p class="muted">Its citation graph is drawn on its page in <code>headwater serve</code> (this report '
        f'draws the {MAX_GRAPHS} narratives with the most articles).</p>')
    indep = prov.get("independent_non_state_named_primary_sources")
    badge = f'<span class="badge {"zero" if not indep else "some"}">{esc(indep)} independent named primary sources</span>'
    raw = prov.get("independence")
    apart: dict[str, Any] = raw if isinstance(raw, dict) else {}
    detail = " · ".join(f"{esc(apart[k])} {k}" for k in ("state", "intergovernmental", "anonymous", "unknown") if apart.get(k))
    badge += f' <span class="muted">{detail} (unknown: affiliation not known, not counted either way)</span>' \
        if apart.get("unknown") else (f' <span class="muted">{detail}</span>' if detail else "")
    prim = " ".join(source_chip(p) for p in prov.get("primary_sources") or [] if isinstance(p, dict))
    return f'<p>{badge}</p><p><b>Primary sources:</b> {prim or "none"}</p>{graph}', len(edges)


# Narratives whose citation graph the report draws, the most articles first (as many as get a card in
# the narratives section): on the narratives peer set (184 narratives) the graphs of all were 2.3 of
# the report's 7.3 MB; the rest keep their independence count and primary sources, and their graph is
# on their page in ``serve``.
MAX_GRAPHS = 50

LEGEND = ('<p class="legend"><span class="sw state"></span>state-affiliated <span class="sw indep"></span>not '
          'state-affiliated <span class="sw unk"></span>unknown <span class="sw primary"></span>primary source '
          '<span class="sw implied"></span>no source named · edges are labelled with article ids</p>')


def provenance_section(doc: Doc) -> str:
    provs = doc.list("provenance")
    if not provs:
        return ('<section id="provenance"><h2>Provenance</h2><p class="muted">No narrative was found, so there is '
                'no citation graph.</p></section>')
    known = known_sources(doc)
    size = {str(n.get("id")): len(n.get("article_ids") or []) for n in doc.list("narratives")}
    drawn = {str(p.get("narrative_id")) for p in sorted(
        provs, key=lambda p: -size.get(str(p.get("narrative_id")), 0))[:MAX_GRAPHS]}
    blocks = []
    for i, prov in enumerate(provs):
        nid = str(prov.get("narrative_id"))
        view, n_edges = provenance_view(doc, prov, known, nid in drawn)
        title = f'<b>{esc(nid)}</b> {esc(doc.narrative_label.get(nid, ""))} · {plural(n_edges, "citation")}'
        blocks.append(f'<div class="narr" id="{anchor("prov", nid)}">{fold(title, view, i, limit=2, cls="prov")}</div>')
    return f'<section id="provenance"><h2>Provenance</h2>{LEGEND}{"".join(blocks)}</section>'
