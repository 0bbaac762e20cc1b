"""Places: find every place mention, whatever the spelling, and pin it to the right spot.

Candidates come from the gazetteer across the whole text (all word n-grams, exact then fuzzy
transliteration keys), not from NER labels: spaCy calls Al Hasakah a PERSON and El-Khol an ORG.
Demonyms ("Georgian", "Sri Lankans") name their country or region, abbreviations after a town
("Charleston, W.Va.", "Pelosi, D-Calif.") their state, and "Boone and Logan counties" its counties.
NER labels, part of speech and context cues ("province of X", "X camp", "a Gainesville man", a
dateline) only score candidates: person and organization names, demonyms labelled as languages
and common words are rejected.

Ambiguous names are resolved by the article: the division or country named right after a town
("Athens, Texas"), the countries the text puts things in, the divisions where the article's other
names may lie (every name votes for the divisions of its readings, weighted by how likely each is
on its own), then where the places accepted on a first pass lie; by population and prominence
(national capitals, divisions) otherwise. A name keeps one reading through the article.

This module runs the passes over an article (``resolve``) and gives its places (``find_places``); the
steps are beside it: ``candidates`` and ``annotate``, ``rejection``, ``context``, ``scoring``, ``choose``.
"""
from __future__ import annotations

import re
import string
from typing import TYPE_CHECKING, Any

from headwater.enrich.places.annotate import Ents, annotate
from headwater.enrich.places.bodies import body_regions, division_bodies
from headwater.enrich.places.candidates import candidates
from headwater.enrich.places.choose import choose, one_sense
from headwater.enrich.places.context import first_level, initial_context, link_within
from headwater.enrich.places.cues import words_apart
from headwater.enrich.places.footing import alias
from headwater.enrich.places.gazetteer import ABBREV_PREFIX, Gazetteer
from headwater.enrich.places.languages import ENGLISH, own_language
from headwater.enrich.places.lists import mark_lists
from headwater.enrich.places.mention import Mention
from headwater.enrich.places.prominence import base as _base
from headwater.enrich.places.rejection import person_names, rejected
from headwater.enrich.places.roles import focus_of, is_metonymy
from headwater.enrich.places.translit import is_latin
from headwater.enrich.places.words import name_key, word_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Share of an article's letters below which Latin letters make it an article in another script
# (``Mention.foreign_script``): a Bulgarian or Hindi article quoting English names stays far under it.
OTHER_SCRIPT_SHARE = 0.3
LETTER = re.compile(r"[^\W\d_]")


def _in_language(mentions: list[Mention], language: str | None) -> list[Mention]:
    """The mentions with their readings found by a name of the article's language (``languages``):
    "Chili" in English is no Chile; a mention left without readings is no place."""
    for m in mentions:
        m.candidates = own_language(m.candidates, m.key, language)
    return [m for m in mentions if m.candidates]


def resolve(mentions: list[Mention], text: str, doc: Doc | None, gaz: Gazetteer,
            outlet_country: str | None = None, language: str | None = None) -> list[Mention]:
    """Choose a place for each mention, or none; returns the accepted mentions. ``outlet_country``,
    the publishing outlet's country, counts as context for namesakes there; ``language``, the
    article's (None: unknown), keeps other languages' names of countries out (``languages``).

    Two passes: the first with the countries the text names, the second adding where the places
    accepted in the first lie (their countries and first-level divisions), so that Athens among
    Tyler and Dallas is Athens, Texas. Then a name keeps one reading through the article."""
    ents = Ents(doc)
    mentions = _in_language(mentions, language)
    # an article written mostly in another script (Cyrillic, Devanagari, Arabic) writes its places in that
    # script; its Latin words are mostly names of firms, outlets and people ("Shell", "Bloomberg")
    other_script = _other_script(text)
    for m in mentions:
        annotate(m, text, doc, ents)
        m.foreign_script = other_script and is_latin(m.surface)
        m.other_language = language is not None and language != ENGLISH
    link_within(mentions, text)
    mark_lists(mentions, text)
    person_names(mentions, text, ents)
    local = {m.key for m in mentions if m.local}  # one sense per article: "Newark police" ... "in Newark"
    for m in mentions:
        m.local = m.key in local
    context = initial_context(mentions)
    context.outlet = outlet_country
    for m in mentions:
        if not rejected(m) and not m.demonym:
            context.vote(m.key, m.candidates)
            if m.exact and (m.pos in (None, "PROPN") or m.ner in ("GPE", "LOC", "FAC")):
                # (neighbours by their own names only: "I've" is no name, nor "Ive" Paris's 4th arrondissement)
                context.nearby.add(m.key, [p for p in m.candidates if not alias(m, p)])
    # (a division's public body, "Georgia Bureau of Investigation": the article is in that division)
    for key, division in dict(body_regions(division_bodies(text, ents.items, gaz, language), context.supported_country)).items():
        context.add(key, division.country, (division.country, division.admin1))
    first: list[Mention] = []
    brands = {m.key for m in mentions if m.brand}
    for m in mentions:
        if m.demonym or (m.key not in brands and (m.key in gaz.capital_keys or all(
                p.kind in ("country", "other") or p.subkind == "capital" for p in m.candidates))):
            continue  # (whatever it would choose, the loop below takes nothing from it, nor ``placed``)
        choose(m, context, first, text, final=False)
    # (nor where a longer name goes on: "the Nord Stream explosions", labelled GPE, places no Nord
    # for "Nord Stream AG" to be in)
    context.placed = {m.key for m in first if not m.brand and not m.demonym and not m.name_goes_on}
    for m in first:
        p = m.chosen
        assert p is not None
        if m.demonym or p.kind == "country" or p.kind == "other" or m.key in gaz.capital_keys \
                or p.subkind == "capital":
            # capitals stand for governments, countries for actors: neither says where the story is
            # (a capital by any of its names: "Londres" in "entre Londres e Washington" puts no
            # Washington in England)
            continue
        if not m.exact and context.country(m.key, p.country) <= 0:
            continue  # a spelling variant may follow the story into a country, never lead it into one
        context.add(m.key, p.country, (p.country, p.admin1))
    for m in mentions:
        m.chosen, m.best, m.score, m.why = None, None, 0.0, []
    accepted: list[Mention] = []
    queue = list(mentions)
    while queue:
        m = queue.pop(0)
        accepted_before = len(accepted)
        choose(m, context, accepted, text)
        if len(accepted) == accepted_before and len(word_spans(m.surface)) > 1 and not m.surface.startswith(ABBREV_PREFIX):
            # "Jisr al-Shaddadi" failed as a whole: its tail may still name a place ("al-Shaddadi")
            first_end = word_spans(m.surface)[0][1]
            sub = [Mention(x.start + m.start + first_end, x.end + m.start + first_end, x.surface, x.key, x.exact,
                           x.candidates, demonym=x.demonym)
                   for x in _in_language(candidates(m.surface[first_end:], gaz, language not in words_apart()), language)]
            for x in sub:
                annotate(x, text, doc, ents)
                # (as their whole: a Latin tail in a Cyrillic article is still foreign, "Halep" still Turkish)
                x.foreign_script = other_script and is_latin(x.surface)
                x.other_language = m.other_language
            queue[:0] = sub
    one_sense(mentions, accepted)
    return sorted(accepted, key=lambda x: x.start)


