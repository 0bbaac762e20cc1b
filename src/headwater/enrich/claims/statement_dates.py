"""When a claim was said: the dates its attribution's tag states ("Министр заявил 3 июля, что …",
"Об этом во вторник сообщили в пресс-службе", "…," Cruz said Thursday).

A reporting verb's tag is not part of the claim's text, so the claim's own dates miss the day the
claim was made; in Russian news the day goes with the verb ("заявил 3 июля"), and 12 of 30 dates
outside any claim on the narratives set's Russian articles were such days. These are read from the
sentence that holds the cue, outside the text of every claim of the article (so another claim's
dates never come along), and marked ``"of": "statement"``: the date of the saying, which two
retellings of one claim may differ on without contradicting each other (``link.contradictions``
leaves them out). Each keeps its span in the article's text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from headwater.enrich.claims.claim_dates import find_claim_dates
from headwater.enrich.claims.split import sentences
from headwater.model import Article

# Words at most between a tag's cue and the date of the saying. The tags of the narratives set's
# Russian and English articles put it 0-4 words from the verb ("Об этом во вторник, 2 июля,
# сообщили", "сообщила пресс-служба Минобороны России 4 июля", "Comer said Sunday"); a date 8 or
# more words away was another clause's ("заявил Фиала, имея в виду … ещё в марте 2022 года").
NEAR = 6
_WORD = re.compile(r"[^\W_][\w'’-]*")


class Said:
    """An article's sentences and the spans of its claims, built once per article."""

    def __init__(self, text: str, claims: list[tuple[int, int]], language: str | None = None) -> None:
        self.sentences = list(sentences(text, language=language))
        self.starts = [s for s, _ in self.sentences]
        self.claims = claims

    def sentence_at(self, i: int) -> tuple[int, int] | None:
        n = bisect_right(self.starts, i) - 1
        if n < 0 or not self.sentences[n][0] <= i < self.sentences[n][1]:
            return None
        return self.sentences[n]

    def in_claim(self, s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in self.claims)


def statement_dates(article: Article, claim: dict[str, Any], said: Said, lang: str | None) -> list[dict[str, Any]]:
    """The dates of the tags of ``claim`` (a candidate with ``cue_starts``: its cue's start and those
    of the sources it was relayed through), as ``date_spans`` entries with spans in the article's
    text; none from a cue inside the claim."""
    out: list[dict[str, Any]] = []
    taken: set[tuple[int, int]] = set()
    for cue in claim.get("cue_starts") or []:
        if not isinstance(cue, int) or claim["start"] <= cue < claim["end"]:
            continue
        sent = said.sentence_at(cue)
        if sent is None or sent in taken:
            continue
        taken.add(sent)
        for d in find_claim_dates(article.text[sent[0]:sent[1]], lang, article.published):
            s, e = sent[0] + d.start, sent[0] + d.end
            if not said.in_claim(s, e) and _beside(article.text, sent[0], cue, s, e):
                out.append({**d.as_dict(sent[0]), "of": "statement"})
    return out


def _beside(text: str, sent_start: int, cue: int, s: int, e: int) -> bool:
    """Whether the date at s:e stands by the cue at ``cue``: at most ``NEAR`` words between them, no
    sentence end between (a splitter may miss one: "Бужанский.Сидор"), not in brackets ("(его
    полномочия истекли 21 мая) Зеленский заявил")."""
    word = _WORD.match(text, cue)
    cue_end = word.end() if word else cue
    between = text[e:cue] if e <= cue else text[cue_end:s]
    if len(_WORD.findall(between)) > NEAR or re.search(r"[.!?…](?:\s|$)|\.(?=[A-ZА-ЯЁ])", between):
        return False
    before = text[sent_start:s]
    return before.count("(") <= before.count(")")
