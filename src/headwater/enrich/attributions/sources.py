"""Who a source is: an outlet, a state body, a person with a role, an organization or anonymous.

The registries are the outlet registry (``data/outlets.yaml``), the state bodies
(``data/state_bodies.yaml``) and the known officials and organizations (``data/officials.yaml``,
``data/organizations.yaml``, see ``known``); a person's country and state affiliation come from
their role as the text gives it ("Syria's Permanent Representative to the UN Bassam Sabbagh"), or
else from the registry. Every source says how it was typed (``typed_by``: the registry id or the
role words) and its ``affiliation``: state, non_state, intergovernmental or unknown. ``Memory``
resolves a speaker named by pronoun or role ("he", "the envoy") to the sources an article met
before, and carries a role given once to later mentions of the same person.

The parts live in modules of their own; this module is where callers and plugins import them from:
the words and patterns (``source_words``), the registries (``source_registry``), a source's affiliation
and the evidence that typed it (``source_affiliation``), what the words naming a source say it is
(``source_typing``: ``describe``) and what earlier sentences said (``source_memory``: ``Memory``).
"""
from __future__ import annotations

from headwater.enrich.attributions.source_affiliation import affiliation, from_known, typed
from headwater.enrich.attributions.source_memory import BODY_LOOKBACK, Memory, holds_office
from headwater.enrich.attributions.source_registry import Body, SourceRegistry, candidates
from headwater.enrich.attributions.source_typing import OFFICE_TAIL, describe
from headwater.enrich.attributions.source_words import (
    ANONYMITY,
    ANONYMOUS_HEADS,
    ANY_OFFICE,
    BODY_ROLES,
    COLLECTIVE_HEADS,
    DOCUMENT_HEADS,
    EVIDENCE_HEADS,
    EVIDENCE_WORDS,
    FORMER,
    GENERIC_STATEMENT,
    HONORIFICS,
    INTERNATIONAL,
    LOOSE_ROLES,
    NON_STATE_NAME,
    NON_STATE_ROLES,
    NOT_STATE_OFFICES,
    NOT_STATE_QUALIFIERS,
    OBJECTS,
    OFFICE_NOUNS,
    OFFICE_WORDS,
    OFFICIAL_ROLES,
    OUTLET_HEADS,
    OUTLET_TAIL,
    PARTITIVE_HEADS,
    PERSON_WORDS,
    POSSESSIVES,
    PRONOUNS,
    ROLE_AND_NAME_WORDS,
    SAME_OFFICE,
    SINGULAR_UNNAMED,
    SOURCE_NOUNS,
    STATE_BY_THEMSELVES,
    STATE_NOUNS,
    STATE_OFFICE_PHRASES,
    TITLES,
    UNNAMED_PEOPLE,
    state_by_itself,
)

__all__ = [
    "ANONYMITY",
    "ANONYMOUS_HEADS",
    "ANY_OFFICE",
    "BODY_LOOKBACK",
    "BODY_ROLES",
    "COLLECTIVE_HEADS",
    "DOCUMENT_HEADS",
    "EVIDENCE_HEADS",
    "EVIDENCE_WORDS",
    "FORMER",
    "GENERIC_STATEMENT",
    "HONORIFICS",
    "INTERNATIONAL",
    "LOOSE_ROLES",
    "NON_STATE_NAME",
    "NON_STATE_ROLES",
    "NOT_STATE_OFFICES",
    "NOT_STATE_QUALIFIERS",
    "OBJECTS",
    "OFFICE_NOUNS",
    "OFFICE_TAIL",
    "OFFICE_WORDS",
    "OFFICIAL_ROLES",
    "OUTLET_HEADS",
    "OUTLET_TAIL",
    "PARTITIVE_HEADS",
    "PERSON_WORDS",
    "POSSESSIVES",
    "PRONOUNS",
    "ROLE_AND_NAME_WORDS",
    "SAME_OFFICE",
    "SINGULAR_UNNAMED",
    "SOURCE_NOUNS",
    "STATE_BY_THEMSELVES",
    "STATE_NOUNS",
    "STATE_OFFICE_PHRASES",
    "TITLES",
    "UNNAMED_PEOPLE",
    "Body",
    "Memory",
    "SourceRegistry",
    "affiliation",
    "candidates",
    "describe",
    "from_known",
    "holds_office",
    "state_by_itself",
    "typed",
]
