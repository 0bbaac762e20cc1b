"""Broad narratives without a codebook: articles whose claims tell one story in the same distinctive
words, across incidents.

A fine narrative is one claim retold; most narratives an analyst tracks ("Ukraine is a puppet of the
West", "climate policies are a scam") are retold in ever new sentences about ever new incidents, and
what their retellings share is their cast and their vocabulary: the same actors, places and loaded
words, in claim after claim. So each article is the TF-IDF of its claims' words (idf within its
block, so a word every article of the block uses weighs nothing), and articles are grouped by average
linkage: two groups join while the mean similarity of their articles is at least ``BROAD_SIM``.
Average linkage (not single) keeps one shared name from chaining unrelated stories together.

Words do not cross languages: articles are grouped within their language. A language with more than
``BLOCK`` articles is split into blocks by k-means over its articles' mean claim vectors, so the cost
is bounded by the block, not the corpus. An update (``broad_update.add_broad``) groups again only
the new articles, the old ones near them and the narratives those are in.

An article a narrative of retold claims already holds (a frame, or one claim retold) is left out:
the broad level gathers the stories the claim level leaves apart. (Put back, a retold narrative's
articles draw their topical neighbours in: the five example articles of one retold claim, among
Syrian-war news, drew in a report of Russian strikes on the same group.)

The idf is the block's own (in an update, the language's so far): in a corpus of a handful of articles
it cannot tell a function word from a rare one, and one shared "after" can join an article to a group.

With multilingual claim vectors (e5), the narratives of different languages are then merged where
their articles' claims mean the same (``across_languages``): words cannot cross a language, meanings
can. A narrative holds at most one group of each language unless the groups are as close as that.

Each group is described like a narrative of claims: its label is its most central claim, its claims the
``EVIDENCE`` claims of each member article closest to the group's centre, with their spans.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from headwater.embed import Vectors, normalise, unpack
from headwater.link.claims import ClaimRow, describe, earliest_by_language, kmeans
from headwater.model import Article, row_of

# Mean cosine (TF-IDF of claim words) at which two groups of articles join. On the narratives peer set
# (visible part; lexical TF-IDF, grouping within each language) the best cut per language was 0.05-0.07
# (Bulgarian 0.05, English 0.06, Portuguese 0.06, Russian 0.05, Hindi 0.07); at 0.1 groups are pairs
# of near-copies, at 0.03 one group swallows a language.
BROAD_SIM = 0.06
# Articles of one language grouped in one pass at most (the pass holds a BLOCK x BLOCK matrix).
BLOCK = 1500
# A word counts when at least this many articles of the block use it, and at most this share of them.
MIN_DF, MAX_DF = 2, 0.5
# Two broad narratives of different languages are one when the mean cosine between them (their
# articles' multilingual claim vectors, centred per language, averaged; average linkage over the
# narratives) is at least this. Narratives peer set (visible part, e5): 8.5 unmerged; merged at
# 0.5 11.8, 0.4 12.1, 0.3 13.0, 0.25 13.4, 0.2 13.4, cross-language precision 0.22 -> 0.18 from
# 0.5 to 0.2: 0.3 keeps the precision the lower cuts spend for little.
ACROSS = 0.3
# A narrative holding more than this share of its language's articles is not merged across languages
# when that language is centred: centred on its language's mean (mostly its own), its vector is too
# short to have a direction (a Hindi group of 46 of 68 articles had a centred norm of 0.034 against
# 0.07-0.25 for the others and joined whatever was nearest: a climate group of three languages, 5,050
# pairs at 0.14 precision).
# Narratives peer set (all 714), the same stored claims relinked, e5: with a codebook 15.8 -> 17.3,
# without 11.0 -> 11.9; on the claims stored before the page prompts were cut (d76ad69) 17.7 and
# 13.9 both ways (no group there held most of a language).
MAX_LANGUAGE_SHARE = 0.5
# Member claims cited per article as the narrative's evidence: the closest to the group's centre.
EVIDENCE = 2
# Words: letters with their combining marks (Devanagari's vowel signs, Arabic's harakat, Cyrillic's
# stress marks are marks, not letters, and would otherwise cut words apart).
WORD = re.compile(r"[\w\u0300-\u036f\u0483-\u0489\u064b-\u065f\u0670\u0900-\u0dff]+")


@lru_cache(maxsize=1 << 16)  # a full link reads every claim twice: to group it and to keep it for updates
def words(text: str) -> tuple[str, ...]:
    """The words of a text, lower-cased, of two characters or more."""
    return tuple(w for w in WORD.findall(text.lower()) if len(w) > 1 and not w.isdigit())


def said(a: Article) -> list[tuple[str, ...]]:
    """The words of each of an article's claims."""
    return [words(str(c.get("text") or "")) for c in a.findings.get("claims", [])]


