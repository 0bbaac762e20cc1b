"""Event extraction on news sentences written for these tests (not copied from any corpus)."""
from __future__ import annotations

from typing import Any

import pytest

from headwater.enrich import Context
from headwater.enrich.builtin import PLACES
from headwater.enrich.events.find import find_events
from headwater.model import Article
from headwater.resources import Resources

PUB = "2023-05-17"  # a Wednesday


def analyze(resources: Resources, text: str, published: str | None = PUB, title: str | None = None,
            attributions: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    article = Article(source="t.txt", text=text, title=title, published=published)
    ctx = Context(article, resources)
    PLACES.run(ctx)
    article.attributions = attributions or []
    return find_events(ctx.doc, article)


def one(events: list[dict[str, Any]], type_: str) -> dict[str, Any]:
    found = [e for e in events if e["type"] == type_]
    assert len(found) == 1, [(e["type"], e["trigger"]) for e in events]
    return found[0]


def name(place: dict[str, Any] | None) -> str | None:
    return None if place is None else str(place["name"])


# movements ---------------------------------------------------------------------------------
def test_transfer_from_to_with_actor_count_and_weekday(resources: Resources) -> None:
    e = one(analyze(resources, "Russian forces moved about 300 detainees from Raqqa to a prison in Homs on Sunday, "
                               "residents said."), "transfer")
    assert (e["actor"], e["actor_text"]) == ("Russia", "Russian forces")
    assert (e["count"], e["count_qualifier"], e["count_text"]) == (300, "about", "about 300")
    assert "Raqqa" in name(e["origin"]) and name(e["destination"]) == "Homs"
    assert (e["date"], e["date_basis"]) == ("2023-05-14", "inferred")
    assert e["trigger"] == "moved" and e["start"] is not None


def test_vague_count_out_of_and_means(resources: Resources) -> None:
    e = one(analyze(resources, "Dozens of families were evacuated out of Idlib province on buses on 3 March."), "transfer")
    assert e["count"] is None and e["count_text"] == "Dozens of"
    assert name(e["origin"]) == "Idlib" and e["destination"] is None
    assert e["means"] == "buses"
    assert (e["date"], e["date_basis"]) == ("2023-03-03", "inferred")


def test_where_people_were_held_is_where_they_came_from(resources: Resources) -> None:
    e = one(analyze(resources, "The prisoners, who had been held in Idlib, were transferred to Latakia last week."),
            "transfer")
    assert "Idlib" in name(e["origin"]) and "Latakia" in name(e["destination"])
    assert e["date"] is None  # "last week" is too vague for a date


def test_via_and_into(resources: Resources) -> None:
    e = one(analyze(resources, "Hundreds of fighters were smuggled through Turkey into Aleppo, officials said."),
            "transfer")
    assert e["subtype"] == "smuggling"
    assert name(e["via"]) == "Turkey" and name(e["destination"]) == "Aleppo"


def test_directions_in_a_paragraph(resources: Resources) -> None:
    events = analyze(resources, "Heavy fighting continued in Syria on Monday. Government reinforcements arriving from "
                                "Homs reached the front near Palmyra in central Syria. The detainees were taken from "
                                "Raqqa to a camp in Hasakah province, while buses moved out of Douma. Syrian troops also "
                                "began a Homs-to-Hama redeployment of 2,000 soldiers.")
    by_trigger = {e["trigger"]: e for e in events}
    assert name(by_trigger["arriving"]["origin"]) == "Homs"
    assert "Raqqa" in name(by_trigger["taken"]["origin"]) and "asakah" in name(by_trigger["taken"]["destination"])
    assert name(by_trigger["moved"]["origin"]) == "Douma" and by_trigger["moved"]["actor"] is None
    redeploy = by_trigger["redeployment"]
    assert name(redeploy["origin"]) == "Homs" and "am" in name(redeploy["destination"])
    assert (redeploy["actor"], redeploy["count"]) == ("Syrian government", 2000)


def test_capital_for_its_government_is_an_actor_not_a_place(resources: Resources) -> None:
    e = one(analyze(resources, "Washington deployed 500 troops to Syria in January."), "transfer")
    assert (e["actor"], e["actor_text"]) == ("United States", "Washington")
    assert e["count"] == 500 and name(e["destination"]) == "Syria" and e["location"] is None


def test_later_mention_fills_in_the_first(resources: Resources) -> None:
    events = analyze(resources, "Hundreds of inmates were transferred from Hasakah to Deir ez-Zor. "
                                "Witnesses said US troops moved 400 inmates to Deir ez-Zor in trucks.")
    e = one(events, "transfer")
    assert e["count"] == 400 and e["actor"] == "United States" and e["means"] == "trucks"
    assert name(e["destination"]) is not None and "Deir" in name(e["destination"])
    assert name(e["origin"]) is not None and "asakah" in name(e["origin"])
    assert len(e["mentions"]) == 1


# training, detention, release ----------------------------------------------------------------
def test_training_at_a_base(resources: Resources) -> None:
    e = one(analyze(resources, "American instructors have been training at least 45 fighters at a base near Raqqa."),
            "training")
    assert e["actor"] == "United States" and (e["count"], e["count_qualifier"]) == (45, "at least")
    assert "Raqqa" in name(e["location"])


def test_detention_and_release(resources: Resources) -> None:
    events = analyze(resources, "Turkish police detained 14 suspects in Istanbul on Friday. "
                                "A court later released nine of them.")
    d = one(events, "detention")
    assert d["actor"] == "Turkey" and d["count"] == 14 and name(d["location"]) == "Istanbul"
    assert d["date"] == "2023-05-12" and d["cameo"] == "173"
    r = one(events, "release")
    assert r["count"] == 9


@pytest.mark.parametrize("text", [
    "The ministry released a statement on Monday.",
    "The manager was fired from his job in Damascus.",
    "Militants run training camps in the desert.",
    "The Islamic Movement of Uzbekistan issued a video.",
])
def test_words_that_are_not_events(resources: Resources, text: str) -> None:
    assert analyze(resources, text) == []


# attacks and casualties ----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "where"), [
    ("A US Chinook helicopter was shot down, the Taliban said on Tuesday.", None),  # whose helicopter
    ("Russia attacked Ukraine on Thursday, officials said.", "Ukraine"),  # who attacked is not where
    ("Russian troops attacked on Tuesday, the ministry said.", None),
    ("Two US service members were killed in a helicopter crash in Afghanistan.", "Afghanistan"),
    ("Gunmen killed five people in a Syrian village on Monday.", "Syria"),  # a village of Syria is in Syria
])
def test_a_place_named_as_whose_or_who_is_not_where(resources: Resources, text: str, where: str | None) -> None:
    events = [e for e in analyze(resources, text) if e["type"] in ("attack", "casualties")]
    assert events and all(name(e["location"]) == where for e in events)


