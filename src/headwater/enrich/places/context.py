"""Where an article is: the countries and first-level divisions its names put it in (``Context``,
with each name's own share and the softer support of all its readings), the region named right
after a town ("Athens, Texas": ``link_within``), and the context the first pass starts from
(``initial_context``)."""
from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from headwater.enrich.places.lists import LIST_SEPARATOR
from headwater.enrich.places.mention import Mention
from headwater.enrich.places.nearby import Nearby
from headwater.enrich.places.place import Place
from headwater.enrich.places.prominence import base as _base
from headwater.enrich.places.rejection import rejected
from headwater.enrich.places.words import name_key

Region = tuple[str | None, str | None]  # (country, first-level division)


@dataclass
class Context:
    """Where the article is: countries and first-level divisions, with how many mentions put it there.
    ``by_key`` holds each name's own share, so that a name repeated ten times does not vote for itself.
    ``support`` is softer: every name votes for the divisions of all its readings, in proportion to
    how likely each reading is on its own (``_base``), so that Henderson and Boulder City, each
    ambiguous, agree on Nevada."""
    countries: Counter[str] = field(default_factory=Counter)
    regions: Counter[Region] = field(default_factory=Counter)
    by_key: dict[str, tuple[Counter[str], Counter[Region]]] = field(default_factory=dict)
    support: dict[Region, float] = field(default_factory=lambda: defaultdict(float))
    own_support: dict[str, dict[Region, float]] = field(default_factory=dict)
    # the same votes without the countries' own names and their seats of government: "the US", "the
    # Pentagon" say who acts, not that the story is there
    inner: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    own_inner: dict[str, dict[str, float]] = field(default_factory=dict)
    named: set[str] = field(default_factory=set)  # countries the article names at all, actors included
    placed: set[str] = field(default_factory=set)  # names accepted on the first pass outside a brand's name
    outlet: str | None = None  # the publishing outlet's country (ISO code), when the registry knows the outlet
    nearby: Nearby = field(default_factory=Nearby)  # the names' local readings, for neighbours
    _elsewhere: dict[str, bool] = field(default_factory=dict)  # ``elsewhere``'s answers since the last ``add``

    def vote(self, key: str, places: list[Place]) -> None:
        if key in self.own_support:
            return  # one vote a name, however often it is repeated
        weights: dict[Region, float] = defaultdict(float)
        inner: dict[str, float] = defaultdict(float)
        ws = [math.exp(2.0 * _base(p)) for p in places]
        total = sum(ws)
        for p, w in zip(places, ws, strict=True):
            if p.kind != "country" and p.admin1:
                weights[(p.country, p.admin1)] += w / total
            if p.country:
                weights[(p.country, None)] += w / total  # the country as a whole
                if p.kind != "country" and p.subkind != "seat_of_government":
                    inner[p.country] += w / total
        self.own_support[key] = weights
        self.own_inner[key] = inner
        for r, w in weights.items():
            self.support[r] += w
        for cc, w in inner.items():
            self.inner[cc] += w

    def supported(self, key: str, r: Region) -> float:
        return self.support.get(r, 0.0) - self.own_support.get(key, {}).get(r, 0.0)

    def supported_country(self, key: str, cc: str) -> float:
        return self.supported(key, (cc, None))

    def supported_inside(self, key: str, cc: str) -> float:
        """``supported_country`` from the names of places inside the country only, not its own name."""
        return self.inner.get(cc, 0.0) - self.own_inner.get(key, {}).get(cc, 0.0)

    def add(self, key: str, country: str | None, region: tuple[str | None, str | None] | None) -> None:
        own = self.by_key.setdefault(key, (Counter(), Counter()))
        self._elsewhere.clear()
        if country:
            self.countries[country] += 1
            own[0][country] += 1
        if region and region[1]:
            self.regions[region] += 1
            own[1][region] += 1

    def elsewhere(self, key: str) -> bool:
        """Whether names other than ``key`` put the article in some country."""
        known = self._elsewhere.get(key)
        if known is None:  # (asked for every reading of every mention: kept until ``add`` changes it)
            known = self._elsewhere[key] = any(self.country(key, cc) > 0 for cc in self.countries)
        return known

    def country(self, key: str, cc: str | None) -> int:
        own = self.by_key.get(key)
        return self.countries[cc] - (own[0][cc] if own else 0) if cc else 0

    def region(self, key: str, r: tuple[str | None, str | None]) -> int:
        own = self.by_key.get(key)
        return self.regions[r] - (own[1][r] if own else 0)




