"""The outlet registry (``data/outlets.yaml``) and the evidence that names an article's publisher.

An outlet is named only on evidence: the article's URL, page metadata, a dateline, a byline, the
site name in the title, or a signature the registry records for the outlet. Wires are told apart:
"BEIRUT (Reuters) -" on another outlet's page says who wrote the copy, not who published it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from headwater.model import Outlet
from headwater.yamldata import load_yaml

# "BEIRUT (Reuters) -", "MOSCOW (Sputnik) -", "DAMASCUS, (SANA)-", "(AFP) —" at a paragraph's start.
DATELINE = re.compile(r"(?:^|\n)\s*(?:[A-Z][A-Za-z.'’ -]{1,40},?\s*)?(?:[A-Z][a-z]{2,8}\.? \d{1,2},?\s*)?"
                      r"\((?P<name>[^()\n]{2,40})\)\s*[-–—:]")
# A self-credit inside the text: "(TRT World and Agencies)", "(Daily Sabah with AFP)".
CREDIT = re.compile(r"\((?P<name>[^()\n]{2,40}?)\s+(?:and|with|&|/)\s+(?:agencies|wires|AFP|AP|Reuters)\)", re.I)
# A wire credit closing the text: "- REUTERS", "(AFP)", "— AP".
WIRE_TAIL = re.compile(r"[-–—(]\s*(?P<name>[A-Z][A-Za-z]{1,10})\)?\s*$")
BYLINE = re.compile(r"\bby\s+(?P<rest>[A-Z][^\n]{0,60})")
TITLE_SEP = re.compile(r"\s+(?:[-–—|:]|::)\s+")


_PUNCT = re.compile(r"(?:[^\w]|_)+")


@lru_cache(maxsize=1 << 16)  # the same names are folded over and over (every mention of a source, corpus-wide)
def norm(name: str) -> str:
    """Fold an outlet name for lookup: case, accents, punctuation and a leading 'the' go. Letters of
    other scripts stay (ТАСС, سانا); other non-ASCII characters go, as they always did."""
    s = name.replace("’", "'")
    if not s.isascii():  # (ASCII is its own decomposition, every character kept)
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if c.isascii() or c.isalpha())  # combining marks are not alpha
    s = _PUNCT.sub(" ", s.lower()).strip()
    return s[4:] if s.startswith("the ") else s


@dataclass(frozen=True)
class OutletEntry:
    id: str
    name: str
    country: str | None
    state_affiliated: bool | None
    wire: bool
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    signatures: tuple[re.Pattern[str], ...]
    owner: str | None = None
    kind: str | None = None
    sources: dict[str, str] = field(default_factory=dict)
    editorial_independence: bool | None = None

    def as_outlet(self, basis: str) -> Outlet:
        return Outlet(self.id, self.name, self.country, self.state_affiliated, basis)


def _entry(d: dict[str, Any]) -> OutletEntry:
    return OutletEntry(
        id=str(d["id"]), name=str(d["name"]), country=d.get("country"),
        state_affiliated=d.get("state_affiliated"), wire=bool(d.get("wire")),
        aliases=tuple(str(a) for a in d.get("aliases") or ()),
        domains=tuple(str(x).lower().removeprefix("www.") for x in d.get("domains") or ()),
        signatures=tuple(re.compile(s, re.M) for s in d.get("signatures") or ()),
        owner=d.get("owner"), kind=d.get("kind"), sources=dict(d.get("sources") or {}),
        editorial_independence=d.get("editorial_independence"))


class OutletRegistry:
    """Outlets by domain and by name, loaded from YAML (the packaged file unless a path is given)."""

    def __init__(self, entries: list[OutletEntry]) -> None:
        self.entries = entries

    @classmethod
    def load(cls, path: str | Path | None = None) -> OutletRegistry:
        if path is None:
            text = resources.files("headwater.data").joinpath("outlets.yaml").read_text("utf-8")
        else:
            text = Path(path).read_text("utf-8")
        return cls([_entry(d) for d in load_yaml(text) or []])

    @cached_property
    def _by_domain(self) -> dict[str, OutletEntry]:
        return {dom: e for e in self.entries for dom in e.domains}

    @cached_property
    def _by_name(self) -> dict[str, OutletEntry]:
        index: dict[str, OutletEntry] = {}
        for e in self.entries:
            for n in (e.name, *e.aliases):
                index.setdefault(norm(n), e)
        return index

    def by_id(self, outlet_id: str) -> OutletEntry | None:
        return next((e for e in self.entries if e.id == outlet_id), None)

    def by_url(self, url: str | None) -> OutletEntry | None:
        if not url:
            return None
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower().removeprefix("www.")
        labels = host.split(".")
        for i in range(len(labels) - 1):
            e = self._by_domain.get(".".join(labels[i:]))
            if e:
                return e
        return None

    def by_name(self, name: str | None) -> OutletEntry | None:
        """Exact lookup of a name as the registry spells it (any alias); acronyms keep their case."""
        if not name:
            return None
        e = self._by_name.get(norm(name))
        if e is None:
            return None
        # "SANA" the agency is not "Sana" the city: an all-caps alias matches only in capitals.
        if name.strip().isupper() or any(a == name.strip() for a in (e.name, *e.aliases)):
            return e
        if any(a.isupper() and norm(a) == norm(name) for a in (e.name, *e.aliases)):
            return None
        return e

    def by_signature(self, text: str) -> tuple[OutletEntry, str] | None:
        for e in self.entries:
            for sig in e.signatures:
                m = sig.search(text)
                if m:
                    return e, m.group(0)
        return None


@dataclass
class OutletFinding:
    outlet: Outlet | None
    wire: str | None
    title: str | None  # the title with a trailing site name removed
    evidence: str | None


def identify(registry: OutletRegistry, *, url: str | None, site_name: str | None, title: str | None,
             header: str, text: str, raw: str, stated: str | None = None) -> OutletFinding:
    """Name the publisher (and any wire) from the evidence, strongest first; None without evidence."""
    wire: str | None = None
    found: tuple[OutletEntry, str, str] | None = None

    def take(entry: OutletEntry | None, basis: str, evidence: str) -> None:
        nonlocal found
        if entry is not None and found is None:
            found = (entry, basis, evidence)

    if stated:
        take(registry.by_name(stated), "input", stated)
    take(registry.by_url(url), "url", url or "")
    take(registry.by_name(site_name), "metadata", site_name or "")

    clean_title = title
    if title:
        parts = TITLE_SEP.split(title)
        if len(parts) > 1 and (e := registry.by_name(parts[-1])):
            take(e, "title", parts[-1])
            clean_title = title[: title.rfind(parts[-1])].rstrip(" -–—|:")

    for m in DATELINE.finditer(header + "\n" + text[:600]):
        e = registry.by_name(m.group("name").strip())
        if e is None:
            continue
        if e.wire:
            wire = wire or e.name
        else:
            take(e, "dateline", m.group(0).strip())
    for m in CREDIT.finditer(text):
        take(registry.by_name(m.group("name").strip()), "credit", m.group(0))
    for m in BYLINE.finditer(header):
        e = _leading_name(registry, m.group("rest"))
        if e is not None:
            if e.wire:
                wire = wire or e.name
            else:
                take(e, "byline", m.group(0).strip())
    for m in _STAMP.finditer(header):
        e, after = _leading_name_and_rest(registry, m.group("rest"))
        if e is not None and not e.wire and re.match(r"\s*(?:[A-Z0-9]|[-–—:(]|$)", after):
            take(e, "dateline", m.group(0).strip())
    sig = registry.by_signature(raw)
    if sig and sig[0].wire:
        wire = wire or sig[0].name  # a wire's dateline credits the writer, not the publisher
    elif sig:
        take(sig[0], "signature", sig[1])
    tail = WIRE_TAIL.search(text[-80:])
    if tail and (e := registry.by_name(tail.group("name"))) and e.wire:
        wire = wire or e.name

    if found is None:
        return OutletFinding(None, wire, clean_title, None)
    entry, basis, evidence = found
    if wire == entry.name:
        wire = None  # the wire's own copy on its own site
    return OutletFinding(entry.as_outlet(basis), wire, clean_title, evidence)


# A date stamp in the header followed by an agency's name that opens a sentence:
# "8 November 2016 SANA Members of…" (a stamp), not "on 8 November 2016 Sputnik said…" (a citation).
_STAMP = re.compile(r"(?:^|(?<=[.\n]) ?|\b(?<!on )(?<!by ))(?:[A-Za-z]{3,9}\.? )?(?:\d{1,2} [A-Za-z]{3,9}\.? \d{4}|"
                    r"[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{4})\s+(?P<rest>.{0,60})", re.M)


def _leading_name_and_rest(registry: OutletRegistry, rest: str, most: int = 5) -> tuple[OutletEntry | None, str]:
    """The outlet whose name opens ``rest`` (longest first) and what follows it:
    "Asharq Al-Awsat English 58 Killed…" gives Asharq Al-Awsat and "58 Killed…"."""
    words = rest.split()
    for k in range(min(most, len(words)), 0, -1):
        e = registry.by_name(" ".join(words[:k]))
        if e is not None:
            return e, " ".join(words[k:])
    return None, rest


def _leading_name(registry: OutletRegistry, rest: str) -> OutletEntry | None:
    return _leading_name_and_rest(registry, rest)[0]
