"""The dates a claim states, each with its span and the day, month or year it resolves to.

The same kinds of date in every language that has the words for them, so the rates compare:
full dates ("25 февраля 2022 года", "February 24, 2022", "25.02.2022"), a day and month (dated by
the publication date), a month and year, a month after a time word ("в марте", "in March"), a
weekday ("в понедельник", "on Monday", "الأحد الماضي"), days counted from publication ("вчера",
"yesterday", "أمس", "два дня назад", "двадцать лет назад", "через два дня", "قبل يومين"), periods ("в
прошлом месяце", "last month", "на этой неделе", "العام الماضي"), a part of the current period ("с
начала года", "by the end of the year") and years ("в 2022 году", "2022"). A month alone goes by the
tense of its clause: told in the future, the first such month not over ("will resume in March").
English reads the patterns of ``enrich.reldates``; other languages their pack's ``months.yaml`` and,
where written, ``dates.yaml`` (Russian, Arabic, Portuguese, Bulgarian, Hindi). What needs the publication date and
has none stays unresolved (``date`` null), as does a week ("на этой неделе", "last week"): never a
guess. ``basis`` says whether the text alone fixes the date ("explicit") or it was worked out
("inferred"); one worked out from the publication date names it (``inferred_from``). A day range
("1-3 марта", "March 1-3") is its first day with the last as ``until``; so is a season ("прошлым
летом", "last summer": its first and last months, ``enrich.claims.seasons``), a decade ("в
1990-х", "the 1990s": its first and last years, ``enrich.claims.decades``) and a century ("в XX
веке": 1901 to 2000, ``enrich.claims.centuries``). "Сегодня"/"today"
beside a present-tense verb of state, or in a set phrase ("на сегодняшний день", "in today's world"),
means nowadays and is no date (``enrich.claims.tense``).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from headwater.enrich import reldates
from headwater.enrich.claims import date_parts as P
from headwater.enrich.claims.centuries import Centuries, centuries_reader, find_centuries
from headwater.enrich.claims.decades import Decades, decades_reader, find_decades
from headwater.enrich.claims.native_dates import native_reader
from headwater.enrich.claims.seasons import Seasons, find_seasons, seasons_reader
from headwater.enrich.claims.tense import Tense, tense_at, tense_words
from headwater.enrich.numbers import find_quantities
from headwater.extract.dates import DIGITS
from headwater.lang import ensure_languages, pack_for


@dataclass(frozen=True)
class ClaimDate:
    text: str
    start: int
    end: int
    date: str | None  # "2022-02-25", "2022-02" or "2022"; None when it cannot be anchored
    basis: str | None  # "explicit" | "inferred" | None (unresolved)
    precision: str | None  # "day" | "month" | "year" | "week" | "season" | "decade" | "century"
    until: str | None = None  # a day range's last day ("1-3 марта": the 3rd)
    inferred_from: str | None = None  # "published 2024-07-03": what an inferred date was worked out from

    def as_dict(self, offset: int | None) -> dict[str, Any]:
        """JSON-ready, with ``start``/``end`` moved by ``offset`` (the claim's place in its field);
        no offset known: the span is relative to the claim's text and says so. ``until`` and
        ``inferred_from`` only where they say something."""
        d = {k: v for k, v in asdict(self).items() if v is not None or k not in ("until", "inferred_from")}
        if offset is None:
            d["span_in"] = "claim"
        else:
            d["start"], d["end"] = self.start + offset, self.end + offset
        return d


# -- English -------------------------------------------------------------------------------------
# Weekdays by their full names only: "sat", "sun", "wed" are words too.
_EN_WEEKDAY = re.compile(r"\b(?P<last>last\s+|this\s+past\s+|past\s+)?(?P<wd>"
                         + "|".join(w for w in reldates.WEEKDAYS if w.endswith("day")) + r")\b", re.I)
_EN_DAYS = re.compile(r"\b(?:the\s+)?(?:day\s+before\s+yesterday|yesterday|last\s+night|today|tonight|"
                      r"this\s+(?:morning|afternoon|evening)|tomorrow)\b", re.I)
_EN_PERIOD = re.compile(r"\b(?P<shift>last|this|next)\s+(?P<unit>week|month|year)\b", re.I)
_EN_SHIFT = {"last": -1, "this": 0, "next": 1}
# "two years ago", "a month ago", "three weeks ago" (days: ``reldates.AGO``); "years ago" alone is vague.
_EN_AGO = re.compile(r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+"
                     r"(?P<unit>week|month|year)s?\s+ago\b", re.I)
# "in the past 24 hours", "over the last day": the day up to publication, a span with no one date (unresolved).
_EN_PAST_DAY = re.compile(r"\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?:24\s+hours|day)\b", re.I)
_EN_COUNT = {"eight": 8, "nine": 9, "ten": 10, **reldates.NUMBER_WORDS}
# "last March", "next October": the month before or after the publication's (Arabic "مارس الماضي").
_EN_MONTH_SHIFT = re.compile(r"\b(?P<shift>last|next|this\s+past|this\s+coming)\s+(?P<mon>"
                             + "|".join(sorted((m for m in reldates.MONTHS if len(m) > 3 or m == "may"), key=len,
                                               reverse=True)) + r")\b", re.I)
# A part of the period publication falls in ("since the start of the year", "by the end of the month"), as
# Russian "с начала года", "до конца месяца"; "the end of the year 2022", "the end of the year of ..." are not.
# The end or middle told in the past ("at the end of the year prices rose") may be last year's: unresolved.
_EN_PART = re.compile(r"\b(?:(?:since|from|by|until|till|before|at|in|through)\s+)?the\s+(?P<part>start|beginning|"
                      r"end|middle)\s+of\s+the\s+(?P<unit>year|month|week)\b(?!\s*(?:of\b|\d))", re.I)


def _english(text: str, pub: dt.date | None, published: str | None) -> Iterator[P.Found]:
    yield from P.full(text, None)
    tense, idioms = _tense("en"), _en_idioms()
    for pat in (reldates.DAY_MONTH, reldates.MONTH_DAY, reldates.MONTH_YEAR, reldates.MONTH_ONLY, reldates.AGO):
        for m in pat.finditer(text):
            r = reldates.resolve_date(m.group(0), published)
            if r is None:
                continue
            if pat is reldates.MONTH_ONLY and r.date is not None and tense is not None and \
                    tense_at(text, *m.span(), tense) == "future":  # "talks will resume in March": the next March
                yield (m.start(), m.end(), *P.month(pub, reldates.MONTHS[m["mon"].lower()], "future"))
                continue
            precision = r.precision or ("day" if pat in (reldates.DAY_MONTH, reldates.MONTH_DAY, reldates.AGO)
                                        else "month")
            yield m.start(), m.end(), r.date, r.basis, precision
    for m in _EN_WEEKDAY.finditer(text):
        yield (m.start(), m.end(), *P.weekday(pub, reldates.WEEKDAYS[m["wd"].lower()], bool(m["last"])))
    for m in _EN_DAYS.finditer(text):
        low = m.group(0).lower()
        if low == "today" and ((idioms and any(i.start() <= m.start() < i.end() for i in idioms.finditer(text)))
                               or (tense and tense_at(text, *m.span(), tense) == "present")):
            continue  # "few read maps as they do today", "in today's world": nowadays, no day
        back = 2 if "before" in low else 1 if ("yesterday" in low or "last" in low) else -1 if "tomorrow" in low else 0
        yield (m.start(), m.end(), *P.day(pub, back))
    for m in _EN_PERIOD.finditer(text):
        yield (m.start(), m.end(), *P.period(pub, m["unit"].lower(), _EN_SHIFT[m["shift"].lower()]))
    for m in _EN_AGO.finditer(text):
        n = int(m["n"]) if m["n"].isdigit() else _EN_COUNT[m["n"].lower()]
        yield (m.start(), m.end(), *P.period(pub, m["unit"].lower(), -n))
    for m in _EN_PAST_DAY.finditer(text):
        yield m.start(), m.end(), None, None, "day"
    for m in _EN_MONTH_SHIFT.finditer(text):
        which = "next" if m["shift"].lower().endswith(("next", "coming")) else "last"
        yield (m.start(), m.end(), *P.month(pub, reldates.MONTHS[m["mon"].lower()], which))
    for m in _EN_PART.finditer(text):
        unit = m["unit"].lower()
        if m["part"].lower() in ("end", "middle") and tense is not None and tense_at(text, *m.span(), tense) == "past":
            yield m.start(), m.end(), None, None, unit
        else:
            yield (m.start(), m.end(), *P.period(pub, unit, 0))
    counts: list[tuple[int, int]] | None = None  # (read only where a year is: most claims state none)
    for y in P.years(text):  # (not the count of "around 2000 civilians")
        if counts is None:
            counts = [(q.start, q.end) for q in find_quantities(text) if q.value is not None and q.is_count]
        if not any(a <= y[0] and y[1] <= b for a, b in counts):
            yield y


@lru_cache(maxsize=16)
def _pack_words(lang: str) -> dict[str, Any]:
    """A language's ``dates.yaml`` ({} when it has none)."""
    ensure_languages()
    pack = pack_for(lang)
    return dict(pack.data("dates") or {}) if pack is not None else {}


@lru_cache(maxsize=16)
def _tense(lang: str) -> Tense | None:
    return tense_words(_pack_words(lang).get("tense"))


@lru_cache(maxsize=1)
def _en_idioms() -> re.Pattern[str] | None:
    """English set phrases in which "today" is nowadays ("in today's world")."""
    words = _pack_words("en").get("days_idioms")
    return re.compile(rf"\b(?:{P.alt(words)})\b", re.I) if words else None


@lru_cache(maxsize=16)
def _seasons(lang: str) -> Seasons | None:
    words = _pack_words(lang)
    return seasons_reader(words.get("seasons"), words)


@lru_cache(maxsize=16)
def _decades(lang: str) -> Decades | None:
    return decades_reader(_pack_words(lang).get("decades"))


@lru_cache(maxsize=16)
def _centuries(lang: str) -> Centuries | None:
    return centuries_reader(_pack_words(lang).get("centuries"))


@lru_cache(maxsize=16)
def _range_words(lang: str) -> tuple[dict[str, int], str, str, str]:
    """A language's month words, year words, range words ("по", "a") and day-month joiners ("de"), for day
    ranges ({} when it has no pack)."""
    ensure_languages()
    pack = pack_for(lang)
    if pack is None:
        return {}, "", "", ""
    words = pack.data("dates") or {}
    return (pack.months(), P.alt(words.get("year_words")), P.alt(words.get("range_joiners")),
            P.alt(pack.day_month_joiners()))


def _ranges(text: str, lang: str | None, pub: dt.date | None) -> list[P.Ranged]:
    if lang == "en":
        return list(P.ranges(text, reldates.MONTHS, pub, month_first=True))
    months, year_words, joiners, day_joiners = _range_words(lang) if lang else ({}, "", "", "")
    return list(P.ranges(text, months, pub, year_words=year_words, joiners=joiners,
                         day_joiners=day_joiners)) if months else []


def find_claim_dates(text: str, lang: str | None, published: str | None) -> list[ClaimDate]:
    """Every date the text states, in order, none overlapping (the longest reading of a stretch
    wins: "25 февраля 2022 года" is one date, not a day and a year). English when ``lang`` is
    "en"; a language with no pack or no month words: full numeric dates and years only; no
    language: nothing language-specific is guessed."""
    original, text = text, text.translate(DIGITS)  # one for one: offsets stay those of the text
    pub = P.pub_date(published)
    if lang == "en":
        found = list(_english(text, pub, published))
    elif lang and (native := native_reader(lang)) is not None:
        found = list(native(text, pub))
    else:
        found = [*P.full(text, None), *P.years(text)]
    every: list[P.Ranged] = [(*f, None) for f in found] + _ranges(text, lang, pub)
    if lang and (seasons := _seasons(lang)) is not None:
        every += find_seasons(text, pub, seasons, _tense(lang))
    if lang and (decades := _decades(lang)) is not None:
        every += find_decades(text, pub, decades)
    if lang and (centuries := _centuries(lang)) is not None:
        every += find_centuries(text, pub, centuries)
    taken: list[tuple[int, int]] = []
    out: list[ClaimDate] = []
    for s, e, date, basis, precision, until in sorted(every, key=lambda f: (f[0] - f[1], f[0])):
        if any(s < b and a < e for a, b in taken):
            continue
        taken.append((s, e))
        anchor = f"published {pub.isoformat()}" if basis == "inferred" and pub is not None and not _ambiguous(
            original[s:e]) else None
        out.append(ClaimDate(original[s:e], s, e, date, basis, precision, until, anchor))
    return sorted(out, key=lambda d: d.start)


def _ambiguous(surface: str) -> bool:
    """A numeric date whose day and month could be swapped ("03/04/2022") is inferred from its order,
    not from the publication date."""
    return bool(re.fullmatch(r"[\d./\s-]+", surface))