Triples = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], Vectors]  # sparse rows: (row, column, value)


class Weighed:
    """The TF-IDF (sublinear tf, L2-normalised rows) of a block's claims and of its articles (each the
    sum of its claims' word counts), over the words at least MIN_DF and at most MAX_DF of the articles
    use. ``df`` and ``n`` (document frequencies and size of a larger corpus the articles belong to)
    weigh them as that corpus would; by default the articles' own. One pass over the words."""

    def __init__(self, claim_words: Sequence[Sequence[str]], article_of: list[int], articles: int,
                 df: Mapping[str, int] | None = None, n: int | None = None) -> None:
        ids: dict[str, int] = {}
        crow: list[int] = []
        ccol: list[int] = []
        ccnt: list[int] = []
        for i, ws in enumerate(claim_words):
            for w, k in Counter(ws).items():
                crow.append(i)
                ccol.append(ids.setdefault(w, len(ids)))
                ccnt.append(k)
        width = max(1, len(ids))
        cr, cc, ck = (np.array(v, dtype=np.int64) for v in (crow, ccol, ccnt))
        keys, inverse = np.unique(np.array(article_of, dtype=np.int64)[cr] * width + cc, return_inverse=True)
        ar, ac, ak = keys // width, keys % width, np.bincount(inverse, weights=ck, minlength=len(keys))
        if df is None:
            dfv, n = np.bincount(ac, minlength=width), articles
        else:
            dfv, n = np.array([df.get(w, 0) for w in ids] or [0], dtype=np.int64), int(n or articles)
        kept = (dfv >= MIN_DF) & (dfv <= MAX_DF * n)
        self.words = int(kept.sum())
        column = np.full(width, -1, dtype=np.int64)
        column[kept] = np.arange(self.words)
        idf = np.log(n / np.maximum(dfv, 1)).astype(np.float32)
        self.claims = self._weigh(cr, cc, ck, len(claim_words), column, idf)
        self.articles = self._weigh(ar, ac, ak, articles, column, idf)

    @staticmethod
    def _weigh(rows: npt.NDArray[np.int64], cols: npt.NDArray[np.int64], counts: npt.NDArray[Any],
               nrows: int, column: npt.NDArray[np.int64], idf: Vectors) -> Triples:
        keep = column[cols] >= 0 if len(cols) else np.zeros(0, dtype=bool)
        rows, cols, counts = rows[keep], cols[keep], counts[keep]
        vals = ((1 + np.log(counts)) * idf[cols]).astype(np.float32)
        norms = np.sqrt(np.bincount(rows, weights=vals * vals, minlength=nrows))
        return rows, column[cols], (vals / np.maximum(norms[rows], 1e-12)).astype(np.float32)

    def dense(self, triples: Triples, nrows: int) -> Vectors:
        rows, cols, vals = triples
        m = np.zeros((nrows, self.words), dtype=np.float32)
        m[rows, cols] = vals
        return m


def average_linkage(sim: npt.NDArray[np.floating], cut: float) -> list[list[int]]:
    """Groups of rows joined while the mean similarity between two groups is at least ``cut``
    (agglomerative, average linkage, the closest pair of groups first). O(n^2) memory, each join O(n)."""
    n = len(sim)
    s = np.array(sim, dtype=np.float64)
    np.fill_diagonal(s, -np.inf)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members = [[i] for i in range(n)]
    if n < 2:
        return members
    best = s.argmax(axis=1)
    value = s[np.arange(n), best]
    while True:
        i = int(np.argmax(np.where(alive, value, -np.inf)))
        if not alive[i] or value[i] < cut:
            break
        j = int(best[i])
        row = (s[i] * size[i] + s[j] * size[j]) / (size[i] + size[j])
        row[i] = row[j] = -np.inf
        s[i], s[:, i] = row, row
        s[j], s[:, j] = -np.inf, -np.inf
        size[i] += size[j]
        alive[j] = False
        members[i] += members[j]
        members[j] = []
        value[j] = -np.inf
        stale = alive & ((best == i) | (best == j))
        stale[i] = True
        best[stale] = s[stale].argmax(axis=1)
        value[stale] = s[stale, best[stale]]
        up = alive & (row > value)
        best[up], value[up] = i, row[up]
    return [sorted(m) for m in members if m]


