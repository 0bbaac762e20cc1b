#!/usr/bin/env python3
"""Print the US county entries of src/headwater/data/places_supplement.yaml (counties, parishes,
boroughs, census areas), one YAML line each, to paste after the curated entries.

Source: GeoNames' US postal codes (CC BY 4.0), as carried by the PyPI package `zipcodes`; a county's
point is the median of its ZIP code points, its state name the one admin1.tsv uses.

    pip install zipcodes && .venv/bin/python scripts/build_us_counties.py > counties.yaml
"""
from __future__ import annotations

import collections
import csv
import statistics
import sys
from pathlib import Path

import zipcodes  # type: ignore[import-not-found]

ADMIN1 = Path(__file__).resolve().parent.parent / "src" / "headwater" / "data" / "admin1.tsv"


def main() -> None:
    rows = [r for r in csv.reader(ADMIN1.open(encoding="utf-8"), delimiter="\t") if r and not r[0].startswith("#")]
    states = {r[1]: r[2] for r in rows if r[0] == "US"}
    points: dict[tuple[str, str], list[tuple[float, float]]] = collections.defaultdict(list)
    for r in zipcodes.list_all():
        county = (r["county"] or "").strip()
        if r["country"] != "US" or r["state"] not in states or r["zip_code_type"] == "MILITARY":
            continue
        if not county.endswith(("County", "Parish", "Borough", "Census Area")):
            continue
        try:
            lat, lon = float(r["lat"]), float(r["long"])
        except (TypeError, ValueError):
            continue
        if lat or lon:
            points[(r["state"], county)].append((lat, lon))
    for (state, county), ps in sorted(points.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lat, lon = statistics.median(p[0] for p in ps), statistics.median(p[1] for p in ps)
        print(f"- {{name: {county}, kind: admin_region, subkind: county, lat: {lat:.3f}, lon: {lon:.3f}, "
              f"admin1: {states[state]!r}, country: US, source: 'https://download.geonames.org/export/zip/US.zip'}}")
    print(f"{len(points)} counties", file=sys.stderr)


if __name__ == "__main__":
    main()
