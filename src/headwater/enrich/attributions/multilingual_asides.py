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
entrevista à Lusa, disse") is ``multilingual_told.before_aside``'s.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from headwater.enrich.attributions.multilingual_cues import is_verb
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
