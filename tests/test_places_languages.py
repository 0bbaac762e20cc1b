"""A country's name in another language's table counts not in English news (issue 18): French
"Chili" is Chile in French news, a dish in English; and a world city's own form in another language
("Halep", "Alep") names it there. Sentences written for the purpose."""
from __future__ import annotations

from headwater.enrich.places.languages import other_language, own_language
from headwater.enrich.places.resolve import find_places
from headwater.enrich.places.translit import fold
from headwater.resources import Resources
from tests.test_places_causes import at


def _chile(resources: Resources) -> object:
    return next(p for p in resources.gazetteer.lookup(fold("Chile")) if p.kind == "country")


def test_a_french_name_of_a_country_is_no_place_in_english(resources: Resources) -> None:
    text = "Tickets for the Chili Supper at the Legion hall are on sale until Friday."
    places, _, _ = find_places(text, resources.nlp(text), resources.gazetteer, None, None, "en")
    place = at(places, text, "Chili")
    assert place is None or place["country"] != "CL"


def test_the_same_name_is_the_country_in_french(resources: Resources) -> None:
    text = "Un séisme a frappé le nord du Chili mardi, selon les autorités."
    places, _, _ = find_places(text, resources.parser("fr")(text), resources.gazetteer, None, None, "fr")
    place = at(places, text, "Chili")
    assert place is not None and place["country"] == "CL"


def test_which_names_are_taken_back(resources: Resources) -> None:
    chile = _chile(resources)
    assert other_language(fold("Chili"), chile, "en")  # French only
    assert not other_language(fold("Chili"), chile, "fr")
    assert not other_language(fold("Chili"), chile, None)  # language unknown: as before
    assert not other_language(fold("Chili"), chile, "pt")  # other languages: every language's names count
    assert not other_language(fold("Chile"), chile, "en")  # its English name
    turkey = next(p for p in resources.gazetteer.lookup(fold("Turkey")) if p.kind == "country")
    assert not other_language(fold("Türkiye"), turkey, "en")  # Turkish, and one of its English names
    assert own_language([chile], fold("Chili"), "en") == [] and own_language([chile], fold("Chili"), "fr") == [chile]


def _found(resources: Resources, code: str, text: str, language: str | None) -> list[tuple[str, str]]:
    places, metonyms, _ = find_places(text, resources.parser(code)(text), resources.gazetteer, None, None, language)
    return [(p["surface"], p["name"]) for p in places + metonyms]


def test_a_world_citys_own_form_in_another_language_is_its_name(resources: Resources) -> None:
    # Turkish "Halep" and French "Alep" are Aleppo: GeoNames lists them among its alternate names, without
    # their language, and the CLDR table has no form of a city that names no time zone
    tr = "Halep'te çatışmalar yeniden başladı."
    fr = "Des combats ont repris à Alep mardi."
    assert ("Halep", "Aleppo") in _found(resources, "tr", tr, "tr")
    assert ("Alep", "Aleppo") in _found(resources, "fr", fr, "fr")
    # the article's language unknown: an alternate name, as before, which nothing else in the text backs
    assert ("Halep", "Aleppo") not in _found(resources, "tr", tr, None)


def test_a_short_word_is_no_world_citys_form(resources: Resources) -> None:
    # Portuguese "Sul" (south) is also among Seoul's alternate names: too short to be a language's form of it
    text = "As chuvas do Sul chegaram mais cedo este ano, disse o instituto."
    assert all(name != "Seoul" for _, name in _found(resources, "pt", text, "pt"))


def test_an_article_of_unknown_language_keeps_every_language_s_names(resources: Resources) -> None:
    # the places enricher passes the article's language as it is: unknown (None) takes nothing back, as
    # find_places says; "Chili" stays Chile where nothing says the text is English
    from headwater.enrich.builtin import places
    from headwater.enrich.registry import Context
    from headwater.model import Article

    text = "Tickets for the Chili Supper at the Legion hall are on sale until Friday."
    for language, chile in ((None, True), ("en", False)):
        ctx = Context(Article(source="t", text=text, language=language), resources)
        places(ctx)
        found = at(ctx.article.places, text, "Chili")
        assert (found is not None and found["country"] == "CL") is chile, language
