"""Events in languages other than English, from a parse with dependencies (natasha's for Russian).

The frame of the English finder (``events.find``) where the language pack has the words for it
(``lang/<code>/event_words.yaml`` and ``event_roles.yaml``): a trigger verb opens an event ("Армия
перебросила 300 военных из Херсона в Мелитополь"), or a trigger noun under a light verb ("ВСУ нанесли
удар по Горловке"); its subject acts (or, for verbs of going and dying, is who went or died), its
object is the target and its count, and the places the article found inside its phrases are the
origin, destination, via or location by their preposition and case ("из Херсона": Gen after "из",
origin). The date is the first one the sentence states (``claims.claim_dates``). Every role carries
its span; what the sentence does not say stays null. The output dicts carry the keys of the English
finder's, plus ``language``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from headwater.enrich.claims.claim_dates import find_claim_dates
from headwater.enrich.claims.split import sentences
from headwater.enrich.events.lexicon import lexicon
from headwater.enrich.events.surface import find_events_surface, sourced_claim
from headwater.lang import LanguagePack, folder_data
from headwater.lang.parsers import SENTENCES

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from headwater.model import Article

# Dependents of a verb that are clauses of their own: their places and dates are not this event's.
CLAUSES = frozenset({"ccomp", "advcl", "acl", "acl:relcl", "parataxis", "conj", "csubj", "xcomp"})
# Dependencies inside one name ("Брянской областью", "Новая Таволжанка", "Ростова-на-Дону").
NAME_PARTS = frozenset({"flat", "flat:name", "flat:foreign", "amod", "appos", "compound", "fixed"})
PLACE_KEYS = ("name", "lat", "lon", "place_id", "admin1", "country", "surface", "start", "end")
_DIGITS = re.compile(r"\d[\d\s\u00a0]*")


@dataclass(frozen=True)
class EventWords:
    verbs: dict[str, tuple[str, str]]
    nouns: dict[str, tuple[str, str]]
    light: frozenset[str]
    self_moving: frozenset[str]
    people_only: frozenset[str]
    persons: frozenset[str]
    intent: frozenset[str]
    negations: frozenset[str]
    roles: dict[str, dict[str, str]]  # role -> preposition -> case
    target: frozenset[str]
    numbers: dict[str, int]

    @classmethod
    def of(cls, pack: LanguagePack) -> EventWords:
        return _words(pack.folder)


@cache
def _words(folder: Path) -> EventWords:
    w: dict[str, Any] = folder_data(folder, "event_words") or {}
    r: dict[str, Any] = folder_data(folder, "event_roles") or {}

    def low(d: dict[str, Any], key: str) -> frozenset[str]:
        return frozenset(str(x).lower() for x in d.get(key) or ())

    def pairs(key: str) -> dict[str, tuple[str, str]]:
        return {str(k).lower(): (str(v[0]), str(v[1])) for k, v in (w.get(key) or {}).items()}

    return EventWords(
        verbs=pairs("verbs"), nouns=pairs("nouns"), light=low(w, "light"), self_moving=low(w, "self_moving"),
        people_only=low(w, "people_only"), persons=low(w, "persons"), intent=low(w, "intent"),
        negations=low(w, "negations"),
        roles={role: {str(p).lower(): str(c) for p, c in (r.get(role) or {}).items()}
               for role in ("origin", "destination", "via", "location")},
        target=low(r, "target"),
        numbers={str(k).lower(): int(v) for k, v in (folder_data(folder, "numbers") or {}).items() if isinstance(v, int)})


def _span(toks: list[Any]) -> tuple[int, int]:
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _phrase(head: Any) -> list[Any]:
    """The words of a noun phrase, contiguous around its head, without clauses or its preposition."""
    keep = {head.i}
    for c in head.children:
        if c.dep_ not in CLAUSES and c.dep_ not in ("punct", "case", "cc"):
            keep |= {t.i for t in c.subtree}
    lo = hi = head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep and head.doc[hi + 1].text not in (",", "—", "(", ")"):
        hi += 1
    return list(head.doc[lo:hi + 1])


class _Reader:
    def __init__(self, doc: Doc, article: Article, words: EventWords, lang: str) -> None:
        self.doc, self.article, self.words, self.lang = doc, article, words, lang
        self.lex = lexicon()
        self.place_at: dict[int, dict[str, Any]] = {}
        for p in article.places or []:
            if p.get("metonymy") or p.get("lat") is None or not isinstance(p.get("start"), int):
                continue
            span = doc.char_span(int(p["start"]), int(p["end"]), alignment_mode="expand")
            for t in span or ():
                self.place_at.setdefault(t.i, p)

    # -- the frame ----------------------------------------------------------------------------
    def event(self, tok: Any, sent: tuple[int, int]) -> dict[str, Any] | None:
        lemma = tok.lemma_.lower()
        w = self.words
        verb, noun = tok, None
        if tok.pos_ == "VERB" and lemma in w.verbs:
            typ, sub = w.verbs[lemma]
        elif tok.pos_ == "NOUN" and lemma in w.nouns and tok.head.lemma_.lower() in w.light and tok.dep_ in ("obj", "nsubj:pass"):
            (typ, sub), verb, noun = w.nouns[lemma], tok.head, tok
        else:
            return None
        if any(c.text.lower() in w.negations and c.i < verb.i for c in verb.children):
            return None  # "никто не пострадал": reported as not having happened
        passive = "Voice=Pass" in str(verb.morph)
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and (noun is None or c.i != noun.i)), None)
        if subj is None and verb.dep_ == "xcomp":  # "Киев планирует перебросить …": the subject of the intent
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in verb.children if c.dep_ == "obj" and (noun is None or c.i != noun.i)), None)
        agent = next((c for c in verb.children if c.dep_ == "obl" and "Case=Ins" in str(c.morph) and
                      not any(g.dep_ == "case" for g in c.children) and c.i not in self.place_at), None)
        if passive or (subj is not None and subj.dep_ == "nsubj:pass"):
            actor, patient = agent, subj if subj is not None else obj
        elif lemma in w.self_moving:
            actor, patient = None, subj
        else:
            actor, patient = subj, obj
        if actor is not None and (actor.pos_ == "PRON" or actor.lemma_.lower() in ("который", "что")):
            actor = None  # "которые обстреляли …": the noun the clause hangs on is outside this frame
        people = patient is not None and self._people(patient)
        if (lemma in w.people_only or typ == "casualties") and not people:  # "пострадали предприятия"
            return None  # "освободили город", "направили запрос"
        count, count_text = self._count(patient) if patient is not None else (None, None)
        roles = self._places(verb, noun)
        target = None
        if noun is not None:  # "удар по Горловке"
            aim = next((c for c in noun.children if any(g.dep_ == "case" and (g.text.lower() in w.target or (
                g.text.lower() in w.roles["destination"] and "Case=Acc" in str(c.morph))) for g in c.children)), None)
            target = aim
        elif typ == "attack":
            target = patient
        if typ == "attack" and roles["destination"] is not None:  # "атака на Валуйки": where it hit, nothing moved
            roles["location"], roles["destination"] = roles["location"] or roles["destination"], None
        if typ == "attack" and roles["location"] is None:  # "обстреляли Горловку", "удар по Донецку": where it hit
            hit = target if target is not None else patient
            place = self.place_at.get(hit.i) if hit is not None else None
            if place is not None:
                roles["location"] = {k: place.get(k) for k in PLACE_KEYS}
        if not (actor is not None or patient is not None or count is not None or any(roles.values())):
            return None
        if typ == "transfer" and not (any(roles.values()) or count is not None or people):
            return None  # "отправили письмо": nothing moved that the finder can place
        d = self._dict(typ, sub, tok, sent, actor, patient, target, count, count_text, roles, verb)
        return d

    def _people(self, head: Any) -> bool:
        toks = _phrase(head)
        return any(t.lemma_.lower() in self.words.persons for t in toks) or \
            any("Animacy=Anim" in str(t.morph) and t.pos_ == "NOUN" for t in toks if t.i == head.i)

    def _count(self, head: Any) -> tuple[int | None, dict[str, Any] | None]:
        """The number that counts a phrase's head ("300 военных", "три человека")."""
        num = next((c for c in head.children if c.dep_.startswith("nummod")), None)
        if num is None:
            return None, None
        toks = [t for t in num.subtree if t.pos_ == "NUM" or t.text.replace("\u00a0", "").isdigit()] or [num]
        s, e = _span(toks)
        raw = self.doc.text[s:e]
        value: int | None = None
        if _DIGITS.fullmatch(raw):
            value = int(re.sub(r"\D", "", raw))
        else:
            value = self.words.numbers.get(num.lemma_.lower(), self.words.numbers.get(num.text.lower()))
        return value, {"text": raw, "start": s, "end": e}

    def _places(self, verb: Any, noun: Any | None) -> dict[str, dict[str, Any] | None]:
        """The article's places inside the event's phrases, by preposition and case: "из Херсона"
        (origin), "в Мелитополь" (destination), "через Джанкой" (via), "в Белгороде" (location).
        A place inside a destination's phrase is the destination ("на базу в Эт-Танфе")."""
        roles: dict[str, dict[str, Any] | None] = {"origin": None, "destination": None, "via": None, "location": None}
        heads = [c for c in verb.children if c.dep_ not in CLAUSES and c.dep_ not in ("punct", "nsubj")]
        if noun is not None:
            heads += [c for c in noun.children if c.dep_ not in CLAUSES]
        for h in heads:
            for t in h.subtree:
                place = self.place_at.get(t.i)
                if place is None:
                    continue
                role = self._role(t, h)
                if role is not None and roles[role] is None:
                    roles[role] = {k: place.get(k) for k in PLACE_KEYS}
        return roles

    def _role(self, t: Any, top: Any) -> str | None:
        """The role of the place at ``t`` by the preposition and case of the name it is part of
        ("из Херсона": origin); a location inside a destination's phrase is the destination ("на
        базу в Эт-Танфе"). A place deeper in another phrase has no role here ("после одного из
        ударов ВС РФ": not from Russia)."""
        node, seen = t, set()
        while node.i not in seen and not any(g.dep_ == "case" for g in node.children):
            seen.add(node.i)
            if node.i == top.i or node.head.i == node.i or node.dep_ not in NAME_PARTS:
                return None  # (spaCy makes a new Token per access: compare by index)
            node = node.head
        role = self._case_role(node)
        if role == "location" and node.dep_ == "nmod" and self._case_role(node.head) == "destination":
            return "destination"
        return role

    def _case_role(self, node: Any) -> str | None:
        case = next((g.text.lower() for g in node.children if g.dep_ == "case"), None)
        if case is None:
            return None
        morph = str(node.morph)
        for role in ("origin", "destination", "via", "location"):
            want = self.words.roles[role].get(case)
            if want is not None and f"Case={want}" in morph:
                return role
        return None

    def _planned(self, verb: Any) -> bool:
        """Threatened or intended, not reported as done: a future, a conditional, or under a verb of intent."""
        morph = str(verb.morph)
        if "Tense=Fut" in morph or any(c.text.lower() in ("бы", "будет", "будут") for c in verb.children):
            return True
        return "VerbForm=Inf" in morph and verb.head.lemma_.lower() in self.words.intent

    def _dict(self, typ: str, sub: str, tok: Any, sent: tuple[int, int], actor: Any, patient: Any, target: Any,
              count: int | None, count_text: dict[str, Any] | None, roles: dict[str, dict[str, Any] | None],
              verb: Any) -> dict[str, Any]:
        def words(head: Any) -> dict[str, Any] | None:
            if head is None:
                return None
            s, e = _span(_phrase(head))
            return {"text": self.doc.text[s:e], "start": s, "end": e}

        maps = self.lex.mappings.get(sub) or self.lex.mappings.get(typ) or {}
        acled = maps.get("acled")
        dates = find_claim_dates(self.doc.text[sent[0]:sent[1]], self.lang, self.article.published)
        when = dates[0] if dates else None
        a, p, tg = words(actor), words(patient), words(target)
        killed = count if typ == "casualties" and sub == "killed" else None
        injured = count if typ == "casualties" and sub == "injured" else None
        return {
            "type": typ, "subtype": sub, "trigger": tok.text, "start": tok.idx, "end": tok.idx + len(tok.text),
            "actor": None, "actor_text": a["text"] if a else None, "actor_span": a,
            "target": (tg or p or {}).get("text") if typ != "casualties" else (p or {}).get("text"),
            "target_span": tg or p,
            "count": count if typ != "casualties" else None,
            "count_qualifier": None, "count_text": count_text["text"] if count_text else None,
            "count_span": count_text, "killed": killed, "injured": injured,
            "killed_by_category": None, "injured_by_category": None,
            **roles, "means": None,
            "date": when.date if when else None, "date_basis": when.basis if when and when.date else None,
            "date_text": when.text if when else None,
            "date_span": {"start": sent[0] + when.start, "end": sent[0] + when.end} if when else None,
            "attribution": self._attribution(tok.idx),
            "acled": {"event_type": acled[0], "sub_event_type": acled[1]} if acled else None,
            "cameo": maps.get("cameo"), "planned": self._planned(verb), "cumulative": False,
            "sentence": {"start": sent[0], "end": sent[1]}, "language": self.lang,
        }

    def _attribution(self, char: int) -> list[dict[str, Any]] | None:
        return sourced_claim(self.article, char)


def find_events_multilingual(doc: Doc, article: Article, pack: LanguagePack) -> list[dict[str, Any]]:
    """Every event the article reports in its pack's language, over its parse; without a parse, by the
    trigger forms the pack lists (``events.surface``); none without event words."""
    spans = doc.user_data.get(SENTENCES) or (
        [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
        else list(sentences(doc.text, language=pack.code)))
    if not doc.has_annotation("DEP"):  # no parse: the pack's trigger forms, where it lists them
        return find_events_surface(doc.text, spans, article, pack)
    words = EventWords.of(pack)
    if not (words.verbs or words.nouns):
        return []
    reader = _Reader(doc, article, words, pack.code)
    out: list[dict[str, Any]] = []
    for a, b in spans:
        span = doc.char_span(a, b, alignment_mode="expand")
        for tok in span or ():
            ev = reader.event(tok, (a, b))
            if ev is not None:
                out.append(ev)
    return out


__all__ = ["EventWords", "find_events_multilingual"]
