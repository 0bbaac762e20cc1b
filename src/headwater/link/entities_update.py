"""Entities updated with new articles: the work grows with what is new, not with the corpus.

A full link (``keep_entities``) keeps, in the ``LinkIndex``, the state of every mention key
(``entities.fold``: mentions, spellings, kind votes, affiliations, the first typed mention, the last
words of its full person names) at the row of the article that first mentioned it, and posts three
ways to find things: a key's state by the key, the states of the full names a bare surname may join
by their last word, and a key's articles (posted one by one, read only when a surname joins or leaves
an entity: an entity's articles are otherwise its old ones and the new). New articles then
(``add_entities``):

1. fold their mentions into their keys' states (loaded, or new), which are kept again;
2. find the keys whose entity may change: those mentioned, the surnames their full names end with (a
   new "Sergei Lavrov" may make "Lavrov" join it, or a second full name may part it from the first),
   and, to a fixed point, every key of an entity that holds one of them;
3. build those entities again from the states (``entities.entity_of``, as a full link does); every
   other entity stays as it was.

Entity ids are their root keys, so they are the same as a full link's; ``tests/test_link_update.py``
compares the two. An article already folded (a run stopped between keeping states and storing links)
or one older than what is kept makes the link whole.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from headwater.link.entities import (
    State,
    bare,
    entity_of,
    fold,
    fold_with_roles,
    members,
    mention_key,
    mentions,
    new_state,
    root_of,
)
from headwater.link.index import LinkIndex
from headwater.model import Article, row_of
from headwater.model import key as key_of

STATES, FIND = "entities.state", "entities.find"
# Rows posted under one key: a mention key is posted once (at its first article), so more than one row
# is a hash collision; a last word is posted once per full name ending in it, and a surname joins
# only the one full name: past this many, the surname joins none anyway.
CAP = 50
EVERY = 1 << 62  # a key's articles: all of them


Rows = list[dict[str, Any]]


def _find(prefix: str, text: str) -> int:
    """A 63-bit key (SQLite's integer): a key's articles are read without checking whose they are, so
    collisions must be out of reach (crc32 meets one among ~100,000 keys)."""
    return int.from_bytes(hashlib.blake2b(f"{prefix}:{text}".encode(), digest_size=8).digest(), "big") >> 1


class _Kept:
    """The states read from the index, by the row they are kept at; what changed is written back."""

    def __init__(self, index: LinkIndex) -> None:
        self.index = index
        self.rows: dict[int, dict[str, State]] = {}
        self.where: dict[str, int | None] = {}
        self.dirty: set[int] = set()
        self.posts: list[tuple[int, int]] = []
        self.lasts: dict[str, set[str]] = {}  # asked after the new states are kept: they do not change

    def _load(self, rows: Iterable[int]) -> None:
        wanted = [r for r in set(rows) if r not in self.rows]
        for row, kept in self.index.get(STATES, wanted).items():
            self.rows[row] = kept
            for k in kept:
                self.where[k] = row

    def state(self, k: str) -> State | None:
        if k not in self.where:
            self._load(self.index.postings(FIND, [_find("k", k)], CAP).get(_find("k", k), []))
            self.where.setdefault(k, None)
        row = self.where[k]
        return None if row is None else self.rows[row][k]

    def add(self, k: str, st: State) -> None:
        row = int(st["first"][0])
        self._load([row])
        self.rows.setdefault(row, {})[k] = st
        self.where[k] = row
        self.posts.append((_find("k", k), row))

    def by_last(self, w: str) -> set[str]:
        if w in self.lasts:
            return self.lasts[w]
        rows = self.index.postings(FIND, [_find("l", w)], CAP).get(_find("l", w), [])
        self._load(rows)
        self.lasts[w] = {k for r in rows for k, st in self.rows.get(r, {}).items() if w in st["last"]}
        return self.lasts[w]

    def articles(self, k: str) -> list[int]:
        return self.index.postings(FIND, [_find("a", k)], EVERY).get(_find("a", k), [])

    def save(self) -> None:
        self.index.put(STATES, {row: self.rows[row] for row in self.dirty})
        self.index.post(FIND, self.posts)
        self.dirty.clear()
        self.posts.clear()


def keep_entities(corpus: list[tuple[int, Article]], index: LinkIndex) -> tuple[dict[str, State], dict[str, list[int]]]:
    """Fold the whole corpus and keep every key's state (a full link): the states and articles, by key."""
    states, rows = fold_with_roles(corpus)
    for name in (STATES, FIND):
        index.clear(name)
    at: dict[int, dict[str, State]] = {}
    posts = []
    for k, st in states.items():
        row = int(st["first"][0])
        at.setdefault(row, {})[k] = st
        posts.append((_find("k", k), row))
        posts += [(_find("l", w), row) for w in st["last"]]
        posts += [(_find("a", k), r) for r in rows[k]]
    index.put(STATES, at)
    index.post(FIND, posts)
    return states, rows


def _articles(before: dict[str, Any] | None, held: list[str] | None, keys: list[str], touched: dict[str, list[int]],
              kept: _Kept) -> list[str]:
    """An entity's article ids in row order: its old ones and then the new ones, when it holds the same
    keys as before and the new rows come after the old (as they do: rows grow); else every article of
    each of its keys (a surname joined or left it)."""
    new = sorted({x for k in keys for x in touched.get(k, [])})
    old = list(before["article_ids"]) if before is not None else []
    if before is not None and sorted(held or []) == sorted(keys) and (not old or not new or row_of(old[-1]) < new[0]):
        return old + [key_of(x) for x in new]
    return [key_of(x) for x in sorted({x for k in keys for x in kept.articles(k)})]


def add_entities(new: list[tuple[int, Article]], previous: Callable[[set[str]], Rows], had: bool,
                 index: LinkIndex) -> tuple[Rows, set[str]] | None:
    """The entities ``new`` makes or changes once it is added to the corpus, and the ids of the old
    entities those replace (the others stay as they were), from the kept states and ``previous`` (the
    entities the last link left, found by the keys they hold; ``had``: it left some). None when they
    cannot be updated (nothing kept, or an article folded already or older than what is kept): then the
    link runs whole."""
    if had and not index.size(STATES):
        return None
    kept = _Kept(index)
    touched: dict[str, list[int]] = {}  # key -> the new articles that mention it
    for row, a in sorted(new, key=lambda x: x[0]):
        for pos, s in enumerate(mentions(a)):
            k = mention_key(s)
            st = kept.state(k)
            if st is None:
                st = new_state(row, pos, s)
                kept.add(k, st)
            elif st["at"] >= row and row not in touched.get(k, ()):
                return None  # this article, or a later one, is folded already
            lasts = len(st["last"])
            fold(st, row, s)
            kept.posts += [(_find("l", w), int(st["first"][0])) for w in st["last"][lasts:]]
            kept.dirty.add(int(st["first"][0]))
            if row not in touched.setdefault(k, []):
                touched[k].append(row)
                kept.posts.append((_find("a", k), row))
    kept.save()  # before the look-ups below: the new full names are found like the old ones
    state, by_last = kept.state, kept.by_last
    words = {w for k in touched for w in (state(k) or {}).get("last", [])} | {k[2:] for k in touched if bare(k)}
    keys = set(touched) | {b for b in ("e:" + w for w in words) if state(b) is not None}
    was: dict[str, str] = {}
    held: dict[str, list[str]] = {}
    before: dict[str, dict[str, Any]] = {}
    asked: set[str] = set()
    while True:  # every key whose entity may change, and every key of those entities, old and new
        for e in previous(keys - asked):  # the old entities holding these keys, read once each
            held[str(e["id"])] = list(e.get("keys") or [e["id"]])
            before[str(e["id"])] = e
            was.update(dict.fromkeys(held[str(e["id"])], str(e["id"])))
        asked |= keys
        old = {was[k] for k in keys if k in was}
        more = keys | {k for o in old for k in held.get(o, [])}
        roots = {root_of(k, state, by_last) for k in more}
        more |= roots | {m for r in roots for m in members(r, state, by_last)}
        if more == keys:
            break
        keys = more
    rebuilt = {}
    for r in roots:
        ks = members(r, state, by_last)
        rebuilt[r] = entity_of(r, [st for st in map(state, ks) if st is not None], ks,
                               _articles(before.get(r), held.get(r), ks, touched, kept))
    return sorted(rebuilt.values(), key=lambda e: str(e["id"])), {*old, *rebuilt}
