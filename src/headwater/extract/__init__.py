"""Extract: one raw input to one clean article with its metadata (a pure function of the input)."""
from __future__ import annotations

from headwater.extract.bylines import byline_from_text, clean_author
from headwater.extract.dates import find_dates, publication_date
from headwater.extract.html import extract_html
from headwater.extract.language import LanguageDetector, article_language
from headwater.extract.outlets import OutletRegistry, identify
from headwater.extract.plaintext import clean_text
from headwater.extract.solar_hijri import find_solar_hijri, solar_hijri_months
from headwater.model import Article, RawInput


class ExtractError(ValueError):
    """No article could be read from an input (the message says why)."""


def extract_article(raw: RawInput, outlets: OutletRegistry, detect: LanguageDetector | None = None) -> Article:
    """Clean text, title, URL, date, language and outlet of one input; raises ExtractError when it
    has no article. Without ``detect`` the language is only what an HTML page declares."""
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

    if detect is not None:
        # What the text is written in outranks what a page template declares ("en" on every page).
        language = article_language(detect, title, text) or _declared(language)
        if published is None and language is not None:
            published, basis, evidence = _local_date(language, header)
    else:
        language = _declared(language)
    dateline_note = None
    if published is None:
        published, basis, evidence, dateline_note = _dateline_date(language, text)

    who = identify(outlets, url=url, site_name=site_name, title=title, header=header, text=text,
                   raw=search_raw, stated=meta.get("outlet"))
    notes = [f"outlet from {who.outlet.basis}: {who.evidence}"] if who.outlet else []
    if dateline_note:
        notes.append(dateline_note)
    return Article(
        source=raw.source, text=text, title=who.title, url=url, outlet=who.outlet, wire=who.wire,
        published=published, published_basis=basis, published_evidence=evidence,  # type: ignore[arg-type]
        site_name=site_name, language=language, author=author, input_kind=raw.kind, digest=raw.digest, notes=notes)


def _declared(language: str | None) -> str | None:
    """A page's declared language as a bare ISO 639-1 code ("en-US" -> "en")."""
    code = (language or "").strip().lower().replace("_", "-").split("-")[0]
    return code if len(code) == 2 and code.isalpha() else None


def _dateline_date(language: str | None, text: str) -> tuple[str | None, str | None, str | None, str | None]:
    """The publication date a dateline gives when nothing else dates the article: (published, basis,
    evidence, note). A dateline without a year the text can fix dates nothing; the note says it was seen."""
    from headwater.extract.datelines import find_dateline
    from headwater.lang import english, ensure_languages, pack_for

    ensure_languages()
    en = pack_for("en")
    months = dict(en.months()) if en is not None else {}
    weekdays = {str(w).lower(): int(n) for n, forms in english("weekdays").items() for w in forms}
    pack = pack_for(language) if language and language != "en" else None
    if pack is not None:
        months.update(pack.months())
        weekdays.update({str(w).lower(): int(n) for n, forms in ((pack.data("dates") or {}).get("weekdays") or {}).items()
                         for w in forms})
    found = find_dateline(text, months, weekdays)
    if found is None:
        return None, None, None, None
    if found.iso is None:
        return None, None, None, f"dateline {found.text!r} gives no year: publication date unknown"
    basis = "explicit" if found.how == "dateline" else "inferred"
    return found.iso, basis, f"{found.how}: {found.text}", None


def _local_date(language: str, header: str) -> tuple[str | None, str | None, str | None]:
    """The publication date a header states in its own language ("25 февраля 2022")."""
    from headwater.lang import ensure_languages, pack_for

    ensure_languages()
    pack = pack_for(language)
    months = pack.months() if pack is not None else {}
    joiners = pack.day_month_joiners() if pack is not None else ()
    year_joiners = pack.month_year_joiners() if pack is not None else ()
    found = publication_date(header, months, joiners, year_joiners) if months else None
    if found is None:
        # the Iranian calendar's dates in a Persian header ("تهران، ۲۵ بهمن ۱۴۰۲"), turned into Gregorian days
        solar = solar_hijri_months((pack.data("dates") or {}) if pack is not None else {})
        for s, e, iso, basis in find_solar_hijri(header, solar):
            if iso is not None and basis == "explicit":
                return iso, "explicit", header[s:e]
        return None, None, None
    return found.iso, "inferred" if found.ambiguous else "explicit", found.text
