"""Roles an article gives people anywhere in its text, so that a role given once carries to later
mentions: "Russian President Vladimir Putin visited …" types a later "Putin said".

A role is read from the words before a name in its noun phrase ("Ukraine's defence minister
Oleksii Reznikov", "US Secretary of State Antony Blinken"), from an apposition ("Jake Sullivan,
the national security adviser,") or from what the text says the person is ("Trachte is secretary
of state of the Brussels-Capital Region"). Only roles with an official or a non-state role word count.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from headwater.enrich.attributions.sources import NON_STATE_ROLES, OFFICIAL_ROLES, STATE_BY_THEMSELVES, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

ROLE_WORDS = OFFICIAL_ROLES | NON_STATE_ROLES | STATE_BY_THEMSELVES | {
    "former", "ex", "head", "director", "chief", "chair", "chairman", "chairwoman", "president", "vice-chair", "member"}


def _role_before(ent: Span) -> str | None:
    doc = ent.doc
    start = ent.start
    i = ent.start - 1
    # walk left over the title: proper nouns, adjectives, nouns, possessives, "of"/"for"/"the"
    while i >= 0 and ent.start - i <= 8 and doc[i].sent == ent.sent and (
            doc[i].pos_ in ("PROPN", "ADJ", "NOUN", "PART", "DET") or doc[i].lower_ in ("of", "for", "to", "'s", "’s")):
        if doc[i].pos_ == "DET" and doc[i].lower_ not in ("the",):
            break
        if doc[i].ent_type_ == "PERSON" and not (i + 1 < len(doc) and doc[i + 1].lower_ in ("'s", "’s")):
            break  # another name, unless it owns the role: "Putin's spokesman Dmitry Peskov"
        start = i
        i -= 1
    words = doc[start:ent.start]
    while len(words) and words[0].lower_ in ("the", "of", "for", "to"):
        words = words[1:]
    if len(words) and {t.lower_ for t in words} & ROLE_WORDS:
        return words.text
    return None


def _role_appos(ent: Span) -> str | None:
    for c in ent.root.children:
        if c.dep_ == "appos" and c.i >= ent.end:
            sub = ent.doc[c.left_edge.i: c.right_edge.i + 1]
            if len(sub) <= 12 and {t.lower_ for t in sub} & ROLE_WORDS and not any(
                    t.ent_type_ == "PERSON" for t in sub):
                return sub.text
    return None


def _role_ahead(ent: Span) -> str | None:
    """"The Minister of Education, Prof Tahir Mamman said", "Head of Field Development at Wellcome
    Trust, Modi Mwatsama, said": a role before the name, set off by a comma."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and doc[i].text in ("Prof", "Prof.", "Professor", "Dr", "Dr.", "Sir", "Dame", "Mr", "Ms", "Mrs"):
        i -= 1
    if i < 1 or doc[i].text != ",":
        return None
    start = i
    while start > 0 and doc[start - 1].sent == ent.sent and i - start < 14 \
            and doc[start - 1].text not in (",", ";", ".", ":") and "\n" not in doc[start - 1].text:
        start -= 1
    words = doc[start:i]
    while len(words) and words[0].lower_ in ("the", "a", "an", "and", "but", "meanwhile"):
        words = words[1:]
    if len(words) and {t.lower_ for t in words} & ROLE_WORDS and not any(t.ent_type_ == "PERSON" for t in words) \
            and not any(t.pos_ in ("VERB", "AUX") for t in words):
        return words.text
    return None


