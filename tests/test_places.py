"""Places: detection, disambiguation, metonymy and offsets on sentences written for the purpose.

They run the real spaCy pipeline and gazetteer (the shared ``resources`` fixture loads them once).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import headwater
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


# --- Resolution by prominence against context (issue 18) -----------------------------------------

@pytest.mark.parametrize(("text", "surface", "country", "admin1"), [
    # a world city named in a story about elsewhere keeps its fame: no Moscow, Idaho, without Idaho
    ("Officials in Ohio and Texas said sanctions on Moscow would follow Russia's invasion of Ukraine.",
     "Moscow", "RU", None),
    ("Officials in Ohio and Texas said sanctions on Moscow would follow Russia's invasion of Ukraine.",
     "Russia", "RU", None),
    # ...and the namesake wins where the text says so
    ("Students from Moscow, Idaho, and Pullman, Washington, joined the protest.", "Moscow", "US", "Idaho"),
    ("LONDON, Ontario — Police in London said a man was arrested; Toronto police assisted.", "London", "CA", "Ontario"),
    ("A fire in Edmonton, north London, spread to homes in Enfield and Tottenham.", "Edmonton", "GB", "England"),
    ("Fans in Edmonton and across Alberta celebrated as Calgary lost.", "Edmonton", "CA", "Alberta"),
    # seas and world regions are in no country: a town of the same name in the story's country is not them
    ("Oil prices rose as tensions in the Middle East grew, traders in New York and Chicago said.",
     "Middle East", None, None),
    ("A storm in the Atlantic is expected to reach Florida and Georgia by Friday.", "Atlantic", None, None),
    ("Qatar, a US ally in the Gulf, hosted talks between Washington and the Taliban.", "Gulf", None, None),
    # a country named as an actor puts nothing inside it: Georgia stays the country beside "the US"...
    ("The US is building laboratories in Georgia, the ministry claimed.", "Georgia", "GE", None),
    ("A US laboratory ran experiments on the Georgian population, the channel claimed.", "Georgian", "GE", None),
    # ...and places inside the US make it the state
    ("Voters in Atlanta and Savannah lined up as Georgia counted its ballots.", "Georgia", "US", "Georgia"),
    # a country's name before another country's is no town in it ("Russia, Ohio" names its state)
    ("Before the elections in Russia, US media spread rumours of unrest.", "Russia", "RU", None),
    ("The plant in Russia, Ohio, closed on Friday.", "Russia", "US", "Ohio"),
    # a town and its country with a space between, as captions write them, in a story placed elsewhere
    ("Aleppo was shelled again as rebels held Idlib and the army took Hama. Vladimir Putin attends a meeting "
     "of the Valdai Club in Sochi Russia Thursday Oct. 27 2016 (Photo AP)", "Sochi", "RU", None),
])
def test_the_famous_place_unless_the_text_says_otherwise(resources: Resources, text: str, surface: str,
                                                        country: str | None, admin1: str | None) -> None:
    places, metonyms, _ = parse(resources, text)
    found = by_surface(places + metonyms)
    assert surface in found, found
    assert found[surface]["country"] == country
    if admin1:
        assert found[surface]["admin1"] == admin1


def test_every_resolution_says_how_sure_and_why(resources: Resources) -> None:
    places, metonyms, _ = parse(resources, "Flooding hit Paris, Texas, and nearby Clarksville on Sunday.")
    paris = by_surface(places)["Paris"]
    assert paris["admin1"] == "Texas"
    assert 0 < paris["confidence"] <= 1
    assert any("Texas" in e for e in paris["evidence"])  # "named with its region (Texas)"
    for p in places + metonyms:
        assert p["evidence"] and p["confidence"] is not None


def test_names_inside_brands_and_seats_of_government(resources: Resources) -> None:
    places, metonyms, _ = parse(resources, "Germany halted the Nord Stream 2 pipeline after Russia's Gazprom cut "
                                           "supplies. The White House said it backed the decision.")
    surfaces = {p["surface"] for p in places}
    assert "Nord" not in surfaces and "Nord" not in {m["surface"] for m in metonyms}
    assert "White House" not in surfaces  # the US government speaking, kept apart as metonyms are
    assert [m["country"] for m in metonyms if m["surface"] == "White House"] == ["US"]


def test_demonyms_are_handled_alike_and_the_eu_is_found(resources: Resources) -> None:
    text = "Turkish, British, Canadian, Spanish and German officials met EU ministers in Brussels."
    places, _, _ = parse(resources, text)
    found = by_surface(places)
    assert {found[d]["country"] for d in ("Turkish", "British", "Canadian", "Spanish", "German")} == \
        {"TR", "GB", "CA", "ES", "DE"}
    assert all(found[d]["match"] == "demonym" and found[d]["kind"] == "country"
               for d in ("Turkish", "British", "Canadian", "Spanish", "German"))
    assert found["EU"]["name"] == "European Union"


def test_a_disease_or_a_surname_is_no_place(resources: Resources) -> None:
    text = ("Cases of West Nile virus rose in Texas. Sheriff John Turner said the county sprayed. "
            "Turner said more spraying was planned near Houston.")
    places, _, _ = parse(resources, text)
    surfaces = {p["surface"] for p in places}
    assert {"Texas", "Houston"} <= surfaces
    assert "Nile" not in surfaces and "Turner" not in surfaces


# --- Places in other scripts (issue 15, item 3) -----------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # Russian, with case endings: Москву (acc.), Москве (prep.), Сирии (gen.), Украине (prep.)
    ("Делегация прибыла в Москву, а затем вылетела в Киев. В Москве обсуждали положение в Сирии и на Украине.",
     {"Москву": "RU", "Москве": "RU", "Киев": "UA", "Сирии": "SY", "Украине": "UA"}),
    # a name transliterated across scripts is the place of its Latin spelling (At-Tanf)
    ("Колонна вышла из Эт-Танфа на востоке Сирии, сообщили в США.", {"Эт-Танфа": "SY", "США": "US"}),
    # Arabic: with the article, and with a clitic preposition (بدمشق: "in Damascus")
    ("وصل الوفد إلى دمشق قادما من موسكو، وقال إن القوات الأمريكية في التنف.",
     {"دمشق": "SY", "موسكو": "RU", "التنف": "SY"}),
    ("واجتمع الوزراء بدمشق مع ممثلين عن الاتحاد الأوروبي.", {"بدمشق": "SY"}),
])
def test_places_in_other_scripts(resources: Resources, text: str, expected: dict[str, str]) -> None:
    places, metonyms, _ = parse(resources, text)
    found = by_surface(places + metonyms)
    for surface, country in expected.items():
        assert surface in found, (surface, found.keys())
        assert found[surface]["country"] == country
        assert text[found[surface]["start"]:found[surface]["end"]] == surface
    tanf = [p for p in places if p["surface"] in ("Эт-Танфа", "التنف")]
    assert all(p["name"] == "Al-Tanf" for p in tanf)


# --- Places naming local bodies; the outlet's country (issue 18) --------------------------------------

@pytest.mark.parametrize(("text", "surface"), [
    # the parser takes the office into a person's name: the place still opens it
    ("The house burned overnight, according to Anderson County Sheriff Greg Taylor. Deputies found no one inside.",
     "Anderson County"),
    ("The annexation bill passed on Monday. \"We will see improvements in that corridor,\" said Avondale Mayor "
     "Ed Rieker.", "Avondale"),
])
def test_place_opening_an_officers_title_is_a_place(resources: Resources, text: str, surface: str) -> None:
    places, _, _ = parse(resources, text)
    assert surface in {p["surface"] for p in places}


def test_place_named_in_the_article_keeps_its_brand_names(resources: Resources) -> None:
    # one sense per article: where the text names the town as a place, a festival or a dealership
    # named after it is the town's too; the brand alone ("Nord Stream") stays no place
    text = ("Students in Nashville saw the short films on Monday. The films will debut when the Nashville Film "
            "Festival opens next month.")
    places, _, _ = parse(resources, text)
    assert [p["start"] for p in places if p["surface"] == "Nashville"] == [12, text.index("Nashville Film")]
    assert len({p["place_id"] for p in places}) == 1


@pytest.mark.parametrize(("text", "town"), [
    # a firm or an exchange named after a town, in a story from the town's own country: no place
    ("Peabody Energy said on Tuesday that coal sales fell in Wyoming and Montana last year.", "Peabody"),
    ("Shares of Gazprom fell 3 percent on the Moscow Exchange after Russia announced new export duties.", "Moscow"),
])
def test_town_opening_a_brand_is_no_place_in_its_own_country(resources: Resources, text: str, town: str) -> None:
    places, metonyms, _ = parse(resources, text)
    surfaces = {p["surface"] for p in places + metonyms}
    assert town not in surfaces
    assert surfaces  # (the story's places are still found: Wyoming, Russia)


@pytest.mark.parametrize(("text", "nord"), [
    # the parser labels "Nord" alone GPE; the name goes on, and nothing puts the story in Burkina Faso
    ("Divers planted the explosives on the Nord Stream pipelines in June, the report claimed.", False),
    ("Who blew up Nord Stream? The question divides Europe.", False),
    ("Russia asked for an investigation into Nord Stream explosions in September.", False),  # "into" is the pipeline's
    # ...where the text makes it the region, it is one
    ("Gunmen attacked a village in the Nord Region of Burkina Faso on Sunday, killing twelve.", True),
])
def test_a_name_opening_a_longer_one_needs_footing(resources: Resources, text: str, nord: bool) -> None:
    places, metonyms, _ = parse(resources, text)
    assert ("Nord" in {p["surface"] for p in places + metonyms}) is nord


@pytest.mark.parametrize(("text", "surface", "admin1"), [
    # ...but the same town named as a place elsewhere in the article, and a state opening its own body
    ("Police in Peabody said the office of Peabody Energy was closed after the storm hit Massachusetts.",
     "Peabody", "Massachusetts"),
    ("Fires burned near Lufkin, and the Texas Forest Service asked residents to leave.", "Texas", "Texas"),
    # a local body (its board of education, its circuit court) opening the name stays the place's
    ("The Zionsville Education Foundation paid for the new books, Indiana school officials said.",
     "Zionsville", "Indiana"),
])
def test_place_named_as_a_place_keeps_its_bodies(resources: Resources, text: str, surface: str, admin1: str) -> None:
    places, _, _ = parse(resources, text)
    found = [p for p in places if p["surface"] == surface]
    assert len(found) == text.count(surface)
    assert {p["admin1"] for p in found} == {admin1}


@pytest.mark.parametrize(("outlet", "country", "admin1"), [("GB", "GB", "England"), ("AU", "AU", "New South Wales")])
def test_outlet_country_is_context(resources: Resources, outlet: str, country: str, admin1: str) -> None:
    text = "The council in Newcastle voted on Tuesday to close two libraries and a swimming pool to save money."
    places, _, _ = find_places(text, resources.nlp(text), resources.gazetteer, None, outlet)
    found = by_surface(places)["Newcastle"]
    assert (found["country"], found["admin1"]) == (country, admin1)
    assert f"in the outlet's country ({outlet}) (+1.0)" in found["evidence"]


def test_outlet_country_does_not_pull_foreign_news_home(resources: Resources) -> None:
    # a US paper's story from Syria: Palmyra is the Syrian town, not one of the American Palmyras
    text = "Islamic State fighters were driven out of Palmyra, the ancient city east of Homs in Syria."
    places, _, _ = find_places(text, resources.nlp(text), resources.gazetteer, None, "US")
    assert by_surface(places)["Palmyra"]["country"] == "SY"


def test_a_name_the_text_treats_as_local_is_no_world_city_abroad(resources: Resources) -> None:
    # a town council and residents: the Berlin of this US story is an American one, not Germany's capital
    text = ("The Berlin Town Council voted on Monday to raise the sewer fee. Berlin residents will pay $40 more a "
            "year, officials in Hartford said.")
    places, _, _ = parse(resources, text)
    assert {p["country"] for p in places if p["surface"] == "Berlin"} == {"US"}
    # ...but a world city whose country the article names stays itself, local words or not
    text = ("Senators in Washington debated new sanctions on Russia on Tuesday. Moscow residents queued at banks "
            "as the rouble fell.")
    places, _, _ = parse(resources, text)
    assert by_surface(places)["Moscow"]["country"] == "RU"


def test_a_region_opening_a_bodys_name_is_a_place(resources: Resources) -> None:
    text = "She attended Northeast Texas Community College before joining the police in Dallas."
    places, _, _ = parse(resources, text)
    assert by_surface(places)["Texas"]["kind"] == "admin_region"


def test_a_town_naming_a_street_is_no_place(resources: Resources) -> None:
    text = "The crash closed Decatur Boulevard near the airport in Las Vegas."
    places, _, _ = parse(resources, text)
    assert [p["surface"] for p in places] == ["Las Vegas"]


@pytest.mark.parametrize(("text", "surface", "admin1"), [
    ("The bill was backed by Rep. Vicki Lensing, D-Iowa City, and passed the House on Tuesday.", "Iowa City", "Iowa"),
    ("Sen. Torrey Westrom, R-Elbow Lake, went before a Senate committee to urge passage of the bill.",
     "Elbow Lake", "Minnesota"),
])
def test_a_legislators_hometown_is_a_place(resources: Resources, text: str, surface: str, admin1: str) -> None:
    places, _, _ = parse(resources, text)
    assert by_surface(places)[surface]["admin1"] == admin1


def test_a_name_given_an_age_is_a_person_throughout(resources: Resources) -> None:
    text = ("The incident occurred while Campbell, 42, was resisting arrest in Houston. Campbell's lawyer said that "
            "Campbell would appeal.")
    places, _, _ = parse(resources, text)
    assert [p["surface"] for p in places] == ["Houston"]


def test_the_run_gives_places_the_outlets_country(tmp_path: Path, resources: Resources) -> None:
    # the outlet is known from the URL (outlet registry); the same story in two countries' papers
    # (two different texts: the same text twice is one article, a copy)
    text = "The council in Newcastle voted on Tuesday to close two libraries and a swimming pool to save money. {}"
    lines = [{"url": f"https://{host}/news/2024/council-cuts", "title": "Council votes to close libraries",
              "text": text.format(more)}
             for host, more in (("www.bbc.co.uk", "Councillors said the cuts were needed after the budget shortfall."),
                                ("www.abc.net.au", "Residents plan a protest outside the chambers next week."))]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    headwater.analyze([str(src)], tmp_path / "out", resources=resources)
    doc = json.loads((tmp_path / "out" / "analysis.json").read_text())
    outlet = {a["id"]: (a["outlet"] or {}).get("country") for a in doc["articles"]}
    assert sorted(outlet.values()) == ["AU", "GB"]
    newcastle = {outlet[p["article_id"]]: p["country"] for p in doc["places"] if p["surface"] == "Newcastle"}
    assert newcastle == {"GB": "GB", "AU": "AU"}


@pytest.mark.parametrize(("text", "surface"), [
    ("The assault on the Capitol is the new 9/11, the channel claimed.", "Capitol"),  # no Distrito Capital
    ("She placed first at the Southeast District Competition in April.", "Southeast"),  # no region of Burkina Faso
    # a one-word variant the parser labels nothing, with no place word beside it, is no town
    ("Refugees from Lebanon settled in Beirut and Tyre. As a result, Sajed concludes, many refugees stay at home.",
     "Sajed"),  # no Sidon
    ("Shops in London and Bristol sell stones that are Highly Conductive and Full of Extra Electrons, the seller says.",
     "Extra"),  # no Exeter
])
def test_a_spelling_variant_needs_a_footing_in_the_text(resources: Resources, text: str, surface: str) -> None:
    places, metonyms, _ = parse(resources, text)
    assert surface not in by_surface(places + metonyms)


def test_a_big_place_labelled_org_alone_as_an_object_is_still_a_place(resources: Resources) -> None:
    # the small model labels "Idlib" ORG here; a name of an organisation as object keeps its cost ("joined Apple")
    places, _, _ = parse(resources, "Rebels shelled Aleppo and Idlib overnight, Syrian state media said.")
    assert by_surface(places)["Idlib"]["country"] == "SY"
    places, _, _ = parse(resources, "Engineers from Syria joined Apple and Samsung in 2010.")
    assert "Apple" not in by_surface(places)
