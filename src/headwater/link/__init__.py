"""Link: corpus-level results computed over every stored article, apart from per-article work.

Near-duplicates and rewrites (shared word shingles) seed the story partition; narratives,
contradictions and provenance come from the articles' claim frames and attribution chains
(``link.frames``, ``link.narratives``).
"""
from __future__ import annotations

import re
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from headwater.model import Article

SHINGLE = 5
# Keep one shingle in SAMPLE for the candidate index (every shingle for the final measure):
# a rewrite that shares a quarter of its 5-word runs shares dozens of sampled ones.
SAMPLE = 4
# A shingle in more articles than this is boilerplate (a footer, a stock phrase), not evidence.
COMMON = 50
# Share of the shorter article's shingles found in the other: at or above it, one copies the other.
# 0.5 keeps light rewrites of a wire story and leaves two reports of one event in their own words.
COPY_CONTAINMENT = 0.5


@dataclass
class CorpusLinks:
    stories: list[dict[str, Any]] = field(default_factory=list)
    narratives: list[dict[str, Any]] = field(default_factory=list)
    contradictions: list[dict[str, Any]] = field(default_factory=list)
    provenance: list[dict[str, Any]] = field(default_factory=list)
    copies: list[dict[str, Any]] = field(default_factory=list)  # {article_id, derived_from, containment}
    entities: list[dict[str, Any]] = field(default_factory=list)  # one per real source (``link.entities``)
    narrative_ids: dict[str, str] = field(default_factory=dict)  # frame key -> stable narrative id


def article_key(aid: int) -> str:
    return f"a{aid}"


def shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode()) for i in range(max(0, len(words) - SHINGLE + 1))}


def find_copies(corpus: list[tuple[int, Article]]) -> list[dict[str, Any]]:
    """Pairs where one article's text largely repeats another's; the older one is the original."""
    sets = {aid: shingles(a.text) for aid, a in corpus}
    index: dict[int, list[int]] = defaultdict(list)
    for aid, s in sets.items():
        for h in s:
            if h % SAMPLE == 0:
                index[h].append(aid)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in index.values():
        if 1 < len(ids) <= COMMON:
            for i, x in enumerate(ids):
                for y in ids[i + 1:]:
                    shared[(x, y)] += 1
    order = {aid: (a.published or "9999", aid) for aid, a in corpus}
    copies = []
    for (x, y), n in shared.items():
        if n < 2:
            continue
        small = min(len(sets[x]), len(sets[y]))
        containment = len(sets[x] & sets[y]) / small if small else 0.0
        if containment >= COPY_CONTAINMENT:
            orig, copy = sorted((x, y), key=order.__getitem__)
            copies.append({"article_id": article_key(copy), "derived_from": article_key(orig),
                           "containment": round(containment, 3)})
    return sorted(copies, key=lambda c: (c["derived_from"], c["article_id"]))



def link_corpus(corpus: list[tuple[int, Article]], known_narratives: dict[str, str] | None = None,
                known_claims: list[dict[str, Any]] | None = None) -> CorpusLinks:
    """Everything computed across articles. ``known_narratives`` (frame key -> id) keeps narrative
    ids stable from run to run; the extended mapping is returned in ``narrative_ids``.
    ``known_claims`` (see ``link.known``) are matched to the narratives that repeat them."""
    from headwater.link.entities import resolve_entities
    from headwater.link.known import match
    from headwater.link.narratives import contradictions, narratives, provenance
    from headwater.link.stories import incident_stories

    entities = resolve_entities(corpus)  # first: provenance reads the typing it carries between articles
    copies = find_copies(corpus)
    arts = dict(corpus)
    found, ids = narratives(corpus, known_narratives or {})
    for n in found:
        n["known_claims"] = match(n, arts, known_claims) if known_claims else []
    return CorpusLinks(stories=incident_stories(corpus, copies), copies=copies, narratives=found,
                       contradictions=[c for n in found for c in contradictions(n, arts)],
                       provenance=[provenance(n, arts) for n in found], narrative_ids=ids, entities=entities)
