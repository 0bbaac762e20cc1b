"""The analysis document, ``analysis.json``: the contract other tools and the scorers read."""
from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from headwater import __version__
from headwater.lang import analysis_level
from headwater.link import article_key
from headwater.model import Article

if TYPE_CHECKING:
    from headwater.pipeline import Analysis

SCHEMA_VERSION = "1.0"


def article_dict(aid: int, a: Article) -> dict[str, Any]:
    return {
        "id": article_key(aid), "source": a.source, "url": a.url, "title": a.title,
        "outlet": None if a.outlet is None else {
            "id": a.outlet.id, "name": a.outlet.name, "country": a.outlet.country,
            "state_affiliated": a.outlet.state_affiliated, "basis": a.outlet.basis},
        "wire": a.wire, "published": a.published, "published_basis": a.published_basis,
        "published_evidence": a.published_evidence, "site_name": a.site_name, "language": a.language,
        "analysis_level": analysis_level(a.language),  # how far its language is analyzed (lang packs)
        "text": a.text, "focus": a.focus, "notes": a.notes,
    }


def analysis_dict(result: Analysis) -> dict[str, Any]:
    arts = result.articles

    def with_id(key: str) -> list[dict[str, Any]]:
        return [{"article_id": article_key(aid), **x} for aid, a in arts for x in getattr(a, key)]

    links = result.links
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "headwater", "version": __version__},
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "articles": [article_dict(aid, a) for aid, a in arts],
        "places": [p for p in with_id("places") if not p.get("metonymy")],
        "metonyms": [p for p in with_id("places") if p.get("metonymy")],  # capitals standing for governments
        "attributions": [x for x in with_id("attributions") if x.get("sources")],
        "unattributed_claims": [x for x in with_id("attributions") if not x.get("sources")],  # the article's own voice
        "events": with_id("events"),
        "stories": links.stories,
        "copies": links.copies,
        "narratives": links.narratives,
        "contradictions": links.contradictions,
        "provenance": links.provenance,
        "errors": [{"source": e.source, "reason": e.reason} for e in result.errors],
    }


def write_analysis(result: Analysis, path: Path) -> Path:
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(analysis_dict(result), ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)  # a reader never sees half a document
    return path
