"""Stories: the articles that report one real-world incident (one event, at one place and time).

Four steps, none of which compares every article with every other:

1. **Profile.** Each article becomes a weighted bag of evidence: its content words, the words of the
   names it uses (capitalized mid-sentence: who), the places headwater resolved (``p:`` place ids:
   where), the years and numbers it states and the week it was published (when, how many), and its
   events' type, place and actor. Weights are sublinear term frequency times inverse document
   frequency, so evidence that many articles share counts for little; the vector is L2-normalized
   and cut to its ``MAX_TERMS`` heaviest entries.
2. **Neighbours.** An inverted index over the profiles, in which evidence found in more than
   ``POSTING_CAP`` articles is not followed (too common to tell incidents apart), gives each article
   its ``NEIGHBOURS`` most similar others (cosine of the profiles, at least ``FLOOR`` and at least
   ``RELATIVE_FLOOR`` of the nearest one's).
3. **Shared neighbours, then average linkage.** Two articles are as close as the share of their
   neighbour lists they have in common (Jarvis-Patrick's shared-nearest-neighbour similarity, over
   the shorter list). Two reports of one earthquake have the same neighbours: the other reports of
   it. A report of the other earthquake in the same region shares the words (quake, magnitude,
   rescuers) but not the neighbours, whose names, places and dates pull them to their own incident.
   Clusters are merged by average linkage over that similarity while it stays at or above ``LINK``;
   near-copies (``find_copies``) start in one cluster.
4. **Cohesion.** A story told by many more articles than ``NEIGHBOURS`` leaves step 3 in fragments;
   two clusters whose articles are about as similar across as within them (``COHESION``) are joined.

Tuned on the visible part of ECB+ (topics 1-35: 772 news articles, 66 incidents, two look-alike
incidents a topic: two earthquakes, two rehab check-ins); the held-out topics were not looked at.
Numbers below are ECB+ B-cubed F1 x 100 with everything else at its default (94.2). The shared-
neighbour step is what separates look-alike incidents: average linkage over the cosine of the same
profiles peaks at 88.7 (at one threshold, 86-87 either side). The evidence beyond words adds a
point (words alone 93.1): places 1.0, names 0.4, numbers and dates 0.1, events nothing measurable.
Tuned on half the topics, k and LINK hold up on the other half: chosen on the even topics they score
93.4 on the odd ones, chosen on the odd 94.9 on the even (a TF-IDF threshold tuned on ECB+ loses
3 points on unseen topics).
"""
from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from headwater.link.graph_linkage import dot
from headwater.model import Article, key

# --- profile ------------------------------------------------------------------------------------
# Extra weight, in counts, of each kind of evidence on top of the words it is written in: a name, a
# resolved place, a number counts once more than a plain word. Not fitted: ECB+ 0 / 1 / 2 for names
# 93.8 / 94.2 / 93.6, places 93.2 / 94.2 / 93.8, numbers 94.1 / 94.2 / 93.1, events 94.2 at all three,
# title 94.3 / 94.2 / 94.5.
NAME_WEIGHT = 1.0
PLACE_WEIGHT = 1.0
NUMBER_WEIGHT = 1.0
EVENT_WEIGHT = 1.0
TITLE_WEIGHT = 1.0   # the title's words count once more: it states the incident
# The heaviest entries kept per article: a long article's names, places and rare words fit; the tail
# adds little to a cosine and costs time in every comparison. ECB+: 100 92.2, 150 93.7, 300 94.2, all
# 94.3 (its articles have 50-400 distinct terms).
MAX_TERMS = 300

