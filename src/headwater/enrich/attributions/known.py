"""Known sources: officials, spokespeople and well-known non-state organizations by every name
they go by (``data/officials.yaml``, ``data/organizations.yaml``), each entry with its source.

Loaded once (``Resources.known_sources``) and handed to ``SourceRegistry``. An entry types a source
by itself: kind, country, state affiliation, and the registry id as the evidence (``typed_by``).
A person's affiliation depends on when the article was written: with a date, the years of their
terms decide (out of office is ``False``, said as "former"). Without one, the entry's own value
is used, and the typing says it was not dated, only when it cannot be wrong for lack of a date:
the person has held office without a break since their first term (Putin, Zelensky) or the entry
says they speak for no state in the period news cites them for. An office that ended (Biden's,
Stoltenberg's, Johnson's) or a break between terms (Trump's) leaves an undated article's mention
unknown: the article may be from before or after, and a former office-holder speaks for no state.
The text may still say it ("President Biden"): the finders type by a role the text gives.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from headwater.extract.outlets import norm
from headwater.yamldata import load_yaml

FILES = ("officials.yaml", "organizations.yaml")
# How a registry hit in an undated article whose office ended is noted: unknown, the date decides.
UNDATED_TERM = "not dated: the registry's term ended"


@dataclass(frozen=True)
class Known:
    id: str
    name: str
    kind: str  # person | organization | outlet
    country: str | None
    state_affiliated: bool | None
    terms: tuple[tuple[int, int | None], ...] = ()
    body: str | None = None  # the international body an international official speaks for
    role: str | None = None
    national: str | None = None  # an international official's own country, for the national office they held

    @property
    def intergovernmental(self) -> bool:
        return self.body is not None and self.state_affiliated is None

    @property
    def ended(self) -> int | None:
        """The year the office ended or broke off, when it did: the end of the last term, or of the
        one before a break (Trump's 2021); None while in office without a break since the first term."""
        if not self.terms:
            return None
        ends = sorted(b for _, b in self.terms if b is not None)
        return ends[-1] if ends else None

    def affiliated_in(self, year: int | None) -> tuple[bool | None, str]:
        """State affiliation in a year (None: undated) and how it was decided."""
        if year is None and self.terms and self.ended is not None and self.state_affiliated is not False:
            return None, f"registry, undated: out of office or between terms since {self.ended}"
        if year is None or not self.terms or self.intergovernmental:
            return self.state_affiliated, "registry" if year is not None or not self.terms else "registry, undated"
        if any(a <= year <= (b if b is not None else 9999) for a, b in self.terms):
            return True, "registry, in office"
        return False, "registry, former"  # a former office-holder speaks for no state


def former_by(k: Known, floor: int | None) -> str | None:
    """For an undated article whose text names dates up to the year ``floor``: the note that the
    registry person was out of office by then (every term ended before that year, none open), else
    None. An article is written no earlier than the latest date it names; a term that ended before
    that year makes its holder a former one whenever the article was written (a later term the
    registry does not hold aside)."""
    if floor is None or not k.terms or k.state_affiliated is False:
        return None
    if any(b is None or b >= floor for _, b in k.terms):
        return None
    return f"registry, former: the undated article names a date in {floor}, after the term that ended in {k.ended}"


def date_floor(dates: list[str]) -> int | None:
    """The latest year among an article's full dates (ISO strings), or None."""
    years = [int(d[:4]) for d in dates if d[:4].isdigit()]
    return max(years) if years else None


class KnownSources:
    """Name -> entry for every name and alias (folded like outlet names)."""

    def __init__(self, entries: list[Known]) -> None:
        self.entries = entries
        self.index: dict[str, Known] = {}
        for e in entries:
            self.index.setdefault(norm(e.name), e)

    @classmethod
    def load(cls, paths: list[str | Path] | None = None) -> KnownSources:
        raw: list[dict[str, Any]] = []
        if paths is None:
            for f in FILES:
                raw += load_yaml(resources.files("headwater.data").joinpath(f).read_text("utf-8")) or []
        else:
            for p in paths:
                raw += load_yaml(Path(p).read_text("utf-8")) or []
        entries, names = [], []
        for e in raw:
            terms = tuple((int(t[0]), None if t[1] is None else int(t[1])) for t in e.get("terms") or ())
            k = Known(str(e["id"]), str(e["name"]), str(e.get("kind") or "organization"), e.get("country"),
                      e.get("state_affiliated"), terms, e.get("body"), e.get("role") or e.get("what"),
                      e.get("national"))
            entries.append(k)
            names.append([str(a) for a in e.get("aliases") or ()])
        known = cls(entries)
        for k, aliases in zip(entries, names, strict=True):
            for a in aliases:
                known.index.setdefault(norm(a), k)
        return known

    def get(self, name: str) -> Known | None:
        key = norm(name)
        return self.index.get(key) if key else None


@cache
def packaged() -> KnownSources:
    """The packaged registries, read once per process and shared (nothing changes them once loaded):
    the resources, the entities linker and the text-roles registry each read them apart before."""
    return KnownSources.load()
