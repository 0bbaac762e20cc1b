"""Whom a source in another language speaks for, read from the role words its pack lists.

The English finder types a source by its role ("Russia's foreign minister", "an analyst at …");
other languages have their own words for the same roles (``roles:`` in the pack's ``cues.yaml``):
offices that are a state's by themselves ("министр", "посол", "губернатор"), offices that are a
state's only beside a state body or a country ("представитель МИД", "пресс-секретарь Кремля", but
not "представитель компании"), roles that speak for no state ("эксперт", "политолог", "журналист"),
the words that make an office a past one ("бывший") and the state bodies. A country comes from a
country's name (CLDR, in the pack's language) or a word of the pack's ``countries`` table
("РФ", "российский"). Only what the words say: a source with none of them stays unknown.

An entry ending in "*" is a stem: it matches every word it begins ("министър*" is "министърът",
"министъра"), for the languages parsed without a lemmatizer (Bulgarian, Portuguese, Hindi...),
where a role word comes in its inflected and article-bearing forms; one starting with "*" is the
head of a compound ("*minister": "Außenminister"), and "*…*" a word inside one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from headwater.enrich.attributions.sources import typed
from headwater.lang import LanguagePack


@dataclass(frozen=True)
class RoleWords:
    official: frozenset[str]
    qualified: frozenset[str]
    non_state: frozenset[str]
    state_bodies: frozenset[str]
    offices_of: frozenset[str]  # "глава региона": territories whose head holds a state office
    other_bodies: frozenset[str]  # "глава компании": no state office, whatever country it is in
    former: frozenset[str]
    countries: dict[str, str]  # a word, or a stem ending in "*", -> ISO 3166 code
    # capitals as a source by themselves ("Москва заявила", "Moscovo afirmou"): the state speaks. Only
    # a source named by the capital alone: "посол США в Москве" is no Russian official
    capitals: dict[str, str]
    # bodies that are a state's whichever state, unless a body of the other kind owns them: "as
    # autoridades" (but "as autoridades da empresa"), "властите"; the English "authorities said"
    by_themselves: frozenset[str] = frozenset()

    @classmethod
    def of(cls, pack: LanguagePack) -> RoleWords:
        return _role_words(pack.folder, pack.code)


@cache
def _role_words(folder: Path, code: str) -> RoleWords:
    pack = LanguagePack(code=code, name=code, data_dir=folder)
    d: dict[str, Any] = (pack.data("cues") or {}).get("role_types") or {}

    def low(key: str) -> frozenset[str]:
        return frozenset(str(x).lower() for x in d.get(key) or ())

    countries = {str(k).lower(): str(v) for k, v in (d.get("countries") or {}).items()}
    for cc, name in _cldr_names(code):
        countries.setdefault(name.lower(), cc)
    return RoleWords(official=low("official"), qualified=low("qualified"), non_state=low("non_state"),
                     state_bodies=low("state_bodies"), offices_of=low("offices_of"),
                     other_bodies=low("other_bodies"), former=low("former"),
                     countries=countries,
                     capitals={str(k).lower(): str(v) for k, v in (d.get("capitals") or {}).items()},
                     by_themselves=low("by_themselves"))


def _cldr_names(code: str) -> list[tuple[str, str]]:
    """Country names in one language (CLDR, ``data/country_names_i18n.tsv``): ("RU", "Россия")."""
    text = resources.files("headwater.data").joinpath("country_names_i18n.tsv").read_text("utf-8")
    out = []
    for row in text.splitlines()[2:]:
        cc, lang, name = row.split("\t")
        if lang == code and not cc.startswith("cont:"):
            out.append((cc, name))
    return out


def country_in(words: set[str], roles: RoleWords) -> str | None:
    """The country a source's words name ("МИД России" by its dictionary form "россия", "РФ",
    "российский"), or None."""
    for w in sorted(words):
        if w in roles.countries:
            return roles.countries[w]
    for key, cc in roles.countries.items():
        if key.endswith("*") and any(w.startswith(key[:-1]) for w in words):
            return cc
        if " " in key and set(key.split()) <= words:  # "соединенные штаты"
            return cc
    return None


def with_parts(words: set[str]) -> set[str]:
    """The words and the parts of those joined by a hyphen or an apostrophe: "ex-ministro",
    "US-Außenminister", "l'ancien" (French elision), "Rusya'nın" (a Turkish ending)."""
    return words | {p for w in words for p in re.split(r"[-'’]", w) if p and p != w}


def _matches(entry: str, word: str) -> bool:
    if entry.startswith("*") and entry.endswith("*"):
        return entry[1:-1] in word  # "*minister*": "Außenministerin"
    if entry.startswith("*"):
        return word.endswith(entry[1:])  # "*sprecher": "Regierungssprecher"
    return word.startswith(entry[:-1])  # "министър*": "министърът"


def hits(words: set[str], entries: frozenset[str]) -> list[str]:
    """The entries of a list among the words: whole words, stems ("министър*") by the words they
    begin, and compound heads ("*minister", German) by the words they end; a stem gives the words
    it matched ("министърът"). Sorted, so a typing's evidence is the same from run to run."""
    found = words & entries
    for x in entries:
        if "*" in x and " " not in x and len(x) > 2:
            found |= {w for w in words if _matches(x, w)}  # the word itself, as the typing's evidence
    return sorted(found)


