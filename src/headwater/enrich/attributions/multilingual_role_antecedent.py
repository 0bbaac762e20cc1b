"""Whom a pronoun speaker stands for in a parsed language (Russian) when no person is named nearby: the
role, office or unnamed source that is the subject of its own sentence or of one of the two before it
("Полпред президента приезжал в апреле. Тогда он заявил, …": the envoy; "Источник в Пентагоне заявил,
… . Он также посоветовал …": the source), as the words of that subject (its clauses left out).

The subject must be a noun of the pack's role words (the role types' official, qualified and
non-state lists, and the cue ``roles``) or of its unnamed sources (``anonymous``), not a body
("министерство" speaks through a person, but "он" does not stand for it), and agree with the pronoun
in number; a feminine pronoun takes a feminine noun or a masculine role (Russian names a woman's office
in the masculine: "министр … Она заявила"), a masculine one a masculine noun. The nearest such subject
wins; a sentence across a blank line (another paragraph) or past a line without an end mark (a
heading) is not looked at. None when there is none: the pronoun stays unresolved, never a guess. The
caller marks what it returns as inferred."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.role_types import RoleWords, hits, with_parts
from headwater.lang.parsers import SENTENCES

if TYPE_CHECKING:
    from headwater.enrich.attributions.multilingual_sources import SourceReader

# The sentences before the pronoun's own that may hold the subject, as in multilingual_antecedents.
SENTENCES_BACK = 2
# Clauses hung on a subject that are not its name: a relative clause, a coordinated one, punctuation.
DROP = frozenset({"acl", "acl:relcl", "parataxis", "punct", "conj", "cc", "advcl", "ccomp", "nmod:relcl"})
# Words of a subject's phrase at most (a role with its body and country: "постоянный представитель
# России при ООН", 6); a longer subtree is a clause the parse hung on it.
MAX_WORDS = 8


def _feature(tok: Any, name: str) -> str | None:
    values = tok.morph.get(name)
    return str(values[0]) if values else None


def _agrees(noun: Any, pronoun: Any, role: bool) -> bool:
    number, p_number = _feature(noun, "Number"), _feature(pronoun, "Number")
    if p_number and number and number != p_number:
        return False
    gender, p_gender = _feature(noun, "Gender"), _feature(pronoun, "Gender")
    if p_number == "Plur" or not p_gender or not gender:
        return True
    if p_gender == "Fem":
        return gender == "Fem" or (gender == "Masc" and role)
    return gender == p_gender  # "он" no feminine or neuter noun ("заявление")


def _start(r: SourceReader, s: int) -> int:
    """Where the sentences that may hold the subject begin: the pronoun's own and up to SENTENCES_BACK
    before it, not across a blank line or a line without an end mark."""
    spans = [x for x in r.doc.user_data.get(SENTENCES) or [] if x[0] <= s]
    if not spans:
        return max(0, s - 600)
    k = len(spans) - 1
    for _ in range(SENTENCES_BACK):
        if k == 0:
            break
        between = r.text[spans[k - 1][0]:spans[k][0]]
        if re.search(r"\n\s*\n", between) or re.search(r"[^.!?…»\"”)\s]\s*\n", between):
            break
        k -= 1
    return int(spans[k][0])


def role_subject(r: SourceReader, s: int, e: int) -> tuple[int, int, bool] | None:
    """The words of the role or unnamed source the pronoun at ``s:e`` stands for, as offsets, and
    whether it is a role (a person, whatever else its words name: "эксперт, полковник из ЛНР"); None."""
    if not r.parsed:
        return None
    here = r.doc.char_span(s, e, alignment_mode="expand")
    if here is None or not len(here):
        return None
    pronoun = here[0]
    rw, c = RoleWords.of(r.pack), r.cues
    roles = (rw.official | rw.qualified | rw.non_state | c.roles) - c.bodies - rw.state_bodies
    lo = _start(r, s)
    best: tuple[int, int, bool] | None = None
    before = r.doc.char_span(lo, s, alignment_mode="contract")
    for tok in before if before is not None else ():
        if not tok.dep_.startswith("nsubj") or tok.pos_ != "NOUN":
            continue
        forms = with_parts({tok.lemma_.lower(), tok.text.lower()})
        role = bool(hits(forms, roles))
        if (not role and not (forms & c.anonymous)) or hits(forms, c.bodies | rw.state_bodies):
            continue
        if not _agrees(tok, pronoun, role):
            continue
        words = _phrase(tok)
        if len(words) > MAX_WORDS or any(r.text[t.idx:t.idx + 1] in "«\"„“" for t in words):
            continue
        best = (words[0].idx, words[-1].idx + len(words[-1].text), role)
    return best


def _phrase(tok: Any) -> list[Any]:
    """The subject's words: its subtree without the clauses hung on it, as one run of tokens."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in DROP:
            continue
        out.extend(child.subtree)
    out.sort(key=lambda t: t.i)
    # one run of tokens through the subject itself: where a dropped clause stood, the run ends
    at = out.index(tok)
    lo = at
    while lo > 0 and out[lo - 1].i == out[lo].i - 1:
        lo -= 1
    hi = at
    while hi + 1 < len(out) and out[hi + 1].i == out[hi].i + 1:
        hi += 1
    run = [t for t in out[lo:hi + 1] if not t.is_space]
    while len(run) > 1 and run[-1].is_punct:
        run.pop()
    return run
