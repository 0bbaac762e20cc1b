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

from bisect import bisect_right
from typing import Any

from headwater.enrich.claims.claim_dates import find_claim_dates
from headwater.enrich.claims.split import sentences
from headwater.model import Article


class Said:
    """An article's sentences and the spans of its claims, built once per article."""

    def __init__(self, text: str, claims: list[tuple[int, int]]) -> None:
        self.sentences = list(sentences(text))
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
            if not said.in_claim(sent[0] + d.start, sent[0] + d.end):
                out.append({**d.as_dict(sent[0]), "of": "statement"})
    return out
