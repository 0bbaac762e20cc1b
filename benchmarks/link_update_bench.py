"""Linking new articles into a linked corpus: time against corpus size, and agreement with a full relink.

    python benchmarks/link_update_bench.py [--sizes 10000,30000,100000] [--add 1000] [--no-full] [--seed 1]

For each size M it makes a synthetic corpus of M + ADD articles (``link_bench.make_corpus``: incidents
told by several articles, big stories, near-copies), in a random order so that the added articles join
old incidents as well as start new ones; stores them in a fresh database (only what linking reads);
links the first M whole with the database as the linkers' index (``copies`` and ``stories``, the linkers
that update); then adds the last ADD as new articles (``Linker.update``), and, unless ``--no-full``,
links all M + ADD whole again for comparison. It prints the times, the time per added article (flat as
M grows means the update grows with what is new, not with the corpus), the update's time as a share of
the full relink's, and how far the two agree (B-cubed F1 of the update's stories against the full
relink's; copies found by both).

Entities (``--entities``, on by default) are timed on their own on the same corpus, each article given
source mentions (``with_sources``: people from a pool that grows with the corpus, named in full, by
surname or as registry entries, some typed): the full link of M with the database as the index, the
update with ADD, and whether the update gives exactly the entities of a full link of M + ADD.

What it does not time: reading the corpus's articles from the database (``Store.articles``) and the
linkers that still run over the whole corpus (entities, narratives): see the README's scale section.
"""
from __future__ import annotations

import argparse
import copy
import random
import sys
import tempfile
import time
from pathlib import Path

from link_bench import make_corpus

from headwater.link.builtin import COPIES, ENTITIES, STORIES
from headwater.link.entities import apply_entities, resolve_entities
from headwater.link.entities_update import add_entities
from headwater.link.registry import LinkContext, run_linkers
from headwater.link.stories_update import agreement
from headwater.model import Article
from headwater.store import Store


def store_of(path: Path, corpus: list[tuple[int, Article]]) -> Store:
    store = Store(path)
    with store.db:
        store.db.executemany("INSERT INTO articles(id, content_hash, source, text, published, analyzer, added_at) "
                             "VALUES (?, ?, ?, ?, ?, 'bench', 'now')",
                             [(row, str(row), a.source, a.text, a.published) for row, a in corpus])
    return store


FIRST = ["Anna", "Ivo", "Maria", "Sergei", "Jan", "Nadia", "Tom", "Lena", "Omar", "Ruth", "Li", "Kofi"]
LAST = ["Petrova", "Grant", "Lavrov", "Vries", "Orlova", "Haddad", "Okafor", "Novak", "Silva", "Tanaka", "Weber",
        "Moreau", "Kowalski", "Rossi", "Nguyen", "Cohen"]
TYPES = [{"country": "XX", "state_affiliated": True, "affiliation": "state", "typed_by": "role:minister"},
         {"country": "YY", "state_affiliated": False, "affiliation": "non_state", "typed_by": "role:activist"}]


