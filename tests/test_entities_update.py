"""Entities updated with new articles agree with a full link, whatever the new articles do to them."""
from __future__ import annotations

import copy
import random
from typing import Any

import pytest

from headwater.link.builtin import ENTITIES
from headwater.link.entities import resolve_entities
from headwater.link.entities_update import STATES, add_entities
from headwater.link.index import MemoryIndex
from headwater.link.previous import MemoryPrevious
from headwater.link.registry import LinkContext, run_linkers
from headwater.model import Article
from headwater.store import Store
from tests.test_link_update import by_id, link_in_batches

# Who is quoted: full names, the bare surnames they go by, a surname two people share (the second full
# name comes later, so an update must part "Petrova" from the first), registry entries (``entity``),
# bodies, and a surname that is sometimes an organization's name.
PEOPLE = ["Nadia Orlova", "Ivo Grant", "Anna Petrova", "Sergei Lavrov", "Jan de Vries"]
LATE = ["Maria Petrova", "Tom Grant Jr Lavrov"]
SURNAMES = ["Orlova", "Grant", "Petrova", "Lavrov", "Vries", "Nobody"]
BODIES = [("Defence Ministry", "government"), ("Grant", "organization"), ("Reuters", "outlet"),
          ("Helsinki Group", "organization")]
REGISTRY = [("Q1", "Vladimir Putin"), ("Q1", "Putin"), ("Q2", "UN Security Council")]
TYPINGS = [{}, {}, {"country": "XX", "state_affiliated": True, "affiliation": "state", "typed_by": "role:minister"},
           {"country": "YY", "state_affiliated": False, "affiliation": "non_state", "typed_by": "role:activist"},
           {"country": "XX", "state_affiliated": True, "affiliation": "state", "typed_by": "registry",
            "intergovernmental": True}]


def _source(rng: random.Random, late: bool) -> dict[str, Any]:
    roll = rng.random()
    if roll < 0.35:
        name, kind, extra = rng.choice(PEOPLE + (LATE if late else [])), "person", {}
    elif roll < 0.6:
        name, kind, extra = rng.choice(SURNAMES), "person", {}
    elif roll < 0.8:
        (name, kind), extra = rng.choice(BODIES), {}
    else:
        ent, name = rng.choice(REGISTRY)
        kind, extra = "person" if ent == "Q1" else "organization", {"entity": ent}
    canon = {"canonical": name.upper()} if rng.random() < 0.1 else {}
    # each name typed one way where it is typed (its typing carries); now and then another way (it cannot)
    typing = TYPINGS[sum(map(ord, name)) % len(TYPINGS)] if rng.random() < 0.3 else {}
    typing = rng.choice(TYPINGS) if rng.random() < 0.03 else typing
    return {"name": name, "kind": kind, "affiliation": "unknown", **typing, **extra, **canon}


def generated(n: int = 160, seed: int = 3) -> list[tuple[int, Article]]:
    rng = random.Random(seed)
    corpus = []
    for row in range(1, n + 1):
        late = row > n // 2
        attrs = [{"claim": f"c{i}", "sources": [_source(rng, late) for _ in range(rng.randint(1, 2))]}
                 for i in range(rng.randint(0, 3))]
        events = [{"type": "attack", "attribution": [_source(rng, late)]} for _ in range(rng.randint(0, 1))]
        corpus.append((row, Article(source=f"{row}.txt", text="x", attributions=attrs, events=events)))
    return corpus


def test_full_names_join_and_part_as_the_corpus_grows() -> None:
    corpus = generated()
    early = {e["id"]: e for e in resolve_entities(copy.deepcopy(corpus[:80]))}
    final = {e["id"]: e for e in resolve_entities(copy.deepcopy(corpus))}
    assert "e:petrova" in early["e:anna petrova"]["keys"]  # one full name: the surname joins it...
    assert "e:petrova" in final and "e:petrova" not in final["e:anna petrova"]["keys"]  # ...two: it stands apart
    assert "e:grant" in final  # sometimes an organization: never joins Ivo Grant
    assert final["Q1"]["mentions"] > 1 and "Vladimir Putin" in final["Q1"]["names"]
    assert any(e["carry"] for e in final.values()) and any(e["affiliation"] == "mixed" for e in final.values())


