"""What an article's earlier attributions said, for the speakers that refer back to them: a pronoun
("he", "they"), a role ("the envoy", "the minister"), "the sources", "the report" or "the group"
(``Memory.resolve``), and a person named again with less ("Polyanskiy" after "Dmitry Polyanskiy",
``Memory.same_person``).
"""
from __future__ import annotations

import re
from typing import Any

from headwater.enrich.attributions.source_registry import SourceRegistry
from headwater.enrich.attributions.source_typing import describe
from headwater.enrich.attributions.source_words import (
    ANONYMOUS_HEADS,
    ANY_OFFICE,
    BODY_ROLES,
    COLLECTIVE_HEADS,
    DOCUMENT_HEADS,
    HONORIFICS,
    NON_STATE_ROLES,
    OFFICE_WORDS,
    OFFICIAL_ROLES,
    OUTLET_HEADS,
    PRONOUNS,
    SAME_OFFICE,
    SINGULAR_UNNAMED,
)

# How many attributions back "the group" may look for its body: news names a body and refers back to
# it within a few paragraphs; beyond that another body may have come up unquoted.
BODY_LOOKBACK = 4
# Words that describe one person by what they are, not by an office ("the billionaire", "the
# actress"): the non-state roles that name one person (not "experts", "private", "ngo").
DESCRIBED_PEOPLE = NON_STATE_ROLES - {"experts", "private", "ngo", "fellow", "host", "creator", "player"}


