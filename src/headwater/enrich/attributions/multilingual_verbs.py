"""What a reporting verb says in a language other than English: its speaker (the subject in the parse, or
the words beside the verb), what it reports (the clause it introduces, a quote beside it, the sentence before
for "Такое заявление сделал …"), and the rest of its chain (the outlet told, the source cited). Verbs that
take an object and no clause report nothing ("поддержал проект"), nor negated ones ("не уточнил"). A base of
the multilingual finder (``multilingual``); verb-last packs without a parse read through ``multilingual_verb_last``."""
from __future__ import annotations

import re
from typing import Any

from headwater.enrich.attributions.multilingual_according import AccordingReader, Tag
from headwater.enrich.attributions.multilingual_asides import told_tail
from headwater.enrich.attributions.multilingual_chains import QUOTE_MARKS
from headwater.enrich.attributions.multilingual_claim_bounds import (
    adjacent_quote,
    inside_other_tag,
    openers_only,
    opens_clause,
    past_apposition,
    skip_to_claim,
    topic_only,
    trim_end,
)
from headwater.enrich.attributions.multilingual_cues import MAX_SPEAKER_WORDS, is_verb, word_forms
from headwater.enrich.attributions.multilingual_told import with_told
from headwater.enrich.attributions.multilingual_verb_last import verb_last
from headwater.lang.marks import WORD


