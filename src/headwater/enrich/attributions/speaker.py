"""Who a speaker names: the chain a cue's subject starts (itself resolved, then whom it cites), the subject of a
reporting verb, and whether words are a name at all (over the English dependency parse)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.appositions import appos_of_office, appos_of_person, name_at, role_of_name
from headwater.enrich.attributions.cues import (
    CITE_VERBS,
    PERSON_NOUNS,
    SPEECH,
)
from headwater.enrich.attributions.quotes import (
    QUOTES,
    quote_spans,
)
from headwater.enrich.attributions.source_memory import DESCRIBED_PEOPLE
from headwater.enrich.attributions.sources import (
    ANONYMOUS_HEADS,
    COLLECTIVE_HEADS,
    EVIDENCE_HEADS,
    OBJECTS,
    OFFICIAL_ROLES,
    OUTLET_HEADS,
    PARTITIVE_HEADS,
    POSSESSIVES,
    SOURCE_NOUNS,
    Memory,
    SourceRegistry,
    describe,
    typed,
)
from headwater.enrich.doctext import ents as doc_ents
from headwater.enrich.doctext import sent_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# The author's own voice: first and second person outside quotes ("I believe", "we know", "you
# might want to") is the writer speaking, never the last person named.
AUTHOR = frozenset(("i", "we", "me", "us", "my", "our", "you", "your"))
# Finite verb tags: a speaker's words that hold one are a clause, not a name.
FINITE = frozenset(("VBD", "VBZ", "VBP", "MD"))


# Unnamed speakers a place after "in" says whose they are: "officials in Kyiv", "diplomats in Brussels".
PLACED_HEADS = frozenset(("official", "officials", "authorities", "diplomat", "diplomats", "sources", "source",
                          "prosecutors", "police", "investigators"))


def core(tok: Token) -> list[Token]:
    """The noun phrase of a speaker without clauses hanging on it (relative clauses, appositions)."""
    # case: an owner's 's; preconj: "both" of "both Russia and Ukraine"
    drop = {"relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "prep", "case", "preconj"}
    keep = [tok]
    for child in tok.children:
        if child.dep_ not in drop or (child.dep_ == "prep" and child.i < tok.i):
            keep.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in ("of", "to", "for") and all(
                t.pos_ in ("PROPN", "DET", "ADP", "NOUN", "ADJ", "PART") for t in child.subtree):
            keep.extend(child.subtree)  # "Foreign Intelligence Service of Russia", "Representative to the UN"
        elif child.dep_ == "prep" and child.lower_ == "in" and tok.lower_ in PLACED_HEADS and any(
                g.dep_ == "pobj" and (g.ent_type_ == "GPE" or g.pos_ == "PROPN") and len(list(child.subtree)) <= 3
                for g in child.children):
            keep.extend(child.subtree)  # "officials in Kyiv": whose officials the place says
    out = sorted(set(keep), key=lambda t: t.i)
    comma = next((t.i for t in reversed(tok.doc[out[0].i:tok.i]) if t.text == ","), None)
    if comma is not None:  # "This winter, Ukraine's SBU announced": a phrase set off before the speaker is not it
        out = [t for t in out if t.i > comma]
    return out


def source_chain(tok: Token, registry: SourceRegistry, memory: Memory) -> list[dict[str, Any]]:
    """The chain a speaker token starts: itself (resolved) then whom it cites."""
    doc = tok.doc
    words = core(tok)
    text = doc[words[0].i: words[-1].i + 1].text
    if tok.lower_ in AUTHOR and tok.pos_ == "PRON":
        return [{"name": tok.text, "kind": "author", "country": None, "state_affiliated": None, "text": tok.text,
                 "author": True}]
    if tok.pos_ == "PRON" or (tok.lower_ in ("which", "who", "that") and tok.dep_.startswith("nsubj")
                              and not tok.text.isupper()):  # ("WHO" in capitals is the health body)
        if tok.lower_ in ("which", "who", "that") and tok.head.dep_ == "relcl":
            return source_chain(tok.head.head, registry, memory)  # "a group that advocates ...": the group
        if tok.lower_ in OBJECTS and tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
            tok_as = OBJECTS[tok.lower_]  # "according to him": as "he"
            found = memory.resolve(tok_as, registry) or last_person(tok, registry, memory, tok_as)
        else:
            found = _topic_person(tok, registry, memory) or memory.resolve(POSSESSIVES.get(tok.lower_, tok.lower_),
                                                                           registry) or last_person(tok, registry, memory)
        if found:  # inferred, and said so: the text has only the pronoun here
            return [{**found[0], "resolved_from": tok.text, "inferred": True}, *found[1:]]
        return [{"name": tok.text, "kind": "anonymous", "country": None, "state_affiliated": None,
                 "text": tok.text, "unresolved": True}]
    many = counted(tok)
    if many is not None:  # "a number of economists": the economists
        return source_chain(many, registry, memory)
    if words[0].lower_ == "the" and (tok.lower_ in ANONYMOUS_HEADS | OFFICIAL_ROLES | COLLECTIVE_HEADS | OUTLET_HEADS
                                     | DESCRIBED_PEOPLE) \
            and not any(t.pos_ == "PROPN" for t in words) and not any(c.dep_ == "appos" for c in tok.children):
        found = memory.resolve(text, registry)
        if found:
            return found
    owner = _document_owner(tok)
    if owner is not None:  # "a report by Fox News": Fox News speaks through it
        chain = source_chain(owner, registry, memory)
        if chain and chain[0].get("kind") not in ("anonymous", "author"):
            return [{**chain[0], "document": text}, *chain[1:]]
    # a person named inside the phrase is the speaker only when the phrase is the person: "the Biden
    # administration", "Biden's spokesman" are not Biden (the phrase's head noun is outside the name)
    person = next((e for e in doc_ents(doc) if e.label_ == "PERSON" and e.start >= words[0].i
                   and e.end <= words[-1].i + 1 and (e.start <= tok.i < e.end or tok.pos_ == "PROPN")), None)
    if person is None:  # "Russia's ambassador, Vassily Nebenzya, told": the name stands in apposition
        appos = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        office = appos_of_office(tok) if appos is None else None
        appos = appos or office
        named = name_at(appos, tok, registry) if appos is not None else None
        if named is not None:
            role_text = doc[tok.left_edge.i: named.start].text.strip(" ,") if office is not None else text
            src = describe(text, registry, person=named.text, role=role_text)
            return [memory.same_person(src)]
        kin = appos_of_person(tok)
        if kin is not None:  # "the wife of John Smith, Mary, said": Mary, no office of his typing her
            return [memory.same_person(describe(kin.text, registry, person=kin.text))]
        given = role_of_name(tok, text, registry)
        if given is not None:  # '“…,” said Amara Diallo, the country's foreign minister' (the tagger: an ORG)
            return [memory.same_person(describe(text, registry, person=text, role=given.text))]
    if person is None and tok.pos_ == "PROPN" and tok.dep_ == "nsubj":
        # a second subject or a compound carries the role: "Russia's ambassador to the UN, Vassily Nebenzya"
        other = next((c for c in tok.head.children if c.dep_ == "nsubj" and c.i != tok.i), None)
        if other is not None and {t.lower_ for t in other.subtree} & OFFICIAL_ROLES:
            role_words = core(other)
            role_text = doc[role_words[0].i: role_words[-1].i + 1].text
            if not registry.body(text) and not registry.outlets.by_name(text):
                return [memory.same_person(describe(text, registry, person=text, role=role_text))]
    ner = next((e.label_ for e in doc_ents(doc) if e.start <= tok.i < e.end), None)
    if person is None and (text in memory.names or text in memory.roles) and not registry.outlets.by_name(text):
        # a surname the parser did not take for a person ("Kaskmaa said" after "Tiit Kaskmaa")
        return [memory.same_person(describe(text, registry, person=text))]
    role = None
    if person is not None:
        role = doc[words[0].i: person.start].text.strip(" ,") or _appos_text(tok) or None
    has_name = any(t.pos_ == "PROPN" and registry.country_of(t.text) is None for t in words)
    src = describe(text, registry, ner=ner, person=person.text if person is not None else None, role=role,
                   has_name=has_name)
    if src["kind"] == "organization" and not src.get("typed_by") and tok.pos_ == "PROPN" and len(words) <= 2:
        src = _outlet_named_before(tok, registry) or src
    if src["kind"] == "person":
        src = memory.same_person(src)
    chain = [src]
    for t in tok.subtree:  # "SANA, which cited anonymous local sources"; "Y, citing X"
        if t.lemma_ in CITE_VERBS and t.i != tok.i:
            obj = next((c for c in t.children if c.dep_ in ("dobj", "pobj", "attr")), None)
            if obj is not None:
                chain.extend(source_chain(obj, registry, memory))
    return chain


# Entities that can own a document ("the IPCC's report", "a Pew Research survey", "a United States
# report"); not dates or numbers ("an October 2021 report").
OWNER_LABELS = frozenset(("ORG", "PERSON", "GPE", "NORP"))


def _outlet_named_before(tok: Token, registry: SourceRegistry) -> dict[str, Any] | None:
    """"The Post reported", "the Journal added": the outlet of the registry the article named before
    whose name ends with the word ("The Washington Post"), inferred and said so; None when the
    article named none, or two that end alike."""
    before = tok.doc.text[:tok.idx]
    found: dict[str, Any] = {}
    for m in re.finditer(r"((?:[A-Z][\w.&'’-]* +){1,4})" + re.escape(tok.text) + r"\b", before):
        ws = m.group(1).split()
        for i in range(len(ws)):
            o = registry.outlets.by_name(" ".join([*ws[i:], tok.text]))
            if o is not None:
                found[o.id] = o
                break
    if len(found) != 1:
        return None
    o = next(iter(found.values()))
    return typed({"name": o.name, "canonical": o.name, "kind": "agency" if o.kind == "agency" else "outlet",
                  "country": o.country, "state_affiliated": o.state_affiliated, "text": tok.text,
                  "resolved_from": tok.text, "inferred": True}, f"outlet:{o.id}")


def counted(tok: Token) -> Token | None:
    """The people a partitive counts: "a number of economists", "a group of experts" (what "of" names,
    when it can speak: a name or a noun of sources); else None."""
    if tok.lemma_.lower() not in PARTITIVE_HEADS or tok.pos_ != "NOUN":
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if obj is None or not (obj.pos_ == "PROPN" or obj.lemma_.lower() in SOURCE_NOUNS | PERSON_NOUNS
                           or obj.lower_ in SOURCE_NOUNS):
        return None
    return obj


def _document_owner(tok: Token) -> Token | None:
    """Who wrote a document that speaks: "a report by Fox News", "a new study from the EPA", "a study
    carried out by Linnaeus University" (the object of "by" or "from" on it, or on a participle on it),
    "the IPCC's report", "an Asia Times report" (a name owning it or compounded with it)."""
    if tok.lemma_.lower() not in EVIDENCE_HEADS or tok.pos_ != "NOUN":
        return None
    for c in tok.children:
        if c.i < tok.i and c.dep_ in ("poss", "compound") and c.pos_ == "PROPN" and \
                any(e.label_ in OWNER_LABELS and e.start <= c.i < e.end for e in doc_ents(tok.doc)):
            return c
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i > tok.i:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > tok.i:  # "carried out by", "commissioned by"
            agent = next((g for g in c.children if g.dep_ == "agent"), None)
            if agent is not None:
                return next((g for g in agent.children if g.dep_ == "pobj"), None)
    return None


def span_source(span: Span, registry: SourceRegistry, memory: Memory) -> list[dict[str, Any]]:
    """The source a span of words names, read from its entities rather than its parse (headlines)."""
    person = next((e for e in span.ents if e.label_ == "PERSON"), None)
    if person is not None:
        return [memory.same_person(describe(span.text, registry, person=person.text, role=span.text))]
    ner = next((e.label_ for e in span.ents), None)
    return [describe(span.text, registry, ner=ner, has_name=any(t.pos_ == "PROPN" for t in span))]


def _topic_person(tok: Token, registry: SourceRegistry, memory: Memory) -> list[dict[str, Any]] | None:
    """"He" opening a sentence is the person the previous sentence was about (its named subject),
    when that sentence is not a quote: "Biden said … Putin arrived in Minsk on Monday. He noted …"
    is Putin, not the last speaker. Otherwise None (the last speaker decides)."""
    if POSSESSIVES.get(tok.lower_, tok.lower_) not in ("he", "she") or tok.sent.start == 0:
        return None
    if any(t.dep_.startswith("nsubj") and t.i < tok.i and t.pos_ == "PROPN" for t in tok.sent):
        return None  # the sentence itself names a subject before the pronoun
    prev = tok.doc[tok.sent.start - 1].sent
    if "\n" in tok.doc.text[prev.end_char:tok.sent.start_char] or prev.text.lstrip()[:1] in QUOTES:
        return None
    subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    ent = next((e for e in tok.doc.ents if e.label_ == "PERSON" and e.start <= subj.i < e.end), None)
    if ent is None or len(quote_spans(prev.text)):
        return None
    return [memory.same_person(describe(ent.text, registry, person=ent.text, role=memory.roles.get(ent.text)))]


def last_person(tok: Token, registry: SourceRegistry, memory: Memory,
                 as_word: str | None = None) -> list[dict[str, Any]] | None:
    """For "he" or "she" no earlier source resolves: the person last named before it."""
    if (as_word or POSSESSIVES.get(tok.lower_, tok.lower_)) not in ("he", "she"):
        return None
    person = next((e for e in reversed(tok.doc.ents) if e.label_ == "PERSON" and e.end <= tok.i), None)
    if person is None:
        return None
    return [memory.same_person(describe(person.text, registry, person=person.text, role=memory.roles.get(person.text)))]


def _appos_text(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ == "appos":
            return tok.doc[c.left_edge.i: c.right_edge.i + 1].text
    return None


# Indefinite pronouns: no one in particular speaks ("anyone who claims …", "everybody knows").
NOBODY_IN_PARTICULAR = frozenset(("anyone", "anybody", "everyone", "everybody", "someone", "somebody", "nobody",
                                  "whoever"))


def not_a_name(subj: Token) -> bool:
    """A speaker's words that are a clause, not a name: "Fearing he was not going to last …," (a
    participle heading it, or a finite verb inside it)."""
    if subj.tag_ in ("VBG", "VBN", "VB") or (subj.pos_ in ("VERB", "AUX") and subj.tag_ in FINITE):
        return True
    if subj.lower_ in NOBODY_IN_PARTICULAR:
        return True  # "anyone who says so", "everyone knows": a generalization, the article's own claim
    if subj.lower_ in OBJECTS:
        return True  # "a clip showed him explaining", "uses them to support": an object speaks for no one
    if subj.lower_ in ("one", "this", "that", "these", "those") and subj.pos_ in ("PRON", "NUM", "DET") and \
            subj.tag_ != "WDT" and subj.head.dep_ != "relcl" and not list(subj.children):
        return True  # "one might hope", "This suggests a disconnect": the writer's own reasoning, no speaker
    words = core(subj)
    return any(t.tag_ in FINITE and t.dep_ not in ("amod", "compound") for t in words if t.i != subj.i) \
        or subj.doc[words[-1].i].text == ","


def subject(verb: Token) -> Token | None:
    """The speaker of a reporting verb: its subject, the agent of a passive, or its governing verb's subject."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:  # "Russia's ambassador to the UN, Vassily Nebenzya told": the name
        return next((c for c in reversed(subjects) if c.pos_ == "PROPN"), subjects[-1])
    for c in verb.children:
        if c.dep_ in ("nsubj",):
            return c
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        # "Damascus asked that foreign forces leave, accusing the US of…": a trailing participle speaks
        # for the sentence's own subject, not for the subject of the clause it follows
        root = sent_of(verb).root
        top = next((c for c in root.children if c.dep_ == "nsubj"), None) if root.pos_ in ("VERB", "AUX") else None
        if top is not None and top.i < verb.i:
            return top
    if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" and c.i < verb.i for c in verb.head.children):
        # "prompting the screens to show", "asked him to say": the object does it, not the subject
        return next(c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i)
    if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return subject(verb.head)
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if verb.lemma_ in SPEECH and after is not None and after.is_title and after.pos_ in ("PROPN", "ADV", "NOUN") \
            and verb.i > 1 and verb.doc[verb.i - 1].is_quote:
        return after  # '“…,” said Skelly': the parser missed the inverted subject
    return None

