"""Footing (issue 18): no place in a country that neither the article nor its outlet mentions, unless
the text names the place with its region. Sentences written for the purpose, both ways: the obscure
namesake where the text gives it ground, the prominent place where it does not; and the rule itself
on made-up readings, where nothing but footing and prominence differ."""
from __future__ import annotations

from typing import Any

import pytest

from headwater.enrich.places.candidates import Mention
from headwater.enrich.places.footing import founded
from headwater.enrich.places.gazetteer import Place
from headwater.enrich.places.resolve import _Context, find_places
from headwater.enrich.places.translit import fold
from headwater.resources import Resources

Found = list[dict[str, Any]]


def places_of(resources: Resources, text: str, outlet: str | None = None) -> Found:
    places, metonyms, _ = find_places(text, resources.nlp(text), resources.gazetteer, None, outlet)
    return places + metonyms


def town(name: str, country: str, admin1: str, population: int, names: int) -> Place:
    return Place(f"gn:{name}-{country}", name, 0.0, 0.0, "city", country, admin1, population, "geonames", None, names)


# Two readings of one made-up name: a prominent one in country AA, a small namesake in BB that
# the text has favoured (cue words, a parser label), so that it scores higher.
BIG = town("Norwick", "AA", "North", 900_000, 80)
SMALL = town("Norwick", "BB", "Upland", 4_000, 12)
SCORED = [(3.5, SMALL.population, SMALL), (3.0, BIG.population, BIG)]


def mention(*readings: Place) -> Mention:
    return Mention(0, 7, "Norwick", fold("Norwick"), True, list(readings))


def test_a_namesake_without_footing_gives_way_to_the_prominent_reading() -> None:
    kept, notes = founded(mention(BIG, SMALL), SCORED, _Context(), "")
    assert [p for _, _, p in kept] == [BIG]
    assert any("set aside" in n for n in notes)


@pytest.mark.parametrize("ground", ["named", "placed", "outlet"])
def test_a_namesake_with_footing_keeps_its_lead(ground: str) -> None:
    context = _Context()
    if ground == "named":
        context.named.add("BB")  # the text names country BB (or its people)
    elif ground == "placed":
        context.add("elsewhere", "BB", None)  # another name of the article lies in BB
    else:
        context.outlet = "BB"
    kept, notes = founded(mention(BIG, SMALL), SCORED, context, "")
    assert kept[0][2] is SMALL and not notes


def test_no_reading_is_safe_between_two_villages_without_footing() -> None:
    # the text favours the smaller village; the larger one is no clear favourite either: neither
    other = town("Norwick", "CC", "Lowland", 3_500, 11)
    kept, notes = founded(mention(SMALL, other), [(3.5, other.population, other), (3.2, SMALL.population, SMALL)],
                          _Context(), "")
    assert kept == [] and notes
    # ...but where the text puts the article in the smaller one's country, it stands
    context = _Context()
    context.named.add("CC")
    kept, _ = founded(mention(SMALL, other), [(3.5, other.population, other), (3.2, SMALL.population, SMALL)],
                      context, "")
    assert kept[0][2] is other


@pytest.mark.parametrize(("text", "surface", "country", "admin1"), [
    ("Protesters in Toledo, Ohio, demanded lower rents on Saturday.", "Toledo", "US", "Ohio"),
    ("The bakery in Paris, Tennessee, reopened on Friday after the strike.", "Paris", "US", "Tennessee"),
    ("Flooding closed roads around Vienna, Virginia, on Monday.", "Vienna", "US", "Virginia"),
    ("Ministers met in Kiev on Tuesday.", "Kiev", "UA", None),  # another name of Kyiv, marked as a place
])
def test_the_text_gives_the_reading_its_ground(resources: Resources, text: str, surface: str, country: str,
                                               admin1: str | None) -> None:
    found = {p["surface"]: p for p in places_of(resources, text)}
    assert found[surface]["country"] == country
    if admin1:
        assert found[surface]["admin1"] == admin1


@pytest.mark.parametrize(("text", "surface", "country"), [
    ("The bakery in Paris reopened on Friday after the strike.", "Paris", "FR"),
    ("Flooding closed roads around Vienna on Monday.", "Vienna", "AT"),
])
def test_without_ground_the_famous_place(resources: Resources, text: str, surface: str, country: str) -> None:
    found = {p["surface"]: p for p in places_of(resources, text)}
    assert found[surface]["country"] == country


@pytest.mark.parametrize(("text", "surface", "far"), [
    ("Listeners of the Room podcast heard the minister on Sunday.", "Room", "IT"),  # Rome's name in some languages
    ("Salem residents voted on the new school.", "Salem", "IL"),  # one of Jerusalem's many names
])
def test_a_word_that_is_only_another_name_of_a_far_city_is_not_that_city(resources: Resources, text: str,
                                                                         surface: str, far: str) -> None:
    assert all(p["country"] != far for p in places_of(resources, text) if p["surface"] == surface)
