"""Places in the language packs (issue 18): each language's place cues and its names for seats of
government live in ``lang/<code>/places.yaml``. Sentences written for the purpose, both ways: a seat
named in another language is its government (a metonym), unless the text places the building; the
same words naming a town where a place word stands before them are that town."""
from __future__ import annotations

from typing import Any

import pytest

from headwater.enrich.places.cues import patterns, seat_names
from headwater.enrich.places.resolve import find_places
from headwater.lang import ensure_languages
from headwater.resources import Resources

Found = list[dict[str, Any]]


def parse(resources: Resources, code: str, text: str) -> tuple[Found, Found]:
    places, metonyms, _ = find_places(text, resources.parser(code)(text), resources.gazetteer, None)
    return places, metonyms


@pytest.mark.parametrize(("code", "text", "surface", "country"), [
    ("pt", "A Casa Branca anunciou novas sanções contra a Rússia, e o Kremlin respondeu.", "Casa Branca", "US"),
    ("pt", "A Casa Branca anunciou novas sanções contra a Rússia, e o Kremlin respondeu.", "Kremlin", "RU"),
    ("ru", "В Белом доме заявили, что США не будут посылать войска.", "Белом доме", "US"),
    ("ru", "Белый дом ответил на заявление Пескова.", "Белый дом", "US"),
    ("ru", "Кремль ответил отказом на предложение Вашингтона.", "Кремль", "RU"),
    ("bg", "Белият дом заяви, че САЩ ще изпратят помощ на Украйна.", "Белият дом", "US"),
    ("hi", "व्हाइट हाउस ने कहा कि अमेरिका यूक्रेन की मदद करेगा।", "व्हाइट हाउस", "US"),
])
def test_seat_of_government_in_another_language_is_a_metonym(resources: Resources, code: str, text: str,
                                                             surface: str, country: str) -> None:
    places, metonyms = parse(resources, code, text)
    assert surface not in {p["surface"] for p in places}  # no point on the map for the government speaking
    found = {m["surface"]: m for m in metonyms}
    assert found[surface]["country"] == country
    assert text[found[surface]["start"]:found[surface]["end"]] == surface


def test_a_town_of_the_same_name_where_the_text_says_town(resources: Resources) -> None:
    # "Casa Branca" is also a town in São Paulo state: "a cidade de" before it makes it the town
    places, metonyms = parse(resources, "pt", "A cidade de Casa Branca, no interior de São Paulo, recebeu a feira.")
    found = {p["surface"]: p for p in places}
    assert (found["Casa Branca"]["country"], found["Casa Branca"]["kind"]) == ("BR", "city")
    assert "Casa Branca" not in {m["surface"] for m in metonyms}


def test_the_building_placed_by_the_text_is_a_place(resources: Resources) -> None:
    text = "Protesters gathered outside the White House on Sunday. The White House said it would respond."
    places, metonyms, _ = find_places(text, resources.nlp(text), resources.gazetteer, None)
    assert [p["start"] for p in places if p["surface"] == "White House"] == [text.index("White House")]
    assert [m["start"] for m in metonyms if m["surface"] == "White House"] == [text.rindex("White House")]


@pytest.mark.parametrize(("before", "after", "cue"), [
    ("в провинции ", "", True),            # Russian: the kind word before the name, in apposition
    ("бои в городе ", "", True),
    ("na província de ", "", True),        # Portuguese, with its "of"
    ("la ville de ", "", True),            # French
    ("", " प्रांत में", True),              # Hindi: the kind word after the name
    ("the province of ", "", True),        # English, as before
    ("", " province", True),
    ("заявил президент ", "", False),      # words that say nothing of a place
    ("disse o ministro ", "", False),
    ("", " said on Monday", False),
])
def test_each_packs_place_cues(before: str, after: str, cue: bool) -> None:
    cue_before, cue_after, _ = patterns()
    assert (bool(cue_before.search(before)) or bool(cue_after.match(after))) is cue


def test_cues_and_seats_live_in_each_languages_pack() -> None:
    langs = ensure_languages()
    for code in ("en", "ru", "uk", "bg", "pt", "es", "fr", "de", "hi"):
        data = langs.get(code).data("places")
        assert isinstance(data, dict) and (data.get("before") or data.get("after")), code
    # every seat a pack names is a seat of the places supplement, by its name there
    from headwater.enrich.places.gazetteer_sources import supplement_entries
    seats = {e["name"] for e in supplement_entries() if e.get("subkind") == "seat_of_government"}
    assert set(seat_names()) <= seats


