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
"""
from __future__ import annotations

import itertools
import math
import re
import string
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from headwater.enrich.places.bodies import body_regions, division_bodies
from headwater.enrich.places.cues import function_words
from headwater.enrich.places.footing import ALIAS_PENALTY, alias, founded
from headwater.enrich.places.gazetteer import (
    ABBREV_PREFIX,
    FUZZY_MIN_POPULATION,
    Gazetteer,
    Place,
)
from headwater.enrich.places.languages import ENGLISH, own_language
from headwater.enrich.places.lists import LIST_SEPARATOR, level, mark_lists
from headwater.enrich.places.nearby import Nearby
from headwater.enrich.places.prominence import WORLD_CITY
from headwater.enrich.places.prominence import base as _base
from headwater.enrich.places.prominence import fame as _fame
from headwater.enrich.places.roles import focus_of, is_metonymy
from headwater.enrich.places.translit import is_latin

if TYPE_CHECKING:
    from spacy.tokens import Doc

from headwater.enrich.places.annotate import Ents, annotate
from headwater.enrich.places.candidates import candidates
from headwater.enrich.places.mention import Mention
from headwater.enrich.places.words import name_key, word_spans

# A person's age after the name, set off by commas, as news gives it: "Campbell, 42, was arrested".
AGE_AFTER = re.compile(r", \d{1,3},")
# Score needed to accept a mention, on the scale of ``_score`` (tuned on the seeds' and FA-KES's
# spelling variety with person and organization names as negatives: at 2.0 Al Hasakah tagged PERSON
# in a Syrian context passes and Hassan al-Wali does not).
ACCEPT = 2.0
# Below this confidence (``_confidence``) a mention stays unresolved rather than guessed: many
# readings nearly tied with nothing in the text between them. Tuned on the visible GeoVirus and LGL
# parts: 0.1 drops only guesses (LGL accuracy of the kept rises, recall stays); 0.2 and 0.3 dropped
# 5 and 10 points of LGL recall, two thirds of it right guesses.
CONFIDENCE_FLOOR = 0.1
# ...and higher for a reading chosen after the best-scored one was set aside (``footing.founded``):
# it must be fairly sure on its own. On the visible GeoVirus and LGL parts all ten such fallbacks
# scored 0.13-0.26 and all were no place of the gold ("Licking Memorial Hospital", "Xinhua News
# Agency", "El Dorado Avenue"); 0.3 keeps none of them, and no fallback above it was seen.
SET_ASIDE_FLOOR = 0.3
# Spelling variants are taken for towns of 100,000 people or more (``FUZZY_MIN_POPULATION``, the
# gazetteer indexes variants of nothing smaller), bases, camps and provinces: small places are
# rarely written in many spellings, and their skeletons collide with ordinary words (Katyusha ~ Catoosa).
# A name accepted in one place of the article is accepted at its other mentions that score this much
# below ACCEPT (a bare "Tyler" after "in Tyler", a headline "Mansfield OKs..."): the article has
# shown it names a place. As much as a PERSON label costs: "In Homs itself", tagged PERSON, is Homs.
SAME_NAME_MARGIN = 1.5
# A town matched by an alternate name (``footing.ALIAS_PENALTY``) that is a country's own name takes
# more: a famous capital's prominence must not take its country's name (Mexico City is also "Mexico").
COUNTRY_NAME_PENALTY = 1.5
# ...and a town whose own name is a country's ("Egypt, Alabama"), unless named with its region, filed
# from or given its people or local bodies ("a Lebanon woman": local US news names such towns).
# Tuned on the visible GeoVirus part (0.5: 87.1, 1.0: 87.3, 2.0: 87.3; none: 87.1), checked on LGL
# (80.4, 80.4, 80.2; none 80.4); without the local exception LGL lost Lebanon, Indiana (80.3 at 1.0).
COUNTRY_TOWN_PENALTY = 1.0
# Bonus for a reading of the level (country, state, county, town) the other names of its list surely
# are ("Alberta, New Brunswick, and Quebec": the province). Tuned on the visible GeoVirus part (0.5: 87.5,
# 1.0: 87.5, 2.0: 87.6; none 87.3), checked on LGL (80.4, 80.4, 80.3; none 80.4; precision 0.873, 0.872, 0.868).
LIST_LEVEL_BONUS = 0.5
# Penalty for a name a capitalised word follows (``NAME_GOES_ON``) unless it opens an organization's
# name ("Arlington Chamber of Commerce" is in Arlington). One point: a place tagged GPE out of the
# article's countries then falls under ACCEPT ("Russia's Nord Stream" is no region of Burkina Faso),
# one in them, or with a cue, does not. Raised GeoVirus and the seeds' precision, cost LGL 0.1.
NAME_GOES_ON_PENALTY = 1.0
# A town's reading of a name written with "the" before it and ending its phrase
# (``Mention.the_named``); the place word it came with ("in the") counts nothing either. 1.0 left a
# curated namesake (prominence 2.5) at ACCEPT; 1.5 on the visible parts: GeoVirus 88.1 = 88.1 ("the
# Republic of Congo" no longer Republic, Missouri), LGL 80.8 = 80.8 ("the Chapel of …" no town, "at
# the White House" the seat, not White House, Tennessee), detection precision unchanged.
THE_TOWN_PENALTY = 1.5
# For a name opening an organization's name of proper words only (``Mention.brand``) that the article
# does not name as a place elsewhere (for a state or country: nor is its country in the article):
# enough to fall under ACCEPT from any prior and cue.
BRAND_PENALTY = 3.0
# Bonus for a reading in a first-level division that the article's other names may also lie in
# (``_Context.support``, capped at one full vote): as much as a country named in the text. Tuned on
# the peer corpora: on LGL (local US news) it is worth 4 points, and with the exclusions in ``_score``
# (a state is not helped by its own name's region) it costs GeoVirus nothing.
SUPPORT_WEIGHT = 1.0
# ...and, for a state, province, country or national capital, for one in the country the other
# names may lie in (Georgia among American towns is the state, Washington the capital). Given to
# every reading (towns included) at 0.5, it lowered both peer corpora by about one point.
COUNTRY_SUPPORT_WEIGHT = 1.0
# A spelling variant read as a place outside the countries the article is in: on top of the penalty
# any reading abroad takes. Variants are for transliterations (Deir Ezzor, Mouadamiya) inside the
# story's countries; abroad they were mostly ordinary words or names (Southeast ~ Southwest, Burkina Faso).
VARIANT_ABROAD_PENALTY = 1.0
# A town named by one word of a script without capitals (Devanagari, Arabic) with nothing around it
# marking it as a place: half a point, so that a town needs more than its country being in the
# article (a town of 10,000 scores about 1.2 + 1.0). Tuned on the Hindi articles of the narratives
# set (no English corpus has such words): at 0.5 the verb रहती (Rehti) falls, Nepal's Dhankuta,
# Bhaktapur (followed by में) stand; 1.0 took towns named in a list too.
BARE_WORD_PENALTY = 0.5
# Share of an article's letters below which Latin letters make it an article in another script
# (``Mention.foreign_script``): a Bulgarian or Hindi article quoting English names stays far under it.
OTHER_SCRIPT_SHARE = 0.3
LETTER = re.compile(r"[^\W\d_]")
# The endings of nationality words and adjectives: "Syrian", "Lebanese", "Kurdish", "Iraqi", "Arabic".
DEMONYM_LIKE = re.compile(r"(?:an|ans|ian|ians|ese|ish|i|is|ic|ch|ds|ks)$")
# Labels that, on a one-word spelling variant without a place cue, say it is no place at all.
NOT_A_PLACE = frozenset(("ORG", "PERSON", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"))


# Names GeoNames holds for a town (spellings, languages) from which a PERSON label on its name alone,
# as the object of a verb or preposition, with no sign of a person anywhere in the article
# (``Mention.lone_person``), is taken for the parser's slip and costs no reading of the name anything:
# spaCy labels "Kharkiv" (46 names) and "Kherson" (40) PERSON after a verb of attack ("shelled Kharkiv").
# GeoVirus: no mention changes (88.1 either way); LGL: 80.6 either way, two mentions (Albuquerque, an
# Alexandria) keep their place with the label's cost gone.
WIDELY_NAMED = 40


# The penalty for a reading outside the article's countries is scaled down for a widely known town
# (``fame``: 1 at 100 names and more): news names world cities from anywhere (Moscow in a story from
# Ohio), but a village of the same name abroad needs the text to go there.
ELSEWHERE_PENALTY = 1.5
# A reading in a country the article never names while it names others (as actors: "US forces"),
# scaled like ELSEWHERE_PENALTY. Tuned on the visible GeoVirus and LGL parts (0.5 and 1.0 tried).
UNNAMED_PENALTY = 1.0
# Bonus for a town's or county's reading that lies near a reading of another of the article's names
# (``nearby.Nearby``: Huntsville beside Walker County is Huntsville, Texas, where both lie), capped at
# one full neighbour. Tuned on the visible LGL part (0.5: 78.9, 1.0: 79.8, 1.5: 79.0, 2.0: 79.1; without
# 77.2), checked on GeoVirus (86.3, 86.3, 85.8, 85.7; without 86.1): both best at 0.5-1.0.
NEAR_WEIGHT = 1.0
# Most these three terms (the division where the article's other places are, the divisions its other
# names may lie in, neighbours) give together: mostly one evidence counted three times. Tuned on the
# visible LGL part (1.5: 79.1, 2.0: 79.9, 2.5: 80.4; no cap, 3.0: 80.3), checked on GeoVirus (87.4,
# 87.1, 87.1; 87.1). GeoVirus alone would take 1.5, which costs LGL 1.2: kept at 2.5.
LOCAL_CAP = 2.5


Region = tuple[str | None, str | None]  # (country, first-level division)


@dataclass
class _Context:
    """Where the article is: countries and first-level divisions, with how many mentions put it there.
    ``by_key`` holds each name's own share, so that a name repeated ten times does not vote for itself.
    ``support`` is softer: every name votes for the divisions of all its readings, in proportion to
    how likely each reading is on its own (``_base``), so that Henderson and Boulder City, each
    ambiguous, agree on Nevada."""
    countries: Counter[str] = field(default_factory=Counter)
    regions: Counter[Region] = field(default_factory=Counter)
    by_key: dict[str, tuple[Counter[str], Counter[Region]]] = field(default_factory=dict)
    support: dict[Region, float] = field(default_factory=lambda: defaultdict(float))
    own_support: dict[str, dict[Region, float]] = field(default_factory=dict)
    named: set[str] = field(default_factory=set)  # countries the article names at all, actors included
    placed: set[str] = field(default_factory=set)  # names accepted on the first pass outside a brand's name
    outlet: str | None = None  # the publishing outlet's country (ISO code), when the registry knows the outlet
    nearby: Nearby = field(default_factory=Nearby)  # the names' local readings, for neighbours
    _elsewhere: dict[str, bool] = field(default_factory=dict)  # ``elsewhere``'s answers since the last ``add``

    def vote(self, key: str, places: list[Place]) -> None:
        if key in self.own_support:
            return  # one vote a name, however often it is repeated
        weights: dict[Region, float] = defaultdict(float)
        ws = [math.exp(2.0 * _base(p)) for p in places]
        total = sum(ws)
        for p, w in zip(places, ws, strict=True):
            if p.kind != "country" and p.admin1:
                weights[(p.country, p.admin1)] += w / total
            if p.country:
                weights[(p.country, None)] += w / total  # the country as a whole
        self.own_support[key] = weights
        for r, w in weights.items():
            self.support[r] += w

    def supported(self, key: str, r: Region) -> float:
        return self.support.get(r, 0.0) - self.own_support.get(key, {}).get(r, 0.0)

    def supported_country(self, key: str, cc: str) -> float:
        return self.supported(key, (cc, None))

    def add(self, key: str, country: str | None, region: tuple[str | None, str | None] | None) -> None:
        own = self.by_key.setdefault(key, (Counter(), Counter()))
        self._elsewhere.clear()
        if country:
            self.countries[country] += 1
            own[0][country] += 1
        if region and region[1]:
            self.regions[region] += 1
            own[1][region] += 1

    def elsewhere(self, key: str) -> bool:
        """Whether names other than ``key`` put the article in some country."""
        known = self._elsewhere.get(key)
        if known is None:  # (asked for every reading of every mention: kept until ``add`` changes it)
            known = self._elsewhere[key] = any(self.country(key, cc) > 0 for cc in self.countries)
        return known

    def country(self, key: str, cc: str | None) -> int:
        own = self.by_key.get(key)
        return self.countries[cc] - (own[0][cc] if own else 0) if cc else 0

    def region(self, key: str, r: tuple[str | None, str | None]) -> int:
        own = self.by_key.get(key)
        return self.regions[r] - (own[1][r] if own else 0)




def _first_level(p: Place) -> bool:
    """A first-level division (a state, a province), not a county inside one."""
    return p.kind == "admin_region" and p.admin1 == p.name


def _inside(p: Place, region: Place) -> bool:
    """Whether place ``p`` lies in the division or country ``region``."""
    if region.kind == "country":
        return p.country == region.country and p.kind != "country"
    return region.kind == "admin_region" and p.country == region.country and p.admin1 == region.admin1 \
        and p.id != region.id


def _names_country(m: Mention) -> bool:
    """Whether the mention's name is a country's own ("Mexico")."""
    return any(q.kind == "country" and name_key(q.name) == m.key for q in m.candidates)


Terms = list[tuple[float, str | Callable[[], str]]]  # (value, why: formatted by ``_evidence`` when asked)


def _evidence(terms: Terms) -> list[str]:
    """The terms of a score as the record of why a reading was chosen."""
    return [f"{why if isinstance(why, str) else why()} ({v:+.1f})" for v, why in terms]


def _score(m: Mention, p: Place, context: _Context, names_country: bool | None = None,
           terms: Terms | None = None) -> float:
    """How well reading ``p`` fits mention ``m`` in its article; ``terms`` (when given) receives
    each term that moved the score, for ``_evidence``. ``names_country`` is ``_names_country(m)``
    when the caller has it (computed once a mention, not once a reading)."""
    said: Terms = []  # (the terms in the order they are found; a call a term cost a tenth of the scoring)
    add = said.append

    base = _base(p)
    add((base, lambda: f"prominence ({p.kind}" + (f", population {p.population:,}" if p.population else "")
        + (f", {p.names} names" if p.names else "") + ")"))
    if not m.exact:
        add((-0.8, "spelling variant"))
    elif alias(m, p):
        # the name is one of the town's alternate names (old, local or foreign: Paris for Saint Paris,
        # Manhattan for New York City): a town whose own name it is comes first
        add((-ALIAS_PENALTY, "an alternate name of the town"))
        if names_country if names_country is not None else _names_country(m):
            add((-COUNTRY_NAME_PENALTY, "the own name of a country"))  # "Mexico" is not Mexico City
    elif p.kind == "city" and m.within is None and not m.dateline and not m.local \
            and (names_country if names_country is not None else _names_country(m)):
        # a town named after a country ("Egypt, Alabama", "Russia, Ohio") is that town where the text
        # names its region with it or files the story there; elsewhere the country's name is the country's
        add((-COUNTRY_TOWN_PENALTY, "a country's name"))
    if p.country and context.country(m.key, p.country) > 0:
        add((1.0, "in a country the article is in"))
    elif p.country and p.country == context.outlet:
        # a namesake in the outlet's own country: news is local first (Newcastle in a British paper is
        # Newcastle upon Tyne, in an Australian one Newcastle, New South Wales). As much as one place
        # named in that country, and no more: a paper's foreign news keeps its places (the outlet
        # makes no reading abroad "elsewhere", and a world city still outweighs a small namesake)
        add((1.0, lambda: f"in the outlet's country ({p.country})"))
    elif p.kind != "country" and p.subkind != "seat_of_government" and p.country and context.elsewhere(m.key):
        # (a sea, an ocean or a world region lies in no country: it never leaves the story; a seat of
        # government acts for its country wherever the story is, as the country itself does: "the
        # Kremlin said" in a story from Kyiv, "a Casa Branca anunciou" in one that never names the US)
        # Palmyra in a Syria story is not Palmyra, Pennsylvania: leaving the story's countries needs evidence
        # (a world city's fame excuses it only where the text does not treat the name as local: "the
        # Athens City Council", "Paris High School" in a story placed in the US are no world capital's,
        # unless the article names the city's country: "Moscow residents" in a story naming Russia)
        fame = 0.0 if m.local and p.country not in context.named else _fame(p)
        add((-ELSEWHERE_PENALTY * (1.0 - fame), "outside the article's countries"))
        if not m.exact:
            add((-VARIANT_ABROAD_PENALTY, "a variant abroad"))  # "Southeast" is not Burkina Faso's Southwest region
    elif p.kind != "country" and p.subkind != "seat_of_government" and p.country and context.named \
            and p.country not in context.named:
        # the article names countries (as actors, without putting anything in them), not this one:
        # the Gulf of a story about Qatar is no province of Papua New Guinea
        add((-UNNAMED_PENALTY * (1.0 - _fame(p)), "in a country the article does not name"))
    local = 0.0
    if p.kind != "country" and p.admin1 and not _first_level(p):
        # Athens in a story that names Tyler and Dallas is Athens, Texas. Divisions and countries
        # are not helped by their own name's region: in "California, Missouri and Nevada" the
        # states are states, not the towns of Missouri named after the others
        if context.region(m.key, (p.country, p.admin1)) > 0:
            add((1.0, lambda: f"in {p.admin1}, where the article's other places are"))
            local += 1.0
        v = SUPPORT_WEIGHT * min(1.0, context.supported(m.key, (p.country, p.admin1)))
        add((v, lambda: f"other names may lie in {p.admin1}"))
        local += v
    near, neighbour = context.nearby.support(m.key, p, m.partners)
    v = NEAR_WEIGHT * min(1.0, near)
    add((v, lambda: f"near {neighbour}, also named in the article"))
    local += v
    if local > LOCAL_CAP:
        # (the division's places, the names that may lie there and the neighbours are mostly one
        # evidence counted three times: a village of 900 must not outscore the country of its name)
        add((LOCAL_CAP - local, "where the other places are, counted once"))
    if p.country and (p.kind == "country" or _first_level(p) or p.subkind == "capital"):
        # a capital stands for its whole country: Washington among American towns is the capital
        add((COUNTRY_SUPPORT_WEIGHT * min(1.0, context.supported_country(m.key, p.country)),
            "other names may lie in its country"))
    if m.within is not None:
        # "Athens, Texas", "Charleston, W.Va.": the town of that name inside the division that follows
        inside = any(_inside(p, r) for r in m.within.candidates)
        within = m.within.surface
        add((2.5 if inside else -1.0, lambda: f"named with its region ({within})" if inside
            else f"not in the region named with it ({within})"))
    if m.list_level is not None and level(p) == m.list_level:
        add((LIST_LEVEL_BONUS, lambda: f"listed with other names of a {m.list_level}"))
    if m.demonym:
        add((1.0 if m.ner in ("NORP", "GPE", None) else -1.5 if m.ner == "PERSON" else 0.0, "nationality word"))
    elif m.ner in ("GPE", "LOC", "FAC"):
        add((1.5, lambda: f"parsed as {m.ner}"))
    elif m.ner in ("PERSON", "NORP") and not m.heads_entity and not m.listed and not m.typed \
            and not m.lone_person:  # (not "Avondale Mayor Ed Rieker")
        add((-1.5, lambda: f"parsed as {m.ner}"))
    elif m.ner in ("ORG",) and not m.heads_entity and not m.listed and not m.typed \
            and p.subkind not in ("seat_of_government", "union"):
        # (a seat of government is labelled as the body it houses, "the Kremlin denied", and a union
        # as the organization it also is, "the EU")
        add((-1.0, "parsed as ORG"))
    if m.the_named and p.kind == "city" and p.subkind != "seat_of_government" \
            and not p.name.lower().startswith("the "):
        # "served in the Rada for 22 years": a town's name takes no article in English (The Hague's
        # has it in the name); with one it names a body or a building, and "in the" is no place word
        add((-THE_TOWN_PENALTY, "named with 'the', as no town is"))
    elif m.cue_before:
        add((1.0, "a place word before it"))
    if m.cue_after:
        add((1.5, "a place or local word after it"))
    if m.name_goes_on and not (m.heads_entity and m.ner in ("ORG", "FAC")):  # "Arlington Chamber of Commerce"
        add((-NAME_GOES_ON_PENALTY, "a longer name goes on"))
    if m.brand and m.key not in context.placed and (
            p.kind not in ("country", "admin_region")
            or (p.country not in context.named and context.country(m.key, p.country or "") <= 0)):
        # a place word opening a brand or project's name ("Nord Stream", "Dubai World Cup", "Peabody
        # Energy") is that place only where the article is about it: a town only where the article
        # names it as a place elsewhere ("Watertown Public Opinion" in a story from Watertown is, one
        # sense per article), a state or country also where the article is in its country ("the Texas
        # Forest Service" in a US story names the state's body). (Towns were excused by their country
        # being in the article too, until measured: on the visible LGL part, 85 of the 100 towns so
        # accepted were no toponym of the gold, mostly firms and people the parser called ORG, "Stevens
        # & Wilkinson", "Casey Enright"; penalising them raised precision 0.841 -> 0.859, recall kept.)
        add((-BRAND_PENALTY, "opens the name of an organization or product"))
    if m.bare and p.kind == "city" and not _fame(p):
        # (Hindi रहती "lives" is no Rehti, a town of 11,000: in a script without capitals only a place
        # word or a postposition of place marks a word as a town's name)
        add((-BARE_WORD_PENALTY, "one word of a script without capitals, no place word or postposition"))
    if m.dateline:
        add((2.0, "dateline"))  # where the story was filed: a place, whatever the parser made of a word in capitals
    if m.admin_after or m.admin_before:
        # "Homs province", "the province of Idlib": the province, and not some village of that name
        add((0.7 if p.kind == "admin_region" else -1.0 if p.kind != "country" else 0.0, "called a province"))
    if len(m.key.split()) > 1:
        add((0.5, "a name of several words"))
    if m.pos is not None and m.pos != "PROPN" and m.ner not in ("GPE", "LOC", "FAC") and not m.demonym \
            and not m.dateline:  # (a word in capitals is tagged a NOUN as often as not: "TORRINGTON —")
        add((-2.0, lambda: f"parsed as {m.pos}"))
    total = 0.0
    for value, _ in said:
        total += value  # (added in the order found, as ever: the same sums to the last bit)
    if terms is not None:
        terms.extend(t for t in said if t[0])  # (the terms that moved it, formatted only when asked for)
    return total


def _rejected(m: Mention) -> str | None:
    if m.demonym:
        if m.ner in ("LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY",
                     "WORK_OF_ART", "LAW"):
            return f"demonym labelled {m.ner}"  # "in French" is the language
        if m.ner in ("ORG", "FAC", "PRODUCT", "EVENT") and (m.heads_entity or m.inside_entity):
            return f"demonym in the name of an {m.ner}"  # "Canadian Food Inspection Agency" names a body
    elif m.ner in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LANGUAGE") \
            or (m.ner == "NORP" and DEMONYM_LIKE.search(m.surface)):
        return f"labelled {m.ner}"  # NORP on a word shaped like a nationality ("Syrian"), not on "Et-Tanf"
    if m.disease:
        return "part of a disease's name"
    if m.street and not any(p.kind in ("country", "admin_region") for p in m.candidates):
        # a town's name before "Street", "Avenue", "Road" names the street, found in any town (a
        # state's or county's may name its body: "Otter Tail County Road 80", "Lebanon Street Superintendent")
        return "a street's name"
    if m.inside_entity:
        return "part of a longer name"
    if m.person_context:
        return "after a personal title"
    if m.surname:
        return "a person's name in this article"
    if m.common_word:
        return "an ordinary word of this article, capitalised"
    return None


_WORDS4 = re.compile(r"\b[^\W\d_]{4,}\b")


def _person_names(mentions: list[Mention], text: str, ents: Ents) -> None:
    """One sense per article for people (as CLIFF does): a word the article uses as the surname of a
    person it names in full ("Sheriff John Turner ... Turner said") is that person wherever it stands
    alone, unless the text marks it as a place ("in Turner", "Turner, Maine", "Turner County").
    So for a town named as an ordinary word the article also writes in lower case ("the minister")."""
    surnames = {name_key(text[a:b].split()[-1]) for a, b, label in ents.items if label == "PERSON" and " " in text[a:b]}
    # ...and a name followed by an age, as news gives people's ("Campbell, 42, was resisting arrest")
    surnames |= {m.key for m in mentions if AGE_AFTER.match(text, m.end)}
    # ...and, in a parse without entities, a word that ends a capitalised pair inside a sentence
    # ("disse Dmitri Peskov", "Дмитрий Песков"): "Peskov" alone elsewhere is the man too
    # (not a world city's name: "Москва" after "ЦСКА", "Брюксел" after another name, stays the city)
    surnames |= {m.key for m in mentions if m.after_name and not any(_fame(p) for p in m.candidates)}
    # the words of the people the article names in full, first names too ("Sydney Smith ... Sydney said"),
    # and the names a title stands before somewhere: what makes a name labelled PERSON alone a person's
    # (one that acts, the subject of "Austin told reporters", is taken for a person too: only what is
    # acted on, "shelled Kharkiv", "forces near Kherson", may be the parser's slip)
    person_words = {name_key(w) for a, b, label in ents.items if label == "PERSON" and " " in text[a:b]
                    for w in text[a:b].split()}
    titled = {m.key for m in mentions if m.person_context}
    # ...and people listed together: "Smith, Jackson and Lincoln" (a list with a place in it is a list of
    # places, ``lists.mark_lists``, and takes no PERSON cost anyway)
    people = [(a, b) for a, b, label in ents.items if label == "PERSON"]
    listed = {e for x, y in itertools.pairwise(people) if LIST_SEPARATOR.match(text[x[1]:y[0]]) for e in (x, y)}
    for m in mentions:
        m.lone_person = m.ner == "PERSON" and m.as_object and " " not in m.surface and m.key not in person_words \
            and m.key not in titled and m.key not in surnames \
            and ents.overlapping(m.start, m.end) == (m.start, m.end, "PERSON") and (m.start, m.end) not in listed \
            and any(p.kind == "city" and p.names >= WIDELY_NAMED for p in m.candidates)
        # (then for every reading of the name: the label was wrong about the word, whichever place it is)
    # (any script with case: Portuguese "embora", "cerca", "segundo" open sentences as "Embora"; a
    # parse without parts of speech cannot tell them from names)
    lower: set[str] | None = None  # (the text's words in lower case, read when a name first needs them)

    def lower_words() -> set[str]:
        nonlocal lower
        if lower is None:
            lower = {w for w in _WORDS4.findall(text) if w.islower()}
        return lower
    function = function_words()
    for m in mentions:
        if m.surface.lower() in function and m.surface[:1].isupper() and not (
                m.cue_before or m.dateline or m.within is not None or any(x.within is m for x in mentions)):
            # a language's function word capitalised at a sentence's start ("Para a representante",
            # "Em Paris"): no division or country either, whatever GeoNames calls so
            m.common_word = True
            continue
        # (a division or country of that name stays, "Georgia" as "Jimmy Georgia", unless the word only
        # resembles its name: "Peskov" is a spelling variant of Pskov's, no name of it)
        if m.key in surnames and " " not in m.surface and not m.demonym \
                and (not m.exact or not any(p.kind in ("country", "admin_region") for p in m.candidates)) and not (
                m.cue_before or m.cue_after or m.dateline or m.within is not None
                or any(x.within is m for x in mentions)):
            m.surname = True
        # "the minister ... Minister Smith", "a university ... University": a town of that name needs a cue
        if " " not in m.surface and m.surface[:1].isupper() and not m.demonym \
                and not any(p.kind in ("country", "admin_region") for p in m.candidates) and not (
                m.cue_before or m.cue_after or m.dateline or m.within is not None or any(x.within is m for x in mentions)) \
                and m.surface.lower() in lower_words():
            m.common_word = True


def _link_within(mentions: list[Mention], text: str) -> None:
    """"Athens, Texas", "Paris, France", "Charleston, W.Va.": the second names where the first is."""
    before: Mention | None = None
    for a, b in itertools.pairwise(mentions):
        # (a country or state inside a list is a list member, not a town named with its region:
        # "Georgia, Iraq, Iran, and Syria", "Virginia, Washington, West Virginia and Wyoming")
        listed = before is not None and before.within is None and LIST_SEPARATOR.match(text[before.end:a.start]) \
            and any(p.kind == "country" or _first_level(p) for p in a.candidates)
        before = a
        if b.start - a.end <= 2 and text[a.end:b.start].strip() == "," and not a.demonym and not b.demonym \
                and not listed and any(p.kind in ("admin_region", "country") for p in b.candidates) \
                and any(_inside(p, r) for p in a.candidates for r in b.candidates):
            a.within = b
            b.candidates = [r for r in b.candidates if any(_inside(p, r) for p in a.candidates)]


def _initial_context(mentions: list[Mention]) -> _Context:
    """Countries named outright, and countries of names with a single strong reading.
    A country counts where the text puts something in it ("in Syria", "from Iraq"), not where it
    acts ("US forces", "the US has"): news names the actors' countries everywhere."""
    context = _Context()
    for m in mentions:
        if _rejected(m):
            continue
        countries = {p.country for p in m.candidates if p.kind == "country" and p.country}
        context.named |= countries
        if m.demonym:
            continue
        if countries and (m.cue_before or (m.within is None and any(x.within is m for x in mentions))):
            for c in countries:
                context.add(m.key, c, None)
        kinds = {p.country for p in m.candidates}
        if m.exact and len(kinds) == 1 and any(_base(p) >= 2.5 and p.kind != "country" for p in m.candidates):
            for k in kinds:
                context.add(m.key, k, None)
        if m.within is not None:
            for r in m.within.candidates[:1]:
                context.add(m.key, r.country, (r.country, r.admin1) if r.kind == "admin_region" else None)
    return context


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
    _link_within(mentions, text)
    mark_lists(mentions, text)
    _person_names(mentions, text, ents)
    local = {m.key for m in mentions if m.local}  # one sense per article: "Newark police" ... "in Newark"
    for m in mentions:
        m.local = m.key in local
    context = _initial_context(mentions)
    context.outlet = outlet_country
    for m in mentions:
        if not _rejected(m) and not m.demonym:
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
        _choose(m, context, first, text, final=False)
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
        _choose(m, context, accepted, text)
        if len(accepted) == accepted_before and len(word_spans(m.surface)) > 1 and not m.surface.startswith(ABBREV_PREFIX):
            # "Jisr al-Shaddadi" failed as a whole: its tail may still name a place ("al-Shaddadi")
            first_end = word_spans(m.surface)[0][1]
            sub = [Mention(x.start + m.start + first_end, x.end + m.start + first_end, x.surface, x.key, x.exact,
                           x.candidates, demonym=x.demonym)
                   for x in _in_language(candidates(m.surface[first_end:], gaz), language)]
            for x in sub:
                annotate(x, text, doc, ents)
                # (as their whole: a Latin tail in a Cyrillic article is still foreign, "Halep" still Turkish)
                x.foreign_script = other_script and is_latin(x.surface)
                x.other_language = m.other_language
            queue[:0] = sub
    _one_sense(mentions, accepted)
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


