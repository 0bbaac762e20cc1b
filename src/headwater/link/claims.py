"""Narratives from claims: claims that recur across articles, clustered claim by claim.

Two levels. *Broad* narratives are themes that span incidents: spherical k-means over the claim
vectors (centred per language, so a Russian and a Portuguese retelling meet on meaning rather than
on language), an article joining a theme when enough of its claims fall in it. *Fine* narratives
are one claim retold: claims of different articles closer than FINE, found inside each theme (the
themes are the blocking that keeps this from comparing all pairs of 100k claims).

A narrative needs two articles; an article can be in several. Themes are kept apart from the
narratives (``CorpusLinks.themes``): a theme groups articles on one topic, and many articles on a
topic retell no common claim (the seed articles and the Syrian-war news around them share themes). Ids are stable across runs: a
narrative is keyed by its most central claim (``key``), mapped to an id by the store.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from headwater.embed import Vectors, normalise, unpack
from headwater.lang import ensure_languages, pack_for
from headwater.link.unionfind import DisjointSets
from headwater.model import Article, key

# Claims per theme (k = claims / CLAIMS_PER_THEME): with 6 claims an article, a theme of ~30
# articles. On the narratives peer set (visible part) 100-600 all scored within noise (11-14);
# the smaller themes are easier to read and to check.
CLAIMS_PER_THEME = 200
# An article joins the theme most of its claims fall in, when one of those claims has a claim of
# another article in the theme at least this close (cosine after centring; ~ the top 1% of
# cross-article claim pairs): a theme is claims that recur, not a bin of leftovers.
BROAD_LINK = 0.3
# Cosine (after centring) at or above which two claims of different articles are one claim
# retold; at 0.7 about half of such article pairs share a gold sub-narrative on the peer set
# (0.6: 0.36, 0.8: 0.62), against 0.07 for random pairs.
FINE = 0.7
# k-means is fitted on at most this many claims and the rest assigned (cost O(n k) beyond it).
FIT_SAMPLE = 20000
# Languages with fewer claims than this are not centred (their mean is noise).
MIN_CENTRE = 30


@dataclass
class ClaimRow:
    article: int
    claim: dict[str, Any]


def gather(claims: dict[int, list[dict[str, Any]]]) -> tuple[list[ClaimRow], Vectors]:
    """The embedded claims (of the commonest embedder) as rows and a matrix."""
    names = Counter(c.get("_embedder") for cl in claims.values() for c in cl if c.get("_vector"))
    if not names:
        return [], np.zeros((0, 0), dtype=np.float32)
    name = names.most_common(1)[0][0]
    rows = [ClaimRow(aid, c) for aid, cl in sorted(claims.items()) for c in cl
            if c.get("_vector") and c.get("_embedder") == name]
    return rows, normalise(np.stack([unpack(r.claim["_vector"]) for r in rows]))


def centre(rows: list[ClaimRow], x: Vectors) -> Vectors:
    """Subtract each language's mean vector: what every claim of a language shares is its language."""
    return centre_languages(x, [str(r.claim.get("lang") or "") for r in rows], MIN_CENTRE)


def language_means(x: Vectors, langs: list[str], minimum: int) -> dict[str, Vectors]:
    """Each language's mean row, for languages with at least ``minimum`` rows."""
    lang = np.array(langs)
    return {lg: x[lang == lg].mean(axis=0) for lg in set(langs) if (lang == lg).sum() >= minimum}


def centre_with(x: Vectors, langs: list[str], means: dict[str, Vectors]) -> Vectors:
    """The rows less their language's mean (where ``means`` has one), normalised."""
    out = x.copy()
    lang = np.array(langs)
    for lg, m in means.items():
        out[lang == lg] -= m
    return normalise(out)


def centre_languages(x: Vectors, langs: list[str], minimum: int) -> Vectors:
    """The rows less their language's mean (languages with at least ``minimum`` rows), normalised."""
    return centre_with(x, langs, language_means(x, langs, minimum))


def kmeans(x: Vectors, k: int, iters: int = 20, seed: int = 0) -> tuple[npt.NDArray[np.int64], Vectors]:
    """Spherical k-means, k-means++ seeded with a fixed seed, over the rows in an order of their own
    content: the same claims give the same themes whatever order the articles came in."""
    order = content_order(x)
    labels, c = _kmeans(x[order], k, iters, seed)
    out = np.empty_like(labels)
    out[order] = labels
    return out, c


def content_order(x: Vectors) -> npt.NDArray[np.int64]:
    """The rows sorted by a digest of their values: an order the input's order does not change."""
    keys = [hashlib.blake2b(row.tobytes(), digest_size=8).digest() for row in np.ascontiguousarray(x)]
    return np.array(sorted(range(len(keys)), key=lambda i: (keys[i], i)), dtype=np.int64)


