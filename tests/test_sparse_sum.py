"""Sums of sparse vectors held as arrays (the broad update's items): the dicts' arithmetic, less memory."""
from __future__ import annotations

import numpy as np
import pytest

from headwater.link import graph_linkage
from headwater.link.sparse_sum import SparseSum, dot


def _random(rng: np.random.Generator, n: int, words: int) -> dict[int, float]:
    """A sparse vector as a dict, its words in no particular order."""
    keys = rng.choice(words, size=n, replace=False)
    return {int(k): float(v) for k, v in zip(keys, rng.random(n), strict=True)}


def test_dot_and_plus_are_the_dicts_arithmetic_to_the_last_bit() -> None:
    rng = np.random.default_rng(11)
    for n, m in ((1, 1), (5, 40), (40, 5), (120, 120), (300, 80), (0, 7)):
        a, b = _random(rng, n, 400), _random(rng, m, 400)
        # the same floats, added in the same order: equal, not merely close
        assert dot(SparseSum.of(a), SparseSum.of(b)) == graph_linkage.dot(a, b)
        added = dict(a)
        for t, x in b.items():
            added[t] = added.get(t, 0.0) + x
        both = SparseSum.of(a).plus(SparseSum.of(b))
        assert list(both.items()) == list(added.items())  # the same words in the same order, the same sums
        c = _random(rng, 60, 400)
        assert dot(both, SparseSum.of(c)) == graph_linkage.dot(added, c)


def test_plus_leaves_both_sums_as_they_were() -> None:
    rng = np.random.default_rng(2)
    a, b = _random(rng, 50, 100), _random(rng, 50, 100)
    sa, sb = SparseSum.of(a), SparseSum.of(b)
    sa.plus(sb)
    assert dict(sa.items()) == a and dict(sb.items()) == b


def test_the_broad_updates_sums_hold_a_word_in_a_few_bytes() -> None:
    from headwater.link.broad_update import _Profiles
    from headwater.link.index import MemoryIndex

    index = MemoryIndex()
    index.count("broad.df", {"en\t": 1000, **{f"en\tw{i}": 2 + i % 50 for i in range(600)}})
    raws = {1: {f"w{i}": 1 + i % 3 for i in range(0, 600, 2)}, 2: {f"w{i}": 1 for i in range(0, 600, 3)}}
    p = _Profiles("en", index, raws)
    s = p.summed([1, 2])
    # each word's weight: the sum of the two articles' (as a dict of them would hold it)
    w1, w2 = p.weights(1), p.weights(2)
    want: dict[int, float] = {}
    for at, vals in (w1, w2):
        for t, x in zip(at.tolist(), vals.tolist(), strict=True):
            want[t] = want.get(t, 0.0) + x
    assert dict(s.items()) == want and len(s) == 400
    # as arrays, not a dict of int -> float (~90 bytes a word: ~180 MB at +1,000 into 30,000)
    assert s.keys.nbytes + s.vals.nbytes + s.order.nbytes + s.sorted_keys.nbytes <= 20 * len(s)
    # the counts held in 4 bytes a word (and its number), weighed as the float64 dicts were
    at, counts = p.rows[1]
    assert at.itemsize == 4 and counts.itemsize == 4
    by_number = {p.vocab[t]: x for t, x in p.weighed[1].items()}
    assert dict(zip(w1[0].tolist(), w1[1].tolist(), strict=True)) == pytest.approx(by_number, rel=1e-15)
