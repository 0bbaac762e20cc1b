"""An attribution found in a sentence, before it becomes a record: the claim's and cue's offsets, the chain of
sources (nearest first), and how it was said."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Found:
    claim_start: int
    claim_end: int
    cue: str
    cue_start: int
    chain: list[dict[str, Any]]
    speaker_start: int | None = None
    quote: bool = False
    nested: bool = False  # inside what another source says: "the envoy said the UN must demand ..."
    runs_on: bool = True  # a quote opening the next sentence may be more of it (not so when the tag comes last)
    hedges: list[str] = field(default_factory=list)
