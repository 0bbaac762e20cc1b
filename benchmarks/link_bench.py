"""Benchmark corpus linking (``headwater.link.link_corpus``) on synthetic corpora of growing size.

    python benchmarks/link_bench.py [--sizes 1000,2000,5000,10000] [--retellings 5] [--incidents N]
                                    [--big 0.02] [--seed 1] [--repeat 1]

Each corpus is made of ``Article`` objects the way the per-article stage leaves them: a title, a
text of about 250 words, a publication date, resolved places (with offsets) and events (type,
actor, killed, date, location). Incidents belong to topics (two earthquakes, two prison breaks):
they share the topic's vocabulary and differ in who (names), where (a place) and when (a date).
Each incident is told by a number of articles drawn around ``--retellings`` (a share ``--big`` of
incidents are told by ten times as many, as big stories are); some retellings are light rewrites of
another (near-copies). ``--incidents`` fixes the number of incidents at every size instead.

For each size it prints the wall time of ``link_corpus`` and, timed apart, of its near-copy step
(``find_copies``) and story step (``incident_stories``), the rest (narratives, contradictions,
provenance) being the difference; then time divided by n log n relative to the smallest size, for
the whole and for the story step (1.0 everywhere means growth exactly n log n; a quadratic cost
doubles it with every doubling of n); and how well the stories found match the incidents the
corpus was made from (B-cubed precision, recall, F1).
"""
from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from itertools import accumulate
from typing import Any

from headwater.link.builtin import link_corpus
from headwater.link.copies import find_copies
from headwater.link.stories import incident_stories
from headwater.model import Article

SYLLABLES = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu " \
            "ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo an en in on ar er ir or".split()
EVENT_TYPES = ["attack", "casualties", "detention", "transfer", "release"]
# Words of a sentence (about 20): 9-16 general words, Zipf-distributed (weight 1 / (rank + 20)),
# TOPIC_WORDS of the topic's 30, INCIDENT_WORDS of the incident's own 8, and 1-3 of its names, place,
# toll and date. Chosen so that the median cosine (headwater.link.stories profiles) of two reports
# of one incident, of two incidents of one topic and of unrelated articles, 0.34 / 0.08 / 0.012,
# come close to those of ECB+ articles (0.28 / 0.08 / 0.003).
TOPIC_WORDS = 2
INCIDENT_WORDS = 2
GENERAL_OFFSET = 20


def pseudo_word(rng: random.Random, syllables: tuple[int, int] = (2, 4)) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(*syllables)))


class World:
    """Vocabulary, topics and places shared by every corpus of one run."""

    def __init__(self, rng: random.Random, n_topics: int) -> None:
        self.general = list(dict.fromkeys(pseudo_word(rng) for _ in range(6000)))
        # Zipf-like frequencies of general words: the few common ones are in nearly every article.
        self.general_weights = [1.0 / (r + GENERAL_OFFSET) for r in range(len(self.general))]
        # summed once: ``choices`` given weights sums them on every call (6,000 words, most of the time
        # a corpus took to make); the same draws either way
        self.general_cum = list(accumulate(self.general_weights))
        self.topics = [[pseudo_word(rng) for _ in range(30)] for _ in range(n_topics)]
        self.places = [{"name": pseudo_word(rng, (2, 3)).capitalize(), "place_id": f"syn:{i}",
                        "lat": rng.uniform(-60, 60), "lon": rng.uniform(-180, 180), "kind": "city",
                        "country": "ZZ", "admin1": None} for i in range(3000)]


def make_incident(rng: random.Random, world: World, k: int) -> dict[str, Any]:
    return {"id": k, "topic": rng.randrange(len(world.topics)),
            "people": [f"{pseudo_word(rng, (2, 3)).capitalize()} {pseudo_word(rng, (2, 3)).capitalize()}"
                       for _ in range(rng.randint(1, 3))],
            "org": pseudo_word(rng, (2, 3)).capitalize() + " " + rng.choice(["Ministry", "Police", "Group", "Agency"]),
            "place": rng.choice(world.places), "type": rng.choice(EVENT_TYPES),
            "killed": rng.randint(1, 200), "day": date(2015, 1, 1) + timedelta(days=rng.randrange(3650)),
            "words": [pseudo_word(rng) for _ in range(8)]}  # what only this incident's reports say


