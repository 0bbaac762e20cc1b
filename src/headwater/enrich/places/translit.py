"""Fold place names so that spellings that reach English through Arabic, French and Russian meet:
At-Tanf / Al-Tanf / Et-Tanf, Deir Ez-Zur / Dayr al-Zawr, El-Khol / al-Hol, Dzhizel / Jazal."""
from __future__ import annotations

import re
import unicodedata

# Arabic definite articles as they are transliterated (al-, el-, and the sun-letter forms).
ARTICLES = frozenset("al el il ul ar er as es ash esh at et ad ed az ez an en ath adh ed dh".split())
# "ch" stays: it is "sh" in French spellings but "tsch" in English ones (China is not Sina).
_DIGRAPHS = [("dzh", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("sh", "s"), ("th", "t"),
             ("dh", "d"), ("ts", "s"), ("ph", "f"), ("ou", "u"), ("ee", "i"), ("oo", "u"), ("q", "k"), ("c", "k"),
             ("x", "ks")]
_VOWELS = re.compile(r"(?<=.)[aeiouyw]")
_APOS = re.compile(r"[’'`ʿʾ‘]")


def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).encode("ascii", "ignore").decode().lower()


def fold_token(tok: str) -> str:
    """One word, lowercased, accents, apostrophes and transliteration digraphs folded (a Cyrillic
    word romanised first)."""
    if has_cyrillic(tok):
        tok = cyrillic_to_latin(tok)
    t = _APOS.sub("", ascii_fold(tok))
    t = re.sub(r"[^a-z0-9]", "", t)
    for a, b in _DIGRAPHS:
        t = t.replace(a, b)
    t = re.sub(r"(.)\1+", r"\1", t)  # Hassakeh = Hasakeh
    if len(t) > 3 and t.endswith(("ah", "eh")):  # ta marbuta: Hasakah = Hasakeh = Hasaka
        t = t[:-2] + "a"
    return t


def words(name: str) -> list[str]:
    """Split a name into words at spaces, hyphens and slashes ("Deir Ez-Zor" -> Deir, Ez, Zor)."""
    return [w for w in re.split(r"[\s\-‐–/,.()]+", name) if w]


# Abbreviated generic words of place names: St. Louis = Saint Louis, Mt. Pleasant = Mount Pleasant.
# Loudon Co. = Loudon County. (Values are folded as keys are: "county" is "kunty".)
ABBREVIATED = {"st": "saint", "ste": "sainte", "mt": "munt", "ft": "fort", "pt": "point", "co": "kunty"}


def key_token(tok: str) -> str:
    """A word as it stands in a key: folded, abbreviations spelt out."""
    t = fold_token(tok)
    return ABBREVIATED.get(t, t)


def fold(name: str) -> str:
    """The exact-match key of a name: folded words without Arabic articles."""
    toks = [key_token(w) for w in words(name)]
    toks = [t for t in toks if t and t not in ARTICLES]
    return " ".join(toks)


def skeleton(key: str) -> str:
    """The fuzzy key: consonants of each folded word (first letter kept): Dayr Zawr = Deir Zor."""
    return " ".join(re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", w)) for w in key.split())


# --- Other scripts -------------------------------------------------------------------------
# Cyrillic to Latin, letter by letter, in the spirit of the common news romanisations (BGN/PCGN
# for Russian, the national ones for Ukrainian and Bulgarian): the result is folded like any Latin
# spelling, so Эт-Танф meets At-Tanf and Москва meets GeoNames' "Moskva". Soft and hard signs vanish.
_CYRILLIC = dict(zip("абвгдезийклмнопрстуфхцчшщыэюяёєіїґўъь",
                     ["a", "b", "v", "g", "d", "e", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
                      "f", "kh", "ts", "ch", "sh", "shch", "y", "e", "yu", "ya", "e", "ye", "i", "yi", "g", "u", "", ""],
                     strict=True))
_CYRILLIC["ж"] = "zh"
_ARABIC_NORMAL = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "ة": "ه",
                                "ـ": None})


def is_latin(tok: str) -> bool:
    return any("a" <= c <= "z" for c in ascii_fold(tok))


def has_cyrillic(tok: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in tok)


def cyrillic_to_latin(tok: str) -> str:
    return "".join(_CYRILLIC.get(c, _CYRILLIC.get(c.lower(), c)) for c in tok.lower())


def native_token(tok: str) -> str:
    """A word of a non-Latin script as it stands in a native key: casefolded, diacritics and
    Arabic letter variants (hamza seats, Persian kaf and ye, ta marbuta) folded, the Arabic
    article al- dropped (GeoNames writes التنف, news التنف and تنف alike)."""
    t = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", tok).casefold())
    t = "".join(c for c in t if not unicodedata.combining(c)).translate(_ARABIC_NORMAL)
    t = _APOS.sub("", t)
    if t.startswith("ال") and len(t) > 4:
        t = t[2:]
    return t


def native_key(name: str) -> str:
    """The key of a name written in a non-Latin script (empty for Latin names)."""
    ws = words(name)
    if not ws or any(is_latin(w) for w in ws):
        return ""
    return " ".join(t for t in (native_token(w) for w in ws) if t)


# Russian, Ukrainian and Bulgarian case endings, longest first, with what the dictionary form may end
# in instead: Москве -> Москва, Киеве -> Киев, Сирии -> Сирия, Украины -> Украина, Донбассе -> Донбасс.
# A suffix-stripping fallback, tried only where the inflected form itself names nothing.
_CASE_ENDINGS = (("ами", ("а", "я", "")), ("ями", ("я", "")), ("ого", ("ий", "ое", "ый")), ("ой", ("а", "ая", "ый")),
                 ("ей", ("я", "ь", "")), ("ом", ("", "о")), ("ем", ("ь", "й", "е", "")), ("ах", ("а", "")),
                 ("ии", ("ия",)), ("ие", ("ия",)), ("ию", ("ия",)), ("ье", ("ья",)),
                 ("е", ("а", "", "я", "о")), ("ы", ("а",)), ("и", ("я", "ь", "а", "")), ("у", ("а", "")),
                 ("ю", ("я", "ь")), ("а", ("",)), ("я", ("ь", "й")), ("і", ("а", "я", "")))


def uninflected(tok: str) -> list[str]:
    """Dictionary forms a Cyrillic word may be an inflection of (most likely first)."""
    low = tok.lower()
    out: list[str] = []
    for end, subs in _CASE_ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 3:
            out.extend(low[: -len(end)] + s for s in subs)
    return out
