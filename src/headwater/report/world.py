"""Country outlines (``data/world_outline.json``, built by ``scripts/build_world_outline.py`` from
world-atlas / Natural Earth) and the view a map draws them in: Web Mercator, fitted to a box of
points with a margin, and paths thinned to what the drawing's pixels can show."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from headwater.report.markup import esc

MAX_LAT = 85.0


@dataclass(frozen=True)
class Ring:
    country: str
    points: tuple[tuple[float, float], ...]  # (lon, lat)
    bbox: tuple[float, float, float, float]  # lon0, lat0, lon1, lat1


@lru_cache(maxsize=1)
def outline() -> tuple[tuple[Ring, ...], dict[str, str]]:
    """Every ring of every country, and the countries' names by code."""
    doc = json.loads(resources.files("headwater.data").joinpath("world_outline.json").read_text("utf-8"))
    scale = float(doc["scale"])
    rings: list[Ring] = []
    names: dict[str, str] = {}
    for code, c in doc["countries"].items():
        names[code] = c["name"]
        for flat in c["rings"]:
            x, y, pts = 0, 0, []
            for i in range(0, len(flat) - 1, 2):
                x, y = (flat[i], flat[i + 1]) if i == 0 else (x + flat[i], y + flat[i + 1])
                pts.append((x / scale, y / scale))
            lons, lats = [p[0] for p in pts], [p[1] for p in pts]
            rings.append(Ring(code, tuple(pts), (min(lons), min(lats), max(lons), max(lats))))
    return tuple(rings), names


def merc_y(lat: float) -> float:
    """Mercator northing in degree-like units (equal to lat near the equator)."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def inv_merc_y(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(math.radians(y))) - math.pi / 2)


@dataclass(frozen=True)
class View:
    """A lon/lat box drawn into ``width`` × ``height`` pixels."""

    x0: float  # west lon
    y0: float  # north, Mercator units
    scale: float  # pixels per unit
    width: int
    height: int

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.x0) * self.scale, (self.y0 - merc_y(lat)) * self.scale

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """lon0, lat0, lon1, lat1 shown."""
        return (self.x0, inv_merc_y(self.y0 - self.height / self.scale),
                self.x0 + self.width / self.scale, inv_merc_y(self.y0))

    def contains(self, lon: float, lat: float) -> bool:
        x, y = self.xy(lon, lat)
        return 0 <= x <= self.width and 0 <= y <= self.height


def fit(points: list[tuple[float, float]], width: int, min_h: int = 360, max_h: int = 620,
        margin: float = 0.2, min_span: float = 4.0) -> View:
    """The view that shows every point with ``margin`` (share of the span) on each side, never
    wider than the world."""
    if not points:
        points = [(-170.0, -60.0), (170.0, 75.0)]
    xs = [p[0] for p in points]
    ys = [merc_y(p[1]) for p in points]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    top_max = merc_y(MAX_LAT)
    span_x = min(360.0, max(x1 - x0, min_span) * (1 + 2 * margin))
    span_y = min(2 * top_max, max(y1 - y0, min_span) * (1 + 2 * margin))
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    height = int(max(min_h, min(max_h, width * span_y / span_x)))
    scale = max(min(width / span_x, height / span_y), width / 360)
    height = int(max(min_h, min(height, 2 * top_max * scale)))
    vis_x, vis_y = width / scale, height / scale
    west = min(max(-180.0, cx - vis_x / 2), 180.0 - vis_x)
    top = max(min(top_max, cy + vis_y / 2), -top_max + vis_y)
    return View(west, top, scale, width, height)


@lru_cache(maxsize=1)
def label_points() -> dict[str, tuple[float, float]]:
    """A point inside (near the middle of) each country to write its name at: (lon, lat)."""
    text = resources.files("headwater.data").joinpath("country_points.tsv").read_text("utf-8")
    rows = [r.split("\t") for r in text.splitlines()[2:] if r and not r.startswith("#")]
    return {r[0]: (float(r[3]), float(r[2])) for r in rows if len(r) >= 4}


def _n(v: float) -> str:
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def ring_path(view: View, points: tuple[tuple[float, float], ...], min_px: float) -> str:
    """A closed path in relative moves, points closer than ``min_px`` to the last one dropped."""
    out: list[str] = []
    last = (0.0, 0.0)
    for lon, lat in points:
        x, y = view.xy(lon, lat)
        x, y = round(x, 1), round(y, 1)
        if out and abs(x - last[0]) + abs(y - last[1]) < min_px:
            continue
        out.append(f"M{_n(x)},{_n(y)}l" if not out else f"{_n(x - last[0])},{_n(y - last[1])}")
        last = (x, y)
    return out[0] + " ".join(out[1:]) + "z" if len(out) >= 3 else ""


def inside(ring: Ring, lon: float, lat: float) -> bool:
    """Point in polygon (even-odd rule)."""
    pts, hit = ring.points, False
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def label_spots(view: View, ring: Ring, steps: int = 7) -> list[tuple[float, float]]:
    """Where a country's name could be written, best first: its centre when that shows, then points
    of a grid over the part of its ring in view that fall inside the ring, the most central first."""
    lon0, lat0, lon1, lat1 = view.bbox
    centre = label_points().get(ring.country)
    spots = [centre] if centre and view.contains(*centre) and inside(ring, *centre) else []
    b = ring.bbox
    x0, x1, y0, y1 = max(b[0], lon0), min(b[2], lon1), max(b[1], lat0), min(b[3], lat1)
    if x0 >= x1 or y0 >= y1:
        return spots
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    grid = [(x0 + (x1 - x0) * (i + .5) / steps, y0 + (y1 - y0) * (j + .5) / steps) for i in range(steps) for j in range(steps)]
    grid.sort(key=lambda p: abs(p[0] - cx) / (x1 - x0) + abs(p[1] - cy) / (y1 - y0))
    return spots + [p for p in grid if inside(ring, *p)]


def country_paths(view: View, fills: dict[str, str], names: dict[str, str], min_px: float = 0.8,
                  largest: dict[str, Ring] | None = None) -> str:
    """One <path> per country that shows in the view; classes from ``fills`` (code → class).
    ``largest``, when given, gets each drawn country's widest ring."""
    lon0, lat0, lon1, lat1 = view.bbox
    rings, _ = outline()
    parts: dict[str, list[str]] = {}
    for r in rings:
        b = r.bbox
        if b[2] < lon0 or b[0] > lon1 or b[3] < lat0 or b[1] > lat1:
            continue
        if max(b[2] - b[0], b[3] - b[1]) * view.scale < 2 * min_px:
            continue  # an island smaller than a dot at this scale
        d = ring_path(view, r.points, min_px)
        if d:
            parts.setdefault(r.country, []).append(d)
            if largest is not None and (r.country not in largest or b[2] - b[0] > largest[r.country].bbox[2]
                                        - largest[r.country].bbox[0]):
                largest[r.country] = r
    out = []
    for code, ds in parts.items():
        cls = fills.get(code, "")
        title = f"<title>{esc(names.get(code, code))}</title>"
        out.append(f'<path class="land {cls}" d="{"".join(ds)}">{title}</path>')
    return "".join(out)
