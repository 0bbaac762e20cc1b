"""Whom a pronoun speaker stands for, in languages other than English ("он заявил", "उन्होंने कहा", "той
добави"): a source that spoke nearer, the agent a language that marks it names last ("X ने", Hindi), the
person the text named last nearby (with a parse, or the registry's, or by the antecedent rules), else the
role named as the subject before; every answer inferred and said so, and an unresolved anonymous source
when nothing stands near. Part of the multilingual sources (``multilingual_sources.SourceReader``)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.multilingual_antecedents import antecedent, window
from headwater.enrich.attributions.multilingual_caseless import caseless, placeish
from headwater.enrich.attributions.multilingual_registered import last_known_person
from headwater.enrich.attributions.multilingual_role_antecedent import role_subject
from headwater.enrich.attributions.role_types import hits
from headwater.lang.marks import MARKS, WORD
from headwater.lang.sentences import abbreviations

if TYPE_CHECKING:
    from headwater.enrich.attributions.multilingual_sources import SourceReader

# Where a sentence ends in a script without case (the danda, or a Latin mark), and lines.
HINDI_ENDS = re.compile(r"[।.!?][\"»“”'’)]*\s+|\n\s*")


def pronoun_source(r: SourceReader, s: int, e: int, text: str) -> dict[str, Any]:
    """The source a pronoun speaker (the words ``text`` at s:e) stands for, inferred; an unresolved
    anonymous source when nothing near names one."""
    agent = agent_before(r, s)
    later = [x for at, x in r.spoke if agent is not None and agent[1] <= at < s]
    if later:  # a source that spoke after the agent, nearer the pronoun ("एर्दोगन का कहना है")
        return {**later[-1], "resolved_from": text, "inferred": True}
    if agent is not None:  # "असद ने … साथ दिया है। उन्होंने … कहा": the agent just before (inferred)
        src = r.source(*agent)
        if src.get("kind") == "organization" and caseless(str(src.get("name") or "")) and \
                not placeish(r, str(src.get("name") or "")):
            src = {**src, "kind": "person"}  # "उन्होंने" stands for a person: the name names one
        if not src.get("unresolved"):
            return {**src, "resolved_from": text, "inferred": True}
    if not r.parsed:  # the person the text named last, nearby, also when no source (inferred)
        found = antecedent(r, s, text)
        if found is not None:
            src = found if isinstance(found, dict) else r.source(*found)
            if src.get("kind") == "organization":  # "той", "ele" stand for a person, whom the name names
                src = {**src, "kind": "person"}
            r.resolved[s] = {**src, "resolved_from": text, "inferred": True}
            return r.resolved[s]
    if r.people:
        return {**r.people[-1], "resolved_from": text, "inferred": True}
    named = r.last_named(s)
    if named is not None:  # "он" with nobody quoted yet: the person the text named last, said inferred
        return {**r.source(named.start_char, named.end_char), "resolved_from": text, "inferred": True}
    known = last_known_person(r, s)
    if known is not None:  # without a parse: the registry's person the text named last, said inferred
        return {**r.source(*known), "resolved_from": text, "inferred": True}
    subject = role_subject(r, s, e)
    if subject is not None:  # "Полпред президента приезжал … Тогда он заявил": the role, no person named
        src = r.source(subject[0], subject[1])
        if subject[2] and src.get("kind") != "person":  # a role is a person's ("эксперт … из ЛНР")
            src = {**src, "kind": "person", "role": src.get("role") or r.text[subject[0]:subject[1]]}
        return {**src, "resolved_from": text, "inferred": True,
                "inferred_from": "the role named as the subject before: no person named nearby"}
    return {"name": text, "kind": "anonymous", "country": None, "state_affiliated": None, "text": text,
            "unresolved": True}


def agent_before(r: SourceReader, s: int) -> tuple[int, int] | None:
    """In a language that marks the agent ("X ने", Hindi), what a pronoun speaker at ``s`` stands
    for: the agent marked last before it, in its own sentence or the two before (the window of
    ``multilingual_antecedents.window``: one paragraph break at most, no heading) ("प्रधानमंत्री ने
    राष्ट्रपति पुतिन को धन्यवाद दिया. उन्होंने कहा": the prime minister), as offsets of its words
    (those after the last word that never stands in a name; a pronoun there is itself resolved
    the same way), or an agent pronoun nearer than any marked agent ("उन्होंने", which holds the
    marker), resolved in turn from where it stands. Hindi news opens a sentence with "उन्होंने" for the subject it spoke of just
    before; a script without case shows no other names to weigh it against. None when no agent
    is marked there, or its words are no source (an unnamed one, a document)."""
    c = r.cues
    if not c.agent_marker:
        return None
    # the pronoun's own sentence and the two before it in its paragraph (the last of the paragraph
    # before, when it opens one)
    start = window(r.text, s, HINDI_ENDS, abbreviations(r.pack))
    marks = list(re.finditer(rf"(?<![\w{MARKS}]){re.escape(c.agent_marker)}(?![\w{MARKS}])", r.text[start:s]))
    # an agent pronoun ("उन्होंने" holds the marker) nearer than any marked agent stands for the same
    # one: resolved in turn from where it stands ("गोगोई ने … . उन्होंने कहा … . उन्होंने कहा")
    fused = [m for m in re.finditer(rf"(?<![\w{MARKS}])(?:{'|'.join(map(re.escape, sorted(c.pronouns)))})(?![\w{MARKS}])",
                                    r.text[start:s]) if not marks or m.start() > marks[-1].start()]
    if fused and c.pronouns:
        return start + fused[-1].start(), start + fused[-1].end()
    if not marks:
        return None
    end = start + marks[-1].start()
    ws = list(WORD.finditer(r.text, max(start, end - 120), end))[-6:]
    cut = max((i for i, w in enumerate(ws) if w.group(0).lower() in c.speaker_breaks | c.stop
               or re.search(r"[,;:()\"“”'‘’|।.!?\n]", r.text[w.end():ws[i + 1].start() if i + 1 < len(ws) else end])),
              default=-1)
    ws = ws[cut + 1:]
    if not ws:
        return None
    pronoun = next((w for w in ws if w.group(0).lower() in c.pronouns), None)
    if pronoun is not None:
        ws = [pronoun]
    words = {w.group(0).lower() for w in ws}
    if words & c.anonymous or hits(words, c.documents):
        return None
    return ws[0].start(), ws[-1].end()