# --- neighbours ---------------------------------------------------------------------------------
# A term in more articles than this is not followed in the index (it still counts in the cosine of
# pairs found through rarer terms). Constant, so the postings an article walks are bounded whatever
# the corpus size. ECB+: 25 94.1, 50-1000 94.2; 200 is far above the size of one incident's coverage.
POSTING_CAP = 200
# An article looks up its heaviest terms only: its names, places and rare words, where another
# report of the same incident meets it. ECB+: 10 93.9, 20 94.1, 30 and 60 94.2.
QUERY_TERMS = 30
# Candidates taken from the index per article before exact cosines pick the neighbours (ECB+: 10
# 93.7, 20 and 40 94.2).
CANDIDATES = 20
# Neighbours per article (k). Too few and one incident's reports fall apart; too many and the lists
# of two look-alike incidents overlap. ECB+, k against LINK 0.2 / 0.25 / 0.3 / 0.35 / 0.4 / 0.45:
#   k=5  94.1 93.7 93.7 91.7 90.8 88.5      k=7  93.2 94.3 94.3 94.2 93.8 92.6
#   k=6  94.0 94.7 94.6 94.3 91.5 90.3      k=8  92.1 91.5 92.9 93.4 93.4 93.5
# k=7 with LINK 0.35 sits inside the plateau (LINK 0.25-0.40 all 93.8-94.3).
NEIGHBOURS = 7
# A neighbour must be at least this similar (cosine). In a large corpus the shared-neighbour step
# decides and this hardly matters (ECB+: 0.05 and 0.1 94.6, 0.15 94.2, 0.18 93.4, 0.2 92.5); in a
# small one, where every look-alike is everyone's neighbour, it is what keeps two lone reports of two
# earthquakes apart (their cosine is 0.13-0.16 in tests/test_stories.py, two reports of one 0.4-0.5).
FLOOR = 0.15
# ... and at least this share of the article's nearest neighbour's cosine: a far weaker match than the
# best is no neighbour. ECB+: 0-0.3 94.2, 0.4 93.2, 0.5 92.6.
RELATIVE_FLOOR = 0.3

# --- clustering ---------------------------------------------------------------------------------
# Average shared-neighbour similarity two clusters need to merge (the similarity of two articles is
# the share of the shorter of their neighbour lists, each with the article itself, they have in
# common). See NEIGHBOURS for the sweep.
LINK = 0.35
# Second pass: two clusters join when the mean cosine across them is at least this share of the mean
# cosine within them. A story told by far more articles than NEIGHBOURS comes out of the first pass
# in fragments (each article's few neighbours are a random handful of the story), whose ratio is about
# 1; look-alike incidents' is 0.2-0.7. ECB+ (incidents of 3-22 articles): 0.6 92.2, 0.7 93.6, 0.8
# 94.2, 0.9 94.1, no second pass 94.1; on the synthetic corpora of benchmarks/link_bench.py, where 2%
# of the incidents are told by 20-200 articles, 0.8 lifts B-cubed recall from 0.84 to 0.96.
COHESION = 0.8
# Two clusters of at least SEPARATE_MIN articles each do not merge in the first pass when the mean
# cosine across them is below this share of the mean within: two incidents each reported more than
# once, that a small corpus's neighbour lists cannot tell apart. ECB+: 0-0.4 94.2 (no merge there
# falls below it), 0.45 93.6, 0.5 93.3; the tests' look-alike pairs are at 0.22-0.31.
SEPARATE = 0.4
SEPARATE_MIN = 2

