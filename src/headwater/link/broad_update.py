"""Broad narratives updated with new articles: the work grows with what is new, not with the corpus.

A full link (``keep_broad``) keeps, per article, the counts of its claims' words (as bytes,
``link.term_bytes``), the document
frequencies of each language's words (and how many articles each language has), and an inverted index
of each article's heaviest words (``LinkIndex``). New articles then (``add_broad``):

1. are counted and kept, and look up their ``QUERY_WORDS`` heaviest words in the index (words in at
   most ``POSTING_CAP`` articles of their language), the ``CANDIDATES`` articles sharing the most
   weight (old or new) getting an exact cosine; those at ``BROAD_SIM`` or closer are their neighbours;
2. join the broad narratives and the articles alone they are near by average linkage over the pairs
   a new article is in (``graph_linkage``: each narrative compared by the mean cosine of its articles,
   weighed from their kept counts with the language's document frequencies now); two stored narratives
   never join each other, a new article joins at most one of them;
3. the narratives new articles made are described from their articles, those they joined from their
   stored description and the articles that joined (``broad_grown``: the old articles are not read);
   every other one stays as stored.

Until scale round 6, step 2 grouped again the new articles, their neighbours and every narrative those
were in, from the articles up, as a full link groups a block: at +1,000 into 10,000 that was 8,800
articles read and grouped (half the update), and it grows with the corpus (each new article has up to
``CANDIDATES`` neighbours). Grouping from the stored narratives reads the counts of those articles, and
the articles of the narratives that change. Measured at +1,000 into 10,000 against a full relink of
the 11,000 (pairs of articles sharing a broad narrative): the old way precision 0.23, recall 0.15 on
pairs with a new article, this one 0.09 and 0.13; the full link itself is that unstable (its pairs at
10,000 against its pairs at 11,000: precision 0.14, recall 0.16), so an update keeps what was there.

As with stories, an update sees what is near the new articles; ``headwater analyze --relink`` groups
everything again. Merged across languages (multilingual vectors), the broad narratives link whole.
"""
from __future__ import annotations

import heapq
import math
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np
import numpy.typing as npt

from headwater.link import term_bytes
from headwater.link.broad import BROAD_SIM, MAX_DF, MIN_DF, block_narratives, language_of, said
from headwater.link.broad_grown import can_grow, grown
from headwater.link.graph_linkage import graph_linkage
from headwater.link.index import LinkIndex
from headwater.link.sparse_sum import SparseSum
from headwater.model import Article, row_of

STATE, RAW, DF, WORDS = "broad.state", "broad.raw", "broad.df", "broad.words"
# A new article looks its neighbours up by its heaviest words (names, places, loaded words lead),
# followed in the index when at most POSTING_CAP articles of its language use them; each article posts
# its POSTED heaviest. The CANDIDATES sharing most weight are compared exactly.
QUERY_WORDS, POSTED, POSTING_CAP, CANDIDATES = 30, 30, 500, 50
# Profiles read at a time (their JSON let go once held as arrays).
READ_PART = 2000
Fetch = Callable[[list[int]], dict[int, Article]]
Rows = list[dict[str, Any]]


def _key(lang: str, word: str) -> int:
    return zlib.crc32(f"{lang}\t{word}".encode())


def _counts(a: Article) -> dict[str, int]:
    return dict(Counter(w for ws in said(a) for w in ws))


def _weights(raw: dict[str, int], lang: str, df: dict[str, int], n: int) -> dict[str, float]:
    """A profile's TF-IDF weights (sublinear tf, the language's idf), L2-normalised: as ``Tfidf`` weighs.
    ``df`` holds the language's document frequencies under "lang<TAB>word" keys."""
    return _weigh(raw, _idf({t: df.get(f"{lang}\t{t}", 0) for t in raw}, n))


