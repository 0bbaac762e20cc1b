"""Stories: articles that report one incident (same event, place and time) end in one story."""
from __future__ import annotations

import random
from typing import Any

from headwater.link.builtin import link_corpus
from headwater.link.stories import cluster_vectors, incident_stories
from headwater.link.stories_profiles import profile, profile_vectors
from headwater.model import Article

PADANG = {"name": "Padang", "lat": -0.95, "lon": 100.35, "place_id": "gn:1633419", "kind": "city", "country": "ID"}
KOBE = {"name": "Kobe", "lat": 34.69, "lon": 135.19, "place_id": "gn:1859171", "kind": "city", "country": "JP"}
DHAKA = {"name": "Dhaka", "lat": 23.71, "lon": 90.41, "place_id": "gn:1185241", "kind": "city", "country": "BD"}


def place(p: dict[str, Any], text: str) -> dict[str, Any]:
    at = text.find(p["name"])
    return {**p, "surface": p["name"], "start": at, "end": at + len(p["name"])}


def report(text: str, title: str, where: dict[str, Any] | None = None, published: str | None = None,
           killed: int | None = None, kind: str = "casualties") -> Article:
    places = [place(where, text)] if where else []
    events = [{"type": kind, "actor": None, "target": "people", "killed": killed, "location": where}] if where else []
    return Article(source=title, text=text, title=title, published=published, places=places, events=events,
                   focus=where)


# Unrelated news, so that the corpus has some background the way a real one does.
BACKGROUND = [
    report("The central bank raised its benchmark interest rate by a quarter point on Wednesday, citing "
           "stubborn inflation in food and energy prices. Governor Elena Marsh said further increases were possible.",
           "Central bank raises rates"),
    report("Striker Tomas Varga scored twice as Northbridge United beat Castlefield 3-1 to move top of the league. "
           "The manager praised the defence after a difficult away fixture.", "Northbridge top the table"),
    report("Parliament approved the new budget after a late-night session. Opposition leader Mara Quint called "
           "the spending plan reckless and promised to challenge it in the courts.", "Budget passes parliament"),
    report("A new exhibition of Dutch landscape paintings opened at the city museum, with loans from collections "
           "in Amsterdam and London. Curator Pieter Hals spent four years assembling the works.", "Museum opens show"),
]


def corpus_of(articles: list[Article]) -> list[tuple[int, Article]]:
    return [(i, a) for i, a in enumerate(articles, 1)]


def story_of(stories: list[dict[str, Any]]) -> dict[str, str]:
    return {k: s["id"] for s in stories for k in s["article_ids"]}


def assert_partition(stories: list[dict[str, Any]], corpus: list[tuple[int, Article]]) -> None:
    listed = [k for s in stories for k in s["article_ids"]]
    assert sorted(listed) == sorted(f"a{i}" for i, _ in corpus)  # every article exactly once
    assert len({s["id"] for s in stories}) == len(stories)
    assert all(s["article_ids"] for s in stories)


QUAKE_PADANG = [
    report("A magnitude 7.6 earthquake struck off the coast of Padang on Wednesday, killing at least 75 people "
           "and trapping hundreds under collapsed buildings, Indonesian officials said. Disaster agency chief "
           "Rustam Pakaya said the toll would rise as rescuers reached the hotels and schools that fell in the city.",
           "Quake kills 75 in Padang", PADANG, "2009-09-30", 75),
    report("Rescuers dug through the rubble of hotels and schools in Padang on Thursday after the 7.6 magnitude "
           "quake. Rustam Pakaya of the disaster agency said at least 75 people had died in the city, and "
           "thousands of buildings collapsed across West Sumatra.", "Padang rescuers search rubble", PADANG,
           "2009-10-01", 75),
]
QUAKE_KOBE = [
    report("A magnitude 6.9 earthquake struck Kobe before dawn on Tuesday, killing more than 5,000 people as "
           "elevated highways and wooden houses collapsed and fires spread through the port city. Prime Minister "
           "Tomiichi Murayama said the government would send troops.", "Kobe earthquake kills thousands", KOBE,
           "1995-01-17", 5000),
    report("Fires burned across Kobe on Wednesday as soldiers and rescuers searched collapsed houses after the "
           "6.9 magnitude quake. Tomiichi Murayama visited the port, where the toll passed 5,000 and highways "
           "lay on their sides.", "Fires rage in quake-hit Kobe", KOBE, "1995-01-18", 5000),
]


def test_two_reports_of_one_incident_join_and_background_stays_alone() -> None:
    corpus = corpus_of([QUAKE_PADANG[0], *BACKGROUND, QUAKE_PADANG[1]])
    stories = incident_stories(corpus, [])
    assert_partition(stories, corpus)
    where = story_of(stories)
    assert where["a1"] == where["a6"]
    assert len({where[f"a{i}"] for i in range(2, 6)}) == 4 and where["a2"] != where["a1"]


def test_similar_incidents_at_different_places_stay_apart() -> None:
    corpus = corpus_of([*QUAKE_PADANG, *BACKGROUND, *QUAKE_KOBE])
    where = story_of(incident_stories(corpus, []))
    assert where["a1"] == where["a2"] and where["a7"] == where["a8"]
    assert where["a1"] != where["a7"]


