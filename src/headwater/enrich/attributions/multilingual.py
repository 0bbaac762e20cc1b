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
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.multilingual_according import AccordingReader, Tag
from headwater.enrich.attributions.multilingual_caseless import placeish
from headwater.enrich.attributions.multilingual_chains import QUOTE_MARKS
from headwater.enrich.attributions.multilingual_cues import MAX_SPEAKER_WORDS, Cues, is_verb
from headwater.enrich.attributions.multilingual_name_first import name_first, name_in_lead
from headwater.enrich.attributions.multilingual_speakers import QUOTE_GAP
from headwater.enrich.attributions.multilingual_told import with_told
from headwater.enrich.attributions.quote_marks import quote_spans
from headwater.enrich.attributions.role_types import RoleWords, hits, with_parts
from headwater.enrich.attributions.sources import SourceRegistry
from headwater.lang import LanguagePack
from headwater.lang.marks import MARKS, WORD
from headwater.lang.parsers import SENTENCES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from headwater.model import Article

# A word or a number ("29", "56,2"): what the six words of an own-voice claim are counted in.
NUMBERED = re.compile(r"[^\W_][\w'’\-" + MARKS + r"]*(?:[.,]\d+)*")
# Topic labels that open headlines before a colon ("Russia Ukraine War: …", "Ukraine Crisis: …",
# "LIVE: …"), written in English in news of many languages: no speaker.
KICKERS = frozenset(("war", "crisis", "conflict", "live", "update", "updates", "news", "watch", "breaking",
                     "explained", "exclusive", "analysis", "opinion", "video", "photos", "relations", "invasion"))


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