def _other_script(text: str) -> bool:
    """Whether Latin letters are under OTHER_SCRIPT_SHARE of the text's letters."""
    if text.isascii():
        return False  # (all its letters are Latin: most English news, counted in no time)
    latin = sum(map(text.count, string.ascii_letters))
    # (the other letters are at most the text's characters beyond ASCII, each one byte or more longer in
    # UTF-8: English news with curly quotes is settled without counting every letter)
    if latin >= OTHER_SCRIPT_SHARE * (latin + len(text.encode("utf-8", "surrogatepass")) - len(text)):
        return False
    return latin < OTHER_SCRIPT_SHARE * len(LETTER.findall(text))


Found = list[dict[str, Any]]


def _may_head(m: Mention, known: set[str]) -> bool:
    """Whether a title's candidate could count in ``find_places`` (a reading other than a country, of a
    name the body also places or big enough), or yield a shorter name that might (several words)."""
    return len(word_spans(m.surface)) > 1 or (not m.demonym and any(
        p.kind != "country" and (m.key in known or _base(p) >= 2.0) for p in m.candidates))


def find_places(text: str, doc: Doc | None, gaz: Gazetteer, title: str | None = None,
                outlet_country: str | None = None, language: str | None = None,
                outlets: frozenset[str] = frozenset()) -> tuple[Found, Found, dict[str, Any] | None]:
    """(place mentions, metonymic mentions, focus) of one article; offsets index ``text``;
    ``outlet_country`` (ISO code) is the publishing outlet's country when known, ``language`` the
    article's (a code; None: unknown); ``outlets``, names the article uses for news outlets it quotes or
    tells and for the people who speak in it (``enrich.builtin.not_places``): never places there, in any
    language ("disse à Lusa" is no Lousã, "afirmou Peskov" no Pskov). A country's or a first-level
    division's own name stays a place whatever else shares it (an organization taken for a person
    speaking, "SOS Children's Villages Sudan", leaves "southern Sudan" a place)."""
    clitics = language not in words_apart()

    def kept(m: Mention) -> bool:
        return m.surface not in outlets or m.demonym or any(
            (p.kind == "country" or first_level(p)) and name_key(p.name) == m.key for p in m.candidates)

    accepted = resolve([m for m in candidates(text, gaz, clitics) if kept(m)], text, doc, gaz, outlet_country, language)
    in_title = []
    if title:
        # Titles are often in Title Case: only names the body also uses, or provinces and
        # cities big enough to be headline places, count from there
        known = {m.key for m in accepted}
        heads = [m for m in candidates(title, gaz, clitics) if kept(m)]
        if not any(_may_head(m, known) for m in heads):
            heads = []  # (nothing in it could count: its resolution is not needed)
        for m in resolve(heads, title, None, gaz, outlet_country, language) if heads else ():
            if m.chosen and (m.key in known or _base(m.chosen) >= 2.0) and m.chosen.kind != "country" and not m.demonym:
                m.in_title = True
                in_title.append(m)
    places: Found = []
    metonyms: Found = []
    for m in accepted:
        assert m.chosen is not None
        m.metonymy = not m.demonym and is_metonymy(m, doc, gaz.capital_keys)
        item = {"surface": m.surface, "start": m.start, "end": m.end, **m.chosen.as_dict(),
                "match": "demonym" if m.demonym else "native" if m.native else "exact" if m.exact else "variant",
                "score": round(m.score, 2), "confidence": m.confidence, "evidence": m.evidence}
        (metonyms if m.metonymy else places).append(item)
    focus = focus_of(in_title + accepted, text, title)
    return places, metonyms, (focus.as_dict() if focus else None)
