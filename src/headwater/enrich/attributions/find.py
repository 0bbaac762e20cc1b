"""Attributions: who the article says a claim comes from, and whom that source cites.

Over the dependency parse: reporting verbs of speech, belief, stance and intent with their subjects
("X said", "X told Y that", "X wants", "X endorsed"; the cue words are in ``cues``),
nouns and adjectives that carry a claim ("Trump's claim that", "her decision to", "advisers were
confident that"), "according to X", statements ("an SVR statement reads"), quotes beside their
speech tag with all their parts and running on into the next sentence (``attribution_quotes``),
a quote signed with a dash ("“…” ― Ana Ruiz"), headline shapes ("Poll: …", "X Says …";
``attribution_headlines``), and speakers named by pronoun or role ("he added", "the Russian envoy
said") resolved to the named source earlier in the article. Chains: "Y, which cited X", "Y, citing
X", "X told Y (an outlet) that" give Y then X. Sentences without a source are the article's own
claims, kept apart (``unattributed_claims``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.appositions import appos_of_office, appos_of_person, name_at
from headwater.enrich.attributions.cues import (
    ATTITUDE_ADJ,
    CITE_VERBS,
    CLAUSE_ONLY,
    CLAUSE_REQUIRED,
    CUE_NOUNS,
    EVIDENCE,
    FORCEFUL,
    HEDGES,
    PERSON_NOUNS,
    QUOTE_TAG,
    REPORT_VERBS,
    SPEAKING_NOUNS,
    SPEECH,
    attitude_content,
    names_speaker,
    noun_content,
    noun_owner,
    phrasal_cue,
)
from headwater.enrich.attributions.headlines import headline_attributions, is_headline
from headwater.enrich.attributions.known import UNDATED_TERM, date_floor, former_by
from headwater.enrich.attributions.quotes import (
    QUOTES,
    doc_quotes,
    in_quotes,
    opens_quote,
    quote_content,
    quote_spans,
    sentence_quotes,
    sentences,
    trim,
)
from headwater.enrich.attributions.roles import article_roles, full_names
from headwater.enrich.attributions.sources import (
    ANONYMOUS_HEADS,
    COLLECTIVE_HEADS,
    EVIDENCE_HEADS,
    FORMER,
    OBJECTS,
    OFFICIAL_ROLES,
    OUTLET_HEADS,
    PARTITIVE_HEADS,
    POSSESSIVES,
    SOURCE_NOUNS,
    STATE_NOUNS,
    Memory,
    SourceRegistry,
    affiliation,
    describe,
    from_known,
    typed,
)
from headwater.enrich.doctext import ents as doc_ents
from headwater.enrich.doctext import sent_of, text
from headwater.extract.dates import find_dates

__all__ = ["find_attributions", "quote_spans"]

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from headwater.model import Article

# A short name, a colon, an opening quote: how headlines and transcripts attribute.
COLON_QUOTE = re.compile(r"^\s*([A-Z][^:“\"\n]{1,60}?)\s*:\s*[“\"]")
# A quote, a dash, a name, and nothing else: '“We deserve better.” ― Ana Ruiz'.
# The author's own voice: first and second person outside quotes ("I believe", "we know", "you
# might want to") is the writer speaking, never the last person named.
AUTHOR = frozenset(("i", "we", "me", "us", "my", "our", "you", "your"))
# Finite verb tags: a speaker's words that hold one are a clause, not a name.
FINITE = frozenset(("VBD", "VBZ", "VBP", "MD"))
DASH_TAG = re.compile(r"[”\"]\s*(?P<dash>[―—–])\s*(?P<who>[A-Z][^\s,.;:!?]*(?:\s+[A-Z][^\s,.;:!?]*){0,4})[\s,.]*$")


@dataclass
class Found:
    claim_start: int
    claim_end: int
    cue: str
    cue_start: int
    chain: list[dict[str, Any]]
    speaker_start: int | None = None
    quote: bool = False
    nested: bool = False  # inside what another source says: "the envoy said the UN must demand ..."
    runs_on: bool = True  # a quote opening the next sentence may be more of it (not so when the tag comes last)
    hedges: list[str] = field(default_factory=list)


def _core(tok: Token) -> list[Token]:
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
    return sorted(set(keep), key=lambda t: t.i)


def _source(tok: Token, registry: SourceRegistry, memory: Memory) -> list[dict[str, Any]]:
    """The chain a speaker token starts: itself (resolved) then whom it cites."""
    doc = tok.doc
    words = _core(tok)
    text = doc[words[0].i: words[-1].i + 1].text
    if tok.lower_ in AUTHOR and tok.pos_ == "PRON":
        return [{"name": tok.text, "kind": "author", "country": None, "state_affiliated": None, "text": tok.text,
                 "author": True}]
    if tok.pos_ == "PRON" or (tok.lower_ in ("which", "who", "that") and tok.dep_.startswith("nsubj")):
        if tok.lower_ in ("which", "who", "that") and tok.head.dep_ == "relcl":
            return _source(tok.head.head, registry, memory)  # "a group that advocates ...": the group
        if tok.lower_ in OBJECTS and tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
            tok_as = OBJECTS[tok.lower_]  # "according to him": as "he"
            found = memory.resolve(tok_as, registry) or _last_person(tok, registry, memory, tok_as)
        else:
            found = _topic_person(tok, registry, memory) or memory.resolve(POSSESSIVES.get(tok.lower_, tok.lower_),
                                                                           registry) or _last_person(tok, registry, memory)
        if found:  # inferred, and said so: the text has only the pronoun here
            return [{**found[0], "resolved_from": tok.text, "inferred": True}, *found[1:]]
        return [{"name": tok.text, "kind": "anonymous", "country": None, "state_affiliated": None,
                 "text": tok.text, "unresolved": True}]
    counted = _counted(tok)
    if counted is not None:  # "a number of economists": the economists
        return _source(counted, registry, memory)
    if words[0].lower_ == "the" and (tok.lower_ in ANONYMOUS_HEADS | OFFICIAL_ROLES | COLLECTIVE_HEADS | OUTLET_HEADS) \
            and not any(t.pos_ == "PROPN" for t in words) and not any(c.dep_ == "appos" for c in tok.children):
        found = memory.resolve(text, registry)
        if found:
            return found
    owner = _document_owner(tok)
    if owner is not None:  # "a report by Fox News": Fox News speaks through it
        chain = _source(owner, registry, memory)
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
    if person is None and tok.pos_ == "PROPN" and tok.dep_ == "nsubj":
        # a second subject or a compound carries the role: "Russia's ambassador to the UN, Vassily Nebenzya"
        other = next((c for c in tok.head.children if c.dep_ == "nsubj" and c.i != tok.i), None)
        if other is not None and {t.lower_ for t in other.subtree} & OFFICIAL_ROLES:
            role_words = _core(other)
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
                chain.extend(_source(obj, registry, memory))
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


def _counted(tok: Token) -> Token | None:
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


def _span_source(span: Span, registry: SourceRegistry, memory: Memory) -> list[dict[str, Any]]:
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


def _last_person(tok: Token, registry: SourceRegistry, memory: Memory,
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
    words = _core(subj)
    return any(t.tag_ in FINITE and t.dep_ not in ("amod", "compound") for t in words if t.i != subj.i) \
        or subj.doc[words[-1].i].text == ","


def _subject(verb: Token) -> Token | None:
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
        return _subject(verb.head)
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if verb.lemma_ in SPEECH and after is not None and after.is_title and after.pos_ in ("PROPN", "ADV", "NOUN") \
            and verb.i > 1 and verb.doc[verb.i - 1].is_quote:
        return after  # '“…,” said Skelly': the parser missed the inverted subject
    return None


def _content(verb: Token, subj: Token, sent: Span, quotes: list[tuple[int, int]]) -> tuple[int, int, bool]:
    """Offsets of what the verb reports: the quote beside it ('“…,” Zhuravlev said', 'He added, “…”'),
    its clause, or the sentence."""
    left = min(verb.idx, subj.left_edge.idx)
    right = max(verb.idx + len(verb), subj.right_edge.idx + len(subj.right_edge))
    quoted = quote_content(verb, sent, quotes, left, right)
    if quoted is not None:
        return quoted[0], quoted[1], True
    before, after_tag = left - sent.start_char, sent.end_char - right
    if before > 15 and after_tag > 15 and sent.text[max(0, before - 3):before].strip().endswith(","):
        return sent.start_char, sent.end_char, False  # "Take action now, they said, and you risk...": all of it
    inside = [c for c in verb.children if sent.start <= c.i < sent.end]
    for c in inside:
        if c.dep_ in ("ccomp", "xcomp") and c.right_edge.i - c.left_edge.i >= 2:
            if c.i > verb.i:  # "X told Y that C1 and C2.": the rest of the sentence is what X said
                end = sent.end_char - (1 if sent.text.rstrip()[-1:] in ".!" else 0)
                return c.left_edge.idx, max(end, c.right_edge.idx + len(c.right_edge)), False
            return sent.start_char, c.right_edge.idx + len(c.right_edge), False
    for c in inside:  # "calling for X", "talk about X", "called the charges unsubstantiated"
        target: Token | None = c if c.dep_ == "dobj" else None
        if c.dep_ == "prep" and c.lower_ in ("for", "about", "on", "against", "over", "to"):
            target = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
        if target is not None and target.right_edge.i - target.left_edge.i >= 2 and target.i > verb.i:
            end = sent.end_char - (1 if sent.text.rstrip()[-1:] in ".!" else 0)
            return target.left_edge.idx, max(end, target.right_edge.idx + len(target.right_edge)), False
    return sent.start_char, sent.end_char, False


def _sentence(sent: Span, registry: SourceRegistry, memory: Memory) -> list[Found]:
    """The attributions of one sentence: its cues in the parse, then the tag shapes that stand
    outside it (a colon, a dash, a headline)."""
    found: list[Found] = []
    quotes = sentence_quotes(sent)
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            f = _according_to(tok, sent, registry, memory)
        elif in_quotes(tok, quotes):
            continue
        elif (tok.lemma_ in REPORT_VERBS or phrasal_cue(tok)) and tok.pos_ in ("VERB", "AUX"):
            f = _verb_cue(tok, sent, quotes, registry, memory)
        elif tok.lemma_.lower() in CUE_NOUNS and tok.pos_ == "NOUN":
            f = _noun_cue(tok, registry, memory)
        elif tok.lemma_.lower() in ATTITUDE_ADJ and tok.pos_ == "ADJ" and tok.dep_ == "acomp":
            f = _adjective_cue(tok, registry, memory)
        else:
            continue
        if f is not None:
            found.append(f)
    if not found:
        f = _colon_quote(sent, quotes, registry, memory) or _dash_quote(sent, registry, memory)
        found = [f] if f is not None else []
    if is_headline(sent):
        found = [Found(h.claim_start, h.claim_end, h.cue, h.cue_start, _span_source(h.speaker, registry, memory),
                       h.speaker.start_char) for h in headline_attributions(sent)] or found
    for f in found:
        f.hedges = sorted({m.group(0).lower() for m in HEDGES.finditer(sent.text)})
    return found


def _according_to(tok: Token, sent: Span, registry: SourceRegistry, memory: Memory) -> Found | None:
    """'According to X, claim.' and 'Claim, according to X.'"""
    pobj = next((c for c in tok.nbor().children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    chain = _source(pobj, registry, memory)
    if tok.idx - sent.start_char > 3:
        start, end = sent.start_char, tok.idx
    else:
        start, end = pobj.right_edge.idx + len(pobj.right_edge), sent.end_char
    return Found(start, end, "according to", tok.idx, chain, pobj.idx)


OBLIGATION = frozenset(("must", "should", "ought"))
# Verbs that still report under a negation: "did not rule out that", "did not deny that", "did not hide
# that" say something; "did not say whether", "no official confirmed" say nothing. As Russian's negated_ok.
NEGATED_OK = frozenset(("rule", "deny", "hide", "conceal", "doubt", "exclude", "dispute", "rule out"))
# A subject that says no one spoke: "No official confirmed", "Neither Kyiv nor Moscow commented".
NO_ONE = frozenset(("no", "neither", "none", "nobody", "nor"))
# Participles that name what they follow ("a group called X", "a plan dubbed Y"): no one speaks.
NAMING = frozenset(("call", "name", "dub", "label", "brand", "term", "nickname", "title"))
# Verbs whose "it" is no one: "it seems", "it appears", "it turns out".
IMPERSONAL = frozenset(("seem", "appear", "turn", "emerge", "transpire"))


def _verb_cue(tok: Token, sent: Span, quotes: list[tuple[int, int]], registry: SourceRegistry,
              memory: Memory) -> Found | None:
    """A reporting verb with its speaker: "X said", "X told Y that", "“…,” X continued"."""
    nested = any(a.lemma_ in REPORT_VERBS and any(c.dep_ in ("ccomp", "xcomp") and (c == tok or c.is_ancestor(tok))
                                                  for c in a.children) for a in tok.ancestors)
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in tok.children):
        return None  # "the UN must demand a report": what someone should say has not been said
    if tok.lemma_ in NAMING and (tok.dep_ == "acl" or (
            any(c.dep_ == "oprd" for c in tok.children) and not any(c.dep_ == "dobj" for c in tok.children)
            and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and any(d.lower_ in ("a", "an") for d in c.children)
                    for c in tok.children))):
        return None  # "an organization called the Weimar Triangle": a name given, nothing said (not "X called Y a liar")
    subj = _subject(tok)
    if subj is None or (tok.lemma_ in CITE_VERBS and (subj.lower_ in ("which", "who") or tok.dep_ == "advcl")):
        return None  # "SANA, which cited sources", "X, citing Y, said": links of a chain, not attributions
    if _unsaid(tok, subj):
        return None  # "the ministry did not say whether …", "no official confirmed …": nothing was said
    if tok.lemma_ in CLAUSE_REQUIRED and not quotes and not any(c.dep_ == "ccomp" for c in tok.children):
        return None
    if tok.lemma_ in CLAUSE_ONLY and not quotes and not any(
            c.dep_ == "ccomp" or (c.dep_ in ("dobj", "xcomp") and c.right_edge.i - c.left_edge.i >= 2)
            for c in tok.children):
        return None  # "polls show that", "a poll shows Sanders leading", "wants the law repealed"; not "I see"
    if not _speaks(tok, subj) or not_a_name(subj):
        return None
    if subj.lower_ == "it" and (tok.lemma_ in IMPERSONAL or subj.dep_ == "expl" or (
            subj.head.i != tok.i and (subj.head.lemma_ == "be" or subj.head.lower_ in ("'s", "’s", "is", "was"))
            and any(c.dep_ == "acomp" for c in subj.head.children))):
        return None  # "it seems our officials …", "It's important to note that …": no one, the writer's own voice
    thing = _thing(subj)
    if thing and tok.lemma_ not in SPEECH and tok.lemma_ not in EVIDENCE:
        # "a carbon tax seeks": a thing wants nothing, the article's own reasoning (a verb of speech
        # proper has a speaker for subject, whatever noun: "the airline said")
        return None
    chain = _source(subj, registry, memory)
    if thing and tok.lemma_ in EVIDENCE:
        # "the increase suggests", "the outcome shows": evidence the article reads, unnamed, never a name
        words = _core(subj)
        said = subj.doc[words[0].i: words[-1].i + 1].text
        chain = [typed({"name": re.sub(r"^(?:the|a|an)\s+", "", said, flags=re.I), "kind": "anonymous",
                        "described": "evidence", "country": None, "state_affiliated": None, "text": said}, None)]
    if any(c in str(chain[0].get("name")) for c in "|•»"):
        return None  # a page's menu the parser ran into the sentence ("Festival | Episode | News calls …")
    if str(chain[0].get("name")).lower() in NOBODY_IN_PARTICULAR:
        return None  # "anyone who says …": no one in particular
    for c in tok.children:  # "X, citing Y, said": Y is X's source
        if c.dep_ == "advcl" and c.lemma_ in CITE_VERBS:
            obj = next((g for g in c.children if g.dep_ in ("dobj", "pobj")), None)
            if obj is not None:
                chain = chain + _source(obj, registry, memory)
    if tok.lemma_ == "tell":  # "X told Y (an outlet) that ...": the outlet reports what X told it
        heard = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
        if heard is not None:
            recipient = _source(heard, registry, memory)
            if recipient[0]["kind"] in ("outlet", "agency") and not recipient[0].get("inferred"):
                # (an outlet only inferred, "told the website", is not put ahead of the speaker the text names)
                chain = recipient[:1] + chain
    start, end, is_quote = _content(tok, subj, sent, quotes)
    if tok.lemma_ in QUOTE_TAG and not is_quote:
        return None  # "the talks continued", "they sang together": no quote, nothing reported
    if (start, end) == (sent.start_char, sent.end_char) and not is_quote:
        rest = [t for t in sent if not t.is_punct and t.i not in range(subj.left_edge.i, subj.right_edge.i + 1)
                and t.i != tok.i and not (t.head == tok and t.dep_ in ("prep", "npadvmod", "advmod"))
                and not (t.head.head == tok and t.head.dep_ == "prep")]
        if len(rest) < 4:
            return None  # "Clinton said to People.": only the tag, nothing said
    return Found(start, end, tok.text, tok.idx, chain, subj.idx, is_quote, nested=nested)


# Endings of nouns for people and agents ("supporter", "negotiator", "physician", "participant",
# "resident"): such a subject may speak though no list names it. Not "-ment" ("the movement").
AGENTIVE = re.compile(r"(?:[^m]er|or|ist|ian|ant|[^m]ent|eer|ee)s?$")


def _unsaid(verb: Token, subj: Token) -> bool:
    """A speech act negated, by the verb ("did not say", "never confirmed") or by its subject ("no
    official", "neither Kyiv nor Moscow"), says nothing; "did not rule out that …" still does."""
    if verb.lemma_ in NEGATED_OK:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and (verb.head.lemma_ in ("decline", "refuse") or (
            any(c.dep_ == "neg" for c in verb.head.children) and verb.head.lemma_ in ("want", "wish", "care", "bother"))):
        return True  # "declined to comment", "refused to say", "did not want to comment"
    return subj.lower_ in NO_ONE or any(c.dep_ in ("det", "preconj") and c.lower_ in NO_ONE for c in subj.children)


def _thing(subj: Token) -> bool:
    """A subject that names a thing, not a source: a common noun (no name, no entity) that is no
    noun of people, bodies, documents or evidence, nor an agent's ("the increase", "a carbon tax",
    "the move", "EVs")."""
    if subj.pos_ != "NOUN" or _counted(subj) is not None:
        return False
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in subj.children):
        return False  # a name set off beside it speaks ("…, Minyon Moore, a senior adviser, called …")
    words = _core(subj)
    if any(t.pos_ == "PROPN" for t in words) or any(e.start <= subj.i < e.end for e in doc_ents(subj.doc)):
        return False
    if subj.text[:1].isupper() and subj.i > subj.sent.start:
        return False  # a capitalised word inside a sentence is a name the tagger missed ("Fields said")
    lemma, low = subj.lemma_.lower(), subj.lower_
    nouns = SOURCE_NOUNS | PERSON_NOUNS | SPEAKING_NOUNS
    return lemma not in nouns and low not in nouns and not AGENTIVE.search(low) and len(low) > 2


