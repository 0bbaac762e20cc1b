"""Attributions in headline style, where the parse of Title Case Words is unreliable.

Headlines attribute in a few fixed shapes: "Speaker: claim" ("Poll: Voters Sour On Both Parties"),
"Speaker Says Claim" and "Claim, Speaker Says". They are read from the words and their case
rather than from the dependency parse. A headline in sentence case ("Kremlin: Western sanctions have
failed") is read in the colon shape only, when it is a line of its own and the speaker is one the
registries know or a person's name (``line_attribution``): "Ukraine: troops advance" is a topic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from headwater.enrich.attributions.sources import ANONYMOUS_HEADS, OFFICIAL_ROLES

if TYPE_CHECKING:
    from spacy.tokens import Span

    from headwater.enrich.attributions.sources import SourceRegistry

# Inflected reporting verbs as headlines use them ("Says", "Warns", "Told"): only inflected forms,
# since the bare ones ("Call", "Support") are as often nouns.
HEADLINE_CUES = frozenset(
    "says said tells told claims claimed warns warned urges urged calls called slams slammed blasts blasted "
    "rips ripped knocks knocked praises praised backs backed endorses endorsed denies denied admits admitted "
    "vows vowed pledges pledged predicts predicted insists insisted argues argued accuses accused defends "
    "defended questions questioned rejects rejected dismisses dismissed mocks mocked attacks attacked "
    "criticizes criticized touts touted hails hailed thinks thought wants wanted hopes hoped believes believed "
    "fears feared doubts doubted asks asked announces announced reveals revealed suggests suggested "
    "explains explained confirms confirmed demands demanded promises promised blames blamed "
    "condemns condemned responds responded writes wrote tweets tweeted".split())
# Heads of speakers that are not names: "Poll: ...", "Officials Say ...".
SOURCE_NOUNS = ANONYMOUS_HEADS | {"poll", "polls", "survey", "study", "report", "analysis", "audit", "probe"}
SPEAKER_ENTS = ("PERSON", "ORG", "NORP", "GPE")


@dataclass
class HeadlineFound:
    claim_start: int
    claim_end: int
    cue: str
    cue_start: int
    speaker: Span


def is_headline(sent: Span) -> bool:
    """Title Case: most words of four or more start with a capital."""
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 4 and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words)


def _speaker_like(span: Span) -> bool:
    if not 1 <= len(span) <= 7 or not span.text[:1].isupper():
        return False
    ents = [e for e in span.doc.ents if e.label_ in SPEAKER_ENTS and span.start <= e.start < span.end]
    return bool(ents) or span[-1].lower_ in SOURCE_NOUNS or span[-1].lower_ in OFFICIAL_ROLES


def headline_attributions(sent: Span) -> list[HeadlineFound]:
    """The attribution of a headline-style sentence, if it has one of the headline shapes."""
    doc, text = sent.doc, sent.text
    colon = re.match(r"\s*([A-Z][^:“\"‘]{1,60}?)\s*:\s+(?=\S)", text)
    if colon:
        head = doc.char_span(sent.start_char + colon.start(1), sent.start_char + colon.end(1), alignment_mode="expand")
        rest = text[colon.end():].rstrip(" .")
        if head is not None and _speaker_like(head) and len(rest.split()) >= 3:
            start = sent.start_char + colon.end()
            return [HeadlineFound(start, start + len(rest), ":", sent.start_char + colon.end(1), head)]
        sent = doc.char_span(sent.start_char + colon.end(), sent.end_char, alignment_mode="expand") or sent
    for tok in sent:
        if tok.lower_ not in HEADLINE_CUES or tok.i == sent.start or not tok.text[:1].isupper():
            continue
        before = doc[sent.start:tok.i]
        after = doc[tok.i + 1:sent.end]
        words_after = [t for t in after if not t.is_punct]
        comma = next((t for t in reversed(before) if t.text == ","), None)
        if comma is not None and len(words_after) <= 1:  # "Claim, Speaker Says"
            speaker = doc[comma.i + 1:tok.i]
            if _speaker_like(speaker) and comma.i - sent.start >= 3:
                return [HeadlineFound(sent.start_char, comma.idx, tok.text, tok.idx, speaker)]
        elif comma is None and len(words_after) >= 2 and _speaker_like(before):  # "Speaker Says Claim"
            end = after[-1].idx + len(after[-1]) if not after[-1].is_punct else after[-1].idx
            return [HeadlineFound(after.start_char, end, tok.text, tok.idx, before)]
        return []
    return []


def line_attribution(sent: Span, registry: SourceRegistry) -> HeadlineFound | None:
    """'Kremlin: Western sanctions have failed to dent the economy' on a line of its own: the speaker
    before the colon (a body, outlet or known source of the registries, or a person's name; a place
    is a topic, not a speaker), the claim after it (three words or more)."""
    doc, text = sent.doc, sent.text
    full = doc.text
    line_start = full.rfind("\n", 0, sent.start_char) + 1
    line_end = full.find("\n", sent.end_char)
    if full[line_start:sent.start_char].strip() or full[sent.end_char:len(full) if line_end < 0 else line_end].strip():
        return None
    colon = re.match(r"\s*([A-Z][^:“\"‘]{1,40}?)\s*:\s+(?=\S)", text)
    if not colon or len(colon.group(1).split()) > 5:
        return None
    head = doc.char_span(sent.start_char + colon.start(1), sent.start_char + colon.end(1), alignment_mode="expand")
    rest = text[colon.end():].rstrip(" .")
    if head is None or len(rest.split()) < 3:
        return None
    person = any(e.label_ == "PERSON" and e.start == head.start and e.end == head.end for e in doc.ents)
    known = registry.body(head.text) is not None or registry.outlets.by_name(head.text) is not None or \
        registry.known.get(head.text) is not None
    if not (person or known):
        return None
    start = sent.start_char + colon.end()
    return HeadlineFound(start, start + len(rest), ":", sent.start_char + colon.end(1), head)
