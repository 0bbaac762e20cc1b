"""Who speaks, in languages other than English: the source a speaker's words name (an outlet by its
own name, a person by the entity's dictionary form, a body, an unnamed source), typed by the role
words of the language, and the dates a claim's sentence states. The base of the multilingual finder
(``attributions.multilingual``), which finds the cues and the claims."""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.known import UNDATED_TERM, date_floor, former_by
from headwater.enrich.attributions.multilingual_antecedents import antecedent, window
from headwater.enrich.attributions.multilingual_bodies import office_in_body
from headwater.enrich.attributions.multilingual_caseless import (
    ROLE_AHEAD_WORDS,
    caseless,
    caseless_role,
    placeish,
    titled_person,
)
from headwater.enrich.attributions.multilingual_cues import Cues
from headwater.enrich.attributions.multilingual_role_antecedent import role_subject
from headwater.enrich.attributions.quote_marks import quote_spans
from headwater.enrich.attributions.role_types import RoleWords, country_in, hits, type_by_role, with_parts
from headwater.enrich.attributions.sources import SourceRegistry, _body_source, affiliation, from_known, typed
from headwater.extract.dates import find_dates, find_day_months
from headwater.extract.outlets import norm
from headwater.lang import LanguagePack
from headwater.lang.marks import MARKS, WORD, script_of
from headwater.lang.parsers import NORMALS
from headwater.lang.sentences import abbreviations
from headwater.lang.sentences import ends as sentence_ends

if TYPE_CHECKING:
    from spacy.tokens import Doc


# A site named by its address ("lenta.ru", "5-tv.ru", "сайт.рф"): Latin top-level domains or ".рф"
# only, so that "г.Москва" is no address.
SITE_ADDRESS = re.compile(r"(?:[\w-]+\.)+(?:[a-z]{2,6}|рф)(?![\w.-])", re.I)
# The words between a speaker and the edge of the tag: more and it is not a name or role any more
# ("Министр иностранных дел России Сергей Лавров" is 6; 8 leaves room for a title and an outlet).
MAX_SPEAKER_WORDS = 8
# A role right before a name without a comma ends within its last words: "o porta-voz do Kremlin
# Dmitri Peskov", "бившият съветник на британското посолство в Москва Иън Прауд" (6).
ROLE_NEXT_WORDS = 6
# Where a sentence ends in a script without case (the danda, or a Latin mark), and lines.
HINDI_ENDS = re.compile(r"[।.!?][\"»“”'’)]*\s+|\n\s*")


