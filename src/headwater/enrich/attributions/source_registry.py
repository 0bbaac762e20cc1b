"""The registries a source is looked up in: outlets, state bodies, known people and organizations
(``known``) by every name they go by, and demonyms to countries; and the ways to look a source's words up
(``candidates``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

from headwater.enrich.attributions.known import KnownSources, packaged
from headwater.enrich.attributions.source_words import OUTLET_TAIL
from headwater.extract.outlets import OutletRegistry, norm
from headwater.yamldata import load_yaml


@dataclass(frozen=True)
class Body:
    """An entry of ``state_bodies.yaml``: a body, or a role in one (named as its body, of kind person)."""

    id: str
    name: str
    kind: str
    country: str | None
    state_affiliated: bool | None


class SourceRegistry:
    """Outlets, state bodies and known people and organizations by every name they go by, and
    demonyms to countries."""

    def __init__(self, outlets: OutletRegistry, known: KnownSources | None = None) -> None:
        self.outlets = outlets
        self._known = known

    @cached_property
    def known(self) -> KnownSources:
        return self._known if self._known is not None else packaged()

    def _data(self, name: str) -> Any:
        return load_yaml(resources.files("headwater.data").joinpath(name).read_text("utf-8"))

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
        rows = [r.split("\t") for r in resources.files("headwater.data").joinpath("country_points.tsv")
                .read_text("utf-8").splitlines() if r and not r.startswith("#")][1:]
        index = {norm(n): r[0] for r in rows if len(r) > 1 for n in (r[1], r[1] + "'s")}
        index.update({norm(d): cc for cc, ds in (self._data("country_aliases.yaml") or {}).items() for d in ds})
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