STOPWORDS = frozenset("""
a about above after again against all almost also although always am among an and another any
anyone anything are around as at away back be became because become been before being below
between both but by can cannot could did do does doing done down during each either else enough
even ever every few first for from further get gets got had has have having he her here hers
herself him himself his how however i if in including into is it its itself just last least less
like made make many may me might mine more most much must my myself near neither never new next no
nobody none nor not nothing now of off often on once one only onto or other others otherwise our
ours ourselves out over own per perhaps put rather really said same say says see seem seemed she
should since so some something still such than that the their theirs them themselves then there
therefore these they thing things this those though through thus to together too toward towards
two under until up upon us very via was we well were what whatever when where whether which while
who whoever whole whom whose why will with within without would yet you your yours yourself
yourselves mr mrs ms told according week year years time times day days today yesterday
""".split())
WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+(?:[.,]\d+)*")
# A run of capitalized words, with the small words that glue names together ("Bank of England").
NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of|de|la|van|von|al|bin|the)?\s*[A-Z][\w'’.-]*)*")
SENTENCE = re.compile(r"(?<=[.!?:])\s+|\n+")
YEAR = re.compile(r"(?:19|20)\d\d")
CALENDAR = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
sunday""".split())


def _words(text: str) -> list[str]:
    out = []
    for w in WORD.findall(text):
        w = w.lower()
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        out.append(w)
    return out


def _names(text: str) -> Iterable[str]:
    """Words of capitalized runs: a sentence's first word only when the run goes on ("Tara Reid")."""
    for line in SENTENCE.split(text):
        for m in NAME.finditer(line):
            run = m.group()
            if m.start() == 0 and not re.search(r"\s", run.strip()):
                continue
            for w in _words(run):
                if w not in STOPWORDS and w not in CALENDAR and not w[0].isdigit():
                    yield w


def _week(published: str | None) -> str | None:
    if not published or len(published) < 10:
        return None
    try:
        y, w, _ = date.fromisoformat(published[:10]).isocalendar()
    except ValueError:
        return None
    return f"{y}-W{w:02d}"


def profile(a: Article) -> dict[str, float]:
    """Raw evidence counts of one article (see the module docstring for the kinds)."""
    f: dict[str, float] = defaultdict(float)
    title = a.title or ""
    for w in _words(f"{title}\n{a.text}") + _words(title) * int(TITLE_WEIGHT):
        if w[0].isdigit():
            if YEAR.fullmatch(w):
                f["y:" + w] += NUMBER_WEIGHT
            elif NUMBER_WEIGHT:
                f["#:" + w] += NUMBER_WEIGHT
        elif len(w) > 2 and w not in STOPWORDS:
            f[w] += 1
    for w in _names(f"{title}\n{a.text}"):
        f["n:" + w] += NAME_WEIGHT
    for p in a.places:
        if p.get("place_id") and not p.get("metonymy"):
            f["p:" + str(p["place_id"])] += PLACE_WEIGHT
    for e in a.events:
        kind = str(e.get("type") or "")
        if not kind:
            continue
        for role in ("location", "origin", "destination"):
            where = e.get(role) or {}
            if where.get("place_id"):
                f[f"e:{kind}@{where['place_id']}"] += EVENT_WEIGHT
        actor = str(e.get("actor") or "").lower().strip()
        if actor:
            f[f"e:{kind}/{actor}"] += EVENT_WEIGHT
    week = _week(a.published)
    if week:
        f["d:" + week] += NUMBER_WEIGHT
    return f


def _vectors(profiles: list[dict[str, float]], df: Mapping[str, int] | None = None,
             n: int | None = None) -> tuple[list[dict[str, float]], Mapping[str, int]]:
    """Sublinear tf x idf, L2-normalized, the MAX_TERMS heaviest entries. idf = ln(1 + N/df) stays
    positive for a term every article has, so a two-article corpus can still link. ``df`` and ``n``:
    the whole corpus's, when these profiles are a part of it (linking new articles)."""
    if df is None:
        counted: Counter[str] = Counter()
        for p in profiles:
            counted.update(p.keys())
        df, n = counted, len(profiles)
    total = n or len(profiles)
    return [_weigh(p, df, total) for p in profiles], df


def _weigh(p: dict[str, float], df: Mapping[str, int], n: int) -> dict[str, float]:
    v = {t: (1 + math.log(c) if c >= 1 else c) * math.log(1 + n / max(df.get(t, 0), 1)) for t, c in p.items() if c > 0}
    if len(v) > MAX_TERMS:
        v = dict(heapq.nlargest(MAX_TERMS, v.items(), key=lambda kv: kv[1]))
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {t: x / norm for t, x in v.items()}


def _cosine(u: dict[str, float], v: dict[str, float]) -> float:
    return sum(u[t] * v[t] for t in u.keys() & v.keys())


def neighbours(vectors: list[dict[str, float]], df: Mapping[str, int]) -> list[list[tuple[float, int]]]:
    """Each article's NEIGHBOURS most similar articles as (cosine, index), most similar first.

    Candidates come from the inverted index: an article looks up its QUERY_TERMS heaviest terms
    found in 2 to POSTING_CAP articles, and the CANDIDATES best partial scores get an exact cosine.
    The work per article is bounded by QUERY_TERMS x POSTING_CAP postings, whatever the corpus size."""
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, v in enumerate(vectors):
        for t, x in v.items():
            if 2 <= df.get(t, 0) <= POSTING_CAP:
                index[t].append((i, x))
    out = []
    for i, v in enumerate(vectors):
        acc: dict[int, float] = defaultdict(float)
        query = heapq.nlargest(QUERY_TERMS, ((x, t) for t, x in v.items() if t in index))
        for x, t in query:
            for j, y in index[t]:
                acc[j] += x * y
        acc.pop(i, None)
        cand = heapq.nlargest(CANDIDATES, acc.items(), key=lambda kv: kv[1])
        scored = sorted(((_cosine(v, vectors[j]), j) for j, _ in cand), reverse=True)
        top = scored[0][0] if scored else 0.0
        keep = max(FLOOR, RELATIVE_FLOOR * top)
        out.append([(s, j) for s, j in scored[:NEIGHBOURS] if s >= keep])
    return out


def shared_neighbours(near: list[list[tuple[float, int]]]) -> dict[tuple[int, int], float]:
    """Shared-neighbour (Jarvis-Patrick) similarity |N+(i) & N+(j)| / min(|N+(i)|, |N+(j)|), N+ being
    the neighbour list with the article itself, for every pair that shares an entry. An article many
    list (a hub) is counted for the 4k that are closest to it, which bounds the pairs at n x (4k)^2."""
    listed_by: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, ns in enumerate(near):
        listed_by[i].append((2.0, i))
        for s, j in ns:
            listed_by[j].append((s, i))
    counts: Counter[tuple[int, int]] = Counter()
    for members in listed_by.values():
        if len(members) > 4 * NEIGHBOURS:
            members = heapq.nlargest(4 * NEIGHBOURS, members)
        ids = sorted(i for _, i in members)
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                counts[(ids[a], ids[b])] += 1
    size = [len(ns) + 1 for ns in near]
    return {(i, j): c / min(size[i], size[j]) for (i, j), c in counts.items()}


class _Clusters:
    """Clusters of articles with what merging needs: the summed shared-neighbour similarity between
    clusters over the pairs known (average linkage), and each cluster's sum of profile vectors, from
    which the mean cosine across two clusters and within each follows (cohesion)."""

    def __init__(self, vectors: list[dict[str, float]]) -> None:
        n = len(vectors)
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.links: dict[int, dict[int, float]] = {i: {} for i in range(n)}
        # each cluster's summed vector: an article's own until a merge first adds to it (then a copy;
        # copying every vector up front held a second copy of all of them)
        self.total: dict[int, dict[str, float]] = dict(enumerate(vectors))
        self.own: set[int] = set()
        self.inside: dict[int, float] = dict.fromkeys(range(n), 0.0)  # summed cosine over pairs within

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def add(self, i: int, j: int, s: float) -> None:
        a, b = self.root(i), self.root(j)
        if a != b:
            self.links[a][b] = self.links[a].get(b, 0.0) + s
            self.links[b][a] = self.links[b].get(a, 0.0) + s

    def union(self, a: int, b: int) -> int:
        """Merge two roots (the smaller into the larger); returns the new root."""
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))
        for c, s in self.links.pop(b).items():
            self.links[c].pop(b, None)
            if c != a:
                self.links[a][c] = self.links[a].get(c, 0.0) + s
                self.links[c][a] = self.links[a][c]
        self.links[a].pop(b, None)
        tb = self.total.pop(b)
        self.inside[a] += self.inside.pop(b) + 2 * dot(self.total[a], tb)
        if a not in self.own:
            self.total[a] = dict(self.total[a])
            self.own.add(a)
        ta = self.total[a]
        for t, x in tb.items():
            ta[t] = ta.get(t, 0.0) + x
        return a

    def average(self, a: int, b: int) -> float:
        return self.links[a].get(b, 0.0) / (len(self.members[a]) * len(self.members[b]))

    def cohesion(self, a: int, b: int) -> float | None:
        """Mean cosine across the two clusters over the mean cosine within them (the geometric mean of
        both; a lone article's taken from the other). None for two lone articles: nothing to compare."""
        na, nb = len(self.members[a]), len(self.members[b])
        wa = self.inside[a] / (na * (na - 1)) if na > 1 else None
        wb = self.inside[b] / (nb * (nb - 1)) if nb > 1 else None
        if wa is None and wb is None:
            return None
        within = math.sqrt(max(wa, 0.0) * max(wb, 0.0)) if wa is not None and wb is not None else (wa or wb or 0.0)
        cross = dot(self.total[a], self.total[b]) / (na * nb)
        return cross / within if within > 0 else 0.0


