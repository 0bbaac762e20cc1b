"""Names that are no places and places under names the gazetteer holds only as alternate names (issue 18,
round 5). Sentences written for the purpose, both ways: a word GeoNames also lists for some town stays
out, the town where the text makes the word its name is found; a world city under its name in the
article's language is found without a place word."""
from __future__ import annotations

from headwater.enrich.places.candidates import candidates
from headwater.enrich.places.footing import city_exonyms, folded_only
from headwater.enrich.places.gazetteer import Gazetteer
from headwater.enrich.places.translit import fold
from headwater.resources import Resources
from tests.test_places_causes import at, english, other


def test_an_alternate_name_of_a_town_needs_the_text_to_make_it_a_place(resources: Resources) -> None:
    # "Man" is among GeoNames' names of Manchester: footing in England is no reason to read it so
    text = "Manchester police thanked the volunteers. At the dinner in Leeds, Rusty Rutledge was honored as " \
           "Man of the Year."
    assert at(english(resources, text), text, "Man", 1) is None
    # ...while the town under its own name is found, as before
    place = at(english(resources, text), text, "Leeds")
    assert place is not None and place["country"] == "GB"


def test_a_clipped_alternate_name_is_no_town(resources: Resources) -> None:
    text = "Police in Dallas and Austin said the Act would change nothing. Wash your hands, officials in Texas said."
    found = english(resources, text)
    assert at(found, text, "Act") is None
    assert at(found, text, "Wash") is None
    assert {"Dallas", "Austin", "Texas"} <= {p["surface"] for p in found}


def test_an_english_word_folded_onto_a_villages_name_is_no_village(resources: Resources) -> None:
    gaz: Gazetteer = resources.gazetteer
    text = "The Holy Father spoke in Omaha."
    holy = next(m for m in candidates(text, gaz) if m.surface == "Holy")
    # "Holy" meets Holly (Michigan) only once the double l is folded away
    assert any(folded_only(holy, p) for p in holy.candidates)
    omaha = next(m for m in candidates(text, gaz) if m.surface == "Omaha")
    assert not any(folded_only(omaha, p) for p in omaha.candidates if p.name == "Omaha")
    assert at(english(resources, text), text, "Holy") is None


def test_all_is_no_arabic_article(resources: Resources) -> None:
    text = "Officials said all Mansfield residents must boil their water, Ohio health officials said."
    found = english(resources, text)
    assert at(found, text, "all Mansfield") is None
    assert at(found, text, "Mansfield") is not None
    # ...and Arabic articles as written still join their names
    text = "Fighting went on near Al-Hasakah and in Deir ez-Zor, Syria."
    assert at(english(resources, text), text, "Al-Hasakah") is not None


def test_the_eu_in_cyrillic_is_found(resources: Resources) -> None:
    text = "Лидерите на ЕС се срещнаха в София."
    place = at(other(resources, "bg", text), text, "ЕС")
    assert place is not None and place["name"] == "European Union"


def test_a_surname_seen_after_a_first_name_is_the_man_elsewhere(resources: Resources) -> None:
    # Portuguese has no entity parser here: "Dmitri Peskov" shows the word is a name, so "Peskov" alone
    # is the man, not a spelling of Pskov
    text = "O porta-voz do Kremlin, Dmitri Peskov, falou aos jornalistas. Segundo Peskov, a Rússia vai responder."
    assert at(other(resources, "pt", text), text, "Peskov", 1) is None
    # ...while a word of a place stays a place: "Rússia" is found
    assert at(other(resources, "pt", text), text, "Rússia") is not None


