"""What every language's date reader shares: turning a stated date into a day, month or year.

Each helper answers (date, basis, precision): ``date`` "2022-02-25", "2022-02" or "2022" (None when
it cannot be anchored), ``basis`` "explicit" (the text alone fixes it) or "inferred" (worked out
from the publication date; None when unresolved). Relative dates need the publication date: with
none they stay unresolved, never guessed.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache

from headwater.extract.dates import find_dates

Found = tuple[int, int, str | None, str | None, str | None]  # start, end, date, basis, precision
Ranged = tuple[int, int, str | None, str | None, str | None, str | None]  # … and the range's last day
Value = tuple[str | None, str | None, str | None]  # date, basis, precision

# Word edges that hold in every script: Python's ``\w`` leaves out combining marks, so "(?<!\w)कल"
# matched inside "निकले" (the vowel sign before "क" is no \w) and "आज" began "आज़ाद" (the nukta after
# "ज"). Letters, digits, combining diacritics, Arabic harakat and the Indic blocks (their vowel
# signs and viramas), but not the danda (U+0964-0965), which ends a sentence.
LETTER = r"\w\u0300-\u036F\u064B-\u065F\u0670\u0900-\u0963\u0966-\u0DFF"
B = rf"(?<![{LETTER}])"  # a word starts here
E = rf"(?![{LETTER}])"  # a word ends here
WORD = re.compile(rf"[{LETTER}]+(?:['’-][{LETTER}]+)*")


def year_pattern(endings: str = "") -> str:
    """A year as a number of its own, not inside a name ("Бриз-2024", "Su-2024") or a decade ("2000-х",
    "2000s"); with ``endings``, also with one of them after a hyphen ("1991-го")."""
    ending = rf"(?:-(?:{endings})(?!\w))?" if endings else ""
    return rf"(?<![\w.,])(?<![^\W\d_]-)(?:1[89]|20)\d{{2}}{ending}(?!\w|-[^\W\d_])"


BARE_YEAR = re.compile(year_pattern())


def alt(words: Iterable[object] | None) -> str:
    """A regex alternation of the words, longest first; "" for none."""
    return "|".join(re.escape(w) for w in sorted((str(x) for x in words or ()), key=len, reverse=True))


def pub_date(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def day(pub: dt.date | None, back: int) -> Value:
    if pub is None:
        return None, None, "day"
    return (pub - dt.timedelta(days=back)).isoformat(), "inferred", "day"


def day_month(pub: dt.date | None, month: int, d: int) -> Value:
    """A day and month with no year: the latest such day on or before publication (news reports the past)."""
    if pub is None:
        return None, None, "day"
    for year in (pub.year, pub.year - 1):
        try:
            when = dt.date(year, month, d)
        except ValueError:
            return None, None, "day"
        if when <= pub:
            return when.isoformat(), "inferred", "day"
    return None, None, "day"


def month(pub: dt.date | None, m: int, tense: str | None = None) -> Value:
    """A month named alone ("в марте", "in March") by the tense of its clause: told in the future, the
    first such month not over at publication ("в марте будут выборы" written in May: next March); in the
    past, or with no tense to tell, the latest to begin on or before publication (news reports the past).
    ``tense`` "last"/"next" (a shift word: "last March", "مارس المقبل"): the one before or after the
    publication's month, never that month itself."""
    if pub is None:
        return None, None, "month"
    if tense == "next":
        year = pub.year if m > pub.month else pub.year + 1
    elif tense == "last":
        year = pub.year if m < pub.month else pub.year - 1
    elif tense == "future":
        year = pub.year if m >= pub.month else pub.year + 1
    else:
        year = pub.year if m <= pub.month else pub.year - 1
    return f"{year:04d}-{m:02d}", "inferred", "month"


def period(pub: dt.date | None, unit: str, shift: int) -> Value:
    """"last month" / "в прошлом месяце" to its month, "this year" / "two years ago" to its year; a
    week has no calendar name of its own here, so it stays unresolved."""
    if pub is None or unit == "week":
        return None, None, unit
    if unit == "year":
        return f"{pub.year + shift:04d}", "inferred", "year"
    if unit == "day":
        return day(pub, -shift)
    n = pub.year * 12 + pub.month - 1 + shift
    return f"{n // 12:04d}-{n % 12 + 1:02d}", "inferred", "month"


def short_year(pub: dt.date | None, yy: int) -> Value:
    """A year by its last two digits ("91-го года"): the latest such year not after publication (news looks
    back: "91-го" written in 2024 is 1991, "14-го" 2014); unresolved with no publication date."""
    if pub is None:
        return None, None, "year"
    year = pub.year // 100 * 100 + yy
    return f"{year - 100 if year > pub.year else year:04d}", "inferred", "year"


def weekday(pub: dt.date | None, wd: int, last: bool) -> Value:
    """The latest such weekday on or before publication; "last Sunday" written on a Sunday is a week before."""
    if pub is None:
        return None, None, "day"
    back = (pub.weekday() - wd) % 7
    if last and back == 0:
        back = 7
    return (pub - dt.timedelta(days=back)).isoformat(), "inferred", "day"


