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

import numpy as np
import numpy.typing as npt

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
    """The old rows (of language ``lang``) within BROAD_SIM of some of these new articles.

    In one pass for all of them (the index changes nothing between two new articles): every query's
    postings read at once, every candidate's counts and their words' document frequencies read once,
    and the candidates weighed together as sparse rows over one vocabulary (numpy), each new article's
    cosines to its candidates a gather and a dot. Weighing and comparing a candidate at a time over
    word dicts (key strings rebuilt for each word) was 28 of 74 profiled seconds of +1,000 into 10,000."""
    head, n = len(lang) + 1, df[f"{lang}\t"]
    dfs = {k[head:]: v for k, v in df.items()}  # this language's document frequencies by word
    idf = _idf(dfs, n)
    weighed = {row: _weigh(raw, idf) for row, raw in raws.items()}
    queries = {row: heapq.nlargest(QUERY_WORDS, ((x, t) for t, x in w.items() if dfs[t] <= POSTING_CAP))
               for row, w in weighed.items()}
    keys = {t: _key(lang, t) for query in queries.values() for _, t in query}
    posted = index.postings(WORDS, set(keys.values()), POSTING_CAP)
    tops: dict[int, list[int]] = {}
    for row, query in queries.items():
        acc: dict[int, float] = defaultdict(float)
        for x, t in query:
            for other in posted.get(keys[t], ()):
                if other not in raws:
                    acc[other] += x
        tops[row] = [r for r, _ in heapq.nlargest(CANDIDATES, acc.items(), key=lambda kv: kv[1])]
    cand = {r: v[1] for r, v in index.get(RAW, sorted({r for top in tops.values() for r in top})).items()}
    if not cand:
        return set()
    terms: set[str] = set()
    for raw in cand.values():
        terms.update(raw)
    missing = sorted(terms - dfs.keys())
    dfs.update((k[head:], v) for k, v in index.counts(DF, [f"{lang}\t{t}" for t in missing]).items())
    rows_at, words, cols, vals = _sparse(cand, dfs, n)
    vocab = {t: i for i, t in enumerate(words)}
    q = np.zeros(len(vocab) + 1)  # one new article's weights over the candidates' words (the last: any other)
    found: set[int] = set()
    for row, w in weighed.items():
        top = [r for r in tops[row] if r in rows_at]
        if not top or not w:
            continue
        at = [vocab.get(t, len(vocab)) for t in w]
        q[at] = list(w.values())
        for other in top:
            s, e = rows_at[other]
            if float(q[cols[s:e]] @ vals[s:e]) >= BROAD_SIM:
                found.add(other)
        q[at] = 0.0
    return found


def _idf(dfs: dict[str, int], n: int) -> dict[str, float]:
    """The idf of each word a profile may weigh (at least MIN_DF and at most MAX_DF of the articles use it)."""
    return {t: math.log(n / d) for t, d in dfs.items() if MIN_DF <= d <= MAX_DF * n}


def _weigh(raw: dict[str, int], idf: dict[str, float]) -> dict[str, float]:
    """``_weights`` with the language's idf at hand."""
    w = {t: (1 + math.log(k)) * idf[t] for t, k in raw.items() if t in idf}
    norm = math.sqrt(sum(x * x for x in w.values()))
    return {t: x / norm for t, x in w.items()} if norm else {}


def _sparse(raws: dict[int, dict[str, int]], dfs: dict[str, int], n: int) \
        -> tuple[dict[int, tuple[int, int]], list[str], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """The profiles weighed as ``_weights`` weighs one (sublinear tf, idf, L2-normalised), as sparse rows:
    each row's span of the (columns, values) arrays, columns numbering the returned words; words no
    profile may weigh have value 0."""
    words: dict[str, int] = {}
    order = list(raws)
    at = np.fromiter((words.setdefault(t, len(words)) for r in order for t in raws[r]), dtype=np.int64)
    counts = np.fromiter((k for r in order for k in raws[r].values()), dtype=np.float64, count=len(at))
    vocab = list(words)
    d = np.array([dfs.get(t, 0) for t in vocab], dtype=np.float64)
    kept = (d >= MIN_DF) & (d <= MAX_DF * n)
    idf = np.where(kept, np.log(n / np.maximum(d, 1)), 0.0)
    vals = (1 + np.log(counts)) * idf[at]
    lengths = np.array([len(raws[r]) for r in order], dtype=np.int64)
    ends = np.cumsum(lengths)
    starts = ends - lengths
    owner = np.repeat(np.arange(len(order)), lengths)
    norms = np.sqrt(np.bincount(owner, weights=vals * vals, minlength=len(order)))
    vals = np.where(norms[owner] > 0, vals / np.maximum(norms[owner], 1e-300), 0.0)
    spans = {r: (int(s), int(e)) for r, s, e in zip(order, starts, ends, strict=True)}
    return spans, vocab, at, vals
