"""Parse a text of any length: a long one in paragraph-aligned pieces joined into one Doc.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and needs about 1 GB of memory
per 100,000 characters for the parser and the entity recognizer. A long article is still an
article: it is parsed in pieces of at most CHUNK_CHARS, cut at paragraph breaks where possible
(then line breaks, sentence ends, spaces; a hard cut only inside a run of CHUNK_CHARS with none),
and the pieces are joined with ``Doc.from_docs``. Each piece keeps the whitespace that ends it, so
the joined Doc's text is the input text, character for character, and every offset holds.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

# About 15,000 words: longer than news articles run, so ordinary articles are parsed whole, exactly
# as before; short enough that one piece stays near 1 GB of parser memory.
CHUNK_CHARS = 100_000

# Cut points, best first: the end of a paragraph, of a line, of a sentence, of a word.
_BREAKS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+"), re.compile(r"\s+"))


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece starting at ``start`` ends: after the last break of the best kind within limit."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window = text[start:end]
    floor = limit // 4  # a piece shorter than this would make too many pieces; try a weaker break
    for brk in _BREAKS:
        last = None
        for m in brk.finditer(window, floor):
            last = m
        if last is not None and last.end() > floor:
            return start + last.end()
    return end


def pieces(text: str, limit: int = CHUNK_CHARS) -> Iterator[str]:
    """Consecutive pieces of text, each at most limit characters, that join back into text."""
    start = 0
    while start < len(text):
        end = _cut(text, start, limit)
        yield text[start:end]
        start = end


def parse(nlp: Any, text: str, limit: int | None = None) -> Doc:
    """``nlp(text)`` for a text of any length (see the module's doc); pieces of at most limit
    characters (CHUNK_CHARS by default)."""
    limit = limit or CHUNK_CHARS
    if len(text) <= limit:
        whole: Doc = nlp(text)
        return whole
    from spacy.tokens import Doc

    docs = list(nlp.pipe(pieces(text, limit)))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    assert doc.text == text, "pieces must join back into the text"
    return doc
