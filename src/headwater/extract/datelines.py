"""The day a dateline gives ("МОСКВА, 3 июля — РИА Новости.", "KYIV, March 3 (Reuters) -"), as a
publication date when nothing else dates the article.

A dateline with its year is read with the header's other dates (``extract.dates``). Most wire
datelines leave the year out; it is then worked out only from what the text itself fixes, and
the date is marked inferred with what it came from:
- the same day and month stated with a year in the text ("сегодня, 3 июля 2024 года"), that year
  being the latest the text states (an earlier one is an anniversary's), or
- weekdays stated with days ("во вторник, 2 июля", "on Tuesday, July 2"): a day and month fall on a
  given weekday once every 5, 6 or 11 years, so the weekdays admit one year at most in the span
  from the latest year the text states to this year; more than one, or no year stated: unknown.
A dateline whose year cannot be worked out dates nothing (``published`` stays null, and the
article's notes say the dateline was seen).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from headwater.extract.dates import DIGITS

# How far into the text a dateline may start: the first line, after a stray space or a photo credit.
HEAD = 120
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True)
class Dateline:
    text: str  # the dateline as written, up to its separator
    month: int
    day: int
    iso: str | None  # with a year worked out; None when the year stays unknown
    how: str  # what dated it, for published_evidence and notes


def _alt(words: object) -> str:
    return "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@lru_cache(maxsize=32)
def _pattern(month_words: tuple[str, ...]) -> re.Pattern[str]:
    """PLACE, DAY MONTH or PLACE, MONTH DAY, then the wire's mark: a dash ("3 июл - РИА"), a slash
    credit (". /ТАСС/."), a bracketed credit ("(Reuters) -") or a short credit and a dash
    (". Interfax - "). The place is optional ("4 июля. Interfax - …"); a sentence that merely begins
    with a date ("3 июля войска вошли …") has none of these marks."""
    mon = _alt(month_words)
    date = (rf"(?:(?P<d>[0-3]?\d)\s+(?P<mon>{mon})\.?|(?P<mon2>{mon})\.?\s+(?P<d2>[0-3]?\d))"
            r"(?:,?\s+(?P<year>(?:19|20)\d\d))?")
    mark = r"(?:\s*[-–—]\s|\.?\s*/[^/\n]{1,40}/|\s*\([^()\n]{1,40}\)\s*[-–—:]|\.\s+[^\s.][^\n.]{0,38}?\s+[-–—]\s)"
    place = r"(?:(?P<place>[A-ZА-ЯЁ][^\W\d_]*\.?(?:[\s-][^\W\d_]+\.?){0,3}),\s+)?"
    return re.compile(rf"(?:^|\n)[ \t]*{place}(?P<date>{date})(?!\w)(?={mark})", re.I)


def find_dateline(text: str, months: Mapping[str, int], weekdays: Mapping[str, int],
                  today: dt.date | None = None) -> Dateline | None:
    """The dateline at the head of ``text`` (month and weekday words of its language and of English,
    lowercased), with its year when the text fixes it."""
    head = text[:HEAD].translate(DIGITS)
    m = _pattern(tuple(months)).search(head)
    if m is None or (m["place"] and m["place"][0].islower()):
        return None
    month, day = months[(m["mon"] or m["mon2"]).lower()], int(m["d"] or m["d2"])
    if not 1 <= day <= 31:
        return None
    written = head[m.start():m.end()].strip().rstrip(".,")
    today = today or dt.date.today()
    if m["year"]:
        iso = _iso(int(m["year"]), month, day)
        return Dateline(written, month, day, iso, "dateline") if iso and iso <= today.isoformat() else None
    year, how = _year(text.translate(DIGITS), month, day, months, weekdays, today)
    iso = _iso(year, month, day) if year else None
    return Dateline(written, month, day, iso, how)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _year(text: str, month: int, day: int, months: Mapping[str, int], weekdays: Mapping[str, int],
          today: dt.date) -> tuple[int | None, str]:
    mon, wd = _alt(months), _alt(weekdays)
    same = re.compile(rf"(?<!\d){day}\s+(?:{mon})\s+(?P<y>(?:19|20)\d\d)(?!\d)|"
                      rf"(?:{mon})\.?\s+{day},?\s+(?P<y2>(?:19|20)\d\d)(?!\d)", re.I)
    latest = max((int(y) for y in _YEAR.findall(text) if int(y) <= today.year), default=None)
    for s in same.finditer(text):
        y = int(s["y"] or s["y2"])
        # the latest year the text states: "ровно пять лет назад, 3 июля 2019 года" beside a 2024 is an anniversary
        if y == latest and months[re.search(rf"(?:{mon})", s.group(0), re.I).group(0).lower()] == month:  # type: ignore[union-attr]
            return y, f"dateline, year from the same day stated in full ({s.group(0)})"
    if not wd:
        return None, "dateline without a year"
    pairs = re.compile(rf"(?<!\w)(?P<wd>{wd})\s*,?\s*\(?"
                       rf"(?:(?P<d>[0-3]?\d)\s+(?P<mon>{mon})|(?P<mon2>{mon})\.?\s+(?P<d2>[0-3]?\d))(?!\w)"
                       r"(?!,?\s+(?:19|20)\d\d)", re.I)  # a day with its own year is not this year's
    stated = [(weekdays[p["wd"].lower()], months[(p["mon"] or p["mon2"]).lower()], int(p["d"] or p["d2"]))
              for p in pairs.finditer(text)]
    if not stated or latest is None:
        return None, "dateline without a year"
    fits = [y for y in range(latest, today.year + 1) if _fits(y, month, day, stated, today)]
    if len(fits) != 1:
        return None, "dateline without a year"
    return fits[0], "dateline, year from the weekdays the text gives its days"


def _fits(year: int, month: int, day: int, stated: list[tuple[int, int, int]], today: dt.date) -> bool:
    """Whether the dateline in ``year`` agrees with every weekday the text gives a day (a day after the
    dateline's in the calendar is read as the year before: news reports the past)."""
    try:
        pub = dt.date(year, month, day)
    except ValueError:
        return False
    if pub > today:
        return False
    for wd, m, d in stated:
        try:
            when = dt.date(year, m, d)
            if when > pub:
                when = dt.date(year - 1, m, d)
        except ValueError:
            return False
        if when.weekday() != wd:
            return False
    return True