def _speaks(verb: Token, subj: Token) -> bool:
    """Whether a verb's subject is a source: not "the plan calls for", "the attack drew"; but any
    subject of a speech verb, and "filings show that"."""
    if verb.lemma_ in FORCEFUL:  # "Trump attacked the plan", but "Russia attacked the city", "troops fired back"
        return subj.lower_ in ("he", "she", "i") or subj.lemma_.lower() in PERSON_NOUNS or any(
            e.label_ == "PERSON" and e.start <= subj.i < e.end for e in subj.doc.ents)
    if subj.pos_ != "NOUN" or verb.lemma_ in SPEECH | QUOTE_TAG or phrasal_cue(verb):
        return True
    evidence = verb.lemma_ in EVIDENCE and any(c.dep_ == "ccomp" for c in verb.children)
    return subj.lower_ in ANONYMOUS_HEADS or names_speaker(subj) or evidence


def _noun_cue(tok: Token, registry: SourceRegistry, memory: Memory) -> Found | None:
    """"Trump's claim that ...", "the allegation by the ministry that ...", "her decision to run",
    "his support for the bill"."""
    held, owner = noun_content(tok), noun_owner(tok)
    if held is None or owner is None:
        return None
    end = held.right_edge.idx + len(held.right_edge)
    return Found(held.left_edge.idx, end, tok.text, tok.idx, _source(owner, registry, memory), owner.idx)


