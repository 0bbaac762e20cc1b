"""The day a claim was said, read from its attribution's tag (hand-written sentences, no corpus)."""
from __future__ import annotations

from typing import Any

from headwater.enrich.claims.records import find_claims
from headwater.link.contradictions import compare
from headwater.model import Article


def _att(text: str, claim: str, cue: str, speaker: str | None) -> dict[str, Any]:
    s = text.index(claim)
    return {"claim": claim, "start": s, "end": s + len(claim), "cue": cue, "cue_start": text.index(cue),
            "sources": [{"name": speaker, "kind": "person"}] if speaker else [], "quote": False}


def _claim(found: list[dict[str, Any]], text: str) -> dict[str, Any]:
    return next(c for c in found if c["field"] == "text" and c["text"] == text)


def test_the_day_in_the_tag_dates_the_claim_with_its_span() -> None:
    text = ("Министр обороны заявил 3 июля 2024 года, что колонна вышла из города утром. "
            "«Потерь нет, все вернулись на базу», — сказал в понедельник его заместитель.")
    a = Article(source="x", title="", text=text, language="ru", published=None)
    a.attributions = [_att(text, "колонна вышла из города утром", "заявил", "Министр обороны"),
                      _att(text, "Потерь нет, все вернулись на базу", "сказал", "заместитель")]
    found = find_claims(a, None)
    first = _claim(found, "колонна вышла из города утром")
    (d,) = first["date_spans"]
    assert (d["text"], d["date"], d["basis"], d["of"]) == ("3 июля 2024 года", "2024-07-03", "explicit", "statement")
    assert text[d["start"]:d["end"]] == "3 июля 2024 года" and first["dates"] == ["3 июля 2024 года"]
    (w,) = _claim(found, "Потерь нет, все вернулись на базу")["date_spans"]
    # no publication date: the weekday cannot be anchored and stays null
    assert (text[w["start"]:w["end"]], w["date"], w["of"]) == ("в понедельник", None, "statement")


def test_another_claims_dates_and_a_cue_inside_the_claim_add_nothing() -> None:
    text = "Завод закрыли в 2022 году, сообщил мэр во вторник, а в 2023 году его открыли снова."
    a = Article(source="x", title="", text=text, language="ru", published="2024-07-05")
    a.attributions = [_att(text, "Завод закрыли в 2022 году", "сообщил", "мэр"),
                      {**_att(text, "а в 2023 году его открыли снова", "сообщил", None), "cue_start": None}]
    first = _claim(find_claims(a, None), "Завод закрыли в 2022 году")
    assert first["dates"] == ["2022 году", "во вторник"]  # not "2023 году": that is the other claim's
    assert [d.get("of") for d in first["date_spans"]] == [None, "statement"]
    assert first["date_spans"][1]["date"] == "2024-07-02"  # the Tuesday before Friday 5 July, inferred
    inside = "The mayor said on Monday that the plant will reopen next year."
    b = Article(source="y", title="", text=inside, language="en", published="2024-07-05")
    b.attributions = [{**_att(inside, inside, "said", "The mayor")}]
    assert all(d.get("of") is None for d in _claim(find_claims(b, None), inside)["date_spans"])


def test_the_day_of_saying_is_no_contradiction() -> None:
    def claim(said: str, stated: str | None = None) -> dict[str, Any]:
        spans = [{"text": said, "date": said, "precision": "day", "of": "statement"}]
        if stated:
            spans.append({"text": stated, "date": stated, "precision": "day"})
        return {"text": "The strike hit a depot", "date_spans": spans}

    assert compare(("a1", claim("2024-07-02")), ("a2", claim("2024-07-03")), same_incident=True) == []
    assert [s for s, _, _ in compare(("a1", claim("2024-07-02", "2024-06-30")),
                                     ("a2", claim("2024-07-03", "2024-06-29")), same_incident=True)] == ["date"]


def test_only_a_date_beside_the_cue_is_the_day_of_saying() -> None:
    text = ("Зеленский (его полномочия истекли 21 мая) заявил, что переговоры с соседями начнутся уже осенью. "
            "Министр заявил, что новый мост через реку откроют летом, имея в виду планы, которые обсуждали "
            "ещё в марте 2022 года.")
    a = Article(source="x", title="", text=text, language="ru", published="2024-07-05")
    a.attributions = [_att(text, "переговоры с соседями начнутся уже осенью", "заявил", "Зеленский"),
                      _att(text, "новый мост через реку откроют летом", "Министр заявил", "Министр")]
    found = find_claims(a, None)
    # in brackets: not when he spoke; a clause away from the verb: not either. Each claim keeps only its own
    # season: "начнутся" is a future the pack lists (the coming autumn), "откроют" no marker (unresolved)
    for claim, season, when in (("переговоры с соседями начнутся уже осенью", "осенью", "2024-09"),
                                ("новый мост через реку откроют летом", "летом", None)):
        assert [(d["text"], d["date"], d.get("of")) for d in _claim(found, claim)["date_spans"]] == [(season, when, None)]
