"""Contradictions between retellings of one claim: counts of the same thing, polarity, places and dates
of one incident; nothing between claims about different things."""
from __future__ import annotations

from typing import Any

from headwater.link.contradictions import claim_contradictions, compare, retold_contradictions


def claim(text: str, start: int = 100, **slots: Any) -> dict[str, Any]:
    return {"text": text, "field": "text", "start": start, "end": start + len(text), "negated": False, **slots}


def test_counts_of_the_same_noun_differ() -> None:
    a = claim("The US moved 750 militants to the base")
    b = claim("The US moved 60 militants to the base", start=10)
    ((slot, desc, spans),) = compare(("a1", a), ("a2", b), same_incident=False)
    assert slot == "count" and "750" in desc and "60" in desc
    assert spans == [{"article_id": "a1", "start": 113, "end": 116}, {"article_id": "a2", "start": 23, "end": 25}]


def test_counts_of_different_things_and_close_counts_are_not_contradictions() -> None:
    a = claim("The US moved 750 militants in 40 trucks")
    b = claim("The US moved 700 militants in 12 buses")
    assert compare(("a1", a), ("a2", b), same_incident=True) == []  # 750 ~ 700; trucks and buses differ


def test_polarity() -> None:
    a = claim("Washington trained the fighters at the base")
    b = claim("Washington did not train the fighters at the base", negated=True)
    ((slot, desc, _),) = compare(("a1", a), ("a2", b), same_incident=False)
    assert slot == "polarity" and desc.startswith("a2 says it did not")


def test_places_and_dates_only_within_one_incident() -> None:
    a = claim("Militants were moved to the base", places=["Al-Tanf"], dates=["25 February"])
    b = claim("Militants were moved to the base", places=["Deir ez-Zor"], dates=["26 February"])
    assert {s for s, _, _ in compare(("a1", a), ("a2", b), same_incident=True)} == {"place", "date"}
    assert compare(("a1", a), ("a2", b), same_incident=False) == []


def test_a_narrative_is_compared_pair_by_pair_with_spans() -> None:
    claims = {("a1", 0): claim("Officials said 750 militants were relocated"),
              ("a2", 3): claim("Officials said 60 militants were relocated"),
              ("a3", 1): claim("Officials said 750 militants were relocated")}
    narrative = {"id": "n7", "claims": [{"article_id": a, "claim_id": c, "similarity": 0.8} for a, c in claims]}
    found = claim_contradictions(narrative, lambda a, c: claims.get((a, c)), {})
    assert sorted(tuple(f["article_ids"]) for f in found) == [("a1", "a2"), ("a2", "a3")]
    assert all(f["narrative_id"] == "n7" and f["slot"] == "count" and len(f["spans"]) == 2 for f in found)


def test_only_claims_retold_are_compared() -> None:
    claims = {("a1", 0): claim("Washington trained the fighters at the base"),
              ("a2", 1): claim("Washington did not train the fighters at the base", negated=True)}
    members = [{"article_id": a, "claim_id": c, "similarity": 0.8} for a, c in claims]
    narratives = [{"id": "n1", "level": "fine", "claims": members}, {"id": "n2", "level": "known", "claims": members},
                  {"id": "n3", "level": "broad", "claims": members}]
    found = retold_contradictions(narratives, lambda a, c: claims.get((a, c)), {})
    assert [(f["narrative_id"], f["slot"]) for f in found] == [("n1", "polarity")]


def test_places_compare_at_one_level_and_dates_at_one_precision() -> None:
    kyiv = claim("The strike hit a depot", places=["Kyiv"], place_kinds={"Kyiv": "city"})
    ukraine = claim("The strike hit a depot", places=["Ukraine"], place_kinds={"Ukraine": "country"})
    kharkiv = claim("The strike hit a depot", places=["Kharkiv"], place_kinds={"Kharkiv": "city"})
    assert compare(("a1", kyiv), ("a2", ukraine), same_incident=True) == []  # both may be true
    assert [s for s, _, _ in compare(("a1", kyiv), ("a2", kharkiv), same_incident=True)] == ["place"]
    year = claim("It began then", date_spans=[{"text": "1940", "date": "1940", "precision": "year"}])
    day = claim("It began then", date_spans=[{"text": "21 July", "date": "2024-07-21", "precision": "day"}])
    other_day = claim("It began then", date_spans=[{"text": "23 July", "date": "2024-07-23", "precision": "day"}])
    assert compare(("a1", year), ("a2", day), same_incident=True) == []
    assert [s for s, _, _ in compare(("a1", day), ("a2", other_day), same_incident=True)] == ["date"]


def test_two_articles_disagree_on_a_slot_once() -> None:
    claims = {("a1", 0): claim("Officials said 750 militants were relocated"),
              ("a1", 1): claim("Officials later said 750 militants were relocated"),
              ("a2", 3): claim("Officials said 60 militants were relocated")}
    narrative = {"id": "n7", "claims": [{"article_id": a, "claim_id": c, "similarity": 0.8} for a, c in claims]}
    found = claim_contradictions(narrative, lambda a, c: claims.get((a, c)), {})
    assert [(f["article_ids"], f["slot"]) for f in found] == [(["a1", "a2"], "count")]


def test_a_count_noun_keeps_its_vowel_signs() -> None:
    a = claim("अधिकारियों ने कहा कि 10 सैनिक मारे गए")
    b = claim("अधिकारियों ने कहा कि 26 सैनिक मारे गए")
    ((slot, desc, _),) = compare(("a1", a), ("a2", b), same_incident=False)
    assert slot == "count" and "सैनिक" in desc


def test_polarity_once_per_pair_of_articles() -> None:
    claims = {("a1", 0): claim("Washington trained the fighters"),
              ("a1", 1): claim("Washington did not arm the fighters", negated=True),
              ("a2", 0): claim("Washington did not train the fighters", negated=True),
              ("a2", 1): claim("Washington armed the fighters")}
    narrative = {"id": "n2", "claims": [{"article_id": a, "claim_id": c, "similarity": 0.8} for a, c in claims]}
    found = claim_contradictions(narrative, lambda a, c: claims.get((a, c)), {})
    assert [f["slot"] for f in found] == ["polarity"]