def _adjective_cue(tok: Token, registry: SourceRegistry, memory: Memory) -> Found | None:
    """"advisers were optimistic that ...", "he was skeptical about ..."."""
    held = attitude_content(tok)
    subj = _subject(tok.head) if held is not None else None
    if held is None or subj is None:
        return None
    end = held.right_edge.idx + len(held.right_edge)
    return Found(held.left_edge.idx, end, tok.text, tok.idx, _source(subj, registry, memory), subj.idx)


def _colon_quote(sent: Span, quotes: list[tuple[int, int]], registry: SourceRegistry, memory: Memory) -> Found | None:
    """'Breitbart News: "The administration is still reluctant..."': a speaker, a colon, a quote."""
    colon = COLON_QUOTE.match(sent.text)
    if not colon:
        return None
    head = sent.doc.char_span(sent.start_char + colon.start(1), sent.start_char + colon.end(1), alignment_mode="expand")
    q = next((q for q in quotes if q[0] >= sent.start_char + colon.end(0) - 1), None)
    if head is None or q is None or not any(t.pos_ == "PROPN" for t in head):
        return None
    return Found(q[0], q[1], ":", sent.start_char + colon.end(1), _source(head.root, registry, memory),
                 head.start_char, True)


def _dash_quote(sent: Span, registry: SourceRegistry, memory: Memory) -> Found | None:
    """'“We deserve better.” ― Ana Ruiz': an epigraph's quote and its speaker after a dash (who does
    not speak on into the next quote)."""
    doc = sent.doc
    base = max(0, sent.start_char - 3)  # the dash may start a sentence of its own
    dash = DASH_TAG.search(text(doc)[base:sent.end_char])
    if not dash:
        return None
    mark = base + dash.start()
    q = next((q for q in doc_quotes(doc) if q[1] == mark and text(doc)[q[0] - 1] in "“\""), None)
    who = doc.char_span(base + dash.start("who"), base + dash.end("who"), alignment_mode="expand")
    if q is None or who is None:
        return None
    return Found(q[0], q[1], dash.group("dash"), base + dash.start("dash"), _span_source(who, registry, memory),
                 who.start_char, True, runs_on=False)


