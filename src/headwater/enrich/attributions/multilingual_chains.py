"""The rest of a Russian (or any parsed language's) attribution chain beside its speaker: the outlet the
speaker told, which publishes what was said ("сообщили 5-tv.ru", "сказал телеканалу RT": first in the
chain, as the English finder's "X told Reuters"), and the source a source cites ("пишет X со ссылкой на
Y", "X, ссылаясь на Y, …": last, as "X, citing Y"). The words are the pack's (``cues.yaml``: outlets,
citing_heads, citing_prepositions, citing_phrases). A base of the multilingual finder."""
from __future__ import annotations

import re
from typing import Any

from headwater.enrich.attributions.multilingual_cues import MAX_SPEAKER_WORDS
from headwater.enrich.attributions.multilingual_sources import SourceReader

# Quote marks as tokens, read from the text (words are compared as ``text.lower()``, whatever parser
# made the tokens).
QUOTE_MARKS = frozenset('«»„“”"\'‘’')
# A site named by its address ("5-tv.ru", "lenta.ru", "bbc.co.uk"): an outlet wherever it stands.
SITE = re.compile(r"(?:[\w-]+\.)+[^\W\d_]{2,6}", re.I)


class ChainReader(SourceReader):
    """Publishers and cited sources of a reporting verb, from the parse and the tag's words."""

    def _name_mark(self, i: int) -> bool:  # the finder's: a quote mark around a name
        raise NotImplementedError

    def _words_after(self, ce: int, b: int, strict: bool = True) -> tuple[int, int] | None:  # the finder's
        raise NotImplementedError

    def _citing_in(self, s: int, e: int, b: int, at_start: bool = False) -> tuple[int, tuple[int, int]] | None:
        """A citing phrase ("со ссылкой на", "ссылаясь на") in the words s:e (``at_start``: opening
        them, past a comma), and the source after it."""
        low = self.text[s:e].lower()
        for phrase in self.cues.citing_phrases:
            m = re.search((r"^[\s,]*" if at_start else r"(?<!\w)") + "(" + re.escape(phrase) + r")(?!\w)", low)
            if m is not None:
                m_start, m_end = m.start(1), m.end(1)
                cited = self._words_after(s + m_end, b, strict=False)
                if cited is not None:
                    return s + m_start, cited
        return None

    def outlet(self, s: int, e: int) -> dict[str, Any]:
        """The outlet a speaker told (``_addressee``): an outlet even when the registry does not know it."""
        src = self.source(s, e)
        return src if src.get("kind") in ("outlet", "agency") else {**src, "kind": "outlet"}

    def _addressee(self, tok: Any) -> tuple[int, int] | None:
        """The outlet a reporting verb's words were told to, right after the verb: a dative
        ("сказал телеканалу RT", "рассказал изданию", "сообщил ТАСС") or a site's address the
        parser left as the subject ("сообщили 5-tv.ru"). Only outlets: "сказал журналистам" names
        no publisher."""
        for c in tok.children:
            if c.i <= tok.i or c.i > tok.i + 3:
                continue
            morph = str(c.morph)
            dative = c.dep_ == "iobj" or (c.dep_ in ("obl", "nmod") and "Case=Dat" in morph and
                                          not any(g.dep_ == "case" for g in c.children))
            address = c.dep_ in ("nsubj", "obl", "obj", "iobj") and c.pos_ in ("X", "PROPN", "NOUN")
            if not (dative or address):
                continue
            words = [t for t in c.subtree if not t.is_space and t.i > tok.i]
            for k in range(1, len(words)):  # contiguous, up to a comma or a quote that is no name's
                if words[k].i != words[k - 1].i + 1 or words[k].text in (",", "—") or (
                        words[k].text in QUOTE_MARKS and not self._name_mark(words[k].idx)):
                    words = words[:k]
                    break
            if not words or len(words) > MAX_SPEAKER_WORDS:
                continue
            s, e = words[0].idx, words[-1].idx + len(words[-1].text)
            span = self.text[s:e]
            site = bool(SITE.fullmatch(span.strip()))
            lemmas = {t.lemma_.lower() for t in words}
            if (dative and (self._lookup(span) is not None or lemmas & self.cues.outlets)) or site:
                return s, e
        return None

    def _cited(self, tok: Any, b: int) -> tuple[int, tuple[int, int]] | None:
        """'пишет X со ссылкой на Y', 'X, ссылаясь на Y, сообщает …': where the citing phrase starts
        and Y, the source it names (its words in the parse, up to a comma or a quote)."""
        for c in tok.children:
            if c.lemma_.lower() not in self.cues.citing_heads:
                continue
            target = next((g for g in c.children if g.i > c.i and any(
                x.dep_ == "case" and x.text.lower() in self.cues.citing_prepositions for x in g.children)), None)
            if target is None:
                continue
            words = [t for t in target.subtree if not t.is_space and not (t.dep_ == "case" and t.head == target)]
            words = [t for t in words if t.i >= target.i or t.head == target]
            for k in range(1, len(words)):
                if words[k].i != words[k - 1].i + 1 or words[k].text in (",", "—") or (
                        words[k].text in QUOTE_MARKS and not self._name_mark(words[k].idx)):
                    words = words[:k]
                    break
            if words and len(words) <= MAX_SPEAKER_WORDS:
                start = min([c.idx] + [g.idx for g in c.children if g.dep_ == "case" and g.i < c.i])
                return start, (words[0].idx, min(b, words[-1].idx + len(words[-1].text)))
        return None
