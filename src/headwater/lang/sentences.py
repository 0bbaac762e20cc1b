"""Where a sentence ends in text split without a parse: at an end mark before a space or a line, except
the dot of an abbreviation ("ген. Иванов", "в 2050 г. будет", "т.е. в", "एस. जयशंकर") or of an initial
("В. Путин"), and the lines of a heading.

Each pack lists its abbreviations in ``abbreviations.yaml`` (with their source) in three kinds, by what
the word after the dot says:

- ``titles`` (before a person's name: "ген.", "проф.", "डॉ.") and ``before_names`` (before a street,
  town or saint's name, or an initial: "ул.", "св.", "г. Москва", "एस."): a name follows, the dot never
  ends a sentence;
- ``after_numbers``: units and "year" after a number ("2050 г.", "5 млн."): the dot ends a sentence
  only before a capitalised word (a number often closes a sentence: "… до 2050 г. Тогава …");
- ``inside``: abbreviations inside a sentence ("т.е.", "и др."): as ``after_numbers``, anywhere.

A word in ``before_names`` and ``after_numbers`` ("г.": город before a name, год after a year) reads as
the second after a number. A single capital letter is an initial when a capitalised word follows.

A heading is no sentence of the text around it: a line that ends with a question mark and holds that
one sentence alone ("Що каза министърът?", "विदेश मंत्रालय ने क्या कहा था?") is a subheading in news,
which asks what the next paragraph tells (``heading_question``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from headwater.lang import HERE, folder_data
from headwater.lang.marks import MARKS

if TYPE_CHECKING:
    from headwater.lang import LanguagePack

# The word before a dot, with the dots inside it ("т.е", "ст.н.с", "डॉ") and hyphens ("г-жа", "р-н").
_BEFORE = re.compile(r"(?:(?<=[\s(«„\"“])|^)((?:[^\W\d_][\w" + MARKS + r"\-]*\.)*[^\W\d_][\w" + MARKS + r"\-]*)$")
_NUMBER_BEFORE = re.compile(r"\d\s*$")
_NEXT = re.compile(r"\s*[\"«„“(]*(\S)")
# Words a heading question may hold: a subheading is a line, a paragraph's worth of question is prose.
HEADING_WORDS = 16


@dataclass(frozen=True)
class Abbreviations:
    titles: frozenset[str] = frozenset()
    before_names: frozenset[str] = frozenset()
    after_numbers: frozenset[str] = frozenset()
    inside: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.titles or self.before_names or self.after_numbers or self.inside)


NONE = Abbreviations()


@cache
def _of_folder(folder: str) -> Abbreviations:
    spec = folder_data(Path(folder), "abbreviations") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower().rstrip(".") for w in spec.get(key) or ())

    return Abbreviations(words("titles"), words("before_names"), words("after_numbers"), words("inside"))


def abbreviations(pack: LanguagePack | None) -> Abbreviations:
    """A pack's abbreviations (none without a pack or a file)."""
    return _of_folder(str(pack.folder)) if pack is not None else NONE


def of_language(code: str) -> Abbreviations:
    """The abbreviations of a built-in language's folder (``lang/<code>/``), for its parser, which is
    made before any pack is looked up."""
    return _of_folder(str(HERE / code))


def abbreviated(text: str, dot: int, abbr: Abbreviations) -> bool:
    """Whether the dot at ``text[dot]`` closes an abbreviation or an initial rather than a sentence."""
    m = _BEFORE.search(text, max(0, dot - 24), dot)
    if m is None:
        return False
    word = m.group(1)
    nxt = _NEXT.match(text, dot + 1)
    capital_next = nxt is not None and nxt.group(1).isupper()
    if len(word) == 1 and word.isupper():
        return capital_next  # "В. Путин": an initial before a name
    low = word.lower()
    if low in abbr.after_numbers and _NUMBER_BEFORE.search(text, max(0, m.start() - 4), m.start()):
        return not capital_next
    if low in abbr.titles or low in abbr.before_names:
        return True
    if low in abbr.inside or low in abbr.after_numbers:
        return not capital_next
    return False


def heading_question(text: str, mark: int) -> bool:
    """Whether the question mark at ``text[mark]`` ends a line that is one short question alone: a
    subheading, not a sentence of the paragraph around it."""
    if text[mark:mark + 1] not in ("?", "؟"):
        return False
    after = text[mark + 1:mark + 4].lstrip(" \t\"»“”'’)")
    if after[:1] not in ("\n", ""):
        return False
    line_start = text.rfind("\n", 0, mark) + 1
    line = text[line_start:mark]
    if re.search(r"[.!?।…؟](?:\s|$)", line):
        return False  # another sentence stands on the line: a paragraph that ends with a question
    return 0 < len(line.split()) <= HEADING_WORDS


def ends(pattern: re.Pattern[str], text: str, lo: int, hi: int, abbr: Abbreviations) -> list[re.Match[str]]:
    """The matches of a sentence-end ``pattern`` in ``text[lo:hi]`` that end a sentence: those whose
    mark is the dot of an abbreviation or an initial are left out."""
    out = []
    for m in pattern.finditer(text, lo, hi):
        if m.group(0)[:1] == "." and abbreviated(text, m.start(), abbr):
            continue
        out.append(m)
    return out


def merge_spans(text: str, spans: list[tuple[int, int]], abbr: Abbreviations) -> list[tuple[int, int]]:
    """Sentence spans (start, end) joined where one ends with the dot of an abbreviation or an initial
    ("… сообщил ген." + "Иванов."): what a segmenter without the pack's list cut."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            dot = text.rfind(".", ps, pe)
            if dot >= 0 and not text[dot + 1:pe].strip() and abbreviated(text, dot, abbr):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out
