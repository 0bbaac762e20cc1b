"""The map: inline SVG drawn in Python. Country outlines shaded by how often the corpus names
places in them, places as dots sized by mentions, article focus points, movements as arrows from
origin to destination, casualty reports as circles sized by the number killed. The view fits the
points where things happen (outliers left to the world inset and the place list)."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from headwater.report.doc import Doc, is_country, num, point
from headwater.report.markup import anchor, article_links, esc, fold, plural
from headwater.report.world import Ring, View, country_paths, fit, label_spots, merc_y, outline

WIDTH = 1000
MAX_DOTS = 1500  # places drawn (most mentioned first); the list below has the rest
MAX_ARROWS = 300
MAX_LABELS = 18
MAX_ROWS = 1000
TRIM = 0.05
Box = tuple[float, float, float, float]  # share of mention weight at each edge left out of the fitted view


@dataclass
class Place:
    key: str
    name: str
    kind: str
    admin1: str | None
    country: str | None
    lon: float
    lat: float
    mentions: int = 0
    articles: dict[str, None] = field(default_factory=dict)
    surfaces: Counter[str] = field(default_factory=Counter)


def gather_places(doc: Doc) -> list[Place]:
    found: dict[str, Place] = {}
    for p in doc.list("places"):
        pt = point(p)
        if pt is None:
            continue
        key = str(p.get("place_id") or f'{p.get("name")}@{pt[0]:.3f},{pt[1]:.3f}')
        if key not in found:
            found[key] = Place(anchor("pl", len(found)), str(p.get("name") or p.get("surface") or "?"),
                               str(p.get("kind") or "other") if not is_country(p) else "country",
                               p.get("admin1"), p.get("country"), *pt)
        place = found[key]
        place.mentions += 1
        place.articles[str(p.get("article_id"))] = None
        place.surfaces[str(p.get("surface") or "")] += 1
    return sorted(found.values(), key=lambda x: -x.mentions)


def _weighted_bounds(values: list[tuple[float, float]]) -> tuple[float, float]:
    values.sort()
    total = sum(w for _, w in values)
    acc, lo = 0.0, values[0][0]
    for v, w in values:
        acc += w
        if acc > total * TRIM:
            lo = v
            break
    acc, hi = 0.0, values[-1][0]
    for v, w in reversed(values):
        acc += w
        if acc > total * TRIM:
            hi = v
            break
    return lo, hi


def core_points(weighted: list[tuple[float, float, float]], keep: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The box holding all but the lightest TRIM of the weight at each edge, plus every ``keep`` point."""
    if not weighted:
        return keep
    x0, x1 = _weighted_bounds([(x, w) for x, _, w in weighted])
    y0, y1 = _weighted_bounds([(y, w) for _, y, w in weighted])
    return [(x0, y0), (x1, y1), *keep]


def _arrow(view: View, a: tuple[float, float], b: tuple[float, float]) -> str | None:
    (x1, y1), (x2, y2) = view.xy(*a), view.xy(*b)
    dist = math.hypot(x2 - x1, y2 - y1)
    if dist < 4:
        return None
    cx, cy = (x1 + x2) / 2 - (y2 - y1) * 0.18, (y1 + y2) / 2 + (x2 - x1) * 0.18
    back = math.hypot(x2 - cx, y2 - cy) or 1.0
    ex, ey = x2 - (x2 - cx) / back * 5, y2 - (y2 - cy) / back * 5  # stop short of the dot
    return f"M{x1:.1f},{y1:.1f}Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}"


def _free(box: Box, boxes: list[Box], view: View) -> bool:
    return box[0] >= 0 and box[2] <= view.width and box[1] >= 0 and box[3] <= view.height and not any(
        box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes)


