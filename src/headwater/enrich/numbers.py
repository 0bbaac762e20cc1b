"""Numbers as journalists write them: "750", "1,200", "twenty-five", "at least 60", "scores of".

``find_quantities`` scans plain text (cheap, independent of tokenization) and returns every
quantity with its character offsets, its value, the bound or approximation stated before it
("at least", "more than", "about", "up to", "less than") and the unit that follows it, if any.
Vague quantities ("dozens of", "several thousand") keep their text and have no value: a count is
never given more precision than the article does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from headwater.lang import english

_EN = english("numbers")
UNITS: dict[str, int] = dict(_EN["units"])
TENS: dict[str, int] = dict(_EN["tens"])
SCALES: dict[str, int] = dict(_EN["scales"])
_SCALE_SUFFIX = {"m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
# The stated bound or approximation, mapped to the few qualifiers the events report.
QUALIFIERS: dict[str, str] = dict(_EN["qualifiers"])
# Words after a number that show it does not count people or things: units, times, ages, dates.
NOT_A_COUNT = frozenset(str(w) for w in _EN["not_a_count"])
MONTHS = [str(name) for names in english("months").values() for name in names]

_NW = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
# "and" joins number words only after a scale ("one hundred and twenty"); "three and nine" are two numbers
_WORDNUM = rf"(?:{_NW})(?:(?:\s*-\s*|\s+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+|(?<=million)\s+and\s+)(?:{_NW}))*"
# The Arabic thousands separator and decimal point (U+066C, U+066B), as Arabic and Persian write numbers.
# (A number may follow the conjunction و or the prepositions ب, ل, which Arabic writes on it: "و١٬٢٠٠".)
SEPARATORS = str.maketrans("\u066c\u066b", ",.")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?![\d,]*\d)|\d+(?:\.\d+)?"
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_VAGUE = (r"(?:tens|hundreds) of thousands(?: of)?|tens of millions(?: of)?|(?:dozens|scores|hundreds|thousands|millions)(?: of)?"
          r"|(?:several|a few|few|many) (?:dozen|hundred|thousand|million)s?(?: of)?"
          r"|a (?:large |small |growing |significant |great |huge )?(?:handful|number) of|a few|several|numerous")
_EXACT = (rf"(?P<digits>{_DIGITS})(?:\s*(?P<scale>hundred|thousand|million|billion|bn|m|k)\b)?"
          rf"|(?P<half>half a dozen)|(?P<adozen>a dozen)|a (?P<ascale>hundred|thousand|million)"
          rf"|(?P<words>{_WORDNUM})(?:\s+(?P<dozen>dozen))?")
# "between 10 and 15", "10 to 15", "10-15": a range is stated, not a count
_ONE = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_NW})"
_DIG = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
RANGE = re.compile(rf"(?<![\w$€£.,])(?:between\s+{_ONE}\s+and\s+{_ONE}|{_ONE}\s+to\s+{_ONE}|{_DIG}\s*[-–]\s*{_DIG})(?![\w-])",
                   re.I)
PATTERN = re.compile(
    rf"(?:(?<![\w$€£.,])|(?<=(?<!\w)[\u0648\u0628\u0644]))(?<!\w-)(?:(?P<qual>{_QUAL})\s+)?(?:(?P<vague>{_VAGUE})\b|(?:{_EXACT})(?![\w]))"
    rf"(?=(?P<unit>\s*-?\s*(?:[a-z%]+[.]?(?:-old)?|%)))?", re.I)  # the next word, read but not consumed
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


@dataclass(frozen=True)
class Quantity:
    """One quantity in a text: ``value`` is None for vague ones ("scores of")."""

    value: int | None
    qualifier: str | None  # "at least", "more than", "about", "up to", "less than", "between" (a range) or None
    text: str
    start: int
    end: int
    vague: bool = False
    unit: str | None = None  # a word that shows the number is not a count ("km", "years", "pm", a month)

    @property
    def is_count(self) -> bool:
        return self.unit is None


def words_to_int(text: str) -> int | None:
    """"twenty-five" → 25, "one hundred and twenty" → 120, "two thousand" → 2000; None if not a number."""
    parts = [p for p in re.split(r"[\s-]+", text.lower().strip()) if p and p != "and"]
    if not parts:
        return None
    total = current = 0
    for p in parts:
        if p in UNITS:
            current += UNITS[p]
        elif p in TENS:
            current += TENS[p]
        elif p == "hundred":
            current = (current or 1) * 100
        elif p in SCALES:
            total += (current or 1) * SCALES[p]
            current = 0
        else:
            return None
    return total + current


def _value(m: re.Match[str]) -> tuple[int | None, str | None]:
    """The value of an exact match, and a unit when it is not a whole count ("2.5")."""
    if m.group("digits"):
        raw = m.group("digits").replace(",", "")
        scale = (m.group("scale") or "").lower()
        mult = SCALES.get(scale) or _SCALE_SUFFIX.get(scale, 1)
        val = float(raw) * mult
        if val != int(val):
            return None, "decimal"
        if not scale and "." not in raw and "," not in m.group("digits") and _YEAR.match(raw):
            return int(val), "year"  # "in 2011": a bare four-digit 18xx-20xx is a year
        return int(val), None
    if m.group("half"):
        return 6, None
    if m.group("adozen"):
        return 12, None
    if m.group("ascale"):
        return SCALES[m.group("ascale").lower()], None
    words = words_to_int(m.group("words"))
    if words is not None and m.group("dozen"):
        words *= 12
    return words, None


def _unit(text: str, m: re.Match[str]) -> str | None:
    after = (m.group("unit") or "").strip(" -").lower()
    if after in NOT_A_COUNT or after.rstrip(".") in NOT_A_COUNT or after.endswith("-old"):
        return after
    if after in MONTHS or after.rstrip(".") in MONTHS:
        return "date"
    before = text[max(0, m.start() - 12):m.start()].lower()
    if re.search(r"(?:[$€£]|\busd|\b(?:" + "|".join(MONTHS) + r")\.?)\s*$", before):
        return "date" if not re.search(r"[$€£]|usd", before) else "money"
    return None


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in the text, in order, with offsets. Arabic and Persian separators read as a comma and
    a point ("١٬٢٠٠" is 1,200, "۱۲٫۵" 12.5); digits of any script are digits."""
    original, text = text, text.translate(SEPARATORS)  # one for one: offsets stay those of the text
    out: list[Quantity] = []
    ranges = []
    for r in RANGE.finditer(text):
        ends = re.findall(r"\d+", r.group(0).replace(",", ""))
        if len(ends) == 2 and all(_YEAR.match(e) for e in ends):
            continue  # "the 2011-2015 war"
        tail = text[r.end():r.end() + 12].lower()
        after = re.match(r"\s*-?\s*(km|years?|hours?|days?|%|percent|am|pm|p\.m\.|a\.m\.)\b", tail)
        ranges.append((r.start(), r.end()))
        out.append(Quantity(None, "between", original[r.start():r.end()], r.start(), r.end(), vague=True,
                            unit=after.group(1) if after else None))
    for m in PATTERN.finditer(text):
        if any(a <= m.start() < b for a, b in ranges):
            continue
        qual = QUALIFIERS.get(re.sub(r"\s+", " ", m.group("qual") or "").lower())
        core_end = m.end()
        if m.group("vague"):
            vague_text = m.group("vague")
            if vague_text.lower() in ("several", "a few", "numerous", "many") and not m.group("unit"):
                continue  # "several" alone is not a quantity
            out.append(Quantity(None, qual, original[m.start():core_end].strip(), m.start(), core_end, vague=True,
                                unit=_unit(text, m)))
            continue
        if m.group("words") and m.group("words").split()[0].lower() in SCALES:
            continue  # "million" alone: the rest of "$300 million", or not a number
        value, unit = _value(m)
        if value is None and unit is None:
            continue
        if m.group("half") or m.group("adozen") or m.group("ascale"):
            qual = qual or "about"  # "a dozen", "a hundred": round figures, not counts
        if unit == "year" and qual and (m.group("unit") or "").strip().isalpha() and (m.group("unit") or "").strip().islower():
            unit = None  # "around 2000 civilians", "some 1800 troops": a count; "around 2000, the" stays a year
        unit = unit or _unit(text, m)
        out.append(Quantity(value, qual, original[m.start():core_end].strip(), m.start(), core_end, unit=unit))
    out.sort(key=lambda q: q.start)
    return out


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in a short text: parse_quantity("at least 60").value == 60."""
    found = find_quantities(text)
    return found[0] if found else None
