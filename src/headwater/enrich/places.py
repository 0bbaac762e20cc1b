"""Places: find every place mention, whatever the spelling, and pin it to the right spot.

Candidates come from the gazetteer across the whole text (all word n-grams, exact then fuzzy
transliteration keys), not from NER labels: spaCy calls Al Hasakah a PERSON and El-Khol an ORG.
NER labels, part of speech and context cues ("province of X", "X camp") only score candidates:
person and organization names, demonyms and common words are rejected. Ambiguous names are resolved
by the article's context (the countries it names, its unambiguous places) and by population.
"""
from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from headwater.enrich.gazetteer import ACRONYM_PREFIX, Gazetteer, Place
from headwater.enrich.translit import ARTICLES, fold, fold_token

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Sina'a is one word; Hasakah’s is Hasakah; U.S. and U.K. are words
WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:['’ʿ](?!s\b)[^\W_]+)?")
GAP = re.compile(r"^[ \t\-‐–]{1,2}$")  # what may stand between the words of one name
MAX_WORDS = 5
# Words before a place: "in Homs", "from X to Y", "the province of X", "outskirts of X".
CUE_BEFORE = re.compile(r"\b(?:in|at|from|to|into|near|toward|towards|outside|around|across|via|through|inside|"
                        r"(?:provinces?|governorates?|city|cities|towns?|villages?|districts?|regions?|areas?|outskirts|"
                        r"countryside|suburbs?|camps?|port|capital|settlements?|neighbou?rhoods?|oblasts?) of)\s+(?:the\s+)?$",
                        re.I)
# Words after a place that say what kind of place it is.
CUE_AFTER = re.compile(r"^[\s\-’'s]*(?:province|governorate|city|town|village|district|region|area|camp|"
                       r"refugee camp|base|air ?base|airport|prison|border|crossing|countryside|suburbs?|oblast|"
                       r"county|field|oil ?field|gas ?field|dam|river|desert|mountains?|valley|plain|zone|"
                       r"neighbou?rhood|port|garrison|checkpoint|municipality|island|bay|strait|sea)\b", re.I)
ADMIN_BEFORE = re.compile(r"\b(?:province|governorate|oblast|region) of\s+(?:the\s+)?$", re.I)
ADMIN_AFTER = re.compile(r"^[\s\-’'s]*(?:province|governorate|oblast|region|state|county)\b", re.I)
# Generic words of Arabic place names: a candidate inside an entity may leave only these around it.
PLACE_WORDS = frozenset(
    "jisr tal tell ain ayn deir dayr bir wadi jabal jebel khan qasr ras bab kafr maarat maaret camp base prison "
    "airbase air refugee province governorate city town village district region zone desert field gas oil dam river "
    "mount mountain valley crossing border port al el the of and".split())
# Lowercase words that may end a place name: "al-Sina'a prison", "Al-Hol camp", "Shaer gas field".
TYPE_WORDS = frozenset("prison camp base airbase airport field gas oil dam river desert mountains valley crossing refugee "
                       "garrison port plant refinery mine district province governorate".split())
# Lowercase words that may stand inside a place name: "Bab al-Hawa", "Kafr Nabl", "Rostov-on-Don".
CONNECTORS = frozenset("of de la le du des del di da on upon sur am an im bin ibn".split())
TITLES = frozenset("mr mrs ms dr gen general president minister king prince sheikh emir colonel col lt major commander "
                   "spokesman spokeswoman envoy ambassador senator judge imam pope saint st".split())
NEVER = frozenset("january february march april may june july august september october november december monday tuesday "
                  "wednesday thursday friday saturday sunday god allah jan feb mar apr jun jul aug sep sept oct nov dec "
                  "mon tue tues wed thu thur thurs fri sat sun".split())
# Words that make a name generic when all its words are among them ("Southern City", "Eastern").
GENERIC = frozenset("north south east west northern southern eastern western central upper lower new old great little "
                    "city town village state county district region province area capital centre center valley river lake "
                    "mount mountain island bay port fort saint union liberty independence freedom victory unity peace "
                    "hope summit crossing junction station market".split())
# Score needed to accept a mention, on the scale of ``_score`` (tuned on the seeds' and FA-KES's
# spelling variety with person and organization names as negatives: at 2.0 Al Hasakah tagged PERSON
# in a Syrian context passes and Hassan al-Wali does not).
ACCEPT = 2.0
# Similarity (difflib ratio of folded keys) a same-skeleton spelling needs to count as a variant:
# baguz fokani ~ baguz fawkani (0.88), jizel ~ jazal (0.8); hamas ~ hims (0.67) stays apart.
FUZZY_RATIO = 0.78
# Spelling variants are taken for towns of about 50,000 people or more (``_base`` 1.6), bases,
# camps and provinces: small places are rarely written in many spellings, and their skeletons
# collide with ordinary words (Katyusha ~ Catoosa).
FUZZY_MIN_BASE = 1.6
# Characters from the start of the text in which an all-capitals place is a dateline.
DATELINE_ZONE = 250


@dataclass
class Mention:
    start: int
    end: int
    surface: str
    key: str
    exact: bool
    candidates: list[Place]
    ner: str | None = None
    inside_entity: bool = False
    cue_before: bool = False
    cue_after: bool = False
    admin_after: bool = False
    admin_before: bool = False
    pos: str | None = None
    capitalized: bool = True
    person_context: bool = False
    chosen: Place | None = None
    score: float = 0.0
    metonymy: bool = False
    in_title: bool = False  # found in the title, which has no offsets in the text: votes for focus only
    why: list[str] = field(default_factory=list)


def _words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(text)]


