"""The score of one reading of a mention in its article (``score``), with the terms that moved it
(``Terms``, the evidence of the chosen reading): prominence, the article's countries and divisions,
neighbours, the region named with it, the parser's label, cue words, datelines, brands."""
from __future__ import annotations

from collections.abc import Callable

from headwater.enrich.places.context import Context, first_level, is_country_name, lies_in
from headwater.enrich.places.footing import ALIAS_PENALTY, alias
from headwater.enrich.places.lists import level
from headwater.enrich.places.mention import Mention
from headwater.enrich.places.place import Place
from headwater.enrich.places.prominence import base as _base
from headwater.enrich.places.prominence import fame as _fame

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
# (``Context.support``, capped at one full vote): as much as a country named in the text. Tuned on
# the peer corpora: on LGL (local US news) it is worth 4 points, and with the exclusions in ``score``
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


Terms = list[tuple[float, str | Callable[[], str]]]  # (value, why: formatted by ``evidence`` when asked)


def evidence(terms: Terms) -> list[str]:
    """The terms of a score as the record of why a reading was chosen."""
    return [f"{why if isinstance(why, str) else why()} ({v:+.1f})" for v, why in terms]


def score(m: Mention, p: Place, context: Context, names_country: bool | None = None,
           terms: Terms | None = None) -> float:
    """How well reading ``p`` fits mention ``m`` in its article; ``terms`` (when given) receives
    each term that moved the score, for ``evidence``. ``names_country`` is ``is_country_name(m)``
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
        if names_country if names_country is not None else is_country_name(m):
            add((-COUNTRY_NAME_PENALTY, "the own name of a country"))  # "Mexico" is not Mexico City
    elif p.kind == "city" and m.within is None and not m.dateline and not m.local \
            and (names_country if names_country is not None else is_country_name(m)):
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
    if p.kind != "country" and p.admin1 and not first_level(p):
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
    if p.country and (p.kind == "country" or first_level(p) or p.subkind == "capital"):
        # a capital stands for its whole country: Washington among American towns is the capital. A
        # division named like a country (Georgia, "Georgian") takes it from places inside its country
        # only: "the US is working on weapons in Georgia" names the US as an actor (as "the Pentagon"
        # does), and the country stays the country (on 10,892 one-line case summaries of a
        # disinformation database, 42 of 181 "Georgia" were the US state with nothing but "the US" around)
        inside = p.kind != "country" and (
            (names_country if names_country is not None else is_country_name(m))
            or (m.demonym and any(q.kind == "country" for q in m.candidates)))  # "Georgian" alike
        add((COUNTRY_SUPPORT_WEIGHT * min(1.0, context.supported_inside(m.key, p.country) if inside
                                          else context.supported_country(m.key, p.country)),
            "other names may lie in its country"))
    if m.within is not None:
        # "Athens, Texas", "Charleston, W.Va.": the town of that name inside the division that follows
        inside = any(lies_in(p, r) for r in m.within.candidates)
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
    elif m.ner in ("ORG",) and not m.heads_entity and not m.listed and not m.typed and not m.lone_org \
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
