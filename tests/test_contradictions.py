"""Contradictions between retellings of one claim: counts of the same thing, polarity, places and dates
of one incident; nothing between claims about different things."""
from __future__ import annotations

from typing import Any

import pytest

from headwater.link.contradictions import claim_contradictions, compare, retold_contradictions


def claim(text: str, start: int = 100, **slots: Any) -> dict[str, Any]:
    return {"text": text, "field": "text", "start": start, "end": start + len(text), "negated": False, **slots}


def test_counts_of_the_same_noun_differ() -> None:
    a = claim("The US moved 750 militants to the base")
    b = claim("The US moved 60 militants to the base", start=10)
    ((slot, desc, spans),) = compare(("a1", a), ("a2", b), same_incident=False)
    assert slot == "count" and "750" in desc and "60" in desc
    assert spans == [{"article_id": "a1", "start": 113, "end": 116}, {"article_id": "a2", "start": 23, "end": 25}]


def test_counts_of_different_things_and_close_counts_are_not_contradictions() -> None:
    a = claim("The US moved 750 militants in 40 trucks")
    b = claim("The US moved 700 militants in 12 buses")
    assert compare(("a1", a), ("a2", b), same_incident=True) == []  # 750 ~ 700; trucks and buses differ


def test_polarity() -> None:
    a = claim("Washington trained the fighters at the base")
    b = claim("Washington did not train the fighters at the base", negated=True)
    ((slot, desc, _),) = compare(("a1", a), ("a2", b), same_incident=False)
    assert slot == "polarity" and desc.startswith("a2 says it did not")


def test_places_and_dates_only_within_one_incident() -> None:
    a = claim("Militants were moved to the base", places=["Al-Tanf"], dates=["25 February"])
    b = claim("Militants were moved to the base", places=["Deir ez-Zor"], dates=["26 February"])
    assert {s for s, _, _ in compare(("a1", a), ("a2", b), same_incident=True)} == {"place", "date"}
    assert compare(("a1", a), ("a2", b), same_incident=False) == []


def test_a_narrative_is_compared_pair_by_pair_with_spans() -> None:
    claims = {("a1", 0): claim("Officials said 750 militants were relocated"),
              ("a2", 3): claim("Officials said 60 militants were relocated"),
              ("a3", 1): claim("Officials said 750 militants were relocated")}
    narrative = {"id": "n7", "claims": [{"article_id": a, "claim_id": c, "similarity": 0.8} for a, c in claims]}
    found = claim_contradictions(narrative, lambda a, c: claims.get((a, c)), {})
    assert sorted(tuple(f["article_ids"]) for f in found) == [("a1", "a2"), ("a2", "a3")]
    assert all(f["narrative_id"] == "n7" and f["slot"] == "count" and len(f["spans"]) == 2 for f in found)


def test_only_claims_retold_are_compared() -> None:
    claims = {("a1", 0): claim("Washington trained the fighters at the base"),
              ("a2", 1): claim("Washington did not train the fighters at the base", negated=True)}
    members = [{"article_id": a, "claim_id": c, "similarity": 0.8} for a, c in claims]
    narratives = [{"id": "n1", "level": "fine", "claims": members}, {"id": "n2", "level": "known", "claims": members},
                  {"id": "n3", "level": "broad", "claims": members}]
    found = retold_contradictions(narratives, lambda a, c: claims.get((a, c)), {})
    assert [(f["narrative_id"], f["slot"]) for f in found] == [("n1", "polarity")]


def test_places_compare_at_one_level_and_dates_at_one_precision() -> None:
    kyiv = claim("The strike hit a depot", places=["Kyiv"], place_kinds={"Kyiv": "city"})
    ukraine = claim("The strike hit a depot", places=["Ukraine"], place_kinds={"Ukraine": "country"})
    kharkiv = claim("The strike hit a depot", places=["Kharkiv"], place_kinds={"Kharkiv": "city"})
    assert compare(("a1", kyiv), ("a2", ukraine), same_incident=True) == []  # both may be true
    assert [s for s, _, _ in compare(("a1", kyiv), ("a2", kharkiv), same_incident=True)] == ["place"]
    year = claim("It began then", date_spans=[{"text": "1940", "date": "1940", "precision": "year"}])
    day = claim("It began then", date_spans=[{"text": "21 July", "date": "2024-07-21", "precision": "day"}])
    other_day = claim("It began then", date_spans=[{"text": "23 July", "date": "2024-07-23", "precision": "day"}])
    assert compare(("a1", year), ("a2", day), same_incident=True) == []
    assert [s for s, _, _ in compare(("a1", day), ("a2", other_day), same_incident=True)] == ["date"]


