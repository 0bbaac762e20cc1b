"""Article bodies split over several sibling containers.

Many sites cut the article body into chunks, each in its own container with the same class
(`<div class="article__body">` … an ad or a newsletter box … `<div class="article__body">` …).
trafilatura settles on one of them and the others are lost. Once the extracted paragraphs are found
in the page, the container that holds most of them says what an article chunk looks like; a
container of exactly that kind near it, whose paragraphs were left out, is another chunk.
"""
from __future__ import annotations

import re

from lxml.html import HtmlElement

from headwater.extract.html_blocks import WORD, Block

# Only paragraphs are taken from another chunk: its headings and list items are as often a
# "more stories" box that shares the chunk's class (a list of linked headlines with a lead-in).
PARA_TAGS = ("p",)
# Text inside these is not running article text even in an article container.
SKIP_INSIDE = {"aside", "figure", "figcaption", "nav", "footer", "form", "button", "script", "style", "noscript"}
# Chunks sit within a few levels of one another (wrapper divs for a grid row, an ad slot between
# them). Four levels from the main container to the common ancestor covers the layouts seen, and
# stops well short of the page body, where any container of the same class might be a sidebar.
# (On the tuning pages 2 to 10 gave the same result: the same-class, same-depth tests below are what
# keep out look-alike boxes; this bound is a second guard.)
MAX_UP = 4
# Matching extracted blocks to page elements is on whole normalized texts; short blocks ("Photo:",
# a one-word heading) match too much to say where the article is.
MIN_MATCH_WORDS = 8
# What another container must add to count as a chunk of the article: one ordinary paragraph.
# Bylines, dates and captions (5-15 words) in grid rows that share a layout class stay out.
# (15 to 60 gave the same result on the tuning pages; with no minimum a byline row was added.)
MIN_CHUNK_WORDS = 30


def _key(el: HtmlElement) -> str:
    return " ".join(WORD.findall(el.text_content().lower()))


def _link_words(el: HtmlElement) -> int:
    return sum(len(WORD.findall(a.text_content())) for a in el.iter("a"))


def _skipped(el: HtmlElement, stop: HtmlElement) -> bool:
    """Whether `el` is inside an aside, figure, etc. below `stop`."""
    for a in el.iterancestors():
        if a is stop:
            return False
        if a.tag in SKIP_INSIDE:
            return True
    return False


def _classes(el: HtmlElement) -> str:
    return " ".join(sorted((el.get("class") or "").split()))


def _depth_below(a: HtmlElement, b: HtmlElement) -> int | None:
    """Depth of `a` and `b` under their lowest common ancestor, if it is the same for both."""
    up_a = [a, *a.iterancestors()]
    up_b = [b, *b.iterancestors()]
    common = set(up_a) & set(up_b)
    da = next(i for i, x in enumerate(up_a) if x in common)
    db = next(i for i, x in enumerate(up_b) if x in common)
    return da if da == db else None


def complete_from_siblings(blocks: list[Block], tree: HtmlElement | None) -> list[Block]:
    """`blocks` with the paragraphs of sibling article chunks added in page order."""
    if tree is None or not blocks:
        return blocks
    by_key = {b.key: b for b in blocks if b.words >= MIN_MATCH_WORDS}
    if not by_key:
        return blocks
    order = {el: i for i, el in enumerate(tree.iter())}
    # Which element holds each extracted paragraph, and which container holds most of their words.
    where: dict[str, int] = {}
    weight: dict[HtmlElement, int] = {}
    for el in tree.iter("p"):
        k = _key(el)
        if k in by_key and k not in where:
            where[k] = order[el]
            parent = el.getparent()
            if parent is not None:
                weight[parent] = weight.get(parent, 0) + by_key[k].words
    if not weight:
        return blocks
    main = max(weight, key=lambda el: weight[el])
    sig = (main.tag, _classes(main))
    # A container without a class has no kind to match: bare <div>s are everywhere.
    if not sig[1]:
        return blocks
    # The common ancestor must be near: up to MAX_UP levels above the main container.
    near = main
    for _ in range(MAX_UP):
        if near.getparent() is None:
            break
        near = near.getparent()
    main_ancestors = set(main.iterancestors())
    known = " ".join(b.key for b in blocks)
    extra: list[tuple[int, Block]] = []
    for other in near.iter(main.tag):
        if other is main or (other.tag, _classes(other)) != sig or other in main_ancestors:
            continue
        if any(a is main for a in other.iterancestors()):
            continue
        # Chunks come from one template loop, so they sit at the same depth under their common
        # ancestor; a same-class box at another depth is a different part of the page (a quoted
        # statement, a teaser) that reuses the text styling.
        if _depth_below(main, other) is None:
            continue
        found: list[tuple[int, Block]] = []
        for el in other.iter(*PARA_TAGS):
            # Not inside an aside or caption, nor a paragraph nested in another one (counted once).
            if _skipped(el, other) or any(a.tag in PARA_TAGS for a in el.iterancestors() if order[a] > order[other]):
                continue
            k = _key(el)
            words = len(k.split())
            # Paragraphs only: a few words, or mostly link text, is a caption, label or teaser.
            if words < 5 or _link_words(el) > words / 2 or f" {k} " in f" {known} ":
                continue
            text = re.sub(r"\s+", " ", el.text_content()).strip()
            found.append((order[el], Block(text, k, words, min(words, _link_words(el)))))
        # A chunk of article carries at least a paragraph of prose; a same-class box with a line or
        # two (a byline, a date, a caption row in a grid layout) is not one.
        if sum(b.words for _, b in found) >= MIN_CHUNK_WORDS:
            extra.extend(found)
    if not extra:
        return blocks
    # Insert each new paragraph after the last extracted block that comes before it in the page.
    out = list(blocks)
    positions = [where.get(b.key) for b in out]
    for pos, blk in sorted(extra, key=lambda t: t[0]):
        at = 0
        for i, p in enumerate(positions):
            if p is not None and p < pos:
                at = i + 1
        # Unmatched blocks right after the anchor (short lines of the same passage) stay with it.
        while at < len(out) and positions[at] is None and at > 0:
            at += 1
        out.insert(at, blk)
        positions.insert(at, pos)
    return out
