"""Patterns read backwards from a name (``cues.Tail``): the words right before a name, matched from
the name back, say what the forward patterns said ("in ", "the province of ", "Gen. "), both ways."""
from __future__ import annotations

import re

import pytest

from headwater.enrich.places.annotate import ADMIN_BEFORE
from headwater.enrich.places.cues import Tail, _last_words, patterns, prepositions, prepositions_tail


@pytest.mark.parametrize(("before", "cue"), [
    ("fighting in ", True), ("fighting in the ", True), ("the outskirts of ", True), ("the province  of\tthe ", True),
    ("According to ", False), ("due to the ", False), ("within ", False), ("in", False), ("in Homs and ", False),
    ("forces moved into\n", True), ("a big ", False),
])
def test_a_cue_before_a_name_read_backwards(before: str, cue: bool) -> None:
    assert patterns()[0].search(before) is cue


@pytest.mark.parametrize(("before", "preposition"), [
    ("flew to ", True), ("in the ", True), ("according to ", False), ("in addition to ", False),
    ("thanks to the ", False), ("the province of ", False), ("Within ", False),
])
def test_a_preposition_before_a_name_read_backwards(before: str, preposition: bool) -> None:
    assert prepositions_tail().search(before) is preposition
    assert bool(prepositions().search(before)) is preposition  # the forward pattern, for offsets into a text


@pytest.mark.parametrize(("before", "admin"), [
    ("the province of ", True), ("the State of the ", True), ("a region of  ", True),
    ("the province of Idlib and ", False), ("provinces of ", False), ("the province ", False),
])
def test_a_division_word_before_a_name(before: str, admin: bool) -> None:
    assert ADMIN_BEFORE.search(before) is admin


@pytest.mark.parametrize(("text", "last"), [
    ("the city of ", ["city", "of"]), ("a 2 b_c ", ["b", "c"]), ("", []), ("word", ["word"]),
    ("в провинции ", ["в", "провинции"]), ("इदलिब जिले ", ["इदलिब", "जिले"]), ("\u0301x \u0301", ["x"]),
])
def test_the_last_two_words(text: str, last: list[str]) -> None:
    assert _last_words(text) == last
    assert _last_words(text) == re.findall(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f\u0900-\u097f])*", text)[-2:]


def test_a_tail_matches_only_at_the_end() -> None:
    tail = Tail(r"\s+ni\b")  # "\bin\s+$" backwards
    assert tail.search("born in ") and not tail.search("in Homs ") and not tail.search("within ")