class VerbReader(AccordingReader):
    """Sources named as the speaker of a reporting verb, and what the verb reports."""

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
                    f.start = skip_to_claim(self, cited[1][1], b)
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
            return verb_last(self, a, b, cs, ce)
        if tok is not None and self._negated(tok):
            return None
        if tok is not None and "Voice=Pass" in str(tok.morph):
            # "сказано в статье": a passive cue speaks through its place phrase only; its subject is
            # what was announced ("в области объявлена тревога"), not who announced it
            sp = self._place_of_speech(tok, documents_only=True)
        elif tok is not None:
            sp = (self._statement_owner(tok) if light else None) or self._subject(tok) or self._place_of_speech(tok)
            said_by = self.tokens(*sp) if sp is not None else []
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
        quote = adjacent_quote(self, min(cs, sp[0]), max(ce, sp[1]), a, b)
        if quote is not None:
            return Tag(quote[0], quote[1], cue, cs, sp, True)
        tag_start, tag_end = min(cs, sp[0]), max(ce, sp[1])
        while not self.parsed and (aux := re.search(r"(?<!\w)(\w+)\s+$", self.text[a:tag_start])) and \
                aux.group(1).lower() in self.cues.auxiliaries:
            tag_start = a + aux.start(1)  # "…, a déclaré le ministre": the auxiliary opens the tag
        if tok is not None and tok.lemma_.lower() in self.cues.clause_only:
            # "Опрос показал, что …" reports; "показал фильм", "установили памятник" do not
            said = self._clause_after(tok, tag_end, b)
            return None if said is None else Tag(said, trim_end(self, said, self._clause_end(tok, b, said)), cue, cs, sp)
        if tok is not None and not light and self._not_reporting(tok):
            # "Министр поддержал проект бюджета": what the verb takes is the claim, as in English
            # ("criticized the grant"); never the words before it ("Несмотря на …, он признаёт ошибку")
            obj = next((c for c in tok.children if c.dep_ in ("obj", "xcomp")), None)
            taken = [t.idx for t in obj.subtree if t.i > tok.i] if obj is not None and obj.i > tok.i else []
            if not taken or tag_end > min(taken) or self.speaker_check(*sp) is None:
                return None  # nor "Этот план требует денег": a stand needs someone to take it
            return Tag(min(taken), trim_end(self, min(taken), b), cue, cs, sp)
        if light:
            back = self._back_reference(a, tag_start) or self._statement_back(tok, a, tag_start)
            if back is not None:
                return Tag(back[0], back[1], cue, cs, sp)
            said = next((c for c in tok.children if c.dep_ in ("obj", "obl") and c.i > tok.i and
                         c.lemma_.lower() in self.cues.statement_nouns), None)
            past = max(tag_end, said.idx + len(said.text)) if said is not None else tag_end
            if self.text[past:b].lstrip().startswith(":"):  # "опубликовали заявление: «…»"
                after = skip_to_claim(self, past, b)
                quote = next((q for q in self.quotes if after - 1 <= q[0] <= after + 2), None)
                if quote is None and self.text[after:after + 1] in {o for o, _ in self.pack.quote_pairs}:
                    after = skip_to_claim(self, after + 1, b)  # a quote never closed: its words
                if quote is not None:
                    return Tag(quote[0], quote[1], cue, cs, sp, True)
                return Tag(after, trim_end(self, after, b), cue, cs, sp)
            if re.search(r"[,—–]\s*$", self.text[a:tag_start]) and not inside_other_tag(self, a, tag_start):
                return Tag(a, trim_end(self, a, tag_start), cue, cs, sp)
            return None
        said = self._clause_after(tok, tag_end, b)
        if said is not None:
            return Tag(said, trim_end(self, said, self._clause_end(tok, b, said)), cue, cs, sp)
        if tok is None and self._needs_clause(cue) and not re.match(r"\s*[:«\"“]", self.text[tag_end:b]):
            # a verb that also means a deed reports only with what marks speech after its speaker (the
            # pack's ``clause_required``): "ونقلت القوات الأمريكية … عشرات المعتقلين إلى قاعدة التنف" (the
            # US forces moved dozens of detainees to al-Tanf) is no claim of the US forces
            return None
        after = skip_to_claim(self, tag_end, b)
        if tag_start - a <= 3 or opens_clause(self, tag_end, b):
            if topic_only(self, tok, after, b):
                return None
            return Tag(after, trim_end(self, after, b), cue, cs, sp)
        back = self._back_reference(a, tag_start)
        if back is not None:
            return Tag(back[0], back[1], cue, cs, sp)
        fronted = re.match(r"\s*(?:о том|то|об этом)\s*,\s*(?:" + "|".join(map(re.escape, self.cues.complementizers or {"\x00"}))
                           + r")\s+(.+?)[\s,—–]*$", self.text[a:tag_start], re.I)
        if fronted is not None and len(WORD.findall(fronted.group(1))) >= 3:
            # "О том, что цены вырастут, считает большинство опрошенных": the clause put first
            return Tag(a + fronted.start(1), a + fronted.end(1), cue, cs, sp)
        if (len(WORD.findall(self.text[a:tag_start])) <= 2 and not re.search(r"[,—–»\"]\s*$", self.text[a:tag_start])) \
                or openers_only(self, a, tag_start):
            # only "Как", "Ранее", "Между тем" stand before the tag: what follows it is the claim,
            # past an apposition of the speaker ("Как считает экономист, профессор … Иванов, …")
            after = past_apposition(self, after, b)
            if len(WORD.findall(self.text[after:b])) >= 3 and not topic_only(self, tok, after, b):
                return Tag(after, trim_end(self, after, b), cue, cs, sp)
        next_word = WORD.search(self.text, tag_end, b)
        if self.text[a:tag_start].rstrip().endswith(",") and self.text[tag_end:b].lstrip().startswith(",") and \
                len(WORD.findall(self.text[tag_end:b])) >= 3 and not (
                    next_word is not None and is_verb(self.cues, next_word.group(0), None)) and \
                not told_tail(self, tag_end, b):  # nor "…, каза министър Петров, цитиран от БТА.": the outlet
            # (not "…, disse o chefe do Governo, acrescentando que …": a second tag follows, no claim runs on)
            return Tag(a, trim_end(self, a, b), cue, cs, sp)  # "Переговоры, отметил он, могут начаться …": all of it
        if inside_other_tag(self, a, tag_start) or not re.search(r"(?:[,—–:»\"“]|\s-)\s*$", self.text[a:tag_start]):
            return None  # no claim: words before a tag are one only when a comma or a dash sets them off
        return Tag(a, trim_end(self, a, tag_start), cue, cs, sp)

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
        before = self.tokens(a, tok.idx)
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
                    if len(words) <= MAX_SPEAKER_WORDS and self.speaker_check(s, e) is not None:
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

    def _next_statement(self, start: int, b: int) -> int:
        """Where a second statement opens inside a claim read without a parse (``_clause_end``), else ``b``."""
        words = list(WORD.finditer(self.text, start, b))
        for prev, w, after in zip(words, words[1:], [*words[2:], None], strict=False):
            word = w.group(0).lower()
            joined = prev.group(0).lower() in self.cues.statement_joiners or any(
                is_verb(self.cues, f, None) for f in word_forms(self.cues, word)[1:])  # ("وأضاف")
            # (only a statement of someone named: "… وأضافت أنها لن …", the same speaker going on with no
            # name, stays in the claim, which then holds both)
            named = after is not None and after.group(0).lower() not in self.cues.complementizers
            if joined and named and is_verb(self.cues, word, None):
                cut = prev.start() if prev.group(0).lower() in self.cues.statement_joiners else w.start()
                return start + len(self.text[start:cut].rstrip(" \t,،;؛"))
        return b

    def _needs_clause(self, cue: str) -> bool:
        """Whether the cue, its written-on conjunctions aside, is one of the pack's ``clause_required``."""
        return any(f in self.cues.clause_required for f in word_forms(self.cues, cue))

    def _clause_after(self, tok: Any, i: int, b: int) -> int | None:
        """Where the clause said begins when a few words stand between the tag and it ("заявил в
        Москве, что …"): the verb's clausal complement in the parse, else its complementizer."""
        right_after = re.match(r"\s*,?\s*(" + "|".join(re.escape(c) for c in self.cues.complementizers) + r")(?!\w)",
                               self.text[i:b]) if self.cues.complementizers else None
        if right_after is not None:  # "утверждает, что …": the clause opens here, whatever the parse says
            return skip_to_claim(self, i + right_after.end(1), b)
        if tok is not None:
            comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
            if comp is not None:
                start = comp.left_edge.idx
                return skip_to_claim(self, start, b) if start >= i else None
        m = re.match(r"[^,:«»„“\"]{0,40}?[,:]?\s*(?<!\w)(" + "|".join(
            re.escape(c) for c in sorted(self.cues.complementizers, key=len, reverse=True)) + r")(?!\w)",
            self.text[i:b]) if self.cues.complementizers else None
        if m is None or len(WORD.findall(self.text[i:i + m.start(1)])) > 4:
            return None
        return skip_to_claim(self, i + m.end(1), b)

    def _clause_end(self, tok: Any, b: int, start: int | None = None) -> int:
        """Where what a verb reports ends: the sentence's end, or before a second reporting verb
        joined to it ("заявил, что Запад лжет, и добавил, что …" holds two claims). Without a parse, in a
        pack that lists the words joining two statements (``statement_joiners``), before a reporting verb
        after one of them or written with its conjunction: "قال إن …، فيما ذكرت الوكالة أن …", "… وأضاف أن …"."""
        if tok is None:
            return b if start is None or not self.cues.statement_joiners else self._next_statement(start, b)
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
