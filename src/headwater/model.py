"""The data that flows through the pipeline: raw inputs, articles and what is found in them.

Every stage takes and returns these plain dataclasses, so per-article work can be pickled to a
worker process (or a cluster) and the JSON contract (`analysis.json`) is one ``to_dict`` away.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

InputKind = Literal["text", "html"]
DateBasis = Literal["explicit", "inferred"]


@dataclass(frozen=True)
class RawInput:
    """One article as read from an input, before extraction.

    ``source`` names where it came from (file path, ``file.jsonl:12``, a URL); ``meta`` carries what
    the container stated about it (url, title, published, outlet from a JSON line or WARC header).
    """

    source: str
    content: str
    kind: InputKind
    meta: dict[str, str] = field(default_factory=dict)
    digest: str = ""  # sha256 of the raw bytes read; lets a re-run skip what it already stored


@dataclass(frozen=True)
class InputError:
    """An input that could not be analyzed, and why (one line a person can act on)."""

    source: str
    reason: str


@dataclass
class Outlet:
    """The publisher of an article copy, as the outlet registry describes it."""

    id: str
    name: str
    country: str | None
    state_affiliated: bool | None
    basis: str  # what showed it: "url", "metadata", "dateline", "signature", "title", "byline", "input"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Span:
    """A piece of evidence: offsets into the article text."""

    start: int
    end: int


@dataclass
class Article:
    """A clean article: body text and metadata, each fact with how it was found."""

    source: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: Outlet | None = None
    wire: str | None = None
    published: str | None = None
    published_basis: DateBasis | None = None
    published_evidence: str | None = None  # the string the date was read from
    site_name: str | None = None
    language: str | None = None
    input_kind: InputKind = "text"
    digest: str = ""
    # Filled by enrichers (later stages); each is a list of JSON-ready dicts with offsets.
    places: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    focus: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)  # what extraction removed or doubted