def test_two_articles_disagree_on_a_slot_once() -> None:
    claims = {("a1", 0): claim("Officials said 750 militants were relocated"),
              ("a1", 1): claim("Officials later said 750 militants were relocated"),
              ("a2", 3): claim("Officials said 60 militants were relocated")}
    narrative = {"id": "n7", "claims": [{"article_id": a, "claim_id": c, "similarity": 0.8} for a, c in claims]}
    found = claim_contradictions(narrative, lambda a, c: claims.get((a, c)), {})
    assert [(f["article_ids"], f["slot"]) for f in found] == [(["a1", "a2"], "count")]


def test_a_count_noun_keeps_its_vowel_signs() -> None:
    a = claim("अधिकारियों ने कहा कि 10 सैनिक मारे गए")
    b = claim("अधिकारियों ने कहा कि 26 सैनिक मारे गए")
    ((slot, desc, _),) = compare(("a1", a), ("a2", b), same_incident=False)
    assert slot == "count" and "सैनिक" in desc


def test_polarity_once_per_pair_of_articles() -> None:
    claims = {("a1", 0): claim("Washington trained the fighters"),
              ("a1", 1): claim("Washington did not arm the fighters", negated=True),
              ("a2", 0): claim("Washington did not train the fighters", negated=True),
              ("a2", 1): claim("Washington armed the fighters")}
    narrative = {"id": "n2", "claims": [{"article_id": a, "claim_id": c, "similarity": 0.8} for a, c in claims]}
    found = claim_contradictions(narrative, lambda a, c: claims.get((a, c)), {})
    assert [f["slot"] for f in found] == ["polarity"]


def test_claims_that_are_not_one_claim_retold_are_not_compared() -> None:
    warned = claim("Petraeus warned that the threats of an invasion of the Baltics must be taken seriously")
    stop = claim("Petraeus is adamant that the president will not stop at Ukraine", negated=True)
    assert compare(("a1", warned), ("a2", stop), same_incident=True) == []
    # the same claim retold with its negation is a polarity pair
    moved = claim("Petraeus said the president will stop at Ukraine")
    assert [s for s, _, _ in compare(("a1", moved), ("a2", stop), same_incident=True)] == ["polarity"]


def test_claims_in_two_languages_compare_only_when_close_to_their_narrative() -> None:
    en = claim("The US moved militants to the base", lang="en")
    ru = claim("США не перебрасывали боевиков на базу", lang="ru", negated=True)
    assert compare(("a1", en), ("a2", ru), same_incident=True) == []  # no word to compare across scripts
    assert [s for s, _, _ in compare(("a1", en), ("a2", ru), same_incident=True, close=True)] == ["polarity"]


def test_a_count_both_articles_state_is_no_contradiction() -> None:
    claims = {("a1", 0): claim("10 prisoners were taken to Russia, 13 prisoners to Germany and three to the US"),
              ("a2", 0): claim("13 prisoners were taken to Germany and three to the US"),
              ("a3", 0): claim("25 prisoners were taken to Germany and three to the US")}
    narrative = {"id": "n1", "claims": [{"article_id": a, "claim_id": c, "similarity": 0.8} for a, c in claims]}
    found = claim_contradictions(narrative, lambda a, c: claims.get((a, c)), {})
    assert sorted((tuple(f["article_ids"]), f["description"]) for f in found) == [
        (("a1", "a3"), "10 prisoner(s) in a1, 25 in a3"), (("a2", "a3"), "13 prisoner(s) in a2, 25 in a3")]


def test_a_date_resolved_in_one_article_only_is_not_compared() -> None:
    def said(text: str, when: str, date: str | None) -> dict[str, Any]:
        s = text.index(when)
        return claim(text, date_spans=[{"text": when, "start": s, "end": s + len(when), "date": date, "precision": "day"}])

    today = said("The two leaders meet in Moscow today", "today", None)
    july = said("The two leaders meet in Moscow on 9 July", "9 July", "2024-07-09")
    july_unresolved = said("The two leaders meet in Moscow on 9 July", "9 July", None)
    tenth = said("The two leaders meet in Moscow on 10 July", "10 July", None)
    assert compare(("a1", today), ("a2", july), same_incident=True) == []
    assert compare(("a1", today), ("a2", july_unresolved), same_incident=True) == []
    assert [s for s, _, _ in compare(("a1", july_unresolved), ("a2", tenth), same_incident=True)] == ["date"]


