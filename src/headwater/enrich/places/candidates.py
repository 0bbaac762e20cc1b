"""Place candidates: every span of words the gazetteer knows (exact, by a name in another script, a
nationality word, a spelling variant), the abbreviated divisions after a town ("Dover, Del.") and the
counties of a list ("Boone and Logan counties"), for ``annotate`` to mark and ``resolve`` to score."""
from __future__ import annotations

import itertools
import re
import weakref
from functools import lru_cache

from headwater.enrich.places.cues import kind_words, weekday_words
from headwater.enrich.places.gazetteer import ABBREV_PREFIX, ACRONYM_PREFIX, Gazetteer, abbrev_key
from headwater.enrich.places.mention import Mention
from headwater.enrich.places.native import native_lookup
from headwater.enrich.places.place import Place
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
from headwater.enrich.places.words import cased_script, name_key, word_key, word_spans
from headwater.lang.marks import CASE_SUFFIX

# Similarity (difflib ratio of folded keys) a same-skeleton spelling needs to count as a variant:
# baguz fokani ~ baguz fawkani (0.88), jizel ~ jazal (0.8); hamas ~ hims (0.67) stays apart.
FUZZY_RATIO = 0.78
GAP = re.compile(r"^[ \t\-‐–]{1,2}$")  # what may stand between the words of one name
MAX_WORDS = 5
# A list of counties: "Muscogee and Harris counties", "Becker, Clay, Douglas or Grant counties".
COUNTY_LIST = re.compile(r"\b((?:[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)?, )*[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)?,? "
                         r"(?:and|or|&) [A-Z][\w'.-]*(?: [A-Z][\w'.-]*)?) (counties|parishes)\b")
# Lowercase words that may end a place name: "al-Sina'a prison", "Al-Hol camp", "Shaer gas field".
TYPE_WORDS = frozenset("prison camp base airbase airport field gas oil dam river desert mountains valley crossing refugee "
                       "garrison port plant refinery mine district province governorate".split())
# Words after a division's name that are part of what news calls it: "Akita Prefecture".
# (Not "State", "County", "Department": "Ohio State University", "Lancashire County Council", "Kansas
# Department of Transportation" name organizations.)
ADMIN_WORDS = frozenset("province prefecture governorate oblast krai".split())
# Lowercase words that may stand inside a place name: "Bab al-Hawa", "Kafr Nabl", "Rostov-on-Don".
CONNECTORS = frozenset("of the de la le du des del di da do dos das au aux on upon sur am an im bin ibn kwa".split())
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
# Words recur across articles: fold each once (bounded, so a long run keeps a steady footprint).
_folded = lru_cache(maxsize=50_000)(fold_token)


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
_MEMO: weakref.WeakKeyDictionary[Gazetteer, dict[tuple[str, str | None, bool], _Read | None]] = weakref.WeakKeyDictionary()


def candidates(text: str, gaz: Gazetteer, clitics: bool = True) -> list[Mention]:
    """Every span of up to MAX_WORDS words that names a gazetteer place, longest first at each word;
    and the demonyms ("Sri Lankan") and the abbreviated divisions after a town ("Dover, Del."). With
    ``clitics`` off, an Arabic-script word is never read without a first letter taken for a clitic
    (Persian writes its prepositions apart: "باران" is rain, not "ب" + Aran)."""
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
        if n == 1 and nkeys[i] and not cased_script(toks[i]) and (
                toks[i].lower() in kind_words() or toks[i].lower() in weekday_words()):
            return None  # a kind of place or a weekday in a script without capitals: "सागर" (sea) alone is no Sagar
        if all(nkeys[j] for j in idx):  # a name in another script
            places, nkey = native_lookup(gaz, toks[i:i + n], nkeys[i:i + n], clitics)
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
                stem_key = word_key(toks[i][skip:len(toks[i]) - cut])
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
            mk = (*ck, clitics)
            if mk in memo:
                hit = memo[mk]
            else:
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                hit = memo[mk] = read(n)
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