def _keep(index: LinkIndex, arts: Iterable[tuple[int, Article]]) -> dict[int, tuple[str, dict[str, int]]]:
    """Count and keep these articles' words, and post their heaviest; returns their (language, counts)."""
    got = {row: (language_of(a), _counts(a)) for row, a in arts if a.findings.get("claims")}
    term_bytes.put(index, RAW, {row: raw for row, (_, raw) in got.items()})  # the language: DF's keys
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
              leave: Callable[[set[int]], set[int]],
              grew: list[tuple[dict[str, Any], dict[str, Any]]] | None = None) -> tuple[Rows, set[str]]:
    """The broad narratives with the ``new`` articles (see the module's doc): the narratives made or
    changed (without ids) and the ids of the stored ones those replace; the others stay as they were.
    ``previous_of``: the broad narratives holding some of these rows; ``leave``: those of these rows
    that a narrative of a retold claim holds (they are not grouped broadly); ``grew`` is given each
    narrative described from a stored one (``broad_grown``) with that one (its old articles were not read)."""
    term_bytes.migrate(index, RAW)  # kept as JSON before scale round 8: moved once
    got = _keep(index, sorted(new.items()))
    made: Rows = []
    gone: set[str] = set()
    for lang, raws in sorted(_by_language(got).items()):
        profiles = _Profiles(lang, index, raws)
        groups, replaced = _regroup(profiles, _neighbours(profiles), previous_of, leave)
        gone |= replaced
        # a narrative new articles joined is described from its stored description and what joined it
        # (``broad_grown``): only those are read; any other group is described from all its articles
        grow = [g.stored if g.stored is not None and can_grow(g.stored, g.members) else None for g in groups]
        held = {row_of(k) for st in grow if st is not None for k in st["article_ids"]}
        arts = fetch(sorted({r for g in groups for r in g.members} - held))
        for g, st in zip(groups, grow, strict=True):
            if st is not None:
                joined = {r: arts[r] for r in g.members if r in arts and r not in held}
                centre = profiles.by_word(g.total, joined.values())
                if (n := grown(st, g.members, joined, centre, profiles.dfs, profiles.n)) is not None:
                    made.append(n)
                    if grew is not None:
                        grew.append((n, st))
                continue
            rows = [r for r in g.members if r in arts]
            made += block_narratives(rows, arts, profiles.dfs, profiles.n, whole=True)
    return made, gone


def _by_language(got: dict[int, tuple[str, dict[str, int]]]) -> dict[str, dict[int, dict[str, int]]]:
    out: dict[str, dict[int, dict[str, int]]] = defaultdict(dict)
    for row, (lang, raw) in got.items():
        out[lang][row] = raw
    return out


