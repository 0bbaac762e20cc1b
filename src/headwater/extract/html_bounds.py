"""Bounded work on hostile pages: a page nested thousands of levels deep, or megabytes of scripts.

libxml2 stops building a tree past 256 levels of nesting (it reports "excessive depth" and drops
the rest), so a page wrapped in 100,000 <div>s lost its text. Such a page is flattened first: its
layout wrappers are dropped, its paragraphs, headings and lists kept. A very large page is first
stripped of what is never article text (scripts, styles, inline SVG, comments), which typically make up
most of the bytes of a very large page, and which trafilatura would otherwise parse in full.
"""
from __future__ import annotations

import re

# Far deeper than ordinary pages nest (a few dozen levels), and below libxml2's 256.
MAX_DEPTH = 200
# Pages longer than this are stripped of scripts and styles before extraction.
BIG_PAGE = 1_000_000

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
         "param", "keygen"}
_WRAPPERS = re.compile(r"</?(?:div|span|section|article|main|aside|header|footer|nav|font|center|b|i|u|em|strong|"
                       r"table|tbody|thead|tr|td|th|figure|blockquote)\b[^>]*>", re.I)
_NOISE = re.compile(r"<(script|style|svg|noscript)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.I | re.S)


def nesting_depth(page: str) -> int:
    """How deep elements nest in the page, counted from its tags (no parse; unclosed tags count)."""
    depth = deepest = 0
    for m in _TAG.finditer(page):
        if m.group(3) or m.group(2).lower() in _VOID:
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def bounded_page(page: str) -> str:
    """The page, made safe to parse within bounded work (unchanged for ordinary pages)."""
    if len(page) > BIG_PAGE:
        page = _NOISE.sub(" ", page)
    if nesting_depth(page) > MAX_DEPTH:
        page = _WRAPPERS.sub("\n", page)
    return page
