"""A division's public body names where a local story is (issue 18): "the Georgia Bureau of
Investigation" puts an Albany story in Georgia, not in New York. Sentences written for the purpose,
both ways: the same town with and without the body, and with words of no public body."""
from __future__ import annotations

import pytest

from headwater.enrich.places.bodies import body_regions, division_bodies
from headwater.resources import Resources
from tests.test_places_causes import at, english

ALBANY = "Detectives in Albany arrested a man on Tuesday after a month of searches{}."


@pytest.mark.parametrize(("tail", "state"), [
    (", the Georgia Bureau of Investigation said", "Georgia"),
    (", agents of the Oregon State Police said", "Oregon"),
    ("", "New York"),  # nothing else: the state capital, the best known Albany
    (", the Georgia Gazette reported", "New York"),  # a paper is read anywhere: no body of the state
])
def test_a_state_body_places_the_town_in_its_state(resources: Resources, tail: str, state: str) -> None:
    text = ALBANY.format(tail)
    place = at(english(resources, text), text, "Albany")
    assert place is not None and (place["country"], place["admin1"]) == ("US", state)


def test_bodies_are_read_from_organization_names(resources: Resources) -> None:
    gaz = resources.gazetteer
    text = "The Kansas Department of Transportation and the New York City Police Department met the Ohio Star."
    ents = [(text.index("Kansas"), text.index(" and"), "ORG"),
            (text.index("New York"), text.index(" met"), "ORG"),
            (text.index("Ohio"), len(text) - 1, "ORG")]
    bodies = division_bodies(text, ents, gaz)
    # the state's department; the city's police ("New York City" is a longer place); a star is no body
    assert [(k, {p.admin1 for p in ps}) for k, ps in bodies] == [("kansas", {"Kansas"})]
    assert body_regions(bodies, lambda key, cc: 1.0 if cc == "US" else 0.0)[0][1].admin1 == "Kansas"
    assert body_regions(bodies, lambda key, cc: 0.2) == []  # the other names do not lie in the US


def test_body_words_live_in_the_english_pack() -> None:
    """The words of a public body are English language data: the pack's ``places.yaml`` holds them, the code
    reads them from there (a word added to the pack makes a body; "Gazette" is in none)."""
    from headwater.enrich.places import bodies
    from headwater.lang import english_words

    words = english_words("places", "body_words")
    assert {"bureau", "police", "university"} <= words and "gazette" not in words
    assert words == bodies.body_words("en") == bodies.body_words(None)  # an unknown language is read as English


@pytest.mark.parametrize("language", ["pt", "ru", "de"])
def test_a_language_without_body_words_reads_no_bodies(resources: Resources, language: str) -> None:
    """English words of a body name no body in another language's article: a pack that declares no
    ``body_words`` reads none (the same organization read as English is one)."""
    text = "O acordo com a Kansas Department of Transportation foi assinado."
    ents = [(text.index("Kansas"), text.index(" foi"), "ORG")]
    assert [k for k, _ in division_bodies(text, ents, resources.gazetteer, "en")] == ["kansas"]
    assert division_bodies(text, ents, resources.gazetteer, language) == []
