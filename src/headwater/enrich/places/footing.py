"""Footing: no place in a country that neither the article nor its outlet mentions, unless the text
names the place with its region.

A reading's country has footing in an article when other names of the article lie there (or may:
their readings vote for it), when the text names the country (or its people), when it is the
outlet's country, or when the text names the place with its region ("London, Ontario"). A namesake
in a country without footing is the classic geoparsing error on news nobody tuned for (Moscow,
Idaho in a story about Russia; Gulf Province, Papua New Guinea, for "the Gulf"): whatever cue words
and parser labels it gathers, they say the name is a place, not that it is *that* place. So it is
set aside, and the name's prominent reading (the place a reader takes it for) is chosen instead;
when even the prominent reading is no clear favourite of its name and has no footing either (two
villages of a few thousand people), no reading is safe and the mention stays unresolved.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from headwater.enrich.places.annotate import DIVISION_NAME
from headwater.enrich.places.cues import patterns as cue_patterns
from headwater.enrich.places.cues import prepositions
from headwater.enrich.places.gazetteer import ABBREV_PREFIX, ACRONYM_PREFIX, FUZZY_MIN_POPULATION
from headwater.enrich.places.mention import Mention
from headwater.enrich.places.place import Place
from headwater.enrich.places.prominence import WORLD_CITY, base
from headwater.enrich.places.translit import ABBREVIATED, ARTICLES, ascii_fold, fold, has_cyrillic, is_latin, words
from headwater.enrich.places.words import name_key

if TYPE_CHECKING:
    from headwater.enrich.places.context import Context

# Penalty for a town matched only through one of its alternate names (GeoNames lists old, local and
# foreign names: "Paris" is also Saint Paris, Ohio; "Manhattan" New York City), in ``scoring.score``
# and in telling the name's prominent reading here. ``base`` gives 0.4 per tenfold population, so a
# town needs some 50 times the people of a namesake to win under an alternate name (Bombay still
# does). Tuned on the peer corpora (LGL, GeoVirus): 0.5 to 1.0 score alike there; the seeds and
# FA-KES do not move.
ALIAS_PENALTY = 0.7
# Letters (folded) of an alternate name short enough to be a code, a clipped form or an ordinary word
# rather than another name of the town ("Act" for Waco, "Man" for Manchester, "Sen" for Anthon, "Wash"
# for Washington): such a name needs the text to mark it as a place even where the town's country
# has footing. Longer ones are old or foreign names the news uses ("Palmyra" for Tadmur, a story from
# Syria). Tuned on the visible LGL part (4, 5: precision 0.872; 6: 0.873; any length: 0.874, but
# Palmyra lost); on GeoVirus every length scores alike (0.830).
SHORT_ALIAS = 4
# Similarity (difflib ratio of folded keys) that makes an alternate name a spelling of the town's own
# name: Zaporozhye 0.78, Lisboa 0.83, Lugansk 0.86; clipped forms and unrelated words stay under it
# (Osteen ~ Austin 0.73, Nick ~ Nicosia 0.6, Man ~ Manchester 0.46). Set by hand from those pairs.
RESPELT_RATIO = 0.75
# Letters (folded) a world city's alternate name needs to count as a language's own form of it
# (``_exonym``): Portuguese "Sul" (south) is also an alternate name of Seoul, and 12 mentions of the
# narratives set's Portuguese articles took it; "Alep" (French, 4) stands.
EXONYM_MIN = 4
Scored = list[tuple[float, int, Place]]  # (score, population, reading), best first

# How far (on ``base``'s scale) the prominent reading must stand above the most prominent reading
# in another country to be taken without footing: 0.4 is a tenfold population, or the prominence of
# a country's capital over a town of the same size. Tied villages are no reason to pick either.
PROMINENCE_GAP = 0.4
# The standing (on ``base``'s scale) of a place whose own name the mention is that makes it the name's
# prominent reading before any town the name is only another name of: 1.6 is a town of 100,000 with
# a dozen names (Salem, Tamil Nadu stands before Jerusalem, which GeoNames also calls Salem; the
# village Nova Iorque, Maranhão does not stand before New York City).
OWN_NAME_STANDING = 1.6


def footing(m: Mention, p: Place, context: Context) -> str | None:
    """What gives reading ``p``'s country ground in the article, or None."""
    cc = p.country
    if not cc or p.kind == "country":
        return "no country to leave" if not cc else "the country itself"
    if m.within is not None and any(r.kind in ("country", "admin_region") and r.country == cc
                                    and (r.kind == "country" or r.admin1 == p.admin1) for r in m.within.candidates):
        return f"named with its region ({m.within.surface})"
    if context.country(m.key, cc) > 0:
        return f"other places of the article lie in {cc}"
    if cc in context.named:
        return f"the article names {cc}"
    if cc == context.outlet:
        return f"the outlet's country ({cc})"
    return None