class _Finder(AccordingReader):
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
                    start = self._skip_to_claim(ce, b) if m.start() <= 3 else a
                    end = self._trim_end(start, b) if m.start() <= 3 else self._trim_end(a, cs)
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
                    f = Tag(start, self._trim_end(start, b), f.cue, f.cue_start, f.speaker) if not f.quote else f
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
                    f.end = self._trim_end(f.start, tag)
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
        first_end = self._trim_end(q[0], max(a, q[0]) + lead.start())
        rest = ce + tail.end()
        out = [Tag(q[0], first_end, tok.text, cs, sp, True)]
        if len(WORD.findall(self.text[rest:q[1]])) >= 3:
            out.append(Tag(rest, self._trim_end(rest, q[1]), tok.text, cs, sp, True))
        return out

    def _verb(self, a: int, b: int, cs: int, ce: int, tok: Any, light: bool = False) -> Tag | None:
        """A reporting verb's tag (``_verb_tag``) with the rest of its chain from the parse: the outlet
        it was told to (``via``) and the source it cites (``cited``)."""
        f = self._verb_tag(a, b, cs, ce, tok, light)
        if f is not None and not self.parsed:  # "a déclaré à l'AFP", "заяви пред БТА": the outlet told
            f = with_told(self, f, a, b, cs, ce)
        if f is not None and not self.parsed and f.speaker[0] >= ce:
            # without a parse, a citing phrase right after a speaker who follows the verb: "وأضافت الوكالة نقلا
            # عن مصادر محلية أن …" (the agency added, citing local sources, that …): the cited source, and
            # the claim after it
            cited = self._citing_in(f.speaker[1], b, b, at_start=True)
            if cited is not None:
                f.cited_at, f.cited = cited
                if f.start < cited[1][1]:
                    f.start = self._skip_to_claim(cited[1][1], b)
            return f
        if f is None or tok is None or not self.parsed:
            return f
        told = self._addressee(tok)
        if told is None:  # "рассказал в интервью РИА Новости": the outlet of the interview, in the pack's words
            f = with_told(self, f, a, b, cs, ce)
        else:
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

    def _verb_tag(self, a: int, b: int, cs: int, ce: int, tok: Any, light: bool = False) -> Tag | None:
        """A reporting verb's speaker and what it reports. ``light``: a verb that reports only through
        its object ("сделал заявление", "приводит его слова"), so what it reports is a quote beside
        it, what follows its colon, the sentence before ("Такое заявление сделал …"), or the words
        before a tag set off by a comma ("…, приводит его слова РИА Новости")."""
        cue = self.text[cs:ce]
        sp: tuple[int, int] | None = None
        if tok is None and self.cues.verb_last:
            return self._verb_last(a, b, cs, ce)
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
            return Tag(quote[0], quote[1], cue, cs, sp, True)
        tag_start, tag_end = min(cs, sp[0]), max(ce, sp[1])
        while not self.parsed and (aux := re.search(r"(?<!\w)(\w+)\s+$", self.text[a:tag_start])) and \
                aux.group(1).lower() in self.cues.auxiliaries:
            tag_start = a + aux.start(1)  # "…, a déclaré le ministre": the auxiliary opens the tag
        if tok is not None and tok.lemma_.lower() in self.cues.clause_only:
            # "Опрос показал, что …" reports; "показал фильм", "установили памятник" do not
            said = self._clause_after(tok, tag_end, b)
            return None if said is None else Tag(said, self._trim_end(said, self._clause_end(tok, b)), cue, cs, sp)
        if tok is not None and not light and self._not_reporting(tok):
            # "Министр поддержал проект бюджета": what the verb takes is the claim, as in English
            # ("criticized the grant"); never the words before it ("Несмотря на …, он признаёт ошибку")
            obj = next((c for c in tok.children if c.dep_ in ("obj", "xcomp")), None)
            taken = [t.idx for t in obj.subtree if t.i > tok.i] if obj is not None and obj.i > tok.i else []
            if not taken or tag_end > min(taken) or self._speaker_check(*sp) is None:
                return None  # nor "Этот план требует денег": a stand needs someone to take it
            return Tag(min(taken), self._trim_end(min(taken), b), cue, cs, sp)
        if light:
            back = self._back_reference(a, tag_start) or self._statement_back(tok, a, tag_start)
            if back is not None:
                return Tag(back[0], back[1], cue, cs, sp)
            said = next((c for c in tok.children if c.dep_ in ("obj", "obl") and c.i > tok.i and
                         c.lemma_.lower() in self.cues.statement_nouns), None)
            past = max(tag_end, said.idx + len(said.text)) if said is not None else tag_end
            if self.text[past:b].lstrip().startswith(":"):  # "опубликовали заявление: «…»"
                after = self._skip_to_claim(past, b)
                quote = next((q for q in self.quotes if after - 1 <= q[0] <= after + 2), None)
                if quote is None and self.text[after:after + 1] in {o for o, _ in self.pack.quote_pairs}:
                    after = self._skip_to_claim(after + 1, b)  # a quote never closed: its words
                if quote is not None:
                    return Tag(quote[0], quote[1], cue, cs, sp, True)
                return Tag(after, self._trim_end(after, b), cue, cs, sp)
            if re.search(r"[,—–]\s*$", self.text[a:tag_start]) and not self._inside_other_tag(a, tag_start):
                return Tag(a, self._trim_end(a, tag_start), cue, cs, sp)
            return None
        said = self._clause_after(tok, tag_end, b)
        if said is not None:
            return Tag(said, self._trim_end(said, self._clause_end(tok, b)), cue, cs, sp)
        after = self._skip_to_claim(tag_end, b)
        if tag_start - a <= 3 or self._opens_clause(tag_end, b):
            if self._topic_only(tok, after, b):
                return None
            return Tag(after, self._trim_end(after, b), cue, cs, sp)
        back = self._back_reference(a, tag_start)
        if back is not None:
            return Tag(back[0], back[1], cue, cs, sp)
        fronted = re.match(r"\s*(?:о том|то|об этом)\s*,\s*(?:" + "|".join(map(re.escape, self.cues.complementizers or {"\x00"}))
                           + r")\s+(.+?)[\s,—–]*$", self.text[a:tag_start], re.I)
        if fronted is not None and len(WORD.findall(fronted.group(1))) >= 3:
            # "О том, что цены вырастут, считает большинство опрошенных": the clause put first
            return Tag(a + fronted.start(1), a + fronted.end(1), cue, cs, sp)
        if (len(WORD.findall(self.text[a:tag_start])) <= 2 and not re.search(r"[,—–»\"]\s*$", self.text[a:tag_start])) \
                or self._openers_only(a, tag_start):
            # only "Как", "Ранее", "Между тем" stand before the tag: what follows it is the claim,
            # past an apposition of the speaker ("Как считает экономист, профессор … Иванов, …")
            after = self._past_apposition(after, b)
            if len(WORD.findall(self.text[after:b])) >= 3 and not self._topic_only(tok, after, b):
                return Tag(after, self._trim_end(after, b), cue, cs, sp)
        next_word = WORD.search(self.text, tag_end, b)
        if self.text[a:tag_start].rstrip().endswith(",") and self.text[tag_end:b].lstrip().startswith(",") and \
                len(WORD.findall(self.text[tag_end:b])) >= 3 and not (
                    next_word is not None and is_verb(self.cues, next_word.group(0), None)):
            # (not "…, disse o chefe do Governo, acrescentando que …": a second tag follows, no claim runs on)
            return Tag(a, self._trim_end(a, b), cue, cs, sp)  # "Переговоры, отметил он, могут начаться …": all of it
        if self._inside_other_tag(a, tag_start) or not re.search(r"(?:[,—–:»\"“]|\s-)\s*$", self.text[a:tag_start]):
            return None  # no claim: words before a tag are one only when a comma or a dash sets them off
        return Tag(a, self._trim_end(a, tag_start), cue, cs, sp)

    def _verb_last(self, a: int, b: int, cs: int, ce: int) -> Tag | None:
        """A pack whose verbs close the sentence, read without a parse (Turkish): the speaker opens the
        sentence up to a comma ("Bakan, …"), what was said stands between, past a phrase that says where it
        was said ("… yaptığı açıklamada"), or is the quote right before the verb ('Erdoğan, "…" dedi.').
        None when the verb does not close its sentence or nothing before a comma can name a speaker."""
        if self.text[ce:b].strip(" .!?…\"»”'’)"):
            return None  # words follow the verb: no tag of this shape
        m = re.match(r"\s*([^,.;:!?«»\"“”]{1,80}?)\s*,\s*", self.text[a:cs])
        sp: tuple[int, int] | None
        named = name_in_lead(self, a, a + m.end(1), cs) if m is not None else None
        if m is None or len(WORD.findall(m.group(1))) > MAX_SPEAKER_WORDS:
            # no comma: "Cumhurbaşkanı Erdoğan … açıkladı.", "Erdoğan … söyledi."
            lead = self._role_and_name_first(a, cs) or name_first(self, a, cs)
            if lead is None:
                return None
            sp, start = lead, lead[1]
        elif named is not None:  # "Erdoğan Rusya ile yapılan görüşmelerde, …": the name, not all before the comma
            sp, start = named, named[1]
        else:
            sp, start = self._speaker_check(a + m.start(1), a + m.end(1)), a + m.end()
        if sp is None:
            return None
        cue = self.text[cs:ce]
        quote = next((q for q in self.quotes if start <= q[0] and 0 <= cs - q[1] <= QUOTE_GAP), None)
        if quote is not None:
            return Tag(quote[0], quote[1], cue, cs, sp, True)
        low = self.text[start:cs].lower()
        for frame in self.cues.statement_frames:
            at = low.rfind(frame)
            if at >= 0 and not WORD.match(low, at + len(frame)):  # a whole word
                start = self._skip_to_claim(start + at + len(frame), cs)
                break
        end = self._trim_end(start, cs)
        if len(WORD.findall(self.text[start:end])) < 2:
            return None
        return Tag(start, end, cue, cs, sp)

    def _role_and_name_first(self, a: int, cs: int) -> tuple[int, int] | None:
        """A verb-last sentence with no comma after its speaker: the role words that open it and the name that
        follows them ("Cumhurbaşkanı Erdoğan", "Dışişleri Bakanı Hakan Fidan"), up to the first word that is
        neither a role word nor a capitalised word of a person's name (a country or a place opens what was
        said: "… Erdoğan Rusya ile …"). None unless a role word opens the sentence and a name follows it."""
        rw = RoleWords.of(self.pack)
        roles = self.cues.roles | rw.official | rw.qualified | rw.non_state | rw.state_bodies
        words = list(WORD.finditer(self.text, a, cs))
        k = 0
        while k < len(words) and hits(with_parts({words[k].group(0).lower()}), roles):
            k += 1
        j = k
        while j < len(words) and j - k < 3 and words[j].group(0)[:1].isupper() and \
                not placeish(self, words[j].group(0)) and not hits(with_parts({words[j].group(0).lower()}), roles):
            j += 1
        if k == 0 or j == k or j >= len(words) - 1:
            return None
        return words[0].start(), words[j - 1].end()

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

    def _dash_speaker(self, a: int, b: int) -> Tag | None:
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
        return Tag(a, self._trim_end(a, a + m.end(1)), "—", a + m.end(1), (hs, he))

    def _colon(self, a: int, b: int) -> Tag | None:
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
        return Tag(quote[0] if quote else start, end, ":", a + m.end(1), (hs, he), quote is not None)

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
