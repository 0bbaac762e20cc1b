"""HTML pages to main text and metadata, with trafilatura as the base extractor.

trafilatura alone keeps headlines, "Read more:" teasers and newsletter boxes in the text, and loses
articles split over several containers. The text here is built in four steps, each measured on the
benchmark in benchmarks/extract_bench.py:

1. two trafilatura passes: favor_precision says where the article is; the default pass gives back
   in-article lines that precision mode prunes (html_blocks.choose_blocks);
2. blocks that are mostly link text (teasers for other articles) are dropped;
3. the headline and date line opening the text, and the boilerplate closing it, are trimmed;
4. paragraphs of sibling chunks of the article body are added (html_siblings).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import trafilatura
from lxml import html as lxml_html
from trafilatura.metadata import extract_metadata

from headwater.extract.bylines import clean_author
from headwater.extract.html_blocks import Block, blocks_from_markdown, choose_blocks
from headwater.extract.html_bounds import bounded_page
from headwater.extract.html_siblings import complete_from_siblings

# Publication dates come only from what the page states about itself (meta tags, JSON-LD, <time>,
# the URL); htmldate's extensive search is off so a copyright year or a date in the text is never
# taken for the publication date.
DATE_PARAMS = {"extensive_search": False, "original_date": True}

# The fallback text must hold at least one paragraph of prose (a block this long) to be taken as an
# article: a login wall, an error page or a bare list of links has none, and yields no text as before.
FALLBACK_MIN_PARAGRAPH = 20


@dataclass
class HtmlExtract:
    text: str
    title: str | None
    url: str | None
    date: str | None
    site_name: str | None
    language: str | None
    author: str | None = None  # the byline the page's metadata states (``bylines.clean_author``)


def _canonical(tree: lxml_html.HtmlElement) -> str | None:
    for xp in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        vals = [v.strip() for v in tree.xpath(xp) if str(v).strip().startswith("http")]
        if vals:
            return str(vals[0])
    return None


def _headlines(tree: lxml_html.HtmlElement | None, title: str | None) -> list[str]:
    """The page's statements of its headline: the metadata title, og:title and the <h1> texts."""
    out = [title] if title else []
    if tree is not None:
        out += [str(v) for v in tree.xpath('//meta[@property="og:title"]/@content')]
        out += [h.text_content() for h in tree.iter("h1")][:5]
    return [h for h in out if h and h.strip()]


def _run(page: str, url: str | None, precision: bool, with_metadata: bool) -> Any:
    """One trafilatura pass (a Document, or None). Links are kept, as markdown in the text, so each
    block's link density can be measured; comments are left out, since they are not the article."""
    try:
        return trafilatura.bare_extraction(page, url=url, include_comments=False, include_tables=True,
                                           include_links=True, date_extraction_params=DATE_PARAMS,
                                           favor_precision=precision, with_metadata=with_metadata)
    except Exception:  # a crash in one pass must not lose the page; the other pass may still work
        return None


def _as_dict(doc: Any) -> dict[str, Any]:
    if doc is None:
        return {}
    return dict(doc.as_dict() if hasattr(doc, "as_dict") else doc)


def _result(blocks: list[Block], d: dict[str, Any], url: str | None,
            tree: lxml_html.HtmlElement | None) -> HtmlExtract:
    canonical = _canonical(tree) if tree is not None else None
    return HtmlExtract(
        text="\n\n".join(b.text for b in blocks),
        title=d.get("title") or None,
        url=url or canonical or d.get("url"),
        date=d.get("date") or None,
        site_name=d.get("sitename") or None,
        language=d.get("language") or None,
        author=clean_author(d.get("author")),
    )


def _fallback(page: str, url: str | None, tree: lxml_html.HtmlElement | None) -> HtmlExtract:
    """Both trafilatura passes gave up (too little text by their measure): take trafilatura's
    baseline (JSON-LD articleBody, else the page's paragraphs), cleaned like the main path."""
    empty = HtmlExtract("", None, url, None, None, None)
    try:
        _, text, _ = trafilatura.baseline(page)
        d = _as_dict(extract_metadata(page, url, DATE_PARAMS, extensive=False))
    except Exception:
        return empty
    blocks = choose_blocks([], blocks_from_markdown(text or ""), headlines=_headlines(tree, d.get("title")))
    if not any(b.words >= FALLBACK_MIN_PARAGRAPH for b in blocks):
        return empty
    return _result(blocks, d, url, tree)


def extract_html(page: str, url: str | None = None) -> HtmlExtract:
    """Main text, title, canonical URL, date and site name of an HTML page."""
    page = bounded_page(page)
    try:
        tree = lxml_html.fromstring(page)
    except (ValueError, lxml_html.etree.ParserError):
        tree = None
    # Two passes: favor_precision decides where the article is (it leaves out headlines, standfirsts
    # and trailing link lists more reliably); the default pass supplies in-article blocks that
    # precision mode prunes (sub-headings, short lines), which choose_blocks() admits selectively.
    precise = _run(page, url, precision=True, with_metadata=True)
    full = _run(page, url, precision=False, with_metadata=precise is None)
    if precise is None and full is None:
        return _fallback(page, url, tree)
    d = _as_dict(precise if precise is not None else full)
    blocks = choose_blocks(blocks_from_markdown(getattr(precise, "text", None) or ""),
                           blocks_from_markdown(getattr(full, "text", None) or ""),
                           headlines=_headlines(tree, d.get("title")))
    blocks = complete_from_siblings(blocks, tree)
    return _result(blocks, d, url, tree)