def with_sources(corpus: list[tuple[int, Article]], seed: int) -> None:
    """Give each article 0-4 source mentions of people from a pool a quarter the corpus's size (the
    common ones named far more often), in full, by surname or by a registry id; a third typed."""
    rng = random.Random(seed)
    people = max(1, len(corpus) // 4)
    for _, a in corpus:
        sources = []
        for _ in range(rng.randint(0, 4)):
            i = min(people - 1, int(people * rng.random() ** 3))
            first, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
            full = f"{first} {last}" + (f" {i // (len(FIRST) * len(LAST))}" if i >= len(FIRST) * len(LAST) else "")
            roll = rng.random()
            s: dict[str, object] = {"name": full if roll < 0.6 else last, "kind": "person", "affiliation": "unknown"}
            if roll >= 0.9:
                s["entity"] = f"Q{i}"
            if rng.random() < 0.3:
                s.update(TYPES[i % 2])
            sources.append(s)
        a.attributions = [{"claim": "c", "sources": sources}] if sources else []


def entities_bench(corpus: list[tuple[int, Article]], m: int, folder: Path) -> tuple[float, float, float, bool]:
    """Entities: the full link of the first m (states kept in a database), the update with the rest
    (``add_entities``), typing every mention of the corpus as the updated entities say (what the linkers
    that still run whole read: it grows with the corpus), and whether the update equals a full link."""
    with store_of(folder / "entities.db", corpus) as store:
        arts = copy.deepcopy(corpus)
        t0 = time.perf_counter()
        old, _ = run_linkers((ENTITIES,), LinkContext(arts[:m], index=store))
        full_m = time.perf_counter() - t0
        t0 = time.perf_counter()
        added = add_entities(arts[m:], old["entities"], store)
        update = time.perf_counter() - t0
        assert added is not None
        t0 = time.perf_counter()
        apply_entities(arts, added)
        typing = time.perf_counter() - t0
    return full_m, update, typing, added == resolve_entities(copy.deepcopy(corpus))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,30000,100000")
    ap.add_argument("--add", type=int, default=1000)
    ap.add_argument("--no-full", action="store_true", help="skip the full relink of M + ADD (slow at 100k)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-entities", action="store_true", help="skip the entities")
    ap.add_argument("--only-entities", action="store_true", help="time the entities alone")
    args = ap.parse_args()
    print(f"{'M':>7} {'full link of M s':>16} {'+ADD update s':>13} {'ms/added':>8} {'full M+ADD s':>12} "
          f"{'update/full':>11} {'stories F1':>10} {'copies same':>11} {'entities M s':>12} {'+ADD s':>7} "
          f"{'ms/added':>8} {'typing s':>8} {'entities same':>13}", flush=True)
    for m in (int(x) for x in args.sizes.split(",")):
        made, _, _ = make_corpus(m + args.add, 5.0, None, 0.02, args.seed)
        arts = [a for _, a in made]
        random.Random(args.seed).shuffle(arts)
        corpus = list(enumerate(arts, 1))
        ents = "-"
        if not args.no_entities:
            sourced = copy.deepcopy(corpus)  # the copies and stories timed below read the corpus as it was
            with_sources(sourced, args.seed)
            with tempfile.TemporaryDirectory() as tmp:
                e_full, e_add, e_typing, e_same = entities_bench(sourced, m, Path(tmp))
            ents = f"{e_full:>12.2f} {e_add:>7.3f} {1000 * e_add / args.add:>8.3f} {e_typing:>8.3f} {e_same!s:>13}"
        if args.only_entities:
            print(f"{m:>7} {'-':>16} {'-':>13} {'-':>8} {'-':>12} {'-':>11} {'-':>10} {'-':>11} {ents}", flush=True)
            continue
        with tempfile.TemporaryDirectory() as tmp, store_of(Path(tmp) / "bench.db", corpus) as store:
            t0 = time.perf_counter()
            old, _ = run_linkers((COPIES, STORIES), LinkContext(corpus[:m], index=store))
            full_m = time.perf_counter() - t0
            t0 = time.perf_counter()
            added, _ = run_linkers((COPIES, STORIES), LinkContext(corpus, new=[r for r, _ in corpus[m:]],
                                                                  previous={k: list(v) for k, v in old.items()},
                                                                  index=store))
            update = time.perf_counter() - t0
        full_all = f1 = same = None
        if not args.no_full:
            t0 = time.perf_counter()
            whole, _ = run_linkers((COPIES, STORIES), LinkContext(corpus))
            full_all = time.perf_counter() - t0
            f1 = agreement(added["stories"], whole["stories"])
            same = added["copies"] == whole["copies"]
        print(f"{m:>7} {full_m:>16.1f} {update:>13.2f} {1000 * update / args.add:>8.2f} "
              f"{'-' if full_all is None else f'{full_all:.1f}':>12} "
              f"{'-' if full_all is None else f'{update / full_all:.3f}':>11} "
              f"{'-' if f1 is None else f'{f1:.3f}':>10} {'-' if same is None else str(same):>11} {ents}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
