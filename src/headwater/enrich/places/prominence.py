"""Prominence: how likely a place is as the reading of its name before the article says anything
(population, how many names GeoNames holds for it, capitals, divisions and countries)."""
from __future__ import annotations

import math

from headwater.enrich.places.place import Place

# Prominence of a town (``base``): 0.4 a tenfold population, and 0.5 a tenfold number of the names
# GeoNames holds for it (how many languages and spellings write it: Moscow has 90, Moscow, Idaho 22,
# London 113, London, Ontario 22), less NAMES_OFFSET so that a town of 100,000 with a dozen names
# scores what it did on population alone (1.6): ACCEPT keeps its meaning. A national capital adds
# CAPITAL_BONUS. Tuned on the visible GeoVirus and LGL parts (weights 0.3-0.7 on names tried; the
# capital bonus at 1.0 rather than 0.5 costs LGL 0.2 and keeps "Moscow" in US news about Russia
# from Moscow, Idaho, which the other US names of such a story support).
POP_WEIGHT = 0.4
NAMES_WEIGHT = 0.5
NAMES_OFFSET = 0.55
CAPITAL_BONUS = 1.0
# How widely known a world city is (``fame``: 0 at 10 names, 1 at 100 and more): news names world
# cities from anywhere (Moscow in a story from Ohio), a village of the same name abroad needs the
# text to go there (``resolve`` scales its penalty for leaving the article's countries by it).
FAME_FROM = 1.0
# ...and only for world cities: national capitals and cities of a million. A town of 155,000 with
# 30 names (Hassan, India) is no reason to leave a Syria story (the seeds' "province of El-Hassan").
WORLD_CITY = 1_000_000


# A place's prior is asked for at every mention of its names, in each pass (and a Place hashes all
# its fields): kept by the object (the gazetteer hands out one object a place), held with its value
# so that its ``id`` is no other's, up to this many places (then started afresh: a long run's footprint
# stays bounded; a news corpus names some tens of thousands of places).
_MEMO_SIZE = 100_000
_MEMO: dict[int, tuple[Place, float, float]] = {}


def _memo(p: Place) -> tuple[Place, float, float]:
    hit = _MEMO.get(id(p))
    if hit is None or hit[0] is not p:
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.clear()
        hit = _MEMO[id(p)] = (p, _base(p), _fame(p))
    return hit


def fame(p: Place) -> float:
    """0-1: how widely a world city is known, by the number of its names (log scale: 0 at 10, 1 at 100)."""
    return _memo(p)[2]


def _fame(p: Place) -> float:
    if p.kind != "city" or (p.population < WORLD_CITY and p.subkind != "capital"):
        return 0.0
    return min(1.0, max(0.0, math.log10(1 + p.names) - FAME_FROM))


def base(p: Place) -> float:
    """How likely the reading is on its own, before the article says anything (the scale of ``resolve.ACCEPT``)."""
    return _memo(p)[1]


def _base(p: Place) -> float:
    if p.kind == "country":
        return 3.0
    if p.source == "supplement" or p.kind == "admin_region":
        return 2.5
    if p.kind != "city" or not p.names:  # a place imported without its names: population alone, as before
        if p.population >= 1_000_000 or p.subkind == "capital":
            return 2.5
        return min(2.0, 0.4 + 0.4 * math.log10(max(p.population, 1)) - 0.8) if p.population else 0.1
    s = POP_WEIGHT * math.log10(max(p.population, 10)) - 0.4 + NAMES_WEIGHT * math.log10(1 + p.names) - NAMES_OFFSET
    return s + (CAPITAL_BONUS if p.subkind == "capital" else 0.0)