class SourceReader:
    """One article's text, parse and pack, and what its sources are."""

    def __init__(self, doc: Doc, pack: LanguagePack, registry: SourceRegistry, published: str | None,
                 headline: bool = False) -> None:
        self.headline = headline
        self.doc, self.text, self.pack, self.registry = doc, doc.text, pack, registry
        self.cues = Cues.of(pack)
        self.parsed = doc.has_annotation("DEP")
        self.quotes = quote_spans(self.text, pack.quote_pairs)
        self.normals: dict[tuple[int, int], str] = doc.user_data.get(NORMALS, {})
        self.people: list[dict[str, Any]] = []  # persons who spoke, for pronouns
        # without a parse, where each of them spoke, and what a pronoun speaker at an offset stood
        # for: a later pronoun may stand for either (multilingual_antecedents)
        self.spoke: list[tuple[int, dict[str, Any]]] = []
        self.resolved: dict[int, dict[str, Any]] = {}
        self.published = published
        self.months = pack.months()
        self.previous: tuple[int, int] | None = None  # the sentence before, for "об этом сообщил X"
        self._roles: dict[str, tuple[str, set[str]]] | None = None
        self._doc_script: str | None = None
        self._lower: frozenset[str] | None = None
        self._mid_caps: frozenset[str] | None = None
        self._floor: tuple[int | None] | None = None

    def _tokens(self, s: int, e: int) -> list[Any]:
        span = self.doc.char_span(s, e, alignment_mode="expand")
        return [t for t in span if not t.is_space] if span is not None else []

    def _lemmas(self, s: int, e: int) -> set[str]:
        """Dictionary forms of the words of a span ("губернатора" -> "губернатор"), when parsed."""
        return {t.lemma_.lower() for t in self._tokens(s, e)} if self.parsed else set()

    # -- sources ---------------------------------------------------------------------------
    def _lookup(self, words: str) -> Any:
        """An outlet named by any run of the words ("агентство ТАСС" -> TASS, "РИА Новости")."""
        ws = WORD.findall(words)
        for n in range(len(ws), 0, -1):
            for i in range(len(ws) - n + 1):
                o = self.registry.outlets.by_name(" ".join(ws[i:i + n]))
                if o is not None:
                    return o
        return None

    def source(self, s: int, e: int) -> dict[str, Any]:
        """The source the words at s:e name, typed by the role words they carry, or for a person
        named without any, by the role the article gives that person elsewhere ("Министр транспорта
        Олег Белов …", later "Белов заявил")."""
        src = self._describe(s, e)
        words = with_parts({w.lower() for w in WORD.findall(self.text[s:e])} | self._lemmas(s, e))
        phrases: tuple[str, ...] = (self.text[s:e].lower(), " ".join(t.lemma_.lower() for t in self._tokens(s, e)))
        roles = RoleWords.of(self.pack)
        if src.get("kind") == "organization" and str(src.get("name") or "").lower() in roles.countries:
            src = {**src, "kind": "government"}  # "A Rússia afirmou": a country named alone speaks as its state
        elif src.get("kind") in ("organization", "government", "person") and \
                (cc := roles.capitals.get(str(src.get("name") or "").lower())):
            src = {**src, "kind": "government", "country": cc}  # "Москва заявила": the capital speaks for its state
        elif src.get("kind") == "organization" and (cc := self.registry.demonyms.get(norm(str(src.get("name") or "")))) \
                and str(src.get("name") or "")[:1].isupper():
            src = {**src, "kind": "government", "country": cc}  # "Britain" written in English in another language
        # in a script without case no letter tells a name: a source of no known kind may be one
        uncased = not self.parsed and src.get("kind") == "organization" and caseless(str(src.get("name") or ""))
        named = src.get("kind") == "person" or (not self.parsed and _name_like(str(src.get("name") or ""))) or uncased
        if named and not hits(words, roles.official | roles.qualified | roles.non_state):
            given = self._article_roles().get(str(src.get("name"))) if self.parsed else \
                self._role_in_text(str(src.get("name")))
            if given is not None:
                src = {**src, "role": src.get("role") or given[0], "role_from": "article"}
                if uncased:  # "मल्ल ने कहा" where the article wrote "प्रधान सचिव संतोष कुमार मल्ल": a person
                    src["kind"] = "person"
                words |= given[1]
                phrases += (given[0].lower(),)
        typed_src = self._registered(type_by_role(src, words, roles, phrases), s, e,
                                     office=hits(words, roles.official | roles.qualified)
                                     if not hits(words, roles.former) else [])
        typed_src = office_in_body(typed_src, self.text[s:e], self.registry, roles)
        if src.get("kind") == "person" and self.people and self.people[-1] is src:
            self.people[-1] = typed_src  # a pronoun later stands for the typed source
            if not self.parsed:
                self.spoke.append((s, typed_src))
        elif not self.parsed and not src.get("inferred") and (typed_src.get("kind") == "person" or (
                src.get("kind") == "organization" and _name_like(_untitled(str(src.get("name") or "")))
                and not all(w.isupper() and len(w) > 1 for w in WORD.findall(_untitled(str(src.get("name") or ""))))
                and script_of(str(src.get("name"))) == self._script())):
            # without a parse, no entity says who is a person: a person the registry knows, or a name of
            # capitalised words in the article's own script that is no abbreviation ("Манолов", not
            # "БТА", nor a Latin "Ukraine-Russia War: …" in a Hindi text), is the one a later pronoun
            # stands for ("Той добави, …"; inferred, as with a parse)
            self.people.append(typed_src)
            self.spoke.append((s, typed_src))
        return typed_src

    def _script(self) -> str:
        """The script most of the article's letters are in (its first 2,000 characters)."""
        if self._doc_script is None:
            counts: dict[str, int] = {}
            for ch in self.text[:2000]:
                if ch.isalpha():
                    sc = script_of(ch)
                    counts[sc] = counts.get(sc, 0) + 1
            self._doc_script = max(counts, key=lambda k: counts[k]) if counts else ""
        return self._doc_script

    def _registered(self, src: dict[str, Any], s: int, e: int, office: list[str] | None = None) -> dict[str, Any]:
        """A source the registries know by a name among its words ("Peskov", "Путин", "Kremlin"):
        the entry's id joins it to the same source in other articles and languages; when the role
        words said nothing, the entry types it (a person by the article's year, as in English)."""
        if src.get("kind") in ("outlet", "agency", "anonymous") or src.get("inferred") or src.get("entity"):
            return src
        owners: list[str] = []
        for cand, whole in self._name_candidates(str(src.get("name") or ""), self.text[s:e]):
            k = self.registry.known.get(cand)
            if k is not None and k.kind == "person" and (self._possessor(cand, s, e) or any(
                    o.endswith(" " + cand) for o in owners)):
                owners.append(cand)
                continue  # "Съпругата на Владимир Зеленски": his wife speaks, not he (nor "Зеленски")
            if k is not None and (whole or k.kind == "person"):  # "Asia Times" is not "The Times"
                if src.get("affiliation") not in (None, "unknown"):  # the text's role stands
                    agree = src.get("state_affiliated") == k.state_affiliated
                    return {**src, "entity": k.id, "canonical": k.name,
                            "country": src.get("country") or (k.country if agree else None)}
                found = from_known(k, str(src.get("name")), str(src.get("text") or cand))
                year = _iso(self.published)
                if year is not None and k.kind == "person" and k.terms:
                    state, basis = k.affiliated_in(year.year)
                    found = {**found, "state_affiliated": state, "typing_note": f"{basis} in {year.year}"}
                    found["affiliation"] = affiliation(found)
                elif year is None and not office and (note := former_by(k, self._date_floor())) is not None:
                    # an undated article naming a date after the last term ended: a former office-holder
                    found = {**found, "state_affiliated": False, "typing_note": note}
                    found["affiliation"] = affiliation(found)
                elif office and str(found.get("typing_note") or "").startswith(UNDATED_TERM) and k.country:
                    # "o presidente Lula" in an undated article: the text gives an office, the registry whose
                    found = typed({**found, "state_affiliated": True, "country": k.country, "typing_note": None},
                                  f"role:{office[0]} (registry:{k.id})")
                elif office and str(found.get("typing_note") or "").startswith(UNDATED_TERM) and k.body and not hits(
                        {w.lower() for w in WORD.findall(self.text[s:e])}, RoleWords.of(self.pack).official):
                    # (a state's office by itself, "министър", would be a national one held later)
                    # "Ръководителят на НАТО Йенс Столтенберг": an international office the text gives
                    found = typed({**found, "intergovernmental": True, "typing_note": None},
                                  f"role:{office[0]} (registry:{k.id})")
                return {**found, **{x: src[x] for x in ("role", "role_from") if src.get(x)}}
            b = self.registry.body(cand) if whole else None
            if b is not None and b.kind != "person":
                if src.get("affiliation") not in (None, "unknown"):
                    return src
                return _body_source(b, str(src.get("name")), str(src.get("text") or cand))
        return src

    def _date_floor(self) -> int | None:
        """The latest year among the full dates the article's text names (its date is no earlier)."""
        if self._floor is None:
            self._floor = (date_floor([d.iso for d in find_dates(self.text, self.months)]),)
        return self._floor[0]

    def _possessor(self, name: str, s: int, e: int) -> bool:
        """A name after a genitive whose head is no role ("съпругата на Владимир Зеленски", "o filho do
        presidente Lula"): the person the speaker belongs to, not the one who speaks. After a role's
        genitive the name is the speaker's own ("говорителят на Кремъл Дмитрий Песков", "o porta-voz do
        Kremlin, Dmitri Peskov")."""
        if not self.cues.genitives:
            return False
        words = list(WORD.finditer(self.text, s, e))
        first = next((i for i, w in enumerate(words) if w.group(0).lower() in self.cues.genitives), None)
        at = self.text.rfind(name, s, e)
        if first is None or first == 0 or at < words[first].end():
            return False
        rw = RoleWords.of(self.pack)
        head = with_parts({w.group(0).lower() for w in words[:first]})
        return not hits(head, rw.official | rw.qualified | rw.non_state | self.cues.roles | self.cues.anonymous)

    @staticmethod
    def _name_candidates(name: str, text: str) -> list[tuple[str, bool]]:
        """Ways a registry may know a source: its name, and each run of capitalised words in its
        text with the run's last words ("руският президент Владимир Путин": "Владимир Путин",
        "Путин"). Only capitalised words: a common noun of another language may spell an alias; in a
        script without case, the last words of the source ("रूसी राष्ट्रपति पुतिन": "पुतिन"). Each with
        whether it is all of a run: a run's last words name a person only ("Asia Times" is no "Times")."""
        out = [(name, True)] if name[:1].isupper() else []
        ws = WORD.findall(text)
        caseless = [(x, n == len(ws)) for n in (3, 2, 1) if len(ws) >= n
                    for x in [" ".join(ws[-n:])] if len(norm(x)) >= 2]
        if not any(ch.isupper() or ch.islower() for ch in text):  # a script without case (Hindi): the last words
            return caseless
        if not ws[-1:] or any(ch.isalpha() and not (ch.isupper() or ch.islower()) for ch in ws[-1]):
            out += caseless  # "PM मोदी": a name in a script without case after a Latin title
        runs: list[list[str]] = [[]]
        for w in WORD.findall(text):
            if w[:1].isupper():
                runs[-1].append(w)
            elif runs[-1]:
                runs.append([])
        for run in runs:  # the whole run names anything; its last words only a person
            out += [(" ".join(run[i:]), i == 0) for i in range(len(run))]
        return list(dict.fromkeys(x for x in out if x[0]))

    def _role_in_text(self, name: str) -> tuple[str, set[str]] | None:
        """Without a parse: the role the article gives a name where it stands with one, the words
        right before it ("o porta-voz do Kremlin Dmitri Peskov", "o porta-voz do Kremlin, Dmitri
        Peskov") or set off after it ("Peskov, porta-voz do Kremlin,"), up to punctuation. The name
        is found by its last word with the capitalised words before it ("Peskov" in "Dmitri Peskov")."""
        rw = RoleWords.of(self.pack)
        role_words = rw.official | rw.qualified | rw.non_state
        parts = WORD.findall(name)
        uncased = caseless(name)
        for m in re.finditer(rf"(?<![\w{MARKS}]){re.escape(parts[-1])}(?![\w{MARKS}])", self.text):
            start = m.start()
            while (prev := re.search(r"(\S+)\s+$", self.text[max(0, start - 40):start])) and \
                    prev.group(1)[:1].isupper() and WORD.fullmatch(prev.group(1)):
                start -= len(self.text[max(0, start - 40):start]) - prev.start()  # "Dmitri" before "Peskov"
            if WORD.findall(self.text[start:m.end()])[-len(parts):] != parts or _inside_longer_name(self.text, start):
                continue  # another person's name: "Lula da Silva" is no "Marina Silva"
            before = re.search(r"([^.!?;:«»\"“”()\n,।]*)(,?)\s*$", self.text[max(0, start - 200):start])
            after = re.match(r",\s*([^.!?;:«»\"“”()\n,]+),", self.text[m.end():m.end() + 160])
            chunks = []
            if before:  # right before the name its last words; set off by a comma, a phrase that opens with the role
                ws = WORD.findall(before.group(1))
                chunks.append((before.group(1), ws[:3] if before.group(2) else ws[-ROLE_NEXT_WORDS:]))
            if after:
                chunks.append((after.group(1), WORD.findall(after.group(1))[:3]))
            if uncased and before and not before.group(2):
                # no letter shows where the role ends and the first names begin: the role word among the
                # last words, its owner before it up to a word no role holds ("पीएम से … गोगोई" is none)
                role = caseless_role(self, before.group(1), role_words)
                chunks = [role] if role is not None else []
            for chunk, head in chunks:
                # "o porta-voz do Kremlin, Dmitri Peskov": the role; "em declarações aos jornalistas, José
                # Manuel Fernandes": whom he spoke to, not what he is
                if head and hits(with_parts({w.lower() for w in head}), role_words):
                    return chunk.strip(), with_parts({w.lower() for w in WORD.findall(chunk)[-ROLE_AHEAD_WORDS:]})
        return None

    def _article_roles(self) -> dict[str, tuple[str, set[str]]]:
        """Person (dictionary form, and surname when one person has it) -> the role the article gives
        them: the words before the name in its phrase ("глава Минфина Анна Морозова"), or an
        apposition after it ("Иван Соколов, политолог, …")."""
        if self._roles is not None:
            return self._roles
        roles = RoleWords.of(self.pack)
        role_words = roles.official | roles.qualified | roles.non_state | self.cues.roles
        out: dict[str, tuple[str, set[str]]] = {}
        surnames: dict[str, set[str]] = {}
        for ent in self.doc.ents if self.parsed else ():
            if ent.label_ != "PERSON":
                continue
            name = self.normals.get((ent.start_char, ent.end_char), ent.text)
            surnames.setdefault(name.split()[-1], set()).add(name)
            before: list[Any] = []
            i = ent.start - 1
            while i >= 0 and ent.start - i <= MAX_SPEAKER_WORDS and self.doc[i].pos_ in ("NOUN", "PROPN", "ADJ") \
                    and self.doc[i].ent_type_ != "PERSON" and "\n" not in self.doc[i].text:
                before.insert(0, self.doc[i])
                i -= 1
            if ent.root.head not in before:  # the name hangs on the role ("министр … Анна Морозова"),
                before = []  # not "в интервью журналистке министр …"
            after: list[Any] = []
            j = ent.end
            if j < len(self.doc) and self.doc[j].text == ",":
                j += 1
                while j < len(self.doc) and self.doc[j].text not in (",", ".", ";", "—", "(", ")") and len(after) < 8:
                    after.append(self.doc[j])
                    j += 1
                if not (j < len(self.doc) and self.doc[j].text in (",", ".")) or any(t.pos_ == "VERB" for t in after):
                    after = []
            for toks in (before, after):
                ws = {t.text.lower() for t in toks} | {t.lemma_.lower() for t in toks}
                if toks and ws & role_words and name not in out:
                    out[name] = (self.text[toks[0].idx:toks[-1].idx + len(toks[-1].text)], ws)
        for last, names in surnames.items():
            named = [n for n in names if n in out]
            if len(names - {last}) == 1 and named and last not in out:
                out[last] = out[named[0]]
        self._roles = out
        return out

    def _last_named(self, s: int) -> Any:
        """The person the parsed text names last before ``s``, in the sentence or the one before it
        (a pronoun that opens a quote's tag stands for them, as in English), or None."""
        if not self.parsed:
            return None
        here = self.doc.char_span(s, s + 1, alignment_mode="expand")
        if here is None:
            return None
        sent = here[0].sent
        first = sent.start
        if first > 0:
            first = self.doc[first - 1].sent.start
        people = [x for x in self.doc.ents if x.label_ == "PERSON" and first <= x.start and x.end_char <= s]
        return people[-1] if people else None

    def _lowercase_words(self) -> frozenset[str]:
        """The words the article writes in lower case somewhere: a capitalised one among them opens a
        sentence ("Главата", "Това"), it is no name."""
        if self._lower is None:
            self._lower = frozenset(w for w in WORD.findall(self.text) if w.islower())
        return self._lower

    def _last_known_person(self, s: int) -> tuple[int, int] | None:
        """Without a parse, no entity marks people: the person of the registry of officials the sentence
        before names ("Руският президент Владимир Путин пристигна … Той заяви"), as offsets, only when
        no other name stands there or before the pronoun in its own sentence (a capitalised word that
        is no country, capital, body or function word, nor after a preposition, where places and
        owners stand: "Кепел също нарече …" is someone else); never in
        a script without case, where other names cannot be seen. None otherwise."""
        if self.parsed or not any(ch.isupper() for ch in self.text[max(0, s - 400):s]):
            return None
        lo = max(0, s - 600)
        ends = sentence_ends(re.compile(r"[.!?…\n]\s"), self.text, lo, s, abbreviations(self.pack))
        if not ends:
            return None
        start = ends[-2].end() if len(ends) > 1 else lo
        rw = RoleWords.of(self.pack)
        plain = self.cues.stop | self.cues.speaker_breaks | self.cues.pronouns | self.cues.back_references | \
            self.cues.complementizers | self.cues.auxiliaries
        words = list(WORD.finditer(self.text, start, s))
        found: list[tuple[int, int, str]] = []
        i = len(words) - 1
        while i >= 0:
            hit = None
            for n in (3, 2, 1):
                if i - n + 1 >= 0:
                    a, b = words[i - n + 1].start(), words[i].end()
                    k = self.registry.known.get(self.text[a:b])
                    if k is not None and k.kind == "person" and "\n" not in self.text[a:b]:
                        hit = (a, b, k.id, n)
                        break
            if hit is not None:
                found.append(hit[:3])
                i -= hit[3]
                continue
            w = words[i].group(0)
            after_preposition = i > 0 and words[i - 1].group(0).lower() in self.cues.stop | self.cues.genitives
            if w[:1].isupper() and w.lower() not in plain and w.lower() not in self._lowercase_words() and \
                    not after_preposition and \
                    country_in({w.lower()}, rw) is None and \
                    w.lower() not in rw.capitals and not hits(with_parts({w.lower()}), rw.state_bodies | rw.official |
                                                             rw.qualified | rw.non_state) and \
                    self.registry.body(w) is None and self.registry.outlets.by_name(w) is None and not w.isupper():
                return None  # another name stands there: whose the pronoun is, the text does not say
            i -= 1
        if len({f[2] for f in found}) != 1:
            return None
        return found[0][0], found[0][1]

    def _describe(self, s: int, e: int) -> dict[str, Any]:
        text = self.text[s:e].strip()
        words = [w.lower() for w in WORD.findall(text)]
        if words and words[-1] in self.cues.pronouns and len(words) == 1:
            agent = self._agent_before(s)
            later = [x for at, x in self.spoke if agent is not None and agent[1] <= at < s]
            if later:  # a source that spoke after the agent, nearer the pronoun ("एर्दोगन का कहना है")
                return {**later[-1], "resolved_from": text, "inferred": True}
            if agent is not None:  # "असद ने … साथ दिया है। उन्होंने … कहा": the agent just before (inferred)
                src = self.source(*agent)
                if src.get("kind") == "organization" and caseless(str(src.get("name") or "")) and \
                        not placeish(self, str(src.get("name") or "")):
                    src = {**src, "kind": "person"}  # "उन्होंने" stands for a person: the name names one
                if not src.get("unresolved"):
                    return {**src, "resolved_from": text, "inferred": True}
            if not self.parsed:  # the person the text named last, nearby, also when no source (inferred)
                found = antecedent(self, s, text)
                if found is not None:
                    src = found if isinstance(found, dict) else self.source(*found)
                    if src.get("kind") == "organization":  # "той", "ele" stand for a person, whom the name names
                        src = {**src, "kind": "person"}
                    self.resolved[s] = {**src, "resolved_from": text, "inferred": True}
                    return self.resolved[s]
            if self.people:
                return {**self.people[-1], "resolved_from": text, "inferred": True}
            named = self._last_named(s)
            if named is not None:  # "он" with nobody quoted yet: the person the text named last, said inferred
                return {**self.source(named.start_char, named.end_char), "resolved_from": text, "inferred": True}
            known = self._last_known_person(s)
            if known is not None:  # without a parse: the registry's person the text named last, said inferred
                return {**self.source(*known), "resolved_from": text, "inferred": True}
            subject = role_subject(self, s, e)
            if subject is not None:  # "Полпред президента приезжал … Тогда он заявил": the role, no person named
                src = self.source(subject[0], subject[1])
                if subject[2] and src.get("kind") != "person":  # a role is a person's ("эксперт … из ЛНР")
                    src = {**src, "kind": "person", "role": src.get("role") or self.text[subject[0]:subject[1]]}
                return {**src, "resolved_from": text, "inferred": True,
                        "inferred_from": "the role named as the subject before: no person named nearby"}
            return {"name": text, "kind": "anonymous", "country": None, "state_affiliated": None, "text": text,
                    "unresolved": True}
        outlet = self._lookup(text)
        if outlet is not None:  # typed by the outlet registry, which says so
            return typed({"name": text, "canonical": outlet.name, "kind": "agency" if outlet.kind == "agency" else "outlet",
                          "country": outlet.country, "state_affiliated": outlet.state_affiliated, "text": text},
                         f"outlet:{outlet.id}")
        if SITE_ADDRESS.fullmatch(text):  # "lenta.ru": a site named by its address publishes
            return {"name": text, "kind": "outlet", "country": None, "state_affiliated": None, "text": text}
        described = self._described(s, e, text)
        if described is not None:
            return described
        ents = [x for x in self.doc.ents if s <= x.start_char and x.end_char <= e]
        person = next((x for x in ents if x.label_ == "PERSON"), None)
        lemmas = self._lemmas(s, e)
        role_words = (set(words) | lemmas) & self.cues.roles
        if person is not None:
            name = self.normals.get((person.start_char, person.end_char), person.text)
            role = self.text[s:person.start_char].strip(" ,") or None
            src = {"name": name, "kind": "person", "country": None, "state_affiliated": None, "role": role,
                   "text": text}
            self.people.append(src)
            return src
        if (set(words) | lemmas) & self.cues.anonymous and not ents:
            return {"name": self._dictionary_form(s, e, text), "kind": "anonymous", "country": None,
                    "state_affiliated": None, "text": text}
        label = ents[0].label_ if ents else None
        name = self.normals.get((ents[0].start_char, ents[0].end_char), text) if len(ents) == 1 and \
            ents[0].start_char == s and ents[0].end_char == e else text
        toks = self._tokens(s, e) if self.parsed else []
        if name == text:
            name = self._dictionary_form(s, e, text)
        rw = RoleWords.of(self.pack)
        titled = titled_person(self, s, e) if not self.parsed and not ents else None
        if titled is not None:  # "проф. Иван Колев", "विदेश मंत्रालय के प्रवक्ता लिन जियान": a person
            role, at = titled
            src = {"name": self._dictionary_form(at, e, self.text[at:e].strip()) if at > s else name, "kind": "person",
                   "country": None, "state_affiliated": None, "role": role, "text": text}
            self.people.append(src)
            return src
        first = {toks[0].text.lower(), toks[0].lemma_.lower()} if toks else {words[0]}
        office = bool(hits(first, (rw.official | rw.qualified) - rw.state_bodies))  # "представитель МИД": a person
        if (set(words) | lemmas) & self.cues.bodies and not office:
            return {"name": name, "kind": "government", "country": None, "state_affiliated": None, "text": text}
        if role_words or office:
            kind = "person" if office else "government" if label in ("ORG", "GPE") else "person"
            src = {"name": name, "kind": kind, "country": None, "state_affiliated": None, "role": text, "text": text}
            if kind == "person":
                self.people.append(src)
            return src
        kind = {"PERSON": "person", "GPE": "government", "ORG": "organization"}.get(label or "", "organization")
        if label is None and any("Animacy=Anim" in str(t.morph) and t.pos_ == "NOUN" for t in self._tokens(s, e)):
            kind = "person"  # "певица", "офицер": a person named by what they are
        return {"name": name, "kind": kind, "country": None, "state_affiliated": None, "text": text}

    def _agent_before(self, s: int) -> tuple[int, int] | None:
        """In a language that marks the agent ("X ने", Hindi), what a pronoun speaker at ``s`` stands
        for: the agent marked last before it, in its own sentence or the two before (the window of
        ``multilingual_antecedents.window``: one paragraph break at most, no heading) ("प्रधानमंत्री ने
        राष्ट्रपति पुतिन को धन्यवाद दिया. उन्होंने कहा": the prime minister), as offsets of its words
        (those after the last word that never stands in a name; a pronoun there is itself resolved
        the same way), or an agent pronoun nearer than any marked agent ("उन्होंने", which holds the
        marker), resolved in turn from where it stands. Hindi news opens a sentence with "उन्होंने" for the subject it spoke of just
        before; a script without case shows no other names to weigh it against. None when no agent
        is marked there, or its words are no source (an unnamed one, a document)."""
        c = self.cues
        if not c.agent_marker:
            return None
        # the pronoun's own sentence and the two before it in its paragraph (the last of the paragraph
        # before, when it opens one)
        start = window(self.text, s, HINDI_ENDS, abbreviations(self.pack))
        marks = list(re.finditer(rf"(?<![\w{MARKS}]){re.escape(c.agent_marker)}(?![\w{MARKS}])", self.text[start:s]))
        # an agent pronoun ("उन्होंने" holds the marker) nearer than any marked agent stands for the same
        # one: resolved in turn from where it stands ("गोगोई ने … . उन्होंने कहा … . उन्होंने कहा")
        fused = [m for m in re.finditer(rf"(?<![\w{MARKS}])(?:{'|'.join(map(re.escape, sorted(c.pronouns)))})(?![\w{MARKS}])",
                                        self.text[start:s]) if not marks or m.start() > marks[-1].start()]
        if fused and c.pronouns:
            return start + fused[-1].start(), start + fused[-1].end()
        if not marks:
            return None
        end = start + marks[-1].start()
        ws = list(WORD.finditer(self.text, max(start, end - 120), end))[-6:]
        cut = max((i for i, w in enumerate(ws) if w.group(0).lower() in c.speaker_breaks | c.stop
                   or re.search(r"[,;:()\"“”'‘’|।.!?\n]", self.text[w.end():ws[i + 1].start() if i + 1 < len(ws) else end])),
                  default=-1)
        ws = ws[cut + 1:]
        if not ws:
            return None
        pronoun = next((w for w in ws if w.group(0).lower() in c.pronouns), None)
        if pronoun is not None:
            ws = [pronoun]
        words = {w.group(0).lower() for w in ws}
        if words & c.anonymous or hits(words, c.documents):
            return None
        return ws[0].start(), ws[-1].end()

    def _described(self, s: int, e: int, text: str) -> dict[str, Any] | None:
        """A source named by a common noun of the pack's ``source_nouns``: a document or evidence
        ("रिपोर्ट", "проучването", "o relatório") or a body named by what it is ("अखबार", "вестникът"),
        with the author a genitive joins to it the source ("SIPRI की रिपोर्ट": SIPRI; "доклад на СЗО":
        СЗО), else an unnamed source described as what it is. None when no such noun heads the words
        (a name follows it: "समाचार एजेंसी उक्रिनफॉर्म", "канал Царьград")."""
        c = self.cues
        if not c.documents and not c.collectives:
            return None
        ws = list(WORD.finditer(self.text, s, e))
        forms = [{w.group(0).lower()} | self._lemmas(w.start(), w.end()) for w in ws]
        k = next((i for i, f in enumerate(forms) if hits(f, c.documents | c.collectives)), None)
        if k is None:
            return None
        owner: list[re.Match[str]] = []
        document = bool(hits(forms[k], c.documents))
        rw = RoleWords.of(self.pack)
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
            elif not c.owner_marks and self.parsed:
                owner = ws[k + 1:]  # "доклад Минобороны": the genitive is the word's case
            elif len(ws) > k + 1:
                return None  # "канал Царьград": a name follows
        owner = [w for w in owner if w.group(0).lower() not in c.stop | c.speaker_breaks] if owner else []
        if owner and any(w.group(0)[:1].isupper() or not w.group(0)[:1].islower() for w in owner):
            found = self.source(owner[0].start(), owner[-1].end())
            if found.get("kind") != "anonymous" and not found.get("unresolved"):
                return {**found, "document": text}
        described = "document" if document else "collective"
        return {"name": self._dictionary_form(s, e, text), "kind": "anonymous", "described": described, "country": None,
                "state_affiliated": None, "text": text}

    def _dictionary_form(self, s: int, e: int, text: str) -> str:
        """A source's words with its head noun in dictionary form: "в прокуратуре" -> прокуратура,
        "в Министерстве обороны России" -> "Министерство обороны России" (the words it governs as
        they stand); abbreviations as written ("ФСБ", not "Фсб")."""
        toks = self._tokens(s, e) if self.parsed else []
        if not toks or toks[0].idx != s or toks[0].pos_ not in ("NOUN", "PROPN") or toks[0].text.isupper() or \
                (len(toks) > 1 and ("Case=Nom" in str(toks[0].morph) or "-" in toks[0].text)):
            return text
        if len(toks) == 1 and toks[0].pos_ != "NOUN":
            return text
        lemma = toks[0].lemma_
        head = lemma[:1].upper() + lemma[1:] if toks[0].text[:1].isupper() else lemma
        return str(head) + text[len(toks[0].text):]

    # -- dates -----------------------------------------------------------------------------
    def dates(self, s: int, e: int) -> list[dict[str, Any]]:
        """Dates a claim's sentence states: full ones, and a day and month dated by the publication
        date (inferred, and said so); a day and month with no publication date stays undated."""
        out: list[dict[str, Any]] = []
        chunk = self.text[s:e]
        full = find_dates(chunk, self.months)
        for f in full:
            out.append({"text": f.text, "start": s + f.start, "end": s + f.end, "date": f.iso,
                        "basis": "inferred" if f.ambiguous else "explicit"})
        if not self.months:
            return out
        pub = _iso(self.published)
        for a, b, month, day in find_day_months(chunk, self.months):
            if any(f.start <= a < f.end for f in full):
                continue
            date: str | None = None
            if pub is not None:
                for year in (pub.year, pub.year - 1):
                    try:
                        d = dt.date(year, month, day)
                    except ValueError:
                        break
                    if d <= pub:
                        date = d.isoformat()
                        break
            out.append({"text": chunk[a:b], "start": s + a, "end": s + b, "date": date,
                        "basis": "inferred" if date else None})
        return out


def _inside_longer_name(text: str, start: int) -> bool:
    """The capitalised words at ``start`` go on a name begun before a particle: "Lula da Silva",
    "Ursula von der Leyen" (a short lowercase word right after a capitalised one)."""
    m = re.search(r"(\S+)\s+(\S{1,3})\s+$", text[max(0, start - 40):start])
    return bool(m and m.group(2).isalpha() and m.group(2).islower() and m.group(1)[:1].isupper()
                and WORD.fullmatch(m.group(1)))


def _untitled(name: str) -> str:
    """A name without the abbreviated titles before it ("д-р Зитис", "проф. Иванов", "Dr. Silva")."""
    return re.sub(r"^(?:\w{1,4}(?:-\w{1,3}\.?|\.)\s+)+", "", name.strip())


def _name_like(name: str) -> bool:
    """A name by its letters, for text without an entity tagger: one to four words, each capitalised
    ("Peskov", "Dmitri Peskov"; not "porta-voz", not "relatório anual"). Scripts without case never are."""
    ws = WORD.findall(name)
    return 0 < len(ws) <= 4 and all(w[:1].isupper() for w in ws)


def _iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10]) if value else None
    except ValueError:
        return None
