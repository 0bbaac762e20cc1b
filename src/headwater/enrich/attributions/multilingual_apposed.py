"""A speaker named by a role and a name set off by commas, in a language read without a parse: before a
cue ("O porta-voz do Kremlin, Dmitri Peskov, afirmou", "Dmitri Peskov, porta-voz do Kremlin, afirmou"),
or a name after a role and a comma ("disse o chefe da diplomacia da UE, Josep Borrell"). Part of the
speakers' words (``multilingual_speakers.SpeakerReader``)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from headwater.enrich.attributions.multilingual_caseless import cased_name
from headwater.enrich.attributions.multilingual_cues import MAX_SPEAKER_WORDS
from headwater.enrich.attributions.role_types import RoleWords, hits, with_parts
from headwater.lang.marks import WORD

if TYPE_CHECKING:
    from headwater.enrich.attributions.multilingual_speakers import SpeakerReader


def role_and_name_before(r: SpeakerReader, a: int, cs: int, stops: list[re.Match[str]]) -> tuple[int, int] | None:
    """A role and a name set off by commas right before a cue, in a pack read without a parse: "O
    porta-voz do Kremlin, Dmitri Peskov, afirmou", "Dmitri Peskov, porta-voz do Kremlin, afirmou",
    "Le porte-parole du Kremlin, Dmitri Peskov, a affirmé" (only the cue's auxiliaries after the
    last comma). One part a name (one to four capitalised words), the other holding a role word of
    the pack; the span of both. None for any other shape."""
    if r.parsed or len(stops) < 2 or stops[-1].group(0) != "," or stops[-2].group(0) != ",":
        return None
    after = [w.lower() for w in WORD.findall(r.text[a + stops[-1].end():cs])]
    if any(w not in r.cues.auxiliaries for w in after):
        return None
    head_from = a + (stops[-3].end() if len(stops) > 2 else 0)
    head = (head_from, a + stops[-2].start())
    tail = (a + stops[-2].end(), a + stops[-1].start())
    words = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(r.text, *head)]
    last = max((k for k, w in enumerate(words) if w[2].lower() in r.cues.speaker_breaks | r.cues.relatives),
               default=-1)
    words = words[last + 1:]  # "enquanto o primeiro-ministro …", "pelo qual o ministro …": from the role
    while words and words[0][2].lower() in r.cues.stop:
        words = words[1:]  # "e o porta-voz …"
    if not words or len(words) + len(WORD.findall(r.text[tail[0]:tail[1]])) > MAX_SPEAKER_WORDS + 4:
        return None
    head = (words[0][0], words[-1][1])
    rw = RoleWords.of(r.pack)
    roles = r.cues.roles | rw.official | rw.qualified | rw.non_state

    def name(span: tuple[int, int]) -> bool:
        return cased_name(r, r.text[span[0]:span[1]])

    def role(span: tuple[int, int]) -> bool:
        return bool(hits(with_parts({w.lower() for w in WORD.findall(r.text[span[0]:span[1]])}), roles))

    if (role(head) and name(tail)) or (name(head) and role(tail)):
        return r.speaker_check(head[0], tail[1])
    return None


def apposed_name(r: SpeakerReader, comma: int, b: int) -> tuple[int, int] | None:
    """A name set off after a role by a comma, up to the next punctuation ("…, Josep Borrell."):
    one to four capitalised words, with the short lowercase particles of names between them."""
    m = re.match(r",\s*([^,.;:!?()\[\]«»„“”\"—–]{2,60}?)\s*(?:[,.;:!?()—–]|$)", r.text[comma:b])
    if m is None:
        return None
    ws = WORD.findall(m.group(1))
    caps = [w for w in ws if w[:1].isupper()]
    if not 1 <= len(caps) <= 4 or not ws[0][:1].isupper() or not ws[-1][:1].isupper() or \
            any(not w[:1].isupper() and len(w) > 3 for w in ws):
        return None
    return comma + m.start(1), comma + m.end(1)
