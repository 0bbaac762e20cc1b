"""Known narratives in a corpus: claims matched to taxonomy entries (``link.taxonomy``), the
narratives those matches form, and the entry each found narrative retells, if any.

An entry is matched claim by claim, never as a nearest guess: a narrative none of whose claims
match any entry well enough has ``known_narrative: null``.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from headwater.link.claims import describe, gather
from headwater.link.taxonomy import Entry, Matcher
from headwater.model import Article, key

Matches = dict[tuple[str, Any], list[tuple[int, float]]]  # (article key, claim id) -> [(entry index, cosine)]

# Share of a found narrative's articles that must have a claim matching one entry for the narrative
# to be that entry: a majority, so that a theme is not named after a few of its members.
LABEL_SHARE = 0.5


def match_claims(claims: dict[int, list[dict[str, Any]]], matcher: Matcher) -> Matches:
    rows, x = gather(claims)
    if rows and rows[0].claim.get("_embedder") != matcher.embedder.name:
        return {}  # claims embedded by another embedder (an earlier run's): nothing to compare them with
    found = matcher.match(x, [str(r.claim.get("lang") or "") for r in rows]) if rows else []
    return {(key(r.article), r.claim.get("n")): m for r, m in zip(rows, found, strict=True) if m}


def _known(entry: Entry, score: float) -> dict[str, Any]:
    return {"id": entry.id, "label": entry.label, "score": round(score, 3)}


def taxonomy_narratives(claims: dict[int, list[dict[str, Any]]], arts: dict[int, Article], entries: list[Entry],
                        matches: Matches) -> list[dict[str, Any]]:
    """One narrative per entry that claims of two or more articles match, with those claims as support."""
    rows, x = gather(claims)
    index = {(key(r.article), r.claim.get("n")): i for i, r in enumerate(rows)}
    support: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for claim, found in matches.items():
        for e, score in found:
            support[e].append((index[claim], score))
    out = []
    for e, members in sorted(support.items()):
        if len({rows[i].article for i, _ in members}) < 2:
            continue
        n = describe([i for i, _ in members], rows, x, arts, "known")
        n["key"] = f"taxonomy:{entries[e].id}"
        n["label"] = entries[e].label
        n["known_narrative"] = _known(entries[e], max(s for _, s in members))
        for c, (_, s) in zip(n["claims"], members, strict=True):
            c["match_score"] = round(s, 3)
        out.append(n)
    return out


def label_narratives(narratives: list[dict[str, Any]], entries: list[Entry], matches: Matches) -> None:
    """Name each narrative after the entry that claims of most of its articles match (in place)."""
    for n in narratives:
        arts_by_entry: dict[int, set[str]] = defaultdict(set)
        best: dict[int, float] = defaultdict(float)
        for c in n["claims"]:
            for e, s in matches.get((c["article_id"], c.get("claim_id")), []):
                arts_by_entry[e].add(c["article_id"])
                best[e] = max(best[e], s)
        if not arts_by_entry:
            continue
        e = max(arts_by_entry, key=lambda k: (len(arts_by_entry[k]), best[k]))
        if len(arts_by_entry[e]) >= max(2, LABEL_SHARE * len(n["article_ids"])):
            n["known_narrative"] = _known(entries[e], best[e])
