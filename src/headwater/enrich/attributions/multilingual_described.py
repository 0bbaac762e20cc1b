"""Sources named by a common noun rather than a name, in languages other than English: a document or
evidence ("रिपोर्ट", "проучването", "o relatório") or a body named by what it is ("अखबार",
"вестникът"), with the author a genitive joins to it; and "the agency" with no name ("الوكالة",
"агентство", "a agência"), the outlet the article named just before; "the ministry" with no name ("الوزارة",
"министерството", "o ministério"), the body named just before. Part of the multilingual sources
(``multilingual_sources.SourceReader``)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.role_types import RoleWords, country_in, hits
from headwater.lang.marks import WORD

if TYPE_CHECKING:
    from headwater.enrich.attributions.multilingual_sources import SourceReader

# How many sources back "the agency" may look for its outlet: as the English finder's BODY_LOOKBACK (news
# names an outlet and refers back to it within a few paragraphs).
OUTLET_LOOKBACK = 4


def described(r: SourceReader, s: int, e: int, text: str) -> dict[str, Any] | None:
    """A source named by a common noun of the pack's ``source_nouns``: a document or evidence
    ("रिपोर्ट", "проучването", "o relatório") or a body named by what it is ("अखबार", "вестникът"),
    with the author a genitive joins to it the source ("SIPRI की रिपोर्ट": SIPRI; "доклад на СЗО":
    СЗО), else an unnamed source described as what it is. None when no such noun heads the words
    (a name follows it: "समाचार एजेंसी उक्रिनफॉर्म", "канал Царьград")."""
    c = r.cues
    if not c.documents and not c.collectives:
        return None
    ws = list(WORD.finditer(r.text, s, e))
    forms = [{w.group(0).lower()} | r.lemmas(w.start(), w.end()) for w in ws]
    k = next((i for i, f in enumerate(forms) if hits(f, c.documents | c.collectives)), None)
    if k is None:
        return None
    owner: list[re.Match[str]] = []
    document = bool(hits(forms[k], c.documents))
    rw = RoleWords.of(r.pack)
    if not document and any(not (f & c.stop or country_in(f, rw)) for f in forms[:k] + forms[k + 1:]):
        return None  # a body with more words than a country's is named ("वैगनर ग्रुप", "कतर के … एजेंसी")
    if c.owner_first:  # head-final (Hindi): the noun ends the words; its author stands before a genitive
        if k != len(ws) - 1:
            return None
        mark = max((i for i in range(k) if ws[i].group(0).lower() in c.owner_marks), default=None)
        owner = ws[:mark] if mark is not None else []
    else:  # the noun first, after words in lower case ("новото проучване"); its author after a genitive
        if any(w.group(0)[:1].isupper() for w in ws[1:k]) or (k > 0 and ws[0].group(0).isupper()):
            return None  # a name before the noun (the first word may be capitalised as a sentence opens)
        mark = next((i for i in range(k + 1, len(ws)) if ws[i].group(0).lower() in c.owner_marks), None)
        if mark is not None:
            if any(w.group(0)[:1].isupper() for w in ws[k + 1:mark]):
                return None
            owner = ws[mark + 1:]
        elif not c.owner_marks and r.parsed:
            owner = ws[k + 1:]  # "доклад Минобороны": the genitive is the word's case
        elif len(ws) > k + 1:
            return None  # "канал Царьград": a name follows
    owner = [w for w in owner if w.group(0).lower() not in c.stop | c.speaker_breaks] if owner else []
    if owner and any(w.group(0)[:1].isupper() or not w.group(0)[:1].islower() for w in owner):
        found = r.source(owner[0].start(), owner[-1].end())
        if found.get("kind") != "anonymous" and not found.get("unresolved"):
            return {**found, "document": text}
    described = "document" if document else "collective"
    return {"name": r.dictionary_form(s, e, text), "kind": "anonymous", "described": described, "country": None,
            "state_affiliated": None, "text": text}


def _lone_head(r: SourceReader, s: int, e: int, heads: frozenset[str]) -> str | None:
    """The one word at s:e (its article or other stop words before it left out) when it, or its lemma, is one
    of ``heads`` ("الوكالة", "o ministério"); None when the words say more, or none is said before to refer to."""
    if not heads or not r.said:
        return None
    words = [w.lower() for w in WORD.findall(r.text[s:e])]
    while len(words) > 1 and words[0] in r.cues.stop:
        words = words[1:]
    return words[0] if len(words) == 1 and ({words[0]} | r.lemmas(s, e)) & heads else None


def _named_before(r: SourceReader, s: int, e: int, src: dict[str, Any]) -> dict[str, Any]:
    """``src``, named as the text names it at s:e, inferred and said so; its name before as the canonical one."""
    here = r.text[s:e].strip()
    return {**src, "name": here, "canonical": src.get("canonical") or src.get("name"), "text": here,
            "resolved_from": here, "inferred": True}


def outlet_before(r: SourceReader, s: int, e: int) -> dict[str, Any] | None:
    """"الوكالة" (the agency), "агентство", "a agência" with no name: the outlet the article's last few
    sources named, inferred and said so (as the English "the agency"); None when they hold none."""
    if _lone_head(r, s, e, r.cues.outlet_heads) is None:
        return None
    for src in list(reversed(r.said))[:OUTLET_LOOKBACK]:
        if src.get("kind") in ("outlet", "agency") and not src.get("inferred"):
            return _named_before(r, s, e, src)
    return None


# A body named again shares the first letters of its head noun with the name given before ("الوزارة" and "وزارة
# الدفاع", "министерството" and "Министерството на отбраната", "ministério" and "Ministério da Defesa"), once a
# leading definite article written onto the word ("ال") is taken off.
BODY_STEM = 4
ATTACHED_ARTICLES = ("ال",)


def _stem(word: str) -> str:
    w = word.lower()
    for art in ATTACHED_ARTICLES:
        if w.startswith(art) and len(w) - len(art) >= BODY_STEM:
            w = w[len(art):]
    return w[:BODY_STEM]


def body_before(r: SourceReader, s: int, e: int) -> dict[str, Any] | None:
    """"الوزارة" (the ministry), "министерството", "o ministério" with no name: the body the article's last
    few sources named with that noun, inferred and said so (as the English "the ministry"); None when they
    hold none (a body two paragraphs back may not be it, and a ministry is no army)."""
    head = _lone_head(r, s, e, r.cues.body_heads)
    if head is None:
        return None
    stem = _stem(head)
    for src in list(reversed(r.said))[:OUTLET_LOOKBACK]:
        if src.get("kind") in ("government", "organization") and not src.get("inferred") and \
                any(_stem(w) == stem for w in WORD.findall(str(src.get("name") or ""))):
            return _named_before(r, s, e, src)
    return None