def language_of(a: Article) -> str:
    return str(a.language or "")


def blocks(arts: dict[int, Article]) -> list[list[int]]:
    """The articles with claims by block: a block is a language's articles, a language of more than
    BLOCK articles split by k-means over the articles' mean claim vectors."""
    by_lang: dict[str, list[int]] = defaultdict(list)
    for row, a in sorted(arts.items()):
        if a.findings.get("claims"):
            by_lang[language_of(a)].append(row)
    out: list[list[int]] = []
    for _, rows in sorted(by_lang.items()):
        if len(rows) <= BLOCK:
            out.append(rows)
            continue
        labels, _ = kmeans(_mean_vectors(rows, arts), math.ceil(len(rows) / BLOCK))
        out += [[r for r, lab in zip(rows, labels, strict=True) if lab == k] for k in sorted(set(labels.tolist()))]
    return out


def _mean_vectors(rows: list[int], arts: dict[int, Article]) -> Vectors:
    """Each article's claim vectors averaged (zero where it has none), normalised."""
    dims = {len(unpack(c["_vector"])) for r in rows for c in arts[r].findings.get("claims", []) if c.get("_vector")}
    dim = max(dims) if dims else 1
    m = np.zeros((len(rows), dim), dtype=np.float32)
    for p, r in enumerate(rows):
        vs = [unpack(c["_vector"]) for c in arts[r].findings.get("claims", []) if c.get("_vector")]
        vs = [v for v in vs if len(v) == dim]
        if vs:
            m[p] = np.mean(vs, axis=0)
    return normalise(m)


def broad_narratives(arts: dict[int, Article], leave: set[int] | frozenset[int] = frozenset()) -> list[dict[str, Any]]:
    """The broad narratives of the articles (without ids): the articles of each block grouped by average
    linkage over the TF-IDF of their claims; groups of two articles or more. Articles in ``leave`` (those
    a narrative of retold claims already holds) are left out."""
    return [n for rows in blocks(arts) for n in block_narratives([r for r in rows if r not in leave], arts)]


def block_narratives(rows: list[int], arts: dict[int, Article], df: dict[str, int] | None = None,
                     n: int | None = None, whole: bool = False) -> list[dict[str, Any]]:
    """The broad narratives of these articles (of one language), weighed with ``df`` and ``n`` (the
    document frequencies and size of the corpus they belong to; by default their own). ``whole``: the
    articles are one narrative (grouped already), only described."""
    if len(rows) < 2:
        return []
    claims = [ClaimRow(p, c) for p, r in enumerate(rows) for c in arts[r].findings.get("claims", [])]
    tf = Weighed([words(str(c.claim.get("text") or "")) for c in claims], [c.article for c in claims], len(rows), df, n)
    if not tf.words:
        return []
    a = tf.dense(tf.articles, len(rows))
    _, cols, vals = tf.claims
    first = np.searchsorted(tf.claims[0], np.arange(len(claims) + 1))  # claim i's triples: first[i]:first[i + 1]
    of_article: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        of_article[c.article].append(i)
    out = []
    for group in [list(range(len(rows)))] if whole else average_linkage(a @ a.T, BROAD_SIM):
        if len(group) < 2:
            continue
        centre = normalise(a[group].mean(axis=0)[None])[0]
        near = {i: float(vals[first[i]:first[i + 1]] @ centre[cols[first[i]:first[i + 1]]])
                for p in group for i in of_article[p]}
        evidence = sorted(i for p in group for i in sorted(of_article[p], key=lambda i: -near[i])[:EVIDENCE])
        picked = [ClaimRow(rows[claims[i].article], claims[i].claim) for i in evidence]
        out.append(describe(list(range(len(evidence))), picked, _dense(evidence, cols, vals, first), arts, "broad"))
    return out


