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

import bisect
import itertools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from headwater.enrich.gazetteer import (
    ABBREV_PREFIX,
    ACRONYM_PREFIX,
    FUZZY_MIN_POPULATION,
    Gazetteer,
    Place,
    abbrev_key,
)
from headwater.enrich.translit import ABBREVIATED, ARTICLES, fold, fold_token, key_token

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Sina'a is one word; Hasakah’s is Hasakah; U.S. and U.K. are words
WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:['’ʿ](?![sS]\b)[^\W_]+)?")
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
# Words after a town that make it the home of people or of local bodies: "a Gainesville man",
# "Raytown police", "the Athens City Council", "St. Louis-based".
LOCAL_AFTER = re.compile(r"^(?:[’']s)?\s*(?:-based|man|woman|men|women|teen(?:ager)?s?|boy|girl|couple|residents?|"
                         r"natives?|family|families|police|sheriff|firefighters?|fire department|city council|"
                         r"town council|council|councilm[ae]n|councilwom[ae]n|mayor|school board|board of|schools?|"
                         r"high school|school district|city hall|town hall|hospital|library|officials)\b", re.I)
# A capitalised word right after a name that the gazetteer does not continue: the name may be part
# of a longer one ("Nord Stream", "Jordan Junior Olympic"). Local bodies ("Athens Police") are cues.
NAME_GOES_ON = re.compile(r"^ (?!(?:of|and|or|the|in|on|at|to|for|by|with|from)\b)[A-Z][a-z]")
# A dateline: a town in capitals opening the text or a sentence, then a dash or colon, perhaps with
# its state and the agency between: "MANSFIELD — The Law Enforcement Center", "BEIRUT: The body",
# "RIDGE FARM, Ill. (AP) —".
DATELINE_AFTER = re.compile(r"^\s*(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*)?(?:\([^)]{1,40}\)\s*)?(?:—|–|--|-|:)")
DATELINE_BEFORE = re.compile(r"(?:^|[.!?\"”’]\s+|\n\s*)$")
# The endings of nationality words and adjectives: "Syrian", "Lebanese", "Kurdish", "Iraqi", "Arabic".
DEMONYM_LIKE = re.compile(r"(?:an|ans|ian|ians|ese|ish|i|is|ic|ch|ds|ks)$")
# A list of counties: "Muscogee and Harris counties", "Becker, Clay, Douglas or Grant counties".
COUNTY_LIST = re.compile(r"\b((?:[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)?, )*[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)?,? "
                         r"(?:and|or|&) [A-Z][\w'.-]*(?: [A-Z][\w'.-]*)?) (counties|parishes)\b")
ADMIN_BEFORE = re.compile(r"\b(?:province|governorate|oblast|region) of\s+(?:the\s+)?$", re.I)
ADMIN_AFTER = re.compile(r"^[\s\-’'s]*(?:province|governorate|oblast|region|state|county)\b", re.I)
# Generic words of Arabic place names: a candidate inside an entity may leave only these around it.
PLACE_WORDS = frozenset(
    "jisr tal tell ain ayn deir dayr bir wadi jabal jebel khan qasr ras bab kafr maarat maaret camp base prison "
    "airbase air refugee province governorate city town village district region zone desert field gas oil dam river "
    "mount mountain valley crossing border port al el the of and "
    "north south east west northern southern eastern western central upper lower".split())
# Lowercase words that may end a place name: "al-Sina'a prison", "Al-Hol camp", "Shaer gas field".
TYPE_WORDS = frozenset("prison camp base airbase airport field gas oil dam river desert mountains valley crossing refugee "
                       "garrison port plant refinery mine district province governorate".split())
# Words after a division's name that are part of what news calls it: "Akita Prefecture".
# (Not "State", "County", "Department": "Ohio State University", "Lancashire County Council", "Kansas
# Department of Transportation" name organizations.)
ADMIN_WORDS = frozenset("province prefecture governorate oblast krai".split())
# Lowercase words that may stand inside a place name: "Bab al-Hawa", "Kafr Nabl", "Rostov-on-Don".
CONNECTORS = frozenset("of the de la le du des del di da do dos das au aux on upon sur am an im bin ibn kwa".split())
TITLES = frozenset("mr mrs ms dr gen general president minister king prince sheikh emir colonel col lt major commander "
                   "spokesman spokeswoman envoy ambassador senator judge imam pope saint st".split())
NEVER = frozenset("january february march april may june july august september october november december monday tuesday "
                  "wednesday thursday friday saturday sunday god allah jan feb mar apr jun jul aug sep sept oct nov dec "
                  "mon tue tues wed thu thur thurs fri sat sun".split())
NEVER_KEYS = NEVER | frozenset(key_token(w) for w in NEVER)
# Words that make a name generic when all its words are among them ("Southern City", "Eastern").
GENERIC = frozenset("north south east west northern southern eastern western central upper lower new old great little "
                    "city town village state county district region province area capital centre center valley river lake "
                    "mount mountain island bay port fort saint union liberty independence freedom victory unity peace "
                    "hope summit crossing junction station market airport harbor harbour beach park square street "
                    "road avenue bridge hill hills lake falls springs heights".split())
GENERIC_KEYS = frozenset(key_token(w) for w in GENERIC) | frozenset(key_token(w) for w in ("st", "mt", "ft"))
# Score needed to accept a mention, on the scale of ``_score`` (tuned on the seeds' and FA-KES's
# spelling variety with person and organization names as negatives: at 2.0 Al Hasakah tagged PERSON
# in a Syrian context passes and Hassan al-Wali does not).
ACCEPT = 2.0
# Similarity (difflib ratio of folded keys) a same-skeleton spelling needs to count as a variant:
# baguz fokani ~ baguz fawkani (0.88), jizel ~ jazal (0.8); hamas ~ hims (0.67) stays apart.
FUZZY_RATIO = 0.78
# Spelling variants are taken for towns of 100,000 people or more (``FUZZY_MIN_POPULATION``, the
# gazetteer indexes variants of nothing smaller), bases, camps and provinces: small places are
# rarely written in many spellings, and their skeletons collide with ordinary words (Katyusha ~ Catoosa).
# A name accepted in one place of the article is accepted at its other mentions that score this much
# below ACCEPT (a bare "Tyler" after "in Tyler", a headline "Mansfield OKs..."): the article has
# shown it names a place. As much as a PERSON label costs: "In Homs itself", tagged PERSON, is Homs.
SAME_NAME_MARGIN = 1.5
# Penalty for a town matched only through one of its alternate names (GeoNames lists old, local and
# foreign names: "Paris" is also Saint Paris, Ohio; "Manhattan" New York City). ``_base`` gives 0.4
# per tenfold population, so a town needs some 50 times the people of a namesake to win under an
# alternate name (Bombay still does). Tuned on the peer corpora (LGL, GeoVirus): 0.5 to 1.0 score
# alike there; the seeds and FA-KES do not move.
ALIAS_PENALTY = 0.7
# Penalty for a name a capitalised word follows (``NAME_GOES_ON``) unless it opens an organization's
# name ("Arlington Chamber of Commerce" is in Arlington). One point: a place tagged GPE out of the
# article's countries then falls under ACCEPT ("Russia's Nord Stream" is no region of Burkina Faso),
# one in them, or with a cue, does not. Raised GeoVirus and the seeds' precision, cost LGL 0.1.
NAME_GOES_ON_PENALTY = 1.0
# Bonus for a reading in a first-level division that the article's other names may also lie in
# (``_Context.support``, capped at one full vote): as much as a country named in the text. Tuned on
# the peer corpora: on LGL (local US news) it is worth 4 points, and with the exclusions in ``_score``
# (a state is not helped by its own name's region) it costs GeoVirus nothing.
SUPPORT_WEIGHT = 1.0
# ...and, for a state, province, country or national capital, for one in the country the other
# names may lie in (Georgia among American towns is the state, Washington the capital). Given to
# every reading (towns included) at 0.5, it lowered both peer corpora by about one point.
COUNTRY_SUPPORT_WEIGHT = 1.0
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
    demonym: bool = False  # "Georgian", "Sri Lankans": names the place through its people
    ner: str | None = None
    inside_entity: bool = False
    heads_entity: bool = False  # "Paris Police Department", "University of Alexandria": a place naming an organization
    cue_before: bool = False
    cue_after: bool = False
    admin_after: bool = False
    admin_before: bool = False
    pos: str | None = None
    capitalized: bool = True
    person_context: bool = False
    dateline: bool = False
    name_goes_on: bool = False  # "Nord Stream", "Paris Hilton": a capitalised word follows
    within: Mention | None = None  # the division or country named right after it: "Athens, Texas"
    chosen: Place | None = None
    best: Place | None = None  # the best-scored reading, accepted or not
    score: float = 0.0
    metonymy: bool = False
    in_title: bool = False  # found in the title, which has no offsets in the text: votes for focus only
    why: list[str] = field(default_factory=list)


def _words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(text)]