def _role_of_org(ent: Span) -> str | None:
    """"Brandon Weichert of the Institute for X", "Ana Ruiz at Lisbon University": the organization
    a person is given with, as their role ("of the Institute for X")."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ not in ("of", "at", "from", "with"):
        return None
    nxt = next((e for e in doc.ents if e.start in (ent.end + 1, ent.end + 2) and e.label_ in ("ORG", "GPE", "NORP")), None)
    if nxt is None or (nxt.start == ent.end + 2 and doc[ent.end + 1].lower_ != "the"):
        return None
    return doc[ent.end: nxt.end].text


def _role_copula(ent: Span) -> str | None:
    """"Trachte is secretary of state of the Brussels-Capital Region", "Ruiz, who is a professor at
    …": what a name is said to be, when it is a role."""
    head = ent.root.head
    if ent.root.dep_ != "nsubj" or head.lemma_ != "be":
        if not (ent.root.dep_ in ("appos", "nsubj") and any(
                c.dep_ == "relcl" and c.lemma_ == "be" for c in ent.root.children)):
            return None
        head = next(c for c in ent.root.children if c.dep_ == "relcl" and c.lemma_ == "be")
    if any(c.dep_ == "neg" for c in head.children):
        return None  # "Ruiz is not a minister"
    for c in head.children:
        if c.dep_ == "attr" and c.i > ent.end - 1:
            # the role's first words: "secretary of state of the Brussels-Capital Region responsible for
            # the economic transition" is a role whatever follows its twelfth word
            sub = ent.doc[c.left_edge.i: min(c.right_edge.i + 1, c.left_edge.i + 12)]
            if c.i < sub.end and {t.lower_ for t in sub} & ROLE_WORDS and not any(
                    t.ent_type_ == "PERSON" for t in sub):
                return sub.text
    return None


def article_roles(doc: Doc) -> dict[str, str]:
    """Person name -> role, for full names and, when only one person carries it, the surname."""
    roles: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = ent.text.strip()
        surnames.setdefault(surname(name.split()), set()).add(name)
        role = _role_before(ent) or _role_appos(ent) or _role_ahead(ent) or _role_of_org(ent) or _role_copula(ent)
        if role and name not in roles:
            roles[name] = role
    for tok in doc:  # "Trachte is secretary of state …" where the tagger did not tag the bare surname
        if tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper() and tok.text in surnames and \
                tok.text not in roles and tok.ent_type_ in ("", "ORG"):  # a surname the tagger missed or took for a body
            role = _role_copula(doc[tok.i: tok.i + 1])
            if role:
                roles[tok.text] = role
    for last, full in surnames.items():
        named = [f for f in full if f in roles]
        if len(full - {last}) == 1 and named and last not in roles:
            roles[last] = roles[named[0]]
    for first, name in _first_names(doc).items():
        if name in roles and first not in roles:
            roles[first] = roles[name]
    return roles


# Generational suffixes after a surname: "Robert F. Kennedy Jr." is "Kennedy" later on.
SUFFIXES = frozenset(("jr", "jr.", "sr", "sr.", "ii", "iii", "iv"))


def surname(parts: list[str]) -> str:
    """The family name of a name's words: the last one, before a generational suffix."""
    words = [p.strip(",") for p in parts]
    while len(words) > 2 and words[-1].lower() in SUFFIXES:
        words = words[:-1]
    return words[-1]


def full_names(doc: Doc) -> dict[str, str]:
    """Surname -> the one full name in the article that ends with it ("Sullivan" -> "Jake Sullivan"),
    and a first word -> the one full name it begins, when no full name ends with it: the family name
    written first ("Cong" -> "Cong Yi") or a first name a feature story goes on with ("Rymma")."""
    full: dict[str, set[str]] = {}
    for ent in doc.ents:
        parts = ent.text.strip().split()
        if ent.label_ == "PERSON" and len(parts) > 1:
            full.setdefault(surname(parts), set()).add(" ".join(parts))
    out = {last: next(iter(names)) for last, names in full.items() if len(names) == 1}
    for first, name in _first_names(doc).items():
        out.setdefault(first, name)
    return out


def _first_names(doc: Doc) -> dict[str, str]:
    """A first word -> the one full person name of the article it begins, when no full name ends with it."""
    starts: dict[str, set[str]] = {}
    lasts: set[str] = set()
    for ent in doc.ents:
        parts = ent.text.strip().split()
        if ent.label_ == "PERSON" and len(parts) > 1 and parts[0][:1].isupper() and parts[0].isalpha() \
                and not TITLES.match(parts[0] + " ") and parts[0].lower() not in ROLE_WORDS:  # not "President"
            starts.setdefault(parts[0], set()).add(" ".join(parts))
            lasts.add(surname(parts))
    return {w: next(iter(ns)) for w, ns in starts.items() if len(ns) == 1 and w not in lasts}
