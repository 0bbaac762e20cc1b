"""Report: one self-contained HTML file of an analysis, the analyst's view of it.

Sections: the narratives first (each with its size, languages, outlets, codebook match, contradictions,
independence breakdown and claims linked to their sentences), overview (counts, outlets), map, provenance graphs,
source index, contradictions, known claims, timeline, and the articles with their evidence marked. Every view
reads the analysis document (``headwater.document``), indexed once (``document.Doc``); the numbers
shown are the document's own (``summary``).

Article text is hostile input: every string from an article goes through ``esc``; only http(s)
URLs become links. No scripts; a content security policy forbids scripts and remote loads outright.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from headwater import __version__
from headwater.report.articles import articles_section, shown_articles
from headwater.report.compare import contradictions_section, known_claims_section, timeline_section
from headwater.report.doc import Doc
from headwater.report.graph import provenance_section
from headwater.report.markup import CSP, esc, plural, safe_link
from headwater.report.narratives import narratives_section
from headwater.report.overview import overview_section
from headwater.report.sources import source_index, sources_section
from headwater.report.svgmap import map_section

__all__ = ["CSP", "esc", "render_document", "safe_link", "write_report"]

SECTIONS = [("narratives", "Narratives"), ("overview", "Overview"), ("map", "Map"), ("provenance", "Provenance"),
            ("sources", "Sources"), ("contradictions", "Contradictions"), ("known", "Known claims"),
            ("timeline", "Timeline"), ("articles", "Articles")]


def render_document(doc: dict[str, Any]) -> str:
    """The page for an analysis document (the dict ``analysis.json`` holds)."""
    d = Doc.of(doc)
    css = resources.files("headwater.report").joinpath("report.css").read_text("utf-8")
    gen = doc.get("generator") or {}
    nav = " ".join(f'<a href="#{k}">{v}</a>' for k, v in SECTIONS)
    shown = {str(a.get("id")) for a in shown_articles(d)}  # the articles whose text (and claims) the page shows
    body = "".join(view(d) for view in (lambda d: narratives_section(d, shown), overview_section, map_section,
                                        provenance_section, lambda d: sources_section(source_index(d)), contradictions_section,
                                        known_claims_section, timeline_section, articles_section))
    stamp = esc(doc.get("generated_at") or "")
    digest = doc.get("digest") if isinstance(doc.get("digest"), dict) else None
    count = len(d.articles)
    if digest is not None:
        count = int(digest.get("articles") or count)
        body = _digest_note(digest) + body
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>headwater report</title><style>{css}</style></head>
<body><header><h1>headwater report</h1>
<p>{plural(count, "article")} · generated {stamp} by headwater {esc(gen.get("version") or __version__)}</p>
<nav>{nav}</nav></header>
<main>{body}</main></body></html>
"""


def _digest_note(digest: dict[str, Any]) -> str:
    """What a digest page (``document_stream.digest_document``) leaves out, and where to see it all."""
    def n(k: str) -> int:
        v = digest.get(k)
        return v if isinstance(v, int) else 0
    themes = f" and the {n('themes_shown'):,} largest of {n('themes'):,} themes" if n("themes") else ""
    return (f'<section id="digest"><p class="muted">This corpus holds {n("articles"):,} articles. Past {n("from"):,} '
            f'articles this page is a digest: the {n("narratives_shown"):,} largest of {n("narratives"):,} narratives'
            f'{themes}, their contradictions and provenance, and the {n("shown"):,} articles they rest on; the map, '
            f'sources, timeline and articles cover those articles, the counts the whole corpus. '
            f'<code>headwater serve</code> is the better view of a corpus this size: it answers every narrative '
            f'and article from the database.</p></section>')


def write_report(doc: dict[str, Any], path: Path) -> Path:
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(render_document(doc), encoding="utf-8")
    tmp.replace(path)  # a reader never sees half a page
    return path
