"""Broad narratives updated with new articles: the work grows with what is new, not with the corpus.

A full link (``keep_broad``) keeps, per article, the counts of its claims' words, the document
frequencies of each language's words (and how many articles each language has), and an inverted index
of each article's heaviest words (``LinkIndex``). New articles then (``add_broad``):

1. are counted and kept, and look up their ``QUERY_WORDS`` heaviest words in the index (words in at
   most ``POSTING_CAP`` articles of their language), the ``CANDIDATES`` old articles sharing the most
   weight getting an exact cosine; those at ``BROAD_SIM`` or closer are their neighbours;
2. with their neighbours and the whole of every broad narrative a neighbour is in, are grouped again
   as a full link groups a block (average linkage, weighed with the language's document frequencies);
3. the narratives they touched are replaced by the groups found; every other one stays.

As with stories, an update sees what is near the new articles; ``headwater analyze --relink`` groups
everything again. Merged across languages (multilingual vectors), the broad narratives link whole.
"""
from __future__ import annotations

import heapq
import math
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from headwater.link.broad import BROAD_SIM, MAX_DF, MIN_DF, block_narratives, blocks, language_of, said
from headwater.link.index import LinkIndex
from headwater.model import Article, row_of

STATE, RAW, DF, WORDS = "broad.state", "broad.raw", "broad.df", "broad.words"
# A new article looks its neighbours up by its heaviest words (names, places, loaded words lead),
# followed in the index when at most POSTING_CAP articles of its language use them; each article posts
# its POSTED heaviest. The CANDIDATES sharing most weight are compared exactly.
QUERY_WORDS, POSTED, POSTING_CAP, CANDIDATES = 30, 30, 500, 50
Fetch = Callable[[list[int]], dict[int, Article]]
Rows = list[dict[str, Any]]


def _key(lang: str, word: str) -> int:
    return zlib.crc32(f"{lang}\t{word}".encode())


def _counts(a: Article) -> dict[str, int]:
    return dict(Counter(w for ws in said(a) for w in ws))


def _weights(raw: dict[str, int], lang: str, df: dict[str, int], n: int) -> dict[str, float]:
    """A profile's TF-IDF weights (sublinear tf, the language's idf), L2-normalised: as ``Tfidf`` weighs."""
    w = {t: (1 + math.log(k)) * math.log(n / df[f"{lang}\t{t}"]) for t, k in raw.items()
         if MIN_DF <= df.get(f"{lang}\t{t}", 0) <= MAX_DF * n}
    norm = math.sqrt(sum(x * x for x in w.values()))
    return {t: x / norm for t, x in w.items()} if norm else {}


def _keep(index: LinkIndex, arts: Iterable[tuple[int, Article]]) -> dict[int, tuple[str, dict[str, int]]]:
    """Count and keep these articles' words, and post their heaviest; returns their (language, counts)."""
    got = {row: (language_of(a), _counts(a)) for row, a in arts if a.findings.get("claims")}
    index.put(RAW, {row: [lang, raw] for row, (lang, raw) in got.items()})
    index.count(DF, Counter(f"{lang}\t{t}" for lang, raw in got.values() for t in raw))
    index.count(DF, Counter(f"{lang}\t" for lang, _ in got.values()))  # each language's articles
    df = index.counts(DF, {f"{lang}\t{t}" for lang, raw in got.values() for t in [*raw, ""]})
    posts = []
    for row, (lang, raw) in got.items():
        w = _weights(raw, lang, df, df[f"{lang}\t"])
        posts += [(_key(lang, t), row) for t, _ in heapq.nlargest(POSTED, w.items(), key=lambda kv: kv[1])]
    index.post(WORDS, posts)
    return got


def keep_broad(index: LinkIndex, corpus: list[tuple[int, Article]], across: bool) -> None:
    """What ``add_broad`` needs from a full link (``across``: the narratives were merged across languages)."""
    for name in (STATE, RAW, DF, WORDS):
        index.clear(name)
    _keep(index, corpus)
    index.keep(STATE, {"across": across})