def candidates(text: str, gaz: Gazetteer) -> list[Mention]:
    """Every span of up to MAX_WORDS words that names a gazetteer place, longest first at each word."""
    ws = _words(text)
    out: list[Mention] = []
    i = 0
    while i < len(ws):
        found = None
        for n in range(min(MAX_WORDS, len(ws) - i), 0, -1):
            span = ws[i:i + n]
            if any(not GAP.match(text[a[1]:b[0]]) for a, b in itertools.pairwise(span)):
                continue
            start, end = span[0][0], span[-1][1]
            surface = text[start:end]
            significant = [text[s:e] for s, e in span if fold_token(text[s:e]) not in ARTICLES]
            if not significant or not (significant[0][0].isupper() or significant[0][0].isdigit()) or not all(
                    w[0].isupper() or w[0].isdigit() or w in CONNECTORS or w.lower() in TYPE_WORDS for w in significant[1:]):
                continue
            if fold_token(text[span[-1][0]:span[-1][1]]) in ARTICLES:
                continue
            key = fold(surface)
            if not key or key in NEVER or all(w.lower() in GENERIC for w in significant):
                continue
            if surface.replace(".", "").isupper() and len(surface.replace(".", "")) <= 4:
                key = ACRONYM_PREFIX + key  # US, U.S., UK match acronym spellings only
            places = gaz.lookup(key)
            exact = True
            if not places and len(key.replace(" ", "")) >= 5 and not key.startswith(ACRONYM_PREFIX):
                places = gaz.lookup_fuzzy(key, FUZZY_RATIO)
                exact = False
            if places:
                found = Mention(start, end, surface, key, exact, places)
                i += n
                break
        if found:
            out.append(found)
        else:
            i += 1
    return out


def _annotate(m: Mention, text: str, doc: Doc | None) -> None:
    before, after = text[max(0, m.start - 40):m.start], text[m.end:m.end + 30]
    m.cue_before = bool(CUE_BEFORE.search(before))
    m.cue_after = bool(CUE_AFTER.match(after))
    m.admin_after = bool(ADMIN_AFTER.match(after))
    m.admin_before = bool(ADMIN_BEFORE.search(before))
    prev = re.findall(r"[A-Za-z.]+", before)[-1:] or [""]
    m.person_context = prev[0].lower().rstrip(".") in TITLES
    if doc is None:
        return
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return
    if len(span) == 1:
        m.pos = span[0].pos_
    for ent in _overlapping(doc, m.start, m.end):
        m.ner = ent.label_
        extra = [w for w in re.findall(r"[^\W\d_]+", text[ent.start_char:m.start] + " " + text[m.end:ent.end_char])
                 if fold_token(w) not in ARTICLES]
        if extra and not all(w.lower() in PLACE_WORDS for w in extra):
            m.inside_entity = True  # "Hayat Tahrir al-Sham", "Hassan al-Wali": part of another name
        break


def _overlapping(doc: Doc, start: int, end: int) -> list[Span]:
    return [e for e in doc.ents if e.start_char < end and start < e.end_char]


def _base(p: Place) -> float:
    if p.kind == "country":
        return 3.0
    if p.source == "supplement" or p.kind == "admin_region":
        return 2.5
    if p.population >= 1_000_000:
        return 2.5
    return min(2.0, 0.4 + 0.4 * math.log10(max(p.population, 1)) - 0.8) if p.population else 0.1


