"""Place cues and seats of government, from the language packs (``lang/<code>/places.yaml``).

Each language keeps its own words in its own pack, one home per language: the prepositions and the
words for kinds of places that make the name beside them a place ("in Homs", "the province of Idlib",
"Homs province", "провинция Идлиб", "cidade de Lisboa", "इदलिब प्रांत"), the bare locative that marks
a name as a place where a town is matched only by an alternate name ("em Nova Iorque", "в Брюсселе"),
and the names of seats of government as the language writes them ("Casa Branca", "Белый дом"), which
the gazetteer adds to the supplement's entries of those seats.

The cues of all packs are read together: an article's language may be misdetected, quotes mix
languages, and words of different languages seldom collide in front of a capitalised name. English
keeps its historical patterns ("of" after a kind word before the name, "the" allowed before it).
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from headwater.lang import ensure_languages

# Letters that continue a word, for the end of a cue word: ``\w`` and the combining marks (vowel
# signs of Devanagari are marks, not word characters: "जिले" would end before its last sign).
_WORD_GOES_ON = r"(?![\w\u0300-\u036f\u0900-\u097f])"


def _packs() -> list[tuple[str, dict[str, Any]]]:
    langs = ensure_languages()
    out = []
    for code in sorted(langs):
        data = langs.get(code).data("places")
        if isinstance(data, dict):
            out.append((code, data))
    return out


def _alternation(words: set[str]) -> str:
    """Words (of one or more tokens) as a regex alternation, longest first; spaces match any run of spaces."""
    return "|".join(r"\s+".join(re.escape(t) for t in w.split()) for w in sorted(words, key=lambda w: (-len(w), w)))


def _reversed_alternation(words: set[str]) -> str:
    """``_alternation`` of the words spelt backwards (for ``Tail``)."""
    return "|".join(r"\s+".join(re.escape(t[::-1]) for t in reversed(w.split()))
                    for w in sorted(words, key=lambda w: (-len(w), w)))


class Tail:
    """A pattern that must end where the text ends ("in Homs": the text before a name ends in "in "),
    matched on the text spelt backwards with the pattern spelt backwards. ``re`` tries a search at
    every position of the text, and for the prepositions before each candidate that was a tenth of
    geoparsing's time; backwards it is one try at the start. (``\\b`` reads alike both ways; built from
    the same words as the forward patterns, which ``search`` with offsets into a longer text keeps.)"""

    def __init__(self, backwards: str) -> None:
        self._backwards = re.compile(backwards, re.I)

    def search(self, text: str) -> bool:
        return self._backwards.match(text[::-1]) is not None


def _words(data: dict[str, Any], key: str) -> set[str]:
    return {str(w) for w in data.get(key) or () if str(w).strip()}


class BeforeCue:
    """Whether the text right before a name makes it a place: English by its patterns ("in Homs", "the
    province of Idlib"), the other packs by a look-up of the last words ("провинции Идлиб", "cidade de
    Lisboa"): a regex alternation of every pack's words, searched at every position, tripled the time
    of geoparsing's regex searches."""

    def __init__(self, english: Tail, kinds: set[str], linked: set[str], links: set[str],
                 not_english: Tail | None = None) -> None:
        self.english = english
        self.not_english = not_english  # phrases ending in a preposition that place nothing: "according to"
        self.kinds = frozenset(w.lower() for w in kinds)  # a kind word right before the name
        self.linked = frozenset(w.lower() for w in linked)  # ...or before one of ``links`` ("cidade de")
        self.links = frozenset(w.lower() for w in links)

    def search(self, before: str) -> bool:
        if self.english.search(before):
            return self.not_english is None or not self.not_english.search(before)
        if not before[-1:].isspace() or before.rstrip()[-1:] in _SENTENCE_END:
            return False  # (a kind word ending the sentence before is no cue: "of the entire region.\n\nHersh")
        last = _last_words(before[-40:])
        if not last:
            return False
        if last[-1].lower() in self.kinds:
            return True
        return len(last) == 2 and last[-1].lower() in self.links and last[-2].lower() in self.linked


# (a sentence's end, then the spaces before the name)
_SENTENCE_END = frozenset('.!?:;…»”"')
# A word: a letter, then letters and marks (``_WORD_GOES_ON``); as runs of either, found backwards.
_RUN = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f\u0900-\u097f])+")
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_RUN = re.compile(r"[A-Za-z]+")


