"""Names of one article that lie next to each other (issue 18): of a town's and a county's many
namesakes, the readings near each other are the ones the article is about. Sentences written for
the purpose, both ways: the same town beside one county or another lands beside that county."""
from __future__ import annotations

import pytest

from headwater.enrich.places.nearby import Nearby
from headwater.enrich.places.place import Place
from headwater.resources import Resources
from tests.test_places_causes import at, english


def town(name: str, lat: float, lon: float, kind: str = "city", admin1: str = "Texas") -> Place:
    return Place(f"t:{name}:{lat}", name, lat, lon, kind, "US", admin1, 10_000, "geonames")


def test_a_reading_near_another_names_reading_is_supported() -> None:
    near = Nearby()
    near.add("walker county", [town("Walker County", 30.72, -95.55, "admin_region"),
                               town("Walker County", 33.83, -87.27, "admin_region", "Alabama")])
    texas, alabama = town("Huntsville", 30.72, -95.55), town("Huntsville", 34.73, -86.59, admin1="Alabama")
    near.add("huntsville", [texas, alabama])
    support, neighbour = near.support("huntsville", texas)
    assert support == pytest.approx(1 / 2 ** 0.5) and neighbour == "Walker County"  # two readings: 1/sqrt(2)
    assert near.support("huntsville", alabama) == (0.0, None)  # 120 km from Walker County, Alabama


def test_a_name_is_no_neighbour_of_itself_nor_are_countries_and_states() -> None:
    near = Nearby()
    state = Place("adm1:US.TX", "Texas", 31.0, -100.0, "admin_region", "US", "Texas", 0, "geonames")
    near.add("texas", [state])
    near.add("ozona", [town("Ozona", 31.0, -100.0)])
    assert near.support("ozona", town("Ozona", 31.0, -100.0)) == (0.0, None)  # a state's point is its middle
    assert near.support("texas", state) == (0.0, None)


@pytest.mark.parametrize(("county", "state"), [("Walker County", "Texas"), ("Madison County", "Alabama")])
def test_a_town_lands_beside_the_county_named_with_it(resources: Resources, county: str, state: str) -> None:
    text = f"A barn fire near Huntsville was put out on Tuesday, {county} deputies said."
    found = english(resources, text)
    for name in ("Huntsville", county):
        place = at(found, text, name)
        assert place is not None and (place["country"], place["admin1"]) == ("US", state)
    assert any("near" in e for e in at(found, text, "Huntsville")["evidence"])  # type: ignore[index]


@pytest.mark.parametrize(("county", "state"), [("DeKalb County", "Georgia"), ("Macon County", "Illinois")])
def test_decatur_with_its_county(resources: Resources, county: str, state: str) -> None:
    text = f"Crews from Decatur cleared {county} roads after the storm."
    place = at(english(resources, text), text, "Decatur")
    assert place is not None and place["admin1"] == state


def test_a_world_city_is_not_pulled_by_a_namesake_neighbour(resources: Resources) -> None:
    # Paris, Tennessee lies in Henry County, Tennessee; a lone "Henry County" (ten states have one)
    # is not evidence enough against the capital
    text = "Tourists from Paris visited the Henry County museum."
    place = at(english(resources, text), text, "Paris")
    assert place is not None and place["country"] == "FR"


@pytest.mark.parametrize("text", [
    "All residents of Paris and Henry County will receive a letter from the rescue squad.",
    "Volunteers of the Paris-Henry County Rescue Squad answered the call.",
])
def test_a_town_listed_or_joined_with_a_county_lies_beside_it(resources: Resources, text: str) -> None:
    # named together with the county ("and", a hyphen), Paris is the town in it: Paris, Tennessee
    place = at(english(resources, text), text, "Paris")
    assert place is not None and (place["country"], place["admin1"]) == ("US", "Tennessee")


def test_world_cities_listed_together_stay_world_cities(resources: Resources) -> None:
    text = "Ministers from Paris and Berlin met in Brussels on Monday."
    found = english(resources, text)
    assert [at(found, text, n)["country"] for n in ("Paris", "Berlin")] == ["FR", "DE"]  # type: ignore[index]


def test_list_partners_count_fully_whatever_their_readings() -> None:
    near = Nearby()
    counties = [town("Henry County", 36.33, -88.30, "admin_region", "Tennessee"),
                town("Henry County", 32.47, -84.12, "admin_region", "Georgia"),
                town("Henry County", 38.59, -85.13, "admin_region", "Kentucky"),
                town("Henry County", 31.52, -85.24, "admin_region", "Alabama")]
    near.add("henry kunty", counties)
    paris = town("Paris", 36.30, -88.33, admin1="Tennessee")
    near.add("paris", [paris])
    assert near.support("paris", paris)[0] == pytest.approx(0.5)  # four readings: 1/sqrt(4)
    assert near.support("paris", paris, frozenset({"henry kunty"}))[0] == pytest.approx(1.0)