def _where(p: Place) -> str:
    return f"{p.name}, {p.admin1 or p.country or '-'}"


def alias(m: Mention, p: Place) -> bool:
    """Whether the mention names GeoNames town ``p`` only by one of its alternate names (old, local
    or foreign: "Room" is Rome in Dutch, "Man" a spelling of Amman), not by its own, nor by a
    language's own name of it (``city_exonyms``: "Londres", "Varsóvia"; and, in an article of another
    language than English, a world city's alternate name that is a spelling of its own, ``_exonym``:
    Turkish "Halep", French "Alep" for Aleppo)."""
    known = m.aliases.get(id(p))  # (asked for each reading in each pass: kept on the mention)
    if known is not None and known[0] is p:
        return known[1]
    found = _alias(m, p)
    m.aliases[id(p)] = (p, found)
    return found


def _alias(m: Mention, p: Place) -> bool:
    return p.source == "geonames" and p.kind == "city" and m.exact and not m.native \
        and not m.key.startswith((ACRONYM_PREFIX, ABBREV_PREFIX)) and name_key(p.name) != m.key \
        and name_key(p.name.replace("ı", "i")) != m.key \
        and not (name_key(p.name) in city_exonyms().get(m.key, ()) and not has_cyrillic(m.surface)) \
        and not _exonym(m, p)
    # (``fold`` drops the dotless i: Doğubayazıt; a romanised Cyrillic word is no Latin exonym: "Сам" is no Şam)


@cache
def city_exonyms() -> dict[str, frozenset[str]]:
    """A world city's name in a language pack's language (CLDR, ``data/city_names_i18n.tsv``), folded ->
    the folded English names of the cities it names ("londres" -> {"london"})."""
    out: dict[str, set[str]] = {}
    text = resources.files("headwater.data").joinpath("city_names_i18n.tsv").read_text("utf-8")
    for row in text.splitlines()[2:]:
        english, _lang, name = row.split("\t")
        out.setdefault(fold(name), set()).add(fold(english))
    return {k: frozenset(v) for k, v in out.items()}


def _exonym(m: Mention, p: Place) -> bool:
    """Whether, in an article of another language than English, the mention names world city ``p``
    (a national capital or a city of a million) by an alternate name that is a spelling of its own
    (``_respelt``): the language's own form of the city, as the CLDR table's names are (Turkish
    "Halep", "Musul"; French "Alep"), which the table lacks for cities that give no time zone its
    name. GeoNames lists such forms without their language; a clipped form or an old name of
    another shape ("Man", "Molotov") stays an alternate name, and so does a word in another script
    than the article's ("Shell" in Bulgarian is no Seoul), a Cyrillic word read in Latin letters ("Вие"
    is no Vienna) and a name a curated place bears ("Casa Branca" is the White House)."""
    return m.other_language and (p.population >= WORLD_CITY or p.subkind == "capital") \
        and len(m.key.replace(" ", "")) >= EXONYM_MIN and not m.foreign_script and is_latin(m.surface) \
        and not any(q.source == "supplement" for q in m.candidates) and _respelt(m, p)


