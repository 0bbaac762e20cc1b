"""Stories updated with new articles: the work grows with what is new, not with the corpus.

A full link (``stories_kept``) keeps each article's weighted evidence profile (as bytes,
``link.term_bytes``; how many are kept beside them), the corpus's document
frequencies and an inverted index of each article's heaviest terms (``LinkIndex``). New articles
then (``add_stories``):

1. are profiled, counted and kept, and look up their ``QUERY_TERMS`` heaviest terms in the index
   (terms in at most ``POSTING_CAP`` articles, as the full link follows), the ``CANDIDATES`` rows
   sharing the most weight getting an exact cosine;
2. with the old articles they would list as neighbours (``neighbours``' floors), are clustered as a
   full link clusters;
3. a cluster takes the whole of every old story it holds a member of (clusters holding members of one
   old story become one); every other story stays.

The work grows with the new articles and their neighbours, not with the corpus. Stories are local (an
article's story is decided by its neighbours and theirs), so this gives the stories a full relink
gives, up to what the update cannot see: an old article that would now list a new one that does not
list it, and a new report that would split an old story (``headwater analyze --relink`` links
everything again). Articles are clustered with the weights of the corpus as it is now; finding the
neighbours uses the weights each article had when it was added. ``tests/test_link_update.py`` compares the two;
``benchmarks/link_update_bench.py`` measures both.
"""
from __future__ import annotations

import heapq
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from headwater.link import term_bytes
from headwater.link.index import LinkIndex
from headwater.link.stories import (
    CANDIDATES,
    FLOOR,
    NEIGHBOURS,
    POSTING_CAP,
    QUERY_TERMS,
    RELATIVE_FLOOR,
    cluster,
    cluster_vectors,
    copy_pairs,
    cosine,
    numbered,
)
from headwater.link.stories_profiles import MAX_TERMS, profile, weigh
from headwater.link.unionfind import DisjointSets
from headwater.model import Article, key, row_of

# Each article's evidence counts (RAW, weighed again with the corpus's document frequencies when it is
# clustered again) and its weighted profile when it was added (PROFILE: enough to find neighbours).
RAW, PROFILE, DF, TERMS = "stories.raw", "stories.profile", "stories.df", "stories.terms"
# Terms of each article posted in the index: its heaviest when it was added. A new article finds an
# old one through the terms they share among the new one's QUERY_TERMS heaviest; posting the old one's
# MAX_TERMS / 5 heaviest keeps the index a fifth of the size at little loss (names, places and rare
# words lead every profile).
POSTED_TERMS = MAX_TERMS // 5
# Candidate profiles read at a time. Read all at once (~13,700 at +1,000 into 30,000, as dicts of up
# to 300 terms), the process's peak once stories returned was 524 MB; 2,000 at a time, 303 MB (the
# same stories: every candidate is still scored once).
PROFILE_PART = 2000
# The number the next new story's id takes ("s" and it): ids stay stable as stories grow and join.
NEXT = "stories.next"
Rows = list[dict[str, Any]]
Lookup = Callable[[list[int]], Rows]


def _term_key(term: str) -> int:
    return zlib.crc32(term.encode("utf-8"))


def keep_profiles(index: LinkIndex, raw: dict[int, dict[str, float]],
                  rebuild: bool = False) -> tuple[dict[int, dict[str, float]], dict[str, int]]:
    """Count these articles' terms, keep their weighted profiles (as ``stories_profiles.profile_vectors``
    weighs them, with the document frequencies of the corpus so far) and post their heaviest terms;
    returns the weighted profiles and the document frequencies of their terms (``rebuild``: forget what
    the index held)."""
    if rebuild:
        for name in (RAW, PROFILE, DF, TERMS):
            index.clear(name)
    index.count(DF, Counter(t for p in raw.values() for t in p))
    df = index.counts(DF, {t for p in raw.values() for t in p})
    n = held(index) + len(raw)  # the corpus with these articles (new to the index: kept just below)
    weighed = {row: weigh(p, df, n) for row, p in raw.items()}
    term_bytes.put(index, PROFILE, weighed)
    term_bytes.put(index, RAW, raw)
    index.keep(PROFILE, n)
    index.post(TERMS, [(_term_key(t), row) for row, v in weighed.items()
                       for t, _ in heapq.nlargest(POSTED_TERMS, v.items(), key=lambda kv: kv[1])])
    return weighed, df


def held(index: LinkIndex) -> int:
    """How many articles' profiles the index holds: kept beside them, as counting them reads the table
    (1.3-5 s at 100,985 articles with the profiles kept as JSON); counted for an index kept before."""
    kept = index.kept(PROFILE)
    return int(kept) if kept is not None else index.size(PROFILE)


def stories_kept(corpus: list[tuple[int, Article]], copies: list[dict[str, Any]], index: LinkIndex) -> list[dict[str, Any]]:
    """The stories of the whole corpus (as ``incident_stories``), keeping what ``add_stories`` needs."""
    rows = [row for row, _ in corpus]
    raw = {row: profile(a) for row, a in corpus}
    # rebuilt, the index's counts are the corpus's: its weighted profiles are those ``cluster`` would weigh
    weighed, df = keep_profiles(index, raw, rebuild=True)
    stories = numbered([rows[i] for i in g] for g in cluster_vectors([weighed[r] for r in rows], copy_pairs(rows, copies), df))
    index.keep(NEXT, len(stories) + 1)
    return stories


