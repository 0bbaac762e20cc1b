"""A Bulgarian role named again with its article and no name ("Министърът заяви") is the person the article
named with that role before, inferred; with nobody so named it stays a role (sentences written for these
tests, not taken from any corpus)."""
from __future__ import annotations

from typing import Any

from headwater.resources import Resources
from tests.multilingual import attributions


def _sources(resources: Resources, text: str) -> list[dict[str, Any]]:
    return [at["sources"][-1] for at in attributions(resources, "bg", text) if at["sources"]]


def test_a_role_named_again_is_the_person_named_with_it_before(resources: Resources) -> None:
    *_, last = _sources(resources, "Министърът на отбраната Иван Петров посети Варна. "
                                   "Министърът заяви, че учението ще продължи.")
    assert (last["name"], last["kind"], last["text"]) == ("Иван Петров", "person", "Министърът")
    assert last["inferred"] is True and last["resolved_from"] == "Министърът"


def test_a_role_named_again_after_its_holder_spoke(resources: Resources) -> None:
    first, second = _sources(resources, "Говорителят на Кремъл Дмитрий Песков заяви, че Русия е готова. "
                                        "Говорителят добави, че преговорите ще продължат.")
    assert first["name"] == "Дмитрий Песков" and not first.get("inferred")
    assert (second["name"], second["inferred"]) == ("Дмитрий Песков", True)


def test_a_role_with_another_qualifier_is_not_the_person_named_before(resources: Resources) -> None:
    """"Руският президент" is not the Ukrainian president named before: it stays a role, with no name."""
    (src,) = _sources(resources, "Украинският президент Володимир Зеленски посети Берлин. "
                                 "Руският президент заяви, че преговорите са невъзможни.")
    assert src["name"] == "Руският президент" and not src.get("inferred")


def test_a_role_nobody_was_named_with_stays_a_role(resources: Resources) -> None:
    (src,) = _sources(resources, "Министърът заяви, че учението ще продължи.")
    assert (src["name"], src["role"], src.get("inferred")) == ("Министърът", "Министърът", None)


def test_a_title_before_a_name_keeps_the_name(resources: Resources) -> None:
    """"министър Петров" has no article: a title with its holder's name, not a role named again."""
    src = _sources(resources, "Министърът на финансите Мария Колева посети Бургас. "
                              "Бюджетът ще бъде приет, каза министър Петров.")[-1]
    assert src["name"] == "Петров" and not src.get("inferred")


def test_a_role_of_a_place_then_a_name_gives_the_name_alone(resources: Resources) -> None:
    """"Кметът на Бургас Иван Петров": the place owns the role, the last two words are the name."""
    (src,) = _sources(resources, "Кметът на Бургас Иван Петров заяви, че мостът е готов.")
    assert (src["name"], src["role"]) == ("Иван Петров", "Кметът на Бургас")


def test_a_role_of_a_two_word_body_keeps_no_name(resources: Resources) -> None:
    """Two capitalised words after the genitive are no owner and name: "на Народното Събрание" names nobody."""
    (src,) = _sources(resources, "Председателят на Народното Събрание заяви, че сесията ще продължи.")
    assert src["name"] == "Председателят на Народното Събрание"
