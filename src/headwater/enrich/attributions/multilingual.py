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
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.multilingual_chains import QUOTE_MARKS, ChainReader
from headwater.enrich.attributions.multilingual_cues import Cues, is_verb
from headwater.enrich.attributions.multilingual_sources import MAX_SPEAKER_WORDS, SITE_ADDRESS, WORD
from headwater.enrich.attributions.quote_marks import quote_spans
from headwater.enrich.attributions.role_types import RoleWords, hits, with_parts
from headwater.enrich.attributions.sources import SourceRegistry
from headwater.extract.outlets import norm
from headwater.lang import LanguagePack
from headwater.lang.marks import MARKS
from headwater.lang.parsers import NORMALS, SENTENCES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from headwater.model import Article

# A quote and its tag are this close: '«…», — заявил' (comma, space, dash, space).
QUOTE_GAP = 5
# Punctuation that ends a speaker's words.
STOPS = re.compile(r"[,;:.!?()\[\]«»„“”\"—–،؛]|\s-\s")
# A word or a number ("29", "56,2"): what the six words of an own-voice claim are counted in.
NUMBERED = re.compile(r"[^\W_][\w'’\-" + MARKS + r"]*(?:[.,]\d+)*")
# Topic labels that open headlines before a colon ("Russia Ukraine War: …", "Ukraine Crisis: …",
# "LIVE: …"), written in English in news of many languages: no speaker.
KICKERS = frozenset(("war", "crisis", "conflict", "live", "update", "updates", "news", "watch", "breaking",
                     "explained", "exclusive", "analysis", "opinion", "video", "photos", "relations", "invasion"))
SUBJECT_DROP = frozenset({"acl", "acl:relcl", "parataxis", "punct", "conj", "cc", "advcl", "ccomp"})


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


@dataclass
class _Found:
    start: int
    end: int
    cue: str
    cue_start: int
    speaker: tuple[int, int]  # the cue's own span when the sentence leaves the subject out
    quote: bool = False
    # "сообщили 5-tv.ru", "сказал телеканалу RT": the outlet told, which publishes what the speaker
    # said (first in the chain, as the English "X told Reuters")
    via: tuple[int, int] | None = None
    # "пишет X со ссылкой на Y", "X, ссылаясь на Y, сообщает": Y, the deeper source (last in the chain)
    cited: tuple[int, int] | None = None
    cited_at: int | None = None  # where the citing phrase starts (its "according" reading is this one)
    unnamed: bool = False  # told to an outlet by no one the sentence names ("сообщили lenta.ru, что …")


