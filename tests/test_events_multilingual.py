"""Events in Russian from natasha's parse: hand-written sentences (not from any corpus) with the
frame each must give: who, what, how many, from where, to where, where, when, each with its span."""
from __future__ import annotations

from typing import Any

from headwater.enrich import Context
from headwater.enrich.builtin import EVENTS, PLACES
from headwater.enrich.events.multilingual import find_events_multilingual
from headwater.model import Article
from headwater.resources import Resources

PUB = "2024-07-03"  # a Wednesday


def analyze(resources: Resources, text: str) -> tuple[Article, list[dict[str, Any]]]:
    article = Article(source="t.txt", text=text, published=PUB, language="ru")
    ctx = Context(article, resources)
    PLACES.run(ctx)
    assert ctx.pack is not None
    return article, find_events_multilingual(ctx.doc, article, ctx.pack)


def one(events: list[dict[str, Any]], type_: str) -> dict[str, Any]:
    found = [e for e in events if e["type"] == type_]
    assert len(found) == 1, [(e["type"], e["trigger"]) for e in events]
    return found[0]


def test_a_movement_with_actor_count_origin_destination_and_via(resources: Resources) -> None:
    text = "Армия перебросила 300 военных из Херсона в Мелитополь через Джанкой."
    _, events = analyze(resources, text)
    e = one(events, "transfer")
    assert (e["trigger"], e["actor_text"], e["count"]) == ("перебросила", "Армия", 300)
    assert text[e["start"]:e["end"]] == "перебросила"
    assert text[e["count_span"]["start"]:e["count_span"]["end"]] == "300"
    assert e["origin"]["surface"] in text and "Херсон" in e["origin"]["surface"]
    assert "Мелитопол" in e["destination"]["surface"] and "Джанкой" in e["via"]["surface"]
    assert e["planned"] is False and e["language"] == "ru"


def test_an_attack_by_a_light_verb_with_its_target_place_and_weekday(resources: Resources) -> None:
    text = "Украинские военные в понедельник нанесли удар по Донецку."
    _, events = analyze(resources, text)
    e = one(events, "attack")
    assert e["trigger"] == "удар" and e["actor_text"] == "Украинские военные"
    assert "Донецк" in e["location"]["surface"] and e["date"] == "2024-07-01" and e["date_text"] == "в понедельник"
    assert text[e["date_span"]["start"]:e["date_span"]["end"]] == "в понедельник"


def test_an_attack_on_a_place_is_where_it_hit_not_a_destination(resources: Resources) -> None:
    e = one(analyze(resources, "Вечером были совершены атаки на Белгород.")[1], "attack")
    assert "Белгород" in e["location"]["surface"] and e["destination"] is None and e["target"] == "Белгород"


def test_the_dead_are_counted_not_made_actors(resources: Resources) -> None:
    _, events = analyze(resources, "Вчера в Белгороде погибли три человека.")
    e = one(events, "casualties")
    assert (e["killed"], e["actor_text"], e["date"]) == (3, None, "2024-07-02")
    assert "Белгород" in e["location"]["surface"]


def test_arrests_count_people_in_oblique_forms(resources: Resources) -> None:
    _, events = analyze(resources, "Полиция задержала двух подозреваемых в Москве.")
    e = one(events, "detention")
    assert (e["actor_text"], e["count"]) == ("Полиция", 2) and "Москв" in e["location"]["surface"]


def test_intent_is_planned_and_its_subject_acts(resources: Resources) -> None:
    _, events = analyze(resources, "Киев планирует перебросить бригаду в Харьков.")
    e = one(events, "transfer")
    assert e["planned"] is True and e["actor_text"] == "Киев" and "Харьков" in e["destination"]["surface"]


def test_words_that_are_no_event_here(resources: Resources) -> None:
    # a letter sent, a town "freed", no one moved: nothing to report
    for text in ("Мэр направил письмо губернатору.", "Войска освободили город.", "Сегодня в школе прошел урок.",
                 "По предварительным данным, никто не пострадал.", "При обстреле пострадали два склада."):
        assert analyze(resources, text)[1] == [], text


def test_the_enricher_runs_the_language_pack(resources: Resources) -> None:
    article = Article(source="t.txt", text="Армия перебросила 300 военных из Херсона в Мелитополь.", language="ru")
    ctx = Context(article, resources)
    PLACES.run(ctx)
    ctx.article.attributions = []
    EVENTS.run(ctx)
    assert [e["type"] for e in ctx.article.events] == ["transfer"]
