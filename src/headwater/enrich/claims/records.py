"""Claim records: every headline, attributed claim and unattributed assertion of one article, with
its span, speaker chain, the names, numbers and dates it contains, its polarity and a vector.

A pure function of one article (and an embedder), so it runs in worker processes. Where the
attribution finder covers the language, its claims are used; elsewhere the title, the lead and the
sentences that quote or cite someone, cut by a language-independent splitter.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from headwater.embed import Embedder, pack
from headwater.enrich.claims.claim_dates import find_claim_dates
from headwater.enrich.claims.split import guess_language, sentences
from headwater.enrich.claims.statement_dates import Said, statement_dates
from headwater.lang import ensure_languages, pack_for
from headwater.lang.marks import MARKS
from headwater.model import Article, ascribed_aim

# Claims embedded per article, most telling first (headline, quoted and cited claims, the lead).
# Each costs 50-100 ms on one core with e5-small-q4 (benchmarks/claims_bench.py: 6 claims cost
# 2x the spaCy parse of an English article, 1 claim 0.24x). On the narratives peer set (visible
# part) the themes scored within noise for 1 to 10 claims (10-14), but matching a taxonomy needs
# the body: 1 claim (the headline) scored 2.6 against 9.9 for 6; 6 is where 4, 6, 8, 10 stopped
# differing. Placing articles under a codebook (link/codebook.py, the mean of an article's vectors)
# wants them all: the first 6 / 5 / 4 / 3 of the same claims scored 15.3 / 13.5 / 12.2 / 10.2, and
# 10 claims 16.0 for 40% more time per run: 6 keeps most of it.
EMBED_BUDGET = 6
# Claims shorter than this many words say too little to recur ("He denied it.").
MIN_WORDS = 5
# Lead sentences always taken: the opening states what the article is about.
LEAD = 2
_QUOTES = re.compile(r"[\"“”«»„]")
# (with the Arabic thousands separator, decimal point and percent sign: "١٬٢٠٠", "۱۲٫۵٪"; after the
# conjunction و or the prepositions ب, ل that Arabic writes on the number: "و١٬٢٠٠", and 1,200)
_NUMBER = re.compile(r"(?:(?<![\w.\u066c])|(?<=(?<!\w)[\u0648\u0628\u0644]))"
                     r"\d{1,3}(?:[ ,.\u066c]\d{3})*(?:[.,\u066b]\d+)?(?:\s?[%\u066a])?(?![\w])")
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
# Dates kept per claim (a claim stating more is a list or a timeline, not one assertion).
MAX_DATES = 6
# A negation answered by an exceptive within this many characters affirms ("no choice but to").
EXCEPTIVE_REACH = 60
# A run of capitalised words not at the start of the sentence: a cheap stand-in for a name.
_NAME = re.compile(r"(?<=[\w,;:] )(?:[A-ZА-ЯЁЇІЄҐ][\w'’-]+(?: (?:of |de |da |do )?[A-ZА-ЯЁЇІЄҐ][\w'’-]+)*)")


CUE_KINDS = ("reporting", "negation", "negation_suffix", "negative_cues", "exceptive", "not_negating")
ZWNJ = "\u200c"


@lru_cache(maxsize=1)
def cues() -> dict[str, dict[str, re.Pattern[str]]]:
    """Reporting-cue and negation patterns per language: {kind: {language: pattern}}, from each
    registered pack's ``claims.yaml`` (a plugin's pack brings its own)."""
    out: dict[str, dict[str, re.Pattern[str]]] = {kind: {} for kind in CUE_KINDS}
    for lg in sorted(ensure_languages()):
        pack = pack_for(lg)
        data = (pack.data("claims") if pack else None) or {}
        for kind in CUE_KINDS:
            words = [str(w) for w in data.get(kind) or []]
            if words and kind == "negation_suffix":  # on the end of a word: "wasn't"
                out[kind][lg] = re.compile(rf"(?<=\w)(?:{_alt(words)})(?![\w{MARKS}])", re.I)
            elif words:
                # whole words through their marks: "न" (not) is no word of "नाबालिग" (a minor); a form ending
                # in the zero-width non-joiner is a prefix written apart from its verb (Persian "نمی‌" of
                # "نمی‌کند", does not): it needs no word end after it
                whole = [w for w in words if not w.endswith(ZWNJ)]
                prefixes = [w for w in words if w.endswith(ZWNJ)]
                alts = [f"(?:{_alt(whole)})(?![\\w{MARKS}])" if whole else "", _alt(prefixes)]
                out[kind][lg] = re.compile(rf"(?<![\w{MARKS}])(?:" + "|".join(a for a in alts if a) + ")", re.I)
    return out


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def exceptive_before() -> frozenset[str]:
    """The languages whose exceptive stands before the negation it answers (``exceptive_before`` in their
    ``claims.yaml``): a verb-final language negates the verb after it, "ایران چاره‌ای جز مذاکره ندارد"
    (Iran has no choice but negotiation)."""
    return frozenset(lg for lg in ensure_languages() if ((p := pack_for(lg)) and (p.data("claims") or {}).get(
        "exceptive_before")))


def negated(text: str, lang: str | None, cue: str | None = None) -> bool:
    """Whether the claim carries a negation word of its language (English when unknown) that no
    exceptive answers: "had no choice but to sit down" says that it happened; in "not only … but also",
    "no matter how", "тем не менее" (each language's ``not_negating``) the word negates nothing. An
    exceptive inside such a phrase answers nothing either: Arabic "إلا أن" is "however" ("لم تحدد موعدا،
    إلا أن …", set no date, however …), not "but to". A claim reported by a verb that says no (``cue``
    among the language's ``negative_cues``: "denied that", "refused to") is negated, and a negation
    inside it turns it back."""
    found = cues()
    code = lang or "en"
    marks = [m for kind in ("negation", "negation_suffix") if (pat := found[kind].get(code))
             for m in pat.finditer(text)]
    but = found["exceptive"].get(code)
    idiom = found["not_negating"].get(code)  # "not only …", "тем не менее": no negation
    inert = [(i.start(), i.end()) for i in idiom.finditer(text)] if idiom else []
    before = code in exceptive_before()

    def answered(m: re.Match[str]) -> bool:
        lo, hi = (max(0, m.start() - EXCEPTIVE_REACH), m.start()) if before else (m.end(), m.end() + EXCEPTIVE_REACH)
        hits = but.finditer(text, lo, hi) if but else ()
        return any(not any(s <= x.start() < e for s, e in inert) for x in hits)

    inner = any(not answered(m) and not any(s <= m.start() < e for s, e in inert) for m in marks)
    saying_no = found["negative_cues"].get(code)
    return inner != bool(cue and saying_no and saying_no.fullmatch(cue.strip()))


def _slots(text: str, places: list[str], lang: str | None = None, published: str | None = None,
           offset: int | None = None) -> dict[str, Any]:
    """Names, places, numbers and dates of a claim. ``dates``: what each stated date says as written;
    ``date_spans``: the same dates with their spans (moved by ``offset``, the claim's place in its
    field) and what they resolve to against ``published`` (``claim_dates``)."""
    found = find_claim_dates(text, lang, published)
    seen: set[str] = set()
    spans: list[dict[str, Any]] = []
    for d in found:
        if d.text not in seen and len(spans) < MAX_DATES:
            seen.add(d.text)
            spans.append(d.as_dict(offset))
    return {"entities": sorted({m.group(0) for m in _NAME.finditer(text)})[:12],
            "places": places,
            "numbers": [m.group(0).strip() for m in _NUMBER.finditer(text) if not _YEAR.fullmatch(m.group(0))][:8],
            "dates": [d["text"] for d in spans], "date_spans": spans}


def _candidates(a: Article, lang: str | None) -> list[dict[str, Any]]:
    """Every claim of the article with a priority (lower = embedded first)."""
    out: list[dict[str, Any]] = []
    if a.title and a.title.strip():
        out.append({"field": "title", "start": 0, "end": len(a.title), "text": a.title.strip(), "kind": "title",
                    "speakers": [], "rank": 0})
    found = [at for at in a.attributions if at.get("field") != "title" and isinstance(at.get("start"), int)]
    if found:
        lead_end = _lead_end(a.text, lang)
        bounds: list[tuple[int, int]] | None = None
        for at in found:
            chain = [str(s.get("name")) for s in at.get("sources") or [] if s.get("name")]
            text = str(at.get("claim") or a.text[at["start"]:at["end"]])
            if ascribed_aim(at):
                # "the US wants to destroy Russia" is the article's own claim about the US, not the
                # US's: its sentence, no speaker (``attitude``: an aim, a plan, a decision, not speech)
                bounds = bounds if bounds is not None else list(sentences(a.text, language=lang))
                s, e = next(((s, e) for s, e in bounds if s <= at["start"] < e), (at["start"], at["end"]))
                at, chain, text = {**at, "start": s, "end": e}, [], a.text[s:e].strip()
            lead = at["start"] < lead_end
            rank = 1 if chain and at.get("quote") else 2 if lead else 3 if chain else 4
            out.append({"field": "text", "start": at["start"], "end": at["end"], "text": text,
                        "kind": "attributed" if chain else "unattributed", "speakers": chain, "rank": rank,
                        "cue_starts": [at.get("cue_start"), *at.get("relay_cue_starts", [])] if chain else [],
                        "cue": at.get("cue")})
        for at in a.attributions:  # headline attributions: "…, Russian Military Says"
            if at.get("field") == "title" and at.get("sources") and out and out[0]["kind"] == "title":
                out[0]["speakers"] = [str(s.get("name")) for s in at["sources"] if s.get("name")]
        return out
    cue = cues()["reporting"].get(lang or "", None)
    for n, (s, e) in enumerate(sentences(a.text, language=lang)):
        text = a.text[s:e]
        cited = bool(_QUOTES.search(text) or (cue and cue.search(text)))
        rank = 2 if n < LEAD else 3 if cited else 4
        out.append({"field": "text", "start": s, "end": e, "text": text, "kind": "sentence", "speakers": [],
                    "rank": rank})
    return out


def _offset(a: Article, c: dict[str, Any]) -> int | None:
    """Where the claim's text starts in its field (title or text); None when it is not there as written."""
    source = (a.title or "") if c["field"] == "title" else a.text
    at = source.find(c["text"], c["start"], max(c["end"], c["start"] + len(c["text"])))
    return at if at >= 0 else None


def _lead_end(text: str, lang: str | None) -> int:
    ends = [e for _, e in sentences(text[:2000], language=lang)]
    return ends[LEAD - 1] if len(ends) >= LEAD else len(text)


def find_claims(article: Article, embedder: Embedder | None = None, budget: int = EMBED_BUDGET) -> list[dict[str, Any]]:
    """The article's claims as JSON-ready dicts; the ``budget`` most telling ones carry a vector."""
    lang = article.language or guess_language(article.text)
    candidates = _candidates(article, lang)
    said = Said(article.text, [(c["start"], c["end"]) for c in candidates if c["field"] == "text"], lang)
    seen: set[str] = set()
    claims = []
    for c in sorted(candidates, key=lambda c: (c["rank"], c["start"] if c["field"] == "text" else -1)):
        words = c["text"].split()
        key = " ".join(words).lower()
        if len(words) < MIN_WORDS or key in seen:
            continue
        seen.add(key)
        inside = [p for p in article.places if c["field"] == "text" and c["start"] <= int(p.get("start", -1)) < c["end"]]
        places = sorted({str(p.get("name") or p.get("surface")) for p in inside})
        slots = _slots(c["text"], places, lang, article.published, _offset(article, c))
        if c.get("cue_starts") and len(slots["date_spans"]) < MAX_DATES:
            for d in statement_dates(article, c, said, lang):
                if d["text"] not in slots["dates"] and len(slots["date_spans"]) < MAX_DATES:
                    slots["dates"].append(d["text"])
                    slots["date_spans"].append(d)
        # what each place is (a city, a country...), so that a place is compared with one of its own level
        kinds = {str(p.get("name") or p.get("surface")): p.get("kind") for p in inside if p.get("kind")}
        claims.append({**{k: c[k] for k in ("field", "start", "end", "kind", "speakers")}, "text": c["text"][:1000],
                       "lang": lang, "negated": negated(c["text"], lang, c.get("cue")), **slots, "place_kinds": kinds,
                       "rank": c["rank"]})
    chosen = claims[:budget]
    if embedder is not None and chosen:
        for c, v in zip(chosen, embedder.embed([c["text"] for c in chosen]), strict=True):
            c["_vector"] = pack(v)
            c["_embedder"] = embedder.name
    claims.sort(key=lambda c: (c["field"] != "title", c["start"]))
    for n, c in enumerate(claims):
        c["n"] = n  # the claim's place in its article: narratives name their member claims by it
    return claims
