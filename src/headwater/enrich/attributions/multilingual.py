"""Attributions in languages other than English, from each language pack's cue words and quote marks.

The English finder (``find``) reads a full dependency parse with English lemmas. Other languages
get what their pack has: the reporting verbs (``cues.yaml``: dictionary forms for a parser that
lemmatizes, surface forms otherwise), phrases that put the source after them ("по словам", "وفقا لـ",
"selon") or before them ("göre", "zufolge"), the words that open what was said ("что", "إن", "que"),
quote marks («…», „…“), and the word order of the language (Arabic news puts the verb first). With a
parse (natasha for Russian) the speaker is the subject of the verb; without one, the words beside
the verb up to a comma, a quote or the clause that is said. Headlines "Лавров: Запад не хочет…"
(speaker, colon, claim) attribute too. Sources are typed through the same registry as in English
(outlets by their own names: ТАСС, سانا), persons by the entity's dictionary form
("по словам Захаровой" -> Захарова). The output dicts are those of the English finder.

This module cuts the sentences, runs each cue over them and turns the tags into claims; the readers it
builds on hold the rest, each in a module of its own: sources (``multilingual_sources``), the dates a
sentence states (``multilingual_claim_dates``), attribution chains (``multilingual_chains``), speakers
(``multilingual_speakers``), according phrases (``multilingual_according``), reporting verbs
(``multilingual_verbs``, ``multilingual_verb_last``) and speakers set off by a colon or a dash
(``multilingual_colon_dash``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.multilingual_according import Tag
from headwater.enrich.attributions.multilingual_claim_bounds import skip_to_claim, trim_end
from headwater.enrich.attributions.multilingual_claim_dates import claim_dates
from headwater.enrich.attributions.multilingual_colon_dash import colon_speaker, dash_speaker
from headwater.enrich.attributions.multilingual_cues import Cues, is_attitude, is_verb
from headwater.enrich.attributions.multilingual_verbs import VerbReader
from headwater.enrich.attributions.quote_marks import quote_spans
from headwater.enrich.attributions.sources import SourceRegistry
from headwater.lang import LanguagePack
from headwater.lang.marks import MARKS, WORD
from headwater.lang.parsers import SENTENCES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from headwater.model import Article

# A word or a number ("29", "56,2"): what the six words of an own-voice claim are counted in.
NUMBERED = re.compile(r"[^\W_][\w'’\-" + MARKS + r"]*(?:[.,]\d+)*")


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentence offsets, cut at new lines too (titles and datelines stand on lines of their own): the
    parser's own sentences where it keeps them (natasha's), else spaCy's."""
    out = []
    text = doc.text
    spans = doc.user_data.get(SENTENCES) or [(s.start_char, s.end_char) for s in doc.sents]
    for start, end in spans:
        for m in re.finditer(r"[^\n]+", text[start:end]):
            a, b = start + m.start(), start + m.end()
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                out.append((a, b))
    return out


