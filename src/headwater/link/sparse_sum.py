"""A sum of sparse vectors (word number -> weight) held as arrays, compared and added as the dicts were.

The broad update keeps the sum of each item's weights (an old narrative, an article alone, a new
article) while it joins them (``graph_linkage``). As dicts of int -> float (~90 bytes a word) those
sums were ~180 MB traced at +1,000 into 30,000; as arrays (keys int32, weights float64, and the
keys sorted with their positions, int32, to look a key up by), 20 bytes a word.

The arithmetic is the dicts' own, so the groups made are the same: ``dot`` multiplies the shared
words' weights in the order of the shorter sum's words and adds them one at a time from 0 (as
``sum`` over a dict's items did); ``plus`` adds another's weights into a copy, its new words after
the old in its order (as ``dict[t] = dict.get(t, 0.0) + x`` did).
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping

import numpy as np
import numpy.typing as npt


class SparseSum:
    """Words (int32, in the order a dict of them would hold them) and their weights (float64)."""

    __slots__ = ("keys", "order", "sorted_keys", "vals")

    def __init__(self, keys: npt.NDArray[np.int32], vals: npt.NDArray[np.float64]) -> None:
        self.keys, self.vals = keys, vals
        self.order = np.argsort(keys, kind="stable").astype(np.int32)  # positions by key
        self.sorted_keys = keys[self.order]

    @classmethod
    def of(cls, weights: Mapping[int, float]) -> SparseSum:
        return cls(np.fromiter(weights.keys(), dtype=np.int32, count=len(weights)),
                   np.fromiter(weights.values(), dtype=np.float64, count=len(weights)))

    def __len__(self) -> int:
        return len(self.keys)

    def items(self) -> Iterator[tuple[int, float]]:
        return zip(self.keys.tolist(), self.vals.tolist(), strict=True)

    def _find(self, keys: npt.NDArray[np.int32]) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.intp]]:
        """Which of these keys this sum holds, and where (for those held)."""
        if not len(self.keys):
            return np.zeros(len(keys), dtype=bool), np.zeros(0, dtype=np.intp)
        at = np.minimum(np.searchsorted(self.sorted_keys, keys), len(self.keys) - 1)
        held = self.sorted_keys[at] == keys
        return held, self.order[at[held]]

    def plus(self, other: SparseSum) -> SparseSum:
        """This sum and ``other`` added (a new one: this is left as it was)."""
        held, where = self._find(other.keys)
        vals = self.vals.copy()
        vals[where] = vals[where] + other.vals[held]
        fresh = ~held
        return SparseSum(np.concatenate([self.keys, other.keys[fresh]]),
                         np.concatenate([vals, 0.0 + other.vals[fresh]]))


def dot(a: SparseSum, b: SparseSum) -> float:
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    held, where = big._find(small.keys)
    return float(sum((small.vals[held] * big.vals[where]).tolist()))
