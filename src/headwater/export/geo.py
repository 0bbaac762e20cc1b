"""GeoJSON (RFC 7946): place mentions and events, coordinates ``[lon, lat]``.

Every feature has ``properties.feature``: ``place`` (a Point per resolved mention; metonyms such as
"Damascus said" are kept with ``metonymy: true``) or ``event`` (a Point at the event's location, a
LineString origin → destination for movements, or a Point at the one end known). Mentions and events
without coordinates are left out. Both carry the article's id, title and outlet.
"""
from __future__ import annotations

import math
from typing import Any

from headwater.document import Doc, Row


def _coords(p: Any) -> list[float] | None:
    if not isinstance(p, dict):
        return None
    try:
        lon, lat = float(p["lon"]), float(p["lat"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
        return None
    return [lon, lat]


def _article_props(doc: Doc, a: Row) -> dict[str, Any]:
    aid = str(a.get("id"))
    return {"article_id": aid, "title": a.get("title"), "outlet": doc.outlet_name(aid),
            "published": a.get("published"), "url": a.get("url")}


def _event_geometry(e: dict[str, Any]) -> dict[str, Any] | None:
    loc, orig, dest = _coords(e.get("location")), _coords(e.get("origin")), _coords(e.get("destination"))
    if orig and dest and orig != dest:
        return {"type": "LineString", "coordinates": [orig, dest]}
    point = loc or dest or orig
    return {"type": "Point", "coordinates": point} if point else None


def _name(p: Any) -> Any:
    return p.get("name") if isinstance(p, dict) else None


def geojson(doc: Doc) -> dict[str, Any]:
    features: list[dict[str, Any]] = []
    for a in doc.articles:
        aid = str(a.get("id"))
        art = _article_props(doc, a)
        for p in doc.places.get(aid, []) + doc.metonyms.get(aid, []):
            point = _coords(p)
            if point is None:
                continue
            props = {"feature": "place", "id": p.get("id"), **art, "surface": p.get("surface"), "name": p.get("name"),
                     "kind": p.get("kind"), "country": p.get("country"), "admin1": p.get("admin1"),
                     "place_id": p.get("place_id"), "start": p.get("start"), "end": p.get("end"),
                     "metonymy": bool(p.get("metonymy"))}
            features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": point}, "properties": props})
        for e in doc.events.get(aid, []):
            geometry = _event_geometry(e)
            if geometry is None:
                continue
            chain = list(e.get("attribution") or [])
            props = {"feature": "event", "id": e.get("id"), **art, "type": e.get("type"), "subtype": e.get("subtype"),
                     "actor": e.get("actor"), "target": e.get("target"), "count": e.get("count"),
                     "killed": e.get("killed"), "injured": e.get("injured"), "date": e.get("date"),
                     "origin": _name(e.get("origin")), "destination": _name(e.get("destination")),
                     "location": _name(e.get("location")), "sources": [s.get("name") for s in chain],
                     "start": e.get("start"), "end": e.get("end")}
            features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}