def _country_labels(view: View, rings: dict[str, Ring], names: dict[str, str], boxes: list[Box]) -> str:
    """Names of the countries big enough on the map to hold them, where place labels left room."""
    out: list[str] = []
    lon0, _, lon1, _ = view.bbox
    for code, ring in sorted(rings.items(), key=lambda kv: kv[1].bbox[0] - kv[1].bbox[2]):
        name = names.get(code, code).upper()
        w = 7.2 * len(name)
        shown = (min(ring.bbox[2], lon1) - max(ring.bbox[0], lon0)) * view.scale
        if shown < w * 0.9 or len(out) >= 30:
            continue
        for at in label_spots(view, ring)[:12]:
            x, y = view.xy(*at)
            box = (x - w / 2, y - 8, x + w / 2, y + 6)
            if _free(box, boxes, view):
                boxes.append(box)
                out.append(f'<text class="country" x="{x:.1f}" y="{y + 4:.1f}">{esc(name)}</text>')
                break
    return "".join(out)


def _labels(view: View, places: list[Place], radius: dict[str, float], boxes: list[Box]) -> str:
    out: list[str] = []
    for p in places[:MAX_LABELS * 4]:  # the most mentioned; where they crowd, the rest stay unlabelled
        if len(out) >= MAX_LABELS:
            break
        if p.kind == "country" or not view.contains(p.lon, p.lat):
            continue
        x, y = view.xy(p.lon, p.lat)
        w, r = 6.4 * min(len(p.name), 28) + 4, radius.get(p.key, 4)
        # right, left, above, below the dot: (text x, baseline y, anchor, box left, box top)
        spots = ((x + r + 3, y + 4, "start", x + r + 2, y - 8), (x - r - 3, y + 4, "end", x - r - 2 - w, y - 8),
                 (x, y - r - 4, "middle", x - w / 2, y - r - 16), (x, y + r + 12, "middle", x - w / 2, y + r + 1))
        for tx, ty, side, bx, by in spots:
            box = (bx, by, bx + w, by + 14)
            if not _free(box, boxes, view):
                continue
            boxes.append(box)
            out.append(f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{side}">{esc(p.name[:28])}</text>')
            break
    return "".join(out)


def _fills(doc: Doc) -> dict[str, str]:
    counts = Counter(str(p.get("country")) for p in doc.list("places") if p.get("country"))
    top = max(counts.values(), default=1)
    return {c: "c3" if n >= top / 3 else "c2" if n >= top / 10 else "c1" for c, n in counts.items()}


Spot = tuple[float, float]


def _events(doc: Doc) -> tuple[dict[tuple[Spot, Spot], list[dict[str, Any]]], dict[Spot, list[dict[str, Any]]]]:
    """Movements by (origin, destination), and casualty reports by where they happened."""
    moves: dict[tuple[Spot, Spot], list[dict[str, Any]]] = {}
    deaths: dict[Spot, list[dict[str, Any]]] = {}
    for e in doc.list("events"):
        o, d = point(e.get("origin")), point(e.get("destination"))
        if o and d and o != d:
            moves.setdefault((o, d), []).append(e)
        killed = num(e.get("killed"))
        where = point(e.get("location")) or d or o
        if killed and killed > 0 and where:
            deaths.setdefault(where, []).append(e)
    return moves, deaths


def _name(place: object) -> str:
    return str(place.get("name") or place.get("surface") or "?") if isinstance(place, dict) else "?"


def draw(doc: Doc, places: list[Place], view: View, inset: bool = False) -> str:
    fills = _fills(doc)
    _, names = outline()
    sizes: dict[str, Ring] = {}
    body = [f'<rect class="sea" width="{view.width}" height="{view.height}"/>',
            country_paths(view, fills, names, 2.2 if inset else 1.0, sizes)]
    moves, deaths = _events(doc)
    dots = [p for p in places if p.kind != "country"][:MAX_DOTS]
    if inset:
        body += [f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="1.6"/>'
                 for x, y in (view.xy(p.lon, p.lat) for p in dots)]
        return "".join(body)
    worst = sorted(deaths.items(), key=lambda kv: -max(num(e.get("killed")) or 0 for e in kv[1]))[:MAX_ARROWS]
    for where, evs in worst:
        x, y = view.xy(*where)
        most = max(int(num(e.get("killed")) or 0) for e in evs)
        r = min(44.0, 9 + 2.5 * math.sqrt(most))
        ids = list(dict.fromkeys(str(e.get("article_id")) for e in evs))
        tip = (f'{_name(evs[0].get("location") or evs[0].get("destination") or evs[0].get("origin"))}: '
               f'{plural(len(evs), "casualty report")}, at most {most} killed in one '
               f'({", ".join(ids[:8])}{" …" if len(ids) > 8 else ""})')
        body.append(f'<circle class="dead" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"><title>{esc(tip)}</title></circle>')
    for (a, b), evs in sorted(moves.items(), key=lambda kv: -len(kv[1]))[:MAX_ARROWS]:
        d = _arrow(view, a, b)
        if d is None:
            continue
        ids = list(dict.fromkeys(str(e.get("article_id")) for e in evs))
        actors = ", ".join(dict.fromkeys(str(e.get("actor")) for e in evs if e.get("actor")))
        counts = [int(c) for e in evs if (c := num(e.get("count")))]
        people = f" · {max(counts)} people" if counts else ""
        tip = (f'{_name(evs[0].get("origin"))} → {_name(evs[0].get("destination"))}: {plural(len(evs), "report")} '
               f'({", ".join(ids[:8])}){" · " + actors if actors else ""}{people}')
        w = min(6.0, 1.6 + math.log2(len(evs)))
        body.append(f'<path class="move" d="{d}" stroke-width="{w:.1f}" marker-end="url(#hw-arrow)">'
                    f'<title>{esc(tip)}</title></path>')
    radius = {p.key: min(11.0, 3 + 1.4 * math.sqrt(p.mentions)) for p in dots}
    for p in reversed(dots):  # the most mentioned on top
        x, y = view.xy(p.lon, p.lat)
        tip = f'{p.name} · {p.kind} · {", ".join(x for x in (p.admin1, p.country) if x)} · {plural(p.mentions, "mention")}'
        body.append(f'<a href="#{p.key}"><circle class="dot {esc(p.kind)}" cx="{x:.1f}" cy="{y:.1f}" '
                    f'r="{radius[p.key]:.1f}"><title>{esc(tip)}</title></circle></a>')
    focus: dict[tuple[float, float], list[str]] = {}
    for art in doc.articles:
        pt = point(art.get("focus"))
        if pt:
            focus.setdefault(pt, []).append(str(art.get("id")))
    for pt, ids in focus.items():
        x, y = view.xy(*pt)
        tip = f'focus of {", ".join(ids[:10])}{" …" if len(ids) > 10 else ""}'
        body.append(f'<path class="focus" d="M{x:.1f},{y - 9:.1f}l8,9l-8,9l-8,-9z"><title>{esc(tip)}</title></path>')
    boxes: list[Box] = []
    for p in dots:  # labels keep clear of the dots
        x, y = view.xy(p.lon, p.lat)
        r = radius[p.key]
        boxes.append((x - r, y - r, x + r, y + r))
    labels = _labels(view, dots, radius, boxes)
    body.append(_country_labels(view, sizes, names, boxes) + labels)
    return "".join(body)


def _svg(view: View, inner: str, cls: str, label: str) -> str:
    defs = ('<defs><marker id="hw-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="9" markerHeight="9" '
            'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0L10,5L0,10z" class="arrowhead"/></marker></defs>'
            if cls == "map" else "")
    return (f'<svg class="{cls}" viewBox="0 0 {view.width} {view.height}" role="img" aria-label="{esc(label)}" '
            f'>{defs}{inner}</svg>')


def place_table(places: list[Place]) -> str:
    rows = []
    for p in places[:MAX_ROWS]:
        surfaces = ", ".join(esc(s) for s, _ in p.surfaces.most_common(5) if s and s != p.name)
        rows.append(f'<tr id="{p.key}"><td>{esc(p.name)}</td><td>{esc(p.kind)}</td><td>{esc(p.admin1 or "")}</td>'
                    f'<td>{esc(p.country or "")}</td><td class="n">{p.mentions}</td>'
                    f'<td>{article_links(p.articles)}</td><td class="muted">{surfaces}</td></tr>')
    more = f'<p class="muted">{len(places) - MAX_ROWS:,} less mentioned places not listed.</p>' if len(places) > MAX_ROWS else ""
    table = ('<table class="places"><thead><tr><th>place</th><th>kind</th><th>region</th><th>country</th><th>mentions</th>'
             f'<th>articles</th><th>written as</th></tr></thead><tbody>{"".join(rows)}</tbody></table>{more}')
    return fold(f"{plural(len(places), 'place')} named in the corpus", table, len(places))


def map_section(doc: Doc) -> str:
    places = gather_places(doc)
    moves, deaths = _events(doc)
    if not places and not moves and not deaths:
        return '<section id="map"><h2>Map</h2><p class="muted">No place in the corpus could be located.</p></section>'
    weighted = [(p.lon, p.lat, float(p.mentions)) for p in places if p.kind != "country"]
    weighted += [(*pt, 2.0) for (a, b) in moves for pt in (a, b)] + [(*w, 2.0) for w in deaths]
    keep = [pt for art in doc.articles if (pt := point(art.get("focus")))]
    if not weighted and not keep:
        weighted = [(p.lon, p.lat, float(p.mentions)) for p in places]
    view = fit(core_points(weighted, keep), WIDTH)
    main = _svg(view, draw(doc, places, view), "map", "map of the places, movements and casualties reported")
    world = View(-180.0, merc_y(78.0), 300 / 360, 300, 170)
    lon0, lat0, lon1, lat1 = view.bbox
    (rx0, ry0), (rx1, ry1) = world.xy(lon0, lat1), world.xy(lon1, lat0)
    box = f'<rect class="viewbox" x="{rx0:.1f}" y="{ry0:.1f}" width="{max(rx1 - rx0, 2):.1f}" height="{max(ry1 - ry0, 2):.1f}"/>'
    inset = _svg(world, draw(doc, places, world, inset=True) + box, "inset", "the whole world, with the map's view")
    outside = [p for p in places if p.kind != "country" and not view.contains(p.lon, p.lat)]
    far = ", ".join(f'<a href="#{p.key}">{esc(p.name)}</a> ({p.mentions})' for p in outside[:15])
    beyond = f'<p class="muted">Beyond this view: {far}{" …" if len(outside) > 15 else ""}</p>' if outside else ""
    legend = ('<ul class="legend maplegend"><li><span class="sw dot"></span>place (size: mentions)</li>'
              '<li><span class="sw facility"></span>facility</li><li><span class="sw focus"></span>article focus</li>'
              '<li><span class="sw move"></span>movement, origin → destination</li>'
              '<li><span class="sw dead"></span>people killed (size)</li>'
              '<li><span class="sw c3"></span>country named often <span class="sw c1"></span>rarely</li></ul>')
    counts = (f'{plural(len(moves), "route")} of movement, {plural(sum(map(len, deaths.values())), "casualty report")}; '
              f'{plural(sum(1 for p in places if p.kind != "country"), "place")} and '
              f'{plural(sum(1 for p in places if p.kind == "country"), "country", "countries")}.')
    return (f'<section id="map"><h2>Map</h2><p>{counts} Hover a mark for details; a dot links to its place below.</p>'
            f'<div class="mapwrap">{main}<div class="side">{inset}{legend}{beyond}</div></div>'
            f'{place_table(places)}</section>')