# Words recur across articles: fold each once (bounded, so a long run keeps a steady footprint).
_key = lru_cache(maxsize=200_000)(key_token)


# English words that are also Arabic articles: "an Arlington spokeswoman" is not a name "An Arlington".
# Before a space they are taken as English ("At Tanf" is found as "Tanf"); hyphenated, as Arabic.
ENGLISH_ARTICLES = frozenset({"an", "as", "at"})
# An abbreviated division after a town and a comma: "Charleston, W.Va.", "Peoria, Ill.", "Quincy, Mass."
# And a legislator's party and state: "Nancy Pelosi, D-Calif", "Jay Rockefeller, D-W. Va.".
ABBREV_AFTER = re.compile(r"(?<=[^\W\d_]), ((?:[A-Z][a-z]{0,4}\. ?){1,2})(?=\W|$)"
                          r"|\b[DRI]-((?:[A-Z][a-z]{0,4}(?:\.|(?=[\s,)]))\s?){1,2})")


def candidates(text: str, gaz: Gazetteer) -> list[Mention]:
    """Every span of up to MAX_WORDS words that names a gazetteer place, longest first at each word;
    and the demonyms ("Sri Lankan") and the abbreviated divisions after a town ("Dover, Del.")."""
    ws = _words(text)
    nw = len(ws)
    toks = [text[a:b] for a, b in ws]
    keys = [_key(t) for t in toks]
    # capitalised, or an elided article before a capital: d'Ivoire, l'Aquila
    upper = [t[0].isupper() or t[0].isdigit() or (len(t) > 2 and t[1] in "'’" and t[2].isupper()) for t in toks]
    # a possessive or plural s cut off by WORD: "People's Republic" joins as "peoples"
    poss = [t == "s" and a > 0 and text[a - 1] in "'’" for t, (a, _) in zip(toks, ws, strict=True)]
    joinable = [bool(GAP.match(text[ws[j][1]:ws[j + 1][0]])) or (poss[j + 1] and ws[j][1] + 1 == ws[j + 1][0])
                or (fold_token(toks[j]) in ABBREVIATED and text[ws[j][1]:ws[j + 1][0]] in (".", ". "))  # St. Louis
                for j in range(nw - 1)]
    out: list[Mention] = []
    i = 0
    while i < nw:
        if not upper[i] and keys[i] not in ARTICLES:
            i += 1  # names start with a capital or an article
            continue
        if toks[i].lower() in ENGLISH_ARTICLES and i + 1 < nw and text[ws[i][1]:ws[i + 1][0]] == " ":
            i += 1
            continue
        reach = 1
        while reach < MAX_WORDS and i + reach < nw and joinable[i + reach - 1]:
            reach += 1
        found = None
        for n in range(reach, 0, -1):
            idx = range(i, i + n)
            sig = [j for j in idx if keys[j] not in ARTICLES]
            if not sig or not upper[sig[0]] or keys[i + n - 1] in ARTICLES or poss[i + n - 1] \
                    or toks[i + n - 1] in CONNECTORS:
                continue
            if not all(upper[j] or poss[j] or toks[j] in CONNECTORS or toks[j].lower() in TYPE_WORDS for j in sig[1:]):
                continue
            start, end = ws[i][0], ws[i + n - 1][1]
            surface = text[start:end]
            parts: list[str] = []
            for j in sig:
                if poss[j] and parts:
                    parts[-1] += "s"
                else:
                    parts.append(keys[j])
            key = " ".join(parts)
            if not key or key in NEVER_KEYS or all(keys[j] in GENERIC_KEYS for j in sig):
                continue
            bare = surface.replace(".", "")
            if bare.isupper() and len(bare) <= 4:
                key = ACRONYM_PREFIX + fold(surface)  # US, U.S., UK match acronym spellings only
            places = gaz.lookup(key)
            exact, demonym = True, False
            if not places and n > 1 and toks[i + n - 1].lower() in ADMIN_WORDS:
                # "Akita Prefecture", "Aceh Province": the division under its bare name
                places = [p for p in gaz.lookup(key.rsplit(" ", 1)[0]) if p.kind == "admin_region"]
            if not places and n <= 3:
                places = gaz.lookup_demonym(key)
                demonym = bool(places)
            if not places and len(key.replace(" ", "")) >= 5 and not key.startswith(ACRONYM_PREFIX):
                places = gaz.lookup_fuzzy(key, FUZZY_RATIO)
                exact = False
            if places:
                found = Mention(start, end, surface, key, exact, places, demonym=demonym)
                i += n
                break
        if found:
            out.append(found)
        else:
            i += 1
    for am in ABBREV_AFTER.finditer(text):
        abbr = (am.group(1) or am.group(2)).rstrip()
        key = abbrev_key(abbr if abbr.endswith(".") else abbr + ".")
        places = gaz.lookup(key)
        if places:  # "Kan." after a town is Kansas, whatever a word "Kan" may name
            a = am.start(1) if am.group(1) else am.start(2)
            b = a + len(abbr)
            out = [m for m in out if not (m.start < b and a < m.end)]
            out.append(Mention(a, b, abbr, key, True, places))
    for cm in COUNTY_LIST.finditer(text):
        word = "County" if cm.group(2) == "counties" else "Parish"
        for nm in re.finditer(r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)?", cm.group(1)):
            places = gaz.lookup(fold(f"{nm.group(0)} {word}"))
            if places:
                a, b = cm.start(1) + nm.start(), cm.start(1) + nm.end()
                out = [m for m in out if not (m.start < b and a < m.end)]
                out.append(Mention(a, b, nm.group(0), fold(f"{nm.group(0)} {word}"), True, places))
    out.sort(key=lambda m: m.start)
    return out


