"""The speaker of a verb-last sentence (Turkish) with no comma after it and no role word before it: "Erdoğan Rusya
ile görüşmelerin sürdüğünü söyledi.", "Ahmet Yılmaz yeni köprünün … açılacağını söyledi.", "Anadolu Ajansı …
bildirdi." Turkish capitalises every sentence's first word, so a capital letter there says nothing: the name that
opens the sentence is a speaker only when the registries know it (a person or an outlet), when two or more
capitalised words run together from the start (a first name and a surname), or when it is one word the article
capitalises inside its sentences too and never writes in lower case. Never a word of a country, capital or
demonym ("Ankara … açıkladı": a place or a metonym, not read), of the pack's date words ("Geçen Pazartesi"), a
stop word, or a name in another case than the subject's ("Erdoğan'ın açıklaması": his statement)."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.multilingual_antecedents import mid_capitals
from headwater.enrich.attributions.role_types import RoleWords, country_in, hits, with_parts
from headwater.extract.outlets import norm
from headwater.lang import folder_data
from headwater.lang.marks import CASE_SUFFIX, WORD

if TYPE_CHECKING:
    from headwater.enrich.attributions.multilingual_sources import SourceReader

# The words a name at the sentence start may run to: "Recep Tayyip Erdoğan", "Kuzey Atlantik Antlaşması Örgütü".
MAX_NAME_WORDS = 4
# Words that must stay between the name and the verb: what was said (the finder drops claims under three words).
MIN_SAID_WORDS = 2


@cache
def _date_words(folder: Path) -> frozenset[str]:
    """Every word of the pack's date vocabulary (``dates.yaml`` and ``months.yaml``): no name's."""
    out: set[str] = set()

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            for k, v in x.items():
                walk(k)
                walk(v)
        elif isinstance(x, (list, tuple)):
            for v in x:
                walk(v)
        elif isinstance(x, str):
            out.update(w.lower() for w in WORD.findall(x))

    walk(folder_data(folder, "dates"))
    walk(folder_data(folder, "months"))
    return frozenset(out)


def _no_name(r: SourceReader, word: str) -> bool:
    """A word that stands in no person's or outlet's name at a sentence start."""
    low = word.lower()
    rw = RoleWords.of(r.pack)
    return low in r.cues.stop or low in _date_words(r.pack.folder) or low in r.cues.pronouns or \
        country_in({low}, rw) is not None or low in rw.capitals or bool(r.registry.demonyms.get(norm(low))) or \
        CASE_SUFFIX.search(word) is not None


def name_first(r: SourceReader, a: int, cs: int) -> tuple[int, int] | None:
    """The speaker's span opening the sentence a:cs (the cue at ``cs``), or None (see the module)."""
    ws = list(WORD.finditer(r.text, a, cs))
    j = 0
    while j < min(len(ws), MAX_NAME_WORDS) and ws[j].group(0)[:1].isupper() and not _no_name(r, ws[j].group(0)) and \
            (j == 0 or not r.text[ws[j - 1].end():ws[j].start()].strip()):
        j += 1
    if j == 0 or len(ws) - j < MIN_SAID_WORDS:
        return None
    for n in range(j, 0, -1):  # a name the registries know: the longest run from the start
        run = r.text[ws[0].start():ws[n - 1].end()]
        known = r.registry.known.get(run)
        if (known is not None and known.kind == "person") or r.registry.outlets.by_name(run) is not None:
            return ws[0].start(), ws[n - 1].end()
    if j >= 2:  # "Ahmet Yılmaz", "Avrupa Birliği" (a body names its speaker too)
        return ws[0].start(), ws[j - 1].end()
    first = ws[0].group(0)
    if first in mid_capitals(r) and first.lower() not in r.lowercase_words():
        return ws[0].start(), ws[0].end()
    return None


def name_in_lead(r: SourceReader, a: int, lead_end: int, cs: int) -> tuple[int, int] | None:
    """A name opening the words before a verb-last sentence's first comma, where those words are more than a
    speaker ("Erdoğan Rusya ile yapılan görüşmelerde, …"): the name, when no role word stands among the words
    and a word of what was said follows it (not "Ahmet Yılmaz ve Mehmet Demir, …": a stop word only)."""
    rw = RoleWords.of(r.pack)
    words = {w.lower() for w in WORD.findall(r.text[a:lead_end])}
    if hits(with_parts(words), r.cues.roles | rw.official | rw.qualified | rw.non_state | rw.state_bodies):
        return None
    sp = name_first(r, a, cs)
    if sp is None or sp[1] >= lead_end:
        return None
    rest = WORD.findall(r.text[sp[1]:lead_end])
    if not any(re.match(r"[^\W\d_]", w) and w[:1].islower() and w.lower() not in r.cues.stop for w in rest):
        return None
    return sp