def test_a_place_that_is_its_sentence_root_is_still_where(resources: Resources) -> None:
    # the mention's head chain ends at the root, whose head is itself (this looped before it was read by index)
    events = analyze(resources, "Aleppo, Syria, where three people were killed on Monday.")
    assert [name(e["location"]) for e in events if e["type"] == "casualties"] == ["Aleppo"]


def test_airstrike_toll_with_categories(resources: Resources) -> None:
    e = one(analyze(resources, "An airstrike on a market in Idlib killed 12 civilians, including four children, "
                               "and injured 30 others, a monitor said."), "attack")
    assert e["subtype"] == "airstrike" and (e["killed"], e["injured"]) == (12, 30)
    assert e["killed_by_category"] == {"civilians": 12, "children": 4}
    assert name(e["location"]) == "Idlib"
    assert e["acled"] == {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}
    assert e["cameo"] == "195" and e["headline"]


@pytest.mark.parametrize("text, killed, injured", [
    ("Seven people were killed and 72 others were injured when a car bomb exploded in Azaz on Thursday.", 7, 72),
    ("The death toll from the shelling of Douma rose to 58, rescuers said.", 58, None),
    ("The blast left 22 dead and dozens wounded.", 22, None),
    ("The army said it killed 304 Daesh militants and injured 170 in the operation.", 304, 170),
    ("At least 23 killed as gunmen storm a checkpoint", 23, None),
    ("Gunmen opened fire on a wedding party, killing 9 guests.", 9, None),
    ("The rocket attack claimed the lives of eleven people.", 11, None),
])
def test_tolls(resources: Resources, text: str, killed: int, injured: int | None) -> None:
    events = [e for e in analyze(resources, text) if e["killed"] is not None]
    assert [(e["killed"], e["injured"]) for e in events] == [(killed, injured)]
    assert events[0]["type"] in ("attack", "casualties")


