"""Copies: articles that largely repeat an earlier one (a wire story republished, a light rewrite),
found by shared word shingles through a sampled inverted index (never all pairs)."""
from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from headwater.link.index import LinkIndex
from headwater.model import Article, key

SHINGLE = 5
# Keep one shingle in SAMPLE for the candidate index (every shingle for the final measure):
# a rewrite that shares a quarter of its 5-word runs shares dozens of sampled ones.
SAMPLE = 4
# A shingle in more articles than this is boilerplate (a footer, a stock phrase), not evidence.
COMMON = 50
# Share of the shorter article's shingles found in the other: at or above it, one copies the other.
# 0.5 keeps light rewrites of a wire story and leaves two reports of one event in their own words.
COPY_CONTAINMENT = 0.5
SHINGLES, SEEN = "copies.shingles", "copies.seen"  # what the index keeps (sampled shingles; articles seen)


def shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode()) for i in range(max(0, len(words) - SHINGLE + 1))}


def find_copies(corpus: list[tuple[int, Article]], index: LinkIndex | None = None) -> list[dict[str, Any]]:
    """Pairs where one article's text largely repeats another's; the older one is the original.
    With an ``index``, the sampled shingles are kept there for ``add_copies`` (replacing what it held)."""
    sets = {aid: shingles(a.text) for aid, a in corpus}
    posted: dict[int, list[int]] = defaultdict(list)
    for aid, s in sets.items():
        for h in s:
            if h % SAMPLE == 0:
                posted[h].append(aid)
    if index is not None:
        index.clear(SHINGLES)
        index.clear(SEEN)
        index.post(SHINGLES, ((h, aid) for h, ids in posted.items() for aid in ids))
        index.put(SEEN, dict.fromkeys(sets, 1))
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in posted.values():
        if 1 < len(ids) <= COMMON:
            for i, x in enumerate(ids):
                for y in ids[i + 1:]:
                    shared[(x, y)] += 1
    return _contained(shared, sets, {aid: a for aid, a in corpus})


def _contained(shared: dict[tuple[int, int], int], sets: dict[int, set[int]],
               arts: dict[int, Article]) -> list[dict[str, Any]]:
    """The pairs sharing at least two sampled shingles whose containment makes one a copy."""
    copies = []
    for (x, y), n in shared.items():
        if n < 2:
            continue
        small = min(len(sets[x]), len(sets[y]))
        containment = len(sets[x] & sets[y]) / small if small else 0.0
        if containment >= COPY_CONTAINMENT:
            orig, copy = sorted((x, y), key=lambda r: (arts[r].published or "9999", r))
            copies.append({"article_id": key(copy), "derived_from": key(orig),
                           "containment": round(containment, 3)})
    return sorted(copies, key=lambda c: (c["derived_from"], c["article_id"]))


def add_copies(new: list[tuple[int, Article]], index: LinkIndex, linked: int,
               fetch: Callable[[list[int]], dict[int, Article]]) -> list[dict[str, Any]] | None:
    """The copies the ``new`` articles add (each compared with the articles sharing its sampled shingles,
    through the index, and ``fetch``ed; the copies found before stay as they are); None when the index
    does not hold the ``linked`` ones."""
    if index.size(SEEN) != linked:
        return None
    sets = {aid: shingles(a.text) for aid, a in new}
    index.post(SHINGLES, ((h, aid) for aid, s in sets.items() for h in s if h % SAMPLE == 0))
    index.put(SEEN, dict.fromkeys(sets, 1))
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for aid, s in sets.items():
        for ids in index.postings(SHINGLES, [h for h in s if h % SAMPLE == 0], COMMON).values():
            for other in ids:
                if other != aid and (other not in sets or other < aid):  # a pair of new articles once
                    shared[(min(aid, other), max(aid, other))] += 1
    olds = sorted({r for pair, n in shared.items() if n >= 2 for r in pair} - sets.keys())
    arts = {**fetch(olds), **dict(new)}
    sets.update({r: shingles(arts[r].text) for r in olds})
    found = _contained(shared, sets, arts)
    return sorted(found, key=lambda c: (c["derived_from"], c["article_id"]))