def _plain(name: str) -> str:
    """A name's letters as written, case, accents and Arabic articles aside ("St." spelt out), without
    the transliteration folds of ``fold`` (doubled letters, digraphs, vowel pairs)."""
    ws = (re.sub(r"[^a-z0-9]", "", ascii_fold(w.replace("ı", "i"))) for w in words(name))
    return " ".join(ABBREVIATED.get(w, w) for w in ws if w and w not in ARTICLES)


def folded_only(m: Mention, p: Place) -> bool:
    """Whether the mention meets town ``p``'s own name only through the transliteration folds, not as
    written: "Holy" is Holly, "Moose" Muse, "Chapel" Chappell, "Marshal" Marshall only once doubled
    letters and vowel pairs are folded. The folds are for names that reach English in many spellings
    (Hasakah, Hassakeh); an English word folded onto a village's name is no spelling of it."""
    return p.source == "geonames" and p.kind == "city" and m.exact and not m.native \
        and not m.key.startswith((ACRONYM_PREFIX, ABBREV_PREFIX)) and not alias(m, p) \
        and _plain(m.surface) != _plain(p.name)


def _respelt(m: Mention, p: Place) -> bool:
    """Whether the alternate name is a spelling of the town's own name (Zaporozhye, Genichesk, Lugansk,
    Lisboa), not another word GeoNames lists for it (an old name, a code, a clipped form: "Act" for
    Waco, "Man" for Manchester, "Molotov" for Perm)."""
    return SequenceMatcher(None, m.key, name_key(p.name)).ratio() >= RESPELT_RATIO


def _place_sign(m: Mention, text: str) -> bool:
    """Whether the text marks the name as a place at all: a place word around it, a dateline, the
    parser's place label, its region beside it, or (in languages the English cue words miss) the
    plain locative preposition right before it."""
    return m.cue_before or m.cue_after or m.dateline or m.within is not None or m.ner in ("GPE", "LOC", "FAC") \
        or bool(cue_patterns()[2].search(text, max(0, m.start - 8), m.start))


def _prominence(m: Mention, p: Place) -> float:
    return base(p) - (ALIAS_PENALTY if alias(m, p) else 0.0)


def most_prominent(m: Mention, places: list[Place], curated_first: bool = False) -> Place:
    """The name's prominent reading among ``places`` (not empty), as a reader takes it (``founded``):
    the highest ``base`` among the places of some standing it is the own name of; only where it is
    the own name of villages alone, a town it is another name of, less ALIAS_PENALTY. Ties go to the
    bigger place, or (``curated_first``, as ``choose`` ranks its readings) to a curated one first:
    "Gaza" is the Strip, not the province of Mozambique of the same standing."""
    own = [p for p in places if not alias(m, p) and base(p) >= OWN_NAME_STANDING]
    return max(own or places, key=lambda p: (_prominence(m, p), curated_first and p.source == "supplement",
                                             p.population))


