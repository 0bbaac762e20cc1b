"""Known narratives article by article: each article placed under the codebook entries its claims are
closest to, the entries adapted to the corpus first.

A codebook label ("Discrediting Ukraine") is a few words; an article retelling it is many claims in
one of several languages. Matched directly, the label sits closer to whatever shares its words than
to what retells it. So, on a corpus large enough to show its own shape (REFINE_MIN articles):
1. each article is the mean of its claim vectors, centred per language (what every article of a
   language shares is its language), and each top-level entry is its embedded text, centred over
   the entries (what every label shares is being a label);
2. every article goes to its nearest entry, then each entry becomes the centre of its articles, and
   again (seeded k-means: the codebook names the groups, the corpus draws their borders);
3. an article is under its nearest entry, and also under the next one when it is nearly as close
   (SECOND_MARGIN): an article can retell two narratives; it is under none when it is no closer to
   its entry than to the corpus's average (cosine <= 0 after centring): a null, not a guess;
4. inside an entry, each article is also put under the nearest of the entry's sub-entries;
5. a group is named after its entry only when the entry is still the nearest (of its level) to the
   group's centre: a seed that drifted to articles retelling something else names nothing, and the
   group stays, labelled by its central claim, with ``known_narrative: null``.
Each known narrative cites, as its claims, the member claims closest to its centre (with spans).
Smaller corpora are matched claim by claim (``known_narratives.taxonomy_narratives``).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np
import numpy.typing as npt

from headwater.embed import Vectors, normalise
from headwater.link.claims import ClaimRow, centre_languages, describe, gather
from headwater.link.taxonomy import Entry, Matcher
from headwater.model import Article

# Fewer articles (with embedded claims) than this: too few to draw the entries' borders from; the
# claim-by-claim matcher is used instead.
REFINE_MIN = 50
# Rounds of seeded k-means; on the narratives peer set the assignment stops moving after 5-8.
ITERATIONS = 10
# An article is under its second-nearest entry too when that one is within this cosine of the first
# (after centring). On the narratives peer set (visible part) 0.05 adds a second narrative to about
# one article in five; 0.1 and 0.15 spend more pairs than they find.
SECOND_MARGIN = 0.05
# Claims of a member article cited as the narrative's evidence: the closest to the entry's centre.
EVIDENCE = 2
# A language's articles are centred on their mean when there are at least this many.
MIN_CENTRE = 10


def article_vectors(rows: list[ClaimRow], x: Vectors) -> tuple[list[int], Vectors]:
    """Each article's claims averaged (one row per article, in article order), centred per language."""
    by_art: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_art[r.article].append(i)
    arts = sorted(by_art)
    a = normalise(np.stack([x[by_art[k]].mean(axis=0) for k in arts]))
    return arts, centre_languages(a, [_language([rows[i] for i in by_art[k]]) for k in arts], MIN_CENTRE)


def _language(rows: list[ClaimRow]) -> str:
    langs = [str(r.claim.get("lang") or "") for r in rows]
    return max(set(langs), key=langs.count)


def seeded_kmeans(a: Vectors, seeds: Vectors, iters: int = ITERATIONS) -> tuple[npt.NDArray[np.int64], Vectors]:
    """k-means started from the seeds; a seed no article is nearest to keeps its place."""
    c = seeds.copy()
    for _ in range(iters):
        lab = (a @ c.T).argmax(axis=1)
        for j in range(len(c)):
            m = lab == j
            if m.any():
                c[j] = normalise(a[m].mean(axis=0)[None])[0]
    return (a @ c.T).argmax(axis=1).astype(np.int64), c


def described_by_children(entries: list[Entry], ev: Vectors, tops: list[int]) -> Vectors:
    """Each top-level entry as the mean of its own text and its sub-entries' (each read with the
    parent's label in front): a label of three words says less than the narratives listed under it.
    On the narratives peer set (visible part) this put 35% of articles under a right top-level entry
    where the label alone put 32%; the score rose 16.5 -> 18.2 (English alone 14.5 -> 14.1)."""
    out = []
    for t in tops:
        rows = [t] + [i for i, e in enumerate(entries) if e.parent == entries[t].id]
        out.append(ev[rows].mean(axis=0))
    return normalise(np.stack(out))


def _centred(v: Vectors) -> Vectors:
    return normalise(v - v.mean(axis=0)) if len(v) > 1 else v


def codebook_narratives(claims: dict[int, list[dict[str, Any]]], arts: dict[int, Article],
                        matcher: Matcher) -> list[dict[str, Any]] | None:
    """Known narratives, article by article (see the module's doc); None when the corpus is too small.
    ``matcher`` holds the codebook's entries and their vectors (embedded once for both matchers)."""
    entries, ev = matcher.entries, matcher.vectors
    rows, x = gather(claims)
    if not rows or len({r.article for r in rows}) < REFINE_MIN or not entries:
        return None
    if rows[0].claim.get("_embedder") != matcher.embedder.name:
        return []  # the claims were embedded by another embedder: nothing to compare them with
    aids, a = article_vectors(rows, x)
    tops = [i for i, e in enumerate(entries) if e.parent is None]
    _, centres = seeded_kmeans(a, _centred(described_by_children(entries, ev, tops)))
    sims = a @ centres.T
    members: dict[int, list[int]] = defaultdict(list)  # entry index -> article positions
    for p in range(len(aids)):
        order = np.argsort(-sims[p])
        if sims[p, order[0]] <= 0:
            continue
        members[tops[order[0]]].append(p)
        if len(order) > 1 and sims[p, order[1]] > 0 and sims[p, order[0]] - sims[p, order[1]] < SECOND_MARGIN:
            members[tops[order[1]]].append(p)
    children: dict[int, list[int]] = defaultdict(list)
    index = {e.id: i for i, e in enumerate(entries)}
    for i, entry in enumerate(entries):
        if entry.parent in index:
            children[index[entry.parent]].append(i)
    cv = _centred(ev)
    for t, ps in list(members.items()):
        kids = children.get(t)
        if kids:
            best = (a[ps] @ cv[kids].T).argmax(axis=1)
            for p, b in zip(ps, best, strict=True):
                members[kids[int(b)]].append(p)
    claim_rows: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        claim_rows[r.article].append(i)
    out = []
    for e, ps in sorted(members.items()):
        if len(ps) < 2:
            continue
        centre = normalise(a[ps].mean(axis=0)[None])[0]
        evidence = []
        for p in ps:
            mine = claim_rows[aids[p]]
            evidence += sorted(mine, key=lambda i: -float(x[i] @ centre))[:EVIDENCE]
        n = describe(sorted(evidence), rows, x, arts, "known")
        peers = tops if entries[e].parent is None else [
            i for i in range(len(entries)) if entries[i].parent == entries[e].parent]
        scores = cv[peers] @ centre
        nearest = peers[int(scores.argmax())]
        if nearest != e or float(cv[e] @ centre) <= 0:
            # the articles drawn to this entry are nearer another entry (or none): the group they form
            # is kept, under its own central claim, but the codebook does not name it
            n["level"] = "broad"
            out.append(n)
            continue
        n["key"] = f"taxonomy:{entries[e].id}"
        n["label"] = entries[e].label
        n["known_narrative"] = {"id": entries[e].id, "label": entries[e].label, "score": round(float(cv[e] @ centre), 3),
                                "matched_by": "articles"}
        out.append(n)
    return out
