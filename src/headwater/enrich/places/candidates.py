"""Place candidates: every span of words the gazetteer knows, with what the text around it says
(NER label, part of speech, cue words, datelines, titles) for ``places`` to score."""
from __future__ import annotations

import bisect
import itertools
import re
import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from headwater.enrich.places.cues import Tail, kind_words, postpositions, prepositions_tail
from headwater.enrich.places.cues import patterns as cue_patterns
from headwater.enrich.places.gazetteer import (
    ABBREV_PREFIX,
    ACRONYM_PREFIX,
    Gazetteer,
    Place,
    abbrev_key,
)
from headwater.enrich.places.translit import (
    ABBREVIATED,
    ARTICLES,
    ascii_fold,
    cyrillic_to_latin,
    fold,
    fold_token,
    has_cyrillic,
    is_latin,
    key_token,
    native_token,
    uninflected,
)
from headwater.lang.marks import CASE_SUFFIX, MARKS

if TYPE_CHECKING:
    from spacy.tokens import Doc


# Similarity (difflib ratio of folded keys) a same-skeleton spelling needs to count as a variant:
# baguz fokani ~ baguz fawkani (0.88), jizel ~ jazal (0.8); hamas ~ hims (0.67) stays apart.
FUZZY_RATIO = 0.78
# Sina'a is one word; Hasakah’s is Hasakah; U.S. and U.K. are words
# (a word goes on through its combining marks: Devanagari's vowel signs and viramas are no word
# characters for ``\w``, which cut "दिल्ली" into pieces no gazetteer name matches)
# (letters, then runs of marks each with the letters after it: the words of
# ``[^\W_](?:[^\W_]+|[MARKS]+)*``, but read a run of letters at a time instead of through an alternation
# a character at a time, a quarter less time over the peer corpora and the narratives set, same spans)
WORD = re.compile(rf"(?:[A-Z]\.){{2,}}|[^\W_]+(?:[{MARKS}]+[^\W_]*)*(?:['’ʿ](?![sS]\b)[^\W_]+(?:[{MARKS}]+[^\W_]*)*)?")
GAP = re.compile(r"^[ \t\-‐–]{1,2}$")  # what may stand between the words of one name
MAX_WORDS = 5
# Words after a place that make it a disease's name: "West Nile virus", "Rift Valley fever", "Spanish flu".
DISEASE_AFTER = re.compile(r"^[\s\-]*(?:virus|viruses|fever|flu|influenza|encephalitis|disease|strain)\b", re.I)
# A legislator's party and hometown after the name: "Rep. Vicki Lensing, D-Iowa City", "(R-Elbow Lake)"
# (the comma or bracket keeps "D-Day" out).
PARTY_BEFORE = re.compile(r"(?:,\s|\()[DRI]-$")
# Words after a name that make it a street's: "Washington Avenue", "Decatur Blvd.", "Malta Road".
STREET_AFTER = re.compile(r"^ (?:Street|St\.|Avenue|Ave\.?|Road|Rd\.?|Drive|Boulevard|Blvd\.?|Lane|Ln\.?)(?!\w)")
# Words after a town that make it the home of people or of local bodies: "a Gainesville man",
# "Raytown police", "the Athens City Council", "St. Louis-based".
LOCAL_AFTER = re.compile(r"^(?:[’']s)?\s*(?:-based|man|woman|men|women|teen(?:ager)?s?|boy|girl|couple|residents?|"
                         r"natives?|family|families|police|sheriff|firefighters?|fire department|city council|"
                         r"town council|council|councilm[ae]n|councilwom[ae]n|mayor|school board|board of|schools?|"
                         r"high school|school district|city hall|town hall|hospital|library|officials)\b", re.I)