class _Ents:
    """The parse's entities by character offsets, for quick overlap look-ups."""

    def __init__(self, doc: Doc | None) -> None:
        self.items = [(e.start_char, e.end_char, e.label_) for e in doc.ents] if doc is not None else []
        self.starts = [e[0] for e in self.items]

    def overlapping(self, start: int, end: int) -> tuple[int, int, str] | None:
        k = bisect.bisect_left(self.starts, end)
        for j in range(k - 1, max(-1, k - 4), -1):
            a, b, _label = self.items[j]
            if a < end and start < b:
                return self.items[j]
        return None


# Entity kinds a place may head or end and still be a place: "Athens Police Department",
# "University of Alexandria", "Georgian Foreign Ministry". Not people ("Jordan Henderson") or works.
HEADED = frozenset({"ORG", "FAC", "GPE", "LOC", "NORP", "EVENT"})


def _annotate(m: Mention, text: str, doc: Doc | None, ents: _Ents | None = None) -> None:
    before, after = text[max(0, m.start - 40):m.start], text[m.end:m.end + 30]
    m.cue_before = bool(CUE_BEFORE.search(before))
    m.cue_after = bool(CUE_AFTER.match(after) or LOCAL_AFTER.match(after))
    m.name_goes_on = bool(NAME_GOES_ON.match(after)) and not m.cue_after
    m.dateline = len(m.surface) >= 3 and m.surface.isupper() and bool(DATELINE_AFTER.match(after)) \
        and bool(DATELINE_BEFORE.search(before))
    m.admin_after = bool(ADMIN_AFTER.match(after))
    m.admin_before = bool(ADMIN_BEFORE.search(before))
    prev = re.findall(r"[A-Za-z.]+", before)[-1:] or [""]
    m.person_context = prev[0].lower().rstrip(".") in TITLES
    if doc is None:
        return
    if len(m.surface.split()) == 1 and " " not in m.surface:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span) == 1:
            m.pos = span[0].pos_
    ent = (ents or _Ents(doc)).overlapping(m.start, m.end)
    if ent is None:
        return
    a, b, m.ner = ent
    lead, tail = text[a:m.start], text[m.end:b]
    extra = [w for w in re.findall(r"[^\W\d_]+", lead + " " + tail) if fold_token(w) not in ARTICLES]
    if extra and not all(w.lower() in PLACE_WORDS for w in extra):
        head = not re.sub(r"(?i)^the\s*", "", lead).strip()  # the place opens the name
        of_tail = bool(re.search(r"\bof\s+(?:the\s+)?$", lead)) and not tail.strip(" .,'’s")  # "Bank of America"
        if m.ner in HEADED and (head or of_tail):
            m.heads_entity = True
        else:
            m.inside_entity = True  # "Hayat Tahrir al-Sham", "Hassan al-Wali": part of another name


