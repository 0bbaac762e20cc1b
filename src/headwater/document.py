"""The analysis document: the one thing every view shows, built once, from the database.

``build`` assembles it from what the store holds — the articles and their findings, and the
corpus-level results the linkers stored — never by linking again on the side. ``analysis.json``,
``report.html``, ``headwater serve`` and every ``headwater export`` format read this document, so they
cannot disagree. Every number a view shows is a field of it (``summary``, ``provenance``).
"""
from __future__ import annotations

import builtins
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from headwater import __version__
from headwater.lang import analysis_level
from headwater.link.entities import apply_entities, mention_key, mentions
from headwater.model import Article, key, outlet_label, row_of
from headwater.store import TYPED_FINDINGS, Store

SCHEMA_VERSION = "1.2"  # 1.2: articles have `author`
Row = dict[str, Any]
# The document's own keys, in the order they are written; other findings and links follow.
FINDING_KEYS = ("places", "metonyms", "attributions", "unattributed_claims", "events")
LINK_KEYS = ("stories", "copies", "narratives", "contradictions", "provenance", "entities")
RESERVED = frozenset({"schema_version", "generator", "generated_at", "articles", "errors", "summary",
                      *FINDING_KEYS, *LINK_KEYS, *TYPED_FINDINGS})


def article_dict(row: int, a: Article) -> Row:
    return {
        "id": key(row), "source": a.source, "url": a.url, "title": a.title, "author": a.author,
        "outlet": None if a.outlet is None else {
            "id": a.outlet.id, "name": a.outlet.name, "country": a.outlet.country,
            "state_affiliated": a.outlet.state_affiliated, "basis": a.outlet.basis},
        "analysis_level": analysis_level(a.language),  # how far its language is analyzed (lang packs)
        "wire": a.wire, "published": a.published, "published_basis": a.published_basis,
        "published_evidence": a.published_evidence, "site_name": a.site_name, "language": a.language,
        "text": a.text, "focus": a.focus, "notes": a.notes,
    }


def summary(doc: dict[str, Any]) -> dict[str, Any]:
    """The counts the views show, computed once here."""
    arts = doc["articles"]
    outlets = {str(a["outlet"]["name"]) for a in arts if a.get("outlet")}
    dates = sorted(str(a["published"]) for a in arts if a.get("published"))
    kinds: Counter[str] = Counter()
    for at in doc["attributions"]:
        for s in at.get("sources") or []:
            kinds[str(s.get("kind") or "unknown")] += 1
    return {
        "articles": len(arts), "outlets": len(outlets),
        "state_affiliated_articles": sum(1 for a in arts if (a.get("outlet") or {}).get("state_affiliated") is True),
        "no_outlet_articles": sum(1 for a in arts if not a.get("outlet")),
        "dated_articles": len(dates), "first_published": dates[0] if dates else None,
        "last_published": dates[-1] if dates else None,
        "languages": dict(Counter(str(a.get("language") or "unknown") for a in arts).most_common()),
        **{k: len(doc.get(k) or []) for k in (*FINDING_KEYS, *LINK_KEYS, "errors")},
        "source_mentions": dict(kinds.most_common()),
    }


def article_parts(r: int, a: Article) -> dict[str, list[Row]]:
    """One article's rows of each finding part of the document (``FINDING_KEYS``, then registered
    enrichers' findings by name), numbered: "a3.p2" is the article's second place (row ids that join
    across the document and the exports). Its sources are typed as they are (``apply_entities`` first)."""
    k = key(r)

    def numbered(letter: str, items: list[Row]) -> list[Row]:
        return [{"article_id": k, "id": f"{k}.{letter}{i}", **x} for i, x in enumerate(items, 1)]

    places, attrs = numbered("p", a.places), numbered("c", a.attributions)
    parts = {
        "places": [p for p in places if not p.get("metonymy")],
        "metonyms": [p for p in places if p.get("metonymy")],  # capitals standing for governments
        "attributions": [x for x in attrs if x.get("sources")],
        "unattributed_claims": [x for x in attrs if not x.get("sources")],  # the article's own voice
        "events": numbered("e", a.events),
    }
    for name, items in a.findings.items():
        if name in RESERVED:  # the document's own parts: such a finding is stored, never shown
            continue
        # keys starting with "_" are an enricher's working data (a claim's vector): stored, not shown
        parts.setdefault(name, []).extend({x: v for x, v in f.items() if not x.startswith("_")}
                                          for f in numbered("f", items))
    return parts


def assemble(corpus: list[tuple[int, Article]], links: dict[str, list[Row]], errors: list[Row],
             generated_at: str | None = None, with_summary: bool = True) -> dict[str, Any]:
    """The document of a corpus, its stored links and the errors of the run it reports."""
    apply_entities(corpus, links.get("entities", []))  # the corpus-level typing of sources, as the linkers saw it
    found: dict[str, list[Row]] = defaultdict(list)
    for r, a in corpus:
        for name, rows in article_parts(r, a).items():
            found[name].extend(rows)
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "headwater", "version": __version__},
        "generated_at": generated_at or datetime.now(UTC).isoformat(timespec="seconds"),
        "articles": [article_dict(r, a) for r, a in corpus],
        **{part: found.pop(part, []) for part in FINDING_KEYS},
    }
    for part in LINK_KEYS:
        doc[part] = list(links.get(part, []))
    doc["errors"] = [{"source": e["source"], "reason": e["reason"]} for e in errors]
    extra = found  # registered enrichers' generic findings
    for name in sorted(extra):
        if name not in RESERVED:
            doc[name] = extra[name]
    for part, rows in links.items():  # registered linkers' results
        if part not in RESERVED:
            doc[part] = rows
    if with_summary:
        doc["summary"] = summary(doc)
    return doc


