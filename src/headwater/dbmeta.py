"""The Datasette metadata of a headwater database: table and column descriptions, facets, units.

``headwater analyze`` writes it beside the database (``headwater.metadata.json`` next to
``headwater.db``); open both with ``datasette headwater.db --metadata headwater.metadata.json``.

Ids: every table keeps SQLite's integer ``id`` (what foreign keys point at); articles, places,
attributions and events also carry ``key``, the text id the analysis document, every export and
every URL of ``headwater serve`` use ("a3", "a3.p2", "a3.c5", "a3.e1"). Join tables on the integer
ids, and the exports on their text ids.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from headwater import __version__

ARTICLE_KEY = "the article's id in analysis.json, the exports and the app's URLs: a3"

TABLES: dict[str, dict[str, Any]] = {
    "articles": {
        "description": "One row per distinct article (same clean text = one article). Full-text search over "
                       "title and text (articles_fts).",
        "columns": {
            "id": "row id (foreign keys point here)", "key": ARTICLE_KEY,
            "content_hash": "sha256 of the clean text, white space folded",
            "source": "the first input it was read from (a path, file.jsonl:12 or a URL)",
            "url": "the article's URL as stated by the page or the input", "title": "headline",
            "author": "the byline as stated (names separated by '; '); empty where none is stated",
            "outlet_id": "outlet registry id", "outlet_name": "publisher, named only on evidence",
            "outlet_country": "ISO 3166-1 alpha-2 country of the outlet",
            "outlet_state_affiliated": "1 if the outlet is state-affiliated per the registry's sources",
            "outlet_basis": "what showed the outlet: url, metadata, dateline, signature, title, byline, input",
            "wire": "a wire agency named in a dateline (not the publisher)",
            "published": "publication date, ISO 8601, only as stated",
            "published_basis": "explicit, or inferred (day/month order could not be told apart, or a dateline's "
                               "year worked out from the text; published_evidence says which)",
            "published_evidence": "the string the date was read from", "site_name": "site name from page metadata",
            "language": "ISO 639-1 language code", "input_kind": "text or html", "text": "the clean article text",
            "focus": "JSON: where the main reported event happened", "notes": "JSON list: how facts were found",
            "analyzer": "headwater version and enrichers that analyzed it", "run_id": "the run that stored it",
            "added_at": "when it was stored (UTC, ISO 8601)",
        },
        "facets": ["outlet_name", "outlet_country", "language", "published_basis"],
        "sortable_columns": ["id", "published", "title", "outlet_name", "added_at"],
        "label_column": "title",
    },
    "places": {
        "description": "Place mentions resolved to coordinates; the full finding is the JSON in data.",
        "columns": {"id": "row id", "key": "the mention's id in the document and exports: a3.p2 (article a3's "
                    "second place)", "article_id": "articles.id", "surface": "the text as written",
                    "start": "character offset of the mention in articles.text", "end": "end offset (exclusive)",
                    "name": "gazetteer name", "lat": "latitude", "lon": "longitude", "kind": "city, admin_region, "
                    "country, base, camp...", "admin1": "first-level division", "country": "ISO 3166-1 alpha-2",
                    "data": "JSON: every field of the finding"},
        "units": {"lat": "degree", "lon": "degree"},
        "facets": ["country", "kind", "admin1"],
        "label_column": "surface",
    },
    "attributions": {
        "description": "Claims and who they are attributed to (chains in data.sources); a claim without "
                       "a source is an unattributed assertion (first_source empty).",
        "columns": {"id": "row id", "key": "the claim's id in the document and exports: a3.c5",
                    "article_id": "articles.id", "claim": "the claim as written", "start": "character offset",
                    "end": "end offset (exclusive)", "first_source": "whom the outlet cites (sources[0].name)",
                    "data": "JSON: every field, the source chain included"},
        "facets": ["first_source"],
        "label_column": "claim",
    },
    "events": {
        "description": "Events reported: movement, training, recruitment, attacks, casualties, detention.",
        "columns": {"id": "row id", "key": "the event's id in the document and exports: a3.e1",
                    "article_id": "articles.id", "type": "event type", "actor": "who acted (resolved)",
                    "count": "how many, as written (vague amounts empty)", "killed": "people killed, as reported",
                    "date": "ISO date, resolved against the publication date where relative",
                    "data": "JSON: every field (origin, destination, location, attribution...)"},
        "facets": ["type", "actor"],
    },
    "narratives": {
        "description": "Claim frames (actor, action, group) retold by two or more articles; ids stable across runs.",
        "columns": {"id": "narrative id (n1...)", "label": "the claim in words", "first_seen": "earliest date",
                    "last_seen": "latest date", "data": "JSON: the narrative whole"},
        "label_column": "label",
    },
    "narrative_articles": {"description": "Which articles retell which narrative.",
                           "columns": {"narrative_id": "narratives.id", "article_id": "articles.id"}},
    "contradictions": {
        "description": "Retellings of one narrative that disagree on a slot (direction, destination, count...).",
        "columns": {"narrative_id": "narratives.id", "slot": "what they disagree on", "description": "in words",
                    "article_id": "articles.id of one retelling", "other_article_id": "articles.id of the other",
                    "data": "JSON: with the evidence spans"},
        "facets": ["slot", "narrative_id"],
    },
    "provenance_edges": {
        "description": "Each step of every attribution chain of a narrative: source cites the next.",
        "columns": {"narrative_id": "narratives.id", "source": "who relays", "cites": "whom they cite",
                    "article_id": "articles.id of the article with this step"},
        "facets": ["narrative_id", "source", "cites"],
    },
    "stories": {"description": "Articles about one incident (story ids s1...).",
                "columns": {"id": "story_ids.id", "article_id": "articles.id"}},
    "story_ids": {"description": "One row per story."},
    "known_claims": {"description": "Debunked claims imported with `headwater claims import`.",
                     "columns": {"origin": "the file it was imported from", "rating": "the fact-checker's rating"}},
    "narrative_known_claims": {"description": "Narratives that repeat a known claim, with the match score.",
                               "columns": {"score": "similarity of the narrative to the known claim (0-1)"}},
    "inputs": {"description": "Every input read and the article it gave.",
               "columns": {"digest": "sha256 of the bytes read", "article_id": "articles.id"}},
    "errors": {"description": "Inputs that could not be analyzed, and why.", "facets": ["run_id"]},
    "runs": {"description": "Each headwater analyze run and its counts."},
    "findings": {"description": "Findings of registered enrichers without a table of their own (JSON in data).",
                 "facets": ["name", "enricher"]},
    "links": {"description": "Corpus-level results kept whole, as the linkers computed them (the document is "
                             "built from these).", "facets": ["kind"]},
}


def metadata(db_path: Path) -> dict[str, Any]:
    """Datasette metadata for the database at ``db_path`` (its name is the file's stem)."""
    return {
        "title": "headwater",
        "description": "Articles, the places, claims and events found in them, and the narratives they retell. "
                       "Integer id columns join the tables; key columns hold the ids of analysis.json and the exports.",
        "source": f"headwater {__version__}",
        "databases": {db_path.stem: {"tables": TABLES}},
    }


def metadata_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + ".metadata.json")


def write_metadata(db_path: Path) -> Path:
    """Write the metadata beside the database (atomically: Datasette may be reading it)."""
    path = metadata_path(db_path)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(metadata(db_path), ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
    return path
