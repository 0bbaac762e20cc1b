"""Clean text that scrapers saved: keep the article, drop what the page wrapped it in.

Scraped text mixes the article with meta-tag dumps, XPath lines, image URLs, timestamps, tag lists,
contact blocks repeated per widget, share buttons and comment forms. The article is the run of
prose paragraphs; the lines around it are a header zone (title, URL, date live there) and a footer
zone. Lines are judged by shape, never by a site's particular wording.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from headwater.extract.dates import FoundDate, publication_date
from headwater.extract.page_prompts import is_end_marker, is_licence_notice, is_reader_prompt

URL = re.compile(r"(?:https?://|www\.)[^\s\"'<>]+", re.I)
IMAGE_URL = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?|$)|/(?:img|images?|media|cdn)\b", re.I)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
PHONE = re.compile(r"\+?\d[\d\s().-]{8,}\d")
XPATH = re.compile(r"(^|\s)/html/|@content\b|\bog:[a-z_]+\b|\btwitter:(card|site|title)\b", re.I)
LOCALE = re.compile(r"^[a-z]{2}[_-][A-Za-z]{2}$")
# A line made only of numbers, dates, times, booleans and separators: widget sizes, timestamps.
DATA_ONLY = re.compile(r"^(?:[\d.:,/+\-–T]+|true|false|null|[ap]m|utc|gmt|\s)+$", re.I)
BREADCRUMB = re.compile(r"^\s*[\w'’ .-]{1,30}(?:\s+[/>»|›]\s+[\w'’ .-]{1,30})+\s*$")
CAPTION = re.compile(r"^\(?(?:file\s+)?(?:photo|picture|image|video)\b|"
                     r"\b(?:file photo|photo|picture|image)\b.{0,60}\b(?:shows?|taken|credit|courtesy|via)\b", re.I)
# Interface words that stand alone on a line: buttons and widget labels, in any case.
UI_WORDS = re.compile(r"^(?:share(?: this(?: article| story| post)?)?|tweet|email|print|whatsapp|telegram|"
                      r"facebook|twitter|linkedin|reddit|pinterest|copy link|comments?|reply|"
                      r"read more|read also|see also|related|related (?:articles|news|stories)|"
                      r"advertisement|sponsored|subscribe|sign up|log ?in|follow us|more|next|previous|"
                      r"tags?|topics?|menu|home|search|close|skip to content|loading\W*)[\s:.!]*$", re.I)
# Lines after which nothing belongs to the article: comment forms, share bars, site footers.
END_MARKERS = re.compile(
    r"^(?:leave a (?:reply|comment)|post a comment|add (?:a|your) comment|\d+ comments?|comments? \(\d+\)|"
    r"your email address will not be published|share this (?:article|story|post)|"
    r"related (?:articles|posts|stories|news)|you (?:may|might) also like|more (?:from|on) this|"
    r"recommended(?: for you)?|about the author)\b"
    r"|(?:website|site) can also be accessed at|all rights reserved|^©|^copyright\b", re.I)
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$|[\"”’]$")
TEASER = re.compile(r"(?:\.\.\.|…)\s*(?P<tail>.{0,80})$")
# A line pointing to an address with at most this many words of its own is a link, not prose:
# "Read it at <URL>", a site's slogan and its address. (A sentence citing an
# address has a subject and a verb besides: "The ministry posted the video on <URL>", 6 words.)
# "Source: <URL>" stays: it says where the text was taken from.
LINK_LINE_WORDS = 4
# How far into the first paragraph a dateline or stamp may sit (a date later is the story's, not the page's).
HEAD_CHARS = 160
TAGLIST_ITEM = re.compile(r"^[\w'’ .&-]{1,40}$")


@dataclass
class Cleaned:
    title: str | None
    text: str
    url: str | None
    date: FoundDate | None
    header: str  # the header zone, for callers looking for datelines and bylines
    removed: list[str] = field(default_factory=list)


def _words(line: str) -> int:
    return len(line.split())


def is_prose(line: str) -> bool:
    """A paragraph of the article: enough words, and sentences."""
    n = _words(line)
    if n >= 25:
        return not _junk_reason(line)
    return n >= 10 and bool(SENTENCE_END.search(line) or ". " in line) and not _junk_reason(line)


def _is_taglist(line: str) -> bool:
    parts = [p.strip() for p in re.split(r"[,;|]", line)]
    if len(parts) < 3 or SENTENCE_END.search(line):
        return False
    return all(p and TAGLIST_ITEM.match(p) and _words(p) <= 5 for p in parts)


def _junk_reason(line: str) -> str | None:
    """Why a line is not article text, or None when it may be."""
    s = line.strip()
    if not s:
        return "blank"
    if XPATH.search(s):
        return "meta dump"
    no_urls = URL.sub("", s).strip(" \t-–—|:,")
    if not no_urls:
        return "URL"
    if URL.search(s) and _words(no_urls) <= LINK_LINE_WORDS and not URL.sub("", s).strip().endswith(":"):
        return "link line"
    if DATA_ONLY.match(s) or LOCALE.match(s):
        return "data"
    if UI_WORDS.match(s):
        return "interface"
    if is_reader_prompt(s):
        return "reader prompt"
    if is_licence_notice(s):
        return "licence notice"
    if (EMAIL.search(s) or PHONE.search(s)) and _words(s) < 20 and not SENTENCE_END.search(s):
        return "contact block"
    if BREADCRUMB.match(s) and not SENTENCE_END.search(s):
        return "breadcrumb"
    if _is_taglist(s):
        return "tag list"
    return None


def _teaser(line: str) -> bool:
    """A meta description: text cut off with an ellipsis, maybe followed by a date and site name."""
    m = TEASER.search(line)
    return m is not None and _words(m.group("tail")) <= 8 and _words(line) >= 8


def _title_candidate(line: str) -> bool:
    n = _words(line)
    return 2 <= n <= 35 and not _junk_reason(line) and not CAPTION.search(line) and not _teaser(line) \
        and not line.endswith(":") and _words(_strip_dates(line)) >= 2


# A sentence boundary inside a line, not an abbreviation: "U.S. to lead", "Dr. Ben Carson" are one sentence.
BOUNDARY = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|No))(?<!\b(?:Mrs|Gov|Sen|Rep|Gen|Col|Sgt))(?<!\b(?:Capt|Prof))"
                      r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]")


def _two_sentences(line: str) -> bool:
    return BOUNDARY.search(line) is not None


def _strip_dates(line: str) -> str:
    found = publication_date(line)
    return line if found is None else line[:found.start] + line[found.end:]


def clean_text(raw: str) -> Cleaned:
    """Split scraped text into title, header metadata and the clean article body."""
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    removed: list[str] = []
    counts = Counter(lines)

    # The footer: from the first end marker that follows some prose, nothing is article.
    seen_prose = False
    for i, ln in enumerate(lines):
        if seen_prose and (END_MARKERS.search(ln) or is_end_marker(ln)):
            removed.extend(lines[i:])
            lines = lines[:i]
            break
        seen_prose = seen_prose or is_prose(ln)

    prose_idx = [i for i, ln in enumerate(lines) if is_prose(ln) and not _teaser(ln) and counts[ln] == 1]
    if not prose_idx:  # no paragraph looks like prose: keep every line that is not junk
        first, last = 0, len(lines) - 1
    else:
        first, last = prose_idx[0], prose_idx[-1]
    title = None
    if first == 0 and len(prose_idx) > 1 and _words(lines[0]) <= 30 and not _two_sentences(lines[0]):
        first = prose_idx[1]  # a one-sentence headline opening the text, then the article
        if _title_candidate(lines[0]):
            title = lines[0]
    header_lines = lines[:first]

    for ln in header_lines:
        if title is None and _title_candidate(ln) and not is_prose(ln):
            title = ln
            break
    if title is None and header_lines == [] and lines and _title_candidate(lines[0]) and not SENTENCE_END.search(lines[0]):
        title = lines[0]  # a title line followed directly by the body
        header_lines, first = [lines[0]], max(first, 1)

    url = None
    for ln in header_lines:
        for m in URL.finditer(ln):
            cand = m.group(0).rstrip(".,;)")
            if not IMAGE_URL.search(cand):
                url = cand if cand.startswith("http") else "https://" + cand
                break
        if url:
            break

    body: list[str] = []
    for i, ln in enumerate(lines):
        if i < first or i > last:
            if ln != title:
                removed.append(ln)
            continue
        reason = _junk_reason(ln)
        if reason or (counts[ln] > 1 and not is_prose(ln)) or ln == title or (CAPTION.search(ln) and _words(ln) < 30):
            removed.append(ln)
            continue
        body.append(ln)

    if not body and len(lines) == 1 and _junk_reason(lines[0]) in (None, "tag list"):
        # One line and nothing else (a headline, a post, a case summary): that line is the text, not a
        # title over an empty article; what marks a caption or a tag list on a page ("Photo: …", "A, B,
        # C are one nation") says nothing of a line given alone. Furniture by its words stays out.
        body, title, removed = [lines[0]], None, []
    elif not body and title is not None:
        body, title = [title], None  # a title and only furniture under it: the title is all the text
    # Dates stand in the header, or open the first paragraph ("Sun 22 Feb 2015 A suicide bomber…").
    header = "\n".join(header_lines + [b[:HEAD_CHARS] for b in body[:1]])
    found = publication_date(header)
    return Cleaned(title=title, text="\n\n".join(body), url=url, date=found, header=header, removed=removed)
