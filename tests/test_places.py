"""Places: detection, disambiguation, metonymy and offsets on sentences written for the purpose.

They run the real spaCy pipeline and gazetteer (the shared ``resources`` fixture loads them once).
"""
from __future__ import annotations

from typing import Any

import pytest

from headwater.enrich.places.resolve import find_places
from headwater.resources import Resources

Found = list[dict[str, Any]]


def parse(resources: Resources, text: str, title: str | None = None) -> tuple[Found, Found, dict[str, Any] | None]:
    return find_places(text, resources.nlp(text), resources.gazetteer, title)


def by_surface(found: Found) -> dict[str, dict[str, Any]]:
    return {p["surface"]: p for p in found}


def test_transliteration_variants_resolve_to_one_place(resources: Resources) -> None:
    text = ("US forces at At-Tanf in eastern Syria trained the fighters. A convoy left al-Tanf on Monday, "
            "and residents near Et-Tanf said the garrison was reinforced.")
    places, _, _ = parse(resources, text)
    found = by_surface(places)
    assert {"At-Tanf", "al-Tanf", "Et-Tanf"} <= set(found)
    assert len({found[s]["place_id"] for s in ("At-Tanf", "al-Tanf", "Et-Tanf")}) == 1
    assert found["Et-Tanf"]["country"] == "SY"


def test_person_name_is_not_a_place(resources: Resources) -> None:
    text = "Hassan al-Wali, a commander in Deir ez-Zor, said the convoy had left the city of Al-Hasakah."
    places, metonyms, _ = parse(resources, text)
    surfaces = {p["surface"] for p in places + metonyms}
    assert not any("Wali" in s for s in surfaces)
    assert "Al-Hasakah" in surfaces


def test_capital_acting_is_a_metonym(resources: Resources) -> None:
    text = "Damascus has requested an urgent meeting of the Security Council after the strikes near Homs."
    places, metonyms, _ = parse(resources, text)
    assert [m["surface"] for m in metonyms] == ["Damascus"]
    assert "Homs" in {p["surface"] for p in places}


def test_province_of_x_picks_the_province(resources: Resources) -> None:
    text = "Fighting spread across the province of Homs. In Homs itself the markets stayed open."
    places, _, _ = parse(resources, text)
    kinds = [(p["surface"], p["kind"]) for p in places]
    assert kinds[0] == ("Homs", "admin_region")
    assert ("Homs", "city") in kinds[1:]


@pytest.mark.parametrize(("text", "surface", "admin1"), [
    # the division right after the town
    ("The festival drew visitors to Athens, Texas, on Saturday.", "Athens", "Texas"),
    ("The fire station in Paris, Tenn., was rebuilt last year.", "Paris", "Tennessee"),
    # the other towns of the article
    ("Police in Tyler and Longview said the storm also hit Athens and Palestine.", "Athens", "Texas"),
])
def test_ambiguous_names_resolved_by_context(resources: Resources, text: str, surface: str, admin1: str) -> None:
    places, _, _ = parse(resources, text)
    assert by_surface(places)[surface]["admin1"] == admin1


def test_same_name_far_away_stays_in_the_story(resources: Resources) -> None:
    text = "Syrian troops entered Palmyra after heavy fighting in Homs province, the Syrian army said."
    places, _, _ = parse(resources, text)
    assert by_surface(places)["Palmyra"]["country"] == "SY"
    without = parse(resources, "Firefighters in Palmyra, Pennsylvania, put out a barn fire on Sunday.")[0]
    assert by_surface(without)["Palmyra"]["admin1"] == "Pennsylvania"


def test_demonyms_abbreviations_and_counties(resources: Resources) -> None:
    text = ("CHARLESTON, W.Va. (AP) — Georgian officials met Sri Lankan diplomats in Kanawha County, "
            "and flood warnings were issued for Boone and Logan counties.")
    places, _, _ = parse(resources, text)
    found = by_surface(places)
    assert found["W.Va."]["name"] == "West Virginia"
    assert found["CHARLESTON"]["admin1"] == "West Virginia"
    assert found["Sri Lankan"]["country"] == "LK" and found["Sri Lankan"]["match"] == "demonym"
    assert found["Kanawha County"]["admin1"] == "West Virginia"
    assert {found["Boone"]["kind"], found["Logan"]["kind"]} == {"admin_region"}
    assert found["Boone"]["admin1"] == found["Logan"]["admin1"] == "West Virginia"


def test_demonyms_do_not_decide_the_focus(resources: Resources) -> None:
    text = "Russian and Iranian advisers arrived in Deir ez-Zor on Tuesday, residents of Deir ez-Zor said."
    _, _, focus = parse(resources, text)
    assert focus is not None and focus["country"] == "SY" and focus["kind"] != "country"


def test_offsets_point_at_the_surface(resources: Resources) -> None:
    text = ("Aid reached the People's Republic of China and St. Louis, Mo., while U.S. envoys flew from "
            "Washington to al-Hol camp in Syria's north-east and to Côte d'Ivoire.")
    places, metonyms, _ = parse(resources, text)
    assert places
    for p in places + metonyms:
        assert text[p["start"]:p["end"]] == p["surface"]
    found = by_surface(places + metonyms)
    assert found["People's Republic of China"]["country"] == "CN"
    assert found["St. Louis"]["admin1"] == "Missouri"
    assert found["Côte d'Ivoire"]["country"] == "CI"
    assert not any(s.endswith("'s") for s in found)  # "Syria's" is Syria


def test_english_articles_are_not_arabic_ones(resources: Resources) -> None:
    text = "An Arlington spokeswoman said an Arlington man was arrested in Arlington, Virginia."
    places, _, _ = parse(resources, text)
    assert places and all(p["surface"] == "Arlington" for p in places if "Arlington" in p["surface"])


def test_a_spelling_variant_never_leads_the_story_abroad(resources: Resources) -> None:
    # "Southeast" is a fuzzy variant of a region of Burkina Faso; it must not make the town foreign
    text = ("Gainesville man charged with stealing a car. A Gainesville man was arrested and charged after being "
            "accused of driving a stolen car early Saturday. Officer Shawn Barnes saw three men acting suspiciously "
            "in a parking lot near the 1000 block of Southeast Fourth Avenue at 1:20 a.m. Saturday.")
    places, _, _ = parse(resources, text)
    found = by_surface(places)
    assert "Gainesville" in found and found["Gainesville"]["country"] == "US"
    assert all(p["country"] in ("US", None) for p in places), places


def test_one_word_variants_that_name_no_place_are_dropped(resources: Resources) -> None:
    for text in ("The wounded were taken across the border to Turkish hospitals, local activist Ahmad al-Halabi told "
                 "reporters in Aleppo. Halabi said the shelling went on all night.",
                 "The Times reported on Monday that the ferry to Dover had been cancelled because of the storm."):
        places, _, _ = parse(resources, text)
        assert all(p["match"] != "variant" for p in places), places
