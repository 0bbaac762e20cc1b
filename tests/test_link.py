"""Linking: narratives from claim frames, contradictions slot by slot, provenance, copies, stable ids."""
from __future__ import annotations

from typing import Any

from headwater.link.builtin import link_corpus
from headwater.link.copies import find_copies
from headwater.link.frames import canonical, frames
from headwater.model import Article, Outlet

HASAKAH = {"name": "Al-Hasakah", "lat": 36.50, "lon": 40.75, "place_id": "a"}
DEIR = {"name": "Deir ez-Zor", "lat": 35.33, "lon": 40.14, "place_id": "b"}
TANF = {"name": "Al-Tanf", "lat": 33.51, "lon": 38.66, "place_id": "c"}
STATE = Outlet("x", "State Outlet", "RU", True, "url")


def move(origin: dict[str, Any] | None, dest: dict[str, Any] | None, actor: str = "US forces",
         target: str = "Daesh militants", chain: list[dict[str, Any]] | None = None, count: int | None = None) -> dict[str, Any]:
    return {"type": "transfer", "actor": actor, "target": target, "origin": origin, "destination": dest,
            "count": count, "attribution": chain or [], "start": 0, "end": 5}


def art(text: str, events: list[dict[str, Any]], outlet: Outlet | None = None) -> Article:
    return Article(source="s", text=text, events=events, outlet=outlet)


def test_actor_aliases_meet() -> None:
    assert canonical("American forces") == canonical("the Pentagon") == "United States"
    assert canonical("Daesh terrorists") == canonical("ISIS fighters") == "Islamic State"
    assert canonical("IS") == "Islamic State" and canonical("it is") is None  # acronyms only in capitals


def test_frames_roll_up_actions_and_find_the_group() -> None:
    a = art("US forces moved Daesh militants from the prison.", [move(HASAKAH, TANF, target="militants")])
    b = art("Washington trains ISIS fighters at the base.", [{"type": "training", "actor": "United States",
                                                             "target": "ISIS fighters"}])
    deploy = art("The US deployed more troops.", [move(None, TANF, target="US troops")])
    assert frames(a) == frames(b) == {("United States", "aids", "Islamic State")}
    assert frames(deploy) == set()  # moving one's own troops is no aid to a group


def test_narratives_contradictions_and_provenance() -> None:
    sana = [{"name": "SANA", "kind": "agency", "country": "SY", "state_affiliated": True},
            {"name": "local sources", "kind": "anonymous", "country": None, "state_affiliated": None}]
    corpus = [
        (1, art("Daesh militants were moved by US forces.", [move(DEIR, HASAKAH, chain=sana)], STATE)),
        (2, art("US forces took 750 Daesh militants out.", [move(HASAKAH, DEIR, count=750)])),
        (3, art("Government shelling killed ten people in the city.", [{"type": "attack", "actor": "Syrian army",
                                                                         "target": "civilians"}])),
    ]
    links = link_corpus(corpus)
    (n,) = [x for x in links.narratives if x["frame"]["actor"] == "United States"]
    assert n["article_ids"] == ["a1", "a2"] and "United States" in n["label"]
    (c,) = links.contradictions
    assert c["slot"] == "direction" and c["article_ids"] == ["a1", "a2"]
    (p,) = [x for x in links.provenance if x["narrative_id"] == n["id"]]
    assert {"from": "State Outlet", "to": "SANA", "article_id": "a1"} in p["edges"]
    assert {s["name"] for s in p["primary_sources"]} == {"local sources", "unattributed"}
    assert p["independent_non_state_named_primary_sources"] == 0


def test_narrative_ids_are_stable_across_runs() -> None:
    corpus = [(i, art("US moves Daesh militants.", [move(HASAKAH, TANF)])) for i in (1, 2)]
    first = link_corpus(corpus)
    later = link_corpus([(9, art("Attack.", [{"type": "attack", "actor": "Russia", "target": "ISIS"}])),
                         (10, art("Attack.", [{"type": "attack", "actor": "Russia", "target": "ISIS"}])), *corpus],
                        first.narrative_ids)
    old = {n["key"]: n["id"] for n in first.narratives}
    assert all(old[n["key"]] == n["id"] for n in later.narratives if n["key"] in old)
    assert len({n["id"] for n in later.narratives}) == len(later.narratives)


def test_copies_link_rewrites_to_the_original() -> None:
    base = ("The convoy carrying hundreds of displaced families reached the border crossing late on Monday "
            "after a two day journey through the desert, aid workers said, adding that more were expected.")
    corpus = [(1, Article("a", base, published="2020-01-01")),
              (2, Article("b", base + " The crossing will stay open.", published="2020-01-02")),
              (3, Article("c", "A different report about elections in another country entirely, with no overlap."))]
    (c,) = find_copies(corpus)
    assert c["article_id"] == "a2" and c["derived_from"] == "a1"
    stories = link_corpus(corpus).stories
    assert sorted(len(s["article_ids"]) for s in stories) == [1, 2]
