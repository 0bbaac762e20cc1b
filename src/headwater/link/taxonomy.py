"""Known narratives: an analyst's taxonomy (YAML or CSV) and the claims that match its entries.

YAML: ``narratives: [{id, label, description?, examples?, sub_narratives: [...]}]`` (entries nest;
a child is read with its parent's label in front). CSV: ``id,label,description,examples`` with
examples joined by ``|``. Claims are matched to entries zero-shot: the entry's label, description
and examples are embedded like a claim and compared by cosine. An entry matches a claim only when
the similarity clears an absolute floor *and* stands out from how that entry scores every claim of
the corpus (a generic label close to everything matches nothing); below that, ``null``.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import yaml

from headwater.embed import Embedder, Vectors
from headwater.yamldata import load_yaml


class TaxonomyError(ValueError):
    """The file is not a taxonomy headwater reads."""


@dataclass(frozen=True)
class Entry:
    id: str
    label: str
    description: str = ""
    examples: tuple[str, ...] = ()
    parent: str | None = None  # the id of the broader entry
    path: tuple[str, ...] = field(default_factory=tuple)  # labels from the root down, this one last

    def text(self) -> str:
        """What is embedded: the labels from the root down, the description, the examples."""
        parts = [": ".join(self.path or (self.label,))]
        if self.description:
            parts.append(self.description)
        parts.extend(self.examples[:3])
        return ". ".join(parts)


def read_taxonomy(path: str | Path) -> list[Entry]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"{p}: {exc}") from None
    entries = _read_csv(text) if p.suffix.lower() == ".csv" else _read_yaml(text)
    if not entries:
        raise TaxonomyError(f"{p}: no entries (expected YAML 'narratives:' or CSV id,label,description,examples)")
    ids = [e.id for e in entries]
    if len(set(ids)) != len(ids):
        raise TaxonomyError(f"{p}: entry ids repeat")
    return entries


def _read_csv(text: str) -> list[Entry]:
    rows = csv.DictReader(io.StringIO(text))
    out = []
    for n, r in enumerate(rows, 2):
        label = (r.get("label") or "").strip()
        if not label:
            continue
        ex = tuple(x.strip() for x in (r.get("examples") or "").split("|") if x.strip())
        parent = (r.get("parent") or "").strip() or None
        out.append(Entry(id=(r.get("id") or "").strip() or f"row{n}", label=label,
                         description=(r.get("description") or "").strip(), examples=ex, parent=parent, path=(label,)))
    return out


def _read_yaml(text: str) -> list[Entry]:
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"not YAML: {exc}") from None
    items = data.get("narratives") if isinstance(data, dict) else data
    out: list[Entry] = []

    def walk(nodes: Any, parent: Entry | None) -> None:
        for node in nodes if isinstance(nodes, list) else []:
            if not isinstance(node, dict) or not node.get("label"):
                continue
            label = str(node["label"]).strip()
            ex = node.get("examples") or []
            e = Entry(id=str(node.get("id") or label), label=label, description=str(node.get("description") or ""),
                      examples=tuple(str(x) for x in ex) if isinstance(ex, list) else (str(ex),),
                      parent=parent.id if parent else None, path=(*(parent.path if parent else ()), label))
            out.append(e)
            walk(node.get("sub_narratives") or node.get("children"), e)

    walk(items, None)
    return out


# A claim matches an entry when it stands out from how the entry scores the other claims of its
# language: at least Z_MIN standard deviations above the entry's mean cosine over that language's
# claims (labels are in one language, and cosines across languages run lower), and above the
# embedder's GUARD. A language with fewer than Z_CORPUS claims cannot tell a spread: there, the
# cosine must reach the embedder's FLOOR. Z_MIN = 2.5 (under a normal spread, 1 claim in 160 by
# chance): on the narratives peer set (visible part) 3.0 and 3.5 kept too few matches to form
# narratives, 2.0 matched every article. e5's FLOOR, 0.85, is the 99th percentile of claim-label
# cosines on that set (so at most 1% of pairs can match); its GUARD, 0.80, their median. The
# hashed n-grams' 0.5 is where a label and a claim share most of their words.
FLOORS = {"e5-small-q4/1": 0.85, "hashed-ngrams/1": 0.5}
GUARDS = {"e5-small-q4/1": 0.80, "hashed-ngrams/1": 0.3}
Z_MIN = 2.5
Z_CORPUS = 200


@dataclass
class Matcher:
    entries: list[Entry]
    embedder: Embedder
    vectors: Vectors = field(init=False)

    def __post_init__(self) -> None:
        self.vectors = self.embedder.embed([e.text() for e in self.entries])

    def match(self, claims: Vectors, langs: list[str] | None = None) -> list[list[tuple[int, float]]]:
        """For each claim row, the entries (index, cosine) it matches, best first; [] when none does."""
        if not len(claims) or not self.entries:
            return [[] for _ in range(len(claims))]
        sims: npt.NDArray[np.float32] = claims @ self.vectors.T
        floor = FLOORS.get(self.embedder.name, max(FLOORS.values()))
        guard = GUARDS.get(self.embedder.name, floor)
        ok = sims >= floor
        lang = np.array(langs if langs is not None else [""] * len(claims))
        for lg in set(lang.tolist()):
            m = lang == lg
            if m.sum() >= Z_CORPUS:
                part = sims[m]
                z = (part - part.mean(axis=0)) / (part.std(axis=0) + 1e-6)
                ok[m] = (z >= Z_MIN) & (part >= guard)
        out = []
        for row in range(len(claims)):
            idx = np.flatnonzero(ok[row])
            out.append(sorted(((int(i), float(sims[row, i])) for i in idx), key=lambda t: -t[1]))
        return out