def _last_words(text: str) -> list[str]:
    """The text's last two words, in order (fewer if it has fewer): each run of letters and marks is
    a word from its first letter (marks before any letter open none). Found from the end: the words
    before are never looked at."""
    if text.isascii():
        # (no marks in ASCII: every run is a word of letters; one pass of a plain class over the
        # 40 characters costs a fifth of the runs found backwards through the letters-or-marks alternation)
        return _ASCII_RUN.findall(text)[-2:]
    out: list[str] = []
    for run in _RUN.finditer(text[::-1]):
        word = run.group()[::-1]
        first = _LETTER.search(word)
        if first is not None:
            out.insert(0, word[first.start():])
            if len(out) == 2:
                break
    return out


@cache
def patterns() -> tuple[BeforeCue, re.Pattern[str], re.Pattern[str]]:
    """(cue before, cue after, locative before) over the packs' words: ``search`` the text before a
    name, ``match`` the text after it."""
    english, afters, locatives = r"(?!x)x", [], set()
    not_english: Tail | None = None
    kinds: set[str] = set()
    linked: set[str] = set()
    links: set[str] = set()
    for code, data in _packs():
        before, after, of = _words(data, "before"), _words(data, "after"), _words(data, "of")
        locatives |= _words(data, "locative")
        if code == "en":
            # "in Homs", "the province of Idlib", "outskirts of the capital"
            preps = _words(data, "prepositions")
            # (spelt backwards for ``Tail``: \b(?:PREPS|(?:BEFORE)\s+(?:OF))\s+(?:the\s+)?$)
            english = (r"(?:\s+eht)?\s+(?:"
                       rf"{_reversed_alternation(preps)}|(?:{_reversed_alternation(of)})\s+(?:{_reversed_alternation(before)}))\b")
            not_english = _not_prepositions(data)
            # "Homs province", "al-Hol camp", "Aleppo's countryside", "Mosul Dam"
            afters.append(rf"^[\s\-’'s]*(?:{_alternation(after)}){_WORD_GOES_ON}")
            continue
        kinds |= before  # "провинция Идлиб"; with the language's "of" too: "província de Idlib"
        if of:
            linked |= before
            links |= of
        if after:
            afters.append(rf"^\s+(?:{_alternation(after)}){_WORD_GOES_ON}")
    never = r"(?!x)x"
    after_re = re.compile("|".join(afters) or never, re.I)
    locative_re = re.compile(rf"(?:^|\s)(?:{_alternation(locatives)})\s+$" if locatives else never, re.I)
    return BeforeCue(Tail(english), kinds, linked, links, not_english), after_re, locative_re


def _not_prepositions(data: dict[str, Any]) -> Tail | None:
    """The pack's phrases that end in a preposition of place but place nothing ("according to Comer",
    "due to Reading"): the name after them is a person's, a body's or a thing's as often as a place's."""
    phrases = _words(data, "not_prepositions")
    # (backwards: \b(?:PHRASES)\s+(?:the\s+)?$)
    return Tail(rf"(?:\s+eht)?\s+(?:{_reversed_alternation(phrases)})\b") if phrases else None


def seat_names() -> dict[str, list[str]]:
    """Seats of government (by their names in the places supplement) -> their names in the packs."""
    out: dict[str, list[str]] = {}
    for _code, data in _packs():
        for seat, names in (data.get("seats") or {}).items():
            out.setdefault(str(seat), []).extend(str(n) for n in names or ())
    return out


