"""Events in Bulgarian and Portuguese, which have no parser here, from their packs' trigger forms:
hand-written sentences (not from any corpus) with what each must give, every part with its span."""
from __future__ import annotations

from typing import Any

import pytest

from headwater.enrich import Context
from headwater.enrich.builtin import PLACES
from headwater.enrich.events.multilingual import find_events_multilingual
from headwater.lang import language_notice
from headwater.model import Article
from headwater.resources import Resources

PUB = "2024-07-03"


def analyze(resources: Resources, text: str, lang: str, places: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Events of ``text``; its places from the gazetteer, or for ``places`` given, those names where they
    stand (the reader is tested, not the Portuguese place finder)."""
    article = Article(source="t.txt", text=text, published=PUB, language=lang)
    ctx = Context(article, resources)
    if places:
        article.places = [{"name": n, "surface": n, "start": text.index(n), "end": text.index(n) + len(n),
                           "lat": 0.0, "lon": 0.0} for n in places]
    else:
        PLACES.run(ctx)
    assert ctx.pack is not None
    return find_events_multilingual(ctx.doc, article, ctx.pack)


def test_a_movement_with_count_origin_destination_and_date(resources: Resources) -> None:
    text = "O governo enviou 300 soldados de Lisboa para Madrid em 2 de julho."
    (e,) = analyze(resources, text, "pt", ("Lisboa", "Madrid"))
    assert (e["type"], e["trigger"], e["count"], e["actor_text"]) == ("transfer", "enviou", 300, None)  # no parse: no actor
    assert text[e["start"]:e["end"]] == "enviou" and text[e["count_span"]["start"]:e["count_span"]["end"]] == "300"
    assert e["origin"]["surface"] == "Lisboa" and e["destination"]["surface"] == "Madrid"
    assert (e["date"], e["date_text"], e["language"], e["planned"]) == ("2024-07-02", "2 de julho", "pt", False)
    assert text[e["date_span"]["start"]:e["date_span"]["end"]] == "2 de julho"


def test_counts_stay_with_their_own_trigger(resources: Resources) -> None:
    text = "В Харков 11 деца бяха убити и 22 деца бяха ранени."
    events = analyze(resources, text, "bg")
    assert [(e["subtype"], e["killed"], e["injured"]) for e in events] == [("killed", 11, None), ("injured", None, 22)]
    assert all("Харков" in e["location"]["surface"] for e in events)


def test_an_attack_on_a_place_and_a_threat(resources: Resources) -> None:
    (hit,) = analyze(resources, "Руските войски обстреляха Харков на 2 юли.", "bg")
    assert (hit["subtype"], hit["target"], hit["location"]["surface"], hit["planned"]) == ("shelling", "Харков", "Харков", False)
    (threat,) = analyze(resources, "Русия ще атакува Харков.", "bg")
    assert threat["planned"] is True


@pytest.mark.parametrize(("text", "lang"), [
    ("Não morreu ninguém em Lisboa.", "pt"),  # negated: did not happen
    ("A polícia prendeu a atenção do público em Lisboa.", "pt"),  # no people arrested
    ("Никой не пострада в Харков.", "bg"),
    ("Полицията задържа цените в София.", "bg"),  # "holds prices"
    ("Украйна изпрати писмо до София.", "bg"),  # a letter moved: no transfer of people
])
def test_no_event(resources: Resources, text: str, lang: str) -> None:
    assert analyze(resources, text, lang) == []


def test_the_keys_of_the_parsed_readers_events(resources: Resources) -> None:
    (pt,) = analyze(resources, "A explosão feriu duas pessoas em Lisboa.", "pt", ("Lisboa",))
    (ru,) = [e for e in analyze(resources, "Взрыв ранил двух человек в Москве.", "ru") if e["type"] == "casualties"]
    assert set(pt) == set(ru) and pt["injured"] == 2 and pt["count_text"] == "duas"
    assert "events" in language_notice("bg") and "events" in language_notice("pt")


def test_who_attacked_is_no_count_of_the_attacked(resources: Resources) -> None:
    events = analyze(resources, "Três homens armados atacaram a estação em Lisboa.", "pt", ("Lisboa",))
    assert [(e["subtype"], e["count"], e["location"]["surface"]) for e in events] == [("attack", None, "Lisboa")]


def test_arabic_events_by_trigger_forms(resources: Resources) -> None:
    text = "ونقلت القوات عشرات المعتقلين من سجن المدينة إلى قاعدة التنف عبر الصحراء."
    (moved,) = analyze(resources, text, "ar", ("التنف",))
    assert (moved["type"], moved["trigger"], moved["language"]) == ("transfer", "ونقلت", "ar")
    # the kind of place written before the name ("قاعدة", a base) leaves the preposition before it its role
    assert moved["destination"]["surface"] == "التنف"
    (killed,) = analyze(resources, "قتل 5 مدنيين في بلدة الشدادي يوم 2 تموز.", "ar", ("الشدادي",))
    assert (killed["subtype"], killed["killed"], killed["location"]["surface"]) == ("killed", 5, "الشدادي")
    assert (killed["date"], killed["date_text"]) == ("2024-07-02", "2 تموز")
    (hit,) = analyze(resources, "الطائرات قصفت بلدة الشدادي.", "ar", ("الشدادي",))
    assert (hit["subtype"], hit["target"]) == ("shelling", "الشدادي")
    # "نقلت" is also "quoted": with no people moved, no event
    assert analyze(resources, "نقلت وكالة الأنباء عن مسؤولين في دمشق أن الوضع هادئ.", "ar", ("دمشق",)) == []
    assert analyze(resources, "لم يقتل أحد في دمشق.", "ar", ("دمشق",)) == []


def test_persian_events_by_compound_verb_forms(resources: Resources) -> None:
    (killed,) = analyze(resources, "در انفجار دیروز در اهواز ۵ نفر کشته شدند.", "fa", ("اهواز",))
    assert (killed["subtype"], killed["trigger"], killed["killed"], killed["language"]) == ("killed", "کشته شدند", 5, "fa")
    assert killed["location"]["surface"] == "اهواز" and killed["date"] == "2024-07-02"
    (moved,) = analyze(resources, "ارتش ۳۰۰ سرباز از تهران به اهواز اعزام کرد.", "fa", ("تهران", "اهواز"))
    assert (moved["type"], moved["count"], moved["origin"]["surface"], moved["destination"]["surface"]) == (
        "transfer", 300, "تهران", "اهواز")
    # the negative prefix makes another word: nothing happened; a letter sent moves no one
    assert analyze(resources, "در انفجار دیروز در اهواز هیچ کس کشته نشد.", "fa", ("اهواز",)) == []
    assert analyze(resources, "وزیر نامه‌ای از تهران به اهواز فرستاد.", "fa", ("تهران", "اهواز")) == []
