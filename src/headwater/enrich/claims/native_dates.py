"""Dates in a language with a pack: its ``months.yaml`` and, where written, its ``dates.yaml``.

What each key of ``dates.yaml`` means is documented in the Russian one (``lang/ru/dates.yaml``; the
Arabic one adds weekdays alone and shifts after a weekday, ``weekday_after``, and the words that make a
count one before something else, ``ago_stop_words``/``ago_stop_prefixes``; the Bulgarian one shifts
before a month, ``month_before``; ``weekday_next`` are the words before a weekday that make it the next
one, "в следующий понедельник", "no próximo sábado"); a
key a language leaves out turns that kind of date off, so a pack with month names only reads full
dates, days and months, months with a year, day ranges and years.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from headwater.enrich.claims import date_parts as P
from headwater.enrich.claims.tense import tense_at, tense_words
from headwater.extract.dates import find_day_months
from headwater.extract.solar_hijri import find_solar_hijri, solar_hijri_months
from headwater.lang import LanguagePack, ensure_languages, pack_for

Reader = Callable[[str, "dt.date | None"], Iterator[P.Found]]


@lru_cache(maxsize=16)
def native_reader(code: str) -> Reader | None:
    ensure_languages()
    pack = pack_for(code)
    return None if pack is None else _reader(pack)


def _cue_months(months: dict[str, int]) -> str:
    """Month words that may stand after a time word ("в марте", "em março"): not an abbreviation
    that begins another form of its month ("мар", "mar", "set", "out" are words too: "em mar aberto")."""
    return P.alt(w for w, n in months.items()
                 if not any(o != w and o.startswith(w) for o, k in months.items() if k == n))


def _patterns(months: dict[str, int], words: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    mon = P.alt(months)
    # what the language writes between a day and its month: "22-го июня", "25 de abril", "9-ти септември"
    day_join = P.alt(words.get("day_month_joiners"))
    day_join = rf"(?:(?:{day_join})\s+)?" if day_join else ""
    shifts = P.alt(words.get("period_shift"))
    units = P.alt(words.get("period_units"))
    year_words = P.alt(words.get("year_words"))
    joiners = P.alt(words.get("month_year_joiners"))
    year_tail = rf"(?:\s*(?:{year_words}){P.E})?" if year_words else ""
    # "в марте 2023-го": the year's ordinal ending belongs to it
    year_end = rf"(?:-(?:{P.alt(words.get('year_endings'))}){P.E})?" if words.get("year_endings") else ""
    year = r"(?P<year>(?:19|20)\d\d)(?!\d)" + year_end + year_tail
    pats: dict[str, re.Pattern[str]] = {}
    if mon:
        join = rf"(?:\s+(?:{joiners}))?" if joiners else ""
        pats["month_year"] = re.compile(rf"{P.B}(?P<mon>{mon})\.?,?{join}\s+{year}", re.I)
        # a full date before 1980 ("22 июня 1941 года", "25 de abril de 1974"): the publication-date reader
        # (extract.dates) takes years from 1980 on only, and without this the day was lost to "июня 1941 года"
        old = r"(?P<year>1[0-8]\d\d|19[0-7]\d)(?!\d)" + year_tail
        pats["day_month_year"] = re.compile(rf"{P.B}(?P<d>[0-3]?\d)\.?\s*{day_join}(?P<mon>{mon})\.?,?{join}\s+{old}",
                                            re.I)
        cues = P.alt(words.get("month_cues"))
        if range_words := P.alt(words.get("range_joiners")):
            # "с января по май 2024 года", "janeiro a março de 2023": the first month of a range has the year
            # written after the last (the one before it when the range runs over the new year: "ноябрь–
            # февраль 2024"); the last month is read as a month and year
            lead = rf"(?:(?:{cues})\s+)?" if cues else ""
            pats["month_span"] = re.compile(
                rf"{P.B}{lead}(?P<mon>{_cue_months(months)})(?=\s*(?:[-–—]|\s(?:{range_words})\s)\s*(?P<mon2>{mon})"
                rf"\.?,?{join}\s+(?P<year>(?:19|20)\d\d)(?!\d))", re.I)
        if cues:
            pats["month_cue"] = re.compile(rf"{P.B}(?:{cues})\s+(?P<mon>{_cue_months(months)}){P.E}", re.I)
        if shifts and units:
            # "15 сентября прошлого года", "15 de março do ano passado", "3 март миналата година": a day or a
            # month of the year before (or this, or the next), the year word before or after its shift.
            gen = P.alt(w for w, u in (words.get("period_units") or {}).items() if u == "year")
            preps = P.alt(words.get("period_prepositions"))
            of = rf"(?:(?:{preps})\s+)?" if preps else ""
            which = rf"{of}(?:(?P<shift>{shifts})\s+(?:{gen})|(?:{gen})\s+(?P<shift2>{shifts})){P.E}"
            pats["day_month_shift"] = re.compile(
                rf"{P.B}(?P<d>[0-3]?\d)\.?\s*{day_join}(?P<mon>{mon})\s+{which}", re.I)
            pats["month_shift"] = re.compile(
                rf"{P.B}(?:(?:{P.alt(words.get('month_cues'))})\s+)?(?P<mon>{mon})\s+{which}", re.I)
    if shifts and units:
        preps = P.alt(words.get("period_prepositions"))
        lead = rf"(?:(?:{preps})\s+)?" if preps else ""
        # Shift before the unit ("в прошлом месяце", "миналата година", "este ano") or after it ("no mês passado").
        pats["period"] = re.compile(rf"{P.B}{lead}(?:(?P<shift>{shifts})\s+(?P<unit>{units})|"
                                    rf"(?P<unit2>{units})\s+(?P<shift2>{shifts})){P.E}", re.I)
    wds = {str(w).lower(): int(n) for n, forms in (words.get("weekdays") or {}).items() for w in forms}
    if wds:
        preps, last = P.alt(words.get("weekday_prepositions")), P.alt(words.get("weekday_last"))
        # "в следующий понедельник", "no próximo sábado": the first such day after publication
        nxt = P.alt(words.get("weekday_next"))
        night = P.alt(words.get("weekday_before"))
        night = rf"(?:(?:{night})\s+)?" if night else ""
        shift = "|".join(x for x in (rf"(?P<last>{last})" if last else "", rf"(?P<next>{nxt})" if nxt else "") if x)
        # Weekday names that are nothing else (Hindi "सोमवार") are read alone ("शुक्रवार को"), as English reads
        # "Monday"; Russian "среда" is also "environment", so its weekdays need a preposition or a "last" word.
        leads = [rf"(?:{preps})\s+{night}(?:(?:{shift})\s+)?" if preps else "",
                 rf"(?P<last2>{last})\s+" if last else "", rf"(?P<next2>{nxt})\s+" if nxt else ""]
        alone = words.get("weekdays_alone")
        lead = "(?:" + "|".join(x for x in leads if x) + ")" + ("?" if alone is True else "")
        # "الأحد الماضي" (last Sunday), "الأحد المقبل" (next Sunday): the shift after the weekday
        after = words.get("weekday_after") or {}
        tail = rf"(?:\s+(?P<after>{P.alt(after)}){P.E})?" if after else ""
        # a list: the forms that are weekdays alone; the others need a lead ("الاثنين" is also "the two")
        solo = rf"|(?P<wd2>{P.alt(alone)})" if isinstance(alone, list) else ""
        pats["weekday"] = re.compile(rf"{P.B}(?:{lead}(?P<wd>{P.alt(wds)}){solo}){P.E}{tail}", re.I)
    if mon and (after := words.get("month_after")):
        # "مارس الماضي" (last March), "آذار المقبل" (next March): the shift after the month
        pats["month_after"] = re.compile(rf"{P.B}(?:(?:{P.alt(words.get('month_cues')) or 'x^'})\s+)?(?P<mon>{mon})\s+"
                                         rf"(?P<after>{P.alt(after)}){P.E}", re.I)
    if mon and (before := words.get("month_before")):
        # "миналия юни" (last June), "следващия март" (next March): the shift before the month
        pats["month_before"] = re.compile(rf"{P.B}(?P<before>{P.alt(before)})\s+(?P<mon>{_cue_months(months)}){P.E}",
                                          re.I)
    if mon and (post := P.alt(words.get("month_postcues"))):
        # a month before its postposition: Hindi "मार्च में" (in March), "जून से" (since June)
        pats["month_postcue"] = re.compile(rf"{P.B}(?P<mon>{_cue_months(months)})\s+(?:{post}){P.E}", re.I)
    if words.get("tense_days"):
        # a day word that is yesterday or tomorrow by the tense of its verb (Hindi "कल"): ``enrich.claims.tense``
        pats["tense_days"] = re.compile(rf"{P.B}(?:{P.alt(words['tense_days'])}){P.E}", re.I)
    if words.get("days"):
        pats["days"] = re.compile(rf"{P.B}(?:{P.alt(words['days'])}){P.E}", re.I)
    if words.get("days_idioms"):
        pats["idioms"] = re.compile(rf"{P.B}(?:{P.alt(words['days_idioms'])}){P.E}", re.I)
    if eve := words.get("eve"):
        # "накануне" alone is the day before publication ("Накануне, 2 июля, …", "накануне заявил"); before a
        # noun it is the eve of that ("накануне выборов"): only read before punctuation, a time-of-day
        # word or a past-tense verb.
        after = P.alt(eve.get("followed_by"))
        verb = P.alt(eve.get("verb_endings"))
        pats["eve"] = re.compile(rf"{P.B}(?:{P.alt(eve.get('words'))})(?=\s*(?:[,.;:!?)—–-]|$)|\s+(?:{after}){P.E}|"
                                 rf"\s+[^\W\d_]+(?:{verb}){P.E})", re.I)
        if eve.get("subject_words"):
            # "Накануне премьер-министр Венгрии Виктор Орбан попросил …": a subject, then its past-tense verb;
            # whether the first word is a subject or the noun of "the eve of" ("Накануне выборов президент
            # заявил") is told by its ending (``eve_subject``).
            word = r"[^\W\d_][\w-]*"
            pats["eve_subject"] = re.compile(
                rf"{P.B}(?:{P.alt(eve.get('words'))})(?=\s+(?P<first>{word})(?:\s+{word}){{0,{int(eve['subject_words']) - 1}}}?"
                rf"\s+[^\W\d_]+(?:{verb}){P.E})", re.I)
    if past := words.get("past_day"):
        # "за минувшие сутки": the day up to publication, a span with no one date of its own (unresolved,
        # as "на этой неделе" is); "за сутки до выборов" is a day before something else, not read.
        not_before = P.alt(past.get("not_before"))
        stop = rf"(?!\s+(?:{not_before}){P.E})" if not_before else ""
        pats["past_day"] = re.compile(rf"{P.B}(?:{P.alt(past.get('words'))}){P.E}{stop}", re.I)
    # a count in digits or in words, a word or two ("три", "двадцать пять", "сто двадцать")
    nums = P.alt(words.get("ago_numbers")) or "x^"
    count = rf"(?:(?P<n>\d{{1,3}}|(?:{nums})(?:\s+(?:{nums}))?){P.E}\s+)?"
    ago_units = P.alt(words.get("ago_units"))
    if ago_units and words.get("ago_word"):
        pats["ago"] = re.compile(rf"{P.B}{count}(?P<unit>{ago_units})\s+(?:{P.alt([words['ago_word']])}){P.E}", re.I)
    if ago_units and words.get("ago_prefix"):
        # not before the words that make the count one before something else (Arabic "قبل يومين من الانتخابات",
        # "قبل يوم الانتخابات": before the elections, before election day)
        stop_words, stop_starts = P.alt(words.get("ago_stop_words")), P.alt(words.get("ago_stop_prefixes"))
        stops = [rf"\s+(?:{stop_words}){P.E}" if stop_words else "", rf"\s+(?:{stop_starts})" if stop_starts else ""]
        stop = "(?!" + "|".join(x for x in stops if x) + ")" if any(stops) else ""
        pats["ago_before"] = re.compile(rf"{P.B}(?:{P.alt([words['ago_prefix']])})\s+{count}(?P<unit>{ago_units}){P.E}"
                                        rf"{stop}", re.I)
    if ago_units and (ahead := words.get("ahead")):
        # "через два дня": counted forward from publication; not "через два дня после теракта" (after something else)
        not_before = P.alt(ahead.get("not_before"))
        stop = rf"(?!\s+(?:{not_before}){P.E})" if not_before else ""
        pats["ahead"] = re.compile(rf"{P.B}(?:{P.alt(ahead.get('words'))})\s+{count}(?P<unit>{ago_units}){P.E}{stop}", re.I)
    if parts := words.get("period_parts"):
        # "с начала года", "до конца месяца": a part of the period publication falls in (not "конца 2022 года",
        # "конца учебного года": the unit must follow the part word)
        pats["part"] = re.compile(rf"{P.B}(?:(?P<prep>{P.alt(parts.get('prepositions'))})\s+)?(?P<part>"
                                  rf"{P.alt(parts.get('parts'))})\s+(?P<unit>{P.alt(parts.get('units'))}){P.E}"
                                  rf"(?!\s*(?:\d|{P.alt(words.get('period_shift')) or 'x^'}))", re.I)
    if short := words.get("short_years"):
        # "границы 91-го года": a year by its last two digits, an ordinal's ending and the year's word
        pats["short_year"] = re.compile(rf"{P.B}(?<![\d.,])(?P<yy>\d\d)-(?:{P.alt(short.get('endings'))})\s+"
                                        rf"(?:{P.alt(short.get('after'))}){P.E}", re.I)
    if mon and (ords := words.get("day_ordinals")):
        # "первого июля", "двадцать четвёртого февраля (2022 года)": the day as an ordinal word
        tens = P.alt(words.get("ordinal_tens")) or "x^"
        pats["ordinal"] = re.compile(rf"{P.B}(?:(?P<tens>{tens})\s+)?(?P<ord>{P.alt(ords)})\s+(?P<mon>{mon}){P.E}"
                                     rf"(?:\s+{year})?", re.I)
    return pats


def _count(n: str | None, numbers: dict[str, int]) -> int | None:
    """A count as written: digits, or number words summed ("двадцать пять" 25); None when not given."""
    if not n:
        return None
    return int(n) if n.isdigit() else sum(numbers.get(w, 0) for w in n.lower().split())


def _reader(pack: LanguagePack) -> Reader:
    months = pack.months()
    words: dict[str, Any] = pack.data("dates") or {}
    shifts = {str(k).lower(): int(v) for k, v in (words.get("period_shift") or {}).items()}
    units = {str(k).lower(): str(v) for k, v in (words.get("period_units") or {}).items()}
    wds = {str(w).lower(): int(n) for n, forms in (words.get("weekdays") or {}).items() for w in forms}
    days = {str(k).lower(): int(v) for k, v in (words.get("days") or {}).items()}
    ago_numbers = {str(k).lower(): int(v) for k, v in (words.get("ago_numbers") or {}).items()}
    raw_units = words.get("ago_units") or {}
    # A plain list is days ("три дня назад"); a mapping names each form's unit (day, week, month, year),
    # or its unit and the count it carries ("полгода": [month, 6]; Arabic duals, "يومين": [day, 2]).
    ago_units = {str(u).lower(): "day" for u in raw_units} if isinstance(raw_units, list) else \
        {str(k).lower(): str(v[0] if isinstance(v, list) else v) for k, v in raw_units.items()}
    carried = {} if isinstance(raw_units, list) else \
        {str(k).lower(): int(v[1]) for k, v in raw_units.items() if isinstance(v, list)}
    month_after = {str(k).lower(): str(v) for k, v in (words.get("month_after") or {}).items()}
    month_before = {str(k).lower(): str(v) for k, v in (words.get("month_before") or {}).items()}
    weekday_after = {str(k).lower(): str(v) for k, v in (words.get("weekday_after") or {}).items()}
    ordinals = {str(k).lower(): int(v) for k, v in (words.get("day_ordinals") or {}).items()}
    tens = {str(k).lower(): int(v) for k, v in (words.get("ordinal_tens") or {}).items()}
    parts = words.get("period_parts") or {}
    part_units = {str(k).lower(): str(v) for k, v in (parts.get("units") or {}).items()}
    # parts after a period's first days ("в конце года"): told in the past, this period's or the last one's
    late = {str(w).lower() for w in parts.get("late") or ()}
    # Unit forms that mean one of it with no number ("год назад", "a week ago"); a plural alone is vague.
    one = {str(w).lower() for w in words.get("ago_one") or ()}
    joiners = tuple(str(w) for w in words.get("day_month_joiners") or ())
    year_joiners = tuple(str(w) for w in words.get("month_year_joiners") or ())  # "abril de 2022"
    pats = _patterns(months, words)
    idiom = pats.pop("idioms", None)
    solar = solar_hijri_months(words)
    tense = tense_words(words.get("tense"))
    # day words that mean nowadays beside a present-tense verb of state ("сегодня"): read only when not
    tense_bound = {str(w).lower() for w in words.get("nowadays") or ()}
    by_tense = {str(k).lower(): {str(t): int(n) for t, n in v.items()} for k, v in (words.get("tense_days") or {}).items()}
    eve = words.get("eve") or {}
    genitive = tuple(str(x) for x in eve.get("genitive_endings") or ())
    nominative = tuple(str(x) for x in eve.get("subject_endings") or ())
    surnames = tuple(str(x) for x in eve.get("surname_endings") or ())

    def eve_subject(first: str) -> bool:
        """Whether the word after "накануне" opens its sentence's subject ("Накануне премьер-министр …",
        "Накануне Лавров …"), not the noun "the eve" is of ("Накануне выборов …"): no genitive ending,
        unless the ending is also a subject's (an adjective "американский", a surname "Лавров")."""
        low = first.lower()
        if (first[:1].isupper() and low.endswith(surnames)) or low.endswith(nominative):
            return True
        return not low.endswith(genitive)

    not_after = re.compile(rf"{P.B}(?:{P.alt(words.get('ago_not_after'))})\s*$", re.I) if words.get("ago_not_after") else None

    def value(name: str, g: dict[str, Any], matched: str, pub: dt.date | None, when: str | None) -> P.Value | None:
        if name == "month_year":
            return f"{int(g['year']):04d}-{months[g['mon'].lower()]:02d}", "explicit", "month"
        if name == "day_month_year":
            try:
                return dt.date(int(g["year"]), months[g["mon"].lower()], int(g["d"])).isoformat(), "explicit", "day"
            except ValueError:
                return None
        if name == "month_span":
            first, last = months[g["mon"].lower()], months[g["mon2"].lower()]
            return f"{int(g['year']) - (first > last):04d}-{first:02d}", "explicit", "month"
        if name in ("month_cue", "month_postcue"):
            return P.month(pub, months[g["mon"].lower()], when)
        if name == "month_after":
            return P.month(pub, months[g["mon"].lower()], month_after[g["after"].lower()])
        if name == "month_before":
            return P.month(pub, months[g["mon"].lower()], month_before[" ".join(g["before"].lower().split())])
        if name == "day_month_shift":
            y = pub.year + shifts[(g["shift"] or g["shift2"]).lower()] if pub else None
            try:
                iso = dt.date(y, months[g["mon"].lower()], int(g["d"])).isoformat() if y else None
            except ValueError:
                return None
            return iso, "inferred" if iso else None, "day"
        if name == "month_shift":
            y = pub.year + shifts[(g["shift"] or g["shift2"]).lower()] if pub else None
            return f"{y:04d}-{months[g['mon'].lower()]:02d}" if y else None, "inferred" if y else None, "month"
        if name == "period":
            unit, shift = (g["unit"], g["shift"]) if g["unit"] else (g["unit2"], g["shift2"])
            return P.period(pub, units[unit.lower()], shifts[shift.lower()])
        if name == "weekday":
            shift = weekday_after.get((g.get("after") or "").lower(), "")
            wd = wds[(g["wd"] or g.get("wd2") or "").lower()]
            if shift == "next" or g.get("next") or g.get("next2"):
                return P.weekday_next(pub, wd)
            return P.weekday(pub, wd, bool(g.get("last") or g.get("last2")) or shift == "last")
        if name == "days":
            return P.day(pub, days[" ".join(matched.lower().split())])
        if name == "eve":
            return P.day(pub, 1)
        if name == "eve_subject":
            return P.day(pub, 1) if eve_subject(g["first"]) else None
        if name == "past_day":
            return None, None, "day"
        if name in ("ago", "ago_before", "ahead"):
            form = g["unit"].lower()
            n = _count(g["n"], ago_numbers)
            if n is None:
                n = carried.get(form, 1 if form in one else None)
            elif form in carried:
                return None  # a count before a form that carries its own
            if not n:
                return None  # "несколько дней назад": how many is not said
            back = -n if name == "ahead" else n
            unit = ago_units[form]
            return P.day(pub, back) if unit == "day" else P.period(pub, unit, -back)
        if name == "part":
            unit = part_units[g["unit"].lower()]
            if g["part"].lower() in late and when == "past":
                return None, None, unit  # "в конце года цены выросли" in July: which year's end is not said
            return P.period(pub, unit, 0)
        if name == "short_year":
            return P.short_year(pub, int(g["yy"]))
        if name == "ordinal":
            d = ordinals[g["ord"].lower()] + (tens[g["tens"].lower()] if g["tens"] else 0)
            if g["year"]:
                try:
                    return dt.date(int(g["year"]), months[g["mon"].lower()], d).isoformat(), "explicit", "day"
                except ValueError:
                    return None
            return P.day_month(pub, months[g["mon"].lower()], d)
        return None

    def read(text: str, pub: dt.date | None) -> Iterator[P.Found]:
        idioms = [m.span() for m in idiom.finditer(text)] if idiom is not None else []
        for s, e, iso, basis in find_solar_hijri(text, solar, pub):  # "۲۵ بهمن ۱۴۰۲" (Persian)
            yield s, e, iso, basis, "day"
        yield from P.full(text, months, joiners, year_joiners)
        for s, e, mon, d in find_day_months(text, months, joiners):
            yield (s, e, *P.day_month(pub, mon, d))
        for name, pat in pats.items():
            for m in pat.finditer(text):
                if name == "days" and any(a <= m.start() < b for a, b in idioms):
                    continue  # "hoje em dia": nowadays, no day
                when = tense_at(text, *m.span(), tense) if tense and (
                    name in ("tense_days", "month_cue", "month_postcue", "part") or m.group(0).lower() in tense_bound) else None
                if name == "days" and when == "present":
                    continue  # "эти партии сегодня не имеют веса": nowadays, no day
                if name in ("ago", "ago_before") and not_after and not_after.search(text, 0, m.start()):
                    continue  # "चुनाव से दो दिन पहले": two days before the election, not before publication
                if name == "tense_days":
                    back = by_tense[m.group(0).lower()].get(when or "")
                    v: P.Value | None = P.day(pub, back) if back is not None else (None, None, "day")
                else:
                    v = value(name, m.groupdict(), m.group(0), pub, when)
                if v is not None:
                    yield (m.start(), m.end(), *v)
        yield from P.years(text, P.alt(words.get("year_words")), P.alt(words.get("year_prepositions")),
                           P.alt(words.get("year_endings")))

    return read