def test_similar_incidents_at_one_place_and_different_dates_stay_apart() -> None:
    flood_2004 = [
        report("Floods in Dhaka left 120 people dead in July 2004 as the Buriganga river burst its banks and "
               "water covered half of the capital. Relief minister Chowdhury Kamal Ibne Yusuf said 2004 was "
               "the worst year for floods in a decade.", "Dhaka floods kill 120", DHAKA, "2004-07-28", 120),
        report("Water covered half of Dhaka after the Buriganga burst its banks, and the toll reached 120, "
               "relief minister Chowdhury Kamal Ibne Yusuf said on Thursday. Boats ferried residents through "
               "the flooded capital in July 2004.", "Half of Dhaka under water", DHAKA, "2004-07-29", 120),
    ]
    flood_2017 = [
        report("Monsoon floods in Dhaka killed 14 people in August 2017 after record rain overwhelmed drains, "
               "disaster minister Mofazzal Hossain Chowdhury Maya said, and the capital's streets turned into "
               "rivers.", "Monsoon floods hit Dhaka", DHAKA, "2017-08-14", 14),
        report("Record monsoon rain turned the streets of Dhaka into rivers and left 14 dead, minister Mofazzal "
               "Hossain Chowdhury Maya said in August 2017, blaming blocked drains in the capital.",
               "Dhaka streets flooded", DHAKA, "2017-08-15", 14),
    ]
    corpus = corpus_of([*flood_2004, *BACKGROUND, *flood_2017])
    where = story_of(incident_stories(corpus, []))
    assert where["a1"] == where["a2"] and where["a7"] == where["a8"]
    assert where["a1"] != where["a7"]


def test_copies_stay_together() -> None:
    corpus = corpus_of([QUAKE_PADANG[0], *BACKGROUND, QUAKE_KOBE[0]])
    # However dissimilar the texts, a pair find_copies reported ends in one story.
    copies = [{"article_id": "a6", "derived_from": "a2", "containment": 0.9}]
    where = story_of(incident_stories(corpus, copies))
    assert where["a2"] == where["a6"]
    assert where["a1"] != where["a6"]


def test_clustering_leaves_the_profile_vectors_as_given() -> None:
    # a merged cluster's summed vector is a copy made at its first merge: the articles' vectors (read
    # again by the neighbour search after the copies are joined, and by the caller) stay as they were
    corpus = corpus_of([*QUAKE_PADANG, QUAKE_KOBE[0], *BACKGROUND])
    vectors, df = profile_vectors([profile(a) for _, a in corpus])
    before = [dict(v) for v in vectors]
    groups = cluster_vectors(vectors, [(0, len(corpus) - 1)], df)
    assert any(len(g) > 1 for g in groups)  # something merged
    assert vectors == before


def test_link_corpus_uses_the_story_partition() -> None:
    corpus = corpus_of([*QUAKE_PADANG, *BACKGROUND])
    stories = link_corpus(corpus).stories
    assert_partition(stories, corpus)
    assert sorted(len(s["article_ids"]) for s in stories) == [1, 1, 1, 1, 2]


def test_empty_and_single_article_corpora() -> None:
    assert incident_stories([], []) == []
    assert incident_stories([(7, BACKGROUND[0])], []) == [{"id": "s1", "article_ids": ["a7"]}]


def generated_corpus(seed: int = 3) -> tuple[list[tuple[int, Article]], list[int]]:
    """30 incidents of 5 topics; incident 0 told by 40 articles, the others by 1-6 each. Two reports of
    one incident, of two incidents of one topic and of unrelated articles have median cosines (0.33,
    0.08, 0.01) near those of ECB+ articles (0.28, 0.08, 0.003)."""
    rng = random.Random(seed)
    common = [f"w{i}" for i in range(2000)]
    weights = [1 / (rank + 5) for rank in range(len(common))]  # Zipf-like: a few words are everywhere
    topics = [[f"t{k}x{i}" for i in range(20)] for k in range(5)]
    articles: list[Article] = []
    truth: list[int] = []
    for inc in range(30):
        names = [f"Name{inc}a", f"Name{inc}b", f"Place{inc}"]
        own = [f"i{inc}x{i}" for i in range(8)]
        for _ in range(40 if inc == 0 else rng.randint(1, 6)):
            words = rng.choices(common, weights, k=50) + rng.choices(topics[inc % 5], k=25) + rng.choices(own, k=30)
            words += [f"in {rng.choice(names)} today" for _ in range(8)]
            rng.shuffle(words)
            articles.append(Article(source="gen", text="It " + " ".join(words) + "."))
            truth.append(inc)
    return corpus_of(articles), truth


def test_partition_and_big_stories_on_a_generated_corpus() -> None:
    """A partition; the story told by 40 articles (more than any neighbour list holds) in one piece;
    incidents of one topic apart."""
    corpus, truth = generated_corpus()
    stories = incident_stories(corpus, [])
    assert_partition(stories, corpus)
    where = story_of(stories)
    big = {where[f"a{i + 1}"] for i, t in enumerate(truth) if t == 0}
    assert len(big) == 1
    mixed = [s for s in stories if len({truth[int(k[1:]) - 1] for k in s["article_ids"]}) > 1]
    assert mixed == []
    together = sum(len({where[f"a{i + 1}"] for i, t in enumerate(truth) if t == inc}) == 1 for inc in set(truth))
    assert together >= 27  # of 30 incidents
