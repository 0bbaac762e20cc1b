"""Nearby readings: names of one article that may lie next to each other.

Local news names a town with its county and its neighbours ("Huntsville Fire Chief ... Walker County
Judge", "Sharon, Cornwall and Salisbury"). Each of those names has namesakes in many states, and the
state they share is often no help (there is a Walker County and a Huntsville in Alabama too); but of
all their readings, those that lie within a few tens of kilometres of each other are the ones the
article is about (spatial minimality, as in Leidner's and CLIFF's resolvers). ``Nearby`` indexes every
local reading (towns, counties, features; not countries, first-level divisions or world regions, whose
points say nothing of what lies near them) of the article's names on a grid and tells, for a reading,
how many other names of the article have a reading close to it, each name counting less the more
readings it has (a "Springfield" lies near something almost anywhere).
"""
from __future__ import annotations

import math
from collections import defaultdict

from headwater.enrich.places.place import Place

# Distance (km) within which two readings count as neighbours, and up to which that counts less and
# less. A county's point is its centre and its seat lies up to ~40 km away (Walker County, Texas, and
# Huntsville: 1 km; Henry County, Tennessee, and Paris: 8 km; towns of one county 10-40 km apart).
# Tuned on the visible LGL part (scores with NEAR_WEIGHT 1: 25/50 km 79.6, 30/60 79.8, 40/80 79.7,
# 60/120 79.4), checked on GeoVirus (86.3, 86.3, 86.3, 85.6; without: LGL 77.2, GeoVirus 86.1).
NEAR_KM = 30.0
FAR_KM = 60.0
# Weight of a neighbour that is listed with the name ("residents of Paris and Henry County", "Sharon,
# Cornwall and Salisbury"), instead of 1/sqrt(its readings): a list names places of one area.
LIST_WEIGHT = 1.0
# Grid cell (degrees) for the look-up: a reading's own cell and the eight around it hold every
# neighbour within FAR_KM (a degree is 111 km of latitude, and of longitude more than FAR_KM up to 57°
# north or south; beyond, a few neighbours to the east or west are missed).
_CELL = 1.0


def _km(a: Place, b: Place) -> float:
    """Distance on a plane tangent at ``a``: within FAR_KM it differs from the great circle by well
    under a kilometre, at a third of the cost (this runs for every reading of every name)."""
    dx = math.radians(b.lon - a.lon) * math.cos(math.radians(a.lat))
    dy = math.radians(b.lat - a.lat)
    return 6371.0 * math.hypot(dx, dy)


def local(p: Place) -> bool:
    """A reading whose point says where it is: a town, a county, a feature, a base; not a country,
    a first-level division (its point is its middle, hundreds of km from its towns) or a world region."""
    return p.kind not in ("country", "other") and not (p.kind == "admin_region" and p.admin1 == p.name)


def _cell(p: Place) -> tuple[int, int]:
    return math.floor(p.lat / _CELL), math.floor(p.lon / _CELL)


class Nearby:
    """The article's names' local readings on a grid, for ``support``."""

    def __init__(self) -> None:
        self._grid: dict[tuple[int, int], list[tuple[str, Place]]] = defaultdict(list)
        self._weight: dict[str, float] = {}
        self._cache: dict[tuple[str, str] | tuple[str, str, frozenset[str]], tuple[float, str | None]] = {}

    def add(self, key: str, places: list[Place]) -> None:
        if key in self._weight:
            return  # one vote a name
        readings = [p for p in places if local(p)]
        if not readings:
            return
        # a name with one local reading counts fully; with n, 1/sqrt(n): a name found in 25 states
        # counts a fifth wherever one of its readings happens to lie (LGL 79.8; 1/n 78.5, with
        # GeoVirus at 86.3 either way; every name counting fully: 79.8 with LGL precision 0.868 < 0.870)
        self._weight[key] = 1.0 / math.sqrt(len(readings))
        for p in readings:
            self._grid[_cell(p)].append((key, p))

    def support(self, key: str, p: Place, partners: frozenset[str] = frozenset()) -> tuple[float, str | None]:
        """(how many other names, weighted, have a reading near ``p``; the nearest such name).
        ``partners``, the names listed with ``key`` ("Paris and Henry County"), count fully whatever
        their number of readings: a list names places of one area (LIST_WEIGHT)."""
        if not self._weight or not local(p):
            return 0.0, None
        ck = (key, p.id, partners) if partners else (key, p.id)
        hit = self._cache.get(ck)
        if hit is not None:
            return hit
        best: dict[str, float] = {}
        nearest: tuple[float, str | None] = (FAR_KM, None)
        r, c = _cell(p)
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for k, q in self._grid.get((r + dr, c + dc), ()):
                    if k == key or q.id == p.id:
                        continue
                    d = _km(p, q)
                    if d >= FAR_KM:
                        continue
                    closeness = 1.0 if d <= NEAR_KM else (FAR_KM - d) / (FAR_KM - NEAR_KM)
                    if closeness > best.get(k, 0.0):
                        best[k] = closeness
                    if d < nearest[0]:
                        nearest = (d, q.name)
        out = (sum((LIST_WEIGHT if k in partners else self._weight[k]) * v for k, v in best.items()), nearest[1])
        self._cache[ck] = out
        return out
