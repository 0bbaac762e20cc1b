"""Names in apposition to a speaker's head noun, where the parser or the entity tagger leaves them out.

- "The head of Greenpeace, Jane Doe, said": the parser hangs the name on the role's "of" object; the
  name is the head's, not Greenpeace's (``appos_of_office``).
- "Amnesty's head, Agnes Callamard, said": the tagger took the name for a place (GPE); in apposition
  to a person's role, two or more proper nouns that name no country are a person's name (``name_at``).
- "Amara Diallo, the country's foreign minister, said": a role in apposition to a name the tagger did not
  take for a person makes it one (``role_of_name``).
- "The wife of John Smith, Mary, said": the name in apposition to a person named by a relation to
  another person is the speaker, with no role: his office, if any, is not hers (``appos_of_person``).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from headwater.enrich.attributions.sources import NON_STATE_ROLES, OFFICE_NOUNS, OFFICIAL_ROLES, SourceRegistry
from headwater.enrich.doctext import ents as doc_ents

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Entity labels a name in apposition to a person's role cannot be read past: a group, a thing. (ORG is
# not among them: the tagger takes people's names for organizations too, "Vassily Nebenzya"; a body or
# an outlet the registries know is left out by name.)
NOT_PEOPLE = frozenset({"NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})
# Heads a person's name may stand in apposition to: offices and roles.
ROLE_HEADS = OFFICE_NOUNS | OFFICIAL_ROLES | NON_STATE_ROLES


def _person_at(tok: Token) -> Span | None:
    return next((e for e in doc_ents(tok.doc) if e.label_ == "PERSON" and e.start <= tok.i < e.end), None)


def _of_appositions(tok: Token) -> Iterator[tuple[Token, Token]]:
    """(object, name) for each proper noun the parser hung in apposition on an "of" object of ``tok``:
    "the head of Greenpeace, Jane Doe", "the wife of John Smith, Mary"."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found = next((c for c in obj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if found is not None:
                yield obj, found


def appos_of_office(tok: Token) -> Token | None:
    """The name in apposition to a role that the parser hung on the role's "of" object: in "the head of
    Greenpeace, Jane Doe, said" the name is the head's, not Greenpeace's (an organization or a place
    has no person in apposition; a person's, "the wife of John Smith, Mary", is ``appos_of_person``'s)."""
    if tok.lower_ not in ROLE_HEADS:
        return None
    return next((found for obj, found in _of_appositions(tok) if _person_at(obj) is None), None)


def name_at(appos: Token, head: Token, registry: SourceRegistry) -> Span | None:
    """The person's name an apposition token stands in: the PERSON entity over it, or, in apposition
    to a person's role ("Amnesty's head, Agnes Callamard,"), the run of two or more proper nouns it
    ends, when no entity says it is a group or a thing and it names no country, body or outlet the
    registries know."""
    person = _person_at(appos)
    if person is not None:
        return person
    if head.lower_ not in ROLE_HEADS:
        return None
    first = appos.i
    while first > 0 and appos.doc[first - 1].pos_ == "PROPN" and appos.doc[first - 1].head.i == appos.i:
        first -= 1
    run = appos.doc[first:appos.i + 1]
    if len(run) < 2 or any(e.label_ in NOT_PEOPLE and e.start < run.end and run.start < e.end for e in doc_ents(appos.doc)):
        return None
    if registry.country_of(run.text) is not None or registry.body(run.text) is not None or \
            registry.outlets.by_name(run.text) is not None:
        return None
    return run


def appos_of_person(tok: Token) -> Span | None:
    """The name in apposition to a person that a relation names the speaker by ("The wife of John
    Smith, Mary, said"; the parser hangs "Mary" on "Smith"): that name, when the head is a common
    noun and both are people's names. None otherwise."""
    if tok.pos_ != "NOUN":
        return None
    for obj, found in _of_appositions(tok):
        if _person_at(obj) is None:
            continue
        named = _person_at(found)
        if named is not None and not (named.start <= obj.i < named.end):
            return named
    return None


def role_of_name(tok: Token, text: str, registry: SourceRegistry) -> Span | None:
    """The role in apposition to a proper name no entity calls a person ("Amara Diallo, the country's
    foreign minister"): the role's words, when its head is a person's role or office and the name is
    no body, outlet or organization the registries know; else None."""
    if tok.pos_ != "PROPN" or any(e.label_ in NOT_PEOPLE | {"GPE", "PERSON"} and e.start <= tok.i < e.end
                                  for e in doc_ents(tok.doc)):
        return None
    role = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.lower_ in ROLE_HEADS), None)
    if role is None or registry.body(text) is not None or registry.outlets.by_name(text) is not None:
        return None
    known = registry.known.get(text)
    if known is not None and known.kind != "person":
        return None
    return tok.doc[role.left_edge.i: role.right_edge.i + 1]