def _kmeans(x: Vectors, k: int, iters: int, seed: int) -> tuple[npt.NDArray[np.int64], Vectors]:
    rng = np.random.default_rng(seed)
    fit = x if len(x) <= FIT_SAMPLE else x[np.sort(rng.choice(len(x), FIT_SAMPLE, replace=False))]
    centres = [fit[int(rng.integers(len(fit)))]]
    dist = 1 - fit @ centres[0]
    for _ in range(k - 1):
        p = np.maximum(dist, 0)
        if p.sum() <= 0:
            break
        centres.append(fit[int(rng.choice(len(fit), p=p / p.sum()))])
        dist = np.minimum(dist, 1 - fit @ centres[-1])
    c = lloyd(fit, np.stack(centres), iters)
    labels = np.concatenate([(x[i:i + 4096] @ c.T).argmax(axis=1) for i in range(0, len(x), 4096)])
    return labels.astype(np.int64), c


def lloyd(x: Vectors, c: Vectors, iters: int) -> Vectors:
    """``iters`` rounds of spherical k-means from the centres ``c``: each row to its nearest centre, each
    centre the normalised sum of its rows (a centre no row is nearest to stays). The sums are taken over
    slices of the rows sorted by centre: ``np.add.at`` (unbuffered) made fitting blocks ~25x slower, and
    ``np.add.reduceat`` along the rows was 25x slower than summing slices (1,653 claims x 1,024 dims,
    8 centres: 12 ms a round against 0.5 ms)."""
    c = c.copy()
    for _ in range(iters):
        lab = (x @ c.T).argmax(axis=1)
        order = np.argsort(lab, kind="stable")
        held, starts = np.unique(lab[order], return_index=True)
        bounds = [*starts.tolist(), len(order)]
        xs = x[order]
        c[held] = normalise(np.stack([xs[bounds[j]:bounds[j + 1]].sum(axis=0) for j in range(len(held))]))
    return c


def _key(level: str, text: str) -> str:
    return f"{level}:" + hashlib.sha1(" ".join(text.lower().split()).encode("utf-8")).hexdigest()[:16]


def describe(members: list[int], rows: list[ClaimRow], x: Vectors, arts: dict[int, Article],
             level: str) -> dict[str, Any]:
    """A narrative from its member claims (row indices): label, key, claims with spans, articles and their metadata."""
    centroid = normalise(x[members].sum(axis=0))
    central = members[int(np.argmax(x[members] @ centroid))]
    said = str(rows[central].claim["text"])
    label = _label(said, rows[central].claim.get("lang"))
    aids = sorted({rows[i].article for i in members})
    sel = [arts[a] for a in aids]
    dates = sorted(a.published for a in sel if a.published)
    by_lang = earliest_by_language({str(rows[i].claim.get("lang")): arts[rows[i].article].published}
                                   for i in members if rows[i].claim.get("lang"))
    return {"key": _key(level, said), "level": level, "label": label if len(label) <= 200 else label[:199] + "…",
            "claims": [{"article_id": key(rows[i].article), "claim_id": rows[i].claim.get("n"),
                        "field": rows[i].claim.get("field"),
                        "start": rows[i].claim.get("start"), "end": rows[i].claim.get("end"),
                        "text": rows[i].claim.get("text"), "negated": rows[i].claim.get("negated"),
                        "similarity": round(float(x[i] @ centroid), 3)} for i in members],
            "article_ids": [key(a) for a in aids],
            "outlets": sorted({a.outlet.name for a in sel if a.outlet}),
            "countries": sorted({a.outlet.country for a in sel if a.outlet and a.outlet.country}),
            "languages": sorted({str(rows[i].claim.get("lang")) for i in members if rows[i].claim.get("lang")}),
            "first_seen": dates[0] if dates else None, "last_seen": dates[-1] if dates else None,
            "first_seen_by_language": by_lang, "known_narrative": None}


def _label(text: str, lang: object) -> str:
    """A claim as a narrative's label: a reported clause without the word that opened it ("that the West
    refused …" -> "The West refused …"; each pack's ``complementizers``), with a capital to open it."""
    ensure_languages()
    pack = pack_for(str(lang or "en"))
    words = (pack.data("cues") or {}).get("complementizers") if pack else None
    head, _, rest = text.strip().partition(" ")
    # lower case: the clause was cut after its cue; "That is a lie" opens a sentence with a pronoun
    if rest and isinstance(words, list) and not head[:1].isupper() and head.lower() in {str(w).lower() for w in words}:
        return rest[:1].upper() + rest[1:]
    # a clause cut after its cue starts in lower case ("the UK can switch …"): a label starts a sentence
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def earliest_by_language(seen: Iterable[dict[str, str | None]]) -> dict[str, str]:
    """Each language's earliest date among these (language -> date) maps: which language a narrative
    was told in first. Languages with no dated article are left out (unknown, not last)."""
    out: dict[str, str] = {}
    for m in seen:
        for lang, d in m.items():
            if d and (lang not in out or d < out[lang]):
                out[lang] = d
    return dict(sorted(out.items(), key=lambda kv: (kv[1], kv[0])))


