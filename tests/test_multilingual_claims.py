"""Russian claims: an outlet told by no one named, short dated sentences, the day a source spoke
(hand-written sentences, not taken from any corpus)."""
from __future__ import annotations

from typing import Any

import pytest

from headwater.enrich.attributions.multilingual import find_attributions_multilingual
from headwater.enrich.claims.records import find_claims
from headwater.lang import ensure_languages, pack_for
from headwater.lang.parsers import SENTENCES
from headwater.model import Article
from headwater.resources import Resources


def _find(resources: Resources, text: str) -> list[dict[str, Any]]:
    ensure_languages()
    pack = pack_for("ru")
    assert pack is not None
    return find_attributions_multilingual(resources.parser("ru")(text), Article(source="t", text=text, language="ru"),
                                          pack, resources.sources)


@pytest.mark.parametrize("text", [
    "Сообщили lenta.ru, что подсудимый полностью признал свою вину.",  # natasha: a passive participle
    "Было сообщено ТАСС, что подсудимый полностью признал свою вину.",
], ids=["site", "passive"])
def test_an_outlet_told_by_no_one_named_publishes(resources: Resources, text: str) -> None:
    (at,) = [x for x in _find(resources, text) if x["sources"]]
    outlet, speaker = at["sources"]
    assert outlet["kind"] in ("outlet", "agency") and outlet["text"] in text
    assert speaker["name"] is None and speaker["kind"] == "anonymous" and speaker["unresolved"] is True
    assert at["claim"] == "подсудимый полностью признал свою вину"
    assert text[at["start"]:at["end"]] == at["claim"]


def test_a_site_address_after_an_according_phrase_is_the_whole_address(resources: Resources) -> None:
    text = "Как сообщили lenta.ru, подсудимый полностью признал свою вину."
    (at,) = [x for x in _find(resources, text) if x["sources"]]
    assert [(s["name"], s["kind"]) for s in at["sources"]] == [("lenta.ru", "outlet")]
    assert at["claim"] == "подсудимый полностью признал свою вину"


def test_a_short_sentence_with_a_date_is_a_claim(resources: Resources) -> None:
    text = "Приговор был озвучен 29 ноября 2023 года."  # five words and two numbers: six and more
    (claim,) = _find(resources, text)
    assert claim["sources"] == [] and claim["claim"] == text
    assert [x["claim"] for x in _find(resources, "Суд был 29 ноября.")] == []  # still too short


def test_the_day_the_source_spoke_in_the_sentence_after(resources: Resources) -> None:
    text = ("Посольство России выразило протест из-за демонтажа памятников на острове. "
            "Об этом во вторник, 2 июля, сообщили в пресс-службе ведомства.")
    a = Article(source="t", title="", text=text, language="ru", published="2024-07-05")
    a.attributions = _find(resources, text)
    claim = next(c for c in find_claims(a, None) if c["kind"] == "attributed")
    said = [(text[d["start"]:d["end"]], d["date"], d["of"]) for d in claim["date_spans"]]
    assert said == [("во вторник", "2024-07-02", "statement"), ("2 июля", "2024-07-02", "statement")]


def test_a_sentence_glued_to_the_next_is_cut_there(resources: Resources) -> None:
    """Scraped text loses the space after a full stop ("войны.Демонтаж"): two sentences, the second a claim of
    its own with its date; an abbreviation's dot ("ул.Ленина") cuts nothing."""
    text = "Мост открыли в годы войны.Демонтаж старого моста начался в 2015 году по решению властей города."
    doc = resources.parser("ru")(text)
    assert [text[a:b] for a, b in doc.user_data[SENTENCES]] == [
        "Мост открыли в годы войны.", "Демонтаж старого моста начался в 2015 году по решению властей города."]
    a = Article(source="t", title="", text=text, language="ru", published="2024-07-05")
    a.attributions = _find(resources, text)
    dated = [c for c in find_claims(a, None) if c["date_spans"]]
    assert [c["text"] for c in dated] == ["Демонтаж старого моста начался в 2015 году по решению властей города."]
    street = "Дом стоит на ул.Ленина уже сто лет и никто его не ремонтировал."
    assert len(resources.parser("ru")(street).user_data[SENTENCES]) == 1