class _Finder(VerbReader):
    # -- cues ------------------------------------------------------------------------------
    def sentence(self, a: int, b: int) -> list[Tag]:
        found: list[Tag] = []
        low = self.text[a:b].lower()
        for phrase in self.cues.according:
            for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + (r"(?!\w)" if len(phrase.split()[-1]) > 1 else ""), low):
                if " " not in phrase and self._ordinal(low, m.start()):
                    continue  # "no segundo semestre": the ordinal, no source
                f = self._according(a, b, a + m.start(), a + m.end())
                if f is not None:
                    found.append(f)
        for phrase in self.cues.unnamed:  # "по имеющимся данным": unnamed data stand as the source
            for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", low):
                cs, ce = a + m.start(), a + m.end()
                if not self._quoted(cs):
                    start = skip_to_claim(self, ce, b) if m.start() <= 3 else a
                    end = trim_end(self, start, b) if m.start() <= 3 else trim_end(self, a, cs)
                    first = WORD.search(self.text, cs, ce)
                    found.append(Tag(start, end, self.text[cs:ce], cs, (first.end() + 1 if first else cs, ce)))
        for phrase in self.cues.according_after:
            for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", low):
                f = self._according_after(a, b, a + m.start(), a + m.end())
                if f is not None:
                    found.append(f)
        for phrase in self.cues.phrases:
            for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", low):
                f = self._verb(a, b, a + m.start(), a + m.end(), None)
                if f is not None:
                    found.append(f)
        span = self.doc.char_span(a, b, alignment_mode="expand")
        tokens = list(span) if span is not None else []
        for tok in tokens:
            if tok.idx < a or not WORD.fullmatch(tok.text):
                continue
            if self._quoted(tok.idx):
                found += self._inside_quote(a, b, tok)
                continue
            lemma = tok.lemma_.lower() if self.parsed else None
            if is_verb(self.cues, tok.text, lemma) and (not self.parsed or tok.pos_ in ("VERB", "AUX", "X") or
                                                          (lemma in self.cues.lemmas and tok.pos_ == "ADJ")):
                f = self._verb(a, b, tok.idx, tok.idx + len(tok.text), tok if self.parsed else None)
                if f is not None:
                    found.append(f)
            elif self.parsed and lemma in self.cues.speech_acts and tok.pos_ == "VERB":
                # "выступил против …" takes a stand; "выступил с заявлением", "выступил на заседании"
                # report only beside a quote, a colon or the sentence before ("С таким заявлением выступил …")
                stance = any(g.text.lower() in self.cues.stance_prepositions for c in tok.children for g in c.children
                             if g.dep_ == "case" and c.i > tok.i)
                f = self._verb(a, b, tok.idx, tok.idx + len(tok.text), tok, light=not stance)
                if f is not None and stance:  # the stand is what it is for or against
                    at = next(c for c in tok.children if c.i > tok.i and any(
                        g.dep_ == "case" and g.text.lower() in self.cues.stance_prepositions for g in c.children))
                    start = min(t.idx for t in at.subtree if t.i > tok.i)
                    f = Tag(start, trim_end(self, start, b), f.cue, f.cue_start, f.speaker) if not f.quote else f
                if f is not None:
                    found.append(f)
            elif self.parsed and lemma in self.cues.statement_verbs and tok.pos_ == "VERB" and any(
                    c.dep_ in ("obj", "nsubj", "nsubj:pass") and c.lemma_.lower() in self.cues.statement_nouns
                    for c in tok.children):
                f = self._verb(a, b, tok.idx, tok.idx + len(tok.text), tok, light=True)
                if f is not None:
                    found.append(f)
        if not found:
            f = colon_speaker(self, a, b) or (dash_speaker(self, a, b) if self.headline else None)
            if f is not None:
                found.append(f)
        citing = {f.cited_at for f in found if f.cited_at is not None}
        found = [f for f in found if f.cited_at is not None or f.cue_start not in citing]
        kept: list[Tag] = []
        for f in sorted(found, key=lambda f: f.cue_start):
            if not any(k.speaker[0] < f.speaker[1] and f.speaker[0] < k.speaker[1] and k.start < f.end and f.start < k.end
                       for k in kept) and \
                    not any(k.cue_start <= f.cue_start < k.cue_start + len(k.cue) and not (
                        k.quote and f.quote and (k.end <= f.start or f.end <= k.start)) for k in kept):
                kept.append(f)
        for f in kept:  # "X указал на …, сообщает ведомство": X's claim ends where the other tag begins
            for g in kept:
                tag = min(g.cue_start, g.speaker[0])
                if g is not f and not f.quote and f.start < tag < f.end and g.end <= tag and g.start <= f.start and \
                        re.fullmatch(r"[\s,—–»\"“]*[,—–][\s,—–]*", self.text[g.end:tag]):
                    f.end = trim_end(self, f.start, tag)
        return kept

    def _ordinal(self, low: str, at: int) -> bool:
        """Whether the according word at ``at`` follows a word after which it is another word (Portuguese
        "segundo" after an article is "second": ``according_not_after``)."""
        before = WORD.findall(low[max(0, at - 20):at]) if self.cues.according_not_after else []
        return bool(before) and before[-1] in self.cues.according_not_after

    def _inside_quote(self, a: int, b: int, tok: Any) -> list[Tag]:
        """A tag that interrupts a quote: '«Мост откроют в мае, — сказал мэр. — Движение пустят сразу …»'.
        Both parts of the quote are the speaker's: the one before the tag, and the one after it up
        to the closing mark (which may be sentences later)."""
        q = next(((s, e) for s, e in self.quotes if s <= tok.idx < e), None)
        cs, ce = tok.idx, tok.idx + len(tok.text)
        lead = re.search(r"[,.!?…]\s*[—–-]\s*$", self.text[max(a, q[0] if q else a):cs])
        if q is None or lead is None or not is_verb(self.cues, tok.text, tok.lemma_.lower() if self.parsed else None):
            return []
        tail = re.match(r"[^.,—–«»\"\n]{0,60}?[.,]\s*[—–-]\s+", self.text[ce:q[1]])
        if tail is None:
            return []
        sp = (self._subject(tok) if self.parsed else None) or self._words_after(ce, min(q[1], ce + tail.end()))
        if sp is None or not (ce <= sp[0] and sp[1] <= ce + tail.end()):
            return []
        first_end = trim_end(self, q[0], max(a, q[0]) + lead.start())
        rest = ce + tail.end()
        out = [Tag(q[0], first_end, tok.text, cs, sp, True)]
        if len(WORD.findall(self.text[rest:q[1]])) >= 3:
            out.append(Tag(rest, trim_end(self, rest, q[1]), tok.text, cs, sp, True))
        return out