def find_attributions(doc: Doc, article: Article, registry: SourceRegistry) -> list[dict[str, Any]]:
    """Attributed claims of one article (chains nearest first), then its own-voice claims marked
    ``"sources": []``; offsets index ``article.text``."""
    memory = Memory(registry, article_roles(doc), full_names(doc))
    out: list[dict[str, Any]] = []
    prev_quote: list[dict[str, Any]] | None = None
    text = article.text
    places = {str(p.get("surface")): str(p["country"]) for p in article.places if p.get("country") and p.get("surface")}
    year = int(article.published[:4]) if article.published and article.published[:4].isdigit() else None
    floor = date_floor([d.iso for d in find_dates(text)]) if year is None else None
    for sent in sentences(doc):
        found = [f for f in (_voice(f, article, registry) for f in _sentence(sent, registry, memory)) if f is not None]
        for f in found:
            f.chain = [_placed(_dated(s, year, registry, floor), places) for s in f.chain]
        stripped = sent.text.strip()
        last = out[-1] if out and out[-1]["sources"] else None
        if not found and last is not None and sent.end_char <= last["end"] + 2:
            continue  # inside the quote the last claim already holds
        if not found and prev_quote and opens_quote(stripped) and last is not None and last["sources"] == \
                [_public(s) for s in prev_quote]:
            # a quote running on from the previous speaker is more of the same claim, to its closing mark
            ends = [q[1] for q in doc_quotes(doc) if sent.start_char <= q[0] <= sent.start_char + 3]
            if "\n" in text[last["end"]:sent.start_char]:  # a new paragraph of the quote: a claim of its own
                out.append({**last, "start": sent.start_char, "end": sent.end_char})
                last = out[-1]
            last["end"] = max(last["end"], sent.end_char, *ends)
            last["claim"] = trim(text[last["start"]:last["end"]])
            last["continued"] = True
            continue
        prev_quote = None
        for f in found:
            if not f.nested:
                memory.remember(f.chain)
            claim = trim(text[f.claim_start:f.claim_end])
            if len(claim.split()) < 3:
                continue
            out.append({"claim": claim, "start": f.claim_start, "end": f.claim_end, "cue": f.cue,
                        "cue_start": f.cue_start, "sources": [_public(s) for s in f.chain],
                        "hedges": f.hedges, "sourcing": _sourcing(f.chain), "quote": f.quote,
                        "nested": f.nested})
            if f.runs_on and (f.quote or stripped[-1:] in QUOTES or opens_quote(stripped) or stripped.endswith("''")):
                prev_quote = f.chain
        if not found and len(stripped.split()) >= 6 and stripped[-1:] not in ("?", ":"):
            hedges = sorted({m.group(0).lower() for m in HEDGES.finditer(stripped)})
            out.append({"claim": stripped, "start": sent.start_char, "end": sent.end_char, "cue": None,
                        "sources": [], "hedges": hedges, "sourcing": "unattributed", "quote": False})
    return out


