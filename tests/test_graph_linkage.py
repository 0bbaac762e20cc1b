"""Average linkage over a graph of candidate pairs (the broad narratives' update)."""
from __future__ import annotations

import itertools

import numpy as np

from headwater.link.broad import average_linkage
from headwater.link.graph_linkage import graph_linkage
from headwater.link.sparse_sum import SparseSum, dot


def _items(x: np.ndarray, groups: list[list[int]]) -> list[tuple[list[int], SparseSum]]:
    """Each group with the sum of its members' vectors (a word number per dimension)."""
    return [(g, SparseSum.of({d: float(x[g, d].sum()) for d in range(x.shape[1])})) for g in groups]


def _unit(rng: np.random.Generator, n: int, dim: int = 6) -> np.ndarray:
    x = rng.normal(size=(n, dim))
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_over_every_pair_it_joins_as_average_linkage_does() -> None:
    rng = np.random.default_rng(5)
    for n, cut in ((2, 0.1), (9, 0.2), (15, 0.3), (20, 0.25)):
        x = _unit(rng, n)
        groups = graph_linkage(_items(x, [[i] for i in range(n)]), itertools.combinations(range(n), 2), cut)
        assert {frozenset(g) for g in groups} == {frozenset(g) for g in average_linkage(x @ x.T, cut)}


def test_a_group_is_compared_by_the_mean_of_its_members_cosines() -> None:
    rng = np.random.default_rng(8)
    x = _unit(rng, 5)
    (_, sa), (_, sb) = _items(x, [[0, 1, 2], [3, 4]])
    assert abs(dot(sa, sb) / 6 - float(np.mean(x[[0, 1, 2]] @ x[[3, 4]].T))) < 1e-9


def test_items_kept_apart_never_join_not_even_through_a_third() -> None:
    x = np.array([[1.0, 0.0], [0.9, 0.1], [0.95, 0.05]])
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    every = list(itertools.combinations(range(3), 2))
    assert graph_linkage(_items(x, [[0], [1], [2]]), every, 0.5) == [[0, 1, 2]]
    # 0 and 1 were apart before: the new item 2 joins the nearer one only
    got = graph_linkage(_items(x, [[0], [1], [2]]), every, 0.5, apart=[True, True, False])
    assert sorted(map(sorted, got)) == [[0, 2], [1]]


def test_only_items_an_edge_links_are_compared() -> None:
    x = np.array([[1.0, 0.0], [1.0, 0.0], [1.0, 0.0]])
    got = graph_linkage(_items(x, [[0], [1], [2]]), [(0, 1)], 0.5)
    assert sorted(map(sorted, got)) == [[0, 1], [2]]


def test_the_callers_sums_are_left_as_given() -> None:
    # a join adds one item's sum into the other's: into a copy (made at the first join), never into
    # the dict the caller passed, which the broad update reads again after the linkage
    rng = np.random.default_rng(3)
    x = _unit(rng, 8)
    items = _items(x, [[0, 1], [2], [3, 4, 5], [6], [7]])
    before = [dict(s.items()) for _, s in items]
    groups = graph_linkage(items, itertools.combinations(range(5), 2), -1.0)
    assert len(groups) == 1  # everything joined (no mean cosine is below -1)
    assert [dict(s.items()) for _, s in items] == before