class _Profiles:
    """One language's article profiles as an update reads them from the index, each read once: the new
    articles' counts (dicts: they are queried by word), every other article's as arrays over a
    vocabulary of this update's own (word numbers, counts), the words' document frequencies and idf.

    Until scale round 7 every candidate's counts were held as a dict of words (and its weights as
    another): at +1,000 into 65,000, ~40,000 candidates held 0.9 GB; as arrays, a tenth of that."""

    def __init__(self, lang: str, index: LinkIndex, new: dict[int, dict[str, int]]) -> None:
        self.lang, self.index, self.new = lang, index, new
        df = index.counts(DF, {f"{lang}\t{t}" for raw in new.values() for t in [*raw, ""]})
        self.n = df[f"{lang}\t"]
        self.dfs = {k[len(lang) + 1:]: v for k, v in df.items()}  # by word
        self.idf = _idf(self.dfs, self.n)  # by word (the new articles' words)
        self.vocab: dict[str, int] = {}
        self.by_number = np.zeros(0)  # the idf by word number (0: a word no profile may weigh)
        self.rows: dict[int, tuple[npt.NDArray[np.int32], npt.NDArray[np.floating[Any]]]] = {}
        self._hold({row: (list(raw), np.fromiter(raw.values(), dtype=np.float64, count=len(raw)))
                    for row, raw in new.items()})
        self.weighed = {row: _weigh(raw, self.idf) for row, raw in new.items()}

    def _hold(self, raws: Mapping[int, tuple[list[str], npt.NDArray[np.float64]]]) -> None:
        """Keep these counts (each row's words and their counts) as arrays, numbering their words (new
        words' idf from ``dfs``)."""
        known = len(self.vocab)
        words = list(chain.from_iterable(terms for terms, _ in raws.values()))
        # numbered in one pass over every word of these rows, in order of first use (as one at a time)
        fresh = [t for t in dict.fromkeys(words) if t not in self.vocab]
        self.vocab.update(zip(fresh, range(known, known + len(fresh)), strict=True))
        # word numbers as int32 and counts as float32 (a word's count in one article is exact in it; a
        # part holding any count that is not stays float64): at +1,000 into 30,000 these arrays were
        # 57 of the ~300 MB the broad update traced at its peak, int64 and float64
        at = np.fromiter(map(self.vocab.__getitem__, words), dtype=np.int32, count=len(words))
        counts = np.concatenate([c for _, c in raws.values()]) if raws else np.zeros(0)
        if np.array_equal(narrow := counts.astype(np.float32), counts):
            counts = narrow
        start = 0
        for row, (terms, _) in raws.items():
            self.rows[row] = (at[start:start + len(terms)], counts[start:start + len(terms)])
            start += len(terms)
        d = np.array([self.dfs.get(t, 0) for t in fresh], dtype=np.float64)
        kept = (d >= MIN_DF) & (d <= MAX_DF * self.n)
        self.by_number = np.concatenate([self.by_number, np.where(kept, np.log(self.n / np.maximum(d, 1)), 0.0)])

    def read(self, rows: Iterable[int]) -> None:
        """Read the counts of these rows, and the document frequencies of their words, a part at a time
        (each part's JSON let go once held as arrays)."""
        wanted = sorted(set(rows) - self.rows.keys())
        head = len(self.lang) + 1
        for at in range(0, len(wanted), READ_PART):
            got = term_bytes.read(self.index, RAW, wanted[at:at + READ_PART])
            terms = set(chain.from_iterable(raw for raw, _ in got.values())) - self.dfs.keys()
            more = self.index.counts(DF, [f"{self.lang}\t{t}" for t in sorted(terms)])
            self.dfs.update((k[head:], v) for k, v in more.items())
            self._hold(got)

    def weights(self, row: int) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float64]]:
        """A row's weights (as ``_weigh``: sublinear tf, idf, L2-normalised) as word numbers and values."""
        at, counts = self.rows.get(row, (np.zeros(0, dtype=np.int32), np.zeros(0)))
        vals = (1 + np.log(counts, dtype=np.float64)) * self.by_number[at]
        norm = math.sqrt(float(vals @ vals))
        keep = vals != 0
        return at[keep], vals[keep] / (norm or 1.0)

    def by_word(self, total: Mapping[int, float], arts: Iterable[Article]) -> dict[str, float]:
        """``total`` (by word number) for the words of these articles' claims, by word."""
        wanted = {t for a in arts for ws in said(a) for t in ws}
        return {t: total.get(at, 0.0) for t in wanted if (at := self.vocab.get(t)) is not None}

    def summed(self, rows: list[int]) -> SparseSum:
        """The sum of these rows' weights, by word number (held as arrays: ``sparse_sum``)."""
        parts = [self.weights(r) for r in rows]
        at = np.concatenate([a for a, _ in parts])
        vals = np.concatenate([v for _, v in parts])
        if len(parts) > 1:
            at, inverse = np.unique(at, return_inverse=True)
            vals = np.bincount(inverse, weights=vals, minlength=len(at))
        return SparseSum(at, vals)


@dataclass
class _Group:
    """A group an update makes or changes: its articles (rows, sorted), the stored narrative it grows (all
    of whose articles it holds; None for a new group or one some articles left) and the sum of its
    articles' weights (by word number, ``_Profiles``)."""

    members: list[int]
    stored: dict[str, Any] | None
    total: dict[int, float]