def _voice(f: Found, article: Article, registry: SourceRegistry) -> Found | None:
    """The author's own voice goes to the outlet when the article shows it, else to its byline (a
    named person, affiliation unknown), else to "the author": the article's own voice, no source
    of unknown affiliation but no source at all (counted as unattributed); never to the last
    person named."""
    if not f.chain or not f.chain[0].get("author"):
        return f
    if article.outlet is None:
        byline = (article.author or "").strip()
        k = registry.known.get(byline) if byline and ";" not in byline else None
        if k is not None and k.kind == "person":  # a byline the registry knows ("Philip Giraldi"): typed by it
            known = from_known(k, byline, f.chain[0]["text"])
            f.chain = [{**known, "resolved_from": f.chain[0]["text"], "inferred": True, "author_voice": True},
                       *f.chain[1:]]
            return f
        f.chain = [typed({"name": byline or "the author", "kind": "person" if byline else "author",
                          "country": None, "state_affiliated": None,
                          "text": f.chain[0]["text"], "resolved_from": f.chain[0]["text"], "inferred": True,
                          "author_voice": True}, None), *f.chain[1:]]
        return f
    o = article.outlet
    outlet = typed({"name": o.name, "kind": "outlet", "country": o.country, "state_affiliated": o.state_affiliated,
                    "text": f.chain[0]["text"], "resolved_from": f.chain[0]["text"], "inferred": True,
                    "author_voice": True}, f"outlet:{o.id}")
    f.chain = [outlet, *f.chain[1:]]
    return f