def add_broad(previous_of: Callable[[list[int]], Rows], new: dict[int, Article], index: LinkIndex, fetch: Fetch,
              leave: Callable[[set[int]], set[int]]) -> tuple[Rows, set[str]]:
    """The broad narratives with the ``new`` articles (see the module's doc): the groups found again
    (without ids) and the ids of the narratives those replace; the others stay as they were.
    ``previous_of``: the broad narratives holding some of these rows; ``leave``: those of these rows
    that a narrative of a retold claim holds (they are not grouped broadly)."""
    got = _keep(index, sorted(new.items()))
    touched: set[int] = set()
    for lang, raws in _by_language(got).items():
        df = index.counts(DF, {f"{lang}\t{t}" for raw in raws.values() for t in [*raw, ""]})
        touched |= _neighbours(raws, lang, df, index)
    previous = previous_of(sorted(touched))
    owner = {row_of(str(k)): i for i, n in enumerate(previous) for k in n["article_ids"]}
    hit = {owner[r] for r in touched if r in owner}
    rows = set(got) | touched | {row_of(str(k)) for i in hit for k in previous[i]["article_ids"]}
    rows -= leave(rows)
    arts = fetch(sorted(rows))
    regrouped: Rows = []
    by_lang: dict[str, list[int]] = defaultdict(list)
    for r, a in arts.items():
        by_lang[language_of(a)].append(r)
    for lang, members in sorted(by_lang.items()):
        used = {w for r in members for ws in said(arts[r]) for w in ws}
        df = index.counts(DF, {f"{lang}\t{t}" for t in [*used, ""]})
        # in blocks of at most BLOCK articles, split as a full link splits a language (``broad.blocks``):
        # the articles regrouped grow with the narratives a batch touches, and one dense block of them
        # all (their TF-IDF rows times each other) held 3.9 GB and took half an update's time at 10,000
        for block in blocks({r: arts[r] for r in members}):
            regrouped += block_narratives(block, arts, {t: df[f"{lang}\t{t}"] for t in used}, df[f"{lang}\t"])
    return regrouped, {str(previous[i]["id"]) for i in hit}


def _by_language(got: dict[int, tuple[str, dict[str, int]]]) -> dict[str, dict[int, dict[str, int]]]:
    out: dict[str, dict[int, dict[str, int]]] = defaultdict(dict)
    for row, (lang, raw) in got.items():
        out[lang][row] = raw
    return out


def _neighbours(raws: dict[int, dict[str, int]], lang: str, df: dict[str, int], index: LinkIndex) -> set[int]:
    """The old rows (of language ``lang``) within BROAD_SIM of some of these new articles. An old row a
    second new article finds is weighed once, with the counts read once (the same weights: nothing is
    counted between)."""
    n = df[f"{lang}\t"]
    weighed = {row: _weights(raw, lang, df, n) for row, raw in raws.items()}
    known = dict(df)
    weights_of: dict[int, dict[str, float]] = {}
    found: set[int] = set()
    for w in weighed.values():
        query = heapq.nlargest(QUERY_WORDS, ((x, t) for t, x in w.items() if df[f"{lang}\t{t}"] <= POSTING_CAP))
        posted = index.postings(WORDS, [_key(lang, t) for _, t in query], POSTING_CAP)
        acc: dict[int, float] = defaultdict(float)
        for x, t in query:
            for other in posted.get(_key(lang, t), ()):
                if other not in raws:
                    acc[other] += x
        top = [r for r, _ in heapq.nlargest(CANDIDATES, acc.items(), key=lambda kv: kv[1])]
        cand = index.get(RAW, [r for r in top if r not in weights_of])
        known.update(index.counts(DF, {f"{lang}\t{t}" for _, raw in cand.values() for t in raw} - known.keys()))
        weights_of.update({other: _weights(raw, lang, known, n) for other, (_, raw) in cand.items()})
        for other in top:
            ow = weights_of.get(other)
            if ow is not None and sum(x * ow.get(t, 0.0) for t, x in w.items()) >= BROAD_SIM:
                found.add(other)
    return found
