"""Stories: the articles that report one real-world incident (one event, at one place and time).

Four steps, none of which compares every article with every other:

1. **Profile.** Each article becomes a weighted bag of evidence: its content words, the words of the
   names it uses (capitalized mid-sentence: who), the places headwater resolved (``p:`` place ids:
   where), the years and numbers it states and the week it was published (when, how many), and its
   events' type, place and actor. Weights are sublinear term frequency times inverse document
   frequency, so evidence that many articles share counts for little; the vector is L2-normalized
   and cut to its ``MAX_TERMS`` heaviest entries (``stories_profiles``).
2. **Neighbours.** An inverted index over the profiles, in which evidence found in more than
   ``POSTING_CAP`` articles is not followed (too common to tell incidents apart), gives each article
   its ``NEIGHBOURS`` most similar others (cosine of the profiles, at least ``FLOOR`` and at least
   ``RELATIVE_FLOOR`` of the nearest one's).
3. **Shared neighbours, then average linkage.** Two articles are as close as the share of their
   neighbour lists they have in common (Jarvis-Patrick's shared-nearest-neighbour similarity, over
   the shorter list). Two reports of one earthquake have the same neighbours: the other reports of
   it. A report of the other earthquake in the same region shares the words (quake, magnitude,
   rescuers) but not the neighbours, whose names, places and dates pull them to their own incident.
   Clusters are merged by average linkage over that similarity while it stays at or above ``LINK``;
   near-copies (``find_copies``) start in one cluster (the merging: ``stories_clusters``).
4. **Cohesion.** A story told by many more articles than ``NEIGHBOURS`` leaves step 3 in fragments;
   two clusters whose articles are about as similar across as within them (``COHESION``) are joined.

This module finds the neighbours and runs the steps; the constants of each step stand beside its code.

Tuned on the visible part of ECB+ (topics 1-35: 772 news articles, 66 incidents, two look-alike
incidents a topic: two earthquakes, two rehab check-ins); the held-out topics were not looked at.
Numbers below are ECB+ B-cubed F1 x 100 with everything else at its default (94.2). The shared-
neighbour step is what separates look-alike incidents: average linkage over the cosine of the same
profiles peaks at 88.7 (at one threshold, 86-87 either side); what the evidence beyond words adds
is in ``stories_profiles``. Tuned on half the topics, k and LINK hold up on the other half: chosen on the even topics they score
93.4 on the odd ones, chosen on the odd 94.9 on the even (a TF-IDF threshold tuned on ECB+ loses
3 points on unseen topics).
"""
from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from headwater.link.stories_clusters import LINK, Clusters, average_linkage, join_cohesive
from headwater.link.stories_profiles import profile, profile_vectors
from headwater.model import Article, key

# --- neighbours ---------------------------------------------------------------------------------
# A term in more articles than this is not followed in the index (it still counts in the cosine of
# pairs found through rarer terms). Constant, so the postings an article walks are bounded whatever
# the corpus size. ECB+: 25 94.1, 50-1000 94.2; 200 is far above the size of one incident's coverage.
POSTING_CAP = 200
# An article looks up its heaviest terms only: its names, places and rare words, where another
# report of the same incident meets it. ECB+: 10 93.9, 20 94.1, 30 and 60 94.2.
QUERY_TERMS = 30
# Candidates taken from the index per article before exact cosines pick the neighbours (ECB+: 10
# 93.7, 20 and 40 94.2).
CANDIDATES = 20
# Neighbours per article (k). Too few and one incident's reports fall apart; too many and the lists
# of two look-alike incidents overlap. ECB+, k against LINK 0.2 / 0.25 / 0.3 / 0.35 / 0.4 / 0.45:
#   k=5  94.1 93.7 93.7 91.7 90.8 88.5      k=7  93.2 94.3 94.3 94.2 93.8 92.6
#   k=6  94.0 94.7 94.6 94.3 91.5 90.3      k=8  92.1 91.5 92.9 93.4 93.4 93.5
# k=7 with LINK 0.35 sits inside the plateau (LINK 0.25-0.40 all 93.8-94.3).
NEIGHBOURS = 7
# A neighbour must be at least this similar (cosine). In a large corpus the shared-neighbour step
# decides and this hardly matters (ECB+: 0.05 and 0.1 94.6, 0.15 94.2, 0.18 93.4, 0.2 92.5); in a
# small one, where every look-alike is everyone's neighbour, it is what keeps two lone reports of two
# earthquakes apart (their cosine is 0.13-0.16 in tests/test_stories.py, two reports of one 0.4-0.5).
FLOOR = 0.15
# ... and at least this share of the article's nearest neighbour's cosine: a far weaker match than the
# best is no neighbour. ECB+: 0-0.3 94.2, 0.4 93.2, 0.5 92.6.
RELATIVE_FLOOR = 0.3

