"""Numbers as journalists write them, and dates relative to publication."""
from __future__ import annotations

import pytest

from headwater.enrich.numbers import find_quantities, parse_quantity, words_to_int
from headwater.enrich.reldates import resolve_date


@pytest.mark.parametrize("text, value, qualifier", [
    ("750 prisoners", 750, None),
    ("1,200 families", 1200, None),
    ("Twelve people", 12, None),
    ("twenty-five soldiers", 25, None),
    ("one hundred and twenty civilians", 120, None),
    ("at least 60 militants", 60, "at least"),
    ("more than 150 fighters", 150, "more than"),
    ("over 2,000 refugees", 2000, "more than"),
    ("about 40 villagers", 40, "about"),
    ("nearly 300 detainees", 300, "about"),
    ("some 35 workers", 35, "about"),
    ("up to 5,000 troops", 5000, "up to"),
    ("as many as 90 students", 90, "up to"),
    ("fewer than ten patients", 10, "less than"),
    ("1.5 million displaced", 1_500_000, None),
    ("a dozen soldiers", 12, "about"),
])
def test_exact_counts(text: str, value: int, qualifier: str | None) -> None:
    q = parse_quantity(text)
    assert q is not None and q.is_count
    assert (q.value, q.qualifier, q.vague) == (value, qualifier, False)


@pytest.mark.parametrize("text, span", [
    ("scores of detainees", "scores of"),
    ("dozens of people", "dozens of"),
    ("hundreds of fighters", "hundreds of"),
    ("several thousand militants", "several thousand"),
    ("tens of thousands of civilians", "tens of thousands of"),
    ("a handful of guards", "a handful of"),
])
def test_vague_counts_keep_their_words_not_a_value(text: str, span: str) -> None:
    q = parse_quantity(text)
    assert q is not None and q.vague and q.value is None and q.text == span


@pytest.mark.parametrize("text, unit", [
    ("on 13 February", "date"),
    ("in 2019", "year"),
    ("a 25-year-old driver", "year-old"),
    ("40 km north of the city", "km"),
    ("at 6 pm", "pm"),
    ("for three days", "days"),
    ("50 percent", "percent"),
])
def test_numbers_that_count_no_people(text: str, unit: str) -> None:
    q = parse_quantity(text)
    assert q is not None and not q.is_count and q.unit == unit


def test_no_number_in_names_money_or_ordinals() -> None:
    assert find_quantities("the T-4 airbase") == []
    assert find_quantities("$300 million in aid") == []
    assert find_quantities("the 3rd brigade") == []


def test_several_quantities_with_offsets() -> None:
    text = "The strike killed 304 fighters and injured 170 others."
    found = [(q.value, text[q.start:q.end]) for q in find_quantities(text)]
    assert found == [(304, "304"), (170, "170")]


def test_number_words() -> None:
    assert words_to_int("ninety-nine") == 99
    assert words_to_int("two thousand five hundred") == 2500
    assert words_to_int("seven") == 7
    assert words_to_int("seventh heaven") is None


# Relative dates: 2023-02-15 was a Wednesday.
PUB = "2023-02-15"


@pytest.mark.parametrize("expr, date, basis", [
    ("on Sunday", "2023-02-12", "inferred"),
    ("Wednesday", "2023-02-15", "inferred"),  # the publication day itself
    ("last Wednesday", "2023-02-08", "inferred"),
    ("yesterday", "2023-02-14", "inferred"),
    ("two days ago", "2023-02-13", "inferred"),
    ("on 13 February", "2023-02-13", "inferred"),
    ("on December 28", "2022-12-28", "inferred"),  # no year: the latest such day before publication
    ("on 3 January 2021", "2021-01-03", "explicit"),
    ("March 5, 2020", "2020-03-05", "explicit"),
    ("in May 2020", "2020-05", "explicit"),
])
def test_resolved_dates(expr: str, date: str, basis: str) -> None:
    r = resolve_date(expr, PUB)
    assert r is not None and (r.date, r.basis) == (date, basis)


def test_vague_and_year_only_dates_stay_null() -> None:
    week = resolve_date("last week", PUB)
    assert week is not None and week.date is None
    year = resolve_date("last year", PUB)
    assert year is not None and year.date is None and year.year == 2022
    since = resolve_date("since the beginning of January", PUB)
    assert since is not None and since.date == "2023-01" and since.since


def test_relative_dates_need_a_publication_date() -> None:
    r = resolve_date("on Sunday", None)
    assert r is not None and r.date is None and r.basis is None
    assert resolve_date("may", PUB) is None  # the verb, not the month


@pytest.mark.parametrize(("text", "count", "year"), [
    ("In NATO bombings, around 2000 civilians were killed", 2000, None),  # was read as the year 2000
    ("Some 1800 troops crossed the border in 2014", 1800, "2014"),
    ("Around 2000, the company moved to Ohio", None, "2000"),  # a year after all: no noun counted
    ("In 2000 civilians fled the city", None, "2000"),  # no qualifier: a year, as a reader takes it first
])
def test_a_year_like_number_after_an_approximation_counts_something(text: str, count: int | None,
                                                                   year: str | None) -> None:
    from headwater.enrich.claims.claim_dates import find_claim_dates

    counts = [q.value for q in find_quantities(text) if q.value is not None and q.is_count]
    assert counts == ([count] if count else [])
    assert [d.text for d in find_claim_dates(text, "en", None)] == ([year] if year else [])
