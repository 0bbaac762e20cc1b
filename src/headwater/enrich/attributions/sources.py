"""Who a source is: an outlet, a state body, a person with a role, an organization or anonymous.

The registries are the outlet registry (``data/outlets.yaml``) and the state bodies
(``data/state_bodies.yaml``); a person's country and state affiliation come from their role as the
text gives it ("Syria's Permanent Representative to the UN Bassam Sabbagh"). ``Memory`` resolves a
speaker named by pronoun or role ("he", "the envoy") to the sources an article met before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

import yaml

from headwater.extract.outlets import OutletRegistry, norm

# Head nouns of sources that are not named: "sources told", "local residents said", "reports say".
ANONYMOUS_HEADS = frozenset(
    "source sources official officials activist activists witness witnesses resident residents report reports "
    "observer observers insider insiders people media analyst analysts expert experts diplomat diplomats "
    "correspondent correspondents reporter reporters person individual commentators critics "
    # unnamed evidence stands where a source should: "according to credible data", "documents show"
    "data information evidence documents figures estimates".split())
# Head nouns of people who speak without a name: "one of the terrorists said", "seized militants admitted".
UNNAMED_PEOPLE = frozenset(
    "militant militants terrorist terrorists fighter fighters soldier soldiers prisoner prisoners detainee detainees "
    "member members civilian civilians villager villagers survivor survivors refugee refugees man men woman women "
    "locals guard guards gunman gunmen rebel rebels".split())
SINGULAR_UNNAMED = re.compile(r"^(?:one|a|an|another)\b", re.I)
# Role words that make a person (or an unnamed speaker) a voice of a state.
OFFICIAL_ROLES = frozenset(
    "ambassador envoy representative minister ministry spokesman spokeswoman spokesperson president premier "
    "prime chancellor secretary general commander colonel lieutenant major governor deputy official officials "
    "officer army military defense defence foreign intelligence king emir crown prince senator lawmaker "
    "legislator mp diplomat diplomats consul attorney prosecutor mayor".split())
# Words trailing an outlet's name in running text: "Russia's Sputnik news agency", "SANA news agency".
OUTLET_TAIL = re.compile(r"\s+(?:news\s+agency|news\s+channel|agency|newspaper|daily|tv|television|channel|"
                         r"website|broadcaster|radio|network|news)$", re.I)
# Pronouns as speakers, and what they can refer back to; possessives as their owners ("his claim").
PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "thing", "we": "plural", "i": "person"}
POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we", "my": "i"}
GENERIC_STATEMENT = re.compile(r"\b(?:statement|report|communiqu[eé]|release|announcement|briefing|post|tweet)s?$", re.I)


@dataclass(frozen=True)
class Body:
    id: str
    name: str
    kind: str
    country: str | None
    state_affiliated: bool | None


class SourceRegistry:
    """Outlets and state bodies by every name they go by, and demonyms to countries."""

    def __init__(self, outlets: OutletRegistry) -> None:
        self.outlets = outlets

    def _data(self, name: str) -> Any:
        return yaml.safe_load(resources.files("headwater.data").joinpath(name).read_text("utf-8"))

    @cached_property
    def bodies(self) -> dict[str, Body]:
        index: dict[str, Body] = {}
        entries = self._data("state_bodies.yaml") or []
        by_id = {e["id"]: e for e in entries}
        for e in entries:
            if e.get("kind") == "role":
                body = by_id.get(e.get("body") or "")
                kind = "person"
            else:
                body, kind = e, e.get("kind") or "government"
            b = Body(e["id"], (body or e)["name"], kind if kind != "intergovernmental" else "organization",
                     e.get("country"), e.get("state_affiliated"))
            for n in (e["name"], *(e.get("aliases") or [])):
                index.setdefault(norm(n), b)
        return index

    @cached_property
    def demonyms(self) -> dict[str, str]:
        """Nationality words, possessives, country names and capitals (as metonyms) to countries."""
        index = {norm(d): cc for cc, ds in (self._data("country_aliases.yaml") or {}).items() for d in ds}
        index.update({norm(d): cc for cc, ds in (self._data("demonyms.yaml") or {}).items() for d in ds})
        return index

    def body(self, text: str) -> Body | None:
        return self.bodies.get(norm(text))

    def country_of(self, text: str) -> str | None:
        """The country a nationality word or possessive names: "Russian", "Syria's" (first found)."""
        runs = re.findall(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)*(?:['’]s)?", text)
        for w in runs + [x for r in runs for x in r.split()]:
            cc = self.demonyms.get(norm(w))
            if cc:
                return cc
        return None


def candidates(text: str) -> list[str]:
    """Ways to look a source's words up: whole, without possessor or article, without trailing kind
    words, and each run of capitalised words ("Syria's official news agency SANA" gives "SANA")."""
    t = re.sub(r"\s*\([^)]*\)", "", text).strip()
    t = re.sub(r"^(?:the|a|an)\s+", "", t, flags=re.I)
    out = [t, re.sub(r"^[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*['’]s?\s+", "", t)]
    out += [OUTLET_TAIL.sub("", x) for x in out]
    out += re.findall(r"\(([^)]+)\)", text)  # "Foreign Intelligence Service (SVR)"
    out += [m.group(0) for m in re.finditer(r"(?:[A-Z][\w.’'-]*)(?:\s+(?:of|for|the|de|al|el)?\s*[A-Z][\w.’'-]*)*", t)]
    seen: list[str] = []
    for x in out:
        x = x.strip(" ,")
        if x and x not in seen:
            seen.append(x)
    return seen


def describe(span_text: str, registry: SourceRegistry, *, ner: str | None = None, person: str | None = None,
             role: str | None = None, has_name: bool = False) -> dict[str, Any]:
    """A source dict for the words naming it: name, kind, country, state_affiliated, role."""
    text = span_text.strip()
    if person:
        return _person(text, person, role, registry)
    name = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    for cand in candidates(text):
        o = registry.outlets.by_name(cand)
        if o is not None:
            return {"name": name, "canonical": o.name, "kind": "agency" if o.kind == "agency" else "outlet",
                    "country": o.country, "state_affiliated": o.state_affiliated, "text": text}
        b = registry.body(cand)
        if b is not None and b.kind != "person":
            return {"name": name, "canonical": b.name, "kind": b.kind, "country": b.country,
                    "state_affiliated": b.state_affiliated, "text": text}
    words = re.findall(r"[\w’']+", text.lower())
    if words and (words[-1] in ANONYMOUS_HEADS or GENERIC_STATEMENT.search(text)) and not has_name:
        country = registry.country_of(text)
        return {"name": re.sub(r"^(?:the|a|an|some|other)\s+", "", text, flags=re.I), "kind": "anonymous",
                "country": country, "state_affiliated": True if country and set(words) & OFFICIAL_ROLES else None,
                "text": text}
    if words and words[-1] in UNNAMED_PEOPLE and ner != "PERSON":  # "seized Daesh militants": unnamed people
        return {"name": re.sub(r"^(?:the|some|other)\s+", "", text, flags=re.I), "kind": "anonymous",
                "country": registry.country_of(text), "state_affiliated": None, "text": text}
    country = registry.country_of(text)
    if set(words) & OFFICIAL_ROLES:
        return {"name": name, "kind": "person" if ner != "ORG" else "government", "country": country,
                "state_affiliated": True if country else None, "role": text, "text": text}
    kind = {"PERSON": "person", "GPE": "government", "NORP": "government"}.get(ner or "", "organization")
    return {"name": name, "kind": kind,
            "country": country, "state_affiliated": True if kind == "government" and country else None, "text": text}


def _person(text: str, person: str, role: str | None, registry: SourceRegistry) -> dict[str, Any]:
    """A named person; country and state affiliation from the role the text gives them."""
    context = role or ""
    country = registry.country_of(context) if context else None
    body = next((b for c in candidates(context) if (b := registry.body(c)) is not None), None) if context else None
    official = bool(set(re.findall(r"\w+", context.lower())) & OFFICIAL_ROLES)
    state = True if (body is not None and body.state_affiliated) or (official and country) else None
    return {"name": person, "kind": "person", "country": country or (body.country if body else None),
            "state_affiliated": state, "role": role or None, "body": body.name if body else None, "text": text}


class Memory:
    """What earlier sentences said: for pronouns, roles and "the sources" later on."""

    def __init__(self) -> None:
        self.chains: list[list[dict[str, Any]]] = []

    def same_person(self, src: dict[str, Any]) -> dict[str, Any]:
        """"Polyanskiy" later in the article is the "Dmitry Polyanskiy" with a role met before."""
        name = str(src.get("name") or "")
        for chain in reversed(self.chains):
            for s in chain:
                other = str(s.get("name") or "")
                if s.get("kind") == "person" and other != name and (other.endswith(" " + name) or name.endswith(" " + other)):
                    s = {k: v for k, v in s.items() if k not in ("resolved_from", "inferred")}  # named here
                    return s if len(other) >= len(name) else {**s, "name": name}
        return src

    def remember(self, chain: list[dict[str, Any]]) -> None:
        if chain:
            self.chains.append(chain)

    def resolve(self, words: str, registry: SourceRegistry) -> list[dict[str, Any]] | None:
        """The chain an anaphoric speaker ("he", "the sources", "the Russian envoy") refers to."""
        w = words.lower().strip()
        kind = PRONOUNS.get(w)
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
            if toks and toks[0] == "the" and set(toks) & OFFICIAL_ROLES and head.get("kind") == "person" \
                    and head.get("state_affiliated"):
                cc = registry.country_of(words)
                if cc is None or cc == head.get("country"):
                    return [head]
        return None
