"""Lists of names: "Zambia, Malawi, and Mozambique", "Alberta, New Brunswick, and Quebec". The names
of one list are of one kind and one level: the parser's label of one member, the place word before the
first, and the level (country, state, county, town) of the members that can only be one thing speak
for the others (``scoring.score`` reads ``Mention.listed``, ``cue_before`` and ``list_level``)."""
from __future__ import annotations

import itertools
import re

from headwater.enrich.places.mention import Mention
from headwater.enrich.places.place import Place

# What stands between the names of a list: "Zambia, Malawi, and Mozambique", "Nuli and Avnevi".
LIST_SEPARATOR = re.compile(r"^(?:,\s?|,?\s(?:and|or|&)\s)$")
# What joins two places named as one: "Paris-Henry County", "Dallas-Fort Worth", "Otter Tail/Grant".
JOINED = frozenset(("-", "–", "/"))


def mark_lists(mentions: list[Mention], text: str) -> None:
    """Names listed together are of one kind: in "cases in Zambia, Malawi, and Mozambique" the parser
    labels Malawi a PERSON, and only Zambia has "in" before it. A list member the parser labels a
    person, an organization or a people, beside one it labels a place, takes no penalty for that label
    (``listed``), and the place word before the list's first name counts for every name of it."""
    for x, y in itertools.pairwise(mentions):
        if text[x.end:y.start] in JOINED and x.key != y.key:
            # two places named as one ("the Paris-Henry County Rescue Squad", "Dallas-Fort Worth"): one area
            x.partners, y.partners = x.partners | {y.key}, y.partners | {x.key}
    chain: list[Mention] = []
    for k, a in enumerate(mentions):
        chain.append(a)
        b = mentions[k + 1] if k + 1 < len(mentions) else None
        if b is not None and a.within is not b and not a.demonym and not b.demonym \
                and LIST_SEPARATOR.match(text[a.end:b.start]):
            continue
        if len(chain) > 1 and any(m.ner in ("GPE", "LOC") for m in chain):
            cue = chain[0].cue_before
            for m in chain:
                m.listed = m.ner in ("PERSON", "ORG", "NORP")
                m.cue_before = m.cue_before or cue
        if len(chain) > 1:
            for m in chain:  # (names listed together lie together: ``nearby.Nearby.support``)
                m.partners = m.partners | {x.key for x in chain if x.key != m.key}
            # what the list's unambiguous names are (each name's readings all of one level): the
            # others are likely of that level too ("Arizona, California, ... Illinois, Missouri")
            sure = [next(iter(levels)) for levels in ({level(p) for p in m.candidates} for m in chain)
                    if len(levels) == 1]
            for m in chain:
                others = list(sure)
                own = {level(p) for p in m.candidates}
                if len(own) == 1:
                    others.remove(next(iter(own)))
                if others and len(set(others)) == 1:
                    m.list_level = others[0]
        chain = []


def level(p: Place) -> str:
    """A reading's level, as lists keep to one: country, state (a first-level division), county, town."""
    return "country" if p.kind == "country" else "state" if p.kind == "admin_region" and p.admin1 == p.name \
        else "county" if p.kind == "admin_region" else "town"
