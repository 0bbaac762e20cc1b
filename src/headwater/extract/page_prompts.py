"""Lines where the page speaks to its reader: sign-up boxes, share and comment prompts, "read more"
teasers, shop banners, left in scraped text between and after the article's paragraphs.

Such a line is a call to action, not a claim: left in, it is read as the article's own assertion,
takes a place among the claims an article is embedded by, and, repeated by every article of a site,
makes a "narrative" of the site's footer. A line is one when it is short (at most ``MAX_WORDS``),
names a site action (subscribe, newsletter, follow us, read more...) and speaks to the reader (a
reader word such as "you", or an imperative opening it), in any language whose pack lists its words
(``lang/<code>/page.yaml``; the language is not known yet when text is cleaned, so every pack's
words are tried). A line quoting someone at length is an article's, whatever it says.

A republication notice ("All content created by … is available without charge to any news
publisher … contact licensing@…") is the page's too: a line naming reuse terms (republish, reprint,
licensing: each pack's ``licence_terms``) of the site's content (``licence_objects``) that gives an
address to write to (an e-mail or a web address) is ``is_licence_notice``; repeated under every
article of a newswire it would otherwise form a "narrative" of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from headwater.lang import ensure_languages, pack_for

# A label of up to this many words, with no full stop, that opens with a site action ("Most read in
# Sport", "Latest videos", "Newsletter") is a widget's heading.
LABEL_WORDS = 6
LABEL_END = re.compile(r"[.!?][\"'”’)]*$")
# Longer lines are paragraphs: the longest call to action seen (a shop banner) had 35 words.
MAX_WORDS = 40
# A quotation of at least this many words makes the line someone's statement ('"If you ask anyone
# on our team ..."'), not the page's; a slogan in quotes ('"United We Stand" Click here') is shorter.
QUOTED_WORDS = 5
QUOTE = re.compile(r"[\"“«„]([^\"”»“]+)[\"”»“]")
# Where a reader writes or goes to ask for reuse: an e-mail or web address.
ADDRESS = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b|https?://|\bwww\.", re.I)
# A notice of reuse terms runs up to a short paragraph (the longest seen, a newswire's, 62 words);
# longer lines are an article's paragraphs, whatever they say about licences.
LICENCE_WORDS = 80


def _union(fragments: list[str], opener: bool = False) -> re.Pattern[str] | None:
    if not fragments:
        return None
    body = "|".join(f"(?:{f})" for f in sorted(set(fragments)))
    return re.compile((r"^\W*(?:" if opener else r"(?<!\w)(?:") + body + r")(?!\w)", re.I)


@dataclass(frozen=True)
class _Patterns:
    site: re.Pattern[str] | None  # a site action anywhere
    reader: re.Pattern[str] | None  # a word speaking to the reader
    opener: re.Pattern[str] | None  # an imperative opening the line
    label: re.Pattern[str] | None  # a site action opening the line
    licence: re.Pattern[str] | None  # reuse terms: republish, reprint, licensing
    licensed: re.Pattern[str] | None  # what they are about: content, articles, material
    end: re.Pattern[str] | None  # a footer's opening line: "جميع الحقوق محفوظة" (all rights reserved)


@cache
def _patterns(codes: tuple[str, ...]) -> _Patterns:
    """Every registered pack's words (``codes``: the packs registered, so a plugin's pack counts too)."""
    words: dict[str, list[str]] = {"site_actions": [], "reader": [], "openers": [], "licence_terms": [],
                                     "licence_objects": [], "end_markers": []}
    for code in codes:
        pack = pack_for(code)
        data = (pack.data("page") if pack else None) or {}
        for key, found in words.items():
            found += [str(f) for f in data.get(key) or []]
    site = words["site_actions"]
    return _Patterns(_union(site), _union(words["reader"]), _union(words["openers"], opener=True),
                     _union(site, opener=True), _union(words["licence_terms"]),
                     _union(words["licence_objects"]), _union(words["end_markers"]))


def is_reader_prompt(line: str) -> bool:
    """Whether a line of scraped text is the page speaking to its reader (see the module's doc)."""
    n = len(line.split())
    if n > MAX_WORDS:
        return False
    p = _patterns(tuple(ensure_languages()))
    if p.site is None or not p.site.search(line):
        return False
    if n <= LABEL_WORDS and not LABEL_END.search(line) and p.label is not None and p.label.search(line):
        return True
    if not ((p.reader is not None and p.reader.search(line)) or (p.opener is not None and p.opener.search(line))):
        return False
    return not any(len(q.split()) >= QUOTED_WORDS for q in QUOTE.findall(line))


def is_end_marker(line: str) -> bool:
    """Whether a line opens the page's footer in a pack's words (``end_markers``: a copyright notice,
    "جميع الحقوق محفوظة"): after some prose, nothing from it on is the article's, as after English
    "All rights reserved" (extract/plaintext.py)."""
    p = _patterns(tuple(ensure_languages()))
    return p.end is not None and p.end.search(line) is not None


def is_licence_notice(line: str) -> bool:
    """Whether a line is the page's notice of reuse terms (see the module's doc): reuse words, what
    they are about and an address to write to, in at most ``LICENCE_WORDS`` words. On the plain-text
    articles of the evaluation corpora (49,315 lines) this takes 2 lines, both a newswire's
    republication notice."""
    if len(line.split()) > LICENCE_WORDS or not ADDRESS.search(line):
        return False
    p = _patterns(tuple(ensure_languages()))
    return all(r is not None and r.search(line) is not None for r in (p.licence, p.licensed))
