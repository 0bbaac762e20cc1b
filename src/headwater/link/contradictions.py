"""Contradictions between the retellings of one claim, slot by slot, each with both spans.

A fine narrative holds claims that retell one claim in different articles. Two of its claims
contradict when they give different counts of the same thing ("750 militants" / "60 militants"),
opposite polarity ("did" / "did not"), different places, or different dates. Only what is about the
same thing is compared: two claims only when they are one claim retold (in one language, most of the
words of the shorter are the other's; across languages, both sit close to the narrative's centre),
so "the threats must be taken seriously" and "he will not stop at Ukraine" are no polarity pair;
counts of the same noun, unless either article also states the other's number ("10 prisoners to
Russia, 13 to Germany" and "13 to Germany" agree); places and dates only between articles reporting
one incident (the same story) or claims so close they are the same sentence retold, since a claim
retold about two incidents ("Russia shelled Kharkiv" / "… Kherson") is not a contradiction; a date
resolved in one article and not in the other is not compared ("today" and "9 July" may be one day).
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import combinations
from typing import Any

from headwater.enrich.numbers import find_quantities
from headwater.lang import ensure_languages, pack_for
from headwater.lang.marks import WORD  # a word goes on through its marks (Hindi vowel signs)

Claim = dict[str, Any]
# Counts that differ by more than this share are divergent accounts ("750" vs "several hundred" is
# not compared: vague amounts have no value). The same tolerance as the event frames' counts.
COUNT_TOLERANCE = 0.2
# Claims this close (cosine to the narrative's centre) are one sentence retold even across stories.
SAME_SENTENCE = 0.9
# Pairs compared per narrative, most central claims first: a narrative of 1,000 retellings is
# compared on its 40 most central ones (780 pairs), not on half a million pairs.
MAX_MEMBERS = 40
# One claim retold in one language: at least this share of the shorter claim's words (their first
# STEM letters, so "trained" / "train" and "украинският" / "украинския" meet) are the other's, and
# at least SHARED_MIN of them. On the narratives peer set, 15 contradictions were found between claims
# of one fine narrative, none of them right; 13 were between claims sharing under half their words.
SAME_WORDS = 0.5
SHARED_MIN = 2
STEM = 5
# Words shorter than this are left out of that comparison (articles, prepositions, "US", "не").
MIN_WORD = 4


@lru_cache(maxsize=32)
def _scales(lang: str | None) -> dict[str, int]:
    """The words of a language that multiply the number before them, with their factors (its pack's
    ``number_scales``: "тысяч": 1000, "लाख": 100000)."""
    ensure_languages()
    pack = pack_for(lang or "en")
    data = (pack.data("number_scales") if pack else None) or {}
    return {str(w).lower(): int(v) for w, v in data.items()} if isinstance(data, dict) else {}


@lru_cache(maxsize=8192)
def _counts(text: str, lang: str | None = None) -> dict[str, tuple[int, int, int]]:
    """The counts a claim states, by the noun that follows each: {noun: (value, start, end)}. A number
    and the scale words of the claim's language after it are one number ("5 тысяч" is 5,000, "5 mil
    millones" 5,000,000,000), and so is a smaller number right after them ("5 हजार 977" is 5,977, not
    977 of anything). Cached: a narrative's claim is compared with each of its others (up to
    MAX_MEMBERS - 1 times), and reading numbers was 80% of linking narratives (callers only read the result)."""
    out: dict[str, tuple[int, int, int]] = {}
    scales = _scales(lang)
    found = [q for q in find_quantities(text) if q.value is not None]
    taken = -1  # the end of the last number read whole: a number inside it is its part
    for i, q in enumerate(found):
        if q.start < taken or q.value is None or not q.is_count:
            continue
        value, end, factor = q.value, q.end, 0
        m = WORD.search(text, end, end + 40)
        while m and not text[end:m.start()].strip() and m.group(0).lower().rstrip(".") in scales:
            factor = scales[m.group(0).lower().rstrip(".")]
            value, end = value * factor, m.end()
            m = WORD.search(text, end, end + 40)
        if factor:
            after = next((n for n in found[i + 1:] if n.start >= end), None)
            if after is not None and after.value is not None and after.value < factor \
                    and not text[end:after.start].strip():
                value, end = value + after.value, after.end
        elif 1800 <= value <= 2100:
            continue  # a year
        taken = end
        m = WORD.search(text, end, end + 40)
        if not m or text[end:m.start()].strip(" -"):
            continue
        before = WORD.findall(text, max(0, q.start - 20), q.start)
        if not factor and before and before[-1].lower() in scales and not text[q.start - 1:q.start].strip():
            continue  # after a scale word with no number before it ("тысячи 977"): part of a number not read
        noun = m.group(0).lower().rstrip("s")
        out.setdefault(noun, (value, q.start, end))
    return out


@lru_cache(maxsize=8192)
def _values(text: str, lang: str | None = None) -> frozenset[int]:
    """Every count a claim states, whatever it counts ("10 to Russia, 13 to Germany": 10 and 13), with
    the numbers read whole with their scale words ("5 тысяч": 5,000)."""
    return frozenset(q.value for q in find_quantities(text) if q.value is not None and q.is_count) \
        | frozenset(v for v, _, _ in _counts(text, lang).values())


def _span(aid: str, c: Claim, start: int | None = None, end: int | None = None) -> dict[str, Any]:
    if c.get("field") == "title":  # a headline: offsets into the title, nothing to mark in the body
        return {"article_id": aid, "field": "title", "start": None, "end": None}
    base = int(c.get("start") or 0)
    return {"article_id": aid, "start": base + start if start is not None else c.get("start"),
            "end": base + end if end is not None else c.get("end")}


@lru_cache(maxsize=8192)
def _stems(text: str) -> frozenset[str]:
    return frozenset(w.lower()[:STEM] for w in WORD.findall(text) if len(w) >= MIN_WORD)


def retold(ca: Claim, cb: Claim, close: bool = False) -> bool:
    """Whether two claims are one claim retold: in one language, most words of the shorter found in the
    other; across languages, ``close`` (both near the narrative's centre), the only test there is. Within
    a language the words decide: two sentences of one story sit near a centre of e5 vectors without
    saying the same ("since 2022 …" / "between 2014 and 2022 …")."""
    la, lb = ca.get("lang"), cb.get("lang")
    if la and lb and la != lb:
        return close
    sa, sb = _stems(str(ca.get("text") or "")), _stems(str(cb.get("text") or ""))
    shared = len(sa & sb)
    return shared >= SHARED_MIN and shared >= SAME_WORDS * min(len(sa), len(sb))


Stated = tuple[frozenset[int], frozenset[int]]
_NONE: Stated = (frozenset(), frozenset())


def compare(a: tuple[str, Claim], b: tuple[str, Claim], same_incident: bool, close: bool = False,
            stated: Stated = _NONE) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """The slots on which two retellings disagree: (slot, description, spans). ``close``: both claims
    are near the narrative's centre; ``stated``: the counts each article states in any of its claims."""
    (x, ca), (y, cb) = a, b
    if not retold(ca, cb, close):
        return []
    ta, tb = str(ca.get("text") or ""), str(cb.get("text") or "")
    out: list[tuple[str, str, list[dict[str, Any]]]] = []
    if bool(ca.get("negated")) != bool(cb.get("negated")):
        neg, pos = (x, y) if ca.get("negated") else (y, x)
        out.append(("polarity", f"{neg} says it did not happen, {pos} that it did", [_span(x, ca), _span(y, cb)]))
    na, nb = _counts(ta, ca.get("lang")), _counts(tb, cb.get("lang"))
    for noun in sorted(na.keys() & nb.keys()):
        (va, sa, ea), (vb, sb, eb) = na[noun], nb[noun]
        if abs(va - vb) > COUNT_TOLERANCE * max(va, vb) and vb not in stated[0] and va not in stated[1]:
            out.append(("count", f"{ta[sa:ea]} {noun}(s) in {x}, {tb[sb:eb]} in {y}",
                        [_span(x, ca, sa, ea), _span(y, cb, sb, eb)]))
    if not same_incident:
        return out
    pa, pb = set(ca.get("places") or []), set(cb.get("places") or [])
    if len(pa) == 1 and len(pb) == 1 and pa != pb and _same_level(ca, cb, next(iter(pa)), next(iter(pb))):
        out.append(("place", f"{next(iter(pa))} in {x}, {next(iter(pb))} in {y}", [_span(x, ca), _span(y, cb)]))
    da, db = _dates(ca), _dates(cb)
    if len(da) == 1 and len(db) == 1 and da != db and _precision(ca) == _precision(cb) and _comparable(ca, cb):
        out.append(("date", f"{next(iter(da))} in {x}, {next(iter(db))} in {y}", [_span(x, ca), _span(y, cb)]))
    return out


def _same_level(ca: Claim, cb: Claim, pa: str, pb: str) -> bool:
    """Two places compare when they are of one level (two cities, two countries): "in Kyiv" and "in
    Ukraine", "in Europe" and "in Ukraine" may both be true. Records without kinds compare as before."""
    ka, kb = (ca.get("place_kinds") or {}).get(pa), (cb.get("place_kinds") or {}).get(pb)
    return ka is None or kb is None or ka == kb


def _precision(c: Claim) -> str | None:
    """A claim's one date's precision (day, month, year); "in 1940" and "on 21 July" are not compared."""
    spans = [d for d in c.get("date_spans") or [] if isinstance(d, dict) and d.get("of") != "statement"]
    return str(spans[0].get("precision")) if len(spans) == 1 and spans[0].get("precision") else None


def _comparable(ca: Claim, cb: Claim) -> bool:
    """Two claims' dates compare when both are resolved, or neither is and both are written alike: as
    calendar dates ("8 June" / "9 June") or as words ("on Monday" / "on Tuesday"). "Today" in an
    article with no date and "9 July" in another may be one day: unknown is no contradiction."""
    def kind(c: Claim) -> tuple[bool, bool] | None:
        spans = [d for d in c.get("date_spans") or [] if isinstance(d, dict) and d.get("of") != "statement"]
        if not spans:
            return None  # records of before date spans: their dates as written, compared as before
        d = spans[0]
        return bool(d.get("date")), any(ch.isdigit() for ch in str(d.get("text") or ""))
    ka, kb = kind(ca), kind(cb)
    if ka is None or kb is None:
        return True
    return ka[0] == kb[0] and (ka[0] or ka[1] == kb[1])


def _dates(c: Claim) -> set[str]:
    """The dates a claim states: what each resolves to where known ("yesterday" and "on Monday" may
    be one day), else as written."""
    spans = c.get("date_spans")
    if isinstance(spans, list) and spans:
        # not the day it was said (``of: statement``): two outlets may report one claim on two days
        # unresolved ones as written, case and spacing aside ("Na segunda-feira" and "na segunda-feira" are one)
        return {str(d.get("date") or " ".join(str(d.get("text")).lower().split()))
                for d in spans if isinstance(d, dict) and d.get("of") != "statement"}
    return set(c.get("dates") or [])


def claim_contradictions(narrative: dict[str, Any], claim_of: Callable[[str, Any], Claim | None],
                         story_of: dict[str, str]) -> list[dict[str, Any]]:
    """Where the retellings in ``narrative`` (its ``claims``: article_id, claim_id, similarity) disagree.
    ``claim_of(article_id, claim_id)`` gives the stored claim record; ``story_of`` maps articles to stories."""
    members = sorted(narrative.get("claims") or [], key=lambda m: -float(m.get("similarity") or 0))[:MAX_MEMBERS]
    counts: dict[str, set[int]] = {}  # what each article states, in any of its claims here
    for m in members:
        c = claim_of(str(m["article_id"]), m.get("claim_id"))
        if c is not None:
            counts.setdefault(str(m["article_id"]), set()).update(_values(str(c.get("text") or ""), c.get("lang")))
    found: list[dict[str, Any]] = []
    said: set[tuple[str, frozenset[str], tuple[str, ...]]] = set()  # two articles disagree on a slot once
    for m1, m2 in combinations(members, 2):
        x, y = str(m1["article_id"]), str(m2["article_id"])
        if x == y:
            continue
        c1, c2 = claim_of(x, m1.get("claim_id")), claim_of(y, m2.get("claim_id"))
        if c1 is None or c2 is None:
            continue
        close = min(float(m1.get("similarity") or 0), float(m2.get("similarity") or 0)) >= SAME_SENTENCE
        same = (story_of.get(x) is not None and story_of.get(x) == story_of.get(y)) or close
        stated = (frozenset(counts.get(x, ())), frozenset(counts.get(y, ())))
        for slot, description, spans in compare((x, c1), (y, c2), same, close, stated):
            # polarity once per pair of articles (each may hold a claim and its negation)
            once = (slot, frozenset((x, y)), () if slot == "polarity" else tuple(sorted(description.split(", "))))
            if once in said:
                continue
            said.add(once)
            found.append({"narrative_id": narrative["id"], "article_ids": [x, y], "slot": slot,
                          "description": description, "spans": spans})
    return found


def retold_contradictions(narratives: list[dict[str, Any]], claim_of: Callable[[str, Any], Claim | None],
                          story_of: dict[str, str]) -> list[dict[str, Any]]:
    """``claim_contradictions`` of the narratives whose claims are one claim retold (level ``fine``). A
    theme's or a codebook entry's claims are about many things: "did" in one and "did not" in another
    says nothing (10,700 such pairs on the 714 articles of the narratives peer set)."""
    return [c for n in narratives if n.get("level") == "fine" for c in claim_contradictions(n, claim_of, story_of)]
