"""The data events are read with: trigger words, people categories, actor aliases, ACLED/CAMEO codes.

Loaded once from ``data/event_types.yaml`` and ``data/event_actors.yaml`` (see their headers for
sources); nothing here knows a particular article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from headwater.lang import english_words
from headwater.yamldata import load_yaml

# Irregular verb forms news headlines use, which spaCy may tag as proper nouns in Title Case
# ("Suicide Bomber Kills 4", "Militants Shot Dead"): form -> lemma.
IRREGULAR = {"shot": "shoot", "struck": "strike", "brought": "bring", "sent": "send", "fled": "flee",
             "slain": "slay", "slew": "slay", "hurt": "hurt", "freed": "free", "dying": "die", "died": "die",
             "dies": "die", "fought": "fight", "took": "take", "taken": "take", "led": "lead"}
# Words that never make an actor on their own: weapons and attacks do not act, people do.
NOT_ACTORS = english_words("event_words", "not_actors")


@dataclass(frozen=True)
class Alias:
    canonical: str
    words: tuple[str, ...]  # lowercased unless case_sensitive
    case_sensitive: bool


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[str, str]]
    nouns: dict[str, tuple[str, str]]
    adjectives: dict[str, tuple[str, str]]
    refine: tuple[tuple[str, frozenset[str]], ...]
    mappings: dict[str, dict[str, Any]]
    category: dict[str, str]  # person word -> casualty category
    persons: frozenset[str]  # every word that counts people
    themes: frozenset[str]  # what else may be moved or trained (forces, equipment)
    aliases: tuple[Alias, ...]
    verb_forms: dict[str, str]  # inflected form -> lemma

    def trigger_verb(self, form: str) -> str | None:
        """The lemma of a trigger verb written in any form ("Kills", "relocated"), or None."""
        low = form.lower()
        lem = self.verb_forms.get(low)
        return lem if lem in self.verbs else None

    def is_person(self, word: str) -> bool:
        return word.lower() in self.persons

    def category_of(self, word: str) -> str | None:
        return self.category.get(word.lower())


def _inflections(lemma: str) -> set[str]:
    """Regular English forms of a verb: kill -> kills, killed, killing; die -> dies, died, dying."""
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing", lemma + "es"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma) and len(lemma) <= 4:  # ship -> shipped, gun -> gunned
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _pair(v: Any) -> tuple[str, str]:
    return str(v[0]), str(v[1])


def _data(name: str) -> Any:
    return load_yaml(resources.files("headwater.data").joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    d = _data("event_types.yaml")
    verbs = {k: _pair(v) for k, v in d["verbs"].items()}
    forms: dict[str, str] = {}
    for lem in verbs:
        for f in _inflections(lem):
            forms.setdefault(f, lem)
    for f, lem in IRREGULAR.items():
        forms[f] = lem
    category: dict[str, str] = {}
    for cat, words in d["categories"].items():
        for w in words:
            category.setdefault(str(w).lower(), cat)
            category.setdefault(str(w).lower() + "s", cat)
    persons = frozenset([*category, *(str(w).lower() for w in d["persons"])])
    aliases: list[Alias] = []
    for canonical, names in _data("event_actors.yaml").items():
        for name in [canonical, *names]:
            name = str(name)
            words = tuple(w for w in re.split(r"\s+|(?<=\w)(?=-)|(?<=-)(?=\w)", name) if w)
            # all-capital short names (US, IS, SAA) are matched as written: "us" and "is" are words
            cs = name.isupper() and len(name.replace(".", "")) <= 5
            aliases.append(Alias(str(canonical), words if cs else tuple(w.lower() for w in words), cs))
    aliases.sort(key=lambda a: -len(a.words))
    return Lexicon(
        verbs=verbs, nouns={k: _pair(v) for k, v in d["nouns"].items()},
        adjectives={k: _pair(v) for k, v in d["adjectives"].items()},
        refine=tuple((k, frozenset(str(w).lower() for w in v)) for k, v in d["refine"].items()),
        mappings={k: v or {} for k, v in d["mappings"].items()},
        category=category, persons=persons, themes=frozenset(str(w).lower() for w in d["themes"]),
        aliases=tuple(aliases), verb_forms=forms)


@lru_cache(maxsize=1)
def _alias_index() -> tuple[dict[tuple[bool, tuple[str, ...]], tuple[int, str]], tuple[int, ...]]:
    """Aliases by (case-sensitive, words) -> (place in the alias list, canonical), the first of equal
    ones; and the alias lengths, longest first. ``match_actor`` looks each window of words up instead of
    comparing every alias at every position (1,561 calls took 0.9 s of FA-KES's profile)."""
    index: dict[tuple[bool, tuple[str, ...]], tuple[int, str]] = {}
    for order, a in enumerate(lexicon().aliases):
        if a.words:
            index.setdefault((a.case_sensitive, a.words), (order, a.canonical))
    return index, tuple(sorted({len(w) for _, w in index}, reverse=True))


def match_actor(words: list[str]) -> tuple[str, int, int] | None:
    """The canonical actor named by a sequence of words, as (canonical, start, end) word indices.

    Longest alias wins; among equally long ones a capitalised word (a name, a demonym) beats a common
    noun ("Iranian regime" is Iran, not the Syrian regime); then the earlier start, then the alias
    listed first."""
    low = [w.lower() for w in words]
    index, lengths = _alias_index()
    best: tuple[int, int, int, int, str] | None = None  # (length, capitalised, -start, -order, canonical)
    for n in lengths:
        for i in range(len(words) - n + 1):
            for hit in (index.get((True, tuple(words[i:i + n]))), index.get((False, tuple(low[i:i + n])))):
                if hit is not None:
                    key = (n, int(words[i][:1].isupper()), -i, -hit[0], hit[1])
                    if best is None or key > best:
                        best = key
    if best is None:
        return None
    return best[4], -best[2], -best[2] + best[0]
