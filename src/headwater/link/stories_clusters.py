"""Merging articles into stories (steps 3 and 4 of ``stories``): clusters merged by average linkage over
their shared-neighbour similarity while it stays at or above ``LINK`` (unless the two are far less alike
across than within, ``SEPARATE``), then clusters about as similar across as within (``COHESION``) joined.
"""
from __future__ import annotations

import heapq
import math

from headwater.link.graph_linkage import dot

# Average shared-neighbour similarity two clusters need to merge (the similarity of two articles is
# the share of the shorter of their neighbour lists, each with the article itself, they have in
# common). See ``stories.NEIGHBOURS`` for the sweep.
LINK = 0.35
# Second pass: two clusters join when the mean cosine across them is at least this share of the mean
# cosine within them. A story told by far more articles than NEIGHBOURS comes out of the first pass
# in fragments (each article's few neighbours are a random handful of the story), whose ratio is about
# 1; look-alike incidents' is 0.2-0.7. ECB+ (incidents of 3-22 articles): 0.6 92.2, 0.7 93.6, 0.8
# 94.2, 0.9 94.1, no second pass 94.1; on the synthetic corpora of benchmarks/link_bench.py, where 2%
# of the incidents are told by 20-200 articles, 0.8 lifts B-cubed recall from 0.84 to 0.96.
COHESION = 0.8
# Two clusters of at least SEPARATE_MIN articles each do not merge in the first pass when the mean
# cosine across them is below this share of the mean within: two incidents each reported more than
# once, that a small corpus's neighbour lists cannot tell apart. ECB+: 0-0.4 94.2 (no merge there
# falls below it), 0.45 93.6, 0.5 93.3; the tests' look-alike pairs are at 0.22-0.31.
SEPARATE = 0.4
SEPARATE_MIN = 2


class Clusters:
    """Clusters of articles with what merging needs: the summed shared-neighbour similarity between
    clusters over the pairs known (average linkage), and each cluster's sum of profile vectors, from
    which the mean cosine across two clusters and within each follows (cohesion)."""

    def __init__(self, vectors: list[dict[str, float]]) -> None:
        n = len(vectors)
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.links: dict[int, dict[int, float]] = {i: {} for i in range(n)}
        # each cluster's summed vector: an article's own until a merge first adds to it (then a copy;
        # copying every vector up front held a second copy of all of them)
        self.total: dict[int, dict[str, float]] = dict(enumerate(vectors))
        self.own: set[int] = set()
        self.inside: dict[int, float] = dict.fromkeys(range(n), 0.0)  # summed cosine over pairs within

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def add(self, i: int, j: int, s: float) -> None:
        a, b = self.root(i), self.root(j)
        if a != b:
            self.links[a][b] = self.links[a].get(b, 0.0) + s
            self.links[b][a] = self.links[b].get(a, 0.0) + s

    def union(self, a: int, b: int) -> int:
        """Merge two roots (the smaller into the larger); returns the new root."""
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))
        for c, s in self.links.pop(b).items():
            self.links[c].pop(b, None)
            if c != a:
                self.links[a][c] = self.links[a].get(c, 0.0) + s
                self.links[c][a] = self.links[a][c]
        self.links[a].pop(b, None)
        tb = self.total.pop(b)
        self.inside[a] += self.inside.pop(b) + 2 * dot(self.total[a], tb)
        if a not in self.own:
            self.total[a] = dict(self.total[a])
            self.own.add(a)
        ta = self.total[a]
        for t, x in tb.items():
            ta[t] = ta.get(t, 0.0) + x
        return a

    def average(self, a: int, b: int) -> float:
        return self.links[a].get(b, 0.0) / (len(self.members[a]) * len(self.members[b]))

    def cohesion(self, a: int, b: int) -> float | None:
        """Mean cosine across the two clusters over the mean cosine within them (the geometric mean of
        both; a lone article's taken from the other). None for two lone articles: nothing to compare."""
        na, nb = len(self.members[a]), len(self.members[b])
        wa = self.inside[a] / (na * (na - 1)) if na > 1 else None
        wb = self.inside[b] / (nb * (nb - 1)) if nb > 1 else None
        if wa is None and wb is None:
            return None
        within = math.sqrt(max(wa, 0.0) * max(wb, 0.0)) if wa is not None and wb is not None else (wa or wb or 0.0)
        cross = dot(self.total[a], self.total[b]) / (na * nb)
        return cross / within if within > 0 else 0.0


def average_linkage(cl: Clusters, threshold: float) -> None:
    """Merge the pair of clusters with the highest average shared-neighbour similarity while it is at
    least ``threshold``, unless the two are far less alike across than within (``SEPARATE``)."""
    heap = [(-cl.average(a, b), a, b) for a in cl.links for b in cl.links[a] if a < b]
    heap = [h for h in heap if -h[0] >= threshold]
    heapq.heapify(heap)
    while heap:
        s, a, b = heapq.heappop(heap)
        if a not in cl.members or b not in cl.members or abs(cl.average(a, b) + s) > 1e-12:
            continue  # a cluster merged since, or the average changed: a newer entry stands
        if min(len(cl.members[a]), len(cl.members[b])) >= SEPARATE_MIN and (cl.cohesion(a, b) or 1.0) < SEPARATE:
            continue
        c = cl.union(a, b)
        for d in cl.links[c]:
            avg = cl.average(c, d)
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(c, d), max(c, d)))


def join_cohesive(cl: Clusters, near: list[list[tuple[float, int]]]) -> None:
    """Join two clusters whose articles are about as similar across as within them (cohesion at least
    COHESION), the most cohesive pair first. Candidates are the cluster pairs that some article of
    one lists an article of the other among its neighbours."""
    def candidates(c: int) -> set[int]:
        return {cl.root(j) for i in cl.members[c] for _, j in near[i]} - {c}

    heap = []
    for a in cl.members:
        for b in candidates(a):
            if a < b and (q := cl.cohesion(a, b)) is not None and q >= COHESION:
                heap.append((-q, a, b))
    heapq.heapify(heap)
    while heap:
        q, a, b = heapq.heappop(heap)
        if a not in cl.members or b not in cl.members or abs((cl.cohesion(a, b) or 0.0) + q) > 1e-9:
            continue
        c = cl.union(a, b)
        for d in candidates(c):
            if (q2 := cl.cohesion(c, d)) is not None and q2 >= COHESION:
                heapq.heappush(heap, (-q2, min(c, d), max(c, d)))