@pytest.mark.parametrize("cuts", [[80, 160], [1, 40, 79, 80, 81, 120, 160], [150, 160], list(range(10, 161, 10))])
def test_added_articles_give_the_entities_of_a_full_link(cuts: list[int]) -> None:
    corpus = generated()
    full = resolve_entities(copy.deepcopy(corpus))
    added = link_in_batches(copy.deepcopy(corpus), cuts, (ENTITIES,))
    assert by_id(added["entities"]) == full  # (an update adds the entities it changes after the others)


def _store(n: int) -> Store:
    store = Store(":memory:")
    with store.db:
        store.db.executemany("INSERT INTO articles(id, content_hash, source, text, analyzer, added_at) "
                             "VALUES (?, ?, 's', 't', 'x', 'now')", [(i, str(i)) for i in range(1, n + 1)])
    return store




def test_the_store_keeps_what_the_update_needs() -> None:
    corpus = generated()
    full = resolve_entities(copy.deepcopy(corpus))
    with _store(len(corpus)) as store:
        arts = copy.deepcopy(corpus)
        first, _ = run_linkers((ENTITIES,), LinkContext(arts[:100], index=store))
        assert store.size(STATES) > 0
        ctx = LinkContext(arts, new=[r for r, _ in arts[100:]], previous=first, index=store)
        parts, _ = run_linkers((ENTITIES,), ctx)
        assert ctx.updated == ["entities/2"] and by_id(parts["entities"]) == full
        # the mentions are typed as their entities say, for the linkers after this one
        typed = [s for _, a in arts[100:] for at in a.attributions for s in at["sources"] if s.get("entity")]
        assert typed and all(s["entity"] in {e["id"] for e in full} for s in typed)


def test_an_article_folded_already_or_without_kept_states_links_whole() -> None:
    corpus = generated()
    index = MemoryIndex()
    first, _ = run_linkers((ENTITIES,), LinkContext(copy.deepcopy(corpus[:100]), index=index))
    # the same articles again (a run stopped after keeping states, before storing its links)
    stored = MemoryPrevious(first)
    assert add_entities(copy.deepcopy(corpus[90:110]), lambda k: stored.keyed("entities", k), True, index) is None
    assert add_entities(copy.deepcopy(corpus[100:]), lambda k: stored.keyed("entities", k), True, MemoryIndex()) is None
    arts = copy.deepcopy(corpus)
    ctx = LinkContext(arts, new=[r for r, _ in arts[100:]], previous=first, index=MemoryIndex())
    parts, _ = run_linkers((ENTITIES,), ctx)
    assert ctx.updated == [] and parts["entities"] == resolve_entities(copy.deepcopy(corpus))


def _one(row: int, *names: str | dict[str, str], kind: str = "person", **typing: Any) -> tuple[int, Article]:
    sources = [{"name": n, "kind": kind, "affiliation": "unknown", **typing} if isinstance(n, str)
               else {"kind": kind, "affiliation": "unknown", **n} for n in names]
    return row, Article(source=f"{row}.txt", text="x", attributions=[{"claim": "c", "sources": sources}])


@pytest.mark.parametrize("story", [
    # a second full name with the surname parts it from the first, though neither is named again
    [_one(1, "Anna Petrova", country="XX", state_affiliated=True, affiliation="state", typed_by="role:minister"),
     _one(2, "Petrova"), _one(3, "Ivo Grant"), _one(4, "Maria Petrova")],
    # a full name named after its bare surname takes it in (and its typing carries to it)
    [_one(1, "Lavrov"), _one(2, "Ivo Grant"), _one(3, "Sergei Lavrov", country="XX", state_affiliated=True,
                                                   affiliation="state", typed_by="role:minister")],
    # a surname named once as an organization leaves the full name it had joined
    [_one(1, "Ivo Grant"), _one(2, "Grant"), _one(3, "Grant", kind="organization")],
    # a surname that another surname would join, while it joins a full name itself: no chain
    [_one(1, "Tom Vries"), _one(2, {"name": "Vries Jan", "canonical": "Vries"}), _one(3, "Jan"), _one(4, "Tom Vries"),
     _one(5, "Tim Vries")],
])
def test_each_added_article_changes_the_entities_a_full_link_changes(story: list[tuple[int, Article]]) -> None:
    for upto in range(2, len(story) + 1):
        added = link_in_batches(copy.deepcopy(story), list(range(1, upto + 1)), (ENTITIES,))
        assert by_id(added["entities"]) == resolve_entities(copy.deepcopy(story[:upto])), upto