def founded(m: Mention, scored: Scored, context: Context, text: str) -> tuple[Scored, list[str]]:
    """The readings of ``scored`` the article allows, best first, with notes for the evidence.

    The name's prominent reading is the reading of highest ``base`` among the places of some standing
    it is the own name of (a reader takes "Vancouver" for the Canadian city, not for some town GeoNames
    also calls so; "Salem" for a Salem, not for Jerusalem); only where it is the own name of villages
    alone, a town it is another name of may be it, less ALIAS_PENALTY ("Nova Iorque" in Portuguese is
    New York City, not the village in Maranhão).

    Allowed: a reading whose country has footing; the prominent reading; and the readings in its
    country when that has footing or the prominent reading stands PROMINENCE_GAP above every reading
    in another country. A reading by an alternate name only needs the text to mark the name as a
    place ("Room" in "War Room podcast" is no Rome), unless its country has footing and the name is
    no part of a longer one ("driven out of Palmyra" in a story from Syria is Tadmur); a name opening
    a longer one needs footing too, unless the text marks it as a place ("the Nord Stream explosions"
    is no region of Burkina Faso). When the
    best-scored reading is set aside and the prominent one is no clear favourite with footing,
    nothing is allowed."""
    top = scored[0][2]
    sign: bool | None = None  # (looked at only when needed: most readings have footing)

    def marked() -> bool:
        nonlocal sign
        if sign is None:
            sign = _place_sign(m, text)
        return sign

    def alias_unmarked(p: Place) -> bool:
        if m.foreign_script and alias(m, p):
            return True  # "източници в Shell" is no Seoul, which Bulgarian writes Сеул
        # (footing is no excuse for a short alternate name of a town short of a world city's fame, nor for
        # a folded own name of a town short of the size where spellings vary: "Man of the Year" in a
        # story naming England is no Manchester, "Sen." no Anthon, Iowa, "Holy" no Holly)
        return ((alias(m, p) and (m.name_goes_on or not footing(m, p, context)
                                  or (m.labelled and p.population < WORLD_CITY and not _respelt(m, p)
                                      and len(m.key.replace(" ", "")) <= SHORT_ALIAS)))
                or (p.population < FUZZY_MIN_POPULATION and folded_only(m, p))) and not marked()
    if footing(m, top, context) and not alias_unmarked(top):
        return scored, []  # the common case, decided without the name's other readings

    prominent = most_prominent(m, [t[2] for t in scored])
    rivals = [_prominence(m, p) for _, _, p in scored if p.country != prominent.country]
    clear = not rivals or _prominence(m, prominent) - max(rivals) >= PROMINENCE_GAP
    trusted = clear or footing(m, prominent, context) is not None

    # (Any other label counted too, ORG included, LGL's "Texas Alcoholic Beverage Commission" in US news
    # that never names the US went: -0.5 recall. As it is, on the visible LGL and GeoVirus parts, recall
    # is unchanged and precision +0.001; the narratives set's "Nord Stream" is no longer in Burkina Faso.)
    # (a bare preposition before it is before the longer name: "explosions in Nord Stream")
    goes_on = m.name_goes_on and m.ner in (None, "GPE") and not (
        (m.cue_before and not prepositions().search(text, max(0, m.start - 40), m.start)) or m.cue_after
        or m.dateline or m.within is not None or DIVISION_NAME.search(m.surface)
        or m.admin_after or m.admin_before  # (a division's word or office goes on: "New York Governor")
        or (m.ner is None and cue_patterns()[2].search(text, max(0, m.start - 8), m.start)))  # "в Москва Лин Трейси"

    def allowed(p: Place) -> bool:
        if alias_unmarked(p):
            return False  # "the New York Times" is no village of Donetsk called so, footing or not
        if footing(m, p, context) is not None:
            return True
        if goes_on:
            # a word opening a longer name ("the Nord Stream explosions", "the Federal Reserve"),
            # with nothing but perhaps the parser's GPE label to make it a place, and no footing: the
            # longer name is no place
            return False
        return p is prominent or (trusted and p.country == prominent.country)
    kept = [t for t in scored if allowed(t[2])]
    if kept and kept[0][2] is top:
        return kept, []
    why = "known by another name, and nothing in the text marks this one as a place" if alias_unmarked(top) \
        else f"nothing else in the article is in {top.country}, nor is its region named with it"
    notes = [f"{_where(top)} set aside ({scored[0][0]:.1f}): {why}"]
    if not kept:
        return [], notes
    if not trusted and not footing(m, kept[0][2], context):
        return [], [*notes, f"nor is the most prominent reading ({_where(prominent)}) a clear favourite with footing"]
    if not footing(m, kept[0][2], context):
        notes.append(f"the name's most prominent reading, though nothing else in the article is in {kept[0][2].country}")
    return kept, notes