def test_negation_words_are_whole_words_and_an_exceptive_affirms() -> None:
    from headwater.enrich.claims.records import negated

    assert negated("वह कल नहीं आया", "hi")
    assert not negated("दो नाबालिगों सहित 10 कैदियों को रूस ले जाया गया", "hi")  # न is not a word of नाबालिग
    assert negated("Kyiv did not agree to talks", "en")
    assert not negated("Kyiv had no choice but to agree to talks", "en")
    assert not negated("На президента не му остава друг избор, освен да седне на масата", "bg")
    assert negated("Президентът не седна на масата", "bg")
    assert negated("They did not attack, but shelled the town", "en")  # "but" alone is contrastive


@pytest.mark.parametrize("text", ["Navalny wasn't poisoned with Novichok", "Navalny wasn’t poisoned with Novichok",
                                  "The troops don’t leave the base", "Kyiv won't implement the agreements"])
def test_a_negation_written_on_its_verb_negates(text: str) -> None:
    from headwater.enrich.claims.records import negated

    assert negated(text, "en")  # the contraction was never read: "n't" stood as a word of its own only
    assert not negated(text.replace("n't", "").replace("n’t", "").replace("wo ", "will "), "en")


@pytest.mark.parametrize(("content", "cue", "lang", "expected"), [
    ("to implement the Minsk agreements", "refuses", "en", True),
    ("that its troops crossed the border", "denied", "en", True),
    ("that its troops had not crossed the border", "denied", "en", False),  # a negation inside turns it back
    ("that its troops crossed the border", "said", "en", False),
    ("выполнять минские соглашения", "отказался", "ru", True),
])
def test_a_claim_reported_by_a_verb_that_says_no_is_negated(content: str, cue: str, lang: str, expected: bool) -> None:
    from headwater.enrich.claims.records import negated

    assert negated(content, lang, cue) is expected


@pytest.mark.parametrize(("text", "lang", "negating"), [
    # an additive focus ("not only … but also"): the same sentence without "only" negates
    ("The sanctions hurt not only Russia but also Europe's own industry", "en",
     "The sanctions hurt not Russia but Europe's own industry"),
    ("Много хора на Запад искат да се върнат в годините, когато не само Украйна, но и Русия беше достъпна", "bg",
     "Много хора на Запад не искат да се върнат в годините, когато Украйна беше достъпна"),
    ("Санкции ударили не только по России, но и по Европе", "ru", "Санкции не ударили по Европе"),
    ("As sanções atingiram não só a Rússia, mas também a Europa", "pt", "As sanções não atingiram a Europa"),
    # concessives and emphatics
    ("No matter how the talks end, the pipeline will be finished", "en", "The pipeline will not be finished"),
    ("There is no doubt the strike hit the depot", "en", "The strike did not hit the depot"),
    ("Тем не менее, войска вошли в город", "ru", "Войска не вошли в город"),
    ("По данным министерства, погибли не менее 100 человек", "ru", "По данным министерства, никто не погиб"),
    ("Não obstante, as tropas entraram na cidade", "pt", "As tropas não entraram na cidade"),
])
def test_idioms_with_a_negation_word_negate_nothing(text: str, lang: str, negating: str) -> None:
    from headwater.enrich.claims.records import negated

    assert not negated(text, lang)
    assert negated(negating, lang)


def test_a_number_written_with_a_scale_word_is_one_number() -> None:
    a = claim("फेडरेशन के मुताबिक रूस के पास 5 हजार 977 परमाणु हथियार हैं", lang="hi")
    b = claim("फेडरेशन के मुताबिक रूस के पास 5,580 परमाणु हथियार हैं", lang="hi")
    assert compare(("a1", a), ("a2", b), same_incident=True) == []  # 5,977 and 5,580 agree; not 977 against 5,580
    c = claim("По данным министерства, 5 тысяч беженцев вернулись домой", lang="ru")
    d = claim("По данным министерства, 90 беженцев вернулись домой", lang="ru")
    found = compare(("a1", c), ("a2", d), same_incident=True)  # 5,000 refugees against 90, not 5 тысяч
    assert [(s, text) for s, text, _ in found] == [("count", "5 тысяч беженцев(s) in a1, 90 in a2")]
    f = claim("По данным министерства, 4 тысячи 900 беженцев вернулись домой", lang="ru")
    assert compare(("a1", c), ("a2", f), same_incident=True) == []  # 5,000 and 4,900 agree
    e = claim("По данным министерства, 900 беженцев вернулись домой", lang="ru")
    assert [s for s, _, _ in compare(("a1", d), ("a2", e), same_incident=True)] == ["count"]
    g = claim("Según el ministerio, la ayuda suma 5 mil millones euros", lang="es")
    h = claim("Según el ministerio, la ayuda suma 50 millones euros", lang="es")
    assert [text for _, text, _ in compare(("a1", g), ("a2", h), same_incident=True)] == [
        "5 mil millones euro(s) in a1, 50 millones in a2"]