# A capitalised word right after a name that the gazetteer does not continue: the name may be part
# of a longer one ("Nord Stream", "Jordan Junior Olympic"). Local bodies ("Athens Police") are cues.
NAME_GOES_ON = re.compile(r"^ (?!(?:of|and|or|the|in|on|at|to|for|by|with|from)\b)[A-ZА-ЯЁЄІЇҐ][a-zа-яёєіїґ]")
# (Cyrillic too: "Владимир Путин" is a man, not Volodymyr-Volynskyi)
# A capitalised word right before a name, itself inside a sentence (a word or a comma before it):
# "disse Dmitri Peskov", "à Assembleia Federal"; not a sentence's first word ("Em Paris", "В Москве").
NAME_BEFORE = re.compile(r"(?:[^\W\d_]|[,;]) [A-ZА-ЯЁЄІЇҐ][^\W\d_]+ $")
# A dateline: a town in capitals opening the text or a sentence, then a dash or colon, perhaps with
# its state and the agency between: "MANSFIELD — The Law Enforcement Center", "BEIRUT: The body",
# "RIDGE FARM, Ill. (AP) —".
DATELINE_AFTER = re.compile(r"^\s*(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*)?(?:\([^)]{1,40}\)\s*)?(?:—|–|--|-|:)")
# (or after the date a byline ends with: "Advocate Reporter March 30, 2009 NEWARK --")
DATELINE_BEFORE = re.compile(r"(?:^|[.!?\"”’]\s+|\n\s*|\b(?:19|20)\d\d\s+)$")
# The endings of nationality words and adjectives: "Syrian", "Lebanese", "Kurdish", "Iraqi", "Arabic".
DEMONYM_LIKE = re.compile(r"(?:an|ans|ian|ians|ese|ish|i|is|ic|ch|ds|ks)$")
# A list of counties: "Muscogee and Harris counties", "Becker, Clay, Douglas or Grant counties".
COUNTY_LIST = re.compile(r"\b((?:[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)?, )*[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)?,? "
                         r"(?:and|or|&) [A-Z][\w'.-]*(?: [A-Z][\w'.-]*)?) (counties|parishes)\b")
# ("the state of Washington"; and after the name, a division's own offices: "New York Governor",
# "New York's attorney general", "Jakarta's legislature" are the state's or province's, not the city's)
# (matched backwards, ``cues.Tail``: \b(?:province|governorate|oblast|region|state) of\s+(?:the\s+)?$)
ADMIN_BEFORE = Tail(r"(?:\s+eht)?\s+fo (?:ecnivorp|etaronrevog|tsalbo|noiger|etats)\b")
ADMIN_AFTER = re.compile(r"^[\s\-’'s]*(?:province|governorate|oblast|region|state|county|governor|gov\.|"
                         r"legislature|legislators|lawmakers|attorney general)\b", re.I)
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
# Dependency labels of what a verb or a preposition acts on (spaCy's English labels).
OBJECTS = frozenset(("dobj", "pobj", "obj"))
# Lowercase words that may stand inside a place name: "Bab al-Hawa", "Kafr Nabl", "Rostov-on-Don".
CONNECTORS = frozenset("of the de la le du des del di da do dos das au aux on upon sur am an im bin ibn kwa".split())
TITLES = frozenset("mr mrs ms dr gen general president minister king prince sheikh emir colonel col lt major commander "
                   "spokesman spokeswoman envoy ambassador senator judge imam pope saint st".split())
NEVER = frozenset("january february march april may june july august september october november december monday tuesday "
                  "wednesday thursday friday saturday sunday god allah jan feb mar apr jun jul aug sep sept oct nov dec "
                  "mon tue tues wed thu thur thurs fri sat sun "
                  # the planet ("Earth's atmosphere" is no Earth, Texas)
                  "earth".split())
NEVER_KEYS = NEVER | frozenset(key_token(w) for w in NEVER)
# Words that make a name generic when all its words are among them ("Southern City", "Eastern").
GENERIC = frozenset("north south east west northern southern eastern western central upper lower new old great little "
                    "city town village state county district region province area capital centre center valley river lake "
                    "mount mountain island bay port fort saint union liberty independence freedom victory unity peace "
                    "hope summit crossing junction station market airport harbor harbour beach park square street "
                    "road avenue bridge hill hills lake falls springs heights university college "
                    # (with the article: "The City Council" is no village GeoNames lists as "The City")
                    "the".split())
