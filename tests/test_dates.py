"""Dates: full dates in the formats the press uses; never a year alone or a copyright line."""
from __future__ import annotations

import pytest

from headwater.extract.dates import find_dates, publication_date


@pytest.mark.parametrize(("text", "iso"), [
    ("date 2022-02-25 https://x", "2022-02-25"),
    ("2022-02-25T20:54+0000", "2022-02-25"),
    ("Sun 22 Feb 2015 Suicide bomber kills 4", "2015-02-22"),
    ("Posted on April 4 2017 by Someone", "2017-04-04"),
    ("August 21, 2013 Syria gas kills hundreds", "2013-08-21"),
    ("Date of publication 1 September 2016 At least", "2016-09-01"),
    ("25.02.2022, Sputnik International", "2022-02-25"),
    ("https://example.com/20220225/story.html", "2022-02-25"),
    ("10/28/2016 report", "2016-10-28"),
])
def test_formats(text: str, iso: str) -> None:
    assert publication_date(text) is not None
    assert publication_date(text).iso == iso  # type: ignore[union-attr]


def test_day_month_order_that_cannot_be_told_apart_is_marked() -> None:
    (d,) = find_dates("10-03-2016 Syrian Army Advances")
    assert d.iso == "2016-03-10" and d.ambiguous
    (d,) = find_dates("13-03-2016")
    assert not d.ambiguous


@pytest.mark.parametrize("text", [
    "© 2019 All rights reserved", "Copyright 2021 Example Media", "in May 2020, the ministry said",
    "since March 2011", "an SVR statement released on 13 February reads", "call +74956456601",
])
def test_no_full_date_no_publication_date(text: str) -> None:
    assert publication_date(text) is None


def test_published_cue_beats_update_and_order() -> None:
    d = publication_date("Updated 3 March 2020. Published 1 March 2020")
    assert d is not None and d.iso == "2020-03-01" and d.cue == "published"
    d = publication_date("Last updated at 5 May 2019")
    assert d is not None and d.cue == "updated"


def test_impossible_and_future_dates_are_ignored() -> None:
    assert find_dates("31 February 2020") == []
    assert find_dates("1 January 2099") == []


def _words(code: str) -> tuple[dict[str, int], tuple[str, ...], tuple[str, ...]]:
    from headwater.lang import ensure_languages, pack_for

    ensure_languages()
    pack = pack_for(code)
    assert pack is not None
    return pack.months(), pack.day_month_joiners(), pack.month_year_joiners()


@pytest.mark.parametrize(("code", "text", "iso"), [
    ("pt", "Publicado em 25 de abril de 2022, às 10h", "2022-04-25"),
    ("es", "Publicado el 20 de noviembre de 2021 en Madrid", "2021-11-20"),
    ("es", "Actualizado: 3 de marzo del 2020", "2020-03-03"),
])
def test_a_month_and_its_year_joined_by_the_languages_own_word(code: str, text: str, iso: str) -> None:
    d = publication_date(text, *_words(code))
    assert d is not None and d.iso == iso
    assert text[d.start:d.end].endswith(iso[:4])


@pytest.mark.parametrize(("code", "text"), [
    ("ru", "Встреча 25 февраля de 2022 отменена"),  # no Russian writes "de" before a year
    ("pt", "O acordo de 25 de abril del 2022 caiu"),  # "del" is Spanish, not Portuguese
])
def test_a_language_without_the_joiner_takes_none(code: str, text: str) -> None:
    assert find_dates(text, *_words(code)) == []
    months, joiners, year_joiners = _words(code)
    assert publication_date(text, months, joiners, year_joiners) is None


def test_the_pack_lists_its_month_year_joiners() -> None:
    assert _words("pt")[2] == ("de",) and _words("es")[2] == ("de", "del") and _words("ru")[2] == ()
