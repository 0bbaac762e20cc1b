"""The dates a claim states, each with its span and the day, month or year it resolves to.

The same kinds of date in every language that has the words for them, so the rates compare:
full dates ("25 февраля 2022 года", "February 24, 2022", "25.02.2022"), a day and month (dated by
the publication date), a month and year, a month after a time word ("в марте", "in March"), a
weekday ("в понедельник", "on Monday"), days counted from publication ("вчера", "yesterday", "два
дня назад"), periods ("в прошлом месяце", "last month", "на этой неделе") and years ("в 2022 году",
"2022"). English reads the patterns of ``enrich.reldates``; other languages their pack's
``months.yaml`` and, where written, ``dates.yaml`` (Russian). What needs the publication date and
has none stays unresolved (``date`` null), as does a week ("на этой неделе", "last week"): never a
guess. ``basis`` says whether the text alone fixes the date ("explicit") or it was worked out from
the publication date ("inferred").
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from headwater.enrich import reldates
from headwater.extract.dates import DIGITS, find_dates, find_day_months
from headwater.lang import LanguagePack, ensure_languages, pack_for


def _year_pattern(endings: str = "") -> str:
    """A year as a number of its own, not inside a name ("Бриз-2024", "Su-2024") or a decade ("2000-х",
    "2000s"); with ``endings``, also with one of them after a hyphen ("1991-го")."""
    ending = rf"(?:-(?:{endings})(?!\w))?" if endings else ""
    return rf"(?<![\w.,])(?<![^\W\d_]-)(?:1[89]|20)\d{{2}}{ending}(?!\w|-[^\W\d_])"


_BARE_YEAR = re.compile(_year_pattern())


@dataclass(frozen=True)
class ClaimDate:
    text: str
    start: int
    end: int
    date: str | None  # "2022-02-25", "2022-02" or "2022"; None when it cannot be anchored
    basis: str | None  # "explicit" | "inferred" | None (unresolved)
    precision: str | None  # "day" | "month" | "year" | "week"

    def as_dict(self, offset: int | None) -> dict[str, Any]:
        """JSON-ready, with ``start``/``end`` moved by ``offset`` (the claim's place in its field);
        no offset known: the span is relative to the claim's text and says so."""
        d = asdict(self)
        if offset is None:
            d["span_in"] = "claim"
        else:
            d["start"], d["end"] = self.start + offset, self.end + offset
        return d


Found = tuple[int, int, str | None, str | None, str | None]  # start, end, date, basis, precision


def _pub(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _day(pub: dt.date | None, back: int) -> tuple[str | None, str | None, str | None]:
    if pub is None:
        return None, None, "day"
    return (pub - dt.timedelta(days=back)).isoformat(), "inferred", "day"


def _day_month(pub: dt.date | None, month: int, day: int) -> tuple[str | None, str | None, str | None]:
    """A day and month with no year: the latest such day on or before publication (news reports the past)."""
    if pub is None:
        return None, None, "day"
    for year in (pub.year, pub.year - 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None, None, "day"
        if d <= pub:
            return d.isoformat(), "inferred", "day"
    return None, None, "day"


def _month(pub: dt.date | None, month: int) -> tuple[str | None, str | None, str | None]:
    if pub is None:
        return None, None, "month"
    year = pub.year if month <= pub.month else pub.year - 1
    return f"{year:04d}-{month:02d}", "inferred", "month"


def _period(pub: dt.date | None, unit: str, shift: int) -> tuple[str | None, str | None, str | None]:
    """"last month" / "в прошлом месяце" to its month, "this year" to its year; a week has no
    calendar name of its own here, so it stays unresolved."""
    if pub is None or unit == "week":
        return None, None, unit
    if unit == "year":
        return f"{pub.year + shift:04d}", "inferred", "year"
    n = pub.year * 12 + pub.month - 1 + shift
    return f"{n // 12:04d}-{n % 12 + 1:02d}", "inferred", "month"


def _weekday(pub: dt.date | None, wd: int, last: bool) -> tuple[str | None, str | None, str | None]:
    """The latest such weekday on or before publication; "last Sunday" written on a Sunday is a week before."""
    if pub is None:
        return None, None, "day"
    back = (pub.weekday() - wd) % 7
    if last and back == 0:
        back = 7
    return (pub - dt.timedelta(days=back)).isoformat(), "inferred", "day"


def _full(text: str, months: Mapping[str, int] | None) -> Iterator[Found]:
    for f in find_dates(text, months or None):
        yield f.start, f.end, f.iso, "inferred" if f.ambiguous else "explicit", "day"


def _years(text: str, year_words: str = "", before: str = "", endings: str = "") -> Iterator[Found]:
    """Years. With a language's ``year_words`` ("году", "г."), a bare number followed by another
    lowercase word counts only after one of the ``before`` words: Russian names a year with its word
    ("в 2022 году"), so "отправить 2000 военных" is a count ("с 2014 по 2022 год" still reads).
    ``endings``: the ordinal endings a year takes ("границы 1991-го", "в 2025-м"), not a decade's ("2000-х")."""
    if not year_words:
        for m in _BARE_YEAR.finditer(text):
            yield m.start(), m.end(), m.group(0), "explicit", "year"
        return
    pat = re.compile(_year_pattern(endings) + rf"(?P<word>\s*(?:{year_words})(?!\w))?(?P<next>\s+[^\W\d_])?")
    prep = re.compile(rf"(?<!\w)(?:{before})\s+$", re.I) if before else None
    for m in pat.finditer(text):
        end = m.end("word") if m["word"] else m.start() + len(m.group(0)) - len(m["next"] or "")
        if not m["word"] and m["next"] and m["next"].strip().islower() and \
                not (prep and prep.search(text[max(0, m.start() - 20):m.start()])):
            continue
        yield m.start(), end, m.group(0)[:4], "explicit", "year"


# -- English -------------------------------------------------------------------------------------
# Weekdays by their full names only: "sat", "sun", "wed" are words too.
_EN_WEEKDAY = re.compile(r"\b(?P<last>last\s+|this\s+past\s+|past\s+)?(?P<wd>"
                         + "|".join(w for w in reldates.WEEKDAYS if w.endswith("day")) + r")\b", re.I)
_EN_DAYS = re.compile(r"\b(?:the\s+)?(?:day\s+before\s+yesterday|yesterday|last\s+night|today|tonight|"
                      r"this\s+(?:morning|afternoon|evening)|tomorrow)\b", re.I)
_EN_PERIOD = re.compile(r"\b(?P<shift>last|this|next)\s+(?P<unit>week|month|year)\b", re.I)
_EN_SHIFT = {"last": -1, "this": 0, "next": 1}


def _english(text: str, pub: dt.date | None, published: str | None) -> Iterator[Found]:
    yield from _full(text, None)
    for pat in (reldates.DAY_MONTH, reldates.MONTH_DAY, reldates.MONTH_YEAR, reldates.MONTH_ONLY, reldates.AGO):
        for m in pat.finditer(text):
            r = reldates.resolve_date(m.group(0), published)
            if r is not None:
                precision = r.precision or ("day" if pat in (reldates.DAY_MONTH, reldates.MONTH_DAY, reldates.AGO)
                                            else "month")
                yield m.start(), m.end(), r.date, r.basis, precision
    for m in _EN_WEEKDAY.finditer(text):
        yield (m.start(), m.end(), *_weekday(pub, reldates.WEEKDAYS[m["wd"].lower()], bool(m["last"])))
    for m in _EN_DAYS.finditer(text):
        low = m.group(0).lower()
        back = 2 if "before" in low else 1 if ("yesterday" in low or "last" in low) else -1 if "tomorrow" in low else 0
        yield (m.start(), m.end(), *_day(pub, back))
    for m in _EN_PERIOD.finditer(text):
        yield (m.start(), m.end(), *_period(pub, m["unit"].lower(), _EN_SHIFT[m["shift"].lower()]))
    yield from _years(text)


# -- languages with a pack: months.yaml, and dates.yaml where written --------------------------------
def _alt(words: Iterable[object] | None) -> str:
    """A regex alternation of the words, longest first; "" for none."""
    return "|".join(re.escape(w) for w in sorted((str(x) for x in words or ()), key=len, reverse=True))


@lru_cache(maxsize=16)
def _native(code: str) -> Callable[[str, dt.date | None], Iterator[Found]] | None:
    ensure_languages()
    pack = pack_for(code)
    if pack is None:
        return None
    return _reader(pack)


def _reader(pack: LanguagePack) -> Callable[[str, dt.date | None], Iterator[Found]]:
    months = pack.months()
    words: dict[str, Any] = pack.data("dates") or {}
    mon = _alt(months)
    shifts = {str(k).lower(): int(v) for k, v in (words.get("period_shift") or {}).items()}
    units = {str(k).lower(): str(v) for k, v in (words.get("period_units") or {}).items()}
    year_words = _alt(words.get("year_words"))
    year = r"(?P<year>(?:19|20)\d\d)" + (rf"(?:\s*(?:{year_words})(?!\w))?" if year_words else "")
    pats: dict[str, re.Pattern[str]] = {}
    if mon:
        pats["month_year"] = re.compile(rf"(?<!\w)(?P<mon>{mon})\.?,?\s+{year}", re.I)
        if cues := _alt(words.get("month_cues")):
            pats["month_cue"] = re.compile(rf"(?<!\w)(?:{cues})\s+(?P<mon>{mon})(?!\w)", re.I)
        if shifts and units:
            gen = _alt([w for w, u in units.items() if u == "year"])
            pats["day_month_shift"] = re.compile(
                rf"(?<!\w)(?P<d>[0-3]?\d)\.?\s*(?:-?го\s+)?(?P<mon>{mon})\s+(?P<shift>{_alt(shifts)})\s+(?:{gen})(?!\w)", re.I)
            pats["month_shift"] = re.compile(
                rf"(?<!\w)(?:(?:{_alt(words.get('month_cues'))})\s+)?(?P<mon>{mon})\s+(?P<shift>{_alt(shifts)})\s+(?:{gen})(?!\w)",
                re.I)
    if shifts and units:
        pats["period"] = re.compile(rf"(?<!\w)(?:(?:в|на)\s+)?(?P<shift>{_alt(shifts)})\s+(?P<unit>{_alt(units)})(?!\w)", re.I)
    wds = {str(w).lower(): int(n) for n, forms in (words.get("weekdays") or {}).items() for w in forms}
    if wds:
        preps, last = _alt(words.get("weekday_prepositions")), _alt(words.get("weekday_last"))
        pats["weekday"] = re.compile(
            rf"(?<!\w)(?:(?:{preps})\s+(?:ночь\s+на\s+)?(?:(?P<last>{last})\s+)?|(?P<last2>{last})\s+)(?P<wd>{_alt(wds)})(?!\w)",
            re.I)
    days = {str(k).lower(): int(v) for k, v in (words.get("days") or {}).items()}
    if days:
        pats["days"] = re.compile(rf"(?<!\w)(?:{_alt(days)})(?!\w)", re.I)
    ago_numbers = {str(k).lower(): int(v) for k, v in (words.get("ago_numbers") or {}).items()}
    if words.get("ago_units") and words.get("ago_word"):
        pats["ago"] = re.compile(rf"(?<!\w)(?:(?P<n>\d{{1,2}}|{_alt(ago_numbers) or 'x^'})\s+)?(?:{_alt(words['ago_units'])})"
                                 rf"\s+{re.escape(str(words['ago_word']))}(?!\w)", re.I)

    def read(text: str, pub: dt.date | None) -> Iterator[Found]:
        yield from _full(text, months)
        for s, e, month, day in find_day_months(text, months):
            yield (s, e, *_day_month(pub, month, day))
        for name, pat in pats.items():
            for m in pat.finditer(text):
                g = m.groupdict()
                if name == "month_year":
                    yield m.start(), m.end(), f"{int(g['year']):04d}-{months[g['mon'].lower()]:02d}", "explicit", "month"
                elif name == "month_cue":
                    yield (m.start(), m.end(), *_month(pub, months[g["mon"].lower()]))
                elif name == "day_month_shift":
                    y = pub.year + shifts[g["shift"].lower()] if pub else None
                    try:
                        value = dt.date(y, months[g["mon"].lower()], int(g["d"])).isoformat() if y else None
                    except ValueError:
                        continue
                    yield m.start(), m.end(), value, "inferred" if value else None, "day"
                elif name == "month_shift":
                    y = pub.year + shifts[g["shift"].lower()] if pub else None
                    month = months[g["mon"].lower()]
                    yield m.start(), m.end(), f"{y:04d}-{month:02d}" if y else None, "inferred" if y else None, "month"
                elif name == "period":
                    yield (m.start(), m.end(), *_period(pub, units[g["unit"].lower()], shifts[g["shift"].lower()]))
                elif name == "weekday":
                    yield (m.start(), m.end(), *_weekday(pub, wds[g["wd"].lower()], bool(g["last"] or g["last2"])))
                elif name == "days":
                    yield (m.start(), m.end(), *_day(pub, days[" ".join(m.group(0).lower().split())]))
                elif name == "ago":
                    n = g["n"]
                    back = 1 if not n else int(n) if n.isdigit() else ago_numbers[n.lower()]
                    yield (m.start(), m.end(), *_day(pub, back))
        yield from _years(text, year_words, _alt(words.get("year_prepositions")), _alt(words.get("year_endings")))

    return read


def find_claim_dates(text: str, lang: str | None, published: str | None) -> list[ClaimDate]:
    """Every date the text states, in order, none overlapping (the longest reading of a stretch
    wins: "25 февраля 2022 года" is one date, not a day and a year). English when ``lang`` is
    "en"; a language with no pack or no month words: full numeric dates and years only; no
    language: nothing language-specific is guessed."""
    original, text = text, text.translate(DIGITS)  # one for one: offsets stay those of the text
    pub = _pub(published)
    if lang == "en":
        found = list(_english(text, pub, published))
    elif lang and (native := _native(lang)) is not None:
        found = list(native(text, pub))
    else:
        found = [*_full(text, None), *_years(text)]
    taken: list[tuple[int, int]] = []
    out: list[ClaimDate] = []
    for s, e, date, basis, precision in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if any(s < b and a < e for a, b in taken):
            continue
        taken.append((s, e))
        out.append(ClaimDate(original[s:e], s, e, date, basis, precision))
    return sorted(out, key=lambda d: d.start)