def _regroup(p: _Profiles, near: dict[int, set[int]], previous_of: Callable[[list[int]], Rows],
             leave: Callable[[set[int]], set[int]]) -> tuple[list[_Group], set[str]]:
    """The groups the new articles make or change (of two or more articles) and the ids of the stored
    narratives they replace: the new articles, their neighbours alone and the stored narratives their
    neighbours are in, joined by average linkage over the pairs a new article is in (``graph_linkage``)."""
    old = {o for others in near.values() for o in others if o not in p.new}
    previous = previous_of(sorted(old))
    owner = {row_of(str(k)): i for i, n in enumerate(previous) for k in n["article_ids"]}
    hit = sorted({owner[r] for r in old if r in owner})
    held = [[row_of(str(k)) for k in previous[i]["article_ids"]] for i in hit]
    rows = {r for m in held for r in m} | old | set(p.new)
    left = leave(rows)
    items: list[list[int]] = []
    stored: list[str | None] = []  # the id of the stored narrative an item is, None for an article alone
    changed: list[bool] = []
    gone: set[str] = set()
    for i, m in zip(hit, held, strict=True):
        kept = [r for r in m if r not in left]
        if len(kept) < len(m):
            gone.add(str(previous[i]["id"]))  # articles a retold claim now holds leave it
        if kept:
            items.append(kept)
            stored.append(str(previous[i]["id"]))
            changed.append(len(kept) < len(m))
    for r in sorted((old - owner.keys()) | set(p.new)):
        if r not in left:
            items.append([r])
            stored.append(None)
            changed.append(r in p.new)
    item_of = {r: i for i, m in enumerate(items) for r in m}
    p.read(item_of)
    sums = [p.summed(m) for m in items]
    edges = [(item_of[a], item_of[o]) for a, others in near.items() if a in item_of
             for o in others if o in item_of]
    out = []
    apart = [stored[i] is not None or items[i][0] not in p.new for i in range(len(items))]  # what was there
    row_of_stored = {str(previous[i]["id"]): previous[i] for i in hit}
    for group in graph_linkage(list(zip(items, sums, strict=True)), edges, BROAD_SIM, apart):
        if len(group) == 1 and not changed[group[0]]:
            continue
        gone |= {s for i in group if (s := stored[i]) is not None}
        members = sorted(r for i in group for r in items[i])
        if len(members) >= 2:
            whole = [i for i in group if stored[i] is not None and not changed[i]]  # a stored one, all kept
            total: dict[int, float] = defaultdict(float)  # (only a narrative that may grow needs its centre)
            for i in group if len(whole) == 1 else ():
                for t, x in sums[i].items():
                    total[t] += x
            out.append(_Group(members, row_of_stored[str(stored[whole[0]])] if len(whole) == 1 else None, total))
    return out, gone


def _neighbours(p: _Profiles) -> dict[int, set[int]]:
    """Each new article's neighbours: the rows (old or new, of its language) within BROAD_SIM of it.

    In one pass for all of them (the index changes nothing between two new articles): every query's
    postings read at once, every candidate's counts and their words' document frequencies read once
    and held as arrays over one vocabulary (``_Profiles``), each new article's weights spread over that
    vocabulary and its cosine to a candidate a gather and a dot. Weighing and comparing a candidate at a time over
    word dicts (key strings rebuilt for each word) was 28 of 74 profiled seconds of +1,000 into 10,000."""
    weighed = p.weighed
    queries = {row: heapq.nlargest(QUERY_WORDS, ((x, t) for t, x in w.items() if p.dfs[t] <= POSTING_CAP))
               for row, w in weighed.items()}
    keys = {t: _key(p.lang, t) for query in queries.values() for _, t in query}
    posted = p.index.postings(WORDS, set(keys.values()), POSTING_CAP)
    tops: dict[int, list[int]] = {}
    for row, query in queries.items():
        acc: dict[int, float] = defaultdict(float)
        for x, t in query:
            for other in posted.get(keys[t], ()):
                if other != row:
                    acc[other] += x
        tops[row] = heapq.nlargest(CANDIDATES, acc, key=acc.__getitem__)
    p.read({r for top in tops.values() for r in top})
    near: dict[int, set[int]] = {row: set() for row in p.new}
    q = np.zeros(len(p.vocab))  # one new article's weights over the words numbered (its own are)
    for row, w in weighed.items():
        if not w:
            continue
        at = [p.vocab[t] for t in w]
        q[at] = list(w.values())
        for other in tops[row]:
            if other in p.rows:
                cols, vals = p.weights(other)
                if float(q[cols] @ vals) >= BROAD_SIM:
                    near[row].add(other)
        q[at] = 0.0
    return near


def _idf(dfs: dict[str, int], n: int) -> dict[str, float]:
    """The idf of each word a profile may weigh (at least MIN_DF and at most MAX_DF of the articles use it)."""
    return {t: math.log(n / d) for t, d in dfs.items() if MIN_DF <= d <= MAX_DF * n}


def _weigh(raw: dict[str, int], idf: dict[str, float]) -> dict[str, float]:
    """A profile's weights (sublinear tf times idf, L2-normalised) given its language's idf."""
    w = {t: (1 + math.log(k)) * idf[t] for t, k in raw.items() if t in idf}
    norm = math.sqrt(sum(x * x for x in w.values()))
    return {t: x / norm for t, x in w.items()} if norm else {}
