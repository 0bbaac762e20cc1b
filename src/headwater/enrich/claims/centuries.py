"""Centuries as news writes them: "в XX веке", "XXI века", "в 19-м веке", "в прошлом веке", "the 20th century",
"last century", "no século XIX", "през XX век".

A century is a range of years, as a decade is (``enrich.claims.decades``): its first year is the date
("XX век": 1901), its last ``until`` (2000), precision "century". Numbered (Roman or Arabic, with the
ordinal ending the language writes) the text fixes it (explicit); named by a shift ("в прошлом веке",
"last century") it is counted from the publication's century (inferred), and unresolved with no
publication date: never a guess.

Each pack says how its centuries are written, under ``centuries`` in ``dates.yaml``: ``after``, the forms
of the word "century" written after the number ("веке", "century"); ``before``, those written before it
("século"); ``endings``, the ordinal endings on an Arabic number ("-м", "th"); ``shifts``, the words before
the century word that count from publication ("прошлом": -1, "last": -1), ``shifts_after`` those after it
("o século passado"); ``prepositions``, the words of time after which an Arabic number with no ending is a
century ("в 19 веке"; "2 века назад" is a count). An ending may follow a Roman numeral too ("XXe siècle").
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from headwater.enrich.claims import date_parts as P

# Centuries news names by number: up to the twenty-second (a larger number is no century but a count).
LAST_CENTURY = 22
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


@dataclass(frozen=True)
class Centuries:
    pattern: re.Pattern[str]
    shifts: dict[str, int]


def centuries_reader(spec: Mapping[str, Any] | None) -> Centuries | None:
    """A pack's ``centuries`` section compiled; None when the pack writes none."""
    if not spec:
        return None
    after, before = P.alt(spec.get("after")), P.alt(spec.get("before"))
    endings = P.alt(spec.get("endings"))
    shifts = {str(k).lower(): int(v) for k, v in (spec.get("shifts") or {}).items()}
    shifts_after = {str(k).lower(): int(v) for k, v in (spec.get("shifts_after") or {}).items()}
    # Roman numerals in capitals only ("XX", not "xx" or the word "I"); an Arabic number with its ending
    end = rf"(?:{endings})?" if endings else ""
    # an Arabic number with its ordinal ending ("19-м веке", "20th century"); without one only after a
    # preposition of time ("в 19 веке"): "2 века назад" is two centuries, not the second
    lead = rf"{P.B}(?:{P.alt(spec.get('prepositions'))})\s+" if spec.get("prepositions") else "x^"
    arabic = rf"(?P<arabic>\d{{1,2}})(?:{endings})" if endings else r"(?P<arabic>\d{1,2})"
    number = rf"(?:(?P<roman>[IVXL]{{2,6}}|[VX]){end}|{arabic})"
    alts = []
    if after:
        alts.append(rf"(?<![\w.,-]){number}(?:\s+|-)(?:{after}){P.E}")  # "19th-century" too
        alts.append(rf"{lead}(?P<arabic3>\d{{1,2}})\s+(?:{after}){P.E}")
        if shifts:
            alts.append(rf"{P.B}(?P<shift>{P.alt(shifts)})\s+(?:{after}){P.E}")
    if before:
        alts.append(rf"{P.B}(?:{before})\s+{number.replace('roman', 'roman2').replace('arabic', 'arabic2')}(?![\w])")
        if shifts_after:
            alts.append(rf"{P.B}(?:{before})\s+(?P<shift2>{P.alt(shifts_after)}){P.E}")
    if not alts:
        return None
    pattern = re.compile("|".join(f"(?:{a})" for a in alts))
    return Centuries(pattern, {**shifts, **{f"after:{k}": v for k, v in shifts_after.items()}})


def roman(text: str) -> int | None:
    """A Roman numeral's value (subtractive pairs read: "XIX" 19), None when it is not one as written
    ("VV", "IIII", "IIX", "VX": letters of that set but no numeral, and no century to state as explicit)."""
    total, prev = 0, 0
    for ch in reversed(text):
        v = ROMAN.get(ch)
        if v is None:
            return None
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total if 0 < total < 90 and _written(total) == text else None


def _written(n: int) -> str:
    """The Roman numeral of 1 <= n < 90, as it is written ("XIX", "XLIV")."""
    tens = ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX"][n // 10]
    return tens + ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][n % 10]


def find_centuries(text: str, pub: dt.date | None, c: Centuries) -> Iterator[P.Ranged]:
    """Every century ``text`` names, as (start, end, date, basis, precision, until)."""
    for m in c.pattern.finditer(text):
        g = m.groupdict()
        shift = g.get("shift") or g.get("shift2")
        if shift:
            key = shift.lower() if g.get("shift") else "after:" + shift.lower()
            if pub is None:
                yield m.start(), m.end(), None, None, "century", None
                continue
            at = (pub.year - 1) // 100 + 1 + c.shifts[key]
            yield m.start(), m.end(), f"{(at - 1) * 100 + 1:04d}", "inferred", "century", f"{at * 100:04d}"
            continue
        r, a = g.get("roman") or g.get("roman2"), g.get("arabic") or g.get("arabic2") or g.get("arabic3")
        n = roman(r) if r else int(a) if a else None
        if n is None or not 1 <= n <= LAST_CENTURY:
            continue
        yield m.start(), m.end(), f"{(n - 1) * 100 + 1:04d}", "explicit", "century", f"{n * 100:04d}"