def _placed(src: dict[str, Any], places: dict[str, str]) -> dict[str, Any]:
    """An official whose role names a place the article placed: "the Belgorod governor" is Russia's."""
    words = str(src.get("role") or src.get("name") or "")
    if src.get("affiliation") not in ("unknown", "state") or src.get("country") or not \
            set(re.findall(r"[a-z]+", words.lower())) & (OFFICIAL_ROLES | STATE_NOUNS) or FORMER.search(words):
        return src
    cc = next((cc for surface, cc in places.items() if re.search(rf"\b{re.escape(surface)}\b", words)), None)
    if cc is None:
        return src
    return typed({**src, "country": cc, "state_affiliated": True}, f"role:{words} (place: {cc})")


def _dated(src: dict[str, Any], year: int | None, registry: SourceRegistry, floor: int | None = None) -> dict[str, Any]:
    """A registry person's affiliation in the article's year: in office, or former; in an undated
    article, former when the text names a date after their last term ended (``known.former_by``)."""
    k = registry.known.get(str(src.get("canonical") or "")) if src.get("entity") else None
    if k is None or not str(src.get("typed_by") or "").startswith("registry:"):
        return src
    if year is None:
        note = former_by(k, floor) if str(src.get("typing_note") or "").startswith(UNDATED_TERM) else None
        if note is None:
            return src
        out = {**src, "state_affiliated": False, "typing_note": note}
        out["affiliation"] = affiliation(out)
        return out
    state, basis = k.affiliated_in(year)
    out = {**src, "state_affiliated": state, "typing_note": f"{basis} in {year}"}
    out["affiliation"] = affiliation(out)
    return out


def _public(s: dict[str, Any]) -> dict[str, Any]:
    keep = ("name", "canonical", "kind", "country", "state_affiliated", "role", "body", "text",
            "resolved_from", "inferred", "unresolved",  # a pronoun resolved to an earlier speaker says so
            "entity", "typed_by", "affiliation", "intergovernmental", "typing_note", "role_from", "author_voice",
            "described")
    return {k: s.get(k) for k in keep if k in s}


def _sourcing(chain: list[dict[str, Any]]) -> str:
    """How good the sourcing is, from where the chain ends."""
    last = chain[-1] if chain else None
    if last is None:
        return "unattributed"
    if last.get("kind") == "anonymous":
        name = str(last.get("name", "")).lower()
        return "single unnamed source" if re.search(r"\b(a|one|an?)\b.*\bsource\b|\bsource$", name) else "unnamed sources"
    return "named"