def broad(rows: list[ClaimRow], x: Vectors) -> tuple[list[list[int]], npt.NDArray[np.int64], Vectors]:
    """Themes: k-means clusters of claims; each article in the one holding most of its claims, if
    a claim of it there recurs in another article (BROAD_LINK). Returns the themes' member claims,
    each claim's cluster and the clusters' centres."""
    k = max(1, round(len(rows) / CLAIMS_PER_THEME))
    labels, centres = kmeans(x, k)
    art = np.array([r.article for r in rows])
    recurs = np.zeros(len(rows), dtype=bool)
    for j in range(k):  # the themes are also the blocks: no comparison across them
        idx = np.flatnonzero(labels == j)
        sims = x[idx] @ x[idx].T
        sims[art[idx][:, None] == art[idx][None, :]] = -1
        recurs[idx] = (sims >= BROAD_LINK).any(axis=1)
    per: dict[int, Counter[int]] = defaultdict(Counter)
    for i, lab in enumerate(labels):
        per[rows[i].article][int(lab)] += 1
    members: dict[int, list[int]] = defaultdict(list)
    for a, counts in per.items():
        top = top_theme(counts)
        mine = [i for i in np.flatnonzero((art == a) & (labels == top))]
        if recurs[mine].any():
            members[top].extend(int(i) for i in mine)
    groups = [m for _, m in sorted(members.items()) if len({rows[i].article for i in m}) >= 2]
    return groups, labels, centres


def top_theme(counts: Counter[int]) -> int:
    """The theme holding most of an article's claims (the lowest-numbered of a tie)."""
    return max(counts, key=lambda j: (counts[j], -j))


def fine(rows: list[ClaimRow], x: Vectors, labels: npt.NDArray[np.int64]) -> list[list[int]]:
    """One claim retold: claims of different articles at cosine >= FINE, joined transitively, within each theme."""
    sets = DisjointSets(len(rows))
    for j in np.unique(labels):
        idx = np.flatnonzero(labels == j)
        if len(idx) < 2:
            continue
        sims = x[idx] @ x[idx].T
        for a, b in zip(*np.nonzero(np.triu(sims >= FINE, 1)), strict=True):
            i, k = int(idx[a]), int(idx[b])
            if rows[i].article != rows[k].article:
                sets.union(i, k)
    # Two articles that share several sentences (a rewrite) share one narrative, not one per sentence.
    by_articles: dict[frozenset[int], list[int]] = defaultdict(list)
    for m in sets.groups():
        arts = frozenset(rows[i].article for i in m)
        if len(arts) >= 2:
            by_articles[arts].extend(m)
    return [sorted(m) for m in by_articles.values()]


@dataclass
class Clustered:
    """A corpus's claims clustered: the rows and their centred vectors, each claim's theme, the themes'
    centres and the language means the vectors were centred with (what an update places new claims by),
    the themes' member claims and the fine narratives' (row indices)."""

    rows: list[ClaimRow]
    x: Vectors
    labels: npt.NDArray[np.int64]
    centres: Vectors
    means: dict[str, Vectors]
    themes: list[list[int]]
    fine: list[list[int]]


def cluster_claims(claims: dict[int, list[dict[str, Any]]]) -> Clustered | None:
    """The corpus's embedded claims clustered into themes and fine narratives; None under two claims."""
    rows, x = gather(claims)
    if len(rows) < 2:
        return None
    langs = [str(r.claim.get("lang") or "") for r in rows]
    means = language_means(x, langs, MIN_CENTRE)
    x = centre_with(x, langs, means)
    groups, labels, centres = broad(rows, x)
    return Clustered(rows, x, labels, centres, means, groups, fine(rows, x, labels))


def claim_narratives(claims: dict[int, list[dict[str, Any]]],
                     arts: dict[int, Article]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(themes, narratives) of the corpus's claims, without ids (``link_corpus`` gives them):
    broad themes across incidents, and fine narratives, one claim retold."""
    c = cluster_claims(claims)
    if c is None:
        return [], []
    return described(c, arts)


def described(c: Clustered, arts: dict[int, Article]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return ([describe(m, c.rows, c.x, arts, "broad") for m in c.themes],
            [describe(m, c.rows, c.x, arts, "fine") for m in c.fine])
