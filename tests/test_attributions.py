"""Attributions: speakers, chains nearest first, anaphora, quotes, and the article's own voice."""
from __future__ import annotations

from typing import Any

import pytest

from headwater.enrich.attributions import find_attributions, quote_spans
from headwater.model import Article
from headwater.resources import Resources


def attributions(text: str, resources: Resources) -> list[dict[str, Any]]:
    article = Article(source="t", text=text)
    return find_attributions(resources.nlp(text), article, resources.sources)


def chain(att: dict[str, Any]) -> list[str]:
    return [s["name"] for s in att["sources"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials told Reuters that the convoy reached the border town on Monday.", ["Reuters", "Officials"]),
    ("According to the state news agency SANA, which cited local sources, the bridge was destroyed overnight.",
     ["state news agency SANA", "local sources"]),
    ("The ministry spokesman, citing field commanders, said the offensive had stalled near the river.",
     ["ministry spokesman", "field commanders"]),
])
def test_chains_nearest_first(text: str, expected: list[str], resources: Resources) -> None:
    (att,) = [a for a in attributions(text, resources) if a["sources"]]
    assert chain(att) == expected


def test_sources_are_typed_from_the_registries(resources: Resources) -> None:
    text = ("Russian Defense Ministry spokesman Igor Konashenkov said the strikes hit depots. "
            "According to Russia's Foreign Intelligence Service, the group was trained abroad. "
            "Sources told Russia's Sputnik news agency that hundreds of fighters were moved.")
    got = [a["sources"] for a in attributions(text, resources) if a["sources"]]
    assert got[0][0]["name"] == "Igor Konashenkov" and got[0][0]["kind"] == "person"
    assert got[0][0]["country"] == "RU" and got[0][0]["state_affiliated"] is True
    assert got[1][0]["kind"] == "intelligence" and got[1][0]["canonical"] == "Foreign Intelligence Service of Russia"
    assert [s["kind"] for s in got[2]] == ["agency", "anonymous"] and got[2][0]["state_affiliated"] is True


def test_quotes_across_sentences_and_anaphora(resources: Resources) -> None:
    text = ("“The convoy left at dawn. It reached the camp by noon,” Jane Doe, the agency's regional director, said. "
            "“Nobody was hurt.” She added that more trucks would follow.")
    atts = [a for a in attributions(text, resources) if a["sources"]]
    assert atts[0]["claim"].startswith("The convoy left at dawn. It reached the camp by noon")
    assert atts[0]["claim"].endswith("Nobody was hurt.")  # the quote runs on after the tag: one claim
    assert all(chain(a) == ["Jane Doe"] for a in atts), [chain(a) for a in atts]
    assert len(atts) == 2  # the quote, and what she added


def test_role_and_definite_references_resolve_to_the_named_source(resources: Resources) -> None:
    text = ("Syria's ambassador to the UN, Bassam Sabbagh, said the strikes were illegal. "
            "The envoy said Damascus would respond. The sources added that talks had stalled.")
    atts = [a for a in attributions(text, resources) if a["sources"]]
    assert chain(atts[1]) == ["Bassam Sabbagh"] and atts[1]["sources"][0]["country"] == "SY"


def test_own_voice_claims_have_no_sources_and_hedges_are_kept(resources: Resources) -> None:
    text = "Hundreds of fighters have reportedly been moved to the desert base in recent weeks."
    (att,) = attributions(text, resources)
    assert att["sources"] == [] and att["hedges"] == ["reportedly"] and att["sourcing"] == "unattributed"


def test_a_subject_that_does_not_speak_is_no_source(resources: Resources) -> None:
    text = "The plan calls for a ceasefire across the province by the end of the month."
    assert all(not a["sources"] for a in attributions(text, resources))


def test_quote_spans_pair_marks_within_paragraphs() -> None:
    text = '“One. Two,” he said.\n\n"Three'
    assert quote_spans(text) == [(1, 10)]  # "One. Two," inside the marks; the open quote of "Three is dropped


def test_headline_attributions_keep_title_offsets(resources: Resources) -> None:
    from headwater.enrich import ATTRIBUTIONS, run_enrichers

    article = Article(source="t", title="Militants moved to the desert base, Russian military says",
                      text="The convoy left on Monday and reached the base by night, residents said.")
    run_enrichers(article, resources, [ATTRIBUTIONS])
    (head,) = [a for a in article.attributions if a.get("field") == "title"]
    assert [s["name"] for s in head["sources"]] == ["Russian military"] and head["sources"][0]["state_affiliated"]
    assert head["start"] is None and article.title[head["title_start"]:head["title_end"]].startswith("Militants moved")