def weekday_next(pub: dt.date | None, wd: int) -> Value:
    """"الأحد المقبل" (next Sunday): the first such weekday after publication."""
    if pub is None:
        return None, None, "day"
    ahead = (wd - pub.weekday()) % 7 or 7
    return (pub + dt.timedelta(days=ahead)).isoformat(), "inferred", "day"


def full(text: str, months: Mapping[str, int] | None, joiners: tuple[str, ...] = (),
         year_joiners: tuple[str, ...] = ()) -> Iterator[Found]:
    for f in find_dates(text, months or None, joiners, year_joiners):
        yield f.start, f.end, f.iso, "inferred" if f.ambiguous else "explicit", "day"


def years(text: str, year_words: str = "", before: str = "", endings: str = "") -> Iterator[Found]:
    """Years. With a language's ``year_words`` ("году", "г."), a bare number followed by another
    lowercase word counts only after one of the ``before`` words: Russian names a year with its word
    ("в 2022 году"), so "отправить 2000 военных" is a count ("с 2014 по 2022 год" still reads).
    ``endings``: the ordinal endings a year takes ("границы 1991-го", "в 2025-м"), not a decade's ("2000-х")."""
    if not year_words:
        for m in BARE_YEAR.finditer(text):
            yield m.start(), m.end(), m.group(0), "explicit", "year"
        return
    pat = re.compile(year_pattern(endings) + rf"(?P<word>\s*(?:{year_words})(?!\w))?(?P<next>\s+[^\W\d_])?")
    prep = re.compile(rf"(?<!\w)(?:{before})\s+$", re.I) if before else None
    for m in pat.finditer(text):
        end = m.end("word") if m["word"] else m.start() + len(m.group(0)) - len(m["next"] or "")
        if not m["word"] and m["next"] and m["next"].strip().islower() and \
                not (prep and prep.search(text[max(0, m.start() - 20):m.start()])):
            continue
        yield m.start(), end, m.group(0)[:4], "explicit", "year"


def day_range(pub: dt.date | None, m: int, first: int, last: int, year: int | None) -> tuple[Value, str | None]:
    """"1-3 марта", "March 1-3, 2022": the first day as the date, the last as the range's end; no
    year stated: both dated like a day and month alone (inferred, or unresolved with no publication date)."""
    if not 1 <= first < last <= 31:
        return (None, None, None), None
    if year is not None:
        try:
            return (dt.date(year, m, first).isoformat(), "explicit", "day"), dt.date(year, m, last).isoformat()
        except ValueError:
            return (None, None, None), None
    end = day_month(pub, m, last)
    if end[0] is None:
        return (None, None, "day"), None
    try:
        start = dt.date(int(end[0][:4]), m, first)
    except ValueError:
        return (None, None, None), None
    return (start.isoformat(), "inferred", "day"), end[0]


# Two day numbers joined by a dash or a short word: a sentence without one has no day range to look for
# (most have none; the month-word patterns are the costly part).
_RANGE_HINT = re.compile(r"\d\s*(?:[-–—]|\s\w{1,3}\s)\s*\d")


@lru_cache(maxsize=32)
def _range_patterns(month_words: tuple[str, ...], month_first: bool, year_words: str,
                    joiners: str, day_joiners: str = "") -> tuple[re.Pattern[str], ...]:
    mon = alt(month_words)
    day_join = rf"(?:(?:{day_joiners})\s+)?" if day_joiners else ""  # "1–3 de março"
    dash = rf"(?:\s*[-–—]\s*|\s+(?:{joiners})\s+)" if joiners else r"\s*[-–—]\s*"
    yw = rf"(?:\s*(?:{year_words})(?!\w))?" if year_words else ""
    year = rf"(?:,?\s+(?:de\s+)?(?P<year>(?:19|20)\d\d)(?!\d){yw})?"
    pats = [rf"(?<![\w.-])(?P<a>[0-3]?\d){dash}(?P<b>[0-3]?\d)\.?\s+{day_join}(?P<mon>{mon})(?!\w){year}"]
    if month_first:
        pats.append(rf"(?<!\w)(?P<mon>{mon})\.?\s+(?P<a>[0-3]?\d){dash}(?P<b>[0-3]?\d)(?![\d\w]){year}")
    return tuple(re.compile(p, re.I) for p in pats)


def ranges(text: str, months: Mapping[str, int], pub: dt.date | None, month_first: bool = False,
           year_words: str = "", joiners: str = "", day_joiners: str = "") -> Iterator[Ranged]:
    """Day ranges within one month: "1-3 марта (2022 года)", "1–3 de março", with a language's
    ``joiners`` also "с 1 по 3 марта", "de 1 a 3 de março" (``day_joiners``: the "de" before the month),
    and with ``month_first`` "March 1-3(, 2022)".
    A range across months ("с 24 февраля по 3 марта") is two dates, read apart."""
    if not months or not _RANGE_HINT.search(text):
        return
    for pat in _range_patterns(tuple(months), month_first, year_words, joiners, day_joiners):
        for m in pat.finditer(text):
            value, until = day_range(pub, months[m["mon"].lower().rstrip(".")], int(m["a"]), int(m["b"]),
                                     int(m["year"]) if m["year"] else None)
            if value[2] is not None:
                yield (m.start(), m.end(), *value, until)
