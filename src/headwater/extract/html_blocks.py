"""Blocks of extracted text and the choice of which of them make the article.

trafilatura's text output has one block (paragraph, heading, list item, table row) a line; with
include_links=True the anchors appear as markdown links, which is what lets a block's link density be
measured here without going back to the page.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from headwater.extract.page_prompts import is_licence_notice, is_reader_prompt

WORD = re.compile(r"\w+")
# A markdown link or image as trafilatura writes it: [text](url) or [text](<url with spaces>);
# brackets inside the text are backslash-escaped.
MD_LINK = re.compile(r"(!?)\[((?:\\.|[^\]\\])*)\]\((<(?:\\.|[^>\\])*>|[^)\s]*)\)")
ESCAPED = re.compile(r"\\([\[\]\\])")
CONTINUES = re.compile(r"^[,.;:!?)\]]")
END_PUNCT = tuple(".!?:;…\"”»'’)")
URLISH = re.compile(r"^\s*(?:https?://|www\.|mailto:|[\w.+-]+@[\w-]+\.)\S*\s*$", re.I)


@dataclass
class Block:
    text: str        # plain text, links reduced to their anchor text
    key: str         # lowercased word tokens, for matching blocks across passes
    words: int
    link_words: int  # words inside anchors that lead to other pages (not bare URLs, not e-mail)

    @property
    def link_share(self) -> float:
        return self.link_words / self.words if self.words else 0.0


def _block(line: str) -> Block | None:
    link_words = 0

    def unlink(m: re.Match[str]) -> str:
        nonlocal link_words
        image, anchor, target = m.group(1), ESCAPED.sub(r"\1", m.group(2)), m.group(3)
        if image:
            return ""
        # A bare URL or address as its own anchor is a citation or contact line, not navigation.
        if not target.startswith("mailto:") and not URLISH.match(anchor):
            link_words += len(WORD.findall(anchor))
        return anchor

    text = ESCAPED.sub(r"\1", MD_LINK.sub(unlink, line))
    text = re.sub(r"[ \t\u00a0\u200b]+", " ", text).strip()
    toks = WORD.findall(text.lower())
    if not toks:
        return None
    return Block(text, " ".join(toks), len(toks), min(link_words, len(toks)))


def blocks_from_markdown(text: str) -> list[Block]:
    """The non-empty lines of a trafilatura text output as blocks.

    When trafilatura falls back to its raw-HTML path, running text broken by inline elements comes
    out one fragment a line ("... predicted that Apple will", "[transition its lineup](...)",
    ", including ..."). A line that continues the previous one (it starts with closing punctuation,
    or starts in lowercase after a line that ended mid-sentence with a trailing space) is joined back,
    so the sentence is one block and a linked fragment is not mistaken for a link-only line.
    """
    out: list[Block] = []
    raw_prev = ""
    for line in text.split("\n"):
        b = _block(line)
        if b is None:
            continue
        if out and (CONTINUES.match(b.text) or (raw_prev[-1:] in (" ", "\t") and b.text[:1].islower()
                                                and out[-1].text[-1:] not in END_PUNCT)):
            prev = out[-1]
            glue = "" if CONTINUES.match(b.text) else " "
            out[-1] = Block(prev.text + glue + b.text, prev.key + " " + b.key, prev.words + b.words,
                            prev.link_words + b.link_words)
        else:
            out.append(b)
        raw_prev = line
    return out


def choose_blocks(precise: list[Block], full: list[Block], headlines: list[str] | None = None) -> list[Block]:
    """The article's blocks: the precision pass, with in-article blocks only the full pass has, less
    the headline, link teasers and the boilerplate at either end."""
    # favor_precision occasionally prunes nearly everything (it treats a short or link-rich article
    # as boilerplate); keeping under a third of what the default pass found is then more likely a
    # loss than a cleanup. On the tuning set it kept 62-100%, so this guard never fired there.
    if not precise or sum(b.words for b in precise) < sum(b.words for b in full) / 3:
        chosen = list(full)
    else:
        chosen = _fill_interior(precise, full)
    chosen = [b for b in chosen if not _is_teaser(b)]
    chosen = _trim_head(chosen, headlines or [])
    chosen = _trim_tail(chosen)
    return chosen


def _is_teaser(b: Block) -> bool:
    """A block that is a link to another article: (almost) all anchor text, with at most a short label
    ("Read more:", "Related:"). Prose with inline links stays well under this: on the tuning pages
    the highest anchor share of a gold paragraph of 4+ words was 0.54, teasers were 0.82-1.0 (one
    in-article call to action, 0.78, is lost). Under four words it may be a citation ("[CNET]")."""
    return b.words >= 4 and b.link_share >= 0.75


def _norm(s: str) -> str:
    return " ".join(WORD.findall(s.lower()))


def _is_headline(b: Block, headlines: list[str]) -> bool:
    """The block repeats the page's headline (<title>, og:title or <h1>). A <title> often carries the
    site name ("Headline | Site"), so a block that is all of the title but a short suffix or prefix
    counts too."""
    for h in headlines:
        k = _norm(h)
        if not k:
            continue
        if b.key == k:
            return True
        # Block inside the title: the title adds a site name of a few words at most.
        if b.words >= 3 and b.key in k and len(k.split()) - b.words <= 6:
            return True
    return False


# A date line: short, with a year or a clock time, and many of its words numbers
# ("October 12, 2017", "sexta-feira, 22 de outubro de 2010 às 20:13", "Nov 19, 2019 / 12:21 AM").
YEAR_OR_TIME = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|\b\d{1,2}:\d\d\b")


def _is_dateline(b: Block) -> bool:
    toks = b.key.split()
    return (b.words <= 12 and bool(YEAR_OR_TIME.search(b.text))
            and sum(t.isdigit() for t in toks) >= 0.3 * len(toks))


def _trim_head(blocks: list[Block], headlines: list[str]) -> list[Block]:
    """Drop the headline and a publication date line where they open the text: the headline is
    returned as the title, and neither is article body. Only the first three blocks are looked at
    (kicker, headline, date come first or not at all)."""
    i = 0
    while i < min(3, len(blocks) - 1) and (_is_headline(blocks[i], headlines) or _is_dateline(blocks[i])):
        i += 1
    return blocks[i:]


# Lines that close an article without being part of it: sharing, comment and newsletter prompts,
# related-content headers, copyright lines. Kept to generic phrasings used across sites (and to
# symbols), English only; anything else at the end is left alone. (Credit lines like "Reporting by"
# are left too: whether they belong to the body is a house-style question the gold pages disagree on.)
# Strong cues hardly occur in article prose, so a block of up to 40 words with one is boilerplate:
# 40 is above every closing prompt seen (the longest, a newsletter pitch, had 32) and below most
# paragraphs.
# Words that are also common in news prose ("copyright law", "users who subscribe") count only in
# their boilerplate shape: a copyright line has a year or a symbol right after the word.
STRONG_CUES = re.compile(
    r"\b(?:share (?:this|it)\b|subscribe (?:to|now|today|here|for)\b|newsletter|follow us"
    r"|all rights reserved|you may also like|read more|click here|filed under|tags?:|advertisement)"
    r"|\bcopyright\W{0,3}(?:\(c\)|(?:[^\W\d]+\W+){0,2}(?:19|20)\d\d\b)|[©ⓒ]"
    # "Follow us / Follow <the outlet> on Facebook, Twitter..." (not "followers on Twitter").
    r"|\bfollow\b[^.]{0,80}\b(?:facebook|twitter|instagram|linkedin|youtube|telegram)\b", re.I)
# Weak cues also turn up in the last sentence of a story ("He declined to comment.", "a related
# case", "sign up for the program"), so they count only in a label-sized block of up to 8 words that
# is not a sentence ending in a full stop ("Comments", "Related articles", "Tell us what you think...",
# "Like this story? Share it!").
WEAK_CUES = re.compile(
    r"\b(?:comments?|related|sign(?:ing)? up|follow|recommended|more from|see more|what (?:do )?you think"
    r"|tell us|share)\b", re.I)

SENTENCE_END = re.compile(r"[^.]\.[\"'”’)]*$")


def _is_closing_boilerplate(b: Block) -> bool:
    if b.words <= 40 and (STRONG_CUES.search(b.text) or is_reader_prompt(b.text)):
        return True
    if is_licence_notice(b.text):
        return True
    if b.words <= 8 and WEAK_CUES.search(b.text) and not SENTENCE_END.search(b.text):
        return True
    return b.link_share >= 0.5  # a trailing run of links: tags, 'more on this', social handles


# A boilerplate label near the end ("Newsletter", "Related stories", "Comments") heads a box whose
# own lines (a pitch, headlines without links) carry no cue; what follows such a label is cut with
# it when it is this short: a few lines, under a paragraph and a half of prose.
LABEL_WORDS = 8
AFTER_LABEL_WORDS = 60


def _trim_tail(blocks: list[Block]) -> list[Block]:
    """Drop the boilerplate that ends the text: a short box under a boilerplate label, then the run
    of boilerplate blocks, last first, stopping at the first block that is not boilerplate. It never
    takes more than a third of the words: a longer 'tail' means the words matched real paragraphs."""
    total = sum(b.words for b in blocks)
    cut, after = len(blocks), 0
    for i in range(len(blocks) - 1, 0, -1):
        if after > AFTER_LABEL_WORDS:
            break
        b = blocks[i]
        if b.words <= LABEL_WORDS and _is_closing_boilerplate(b):
            cut = i
        after += b.words
    dropped = sum(b.words for b in blocks[cut:])
    while cut > 1 and _is_closing_boilerplate(blocks[cut - 1]):
        dropped += blocks[cut - 1].words
        cut -= 1
    if dropped > total / 3:
        return blocks
    return blocks[:cut]


def _fill_interior(precise: list[Block], full: list[Block]) -> list[Block]:
    """Blocks of the full pass that sit between two blocks of the precision pass are part of the
    article's body (precision mode drops short lines and sub-headings there), unless they are mostly
    link text, which inside an article means a 'read also' teaser, not prose. Of the in-article lines
    precision mode dropped on the tuning pages, the article's own had at most a few linked words and
    the teasers were 0.85-1.0 anchor text; half splits the two with room on either side. Blocks
    before the first or after the last precision block stay out: that is where headlines,
    standfirsts and newsletter boxes are, and precision mode is right to leave them."""
    sm = difflib.SequenceMatcher(None, [b.key for b in precise], [b.key for b in full], autojunk=False)
    out: list[Block] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op in ("equal", "delete"):
            out.extend(precise[i1:i2])
            continue
        interior = i1 > 0 and i2 < len(precise)
        pending = list(precise[i1:i2])
        # Text of the precision blocks around this spot: a full-pass block found in it is already
        # there (the passes split a line differently), and is not added a second time.
        near = " ".join(b.key for b in precise[max(0, i1 - 1):i2 + 1])
        for f in full[j1:j2]:
            # The same block in both passes, but precision mode cut something out of it (it drops
            # link anchors in running text): keep the complete version.
            twin = next((p for p in pending if _contains(f, p)), None)
            if twin is not None:
                while pending and pending[0] is not twin:
                    out.append(pending.pop(0))
                pending.pop(0)
                out.append(f)
            elif interior and f.link_share < 0.5 and f" {f.key} " not in f" {near} ":
                out.append(f)
        out.extend(pending)
    return out


def _contains(big: Block, small: Block) -> bool:
    """Whether `small` is `big` with some words missing: precision mode drops an anchor or two from
    a paragraph, so at least 80% of the words remain, nearly all of them (95%) in the same order;
    a different paragraph that shares some words fails one of the two."""
    if small.words > big.words or small.words < 0.8 * big.words:
        return False
    a, b = small.key.split(), big.key.split()
    matched = sum(m.size for m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return matched >= 0.95 * len(a)
