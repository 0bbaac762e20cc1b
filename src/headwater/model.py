"""The data that flows through the pipeline: raw inputs, articles and what is found in them.

Every stage takes and returns these plain dataclasses, so per-article work can be pickled to a
worker process (or a cluster) and the JSON contract (`analysis.json`) is one ``to_dict`` away.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

InputKind = Literal["text", "html"]
DateBasis = Literal["explicit", "inferred"]


@dataclass(frozen=True, order=True)
class ArticleKey:
    """An article's id: its row in the database, written ``a<row>`` in documents, exports and URLs."""

    row: int

    def __str__(self) -> str:
        return f"a{self.row}"

    @classmethod
    def parse(cls, text: object) -> ArticleKey:
        """``"a12"`` (or ``12``, ``"12"``) as a key; ValueError for anything else."""
        if isinstance(text, ArticleKey):
            return text
        if isinstance(text, int) and not isinstance(text, bool) and text >= 0:
            return cls(text)
        m = _KEY.fullmatch(str(text))
        if not m:
            raise ValueError(f"not an article id: {text!r}")
        return cls(int(m.group(1)))


_KEY = re.compile(r"a?(\d{1,18})")


def key(row: int) -> str:
    """The document id of the article stored in ``row``."""
    return str(ArticleKey(row))


def row_of(article_id: object) -> int:
    """The database row of a document article id (``"a12"`` -> 12)."""
    return ArticleKey.parse(article_id).row


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
    author: str | None = None  # the byline, as stated ("Jane Doe; John Roe"); None where none is stated
    input_kind: InputKind = "text"
    digest: str = ""
    # Filled by enrichers (later stages); each is a list of JSON-ready dicts with offsets.
    places: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    focus: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)  # what extraction removed or doubted
    # Findings of registered enrichers without a typed field: {name: [JSON-ready dicts]}. Stored,
    # listed in the document and exported generically (``store.findings``), keyed by enricher.
    findings: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def outlet_label(name: str | None, url: str | None, article_id: str | None = None) -> str:
    """How an article's publisher is named in every view, graph and export: the outlet's name, else the
    site's domain when there is a URL, else "unnamed outlet" (never a file name). With ``article_id``,
    an outlet known by nothing at all is told apart per article, so that two unnamed publishers are not
    drawn as one node of a citation graph."""
    if name:
        return name
    host = ""
    if url and "://" in url:
        host = url.split("://", 1)[1].split("/", 1)[0].split("@")[-1].split(":")[0].lower().removeprefix("www.")
    if host:
        return f"unnamed outlet ({host})"
    return f"unnamed outlet ({article_id})" if article_id else "unnamed outlet"


def ascribed_aim(attribution: dict[str, Any]) -> bool:
    """An attribution of an aim, a plan or a decision the article ascribes to its source ("NATO plans to
    attack"), not inside what another source says: the article's own claim, not its holder's."""
    return bool(attribution.get("attitude")) and not attribution.get("nested")


# Link rows, as the store keeps them and updates change them ----------------------------------
def row_key(row: dict[str, Any]) -> str | None:
    """What a stored link is removed and looked up by: its narrative's id, else its own id."""
    value = row.get("narrative_id", row.get("id"))
    return None if value is None else str(value)


def articles_of(row: dict[str, Any]) -> list[str]:
    """The article ids a link row lists (members, a copy and its original, a contradiction's ends)."""
    out = [str(k) for k in row.get("article_ids") or []]
    out += [str(row[f]) for f in ("article_id", "derived_from") if isinstance(row.get(f), str)]
    return out


@dataclass
class Changed:
    """A part's rows added and the row keys (``row_key``) removed, the rest staying as they were."""

    added: list[dict[str, Any]] = field(default_factory=list)
    removed: set[str] = field(default_factory=set)

    def apply(self, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """``rows`` with this change: the rows kept in their order, then the rows added."""
        return [r for r in rows if row_key(r) not in self.removed] + list(self.added)

    def holding(self, rows: list[dict[str, Any]], articles: set[str]) -> list[dict[str, Any]]:
        """Previous ``rows`` (those holding ``articles``) with this change, narrowed to those articles."""
        return [r for r in self.apply(rows) if articles.intersection(articles_of(r))]