def _dense(picked: list[int], cols: npt.NDArray[np.int64], vals: Vectors, first: npt.NDArray[np.int64]) -> Vectors:
    """The picked rows of sparse triples as a dense matrix over the columns they use (their cosines are
    those of the full rows)."""
    spans = [np.arange(first[i], first[i + 1]) for i in picked]
    used = np.unique(np.concatenate([cols[s] for s in spans])) if spans else np.zeros(0, dtype=np.int64)
    m = np.zeros((len(picked), len(used)), dtype=np.float32)
    for r, s in enumerate(spans):
        m[r, np.searchsorted(used, cols[s])] = vals[s]
    return m


def across_languages(found: list[dict[str, Any]], arts: dict[int, Article],
                     means: dict[str, Vectors]) -> list[dict[str, Any]]:
    """The broad narratives (each of one language) merged across languages by average linkage over
    their multilingual vectors (``ACROSS``; ``means``: each language's mean claim vector, for centring).
    Narratives of one language are never merged directly (their words already kept them apart)."""
    per_language = Counter(language_of(a) for a in arts.values())
    whole = [_whole(n, arts, per_language, means) for n in found]
    kept = [n for n, w in zip(found, whole, strict=True) if w]
    found = [n for n, w in zip(found, whole, strict=True) if not w]
    if len(found) < 2:
        return found + kept
    vecs = normalise(np.stack([_narrative_vector(n, arts, means) for n in found]))
    langs = [tuple(n["languages"]) for n in found]
    sim = vecs @ vecs.T
    sim[np.array([[a == b for b in langs] for a in langs])] = -1.0
    out = []
    for group in average_linkage(sim, ACROSS):
        if len(group) == 1:
            out.append(found[group[0]])
            continue
        out.append(_merged([found[i] for i in group]))
    return out + kept


def _whole(n: dict[str, Any], arts: dict[int, Article], per_language: Counter[str], means: dict[str, Vectors]) -> bool:
    """Whether a narrative of one language holds more than MAX_LANGUAGE_SHARE of the articles of a
    language its vectors are centred on (a language with too few claims is not centred)."""
    ids = n["article_ids"]
    lang = language_of(arts[row_of(str(ids[0]))]) if ids else ""
    return lang in means and len(ids) > MAX_LANGUAGE_SHARE * per_language[lang]


def _claim_vector(c: dict[str, Any], means: dict[str, Vectors]) -> Vectors | None:
    if not c.get("_vector"):
        return None
    v = unpack(c["_vector"])
    m = means.get(str(c.get("lang") or ""))
    return v - m if m is not None and len(m) == len(v) else v


def _narrative_vector(n: dict[str, Any], arts: dict[int, Article], means: dict[str, Vectors]) -> Vectors:
    vs = [v for k in n["article_ids"] for c in arts[row_of(str(k))].findings.get("claims", [])
          if (v := _claim_vector(c, means)) is not None]
    dim = max((len(v) for v in vs), default=1)
    vs = [v for v in vs if len(v) == dim]
    return np.mean(vs, axis=0) if vs else np.zeros(dim, dtype=np.float32)


def _merged(found: list[dict[str, Any]]) -> dict[str, Any]:
    """One narrative of several languages' narratives: their claims, articles, outlets, countries and
    languages together, under the label (and key) of the largest."""
    first = max(found, key=lambda n: (len(n["article_ids"]), n["key"]))
    seen = [d for n in found for d in (n["first_seen"], n["last_seen"]) if d]
    out = dict(first)
    out.update({
        "claims": [c for n in found for c in n["claims"]],
        "article_ids": sorted({k for n in found for k in n["article_ids"]}, key=row_of),
        "outlets": sorted({o for n in found for o in n["outlets"]}),
        "countries": sorted({c for n in found for c in n["countries"]}),
        "languages": sorted({lg for n in found for lg in n["languages"]}),
        "first_seen": min(seen) if seen else None, "last_seen": max(seen) if seen else None,
        "first_seen_by_language": earliest_by_language(n.get("first_seen_by_language") or {} for n in found)})
    return out