def _base(p: Place) -> float:
    if p.kind == "country":
        return 3.0
    if p.source == "supplement" or p.kind == "admin_region":
        return 2.5
    if p.population >= 1_000_000 or p.subkind == "capital":
        return 2.5  # a national capital is as prominent in news as a city of millions
    return min(2.0, 0.4 + 0.4 * math.log10(max(p.population, 1)) - 0.8) if p.population else 0.1


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
        if country:
            self.countries[country] += 1
            own[0][country] += 1
        if region and region[1]:
            self.regions[region] += 1
            own[1][region] += 1

    def elsewhere(self, key: str) -> bool:
        """Whether names other than ``key`` put the article in some country."""
        return any(self.country(key, cc) > 0 for cc in self.countries)

    def country(self, key: str, cc: str | None) -> int:
        own = self.by_key.get(key)
        return self.countries[cc] - (own[0][cc] if own else 0) if cc else 0

    def region(self, key: str, r: tuple[str | None, str | None]) -> int:
        own = self.by_key.get(key)
        return self.regions[r] - (own[1][r] if own else 0)


_name_key = lru_cache(maxsize=100_000)(fold)


def _first_level(p: Place) -> bool:
    """A first-level division (a state, a province), not a county inside one."""
    return p.kind == "admin_region" and p.admin1 == p.name


