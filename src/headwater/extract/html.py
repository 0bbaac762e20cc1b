"""HTML pages to main text and metadata, with trafilatura as the base extractor."""
from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html

# Publication dates come only from what the page states about itself (meta tags, JSON-LD, <time>,
# the URL); htmldate's extensive search is off so a copyright year or a date in the text is never
# taken for the publication date.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass
class HtmlExtract:
    text: str
    title: str | None
    url: str | None
    date: str | None
    site_name: str | None
    language: str | None


def _canonical(tree: lxml_html.HtmlElement) -> str | None:
    for xp in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        vals = [v.strip() for v in tree.xpath(xp) if str(v).strip().startswith("http")]
        if vals:
            return str(vals[0])
    return None


def _paragraphs(text: str) -> str:
    """One paragraph a block, separated by a blank line, runs of spaces folded."""
    blocks = [re.sub(r"[ \t\u00a0]+", " ", b).strip() for b in text.split("\n")]
    return "\n\n".join(b for b in blocks if b)


def extract_html(page: str, url: str | None = None) -> HtmlExtract:
    """Main text, title, canonical URL, date and site name of an HTML page."""
    try:
        tree = lxml_html.fromstring(page)
    except (ValueError, lxml_html.etree.ParserError):
        tree = None
    doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_recall=True,
                                      date_extraction_params=DATE_PARAMS)
    if doc is None:
        return HtmlExtract("", None, url, None, None, None)
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)  # type: ignore[call-overload]
    canonical = _canonical(tree) if tree is not None else None
    return HtmlExtract(
        text=_paragraphs(d.get("text") or ""),
        title=(d.get("title") or None),
        url=url or canonical or d.get("url"),
        date=d.get("date") or None,
        site_name=d.get("sitename") or None,
        language=d.get("language") or None,
    )
