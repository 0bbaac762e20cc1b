"""The speaker of a reporting verb in a language other than English, as a span of the text: the subject in
the parse (natasha for Russian), or, without one, the words beside the verb up to a comma, a quote or the
clause that is said ("по словам X", "X заявил, что", "قال X إن"), past an apposition and the words that
open a claim, checked to be a name or a described source, never a clause. A base of the multilingual
finder (``multilingual``), which finds the cues and claims these speakers go with; a role and a name set
off by commas (``multilingual_apposed``) and where a claim begins and ends beside its tag
(``multilingual_claim_bounds``) have modules of their own."""
from __future__ import annotations

import re
from typing import Any

from headwater.enrich.attributions.multilingual_apposed import apposed_name, role_and_name_before
from headwater.enrich.attributions.multilingual_asides import before_place_aside
from headwater.enrich.attributions.multilingual_chains import QUOTE_MARKS, ChainReader
from headwater.enrich.attributions.multilingual_cues import MAX_SPEAKER_WORDS
from headwater.enrich.attributions.multilingual_sources import SITE_ADDRESS
from headwater.enrich.attributions.multilingual_told import before_aside, past_told
from headwater.enrich.attributions.role_types import RoleWords, hits, with_parts
from headwater.lang.marks import WORD
from headwater.lang.parsers import NORMALS
from headwater.lang.sentences import abbreviated, abbreviations

# Punctuation that ends a speaker's words.
STOPS = re.compile(r"[,;:.!?()\[\]«»„“”\"—–،؛]|\s-\s")
SUBJECT_DROP = frozenset({"acl", "acl:relcl", "parataxis", "punct", "conj", "cc", "advcl", "ccomp"})