def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    return sum(u[t] * v[t] for t in u.keys() & v.keys())


def neighbours(vectors: list[dict[str, float]], df: Mapping[str, int]) -> list[list[tuple[float, int]]]:
    """Each article's NEIGHBOURS most similar articles as (cosine, index), most similar first.

    Candidates come from the inverted index: an article looks up its QUERY_TERMS heaviest terms
    found in 2 to POSTING_CAP articles, and the CANDIDATES best partial scores get an exact cosine.
    The work per article is bounded by QUERY_TERMS x POSTING_CAP postings, whatever the corpus size."""
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, v in enumerate(vectors):
        for t, x in v.items():
            if 2 <= df.get(t, 0) <= POSTING_CAP:
                index[t].append((i, x))
    out = []
    for i, v in enumerate(vectors):
        acc: dict[int, float] = defaultdict(float)
        query = heapq.nlargest(QUERY_TERMS, ((x, t) for t, x in v.items() if t in index))
        for x, t in query:
            for j, y in index[t]:
                acc[j] += x * y
        acc.pop(i, None)
        cand = heapq.nlargest(CANDIDATES, acc.items(), key=lambda kv: kv[1])
        scored = sorted(((cosine(v, vectors[j]), j) for j, _ in cand), reverse=True)
        top = scored[0][0] if scored else 0.0
        keep = max(FLOOR, RELATIVE_FLOOR * top)
        out.append([(s, j) for s, j in scored[:NEIGHBOURS] if s >= keep])
    return out


def shared_neighbours(near: list[list[tuple[float, int]]]) -> dict[tuple[int, int], float]:
    """Shared-neighbour (Jarvis-Patrick) similarity |N+(i) & N+(j)| / min(|N+(i)|, |N+(j)|), N+ being
    the neighbour list with the article itself, for every pair that shares an entry. An article many
    list (a hub) is counted for the 4k that are closest to it, which bounds the pairs at n x (4k)^2."""
    listed_by: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, ns in enumerate(near):
        listed_by[i].append((2.0, i))
        for s, j in ns:
            listed_by[j].append((s, i))
    counts: Counter[tuple[int, int]] = Counter()
    for members in listed_by.values():
        if len(members) > 4 * NEIGHBOURS:
            members = heapq.nlargest(4 * NEIGHBOURS, members)
        ids = sorted(i for _, i in members)
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                counts[(ids[a], ids[b])] += 1
    size = [len(ns) + 1 for ns in near]
    return {(i, j): c / min(size[i], size[j]) for (i, j), c in counts.items()}


def cluster(raw: list[dict[str, float]], joined: Iterable[tuple[int, int]], df: Mapping[str, int] | None = None,
            n: int | None = None) -> list[list[int]]:
    """The stories of these profiles (lists of their indices, each sorted, in order of their first),
    ``joined`` pairs (near-copies) starting in one; ``df``/``n`` those of the whole corpus, if larger."""
    vectors, df = profile_vectors(raw, df, n)
    return cluster_vectors(vectors, joined, df)


def cluster_vectors(vectors: list[dict[str, float]], joined: Iterable[tuple[int, int]],
                    df: Mapping[str, int]) -> list[list[int]]:
    """``cluster`` of weighted profile vectors (``stories_profiles.profile_vectors``)."""
    cl = Clusters(vectors)
    for i, j in joined:
        if cl.root(i) != cl.root(j):
            cl.union(cl.root(i), cl.root(j))
    near = neighbours(vectors, df)
    for (i, j), s in shared_neighbours(near).items():
        cl.add(i, j, s)
    average_linkage(cl, LINK)
    join_cohesive(cl, near)
    return sorted((sorted(ids) for ids in cl.members.values()), key=lambda g: g[0])


def copy_pairs(rows: list[int], copies: list[dict[str, Any]]) -> list[tuple[int, int]]:
    pos = {key(r): i for i, r in enumerate(rows)}
    return [(pos[c["article_id"]], pos[c["derived_from"]]) for c in copies
            if c["article_id"] in pos and c["derived_from"] in pos]


def numbered(groups: Iterable[list[int]]) -> list[dict[str, Any]]:
    ordered = sorted((sorted(g) for g in groups), key=lambda g: g[0])
    return [{"id": f"s{n}", "article_ids": [key(r) for r in g]} for n, g in enumerate(ordered, 1)]


def incident_stories(corpus: list[tuple[int, Article]], copies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A partition of the corpus into stories, ``[{"id": "s1", "article_ids": ["a3", "a7"]}, ...]``:
    every article in exactly one, copies with their originals, an article nobody else reports alone."""
    rows = [row for row, _ in corpus]
    return numbered([rows[i] for i in g] for g in cluster([profile(a) for _, a in corpus], copy_pairs(rows, copies)))
