"""A place or a time set off by commas between a speaker and its verb, in a pack read without a parse: "O
ministro, em Lisboa, disse que …", "El ministro, en Madrid, dijo que …", "Le ministre, à Paris, a déclaré
que …", "Министърът, на среща в София, заяви, че …". The words right before the cue are then the aside,
which names no source, and the speaker stood before it: without this the tag had no speaker and the
attribution was lost. Read only when neither the words right before the cue nor those after it are a
speaker ("…, em fevereiro de 2022, disse Gladkov": the aside is the claim's, the speaker follows the verb),
and not after a word that joins a clause on ("A Rússia anexou … e, desde 2022, acrescentou"). The aside
opens with one of the pack's prepositions, is short, and holds no cue verb, no word that opens a claim and
no word of a source (a role, an unnamed source, a body: "Costa, a ministra da Saúde, disse" is an
apposition, read as one by the speaker reader). An outlet told set off the same way ("O ministro, em
entrevista à Lusa, disse") is ``multilingual_told.before_aside``'s; an outlet that quoted the source set off
after it ("…, каза министър Петров, цитиран от БТА.", "Segundo o ministro, citado pela Lusa, …") is read here
(``told_aside``, ``told_tail``): first in the chain, and no part of the claim.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from headwater.enrich.attributions.multilingual_cues import is_verb
from headwater.enrich.attributions.multilingual_told import told_in
from headwater.enrich.attributions.role_types import RoleWords, hits
from headwater.lang.marks import WORD

if TYPE_CHECKING:
    from headwater.enrich.attributions.multilingual_speakers import SpeakerReader

# Words of an aside at most: a place ("em Lisboa", 2), a time ("na segunda-feira", 2) or both ("на среща
# в София", 4; "à l'issue de la réunion de Bruxelles", 6 words with its article). Longer, and the words
# between the commas are more likely a clause of their own.
MAX_ASIDE_WORDS = 6


def before_place_aside(r: SpeakerReader, a: int, cs: int) -> int:
    """Where the speaker's words end when a place or time aside stands between them and the cue at ``cs``
    (only the cue's auxiliaries after its second comma): before its first comma. ``cs`` for any other
    shape, and in a parsed language (the parse finds the subject)."""
    if r.parsed or not r.cues.prepositions:
        return cs
    m = re.search(r",([^,]+),([^,]*)$", r.text[a:cs])
    if m is None or any(w.lower() not in r.cues.auxiliaries for w in WORD.findall(m.group(2))):
        return cs
    words = [w.lower() for w in WORD.findall(m.group(1))]
    if not words or len(words) > MAX_ASIDE_WORDS or words[0] not in r.cues.prepositions:
        return cs
    if any(w in r.cues.complementizers or is_verb(r.cues, w, None) for w in words):
        return cs
    rw = RoleWords.of(r.pack)
    if set(words) & (r.cues.roles | r.cues.anonymous | r.cues.bodies) or \
            hits(set(words), rw.official | rw.qualified | rw.non_state):
        return cs
    before = [w.group(0).lower() for w in WORD.finditer(r.text, a, a + m.start())]
    if not before or before[-1] in r.cues.speaker_breaks | r.cues.complementizers | r.cues.stop:
        return cs  # nothing before it, or a clause joined on ("A Rússia anexou … e, desde 2022, acrescentou")
    if "," in r.text[a:a + m.start()]:
        return a + m.start() + 1  # "Karsten Haustein, cientista climático, na Alemanha, disse": the apposition's comma
    return a + m.start()


def told_aside(r: SpeakerReader, i: int, b: int) -> tuple[tuple[int, int], int] | None:
    """An outlet that quoted or was told by a source, set off by commas right after the source's words at ``i``
    ("Според министър Петров, цитиран от БТА, мостът …", "…, според министъра, цитиран от БНР."): the outlet's
    span and where its phrase ends; None for any other words."""
    m = re.match(r"\s*,\s*([^,.;:!?]+)(?:,|[.;!?]?\s*$)", r.text[i:b])
    if m is None:
        return None
    words = list(WORD.finditer(r.text, i + m.start(1), i + m.end(1)))
    t = told_in(r, words[0].start(), words[-1].end()) if words else None
    if t is None or t[0] != words[0].start() or t[1] < words[-1].end():
        return None
    return t[2], i + m.end(1)


def told_tail(r: SpeakerReader, tag_end: int, b: int) -> bool:
    """Whether all that follows a tag's comma is the outlet its speaker was quoted by or told ("…, каза министър
    Петров, цитиран от БТА.", "…, disse o ministro, citado pela Lusa."): no claim runs on past the tag, and
    ``with_told`` puts the outlet in the chain."""
    m = re.match(r"\s*,\s*", r.text[tag_end:b])
    words = list(WORD.finditer(r.text, tag_end + m.end(), b)) if m else []
    t = told_in(r, words[0].start(), words[-1].end()) if words else None
    return t is not None and t[0] == words[0].start() and t[1] >= words[-1].end()