def _score(m: Mention, p: Place, context: Counter[str]) -> float:
    s = _base(p)
    if not m.exact:
        s -= 0.8
    if p.country and context[p.country]:
        s += 1.0
    elif context and p.kind != "country":
        s -= 1.5  # Palmyra in a Syria story is not Palmyra, Pennsylvania: leaving the story's countries needs evidence
    if m.ner in ("GPE", "LOC", "FAC"):
        s += 1.5
    elif m.ner in ("PERSON",):
        s -= 1.5
    elif m.ner in ("ORG",):
        s -= 1.0
    if m.cue_before:
        s += 1.0
    if m.cue_after:
        s += 1.5
    if m.admin_after or m.admin_before:
        # "Homs province", "the province of Idlib": the province, and not some village of that name
        s += 0.7 if p.kind == "admin_region" else -1.0 if p.kind != "country" else 0.0
    if len(m.key.split()) > 1:
        s += 0.5
    if m.pos is not None and m.pos != "PROPN" and m.ner not in ("GPE", "LOC", "FAC"):
        s -= 2.0
    return s


def _rejected(m: Mention) -> str | None:
    if m.ner in ("NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LANGUAGE"):
        return f"labelled {m.ner}"
    if m.inside_entity:
        return "part of a longer name"
    if m.person_context:
        return "after a personal title"
    return None


def resolve(mentions: list[Mention], text: str, doc: Doc | None, gaz: Gazetteer) -> list[Mention]:
    """Choose a place for each mention, or none; returns the accepted mentions."""
    for m in mentions:
        _annotate(m, text, doc)
    # Context: countries named outright, and countries of names with a single strong reading.
    # A country counts where the text puts something in it ("in Syria", "from Iraq"), not where it
    # acts ("US forces", "the US has"): news names the actors' countries everywhere.
    context: Counter[str] = Counter()
    for m in mentions:
        if _rejected(m):
            continue
        countries = {p.country for p in m.candidates if p.kind == "country"}
        if countries and m.cue_before:
            context.update(c for c in countries if c)
        kinds = {p.country for p in m.candidates}
        if len(kinds) == 1 and any(_base(p) >= 2.5 and p.kind != "country" for p in m.candidates):
            context.update(c for c in kinds if c)
    accepted: list[Mention] = []
    queue = list(mentions)
    while queue:
        m = queue.pop(0)
        accepted_before = len(accepted)
        _choose(m, context, accepted)
        if len(accepted) == accepted_before and len(_words(m.surface)) > 1:
            # "Jisr al-Shaddadi" failed as a whole: its tail may still name a place ("al-Shaddadi")
            first_end = _words(m.surface)[0][1]
            sub = [Mention(x.start + m.start + first_end, x.end + m.start + first_end, x.surface, x.key, x.exact, x.candidates)
                   for x in candidates(m.surface[first_end:], gaz)]
            for x in sub:
                _annotate(x, text, doc)
            queue[:0] = sub
    return sorted(accepted, key=lambda x: x.start)


def _choose(m: Mention, context: Counter[str], accepted: list[Mention]) -> None:
    """Pick the mention's best-scoring place and accept it if it scores enough; say why not otherwise."""
    why = _rejected(m)
    if why:
        m.why.append(why)
        return
    options = m.candidates
    if not m.exact:  # a spelling variant is trusted only where the article already is
        # ...and only for places big enough to be written about in many spellings
        options = [p for p in options if p.source == "supplement" or p.kind == "admin_region"
                   or (p.country and context[p.country] and _base(p) >= FUZZY_MIN_BASE)]
        if not options:
            m.why.append("variant of a place outside the article's countries")
            return
    if not (m.admin_after or m.admin_before):
        # a city and its province share a name (Deir ez-Zor, Homs): without "province" it is the city
        # (a big city inside the province of the same name; "California" is still the state)
        seats = {(q.country, q.admin1) for q in options if q.kind == "city" and q.population >= 50_000}
        options = [p for p in options if p.kind != "admin_region" or (p.country, p.admin1) not in seats]
    scored = sorted(((_score(m, p, context), p.population, p) for p in options), key=lambda t: (t[0], t[1]), reverse=True)
    best, _, place = scored[0]
    m.score = best
    if best >= ACCEPT:
        m.chosen = place
        accepted.append(m)
    else:
        m.why.append(f"score {best:.1f} < {ACCEPT}")