GENERIC_KEYS = frozenset(key_token(w) for w in GENERIC) | frozenset(key_token(w) for w in ("st", "mt", "ft"))
@dataclass(slots=True)  # (read attribute by attribute for every reading of every name: slots read faster)
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
    local: bool = False  # its people or local bodies follow ("Athens City Council"), here or at another mention
    street: bool = False  # a street's name: "Washington Avenue", "Southeast Fourth Avenue"
    admin_after: bool = False
    admin_before: bool = False
    pos: str | None = None
    capitalized: bool = True
    person_context: bool = False
    dateline: bool = False
    name_goes_on: bool = False  # "Nord Stream", "Paris Hilton": a capitalised word follows
    surname: bool = False  # the article names a person with this word as surname ("John Turner")
    # labelled PERSON alone, with nothing else in the article making it a person: no first name or
    # surname of a longer person's name, no title, no age ("Russian forces shelled Kharkiv")
    lone_person: bool = False
    as_object: bool = False  # the object of a verb or a preposition ("shelled Kharkiv"), not the one who acts
    disease: bool = False  # names a disease: "West Nile virus", "Spanish flu"
    common_word: bool = False  # capitalised, but the article writes the word in lower case too
    bare: bool = False  # one word of a script without capitals, nothing around it marking it as a place
    unparsed: bool = False  # its article's parse has no entities (a blank pipeline: Portuguese, Bulgarian...)
    after_name: bool = False  # ends a capitalised pair inside a sentence in a parse without entities ("Dmitri Peskov")
    foreign_script: bool = False  # a Latin-script word in an article written in another script ("Shell" in Bulgarian)
    other_language: bool = False  # its article is known to be in a language other than English ("Halep" in Turkish)
    labelled: bool = False  # a Latin-script word in a parse with entities: the parser could call it a place
    brand: bool = False  # opens an organization's or product's name that is no body of the place ("Nord Stream")
    within: Mention | None = None  # the division or country named right after it: "Athens, Texas"
    listed: bool = False  # in a list with names the parser labelled places ("Zambia, Malawi, and Mozambique")
    typed: bool = False  # a kind of place is named with it: "the town of Pulawy", "Orientale province"
    # "the" before a name that ends its phrase ("served in the Rada for 22 years"): English gives a
    # town's name no article, a body's or a building's it does
    the_named: bool = False
    list_level: str | None = None  # what the other names of its list surely are ("state": "Utah, ... and Wyoming")
    partners: frozenset[str] = frozenset()  # the keys of the other names of its list ("Paris and Henry County")
    chosen: Place | None = None
    best: Place | None = None  # the best-scored reading, accepted or not
    score: float = 0.0
    metonymy: bool = False
    in_title: bool = False  # found in the title, which has no offsets in the text: votes for focus only
    native: bool = False  # written in another script (Москва, دمشق): matched by its name in that script
    confidence: float | None = None  # how sure the choice is (0-1), from the margin over the runner-up
    why: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)  # what chose the reading (``resolve._score`` terms)
    # ``footing.alias`` of its readings, by the reading's id (held with the reading: no other's id)
    aliases: dict[int, tuple[Place, bool]] = field(default_factory=dict, repr=False, compare=False)


def cased_script(word: str) -> bool:
    """Whether the word's script has capitals (Latin, Cyrillic, Greek), where a capital marks a name."""
    return word[:1].isupper() or word[:1].islower()


def word_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD.finditer(text)]


# Words recur across articles: fold each once (bounded, so a long run keeps a steady footprint).
_key = lru_cache(maxsize=200_000)(key_token)
_folded = lru_cache(maxsize=50_000)(fold_token)
# A name's key (``fold``), kept likewise: the resolver and the focus ask for the same names' keys again and again.
name_key = lru_cache(maxsize=100_000)(fold)


def _latin(word: str) -> bool:
    """``is_latin`` without folding an ASCII word (most words of English news: folding is the identity)."""
    return word.lower() != word.upper() if word.isascii() else is_latin(word)  # (ASCII: a letter has a case)


# Words of Latin-script languages that are also Arabic articles romanised: "an Arlington spokeswoman" is not a
# name "An Arlington", nor French "et en Allemagne" one "et en Allemagne" (et: and; en: in; es: is, Spanish).
# Before a space they are taken as those words ("At Tanf" is found as "Tanf"); hyphenated, as Arabic.
ENGLISH_ARTICLES = frozenset({"an", "as", "at", "et", "en", "es"})
# An elided article or preposition before a name (French, Italian, Catalan): "l'Ukraine", "d'Alep", "dell'Iraq";
# the name is what follows it (when no name holds the whole word: "d'Ivoire" stays in "Côte d'Ivoire").
ELIDED = re.compile(r"^(?:[lLdDjJnNsS]|[Qq]u|[Dd]ell|[Dd]all|[Nn]ell|[Ss]ull|[Aa]ll)['’](?=[^\W\d_])")
# An abbreviated division after a town and a comma: "Charleston, W.Va.", "Peoria, Ill.", "Quincy, Mass."
# And a legislator's party and state: "Nancy Pelosi, D-Calif", "Jay Rockefeller, D-W. Va.".
ABBREV_AFTER = re.compile(r"(?<=[^\W\d_]), ((?:[A-Z][a-z]{0,4}\. ?){1,2})(?=\W|$)"
                          r"|\b[DRI]-((?:[A-Z][a-z]{0,4}(?:\.|(?=[\s,)]))\s?){1,2})")