def _average_linkage(cl: _Clusters, threshold: float) -> None:
    """Merge the pair of clusters with the highest average shared-neighbour similarity while it is at
    least ``threshold``, unless the two are far less alike across than within (``SEPARATE``)."""
    heap = [(-cl.average(a, b), a, b) for a in cl.links for b in cl.links[a] if a < b]
    heap = [h for h in heap if -h[0] >= threshold]
    heapq.heapify(heap)
    while heap:
        s, a, b = heapq.heappop(heap)
        if a not in cl.members or b not in cl.members or abs(cl.average(a, b) + s) > 1e-12:
            continue  # a cluster merged since, or the average changed: a newer entry stands
        if min(len(cl.members[a]), len(cl.members[b])) >= SEPARATE_MIN and (cl.cohesion(a, b) or 1.0) < SEPARATE:
            continue
        c = cl.union(a, b)
        for d in cl.links[c]:
            avg = cl.average(c, d)
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(c, d), max(c, d)))


def _join_cohesive(cl: _Clusters, near: list[list[tuple[float, int]]]) -> None:
    """Join two clusters whose articles are about as similar across as within them (cohesion at least
    COHESION), the most cohesive pair first. Candidates are the cluster pairs that some article of
    one lists an article of the other among its neighbours."""
    def candidates(c: int) -> set[int]:
        return {cl.root(j) for i in cl.members[c] for _, j in near[i]} - {c}

    heap = []
    for a in cl.members:
        for b in candidates(a):
            if a < b and (q := cl.cohesion(a, b)) is not None and q >= COHESION:
                heap.append((-q, a, b))
    heapq.heapify(heap)
    while heap:
        q, a, b = heapq.heappop(heap)
        if a not in cl.members or b not in cl.members or abs((cl.cohesion(a, b) or 0.0) + q) > 1e-9:
            continue
        c = cl.union(a, b)
        for d in candidates(c):
            if (q2 := cl.cohesion(c, d)) is not None and q2 >= COHESION:
                heapq.heappush(heap, (-q2, min(c, d), max(c, d)))


