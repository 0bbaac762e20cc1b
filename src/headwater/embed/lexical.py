"""The fallback embedder: hashed word and character n-grams, no model, no corpus statistics.

It finds a claim retold in nearly the same words in the same language; it cannot see a paraphrase
or a translation. Signed feature hashing (Weinberger et al. 2009) keeps the vector size fixed.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from itertools import pairwise

import numpy as np

from headwater.embed import Vectors, normalise

WORD = re.compile(r"\w+", re.UNICODE)


class HashingEmbedder:
    name = "hashed-ngrams/1"

    def __init__(self, dim: int = 1024) -> None:
        self.dim = dim

    def _features(self, text: str) -> list[str]:
        words = [w for w in WORD.findall(text.lower()) if not w.isdigit()]
        feats = [f"w:{w}" for w in words] + [f"b:{a} {b}" for a, b in pairwise(words)]
        for w in words:  # character 4-grams of each word: inflections of one stem meet
            padded = f" {w} "
            feats += [f"c:{padded[i:i + 4]}" for i in range(max(1, len(padded) - 3))]
        return feats

    def embed(self, texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for f in self._features(text):
                h = zlib.crc32(f.encode("utf-8"))
                out[row, h % self.dim] += 1.0 if (h >> 31) & 1 else -1.0
        # sublinear counts: a word said five times is not five times the evidence
        return normalise(np.sign(out) * np.sqrt(np.abs(out)))
