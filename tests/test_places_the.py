"""English gives a town's name no article: a name written with "the" before it that ends its phrase
("served in the Rada for 22 years") is a body's or a building's, not the namesake town's (issue 18:
non-places stay out). Sentences written for the purpose, with the same names where they are towns."""
from __future__ import annotations

import pytest

from headwater.resources import Resources
from tests.test_places_causes import at, english


@pytest.mark.parametrize(("text", "surface"), [
    ("A veteran Ukrainian politician, he served in the Rada for 22 years before he retired.", "Rada"),
    ("Opposition deputies walked out of the Rada, which then voted on the budget.", "Rada"),
])
def test_a_name_with_the_is_no_town(resources: Resources, text: str, surface: str) -> None:
    place = at(english(resources, text), text, surface)
    assert place is None or place["kind"] != "city"


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("Tribal leaders met in Rada'a for two days of talks on a truce in central Yemen.", "Rada'a", "Rada'a"),
    ("The judges of the court in the Hague, which hears cases between states, ruled on Friday.", "Hague", "The Hague"),
    ("Critics of the Moscow government say the law silences the press.", "Moscow", "Moscow"),
    ("He has lived in Paris for 22 years.", "Paris", "Paris"),
])
def test_towns_keep_their_reading(resources: Resources, text: str, surface: str, name: str) -> None:
    place = at(english(resources, text), text, surface)
    assert place is not None and place["name"] == name


def test_and_may_join_the_name_to_another_modifier(resources: Resources) -> None:
    # "the Gaston and Swansea area schools": "and" ends no phrase, the towns stay towns
    text = "Enrollment fell by 100 students in the Gaston and Swansea area schools, the district in Lexington County said."
    place = at(english(resources, text), text, "Gaston")
    assert place is not None and place["kind"] == "city"


@pytest.mark.parametrize(("text", "surface"), [
    ("He spoke to interfaith leaders at the Saint Peter’s High School of the diocese on Friday.", "Saint Peter"),
    ("The injured were taken to St Mary's Hospital in the city centre.", "St Mary"),
])
def test_a_name_owning_an_institution_is_no_place(resources: Resources, text: str, surface: str) -> None:
    # "Saint Peter's High School": the school's name, not Saint Peter, Antigua
    assert at(english(resources, text), text, surface) is None

