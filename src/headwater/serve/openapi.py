"""The OpenAPI 3.1 description of the JSON endpoints (written by hand: the API is small)."""
from __future__ import annotations

from typing import Any

from headwater import __version__


def _q(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": {"type": "string"}}


def _p(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "description": description, "schema": {"type": "string"}}


def _get(summary: str, params: list[dict[str, Any]] | None = None, bad: bool = False, missing: bool = False) -> dict[str, Any]:
    responses: dict[str, Any] = {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}}
    if bad:
        responses["400"] = {"$ref": "#/components/responses/Error"}
    if missing:
        responses["404"] = {"$ref": "#/components/responses/Error"}
    return {"get": {"summary": summary, "parameters": params or [], "responses": responses}}


ARTICLE_FILTERS = [
    _q("outlet", "outlet name or id"), _q("country", "outlet country, ISO 3166 alpha-2"),
    _q("state", "true: state-affiliated outlets only; false: the others"),
    _q("since", "published on or after (YYYY, YYYY-MM or YYYY-MM-DD)"), _q("until", "published on or before"),
    _q("place", "a place the article names (resolved name or surface form)"),
    _q("narrative", "a narrative id such as n1"), _q("q", "full-text query, SQLite FTS5 syntax"),
    _q("limit", "at most this many (default 100, max 1000)"), _q("offset", "skip this many"),
]


def openapi() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "headwater", "version": __version__,
                 "description": "A headwater database: articles, places, claims, narratives and their provenance. "
                                "Every page also has an HTML form at the same path without .json."},
        "paths": {
            "/index.json": _get("Overview: the narratives (most articles first) with their size, languages, "
                                 "outlets, codebook match, contradictions and independence breakdown; then counts"),
            "/articles.json": _get("Articles, filtered", ARTICLE_FILTERS, bad=True),
            "/articles/{id}.json": _get("One article: text, places, claims, analysis slice", [_p("id", "article id: 3 or a3")],
                                        missing=True),
            "/narratives.json": _get("Narratives with the same facts as the overview, all of them"),
            "/narratives/{id}.json": _get("One narrative: its facts, its claims (each with the article page and anchor of "
                                          "its sentence), articles, contradictions, provenance, known claims",
                                          [_p("id", "narrative id such as n1")], missing=True),
            "/places.json": _get("Places named in the corpus, with mention and article counts"),
            "/map.json": _get("What the map draws: articles with their focus, places and events (analysis.json's shape)"),
            "/sources.json": _get("Every source named, with every claim attributed to it, most cited first"),
            "/report.json": _get("The whole stored corpus as an analysis document (the analysis.json schema)"),
            "/search.json": _get("Full-text search with snippets", [_q("q", "full-text query, SQLite FTS5 syntax"),
                                                                    _q("limit", "default 50")], bad=True),
            "/analyze": {"post": {
                "summary": "Analyze URLs or texts into the database (needs the server's token)",
                "security": [{"bearer": []}],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"oneOf": [
                    {"type": "object", "required": ["urls"], "additionalProperties": False,
                     "properties": {"urls": {"type": "array", "items": {"type": "string", "format": "uri"}}}},
                    {"type": "object", "required": ["texts"], "additionalProperties": False,
                     "properties": {"texts": {"type": "array", "items": {"type": "string"}}}}]}}}},
                "responses": {
                    "200": {"description": "Run counts and the inputs that could not be analyzed",
                            "content": {"application/json": {"schema": {"type": "object", "properties": {
                                "analyzed": {"type": "integer"}, "skipped": {"type": "integer"},
                                "duplicates": {"type": "integer"}, "articles": {"type": "integer"},
                                "narratives": {"type": "integer"},
                                "errors": {"type": "array", "items": {"type": "object", "properties": {
                                    "source": {"type": "string"}, "reason": {"type": "string"}}}}}}}}},
                    "400": {"$ref": "#/components/responses/Error"},
                    "401": {"$ref": "#/components/responses/Error"},
                    "403": {"$ref": "#/components/responses/Error"},
                    "413": {"$ref": "#/components/responses/Error"},
                    "422": {"description": "Nothing could be analyzed; errors say why",
                            "content": {"application/json": {"schema": {"type": "object"}}}}}}},
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "responses": {"Error": {"description": "What was wrong", "content": {"application/json": {"schema": {
                "type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}}}}},
        },
    }
