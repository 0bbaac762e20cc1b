"""A registered news outlet the article quotes or tells is no place, in any language: "disse à Lusa" is not
Lousã, "told Petra" not the ruins in Jordan. The places step reads the outlets the attribution step found
(typed by the outlet registry). Sentences written for these tests."""
from __future__ import annotations

import pytest

from headwater.enrich.builtin import ATTRIBUTIONS, PLACES, outlets_told
from headwater.enrich.registry import Context
from headwater.model import Article
from headwater.resources import Resources


def places_of(text: str, language: str, resources: Resources) -> list[str]:
    article = Article(source="t.txt", text=text, language=language)
    ctx = Context(article, resources)
    for step in (ATTRIBUTIONS, PLACES):
        step.run(ctx)
    return [p["surface"] for p in article.places or []]


@pytest.mark.parametrize(("language", "text", "outlet", "kept"), [
    ("pt", 'O fogo chegou a Lisboa. "A situação é grave", disse à Lusa o comandante dos bombeiros de Coimbra.',
     "Lusa", ["Lisboa", "Coimbra"]),
    ("en", "Fires burned across Portugal and near Lisbon on Sunday. The blaze was under control, a fire chief "
           "told Lusa.", "Lusa", ["Portugal", "Lisbon"]),
    ("pt", 'O fogo chegou a Lisboa. O comandante dos bombeiros de Coimbra, em declarações à Lusa, disse que "a '
           'situação é grave".', "Lusa", ["Lisboa", "Coimbra"]),
    ("pt", 'O fogo chegou a Lisboa. Ouvido pela Lusa, o comandante dos bombeiros de Coimbra disse que a situação '
           'é grave.', "Lusa", ["Lisboa", "Coimbra"]),
    ("en", "Syria reopened its border with Jordan. The governor told Petra that trucks were crossing.", "Petra",
     ["Syria", "Jordan"]),
])
def test_an_outlet_told_is_no_place(language: str, text: str, outlet: str, kept: list[str],
                                    resources: Resources) -> None:
    found = places_of(text, language, resources)
    assert outlet not in found
    assert all(k in found for k in kept)  # the places the article names stay


def test_only_outlets_the_registry_typed_count() -> None:
    attributions = [{"sources": [{"text": "Lusa", "typed_by": "outlet:lusa"},
                                 {"text": "Coimbra", "typed_by": None, "kind": "person"}]},
                    {"sources": [{"text": "the mayor of Lousã", "typed_by": "role:mayor"}]}]
    assert outlets_told(attributions) == frozenset({"Lusa"})


@pytest.mark.parametrize(("language", "text", "speaker", "kept"), [
    ("pt", 'As tropas chegaram a Kiev. "Não há nada para esclarecer", afirmou Peskov aos jornalistas em Moscovo.',
     "Peskov", ["Kiev", "Moscovo"]),
    ("ru", "Войска вошли в Харьков. По словам Пескова, в Москве ждут ответа от Вашингтона.",
     "Пескова", ["Харьков", "Москве"]),
])
def test_a_person_speaking_is_no_place(language: str, text: str, speaker: str, kept: list[str],
                                       resources: Resources) -> None:
    # Putin's spokesman was read as Pskov by the spelling of his name
    found = places_of(text, language, resources)
    assert speaker not in found
    assert all(k in found for k in kept)


def test_people_speaking_are_named_as_written_with_their_surnames() -> None:
    from headwater.enrich.builtin import people_speaking

    attributions = [{"sources": [{"text": "Дмитрий Песков", "kind": "person"}]},
                    {"sources": [{"text": "he", "kind": "person", "inferred": True}]},
                    {"sources": [{"text": "Jordan", "kind": "government"}]}]
    assert people_speaking(attributions) == frozenset({"Дмитрий Песков", "Песков"})
    # in English a full name and its surname only: no role, no dateline taken for a speaker, no one word
    english = [{"sources": [{"text": t, "kind": "person"}]} for t in ("Sir Richard Kemp", "the Briton", "NUSA DUA",
                                                                        "Chad", "Mr. Peskov")]
    assert people_speaking(english, single=False) == frozenset({"Sir Richard Kemp", "Kemp", "Mr. Peskov", "Peskov"})
