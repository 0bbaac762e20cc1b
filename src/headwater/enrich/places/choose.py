"""Choosing a mention's reading: the best-scored one with footing (``footing.founded``), accepted when
it scores ACCEPT and is sure enough of itself (``_confidence``); then one reading per name through the
article (``one_sense``)."""
from __future__ import annotations

import math

from headwater.enrich.places.context import Context, is_country_name
from headwater.enrich.places.footing import alias, founded
from headwater.enrich.places.gazetteer import FUZZY_MIN_POPULATION
from headwater.enrich.places.mention import Mention
from headwater.enrich.places.prominence import WORLD_CITY
from headwater.enrich.places.rejection import rejected
from headwater.enrich.places.scoring import Terms, evidence, score
from headwater.enrich.places.words import word_spans

# Score needed to accept a mention, on the scale of ``scoring.score`` (tuned on the seeds' and FA-KES's
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
# Labels that, on a one-word spelling variant without a place cue, say it is no place at all.
NOT_A_PLACE = frozenset(("ORG", "PERSON", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"))


def one_sense(mentions: list[Mention], accepted: list[Mention]) -> None:
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


def choose(m: Mention, context: Context, accepted: list[Mention], text: str, final: bool = True) -> None:
    """Pick the mention's best-scoring place and accept it if it scores enough; say why not otherwise.
    Readings without footing (``footing.founded``) are set aside on the ``final`` pass only: the
    first pass only gathers where the article may be, and a namesake set aside there on a still
    thin context would take its name's places out of the second pass's context."""
    why = rejected(m)
    if why:
        m.why.append(why)
        return
    options = m.candidates
    if not m.exact and len(word_spans(m.surface)) == 1 and m.ner in NOT_A_PLACE and not (m.cue_before or m.cue_after):
        m.why.append(f"one-word variant labelled {m.ner}")  # "Times" is no Thames, "al-Halabi" a man from Aleppo
        return
    if not m.exact:  # a spelling variant is trusted only where the article already is
        # ...and only for places big enough to be written about in many spellings
        # (a division by a variant only in a country the article names: "the assault on the Capitol" is no
        # Distrito Capital of Venezuela, "the Southeast District" no Southwest region of Burkina Faso)
        options = [p for p in options if p.source == "supplement"
                   or (p.kind == "admin_region" and (p.country in context.named or context.country(m.key, p.country) > 0))
                   or (p.country and context.country(m.key, p.country) > 0 and p.population >= FUZZY_MIN_POPULATION)]
        if (m.unparsed or m.ner is None) and len(word_spans(m.surface)) == 1 \
                and not (m.cue_before or m.cue_after or m.dateline):
            # without an entity label nothing but a place word beside it tells a one-word variant of a
            # town from an ordinary word or a person's name: Portuguese "Embora" (although) is no
            # Edinburgh, "Peskov" no Pskov (regions and curated places stand: "Crimeia" is Crimea); nor
            # where the parser labels entities and saw none in the word: "Sajed concludes" is no Sidon,
            # "Full of Extra Electrons" no Exeter, "Tel Abyad" no Arvada (on GeoVirus, LGL, the seeds with
            # FA-KES and the narratives set this took 12 readings: 10 wrong, 2 right, "Aleppos" and "Mouadamiya")
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
    own = is_country_name(m)
    # (ties go to a curated place first: the supplement holds what news names, "Gaza" the Strip rather
    # than the province of Mozambique GeoNames lists without people or names; then the bigger, the better known)
    # (the final pass keeps each reading's terms: the chosen one's are its evidence, not scored again)
    terms: dict[int, Terms] = {id(p): [] for p in options} if final else {}
    scored = sorted(((score(m, p, context, own, terms.get(id(p))), p.population, p) for p in options),
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
        m.why.extend(notes)  # (before the score: ``one_sense`` reads the last reason)
        m.why.append(f"score {best:.1f} < {ACCEPT}")
    elif m.confidence < (floor := SET_ASIDE_FLOOR if notes else CONFIDENCE_FLOOR):
        m.why.extend(notes)
        m.why.append(f"confidence {m.confidence:.2f} < {floor}: readings too close to choose")
    else:
        m.chosen = place
        if not final:
            accepted.append(m)  # (the first pass's choices only say where the article is: no evidence)
            return
        m.evidence = evidence(terms[id(place)])
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