def _inside(p: Place, region: Place) -> bool:
    """Whether place ``p`` lies in the division or country ``region``."""
    if region.kind == "country":
        return p.country == region.country and p.kind != "country"
    return region.kind == "admin_region" and p.country == region.country and p.admin1 == region.admin1 \
        and p.id != region.id


def _score(m: Mention, p: Place, context: _Context) -> float:
    s = _base(p)
    if not m.exact:
        s -= 0.8
    elif p.source == "geonames" and p.kind == "city" and not m.key.startswith((ACRONYM_PREFIX, ABBREV_PREFIX)) \
            and _name_key(p.name) != m.key:
        # the name is one of the town's alternate names (old, local or foreign: Paris for Saint Paris,
        # Manhattan for New York City): a town whose own name it is comes first
        s -= ALIAS_PENALTY
    if p.country and context.country(m.key, p.country) > 0:
        s += 1.0
    elif p.kind != "country" and context.elsewhere(m.key):
        s -= 1.5  # Palmyra in a Syria story is not Palmyra, Pennsylvania: leaving the story's countries needs evidence
    if p.kind != "country" and p.admin1 and not _first_level(p):
        # Athens in a story that names Tyler and Dallas is Athens, Texas. Divisions and countries
        # are not helped by their own name's region: in "California, Missouri and Nevada" the
        # states are states, not the towns of Missouri named after the others
        if context.region(m.key, (p.country, p.admin1)) > 0:
            s += 1.0
        s += SUPPORT_WEIGHT * min(1.0, context.supported(m.key, (p.country, p.admin1)))
    if p.country and (p.kind == "country" or _first_level(p) or p.subkind == "capital"):
        # a capital stands for its whole country: Washington among American towns is the capital
        s += COUNTRY_SUPPORT_WEIGHT * min(1.0, context.supported_country(m.key, p.country))
    if m.within is not None:
        # "Athens, Texas", "Charleston, W.Va.": the town of that name inside the division that follows
        s += 2.5 if any(_inside(p, r) for r in m.within.candidates) else -1.0
    if m.demonym:
        s += 1.0 if m.ner in ("NORP", "GPE", None) else -1.5 if m.ner == "PERSON" else 0.0
    elif m.ner in ("GPE", "LOC", "FAC"):
        s += 1.5
    elif m.ner in ("PERSON", "NORP"):
        s -= 1.5
    elif m.ner in ("ORG",) and not m.heads_entity:
        s -= 1.0
    if m.cue_before:
        s += 1.0
    if m.cue_after:
        s += 1.5
    if m.name_goes_on and not (m.heads_entity and m.ner in ("ORG", "FAC")):  # "Arlington Chamber of Commerce"
        s -= NAME_GOES_ON_PENALTY
    if m.dateline:
        s += 2.0  # where the story was filed: a place, whatever the parser made of a word in capitals
    if m.admin_after or m.admin_before:
        # "Homs province", "the province of Idlib": the province, and not some village of that name
        s += 0.7 if p.kind == "admin_region" else -1.0 if p.kind != "country" else 0.0
    if len(m.key.split()) > 1:
        s += 0.5
    if m.pos is not None and m.pos != "PROPN" and m.ner not in ("GPE", "LOC", "FAC") and not m.demonym:
        s -= 2.0
    return s


