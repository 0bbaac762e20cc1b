"""A broad narrative that new articles joined, described again from what changed: its stored description
and the articles that joined it, not all its articles.

A full link describes a broad narrative from all its articles (``broad.block_narratives``): the centre of
its articles' TF-IDF, each article's ``EVIDENCE`` claims closest to that centre, the label the most
central of those claims (``claims.describe``), and the outlets, countries, languages and dates of every
article. Until scale round 9 an update described a narrative new articles joined in the same way, reading
every article of it: at +1,000 into 65,000, 14,000 articles read, 13,000 of them old, and the narratives
new articles join grow with the corpus. Here (``grown``):

- the articles that joined are read; their evidence is their claims closest to the narrative's centre
  now (all its articles' weights, summed by the update's grouping from the kept word counts);
- the articles it held keep the evidence stored with it (their claims as it lists them);
- the label is the most central claim of that evidence, weighed with the document frequencies now, and
  every claim's similarity to that centre is measured again, as ``describe`` does;
- outlets, countries and languages are the stored ones with those of the articles that joined, the
  first and last seen dates (also by language) the earliest and latest of both.

How this may differ from describing it from all its articles: an old article's evidence is the claims
that were closest to the narrative's centre when it was last described, not to the centre now (the
centre moves as articles join and the document frequencies grow). The label is the most central claim
of the evidence, so it differs only where the article holding the now most central claim would cite
another one. An article of at most ``EVIDENCE`` claims cites them all, either way (the tests compare
the two on such articles: the same narrative). A relink (``headwater analyze --relink``) describes every
narrative from all its articles. What is not done here (a full description instead): a narrative some
articles left (their outlets and dates would have to be taken out), one whose stored evidence names
several languages (the language of each stored claim, which its label's wording depends on, is not
stored), and a new narrative.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import Any

from headwater.link.broad import EVIDENCE, MAX_DF, MIN_DF, Weighed, words
from headwater.link.claims import ClaimRow, describe, earliest_by_language
from headwater.link.narratives import independence, provenance
from headwater.model import Article, key, row_of


def can_grow(stored: Mapping[str, Any], members: list[int]) -> bool:
    """Whether ``stored`` (a broad narrative whose articles are all among ``members``) can be described
    from its stored description and the members that joined it."""
    held = {row_of(k) for k in stored.get("article_ids", [])}
    cited = {row_of(c["article_id"]) for c in stored.get("claims", [])}
    return stored.get("level") == "broad" and len(stored.get("languages") or []) <= 1 and held == cited \
        and held <= set(members) and len(held) < len(members)


def grown(stored: Mapping[str, Any], members: list[int], joined: Mapping[int, Article], centre: Mapping[str, float],
          df: Mapping[str, int], n: int) -> dict[str, Any] | None:
    """``stored`` with the articles ``joined`` (``members``: all its articles now, sorted), described as the
    module's doc says; ``centre``: the sum of every member's weights, by word; ``df`` and ``n``: the
    language's document frequencies and articles now. None when no claim has a weighed word (a full
    description then makes no narrative either)."""
    lang = str(stored["languages"][0]) if stored.get("languages") else None  # (claims of no language: none)
    kept: dict[int, list[dict[str, Any]]] = {}
    for c in stored["claims"]:
        kept.setdefault(row_of(c["article_id"]), []).append(
            {"n": c.get("claim_id"), "field": c.get("field"), "start": c.get("start"), "end": c.get("end"),
             "text": c.get("text"), "negated": c.get("negated"), "lang": lang})
    picked: list[ClaimRow] = []
    for row in members:
        if row in kept:
            picked += [ClaimRow(row, c) for c in kept[row]]
        elif row in joined:
            picked += [ClaimRow(row, c) for c in evidence(joined[row], centre, df, n)]
    tf = Weighed([words(str(c.claim.get("text") or "")) for c in picked], list(range(len(picked))), len(picked), df, n)
    if not tf.words:
        return None
    x = tf.dense(tf.claims, len(picked))
    arts = {**dict.fromkeys(kept, Article(source="", text="")), **joined}  # the old ones' facts are stored
    out = describe(list(range(len(picked))), picked, x, arts, "broad")
    seen = [d for d in (stored.get("first_seen"), stored.get("last_seen"), out["first_seen"], out["last_seen"]) if d]
    out.update({"article_ids": [key(r) for r in members],
                "outlets": sorted({*stored.get("outlets", []), *out["outlets"]}),
                "countries": sorted({*stored.get("countries", []), *out["countries"]}),
                "languages": sorted({*stored.get("languages", []), *out["languages"]}),
                "first_seen": min(seen) if seen else None, "last_seen": max(seen) if seen else None,
                "first_seen_by_language": earliest_by_language(
                    [stored.get("first_seen_by_language") or {}, out["first_seen_by_language"]])})
    return out


def evidence(a: Article, centre: Mapping[str, float], df: Mapping[str, int], n: int) -> list[dict[str, Any]]:
    """The article's ``EVIDENCE`` claims closest to ``centre`` (each claim's TF-IDF, sublinear tf and the
    language's idf, as ``broad.Weighed`` weighs it), in the article's order; ties keep that order, as
    ``block_narratives`` picks them."""
    claims = a.findings.get("claims", [])
    near = [_cosine(Counter(words(str(c.get("text") or ""))), centre, df, n) for c in claims]
    best = sorted(range(len(claims)), key=lambda i: -near[i])[:EVIDENCE]
    return [claims[i] for i in sorted(best)]


def _cosine(counts: Mapping[str, int], centre: Mapping[str, float], df: Mapping[str, int], n: int) -> float:
    """A claim's normalised TF-IDF dotted with ``centre`` (whose scale does not change the order)."""
    w = {t: (1 + math.log(k)) * math.log(n / d) for t, k in counts.items() if MIN_DF <= (d := df.get(t, 0)) <= MAX_DF * n}
    norm = math.sqrt(sum(x * x for x in w.values()))
    return sum(x * centre.get(t, 0.0) for t, x in w.items()) / norm if norm else 0.0


