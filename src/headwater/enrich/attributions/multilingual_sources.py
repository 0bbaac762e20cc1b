"""Who speaks, in languages other than English: the source a speaker's words name (an outlet by its
own name, a person by the entity's dictionary form, a body, an unnamed source), typed by the role
words of the language. The base of the multilingual finder (``attributions.multilingual``), which finds
the cues and the claims; a pronoun's source (``multilingual_pronoun_sources``), sources named by a common
noun (``multilingual_described``) and a claim's dates (``multilingual_claim_dates``) have modules of
their own."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.known import date_floor
from headwater.enrich.attributions.multilingual_bodies import office_in_body
from headwater.enrich.attributions.multilingual_caseless import caseless, name_then_role, titled_person
from headwater.enrich.attributions.multilingual_cues import Cues
from headwater.enrich.attributions.multilingual_described import body_before, described, outlet_before
from headwater.enrich.attributions.multilingual_given_roles import article_roles, role_in_text
from headwater.enrich.attributions.multilingual_pronoun_sources import pronoun_source
from headwater.enrich.attributions.multilingual_registered import registered
from headwater.enrich.attributions.multilingual_role_mentions import role_holder
from headwater.enrich.attributions.quote_marks import quote_spans
from headwater.enrich.attributions.role_types import RoleWords, hits, type_by_role, with_parts
from headwater.enrich.attributions.sources import SourceRegistry, typed
from headwater.extract.dates import find_dates
from headwater.extract.outlets import norm
from headwater.lang import LanguagePack
from headwater.lang.marks import CASE_SUFFIX, WORD, script_of
from headwater.lang.parsers import NORMALS

if TYPE_CHECKING:
    from spacy.tokens import Doc


# A site named by its address ("lenta.ru", "5-tv.ru", "сайт.рф"): Latin top-level domains or ".рф"
# only, so that "г.Москва" is no address.
SITE_ADDRESS = re.compile(r"(?:[\w-]+\.)+(?:[a-z]{2,6}|рф)(?![\w.-])", re.I)


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
        self.said: list[dict[str, Any]] = []  # every source, in order, for "the agency" (``multilingual_described``)
        # without a parse, where each of them spoke, and what a pronoun speaker at an offset stood
        # for: a later pronoun may stand for either (multilingual_antecedents)
        self.spoke: list[tuple[int, dict[str, Any]]] = []
        self.resolved: dict[int, dict[str, Any]] = {}
        self.published = published
        self.months = pack.months()
        self.joiners = pack.day_month_joiners()  # "22-го июня", "25 de abril"
        self.year_joiners = pack.month_year_joiners()  # "abril de 2022"
        self.previous: tuple[int, int] | None = None  # the sentence before, for "об этом сообщил X"
        self.given_roles: dict[str, tuple[str, set[str]]] | None = None
        self._doc_script: str | None = None
        self._lower: frozenset[str] | None = None
        self._mid_caps: frozenset[str] | None = None
        self._floor: tuple[int | None] | None = None

    def tokens(self, s: int, e: int) -> list[Any]:
        span = self.doc.char_span(s, e, alignment_mode="expand")
        return [t for t in span if not t.is_space] if span is not None else []

    def lemmas(self, s: int, e: int) -> set[str]:
        """Dictionary forms of the words of a span ("губернатора" -> "губернатор"), when parsed."""
        return {t.lemma_.lower() for t in self.tokens(s, e)} if self.parsed else set()

    # -- sources ---------------------------------------------------------------------------
    def _lookup(self, words: str) -> Any:
        """An outlet named by any run of the words ("агентство ТАСС" -> TASS, "РИА Новости"), also with the
        case suffix a language writes after an apostrophe ("Anadolu Ajansı'nın haberine göre": Anadolu Ajansı)."""
        ws = [CASE_SUFFIX.sub("", w) for w in WORD.findall(words)]
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
        words = with_parts({w.lower() for w in WORD.findall(self.text[s:e])} | self.lemmas(s, e))
        phrases: tuple[str, ...] = (self.text[s:e].lower(), " ".join(t.lemma_.lower() for t in self.tokens(s, e)))
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
            given = article_roles(self).get(str(src.get("name"))) if self.parsed else \
                role_in_text(self, str(src.get("name")))
            if given is not None:
                src = {**src, "role": src.get("role") or given[0], "role_from": "article"}
                if uncased:  # "मल्ल ने कहा" where the article wrote "प्रधान सचिव संतोष कुमार मल्ल": a person
                    src["kind"] = "person"
                words |= given[1]
                phrases += (given[0].lower(),)
        typed_src = registered(self, type_by_role(src, words, roles, phrases), s, e,
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
        self.said.append(typed_src)
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

    def floor_year(self) -> int | None:
        """The latest year among the full dates the article's text names (its date is no earlier)."""
        if self._floor is None:
            self._floor = (date_floor([d.iso for d in find_dates(self.text, self.months, self.joiners, self.year_joiners)]),)
        return self._floor[0]

    def last_named(self, s: int) -> Any:
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

    def lowercase_words(self) -> frozenset[str]:
        """The words the article writes in lower case somewhere: a capitalised one among them opens a
        sentence ("Главата", "Това"), it is no name."""
        if self._lower is None:
            self._lower = frozenset(w for w in WORD.findall(self.text) if w.islower())
        return self._lower

    def _describe(self, s: int, e: int) -> dict[str, Any]:
        text = self.text[s:e].strip()
        words = [w.lower() for w in WORD.findall(text)]
        if words and words[-1] in self.cues.pronouns and len(words) == 1:
            return pronoun_source(self, s, e, text)
        before = outlet_before(self, s, e) or body_before(self, s, e)
        if before is not None:
            return before
        outlet = self._lookup(text)
        if outlet is not None:  # typed by the outlet registry, which says so
            return typed({"name": text, "canonical": outlet.name, "kind": "agency" if outlet.kind == "agency" else "outlet",
                          "country": outlet.country, "state_affiliated": outlet.state_affiliated, "text": text},
                         f"outlet:{outlet.id}")
        if SITE_ADDRESS.fullmatch(text):  # "lenta.ru": a site named by its address publishes
            return {"name": text, "kind": "outlet", "country": None, "state_affiliated": None, "text": text}
        common = described(self, s, e, text)
        if common is not None:
            return common
        ents = [x for x in self.doc.ents if s <= x.start_char and x.end_char <= e]
        person = next((x for x in ents if x.label_ == "PERSON"), None)
        lemmas = self.lemmas(s, e)
        role_words = (set(words) | lemmas) & self.cues.roles
        if person is not None:
            name = self.normals.get((person.start_char, person.end_char), person.text)
            role = self.text[s:person.start_char].strip(" ,") or None
            src = {"name": name, "kind": "person", "country": None, "state_affiliated": None, "role": role,
                   "text": text}
            self.people.append(src)
            return src
        if (set(words) | lemmas) & self.cues.anonymous and not ents:
            return {"name": self.dictionary_form(s, e, text), "kind": "anonymous", "country": None,
                    "state_affiliated": None, "text": text}
        label = ents[0].label_ if ents else None
        name = self.normals.get((ents[0].start_char, ents[0].end_char), text) if len(ents) == 1 and \
            ents[0].start_char == s and ents[0].end_char == e else text
        toks = self.tokens(s, e) if self.parsed else []
        if name == text:
            name = self.dictionary_form(s, e, text)
        rw = RoleWords.of(self.pack)
        apposed = name_then_role(self, s, e) if not self.parsed and not ents else None
        if apposed is not None:  # "Ana Souza, economista do banco": the name the source's, the role its role
            src = {"name": self.text[s:apposed[0]].strip(), "kind": "person", "country": None,
                   "state_affiliated": None, "role": self.text[apposed[1]:e].strip(), "text": text}
            self.people.append(src)
            return src
        titled = titled_person(self, s, e) if not self.parsed and not ents else None
        if titled is not None:  # "проф. Иван Колев", "विदेश मंत्रालय के प्रवक्ता लिन जियान": a person
            role, at = titled
            src = {"name": self.dictionary_form(at, e, self.text[at:e].strip()) if at > s else name, "kind": "person",
                   "country": None, "state_affiliated": None, "role": role, "text": text}
            self.people.append(src)
            return src
        first = {toks[0].text.lower(), toks[0].lemma_.lower()} if toks else {words[0]}
        office = bool(hits(first, (rw.official | rw.qualified) - rw.state_bodies))  # "представитель МИД": a person
        if (set(words) | lemmas) & self.cues.bodies and not office:
            return {"name": name, "kind": "government", "country": None, "state_affiliated": None, "text": text}
        if office and (holder := role_holder(self, s, e)) is not None:
            return holder  # "Министърът заяви" after "министърът на отбраната Иван Петров": that person (inferred)
        if role_words or office:
            kind = "person" if office else "government" if label in ("ORG", "GPE") else "person"
            src = {"name": name, "kind": kind, "country": None, "state_affiliated": None, "role": text, "text": text}
            if kind == "person":
                self.people.append(src)
            return src
        kind = {"PERSON": "person", "GPE": "government", "ORG": "organization"}.get(label or "", "organization")
        if label is None and any("Animacy=Anim" in str(t.morph) and t.pos_ == "NOUN" for t in self.tokens(s, e)):
            kind = "person"  # "певица", "офицер": a person named by what they are
        return {"name": name, "kind": kind, "country": None, "state_affiliated": None, "text": text}

    def dictionary_form(self, s: int, e: int, text: str) -> str:
        """A source's words with its head noun in dictionary form: "в прокуратуре" -> прокуратура,
        "в Министерстве обороны России" -> "Министерство обороны России" (the words it governs as
        they stand); abbreviations as written ("ФСБ", not "Фсб")."""
        toks = self.tokens(s, e) if self.parsed else []
        if not toks or toks[0].idx != s or toks[0].pos_ not in ("NOUN", "PROPN") or toks[0].text.isupper() or \
                (len(toks) > 1 and ("Case=Nom" in str(toks[0].morph) or "-" in toks[0].text)):
            return text
        if len(toks) == 1 and toks[0].pos_ != "NOUN":
            return text
        lemma = toks[0].lemma_
        head = lemma[:1].upper() + lemma[1:] if toks[0].text[:1].isupper() else lemma
        return str(head) + text[len(toks[0].text):]


def _untitled(name: str) -> str:
    """A name without the abbreviated titles before it ("д-р Зитис", "проф. Иванов", "Dr. Silva")."""
    return re.sub(r"^(?:\w{1,4}(?:-\w{1,3}\.?|\.)\s+)+", "", name.strip())


def _name_like(name: str) -> bool:
    """A name by its letters, for text without an entity tagger: one to four words, each capitalised
    ("Peskov", "Dmitri Peskov"; not "porta-voz", not "relatório anual"). Scripts without case never are."""
    ws = WORD.findall(name)
    return 0 < len(ws) <= 4 and all(w[:1].isupper() for w in ws)