def test_world_cities_under_their_portuguese_names(resources: Resources) -> None:
    text = "O encontro entre Londres e Washington foi adiado. Moscovo respondeu e Berlim também."
    found = other(resources, "pt", text)
    for surface, name in (("Londres", "London"), ("Moscovo", "Moscow"), ("Berlim", "Berlin")):
        place = at(found, text, surface)
        assert place is not None and place["name"] == name, surface
    # the exonyms are a language's names of cities, folded as keys are
    assert fold("London") in city_exonyms()[fold("Londres")]
    # ...and a language's name of a country is the country's, never a city's (French "Mexico")
    assert fold("mexico") not in city_exonyms()


def test_a_portuguese_word_that_resembles_an_alternate_name_stays_out(resources: Resources) -> None:
    # "Sul" (south) is among GeoNames' spellings of Seoul; "Sol" too: neither is a language's name of it
    text = "As doenças chegam ao Sul da Europa. O clima depende principalmente do Sol."
    found = other(resources, "pt", text)
    assert at(found, text, "Sul") is None
    assert at(found, text, "Sol") is None


def test_an_abbreviated_mount_meets_every_mount_of_the_name(resources: Resources) -> None:
    gaz: Gazetteer = resources.gazetteer
    # "Mt." is spelt out as keys are folded ("Mount" folds to "munt"): the same readings as the full name
    assert fold("Mt. Vernon") == fold("Mount Vernon")
    assert {p.id for p in gaz.lookup(fold("Mt. Vernon"))} == {p.id for p in gaz.lookup(fold("Mount Vernon"))}


def test_the_tail_of_a_latin_name_in_a_cyrillic_article_is_foreign_too(resources: Resources) -> None:
    # a two-word Latin name that is no place as a whole leaves its tail to be tried alone; the tail is as
    # foreign to a Bulgarian article as the whole ("Rita", "Rika": GeoNames spellings of Perth and Riga)
    for name, city in (("Rio Rita", "Rita"), ("Vila Rika", "Rika")):
        text = f"Групата {name} изнесе концерт в София в събота вечерта."
        found = other(resources, "bg", text)
        assert at(found, text, city) is None, name
        place = at(found, text, "София")
        assert place is not None and place["country"] == "BG"


def test_a_latin_word_in_a_cyrillic_article_is_no_alternate_name(resources: Resources) -> None:
    # Bulgarian writes Seoul Сеул: the Latin "Shell" (one of GeoNames' spellings of Seoul once folded) is the firm
    text = "Това съобщи агенция Bloomberg, позовавайки се на свои източници в Shell. Срещата ще бъде в Сеул."
    found = other(resources, "bg", text)
    assert at(found, text, "Shell") is None
    place = at(found, text, "Сеул")
    assert place is not None and place["country"] == "KR"
    # ...while an English article naming the city by its own name keeps it
    text = "The talks will be held in Seoul next week."
    place = at(english(resources, text), text, "Seoul")
    assert place is not None and place["country"] == "KR"


def test_a_widely_named_city_the_parser_calls_a_person_after_a_verb_stays_a_place(resources: Resources) -> None:
    # spaCy labels "Kharkiv" and "Kherson" PERSON as the object of a verb of attack: nothing else in the
    # article makes them people (no first name, no title, no age)
    for text in ("Russian forces shelled Kharkiv overnight, the governor said.",
                 "Russian forces shelled Kherson and Kharkiv on Tuesday."):
        found = english(resources, text)
        for name in ("Kherson", "Kharkiv"):
            if name in text:
                place = at(found, text, name)
                assert place is not None and place["country"] == "UA", (text, name)


def test_a_name_the_article_makes_a_person_stays_a_person(resources: Resources) -> None:
    # the same label where the article gives a person: a title and an age, a first name, one who acts
    for text, name in (("Kharkiv said he would run again. Mr Kharkiv, 54, is a farmer.", "Kharkiv"),
                       ("Kharkiv Petrenko won the vote. Voters backed Kharkiv again.", "Kharkiv"),
                       ("Officials said Austin told reporters the plan was sound.", "Austin")):
        found = english(resources, text)
        assert all(at(found, text, name, k) is None for k in range(text.count(name))), text