@pytest.mark.parametrize("text", [
    "Between three and nine soldiers were injured in the ambush.",  # a range: no invented toll
    "The father of two boys died in the fire.",  # the boys are not the dead
    "Relatives mourned the death of a mother who had four children.",
])
def test_numbers_near_casualty_words_that_are_not_tolls(resources: Resources, text: str) -> None:
    events = analyze(resources, text)
    assert all(e["killed"] is None and e["injured"] is None for e in events), events


def test_soldiers_who_died(resources: Resources) -> None:
    e = one(analyze(resources, "More than 20 Syrian soldiers have died in ambushes over the past week."), "attack")
    assert (e["killed"], e["count_qualifier"]) == (20, "more than")
    assert e["killed_by_category"] == {"soldiers": 20}
    assert e["actor"] is None  # the soldiers died; they did not act


def test_vague_toll_is_not_a_number(resources: Resources) -> None:
    e = one(analyze(resources, "Dozens of people were killed in the raid on the village."), "attack")
    assert e["killed"] is None and e["count_text"] == "Dozens of"


def test_war_toll_is_cumulative_not_the_headline(resources: Resources) -> None:
    events = analyze(resources, "A bomb killed 6 people in Homs on Monday. More than 300,000 people have been killed "
                                "since the war began in 2011.")
    by_toll = {e["killed"]: e for e in events}
    assert by_toll[300000]["cumulative"] and not by_toll[300000]["headline"]
    assert by_toll[6]["headline"] and by_toll[6]["date"] == "2023-05-15"


def test_title_toll_when_the_body_does_not_repeat_it(resources: Resources) -> None:
    events = analyze(resources, "A car bomb exploded near a bakery in Azaz. Some reports put the toll higher.",
                     title="Car bomb kills 9 in northern Syria")
    head = [e for e in events if e["headline"]]
    assert len(head) == 1 and head[0]["killed"] == 9 and head[0]["in_title"] and head[0]["start"] is None


def test_planned_attack(resources: Resources) -> None:
    e = one(analyze(resources, "The group is training recruits to attack the base."), "attack")
    assert e["planned"]


def test_event_inside_a_claim_carries_its_sources(resources: Resources) -> None:
    text = "The ministry said that rebels shelled Aleppo on Tuesday."
    sources = [{"name": "Syrian Ministry of Defence", "kind": "government", "country": "SY", "state_affiliated": True}]
    claim = {"claim": text, "start": 0, "end": len(text), "cue": "said", "sources": sources}
    e = one(analyze(resources, text, attributions=[claim]), "attack")
    assert e["attribution"] == sources and e["actor"] == "Syrian opposition"
    assert e["subtype"] == "shelling" and e["date"] == "2023-05-16"


def test_no_publication_date_no_relative_date(resources: Resources) -> None:
    e = one(analyze(resources, "Police arrested 5 men in Beirut on Sunday.", published=None), "detention")
    assert e["date"] is None and e["date_basis"] is None


def test_empty_article(resources: Resources) -> None:
    assert analyze(resources, "") == []
