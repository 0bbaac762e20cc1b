"""Decades as news writes them: "in the 1990s", "the '90s", "в 1990-х", "90-х годов", "през 80-те
години", "na década de 1980", "nos anos 90".

A decade is a range of years: its first year is the date, its last ``until``, precision "decade".
Written with its century ("1990s", "1990-х", "década de 1980") the text fixes it (explicit). Written
with two digits ("'90s", "90-х годов", "anos 80") it is the latest such decade to begin on or before
the publication's year (news looks back: "the '90s" written in 2024 is the 1990s), inferred, and
unresolved with no publication date: never a guess.

Each pack says how its decades are written, under ``decades`` in ``dates.yaml``:
``endings`` written onto the number ("s", "-х", "-те"); ``before``, words before the number that make
it a decade ("década de", "anos"); ``after``, words after it that belong to it ("годов", "години");
``marks``, what a two-digit decade is written after ("'90s"); ``short``, what a two-digit decade needs
besides its number: ``ending``, ``after`` (one of the ``after`` words), ``before`` or ``mark``. Two
digits alone are ages and temperatures too ("in their 30s", "in the 90s" in Fahrenheit), so each
language names the mark that makes them a decade in its news.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from headwater.enrich.claims import date_parts as P


@dataclass(frozen=True)
class Decades:
    pattern: re.Pattern[str]
    hint: re.Pattern[str]  # a number ending in 0: most sentences have none


def decades_reader(spec: Mapping[str, Any] | None) -> Decades | None:
    """A pack's ``decades`` section compiled; None when the pack writes none."""
    if not spec:
        return None
    endings, before, after = P.alt(spec.get("endings")), P.alt(spec.get("before")), P.alt(spec.get("after"))
    marks, short = P.alt(spec.get("marks")), str(spec.get("short") or "")
    if not endings and not before:
        return None
    end = rf"(?:{endings})" if endings else ""
    tail = rf"(?:\s+(?:{after}){P.E})" if after else ""
    lead = rf"(?:{before})\s+" if before else ""
    full = r"(?P<full>(?:1[5-9]|20)\d0)"
    two = r"(?P<two>\d0)"
    alts = []
    if endings:
        alts.append(rf"(?<![\w.,'’-]){full}{end}{P.E}{tail}?")
        if short == "ending":
            alts.append(rf"(?<![\w.,'’-]){two}{end}{P.E}{tail}?")
        elif short == "after" and after:
            alts.append(rf"(?<![\w.,'’-]){two}{end}{tail}")
        elif short == "mark" and marks:
            alts.append(rf"(?<![\w])(?:{marks}){two}{end}{P.E}")
    if before:
        alts.append(rf"{P.B}{lead}{full.replace('full', 'full2')}(?!\d){tail}?")
        if short == "before":
            alts.append(rf"{P.B}{lead}{two.replace('two', 'two2')}(?![\d\w]){tail}?")
    return Decades(re.compile("|".join(f"(?:{a})" for a in alts), re.I), re.compile(r"\d0"))


def find_decades(text: str, pub: dt.date | None, d: Decades) -> Iterator[P.Ranged]:
    """Every decade ``text`` names, as (start, end, date, basis, precision, until)."""
    if not d.hint.search(text):
        return
    for m in d.pattern.finditer(text):
        g = m.groupdict()
        full, two = g.get("full") or g.get("full2"), g.get("two") or g.get("two2")
        if full:
            y = int(full)
            yield m.start(), m.end(), f"{y:04d}", "explicit", "decade", f"{y + 9:04d}"
        elif two and pub is not None:
            y = pub.year // 100 * 100 + int(two)
            if y > pub.year:
                y -= 100  # "the '90s" written in 2024: the 1990s, not the 2090s
            yield m.start(), m.end(), f"{y:04d}", "inferred", "decade", f"{y + 9:04d}"
        elif two:
            yield m.start(), m.end(), None, None, "decade", None