def first_level(p: Place) -> bool:
    """A first-level division (a state, a province), not a county inside one."""
    return p.kind == "admin_region" and p.admin1 == p.name


def lies_in(p: Place, region: Place) -> bool:
    """Whether place ``p`` lies in the division or country ``region``."""
    if region.kind == "country":
        return p.country == region.country and p.kind != "country"
    return region.kind == "admin_region" and p.country == region.country and p.admin1 == region.admin1 \
        and p.id != region.id



def is_country_name(m: Mention) -> bool:
    """Whether the mention's name is a country's own ("Mexico")."""
    return any(q.kind == "country" and name_key(q.name) == m.key for q in m.candidates)


def link_within(mentions: list[Mention], text: str) -> None:
    """"Athens, Texas", "Paris, France", "Charleston, W.Va.": the second names where the first is."""
    before: Mention | None = None
    for a, b in itertools.pairwise(mentions):
        # (a country or state inside a list is a list member, not a town named with its region:
        # "Georgia, Iraq, Iran, and Syria", "Virginia, Washington, West Virginia and Wyoming")
        listed = before is not None and before.within is None and LIST_SEPARATOR.match(text[before.end:a.start]) \
            and any(p.kind == "country" or first_level(p) for p in a.candidates)
        before = a
        # (nor is a country's own name followed by another country: "elections in Russia, US media say"
        # is no Russia, Ohio; "Russia, Ohio" names its state and stands)
        if a.demonym or b.demonym or listed or b.start - a.end > 2 or (is_country_name(a) and all(
                r.kind == "country" for r in b.candidates)):
            continue
        between = text[a.end:b.start]
        if between.strip() == ",":
            regions = [r for r in b.candidates if r.kind in ("admin_region", "country")]
        elif between == " ":
            # a town and its country with only a space between, as photo captions write them: "in
            # Sochi Russia Thursday" (its country only: "Washington Georgia" is no town in Georgia's state)
            regions = [r for r in b.candidates if r.kind == "country"] if not is_country_name(a) else []
        else:
            regions = []
        inside = [r for r in regions if any(lies_in(p, r) for p in a.candidates)]
        if inside:
            a.within = b
            b.candidates = inside


def initial_context(mentions: list[Mention]) -> Context:
    """Countries named outright, and countries of names with a single strong reading.
    A country counts where the text puts something in it ("in Syria", "from Iraq"), not where it
    acts ("US forces", "the US has"): news names the actors' countries everywhere."""
    context = Context()
    for m in mentions:
        if rejected(m):
            continue
        countries = {p.country for p in m.candidates if p.kind == "country" and p.country}
        context.named |= countries
        if m.demonym:
            continue
        if countries and (m.cue_before or (m.within is None and any(x.within is m for x in mentions))):
            for c in countries:
                context.add(m.key, c, None)
        kinds = {p.country for p in m.candidates}
        if m.exact and len(kinds) == 1 and any(_base(p) >= 2.5 and p.kind != "country" for p in m.candidates):
            for k in kinds:
                context.add(m.key, k, None)
        if m.within is not None:
            for r in m.within.candidates[:1]:
                context.add(m.key, r.country, (r.country, r.admin1) if r.kind == "admin_region" else None)
    return context
