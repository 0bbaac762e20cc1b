"""Datelines as the publication date when nothing else dates an article (hand-written texts, no corpus)."""
from __future__ import annotations

import datetime as dt

import pytest

from headwater.extract import extract_article
from headwater.extract.datelines import find_dateline
from headwater.extract.language import LanguageDetector
from headwater.extract.outlets import OutletRegistry
from headwater.model import RawInput

RU_MONTHS = {"июля": 7, "июл": 7, "марта": 3, "march": 3, "july": 7}
WEEKDAYS = {"вторник": 1, "среду": 2, "monday": 0, "tuesday": 1}
TODAY = dt.date(2026, 12, 1)
BODY = ("Министр обороны провёл совещание с командующими, сообщили в ведомстве. Он обсудил поставки техники "
        "и подготовку резервистов к учениям, которые пройдут осенью в нескольких регионах страны.")


@pytest.mark.parametrize(("text", "iso", "how"), [
    ("МОСКВА, 3 июля 2024 — РИА Новости. " + BODY, "2024-07-03", "dateline"),
    ("МОСКВА, 3 июл - РИА Новости. " + BODY + " Об этом во вторник, 2 июля, сообщили в штабе. В 2023 году учения отменили.",
     "2024-07-03", "weekdays"),
    ("МОСКВА, 3 июля. /ТАСС/. " + BODY + " Об этом в среду, 3 июля 2024 года, сообщили в штабе.", "2024-07-03", "same day"),
    ("KYIV, March 3 (Reuters) - Officials met on Monday, March 3, as talks that began in 2024 stalled.",
     "2025-03-03", "weekdays"),
])
def test_a_dateline_dates_the_article_with_its_year_worked_out(text: str, iso: str, how: str) -> None:
    found = find_dateline(text, RU_MONTHS, WEEKDAYS, TODAY)
    assert found is not None and found.iso == iso and how in found.how


@pytest.mark.parametrize("text", [
    "МОСКВА, 3 июля — РИА Новости. " + BODY,  # no year stated anywhere: unknown, never a guess
    "МОСКВА, 3 июля — РИА Новости. " + BODY + " Во вторник, 2 июля, было тихо.",  # weekdays but no year to start from
    # the same day five years earlier, beside a later year: an anniversary, not the dateline's year
    "МОСКВА, 3 июля — РИА Новости. Ровно пять лет назад, 3 июля 2019 года, открыли мост; в 2024 году его закрыли.",
])
def test_a_dateline_without_a_year_the_text_fixes_dates_nothing(text: str) -> None:
    found = find_dateline(text, RU_MONTHS, WEEKDAYS, TODAY)
    assert found is not None and found.iso is None


@pytest.mark.parametrize("text", [
    "3 июля войска вошли в город, сообщили в штабе.",  # a sentence that begins with a date
    "Министр сказал, что МОСКВА, 3 июля — день переговоров.",  # not at the head of the text
    "В Москве 3 июля прошли переговоры - сообщили в штабе.",
])
def test_not_a_dateline(text: str) -> None:
    assert find_dateline(text, RU_MONTHS, WEEKDAYS, TODAY) is None


def test_extract_uses_a_dateline_only_when_nothing_else_dates_the_article() -> None:
    reg, det = OutletRegistry.load(), LanguageDetector()
    body = BODY + " Об этом во вторник, 2 июля, сообщили в пресс-службе. В 2023 году учения отменили."
    a = extract_article(RawInput("a.txt", "Учения у границы\n\nМОСКВА, 3 июл - РИА Новости. " + body, "text"), reg, det)
    assert (a.published, a.published_basis) == ("2024-07-03", "inferred")
    assert a.published_evidence is not None and "dateline" in a.published_evidence
    stated = extract_article(RawInput("b.json", "Учения у границы\n\nМОСКВА, 3 июл - РИА Новости. " + body, "text",
                                      {"published": "2024-07-05"}), reg, det)
    assert (stated.published, stated.published_basis) == ("2024-07-05", "explicit")
    bare = extract_article(RawInput("c.txt", "Учения у границы\n\nМОСКВА, 3 июля — РИА Новости. " + BODY, "text"), reg, det)
    assert bare.published is None and any("dateline" in n for n in bare.notes)