# Metonymy: a capital or country standing for its government ("Damascus has requested",
# "the accusation by Moscow", "Washington's plans", "a report from Washington").
GOV_VERBS = frozenset("say request demand accuse deny claim announce insist reject urge warn want refuse respond condemn "
                      "call ask decide agree plan support back send impose threaten blame hope believe argue state allege "
                      "maintain dismiss order approve veto recognize sanction pledge vow seek".split())
GOV_NOUNS = frozenset("accusation accusations plan plans policy decision position claim claims request demand demands "
                      "government support statement ally allies envoy ambassador report response pressure approval "
                      "administration officials stance move refusal backing sanctions orders".split())


def is_metonymy(m: Mention, doc: Doc | None, capitals: frozenset[str]) -> bool:
    p = m.chosen
    if doc is None or p is None or not (p.kind == "country" or m.key in capitals):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    if m.surface.isupper():
        return False  # a dateline ("TEHRAN (Tasnim) –") says where the report was filed
    tok = span.root
    if p.kind != "country" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "poss"):
        return True  # a capital that acts, is acted on or owns plans is its government; places are where things are
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in GOV_VERBS:
        return True
    if tok.dep_ == "poss" and tok.head.lemma_.lower() in GOV_NOUNS:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ("by", "from") and tok.head.head.lemma_.lower() in GOV_NOUNS | GOV_VERBS


def focus_of(mentions: list[Mention], text: str, title: str | None) -> Place | None:
    """Where the article's main reported event happened.

    Mentions vote (early ones, those in the first paragraph and the title weigh more); a place's
    votes also count for its province, so "Douma ... Eastern Ghouta ... Damascus countryside"
    settles the province before the place. The focus is the most-voted place of the most-voted
    province; a country only when nothing more precise is named."""
    if not mentions:
        return None
    head = len(text.split("\n\n")[0]) if text else 0
    title_keys = {fold(w) for w in re.findall(r"[^\W\d_][\w’'-]*", title or "")}
    votes: dict[str, float] = defaultdict(float)
    region_votes: dict[tuple[str | None, str | None], float] = defaultdict(float)
    by_id: dict[str, Place] = {}
    for rank, m in enumerate(mentions):
        p = m.chosen
        if p is None or m.metonymy or (m.surface.isupper() and m.start < DATELINE_ZONE):
            continue  # a dateline ("BEIRUT -") says where the reporter is, not where it happened
        w = 1.0 + 1.0 / (1 + rank)
        if m.start < head:
            w += 1.0
        if m.key in title_keys or any(k in title_keys for k in m.key.split()):
            w += 2.0
        if m.in_title:
            w += 2.0
        votes[p.id] += w
        by_id[p.id] = p
        if p.kind != "country":
            region_votes[(p.country, p.admin1)] += w
    regional = [pid for pid in votes if by_id[pid].kind != "country"]
    if not regional:
        return by_id[max(votes, key=lambda pid: votes[pid])] if votes else None
    region = max(region_votes, key=lambda r: region_votes[r])
    inside = [pid for pid in regional if (by_id[pid].country, by_id[pid].admin1) == region]
    return by_id[max(inside, key=lambda pid: (votes[pid], by_id[pid].kind != "admin_region"))]


Found = list[dict[str, Any]]


def find_places(text: str, doc: Doc | None, gaz: Gazetteer,
                title: str | None = None) -> tuple[Found, Found, dict[str, Any] | None]:
    """(place mentions, metonymic mentions, focus) of one article; offsets index ``text``."""
    accepted = resolve(candidates(text, gaz), text, doc, gaz)
    in_title = []
    if title:
        # Titles are often in Title Case: only names the body also uses, or provinces and
        # cities big enough to be headline places, count from there
        known = {m.key for m in accepted}
        for m in resolve(candidates(title, gaz), title, None, gaz):
            if m.chosen and (m.key in known or _base(m.chosen) >= 2.0) and m.chosen.kind != "country":
                m.in_title = True
                in_title.append(m)
    places: Found = []
    metonyms: Found = []
    for m in accepted:
        assert m.chosen is not None
        m.metonymy = is_metonymy(m, doc, gaz.capital_keys)
        item = {"surface": m.surface, "start": m.start, "end": m.end, **m.chosen.as_dict(),
                "match": "exact" if m.exact else "variant", "score": round(m.score, 2)}
        (metonyms if m.metonymy else places).append(item)
    focus = focus_of(in_title + accepted, text, title)
    return places, metonyms, (focus.as_dict() if focus else None)
