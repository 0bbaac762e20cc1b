"""The phrases that put a source beside what it said without a verb ("по словам X", "segundo X", "وفقا لـ X",
"selon X"; "X zufolge", "Bakanlığa göre"), the words the source runs to, and a tag that points back at the
sentence before ("Об этом сообщил X"). A base of the multilingual finder (``multilingual``)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from headwater.enrich.attributions.multilingual_asides import told_aside, told_tail
from headwater.enrich.attributions.multilingual_claim_bounds import skip_to_claim, trim_end
from headwater.enrich.attributions.multilingual_cues import MAX_SPEAKER_WORDS, is_verb
from headwater.enrich.attributions.multilingual_speakers import SpeakerReader
from headwater.enrich.attributions.role_types import RoleWords, hits, with_parts
from headwater.extract.outlets import norm
from headwater.lang.marks import WORD
from headwater.lang.sentences import abbreviations


@dataclass
class Tag:
    """A tag found in a sentence: what was said (start, end), the cue, the speaker's span and the rest of the chain."""

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


class AccordingReader(SpeakerReader):
    """Sources named by an according phrase, before or after it."""

    def _according(self, a: int, b: int, cs: int, ce: int) -> Tag | None:
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
                return Tag(*self._claim_after(verb.end(), b), self.text[cs:ce], cs, (cs, ce)) if self.people else None
            ce = verb.end()
        sp = (inner[0].start(), inner[0].end()) if inner else self._words_after(ce, b, strict=False)
        if sp is None:
            return None
        if not inner and not self.parsed:
            sp = self._named_after(ce, sp, b, cs - a <= 3)
        back = self._back_reference(a, cs) if cs - a > 3 else None
        if back is not None:  # "Это следует из опроса …": what the sentence before said
            return Tag(back[0], back[1], self.text[cs:ce], cs, sp)
        # "Как сообщает ТАСС со ссылкой на источник, …": the source's own source, deeper in the chain
        cited = None if self.text[cs:ce].lower() in self.cues.citing_phrases else \
            self._citing_in(max(sp[1], ce), b, b, at_start=True)
        via = told_aside(self, max(sp[1], ce), b)  # "Според министър Петров, цитиран от БТА, …": the outlet first
        if cs - a <= 3:  # the phrase opens the sentence: the claim follows the source
            start = skip_to_claim(self, max(sp[1], ce, cited[1][1] if cited else 0, via[1] if via else 0), b)
            return Tag(start, trim_end(self, start, b), self.text[cs:ce], cs, sp, via=via[0] if via else None,
                       cited=cited[1] if cited else None, cited_at=cited[0] if cited else None)
        rest = self.text[max(sp[1], ce):b]
        if told_tail(self, max(sp[1], ce), b):  # "…, според министър Петров, цитиран от БТА.": the claim is before
            return Tag(a, trim_end(self, a, cs), self.text[cs:ce], cs, sp, via=via[0] if via else None)
        if len(WORD.findall(rest)) >= 3 and re.match(r"[^,،.;؛:!?]{0,80}[,،]", rest):
            # "…, по словам губернатора, находится под контролем": the claim runs through the tag (and the
            # Arabic comma: "ونقلت القوات، بحسب المصادر، عشرات المعتقلين …")
            return Tag(a, trim_end(self, a, b), self.text[cs:ce], cs, sp)
        return Tag(a, trim_end(self, a, cs), self.text[cs:ce], cs, sp)

    def _claim_after(self, i: int, b: int) -> tuple[int, int]:
        start = skip_to_claim(self, i, b)
        return start, trim_end(self, start, b)

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
        stop = self._stop(ce, b)
        tag = self.text[ce:ce + stop.start() if stop else b]
        claim_after = stop is not None and len(WORD.findall(self.text[ce + stop.end():b])) >= 3
        if len(words) == 1 or (len(WORD.findall(tag)) <= MAX_SPEAKER_WORDS and (claim_after or not opens)):
            return sp
        rw = RoleWords.of(self.pack)
        end = first.end()
        # a title with its dot opens a name too ("Според ген. Петров армията …")
        titled = first.group(0).lower() in abbreviations(self.pack).titles and self.text[end:end + 1] == "."
        if not titled and not first.group(0)[:1].isupper():
            # "Според някои сведения обхватът …": up to the noun of an unnamed source among the first words
            nouns = self.cues.anonymous | self.cues.documents | self.cues.collectives
            k = next((i for i, w in enumerate(words[:3]) if hits(with_parts({w.group(0).lower()}), nouns)), None)
            if k is not None:
                return first.start(), words[self._genitives(words, k, rw)].end()
        last = 0
        for i, w in enumerate(words[1:], 1):
            low = w.group(0).lower()
            if not w.group(0)[:1].isupper() or low in rw.capitals or low in rw.countries or \
                    self.registry.demonyms.get(norm(w.group(0))) or not (first.group(0)[:1].isupper() or titled):
                break
            end, last = w.end(), i
        if last == 0 and hits(with_parts({first.group(0).lower()}), rw.official | rw.state_bodies | rw.other_bodies):
            end = words[self._genitives(words, 0, rw)].end()  # "Според министъра на отбраната …"
        return first.start(), end

    def _genitives(self, words: list[re.Match[str]], k: int, rw: RoleWords) -> int:
        """The last word of a body, role or document named by word ``k`` with what its genitives add to it:
        "Министерството на отбраната на РФ", "губернатора на Севастопол Михаил Развожаев", "um relatório
        da Organização Internacional do Trabalho", "nota do FSB": each genitive with the word after it,
        then the capitalised words of a name (not a capital, country or demonym: those open the claim,
        "Според министъра на отбраната Украйна ще …"); words only, no comma between, MAX_SPEAKER_WORDS at most."""
        def next_to(i: int) -> bool:
            return i + 1 < min(len(words), MAX_SPEAKER_WORDS) and not self.text[words[i].end():words[i + 1].start()].strip()

        j = k
        while next_to(j):
            w = words[j + 1].group(0)
            if w.lower() in self.cues.genitives and next_to(j + 1):
                j += 2
            elif j > k and w[:1].isupper() and w.lower() not in rw.capitals and w.lower() not in rw.countries \
                    and not self.registry.demonyms.get(norm(w)):
                j += 1
            else:
                break
        return j

    def _according_after(self, a: int, b: int, cs: int, ce: int) -> Tag | None:
        """'Bakanlığa göre, claim', 'X zufolge claim': the source stands before the phrase."""
        sp = self._words_before(a, cs)
        if sp is None:
            return None
        start = skip_to_claim(self, ce, b)
        return Tag(start, trim_end(self, start, b), self.text[cs:ce], cs, sp)

    def _back_reference(self, a: int, tag_start: int) -> tuple[int, int] | None:
        """'Об этом сообщило агентство ТАСС': the tag points back at the sentence before."""
        before = self.text[a:tag_start].strip(" ,—").lower()
        for r in self.cues.back_references:  # "Claim, об этом заявил X": the words before, in this sentence
            m = re.search(r"[,;—–]\s*" + re.escape(r) + r"$", before)
            if m is not None and len(WORD.findall(before[:m.start()])) >= 3:
                return a, trim_end(self, a, a + len(self.text[a:tag_start]) - len(self.text[a:tag_start].lstrip(" ,—"))
                                         + m.start())
        # "Об этом сообщил X", "Об этом во вторник, 2 июля, сообщили в пресс-службе"
        if not before or not any(
                before == r or before.startswith(r + " ") or before.startswith(r + ",") for r in self.cues.back_references):
            return None
        if re.match(r"\w+(?:\s+\w+)?\s*,\s*(?:" + "|".join(map(re.escape, self.cues.complementizers or {"\x00"})) + r")(?!\w)",
                    before):
            return None  # "О том, что …, сообщил X": the clause is here, put first
        return self.previous or (0, 0)  # (0, 0): refers back to nothing, no claim
