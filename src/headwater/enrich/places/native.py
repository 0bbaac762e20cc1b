"""Place names in scripts without Latin letters (Cyrillic, Arabic, Devanagari): looked up as written,
then in the last word's dictionary form or without an Arabic clitic."""
from __future__ import annotations

from headwater.enrich.places.gazetteer import Gazetteer
from headwater.enrich.places.place import Place
from headwater.enrich.places.translit import has_cyrillic, native_token, uninflected

# Letters (as written) a one-word name in a script without capitals needs to name a town: Hindi
# परम and कब are words (3 and 2 letters), دمشق, पर्म are names (4, vowel signs counted). Cyrillic
# capitalises names, so Рим (Rome) and Уфа stand.
NATIVE_MIN_CHARS = 4
# Arabic-script words carry their prepositions and conjunctions: وموسكو "and Moscow", بدمشق "in Damascus".
_ARABIC_CLITICS = ("وال", "بال", "لل", "فال", "و", "ب", "ل", "ف")


def native_lookup(gaz: Gazetteer, toks: list[str], nkeys: list[str], clitics: bool = True) -> tuple[list[Place], str]:
    """Places named by words of another script: as written, then (the last word) in its dictionary
    form (Москве -> Москва) or without a clitic (بدمشق -> دمشق; not with ``clitics`` off, for Persian)."""
    key = " ".join(nkeys)
    if len(nkeys) == 1 and len(toks[0]) < NATIVE_MIN_CHARS and not has_cyrillic(toks[0]):
        # short words of other scripts are mostly ordinary words that GeoNames also lists as some
        # town's local name (Hindi परम "supreme" is Perm, कब "when" Cobb): only countries and divisions
        return [p for p in gaz.lookup_native(key) if p.kind in ("country", "admin_region")], key
    places = gaz.lookup_native(key)
    if places:
        return places, key
    head, last = nkeys[:-1], toks[-1]
    if has_cyrillic(last):
        variants = [native_token(v) for v in uninflected(last)]
    elif len(nkeys) == 1 and clitics:
        # the clitic off, then the article it may have carried ("وال" + name: native_token drops ال)
        variants = [native_token(last[len(c):]) for c in _ARABIC_CLITICS
                    if last.startswith(c) and len(last) - len(c) >= 3]
    else:
        variants = []
    for v in variants:
        k = " ".join([*head, v])
        places = gaz.lookup_native(k)
        if places:
            return places, k
    return [], key