# An abbreviated division used as an adjective, before a word in lower case: "Mass. legislators", "Fla.
# economist", "W.Va. lawmakers" (a full stop before a lower-case word ends no sentence); not before a
# function word, where it is a word's full stop in a sentence that goes on ("went to Mass. on Sunday").
ABBREV_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z][a-z]{0,4}\.){1,2})(?= (?!(?:on|in|at|and|or|to|for|with|the|a|an|"
                           r"of|by|from|as|but|is|was|were|are|he|she|they|it|we|i)\b)[a-z])")


# Letters (as written) a one-word name in a script without capitals needs to name a town: Hindi
# परम and कब are words (3 and 2 letters), دمشق, पर्म are names (4, vowel signs counted). Cyrillic
# capitalises names, so Рим (Rome) and Уфа stand.
NATIVE_MIN_CHARS = 4
# Arabic-script words carry their prepositions and conjunctions: وموسكو "and Moscow", بدمشق "in Damascus".
_ARABIC_CLITICS = ("وال", "بال", "لل", "فال", "و", "ب", "ل", "ف")


def _native_lookup(gaz: Gazetteer, toks: list[str], nkeys: list[str]) -> tuple[list[Place], str]:
    """Places named by words of another script: as written, then (the last word) in its dictionary
    form (Москве -> Москва) or without a clitic (بدمشق -> دمشق)."""
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
    elif len(nkeys) == 1:
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


@lru_cache(maxsize=200_000)
def _token(t: str) -> tuple[str, bool, str, bool, bool]:
    """What ``candidates`` asks of a word, whatever its place in the text (kept: words recur across
    articles): its key; whether it may open a name; its key in another script; whether it is an Arabic
    article; whether it may stand inside a name after its first word."""
    key = key_token(t)
    # capitalised, or an elided article before a capital: d'Ivoire, l'Aquila
    # (scripts without capitals, such as Arabic, Persian and Devanagari: any word may start a name)
    upper = t[0].isupper() or t[0].isdigit() or (len(t) > 2 and t[1] in "'’" and t[2].isupper()) \
        or (t[0].isalpha() and not t[0].islower())
    # words in other scripts, keyed as the gazetteer keys names in those scripts
    # (an ASCII word is Latin without folding: most words of English news, a quarter of geoparsing time)
    nkey = native_token(t) if not t.isascii() and t[0].isalpha() and not is_latin(t) else ""
    # Arabic articles as written, not as folded: "all" folds to "al" ("all Mansfield residents"); in
    # Cyrillic as romanised letter by letter ("Эт-Танф"), but no acronym ("ЕС" is the EU)
    article = key in ARTICLES and (cyrillic_to_latin(t) if has_cyrillic(t) else ascii_fold(t)) in ARTICLES \
        and not (has_cyrillic(t) and t.isupper())
    # (``cased`` below, or its Cyrillic alternative; a possessive s too, which only the text tells)
    named = upper or article or t in CONNECTORS or t.lower() in TYPE_WORDS or bool(nkey and has_cyrillic(t))
    return key, upper, nkey, article, named


# What ``candidates`` read for a run of words: (key, places, exact, demonym, native, and the characters of
# an elided article before the name and of a case suffix after it: "l'Ukraine", "Ankara'da").
_Read = tuple[str, list[Place], bool, bool, bool, int, int]
# Runs of words read, kept with the gazetteer (names and capitalised words recur across articles),
# up to this many (then started afresh): about 200 bytes a run, 20 MB at most; 1,500 articles of the
# peer corpora leave 21,000 (most of them runs that name nothing).
MEMO_SIZE = 100_000
_MEMO: weakref.WeakKeyDictionary[Gazetteer, dict[tuple[str, str | None], _Read | None]] = weakref.WeakKeyDictionary()


def candidates(text: str, gaz: Gazetteer) -> list[Mention]:
    """Every span of up to MAX_WORDS words that names a gazetteer place, longest first at each word;
    and the demonyms ("Sri Lankan") and the abbreviated divisions after a town ("Dover, Del.")."""
    ws = word_spans(text)
    nw = len(ws)
    toks = [text[a:b] for a, b in ws]
    keys, upper, nkeys, article, named = (list(x) for x in zip(*map(_token, toks), strict=True)) if toks \
        else ([], [], [], [], [])
    # a possessive or plural s cut off by WORD: "People's Republic" joins as "peoples"
    poss = [t == "s" and a > 0 and text[a - 1] in "'’" for t, (a, _) in zip(toks, ws, strict=True)]
    gaps = [text[a:b] for (_, a), (b, _) in itertools.pairwise(ws)]
    joinable = [g == " " or bool(GAP.match(g)) or (poss[j + 1] and ws[j][1] + 1 == ws[j + 1][0])
                or (g in (".", ". ") and _folded(toks[j]) in ABBREVIATED)  # St. Louis
                for j, g in enumerate(gaps)]
    # a word that may stand after a name's first word (``cased`` below, or its Cyrillic alternative)
    name_word = [w or p for w, p in zip(named, poss, strict=True)]
    memo = _MEMO.setdefault(gaz, {})

    def read(n: int) -> _Read | None:
        """The place reading of the n words from word i, or None (a pure function of the words, their
        gaps and, after a comma, the next word: kept on the gazetteer for the names of other articles)."""
        idx = range(i, i + n)
        sig = [j for j in idx if not article[j]]
        if not sig or not upper[sig[0]] or article[i + n - 1] or poss[i + n - 1] \
                or toks[i + n - 1] in CONNECTORS:
            return None
        cased = all(upper[j] or poss[j] or toks[j] in CONNECTORS or toks[j].lower() in TYPE_WORDS for j in sig[1:])
        # Russian, Ukrainian and Bulgarian capitalise only a name's first word ("Белый дом",
        # "Красная площадь"): lower-case Cyrillic words after it, for names the gazetteer holds so
        if not cased and not all(upper[j] or (nkeys[j] and has_cyrillic(toks[j])) for j in sig[1:]):
            return None
        start, end = ws[i][0], ws[i + n - 1][1]
        surface = text[start:end]
        parts: list[str] = []
        for j in sig:
            if poss[j] and parts:
                parts[-1] += "s"
            else:
                parts.append(keys[j])
        key = " ".join(parts)
        if n > 1 and toks[i + n - 1] in ADMIN_WORDS and any(
                p.kind == "admin_region" for p in gaz.lookup(key.rsplit(" ", 1)[0])):
            # "Jiangsu province", "Kasai Occidental province": the division's name is the words
            # before the lower-case word (which marks it: ``annotate``'s admin_after), as news and
            # geoparsing corpora write it; "Akita Prefecture", capitalised, stays one name
            return None
        exact, demonym, native = True, False, False
        places: list[Place] = []
        if n == 1 and nkeys[i] and not cased_script(toks[i]) and toks[i].lower() in kind_words():
            return None  # a kind of place in a script without capitals: "सागर" (sea) alone is no Sagar
        if all(nkeys[j] for j in idx):  # a name in another script
            places, nkey = _native_lookup(gaz, toks[i:i + n], nkeys[i:i + n])
            native = bool(places)
            if native:
                key = nkey
            elif not cased or not has_cyrillic(toks[i + n - 1]):
                return None  # Arabic, Devanagari...: no romanisation to fall back on
            else:
                # Cyrillic romanised: Эт-Танф is At-Tanf; Эт-Танфе its dictionary form romanised
                for v in uninflected(toks[i + n - 1]):
                    places = gaz.lookup(" ".join([*parts[:-1], key_token(v)]))
                    if places:
                        break
            if n == 1 and toks[i].isupper() and len(toks[i]) <= 4:
                # a word in capitals is an acronym (МИД, ФСБ, ООН): a country or a union (США, ЕС)
                # by its own short name, or a capital in capitals (РИМ, РИГА), no town whose name its
                # letters spell (МИД is no Mead, Washington)
                places = [p for p in places if p.kind != "city" or p.subkind == "capital"
                          or p.population >= 1_000_000]
                if not places:
                    return None
        if not places:
            if not key or key in NEVER_KEYS or all(keys[j] in GENERIC_KEYS for j in sig):
                return None
            bare = surface.replace(".", "")
            if bare.isupper() and len(bare) <= 4:
                key = ACRONYM_PREFIX + name_key(surface)  # US, U.S., UK match acronym spellings only
            # a nationality word names its people's country, whatever towns share it: "Canadian",
            # "Spanish", "German" as "Turkish" and "British" (Canadian, Texas, is "Canadian, Texas")
            demonym_tried = n <= 3 and not (i + n < nw and text[ws[i + n - 1][1]:ws[i + n][0]] == ", "
                                            and any(p.kind == "admin_region" for p in gaz.lookup(keys[i + n])))
            if demonym_tried:
                places = gaz.lookup_demonym(key)
                demonym = bool(places)
            if not places:
                places = gaz.lookup(key)
        else:
            demonym_tried = False
        if not places and n > 1 and toks[i + n - 1].lower() in ADMIN_WORDS:
            # "Akita Prefecture", "Aceh Province": the division under its bare name
            places = [p for p in gaz.lookup(key.rsplit(" ", 1)[0]) if p.kind == "admin_region"]
        if not places and n <= 3 and not demonym_tried:  # (tried above with the same key: none)
            places = gaz.lookup_demonym(key)
            demonym = bool(places)
        if not places and n == 1:
            # "l'Ukraine": Ukraine, after the elided article; "Ankara'da": Ankara, before the case suffix
            # (no fuzzy "lukraine" = Luzern, "ankarada")
            elided, suffixed = ELIDED.match(toks[i]), CASE_SUFFIX.search(toks[i])
            if elided is not None or suffixed is not None:
                skip = elided.end() if elided is not None else 0
                cut = len(toks[i]) - suffixed.start() if suffixed is not None and elided is None else 0
                stem_key = _key(toks[i][skip:len(toks[i]) - cut])
                places = gaz.lookup(stem_key) if stem_key not in NEVER_KEYS else []
                return (stem_key, places, True, False, False, skip, cut) if places else None
        if not places and len(key.replace(" ", "")) >= 5 and not key.startswith(ACRONYM_PREFIX):
            places = gaz.lookup_fuzzy(key, FUZZY_RATIO)
            exact = False
        return (key, places, exact, demonym, native, 0, 0) if places else None

    out: list[Mention] = []
    i = 0
    while i < nw:
        if not upper[i] and not article[i]:
            i += 1  # names start with a capital or an article
            continue
        if toks[i].lower() in ENGLISH_ARTICLES and i + 1 < nw and text[ws[i][1]:ws[i + 1][0]] == " ":
            i += 1
            continue
        reach = 1
        while reach < MAX_WORDS and i + reach < nw and joinable[i + reach - 1]:
            reach += 1
        # (no longer than the first word after the name's first that could stand in no name: the
        # n-grams through it fail the casing test below, and most of the text's words are such)
        # (most names open with a word that is no article, and are one word long: no generator for those)
        first = i if not article[i] else next((j for j in range(i + 1, i + reach) if not article[j]), i + reach)
        if first + 1 < i + reach:
            reach = next((j - i for j in range(first + 1, i + reach) if not name_word[j]), reach)
        found = None
        for n in range(reach, 0, -1):
            end = ws[i + n - 1][1]
            # (the next word matters only after a comma: "Canadian, Texas" is no nationality)
            ck = (text[ws[i][0]:end], keys[i + n] if i + n < nw and text[end:ws[i + n][0]] == ", " else None)
            if ck in memo:
                hit = memo[ck]
            else:
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                hit = memo[ck] = read(n)
            if hit is not None:
                key, places, exact, demonym, native, skip, cut = hit
                found = Mention(ws[i][0] + skip, end - cut, ck[0][skip:len(ck[0]) - cut], key, exact, list(places),
                                demonym=demonym, native=native)
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
    for am in ABBREV_BEFORE.finditer(text):
        abbr = am.group(1)
        places = [p for p in gaz.lookup(abbrev_key(abbr)) if p.kind == "admin_region"]
        if places:  # "Western Mass. stargazers" is Massachusetts, no Mas of the Veneto
            a, b = am.start(1), am.end(1)
            if any(m.start < b and a < m.end and m.key.startswith(ABBREV_PREFIX) for m in out):
                continue
            out = [m for m in out if not (m.start < b and a < m.end)]
            out.append(Mention(a, b, abbr, abbrev_key(abbr), True, places))
    for cm in COUNTY_LIST.finditer(text) if " counties" in text or " parishes" in text else ():
        word = "County" if cm.group(2) == "counties" else "Parish"
        for nm in re.finditer(r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)?", cm.group(1)):
            places = gaz.lookup(fold(f"{nm.group(0)} {word}"))
            if places:
                a, b = cm.start(1) + nm.start(), cm.start(1) + nm.end()
                out = [m for m in out if not (m.start < b and a < m.end)]
                out.append(Mention(a, b, nm.group(0), fold(f"{nm.group(0)} {word}"), True, places))
    out.sort(key=lambda m: m.start)
    return out


class Ents:
    """The parse's entities by character offsets, for quick overlap look-ups."""

    def __init__(self, doc: Doc | None) -> None:
        self.items = [(e.start_char, e.end_char, e.label_) for e in doc.ents] if doc is not None else []
        # whether the parse has entities at all (the blank pipelines have none); looked up once a doc
        self.parsed = doc is not None and doc.has_annotation("ENT_IOB")
        self.starts = [e[0] for e in self.items]

    def overlapping(self, start: int, end: int) -> tuple[int, int, str] | None:
        k = bisect.bisect_left(self.starts, end)
        for j in range(k - 1, max(-1, k - 4), -1):
            a, b, _label = self.items[j]
            if a < end and start < b:
                return self.items[j]
        return None


# Common nouns that make a name opening with a place that place's body: "Athens Police Department",
# "Arlington Chamber of Commerce", "Ohio State University", "Georgian Foreign Ministry". A place
# followed by other proper names is part of a brand or a person ("Nord Stream", "Dubai World Cup",
# "Paris Hilton"): no place.
ORG_WORDS = frozenset(
    "police department dept council city county town village board school schools district college university "
    "hospital chamber commerce court library museum church fire sheriff government ministry foreign defence "
    "defense interior office authority airport port state assembly parliament senate legislature army navy "
    "forces guard military embassy consulate parish municipality mayor zoo park center centre times post "
    "herald tribune journal news daily gazette star press radio tv television club "
    # (local public bodies: "Zionsville Education Foundation", "Burlington Selectman", "Chattahoochee
    # Judicial Circuit", "Concord Regional Crimeline", "Grand Ledge Emergency Services")
    "education selectman selectmen selectboard judicial circuit regional emergency commission commissioners".split())
# How a brand's name goes on after the place that opens it: a word ("Nord Stream", "Peabody Energy")
# or a possessive ("McDonald's"). A slash or a dash joins two places the parser took as one name
# ("Otter Tail/Grant county line", "Plainview-Elgin Millville", "Star Lake - Highway 59").
BRAND_TAIL = re.compile(r"^(?: [^\W_]|['’]s\b)")
# Words before a place in the name of the place's part or area: "the Northeast Texas ...", "Metro Vancouver".
_PARTS = ("north|south|east|west|northern|southern|eastern|western|central|upper|lower|northeast(?:ern)?|"
          "northwest(?:ern)?|southeast(?:ern)?|southwest(?:ern)?|greater|metro")
LEAD_PARTS = re.compile(rf"(?i)^(?:the\s+)?(?:(?:{_PARTS})\s+)*")
OF_TAIL = re.compile(rf"(?i)\bof\s+(?:the\s+)?(?:(?:{_PARTS})\s+)*$")
# A division's own name: "Butler County", "Orleans Parish", "Akita Prefecture".
DIVISION_NAME = re.compile(r"\s(?:County|Parish|Borough|Township|Province|Prefecture|Governorate|Oblast)$")
# "the" right before a name, and the name's phrase ending right after it (a punctuation mark, or a
# word that opens no longer name: a preposition, a verb of saying or being, a relative pronoun): "in
# the Rada for", "the Knesset, which" (not "the Moscow government", "the London mayor": a place's name
# used as a noun's modifier keeps the article of its noun; nor "and", which may join it to another
# modifier: "in the Gaston and Swansea area schools").
THE_BEFORE = re.compile(r"(?<![^\W\d_])the\s+$")
PHRASE_ENDS = re.compile(r"[’']s\b|(?:\s*(?:[,.;:!?)\]\"”]|$)|\s+(?:for|in|on|at|of|to|from|with|by|as|over|"
                         r"under|after|before|since|until|is|was|were|are|has|had|have|said|says|will|would|could|"
                         r"voted|passed|approved|adopted|rejected|which|that|who)\b)")
# Entity kinds a place may head or end and still be a place: "Athens Police Department",
# "University of Alexandria", "Georgian Foreign Ministry". Not people ("Jordan Henderson") or works.
HEADED = frozenset({"ORG", "FAC", "GPE", "LOC", "NORP", "EVENT"})
# the last run of Latin letters and dots before a name (its title: "Gen.", "Mr"), found backwards
_LAST_LATIN_WORD = re.compile(r"[^A-Za-z.]*([A-Za-z.]+)")
_LETTERS = re.compile(r"[^\W\d_]+")


def annotate(m: Mention, text: str, doc: Doc | None, ents: Ents | None = None) -> None:
    before, after = text[max(0, m.start - 40):m.start], text[m.end:m.end + 30]
    hometown = bool(PARTY_BEFORE.search(before))
    cue_before, cue_after, locative = cue_patterns()  # (the language packs' words: ``cues``)
    m.cue_before = hometown or bool(cue_before.search(before))
    m.local = bool(LOCAL_AFTER.match(after))
    # a kind of place named with it ("the town of Pulawy", "Orientale province"), not only a preposition
    m.typed = (m.cue_before and not hometown and not prepositions_tail().search(before)) \
        or (not m.local and bool(cue_after.match(after)))
    m.cue_after = m.local or bool(cue_after.match(after))
    m.disease = bool(DISEASE_AFTER.match(after))
    m.street = bool(STREET_AFTER.match(after))
    m.name_goes_on = bool(NAME_GOES_ON.match(after)) and not m.cue_after
    m.dateline = len(m.surface) >= 3 and m.surface.isupper() and bool(DATELINE_AFTER.match(after)) \
        and bool(DATELINE_BEFORE.search(before))
    m.admin_after = bool(ADMIN_AFTER.match(after))
    m.admin_before = bool(ADMIN_BEFORE.search(before))
    m.the_named = bool(THE_BEFORE.search(before)) and bool(PHRASE_ENDS.match(after))
    prev = _LAST_LATIN_WORD.match(before[::-1])
    m.person_context = (prev.group(1)[::-1] if prev else "").lower().rstrip(".") in TITLES
    ents = ents or Ents(doc)
    m.unparsed = doc is not None and not ents.parsed
    m.bare = m.native and " " not in m.surface and not cased_script(m.surface) and not (
        m.cue_before or m.cue_after or m.dateline or postpositions().match(after))
    if doc is not None and not ents.parsed and " " not in m.surface and not (
            m.cue_before or m.cue_after or m.dateline) and (m.name_goes_on or NAME_BEFORE.search(before)) \
            and not any(p.kind == "country" or p.subkind == "continent" for p in m.candidates) \
            and not locative.search(before):
        # a parse without entities (the blank pipelines of Portuguese, Bulgarian, Ukrainian...): a word
        # beside another capitalised word inside a sentence is part of a person's or a body's name
        # ("Vladimir Putin", "Dmitri Peskov", "Assembleia Federal"), unless a place word or the bare
        # locative marks it ("посланик в Москва Лин Трейси"); countries and continents ("Северна
        # Африка", "Южна Азия") stand. Measured on the narratives set's Portuguese, Bulgarian and
        # Hindi articles: 129 fewer places, nearly all people's names (Vladimir 54, Peskov 13).
        m.inside_entity = True
        m.after_name = bool(NAME_BEFORE.search(before))
    if doc is None or not _latin(m.surface):
        return  # the parse is English: its labels say nothing of words in other scripts
    m.labelled = ents.parsed
    if len(m.surface.split()) == 1 and " " not in m.surface:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span) == 1:
            m.pos = span[0].pos_ or None  # (none from a blank pipeline: Portuguese, Spanish, German...)
            tok = span[0]
            while tok.dep_ == "conj" and tok.head.i != tok.i:
                tok = tok.head  # ("shelled Kherson and Kharkiv": as its list's first name is)
            m.as_object = tok.dep_ in OBJECTS
    ent = ents.overlapping(m.start, m.end)
    if ent is None or hometown:
        return  # (a legislator's hometown is the place whatever name the parser made of it)
    a, b, m.ner = ent
    lead, tail = text[a:m.start], text[m.end:b]
    extra = [w for w in _LETTERS.findall(lead + " " + tail) if _key(w) not in ARTICLES]  # (as folded)
    if extra and not all(w.lower() in PLACE_WORDS for w in extra):
        # the place opens the name, perhaps after a part of it: "Northeast Texas Community College",
        # "Metro Vancouver" (the region's bodies)
        head = not LEAD_PARTS.sub("", lead).strip()
        of_tail = bool(OF_TAIL.search(lead)) and not tail.strip(" .,'’s")  # "Bank of America", "of Western Pennsylvania"
        if m.ner in HEADED and (head or of_tail):
            m.heads_entity = True
            # "Nord Stream", "Dubai World Cup": proper names after the place, none of them a body's
            # (a county's or province's full name opens only its own bodies: "Butler County Coroner",
            # "Henderson County Crimestoppers")
            m.brand = head and m.ner not in ("GPE", "LOC", "NORP") and not any(w.lower() in ORG_WORDS for w in extra) \
                and not DIVISION_NAME.search(m.surface) and bool(BRAND_TAIL.match(tail))
        elif head and m.cue_after:
            # a local body or office right after the place opening a person's or a work's name: the
            # parser took the title in ("Anderson County Sheriff Greg Taylor", "Avondale Mayor Ed Rieker")
            m.heads_entity = True
        elif not tail.strip(" .,'’s") and prepositions_tail().search(lead):
            pass  # the parser ran a name on past a preposition of place: "the Russian Armed Forces to Kyiv"
        else:
            m.inside_entity = True  # "Hayat Tahrir al-Sham", "Hassan al-Wali": part of another name


