"""Tags of a pack whose verbs close the sentence, read without a parse (Turkish): the speaker opens the
sentence, up to a comma ("Bakan, …") or, with none, as its role words and the name after them
("Dışişleri Bakanı Hakan Fidan …") or a name the registries know (``multilingual_name_first``); what was said
stands between the speaker and the verb. Used by the verb reader (``multilingual_verbs``)."""
from __future__ import annotations

import re

from headwater.enrich.attributions.multilingual_according import Tag
from headwater.enrich.attributions.multilingual_caseless import placeish
from headwater.enrich.attributions.multilingual_claim_bounds import QUOTE_GAP, skip_to_claim, trim_end
from headwater.enrich.attributions.multilingual_cues import MAX_SPEAKER_WORDS
from headwater.enrich.attributions.multilingual_name_first import name_first, name_in_lead
from headwater.enrich.attributions.multilingual_speakers import SpeakerReader
from headwater.enrich.attributions.role_types import RoleWords, hits, with_parts
from headwater.lang.marks import WORD


def verb_last(r: SpeakerReader, a: int, b: int, cs: int, ce: int) -> Tag | None:
    """A pack whose verbs close the sentence, read without a parse (Turkish): the speaker opens the
    sentence up to a comma ("Bakan, …"), what was said stands between, past a phrase that says where it
    was said ("… yaptığı açıklamada"), or is the quote right before the verb ('Erdoğan, "…" dedi.').
    None when the verb does not close its sentence or nothing before a comma can name a speaker."""
    if r.text[ce:b].strip(" .!?…\"»”'’)"):
        return None  # words follow the verb: no tag of this shape
    m = re.match(r"\s*([^,.;:!?«»\"“”]{1,80}?)\s*,\s*", r.text[a:cs])
    sp: tuple[int, int] | None
    named = name_in_lead(r, a, a + m.end(1), cs) if m is not None else None
    if m is None or len(WORD.findall(m.group(1))) > MAX_SPEAKER_WORDS:
        # no comma: "Cumhurbaşkanı Erdoğan … açıkladı.", "Erdoğan … söyledi."
        lead = _role_and_name_first(r, a, cs) or name_first(r, a, cs)
        if lead is None:
            return None
        sp, start = lead, lead[1]
    elif named is not None:  # "Erdoğan Rusya ile yapılan görüşmelerde, …": the name, not all before the comma
        sp, start = named, named[1]
    else:
        sp, start = r.speaker_check(a + m.start(1), a + m.end(1)), a + m.end()
    if sp is None:
        return None
    cue = r.text[cs:ce]
    quote = next((q for q in r.quotes if start <= q[0] and 0 <= cs - q[1] <= QUOTE_GAP), None)
    if quote is not None:
        return Tag(quote[0], quote[1], cue, cs, sp, True)
    low = r.text[start:cs].lower()
    for frame in r.cues.statement_frames:
        at = low.rfind(frame)
        if at >= 0 and not WORD.match(low, at + len(frame)):  # a whole word
            start = skip_to_claim(r, start + at + len(frame), cs)
            break
    end = trim_end(r, start, cs)
    if len(WORD.findall(r.text[start:end])) < 2:
        return None
    return Tag(start, end, cue, cs, sp)

def _role_and_name_first(r: SpeakerReader, a: int, cs: int) -> tuple[int, int] | None:
    """A verb-last sentence with no comma after its speaker: the role words that open it and the name that
    follows them ("Cumhurbaşkanı Erdoğan", "Dışişleri Bakanı Hakan Fidan"), up to the first word that is
    neither a role word nor a capitalised word of a person's name (a country or a place opens what was
    said: "… Erdoğan Rusya ile …"). None unless a role word opens the sentence and a name follows it."""
    rw = RoleWords.of(r.pack)
    roles = r.cues.roles | rw.official | rw.qualified | rw.non_state | rw.state_bodies
    words = list(WORD.finditer(r.text, a, cs))
    k = 0
    while k < len(words) and hits(with_parts({words[k].group(0).lower()}), roles):
        k += 1
    j = k
    while j < len(words) and j - k < 3 and words[j].group(0)[:1].isupper() and \
            not placeish(r, words[j].group(0)) and not hits(with_parts({words[j].group(0).lower()}), roles):
        j += 1
    if k == 0 or j == k or j >= len(words) - 1:
        return None
    return words[0].start(), words[j - 1].end()