def write_article(rng: random.Random, world: World, inc: dict[str, Any]) -> Article:
    topic = world.topics[inc["topic"]]
    place = inc["place"]
    sentences = []
    for s in range(rng.randint(9, 15)):
        words = rng.choices(world.general, cum_weights=world.general_cum, k=rng.randint(9, 16))
        words += rng.sample(topic, TOPIC_WORDS)
        specifics = [rng.choice(inc["people"]), place["name"], str(inc["killed"]), rng.choice(inc["words"])]
        if s == 0:
            specifics += [inc["org"], inc["day"].strftime("%B %d, %Y").replace(" 0", " ")]
        words += rng.sample(specifics, min(len(specifics), rng.randint(1, 3)))
        words += rng.sample(inc["words"], INCIDENT_WORDS)
        rng.shuffle(words)
        sentences.append(" ".join(words).capitalize() + ".")
    text = " ".join(sentences)
    title = f"{place['name']}: {rng.choice(topic)} {rng.choice(topic)} {inc['killed']} {rng.choice(inc['people'])}"
    places = []
    at = text.find(place["name"])
    if at >= 0:
        places.append({**place, "surface": place["name"], "start": at, "end": at + len(place["name"])})
    other = rng.choice(world.places)
    places.append({**other, "surface": other["name"], "start": 0, "end": 0})
    event = {"type": inc["type"], "subtype": inc["type"], "actor": inc["org"], "target": rng.choice(topic),
             "count": None, "killed": inc["killed"], "date": inc["day"].isoformat(), "location": place,
             "origin": None, "destination": None, "attribution": [], "start": 0, "end": 10}
    published = (inc["day"] + timedelta(days=rng.randint(0, 3))).isoformat()
    return Article(source=f"synthetic/{inc['id']}", text=text, title=title, published=published,
                   places=places, events=[event], focus=place)


def rewrite(rng: random.Random, world: World, a: Article) -> Article:
    """A near-copy: the same sentences with one in five replaced."""
    parts = a.text.split(". ")
    for i in range(len(parts)):
        if rng.random() < 0.2:
            parts[i] = " ".join(rng.choices(world.general, cum_weights=world.general_cum, k=12)).capitalize()
    return Article(source=a.source, text=". ".join(parts), title=a.title, published=a.published,
                   places=a.places, events=a.events, focus=a.focus)


def make_corpus(n: int, retellings: float, incidents: int | None, big: float, seed: int
                ) -> tuple[list[tuple[int, Article]], list[int], list[int]]:
    """n articles and, for each, the incident it reports and that incident's topic."""
    rng = random.Random(seed)
    n_incidents = incidents or max(1, round(n / retellings))
    world = World(random.Random(seed), max(2, n_incidents // 2))  # two incidents per topic on average
    corpus: list[tuple[int, Article]] = []
    truth: list[int] = []
    topics: list[int] = []
    k = 0
    while len(corpus) < n:
        inc = make_incident(rng, world, k)
        mean = retellings * (10 if rng.random() < big else 1)
        told = max(1, min(n - len(corpus), round(rng.expovariate(1 / mean)) + 1))
        written: list[Article] = []
        for _ in range(told):
            a = rewrite(rng, world, rng.choice(written)) if written and rng.random() < 0.15 else \
                write_article(rng, world, inc)
            written.append(a)
            corpus.append((len(corpus) + 1, a))
            truth.append(k)
            topics.append(inc["topic"])
        k = (k + 1) if incidents is None else (k + 1) % n_incidents
    return corpus, truth, topics


def bcubed(stories: list[dict[str, Any]], truth: list[int]) -> tuple[float, float, float]:
    pred = {int(key[1:]) - 1: s["id"] for s in stories for key in s["article_ids"]}
    gold_members: dict[int, set[int]] = defaultdict(set)
    pred_members: dict[str, set[int]] = defaultdict(set)
    for i, g in enumerate(truth):
        gold_members[g].add(i)
        pred_members[pred[i]].add(i)
    p = r = 0.0
    for i, g in enumerate(truth):
        common = len(gold_members[g] & pred_members[pred[i]])
        p += common / len(pred_members[pred[i]])
        r += common / len(gold_members[g])
    p, r = p / len(truth), r / len(truth)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,2000,5000,10000")
    ap.add_argument("--retellings", type=float, default=5.0, help="mean articles per incident")
    ap.add_argument("--incidents", type=int, default=None, help="fixed number of incidents at every size")
    ap.add_argument("--big", type=float, default=0.02, help="share of incidents told by 10x as many articles")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=1, help="time each size this many times, keep the fastest")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    print(f"{'articles':>8} {'incidents':>9} {'link_corpus s':>13} {'copies s':>8} {'stories s':>9} {'rest s':>6} "
          f"{'time/(n log n) rel.':>19} {'stories/(n log n) rel.':>22} {'stories':>7} {'B3 P':>5} {'B3 R':>5} {'B3 F1':>5}")
    base = story_base = None
    for n in sizes:
        corpus, truth, _ = make_corpus(n, args.retellings, args.incidents, args.big, args.seed)
        total = copy_time = story_time = math.inf
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            links = link_corpus(corpus)
            total = min(total, time.perf_counter() - t0)
            t0 = time.perf_counter()
            copies = find_copies(corpus)
            copy_time = min(copy_time, time.perf_counter() - t0)
            t0 = time.perf_counter()
            incident_stories(corpus, copies)
            story_time = min(story_time, time.perf_counter() - t0)
        nlogn = n * math.log(n)
        base = base or total / nlogn
        story_base = story_base or story_time / nlogn
        p, r, f = bcubed(links.stories, truth)
        rest = max(0.0, total - copy_time - story_time)
        print(f"{n:>8} {len(set(truth)):>9} {total:>13.2f} {copy_time:>8.2f} {story_time:>9.2f} {rest:>6.2f} "
              f"{total / nlogn / base:>19.2f} {story_time / nlogn / story_base:>22.2f} {len(links.stories):>7} "
              f"{p:>5.3f} {r:>5.3f} {f:>5.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
