"""How news writes places (issue 18): lists of names, "X province", datelines in capitals, generic
words. Sentences written for the purpose, both ways."""
from __future__ import annotations

from headwater.resources import Resources
from tests.test_places_causes import at, english


def test_a_list_of_countries_is_a_list_of_places(resources: Resources) -> None:
    text = "Cases were reported in Zambia, Malawi, and Mozambique."
    found = english(resources, text)
    assert [p["country"] for p in found] == ["ZM", "MW", "MZ"]


def test_a_person_in_a_list_of_people_stays_a_person(resources: Resources) -> None:
    text = "He spoke with Smith, Jackson and Lincoln about the plan."
    assert english(resources, text) == []


def test_province_after_a_name_is_no_part_of_it(resources: Resources) -> None:
    text = "The virus spread through Jiangsu province last week."
    place = at(english(resources, text), text, "Jiangsu")
    assert place is not None and place["surface"] == "Jiangsu" and place["kind"] == "admin_region"
    # a capitalised division word is part of the name as written
    text = "The virus spread through Akita Prefecture last week."
    place = at(english(resources, text), text, "Akita Prefecture")
    assert place is not None and place["surface"] == "Akita Prefecture"


def test_a_dateline_in_capitals_is_a_place(resources: Resources) -> None:
    text = "Budget talks go on. TORRINGTON — The council voted on the budget."
    place = at(english(resources, text), text, "TORRINGTON")
    assert place is not None and place["admin1"] == "Connecticut"
    assert any(e.startswith("dateline") for e in place["evidence"])
    text = "By a staff reporter March 30, 2009 TORRINGTON -- The council voted on the budget."
    place = at(english(resources, text), text, "TORRINGTON")
    assert place is not None and any(e.startswith("dateline") for e in place["evidence"])
    # capitals inside a sentence make no dateline
    text = "The council voted on the budget at TORRINGTON HIGH."
    place = at(english(resources, text), text, "TORRINGTON")
    assert place is None or not any(e.startswith("dateline") for e in place["evidence"])


def test_the_city_is_no_village(resources: Resources) -> None:
    text = "The City Council voted on the budget on Tuesday."
    assert english(resources, text) == []


def test_a_divisions_offices_name_the_division(resources: Resources) -> None:
    text = "New York Governor Andrew Cuomo declared an emergency."
    place = at(english(resources, text), text, "New York")
    assert place is not None and place["kind"] == "admin_region"
    text = "The case was found in the state of Washington."
    place = at(english(resources, text), text, "Washington")
    assert place is not None and place["kind"] == "admin_region"
    # ...and without them the city
    text = "The flu reached New York last week."
    place = at(english(resources, text), text, "New York")
    assert place is not None and place["kind"] == "city"
    text = "Georgia's border with Russia was closed."
    place = at(english(resources, text), text, "Georgia")
    assert place is not None and place["kind"] == "country"


def test_a_countrys_name_is_the_country_unless_the_text_makes_it_a_town(resources: Resources) -> None:
    text = "Protesters marched in Alabama and Tennessee on Sunday; in Egypt the curfew held."
    place = at(english(resources, text), text, "Egypt")
    assert place is not None and place["kind"] == "country" and place["country"] == "EG"
    text = "The fire in Russia, Ohio, destroyed a barn."
    place = at(english(resources, text), text, "Russia")
    assert place is not None and (place["country"], place["admin1"]) == ("US", "Ohio")
    text = "Police say a Lebanon woman was arrested in Boone County."
    place = at(english(resources, text), text, "Lebanon")
    assert place is not None and place["country"] == "US"


def test_a_lists_names_are_of_one_level(resources: Resources) -> None:
    text = "Cases were confirmed in Alberta, New Brunswick, and Quebec."
    place = at(english(resources, text), text, "Quebec")
    assert place is not None and place["kind"] == "admin_region"
    text = "Travellers should be cautious in Armenia, Azerbaijan, Georgia, Iraq, Iran, and Syria."
    place = at(english(resources, text), text, "Iraq")
    assert place is not None and place["kind"] == "country" and place["country"] == "IQ"
    # ...while a town named with its region stays that town, list or not
    text = "He grew up in Athens, Texas, and Dallas."
    place = at(english(resources, text), text, "Athens")
    assert place is not None and (place["country"], place["admin1"]) == ("US", "Texas")
    text = "The flu reached Quebec last week."
    place = at(english(resources, text), text, "Quebec")
    assert place is not None and place["kind"] == "city"


def test_a_state_abbreviation_before_a_word_in_lower_case(resources: Resources) -> None:
    text = "Western Mass. stargazers gathered on Friday, and W.Va. lawmakers met."
    found = english(resources, text)
    assert [(p["surface"], p["admin1"]) for p in found] == [("Mass.", "Massachusetts"), ("W.Va.", "West Virginia")]
    text = "He went to Mass. on Sunday."
    place = at(english(resources, text), text, "Mass")
    assert place is None or place["admin1"] != "Massachusetts"


def test_a_kind_of_place_named_with_it_outweighs_the_parsers_label(resources: Resources) -> None:
    text = "A tsunami hit the Indonesian island of Java on Monday."
    place = at(english(resources, text), text, "Java")
    assert place is not None and place["country"] == "ID"
    text = "Java developers met on Monday."
    assert at(english(resources, text), text, "Java") is None


def test_a_kind_word_ending_the_sentence_before_is_no_cue() -> None:
    from headwater.enrich.places.cues import patterns

    assert patterns()[0].search("damage to the environment of the entire region.\n\n") is False
    assert patterns()[0].search("провинция ") is True  # (a pack's kind word right before the name)


def test_a_cyrillic_acronym_is_no_town(resources: Resources) -> None:
    from tests.test_places_causes import other

    text = "Глава российского МИД заявил, что США и ЕС ошибаются."
    assert [p["surface"] for p in other(resources, "ru", text)] == ["США", "ЕС"]
    text = "Делегация прибыла в РИМ в понедельник."  # a capital written in capitals stays
    assert [p["name"] for p in other(resources, "ru", text)] == ["Rome"]
