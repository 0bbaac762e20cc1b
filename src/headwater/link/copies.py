"""Copies: articles that largely repeat an earlier one (a wire story republished, a light rewrite),
found by shared word shingles through a sampled inverted index (never all pairs)."""
from __future__ import annotations

import re
import zlib
from collections import defaultdict
from typing import Any

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
            copies.append({"article_id": key(copy), "derived_from": key(orig),
                           "containment": round(containment, 3)})
    return sorted(copies, key=lambda c: (c["derived_from"], c["article_id"]))