def _one_sense(mentions: list[Mention], accepted: list[Mention]) -> None:
    """One place per name in an article: every accepted mention of a name takes the reading its
    best-scored mention has, and a mention that fell short on score alone is taken too when the
    same name is accepted elsewhere in the article (the second "Tyler" without "in" before it)."""
    def sense(m: Mention) -> tuple[str, bool]:
        return m.key, m.admin_before or m.admin_after  # "the province of Homs" and "in Homs" differ

    best: dict[tuple[str, bool], Mention] = {}
    for m in accepted:
        if sense(m) not in best or m.score > best[sense(m)].score:
            best[sense(m)] = m
    for m in accepted:
        b = best[sense(m)]
        if b.chosen is not None and m.chosen != b.chosen and b.chosen in m.candidates:
            m.chosen = b.chosen
    names = {m.key for m in accepted}
    for m in mentions:
        if m.chosen is None and m.key in names and m.best is not None and m.why \
                and m.why[-1].startswith("score") and m.score >= ACCEPT - SAME_NAME_MARGIN:
            same = best.get(sense(m))
            m.chosen = same.chosen if same is not None and same.chosen in m.candidates else m.best
            m.why.append("same name accepted elsewhere in the article")
            m.evidence = ["the same name is resolved so elsewhere in the article"]
            accepted.append(m)


