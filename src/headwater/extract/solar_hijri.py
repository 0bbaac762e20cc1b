"""Dates of the Solar Hijri (Iranian) calendar, the calendar of Persian news ("۲۵ بهمن ۱۴۰۲"), turned
into Gregorian days exactly.

The Iranian year begins at Nowruz, the day of the March equinox; its first six months have 31 days,
the next five 30, and Esfand 29 (30 in a leap year). Which years are leap follows the equinox; the
arithmetic below (K. M. Borkowski, "The Persian calendar for 3000 years", Earth, Moon, and Planets
74, 1996, as implemented by the jalaali-js library, MIT licence) gives the astronomical calendar's
leap years for every year from 1 to 3177 SH, by the cycles between the break years of its table.
A language pack names the months (``solar_hijri_months`` in its ``dates.yaml``): the reader here finds
a day, a month name and a year written after it ("۲۵ بهمن ۱۴۰۲"), or a day and month alone, whose year
is the latest such day's on or before publication. Digits of any script are read (``DIGITS``).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any

from headwater.extract.dates import DIGITS

# Borkowski's break years: the leap-year cycle of 33 years is reset at each (jalaali-js ``breaks``).
_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456,
           3178)
# Years read in text: the Solar Hijri years of modern news (1300 SH began in 1921).
_YEAR = r"(?P<year>1[34]\d\d)(?!\d)"


def _nowruz(jy: int) -> tuple[int, bool]:
    """(the day of March the year ``jy`` begins on in Gregorian year jy + 621, whether ``jy`` is a leap year)."""
    if not _BREAKS[0] <= jy < _BREAKS[-1]:
        raise ValueError(f"Solar Hijri year out of range: {jy}")
    gy = jy + 621
    leap_j = -14
    jp = _BREAKS[0]
    jump = 0
    for jm in _BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += jump // 33 * 8 + jump % 33 // 4
        jp = jm
    n = jy - jp
    leap_j += n // 33 * 8 + (n % 33 + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    leap_g = gy // 4 - (gy // 100 + 1) * 3 // 4 - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + (jump + 4) // 33 * 33
    leap = ((n + 1) % 33 - 1) % 4
    return march, leap == 0


def to_gregorian(jy: int, jm: int, jd: int) -> dt.date:
    """The Gregorian day of a Solar Hijri date (year, month 1-12, day); ValueError for a day that does
    not exist (31 Mehr, 30 Esfand of a common year)."""
    if not 1 <= jm <= 12 or jd < 1 or jd > (31 if jm <= 6 else 30 if jm <= 11 else 29 + _nowruz(jy)[1]):
        raise ValueError(f"no such Solar Hijri day: {jy}-{jm}-{jd}")
    march, _ = _nowruz(jy)
    offset = (jm - 1) * 31 - (jm // 7) * (jm - 7) + jd - 1
    return dt.date(jy + 621, 3, march) + dt.timedelta(days=offset)


def year_of(day: dt.date) -> int:
    """The Solar Hijri year a Gregorian day falls in."""
    jy = day.year - 621
    return jy if day >= to_gregorian(jy, 1, 1) else jy - 1


def solar_hijri_months(words: Mapping[str, Any]) -> dict[str, int]:
    """The month names of a pack's ``dates.yaml`` (``solar_hijri_months``), lower-cased, to 1-12."""
    table = words.get("solar_hijri_months") or {}
    return {str(w).lower(): int(m) for m, forms in table.items() for w in forms}


def find_solar_hijri(text: str, months: Mapping[str, int], pub: dt.date | None = None,
                     ) -> Iterator[tuple[int, int, str | None, str | None]]:
    """(start, end, ISO day or None, basis) of every Solar Hijri date in ``text``: a day, a month word of
    ``months`` (lower-cased forms to 1-12) and a year ("explicit"), or a day and month alone, the latest
    on or before ``pub`` ("inferred"; None without a publication date)."""
    if not months:
        return
    plain = text.translate(DIGITS)  # one for one: offsets stay those of the text
    names = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w])(?P<d>[0-3]?\d)\s+(?P<mon>{names})(?![\w\u200c])(?:\s*(?:ماه\s+)?(?:سال\s+)?{_YEAR})?",
                         re.I)
    for m in pattern.finditer(plain):
        mon, d = months[m["mon"].lower()], int(m["d"])
        if m["year"]:
            try:
                yield m.start(), m.end(), to_gregorian(int(m["year"]), mon, d).isoformat(), "explicit"
            except ValueError:
                continue
            continue
        if pub is None:
            yield m.start(), m.end(), None, None
            continue
        for jy in (year_of(pub), year_of(pub) - 1):
            try:
                when = to_gregorian(jy, mon, d)
            except ValueError:
                break
            if when <= pub:
                yield m.start(), m.end(), when.isoformat(), "inferred"
                break
