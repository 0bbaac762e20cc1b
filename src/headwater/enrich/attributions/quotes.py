"""Quotations and sentences for the attribution finder.

Quoted passages are paired from their marks (typographic, straight, or the two apostrophes some
archives print); a speech tag takes the quote beside it with all its parts ('“Part one,” he said,
“part two.”'). Sentences are the parser's, cut at paragraph breaks and mended where the parser
splits a tag from its quote.
"""
from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from headwater.enrich.attributions.cues import REPORT_VERBS
from headwater.enrich.doctext import sents
from headwater.enrich.doctext import text as doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

QUOTES = "\"“”«»"
# A quotation mark: typographic, straight, or two apostrophes as some archives print them (''Yes,'' he said).
QUOTE_MARK = re.compile(r"''|[\"“”«»]")
# Characters between a quote and its speaker and verb: '…,” Zhuravlev said' (a comma and a space).
QUOTE_GAP = 4
# Words between the two parts of a quote a tag interrupts: '“Part one,” he told reporters on Monday, “…”'.
TAG_WORDS = 14


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Quoted passages of a text (offsets of what is inside the marks), paired across sentences but
    never across paragraphs: “ opens, ” closes, a straight quote toggles."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        opened = None
        for m in QUOTE_MARK.finditer(para.group(0)):
            ch, i = m.group(0), para.start() + m.start()
            if opened is None and ch != "”" and ch != "»":
                opened = i + len(ch)
            elif opened is not None and ch != "“" and ch != "«":
                spans.append((opened, i))
                opened = None
    return spans


def doc_quotes(doc: Doc) -> list[tuple[int, int]]:
    """The quoted passages of a parsed text, found once."""
    spans: list[tuple[int, int]] | None = doc.user_data.get("headwater_quotes")
    if spans is None:
        spans = doc.user_data["headwater_quotes"] = quote_spans(doc_text(doc))
    return spans


def sentence_quotes(sent: Span) -> list[tuple[int, int]]:
    """The quoted passages that touch a sentence."""
    return [q for q in doc_quotes(sent.doc) if q[0] < sent.end_char and sent.start_char < q[1]]


def in_quotes(tok: Token, quotes: list[tuple[int, int]]) -> bool:
    return any(s <= tok.idx < e for s, e in quotes)


def opens_quote(text: str) -> bool:
    return bool(QUOTE_MARK.match(text))


def quote_content(verb: Token, sent: Span, quotes: list[tuple[int, int]], left: int,
                  right: int) -> tuple[int, int] | None:
    """The quote a speech tag (the words from ``left`` to ``right``) stands beside, with its parts:
    '“Part one,” he said, “part two.”', '“Part one,” he said. “Part two.”', 'The vote was “a farce,”
    he said' (a partial quote: the sentence from its start), 'He said:' and the quote below."""
    text = doc_text(sent.doc)
    near = [q for q in quotes if (q[1] - q[0] > 10 or text[q[1] - 1:q[1]] in (",", "?", "!"))
            and (0 <= left - q[1] <= QUOTE_GAP or 0 <= q[0] - right <= QUOTE_GAP)]
    if not near:
        if sent.text.rstrip().endswith(":") and right < sent.end_char:
            below = [q for q in doc_quotes(verb.doc) if 0 < q[0] - sent.end_char <= QUOTE_GAP + 2]
            return below[0] if below else None
        return None
    best = min(near, key=lambda q: min(abs(left - q[1]), abs(q[0] - right)))
    if best[1] > left:
        return best
    start = best[0]
    if sent.start_char + 1 < start and not any(t.lemma_ in REPORT_VERBS for t in sent if t.idx < start):
        start = sent.start_char  # 'The vote was “a farce,” he said'
    resumed = next((q for q in quotes if right <= q[0] < sent.end_char), None)
    if resumed is not None and len(text[best[1]:resumed[0]].split()) <= TAG_WORDS:
        return start, resumed[1]  # '“Part one,” he said, “part two.”'
    after = [q for q in doc_quotes(verb.doc)
             if 0 <= q[0] - sent.end_char <= QUOTE_GAP and "\n" not in text[sent.end_char:q[0]]]
    if after and _is_tag_only(verb):
        return start, after[0][1]  # '“Part one,” Sanders said. “Part two.”': the quote goes on after the tag
    return start, best[1]


def _is_tag_only(verb: Token) -> bool:
    """True when what follows the quote is only its speech tag: '…,” Sanders said in an interview on
    Monday.', not '…,” he said, and the party agreed.'"""
    return not any(c.dep_ in ("ccomp", "conj") and c.i > verb.i for c in verb.children)


def sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, cut at paragraph breaks, with a closing quotation mark kept with the
    sentence it closes (the parser often starts the next sentence with it: '”\\n\\nThe next'), and a
    tag the parser split off joined back ('…, even with a good job' + ', he said.')."""
    closing = {q[1] for q in doc_quotes(doc)}
    cuts = {s.start for s in sents(doc)} | {t.i + 1 for t in doc if "\n" in t.text or "\n" in t.whitespace_}
    moved = set()
    for i in sorted(cuts):
        while i < len(doc) and (doc[i].idx in closing or (doc[i].is_punct and doc[i].text in ".!?")) and \
                i - 1 >= 0 and "\n" not in doc[i - 1].text + doc[i - 1].whitespace_:
            i += 1  # the mark closes the sentence before
        moved.add(i)
    bounds = sorted(moved | {0, len(doc)})
    out: list[Span] = []
    for a, b in itertools.pairwise(bounds):
        while a < b and doc[a].is_space:
            a += 1
        while b > a and doc[b - 1].is_space:
            b -= 1
        if a >= b:
            continue
        if out and (doc[a].text in (",", ";") or doc[a].is_lower) and "\n" not in doc_text(doc)[out[-1].end_char:doc[a].idx]:
            out[-1] = doc[out[-1].start:b]
        else:
            out.append(doc[a:b])
    return out


def trim(claim: str) -> str:
    """A claim without the quotation marks, commas and spaces around it."""
    return re.sub(r"^(?:[\s,\"“”]|'')+|(?:[\s,\"“”]|'')+$", "", claim)
