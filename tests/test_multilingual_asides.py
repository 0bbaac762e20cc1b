"""A place or a time set off by commas between a speaker and its verb keeps the attribution, in the packs
read without a parse (sentences written for these tests, not taken from any corpus)."""
from __future__ import annotations

import pytest

from headwater.resources import Resources
from tests.multilingual import attributions


def _sourced(resources: Resources, lang: str, text: str) -> list[tuple[list[str], str]]:
    return [([s["text"] for s in at["sources"]], at["claim"]) for at in attributions(resources, lang, text)
            if at["sources"]]


@pytest.mark.parametrize(("lang", "text", "speaker", "claim"), [
    ("pt", "O ministro, em Lisboa, disse que as obras vão começar em março.", "ministro", "as obras vão começar em março"),
    ("pt", "O ministro João Costa, na segunda-feira, afirmou que o défice vai cair.", "ministro João Costa",
     "o défice vai cair"),
    ("es", "El ministro, en Madrid, dijo que las obras empezarán en marzo.", "ministro",
     "las obras empezarán en marzo"),
    ("fr", "Le ministre, à Paris, a déclaré que les travaux commenceront en mars.", "ministre",
     "les travaux commenceront en mars"),
    ("bg", "Министърът, на среща в София, заяви, че ремонтът ще започне през март.", "Министърът",
     "ремонтът ще започне през март"),
], ids=["pt-place", "pt-time", "es-place", "fr-place", "bg-place"])
def test_a_place_or_time_aside_keeps_the_speaker(resources: Resources, lang: str, text: str, speaker: str,
                                                 claim: str) -> None:
    assert _sourced(resources, lang, text) == [([speaker], claim)]


def test_an_apposition_between_commas_is_still_the_speakers(resources: Resources) -> None:
    """A role set off by commas is the speaker's apposition, not an aside: the name and the role are read together."""
    ((src, claim),) = _sourced(resources, "pt", "Costa, a ministra da Saúde, disse que o hospital abre em maio.")
    assert src == ["Costa, a ministra da Saúde"]
    assert claim == "o hospital abre em maio"


def test_an_aside_of_the_claim_leaves_the_speaker_after_the_verb(resources: Resources) -> None:
    """"…, em fevereiro de 2022, disse Gladkov": the aside ends the claim; the speaker follows the verb."""
    ((src, claim),) = _sourced(resources, "pt", "Mais de 200 casas foram destruídas na região desde o início da "
                                                "guerra, em fevereiro de 2022, disse Gladkov à agência Tass.")
    assert src[-1] == "Gladkov"
    assert claim.endswith("em fevereiro de 2022")


def test_a_clause_joined_on_before_an_aside_is_no_speaker(resources: Resources) -> None:
    """"A Rússia anexou … e, desde 2022, acrescentou à lista …": added, not said; the words before are a clause."""
    assert _sourced(resources, "pt", "A Rússia anexou a península em 2014 e, desde a invasão de 2022, "
                                     "acrescentou à lista as regiões de Donetsk e Lugansk.") == []


def test_an_apposition_before_an_aside_keeps_the_name_and_role(resources: Resources) -> None:
    ((src, claim),) = _sourced(resources, "pt", "Karsten Weber, cientista da Universidade de Leipzig, na Alemanha, "
                                                "disse que o recorde foi batido.")
    assert src == ["Karsten Weber, cientista da Universidade de Leipzig"]
    assert claim == "o recorde foi batido"
