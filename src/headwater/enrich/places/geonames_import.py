"""Import GeoNames dump files into the gazetteer: allCountries.zip, a country file such as SY.zip,
cities500.zip (the 19-column "geoname" table) and alternateNamesV2.zip (more names for any place).

Imported files are converted once into compact tables in the cache (``imports/``); the gazetteer
index includes them the next time it is compiled (their contents are part of its cache key).
"""
from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

# GeoNames feature classes to headwater's kinds (https://www.geonames.org/export/codes.html).
KIND = {"P": "city", "A": "admin_region", "S": "facility", "H": "natural_feature", "T": "natural_feature",
        "V": "natural_feature", "U": "natural_feature", "L": "other", "R": "other"}
# Alternate-name "languages" that are codes or links, not names.
NOT_NAMES = frozenset("link post iata icao faac fr_1793 wkdt unlc phon piny".split())
csv.field_size_limit(1 << 24)


def imports_dir(cache: Path) -> Path:
    return cache / "imports"


def _open_text(path: Path) -> Iterator[IO[str]]:
    """The text tables inside a dump: the .txt members of a zip (not its readme), or the file itself."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            for member in z.namelist():
                if member.endswith(".txt") and "readme" not in member.lower():
                    with z.open(member) as fh:
                        yield io.TextIOWrapper(fh, encoding="utf-8", newline="")
    else:
        with open(path, encoding="utf-8", newline="") as fh:
            yield fh


def _rows(path: Path) -> Iterator[list[str]]:
    for fh in _open_text(path):
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and not row[0].startswith("#"):
                yield row


def convert(path: Path, cache: Path) -> tuple[str, int]:
    """Convert one dump file into the cache's imports; returns (what it was, rows kept)."""
    rows = _rows(path)
    first = next(rows, None)
    if first is None:
        raise ValueError("no rows in it")
    out_dir = imports_dir(cache)
    out_dir.mkdir(parents=True, exist_ok=True)
    if len(first) >= 19:
        kind, target = "places", out_dir / f"{path.stem}.places.tsv"
    elif 8 <= len(first) <= 10 and first[0].isdigit() and first[1].isdigit():
        kind, target = "alternate names", out_dir / f"{path.stem}.names.tsv"
    else:
        raise ValueError(f"not a GeoNames table ({len(first)} columns; expected 19, or 8 to 10 for alternate names)")
    n = 0
    tmp = target.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        for row in [first, *rows]:
            if kind == "places" and len(row) >= 19 and row[6] in KIND:
                # id, name, lat, lon, feature class, feature code, country, admin1 code, population, names
                names = "|".join(x for x in [row[1], row[2], *row[3].split(",")] if x)
                w.writerow([row[0], row[1], row[4], row[5], row[6], row[7], row[8], row[10], row[14] or "0", names])
                n += 1
            elif kind == "alternate names" and len(row) >= 4 and row[2] not in NOT_NAMES and row[3]:
                historic = len(row) > 7 and row[7] == "1"
                if not historic:
                    w.writerow([row[1], row[3]])
                    n += 1
    tmp.replace(target)
    return kind, n


def imported_places(cache: Path) -> Iterator[tuple[str, str, float, float, str, str, str, str, int, list[str]]]:
    """(geonameid, name, lat, lon, kind, feature code, country, admin1 code, population, names) of every import."""
    for f in sorted(imports_dir(cache).glob("*.places.tsv")):
        with open(f, encoding="utf-8", newline="") as fh:
            for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"):
                yield (r[0], r[1], float(r[2]), float(r[3]), KIND[r[4]], r[5], r[6], r[7], int(r[8] or 0),
                       r[9].split("|"))


def imported_names(cache: Path) -> dict[str, list[str]]:
    """Extra names by geonameid, from imported alternate-name tables."""
    names: dict[str, list[str]] = {}
    for f in sorted(imports_dir(cache).glob("*.names.tsv")):
        with open(f, encoding="utf-8", newline="") as fh:
            for gid, name in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"):
                names.setdefault(gid, []).append(name)
    return names


def imports_digest(cache: Path) -> str:
    """What the imports hold, for the index's cache key: names and sizes of the converted tables."""
    d = imports_dir(cache)
    return ";".join(f"{p.name}:{p.stat().st_size}" for p in sorted(d.glob("*.tsv"))) if d.is_dir() else ""
