"""Publication dates as articles and scrapers state them, read to ISO.

Only full dates (day, month, year) count: a year alone, a copyright line or "in May 2020" never
becomes a publication date. Formats whose day/month order cannot be told apart are read day-first
(the order of most of the world's press) and marked inferred.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

MONTHS = {m: i for i, ms in enumerate([
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")], 1) for m in ms}
_MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_YEAR = r"(?P<year>(?:19[89]\d|20\d\d))"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b{_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ]\d\d:\d\d)?")),
    ("compact", re.compile(rf"(?<!\d){_YEAR}(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\d])")),  # URL paths: /20220225/
    ("dmy_text", re.compile(rf"\b{_WEEKDAY}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b", re.I)),
    ("mdy_text", re.compile(rf"\b{_WEEKDAY}{_MON}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I)),
    ("numeric", re.compile(rf"(?<![\d.:/-])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep){_YEAR}(?![\d])")),
]
# Words that announce the publication date of the page they stand on.
CUE = re.compile(r"\b(published|posted|date of publication|publication date|released|first published|"
                 r"created|issued)\b[^\n\d]{0,20}$", re.I)
UPDATED = re.compile(r"\b(updated|modified|edited)\b[^\n\d]{0,20}$", re.I)


@dataclass(frozen=True)
class FoundDate:
    iso: str
    start: int
    end: int
    text: str
    ambiguous: bool  # day/month order not certain
    cue: str | None  # "published", "updated" or None


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# Digits of other scripts (Arabic-Indic, Persian, Devanagari) read as ASCII digits, one for one so
# offsets stay those of the text.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९", "012345678901234567890123456789")
# What may follow a year in other languages: "2022 года", "2022 г.", "2022 року", "2022 г.", "2022م".
_YEAR_WORD = r"(?:\s*(?:года|году|г\.|року|р\.|година|م|ء))?"


def _joined(joiners: tuple[str, ...]) -> str:
    """The optional joiner between a day and its month (a language's ``day_month_joiners``): a word ("de")
    or an ordinal ending after a hyphen ("-го", "-ти"), then a space; or between a month and its year
    (``month_year_joiners``: "de", "del"); "" when the language has none."""
    alt = "|".join(re.escape(w) for w in sorted(joiners, key=len, reverse=True))
    return rf"(?:(?:{alt})\s+)?" if alt else ""


@lru_cache(maxsize=32)
def _local_pattern(words: tuple[str, ...], joiners: tuple[str, ...] = (),
                   year_joiners: tuple[str, ...] = ()) -> re.Pattern[str]:
    """Day, month word, year in a language's own words: "25 февраля 2022 года", "25 de fevereiro de
    2022", "25. Februar 2022", "25 شباط/فبراير 2022" (the Levantine and Egyptian names together).
    ``year_joiners``: the words the language writes between a month and its year ("de", "del"); none in
    a language without them ("25 февраля de 2022" is no Russian date)."""
    mon = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?P<d>[0-3]?\d)\.?\s*{_joined(joiners)}(?P<lmon>{mon})\.?(?:\s*/\s*(?:{mon}))?,?"
                      rf"\s+{_joined(year_joiners)}{_YEAR}(?!\d){_YEAR_WORD}", re.I)


def find_dates(text: str, months: Mapping[str, int] | None = None,
               joiners: tuple[str, ...] = (), year_joiners: tuple[str, ...] = ()) -> list[FoundDate]:
    """Every full date in the text, in order of position (overlaps resolved by first pattern).
    ``months``: a language's month words (``LanguagePack.months``) for dates written in it, ``joiners``
    what it writes between a day and its month (``LanguagePack.day_month_joiners``) and ``year_joiners``
    between the month and its year (``LanguagePack.month_year_joiners``)."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    patterns = list(PATTERNS)
    original = text
    if months:
        text = text.translate(DIGITS)
        patterns.append(("local", _local_pattern(tuple(months), joiners, year_joiners)))
    for name, pat in patterns:
        for m in pat.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            y = int(m.group("year"))
            ambiguous = False
            if name in ("iso", "compact"):
                dt = _make(y, int(m.group("m")), int(m.group("d")))
            elif name in ("dmy_text", "mdy_text"):
                dt = _make(y, MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("d")))
            elif name == "local":
                assert months is not None
                dt = _make(y, months[m.group("lmon").lower()], int(m.group("d")))
            else:
                a, b = int(m.group("a")), int(m.group("b"))
                if m.group("sep") == "/" and a <= 12 < b:
                    dt = _make(y, a, b)  # month/day/year, the only reading that works
                else:
                    dt = _make(y, b, a)
                    ambiguous = a <= 12 and b <= 12 and a != b
            if dt is None or dt > date.today():
                continue
            before = text[max(0, m.start() - 40):m.start()]
            cue = "published" if CUE.search(before) else "updated" if UPDATED.search(before) else None
            found.append(FoundDate(dt.isoformat(), m.start(), m.end(), original[m.start():m.end()], ambiguous, cue))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def publication_date(header: str, months: Mapping[str, int] | None = None, joiners: tuple[str, ...] = (),
                     year_joiners: tuple[str, ...] = ()) -> FoundDate | None:
    """The publication date a header zone states: a cued "published" date first, else the first
    date that is not marked as an update; None when the zone states no full date."""
    dates = find_dates(header, months, joiners, year_joiners)
    for f in dates:
        if f.cue == "published":
            return f
    for f in dates:
        if f.cue != "updated":
            return f
    return dates[0] if dates else None


@lru_cache(maxsize=32)
def _day_month_pattern(words: tuple[str, ...], joiners: tuple[str, ...] = ()) -> re.Pattern[str]:
    mon = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?P<d>[0-3]?\d)\.?\s*{_joined(joiners)}(?P<lmon>{mon})(?!\w)", re.I)


def find_day_months(text: str, months: Mapping[str, int],
                    joiners: tuple[str, ...] = ()) -> list[tuple[int, int, int, int]]:
    """Day and month without a year in a language's words ("25 февраля", "3 آذار"): (start, end,
    month, day) for the caller to date against the article's publication date."""
    out = []
    for m in _day_month_pattern(tuple(months), joiners).finditer(text.translate(DIGITS)):
        day = int(m.group("d"))
        if 1 <= day <= 31:
            out.append((m.start(), m.end(), months[m.group("lmon").lower()], day))
    return out
