"""``/explore``: the interactive map of ``headwater serve`` (zoom, pan, clustered places, movement
arrows, the article behind each point), drawn by Leaflet and leaflet.markercluster, vendored in
``serve/static`` (``scripts/vendor_leaflet.sh``). Country outlines are headwater's own
(``data/world_outline.json``); no tile server or anything else is fetched. The page's only scripts
are the app's own files, under a CSP of ``script-src 'self'``; article strings reach the page as JSON
data (``/explore/data.json``) and are set as text, never as markup."""
from __future__ import annotations

from typing import Any

from headwater.report.doc import Doc, point
from headwater.report.svgmap import core_points, gather_places
from headwater.report.world import outline

# The page is the only one with scripts: its own files, nothing inline, nothing from elsewhere.
EXPLORE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
MAX_POINTS = 20000  # place mentions sent to the page (clustered there); the rest are in /places
MAX_ARROWS = 2000


def _name(p: object) -> str:
    return str(p.get("name") or p.get("surface") or "?") if isinstance(p, dict) else "?"


def explore_data(raw: dict[str, Any]) -> dict[str, Any]:
    """What the map page draws: one point per place mention, one arrow per route of movement (with
    the articles reporting it), the view to open on, and the country outlines as [lat, lon] rings."""
    doc = Doc.of(raw)
    points: list[dict[str, Any]] = []
    for p in doc.list("places"):
        pt = point(p)
        if pt is None or len(points) >= MAX_POINTS:
            continue
        aid = str(p.get("article_id"))
        points.append({"id": p.get("id"), "article_id": aid, "title": doc.title(aid), "outlet": doc.outlet_name(aid),
                       "name": _name(p), "surface": p.get("surface"), "kind": p.get("kind"),
                       "lat": pt[1], "lon": pt[0]})
    routes: dict[tuple[tuple[float, float], tuple[float, float]], dict[str, Any]] = {}
    for e in doc.list("events"):
        o, d = point(e.get("origin")), point(e.get("destination"))
        if not (o and d and o != d):
            continue
        r = routes.setdefault((o, d), {"from": [o[1], o[0]], "to": [d[1], d[0]], "origin": _name(e.get("origin")),
                                       "destination": _name(e.get("destination")), "events": []})
        aid = str(e.get("article_id"))
        r["events"].append({"id": e.get("id"), "article_id": aid, "title": doc.title(aid), "actor": e.get("actor"),
                            "count": e.get("count")})
    arrows = sorted(routes.values(), key=lambda r: -len(r["events"]))[:MAX_ARROWS]
    places = gather_places(doc)
    weighted = [(p.lon, p.lat, float(p.mentions)) for p in places if p.kind != "country"]
    weighted += [(pt[1], pt[0], 2.0) for r in arrows for pt in (r["from"], r["to"])]
    core = core_points(weighted, []) or [(p.lon, p.lat) for p in places]
    bounds = None
    if core:
        lons, lats = [x for x, _ in core], [y for _, y in core]
        bounds = [[min(lats), min(lons)], [max(lats), max(lons)]]
    rings, names = outline()
    return {"points": points, "arrows": arrows, "bounds": bounds,
            "outlines": [{"country": names.get(r.country, r.country), "ring": [[lat, lon] for lon, lat in r.points]}
                         for r in rings]}


def explore_page() -> str:
    """The page: static markup; the data comes from /explore/data.json, read by /static/explore.js."""
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Map · headwater</title>'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            '<link rel="stylesheet" href="/static/leaflet/leaflet.css">'
            '<link rel="stylesheet" href="/static/markercluster/MarkerCluster.css">'
            '<link rel="stylesheet" href="/static/markercluster/MarkerCluster.Default.css">'
            '<link rel="stylesheet" href="/static/explore.css"></head><body>'
            '<header><a href="/">headwater</a> · <a href="/map">static map</a> · <a href="/places">places</a>'
            ' <span id="status">loading the map…</span></header>'
            '<div id="explore" data-src="/explore/data.json"></div>'
            '<script src="/static/leaflet/leaflet.js"></script>'
            '<script src="/static/markercluster/leaflet.markercluster.js"></script>'
            '<script src="/static/explore.js"></script></body></html>')
