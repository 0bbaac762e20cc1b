"""Public bodies named after a division: "Georgia Bureau of Investigation", "Kansas State University",
"Ontario Provincial Police", "Punjab Police". Such a body acts in its state or province, so its name
says where a local story is (as CLIFF reads organization names): the Albany of a story whose police
work with the Georgia Bureau of Investigation is Albany, Georgia, not New York's capital.

A division's name counts so when it opens an organization's name (the parser's ORG) that goes on with
a word of a public body (``body_words``: not "Times", "Post", "Capitals": "the Washington Post" and
"the New York Times" are read everywhere, and a team plays away), and when the words after it make
no longer place ("New York City Police" is the city's). Which division, where a name has several
("Georgia", a country and a state; "Punjab" in India and Pakistan): the one whose country the
article's other names may lie in (``context.Context.supported_country``), and only when that is
most of a name's vote (``BODY_SUPPORT``): a story about the country Georgia that names a "Georgia
Bureau" is left as it was.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from headwater.enrich.places.gazetteer import Gazetteer
from headwater.enrich.places.place import Place
from headwater.enrich.places.words import name_key as fold
from headwater.lang import DEFAULT_LANGUAGE, ensure_languages, pack_for

# Share of a name's vote (``supported_country``: 1 = one name wholly in that country) the division's
# country needs from the article's other names. Half: most of the readings of the other names lie
# there. (Set by hand: the rule only chooses among a name's divisions, and a country of the same name
# keeps its reading where the other names do not lie in the division's country.)
BODY_SUPPORT = 0.5
# Population of a city whose own name is the division's, that makes the body the city's: a city that is
# also a division ("Mexico City", "Berlin", "Hamburg") or stands for one (on the visible GeoVirus part,
# the "Mexico City Health Secretary" took "Mexico" for the city; no town of 100,000 is named like a US state).
CITY_BODIES = 100_000
# Words a division's name may have, to look its key up (the longest first: "West Virginia", "New York").
_MAX_WORDS = 3
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


@lru_cache(maxsize=32)
def body_words(language: str | None) -> frozenset[str]:
    """Words of a public body's name after the division's ("Bureau of Investigation", "State University",
    "Department of Workforce Development", "Highway Patrol", "Supreme Court", "General Assembly") in the
    article's language: its pack's ``places.yaml``, ``body_words`` (English's, ``lang/en/places.yaml``; an
    unknown language, None, is read as English, as the rest of ``places`` does). A language whose pack
    declares none reads no bodies: English words name no body in a Portuguese or Russian article."""
    ensure_languages()
    pack = pack_for(language or DEFAULT_LANGUAGE)
    words = (pack.data("places") or {}).get("body_words") if pack is not None else None
    return frozenset(str(words).lower().split()) if words else frozenset()


def first_level(p: Place) -> bool:
    """A first-level division (a state, a province), not a county inside one."""
    return p.kind == "admin_region" and p.admin1 == p.name


def division_bodies(text: str, ents: list[tuple[int, int, str]], gaz: Gazetteer,
                    language: str | None = None) -> list[tuple[str, list[Place]]]:
    """(the division's key, its first-level readings) of every organization of ``ents`` (the parse's
    (start, end, label)) whose name opens with a division's name and is a public body's in ``language``
    (``body_words``; none in a language without them)."""
    out: list[tuple[str, list[Place]]] = []
    words_of_bodies = body_words(language)
    if not words_of_bodies:
        return out
    for a, b, label in ents:
        if label != "ORG":
            continue
        words = _WORD.findall(text[a:b])
        if words[:1] and words[0].lower() == "the":
            words = words[1:]
        for n in range(min(_MAX_WORDS, len(words) - 1), 0, -1):
            key = fold(" ".join(words[:n]))
            divisions = [p for p in gaz.lookup(key) if first_level(p)]
            if not divisions:
                continue
            longer = fold(" ".join(words[:n + 1]))
            if any(fold(p.name) == longer for p in gaz.lookup(longer)) or any(
                    p.kind == "city" and p.population >= CITY_BODIES and fold(p.name) == key for p in gaz.lookup(key)):
                break  # "New York City Police Department", "Mexico City Health Secretary": the city's
            if any(w.lower() in words_of_bodies for w in words[n:]):
                out.append((key, divisions))
            break
    return out


def body_regions(bodies: list[tuple[str, list[Place]]],
                 supported_country: Callable[[str, str], float]) -> list[tuple[str, Place]]:
    """The division each body of ``bodies`` acts in, where the article's other names may lie in its
    country (``supported_country(key, cc)``, the support of names other than ``key``)."""
    out = []
    for key, divisions in bodies:
        best = max(divisions, key=lambda p: supported_country(key, p.country or ""))
        if best.country and supported_country(key, best.country) >= BODY_SUPPORT:
            out.append((key, best))
    return out