def _touched(new: dict[int, dict[str, float]], df: dict[str, int], index: LinkIndex) -> set[int]:
    """The old rows some new article (weighted profile) would list among its neighbours. In one pass:
    every query's postings read at once (a term many new articles query is read once), then every
    candidate's profile once, however many new articles it is a candidate of (PROFILE_PART at a time)."""
    queries = {row: heapq.nlargest(QUERY_TERMS, ((x, t) for t, x in v.items() if 2 <= df.get(t, 0) <= POSTING_CAP))
               for row, v in new.items()}
    posted = index.postings(TERMS, {_term_key(t) for query in queries.values() for _, t in query}, POSTING_CAP)
    cands: dict[int, list[int]] = {}
    for row, query in queries.items():
        acc: dict[int, float] = defaultdict(float)
        for x, t in query:
            for other in posted.get(_term_key(t), ()):
                if other != row:
                    acc[other] += x
        cands[row] = [r for r in heapq.nlargest(CANDIDATES, acc, key=acc.__getitem__) if r not in new]
    # each candidate's profile compared with the new articles it is a candidate of, PROFILE_PART at a time
    wanted_by: dict[int, list[int]] = defaultdict(list)
    for row, cand in cands.items():
        for r in cand:
            wanted_by[r].append(row)
    every = sorted(wanted_by)
    scores: dict[tuple[int, int], float] = {}
    for at in range(0, len(every), PROFILE_PART):
        for r, v in term_bytes.read_dicts(index, PROFILE, every[at:at + PROFILE_PART]).items():
            scores.update(((row, r), cosine(new[row], v)) for row in wanted_by[r])
    touched: set[int] = set()
    for row, cand in cands.items():
        scored = sorted(((scores[row, r], r) for r in cand if (row, r) in scores), reverse=True)
        keep = max(FLOOR, RELATIVE_FLOOR * scored[0][0]) if scored else FLOOR
        touched.update(r for s, r in scored[:NEIGHBOURS] if s >= keep)
    return touched


def add_stories(new: list[tuple[int, Article]], stories_of: Lookup, copies_of: Lookup, index: LinkIndex,
                linked: int) -> tuple[Rows, set[str]] | None:
    """The stories the ``new`` articles make or join, and the ids of the old stories those replace; the
    other stories stay as they were. ``stories_of`` and ``copies_of`` give the previous stories and the
    copies (this run's) holding some of these rows. None when the index does not hold the ``linked``
    articles (a database linked before it kept one).

    The new articles and the old ones they would list as neighbours are clustered as a full link
    clusters; a cluster then takes the whole of every old story it holds a member of (a new report can
    join two stories into one) and the id of the first of them; the new articles nobody old is near
    become stories of their own, under new ids."""
    start = index.kept(NEXT)
    if held(index) != linked or start is None:
        return None
    for name in (PROFILE, RAW):  # kept as JSON before scale round 8: moved once
        term_bytes.migrate(index, name)
    raw_new = {row: profile(a) for row, a in new}
    weighed, df = keep_profiles(index, raw_new)
    near = sorted(r for r in _touched(weighed, df, index) if r not in raw_new)
    previous = stories_of(near)
    story_of = {row_of(k): i for i, st in enumerate(previous) for k in st["article_ids"]}
    rows = sorted({*weighed, *(r for r in near if r in story_of)})
    raws = {**term_bytes.read_dicts(index, RAW, [r for r in rows if r not in raw_new]), **raw_new}
    sub_df = index.counts(DF, {t for p in raws.values() for t in p})
    groups = cluster([raws[r] for r in rows], copy_pairs(rows, copies_of(rows)), sub_df, held(index))
    # a cluster takes every old story it holds a member of; clusters that share an old story are one
    sets = DisjointSets(len(groups))
    owner: dict[int, int] = {}  # old story -> a cluster holding a member of it
    for gi, g in enumerate(groups):
        for i in g:
            if (st := story_of.get(rows[i])) is not None:
                sets.union(gi, owner.setdefault(st, gi))
    whole: dict[int, set[int]] = defaultdict(set)
    for gi, g in enumerate(groups):
        whole[sets.find(gi)].update(rows[i] for i in g)
    ids: dict[int, list[str]] = defaultdict(list)
    for st, gi in owner.items():
        whole[sets.find(gi)].update(row_of(k) for k in previous[st]["article_ids"])
        ids[sets.find(gi)].append(str(previous[st]["id"]))
    made = []
    for root, members in sorted(whole.items(), key=lambda kv: min(kv[1])):
        if ids[root]:  # the story keeps the first id of those it joins (ids are "s" and a number)
            sid = min(ids[root], key=lambda x: (len(x), x))
        else:
            sid, start = f"s{start}", start + 1
        made.append({"id": sid, "article_ids": [key(r) for r in sorted(members)]})
    index.keep(NEXT, start)
    return made, {str(previous[st]["id"]) for st in owner}


def agreement(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> float:
    """How far two partitions of the same articles into stories agree: B-cubed F1 of ``a`` against ``b``
    (1.0: the same stories). What an update is measured by against a full relink."""
    of_a = {k: frozenset(s["article_ids"]) for s in a for k in s["article_ids"]}
    of_b = {k: frozenset(s["article_ids"]) for s in b for k in s["article_ids"]}
    if not of_a:
        return 1.0 if not of_b else 0.0
    p = sum(len(of_a[k] & of_b.get(k, frozenset())) / len(of_a[k]) for k in of_a) / len(of_a)
    r = sum(len(of_a[k] & of_b[k]) / len(of_b[k]) for k in of_a if k in of_b) / len(of_a)
    return 2 * p * r / (p + r) if p + r else 0.0