class SpeakerReader(ChainReader):
    """Speakers' spans from the parse or the words beside a cue; quote marks around names and claims."""

    def _name_mark(self, i: int) -> bool:
        """A quote mark around a name («Северсталь», РИА «Новости»): a quote of one to three words."""
        return any((s - 1 == i or e == i) and 1 <= len(WORD.findall(self.text[s:e])) <= 3 for s, e in self.quotes)

    def _said(self, i: int) -> bool:
        """Inside a quote of four words or more: what someone said, not a name in quotes («Первый канал»)."""
        return any(s <= i < e and len(WORD.findall(self.text[s:e])) >= 4 for s, e in self.quotes)

    def _quoted(self, i: int) -> bool:
        return any(s <= i < e for s, e in self.quotes)

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
                    if (indefinite or self.speaker_check(s, e) is not None) and len(words) <= MAX_SPEAKER_WORDS:
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
                # "शुरुआत करते हुए, रूस ने": after the comma; not after an initial's dot ("एस. जयशंकर")
                abbr = abbreviations(self.pack)
                stops = [x for x in STOPS.finditer(self.text, ws_start, ws_end)
                         if not (x.group(0) == "." and abbreviated(self.text, x.start(), abbr))]
                if stops:
                    ws_start = stops[-1].end()
                ws = self._past_breaks([(w.start(), w.end(), w.group(0)) for w in WORD.finditer(self.text, ws_start, ws_end)])
                while ws and ws[0][2].lower() in c.stop:
                    ws = ws[1:]
                if ws:
                    return ws[0][0], ws[-1][1]
                return None
        # "a déclaré à l'AFP le porte-parole": the speaker after the outlet told; none there ("Disse à Lusa que
        # …"), the outlet's words, which ``with_told`` reads as a subject left out
        after = past_told(self, ce, b)
        following = self._words_after(after, b) or (self._words_after(ce, b) if after > ce else None)
        if c.verb_first:
            return following or self._words_before(a, cs)
        aside = before_place_aside(self, a, cs)  # "O ministro, em Lisboa, disse": "O ministro", when nothing else
        return self._words_before(a, cs) or following or (self._words_before(a, aside) if aside != cs else None)

    def _words_before(self, a: int, cs: int) -> tuple[int, int] | None:
        """The speaker right before a cue: back to a comma, a quote or the sentence start, over a
        relative clause of the speaker ("журнал «Вестник», который выходит …, отмечает")."""
        cs = before_aside(self, a, cs)  # "O ministro, em entrevista à Lusa, disse": "O ministro"
        chunk = self.text[a:cs]
        rel = re.search(r",\s*(\w+)[^,]*,\s*$", chunk)
        if rel is not None and rel.group(1).lower() in self.cues.relatives:
            chunk = chunk[:rel.start()]
            cs = a + len(chunk)
        abbr = abbreviations(self.pack)  # an abbreviation's dot ("ген. Иванов") is no stop
        stops = [x for x in STOPS.finditer(chunk) if not (x.group(0) == "." and abbreviated(self.text, a + x.start(), abbr))]
        apposed = role_and_name_before(self, a, cs, stops)
        if apposed is not None:
            return apposed
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
        return self.speaker_check(words[0][0], words[-1][1])

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
            gap = self._stop(words[-1][1] if words else ce, s)
            if gap or self._quoted(s):
                comma_at = (words[-1][1] if words else ce) + gap.start() if gap and gap.group(0) == "," else None
                break
            w = m.group(0).lower()
            if not self.parsed and w in self.months and all(self.text[x:y].lower() in self.cues.stop for x, y in words):
                words = []  # "declarou em Janeiro o ministro", "заяви на 26 юни представителят": when, not who
                continue
            if w in self.cues.complementizers or any(w == x + y for x in self.cues.clitics for y in self.cues.complementizers):
                break
            after_genitive = bool(words) and self.text[words[-1][0]:words[-1][1]].lower() in self.cues.genitives
            if words and w in self.cues.genitives and not self.parsed:
                genitive_at = len(words) if genitive_at is None else genitive_at  # "o porta-voz do Kremlin"
            elif after_genitive and w in self.cues.stop and not self.parsed:
                pass  # an article after the genitive: "le gouverneur de la région", "el jefe de la diplomacia"
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
            named, rw = apposed_name(self, comma_at, b), RoleWords.of(self.pack)
            if named is not None and hits(with_parts({self.text[x:y].lower() for x, y in words}),
                                          rw.official | rw.qualified | rw.non_state):
                words.append(named)  # "disse o chefe da diplomacia da UE, Josep Borrell": the role and its name
        while words and (self.text[words[0][0]:words[0][1]].lower() in self.cues.stop | (
                frozenset() if self.parsed else self.cues.speaker_breaks) or
                (not self.parsed and self.text[words[0][0]:words[0][1]].lower() in self.months)):
            words = words[1:]  # "уточнили в прокуратуре": the source is the prosecutor's office, not "в";
            # "каза още Запрянов": Запрянов, not "още"; "заяви на 26 юни представителят": not the month
        if not words:
            return None
        if not strict:  # what "по данным" names is the source, whatever it is
            return words[0][0], words[-1][1]
        return self.speaker_check(words[0][0], words[-1][1])

    def speaker_check(self, s: int, e: int) -> tuple[int, int] | None:
        """Words that can name a source: a name (entity, capital letter), a role, an outlet, a pronoun."""
        span = self.text[s:e]
        words = [w.lower() for w in WORD.findall(span)]
        if not words or words[0] in self.cues.not_speakers:
            return None
        if any(x.start_char < e and s < x.end_char for x in self.doc.ents):
            return s, e
        if words[-1] in self.cues.pronouns or words[0] in self.cues.pronouns:
            toks = self.tokens(s, e) if self.parsed else []
            if len(toks) == 1 and "Case=" in str(toks[0].morph) and "Case=Nom" not in str(toks[0].morph):
                return None  # "Его заверяли, что …": him, not he
            return s, e
        rw = RoleWords.of(self.pack)
        if (set(words) | self.lemmas(s, e)) & (self.cues.roles | self.cues.anonymous | self.cues.bodies | rw.official |
                                                rw.qualified | rw.non_state) or self._lookup(span) is not None:
            return s, e
        if self.parsed and any(t.pos_ == "NOUN" and "Animacy=Anim" in str(t.morph) for t in self.tokens(s, e)):
            return s, e  # people named by what they are: "сенаторы", "лидер партии", "жители"
        if self.parsed and any(t.pos_ == "PROPN" for t in self.tokens(s, e)):
            return s, e  # a name the entity tagger missed
        if NORMALS in self.doc.user_data:
            return None  # the parser tags entities and found no name here: not a speaker
        if any(w[:1].isupper() for w in WORD.findall(span)) or not any(ch.islower() or ch.isupper() for ch in span):
            return s, e  # capitalized words, or a script without case (Arabic, Persian, Hindi)
        return None

    def _stop(self, lo: int, hi: int) -> re.Match[str] | None:
        """The first stop mark in ``text[lo:hi]`` (punctuation, a quote, a dash), matched on that slice:
        not the dot of one of the pack's abbreviations or an initial ("ген. Петров", "एस. जयशंकर")."""
        chunk, abbr = self.text[lo:hi], abbreviations(self.pack)
        return next((x for x in STOPS.finditer(chunk)
                     if not (x.group(0) == "." and abbreviated(self.text, lo + x.start(), abbr))), None)