def _rejected(m: Mention) -> str | None:
    if m.demonym:
        if m.ner in ("LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY",
                     "WORK_OF_ART", "LAW"):
            return f"demonym labelled {m.ner}"  # "in French" is the language
    elif m.ner in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LANGUAGE") \
            or (m.ner == "NORP" and DEMONYM_LIKE.search(m.surface)):
        return f"labelled {m.ner}"  # NORP on a word shaped like a nationality ("Syrian"), not on "Et-Tanf"
    if m.inside_entity:
        return "part of a longer name"
    if m.person_context:
        return "after a personal title"
    return None


def _link_within(mentions: list[Mention], text: str) -> None:
    """"Athens, Texas", "Paris, France", "Charleston, W.Va.": the second names where the first is."""
    for a, b in itertools.pairwise(mentions):
        if b.start - a.end <= 2 and text[a.end:b.start].strip() == "," and not a.demonym and not b.demonym \
                and any(p.kind in ("admin_region", "country") for p in b.candidates) \
                and any(_inside(p, r) for p in a.candidates for r in b.candidates):
            a.within = b
            b.candidates = [r for r in b.candidates if any(_inside(p, r) for p in a.candidates)]


def _initial_context(mentions: list[Mention]) -> _Context:
    """Countries named outright, and countries of names with a single strong reading.
    A country counts where the text puts something in it ("in Syria", "from Iraq"), not where it
    acts ("US forces", "the US has"): news names the actors' countries everywhere."""
    context = _Context()
    for m in mentions:
        if _rejected(m) or m.demonym:
            continue
        countries = {p.country for p in m.candidates if p.kind == "country"}
        if countries and (m.cue_before or (m.within is None and any(x.within is m for x in mentions))):
            for c in countries:
                context.add(m.key, c, None)
        kinds = {p.country for p in m.candidates}
        if len(kinds) == 1 and any(_base(p) >= 2.5 and p.kind != "country" for p in m.candidates):
            for c in kinds:
                context.add(m.key, c, None)
        if m.within is not None:
            for r in m.within.candidates[:1]:
                context.add(m.key, r.country, (r.country, r.admin1) if r.kind == "admin_region" else None)
    return context