def packs_text() -> str:
    """The packs' place data as read, for the gazetteer index's cache key (seat names are indexed)."""
    return repr([(code, data.get("seats")) for code, data in _packs()])


@cache
def prepositions() -> re.Pattern[str]:
    """The English prepositions of place right before a name ("in", "into", "around", perhaps with
    "the"): a cue for the name, but before a longer name ("in Nord Stream") for that name instead."""
    for code, data in _packs():
        if code == "en":
            phrases = _words(data, "not_prepositions")
            lookbehinds = "".join(rf"(?<!\b{re.escape(w.rsplit(' ', 1)[0])} )" for w in phrases)
            # (fixed-width look-behinds, one a phrase: "according to" is no preposition of place)
            return re.compile(rf"\b{lookbehinds}(?:{_alternation(_words(data, 'prepositions'))})\s+(?:the\s+)?$",
                              re.I)
    return re.compile(r"(?!x)x")


@cache
def prepositions_tail() -> Tail:
    """``prepositions`` for a text that ends at the name (``Tail``: one try, not one a position)."""
    for code, data in _packs():
        if code == "en":
            phrases = _words(data, "not_prepositions")
            # (backwards, the look-behinds are look-aheads: "in" not after "according to")
            not_after = "".join(rf"(?! {re.escape(w.rsplit(' ', 1)[0][::-1])}\b)" for w in phrases)
            return Tail(rf"(?:\s+eht)?\s+(?:{_reversed_alternation(_words(data, 'prepositions'))})\b{not_after}")
    return Tail(r"(?!x)x")


@cache
def kind_words() -> frozenset[str]:
    """Every pack's words for kinds of places ("city", "sea", "सागर", "река"), lower-cased: in a script
    without capitals such a word standing alone is the common noun, not the town GeoNames also
    calls so (Hindi सागर "sea" in "दक्षिण चीन सागर", the South China Sea, is no Sagar, Madhya Pradesh)."""
    out: set[str] = set()
    for _code, data in _packs():
        out |= {w.lower() for w in _words(data, "before") | _words(data, "after") if " " not in w}
    return frozenset(out)


@cache
def words_apart() -> frozenset[str]:
    """The languages in Arabic script that write no preposition or conjunction on the next word (their
    pack's ``places.yaml`` says ``written_apart: true``): no Arabic clitic is taken off their words."""
    return frozenset(code for code, data in _packs() if data.get("written_apart"))


@cache
def weekday_words() -> frozenset[str]:
    """Every pack's weekday names (``dates.yaml``), lower-cased: in a script without capitals such a word
    alone is the day, not the town GeoNames also calls so (Persian "دوشنبه", Monday, is also Dushanbe's
    name: on the Persian test articles "روز دوشنبه" was read as Tajikistan's capital)."""
    langs = ensure_languages()
    out: set[str] = set()
    for code in sorted(langs):
        data = langs.get(code).data("dates")
        days = data.get("weekdays") if isinstance(data, dict) else None
        if isinstance(days, dict):
            out |= {str(w).lower() for forms in days.values() for w in forms or () if " " not in str(w)}
    return frozenset(out)


@cache
def function_words() -> frozenset[str]:
    """Every pack's function words ("para", "em", "на"), lower-cased: capitalised at a sentence's start
    they are still no place ("Para a representante..." is not the state of Pará)."""
    langs = ensure_languages()
    out: set[str] = set()
    for code in sorted(langs):
        data = langs.get(code).data("stopwords")
        if isinstance(data, list):
            out |= {str(w).lower() for w in data if str(w).strip() and " " not in str(w)}
    return frozenset(out)


@cache
def postpositions() -> re.Pattern[str]:
    """The packs' postpositions of place right after a name ("भोपाल में", in Bhopal), for languages that
    put them after the noun: where no capital marks a name, the grammar still may."""
    words: set[str] = set()
    for _code, data in _packs():
        words |= _words(data, "postpositions")
    return re.compile(rf"^\s+(?:{_alternation(words)}){_WORD_GOES_ON}" if words else r"(?!x)x")