def find_attributions_multilingual(doc: Doc, article: Article, pack: LanguagePack,
                                   registry: SourceRegistry, headline: bool = False) -> list[dict[str, Any]]:
    """Attributed claims of one article in its pack's language, then its own-voice claims marked
    ``"sources": []``; the dicts of the English finder, plus ``dates`` the claim's sentence states.
    ``headline``: the text is a headline, where "claim — Speaker" attributes too."""
    f = _Finder(doc, pack, registry, article.published, headline)
    out: list[dict[str, Any]] = []
    covered: list[tuple[int, int]] = []  # quotes attributed ahead of their sentences
    for a, b in _sentences(doc):
        found = f.sentence(a, b)
        previous, f.previous = f.previous, (a, b)
        dates = claim_dates(f, a, b)
        for x in found:
            claim = doc.text[x.start:x.end].strip()
            if len(WORD.findall(claim)) < 3:
                continue
            if x.unnamed:  # "сообщили 5-tv.ru, что …": told the outlet by someone the text does not name
                src = {"name": None, "kind": "anonymous", "country": None, "state_affiliated": None,
                       "text": None, "unresolved": True}
            elif x.speaker == (x.cue_start, x.cue_start + len(x.cue)) and f.people:
                # "Однако добавил, что …": no subject in the text, the person spoken of before (inferred)
                src = {**f.people[-1], "inferred": True, "inferred_from": "subject left out: the person before"}
            else:
                src = f.source(*x.speaker)
            chain = ([f.outlet(*x.via)] if x.via else []) + [src] + ([f.source(*x.cited)] if x.cited else [])
            back = previous is not None and x.start == previous[0] and x.end <= previous[1]
            if back:  # the sentence before was filed as the article's own claim: it is this source's
                out = [o for o in out if not (o["start"] == x.start and not o["sources"])]
                earlier = [o for o in out if o["sources"] and o["start"] is not None and previous is not None
                           and previous[0] <= o["start"] < previous[1]]
                # the outermost of them: "Министр заявил, что соседи хотят …" came through this source,
                # the neighbours' stance inside it did not
                earlier = [o for o in earlier if not any(p is not o and p["start"] <= o["start"] and o["end"] <= p["end"]
                                                         for p in earlier)]
                if earlier:  # it already has a source: that source came through this one
                    for o in earlier:
                        o["sources"] = [*chain, *o["sources"]]
                        # where this source's tag is: the day it was said stands there ("Об этом во вторник сообщили …")
                        o["relay_cue_starts"] = [*o.get("relay_cue_starts", []), x.cue_start]
                        if dates:
                            o["dates"] = [*o.get("dates", []), *dates]
                    continue
            if x.quote and x.start < a:  # «A. B. C», — сказал X: the sentences before are X's too
                out = [o for o in out if o["sources"] or o["start"] is None or not x.start - 3 <= o["start"] < x.end]
            if x.quote and x.end > b:  # «…, — сказал X. — B. C»: the sentences after are X's too
                covered.append((x.start, x.end))
            when = (claim_dates(f, *previous) if back and previous else []) + dates
            aim = not x.quote and _attitude(f, doc, x.cue_start, x.cue)
            out.append({"claim": claim, "start": x.start, "end": x.end, "cue": x.cue, "cue_start": x.cue_start,
                        "sources": chain, "hedges": [], "sourcing": "unnamed sources" if src["kind"] == "anonymous"
                        else "named", "quote": x.quote, "nested": False, **({"dates": when} if when else {}),
                        **({"attitude": True} if aim else {})})
        inner = re.search(r"\w.*\w", doc.text[a:b])  # the sentence without its dashes and marks
        if not found and not (inner and any(s <= a + inner.start() and a + inner.end() <= e for s, e in covered)):
            stripped = doc.text[a:b]
            # six words, numbers among them, as the English finder counts ("Приговор был озвучен 29
            # ноября 2023 года." states a date; counting letters-only words it fell short)
            if len(NUMBERED.findall(stripped)) >= 6 and stripped[-1:] not in ("?", ":", "؟"):
                out.append({"claim": stripped, "start": a, "end": b, "cue": None, "sources": [], "hedges": [],
                            "sourcing": "unattributed", "quote": False, **({"dates": dates} if dates else {})})
    return out


def _attitude(f: _Finder, doc: Doc, start: int, cue: str) -> bool:
    """The cue says its holder's aim, plan or decision (the pack's ``attitude``), as the English finder marks it."""
    span = doc.char_span(start, start + len(cue), alignment_mode="expand") if f.parsed else None
    return is_attitude(f.cues, cue, span[0].lemma_.lower() if span is not None and len(span) else None)


__all__ = ["Cues", "find_attributions_multilingual", "quote_spans"]