def grown_provenance(narrative: dict[str, Any], stored: Mapping[str, Any], joined: Mapping[int, Article]) -> dict[str, Any]:
    """``narratives.provenance`` of a narrative ``grown`` from one whose provenance was ``stored``: the old
    articles' edges and primary sources as stored (an old article cites the claims it cited, so its
    chains are the same), those of the articles that ``joined`` found in them; the same result, in the
    same order (each primary source listed where its first article puts it), without the old articles."""
    parts: dict[str, tuple[list[dict[str, Any]], list[tuple[dict[str, Any], int]]]] = {}
    for p in stored.get("primary_sources", []):
        node = {k: v for k, v in p.items() if k != "article_ids"}
        for aid in dict.fromkeys(p["article_ids"]):
            parts.setdefault(aid, ([], []))[1].append((node, p["article_ids"].count(aid)))
    for e in stored.get("edges", []):
        parts.setdefault(str(e["article_id"]), ([], []))[0].append(e)
    edges: list[dict[str, Any]] = []
    primaries: dict[str, dict[str, Any]] = {}
    for aid in narrative["article_ids"]:
        if (row := row_of(aid)) in joined:
            own = provenance({**narrative, "article_ids": [aid]}, {row: joined[row]})
            parts[aid] = (own["edges"], [({k: v for k, v in p.items() if k != "article_ids"}, len(p["article_ids"]))
                                         for p in own["primary_sources"]])
        got, sources = parts.get(aid, ([], []))
        edges += got
        for node, times in sources:
            primaries.setdefault(str(node["name"]), {**node, "article_ids": []})["article_ids"] += [aid] * times
    breakdown = independence(list(primaries.values()))
    return {"narrative_id": narrative["id"], "primary_sources": list(primaries.values()), "edges": edges,
            "independent_non_state_named_primary_sources": breakdown["independent"], "independence": breakdown}
