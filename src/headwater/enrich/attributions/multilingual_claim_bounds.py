"""Where a claim begins and ends beside its tag, in languages other than English: the quote beside a tag
('«…», — заявил X', 'X заявил: «…»'), the words before a tag that are no claim (openers, another tag, a
topic after a verb of talking), the apposition and the complementizer that open what was said, and the
marks that end it. Read by the multilingual finder's readers (``multilingual_verbs``,
``multilingual_according``, ``multilingual_told``...)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.multilingual_cues import MAX_SPEAKER_WORDS
from headwater.enrich.attributions.role_types import RoleWords
from headwater.lang.marks import WORD

if TYPE_CHECKING:
    from headwater.enrich.attributions.multilingual_sources import SourceReader

# A quote and its tag are this close: '«…», — заявил' (comma, space, dash, space).
QUOTE_GAP = 5


def adjacent_quote(r: SourceReader, ts: int, te: int, a: int, b: int) -> tuple[int, int] | None:
    """A quote beside the tag: '«…», — заявил X', 'X заявил: «…»'."""
    opening = {o for o, _ in r.pack.quote_pairs}
    closing = {c for _, c in r.pack.quote_pairs}
    dash = re.search(r"(\S)\s*[,.!?]?\s*[—–-]\s*$", r.text[a:ts])
    if dash and r.text[a] in opening and dash.group(1) in closing and a + dash.start(1) - a > 10:
        qs, qe = a + 1, a + dash.start(1)  # '"…", — отметил X' when the marks did not pair up
        while qs < qe and r.text[qs] in opening:  # '""…""' out of a CSV field
            qs += 1
        while qe > qs and r.text[qe - 1] in closing:
            qe -= 1
        return qs, qe
    for q in r.quotes:
        gap = r.text[q[1]:ts] if 0 <= ts - q[1] <= 2 * QUOTE_GAP else None  # '»,', '"" , –'
        if gap is not None and (len(gap) <= QUOTE_GAP + 1 or re.fullmatch(r"[\"»“”]*\s*[,.!?…]?\s*[—–-]?\s*", gap)) \
                and (q[1] >= a or re.search(r"[,—–-]", gap)) \
                and (q[0] >= a - 1 or "\n" not in r.text[q[0]:a] or "\n" in r.text[q[0]:q[1]]) and \
                not WORD.search(r.text, a, max(a, q[0] - 1)):
            # the quote opens the sentence: not "Цены растут «как на дрожжах»: экономист оценил …"
            return q  # a quote of several sentences ends at this tag: all of it
        sep = re.sub(r"[\s«„“\"]", "", r.text[te:q[0]])
        if 0 <= q[0] - te <= QUOTE_GAP and q[1] <= b + 1 and (sep in (":", ",") or (
                sep == "" and len(WORD.findall(r.text[q[0]:q[1]])) >= 3)):  # not a name: РИА «Новости»
            return q
    return None


def openers_only(r: SourceReader, a: int, tag_start: int) -> bool:
    """Only introductory words stand before the tag ("Кроме того,", "Между тем,", "При этом,"):
    they open the sentence, they are not a claim set off by a comma."""
    rest = r.text[a:tag_start].lower()
    for phrase in sorted(r.cues.openers, key=len, reverse=True):
        rest = re.sub(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", " ", rest)
    return bool(r.cues.openers) and not WORD.search(rest) and WORD.search(r.text, a, tag_start) is not None


def topic_only(r: SourceReader, tok: Any, i: int, b: int) -> bool:
    """'Мэр рассказал о ремонте дорог': what follows a verb of talking says what was spoken
    about, not what was said (a preposition of topic and no clause after it); "заявил о
    готовности" declares it."""
    first = WORD.match(r.text, i, b)
    if tok is None or tok.lemma_.lower() not in r.cues.topic_verbs or first is None or \
            first.group(0).lower() not in r.cues.topic_prepositions:
        return False
    said = r"[:«„\"]|(?<!\w)(?:" + "|".join(map(re.escape, r.cues.complementizers or {"\x00"})) + r")(?!\w)"
    return not re.search(said, r.text[i:b])


def inside_other_tag(r: SourceReader, a: int, tag_start: int) -> bool:
    """The words before a tag are no claim when they are another tag: "Ранее стало известно,
    что завод закрыли …" (they end with "что"), "По словам мэра, город выступает …"."""
    before = r.text[a:tag_start].strip(" ,—–").lower()
    last = WORD.findall(before)[-1:] if before else []
    if last and last[0] in r.cues.complementizers:
        return True
    return any(before.startswith(p) and len(WORD.findall(before)) <= len(p.split()) + MAX_SPEAKER_WORDS // 2
               for p in r.cues.according)


def past_apposition(r: SourceReader, i: int, b: int) -> int:
    """Past words that only name or describe the speaker up to a comma (no verb, a name or a role
    among them), when a claim follows the comma."""
    m = re.match(r"[^,]{1,120},\s*", r.text[i:b])
    if m is None or not r.parsed:
        return i
    toks = r.tokens(i, i + m.end() - 1)
    named = any(i <= e.start_char and e.end_char <= i + m.end() for e in r.doc.ents) or \
        {t.lemma_.lower() for t in toks} & (r.cues.roles | RoleWords.of(r.pack).non_state)
    if named and toks and len(toks) <= MAX_SPEAKER_WORDS + 2 and not any(t.pos_ in ("VERB", "AUX") for t in toks):
        return i + m.end()
    return i


def opens_clause(r: SourceReader, i: int, b: int) -> bool:
    m = WORD.search(r.text, i, b)
    if m is None or r.text[i:m.start()].strip(" ,") not in ("", ":", "—"):
        return False
    w = m.group(0).lower()
    return w in r.cues.complementizers or any(w == x + y for x in r.cues.clitics for y in r.cues.complementizers)


def skip_to_claim(r: SourceReader, i: int, b: int) -> int:
    """Past the punctuation and the complementizer that open what was said."""
    while True:
        m = re.match(r"[\s,،:—–-]+", r.text[i:b])  # (the Arabic comma too)
        if m:
            i += m.end()
        w = WORD.match(r.text, i, b)
        if w and (w.group(0).lower() in r.cues.complementizers or any(
                w.group(0).lower() == x + y for x in r.cues.clitics for y in r.cues.complementizers)):
            i = w.end()
            continue
        return i


def trim_end(r: SourceReader, s: int, e: int) -> int:
    if r.headline:  # "… в регионе 19:50": the time a headline carries is not what was said
        m = re.search(r"\s+\d{1,2}:\d{2}\s*$", r.text[s:e])
        e = s + m.start() if m else e
    while e > s and (r.text[e - 1].isspace() or r.text[e - 1] in ",.;:—–-"):
        e -= 1
    return e