def build(store: Store, run_id: int | None = None, generated_at: str | None = None) -> dict[str, Any]:
    """The document of everything the database holds; ``errors`` are those of ``run_id`` (default: the latest run)."""
    run = run_id if run_id is not None else store.latest_run()
    links: dict[str, list[Row]] = {kind: [] for kind in store.link_producers()}  # every part a linker made, an empty one too
    links.update(store.links())
    return assemble(list(store.articles()), links, store.errors(run) if run is not None else [], generated_at)


# Slices: the part of the document one page shows, assembled the same way from the indexed tables, so a
# page of a 100,000-article corpus reads what it shows and nothing else.
NARRATIVE_PARTS = ("narratives", "provenance", "contradictions")


def article_slice(store: Store, row: int) -> dict[str, Any] | None:
    """One article with its findings, its story and the narratives it is in (their provenance too)."""
    arts = list(store.articles([row]))
    if not arts:
        return None
    nids = store.narratives_of(row)
    links = {k: v for k, v in store.links(keys=nids).items() if k in NARRATIVE_PARTS} if nids else {}
    links.update(store.links("stories", store.story_of(row)))
    keys = sorted({mention_key(s) for _, a in arts for s in mentions(a)})
    links.update(store.links("entities", keys) if keys else {})
    return assemble(arts, links, [], with_summary=False)


def narrative_slice(store: Store, nid: str) -> dict[str, Any] | None:
    """One narrative, its provenance and contradictions, and its articles with their places,
    attributions and events. Not their claim records: the narrative holds its own claims (with their
    spans), and reading every member's claims was half of a narrative page (a page of 66 articles:
    about 200 ms); each article's page has them."""
    links = {k: v for k, v in store.links(keys=[nid]).items() if k in NARRATIVE_PARTS}
    if not links.get("narratives"):
        return None
    rows = sorted({row_of(a) for n in links["narratives"] for a in n.get("article_ids") or []})
    arts = list(store.articles(rows, generic=False))
    keys = sorted({mention_key(s) for _, a in arts for s in mentions(a)})
    links.update(store.links("entities", keys) if keys else {})
    return assemble(arts, links, [], with_summary=False)


def _by_article(rows: list[Row]) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        out[str(r.get("article_id"))].append(r)
    return out


@dataclass
class Doc:
    """The document indexed once for the views: every lookup they make is a dict access, so rendering
    and exporting stay linear in the size of the corpus."""

    raw: dict[str, Any]
    articles: list[Row] = field(default_factory=list)
    by_id: dict[str, Row] = field(default_factory=dict)
    places: dict[str, list[Row]] = field(default_factory=dict)
    attributions: dict[str, list[Row]] = field(default_factory=dict)
    events: dict[str, list[Row]] = field(default_factory=dict)
    metonyms: dict[str, list[Row]] = field(default_factory=dict)
    unattributed: dict[str, list[Row]] = field(default_factory=dict)
    story: dict[str, str] = field(default_factory=dict)  # article id -> story id
    derived_from: dict[str, str] = field(default_factory=dict)  # article id -> the article it copies
    narrative_label: dict[str, str] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)  # what the user chose for this view or export

    @classmethod
    def of(cls, raw: dict[str, Any]) -> Doc:
        arts = [a for a in raw.get("articles") or [] if isinstance(a, dict)]
        return cls(raw=raw, articles=arts, by_id={str(a.get("id")): a for a in arts},
                   places=_by_article(raw.get("places") or []),
                   attributions=_by_article(raw.get("attributions") or []),
                   events=_by_article(raw.get("events") or []),
                   metonyms=_by_article(raw.get("metonyms") or []),
                   unattributed=_by_article(raw.get("unattributed_claims") or []),
                   story={str(a): str(s.get("id")) for s in raw.get("stories") or [] for a in s.get("article_ids") or []},
                   derived_from={str(c.get("article_id")): str(c.get("derived_from")) for c in raw.get("copies") or []},
                   narrative_label={str(n.get("id")): str(n.get("label") or n.get("id"))
                                    for n in raw.get("narratives") or []})

    def list(self, key: str) -> list[Row]:
        value = self.raw.get(key) or []
        return [x for x in value if isinstance(x, dict)]

    def extra_parts(self) -> builtins.list[str]:
        """Keys of the document that registered enrichers or linkers added (not among the built-in ones)."""
        return [k for k, v in self.raw.items() if k not in RESERVED and isinstance(v, list)]

    @property
    def summary(self) -> dict[str, Any]:
        s = self.raw.get("summary")
        return s if isinstance(s, dict) else {}

    def outlet_name(self, aid: str) -> str:
        return article_outlet(self.by_id.get(aid) or {"id": aid}, per_article=True)

    def title(self, aid: str) -> str:
        return str((self.by_id.get(aid) or {}).get("title") or "(no title)")

    def text(self, aid: str) -> str:
        return str((self.by_id.get(aid) or {}).get("text") or "")


def article_outlet(article: Row, per_article: bool = False) -> str:
    """``model.outlet_label`` of a document article."""
    found = article.get("outlet")
    outlet: Row = found if isinstance(found, dict) else {}
    return outlet_label(outlet.get("name"), article.get("url"), str(article.get("id")) if per_article else None)
