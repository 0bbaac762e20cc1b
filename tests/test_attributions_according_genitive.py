"""Who "according to" names when no comma closes the source, in packs read without a parse: a body or a
role runs on through its genitives ("Министерството на отбраната на РФ", "um relatório da Organização
Internacional do Trabalho"), a person's name does not take what follows it. Sentences written for the test."""
from __future__ import annotations

import pytest

from headwater.resources import Resources
from tests.multilingual import attributions

CASES = [
    ("bg", "Според Министерството на отбраната на РФ украинските сили са се опитали да ударят Севастопол с ракети.",
     "Министерството на отбраната на РФ", "украинските сили"),
    ("bg", "Според губернатора на Севастопол Михаил Развожаев при атаката са загинали четирима души.",
     "губернатора на Севастопол Михаил Развожаев", "при атаката"),
    ("pt", "Segundo um relatório da Organização Internacional do Trabalho o desemprego subiu em toda a Europa.",
     "Organização Internacional do Trabalho", "o desemprego"),  # the report's author
    # a person's name, a role and its body, before a claim opening with a country: the country is the claim's
    ("bg", "Според Зеленски Украйна ще получи още ракети до края на годината.", "Зеленски", "Украйна ще"),
    ("bg", "Според министъра на отбраната Украйна ще получи още ракети до края на годината.",
     "министъра на отбраната", "Украйна ще"),
]


@pytest.mark.parametrize(("lang", "text", "source", "claim_start"), CASES)
def test_the_source_of_according_to_without_a_comma(resources: Resources, lang: str, text: str, source: str,
                                                     claim_start: str) -> None:
    found = [a for a in attributions(resources, lang, text) if a["sources"]]
    assert found, text
    a = found[0]
    said = [s.get("text") or s.get("name") for s in a["sources"]]
    assert any(source in str(s) for s in said), said
    assert a["claim"].startswith(claim_start), a["claim"]
