"""Publication dates as articles and scrapers state them, read to ISO.

Only full dates (day, month, year) count: a year alone, a copyright line or "in May 2020" never
becomes a publication date. Formats whose day/month order cannot be told apart are read day-first
(the order of most of the world's press) and marked inferred.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

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


def find_dates(text: str) -> list[FoundDate]:
    """Every full date in the text, in order of position (overlaps resolved by first pattern)."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for name, pat in PATTERNS:
        for m in pat.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            y = int(m.group("year"))
            ambiguous = False
            if name in ("iso", "compact"):
                dt = _make(y, int(m.group("m")), int(m.group("d")))
            elif name in ("dmy_text", "mdy_text"):
                dt = _make(y, MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("d")))
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
            found.append(FoundDate(dt.isoformat(), m.start(), m.end(), m.group(0), ambiguous, cue))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def publication_date(header: str) -> FoundDate | None:
    """The publication date a header zone states: a cued "published" date first, else the first
    date that is not marked as an update; None when the zone states no full date."""
    dates = find_dates(header)
    for f in dates:
        if f.cue == "published":
            return f
    for f in dates:
        if f.cue != "updated":
            return f
    return dates[0] if dates else None
