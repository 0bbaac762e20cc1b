"""Speakers set off by a mark instead of a verb, in languages other than English: "Лавров: Запад не хочет…"
(a short name, a colon, the claim: headlines and transcripts) and, in headlines only, "Пенсии проиндексируют в
январе — Иванов" (the claim, a dash, the name). Used by the multilingual finder (``multilingual``) for a
sentence where no cue was found."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from headwater.enrich.attributions.multilingual_according import Tag
from headwater.enrich.attributions.multilingual_claim_bounds import trim_end
from headwater.lang.marks import WORD

if TYPE_CHECKING:
    from headwater.enrich.attributions.multilingual_speakers import SpeakerReader

# Topic labels that open headlines before a colon ("Russia Ukraine War: …", "Ukraine Crisis: …",
# "LIVE: …"), written in English in news of many languages: no speaker.
KICKERS = frozenset(("war", "crisis", "conflict", "live", "update", "updates", "news", "watch", "breaking",
                     "explained", "exclusive", "analysis", "opinion", "video", "photos", "relations", "invasion"))


def dash_speaker(r: SpeakerReader, a: int, b: int) -> Tag | None:
    """A headline 'claim — Speaker' ("Пенсии проиндексируют в январе — Иванов"): a
    name of one to three capitalized words after the last dash. Headlines only: in running text
    "Главный виновник — Иванов" says who, not who spoke."""
    m = re.match(r"(.*\S)\s+[—–-]\s+([^—–\-\s][^—–]*?)[\s.]*(?:\d{1,2}:\d{2})?\s*$", r.text[a:b])
    if m is None or len(WORD.findall(m.group(1))) < 3:
        return None
    words = WORD.findall(m.group(2))
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return None
    hs, he = a + m.start(2), a + m.end(2)
    named = any(hs <= e.start_char and e.end_char <= he for e in r.doc.ents if e.label_ in ("PERSON", "ORG")) \
        or r._lookup(m.group(2)) is not None or (r.parsed and all(t.pos_ == "PROPN" for t in r.tokens(hs, he)))
    if not named:
        return None
    return Tag(a, trim_end(r, a, a + m.end(1)), "—", a + m.end(1), (hs, he))

def colon_speaker(r: SpeakerReader, a: int, b: int) -> Tag | None:
    """'Лавров: Запад не хочет…': a short name, a colon, a claim (headlines, transcripts)."""
    m = re.match(r"\s*([^:\n]{2,60}?)\s*:\s+(?=\S)", r.text[a:b])
    if m is None:
        return None
    head = m.group(1)
    words = WORD.findall(head)
    if words and words[0].lower() in r.cues.not_speakers:
        return None  # "Фото: …", "Читайте также: …": credits and links, no one speaks
    if not 1 <= len(words) <= 4 or re.search(r"\d", head) or len(WORD.findall(r.text[a + m.end():b])) < 3:
        return None
    if re.search(r"[|#]", head) or {w.lower() for w in words} & KICKERS:
        return None  # "Russia Ukraine War: …", "#WATCH | Moscow, Russia: …": a headline's topic label, no one speaks
    hs, he = a + m.start(1), a + m.end(1)
    named = any(hs <= e.start_char and e.end_char <= he for e in r.doc.ents if e.label_ in ("PERSON", "ORG"))
    cased = any(c.isupper() for c in head) or not any(c.islower() for c in head)
    known = r._lookup(head) is not None or any(w.lower() in r.cues.roles for w in words)
    capitalized = all(w[:1].isupper() for w in words) and len(words) <= 3  # "Лавров", "Мария Захарова"
    if not (named or known or (cased and capitalized)):
        return None
    start = a + m.end()
    quote = next((q for q in r.quotes if start - 1 <= q[0] <= start + 2), None)
    end = quote[1] if quote is not None else trim_end(r, start, b)
    return Tag(quote[0] if quote else start, end, ":", a + m.end(1), (hs, he), quote is not None)
