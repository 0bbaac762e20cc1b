"""Dates of events as news writes them, resolved against the article's publication date.

"on 13 February 2023" is explicit; "on Sunday" (the latest Sunday on or before publication),
"yesterday", "two days ago" and "on 13 February" (no year: the latest such day on or before
publication) are inferred and need ``published``. "in May 2020" and "since the beginning of March"
resolve to a month; "last year" and "in 2019" to a year only; "last week" and "recently" to nothing.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from headwater.lang import english

MONTHS = {str(name): int(n) for n, names in english("months").items() for name in names}
WEEKDAYS = {str(name): int(n) for n, names in english("weekdays").items() for name in names}
NUMBER_WORDS: dict[str, int] = dict(english("numbers")["day_counts"])

_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
DAY_MONTH = re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MON}(?:,?\s+{_YEAR})?\b", re.I)
MONTH_DAY = re.compile(rf"\b{_MON}\s+{_DAY}\b(?:,?\s+{_YEAR})?", re.I)
MONTH_YEAR = re.compile(rf"\b{_MON}(?:\s+of)?,?\s+{_YEAR}\b", re.I)
_MONTH_CUE = r"(?:in|since|during|throughout|early|late|mid|beginning of|start of|end of)"
MONTH_ONLY = re.compile(rf"\b(?:{_MONTH_CUE}[\s-]+)+(?:the\s+)?{_MON}\b", re.I)
WEEKDAY = re.compile(r"\b(?P<last>last\s+|this\s+past\s+|past\s+)?(?P<wd>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True))
                     + r")\b\.?", re.I)
AGO = re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|a)\s+days?\s+ago\b", re.I)
YEAR_ONLY = re.compile(rf"\b(?:in|since|during|of|early|late|mid)[\s-]+{_YEAR}\b", re.I)
SINCE = re.compile(r"\b(?:since|from)\b", re.I)


@dataclass(frozen=True)
class ResolvedDate:
    date: str | None  # "2022-01-20", or "2020-05" when only the month is known
    basis: str | None  # "explicit": the text alone fixes it; "inferred": worked out from the publication date
    year: int | None = None
    precision: str | None = None  # "day" | "month" | "year"
    since: bool = False  # "since the beginning of March": the date an ongoing event started


def _pub(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _latest_on_or_before(month: int, day: int, pub: dt.date) -> dt.date | None:
    """The year-less "13 February": the latest such day on or before publication (news reports the past)."""
    d = _safe(pub.year, month, day)
    if d is not None and d > pub:
        d = _safe(pub.year - 1, month, day)
    return d


def resolve_date(expr: str, published: str | None) -> ResolvedDate | None:
    """Resolve one date expression; None when it names no date, a ResolvedDate with date None when too vague."""
    pub = _pub(published)
    low = expr.lower()
    since = bool(SINCE.search(low))
    if m := ISO.search(expr):
        d = _safe(int(m["year"]), int(m["m"]), int(m["d"]))
        return ResolvedDate(d.isoformat(), "explicit", d.year, "day") if d else None
    for pat in (DAY_MONTH, MONTH_DAY):
        if (m := pat.search(expr)) is not None:
            month, day = MONTHS[m["mon"].lower()], int(m["day"])
            if m["year"]:
                d = _safe(int(m["year"]), month, day)
                return ResolvedDate(d.isoformat(), "explicit", d.year, "day", since) if d else None
            if pub is None:
                return ResolvedDate(None, None, None, None, since)
            d = _latest_on_or_before(month, day, pub)
            return ResolvedDate(d.isoformat(), "inferred", d.year, "day", since) if d else None
    if m := MONTH_YEAR.search(expr):
        year, month = int(m["year"]), MONTHS[m["mon"].lower()]
        return ResolvedDate(f"{year:04d}-{month:02d}", "explicit", year, "month", since)
    if m := MONTH_ONLY.search(expr):
        if m["mon"].lower() == "may" and not re.search(r"\b(?:in|since|during|beginning|start|end|early|late|mid)\b", low):
            return None  # the verb "may"
        if pub is None:
            return ResolvedDate(None, None, None, None, since)
        month = MONTHS[m["mon"].lower()]
        year = pub.year if month <= pub.month else pub.year - 1
        return ResolvedDate(f"{year:04d}-{month:02d}", "inferred", year, "month", since)
    if re.search(r"\b(?:day before yesterday)\b", low):
        return _shift(pub, 2)
    if re.search(r"\b(?:yesterday|last night)\b", low):
        return _shift(pub, 1)
    if re.search(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", low):
        return _shift(pub, 0)
    if m := AGO.search(expr):
        n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
        return _shift(pub, n)
    if m := WEEKDAY.search(expr):
        if pub is None:
            return ResolvedDate(None, None, None, None)
        back = (pub.weekday() - WEEKDAYS[m["wd"].lower()]) % 7
        if m["last"] and back == 0:
            back = 7  # "last Sunday" written on a Sunday is a week before
        d = pub - dt.timedelta(days=back)
        return ResolvedDate(d.isoformat(), "inferred", d.year, "day")
    if re.search(r"\blast year\b", low):
        return ResolvedDate(None, None, pub.year - 1 if pub else None, "year" if pub else None)
    if re.search(r"\bthis year\b", low):
        return ResolvedDate(None, None, pub.year if pub else None, "year" if pub else None)
    if m := YEAR_ONLY.search(expr):
        return ResolvedDate(None, None, int(m["year"]), "year", since)
    if re.search(r"\b(?:last|this|next|past|coming|earlier|recent)\b|\brecently\b|\bago\b", low):
        return ResolvedDate(None, None)  # "last week", "earlier this month", "recently": too vague for a date
    return None


def _shift(pub: dt.date | None, days: int) -> ResolvedDate:
    if pub is None:
        return ResolvedDate(None, None)
    d = pub - dt.timedelta(days=days)
    return ResolvedDate(d.isoformat(), "inferred", d.year, "day")
