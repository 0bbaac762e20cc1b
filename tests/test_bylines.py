"""Bylines: the author where the page or the text states one, null where none is stated."""
from __future__ import annotations

import pytest

from headwater.extract import extract_article
from headwater.extract.bylines import byline_from_text, clean_author
from headwater.extract.outlets import OutletRegistry
from headwater.model import RawInput

BODY = ("Fighters moved out of the camp on Monday, local officials said, adding that the convoy was escorted. "
        "The officials said the transfer had been planned for weeks and that more would follow soon.")


@pytest.mark.parametrize(("text", "author"), [
    ("Convoy leaves camp\nBy Jane Doe, Reuters\n" + BODY, "Jane Doe"),
    ("Convoy leaves camp\nBY JOHN SMITH in Beirut\n" + BODY, "JOHN SMITH"),
    ("Convoy leaves camp\nBy Ahmed al-Khatib and Maria de la Cruz | 3 May 2022\n" + BODY,
     "Ahmed al-Khatib; Maria de la Cruz"),
    ("Convoy leaves camp\nBy the time the convoy reached the border, it was dark.\n" + BODY, None),
    ("Convoy leaves camp\n" + BODY, None),
    ("Convoy leaves camp\n" + "\n".join(["A line of prose that is not a byline at all."] * 14) + "\nBy Jane Doe\n", None),
])
def test_byline_from_text(text: str, author: str | None) -> None:
    assert byline_from_text(text) == author


@pytest.mark.parametrize(("value", "author"), [
    ("Jane Doe; John Roe", "Jane Doe; John Roe"), ("By Jane Doe", "Jane Doe"), ("Текст Венера Ерофеева", "Текст Венера Ерофеева"),
    ("The Russian; Syrian defense ministries", None), ("The Water Coolest", "The Water Coolest"),
    ("By The Associated Press", "The Associated Press"), ("the staff", None), ("https://example.org/staff/jd", None),
    (None, None), ("", None),
])
def test_clean_author(value: str | None, author: str | None) -> None:
    assert clean_author(value) == author


def test_author_in_the_article(registry: OutletRegistry) -> None:
    html = ("<html><head><title>Convoy leaves camp</title><meta name='author' content='Jane Doe'></head><body><article>"
            f"<h1>Convoy leaves camp</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>")
    assert extract_article(RawInput("a.html", html, "html"), registry).author == "Jane Doe"
    plain = extract_article(RawInput("a.txt", "Convoy leaves camp\nBy Jane Doe\n\n" + BODY, "text"), registry)
    assert plain.author == "Jane Doe" and "Jane Doe" not in plain.text[:20]
    assert extract_article(RawInput("b.txt", "Convoy leaves camp\n\n" + BODY, "text"), registry).author is None