def _choose(m: Mention, context: _Context, accepted: list[Mention], text: str, final: bool = True) -> None:
    """Pick the mention's best-scoring place and accept it if it scores enough; say why not otherwise.
    Readings without footing (``footing.founded``) are set aside on the ``final`` pass only: the
    first pass only gathers where the article may be, and a namesake set aside there on a still
    thin context would take its name's places out of the second pass's context."""
    why = _rejected(m)
    if why:
        m.why.append(why)
        return
    options = m.candidates
    if not m.exact and len(word_spans(m.surface)) == 1 and m.ner in NOT_A_PLACE and not (m.cue_before or m.cue_after):
        m.why.append(f"one-word variant labelled {m.ner}")  # "Times" is no Thames, "al-Halabi" a man from Aleppo
        return
    if not m.exact:  # a spelling variant is trusted only where the article already is
        # ...and only for places big enough to be written about in many spellings
        options = [p for p in options if p.source == "supplement" or p.kind == "admin_region"
                   or (p.country and context.country(m.key, p.country) > 0 and p.population >= FUZZY_MIN_POPULATION)]
        if m.unparsed and len(word_spans(m.surface)) == 1 and not (m.cue_before or m.cue_after or m.dateline):
            # without entity labels nothing but a place word beside it tells a one-word variant of a
            # town from an ordinary word or a person's name: Portuguese "Embora" (although) is no
            # Edinburgh, "Peskov" no Pskov (regions and curated places stand: "Crimeia" is Crimea)
            options = [p for p in options if p.kind != "city"]
        if not options:
            m.why.append("variant of a place outside the article's countries")
            return
    if not (m.admin_after or m.admin_before or m.list_level == "state"):
        # a city and its province share a name (Deir ez-Zor, Homs): without "province" it is the city
        # (a big city inside the province of the same name; "California" is still the state)
        # (a city the name is only another name of counts when it is a world city, as New York City is
        # "New York": "Rio Grande do Sul" is the state, though GeoNames lists it as an old name of the
        # city of Rio Grande, 190,000 people, inside it)
        seats = {(q.country, q.admin1) for q in options if q.kind == "city" and q.population >= 50_000
                 and (q.population >= WORLD_CITY or not alias(m, q))}
        options = [p for p in options if p.kind != "admin_region" or (p.country, p.admin1) not in seats]
    own = _names_country(m)
    # (ties go to a curated place first: the supplement holds what news names, "Gaza" the Strip rather
    # than the province of Mozambique GeoNames lists without people or names; then the bigger, the better known)
    # (the final pass keeps each reading's terms: the chosen one's are its evidence, not scored again)
    terms: dict[int, Terms] = {id(p): [] for p in options} if final else {}
    scored = sorted(((_score(m, p, context, own, terms.get(id(p))), p.population, p) for p in options),
                    key=lambda t: (t[0], t[2].source == "supplement", t[1], t[2].names), reverse=True)
    kept, notes = founded(m, scored, context, text) if final else (scored, [])
    if not kept:
        m.why.append("no safe reading: " + "; ".join(notes))
        return
    best, _, place = kept[0]
    m.score, m.best = best, place
    # (the readings set aside still count against the chosen one: they were as likely by the text)
    m.confidence = _confidence([best, *(t[0] for t in scored if t[2] is not place)])
    scored = kept
    if best < ACCEPT:
        m.why.extend(notes)  # (before the score: ``_one_sense`` reads the last reason)
        m.why.append(f"score {best:.1f} < {ACCEPT}")
    elif m.confidence < (floor := SET_ASIDE_FLOOR if notes else CONFIDENCE_FLOOR):
        m.why.extend(notes)
        m.why.append(f"confidence {m.confidence:.2f} < {floor}: readings too close to choose")
    else:
        m.chosen = place
        if not final:
            accepted.append(m)  # (the first pass's choices only say where the article is: no evidence)
            return
        m.evidence = _evidence(terms[id(place)])
        if len(scored) > 1:
            m.evidence.append(f"next best: {scored[1][2].name}, {scored[1][2].admin1 or scored[1][2].country} "
                              f"({scored[1][0]:.1f})")
        m.evidence.extend(notes)
        accepted.append(m)


def _confidence(scores: list[float]) -> float:
    """0-1: the chosen reading's share among the readings (softmax of the scores), times how far its
    score clears ACCEPT (logistic): 0.5 for a lone reading just at ACCEPT, 0.5 for two tied strong ones.
    ``scores[0]`` is the chosen reading's, which may be below the others' (``footing.founded``)."""
    top = scores[0]
    share = 1.0 / sum(math.exp(x - top) for x in scores)
    return round(share / (1.0 + math.exp(-2.0 * (top - ACCEPT + 1.0))), 2)


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
    tells (``enrich.builtin.outlets_told``): never places there, in any language ("disse à Lusa" is no Lousã)."""
    accepted = resolve([m for m in candidates(text, gaz) if m.surface not in outlets], text, doc, gaz,
                       outlet_country, language)
    in_title = []
    if title:
        # Titles are often in Title Case: only names the body also uses, or provinces and
        # cities big enough to be headline places, count from there
        known = {m.key for m in accepted}
        heads = [m for m in candidates(title, gaz) if m.surface not in outlets]
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
