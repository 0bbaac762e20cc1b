"""General causes of places in countries nobody mentions (issue 18): ordinary words and names read
as towns, a namesake taken for the famous place. Sentences written for the purpose, both ways: the
word that is no place stays out, the same name where the text makes it a place is found."""
from __future__ import annotations

from typing import Any

import pytest

from headwater.enrich.places.cues import patterns, prepositions
from headwater.enrich.places.resolve import find_places
from headwater.resources import Resources

Found = list[dict[str, Any]]


def english(resources: Resources, text: str) -> Found:
    places, metonyms, _ = find_places(text, resources.nlp(text), resources.gazetteer, None)
    return places + metonyms


def other(resources: Resources, code: str, text: str) -> Found:
    places, metonyms, _ = find_places(text, resources.parser(code)(text), resources.gazetteer, None)
    return places + metonyms


def at(found: Found, text: str, surface: str, nth: int = 0) -> dict[str, Any] | None:
    """The place found at the ``nth`` occurrence of ``surface`` in ``text`` (None: no place there)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return next((p for p in found if p["start"] == start), None)


@pytest.mark.parametrize(("before", "cue"), [
    ("according to ", False), ("According to the ", False), ("due to ", False), ("thanks to ", False),
    ("flew to ", True), ("from Kyiv to ", True), ("in ", True),
])
def test_phrases_ending_in_to_are_no_place_cue(before: str, cue: bool) -> None:
    assert patterns()[0].search(before) is cue
    assert (prepositions().search(before) is not None) is cue


def test_a_surname_after_according_to_is_no_town(resources: Resources) -> None:
    text = "Rep. James Comer said the FBI had refused. According to Comer, the informant could not be reached."
    found = english(resources, text)
    assert at(found, text, "Comer", 1) is None
    text = "The floods reached Comer, Georgia, on Sunday."
    place = at(english(resources, text), text, "Comer")
    assert place is not None and (place["country"], place["admin1"]) == ("US", "Georgia")


def test_federal_alone_is_no_federal_district(resources: Resources) -> None:
    text = "The department's Federal Insurance Office is proposing a rule, and the Federal Reserve agreed."
    assert at(english(resources, text), text, "Federal") is None
    text = "Brasília lies in the Federal District of Brazil."
    place = at(english(resources, text), text, "Federal District")
    assert place is not None and place["country"] == "BR"


def test_earth_is_the_planet() -> None:
    from headwater.enrich.places.candidates import NEVER_KEYS
    assert "earth" in NEVER_KEYS


def test_no_earth_texas_in_the_atmosphere(resources: Resources) -> None:
    text = "The scientists said carbon dioxide in Earth's atmosphere is already saturated."
    assert at(english(resources, text), text, "Earth") is None


def test_gaza_is_the_strip_unless_the_text_says_mozambique(resources: Resources) -> None:
    text = "Israel sent its forces into Gaza, and civilians were killed in Gaza."
    place = at(english(resources, text), text, "Gaza")
    assert place is not None and place["country"] == "PS"
    text = "Floods hit Gaza province in southern Mozambique, the government said."
    place = at(english(resources, text), text, "Gaza")
    assert place is not None and place["country"] == "MZ"


def test_a_capital_by_another_name_puts_no_namesake_in_its_country(resources: Resources) -> None:
    # "Londres" (London) is a capital: it says who acts, not where the story is, so Washington is
    # not the town in England
    text = "Foi a manifestação do confronto entre Londres e Washington, disse o analista em Kiev."
    place = at(other(resources, "pt", text), text, "Washington")
    assert place is None or place["country"] == "US"
    text = "A Nissan tem fábricas em Sunderland e em Washington, perto de Newcastle upon Tyne."
    place = at(other(resources, "pt", text), text, "Washington")
    assert place is not None and place["country"] == "GB"


def test_a_state_named_after_an_old_name_of_its_city(resources: Resources) -> None:
    # GeoNames lists "Rio Grande do Sul" as an old name of the city of Rio Grande: the state all the same
    text = "No Brasil, as cheias no Rio Grande do Sul destruíram cidades inteiras."
    place = at(other(resources, "pt", text), text, "Rio Grande do Sul")
    assert place is not None and place["kind"] == "admin_region" and place["country"] == "BR"
    text = "O navio chegou ao porto da cidade de Rio Grande, no Brasil."
    place = at(other(resources, "pt", text), text, "Rio Grande")
    assert place is not None and place["kind"] == "city"


def test_function_words_and_ordinary_words_opening_a_sentence(resources: Resources) -> None:
    # "Para" (for) is also the state of Pará; "Embora" (although) a spelling close to Edinburgh's
    text = ("O Brasil e o Reino Unido discordam. Para a representante do ministério, nada mudou. "
            "Embora exageradas, as obras chamam a atenção.")
    found = other(resources, "pt", text)
    assert at(found, text, "Para") is None and at(found, text, "Embora") is None
    assert at(found, text, "Brasil") is not None
    # ...while a region's spelling variant stands ("Crimeia", Crimea), whatever the parse lacks
    text = "As tropas da Ucrânia atacaram Kherson e a Crimeia. Embora exageradas, as notícias chegaram a Kiev."
    found = other(resources, "pt", text)
    assert at(found, text, "Embora") is None
    place = at(found, text, "Crimeia")
    assert place is not None and place["country"] == "UA"
    text = "As chuvas atingiram o estado do Pará, no Brasil."
    place = at(other(resources, "pt", text), text, "Pará")
    assert place is not None and place["country"] == "BR"


def test_hindi_kind_words_and_bare_words_are_no_towns(resources: Resources) -> None:
    # सागर (sea) in "दक्षिण चीन सागर" (South China Sea) is no Sagar; रहती (lives) no Rehti; Siliguri,
    # followed by the postposition में (in), is Siliguri
    text = "कोलकाता और सिलीगुड़ी में वह रहती है। दक्षिण चीन सागर में चीन की आक्रामकता बढ़ी।"
    found = other(resources, "hi", text)
    assert at(found, text, "सागर") is None and at(found, text, "रहती") is None
    place = at(found, text, "सिलीगुड़ी")
    assert place is not None and place["country"] == "IN"
    assert at(found, text, "चीन") is not None


def test_a_name_going_on_places_no_brand_elsewhere(resources: Resources) -> None:
    # "the Nord Stream explosions" (labelled GPE) does not make "Nord" a place of the article for
    # "Nord Stream gas pipelines" (labelled ORG) to be in
    text = ("Russia asked for an investigation into Nord Stream gas pipelines explosions. The Nord Stream "
            "explosions were reported in September. Seymour Hersh wrote about the Nord Stream pipelines.")
    assert not [p for p in english(resources, text) if p["surface"] == "Nord"]
    text = "Floods hit the Nord region of Burkina Faso, the government in Ouagadougou said."
    place = at(english(resources, text), text, "Nord")
    assert place is not None and place["country"] == "BF"


def test_indias_states_by_their_hindi_names(resources: Resources) -> None:
    # GeoNames gives the states English names only: पश्चिम बंगाल is West Bengal, not missed; पंजाब in
    # Hindi news is India's Punjab, not a village of Afghanistan called so
    text = "ये सवाल पश्चिम बंगाल के लोगों ने पूछा। बिहार और पंजाब में बाढ़ आई।"
    found = other(resources, "hi", text)
    for surface, name in (("पश्चिम बंगाल", "West Bengal"), ("बिहार", "Bihar"), ("पंजाब", "Punjab")):
        place = at(found, text, surface)
        assert place is not None and (place["country"], place["name"], place["kind"]) == ("IN", name, "admin_region")


def test_a_name_the_parser_ran_on_past_a_preposition_of_place_leaves_the_place(resources: Resources) -> None:
    # the parser made one ORG of "the Russian Armed Forces to Kyiv"; the place after "to" is still a place
    text = "Analysts recalled the rapid advance of the Russian Armed Forces to Kyiv in the first weeks."
    kyiv = at(english(resources, text), text, "Kyiv")
    assert kyiv is not None and kyiv["country"] == "UA"
