"""Extract: one raw input to one clean article with its metadata (a pure function of the input)."""
from __future__ import annotations

from headwater.extract.bylines import byline_from_text, clean_author
from headwater.extract.dates import find_dates
from headwater.extract.html import extract_html
from headwater.extract.outlets import OutletRegistry, identify
from headwater.extract.plaintext import clean_text
from headwater.model import Article, RawInput


class ExtractError(ValueError):
    """No article could be read from an input (the message says why)."""


def extract_article(raw: RawInput, outlets: OutletRegistry) -> Article:
    """Clean text, title, URL, date and outlet of one input; raises ExtractError when it has no article."""
    meta = raw.meta
    published = basis = evidence = None
    if raw.kind == "html":
        h = extract_html(raw.content, meta.get("url"))
        text, title, url, site_name, language = h.text, h.title, h.url, h.site_name, h.language
        author = h.author
        header = (title or "") + "\n" + text[:200]
        if h.date:
            published, basis, evidence = h.date, "explicit", "page metadata"
        search_raw = text
    else:
        c = clean_text(raw.content)
        text, title, url, site_name, language = c.text, c.title, c.url, None, None
        author = byline_from_text(raw.content)
        header = c.header
        if c.date:
            published = c.date.iso
            basis = "inferred" if c.date.ambiguous else "explicit"
            evidence = c.date.text
        search_raw = raw.content
    if not text.strip():
        raise ExtractError("no article text found in it")

    # What the container states about the article (a JSON line's fields) outranks what we read.
    title = meta.get("title") or title
    author = clean_author(meta.get("author")) or author
    url = meta.get("url") or url
    if meta.get("published"):
        found = find_dates(meta["published"])
        if found:
            published, basis, evidence = found[0].iso, "explicit", meta["published"]

    who = identify(outlets, url=url, site_name=site_name, title=title, header=header, text=text,
                   raw=search_raw, stated=meta.get("outlet"))
    notes = [f"outlet from {who.outlet.basis}: {who.evidence}"] if who.outlet else []
    return Article(
        source=raw.source, text=text, title=who.title, url=url, outlet=who.outlet, wire=who.wire,
        published=published, published_basis=basis, published_evidence=evidence,  # type: ignore[arg-type]
        site_name=site_name, language=language, author=author, input_kind=raw.kind, digest=raw.digest, notes=notes)
