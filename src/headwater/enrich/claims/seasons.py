"""Seasons as news writes them, resolved to their months: "прошлым летом", "этой весной", "летом
2022 года", "весной прошлого года", "в конце лета", "last summer", "the summer of 2022", "in the spring".

A season is a range of months: its first month is the date, its last ``until``, precision "season".
The months are the meteorological seasons of the northern hemisphere (spring March-May, summer
June-August, autumn September-November, winter December-February), as a pack's ``seasons`` section
says; a pack for a southern language would name its own. With a year the text fixes it (explicit),
except winter: "зимой 2022 года" may be January 2022 or December 2022 to February 2023, so only its
year is given. Otherwise it is worked out from the publication date (inferred): "last summer" is the
latest summer over before publication, "this summer" the one of the publication's year (a winter: the
one not over yet, so from March on the one that begins in December), "next
summer" the first to begin after publication; a season alone ("летом", "in the summer") by the tense
of its clause (``find_seasons``). No publication date: found, unresolved.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from headwater.enrich.claims import date_parts as P
from headwater.enrich.claims.tense import Tense, tense_at

MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}


@dataclass(frozen=True)
class Seasons:
    pattern: re.Pattern[str]
    forms: dict[str, str]  # a written form -> its season
    shifts: dict[str, int]  # "прошлым" -1, "this" 0, "next" 1
    year_shifts: dict[str, int]  # "прошлого (года)" -1
    months: dict[str, tuple[int, int]]
    hint: re.Pattern[str]  # any season word: most sentences have none, and this is the cheap look


def seasons_reader(spec: Mapping[str, Any] | None, words: Mapping[str, Any]) -> Seasons | None:
    """A pack's ``seasons`` section (and its year words and period shifts, for "летом 2022 года" and
    "летом прошлого года") compiled; None when the pack names no season."""
    if not spec or not spec.get("forms"):
        return None
    forms = {str(k).lower(): str(v) for k, v in spec["forms"].items()}
    shifts = {str(k).lower(): int(v) for k, v in (spec.get("shifts") or {}).items()}
    period = {str(k).lower(): int(v) for k, v in (words.get("period_shift") or {}).items()}
    year_units = [u for u, kind in (words.get("period_units") or {}).items() if kind == "year"]
    months = {**MONTHS, **{str(k): (int(v[0]), int(v[1])) for k, v in (spec.get("months") or {}).items()}}
    form, alone = P.alt(forms), P.alt(spec.get("alone"))
    before, of, the = P.alt(spec.get("before")), P.alt(spec.get("year_joiners")), P.alt(spec.get("articles"))
    yw, endings = P.alt(words.get("year_words")), P.alt(words.get("year_endings"))
    year = (r"(?P<year>(?:19|20)\d\d)(?!\d)" + (rf"(?:-(?:{endings}){P.E})?" if endings else "")
            + (rf"(?:\s*(?:{yw}){P.E})?" if yw else ""))
    join = rf"(?:(?:{of})\s+)?" if of else ""
    article = rf"(?:(?:{the})\s+)?" if the else ""
    alts = [rf"(?:{P.alt(shifts)})\s+(?P<s1>{form}){P.E}" if shifts else "",
            rf"(?P<s2>{form})\s+{join}{year}",
            rf"(?P<s3>{form})\s+(?P<ys>{P.alt(period)})\s+(?:{P.alt(year_units)}){P.E}" if period and year_units else "",
            # "in the fall of the regime" is no season: a season word before "of" and a word is a noun's
            rf"(?:(?:{before})\s+)+{article}(?P<s4>{form}){P.E}(?:\s+{join}{year.replace('<year>', '<year4>')})?"
            rf"(?!\s+of\s+[^\W\d])" if before else "",
            rf"(?P<s5>{alone}){P.E}" if alone else ""]
    pattern = re.compile(P.B + "(?:" + "|".join(a for a in alts if a) + ")", re.I)
    return Seasons(pattern, forms, shifts, period, months, re.compile(form, re.I))


def find_seasons(text: str, pub: dt.date | None, s: Seasons, tense: Tense | None) -> Iterator[P.Ranged]:
    """Every season ``text`` names, as (start, end, date, basis, precision, until). A season alone is
    dated only where the tense of its clause says which (``enrich.claims.tense``): told in the past,
    the latest to begin on or before publication; in the future, the first not over at publication;
    otherwise found, unresolved ("переговоры начнутся осенью": this autumn or last, the text alone
    does not say without a parse)."""
    if not s.hint.search(text):
        return
    for m in s.pattern.finditer(text):
        g = m.groupdict()
        name = s.forms[next(g[k] for k in ("s1", "s2", "s3", "s4", "s5") if g.get(k)).lower()]
        first, last = s.months[name]
        if g.get("s1"):
            shift = s.shifts[m.group(0)[:m.start("s1") - m.start()].split()[-1].lower()]
            which = _WHICH.get(max(-1, min(1, shift)), "")
            if which == "this":  # "этой зимой ударили морозы" in July: the winter past; "will be": the one to come
                when = tense_at(text, m.start(), m.end(), tense) if tense else None
                which = {"past": "begun", "future": "on"}.get(when or "", which)
            value = _relative(pub, first, last, which)
        elif g.get("year") or g.get("year4"):
            value = _in_year(int(g.get("year") or g["year4"]), first, last, "explicit")
        elif g.get("ys"):
            value = _in_year(pub.year + s.year_shifts[g["ys"].lower()], first, last, "inferred") if pub else _none()
        else:
            when = tense_at(text, m.start(), m.end(), tense) if tense else None
            value = _relative(pub, first, last, {"past": "begun", "future": "on"}.get(when or "", ""))
        yield (m.start(), m.end(), *value)


def _none() -> tuple[None, None, str, None]:
    return None, None, "season", None


def _in_year(year: int, first: int, last: int, basis: str) -> tuple[str | None, str | None, str | None, str | None]:
    if first > last:  # winter: which winter of the year is not said
        return f"{year:04d}", basis, "year", None
    return f"{year:04d}-{first:02d}", basis, "season", f"{year:04d}-{last:02d}"


_WHICH = {-1: "last", 0: "this", 1: "next"}


def _relative(pub: dt.date | None, first: int, last: int,
              which: str) -> tuple[str | None, str | None, str | None, str | None]:
    """The season beginning in year y runs from month ``first`` of y to month ``last`` (of y + 1 for a
    winter). ``which``: "last" (over before publication), "this", "next", "begun" (the latest to begin
    on or before publication), "on" (the first not over at publication); anything else: unresolved."""
    if pub is None or which not in ("last", "this", "next", "begun", "on"):
        return _none()
    across = 1 if first > last else 0

    def start(y: int) -> dt.date:
        return dt.date(y, first, 1)

    def over(y: int) -> dt.date:  # the first day after the season
        return dt.date(y + across + (last == 12), last % 12 + 1, 1)

    y = pub.year if start(pub.year) <= pub else pub.year - 1  # the latest to begin on or before publication
    if which == "last":
        while over(y) > pub:
            y -= 1
    elif which == "this":
        y = pub.year - across if pub.month < 3 else pub.year
    elif which == "next":
        y = pub.year if start(pub.year) > pub else pub.year + 1
    elif which == "on":
        while over(y) <= pub:
            y += 1
    return f"{y:04d}-{first:02d}", "inferred", "season", f"{y + across:04d}-{last:02d}"
