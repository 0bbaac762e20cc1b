"""The role an article gives a person where it names them with one, for a later mention without it: with a parse,
the words before the name in its phrase or an apposition after it ("глава Минфина Анна Морозова", "Иван Соколов,
политолог,"); without one, the words right before the name or set off after it ("o porta-voz do Kremlin Dmitri
Peskov", "Peskov, porta-voz do Kremlin,")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.multilingual_caseless import (
    ROLE_AHEAD_WORDS,
    caseless,
    caseless_role,
)
from headwater.enrich.attributions.multilingual_cues import MAX_SPEAKER_WORDS
from headwater.enrich.attributions.role_types import RoleWords, hits, with_parts
from headwater.lang.marks import MARKS, WORD

if TYPE_CHECKING:
    from headwater.enrich.attributions.multilingual_sources import SourceReader

# A role right before a name without a comma ends within its last words: "o porta-voz do Kremlin
# Dmitri Peskov", "бившият съветник на британското посолство в Москва Иън Прауд" (6).
ROLE_NEXT_WORDS = 6


def role_in_text(r: SourceReader, name: str) -> tuple[str, set[str]] | None:
    """Without a parse: the role the article gives a name where it stands with one, the words
    right before it ("o porta-voz do Kremlin Dmitri Peskov", "o porta-voz do Kremlin, Dmitri
    Peskov") or set off after it ("Peskov, porta-voz do Kremlin,"), up to punctuation. The name
    is found by its last word with the capitalised words before it ("Peskov" in "Dmitri Peskov")."""
    rw = RoleWords.of(r.pack)
    role_words = rw.official | rw.qualified | rw.non_state
    parts = WORD.findall(name)
    uncased = caseless(name)
    for m in re.finditer(rf"(?<![\w{MARKS}]){re.escape(parts[-1])}(?![\w{MARKS}])", r.text):
        start = m.start()
        while (prev := re.search(r"(\S+)\s+$", r.text[max(0, start - 40):start])) and \
                prev.group(1)[:1].isupper() and WORD.fullmatch(prev.group(1)):
            start -= len(r.text[max(0, start - 40):start]) - prev.start()  # "Dmitri" before "Peskov"
        if WORD.findall(r.text[start:m.end()])[-len(parts):] != parts or _inside_longer_name(r.text, start):
            continue  # another person's name: "Lula da Silva" is no "Marina Silva"
        before = re.search(r"([^.!?;:«»\"“”()\n,।]*)(,?)\s*$", r.text[max(0, start - 200):start])
        after = re.match(r",\s*([^.!?;:«»\"“”()\n,]+),", r.text[m.end():m.end() + 160])
        chunks = []
        if before:  # right before the name its last words; set off by a comma, a phrase that opens with the role
            ws = WORD.findall(before.group(1))
            chunks.append((before.group(1), ws[:3] if before.group(2) else ws[-ROLE_NEXT_WORDS:]))
        if after:
            chunks.append((after.group(1), WORD.findall(after.group(1))[:3]))
        if uncased and before and not before.group(2):
            # no letter shows where the role ends and the first names begin: the role word among the
            # last words, its owner before it up to a word no role holds ("पीएम से … गोगोई" is none)
            role = caseless_role(r, before.group(1), role_words)
            chunks = [role] if role is not None else []
        for chunk, head in chunks:
            # "o porta-voz do Kremlin, Dmitri Peskov": the role; "em declarações aos jornalistas, José
            # Manuel Fernandes": whom he spoke to, not what he is
            if head and hits(with_parts({w.lower() for w in head}), role_words):
                return chunk.strip(), with_parts({w.lower() for w in WORD.findall(chunk)[-ROLE_AHEAD_WORDS:]})
    return None


def article_roles(r: SourceReader) -> dict[str, tuple[str, set[str]]]:
    """Person (dictionary form, and surname when one person has it) -> the role the article gives
    them: the words before the name in its phrase ("глава Минфина Анна Морозова"), or an
    apposition after it ("Иван Соколов, политолог, …")."""
    if r.given_roles is not None:
        return r.given_roles
    roles = RoleWords.of(r.pack)
    role_words = roles.official | roles.qualified | roles.non_state | r.cues.roles
    out: dict[str, tuple[str, set[str]]] = {}
    surnames: dict[str, set[str]] = {}
    for ent in r.doc.ents if r.parsed else ():
        if ent.label_ != "PERSON":
            continue
        name = r.normals.get((ent.start_char, ent.end_char), ent.text)
        surnames.setdefault(name.split()[-1], set()).add(name)
        before: list[Any] = []
        i = ent.start - 1
        while i >= 0 and ent.start - i <= MAX_SPEAKER_WORDS and r.doc[i].pos_ in ("NOUN", "PROPN", "ADJ") \
                and r.doc[i].ent_type_ != "PERSON" and "\n" not in r.doc[i].text:
            before.insert(0, r.doc[i])
            i -= 1
        if ent.root.head not in before:  # the name hangs on the role ("министр … Анна Морозова"),
            before = []  # not "в интервью журналистке министр …"
        after: list[Any] = []
        j = ent.end
        if j < len(r.doc) and r.doc[j].text == ",":
            j += 1
            while j < len(r.doc) and r.doc[j].text not in (",", ".", ";", "—", "(", ")") and len(after) < 8:
                after.append(r.doc[j])
                j += 1
            if not (j < len(r.doc) and r.doc[j].text in (",", ".")) or any(t.pos_ == "VERB" for t in after):
                after = []
        for toks in (before, after):
            ws = {t.text.lower() for t in toks} | {t.lemma_.lower() for t in toks}
            if toks and ws & role_words and name not in out:
                out[name] = (r.text[toks[0].idx:toks[-1].idx + len(toks[-1].text)], ws)
    for last, names in surnames.items():
        named = [n for n in names if n in out]
        if len(names - {last}) == 1 and named and last not in out:
            out[last] = out[named[0]]
    r.given_roles = out
    return out


def _inside_longer_name(text: str, start: int) -> bool:
    """The capitalised words at ``start`` go on a name begun before a particle: "Lula da Silva",
    "Ursula von der Leyen" (a short lowercase word right after a capitalised one)."""
    m = re.search(r"(\S+)\s+(\S{1,3})\s+$", text[max(0, start - 40):start])
    return bool(m and m.group(2).isalpha() and m.group(2).islower() and m.group(1)[:1].isupper()
                and WORD.fullmatch(m.group(1)))