class Memory:
    """What earlier sentences said: for pronouns, roles and "the sources" later on."""

    def __init__(self, registry: SourceRegistry | None = None, roles: dict[str, str] | None = None,
                 names: dict[str, str] | None = None) -> None:
        self.chains: list[list[dict[str, Any]]] = []
        self.registry = registry
        self.roles = roles or {}  # person name (and surname) -> the role the article gives them somewhere
        self.names = names or {}  # surname -> the article's one full name ending with it

    def same_person(self, src: dict[str, Any]) -> dict[str, Any]:
        """"Polyanskiy" later in the article is the "Dmitry Polyanskiy" with a role met before; a
        person the article gives a role elsewhere ("Russian President Vladimir Putin visited…") has it."""
        name = str(src.get("name") or "")
        bare = HONORIFICS.sub("", name).strip() or name  # "Ms Snyder" is the "Claire Snyder" named before
        for chain in reversed(self.chains):
            for s in chain:
                other = str(s.get("name") or "")
                if s.get("kind") == "person" and other == name and not src.get("role") and \
                        s.get("affiliation") not in (None, "unknown") and src.get("affiliation") != s.get("affiliation"):
                    return {k: v for k, v in s.items() if k not in ("resolved_from", "inferred")}  # typed before
                if s.get("kind") == "person" and other != name and (other.endswith(" " + bare) or name.endswith(" " + other)):
                    s = {k: v for k, v in s.items() if k not in ("resolved_from", "inferred")}  # named here
                    return s if len(other) >= len(name) else {**s, "name": name}
        if self.registry is None or src.get("kind") != "person" or src.get("affiliation") not in (None, "unknown"):
            return src
        full = self.names.get(name) or self.names.get(bare) or name
        role = self.roles.get(name) or self.roles.get(bare) or self.roles.get(full)
        if (role and role != src.get("role")) or full != name:
            found = describe(str(src.get("text") or name), self.registry, person=full, role=role)
            if found.get("affiliation") != "unknown":
                return {**found, "name": name, "role_from": "elsewhere in the article"}
        return src

    def remember(self, chain: list[dict[str, Any]]) -> None:
        if chain:
            self.chains.append(chain)

    def _body_before(self, head: str) -> list[dict[str, Any]] | None:
        """"The group", "the channel", "the company": the body of that sort the article's last few
        sources named (an outlet for what publishes, an organization for the rest), inferred, and
        said so; None when the last sources hold none (a body two paragraphs back may not be it)."""
        kinds = ("outlet", "agency") if head in OUTLET_HEADS and head != "agency" else \
            ("outlet", "agency", "intelligence", "organization") if head == "agency" else ("organization",)
        for chain in list(reversed(self.chains))[:BODY_LOOKBACK]:
            s = chain[0]
            if s.get("kind") in kinds and any(ch.isupper() for ch in str(s.get("name") or "")) and \
                    not s.get("unresolved") and not s.get("described"):
                # named as the text names it here ("group"), the body it stands for as its canonical
                # name and entity (what the entities linker groups by)
                return [{**s, "name": head, "canonical": s.get("canonical") or s.get("name"),
                         "resolved_from": f"the {head}", "inferred": True}]
        return None

    def _described_before(self, words: str, noun: str) -> list[dict[str, Any]] | None:
        """"Gates said … The billionaire added": a person described by what they are ("the billionaire",
        "the tycoon") right after a named person spoke is that person, inferred and said so: only the
        last speaker, and never when the article gives that role to someone else (then it is theirs:
        "his lawyer, Jane Roe, …" makes "the lawyer" Jane Roe, not the last speaker)."""
        head = self.chains[-1][0] if self.chains else None
        if head is None or head.get("kind") != "person" or not any(ch.isupper() for ch in str(head.get("name") or "")):
            return None
        if any(noun in role.lower().split() for name, role in self.roles.items() if name != head.get("name")):
            return None
        return [{**head, "resolved_from": words.strip(), "inferred": True}]

    def resolve(self, words: str, registry: SourceRegistry) -> list[dict[str, Any]] | None:
        """The chain an anaphoric speaker ("he", "the sources", "the Russian envoy") refers to."""
        w = words.lower().strip()
        kind = PRONOUNS.get(w)
        heads = re.findall(r"[a-z]+", w)
        if heads and heads[0] in ("the", "this") and len(heads) <= 3 and heads[-1] in COLLECTIVE_HEADS | OUTLET_HEADS:
            return self._body_before(heads[-1])
        if heads and heads[0] == "the" and len(heads) <= 3 and heads[-1] in DESCRIBED_PEOPLE:
            found = self._described_before(words, heads[-1])
            if found is not None:
                return found
        for chain in reversed(self.chains):
            head = chain[0]
            if kind == "person" and head.get("name") and (
                    head.get("kind") == "person" or (head.get("kind") == "anonymous"
                                                     and SINGULAR_UNNAMED.match(str(head.get("name"))))):
                return [head]  # "he" is the last person who spoke, named or not ("one of the fighters")
            if kind in ("plural", "thing") and head.get("kind") != "person":
                return list(chain)
            toks = re.findall(r"[a-z]+", w)
            if toks and toks[0] in ("the", "this", "these", "those") and toks[-1] in ANONYMOUS_HEADS:
                for i, s in enumerate(chain):
                    if s.get("kind") == "anonymous" and s["name"].lower().split()[-1][:5] == toks[-1][:5]:
                        return list(chain[: i + 1])
            if toks and toks[0] in ("the", "this") and toks[-1] in DOCUMENT_HEADS and \
                    str(head.get("document") or "").lower().split()[-1:] == toks[-1:]:
                # "A new report by the Climate Council …" then "The report said": its author (inferred)
                return [{**head, "resolved_from": words.strip(), "inferred": True}, *chain[1:]]
            if toks and toks[0] == "the" and toks[-1] in OFFICIAL_ROLES - BODY_ROLES and head.get("kind") == "person" \
                    and head.get("state_affiliated") and \
                    all(holds_office(str(head.get("role") or ""), t) for t in toks[1:] if t in OFFICE_WORDS):
                cc = registry.country_of(words)
                if cc is None or cc == head.get("country"):
                    # "the minister" is the person named before: inferred, and said so (as "he" is)
                    return [{**head, "resolved_from": words.strip(), "inferred": True}]
        return None


def holds_office(role: str, word: str) -> bool:
    """Whether a person of ``role`` ("Defense Minister") can be "the <word>" later ("the minister": yes;
    "the governor": no; "the envoy" for an ambassador: yes). A person of no known role can be any."""
    words = set(re.findall(r"[a-z]+", role.lower()))
    if not words or word in words or word in ANY_OFFICE:
        return True
    return any(word in group and words & group for group in SAME_OFFICE)