def _phrases(words: set[str], lists: frozenset[str], phrases: tuple[str, ...]) -> list[str]:
    """The entries of a list among the words, and its entries of several words among the phrases
    (the source's words joined in order, surface and dictionary forms: "совет федерации"; a last
    word ending in "*" is a stem: "министерство на отбраната*")."""
    def among(x: str) -> bool:
        if x.endswith("*"):
            return any(f" {x[:-1]}" in f" {p}" for p in phrases)
        return any(f" {x} " in f" {p} " for p in phrases)
    return hits(words, lists) + sorted(x for x in lists if " " in x and among(x))


def type_by_role(src: dict[str, Any], words: set[str], roles: RoleWords,
                 phrases: tuple[str, ...] = ()) -> dict[str, Any]:
    """``src`` with ``state_affiliated``, ``country``, ``typed_by`` and ``affiliation`` as its
    words say (``words``: surface and dictionary forms, lowercased; ``phrases``: the same words in
    their order); unknown when they say nothing."""
    if src.get("typed_by") or src.get("kind") in ("outlet", "agency") or src.get("inferred"):
        return src  # typed already: an outlet of the registry, or a pronoun's antecedent
    country = src.get("country") or country_in(words, roles)
    official = hits(words, roles.official)
    qualified = hits(words, roles.qualified)
    bodies = _phrases(words, roles.state_bodies, phrases)
    non_state = hits(words, roles.non_state)
    former = hits(words, roles.former)
    offices_of = hits(words, roles.offices_of)
    state: bool | None = None
    by: str | None = None
    if (official or qualified or bodies) and former:
        state, by = False, "role:" + " ".join(former + (official or qualified or bodies)[:1])
    elif official:
        state, by = True, "role:" + official[0]
    elif bodies:
        state, by = True, "state_body:" + bodies[0]
    elif (itself := hits(words, roles.by_themselves)) and not hits(words, roles.other_bodies) and not non_state:
        state, by = True, "role:" + itself[0]  # "as autoridades disseram": a state's authorities, which state unsaid
    elif qualified and (country or offices_of) and not hits(words, roles.other_bodies):
        state, by = True, f"role:{qualified[0]} ({country or offices_of[0]})"
    elif src.get("kind") == "government" and country and not non_state:
        state, by = True, f"country:{country}"  # "Берлин считает", "Токио отверг": a state speaks
    elif non_state:
        state, by = False, "role:" + non_state[0]
    return typed({**src, "country": country, "state_affiliated": state}, by)


__all__ = ["RoleWords", "country_in", "hits", "type_by_role", "with_parts"]
