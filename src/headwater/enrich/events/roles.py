"""Who, whom, how many, where and when for one event trigger, read off the dependency parse.

The parse of news sentences is often wrong about where a phrase attaches ("to the At-Tanf zone"
hangs from "receives"), so each role is looked for first where grammar puts it, then in the
trigger's clause: the subtrees of the verb that governs a noun trigger, and the sentence for
places and dates.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from headwater.enrich.doctext import sent_of, span_ents, text
from headwater.enrich.events.lexicon import NOT_ACTORS, lexicon, match_actor
from headwater.enrich.numbers import Quantity, find_quantities
from headwater.enrich.reldates import WEEKDAY, ResolvedDate, resolve_date
from headwater.lang import english_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from headwater.model import Article

SUBJ = ("nsubj", "csubj")
PLACE_KEYS = ("name", "lat", "lon", "place_id", "admin1", "country", "surface", "start", "end")
# Prepositions that give a movement its direction, and those that place any event.
DIRECTION = {"from": "origin", "to": "destination", "into": "destination", "towards": "destination",
             "toward": "destination", "onto": "destination", "through": "via", "via": "via", "across": "via"}
AT = english_words("event_roles", "at")
# Verbs of being somewhere: a place where the moved people were held is where they came from
# ("militants who were held in Hasakah were moved to Tanf").
STATE_VERBS = english_words("event_roles", "state_verbs")
# People named only as victims never act in an event.
VICTIMS = english_words("event_roles", "victims")
# Nouns of a protection an unnamed actor gave: "transported under the protection of Americans".
COVER = english_words("event_roles", "cover")
# Verbs that carry out a noun event: the subject of "carried out airstrikes" is their actor.
LIGHT = english_words("event_roles", "light")
VEHICLES = english_words("event_roles", "vehicles")


class Ctx:
    """What the role readers share for one article: places and quantities indexed by token."""

    def __init__(self, doc: Doc, article: Article) -> None:
        self.doc = doc
        self.article = article
        self.lex = lexicon()
        self.published = article.published
        self.place_at: dict[int, dict[str, Any]] = {}
        for p in article.places:
            if p.get("metonymy") or p.get("lat") is None:
                continue
            span = doc.char_span(int(p["start"]), int(p["end"]), alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                # "at al-Tanf" is one place mention; its "at" is not part of the place
                if t.pos_ != "ADP" or t.i == span.end - 1:
                    self.place_at.setdefault(t.i, p)
        self.qty_at: dict[int, Quantity] = {}
        for q in find_quantities(text(doc)):
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            for t in span or ():
                if t.ent_type_ in ("TIME", "PERCENT", "MONEY", "ORDINAL"):
                    q = Quantity(q.value, q.qualifier, q.text, q.start, q.end, q.vague, q.unit or t.ent_type_.lower())
                self.qty_at.setdefault(t.i, q)  # non-counts stay: they stop the search for a count

    # places --------------------------------------------------------------------------------
    def based(self, p: dict[str, Any]) -> bool:
        """"Britain-based", "UK-based monitor": where a source sits, not where anything happened."""
        return bool(re.match(r"\s*-?\s*based\b", text(self.doc)[int(p["end"]):int(p["end"]) + 9], re.I))

    def places_in(self, tokens: Iterable[Token]) -> list[dict[str, Any]]:
        seen: list[dict[str, Any]] = []
        for t in sorted(tokens, key=lambda t: t.i):
            p = self.place_at.get(t.i)
            if p is not None and not any(p is s for s in seen) and not self.based(p):
                seen.append(p)
        return seen

    def best_place(self, tokens: Iterable[Token]) -> dict[str, Any] | None:
        """The most specific place among the tokens: a town or base before a country."""
        found = self.places_in(tokens)
        if not found:
            return None
        specific = [p for p in found if p.get("kind") != "country"]
        return place_ref((specific or found)[0])

    # counts --------------------------------------------------------------------------------
    def count_of(self, head: Token) -> tuple[Quantity | None, Token]:
        """The quantity a noun phrase states ("at least 60 militants"), and the noun it counts.

        "scores of terrorists" is headed by "scores": the counted noun is then "terrorists"."""
        q = self.qty_at.get(head.i)
        if q is not None:
            of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
            pobj = [g for c in of for g in c.children if g.dep_ == "pobj" and g.pos_ != "PRON"]  # "nine of them"
            return (q if q.is_count else None), (pobj[0] if pobj else head)
        for t in sorted((t for t in head.subtree if t.i < head.i), key=lambda t: -t.i):
            q = self.qty_at.get(t.i)
            if q is not None and q.is_count:
                return q, head
        # the parse may not attach the number: read leftwards over modifiers ("750 Daesh elements")
        i = head.i - 1
        while i >= max(sent_of(head).start, head.i - 6):
            t = self.doc[i]
            q = self.qty_at.get(i)
            if q is not None:
                return (q if q.is_count else None), head
            if not (t.pos_ in ("ADJ", "PROPN", "NOUN", "DET") or t.text in ("-", "*", "’s", "'s")):
                break
            i -= 1
        return None, head

    def counts_people(self, noun: Token) -> bool:
        """Does the noun stand for people ("militants", "Daesh", "civilians")?"""
        lex = self.lex
        if lex.is_person(noun.lemma_) or lex.is_person(noun.lower_):
            return True
        if noun.pos_ == "PROPN" and match_actor([noun.text]) is not None:
            return True  # "killed 304 Daesh": members of a group
        return noun.pos_ == "NUM" or noun.i in self.qty_at

    # dates ---------------------------------------------------------------------------------
    def date_of(self, trigger: Token, extra: Iterable[Token] = ()) -> ResolvedDate | None:
        """The date of the event: a date attached to the trigger, else the nearest in its sentence."""
        sent = sent_of(trigger)
        spans: list[Span] = [e for e in span_ents(sent) if e.label_ == "DATE"]
        covered = {t.i for e in spans for t in e}
        for m in WEEKDAY.finditer(sent.text):  # NER misses weekdays in unpunctuated text
            sp = self.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
            if sp is not None and not covered & {t.i for t in sp}:
                spans.append(sp)
        if not spans:
            return None
        near = {t.i for t in trigger.subtree} | {t.i for t in extra}
        spans.sort(key=lambda s: (not any(t.i in near for t in s), abs(s.start - trigger.i)))
        for s in spans:
            r = resolve_date(s.text, self.published)
            if r is not None and (r.date or r.year):
                if self.published and r.date and r.date[:10] > self.published[:10]:
                    continue  # a date after publication is a plan, not when this happened
                return r
        return None

    # attribution ---------------------------------------------------------------------------
    def attribution_of(self, char: int) -> list[dict[str, Any]] | None:
        best: dict[str, Any] | None = None
        for a in self.article.attributions or []:
            try:
                start, end = int(a["start"]), int(a["end"])
            except (KeyError, TypeError, ValueError):
                continue
            if start <= char < end and (best is None or end - start < int(best["end"]) - int(best["start"])):
                best = a  # the innermost claim: a quote inside a report
        return list(best.get("sources") or []) if best else None


def place_ref(p: dict[str, Any]) -> dict[str, Any]:
    return {k: p.get(k) for k in PLACE_KEYS}


# noun phrases and actors ---------------------------------------------------------------------
def np_tokens(head: Token) -> list[Token]:
    """The words of a noun phrase without its clauses: "the US intelligence services" (+ "of X")."""
    out = [head]
    for c in head.children:
        if c.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep") and not (
                c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i):
            continue
        out.extend(c.subtree)
    return sorted(out, key=lambda t: t.i)


def np_text(head: Token) -> str:
    toks = [t for t in np_tokens(head)]
    while toks and (toks[0].dep_ in ("det", "predet") or toks[0].pos_ in ("DET", "PUNCT")):
        toks = toks[1:]
    if not toks:
        return head.text
    return head.doc[toks[0].i:toks[-1].i + 1].text.strip(" ,.;:*")


def actor_from(tokens: list[Token]) -> str | None:
    m = match_actor([t.text for t in tokens])
    return m[0] if m else None


def actor_of(head: Token, ctx: Ctx) -> tuple[str | None, str | None]:
    """(canonical actor, surface) for the noun phrase headed by ``head``; (None, None) if it names none."""
    if head.pos_ == "PRON" or head.lower_ in NOT_ACTORS or head.lemma_.lower() in VICTIMS or head.lower_ in VEHICLES \
            or ctx.lex.category_of(head.lemma_) in ("civilians", "children", "women"):
        return None, None  # "six people", "civilians": who events happen to, not who acts
    toks = np_tokens(head)
    surface = np_text(head)
    canonical = actor_from(toks)
    if canonical is None and head.i in ctx.place_at and ctx.place_at[head.i].get("kind") == "country":
        canonical = ctx.place_at[head.i]["name"]
    lex = ctx.lex
    if canonical is None:
        if head.lemma_.lower() in lex.nouns or head.lemma_.lower() in lex.adjectives or head.pos_ not in ("NOUN", "PROPN"):
            return None, None  # "the attack killed": an event, not an actor
        if head.i in ctx.qty_at:
            return None, None
    return canonical or surface, surface


def passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"))


def base_lemma(tok: Token) -> str:
    """The verb's lemma, also for a verb spaCy took for a name ("Surrendered in the area of ...")."""
    if tok.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
        return tok.lemma_.lower()
    low = tok.lower_
    for suffix, repl in (("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("s", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            cand = low[: -len(suffix)] + repl
            if cand in STATE_VERBS or cand in lexicon().verbs:
                return cand
    return low


def _nearest_subject(verb: Token, deps: tuple[str, ...]) -> Token | None:
    subs = [c for c in verb.children if c.dep_ in deps]
    return min(subs, key=lambda c: abs(c.i - verb.i)) if subs else None  # not a dateline before it


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The grammatical subject of a verb, shared from the clause it depends on when it has none."""
    own = _nearest_subject(verb, SUBJ)
    if own is not None:
        return own
    if depth >= 3:
        return None
    head = verb.head
    if verb.dep_ in ("xcomp", "conj") and head.i != verb.i:
        if verb.dep_ == "xcomp":  # "is said to have relocated": the raised subject
            raised = _nearest_subject(head, ("nsubj", "nsubjpass"))
            if raised is not None:
                return raised
        if head.pos_ in ("VERB", "AUX") and not passive(head):
            return subject_of(head, depth + 1)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.i != verb.i:
        return subject_of(head, depth + 1)  # "X shelled the town, killing 12"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.i != verb.i:
        return head  # "reinforcements arriving from Homs"
    if verb.dep_ == "relcl":
        rel = [c for c in verb.children if c.dep_ in ("nsubj",) and c.tag_ in ("WDT", "WP")]
        if rel:
            return verb.head
    return None


def agent_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def patient_of(verb: Token) -> Token | None:
    """Who or what the verb acts on: the object, the passive subject, the noun a participle modifies."""
    cands = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
    if cands:  # two passive subjects means a misparse: take the people, then the first named
        lex = lexicon()
        return min(cands, key=lambda c: (not (lex.is_person(c.lemma_) or c.pos_ == "NUM"), c.i))
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
        return verb.head  # "48 people killed", "militants trained by"
    if verb.dep_ == "relcl" and passive(verb):
        return verb.head
    if verb.dep_ == "conj" and passive(verb) and verb.head.pos_ == "VERB":
        return patient_of(verb.head)
    return None


def conjuncts(head: Token) -> list[Token]:
    out, stack = [head], [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM"):
                out.append(c)
                stack.append(c)
    return out


def governing_verb(tok: Token) -> Token | None:
    """The verb whose clause a noun belongs to: "receives" for "information about the movement"."""
    t = tok
    for _ in range(6):
        if t.head.i == t.i:
            return t if t.pos_ in ("VERB", "AUX") else None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def refine_subtype(subtype: str, words: Iterable[str]) -> str:
    """"attack" near "air" is an airstrike, near "chemical" a chemical attack (data/event_types.yaml)."""
    if subtype not in ("attack", "airstrike", "explosion", "shooting"):
        return subtype
    ws = {w.lower() for w in words}
    for name, cues in lexicon().refine:
        if ws & cues:
            return name
    return subtype


@dataclass
class Event:
    type: str
    subtype: str
    trigger: Token
    actor: str | None = None
    actor_text: str | None = None
    target: str | None = None
    count: Quantity | None = None
    killed: int | None = None
    injured: int | None = None
    killed_by_category: dict[str, int] = field(default_factory=dict)
    injured_by_category: dict[str, int] = field(default_factory=dict)
    roles: dict[str, dict[str, Any] | None] = field(default_factory=dict)  # origin, destination, location, via
    means: str | None = None
    date: ResolvedDate | None = None
    planned: bool = False
    mentions: list[Token] = field(default_factory=list)
    theme_ok: bool = True  # what moved, trained or was held is people or forces