class _Finder(ChainReader):
    # -- cues ------------------------------------------------------------------------------
    def sentence(self, a: int, b: int) -> list[_Found]:
        found: list[_Found] = []
        low = self.text[a:b].lower()
        for phrase in self.cues.according:
            for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + (r"(?!\w)" if len(phrase.split()[-1]) > 1 else ""), low):
                f = self._according(a, b, a + m.start(), a + m.end())
                if f is not None:
                    found.append(f)
        for phrase in self.cues.unnamed:  # "по имеющимся данным": unnamed data stand as the source
            for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", low):
                cs, ce = a + m.start(), a + m.end()
                if not self._quoted(cs):
                    start = self._skip_to_claim(ce, b) if m.start() <= 3 else a
                    end = self._trim_end(start, b) if m.start() <= 3 else self._trim_end(a, cs)
                    first = WORD.search(self.text, cs, ce)
                    found.append(_Found(start, end, self.text[cs:ce], cs, (first.end() + 1 if first else cs, ce)))
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
                    f = _Found(start, self._trim_end(start, b), f.cue, f.cue_start, f.speaker) if not f.quote else f
                if f is not None:
                    found.append(f)
            elif self.parsed and lemma in self.cues.statement_verbs and tok.pos_ == "VERB" and any(
                    c.dep_ in ("obj", "nsubj", "nsubj:pass") and c.lemma_.lower() in self.cues.statement_nouns
                    for c in tok.children):
                f = self._verb(a, b, tok.idx, tok.idx + len(tok.text), tok, light=True)
                if f is not None:
                    found.append(f)
        if not found:
            f = self._colon(a, b) or (self._dash_speaker(a, b) if self.headline else None)
            if f is not None:
                found.append(f)
        citing = {f.cited_at for f in found if f.cited_at is not None}
        found = [f for f in found if f.cited_at is not None or f.cue_start not in citing]
        kept: list[_Found] = []
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
                    f.end = self._trim_end(f.start, tag)
        return kept

    def _inside_quote(self, a: int, b: int, tok: Any) -> list[_Found]:
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
        first_end = self._trim_end(q[0], max(a, q[0]) + lead.start())
        rest = ce + tail.end()
        out = [_Found(q[0], first_end, tok.text, cs, sp, True)]
        if len(WORD.findall(self.text[rest:q[1]])) >= 3:
            out.append(_Found(rest, self._trim_end(rest, q[1]), tok.text, cs, sp, True))
        return out

    def _name_mark(self, i: int) -> bool:
        """A quote mark around a name («Северсталь», РИА «Новости»): a quote of one to three words."""
        return any((s - 1 == i or e == i) and 1 <= len(WORD.findall(self.text[s:e])) <= 3 for s, e in self.quotes)

    def _said(self, i: int) -> bool:
        """Inside a quote of four words or more: what someone said, not a name in quotes («Первый канал»)."""
        return any(s <= i < e and len(WORD.findall(self.text[s:e])) >= 4 for s, e in self.quotes)

    def _quoted(self, i: int) -> bool:
        return any(s <= i < e for s, e in self.quotes)

    def _according(self, a: int, b: int, cs: int, ce: int) -> _Found | None:
        """'По словам Захаровой, claim', 'claim, according to X' in the language's words; "по его
        словам" names its source by the possessive inside the phrase."""
        if self._quoted(cs):
            return None
        inner = [m for m in WORD.finditer(self.text, cs, ce) if m.group(0).lower() in self.cues.pronouns]
        verb = WORD.match(self.text, ce + len(self.text[ce:b]) - len(self.text[ce:b].lstrip()), b)
        if not inner and not self.parsed and verb is not None and is_verb(self.cues, verb.group(0), None):
            # "segundo avança a AFP", "segundo explica o FSB": the source is the verb's subject after it;
            # "Segundo disse, …" names none (the person spoken of before, when there is one)
            after = self._words_after(verb.end(), b, strict=False)
            if after is None:
                return _Found(*self._claim_after(verb.end(), b), self.text[cs:ce], cs, (cs, ce)) if self.people else None
            ce = verb.end()
        sp = (inner[0].start(), inner[0].end()) if inner else self._words_after(ce, b, strict=False)
        if sp is None:
            return None
        if not inner and not self.parsed:
            sp = self._named_after(ce, sp, b, cs - a <= 3)
        back = self._back_reference(a, cs) if cs - a > 3 else None
        if back is not None:  # "Это следует из опроса …": what the sentence before said
            return _Found(back[0], back[1], self.text[cs:ce], cs, sp)
        # "Как сообщает ТАСС со ссылкой на источник, …": the source's own source, deeper in the chain
        cited = None if self.text[cs:ce].lower() in self.cues.citing_phrases else \
            self._citing_in(max(sp[1], ce), b, b, at_start=True)
        if cs - a <= 3:  # the phrase opens the sentence: the claim follows the source
            start = self._skip_to_claim(max(sp[1], ce, cited[1][1] if cited else 0), b)
            return _Found(start, self._trim_end(start, b), self.text[cs:ce], cs, sp,
                          cited=cited[1] if cited else None, cited_at=cited[0] if cited else None)
        rest = self.text[max(sp[1], ce):b]
        if len(WORD.findall(rest)) >= 3 and re.match(r"[^,.;:!?]{0,80},", rest):
            # "…, по словам губернатора, находится под контролем": the claim runs through the tag
            return _Found(a, self._trim_end(a, b), self.text[cs:ce], cs, sp)
        return _Found(a, self._trim_end(a, cs), self.text[cs:ce], cs, sp)

    def _claim_after(self, i: int, b: int) -> tuple[int, int]:
        start = self._skip_to_claim(i, b)
        return start, self._trim_end(start, b)

    def _named_after(self, ce: int, sp: tuple[int, int], b: int, opens: bool) -> tuple[int, int]:
        """Who "according to" names, in a pack read without a parse, where its words run on into the
        claim with no comma between ("Според него вероятността расте", "Според доклада горещите
        вълни могат …"): a pronoun alone; else the first word with the capitalised words of a name
        after it ("Според Лоурънс Уилкерсън конференцията …"), up to a capital or a country, which
        the claim opens with ("Според Макгрегър Москва иска …"). A tag a comma closes within a
        speaker's words keeps all its words ("Според съвместния доклад на агенцията, …"), and so
        does one that ends the sentence ("…, според доклада на агенцията.")."""
        words = list(WORD.finditer(self.text, sp[0], sp[1]))
        if not words:
            return sp
        first = words[0]
        if first.group(0).lower() in self.cues.pronouns:
            return first.start(), first.end()
        stop = STOPS.search(self.text, ce, b)
        tag = self.text[ce:stop.start() if stop else b]
        claim_after = stop is not None and len(WORD.findall(self.text[stop.end():b])) >= 3
        if len(words) == 1 or (len(WORD.findall(tag)) <= MAX_SPEAKER_WORDS and (claim_after or not opens)):
            return sp
        rw = RoleWords.of(self.pack)
        end = first.end()
        for w in words[1:]:
            low = w.group(0).lower()
            if not w.group(0)[:1].isupper() or low in rw.capitals or low in rw.countries or \
                    self.registry.demonyms.get(norm(w.group(0))) or not first.group(0)[:1].isupper():
                break
            end = w.end()
        return first.start(), end

    def _according_after(self, a: int, b: int, cs: int, ce: int) -> _Found | None:
        """'Bakanlığa göre, claim', 'X zufolge claim': the source stands before the phrase."""
        sp = self._words_before(a, cs)
        if sp is None:
            return None
        start = self._skip_to_claim(ce, b)
        return _Found(start, self._trim_end(start, b), self.text[cs:ce], cs, sp)

    def _verb(self, a: int, b: int, cs: int, ce: int, tok: Any, light: bool = False) -> _Found | None:
        """A reporting verb's tag (``_verb_tag``) with the rest of its chain from the parse: the outlet
        it was told to (``via``) and the source it cites (``cited``)."""
        f = self._verb_tag(a, b, cs, ce, tok, light)
        if f is None or tok is None or not self.parsed:
            return f
        told = self._addressee(tok)
        if told is not None:
            f.via = told
            if f.speaker[0] < told[1] and told[0] < f.speaker[1]:  # the parser took the outlet for the subject
                place = self._place_of_speech(tok)
                f.speaker, f.unnamed = (place, False) if place is not None and not (
                    place[0] < told[1] and told[0] < place[1]) else ((cs, ce), True)
        cited = self._cited(tok, b)
        if cited is None:  # the parse hung the phrase elsewhere: right after the verb or the speaker
            for at in (ce, f.speaker[1]):
                cited = self._citing_in(at, f.start if f.start > at else b, b, at_start=True)
                if cited is not None:
                    break
        if cited is not None:
            f.cited_at, f.cited = cited
        return f

    def _verb_tag(self, a: int, b: int, cs: int, ce: int, tok: Any, light: bool = False) -> _Found | None:
        """A reporting verb's speaker and what it reports. ``light``: a verb that reports only through
        its object ("сделал заявление", "приводит его слова"), so what it reports is a quote beside
        it, what follows its colon, the sentence before ("Такое заявление сделал …"), or the words
        before a tag set off by a comma ("…, приводит его слова РИА Новости")."""
        cue = self.text[cs:ce]
        sp: tuple[int, int] | None = None
        if tok is not None and self._negated(tok):
            return None
        if tok is not None and "Voice=Pass" in str(tok.morph):
            # "сказано в статье": a passive cue speaks through its place phrase only; its subject is
            # what was announced ("в области объявлена тревога"), not who announced it
            sp = self._place_of_speech(tok, documents_only=True)
        elif tok is not None:
            sp = (self._statement_owner(tok) if light else None) or self._subject(tok) or self._place_of_speech(tok)
            said_by = self._tokens(*sp) if sp is not None else []
            if len(said_by) == 1 and said_by[0].pos_ in ("PRON", "DET", "SCONJ") and (
                    said_by[0].text.lower() not in self.cues.pronouns or "Case=Nom" not in str(said_by[0].morph)):
                return None  # "Это показывает, что …", "что показывает", "Его заверяли": no one speaks
            if sp is None and not any(c.dep_.startswith("nsubj") for c in tok.children):
                sp = self._speaker_by_words(a, b, cs, ce)
            if sp is None and self.people and self._subject_left_out(tok, a):
                sp = (cs, ce)  # the cue's own span marks a subject left out
        else:
            sp = self._speaker_by_words(a, b, cs, ce)
        if sp is None and tok is not None and self.parsed:
            # "Сообщили lenta.ru, что …" (natasha reads "Сообщили" as a passive participle; "было
            # сообщено ТАСС" is one): told an outlet by no one named, the outlet publishes it
            # (``_verb`` makes it the publisher and the speaker unnamed, as with "сообщили ТАСС")
            sp = self._addressee(tok)
        if sp is None:
            return None
        dated = re.search(r"\s+\d{1,2}\s+(\w+)$", self.text[sp[0]:sp[1]])  # "министерство 5 мая": the date is not who
        if dated and dated.group(1).lower() in self.months:
            sp = (sp[0], sp[0] + dated.start())
        quote = self._adjacent_quote(min(cs, sp[0]), max(ce, sp[1]), a, b)
        if quote is not None:
            return _Found(quote[0], quote[1], cue, cs, sp, True)
        tag_start, tag_end = min(cs, sp[0]), max(ce, sp[1])
        if tok is not None and tok.lemma_.lower() in self.cues.clause_only:
            # "Опрос показал, что …" reports; "показал фильм", "установили памятник" do not
            said = self._clause_after(tok, tag_end, b)
            return None if said is None else _Found(said, self._trim_end(said, self._clause_end(tok, b)), cue, cs, sp)
        if tok is not None and not light and self._not_reporting(tok):
            # "Министр поддержал проект бюджета": what the verb takes is the claim, as in English
            # ("criticized the grant"); never the words before it ("Несмотря на …, он признаёт ошибку")
            obj = next((c for c in tok.children if c.dep_ in ("obj", "xcomp")), None)
            taken = [t.idx for t in obj.subtree if t.i > tok.i] if obj is not None and obj.i > tok.i else []
            if not taken or tag_end > min(taken) or self._speaker_check(*sp) is None:
                return None  # nor "Этот план требует денег": a stand needs someone to take it
            return _Found(min(taken), self._trim_end(min(taken), b), cue, cs, sp)
        if light:
            back = self._back_reference(a, tag_start) or self._statement_back(tok, a, tag_start)
            if back is not None:
                return _Found(back[0], back[1], cue, cs, sp)
            said = next((c for c in tok.children if c.dep_ in ("obj", "obl") and c.i > tok.i and
                         c.lemma_.lower() in self.cues.statement_nouns), None)
            past = max(tag_end, said.idx + len(said.text)) if said is not None else tag_end
            if self.text[past:b].lstrip().startswith(":"):  # "опубликовали заявление: «…»"
                after = self._skip_to_claim(past, b)
                quote = next((q for q in self.quotes if after - 1 <= q[0] <= after + 2), None)
                if quote is None and self.text[after:after + 1] in {o for o, _ in self.pack.quote_pairs}:
                    after = self._skip_to_claim(after + 1, b)  # a quote never closed: its words
                if quote is not None:
                    return _Found(quote[0], quote[1], cue, cs, sp, True)
                return _Found(after, self._trim_end(after, b), cue, cs, sp)
            if re.search(r"[,—–]\s*$", self.text[a:tag_start]) and not self._inside_other_tag(a, tag_start):
                return _Found(a, self._trim_end(a, tag_start), cue, cs, sp)
            return None
        said = self._clause_after(tok, tag_end, b)
        if said is not None:
            return _Found(said, self._trim_end(said, self._clause_end(tok, b)), cue, cs, sp)
        after = self._skip_to_claim(tag_end, b)
        if tag_start - a <= 3 or self._opens_clause(tag_end, b):
            if self._topic_only(tok, after, b):
                return None
            return _Found(after, self._trim_end(after, b), cue, cs, sp)
        back = self._back_reference(a, tag_start)
        if back is not None:
            return _Found(back[0], back[1], cue, cs, sp)
        fronted = re.match(r"\s*(?:о том|то|об этом)\s*,\s*(?:" + "|".join(map(re.escape, self.cues.complementizers or {"\x00"}))
                           + r")\s+(.+?)[\s,—–]*$", self.text[a:tag_start], re.I)
        if fronted is not None and len(WORD.findall(fronted.group(1))) >= 3:
            # "О том, что цены вырастут, считает большинство опрошенных": the clause put first
            return _Found(a + fronted.start(1), a + fronted.end(1), cue, cs, sp)
        if (len(WORD.findall(self.text[a:tag_start])) <= 2 and not re.search(r"[,—–»\"]\s*$", self.text[a:tag_start])) \
                or self._openers_only(a, tag_start):
            # only "Как", "Ранее", "Между тем" stand before the tag: what follows it is the claim,
            # past an apposition of the speaker ("Как считает экономист, профессор … Иванов, …")
            after = self._past_apposition(after, b)
            if len(WORD.findall(self.text[after:b])) >= 3 and not self._topic_only(tok, after, b):
                return _Found(after, self._trim_end(after, b), cue, cs, sp)
        next_word = WORD.search(self.text, tag_end, b)
        if self.text[a:tag_start].rstrip().endswith(",") and self.text[tag_end:b].lstrip().startswith(",") and \
                len(WORD.findall(self.text[tag_end:b])) >= 3 and not (
                    next_word is not None and is_verb(self.cues, next_word.group(0), None)):
            # (not "…, disse o chefe do Governo, acrescentando que …": a second tag follows, no claim runs on)
            return _Found(a, self._trim_end(a, b), cue, cs, sp)  # "Переговоры, отметил он, могут начаться …": all of it
        if self._inside_other_tag(a, tag_start) or not re.search(r"(?:[,—–:»\"“]|\s-)\s*$", self.text[a:tag_start]):
            return None  # no claim: words before a tag are one only when a comma or a dash sets them off
        return _Found(a, self._trim_end(a, tag_start), cue, cs, sp)

    def _subject_left_out(self, tok: Any, a: int) -> bool:
        """A finite verb in the singular with no subject, opening its sentence after at most
        a conjunction or an adverb ("Однако добавил, что …", "Также напомнил, что …"): Russian leaves
        out the subject spoken of before."""
        morph = str(tok.morph)
        if "VerbForm=Fin" not in morph or tok.dep_ != "ROOT" or "Number=Sing" not in morph:
            # (a plural with no subject is a sentence of indefinite person: "сообщили, что …" says
            # nothing of who)
            return False
        if any(c.dep_ in ("obl", "nmod") and any(g.dep_ == "case" and g.text.lower() in self.cues.places_of_speech
                                                 for g in c.children) for c in tok.children):
            return False
        before = self._tokens(a, tok.idx)
        return len(before) <= 3 and all(t.pos_ in ("ADV", "CCONJ", "PART", "PUNCT") for t in before) and \
            "Person=1" not in morph and "Person=2" not in morph

    def _negated(self, tok: Any) -> bool:
        """'Не уточнил, почему …' reports nothing; 'не исключил, что …' does."""
        negated = any(c.text.lower() == "не" and c.i < tok.i for c in tok.children)
        return negated and tok.lemma_.lower() not in self.cues.negated_ok

    def _not_reporting(self, tok: Any) -> bool:
        """A cue word with an object, an infinitive or a predicate and no clause reports no clause
        ("поддержал проект", "хочет продать", "выразил благодарность"), unless the object is
        the statement itself ("сделал заявление")."""
        if any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
            return False
        return any((c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() not in self.cues.statement_nouns)
                   or (c.dep_ == "xcomp" and c.pos_ in ("ADJ", "NOUN", "VERB")) for c in tok.children)

    def _statement_owner(self, tok: Any) -> tuple[int, int] | None:
        """Whose statement a statement verb reports: "приводятся слова очевидца", "приводит
        слова министра РИА Новости" (the words are the minister's; the agency relays them)."""
        for c in tok.children:
            if c.dep_ in ("obj", "nsubj", "nsubj:pass") and c.lemma_.lower() in self.cues.statement_nouns:
                owner = next((g for g in c.children if g.dep_ == "nmod" and g.i > c.i and g.pos_ in ("NOUN", "PROPN")), None)
                if owner is not None:
                    words = [t for t in owner.subtree if not t.is_space]
                    for k in range(1, len(words)):
                        if words[k].i != words[k - 1].i + 1 or words[k].text in QUOTE_MARKS | {",", "—"}:
                            words = words[:k]
                            break
                    s, e = words[0].idx, words[-1].idx + len(words[-1].text)
                    if len(words) <= MAX_SPEAKER_WORDS and self._speaker_check(s, e) is not None:
                        return s, e
        return None

    def _statement_back(self, tok: Any, a: int, tag_start: int) -> tuple[int, int] | None:
        """'Такое заявление сделал мэр …', 'С таким заявлением выступил …': a demonstrative on the
        statement refers to the sentence before."""
        for c in tok.children:
            if c.dep_ in ("obj", "obl") and c.lemma_.lower() in self.cues.statement_nouns and c.idx < tok.idx and any(
                    d.dep_ == "det" and d.text.lower() in self.cues.demonstratives for d in c.children):
                return self.previous or (0, 0)
        return None

    def _clause_after(self, tok: Any, i: int, b: int) -> int | None:
        """Where the clause said begins when a few words stand between the tag and it ("заявил в
        Москве, что …"): the verb's clausal complement in the parse, else its complementizer."""
        right_after = re.match(r"\s*,?\s*(" + "|".join(re.escape(c) for c in self.cues.complementizers) + r")(?!\w)",
                               self.text[i:b]) if self.cues.complementizers else None
        if right_after is not None:  # "утверждает, что …": the clause opens here, whatever the parse says
            return self._skip_to_claim(i + right_after.end(1), b)
        if tok is not None:
            comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
            if comp is not None:
                start = comp.left_edge.idx
                return self._skip_to_claim(start, b) if start >= i else None
        m = re.match(r"[^,:«»„“\"]{0,40}?[,:]?\s*(?<!\w)(" + "|".join(
            re.escape(c) for c in sorted(self.cues.complementizers, key=len, reverse=True)) + r")(?!\w)",
            self.text[i:b]) if self.cues.complementizers else None
        if m is None or len(WORD.findall(self.text[i:i + m.start(1)])) > 4:
            return None
        return self._skip_to_claim(i + m.end(1), b)

    def _clause_end(self, tok: Any, b: int) -> int:
        """Where what a verb reports ends: the sentence's end, or before a second reporting verb
        joined to it ("заявил, что Запад лжет, и добавил, что …" holds two claims)."""
        if tok is None:
            return b
        for t in tok.doc[tok.i + 1:]:
            if t.idx >= b:
                break
            if t.dep_ == "conj" and t.idx > tok.idx and is_verb(self.cues, t.text, t.lemma_.lower()) and \
                    (t.head == tok or (t.head.is_ancestor(t) and tok.is_ancestor(t))):
                end = t.idx
                while True:  # back over ", и" before the second verb
                    m = re.search(r"(?:[\s,;]+|(?<!\w)(\w+))$", self.text[tok.idx:end])
                    if m is None or (m.group(1) is not None and m.group(1).lower() not in self.cues.stop) or m.start() == 0:
                        return min(b, int(end))
                    end = tok.idx + m.start()
        return b

    def _back_reference(self, a: int, tag_start: int) -> tuple[int, int] | None:
        """'Об этом сообщило агентство ТАСС': the tag points back at the sentence before."""
        before = self.text[a:tag_start].strip(" ,—").lower()
        for r in self.cues.back_references:  # "Claim, об этом заявил X": the words before, in this sentence
            m = re.search(r"[,;—–]\s*" + re.escape(r) + r"$", before)
            if m is not None and len(WORD.findall(before[:m.start()])) >= 3:
                return a, self._trim_end(a, a + len(self.text[a:tag_start]) - len(self.text[a:tag_start].lstrip(" ,—"))
                                         + m.start())
        # "Об этом сообщил X", "Об этом во вторник, 2 июля, сообщили в пресс-службе"
        if not before or not any(
                before == r or before.startswith(r + " ") or before.startswith(r + ",") for r in self.cues.back_references):
            return None
        if re.match(r"\w+(?:\s+\w+)?\s*,\s*(?:" + "|".join(map(re.escape, self.cues.complementizers or {"\x00"})) + r")(?!\w)",
                    before):
            return None  # "О том, что …, сообщил X": the clause is here, put first
        return self.previous or (0, 0)  # (0, 0): refers back to nothing, no claim

    def _dash_speaker(self, a: int, b: int) -> _Found | None:
        """A headline 'claim — Speaker' ("Пенсии проиндексируют в январе — Иванов"): a
        name of one to three capitalized words after the last dash. Headlines only: in running text
        "Главный виновник — Иванов" says who, not who spoke."""
        m = re.match(r"(.*\S)\s+[—–-]\s+([^—–\-\s][^—–]*?)[\s.]*(?:\d{1,2}:\d{2})?\s*$", self.text[a:b])
        if m is None or len(WORD.findall(m.group(1))) < 3:
            return None
        words = WORD.findall(m.group(2))
        if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
            return None
        hs, he = a + m.start(2), a + m.end(2)
        named = any(hs <= e.start_char and e.end_char <= he for e in self.doc.ents if e.label_ in ("PERSON", "ORG")) \
            or self._lookup(m.group(2)) is not None or (self.parsed and all(t.pos_ == "PROPN" for t in self._tokens(hs, he)))
        if not named:
            return None
        return _Found(a, self._trim_end(a, a + m.end(1)), "—", a + m.end(1), (hs, he))

    def _colon(self, a: int, b: int) -> _Found | None:
        """'Лавров: Запад не хочет…': a short name, a colon, a claim (headlines, transcripts)."""
        m = re.match(r"\s*([^:\n]{2,60}?)\s*:\s+(?=\S)", self.text[a:b])
        if m is None:
            return None
        head = m.group(1)
        words = WORD.findall(head)
        if words and words[0].lower() in self.cues.not_speakers:
            return None  # "Фото: …", "Читайте также: …": credits and links, no one speaks
        if not 1 <= len(words) <= 4 or re.search(r"\d", head) or len(WORD.findall(self.text[a + m.end():b])) < 3:
            return None
        if re.search(r"[|#]", head) or {w.lower() for w in words} & KICKERS:
            return None  # "Russia Ukraine War: …", "#WATCH | Moscow, Russia: …": a headline's topic label, no one speaks
        hs, he = a + m.start(1), a + m.end(1)
        named = any(hs <= e.start_char and e.end_char <= he for e in self.doc.ents if e.label_ in ("PERSON", "ORG"))
        cased = any(c.isupper() for c in head) or not any(c.islower() for c in head)
        known = self._lookup(head) is not None or any(w.lower() in self.cues.roles for w in words)
        capitalized = all(w[:1].isupper() for w in words) and len(words) <= 3  # "Лавров", "Мария Захарова"
        if not (named or known or (cased and capitalized)):
            return None
        start = a + m.end()
        quote = next((q for q in self.quotes if start - 1 <= q[0] <= start + 2), None)
        end = quote[1] if quote is not None else self._trim_end(start, b)
        return _Found(quote[0] if quote else start, end, ":", a + m.end(1), (hs, he), quote is not None)

    # -- speakers and claims ---------------------------------------------------------------
    def _subject(self, tok: Any) -> tuple[int, int] | None:
        """The subject of a reporting verb in the parse, as the contiguous words around its head."""
        # the subject within the verb's own clause (fewest commas between), then the nearest: a parse
        # may hang another clause's subject here too ("…, что завод закрылся …, об этом заявил губернатор")
        def distance(c: Any) -> tuple[int, int]:
            lo, hi = sorted((c.i, tok.i))
            return sum(t.text == "," for t in tok.doc[lo:hi]), hi - lo
        subj = min((c for c in tok.children if c.dep_ == "nsubj" and (self._said(c.idx) == self._said(tok.idx))),
                   key=distance, default=None)
        if subj is None and tok.dep_ == "conj" and tok.head.pos_ == "VERB" and tok.head.i < tok.i:
            return self._subject(tok.head)  # "Лавров заявил …, и добавил, что …": the same speaker
        if subj is None and tok.dep_ == "advcl" and "VerbForm=Conv" in str(tok.morph) and tok.head.pos_ == "VERB":
            return self._subject(tok.head)  # "Мэр поблагодарил …, добавив, что …": the gerund's doer
        if subj is None:
            return None
        if subj.pos_ == "PRON" and tok.dep_ == "acl:relcl" and subj.text.lower() not in self.cues.pronouns:
            subj = tok.head  # "певица, которая заявила": the noun the relative clause hangs on
        keep = [subj]
        for c in subj.children:
            if c.dep_ not in SUBJECT_DROP:
                keep.extend(c.subtree)
        idx = sorted({t.i for t in keep if not t.is_space})
        # contiguous around the head, never across a comma or a quote
        lo = hi = subj.i
        while lo - 1 in idx and (tok.doc[lo - 1].text not in QUOTE_MARKS or self._name_mark(tok.doc[lo - 1].idx)):
            lo -= 1
        while hi + 1 in idx and tok.doc[hi + 1].text not in (",", "—") and (
                tok.doc[hi + 1].text not in QUOTE_MARKS or self._name_mark(tok.doc[hi + 1].idx)):
            hi += 1
        start, end = tok.doc[lo].idx, tok.doc[hi].idx + len(tok.doc[hi].text)
        if len(WORD.findall(self.text[start:end])) > MAX_SPEAKER_WORDS:
            return subj.idx, subj.idx + len(subj.text)
        return start, end

    def _place_of_speech(self, tok: Any, documents_only: bool = False) -> tuple[int, int] | None:
        """A verb without a subject whose source stands in a place phrase: "сообщили в пресс-службе
        ведомства", "говорится в заявлении МИД" (the statement and who made it). ``documents_only``:
        the place must be a statement, a body or an outlet ("сказано в статье", not "в области")."""
        for c in tok.children:
            if c.dep_ in ("obl", "nmod") and any(g.dep_ == "case" and g.text.lower() in self.cues.places_of_speech
                                                 for g in c.children):
                words = [t for t in c.subtree if not t.is_space and not (t.dep_ == "case" and t.head == c)]
                words = [t for t in words if t.i >= c.i or t.head == c]
                for k in range(1, len(words)):  # contiguous: a parse that hangs later words here is wrong
                    if words[k].i != words[k - 1].i + 1 or words[k].text in QUOTE_MARKS | {",", "—"}:
                        words = words[:k]
                        break
                if words:
                    s, e = words[0].idx, words[-1].idx + len(words[-1].text)
                    # "в офисе заявили", "в ведомстве сообщили": a plural verb with no subject says the
                    # people of the place spoke (a sentence of indefinite person), whatever the place is
                    indefinite = "Number=Plur" in str(tok.morph) and c.pos_ in ("NOUN", "PROPN") and c.i < tok.i + 3 \
                        and c.lemma_.lower() not in self.cues.not_places and c.text.lower() not in self.months
                    if documents_only:
                        c_words = {t.text.lower() for t in words} | {t.lemma_.lower() for t in words}
                        if not c_words & (self.cues.anonymous | self.cues.bodies | self.cues.roles) and \
                                self._lookup(self.text[s:e]) is None:
                            continue
                    if (indefinite or self._speaker_check(s, e) is not None) and len(words) <= MAX_SPEAKER_WORDS:
                        return s, e
        return None

    def _speaker_by_words(self, a: int, b: int, cs: int, ce: int) -> tuple[int, int] | None:
        c = self.cues
        if c.agent_marker:  # "मंत्री ने कहा": the speaker stands before the agent marker
            # up to six words before the marker ("विदेश मंत्रालय के प्रवक्ता लिन जियान ने"), those after the
            # last word that never stands in a name ("इस दौरान कमला हैरिस ने": कमला हैरिस) and never a
            # postposition first ("के प्रवक्ता …" is a role cut off from its body)
            m = re.search(r"(\S+(?:\s+\S+){0,5})\s+" + re.escape(c.agent_marker) + r"\s+(?:\S+\s+){0,6}$", self.text[a:cs])
            if m:
                ws_start, ws_end = a + m.start(1), a + m.end(1)
                stops = list(STOPS.finditer(self.text, ws_start, ws_end))  # "शुरुआत करते हुए, रूस ने": after the comma
                if stops:
                    ws_start = stops[-1].end()
                ws = self._past_breaks([(w.start(), w.end(), w.group(0)) for w in WORD.finditer(self.text, ws_start, ws_end)])
                while ws and ws[0][2].lower() in c.stop:
                    ws = ws[1:]
                if ws:
                    return ws[0][0], ws[-1][1]
                return None
        order = (self._words_after, self._words_before) if c.verb_first else (self._words_before, self._words_after)
        first = order[0](ce, b) if c.verb_first else order[0](a, cs)
        if first is not None:
            return first
        return order[1](a, cs) if c.verb_first else order[1](ce, b)

    def _words_before(self, a: int, cs: int) -> tuple[int, int] | None:
        """The speaker right before a cue: back to a comma, a quote or the sentence start, over a
        relative clause of the speaker ("журнал «Вестник», который выходит …, отмечает")."""
        chunk = self.text[a:cs]
        rel = re.search(r",\s*(\w+)[^,]*,\s*$", chunk)
        if rel is not None and rel.group(1).lower() in self.cues.relatives:
            chunk = chunk[:rel.start()]
            cs = a + len(chunk)
        stops = list(STOPS.finditer(chunk))
        start = a + (stops[-1].end() if stops else 0)
        words = [(start + m.start(), start + m.end(), m.group(0)) for m in WORD.finditer(self.text[start:cs])]
        words = [w for w in words if w[2].lower() not in self.cues.complementizers]
        while words and words[0][2].lower() in self.cues.stop:
            words = words[1:]
        while words and words[-1][2].lower() in self.cues.stop:
            words = words[:-1]  # "в публикации също се казва": not "също"
        if not words or len(words) > MAX_SPEAKER_WORDS:
            return None
        words = self._past_breaks(words)
        while words and words[0][2].lower() in self.cues.stop:
            words = words[1:]  # "… तक की मिली जानकारी के मुताबिक": not "की"
        if not words or self._quoted(words[0][0]):
            return None
        return self._speaker_check(words[0][0], words[-1][1])

    def _past_breaks(self, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The words of a speaker before a cue, in a pack read without a parse: those after the last
        word that never stands in a name ("въпреки че Киев", "която д-р Зитис": Киев, д-р Зитис;
        "Затова … не може да се" leaves none), and a pronoun alone where it ends them ("В интервю за
        Bulgaria ON AIR той добави": he, not the outlet the interview was for)."""
        if self.parsed or not words:
            return words
        if len(words) > 1 and words[0][2].lower() in self.cues.pronouns:
            return words[:1]  # "उन्होंने स्थानीय मीडिया से कहा": he, not the media he spoke to
        while words and words[-1][2].lower() in self.cues.auxiliaries:
            words = words[:-1]  # "Петреъс е заявил": the auxiliary of the cue
        if words and words[-1][2].lower() in self.cues.speaker_breaks:
            return []  # "बाइडेन पर हमला बोलते हुए कहा", "… и добави": the subject is left out, not these words
        last = max((k for k, w in enumerate(words) if w[2].lower() in self.cues.speaker_breaks), default=-1)
        words = words[last + 1:]
        if len(words) > 1 and words[-1][2].lower() in self.cues.pronouns:
            words = words[-1:]
        if len(words) > 1 and words[0][2].lower() in self.cues.pronouns:
            words = words[:1]  # "साथ ही उन्होंने जोर देकर कहा": he, past the break, not "जोर देकर"
        return words

    def _words_after(self, ce: int, b: int, strict: bool = True) -> tuple[int, int] | None:
        """The speaker right after a cue: up to a comma, a quote, the clause said, or the end."""
        lead = len(self.text[ce:b]) - len(self.text[ce:b].lstrip())
        site = SITE_ADDRESS.match(self.text, ce + lead, b)  # "Как сообщили lenta.ru, …": its dot ends nothing
        if site is not None:
            return site.start(), site.end()
        words: list[tuple[int, int]] = []
        genitive_at: int | None = None  # where the words went on past a genitive ("o chefe do Governo")
        comma_at: int | None = None
        for m in WORD.finditer(self.text[ce:b]):
            s, e = ce + m.start(), ce + m.end()
            gap = STOPS.search(self.text[words[-1][1] if words else ce:s])
            if gap or self._quoted(s):
                comma_at = (words[-1][1] if words else ce) + gap.start() if gap and gap.group(0) == "," else None
                break
            w = m.group(0).lower()
            if w in self.cues.complementizers or any(w == x + y for x in self.cues.clitics for y in self.cues.complementizers):
                break
            if words and w in self.cues.genitives and not self.parsed:
                genitive_at = len(words) if genitive_at is None else genitive_at  # "o porta-voz do Kremlin"
            elif words and (w in self.cues.stop or (w in self.cues.speaker_breaks and not self.parsed)):
                break  # "محافظ المدينة في بيان": the speaker ends before "in a statement"
            words.append((s, e))
            if len(words) > MAX_SPEAKER_WORDS:
                if genitive_at is None:
                    return None
                words, comma_at = words[:genitive_at], None  # a role too long to be one: up to its genitive
                break
        while words and self.text[words[-1][0]:words[-1][1]].lower() in self.cues.genitives and not self.parsed:
            words = words[:-1]
        if words and comma_at is not None and not self.parsed:
            named, rw = self._apposed_name(comma_at, b), RoleWords.of(self.pack)
            if named is not None and hits(with_parts({self.text[x:y].lower() for x, y in words}),
                                          rw.official | rw.qualified | rw.non_state):
                words.append(named)  # "disse o chefe da diplomacia da UE, Josep Borrell": the role and its name
        while words and self.text[words[0][0]:words[0][1]].lower() in self.cues.stop | (
                frozenset() if self.parsed else self.cues.speaker_breaks):
            words = words[1:]  # "уточнили в прокуратуре": the source is the prosecutor's office, not "в";
            # "каза още Запрянов": Запрянов, not "още"
        if not words:
            return None
        if not strict:  # what "по данным" names is the source, whatever it is
            return words[0][0], words[-1][1]
        return self._speaker_check(words[0][0], words[-1][1])

    def _apposed_name(self, comma: int, b: int) -> tuple[int, int] | None:
        """A name set off after a role by a comma, up to the next punctuation ("…, Josep Borrell."):
        one to four capitalised words, with the short lowercase particles of names between them."""
        m = re.match(r",\s*([^,.;:!?()\[\]«»„“”\"—–]{2,60}?)\s*(?:[,.;:!?()—–]|$)", self.text[comma:b])
        if m is None:
            return None
        ws = WORD.findall(m.group(1))
        caps = [w for w in ws if w[:1].isupper()]
        if not 1 <= len(caps) <= 4 or not ws[0][:1].isupper() or not ws[-1][:1].isupper() or \
                any(not w[:1].isupper() and len(w) > 3 for w in ws):
            return None
        return comma + m.start(1), comma + m.end(1)

    def _speaker_check(self, s: int, e: int) -> tuple[int, int] | None:
        """Words that can name a source: a name (entity, capital letter), a role, an outlet, a pronoun."""
        span = self.text[s:e]
        words = [w.lower() for w in WORD.findall(span)]
        if not words or words[0] in self.cues.not_speakers:
            return None
        if any(x.start_char < e and s < x.end_char for x in self.doc.ents):
            return s, e
        if words[-1] in self.cues.pronouns or words[0] in self.cues.pronouns:
            toks = self._tokens(s, e) if self.parsed else []
            if len(toks) == 1 and "Case=" in str(toks[0].morph) and "Case=Nom" not in str(toks[0].morph):
                return None  # "Его заверяли, что …": him, not he
            return s, e
        rw = RoleWords.of(self.pack)
        if (set(words) | self._lemmas(s, e)) & (self.cues.roles | self.cues.anonymous | self.cues.bodies | rw.official |
                                                rw.qualified | rw.non_state) or self._lookup(span) is not None:
            return s, e
        if self.parsed and any(t.pos_ == "NOUN" and "Animacy=Anim" in str(t.morph) for t in self._tokens(s, e)):
            return s, e  # people named by what they are: "сенаторы", "лидер партии", "жители"
        if self.parsed and any(t.pos_ == "PROPN" for t in self._tokens(s, e)):
            return s, e  # a name the entity tagger missed
        if NORMALS in self.doc.user_data:
            return None  # the parser tags entities and found no name here: not a speaker
        if any(w[:1].isupper() for w in WORD.findall(span)) or not any(ch.islower() or ch.isupper() for ch in span):
            return s, e  # capitalized words, or a script without case (Arabic, Persian, Hindi)
        return None

    def _adjacent_quote(self, ts: int, te: int, a: int, b: int) -> tuple[int, int] | None:
        """A quote beside the tag: '«…», — заявил X', 'X заявил: «…»'."""
        opening = {o for o, _ in self.pack.quote_pairs}
        closing = {c for _, c in self.pack.quote_pairs}
        dash = re.search(r"(\S)\s*[,.!?]?\s*[—–-]\s*$", self.text[a:ts])
        if dash and self.text[a] in opening and dash.group(1) in closing and a + dash.start(1) - a > 10:
            qs, qe = a + 1, a + dash.start(1)  # '"…", — отметил X' when the marks did not pair up
            while qs < qe and self.text[qs] in opening:  # '""…""' out of a CSV field
                qs += 1
            while qe > qs and self.text[qe - 1] in closing:
                qe -= 1
            return qs, qe
        for q in self.quotes:
            gap = self.text[q[1]:ts] if 0 <= ts - q[1] <= 2 * QUOTE_GAP else None  # '»,', '"" , –'
            if gap is not None and (len(gap) <= QUOTE_GAP + 1 or re.fullmatch(r"[\"»“”]*\s*[,.!?…]?\s*[—–-]?\s*", gap)) \
                    and (q[1] >= a or re.search(r"[,—–-]", gap)) \
                    and (q[0] >= a - 1 or "\n" not in self.text[q[0]:a] or "\n" in self.text[q[0]:q[1]]) and \
                    not WORD.search(self.text, a, max(a, q[0] - 1)):
                # the quote opens the sentence: not "Цены растут «как на дрожжах»: экономист оценил …"
                return q  # a quote of several sentences ends at this tag: all of it
            sep = re.sub(r"[\s«„“\"]", "", self.text[te:q[0]])
            if 0 <= q[0] - te <= QUOTE_GAP and q[1] <= b + 1 and (sep in (":", ",") or (
                    sep == "" and len(WORD.findall(self.text[q[0]:q[1]])) >= 3)):  # not a name: РИА «Новости»
                return q
        return None

    def _openers_only(self, a: int, tag_start: int) -> bool:
        """Only introductory words stand before the tag ("Кроме того,", "Между тем,", "При этом,"):
        they open the sentence, they are not a claim set off by a comma."""
        rest = self.text[a:tag_start].lower()
        for phrase in sorted(self.cues.openers, key=len, reverse=True):
            rest = re.sub(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", " ", rest)
        return bool(self.cues.openers) and not WORD.search(rest) and WORD.search(self.text, a, tag_start) is not None

    def _topic_only(self, tok: Any, i: int, b: int) -> bool:
        """'Мэр рассказал о ремонте дорог': what follows a verb of talking says what was spoken
        about, not what was said (a preposition of topic and no clause after it); "заявил о
        готовности" declares it."""
        first = WORD.match(self.text, i, b)
        if tok is None or tok.lemma_.lower() not in self.cues.topic_verbs or first is None or \
                first.group(0).lower() not in self.cues.topic_prepositions:
            return False
        said = r"[:«„\"]|(?<!\w)(?:" + "|".join(map(re.escape, self.cues.complementizers or {"\x00"})) + r")(?!\w)"
        return not re.search(said, self.text[i:b])

    def _inside_other_tag(self, a: int, tag_start: int) -> bool:
        """The words before a tag are no claim when they are another tag: "Ранее стало известно,
        что завод закрыли …" (they end with "что"), "По словам мэра, город выступает …"."""
        before = self.text[a:tag_start].strip(" ,—–").lower()
        last = WORD.findall(before)[-1:] if before else []
        if last and last[0] in self.cues.complementizers:
            return True
        return any(before.startswith(p) and len(WORD.findall(before)) <= len(p.split()) + MAX_SPEAKER_WORDS // 2
                   for p in self.cues.according)

    def _past_apposition(self, i: int, b: int) -> int:
        """Past words that only name or describe the speaker up to a comma (no verb, a name or a role
        among them), when a claim follows the comma."""
        m = re.match(r"[^,]{1,120},\s*", self.text[i:b])
        if m is None or not self.parsed:
            return i
        toks = self._tokens(i, i + m.end() - 1)
        named = any(i <= e.start_char and e.end_char <= i + m.end() for e in self.doc.ents) or \
            {t.lemma_.lower() for t in toks} & (self.cues.roles | RoleWords.of(self.pack).non_state)
        if named and toks and len(toks) <= MAX_SPEAKER_WORDS + 2 and not any(t.pos_ in ("VERB", "AUX") for t in toks):
            return i + m.end()
        return i

    def _opens_clause(self, i: int, b: int) -> bool:
        m = WORD.search(self.text, i, b)
        if m is None or self.text[i:m.start()].strip(" ,") not in ("", ":", "—"):
            return False
        w = m.group(0).lower()
        return w in self.cues.complementizers or any(w == x + y for x in self.cues.clitics for y in self.cues.complementizers)

    def _skip_to_claim(self, i: int, b: int) -> int:
        """Past the punctuation and the complementizer that open what was said."""
        while True:
            m = re.match(r"[\s,:—–-]+", self.text[i:b])
            if m:
                i += m.end()
            w = WORD.match(self.text, i, b)
            if w and (w.group(0).lower() in self.cues.complementizers or any(
                    w.group(0).lower() == x + y for x in self.cues.clitics for y in self.cues.complementizers)):
                i = w.end()
                continue
            return i

    def _trim_end(self, s: int, e: int) -> int:
        if self.headline:  # "… в регионе 19:50": the time a headline carries is not what was said
            m = re.search(r"\s+\d{1,2}:\d{2}\s*$", self.text[s:e])
            e = s + m.start() if m else e
        while e > s and (self.text[e - 1].isspace() or self.text[e - 1] in ",.;:—–-"):
            e -= 1
        return e

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
        dates = f.dates(a, b)
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
            when = (f.dates(*previous) if back and previous else []) + dates
            out.append({"claim": claim, "start": x.start, "end": x.end, "cue": x.cue, "cue_start": x.cue_start,
                        "sources": chain, "hedges": [], "sourcing": "unnamed sources" if src["kind"] == "anonymous"
                        else "named", "quote": x.quote, "nested": False, **({"dates": when} if when else {})})
        inner = re.search(r"\w.*\w", doc.text[a:b])  # the sentence without its dashes and marks
        if not found and not (inner and any(s <= a + inner.start() and a + inner.end() <= e for s, e in covered)):
            stripped = doc.text[a:b]
            # six words, numbers among them, as the English finder counts ("Приговор был озвучен 29
            # ноября 2023 года." states a date; counting letters-only words it fell short)
            if len(NUMBERED.findall(stripped)) >= 6 and stripped[-1:] not in ("?", ":", "؟"):
                out.append({"claim": stripped, "start": a, "end": b, "cue": None, "sources": [], "hedges": [],
                            "sourcing": "unattributed", "quote": False, **({"dates": dates} if dates else {})})
    return out


__all__ = ["Cues", "find_attributions_multilingual", "quote_spans"]