def cluster(raw: list[dict[str, float]], joined: Iterable[tuple[int, int]], df: Mapping[str, int] | None = None,
            n: int | None = None) -> list[list[int]]:
    """The stories of these profiles (lists of their indices, each sorted, in order of their first),
    ``joined`` pairs (near-copies) starting in one; ``df``/``n`` those of the whole corpus, if larger."""
    vectors, df = _vectors(raw, df, n)
    return cluster_vectors(vectors, joined, df)


def cluster_vectors(vectors: list[dict[str, float]], joined: Iterable[tuple[int, int]],
                    df: Mapping[str, int]) -> list[list[int]]:
    """``cluster`` of weighted profile vectors (``_vectors``)."""
    cl = _Clusters(vectors)
    for i, j in joined:
        if cl.root(i) != cl.root(j):
            cl.union(cl.root(i), cl.root(j))
    near = neighbours(vectors, df)
    for (i, j), s in shared_neighbours(near).items():
        cl.add(i, j, s)
    _average_linkage(cl, LINK)
    _join_cohesive(cl, near)
    return sorted((sorted(ids) for ids in cl.members.values()), key=lambda g: g[0])


def copy_pairs(rows: list[int], copies: list[dict[str, Any]]) -> list[tuple[int, int]]:
    pos = {key(r): i for i, r in enumerate(rows)}
    return [(pos[c["article_id"]], pos[c["derived_from"]]) for c in copies
            if c["article_id"] in pos and c["derived_from"] in pos]


def numbered(groups: Iterable[list[int]]) -> list[dict[str, Any]]:
    ordered = sorted((sorted(g) for g in groups), key=lambda g: g[0])
    return [{"id": f"s{n}", "article_ids": [key(r) for r in g]} for n, g in enumerate(ordered, 1)]


def incident_stories(corpus: list[tuple[int, Article]], copies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A partition of the corpus into stories, ``[{"id": "s1", "article_ids": ["a3", "a7"]}, ...]``:
    every article in exactly one, copies with their originals, an article nobody else reports alone."""
    rows = [row for row, _ in corpus]
    return numbered([rows[i] for i in g] for g in cluster([profile(a) for _, a in corpus], copy_pairs(rows, copies)))
