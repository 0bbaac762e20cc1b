"""Average linkage over a graph of candidate pairs, continuing from groups already made.

``broad.average_linkage`` joins groups over a dense matrix of every pair: what a full link does within
a block. An update has a few new articles beside the groups a full link made. Here each item (an old
group, an old article alone, a new article) keeps the sum of its members' normalised vectors; the mean
similarity of two items is the dot of their sums over the product of their sizes (the mean of their
members' cosines, exactly); only items linked by an edge (a new article and a neighbour) are compared,
and the two items a join makes one keep both's edges, compared anew. The closest pair joins first (a
heap, stale entries skipped) while it is at ``cut`` or closer.

Items marked ``apart`` (what the last link made) never join each other, directly or through a new
article: a new article joins at most one of them. (Let join, old groups a full link kept in different
k-means blocks met through the new articles near both and chained: at +1,000 into 10,000, broad
narratives of up to 30 articles where a full link's are at most 7, pair precision against a full
relink 0.09.)
"""
from __future__ import annotations

import heapq
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

from headwater.link import sparse_sum
from headwater.link.sparse_sum import SparseSum

K = TypeVar("K", bound=Hashable)  # what a vector's dimensions are named by (a word, a word's number)


def dot(a: Mapping[K, float], b: Mapping[K, float]) -> float:
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return sum(x * big[t] for t, x in small.items() if t in big)


def graph_linkage(items: list[tuple[list[int], SparseSum]], edges: Iterable[tuple[int, int]], cut: float,
                  apart: Sequence[bool] = ()) -> list[list[int]]:
    """The items (members, sum of their members' vectors) joined by average linkage over ``edges``
    (pairs of item positions); returns each resulting group's item positions, in order of their first.
    Two groups holding an item marked in ``apart`` never join: those stay apart as they were made."""
    size = [len(m) for m, _ in items]
    held = [bool(apart[i]) if i < len(apart) else False for i in range(len(items))]
    # a join makes a new sum (``SparseSum.plus``): the items' own are left as given (the caller reads
    # them again), and none is copied up front (at +1,000 into 30,000, copies of every item's sum
    # raised the run's peak RSS 638 -> 707 MB)
    sums = [s for _, s in items]
    near: list[set[int]] = [set() for _ in items]
    for i, j in edges:
        if i != j:
            near[i].add(j)
            near[j].add(i)
    joined = [[i] for i in range(len(items))]
    alive = [True] * len(items)
    version = [0] * len(items)
    heap: list[tuple[float, int, int, int]] = []

    def push(i: int, j: int) -> None:
        if held[i] and held[j]:
            return
        s = sparse_sum.dot(sums[i], sums[j]) / (size[i] * size[j]) if size[i] and size[j] else 0.0
        if s >= cut:
            heapq.heappush(heap, (-s, min(i, j), max(i, j), version[i] + version[j]))

    for i in range(len(items)):
        for j in near[i]:
            if i < j:
                push(i, j)
    while heap:
        _, i, j, v = heapq.heappop(heap)
        # versions only grow: their sum is unchanged only while neither item changed
        if not (alive[i] and alive[j]) or v != version[i] + version[j]:
            continue
        # j joins i: its members, its sum, its edges
        alive[j] = False
        joined[i] += joined[j]
        size[i] += size[j]
        held[i] = held[i] or held[j]
        sums[i] = sums[i].plus(sums[j])
        version[i] += 1
        for k in near[j]:
            near[k].discard(j)
            if k != i:
                near[k].add(i)
        near[i] = (near[i] | near[j]) - {i, j}
        for k in near[i]:
            push(i, k)
    return [sorted(g) for i, g in enumerate(joined) if alive[i]]
