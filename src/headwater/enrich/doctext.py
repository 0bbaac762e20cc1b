"""Cached views of a parsed document that spaCy recomputes on every access.

``Doc.text`` joins every token, ``Doc.ents`` builds a tuple of every entity, and ``Doc.sents`` /
``Token.sent`` walk the sentence boundaries each time they are read; the enrichers read them thousands
of times per article (profiled with ``benchmarks/throughput_bench.py --profile``), which made a long
article quadratic in its length. These give the same values, computed once per doc.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def text(doc: Doc) -> str:
    """``doc.text``, computed once."""
    cached = doc.user_data.get("headwater_text")
    if cached is None:
        cached = doc.user_data["headwater_text"] = doc.text
    return str(cached)


def ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once (spaCy builds the tuple of all entities on each access)."""
    cached = doc.user_data.get("headwater_ents")
    if cached is None:
        cached = doc.user_data["headwater_ents"] = tuple(doc.ents)
    return tuple(cached)


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside the span), from the cached entities: spaCy's walks every
    entity of the doc on each access. The same loop as spaCy's, started at the span by a binary search."""
    doc = span.doc
    starts = doc.user_data.get("headwater_ent_starts")
    if starts is None:
        starts = doc.user_data["headwater_ent_starts"] = [e.start for e in ents(doc)]
    out = []
    every = ents(doc)
    for k in range(bisect_left(starts, span.start), len(every)):
        if every[k].end > span.end:
            break
        out.append(every[k])
    return out


def sents(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, computed once."""
    cached = doc.user_data.get("headwater_sents")
    if cached is None:
        cached = doc.user_data["headwater_sents"] = list(doc.sents)
    return list(cached)


def sent_of(token: Token) -> Span:
    """``token.sent``, by a binary search over the cached sentence starts."""
    doc = token.doc
    starts = doc.user_data.get("headwater_sent_starts")
    if starts is None:
        starts = doc.user_data["headwater_sent_starts"] = [s.start for s in sents(doc)]
    return sents(doc)[bisect_right(starts, token.i) - 1]