def test_names_of_people_are_no_places_without_a_parser(resources: Resources) -> None:
    # Portuguese has no entity parser here: a word beside another capitalised word inside a sentence is
    # part of a name ("Vladimir" is also a Russian town, "Peskov" a spelling of Pskov); a sentence's
    # first word before a place is not ("Em Paris"), nor is a name a place word marks
    text = ("O porta-voz do Kremlin, Dmitri Peskov, disse que Vladimir Putin falou sobre a Ucrânia. "
            "Em Paris, Macron reuniu os aliados na cidade de Vladimir Ilitch.")
    places, _ = parse(resources, "pt", text)
    found = [(p["surface"], p["start"]) for p in places]
    assert ("Peskov", text.index("Peskov")) not in found and ("Putin", text.index("Putin")) not in found
    assert ("Vladimir", text.index("Vladimir Putin")) not in found
    assert {"Ucrânia", "Paris"} <= {s for s, _ in found}
    assert ("Vladimir", text.index("Vladimir Ilitch")) in found  # "na cidade de Vladimir"


def test_an_ordinary_word_opening_a_sentence_is_no_place(resources: Resources) -> None:
    # "Segundo" (according to) is also El Segundo, California: the article writes it in lower case too
    text = "Segundo o ministro, as tropas chegaram a Kherson. O segundo grupo ficou em Odessa."
    places, _ = parse(resources, "pt", text)
    surfaces = {p["surface"] for p in places}
    assert "Segundo" not in surfaces and {"Kherson", "Odessa"} <= surfaces


def test_hindi_names_go_on_through_their_vowel_signs(resources: Resources) -> None:
    # Devanagari writes vowels as combining signs, which ``\w`` leaves out: a name is the whole word
    text = "दिल्ली में बैठक हुई, फिर प्रतिनिधि मॉस्को और बर्लिन गए।"
    places, _ = parse(resources, "hi", text)
    found = {p["surface"]: p["country"] for p in places}
    assert found == {"दिल्ली": "IN", "मॉस्को": "RU", "बर्लिन": "DE"}


@pytest.mark.parametrize(("code", "text", "expected"), [
    # an elided article is no part of the name; a country in the article's language by CLDR's name for it
    ("fr", "La Russie et l'Ukraine ont réagi, puis le ministre est allé en Allemagne et à Damas.",
     {"Russie": "RU", "Ukraine": "UA", "Allemagne": "DE", "Damas": "SY"}),
    ("es", "Las tropas de Rusia y de Ucrania llegaron a Egipto.", {"Rusia": "RU", "Ucrania": "UA", "Egipto": "EG"}),
    ("de", "Russland und die Ukraine verhandeln in der Türkei.", {"Russland": "RU", "Ukraine": "UA", "Türkei": "TR"}),
    # a name that holds an elision stays whole
    ("fr", "Le président de la Côte d'Ivoire a parlé.", {"Côte d'Ivoire": "CI"}),
])
def test_places_in_latin_script_languages_without_a_parser(resources: Resources, code: str, text: str,
                                                           expected: dict[str, str]) -> None:
    ensure_languages()
    places, _ = parse(resources, code, text)
    found = {p["surface"]: p["country"] for p in places}
    for surface, country in expected.items():
        assert found.get(surface) == country, found
    for p in places:
        assert text[p["start"]:p["end"]] == p["surface"]  # "l'" and "et en" no part of a name


def test_a_turkish_case_suffix_after_an_apostrophe_is_no_part_of_the_name(resources: Resources) -> None:
    ensure_languages()
    text = "Bakan Ankara'da konuştu, ardından Suriye'ye gitti ve Türkiye'nin tutumunu anlattı."
    places, _ = parse(resources, "tr", text)
    found = {p["surface"]: p["country"] for p in places}
    assert found.get("Ankara") == "TR" and found.get("Suriye") == "SY" and found.get("Türkiye") == "TR", found
    for p in places:
        assert text[p["start"]:p["end"]] == p["surface"]
    english, _ = parse(resources, "en", "Shi'ite leaders met O'Brien.")
    assert not any(p["surface"] == "Shi" for p in english)  # "-ite" is no case suffix