def resolve(mentions: list[Mention], text: str, doc: Doc | None, gaz: Gazetteer) -> list[Mention]:
    """Choose a place for each mention, or none; returns the accepted mentions.

    Two passes: the first with the countries the text names, the second adding where the places
    accepted in the first lie (their countries and first-level divisions), so that Athens among
    Tyler and Dallas is Athens, Texas. Then a name keeps one reading through the article."""
    ents = _Ents(doc)
    for m in mentions:
        _annotate(m, text, doc, ents)
    _link_within(mentions, text)
    context = _initial_context(mentions)
    for m in mentions:
        if not _rejected(m) and not m.demonym:
            context.vote(m.key, m.candidates)
    first: list[Mention] = []
    for m in mentions:
        _choose(m, context, first)
    for m in first:
        p = m.chosen
        assert p is not None
        if m.demonym or p.kind == "country" or p.kind == "other" or m.key in gaz.capital_keys:
            continue  # capitals stand for governments, countries for actors: neither says where the story is
        context.add(m.key, p.country, (p.country, p.admin1))
    for m in mentions:
        m.chosen, m.best, m.score, m.why = None, None, 0.0, []
    accepted: list[Mention] = []
    queue = list(mentions)
    while queue:
        m = queue.pop(0)
        accepted_before = len(accepted)
        _choose(m, context, accepted)
        if len(accepted) == accepted_before and len(_words(m.surface)) > 1 and not m.surface.startswith(ABBREV_PREFIX):
            # "Jisr al-Shaddadi" failed as a whole: its tail may still name a place ("al-Shaddadi")
            first_end = _words(m.surface)[0][1]
            sub = [Mention(x.start + m.start + first_end, x.end + m.start + first_end, x.surface, x.key, x.exact,
                           x.candidates, demonym=x.demonym)
                   for x in candidates(m.surface[first_end:], gaz)]
            for x in sub:
                _annotate(x, text, doc, ents)
            queue[:0] = sub
    _one_sense(mentions, accepted)
    return sorted(accepted, key=lambda x: x.start)


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
            accepted.append(m)


def _choose(m: Mention, context: _Context, accepted: list[Mention]) -> None:
    """Pick the mention's best-scoring place and accept it if it scores enough; say why not otherwise."""
    why = _rejected(m)
    if why:
        m.why.append(why)
        return
    options = m.candidates
    if not m.exact:  # a spelling variant is trusted only where the article already is
        # ...and only for places big enough to be written about in many spellings
        options = [p for p in options if p.source == "supplement" or p.kind == "admin_region"
                   or (p.country and context.country(m.key, p.country) > 0 and p.population >= FUZZY_MIN_POPULATION)]
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
    m.score, m.best = best, place
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
    # the capital itself, not a namesake ("the storm hit Athens" in Texas is Athens, Texas)
    if doc is None or p is None or not (p.kind == "country" or (m.key in capitals and p.subkind == "capital")):
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
        if p is None or m.metonymy or m.demonym or (m.surface.isupper() and m.start < DATELINE_ZONE):
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
            if m.chosen and (m.key in known or _base(m.chosen) >= 2.0) and m.chosen.kind != "country" and not m.demonym:
                m.in_title = True
                in_title.append(m)
    places: Found = []
    metonyms: Found = []
    for m in accepted:
        assert m.chosen is not None
        m.metonymy = not m.demonym and is_metonymy(m, doc, gaz.capital_keys)
        item = {"surface": m.surface, "start": m.start, "end": m.end, **m.chosen.as_dict(),
                "match": "demonym" if m.demonym else "exact" if m.exact else "variant", "score": round(m.score, 2)}
        (metonyms if m.metonymy else places).append(item)
    focus = focus_of(in_title + accepted, text, title)
    return places, metonyms, (focus.as_dict() if focus else None)
